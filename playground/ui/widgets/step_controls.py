"""◀ Back, Step ▶, Play and Show all over a run of steps, with Play's speeds: the controls the Matrices
workspace's A·B stepper and the step-through views of Look inside share.

The owner says how many steps there are (`set_count`) and draws the step the controls report (`moved`);
the controls keep the position, run the Play timer and say where they are. They pause when hidden, so
nothing animates behind another tab.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import MUTED_TEXT

MIN_SPEED, MAX_SPEED, DEFAULT_SPEED = 1, 10, 4


def play_interval_ms(speed: int) -> int:
    """Speed 1 waits 2.4 s a step, speed 10 a quarter of a second."""
    return int(2400 / max(MIN_SPEED, min(MAX_SPEED, speed)))


class StepTips(NamedTuple):
    """The tooltips of the controls, in English (translated when the controls are made)."""

    back: str = N_("The step before")
    step: str = N_("The next step")
    play: str = N_("Go through the steps one after another at the chosen speed")
    show_all: str = N_("Stop stepping and show everything at once")
    speed: str = N_("How fast Play moves from step to step")


class StepControls(QWidget):
    """◀ Back, Step ▶, Play and Show all over `count` steps, with a speed slider and where it is.

    Signals:
        moved(object): the step now shown (0-based), or None for "everything at once".
    """

    moved = Signal(object)

    def __init__(self, parent: QWidget | None = None, tips: StepTips | None = None):
        super().__init__(parent)
        tips = tips or StepTips()
        self.count = 0
        self.position: int | None = None
        self._describe: Callable[[int], str] = lambda i: ""
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.back_button = QPushButton(tr("◀ Back"))
        self.back_button.setToolTip(tr(tips.back))
        self.step_button = QPushButton(tr("Step ▶"))
        self.step_button.setToolTip(tr(tips.step))
        self.play_button = QPushButton(tr("Play"))
        self.play_button.setToolTip(tr(tips.play))
        self.show_all_button = QPushButton(tr("Show all"))
        self.show_all_button.setToolTip(tr(tips.show_all))
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(MIN_SPEED, MAX_SPEED)
        self.speed_slider.setValue(DEFAULT_SPEED)
        self.speed_slider.setMaximumWidth(110)
        self.speed_slider.setToolTip(tr(tips.speed))
        self.speed_slider.valueChanged.connect(lambda v: self._timer.setInterval(play_interval_ms(v)))
        self.position_label = QLabel()
        self.position_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.back_button.clicked.connect(self.back)
        self.step_button.clicked.connect(self.step)
        self.play_button.clicked.connect(self.toggle_play)
        self.show_all_button.clicked.connect(self.show_all)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.back_button, self.step_button, self.play_button, self.show_all_button):
            row.addWidget(w)
        row.addSpacing(8)
        speed = QLabel(tr("Speed"))
        speed.setStyleSheet(f"color: {MUTED_TEXT};")
        row.addWidget(speed)
        row.addWidget(self.speed_slider)
        row.addSpacing(8)
        row.addWidget(self.position_label, 1)
        self._update()

    def set_count(self, count: int, describe: Callable[[int], str] | None = None, keep: bool = True) -> None:
        """`count` steps; `describe(i)` says where step i is. The position stays when `keep` and it still fits."""
        self.count = max(0, count)
        if describe is not None:
            self._describe = describe
        if not keep or (self.position is not None and self.position >= self.count):
            self.position = None
        if not self.count:
            self.pause()
        self._update()

    def jump(self, position: int | None) -> None:
        """Show step `position` (None: all), as a click on a cell does; stops playing."""
        self._timer.stop()
        self._go(None if position is None or not self.count else max(0, min(position, self.count - 1)))

    def step(self) -> None:
        if self.count:
            self._go(0 if self.position is None else min(self.position + 1, self.count - 1))

    def back(self) -> None:
        if self.position is not None and self.position > 0:
            self._go(self.position - 1)

    def show_all(self) -> None:
        self.jump(None)

    def play(self) -> None:
        if not self.count:
            return
        if self.position is None or self.position >= self.count - 1:
            self._go(0)
        self._timer.start(play_interval_ms(self.speed_slider.value()))
        self._update()

    def pause(self) -> None:
        self._timer.stop()
        self._update()

    def toggle_play(self) -> None:
        self.pause() if self.is_playing() else self.play()

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def retranslate(self) -> None:
        self._update()

    def position_text(self) -> str:
        """Where the controls are, beside the slider (only asked while there are steps); a subclass may say it in
        its own words."""
        if self.position is None:
            return tr("{count} steps: Step or click a cell").format(count=self.count)
        return tr("step {number} of {count}: {where}").format(
            number=self.position + 1, count=self.count, where=self._describe(self.position))

    def hideEvent(self, event: QHideEvent) -> None:
        self.pause()  # nothing animates behind another tab
        super().hideEvent(event)

    def _tick(self) -> None:
        if self.position is None or self.position >= self.count - 1:
            self.pause()
            return
        self._go(self.position + 1)
        if self.position is not None and self.position >= self.count - 1:
            self.pause()

    def _go(self, position: int | None) -> None:
        self.position = position
        self._update()
        self.moved.emit(position)

    def _update(self) -> None:
        ok, last = self.count > 0, self.count - 1
        self.step_button.setEnabled(ok and (self.position is None or self.position < last))
        self.back_button.setEnabled(ok and self.position is not None and self.position > 0)
        self.play_button.setEnabled(ok)
        self.play_button.setText(tr("Pause") if self._timer.isActive() else tr("Play"))
        self.show_all_button.setEnabled(ok and self.position is not None)
        self.speed_slider.setEnabled(ok)
        self.position_label.setText(self.position_text() if ok else "")

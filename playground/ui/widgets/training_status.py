"""The status bar's permanent fields: the data set, epoch, step, samples/s, an ETA progress bar and the device."""

from __future__ import annotations

import math
import time
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from playground.core.i18n import N_, tr
from playground.core.training.events import Paused, RunStarted, RunSummary, StepDone

PROGRESS_STEPS = 1000
# Numbers changing 20 times a second cannot be read, and each change repaints the bar: 5 Hz is plenty.
REFRESH_SECONDS = 0.2
# How a run ended (RunSummary.reason) → the progress bar's text.
ENDED = {
    "stopped": N_("%p%  ·  stopped"),
    "diverged": N_("%p%  ·  diverged"),
    "error": N_("%p%  ·  error"),
}


def format_duration(seconds: float) -> str:
    """1:05 or 1:02:03; '–' when unknown."""
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TrainingStatus(QObject):
    """Adds its labels to `bar` and updates them from the trainer's events.

    Samples/s is the run's average as the trainer measures it: live while a run trains, then that run's
    average; "–" where there is none (a run too short to measure, an error, nothing trained yet).

    A QObject child of the bar, so a language switch finds it: `retranslate` says the fields' texts again."""

    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self.dataset = _label(tr("The data the network learns from (Data menu: import your own, or go back to MNIST)."))
        self.dataset.setObjectName("datasetStatus")
        self.epoch = _label(tr("Epochs finished and the epoch being trained, out of this run's target."),
                            "Epoch 888/888")
        self.step = _label(tr("Weight updates so far: one per batch."), "Step 8,888,888")
        self.speed = _label(tr("Training images processed per second (evaluation time not counted)."),
                            "888,888 samples/s")
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setFixedWidth(210)
        self.progress.setToolTip(tr("Progress of this run, with the estimated time left."))
        self.device = _label(tr("Where the network trains."))
        for widget in (self.dataset, self.epoch, self.step, self.speed, self.progress, self.device):
            bar.addPermanentWidget(widget)
        self._target_epoch = 0
        self._shown_at = 0.0
        self._texts: dict[str, tuple[str, dict[str, Any]]] = {}  # field → (English text, its values)
        self.clear()

    def _say(self, field: str, text: str, **values: Any) -> None:
        """Show `tr(text).format(**values)` in `field`, remembered so `retranslate` can say it again."""
        self._texts[field] = (text, values)
        shown = tr(text).format(**values) if values else tr(text)
        if field == "progress":
            self.progress.setFormat(shown)
        else:
            getattr(self, field).setText(shown)

    def retranslate(self) -> None:
        """The fields' texts in the language chosen now."""
        for field, (text, values) in list(self._texts.items()):
            self._say(field, text, **values)

    def clear(self) -> None:
        self._say("epoch", N_("Epoch –"))
        self._say("step", N_("Step 0"))
        self._say("speed", N_("– samples/s"))
        self._set_progress(0)
        self._say("progress", N_("Not started"))

    def show_loaded(self, step: int, epochs: int) -> None:
        """A project opened with this much training behind it."""
        if epochs:
            self._say("epoch", N_("Epoch {epoch}"), epoch=epochs)
        else:
            self._say("epoch", N_("Epoch –"))
        self._say("step", N_("Step {step:,}"), step=step)

    def show_started(self, event: RunStarted, target_epoch: int) -> None:
        self._target_epoch = target_epoch
        self._say("epoch", N_("Epoch {epoch}/{epochs}"),
                  epoch=min(event.epoch + 1, target_epoch), epochs=target_epoch)
        self._show_speed(None)  # the last run's figure is not this run's
        self._set_progress(0)
        self._say("progress", N_("Starting…"))

    def _set_progress(self, value: int) -> None:
        """QProgressBar.setValue repaints at once, inside the call (1–6 ms of blocked GUI thread, 5 times
        a second while training); with updates off for the call, the change is painted with the next
        frame instead, together with the labels."""
        self.progress.setUpdatesEnabled(False)
        self.progress.setValue(value)
        self.progress.setUpdatesEnabled(True)  # schedules the update

    def show_step(self, step: StepDone, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._shown_at < REFRESH_SECONDS:
            return
        self._shown_at = now
        self._say("epoch", N_("Epoch {epoch}/{epochs}"),
                  epoch=min(step.epoch + 1, self._target_epoch), epochs=self._target_epoch)
        self._say("step", N_("Step {step:,}"), step=step.step)
        self._show_speed(step.samples_per_second)
        self._set_progress(int(step.progress * PROGRESS_STEPS))
        self._say("progress", N_("%p%  ·  {time} left"), time=format_duration(step.eta_seconds))

    def show_epoch(self, epoch: int) -> None:
        """`epoch` epochs are done."""
        self._say("epoch", N_("Epoch {epoch}/{epochs}"), epoch=epoch, epochs=self._target_epoch)

    def show_paused(self, event: Paused) -> None:
        self._say("step", N_("Step {step:,}"), step=event.step)
        self._say("progress", N_("%p%  ·  paused"))

    def show_finished(self, summary: RunSummary) -> None:
        self._say("step", N_("Step {step:,}"), step=summary.steps)
        self._show_speed(summary.samples_per_second)  # this run's average, or none: never a figure from before
        if summary.reason == "completed" or summary.step_limit_reached:
            self._set_progress(PROGRESS_STEPS)
            self._say("progress", N_("Done"))
        else:
            reason = summary.reason
            if reason in ENDED:
                self._say("progress", ENDED[reason])
            else:  # a reason this version does not know: shown as it is
                self._texts.pop("progress", None)
                self.progress.setFormat(f"%p%  ·  {reason}")

    def _show_speed(self, samples_per_second: float | None) -> None:
        if samples_per_second is None or not math.isfinite(samples_per_second) or samples_per_second <= 0:
            self._say("speed", N_("– samples/s"))
        else:
            self._say("speed", N_("{speed:,.0f} samples/s"), speed=samples_per_second)

    def set_dataset(self, text: str, tooltip: str = "") -> None:
        self.dataset.setText(text)
        if tooltip:
            self.dataset.setToolTip(tooltip)

    def set_device(self, text: str, values: dict | None = None) -> None:
        """`text`: an English template (with `values`) said in the current language, then and on a switch."""
        self._say("device", text, **(values or {}))


def _label(tooltip: str, widest: str = "") -> QLabel:
    """`widest`: the longest text expected, so updates never resize (and relayout) the bar."""
    label = QLabel()
    label.setToolTip(tooltip)
    label.setContentsMargins(6, 0, 6, 0)
    if widest:
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(widest) + 12)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label

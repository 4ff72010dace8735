"""Fool it: the smallest fast-gradient-sign step that changes the network's answer for the canvas digit.

Every pixel moves by ε in the direction that raises the loss of the network's own answer fastest
(core/explain/adversarial.py, FGSM). One job on a job thread computes the changed image and its
probabilities for every ε from 0 to 0.5 (one gradient, one batch), so the slider moves through them at no
further cost; the view names the smallest ε that changes the prediction and starts there. (It imports torch
through the core: the window builds it once torch has loaded.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from playground.core.explain.adversarial import DEFAULT_EPSILONS, fool
from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import DIVERGING_STOPS, rgb
from playground.ui.workers.model_jobs import LatestJobRunner
from playground.ui.workspaces.inside.live_model_view import DigitPicture, LiveModelView
from playground.ui.workspaces.inside.prediction_bars import PredictionBars, format_percent

__all__ = ["FoolItView", "change_picture"]

INTRO = N_("Fool it: every pixel moves by ε (in pixel units, 0 to 1) in the direction that raises the loss of the "
           "network's answer fastest — the fast gradient sign method. How small a change makes it say something "
           "else?")
FOUND = N_("ε = {epsilon} is the smallest step that changes the answer: {before} becomes {after}.")
NOT_FOUND = N_("No step up to ε = {epsilon} changes the answer ({before}).")
ORIGINAL_CAPTION = N_("Your digit\nit says {digit} ({percent})")
CHANGED_CAPTION = N_("After the step\nit says {digit} ({percent})")
CHANGE_CAPTION = N_("The change\n±ε per pixel")
DRAW_FIRST = N_("Draw a digit (or pick a test digit) on the Draw view.")
_MINUS, _PLUS = np.array(rgb(DIVERGING_STOPS[0]), float), np.array(rgb(DIVERGING_STOPS[-1]), float)


def change_picture(changed: np.ndarray, original: np.ndarray, epsilon_max: float) -> np.ndarray:
    """x' − x as H×W×3 uint8: black where nothing changed, blue where pixels went down, orange where up,
    full colour at `epsilon_max`."""
    delta = (np.asarray(changed, float) - np.asarray(original, float)) / max(epsilon_max, 1e-9)
    d = np.clip(delta, -1, 1)[..., None]
    out = np.where(d < 0, -d * _MINUS, d * _PLUS)
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


class FoolItView(LiveModelView):
    """The canvas digit, the changed one and its probabilities, with a slider for ε."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("fool it", parent)
        self.epsilons: tuple[float, ...] = DEFAULT_EPSILONS
        self.result: Any = None  # the last core FoolResult
        self._follow_smallest = True  # the slider jumps to the smallest ε until the user moves it
        self.intro = QLabel(tr(INTRO))
        self.intro.setWordWrap(True)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.original = DigitPicture()
        self.change = DigitPicture()
        self.change.setToolTip(tr("What the step added: orange where pixels got brighter, blue where they got "
                                  "darker. Each pixel moves by the same ε, only its sign differs."))
        self.changed = DigitPicture()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(self.epsilons) - 1)
        self.slider.setAccessibleName(tr("Step size ε"))
        self.slider.setToolTip(tr("The step size ε: how far every pixel moves. The network's answer for each "
                                  "step is already computed; slide to see it."))
        self.epsilon_label = QLabel()
        self.bars = PredictionBars()
        self.bars.clear(DRAW_FIRST)
        self._layout()
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(self._pin)
        self._show_step()

    def _layout(self) -> None:
        pictures = QHBoxLayout()
        pictures.addWidget(self.original)
        pictures.addWidget(self.change)
        pictures.addWidget(self.changed)
        slider_row = QHBoxLayout()
        epsilon = QLabel("ε")
        epsilon.setBuddy(self.slider)
        slider_row.addWidget(epsilon)
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.epsilon_label)
        left = QVBoxLayout()
        left.addWidget(self.intro)
        left.addWidget(self.headline)
        left.addLayout(pictures)
        left.addLayout(slider_row)
        left.addWidget(self.status)
        left.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(left, 3)
        row.addWidget(self.bars, 2)

    # ----- the job -------------------------------------------------------------------------------------
    def image_changed(self) -> None:
        self._follow_smallest = True
        self.refresh()

    def make_job(self) -> Callable[[LatestJobRunner], Any] | None:
        if self.image is None:
            self.result = None
            self._show_step()
            return None
        image, epsilons, mean, std = self.image.astype(np.float64), self.epsilons, self.mean, self.std

        def compute(model: Any, runner: LatestJobRunner) -> Any:
            return fool(model, np.clip(image, 0, 1), None, epsilons, mean, std)

        return self.model_job(compute)

    def network_changed(self, new_network: bool) -> None:
        if self.spec is None:
            self.result = None
            self._show_step()

    def show_result(self, result: Any) -> None:
        self.result = result
        if self._follow_smallest:
            smallest = result.smallest
            index = len(self.epsilons) - 1 if smallest is None else self.epsilons.index(smallest.epsilon)
            if index != self.slider.value():
                self.slider.blockSignals(True)
                self.slider.setValue(index)
                self.slider.blockSignals(False)
        self._show_step()

    # ----- showing a step --------------------------------------------------------------------------------
    def _pin(self) -> None:
        self._follow_smallest = False

    def _on_slider(self, _value: int) -> None:
        self._show_step()

    def epsilon(self) -> float:
        return self.epsilons[self.slider.value()]

    def step(self) -> Any:
        """The core AdversarialImage for the slider's ε (None: nothing computed)."""
        return None if self.result is None else self.result.steps[self.slider.value()]

    def _show_step(self) -> None:
        self.epsilon_label.setText(f"{self.epsilon():.2f}")
        result, step = self.result, self.step()
        if result is None or step is None:
            self.headline.setText(tr(DRAW_FIRST) if self.spec is not None else "")
            for picture in (self.original, self.change, self.changed):
                picture.set_pixels(None)
            self.original.set_caption("")
            self.change.set_caption("")
            self.changed.set_caption("")
            self.bars.clear(DRAW_FIRST)
            return
        before = result.prediction
        smallest = result.smallest
        if smallest is not None:
            self.headline.setText(tr(FOUND).format(epsilon=f"{smallest.epsilon:.2f}", before=before,
                                                   after=smallest.prediction))
        else:
            self.headline.setText(tr(NOT_FOUND).format(epsilon=f"{self.epsilons[-1]:.2f}", before=before))
        self.original.set_pixels(result.original)
        self.original.set_caption(tr(ORIGINAL_CAPTION).format(
            digit=before, percent=format_percent(result.probabilities[before])))
        self.change.set_pixels(change_picture(step.image, result.original, self.epsilons[-1]))
        self.change.set_caption(tr(CHANGE_CAPTION))
        self.changed.set_pixels(step.image)
        self.changed.set_caption(tr(CHANGED_CAPTION).format(
            digit=step.prediction, percent=format_percent(step.probabilities[step.prediction])))
        if len(step.probabilities) == 10:
            self.bars.set_probabilities(step.probabilities)

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(tr(INTRO))
        self._show_step()

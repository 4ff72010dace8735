"""What the network looks at: a saliency map over the 28×28 digit the network sees, on the Draw view.

A toggle, the method (the gradient, SmoothGrad, and Grad-CAM for networks with a convolution layer) and the
class explained (the predicted digit or one chosen). The map (core/explain/saliency.py) is computed on a job
thread whenever the drawing or the weights change, only while it is switched on and on screen, and drawn as
a warm overlay on the digit: the brighter, the more that pixel moves the class's score.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import OKABE_ITO, rgb
from playground.ui.workers.model_jobs import LatestJobRunner
from playground.ui.workspaces.inside.live_model_view import DigitPicture, LiveModelView, has_conv

__all__ = ["METHODS", "SaliencyView", "overlay"]

# (key of core.explain.saliency.saliency_map, English name, English tooltip)
METHODS = (
    ("gradient", N_("Gradient"), N_("How much the class's score changes when one pixel changes: |∂ score / ∂ pixel|. "
                                    "Quick, but speckled.")),
    ("smoothgrad", N_("SmoothGrad"), N_("The gradient averaged over 25 noisy copies of the digit: calmer, and "
                                        "closer to the strokes that matter.")),
    ("gradcam", N_("Grad-CAM"), N_("The last convolution layer's maps, weighted by how much each raises the "
                                   "class's score: where in the image the evidence is (coarse).")),
)
GRADCAM_NEEDS_CONV = N_("Grad-CAM weighs the maps of a convolution layer: this network has none. Add a Conv2d "
                        "layer (or pick the cnn preset) to use it.")
PREDICTED = N_("the predicted digit")
CAPTION_PREDICTED = N_("{method} for {digit}\n(the prediction)")
CAPTION_CHOSEN = N_("{method} for {digit}\n(predicted: {prediction})")
OFF_CAPTION = N_("Switch on to see\nwhat it looks at")
HOT_LOW, HOT_HIGH = np.array(rgb(OKABE_ITO["vermillion"]), float), np.array(rgb(OKABE_ITO["yellow"]), float)


def overlay(image28: np.ndarray, heat: np.ndarray) -> np.ndarray:
    """The digit (H×W in [0, 1]) dimmed, with the heat map (H×W in [0, 1]) over it from vermillion to yellow,
    as H×W×3 uint8: faint pixels show the digit, hot ones the map."""
    base = np.repeat((0.55 * np.clip(image28, 0, 1))[..., None], 3, axis=2) * 255
    h = np.clip(heat, 0, 1)[..., None]
    colour = HOT_LOW + (HOT_HIGH - HOT_LOW) * h
    alpha = np.clip(h ** 0.8 * 1.2, 0, 0.95)
    return np.clip(np.rint(base * (1 - alpha) + colour * alpha), 0, 255).astype(np.uint8)


class SaliencyView(LiveModelView):
    """The saliency overlay's controls and picture (the Draw panel shows it beside the network's input)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("saliency", parent)
        self.saliency: Any = None  # the last core SaliencyMap shown
        self.toggle = QCheckBox(tr("Show what it looks at"))
        self.toggle.setToolTip(tr("A saliency map over the digit: which pixels the network's answer depends on "
                                  "most. It follows the drawing and the training."))
        self.method = QComboBox()
        self.method.setAccessibleName(tr("Saliency method"))
        for key, name, tip in METHODS:
            self.method.addItem(tr(name), key)
            self.method.setItemData(self.method.count() - 1, tr(tip), Qt.ItemDataRole.ToolTipRole)
        self.target = QComboBox()
        self.target.setAccessibleName(tr("Digit explained"))
        self.target.setToolTip(tr("Which digit's score the map explains: the one the network predicts, or another "
                                  "you choose (where would it see a 3 in this digit?)."))
        self.target.addItem(tr(PREDICTED), None)
        for digit in range(10):
            self.target.addItem(str(digit), digit)
        self.picture = DigitPicture(tr(OFF_CAPTION))
        self.picture.setToolTip(tr("The digit as the network sees it, with the map over it: the brighter (yellow), "
                                   "the more that pixel moves the score."))
        self._layout()
        self._network_has_conv = False
        self.network_changed(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.method.currentIndexChanged.connect(self._on_choice)
        self.target.currentIndexChanged.connect(self._on_choice)
        self._on_toggled(False)

    def _layout(self) -> None:
        controls = QGridLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.toggle, 0, 0, 1, 2)
        method_label = QLabel(tr("Method"))
        method_label.setBuddy(self.method)
        controls.addWidget(method_label, 1, 0)
        controls.addWidget(self.method, 1, 1)
        target_label = QLabel(tr("for"))
        target_label.setBuddy(self.target)
        controls.addWidget(target_label, 2, 0)
        controls.addWidget(self.target, 2, 1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(controls)
        left.addWidget(self.status)
        left.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addWidget(self.picture)

    # ----- choices -------------------------------------------------------------------------------------
    def method_key(self) -> str:
        return str(self.method.currentData())

    def target_digit(self) -> int | None:
        data = self.target.currentData()
        return None if data is None else int(data)

    def set_method(self, key: str) -> None:
        self.method.setCurrentIndex(self.method.findData(key))

    def _on_toggled(self, on: bool) -> None:
        self.method.setEnabled(on)
        self.target.setEnabled(on)
        if not on:
            self.saliency = None
            self.picture.set_pixels(None)
            self.picture.set_caption(tr(OFF_CAPTION))
        self.refresh()

    def _on_choice(self) -> None:
        self.refresh()

    def network_changed(self, new_network: bool) -> None:
        """Grad-CAM is offered for networks with a convolution layer only; the reason is its tooltip."""
        self._network_has_conv = has_conv(self.spec)
        model = self.method.model()
        index = self.method.findData("gradcam")
        if isinstance(model, QStandardItemModel):
            item = model.item(index)
            item.setEnabled(self._network_has_conv)
        tip = METHODS[index][2] if self._network_has_conv else GRADCAM_NEEDS_CONV
        self.method.setItemData(index, tr(tip), Qt.ItemDataRole.ToolTipRole)
        if not self._network_has_conv and self.method_key() == "gradcam":
            self.set_method("gradient")
        if self.spec is None:
            self.saliency = None
            self.picture.set_pixels(None if self.image is None else self.image)

    def gradcam_offered(self) -> bool:
        return self._network_has_conv

    # ----- the job -------------------------------------------------------------------------------------
    def make_job(self) -> Callable[[LatestJobRunner], Any] | None:
        if not self.toggle.isChecked():
            return None
        if self.image is None:
            self.saliency = None
            self.picture.set_pixels(None)
            self.picture.set_caption(tr("Draw a digit"))
            return None
        image, method, target = self.image.copy(), self.method_key(), self.target_digit()
        mean, std = self.mean, self.std

        def compute(model: Any, runner: LatestJobRunner) -> tuple[np.ndarray, Any]:
            from playground.core.explain.saliency import saliency_map

            return image, saliency_map(model, image.astype(np.float64), method, target, mean, std)

        return self.model_job(compute)

    def show_result(self, result: tuple[np.ndarray, Any]) -> None:
        if not self.toggle.isChecked():
            return
        image, found = result
        self.saliency = found
        self.picture.set_pixels(overlay(image, found.scaled()))
        self._caption()

    def _caption(self) -> None:
        found = self.saliency
        if found is None:
            return
        name = tr(next(name for key, name, _ in METHODS if key == found.method))
        if self.target_digit() is None:
            text = tr(CAPTION_PREDICTED).format(method=name, digit=found.target)
        else:
            text = tr(CAPTION_CHOSEN).format(method=name, digit=found.target, prediction=found.prediction)
        self.picture.set_caption(text)

    def retranslate(self) -> None:
        super().retranslate()
        for i, (_, name, tip) in enumerate(METHODS):
            self.method.setItemText(i, tr(name))
            self.method.setItemData(i, tr(tip), Qt.ItemDataRole.ToolTipRole)
        self.target.setItemText(0, tr(PREDICTED))
        self.network_changed(False)
        if self.saliency is not None:
            self._caption()
        elif not self.toggle.isChecked():
            self.picture.set_caption(tr(OFF_CAPTION))

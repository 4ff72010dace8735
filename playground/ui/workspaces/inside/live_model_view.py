"""What the explain views share: the current network and the canvas digit, worked on off the GUI thread.

`LiveModelView` is the base of the saliency overlay, "Fool it" and the projector. The window hands it the
network (`set_model(spec, weights, mean, std)`, the weights a callable that copies them, called on the job
thread only) and the digit on the canvas (`set_image`). Each change asks for one job on a `LatestJobRunner`
(newest wins: a job queued behind the running one is replaced); the job builds its own CPU copy of the
network, once per weights (`ModelCache`), so the GUI thread never runs torch nor waits for a batch. A view
that is not on screen only remembers that it is stale and does the work when it is shown (`showEvent`).

`DigitPicture` shows a 28×28 picture (grey or RGB) enlarged with square pixels and a caption.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from playground.core.i18n import N_, tr
from playground.core.model.spec import ModelSpec
from playground.ui.widgets.palette import FRAME_COLOUR, IMAGE_BLACK, MUTED_TEXT
from playground.ui.workers.model_jobs import LatestJobRunner, build_with_state, numpy_state

__all__ = ["NO_NETWORK", "DigitPicture", "LiveModelView", "ModelCache", "has_conv"]

NO_NETWORK = N_("No trained network yet: train one (or open a trained project) to see this.")
JOB_FAILED = N_("Could not compute this view: {message}")

Weights = Mapping[str, Any] | Callable[[], Mapping[str, Any]]


def has_conv(spec: ModelSpec | None) -> bool:
    """The network has a convolution layer (Grad-CAM needs one)."""
    return spec is not None and any(layer.type == "Conv2d" for layer in spec.layers)


class ModelCache:
    """The network built with the newest weights, on the job thread that uses it: rebuilt only when the
    weights' version changes, so a drawing's every stroke does not copy them again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # two runners of one view may share it
        self._version = -1
        self._model: Any = None

    def model(self, version: int, spec: ModelSpec, weights: Weights) -> Any:
        with self._lock:
            if version != self._version or self._model is None:
                self._model = build_with_state(spec, numpy_state(weights))
                self._version = version
            return self._model


class LiveModelView(QWidget):
    """A view of the current network and the canvas digit whose work runs on a job thread, newest wins,
    and only while it is on screen. Subclasses define `make_job` (None: nothing to do) and `show_result`."""

    def __init__(self, job_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.jobs = LatestJobRunner(job_name, self)
        self.jobs.result.connect(self._on_job_result)
        self.jobs.error.connect(self._on_job_error)
        self.spec: ModelSpec | None = None
        self.weights: Weights | None = None
        self.mean, self.std = 0.5, 0.5
        self.image: np.ndarray | None = None  # the canvas digit as the network sees it (float32 28×28), or None
        self.model_version = 0  # bumped by every set_model: the cache rebuilds for a new version
        self.cache = ModelCache()
        self.jobs_submitted = 0  # how many jobs were asked for (tests: none while hidden)
        self._spec_key: str | None = None
        self._stale = False
        self.status = QLabel(self)  # one line: no network, or what went wrong (a child at once: shown parentless
        # it would be a window of its own, which takes the activation from the main window)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {MUTED_TEXT};")
        self._status_source: tuple[str, dict[str, Any]] | None = (NO_NETWORK, {})
        self._show_status()

    # ----- API for the window ------------------------------------------------------------------------
    def set_model(self, spec: ModelSpec | None, weights: Weights | None, mean: float = 0.5,
                  std: float = 0.5) -> None:
        """The network to explain (weights: a dict of arrays, or a callable that copies them, called off the
        GUI thread); None for either: there is no trained network, and the view says so."""
        if spec is None or weights is None:
            self.spec = self.weights = None
            self._spec_key = None
            self.model_version += 1
            self.set_status(NO_NETWORK)
            self.network_changed(True)
            return
        key = json.dumps(spec.to_json(), sort_keys=True)
        new_network = key != self._spec_key
        self.spec, self.weights, self.mean, self.std = spec.copy(), weights, float(mean), float(std)
        self._spec_key = key
        self.model_version += 1
        if self._status_source is not None and self._status_source[0] == NO_NETWORK:
            self.set_status(None)
        self.network_changed(new_network)
        self.weights_changed(new_network)

    def set_image(self, image28: np.ndarray | None) -> None:
        """The digit on the canvas as the network sees it (28×28 in [0, 1] or uint8); None or blank: none."""
        if image28 is None or not np.any(image28):
            image = None
        else:
            image = np.asarray(image28)
            image = image.astype(np.float32) / 255 if image.dtype == np.uint8 else image.astype(np.float32)
        self.image = image
        self.image_changed()

    def shutdown(self) -> None:
        """End the job threads (the window calls this on close)."""
        self.jobs.shutdown()

    # ----- for subclasses ----------------------------------------------------------------------------
    def network_changed(self, new_network: bool) -> None:
        """A new network (new_network) or new weights came, or none (spec None): update the controls."""

    def weights_changed(self, new_network: bool) -> None:
        self.refresh()

    def image_changed(self) -> None:
        self.refresh()

    def make_job(self) -> Callable[[LatestJobRunner], Any] | None:
        """The job for what is shown now; None when there is nothing to compute."""
        return None

    def show_result(self, result: Any) -> None:
        """A job's result, on the GUI thread."""

    def model_job(self, compute: Callable[[Any, LatestJobRunner], Any]) -> Callable[[LatestJobRunner], Any] | None:
        """A job that runs `compute(model, runner)` on the current network (built on the job thread)."""
        if self.spec is None or self.weights is None:
            return None
        spec, weights, version, cache = self.spec, self.weights, self.model_version, self.cache

        def job(runner: LatestJobRunner) -> Any:
            return compute(cache.model(version, spec, weights), runner)

        return job

    def refresh(self) -> None:
        """Ask for the job of what is shown now, or, while the view is hidden, remember to when it is shown."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        job = self.make_job()
        if job is not None:
            self.jobs_submitted += 1
            self.jobs.submit(job)

    def set_status(self, text: str | None, **values: Any) -> None:
        """The one-line status: English source `text` with its values (kept so it follows the language)."""
        self._status_source = None if text is None else (text, values)
        self._show_status()

    def _show_status(self) -> None:
        source = self._status_source
        self.status.setText("" if source is None else tr(source[0]).format(**source[1]))
        self.status.setVisible(source is not None)

    def retranslate(self) -> None:
        self._show_status()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_job_result(self, result: Any) -> None:
        if self.spec is not None and result is not None:
            if self._status_source is not None and self._status_source[0] == JOB_FAILED:
                self.set_status(None)
            self.show_result(result)

    def _on_job_error(self, message: str) -> None:
        self.set_status(JOB_FAILED, message=message)


class DigitPicture(QWidget):
    """A small picture (28×28 grey, or H×W×3 RGB) enlarged with square pixels, a frame and a caption."""

    def __init__(self, caption: str = "", parent: QWidget | None = None, zoom_min: int = 3):
        super().__init__(parent)
        self._caption = caption
        self._qimage: QImage | None = None
        self._pixels: np.ndarray | None = None
        self.setMinimumSize(28 * zoom_min + 4, 28 * zoom_min + 2 * self.fontMetrics().lineSpacing() + 10)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_caption(self, text: str) -> None:
        self._caption = text
        self.update()

    def caption(self) -> str:
        return self._caption

    def set_pixels(self, pixels: np.ndarray | None) -> None:
        """H×W in [0, 1] (grey, white ink on black) or H×W×3 uint8 RGB; None: empty."""
        if pixels is None:
            self._pixels = self._qimage = None
        else:
            data = np.asarray(pixels)
            if data.ndim == 2:
                data = np.clip(np.rint(data.astype(np.float64) * 255), 0, 255).astype(np.uint8)
                data = np.repeat(data[..., None], 3, axis=2)
            data = np.ascontiguousarray(data, dtype=np.uint8)
            h, w, _ = data.shape
            self._pixels = data
            self._qimage = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
        self.update()

    def pixels(self) -> np.ndarray | None:
        """What is shown, H×W×3 uint8 (None: nothing)."""
        return None if self._pixels is None else self._pixels.copy()

    def sizeHint(self) -> QSize:
        return QSize(28 * 5 + 4, 28 * 5 + 2 * self.fontMetrics().lineSpacing() + 10)

    def _caption_height(self) -> int:
        return 2 * self.fontMetrics().lineSpacing() + 6

    def image_rect(self) -> QRectF:
        h, w = (28, 28) if self._pixels is None else self._pixels.shape[:2]
        space_w, space_h = self.width() - 2, self.height() - self._caption_height() - 2
        zoom = max(1, int(min(space_w / w, space_h / h)))
        return QRectF((self.width() - w * zoom) / 2, 1, w * zoom, h * zoom)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        rect = self.image_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp squares
        if self._qimage is not None:
            painter.drawImage(rect, self._qimage)
        else:
            painter.fillRect(rect, QColor(IMAGE_BLACK))
        painter.setPen(QColor(FRAME_COLOUR))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        caption = QRectF(0, rect.bottom() + 4, self.width(), self._caption_height())
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         self._caption)
        painter.end()

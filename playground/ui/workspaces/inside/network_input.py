"""The 28×28 image the network is actually given, enlarged with crisp square pixels.

Nearest-neighbour at a whole-number zoom, white on black as in MNIST, with a caption — so a
learner sees what cropping, scaling into 20×20 and centring did to the drawing.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import FRAME_COLOUR

__all__ = ["NetworkInputView"]


class NetworkInputView(QWidget):
    """The 28×28 image the network is given, enlarged with square pixels, and a caption."""

    CAPTION = N_("What the network sees\n28 × 28 pixels, as in MNIST")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: np.ndarray = np.zeros((28, 28), dtype=np.uint8)
        self._qimage = self._to_qimage(self._image)
        self.setMinimumSize(84, 110)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setToolTip(tr("The network never sees your drawing as you drew it: the ink is cropped, scaled "
                           "into a 20×20 box and centred by its centre of mass in 28×28 pixels, white on black, "
                           "the way the MNIST digits were made."))
        self.setAccessibleName(tr("Network input, 28 by 28 pixels"))

    def set_image(self, image28: np.ndarray | None) -> None:
        """A 28×28 image in [0, 1] (float) or 0..255 (uint8); None shows black."""
        if image28 is None:
            data = np.zeros((28, 28), dtype=np.uint8)
        else:
            data = np.asarray(image28)
            if data.dtype != np.uint8:
                data = np.clip(np.rint(data.astype(np.float64) * 255.0), 0, 255).astype(np.uint8)
        self._image = np.ascontiguousarray(data)
        self._qimage = self._to_qimage(self._image)
        self.update()

    def image(self) -> np.ndarray:
        """What is shown, uint8 (white ink on black)."""
        return self._image.copy()

    @staticmethod
    def _to_qimage(data: np.ndarray) -> QImage:
        h, w = data.shape
        return QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()

    def sizeHint(self) -> QSize:
        return QSize(168, 210)

    def _caption_height(self) -> int:
        return 2 * self.fontMetrics().lineSpacing() + 6

    def image_rect(self) -> QRectF:
        """The enlarged image: the largest whole-number zoom that fits above the caption."""
        h, w = self._image.shape
        space_w, space_h = self.width() - 2, self.height() - self._caption_height() - 2
        zoom = max(1, int(min(space_w / w, space_h / h)))
        return QRectF((self.width() - w * zoom) / 2, 1, w * zoom, h * zoom)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.image_rect()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp squares
        painter.drawImage(rect, self._qimage)
        painter.setPen(QColor(FRAME_COLOUR))
        painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        caption = QRectF(0, rect.bottom() + 4, self.width(), self._caption_height())
        painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, tr(self.CAPTION))
        painter.end()

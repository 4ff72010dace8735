"""The network's answer: ten horizontal bars with percentages, the top guess in large type.

"—" while there is nothing to classify (a blank canvas, no network yet). Painted by hand in one
pass, so an update is a single repaint of a small widget.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import BAR_TRACK, MUTED_TEXT, OKABE_ITO

__all__ = ["PredictionBars", "format_percent"]

# Okabe & Ito's palette (as the plots): the top guess in blue, the others in sky blue; the top
# guess is also bold and named in large type, so colour is never the only cue.
TOP_COLOUR = QColor(OKABE_ITO["blue"])
OTHER_COLOUR = QColor(OKABE_ITO["sky_blue"])
TRACK_COLOUR = QColor(BAR_TRACK)
DIM_TEXT = QColor(MUTED_TEXT)  # before there is a prediction
BLANK_REASON = N_("Draw a digit")


def format_percent(p: float) -> str:
    """A probability as a percentage a learner reads at a glance: "97 %", "<1 %", "0 %"."""
    if p <= 0.0:
        return "0 %"
    if p < 0.005:
        return "<1 %"
    if p > 0.995 and p < 1.0:
        return ">99 %"
    return f"{p * 100:.0f} %"


class PredictionBars(QWidget):
    """Ten bars, one per class, with percentages; the top guess named large above them."""

    def __init__(self, parent: QWidget | None = None, classes: tuple[str, ...] = tuple("0123456789")):
        super().__init__(parent)
        self._classes = tuple(classes)
        self._probabilities: np.ndarray | None = None
        self._reason = BLANK_REASON
        self.setMinimumSize(170, 250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(tr("Network's answer"))
        self._update_description()

    def retranslate(self) -> None:
        """The description, tool tip and painted texts in the current language."""
        self._update_description()
        self.update()

    # ----- API -----------------------------------------------------------------------------------
    def set_probabilities(self, probabilities: np.ndarray | None, reason: str = "") -> None:
        """Show one probability per class; None shows "—" with `reason` (e.g. "Draw a digit").

        `reason` is shown through `tr`, so pass the English source (marked with `N_`): it then follows
        a change of language."""
        if probabilities is None:
            self._probabilities = None
            self._reason = reason
        else:
            probs = np.asarray(probabilities, dtype=np.float64).ravel()
            if len(probs) != len(self._classes):
                raise ValueError(f"expected {len(self._classes)} probabilities, got {len(probs)}")
            self._probabilities = probs
            self._reason = ""
        self._update_description()
        self.update()

    def set_classes(self, classes: tuple[str, ...]) -> None:
        """Names of the classes, one bar each (e.g. Fashion-MNIST's); forgets the shown answer."""
        classes = tuple(str(c) for c in classes)
        if classes != self._classes:
            self._classes = classes
            self._probabilities = None
            self._update_description()
            self.update()

    def clear(self, reason: str = BLANK_REASON) -> None:
        self.set_probabilities(None, reason)

    @property
    def probabilities(self) -> np.ndarray | None:
        return None if self._probabilities is None else self._probabilities.copy()

    @property
    def top_guess(self) -> int | None:
        return None if self._probabilities is None else int(np.argmax(self._probabilities))

    @property
    def reason(self) -> str:
        return self._reason

    def headline(self) -> str:
        """The large text: the top guess, or "—"."""
        top = self.top_guess
        return "—" if top is None else self._classes[top]

    def _update_description(self) -> None:
        if self._probabilities is None:
            text = (tr("No answer. {reason}").format(reason=tr(self._reason)) if self._reason
                    else tr("No answer.")).strip()
        else:
            order = np.argsort(self._probabilities)[::-1][:3]
            text = tr("Guess {name}. {top3}").format(name=self._classes[order[0]], top3=", ".join(
                f"{self._classes[i]}: {format_percent(self._probabilities[i])}" for i in order))
        self.setAccessibleDescription(text)
        self.setToolTip(text + "\n"
                        + tr("The bars are the softmax output: one probability per class, summing to 100 %."))

    # ----- painting ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(220, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        base = QFont(self.font())
        width, height = self.width(), self.height()

        # Headline: the guess large, with how sure the network is beside it.
        head_h = max(48, int(height * 0.2))
        big = QFont(base)
        # The dash for "no answer" is smaller than a digit: at full size it reads as a grey bar.
        big.setPixelSize(int(head_h * (0.85 if self._probabilities is not None else 0.45)))
        big.setBold(self._probabilities is not None)
        painter.setFont(big)
        probs = self._probabilities
        painter.setPen(TOP_COLOUR if probs is not None else DIM_TEXT)
        guess_rect = QRectF(4, 0, head_h * 0.9, head_h)
        painter.drawText(guess_rect, Qt.AlignmentFlag.AlignCenter, self.headline())
        painter.setFont(base)
        painter.setPen(text_colour if probs is not None else DIM_TEXT)
        side = QRectF(guess_rect.right() + 8, 0, width - guess_rect.right() - 10, head_h)
        if probs is not None:
            side_text = tr("Network's guess\n{percent} sure").format(percent=format_percent(float(probs.max())))
        else:
            side_text = tr("Network's guess\n{reason}").format(reason=tr(self._reason))
        painter.drawText(side, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                         | Qt.TextFlag.TextWordWrap, side_text)

        # Ten rows: class name, bar on a track, percentage.
        metrics = self.fontMetrics()
        label_w = max(metrics.horizontalAdvance(name) for name in self._classes) + 10
        label_w = min(label_w, int(width * 0.4))
        percent_w = metrics.horizontalAdvance(">99 %") + 8
        top_y = head_h + 8
        row_h = max(14.0, (height - top_y - 2) / len(self._classes))
        bar_h = max(8.0, row_h * 0.62)
        track_x = label_w
        track_w = max(10.0, width - label_w - percent_w - 4)
        bold = QFont(base)
        bold.setBold(True)
        for i, name in enumerate(self._classes):
            y = top_y + i * row_h
            is_top = probs is not None and i == self.top_guess
            painter.setFont(bold if is_top else base)
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y, label_w - 4, row_h), Qt.AlignmentFlag.AlignVCenter
                             | Qt.AlignmentFlag.AlignRight, name)
            bar = QRectF(track_x, y + (row_h - bar_h) / 2, track_w, bar_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOUR)
            painter.drawRoundedRect(bar, 2, 2)
            if probs is not None:
                fill = QRectF(bar.x(), bar.y(), max(0.0, float(probs[i])) * track_w, bar_h)
                if fill.width() >= 0.5:
                    painter.setBrush(TOP_COLOUR if is_top else OTHER_COLOUR)
                    painter.drawRoundedRect(fill, 2, 2)
                percent = format_percent(float(probs[i]))
            else:
                percent = "—"
            painter.setPen(text_colour if probs is not None else DIM_TEXT)
            painter.drawText(QRectF(track_x + track_w + 4, y, percent_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, percent)
        painter.end()

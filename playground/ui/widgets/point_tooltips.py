"""Tooltips that depend on where the pointer is inside a painted widget (a unit, a weight line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QToolTip, QWidget

# A mixin: to the type checker it is the QWidget it is mixed into; at run time a plain class.
if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object


class PointTooltips(_Widget):
    """Mix in before QWidget and define `tooltip_at(point) -> str`: the tooltip shows that text, and
    follows the pointer while it is up, so moving along a column updates it at once."""

    def tooltip_at(self, point: QPointF) -> str:  # pragma: no cover — the widget defines it
        raise NotImplementedError

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def follow_tooltip(self, event: QMouseEvent) -> None:
        """Call from mouseMoveEvent."""
        if QToolTip.isVisible():
            text = self.tooltip_at(event.position())
            if text:
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
            else:
                QToolTip.hideText()

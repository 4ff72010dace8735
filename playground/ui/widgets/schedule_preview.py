"""A small plot of the learning rate over the coming run, next to the schedule's settings.

The curve is `core.schedules.schedule_curve`, the same function the trainer's `learning_rate_at` is
sampled from, so the preview is what training will do (one run = one press of Train).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from playground.core.i18n import tr
from playground.core.training.schedules import schedule_curve
from playground.ui.widgets.palette import AXIS_COLOUR, BACKGROUND, FOREGROUND, HINT_FONT_SIZE, TRAIN_COLOUR

PREVIEW_HEIGHT = 96


class SchedulePreview(pg.PlotWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, background=BACKGROUND)
        self.setFixedHeight(PREVIEW_HEIGHT)
        self.setMinimumWidth(120)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(False, False)
        item.getViewBox().setDefaultPadding(0.04)
        for side, label in (("bottom", tr("epoch")), ("left", "")):
            axis = item.getAxis(side)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(FOREGROUND))
            axis.enableAutoSIPrefix(False)
            axis.setStyle(tickFont=_small_font(self), tickTextOffset=2)
            if label:
                axis.setLabel(label, color=FOREGROUND, **{"font-size": HINT_FONT_SIZE})
        item.getAxis("left").setWidth(38)
        item.getAxis("bottom").setHeight(28)
        self.curve = item.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2))
        self._steps: list[int] = []
        self._rates: list[float] = []
        self.setToolTip(tr("The learning rate at every step of the coming run (Train runs the chosen epochs)."))

    def set_schedule(self, schedule: str, learning_rate: float, epochs: int, steps_per_epoch: int,
                     step_epochs: int, gamma: float) -> None:
        steps_per_epoch = max(1, int(steps_per_epoch))
        total = max(1, int(epochs)) * steps_per_epoch
        self._steps, self._rates = schedule_curve(schedule, learning_rate, total, steps_per_epoch,
                                                  step_epochs, gamma)
        x = np.asarray(self._steps, dtype=np.float64) / steps_per_epoch
        self.curve.setData(x, np.asarray(self._rates))
        top = max(self._rates) if self._rates else learning_rate
        self.getPlotItem().setYRange(0, top, padding=0.08)
        self.getPlotItem().setXRange(0, max(x[-1] if len(x) else 1.0, 1e-9), padding=0.02)

    def curve_points(self) -> tuple[list[int], list[float]]:
        """(step, learning rate) of every plotted point."""
        return list(self._steps), list(self._rates)


def _small_font(widget: QWidget):
    font = widget.font()
    font.setPointSizeF(max(6.5, font.pointSizeF() * 0.8))
    return font

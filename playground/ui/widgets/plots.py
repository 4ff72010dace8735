"""Live training curves: loss per step (raw and smoothed, with the learning rate on a second axis when a
schedule changes it), and loss and the task's score per epoch — accuracy for classification, R² for
regression (`set_task`).

Every curve is one pyqtgraph item created up front; updates only call `setData`, as pyqtgraph's
own examples advise. Per-step values grow in amortised O(1) arrays and are smoothed
incrementally, so each update costs time in the new points only (plus drawing).

While a run goes, the y ranges are ours: the step plot's and the epoch loss plot's from 0 (or the lowest
loss, if negative) to a round number above the highest loss, the score plot's from a round number below
the lowest score to the best possible one; each changes only when a point leaves it. pyqtgraph's auto
range would move them a little with every point, and each move redraws the axis and paints the plot
twice: 5 ms a test check against 1.6 ms, and on two cores that GUI time comes straight out of training
(`bench/run.py`, window ÷ trainer alone). Zooming or panning a plot hands its range back to the user.

For the same reason the epoch plots change at most once every `ROWS_INTERVAL_S` while a run goes: test
checks come 4 times an epoch (13 a second at batch 256), and drawing them with every batch of losses
repainted both epoch plots 4 times a second — half of the GUI thread's work during a run. A pause, the
run's end and showing the plots again draw what waits at once.
"""

from __future__ import annotations

import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from playground.core.i18n import N_, tr
from playground.core.training.metrics import RunningEma
from playground.ui.widgets.palette import (
    AXIS_COLOUR,
    BACKGROUND,
    FOREGROUND,
    LEARNING_RATE_COLOUR,
    LEGEND_EDGE,
    LEGEND_FILL,
    TEST_COLOUR,
    TRAIN_COLOUR,
    VALIDATION_COLOUR,
)

SMOOTHING = 0.9
EMPTY_RANGE = (0.0, 1.0)  # pyqtgraph's range for a plot with no data: an emptied plot goes back to it
ROWS_INTERVAL_S = 1.0  # while a run goes, epoch rows and test checks are drawn at most this often
# task → (key suffix in the trainer's rows, scale to display units, plot title, axis label); shown with tr()
METRICS = {
    "multiclass": ("accuracy", 100.0, N_("Accuracy per epoch"), N_("accuracy (%)")),
    "binary": ("accuracy", 100.0, N_("Accuracy per epoch"), N_("accuracy (%)")),
    "multilabel": ("accuracy", 100.0, N_("Accuracy per label, averaged"), N_("labels right (%)")),
    "regression": ("r2", 1.0, N_("R² per epoch (1 = perfect)"), "R²"),
}
LOSS_AXIS_LABELS = {"cross_entropy": N_("cross-entropy loss"), "bce": N_("binary cross-entropy"), "bce_logits":
                    N_("binary cross-entropy"), "mse": N_("mean squared error"), "mae": N_("mean absolute error")}


class GrowingArray:
    """A float array that grows by appending, doubling its buffer when full."""

    def __init__(self, capacity: int = 1024):
        self._buffer = np.empty(capacity, dtype=np.float64)
        self._size = 0

    def extend(self, values: np.ndarray) -> None:
        needed = self._size + len(values)
        if needed > len(self._buffer):
            bigger = np.empty(max(needed, 2 * len(self._buffer)), dtype=np.float64)
            bigger[:self._size] = self._buffer[:self._size]
            self._buffer = bigger
        self._buffer[self._size:needed] = values
        self._size = needed

    def clear(self) -> None:
        self._size = 0

    def view(self) -> np.ndarray:
        return self._buffer[:self._size]

    def __len__(self) -> int:
        return self._size


class _Series:
    """x/y points for one per-epoch curve (a handful of points: plain lists are fine); `draw` shows them."""

    def __init__(self, item: pg.PlotDataItem):
        self.item = item
        self.x: list[float] = []
        self.y: list[float] = []
        self.drawn = 0  # how many of the points the item shows

    def add(self, x: float, y: float) -> None:
        self.x.append(x)
        self.y.append(y)

    def draw(self) -> None:
        if self.drawn != len(self.x):
            self.drawn = len(self.x)
            self.item.setData(self.x, self.y)

    def clear(self) -> None:
        self.x, self.y = [], []
        self.drawn = 0
        self.item.setData([], [])


class TrainingPlots(QWidget):
    """Three plots in one graphics view: loss per step on top, loss and accuracy per epoch below,
    and one legend under the two epoch plots (they share colours and markers)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stale = False  # points arrived while hidden: drawn when shown (only what is on screen paints)
        # While a run goes, epoch rows and test checks wait for a batch of losses (4 a second), at most one a
        # second (`ROWS_INTERVAL_S`), and are drawn in the same paint: at batch 256 checks come 13 times a second.
        self._in_run = False
        self._rows_pending = False
        self._rows_drawn_at = -math.inf  # time.monotonic() of the last drawing of rows during a run
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(BACKGROUND)
        self.view.ci.setContentsMargins(6, 6, 6, 2)
        self.view.ci.setSpacing(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.step_plot = self._make_plot(0, 0, tr("Training loss per step"), tr("step (one batch each)"), tr("loss"),
                                         colspan=2)
        self.step_plot.setDownsampling(auto=True, mode="peak")
        self.step_plot.setClipToView(True)
        self.step_plot.addLegend(offset=(-8, 8), **_LEGEND_STYLE)
        self.loss_plot = self._make_plot(1, 0, tr("Loss per epoch"), tr("epoch"), tr("cross-entropy loss"))
        self.accuracy_plot = self._make_plot(1, 1, tr("Accuracy per epoch"), tr("epoch"), tr("accuracy (%)"))
        self._metric_title = "Accuracy per epoch"  # the score plot's title (English: a key, not what is shown)
        # Below the plots rather than over them: small plots have no empty corner to spare.
        self.epoch_legend = pg.LegendItem(colCount=4, **_LEGEND_STYLE)
        self.view.addItem(self.epoch_legend, row=2, col=0, colspan=2)

        self._add_learning_rate_axis()
        self.raw_loss_curve = self.step_plot.plot(pen=pg.mkPen(_with_alpha(TRAIN_COLOUR, 70), width=1),
                                                  name=tr("loss of each batch"))
        self.smooth_loss_curve = self.step_plot.plot(pen=pg.mkPen(TRAIN_COLOUR, width=2.5), name=_smoothed_name())
        # Smoothed, it has nothing finer than a pixel: one point a pixel, not pyqtgraph's five. Each segment of a
        # thick line is a stroke; this halves what an update of 1,000 steps costs the GUI (1.9 → 1.4 ms).
        self.smooth_loss_curve.opts["autoDownsampleFactor"] = 1.0
        self.smooth_loss_curve.setDownsampling(auto=True, method="subsample")
        self._steps = GrowingArray()
        self._raw = GrowingArray()
        self._smooth = GrowingArray()
        self._ema = RunningEma(SMOOTHING)
        self._loss_low = math.inf  # lowest and highest finite loss so far
        self._loss_high = -math.inf
        self._loss_range: tuple[float, float] | None = None  # the y range we set, while following
        self._follow_losses = False  # a run is going and the user has not zoomed or panned the step plot
        self.step_plot.vb.sigRangeChangedManually.connect(self._stop_following)
        # The epoch plots' y ranges we set while a run goes (None: not following; see the module's note).
        self._epoch_ranges: dict[pg.PlotItem, tuple[float, float] | None] = {}

        # [series, key in the trainer's row, scale to display units]; per-epoch and in-between rows.
        self._epoch_series: list[list] = []
        self._eval_series: list[list] = []
        self._metric_entries: list[tuple[list, str]] = []  # the score plot's entries and their kind
        self.metric_key = "accuracy"  # not `metric`: that would hide QWidget.metric(), which Qt calls
        # Legend label (English; shown with tr) → the loss plot's item of that kind (the accuracy plot's twin
        # looks the same).
        self._legend_entries: dict[str, pg.PlotDataItem] = {}
        kinds = (
            ("train", N_("train"), dict(pen=pg.mkPen(TRAIN_COLOUR, width=2), symbol="o", symbolBrush=TRAIN_COLOUR)),
            ("test", N_("test"), dict(pen=pg.mkPen(TEST_COLOUR, width=2), symbol="s", symbolBrush=TEST_COLOUR)),
            ("val", N_("validation"), dict(pen=pg.mkPen(VALIDATION_COLOUR, width=2), symbol="t",
                                       symbolBrush=VALIDATION_COLOUR)),
            # Checks between epoch ends, on a subset of the test set: hollow markers, no line, as they are noisier.
            ("eval", N_("test, during epochs"), dict(pen=None, symbol="o", symbolSize=6, symbolBrush=None,
                                                  symbolPen=pg.mkPen(TEST_COLOUR, width=1.5))),
        )
        for plot, metric, scale in ((self.loss_plot, "loss", 1.0), (self.accuracy_plot, "accuracy", 100.0)):
            for kind, label, style in kinds:
                style = {"symbolSize": 7, "symbolPen": style.get("pen"), **style}
                item = plot.plot(name=label, **style)
                entry = [_Series(item), f"{'test' if kind == 'eval' else kind}_{metric}", scale]
                (self._eval_series if kind == "eval" else self._epoch_series).append(entry)
                if plot is self.accuracy_plot:
                    self._metric_entries.append((entry, kind))
                self._legend_entries.setdefault(label, item)
        self._legend_shown: set[str] = set(self._legend_entries)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.vb.sigRangeChangedManually.connect(self._epoch_range_taken)
        self.clear()

    # ----- building ----------------------------------------------------------------------------
    def _make_plot(self, row: int, col: int, title: str, x_label: str, y_label: str, colspan: int = 1) -> pg.PlotItem:
        plot = self.view.addPlot(row=row, col=col, colspan=colspan)
        plot.setTitle(title, color=FOREGROUND, size="11pt")
        for side, label in (("bottom", x_label), ("left", y_label)):
            axis = plot.getAxis(side)
            axis.setPen(pg.mkPen(AXIS_COLOUR))
            axis.setTextPen(pg.mkPen(FOREGROUND))
            axis.setLabel(label, color=FOREGROUND)
            axis.enableAutoSIPrefix(False)  # "epoch (x0.001)" helps nobody
            # Ticks outside the plot: pointing in, they put the axis inside every curve update's region, and
            # each update replayed the axis picture too.
            axis.setStyle(tickLength=5)
        plot.getAxis("left").setWidth(56)  # same width everywhere, so the plots line up
        # No grids: pyqtgraph draws them as part of each axis picture, and replaying those costs
        # ~3 ms per axis on every update — 15 ms of frozen GUI per new point instead of 2 ms.
        return plot

    def _add_learning_rate_axis(self) -> None:
        """A second y axis on the right of the step plot, for the learning rate (hidden until a schedule runs)."""
        plot = self.step_plot
        self.lr_view = pg.ViewBox()
        self.lr_view.setMouseEnabled(False, False)
        plot.scene().addItem(self.lr_view)
        axis = plot.getAxis("right")
        axis.linkToView(self.lr_view)
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.setTextPen(pg.mkPen(LEARNING_RATE_COLOUR))
        axis.setLabel(tr("learning rate"), color=LEARNING_RATE_COLOUR)
        axis.enableAutoSIPrefix(False)
        self.lr_view.setXLink(plot)
        self.lr_curve = pg.PlotDataItem(pen=pg.mkPen(LEARNING_RATE_COLOUR, width=2,
                                                     style=pg.QtCore.Qt.PenStyle.DashLine))
        self.lr_curve.opts["autoDownsampleFactor"] = 1.0  # a point a step, drawn a point a pixel (smooth)
        self.lr_curve.setDownsampling(auto=True, method="subsample")
        self.lr_view.addItem(self.lr_curve)
        plot.vb.sigResized.connect(lambda: self.lr_view.setGeometry(plot.vb.sceneBoundingRect()))
        self._lr_steps: list[float] = []
        self._lr_values: list[float] = []
        self.learning_rate_shown = False
        plot.hideAxis("right")

    def set_task(self, task: str, loss: str) -> None:
        """Plot the score that fits the task (R² for regression, accuracy otherwise) and name the loss.

        `loss` is the resolved loss ("cross_entropy", "mse", …). A change of score empties its plot."""
        metric, scale, title, label = METRICS.get(task, METRICS["multiclass"])
        self.loss_plot.getAxis("left").setLabel(tr(LOSS_AXIS_LABELS.get(loss, "loss")), color=FOREGROUND)
        if self._metric_title != title:
            self._metric_title = title
            self.accuracy_plot.setTitle(tr(title), color=FOREGROUND, size="11pt")
            self.accuracy_plot.getAxis("left").setLabel(tr(label), color=FOREGROUND)
        if metric == self.metric_key:
            return
        self.metric_key = metric
        for entry, kind in self._metric_entries:
            entry[0].clear()
            entry[1] = f"{'test' if kind == 'eval' else kind}_{metric}"
            entry[2] = scale
        self._update_legend()

    def show_learning_rate(self, shown: bool) -> None:
        """Show the learning-rate axis and curve (while a schedule is on); hiding also forgets the points."""
        if shown == self.learning_rate_shown:
            return
        self.learning_rate_shown = shown
        legend = self.step_plot.legend
        if shown:
            self.step_plot.showAxis("right")
            legend.addItem(self.lr_curve, tr("learning rate (right axis)"))
        else:
            self.step_plot.hideAxis("right")
            legend.removeItem(self.lr_curve)
            self._lr_steps, self._lr_values = [], []
            self.lr_curve.setData([], [])

    def add_learning_rates(self, steps: np.ndarray, learning_rates: np.ndarray) -> None:
        """Each step's learning rate, as the worker sends them with the losses (a few times a second)."""
        if not self.learning_rate_shown:
            return
        self._lr_steps.extend(np.asarray(steps, np.float64).tolist())
        self._lr_values.extend(np.asarray(learning_rates, np.float64).tolist())
        if self.isVisible():
            self.lr_curve.setData(self._lr_steps, self._lr_values)
        else:
            self._stale = True

    def learning_rate_points(self) -> tuple[list[float], list[float]]:
        return list(self._lr_steps), list(self._lr_values)

    # ----- updates ---------------------------------------------------------------------------------
    def append_losses(self, steps: np.ndarray, losses: np.ndarray) -> None:
        """Add per-step losses (and their global step numbers)."""
        self._steps.extend(steps)
        self._raw.extend(losses)
        self._smooth.extend(self._ema.extend(losses))
        finite = losses[np.isfinite(losses)]
        if finite.size:
            self._loss_low = min(self._loss_low, float(finite.min()))
            self._loss_high = max(self._loss_high, float(finite.max()))
        if not self.isVisible():  # another workspace is on show: the curves are drawn when these come back
            self._stale = True
            return
        self._draw_losses()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        if self._stale or self._rows_pending:
            self._stale = False
            self._draw_losses(rows_due=True)
            if self.learning_rate_shown:
                self.lr_curve.setData(self._lr_steps, self._lr_values)
        super().showEvent(event)

    def _draw_losses(self, rows_due: bool = False) -> None:
        x = self._steps.view()
        self.raw_loss_curve.setData(x, self._raw.view())
        self.smooth_loss_curve.setData(x, self._smooth.view())
        self._follow_loss_range()
        self._draw_rows(rows_due or time.monotonic() - self._rows_drawn_at >= ROWS_INTERVAL_S)

    def _draw_rows(self, due: bool = True) -> None:
        """Show the epoch rows and test checks added since the last draw (when `due`), then settle (one paint
        for all)."""
        if self._rows_pending and due:
            self._rows_pending = False
            self._rows_drawn_at = time.monotonic()
            for series, _, _ in self._epoch_series + self._eval_series:
                series.draw()
            self._follow_epoch_ranges()
            self._update_legend()
        self._settle()

    def _follow_loss_range(self) -> None:
        """Keep every loss in view with a y range that rarely changes (see the module's note)."""
        if not self._follow_losses or self._loss_high < self._loss_low:
            return
        wanted = loss_axis_range(self._loss_low, self._loss_high)
        if wanted != self._loss_range:
            self._loss_range = wanted
            self.step_plot.setYRange(*wanted, padding=0.03)

    def _epoch_range_taken(self, *_) -> None:
        """The user zoomed or panned an epoch plot: its range is theirs until the next run."""
        for plot in (self.loss_plot, self.accuracy_plot):
            if plot.vb is self.sender():
                self._epoch_ranges.pop(plot, None)

    def _stop_following(self, *_) -> None:
        """The user zoomed or panned the step plot: leave its range to them until the next run."""
        self._follow_losses = False

    def _settle(self) -> None:
        """Apply pending layout changes and auto ranges now, so that one paint shows the new points with
        the axes and legend they changed. Left to the paint, they change during it, and each change
        paints the plots again: three full paints, 25 ms of frozen window, when the legend first grows."""
        self.epoch_legend.layout.activate()
        self.view.ci.layout.activate()
        self.view.scene().prepareForPaint()

    def add_epoch(self, row: dict[str, Any]) -> None:
        """Add one finished epoch's row (train/test/validation loss and accuracy)."""
        self._add_row(self._epoch_series, row)

    def add_eval(self, row: dict[str, Any]) -> None:
        """Add an evaluation made part-way through an epoch (fractional epoch on the x axis)."""
        self._add_row(self._eval_series, row)

    def _add_row(self, entries: list[list], row: dict[str, Any]) -> None:
        for series, key, scale in entries:
            if row.get(key) is not None:
                series.add(row["epoch"], row[key] * scale)
        self._rows_pending = True
        if not self._in_run and self.isVisible():  # else with the next losses, or when shown
            self._draw_rows()

    def _follow_epoch_ranges(self) -> None:
        """While following, keep every point of each epoch plot in a round y range (see the module's note)."""
        for plot, current in list(self._epoch_ranges.items()):
            is_loss = plot is self.loss_plot
            values = [y for series, key, _ in self._epoch_series + self._eval_series
                      if key.endswith("_loss") == is_loss for y in series.y if math.isfinite(y)]
            if not values:
                continue
            low, high = min(values), max(values)
            wanted = loss_axis_range(low, high) if is_loss else score_axis_range(low, self.metric_key)
            if wanted != current:
                self._epoch_ranges[plot] = wanted
                plot.setYRange(*wanted, padding=0.04)

    def begin_run(self, last_step: int, last_epoch: float) -> None:
        """Show the whole coming run on the x axes, so the curves grow into the space they will fill."""
        self.step_plot.setXRange(0, max(last_step, 1), padding=0.02)
        self._follow_losses = True
        self._loss_range = None
        self._follow_loss_range()
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.setXRange(0, max(last_epoch, 1), padding=0.04)
            plot.enableAutoRange(axis="y")  # until the first point: then a range of ours
            self._epoch_ranges[plot] = None
        self._in_run = True
        self._rows_drawn_at = -math.inf  # the run's first check is drawn with the next losses
        self._follow_epoch_ranges()

    def fit(self) -> None:
        """Let every axis follow the data again (after a run ends, or stops early)."""
        self._follow_losses = False
        self._in_run = False
        self._epoch_ranges.clear()
        for plot in (self.step_plot, self.loss_plot, self.accuracy_plot):
            plot.enableAutoRange()
        self.lr_view.enableAutoRange(axis="y")
        self.draw_now()

    def draw_now(self) -> None:
        """Draw what waits for the next losses (a paused run sends none)."""
        if self._rows_pending and self.isVisible():
            self._draw_rows()

    def clear(self) -> None:
        for array in (self._steps, self._raw, self._smooth):
            array.clear()
        self._ema = RunningEma(SMOOTHING)
        self._loss_low, self._loss_high = math.inf, -math.inf
        self.raw_loss_curve.setData([], [])
        self.smooth_loss_curve.setData([], [])
        for series, _, _ in self._epoch_series + self._eval_series:
            series.clear()
        self._lr_steps, self._lr_values = [], []
        self.lr_curve.setData([], [])
        self._update_legend()
        # Auto range has nothing to fit without data and would keep the last run's axes: reset them first.
        for plot in (self.step_plot, self.loss_plot, self.accuracy_plot):
            plot.setRange(xRange=EMPTY_RANGE, yRange=EMPTY_RANGE, padding=0)
        self.lr_view.setYRange(*EMPTY_RANGE, padding=0)
        self.fit()

    # ----- reading (tests, later panels) -------------------------------------------------------------
    @property
    def step_count(self) -> int:
        return len(self._raw)

    def step_losses(self) -> np.ndarray:
        return self._raw.view().copy()

    def epoch_points(self, key: str) -> tuple[list[float], list[float]]:
        """The plotted (epoch, value) points of e.g. "test_accuracy" (accuracy in %) or "test_r2"."""
        for series, series_key, _ in self._epoch_series:
            if series_key == key:
                return list(series.x), list(series.y)
        raise KeyError(key)

    def _update_legend(self) -> None:
        """The shared legend lists only kinds that have points (no empty "validation" entry), in a fixed order."""
        shown = {label for label, item in self._legend_entries.items() if item.getData()[0] is not None
                 and len(item.getData()[0])}
        if shown == self._legend_shown:
            return
        self._legend_shown = shown
        self.epoch_legend.clear()
        for label, item in self._legend_entries.items():
            if label in shown:
                self.epoch_legend.addItem(item, tr(label))
        self.epoch_legend.setVisible(bool(shown))  # no empty box before the first point

    def retranslate(self) -> None:
        """The step legend's "smoothed (EMA 0.9)" is built from a value; the rest is re-set by the language switch."""
        for sample, label in self.step_plot.legend.items:
            if getattr(sample, "item", None) is self.smooth_loss_curve:
                label.setText(_smoothed_name())


def loss_axis_range(low: float, high: float) -> tuple[float, float]:
    """A y range that holds losses from `low` to `high`: from 0 (or `low`, if below 0) up to the next of
    1, 2, 2.5 or 5 times a power of ten at or above `high`."""
    bottom = min(0.0, low)
    span = high - bottom
    if not math.isfinite(span) or span <= 0:
        return bottom, bottom + 1.0
    if high <= 0:
        return bottom, 0.0
    power = 10.0 ** math.floor(math.log10(high))
    top = next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= high * (1 - 1e-12))
    return bottom, top


def score_axis_range(low: float, metric: str) -> tuple[float, float]:
    """A y range for scores from `low` up to the best possible: accuracy in % from the multiple of 10 at or
    below `low` to 100; R² from 0 (or a round number below `low`, if negative) to 1."""
    if metric == "r2":
        return (0.0 if low >= 0 else -loss_axis_range(0.0, -low)[1]), 1.0
    return max(0.0, 10.0 * math.floor(min(low, 99.0) / 10.0)), 100.0


def _smoothed_name() -> str:
    return tr("smoothed (EMA {weight:g})").format(weight=SMOOTHING)


_LEGEND_STYLE = dict(labelTextColor=FOREGROUND, brush=pg.mkBrush(*LEGEND_FILL), pen=pg.mkPen(LEGEND_EDGE),
                     labelTextSize="9pt")


def _with_alpha(colour: str, alpha: int) -> pg.QtGui.QColor:
    result = pg.mkColor(colour)
    result.setAlpha(alpha)
    return result

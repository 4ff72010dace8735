"""The playground's output picture: what the network answers at every point of [-6, 6]².

- Classification: a heatmap of the network's answer with the training points (white rim) and, when
  shown, the test points (black rim). Two classes use TensorFlow Playground's diverging scale, orange
  (class 0) through white (unsure) to blue (class 1); three to five classes colour each point of the
  plane by the class it would be given, paler where the network is less sure. "Discretise" shows the
  decision alone: every point in its class's colour.
- 1-D regression: the prediction as a curve over the data points.
- 2-D surfaces: the predicted height as a heatmap on the same orange (low) – blue (high) scale as the
  points' target heights.

Orange and blue are Okabe & Ito's, distinguishable with the common colour-vision deficiencies; the
further classes take their green, vermillion and purple. The view draws numpy arrays it is given
(`BoundaryFrame`s from the training thread); it never runs the network itself.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from playground.core.data.toy_data import EXTENT, ToySplits
from playground.core.explain.boundary import BoundaryFrame, PlotGrid
from playground.core.i18n import tr
from playground.ui.widgets.palette import (
    BACKGROUND,
    CLASS_COLOURS,
    FOREGROUND,
    HOVER_COLOUR,
    NEGATIVE_COLOUR,
    POSITIVE_COLOUR,
    TEST_POINT_EDGE,
    TRAIN_POINT_EDGE,
    rgb,
)
from playground.ui.widgets.plot_style import style_plot

WHITE = np.array([255, 255, 255], np.float32)
# The heatmap is a paler version of the points' colours, so the points stand out on it.
HEATMAP_STRENGTH = 0.72
POINT_SIZE = 7
CURVE_HEX = POSITIVE_COLOUR  # 1-D regression: the prediction's line
UNIT_CURVE_HEX = HOVER_COLOUR  # … and a hovered unit's output instead
AXIS_ROOM = 10
PLANE = QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT)


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array(rgb(hex_colour), np.float32)


def diverging_rgb(t: np.ndarray, strength: float = 1.0) -> np.ndarray:
    """t in [-1, 1] → RGB uint8: orange at -1, white at 0, blue at +1 (`strength` < 1 is paler).

    A 256-entry table looked up per value: ~10× faster than blending per pixel, which matters when
    every unit of a large network gets a new picture ten times a second."""
    index = np.clip(np.nan_to_num(np.asarray(t, np.float32)), -1.0, 1.0)
    index = ((index + 1.0) * 127.5 + 0.5).astype(np.uint8)
    return _diverging_table(round(float(strength), 3))[index]


_TABLES: dict[float, np.ndarray] = {}


def _diverging_table(strength: float) -> np.ndarray:
    table = _TABLES.get(strength)
    if table is None:
        t = np.linspace(-1.0, 1.0, 256, dtype=np.float32)[:, None] * strength
        neg, pos = _rgb(NEGATIVE_COLOUR), _rgb(POSITIVE_COLOUR)
        table = _TABLES[strength] = np.where(t < 0, WHITE + (neg - WHITE) * -t, WHITE + (pos - WHITE) * t
                                             ).round().astype(np.uint8)
    return table


def class_rgb(classes: np.ndarray, confidence: np.ndarray | float = 1.0, strength: float = 1.0) -> np.ndarray:
    """Class indices → RGB uint8, blended towards white where `confidence` (0…1) is low."""
    table = np.stack([_rgb(h) for h in CLASS_COLOURS])
    base = table[np.asarray(classes) % len(CLASS_COLOURS)]
    a = np.clip(np.asarray(confidence, np.float32), 0.0, 1.0)[..., None] * strength
    return (WHITE + (base - WHITE) * a).astype(np.uint8)


class BoundaryView(QWidget):
    """The output heatmap (or curve) with the data points. API: `set_problem`, `set_frame`,
    `set_show_test`, `set_discretize`, `show_unit`; `shown_values()` for tests."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = pg.PlotWidget(background=BACKGROUND)
        item = self.plot.getPlotItem()
        style_plot(item, left_width=30)
        item.getViewBox().setMouseEnabled(False, False)
        item.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        item.addItem(self.image)
        self.curve = pg.PlotDataItem(pen=pg.mkPen(CURVE_HEX, width=3))
        self.curve.setZValue(10)  # over the points it runs through
        item.addItem(self.curve)
        self.train_points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(TRAIN_POINT_EDGE, width=1.2))
        self.test_points = pg.ScatterPlotItem(size=POINT_SIZE, pen=pg.mkPen(TEST_POINT_EDGE, width=1.2))
        item.addItem(self.train_points)
        item.addItem(self.test_points)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self._holder = _SquareHolder(self.plot, self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._holder, 1)
        self.setMinimumSize(220, 240)
        self._splits: ToySplits | None = None
        self._grid: PlotGrid | None = None
        self._frame: BoundaryFrame | None = None
        self._unit: tuple[int, int] | None = None
        self._show_test = True
        self._discretize = False
        self._scale = 1.0  # regression: |value| drawn at full colour
        self._values: np.ndarray | None = None
        self._rgb: np.ndarray | None = None

    # ----- API ------------------------------------------------------------------------------------
    def set_problem(self, splits: ToySplits, grid: PlotGrid) -> None:
        """New data: draw its points, forget the previous network's picture."""
        self._splits, self._grid, self._frame, self._unit = splits, grid, None, None
        problem = splits.problem
        one_d = problem.kind == "regression_1d"
        item = self.plot.getPlotItem()
        self.image.setVisible(not one_d)
        self.curve.setVisible(one_d)
        self.curve.setData([], [])
        self.image.clear()
        self._values = None
        if problem.kind != "classification":
            y = np.concatenate([splits.train.y.ravel(), splits.test.y.ravel()])
            self._scale = float(np.abs(y).max()) if y.size and np.abs(y).max() > 0 else 1.0
        item.setAspectLocked(not one_d)
        self._holder.set_square(not one_d)
        if one_d:
            pad = 0.1 * self._scale + 0.1
            item.setXRange(-EXTENT, EXTENT, padding=0.02)
            item.setYRange(-self._scale - pad, self._scale + pad, padding=0)
            item.getAxis("left").setWidth(36)
        else:
            item.setXRange(-EXTENT, EXTENT, padding=0)
            item.setYRange(-EXTENT, EXTENT, padding=0)
        self._draw_points()
        self._update_legend()

    def retranslate(self) -> None:
        """The legend (rich text built from values) in the language just chosen."""
        self._update_legend()

    def set_frame(self, frame: BoundaryFrame | None) -> None:
        self._frame = frame
        self._redraw()

    def set_show_test(self, show: bool) -> None:
        self._show_test = bool(show)
        self.test_points.setVisible(self._show_test)

    def set_discretize(self, discretize: bool) -> None:
        self._discretize = bool(discretize)
        self._redraw()

    def show_unit(self, unit: tuple[int, int] | None) -> None:
        """Show hidden layer `unit[0]`'s unit `unit[1]` instead of the output (None: the output again)."""
        if unit != self._unit:
            self._unit = unit
            self._redraw()

    def shown_values(self) -> np.ndarray | None:
        """The numbers the picture shows now: grid.shape, row = x2, column = x1 (the curve for 1-D)."""
        return self._values

    def shown_rgb(self) -> np.ndarray | None:
        """The heatmap's pixels (R × R × 3, row 0 at x2 = -6), None for 1-D problems or before a frame."""
        return self._rgb

    # ----- drawing ----------------------------------------------------------------------------------
    def _draw_points(self) -> None:
        splits = self._splits
        if splits is None:
            return
        for item, points, data in ((self.train_points, splits.train_points, splits.train),
                                   (self.test_points, splits.test_points, splits.test)):
            if splits.problem.kind == "regression_1d":
                xy = np.column_stack([points[:, 0], data.y[:, 0]])
                brushes = [pg.mkBrush(120, 120, 120, 200)] * len(xy)
                item.setPen(pg.mkPen(TRAIN_POINT_EDGE if item is self.train_points else TEST_POINT_EDGE, width=1.0))
            else:
                xy = points[:, :2]
                if splits.problem.kind == "classification":
                    colours = class_rgb(data.y) if splits.problem.n_classes > 2 else \
                        diverging_rgb(np.where(data.y > 0, 1.0, -1.0))
                else:
                    colours = diverging_rgb(data.y[:, 0] / self._scale)
                brushes = [pg.mkBrush(*map(int, c)) for c in colours]
            item.setData(pos=xy, brush=brushes)
        self.test_points.setVisible(self._show_test)

    def _redraw(self) -> None:
        frame, grid, splits = self._frame, self._grid, self._splits
        if frame is None or grid is None or splits is None or tuple(frame.shape) != tuple(grid.shape):
            self._values = None
            self._rgb = None
            self.image.clear()  # no network (yet): no picture rather than the last network's
            self.curve.setData([], [])
            return
        unit_map = None
        if self._unit is not None:
            layer, unit = self._unit
            if 0 <= layer < len(frame.layers) and 0 <= unit < frame.layers[layer].shape[0]:
                unit_map = frame.layers[layer][unit]
        if grid.one_d:
            values = unit_map if unit_map is not None else frame.values
            self._values = values
            self._rgb = None
            self.curve.setData(grid.xs, values)
            self.curve.setPen(pg.mkPen(UNIT_CURVE_HEX if unit_map is not None else CURVE_HEX, width=3))
            return
        if unit_map is not None:
            scale = float(np.abs(unit_map).max()) or 1.0
            values, rgb = unit_map, diverging_rgb(unit_map / scale, HEATMAP_STRENGTH)
        elif frame.task == "multiclass":
            assert frame.probabilities is not None and frame.predicted is not None  # a multiclass frame has both
            k = frame.probabilities.shape[-1]
            confidence = 1.0 if self._discretize else (frame.values - 1.0 / k) / (1.0 - 1.0 / k)
            values, rgb = frame.predicted, class_rgb(frame.predicted, confidence, HEATMAP_STRENGTH)
        elif frame.task == "binary":
            t = np.where(frame.values >= 0.5, 1.0, -1.0) if self._discretize else 2.0 * frame.values - 1.0
            values, rgb = (frame.predicted if self._discretize else frame.values), diverging_rgb(t, HEATMAP_STRENGTH)
        else:
            t = np.sign(frame.values) if self._discretize else frame.values / self._scale
            values, rgb = frame.values, diverging_rgb(t, HEATMAP_STRENGTH)
        self._values = values
        self._rgb = rgb
        # The rect goes with every image: an ImageItem maps it using the size of the image it holds.
        self.image.setImage(rgb, autoLevels=False, levels=(0, 255), rect=PLANE)

    def _update_legend(self) -> None:
        splits = self._splits
        if splits is None:
            self.legend.setText("")
            return
        problem = splits.problem

        def swatch(hex_colour: str) -> str:
            return f"<span style='color:{hex_colour}; font-size:14pt'>●</span>"

        rims = tr("training points: white rim, test points: black rim")
        if problem.kind == "classification":
            names = [swatch(CLASS_COLOURS[k] if problem.n_classes > 2 else (NEGATIVE_COLOUR, POSITIVE_COLOUR)[k]) + " "
                     + tr("class {k}").format(k=k) for k in range(problem.n_classes)]
            shade = tr("pale = unsure") if problem.n_classes > 2 else tr("white = 50 : 50")
            text = " &nbsp;".join(names) + tr(" &nbsp;· background: the network's answer ({shade}); {rims}").format(
                shade=shade, rims=rims)
        elif problem.kind == "regression_1d":
            text = tr("grey points: data (white rim: training, black rim: test); "
                      "<span style='color:{colour}'><b>line</b></span>: the network's prediction").format(
                colour=CURVE_HEX)
        else:
            text = tr("{low} low &nbsp;{high} high height (±{scale:.2g}) · background: the predicted height; "
                      "{rims}").format(low=swatch(NEGATIVE_COLOUR), high=swatch(POSITIVE_COLOUR), scale=self._scale,
                                       rims=rims)
        self.legend.setText(f"<span style='color:{FOREGROUND}'>{text}</span>")
        self._holder.set_square(problem.kind != "regression_1d")


class _SquareHolder(QWidget):
    """Lays out the plot and its legend: the plot square for the plane (so [-6, 6]² fills it), centred at
    the top with the legend right under it; for a 1-D function the plot takes what the legend leaves."""

    def __init__(self, plot: QWidget, legend: QLabel):
        super().__init__()
        self._square = True
        self._plot, self._legend = plot, legend
        plot.setParent(self)
        legend.setParent(self)
        self.setMinimumSize(200, 220)

    def set_square(self, square: bool) -> None:
        self._square = square
        self._place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        w, h = self.width(), self.height()
        legend_h = self._legend.heightForWidth(w) if self._legend.text() else 0
        if not self._square:
            self._plot.setGeometry(0, 0, w, h - legend_h)
            self._legend.setGeometry(0, h - legend_h, w, legend_h)
            return
        side = max(50, min(w - AXIS_ROOM, h - legend_h - 4))  # the left axis is AXIS_ROOM wider than the bottom
        left = int((w - side - AXIS_ROOM) / 2)
        self._plot.setGeometry(left, 0, int(side + AXIS_ROOM), int(side))
        self._legend.setGeometry(0, int(side) + 4, w, self._legend.heightForWidth(w))

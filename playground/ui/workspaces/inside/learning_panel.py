"""While it learns: weight and bias histograms, gradient norms per layer over time (backpropagation
made visible), the first conv layer's filters, the probe digit's feature maps, dead ReLUs and the
trainer's health warnings in words.

The panel consumes `TrainingSnapshot`s (plain numpy, made on the training thread) at up to 4 a second.
Every plot item is created once and updated with `setData`/`setImage`; the image grids of the
hidden tab are drawn only when it is shown, so an update stays a few milliseconds.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QPen, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.inspection import DEAD_RELU_WARNING, TrainingSnapshot
from playground.core.i18n import tr
from playground.ui.widgets.image_grid import ImageGrid
from playground.ui.widgets.notice_box import NoticeBox
from playground.ui.widgets.palette import MUTED_TEXT, OKABE_ITO, rgb
from playground.ui.widgets.plot_style import (
    ACTIVATION_COLOURMAP,
    DIVERGING_COLOURMAP,
    GREY_COLOURMAP,
    LAYER_COLOURS,
    plot_widget,
)
from playground.ui.widgets.plots import GrowingArray
from playground.ui.widgets.theme import plot_foreground

WEIGHT_COLOUR = OKABE_ITO["blue"]
BIAS_COLOUR = OKABE_ITO["orange"]
DEAD_COLOUR = OKABE_ITO["vermillion"]
ALIVE_COLOUR = OKABE_ITO["blue"]


def _w(i: int) -> str:
    return f"W<sup>[{i}]</sup>"


def _b(i: int) -> str:
    return f"b<sup>[{i}]</sup>"


def sticky_range(current: tuple[float, float] | None, lo: float, hi: float, margin: float = 0.08,
                 shrink_below: float = 0.5) -> tuple[float, float] | None:
    """A new axis range for data lo..hi, or None to keep `current`.

    Axes repaint their labels whenever their range changes, which costs a few milliseconds per plot:
    ranges therefore move only when the data leaves them or fills less than `shrink_below` of them."""
    if not (np.isfinite(lo) and np.isfinite(hi)):
        return None
    if hi <= lo:
        lo, hi = lo - 0.5, hi + 0.5
    if current is not None:
        c_lo, c_hi = current
        if c_lo <= lo and hi <= c_hi and (hi - lo) >= shrink_below * (c_hi - c_lo):
            return None
    pad = margin * (hi - lo)
    return lo - pad, hi + pad


def _dead_title() -> str:
    return tr("Dead ReLUs (dashed: warning at {share:.0%})").format(share=DEAD_RELU_WARNING)


class _GradientSeries:
    """One layer's gradient norms over the steps, and its curve, made when first drawn: while the panel
    is hidden, a run's first snapshot then costs the window nothing (three new curves took ~6 ms)."""

    def __init__(self, plot: pg.PlotWidget, pen: QPen, label: str):
        self._plot = plot
        self._pen = pen
        self.label = label  # the legend's HTML: colour and layer
        self.curve: pg.PlotDataItem | None = None
        self.steps = GrowingArray(256)
        self.norms = GrowingArray(256)

    def add(self, step: int, norm: float, draw: bool = True) -> None:
        # A log axis cannot show 0 or NaN: leave a gap there instead.
        value = norm if np.isfinite(norm) and norm > 0 else np.nan
        self.steps.extend(np.array([step], float))
        self.norms.extend(np.array([value], float))
        if draw:
            self.draw()

    def draw(self) -> None:
        if self.curve is None:
            self.curve = self._plot.plot(pen=self._pen)
        self.curve.setData(self.steps.view(), self.norms.view(), connect="finite")

    def remove(self) -> None:
        if self.curve is not None:
            self._plot.removeItem(self.curve)
            self.curve = None


class LearningPanel(QWidget):
    """`add_snapshot(snapshot)` while training; `clear()` when the network or its weights are reset."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.step_label = QLabel(tr("No snapshot yet: press Train, and this panel follows the network as it learns."))
        self.step_label.setWordWrap(True)
        self.step_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.health = NoticeBox()
        self.health.setToolTip(tr("The trainer checks every snapshot for dead ReLUs and vanishing or exploding "
                                  "gradients."))

        # --- weights and gradients ---------------------------------------------------------------
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("Which layer's weights and biases the histograms show."))
        self.weight_plot = plot_widget(x_label=tr("weight value"), y_label=tr("count"), left_width=62)
        self.bias_plot = plot_widget(x_label=tr("bias value"), y_label=tr("count"), left_width=62)
        for plot in (self.weight_plot, self.bias_plot):
            plot.getPlotItem().enableAutoRange(enable=False)
        self.weight_hist = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=pg.mkPen(WEIGHT_COLOUR, width=1.5),
                                           fillBrush=pg.mkBrush(*rgb(WEIGHT_COLOUR), 90))
        self.bias_hist = pg.PlotDataItem(stepMode="center", fillLevel=0, pen=pg.mkPen(BIAS_COLOUR, width=1.5),
                                         fillBrush=pg.mkBrush(*rgb(BIAS_COLOUR), 90))
        self.weight_plot.addItem(self.weight_hist)
        self.bias_plot.addItem(self.bias_hist)
        self.no_bias = pg.TextItem(tr("this layer has no bias"), color=MUTED_TEXT, anchor=(0.5, 0.5))
        self.bias_plot.addItem(self.no_bias, ignoreBounds=True)
        self.no_bias.hide()

        self.gradient_plot = plot_widget(
            tr("Gradient norm per layer: backpropagation made visible"),
            tr("training step"), tr("‖∂L/∂W‖ (log scale)"), left_width=60, log_y=True)
        self.gradient_plot.getPlotItem().enableAutoRange(enable=False)
        # Below the plot rather than over it: curves go everywhere.
        self.gradient_legend = QLabel()
        self.gradient_legend.setTextFormat(Qt.TextFormat.RichText)
        self.gradient_legend.setWordWrap(True)
        self.gradient_plot.setToolTip(tr(
            "How strongly the loss pulls on each layer's weights. Curves far below the others mean that layer "
            "hardly learns (vanishing gradients); curves shooting up mean the updates are exploding."))
        self.gradients: dict[str, _GradientSeries] = {}

        self.dead_plot = plot_widget(_dead_title(), y_label=tr("% never firing"), left_width=60)
        self.dead_plot.setToolTip(tr("The share of each ReLU layer's units that output 0 for every probe digit: "
                                     "a dead unit passes no gradient back, so it stops learning for good."))
        self.dead_bars = pg.BarGraphItem(x=[], height=[], width=0.6, brush=ALIVE_COLOUR, pen=None)
        self.dead_plot.addItem(self.dead_bars)
        self.dead_plot.setYRange(0, 118, padding=0)
        self.dead_plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])
        self.dead_line = pg.InfiniteLine(DEAD_RELU_WARNING * 100, angle=0,
                                         pen=pg.mkPen(DEAD_COLOUR, width=1.5, style=Qt.PenStyle.DashLine))
        self.dead_plot.addItem(self.dead_line)
        self.no_relu = pg.TextItem(tr("no ReLU layers in this network"), color=MUTED_TEXT, anchor=(0.5, 0.5))
        self.dead_plot.addItem(self.no_relu, ignoreBounds=True)
        self.no_relu.setPos(0, 50)
        self.no_relu.hide()

        weights_page = QWidget()
        left = QVBoxLayout()
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(tr("Histograms of layer")))
        chooser.addWidget(self.layer_combo, 1)
        left.addLayout(chooser)
        left.addWidget(self.weight_plot, 3)
        left.addWidget(self.bias_plot, 2)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.gradient_plot, 3)
        right.addWidget(self.gradient_legend)
        right.addSpacing(4)
        right.addWidget(self.dead_plot, 2)
        columns = QHBoxLayout(weights_page)
        columns.setContentsMargins(4, 4, 4, 4)
        columns.addLayout(left, 4)
        columns.addLayout(right, 5)

        # --- filters and feature maps ------------------------------------------------------------
        self.filters_title = QLabel()
        self.filters_title.setTextFormat(Qt.TextFormat.RichText)
        self.filters_title.setWordWrap(True)
        self.filters = ImageGrid(DIVERGING_COLOURMAP, scale="symmetric", colour_bar=True)
        self.filters.reserve_captions(32)  # caption items made now, not during the first snapshot
        self.filters.setToolTip(tr("Each small square is one kernel: the pattern of weights it slides over the image."))
        self.map_combo = QComboBox()
        self.map_combo.setToolTip(tr("Which layer's feature maps of the probe digit to show."))
        self.maps_title = QLabel()
        self.maps_title.setTextFormat(Qt.TextFormat.RichText)
        self.maps_title.setWordWrap(True)
        self.probe = ImageGrid(GREY_COLOURMAP, scale="each")
        self.probe.setFixedWidth(96)
        self.maps = ImageGrid(ACTIVATION_COLOURMAP, scale="shared", colour_bar=True)
        self.maps.reserve_captions(32)
        self.no_conv = QLabel(tr("This network has no convolution layers, so there are no filters or feature maps "
                                 "to show. Try the cnn preset."))
        self.no_conv.setWordWrap(True)
        self.no_conv.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_conv.setStyleSheet(f"color: {MUTED_TEXT};")

        conv_page = QWidget()
        maps_layout = QGridLayout(conv_page)
        maps_layout.setContentsMargins(4, 4, 4, 4)
        maps_layout.addWidget(self.filters_title, 0, 0)
        maps_layout.addWidget(self.filters, 1, 0, 2, 1)
        map_chooser = QHBoxLayout()
        map_chooser.addWidget(QLabel(tr("Feature maps of layer")))
        map_chooser.addWidget(self.map_combo, 1)
        maps_layout.addLayout(map_chooser, 0, 1, 1, 2)
        maps_layout.addWidget(self.maps_title, 1, 1, 1, 2)
        maps_layout.addWidget(self.probe, 2, 1, Qt.AlignmentFlag.AlignTop)
        maps_layout.addWidget(self.maps, 2, 2)
        maps_layout.setColumnStretch(0, 2)
        maps_layout.setColumnStretch(2, 3)
        maps_layout.setRowStretch(2, 1)
        maps_page = QStackedWidget()
        maps_page.addWidget(conv_page)
        maps_page.addWidget(self.no_conv)
        self.conv_page = conv_page

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(weights_page, tr("Weights and gradients"))
        self.tabs.addTab(maps_page, tr("Filters and feature maps"))
        self.weights_page, self.maps_page = weights_page, maps_page

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.step_label)
        layout.addWidget(self.health)
        layout.addWidget(self.tabs, 1)

        self.latest: TrainingSnapshot | None = None
        self.snapshot_count = 0
        self._maps_stale = False
        self._probe_image: np.ndarray | None = None
        self._layer_names: list[str] = []
        self._map_names: list[str] = []
        self._dead_names: list[str] | None = None  # None: the axis has not been labelled yet
        self._dead_labels: list[pg.TextItem] = []
        self._titles: dict[int, str] = {}
        self._legend_text = ""
        # Axis ranges, moved only when the data leaves them (see sticky_range).
        self._ranges: dict[int, list] = {}  # histogram plot → [x range, y range]
        self._x_span = (0.0, 0.0)  # gradient plot: steps shown
        self._log_span = (np.inf, -np.inf)  # log10 of the smallest and largest norm so far
        self._y_view: tuple[float, float] | None = None
        self.layer_combo.currentIndexChanged.connect(lambda _: self._draw_histograms())
        self.map_combo.currentIndexChanged.connect(lambda _: self._draw_maps())
        self.tabs.currentChanged.connect(lambda _: self._draw_maps_if_stale())
        self.clear()

    # ----- API --------------------------------------------------------------------------------------
    def add_snapshot(self, snapshot: TrainingSnapshot) -> None:
        """One more snapshot: histograms and maps replace the last ones, gradient curves grow.

        While the panel is hidden only the gradient history is kept; the rest is drawn when it is
        shown (drawing it unseen cost the training thread the GIL for nothing)."""
        self.latest = snapshot
        self.snapshot_count += 1
        for k, stats in enumerate(snapshot.layers):
            self._gradient_series(stats.name, k).add(snapshot.step, stats.weight_grad_norm, draw=False)
        if self.isVisible():
            self._show_latest()
        else:
            self._latest_shown = False

    def _show_latest(self) -> None:
        snapshot = self.latest
        self._latest_shown = True
        if snapshot is None:
            return
        self._show_step(snapshot)
        self._set_choices(self.layer_combo, self._layer_names, [s.name for s in snapshot.layers],
                          [self._layer_label(k, s.name) for k, s in enumerate(snapshot.layers)])
        self._draw_histograms()
        for series in self.gradients.values():
            series.draw()
        self._fit_gradients(snapshot.step, [stats.weight_grad_norm for stats in snapshot.layers])
        self._update_gradient_legend({stats.name: stats.weight_grad_norm for stats in snapshot.layers})
        self._draw_dead(snapshot.dead_relu)
        self._show_health(snapshot)
        map_names = list(snapshot.feature_maps)
        self._set_choices(self.map_combo, self._map_names, map_names, map_names)
        has_conv = bool(snapshot.filters) or bool(map_names)
        self.maps_page.setCurrentWidget(self.conv_page if has_conv else self.no_conv)
        self._maps_stale = True
        self._draw_maps_if_stale()

    def clear(self) -> None:
        """Forget every snapshot (a new network, or weights reset)."""
        self.latest = None
        self.snapshot_count = 0
        self._latest_shown = True
        for series in self.gradients.values():
            series.remove()
        self.gradients.clear()
        self._ranges = {}
        self._x_span = (0.0, 0.0)
        self._log_span = (np.inf, -np.inf)
        self._y_view = None
        self._update_gradient_legend()
        self.weight_hist.setData([], [])
        self.bias_hist.setData([], [])
        self._set_choices(self.layer_combo, self._layer_names, [], [])
        self._set_choices(self.map_combo, self._map_names, [], [])
        self._draw_dead({})
        self.no_relu.hide()
        self.filters.clear_images(tr("filters appear with the first snapshot"))
        self.maps.clear_images(tr("feature maps appear with the first snapshot"))
        self.maps_title.setText("")
        self._empty_texts()
        self._maps_stale = False

    def _empty_texts(self) -> None:
        """What the panel says before the first snapshot."""
        self.filters_title.setText(tr("Filters of the first convolution layer"))
        self.step_label.setText(tr("No snapshot yet: press Train, and this panel follows the network as it learns."))
        self.health.set_notice(tr("Health checks"), [tr("They start with the first snapshot of training.")], "info")
        self._set_title(self.weight_plot, tr("Weights"))
        self._set_title(self.bias_plot, tr("Biases"))

    def retranslate(self) -> None:
        """Titles, legends and notices built from values are built again in the new language."""
        self.dead_plot.setTitle(_dead_title(), color=plot_foreground(), size="10pt")
        self._titles.clear()
        if self._probe_image is not None:
            self.probe.set_images(self._probe_image[None], captions=[tr("probe digit")])
        snap = self.latest
        if snap is None:
            self._empty_texts()
            return
        self._show_step(snap)
        self._legend_text = ""
        self._update_gradient_legend({stats.name: stats.weight_grad_norm for stats in snap.layers})
        self._draw_histograms()
        self._show_health(snap)
        self._draw_maps()

    def _show_step(self, snapshot: TrainingSnapshot) -> None:
        self.step_label.setText(tr("Step {step:,} · {count} snapshots so far").format(
            step=snapshot.step, count=self.snapshot_count))

    def set_probe_image(self, image28: np.ndarray | None) -> None:
        """The probe digit (28×28, any range) whose feature maps the snapshots carry, shown beside them.

        A colour image (3×H×W, from an RGB image folder) is shown as its luma: the grid draws one channel."""
        self._probe_image = None if image28 is None else np.asarray(image28, dtype=float)
        if self._probe_image is not None and self._probe_image.ndim == 3:
            channels = self._probe_image
            self._probe_image = (np.tensordot([0.299, 0.587, 0.114], channels, axes=1) if len(channels) == 3
                                 else channels.mean(axis=0))
        if self._probe_image is None:
            self.probe.clear_images()
        else:
            self.probe.set_images(self._probe_image[None], captions=[tr("probe digit")])

    def select_layer(self, name: str) -> None:
        self.layer_combo.setCurrentIndex(self._layer_names.index(name))

    def select_feature_maps(self, name: str) -> None:
        self.map_combo.setCurrentIndex(self._map_names.index(name))

    def gradient_data(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """The (steps, norms) history of layer `name`'s gradient curve (before the log axis; also kept
        while the panel is hidden, when the curve itself is not redrawn)."""
        series = self.gradients[name]
        return np.asarray(series.steps.view()), np.asarray(series.norms.view())

    # ----- drawing ----------------------------------------------------------------------------------
    @staticmethod
    def _set_choices(combo: QComboBox, current: list[str], names: list[str], labels: list[str]) -> None:
        """Refill a chooser only when the names change, keeping the chosen one when it still exists."""
        if names == current:
            return
        chosen = current[combo.currentIndex()] if 0 <= combo.currentIndex() < len(current) else None
        combo.blockSignals(True)
        combo.clear()
        combo.addItems(labels)
        current[:] = names
        if chosen in names:
            combo.setCurrentIndex(names.index(chosen))
        combo.blockSignals(False)

    def _layer_label(self, k: int, name: str) -> str:
        return f"{name}  (W[{k + 1}], b[{k + 1}])"

    def _gradient_series(self, name: str, k: int) -> _GradientSeries:
        series = self.gradients.get(name)
        if series is None:
            colour = LAYER_COLOURS[len(self.gradients) % len(LAYER_COLOURS)]
            label = f"<span style='color:{colour}'>━━</span>&nbsp;{html.escape(name)} · {_w(k + 1)}"
            series = self.gradients[name] = _GradientSeries(self.gradient_plot, pg.mkPen(colour, width=2), label)
        return series

    def _set_title(self, plot: pg.PlotWidget, title: str) -> None:
        """Only when it changes: a new title re-lays out the plot, and that repaints its axes."""
        if self._titles.get(id(plot)) != title:
            self._titles[id(plot)] = title
            plot.setTitle(title, color=plot_foreground(), size="10pt")

    def _update_gradient_legend(self, latest: dict[str, float] | None = None) -> None:
        """Colour and layer; a latest norm of 0 or NaN is named here, as the log axis cannot show it.
        (Other values are left to the curve: a label that changes every snapshot costs a relayout.)"""
        latest = latest or {}
        parts = []
        for name, series in self.gradients.items():
            value = latest.get(name)
            state = "" if value is None or (np.isfinite(value) and value > 0) else (
                tr(": <b>0</b> (no gradient)") if value == 0 else ": <b>NaN</b>")
            parts.append(series.label + state)
        text = "&nbsp;&nbsp; ".join(parts)
        if text != self._legend_text:
            self._legend_text = text
            self.gradient_legend.setText(text)
            self.gradient_legend.setVisible(bool(parts))

    def _draw_histograms(self) -> None:
        snap = self.latest
        k = self.layer_combo.currentIndex()
        if snap is None or not (0 <= k < len(snap.layers)):
            return
        stats = snap.layers[k]
        counts, edges = stats.weight_hist
        self.weight_hist.setData(edges, counts)
        self._fit(self.weight_plot, edges, counts)
        self._set_title(self.weight_plot, tr("{w} of {layer}: {count:,} weights").format(
            w=_w(k + 1), layer=html.escape(stats.name), count=int(counts.sum())))
        if stats.bias_hist is not None:
            b_counts, b_edges = stats.bias_hist
            self.bias_hist.setData(b_edges, b_counts)
            self._fit(self.bias_plot, b_edges, b_counts)
            self._set_title(self.bias_plot, tr("{b} of {layer}: {count:,} biases").format(
                b=_b(k + 1), layer=html.escape(stats.name), count=int(b_counts.sum())))
            self.no_bias.hide()
        else:
            self.bias_hist.setData([], [])
            self._set_title(self.bias_plot, tr("{b} of {layer}").format(b=_b(k + 1), layer=html.escape(stats.name)))
            self.no_bias.setPos(0, 0)
            self.no_bias.show()

    def _fit(self, plot: pg.PlotWidget, edges: np.ndarray, counts: np.ndarray) -> None:
        """Keep a histogram's axes still unless the data moved out of them (see sticky_range)."""
        ranges = self._ranges.setdefault(id(plot), [None, None])
        x = sticky_range(ranges[0], float(edges[0]), float(edges[-1]), margin=0.15)
        top = float(np.max(counts)) if len(counts) else 1.0
        y = sticky_range(ranges[1], 0.0, max(top, 1.0), margin=0.0, shrink_below=0.45)
        if x is not None:
            ranges[0] = x
            plot.setXRange(*x, padding=0)
        if y is not None:
            ranges[1] = (0.0, y[1] * 1.3)
            plot.setYRange(*ranges[1], padding=0)

    def _fit_gradients(self, step: int, norms: list[float]) -> None:
        """Steps grow by half again when the curve reaches the right edge; the log y range only widens."""
        finite = [np.log10(n) for n in norms if np.isfinite(n) and n > 0]
        if finite:
            self._log_span = (min(self._log_span[0], min(finite)), max(self._log_span[1], max(finite)))
        x_hi = self._x_span[1]
        if step > x_hi or self._x_span == (0.0, 0.0):
            self._x_span = (0.0, max(10.0, step * 1.5))
            self.gradient_plot.setXRange(*self._x_span, padding=0.01)
        lo, hi = self._log_span
        if np.isfinite(lo) and (self._y_view is None or lo < self._y_view[0] or hi > self._y_view[1]):
            self._y_view = (np.floor(lo * 4) / 4 - 0.25, np.ceil(hi * 4) / 4 + 0.25)
            self.gradient_plot.setYRange(*self._y_view, padding=0)

    def _draw_dead(self, dead: dict[str, float]) -> None:
        names = list(dead)
        fractions = np.array([dead[n] for n in names], float)
        brushes = [pg.mkBrush(DEAD_COLOUR if f >= DEAD_RELU_WARNING else ALIVE_COLOUR) for f in fractions]
        self.dead_bars.setOpts(x=np.arange(len(names)), height=fractions * 100, width=0.6, brushes=brushes)
        if names != self._dead_names:
            self._dead_names = names
            for item in self._dead_labels:
                self.dead_plot.removeItem(item)
            self._dead_labels = [pg.TextItem(color=plot_foreground(), anchor=(0.5, 1.0)) for _ in names]
            for item in self._dead_labels:
                self.dead_plot.addItem(item, ignoreBounds=True)
            self.dead_plot.getAxis("bottom").setTicks([[(k, n) for k, n in enumerate(names)]])
            self.dead_plot.setXRange(-0.6, max(len(names), 1) - 0.4, padding=0)
            self.no_relu.setPos((len(names) - 1) / 2 if names else 0, 50)
        for k, (item, f) in enumerate(zip(self._dead_labels, fractions)):
            item.setText(f"{f:.0%}")
            item.setPos(k, f * 100)
        self.no_relu.setVisible(not names)

    def _show_health(self, snap: TrainingSnapshot) -> None:
        if snap.warnings:
            title = (tr("⚠ 1 problem at step {step:,}") if len(snap.warnings) == 1 else
                     tr("⚠ {count} problems at step {step:,}"))
            self.health.set_notice(title.format(count=len(snap.warnings), step=snap.step), snap.warnings, "warning")
        else:
            self.health.set_notice("", [tr("✓ No problems detected at step {step:,}: gradients reach every layer and "
                                           "no ReLU layer is dead.").format(step=snap.step)], "ok")

    def _maps_visible(self) -> bool:
        return self.isVisible() and self.tabs.currentWidget() is self.maps_page

    def _draw_maps_if_stale(self) -> None:
        if self._maps_stale and self._maps_visible():
            self._draw_maps()

    def _draw_maps(self) -> None:
        snap = self.latest
        if snap is None:
            return
        self._maps_stale = False
        if snap.filters:
            name, weights = next(iter(snap.filters.items()))  # the first conv layer
            out, n_in, kh, kw = weights.shape
            tiles = weights[:, 0] if n_in == 1 else weights.mean(axis=1)
            self.filters.set_images(tiles, captions=[str(k) for k in range(out)],
                                    tooltips=[tr("{layer}, kernel {index}: {height}×{width} weights").format(
                                        layer=name, index=k, height=kh, width=kw) for k in range(out)])
            k = next((i for i, s in enumerate(snap.layers) if s.name == name), 0)
            title = (tr("<b>Filters of {layer}</b> ({w}): {count} kernels of {height}×{width}.") if n_in == 1 else
                     tr("<b>Filters of {layer}</b> ({w}): {count} kernels of {height}×{width} (averaged over its "
                        "{channels} input channels)."))
            self.filters_title.setText(
                title.format(layer=html.escape(name), w=_w(k + 1), count=out, height=kh, width=kw, channels=n_in)
                + f" <span style='color:{MUTED_TEXT}'>"
                + tr("Orange: positive weight, blue: negative, white: 0.") + "</span>")
        k = self.map_combo.currentIndex()
        if 0 <= k < len(self._map_names) and self._map_names[k] in snap.feature_maps:
            name = self._map_names[k]
            maps = snap.feature_maps[name]
            c, h, w = maps.shape
            self.maps.set_images(maps, captions=[tr("map {index}").format(index=j) for j in range(c)],
                                 tooltips=[tr("{layer}, channel {index}: {height}×{width}").format(
                                     layer=name, index=j, height=h, width=w) for j in range(c)])
            self.maps_title.setText(
                tr("<b>{layer}</b>: {count} maps of {height}×{width} for the probe digit, updating as the network "
                   "learns.").format(layer=html.escape(name), count=c, height=h, width=w)
                + f" <span style='color:{MUTED_TEXT}'>" + tr("One colour scale: dark low, yellow high.") + "</span>")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._latest_shown:
            self._show_latest()
        self._draw_maps_if_stale()

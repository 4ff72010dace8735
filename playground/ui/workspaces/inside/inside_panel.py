"""Inside the network: what every layer outputs for one digit, and the dense forward pass worked
through with the actual numbers (z^[i] = W^[i] a^[i−1] + b^[i], a^[i] = g(z^[i])).

The panel only draws: it takes the numpy results of `playground.core.explain.inspection`
(`layer_activations`, `dense_forward_steps`), which the window computes off the GUI thread.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.inspection import DenseStep, LayerActivation
from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES
from playground.core.model.shape_inference import ShapeReport
from playground.ui.widgets.image_grid import ImageGrid
from playground.ui.widgets.palette import (
    DIVIDER,
    FOREGROUND,
    FRAME_COLOUR,
    MUTED_TEXT,
    NOTICE_EDGES,
    NOTICE_TEXT,
    NOTICE_TINTS,
    OKABE_ITO,
    ROW_HIGHLIGHT,
    TABLE_BORDER,
    ZERO_LINE,
)
from playground.ui.widgets.plot_style import ACTIVATION_COLOURMAP, GREY_COLOURMAP, plot_widget
from playground.ui.widgets.theme import plot_foreground

MAX_BAR_UNITS = 128  # up to this many units: one bar each; more: a heatmap
HEATMAP_ROW = 64  # units per row of a folded heatmap
TABLE_ROWS = 6  # rows of W^[i] a^[i−1] + b^[i] written out in the table
TABLE_TERMS = 3  # largest terms written out per table row
DETAIL_TERMS = 5  # largest terms listed for the selected unit j
AGREEMENT_TOLERANCE = 1e-4
ACTIVATION_TYPES = ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Softmax", "Identity")
BAR_COLOUR = OKABE_ITO["blue"]
HIGHLIGHT_COLOUR = OKABE_ITO["orange"]
# What a row of a folded heatmap is (keys of `_fold`), as shown.
ROW_KINDS = {"channel": N_("channel"), "image row": N_("image row")}


# ----- notation ------------------------------------------------------------------------------------

def sup(symbol: str, index: int | str) -> str:
    """W<sup>[2]</sup>: the course notes' layer superscript, as Qt rich text."""
    return f"{symbol}<sup>[{index}]</sup>"


def prev_index(i: int) -> str:
    return f"{i - 1}" if i > 1 else "0"


def num(x: float, digits: int = 3) -> str:
    """A number for reading: fixed decimals, scientific only when tiny or huge, a real minus sign."""
    x = float(x)
    if not np.isfinite(x):
        text = "NaN" if np.isnan(x) else ("∞" if x > 0 else "−∞")
    elif x != 0 and (abs(x) < 10 ** -digits or abs(x) >= 1e5):
        text = f"{x:.{max(digits - 1, 1)}e}"
    else:
        text = f"{x:.{digits}f}"
    return text.replace("-", "−")


def paren(x: float) -> str:
    """Negative factors in a product get brackets: 0.412·(−1.300)."""
    return f"({num(x)})" if x < 0 else num(x)


def shape_text(shape: Sequence[int]) -> str:
    return "×".join(str(int(d)) for d in shape)


def activation_formula(name: str, z: str = "z", j: str = "j") -> str:
    """g(z_j) written out, as rich text."""
    zj = f"{z}<sub>{j}</sub>"
    return {
        "ReLU": f"max(0,&nbsp;{zj})",
        "LeakyReLU": tr("{zj} if {zj} &gt; 0, else 0.01·{zj}").format(zj=zj),
        "Sigmoid": f"1 / (1 + e<sup>−{zj}</sup>)",
        "Tanh": f"tanh({zj})",
        "GELU": f"{zj}·Φ({zj})",
        "Softmax": f"e<sup>{zj}</sup> / Σ<sub>k</sub> e<sup>{z}<sub>k</sub></sup>",
        "Identity": zj,
    }.get(name, f"{html.escape(name)}({zj})")


def expanded_sum(weights: np.ndarray, a_prev: np.ndarray, bias: float, terms: int) -> tuple[str, np.ndarray, float]:
    """W_j·a + b_j with its `terms` largest products written out and "…" for the rest.

    Returns the rich text, the indices k shown (largest |W_jk a_k| first) and the sum of the others."""
    products = weights * a_prev
    shown = np.argsort(-np.abs(products), kind="stable")[:terms]
    rest = float(products.sum() - products[shown].sum())
    parts = [f"{paren(weights[k])}·{paren(a_prev[k])}" for k in shown]
    if len(products) > len(shown):
        parts.append("…")
    parts.append(paren(bias))
    return " + ".join(parts), shown, rest


# ----- activations of every layer ------------------------------------------------------------------

def _stack_plot_and_readout(page: QWidget, plot: QWidget) -> QLabel:
    """Lay `page` out as `plot` over a muted line that reads out what the mouse points at."""
    readout = QLabel()
    readout.setStyleSheet(f"color: {MUTED_TEXT};")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(plot, 1)
    layout.addWidget(readout)
    return readout


class _BarsPage(QWidget):
    """One bar per unit, with the unit under the mouse read out below the plot."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = plot_widget(x_label=tr("unit j"), y_label=tr("value"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=BAR_COLOUR, pen=None)
        self.plot.addItem(self.bars)
        self.zero_line = pg.InfiniteLine(0, angle=0, pen=pg.mkPen(ZERO_LINE))
        self.plot.addItem(self.zero_line)
        self.readout = _stack_plot_and_readout(self, self.plot)
        self.values = np.zeros(0)
        self.labels: list[str] | None = None
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def set_values(self, values: np.ndarray, labels: list[str] | None = None, highlight: int | None = None,
                   x_label: str | None = None, y_label: str | None = None) -> None:
        """One bar per value; `x_label`/`y_label` are shown as given (default: "unit j", "value")."""
        x_label = tr("unit j") if x_label is None else x_label
        y_label = tr("value") if y_label is None else y_label
        self.values = np.asarray(values, dtype=float)
        self.labels = labels
        n = len(self.values)
        brushes = [pg.mkBrush(BAR_COLOUR)] * n
        if highlight is not None and 0 <= highlight < n:
            brushes[highlight] = pg.mkBrush(HIGHLIGHT_COLOUR)
        self.bars.setOpts(x=np.arange(n), height=np.nan_to_num(self.values), width=0.8, brushes=brushes)
        axis = self.plot.getAxis("bottom")
        axis.setLabel(x_label, color=plot_foreground())
        self.plot.getAxis("left").setLabel(y_label, color=plot_foreground())
        if labels is not None:
            axis.setTicks([[(i, t) for i, t in enumerate(labels)]])
        else:
            axis.setTicks(None)
        self.plot.setXRange(-0.7, n - 0.3, padding=0)
        finite = self.values[np.isfinite(self.values)]
        lo = min(0.0, float(finite.min())) if finite.size else 0.0
        hi = max(0.0, float(finite.max())) if finite.size else 1.0
        self.plot.setYRange(lo, hi if hi > lo else lo + 1, padding=0.05)
        self.readout.setText(tr("Hover over a bar to read its unit and value."))
        self.plot.setToolTip("")

    def _hover(self, scene_pos) -> None:
        if not len(self.values) or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        j = int(round(self.plot.getPlotItem().vb.mapSceneToView(scene_pos).x()))
        if 0 <= j < len(self.values):
            name = (tr("unit {j}").format(j=j) if self.labels is None
                    else tr("{label} (unit {j})").format(label=self.labels[j], j=j))
            self.readout.setText(f"{name}: {num(self.values[j], 4)}")
            self.plot.setToolTip(f"{name}: {num(self.values[j], 4)}")


class _HeatmapPage(QWidget):
    """A heatmap with a colour bar: many units folded into rows, or an LSTM's steps × hidden units."""

    def __init__(self) -> None:
        super().__init__()
        self.plot = plot_widget()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(ACTIVATION_COLOURMAP)
        self.plot.addItem(self.image)
        self.plot.getPlotItem().invertY(True)
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=ACTIVATION_COLOURMAP, interactive=False, width=14,
                                          pen=FRAME_COLOUR, colorMapMenu=False)
        self.colour_bar.getAxis("right").setTextPen(pg.mkPen(FOREGROUND))
        self.colour_bar.setImageItem(self.image)
        self.plot.getPlotItem().layout.addItem(self.colour_bar, 2, 5)
        self.readout = _stack_plot_and_readout(self, self.plot)
        self.grid = np.zeros((0, 0))
        self.units = 0
        self.row_length = 1
        self.rows_are: str | None = None
        self.sequence = False
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def set_units(self, values: np.ndarray, row_length: int = HEATMAP_ROW, rows_are: str | None = None) -> None:
        """A long vector folded into rows of `row_length` units (unit index = row start + column).

        `rows_are` names what a row is when the fold follows the data ("channel" after flattening
        C×H×W, "image row" after flattening one 28×28 image); otherwise rows are labelled by their first unit."""
        values = np.asarray(values, dtype=float).ravel()
        row_length = max(1, int(row_length))
        self.units, self.row_length, self.sequence = len(values), row_length, False
        rows = -(-len(values) // row_length)
        grid = np.full(rows * row_length, np.nan)
        grid[:len(values)] = values
        self.rows_are = rows_are
        y_label = tr(ROW_KINDS.get(rows_are, rows_are)) if rows_are else tr("row starts at unit")
        self._show(grid.reshape(rows, row_length), tr("unit j within the row"), y_label)
        step = max(1, rows // 10)
        self.plot.getAxis("left").setTicks([[(r + 0.5, str(r if rows_are else r * row_length))
                                             for r in range(0, rows, step)]])
        fold = (tr("one {kind} to a row").format(kind=tr(ROW_KINDS.get(rows_are, rows_are))) if rows_are
                else tr("{count} to a row").format(count=row_length))
        self.readout.setText(tr("{units} units, {fold} ({rows} rows). Hover over a cell to read it.").format(
            units=len(values), fold=fold, rows=rows))
        self.plot.setToolTip("")

    def set_sequence(self, values: np.ndarray) -> None:
        """T×H: the hidden state after every step (image row) of a recurrent layer."""
        values = np.asarray(values, dtype=float)
        self.units, self.row_length, self.sequence = values.size, values.shape[1], True
        self._show(values, tr("hidden unit"), tr("step t (image row read)"))
        step = max(1, len(values) // 7)
        self.plot.getAxis("left").setTicks([[(t + 0.5, str(t + 1)) for t in range(0, len(values), step)]])
        self.readout.setText(tr("Each row is the hidden state after reading one more row of the image. "
                                "Hover over a cell to read it."))
        self.plot.setToolTip("")

    def _show(self, grid: np.ndarray, x_label: str, y_label: str) -> None:
        self.grid = grid
        finite = grid[np.isfinite(grid)]
        lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
        if hi <= lo:
            hi = lo + 1e-6
        self.image.setImage(np.nan_to_num(grid, nan=lo), autoLevels=False)
        self.colour_bar.setLevels((lo, hi))
        self.plot.getAxis("bottom").setLabel(x_label, color=plot_foreground())
        self.plot.getAxis("left").setLabel(y_label, color=plot_foreground())
        self.plot.setXRange(0, grid.shape[1], padding=0)
        self.plot.setYRange(0, grid.shape[0], padding=0)

    def _hover(self, scene_pos) -> None:
        if not self.grid.size or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        p = self.plot.getPlotItem().vb.mapSceneToView(scene_pos)
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        if not (0 <= row < self.grid.shape[0] and 0 <= col < self.grid.shape[1]):
            return
        if self.sequence:
            text = tr("step {step}, hidden unit {unit}: {value}").format(
                step=row + 1, unit=col, value=num(self.grid[row, col], 4))
        else:
            j = row * self.row_length + col
            if j >= self.units:
                return
            value = num(self.grid[row, col], 4)
            if self.rows_are:
                text = tr("unit {j} ({kind} {row}, position {col}): {value}").format(
                    j=j, kind=tr(ROW_KINDS.get(self.rows_are, self.rows_are)), row=row, col=col, value=value)
            else:
                text = tr("unit {j}: {value}").format(j=j, value=value)
        self.readout.setText(text)
        self.plot.setToolTip(text)


class ActivationsView(QWidget):
    """A list of layers on the left; the chosen layer's output for one digit on the right."""

    layer_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layer_list = QListWidget()
        self.layer_list.setMinimumWidth(150)
        self.layer_list.setMaximumWidth(230)
        self.layer_list.setToolTip(tr("Choose a layer to see what it outputs for this digit."))
        self.layer_list.setStyleSheet("QListWidget::item { padding: 3px 2px; }")
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 11pt;")
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setStyleSheet(f"color: {MUTED_TEXT};")
        self.bars = _BarsPage()
        self.heatmap = _HeatmapPage()
        self.maps = ImageGrid(ACTIVATION_COLOURMAP, scale="shared", colour_bar=True)
        self.digit = ImageGrid(GREY_COLOURMAP, scale="fixed", levels=(0.0, 1.0))
        self.empty = QLabel(tr("Train or load a network, then draw or pick a digit to look inside it."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        for page in (self.empty, self.bars, self.heatmap, self.maps, self.digit):
            self.pages.addWidget(page)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.explanation)
        right_layout.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.layer_list)
        layout.addWidget(right, 1)
        self.activations: list[LayerActivation] = []
        self._headings: list[tuple[str, str, tuple]] = []
        self._report: ShapeReport | None = None
        self._image: np.ndarray | None = None
        self.layer_list.currentRowChanged.connect(self._show_row)
        self.pages.setCurrentWidget(self.empty)

    # ----- API --------------------------------------------------------------------------------------
    def show_activations(self, activations: list[LayerActivation], report: ShapeReport | None = None,
                         image: np.ndarray | None = None) -> None:
        """Every layer's output for one digit (from `layer_activations`). `report` adds the notes'
        notation; `image` (28×28 in 0..1) adds the input itself as the first entry."""
        previous = self.current_layer
        self.activations = list(activations)
        self._image = None if image is None else np.asarray(image, dtype=float)
        self._report = report
        self._headings = self._describe(self.activations, report)
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        if self._image is not None:
            self.layer_list.addItem(QListWidgetItem(self._input_item_text(self._image)))
        for act in self.activations:
            item = QListWidgetItem(f"{act.name} · {act.type} · {shape_text(act.values.shape)}")
            item.setToolTip(tr(LAYER_TYPES[act.type].summary) if act.type in LAYER_TYPES else act.type)
            self.layer_list.addItem(item)
        names = self.layer_names()
        row = names.index(previous) if previous in names else (1 if self._image is not None and len(names) > 1 else 0)
        if names:
            self.layer_list.setCurrentRow(row)
        self.layer_list.blockSignals(False)
        if names:
            self._show_row(row)
        else:
            self.pages.setCurrentWidget(self.empty)

    @staticmethod
    def _input_item_text(image: np.ndarray) -> str:
        return tr("input x · {shape}").format(shape=shape_text(image.shape))

    def retranslate(self) -> None:
        """Titles, notes, list items and plot labels built from values, in the current language."""
        self._headings = self._describe(self.activations, self._report)
        offset = 0
        if self._image is not None and self.layer_list.count():
            self.layer_list.item(0).setText(self._input_item_text(self._image))
            offset = 1
        for k, act in enumerate(self.activations):
            item = self.layer_list.item(k + offset)
            if item is not None and act.type in LAYER_TYPES:
                item.setToolTip(tr(LAYER_TYPES[act.type].summary))
        # Pages not shown keep texts of an earlier layer: forget them (they are set again when shown).
        current = self.pages.currentWidget()
        if current is not self.maps:
            self.maps.clear_images()
        for page in (self.bars, self.heatmap):
            if current is not page:
                page.readout.clear()
                page.plot.setToolTip("")
        row = self.layer_list.currentRow()
        if row >= 0 and self.layer_names():
            self._show_row(row, announce=False)

    def select_layer(self, name: str) -> None:
        self.layer_list.setCurrentRow(self.layer_names().index(name))

    def layer_names(self) -> list[str]:
        return (["input"] if self._image is not None else []) + [a.name for a in self.activations]

    @property
    def current_layer(self) -> str | None:
        row = self.layer_list.currentRow()
        names = self.layer_names()
        return names[row] if 0 <= row < len(names) else None

    @property
    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    # ----- drawing ----------------------------------------------------------------------------------
    def _describe(self, acts: list[LayerActivation], report: ShapeReport | None) -> list[tuple[str, str, tuple]]:
        """(title, explanation, heatmap fold) per layer, in the notes' notation where the report gives it."""
        infos = {info.name: info for info in report.layers} if report is not None else {}
        out = []
        i = 0  # notation index of the last layer with weights
        last_linear = False
        for act in acts:
            info = infos.get(act.name)
            shape = shape_text(act.values.shape)
            summary = html.escape(tr(LAYER_TYPES[act.type].summary)) if act.type in LAYER_TYPES else ""
            head = tr("<b>{name}</b> · {type} · output {shape}").format(
                name=html.escape(act.name), type=html.escape(act.type), shape=shape)
            if info is not None and info.output_shape and tuple(info.output_shape) != act.values.shape:
                # a recurrent layer shown at every step, though it passes on only its last state
                head = tr("<b>{name}</b> · {type} · output {shape} "
                          "(the last step; shown: all steps, {shown})").format(
                    name=html.escape(act.name), type=html.escape(act.type),
                    shape=shape_text(info.output_shape), shown=shape)
            if info is not None and info.notation_index:
                i = info.notation_index
            if act.type == "Linear" and i:
                head += f" = {sup('z', i)} = {sup('W', i)}{sup('a', prev_index(i))} + {sup('b', i)}"
                last_linear = True
            elif act.type in ACTIVATION_TYPES and last_linear and i:
                head += f" = {sup('a', i)} = {html.escape(act.type)}({sup('z', i)})"
                last_linear = False
            elif act.type not in ("Dropout",):
                last_linear = False
            out.append((head, summary, _fold(info.input_shape if info is not None else None, act.type)))
        return out

    def _show_row(self, row: int, announce: bool = True) -> None:
        """Show layer `row` of the list; `announce`: emit `layer_changed` (not when only re-translating)."""
        if row < 0:
            return
        if self._image is not None:
            if row == 0:
                self.title.setText(tr("<b>input x</b> · the digit as the network receives it · {shape} pixels")
                                   .format(shape=shape_text(self._image.shape)))
                self.explanation.setText(tr("Pixel values from 0 (black) to 1 (white), before normalisation."))
                self.digit.set_images(self._image[None])
                self.pages.setCurrentWidget(self.digit)
                if announce:
                    self.layer_changed.emit("input")
                return
            row -= 1
        act = self.activations[row]
        title, summary, fold = self._headings[row]
        self.title.setText(title)
        values = np.asarray(act.values)
        is_last = row == len(self.activations) - 1
        if values.ndim == 3:
            c, h, w = values.shape
            caption, tip = tr("map {k}"), tr("{name}, channel {k}: {h}×{w}")
            self.maps.set_images(values, captions=[caption.format(k=k) for k in range(c)],
                                 tooltips=[tip.format(name=act.name, k=k, h=h, w=w) for k in range(c)])
            note = tr("{count} feature maps of {h}×{w}, one per channel, on one colour scale "
                      "(dark = low, yellow = high): bright maps are the ones this digit excites.").format(
                count=c, h=h, w=w)
            self.pages.setCurrentWidget(self.maps)
        elif values.ndim == 2:
            self.heatmap.set_sequence(values)
            note = tr("{steps} steps × {units} hidden units.").format(steps=values.shape[0], units=values.shape[1])
            self.pages.setCurrentWidget(self.heatmap)
        elif values.size <= MAX_BAR_UNITS:
            flat = values.ravel()
            labels = [str(k) for k in range(len(flat))] if len(flat) <= 16 else None
            highlight = int(np.nanargmax(flat)) if is_last and flat.size else None
            x_label = tr("output j (class)") if is_last else tr("unit j")
            y_label = (tr("z (before activation)") if act.type == "Linear" else
                       tr("a (after activation)") if act.type in ACTIVATION_TYPES else tr("value"))
            self.bars.set_values(flat, labels, highlight, x_label, y_label)
            note = tr("{count} units.").format(count=flat.size)
            # The sentences after the first start with a space in English (a translation may drop it).
            if act.type in ("ReLU", "LeakyReLU") and flat.size:
                off = int(np.count_nonzero(flat <= 0))
                note += tr(" {off} of them are switched off (≤ 0) for this digit.").format(off=off)
            if is_last and flat.size:
                note += tr(" The largest output (orange) is the network's answer: class {label}.").format(
                    label=highlight)
            self.pages.setCurrentWidget(self.bars)
        else:
            self.heatmap.set_units(values, *fold)
            if fold[1]:
                note = tr("{count} units, too many for one bar each: drawn as a heatmap, one {kind} per row — "
                          "the same numbers as before {name}, unrolled.").format(
                    count=values.size, kind=tr(ROW_KINDS.get(fold[1], fold[1])), name=act.name)
            else:
                note = tr("{count} units, too many for one bar each: drawn as a heatmap.").format(count=values.size)
            self.pages.setCurrentWidget(self.heatmap)
        self.explanation.setText(" ".join(p for p in (summary, html.escape(note)) if p))
        if announce:
            self.layer_changed.emit(act.name)


# ----- the dense forward pass, step by step ----------------------------------------------------------

class ForwardStepView(QWidget):
    """z^[i] = W^[i] a^[i−1] + b^[i] and a^[i] = g(z^[i]) for one dense layer at a time, with the
    actual numbers, and how closely the plain numpy computation matches PyTorch."""

    step_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prev_button = QPushButton(tr("◀ Previous layer"))
        self.next_button = QPushButton(tr("Next layer ▶"))
        self.prev_button.setToolTip(tr("Go back one dense layer: a^[i−1] came from there."))
        self.next_button.setToolTip(tr("Go forward one dense layer: this layer's a^[i] becomes its input."))
        self.position = QLabel()
        self.position.setTextFormat(Qt.TextFormat.RichText)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit_spin = QSpinBox()
        self.unit_spin.setPrefix(tr("unit j = "))
        self.unit_spin.setToolTip(tr("Which row of W^[i] (which output unit) to write out in full."))
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.unit_spin)

        self.diff_label = QLabel()
        self.diff_label.setTextFormat(Qt.TextFormat.RichText)
        self.diff_label.setWordWrap(True)
        self.diff_label.setToolTip(tr(
            "The same layer computed twice: once by PyTorch, once by plain numpy (float64) from the weights "
            "and the formula above. Tiny differences come from float32 rounding."))
        self.equations = QLabel()
        self.equations.setTextFormat(Qt.TextFormat.RichText)
        self.equations.setWordWrap(True)
        self.table_label = QLabel()
        self.table_label.setTextFormat(Qt.TextFormat.RichText)
        self.table_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        self.detail_label.setWordWrap(True)
        for label in (self.equations, self.table_label, self.detail_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel(tr("This network has no Linear layers to step through."))

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(2, 2, 2, 2)
        body_layout.setSpacing(4)
        body_layout.addWidget(self.diff_label)
        body_layout.addWidget(self.equations)
        body_layout.addWidget(self.table_label)
        body_layout.addWidget(_rule())
        body_layout.addWidget(self.detail_label)
        body_layout.addWidget(self.empty)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(nav)
        layout.addWidget(scroll, 1)

        self.steps: list[DenseStep] = []
        self.current_index = 0
        self.prev_button.clicked.connect(lambda: self.set_step(self.current_index - 1))
        self.next_button.clicked.connect(lambda: self.set_step(self.current_index + 1))
        self.unit_spin.valueChanged.connect(lambda _: self._show_unit())
        self.show_forward_steps([])

    # ----- API --------------------------------------------------------------------------------------
    def show_forward_steps(self, steps: list[DenseStep]) -> None:
        """The dense layers of one forward pass (from `dense_forward_steps`); stays on the same layer."""
        self.steps = list(steps)
        has = bool(self.steps)
        for w in (self.diff_label, self.equations, self.table_label, self.detail_label, self.unit_spin):
            w.setVisible(has)
        self.empty.setVisible(not has)
        if not has:
            self.position.setText("")
            self.prev_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        self.set_step(min(self.current_index, len(self.steps) - 1))

    def set_step(self, position: int) -> None:
        """Show dense layer number `position` (0-based in the list of steps)."""
        if not self.steps:
            return
        position = max(0, min(position, len(self.steps) - 1))
        self.current_index = position
        step = self.steps[position]
        self.prev_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.steps) - 1)
        self.unit_spin.blockSignals(True)
        self.unit_spin.setRange(0, max(0, len(step.z) - 1))
        self.unit_spin.blockSignals(False)
        self._show_texts()
        self.step_changed.emit(position)

    def retranslate(self) -> None:
        """The worked-through texts in the current language (the language switch calls this)."""
        if self.steps:
            self._show_texts()

    def _show_texts(self) -> None:
        position, step = self.current_index, self.steps[self.current_index]
        self.position.setText(tr("<b>Layer i = {index}</b> ({name}) · dense layer {position} of {count}").format(
            index=step.index, name=html.escape(step.name), position=position + 1, count=len(self.steps)))
        self._show_layer(step, position)
        self._show_unit()

    def set_unit(self, j: int) -> None:
        self.unit_spin.setValue(j)

    @property
    def current_step(self) -> DenseStep | None:
        return self.steps[self.current_index] if self.steps else None

    @property
    def current_unit(self) -> int:
        return self.unit_spin.value()

    # ----- text -------------------------------------------------------------------------------------
    def _show_layer(self, step: DenseStep, position: int) -> None:
        i, ip = step.index, prev_index(step.index)
        n_out, n_in = step.weight.shape
        agree = step.max_abs_diff < AGREEMENT_TOLERANCE
        level = "ok" if agree else "error"
        verdict = tr("✓ numpy and PyTorch agree") if agree else tr("✗ numpy and PyTorch disagree")
        colour, border = NOTICE_TINTS[level], NOTICE_EDGES[level]
        self.diff_label.setStyleSheet(
            f"QLabel {{ background: {colour}; border: 1px solid {border}; border-left: 5px solid {border};"
            f" border-radius: 3px; padding: 6px; font-size: 12pt; color: {NOTICE_TEXT}; }}")
        self.diff_label.setText(tr(
            "largest |numpy − PyTorch| = <b>{diff:.1e}</b> &nbsp; {verdict} "
            "<span style='font-size:9pt'>(over all {count} values of {a})</span>").format(
            diff=step.max_abs_diff, verdict=verdict, count=len(step.a), a=sup('a', i)))
        source = (tr("made of the 784 pixels of the image, normalised") if step.index == 1 and position == 0
                  else tr("made of the {count} numbers that come out of the layers before {name}, flattened").format(
                      count=n_in, name=html.escape(step.name))
                  if position == 0 else tr("the output of dense layer {index}").format(
                      index=self.steps[position - 1].index))
        act = step.activation
        act_text = (tr("no activation follows: a<sup>[{i}]</sup> = z<sup>[{i}]</sup> (for the last layer these are "
                       "the logits; the loss applies softmax)").format(i=i) if act == "Identity"
                    else tr("{a} = {activation}({z}), applied to each unit: a<sub>j</sub> = {formula}").format(
                        a=sup('a', i), activation=html.escape(act), z=sup('z', i), formula=activation_formula(act)))
        symbols = dict(z=sup('z', i), W=sup('W', i), a_prev=sup('a', ip), b=sup('b', i), a=sup('a', i))
        self.equations.setText(
            tr("<p style='font-size:12pt'>{z} = {W} {a_prev} + {b} &nbsp;&nbsp;then&nbsp;&nbsp; {a} = g({z})</p>")
            .format(**symbols)
            + tr("<p><b>Shapes:</b> {W}: {n_out}×{n_in} · {a_prev}: {n_in} → {z}: {n_out} "
                 "&nbsp;(+ {b}: {n_bias})</p>")
            .format(n_out=n_out, n_in=n_in, n_bias=len(step.bias), **symbols)
            + tr("<p style='margin-bottom:6px'>{a_prev} is {source}. Activation: {activation}.</p>")
            .format(source=source, activation=act_text, **symbols))

    def _show_table(self, step: DenseStep, selected: int) -> None:
        i = step.index
        rows = []
        for j in range(min(TABLE_ROWS, len(step.z))):
            text, _, _ = expanded_sum(step.weight[j], step.a_prev, step.bias[j], TABLE_TERMS)
            # The unit written out below; a translucent orange, so the row reads on light and dark themes.
            colour = f" bgcolor='{ROW_HIGHLIGHT}'" if j == selected else ""
            rows.append(
                f"<tr{colour}><td align='right'>{j}</td><td>{text}</td>"
                f"<td align='right'>{num(step.z[j])}</td><td align='right'><b>{num(step.a[j])}</b></td></tr>")
        n_rows, n_terms = len(step.z), step.weight.shape[1]
        shown_rows = min(TABLE_ROWS, n_rows)
        which = (tr("The first {shown} of {rows} rows").format(shown=shown_rows, rows=n_rows) if n_rows > shown_rows
                 else tr("All {rows} rows").format(rows=n_rows))
        others = (tr(" (“…” stands for the other {count})").format(count=n_terms - TABLE_TERMS)
                  if n_terms > TABLE_TERMS else "")
        order = tr("(largest terms first)")
        self.table_label.setText(
            tr("<p><b>{which} of {z} = {W}{a_prev} + {b}</b>: "
               "z<sub>j</sub> = Σ<sub>k</sub> W<sub>jk</sub> a<sub>k</sub> + b<sub>j</sub>, each written out with its "
               "{terms} largest terms{others}:</p>").format(
                which=which, z=sup('z', i), W=sup('W', i), a_prev=sup('a', prev_index(i)), b=sup('b', i),
                terms=min(TABLE_TERMS, n_terms), others=others)
            + f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:{TABLE_BORDER}'>"
            f"<tr><th>j</th><th align='left'>Σ<sub>k</sub> W<sub>jk</sub>·a<sub>k</sub> + b<sub>j</sub> "
            f"{order}</th><th>z<sub>j</sub></th><th>a<sub>j</sub> = "
            f"{html.escape(step.activation) if step.activation != 'Identity' else ''}"
            f"{'(z<sub>j</sub>)' if step.activation != 'Identity' else 'z<sub>j</sub>'}</th></tr>"
            + "".join(rows) + "</table>")

    def _show_unit(self) -> None:
        step = self.current_step
        if step is None:
            return
        j = min(self.unit_spin.value(), len(step.z) - 1)
        i = step.index
        self._show_table(step, j)
        w, a = step.weight[j], step.a_prev
        _, shown, rest = expanded_sum(w, a, step.bias[j], DETAIL_TERMS)
        zeros = int(np.count_nonzero(a == 0))
        cell = "<td align='right' style='padding: 1px 10px'>"
        lines = [f"<tr><th align='right'>k</th><th align='right'>W<sub>{j},k</sub></th><th></th>"
                 f"<th align='right'>a<sub>k</sub></th><th align='right'>W<sub>{j},k</sub>·a<sub>k</sub></th></tr>"]
        lines += [f"<tr>{cell}{k}</td>{cell}{num(w[k])}</td><td>×</td>{cell}{num(a[k])}</td>"
                  f"{cell}{num(w[k] * a[k])}</td></tr>" for k in shown]
        others = len(w) - len(shown)
        if others:
            together = tr("+ the other {count} terms together").format(count=others)
            lines.append(f"<tr><td colspan='4' align='right'>{together}</td>"
                         f"{cell}{num(rest)}</td></tr>")
        bias = tr("+ bias b<sub>{j}</sub>").format(j=j)
        lines.append(f"<tr><td colspan='4' align='right'>{bias}</td>{cell}{num(step.bias[j])}</td></tr>")
        lines.append(f"<tr><td colspan='4' align='right'><b>= z<sub>{j}</sub></b></td>"
                     f"{cell}<b>{num(step.z[j])}</b></td></tr>")
        zero_note = (tr(" ({zeros} of the {count} inputs a<sub>k</sub> are exactly 0, switched off by the "
                        "activation before, so their terms add nothing.)").format(zeros=zeros, count=len(a))
                     if zeros else "")
        act = step.activation
        if act == "Identity":
            act_line = tr("No activation: a<sub>{j}</sub> = z<sub>{j}</sub> = <b>{value}</b>.").format(
                j=j, value=num(step.a[j]))
        elif act == "Softmax":
            denominator = float(np.exp(step.z - step.z.max()).sum())
            act_line = tr("a<sub>{j}</sub> = {formula} = <b>{value}</b> (computed as "
                          "e<sup>z<sub>{j}</sub> − max z</sup> / {denominator} to avoid overflow).").format(
                j=j, formula=activation_formula(act, j=str(j)), value=num(step.a[j]), denominator=num(denominator))
        else:
            z_text = num(step.z[j]) if act in ("ReLU", "Tanh") else paren(step.z[j])
            formula = activation_formula(act, z=z_text, j="").replace("<sub></sub>", "")
            act_line = (f"a<sub>{j}</sub> = {html.escape(act)}(z<sub>{j}</sub>) = {formula}"
                        f" = <b>{num(step.a[j])}</b>.")
        self.detail_label.setText(
            tr("<p><b>Unit j = {j} of {z} in full:</b> z<sub>{j}</sub> = Σ<sub>k</sub> "
               "W<sub>{j},k</sub> a<sub>k</sub> + b<sub>{j}</sub>, a sum of {count} products.{zero_note} "
               "Its {shown} largest terms, then the rest:</p>").format(
                j=j, z=sup('z', i), count=len(w), zero_note=zero_note, shown=len(shown))
            + f"<table cellspacing='0' cellpadding='2'>{''.join(lines)}</table>"
            f"<p>{act_line}</p>")


def _fold(input_shape: tuple[int, ...] | None, layer_type: str) -> tuple[int, str | None]:
    """How to fold a long vector into heatmap rows: after flattening C×H×W, one channel per row
    (or one image row when there is a single channel), so the picture keeps its structure."""
    if layer_type == "Flatten" and input_shape is not None and len(input_shape) == 3:
        c, h, w = input_shape
        return (h * w, "channel") if c > 1 else (w, "image row")  # keys of ROW_KINDS
    return HEATMAP_ROW, None


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet(f"color: {DIVIDER};")
    return line


# ----- the panel -------------------------------------------------------------------------------------

class InsidePanel(QWidget):
    """Two tabs: every layer's output for one digit, and the dense forward pass step by step."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.activations_view = ActivationsView()
        self.forward_view = ForwardStepView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.activations_view, tr("Layer outputs"))
        self.tabs.addTab(self.forward_view, tr("Forward pass, step by step"))
        self.tabs.setTabToolTip(0, tr("What every layer outputs for the current digit."))
        self.tabs.setTabToolTip(1, tr("z = W·a + b and a = g(z) for each dense layer, with the actual numbers."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_activations(self, activations: list[LayerActivation], report: ShapeReport | None = None,
                         image: np.ndarray | None = None) -> None:
        self.activations_view.show_activations(activations, report, image)

    def show_forward_steps(self, steps: list[DenseStep]) -> None:
        self.forward_view.show_forward_steps(steps)

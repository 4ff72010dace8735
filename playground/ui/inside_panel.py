"""Inside the network: what every layer outputs for one digit, and the dense forward pass worked
through with the actual numbers (z^[i] = W^[i] a^[i−1] + b^[i], a^[i] = g(z^[i])).

The panel only draws: it takes the numpy results of `playground.core.inspection`
(`layer_activations`, `dense_forward_steps`), which the window computes off the GUI thread.
"""

from __future__ import annotations

import html
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea, QSpinBox,
    QStackedWidget, QTabWidget, QVBoxLayout, QWidget,
)

from playground.core.inspection import DenseStep, LayerActivation
from playground.core.layers import LAYER_TYPES
from playground.core.shape_inference import ShapeReport
from playground.ui.image_grid import ImageGrid
from playground.ui.plot_style import (
    ACTIVATION_COLOURMAP, FOREGROUND, GREY_COLOURMAP, MUTED_TEXT, OKABE_ITO, plot_widget,
)
from playground.ui.theme import plot_foreground

MAX_BAR_UNITS = 128  # up to this many units: one bar each; more: a heatmap
HEATMAP_ROW = 64  # units per row of a folded heatmap
TABLE_ROWS = 6  # rows of W^[i] a^[i−1] + b^[i] written out in the table
TABLE_TERMS = 3  # largest terms written out per table row
DETAIL_TERMS = 5  # largest terms listed for the selected unit j
AGREEMENT_TOLERANCE = 1e-4
ACTIVATION_TYPES = ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Softmax", "Identity")
BAR_COLOUR = OKABE_ITO["blue"]
HIGHLIGHT_COLOUR = OKABE_ITO["orange"]


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
        "LeakyReLU": f"{zj} if {zj} &gt; 0, else 0.01·{zj}",
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

    def __init__(self):
        super().__init__()
        self.plot = plot_widget(x_label="unit j", y_label="value")
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=BAR_COLOUR, pen=None)
        self.plot.addItem(self.bars)
        self.zero_line = pg.InfiniteLine(0, angle=0, pen=pg.mkPen("#999999"))
        self.plot.addItem(self.zero_line)
        self.readout = _stack_plot_and_readout(self, self.plot)
        self.values = np.zeros(0)
        self.labels: list[str] | None = None
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def set_values(self, values: np.ndarray, labels: list[str] | None = None, highlight: int | None = None,
                   x_label: str = "unit j", y_label: str = "value") -> None:
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
        self.readout.setText("Hover over a bar to read its unit and value.")

    def _hover(self, scene_pos) -> None:
        if not len(self.values) or not self.plot.sceneBoundingRect().contains(scene_pos):
            return
        j = int(round(self.plot.getPlotItem().vb.mapSceneToView(scene_pos).x()))
        if 0 <= j < len(self.values):
            name = f"unit {j}" if self.labels is None else f"{self.labels[j]} (unit {j})"
            self.readout.setText(f"{name}: {num(self.values[j], 4)}")
            self.plot.setToolTip(f"{name}: {num(self.values[j], 4)}")


class _HeatmapPage(QWidget):
    """A heatmap with a colour bar: many units folded into rows, or an LSTM's steps × hidden units."""

    def __init__(self):
        super().__init__()
        self.plot = plot_widget()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(ACTIVATION_COLOURMAP)
        self.plot.addItem(self.image)
        self.plot.getPlotItem().invertY(True)
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=ACTIVATION_COLOURMAP, interactive=False, width=14,
                                          pen="#9A9A9A", colorMapMenu=False)
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
        y_label = rows_are or "row starts at unit"
        self._show(grid.reshape(rows, row_length), "unit j within the row", y_label)
        step = max(1, rows // 10)
        self.plot.getAxis("left").setTicks([[(r + 0.5, str(r if rows_are else r * row_length))
                                             for r in range(0, rows, step)]])
        fold = f"one {rows_are} to a row" if rows_are else f"{row_length} to a row"
        self.readout.setText(f"{len(values)} units, {fold} ({rows} rows). Hover over a cell to read it.")

    def set_sequence(self, values: np.ndarray) -> None:
        """T×H: the hidden state after every step (image row) of a recurrent layer."""
        values = np.asarray(values, dtype=float)
        self.units, self.row_length, self.sequence = values.size, values.shape[1], True
        self._show(values, "hidden unit", "step t (image row read)")
        step = max(1, len(values) // 7)
        self.plot.getAxis("left").setTicks([[(t + 0.5, str(t + 1)) for t in range(0, len(values), step)]])
        self.readout.setText("Each row is the hidden state after reading one more row of the image. "
                             "Hover over a cell to read it.")

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
            text = f"step {row + 1}, hidden unit {col}: {num(self.grid[row, col], 4)}"
        else:
            j = row * self.row_length + col
            if j >= self.units:
                return
            where = f" ({self.rows_are} {row}, position {col})" if self.rows_are else ""
            text = f"unit {j}{where}: {num(self.grid[row, col], 4)}"
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
        self.layer_list.setToolTip("Choose a layer to see what it outputs for this digit.")
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
        self.empty = QLabel("Train or load a network, then draw or pick a digit to look inside it.")
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
        self._headings = self._describe(self.activations, report)
        self.layer_list.blockSignals(True)
        self.layer_list.clear()
        if self._image is not None:
            self.layer_list.addItem(QListWidgetItem(f"input x · {shape_text(self._image.shape)}"))
        for act in self.activations:
            item = QListWidgetItem(f"{act.name} · {act.type} · {shape_text(act.values.shape)}")
            item.setToolTip(LAYER_TYPES[act.type].summary if act.type in LAYER_TYPES else act.type)
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
    def current_page(self) -> QWidget:
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
            summary = html.escape(LAYER_TYPES[act.type].summary) if act.type in LAYER_TYPES else ""
            head = f"<b>{html.escape(act.name)}</b> · {html.escape(act.type)} · output {shape}"
            if info is not None and info.output_shape and tuple(info.output_shape) != act.values.shape:
                # a recurrent layer shown at every step, though it passes on only its last state
                head = (f"<b>{html.escape(act.name)}</b> · {html.escape(act.type)} · output "
                        f"{shape_text(info.output_shape)} (the last step; shown: all steps, {shape})")
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

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if self._image is not None:
            if row == 0:
                self.title.setText(f"<b>input x</b> · the digit as the network receives it · "
                                   f"{shape_text(self._image.shape)} pixels")
                self.explanation.setText("Pixel values from 0 (black) to 1 (white), before normalisation.")
                self.digit.set_images(self._image[None])
                self.pages.setCurrentWidget(self.digit)
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
            self.maps.set_images(values, captions=[f"map {k}" for k in range(c)],
                                 tooltips=[f"{act.name}, channel {k}: {h}×{w}" for k in range(c)])
            note = (f"{c} feature maps of {h}×{w}, one per channel, on one colour scale "
                    f"(dark = low, yellow = high): bright maps are the ones this digit excites.")
            self.pages.setCurrentWidget(self.maps)
        elif values.ndim == 2:
            self.heatmap.set_sequence(values)
            note = f"{values.shape[0]} steps × {values.shape[1]} hidden units."
            self.pages.setCurrentWidget(self.heatmap)
        elif values.size <= MAX_BAR_UNITS:
            flat = values.ravel()
            labels = [str(k) for k in range(len(flat))] if len(flat) <= 16 else None
            highlight = int(np.nanargmax(flat)) if is_last and flat.size else None
            x_label = "output j (class)" if is_last else "unit j"
            y_label = ("z (before activation)" if act.type == "Linear" else
                       "a (after activation)" if act.type in ACTIVATION_TYPES else "value")
            self.bars.set_values(flat, labels, highlight, x_label, y_label)
            note = f"{flat.size} units."
            if act.type in ("ReLU", "LeakyReLU") and flat.size:
                off = int(np.count_nonzero(flat <= 0))
                note += f" {off} of them are switched off (≤ 0) for this digit."
            if is_last and flat.size:
                note += f" The largest output (orange) is the network's answer: class {highlight}."
            self.pages.setCurrentWidget(self.bars)
        else:
            self.heatmap.set_units(values, *fold)
            note = f"{values.size} units, too many for one bar each: drawn as a heatmap"
            note += (f", one {fold[1]} per row — the same numbers as before {act.name}, unrolled." if fold[1]
                     else ".")
            self.pages.setCurrentWidget(self.heatmap)
        self.explanation.setText(" ".join(p for p in (summary, html.escape(note)) if p))
        self.layer_changed.emit(act.name)


# ----- the dense forward pass, step by step ----------------------------------------------------------

class ForwardStepView(QWidget):
    """z^[i] = W^[i] a^[i−1] + b^[i] and a^[i] = g(z^[i]) for one dense layer at a time, with the
    actual numbers, and how closely the plain numpy computation matches PyTorch."""

    step_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.prev_button = QPushButton("◀ Previous layer")
        self.next_button = QPushButton("Next layer ▶")
        self.prev_button.setToolTip("Go back one dense layer: a^[i−1] came from there.")
        self.next_button.setToolTip("Go forward one dense layer: this layer's a^[i] becomes its input.")
        self.position = QLabel()
        self.position.setTextFormat(Qt.TextFormat.RichText)
        self.position.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unit_spin = QSpinBox()
        self.unit_spin.setPrefix("unit j = ")
        self.unit_spin.setToolTip("Which row of W^[i] (which output unit) to write out in full.")
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position, 1)
        nav.addWidget(self.next_button)
        nav.addSpacing(12)
        nav.addWidget(self.unit_spin)

        self.diff_label = QLabel()
        self.diff_label.setTextFormat(Qt.TextFormat.RichText)
        self.diff_label.setWordWrap(True)
        self.diff_label.setToolTip(
            "The same layer computed twice: once by PyTorch, once by plain numpy (float64) from the weights "
            "and the formula above. Tiny differences come from float32 rounding.")
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
        self.empty = QLabel("This network has no Linear layers to step through.")

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
        self.position.setText(f"<b>Layer i = {step.index}</b> ({html.escape(step.name)}) · dense layer "
                              f"{position + 1} of {len(self.steps)}")
        self.unit_spin.blockSignals(True)
        self.unit_spin.setRange(0, max(0, len(step.z) - 1))
        self.unit_spin.blockSignals(False)
        self._show_layer(step, position)
        self._show_unit()
        self.step_changed.emit(position)

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
        colour, border, verdict = (("#E3F2EA", OKABE_ITO["green"], "✓ numpy and PyTorch agree")
                                   if agree else ("#FBE6DC", OKABE_ITO["vermillion"], "✗ numpy and PyTorch disagree"))
        self.diff_label.setStyleSheet(
            f"QLabel {{ background: {colour}; border: 1px solid {border}; border-left: 5px solid {border};"
            f" border-radius: 3px; padding: 6px; font-size: 12pt; color: #222222; }}")
        self.diff_label.setText(
            f"largest |numpy − PyTorch| = <b>{step.max_abs_diff:.1e}</b> &nbsp; {verdict} "
            f"<span style='font-size:9pt'>(over all {len(step.a)} values of {sup('a', i)})</span>")
        source = ("made of the 784 pixels of the image, normalised" if step.index == 1 and position == 0
                  else f"made of the {n_in} numbers that come out of the layers before {html.escape(step.name)}, flattened"
                  if position == 0 else f"the output of dense layer {self.steps[position - 1].index}")
        act = step.activation
        act_text = ("no activation follows: a<sup>[{0}]</sup> = z<sup>[{0}]</sup> (for the last layer these are "
                    "the logits; the loss applies softmax)".format(i) if act == "Identity"
                    else f"{sup('a', i)} = {html.escape(act)}({sup('z', i)}), applied to each unit: "
                         f"a<sub>j</sub> = {activation_formula(act)}")
        self.equations.setText(
            f"<p style='font-size:12pt'>{sup('z', i)} = {sup('W', i)} {sup('a', ip)} + {sup('b', i)}"
            f" &nbsp;&nbsp;then&nbsp;&nbsp; {sup('a', i)} = g({sup('z', i)})</p>"
            f"<p><b>Shapes:</b> {sup('W', i)}: {n_out}×{n_in} · {sup('a', ip)}: {n_in} → "
            f"{sup('z', i)}: {n_out} &nbsp;(+ {sup('b', i)}: {len(step.bias)})</p>"
            f"<p style='margin-bottom:6px'>{sup('a', ip)} is {source}. Activation: {act_text}.</p>")

    def _show_table(self, step: DenseStep, selected: int) -> None:
        i = step.index
        rows = []
        for j in range(min(TABLE_ROWS, len(step.z))):
            text, _, _ = expanded_sum(step.weight[j], step.a_prev, step.bias[j], TABLE_TERMS)
            # The unit written out below; a translucent orange, so the row reads on light and dark themes.
            colour = " bgcolor='#47E69F00'" if j == selected else ""
            rows.append(
                f"<tr{colour}><td align='right'>{j}</td><td>{text}</td>"
                f"<td align='right'>{num(step.z[j])}</td><td align='right'><b>{num(step.a[j])}</b></td></tr>")
        n_rows, n_terms = len(step.z), step.weight.shape[1]
        shown_rows = min(TABLE_ROWS, n_rows)
        which = f"The first {shown_rows} of {n_rows} rows" if n_rows > shown_rows else f"All {n_rows} rows"
        self.table_label.setText(
            f"<p><b>{which} of {sup('z', i)} = {sup('W', i)}{sup('a', prev_index(i))} + {sup('b', i)}</b>: "
            f"z<sub>j</sub> = Σ<sub>k</sub> W<sub>jk</sub> a<sub>k</sub> + b<sub>j</sub>, each written out with its "
            f"{min(TABLE_TERMS, n_terms)} largest terms"
            + (f" (“…” stands for the other {n_terms - TABLE_TERMS})" if n_terms > TABLE_TERMS else "") + ":</p>"
            f"<table cellspacing='0' cellpadding='3' border='1' style='border-color:#BBBBBB'>"
            f"<tr><th>j</th><th align='left'>Σ<sub>k</sub> W<sub>jk</sub>·a<sub>k</sub> + b<sub>j</sub> "
            f"(largest terms first)</th><th>z<sub>j</sub></th><th>a<sub>j</sub> = "
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
            lines.append(f"<tr><td colspan='4' align='right'>+ the other {others} terms together</td>"
                         f"{cell}{num(rest)}</td></tr>")
        lines.append(f"<tr><td colspan='4' align='right'>+ bias b<sub>{j}</sub></td>{cell}{num(step.bias[j])}</td></tr>")
        lines.append(f"<tr><td colspan='4' align='right'><b>= z<sub>{j}</sub></b></td>"
                     f"{cell}<b>{num(step.z[j])}</b></td></tr>")
        zero_note = (f" ({zeros} of the {len(a)} inputs a<sub>k</sub> are exactly 0, switched off by the "
                     f"activation before, so their terms add nothing.)" if zeros else "")
        act = step.activation
        if act == "Identity":
            act_line = f"No activation: a<sub>{j}</sub> = z<sub>{j}</sub> = <b>{num(step.a[j])}</b>."
        elif act == "Softmax":
            denominator = float(np.exp(step.z - step.z.max()).sum())
            act_line = (f"a<sub>{j}</sub> = {activation_formula(act, j=str(j))} = <b>{num(step.a[j])}</b> "
                        f"(computed as e<sup>z<sub>{j}</sub> − max z</sup> / {num(denominator)} to avoid overflow).")
        else:
            act_line = (f"a<sub>{j}</sub> = {html.escape(act)}(z<sub>{j}</sub>) = "
                        f"{activation_formula(act, z=num(step.z[j]) if act in ('ReLU', 'Tanh') else paren(step.z[j]), j='').replace('<sub></sub>', '')}"
                        f" = <b>{num(step.a[j])}</b>.")
        self.detail_label.setText(
            f"<p><b>Unit j = {j} of {sup('z', i)} in full:</b> z<sub>{j}</sub> = Σ<sub>k</sub> "
            f"W<sub>{j},k</sub> a<sub>k</sub> + b<sub>{j}</sub>, a sum of {len(w)} products.{zero_note} "
            f"Its {len(shown)} largest terms, then the rest:</p>"
            f"<table cellspacing='0' cellpadding='2'>{''.join(lines)}</table>"
            f"<p>{act_line}</p>")


def _fold(input_shape: tuple[int, ...] | None, layer_type: str) -> tuple[int, str | None]:
    """How to fold a long vector into heatmap rows: after flattening C×H×W, one channel per row
    (or one image row when there is a single channel), so the picture keeps its structure."""
    if layer_type == "Flatten" and input_shape is not None and len(input_shape) == 3:
        c, h, w = input_shape
        return (h * w, "channel") if c > 1 else (w, "image row")
    return HEATMAP_ROW, None


def _rule() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setStyleSheet("color: #DDDDDD;")
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
        self.tabs.addTab(self.activations_view, "Layer outputs")
        self.tabs.addTab(self.forward_view, "Forward pass, step by step")
        self.tabs.setTabToolTip(0, "What every layer outputs for the current digit.")
        self.tabs.setTabToolTip(1, "z = W·a + b and a = g(z) for each dense layer, with the actual numbers.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_activations(self, activations: list[LayerActivation], report: ShapeReport | None = None,
                         image: np.ndarray | None = None) -> None:
        self.activations_view.show_activations(activations, report, image)

    def show_forward_steps(self, steps: list[DenseStep]) -> None:
        self.forward_view.show_forward_steps(steps)

"""Convolution step by step on the learner's own network, and the parts the step-through views share.

The view draws what `core.explain.conv_steps` computed (off the GUI thread, by the step-through panel):
the layer's input with its padding, the kernel's window at each output cell, the k×k products, their sum
over every input channel, the bias, and the largest difference from PyTorch. A sandbox beside it needs no
network: input size, kernel, stride and padding give the output size ⌊(n + 2p − k) / s⌋ + 1 with the numbers
filled in, and the window positions drawn. Parameter sharing is counted from the shapes alone.

Shared with the other step-through views: `CellMap` (a small map of numbers drawn as cells, with a window and
clickable cells) and the layer picking (`layer_choices`, `fill_combo`); the page's frame and its step controls
are `widgets.step_page.StepPage`.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.conv_steps import ConvSteps, parameter_sharing, window_geometry
from playground.core.explain.matrix_ops import cell_order
from playground.core.i18n import N_, tr
from playground.core.model.layers import PADDING_WORDS
from playground.core.model.shape_inference import ShapeReport
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import ACCENT, FRAME_COLOUR, OKABE_ITO, PAD_TINT
from playground.ui.widgets.plot_style import DIVERGING_COLOURMAP, GREY_COLOURMAP, lookup_table
from playground.ui.widgets.step_page import StepPage, rich_label
from playground.ui.workspaces.inside.inside_panel import num, paren

WINDOW_COLOUR = OKABE_ITO["vermillion"]
KEPT_COLOUR = OKABE_ITO["green"]
SANDBOX_DRAWN = 64  # the sandbox draws every window up to this padded size; beyond, every few
NO_NETWORK = N_("Train or load a network for 28×28 digits to step through it.")
TRAIN_FIRST = N_("Train the network first: there are no trained weights to step through yet. The sandbox below "
                 "needs no network.")
NO_CONV = N_("This network has no convolution layer: add a Conv2d layer (or choose Presets ▸ Small LeNet-style "
             "CNN) to step through one. The sandbox below needs no network.")
DRAW_FIRST = N_("Draw a digit on the Draw tab (or show a test digit there) to step through it.")


# ----- shared parts ---------------------------------------------------------------------------------

class CellMap(QWidget):
    """A map of numbers drawn as coloured cells: grey for an image, blue/orange around 0 for signed values.
    Padding rows and columns are tinted; a window (rectangle of cells), a current cell and marked cells can be
    outlined; cells after `shown` (row by row) are left blank; a click on a cell emits `cell_clicked`.

    Signals:
        cell_clicked(int, int): row and column of the clicked cell (padding included).
    """

    cell_clicked = Signal(int, int)

    def __init__(self, caption: str = "", side: int = 230, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self._side = side
        self.values: np.ndarray | None = None
        self.pad = (0, 0, 0, 0)  # top, left, bottom, right
        self.signed = False
        self.window_cells: tuple[int, int, int, int] | None = None  # top, left, height, width
        self.current: tuple[int, int] | None = None
        self.marks: list[tuple[int, int]] = []
        self.dots: list[tuple[float, float]] = []  # centres, in cells (sandbox: every window)
        self.shown: int | None = None
        self._colours: np.ndarray | None = None
        self.setMinimumSize(120, 120)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side + 18)

    def set_map(self, values: np.ndarray | None, pad: tuple[int, int, int, int] = (0, 0, 0, 0),
                signed: bool = False, caption: str | None = None) -> None:
        self.values = None if values is None else np.asarray(values, dtype=np.float64)
        self.pad, self.signed = pad, signed
        if caption is not None:
            self.caption = caption
        self.window_cells, self.current, self.marks, self.dots, self.shown = None, None, [], [], None
        self._colours = None if self.values is None else self._colour(self.values)
        self.update()

    def set_focus(self, window: tuple[int, int, int, int] | None = None, current: tuple[int, int] | None = None,
                  marks: list[tuple[int, int]] | None = None, shown: int | None = None) -> None:
        self.window_cells, self.current, self.marks, self.shown = window, current, marks or [], shown
        self.update()

    def set_dots(self, dots: list[tuple[float, float]]) -> None:
        self.dots = dots
        self.update()

    def _colour(self, v: np.ndarray) -> np.ndarray:
        finite = np.nan_to_num(v)
        if self.signed:
            m = float(np.abs(finite).max()) or 1.0
            idx = np.clip((finite / m + 1) * 127.5, 0, 255).astype(np.int32)
            return lookup_table(DIVERGING_COLOURMAP)[idx]
        lo, hi = float(finite.min()), float(finite.max())
        idx = np.clip((finite - lo) / (hi - lo if hi > lo else 1.0) * 255, 0, 255).astype(np.int32)
        return lookup_table(GREY_COLOURMAP)[idx]

    def _geometry(self) -> tuple[float, float, float]:
        """Cell size and the map's top-left corner."""
        assert self.values is not None
        rows, cols = self.values.shape
        top = 18 if self.caption else 2
        cell = max(1.0, min((self.width() - 4) / cols, (self.height() - top - 2) / rows))
        return cell, 2.0, float(top)

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if self.values is None:
            return None
        cell, x0, y0 = self._geometry()
        r, c = int((y - y0) // cell), int((x - x0) // cell)
        rows, cols = self.values.shape
        return (r, c) if 0 <= r < rows and 0 <= c < cols else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self.cell_at(event.position().x(), event.position().y())
        if hit is not None:
            self.cell_clicked.emit(*hit)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if self.caption:
            p.setPen(self.palette().windowText().color())
            p.drawText(QRectF(0, 0, self.width(), 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self.caption)
        if self.values is None or self._colours is None or not self.values.size:
            p.end()
            return
        cell, x0, y0 = self._geometry()
        rows, cols = self.values.shape
        t, left, b, right = self.pad
        p.setPen(Qt.PenStyle.NoPen)
        blank = self.palette().base().color()
        for r in range(rows):
            for c in range(cols):
                rect = QRectF(x0 + c * cell, y0 + r * cell, cell, cell)
                if self.shown is not None and r * cols + c > self.shown:
                    colour = blank
                elif r < t or r >= rows - b or c < left or c >= cols - right:
                    colour = QColor(PAD_TINT)
                else:
                    colour = QColor(*[int(x) for x in self._colours[r, c][:3]])
                p.fillRect(rect, colour)
        if cell >= 6:  # the grid, where cells are big enough for lines to help
            p.setPen(QPen(QColor(FRAME_COLOUR), 0))
            for r in range(rows + 1):
                p.drawLine(QPointF(x0, y0 + r * cell), QPointF(x0 + cols * cell, y0 + r * cell))
            for c in range(cols + 1):
                p.drawLine(QPointF(x0 + c * cell, y0), QPointF(x0 + c * cell, y0 + rows * cell))
        else:
            p.setPen(QPen(QColor(FRAME_COLOUR), 1))
            p.drawRect(QRectF(x0, y0, cols * cell, rows * cell))
        p.setBrush(QColor(ACCENT))
        p.setPen(Qt.PenStyle.NoPen)
        radius = max(1.5, min(cell * 0.18, 4.0))
        for y, x in self.dots:
            p.drawEllipse(QPointF(x0 + x * cell, y0 + y * cell), radius, radius)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for r, c in self.marks:
            p.setPen(QPen(QColor(KEPT_COLOUR), 3))
            p.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell, cell))
        if self.current is not None:
            r, c = self.current
            p.setPen(QPen(QColor(WINDOW_COLOUR), 3))
            p.drawRect(QRectF(x0 + c * cell, y0 + r * cell, cell, cell))
        if self.window_cells is not None:
            r, c, h, w = self.window_cells
            p.setPen(QPen(QColor(WINDOW_COLOUR), 3))
            p.drawRect(QRectF(x0 + c * cell, y0 + r * cell, w * cell, h * cell))
        p.end()


def layer_choices(report: ShapeReport | None, types: tuple[str, ...]) -> list[tuple[str, int]]:
    """(name, channels) of the layers of `report` with one of `types` (their output channels)."""
    if report is None or not report.ok:
        return []
    return [(info.name, int(info.output_shape[0])) for info in report.layers
            if info.layer.type in types and info.output_shape is not None and len(info.output_shape) == 3]


def fill_combo(combo: QComboBox, names: list[str]) -> None:
    """The combo's items become `names`, keeping the chosen one when it is still there (no signal)."""
    if [combo.itemText(i) for i in range(combo.count())] == names:
        return  # as it is: an open list stays open while weights stream in
    current = combo.currentText()
    combo.blockSignals(True)
    combo.clear()
    combo.addItems(names)
    if current in names:
        combo.setCurrentText(current)
    combo.blockSignals(False)


# ----- the sandbox -----------------------------------------------------------------------------------

class ConvSandbox(QGroupBox):
    """Input size, kernel, stride and padding → the output size worked out, and where the windows go."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(tr("Sandbox: the output size"), parent)
        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, 256)
        self.size_spin.setValue(28)
        self.kernel_spin = QSpinBox()
        self.kernel_spin.setRange(1, 64)
        self.kernel_spin.setValue(5)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 64)
        self.padding_combo = QComboBox()
        self.padding_combo.setEditable(True)
        self.padding_combo.addItems([*PADDING_WORDS, "0", "1", "2", "3"])
        self.padding_combo.setCurrentText("2")
        self.padding_combo.setToolTip(tr("'valid' adds no zeros, 'same' adds enough for the output to keep the "
                                         "input's size (stride 1 only), a number adds that many on every side."))
        for field in (self.size_spin, self.kernel_spin, self.stride_spin, self.padding_combo):
            field.setMaximumWidth(110)
        form = QFormLayout()
        form.addRow(tr("input size n"), self.size_spin)
        form.addRow(tr("kernel size k"), self.kernel_spin)
        form.addRow(tr("stride s"), self.stride_spin)
        form.addRow(tr("padding p"), self.padding_combo)
        self.formula_label = QLabel()
        self.formula_label.setWordWrap(True)
        self.formula_label.setStyleSheet("font-size: 11pt;")
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.words_label = rich_label(muted=True)
        self.error_label = note_label("error")
        self.map = CellMap(side=220)
        self.map.setToolTip(tr("The padded input: each dot is the centre of one window position, the red square "
                               "the first window. Tinted cells are the zeros padding adds."))
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(self.formula_label)
        column.addWidget(self.words_label)
        column.addWidget(self.error_label)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(column, 1)
        row.addWidget(self.map)
        for spin in (self.size_spin, self.kernel_spin, self.stride_spin):
            spin.valueChanged.connect(self.update_formula)
        self.padding_combo.currentTextChanged.connect(self.update_formula)
        self.update_formula()

    def padding(self) -> int | str:
        text = self.padding_combo.currentText().strip().strip("'\"")
        return int(text) if text.isdigit() else text

    def set_layer(self, size: int, kernel: int, stride: int, padding: int | str) -> None:
        """Start from a layer's numbers (the layer picked above)."""
        for spin, value in ((self.size_spin, size), (self.kernel_spin, kernel), (self.stride_spin, stride)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.padding_combo.setCurrentText(str(padding))
        self.update_formula()

    def update_formula(self) -> None:
        try:
            g = window_geometry(self.size_spin.value(), self.kernel_spin.value(), self.stride_spin.value(),
                                self.padding())
        except ValueError as exc:
            set_note(self.error_label, str(exc))
            self.formula_label.setText("")
            self.words_label.setText("")
            self.map.set_map(None)
            return
        set_note(self.error_label, None)
        self.formula_label.setText(g.formula)
        p_text = (f"{g.pad_before}" if g.pad_before == g.pad_after else f"{g.pad_before} + {g.pad_after}")
        self.words_label.setText(tr(
            "The {n}×{n} input gets {p} zeros on each side ({padded}×{padded}); the {k}×{k} window starts at the "
            "top left and moves {s} at a time: {out} positions a row, {out} rows, so the output is "
            "<b>{out}×{out}</b>.").format(n=g.size, p=p_text, padded=g.padded_size, k=g.kernel, s=g.stride,
                                          out=g.output_size))
        side = g.padded_size
        # zeros on the signed map: plain white cells, the padding tinted
        self.map.set_map(np.zeros((side, side)), (g.pad_before, g.pad_before, g.pad_after, g.pad_after), signed=True)
        every = max(1, g.output_size // SANDBOX_DRAWN)
        half = g.kernel / 2
        self.map.set_dots([(g.starts[i] + half, g.starts[j] + half)
                           for i in range(0, g.output_size, every) for j in range(0, g.output_size, every)])
        self.map.set_focus(window=(0, 0, g.kernel, g.kernel) if g.output_size else None)

    def output_size(self) -> int | None:
        text = self.formula_label.text()
        return int(text.rsplit("=", 1)[1]) if text else None


# ----- the convolution view ---------------------------------------------------------------------------

class ConvStepView(StepPage):
    """One output channel of one conv layer, made cell by cell, with the sandbox and parameter sharing.
    `changed` (StepPage): the layer or channel picked changed: the panel computes again."""

    steps: ConvSteps | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._report: ShapeReport | None = None
        self._sandbox_from: tuple[Any, ...] | None = None  # the layer numbers the sandbox was last set from
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("The convolution layer to step through"))
        self.channel_spin = QSpinBox()
        self.channel_spin.setPrefix(tr("output channel o = "))
        self.channel_spin.setToolTip(tr("Which kernel (output channel) of the layer to apply"))
        self.input_spin = QSpinBox()
        self.input_spin.setPrefix(tr("input channel shown c = "))
        self.input_spin.setToolTip(tr("The cell sums every input channel; this one is drawn and written out"))
        self.input_map = CellMap(side=260)
        self.input_map.setToolTip(tr("The layer's input with its padding (tinted); the red square is the kernel's "
                                     "window for the cell being made"))
        self.kernel_map = CellMap(side=120)
        self.output_map = CellMap(side=260)
        self.output_map.setToolTip(tr("Click a cell to see how it is made"))
        self.explanation = rich_label()
        self.sharing_label = rich_label()
        self.sandbox = ConvSandbox()

        maps = QHBoxLayout()
        maps.addWidget(self.input_map, 2)
        kernel_column = QVBoxLayout()
        kernel_column.addWidget(self.kernel_map)
        kernel_column.addStretch(1)
        maps.addLayout(kernel_column, 1)
        maps.addWidget(self.output_map, 2)
        self.lay_out((QLabel(tr("Layer")), self.layer_combo, self.channel_spin, self.input_spin),
                     (self.diff_label, self.controls, maps, self.explanation, self.sharing_label, self.sandbox))
        self.answer_parts = (self.diff_label, self.controls, self.input_map, self.kernel_map, self.output_map,
                             self.explanation)

        self.layer_combo.currentTextChanged.connect(self._layer_changed)
        self.channel_spin.valueChanged.connect(lambda _: self.changed.emit())
        self.input_spin.valueChanged.connect(lambda _: self._render())
        self.output_map.cell_clicked.connect(self._cell_clicked)
        self.input_map.cell_clicked.connect(self._input_clicked)
        self.set_context(None, NO_NETWORK)

    # ----- what to compute ------------------------------------------------------------------------------
    def set_context(self, report: ShapeReport | None, problem: str | None) -> None:
        """The network's shapes (None: no network) and why nothing can be computed (None: it can)."""
        self._report = report
        layers = layer_choices(report, ("Conv2d",))
        fill_combo(self.layer_combo, [name for name, _ in layers])
        if report is not None and not layers:
            problem = NO_CONV
        for w in (self.layer_combo, self.channel_spin, self.input_spin):
            w.setEnabled(bool(layers))
        self._layer_changed(emit=False)
        self.set_problem(problem)

    def choice(self) -> tuple[str, int] | None:
        """(layer, output channel) to compute, or None."""
        name = self.layer_combo.currentText()
        return (name, self.channel_spin.value()) if name and not self.problem else None

    def job(self) -> Callable[..., Any] | None:
        """What to compute off the GUI thread: f(model, report, image, mean, std) → ConvSteps."""
        choice = self.choice()
        if choice is None:
            return None
        layer, channel = choice

        def compute(model: Any, report: ShapeReport, image: np.ndarray, mean: float, std: float) -> ConvSteps:
            from playground.core.explain.conv_steps import conv_steps

            return conv_steps(model, report, image, layer, channel, mean, std)
        return compute

    def _layer_info(self) -> Any:
        name = self.layer_combo.currentText()
        if self._report is None or not name:
            return None
        return next((i for i in self._report.layers if i.name == name), None)

    def _layer_changed(self, _text: str = "", emit: bool = True) -> None:
        info = self._layer_info()
        if info is not None and info.output_shape is not None and info.input_shape is not None:
            for spin, count in ((self.channel_spin, info.output_shape[0]), (self.input_spin, info.input_shape[0])):
                spin.blockSignals(True)
                spin.setRange(0, count - 1)
                spin.blockSignals(False)
            self.input_spin.setVisible(info.input_shape[0] > 1)
            g = info.layer.get
            numbers = (info.input_shape[1], g("kernel_size"), g("stride"), g("padding"))
            if numbers != self._sandbox_from:  # another layer: the sandbox starts from it (not on every new weight)
                self._sandbox_from = numbers
                self.sandbox.set_layer(*numbers)
            self.sharing_label.setText(self._sharing_html(info))
        else:
            self.input_spin.hide()
            self.sharing_label.setText("")
        if emit:
            self.changed.emit()

    @staticmethod
    def _sharing_html(info: Any) -> str:
        s = parameter_sharing(info)
        return (tr("<p><b>Parameter sharing.</b> {summary}</p>").format(summary=html.escape(s.summary()))
                + tr("<p>{name}: {c_out} kernels of {c_in}×{k}×{k} = {weights:,} weights + {biases} biases = "
                     "<b>{conv:,}</b>. Linear: {n_in:,}·{n_out:,} weights + {n_bias:,} biases = <b>{dense:,}</b>."
                     "</p>").format(name=html.escape(s.layer), c_out=s.output_shape[0], c_in=s.input_shape[0],
                                   k=info.layer.get("kernel_size"), weights=s.conv_weights, biases=s.conv_biases,
                                   conv=s.conv_total, n_in=int(np.prod(s.input_shape)),
                                   n_out=int(np.prod(s.output_shape)), n_bias=s.dense_biases, dense=s.dense_total))

    # ----- showing ------------------------------------------------------------------------------------
    def draw_answer(self, steps: ConvSteps) -> None:
        """The computed channel."""
        rows, cols = steps.output.shape
        order = cell_order(rows, cols)
        self.controls.set_count(len(order), lambda i: tr("cell z[{row}, {col}]").format(
            row=order[i][0], col=order[i][1]))
        self.show_agreement(steps.max_difference, tr("over all {count} cells of channel {o}").format(
            count=steps.output.size, o=steps.channel))
        self._render()

    def retranslate(self) -> None:
        self.sandbox.setTitle(tr("Sandbox: the output size"))
        self.sandbox.update_formula()
        self._layer_changed(emit=False)
        super().retranslate()

    def position(self) -> tuple[int, int] | None:
        """The output cell shown now (None: the whole map)."""
        steps, pos = self.steps, self.controls.position
        if steps is None or pos is None:
            return None
        return cell_order(*steps.output.shape)[pos]

    def _cell_clicked(self, row: int, col: int) -> None:
        if self.steps is not None:
            self.controls.jump(row * self.steps.output.shape[1] + col)

    def _input_clicked(self, row: int, col: int) -> None:
        """A click on the input: the first cell whose window starts at or covers it from its top left."""
        steps = self.steps
        if steps is None:
            return
        r = max((i for i, s in enumerate(steps.rows.starts) if s <= row), default=0)
        c = max((j for j, s in enumerate(steps.cols.starts) if s <= col), default=0)
        self._cell_clicked(r, c)

    def _render(self) -> None:
        steps = self.steps
        if steps is None:
            return
        c_in = min(self.input_spin.value(), steps.padded.shape[0] - 1)
        rows, cols = steps.rows, steps.cols
        pad = (rows.pad_before, cols.pad_before, rows.pad_after, cols.pad_after)
        first = steps.layer == (self._report.layers[0].name if self._report is not None else "")
        what_in = (tr("the digit, normalised, with its padding") if first
                   else tr("input channel {c} with its padding").format(c=c_in))
        self.input_map.set_map(steps.padded[c_in], pad, signed=not first, caption=what_in)
        k = rows.kernel
        self.kernel_map.set_map(steps.kernel[c_in], signed=True,
                                caption=tr("kernel W[{o}, {c}]").format(o=steps.channel, c=c_in))
        self.output_map.set_map(steps.output, signed=True,
                                caption=tr("output z[{o}] {rows}×{cols}").format(
                                    o=steps.channel, rows=steps.output.shape[0], cols=steps.output.shape[1]))
        pos = self.position()
        if pos is None:
            self.explanation.setText(tr(
                "<p>Each output cell is the sum of the k×k products of the kernel with the input under its window, "
                "over every input channel, plus the bias: z[o, r, c] = Σ<sub>channels</sub> Σ<sub>k×k</sub> window · "
                "W[o] + b[o]. Press Step or Play to make the cells one by one, or click a cell.</p>"))
            return
        r, c = pos
        cell = steps.cell(r, c)
        self.input_map.set_focus(window=(cell.top, cell.left, k, k))
        self.output_map.set_focus(current=(r, c), shown=r * steps.output.shape[1] + c)
        self.explanation.setText(self._cell_html(cell, c_in, k))

    def _cell_html(self, cell: Any, c_in: int, k: int) -> str:
        steps = self.steps
        assert steps is not None
        window, kernel, products = cell.window[c_in], steps.kernel[c_in], cell.products[c_in]
        td = "<td align='right' style='padding: 1px 6px'>"
        grid = "".join(
            "<tr>" + "".join(f"{td}{num(window[i, j], 2)}·{paren(kernel[i, j])}</td>" for j in range(k)) + "</tr>"
            for i in range(k))
        products_grid = "".join(
            "<tr>" + "".join(f"{td}{num(products[i, j])}</td>" for j in range(k)) + "</tr>" for i in range(k))
        n_channels = len(cell.channel_sums)
        head = tr("<p><b>Cell z[{o}, {r}, {c}]</b>: the window starts at row {top}, column {left} of the padded "
                  "input (the stride is {s}).</p>").format(o=steps.channel, r=cell.row, c=cell.col, top=cell.top,
                                                           left=cell.left, s=steps.rows.stride)
        table = (f"<table><tr><td>{tr('input · kernel, channel {c}:').format(c=c_in)}"
                 f"<table border='1' cellspacing='0' cellpadding='2'>{grid}</table></td>"
                 f"<td>&nbsp;=&nbsp;</td><td>{tr('products:')}"
                 f"<table border='1' cellspacing='0' cellpadding='2'>{products_grid}</table></td></tr></table>")
        sum_line = tr("<p>Σ of the {n} products of channel {c} = <b>{total}</b></p>").format(
            n=k * k, c=c_in, total=num(cell.channel_sums[c_in]))
        if n_channels > 1:
            shown = ", ".join(num(s) for s in cell.channel_sums[:8]) + (" , …" if n_channels > 8 else "")
            sum_line += tr("<p>The same for each of the {n} input channels: {sums}; together "
                           "<b>{total}</b>.</p>").format(n=n_channels, sums=shown, total=num(cell.channel_sums.sum()))
        value = tr("<p style='font-size:12pt'>z[{o}, {r}, {c}] = {sums} + b[{o}] ({bias}) = <b>{value}</b> &nbsp; "
                   "PyTorch: {torch}</p>").format(o=steps.channel, r=cell.row, c=cell.col,
                                                  sums=num(cell.channel_sums.sum()), bias=num(cell.bias),
                                                  value=num(cell.value, 4), torch=num(cell.torch_value, 4))
        return head + table + sum_line + value

"""A dense (Linear) layer of the current model as a matrix product: x·Wᵀ + b = z, then g(z) = a,
with the shapes, the first numbers of each, one entry worked out, and the PyTorch code
(`dense_as_matrix_product`). The window passes one option per Linear layer (`set_layers`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.matrix_ops import DenseProduct, dense_as_matrix_product
from playground.core.i18n import N_, tr
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import ERROR_TEXT, MUTED_TEXT, OK_TEXT
from playground.ui.workspaces.matrices.matrix_display import CodeBox, fmt

SHOWN = 8  # numbers shown per vector
MATCH_TOLERANCE = 1e-4  # the model computes in float32
EMPTY_HINT = N_("No dense layer yet: build a network with a Linear layer (the window passes each one here), "
                "and its input, weights and output appear as a matrix product.")
_ACTIVATIONS = {
    "ReLU": torch.relu, "Sigmoid": torch.sigmoid, "Tanh": torch.tanh, "GELU": F.gelu,
    "Softmax": lambda z: torch.softmax(z, dim=1), "Identity": lambda z: z,
}


@dataclass
class DenseLayerOption:
    """One Linear layer: its label ("fc1: W^[1] 128×784"), its input x (1×n_in), W (n_out×n_in), b (n_out),
    the activation that follows ("ReLU", ..., "Identity" or "" for none) and that activation's output."""

    label: str
    x: np.ndarray
    weight: np.ndarray
    bias: np.ndarray | None
    activation: str | None
    a_after: np.ndarray

    @classmethod
    def of(cls, option: DenseLayerOption | Sequence) -> DenseLayerOption:
        return option if isinstance(option, DenseLayerOption) else cls(*option)

    @property
    def layer_name(self) -> str:
        """The module's attribute name for the code (fc1 in "fc1: W^[1] 128×784")."""
        name = re.sub(r"\W", "_", self.label.split(":")[0].strip().split()[0] if self.label.strip() else "")
        return name if name and not name[0].isdigit() else "fc"


def activation_output(name: str, z: np.ndarray) -> np.ndarray | None:
    """g(z) for a parameter-free activation (None when this view cannot recompute it)."""
    fn = _ACTIVATIONS.get(name or "Identity")
    return None if fn is None else fn(torch.from_numpy(np.asarray(z, dtype=np.float64))).numpy()


class DenseProductView(QWidget):
    """Pick a Linear layer and see it as x·Wᵀ + b = z, g(z) = a."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._options: list[DenseLayerOption] = []
        self._product: DenseProduct | None = None
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("The Linear layer to show"))
        self.layer_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layer_combo.currentIndexChanged.connect(lambda _: self._render())
        self.empty_label = QLabel(tr(EMPTY_HINT))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.formula_label = QLabel()
        self.formula_label.setTextFormat(Qt.TextFormat.PlainText)
        self.formula_label.setStyleSheet("font-size: 14pt;")
        self.shapes_label = QLabel()  # "1×784 · 784×128 + 1×128 → 1×128"
        self.shapes_label.setStyleSheet("font-size: 12pt;")
        self.activation_label = QLabel()
        self.activation_label.setStyleSheet("font-size: 12pt;")
        self.convention_label = QLabel()
        self.convention_label.setWordWrap(True)
        self.convention_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.numbers_title = QLabel()
        self.numbers = QTableWidget()
        self.numbers.setProperty("untranslatable", True)  # numbers, with formulas (x, b, z, a = ReLU(z)) as headers
        self.numbers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.numbers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.numbers.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.numbers.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.numbers.horizontalHeader().setDefaultSectionSize(62)
        self.numbers.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.numbers.verticalHeader().setDefaultSectionSize(24)
        self.numbers.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.numbers.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.worked_label = QLabel()
        self.worked_label.setWordWrap(True)
        self.worked_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.message_label = note_label("error")
        self.code_box = CodeBox("PyTorch")

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(tr("Layer:")))
        top.addWidget(self.layer_combo)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.formula_label)
        layout.addWidget(self.shapes_label)
        layout.addWidget(self.activation_label)
        layout.addWidget(self.convention_label)
        layout.addSpacing(4)
        layout.addWidget(self.numbers_title)
        layout.addWidget(self.numbers)
        layout.addWidget(self.worked_label)
        layout.addWidget(self.check_label)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        self._render()

    def set_layers(self, options: Sequence[DenseLayerOption | Sequence]) -> None:
        """One option per Linear layer (or tuples in DenseLayerOption's field order); keeps the chosen
        layer when it is still there."""
        index = self.layer_combo.currentIndex()
        current = self._options[index].label if 0 <= index < len(self._options) else None  # not the shown text
        self._options = [DenseLayerOption.of(o) for o in options]
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItems([o.label for o in self._options])
        labels = [o.label for o in self._options]
        self.layer_combo.setCurrentIndex(labels.index(current) if current in labels else 0 if labels else -1)
        self.layer_combo.blockSignals(False)
        self._render()

    def retranslate(self) -> None:
        """The sentences built from the layer's sizes, again in the current language."""
        self._render()

    def product(self) -> DenseProduct | None:
        """The product shown (None when there is no layer, or its arrays do not fit together)."""
        return self._product

    def _render(self) -> None:
        index = self.layer_combo.currentIndex()
        option = self._options[index] if 0 <= index < len(self._options) else None
        self._product = None
        problem = None
        if option is not None:
            try:
                self._product = _product_of(option)
            except ValueError as e:
                problem = f"{option.label}: {e}"
        p = self._product
        has = p is not None
        self.empty_label.setVisible(option is None)
        self.layer_combo.setEnabled(bool(self._options))
        set_note(self.message_label, problem)
        for w in (self.formula_label, self.shapes_label, self.activation_label, self.convention_label,
                  self.numbers_title, self.numbers, self.worked_label, self.check_label, self.code_box):
            w.setVisible(has)
        if p is None or option is None:  # (a product comes from an option)
            self.code_box.set_code("")
            for label in (self.formula_label, self.shapes_label, self.activation_label, self.convention_label,
                          self.numbers_title, self.worked_label, self.check_label):
                label.clear()  # hidden; no sentence left behind in another language
            return
        name = option.layer_name
        n_in, n_out = p.weight.shape[1], p.weight.shape[0]
        g = p.activation or "Identity"
        self.formula_label.setText(tr("x · Wᵀ + b = z,   then   g(z) = a"))
        self.shapes_label.setText(f"1×{n_in} · {n_in}×{n_out} + 1×{n_out} → 1×{n_out}")
        self.activation_label.setText(
            f"a = {g}(z):   1×{n_out} → 1×{n_out}" if g != "Identity" else
            tr("No activation after {layer}: a = z, 1×{n_out}").format(layer=name, n_out=n_out))
        self.convention_label.setText(tr(
            "W is {n_out}×{n_in}: row k holds the {n_in} weights into output k. The notes write "
            "z = W·a + b with a as a column; PyTorch holds one example as a row x, so it computes x·Wᵀ + b — "
            "the same numbers, transposed. Each z_k is row x times column k of Wᵀ: C[i][j] = A[i,:]·B[:,j] with "
            "A = x and B = Wᵀ.").format(n_in=n_in, n_out=n_out))
        self.numbers_title.setText(tr("<b>The first numbers</b> (of {n_in} inputs and {n_out} outputs)").format(
            n_in=n_in, n_out=n_out))
        rows = [(f"x ({n_in})", p.x[0]), (f"b ({n_out})", p.bias), (f"z = x·Wᵀ + b ({n_out})", p.z[0]),
                (f"a = {g}(z) ({n_out})" if g != "Identity" else f"a = z ({n_out})", p.a[0])]
        cols = min(SHOWN, max(len(v) for _, v in rows))
        self.numbers.setRowCount(len(rows))
        self.numbers.setColumnCount(cols)
        self.numbers.setVerticalHeaderLabels([label for label, _ in rows])
        self.numbers.setHorizontalHeaderLabels([str(k + 1) for k in range(cols)])
        for r, (_, values) in enumerate(rows):
            for c in range(cols):
                item = QTableWidgetItem(fmt(values[c]) if c < len(values) else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c < len(values):
                    item.setToolTip(repr(float(values[c])))
                self.numbers.setItem(r, c, item)
        dot = float(p.x[0] @ p.weight[0])
        self.worked_label.setText(
            tr("z₁ = x·W[1,:] + b₁ = (the sum of {n_in} products) {dot} + {bias} = {z}").format(
                n_in=n_in, dot=fmt(dot), bias=fmt(p.bias[0]), z=fmt(p.z[0, 0])))
        self._render_check(p, g)
        self.code_box.set_code(f"# x: the input to {name} as one row, 1×{n_in}\n{p.torch_code}")

    def _render_check(self, p: DenseProduct, g: str) -> None:
        mine = activation_output(g, p.z)
        if mine is None or mine.shape != p.a.shape:
            self.check_label.setText(tr("a above is the model's own output after {activation}.").format(activation=g))
            self.check_label.setStyleSheet(f"color: {MUTED_TEXT};")
            return
        diff = float(np.max(np.abs(mine - p.a))) if p.a.size else 0.0
        scale = max(1.0, float(np.max(np.abs(p.a))) if p.a.size else 1.0)
        if diff <= MATCH_TOLERANCE * scale:
            self.check_label.setText(tr("✓ {activation}(x·Wᵀ + b) computed here equals the model's own output a "
                                        "(largest difference {diff:.2g}: the model computes in float32).").format(
                activation=g, diff=diff))
            self.check_label.setStyleSheet(f"color: {OK_TEXT};")
        else:
            self.check_label.setText(tr("✗ {activation}(x·Wᵀ + b) computed here differs from the model's output a "
                                        "by up to {diff:.3g}: the numbers may come from different moments of "
                                        "training.").format(activation=g, diff=diff))
            self.check_label.setStyleSheet(f"color: {ERROR_TEXT};")


def _product_of(option: DenseLayerOption) -> DenseProduct:
    w = np.asarray(option.weight, dtype=np.float64)
    if w.ndim != 2:
        raise ValueError(tr("the weight should be a matrix, not shape {shape}.").format(shape=w.shape))
    x = np.asarray(option.x, dtype=np.float64).reshape(1, -1)
    if x.shape[1] != w.shape[1]:
        raise ValueError(tr("the input has {count} numbers but W is {rows}×{cols}: x·Wᵀ needs {cols}.").format(
            count=x.shape[1], rows=w.shape[0], cols=w.shape[1]))
    b = np.zeros(w.shape[0]) if option.bias is None else np.asarray(option.bias, dtype=np.float64).reshape(-1)
    if b.shape[0] != w.shape[0]:
        raise ValueError(tr("b has {count} numbers but W has {rows} rows.").format(count=b.shape[0], rows=w.shape[0]))
    return dense_as_matrix_product(x, w, b, option.activation or "Identity",
                                   np.asarray(option.a_after, dtype=np.float64), option.layer_name)

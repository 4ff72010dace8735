"""A·B one cell at a time: C[i][j] = A[i,:]·B[:,j], as the course notes write it.

The stepper shows the product in a grid that fills in row by row (`cell_order`). At each cell it
writes out the pairs, their products and the sum (`CellStep.explanation`) and emits `cell_changed`
so the panel can highlight row i of A and column j of B in their editors. Play runs a timer at the
chosen speed; Step and Back move one cell; clicking a cell of the result jumps to it.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.explain.matrix_ops import OpResult, cell_order, matmul, matmul_cell
from playground.core.i18n import N_, tr
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import CELL_TINT, COLUMN_TINT, MUTED_TEXT, ROW_TINT
from playground.ui.widgets.step_controls import StepControls, StepTips
from playground.ui.workspaces.matrices.matrix_display import CodeBox, MatrixGrid, fmt, shape_of, torch_definition

IDLE_HINT = N_("Press Step or Play to fill A·B one cell at a time, or click a cell of the result to see how "
               "it is made.")
CELL_TIPS = StepTips(N_("The previous cell"), N_("The next cell (row by row)"),
                     N_("Fill the product cell after cell at the chosen speed"),
                     N_("Stop stepping and show the whole product"), N_("How fast Play moves from cell to cell"))


def shape_sentence(a: np.ndarray, b: np.ndarray) -> str:
    """Why A·B is defined and what size it has, in words (for a defined product)."""
    (n, k), m = a.shape, b.shape[1]
    if k == 1:
        text = tr("A is {n}×{k} and B is {k}×{m}: A's {k} column match B's {k} row, so A·B is {n}×{m} (A's rows by "
                  "B's columns). Entry C[i][j] = A[i,:]·B[:,j]: row i of A times column j of B.")
    else:
        text = tr("A is {n}×{k} and B is {k}×{m}: A's {k} columns match B's {k} rows, so A·B is {n}×{m} (A's rows "
                  "by B's columns). Entry C[i][j] = A[i,:]·B[:,j]: row i of A times column j of B.")
    return text.format(n=n, k=k, m=m)


def legend_html() -> str:
    """The colours of the step-through: row i of A, column j of B, the cell C[i][j]."""
    return (f"<span style='background: {ROW_TINT};'>&nbsp;{tr('row i of A')}&nbsp;</span>&nbsp; "
            f"<span style='background: {COLUMN_TINT};'>&nbsp;{tr('column j of B')}&nbsp;</span>&nbsp; "
            f"<span style='background: {CELL_TINT};'>&nbsp;C[i][j]&nbsp;</span>")


class CellControls(StepControls):
    """The step controls over the cells of C = A·B, in `order`, saying which cell they are at."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, CELL_TIPS)
        self.order: list[tuple[int, int]] = []

    def set_order(self, order: list[tuple[int, int]]) -> None:
        """New cells to step through, from "the whole product" again."""
        self.order = order
        self.set_count(len(order), keep=False)

    def position_text(self) -> str:
        if self.position is None:
            return tr("{count} cells").format(count=self.count)
        i, j = self.order[self.position]
        return tr("cell {number} of {count}: C[{row}][{col}]").format(
            number=self.position + 1, count=self.count, row=i + 1, col=j + 1)


class MatmulStepper(QWidget):
    """The A·B view with its step-through.

    Signals:
        cell_changed(object): (i, j), 0-based, of the cell being explained; None when not stepping.
    """

    cell_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._a: np.ndarray | None = None
        self._b: np.ndarray | None = None
        self._result = OpResult(None)
        # the position is an index into controls.order; None: the whole product, not stepping
        self.controls = CellControls()
        self.controls.moved.connect(lambda _: self._render())
        self.back_button, self.step_button = self.controls.back_button, self.controls.step_button
        self.play_button, self.show_all_button = self.controls.play_button, self.controls.show_all_button
        self.speed_slider, self.position_label = self.controls.speed_slider, self.controls.position_label

        self.shape_label = QLabel()
        self.shape_label.setWordWrap(True)
        self.message_label = note_label("error")  # the shape rule, or "fix A first: ..."

        self.result_title = QLabel()
        self.result_grid = MatrixGrid()
        self.result_grid.setToolTip(tr("Click a cell to see how it is computed"))
        self.result_grid.cellClicked.connect(self.jump_to)
        self.explanation_label = QLabel(tr(IDLE_HINT))
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation_label.setStyleSheet("font-size: 11pt;")
        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.legend_label = QLabel(legend_html())
        self.code_box = CodeBox("PyTorch", max_lines=12)

        explain = QVBoxLayout()
        explain.setContentsMargins(0, 0, 0, 0)
        explain.addWidget(self.explanation_label)
        explain.addWidget(self.words_label)
        explain.addWidget(self.legend_label)
        explain.addStretch(1)
        grid_column = QVBoxLayout()
        grid_column.setContentsMargins(0, 0, 0, 0)
        grid_column.addWidget(self.result_title)
        grid_column.addWidget(self.result_grid)
        grid_column.addStretch(1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(grid_column)
        body.addSpacing(8)
        body.addLayout(explain, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.shape_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.controls)
        layout.addLayout(body)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        self._render()

    # -- input -------------------------------------------------------------------------------------------
    def set_operands(self, a: np.ndarray | None, b: np.ndarray | None, problem: str | None = None) -> None:
        """New A and B. `problem` ("fix A first: ...") replaces the product while a matrix has a bad cell.
        The step position survives edits that keep the product's shape."""
        old_shape = self._result.value.shape if self._result.value is not None else None
        self._a, self._b = a, b
        if problem or a is None or b is None:
            self._result = OpResult(None, problem or tr("A or B is missing."), "torch.matmul(A, B)   # or A @ B")
        else:
            self._result = matmul(a, b)
        new_shape = self._result.value.shape if self._result.value is not None else None
        if new_shape != old_shape:
            self.controls.set_order(cell_order(*new_shape) if new_shape else [])
        self._render()

    # -- reading -----------------------------------------------------------------------------------------
    def result(self) -> OpResult:
        return self._result

    def position(self) -> tuple[int, int] | None:
        """The cell being explained (0-based), or None when the whole product is shown."""
        pos = self.controls.position
        return None if pos is None else self.controls.order[pos]

    def explanation(self) -> str:
        return self.explanation_label.text()

    def is_playing(self) -> bool:
        return self.controls.is_playing()

    # -- moving (the controls pause when hidden: no animation runs behind another tab) -----------------------
    def step(self) -> None:
        self.controls.step()

    def back(self) -> None:
        self.controls.back()

    def jump_to(self, i: int, j: int) -> None:
        if (i, j) in self.controls.order:
            self.controls.jump(self.controls.order.index((i, j)))

    def show_all(self) -> None:
        self.controls.show_all()

    def retranslate(self) -> None:
        """The texts built from the numbers, again in the current language (the panel feeds new messages)."""
        self.legend_label.setText(legend_html())
        self.controls.retranslate()
        self._render()

    # -- drawing -----------------------------------------------------------------------------------------
    def _render(self) -> None:
        r = self._result
        a, b = self._a, self._b
        for w in (self.result_grid, self.result_title, self.explanation_label, self.words_label):
            w.setVisible(r.ok)
        if r.value is None or a is None or b is None:  # a product needs both (set_operands)
            self.result_grid.show_matrix(None)
            self.shape_label.setText("")  # hidden; no sentence left behind in another language
            self.shape_label.hide()
            set_note(self.message_label, r.message)
            self.explanation_label.setText("")
            self.words_label.setText("")
            self.legend_label.hide()
            code = [self._definitions(), "C = torch.matmul(A, B)   # or A @ B"]
            if a is None or b is None:
                code.insert(1, f"# {r.message}")
            elif a.shape[1] != b.shape[0]:
                code.append(f"# RuntimeError: mat1 and mat2 shapes cannot be multiplied "
                            f"({a.shape[0]}x{a.shape[1]} and {b.shape[0]}x{b.shape[1]})")
            self.code_box.set_code("\n".join(c for c in code if c))
            self.cell_changed.emit(None)
            return
        c = r.value
        set_note(self.message_label, None)
        self.shape_label.setText(shape_sentence(a, b))
        self.shape_label.show()
        self.result_title.setText(f"<b>A·B</b> &nbsp;{shape_of(c)}")
        self.result_grid.show_matrix(c)
        code = [self._definitions(), "C = torch.matmul(A, B)   # or A @ B"]
        pos, order = self.controls.position, self.controls.order
        self.explanation_label.setStyleSheet(f"font-size: 11pt; color: {MUTED_TEXT};" if pos is None
                                             else "font-size: 11pt;")
        if pos is None:
            self.explanation_label.setText(tr(IDLE_HINT))
            self.words_label.setText("")
            self.legend_label.hide()
        else:
            i, j = order[pos]
            for k, (ri, cj) in enumerate(order):
                if k > pos:
                    self.result_grid.set_cell(ri, cj, "")
            self.result_grid.style_cell(i, j, CELL_TINT, bold=True)
            item = self.result_grid.item(i, j)
            if item is not None:
                self.result_grid.scrollToItem(item)
            step = matmul_cell(a, b, i, j)
            self.explanation_label.setText(step.explanation())
            n = len(step.row)
            self.words_label.setText((
                tr("Row {row} of A and column {col} of B each hold {n} numbers: multiply them in pairs, then add "
                   "the {n} products.") if n > 1 else
                tr("Row {row} of A and column {col} of B hold one number each: C[{row}][{col}] is their product.")
            ).format(row=i + 1, col=j + 1, n=n))
            self.legend_label.show()
            code.append(f"# C[{i + 1}][{j + 1}] above counts from 1; PyTorch counts from 0:")
            code.append(f"C[{i}, {j}], A[{i}, :] @ B[:, {j}]   # the same number, {fmt(step.value)}")
        self.code_box.set_code("\n".join(code))
        self.cell_changed.emit(self.position())

    def _definitions(self) -> str:
        lines = []
        for name, m in (("A", self._a), ("B", self._b)):
            if m is not None:
                lines.append(torch_definition(name, m))
        return "\n".join(["import torch"] + lines)

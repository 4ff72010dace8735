"""The entry-by-entry operations and the transpose: A + B, k·A, A ⊙ B, Aᵀ and Bᵀ, each with its rule
in words, its result (or why it is undefined) and the PyTorch line that does the same."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget

from playground.core.explain.matrix_ops import MatrixInputError, OpResult, add, hadamard, parse_cell, scale, transpose
from playground.core.i18n import N_, tr
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import ERROR_TEXT, MUTED_TEXT
from playground.ui.workspaces.matrices.matrix_display import CodeBox, MatrixGrid, shape_of, torch_definition

OPERATIONS = {  # key → (button, what it does in words: shown as tr(...))
    "add": ("A + B", N_("Adds entry by entry: (A+B)[i][j] = A[i][j] + B[i][j]. A and B need the same shape.")),
    "scale": ("k·A", N_("Multiplies every entry of A by the number k: (kA)[i][j] = k·A[i][j].")),
    "hadamard": ("A ⊙ B", N_("The element-wise (Hadamard) product: (A⊙B)[i][j] = A[i][j]·B[i][j], same shape "
                             "needed. Not the matrix product A·B: in PyTorch it is A * B, while A·B is A @ B.")),
    "transpose_a": ("Aᵀ", N_("Swaps rows and columns: row i of A becomes column i of Aᵀ, "
                             "so Aᵀ[i][j] = A[j][i].")),
    "transpose_b": ("Bᵀ", N_("Swaps rows and columns: row i of B becomes column i of Bᵀ, "
                             "so Bᵀ[i][j] = B[j][i].")),
}
NEEDS = {"add": "AB", "scale": "A", "hadamard": "AB", "transpose_a": "A", "transpose_b": "B"}


class OperationsView(QWidget):
    """Pick an operation; the result follows every edit of A, B or k."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._a: np.ndarray | None = None
        self._b: np.ndarray | None = None
        self._problems: dict[str, str] = {}
        self._op = "add"
        self._result = OpResult(None)

        self.buttons: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for key, (text, tip) in OPERATIONS.items():
            button = QRadioButton(text)
            button.setToolTip(tr(tip))
            button.toggled.connect(lambda on, k=key: self.select(k) if on else None)
            group.addButton(button)
            row.addWidget(button)
            self.buttons[key] = button
        self.k_label = QLabel("k =")
        self.k_edit = QLineEdit("2")
        self.k_edit.setMaximumWidth(80)
        self.k_edit.setToolTip(tr("The number k: 2, -0.5, 1/3 or pi"))
        self.k_edit.textChanged.connect(lambda _: self._render())
        row.addSpacing(12)
        row.addWidget(self.k_label)
        row.addWidget(self.k_edit)
        row.addStretch(1)
        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.result_title = QLabel()
        self.result_grid = MatrixGrid()
        self.message_label = note_label("error")
        self.code_box = CodeBox("PyTorch")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.rule_label)
        layout.addWidget(self.message_label)
        layout.addWidget(self.result_title)
        layout.addWidget(self.result_grid, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        self.buttons["add"].setChecked(True)

    def set_operands(self, a: np.ndarray | None, b: np.ndarray | None, problems: dict[str, str]) -> None:
        """`problems` maps "A"/"B" to "fix A first: ..." for a matrix with a bad cell."""
        self._a, self._b, self._problems = a, b, dict(problems)
        self._render()

    def select(self, op: str) -> None:
        self._op = op
        if not self.buttons[op].isChecked():
            self.buttons[op].setChecked(True)
        self._render()

    def operation(self) -> str:
        return self._op

    def result(self) -> OpResult:
        return self._result

    def retranslate(self) -> None:
        """The rule and the messages, again in the current language (the panel feeds new problems)."""
        self._render()

    def _render(self) -> None:
        op = self._op
        text, rule = OPERATIONS[op]
        self.k_label.setVisible(op == "scale")
        self.k_edit.setVisible(op == "scale")
        self.rule_label.setText(tr(rule))
        problem = next((self._problems[n] for n in NEEDS[op] if n in self._problems), None)
        k_error = None
        k = 0.0
        if op == "scale":
            try:
                k = parse_cell(self.k_edit.text())
                self.k_edit.setStyleSheet("")
            except MatrixInputError as e:
                k_error = f"k: {e}"
                self.k_edit.setStyleSheet(f"border: 2px solid {ERROR_TEXT};")
        a, b = self._a, self._b
        missing = next((tr("{name} is missing.").format(name=n)
                        for n, m in (("A", a), ("B", b)) if n in NEEDS[op] and m is None), None)
        if problem or k_error or missing:
            self._result = OpResult(None, problem or k_error or missing)
        elif op == "transpose_b":
            assert b is not None  # `missing` names each matrix the operation needs
            self._result = transpose(b, "B")
        else:
            assert a is not None
            if op == "scale":
                self._result = scale(a, k)
            elif op == "transpose_a":
                self._result = transpose(a, "A")
            else:
                assert b is not None
                self._result = add(a, b) if op == "add" else hadamard(a, b)
        r = self._result
        self.result_grid.show_matrix(r.value)
        self.result_grid.setVisible(r.ok)
        set_note(self.message_label, None if r.ok else r.message)
        title = text.replace("k", _k_text(self.k_edit.text()), 1) if op == "scale" and r.ok else text
        self.result_title.setText(f"<b>{title}</b>" + (f" &nbsp;{shape_of(r.value)}" if r.value is not None else ""))
        self.result_title.setVisible(r.ok)
        definitions = ["import torch"] + [torch_definition(n, m) for n, m in (("A", a), ("B", b))
                                          if n in NEEDS[op] and m is not None]
        if problem or missing:
            definitions.append(f"# {problem or missing}")
        line = r.torch_code or _code_for(op, self.k_edit.text())
        result_name = {"add": "S", "scale": "kA", "hadamard": "H", "transpose_a": "A_T", "transpose_b": "B_T"}[op]
        code = definitions + [f"{result_name} = {line}"]
        if not r.ok and not (problem or k_error or missing) and a is not None and b is not None:
            code.append(_torch_shape_note(a.shape, b.shape))
        self.code_box.set_code("\n".join(code))


def _k_text(text: str) -> str:
    return text.strip() or "k"


def _code_for(op: str, k: str) -> str:
    return {"add": "A + B", "scale": f"{k.strip() or 'k'} * A", "hadamard": "A * B",
            "transpose_a": "A.t()", "transpose_b": "B.t()"}[op]


def _torch_shape_note(a: tuple[int, ...], b: tuple[int, ...]) -> str:
    """What PyTorch does with two different shapes: broadcast them, or the error it raises."""
    try:
        shape = np.broadcast_shapes(a, b)
    except ValueError:
        for dim in (1, 0):
            if a[dim] != b[dim] and 1 not in (a[dim], b[dim]):
                return (f"# RuntimeError: The size of tensor a ({a[dim]}) must match the size of tensor b "
                        f"({b[dim]}) at non-singleton dimension {dim}")
        return "# RuntimeError: the shapes do not match"
    return (f"# PyTorch would broadcast {a[0]}×{a[1]} and {b[0]}×{b[1]} to {shape[0]}×{shape[1]} (repeating the "
            f"row or column of size 1); the matrix operation itself needs equal shapes")

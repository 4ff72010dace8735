"""The laws of matrix multiplication, checked on the panel's own numbers (`check_laws`): AB vs BA
(not commutative), (AB)ᵀ = BᵀAᵀ, and with a third matrix C, A(BC) = (AB)C and A(B+C) = AB + AC.
Each law shows ✓ or ✗ with the largest difference, and both sides side by side on request."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.matrix_ops import LawCheck, OpResult, add, check_laws, matmul, transpose
from playground.core.i18n import N_, tr
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import ERROR_TEXT, ERROR_TINT, MUTED_TEXT, OK_TEXT
from playground.ui.workspaces.matrices.matrix_display import CodeBox, MatrixGrid, shape_of, torch_definition

# core name (a key, shown as tr(name)) → (the law as a formula, what it means (shown as tr(meaning)),
# the PyTorch check)
LAWS = {
    N_("Not commutative"): ("AB = BA ?", N_("the order matters: in general AB ≠ BA (equal only in special cases, "
                                           "such as B = A or B = I)"), "torch.allclose(A @ B, B @ A)"),
    N_("Transpose of a product"): ("(AB)ᵀ = BᵀAᵀ", N_("transposing a product reverses the order"),
                                   "torch.allclose((A @ B).T, B.T @ A.T)"),
    N_("Associative"): ("A(BC) = (AB)C", N_("where the brackets go does not matter (the order does)"),
                        "torch.allclose(A @ (B @ C), (A @ B) @ C)"),
    N_("Distributive"): ("A(B+C) = AB + AC", N_("multiplying a sum is the sum of the products"),
                         "torch.allclose(A @ (B + C), A @ B + A @ C)"),
}
NEEDS_C = ("Associative", "Distributive")
MARKS = {True: ("✓", OK_TEXT), False: ("✗", ERROR_TEXT), None: ("–", MUTED_TEXT)}


@dataclass
class LawRow:
    """The widgets of one law (tests and the window read them)."""

    mark: QLabel
    formula: QLabel
    detail: QLabel
    show_button: QRadioButton


class LawsView(QWidget):
    """The laws on A, B (and C when it is in use).

    Signals:
        use_c_toggled(bool): the user ticked or cleared "Use a third matrix C"; the panel shows or hides C.
    """

    use_c_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._a: np.ndarray | None = None
        self._b: np.ndarray | None = None
        self._c: np.ndarray | None = None
        self._problems: dict[str, str] = {}
        self._checks: dict[str, LawCheck | str] = {}
        self._shown = "Not commutative"
        self._use_c = False

        self.use_c_check = QCheckBox(tr("Use a third matrix C (for the associative and distributive laws)"))
        self.use_c_check.setToolTip(tr("Shows the editor for C next to A and B. A(BC) needs C with as many rows as "
                                       "B has columns; A(B+C) needs C the same shape as B; both hold when B is "
                                       "square."))
        self.use_c_check.toggled.connect(self.use_c_toggled)
        self.message_label = note_label("error")
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(3, 1)
        self.rows: dict[str, LawRow] = {}
        group = QButtonGroup(self)
        for r, (name, (formula, _, _)) in enumerate(LAWS.items()):
            mark = QLabel()
            mark.setMinimumWidth(22)
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            formula_label = QLabel(f"<b>{formula}</b>")
            detail = QLabel()
            detail.setWordWrap(True)
            show = QRadioButton(tr("show"))
            show.setToolTip(tr("Show both sides below"))
            show.toggled.connect(lambda on, n=name: self.show_sides(n) if on else None)
            group.addButton(show)
            grid.addWidget(mark, r, 0)
            grid.addWidget(formula_label, r, 1)
            grid.addWidget(show, r, 2)
            grid.addWidget(detail, r, 3)
            self.rows[name] = LawRow(mark, formula_label, detail, show)

        self.left_title, self.right_title = QLabel(), QLabel()
        self.left_grid, self.right_grid = MatrixGrid(), MatrixGrid()
        self.left_message, self.right_message = QLabel(), QLabel()
        sides = QHBoxLayout()
        sides.setContentsMargins(0, 0, 0, 0)
        for title, side_grid, message in ((self.left_title, self.left_grid, self.left_message),
                                          (self.right_title, self.right_grid, self.right_message)):
            message.setWordWrap(True)
            message.setStyleSheet(f"color: {MUTED_TEXT};")
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(title)
            column.addWidget(side_grid)
            column.addWidget(message)
            column.addStretch(1)
            sides.addLayout(column)
            sides.addSpacing(16)
        sides.addStretch(1)
        self.code_box = CodeBox("PyTorch", max_lines=10)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.use_c_check)
        layout.addWidget(self.message_label)
        layout.addLayout(grid)
        layout.addSpacing(4)
        layout.addLayout(sides)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        self._set_tips()
        self.rows[self._shown].show_button.setChecked(True)

    def _set_tips(self) -> None:
        for name, row in self.rows.items():
            row.formula.setToolTip(tr("{law}: {meaning}").format(law=tr(name), meaning=tr(LAWS[name][1])))

    def retranslate(self) -> None:
        """The tool tips and verdicts, again in the current language (the panel feeds new messages)."""
        self._set_tips()
        self._render(self._use_c)

    def set_operands(self, a: np.ndarray | None, b: np.ndarray | None, c: np.ndarray | None,
                     problems: dict[str, str], use_c: bool) -> None:
        """`problems` maps "A"/"B"/"C" to "fix A first: ..."; `use_c` says whether C is in use."""
        self._a, self._b, self._c, self._problems = a, b, (c if use_c else None), dict(problems)
        self._use_c = use_c
        if self.use_c_check.isChecked() != use_c:
            self.use_c_check.blockSignals(True)
            self.use_c_check.setChecked(use_c)
            self.use_c_check.blockSignals(False)
        self._render(use_c)

    def checks(self) -> dict[str, LawCheck | str]:
        """Law name → its check, or the reason it cannot be checked yet ("fix A first: ...")."""
        return dict(self._checks)

    def show_sides(self, name: str) -> None:
        self._shown = name
        if not self.rows[name].show_button.isChecked():
            self.rows[name].show_button.setChecked(True)
        self._render_sides()

    def _render(self, use_c: bool) -> None:
        ab_problem = self._problems.get("A") or self._problems.get("B")
        c_problem = self._problems.get("C") if use_c else None
        set_note(self.message_label, ab_problem)
        self._checks = {}
        if not ab_problem:
            assert self._a is not None and self._b is not None  # a matrix is None only while it has a problem
            for check in check_laws(self._a, self._b, self._c if use_c and not c_problem else None):
                self._checks[check.name] = check
        for name in LAWS:
            if ab_problem:
                self._checks[name] = ab_problem
            elif name in NEEDS_C and not use_c:
                self._checks[name] = tr("needs C: tick “Use a third matrix C” above.")
            elif name in NEEDS_C and c_problem:
                self._checks[name] = c_problem
        for name, row in self.rows.items():
            shown_check = self._checks[name]
            equal = shown_check.equal if isinstance(shown_check, LawCheck) else None
            mark, colour = MARKS[equal]
            row.mark.setText(f"<span style='font-size: 15pt; font-weight: bold; color: {colour};'>{mark}</span>")
            text = shown_check.message if isinstance(shown_check, LawCheck) else shown_check
            if name == "Not commutative" and equal is False:
                text = tr("{check} The order matters: matrix multiplication is not commutative.").format(check=text)
            row.detail.setText(text)
            row.detail.setStyleSheet(f"color: {MUTED_TEXT};" if equal is None else "")
            row.show_button.setEnabled(not ab_problem)
        self._render_sides()
        self._render_code(use_c)

    def _render_sides(self) -> None:
        left, right = LAWS[self._shown][0].replace(" ?", "").split(" = ")
        self.left_title.setText(f"<b>{left}</b>")
        self.right_title.setText(f"<b>{right}</b>")
        a, b = self._a, self._b
        values: tuple[OpResult | None, OpResult | None] = (None, None)
        if not isinstance(self._checks.get(self._shown), str) and a is not None and b is not None:
            values = _sides(self._shown, a, b, self._c)
        for side, side_grid, message, title, text in (
                (values[0], self.left_grid, self.left_message, self.left_title, left),
                (values[1], self.right_grid, self.right_message, self.right_title, right)):
            value = side.value if side is not None else None
            ok = value is not None
            side_grid.show_matrix(value)
            side_grid.setVisible(ok)
            title.setText(f"<b>{text}</b>" + (f" &nbsp;{shape_of(value)}" if value is not None else ""))
            message.setText("" if ok or side is None else side.message or "")
            message.setVisible(not ok and side is not None)
        self._highlight_differences(values)

    def _highlight_differences(self, values: tuple[OpResult | None, OpResult | None]) -> None:
        left = values[0].value if values[0] is not None else None
        right = values[1].value if values[1] is not None else None
        if left is None or right is None or left.shape != right.shape:
            return
        scale = max(1.0, float(np.max(np.abs(left))))
        for (r, c), differs in np.ndenumerate(np.abs(left - right) > 1e-9 * scale):
            if differs:
                for grid in (self.left_grid, self.right_grid):
                    grid.style_cell(r, c, ERROR_TINT)

    def _render_code(self, use_c: bool) -> None:
        lines = ["import torch"]
        for name, m in (("A", self._a), ("B", self._b), ("C", self._c if use_c else None)):
            if m is not None and name not in self._problems:
                lines.append(torch_definition(name, m))
        for name, (_, _, code) in LAWS.items():
            if name in NEEDS_C and not use_c:
                continue
            check = self._checks[name]
            if isinstance(check, str):
                verdict = "# cannot check yet"
            elif check.equal is None:
                verdict = "# raises an error here: " + (check.reason or check.message)
            elif check.max_difference is None:
                verdict = "# raises an error here: the two sides have different shapes"
            else:
                verdict = f"# {check.equal} here"
            lines.append(f"{code:<44} {verdict}")
        self.code_box.set_code("\n".join(lines))


def _sides(name: str, a: np.ndarray, b: np.ndarray, c: np.ndarray | None) -> tuple[OpResult, OpResult]:
    """Both sides of a law, computed with the core's operations (each may be undefined, with why)."""
    ab = matmul(a, b, ("A", "B"))
    if name == "Not commutative":
        return ab, matmul(b, a, ("B", "A"))
    if name == "Transpose of a product":
        return (transpose(ab.value, "AB") if ab.value is not None else ab), matmul(b.T, a.T, ("Bᵀ", "Aᵀ"))
    assert c is not None  # the other laws need C, and their sides are shown only when it is in use
    if name == "Associative":
        bc = matmul(b, c, ("B", "C"))
        return ((matmul(a, bc.value, ("A", "BC")) if bc.value is not None else bc),
                (matmul(ab.value, c, ("AB", "C")) if ab.value is not None else ab))
    s = add(b, c, ("B", "C"))
    ac = matmul(a, c, ("A", "C"))
    left = matmul(a, s.value, ("A", "B+C")) if s.value is not None else s
    right = add(ab.value, ac.value, ("AB", "AC")) if ab.value is not None and ac.value is not None else (
        ab if ab.value is None else ac)
    return left, right

"""Tensors of rank 0 to 3 — a scalar, a vector, a matrix and a stack of matrices — with their shapes,
what each holds in a network, and the PyTorch line that makes each (`tensor_examples`). The course
notes picture them as beads: one bead, beads on a line, a table of beads, a cube of beads."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from playground.core.explain.matrix_ops import TensorExample, describe_tensor, tensor_examples
from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import CARD_BORDER, MUTED_TEXT, monospace_font
from playground.ui.workspaces.matrices.matrix_display import CodeBox, MatrixGrid

BEADS = {  # shown as tr(BEADS[rank])
    0: N_("one bead: a single value"),
    1: N_("beads on a line: a 1-D array"),
    2: N_("a table of beads, in rows and columns: a 2-D array"),
    3: N_("a cube of beads: several tables stacked"),
}
VARIABLES = {0: "s", 1: "v", 2: "M", 3: "T"}


def tensor_literal(value: np.ndarray) -> str:
    """`torch.tensor(...)` that makes exactly `value`, for any rank."""
    return f"torch.tensor({np.asarray(value, dtype=float).tolist()!r})"


def example_code(example: TensorExample) -> str:
    """The core's line, with a placeholder list replaced by the example's own numbers."""
    return example.torch_code.replace("[...]", repr(example.value.tolist()), 1)


class TensorCard(QFrame):
    """One rank: its picture (cells), description, meaning and PyTorch line."""

    def __init__(self, example: TensorExample, parent: QWidget | None = None):
        super().__init__(parent)
        self.example = example
        self.setObjectName("tensorCard")
        self.setStyleSheet(f"#tensorCard {{ border: 1px solid {CARD_BORDER}; border-radius: 4px; }}")
        self.title_label = title = QLabel()
        self.beads_label = QLabel(tr(BEADS[example.rank]) if example.rank in BEADS else "")
        self.beads_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.shape_label = QLabel()
        self.meaning_label = QLabel()
        self.meaning_label.setWordWrap(True)
        self.retranslate()
        self.code_label = QLabel(example_code(example))
        self.code_label.setProperty("untranslatable", True)  # Python code
        self.code_label.setFont(monospace_font())
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grids: list[MatrixGrid] = []
        picture = QHBoxLayout()
        picture.setContentsMargins(0, 0, 0, 0)
        value = example.value
        matrices = [value.reshape(1, 1)] if value.ndim == 0 else [value.reshape(1, -1)] if value.ndim == 1 else (
            [value] if value.ndim == 2 else list(value))
        for k, m in enumerate(matrices):
            column = QVBoxLayout()
            column.setSpacing(1)
            if value.ndim == 3:
                index = QLabel(f"[{k}]")
                index.setStyleSheet(f"color: {MUTED_TEXT};")
                column.addWidget(index)
            grid = MatrixGrid(cell_width=30)
            grid.horizontalHeader().hide()
            grid.verticalHeader().hide()
            grid.show_matrix(m)
            self.grids.append(grid)
            column.addWidget(grid)
            picture.addLayout(column)
        picture.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        layout.addWidget(title)
        layout.addWidget(self.beads_label)
        layout.addLayout(picture)
        layout.addWidget(self.shape_label)
        layout.addWidget(self.meaning_label)
        layout.addWidget(self.code_label)
        layout.addStretch(1)

    def retranslate(self) -> None:
        """Title, shape and meaning in the current language."""
        example = self.example
        self.title_label.setText(tr("<b>Rank {rank} — {name}</b>").format(rank=example.rank, name=tr(example.name)))
        self.shape_label.setText(describe_tensor(example.value))
        meaning = tr(example.meaning)
        self.meaning_label.setText(tr("{meaning}.").format(meaning=meaning[:1].upper() + meaning[1:]))


class TensorRanksView(QWidget):
    """Four cards (rank 0–3), what the user's A is, and the code that makes them all."""

    def __init__(self, seed: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.examples = tensor_examples(seed)
        intro = QLabel(tr("PyTorch keeps all data as tensors. The rank is the number of indices a value needs; "
                          "the shape lists the size along each."))
        intro.setWordWrap(True)
        cards = QGridLayout()
        cards.setContentsMargins(0, 0, 0, 0)
        cards.setSpacing(8)
        self.cards = [TensorCard(e) for e in self.examples]
        for k, card in enumerate(self.cards):
            cards.addWidget(card, k // 2, k % 2)
        self.yours_label = QLabel()
        self.yours_label.setWordWrap(True)
        self.code_box = CodeBox("PyTorch", max_lines=9)
        lines = ["import torch"]
        for e in self.examples:
            name = VARIABLES.get(e.rank, f"t{e.rank}")
            lines.append(f"{name} = {tensor_literal(e.value)}   # {describe_tensor(e.value, translate=False)}")
        lines.append(f"for t in ({', '.join(VARIABLES.get(e.rank, f't{e.rank}') for e in self.examples)}):")
        lines.append("    print(t.ndim, tuple(t.shape))   # the rank and the shape")
        self.code_box.set_code("\n".join(lines))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(intro)
        layout.addLayout(cards)
        layout.addWidget(self.yours_label)
        layout.addWidget(self.code_box)
        layout.addStretch(1)
        self._yours: tuple[np.ndarray | None, str] = (None, "A")
        self.set_matrix(None)

    def set_matrix(self, a: np.ndarray | None, name: str = "A") -> None:
        """Relate the ranks to the user's own matrix: the matrix, one row of it, one entry."""
        self._yours = (a, name)
        if a is None:
            self.yours_label.setText(tr("Your {name}: fix its cells to see its rank and shape.").format(name=name))
            return
        self.yours_label.setText(tr(
            "Your {name} is a {matrix}; one row, {name}[0], is a {row}; one entry, {name}[0, 0], is a {entry}; "
            "torch.stack([{name}, {name}]) would be a {stack}.").format(
            name=name, matrix=describe_tensor(a), row=describe_tensor(a[0]), entry=describe_tensor(a[0, 0]),
            stack=describe_tensor(np.stack([a, a]))))

    def retranslate(self) -> None:
        self.set_matrix(*self._yours)

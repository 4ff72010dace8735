"""Read-only pieces the matrix panel's views share: how numbers are written, a grid that only
shows a matrix, the PyTorch code box with its Copy button, and the tensor literals in that code."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import tr
from playground.ui.widgets.palette import (
    CODE_BOX_BACKGROUND,
    CODE_BOX_TEXT,
    MUTED_TEXT,
    TINTED_CELL_TEXT,
    monospace_font,
)

CELL_WIDTH = 58
CELL_HEIGHT = 24


def fmt(value: float) -> str:
    """A number as the panel shows it: whole numbers without a point, others to 4 significant digits."""
    v = float(value)
    if not np.isfinite(v):
        return str(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.4g}"


def cell_text(value: float) -> str:
    """The text an editable cell gets for a value: exact when short, else 4 significant digits
    (the editor keeps the exact value behind it until the cell is edited)."""
    v = float(value)
    if not np.isfinite(v):
        return str(v)
    if v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    short = repr(v)
    return short if len(short) <= 7 else f"{v:.4g}"


def _literal_number(v: float) -> str:
    text = repr(float(v))
    # float32 numbers (weights loaded from the model) read back exactly from 8 significant digits
    return text if len(text) <= 12 else f"{float(v):.8g}"


def torch_literal(m: np.ndarray, indent: int = 0) -> str:
    """`torch.tensor([[1.0, 2.0], [3.0, 4.0]])` for a matrix; one row a line, as the course notes write
    it, when one line would be long. `indent` is the column the literal starts at."""
    rows = ["[" + ", ".join(_literal_number(v) for v in row) + "]" for row in np.atleast_2d(m)]
    one_line = f"torch.tensor([{', '.join(rows)}])"
    if len(one_line) + indent <= 80 or len(rows) == 1:
        return one_line
    pad = " " * (indent + len("torch.tensor(["))
    return "torch.tensor([" + (",\n" + pad).join(rows) + "])"


def torch_definition(name: str, m: np.ndarray) -> str:
    """`A = torch.tensor(...)   # 3×2`."""
    return f"{name} = {torch_literal(m, len(name) + 3)}   # {shape_of(m)}"


def shape_of(m: np.ndarray) -> str:
    return "×".join(str(d) for d in m.shape)


class MatrixGrid(QTableWidget):
    """A matrix in a grid with 1-based row and column headers. Read-only here; the editor makes its
    cells editable.

    The grid asks for exactly the room its cells need, up to `max_width` × `max_height` pixels; beyond
    that it scrolls inside. It never squeezes below that, so a row is never hidden behind a scroll bar:
    the scroll area around the panel's parts scrolls instead.
    """

    def __init__(self, parent: QWidget | None = None, cell_width: int = CELL_WIDTH,
                 max_width: int = 600, max_height: int = 13 * CELL_HEIGHT + 4):
        super().__init__(parent)
        self.setProperty("untranslatable", True)  # the cells are numbers (or what the user typed), not words
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        for header, size in ((self.horizontalHeader(), cell_width), (self.verticalHeader(), CELL_HEIGHT)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setMinimumSectionSize(16)
            header.setHighlightSections(False)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setMinimumWidth(22)
        self._values: np.ndarray | None = None
        self._min_width = min(cell_width, 44)
        self._max_width = max(cell_width, 96)
        self._max_hint = QSize(max_width, max_height)

    def sizeHint(self) -> QSize:
        frame = 2 * self.frameWidth()
        vertical, horizontal = self.verticalHeader(), self.horizontalHeader()
        # as QTableView places its headers: the larger of the minimum and the hint
        header_width = max(vertical.minimumWidth(), vertical.sizeHint().width())
        header_height = max(horizontal.minimumHeight(), horizontal.sizeHint().height())
        width = frame + horizontal.length() + (0 if vertical.isHidden() else header_width)
        height = frame + vertical.length() + (0 if horizontal.isHidden() else header_height)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        too_wide, too_tall = width > self._max_hint.width(), height > self._max_hint.height()
        if too_wide:
            width, height = self._max_hint.width(), height + bar  # room for the horizontal scroll bar
        if too_tall:
            height, width = self._max_hint.height(), width + bar
        return QSize(width, height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def fit_columns(self) -> None:
        """Each column as wide as its widest number (within limits), then a new size hint."""
        bold = QFont(self.font())
        bold.setBold(True)  # measured bold: the step-through makes its current cell bold
        metrics = QFontMetrics(bold)
        for c in range(self.columnCount()):
            items = (self.item(r, c) for r in range(self.rowCount()))
            texts = [item.text() for item in items if item is not None]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            self.horizontalHeader().resizeSection(c, max(self._min_width, min(self._max_width, widest + 14)))
        self.updateGeometry()

    def show_matrix(self, m: np.ndarray | None) -> None:
        """Show `m` (None: an empty grid, so no stale numbers stay on screen)."""
        self._values = None if m is None else np.array(m, dtype=np.float64, copy=True)
        values = self._values if self._values is not None else np.zeros((0, 0))
        rows, cols = values.shape
        self.setRowCount(rows)
        self.setColumnCount(cols)
        for r in range(rows):
            for c in range(cols):
                self.set_cell(r, c, fmt(values[r, c]), f"{values[r, c]!r}")
        self.clear_styles()
        self.fit_columns()

    def set_cell(self, r: int, c: int, text: str, tooltip: str = "") -> None:
        item = self.item(r, c)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(r, c, item)
        item.setText(text)
        item.setToolTip(tooltip)

    def values(self) -> np.ndarray | None:
        """The matrix last shown (None when the grid is empty)."""
        return None if self._values is None else self._values.copy()

    def texts(self) -> list[list[str]]:
        return [[item.text() if (item := self.item(r, c)) else "" for c in range(self.columnCount())]
                for r in range(self.rowCount())]

    def clear_styles(self) -> None:
        for r in range(self.rowCount()):
            for c in range(self.columnCount()):
                self.style_cell(r, c, None)

    def style_cell(self, r: int, c: int, tint: str | None, bold: bool = False) -> None:
        item = self.item(r, c)
        if item is None:
            return
        item.setBackground(QBrush(QColor(tint)) if tint else QBrush())
        item.setForeground(QBrush(QColor(TINTED_CELL_TEXT)) if tint else QBrush())
        font = item.font()
        font.setBold(bold)
        item.setFont(font)

    def cell_tint(self, r: int, c: int) -> str | None:
        """The background colour name of a cell (None when it has none); for tests and screenshots."""
        item = self.item(r, c)
        if item is None or item.background().style() == Qt.BrushStyle.NoBrush:
            return None
        return item.background().color().name().upper()


class CodeBox(QWidget):
    """The PyTorch code that does what the panel shows, in a monospace box with a Copy button."""

    def __init__(self, title: str = "PyTorch", parent: QWidget | None = None, max_lines: int = 8):
        super().__init__(parent)
        self._max_lines = max_lines
        self.title = QLabel(f"<b>{title}</b>")
        self.editor = QPlainTextEdit()
        self.editor.setProperty("untranslatable", True)  # code stays as Python writes it
        self.editor.setReadOnly(True)
        self.editor.setFont(monospace_font())
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setStyleSheet(f"QPlainTextEdit {{ background: {CODE_BOX_BACKGROUND}; color: {CODE_BOX_TEXT}; }}")
        self.editor.setTabChangesFocus(True)
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy this code to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        self.copied_label = QLabel()
        self.copied_label.setStyleSheet(f"color: {MUTED_TEXT};")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.copied_label)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.editor)
        self.set_code("")

    def set_code(self, code: str) -> None:
        if code != self.editor.toPlainText():
            self.editor.setPlainText(code)
            self.copied_label.clear()
        lines = min(max(code.count("\n") + 1, 2), self._max_lines)
        metrics = self.editor.fontMetrics()
        scrollbar = self.editor.horizontalScrollBar().sizeHint().height()
        self.editor.setFixedHeight(lines * metrics.lineSpacing() + 2 * self.editor.frameWidth() + 10 + scrollbar)
        self.copy_button.setEnabled(bool(code))

    def text(self) -> str:
        return self.editor.toPlainText()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copied_label.setText(tr("copied"))

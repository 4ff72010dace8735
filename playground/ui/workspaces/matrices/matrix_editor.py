"""An editable matrix (A, B or C of the matrix panel), up to 12×12.

Each cell is parsed as it is typed (`parse_cell`). A bad entry — text, an empty cell, NaN, a number
too large — is a normal state, never an exception: the cell turns red with the message as its
tooltip and in the line under the grid, the other cells keep their values, and `matrix()` returns
None until it is fixed, so the views say "fix A first" instead of showing stale numbers.

Whole-matrix changes (paste, fill, resize, load from the model) and cell edits go through
`undo_stack`, so Ctrl+Z on the grid gives the previous matrix back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.matrix_ops import MAX_SIDE, MatrixInputError, format_matrix, parse_cell, parse_matrix
from playground.core.i18n import N_, tr, trn
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import ERROR_TINT
from playground.ui.workspaces.matrices.matrix_display import CELL_HEIGHT, MatrixGrid, cell_text

FILLS = {  # shown as tr(FILLS[kind])
    "random-int": N_("Random integers (−5 … 5)"),
    "random-decimal": N_("Random decimals (−1 … 1)"),
    "counting": N_("Integers 1, 2, 3, … (row by row)"),
    "identity": N_("Identity (1 on the diagonal, 0 elsewhere)"),
    "zeros": N_("Zeros"),
}
VECTOR_NOTE = N_("A vector becomes one row (1×n), the way PyTorch holds one example (x @ W.T + b); "
                 "the transpose turns it into a column.")

Note = Callable[[], str]
"""A note or notice kept on screen, as a function giving its text in the current language (so it
follows a language switch)."""


def _no_note() -> str:
    return ""


def _fixed(text: str) -> Note:
    return (lambda: text) if text else _no_note


@dataclass
class _State:
    """Everything undo needs: the texts typed, the values behind them (exact when set from an array),
    the bad cells and the note about where the numbers came from (`as_row`: a vector shown as a row)."""

    texts: list[list[str]]
    values: np.ndarray
    errors: dict[tuple[int, int], MatrixInputError] = field(default_factory=dict)
    note: Note = _no_note
    as_row: bool = False

    def copy(self) -> _State:
        return _State([list(r) for r in self.texts], self.values.copy(), dict(self.errors), self.note, self.as_row)

    @property
    def shape(self) -> tuple[int, int]:
        return self.values.shape


def _state_from_array(m: np.ndarray, note: Note = _no_note, as_row: bool = False) -> _State:
    m = np.asarray(m, dtype=np.float64)
    texts = [[cell_text(v) for v in row] for row in m]
    state = _State(texts, m.copy(), {}, note, as_row)
    for r, row in enumerate(texts):  # NaN or huge numbers loaded from a diverged model are bad cells too
        for c, t in enumerate(row):
            if not np.isfinite(m[r, c]) or abs(m[r, c]) > 1e12:
                _set_text(state, r, c, t)
    return state


def _set_text(state: _State, r: int, c: int, text: str) -> None:
    state.texts[r][c] = text
    try:
        state.values[r, c] = parse_cell(text, r, c)
        state.errors.pop((r, c), None)
    except MatrixInputError as e:
        state.values[r, c] = np.nan
        state.errors[(r, c)] = e


class _StateCommand(QUndoCommand):
    RESIZE_ID = 1

    def __init__(self, editor: MatrixEditor, before: _State, after: _State, text: str, merge_id: int = -1):
        super().__init__(text)
        self._editor, self._before, self._after, self._merge_id = editor, before, after, merge_id

    def redo(self) -> None:
        self._editor._apply(self._after)

    def undo(self) -> None:
        self._editor._apply(self._before)

    def id(self) -> int:  # Qt override
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.id() != self.id() or not isinstance(other, _StateCommand):
            return False
        self._after = other._after
        return True


class EditableGrid(MatrixGrid):
    """The editor's grid: typing edits a cell; Ctrl+V pastes, Ctrl+C copies the selected block,
    Delete puts 0 in the selected cells, Ctrl+Z / Ctrl+Shift+Z undo and redo."""

    paste_requested = Signal()
    copy_requested = Signal()
    delete_requested = Signal()
    undo_requested = Signal()
    redo_requested = Signal()

    _KEYS = (
        (QKeySequence.StandardKey.Paste, "paste_requested"),
        (QKeySequence.StandardKey.Copy, "copy_requested"),
        (QKeySequence.StandardKey.Undo, "undo_requested"),
        (QKeySequence.StandardKey.Redo, "redo_requested"),
    )

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, max_width=480, max_height=8 * CELL_HEIGHT + 30)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _signal_for(self, event: QKeyEvent):
        for key, name in self._KEYS:
            if event.matches(key):
                return getattr(self, name)
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
            return self.delete_requested
        return None

    def event(self, event: QEvent) -> bool:
        # Claim these keys before a window-wide shortcut (an Edit menu's Ctrl+V or Ctrl+Z) takes them.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and self.state() != QAbstractItemView.State.EditingState and self._signal_for(event) is not None):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        signal = self._signal_for(event)
        if signal is not None:
            signal.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt override
        """Tab walks the cells and leaves the grid after the last one (Shift+Tab: before the first):
        a table's Tab otherwise wraps around for ever, and keyboard users could not get out."""
        index, model = self.currentIndex(), self.model()
        if self.state() != QAbstractItemView.State.EditingState and model is not None and index.isValid():
            last = (model.rowCount() - 1, model.columnCount() - 1) if next else (0, 0)
            at_end = (index.row(), index.column()) == last
            if at_end:
                return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


class MatrixEditor(QWidget):
    """One editable matrix with its size, paste/copy, fill and load-from-model controls.

    Signals:
        changed(): after every change of the numbers, the size or the bad cells (also on undo/redo).
    """

    changed = Signal()

    def __init__(self, name: str, matrix: np.ndarray | None = None, rng: np.random.Generator | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self._rng = rng if rng is not None else np.random.default_rng(0)
        self._sources: dict[str, np.ndarray] = {}
        self._highlight_rows: set[int] = set()
        self._highlight_cols: set[int] = set()
        self._highlight_tint: str | None = None
        self._notice: Note = _no_note  # why the last paste or load did nothing; cleared by the next change
        self.undo_stack = QUndoStack(self)
        self._state = _state_from_array(np.zeros((2, 2)) if matrix is None else matrix)

        self.title_label = QLabel(f"<span style='font-size: 13pt; font-weight: bold;'>{name}</span>")
        self.shape_label = QLabel()
        self.rows_spin = self._spin()
        self.cols_spin = self._spin()
        times = QLabel("×")
        self.paste_button = self._tool(tr("Paste"))
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.copy_button = self._tool(tr("Copy"))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.fill_button = self._tool(tr("Fill ▾"))
        fill_menu = QMenu(self.fill_button)
        self.fill_actions: dict[str, QAction] = {}
        for kind, text in FILLS.items():
            act = fill_menu.addAction(tr(text))
            act.triggered.connect(lambda _=False, k=kind: self.fill(k))
            self.fill_actions[kind] = act
        self.fill_button.setMenu(fill_menu)
        self.fill_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.model_button = self._tool(tr("From model ▾"))
        self.model_menu = QMenu(self.model_button)
        self.model_button.setMenu(self.model_menu)
        self.model_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.grid = EditableGrid()
        self.grid.itemChanged.connect(self._on_item_changed)
        self.grid.paste_requested.connect(self._paste_at_cursor)
        self.grid.copy_requested.connect(self._copy_selection)
        self.grid.delete_requested.connect(self._zero_selection)
        self.grid.undo_requested.connect(self.undo_stack.undo)
        self.grid.redo_requested.connect(self.undo_stack.redo)
        self.note_label = note_label("info")  # where the numbers came from (cropped, a vector as a row)
        self.message_label = note_label("error")  # bad cells, a paste that could not be read

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(4)
        top.addWidget(self.title_label)
        top.addWidget(self.shape_label)
        top.addStretch(1)
        top.addWidget(self.rows_spin)
        top.addWidget(times)
        top.addWidget(self.cols_spin)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for b in (self.paste_button, self.copy_button, self.fill_button, self.model_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.note_label)  # above the grid: read before the numbers it describes
        layout.addWidget(self.grid)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.set_sources({})
        self._set_tips()
        self._apply(self._state)

    def _spin(self) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, MAX_SIDE)
        spin.setKeyboardTracking(False)  # typing 12 resizes once, not to 1 and then 12
        spin.valueChanged.connect(lambda _: self.set_shape(self.rows_spin.value(), self.cols_spin.value()))
        return spin

    def _set_tips(self) -> None:
        """The tool tips that name the matrix (again on a language switch)."""
        name = self.name
        self.rows_spin.setToolTip(tr("Number of rows of {name} (1 to {max})").format(name=name, max=MAX_SIDE))
        self.rows_spin.setAccessibleName(tr("{name} rows").format(name=name))
        self.cols_spin.setToolTip(tr("Number of columns of {name} (1 to {max})").format(name=name, max=MAX_SIDE))
        self.cols_spin.setAccessibleName(tr("{name} columns").format(name=name))
        self.paste_button.setToolTip(tr("Replace {name} with a matrix from the clipboard: CSV, numbers separated by "
                                        "spaces (one row a line) or a list such as [[1, 2], [3, 4]]. Ctrl+V on the "
                                        "grid does the same.").format(name=name))
        self.copy_button.setToolTip(tr("Copy {name} to the clipboard, one row a line (Ctrl+C on the grid copies the "
                                       "selected cells)").format(name=name))
        self.fill_button.setToolTip(tr("Fill {name} with random numbers, counting integers, the identity or "
                                       "zeros").format(name=name))
        self.model_button.setToolTip(
            tr("Load a weight matrix, a bias, an input or an activation of the current model into {name}; larger "
               "than {side}×{side} shows its top-left block. {vector_note}").format(
                name=name, side=MAX_SIDE, vector_note=tr(VECTOR_NOTE)))

    def retranslate(self) -> None:
        """Texts built from the name and values, in the current language (after a language switch)."""
        self._set_tips()
        state = self._state  # bad cells say why in the current language: str(error) translates
        set_note(self.note_label, state.note())
        self.note_label.setToolTip(tr(VECTOR_NOTE) if state.as_row else "")
        self._paint()
        self._show_messages()

    def _tool(self, text: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")  # ▾ is in the text
        return button

    # -- reading ---------------------------------------------------------------------------------------
    def matrix(self) -> np.ndarray | None:
        """The numbers, or None while a cell is not a number (see `error`)."""
        return None if self._state.errors else self._state.values.copy()

    def shape(self) -> tuple[int, int]:
        return self._state.shape

    def error(self) -> MatrixInputError | None:
        """The first bad cell, row by row (None when every cell is a number)."""
        if not self._state.errors:
            return None
        return self._state.errors[min(self._state.errors)]

    def bad_cells(self) -> list[tuple[int, int]]:
        return sorted(self._state.errors)

    def cell_texts(self) -> list[list[str]]:
        return [list(r) for r in self._state.texts]

    def note(self) -> str:
        return self._state.note()

    def message(self) -> str:
        """The text under the grid: the first bad cell, or why the last paste changed nothing."""
        return self.message_label.text()

    # -- changing --------------------------------------------------------------------------------------
    def set_matrix(self, m: np.ndarray, note: str = "", description: str | None = None) -> None:
        """Show `m` (2-D, at most 12×12); one undo step."""
        m = np.asarray(m, dtype=np.float64)
        if m.ndim != 2 or not (1 <= m.shape[0] <= MAX_SIDE and 1 <= m.shape[1] <= MAX_SIDE):
            raise ValueError(f"{self.name} must be 2-D and at most {MAX_SIDE}×{MAX_SIDE}, not {m.shape}")
        self._commit(_state_from_array(m, _fixed(note)), description or tr("Set {name}").format(name=self.name))

    def set_cell_text(self, r: int, c: int, text: str) -> None:
        """Type `text` into cell (r, c), as the user would."""
        item = self.grid.item(r, c)
        assert item is not None, "every cell of the grid holds an item"
        item.setText(text)

    def set_shape(self, rows: int, cols: int) -> None:
        """Resize, keeping the numbers that still fit; new cells are 0."""
        rows, cols = max(1, min(MAX_SIDE, rows)), max(1, min(MAX_SIDE, cols))
        if (rows, cols) == self.shape():
            return
        old = self._state
        values = np.zeros((rows, cols))
        texts = [["0"] * cols for _ in range(rows)]
        errors = {}
        for r in range(min(rows, old.shape[0])):
            for c in range(min(cols, old.shape[1])):
                values[r, c], texts[r][c] = old.values[r, c], old.texts[r][c]
                if (r, c) in old.errors:
                    errors[(r, c)] = old.errors[(r, c)]
        self._commit(_State(texts, values, errors, old.note, old.as_row),
                     tr("Resize {name} to {rows}×{cols}").format(name=self.name, rows=rows, cols=cols),
                     _StateCommand.RESIZE_ID)

    def paste_text(self, text: str) -> bool:
        """Replace the matrix with pasted text (`parse_matrix`). A malformed paste changes nothing and
        shows why; returns whether it was read."""
        try:
            m = parse_matrix(text)
        except MatrixInputError as e:
            error = e  # `e` is gone after the except block; the notice says it again on a language switch
            self._show_notice(lambda: tr("Nothing pasted: {reason}").format(reason=error))
            return False
        self._commit(_state_from_array(m), tr("Paste into {name}").format(name=self.name))
        return True

    def paste_from_clipboard(self) -> bool:
        return self.paste_text(QGuiApplication.clipboard().text())

    def _paste_at_cursor(self) -> None:
        # One number goes into the current cell, as in a spreadsheet; anything larger replaces the matrix.
        text = QGuiApplication.clipboard().text()
        current = self.grid.currentItem()
        try:
            m = parse_matrix(text)
        except MatrixInputError:
            m = None
        if m is not None and m.shape == (1, 1) and current is not None:
            self.set_cell_text(current.row(), current.column(), cell_text(m[0, 0]))
            return
        self.paste_text(text)

    def copy_to_clipboard(self) -> None:
        """The whole matrix (`format_matrix`); while a cell is bad, the cells as typed."""
        m = self.matrix()
        QGuiApplication.clipboard().setText(format_matrix(m) if m is not None else "\n".join(
            "\t".join(row) for row in self._state.texts))

    def _copy_selection(self) -> None:
        ranges = self.grid.selectedRanges()
        if not ranges:
            self.copy_to_clipboard()
            return
        top = min(r.topRow() for r in ranges)
        bottom = max(r.bottomRow() for r in ranges)
        left = min(r.leftColumn() for r in ranges)
        right = max(r.rightColumn() for r in ranges)
        block = [self._state.texts[r][left:right + 1] for r in range(top, bottom + 1)]
        QGuiApplication.clipboard().setText("\n".join("\t".join(row) for row in block))

    def _zero_selection(self) -> None:
        cells = [(i.row(), i.column()) for i in self.grid.selectedItems()]
        if not cells:
            return
        state = self._state.copy()
        for r, c in cells:
            _set_text(state, r, c, "0")
        self._commit(state, tr("Clear cells of {name}").format(name=self.name))

    def fill(self, kind: str) -> None:
        """Fill the current size: random-int, random-decimal, counting, identity or zeros."""
        rows, cols = self.shape()
        if kind == "random-int":
            m = self._rng.integers(-5, 6, (rows, cols)).astype(float)
        elif kind == "random-decimal":
            m = np.round(self._rng.uniform(-1, 1, (rows, cols)), 2)
        elif kind == "counting":
            m = np.arange(1, rows * cols + 1, dtype=float).reshape(rows, cols)
        elif kind == "identity":
            m = np.eye(rows, cols)
        elif kind == "zeros":
            m = np.zeros((rows, cols))
        else:
            raise ValueError(f"unknown fill {kind!r}")
        note = _no_note if kind != "identity" or rows == cols else (
            lambda: tr("The identity is square; this {rows}×{cols} matrix has 1s on its diagonal only.").format(
                rows=rows, cols=cols))
        self._commit(_state_from_array(m, note), tr("Fill {name}: {fill}").format(name=self.name, fill=tr(FILLS[kind])))

    # -- the model's matrices -----------------------------------------------------------------------------
    def set_sources(self, sources: dict[str, np.ndarray]) -> None:
        """The arrays "From model" offers (name → array)."""
        self._sources = dict(sources)
        self.model_menu.clear()
        if not self._sources:
            act = self.model_menu.addAction(tr("No model yet: build or train a network first"))
            act.setEnabled(False)
        for name in self._sources:
            act = self.model_menu.addAction(name)
            act.triggered.connect(lambda _=False, n=name: self.load_source(n))

    def source_names(self) -> list[str]:
        return list(self._sources)

    def load_source(self, name: str) -> None:
        """Load the model's array `name`, cropped to the top-left 12×12 with a note saying so."""
        if name not in self._sources:
            self._show_notice(lambda: tr("{name} is no longer in the model.").format(name=name))
            return
        array = np.asarray(self._sources[name])
        m, note = _as_matrix(array, name)
        if m is None:
            self._show_notice(note)
            return
        self._commit(_state_from_array(m, note, as_row=array.ndim == 1),
                     tr("Load {source} into {name}").format(source=name, name=self.name))

    # -- highlighting (the A·B step-through) ------------------------------------------------------------
    def set_highlight(self, rows: set[int] | tuple = (), cols: set[int] | tuple = (), tint: str | None = None) -> None:
        """Tint whole rows and/or columns (bad cells stay red)."""
        self._highlight_rows, self._highlight_cols, self._highlight_tint = set(rows), set(cols), tint
        self._paint()

    def highlighted(self) -> tuple[set[int], set[int]]:
        return set(self._highlight_rows), set(self._highlight_cols)

    # -- internals -------------------------------------------------------------------------------------
    def _commit(self, state: _State, description: str, merge_id: int = -1) -> None:
        self.undo_stack.push(_StateCommand(self, self._state.copy(), state.copy(), description, merge_id))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        r, c = item.row(), item.column()
        if r >= len(self._state.texts) or c >= len(self._state.texts[r]) or item.text() == self._state.texts[r][c]:
            return
        state = self._state.copy()
        _set_text(state, r, c, item.text())
        self._commit(state, tr("Edit {name}[{row}][{col}]").format(name=self.name, row=r + 1, col=c + 1))

    def _apply(self, state: _State) -> None:
        self._state = state.copy()
        self._notice = _no_note
        rows, cols = state.shape
        for spin, value in ((self.rows_spin, rows), (self.cols_spin, cols)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.grid.blockSignals(True)
        try:
            if (self.grid.rowCount(), self.grid.columnCount()) != (rows, cols):
                self.grid.setRowCount(rows)
                self.grid.setColumnCount(cols)
            for r in range(rows):
                for c in range(cols):
                    item = self.grid.item(r, c)
                    if item is None:
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                        self.grid.setItem(r, c, item)
                    if item.text() != state.texts[r][c]:
                        item.setText(state.texts[r][c])
            self._highlight_rows = {r for r in self._highlight_rows if r < rows}
            self._highlight_cols = {c for c in self._highlight_cols if c < cols}
            self._paint()
            self.grid.fit_columns()
        finally:
            self.grid.blockSignals(False)
        self.shape_label.setText(f"{rows}×{cols}")
        set_note(self.note_label, state.note())
        self.note_label.setToolTip(tr(VECTOR_NOTE) if state.as_row else "")
        self._show_messages()
        self.changed.emit()

    def _paint(self) -> None:
        blocked = self.grid.blockSignals(True)
        try:
            for r in range(self.grid.rowCount()):
                for c in range(self.grid.columnCount()):
                    item = self.grid.item(r, c)
                    if item is None:
                        continue
                    error = self._state.errors.get((r, c))
                    if error is not None:
                        self.grid.style_cell(r, c, ERROR_TINT)
                        item.setToolTip(str(error))
                        continue
                    lit = r in self._highlight_rows or c in self._highlight_cols
                    self.grid.style_cell(r, c, self._highlight_tint if lit else None)
                    item.setToolTip(_value_tip(self._state.texts[r][c], self._state.values[r, c]))
        finally:
            self.grid.blockSignals(blocked)

    def _show_notice(self, notice: Note) -> None:
        self._notice = notice
        self._show_messages()

    def _show_messages(self) -> None:
        notice = self._notice()
        lines = [notice] if notice else []
        error = self.error()
        if error is not None:
            more = len(self._state.errors) - 1
            if not more:
                lines.append(str(error))
            else:
                lines.append(trn("{error} (and %n more cell)", "{error} (and %n more cells)", more).format(error=error))
        set_note(self.message_label, "\n".join(lines))


def as_matrix(array: np.ndarray, name: str) -> tuple[np.ndarray | None, str]:
    """A model array as a matrix of at most 12×12, and the note saying what is shown.

    A vector becomes one row; more than two dimensions show the first matrix; anything larger than
    12×12 its top-left block ("showing rows 1–12 of 128, columns 1–12 of 784").
    """
    m, note = _as_matrix(array, name)
    return m, note()


def _as_matrix(array: np.ndarray, name: str) -> tuple[np.ndarray | None, Note]:
    """`as_matrix` with the note as a function, so it can be said again in another language."""
    a = np.asarray(array)
    if a.size == 0:
        return None, lambda: tr("{name} is empty: nothing to load.").format(name=name)
    if not np.issubdtype(a.dtype, np.number) or np.iscomplexobj(a):
        return None, lambda: tr("{name} does not hold real numbers.").format(name=name)
    full_shape = a.shape
    parts: list[Note] = []
    if a.ndim == 0:
        a = a.reshape(1, 1)
    elif a.ndim == 1:
        a = a.reshape(1, -1)
        parts.append(lambda: tr("a vector of {count}, shown as one row as PyTorch holds one example").format(
            count=full_shape[0]))
    elif a.ndim > 2:
        lead = a.ndim - 2
        a = a[(0,) * lead]
        index = ", ".join(["0"] * lead + [":", ":"])
        shape, first = "×".join(str(d) for d in full_shape), f"{a.shape[0]}×{a.shape[1]}"
        parts.append(lambda: tr("a {shape} tensor; its first matrix [{index}] is {first}").format(
            shape=shape, index=index, first=first))
    rows, cols = a.shape
    if rows > MAX_SIDE or cols > MAX_SIDE:
        parts.append(lambda: _cropped(rows, cols))
        a = a[:MAX_SIDE, :MAX_SIDE]

    def note() -> str:
        if not parts:
            return tr("From {name}.").format(name=name)
        return tr("From {name}: {what}.").format(name=name, what=tr("; ").join(part() for part in parts))

    return np.array(a, dtype=np.float64), note


def _cropped(rows: int, cols: int) -> str:
    """Which block of a rows×cols array larger than 12×12 is shown."""
    shown_rows = tr("rows 1–{side} of {count}").format(side=MAX_SIDE, count=rows) if rows > MAX_SIDE else None
    shown_cols = tr("columns 1–{side} of {count}").format(side=MAX_SIDE, count=cols) if cols > MAX_SIDE else None
    if shown_rows and shown_cols:
        return tr("showing {rows}, {columns}").format(rows=shown_rows, columns=shown_cols)
    if shown_cols:
        return (tr("showing {columns}") if rows == 1 else
                tr("showing {columns} (all {count} rows)")).format(columns=shown_cols, count=rows)
    return (tr("showing {rows}") if cols == 1 else
            tr("showing {rows} (all {count} columns)")).format(rows=shown_rows, count=cols)


def _value_tip(text: str, value: float) -> str:
    """'= 0.5' when the text typed ("1/2", "pi") or shown (rounded) is not the exact value used."""
    try:
        if float(text) == value:
            return ""
    except ValueError:
        pass
    return f"= {value!r}"

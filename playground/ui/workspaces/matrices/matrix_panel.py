"""The matrix panel: the linear algebra a network runs on, on numbers the user types, pastes or loads
from the model.

Editors for A, B (and C, for the three-matrix laws) sit above five tabs: A·B step by step
(C[i][j] = A[i,:]·B[:,j]), the entry-by-entry operations and transposes, the laws checked on these
numbers, tensors of rank 0–3, and a dense layer of the model as x·Wᵀ + b. Every number comes from
`playground.core.explain.matrix_ops`; this module only arranges the views and passes matrices between them.
A matrix with a bad cell never reaches a view: the views say "fix A first: ..." instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from playground.core.i18n import tr
from playground.ui.widgets.palette import COLUMN_TINT, HINT_FONT_SIZE, MUTED_TEXT, ROW_TINT
from playground.ui.workspaces.matrices.dense_product_view import DenseLayerOption, DenseProductView
from playground.ui.workspaces.matrices.matrix_editor import MatrixEditor
from playground.ui.workspaces.matrices.matrix_laws_view import LawsView
from playground.ui.workspaces.matrices.matrix_operations_view import OperationsView
from playground.ui.workspaces.matrices.matrix_stepper import MatmulStepper
from playground.ui.workspaces.matrices.tensor_ranks_view import TensorRanksView

__all__ = ["MatrixPanel", "DenseLayerOption"]

# The course notes' example (A 3×2, B 2×3), so the panel opens on the numbers the notes multiply.
DEFAULT_A = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
DEFAULT_B = np.array([[6.0, 5.0, 4.0], [3.0, 2.0, 1.0]])
TAB_STEP, TAB_OPERATIONS, TAB_LAWS, TAB_TENSORS, TAB_DENSE = range(5)
# objectName of each tab's page, to find a tab without reading its (translated) title
TAB_NAMES = ("matrix_step", "matrix_operations", "matrix_laws", "matrix_tensors", "matrix_dense")
TABS_WITHOUT_EDITORS = (TAB_TENSORS, TAB_DENSE)
EDITORS_MAX_SHARE = 0.55  # the editors take their natural height, up to this share of the panel


class MatrixPanel(QWidget):
    """A, B and C with the operations, laws, tensors and the dense-layer view.

    The window calls `set_model_sources` (arrays the "From model" menus offer) and `set_dense_layers`
    (one option per Linear layer) whenever the model changes.
    """

    def __init__(self, seed: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        rng = np.random.default_rng(seed)  # one seed: every Fill → Random is reproducible
        self.editor_a = MatrixEditor("A", DEFAULT_A, rng)
        self.editor_b = MatrixEditor("B", DEFAULT_B, rng)
        self.editor_c = MatrixEditor("C", np.array([[1.0, 0.0, 2.0], [0.0, 1.0, -1.0]]), rng)
        self.editors = {"A": self.editor_a, "B": self.editor_b, "C": self.editor_c}
        self.editor_c.hide()

        editors = QWidget()
        row = QHBoxLayout(editors)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(14)
        for editor in self.editors.values():
            row.addWidget(editor, 0, Qt.AlignmentFlag.AlignTop)
            editor.changed.connect(self._refresh)
        row.addStretch(1)
        self._editors_row = editors  # the scroll area's widget (its natural size is what fits)
        self.editors_area = QScrollArea()
        self.editors_area.setWidget(editors)
        self.editors_area.setWidgetResizable(True)
        self.editors_area.setFrameShape(QFrame.Shape.NoFrame)

        self.stepper = MatmulStepper()
        self.operations = OperationsView()
        self.laws = LawsView()
        self.tensors = TensorRanksView(seed)
        self.dense = DenseProductView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        pages = (
            (self.stepper, tr("A·B step by step"),
             tr("C[i][j] = A[i,:]·B[:,j]: the matrix product one cell at a time")),
            (self.operations, "A + B, k·A, A ⊙ B, Aᵀ", tr("Entry-by-entry operations and the transpose")),
            (self.laws, tr("Laws"),
             tr("AB vs BA, (AB)ᵀ = BᵀAᵀ, A(BC) = (AB)C, A(B+C) = AB + AC on these numbers")),
            (self.tensors, tr("Tensors (rank 0–3)"),
             tr("Scalar, vector, matrix and a stack of matrices in PyTorch")),
            (self.dense, tr("Dense layer = x·Wᵀ + b"), tr("A Linear layer of the model as a matrix product")))
        for object_name, (widget, title, tip) in zip(TAB_NAMES, pages):
            scroll = QScrollArea()  # small windows: a view scrolls rather than squashing its grids
            scroll.setObjectName(object_name)
            scroll.setWidget(widget)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            self.tabs.setTabToolTip(self.tabs.addTab(scroll, title), tip)
        self.tabs.currentChanged.connect(self._on_tab)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.editors_area)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._user_sized = False  # once the user drags the splitter, the panel stops sizing the editors
        self.splitter.splitterMoved.connect(lambda *_: setattr(self, "_user_sized", True))
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.timeout.connect(self._fit_editors)
        editors.installEventFilter(self)  # any change of the editors' size (a message, a note) refits
        self.hint_label = QLabel(tr("Type in a cell, paste a matrix (Ctrl+V) or load one from the model. "
                                    "Ctrl+Z on a grid undoes."))
        self.hint_label.setStyleSheet(f"color: {MUTED_TEXT}; font-size: {HINT_FONT_SIZE};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.splitter, 1)

        self.stepper.cell_changed.connect(self._highlight)
        self.laws.use_c_toggled.connect(self.set_c_visible)
        self._refresh()

    # -- what the window calls -------------------------------------------------------------------------
    def set_model_sources(self, sources: dict[str, np.ndarray]) -> None:
        """Arrays the "From model" menus list, name → array ("W^[1] (fc1.weight) 128×784", "b^[1]", ...)."""
        for editor in self.editors.values():
            editor.set_sources(sources)

    def set_dense_layers(self, options: Sequence[DenseLayerOption | Sequence]) -> None:
        """Per Linear layer: (label, x as 1×n, weight, bias, activation name, a after the activation)."""
        self.dense.set_layers(options)

    # -- convenience -------------------------------------------------------------------------------------
    def set_matrices(self, a: np.ndarray | None = None, b: np.ndarray | None = None,
                     c: np.ndarray | None = None) -> None:
        """Set any of A, B, C (each one undo step in its editor)."""
        for name, m in (("A", a), ("B", b), ("C", c)):
            if m is not None:
                self.editors[name].set_matrix(m)

    def set_c_visible(self, visible: bool) -> None:
        """Show C (and check the laws that need it) or hide it."""
        self.editor_c.setVisible(visible)
        self._refresh()

    def c_visible(self) -> bool:
        return not self.editor_c.isHidden()

    def problems(self) -> dict[str, str]:
        """"A" → "fix A first: row 2, column 3: 'x' is not a number." for each matrix with a bad cell."""
        out = {}
        for name, editor in self.editors.items():
            error = editor.error()
            if error is not None and (name != "C" or self.c_visible()):
                out[name] = tr("fix {name} first: {error}").format(name=name, error=error)
        return out

    def tab_index(self, object_name: str) -> int:
        """The index of the tab whose page is called `object_name` (one of TAB_NAMES); -1 when none is."""
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and page.objectName() == object_name:
                return i
        return -1

    def retranslate(self) -> None:
        """Every message built from the numbers, again in the current language."""
        self._refresh()

    # -- internals ---------------------------------------------------------------------------------------
    def _refresh(self) -> None:
        a, b = self.editor_a.matrix(), self.editor_b.matrix()
        c = self.editor_c.matrix() if self.c_visible() else None
        problems = self.problems()
        ab_problem = problems.get("A") or problems.get("B")
        self.stepper.set_operands(a, b, ab_problem)
        self.operations.set_operands(a, b, problems)
        self.laws.set_operands(a, b, c, problems, self.c_visible())
        self.tensors.set_matrix(a)
        self._highlight(self.stepper.position())
        self._fit_timer.start(0)  # after the layouts have taken the new sizes in

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_timer.start(0)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_editors()

    def _fit_editors(self) -> None:
        """Give the editors their natural height (all rows of small matrices visible), within limits."""
        total = self.splitter.height()
        if self._user_sized or total <= 0 or self.editors_area.isHidden():
            return
        want = self._editors_row.sizeHint().height() + 2 * self.editors_area.frameWidth()
        if self._editors_row.sizeHint().width() > self.editors_area.width():
            want += self.editors_area.horizontalScrollBar().sizeHint().height()
        top = min(want, max(int(total * EDITORS_MAX_SHARE), 150))
        self.splitter.setSizes([top, total - top - self.splitter.handleWidth()])

    def _on_tab(self, index: int) -> None:
        self.editors_area.setVisible(index not in TABS_WITHOUT_EDITORS)  # those views do not use A, B, C
        self._fit_timer.start(0)
        self._highlight(self.stepper.position())

    def _highlight(self, cell: tuple[int, int] | None) -> None:
        """Row i of A and column j of B while the step-through shows C[i][j] (only on its tab)."""
        if cell is None or self.tabs.currentIndex() != TAB_STEP:
            self.editor_a.set_highlight()
            self.editor_b.set_highlight()
            return
        i, j = cell
        self.editor_a.set_highlight(rows={i}, tint=ROW_TINT)
        self.editor_b.set_highlight(cols={j}, tint=COLUMN_TINT)

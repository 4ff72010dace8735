"""The frame of a step-through page (Look inside ▸ Step through): what the learner picks on top, a one-line note,
the numpy-vs-PyTorch strip, the step controls and the page's own parts, scrolled.

A page draws an answer computed elsewhere (`show_steps`), or says why there is none: `problem` (nothing can be
computed: no network, no digit; English until shown) or `message` (what the last computation said instead of an
answer). Subclasses build their parts, call `lay_out`, and implement `draw_answer` and `_render`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from playground.core.i18n import tr
from playground.ui.widgets.notice_box import note_label, set_note
from playground.ui.widgets.palette import MUTED_TEXT, NOTICE_EDGES, NOTICE_TEXT, NOTICE_TINTS
from playground.ui.widgets.step_controls import StepControls

AGREEMENT_TOLERANCE = 1e-4  # float32 layers against float64 numpy


def agreement_html(diff: float, what: str) -> tuple[str, str]:
    """The rich text and style sheet of the numpy-vs-PyTorch strip for the largest difference `diff`."""
    agree = diff < AGREEMENT_TOLERANCE
    level = "ok" if agree else "error"
    verdict = tr("✓ numpy and PyTorch agree") if agree else tr("✗ numpy and PyTorch disagree")
    edge = NOTICE_EDGES[level]
    style = (f"QLabel {{ background: {NOTICE_TINTS[level]}; border: 1px solid {edge}; border-left: 5px solid {edge}; "
             f"border-radius: 3px; padding: 5px; color: {NOTICE_TEXT}; }}")
    text = tr("largest |numpy − PyTorch| = <b>{diff:.1e}</b> &nbsp; {verdict} "
              "<span style='font-size:9pt'>({what})</span>").format(diff=diff, verdict=verdict, what=what)
    return text, style


def rich_label(muted: bool = False) -> QLabel:
    """A wrapped, selectable label for rich text (in the muted colour when `muted`)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet(f"color: {MUTED_TEXT};")
    return label


def scrolled(widget: QWidget) -> QScrollArea:
    """`widget` in a frameless scroll area that resizes it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


def _fill(layout: QBoxLayout, items: Sequence[QWidget | QLayout | int]) -> None:
    """`items` one after another (a number: that much space), then a stretch."""
    for item in items:
        if isinstance(item, int):
            layout.addSpacing(item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    layout.addStretch(1)


class StepPage(QWidget):
    """A page that draws steps computed elsewhere, or one line on why there are none.

    Signals:
        changed(): what the learner picked changed: the owner computes again.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps: Any = None  # the answer shown (None: none)
        self.problem: str | None = None
        self.message: str | None = None
        self.answer_parts: tuple[QWidget, ...] = ()  # shown only with an answer
        self.note = note_label("info")
        self.diff_label = rich_label()
        self.controls = StepControls()
        self.controls.moved.connect(lambda _: self._render())

    def lay_out(self, pick: Sequence[QWidget | int], parts: Sequence[QWidget | QLayout]) -> None:
        """`pick` in a row on top (a number: that much space), the note under it, `parts` (one under the other)
        scrolled below."""
        row = QHBoxLayout()
        _fill(row, pick)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(2, 2, 2, 2)
        _fill(column, parts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(scrolled(body), 1)

    def set_context(self, report: Any, problem: str | None) -> None:
        """The network's shapes (None: no network) and why nothing can be computed (None: it can)."""
        self.set_problem(problem)

    def set_problem(self, problem: str | None) -> None:
        """Why nothing can be computed (None: it can); a problem takes the answer away."""
        self.problem = problem
        self.show_note()
        if problem:
            self.show_steps(None)

    def show_note(self) -> None:
        set_note(self.note, tr(self.problem) if self.problem else self.message)

    def show_message(self, text: str) -> None:
        """What the computation said instead of an answer (e.g. the network does not fit the page)."""
        self.message = text
        self.show_note()
        self.show_steps(None)

    def show_steps(self, steps: Any) -> None:
        """The computed answer (None: nothing to show)."""
        self.steps = steps
        if steps is not None:  # an answer: the last message is over
            self.message = None
            self.show_note()
        for w in self.answer_parts:
            w.setVisible(steps is not None)
        if steps is None:
            self.controls.set_count(0)
        else:
            self.draw_answer(steps)

    def show_agreement(self, diff: float, what: str) -> None:
        """The numpy-vs-PyTorch strip for the largest difference `diff` over `what`."""
        text, style = agreement_html(diff, what)
        self.diff_label.setText(text)
        self.diff_label.setStyleSheet(style)

    def retranslate(self) -> None:
        self.show_note()
        self.controls.retranslate()
        if self.steps is not None:
            self.show_steps(self.steps)

    def choice(self) -> Any:
        """What the learner picked (with the network and the digit, it says which answer is wanted)."""
        raise NotImplementedError

    def job(self) -> Callable[..., Any] | None:
        """What to compute off the GUI thread: f(model, report, image, mean, std) → the answer (None: nothing)."""
        raise NotImplementedError

    def draw_answer(self, steps: Any) -> None:
        """Set the controls for a new answer and draw it."""
        raise NotImplementedError

    def _render(self) -> None:
        """Draw the step the controls are at."""

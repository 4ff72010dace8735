"""The first-run tour: callouts that point at each part of the main window in turn.

An overlay covers the window, dims it except for the part a step is about (outlined), and shows a
callout beside it with Back, Next and Skip. Steps name their targets as callables, resolved when the
step is shown, so a tab built later, a moved dock or a resized window are found where they are.
Keys: → / Enter / Space next, ← back, Esc skips (the overlay takes them before the window's own
shortcuts, so Esc does not also stop a run).

`main_window_steps(window)` describes the app's main window; the window's comfort hooks decide when
the tour appears (once, on the first start of the real app; again from Help ▸ Tour).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.ui.shell.workspaces import TAB_TIP
from playground.ui.widgets.palette import ACCENT, HINT_FONT_SIZE

OUTLINE = QColor(ACCENT)  # Okabe–Ito blue
DIM = QColor(0, 0, 0, 120)
CALLOUT_WIDTH = 340
MARGIN = 8  # between the outlined part and the dimmed rest
GAP = 14  # between the outlined part and the callout

Targets = Callable[[], Sequence[QWidget | None]]


@dataclass
class TourStep:
    """`title` and `text` are English (shown translated, so the tour follows a language switch); `text` may
    also be a callable that gives the rich text to show in the current language."""
    title: str
    text: str | Callable[[], str]  # rich text
    targets: Targets  # the widgets to outline (their union); none visible: the callout is centred
    prepare: Callable[[], None] | None = None  # e.g. bring the tab forward
    marks: Callable[[], Sequence[QRect]] = field(default=lambda: ())  # extra outlines, in window coordinates


class TourOverlay(QWidget):
    """Covers `window` and walks through `steps`. `finished(completed)`: True after the last step's
    Done, False when skipped. `restore` runs at the end (e.g. brings the tab back the user was on)."""

    finished = Signal(bool)
    step_changed = Signal(int)

    def __init__(self, window: QWidget, steps: Sequence[TourStep], restore: Callable[[], None] | None = None):
        super().__init__(window)
        self._window = window  # the parent it covers
        self.setObjectName("tourOverlay")
        self.steps = list(steps)
        self._restore = restore
        self._index = -1
        self._holes: list[QRect] = []
        self._marks: list[QRect] = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.callout = QFrame(self)
        self.callout.setObjectName("tourCallout")
        self.callout.setFixedWidth(CALLOUT_WIDTH)
        self.callout.setAutoFillBackground(True)
        self.callout.setStyleSheet(
            f"#tourCallout {{ background: palette(base); border: 2px solid {OUTLINE.name()}; border-radius: 6px; }}")
        self.counter = QLabel()
        self.counter.setStyleSheet(f"color: palette(placeholder-text); font-size: {HINT_FONT_SIZE};")
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.skip_button = QPushButton(tr("Skip tour"))
        self.skip_button.setToolTip(tr("Close the tour (Esc). Help ▸ Tour shows it again."))
        self.back_button = QPushButton(tr("Back"))
        self.back_button.setToolTip(tr("The previous step (←)"))
        self.next_button = QPushButton(tr("Next"))
        self.next_button.setToolTip(tr("The next step (→ or Enter)"))
        self.next_button.setDefault(True)
        self.skip_button.clicked.connect(self.skip)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self.callout)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(self.counter)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        for child in (self.skip_button, self.back_button, self.next_button):
            child.installEventFilter(self)  # their keys too: Esc, arrows (before the window's shortcuts)
        window.installEventFilter(self)  # follow the window's size
        self.hide()

    # ----- public ---------------------------------------------------------------------------------------
    @property
    def index(self) -> int:
        return self._index

    @property
    def holes(self) -> list[QRect]:
        """The outlined parts of the current step, in window coordinates (none: the callout is centred)."""
        return [QRect(r) for r in self._holes]

    def start(self, index: int = 0) -> None:
        self.setGeometry(self._window.rect())
        self.show()
        self.raise_()
        self.go_to(index)

    def go_to(self, index: int) -> None:
        self._index = max(0, min(index, len(self.steps) - 1))
        step = self.steps[self._index]
        if step.prepare is not None:
            step.prepare()
        self._show_texts()
        self.back_button.setEnabled(self._index > 0)
        self._place()
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.step_changed.emit(self._index)

    def _show_texts(self) -> None:
        """The current step's texts, in the current language."""
        step = self.steps[self._index]
        self.counter.setText(tr("Step {number} of {count}").format(number=self._index + 1, count=len(self.steps)))
        self.title.setText(tr(step.title))
        self.text.setText(step.text() if callable(step.text) else tr(step.text))
        last = self._index == len(self.steps) - 1
        self.next_button.setText(tr("Done") if last else tr("Next"))
        self.next_button.setToolTip(tr("End the tour (Enter)") if last else tr("The next step (→ or Enter)"))

    def retranslate(self) -> None:
        """The language changed: the step shown again in the new one (its size may differ)."""
        if 0 <= self._index < len(self.steps):
            self._show_texts()
            if self.isVisible():
                self._place()

    def next(self) -> None:
        if self._index >= len(self.steps) - 1:
            self._end(True)
        else:
            self.go_to(self._index + 1)

    def back(self) -> None:
        if self._index > 0:
            self.go_to(self._index - 1)

    def skip(self) -> None:
        self._end(False)

    # ----- layout and painting -----------------------------------------------------------------------
    def _place(self) -> None:
        step = self.steps[self._index]
        window = self._window
        self.setGeometry(window.rect())
        rects = [_rect_in(window, w) for w in step.targets() if w is not None and w.isVisible()]
        self._holes = [r.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN).intersected(self.rect())
                       for r in rects if r.isValid() and not r.isEmpty()]
        self._marks = [QRect(r) for r in step.marks()]
        # The callout goes beside the largest outlined part.
        anchor = max(self._holes, key=lambda r: r.width() * r.height(), default=QRect())
        self.callout.adjustSize()
        size = QSize(CALLOUT_WIDTH, self.callout.heightForWidth(CALLOUT_WIDTH)
                     if self.callout.hasHeightForWidth() else self.callout.sizeHint().height())
        self.callout.resize(size)
        self.callout.move(_callout_position(self.rect(), anchor, size, self._holes))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dimmed = QPainterPath()
        dimmed.setFillRule(Qt.FillRule.OddEvenFill)
        dimmed.addRect(QRectF(self.rect()))
        for hole in self._holes:
            dimmed.addRoundedRect(QRectF(hole), 6, 6)
        painter.fillPath(dimmed, DIM)
        pen = QPen(OUTLINE, 3)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for hole in self._holes:
            painter.drawRoundedRect(QRectF(hole).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        for mark in self._marks:
            painter.drawRoundedRect(QRectF(mark).adjusted(-2, -2, 2, 2), 4, 4)

    # ----- events --------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self._window:
            if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest) and self.isVisible():
                self._place()
            return False
        if (event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent)
                and self._handles(event)):
            if event.type() == QEvent.Type.KeyPress:
                self.keyPressEvent(event)
            event.accept()
            return True
        return False

    def event(self, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._handles(event):
            event.accept()  # the overlay's keys win over the window's shortcuts (Esc = Stop, Space = Pause)
            return True
        return super().event(event)

    @staticmethod
    def _handles(event: QKeyEvent) -> bool:
        no_modifiers = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        return no_modifiers and event.key() in _KEYS

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Qt override
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.skip()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.back()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event) -> None:  # clicks on the dimmed window do nothing
        event.accept()

    def _end(self, completed: bool) -> None:
        self._window.removeEventFilter(self)
        self.hide()
        if self._restore is not None:
            self._restore()
        self.finished.emit(completed)
        self.deleteLater()


_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp,
         Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def _rect_in(window: QWidget, widget: QWidget) -> QRect:
    """`widget`'s rectangle in `window`; for a toolbar, only the part its buttons take."""
    if isinstance(widget, QToolBar):
        rect = QRect()
        for button in widget.findChildren(QToolButton):
            if button.isVisible() and button.objectName() != "qt_toolbar_ext_button":
                rect = rect.united(QRect(button.mapTo(window, QPoint(0, 0)), button.size()))
        if not rect.isEmpty():
            return rect
    top_left = widget.mapTo(window, QPoint(0, 0))
    return QRect(top_left, widget.size())


def _callout_position(area: QRect, hole: QRect, size: QSize, avoid: Sequence[QRect] = ()) -> QPoint:
    """Beside `hole` where the callout fits without covering any of `avoid` (right, left, below, above),
    else where it fits at all, else inside the hole near its top."""
    w, h = size.width(), size.height()
    if hole.isEmpty():
        return QPoint(area.center().x() - w // 2, area.center().y() - h // 2)

    def clamp_y(y: int) -> int:
        return max(area.top() + GAP, min(y, area.bottom() - h - GAP))

    def clamp_x(x: int) -> int:
        return max(area.left() + GAP, min(x, area.right() - w - GAP))

    candidates = (
        QPoint(hole.right() + GAP, clamp_y(hole.top() + 24)),
        QPoint(hole.left() - GAP - w, clamp_y(hole.top() + 24)),
        QPoint(clamp_x(hole.left() + 24), hole.bottom() + GAP),
        QPoint(clamp_x(hole.left() + 24), hole.top() - GAP - h),
    )
    fitting = [p for p in candidates if area.contains(QRect(p, size))]
    for point in fitting:
        if not any(QRect(point, size).intersects(other) for other in avoid):
            return point
    if fitting:
        return fitting[0]
    return QPoint(clamp_x(hole.center().x() - w // 2), clamp_y(hole.top() + 48))


# ----- the main window's tour ----------------------------------------------------------------------------

def _view_step(window, key: str, heading: str, text: str | Callable[[], str]) -> TourStep:
    """The step for the view keyed `key` (its English title): its workspace is chosen and the view shown;
    the outline goes round the view and the workspace's button in the bar."""
    spaces = window.workspaces

    def prepare() -> None:
        spaces.show_view(key)

    def targets() -> list:
        view = spaces.view_widget(key)
        return [view] if view is not None else []

    def marks() -> list[QRect]:
        button = spaces.current().button
        if button is None or not button.isVisible():
            return []
        return [QRect(button.mapTo(button.window(), button.rect().topLeft()), button.size())]

    return TourStep(heading, text, targets, prepare, marks)


def _escaped(source: str) -> Callable[[], str]:
    return lambda: html.escape(tr(source))


_COVERED = {"Settings", "This digit", "While it learns"}  # views the steps around them already show
_TAB_TEXTS = {  # tab key (English title) → (heading, text); a tab not listed here gets its own tooltip as the text
    "Training curves": (N_("Live curves"),
                        N_("The loss of every batch and its trend, and the training and test loss and accuracy "
                           "after every epoch. A test curve that rises while the training curve falls is "
                           "over-fitting.")),
    "Diagram": (N_("The network diagram"),
                N_("The network as columns of units. After training, every weight is drawn: blue positive, orange "
                   "negative, thicker when larger. Hover for the values.")),
    "Draw": (N_("Draw a digit"),
             N_("Draw with the mouse, a pen or a finger, and watch the network's answer change as you draw. Beside "
                "the canvas is the 28×28 image the network really sees.")),
    "Inside": (N_("Inside the network"),
               N_("Every layer's output for the digit you drew, the forward pass z = W·a + b step by step with the "
                  "real numbers, and, while it learns, the weights and gradients of each layer.")),
    "Matrices": (N_("Matrices and tensors"),
                 N_("The linear algebra the network runs on: A·B one cell at a time, the rules it obeys, tensors of "
                    "rank 0 to 3, and a dense layer of your model as x·Wᵀ + b.")),
    "Evaluation": (N_("Evaluation"),
                   N_("Classify the whole test set: the confusion matrix, the accuracy of each class and the digits "
                      "the network gets most confidently wrong.")),
    "PyTorch code": (N_("The PyTorch code"),
                     N_("The same network and settings as a standalone PyTorch script, updated as you edit. File ▸ "
                        "Export saves it.")),
}


def main_window_steps(window) -> list[TourStep]:
    """The tour of the main window: the workspaces, the training controls, the layer stack, then each view."""
    spaces = window.workspaces
    toolbar = next(iter(window.findChildren(QToolBar)), None)

    def show_train() -> None:
        spaces.show_view("Settings")

    steps = [
        TourStep(N_("Workspaces"),
                 N_("The window has a few workspaces, each about one thing: <b>Train</b> a network on MNIST, "
                    "<b>Look inside</b> it, the <b>Matrices</b> lab, the 2-D <b>Playground</b> and your "
                    "<b>Runs</b>. Ctrl+1 to Ctrl+5 choose them."),
                 lambda: [spaces.bar], show_train),
        TourStep(N_("Train, pause, step, stop"),
                 N_("The toolbar runs training: <b>Train</b> (Ctrl+Return), <b>Pause</b> (Space), <b>Step</b> one "
                    "batch (Ctrl+→), <b>Stop</b> (Esc) and <b>Reset</b> (Ctrl+R). On the right are the settings: "
                    "epochs, batch size, learning rate, optimizer, device and seed. Hover over any of them for the "
                    "idea behind it."),
                 lambda: [toolbar, spaces.side], show_train),
        TourStep(N_("The layer stack"),
                 N_("Your network, from the input down to the output. Drag a layer from the palette, or "
                    "double-click it (Edit ▸ Add Layer from the keyboard). Each block shows its output shape, its "
                    "parameters and its W<sup>[i]</sup>, b<sup>[i]</sup> shapes; a red block says what is wrong and "
                    "offers the fix."),
                 lambda: [window.editor], show_train),
    ]
    text: str | Callable[[], str]
    for key in spaces.view_keys():
        if key in _COVERED:
            continue
        if key in _TAB_TEXTS:
            heading, text = _TAB_TEXTS[key]
        else:  # the view's own tooltip (its English source, so it follows a language switch)
            view = spaces.view_widget(key)
            source = view.property(TAB_TIP) if view is not None else None
            if not source:
                continue
            text = _escaped(str(source))
            heading = key
        steps.append(_view_step(window, key, heading, text))
    steps.append(
        TourStep(N_("Learn, and this tour again"),
                 N_("<b>View ▸ Learn</b> (F1) explains each idea of the course, from layers to over-fitting, with a "
                    "<b>Show me</b> button that sets the matching demo up. <b>Help ▸ Tour</b> shows this tour "
                    "again; <b>Edit ▸ Preferences</b> (Ctrl+,) sets the theme, the language and the device."),
                 lambda: [window.menuBar()]))
    return steps

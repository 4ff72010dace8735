"""The visual layer-stack editor: a palette, the stack of layer blocks, a parameter form and the totals.

The editor owns one `ModelSpec`. Every edit — adding, removing, moving, duplicating, changing a
parameter, applying a one-click fix — goes through `undo_stack` as a `SpecEditCommand`, so undo
gives back the exact previous spec. After each change the editor re-runs shape inference, redraws
the blocks in place (so a field being typed in keeps its focus) and emits `spec_changed`.

An invalid stack is a normal state here, never an exception: the first failing block turns red
with inference's message (and a one-click fix where inference offers one), later ones are greyed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES, ParamInfo
from playground.core.model.shape_inference import WEIGHT_LAYERS, LayerInfo, ShapeReport, format_bytes, infer_shapes
from playground.core.model.spec import MAX_LAYERS, LayerSpec, ModelSpec, SpecError, coerce_param
from playground.core.training.training_config import OPTIMIZERS
from playground.ui.widgets.palette import ACCENT, ERROR_TEXT, HINT_FONT_SIZE, notice_style
from playground.ui.workspaces.train.layer_block import (
    ERROR,
    OK,
    UNCHECKED,
    InputBlock,
    LayerBlock,
    html_escape,
    move_mime,
)
from playground.ui.workspaces.train.layer_commands import SpecEditCommand, same_spec
from playground.ui.workspaces.train.layer_palette import MOVE_MIME, PALETTE_MIME, LayerPalette, layer_type_mime

__all__ = ["LayerStackEditor", "layer_type_mime", "move_mime", "PALETTE_MIME", "MOVE_MIME"]

DEFAULT_BATCH_SIZE = 64
DEFAULT_OPTIMIZER = "adam"
BLOCK_SPACING = 6
DEFAULT_LOCK_REASON = N_("The network cannot be edited right now.")
# Shape inference warns when the stack ends with one of these after a weight layer (see `_last_layer_warning`).
LAST_LAYER_ACTIVATIONS = ("ReLU", "Sigmoid", "Tanh", "GELU", "LeakyReLU")
NOTE_STYLES = {kind: notice_style(kind, "4px 6px") for kind in ("warning", "error", "info")}


class LayerStackEditor(QWidget):
    """Edit a network as a stack of layer blocks, with undo, validation as you type and one-click fixes.

    Signals:
        spec_changed(ModelSpec): after every change (edits, undo/redo and `set_spec`), with a copy of the spec.
        validity_changed(bool, str): when validity changes — (ok, first error message or "").

    Actions (attributes, also listed by `edit_actions()` for an Edit menu): `undo_action`, `redo_action`,
    `delete_action` (Del), `duplicate_action` (Ctrl+D), `move_up_action` (Alt+Up), `move_down_action`
    (Alt+Down). Their shortcuts act only while the editor (for the last four: the stack) has the focus,
    so Del or Ctrl+Z in another panel never edits the network.
    """

    spec_changed = Signal(object)
    validity_changed = Signal(bool, str)

    def __init__(self, spec: ModelSpec | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._spec = ModelSpec([])
        self._report = infer_shapes(self._spec)
        self._selected: int | None = None
        self._locked = False
        self._lock_reason = ""
        self._lock_reason_given = ""
        self._notice_text: Callable[[], str] | None = None
        self._batch_size = DEFAULT_BATCH_SIZE
        self._output_checked_elsewhere = False
        self._optimizer = DEFAULT_OPTIMIZER
        self._last_validity: tuple[bool, str] | None = None

        self.lock_banner = QLabel()
        self.lock_banner.setWordWrap(True)
        self.lock_banner.setStyleSheet(NOTE_STYLES["info"])
        self.lock_banner.hide()
        self.palette_title = QLabel(tr("<b>Layers</b> <span style='color: gray;'>— drag one into the stack, "
                                       "or double-click to add it after the selected layer</span>"))
        self.palette_title.setWordWrap(True)
        self.palette_title.setStyleSheet(f"font-size: {HINT_FONT_SIZE};")
        self.palette_view = LayerPalette(self._on_palette_request)
        self.stack_view = _StackView(self)
        self.totals_label = QLabel()
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextFormat(Qt.TextFormat.RichText)
        self.totals_label.setToolTip(tr(
            "Parameters: every learnable number (weights and biases).<br>"
            "Weights: parameters × 4 bytes (float32).<br>"
            "Training: a rough estimate of the memory one training step needs — the weights, their gradients, "
            "the optimizer's state (Adam keeps two running averages per weight) and the activations kept "
            "for back-propagation, for one batch."
        ))
        self.errors_note = QLabel()  # problems of the whole network (not tied to one block)
        self.errors_note.setWordWrap(True)
        self.errors_note.setStyleSheet(NOTE_STYLES["error"])
        self.errors_note.hide()
        self.warnings_note = QLabel()
        self.warnings_note.setWordWrap(True)
        self.warnings_note.setStyleSheet(NOTE_STYLES["warning"])
        self.warnings_note.setToolTip(tr("Not an error: the network trains, but probably not as you intend."))
        self.warnings_note.hide()
        self.notice = QLabel()  # why the last request was refused (locked, too many layers, ...)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {ERROR_TEXT};")
        self.notice.hide()
        self.form = _ParamForm(self)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.lock_banner)
        layout.addWidget(self.palette_title)
        layout.addWidget(self.palette_view)
        layout.addWidget(rule)
        layout.addWidget(self.stack_view, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.errors_note)
        layout.addWidget(self.warnings_note)
        layout.addWidget(self.notice)
        layout.addWidget(self.form)

        self._make_actions()
        self._show(spec.copy() if spec is not None else ModelSpec([]), None)

    # -- actions -------------------------------------------------------------------------------------
    def _make_actions(self) -> None:
        def action(text: str, keys: list, slot, tip: str, owner: QWidget) -> QAction:
            act = QAction(text, self)
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            owner.addAction(act)
            return act

        self.undo_action = action(tr("Undo"), [QKeySequence(QKeySequence.StandardKey.Undo)], self.undo,
                                  tr("Undo the last change to the network"), self)
        self.redo_action = action(tr("Redo"), QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), self.redo,
                                  tr("Redo the change just undone"), self)
        self.delete_action = action(tr("Remove Layer"),
                                    [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
                                    lambda: self.remove_layer(), tr("Remove the selected layer"), self.stack_view)
        self.duplicate_action = action(tr("Duplicate Layer"), [QKeySequence("Ctrl+D")], lambda: self.duplicate_layer(),
                                       tr("Insert a copy of the selected layer right after it"), self.stack_view)
        self.move_up_action = action(tr("Move Layer Up"), [QKeySequence("Alt+Up")], lambda: self.move_selected(-1),
                                     tr("Move the selected layer one place towards the input"), self.stack_view)
        self.move_down_action = action(tr("Move Layer Down"), [QKeySequence("Alt+Down")],
                                       lambda: self.move_selected(1),
                                       tr("Move the selected layer one place towards the output"), self.stack_view)
        self.undo_stack.undoTextChanged.connect(self._update_actions)
        self.undo_stack.redoTextChanged.connect(self._update_actions)
        self.undo_stack.canUndoChanged.connect(self._update_actions)
        self.undo_stack.canRedoChanged.connect(self._update_actions)

    def edit_actions(self) -> list[QAction]:
        """The editor's actions in Edit-menu order (undo, redo, then the layer actions)."""
        return [self.undo_action, self.redo_action, self.delete_action, self.duplicate_action,
                self.move_up_action, self.move_down_action]

    def _update_actions(self) -> None:
        stack, free = self.undo_stack, not self._locked
        self.undo_action.setText(tr("Undo {action}").format(action=stack.undoText()) if stack.canUndo() else tr("Undo"))
        self.redo_action.setText(tr("Redo {action}").format(action=stack.redoText()) if stack.canRedo() else tr("Redo"))
        self.undo_action.setEnabled(free and stack.canUndo())
        self.redo_action.setEnabled(free and stack.canRedo())
        selected = self._selected if free else None
        self.delete_action.setEnabled(selected is not None)
        self.duplicate_action.setEnabled(selected is not None and len(self._spec.layers) < MAX_LAYERS)
        self.move_up_action.setEnabled(selected is not None and selected > 0)
        self.move_down_action.setEnabled(selected is not None and selected < len(self._spec.layers) - 1)

    # -- public API ----------------------------------------------------------------------------------
    def set_spec(self, spec: ModelSpec, clear_undo: bool = True) -> None:
        """Show `spec`. With `clear_undo` the undo history starts afresh; otherwise loading it is one undo step."""
        if clear_undo:
            self.undo_stack.clear()
            self._show(spec.copy(), None)
        else:
            name = spec.name
            self._push(spec, lambda: tr("Load {name}").format(name=name), None, check_lock=False)

    def replace_spec(self, spec: ModelSpec, text: str | Callable[[], str]) -> bool:
        """Show `spec` as one undoable edit called `text` (a fix the window offers, e.g. a new output layer).
        `text` may be a function that builds it with `tr`: then the Edit menu follows a language switch.
        False when the editor is locked or nothing changes."""
        return self._push(spec.copy(), text, None)

    def spec(self) -> ModelSpec:
        """A copy of the current spec (changing it does not change the editor)."""
        return self._spec.copy()

    def report(self) -> ShapeReport:
        """Shape inference for the current spec."""
        return self._report

    def selected_index(self) -> int | None:
        return self._selected

    def select(self, index: int | None) -> None:
        """Select layer `index` (None clears the selection) and show its parameters."""
        if index is not None and not 0 <= index < len(self._spec.layers):
            index = None
        if index != self._selected:
            self.commit_edit()
        self._selected = index
        self._render()

    def is_locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool, reason: str = "") -> None:
        """Refuse every edit while `locked` (e.g. training); `reason` becomes the banner text and tooltips."""
        self.commit_edit()
        self._locked = locked
        self._lock_reason_given = reason
        self._show_lock()
        self.lock_banner.setVisible(locked)
        self.notice.hide()
        self._render()

    def set_lock_reason(self, reason: str) -> None:
        """Say why edits are refused (when they are) in new words, e.g. after a language switch."""
        self._lock_reason_given = reason
        self._show_lock()

    def _show_lock(self) -> None:
        self._lock_reason = self._lock_reason_given or tr(DEFAULT_LOCK_REASON)
        self.lock_banner.setText(tr("<b>Locked:</b> {reason}").format(reason=html_escape(self._lock_reason)))
        self.palette_view.set_locked(self._locked, self._lock_reason)

    def retranslate(self) -> None:
        """Say everything built from values again in the current language: the stack, its notes and
        totals (shape inference runs again for its messages), the lock banner and the undo texts."""
        self._show_lock()
        for i in range(self.undo_stack.count()):
            command = self.undo_stack.command(i)
            if isinstance(command, SpecEditCommand):
                command.retranslate()
        if self._notice_text is not None:
            self.notice.setText(self._notice_text())
        self._report = infer_shapes(self._spec)
        self._render()
        self.form.retranslate()

    def set_output_checked_elsewhere(self, checked: bool) -> None:
        """The window checks the output layer against the task and loss (a Sigmoid is right for multi-label):
        then the stack leaves out its own task-blind warning about the last layer."""
        self._output_checked_elsewhere = checked
        self._render()

    def set_training_context(self, batch_size: int, optimizer: str) -> None:
        """Batch size and optimizer for the training-memory estimate under the stack."""
        self._batch_size = max(1, int(batch_size))
        self._optimizer = optimizer
        self._render_totals()

    def undo(self) -> None:
        if self._refuse_if_locked():
            return
        self.commit_edit()
        self.undo_stack.undo()

    def redo(self) -> None:
        if self._refuse_if_locked():
            return
        self.commit_edit()
        self.undo_stack.redo()

    def add_layer(self, type_name: str, index: int | None = None, params: dict[str, Any] | None = None) -> bool:
        """Insert a new `type_name` layer at `index` (None: after the selection, or at the end)."""
        if type_name not in LAYER_TYPES:
            return self._refuse(lambda: tr("Unknown layer type '{type}'.").format(type=type_name))
        if len(self._spec.layers) >= MAX_LAYERS:
            return self._refuse(lambda: tr("A network holds at most {count} layers.").format(count=MAX_LAYERS))
        count = len(self._spec.layers)
        if index is None:
            index = count if self._selected is None else self._selected + 1
        index = max(0, min(index, count))
        after = self._spec.copy()
        after.layers.insert(index, LayerSpec(type_name, dict(params or {})))
        return self._push(after, lambda: tr("Add {type}").format(type=type_name), index)

    def remove_layer(self, index: int | None = None) -> bool:
        """Remove layer `index` (None: the selected one)."""
        index = self._selected if index is None else index
        if index is None or not 0 <= index < len(self._spec.layers):
            return False
        name = self._report.layers[index].name
        after = self._spec.copy()
        del after.layers[index]
        select = min(index, len(after.layers) - 1) if after.layers else None
        return self._push(after, lambda: tr("Remove {name}").format(name=name), select)

    def duplicate_layer(self, index: int | None = None) -> bool:
        """Insert a copy of layer `index` (None: the selected one) right after it."""
        index = self._selected if index is None else index
        if index is None or not 0 <= index < len(self._spec.layers):
            return False
        if len(self._spec.layers) >= MAX_LAYERS:
            return self._refuse(lambda: tr("A network holds at most {count} layers.").format(count=MAX_LAYERS))
        name = self._report.layers[index].name
        after = self._spec.copy()
        original = after.layers[index]
        # The copy gets a generated name: explicit names must stay unique.
        after.layers.insert(index + 1, LayerSpec(original.type, dict(original.params)))
        return self._push(after, lambda: tr("Duplicate {name}").format(name=name), index + 1)

    def move_layer(self, index: int, to: int) -> bool:
        """Move layer `index` so that it ends up at position `to`."""
        count = len(self._spec.layers)
        if not 0 <= index < count:
            return False
        to = max(0, min(to, count - 1))
        if to == index:
            return False
        name = self._report.layers[index].name
        after = self._spec.copy()
        after.layers.insert(to, after.layers.pop(index))
        if to == index - 1:
            text = lambda: tr("Move {name} up").format(name=name)  # noqa: E731 — a lambda, so the text is translated again on a language switch
        elif to == index + 1:
            text = lambda: tr("Move {name} down").format(name=name)  # noqa: E731 — a lambda, so the text is translated again on a language switch
        else:
            text = lambda: tr("Move {name} to position {position}").format(name=name, position=to + 1)  # noqa: E731 — a lambda, so the text is translated again on a language switch
        return self._push(after, text, to)

    def move_selected(self, delta: int) -> bool:
        """Move the selected layer `delta` places (negative: towards the input)."""
        if self._selected is None:
            return False
        return self.move_layer(self._selected, self._selected + delta)

    def set_param(self, index: int, name: str, value: Any, merge: bool = False) -> str | None:
        """Set one parameter from a typed value or text. Returns the message for the user when invalid, else None.

        With `merge`, consecutive changes to the same field are one undo step until `commit_edit()`.
        """
        if not 0 <= index < len(self._spec.layers):
            return tr("There is no layer {number}.").format(number=index + 1)
        layer = self._spec.layers[index]
        info = LAYER_TYPES[layer.type].param(name)
        layer_name = self._report.layers[index].name
        if info is None:
            return tr("{type} has no parameter '{name}'.").format(type=layer.type, name=name)
        try:
            coerced = coerce_param(info, value, layer_name)
        except SpecError as exc:
            return str(exc)
        current = layer.get(name)
        if coerced == current and type(coerced) is type(current):
            return None
        if self._locked:
            return self._lock_reason
        after = self._spec.copy()
        after.layers[index].params[name] = coerced
        text = lambda: tr("Change {layer} {param} to {value}").format(  # noqa: E731 — a lambda, so the text is translated again on a language switch
            layer=layer_name, param=name, value=_display(coerced))
        self._push(after, text, index, merge_key=("param", index, name) if merge else None)
        return None

    def commit_edit(self) -> None:
        """End the current typing edit: the next change to the same field is a new undo step."""
        index = self.undo_stack.index()
        top = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(top, SpecEditCommand):
            top.sealed = True

    def apply_fix(self, index: int) -> bool:
        """Apply shape inference's one-click fix for layer `index`, as one undoable step."""
        if not 0 <= index < len(self._report.layers):
            return False
        info = self._report.layers[index]
        fix = info.fix
        if fix is None:
            return False
        after = self._spec.copy()
        select: int | None = fix.index
        if fix.action == "insert" and fix.layer is not None:
            after.layers.insert(fix.index, LayerSpec(fix.layer.type, dict(fix.layer.params)))
            select = fix.index + 1  # keep the layer the user was looking at selected
        elif fix.action == "remove":
            del after.layers[fix.index]
            select = min(fix.index, len(after.layers) - 1) if after.layers else None
        elif fix.action == "set" and fix.param == "type":
            old = after.layers[fix.index]
            after.layers[fix.index] = LayerSpec(str(fix.value), {}, old.name)
        elif fix.action == "set" and fix.param:
            after.layers[fix.index].params[fix.param] = fix.value
        else:
            return False
        before, name, said = self._spec.copy(), info.name, fix.description

        def text() -> str:  # the fix's words come from inference: ask it again in the current language
            again = infer_shapes(before).layers[index].fix
            description = again.description if again is not None else said
            return tr("Fix {name}: {fix}").format(name=name, fix=_lower_first(description))

        return self._push(after, text, select)

    def can_accept(self, mime: QMimeData) -> bool:
        """True for a palette entry, or a block of this very stack."""
        if self._locked:
            return False
        if mime.hasFormat(PALETTE_MIME):
            return bytes(mime.data(PALETTE_MIME).data()).decode("utf-8", "replace") in LAYER_TYPES
        return self._move_source(mime) is not None

    def drop_mime_data(self, mime: QMimeData, index: int) -> bool:
        """Handle a drop before position `index` (len(layers): at the end). Returns whether anything changed."""
        if self._refuse_if_locked():
            return False
        if mime.hasFormat(PALETTE_MIME):
            type_name = bytes(mime.data(PALETTE_MIME).data()).decode("utf-8", "replace")
            return self.add_layer(type_name, index)
        source = self._move_source(mime)
        if source is None:
            return False
        # Dropping below itself: everything after the source shifts up one place once it is taken out.
        return self.move_layer(source, index - 1 if index > source else index)

    def edit_selected(self) -> None:
        """Put the keyboard focus into the selected layer's first parameter field."""
        self.form.focus_first_field()

    def drag_token(self) -> str:
        """Identifies this editor in move drags, so blocks of another editor are not taken for ours."""
        return f"stack-{id(self)}"

    # -- internals -----------------------------------------------------------------------------------
    def _move_source(self, mime: QMimeData) -> int | None:
        if not mime.hasFormat(MOVE_MIME):
            return None
        token, _, number = bytes(mime.data(MOVE_MIME).data()).decode("ascii", "replace").rpartition(":")
        if token != self.drag_token() or not number.isdigit():
            return None
        index = int(number)
        return index if 0 <= index < len(self._spec.layers) else None

    def _on_palette_request(self, type_name: str) -> None:
        self.add_layer(type_name)

    def _refuse(self, message: Callable[[], str]) -> bool:
        """Show why a request was refused; `message` builds the text (again after a language switch)."""
        self._notice_text = message
        self.notice.setText(message())
        self.notice.show()
        return False

    def _refuse_if_locked(self) -> bool:
        if self._locked:
            self._refuse(lambda: self._lock_reason)
        return self._locked

    def _push(self, after: ModelSpec, text: str | Callable[[], str], select: int | None, merge_key: Any = None,
              check_lock: bool = True) -> bool:
        if check_lock and self._refuse_if_locked():
            return False
        if same_spec(after, self._spec):
            return False
        if merge_key is None:
            self.commit_edit()
        self.notice.hide()
        self.undo_stack.push(SpecEditCommand(self._show, self._spec, after, text, self._selected, select, merge_key))
        return True

    def _show(self, spec: ModelSpec, selected: int | None) -> None:
        """Make `spec` current (called by commands and set_spec) and tell the world."""
        self._spec = spec
        self._report = infer_shapes(spec)
        self._selected = selected if selected is not None and 0 <= selected < len(spec.layers) else None
        self._render()
        self.spec_changed.emit(self.spec())
        first = self._report.errors[0] if self._report.errors else ""
        validity = (self._report.ok, first)
        if validity != self._last_validity:
            self._last_validity = validity
            self.validity_changed.emit(*validity)

    def _render(self) -> None:
        report = self._report
        self.stack_view.show_report(report, self._selected, self._locked, self._lock_reason)
        block_errors = {info.error for info in report.layers if info.error}
        general = [e for e in report.errors if e not in block_errors and report.layers]
        self.errors_note.setText("\n".join(general))
        self.errors_note.setVisible(bool(general))
        hidden = _last_layer_warning(report) if self._output_checked_elsewhere else None
        warnings = [w for w in dict.fromkeys(report.warnings) if w != hidden]
        self.warnings_note.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.warnings_note.setVisible(bool(warnings))
        info = report.layers[self._selected] if self._selected is not None else None
        self.form.show_layer(self._selected, info, self._locked, self._lock_reason)
        self._render_totals()
        self._update_actions()

    def _render_totals(self) -> None:
        report = self._report
        optimizer = OPTIMIZERS.get(self._optimizer, self._optimizer).split(" (")[0]
        training = format_bytes(report.training_bytes(self._batch_size, self._optimizer))
        if report.ok or not report.layers:
            lead = tr("<b>Total: {parameters:,} parameters</b> · {weights} of weights")
        else:  # layers after an error are not counted
            lead = tr("<b>So far: {parameters:,} parameters</b> · {weights} of weights")
        need = tr("<span style='color: gray;'>Training needs ≈ {memory} at batch {batch} with {optimizer}</span>")
        self.totals_label.setText(
            lead.format(parameters=report.total_parameters, weights=format_bytes(report.parameter_bytes))
            + "<br>" + need.format(memory=training, batch=self._batch_size, optimizer=html_escape(optimizer))
        )


class _StackCanvas(QWidget):
    """The widget inside the scroll area: input block, layer blocks, and the drop marker between them."""

    def __init__(self, view: _StackView):
        super().__init__()
        self._view = view
        self.drop_y: int | None = None
        self.setAcceptDrops(True)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.drop_y is None:
            return
        painter = QPainter(self)
        pen = QPen(QColor(ACCENT), 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(6, self.drop_y, self.width() - 6, self.drop_y)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._view.editor.can_accept(event.mimeData()):
            event.acceptProposedAction()
            self._mark(event.position().toPoint())
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not self._view.editor.can_accept(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self._mark(event.position().toPoint())
        self._view.scroll_near_edge(self.mapTo(self._view.viewport(), event.position().toPoint()))

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_y = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self._view.drop_index(event.position().toPoint())
        self.drop_y = None
        self.update()
        if self._view.editor.drop_mime_data(event.mimeData(), index):
            event.acceptProposedAction()
        else:
            event.ignore()

    def _mark(self, pos: QPoint) -> None:
        self.drop_y = self._view.drop_marker_y(self._view.drop_index(pos))
        self.update()


class _StackView(QScrollArea):
    """The scrolling column of blocks. Has the keyboard focus for selecting and moving layers."""

    def __init__(self, editor: LayerStackEditor):
        super().__init__()
        self.editor = editor
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.canvas = _StackCanvas(self)
        self.input_block = InputBlock()
        self.placeholder = QLabel(tr("The network has no layers yet: drag one here from the palette above, "
                                     "or double-click one. A first network: Flatten, Linear, ReLU, Linear."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet("color: palette(placeholder-text); border: 2px dashed palette(mid);"
                                       " border-radius: 6px; padding: 16px;")
        self.column = QVBoxLayout(self.canvas)
        self.column.setContentsMargins(2, 2, 2, 2)
        self.column.setSpacing(BLOCK_SPACING)
        self.column.addWidget(self.input_block)
        self.column.addWidget(self.placeholder)
        self.column.addStretch(1)
        self.setWidget(self.canvas)
        self.blocks: list[LayerBlock] = []
        self.setToolTip("")

    def show_report(self, report: ShapeReport, selected: int | None, locked: bool, reason: str) -> None:
        """Update the blocks in place (re-using widgets keeps the scroll position and avoids flicker)."""
        self.input_block.set_shape(tuple(report.spec.input_shape))
        infos = report.layers
        while len(self.blocks) > len(infos):
            block = self.blocks.pop()
            self.column.removeWidget(block)
            block.deleteLater()
        while len(self.blocks) < len(infos):
            block = LayerBlock(len(self.blocks), self.editor.drag_token(), self)
            # After the input block and the earlier blocks, before the placeholder and the stretch.
            self.column.insertWidget(1 + len(self.blocks), block)
            self.blocks.append(block)
        for info, block in zip(infos, self.blocks):
            state = ERROR if info.error else (UNCHECKED if info.input_shape is None else OK)
            block.index = info.index
            block.show_info(info, state, info.index == selected, locked, reason)
        self.placeholder.setVisible(not infos)
        if selected is not None and selected < len(self.blocks):
            self.ensureWidgetVisible(self.blocks[selected], 0, 8)

    def drop_index(self, pos: QPoint) -> int:
        """Where a drop at `pos` (canvas coordinates) inserts: before the first block whose middle is below it."""
        for i, block in enumerate(self.blocks):
            if pos.y() < block.geometry().center().y():
                return i
        return len(self.blocks)

    def drop_marker_y(self, index: int) -> int:
        if index < len(self.blocks):
            return self.blocks[index].geometry().top() - BLOCK_SPACING // 2
        last = self.blocks[-1] if self.blocks else self.input_block
        return last.geometry().bottom() + BLOCK_SPACING // 2 + 1

    def scroll_near_edge(self, pos: QPoint) -> None:
        """While dragging, scroll when the pointer nears the top or bottom edge."""
        bar, margin = self.verticalScrollBar(), 28
        if pos.y() < margin:
            bar.setValue(bar.value() - 12)
        elif pos.y() > self.viewport().height() - margin:
            bar.setValue(bar.value() + 12)

    # -- BlockOwner: what the blocks report ----------------------------------------------------------
    def block_clicked(self, index: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.editor.select(index)

    def block_activated(self, index: int) -> None:
        self.editor.select(index)
        self.editor.edit_selected()

    def block_remove(self, index: int) -> None:
        self.editor.remove_layer(index)

    def block_fix(self, index: int) -> None:
        self.editor.apply_fix(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editor, key, mods = self.editor, event.key(), event.modifiers()
        count = len(editor.spec().layers)
        current = editor.selected_index()
        alt = mods & Qt.KeyboardModifier.AltModifier
        ctrl = mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier)
        # The actions' shortcuts normally get these first; this covers them when an action is not active.
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and alt:
            editor.move_selected(-1 if key == Qt.Key.Key_Up else 1)
        elif key == Qt.Key.Key_Up and count:
            editor.select(count - 1 if current is None else max(0, current - 1))
        elif key == Qt.Key.Key_Down and count:
            editor.select(0 if current is None else min(count - 1, current + 1))
        elif key == Qt.Key.Key_Home and count:
            editor.select(0)
        elif key == Qt.Key.Key_End and count:
            editor.select(count - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current is not None:
            editor.edit_selected()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and current is not None:
            editor.remove_layer()
        elif key == Qt.Key.Key_D and ctrl and current is not None:
            editor.duplicate_layer()
        elif key == Qt.Key.Key_Escape:
            editor.select(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()


class _ParamForm(QFrame):
    """The selected layer's parameters: edit a field and it applies as soon as it is valid.

    An invalid value shows the message from `coerce_param` under the field and changes nothing.
    """

    def __init__(self, editor: LayerStackEditor):
        super().__init__()
        self._editor = editor
        self.setObjectName("paramForm")
        self.setStyleSheet("#paramForm { border: 1px solid palette(mid); border-radius: 4px; }")
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.help = QLabel()
        self.help.setWordWrap(True)
        self.help.setStyleSheet(f"color: palette(placeholder-text); font-size: {HINT_FONT_SIZE};")
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.help)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.fields: dict[str, QLineEdit | QCheckBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._infos: dict[str, ParamInfo] = {}
        self._labels: dict[str, QLabel] = {}
        self._words: dict[str, QLabel] = {}  # the explanation beside a check box
        self._shown: tuple[int | None, str | None] | None = None
        self._index: int | None = None
        self._type: str | None = None
        self._layer_help = ""
        self._focused: str | None = None  # the field whose help is shown

    def show_layer(self, index: int | None, info: LayerInfo | None, locked: bool, reason: str) -> None:
        key = (index, info.layer.type if info else None)
        if key != self._shown:
            self._rebuild(index, info)
            self._shown = key
        if info is not None:
            self.title.setText(f"<b>{html_escape(info.name)}</b> · {html_escape(info.layer.describe())}")
            for name, field in self.fields.items():
                self._sync(name, field, info.layer.get(name))
        self._grid_host.setEnabled(not locked)
        self._grid_host.setToolTip(html_escape(reason) if locked else "")

    def focus_first_field(self) -> None:
        for field in self.fields.values():
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(field, QLineEdit):
                field.selectAll()
            return

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ("" when it is valid or hidden)."""
        label = self.errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def _rebuild(self, index: int | None, info: LayerInfo | None) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fields, self.errors, self._infos, self._labels, self._words = {}, {}, {}, {}, {}
        self._index = index
        self._type = info.layer.type if info is not None else None
        self._focused = None
        self._show_help()
        if info is None:
            self.title.setText(tr("<b>Parameters</b>"))
            return
        kind = LAYER_TYPES[info.layer.type]
        for row, param in enumerate(kind.params):
            label = QLabel(param.name)
            label.setProperty("untranslatable", True)  # the PyTorch argument's name, as in the code
            cell: QWidget
            field: QLineEdit | QCheckBox
            if param.kind == "bool":
                field = QCheckBox()
                field.toggled.connect(lambda checked, n=param.name: self._on_toggled(n, checked))
                # The explanation in a wrapping label beside the box: a check box's own text never
                # wraps and would set the editor's minimum width.
                words = QLabel()
                words.setWordWrap(True)
                words.setStyleSheet("color: palette(placeholder-text);")
                cell = QWidget()
                row_layout = QHBoxLayout(cell)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.addWidget(field)
                row_layout.addWidget(words, 1)
                self._words[param.name] = words
            else:
                field = QLineEdit()
                field.textEdited.connect(lambda text, n=param.name: self._on_edited(n, text))
                field.editingFinished.connect(lambda n=param.name: self._on_finished(n))
                label.setBuddy(field)
                cell = field
            field.setObjectName(f"param_{param.name}")
            field.installEventFilter(self)
            error = QLabel()
            error.setWordWrap(True)
            error.setStyleSheet(f"color: {ERROR_TEXT}; font-size: {HINT_FONT_SIZE};")
            error.hide()
            self._grid.addWidget(label, 2 * row, 0)
            self._grid.addWidget(cell, 2 * row, 1)
            self._grid.addWidget(error, 2 * row + 1, 1)
            # Shown now, not at the next event loop turn (Qt's default), so Enter or a double-click
            # right after selecting can put the focus into the new field.
            label.show()
            cell.show()
            self.fields[param.name], self.errors[param.name], self._infos[param.name] = field, error, param
            self._labels[param.name] = label
            self._explain(param.name)

    def _explain(self, name: str) -> None:
        """Field `name`'s tooltips, placeholder and explanation, in the current language."""
        param, field = self._infos[name], self.fields[name]
        self._labels[name].setToolTip(tr(param.help))
        if name in self._words:
            self._words[name].setText(tr(param.help))
        if isinstance(field, QLineEdit):
            field.setPlaceholderText(_placeholder(param))
        field.setToolTip(f"{html_escape(tr(param.help))}<br><span style='color:gray'>{_placeholder(param)}</span>")

    def _show_help(self) -> None:
        """Under the fields: the focused field's help, else what the layer does."""
        if self._focused in self._infos:
            name = self._focused
            self.help.setText(tr("{param}: {help}").format(param=name, help=tr(self._infos[name].help)))
            return
        if self._type is None:
            self._layer_help = tr("Select a layer in the stack to see and change its parameters.")
        else:
            kind = LAYER_TYPES[self._type]
            summary = tr(kind.summary)
            self._layer_help = summary if kind.params else tr("{summary} It has no parameters to set.").format(
                summary=summary)
        self.help.setText(self._layer_help)

    def retranslate(self) -> None:
        """Say the fields' explanations, the help and any error under a field again in the current language."""
        for name in self.fields:
            self._explain(name)
        self._show_help()
        if self._index is None:
            self.title.setText(tr("<b>Parameters</b>"))
        for name, field in self.fields.items():
            if isinstance(field, QLineEdit) and not self.errors[name].isHidden():
                self._on_edited(name, field.text())  # an invalid text is refused again, in the new words

    def _sync(self, name: str, field: QLineEdit | QCheckBox, value: Any) -> None:
        """Show the spec's value, unless the user is typing an equivalent (or an invalid) value right now."""
        if isinstance(field, QCheckBox):
            if field.isChecked() != bool(value):
                field.blockSignals(True)
                field.setChecked(bool(value))
                field.blockSignals(False)
            return
        if field.hasFocus():
            try:
                typed = coerce_param(self._infos[name], field.text(), name)
            except SpecError:
                return  # keep the invalid text and its message in front of the user
            if typed == value:
                return
        text = _field_text(value)
        if field.text() != text:
            field.setText(text)
        self.errors[name].hide()

    def _on_edited(self, name: str, text: str) -> None:
        if self._index is None:
            return
        message = self._editor.set_param(self._index, name, text, merge=True)
        label = self.errors[name]
        label.setText(message or "")
        label.setVisible(bool(message))

    def _on_finished(self, name: str) -> None:
        self._editor.commit_edit()
        field, label = self.fields.get(name), self.errors.get(name)
        if isinstance(field, QLineEdit) and label is not None and label.isHidden() and self._index is not None:
            # Show the value as stored ("0256" → "256").
            layers = self._editor.report().layers
            if self._index < len(layers):
                field.setText(_field_text(layers[self._index].layer.get(name)))

    def _on_toggled(self, name: str, checked: bool) -> None:
        if self._index is not None:
            self._editor.set_param(self._index, name, checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            name = watched.objectName().removeprefix("param_")
            if name in self._infos:
                self._focused = name
                self._show_help()
        elif event.type() == QEvent.Type.FocusOut:
            self._focused = None
            self._show_help()
        elif isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self._editor.stack_view.setFocus()  # back to the stack, like leaving an editor
            return True
        return super().eventFilter(watched, event)


def _placeholder(param: ParamInfo) -> str:
    if param.kind == "bool":
        return tr("on or off")
    if param.optional:
        return tr("empty = same as kernel_size")
    low, high = _display(param.minimum), _display(param.maximum)
    if param.kind == "padding":
        return tr("{low} to {high}, or 'valid' / 'same'").format(low=low, high=high)
    if param.kind == "int":
        return tr("{low} to {high}").format(low=low, high=high)
    return tr("a number from {low} to {high}").format(low=low, high=high)


def _field_text(value: Any) -> str:
    """A value as typed into a field: plain digits, so `coerce_param` reads it back unchanged."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() or abs(value) >= 1e-4 else repr(value)
    return str(value)


def _display(value: Any) -> str:
    """A value in an undo text: "256", "10,000", "on", "empty"."""
    if value is None:
        return tr("empty")
    if isinstance(value, bool):
        return tr("on") if value else tr("off")
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() or abs(value) >= 1e-4 else repr(value)
    if isinstance(value, int):
        return f"{value:,}" if abs(value) >= 10_000 else str(value)
    return str(value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _last_layer_warning(report: ShapeReport) -> str | None:
    """Shape inference's warning about the activation the stack ends with, or None.

    Found by the layers, not by its words (they change with the language): inference gives it when
    the last layer is one of `LAST_LAYER_ACTIVATIONS` and there is a weight layer, as its last warning.
    """
    layers = report.spec.layers
    if (report.warnings and layers and layers[-1].type in LAST_LAYER_ACTIVATIONS
            and any(layer.type in WEIGHT_LAYERS for layer in layers)):
        return report.warnings[-1]
    return None

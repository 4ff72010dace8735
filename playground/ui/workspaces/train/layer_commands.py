"""Undo commands of the layer-stack editor.

Every edit is one `SpecEditCommand` holding the whole spec before and after. Snapshots rather than
diffs keep undo exact (undo gives back the very spec, names and all) and every kind of edit the same;
a spec is small (at most 200 layers), so the memory is no concern.

A command's text (shown as "Undo Add Linear" in the Edit menu) may be given as a function that
builds it with `tr`, so `retranslate()` can say it again in the language chosen later.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand

from playground.core.model.spec import ModelSpec, same_spec

# Called with the spec to show and the layer to select (None: no selection).
ApplySpec = Callable[[ModelSpec, "int | None"], None]

_PARAM_EDIT_ID = 4711  # any fixed number: Qt only merges commands that share an id


class SpecEditCommand(QUndoCommand):
    """Replace the editor's spec by `after`; undo puts `before` back, and the selection with it.

    Commands with the same `merge_key` merge while `sealed` is false, so typing "256" into a field
    applies on every keystroke yet undoes in one step; the editor seals the command when the edit
    is committed (Enter, focus leaves the field, another layer is selected).
    """

    def __init__(self, apply: ApplySpec, before: ModelSpec, after: ModelSpec, text: str | Callable[[], str],
                 select_before: int | None, select_after: int | None, merge_key: Hashable | None = None):
        super().__init__(text() if callable(text) else text)
        self._describe = text if callable(text) else None
        self._apply = apply
        self.before = before.copy()
        self.after = after.copy()
        self.select_before = select_before
        self.select_after = select_after
        self.merge_key = merge_key
        self.sealed = merge_key is None

    def id(self) -> int:
        return _PARAM_EDIT_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # Qt override
        if self.sealed or not isinstance(other, SpecEditCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        self.select_after = other.select_after
        self._describe = other._describe
        self.setText(other.text())
        # Typed back to the starting value: the stack drops the command instead of keeping a no-op.
        self.setObsolete(same_spec(self.before, self.after))
        return True

    def retranslate(self) -> None:
        """Build the text again in the current language (when it was given as a function)."""
        if self._describe is not None:
            self.setText(self._describe())

    def redo(self) -> None:
        self._apply(self.after.copy(), self.select_after)

    def undo(self) -> None:
        self.sealed = True  # a new edit after an undo starts a new step
        self._apply(self.before.copy(), self.select_before)

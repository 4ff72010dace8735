"""The visual layer-stack editor: adding, moving, editing, fixing, undo, locking and the totals."""

from __future__ import annotations

import json
import random
import re

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDropEvent
from PySide6.QtWidgets import QLineEdit

from playground.core.model.layers import LAYER_TYPES
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.ui.workspaces.train.layer_block import ERROR, OK, UNCHECKED
from playground.ui.workspaces.train.layer_editor import LayerStackEditor, layer_type_mime, move_mime


def types(editor: LayerStackEditor) -> list[str]:
    return [layer.type for layer in editor.spec().layers]


def as_json(spec: ModelSpec) -> str:
    return json.dumps(spec.to_json(), sort_keys=True)


@pytest.fixture
def make_editor(qtbot):
    def make(spec: ModelSpec | str | None = "seed-mlp", show: bool = False) -> LayerStackEditor:
        editor = LayerStackEditor()
        qtbot.addWidget(editor)
        if isinstance(spec, str):
            spec = load_preset(spec).spec
        if spec is not None:
            editor.set_spec(spec)
        if show:
            editor.resize(380, 850)
            editor.show()
            qtbot.waitExposed(editor)
        return editor

    return make


def bad_cnn() -> ModelSpec:
    """Linear straight after convolution: shape inference offers "Insert Flatten before this layer"."""
    return ModelSpec([
        LayerSpec("Conv2d", {"out_channels": 8, "kernel_size": 3}),
        LayerSpec("ReLU"),
        LayerSpec("Linear", {"out_features": 10}),
        LayerSpec("ReLU"),
    ])


def test_palette_offers_every_layer_type_with_its_summary(make_editor):
    editor = make_editor(None)
    chips = editor.palette_view.chips
    assert set(chips) == set(LAYER_TYPES)
    assert "every input joined to every output" in chips["Linear"].toolTip()
    assert "feature map" in chips["Conv2d"].toolTip()


def test_double_click_in_palette_appends_then_inserts_after_selection(make_editor, qtbot):
    editor = make_editor("seed-mlp")
    qtbot.mouseDClick(editor.palette_view.chips["Softmax"], Qt.MouseButton.LeftButton)
    assert types(editor)[-1] == "Softmax"
    assert editor.undo_stack.undoText() == "Add Softmax"
    editor.select(1)  # fc1
    qtbot.mouseDClick(editor.palette_view.chips["Dropout"], Qt.MouseButton.LeftButton)
    assert types(editor)[:4] == ["Flatten", "Linear", "Dropout", "ReLU"]
    assert editor.selected_index() == 2


def test_dropping_a_palette_entry_inserts_where_it_lands(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    assert editor.drop_mime_data(layer_type_mime("BatchNorm1d"), 2)
    assert types(editor)[2] == "BatchNorm1d"
    # Through the real drop handler: a drop on the upper half of the first block goes before it.
    view = editor.stack_view
    first = view.blocks[0].geometry()
    mime = layer_type_mime("Identity")  # the event does not own its mime data: keep it alive
    event = QDropEvent(QPointF(first.center().x(), first.top() + 2), Qt.DropAction.CopyAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.canvas.dropEvent(event)
    assert types(editor)[0] == "Identity"
    # Below the last block appends.
    last = view.blocks[-1].geometry()
    mime = layer_type_mime("Sigmoid")
    event = QDropEvent(QPointF(last.center().x(), last.bottom() + 3), Qt.DropAction.CopyAction,
                       mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.canvas.dropEvent(event)
    assert types(editor)[-1] == "Sigmoid"


def test_drag_a_block_to_reorder(make_editor):
    editor = make_editor("seed-mlp")
    # Flatten (0) dropped before position 3 (between ReLU and Linear(64)) ends up at index 2.
    assert editor.drop_mime_data(move_mime(editor.drag_token(), 0), 3)
    assert types(editor) == ["Linear", "ReLU", "Flatten", "Linear", "ReLU", "Linear"]
    assert editor.selected_index() == 2
    assert editor.undo_stack.undoText() == "Move flatten1 to position 3"
    # Dropping a block where it already is, or a block from another editor, changes nothing.
    assert not editor.drop_mime_data(move_mime(editor.drag_token(), 2), 2)
    assert not editor.drop_mime_data(move_mime("stack-somebody-else", 0), 3)
    assert editor.undo_stack.count() == 1


def test_keyboard_selects_moves_duplicates_and_deletes(make_editor, qtbot):
    editor = make_editor("cnn", show=True)
    view = editor.stack_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert editor.selected_index() == 0
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert editor.selected_index() == 2  # pool1
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert types(editor)[:3] == ["Conv2d", "MaxPool2d", "ReLU"]
    assert editor.selected_index() == 1
    assert editor.undo_stack.undoText() == "Move pool1 up"
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert types(editor)[:4] == ["Conv2d", "MaxPool2d", "MaxPool2d", "ReLU"]
    assert editor.selected_index() == 2
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert types(editor)[:3] == ["Conv2d", "MaxPool2d", "ReLU"]
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert editor.selected_index() == len(editor.spec().layers) - 1


def test_actions_have_shortcuts_and_clear_texts(make_editor):
    editor = make_editor("seed-mlp")
    actions = editor.edit_actions()
    assert [a.shortcut().toString() for a in actions[2:]] == ["Del", "Ctrl+D", "Alt+Up", "Alt+Down"]
    assert not editor.undo_action.isEnabled()
    editor.select(1)
    editor.duplicate_action.trigger()
    assert types(editor)[2] == "Linear"
    assert editor.undo_action.isEnabled()
    assert editor.undo_action.text() == "Undo Duplicate fc1"
    editor.move_down_action.trigger()
    assert editor.undo_action.text() == "Undo Move fc2 down"
    editor.delete_action.trigger()
    editor.undo_action.trigger()
    assert editor.redo_action.text().startswith("Redo Remove")


def test_block_shows_shapes_in_the_notes_notation(make_editor):
    editor = make_editor("seed-mlp")
    block = editor.stack_view.blocks[1]  # fc1
    assert block.state == OK
    text = re.sub(r"<sup[^>]*>", "<sup>", block.weights.text())
    assert "<i>W</i><sup>[1]</sup>\u00a0128×784" in text
    assert "<i>b</i><sup>[1]</sup>\u00a0128" in text
    assert block.params.text() == "100,480 params"
    assert block.shape.text() == "→ 128"
    assert "n<sup>[1]</sup> rows × n<sup>[0]</sup> columns" in block.weights.toolTip()
    assert "1×28×28" in editor.stack_view.input_block.label.text()


def test_remove_button_on_a_block(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    qtbot.mouseClick(editor.stack_view.blocks[2].remove_button, Qt.MouseButton.LeftButton)
    assert types(editor) == ["Flatten", "Linear", "Linear", "ReLU", "Linear"]
    assert editor.undo_stack.undoText() == "Remove relu1"


def test_inline_edit_applies_valid_values_in_one_undo_step(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    before = as_json(editor.spec())
    editor.select(1)
    field = editor.form.fields["out_features"]
    assert isinstance(field, QLineEdit) and field.text() == "128"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "256")
    assert editor.spec().layers[1].get("out_features") == 256  # applied while typing
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert editor.undo_stack.count() == 1
    assert editor.undo_stack.undoText() == "Change fc1 out_features to 256"
    assert editor.report().layers[3].weight_shapes["W^[2]"] == (64, 256)
    # A second committed edit is a second step; the bias box is one step too.
    field.selectAll()
    qtbot.keyClicks(field, "32")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    editor.form.fields["bias"].click()
    assert editor.undo_stack.count() == 3
    assert editor.spec().layers[1].get("bias") is False
    for _ in range(3):
        editor.undo()
    assert as_json(editor.spec()) == before
    assert field.text() == "128"


def test_inline_edit_refuses_invalid_values_with_a_message(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    before = as_json(editor.spec())
    editor.select(1)
    field = editor.form.fields["out_features"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "0")
    assert "out_features must be at least 1" in editor.form.error_text("out_features")
    assert as_json(editor.spec()) == before
    field.selectAll()
    qtbot.keyClicks(field, "lots")
    assert "must be a whole number" in editor.form.error_text("out_features")
    assert editor.undo_stack.count() == 0
    field.selectAll()
    qtbot.keyClicks(field, "12")
    assert editor.form.error_text("out_features") == ""
    assert editor.spec().layers[1].get("out_features") == 12
    # Through the API as well: the message comes back and nothing changes.
    assert "must be at least 1" in editor.set_param(1, "out_features", "-3")
    assert editor.spec().layers[1].get("out_features") == 12


def test_invalid_stack_turns_a_block_red_and_the_fix_makes_it_valid(make_editor, qtbot):
    editor = make_editor(bad_cnn(), show=True)
    original = as_json(editor.spec())
    assert not editor.report().ok
    blocks = editor.stack_view.blocks
    assert [b.state for b in blocks] == [OK, OK, ERROR, UNCHECKED]
    red = blocks[2]
    assert "expects a flat vector" in red.message.text()
    assert red.fix_button.isVisible() and red.fix_button.text() == "Insert Flatten before this layer"
    assert "not checked" in blocks[3].message.text()
    qtbot.mouseClick(red.fix_button, Qt.MouseButton.LeftButton)
    assert editor.report().ok
    assert types(editor) == ["Conv2d", "ReLU", "Flatten", "Linear", "ReLU"]
    assert editor.undo_stack.undoText() == "Fix fc1: insert Flatten before this layer"
    assert all(b.state == OK for b in editor.stack_view.blocks)
    editor.undo()
    assert as_json(editor.spec()) == original


def test_batchnorm_fix_swaps_the_type(make_editor):
    editor = make_editor(ModelSpec([LayerSpec("Conv2d"), LayerSpec("BatchNorm1d")]))
    assert editor.apply_fix(1)
    assert types(editor) == ["Conv2d", "BatchNorm2d"]
    assert editor.report().ok


def test_random_edits_undo_back_to_the_exact_original(make_editor):
    editor = make_editor("cnn")
    rng = random.Random(1234)
    history = [as_json(editor.spec())]
    names = list(LAYER_TYPES)
    while len(history) < 41:
        count = len(editor.spec().layers)
        action = rng.choice(["add", "remove", "duplicate", "move", "param", "fix"])
        if action == "add":
            changed = editor.add_layer(rng.choice(names), rng.randint(0, count))
        elif action == "remove" and count > 1:
            changed = editor.remove_layer(rng.randrange(count))
        elif action == "duplicate" and count:
            changed = editor.duplicate_layer(rng.randrange(count))
        elif action == "move" and count > 1:
            changed = editor.move_layer(rng.randrange(count), rng.randrange(count))
        elif action == "param" and count:
            index = rng.randrange(count)
            params = LAYER_TYPES[editor.spec().layers[index].type].params
            if not params:
                continue
            info = rng.choice(params)
            value = rng.choice([True, False]) if info.kind == "bool" else (
                round(rng.uniform(0, 0.9), 2) if info.kind == "float" else rng.randint(1, 6))
            changed = editor.set_param(index, info.name, value) is None and as_json(editor.spec()) != history[-1]
        elif action == "fix" and editor.report().first_error is not None:
            changed = editor.apply_fix(editor.report().first_error.index)
        else:
            continue
        if changed:
            history.append(as_json(editor.spec()))
    assert editor.undo_stack.count() == 40
    for expected in reversed(history[:-1]):
        editor.undo()
        assert as_json(editor.spec()) == expected
    for expected in history[1:]:
        editor.redo()
        assert as_json(editor.spec()) == expected


def test_signals_report_changes_and_validity(make_editor, qtbot):
    editor = make_editor("seed-mlp")
    with qtbot.waitSignal(editor.spec_changed) as changed:
        editor.add_layer("Dropout", 3)
    assert isinstance(changed.args[0], ModelSpec)
    assert changed.args[0].layers[3].type == "Dropout"
    with qtbot.waitSignal(editor.validity_changed) as validity:
        editor.add_layer("Conv2d")  # after Linear: needs an image
    ok, message = validity.args
    assert not ok and "expects an image" in message
    with qtbot.waitSignal(editor.validity_changed) as validity:
        editor.undo()
    assert validity.args == [True, ""]
    # Unchanged validity is not repeated.
    with qtbot.assertNotEmitted(editor.validity_changed):
        editor.add_layer("ReLU")


def test_set_spec_can_keep_the_history(make_editor):
    editor = make_editor("seed-mlp")
    seed = as_json(editor.spec())
    editor.set_spec(load_preset("cnn").spec, clear_undo=False)
    assert editor.undo_stack.undoText() == "Load cnn"
    editor.undo()
    assert as_json(editor.spec()) == seed
    editor.set_spec(load_preset("cnn").spec)
    assert editor.undo_stack.count() == 0


def test_spec_returns_a_copy(make_editor):
    editor = make_editor("seed-mlp")
    spec = editor.spec()
    spec.layers.clear()
    assert len(editor.spec().layers) == 6


def test_locked_editor_refuses_edits(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    before = as_json(editor.spec())
    editor.select(1)
    editor.add_layer("ReLU")
    editor.select(1)
    editor.set_locked(True, "Training is running: stop it to change the network.")
    assert editor.lock_banner.isVisible()
    assert not editor.add_layer("ReLU")
    assert not editor.remove_layer(0)
    assert not editor.drop_mime_data(layer_type_mime("ReLU"), 0)
    assert editor.set_param(1, "out_features", 7) == "Training is running: stop it to change the network."
    editor.undo()
    assert types(editor)[2] == "ReLU"  # the earlier add is not undone either
    assert not any(a.isEnabled() for a in editor.edit_actions())
    chip = editor.palette_view.chips["Linear"]
    assert not chip.isEnabled() and "Training is running" in chip.toolTip()
    assert not editor.stack_view.blocks[0].remove_button.isVisible()
    assert not editor.form.fields["out_features"].isEnabled()
    qtbot.keyClick(editor.stack_view, Qt.Key.Key_Delete)
    assert len(editor.spec().layers) == 7
    editor.set_locked(False, "")
    assert not editor.lock_banner.isVisible()
    editor.undo()
    assert as_json(editor.spec()) == before


def test_totals_show_parameters_and_memory(make_editor):
    editor = make_editor("seed-mlp")
    text = editor.totals_label.text()
    assert "109,386" in text and "427.3 KB" in text and "batch 64" in text and "Adam" in text
    editor.set_training_context(256, "sgd")
    text = editor.totals_label.text()
    assert "batch 256" in text and "SGD" in text


def test_warnings_show_in_a_quiet_note(make_editor):
    editor = make_editor("linear-stack", show=True)
    assert editor.warnings_note.isVisible()
    assert "collapse into one linear map" in editor.warnings_note.text()
    editor.add_layer("ReLU", 2)
    assert not editor.warnings_note.isVisible()


def test_empty_network_is_a_state_not_a_crash(make_editor):
    editor = make_editor(ModelSpec([]), show=True)
    assert editor.stack_view.placeholder.isVisible()
    assert not editor.report().ok
    editor.add_layer("Flatten")
    editor.add_layer("Linear")
    assert editor.report().ok and not editor.stack_view.placeholder.isVisible()


def test_drag_over_the_stack_marks_the_drop_place(make_editor):
    editor = make_editor("seed-mlp", show=True)
    canvas = editor.stack_view.canvas
    block = editor.stack_view.blocks[2].geometry()
    mime = layer_type_mime("Dropout")
    enter = QDragEnterEvent(QPoint(block.center().x(), block.top() + 2), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    canvas.dragEnterEvent(enter)
    assert enter.isAccepted()
    assert canvas.drop_y is not None and canvas.drop_y < block.top()
    canvas.dragLeaveEvent(QDragLeaveEvent())
    assert canvas.drop_y is None
    # Unknown data is refused; so is everything while locked.
    foreign = QMimeData()
    foreign.setText("Linear")
    assert not editor.can_accept(foreign)
    editor.set_locked(True, "Training")
    assert not editor.can_accept(mime)


def test_enter_on_the_stack_opens_the_parameters(make_editor, qtbot):
    editor = make_editor("seed-mlp", show=True)
    editor.select(1)
    editor.stack_view.setFocus()
    qtbot.keyClick(editor.stack_view, Qt.Key.Key_Return)
    # focusWidget(): offscreen windows are not always active, so hasFocus() may stay false.
    assert editor.focusWidget() is editor.form.fields["out_features"]
    assert editor.form.fields["out_features"].selectedText() == "128"


def test_set_parameter_fix(make_editor):
    editor = make_editor(ModelSpec([LayerSpec("Conv2d", {"padding": "same", "stride": 2}), LayerSpec("Flatten")]))
    block = editor.stack_view.blocks[0]
    assert block.state == ERROR and block.fix_button.text() == "Set stride to 1"
    assert editor.apply_fix(0)
    assert editor.spec().layers[0].get("stride") == 1 and editor.report().ok


@pytest.fixture
def pseudo_chinese():
    """A translator that marks every text ("Add {type}" → "译:Add {type}"), switched off afterwards."""
    from playground.core.i18n import set_translator

    yield lambda: set_translator(lambda text: "译:" + text)
    set_translator(None)


def test_last_layer_warning_is_left_out_in_any_language(make_editor, pseudo_chinese):
    pseudo_chinese()
    editor = make_editor(ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 10}),
                                    LayerSpec("ReLU")]))
    assert "ReLU" in editor.warnings_note.text()
    editor.set_output_checked_elsewhere(True)  # found by the layers, not by the warning's (translated) words
    assert editor.warnings_note.isHidden() and editor.warnings_note.text() == ""


def test_retranslate_says_undo_texts_and_totals_again(make_editor, pseudo_chinese):
    editor = make_editor("seed-mlp")
    editor.add_layer("Softmax")
    editor.set_param(1, "out_features", "256")
    editor.undo()
    assert editor.undo_action.text() == "Undo Add Softmax"
    assert editor.redo_action.text() == "Redo Change fc1 out_features to 256"
    pseudo_chinese()
    editor.retranslate()
    assert editor.undo_stack.undoText() == "译:Add Softmax"
    assert editor.redo_action.text() == "译:Redo 译:Change fc1 out_features to 256"
    assert editor.totals_label.text().startswith("译:<b>Total")
    from playground.core.i18n import set_translator
    set_translator(None)
    editor.retranslate()
    assert editor.undo_action.text() == "Undo Add Softmax" and editor.totals_label.text().startswith("<b>Total: ")

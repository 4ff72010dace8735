"""The layer-stack editor inside the main window: edits reach the worker, the diagram and the code view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from window_helpers import Answers, Button, train, wait_for_trainer_spec, wait_idle

from playground.core.model.presets import load_preset
from playground.ui.shell.design_controller import LOCK_REASON


def test_editing_a_layer_reaches_the_worker(qtbot, make_window):
    window = make_window()
    assert window.editor.set_param(1, "out_features", 256) is None
    assert window.spec.layers[1].params["out_features"] == 256
    wait_for_trainer_spec(qtbot, window, window.editor.spec())
    assert window.worker.trainer.global_step == 0
    # What Train trains is the edited network.
    train(qtbot, window, epochs=0.25)
    assert window.worker.trainer.state_snapshot()["fc1.weight"].shape == (256, 784)


def test_an_invalid_stack_disables_train_with_the_reason(qtbot, make_window):
    window = make_window()
    actions = window.run_actions
    window.editor.remove_layer(0)  # no Flatten: Linear receives 1×28×28
    message = window.editor.report().errors[0]
    assert "Flatten" in message
    for action in (actions.train, actions.step, actions.reset):
        assert not action.isEnabled()
    assert message in actions.train.toolTip() and message in actions.step.toolTip()
    assert message in window.statusBar().currentMessage()
    assert not window.start_training()  # nor programmatically
    window.show_widget(window.code_view)
    assert not window.code_view.valid and message in window.code_view.text()

    window.editor.undo()
    assert actions.train.isEnabled() and actions.step.isEnabled()
    assert "Flatten" not in actions.train.toolTip()
    assert window.code_view.valid


def test_the_editor_is_locked_while_training_and_paused(qtbot, make_window, record):
    window = make_window()
    window.panel.epochs.setValue(100)
    paused = record(window.worker.paused)
    window.train()
    assert window.editor.is_locked()
    assert window.editor.lock_banner.isVisibleTo(window.editor)
    assert LOCK_REASON in window.editor.lock_banner.text()
    assert window.editor.set_param(1, "out_features", 32) == LOCK_REASON
    window.pause()
    paused.wait(qtbot)
    assert window.editor.is_locked()
    window.stop()
    wait_idle(qtbot, window)
    assert not window.editor.is_locked()
    assert window.editor.set_param(1, "out_features", 32) is None


def test_an_edit_after_training_asks_and_no_keeps_spec_and_weights(qtbot, make_window, monkeypatch):
    window = make_window()
    train(qtbot, window, epochs=0.5)
    trainer = window.worker.trainer
    steps, weights = trainer.global_step, trainer.state_snapshot()["fc1.weight"]
    before = window.editor.spec()

    answers = Answers(Button.No)
    monkeypatch.setattr(QMessageBox, "question", answers)
    window.editor.set_param(1, "out_features", 256)
    assert len(answers.asked) == 1 and "resets its trained weights" in answers.asked[0]
    qtbot.waitUntil(lambda: window.editor.spec().to_json() == before.to_json())
    assert window.spec.to_json() == before.to_json()
    qtbot.wait(100)  # nothing was sent to the worker
    assert window.worker.trainer is trainer and trainer.global_step == steps
    assert np.array_equal(trainer.state_snapshot()["fc1.weight"], weights)
    assert window.plots.step_count == steps

    answers.answers = [Button.Yes]
    window.editor.set_param(1, "out_features", 256)
    wait_for_trainer_spec(qtbot, window, window.editor.spec())
    assert window.worker.trainer.global_step == 0
    qtbot.waitUntil(lambda: window.plots.step_count == 0)
    assert len(answers.asked) == 2
    window.editor.set_param(1, "out_features", 200)  # untrained now: no question
    assert len(answers.asked) == 2


def test_choosing_a_preset_loads_network_and_settings_and_can_be_undone(qtbot, make_window):
    window = make_window()
    seed = window.editor.spec()
    cnn = load_preset("cnn")
    window.panel.preset.setCurrentIndex(window.panel.preset.findData("cnn"))
    window.panel.preset.activated.emit(window.panel.preset.currentIndex())  # as a user's pick does
    assert window.editor.spec().to_json() == cnn.spec.to_json()
    assert window.panel.batch_size.value() == cnn.training.batch_size
    assert window.panel.learning_rate.value() == pytest.approx(cnn.training.learning_rate)
    assert window.editor.undo_stack.undoText() == "Load cnn"
    wait_for_trainer_spec(qtbot, window, cnn.spec)

    # Ctrl+Z from the preset box (focus outside the editor) gives the old network back.
    window.activateWindow()
    window.panel.preset.setFocus()
    qtbot.keyClick(window.panel.preset, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.spec().to_json() == seed.to_json()
    wait_for_trainer_spec(qtbot, window, seed)
    window.editor.redo()
    assert window.spec.to_json() == cnn.spec.to_json()


def test_a_preset_over_a_trained_network_asks_first(qtbot, make_window, monkeypatch):
    window = make_window()
    train(qtbot, window, epochs=0.25)
    steps = window.worker.trainer.global_step
    batch = window.panel.batch_size.value()
    monkeypatch.setattr(QMessageBox, "question", Answers(Button.No))
    window.choose_preset("cnn")
    qtbot.waitUntil(lambda: window.editor.spec().to_json() == load_preset("seed-mlp").spec.to_json())
    assert window.panel.preset_name == "seed-mlp" and window.panel.batch_size.value() == batch
    assert window.worker.trainer.global_step == steps


def test_the_code_view_follows_the_stack_and_the_settings(qtbot, make_window):
    window = make_window()
    window.show_widget(window.code_view)
    code = window.code_view.text()
    assert "class SimpleNN(nn.Module)" in code
    assert "nn.Linear(784, 128)" in code
    window.editor.set_param(1, "out_features", 256)
    code = window.code_view.text()
    assert "nn.Linear(784, 256)" in code and "nn.Linear(256, 64)" in code
    window.panel.learning_rate.setValue(0.02)
    assert "0.02" in window.code_view.text()
    # Hidden, the view does not regenerate on every edit, yet reads back up to date.
    assert window.show_view("Training curves") and not window.view_on_screen(window.code_view)
    window.editor.set_param(1, "out_features", 300)
    assert "nn.Linear(784, 300)" in window.code_view.text()


def test_the_diagram_shows_the_network_and_weights_after_training(qtbot, make_window):
    window = make_window()
    window.show_widget(window.diagram)
    diagram = window.diagram
    assert diagram.columns()[:3] == ["input", "flatten1", "fc1"]
    point = diagram.weight_position("fc3", 0, 0)
    assert point is not None and "no value yet" in diagram.tooltip_at(point)

    train(qtbot, window, epochs=1)
    value = window.worker.trainer.state_snapshot()["fc3.weight"][0, 0]
    # The weights are copied on a thread of their own (weight_jobs): they may arrive after the run's end.
    qtbot.waitUntil(lambda: f"{value:+.4f}" in diagram.tooltip_at(diagram.weight_position("fc3", 0, 0)),
                    timeout=10_000)


def test_the_memory_estimate_follows_the_panel(make_window):
    window = make_window()
    window.panel.batch_size.setValue(128)
    assert "batch 128" in window.editor.totals_label.text()
    window.panel.optimizer.setCurrentIndex(window.panel.optimizer.findData("sgd"))
    assert "SGD" in window.editor.totals_label.text()


def test_the_edit_menu_holds_the_editor_actions(make_window):
    window = make_window()
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    texts = [a.text() for a in edit_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["Undo", "Redo"]
    assert "Remove Layer" in texts and "Duplicate Layer" in texts
    assert window.editor.undo_action.shortcut().toString() == "Ctrl+Z"


def test_presets_menu_loads_a_design_undoably(qtbot, make_window):
    window = make_window()
    before = window.editor.spec().to_json()
    window.preset_actions["cnn"].trigger()
    assert window.editor.spec().layers[0].type == "Conv2d"
    assert window.panel.preset.currentData() == "cnn"
    window.editor.undo()
    assert window.editor.spec().to_json() == before

"""One state, shown the same everywhere: once the network or the drawing changes, no view tells of the old one."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from window_helpers import RUN_TIMEOUT_MS, Answers, Button, train, wait_for_trainer_spec, wait_idle

from playground.core.training.experiments import ExperimentRunner, experiment_by_key
from playground.ui.shell.run_controls import RunState
from playground.ui.workspaces.inside.draw_panel import DrawPanel

EMPTY = [[0.0, 1.0], [0.0, 1.0]]  # a pyqtgraph plot's range before it has any data


def plot_ranges(window) -> list:
    plots = window.plots
    return [plot.vb.viewRange() for plot in (plots.step_plot, plots.loss_plot, plots.accuracy_plot)]


def test_reset_and_a_weight_dropping_edit_leave_nothing_of_the_old_run(qtbot, make_window, monkeypatch):
    window = make_window()
    train(qtbot, window, epochs=1)
    bar = window.statusBar()
    assert "test accuracy" in bar.currentMessage() and "Test accuracy" in window.panel.summary.text()
    assert plot_ranges(window)[0] != EMPTY

    monkeypatch.setattr(QMessageBox, "question", Answers(Button.Yes))
    window.run_actions.reset.trigger()
    qtbot.waitUntil(lambda: window.plots.step_count == 0, timeout=RUN_TIMEOUT_MS)
    assert bar.currentMessage() == "Reset: the network starts from new random weights."
    assert "ccuracy" not in window.panel.summary.text() and "Not trained yet" in window.panel.summary.text()
    assert plot_ranges(window) == [EMPTY] * 3  # not the last run's steps and losses
    assert window.status.step.text() == "Step 0"

    # An edit that throws trained weights away says the same, once the new weights are there.
    train(qtbot, window, epochs=0.25)
    assert "test" in bar.currentMessage()
    window.editor.set_param(1, "out_features", 100)
    qtbot.waitUntil(lambda: window.plots.step_count == 0, timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: bar.currentMessage() == "Reset: the network starts from new random weights.")
    assert plot_ranges(window) == [EMPTY] * 3


def test_the_preset_box_names_a_preset_only_while_the_network_is_it(qtbot, make_window):
    window = make_window()
    box = window.panel.preset
    window.preset_actions["cnn"].trigger()
    assert window.panel.preset_name == "cnn"
    window.editor.undo()  # the seed network again
    assert window.panel.preset_name == "seed-mlp"
    window.editor.redo()
    assert window.panel.preset_name == "cnn"
    window.editor.undo()

    window.editor.set_param(1, "out_features", 100)
    assert window.panel.preset_name == "" and box.currentIndex() == -1 and box.placeholderText() == "(custom)"
    window.editor.undo()
    assert window.panel.preset_name == "seed-mlp"
    # A change the program makes for the data (the head check's fix is such a replace_spec) counts too.
    fitted = window.editor.spec()
    fitted.layers[-1].params["out_features"] = 2
    assert window.editor.replace_spec(fitted, "Fit the output layer")
    assert window.panel.preset_name == ""

    # While training, the Presets menu cannot load one: disabled, with the reason as its tips.
    window.editor.undo()
    window.panel.epochs.setValue(50)
    window.panel.batch_size.setValue(16)
    assert window.start_training()
    qtbot.waitUntil(lambda: window.state == RunState.TRAINING, timeout=RUN_TIMEOUT_MS)
    action = window.preset_actions["cnn"]
    assert not action.isEnabled() and "Stop training" in action.statusTip()
    window.stop()
    wait_idle(qtbot, window)
    assert action.isEnabled() and "Stop training" not in action.statusTip()


@pytest.fixture
def draw_panel(qtbot, small_data):
    panel = DrawPanel(remember=False)
    qtbot.addWidget(panel)
    panel.resize(700, 420)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_dataset(small_data)
    yield panel
    panel.shutdown()


def scribble(canvas) -> None:
    rect = canvas.paper_rect()
    s = rect.width() / canvas.pixels()
    points = [QPoint(round(rect.x() + x * s), round(rect.y() + y * s)) for x, y in ((40, 40), (120, 200), (230, 60))]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for point in points[1:]:
        QTest.mouseMove(canvas, point)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def test_drawing_over_a_test_digit_drops_its_label(draw_panel, record):
    panel = draw_panel
    index = int(np.flatnonzero(panel._test_labels == 9)[0])  # noqa: SLF001 — a known digit
    panel.show_test_digit(index)
    assert "“9”" in panel.source_label.text() and panel.chosen_label() == 9

    scribble(panel.canvas)
    assert "9" not in panel.source_label.text()
    assert panel.chosen_label() is None and not panel.add_button.isEnabled()  # Add asks what it is
    assert "Choose what digit" in panel.add_button.toolTip()
    # Undone back to the test digit, its caption and label hold again.
    panel.canvas.undo()
    assert "“9”" in panel.source_label.text() and panel.chosen_label() == 9

    scribble(panel.canvas)
    added = record(panel.add_example)
    panel.set_label(4)  # the user's answer is used
    panel.add_button.click()
    assert added.calls[-1][1] == 4
    # A label the user picks for a test digit is theirs: drawing on keeps it.
    panel.show_test_digit(index)
    panel.set_label(7)
    scribble(panel.canvas)
    assert panel.chosen_label() == 7 and "9" not in panel.source_label.text()


def test_an_experiment_on_generated_points_names_them_not_the_loaded_data(small_data):
    experiment = experiment_by_key("circle").shrunk(max_train=200, max_test=100, max_epochs=1)
    result = ExperimentRunner(experiment, small_data).run()  # the panel hands over the window's MNIST
    assert result.complete
    assert result.data_name == "circle (2-D points)"
    assert experiment_by_key("adam-vs-gd").data_name(small_data) == small_data.train.name


def test_declining_an_undo_over_trained_weights_keeps_both_as_they_were(qtbot, make_window, monkeypatch):
    window = make_window()
    for width in (100, 90, 80):
        window.editor.set_param(1, "out_features", width)
    edited = window.editor.spec()
    wait_for_trainer_spec(qtbot, window, edited)
    train(qtbot, window, epochs=0.25)
    steps = window.worker.trainer.global_step
    index = window.editor.undo_stack.index()

    answers = Answers(Button.No)
    monkeypatch.setattr(QMessageBox, "question", answers)
    window.editor.undo()
    qtbot.wait(50)  # the editor is put back after the question (a queued call): let it run, and any repeat
    assert len(answers.asked) == 1
    assert window.editor.spec().to_json() == edited.to_json() == window.spec.to_json()
    assert window.editor.undo_stack.index() == index  # undo still goes back from here
    assert window.worker.trainer.global_step == steps and window.worker.trainer.spec.to_json() == edited.to_json()

    # Yes: the network on screen is the one that trains.
    answers.answers = [Button.Yes]
    window.editor.undo()
    shown = window.editor.spec()
    assert shown.layers[1].params["out_features"] == 90 and window.spec.to_json() == shown.to_json()
    wait_for_trainer_spec(qtbot, window, shown)
    assert len(answers.asked) == 2

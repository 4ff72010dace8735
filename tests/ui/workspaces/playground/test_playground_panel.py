"""The Playground tab: data, features and network controls, the live decision boundary, the unit pictures."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
from PySide6.QtCore import QEvent, QPointF, QThread
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from playground.core.explain.boundary import CURVE_RESOLUTION, GRID_RESOLUTION
from playground.ui.workspaces.playground.playground_panel import PlaygroundPanel

TIMEOUT_MS = 30_000


@pytest.fixture
def panel(qtbot):
    """A shown panel whose worker has built the first network (TensorFlow Playground's: circle, 4-2 tanh)."""
    widget = PlaygroundPanel()
    qtbot.addWidget(widget, before_close_func=lambda w: w.shutdown())
    widget.resize(1200, 700)
    widget.show()
    wait_ready(qtbot, widget)
    yield widget
    widget.shutdown()
    assert not widget.worker.thread_running


def wait_ready(qtbot, panel: PlaygroundPanel) -> None:
    """The network for the current controls is built and its first picture has arrived."""
    def ready():
        frame = panel.last_frame
        return (panel.train_button.isEnabled() and frame is not None
                and [layer.shape[0] for layer in frame.hidden] == panel.hidden_layers()
                and panel.worker.trainer.spec.input_shape == (len(panel.features()),))
    qtbot.waitUntil(ready, timeout=TIMEOUT_MS)


def train_epochs(qtbot, panel: PlaygroundPanel, epochs: int) -> None:
    """Train until `epochs` are done, pause, and wait for the last picture."""
    panel.train()
    qtbot.waitUntil(lambda: panel.last_frame is not None and panel.last_frame.epoch >= epochs, timeout=TIMEOUT_MS)
    panel.pause()
    qtbot.waitUntil(lambda: not panel.running, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: panel.last_frame.step == panel.worker.trainer.global_step, timeout=TIMEOUT_MS)


def grid_predictions(panel: PlaygroundPanel) -> np.ndarray:
    trainer = panel.worker.trainer
    grid = panel._grid
    with trainer.lock, torch.no_grad():
        trainer.model.eval()
        out = trainer.head.probabilities(trainer.model(torch.from_numpy(grid.features))).numpy()
        trainer.model.train()
    return out


def test_the_heatmap_follows_the_network_as_it_learns(qtbot, panel):
    before = panel.boundary.shown_values().copy()
    assert before.shape == (GRID_RESOLUTION, GRID_RESOLUTION)
    train_epochs(qtbot, panel, 60)
    after = panel.boundary.shown_values()
    assert np.abs(after - before).max() > 0.3, "the picture did not change while the network learned"
    # What is drawn is the model's answer at every grid point (p of class 1, row = x2, column = x1).
    assert np.allclose(after.ravel(), grid_predictions(panel)[:, 0], atol=1e-5)
    # …and the model has learned the circle: blue (class 1) around, orange (class 0) inside.
    assert after[50, 50] < 0.5 < after[2, 2]
    rgb = panel.boundary.shown_rgb()
    assert rgb[50, 50, 0] > rgb[50, 50, 2] and rgb[2, 2, 2] > rgb[2, 2, 0]  # orange inside, blue outside
    assert panel.epoch_rows and panel.epoch_rows[-1].test["accuracy"] > 0.8
    assert panel.train_curve.getData()[0] is not None and len(panel.train_curve.getData()[0]) == len(panel.epoch_rows)
    assert f"Epoch <b>{panel.last_frame.epoch:,}</b>" == panel.epoch_label.text()


def test_training_runs_off_the_gui_thread(qtbot, panel):
    train_epochs(qtbot, panel, 3)
    gui = threading.get_ident()
    assert panel.worker.frame_threads and gui not in panel.worker.frame_threads
    assert panel.worker.thread() is not QThread.currentThread()
    assert panel.worker.thread() is not QApplication.instance().thread()


def test_step_trains_one_epoch_and_reset_starts_afresh(qtbot, panel):
    panel.step()
    qtbot.waitUntil(lambda: not panel.running and panel.last_frame.epoch == 1, timeout=TIMEOUT_MS)
    panel.step()
    qtbot.waitUntil(lambda: not panel.running and panel.last_frame.epoch == 2, timeout=TIMEOUT_MS)
    assert [row.epoch for row in panel.epoch_rows] == [1, 2]
    trained = panel.last_frame.values.copy()
    panel.reset()
    qtbot.waitUntil(lambda: panel.train_button.isEnabled() and panel.last_frame.step == 0, timeout=TIMEOUT_MS)
    assert panel.epoch_rows == [] and panel.epoch_label.text() == "Epoch <b>0</b>"
    assert not np.allclose(panel.last_frame.values, trained)


def test_regenerate_with_the_same_seed_gives_the_same_points(qtbot, panel):
    first = panel.splits.train_points.copy(), panel.splits.test_points.copy()
    panel.regenerate.click()
    wait_ready(qtbot, panel)
    assert np.array_equal(panel.splits.train_points, first[0]) and np.array_equal(panel.splits.test_points, first[1])
    panel.seed.setValue(7)
    wait_ready(qtbot, panel)
    assert not np.array_equal(panel.splits.train_points, first[0])
    panel.seed.setValue(0)
    wait_ready(qtbot, panel)
    assert np.array_equal(panel.splits.train_points, first[0])
    panel.noise.setValue(30)  # the slider's value counts once it is let go
    wait_ready(qtbot, panel)
    assert panel.splits.problem.noise == pytest.approx(0.3)


def test_toggling_features_changes_the_networks_input_size(qtbot, panel):
    assert panel.worker.trainer.model.fc1.in_features == 2
    panel.feature_boxes["x1*x2"].setChecked(True)
    wait_ready(qtbot, panel)
    assert panel.spec().input_shape == (3,)
    assert panel.worker.trainer.model.fc1.in_features == 3
    assert panel.splits.train.feature_names == ("x1", "x2", "x1*x2")
    assert panel.diagram.input_rect(2) is not None and panel.diagram.input_rect(3) is None
    panel.feature_boxes["x1"].setChecked(False)
    panel.feature_boxes["x2"].setChecked(False)
    wait_ready(qtbot, panel)
    assert panel.worker.trainer.model.fc1.in_features == 1
    panel.feature_boxes["x1*x2"].setChecked(False)  # the last one stays: a network needs an input
    assert panel.feature_boxes["x1*x2"].isChecked() and panel.features() == ["x1*x2"]


def test_xor_with_x1_x2_and_no_hidden_layer_stays_poor_but_learns_with_x1_x2(qtbot, panel):
    panel.set_problem("classification", "xor")
    panel.set_hidden_layers([])
    wait_ready(qtbot, panel)
    train_epochs(qtbot, panel, 15)
    assert panel.epoch_rows[-1].test["accuracy"] < 0.75
    panel.feature_boxes["x1*x2"].setChecked(True)
    wait_ready(qtbot, panel)
    train_epochs(qtbot, panel, 15)
    assert panel.epoch_rows[-1].test["accuracy"] > 0.95


def test_one_picture_per_hidden_unit_and_plus_minus_per_layer(qtbot, panel):
    assert panel.diagram.thumbnail_count() == 4 + 2
    panel.set_hidden_layers([3, 5, 2])
    wait_ready(qtbot, panel)
    assert panel.diagram.thumbnail_count() == 10
    panel.add_layer.click()  # a fourth layer, as wide as the last
    wait_ready(qtbot, panel)
    assert panel.hidden_layers() == [3, 5, 2, 2] and panel.diagram.thumbnail_count() == 12
    plus = panel.diagram._buttons[0][1]
    plus.click()
    wait_ready(qtbot, panel)
    assert panel.hidden_layers() == [4, 5, 2, 2] and panel.diagram.thumbnail_count() == 13
    assert panel.worker.trainer.model.fc1.out_features == 4
    # Each unit's picture is its output over the plane: hidden layer 2, unit 4 here.
    frame = panel.last_frame
    assert frame.layers[1].shape == (5, GRID_RESOLUTION, GRID_RESOLUTION)


def test_hovering_a_weight_or_a_unit_tells_its_value(qtbot, panel):
    diagram = panel.diagram
    frame = panel.last_frame
    value = float(frame.weights[1][0, 2])  # fc2.weight[0, 2]: hidden layer 1 unit 2 → layer 2 unit 0
    pos = diagram.weight_position(1, 0, 2)
    text = diagram.tooltip_at(pos)
    assert f"{value:+.4f}" in text and "fc2.weight[0, 2]" in text
    # The real tooltip event shows the same text.
    point = pos.toPoint()
    QApplication.sendEvent(diagram, QHelpEvent(QEvent.Type.ToolTip, point, diagram.mapToGlobal(point)))
    assert QToolTip.text() == text
    unit = diagram.unit_rect(0, 3).center()
    unit_text = diagram.tooltip_at(unit)
    assert "fc1 unit 3" in unit_text and f"{float(frame.biases[0][3]):+.4f}" in unit_text
    assert diagram.tooltip_at(QPointF(2, 2)) == ""
    # Hovering a unit shows its picture large in the output view.
    diagram.unit_hovered.emit((0, 3))
    assert np.array_equal(panel.boundary.shown_values(), frame.layers[0][3])
    diagram.unit_hovered.emit(None)
    assert np.array_equal(panel.boundary.shown_values(), frame.values)


def test_discretise_and_test_point_toggles(qtbot, panel):
    train_epochs(qtbot, panel, 5)
    panel.discretize.setChecked(True)
    shown = panel.boundary.shown_values()
    assert set(np.unique(shown)) <= {0, 1}
    assert np.array_equal(shown, (panel.last_frame.values >= 0.5).astype(np.int64))
    panel.discretize.setChecked(False)
    assert np.array_equal(panel.boundary.shown_values(), panel.last_frame.values)
    assert panel.boundary.test_points.isVisible()
    panel.show_test.setChecked(False)
    assert not panel.boundary.test_points.isVisible() and panel.boundary.train_points.isVisible()


def test_a_wrong_output_activation_is_explained_in_the_panel(qtbot, panel):
    panel.output_activation.setCurrentIndex(panel.output_activation.findData("Linear"))
    qtbot.waitUntil(lambda: panel.notice.isVisible() and panel.notice.level == "error", timeout=TIMEOUT_MS)
    assert "Sigmoid" in panel.notice.plain_text and "Auto" in panel.notice.plain_text
    assert not panel.train_button.isEnabled() and "Sigmoid" in panel.train_button.toolTip()
    panel.output_activation.setCurrentIndex(panel.output_activation.findData("auto"))
    wait_ready(qtbot, panel)
    assert not panel.notice.isVisible()


def test_multi_class_regression_and_surface_problems(qtbot, panel):
    panel.set_problem("classification", "gaussians", classes=4)
    wait_ready(qtbot, panel)
    assert panel.problem().task == "multiclass" and panel.worker.trainer.model[-1].out_features == 4
    assert panel.last_frame.probabilities.shape == (GRID_RESOLUTION, GRID_RESOLUTION, 4)
    assert panel.output_activation.itemText(0) == "Auto (None (linear))"

    panel.set_problem("regression_1d", "sine")
    wait_ready(qtbot, panel)
    assert panel.features() == ["x1"]  # a function of x has no x2 features
    assert not panel.feature_boxes["x2"].isEnabled() and panel.feature_boxes["sin(x1)"].isEnabled()
    train_epochs(qtbot, panel, 3)
    assert panel.boundary.curve.isVisible() and not panel.boundary.image.isVisible()
    assert panel.boundary.shown_values().shape == (CURVE_RESOLUTION,)
    assert panel.diagram.thumbnail_count() == 6  # curves instead of pictures, one per unit
    assert "r2" in panel.epoch_rows[-1].test

    panel.set_problem("surface", "saddle")
    wait_ready(qtbot, panel)
    assert panel.features() == ["x1", "x2"]  # the 2-D features come back
    assert panel.boundary.image.isVisible() and panel.boundary.shown_values().shape == (GRID_RESOLUTION,) * 2


def test_training_settings_change_under_a_running_network_without_losing_it(qtbot, panel):
    panel.train()
    qtbot.waitUntil(lambda: panel.last_frame.epoch >= 3, timeout=TIMEOUT_MS)
    panel.learning_rate.setValue(0.01)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    epoch = panel.last_frame.epoch
    qtbot.waitUntil(lambda: panel.last_frame.epoch >= epoch + 3, timeout=TIMEOUT_MS)  # it goes on from there
    assert panel.running and panel.pause_button.isEnabled() and not panel.train_button.isEnabled()
    config = panel.worker.trainer.config
    assert (config.learning_rate, config.optimizer) == (0.01, "adam")
    assert [row.epoch for row in panel.epoch_rows] == list(range(1, len(panel.epoch_rows) + 1))
    panel.pause()
    qtbot.waitUntil(lambda: not panel.running, timeout=TIMEOUT_MS)
    assert panel.train_button.isEnabled() and not panel.pause_button.isEnabled()


def test_the_window_has_a_playground_workspace_with_its_own_worker(qtbot, make_window):
    window = make_window()
    space = window.workspaces.workspace("playground")
    assert space is not None and space.button.text() == "Playground"
    playground = window.playground
    assert not window.view_on_screen(playground)
    assert not playground.worker.thread_running  # started when the workspace is first shown, not before
    space.button.click()
    assert window.workspaces.current() is space and window.view_on_screen(playground)
    wait_ready(qtbot, playground)
    assert playground.worker is not window.worker and playground.worker.thread() is not window.worker.thread()
    playground.train()
    qtbot.waitUntil(lambda: playground.last_frame.epoch >= 2, timeout=TIMEOUT_MS)
    window.close_discarding()  # closing mid-run ends the playground's thread too
    assert not playground.worker.thread_running


def test_texts_built_from_values_follow_a_language_switch(qtbot, panel):
    from playground.core import i18n

    i18n.set_translator(lambda text: "«" + text + "»")  # a stand-in language: every catalogue text marked
    try:
        panel.retranslate()
        assert panel.layers_label.text() == "«2 hidden layers»" and panel.add_layer.toolTip().startswith("«Add")
        assert panel.epoch_label.text().startswith("«Epoch") and "«" in panel.loss_label.text()
        assert panel.output_activation.itemText(panel.output_activation.findData("auto")) == "«Auto («Sigmoid»)»"
        assert panel.feature_boxes["x1"].toolTip() == "«Give the network x1 as an input.»"
    finally:
        i18n.set_translator(None)
    panel.retranslate()
    assert panel.layers_label.text() == "2 hidden layers" and panel.epoch_label.text().startswith("Epoch")
    assert panel.output_activation.itemText(panel.output_activation.findData("auto")) == "Auto (Sigmoid)"

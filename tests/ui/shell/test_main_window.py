import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QToolBar

from playground.core.training.training_config import OPTIMIZERS
from playground.ui.shell.design_controller import SETTINGS_CONFIG
from playground.ui.shell.main_window import SETTINGS_GEOMETRY, SETTINGS_STATE, MainWindow
from playground.ui.shell.run_controls import RunState
from playground.ui.shell.workspaces import OLD_KEY_TAB

RUN_TIMEOUT_MS = 120_000


def set_settings(window: MainWindow, epochs: int = 1, batch_size: int = 64, learning_rate: float | None = None,
                 optimizer: str | None = None) -> None:
    panel = window.panel
    panel.epochs.setValue(epochs)
    panel.batch_size.setValue(batch_size)
    if learning_rate is not None:
        panel.learning_rate.setValue(learning_rate)
    if optimizer is not None:
        panel.optimizer.setCurrentIndex(panel.optimizer.findData(optimizer))


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=RUN_TIMEOUT_MS)


def curve_length(item) -> int:
    x, _ = item.getData()
    return 0 if x is None else len(x)


def test_opens_with_seed_mlp_ready_to_train(make_window):
    window = make_window()
    assert window.preset.name == "seed-mlp"
    assert window.panel.preset_name == "seed-mlp"
    assert window.windowTitle() == "Untitled — nn-playground"  # no unsaved changes yet
    actions = window.run_actions
    assert actions.train.isEnabled() and actions.step.isEnabled() and actions.reset.isEnabled()
    assert not actions.pause.isEnabled() and not actions.stop.isEnabled()
    assert window.panel.epochs.isEnabled()
    # The Network dock's editor shows seed-mlp's layers and the total.
    assert [info.name for info in window.editor.report().layers] == ["flatten1", "fc1", "relu1", "fc2", "relu2", "fc3"]
    assert window.editor.report().layers[1].weight_shapes["W^[1]"] == (128, 784)
    assert "109,386" in window.editor.totals_label.text()
    assert not window.editor.is_locked()
    assert set(OPTIMIZERS) == {window.panel.optimizer.itemData(i) for i in range(window.panel.optimizer.count())}
    assert "2,000 training" in window.panel.data.text()
    for widget in (window.panel.epochs, window.panel.batch_size, window.panel.learning_rate,
                   window.panel.optimizer, window.panel.device, window.panel.seed, window.panel.preset):
        assert widget.toolTip()
    assert all(action.toolTip() for action in actions.buttons())


def test_cuda_choice_is_disabled_without_a_gpu(make_window):
    import torch

    window = make_window()
    device = window.panel.device
    item = device.model().item(device.findData("cuda"))
    assert item.isEnabled() == torch.cuda.is_available()
    if not torch.cuda.is_available():
        assert "No CUDA GPU" in item.toolTip()


def test_train_fills_the_plots_the_epoch_table_and_the_summary(qtbot, make_window):
    window = make_window()
    set_settings(window, epochs=2)
    window.run_actions.train.trigger()
    assert window.state in (RunState.STARTING, RunState.TRAINING)
    assert not window.run_actions.train.isEnabled() and window.run_actions.stop.isEnabled()
    assert not window.panel.learning_rate.isEnabled()
    qtbot.waitUntil(lambda: window.plots.step_count > 0, timeout=RUN_TIMEOUT_MS)
    wait_idle(qtbot, window)

    steps = 2 * 32  # 2,000 images in batches of 64
    assert window.plots.step_count == steps
    assert curve_length(window.plots.raw_loss_curve) == steps
    assert curve_length(window.plots.smooth_loss_curve) == steps
    assert window.epoch_table.rowCount() == 2
    assert window.epoch_table.item(1, 0).text() == "2"
    epochs, accuracy = window.plots.epoch_points("test_accuracy")
    assert epochs == [1, 2] and all(0 <= a <= 100 for a in accuracy)
    assert "Test accuracy" in window.panel.summary.text()
    assert "test accuracy" in window.statusBar().currentMessage()
    assert window.status.step.text() == f"Step {steps}"
    assert window.run_actions.train.isEnabled() and window.panel.learning_rate.isEnabled()


def test_pause_then_step_advances_exactly_one_step(qtbot, make_window, record):
    window = make_window()
    set_settings(window, epochs=200, batch_size=16)
    paused = record(window.worker.paused)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 3, timeout=RUN_TIMEOUT_MS)
    window.run_actions.pause.trigger()
    assert window.state == RunState.PAUSED
    paused.wait(qtbot)
    trainer = window.worker.trainer
    before = trainer.global_step
    qtbot.waitUntil(lambda: window.plots.step_count == before)  # every loss so far has arrived

    window.run_actions.step.trigger()
    paused.wait(qtbot, count=2)
    assert trainer.global_step == before + 1
    qtbot.waitUntil(lambda: window.plots.step_count == before + 1)
    assert window.state == RunState.PAUSED
    assert window.run_actions.train.text() == "Resume"

    window.run_actions.stop.trigger()
    wait_idle(qtbot, window)
    assert trainer.global_step == before + 1


def test_space_pauses_and_resumes(qtbot, make_window, record):
    window = make_window()
    set_settings(window, epochs=200, batch_size=16)
    paused = record(window.worker.paused)
    window.train()
    qtbot.waitUntil(lambda: window.state == RunState.TRAINING, timeout=RUN_TIMEOUT_MS)
    window.run_actions.pause_resume.trigger()
    paused.wait(qtbot)
    assert window.state == RunState.PAUSED
    steps = window.worker.trainer.global_step
    window.run_actions.pause_resume.trigger()
    assert window.state == RunState.TRAINING
    qtbot.waitUntil(lambda: window.worker.trainer.global_step > steps, timeout=RUN_TIMEOUT_MS)
    window.stop()
    wait_idle(qtbot, window)


def test_stop_ends_the_run_within_a_batch(qtbot, make_window, record):
    window = make_window()
    set_settings(window, epochs=200, batch_size=16)
    finished = record(window.worker.finished)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 3, timeout=RUN_TIMEOUT_MS)
    trainer = window.worker.trainer
    window.run_actions.stop.trigger()
    at_stop = trainer.global_step
    assert window.state == RunState.STOPPING
    summary, = finished.wait(qtbot)
    assert summary.reason == "stopped"
    assert trainer.global_step <= at_stop + 1
    wait_idle(qtbot, window)
    assert "Stopped" in window.panel.summary.text()
    assert window.plots.step_count == trainer.global_step


def test_reset_asks_first_then_clears_the_curves(qtbot, make_window, monkeypatch):
    window = make_window()
    set_settings(window, epochs=1)
    window.train()
    wait_idle(qtbot, window)
    assert window.plots.step_count == 32 and window.epoch_table.rowCount() == 1

    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.append(a) or QMessageBox.StandardButton.No)
    window.run_actions.reset.trigger()
    assert len(answers) == 1
    qtbot.wait(200)
    assert window.plots.step_count == 32  # declined: nothing changed

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.run_actions.reset.trigger()
    qtbot.waitUntil(lambda: window.plots.step_count == 0)
    assert curve_length(window.plots.raw_loss_curve) == 0
    assert window.epoch_table.rowCount() == 0
    assert window.worker.trainer.global_step == 0
    assert window.status.step.text() == "Step 0"


def test_divergence_is_shown_in_the_window(qtbot, make_window):
    window = make_window()
    set_settings(window, epochs=1, learning_rate=10.0, optimizer="sgd")
    window.train()
    wait_idle(qtbot, window)
    assert window.training_message.isVisible()
    assert window.training_message.level == "error"
    assert "diverged" in window.training_message.text
    assert "Diverged" in window.panel.summary.text()
    # A new run hides the old message.
    set_settings(window, epochs=1, learning_rate=1e-3, optimizer="adam")
    window.train()
    assert not window.training_message.isVisible()
    wait_idle(qtbot, window)


def test_closing_the_window_while_training_ends_the_thread_quickly(qtbot, make_window):
    window = make_window()
    set_settings(window, epochs=500, batch_size=16)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 0, timeout=RUN_TIMEOUT_MS)
    started = time.perf_counter()
    window.close_discarding()
    assert time.perf_counter() - started < 2.0
    assert not window.worker.thread_running


def test_closing_while_paused_ends_the_thread(qtbot, make_window, record):
    window = make_window()
    set_settings(window, epochs=500, batch_size=16)
    paused = record(window.worker.paused)
    window.step()
    paused.wait(qtbot)
    window.close_discarding()
    assert not window.worker.thread_running


def test_preset_change_shows_the_new_network(qtbot, make_window):
    window = make_window()
    window.choose_preset("cnn")
    assert window.preset.name == "cnn" and window.panel.preset_name == "cnn"
    assert window.editor.spec().to_json() == window.preset.spec.to_json()
    assert any(name.startswith("conv") for name in window.diagram.columns())
    set_settings(window, epochs=1, batch_size=256)
    window.start_training(epochs=0.25)  # a few steps are enough to show the new network trains
    wait_idle(qtbot, window)
    assert window.worker.trainer.spec.to_json() == window.preset.spec.to_json()
    assert window.plots.step_count == 2


def test_settings_geometry_and_workspaces_are_remembered(qtbot, make_window):
    window = make_window(remember=True)
    window.panel.learning_rate.setValue(0.02)
    window.panel.optimizer.setCurrentIndex(window.panel.optimizer.findData("momentum"))
    spaces = window.workspaces
    spaces.show_view("Diagram")  # each workspace keeps the view chosen in it
    spaces.set_learn_open(True)
    spaces.show_workspace("train")
    assert spaces.show_side("Matrices")  # and the side tab chosen in it
    spaces.show_view("Experiments")  # the workspace on show, and its view
    window.close_discarding()
    assert QSettings().value(SETTINGS_GEOMETRY) is not None  # offscreen screens clamp sizes: not compared

    again = make_window(remember=True)
    assert again.panel.learning_rate.value() == pytest.approx(0.02)
    assert again.panel.optimizer.currentData() == "momentum"
    spaces = again.workspaces
    assert spaces.current().name == "runs" and spaces.current_view_key() == "Experiments"
    assert again.view_on_screen(again.experiments_panel)
    assert spaces.learn_open and again.comfort.learn_action.isChecked()
    spaces.show_workspace("inside")
    assert again.view_on_screen(again.diagram)
    spaces.show_workspace("train")
    assert again.view_on_screen(again.matrix_panel) and not again.view_on_screen(again.comfort.learn)


def test_what_the_window_before_workspaces_remembered_is_read_once_or_dropped_quietly(qtbot, make_window):
    old = QMainWindow()  # the window with docks: its saved state (Qt's default version) cannot fit the new one
    for name, area in (("networkDock", Qt.DockWidgetArea.LeftDockWidgetArea),
                       ("trainingDock", Qt.DockWidgetArea.RightDockWidgetArea),
                       ("learnDock", Qt.DockWidgetArea.RightDockWidgetArea)):
        dock = QDockWidget(name, old)
        dock.setObjectName(name)
        dock.setWidget(QLabel(name))
        old.addDockWidget(area, dock)
    toolbar = QToolBar("Training", old)
    toolbar.setObjectName("trainingToolbar")
    old.addToolBar(toolbar)
    old.setCentralWidget(QLabel("tabs"))
    settings = QSettings()
    settings.setValue(SETTINGS_STATE, old.saveState())
    settings.setValue(OLD_KEY_TAB, "Diagram")  # the centre tab, by key, before workspaces
    settings.sync()
    old.deleteLater()

    window = make_window(remember=True)
    assert window.view_on_screen(window.diagram)  # the old tab's view, in its workspace
    assert not QSettings().contains(OLD_KEY_TAB)  # read once, then dropped
    assert window.run_actions.available and window.findChildren(QToolBar)[0].isVisibleTo(window)
    window.show_view("PyTorch code")
    window.close_discarding()
    again = make_window(remember=True)  # now what the new window remembered, and the old key is not back
    assert again.view_on_screen(again.code_view)
    assert not QSettings().contains(OLD_KEY_TAB)


@pytest.mark.parametrize("saved", ["{not json", "[0.02, 64]", '{"learning_rate": -1}', '"adam"'])
def test_damaged_remembered_settings_give_the_presets(qtbot, make_window, saved):
    QSettings().setValue(SETTINGS_CONFIG, saved)
    window = make_window(remember=True)
    assert window.panel.learning_rate.value() == pytest.approx(0.001)  # seed-mlp's own settings
    assert window.panel.optimizer.currentData() == "adam" and window.panel.batch_size.value() == 64


def test_an_explicit_preset_and_device_win_over_remembered_ones(qtbot, make_window):
    window = make_window(remember=True)
    window.choose_preset("cnn")
    window.close_discarding()
    again = make_window(remember=True, preset="seed-mlp", device="cpu")
    assert again.preset.name == "seed-mlp"
    assert again.panel.device.currentData() == "cpu"
    again.close_discarding()
    third = make_window(remember=True)
    assert third.preset.name == "seed-mlp"


def test_changing_the_device_keeps_the_learned_weights(qtbot, make_window):
    window = make_window()
    set_settings(window, epochs=1)
    window.train()
    wait_idle(qtbot, window)
    weights = window.worker.trainer.state_snapshot()["fc1.weight"]
    window.panel.device.setCurrentIndex(window.panel.device.findData("cpu"))  # "auto" before: a new trainer
    window.start_training(epochs=0.25)
    wait_idle(qtbot, window)
    trainer = window.worker.trainer
    assert trainer.config.device == "cpu"
    assert trainer.global_step == 32 + 8  # continued, not restarted
    assert len(trainer.history.epochs) == 1
    assert window.plots.step_count == 40
    assert not (trainer.state_snapshot()["fc1.weight"] == weights).all()  # trained on from there


def test_a_folder_without_a_data_set_is_reported_in_the_window(qtbot, tmp_path):
    window = MainWindow(data_dir=tmp_path, remember=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.state == RunState.UNAVAILABLE, timeout=30_000)
    assert window.training_message.isVisible() and window.training_message.level == "error"
    assert not window.run_actions.train.isEnabled() and not window.run_actions.step.isEnabled()
    window.close()
    assert not window.worker.thread_running


def test_data_the_network_cannot_read_is_explained(qtbot, small_data, make_window):
    from playground.core.data.datasets import DataSplits, ImageDataset

    def crop(part: ImageDataset) -> ImageDataset:
        return ImageDataset(part.images[:, :20, :20].copy(), part.labels, part.name, part.classes)

    window = make_window(data=DataSplits(crop(small_data.train), crop(small_data.test)))
    # The training panel says why (Train waits, with the reason) and offers to adapt the network in one click.
    notice = window.panel.task_settings.head_notice.plain_text
    assert "1×28×28" in notice and "1×20×20" in notice
    assert not window.run_actions.train.isEnabled() and "1×20×20" in window.run_actions.train.toolTip()
    assert window.head_check.apply_fix()
    assert window.spec.input_shape == (1, 20, 20) and window.run_actions.train.isEnabled()


def test_samples_per_second_never_comes_from_a_stretch_of_one_batch(qtbot, make_window, record):
    """After a run the status bar keeps that run's average; a Step from idle (a run of one batch, then paused and
    stopped) shows none rather than what one batch took, and nothing of the earlier run's figure either."""
    window = make_window()
    set_settings(window, epochs=1, batch_size=64)  # 32 steps: enough to measure
    window.train()
    wait_idle(qtbot, window)
    speed = window.status.speed.text()
    assert speed.endswith(" samples/s") and speed[0].isdigit(), speed
    paused = record(window.worker.paused)
    window.step()
    paused.wait(qtbot)
    qtbot.waitUntil(lambda: window.state == RunState.PAUSED and window.plots.step_count == 33)
    assert window.status.speed.text() == "– samples/s"
    window.stop()
    wait_idle(qtbot, window)
    assert window.status.speed.text() == "– samples/s" and window.status.step.text() == "Step 33"

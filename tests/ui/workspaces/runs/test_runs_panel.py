"""The Runs tab: overlay of the checked runs, rename and delete, forking a paused run, runs in project files."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import SavePaths, train, wait_idle

from playground.core.files.project_file import load_project
from playground.core.model.presets import load_preset
from playground.core.training.runs import RUNS_KEY, RunStore
from playground.ui.shell.run_controls import RunState
from playground.ui.workspaces.runs.runs_panel import NAME, RunsPanel, run_colour


def synthetic_store() -> RunStore:
    """Run 1 (20 steps), Run 2 forked from it at step 20 with another learning rate, Run 3 a new network."""
    preset = load_preset("seed-mlp")
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    store.add_losses(np.arange(1, 21), np.linspace(2.3, 1.0, 20))
    for step in (10, 20):
        store.add_epoch({"epoch": step // 10, "step": step, "train_loss": 1.0, "test_loss": 1.0,
                         "test_accuracy": 0.6 + step / 100})
    store.finish("stopped", 20)
    store.begin(preset.spec, preset.training.replace(learning_rate=1e-4), 20, 2, 10)
    store.add_losses(np.arange(21, 31), np.full(10, 0.8))
    store.add_epoch({"epoch": 3, "step": 30, "train_loss": 0.8, "test_loss": 0.8, "test_accuracy": 0.85})
    store.finish("completed", 30)
    store.weights_reset()
    cnn = load_preset("cnn")
    store.begin(cnn.spec, cnn.training, 0, 0, 10)
    store.add_losses(np.arange(1, 11), np.linspace(2.0, 0.5, 10))
    store.finish("completed", 10)
    return store


def test_the_overlay_shows_the_checked_runs(qtbot):
    panel = RunsPanel()
    qtbot.addWidget(panel)
    assert panel.empty_label.isVisibleTo(panel) and not panel.fork_button.isEnabled()
    panel.set_store(synthetic_store())
    assert panel.table.rowCount() == 3 and not panel.empty_label.isVisibleTo(panel)
    assert panel.drawn_runs() == [1, 2, 3]
    assert panel.table.item(1, 1).text() == "Run 1 @ 20"  # forked from
    assert panel.table.item(1, 6).text() == "85.00%" and panel.table.item(0, 9).text() == "forked"
    # Unticking a run takes its curves off; the others stay.
    panel.table.item(1, NAME).setCheckState(Qt.CheckState.Unchecked)
    assert panel.drawn_runs() == [1, 3] and panel.checked_ids() == [1, 3]
    panel.show_none_button.click()
    assert panel.drawn_runs() == []
    panel.set_checked(2, True)
    assert panel.drawn_runs() == [2]
    # A forked run's curve starts at the fork step, on its parent's smoothed loss there (the branch point).
    x, y = panel.loss_curve(2)
    parent_x, parent_y = panel.store.loss_curve(1)
    assert x[0] == 20 and y[0] == pytest.approx(parent_y[-1])
    mx, my = panel.metric_curve(2)
    assert list(mx) == [20, 30] and my[0] == pytest.approx(80.0)  # percent
    panel.show_all_button.click()
    assert panel.drawn_runs() == [1, 2, 3]
    assert len({run_colour(i) for i in (1, 2, 3)}) == 3
    # Another score on the right plot.
    panel.metric_choice.setCurrentIndex(panel.metric_choice.findData("test_loss"))
    assert list(panel.metric_curve(1)[1]) == [1.0, 1.0]


def test_rename_and_delete(qtbot, monkeypatch):
    panel = RunsPanel(synthetic_store())
    qtbot.addWidget(panel)
    edits = []
    panel.edited.connect(lambda: edits.append(1))
    panel.table.item(0, NAME).setText("Adam baseline")
    assert panel.store.get(1).name == "Adam baseline" and edits
    panel.table.item(0, NAME).setText("   ")  # an empty name is refused
    assert panel.store.get(1).name == "Adam baseline" and panel.table.item(0, NAME).text() == "Adam baseline"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.table.selectRow(0)
    assert panel.delete_button.isEnabled()
    panel.delete_button.click()
    assert [r.id for r in panel.store.runs] == [2, 3] and panel.drawn_runs() == [2, 3]
    assert panel.table.item(0, 1).text() == "a deleted run @ 20"


def test_fork_creates_a_child_whose_curve_starts_at_the_fork_step(qtbot, make_window):
    window = make_window()
    window.panel.epochs.setValue(1)  # 32 steps on the test data
    def paused_at(step: int) -> bool:
        run = window.runs.store.current
        return window.state == RunState.PAUSED and run is not None and run.status == "paused" and run.end_step == step

    window.step()  # from idle: one batch, then paused
    for step in (1, 2):
        qtbot.waitUntil(lambda step=step: paused_at(step), timeout=60_000)
        window.step()
    qtbot.waitUntil(lambda: paused_at(3), timeout=60_000)
    assert window.runs.panel.fork_button.isEnabled()
    panel = window.runs.panel
    assert "Fork Run 1 at step 3 (paused)" in panel.fork_label.text()
    panel.fork_optimizer.setCurrentIndex(panel.fork_optimizer.findData("sgd"))
    panel.fork_rate.setValue(0.05)
    panel.fork_button.click()
    qtbot.waitUntil(lambda: len(window.runs.store.runs) == 2, timeout=60_000)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.runs.store.current.status == "completed", timeout=60_000)
    parent, child = window.runs.store.runs
    assert (parent.status, parent.end_step) == ("forked", 3)
    assert (child.parent_id, child.fork_step, child.start_step, child.end_step) == (1, 3, 3, 32)
    assert (child.config.optimizer, child.config.learning_rate) == ("sgd", 0.05)
    trainer = window.worker.trainer
    assert trainer.config.optimizer == "sgd" and trainer.global_step == 32  # the same weights trained on
    assert window.panel.optimizer.currentData() == "sgd"  # the settings now shown are the child's
    window.show_widget(panel)  # curves that grew while the tab was hidden are drawn when it shows
    x, y = panel.loss_curve(child.id)
    parent_x, parent_y = panel.loss_curve(parent.id)
    assert x[0] == 3 and y[0] == pytest.approx(parent_y[-1]) and x[-1] == 32
    assert list(parent_x) == [1, 2, 3]
    assert panel.drawn_runs() == [1, 2]
    assert panel.table.item(1, 1).text() == "Run 1 @ 3"


def test_changed_settings_fork_on_train_and_runs_survive_save_and_open(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    train(qtbot, window, epochs=1)
    assert [r.status for r in window.runs.store.runs] == ["completed"]
    window.panel.learning_rate.setValue(0.0005)
    assert "learning rate 0.001 → 0.0005" in window.runs.panel.hint.text()
    train(qtbot, window, epochs=1)
    runs = window.runs.store.runs
    assert [(r.id, r.parent_id, r.start_step, r.end_step) for r in runs] == [(1, None, 0, 32), (2, 1, 32, 64)]
    window.runs.store.rename(1, "lr 1e-3")
    path = tmp_path / "runs.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    window.project_actions.save_action.trigger()
    saved = load_project(path).extra[RUNS_KEY]
    assert [r["name"] for r in saved["runs"]] == ["lr 1e-3", "Run 2"] and saved["current"] == 2
    expected = [(r.history.to_json(), r.config.to_json()) for r in runs]
    window.close_discarding()

    opened = make_window()
    loaded = []
    opened.worker.project_loaded.connect(loaded.append)
    assert opened.project_actions.open_path(path)
    qtbot.waitUntil(lambda: bool(loaded), timeout=60_000)
    store = opened.runs.store
    assert [r.name for r in store.runs] == ["lr 1e-3", "Run 2"]
    assert [(r.history.to_json(), r.config.to_json()) for r in store.runs] == expected
    assert opened.runs.panel.table.rowCount() == 2 and opened.runs.panel.drawn_runs() == [1, 2]
    assert store.current_id == 2 and store.get(2).status == "completed"
    # Training on continues the run the saved weights came from.
    train(qtbot, opened, epochs=1)
    assert len(store.runs) == 2 and store.get(2).end_step == 96
    # A new design starts without runs.
    opened.new_design()
    assert len(opened.runs.store.runs) == 0 and opened.runs.panel.table.rowCount() == 0


def test_run_names_and_statuses_follow_the_language_and_stay_english_in_the_store(qtbot):
    from playground.core import i18n

    words = {"Run {id}": "运行 {id}", "forked": "已分叉", "completed": "已完成"}
    panel = RunsPanel()
    qtbot.addWidget(panel)
    panel.set_store(synthetic_store())
    i18n.set_translator(lambda text: words.get(text, text))
    try:
        panel.retranslate()
        assert panel.table.item(0, NAME).text() == "运行 1" and panel.table.item(0, 9).text() == "已分叉"
        assert panel.table.item(1, 1).text() == "运行 1 @ 20"
        # Editing the shown default name back to itself changes nothing; a new name is kept as typed.
        panel.table.item(1, NAME).setText("运行 2")
        assert panel.store.get(2).name == "Run 2"
        panel.table.item(1, NAME).setText("fine-tune")
        assert panel.store.get(2).name == "fine-tune"
    finally:
        i18n.set_translator(None)
    panel.retranslate()
    assert panel.table.item(0, NAME).text() == "Run 1" and panel.table.item(0, 9).text() == "forked"


def test_a_hidden_panel_draws_its_runs_only_when_shown(qtbot):
    """Behind another tab the panel lists runs but draws none: a run's start then costs the window nothing."""
    panel = RunsPanel()
    qtbot.addWidget(panel)
    panel.set_store(synthetic_store())
    assert panel.table.rowCount() == 3
    assert panel.loss_plot.listDataItems() == []
    panel.show()
    qtbot.waitExposed(panel)
    assert len(panel.loss_plot.listDataItems()) >= 3


def test_a_run_that_grows_behind_another_workspace_fills_its_row_when_the_panel_comes_back(qtbot):
    from PySide6.QtWidgets import QLabel, QStackedWidget

    preset = load_preset("seed-mlp")
    store = RunStore()
    run = store.begin(preset.spec, preset.training, 0, 0, 10)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    panel = RunsPanel()
    stack.addWidget(QLabel("another workspace"))
    stack.addWidget(panel)
    stack.show()
    panel.set_store(store)

    def row_text() -> list[str]:
        return [panel.table.item(0, col).text() if panel.table.item(0, col) else ""
                for col in range(panel.table.columnCount())]

    before = row_text()
    store.add_epoch({"epoch": 1, "step": 10, "train_loss": 1.0, "test_loss": 0.9, "test_accuracy": 0.7})
    panel.run_updated(run.id)
    assert row_text() == before  # nothing filled for nobody while another workspace is on show
    stack.setCurrentWidget(panel)
    assert "70.00%" in row_text()  # filled on return

"""The Sweep view: a 2×2 grid trains in the background and becomes four runs of the Runs view; the table sorts,
the best run is the highest test score and opens in one click; Cancel stops after the run in training; bad values
and a sweep while the window trains are refused with the reason."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from playground.core.data.datasets import load_data
from playground.core.model.presets import DEFAULT_PRESET, load_preset
from playground.core.training.runs import RunStore
from playground.ui.workspaces.runs import sweep_panel as sweep_panel_module
from playground.ui.workspaces.runs.sweep_job import SweepOutcome
from playground.ui.workspaces.runs.sweep_panel import SweepPanel
from playground.ui.workspaces.runs.sweep_results import axis_positions
from tests.ui.window_helpers import Answers, wait_idle

RUN_TIMEOUT_MS = 120_000


@pytest.fixture(scope="module")
def tiny_data():
    return load_data(train_limit=256, test_limit=128)


class FakeHost:
    """The window as the Sweep view sees it: a design, the data, a run store."""

    def __init__(self, data, blocker: str = ""):
        preset = load_preset(DEFAULT_PRESET)
        self.spec, self.config = preset.spec, preset.training.replace(device="cpu")
        self.data = data
        self.blocker = blocker
        self.store = RunStore()
        self.opened: list[int] = []
        self.continued: list = []
        self.callbacks: list[Callable[[], None]] = []
        self.logs = None  # Training ▸ Write TensorBoard Logs: off

    def training_blocker(self) -> str:
        return self.blocker

    def sweep_design(self):
        return self.spec.copy(), self.config

    def sweep_data(self):
        return self.data

    def keep_run(self, outcome: SweepOutcome, name: str):
        return self.store.add_finished(outcome.plan.spec, outcome.plan.config, outcome.history,
                                       outcome.steps_per_epoch, outcome.reason, name)

    def open_run(self, run_id: int) -> None:
        self.opened.append(run_id)

    def continue_run(self, run, project) -> bool:
        self.continued.append((run.id, project))
        return True

    def when_training_starts(self, callback: Callable[[], None]) -> None:
        self.callbacks.append(callback)

    def tensorboard_dir(self):
        return self.logs


@pytest.fixture
def make_panel(qtbot):
    panels: list[SweepPanel] = []

    def make(host) -> SweepPanel:
        panel = SweepPanel(host)
        panels.append(panel)
        qtbot.addWidget(panel)
        panel.resize(1000, 700)
        panel.show()
        return panel

    yield make
    for panel in panels:
        panel.shutdown()
        assert not panel.job.thread_running


def _column(panel: SweepPanel, title: str) -> int:
    for column in range(panel.table.columnCount()):
        if panel.table.horizontalHeaderItem(column).text() == title:
            return column
    raise AssertionError(f"no column {title}")


def test_a_2x2_grid_in_the_window_becomes_four_runs_and_the_best_opens(qtbot, make_window, tiny_data):
    window = make_window(data=tiny_data)
    panel = window.sweep_panel
    assert window.show_view("Sweep") and panel.isVisible()
    panel.set_setting(0, "lr", "0.001, 0.1")
    panel.set_setting(1, "units.fc1", "8, 32")
    panel.set_setting(2, "", "")
    assert panel.plan_label.text() == "Runs: 4 · epochs per run: 1"
    runs_before, current_before = len(window.runs.store.runs), window.runs.store.current_id
    finished = []
    panel.sweep_finished.connect(finished.append)
    assert panel.run_sweep()
    assert panel.running and panel.cancel_button.isEnabled() and not panel.run_button.isEnabled()
    qtbot.waitUntil(lambda: bool(finished), timeout=RUN_TIMEOUT_MS)
    assert finished == ["completed"]
    assert panel.job.thread_id is not None and panel.job.thread_id != threading.get_ident()
    # Four normal runs in the Runs view, with their curves and settings, saved with the project.
    new = window.runs.store.runs[runs_before:]
    assert len(new) == 4 and all(run.status == "completed" and run.history.epochs for run in new)
    assert sorted(run.config.learning_rate for run in new) == [0.001, 0.001, 0.1, 0.1]
    widths = sorted(run.spec.layers[1].params["out_features"] for run in new)
    assert widths == [8, 8, 32, 32]
    assert window.runs.panel.table.rowCount() == len(window.runs.store.runs)
    assert window.runs.store.current_id == current_before  # the trainer's weights are not a sweep run's
    assert len(window.current_project().extra["runs"]["runs"]) == len(window.runs.store.runs)
    # The table: one row per run, sortable by any column (numbers as numbers).
    table = panel.table
    assert table.rowCount() == 4
    score = _column(panel, "Test score")
    table.sortItems(score, Qt.SortOrder.DescendingOrder)
    shown = [float(table.item(row, score).text().rstrip("%")) for row in range(4)]
    assert shown == sorted(shown, reverse=True)
    lr = _column(panel, "lr")
    table.sortItems(lr, Qt.SortOrder.AscendingOrder)
    assert [table.item(row, lr).text() for row in range(4)] == ["0.001", "0.001", "0.1", "0.1"]
    # The best run is the one with the highest test score; one click selects and overlays it in the Runs view.
    best = max(new, key=lambda run: run.history.epochs[-1]["test_accuracy"])
    assert panel.best_run_id() == best.id and panel.open_best_button.isEnabled()
    assert panel.open_best()
    assert window.workspaces.current_view_key() == "Runs"
    selected = window.runs.panel.table.selectionModel().selectedRows()
    assert [window.runs.panel.table.item(index.row(), 0).data(Qt.ItemDataRole.UserRole) for index in selected] \
        == [best.id]
    assert best.id in window.runs.panel.drawn_runs()
    # The parallel-coordinates plot: one line per run, through the two settings and the score.
    assert len(panel.parallel.lines) == 4
    assert all(len(line.xData) == 3 for line in panel.parallel.lines)


def _run_sweep(qtbot, panel: SweepPanel, lr_values: str) -> None:
    panel.set_setting(0, "lr", lr_values)
    for row in (1, 2):
        panel.set_setting(row, "", "")
    finished = []
    panel.sweep_finished.connect(finished.append)
    assert panel.run_sweep()
    qtbot.waitUntil(lambda: bool(finished), timeout=RUN_TIMEOUT_MS)
    assert finished == ["completed"]


def _select(panel: SweepPanel, run_id: int) -> None:
    panel.table.selectRow(panel.table.run_ids().index(run_id))


def test_a_sweep_run_continues_in_the_window_where_train_and_the_fork_bar_take_it_on(
        qtbot, make_window, tiny_data, monkeypatch):
    window = make_window(data=tiny_data)
    assert window.start_training(epochs=1)  # the window's own weights: trained, so they are offered for saving
    wait_idle(qtbot, window)
    panel = window.sweep_panel
    window.show_view("Sweep")
    _run_sweep(qtbot, panel, "0.001, 0.01")
    sweep_runs = window.runs.store.runs[-2:]
    run = next(r for r in sweep_runs if r.config.learning_rate == 0.01)
    final = panel._kept[run.id][1]
    assert final.global_step == run.end_step > 0 and all(o.project is None for o in panel._outcomes)
    assert not panel.continue_button.isEnabled()  # nothing selected
    _select(panel, run.id)
    assert panel.continue_button.isEnabled()
    # Cancel at "Save changes?": nothing changes.
    answers = Answers(QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "question", answers)
    assert not panel.continue_selected()
    assert len(answers.asked) == 1 and "continuing a run of the sweep" in answers.asked[0]
    assert window.runs.store.current_id != run.id
    # Discard: the run's final weights, optimizer state and settings are the window's; it is the current run.
    monkeypatch.setattr(QMessageBox, "question", Answers(QMessageBox.StandardButton.Discard))
    assert panel.continue_selected()

    def taken_over() -> bool:  # the worker loads the weights on its thread
        trainer = window.worker.trainer
        weights = trainer.model.state_dict() if trainer is not None else {}
        return all(name in weights and torch.equal(weights[name], value) for name, value in final.state_dict.items())

    qtbot.waitUntil(taken_over, timeout=RUN_TIMEOUT_MS)
    assert window.worker.trainer.global_step == run.end_step
    assert window.runs.store.current_id == run.id and window.panel.learning_rate.value() == 0.01
    assert len(window.runs.store.runs) == 3  # the window's run and the two of the sweep, all kept
    assert window.workspaces.current_view_key() == "Runs"
    runs_panel = window.runs.panel
    assert f"Fork {run.name} at step {run.end_step:,}" in runs_panel.fork_label.text()
    assert runs_panel.fork_button.isEnabled()
    # Train continues that run: the same record grows, from its last step.
    assert window.start_training(epochs=1)
    wait_idle(qtbot, window)
    continued = window.runs.store.get(run.id)
    assert continued.end_step == 2 * run.end_step and len(window.runs.store.runs) == 3
    assert window.worker.trainer.global_step == 2 * run.end_step
    # The fork bar branches it with other settings: a child run of the sweep's run.
    runs_panel.fork_optimizer.setCurrentIndex(runs_panel.fork_optimizer.findData("sgd"))
    runs_panel.fork_rate.setValue(0.05)
    window.panel.epochs.setValue(3)
    runs_panel.fork_button.click()
    qtbot.waitUntil(lambda: len(window.runs.store.runs) == 4, timeout=RUN_TIMEOUT_MS)
    wait_idle(qtbot, window)
    child = window.runs.store.runs[-1]
    assert (child.parent_id, child.fork_step, child.config.optimizer) == (run.id, continued.end_step, "sgd")


def test_the_final_weights_kept_stay_within_the_budget_lowest_scores_dropped_first(
        qtbot, make_panel, tiny_data, monkeypatch):
    host = FakeHost(tiny_data)
    panel = make_panel(host)
    one_run = 110_000 * 4 * 3  # SimpleNN's weights and Adam's two moments, give or take
    monkeypatch.setattr(sweep_panel_module, "KEEP_WEIGHTS_BYTES", int(2.5 * one_run))
    _run_sweep(qtbot, panel, "0.0003, 0.001, 0.003, 0.5")
    score = {run_id: -1.0 if s is None else s for run_id, s in zip(panel._run_ids, panel.scores())}
    assert len(panel._kept) == 2 and panel.best_run_id() in panel._kept
    dropped = [run_id for run_id in panel._run_ids if run_id not in panel._kept]
    assert min(score[run_id] for run_id in panel._kept) >= max(score[run_id] for run_id in dropped)
    dropped = dropped[0]
    _select(panel, dropped)
    assert not panel.continue_button.isEnabled() and "not kept" in panel.continue_button.toolTip()
    assert not panel.continue_selected() and not host.continued
    best = panel.best_run_id()
    _select(panel, best)
    assert panel.continue_button.isEnabled() and panel.continue_selected()
    assert [run_id for run_id, _ in host.continued] == [best]


def test_the_window_refuses_a_sweep_while_it_trains(qtbot, make_window, tiny_data):
    window = make_window(data=tiny_data)
    window.panel.epochs.setValue(50)
    assert window.start_training()
    qtbot.waitUntil(lambda: window.document.running, timeout=RUN_TIMEOUT_MS)
    assert not window.sweep_panel.run_sweep()
    assert "training" in window.sweep_panel.status.text() and not window.sweep_panel.running
    window.stop()


def test_cancel_stops_after_the_run_in_training(qtbot, make_panel, tiny_data):
    host = FakeHost(tiny_data)
    panel = make_panel(host)
    panel.set_setting(0, "lr", "0.001, 0.002, 0.003, 0.004")
    panel.set_setting(1, "", "")
    started = []

    def first_run_started(index, plan) -> None:  # on the sweep's thread: tiny runs could all end before the GUI
        started.append(index)                    # thread saw the first one start (seen under load)
        panel.job.cancel()

    panel.job.run_started.connect(first_run_started)
    finished = []
    panel.sweep_finished.connect(finished.append)
    assert panel.run_sweep()
    qtbot.waitUntil(lambda: bool(started), timeout=RUN_TIMEOUT_MS)
    panel.cancel()  # what Cancel does: nothing more to stop by now, and no error
    qtbot.waitUntil(lambda: bool(finished), timeout=RUN_TIMEOUT_MS)
    assert finished == ["cancelled"]
    # `started` is appended on the sweep's thread: let the GUI thread take in every run that finished.
    qtbot.waitUntil(lambda: panel.table.rowCount() == len(started), timeout=RUN_TIMEOUT_MS)
    # The run in training finished and was kept; none started after it.
    assert 1 <= len(host.store.runs) < 4 and len(started) == len(host.store.runs)
    assert all(run.status == "completed" for run in host.store.runs)
    assert panel.table.rowCount() == len(host.store.runs) and "Cancelled" in panel.status.text()
    assert panel.run_button.isEnabled() and not panel.cancel_button.isEnabled()


def test_with_tensorboard_logs_on_each_run_writes_its_own_folder(qtbot, make_panel, tiny_data, tmp_path):
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    host = FakeHost(tiny_data)
    host.logs = tmp_path
    panel = make_panel(host)
    _run_sweep(qtbot, panel, "0.001, 0.01")
    sweeps = list(tmp_path.iterdir())
    assert len(sweeps) == 1 and sweeps[0].name.startswith("sweep-")
    runs = sorted(folder.name for folder in sweeps[0].iterdir())
    assert runs == ["run-01_lr=0.001", "run-02_lr=0.01"]
    assert len(host.store.runs) == 2
    for folder in sorted(sweeps[0].iterdir()):
        events = EventAccumulator(str(folder), size_guidance={"scalars": 0})
        events.Reload()
        losses = [event.value for event in events.Scalars(events.Tags()["scalars"][0])]
        assert losses  # the run's curves, readable by TensorBoard's own reader
    epoch_tags = [tag for tag in events.Tags()["scalars"] if "test" in tag]
    assert epoch_tags  # per-epoch test scores too


def test_a_tensorboard_folder_that_cannot_be_written_is_one_message_and_the_sweep_trains(
        qtbot, make_panel, tiny_data, tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    host = FakeHost(tiny_data)
    host.logs = blocked
    panel = make_panel(host)
    messages = []
    panel.job.log_error.connect(messages.append)
    _run_sweep(qtbot, panel, "0.001, 0.01")
    assert len(host.store.runs) == 2
    assert len(messages) == 1 and "TensorBoard logs cannot be written" in messages[0]
    # Said where the progress and the end of the sweep do not write over it; gone with the next sweep.
    assert panel.log_problem.isVisible() and panel.log_problem.text() == messages[0]
    assert panel.status.text().startswith("Finished: 2 runs")
    host.logs = None
    assert panel.run_sweep() and not panel.log_problem.isVisible()
    qtbot.waitUntil(lambda: not panel.running, timeout=RUN_TIMEOUT_MS)


@pytest.mark.parametrize(("name", "values", "reason"), [
    ("lr", "-1", "lr: -1 cannot be used; it must be a number above 0."),
    ("lr", "", "lr: a value is empty; list them as lr=A,B,C."),
    ("batch_size", "64, many", "batch_size: 'many' is not a whole number."),
    ("dropout", "0.1", "dropout: the network has no Dropout layer to change."),
    ("optimizer", "adam, lbfgs", "Unknown optimizer 'lbfgs'."),
])
def test_bad_values_are_refused_with_the_reason(qtbot, make_panel, name, values, reason):
    host = FakeHost(data=object())  # never trained: every check comes first
    panel = make_panel(host)
    panel.set_setting(0, name, values)
    panel.set_setting(1, "", "")
    assert not panel.run_sweep()
    assert reason in panel.status.text() and not panel.running and not host.store.runs


def test_no_setting_and_a_busy_window_are_refused(qtbot, make_panel):
    panel = make_panel(FakeHost(data=object()))
    for row in range(3):
        panel.set_setting(row, "", "")
    assert not panel.run_sweep() and "at least one setting" in panel.status.text()
    busy = make_panel(FakeHost(data=object(), blocker="The window is training."))
    assert not busy.run_sweep() and busy.status.text() == "The window is training."


def test_axis_positions_space_values_in_order_and_learning_rates_on_a_log_scale():
    heights, labels = axis_positions([0.1, 0.001, 0.01, 0.001])
    assert heights == pytest.approx([1.0, 0.0, 0.5, 0.0])
    assert [text for _, text in labels] == ["0.001", "0.01", "0.1"]
    heights, _ = axis_positions(["sgd", "adam", "sgd"])
    assert heights == [0.0, 1.0, 0.0]
    assert axis_positions([64])[0] == [0.5]

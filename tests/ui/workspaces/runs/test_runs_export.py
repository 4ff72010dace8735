"""Runs ▸ Export CSV… writes one row per epoch per run and a per-step file; Training ▸ Write TensorBoard Logs makes
the window's runs write event files that TensorBoard reads."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from window_helpers import SavePaths, train

from playground.core.data.datasets import load_data

KERAS_COLUMNS = ["run", "name", "epoch", "loss", "accuracy", "test_loss", "test_accuracy", "learning_rate", "seconds"]


@pytest.fixture(scope="module")
def tiny_data():
    return load_data(train_limit=256, test_limit=128)


def _rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_export_csv_writes_a_row_per_epoch_per_run_and_a_step_file(qtbot, make_window, tiny_data, tmp_path,
                                                                     monkeypatch):
    window = make_window(data=tiny_data)
    assert window.runs_menu.menu.title() == "&Runs" and window.runs_menu.export_csv_action.text() == "Export &CSV…"
    train(qtbot, window, epochs=2, batch_size=64)  # run 1: 2 epochs of 4 steps
    window.panel.learning_rate.setValue(0.01)  # other settings: Train forks run 2 from the same weights
    train(qtbot, window, epochs=1, batch_size=64)
    runs = window.runs.store.runs
    assert [len(run.history.epochs) for run in runs] == [2, 1]
    target = tmp_path / "all runs"  # no suffix: .csv is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(target))
    window.runs_menu.export_csv_action.trigger()
    epochs = _rows(tmp_path / "all runs.csv")
    with open(tmp_path / "all runs.csv", encoding="utf-8") as handle:
        assert handle.readline().strip().split(",") == KERAS_COLUMNS
    assert [(row["run"], row["epoch"]) for row in epochs] == [(str(runs[0].id), "1"), (str(runs[0].id), "2"),
                                                            (str(runs[1].id), "3")]
    assert [float(row["learning_rate"]) for row in epochs] == [0.001, 0.001, 0.01]
    for row, (run, history_row) in zip(epochs, [(runs[0], r) for r in runs[0].history.epochs]
                                       + [(runs[1], r) for r in runs[1].history.epochs]):
        assert row["name"] == run.display_name()
        assert float(row["loss"]) == history_row["train_loss"]
        assert float(row["test_accuracy"]) == history_row["test_accuracy"]
        assert float(row["seconds"]) == history_row["seconds"]
    steps = _rows(tmp_path / "all runs.steps.csv")
    assert list(steps[0]) == ["run", "name", "step", "epoch", "loss", "learning_rate"]
    assert len(steps) == 12 and [int(row["step"]) for row in steps] == list(range(1, 13))
    assert [int(row["epoch"]) for row in steps] == [1] * 4 + [2] * 4 + [3] * 4
    assert [float(row["loss"]) for row in steps[8:]] == runs[1].history.step_losses
    assert "12 step rows" in window.statusBar().currentMessage()


def test_export_csv_with_no_runs_says_so(make_window, tiny_data):
    window = make_window(data=tiny_data)
    assert not window.runs_menu.export_csv_dialog()  # no file dialog (an unexpected one fails the test)
    assert "No runs" in window.statusBar().currentMessage()


def test_the_tensorboard_switch_makes_runs_write_event_files(qtbot, make_window, tiny_data, tmp_path):
    logs = tmp_path / "tb"
    window = make_window(data=tiny_data, remember=True)
    switch = window.tensorboard
    assert not switch.enabled and switch.action in window.training_menu.actions()
    train(qtbot, window, epochs=1)  # off: nothing written
    assert not logs.exists()
    switch.set_logging(True, logs)
    assert switch.enabled and QSettings().value("tensorboard/folder") == str(logs)
    train(qtbot, window, epochs=1)
    folders = [path for path in logs.iterdir() if path.is_dir()]
    assert len(folders) == 1 and list(folders[0].glob("events.out.tfevents.*"))
    events = EventAccumulator(str(folders[0]))
    events.Reload()
    scalars = events.Tags()["scalars"]
    assert "step/loss" in scalars and "epoch/test_accuracy" in scalars
    assert len(events.Scalars("step/loss")) == 4
    switch.set_logging(False)
    train(qtbot, window, epochs=1)
    assert len([path for path in logs.iterdir() if path.is_dir()]) == 1  # off again: no new folder
    assert QSettings().value("tensorboard/enabled") == "false"


def test_switching_on_without_a_folder_asks_for_one_and_a_cancel_leaves_it_off(make_window, tiny_data, monkeypatch):
    window = make_window(data=tiny_data)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: "")
    window.tensorboard.action.trigger()
    assert not window.tensorboard.enabled and window.worker._tensorboard_dir is None  # noqa: SLF001 — the switch's effect

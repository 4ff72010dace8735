"""`nn-playground train --csv`: epoch and step rows that match --json, written as the run goes, and
`write_history_csv` for a finished run."""

from __future__ import annotations

import csv
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from cli_helpers import run_cli

SMALL = ["--train-limit", "256", "--test-limit", "128", "--epochs", "2", "--seed", "0"]


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_epoch_rows_match_the_json_result(tmp_path):
    target = tmp_path / "run.csv"
    code, out, err = run_cli(["train", "--preset", "seed-mlp", *SMALL, "--batch-size", "32",
                              "--validation-fraction", "0.25", "--csv", str(target), "--json", "-q"])
    assert code == 0, err
    result = json.loads(out)
    rows = read_rows(target)
    assert list(rows[0]) == ["epoch", "loss", "accuracy", "test_loss", "test_accuracy", "val_loss", "val_accuracy",
                             "learning_rate", "seconds"]
    assert [row["epoch"] for row in rows] == ["1", "2"]
    last = {key: float(value) for key, value in rows[-1].items()}
    assert last["loss"] == result["train_loss"] and last["accuracy"] == result["train_accuracy"]
    assert last["test_loss"] == result["test_loss"] and last["test_accuracy"] == result["test_accuracy"]
    assert last["val_loss"] == result["val_loss"] and last["val_accuracy"] == result["val_accuracy"]
    assert last["learning_rate"] == result["learning_rate"] and last["seconds"] > 0

    steps = read_rows(tmp_path / "run.steps.csv")
    assert list(steps[0]) == ["step", "epoch", "loss", "learning_rate"]
    assert [int(row["step"]) for row in steps] == list(range(1, result["steps"] + 1))
    assert {row["epoch"] for row in steps} == {"1", "2"}
    per_epoch = result["steps"] // 2
    assert steps[per_epoch - 1]["epoch"] == "1" and steps[per_epoch]["epoch"] == "2"


def test_multilabel_rows_carry_f1_and_exact_match(tmp_path):
    spec = tmp_path / "attrs.json"
    spec.write_text(json.dumps({"name": "attrs", "input_shape": [1, 28, 28], "layers": [
        {"type": "Flatten"}, {"type": "Linear", "out_features": 16}, {"type": "ReLU"},
        {"type": "Linear", "out_features": 4}, {"type": "Sigmoid"}]}))
    target = tmp_path / "labels"  # no .csv suffix: the steps go to labels-steps.csv
    code, out, err = run_cli(["train", "--spec", str(spec), *SMALL, "--task", "multilabel", "--csv", str(target),
                              "--json", "-q"])
    assert code == 0, err
    result = json.loads(out)
    [*_, last] = read_rows(target)
    assert float(last["test_f1"]) == result["test_f1"]
    assert float(last["test_exact_match"]) == result["test_exact_match"]
    assert (tmp_path / "labels-steps.csv").is_file()


def test_a_stopped_run_keeps_complete_rows_and_closed_files(tmp_path):
    target = tmp_path / "long.csv"
    original = signal.getsignal(signal.SIGINT)

    def interrupt_once_training_runs():
        deadline = time.monotonic() + 60
        while signal.getsignal(signal.SIGINT) is original and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGINT)

    sender = threading.Thread(target=interrupt_once_training_runs, daemon=True)
    sender.start()
    code, out, err = run_cli(["train", "--preset", "softmax-regression", "--train-limit", "512",
                              "--test-limit", "128", "--epochs", "1000", "--csv", str(target), "--json", "-q"])
    sender.join(5)
    assert code == 130, err
    result = json.loads(out)
    rows = read_rows(target)
    assert len(rows) == result["epochs"] >= 1
    assert all(value != "" for row in rows for value in row.values())  # no half-written row
    steps = read_rows(tmp_path / "long.steps.csv")
    assert len(steps) == result["steps"]  # every step trained is on disk, the last one too


@pytest.mark.parametrize("make", [
    lambda tmp: tmp,  # a folder
    lambda tmp: Path(os.devnull),  # a device
])
def test_a_target_that_is_not_a_regular_file_is_refused_before_training(tmp_path, make):
    code, out, err = run_cli(["train", *SMALL, "--csv", str(make(tmp_path))])
    assert code == 2 and "argument --csv" in err and "usage: nn-playground train" in err
    assert "train loss" not in err  # refused before training


def test_csv_never_writes_over_the_saved_project(tmp_path):
    code, _, err = run_cli(["train", *SMALL, "--csv", str(tmp_path / "m.nnp"), "--save", str(tmp_path / "m.nnp")])
    assert code == 2 and "--csv" in err and not (tmp_path / "m.nnp").exists()


def test_write_history_csv_matches_the_live_log(tmp_path):
    from playground.core.files.project_file import load_project
    from playground.core.training.run_logs import write_history_csv

    live, save = tmp_path / "live.csv", tmp_path / "m.nnp"
    code, _, err = run_cli(["train", "--preset", "seed-mlp", *SMALL, "--csv", str(live), "--save", str(save), "-q"])
    assert code == 0, err
    project = load_project(save)
    exported = tmp_path / "exported.csv"
    assert write_history_csv(exported, project.history, project.training.task, project.training.learning_rate) == 2
    assert read_rows(exported) == read_rows(live)

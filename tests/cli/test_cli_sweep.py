"""`nn-playground sweep`: one strict JSON line per run, the best run, the CSV, Ctrl+C and bad values."""

from __future__ import annotations

import csv
import json
import os
import signal

import pytest
from cli_helpers import run_cli

SMALL = ["--train-limit", "256", "--test-limit", "128", "--epochs", "1"]


def strict_json(line: str) -> dict:
    def refuse(name: str) -> None:
        raise ValueError(f"not strict JSON: {name}")

    return json.loads(line, parse_constant=refuse)


def test_json_lines_cover_the_grid_and_name_the_best_run(tmp_path):
    table = tmp_path / "sweep.csv"
    code, out, err = run_cli(["sweep", "--preset", "seed-mlp", "--set", "lr=1e-3,1e-2", "--set", "units.fc1=8,32",
                              *SMALL, "--json", "-q", "--csv", str(table)])
    assert code == 0, err
    *runs, summary = [strict_json(line) for line in out.splitlines()]
    assert [run["settings"] for run in runs] == [{"lr": 0.001, "units.fc1": 8}, {"lr": 0.001, "units.fc1": 32},
                                                 {"lr": 0.01, "units.fc1": 8}, {"lr": 0.01, "units.fc1": 32}]
    assert [run["learning_rate"] for run in runs] == [0.001, 0.001, 0.01, 0.01]
    assert runs[0]["parameters"] == 784 * 8 + 8 + 8 * 64 + 64 + 64 * 10 + 10
    best = max(runs, key=lambda run: run["test_accuracy"])
    assert summary["summary"] is True and summary["reason"] == "completed" and summary["runs_done"] == 4
    assert summary["best_run"] == best["run"] and summary["best_test_accuracy"] == best["test_accuracy"]
    assert summary["best_settings"] == best["settings"]

    with open(table, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4 and list(rows[0])[:3] == ["run", "lr", "units.fc1"]
    for row, run in zip(rows, runs):
        assert float(row["test_accuracy"]) == run["test_accuracy"] and float(row["test_loss"]) == run["test_loss"]
        assert float(row["lr"]) == run["settings"]["lr"] and int(row["units.fc1"]) == run["settings"]["units.fc1"]


def test_text_lines_and_random_draws():
    code, out, err = run_cli(["sweep", "--set", "batch_size=32,64,128", "--random", "2", "--seed", "3", *SMALL])
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("run 1/2  batch_size=") and "test accuracy" in lines[0]
    assert lines[-1].startswith("best: run ") and "2 of 2 runs" in lines[-1]
    assert "run 1/2: batch_size=" in err  # progress on stderr


def interrupt_at_steps(monkeypatch, *steps: int) -> None:
    """Send SIGINT from inside the first run once it has done each of `steps` batches.

    Driven by the progress listener, not a timer: on a quiet machine a small run ends before any timer fires."""
    import playground.cli as cli
    from playground.core.training.events import StepDone

    listener = cli._Progress.listener
    done = [0]

    def counting(self, event):
        if isinstance(event, StepDone):
            done[0] += 1
            if done[0] in steps:
                os.kill(os.getpid(), signal.SIGINT)
        listener(self, event)

    monkeypatch.setattr(cli._Progress, "listener", counting)


def test_ctrl_c_finishes_the_current_run_then_reports(monkeypatch):
    """The first SIGINT ends the sweep after the run in progress; the summary still comes, exit 130."""
    original = signal.getsignal(signal.SIGINT)
    interrupt_at_steps(monkeypatch, 2)
    code, out, err = run_cli(["sweep", "--preset", "softmax-regression", "--set", "lr=1e-3,2e-3,3e-3",
                              "--train-limit", "2000", "--test-limit", "128", "--epochs", "3", "--json"])
    assert code == 130, err
    assert signal.getsignal(signal.SIGINT) is original
    *runs, summary = [strict_json(line) for line in out.splitlines()]
    assert len(runs) == 1 and runs[0]["reason"] == "completed" and runs[0]["epochs"] == 3
    assert summary["reason"] == "stopped" and summary["runs_done"] == 1 and summary["runs_planned"] == 3
    assert summary["best_run"] == 1
    assert "stopping after this run" in err and "run 2/3" not in err


def test_a_second_ctrl_c_stops_the_current_run_now(monkeypatch):
    interrupt_at_steps(monkeypatch, 2, 4)
    code, out, err = run_cli(["sweep", "--set", "lr=1e-3,2e-3", "--train-limit", "2000", "--test-limit", "128",
                              "--epochs", "1000", "--json"])
    assert code == 130, err
    run, summary = [strict_json(line) for line in out.splitlines()]
    assert run["reason"] == "stopped" and run["test_accuracy"] is not None  # evaluated where it stopped
    assert run["steps"] < 40  # stopped after the batch in progress, not at the end of 1,000 epochs
    assert summary["runs_done"] == 1 and summary["best_run"] is None  # no run completed


@pytest.mark.parametrize("sets, words", [
    (["momentum=0.9"], "Unknown setting"),
    (["lr=-1"], "above 0"),
    (["lr="], "empty"),
    (["lr=1e-3", "batch_size=64", "optimizer=sgd", "weight_decay=0"], "at most 3"),
    (["units.fc1=0"], "1 or more"),
    (["units.fc3=16"], "output layer"),
    (["lr=20"], "learning rate"),
    (["dropout=0.5"], "no Dropout layer"),
])
def test_bad_values_are_argument_errors_before_any_training(sets, words):
    args = ["sweep", *SMALL]
    for text in sets:
        args += ["--set", text]
    code, out, err = run_cli(args)
    assert code == 2 and out == ""
    assert words in err and "usage: nn-playground sweep" in err


def test_more_random_runs_than_the_grid_and_a_missing_set_are_argument_errors(tmp_path):
    code, out, err = run_cli(["sweep", "--set", "lr=1e-3,1e-2", "--random", "3", *SMALL])
    assert code == 2 and out == "" and "grid holds 2" in err
    code, out, err = run_cli(["sweep", *SMALL])
    assert code == 2 and "--set" in err
    code, out, err = run_cli(["sweep", "--set", "lr=1e-3", *SMALL, "--csv", str(tmp_path)])
    assert code == 2 and "argument --csv" in err


def test_a_run_that_cannot_train_is_a_row_with_its_reason_and_the_sweep_goes_on(monkeypatch, tmp_path):
    import playground.cli as cli

    make = cli._make_trainer

    def short_of_memory_at_128(spec, config, data, source):
        if config.batch_size == 128:  # as `_make_trainer` says a MemoryShortError
            raise cli.CliError("seed-mlp: training at --batch-size 128 needs about 9 GB of memory, but only 2 GB is "
                               "free; use a smaller --batch-size.")
        return make(spec, config, data, source)

    monkeypatch.setattr(cli, "_make_trainer", short_of_memory_at_128)
    table = tmp_path / "sweep.csv"
    code, out, err = run_cli(["sweep", "--set", "batch_size=32,128,64", *SMALL, "--json", "-q", "--csv", str(table)])
    assert code == 0, err
    *runs, summary = [strict_json(line) for line in out.splitlines()]
    assert [run["reason"] for run in runs] == ["completed", "error", "completed"]
    assert "--batch-size 128 needs about 9 GB" in runs[1]["message"] and runs[1]["test_accuracy"] is None
    assert summary["runs_done"] == 3 and summary["best_run"] in (1, 3) and summary["reason"] == "completed"
    with open(table, newline="", encoding="utf-8") as handle:
        assert [row["reason"] for row in csv.DictReader(handle)] == ["completed", "error", "completed"]
    code, out, err = run_cli(["sweep", "--set", "batch_size=32,128,64", *SMALL, "-q"])  # the text lines
    assert code == 0 and "run 2/3  batch_size=128  test accuracy n/a" in out and "[error: seed-mlp: training" in out

    monkeypatch.setattr(cli, "_make_trainer", lambda *args: short_of_memory_at_128(*args[:1], args[1].replace(
        batch_size=128), *args[2:]))
    code, out, err = run_cli(["sweep", "--set", "lr=1e-3,1e-2", *SMALL, "--json", "-q"])
    *runs, summary = [strict_json(line) for line in out.splitlines()]
    assert code == 1 and [run["reason"] for run in runs] == ["error", "error"]  # every run failed: a script sees it
    assert summary["best_run"] is None and summary["runs_done"] == 2

"""`nn-playground train`: JSON results, progress, spec files, saving, divergence and Ctrl+C."""

from __future__ import annotations

import json
import math
import os
import signal
import threading
import time

import pytest
from cli_helpers import run_cli

SMALL = ["--train-limit", "2000", "--test-limit", "500", "--epochs", "1"]
REQUIRED_KEYS = {"test_accuracy", "test_loss", "train_loss", "epochs", "samples_per_second", "parameters",
                 "preset", "spec", "device", "seconds", "reason", "train_accuracy", "steps"}


def test_json_result_has_the_required_keys_and_plausible_values():
    code, out, err = run_cli(["train", "--preset", "seed-mlp", *SMALL, "--batch-size", "32", "--json"])
    assert code == 0, err
    result = json.loads(out)  # stdout holds exactly one JSON object, progress goes to stderr
    assert result.keys() >= REQUIRED_KEYS
    assert result["reason"] == "completed"
    assert result["preset"] == "seed-mlp" and result["spec"] is None
    assert result["parameters"] == 109_386
    assert result["epochs"] == 1 and result["steps"] == math.ceil(2000 / 32)
    assert 0.5 < result["test_accuracy"] <= 1.0
    assert 0.0 < result["train_loss"] < math.log(10)  # better than guessing
    assert 0.0 < result["test_loss"] < math.log(10)
    assert result["samples_per_second"] > 0 and result["seconds"] > 0
    assert result["device"] in ("cpu", "cuda")
    assert result["train_images"] == 2000 and result["test_images"] == 500


def test_progress_and_epoch_lines_go_to_stderr():
    code, out, err = run_cli(["train", "--preset", "softmax-regression", *SMALL, "--epochs", "2"])
    assert code == 0
    assert out == ""  # nothing on stdout without --json
    assert "7,850 parameters" in err
    assert "\r" in err  # the bar redraws in place
    bar = err.split("\r")[1]
    for part in ("epoch 1/2", "/32", "loss", "samples/s", "ETA"):
        assert part in bar, bar
    assert "epoch 1/2: train loss" in err and "epoch 2/2: train loss" in err
    assert "test accuracy" in err.splitlines()[-1]


def test_quiet_prints_nothing_but_the_json():
    code, out, err = run_cli(["train", "--preset", "softmax-regression", *SMALL, "--json", "-q"])
    assert code == 0 and err == ""
    assert json.loads(out)["parameters"] == 7_850


def test_bare_spec_file_trains(tmp_path):
    spec = {"name": "tiny-mlp", "input_shape": [1, 28, 28],
            "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 32}, {"type": "ReLU"},
                       {"type": "Linear", "out_features": 10}]}
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(spec))
    code, out, err = run_cli(["train", "--spec", str(path), *SMALL, "--json"])
    assert code == 0, err
    result = json.loads(out)
    assert result["spec"] == str(path) and result["preset"] is None and result["model"] == "tiny-mlp"
    assert result["parameters"] == 784 * 32 + 32 + 32 * 10 + 10
    assert result["epochs"] == 1 and result["test_accuracy"] > 0.3


def test_validation_fraction_is_reported():
    code, out, err = run_cli(["train", "--preset", "softmax-regression", *SMALL,
                              "--validation-fraction", "0.2", "--json", "-q"])
    assert code == 0, err
    result = json.loads(out)
    assert result["train_images"] == 1600
    assert 0.0 <= result["val_accuracy"] <= 1.0 and result["val_loss"] > 0


def test_save_writes_a_project_that_loads(trained_project):
    from playground.core.files.project_file import load_project

    path, result = trained_project
    assert result["saved"] == str(path)
    project = load_project(path)
    assert project.spec.name == "seed-mlp"
    assert project.epochs_done == 1 and project.global_step == result["steps"]
    assert project.state_dict is not None
    assert result["test_accuracy"] > 0.8


def test_divergence_prints_the_message_and_exits_1():
    code, out, err = run_cli(["train", "--preset", "seed-mlp", *SMALL, "--optimizer", "sgd", "--lr", "10",
                              "--json"])
    assert code == 1
    result = json.loads(out)
    assert result["reason"] == "diverged"
    assert "diverged" in result["message"]
    errors = [line for line in err.splitlines() if line.startswith("nn-playground: error:")]
    assert len(errors) == 1 and "learning rate" in errors[0]


def test_ctrl_c_stops_cleanly_saves_and_exits_130(tmp_path):
    """The first SIGINT asks the trainer to stop; the result is still printed and saved."""
    save = tmp_path / "stopped.nnp"
    original = signal.getsignal(signal.SIGINT)

    def interrupt_once_training_runs():
        deadline = time.monotonic() + 60
        while signal.getsignal(signal.SIGINT) is original and time.monotonic() < deadline:
            time.sleep(0.01)  # wait until the CLI has installed its handler
        time.sleep(0.3)
        os.kill(os.getpid(), signal.SIGINT)

    sender = threading.Thread(target=interrupt_once_training_runs, daemon=True)
    sender.start()
    code, out, err = run_cli(["train", "--preset", "seed-mlp", "--train-limit", "2000", "--test-limit", "500",
                              "--epochs", "1000", "--json", "--save", str(save)])
    sender.join(5)
    assert code == 130, err
    assert signal.getsignal(signal.SIGINT) is original  # the handler is put back
    result = json.loads(out)
    assert result["reason"] == "stopped"
    assert 0 < result["steps"] < 1000 * 32
    assert result["test_accuracy"] is not None  # the weights so far were evaluated
    assert "stopping after this batch" in err
    assert save.is_file()
    from playground.core.files.project_file import load_project

    assert load_project(save).global_step == result["steps"]


def test_save_to_an_unwritable_place_fails_before_training(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code, out, err = run_cli(["train", *SMALL, "--save", str(blocker / "sub" / "model.nnp")])
    assert code == 1
    assert err.count("\n") == 1 and "cannot save there" in err
    assert "epoch" not in err  # it did not train first


@pytest.mark.parametrize("args, option", [
    (["--epochs", "20000"], "--epochs"),
    (["--batch-size", "100000"], "--batch-size"),
])
def test_values_out_of_the_trainers_range_are_argument_errors(args, option):
    code, out, err = run_cli(["train", *SMALL[:4], *args])
    assert code == 2
    assert option in err and "usage: nn-playground train" in err


MULTILABEL_SPEC = {"name": "attrs", "input_shape": [1, 28, 28], "layers": [
    {"type": "Flatten"}, {"type": "Linear", "out_features": 64}, {"type": "ReLU"},
    {"type": "Linear", "out_features": 4}, {"type": "Sigmoid"}]}


def test_multilabel_with_penalty_and_schedule_reports_f1(tmp_path):
    spec = tmp_path / "attrs.json"
    spec.write_text(json.dumps(MULTILABEL_SPEC))
    code, out, err = run_cli(["train", "--spec", str(spec), *SMALL, "--task", "multilabel", "--json",
                              "--regularization", "l2", "--regularization-rate", "0.0001", "--lr-schedule", "cosine"])
    assert code == 0, err
    result = json.loads(out)
    assert result["task"] == "multilabel" and 0.6 < result["test_accuracy"] <= 1.0
    assert 0.0 < result["test_f1"] <= 1.0 and 0.0 <= result["test_exact_match"] <= result["test_accuracy"]


def test_a_head_that_does_not_fit_the_task_is_one_clear_line(tmp_path):
    spec = tmp_path / "attrs.json"
    spec.write_text(json.dumps(MULTILABEL_SPEC))
    code, out, err = run_cli(["train", "--spec", str(spec), *SMALL])  # four outputs, ten classes
    assert code == 1 and out == ""
    assert "out_features to 10" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(["train", "--preset", "seed-mlp", *SMALL, "--task", "multilabel", "--loss", "bce"])
    assert code == 1 and "out_features to 4" in err and "prime" in err

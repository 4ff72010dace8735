"""`train --tensorboard DIR` and `sweep --tensorboard DIR`: event files that TensorBoard's own reader reads,
holding the numbers `--json` prints, and a run that is the same with or without them."""

from __future__ import annotations

import json

from cli_helpers import run_cli
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.hparams import plugin_data_pb2

SMALL = ["--train-limit", "256", "--test-limit", "128", "--epochs", "2", "--seed", "0", "--batch-size", "64"]
TIMINGS = ("seconds", "samples_per_second")


def read(folder) -> EventAccumulator:
    events = EventAccumulator(str(folder), size_guidance={"scalars": 0, "histograms": 0, "images": 0})
    events.Reload()
    return events


def session_hparams(events: EventAccumulator) -> dict:
    content = events.PluginTagToContent("hparams")["_hparams_/session_start_info"]
    return dict(plugin_data_pb2.HParamsPluginData.FromString(content).session_start_info.hparams)


def test_train_writes_what_json_reports_and_trains_the_same(tmp_path):
    logs = tmp_path / "logs"
    code, out, err = run_cli(["train", "--preset", "cnn", *SMALL, "--validation-fraction", "0.25",
                              "--tensorboard", str(logs), "--json", "-q"])
    assert code == 0, err
    result = json.loads(out)
    events = read(logs)
    assert len(events.Scalars("step/loss")) == result["steps"]
    for key in ("train_loss", "train_accuracy", "test_loss", "test_accuracy", "val_loss", "val_accuracy"):
        [*_, last] = events.Scalars(f"epoch/{key}")
        assert last.step == result["epochs"] and abs(last.value - result[key]) <= 1e-6 * max(1, abs(result[key]))
        [final] = events.Scalars(f"hparams/{key}")
        assert abs(final.value - result[key]) <= 1e-6 * max(1, abs(result[key]))
    assert {"weights/conv1.weight", "gradients/fc2.bias"} <= set(events.Tags()["histograms"])
    assert events.Tags()["images"] == ["filters/conv1"] and events.Tags()["graph"]
    hparams = session_hparams(events)
    assert hparams["batch_size"].number_value == result["batch_size"] == 64
    assert hparams["model"].string_value == "cnn"

    code, out, err = run_cli(["train", "--preset", "cnn", *SMALL, "--validation-fraction", "0.25", "--json", "-q"])
    assert code == 0, err
    plain = json.loads(out)
    assert {k: v for k, v in plain.items() if k not in TIMINGS} == {k: v for k, v in result.items() if k not in TIMINGS}


def test_sweep_writes_a_folder_per_run_with_its_settings(tmp_path):
    logs = tmp_path / "sweep"
    code, out, err = run_cli(["sweep", "--preset", "softmax-regression", "--set", "lr=0.001,0.01", "--epochs", "1",
                              "--train-limit", "128", "--test-limit", "64", "--tensorboard", str(logs), "--json", "-q"])
    assert code == 0, err
    runs = [json.loads(line) for line in out.splitlines()][:-1]
    folders = sorted(path.name for path in logs.iterdir())
    assert folders == ["run-01_lr=0.001", "run-02_lr=0.01"]
    for folder, run in zip(folders, runs):
        events = read(logs / folder)
        hparams = session_hparams(events)
        assert hparams["lr"].number_value == run["settings"]["lr"] == hparams["learning_rate"].number_value
        [final] = events.Scalars("hparams/test_accuracy")
        assert abs(final.value - run["test_accuracy"]) < 1e-6


def test_a_file_is_no_log_folder(tmp_path):
    taken = tmp_path / "taken"
    taken.write_text("x")
    code, _, err = run_cli(["train", "--preset", "seed-mlp", "--tensorboard", str(taken), "-q"])
    assert code == 2 and "is a file" in err

"""`nn-playground export --format onnx`: from a preset, a spec file or a project (an MNIST one and a CSV one);
what a user gets wrong ends in one line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from cli_helpers import run_cli

from playground.core.data.csv_data import read_csv
from playground.core.data.data_import import DATA_SOURCE_KEY, DataSource, table_splits
from playground.core.data.datasets import DataSplits, ImageDataset
from playground.core.files.project_file import Project, load_model_from_project, save_project
from playground.core.model.inference import class_probabilities
from playground.core.model.presets import load_preset
from playground.core.model.spec import ModelSpec
from playground.core.training.trainer import Trainer
from playground.core.training.training_config import TrainingConfig

ort = pytest.importorskip("onnxruntime")


def session(path: Path):
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])


def error_line(err: str) -> str:
    """The one line that says what is wrong (argparse prints the usage above it)."""
    return err.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def mnist_project(tmp_path_factory, small_data) -> tuple[Path, object]:
    """seed-mlp trained 5 steps on 320 digits, saved as a project; (path, project)."""
    train = small_data.train
    data = DataSplits(ImageDataset(train.images[:320], train.labels[:320], train.name, train.classes),
                      small_data.test)
    preset = load_preset("seed-mlp")
    trainer = Trainer(preset.spec, preset.training.replace(epochs=1, device="cpu"), data)
    trainer.run()
    project = trainer.to_project()
    path = tmp_path_factory.mktemp("onnx-cli") / "digits.nnp"
    save_project(path, project)
    return path, project


def test_a_preset_becomes_an_onnx_file(tmp_path):
    target = tmp_path / "m.onnx"
    code, out, err = run_cli(["export", "--preset", "seed-mlp", "--format", "onnx", "-o", str(target)])
    assert code == 0, err
    assert out == "" and len(err.strip().splitlines()) == 1
    assert "wrote" in err and "'image' N×1×28×28 in [0, 1]" in err and "untrained" in err
    model = session(target)
    assert model.get_inputs()[0].name == "image"
    assert [o.name for o in model.get_outputs()] == ["logits", "probabilities"]


def test_a_trained_project_reads_real_digits_as_the_app_does(tmp_path, mnist_project, small_data):
    path, project = mnist_project
    target = tmp_path / "digits.onnx"
    code, _, err = run_cli(["export", "--load", str(path), "--format", "onnx", "-o", str(target)])
    assert code == 0, err
    assert "trained" in err and "untrained" not in err
    images = small_data.test.images[:300].astype(np.float32) / 255.0
    _, probabilities = session(target).run(None, {"image": images[:, None]})
    expected = class_probabilities(load_model_from_project(project), images)  # the canvas's path
    np.testing.assert_allclose(probabilities, expected, atol=1e-4)
    assert np.array_equal(probabilities.argmax(1), expected.argmax(1))


def test_a_spec_file_exports(tmp_path):
    spec = tmp_path / "tiny.json"
    spec.write_text(json.dumps({"input_shape": [4], "layers": [{"type": "Linear", "out_features": 3}]}))
    target = tmp_path / "tiny.onnx"
    code, _, err = run_cli(["export", "--spec", str(spec), "--format", "onnx", "-o", str(target)])
    assert code == 0, err
    [features] = session(target).get_inputs()
    assert features.name == "features" and features.shape[1:] == [4]


def test_a_csv_project_carries_its_standardisation(tmp_path):
    csv = tmp_path / "points.csv"
    rows = [f"{100 * i},{i % 7 / 1000:.4f},{'ab'[i % 2]}" for i in range(40)]
    csv.write_text("big,small,label\n" + "\n".join(rows) + "\n", encoding="utf-8")
    source = DataSource("csv", str(csv), {"standardise": True, "seed": 0, "test_fraction": 0.25})
    spec = ModelSpec.from_json({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 2}]})
    trainer = Trainer(spec, TrainingConfig(epochs=1, batch_size=8, device="cpu"),
                      table_splits(read_csv(csv), 0.25, 0, standardise=True))
    trainer.run()
    project = trainer.to_project()
    path = tmp_path / "points.nnp"
    save_project(path, Project(project.spec, project.training, project.state_dict, global_step=project.global_step,
                               extra={DATA_SOURCE_KEY: source.to_json()}))
    target = tmp_path / "points.onnx"
    code, _, err = run_cli(["export", "--load", str(path), "--format", "onnx", "-o", str(target)])
    assert code == 0, err
    assert "standardisation" in err
    raw = table_splits(read_csv(csv), 0.25, 0, standardise=False).test.x
    standardised = table_splits(read_csv(csv), 0.25, 0, standardise=True).test.x
    with torch.no_grad():
        expected = trainer.model.eval()(torch.from_numpy(standardised)).numpy()
    logits, _ = session(target).run(None, {"features": raw})
    np.testing.assert_allclose(logits, expected, atol=1e-4)

    csv.unlink()  # the CSV it was trained on is gone: one line naming it, no file written
    code, _, err = run_cli(["export", "--load", str(path), "--format", "onnx", "-o", str(tmp_path / "again.onnx")])
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "points.nnp" in err and "points.csv" in err
    assert not (tmp_path / "again.onnx").exists()


@pytest.mark.parametrize("args, expected", [
    (["--preset", "seed-mlp", "--format", "onnx", "-o", "model.txt"], "name the ONNX file like model.onnx"),
    (["--preset", "seed-mlp", "--format", "onnx", "-o", "m.onnx", "--weights", "w.pt"], "--weights goes with"),
    (["--preset", "seed-mlp", "--format", "onnnx", "-o", "m.onnx"], "invalid choice: 'onnnx'"),
], ids=["suffix", "weights", "format"])
def test_bad_arguments_exit_2_with_the_reason(tmp_path, args, expected):
    code, _, err = run_cli(["export", *[str(tmp_path / a) if a.endswith((".txt", ".pt", ".onnx")) else a
                                        for a in args]])
    assert code == 2
    assert expected in error_line(err) and error_line(err).startswith("nn-playground export: error:")
    assert not list(tmp_path.iterdir())


def test_a_damaged_project_is_one_line(tmp_path):
    damaged = tmp_path / "broken.nnp"
    damaged.write_bytes(b"not a zip")
    code, _, err = run_cli(["export", "--load", str(damaged), "--format", "onnx", "-o", str(tmp_path / "m.onnx")])
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "broken.nnp" in err
    assert not (tmp_path / "m.onnx").exists()


def test_the_default_format_is_still_the_script(tmp_path):
    code, _, err = run_cli(["export", "--preset", "seed-mlp", "-o", str(tmp_path / "m.py")])
    assert code == 0, err
    assert "class SimpleNN" in (tmp_path / "m.py").read_text(encoding="utf-8")

"""`export --format safetensors` and `train --init-from`: the exported weights are the project's, with the
design as metadata; training from them starts where the project is; a file for another design exits 2 naming
the tensor, and hostile files are refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from cli_helpers import run_cli
from safetensors import safe_open
from safetensors.torch import load_file

from playground.core.files.project_file import load_project
from playground.core.files.weights_io import META_SPEC, META_TASK

DATA = ["--train-limit", "2048", "--test-limit", "256", "--seed", "0"]
# One step of plain SGD at a negligible rate: the test scores are those of the weights the run starts from.
STEP_ZERO = ["--optimizer", "sgd", "--lr", "1e-8", "--train-limit", "32", "--batch-size", "32", "--epochs", "1",
             "--test-limit", "256", "--json", "-q"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("weights-cli")
    path = folder / "seed.nnp"
    code, out, err = run_cli(["train", "--preset", "seed-mlp", *DATA, "--epochs", "1", "--save", str(path),
                              "--json", "-q"])
    assert code == 0, err
    return path, json.loads(out)


def one_error_line(err: str, *words: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], err
    return lines[0]


def test_export_writes_the_projects_weights_with_the_design(project, tmp_path):
    path, _ = project
    target = tmp_path / "seed.safetensors"
    code, _, err = run_cli(["export", "--load", str(path), "--format", "safetensors", "-o", str(target)])
    assert code == 0, err
    saved = load_project(path)
    written = load_file(target)
    assert sorted(written) == sorted(saved.state_dict)
    for key, value in saved.state_dict.items():
        assert torch.equal(written[key], value), key
    with safe_open(target, framework="pt") as handle:
        metadata = handle.metadata()
    assert json.loads(metadata[META_SPEC]) == saved.spec.to_json()
    assert metadata[META_TASK] == "multiclass"


def test_training_from_the_exported_weights_starts_where_the_project_is(project, tmp_path):
    path, result = project
    target = tmp_path / "seed.safetensors"
    assert run_cli(["export", "--load", str(path), "--format", "safetensors", "-o", str(target)])[0] == 0
    pt = tmp_path / "seed.pt"
    torch.save(load_project(path).state_dict, pt)
    for weights in (target, pt):
        code, out, err = run_cli(["train", "--preset", "seed-mlp", "--init-from", str(weights), *STEP_ZERO])
        assert code == 0, err
        start = json.loads(out)
        assert start["test_accuracy"] == result["test_accuracy"]
        assert start["test_loss"] == pytest.approx(result["test_loss"], rel=1e-5)
    code, out, err = run_cli(["train", "--preset", "seed-mlp", *STEP_ZERO])  # from random weights instead
    assert code == 0, err
    assert json.loads(out)["test_accuracy"] < result["test_accuracy"] - 0.3


def test_a_presets_export_holds_the_weights_train_starts_from(tmp_path):
    target = tmp_path / "start.safetensors"
    code, _, err = run_cli(["export", "--preset", "softmax-regression", "--format", "safetensors", "-o", str(target)])
    assert code == 0 and "untrained" in err, err
    runs = []
    for extra in ([], ["--init-from", str(target)]):
        code, out, err = run_cli(["train", "--preset", "softmax-regression", "--train-limit", "128",
                                  "--test-limit", "64", "--epochs", "1", "--json", "-q", *extra])
        assert code == 0, err
        runs.append({k: v for k, v in json.loads(out).items() if k not in ("seconds", "samples_per_second")})
    assert runs[0] == runs[1]


def test_weights_of_another_design_exit_2_naming_the_tensor(project, tmp_path):
    path, _ = project
    target = tmp_path / "seed.safetensors"
    assert run_cli(["export", "--load", str(path), "--format", "safetensors", "-o", str(target)])[0] == 0
    saved = tmp_path / "never.nnp"
    code, out, err = run_cli(["train", "--preset", "cnn", "--init-from", str(target), "--save", str(saved), "-q"])
    assert code == 2 and out == ""
    one_error_line(err, "seed.safetensors", "'conv1.weight'", "seed-mlp")
    assert not saved.exists()

    narrower = tmp_path / "narrow.json"
    narrower.write_text(json.dumps({"name": "narrow", "input_shape": [1, 28, 28], "layers": [
        {"type": "Flatten"}, {"type": "Linear", "out_features": 64}, {"type": "ReLU"},
        {"type": "Linear", "out_features": 64}, {"type": "ReLU"}, {"type": "Linear", "out_features": 10}]}))
    code, out, err = run_cli(["train", "--spec", str(narrower), "--init-from", str(target), "-q"])
    assert code == 2 and out == ""
    one_error_line(err, "'fc1.weight'", "(128, 784)", "(64, 784)")


def test_hostile_weight_files_are_refused_in_one_line(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    evil = tmp_path / "evil.pt"
    torch.save({"fc1.weight": Evil()}, evil)
    truncated = tmp_path / "cut.safetensors"
    assert run_cli(["export", "--preset", "seed-mlp", "--format", "safetensors", "-o", str(truncated)])[0] == 0
    truncated.write_bytes(truncated.read_bytes()[:5000])
    for bad, words in ((evil, ["evil.pt"]), (truncated, ["cut.safetensors", "damaged"]), (tmp_path, ["no such file"])):
        code, out, err = run_cli(["train", "--preset", "seed-mlp", "--init-from", str(bad), "-q"])
        assert code == 1 and out == "", err
        one_error_line(err, *words)
    assert not marker.exists()


def test_export_refuses_a_wrong_name_and_never_writes_over_the_project(project, tmp_path):
    path, _ = project
    code, _, err = run_cli(["export", "--preset", "cnn", "--format", "safetensors", "-o", str(tmp_path / "w.pt")])
    assert code == 2 and "w.safetensors" in err
    before = path.read_bytes()
    code, _, err = run_cli(["export", "--load", str(path), "--format", "safetensors", "-o", str(path)])
    assert code == 2 and path.read_bytes() == before

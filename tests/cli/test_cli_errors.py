"""Bad arguments exit 2 with the usage; missing or damaged files exit 1 with one line naming the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import run_cli

REPO = Path(__file__).resolve().parents[2]
SMALL = ["--train-limit", "2000", "--test-limit", "500", "--epochs", "1"]


@pytest.mark.parametrize("args, expected", [
    (["frobnicate"], "invalid choice"),
    (["train", "--epochs", "-1"], "--epochs"),
    (["train", "--epochs", "two"], "--epochs"),
    (["train", "--lr", "abc"], "--lr"),
    (["train", "--lr", "0"], "--lr"),
    (["train", "--lr", "-0.1"], "--lr"),
    (["train", "--lr", "nan"], "--lr"),
    (["train", "--batch-size", "0"], "--batch-size"),
    (["train", "--optimizer", "adamm"], "--optimizer"),
    (["train", "--device", "tpu"], "--device"),
    (["train", "--preset", "no-such-preset"], "no preset named"),
    (["train", "--preset", "cnn", "--spec", "x.json"], "not allowed with"),
    (["train", "--validation-fraction", "0.95"], "--validation-fraction"),
    (["train", "--train-limit", "0"], "--train-limit"),
    (["predict", "digit.png"], "--load"),
    (["predict", "--load", "model.nnp"], "IMAGE"),
    (["screenshot"], "--output"),
    (["screenshot", "-o", "shot.png", "--train-epochs", "-1"], "--train-epochs"),
    (["--preset", "cnn", "presets"], "cannot be used with 'presets'"),
])
def test_bad_arguments_exit_2_with_usage(args, expected):
    code, out, err = run_cli(args)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: nn-playground")
    assert expected in err


def _error_lines(err: str) -> list[str]:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err  # one line, no traceback
    assert lines[0].startswith("nn-playground: error: ")
    return lines


def test_missing_project_file(tmp_path):
    code, out, err = run_cli(["predict", "--load", str(tmp_path / "model.nnp"), "digit.png"])
    assert code == 1
    assert "model.nnp: no such file" in _error_lines(err)[0]


def test_random_bytes_are_not_a_project(tmp_path):
    path = tmp_path / "random.nnp"
    path.write_bytes(np.random.default_rng(0).bytes(4096))
    code, out, err = run_cli(["predict", "--load", str(path), "digit.png"])
    assert code == 1
    assert "random.nnp: not an nn-playground project" in _error_lines(err)[0]


def test_truncated_project(tmp_path, trained_project):
    project, _ = trained_project
    data = project.read_bytes()
    path = tmp_path / "half.nnp"
    path.write_bytes(data[: len(data) // 2])
    code, out, err = run_cli(["predict", "--load", str(path), "digit.png"])
    assert code == 1
    line = _error_lines(err)[0]
    assert "half.nnp" in line and ("damaged" in line or "truncated" in line)


def test_spec_file_with_a_layer_error_names_the_file_and_the_fix(tmp_path):
    path = tmp_path / "no_flatten.json"
    path.write_text(json.dumps({"input_shape": [1, 28, 28], "layers": [{"type": "Linear", "out_features": 10}]}))
    code, out, err = run_cli(["train", "--spec", str(path), *SMALL])
    assert code == 1
    line = _error_lines(err)[0]
    assert "no_flatten.json" in line and "Flatten" in line


def test_spec_file_with_an_unknown_layer_type(tmp_path):
    path = tmp_path / "typo.json"
    path.write_text(json.dumps({"layers": [{"type": "Linaer", "out_features": 10}]}))
    code, out, err = run_cli(["train", "--spec", str(path), *SMALL])
    assert code == 1
    line = _error_lines(err)[0]
    assert "typo.json" in line and "Linaer" in line


def test_spec_file_that_is_not_json(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"layers": [')
    code, out, err = run_cli(["train", "--spec", str(path)])
    assert code == 1
    assert "broken.json" in _error_lines(err)[0]


def test_missing_spec_file(tmp_path):
    code, out, err = run_cli(["train", "--spec", str(tmp_path / "nothing.json")])
    assert code == 1
    assert "nothing.json: no such file" in _error_lines(err)[0]


def test_data_folder_missing_a_file(tmp_path):
    from playground.core.files.resources import mnist_dir

    folder = tmp_path / "mnist"
    folder.mkdir()
    for name in ("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"):
        (folder / name).symlink_to(mnist_dir() / name)
    code, out, err = run_cli(["train", "--data", str(folder), *SMALL])
    assert code == 1
    line = _error_lines(err)[0]
    assert str(folder) in line and "train-labels-idx1-ubyte" in line


def test_missing_data_folder(tmp_path):
    code, out, err = run_cli(["train", "--data", str(tmp_path / "nowhere"), *SMALL])
    assert code == 1
    assert "nowhere" in _error_lines(err)[0]


@pytest.mark.parametrize("make, expected", [
    (lambda p: None, "no such file"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(b"GIF89a but not really an image at all"), "damaged"),
    (lambda p: p.write_bytes(np.random.default_rng(1).bytes(2000)), "not an image"),
])
def test_unreadable_images(make, expected, tmp_path, trained_project):
    project, _ = trained_project
    path = tmp_path / "digit.png"
    make(path)
    code, out, err = run_cli(["predict", "--load", str(project), str(path)])
    assert code == 1 and out == ""
    line = _error_lines(err)[0]
    assert str(path) in line and expected in line


def test_real_exit_codes_in_a_subprocess(tmp_path):
    """`python -m playground` exits with the codes scripts rely on: 2 for usage, 1 for files, 0 for success."""
    def run(*args):
        return subprocess.run([sys.executable, "-m", "playground", *args], capture_output=True, text=True,
                              cwd=tmp_path, timeout=120)

    usage = run("train", "--epochs", "-1")
    assert usage.returncode == 2 and "usage:" in usage.stderr and "Traceback" not in usage.stderr
    missing = run("predict", "--load", "missing.nnp", "digit.png")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "nn-playground: error: missing.nnp: no such file."
    ok = run("train", "--preset", "softmax-regression", *SMALL, "--json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["parameters"] == 7_850

"""Shared fixtures for the CLI tests: a project trained once per session and real MNIST test digits."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cli_helpers import run_cli  # noqa: E402  (tests/cli is on sys.path: rootdir-relative imports)
from session_cache import made_once  # noqa: E402  (tests/ is on sys.path too)

from playground.cli import CRASH_DIR_ENV  # noqa: E402  (after QT_QPA_PLATFORM is set)

CRASH_MARK = "reaches_crash_handler"

# Enough data for a model that reads most digits (about 87 % on the test set), still seconds to train.
PROJECT_TRAIN_ARGS = ["--train-limit", "12000", "--test-limit", "1000", "--epochs", "1", "--seed", "0"]


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{CRASH_MARK}: the test makes the CLI report an unexpected error on purpose")


@pytest.fixture(autouse=True)
def crash_reports(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch):
    """Each CLI test sends the reports of unexpected errors to a folder of its own, which must stay
    empty: hostile input that reaches the "unexpected error" handler (a traceback, in effect) fails
    the test, unless the test is marked `reaches_crash_handler`. Subprocesses inherit the folder."""
    folder = tmp_path_factory.mktemp("crash-reports")
    monkeypatch.setenv(CRASH_DIR_ENV, str(folder))
    yield folder
    reports = sorted(folder.iterdir())
    if reports and request.node.get_closest_marker(CRASH_MARK) is None:
        pytest.fail(f"the CLI hit an unexpected error (a bug, not a user error):\n{reports[0].read_text()}")


@pytest.fixture(scope="session")
def trained_project(tmp_path_factory) -> tuple[Path, dict]:
    """seed-mlp trained through `nn-playground train --save --json`; (project path, JSON result).
    Trained once for all xdist workers (about 20 s): tests copy the file before they change it."""

    def train(folder: Path) -> None:
        code, out, err = run_cli(["train", "--preset", "seed-mlp", *PROJECT_TRAIN_ARGS,
                                  "--json", "--save", str(folder / "seed.nnp"), "--quiet"])
        assert code == 0, err
        (folder / "result.json").write_text(out)

    folder = made_once(tmp_path_factory, "cli-seed-project", train)
    return folder / "seed.nnp", json.loads((folder / "result.json").read_text())


@pytest.fixture(scope="session")
def mnist_test_set() -> tuple[np.ndarray, np.ndarray]:
    """The real MNIST test images (uint8 N×28×28, white on black) and labels."""
    from playground.core.data.datasets import find_idx_files, read_idx
    from playground.core.files.resources import mnist_dir

    files = find_idx_files(mnist_dir())
    return read_idx(files["t10k-images-idx3-ubyte"]), read_idx(files["t10k-labels-idx1-ubyte"]).astype(np.int64)

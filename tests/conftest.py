"""Shared test setup: Qt renders offscreen (no display needed) and tests train on small subsets."""

import atexit
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")

# Before anything imports Qt: UI tests must run on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Before anything loads torch's OpenMP: with a pytest-xdist worker on every core, a thread that waits
    # for work sleeps instead of spinning on a core another worker needs (the training tests of one
    # worker ran 1.3-3x slower beside another's spinning). Thread counts stay as they are.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# Autosave files never go to the user's real app data folder (UI tests use one folder per test).
os.environ["NN_PLAYGROUND_DATA_DIR"] = tempfile.mkdtemp(prefix="nn-playground-tests-")
atexit.register(shutil.rmtree, os.environ["NN_PLAYGROUND_DATA_DIR"], ignore_errors=True)
# Nor do settings go to the user's: Qt's and the apps' that tests start (the UI tests' own QSettings
# also move to a folder per test). One folder per process, so parallel workers never share a file.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="nn-playground-tests-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist the slow tests go out first, so that no worker is left with one at the end
    while the others idle (every worker collects the same order, as xdist requires)."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: else as collected


def in_fresh_thread(work: Callable[[], T]) -> T:
    """`work()` run in a new thread, which has its own torch settings; its result."""
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(work()))
    thread.start()
    thread.join()
    return result[0]


@pytest.fixture(scope="session")
def torch_default_threads() -> int:
    """The torch thread count a new thread starts with, as the suite found it."""
    import torch

    return in_fresh_thread(torch.get_num_threads)


@pytest.fixture(autouse=True)
def torch_default_threads_afterwards(torch_default_threads):
    """Every test starts with torch's process-wide default thread count as the suite found it. A thread
    takes that default at its first parallel call, and the app changes it (the CPU-threads preference,
    applied in a training thread): without this, the threads of every later test on the same worker
    ran on one core (tests/core/test_denormals.py needs two), depending on which tests ran before."""
    yield
    torch = sys.modules["torch"]
    if in_fresh_thread(torch.get_num_threads) != torch_default_threads:
        # From a thread of its own: set_num_threads sets the caller's count as well as the default.
        in_fresh_thread(lambda: torch.set_num_threads(torch_default_threads))


@pytest.fixture(scope="session")
def small_data():
    """2,000 training and 500 test digits of the real MNIST: enough to learn, quick to train."""
    from playground.core.data.datasets import load_data

    return load_data(train_limit=2000, test_limit=500)

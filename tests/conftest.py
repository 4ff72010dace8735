"""Shared test setup: Qt renders offscreen (no display needed) and tests train on small subsets."""

import atexit
import os
import shutil
import tempfile

import pytest

# Before anything imports Qt: UI tests must run on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Autosave files never go to the user's real app data folder (UI tests use one folder per test).
os.environ["NN_PLAYGROUND_DATA_DIR"] = tempfile.mkdtemp(prefix="nn-playground-tests-")
atexit.register(shutil.rmtree, os.environ["NN_PLAYGROUND_DATA_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def small_data():
    """2,000 training and 500 test digits of the real MNIST: enough to learn, quick to train."""
    from playground.core.datasets import load_data

    return load_data(train_limit=2000, test_limit=500)

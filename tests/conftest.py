"""Shared test setup: Qt renders offscreen (no display needed) and tests train on small subsets."""

import os

import pytest

# Before anything imports Qt: UI tests must run on machines without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def small_data():
    """2,000 training and 500 test digits of the real MNIST: enough to learn, quick to train."""
    from playground.core.datasets import load_data

    return load_data(train_limit=2000, test_limit=500)

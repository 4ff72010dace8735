import pytest

from playground.core.datasets import load_data


@pytest.fixture(scope="session")
def small_mnist():
    """2,000 training and 500 test digits of the real MNIST: enough to learn, quick to train."""
    return load_data(train_limit=2000, test_limit=500)

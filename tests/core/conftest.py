import pytest


@pytest.fixture(scope="session")
def small_mnist(small_data):
    """2,000 training and 500 test digits of the real MNIST (the suite's `small_data`, by its core-test name)."""
    return small_data

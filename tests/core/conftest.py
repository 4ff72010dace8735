import sys
from pathlib import Path

import pytest

# Test modules of one group use helpers of another by module name (test_datasets.make_folder, …): every
# group folder is importable, whichever files a run collects.
for _group in sorted(Path(__file__).parent.iterdir()):
    if _group.is_dir() and not _group.name.startswith(("_", ".")) and str(_group) not in sys.path:
        sys.path.insert(0, str(_group))


@pytest.fixture(scope="session")
def small_mnist(small_data):
    """2,000 training and 500 test digits of the real MNIST (the suite's `small_data`, by its core-test name)."""
    return small_data

"""Costly test inputs (a trained project, say) made once per test session, even when pytest-xdist runs
the suite in several worker processes: a session-scoped fixture alone would make them once per worker.
(A module, not a conftest: fixtures in every folder's conftest use it; tests/ is on sys.path.)"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """A folder `make(folder)` has filled, made by the first worker to ask and reused by the others.

    The folder lies beside the workers' own temp folders (in this run's, so a new run makes it anew);
    a lock makes the other workers wait while the first one makes it. When `make` fails the folder
    is not marked done: the next worker to ask tries again and fails with the same error.
    """
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # every worker's basetemp is a folder of this run's one
    folder = root / f"made-once-{name}"
    done = folder / ".done"
    with FileLock(str(folder) + ".lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder

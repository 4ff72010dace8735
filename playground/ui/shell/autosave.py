"""Crash protection: the open project is copied now and then into the app's data folder.

Each running window owns one autosave file, `autosave-<session>.nnp`, and holds a matching
`QLockFile` while it runs, so two windows (or two copies of the app) never write over or recover
each other's file. A clean exit deletes the file; one whose lock is no longer held was left by a
session that crashed, and the next start offers to recover it. The user's own project files are
never written here.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from playground.core.files.project_file import PROJECT_SUFFIX, Project, save_project

DATA_DIR_ENV = "NN_PLAYGROUND_DATA_DIR"  # overrides the data folder (tests, portable installs)
PREFIX = "autosave-"
INTERVAL_MS = 2 * 60 * 1000


def resolve_data_dir(override: Path | None = None) -> Path:
    """`override`, else $NN_PLAYGROUND_DATA_DIR, else the platform's per-user app data folder."""
    if override is not None:
        return Path(override)
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV])
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


class Autosave:
    """This session's autosave file and the leftovers of crashed sessions in `folder`."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        session = uuid.uuid4().hex[:12]
        self.path = self.folder / f"{PREFIX}{session}{PROJECT_SUFFIX}"
        self._lock: QLockFile | None = None

    def _hold_lock(self) -> None:
        """Claim this session's file (lazily: nothing is created on disk until the first write)."""
        if self._lock is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = _lock_for(self.path)
            self._lock.tryLock(0)

    def write(self, project: Project) -> None:
        """Save `project` here (atomically). Raises OSError when the folder is not writable."""
        self._hold_lock()
        save_project(self.path, project)

    def adopt(self, orphan: Path) -> None:
        """Make a crashed session's file this session's own (it keeps protecting the recovered work)."""
        self._hold_lock()
        os.replace(orphan, self.path)
        _remove_lock(orphan)

    def discard(self) -> None:
        """Delete this session's file and lock: the work is saved or deliberately thrown away."""
        self.path.unlink(missing_ok=True)
        self.release()  # unlocking deletes the lock file

    def release(self) -> None:
        """Keep the file but let go of it: the next start finds it and offers to recover it."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def orphans(self) -> list[Path]:
        """Autosave files of sessions that ended without cleaning up (crashed), newest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob(f"{PREFIX}*{PROJECT_SUFFIX}"):
            if path == self.path:
                continue
            lock = _lock_for(path)
            if lock.tryLock(0):  # nobody holds it: its session is gone (a stale lock counts as free)
                lock.unlock()
                found.append(path)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    @staticmethod
    def remove_orphan(path: Path) -> None:
        path.unlink(missing_ok=True)
        _remove_lock(path)


def _lock_for(path: Path) -> QLockFile:
    lock = QLockFile(str(path.with_suffix(".lock")))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has been held
    return lock


def _remove_lock(path: Path) -> None:
    path.with_suffix(".lock").unlink(missing_ok=True)

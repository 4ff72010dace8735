"""Atomic file writes: a crash or a kill mid-save never leaves a half-written file behind.

The temp file beside the target is named `.{name}.{pid}-{random}.tmp`: a save killed before its
rename leaves one behind, and the next save of the same target removes it once the process that
wrote it is gone (its pid no longer runs), so killed saves do not pile up in the user's folder.
"""

from __future__ import annotations

import os
import re
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# Where a process id cannot be checked (Windows: os.kill would end the process), a temp file this
# old is taken to be left over: no save takes a day.
STALE_AFTER_S = 24 * 3600


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Call `write(file)` on a temp file in the target folder, fsync it, then rename it over `path`.

    Temp files that earlier, killed saves of `path` left behind are removed first."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(path)
    fd, tmp_name = _create_temp(folder, path.name)
    try:
        os.chmod(tmp_name, _mode_for(path))  # created 0600; keep the file's or the umask's mode
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable
        dir_fd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def temp_name(name: str, pid: int, token: str) -> str:
    """The name of a temp file that a save of `name` by process `pid` writes before its rename."""
    return f".{name}.{pid}-{token}.tmp"


def _create_temp(folder: Path, name: str) -> tuple[int, str]:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp_name = os.path.join(folder, temp_name(name, os.getpid(), secrets.token_hex(4)))
        try:
            return os.open(tmp_name, flags, 0o600), tmp_name
        except FileExistsError:  # another thread drew the same token: draw again
            continue


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Delete temp files of `path` whose writing process has ended; returns what was removed.

    Only names of our own pattern are touched, only plain files, and never one of a process that
    still runs (or that this user cannot see), so a save under way elsewhere keeps its temp file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = re.compile(re.escape(f".{path.name}.") + r"(\d+)-[0-9a-f]+\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file(follow_symlinks=False) or not _writer_gone(int(match.group(1)), entry):
                continue
            os.unlink(entry.path)
        except OSError:  # gone meanwhile, or not ours to delete: leave it
            continue
        removed.append(Path(entry.path))
    return removed


def _writer_gone(pid: int, entry: os.DirEntry[str]) -> bool:
    if pid == os.getpid():
        return False  # another thread of this process may be writing it
    if sys.platform == "win32":
        return time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
    if pid <= 0:
        return True  # no writer has this id (and os.kill(0, …) would ask about our own group)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except (ProcessLookupError, OverflowError):  # no such process (or none could have that id)
        return True
    except OSError:  # PermissionError: it runs, as another user
        return False
    return False


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # Reading it from /proc avoids setting it, which would race with other threads' file creation.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)  # elsewhere: the classic read-by-setting, restored at once
    os.umask(umask)
    return umask


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, lambda f: f.write(text.encode("utf-8")))

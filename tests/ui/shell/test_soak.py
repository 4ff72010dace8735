"""Soak: train / stop / reset cycles with the main window open, visiting every view, leak no threads
and no memory worth the name.

Threads are counted twice: Python's (threading.active_count) and the operating system's
(/proc/self/status), which also sees Qt's threads and the OpenMP pools PyTorch starts per calling
thread. Memory is the resident set after a garbage collection, compared with the one after the
warm-up cycles (the first runs import torch, build caches, start each view's threads and fill the
curves' buffers once).
"""

from __future__ import annotations

import gc
import random
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QTabWidget

from playground.ui.shell.run_controls import RunState
from playground.ui.shell.workspaces import view_key

# The views of the course, at least (`every_view` finds all of them, these and any other).
COURSE_VIEWS = {"Train", "Draw", "This digit", "While it learns", "Evaluation", "Diagram", "PyTorch code", "Matrices",
                "Playground", "Runs", "Experiments"}
# The first warm-up cycle shows every view (their first showing starts threads and fills caches for
# good); then one view a cycle, so the cycles measured (one a view: 11 or more) show each view once. (It
# was 20 cycles, 17 measured: a thread left per cycle or per view still shows, and so does memory, below.)
WARM_UP = 3
# Over 10 cycles measured, 2.6-3.6 MB; a trainer kept per cycle (~3.7 MB each) adds 37 MB or more.
RSS_TOLERANCE_MB = 24.0
RUN_TIMEOUT_MS = 120_000

pytestmark = [pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc/self/status (Linux)"),
              pytest.mark.slow]


def proc_status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def measure(qtbot) -> dict:
    """After the window has settled: no work queued, garbage collected."""
    for _ in range(3):
        qtbot.wait(50)
        # Widgets closed with deleteLater() are deleted only here: outside app.exec() no event loop
        # runs at the level they were scheduled at, and until then their Python wrappers keep
        # everything they reference (a closed main window: ~15 MB with its trainer).
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
    return {"python_threads": threading.active_count(), "os_threads": proc_status("Threads"),
            "rss_mb": proc_status("VmRSS") / 1024}


def every_view(window) -> list[str]:
    """The keys of the views the window has, in the bar's order: each workspace's inner tabs (nested ones
    opened), or its page."""
    def leaves(tabs: QTabWidget) -> list[str]:
        keys: list[str] = []
        for i in range(tabs.count()):
            widget = tabs.widget(i)
            inner = isinstance(widget, QTabWidget) and widget.count() and view_key(widget.widget(0))
            keys += (leaves(widget) if inner else []) or [view_key(widget)]
        return keys
    keys: list[str] = []
    for space in window.workspaces.workspaces():
        keys += leaves(space.views) if space.views is not None else [space.key]
    assert all(keys) and set(keys) >= COURSE_VIEWS, keys
    return keys


def show(window, key: str) -> None:
    assert window.show_view(key), key
    assert window.view_on_screen(window.workspaces.view_widget(key)), key


def show_every_view(qtbot, window) -> None:
    """While the window trains: each view in turn for a training step or more. Their first showing starts
    the views' threads and fills caches kept for good (fonts, plot items): warm-up, before measuring."""
    for key in every_view(window):
        show(window, key)
        shown_at = window.plots.step_count
        qtbot.waitUntil(lambda at=shown_at: window.plots.step_count > at and window.state == RunState.TRAINING,
                        timeout=RUN_TIMEOUT_MS)


def test_train_stop_reset_cycles_leak_neither_threads_nor_memory(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # reset: yes
    window = make_window()
    window.panel.epochs.setValue(100)
    window.panel.batch_size.setValue(32)
    views = every_view(window)
    samples = []

    def cycle(i: int) -> None:
        show(window, views[i % len(views)])  # the Draw, Inside, Evaluation … views start their jobs
        assert window.start_training()
        if i == 0:
            show_every_view(qtbot, window)
            show(window, views[0])
        qtbot.waitUntil(lambda: window.plots.step_count >= 10 and window.state == RunState.TRAINING,
                        timeout=RUN_TIMEOUT_MS)
        window.stop()
        qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=RUN_TIMEOUT_MS)
        assert window.worker.trainer.global_step >= 10
        window.reset()
        qtbot.waitUntil(lambda: window.plots.step_count == 0 and window.worker.trainer.global_step == 0
                        and window.state == RunState.IDLE, timeout=RUN_TIMEOUT_MS)

    for i in range(WARM_UP + len(views)):
        cycle(i)
        if i >= WARM_UP - 1:
            samples.append(measure(qtbot))
    baseline, last = samples[0], samples[-1]
    report = "\n".join(f"cycle {WARM_UP + k}: {s}" for k, s in enumerate(samples))
    print(report, file=sys.stderr)
    assert last["python_threads"] <= baseline["python_threads"], report
    assert last["os_threads"] <= baseline["os_threads"], report
    assert last["rss_mb"] - baseline["rss_mb"] <= RSS_TOLERANCE_MB, report
    # A steady climb is a leak even when each step is small: the second half grows no faster than noise.
    half = len(samples) // 2
    assert samples[-1]["rss_mb"] - samples[half]["rss_mb"] <= RSS_TOLERANCE_MB / 2, report


def test_windows_closed_mid_epoch_leave_no_threads_behind(qtbot, small_data):
    """Open a window, train, close it mid-epoch at a random step (seeded), six times over: every
    thread the windows started (training, predictions, model jobs, OpenMP pools) ends with them."""
    from playground.ui.shell.main_window import MainWindow

    rng = random.Random(8)
    samples = []
    # The first window shows every view (warm-up). Windows 3 to 6, measured against the second, show the
    # Draw, Inside, Matrices and Evaluation views, which start threads of their own (it was eight windows
    # on one view each, 0-7: after the second also the Diagram and the code, which start none). A window
    # kept alive adds ~15 MB, a thread left behind a thread: either shows after four windows.
    for i, key in enumerate(["Training curves", "Playground", "Draw", "Inside", "Matrices", "Evaluation"]):
        window = MainWindow(data=small_data, remember=False, autosave=False)
        window.show()
        qtbot.waitUntil(lambda w=window: w.state == RunState.IDLE, timeout=RUN_TIMEOUT_MS)
        show(window, key)
        window.panel.epochs.setValue(100)
        window.panel.batch_size.setValue(16)
        assert window.start_training()
        if i == 0:
            show_every_view(qtbot, window)
        close_at = rng.randint(1, 100)  # 125 steps an epoch: mid-epoch, anywhere in it
        qtbot.waitUntil(lambda w=window, n=close_at: w.plots.step_count >= n, timeout=RUN_TIMEOUT_MS)
        window.close_discarding()
        assert not window.worker.thread_running  # closing waited for the batch under way, no longer
        window.deleteLater()
        del window
        samples.append(measure(qtbot))
    report = "\n".join(f"window {k + 1}: {s}" for k, s in enumerate(samples))
    print(report, file=sys.stderr)
    baseline, last = samples[1], samples[-1]  # after the first window: torch and its pools exist
    assert last["python_threads"] <= baseline["python_threads"], report
    assert last["os_threads"] <= baseline["os_threads"], report
    assert last["rss_mb"] - baseline["rss_mb"] <= RSS_TOLERANCE_MB, report

"""Start-up: the window paints before torch is imported, and the training worker (which imports
torch and loads the data) starts only after that first paint — or after a moment, for a window
that is never painted. `bench/run.py --sections startup` times it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtWidgets import QMainWindow

from playground.ui.shell import main_window
from playground.ui.shell.app import EXIT_AFTER_FIRST_PAINT_ENV
from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState


def test_the_first_paint_comes_before_torch_and_the_hook_reports_it(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               NN_PLAYGROUND_DATA_DIR=str(tmp_path / "data"), **{EXIT_AFTER_FIRST_PAINT_ENV: "1"})
    out = subprocess.run([sys.executable, "-m", "playground"], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(next(line for line in out.stdout.splitlines() if line.startswith("{")))
    assert report["torch_imported"] is False  # the window was on screen before torch was loaded
    assert report["first_paint_s"] is None or 0 < report["first_paint_s"] < 60
    assert "Traceback" not in out.stderr


def test_the_worker_starts_after_the_first_paint(qtbot, small_data):
    window = MainWindow(data=small_data, remember=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_discarding())
    window.show()
    qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=60_000)
    window.close_discarding()
    assert not window.worker.thread_running


def test_a_window_that_is_never_painted_still_starts_its_worker(qtbot, small_data, monkeypatch):
    monkeypatch.setattr(MainWindow, "paintEvent", QMainWindow.paintEvent)  # as if minimised: no paint
    monkeypatch.setattr(main_window, "WORKER_START_FALLBACK_MS", 200)
    window = MainWindow(data=small_data, remember=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_discarding())
    window.show()
    qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=60_000)
    window.close_discarding()
    assert not window.worker.thread_running

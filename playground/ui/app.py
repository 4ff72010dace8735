"""Entry points the CLI calls: open the GUI, or render the main window to a PNG offscreen."""

from __future__ import annotations

import math
import os
import signal
import sys
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QEventLoop, QIODevice, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from playground import APP_NAME
from playground.core.atomic_io import write_atomically
from playground.core.presets import DEFAULT_PRESET, preset_names
from playground.ui.main_window import DEFAULT_SIZE, MainWindow
from playground.ui.run_controls import RunState

LOAD_TIMEOUT_S = 120.0


class ScreenshotError(RuntimeError):
    """The screenshot could not be made; the message says why (for the CLI to print)."""


def make_application() -> QApplication:
    """The QApplication (created once), named so QSettings finds this app's preferences."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1] or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    return app


def run_gui(preset: str | None = None, data_dir: Path | None = None, device: str | None = None) -> int:
    """Open the main window with MNIST (or `data_dir`) loading in the background; returns the exit code.

    `preset` None opens the preset used last time (seed-mlp the first time).
    """
    app = make_application()
    window = MainWindow(preset, data_dir, device)
    _close_on_ctrl_c(window)
    window.show()
    return app.exec()


def _close_on_ctrl_c(window: MainWindow) -> None:
    """Ctrl+C in the terminal closes the window without questions (saving preferences, ending the
    training thread, keeping unsaved work in the autosave file for recovery)."""
    signal.signal(signal.SIGINT, lambda *_: window.interrupt())
    # Python runs signal handlers only between bytecodes, and Qt's loop runs none while idle.
    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(250)


def render_screenshot(path: Path, preset: str = DEFAULT_PRESET, data_dir: Path | None = None,
                      device: str | None = None, train_epochs: float = 0, tab: str | None = None,
                      learning_rate: float | None = None, optimizer: str | None = None) -> None:
    """Render the main window offscreen to the PNG `path`.

    With `train_epochs` > 0 it first trains that many epochs (fractions allowed: 0.3 stops after
    30 % of an epoch's steps) on the real data, so the plots show real curves; `learning_rate` and
    `optimizer` override the preset's for that run. `tab` names the central tab to show (its
    title, case-insensitive, e.g. "Diagram"). Preferences are neither read nor written. Raises
    ScreenshotError with a message for the user.
    """
    if preset not in preset_names():
        raise ScreenshotError(f"No preset named '{preset}'. Available: {', '.join(preset_names())}.")
    if not (train_epochs >= 0 and math.isfinite(train_epochs)):
        raise ScreenshotError(f"The number of epochs to train must be 0 or more (got {train_epochs}).")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # only used if no QApplication exists yet
    make_application()
    window = MainWindow(preset, data_dir, device, remember=False, autosave=False)
    window.resize(*DEFAULT_SIZE)
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        window.show()
        _wait_until(lambda: window.state != RunState.LOADING, LOAD_TIMEOUT_S)
        if window.state != RunState.IDLE:
            raise ScreenshotError(window.training_message.label.text() or "The data could not be loaded.")
        if tab is not None:
            titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
            matches = [i for i, title in enumerate(titles) if title.lower().replace("&", "") == tab.lower()]
            if not matches:
                raise ScreenshotError(f"No tab named '{tab}'. Tabs: {', '.join(titles)}.")
            window.tabs.setCurrentIndex(matches[0])
        if learning_rate is not None:
            window.panel.learning_rate.setValue(learning_rate)
        if optimizer is not None:
            index = window.panel.optimizer.findData(optimizer)
            if index < 0:
                raise ScreenshotError(f"Unknown optimizer '{optimizer}'.")
            window.panel.optimizer.setCurrentIndex(index)
        if train_epochs > 0:
            info = window.data_info
            batch = window.panel.batch_size.value()
            steps = max(1, round(train_epochs * math.ceil(info["train_size"] / batch)))
            # A dozen test checks during the run, so short runs show test curves too.
            window.start_training(train_epochs, eval_every_steps=max(1, steps // 12))
            _wait_until(lambda: window.state == RunState.IDLE, None)
        _wait_until(lambda: False, 0.1)  # let the last updates paint
        _save_png(window.grab(), Path(path))
    finally:
        window.close_discarding()
        qInstallMessageHandler(previous)


def _quiet_offscreen(mode, context, message: str) -> None:
    """Drop the offscreen platform's harmless complaint about size hints; print anything else."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _wait_until(done: Callable[[], bool], timeout_s: float | None) -> bool:
    """Run the event loop until `done()` or the timeout (None: no timeout)."""
    deadline = None if timeout_s is None else time.monotonic() + timeout_s
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: (done() or (deadline is not None and time.monotonic() > deadline)) and loop.quit())
    timer.start()
    if not done():
        loop.exec()
    timer.stop()
    return done()


def _save_png(pixmap, path: Path) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, "PNG"):
        raise ScreenshotError("The window image could not be encoded as PNG.")
    buffer.close()
    try:
        write_atomically(path, lambda f: f.write(bytes(data)))
    except OSError as exc:
        raise ScreenshotError(f"Cannot write {path}: {exc.strerror or exc}.") from None

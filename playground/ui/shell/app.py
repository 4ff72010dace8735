"""Entry points the CLI calls: open the GUI, or render the main window to a PNG offscreen."""

from __future__ import annotations

import gc
import json
import math
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QEventLoop,
    QIODevice,
    QObject,
    QTimer,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from playground import APP_NAME
from playground.core.files.atomic_io import write_atomically
from playground.core.files.resources import resources_dir
from playground.core.i18n import tr
from playground.core.model.presets import DEFAULT_PRESET, preset_names
from playground.ui.dialogs.preferences import use_settings_dir_from_env
from playground.ui.shell.cjk_font import ensure_cjk_font
from playground.ui.shell.main_window import DEFAULT_SIZE, MainWindow
from playground.ui.shell.run_controls import RunState
from playground.ui.workers.background import shutdown_all

LOAD_TIMEOUT_S = 120.0
PLAYGROUND_TIMEOUT_S = 30.0  # the Playground tab's worker: torch import and a first picture
FIRST_RUN_TOUR_DELAY_MS = 600
# Set (to anything) to print the time to the first painted window and quit: bench/run.py --sections startup.
EXIT_AFTER_FIRST_PAINT_ENV = "NN_PLAYGROUND_EXIT_AFTER_FIRST_PAINT"


class ScreenshotError(RuntimeError):
    """The screenshot could not be made; the message says why (for the CLI to print)."""


def make_application() -> QApplication:
    """The QApplication (created once), named so QSettings finds this app's preferences."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)  # Wayland matches the running window to the menu entry by this
    app.setWindowIcon(_app_icon())
    use_settings_dir_from_env()  # $NN_PLAYGROUND_SETTINGS_DIR: preferences in that folder instead
    ensure_cjk_font()  # before any window: even the English one names 简体中文 in Preferences
    return app


def use_language(app: QApplication, locale: str | None = None) -> None:
    """Speak `locale` ("en", "zh_CN"; None: the one chosen in Preferences) before any window is built."""
    from playground.ui.dialogs.preferences import chosen_locale
    from playground.ui.shell.i18n import apply_language, last_error

    if not apply_language(app, locale or chosen_locale()):
        print(f"nn-playground: {last_error()} (the window stays in English)", file=sys.stderr)


def _app_icon() -> QIcon:
    """The window and taskbar icon, every size drawn for it (resources/icons, made by packaging/make_icons.py)."""
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob(f"{APP_NAME}-*.png")):
        icon.addFile(str(png))
    return icon


def run_gui(preset: str | None = None, data_dir: Path | None = None, device: str | None = None) -> int:
    """Open the main window with MNIST (or `data_dir`) loading in the background; returns the exit code.

    `preset` None opens the preset used last time (seed-mlp the first time).
    """
    app = make_application()
    use_language(app)
    window = MainWindow(preset, data_dir, device)
    _close_on_ctrl_c(window)
    if os.environ.get(EXIT_AFTER_FIRST_PAINT_ENV):
        _exit_after_first_paint(window)
    window.show()
    freeze_startup_objects_when_ready(window)
    # The first-run tour, once the window is on screen (remembered: never again unless Help ▸ Tour).
    QTimer.singleShot(FIRST_RUN_TOUR_DELAY_MS, window.comfort.show_tour_if_first_run)
    code = app.exec()
    shutdown_all()  # what the window did not end itself (a data import still reading, say)
    # Everything is saved by now. Python's shutdown runs full collections over every object left
    # (1.3-1.5 s of the 2 s a closed window may take to exit, on a slow 2-core machine); frozen, they
    # are skipped and still freed as the modules are cleared.
    gc.freeze()
    return code


_startup_frozen = False


def freeze_startup_objects_when_ready(window: MainWindow) -> QTimer:
    """Once the window can train, hide everything start-up made from Python's cycle collector.

    torch, the GUI and the window are ~350,000 objects that live as long as the app; a full
    collection walked them all — 160-250 ms with the GIL held, a freeze of the window and of the
    training thread's Python each time one came due. After one last collection they go to the
    permanent generation (`gc.freeze`), and later collections see only what came after. Once per
    process: objects of windows closed before the freeze would never be collected. Also when Train
    was pressed first (without the last collection then): unfrozen, each full collection during the
    run would stall the window and the training thread.
    """
    def ready() -> None:
        global _startup_frozen
        if window.worker.trainer is not None:
            timer.stop()
            if not _startup_frozen:  # not gc.get_freeze_count(): a library may have frozen a few objects itself
                _startup_frozen = True
                if window.state == RunState.IDLE:  # training already? then no 0.3 s collection under it
                    gc.collect()
                gc.freeze()

    timer = QTimer(window)
    timer.setInterval(200)
    timer.timeout.connect(ready)
    timer.start()
    return timer


def seconds_since_process_start() -> float | None:
    """Wall time since this process was started (Linux /proc, 10 ms resolution); None elsewhere."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22, counted from the boot
        return float(Path("/proc/uptime").read_text().split()[0]) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def _exit_after_first_paint(window: MainWindow) -> None:
    """The start-up benchmark's hook (bench/run.py, section startup): once the window has painted
    for the first time, print how long that took after the process started, as one JSON line on
    stdout, and close without saving anything."""
    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:  # Qt override
            if event.type() == QEvent.Type.Paint and watched is window:
                window.removeEventFilter(self)
                QTimer.singleShot(0, report)  # after the whole window's paint pass
            return False

    def report() -> None:
        since_start = seconds_since_process_start()
        print(json.dumps({"first_paint_s": since_start, "unix_time": time.time(),
                          "torch_imported": "torch" in sys.modules}), flush=True)
        window.close_discarding()
        QApplication.quit()

    window.installEventFilter(FirstPaint(window))  # the window, its parent, keeps it alive


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
                      learning_rate: float | None = None, optimizer: str | None = None,
                      language: str = "en", workspace: str | None = None,
                      size: tuple[int, int] = DEFAULT_SIZE) -> None:
    """Render the main window offscreen to the PNG `path`.

    With `train_epochs` > 0 it first trains that many epochs (fractions allowed: 0.3 stops after
    30 % of an epoch's steps) on the real data, so the plots show real curves; `learning_rate` and
    `optimizer` override the preset's for that run. `workspace` names the workspace to show (its name, e.g.
    "inside", or its title) and `tab` a view inside one (its title, case-insensitive, e.g. "Diagram", in
    English or in `language`: "en" or "zh_CN"); `size` is the window's (width, height). Preferences are
    neither read nor written. Raises
    ScreenshotError with a message for the user.
    """
    if preset not in preset_names():
        raise ScreenshotError(f"No preset named '{preset}'. Available: {', '.join(preset_names())}.")
    if not (train_epochs >= 0 and math.isfinite(train_epochs)):
        raise ScreenshotError(f"The number of epochs to train must be 0 or more (got {train_epochs}).")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # only used if no QApplication exists yet
    use_language(make_application(), language)
    window = MainWindow(preset, data_dir, device, remember=False, autosave=False)
    window.resize(*size)
    previous = qInstallMessageHandler(_quiet_offscreen)
    try:
        window.show()
        _wait_until(lambda: window.state != RunState.LOADING, LOAD_TIMEOUT_S)
        if window.state != RunState.IDLE:
            raise ScreenshotError(window.training_message.label.text() or "The data could not be loaded.")
        spaces = window.workspaces
        if workspace is not None and not spaces.show_workspace(workspace):
            raise ScreenshotError(f"No workspace named '{workspace}'. Workspaces: {', '.join(spaces.names())}.")
        if tab is not None:
            # A view's key is its English title, whatever language the window speaks.
            keys = spaces.view_keys()
            wanted = {tr(key).replace("&", "").lower(): key for key in keys} | {key.lower(): key for key in keys}
            if tab.lower() not in wanted:
                raise ScreenshotError(f"No tab named '{tab}'. Tabs: {', '.join(keys)}.")
            spaces.show_view(wanted[tab.lower()])
        if spaces.on_screen(window.playground):
            # Its worker builds the network after it is first shown: wait for the first picture.
            _wait_until(lambda: window.playground.last_frame is not None, PLAYGROUND_TIMEOUT_S)
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
    timer.timeout.connect(lambda: loop.quit() if done() or (deadline is not None and time.monotonic() > deadline)
                          else None)
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
        write_atomically(path, lambda f: f.write(data.data()))
    except OSError as exc:
        raise ScreenshotError(f"Cannot write {path}: {exc.strerror or exc}.") from None

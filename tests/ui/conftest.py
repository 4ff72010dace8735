import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from playground.core.training.allocator import tune_allocator
from playground.ui.shell.autosave import DATA_DIR_ENV
from playground.ui.shell.i18n import ENGLISH, apply_language, current_language
from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState

READY_TIMEOUT_MS = 30_000
tune_allocator()  # as `nn-playground` does when it starts: the memory the window tests measure is the app's


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path, monkeypatch):
    """Each test reads and writes its own preferences and autosave files, never the user's."""
    qapp.setOrganizationName("nn-playground-tests")
    qapp.setApplicationName("nn-playground-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "app-data"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def english_afterwards(qapp):
    """A language chosen in a test (Preferences, the i18n tests) is the application's, not the window's:
    back to English, or the next test on this worker would read Chinese texts (which test runs next on
    a pytest-xdist worker varies from run to run)."""
    yield
    if current_language() != ENGLISH:
        apply_language(qapp, ENGLISH)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog that nobody answers would hang the suite: one a test did not patch fails it instead."""

    def unexpected(*args, **kwargs):
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"unexpected dialog: {texts[:2]}")

    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, unexpected)
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, unexpected)


@pytest.fixture
def make_window(qtbot, small_data):
    """A shown main window on the small data set, ready to train (closed, and its thread ended, after the test)."""

    windows: list[MainWindow] = []  # strong references: qtbot only keeps weak ones

    def make(remember: bool = False, **kwargs) -> MainWindow:
        window = MainWindow(**{"data": small_data, "remember": remember, **kwargs})
        windows.append(window)
        # qtbot closes its widgets before fixtures end: without the unsaved-changes question.
        qtbot.addWidget(window, before_close_func=lambda w: w.close_discarding())
        window.show()
        qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=READY_TIMEOUT_MS)
        return window

    yield make
    for window in windows:
        window.close_discarding()
        assert not window.worker.thread_running


class SignalRecorder(QObject):
    """Records a signal's emissions on the GUI thread.

    A QObject's method runs in the thread its object lives in, so signals from the worker's thread
    arrive queued here, just as they do in the window (a plain lambda would run in the worker's thread).
    """

    def __init__(self, signal):
        super().__init__()
        self.calls: list[tuple] = []
        signal.connect(self._record)

    def _record(self, *args) -> None:
        self.calls.append(args)

    def wait(self, qtbot, count: int = 1, timeout: int = 60_000) -> tuple:
        """The arguments of the `count`-th emission, once it has arrived."""
        qtbot.waitUntil(lambda: len(self.calls) >= count, timeout=timeout)
        return self.calls[count - 1]


@pytest.fixture
def record():
    """`record(signal)` starts a SignalRecorder on it."""
    return SignalRecorder

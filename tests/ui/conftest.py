import pytest
from PySide6.QtCore import QObject, QSettings

from playground.ui.main_window import MainWindow
from playground.ui.run_controls import RunState

READY_TIMEOUT_MS = 30_000


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path):
    """Each test reads and writes its own preferences, never the user's."""
    qapp.setOrganizationName("nn-playground-tests")
    qapp.setApplicationName("nn-playground-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture
def make_window(qtbot, small_data):
    """A shown main window on the small data set, ready to train (closed, and its thread ended, after the test)."""

    windows: list[MainWindow] = []  # strong references: qtbot only keeps weak ones

    def make(remember: bool = False, **kwargs) -> MainWindow:
        window = MainWindow(**{"data": small_data, "remember": remember, **kwargs})
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=READY_TIMEOUT_MS)
        return window

    yield make
    for window in windows:
        window.close()
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

"""No panel shows a widget of its own as a window while the main window builds its views.

A parentless widget made visible is a top-level window: for a moment it takes the activation from the main
window, whose window-wide shortcuts (Ctrl+Z from the settings, Space, Ctrl+Return) then stop working until
the user clicks it (found when the explain views' status line was shown before it had a parent).
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState


class _ShownWindows(QObject):
    """Every top-level widget shown, but for the main window and menus (an application-wide event filter:
    patching QWidget's methods from Python would change how PySide dispatches them for the rest of the run)."""

    def __init__(self):
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
                and not isinstance(watched, (MainWindow, QMenu, QDialog))):
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


def test_building_every_view_shows_no_stray_window_and_the_window_stays_active(qtbot, small_data):
    spy = _ShownWindows()
    app = QApplication.instance()
    app.installEventFilter(spy)
    try:
        window = MainWindow(data=small_data, remember=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.close_discarding())
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: window.state == RunState.IDLE and window.evaluation_panel is not None,
                        timeout=30_000)
        for name in window.workspaces.names():  # every page and view built and shown once
            window.workspaces.show_workspace(name)
        qtbot.wait(50)
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == []
    assert window.isActiveWindow()

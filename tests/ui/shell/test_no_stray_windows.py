"""No panel shows a widget of its own as a window while the main window builds its views.

A parentless widget made visible is a top-level window: for a moment it takes the activation from the main
window, whose window-wide shortcuts (Ctrl+Z from the settings, Space, Ctrl+Return) then stop working until
the user clicks it (found when the explain views' status line was shown before it had a parent).
"""

from PySide6.QtWidgets import QDialog, QMenu, QWidget

from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState


def test_building_every_view_shows_no_stray_window_and_the_window_stays_active(qtbot, small_data, monkeypatch):
    shown: list[str] = []
    set_visible = QWidget.setVisible

    def spy(self, visible):
        if visible and self.isWindow() and not isinstance(self, (MainWindow, QMenu, QDialog)):
            shown.append(f"{type(self).__name__} {self.objectName()!r}")
        return set_visible(self, visible)

    monkeypatch.setattr(QWidget, "setVisible", spy)
    window = MainWindow(data=small_data, remember=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_discarding())
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.state == RunState.IDLE and window.evaluation_panel is not None, timeout=30_000)
    for name in window.workspaces.names():  # every page and view built and shown once
        window.workspaces.show_workspace(name)
    qtbot.wait(50)
    assert shown == []
    assert window.isActiveWindow()

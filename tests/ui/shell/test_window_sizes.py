"""On a classroom laptop's screen, in English and in 简体中文: every workspace one click away, nothing cut off.

At 1366×768 and 1024×700, with Learn closed and open, in every workspace: the window keeps the size it was
given (no part's minimum forces it larger), the workspace buttons all fit in their bar, no tab bar shows
scroll arrows, and each page and side panel gets at least its minimum size (a panel may scroll inside).
"""

import pytest
from PySide6.QtWidgets import QApplication, QTabBar, QToolButton

from playground.ui.shell.i18n import apply_language

SIZES = [(1366, 768), (1024, 700)]


def _settle(qtbot):
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def _problems(window, label: str) -> list[str]:
    found = []
    if window.width() > window.target_size[0] or window.height() > window.target_size[1]:
        found.append(f"{label}: window grew to {window.width()}×{window.height()}")
    spaces = window.workspaces
    for space in spaces.workspaces():
        button = space.button
        if not button.isVisible() or button.geometry().bottom() > spaces.bar.height():
            found.append(f"{label}: the {space.name} button is not fully shown")
        if button.sizeHint().width() > button.width() + 1:
            found.append(f"{label}: the {space.name} button's text is cut ({button.text()})")
    page = spaces.current().page
    for widget in (page, spaces.side if spaces.side.isVisible() else None):
        if widget is None:
            continue
        hint = widget.minimumSizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
            found.append(f"{label}: {widget.objectName() or type(widget).__name__} needs {hint.width()}×"
                         f"{hint.height()}, has {widget.width()}×{widget.height()}")
        for bar in widget.findChildren(QTabBar):
            arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
            if bar.isVisible() and arrows:
                found.append(f"{label}: tabs {[bar.tabText(i) for i in range(bar.count())]} need scroll arrows")
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_workspace_fits_small_screens(make_window, qtbot, qapp, language):
    window = make_window()
    if language != "en":
        assert apply_language(qapp, language)
    problems = []
    for size in SIZES:
        window.target_size = size
        window.resize(*size)
        for learn in (False, True):
            window.workspaces.set_learn_open(learn)
            for name in window.workspaces.names():
                window.workspaces.show_workspace(name)
                _settle(qtbot)
                problems += _problems(window, f"{size[0]}×{size[1]} {language} learn={learn} {name}")
    assert problems == [], "\n".join(problems)

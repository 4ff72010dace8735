"""Everything by keyboard: Tab reaches the controls, the run actions have shortcuts shown in their
tooltips, Ctrl+1… switch tabs, Edit ▸ Add Layer adds any layer, and no widget traps the Tab key."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from playground.core.model.layers import LAYER_TYPES


def walk_tab(qtbot, start: QWidget, limit: int = 200) -> list[QWidget]:
    """The widgets Tab visits from `start` until the focus comes back to it (fails on a trap)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = [start]
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus is start:
            return visited
        visited.append(focus)
    raise AssertionError(f"Tab never came back to {type(start).__name__}: trapped in "
                         f"{sorted({type(w).__name__ for w in visited[-20:]})}")


def test_tab_reaches_every_important_control(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    window.comfort.show_learn()
    visited = walk_tab(qtbot, window.tabs.tabBar())
    panel, learn = window.panel, window.comfort.learn
    important = {
        "layer stack": window.editor.stack_view, "preset": panel.preset, "epochs": panel.epochs,
        "batch size": panel.batch_size, "learning rate": panel.learning_rate, "optimizer": panel.optimizer,
        "device": panel.device, "seed": panel.seed, "Learn topics": learn.topic_list,
        "Show me": learn.show_me_button,
    }
    missing = [name for name, widget in important.items()
               if not any(w is widget or widget.isAncestorOf(w) for w in visited)]
    assert not missing, f"Tab never reaches: {missing}"
    # No stop that only outlines a frame: scroll areas around focusable controls are skipped.
    assert not [w for w in visited if type(w) is QScrollArea]


def test_every_tab_page_is_reachable_and_no_grid_traps_the_tab_key(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        visited = walk_tab(qtbot, window.tabs.tabBar())  # fails if a widget keeps the focus for ever
        focusable = [w for w in page.findChildren(QWidget)
                     if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        if focusable:
            assert any(page.isAncestorOf(w) for w in visited), f"nothing on {window.tabs.tabText(index)} gets the focus"


def test_run_actions_have_shortcuts_in_their_tooltips_and_the_training_menu(make_window):
    window = make_window()
    actions = window.run_actions
    expected = {actions.train: "Ctrl+Return", actions.step: "Ctrl+Right", actions.stop: "Esc",
                actions.reset: "Ctrl+R"}
    for action, keys in expected.items():
        assert action.shortcut() == QKeySequence(keys)
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        assert shown in action.toolTip(), action.text()
    assert actions.pause_resume.shortcut() == QKeySequence(Qt.Key.Key_Space)
    assert "Space" in actions.pause.toolTip()
    training_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Training")
    assert set(actions.buttons()) <= set(training_menu.actions())


def test_ctrl_and_a_number_switches_the_tab(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    count = window.tabs.count()
    assert len(window.comfort.tab_actions) == count
    for index in reversed(range(min(count, 9))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
        assert f"Ctrl+{index + 1}" in window.tabs.tabToolTip(index)


def test_edit_add_layer_adds_every_kind_of_layer(make_window):
    window = make_window()
    actions = window.comfort.add_layer_actions
    assert set(actions) == set(LAYER_TYPES)
    assert window.comfort.add_layer_menu.menuAction() in window.edit_menu.actions()
    before = len(window.spec.layers)
    window.editor.select(before - 1)
    actions["Dropout"].trigger()
    layers = window.spec.layers
    assert len(layers) == before + 1 and layers[-1].type == "Dropout"
    assert window.editor.selected_index() == before  # the new layer, after the one selected


def test_go_to_tab_finds_the_tabs_by_key_whatever_language_their_titles_are_in(qtbot, make_window):
    from i18n_coverage import speak

    window = make_window()
    code = window.tabs.indexOf(window.code_view)
    keys = QKeySequence(f"Ctrl+{code + 1}").toString(QKeySequence.SequenceFormat.NativeText)
    speak({"PyTorch code": "PyTorch 代码", "{tip} ({keys})": "{tip}（{keys}）"})
    try:
        assert window.tabs.tabText(code) == "PyTorch 代码"
        assert window.comfort.tab_actions[code].text() == "PyTorch 代码"
        assert window.tabs.tabToolTip(code).endswith(f"（{keys}）")  # rebuilt with its keys in the new language
        window.comfort.tab_actions[code].trigger()
        assert window.view_on_screen(window.code_view)
    finally:
        speak(None)
    assert window.tabs.tabText(code) == "PyTorch code"
    assert window.tabs.tabToolTip(code).endswith(f" ({keys})")

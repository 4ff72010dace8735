"""Everything by keyboard: Tab reaches the controls, the run actions have shortcuts shown in their
tooltips, Ctrl+1…5 choose the workspaces, Edit ▸ Add Layer adds any layer, and no widget traps the Tab key."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QScrollArea, QTabWidget, QWidget

from playground.core.model.layers import LAYER_TYPES
from playground.ui.shell.workspaces import view_key


def walk_tab(qtbot, start: QWidget, limit: int = 300) -> list[QWidget]:
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


def reached(widget: QWidget, visited: list[QWidget]) -> bool:
    return any(w is widget or widget.isAncestorOf(w) for w in visited)


def is_view_group(widget: QWidget) -> bool:
    """Nested views (Inside's "This digit", "While it learns"), not a panel that has tabs of its own."""
    return isinstance(widget, QTabWidget) and widget.count() > 0 and bool(view_key(widget.widget(0)))


def leaf_views(tabs: QTabWidget) -> list[tuple[str, QWidget]]:
    """The views in `tabs` with their keys, nested tabs opened down to their own views."""
    views: list[tuple[str, QWidget]] = []
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        inner = leaf_views(widget) if is_view_group(widget) else []
        views += inner or [(view_key(widget), widget)]
    return views


def test_tab_reaches_every_important_control(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    spaces = window.workspaces
    spaces.show_workspace("train")
    window.comfort.show_learn()
    panel, learn, side = window.panel, window.comfort.learn, spaces.side
    start = spaces.current().button
    # Learn in front of the side column: the stack, Learn's controls and the side column's own tabs.
    visited = walk_tab(qtbot, start)
    important = {"layer stack": window.editor.stack_view, "Learn topics": learn.topic_list,
                 "Show me": learn.show_me_button, "side tabs": side.tabBar()}
    missing = [name for name, widget in important.items() if not reached(widget, visited)]
    assert not missing, f"Tab never reaches: {missing}"
    assert not [w for w in visited if type(w) is QScrollArea]
    # The side column's tabs by keyboard: the training settings come forward, and Tab reaches each of them.
    side.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(side.count()):
        if view_key(side.currentWidget()) == "Settings":
            break
        qtbot.keyClick(side.tabBar(), Qt.Key.Key_Left)
    assert view_key(side.currentWidget()) == "Settings" and window.view_on_screen(panel)
    visited = walk_tab(qtbot, start)
    important = {"layer stack": window.editor.stack_view, "preset": panel.preset, "epochs": panel.epochs,
                 "batch size": panel.batch_size, "learning rate": panel.learning_rate, "optimizer": panel.optimizer,
                 "device": panel.device, "seed": panel.seed}
    missing = [name for name, widget in important.items() if not reached(widget, visited)]
    assert not missing, f"Tab never reaches: {missing}"
    # No stop that only outlines a frame: scroll areas around focusable controls are skipped.
    assert not [w for w in visited if type(w) is QScrollArea]


def test_every_workspace_and_view_is_reachable_and_nothing_traps_the_tab_key(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    spaces = window.workspaces
    seen, seen_beside = [], []
    for space in spaces.workspaces():
        views = leaf_views(space.views) if space.views is not None else [(space.key, space.page)]
        for key, view in views:
            assert spaces.show_view(key), key
            assert spaces.current() is space and window.view_on_screen(view), key
            seen.append(key)
            check_reachable(qtbot, space.button, view, f"{space.name} ▸ {key}")
        for index in range(spaces.side.count()):  # the panels lent to the side column
            spaces.side.setCurrentIndex(index)
            side_view = spaces.side.widget(index)
            seen_beside.append(view_key(side_view))
            check_reachable(qtbot, space.button, side_view, f"{space.name} ▸ side ▸ {view_key(side_view)}")
    assert {"Train", "Draw", "This digit", "While it learns", "Evaluation", "Diagram", "PyTorch code",
            "Matrices", "Playground", "Runs", "Experiments"} <= set(seen)
    assert {"Settings", "Matrices"} <= set(seen_beside)


def check_reachable(qtbot, start: QWidget, view: QWidget, name: str) -> None:
    visited = walk_tab(qtbot, start)  # fails if a widget keeps the focus for ever
    focusable = [w for w in view.findChildren(QWidget)
                 if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    if focusable:
        assert any(view.isAncestorOf(w) for w in visited), f"nothing on {name} gets the focus"
    assert not [w for w in visited if type(w) is QScrollArea], name


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


def test_ctrl_and_a_number_chooses_the_workspace(qtbot, make_window):
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # the workspaces' keys work in the window that has the focus
    spaces = window.workspaces.workspaces()
    assert len(spaces) == 5
    assert window.comfort.workspace_actions == [space.action for space in spaces]
    assert set(window.comfort.workspace_actions) <= set(window.view_menu.actions())
    for number, space in reversed(list(enumerate(spaces, start=1))):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.workspaces.current() is space and space.button.isChecked()
        assert window.view_on_screen(space.page)
        assert f"Ctrl+{number}" in space.button.toolTip()
        assert space.action.shortcut() == QKeySequence(f"Ctrl+{number}")


def test_edit_add_layer_adds_every_kind_of_layer(make_window):
    window = make_window()
    actions = window.comfort.add_layer_actions
    assert set(actions) == set(LAYER_TYPES)
    assert window.comfort.add_layer_menu.menuAction() in window.edit_menu.actions()
    window.show_view("Diagram")  # from another workspace: the stack comes forward with the new layer
    before = len(window.spec.layers)
    window.editor.select(before - 1)
    actions["Dropout"].trigger()
    layers = window.spec.layers
    assert len(layers) == before + 1 and layers[-1].type == "Dropout"
    assert window.editor.selected_index() == before  # the new layer, after the one selected
    assert window.view_on_screen(window.editor)


def test_the_workspaces_and_views_are_retranslated_with_their_keys_in_the_tooltip(qtbot, make_window):
    from i18n_coverage import speak

    window = make_window()
    inside = window.workspaces.workspace("inside")
    number = window.workspaces.workspaces().index(inside) + 1
    keys = QKeySequence(f"Ctrl+{number}").toString(QKeySequence.SequenceFormat.NativeText)
    views = inside.views
    code = views.indexOf(window.code_view)
    speak({"Look inside": "看看里面", "PyTorch code": "PyTorch 代码", "{tip} ({keys})": "{tip}（{keys}）"})
    try:
        assert inside.button.text() == "看看里面" and inside.action.text() == "看看里面"
        assert inside.button.toolTip().endswith(f"（{keys}）")  # rebuilt with its keys in the new language
        assert views.tabText(code) == "PyTorch 代码"
        inside.action.trigger()
        assert window.workspaces.current() is inside
        assert window.show_view("PyTorch code")  # found by its key, not its title
        assert window.view_on_screen(window.code_view)
    finally:
        speak(None)
    assert inside.button.text() == "Look inside" and views.tabText(code) == "PyTorch code"
    assert inside.button.toolTip().endswith(f" ({keys})")

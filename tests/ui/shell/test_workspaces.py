"""The workspaces on their own: views found by key, the side column, the roaming matrix panel, Learn, settings."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMainWindow

from playground.core.model.presets import load_preset, preset_names
from playground.ui.shell.window_layout import TAB_MATRICES, build_layout, install_model_panels
from playground.ui.shell.workspaces import LEARN_KEY, OLD_KEY_TAB, view_key


@pytest.fixture
def layout(qtbot):
    built = build_layout([load_preset(name) for name in preset_names()])
    window = QMainWindow()
    window.setCentralWidget(built.workspaces)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield built
    built.playground.shutdown()  # its worker thread starts when first shown
    del window  # held until the test ends: qtbot keeps only a weak reference


def _panels():
    return [QLabel(name) for name in ("draw", "inside", "learning", "matrices", "evaluation")]


def test_each_view_is_found_by_key_and_only_the_one_shown_is_on_screen(layout):
    spaces = layout.workspaces
    assert spaces.names() == ["train", "inside", "matrices", "playground", "runs"]
    assert spaces.show_view("Diagram")
    assert spaces.current().name == "inside" and spaces.on_screen(layout.diagram)
    assert not spaces.on_screen(layout.code_view) and not spaces.on_screen(layout.train.plots)
    assert spaces.show_view("Training curves")
    assert spaces.on_screen(layout.train.plots) and not spaces.on_screen(layout.diagram)
    assert spaces.show_view("Settings") and spaces.on_screen(layout.train.panel)
    assert not spaces.show_view("No such view")


def test_ctrl_number_chooses_workspaces_and_the_bar_says_so(layout):
    spaces = layout.workspaces
    for number, space in enumerate(spaces.workspaces(), start=1):
        assert space.action is not None and space.action.shortcut().toString() == f"Ctrl+{number}"
        assert f"Ctrl+{number}" in space.button.toolTip()
        space.action.trigger()
        assert spaces.current() is space and space.button.isChecked()


def test_the_matrix_panel_has_its_own_page_and_sits_beside_train_and_inside(layout):
    draw, inside, learning, matrices, evaluation = _panels()
    inside_tabs = install_model_panels(layout, draw, inside, learning, matrices, evaluation)
    spaces = layout.workspaces
    assert spaces.show_view("This digit") and inside_tabs.currentWidget() is inside
    spaces.show_workspace("matrices")
    assert matrices.parentWidget() is layout.matrices_page and spaces.on_screen(matrices)
    assert spaces.side.isHidden()  # nothing lent to the side there
    for name in ("train", "inside"):
        spaces.show_workspace(name)
        keys = [view_key(spaces.side.widget(i)) for i in range(spaces.side.count())]
        assert TAB_MATRICES in keys
        spaces.side.setCurrentIndex(keys.index(TAB_MATRICES))
        assert spaces.on_screen(matrices) and matrices.parentWidget() is not layout.matrices_page
    spaces.show_workspace("playground")
    assert not spaces.on_screen(matrices) and spaces.side.isHidden()


def test_learn_is_a_side_tab_in_every_workspace(layout):
    spaces = layout.workspaces
    learn = QLabel("learn")
    spaces.set_learn(learn)
    spaces.set_learn_open(True)
    for name in spaces.names():
        spaces.show_workspace(name)
        assert not spaces.side.isHidden()
        assert LEARN_KEY in [view_key(spaces.side.widget(i)) for i in range(spaces.side.count())]
    spaces.set_learn_open(False)
    spaces.show_workspace("runs")
    assert spaces.side.isHidden()


def test_remembered_choices_come_back_and_old_or_odd_values_are_dropped_quietly(layout, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    spaces = layout.workspaces
    spaces.show_view("PyTorch code")
    spaces.save(settings)
    other = build_layout([load_preset(name) for name in preset_names()])
    other.workspaces.restore(settings)
    other.playground.shutdown()
    assert other.workspaces.current().name == "inside" and other.workspaces.on_screen(other.code_view)

    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    old.setValue(OLD_KEY_TAB, "Diagram")  # the centre tab of the window before workspaces
    old.setValue("workspace/current", 42)
    old.setValue("workspace/split", "wide")
    old.setValue("workspace/side/nowhere", "Settings")
    third = build_layout([load_preset(name) for name in preset_names()])
    third.workspaces.restore(old)
    third.playground.shutdown()
    assert third.workspaces.on_screen(third.diagram)
    assert not old.contains(OLD_KEY_TAB)  # read once

"""The workspaces in the main window: where the toolbar's run controls act, the matrix panel beside Train,
and the Train curves not drawn while another workspace is on show."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar
from window_helpers import train, wait_idle

from playground.ui.shell.run_controls import RunState

CTRL = Qt.KeyboardModifier.ControlModifier
RUNNING = (RunState.STARTING, RunState.TRAINING)


def _points(curve) -> int:
    """How many points a plot curve draws."""
    y = curve.getData()[1]
    return 0 if y is None else len(y)


def test_the_run_controls_are_hidden_and_their_keys_do_nothing_where_the_mnist_network_is_not_on_show(
        qtbot, make_window):
    window = make_window()
    window.panel.epochs.setValue(100)  # long enough to pause and resume by keys
    window.activateWindow()
    actions = window.run_actions
    toolbar = window.findChild(QToolBar, "trainingToolBar")
    spaces = window.workspaces

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(window, key, modifier)

    for name in ("playground", "matrices"):
        spaces.show_workspace(name)
        assert not actions.available and not toolbar.isVisible()
        assert not any(action.isEnabled() for action in actions.buttons())
        press(Qt.Key.Key_Return, CTRL)  # Train
        press(Qt.Key.Key_Right, CTRL)  # Step
        assert window.state == RunState.IDLE, name

    spaces.show_workspace("train")
    assert actions.available and toolbar.isVisible() and actions.train.isEnabled()
    press(Qt.Key.Key_Return, CTRL)
    assert window.state in RUNNING  # the same key starts the MNIST run here

    for name in ("playground", "matrices"):
        spaces.show_workspace(name)
        assert not toolbar.isVisible()
        press(Qt.Key.Key_Space)  # Pause / resume
        press(Qt.Key.Key_Escape)  # Stop
        assert window.state in RUNNING, name

    spaces.show_workspace("inside")
    assert toolbar.isVisible()
    press(Qt.Key.Key_Space)
    assert window.state == RunState.PAUSED
    spaces.show_workspace("runs")
    assert toolbar.isVisible()
    press(Qt.Key.Key_Space)
    assert window.state == RunState.TRAINING  # resumed
    spaces.show_workspace("train")
    press(Qt.Key.Key_Escape)
    assert window.state == RunState.STOPPING
    wait_idle(qtbot, window)


def test_the_matrix_panel_beside_train_offers_the_networks_weights_and_biases_once_trained(
        qtbot, make_window, monkeypatch):
    window = make_window()
    panel = window.matrix_panel
    offered: list[dict[str, np.ndarray]] = []
    shown = panel.set_model_sources

    def record(sources: dict[str, np.ndarray]) -> None:
        offered.append(dict(sources))
        shown(sources)

    monkeypatch.setattr(panel, "set_model_sources", record)
    assert window.show_view("Training curves")
    train(qtbot, window, epochs=0.25)
    spaces = window.workspaces
    assert spaces.current().name == "train"
    side_keys = [spaces.side.tabText(i) for i in range(spaces.side.count())]
    assert "Settings" in side_keys and "Matrices" in side_keys
    assert spaces.show_side("Matrices")
    # The panel itself, beside the curves: not on its own page in Matrices.
    assert window.view_on_screen(panel) and window.view_on_screen(window.plots)
    assert spaces.side.isAncestorOf(panel) and not window.layout_parts.matrices_page.isAncestorOf(panel)

    def weights_offered() -> bool:
        return any(name.startswith("W^[1] (fc1.weight) ") for sources in offered for name in sources)

    qtbot.waitUntil(weights_offered, timeout=20_000)
    sources = next(s for s in reversed(offered) if s)
    state = window.worker.trainer.state_snapshot()
    for i, layer in enumerate(("fc1", "fc2", "fc3"), start=1):
        weight = next(name for name in sources if name.startswith(f"W^[{i}] ({layer}.weight) "))
        bias = next(name for name in sources if name.startswith(f"b^[{i}] ({layer}.bias) "))
        np.testing.assert_array_equal(sources[weight], state[f"{layer}.weight"])  # the trained values
        np.testing.assert_array_equal(sources[bias].ravel(), state[f"{layer}.bias"])
    assert panel.editor_a.source_names() == list(sources)  # the "From model" menus offer them


def test_the_train_curves_are_not_drawn_while_the_playground_is_on_show_and_catch_up_when_train_returns(
        qtbot, make_window, monkeypatch):
    window = make_window()
    plots, spaces = window.plots, window.workspaces
    window.panel.epochs.setValue(100)
    assert window.show_view("Training curves")
    window.train()
    qtbot.waitUntil(lambda: plots.step_count > 0 and _points(plots.raw_loss_curve) > 0, timeout=60_000)

    spaces.show_workspace("playground")
    assert not plots.isVisible()
    drawn: list[str] = []
    for curve in (plots.raw_loss_curve, plots.smooth_loss_curve):
        original = curve.setData
        monkeypatch.setattr(curve, "setData", lambda *a, _set=original, **k: (drawn.append("set"), _set(*a, **k)))
    before_x, before_y = (np.array(values) for values in plots.raw_loss_curve.getData())
    steps = plots.step_count
    qtbot.waitUntil(lambda: plots.step_count >= steps + 20, timeout=60_000)  # the run goes on, out of sight
    window.stop()
    wait_idle(qtbot, window)
    assert plots.step_count >= steps + 20
    assert drawn == []  # nothing drawn for nobody
    x, y = plots.raw_loss_curve.getData()
    np.testing.assert_array_equal(x, before_x)
    np.testing.assert_array_equal(y, before_y)

    spaces.workspace("train").button.click()
    assert drawn  # drawn once back on screen, with every loss that came meanwhile
    x, y = plots.raw_loss_curve.getData()
    assert len(x) == plots.step_count
    np.testing.assert_array_equal(y, plots.step_losses())

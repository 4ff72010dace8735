"""The Playground tab's controls are remembered between sessions: read back exactly, damaged entries
cost a setting but never the tab, and the window saves and restores them."""

from __future__ import annotations

import json

import pytest

from playground.ui.shell.main_window import SETTINGS_PLAYGROUND
from playground.ui.workspaces.playground.playground_panel import MAX_UNITS, PlaygroundPanel


@pytest.fixture
def make_panel(qtbot):
    def make() -> PlaygroundPanel:
        panel = PlaygroundPanel()  # built but never shown: no worker thread is started
        qtbot.addWidget(panel, before_close_func=lambda w: w.shutdown())
        return panel
    return make


def _customise(panel: PlaygroundPanel) -> None:
    panel.set_problem("classification", "spiral", classes=3)
    panel.set_features(["x1", "x2", "sin(x1)", "sin(x2)"])
    panel.set_hidden_layers([6, 3])
    panel.noise.slider.setValue(20)
    panel.points.setValue(panel.points.value() + 100)
    panel.seed.setValue(7)
    panel.activation.setCurrentIndex(panel.activation.findData("ReLU"))
    panel.output_activation.setCurrentIndex(panel.output_activation.findData("Linear"))
    panel.learning_rate.setValue(0.01)
    panel.batch_size.setValue(25)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    panel.regularization.setCurrentIndex(panel.regularization.findData("l2"))
    panel.regularization_rate.setCurrentIndex(panel.regularization_rate.findData(0.01))


def test_a_remembered_state_builds_the_same_problem_network_and_settings(make_panel):
    first = make_panel()
    first.ensure_built()
    _customise(first)
    state = json.loads(json.dumps(first.state()))  # as QSettings keeps it: JSON text

    second = make_panel()
    second.restore_state(state)
    assert second.state() == state  # not built yet: what it will be built with
    second.ensure_built()
    assert second.state() == first.state()
    assert second.problem() == first.problem()
    assert second.spec().to_json() == first.spec().to_json()
    assert second.config() == first.config()
    assert second.features() == ["x1", "x2", "sin(x1)", "sin(x2)"] and second.problem().n_classes == 3
    assert second.classes.isEnabled() and second.regularization_rate.isEnabled()


def test_features_a_one_dimensional_problem_cannot_use_are_left_unticked(make_panel):
    panel = make_panel()
    panel.restore_state({"version": 1, "kind": "regression_1d", "dataset": "step", "features": ["x2", "x1*x2"]})
    panel.ensure_built()
    assert panel.problem().name == "step" and panel.problem().task == "regression"
    assert panel.features() == ["x1"]  # x2 is not there for y = f(x); one input always stays
    panel.restore_state({"version": 1, "kind": "regression_1d", "features": ["x2", "x1^2", "sin(x1)"]})
    assert panel.features() == ["x1^2", "sin(x1)"]


@pytest.mark.parametrize("state", [
    "not a dict", ["x1"], {"version": 99, "kind": "surface"},
    {"version": 1, "kind": "nonsense", "dataset": 3, "classes": "many", "points": -5, "noise": 1000,
     "hidden": [10_000, -3, True], "features": "x1", "learning_rate": float("nan"), "batch_size": 1.5,
     "optimizer": None, "regularization": "l7", "regularization_rate": "x", "output": [], "seed": True},
])
def test_a_damaged_or_foreign_state_keeps_the_tab_working(make_panel, state):
    reference = make_panel()
    reference.ensure_built()
    panel = make_panel()
    panel.restore_state(state)
    panel.ensure_built()
    assert panel.state() == reference.state()  # nothing usable in it: the defaults stay
    panel.spec().to_json()
    panel.config()


def test_hidden_layers_are_clamped_to_what_the_tab_offers(make_panel):
    panel = make_panel()
    panel.restore_state({"version": 1, "hidden": [MAX_UNITS + 5, 0, 3]})
    panel.ensure_built()
    assert panel.hidden_layers() == [MAX_UNITS, 1, 3]


def test_the_window_remembers_the_playground_between_sessions(qtbot, make_window):
    window = make_window(remember=True)
    window.playground.ensure_built()
    _customise(window.playground)
    saved = window.playground.state()
    window.close_discarding()

    again = make_window(remember=True)
    assert again.playground.state() == json.loads(json.dumps(saved))
    again.close_discarding()  # the tab was never opened: what was remembered stays remembered

    third = make_window(remember=True)
    third.playground.ensure_built()
    assert third.playground.problem().name == "spiral" and third.playground.hidden_layers() == [6, 3]
    assert third.playground.learning_rate.value() == pytest.approx(0.01)


def test_a_damaged_settings_entry_is_ignored(qtbot, make_window):
    from PySide6.QtCore import QSettings

    QSettings().setValue(SETTINGS_PLAYGROUND, "{not json")
    window = make_window(remember=True)
    assert window.playground.state() is None
    window.playground.ensure_built()
    assert window.playground.hidden_layers() == [4, 2]

"""The document: one state for every view — its settings reader, run state, weights' owner and drawings."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
import torch

from playground.core.files.project_file import Project
from playground.core.model.presets import load_preset
from playground.core.training.training_config import ConfigError
from playground.ui.document import DRAWINGS_KEY, RUNNING, Document, RunState


@pytest.fixture
def presets():
    return {name: load_preset(name) for name in ("seed-mlp", "cnn")}


@pytest.fixture
def worker():
    return SimpleNamespace(state=None, data=None)  # what the document reads of the training worker


@pytest.fixture
def document(qapp, presets, worker):
    return Document(presets, presets["seed-mlp"], worker)


def trained(spec, steps: int) -> Project:
    weights = {"w": torch.zeros(2, 2)}
    return Project(spec.copy(), load_preset("seed-mlp").training, state_dict=weights, global_step=steps)


def test_the_settings_come_from_the_reader_and_fall_back_to_the_base_only_when_asked(document):
    assert document.config() == document.base_config  # no reader yet: the base
    document.set_config_reader(lambda base: base.replace(epochs=7))
    assert document.config().epochs == 7

    def out_of_range(base):
        raise ConfigError("Epochs must be at least 1.")

    document.set_config_reader(out_of_range)
    with pytest.raises(ConfigError):
        document.config()
    assert document.config(fallback=True) == document.base_config


def test_the_run_state_says_when_saving_or_replacing_must_wait(document, record):
    changes = record(document.state_changed)
    document.set_state(RunState.IDLE)
    assert document.save_blocker() == document.replace_blocker() == ""
    document.set_state(RunState.PAUSED)
    assert "Pausing" in document.save_blocker() and document.replace_blocker()
    document.set_pause_confirmed(True)
    assert document.save_blocker() == "" and document.running
    document.set_state(RunState.STOPPING)  # leaving the pause forgets its confirmation
    assert not document.pause_confirmed and "running" in document.save_blocker()
    assert [call[0] for call in changes.calls] == [RunState.IDLE, RunState.PAUSED, RunState.STOPPING]
    assert all(state in RUNNING for state in (RunState.PAUSED, RunState.STOPPING))


def test_the_weights_on_show_belong_to_the_network_on_show(document, presets, worker):
    spec = document.spec
    assert document.trained_steps() == 0 and document.current_weights() is None and document.model_source() is None

    document.pending_project = trained(spec, 40)  # an opened project, before the trainer takes it over
    assert document.trained_steps() == 40 and document.holds_project_weights()
    assert set(document.current_weights()) == {"w"} and document.model_source()[0].to_json() == spec.to_json()

    # The trainer's copy counts once the project is handed over; a run under way counts from its events.
    document.pending_project = None
    worker.state = SimpleNamespace(spec=spec, global_step=0, project=trained(spec, 0), weights=lambda: {})
    assert document.trained_steps() == 0
    document.set_state(RunState.TRAINING)
    document.live_step = 12
    assert document.trained_state() is worker.state

    # Another network is on show: neither the project's weights nor the trainer's are its.
    document.pending_project = trained(spec, 40)
    document.set_spec(presets["cnn"].spec.copy())
    assert document.trained_steps() == 0 and document.trained_state() is None and document.current_weights() is None


def test_the_preset_box_names_a_preset_only_while_the_network_is_it(document, presets, record):
    shown = record(document.spec_changed)
    assert document.matching_preset() == "seed-mlp"
    edited = document.spec.copy()
    edited.layers[1].params["out_features"] = 99
    document.set_spec(edited)
    assert document.matching_preset() is None and len(shown.calls) == 1
    document.set_spec(presets["cnn"].spec.copy())
    assert document.matching_preset() == "cnn"  # not the preset chosen last: the one it is


def test_drawings_are_kept_with_the_project_and_a_damaged_entry_is_skipped(document, record):
    replaced = record(document.drawings_replaced)
    good = np.zeros((28, 28), np.uint8).tolist()
    document.replace_extra({DRAWINGS_KEY: [{"label": 3, "image": good}, {"label": "x", "image": good},
                                           {"label": 1, "image": [[300]]}, "junk"], "future": {"kept": True}})
    assert len(replaced.calls) == 1
    assert [d["label"] for d in document.drawings] == [3]
    assert document.add_drawing(np.ones((28, 28)), 5) == 5  # the damaged entries stay stored as found
    assert [label for _, label in document.training_examples()] == [3, 5]
    project = document.project({"runs": []})
    assert project.extra["future"] == {"kept": True} and project.extra["runs"] == []
    assert len(project.extra[DRAWINGS_KEY]) == 5


def test_a_project_keeps_the_opened_weights_while_its_network_is_on_show(document):
    opened = trained(document.spec, 40)
    document.pending_project = opened
    assert document.project().global_step == 40 and document.project().state_dict is opened.state_dict
    edited = document.spec.copy()
    edited.layers[1].params["out_features"] = 99
    document.set_spec(edited)
    project = document.project()
    assert project.global_step == 0 and project.state_dict is None and project.spec.to_json() == edited.to_json()

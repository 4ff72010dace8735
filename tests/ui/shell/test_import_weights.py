"""File ▸ Import Weights…: a .safetensors or .pt state_dict goes into the network shown, through the worker as an
opened project's weights do; a file for another design is named in a message and changes nothing."""

from __future__ import annotations

import torch
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget
from window_helpers import Answers, SavePaths

from playground.core.files.project_file import Project
from playground.core.files.weights_io import save_safetensors
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.training.metrics import History
from playground.core.training.training_config import TrainingConfig
from playground.ui.shell.project_actions import ProjectActions

Button = QMessageBox.StandardButton


class Host:
    """The window's side of the File menu, recorded."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.shown: list[Project] = []
        self.status: list[str] = []
        self.blocker = ""

    def current_project(self) -> Project:
        return self.project

    def show_project(self, project: Project) -> None:
        self.shown.append(project)
        self.project = project

    def replace_blocker(self) -> str:
        return self.blocker

    def save_blocker(self) -> str:
        return ""

    def show_status(self, text: str) -> None:
        self.status.append(text)


def weights_file(tmp_path, preset: str, seed: int):
    spec = load_preset(preset).spec
    state = build_model(spec, seed=seed).state_dict()
    path = tmp_path / f"{preset}-{seed}.safetensors"
    save_safetensors(path, state, spec, TrainingConfig())
    return path, state


def test_the_file_menu_imports_weights_and_refuses_a_file_for_another_design(qtbot, monkeypatch, tmp_path):
    widget = QWidget()
    qtbot.addWidget(widget)
    preset = load_preset("seed-mlp")
    trained = build_model(preset.spec, seed=1).state_dict()
    history = History(step_losses=[2.3, 2.0])
    host = Host(Project(preset.spec, preset.training, trained, {"state": {}}, history, 1, 2))
    actions = ProjectActions(widget, host)
    menu = QMenu()
    actions.fill_menu(menu)
    assert actions.import_weights_action in menu.actions()

    mismatch, _ = weights_file(tmp_path, "cnn", 0)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", SavePaths(mismatch))
    actions.import_weights_action.trigger()
    assert len(warnings) == 1 and "'fc3.weight'" in warnings[0] and "Nothing was changed" in warnings[0]
    assert host.shown == [] and not actions.modified

    path, state = weights_file(tmp_path, "seed-mlp", 7)
    asked = Answers(Button.Discard)  # the trained weights are unsaved: asked first
    monkeypatch.setattr(QMessageBox, "question", asked)
    actions.set_modified(True)
    assert actions.import_weights(path)
    assert len(asked.asked) == 1
    [shown] = host.shown
    assert all(torch.equal(shown.state_dict[key], value) for key, value in state.items())
    assert shown.optimizer_state is None and shown.global_step == 0 and not shown.history.step_losses
    assert shown.spec is preset.spec and actions.modified and "seed-mlp-7.safetensors" in host.status[-1]

    host.blocker = "Training is running."
    actions.update_enabled()
    assert not actions.import_weights_action.isEnabled()
    assert not actions.import_weights(path) and host.status[-1] == "Training is running."


def test_imported_weights_reach_the_trainer(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.menu() and "File" in a.text()]
    assert window.project_actions.import_weights_action in file_menu.actions()
    path, state = weights_file(tmp_path, "seed-mlp", 7)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", SavePaths(path))
    window.project_actions.import_weights_action.trigger()

    def loaded() -> bool:
        trained = window.worker.state
        return trained is not None and torch.equal(trained.project.state_dict["fc1.weight"], state["fc1.weight"])

    qtbot.waitUntil(loaded, timeout=30_000)
    trainer = window.worker.trainer
    for key, value in state.items():
        assert torch.equal(trainer.model.state_dict()[key].cpu(), value), key

"""Project files in the window: save, open, recent files, export, autosave and recovery, closing."""

from __future__ import annotations

import ast
import os

import numpy as np
import pytest
import torch
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import Answers, Button, SavePaths, train, wait_for_trainer_spec, wait_idle

from playground.core.files.project_file import load_project
from playground.core.model.presets import load_preset
from playground.ui.shell.autosave import DATA_DIR_ENV
from playground.ui.shell.run_controls import RunState


def title_marked(window) -> bool:
    return window.windowTitle().startswith("•")


@pytest.fixture
def trained_file(qtbot, make_window, monkeypatch, tmp_path):
    """A seed-mlp with an edited layer, trained one epoch (32 steps) with learning rate 2e-3, saved."""
    window = make_window()
    window.editor.set_param(3, "out_features", 48)
    window.panel.learning_rate.setValue(0.002)
    train(qtbot, window, epochs=1)
    path = tmp_path / "digits.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert window.project_actions.save_action.isEnabled()
    window.project_actions.save_action.trigger()
    assert path.is_file()
    return path, window


def test_save_then_open_restores_everything(qtbot, make_window, trained_file):
    path, saved = trained_file
    assert saved.windowTitle() == "digits — nn-playground"
    weights = saved.worker.trainer.state_snapshot()["fc2.weight"]
    saved.close_discarding()

    window = make_window()
    loaded = []
    window.worker.project_loaded.connect(loaded.append)
    assert window.project_actions.open_path(path)
    assert window.editor.spec().layers[3].params["out_features"] == 48
    assert window.spec.to_json() == load_project(path).spec.to_json()
    assert window.panel.learning_rate.value() == pytest.approx(0.002)
    assert window.editor.undo_stack.count() == 0  # opening is not an undoable edit
    # The window restores the curves in its own slot for the same signal, which need not have run
    # when `loaded` fills (failed that way in a clean-clone CI run): wait for it too.
    qtbot.waitUntil(lambda: bool(loaded) and window.plots.step_count > 0, timeout=60_000)
    trainer = window.worker.trainer
    assert trainer.global_step == 32 and trainer.epochs_done == 1
    assert np.array_equal(trainer.state_snapshot()["fc2.weight"], weights)
    assert window.plots.step_count == 32
    assert window.epoch_table.rowCount() == 1
    assert window.plots.epoch_points("test_accuracy")[0] == [1]
    assert "Trained 1 epoch," in window.panel.summary.text()  # the plural form for one (issue 17)
    assert window.windowTitle() == "digits — nn-playground"
    assert window.project_actions.recent.paths()[0] == path.resolve()

    # Training continues from the saved state.
    train(qtbot, window, epochs=1)
    assert window.worker.trainer.global_step == 64 and window.plots.step_count == 64
    assert title_marked(window)


def test_a_damaged_file_shows_the_error_and_changes_nothing(qtbot, make_window, monkeypatch, trained_file,
                                                           tmp_path):
    path, window = trained_file
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    before = window.spec.to_json(), window.windowTitle(), window.project_actions.path

    random_bytes = tmp_path / "random.nnp"
    random_bytes.write_bytes(os.urandom(5000))
    truncated = tmp_path / "truncated.nnp"
    truncated.write_bytes(path.read_bytes()[:3000])
    for bad in (random_bytes, truncated, tmp_path / "missing.nnp"):
        assert not window.project_actions.open_path(bad)
        assert bad.name in warnings[-1] and "Nothing was changed" in warnings[-1]
        assert (window.spec.to_json(), window.windowTitle(), window.project_actions.path) == before
    assert len(warnings) == 3


def test_the_title_shows_unsaved_changes(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    assert window.windowTitle() == "Untitled — nn-playground"
    window.editor.set_param(1, "out_features", 100)
    assert window.windowTitle() == "• Untitled — nn-playground"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(tmp_path / "mine"))  # suffix added
    assert window.project_actions.save()
    assert (tmp_path / "mine.nnp").is_file()
    assert window.windowTitle() == "mine — nn-playground"
    window.panel.seed.setValue(7)  # settings are part of the project too
    assert title_marked(window)
    assert window.project_actions.save()  # to the same file, without asking
    assert not title_marked(window)
    train(qtbot, window, epochs=0.25)
    assert title_marked(window)


def test_save_is_refused_while_training_and_allowed_once_paused(qtbot, make_window, record, monkeypatch, tmp_path):
    window = make_window()
    window.panel.epochs.setValue(100)
    window.panel.batch_size.setValue(16)
    paused = record(window.worker.paused)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 3, timeout=60_000)
    actions = window.project_actions
    assert not actions.save_action.isEnabled() and "Training is running" in actions.save_action.toolTip()
    assert not actions.open_action.isEnabled() and not actions.new_action.isEnabled()
    window.pause()
    paused.wait(qtbot)
    assert actions.save_action.isEnabled() and not actions.open_action.isEnabled()
    path = tmp_path / "paused.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert actions.save()
    project = load_project(path)
    assert project.global_step == window.worker.trainer.global_step == len(project.history.step_losses)
    window.stop()
    wait_idle(qtbot, window)


def test_new_asks_to_save_then_starts_from_the_default(qtbot, make_window, monkeypatch):
    window = make_window()
    window.choose_preset("cnn")
    answers = Answers(Button.Cancel)
    monkeypatch.setattr(QMessageBox, "question", answers)
    assert not window.project_actions.new()
    assert "Save them before starting a new project" in answers.asked[0]
    assert window.preset.name == "cnn"
    answers.answers = [Button.Discard]
    assert window.project_actions.new()
    seed = load_preset("seed-mlp").spec
    assert window.spec.to_json() == seed.to_json() and window.panel.preset_name == "seed-mlp"
    assert window.windowTitle() == "Untitled — nn-playground"
    wait_for_trainer_spec(qtbot, window, seed)


def test_export_writes_a_script_and_the_trained_weights(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    script = tmp_path / "export" / "net.py"
    script.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(script, tmp_path / "export" / "again"))
    # Untrained: the script only, no question about weights.
    assert window.project_actions.export()
    ast.parse(script.read_text(encoding="utf-8"))
    assert not script.with_suffix(".pt").exists()

    train(qtbot, window, epochs=0.5)
    answers = Answers(Button.Yes)
    monkeypatch.setattr(QMessageBox, "question", answers)
    window.code_view.save_button.click()  # the code tab's "Save as…" is the same export
    again = tmp_path / "export" / "again.py"
    assert "class SimpleNN(nn.Module)" in again.read_text(encoding="utf-8")
    assert "again.pt" in answers.asked[0]
    state = torch.load(again.with_suffix(".pt"), weights_only=True)
    assert np.array_equal(state["fc1.weight"].numpy(), window.worker.trainer.state_snapshot()["fc1.weight"])
    assert not list(script.parent.glob(".*.tmp"))


def test_export_of_an_invalid_design_explains(make_window, monkeypatch):
    window = make_window()
    window.editor.remove_layer(0)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    assert not window.project_actions.export()
    assert "Flatten" in warnings[0]


def test_autosave_is_written_and_recovery_offered_after_a_crash(qtbot, make_window, monkeypatch, tmp_path):
    data_dir = tmp_path / "app-data"
    assert os.environ[DATA_DIR_ENV] == str(data_dir)
    window = make_window()
    assert not window.project_actions.autosave_now()  # nothing unsaved: nothing written
    window.editor.set_param(1, "out_features", 77)
    train(qtbot, window, epochs=0.25)  # the end of a run autosaves
    autosave = window.project_actions.autosave.path
    assert autosave.parent == data_dir and autosave.is_file()
    assert load_project(autosave).global_step == 8
    window.interrupt()  # as Ctrl+C does: no questions, unsaved work kept for recovery
    assert autosave.is_file() and not window.worker.thread_running

    answers = Answers(Button.Yes)
    monkeypatch.setattr(QMessageBox, "question", answers)
    again = make_window()
    qtbot.waitUntil(lambda: bool(answers.asked), timeout=10_000)
    assert "did not close properly" in answers.asked[0]
    assert again.spec.layers[1].params["out_features"] == 77
    assert again.windowTitle() == "• Untitled — nn-playground"
    qtbot.waitUntil(lambda: again.worker.trainer is not None and again.worker.trainer.global_step == 8,
                    timeout=60_000)
    assert not autosave.exists()  # adopted by the new session, which keeps protecting it
    assert again.project_actions.autosave.path.is_file()

    again.close_discarding()  # a clean exit removes it
    assert not list(data_dir.glob("*.nnp")) and not list(data_dir.glob("*.lock"))


def test_declining_recovery_deletes_the_copy(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.editor.set_param(1, "out_features", 77)
    window.interrupt()
    monkeypatch.setattr(QMessageBox, "question", Answers(Button.No))
    again = make_window()
    qtbot.waitUntil(lambda: not list((tmp_path / "app-data").glob("*.nnp")), timeout=10_000)
    assert again.spec.layers[1].params["out_features"] == 128


def test_closing_with_unsaved_changes_asks(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.editor.set_param(1, "out_features", 100)
    answers = Answers(Button.Cancel)
    monkeypatch.setattr(QMessageBox, "question", answers)
    assert not window.close()
    assert window.isVisible() and window.worker.thread_running
    assert "Save them before closing" in answers.asked[0]

    answers.answers = [Button.Save]
    path = tmp_path / "closing.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert window.close()
    assert not window.worker.thread_running
    assert load_project(path).spec.layers[1].params["out_features"] == 100


def test_closing_while_training_can_save_after_the_run_stops(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.panel.epochs.setValue(100)
    window.panel.batch_size.setValue(16)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 3, timeout=60_000)
    monkeypatch.setattr(QMessageBox, "question", Answers(Button.Save))
    path = tmp_path / "stopped.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert not window.close()  # not yet: the run stops first
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=60_000)
    project = load_project(path)
    assert project.global_step > 3 and project.global_step == len(project.history.step_losses)
    assert not window.worker.thread_running


def test_dropping_a_project_file_opens_it(qtbot, make_window, trained_file):
    path, saved = trained_file
    saved.close_discarding()
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.project_actions.path == path, timeout=10_000)
    assert window.spec.layers[3].params["out_features"] == 48

    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(path.with_suffix(".txt")))])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, other, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert not event.isAccepted()


def test_open_recent_lists_files_and_prunes_missing_ones(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window(remember=True)
    actions = window.project_actions
    paths = [tmp_path / f"p{i}.nnp" for i in range(10)]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(*paths))
    for _ in paths:
        assert actions.save_as()
    assert actions.recent.paths() == [p.resolve() for p in reversed(paths)][:8]  # newest first, eight kept
    paths[9].unlink()
    actions.recent_menu.aboutToShow.emit()
    assert paths[9].resolve() not in actions.recent.paths()
    assert "p9.nnp" in window.statusBar().currentMessage()
    entries = [a for a in actions.recent_menu.actions() if a.text().startswith("&")]
    assert entries[0].text() == "&1  p8.nnp"
    window.close_discarding()

    again = make_window(remember=True)  # remembered in QSettings
    assert again.project_actions.recent.paths()[0] == paths[8].resolve()
    again.project_actions.recent_menu.aboutToShow.emit()
    next(a for a in again.project_actions.recent_menu.actions() if a.text().startswith("&1")).trigger()
    assert again.project_actions.path == paths[8].resolve()


def test_a_failed_save_keeps_everything(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.editor.set_param(1, "out_features", 100)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where a folder should be")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(blocked / "x.nnp"))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    assert not window.project_actions.save()
    assert "x.nnp could not be written" in warnings[0]
    assert title_marked(window) and window.project_actions.path is None
    assert window.state == RunState.IDLE


def test_an_unfinished_design_can_be_saved_and_opened(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    window.editor.remove_layer(0)  # invalid: no Flatten
    path = tmp_path / "unfinished.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert window.project_actions.save()
    window.close_discarding()

    again = make_window()
    assert again.project_actions.open_path(path)
    assert again.spec.to_json() == load_project(path).spec.to_json()
    assert not again.editor.report().ok
    assert not again.run_actions.train.isEnabled()
    again.editor.apply_fix(0)  # the one-click fix: insert Flatten
    assert again.run_actions.train.isEnabled()
    wait_for_trainer_spec(qtbot, again, again.editor.spec())

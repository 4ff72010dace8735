"""Hostile projects opened in the window (File ▸ Open, Open Recent and drag and drop all come through
`open_path`; recovery through the same `load_project`): a message names the file, and nothing that
was open changes — design, settings, curves, title, undo history (issue 15)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
import torch
from PySide6.QtWidgets import QMessageBox
from window_helpers import Answers, Button, train

from playground.core.files.project_file import save_project


def _rewrite(good: Path, path: Path, **changes: Any) -> Path:
    """`good`'s payload with some entries replaced, saved as a real torch.save archive."""
    payload = torch.load(good, weights_only=True)
    torch.save({**payload, **changes}, path)
    return path


def _sparse_weight(good: Path) -> dict[str, Any]:
    state = dict(torch.load(good, weights_only=True)["state_dict"])
    state["fc1.weight"] = state["fc1.weight"].to_sparse()
    return {"state_dict": state}


def _int8_weight(good: Path) -> dict[str, Any]:
    state = dict(torch.load(good, weights_only=True)["state_dict"])
    state["fc1.weight"] = state["fc1.weight"].to(torch.int8)
    return {"state_dict": state}


HOSTILE = {
    "no_flatten": lambda good: {"spec_json": json.dumps(
        {"input_shape": [1, 28, 28], "layers": [{"type": "Linear", "out_features": 10}]})},
    "deep_spec": lambda good: {"spec_json": "[" * 100_000 + "]" * 100_000},
    "deep_history": lambda good: {"history_json": '{"epochs": ' + "[" * 100_000 + "]" * 100_000 + "}"},
    "long_number": lambda good: {"training_json": '{"epochs": ' + "9" * 10_000 + "}"},
    "sparse": _sparse_weight,
    "int8": _int8_weight,
    "epochs_text": lambda good: {"epochs_done": "abc"},
    "optimizer_list": lambda good: {"optimizer_state": [1, 2, 3]},
}


@pytest.fixture
def opened(qtbot, make_window, monkeypatch, tmp_path):
    """A window with a trained, saved and edited project open (a non-empty history and undo stack);
    the saved file is the template for the hostile ones."""
    window = make_window()
    window.editor.set_param(1, "out_features", 77)  # one undoable edit
    train(qtbot, window, epochs=0.25)
    good = tmp_path / "good.nnp"
    save_project(good, window.current_project())
    return window, good


def _state(window) -> tuple:
    project = window.current_project()
    stack = window.editor.undo_stack
    return (project.spec.to_json(), project.training.to_json(), project.history.to_json(), project.global_step,
            window.windowTitle(), window.project_actions.path, window.project_actions.modified,
            stack.count(), stack.index(), window.plots.step_count, window.epoch_table.rowCount())


def test_hostile_projects_show_a_message_and_change_nothing(qtbot, opened, monkeypatch, tmp_path):
    window, good = opened
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    before = _state(window)
    assert before[7] == 1 and before[9] > 0  # the edit is on the undo stack; the curve has points

    for name, changes in HOSTILE.items():
        path = _rewrite(good, tmp_path / f"{name}.nnp", **changes(good))
        assert not window.project_actions.open_path(path), name
        assert path.name in warnings[-1] and "Nothing was changed" in warnings[-1], warnings[-1]
        assert "Traceback" not in warnings[-1]
        assert _state(window) == before, name
    assert len(warnings) == len(HOSTILE)


def test_a_zip_bomb_is_refused_before_it_is_read(qtbot, opened, monkeypatch, tmp_path):
    window, good = opened
    bomb = tmp_path / "bomb.nnp"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info))
        prefix = source.infolist()[0].filename.split("/")[0]
        with out.open(f"{prefix}/data/99", "w", force_zip64=True) as entry:  # 64 MB of zeros in ~64 KB
            for _ in range(64):
                entry.write(bytes(2**20))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    before = _state(window)
    assert bomb.stat().st_size < 1_000_000
    assert not window.project_actions.open_path(bomb)
    assert "bomb.nnp" in warnings[0] and "zip bomb" in warnings[0]
    assert _state(window) == before


def test_a_hostile_autosave_is_not_recovered(qtbot, make_window, monkeypatch, tmp_path):
    """Recovery after a crash reads the leftover copy through the same boundary."""
    window = make_window()
    window.editor.set_param(1, "out_features", 77)
    assert window.project_actions.autosave_now()
    autosave = window.project_actions.autosave.path
    window.interrupt()  # as a crash would: the copy stays for the next session
    assert autosave.is_file()
    _rewrite(autosave, autosave, global_step=-5)

    monkeypatch.setattr(QMessageBox, "question", Answers(Button.Yes))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append(text))
    again = make_window()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert "global_step" in warnings[0] and "Traceback" not in warnings[0]
    assert again.spec.layers[1].params["out_features"] != 77  # the default design, not the copy
    assert again.windowTitle() == "Untitled — nn-playground"
    assert not autosave.exists()  # an unreadable copy is not offered again


@pytest.mark.parametrize("drawings, kept", [
    (5, 0),
    ({"label": 1}, 0),
    ([{"label": 1e400, "image": [[0] * 28] * 28}, {"label": 3, "image": [[300] * 28] * 28}, "junk",
      {"label": 7, "image": [[0] * 28] * 28}], 1),
])
def test_hostile_drawings_are_skipped(qtbot, make_window, monkeypatch, tmp_path, drawings, kept):
    """Drawings are data the window reads later: malformed ones (a label of inf, pixels of 300) are skipped."""
    window = make_window()
    good = tmp_path / "good.nnp"
    save_project(good, window.current_project())
    path = _rewrite(good, tmp_path / "drawings.nnp", extra_json=json.dumps({"drawings": drawings}))
    assert window.project_actions.open_path(path)
    assert [d["label"] for d in window.drawings] == [7] * kept

"""Autosave files: one per running window, never recovered while their window still runs."""

from __future__ import annotations

from pathlib import Path

from playground.core.files.project_file import Project, load_project
from playground.core.model.presets import load_preset
from playground.ui.shell.autosave import DATA_DIR_ENV, Autosave, resolve_data_dir


def project() -> Project:
    preset = load_preset("softmax-regression")
    return Project(preset.spec, preset.training)


def test_a_running_sessions_file_is_not_an_orphan_until_released(qapp, tmp_path):
    first, second = Autosave(tmp_path), Autosave(tmp_path)
    first.write(project())
    assert first.path.is_file() and first.path.with_suffix(".lock").is_file()
    assert second.orphans() == []  # its owner still runs
    first.release()  # as after a crash: the file stays, nobody holds it
    assert second.orphans() == [first.path]
    second.adopt(first.path)
    assert not first.path.exists() and load_project(second.path).spec.to_json() == project().spec.to_json()
    assert Autosave(tmp_path).orphans() == []  # adopted: held by the second session now
    second.discard()
    assert list(tmp_path.iterdir()) == []


def test_the_data_folder_can_be_overridden(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert resolve_data_dir() == tmp_path / "env"
    assert resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    monkeypatch.delenv(DATA_DIR_ENV)
    assert isinstance(resolve_data_dir(), Path) and str(resolve_data_dir())

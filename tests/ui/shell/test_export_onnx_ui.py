"""File ▸ Export ▸ ONNX…: the trained network goes to the file chosen, written off the GUI thread; a file that
cannot be written or a design that cannot be exported is a message, and nothing open changes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import SavePaths, train

onnx = pytest.importorskip("onnx")


def test_file_export_onnx_writes_the_trained_network(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    actions = window.project_actions
    file_menu = next(a.menu() for a in window.menuBar().actions() if actions.new_action in a.menu().actions())
    assert actions.export_menu.menuAction() in file_menu.actions()
    assert actions.export_menu.actions() == [actions.export_action, actions.export_onnx_action]

    train(qtbot, window, epochs=0.25)
    title = window.windowTitle()
    dialog = SavePaths(tmp_path / "digits")  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    with qtbot.waitSignal(actions.onnx_finished, timeout=60_000) as finished:
        actions.export_onnx_action.trigger()
    assert finished.args == [True] and dialog.asked == 1
    model = onnx.load(str(tmp_path / "digits.onnx"))
    assert [i.name for i in model.graph.input] == ["image"]
    weights = {t.name: onnx.numpy_helper.to_array(t) for t in model.graph.initializer}
    trained = window.worker.trainer.state_snapshot()["fc1.weight"]
    assert np.array_equal(weights["network.fc1.weight"], trained)  # the trained weights, not fresh ones
    assert "Exported digits.onnx" in window.status.bar.currentMessage()
    assert window.windowTitle() == title  # exporting changes nothing in the project
    assert not list(tmp_path.glob(".*.tmp"))


def test_what_cannot_be_exported_or_written_is_a_message(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    actions = window.project_actions
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warnings.append((title, text)))
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("keep me", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(not_a_folder / "net.onnx"))
    with qtbot.waitSignal(actions.onnx_finished, timeout=60_000) as finished:
        assert actions.export_onnx()
    assert finished.args == [False]
    assert warnings[-1][0] == "Could not export" and "net.onnx" in warnings[-1][1]
    assert not_a_folder.read_text(encoding="utf-8") == "keep me"

    window.editor.remove_layer(0)  # Linear straight after the 28×28 image: no Flatten
    assert not actions.export_onnx()  # refused before the file dialog (it would raise: unexpected dialog)
    assert warnings[-1][0] == "Cannot export" and "Flatten" in warnings[-1][1]

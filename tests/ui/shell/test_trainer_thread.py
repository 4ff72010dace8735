"""The trainer belongs to the training thread: the window learns about it from the worker's events and its
published copy (`TrainingWorker.state`), and steers it through the worker — it never reads or calls the
live trainer on the GUI thread, not while training, pausing, stepping, saving, exporting or evaluating."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QFileDialog
from window_helpers import SavePaths, wait_idle

import playground.core.training.trainer as trainer_module
from playground.ui.shell.run_controls import RunState

RUN_TIMEOUT_MS = 120_000


class Touches:
    """(thread id, attribute) of every attribute of a trainer read anywhere (a set: a run reads thousands)."""

    def __init__(self) -> None:
        self.seen: set[tuple[int, str]] = set()
        self.lock = threading.Lock()

    def add(self, name: str) -> None:
        with self.lock:
            self.seen.add((threading.get_ident(), name))

    def on_thread(self, ident: int) -> list[str]:
        with self.lock:
            return sorted(name for thread, name in self.seen if thread == ident)


@pytest.fixture
def touches(monkeypatch) -> Touches:
    """Every trainer the worker builds records who reads it."""
    record = Touches()

    class WatchedTrainer(trainer_module.Trainer):
        def __getattribute__(self, name: str):
            record.add(name)
            return super().__getattribute__(name)

    monkeypatch.setattr(trainer_module, "Trainer", WatchedTrainer)
    return record


def test_the_window_never_touches_the_live_trainer_on_the_gui_thread(qtbot, make_window, touches, tmp_path,
                                                                     monkeypatch):
    gui = threading.get_ident()
    window = make_window()
    window.draw_panel.show_test_digit(0)  # the Draw tab predicts with the live weights as they train
    window.panel.batch_size.setValue(64)

    # A run, watched from every view that shows the weights (the diagram, Inside, While it learns, Draw, the
    # matrix panel on its own page and beside the curves).
    assert window.start_training(epochs=1)
    for view in (window.diagram, window.inside_tabs, window.learning_panel, window.draw_panel, window.matrix_panel):
        assert window.show_widget(view)
        assert window.view_on_screen(view)
        qtbot.wait(50)
    assert window.show_view("Training curves") and window.workspaces.show_side("Matrices")
    assert window.view_on_screen(window.matrix_panel) and window.view_on_screen(window.plots)
    qtbot.wait(50)
    wait_idle(qtbot, window)
    assert window.status.speed.text().endswith("samples/s")

    # Pause, a Step, then save and export while paused; fork bar and summary update as they do.
    window.panel.epochs.setValue(50)
    window.train()
    qtbot.waitUntil(lambda: window.plots.step_count > 40, timeout=RUN_TIMEOUT_MS)
    window.pause()
    qtbot.waitUntil(lambda: window.save_blocker() == "", timeout=RUN_TIMEOUT_MS)
    window.step()
    qtbot.waitUntil(lambda: window.state == RunState.PAUSED and window.save_blocker() == "",
                    timeout=RUN_TIMEOUT_MS)
    path = tmp_path / "paused.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert window.project_actions.save_action.isEnabled()
    window.project_actions.save_action.trigger()
    assert path.is_file()
    saved = window.current_project()
    assert saved.global_step == window.plots.step_count and saved.state_dict  # the paused weights
    assert window.export_inputs()[3] is not None
    window.show_widget(window.diagram)
    qtbot.wait(50)
    window.stop()
    wait_idle(qtbot, window)

    # The test set evaluated with the trained weights (on the evaluation thread).
    assert window.evaluate_test_set()
    qtbot.waitUntil(lambda: window.evaluation_panel.evaluation is not None, timeout=RUN_TIMEOUT_MS)

    assert touches.on_thread(gui) == []
    assert touches.seen, "the watch saw nothing: it would not catch a touch either"
    window.worker.trainer.global_step  # noqa: B018 — the watch does catch one from this thread
    assert touches.on_thread(gui) == ["global_step"]

"""Helpers for the main-window tests (a module: test files cannot import each other's conftest)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QMessageBox

from playground.core.model.spec import ModelSpec
from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState

RUN_TIMEOUT_MS = 120_000
Button = QMessageBox.StandardButton


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=RUN_TIMEOUT_MS)


def train(qtbot, window: MainWindow, epochs: float = 1, batch_size: int = 64) -> None:
    """Train on the small data set (2,000 images: 32 steps an epoch at batch 64) and wait for the end."""
    window.panel.batch_size.setValue(batch_size)
    assert window.start_training(epochs=epochs)
    wait_idle(qtbot, window)


def wait_for_trainer_spec(qtbot, window: MainWindow, spec: ModelSpec) -> None:
    """Until the worker trains `spec` (requests reach it asynchronously)."""
    def built() -> bool:
        trainer = window.worker.trainer
        return trainer is not None and trainer.spec.to_json() == spec.to_json()
    qtbot.waitUntil(built, timeout=RUN_TIMEOUT_MS)


class Answers:
    """Stands in for QMessageBox.question: answers in turn (the last one repeats) and records the texts."""

    def __init__(self, *answers: Button):
        self.answers = list(answers)
        self.asked: list[str] = []

    def __call__(self, parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Button:
        self.asked.append(f"{title}\n{text}")
        return self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]


class SavePaths:
    """Stands in for QFileDialog.getSaveFileName / getOpenFileName: hands out the paths given, in turn."""

    def __init__(self, *paths):
        self.paths = [str(p) for p in paths]
        self.asked = 0

    def __call__(self, *args: Any, **kwargs: Any) -> tuple[str, str]:
        self.asked += 1
        return (self.paths.pop(0) if self.paths else "", "")


def in_thread(fn: Callable[..., Any], *args: Any) -> Any:
    """Run torch work off the test's main thread, as the app does (its OpenMP pool stays unused)."""
    out: dict[str, Any] = {}

    def run() -> None:
        out["value"] = fn(*args)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return out["value"]

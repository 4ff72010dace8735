"""The Runs menu: Sweep… (the Sweep view) and Export CSV… (every kept run as CSV files).

Export CSV writes the runs of the Runs view (`core.training.runs_csv`): one row per epoch per run in the file
chosen — the Keras CSVLogger's columns (epoch, loss, accuracy or the task's score, test_loss, test score,
learning_rate, seconds) with the run in front — and one row per step beside it (`runs.steps.csv`). A menu of its
own, as the issue names it (Runs ▸ Export CSV…), reachable from every workspace: the runs are the project's,
not one view's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from playground.core.i18n import tr
from playground.core.training.run_logs import steps_path_for
from playground.core.training.runs import RunStore
from playground.core.training.runs_csv import write_runs_csv

DEFAULT_FILE = "runs.csv"


class ExportHost(Protocol):
    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""


class RunsMenu(QObject):
    """`menu` (Runs): Sweep… shows the Sweep view; Export CSV… writes `store()`'s runs."""

    def __init__(self, window: QWidget, store: Callable[[], RunStore], show_sweep: Callable[[], object],
                 host: ExportHost, parent: QObject | None = None):
        super().__init__(parent)
        self._window = window
        self._store = store
        self._host = host
        self.menu = QMenu(tr("&Runs"), window)
        self.sweep_action = self.menu.addAction(tr("&Sweep…"))
        self.sweep_action.setStatusTip(tr("Train the network with several settings, one run after another."))
        self.sweep_action.triggered.connect(lambda: show_sweep())
        self.menu.addSeparator()
        self.export_csv_action = self.menu.addAction(tr("Export &CSV…"))
        self.export_csv_action.setStatusTip(tr("Write every run's epochs (and, beside it, its steps) as CSV files."))
        self.export_csv_action.triggered.connect(lambda: self.export_csv_dialog())

    def export_csv_dialog(self) -> bool:
        if not self._store().runs:
            self._host.show_status(tr("No runs to export yet: train a run first."))
            return False
        chosen, _ = QFileDialog.getSaveFileName(self._window, tr("Export runs as CSV"), DEFAULT_FILE,
                                                tr("CSV files (*.csv)"))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        return self.export_csv(path)

    def export_csv(self, path: Path) -> bool:
        """Write the runs to `path` and its steps file; a failure is one message naming the file."""
        try:
            epochs, steps = write_runs_csv(path, self._store().runs)
        except OSError as exc:
            QMessageBox.warning(self._window, tr("Export runs as CSV"), tr("Could not write {file}: {error}").format(
                file=path.name, error=exc.strerror or exc))
            return False
        self._host.show_status(tr("Wrote {epochs} epoch rows to {file} and {steps} step rows to {steps_file}.").format(
            epochs=epochs, file=path.name, steps=steps, steps_file=steps_path_for(path).name))
        return True

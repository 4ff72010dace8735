"""A run's measurements as CSV files, in the Keras CSVLogger's shape: one row per epoch
(`epoch, loss, accuracy, test_loss, test_accuracy, …, learning_rate, seconds`) and, beside it, one row
per step (`step, epoch, loss, learning_rate`).

`RunCsvLogger` is a trainer listener: it writes as the events arrive and flushes at every epoch's end,
so a run that is stopped or killed keeps what it learned. `write_history_csv` writes the epoch table of
a finished run from its `History` (a project's, a run's in the Runs list). `CsvTable` is the one
writer both use, and what a sweep's one-row-per-run file is written with. No torch and no Qt here.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

from playground.core.training.events import EpochFinished, RunStarted, RunSummary, StepDone, TrainingEvent
from playground.core.training.metrics import History

# The scores each task's evaluation reports (core/heads.py), in the order the columns take.
TASK_SCORES: dict[str, tuple[str, ...]] = {
    "multiclass": ("accuracy",),
    "binary": ("accuracy", "f1"),
    "multilabel": ("accuracy", "f1", "exact_match"),
    "regression": ("r2", "mae"),
}
STEP_COLUMNS = ("step", "epoch", "loss", "learning_rate")

CsvValue = float | int | str | None


def steps_path_for(path: Path) -> Path:
    """Where the per-step file goes beside the epoch file: run.csv → run.steps.csv, run → run-steps.csv."""
    if path.suffix.lower() == ".csv":
        return path.with_name(f"{path.stem}.steps{path.suffix}")
    return path.with_name(f"{path.name}-steps.csv")


def test_score_key(task: str) -> str:
    """The History column that says how good a run is: R² for regression, accuracy otherwise."""
    return "test_r2" if task == "regression" else "test_accuracy"


def epoch_columns(task: str, row: Mapping[str, float]) -> list[str]:
    """The epoch file's columns for `task`, given its first History row (which scores it holds,
    whether there is a validation split)."""
    scores = TASK_SCORES.get(task, ("accuracy",))
    columns = ["epoch", "loss"]
    columns += [name for name in scores if f"train_{name}" in row]
    columns += ["test_loss"] + [f"test_{name}" for name in scores if f"test_{name}" in row]
    if "val_loss" in row:
        columns += ["val_loss"] + [f"val_{name}" for name in scores if f"val_{name}" in row]
    return columns + ["learning_rate", "seconds"]


def epoch_record(row: Mapping[str, float], learning_rate: float | None) -> dict[str, CsvValue]:
    """One History row under the CSV's names (Keras calls the training loss plain `loss`)."""
    # train_seconds (the batches alone) is left out: renamed, it would overwrite `seconds`, the epoch's wall time.
    record: dict[str, CsvValue] = {("loss" if key == "train_loss" else key.removeprefix("train_")): value
                                   for key, value in row.items() if key != "train_seconds"}
    record["learning_rate"] = learning_rate
    return record


def _cell(value: CsvValue) -> str:
    """Floats in full (repr: read back, they are the same number); None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("nan" if math.isnan(value) else repr(value))
    return str(value)


class CsvTable:
    """A CSV file written row by row: the header comes from the first row (or `columns`), cells a
    row lacks stay empty, keys not in the header are left out. `flush()` puts the rows on disk."""

    def __init__(self, path: Path, columns: Sequence[str] | None = None) -> None:
        self.path = Path(path)
        self.columns: list[str] | None = list(columns) if columns is not None else None
        self._handle: IO[str] = open(self.path, "w", newline="", encoding="utf-8")  # noqa: SIM115 — closed by close()
        self._writer = csv.writer(self._handle)
        if self.columns is not None:
            self._writer.writerow(self.columns)

    def set_columns(self, columns: Sequence[str]) -> None:
        """Write the header now (before the first row; later calls are ignored)."""
        if self.columns is None:
            self.columns = list(columns)
            self._writer.writerow(self.columns)

    def write(self, record: Mapping[str, CsvValue]) -> None:
        if self.columns is None:
            self.set_columns(list(record))
        self._writer.writerow([_cell(record.get(name)) for name in self.columns or ()])

    def flush(self) -> None:
        if not self._handle.closed:
            self._handle.flush()

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()

    def __enter__(self) -> CsvTable:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


class RunCsvLogger:
    """A trainer listener writing the epoch file at `path` and the step file at `steps_path`
    (default: `steps_path_for(path)`). Both files are created (and emptied) here; call `close()`
    (or use `with`) when the run ends, however it ends."""

    def __init__(self, path: Path, steps_path: Path | None = None, task: str = "multiclass") -> None:
        self.path = Path(path)
        self.steps_path = steps_path_for(self.path) if steps_path is None else Path(steps_path)
        self.task = task
        self.epochs = CsvTable(self.path)
        try:
            self.steps = CsvTable(self.steps_path, STEP_COLUMNS)
        except BaseException:
            self.epochs.close()
            raise
        self._learning_rate: float | None = None

    def __call__(self, event: TrainingEvent) -> None:
        if isinstance(event, RunStarted):
            self.task = event.config.task
        elif isinstance(event, StepDone):
            self._learning_rate = event.learning_rate
            # `event.epoch` counts the epochs done before this batch: the batch belongs to the next one.
            self.steps.write({"step": event.step, "epoch": event.epoch + 1, "loss": event.loss,
                              "learning_rate": event.learning_rate})
        elif isinstance(event, EpochFinished):
            row = event.row()
            self.epochs.set_columns(epoch_columns(self.task, row))
            self.epochs.write(epoch_record(row, self._learning_rate))
            self.flush()
        elif isinstance(event, RunSummary):
            self.flush()

    def flush(self) -> None:
        self.epochs.flush()
        self.steps.flush()

    def close(self) -> None:
        try:
            self.epochs.close()
        finally:
            self.steps.close()

    def __enter__(self) -> RunCsvLogger:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def write_history_csv(path: Path, history: History, task: str, learning_rate: float | None = None) -> int:
    """Write the epoch table of a finished run's `history` to `path` (the columns `RunCsvLogger` writes);
    returns the number of rows. A History keeps no learning rates: give `learning_rate` for a run trained
    at a constant one, otherwise that column stays empty."""
    rows = history.epochs
    with CsvTable(path, epoch_columns(task, rows[0]) if rows else ["epoch", "loss", "learning_rate", "seconds"]) \
            as table:
        for row in rows:
            table.write(epoch_record(row, learning_rate))
    return len(rows)

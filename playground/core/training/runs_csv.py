"""Several kept runs (a project's Runs list) as two CSV files, in `run_logs`' Keras CSVLogger shape with the run
in front: `run, name, epoch, loss, accuracy, test_loss, test_accuracy, …, learning_rate, seconds` (one row per
epoch per run) and beside it `run, name, step, epoch, loss, learning_rate` (one row per step).

A run's History keeps no learning rates: the column holds the run's rate where it trained at a constant one
and stays empty under a schedule. No torch and no Qt here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from playground.core.training.run_logs import STEP_COLUMNS, CsvTable, epoch_columns, epoch_record, steps_path_for
from playground.core.training.runs import RunRecord

RUN_COLUMNS = ("run", "name")


def _constant_rate(run: RunRecord) -> float | None:
    return run.config.learning_rate if run.config.lr_schedule == "constant" else None


def runs_epoch_columns(runs: Sequence[RunRecord]) -> list[str]:
    """The epoch file's columns: every column any run's task and rows have, in `epoch_columns`' order."""
    columns: list[str] = []
    for run in runs:
        first = run.history.epochs[0] if run.history.epochs else {}
        for name in epoch_columns(run.config.task, first)[:-2]:  # learning_rate and seconds go last
            if name not in columns:
                columns.append(name)
    return [*RUN_COLUMNS, *(columns or ["epoch", "loss"]), "learning_rate", "seconds"]


def write_runs_csv(path: Path, runs: Sequence[RunRecord]) -> tuple[int, int]:
    """Write the epoch file at `path` and the step file at `steps_path_for(path)`; (epoch rows, step rows)."""
    path = Path(path)
    epochs = steps = 0
    with CsvTable(path, runs_epoch_columns(runs)) as table:
        for run in runs:
            rate = _constant_rate(run)
            for row in run.history.epochs:
                table.write({"run": run.id, "name": run.display_name(), **epoch_record(row, rate)})
                epochs += 1
    with CsvTable(steps_path_for(path), [*RUN_COLUMNS, *STEP_COLUMNS]) as table:
        for run in runs:
            rate = _constant_rate(run)
            per_epoch = run.steps_per_epoch
            for step, loss in zip(run.loss_steps(), run.history.step_losses):
                number = int(step)
                epoch = (number - 1) // per_epoch + 1 if per_epoch else None
                table.write({"run": run.id, "name": run.display_name(), "step": number, "epoch": epoch,
                             "loss": loss, "learning_rate": rate})
                steps += 1
    return epochs, steps

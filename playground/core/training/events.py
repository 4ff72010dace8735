"""What the trainer reports while it trains: one frozen dataclass per kind of event.

`Trainer.run(listener)` calls `listener(event)` on the training thread with these, in this order:
`RunStarted`, then per batch `StepDone` (and `SnapshotReady` when one was asked for, `Evaluated` after a
test check part-way through an epoch, `EpochFinished` at an epoch's end, `Paused` before it waits),
`Diverged` when the loss blew up, and last the run's `RunSummary` (also what `run()` returns).

Every field is a number, a string, a numpy array or a copy made for the event — never a live tensor,
the model or the trainer — so any thread may keep an event; the window's worker sends them across
as they are. The task's scores (loss, accuracy, F1, R², …) are data: a dict by metric name, turned
into a `History` row (`test_accuracy`, `val_loss`, …) by `row()` where a view takes rows, as it does
for rows read from a project. No torch and no Qt here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.core.model.spec import ModelSpec
from playground.core.training.training_config import TrainingConfig

if TYPE_CHECKING:
    from playground.core.explain.inspection import TrainingSnapshot


def prefixed(prefix: str, scores: Mapping[str, float]) -> dict[str, float]:
    """`scores` as History columns: {"loss": …} with prefix "test" → {"test_loss": …}."""
    return {f"{prefix}_{name}": value for name, value in scores.items()}


@dataclass(frozen=True)
class RunStarted:
    """A run begins: `total_steps` batches planned, from global step `step` with `epoch` full epochs done."""

    device: str
    device_message: str | None
    total_steps: int
    steps_per_epoch: int
    epoch: int
    step: int
    spec: ModelSpec  # copies: the network and settings this run trains with
    config: TrainingConfig


@dataclass(frozen=True)
class StepDone:
    """One batch trained. `epoch` counts the full epochs done before this batch; `batch` is 1-based.

    `samples_per_second` is the run's average so far, None until it has been measured over
    `trainer.RATE_MIN_STEPS` batches (a stretch of one or two batches is mostly start-up cost, not speed)."""

    step: int
    epoch: int
    batch: int
    steps_per_epoch: int
    loss: float
    samples_per_second: float | None
    learning_rate: float
    progress: float  # 0..1 of this run
    eta_seconds: float  # NaN while unknown


@dataclass(frozen=True, eq=False)
class StepLosses:
    """Several `StepDone`s gathered (the worker sends losses a few times a second, not per batch):
    their global step numbers, losses and learning rates as float64 arrays, and the latest step's details."""

    steps: np.ndarray
    losses: np.ndarray
    last: StepDone
    learning_rates: np.ndarray  # each step's (a schedule changes it)


@dataclass(frozen=True)
class Evaluated:
    """A test check part-way through an epoch: the task's scores on (a subset of) the test split.

    `epoch` is fractional: 2.5 is half-way through the third epoch."""

    step: int
    epoch: float
    test: Mapping[str, float]

    def row(self) -> dict[str, float]:
        """The `History.evals` row: step, epoch and test_<metric> columns."""
        return {"step": self.step, "epoch": self.epoch, **prefixed("test", self.test)}


@dataclass(frozen=True)
class EpochFinished:
    """An epoch ended (`epoch` of them are done now, at global step `step`).

    `train_accuracy` is None for tasks without one; `test` and `validation` are the task's scores by
    metric name (`validation` None without a validation split). `seconds` is the epoch's wall time,
    `train_seconds` its batches alone (what speed is measured on)."""

    epoch: int
    step: int
    train_loss: float
    train_accuracy: float | None
    test: Mapping[str, float]
    seconds: float
    train_seconds: float
    validation: Mapping[str, float] | None = None

    def row(self) -> dict[str, float]:
        """The `History.epochs` row, as projects store it and the epoch table, plots and scores read it."""
        row: dict[str, float] = {"epoch": self.epoch, "step": self.step, "train_loss": self.train_loss}
        if self.train_accuracy is not None:
            row["train_accuracy"] = self.train_accuracy
        row.update(prefixed("test", self.test))
        row["seconds"] = self.seconds
        row["train_seconds"] = self.train_seconds
        if self.validation is not None:
            row.update(prefixed("val", self.validation))
        return row


@dataclass(frozen=True)
class Paused:
    """The run waits before its next batch (Pause, or a Step done)."""

    step: int
    epoch: int


@dataclass(frozen=True)
class Diverged:
    """The loss blew up at step `step + 1`; the weights from step `step` were restored. `message` says what to do."""

    step: int
    message: str


@dataclass(frozen=True)
class SnapshotReady:
    """A `core.inspection.TrainingSnapshot` (weights, gradients, probe feature maps as numpy) taken after `step`."""

    step: int
    snapshot: TrainingSnapshot


@dataclass(frozen=True)
class RunSummary:
    """How a run ended; the last event of every run, and what `Trainer.run` returns.

    `reason`: "completed", "stopped", "diverged" or "error" (the window's worker: the run raised).
    The scores are the last full epoch's (None before one has finished). `samples_per_second` is the
    run's average, None when it trained too few batches to measure one. `step_limit_reached`: the
    run was stopped because it had trained the share of an epoch it was asked for (the worker sets it)."""

    reason: str
    steps: int
    epochs_completed: int
    samples_per_second: float | None
    train_loss: float | None
    train_accuracy: float | None
    test_loss: float | None
    test_accuracy: float | None
    message: str | None = None
    step_limit_reached: bool = False


TrainingEvent = RunStarted | StepDone | Evaluated | EpochFinished | Paused | Diverged | SnapshotReady | RunSummary
Listener = Callable[[TrainingEvent], None]


def both(first: Listener, second: Listener) -> Listener:
    """One listener calling two in turn (the window's or a sweep's, then a log's)."""
    def listener(event: TrainingEvent) -> None:
        first(event)
        second(event)
    return listener


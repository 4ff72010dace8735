"""Trains a sweep's runs one after another on a thread of its own (`WorkerThread`), never on the GUI thread.

Each run is a fresh `Trainer` of the run's design and settings on the data the window trains on (shared,
read-only). Progress (fraction of all the sweep's steps, seconds left) reaches the GUI at most
`PROGRESS_HZ` times a second; each finished run comes back as a `SweepOutcome` with its history, which the
panel keeps as a normal run, and its final weights and optimizer state (a `Project`), which the window can take
over to continue or fork the run. `cancel()` lets the run in training finish and starts no other; `shutdown()`
(the window closes) also stops the run in training after its batch. With a TensorBoard folder (Training ▸
Write TensorBoard Logs is on), each run writes its event files in a folder of its own, its point among the
hparams, as `nn-playground sweep --tensorboard` does.
"""

from __future__ import annotations

import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from playground.core.model.spec import ModelSpec
from playground.core.training.events import StepDone, TrainingEvent, both
from playground.core.training.metrics import History
from playground.core.training.sweeps import Point
from playground.core.training.training_config import TrainingConfig
from playground.ui.workers.background import WorkerThread

if TYPE_CHECKING:
    from playground.core.data.training_data import TrainableSplits
    from playground.core.files.project_file import Project
    from playground.core.training.trainer import Trainer

PROGRESS_HZ = 5.0
SWEEP_NICENESS = 10  # as the training worker's thread: the GUI wins the CPU whenever it wakes
SHUTDOWN_TIMEOUT_S = 5.0
CONTINUABLE = ("completed", "stopped")  # the runs whose final weights are kept


@dataclass(frozen=True)
class SweepPlan:
    """One run of a sweep: its point (the settings varied) and the design and settings it trains with."""

    point: Point
    spec: ModelSpec
    config: TrainingConfig


@dataclass(frozen=True)
class SweepOutcome:
    """A finished run: why it ended ("completed", "stopped", "diverged", "error"), its history and scores."""

    index: int
    plan: SweepPlan
    reason: str
    history: History
    steps_per_epoch: int
    seconds: float
    message: str = ""
    project: Project | None = None  # its final weights, optimizer state and history; None: nothing to continue

    def last(self, key: str) -> float | None:
        """The last epoch's `key` (e.g. "test_accuracy"); None when no epoch ended or it was not measured."""
        value = self.history.epochs[-1].get(key) if self.history.epochs else None
        return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None


def planned_steps(plans: list[SweepPlan], train_size: int) -> list[int]:
    """Each run's steps: its epochs of ⌈examples / batch⌉ batches (as the trainer counts them)."""
    return [plan.config.epochs * math.ceil(train_size / plan.config.batch_size) for plan in plans]


class SweepJob(QObject):
    """Runs a sweep on its own QThread and reports through signals."""

    run_started = Signal(int, object)  # index, SweepPlan
    progress = Signal(float, float)  # fraction of the sweep done, seconds left (NaN: not known yet)
    run_finished = Signal(object)  # SweepOutcome
    finished = Signal(str)  # "completed", or "cancelled" when Cancel ended it early
    log_error = Signal(str)  # the TensorBoard folder could not be written: the runs train without logs
    _run_requested = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = WorkerThread("sweep", flush_denormals=True, niceness=SWEEP_NICENESS,
                                    torch_threads=None if "OMP_NUM_THREADS" in os.environ else os.cpu_count())
        self._cancelled = threading.Event()
        self._trainer: Trainer | None = None  # the run in training (its control is what other threads touch)
        self.thread_id: int | None = None  # the thread the last sweep trained on (tests)
        self._run_requested.connect(self._run)

    @property
    def thread_running(self) -> bool:
        return self._thread.running

    def request_run(self, plans: list[SweepPlan], data: TrainableSplits, tensorboard_dir: Path | None = None) -> None:
        """Train `plans` on `data`; with `tensorboard_dir`, each run logs under one new folder of it."""
        self._cancelled.clear()
        self._thread.start(self)
        self._run_requested.emit(plans, data, tensorboard_dir)

    def cancel(self) -> None:
        """Any thread: the run in training finishes; no further one starts."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Cancel was asked for since the sweep started."""
        return self._cancelled.is_set()

    def shutdown(self) -> None:
        """The window closes: stop the run in training after its batch, and end the thread."""
        self._cancelled.set()
        trainer = self._trainer
        if trainer is not None:
            trainer.control.stop()
        self._thread.shutdown(SHUTDOWN_TIMEOUT_S)

    @Slot(object, object, object)
    def _run(self, plans: list[SweepPlan], data: Any, tensorboard_dir: Path | None) -> None:
        from playground.core.training.trainer import Trainer

        self.thread_id = threading.get_ident()
        steps = planned_steps(plans, len(data.train))
        total = max(sum(steps), 1)
        t0 = time.perf_counter()
        clock = {"last": 0.0}

        def report(done: int) -> None:
            fraction = min(done / total, 1.0)
            elapsed = time.perf_counter() - t0
            self.progress.emit(fraction, elapsed * (1 - fraction) / fraction if fraction > 0.01 else math.nan)
            clock["last"] = time.perf_counter()

        logs = _sweep_folder(tensorboard_dir) if tensorboard_dir is not None else None
        ran = 0
        for index, plan in enumerate(plans):
            if self._cancelled.is_set():
                break
            self.run_started.emit(index, plan)
            started = time.perf_counter()
            before = sum(steps[:index])

            def listener(event: TrainingEvent, before: int = before) -> None:
                if isinstance(event, StepDone) and time.perf_counter() - clock["last"] >= 1 / PROGRESS_HZ:
                    report(before + event.step)

            log = None
            try:
                trainer = self._trainer = Trainer(plan.spec.copy(), plan.config, data)
                if logs is not None:
                    from playground.core.training.tensorboard_log import logger_or_none, run_folder_name

                    log = logger_or_none(logs / run_folder_name(index + 1, plan.point), trainer, self.log_error.emit,
                                         extra_hparams=dict(plan.point))
                    logs = logs if log is not None else None  # one message, then no more tries
                summary = trainer.run(listener if log is None else both(listener, log))
                # A diverged run's weights are not finite: nothing to continue from.
                project = trainer.to_project() if summary.reason in CONTINUABLE and trainer.global_step else None
                outcome = SweepOutcome(index, plan, summary.reason, trainer.history, trainer.steps_per_epoch,
                                       time.perf_counter() - started, summary.message or "", project)
            except Exception as exc:  # noqa: BLE001 — a run that cannot train is a row with its reason, not a crash
                outcome = SweepOutcome(index, plan, "error", History(), 0, time.perf_counter() - started,
                                       str(exc) or type(exc).__name__)
            finally:
                self._trainer = None
                if log is not None:
                    log.close()
            ran += 1
            report(sum(steps[:index + 1]))
            self.run_finished.emit(outcome)
        self.finished.emit("completed" if ran == len(plans) else "cancelled")


def _sweep_folder(parent: Path) -> Path:
    """A new folder for one sweep's runs under the TensorBoard folder: `sweep-20261206-170812`."""
    from playground.core.training.tensorboard_log import new_folder

    return new_folder(parent, f"sweep-{time.strftime('%Y%m%d-%H%M%S')}")

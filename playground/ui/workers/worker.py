"""The training worker: a QObject living in its own QThread that drives `core.trainer.Trainer`.

The trainer belongs to the worker's thread: only code running there reads or changes it. The GUI asks
for work through `request_*` methods (queued into that thread) and steers a running loop through
`pause`/`resume`/`step`/`stop`, which set flags of the trainer's `TrainingControl` — a separate,
thread-safe object, the one part of a trainer other threads use (the worker's event queue is busy
while a run is in progress). What the GUI needs to know comes as the typed events of `core.events`
in this worker's signals, and as `state`: a copy of the trainer made in its thread between batches.

Events are throttled here, at the source: per-step losses are gathered and sent at most
`LOSS_EMIT_HZ` times a second as one `StepLosses`, so a fast loop cannot flood the GUI's event queue.
Everything else the trainer reports (epochs, evaluations, pauses, the end) is rare and is sent as
it comes, after flushing the gathered losses so the order of events is kept.

torch is imported lazily, in the worker thread, so the window can paint before it is loaded.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from playground.core.i18n import tr
from playground.core.model.spec import ModelSpec
from playground.core.training.events import (
    Diverged,
    EpochFinished,
    Evaluated,
    Paused,
    RunStarted,
    RunSummary,
    SnapshotReady,
    StepDone,
    StepLosses,
    TrainingEvent,
    both,
)
from playground.core.training.training_config import TrainingConfig
from playground.ui.workers.background import WorkerThread

if TYPE_CHECKING:
    from playground.core.data.training_data import TrainableSplits
    from playground.core.files.project_file import Project
    from playground.core.training.tensorboard_log import TensorBoardLogger
    from playground.core.training.trainer import Trainer, TrainingControl

# Each update repaints the loss plot and the status bar on the GUI thread, which preempts a training core
# on a 2-core machine and holds the GIL the training thread needs between its operations. 4 Hz still looks
# live; against 10 Hz, 5 Hz measured +13 % training throughput at batch 64 on 2 cores (3 alternating rounds,
# 2026-11-28), and 20 Hz cost another ~10 %.
LOSS_EMIT_HZ = 4.0
# Snapshots (histograms, gradient norms, probe feature maps) cost a few ms each: at most this often.
SNAPSHOT_HZ = 4.0
HIDDEN_SNAPSHOT_HZ = 1.0  # while no view shows them: the gradient history stays, at a quarter of the cost
# Added to the training thread's niceness: the GUI thread then wins the CPU whenever it wakes.
TRAINING_NICENESS = 10
SHUTDOWN_TIMEOUT_MS = 2000


class NotReadyError(RuntimeError):
    """Work was asked for before there was anything to work on; the message is for the user."""


@dataclass(frozen=True)
class TrainerReady:
    """A trainer was built (again): where it trains, what to tell the user about that, where it stands."""

    device: str  # in the language of the moment
    device_text: tuple[str, dict[str, object]]  # English template and values: the status bar says it again
    device_message: str | None
    steps_per_epoch: int
    global_step: int
    head_warnings: tuple[str, ...] = ()  # the output and the loss train together, but not well


@dataclass(frozen=True)
class TrainerState:
    """The trainer as it stood between two batches, copied in the training thread: design, settings,
    weights and optimizer state (CPU copies), history and counters, as a `Project`. Nothing in it
    changes afterwards (readers copy before they change anything), so any thread may read it; a newer
    one replaces it as a whole.

    `weights()` copies that trainer's weights as they are *now*, under its lock (waiting for at most one
    batch): for the threads that predict, inspect or evaluate with live weights — never the GUI thread."""

    project: Project
    weights: Callable[[], dict[str, np.ndarray]]

    @property
    def spec(self) -> ModelSpec:
        return self.project.spec

    @property
    def global_step(self) -> int:
        return self.project.global_step


@dataclass
class _RunRequest:
    config: TrainingConfig
    single_step: bool = False
    max_steps: int | None = None


class TrainingWorker(QObject):
    """Loads the data, owns the Trainer and runs it off the GUI thread."""

    # The data set is loaded: its name, sizes and whether a CUDA GPU is available.
    data_ready = Signal(dict)
    # A TrainerReady: a trainer was built (again).
    trainer_ready = Signal(object)
    # The trainer's history was emptied (reset, or a new network): views should clear.
    history_cleared = Signal()
    # The trainer's events (core.events), passed on as they are: RunStarted; StepLosses (the losses since the
    # last one, at most LOSS_EMIT_HZ times a second); Evaluated; EpochFinished; Paused; Diverged; and the run's
    # RunSummary (its reason "error" when the run raised; `step_limit_reached` is set here).
    started = Signal(object)
    losses = Signal(object)
    evaluated = Signal(object)
    epoch_finished = Signal(object)
    paused = Signal(object)
    diverged = Signal(object)
    finished = Signal(object)
    # A project's weights, optimizer state and history are in a fresh trainer (the Project object asked for).
    project_loaded = Signal(object)
    # A core.inspection.TrainingSnapshot, at most SNAPSHOT_HZ a second while training.
    snapshot = Signal(object)
    # A message for the user: setup or training failed. Never a traceback.
    error = Signal(str)
    # The network does not fit the data or the task (a TrainingSetupError with `misfit`): the window's
    # training panel shows that itself, with the fix, so it comes apart from other errors.
    misfit = Signal(str)

    # Requests from the GUI thread; connected to slots below, so they run in the worker's thread.
    _prepare_requested = Signal(object, object, object, object)
    _run_requested = Signal(object)
    _reset_requested = Signal(object, object)
    _configure_requested = Signal(object, object)
    _load_project_requested = Signal(object)
    _examples_added = Signal()

    THREAD_NAME = "training"

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        # Set up as it starts: denormals flushed and the priority lowered before torch's first parallel work.
        self._thread = WorkerThread(self.THREAD_NAME, flush_denormals=True, niceness=TRAINING_NICENESS)
        self._data: TrainableSplits | None = None
        self._trainer: Trainer | None = None  # read and changed in the worker's thread only
        # The current trainer's control flags: the part of it that other threads use (under its own lock).
        self._control: TrainingControl | None = None
        self._state: TrainerState | None = None  # replaced as a whole, never changed: other threads read it
        self._spec: ModelSpec | None = None  # the network asked for last, even if it failed to build
        self._pending_steps: list[int] = []
        self._pending: list[float] = []
        self._pending_rates: list[float] = []
        self._last_step: StepDone | None = None
        self._last_emit = 0.0
        self._emit_interval = 1.0 / LOSS_EMIT_HZ
        self._snapshot_interval = 1.0 / SNAPSHOT_HZ
        self._last_snapshot_request = 0.0
        self._max_steps: int | None = None
        self._steps_this_run = 0
        # Wishes made before the trainer's loop has started; applied when it reports that it started.
        self._stop_wanted = False
        self._pause_wanted = False
        # The learner's labelled drawings: every trainer built here gets them before it can run; one added
        # later joins the current trainer in the training thread, between batches (`_new_examples`).
        self._examples_lock = threading.Lock()
        self._examples: list[tuple[np.ndarray, int]] = []
        self._new_examples: list[tuple[np.ndarray, int]] = []
        self._cpu_threads = 0  # the Preferences' thread count for training (0: automatic)
        self._tensorboard_dir: Path | None = None  # each run writes TensorBoard event files under it (None: off)
        self._auto_threads = 0  # what automatic came to in the training thread (0: not known yet)
        self._prepare_requested.connect(self._prepare)
        self._run_requested.connect(self._run)
        self._reset_requested.connect(self._reset)
        self._configure_requested.connect(self._configure)
        self._load_project_requested.connect(self._load_project)
        self._examples_added.connect(self._hand_over_examples)

    # ----- thread ------------------------------------------------------------------------------
    def start(self) -> None:
        """Move to a fresh QThread and start it."""
        self._thread.start(self)

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> bool:
        """Stop any run and end the thread. True when it ended within `timeout_ms` (past that it waits on:
        a batch or the data load cannot be interrupted)."""
        self.stop()
        return self._thread.shutdown(timeout_ms / 1000)

    @property
    def thread_running(self) -> bool:
        return self._thread.running

    @property
    def data(self) -> TrainableSplits | None:
        """The loaded data (set once, in the worker's thread, before `data_ready`; read-only)."""
        return self._data

    @property
    def trainer(self) -> Trainer | None:
        """The current trainer, for tests and benchmarks that look at it once the worker is done with it.

        The window never uses it — the trainer is the training thread's: see `state` and the signals."""
        return self._trainer

    @property
    def state(self) -> TrainerState | None:
        """The trainer as it stood when it last rested (built, reset, a run starting, paused or ended), or
        None while there is none. Any thread: made in the training thread before the signal that tells
        of the change, then only read."""
        return self._state

    # ----- requests (call from the GUI thread) --------------------------------------------------
    def request_prepare(self, spec: ModelSpec, config: TrainingConfig, data_dir: Path | None = None,
                        data: TrainableSplits | None = None) -> None:
        """Load the data (unless `data` is given) and build a trainer.

        Answers with `data_ready` then `trainer_ready`, or with `error` where either fails."""
        self._prepare_requested.emit(spec, config, data_dir, data)

    def request_run(self, config: TrainingConfig, single_step: bool = False, max_steps: int | None = None) -> None:
        """Train `config.epochs` more epochs; `single_step` does one batch then pauses;
        `max_steps` stops after that many batches (fractional epochs)."""
        self._stop_wanted = False
        self._pause_wanted = False
        self._run_requested.emit(_RunRequest(config, single_step, max_steps))

    def request_reset(self, spec: ModelSpec, config: TrainingConfig) -> None:
        """Fresh weights from the seed and an empty history."""
        self._reset_requested.emit(spec, config)

    def request_configure(self, spec: ModelSpec, config: TrainingConfig) -> None:
        """Use this network and these settings from now on (a new network starts untrained)."""
        self._configure_requested.emit(spec, config)

    def request_load_project(self, project: Project) -> None:
        """Build a trainer for `project.spec` and `project.training` and give it the project's weights,
        optimizer state and history. Answers with `trainer_ready` then `project_loaded`, or `error`."""
        self._load_project_requested.emit(project)

    def set_training_examples(self, examples: list[tuple[np.ndarray, int]]) -> None:
        """Replace the drawings every new trainer starts with (any thread; e.g. a project was opened)."""
        with self._examples_lock:
            self._examples = [(np.asarray(image, dtype=np.uint8), int(label)) for image, label in examples]
            self._new_examples = []  # for the trainer about to be replaced

    def add_training_example(self, image: np.ndarray, label: int) -> None:
        """One more drawing: the current trainer uses it from its next epoch, later trainers from the start.

        It is handed over in the training thread: between two batches of a run, or at once when none runs."""
        example = (np.asarray(image, dtype=np.uint8), int(label))
        with self._examples_lock:
            self._examples.append(example)
            self._new_examples.append(example)
        self._examples_added.emit()

    def set_snapshot_rate(self, hz: float) -> None:
        """At most `hz` training snapshots a second from now on (any thread: one float is replaced)."""
        self._snapshot_interval = 1.0 / hz

    @property
    def tensorboard_dir(self) -> Path | None:
        """The folder runs write TensorBoard logs under (None: off)."""
        return self._tensorboard_dir

    def set_tensorboard_dir(self, folder: Path | None) -> None:
        """Runs started from now on write TensorBoard event files, each in a folder of its own under `folder`
        (None: no logs). Any thread: one reference is replaced."""
        self._tensorboard_dir = folder

    def set_cpu_threads(self, threads: int) -> None:
        """CPU threads for training (0: automatic). Applied in the training thread when the data is
        loaded and before every run: OpenMP's thread count belongs to the thread that sets it."""
        self._cpu_threads = max(0, int(threads))

    # ----- control (call from any thread; never queued) ----------------------------------------
    # Only the TrainingControl is touched: its flags are guarded by its own lock, and the training loop
    # reads them before every batch. `_control` is one reference, replaced in the training thread.
    def pause(self) -> None:
        self._pause_wanted = True
        if (control := self._control) is not None:
            control.pause()

    def resume(self) -> None:
        self._pause_wanted = False
        if (control := self._control) is not None:
            control.resume()

    def step(self) -> None:
        """One more batch of a paused run (to step from idle, use `request_run(single_step=True)`)."""
        if (control := self._control) is not None:
            control.step()

    def stop(self) -> None:
        self._stop_wanted = True
        if (control := self._control) is not None:
            control.stop()

    def stop_this_run(self) -> None:
        """Stop the run under way, but not one asked for after it: a trainer forgets a stop when its
        next run starts, while `stop()` is also remembered for a run that has not started yet."""
        if (control := self._control) is not None:
            control.stop()

    def run_waiting(self) -> bool:
        """True while a run waits before its next batch (paused, and no Step or Stop asked for since):
        a `paused` event that arrives after a quick Resume or Step is stale when this is False."""
        control = self._control
        return control is not None and control.would_block()

    # ----- slots (worker thread) ---------------------------------------------------------------
    @Slot(object, object, object, object)
    def _prepare(self, spec: ModelSpec, config: TrainingConfig, data_dir: Path | None, data) -> None:
        try:
            from playground.core.data.datasets import load_data

            _leave_a_core_for_the_gui(self._thread.lowered)
            self._auto_threads = _use_cpu_threads(self._cpu_threads, 0)
            if data is None:
                data = load_data(data_dir, validation_fraction=config.validation_fraction, seed=config.seed)
            self._data = data
            self._spec = spec
            if self._trainer is not None:  # new data, new network: the old weights go with the old data
                self._set_trainer(None)
                self.history_cleared.emit()
            from playground.core.training.devices import cuda_available

            self.data_ready.emit({
                "dataset": data.train.name,
                "train_size": len(data.train),
                "test_size": len(data.test),
                "validation_size": len(data.validation) if data.validation is not None else 0,
                "cuda_available": cuda_available(),
            })
            self._build(spec, config)
        except Exception as exc:  # noqa: BLE001 — every failure becomes a message for the user
            self._report(exc)

    @Slot(object, object)
    def _configure(self, spec: ModelSpec, config: TrainingConfig) -> None:
        try:
            if not self._apply(spec, config):
                self._publish()  # the same weights, maybe other settings
        except Exception as exc:  # noqa: BLE001 — any failure becomes a message for the user
            self._report(exc)

    @Slot(object, object)
    def _reset(self, spec: ModelSpec, config: TrainingConfig) -> None:
        try:
            if not self._apply(spec, config):  # a brand-new trainer is already fresh
                self._live().reset()
                self._publish()
                self.history_cleared.emit()
        except Exception as exc:  # noqa: BLE001 — any failure becomes a message for the user
            self._report(exc)

    @Slot(object)
    def _load_project(self, project: Project) -> None:
        try:
            if self._data is None:
                raise NotReadyError(tr("The data set is not loaded, so the project's network cannot be built."))
            self._spec = project.spec
            self._build(project.spec, project.training, state=project)
            self.project_loaded.emit(project)
        except Exception as exc:  # noqa: BLE001 — any failure becomes a message for the user
            self._report(exc)

    @Slot()
    def _hand_over_examples(self) -> None:
        """Drawings added since the trainer was built join it (from its next epoch). Training thread only."""
        with self._examples_lock:
            new, self._new_examples = self._new_examples, []
        if new and self._trainer is not None:
            _give_examples(self._trainer, new)

    @Slot(object)
    def _run(self, request: _RunRequest) -> None:
        try:
            _use_cpu_threads(self._cpu_threads, self._auto_threads)  # first: a new trainer reports the count
            self._apply(None, request.config)
        except Exception as exc:  # noqa: BLE001 — any failure becomes a message for the user
            self.finished.emit(self._error_summary(self._report(exc)))
            return
        trainer = self._live()
        if request.single_step:
            trainer.control.step()
        else:
            trainer.control.resume()  # a previous run may have been stopped while paused
        self._max_steps = request.max_steps
        self._steps_this_run = 0
        self._pending_steps, self._pending, self._pending_rates = [], [], []
        self._last_emit = time.perf_counter()
        self._last_snapshot_request = 0.0  # the first step of a run asks for one
        self._publish()  # the settings of this run (normalisation, …) for the views that predict meanwhile
        log = self._tensorboard_logger(trainer)
        try:
            trainer.run(self._on_event if log is None else both(self._on_event, log))
        except Exception as exc:  # noqa: BLE001 — e.g. CUDA out of memory mid-run
            self._flush()
            message = _user_message(exc)
            self.error.emit(message)
            self._publish()
            self.finished.emit(self._error_summary(message))
        finally:
            if log is not None:
                log.close()

    def _tensorboard_logger(self, trainer: Trainer) -> TensorBoardLogger | None:
        """A TensorBoard writer for this run when logs are asked for; a folder that cannot be written is one
        message, and the run trains without logs."""
        folder = self._tensorboard_dir
        if folder is None:
            return None
        from playground.core.training.tensorboard_log import logger_or_none, new_folder

        return logger_or_none(new_folder(folder, f"{time.strftime('%Y%m%d-%H%M%S')}-step{trainer.global_step}"),
                              trainer, self.error.emit)

    def _report(self, exc: BaseException) -> str:
        """Send `exc` to the window as a message (on `misfit` when the network does not fit); returns it."""
        message = _user_message(exc)
        (self.misfit if getattr(exc, "misfit", False) else self.error).emit(message)
        return message

    def _live(self) -> Trainer:
        """The trainer, where one must exist (a run, a reset after `_apply`). Training thread only."""
        if self._trainer is None:
            raise NotReadyError(tr("The data set is not loaded, so there is nothing to train on."))
        return self._trainer

    def _error_summary(self, message: str) -> RunSummary:
        trainer = self._trainer
        steps, epochs = (trainer.global_step, trainer.epochs_done) if trainer is not None else (0, 0)
        return RunSummary("error", steps, epochs, None, None, None, None, None, message)

    # ----- helpers (worker thread) -------------------------------------------------------------
    def _set_trainer(self, trainer: Trainer | None) -> None:
        self._trainer = trainer
        self._control = trainer.control if trainer is not None else None
        self._publish()

    def _publish(self) -> None:
        """Copy the trainer for other threads (`state`). Here, between batches; before the signal that tells of it."""
        trainer = self._trainer
        self._state = None if trainer is None else TrainerState(trainer.to_project(), _live_weights(trainer))

    def _build(self, spec: ModelSpec, config: TrainingConfig, state: Project | None = None) -> None:
        """A new trainer; with `state` it continues from those weights and that history (no `history_cleared`)."""
        from playground.core.training.devices import describe_device, device_text
        from playground.core.training.trainer import Trainer

        old = self._trainer
        if self._data is None:
            raise NotReadyError(tr("The data set is not loaded, so there is nothing to train on."))
        trainer = Trainer(spec.copy(), config, self._data)
        if state is not None:
            trainer.load_project_state(state)
        with self._examples_lock:  # all of them, once: one added after this is handed over by its own signal
            _give_examples(trainer, self._examples)
            self._new_examples = []
        self._set_trainer(trainer)
        if old is not None and state is None:  # the first trainer has nothing to clear
            self.history_cleared.emit()
        self.trainer_ready.emit(TrainerReady(
            describe_device(trainer.device), device_text(trainer.device), trainer.device_message,
            trainer.steps_per_epoch, trainer.global_step, tuple(trainer.head_warnings or ())))

    def _apply(self, spec: ModelSpec | None, config: TrainingConfig) -> bool:
        """Bring the trainer in line with `spec` (None: keep) and `config`.

        True when that meant a new, untrained trainer (`history_cleared` is sent if it replaced one).
        """
        if self._data is None:
            raise NotReadyError(tr("The data set is not loaded, so there is nothing to train on."))
        if spec is not None:
            self._spec = spec
        if self._spec is None:  # only before the first prepare, which sets it with the data
            raise NotReadyError(tr("The data set is not loaded, so there is nothing to train on."))
        trainer = self._trainer
        if trainer is not None and config.task != trainer.config.task:
            # Another task: other targets and another loss, so fresh weights. The old ones go first,
            # so a network that does not fit the new task yet leaves no trainer (the window says why).
            self._set_trainer(None)
            self.history_cleared.emit()
            trainer = None
        if trainer is None or self._spec.to_json() != trainer.spec.to_json():
            self._build(self._spec, config)
            return True
        if config.device != trainer.config.device:
            # Moving to another device: a new trainer there, carrying over weights and history.
            self._build(trainer.spec, config, state=trainer.to_project())
            return False
        seed_changed = config.seed != trainer.config.seed
        trainer.set_config(config)
        if seed_changed and trainer.global_step == 0:
            trainer.reset()  # untrained: start from the new seed's weights, so runs are reproducible
        return False

    def _on_event(self, event: TrainingEvent) -> None:
        """The trainer's listener; runs on this thread once per batch, so it must stay cheap."""
        if isinstance(event, StepDone):
            self._pending_steps.append(event.step)
            self._pending.append(event.loss)
            self._pending_rates.append(event.learning_rate)
            self._last_step = event
            self._steps_this_run += 1
            if self._max_steps is not None and self._steps_this_run >= self._max_steps:
                self._live().control.stop()
            if self._new_examples:  # drawings added during the run (a stale look is caught next batch)
                self._hand_over_examples()
            now = time.perf_counter()
            if now - self._last_snapshot_request >= self._snapshot_interval:
                self._last_snapshot_request = now
                self._live().request_snapshot()  # taken after the next optimizer step
            if now - self._last_emit >= self._emit_interval:
                self._flush(now)
            return
        if isinstance(event, SnapshotReady):  # frequent enough not to flush the losses for
            self.snapshot.emit(event.snapshot)
            return
        if isinstance(event, Evaluated):  # nor are the test checks (4 an epoch): each flush is one more redraw
            self.evaluated.emit(event)
            return
        self._flush()
        if isinstance(event, RunStarted):
            if self._stop_wanted:
                self._live().control.stop()
            elif self._pause_wanted:
                self._live().control.pause()
            self.started.emit(event)
        elif isinstance(event, EpochFinished):
            self.epoch_finished.emit(event)
        elif isinstance(event, Paused):
            self._publish()  # waiting: what a save would read now
            self.paused.emit(event)
        elif isinstance(event, Diverged):
            self.diverged.emit(event)
        elif isinstance(event, RunSummary):
            self._publish()
            limit = self._max_steps is not None and self._steps_this_run >= self._max_steps and not self._stop_wanted
            self.finished.emit(replace(event, step_limit_reached=limit))

    def _flush(self, now: float | None = None) -> None:
        self._last_emit = time.perf_counter() if now is None else now
        if not self._pending or self._last_step is None:
            return
        steps = np.asarray(self._pending_steps, dtype=np.float64)
        values = np.asarray(self._pending, dtype=np.float64)
        rates = np.asarray(self._pending_rates, dtype=np.float64)
        self._pending_steps, self._pending, self._pending_rates = [], [], []
        self.losses.emit(StepLosses(steps, values, self._last_step, rates))


def _live_weights(trainer: Trainer) -> Callable[[], dict[str, np.ndarray]]:
    """A copy of `trainer`'s weights, made on whichever thread calls it (never the GUI thread's job)."""
    return lambda: trainer.state_snapshot()


def _leave_a_core_for_the_gui(lowered: bool) -> None:
    """Let training use every core without starving the window.

    On Linux the training thread lowered its own scheduling priority as it started, before PyTorch
    started its OpenMP helpers (they inherit it), so the GUI thread wins the CPU whenever it wakes; on
    a 2-core machine that keeps event-loop stalls low while training runs at full speed. Where a
    thread's priority cannot be lowered, training takes one core fewer than the machine has.
    OMP_NUM_THREADS, when set, is respected either way.
    """
    import torch

    if "OMP_NUM_THREADS" in os.environ:
        return
    cores = os.cpu_count() or 1
    if lowered:
        torch.set_num_threads(cores)  # the ICV is per thread: set it here, in the training thread
    elif cores > 1 and torch.get_num_threads() >= cores:
        torch.set_num_threads(cores - 1)


def _give_examples(trainer: Trainer, examples: list[tuple[np.ndarray, int]]) -> None:
    """Hand drawings to a trainer of 28×28 digits; other data (an imported folder, a CSV) takes none."""
    from playground.core.data.datasets import ImageDataset

    data = trainer.data.train
    digits = isinstance(data, ImageDataset) and data.images.shape[1:] == (28, 28) \
        and tuple(data.classes) == tuple(str(d) for d in range(10))
    if examples and digits:
        trainer.add_training_examples(np.stack([image for image, _ in examples]),
                                      np.array([label for _, label in examples], dtype=np.int64))


def _use_cpu_threads(wanted: int, automatic: int) -> int:
    """Set this thread's torch thread count to `wanted`, or to `automatic` when `wanted` is 0 (a 0 for
    both keeps the count as it is); returns the count before the change."""
    import torch

    from playground.ui.workers.background import use_torch_threads

    before = torch.get_num_threads()
    count = wanted or automatic
    if count and count != before:
        use_torch_threads(torch, count)  # this thread only: the process-wide default stays for the others
    return before


def _user_message(exc: BaseException) -> str:
    """Errors a user can cause carry a message written for them; anything else is named plainly."""
    from playground.core.data.datasets import DatasetError
    from playground.core.model.spec import SpecError
    from playground.core.training.training_config import ConfigError

    if isinstance(exc, (DatasetError, SpecError, ConfigError, NotReadyError)):
        return str(exc)
    from playground.core.training.trainer import TrainingSetupError  # after the checks above: needs torch

    if isinstance(exc, TrainingSetupError):
        return str(exc)
    if "out of memory" in str(exc).lower():
        return tr("The device ran out of memory. Use a smaller batch size or a smaller network, or train on the CPU.")
    return tr("Training failed: {error}").format(error=f"{type(exc).__name__}: {exc}")

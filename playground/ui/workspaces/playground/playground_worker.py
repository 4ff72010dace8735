"""The 2-D playground's training worker: the window's TrainingWorker, plus pictures of the network.

It is a second, separate worker (its own QThread and Trainer) so the playground trains while MNIST
does. On top of what TrainingWorker does it

- makes a `BoundaryFrame` (the output and every unit's output over the grid, the weights) in the
  training thread, at most FRAME_HZ times a second while training, and once after each pause, end or
  `request_frame()` — torch never runs on the GUI thread;
- gathers epochs and sends them as one list with each frame: a toy data set's epoch takes a few
  milliseconds, and one signal per epoch would flood the GUI's event queue;
- trains on one CPU thread: these networks are far too small for threads to help, and the other
  core stays free for the window (and for MNIST training).
"""

from __future__ import annotations

import math
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from playground.core.explain.boundary import PlotGrid
from playground.core.i18n import tr
from playground.core.training.events import EpochFinished, Paused, RunSummary, StepDone, TrainingEvent
from playground.ui.workers.worker import TrainingWorker

FRAME_HZ = 10.0  # pictures per second while training; a frame costs 0.2–2.5 ms here, its drawing a few ms
TRAINING_THREADS = 1


class PlaygroundWorker(TrainingWorker):
    """A TrainingWorker that also sends `frame` (a BoundaryFrame) and batches of epochs (`epochs`)."""

    THREAD_NAME = "playground"

    frame = Signal(object)
    # The EpochFinished events gathered between frames, as a list.
    epochs = Signal(list)
    # (generation, ok): every request made before `request_sync(generation)` has been handled, and ok (1 or 0)
    # says whether the trainer now is the one they asked for (0: building it failed; `error` said why).
    # An int, not a bool: PySide6 6.12 loses a reference to True or False with every emit (see docs/architecture.md).
    synced = Signal(int, int)
    _frame_requested = Signal()
    _sync_requested = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._snapshot_interval = math.inf  # the MNIST views' snapshots are not wanted here
        self.set_cpu_threads(TRAINING_THREADS)  # applied in the training thread, after the base class's default
        self._grid: PlotGrid | None = None
        self._grid_tensor: tuple[PlotGrid, Any] | None = None
        self._epoch_rows: list[EpochFinished] = []
        self._last_frame = 0.0
        self._frame_interval = 1.0 / FRAME_HZ
        self.frame_threads: set[int] = set()  # threads frames were made in (tests: never the GUI's)
        self.frame_seconds: list[float] = []  # the last few frames' costs
        self._frame_requested.connect(self._on_frame_requested)
        self._sync_requested.connect(self._on_sync_requested)

    # ----- requests (GUI thread) ---------------------------------------------------------------
    def set_grid(self, grid: PlotGrid) -> None:
        """Where frames are sampled from now on (one reference assignment: safe from any thread)."""
        self._grid = grid

    def request_frame(self) -> None:
        """A frame of the current network, queued after any request made before it."""
        self._frame_requested.emit()

    def request_sync(self, generation: int) -> None:
        """Answered by `synced(generation, ok)` once the requests made before this one are done."""
        self._sync_requested.emit(generation)

    # ----- worker thread -----------------------------------------------------------------------
    @Slot()
    def _on_frame_requested(self) -> None:
        self._send_frame()

    @Slot(int)
    def _on_sync_requested(self, generation: int) -> None:
        trainer, spec = self._trainer, self._spec
        # A failed build may leave the previous trainer in place: it must be for this data and this network.
        ok = (trainer is not None and spec is not None and trainer.data is self._data
              and trainer.spec.to_json() == spec.to_json())
        self.synced.emit(generation, 1 if ok else 0)

    def _on_event(self, event: TrainingEvent) -> None:
        if isinstance(event, EpochFinished):
            self._epoch_rows.append(event)
            return
        if isinstance(event, (Paused, RunSummary)):
            self._send_frame()  # before the event: the last picture and epochs arrive first
        super()._on_event(event)
        if isinstance(event, StepDone):
            now = time.perf_counter()
            if now - self._last_frame >= self._frame_interval:
                self._last_frame = now
                self._send_frame()

    def _send_frame(self) -> None:
        """Epochs gathered so far, then a frame of the network as it is now."""
        if self._epoch_rows:
            rows, self._epoch_rows = self._epoch_rows, []
            self.epochs.emit(rows)
        trainer, grid = self._trainer, self._grid
        if trainer is None or grid is None or grid.features.shape[1] != trainer.spec.input_shape[0]:
            return  # nothing to draw yet, or the grid is for a network still being built
        from playground.core.explain.boundary import grid_tensor, network_frame

        try:
            cached = self._grid_tensor
            if cached is None or cached[0] is not grid or cached[1].device != trainer.device:
                cached = self._grid_tensor = (grid, grid_tensor(grid, trainer.device))
            with trainer.lock:
                frame = network_frame(trainer.model, trainer.head, grid, cached[1], trainer.global_step,
                                      trainer.epochs_done)
        except Exception as exc:  # noqa: BLE001 — a picture that fails must not end training
            self.error.emit(tr("Could not draw the network's output: {kind}: {error}").format(
                kind=type(exc).__name__, error=exc))
            return
        self.frame_threads.add(threading.get_ident())
        self.frame_seconds = (self.frame_seconds + [frame.seconds])[-50:]
        self.frame.emit(frame)

"""The document: the one state the window shows — the network, its settings, the run, its history.

Views and controllers read the state here and change it through here; the document says what changed
with its signals, and whoever shows that part of the state listens. Nothing here draws: the document
knows the network, the presets, the settings' base, where the run stands (`RunState`), the project
opened and not yet handed to the trainer, the project's other data (the drawings among it), the epoch
rows of the run on show, why the network cannot train, and what the status bar said of the last run.

The training settings are edited in the training panel; the document reads them through the reader the
window sets (`set_config_reader`), on top of `base_config`, which holds what the panel does not show.

Where the trained weights are, the document answers from the project opened (while the trainer has not
taken it over) or from the worker's copy of the trainer (`TrainerState`), never from the live trainer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import Enum
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.core.files.project_file import Project
from playground.core.i18n import tr
from playground.core.model.presets import Preset
from playground.core.model.spec import ModelSpec, same_spec
from playground.core.training.training_config import ConfigError, TrainingConfig

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits
    from playground.ui.workers.worker import TrainerState, TrainingWorker

DRAWINGS_KEY = "drawings"  # the Draw tab's labelled drawings: [{"label": int, "image": 28×28 uint8 lists}]

# (spec, weights, normalisation mean, std) of trained weights; the weights are a callable that copies them
ModelSource = tuple[ModelSpec, Callable[[], dict[str, np.ndarray]], float, float]


class RunState(Enum):
    LOADING = "loading"          # data and torch still loading
    UNAVAILABLE = "unavailable"  # the data could not be loaded: nothing to train on
    IDLE = "idle"
    STARTING = "starting"        # a run was asked for; the trainer has not reported "started" yet
    TRAINING = "training"
    PAUSED = "paused"
    STOPPING = "stopping"


RUNNING = (RunState.STARTING, RunState.TRAINING, RunState.PAUSED, RunState.STOPPING)


class Document(QObject):
    """`presets` by name; `preset` is the one chosen first; `worker` holds the copy of the trainer."""

    spec_changed = Signal(object)  # ModelSpec: the network that trains now (do not change it: copy it)
    state_changed = Signal(object)  # RunState
    pause_confirmed_changed = Signal(bool)
    history_cleared = Signal()  # the curves and epoch rows of the old weights are gone
    epoch_rows_changed = Signal()  # `epoch_rows` grew or was replaced
    drawings_replaced = Signal()  # another project's drawings (or none): every new trainer starts with these

    def __init__(self, presets: dict[str, Preset], preset: Preset, worker: TrainingWorker,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.presets = presets
        self.preset = preset  # chosen last (the network may have been edited since)
        self.base_config = preset.training  # the settings the panel does not show come from here
        self.worker = worker
        self._spec = preset.spec.copy()
        self._read_config: Callable[[TrainingConfig], TrainingConfig] = lambda base: base
        self._state = RunState.LOADING
        self._pause_confirmed = False  # the trainer has reported that it waits (its copy is current)
        self.live_step = 0  # the global step of the run under way, as its events tell it
        self.data_info: dict[str, Any] = {}  # what the worker said of the data it loaded
        self.worker_started = False  # the worker's thread runs and has its first requests
        # An opened project the worker has not taken over yet (or could not): saving uses its weights.
        self.pending_project: Project | None = None
        self.extra: dict[str, Any] = {}  # project data of other features, kept from the file opened
        self.epoch_rows: list[dict[str, Any]] = []  # of the weights on show (the over-fitting alert reads them)
        self.last_eval: dict[str, Any] | None = None
        self.spec_problem = ""  # why the network itself can't train ("" when it can)
        self.run_message = ""  # the status bar's account of the last run (dropped when its weights go)
        self.sent_train: Any = None  # the training part of data sent to the worker, not reported loaded yet

    # ----- the network and its settings --------------------------------------------------------------
    @property
    def spec(self) -> ModelSpec:
        """The current network (what Train trains, once it is valid). Shared: copy it to change it."""
        return self._spec

    def set_spec(self, spec: ModelSpec) -> None:
        self._spec = spec
        self.spec_changed.emit(spec)

    def is_current(self, spec: ModelSpec) -> bool:
        """`spec` is the network on show."""
        return same_spec(spec, self._spec)

    def matching_preset(self) -> str | None:
        """The preset the network is exactly: the one chosen last if it still is, else any; None: edited."""
        matches = [name for name, preset in self.presets.items() if same_spec(preset.spec, self._spec)]
        return self.preset.name if self.preset.name in matches else next(iter(matches), None)

    def set_config_reader(self, read: Callable[[TrainingConfig], TrainingConfig]) -> None:
        """`read(base)`: the settings shown, on top of `base`; raises ConfigError when one is out of range."""
        self._read_config = read

    def config(self, fallback: bool = False) -> TrainingConfig:
        """The training settings shown. An out-of-range value raises ConfigError, or with `fallback` gives
        `base_config` (for what must not fail: saving, the code view, the worker's first request)."""
        try:
            return self._read_config(self.base_config)
        except ConfigError:
            if fallback:
                return self.base_config
            raise

    # ----- the run -----------------------------------------------------------------------------------
    @property
    def state(self) -> RunState:
        return self._state

    def set_state(self, state: RunState) -> None:
        self._state = state
        if state != RunState.PAUSED:
            self._pause_confirmed = False
        self.state_changed.emit(state)

    @property
    def running(self) -> bool:
        return self._state in RUNNING

    @property
    def pause_confirmed(self) -> bool:
        return self._pause_confirmed

    def set_pause_confirmed(self, confirmed: bool) -> None:
        self._pause_confirmed = confirmed
        self.pause_confirmed_changed.emit(confirmed)

    def save_blocker(self) -> str:
        """Why the project cannot be read for saving now ("" when it can)."""
        if self._state in (RunState.STARTING, RunState.TRAINING, RunState.STOPPING):
            return tr("Training is running: pause or stop it to save.")
        if self._state == RunState.PAUSED and not self._pause_confirmed:
            return tr("Pausing… saving is possible as soon as the current batch is done.")
        return ""

    def replace_blocker(self) -> str:
        """Why the network, its data or the project cannot be replaced now ("" when they can)."""
        if self.running:
            return tr("Training is running: stop it before opening or starting another project.")
        return ""

    # ----- history -------------------------------------------------------------------------------------
    def clear_history(self) -> None:
        self.last_eval = None
        self.epoch_rows = []
        self.history_cleared.emit()

    def set_epoch_rows(self, rows: list[dict[str, Any]]) -> None:
        self.epoch_rows = rows
        self.epoch_rows_changed.emit()

    def add_epoch_row(self, row: dict[str, Any]) -> None:
        self.epoch_rows.append(row)
        self.epoch_rows_changed.emit()

    # ----- the weights ---------------------------------------------------------------------------------
    def _pending_for_spec(self) -> Project | None:
        """The opened project, while it holds the network on show."""
        pending = self.pending_project
        return pending if pending is not None and same_spec(pending.spec, self._spec) else None

    def trained_state(self) -> TrainerState | None:
        """The worker's copy of the trainer when it holds the network on show with trained weights (a run under
        way counts its steps from its events, which are newer than the copy made when it started)."""
        state = self.worker.state
        if state is None or not same_spec(state.spec, self._spec):
            return None
        steps = max(state.global_step, self.live_step) if self.running else state.global_step
        return state if steps else None

    def trained_steps(self) -> int:
        """Training steps the current weights hold (what an edit or a reset would throw away)."""
        pending = self._pending_for_spec()
        if pending is not None:
            return pending.global_step
        state = self.trained_state()
        return state.global_step if state is not None else 0

    def current_weights(self) -> dict[str, np.ndarray] | None:
        """The current network's trained weights as numpy arrays; None while untrained. While a run is under
        way: as they were when it started or last paused (the worker's copy — the trainer is not read here)."""
        pending = self._pending_for_spec()
        if pending is not None:
            if not pending.state_dict or not pending.global_step:
                return None
            return {k: v.numpy() for k, v in pending.state_dict.items()}
        state = self.trained_state()
        if state is None or not state.project.state_dict:
            return None
        return {k: v.numpy() for k, v in state.project.state_dict.items()}

    def holds_project_weights(self) -> bool:
        """The weights on show are an opened project's, not the trainer's yet."""
        return self._pending_for_spec() is not None

    def model_source(self) -> ModelSource | None:
        """(spec, weights, mean, std) of the current network's trained weights; None while untrained.

        The weights are a callable (the worker's `TrainerState.weights` while it holds them): whoever needs
        them calls it on their own thread, so the GUI thread never copies tensors or waits for a batch."""
        pending = self._pending_for_spec()
        if pending is not None:
            if not pending.state_dict or not pending.global_step:
                return None
            tensors = dict(pending.state_dict)
            training = pending.training
            return (self._spec.copy(), lambda: {k: v.detach().cpu().numpy() for k, v in tensors.items()},
                    training.normalize_mean, training.normalize_std)
        state = self.trained_state()
        if state is None:
            return None
        config = state.project.training  # the settings the weights train with (this run's, while one runs)
        return state.spec.copy(), state.weights, config.normalize_mean, config.normalize_std

    def project(self, extra: dict[str, Any] | None = None) -> Project:
        """The design and settings shown, with the weights and history that belong to this design; `extra`:
        other features' data to save with it."""
        config = self.config(fallback=True)
        merged = {DRAWINGS_KEY: [], **self.extra, **(extra or {})}
        pending = self._pending_for_spec()
        if pending is not None:
            return replace(pending, spec=self._spec.copy(), training=config, extra=merged)
        state = self.worker.state  # saving waits for a confirmed pause or the run's end: this copy is current
        if state is not None and same_spec(state.spec, self._spec):
            return replace(state.project, training=config, extra=merged)  # a new Project: the copy stays as it is
        return Project(self._spec.copy(), config, extra=merged)  # untrained, or not yet built

    # ----- data ----------------------------------------------------------------------------------------
    def loaded_data(self) -> DataSplits | None:
        """The data the worker has loaded (None before, and while it has none)."""
        from playground.core.data.datasets import DataSplits

        loaded = self.worker.data if self.worker_started else None
        return loaded if isinstance(loaded, DataSplits) else None  # the MNIST worker never holds toy points

    def expected_train(self) -> Any:
        """The training part the network will train on: what was last sent to the worker, else what it has."""
        if self.sent_train is not None:
            return self.sent_train
        data = self.loaded_data()
        return None if data is None else data.train

    # ----- the project's other data: drawings ------------------------------------------------------------
    def replace_extra(self, extra: dict[str, Any]) -> None:
        """Another project's data of other features (kept as found, so a newer version's survives a save)."""
        self.extra = dict(extra)
        self.drawings_replaced.emit()

    @property
    def drawings(self) -> list[dict[str, Any]]:
        """The labelled drawings stored in the project (malformed entries from a file are skipped)."""
        out = []
        stored = self.extra.get(DRAWINGS_KEY)
        for item in stored if isinstance(stored, list) else []:  # a file may hold anything here
            try:
                image = np.asarray(item["image"], dtype=np.uint8)
                label = int(item["label"])
            except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: 300 as uint8, inf as int
                continue
            if image.shape == (28, 28):
                out.append({"label": label, "image": image})
        return out

    def training_examples(self) -> list[tuple[np.ndarray, int]]:
        return [(d["image"], d["label"]) for d in self.drawings]

    def add_drawing(self, image: np.ndarray, label: int) -> int:
        """Keep a labelled drawing with the project; how many are stored now."""
        saved = self.extra.get(DRAWINGS_KEY)
        stored = list(saved) if isinstance(saved, list) else []
        stored.append({"label": int(label), "image": np.asarray(image, dtype=np.uint8).tolist()})
        self.extra[DRAWINGS_KEY] = stored
        return len(stored)

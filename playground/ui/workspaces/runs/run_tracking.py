"""Keeps every training run of the main window in a core `RunStore` and shows them on the Runs tab.

The tracker listens to the training worker's events (a run starts, grows, pauses, ends; the weights
are reset); the window shows its `panel` and calls `update_fork_bar` when the training settings change.
Where the trainer stands (its step and epochs) it reads from the worker's copy (`TrainerState`), never from
the trainer, and whether a run is under way from the document. The window asks it for the runs when it
saves a project (`project_extra`) and hands it the runs of a project it opens (`load_project`), so runs
survive Save and Open.

Forking: with a run paused (or ended), the Runs tab's fork bar continues it from the present
weights with another optimizer or learning rate, as a new run. A paused run is stopped first
(the trainer keeps its weights, and `set_config` swaps the optimizer), then training restarts with
the new settings, aiming at the epoch the parent was going to reach. Pressing Train after changing
the optimizer or learning rate in the Training panel forks the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

from playground.core.i18n import N_, tr
from playground.core.training.events import EpochFinished, Evaluated, Paused, RunStarted, RunSummary, StepLosses
from playground.core.training.metrics import History
from playground.core.training.runs import RUNS_KEY, RunRecord, RunStore, settings_change
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.document import RunState
from playground.ui.workspaces.runs.runs_panel import RunsPanel

if TYPE_CHECKING:
    from playground.core.files.project_file import Project
    from playground.ui.document import Document
    from playground.ui.workers.worker import TrainerReady, TrainerState, TrainingWorker

TAB_TITLE = N_("Runs")
TAB_TIP = N_("Every training run with its settings: overlay the curves of any runs, rename or delete them, and fork "
             "a run to continue it with another optimizer or learning rate.")


class RunsHost(Protocol):
    """What the run tracker needs from the window."""

    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""

    def set_modified(self) -> None:
        """The project has changed since it was saved."""

    def stop(self) -> None:
        """Stop the run under way (after its batch)."""

    def start_training(self, epochs: float | None = None) -> bool:
        """Start a run with the settings shown; False when none can start now."""


class ForkSettings(Protocol):
    """The training settings (the training panel), as a fork changes and reads them."""

    @property
    def optimizer(self) -> QComboBox: ...
    @property
    def learning_rate(self) -> QDoubleSpinBox: ...
    def config(self, base: TrainingConfig) -> TrainingConfig: ...


class RunTracker(QObject):
    def __init__(self, document: Document, worker: TrainingWorker, settings: ForkSettings, host: RunsHost,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.worker = worker
        self.settings = settings
        self.host = host
        self.store = RunStore()
        self.panel = RunsPanel(self.store)
        self._fork_wanted: tuple[str, float, int | None] | None = None  # waiting for a paused run to stop
        self._force_fork = False  # the next run to start is a fork even with unchanged settings
        self._loaded_current: int | None = None
        self._fork_target: tuple[int, int] | None = None  # (run id, step) the fork bar was last set up for
        w = worker
        w.started.connect(self._on_started)
        w.losses.connect(self._on_losses)
        w.evaluated.connect(self._on_eval)
        w.epoch_finished.connect(self._on_epoch)
        w.paused.connect(self._on_paused)
        w.finished.connect(self._on_finished)
        w.history_cleared.connect(self._on_weights_reset)
        # A method, not a lambda: a lambda connected to the (parentless) worker would keep this
        # tracker, and through it a closed window with its trainer, alive for good.
        w.trainer_ready.connect(self._on_trainer_ready)
        w.project_loaded.connect(self._on_project_loaded)
        self.panel.fork_requested.connect(self.fork)
        self.panel.edited.connect(self._on_edited)
        self.update_fork_bar()

    # ----- projects -----------------------------------------------------------------------------------
    def project_extra(self) -> dict[str, Any]:
        """The runs, for a project's `extra` dict."""
        return {RUNS_KEY: self.store.to_json()}

    def load_project(self, project: Project) -> None:
        """Show an opened project's runs; the run its weights came from continues when Train is pressed."""
        store = RunStore.from_json(project.extra.get(RUNS_KEY))
        current = store.current
        if current is None or current.end_step != project.global_step:
            store.current_id = None
        self._loaded_current = store.current_id
        self._set_store(store)

    def clear(self) -> None:
        """A new, untrained design: no runs."""
        self._loaded_current = None
        self._set_store(RunStore())

    def _set_store(self, store: RunStore) -> None:
        self.store = store
        self._fork_wanted = None
        self._force_fork = False
        self.panel.set_store(store)
        self.update_fork_bar()

    def _on_project_loaded(self, project: Project) -> None:
        # A reset still on its way when the project was opened may have cleared the current run.
        if self._loaded_current is not None and self.store.get(self._loaded_current) is not None:
            self.store.current_id = self._loaded_current
        self._loaded_current = None
        self.update_fork_bar()

    def _on_edited(self) -> None:
        self.host.set_modified()
        self.update_fork_bar()

    # ----- fork ---------------------------------------------------------------------------------------
    def fork(self, optimizer: str, learning_rate: float) -> bool:
        """Continue the current run from its present weights with `optimizer` and `learning_rate`, as a new run.

        Paused: the run is stopped (after the batch it waits before) and training restarts with the new
        settings. Idle: training starts with them. False when there is nothing to fork now."""
        host, run_state = self.host, self.document.state
        current = self.store.current
        state = self._trainer_state()
        paused = run_state == RunState.PAUSED  # the run ends where it stops (a Step may still be under way)
        if current is None or state is None or not (paused or (current.end_step
                                                               and state.global_step == current.end_step)):
            host.show_status(tr("Nothing to fork: train a run first (a fork continues it with other settings)."))
            return False
        remaining = current.plan_end_epoch - state.project.epochs_done
        epochs = remaining if remaining >= 1 else None
        if paused:
            self._fork_wanted = (optimizer, learning_rate, epochs)
            host.stop()
            host.show_status(tr("Forking {run} where it stops…").format(run=current.display_name()))
            return True
        if run_state == RunState.IDLE:
            return self._start_fork(optimizer, learning_rate, epochs)
        host.show_status(tr("Pause the run first (Space), then fork it."))
        return False

    def _start_fork(self, optimizer: str, learning_rate: float, epochs: int | None) -> bool:
        settings = self.settings
        index = settings.optimizer.findData(optimizer)
        if index < 0:
            return False
        settings.optimizer.setCurrentIndex(index)
        settings.learning_rate.setValue(learning_rate)
        self._force_fork = True
        started = self.host.start_training(epochs=epochs)
        if not started:
            self._force_fork = False
        return started

    def _on_trainer_ready(self, _ready: TrainerReady) -> None:
        self.update_fork_bar()

    def _trainer_state(self) -> TrainerState | None:
        """The worker's copy of the trainer as it last rested (a pause, the end of a run): where it stands."""
        return self.worker.state

    def update_fork_bar(self) -> None:
        """The fork bar and the hint under it, for the current run and the settings shown."""
        current = self.store.current
        trainer = self._trainer_state()
        state = self.document.state
        trained = (current is not None and trainer is not None and current.end_step > 0
                   and trainer.global_step == current.end_step)
        if state in (RunState.STARTING, RunState.TRAINING, RunState.STOPPING):
            self.panel.set_fork_target(None, reason=tr("training is running: pause it (Space) to fork it here."))
            self.panel.set_hint("")
            return
        if current is None or not trained:
            self.panel.set_fork_target(None, reason=tr("train a run first; a fork continues it with other settings."))
            self.panel.set_hint("")
            return
        if state == RunState.PAUSED:
            text = tr("Fork {run} at step {step:,} (paused): continue from these weights with")
        else:
            text = tr("Fork {run} at step {step:,} (its end): continue from these weights with")
        key = (current.id, current.end_step)
        fresh = key != self._fork_target
        self._fork_target = key
        self.panel.set_fork_target(
            text.format(run=current.display_name(), step=current.end_step),
            current.config.optimizer if fresh else None,
            current.config.learning_rate / 10 if fresh else None)
        self.panel.set_hint(self._settings_hint(current) if state == RunState.IDLE else "")

    def _settings_hint(self, current: RunRecord) -> str:
        try:
            config = self.settings.config(current.config)
        except ConfigError:
            return ""
        changes = settings_change(current.config, config)
        if changes:
            return tr("Settings changed ({changes}): Train will continue {run} as a new run forked at step {step:,}."
                      ).format(changes="; ".join(changes), run=current.display_name(), step=current.end_step)
        return tr("Train continues {run} from step {step:,}. Change the optimizer or the learning rate first, or "
                  "fork above, to branch off a new run instead.").format(run=current.display_name(),
                                                                          step=current.end_step)

    def retranslate(self) -> None:
        """The language changed: the fork bar's sentence and the hint under it."""
        self.update_fork_bar()

    # ----- the worker's events ------------------------------------------------------------------------
    def _on_started(self, event: RunStarted) -> None:
        step = event.step
        current = self.store.current
        earlier = None
        if step > 0 and (current is None or current.end_step != step):
            # Weights trained before any run here was kept: the new run takes in that training. The worker's
            # copy was made when this run started, or later: `begin` keeps its history up to `step`.
            state = self._trainer_state()
            if state is not None and state.spec.to_json() == event.spec.to_json() and state.global_step >= step:
                earlier = _history_at(state.project.history, state.global_step, step)
        run = self.store.begin(event.spec, event.config, step, event.epoch, event.steps_per_epoch, earlier,
                               self._force_fork)
        self._force_fork = False
        if run is current:
            self.panel.run_updated(run.id)  # the same run trains on
        else:
            self.panel.run_added(run)
        self.update_fork_bar()

    def _on_losses(self, batch: StepLosses) -> None:
        run = self.store.current
        if run is None:
            return
        was_paused = run.status == "paused"
        self.store.add_losses(batch.steps.astype(int), batch.losses)
        self.panel.run_updated(run.id)
        if was_paused:
            self.update_fork_bar()

    def _on_eval(self, event: Evaluated) -> None:
        run = self.store.current
        if run is not None:
            self.store.add_eval(event.row())
            self.panel.run_updated(run.id)

    def _on_epoch(self, event: EpochFinished) -> None:
        run = self.store.current
        if run is not None:
            self.store.add_epoch(event.row())
            self.panel.run_updated(run.id)

    def _on_paused(self, _event: Paused) -> None:
        run = self.store.current
        if run is None or not self.worker.run_waiting():
            return  # resumed since: the report is stale
        self.store.set_status("paused")
        self.panel.run_updated(run.id)
        self.update_fork_bar()

    def _on_finished(self, summary: RunSummary) -> None:
        run = self.store.current
        if run is not None:
            self.store.finish(summary.reason, summary.steps, summary.step_limit_reached)
            self.panel.run_updated(run.id)
        wanted, self._fork_wanted = self._fork_wanted, None
        if wanted is not None and run is not None and summary.reason == "stopped":
            run.status = "forked"
            self.panel.run_updated(run.id)
            # After the window has taken the run's end (it becomes idle in its own slot for this signal).
            QTimer.singleShot(0, lambda: self._start_fork(*wanted))
        self.update_fork_bar()

    def _on_weights_reset(self) -> None:
        run = self.store.current
        self.store.weights_reset()
        if run is not None:
            self.panel.run_updated(run.id)
        self.update_fork_bar()


def _history_at(history: History, global_step: int, step: int) -> History:
    """`history` (of weights at `global_step`) as it was at `step`: without the losses and rows of the steps after."""
    later = global_step - step
    losses = history.step_losses[:max(len(history.step_losses) - later, 0)] if later else history.step_losses
    return History(losses, [row for row in history.epochs if row.get("step", 0) <= step],
                   [row for row in history.evals if row.get("step", 0) <= step])

"""Training: Train, Pause, Step, Stop and Reset, the worker's events, and the views of the run's history.

`TrainingController` turns the run controls into requests to the training worker and the worker's events
into the document's run state (`RunState`, the live step, the epoch rows) and into the curves, the epoch
table, the status bar and the training panel's summary. What else follows the run state (the run
controls, the locked editor, the File and Data menus) listens to the document.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from playground.core.i18n import N_, tr, trn
from playground.core.training.events import (
    Diverged,
    EpochFinished,
    Evaluated,
    Paused,
    RunStarted,
    RunSummary,
    StepLosses,
)
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.document import RunState
from playground.ui.widgets.score_text import has_score, score_html, score_phrase

if TYPE_CHECKING:
    from playground.core.files.project_file import Project
    from playground.core.training.metrics import History
    from playground.ui.document import Document
    from playground.ui.shell.run_controls import RunActions
    from playground.ui.widgets.epoch_table import EpochTable
    from playground.ui.widgets.label_scores import LabelScores
    from playground.ui.widgets.message_bar import MessageBar
    from playground.ui.widgets.plots import TrainingPlots
    from playground.ui.widgets.training_status import TrainingStatus
    from playground.ui.workers.worker import TrainerReady, TrainingWorker
    from playground.ui.workspaces.train.training_panel import TrainingPanel

TEST_CHECKS_PER_EPOCH = 4
DRAW_UPDATE_INTERVAL_S = 0.5  # new weights for the Draw tab at most twice a second while training
RESET_MESSAGE = N_("Reset: the network starts from new random weights.")


@dataclass
class RunViews:
    """The views that show a run: its controls, curves, tables, status bar, summary and messages."""

    run_actions: RunActions
    panel: TrainingPanel
    plots: TrainingPlots
    epoch_table: EpochTable
    label_scores: LabelScores
    status: TrainingStatus
    setup_message: MessageBar  # data, device and settings problems
    training_message: MessageBar  # divergence and run errors


class TrainingHost(Protocol):
    """What training needs from the window."""

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes."""

    def set_modified(self) -> None:
        """The project has changed since it was saved."""

    def run_ended(self) -> None:
        """A run has ended and its weights can be read (save them, or close as asked)."""


class ModelRefresh(Protocol):
    """The views of the weights (model_views.py): told when the weights changed."""

    def refresh_weights(self) -> None: ...
    def push_model(self, weights_only: bool = False) -> None: ...


class DataSplit(Protocol):
    """The data the run trains on (data_actions.py), as used here."""

    def ensure_split(self, config: TrainingConfig, trained: bool) -> bool: ...
    def setup_error_expected(self) -> bool: ...


class HeadProblem(Protocol):
    @property
    def problem(self) -> str:
        """Why the network's output does not fit the task or the data ("" when it does)."""


class TrainingController(QObject):
    def __init__(self, document: Document, worker: TrainingWorker, views: RunViews, data: DataSplit,
                 head: HeadProblem, models: ModelRefresh, host: TrainingHost, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.worker = worker
        self.views = views
        self.data = data
        self.head = head
        self.models = models
        self.host = host
        self._run_epochs = 0
        self._max_steps: int | None = None
        self._steps_per_epoch = 0
        self._last_draw_update = 0.0
        self._reset_asked = False  # the user pressed Reset: say so when the weights are new
        self._summary: Callable[[], str] | None = None
        w = worker
        w.trainer_ready.connect(self._on_trainer_ready)
        w.history_cleared.connect(self._on_history_cleared)
        w.project_loaded.connect(self._on_project_loaded)
        w.started.connect(self._on_started)
        w.losses.connect(self._on_losses)
        w.evaluated.connect(self._on_eval)
        w.epoch_finished.connect(self._on_epoch)
        w.paused.connect(self._on_paused)
        w.diverged.connect(self._on_diverged)
        w.finished.connect(self._on_finished)
        w.error.connect(self._on_error)
        # Not a fit for the data or the task (`misfit`): the head check shows that in the training panel,
        # with the fix, and Train waits for it.

    @property
    def _bar(self) -> QStatusBar:
        return self.views.status.bar

    # ----- what the buttons do -------------------------------------------------------------------------
    def train(self) -> None:
        """Start a run with the panel's settings, or resume a paused one."""
        state = self.document.state
        if state == RunState.PAUSED:
            self.worker.resume()
            self.set_state(RunState.TRAINING)
        elif state == RunState.IDLE:
            self.start_training()

    def start_training(self, epochs: float | None = None, eval_every_steps: int | None = None,
                       single_step: bool = False) -> bool:
        """Start a run. A fractional `epochs` (e.g. 0.3) stops after that share of an epoch's steps."""
        document, views = self.document, self.views
        if document.state != RunState.IDLE:
            return False
        if views.run_actions.blocked:
            self._bar.showMessage(tr("Cannot train yet: {reason}").format(reason=views.run_actions.blocked))
            return False
        try:
            config = document.config()
            max_steps = None
            steps_per_epoch = math.ceil(document.data_info.get("train_size", 0) / config.batch_size)
            if epochs is not None:
                config = config.replace(epochs=max(1, math.ceil(epochs)))
                if not float(epochs).is_integer():
                    max_steps = max(1, round(epochs * steps_per_epoch))
            if eval_every_steps is None and config.eval_every_steps == 0 and steps_per_epoch:
                # A few cheap test checks (on a subset) per epoch, so the test curve starts
                # moving long before the first epoch ends.
                eval_every_steps = max(1, steps_per_epoch // TEST_CHECKS_PER_EPOCH)
            if eval_every_steps is not None:
                config = config.replace(eval_every_steps=eval_every_steps)
        except ConfigError as exc:
            views.setup_message.show_message(str(exc), "error")
            return False
        # A changed validation share (or seed) re-splits the data first, on untrained weights.
        self.data.ensure_split(config, trained=bool(document.trained_steps()))
        views.plots.show_learning_rate(config.lr_schedule != "constant")
        views.training_message.hide()
        self.show_summary(lambda: tr("Training… the result appears here when the run ends."))
        self._run_epochs = config.epochs
        self._max_steps = max_steps
        document.live_step = 0  # until the run says where it starts
        self.set_state(RunState.STARTING)
        self._bar.showMessage(tr("Single step…") if single_step else tr("Training…"))
        self.worker.request_run(config, single_step=single_step, max_steps=max_steps)
        self.host.set_modified()  # the weights are about to change
        return True

    def pause(self) -> None:
        if self.document.state in (RunState.STARTING, RunState.TRAINING):
            self.worker.pause()
            self.set_state(RunState.PAUSED)

    def step(self) -> None:
        """One batch: from idle it starts a run that pauses after its first step."""
        state = self.document.state
        if state == RunState.PAUSED:
            self.document.set_pause_confirmed(False)  # the trainer runs a batch, then reports "paused" again
            self.worker.step()
            self.host.set_modified()
        elif state == RunState.IDLE:
            self.start_training(single_step=True)

    def stop(self) -> None:
        if self.document.state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED):
            self.worker.stop()
            self.set_state(RunState.STOPPING)
            self._bar.showMessage(tr("Stopping after this batch…"))

    def toggle_pause(self) -> None:
        if self.document.state == RunState.PAUSED:
            self.train()
        else:
            self.pause()

    def reset(self) -> None:
        document = self.document
        if document.state != RunState.IDLE or self.views.run_actions.blocked:
            return
        steps = document.trained_steps()
        if steps and not self.host.confirm(
                tr("Reset the network?"),
                tr("The network has trained for {steps:,} steps. Reset throws those weights away "
                   "and starts again from random weights.").format(steps=steps)):
            return
        try:
            config = document.config()
        except ConfigError as exc:
            self.views.setup_message.show_message(str(exc), "error")
            return
        document.pending_project = None
        self._reset_asked = True
        if not self.data.ensure_split(config, trained=False):  # a re-split builds a fresh trainer
            self.worker.request_reset(document.spec, config)
        self.host.set_modified()

    # ----- state ---------------------------------------------------------------------------------------
    def set_state(self, state: RunState) -> None:
        self.document.set_state(state)  # the run controls, the editor's lock and the menus follow it

    def refresh_blocked(self) -> None:
        """Train waits for a valid network whose output fits the task and the data (head_check.py)."""
        message = self.document.spec_problem or self.head.problem
        self.views.run_actions.set_blocked(message)
        if message:
            self._bar.showMessage(tr("The network cannot train yet: {reason}").format(reason=message))
        elif self.document.state == RunState.IDLE:
            self._bar.showMessage(tr("Ready: press Train."))

    def data_ready(self, info: dict[str, Any]) -> None:
        self.views.panel.set_cuda_available(info["cuda_available"])
        if self.document.state == RunState.LOADING:
            self.set_state(RunState.IDLE)
            if not self.views.run_actions.blocked:
                self._bar.showMessage(tr("Ready: press Train."))

    # ----- the history on show -----------------------------------------------------------------------------
    def show_summary(self, make: Callable[[], str]) -> None:
        """The training panel's summary, built by `make` now and again when the language changes."""
        self._summary = make
        self.views.panel.set_summary(make())

    def retranslate(self) -> None:
        if self._summary is not None:
            self.views.panel.set_summary(self._summary())

    def clear_history_views(self) -> None:
        views = self.views
        views.plots.clear()
        views.epoch_table.clear_rows()
        views.label_scores.clear_rows()
        views.status.clear()
        views.training_message.hide()
        self.show_summary(lambda: tr("Not trained yet. Press Train."))
        self.document.clear_history()

    def fill_history(self, history: History, global_step: int) -> None:
        """Curves, epoch table and summary of a project's past training."""
        views = self.views
        losses = np.asarray(history.step_losses, dtype=np.float64)
        if len(losses):
            last = max(global_step, len(losses))
            views.plots.append_losses(np.arange(last - len(losses) + 1, last + 1, dtype=np.float64), losses)
        for row in history.evals:
            views.plots.add_eval(row)
        for row in history.epochs:
            views.plots.add_epoch(row)
            views.epoch_table.add_row(row)
        rows = [dict(row) for row in history.epochs]
        if rows and "test_label0_accuracy" in rows[-1]:
            views.label_scores.show_row(rows[-1])
        self.document.set_epoch_rows(rows)
        views.plots.fit()
        self.document.last_eval = history.evals[-1] if history.evals else None
        views.status.show_loaded(global_step, len(history.epochs))
        if global_step:
            self.show_summary(lambda: _describe_history(history, global_step))

    # ----- the worker's events -------------------------------------------------------------------------------
    def _on_trainer_ready(self, ready: TrainerReady) -> None:
        self.views.status.set_device(*ready.device_text)
        if ready.device_message:
            self.views.setup_message.show_message(ready.device_message, "info")
        self.models.refresh_weights()
        self.models.push_model()

    def _on_history_cleared(self) -> None:
        self.clear_history_views()
        # The weights are new: the status bar no longer tells of the last run (a reason Train waits stays).
        document = self.document
        if self._reset_asked or (document.run_message and self._bar.currentMessage() == document.run_message):
            self._reset_asked = False
            document.run_message = ""
            if self.views.run_actions.blocked:
                self.refresh_blocked()
            else:
                self._bar.showMessage(tr(RESET_MESSAGE))
        self.models.refresh_weights()
        self.models.push_model()

    def _on_project_loaded(self, project: Project) -> None:
        if project is not self.document.pending_project:
            return  # superseded: another project was opened, or the network edited, since
        self.document.pending_project = None  # the trainer holds it now
        self.clear_history_views()
        self.fill_history(project.history, project.global_step)
        self.models.refresh_weights()
        self.models.push_model()

    def _on_started(self, event: RunStarted) -> None:
        if self.document.state == RunState.STARTING:
            self.set_state(RunState.TRAINING)
        self.document.live_step = event.step
        steps_per_epoch = self._steps_per_epoch = max(event.steps_per_epoch, 1)
        steps = event.total_steps if self._max_steps is None else min(event.total_steps, self._max_steps)
        last_step = event.step + steps
        self.views.plots.begin_run(last_step, last_step / steps_per_epoch)
        self.views.status.show_started(event, event.epoch + self._run_epochs)
        if event.device_message:
            self.views.setup_message.show_message(event.device_message, "info")

    def _on_losses(self, batch: StepLosses) -> None:
        last = batch.last
        self.document.live_step = last.step
        plots = self.views.plots
        plots.append_losses(batch.steps, batch.losses)
        plots.add_learning_rates(batch.steps, batch.learning_rates)
        self.views.status.show_step(last)
        now = time.perf_counter()
        if now - self._last_draw_update >= DRAW_UPDATE_INTERVAL_S:
            self._last_draw_update = now
            self.models.push_model(weights_only=True)

    def _on_eval(self, event: Evaluated) -> None:
        row = event.row()  # the views take History rows: they show a project's too
        self.document.last_eval = row
        self.views.plots.add_eval(row)

    def _on_epoch(self, event: EpochFinished) -> None:
        row = event.row()
        views = self.views
        views.plots.add_epoch(row)
        views.epoch_table.add_row(row)
        if "label0_accuracy" in event.test:
            views.label_scores.show_row(row)
        views.status.show_epoch(event.epoch)
        self.document.add_epoch_row(row)
        self.models.refresh_weights()
        self.models.push_model(weights_only=True)

    def _on_paused(self, event: Paused) -> None:
        # Only while it still holds: after a quick Resume the trainer runs on, and the report is stale.
        if self.document.state == RunState.STOPPING or not self.worker.run_waiting():
            return
        self.set_state(RunState.PAUSED)
        self.views.plots.draw_now()  # a test check made just before the pause waits for losses that stopped
        self.document.set_pause_confirmed(True)  # it waits before its next batch: the worker's copy is current
        self.document.live_step = event.step
        self.views.status.show_paused(event)
        self._bar.showMessage(tr("Paused at step {step:,}. Train resumes; Step does one batch.").format(
            step=event.step))

    def _on_diverged(self, event: Diverged) -> None:
        self.views.training_message.show_message(event.message, "error")

    def _on_finished(self, summary: RunSummary) -> None:
        document, views = self.document, self.views
        self.set_state(RunState.IDLE)
        views.status.show_finished(summary)
        views.plots.fit()
        rows = document.epoch_rows
        finish = (summary, document.last_eval, self._steps_per_epoch, dict(rows[-1]) if rows else None)
        document.run_message = _describe_finish(*finish)[0]
        self._bar.showMessage(document.run_message)
        self.show_summary(lambda: _describe_finish(*finish)[1])
        self.models.refresh_weights()
        self.models.push_model(weights_only=True)
        self.host.run_ended()

    def _on_error(self, message: str) -> None:
        if self.data.setup_error_expected():
            return  # a stale request for a network that did not fit: the training panel says so, with the fix
        self.views.training_message.show_message(message, "error")
        if self.document.state == RunState.LOADING:  # the data could not be loaded
            self.set_state(RunState.UNAVAILABLE)
            self.views.panel.set_data_text(tr("Not loaded"))
            self._bar.showMessage(tr("No data to train on."))


def _describe_history(history: History, global_step: int) -> str:
    """Summary-panel HTML for a project opened with training behind it."""
    text = trn("<b>Trained %n epoch, {steps:,} steps.</b>", "<b>Trained %n epochs, {steps:,} steps.</b>",
               len(history.epochs)).format(steps=global_step)
    last = history.epochs[-1] if history.epochs else None
    score = score_html({k: v for k, v in (last or {}).items() if k != "train_accuracy"},
                       tr("after the last full epoch"))
    if score:
        text += f"<br>{score}"
    return text + "<br>" + tr("Train continues from these weights.")


def _describe_finish(summary: RunSummary, last_eval: dict[str, Any] | None,
                     steps_per_epoch: int, last_epoch: dict[str, Any] | None = None) -> tuple[str, str]:
    """(status-bar text, summary-panel HTML) for how a run ended; the score is the task's (accuracy,
    F1 for multi-label, R² for regression), from `last_epoch` (the last epoch row) or the summary."""
    reason = summary.reason
    if reason == "error":
        return tr("Training failed."), tr("<b>Failed.</b> {message}").format(message=summary.message or "")
    if reason == "diverged":
        return (tr("Training diverged: see the message above the plots."),
                tr("<b>Diverged</b> after {steps:,} steps. The weights from before the blow-up were restored; "
                   "lower the learning rate and train again.").format(steps=summary.steps))
    steps = summary.steps
    row = dict(last_epoch or {"test_accuracy": summary.test_accuracy, "test_loss": summary.test_loss,
                              "train_accuracy": summary.train_accuracy})
    where = tr("after the last full epoch")
    if not has_score(row) and has_score(last_eval):
        row, where = {k: v for k, v in last_eval.items() if not k.startswith("train_")}, tr("at the last check")
    score = score_phrase(row) or tr("no test score yet")
    epochs = summary.epochs_completed
    if summary.step_limit_reached and steps_per_epoch:
        head = tr("Finished: {steps:,} steps (≈{epochs:.2g} epochs)").format(steps=steps,
                                                                            epochs=steps / steps_per_epoch)
    elif reason == "completed":
        head = trn("Finished: %n epoch, {steps:,} steps", "Finished: %n epochs, {steps:,} steps",
                   epochs).format(steps=steps)
    else:
        head = trn("Stopped at step {steps:,} (%n full epoch)", "Stopped at step {steps:,} (%n full epochs)",
                   epochs).format(steps=steps)
    html = tr("<b>{head}.</b>").format(head=head)
    sentence = score_html(row, where)
    html += "<br>" + (sentence or tr("No test score yet: the first epoch has not finished."))
    return tr("{head} — {score}.").format(head=head, score=score), html

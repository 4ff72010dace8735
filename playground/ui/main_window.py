"""The main window: panels in docks and tabs around the training worker.

Layout: the model summary docks on the left (the layer-stack editor of a later issue joins it),
the training settings dock on the right, and the centre is a tab widget whose first tab holds the
live curves and the epoch table — the canvas, inside-the-network, matrix and evaluation views
of later issues become further tabs or docks. Run controls are actions in the toolbar.

Panels never talk to each other; the window wires them to the worker's signals.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication, QDockWidget, QMainWindow, QMessageBox, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from playground import APP_NAME, __version__
from playground.core.presets import DEFAULT_PRESET, Preset, load_preset, preset_names
from playground.core.spec import SpecError
from playground.core.training_config import ConfigError, TrainingConfig
from playground.ui.epoch_table import EpochTable
from playground.ui.message_bar import MessageBar
from playground.ui.model_summary import ModelSummaryPanel
from playground.ui.plots import TrainingPlots
from playground.ui.run_controls import RUNNING, RunActions, RunState
from playground.ui.status import TrainingStatus
from playground.ui.training_panel import TrainingPanel
from playground.ui.worker import TrainingWorker

if TYPE_CHECKING:
    from playground.core.datasets import DataSplits

DEFAULT_SIZE = (1400, 900)
MIN_CURVES_WIDTH = 480
TEST_CHECKS_PER_EPOCH = 4
SETTINGS_PRESET = "training/preset"
SETTINGS_CONFIG = "training/config"  # the panel's TrainingConfig as JSON
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"


class MainWindow(QMainWindow):
    """`data` skips loading (tests pass a small subset); `remember` reads and writes QSettings."""

    def __init__(self, preset: str | None = None, data_dir: Path | None = None, device: str | None = None,
                 data: "DataSplits | None" = None, remember: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._data_dir = data_dir
        self._data = data
        self._remember = remember
        self._worker_started = False
        self._closed = False
        self._state = RunState.LOADING
        self._data_info: dict[str, Any] = {}
        self._run_epochs = 0
        self._max_steps: int | None = None
        self._global_step = 0
        self._steps_per_epoch = 0
        self._last_eval: dict[str, Any] | None = None

        problems: list[str] = []
        self._presets = _load_presets(problems)
        settings = QSettings() if remember else None
        chosen = preset or (settings.value(SETTINGS_PRESET) if settings else None) or DEFAULT_PRESET
        if chosen not in self._presets:
            if preset:
                problems.append(f"No preset named '{preset}'. Available: {', '.join(self._presets)}.")
            chosen = DEFAULT_PRESET if DEFAULT_PRESET in self._presets else next(iter(self._presets))
        self._preset: Preset = self._presets[chosen]
        self._spec = self._preset.spec.copy()
        config = self._preset.training
        if settings is not None and settings.value(SETTINGS_PRESET) == chosen:
            config = _restore_config(settings, config)
        if device:
            config = config.replace(device=device)

        self._build_ui()
        self.panel.set_preset(chosen)
        self.panel.load_config(config)
        self._show_spec()
        for problem in problems:
            self.setup_message.show_message(problem, "warning")

        self.worker = TrainingWorker()
        self._connect_worker()
        # Quitting the application without closing the window (a signal, app.quit()) must also
        # end the training thread: a QThread destroyed while running aborts the process.
        # (Connected to a method of the window, which lives in the GUI thread like the caller.)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._shut_down_worker)
        self.resize(*DEFAULT_SIZE)
        self.resizeDocks([self.model_dock, self.training_dock], [470, 320], Qt.Orientation.Horizontal)
        if settings is not None:
            geometry = settings.value(SETTINGS_GEOMETRY)
            if geometry is not None:
                self.restoreGeometry(geometry)
            state = settings.value(SETTINGS_STATE)
            if state is not None:
                self.restoreState(state)
        self._set_state(RunState.LOADING)

    # ----- construction ------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        self.run_actions = RunActions(self)
        self.addToolBar(self.run_actions.make_toolbar(self))

        self.setup_message = MessageBar()  # data, device and settings problems
        self.training_message = MessageBar()  # divergence and run errors
        self.plots = TrainingPlots()
        self.epoch_table = EpochTable()
        curves = QSplitter(Qt.Orientation.Vertical)
        curves.addWidget(self.plots)
        curves.addWidget(self.epoch_table)
        curves.setStretchFactor(0, 4)
        curves.setStretchFactor(1, 1)
        curves.setSizes([640, 150])
        curves.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        curves.setMinimumWidth(MIN_CURVES_WIDTH)  # on small screens the docks give way, not the plots
        self.tabs.addTab(curves, "Training curves")
        self.tabs.setTabToolTip(0, "Loss after every batch, and loss and accuracy after every epoch.")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.setup_message)
        layout.addWidget(self.training_message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.model_summary = ModelSummaryPanel()
        self.model_dock = self._add_dock("Model", "modelDock", self.model_summary, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.panel = TrainingPanel(list(self._presets.values()))
        scroll = QScrollArea()  # small screens: the settings scroll instead of being squashed
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        self.training_dock = self._add_dock("Training", "trainingDock", scroll, Qt.DockWidgetArea.RightDockWidgetArea)

        self.status = TrainingStatus(self.statusBar())
        self._build_menus()

        self.run_actions.train.triggered.connect(self.train)
        self.run_actions.pause.triggered.connect(self.pause)
        self.run_actions.step.triggered.connect(self.step)
        self.run_actions.stop.triggered.connect(self.stop)
        self.run_actions.reset.triggered.connect(self.reset)
        self.run_actions.pause_resume.triggered.connect(self._toggle_pause)
        self.panel.preset_chosen.connect(self.choose_preset)

    def _add_dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState/restoreState find docks by name
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        train_menu = menu.addMenu("&Training")
        for action in self.run_actions.buttons():
            train_menu.addAction(action)
        view_menu = menu.addMenu("&View")
        view_menu.addAction(self.model_dock.toggleViewAction())
        view_menu.addAction(self.training_dock.toggleViewAction())
        help_menu = menu.addMenu("&Help")
        about = QAction(f"&About {APP_NAME}", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _connect_worker(self) -> None:
        w = self.worker
        w.data_ready.connect(self._on_data_ready)
        w.trainer_ready.connect(self._on_trainer_ready)
        w.history_cleared.connect(self._on_history_cleared)
        w.started.connect(self._on_started)
        w.losses.connect(self._on_losses)
        w.evaluated.connect(self._on_eval)
        w.epoch_finished.connect(self._on_epoch)
        w.paused.connect(self._on_paused)
        w.diverged.connect(self._on_diverged)
        w.finished.connect(self._on_finished)
        w.error.connect(self._on_error)

    # ----- lifecycle ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if not self._worker_started:
            self._worker_started = True
            # After the first paint: loading torch and the data must not delay the window appearing.
            QTimer.singleShot(0, self._start_worker)

    def _start_worker(self) -> None:
        if self._closed:
            return  # closed before the event loop got here
        self.worker.start()
        self.worker.request_prepare(self._spec, self._current_config(fallback=True), self._data_dir, self._data)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._remember and not self._closed:
            self._save_settings()
        self._shut_down_worker()
        super().closeEvent(event)

    def _shut_down_worker(self) -> None:
        self._closed = True
        self.worker.shutdown()

    def _save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        settings.setValue(SETTINGS_STATE, self.saveState())
        settings.setValue(SETTINGS_PRESET, self._preset.name)
        try:
            # JSON text: every QSettings back end (INI, registry, plist) keeps it exactly.
            settings.setValue(SETTINGS_CONFIG, json.dumps(self._current_config().to_json()))
        except ConfigError:
            pass  # an out-of-range value is not worth remembering

    # ----- public: what the buttons do (also used by tests and the screenshot) ---------------------------
    @property
    def state(self) -> RunState:
        return self._state

    @property
    def preset(self) -> Preset:
        return self._preset

    @property
    def data_info(self) -> dict[str, Any]:
        """What the worker reported when the data was loaded (empty before): dataset name and sizes."""
        return dict(self._data_info)

    def train(self) -> None:
        """Start a run with the panel's settings, or resume a paused one."""
        if self._state == RunState.PAUSED:
            self.worker.resume()
            self._set_state(RunState.TRAINING)
        elif self._state == RunState.IDLE:
            self.start_training()

    def start_training(self, epochs: float | None = None, eval_every_steps: int | None = None,
                       single_step: bool = False) -> bool:
        """Start a run. A fractional `epochs` (e.g. 0.3) stops after that share of an epoch's steps."""
        if self._state != RunState.IDLE:
            return False
        try:
            config = self._current_config()
            max_steps = None
            steps_per_epoch = math.ceil(self._data_info.get("train_size", 0) / config.batch_size)
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
            self.setup_message.show_message(str(exc), "error")
            return False
        self.training_message.hide()
        self.panel.set_summary("Training… the result appears here when the run ends.")
        self._run_epochs = config.epochs
        self._max_steps = max_steps
        self._set_state(RunState.STARTING)
        self.status.bar.showMessage("Single step…" if single_step else "Training…")
        self.worker.request_run(config, single_step=single_step, max_steps=max_steps)
        return True

    def pause(self) -> None:
        if self._state in (RunState.STARTING, RunState.TRAINING):
            self.worker.pause()
            self._set_state(RunState.PAUSED)

    def step(self) -> None:
        """One batch: from idle it starts a run that pauses after its first step."""
        if self._state == RunState.PAUSED:
            self.worker.step()
        elif self._state == RunState.IDLE:
            self.start_training(single_step=True)

    def stop(self) -> None:
        if self._state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED):
            self.worker.stop()
            self._set_state(RunState.STOPPING)
            self.status.bar.showMessage("Stopping after this batch…")

    def reset(self) -> None:
        if self._state != RunState.IDLE:
            return
        if self._global_step and not self._confirm(
                "Reset the network?",
                f"The network has trained for {self._global_step:,} steps. Reset throws those weights away "
                "and starts again from random weights."):
            return
        try:
            config = self._current_config()
        except ConfigError as exc:
            self.setup_message.show_message(str(exc), "error")
            return
        self.worker.request_reset(self._spec, config)

    def choose_preset(self, name: str) -> None:
        """Switch to another preset's network and settings (the new network is untrained)."""
        if name == self._preset.name or name not in self._presets:
            return
        if self._state in RUNNING or (self._global_step and not self._confirm(
                "Switch to another network?",
                f"The current network has trained for {self._global_step:,} steps. "
                "Switching to another preset throws those weights away.")):
            self.panel.set_preset(self._preset.name)
            return
        device = self.panel.device.currentData()
        self.panel.set_preset(name)
        self._preset = self._presets[name]
        self._spec = self._preset.spec.copy()
        config = self._preset.training.replace(device=device)
        self.panel.load_config(config)
        self._show_spec()
        if self._state != RunState.UNAVAILABLE and self._worker_started:
            self.worker.request_configure(self._spec, config)

    # ----- worker events -----------------------------------------------------------------------------
    def _on_data_ready(self, info: dict[str, Any]) -> None:
        self._data_info = info
        self.panel.set_cuda_available(info["cuda_available"])
        self.panel.set_data_text(
            f"{info['dataset']}: {info['train_size']:,} training, {info['test_size']:,} test images"
            + (f", {info['validation_size']:,} validation" if info.get("validation_size") else ""))
        if self._state == RunState.LOADING:
            self._set_state(RunState.IDLE)
            self.status.bar.showMessage("Ready: press Train.")

    def _on_trainer_ready(self, info: dict[str, Any]) -> None:
        self.status.set_device(info["device"])
        if info.get("device_message"):
            self.setup_message.show_message(info["device_message"], "info")

    def _on_history_cleared(self) -> None:
        self._global_step = 0
        self._last_eval = None
        self.plots.clear()
        self.epoch_table.clear_rows()
        self.status.clear()
        self.training_message.hide()
        self.panel.set_summary("Not trained yet. Press Train.")

    def _on_started(self, payload: dict[str, Any]) -> None:
        if self._state == RunState.STARTING:
            self._set_state(RunState.TRAINING)
        steps_per_epoch = self._steps_per_epoch = max(payload["steps_per_epoch"], 1)
        steps = payload["total_steps"] if self._max_steps is None else min(payload["total_steps"], self._max_steps)
        last_step = payload["step"] + steps
        self.plots.begin_run(last_step, last_step / steps_per_epoch)
        self.status.show_started(payload, payload["epoch"] + self._run_epochs)
        if payload.get("device_message"):
            self.setup_message.show_message(payload["device_message"], "info")

    def _on_losses(self, losses: np.ndarray, step: dict[str, Any]) -> None:
        last = step["step"]
        steps = np.arange(last - len(losses) + 1, last + 1, dtype=np.float64)
        self.plots.append_losses(steps, losses)
        self.status.show_step(step)
        self._global_step = last

    def _on_eval(self, row: dict[str, Any]) -> None:
        self._last_eval = row
        self.plots.add_eval(row)

    def _on_epoch(self, row: dict[str, Any]) -> None:
        self.plots.add_epoch(row)
        self.epoch_table.add_row(row)
        self.status.show_epoch(row)

    def _on_paused(self, payload: dict[str, Any]) -> None:
        if self._state != RunState.STOPPING:
            self._set_state(RunState.PAUSED)
        self.status.show_paused(payload)
        self.status.bar.showMessage(f"Paused at step {payload['step']:,}. Train resumes; Step does one batch.")

    def _on_diverged(self, payload: dict[str, Any]) -> None:
        self.training_message.show_message(payload["message"], "error")

    def _on_finished(self, summary: dict[str, Any]) -> None:
        self._set_state(RunState.IDLE)
        self.status.show_finished(summary)
        self.plots.fit()
        text, html = _describe_finish(summary, self._last_eval, self._steps_per_epoch)
        self.status.bar.showMessage(text)
        self.panel.set_summary(html)

    def _on_error(self, message: str) -> None:
        self.training_message.show_message(message, "error")
        if self._state == RunState.LOADING:  # the data could not be loaded
            self._set_state(RunState.UNAVAILABLE)
            self.panel.set_data_text("Not loaded")
            self.status.bar.showMessage("No data to train on.")

    # ----- helpers -----------------------------------------------------------------------------------
    def _set_state(self, state: RunState) -> None:
        self._state = state
        self.run_actions.set_state(state)
        self.panel.set_editable(state not in RUNNING)

    def _toggle_pause(self) -> None:
        if self._state == RunState.PAUSED:
            self.train()
        else:
            self.pause()

    def _current_config(self, fallback: bool = False) -> TrainingConfig:
        try:
            return self.panel.config(self._preset.training)
        except ConfigError:
            if fallback:
                return self._preset.training
            raise

    def _show_spec(self) -> None:
        self.model_summary.set_spec(self._spec, self._preset.title, self._preset.description)
        self.setWindowTitle(f"{self._preset.title} — {APP_NAME}")

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Stack layers, watch a real PyTorch network learn, live.</p>"
            "<p>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and "
            "Christopher J. C. Burges, distributed under the Creative Commons "
            "Attribution-Share Alike 3.0 license.</p>",
        )


def _load_presets(problems: list[str]) -> dict[str, Preset]:
    presets = {}
    for name in preset_names():
        try:
            presets[name] = load_preset(name)
        except (SpecError, ValueError, OSError) as exc:
            problems.append(f"The preset '{name}' could not be read: {exc}")
    return presets


def _restore_config(settings: QSettings, base: TrainingConfig) -> TrainingConfig:
    """The settings used last time, as long as they are still valid; else the preset's."""
    try:
        saved = json.loads(str(settings.value(SETTINGS_CONFIG, "")))
        return TrainingConfig.from_json({**base.to_json(), **saved})
    except (ValueError, TypeError):  # ConfigError and JSONDecodeError are ValueErrors
        return base


def _describe_finish(summary: dict[str, Any], last_eval: dict[str, Any] | None,
                     steps_per_epoch: int) -> tuple[str, str]:
    """(status-bar text, summary-panel HTML) for how a run ended."""
    reason = summary.get("reason")
    if reason == "error":
        return "Training failed.", f"<b>Failed.</b> {summary.get('message', '')}"
    if reason == "diverged":
        return ("Training diverged: see the message above the plots.",
                f"<b>Diverged</b> after {summary.get('steps', 0):,} steps. The weights from before the "
                "blow-up were restored; lower the learning rate and train again.")
    steps = summary.get("steps", 0)
    accuracy, loss, where = summary.get("test_accuracy"), summary.get("test_loss"), "after the last full epoch"
    if accuracy is None and last_eval is not None:
        accuracy, loss, where = last_eval["test_accuracy"], last_eval["test_loss"], "at the last check"
    score = (f"test accuracy {accuracy:.1%}" if accuracy is not None else "no test score yet")
    if summary.get("step_limit_reached") and steps_per_epoch:
        head = f"Finished: {steps:,} steps (≈{steps / steps_per_epoch:.2g} epochs)"
    elif reason == "completed":
        head = f"Finished: {summary.get('epochs_completed', 0)} epochs, {steps:,} steps"
    else:
        head = f"Stopped at step {steps:,} ({summary.get('epochs_completed', 0)} full epochs)"
    html = f"<b>{head}.</b>"
    if accuracy is not None:
        html += f"<br>Test accuracy <b>{accuracy:.2%}</b> (loss {loss:.3f}) {where}."
        if summary.get("train_accuracy") is not None:
            html += f"<br>Train accuracy {summary['train_accuracy']:.2%}."
    else:
        html += "<br>No test score yet: the first epoch has not finished."
    return f"{head} — {score}.", html

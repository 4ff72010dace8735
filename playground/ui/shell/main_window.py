"""The main window: it makes the document, the worker, the controllers and the views, and wires them.

Where the views are on screen, and which is in view, is the layout's (`window_layout.py`, the base class):
five workspaces, chosen from a bar on the left, with a side column (`workspaces.py`).

The state lives in the document (`playground/ui/document.py`); the behaviour in controllers that receive
the document, the worker, the views they drive and a narrow protocol for what they need from the window:
`TrainingController` (train, pause, step, stop, reset and the worker's events), `DesignController`
(presets, edits, projects shown), `ModelViews` (the views of the trained weights), `DataActions` (the
Data menu), `HeadCheck` (the output against the task), `ProjectActions` (the File menu), `RunTracker`
(the Runs tab). The window implements those protocols by handing each call to its owner.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from playground.core.files.project_file import PROJECT_SUFFIX, Project
from playground.core.i18n import tr
from playground.ui.document import Document, RunState
from playground.ui.shell.autosave import Autosave, resolve_data_dir
from playground.ui.shell.data_actions import DataActions
from playground.ui.shell.design_controller import DesignController, initial_design, remembered_json
from playground.ui.shell.head_check import HeadCheck
from playground.ui.shell.learn_demos import LearnDemos
from playground.ui.shell.model_views import ModelViews
from playground.ui.shell.project_actions import ProjectActions
from playground.ui.shell.tensorboard_switch import TensorBoardSwitch
from playground.ui.shell.training_controller import RunViews, TrainingController
from playground.ui.shell.window_comfort import WindowComfort
from playground.ui.shell.window_layout import WindowLayout
from playground.ui.workers import main_thread_gc
from playground.ui.workers.worker import TrainingWorker
from playground.ui.workspaces.runs.experiments_panel import TAB_TIP as EXPERIMENTS_TAB_TIP
from playground.ui.workspaces.runs.experiments_panel import TAB_TITLE as EXPERIMENTS_TAB_TITLE
from playground.ui.workspaces.runs.experiments_panel import ExperimentsPanel
from playground.ui.workspaces.runs.run_tracking import TAB_TIP as RUNS_TAB_TIP
from playground.ui.workspaces.runs.run_tracking import TAB_TITLE as RUNS_TAB_TITLE
from playground.ui.workspaces.runs.run_tracking import RunTracker
from playground.ui.workspaces.runs.runs_export import RunsMenu
from playground.ui.workspaces.runs.sweep_panel import TAB_TIP as SWEEP_TAB_TIP
from playground.ui.workspaces.runs.sweep_panel import TAB_TITLE as SWEEP_TAB_TITLE
from playground.ui.workspaces.runs.sweep_panel import SweepPanel, WindowSweepHost

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits
    from playground.core.model.presets import Preset
    from playground.core.model.spec import ModelSpec
    from playground.core.training.metrics import History
    from playground.core.training.training_config import TrainingConfig
    from playground.ui.dialogs.preferences import PreferencesManager

DEFAULT_SIZE = (1400, 900)
WORKER_START_FALLBACK_MS = 1000  # the worker starts at the first paint, or after this if none comes
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
STATE_VERSION = 2  # 1 (Qt's default): the window with docks, before workspaces
SETTINGS_PLAYGROUND = "playground/state"  # the Playground tab's controls as JSON (ui/playground_state.py)


class MainWindow(LearnDemos, WindowLayout):
    """`data` skips loading (tests pass a small subset); `remember` reads and writes QSettings.

    `app_data_dir` is where the autosave file goes (default: $NN_PLAYGROUND_DATA_DIR, else the
    platform's app data folder); `autosave=False` turns autosave and crash recovery off (screenshots).
    """

    preferences: PreferencesManager  # set by WindowComfort: the hook for translations (language_changed)

    def __init__(self, preset: str | None = None, data_dir: Path | None = None, device: str | None = None,
                 data: DataSplits | None = None, remember: bool = True, parent: QWidget | None = None,
                 app_data_dir: Path | None = None, autosave: bool = True):
        super().__init__(parent)
        main_thread_gc.install()  # Python cycles holding Qt objects are freed on this thread only
        self._data_dir = data_dir
        self._data = data
        self._remember = remember
        self._worker_start_scheduled = False
        self._closed = False
        self._discarding = False  # close without the unsaved-changes question
        self._close_after_save = False  # closing asked to save while a run was active: save when it stops
        self._interrupted = False  # closing without questions, keeping unsaved work for recovery
        settings = QSettings() if remember else None
        presets, chosen, config, problems = initial_design(preset, device, settings)
        self.worker = TrainingWorker()
        self.document = Document(presets, chosen, self.worker, self)

        self._build_ui()
        self.document.set_config_reader(self.panel.config)
        if settings is not None:
            self.playground.restore_state(remembered_json(settings, SETTINGS_PLAYGROUND))
        self.project_actions = ProjectActions(
            self, self, settings, Autosave(resolve_data_dir(app_data_dir)) if autosave else None)
        self.project_actions.title_changed.connect(self.setWindowTitle)
        self.setWindowTitle(self.project_actions.title())
        self._build_menus()
        self._make_controllers()
        self._connect()
        self.design.start(config)
        for problem in problems:
            self.setup_message.show_message(problem, "warning")
        self.experiments_panel = ExperimentsPanel(data_provider=self._experiment_data)  # the notes' claims, tested
        self.experiments_panel.multilabel_requested.connect(self.show_multilabel_comparison)
        self.add_runs_view(self.runs.panel, RUNS_TAB_TITLE, RUNS_TAB_TIP)
        self.add_runs_view(self.experiments_panel, EXPERIMENTS_TAB_TITLE, EXPERIMENTS_TAB_TIP)
        # Sweeps (issue 19): the Sweep view, the Runs menu (Sweep…, Export CSV…), Training ▸ TensorBoard logs.
        self.sweep_panel = SweepPanel(WindowSweepHost(self.document, self.runs, self.show_widget,
                                                       self.project_actions.take_over))
        self.add_runs_view(self.sweep_panel, SWEEP_TAB_TITLE, SWEEP_TAB_TIP)
        self.runs_menu = RunsMenu(self, lambda: self.runs.store, lambda: self.show_widget(self.sweep_panel), self, self)
        self.add_menu(self.runs_menu.menu)
        self.tensorboard = TensorBoardSwitch(self, self.worker, self.training_menu, settings, self)
        # Preferences, Learn, the tour, the workspaces' keys and remembered choices.
        self.comfort = WindowComfort(self, settings)
        # Quitting the application without closing the window (a signal, app.quit()) must also
        # end the training thread: a QThread destroyed while running aborts the process.
        # (Connected to a method of the window, which lives in the GUI thread like the caller.)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)
        self.setAcceptDrops(True)  # a .nnp file dropped anywhere on the window opens it
        self.resize(*DEFAULT_SIZE)
        if settings is not None:
            # Qt reads back what it wrote (bytes); anything else (an edited file) is dropped quietly.
            geometry = settings.value(SETTINGS_GEOMETRY)
            if isinstance(geometry, (QByteArray, bytes)):
                self.restoreGeometry(geometry)
            # The toolbar's state; a state saved before workspaces (another version, with docks) is ignored.
            state = settings.value(SETTINGS_STATE)
            if isinstance(state, (QByteArray, bytes)):
                self.restoreState(state, STATE_VERSION)
        self._workspace_changed(self.workspaces.current().name)
        self.document.set_state(RunState.LOADING)

    # ----- construction ------------------------------------------------------------------------------
    def _make_controllers(self) -> None:
        """The objects that hold the behaviour; each gets the document, the worker, its views and the window
        as the host of its narrow protocol."""
        document, worker = self.document, self.worker
        views = RunViews(self.run_actions, self.panel, self.plots, self.epoch_table, self.label_scores, self.status,
                         self.setup_message, self.training_message)
        # The output layer's fit to the task; the Data menu and imported data (before the first design).
        self.head_check = HeadCheck(document, worker, self.editor, self.panel, views, self, self)
        self.data_actions = DataActions(self, document, worker, self.panel, self.status, self.setup_message,
                                        self.head_check, self, self._data_dir)
        self.models = ModelViews(document, worker, self.diagram, self.panel, self.training_message,
                                 self.data_actions, self, self)
        self.training = TrainingController(document, worker, views, self.data_actions, self.head_check,
                                           self.models, self, self)
        # Every run kept with its settings, overlaid and forked: the Runs tab.
        self.runs = RunTracker(document, worker, self.panel, self, self)
        self.design = DesignController(document, worker, self.editor, self.panel, self.code_view, self.diagram,
                                       self.head_check, self.data_actions, self.training, self.models, self.runs,
                                       self.preset_actions, self, self)

    def _connect(self) -> None:
        """What follows the document's state, and what the views ask for."""
        document = self.document
        document.state_changed.connect(self.run_actions.set_state)
        document.state_changed.connect(self.design.lock)
        document.state_changed.connect(self.project_actions.update_enabled)
        document.state_changed.connect(self.data_actions.update_enabled)
        document.pause_confirmed_changed.connect(self.project_actions.update_enabled)
        self.head_check.problem_changed.connect(self.training.refresh_blocked)
        self.panel.settings_changed.connect(self.runs.update_fork_bar)
        self.code_view.save_requested.connect(self.project_actions.export)
        self.view_changed.connect(self.models.refresh_visible_views)
        self.worker.data_ready.connect(self._on_data_ready)

    # ----- lifecycle ---------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if not self._worker_start_scheduled:
            self._worker_start_scheduled = True
            # Started by the first paint (below): importing torch in the worker thread holds the GIL
            # most of the time, and begun before the paint it delayed the window by ~0.3 s. A window
            # that is shown but never painted (minimised) starts it after a moment anyway.
            QTimer.singleShot(WORKER_START_FALLBACK_MS, self._start_worker)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        super().paintEvent(event)
        if self._worker_start_scheduled and not self.document.worker_started:
            QTimer.singleShot(0, self._start_worker)  # after this paint pass has reached the screen

    def _start_worker(self) -> None:
        document = self.document
        if self._closed or document.worker_started:
            return  # closed before the event loop got here, or started already
        document.worker_started = True
        self.worker.start()
        self.worker.request_prepare(document.spec, document.config(fallback=True), self._data_dir, self._data)
        if document.pending_project is not None and self.editor.report().ok:
            self.worker.request_load_project(document.pending_project)  # opened before the window was shown
        # After the worker has its first requests, so a recovered project loads right after the data.
        QTimer.singleShot(0, self.project_actions.offer_recovery)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            if not (self._discarding or self._interrupted) and not self._may_close():
                event.ignore()
                return
            if self._remember:
                self._save_settings()
            self._end_session(keep_for_recovery=self._interrupted)
        super().closeEvent(event)

    def close_discarding(self) -> None:
        """Close without asking about unsaved changes (screenshots, tests); the autosave is deleted too."""
        self._discarding = True
        self.close()

    def interrupt(self) -> None:
        """Close now, without questions (Ctrl+C in the terminal). Unsaved work goes to the autosave
        file once the run has stopped, and the next start offers to recover it."""
        self._interrupted = True
        self.close()

    def _on_about_to_quit(self) -> None:
        """The application quits without the window being closed first (app.quit(), the session ends)."""
        if not self._closed:
            self._end_session(keep_for_recovery=True)

    def _end_session(self, keep_for_recovery: bool) -> None:
        self._shut_down_worker()  # first: with the run ended, the trainer can be read for the autosave
        self.experiments_panel.shutdown()
        self.sweep_panel.shutdown()
        self.playground.shutdown()
        if self.multilabel_view is not None:
            self.multilabel_view.shutdown()
        self.models.shutdown()
        if keep_for_recovery:
            self.project_actions.keep_for_recovery()
        else:
            self.project_actions.end_session()

    def _may_close(self) -> bool:
        answer = self.project_actions.ask_unsaved(tr("closing"))
        if answer == QMessageBox.StandardButton.Save and self.save_blocker():
            # The run is stopped first (within a batch); saving and closing follow when it has ended.
            self._close_after_save = True
            self.stop()
            self.status.bar.showMessage(tr("Stopping the run, then saving and closing…"))
            return False
        if answer == QMessageBox.StandardButton.Save:
            return self.project_actions.save()
        return answer == QMessageBox.StandardButton.Discard

    def _shut_down_worker(self) -> None:
        self._closed = True
        self.worker.shutdown()

    def _save_settings(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        settings.setValue(SETTINGS_STATE, self.saveState(STATE_VERSION))
        self.design.save_settings(settings)
        self.comfort.save(settings)
        playground = self.playground.state()
        if playground is not None:  # None: the tab was never opened, and what was remembered stays
            settings.setValue(SETTINGS_PLAYGROUND, json.dumps(playground))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _project_file(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _project_file(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Not inside the drop: the questions opening may ask must not block the dragging application.
        QTimer.singleShot(0, lambda: self.project_actions.open_path(path))

    # ----- public: what the buttons do (also used by tests and the screenshot) ---------------------------
    @property
    def state(self) -> RunState:
        return self.document.state

    @property
    def preset(self) -> Preset:
        """The preset chosen last (the network may have been edited since)."""
        return self.document.preset

    @property
    def spec(self) -> ModelSpec:
        """A copy of the current network (what Train trains, once it is valid)."""
        return self.document.spec.copy()

    @property
    def data_info(self) -> dict[str, Any]:
        """What the worker reported when the data was loaded (empty before): dataset name and sizes."""
        return dict(self.document.data_info)

    @property
    def drawings(self) -> list[dict[str, Any]]:
        """The labelled drawings stored in the project (malformed entries from a file are skipped)."""
        return self.document.drawings

    @property
    def last_job_threads(self) -> dict[str, int]:
        return self.models.last_job_threads  # job → thread id that ran it (tests)

    def train(self) -> None:
        """Start a run with the panel's settings, or resume a paused one."""
        self.training.train()

    def start_training(self, epochs: float | None = None, eval_every_steps: int | None = None,
                       single_step: bool = False) -> bool:
        """Start a run. A fractional `epochs` (e.g. 0.3) stops after that share of an epoch's steps."""
        return self.training.start_training(epochs, eval_every_steps, single_step)

    def pause(self) -> None:
        self.training.pause()

    def step(self) -> None:
        self.training.step()

    def stop(self) -> None:
        self.training.stop()

    def reset(self) -> None:
        self.training.reset()

    def choose_preset(self, name: str) -> None:
        self.design.choose_preset(name)

    def evaluate_test_set(self) -> bool:
        return self.models.evaluate_test_set()

    # ----- the controllers' hosts (ProjectHost, DataHost, TrainingHost, …) ---------------------------------
    def current_project(self) -> Project:
        return self.document.project(self.runs.project_extra())

    def show_project(self, project: Project) -> None:
        self.design.show_project(project)

    def new_design(self) -> None:
        self.design.new_design()

    def export_inputs(self) -> tuple[ModelSpec, TrainingConfig, str, dict[str, Any] | None]:
        return self.design.export_inputs()

    def save_blocker(self) -> str:
        return self.document.save_blocker()

    def replace_blocker(self) -> str:
        return self.document.replace_blocker()

    def show_status(self, text: str) -> None:
        self.status.bar.showMessage(text, 8000)

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def set_modified(self) -> None:
        self.project_actions.set_modified()

    def fill_history(self, history: History, global_step: int) -> None:
        self.training.fill_history(history, global_step)

    def add_menu(self, menu: QMenu) -> None:
        """Another menu, before Training (the menu of the run actions)."""
        self.menuBar().insertMenu(self.training_menu.menuAction(), menu)

    def run_ended(self) -> None:
        if self._close_after_save:
            self._close_after_save = False
            if self.project_actions.save():
                self.close()
            return
        self.project_actions.autosave_now()

    # ----- the worker's data; the views that need torch ----------------------------------------------------
    def _on_data_ready(self, info: dict[str, Any]) -> None:
        self.document.data_info = info
        self._build_model_panels()
        self.data_actions.data_ready(info)  # the panel's data line, the status bar, the tasks offered
        self.models.data_ready()
        self.training.data_ready(info)
        self.design.update_design_views()  # the script names the data set

    def _experiment_data(self) -> DataSplits | None:
        from playground.core.data.datasets import digit_splits

        # Only a data set of 28×28 digits fits the experiments' networks; else the shipped MNIST.
        return digit_splits(self.worker.data)


def _project_file(mime: QMimeData) -> Path | None:
    """The first local .nnp file among dragged URLs."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PROJECT_SUFFIX):
            return Path(url.toLocalFile())
    return None

"""The main window: panels in docks and tabs around the training worker.

Layout: the layer-stack editor docks on the left ("Network"), the training settings on the right,
and the centre is a tab widget — live curves and the epoch table, the network diagram, and the
PyTorch code the design exports to. Run controls are actions in the toolbar; the File menu's logic
lives in `project_actions.py`.

Panels never talk to each other; the window wires them to each other's signals and to the worker's.
The window owns the *current spec*: the editor proposes one with every edit, and the window accepts
it (asking first when that throws trained weights away), tells the worker, and updates the views.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from playground import APP_NAME, __version__
from playground.core.events import Diverged, EpochFinished, Evaluated, Paused, RunStarted, RunSummary, StepLosses
from playground.core.i18n import N_, tr, trn
from playground.core.metrics import History
from playground.core.presets import DEFAULT_PRESET, Preset, load_preset, preset_names
from playground.core.project_file import PROJECT_SUFFIX, Project
from playground.core.spec import ModelSpec, SpecError
from playground.core.training_config import ConfigError, TrainingConfig
from playground.ui import main_thread_gc
from playground.ui.autosave import Autosave, resolve_data_dir
from playground.ui.code_view import CodeView
from playground.ui.data_actions import DataActions
from playground.ui.draw_panel import DrawPanel
from playground.ui.epoch_table import EpochTable
from playground.ui.experiments_panel import TAB_TIP as EXPERIMENTS_TAB_TIP
from playground.ui.experiments_panel import TAB_TITLE as EXPERIMENTS_TAB_TITLE
from playground.ui.experiments_panel import ExperimentsPanel
from playground.ui.head_check import HeadCheck
from playground.ui.label_scores import LabelScores
from playground.ui.layer_commands import same_spec
from playground.ui.layer_editor import LayerStackEditor
from playground.ui.learn_demos import LearnDemos
from playground.ui.message_bar import MessageBar
from playground.ui.model_jobs import (
    EvaluationResult,
    InspectionResult,
    LatestJobRunner,
    evaluate,
    inspect_model,
    numpy_state,
)
from playground.ui.network_diagram import NetworkDiagram
from playground.ui.playground_panel import PlaygroundPanel
from playground.ui.plots import TrainingPlots
from playground.ui.preferences import load_preferences
from playground.ui.project_actions import ProjectActions
from playground.ui.run_controls import RUNNING, RunActions, RunState
from playground.ui.run_tracking import TAB_TIP as RUNS_TAB_TIP
from playground.ui.run_tracking import TAB_TITLE as RUNS_TAB_TITLE
from playground.ui.run_tracking import RunTracker
from playground.ui.score_text import has_score, score_html, score_phrase
from playground.ui.status import TrainingStatus
from playground.ui.training_panel import TrainingPanel
from playground.ui.window_comfort import TAB_KEY, TAB_TIP, WindowComfort
from playground.ui.worker import HIDDEN_SNAPSHOT_HZ, SNAPSHOT_HZ, TrainerReady, TrainerState, TrainingWorker

if TYPE_CHECKING:
    from playground.core.datasets import DataSplits
    from playground.ui.evaluation_panel import EvaluationPanel
    from playground.ui.inside_panel import InsidePanel
    from playground.ui.learning_panel import LearningPanel
    from playground.ui.matrix_panel import MatrixPanel
    from playground.ui.preferences import PreferencesManager

DEFAULT_SIZE = (1400, 900)
# Minimum widths that let the editor, the centre tabs and the settings share a 1024-pixel screen.
MIN_CURVES_WIDTH = 420
MIN_EDITOR_WIDTH = 300
TEST_CHECKS_PER_EPOCH = 4
WORKER_START_FALLBACK_MS = 1000  # the worker starts at the first paint, or after this if none comes
SETTINGS_PRESET = "training/preset"
SETTINGS_CONFIG = "training/config"  # the panel's TrainingConfig as JSON
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_PLAYGROUND = "playground/state"  # the Playground tab's controls as JSON (ui/playground_state.py)


LOCK_REASON = N_("Stop training to change the network.")
PRESET_LOCK_REASON = N_("Stop training to load a preset.")
RESET_MESSAGE = N_("Reset: the network starts from new random weights.")
DRAWINGS_KEY = "drawings"  # the Draw tab's labelled drawings: [{"label": int, "image": 28×28 uint8 lists}]
DRAW_UPDATE_INTERVAL_S = 0.5  # new weights for the Draw tab at most twice a second while training
ADD_EXAMPLE_TIP = N_("Add this drawing, as the network sees it (28×28), with the label chosen above to the "
                     "training data: the network trains on it from the next epoch on, and it is kept in the "
                     "project file (File → Save).")
# The centre tabs: key (the English title, the same in every language: settings, Go To Tab, the tour and
# the Learn demos find tabs by it) → tooltip. Both are shown translated.
TAB_CURVES, TAB_PLAYGROUND, TAB_DIAGRAM, TAB_DRAW = N_("Training curves"), N_("Playground"), N_("Diagram"), N_("Draw")
TAB_INSIDE, TAB_MATRICES, TAB_EVALUATION, TAB_CODE = N_("Inside"), N_("Matrices"), N_("Evaluation"), N_("PyTorch code")
TAB_TIPS = {
    TAB_CURVES: N_("Loss after every batch, and loss and accuracy after every epoch."),
    TAB_PLAYGROUND: N_("TensorFlow Playground on PyTorch: 2-D data sets, input features, hidden units and the "
                       "decision boundary as a small network learns."),
    TAB_DIAGRAM: N_("The network drawn as columns of units; after training, the weights are coloured by sign and "
                    "drawn thicker the larger they are."),
    TAB_DRAW: N_("Draw a digit (or load one) and see what the network answers."),
    TAB_INSIDE: N_("Every layer's output for the drawn digit, the forward pass step by step, and the weights and "
                   "gradients as the network learns."),
    TAB_MATRICES: N_("Matrix products, laws and tensors; a dense layer of the model as x·Wᵀ + b with its real "
                     "weights."),
    TAB_EVALUATION: N_("Classify the whole test set: confusion matrix, accuracy per class and the digits the network "
                       "gets wrong."),
    TAB_CODE: N_("The same network and training settings as a PyTorch script."),
}
INSIDE_TABS = (  # the Inside tab's own tabs: (title, tooltip)
    (N_("This digit"), N_("What each layer makes of the digit on the Draw tab.")),
    (N_("While it learns"), N_("Weights, gradients, filters and health checks, live while training.")),
)


class MainWindow(LearnDemos, QMainWindow):
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
        self._worker_started = False  # the worker's thread runs and has its first requests
        self._worker_start_scheduled = False
        self._closed = False
        self._discarding = False  # close without the unsaved-changes question
        self._close_after_save = False  # closing asked to save while a run was active: save when it stops
        self._interrupted = False  # closing without questions, keeping unsaved work for recovery
        self._state = RunState.LOADING
        self._pause_confirmed = False  # the trainer has reported that it is waiting (its copy is current)
        self._live_step = 0  # the global step of the run under way, as its events tell it
        self._data_info: dict[str, Any] = {}
        self._run_epochs = 0
        self._max_steps: int | None = None
        self._steps_per_epoch = 0
        self._last_eval: dict[str, Any] | None = None
        # An opened project the worker has not taken over yet (or could not): saving uses its weights.
        self._pending_project: Project | None = None
        self._extra: dict[str, Any] = {}  # project data of other features, kept from the file opened
        self._loading_document = False  # open/new set the editor and panel: not user edits
        self._weights_stale = True
        self._epoch_rows: list[dict[str, Any]] = []  # for the evaluation tab's over-fitting alert
        self._draw_spec_json: str | None = None  # the network the Draw tab predicts with (None: none)
        self._last_draw_update = 0.0
        self._inspection_stale = True  # the Inside and Matrices tabs wait to be shown to be refreshed
        self._inspected_image: np.ndarray | None = None  # the canvas digit the Inside tab looks at
        self._spec_problem = ""  # why the network itself can't train ("" when it can)
        self._run_message = ""  # the status bar's account of the last run (replaced when its weights go)
        self._reset_asked = False  # the user pressed Reset: say so when the weights are new
        self.last_job_threads: dict[str, int] = {}  # job → thread id that ran it (tests)

        problems: list[str] = []
        self._presets = _load_presets(problems)
        settings = QSettings() if remember else None
        chosen = preset or (settings.value(SETTINGS_PRESET) if settings else None) or DEFAULT_PRESET
        if chosen not in self._presets:
            if preset:
                problems.append(tr("No preset named '{name}'. Available: {names}.").format(
                    name=preset, names=", ".join(self._presets)))
            chosen = DEFAULT_PRESET if DEFAULT_PRESET in self._presets else next(iter(self._presets))
        self._preset: Preset = self._presets[chosen]
        self._base_config = self._preset.training  # settings the panel does not show come from here
        self._spec = self._preset.spec.copy()
        config = self._preset.training
        if settings is not None and settings.value(SETTINGS_PRESET) == chosen:
            config = _restore_config(settings, config)
        if settings is not None:  # Preferences ▸ Default device: the device the window starts with
            config = config.replace(device=load_preferences(settings).device)
        if device:
            config = config.replace(device=device)

        self._build_ui()
        if settings is not None:
            self.playground.restore_state(_remembered_json(settings, SETTINGS_PLAYGROUND))
        self.project_actions = ProjectActions(
            self, self, settings, Autosave(resolve_data_dir(app_data_dir)) if autosave else None)
        self.project_actions.title_changed.connect(self.setWindowTitle)
        self.setWindowTitle(self.project_actions.title())
        self._build_menus()
        # The Data menu and imported data; the output layer's fit to the task (before the first design).
        self.data_actions = DataActions(self)
        self.head_check = HeadCheck(self)
        self._load_design(self._spec, config)
        self._connect_views()
        for problem in problems:
            self.setup_message.show_message(problem, "warning")

        self.worker = TrainingWorker()
        self._connect_worker()
        self.runs = RunTracker(self)  # every run kept with its settings, overlaid and forked: the Runs tab
        self.experiments_panel = ExperimentsPanel.add_to(self)  # the notes' claims on real runs: a tab
        _tag_tab(self.runs.panel, RUNS_TAB_TITLE, RUNS_TAB_TIP)
        _tag_tab(self.experiments_panel, EXPERIMENTS_TAB_TITLE, EXPERIMENTS_TAB_TIP)
        # Preferences, the Learn dock, the tour, keyboard extras; before restoreState finds the Learn dock.
        self.comfort = WindowComfort(self, settings)
        # Quitting the application without closing the window (a signal, app.quit()) must also
        # end the training thread: a QThread destroyed while running aborts the process.
        # (Connected to a method of the window, which lives in the GUI thread like the caller.)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._on_about_to_quit)
        self.setAcceptDrops(True)  # a .nnp file dropped anywhere on the window opens it
        self.resize(*DEFAULT_SIZE)
        self.resizeDocks([self.network_dock, self.training_dock], [340, 300], Qt.Orientation.Horizontal)
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
        curves.setObjectName("curvesSplitter")  # its sizes are remembered
        curves.addWidget(self.plots)
        self.label_scores = LabelScores()  # multi-label: accuracy and F1 per label, beside the epoch table
        self.label_scores.hide()
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.setObjectName("tablesSplitter")
        tables.addWidget(self.epoch_table)
        tables.addWidget(self.label_scores)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 1)
        tables.setChildrenCollapsible(False)
        curves.addWidget(tables)
        curves.setStretchFactor(0, 4)
        curves.setStretchFactor(1, 1)
        curves.setSizes([640, 150])
        curves.setChildrenCollapsible(False)
        self.diagram = NetworkDiagram()
        self.playground = PlaygroundPanel()  # its own worker and thread, started when the tab is first shown
        self.code_view = CodeView()
        self.draw_panel: DrawPanel | None = None  # its inference thread loads torch: built with the others
        self._draw_holder: QWidget | None = _placeholder()
        # The Inside, Matrices and Evaluation panels import torch: they are built when the worker has
        # loaded it (data_ready), so the window paints first. Until then their tabs say so.
        self.inside_panel: InsidePanel | None = None
        self.learning_panel: LearningPanel | None = None
        self.matrix_panel: MatrixPanel | None = None
        self.evaluation_panel: EvaluationPanel | None = None
        self.inside_tabs: QWidget = _placeholder()  # a QTabWidget once the panels are built
        self._matrix_holder: QWidget | None = _placeholder()
        self._evaluation_holder: QWidget | None = _placeholder()
        # Children of the window: deleted with it, which drops the connections (lambdas over the window)
        # that would otherwise keep a closed window and its trainer alive.
        self.inspection_jobs = LatestJobRunner("inspection", self)
        self.evaluation_jobs = LatestJobRunner("evaluation", self)
        self.weight_jobs = LatestJobRunner("diagram weights", self)  # live weights are copied there, not here
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setMinimumWidth(MIN_CURVES_WIDTH)  # on small screens the docks give way, not the plots
        for widget, key in ((curves, TAB_CURVES), (self.playground, TAB_PLAYGROUND), (self.diagram, TAB_DIAGRAM),
                            (self._draw_holder, TAB_DRAW), (self.inside_tabs, TAB_INSIDE),
                            (self._matrix_holder, TAB_MATRICES), (self._evaluation_holder, TAB_EVALUATION),
                            (self.code_view, TAB_CODE)):
            _tag_tab(widget, key, TAB_TIPS[key])
            self.tabs.addTab(widget, tr(key))
            self.tabs.setTabToolTip(self.tabs.count() - 1, tr(TAB_TIPS[key]))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.setup_message)
        layout.addWidget(self.training_message)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.editor = LayerStackEditor()
        self.editor.setMinimumWidth(MIN_EDITOR_WIDTH)  # narrower, the palette wraps into the stack's space
        self.network_dock = self._add_dock(tr("Network"), "networkDock", self.editor,
                                           Qt.DockWidgetArea.LeftDockWidgetArea)
        self.panel = TrainingPanel(list(self._presets.values()))
        scroll = QScrollArea()  # small screens: the settings scroll instead of being squashed
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        self.training_dock = self._add_dock(tr("Training"), "trainingDock", scroll,
                                            Qt.DockWidgetArea.RightDockWidgetArea)

        self.status = TrainingStatus(self.statusBar())

        self.run_actions.train.triggered.connect(self.train)
        self.run_actions.pause.triggered.connect(self.pause)
        self.run_actions.step.triggered.connect(self.step)
        self.run_actions.stop.triggered.connect(self.stop)
        self.run_actions.reset.triggered.connect(self.reset)
        self.run_actions.pause_resume.triggered.connect(self._toggle_pause)

    def _connect_views(self) -> None:
        """After the first design is loaded: from here on, changes are the user's."""
        self.panel.preset_chosen.connect(self.choose_preset)
        self.panel.settings_changed.connect(self._on_settings_changed)
        self.editor.spec_changed.connect(self._on_spec_changed)
        self.editor.validity_changed.connect(self._on_validity_changed)
        self.code_view.save_requested.connect(self.project_actions.export)
        self.tabs.currentChanged.connect(lambda _: self._refresh_visible_views())
        self.inspection_jobs.result.connect(self._on_inspection)
        self.inspection_jobs.error.connect(lambda message: self.show_status(
            tr("Inside view: {message}").format(message=message)))
        self.evaluation_jobs.progress.connect(self._on_evaluation_progress)
        self.evaluation_jobs.result.connect(self._on_evaluation)
        self.evaluation_jobs.error.connect(self._on_evaluation_error)
        self.weight_jobs.result.connect(self._on_diagram_weights)

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
        file_menu = menu.addMenu(tr("&File"))
        self.project_actions.fill_menu(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        # The platform's quit keys; some platforms (Windows) have none, so Ctrl+Q there.
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.edit_menu = menu.addMenu(tr("&Edit"))
        actions = self.editor.edit_actions()
        # Undo and redo act wherever the focus is (a text field still gets its own undo first: Qt hands
        # it the keys before any shortcut), so Ctrl+Z right after choosing a preset gives the old network
        # back. Delete, Ctrl+D and Alt+arrows stay with the stack, so they never remove a layer by accident.
        for action in actions[:2]:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        edit_menu.addActions(actions[:2])
        edit_menu.addSeparator()
        edit_menu.addActions(actions[2:])

        presets_menu = menu.addMenu(tr("&Presets"))
        self.preset_actions: dict[str, QAction] = {}
        for name, preset in self._presets.items():
            action = QAction(tr(preset.title), self)
            action.setToolTip(tr(preset.description))
            action.setStatusTip(tr(preset.description))
            action.triggered.connect(lambda _=False, n=name: self.choose_preset(n))
            presets_menu.addAction(action)
            self.preset_actions[name] = action
        presets_menu.setToolTipsVisible(True)

        train_menu = menu.addMenu(tr("&Training"))
        for action in self.run_actions.buttons():
            train_menu.addAction(action)
        view_menu = self.view_menu = menu.addMenu(tr("&View"))
        view_menu.addAction(self.network_dock.toggleViewAction())
        view_menu.addAction(self.training_dock.toggleViewAction())
        help_menu = self.help_menu = menu.addMenu(tr("&Help"))
        about = self.about_action = QAction(tr("&About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _connect_worker(self) -> None:
        w = self.worker
        w.data_ready.connect(self._on_data_ready)
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
        # Not a fit for the data or task: the training panel shows that (Train waits), with the fix.
        w.misfit.connect(self._on_misfit)
        w.snapshot.connect(self._on_snapshot)

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
        if self._worker_start_scheduled and not self._worker_started:
            QTimer.singleShot(0, self._start_worker)  # after this paint pass has reached the screen

    def _start_worker(self) -> None:
        if self._closed or self._worker_started:
            return  # closed before the event loop got here, or started already
        self._worker_started = True
        self.worker.start()
        self.worker.request_prepare(self._spec, self._current_config(fallback=True), self._data_dir, self._data)
        if self._pending_project is not None and self.editor.report().ok:
            self.worker.request_load_project(self._pending_project)  # opened before the window was shown
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
        self.playground.shutdown()
        if self.multilabel_view is not None:
            self.multilabel_view.shutdown()
        if self.draw_panel is not None:
            self.draw_panel.shutdown()
        self.evaluation_jobs.cancel()
        self.inspection_jobs.shutdown()
        self.evaluation_jobs.shutdown()
        self.weight_jobs.shutdown()
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
        settings.setValue(SETTINGS_STATE, self.saveState())
        settings.setValue(SETTINGS_PRESET, self._preset.name)
        self.comfort.save(settings)
        try:
            # JSON text: every QSettings back end (INI, registry, plist) keeps it exactly.
            settings.setValue(SETTINGS_CONFIG, json.dumps(self._current_config().to_json()))
        except ConfigError:
            pass  # an out-of-range value is not worth remembering
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
        return self._state

    @property
    def preset(self) -> Preset:
        """The preset chosen last (the network may have been edited since)."""
        return self._preset

    @property
    def spec(self) -> ModelSpec:
        """A copy of the current network (what Train trains, once it is valid)."""
        return self._spec.copy()

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
        if self.run_actions.blocked:
            self.status.bar.showMessage(tr("Cannot train yet: {reason}").format(reason=self.run_actions.blocked))
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
        # A changed validation share (or seed) re-splits the data first, on untrained weights.
        self.data_actions.ensure_split(config, trained=bool(self._trained_steps()))
        self.plots.show_learning_rate(config.lr_schedule != "constant")
        self.training_message.hide()
        self._show_summary(lambda: tr("Training… the result appears here when the run ends."))
        self._run_epochs = config.epochs
        self._max_steps = max_steps
        self._live_step = 0  # until the run says where it starts
        self._set_state(RunState.STARTING)
        self.status.bar.showMessage(tr("Single step…") if single_step else tr("Training…"))
        self.worker.request_run(config, single_step=single_step, max_steps=max_steps)
        self.project_actions.set_modified()  # the weights are about to change
        return True

    def pause(self) -> None:
        if self._state in (RunState.STARTING, RunState.TRAINING):
            self.worker.pause()
            self._set_state(RunState.PAUSED)

    def step(self) -> None:
        """One batch: from idle it starts a run that pauses after its first step."""
        if self._state == RunState.PAUSED:
            self._set_pause_confirmed(False)  # the trainer runs a batch, then reports "paused" again
            self.worker.step()
            self.project_actions.set_modified()
        elif self._state == RunState.IDLE:
            self.start_training(single_step=True)

    def stop(self) -> None:
        if self._state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED):
            self.worker.stop()
            self._set_state(RunState.STOPPING)
            self.status.bar.showMessage(tr("Stopping after this batch…"))

    def reset(self) -> None:
        if self._state != RunState.IDLE or self.run_actions.blocked:
            return
        steps = self._trained_steps()
        if steps and not self._confirm(
                tr("Reset the network?"),
                tr("The network has trained for {steps:,} steps. Reset throws those weights away "
                   "and starts again from random weights.").format(steps=steps)):
            return
        try:
            config = self._current_config()
        except ConfigError as exc:
            self.setup_message.show_message(str(exc), "error")
            return
        self._pending_project = None
        self._reset_asked = True
        if not self.data_actions.ensure_split(config, trained=False):  # a re-split builds a fresh trainer
            self.worker.request_reset(self._spec, config)
        self.project_actions.set_modified()

    def choose_preset(self, name: str) -> None:
        """Load a preset's network into the editor (one undo step) and its settings into the panel."""
        if name not in self._presets:
            return
        if self._state in RUNNING:  # the box and the menu are disabled then; a stray call changes nothing
            self._show_matching_preset()
            return
        preset = self._presets[name]
        self.editor.set_spec(preset.spec, clear_undo=False)  # asks first if that discards trained weights
        if not same_spec(self._spec, preset.spec):  # the user kept the trained network
            self._show_matching_preset()
            return
        self._preset = preset
        self._base_config = preset.training
        self._show_matching_preset()
        self.panel.load_config(self.data_actions.fitting_config(
            preset.training.replace(device=self.panel.device.currentData())))

    # ----- File menu support (ProjectHost) -----------------------------------------------------------
    def current_project(self) -> Project:
        """The design and settings shown, with the weights and history that belong to this design."""
        config = self._current_config(fallback=True)
        extra = {DRAWINGS_KEY: [], **self._extra, **self.runs.project_extra()}
        pending = self._pending_project
        if pending is not None and same_spec(pending.spec, self._spec):
            return replace(pending, spec=self._spec.copy(), training=config, extra=extra)
        state = self.worker.state  # saving waits for a confirmed pause or the run's end: this copy is current
        if state is not None and same_spec(state.spec, self._spec):
            return replace(state.project, training=config, extra=extra)  # a new Project: the copy stays as it is
        return Project(self._spec.copy(), config, extra=extra)  # untrained, or not yet built

    def show_project(self, project: Project) -> None:
        """Show an opened (or recovered) project: its network, settings, curves and weights."""
        self._pending_project = project
        self._extra = dict(project.extra)  # kept as found, so a newer version's data survives a save here
        self._drawings_to_worker()
        self.runs.load_project(project)
        self._base_config = project.training
        self._load_design(project.spec, project.training, clear_undo=True)  # the preset box follows its network
        self._clear_history_views()
        if self.data_actions.project_opened(project):
            pass  # its data is being read (or re-split) first; then the project's weights are loaded
        elif self.editor.report().ok and self._state != RunState.UNAVAILABLE:
            if self._worker_started:
                self.worker.request_load_project(project)
            # The curves are filled when the worker has the weights (`project_loaded`), after any
            # `history_cleared` still on its way from an earlier request.
        else:
            self._fill_history(project.history, project.global_step)
        self._refresh_weights()
        self._push_model()

    def new_design(self) -> None:
        """The default preset, untrained, with its settings."""
        preset = self._presets.get(DEFAULT_PRESET) or self._preset
        self._preset = preset
        self._pending_project = None
        self._extra = {}
        self._drawings_to_worker()
        self.runs.clear()
        self._base_config = preset.training
        self._load_design(preset.spec, self.data_actions.fitting_config(
            preset.training.replace(device=self.panel.device.currentData())), clear_undo=True)
        self._clear_history_views()
        if self._worker_started and self._state != RunState.UNAVAILABLE:
            self.worker.request_reset(self._spec, self._current_config(fallback=True))
        self._refresh_weights()
        self._push_model()

    def export_inputs(self) -> tuple[ModelSpec, TrainingConfig, str, dict[str, Any] | None]:
        return (self._spec.copy(), self._current_config(fallback=True), self._data_info.get("dataset", "MNIST"),
                self._current_weights())

    def save_blocker(self) -> str:
        if self._state in (RunState.STARTING, RunState.TRAINING, RunState.STOPPING):
            return tr("Training is running: pause or stop it to save.")
        if self._state == RunState.PAUSED and not self._pause_confirmed:
            return tr("Pausing… saving is possible as soon as the current batch is done.")
        return ""

    def replace_blocker(self) -> str:
        if self._state in RUNNING:
            return tr("Training is running: stop it before opening or starting another project.")
        return ""

    def show_status(self, text: str) -> None:
        self.status.bar.showMessage(text, 8000)

    # ----- the design: editor → window → worker and views ----------------------------------------------
    def _load_design(self, spec: ModelSpec, config: TrainingConfig, clear_undo: bool = True) -> None:
        """Put a design into the editor and the panel as the program's doing, not as a user edit."""
        self._loading_document = True
        try:
            self.editor.set_spec(spec, clear_undo=clear_undo)
            self._spec = self.editor.spec()
            self.panel.load_config(config)
        finally:
            self._loading_document = False
        self._show_matching_preset()
        self._on_validity_changed(self.editor.report().ok, _first_error(self.editor))
        self._training_context_changed()
        self._update_design_views()

    def _on_spec_changed(self, spec: ModelSpec) -> None:
        if self._loading_document or same_spec(spec, self._spec):
            return  # a load (handled by its caller), or the undo of an edit the user declined
        steps = self._trained_steps()
        if steps and not self._confirm(
                tr("Edit the network?"),
                tr("Editing the network resets its trained weights ({steps:,} steps of training). "
                   "Continue?").format(steps=steps)):
            # Back to the undo step the trained network is at: the change may have been an edit or a redo
            # (undone) or an undo (redone). Later, not now: the stack moves its index after this signal.
            index = self.editor.undo_stack.index()
            QTimer.singleShot(0, lambda: self._take_back_edit(index))
            return
        self._spec = spec
        self._show_matching_preset()
        self._pending_project = None  # those weights belonged to the old network
        if self.editor.report().ok and self._worker_started and self._state != RunState.UNAVAILABLE:
            self.worker.request_configure(spec, self._current_config(fallback=True))
        self.project_actions.set_modified()
        self._update_design_views()
        self._refresh_weights()
        self._push_model()

    def _take_back_edit(self, index: int) -> None:
        """Return the editor to undo step `index`, where it showed the network that keeps its weights."""
        stack = self.editor.undo_stack
        if stack.index() != index:
            stack.setIndex(index)  # one step, back to `self._spec`: no new question
        elif not same_spec(self.editor.spec(), self._spec):
            self.editor.undo()  # merged into the last command (typing): undo takes that command back

    def _show_matching_preset(self) -> None:
        """The preset box names a preset only while the network is exactly that preset's (else "(custom)"):
        after edits, undo and redo, fixes for imported data, opened projects."""
        matches = [name for name, preset in self._presets.items() if same_spec(preset.spec, self._spec)]
        self.panel.set_preset(self._preset.name if self._preset.name in matches else next(iter(matches), None))

    def _on_validity_changed(self, ok: bool, message: str) -> None:
        self._spec_problem = "" if ok else message
        self._refresh_blocked()

    def _refresh_blocked(self) -> None:
        """Train waits for a valid network whose output fits the task and the data (head_check.py)."""
        message = self._spec_problem or self.head_check.problem
        self.run_actions.set_blocked(message)
        if message:
            self.status.bar.showMessage(tr("The network cannot train yet: {reason}").format(reason=message))
        elif self._state == RunState.IDLE:
            self.status.bar.showMessage(tr("Ready: press Train."))

    def _on_settings_changed(self) -> None:
        if not self._loading_document:
            self.project_actions.set_modified()
        self._training_context_changed()
        self._update_design_views(spec_changed=False)

    def _training_context_changed(self) -> None:
        self.editor.set_training_context(self.panel.batch_size.value(), self.panel.optimizer.currentData())

    def _update_design_views(self, spec_changed: bool = True) -> None:
        """The code follows the spec and the settings (it regenerates when shown); the diagram, the spec."""
        self.code_view.set_design(self._spec, self._current_config(fallback=True),
                                  self._data_info.get("dataset", "MNIST"))
        if spec_changed:
            self.diagram.set_spec(self._spec, self.editor.report())  # well under a millisecond
        self.head_check.refresh()

    def _refresh_weights(self) -> None:
        """Weights in the diagram: copied from the trainer only when the diagram is on screen."""
        self._weights_stale = True
        self._refresh_visible_views()

    def _refresh_visible_views(self) -> None:
        # Snapshots feed Inside ▸ While it learns only: fewer of them while it is not on screen.
        learning_shown = (self.learning_panel is not None and isinstance(self.inside_tabs, QTabWidget)
                          and self.tabs.currentWidget() is self.inside_tabs
                          and self.inside_tabs.currentWidget() is self.learning_panel)
        self.worker.set_snapshot_rate(SNAPSHOT_HZ if learning_shown else HIDDEN_SNAPSHOT_HZ)
        if self._weights_stale and self.tabs.currentWidget() is self.diagram:
            self._weights_stale = False
            self._request_diagram_weights()
        if self._inspection_stale and self._inspection_visible():
            self._request_inspection()

    def _current_weights(self) -> dict[str, np.ndarray] | None:
        """The current network's trained weights as numpy arrays; None while untrained. While a run is under
        way: as they were when it started or last paused (the worker's copy — the trainer is not read here)."""
        pending = self._pending_project
        if pending is not None and same_spec(pending.spec, self._spec):
            if not pending.state_dict or not pending.global_step:
                return None
            return {k: v.numpy() for k, v in pending.state_dict.items()}
        state = self._trained_state()
        if state is None or not state.project.state_dict:
            return None
        return {k: v.numpy() for k, v in state.project.state_dict.items()}

    def _trained_state(self) -> TrainerState | None:
        """The worker's copy of the trainer when it holds the network on show with trained weights (a run under
        way counts its steps from its events, which are newer than the copy made when it started)."""
        state = self.worker.state
        if state is None or not same_spec(state.spec, self._spec):
            return None
        steps = max(state.global_step, self._live_step) if self._state in RUNNING else state.global_step
        return state if steps else None

    def _request_diagram_weights(self) -> None:
        """The diagram's weights: copied on a thread of their own (a run may hold the trainer's lock for a batch)."""
        pending = self._pending_project
        state = None if pending is not None and same_spec(pending.spec, self._spec) else self._trained_state()
        if state is None:
            self.diagram.set_weights(self._current_weights())  # a project's weights, or none
            return
        spec, source = state.spec, state.weights
        self.weight_jobs.submit(lambda runner: (spec, numpy_state(source)))

    def _on_diagram_weights(self, result: tuple[ModelSpec, dict[str, np.ndarray]]) -> None:
        spec, weights = result
        if same_spec(spec, self._spec):  # else the network changed while they were copied
            self.diagram.set_weights(weights)

    def _model_source(self) -> tuple[ModelSpec, Any, float, float] | None:
        """(spec, weights, mean, std) of the current network's trained weights; None while untrained.

        The weights are a callable (the worker's `TrainerState.weights` while it holds them): whoever needs
        them calls it on their own thread, so the GUI thread never copies tensors or waits for a batch. None
        too when the network doesn't read 28×28 digits into ten classes (the tabs that use it are digit tabs)."""
        if not self.data_actions.digit_views_ok(self._spec, self.panel.task_settings.task_key):
            return None
        pending = self._pending_project
        if pending is not None and same_spec(pending.spec, self._spec):
            if not pending.state_dict or not pending.global_step:
                return None
            tensors = dict(pending.state_dict)
            training = pending.training
            return (self._spec.copy(), lambda: {k: v.detach().cpu().numpy() for k, v in tensors.items()},
                    training.normalize_mean, training.normalize_std)
        state = self._trained_state()
        if state is None:
            return None
        config = state.project.training  # the settings the weights train with (this run's, while one runs)
        return state.spec.copy(), state.weights, config.normalize_mean, config.normalize_std

    def _push_model(self, weights_only: bool = False) -> None:
        """The current network and weights to the Draw tab (which re-predicts its digit, and so refreshes
        the Inside tab), the Matrices tab and the evaluation button."""
        if self.draw_panel is None:
            return  # not built yet: data_ready builds it, then trainer_ready pushes the model
        source = self._model_source()
        if source is None:
            if self._draw_spec_json is not None or not weights_only:
                self._draw_spec_json = None
                self.draw_panel.set_model(None, None)
            if self.evaluation_panel is not None:
                digits = self.data_actions.digit_views_ok(self._spec, self.panel.task_settings.task_key)
                self.evaluation_panel.set_evaluate_enabled(
                    False, tr("Train the network first (or open a trained project).") if digits
                    else tr("The evaluation classifies 28×28 digits into ten classes: the multi-class task on MNIST."))
        else:
            spec, state, mean, std = source
            spec_json = json.dumps(spec.to_json(), sort_keys=True)
            if weights_only and spec_json == self._draw_spec_json:
                self.draw_panel.update_weights(state)
            else:
                self._draw_spec_json = spec_json
                self.draw_panel.set_model(spec, state, mean, std)
            if self.evaluation_panel is not None:
                self.evaluation_panel.set_evaluate_enabled(
                    True, tr("Classify every test digit with the current weights (eval mode, no gradients) and "
                             "show where the network goes wrong. The test digits are never used for training."))
        if self._inspected_image is None:  # with a digit, the Draw tab's new answer triggers the refresh
            self._inspection_stale = True
            if self._inspection_visible():
                self._request_inspection()

    # ----- Draw, Inside, Matrices, Evaluation --------------------------------------------------------
    def _inspection_visible(self) -> bool:
        return self.matrix_panel is not None and self.tabs.currentWidget() in (self.inside_tabs, self.matrix_panel)

    def _on_prediction(self, prediction: Any) -> None:
        image = getattr(prediction, "image28", None)
        has_answer = getattr(prediction, "probabilities", None) is not None
        self._inspected_image = image if has_answer and image is not None and image.any() else None
        self._inspection_stale = True
        if self._inspection_visible():
            self._request_inspection()

    def _request_inspection(self) -> None:
        """Weights, layer outputs and dense steps for the canvas digit, computed on the inspection thread."""
        self._inspection_stale = False
        source = self._model_source()
        if source is None:
            if self.matrix_panel is not None:
                self.matrix_panel.set_model_sources({})
                self.matrix_panel.set_dense_layers([])
            return
        spec, state, mean, std = source
        self.inspection_jobs.submit(inspect_model(spec, state, self._inspected_image, mean, std))

    def _on_inspection(self, result: InspectionResult) -> None:
        self.last_job_threads["inspection"] = result.thread_id
        if (self.matrix_panel is None or not same_spec(result.spec, self._spec) or result.report is None
                or not result.report.ok):
            return  # the network changed while the job ran
        sources: dict[str, np.ndarray] = {}
        for info in result.report.layers:
            if info.layer.type != "Linear":
                continue
            i = info.notation_index
            weight = result.state.get(f"{info.name}.weight")
            bias = result.state.get(f"{info.name}.bias")
            if weight is not None:
                sources[f"W^[{i}] ({info.name}.weight) {weight.shape[0]}×{weight.shape[1]}"] = weight
            if bias is not None:
                sources[f"b^[{i}] ({info.name}.bias) {bias.shape[0]}"] = bias.reshape(-1, 1)
        if result.image28 is not None:
            sources[tr("x (the drawn digit) 28×28")] = result.image28
        self.matrix_panel.set_model_sources(sources)
        self.matrix_panel.set_dense_layers([
            (f"{step.name}: W^[{step.index}] {step.weight.shape[0]}×{step.weight.shape[1]}",
             step.a_prev.reshape(1, -1), step.weight, step.bias, step.activation, step.a)
            for step in result.steps])
        if result.image28 is not None and self.inside_panel is not None:
            self.inside_panel.show_activations(result.activations, result.report, result.image28)
            self.inside_panel.show_forward_steps(result.steps)

    def evaluate_test_set(self) -> bool:
        """Classify the whole test set on the evaluation thread (the panel shows progress and Cancel)."""
        source = self._model_source()
        data = self.worker.data
        if self.evaluation_panel is None:
            return False
        if source is None or data is None:
            self.evaluation_panel.set_running(False)
            self.show_status(tr("Train the network first: there are no weights to evaluate."))
            return False
        spec, state, mean, std = source
        self.evaluation_panel.set_running(True)
        self.evaluation_jobs.submit(evaluate(spec, state, data.test, mean, std))
        return True

    def _on_evaluation_progress(self, fraction: float) -> None:
        panel = self.evaluation_panel  # built: it started the evaluation
        if panel is not None and panel.running:
            panel.set_progress(fraction)

    def _on_evaluation(self, result: EvaluationResult) -> None:
        self.last_job_threads["evaluation"] = result.thread_id
        panel = self.evaluation_panel
        if panel is None:
            return
        if result.evaluation is None:  # cancelled
            panel.set_running(False)
            return
        panel.show_evaluation(result.evaluation, result.dataset)

    def _on_evaluation_error(self, message: str) -> None:
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_running(False)
        self.training_message.show_message(tr("Evaluation failed: {message}").format(message=message), "error")

    @property
    def drawings(self) -> list[dict[str, Any]]:
        """The labelled drawings stored in the project (malformed entries from a file are skipped)."""
        out = []
        stored = self._extra.get(DRAWINGS_KEY)
        for item in stored if isinstance(stored, list) else []:  # a file may hold anything here
            try:
                image = np.asarray(item["image"], dtype=np.uint8)
                label = int(item["label"])
            except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: 300 as uint8, inf as int
                continue
            if image.shape == (28, 28):
                out.append({"label": label, "image": image})
        return out

    def _on_add_example(self, image: np.ndarray, label: int) -> None:
        saved = self._extra.get(DRAWINGS_KEY)
        stored = list(saved) if isinstance(saved, list) else []
        stored.append({"label": int(label), "image": np.asarray(image, dtype=np.uint8).tolist()})
        self._extra[DRAWINGS_KEY] = stored
        self.project_actions.set_modified()
        self.worker.add_training_example(image, label)  # the current trainer: from its next epoch
        # After the panel's own note (set once this slot returns): say what happened, exactly.
        panel = self.draw_panel  # the sender
        if panel is not None:
            QTimer.singleShot(0, lambda: panel.source_label.setText(
                tr("Added to the training data as a {label} ({count} in all): used from the next epoch.").format(
                    label=label, count=len(stored))))
        self.show_status(trn("Drawing added as a {label}: %n drawing in the training data and the project.",
                             "Drawing added as a {label}: %n drawings in the training data and the project.",
                             len(stored)).format(label=label))

    def _drawings_to_worker(self) -> None:
        """Every trainer the worker builds from now on starts with the project's drawings."""
        self.worker.set_training_examples([(d["image"], d["label"]) for d in self.drawings])

    def _trained_steps(self) -> int:
        """Training steps the current weights hold (what an edit or a reset would throw away)."""
        pending = self._pending_project
        if pending is not None and same_spec(pending.spec, self._spec):
            return pending.global_step
        state = self._trained_state()
        return state.global_step if state is not None else 0

    # ----- worker events -----------------------------------------------------------------------------
    def _build_model_panels(self) -> None:
        """The panels that import torch, once the worker has loaded it (importing is then instant)."""
        if self.evaluation_panel is not None:
            return
        from playground.ui.evaluation_panel import EvaluationPanel
        from playground.ui.inside_panel import InsidePanel
        from playground.ui.learning_panel import LearningPanel
        from playground.ui.matrix_panel import MatrixPanel

        current = self.tabs.currentIndex()
        self.draw_panel = DrawPanel(remember=self._remember)
        # The add button's tooltip when it is enabled, in English: the panel shows it with tr().
        self.draw_panel.add_tip = ADD_EXAMPLE_TIP
        self.draw_panel.add_button.setToolTip(tr(ADD_EXAMPLE_TIP))
        self.draw_panel.prediction_ready.connect(self._on_prediction)
        self.draw_panel.add_example.connect(self._on_add_example)
        self.inside_panel = InsidePanel()
        self.learning_panel = LearningPanel()
        inside = QTabWidget()
        inside.setDocumentMode(True)
        for index, (panel, (title, tip)) in enumerate(zip((self.inside_panel, self.learning_panel), INSIDE_TABS)):
            inside.addTab(panel, tr(title))
            inside.setTabToolTip(index, tr(tip))
        self.matrix_panel = MatrixPanel()
        self.evaluation_panel = EvaluationPanel()
        self.evaluation_panel.set_evaluate_enabled(False, tr("Train the network first."))
        self.evaluation_panel.evaluate_requested.connect(self.evaluate_test_set)
        self.evaluation_panel.cancel_requested.connect(self.evaluation_jobs.cancel)
        pages = ((self._draw_holder, self.draw_panel), (self.inside_tabs, inside),
                 (self._matrix_holder, self.matrix_panel), (self._evaluation_holder, self.evaluation_panel))
        for holder, panel in pages:
            assert holder is not None, "the panels are built once (see the check above)"
            index = self.tabs.indexOf(holder)
            title, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, panel, title)
            self.tabs.setTabToolTip(index, tip)
            _tag_tab(panel, holder.property(TAB_KEY), holder.property(TAB_TIP))
            self.tabs.blockSignals(False)
            holder.deleteLater()
        self.inside_tabs = inside
        inside.currentChanged.connect(lambda _: self._refresh_visible_views())
        self._matrix_holder = self._evaluation_holder = self._draw_holder = None
        self.tabs.setCurrentIndex(current)
        self.comfort.panels_built()
        self._refresh_visible_views()  # the snapshot rate for the tab on screen

    def _on_snapshot(self, snapshot: Any) -> None:
        if self.learning_panel is not None:
            self.learning_panel.add_snapshot(snapshot)

    def _on_data_ready(self, info: dict[str, Any]) -> None:
        self._data_info = info
        self._build_model_panels()
        data = self.worker.data
        self.data_actions.data_ready(info)  # the panel's data line, the status bar, the tasks offered
        draw, learning = self.draw_panel, self.learning_panel
        assert draw is not None and learning is not None, "built just above"
        draw.set_dataset(data if self.data_actions.digit_images() else None)
        if data is not None and hasattr(data.test, "images") and len(data.test):
            learning.set_probe_image(data.test.images[0] / 255.0)  # the trainer's probe: test digit 0
        else:
            learning.set_probe_image(None)
        self.panel.set_cuda_available(info["cuda_available"])
        if self._state == RunState.LOADING:
            self._set_state(RunState.IDLE)
            if not self.run_actions.blocked:
                self.status.bar.showMessage(tr("Ready: press Train."))
        self._update_design_views(spec_changed=False)  # the script names the data set

    def _on_trainer_ready(self, ready: TrainerReady) -> None:
        self.status.set_device(*ready.device_text)
        if ready.device_message:
            self.setup_message.show_message(ready.device_message, "info")
        self._refresh_weights()
        self._push_model()

    def _on_history_cleared(self) -> None:
        self._clear_history_views()
        # The weights are new: the status bar no longer tells of the last run (a reason Train waits stays).
        if self._reset_asked or (self._run_message and self.statusBar().currentMessage() == self._run_message):
            self._reset_asked = False
            self._run_message = ""
            if self.run_actions.blocked:
                self._refresh_blocked()
            else:
                self.status.bar.showMessage(tr(RESET_MESSAGE))
        self._refresh_weights()
        self._push_model()

    def _on_project_loaded(self, project: Project) -> None:
        if project is not self._pending_project:
            return  # superseded: another project was opened, or the network edited, since
        self._pending_project = None  # the trainer holds it now
        self._clear_history_views()
        self._fill_history(project.history, project.global_step)
        self._refresh_weights()
        self._push_model()

    def _on_started(self, event: RunStarted) -> None:
        if self._state == RunState.STARTING:
            self._set_state(RunState.TRAINING)
        self._live_step = event.step
        steps_per_epoch = self._steps_per_epoch = max(event.steps_per_epoch, 1)
        steps = event.total_steps if self._max_steps is None else min(event.total_steps, self._max_steps)
        last_step = event.step + steps
        self.plots.begin_run(last_step, last_step / steps_per_epoch)
        self.status.show_started(event, event.epoch + self._run_epochs)
        if event.device_message:
            self.setup_message.show_message(event.device_message, "info")

    def _on_losses(self, batch: StepLosses) -> None:
        last = batch.last
        self._live_step = last.step
        self.plots.append_losses(batch.steps, batch.losses)
        self.plots.add_learning_rate(last.step, last.learning_rate)
        self.status.show_step(last)
        now = time.perf_counter()
        if now - self._last_draw_update >= DRAW_UPDATE_INTERVAL_S:
            self._last_draw_update = now
            self._push_model(weights_only=True)

    def _on_eval(self, event: Evaluated) -> None:
        row = event.row()  # the views take History rows: they show a project's too
        self._last_eval = row
        self.plots.add_eval(row)

    def _on_epoch(self, event: EpochFinished) -> None:
        row = event.row()
        self.plots.add_epoch(row)
        self.epoch_table.add_row(row)
        if "label0_accuracy" in event.test:
            self.label_scores.show_row(row)
        self.status.show_epoch(event.epoch)
        self._epoch_rows.append(row)
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_history(self._epoch_rows)
        self._refresh_weights()
        self._push_model(weights_only=True)

    def _on_paused(self, event: Paused) -> None:
        # Only while it still holds: after a quick Resume the trainer runs on, and the report is stale.
        if self._state == RunState.STOPPING or not self.worker.run_waiting():
            return
        self._set_state(RunState.PAUSED)
        self._set_pause_confirmed(True)  # it waits before its next batch: the worker's copy is current
        self._live_step = event.step
        self.status.show_paused(event)
        self.status.bar.showMessage(tr("Paused at step {step:,}. Train resumes; Step does one batch.").format(
            step=event.step))

    def _on_diverged(self, event: Diverged) -> None:
        self.training_message.show_message(event.message, "error")

    def _on_finished(self, summary: RunSummary) -> None:
        self._set_state(RunState.IDLE)
        self.status.show_finished(summary)
        self.plots.fit()
        finish = (summary, self._last_eval, self._steps_per_epoch,
                  dict(self._epoch_rows[-1]) if self._epoch_rows else None)
        self._run_message = _describe_finish(*finish)[0]
        self.status.bar.showMessage(self._run_message)
        self._show_summary(lambda: _describe_finish(*finish)[1])
        self._refresh_weights()
        self._push_model(weights_only=True)
        if self._close_after_save:
            self._close_after_save = False
            if self.project_actions.save():
                self.close()
            return
        self.project_actions.autosave_now()

    def _on_misfit(self, message: str) -> None:
        """The worker could not build a trainer because the network does not fit the data or the task.
        The head check shows the same problem in the training panel (and Train waits for a fix)."""

    def _on_error(self, message: str) -> None:
        if self.data_actions.setup_error_expected():
            return  # a stale request for a network that did not fit: the training panel says so, with the fix
        self.training_message.show_message(message, "error")
        if self._state == RunState.LOADING:  # the data could not be loaded
            self._set_state(RunState.UNAVAILABLE)
            self.panel.set_data_text(tr("Not loaded"))
            self.status.bar.showMessage(tr("No data to train on."))

    # ----- helpers -----------------------------------------------------------------------------------
    def _set_state(self, state: RunState) -> None:
        self._state = state
        if state != RunState.PAUSED:
            self._pause_confirmed = False
        self.run_actions.set_state(state)
        self.panel.set_editable(state not in RUNNING)
        locked = state in RUNNING
        if locked != self.editor.is_locked():
            self.editor.set_locked(locked, tr(LOCK_REASON))
        for name, action in self.preset_actions.items():  # like the preset box, which set_editable disables
            action.setEnabled(not locked)
            tip = tr(PRESET_LOCK_REASON) if locked else tr(self._presets[name].description)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.project_actions.update_enabled()
        self.data_actions.update_enabled()

    def _set_pause_confirmed(self, confirmed: bool) -> None:
        self._pause_confirmed = confirmed
        self.project_actions.update_enabled()

    def _clear_history_views(self) -> None:
        self._last_eval = None
        self.plots.clear()
        self.epoch_table.clear_rows()
        self.label_scores.clear_rows()
        self.status.clear()
        self.training_message.hide()
        self._show_summary(lambda: tr("Not trained yet. Press Train."))
        self._epoch_rows = []
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_history([])
            self.evaluation_panel.clear()
        if self.learning_panel is not None:  # built with the evaluation panel
            self.learning_panel.clear()

    def _fill_history(self, history: History, global_step: int) -> None:
        """Curves, epoch table and summary of a project's past training."""
        losses = np.asarray(history.step_losses, dtype=np.float64)
        if len(losses):
            last = max(global_step, len(losses))
            self.plots.append_losses(np.arange(last - len(losses) + 1, last + 1, dtype=np.float64), losses)
        for row in history.evals:
            self.plots.add_eval(row)
        for row in history.epochs:
            self.plots.add_epoch(row)
            self.epoch_table.add_row(row)
        self._epoch_rows = [dict(row) for row in history.epochs]
        if self._epoch_rows and "test_label0_accuracy" in self._epoch_rows[-1]:
            self.label_scores.show_row(self._epoch_rows[-1])
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_history(self._epoch_rows)
        self.plots.fit()
        self._last_eval = history.evals[-1] if history.evals else None
        self.status.show_loaded(global_step, len(history.epochs))
        if global_step:
            self._show_summary(lambda: _describe_history(history, global_step))

    def _toggle_pause(self) -> None:
        if self._state == RunState.PAUSED:
            self.train()
        else:
            self.pause()

    def _current_config(self, fallback: bool = False) -> TrainingConfig:
        try:
            return self.panel.config(self._base_config)
        except ConfigError:
            if fallback:
                return self._base_config
            raise

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _about(self) -> None:
        QMessageBox.about(
            self, tr("About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + tr("<p>Stack layers, watch a real PyTorch network learn, live.</p>")
            + tr("<p>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and "
                 "Christopher J. C. Burges, distributed under the Creative Commons "
                 "Attribution-Share Alike 3.0 license.</p>"),
        )

    def _show_summary(self, make: Callable[[], str]) -> None:
        """The training panel's summary, built by `make` now and again when the language changes."""
        self._summary = make
        self.panel.set_summary(make())

    def retranslate(self) -> None:
        """Texts built from values or kept elsewhere, in the language chosen now."""
        parent = getattr(super(), "retranslate", None)
        if callable(parent):
            parent()
        self.about_action.setText(tr("&About {app}").format(app=APP_NAME))
        # Again from their sources: another text may have the same translation ("Train", "Training").
        self.network_dock.setWindowTitle(tr("Network"))
        self.training_dock.setWindowTitle(tr("Training"))
        if getattr(self, "_summary", None) is not None:
            self.panel.set_summary(self._summary())
        self.editor.set_lock_reason(tr(LOCK_REASON))


def _tag_tab(page: QWidget, key: str, tip: str) -> None:
    """Name a centre tab's page by its key (its English title) and keep its English tooltip with it: how
    tabs are found and re-translated whatever language their titles are shown in."""
    page.setProperty(TAB_KEY, key)
    page.setProperty(TAB_TIP, tip)


def _placeholder() -> QWidget:
    label = QLabel(tr("Loading PyTorch…"))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _first_error(editor: LayerStackEditor) -> str:
    errors = editor.report().errors
    return errors[0] if errors else ""


def _project_file(mime: QMimeData) -> Path | None:
    """The first local .nnp file among dragged URLs."""
    for url in mime.urls() if mime.hasUrls() else []:
        if url.isLocalFile() and url.toLocalFile().lower().endswith(PROJECT_SUFFIX):
            return Path(url.toLocalFile())
    return None


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


def _load_presets(problems: list[str]) -> dict[str, Preset]:
    presets = {}
    for name in preset_names():
        try:
            presets[name] = load_preset(name)
        except (SpecError, ValueError, OSError) as exc:
            problems.append(tr("The preset '{name}' could not be read: {error}").format(name=name, error=exc))
    return presets


def _remembered_json(settings: QSettings, key: str) -> Any:
    """What was saved under `key` as JSON text; None when there is nothing, or nothing readable."""
    try:
        return json.loads(str(settings.value(key, "")))
    except ValueError:
        return None


def _restore_config(settings: QSettings, base: TrainingConfig) -> TrainingConfig:
    """The settings used last time, as long as they are still valid; else the preset's."""
    saved = _remembered_json(settings, SETTINGS_CONFIG)
    if not isinstance(saved, dict):
        return base
    try:
        return TrainingConfig.from_json({**base.to_json(), **saved})
    except (ValueError, TypeError):  # ConfigError is a ValueError
        return base


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

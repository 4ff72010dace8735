"""The Sweep view of the Runs workspace: train the network in the editor with several settings, one run after
another, and compare them.

Up to three settings to vary (the names and checks of `core.training.sweeps`, as `nn-playground sweep` uses
them), each with its values; every combination (a grid) or a few random draws from it. The runs train in the
background (`SweepJob`) on the data the window trains on, with progress, time left and Cancel (after the run in
training); each finished run is kept in the Runs view like any other — curves overlaid, saved in the project —
and listed here in a table sortable by any column and on a parallel-coordinates plot coloured by the test score.

"Open best run" selects the best run (the highest test score) in the Runs view and overlays its curves: that is
where its loss and score can be read against the other runs, renamed and saved, with nothing in the editor
replaced. "Continue in the window" takes over the selected run's final weights, optimizer state and settings
(kept in memory for the last sweep's runs, `KEEP_WEIGHTS_BYTES` at most: the lowest-scoring are dropped first):
it becomes the window's current run, which Train continues and the Runs view's fork bar forks. The window's own
training and a sweep never run together: a sweep is refused while the window trains, and stops after its
current run when training starts in the window.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from playground.core.files.project_file import Project, tensor_bytes
from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import module_names
from playground.core.model.spec import ModelSpec
from playground.core.training.run_logs import test_score_key
from playground.core.training.runs import RUNS_KEY, RunRecord
from playground.core.training.sweeps import (
    MAX_SETTINGS,
    UNITS_PREFIX,
    WIDTH_PARAMS,
    SweepAxis,
    SweepError,
    apply_point,
    best_index,
    check_axes,
    describe_point,
    grid_points,
    parse_axis,
    random_points,
)
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.widgets.palette import ERROR_TEXT, MUTED_TEXT
from playground.ui.workspaces.runs.runs_panel import NAME
from playground.ui.workspaces.runs.sweep_job import SweepJob, SweepOutcome, SweepPlan
from playground.ui.workspaces.runs.sweep_results import ParallelCoordinates, SweepTable

if TYPE_CHECKING:
    from playground.core.data.training_data import TrainableSplits
    from playground.ui.document import Document
    from playground.ui.workspaces.runs.run_tracking import RunTracker

TAB_TITLE = N_("Sweep")
TAB_TIP = N_("Train the network with several settings, one run after another, and compare them: a table, a "
             "parallel-coordinates plot and the best run.")
# The settings offered (sweeps.py's names); a hidden layer's width is added per layer of the design.
SETTING_NAMES = {
    "lr": N_("Learning rate"), "batch_size": N_("Batch size"), "optimizer": N_("Optimizer"),
    "weight_decay": N_("Weight decay (regularisation)"), "dropout": N_("Dropout p"),
}
WIDTH_NAME = N_("Width of {layer}")
DEFAULT_VALUES = {"lr": "0.001, 0.01", "batch_size": "32, 128", "optimizer": "sgd, adam", "weight_decay": "0, 0.0001",
                  "dropout": "0, 0.25, 0.5", UNITS_PREFIX: "32, 128"}
DEFAULT_ROWS = ("lr", "batch_size", "")
MAX_RUNS = 200  # more is a night's work on a CPU: refused with the count
KEEP_WEIGHTS_BYTES = 256 * 2**20  # the last sweep's final weights kept to continue from (about 190 of SimpleNN's)


class SweepHost(Protocol):
    """What the Sweep view needs from the window."""

    def training_blocker(self) -> str:
        """Why a sweep cannot start now (the window's own run is under way); "" when it can."""

    def sweep_design(self) -> tuple[ModelSpec, TrainingConfig]:
        """The network in the editor and the training settings shown; raises ConfigError when one is out of range."""

    def sweep_data(self) -> TrainableSplits | None:
        """The data the window trains on (None until it is loaded)."""

    def keep_run(self, outcome: SweepOutcome, name: str) -> RunRecord:
        """Keep a finished run in the Runs view (and the project)."""

    def open_run(self, run_id: int) -> None:
        """Show the run in the Runs view: selected, its curves overlaid."""

    def continue_run(self, run: RunRecord, project: Project) -> bool:
        """Make `run` the window's current run with `project`'s weights, optimizer state and settings (asking
        first when trained weights would be lost); False when refused, cancelled or the run is gone."""

    def when_training_starts(self, callback: Callable[[], None]) -> None:
        """Call `callback` whenever the window's own training starts."""

    def tensorboard_dir(self) -> Path | None:
        """Where the window's runs write TensorBoard logs (Training ▸ Write TensorBoard Logs); None: off."""


class WindowSweepHost:
    """`SweepHost` from the window's document, its run tracker and a way to bring a view on screen."""

    def __init__(self, document: Document, tracker: RunTracker, show_widget: Callable[[QWidget], object],
                 take_over: Callable[[Project, str, str], bool]):
        self.document = document
        self.tracker = tracker
        self.show_widget = show_widget
        self.take_over = take_over  # ProjectActions.take_over: replace the network and weights shown

    def training_blocker(self) -> str:
        if self.document.running:
            return tr("The window is training: stop its run first (a sweep trains on the same processor).")
        return ""

    def sweep_design(self) -> tuple[ModelSpec, TrainingConfig]:
        return self.document.spec.copy(), self.document.config()

    def sweep_data(self) -> TrainableSplits | None:
        return self.document.worker.data if self.document.worker_started else None

    def keep_run(self, outcome: SweepOutcome, name: str) -> RunRecord:
        tracker = self.tracker
        run = tracker.store.add_finished(outcome.plan.spec, outcome.plan.config, outcome.history,
                                         outcome.steps_per_epoch, outcome.reason, name)
        tracker.panel.run_added(run)
        tracker.host.set_modified()
        return run

    def continue_run(self, run: RunRecord, project: Project) -> bool:
        kept = self.tracker.store.get(run.id)
        if kept is None or kept.created != run.created:  # deleted, or another project's runs are shown
            self.tracker.host.show_status(tr("{run} is no longer in the Runs view.").format(run=run.display_name()))
            return False
        # The window's runs (this one current) and its other data go with the run's weights.
        extra = self.document.project(self.tracker.project_extra()).extra
        extra[RUNS_KEY] = {**extra[RUNS_KEY], "current": run.id}
        if not self.take_over(replace(project, extra=extra), tr("continuing a run of the sweep"),
                              tr("{run} is in the window: Train continues it, the fork bar branches it.").format(
                                  run=run.display_name())):
            return False
        self.open_run(run.id)
        return True

    def open_run(self, run_id: int) -> None:
        panel = self.tracker.panel
        panel.set_checked(run_id, True)
        for row in range(panel.table.rowCount()):
            item = panel.table.item(row, NAME)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == run_id:
                panel.table.selectRow(row)
                panel.table.scrollToItem(item)
        self.show_widget(panel)

    def when_training_starts(self, callback: Callable[[], None]) -> None:
        from playground.ui.document import RunState

        self.document.state_changed.connect(lambda state: callback() if state == RunState.STARTING else None)

    def tensorboard_dir(self) -> Path | None:
        return self.document.worker.tensorboard_dir


class SweepPanel(QWidget):
    """The Sweep view. `run_sweep()` starts (False, with the reason in `status`, when it cannot)."""

    sweep_finished = Signal(str)  # "completed" or "cancelled"

    def __init__(self, host: SweepHost, parent: QWidget | None = None):
        super().__init__(parent)
        self.host = host
        self.job = SweepJob()
        self.job.run_started.connect(self._on_run_started)
        self.job.progress.connect(self._on_progress)
        self.job.run_finished.connect(self._on_run_finished)
        self.job.finished.connect(self._on_finished)
        self.job.log_error.connect(self._on_log_error)  # a method: a lambda holding the panel would keep it alive
        host.when_training_starts(self._on_window_training)
        self._plans: list[SweepPlan] = []
        self._names: list[str] = []  # the settings varied, in the order chosen
        self._score_key = "test_accuracy"
        self._outcomes: list[SweepOutcome] = []
        self._run_ids: list[int | None] = []
        self._kept: dict[int, tuple[RunRecord, Project]] = {}  # run id → the run and its final weights
        self._sweeps = 0  # sweeps started since the window opened: names the runs ("Sweep 2 · lr=0.01")
        self._running = False
        self._current: tuple[int, SweepPlan] | None = None  # the run in training
        self._status: Callable[[], str] = lambda: ""

        intro = QLabel(tr("Train the network in the editor several times, one run after another, each with other "
                          "settings, on the data the window trains on. Every run is kept in the Runs view."))
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED_TEXT};")

        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Setting")), 0, 0)
        grid.addWidget(QLabel(tr("Values (separated by commas)")), 0, 1)
        self.setting_boxes: list[QComboBox] = []
        self.value_edits: list[QLineEdit] = []
        for row in range(MAX_SETTINGS):
            box = QComboBox()
            box.setToolTip(tr("A setting to vary; leave it at “—” to vary fewer."))
            edit = QLineEdit()
            edit.setPlaceholderText(tr("e.g. 0.001, 0.003, 0.01"))
            edit.setToolTip(tr("The values to try, separated by commas."))
            edit.textChanged.connect(self._update_plan)
            box.currentIndexChanged.connect(lambda _=0, r=row: self._setting_changed(r))
            self.setting_boxes.append(box)
            self.value_edits.append(edit)
            grid.addWidget(box, row + 1, 0)
            grid.addWidget(edit, row + 1, 1)
        grid.setColumnStretch(1, 1)

        self.grid_choice = QRadioButton(tr("Every combination (grid)"))
        self.random_choice = QRadioButton(tr("Random draws:"))
        self.grid_choice.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.grid_choice)
        modes.addButton(self.random_choice)
        self.draws = QSpinBox()
        self.draws.setRange(1, MAX_RUNS)
        self.draws.setValue(4)
        self.draws.setToolTip(tr("How many different combinations to draw at random (the same ones for the same "
                                 "seed)."))
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 100)
        self.epochs.setValue(1)
        self.epochs.setToolTip(tr("Epochs each run trains. Every run starts from the same fresh weights (the "
                                  "seed), so they differ only in the settings varied."))
        for widget in (self.grid_choice, self.random_choice, self.draws, self.epochs):
            signal = widget.toggled if isinstance(widget, QRadioButton) else widget.valueChanged
            signal.connect(self._update_plan)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.grid_choice)
        mode_row.addWidget(self.random_choice)
        mode_row.addWidget(self.draws)
        mode_row.addSpacing(16)
        mode_row.addWidget(QLabel(tr("Epochs per run:")))
        mode_row.addWidget(self.epochs)
        mode_row.addStretch(1)

        self.run_button = QPushButton(tr("Run sweep"))
        self.run_button.setToolTip(tr("Train the runs one after another in the background."))
        self.run_button.clicked.connect(self.run_sweep)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the sweep once the run in training has finished."))
        self.cancel_button.clicked.connect(self.cancel)
        self.plan_label = QLabel("")
        self.plan_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        # The TensorBoard folder could not be written: said apart, so the progress that follows keeps it in view.
        self.log_problem = QLabel("")
        self.log_problem.setWordWrap(True)
        self.log_problem.setStyleSheet(f"color: {ERROR_TEXT};")
        self.log_problem.hide()
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.plan_label, 1)
        run_row.addWidget(self.progress_bar, 1)

        self.table = SweepTable()
        self.parallel = ParallelCoordinates()
        self.best_label = QLabel("")
        self.best_label.setWordWrap(True)
        self.open_best_button = QPushButton(tr("Open best run"))
        self.open_best_button.setToolTip(tr("Select the run with the highest test score in the Runs view and "
                                            "overlay its curves."))
        self.open_best_button.clicked.connect(self.open_best)
        self.continue_button = QPushButton(tr("Continue in the window"))
        self.continue_button.clicked.connect(self.continue_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        best_row = QHBoxLayout()
        best_row.addWidget(self.best_label, 1)
        best_row.addWidget(self.open_best_button)
        best_row.addWidget(self.continue_button)
        results = QSplitter(Qt.Orientation.Horizontal)
        results.addWidget(self.table)
        results.addWidget(self.parallel.widget)
        results.setSizes([560, 560])
        results.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addLayout(mode_row)
        layout.addLayout(run_row)
        layout.addWidget(self.status)
        layout.addWidget(self.log_problem)
        layout.addWidget(results, 1)
        layout.addLayout(best_row)
        self.refresh_settings()
        for row, name in enumerate(DEFAULT_ROWS):
            self._choose(row, name)
        self._update_buttons()

    # ----- the settings offered -----------------------------------------------------------------------
    def _design(self) -> ModelSpec | None:
        try:
            return self.host.sweep_design()[0]
        except ConfigError:
            return None

    def refresh_settings(self) -> None:
        """Offer the settings of the design in the editor (a width per hidden Linear or Conv2d layer)."""
        spec = self._design()
        widths: list[str] = []
        if spec is not None:
            names = module_names(spec)
            last_linear = max((i for i, layer in enumerate(spec.layers) if layer.type == "Linear"), default=-1)
            widths = [names[i] for i, layer in enumerate(spec.layers)
                      if layer.type in WIDTH_PARAMS and i != last_linear]
        for box in self.setting_boxes:
            chosen = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem("—", "")
            for key, text in SETTING_NAMES.items():
                box.addItem(tr(text), key)
            for layer in widths:
                box.addItem(tr(WIDTH_NAME).format(layer=layer), UNITS_PREFIX + layer)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
            box.blockSignals(False)

    def _choose(self, row: int, name: str) -> None:
        box = self.setting_boxes[row]
        box.setCurrentIndex(max(0, box.findData(name)))
        self._setting_changed(row)

    def set_setting(self, row: int, name: str, values: str) -> None:
        """Choose setting `name` (sweeps.py's name, "" for none) with `values` in row `row` (tests, the guide)."""
        self._choose(row, name)
        self.value_edits[row].setText(values)

    def _setting_changed(self, row: int) -> None:
        name = self.setting_boxes[row].currentData() or ""
        edit = self.value_edits[row]
        edit.setEnabled(bool(name))
        key = UNITS_PREFIX if name.startswith(UNITS_PREFIX) else name
        edit.setText(DEFAULT_VALUES.get(key, "") if name else "")
        self._update_plan()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if not self._running:
            self.refresh_settings()  # the design may have changed since

    # ----- the plan -----------------------------------------------------------------------------------
    def axes(self) -> list[SweepAxis]:
        """The settings and values chosen; raises SweepError with the reason for a bad one."""
        out = []
        for box, edit in zip(self.setting_boxes, self.value_edits):
            name = box.currentData() or ""
            if name:
                values = ",".join(part for part in re.split(r"[,;\s]+", edit.text().strip()) if part)
                out.append(parse_axis(f"{name}={values}"))
        return out

    def plan(self) -> list[SweepPlan]:
        """The runs to train, checked against the design and settings shown; raises SweepError or ConfigError."""
        spec, config = self.host.sweep_design()
        config = config.replace(epochs=self.epochs.value())
        axes = self.axes()
        check_axes(axes, spec, config)
        points = random_points(axes, self.draws.value(), config.seed) if self.random_choice.isChecked() \
            else grid_points(axes)
        if len(points) > MAX_RUNS:
            raise SweepError(tr("{count} runs: at most {limit} in one sweep; list fewer values.").format(
                count=len(points), limit=MAX_RUNS))
        return [SweepPlan(point, *apply_point(spec, config, point)) for point in points]

    def _update_plan(self) -> None:
        self.draws.setEnabled(self.random_choice.isChecked())
        if self._running:
            return
        try:
            count = len(grid_points(self.axes()))
        except SweepError:
            self.plan_label.setText("")
            return
        runs = min(self.draws.value(), count) if self.random_choice.isChecked() else count
        self.plan_label.setText(tr("Runs: {runs} · epochs per run: {epochs}").format(
            runs=runs, epochs=self.epochs.value()))

    # ----- running ------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._running

    def run_sweep(self) -> bool:
        """Start the sweep; False (the reason shown) while the window trains, before the data is loaded, or for
        a bad setting or value."""
        if self._running:
            return False
        blocker = self.host.training_blocker()
        data = self.host.sweep_data()
        if not blocker and data is None:
            blocker = tr("The data set is not loaded yet.")
        plans: list[SweepPlan] = []
        if not blocker:
            try:
                plans = self.plan()
            except (SweepError, ConfigError) as exc:
                blocker = str(exc)
        if blocker:
            self._set_status(lambda: blocker, error=True)
            return False
        assert data is not None
        self._sweeps += 1
        self._plans = plans
        self._names = list(plans[0].point)
        self._score_key = test_score_key(plans[0].config.task)
        self._outcomes, self._run_ids, self._kept = [], [], {}
        self.log_problem.hide()
        self._current = None
        self.table.set_settings(self._names)
        self.parallel.clear()
        self.best_label.setText("")
        self.progress_bar.setValue(0)
        self._running = True
        self._set_status(lambda: tr("Starting {count} runs…").format(count=len(plans)))
        self.job.request_run(plans, data, self.host.tensorboard_dir())
        self._update_buttons()
        return True

    def cancel(self) -> None:
        """Stop after the run in training."""
        if self._running:
            self.job.cancel()
            self._set_status(lambda: tr("Cancelling: the sweep stops once the run in training has finished…"))

    def shutdown(self) -> None:
        """End the sweep's thread (the window closes)."""
        self.job.shutdown()

    def _on_window_training(self) -> None:
        if self._running:
            self.job.cancel()
            self._set_status(lambda: tr("Training started in the window: the sweep stops after the run in "
                                        "training."), error=True)

    def _on_run_started(self, index: int, plan: SweepPlan) -> None:
        self._current = (index, plan)
        self._show_progress(math.nan)

    def _on_progress(self, fraction: float, seconds_left: float) -> None:
        self.progress_bar.setValue(round(fraction * 1000))
        self._show_progress(seconds_left)

    def _show_progress(self, seconds_left: float) -> None:
        if not self._running or self.job.cancelled:
            return
        if self._current is None:
            return
        index, plan = self._current
        left = tr("about {time} left").format(time=_duration(seconds_left)) if math.isfinite(seconds_left) \
            else tr("estimating the time left…")
        self._set_status(lambda: tr("Run {number} of {count}: {settings} — {left}").format(
            number=index + 1, count=len(self._plans), settings=describe_point(plan.point), left=left))

    def _on_run_finished(self, outcome: SweepOutcome) -> None:
        name = tr("Sweep {sweep} · {settings}").format(sweep=self._sweeps, settings=describe_point(outcome.plan.point))
        run = self.host.keep_run(outcome, name) if outcome.history.step_losses or outcome.history.epochs else None
        run_id = run.id if run is not None else None
        self._outcomes.append(replace(outcome, project=None))  # the weights live in `_kept` only: dropped, freed
        self._run_ids.append(run_id)
        if run is not None and outcome.project is not None:
            self._kept[run.id] = (run, outcome.project)
            self._drop_weights_over_budget()
        self.table.add_outcome(outcome, self._score_key, name if run_id is not None else "—", run_id)
        self._show_results()

    def _on_log_error(self, message: str) -> None:
        self.log_problem.setText(message)  # already translated, with the folder and the reason
        self.log_problem.show()

    def _on_finished(self, reason: str) -> None:
        self._running = False
        done = len(self._outcomes)
        if reason == "completed":
            self._set_status(lambda: tr("Finished: {count} runs, kept in the Runs view.").format(count=done))
        else:
            self._set_status(lambda: tr("Cancelled after {done} of {count} runs; those are kept in the Runs "
                                        "view.").format(done=done, count=len(self._plans)))
        self._update_buttons()
        self._update_plan()
        self.sweep_finished.emit(reason)

    # ----- results ------------------------------------------------------------------------------------
    def scores(self) -> list[float | None]:
        """Each finished run's test score (the task's), in the order they ran; None for a run that did not
        complete with one."""
        return [o.last(self._score_key) if o.reason == "completed" else None for o in self._outcomes]

    def best_run_id(self) -> int | None:
        """The Runs-view id of the completed run with the highest test score."""
        best = best_index(self.scores())
        return self._run_ids[best] if best is not None else None

    def _show_results(self) -> None:
        scores = self.scores()
        best = best_index(scores)
        self.parallel.set_runs(self._names, [o.plan.point for o in self._outcomes], scores, self._score_key, best)
        self.table.mark_best(self._run_ids[best] if best is not None else None)
        if best is None:
            self.best_label.setText("")
        else:
            outcome = self._outcomes[best]
            score = scores[best]
            assert score is not None
            shown = f"R² {score:.3f}" if self._score_key == "test_r2" else f"{score:.2%}"
            self.best_label.setText(tr("Best so far: run {number} ({settings}), test score {score}.").format(
                number=outcome.index + 1, settings=describe_point(outcome.plan.point), score=shown))
        self._update_buttons()

    def _drop_weights_over_budget(self) -> None:
        """Keep the final weights of as many runs as `KEEP_WEIGHTS_BYTES` allows: the lowest scores go first."""
        scores = dict(zip(self._run_ids, self.scores()))
        sizes = {run_id: tensor_bytes(project) for run_id, (_run, project) in self._kept.items()}
        while len(sizes) > 1 and sum(sizes.values()) > KEEP_WEIGHTS_BYTES:
            worst = min(sizes, key=lambda run_id: (scores.get(run_id) is not None, scores.get(run_id) or 0.0))
            del sizes[worst], self._kept[worst]

    def selected_run_id(self) -> int | None:
        """The Runs-view id of the run selected in the table (None: none, or it was not kept)."""
        rows = self.table.selectionModel().selectedRows()
        ids = self.table.run_ids()
        return ids[rows[0].row()] if len(rows) == 1 else None

    def continue_selected(self) -> bool:
        """The selected run's final weights and settings into the window, as its current run."""
        kept = self._kept.get(self.selected_run_id() or -1)
        return kept is not None and self.host.continue_run(*kept)

    def open_best(self) -> bool:
        run_id = self.best_run_id()
        if run_id is None:
            return False
        self.host.open_run(run_id)
        return True

    # ----- state --------------------------------------------------------------------------------------
    def _set_status(self, render: Callable[[], str], error: bool = False) -> None:
        self._status = render
        self.status.setText(render())
        self.status.setStyleSheet(f"color: {ERROR_TEXT};" if error else "")

    def _update_buttons(self) -> None:
        self.run_button.setEnabled(not self._running)
        self.cancel_button.setEnabled(self._running)
        self.open_best_button.setEnabled(self.best_run_id() is not None)
        selected = self.selected_run_id()
        self.continue_button.setEnabled(selected in self._kept)
        self.continue_button.setToolTip(
            tr("Take over the selected run's final weights, optimizer state and settings in the window: Train "
               "continues it, and the Runs view's fork bar forks it with another optimizer or learning rate.")
            if selected is None or selected in self._kept else
            tr("This run's weights were not kept: it diverged or stopped before its first step, or its weights were "
               "dropped to save memory (runs with lower scores go first)."))
        for widget in (*self.setting_boxes, self.grid_choice, self.random_choice, self.epochs):
            widget.setEnabled(not self._running)
        for box, edit in zip(self.setting_boxes, self.value_edits):
            edit.setEnabled(not self._running and bool(box.currentData()))
        self.draws.setEnabled(not self._running and self.random_choice.isChecked())

    def retranslate(self) -> None:
        """The language changed: the texts built from values."""
        self.refresh_settings()
        self.table.retranslate()
        self.parallel.retranslate()
        self.status.setText(self._status())
        self._update_plan()
        if self._outcomes:
            self._show_results()


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return tr("{seconds} s").format(seconds=seconds)
    return tr("{minutes} min {seconds} s").format(minutes=seconds // 60, seconds=seconds % 60)

"""The Runs tab: every training run with its settings, curves of any runs overlaid, rename, delete, fork.

A table lists the runs of the project (a core `RunStore`): name, where it was forked from, optimizer,
learning rate, task, best test score, epochs, steps and status. The checkbox of a row overlays that
run's curves — the smoothed training loss and a chosen per-epoch score, against the global step —
each run in its own colour of the Okabe–Ito palette (and its own dash pattern after the eighth), so
the colours read with the common colour-vision deficiencies. A forked run's curves start at its
parent's value at the fork step, marked with a diamond: the branch point.

The fork bar under the table continues the current run from where its weights are now with another
optimizer or learning rate, as a new run; the window (through `run_tracking.RunTracker`) does the
pausing, stopping and restarting.
"""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr, trn
from playground.core.model.tasks import TASKS
from playground.core.training.runs import (
    DEFAULT_NAME,
    RunRecord,
    RunStore,
    SmoothedLosses,
    default_name,
    short_name,
    status_text,
)
from playground.core.training.training_config import OPTIMIZERS
from playground.ui.widgets.palette import (
    FOREGROUND,
    LEGEND_EDGE,
    LEGEND_FILL,
    MARKER_WHITE,
    MUTED_TEXT,
    OKABE_ITO,
)
from playground.ui.widgets.plot_style import LAYER_COLOURS, plot_widget
from playground.ui.widgets.spin_boxes import LearningRateSpinBox

# Colour-blind-safe run colours (Okabe–Ito); after them the cycle repeats with dashes.
RUN_COLOURS = LAYER_COLOURS
DASHES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine)
METRICS = {  # key in the trainer's rows → (menu text, axis label, scale); the texts are translated where shown
    "test_accuracy": (N_("Test accuracy"), N_("test accuracy (%)"), 100.0),
    "test_loss": (N_("Test loss"), N_("test loss"), 1.0),
    "train_accuracy": (N_("Training accuracy (per epoch)"), N_("training accuracy (%)"), 100.0),
    "train_loss": (N_("Training loss (per epoch)"), N_("training loss"), 1.0),
    "val_accuracy": (N_("Validation accuracy"), N_("validation accuracy (%)"), 100.0),
    "test_r2": (N_("Test R² (regression)"), N_("test R²"), 1.0),
}
COLUMNS = (
    (N_("Run"), N_("Tick to overlay the run's curves below. Double-click the name to rename it.")),
    (N_("From"), N_("The run it was forked from and the step it branched at: its weights there are the parent's.")),
    (N_("Optimizer"), N_("The update rule the run trained with.")),
    (N_("LR"), N_("The learning rate η.")),
    (N_("Batch"), N_("Images per gradient step.")),
    (N_("Task"), N_("What the network learned to answer.")),
    (N_("Best test"), N_("The best test score at an epoch's end during this run (accuracy, or R² for regression).")),
    (N_("Epochs"), N_("Epochs of training in this run (from its start to its end).")),
    (N_("Steps"), N_("Gradient steps, as global step numbers: from → to.")),
    (N_("Status"), N_("Running, paused, completed, stopped (by you), forked (stopped to continue as a new run), "
                      "or diverged (the loss blew up).")),
)
NAME, FROM, OPTIMIZER, LR, BATCH, TASK, BEST, EPOCHS, STEPS, STATUS = range(len(COLUMNS))
EMPTY_TEXT = N_("No runs yet. Every time you press Train, the run is kept here with its settings, so you can "
                "compare runs, fork one with other settings and find them again in the project file.")
FORK_TIP = N_("Continue training from the current weights with these settings, as a new run whose curves branch "
              "off the current run's at this step.")


def run_colour(run_id: int) -> str:
    return RUN_COLOURS[(run_id - 1) % len(RUN_COLOURS)]


def run_pen(run_id: int, width: float = 2.0) -> pg.QtGui.QPen:
    pen = pg.mkPen(run_colour(run_id), width=width)
    pen.setStyle(DASHES[((run_id - 1) // len(RUN_COLOURS)) % len(DASHES)])
    return pen


class _RunCurves:
    """The plot items of one overlaid run: its loss, its score and its branch-point markers."""

    def __init__(self, panel: RunsPanel, run: RunRecord):
        pen = run_pen(run.id)
        colour = run_colour(run.id)
        self.loss = panel.loss_plot.plot(pen=pen, name=run.display_name())
        self.loss.setDownsampling(auto=True, method="mean")
        self.loss.setClipToView(True)
        self.metric = panel.metric_plot.plot(pen=pen, symbol="o", symbolSize=7, symbolBrush=colour,
                                             symbolPen=pg.mkPen(colour))
        # Checks during epochs use a subset of the test set: hollow markers, no line (as on the Training tab).
        self.checks = panel.metric_plot.plot(pen=None, symbol="o", symbolSize=6, symbolBrush=None,
                                             symbolPen=pg.mkPen(colour, width=1.5))
        marker = dict(symbol="d", symbolSize=12, symbolBrush=pg.mkBrush(MARKER_WHITE),
                      symbolPen=pg.mkPen(colour, width=2), pen=None)
        self.loss_branch = panel.loss_plot.plot(**marker)
        self.metric_branch = panel.metric_plot.plot(**marker)


class RunsPanel(QWidget):
    """A view and editor of a `RunStore`; the window's `RunTracker` feeds it as training goes on."""

    # The user asks to continue the current run with (optimizer, learning rate) as a new run.
    fork_requested = Signal(str, float)
    # Runs were renamed or deleted (the project changed).
    edited = Signal()

    def __init__(self, store: RunStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store if store is not None else RunStore()
        self._smoothed = SmoothedLosses(self.store)
        self._checked: set[int] = {run.id for run in self.store.runs}  # every run is overlaid at first
        self._curves: dict[int, _RunCurves] = {}
        self._rows: dict[int, int] = {}  # run id → table row
        self._filling = False
        self._stale = False  # curves changed while the panel was hidden
        self._stale_rows: set[int] = set()  # runs whose rows changed meanwhile
        self._fork_default = True  # the fork bar is off with the default reason (set again on a language switch)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between cells
        for i, (title, tip) in enumerate(COLUMNS):
            item = QTableWidgetItem(tr(title))
            item.setToolTip(tr(tip))
            self.table.setHorizontalHeaderItem(i, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.itemChanged.connect(self._on_item_changed)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_label = QLabel(tr(EMPTY_TEXT))
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {MUTED_TEXT}; padding: 6px;")

        self.show_all_button = QPushButton(tr("Show all"))
        self.show_all_button.setToolTip(tr("Overlay the curves of every run."))
        self.show_all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.show_none_button = QPushButton(tr("Show none"))
        self.show_none_button.setToolTip(tr("Hide every run's curves."))
        self.show_none_button.clicked.connect(lambda: self.set_all_checked(False))
        self.rename_button = QPushButton(tr("Rename"))
        self.rename_button.setToolTip(tr("Rename the selected run (or double-click its name)."))
        self.rename_button.clicked.connect(self._rename_selected)
        self.delete_button = QPushButton(tr("Delete…"))
        self.delete_button.setToolTip(tr("Forget the selected runs (the network's weights are not touched)."))
        self.delete_button.clicked.connect(self._delete_selected)
        buttons = QHBoxLayout()
        for button in (self.show_all_button, self.show_none_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # Fork: continue the current run with other settings, as a new run.
        self.fork_label = QLabel(tr("Fork:"))
        self.fork_label.setWordWrap(True)
        self.fork_optimizer = QComboBox()
        for key, text in OPTIMIZERS.items():
            self.fork_optimizer.addItem(tr(text), key)
        self.fork_optimizer.setToolTip(tr("The optimizer the forked run continues with."))
        self.fork_rate = LearningRateSpinBox()
        self.fork_rate.setValue(1e-3)
        self.fork_rate.setToolTip(tr("The learning rate the forked run continues with (type e.g. 3e-4; the arrows "
                                     "step 1, 2, 5, 10, …)."))
        self.fork_button = QPushButton(tr("Fork and continue"))
        self.fork_button.setToolTip(tr(FORK_TIP))
        self.fork_button.clicked.connect(self._request_fork)
        fork = QHBoxLayout()
        fork.addWidget(self.fork_label, 1)
        fork.addWidget(self.fork_optimizer)
        fork.addWidget(QLabel(tr("lr")))
        fork.addWidget(self.fork_rate)
        fork.addWidget(self.fork_button)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_TEXT};")

        self.loss_plot_widget = plot_widget(tr("Training loss (smoothed)"), tr("step"), tr("loss"))
        self.loss_plot = self.loss_plot_widget.getPlotItem()
        self.loss_plot.getViewBox().setMouseEnabled(True, True)
        self.legend = self.loss_plot.addLegend(offset=(-8, 8), labelTextColor=FOREGROUND,
                                               brush=pg.mkBrush(*LEGEND_FILL), pen=pg.mkPen(LEGEND_EDGE))
        self.metric_plot_widget = plot_widget(tr("Test accuracy"), tr("step"), tr("test accuracy (%)"))
        self.metric_plot = self.metric_plot_widget.getPlotItem()
        self.metric_plot.getViewBox().setMouseEnabled(True, True)
        self.metric_plot.setXLink(self.loss_plot)
        self.metric_choice = QComboBox()  # not `metric`: that would hide QWidget.metric(), which Qt calls
        for key, (text, _, _) in METRICS.items():
            self.metric_choice.addItem(tr(text), key)
        self.metric_choice.setToolTip(tr("The score plotted on the right: measured at every epoch's end and at the "
                                         "test checks in between (those use a subset of the test set)."))
        self.metric_choice.currentIndexChanged.connect(self._metric_changed)
        plots = QWidget()
        plots_layout = QVBoxLayout(plots)
        plots_layout.setContentsMargins(0, 0, 0, 0)
        metric_row = QHBoxLayout()
        metric_row.addStretch(1)
        metric_row.addWidget(QLabel(tr("Right plot:")))
        metric_row.addWidget(self.metric_choice)
        plots_layout.addLayout(metric_row)
        pair = QHBoxLayout()
        pair.addWidget(self.loss_plot_widget, 1)
        pair.addWidget(self.metric_plot_widget, 1)
        plots_layout.addLayout(pair, 1)
        note = QLabel(tr("◇ where a forked run branches off its parent · ● epoch ends (the whole test set) · "
                         "○ checks during epochs (a subset of it)"))
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {MUTED_TEXT};")
        plots_layout.addWidget(note)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.empty_label)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        top_layout.addLayout(fork)
        top_layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(plots)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.set_fork_target(None)
        self.refresh()

    # ----- the store ---------------------------------------------------------------------------------
    def set_store(self, store: RunStore) -> None:
        """Show another project's runs (all of them overlaid)."""
        self.store = store
        self._smoothed = SmoothedLosses(store)
        self._checked = {run.id for run in store.runs}
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the table and the overlay from the store."""
        self._filling = True
        try:
            runs = self.store.runs
            self.table.setRowCount(len(runs))
            self._rows = {}
            for row, run in enumerate(runs):
                self._rows[run.id] = row
                self._fill_row(row, run)
        finally:
            self._filling = False
        self._checked &= {run.id for run in self.store.runs}
        self.empty_label.setVisible(not self.store.runs)
        if self.isVisible():
            self._redraw_all()
        else:  # drawn when the tab is shown: otherwise every run's start made the window wait ~10 ms
            self._stale = True
        self._update_buttons()

    def run_added(self, run: RunRecord) -> None:
        """A run began (new or forked): list it and overlay it."""
        self._checked.add(run.id)
        self.refresh()

    def run_updated(self, run_id: int) -> None:
        """A run grew (new losses, an epoch) or changed status: its row and, if shown, its curves."""
        run = self.store.get(run_id)
        row = self._rows.get(run_id)
        if run is None or row is None:
            self.refresh()
            return
        if self.window().isVisible() and not self.isVisible():  # another workspace is on show: filled on return
            self._stale_rows.add(run_id)
        else:
            self._fill(row, run)
        if run_id in self._checked:
            if self.isVisible():
                self._draw(run)
            else:  # another tab is in front: draw when this one is shown (no cost while training meanwhile)
                self._stale = True

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        self._catch_up()

    def _fill(self, row: int, run: RunRecord) -> None:
        self._filling = True
        try:
            self._fill_row(row, run)
        finally:
            self._filling = False

    def _catch_up(self) -> None:
        """Draw what was put off while another tab was in front."""
        stale_rows, self._stale_rows = self._stale_rows, set()
        for run_id in stale_rows:
            run, row = self.store.get(run_id), self._rows.get(run_id)
            if run is not None and row is not None:
                self._fill(row, run)
        if self._stale:
            self._stale = False
            self._redraw_all()

    # ----- checking -----------------------------------------------------------------------------------
    def checked_ids(self) -> list[int]:
        return [run.id for run in self.store.runs if run.id in self._checked]

    def set_checked(self, run_id: int, checked: bool) -> None:
        row = self._rows.get(run_id)
        item = self.table.item(row, NAME) if row is not None else None
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_all_checked(self, checked: bool) -> None:
        for run in self.store.runs:
            self.set_checked(run.id, checked)

    def drawn_runs(self) -> list[int]:
        """Ids of the runs whose curves are on the plots once the tab is shown (tests)."""
        self._catch_up()

        def shown(item: pg.PlotDataItem) -> bool:
            return item.xData is not None and len(item.xData) > 0
        return sorted(run_id for run_id, c in self._curves.items()
                      if shown(c.loss) or shown(c.metric) or shown(c.checks))

    def loss_curve(self, run_id: int) -> tuple[np.ndarray, np.ndarray]:
        """The plotted (step, smoothed loss) of a run (tests)."""
        self._catch_up()
        curves = self._curves.get(run_id)
        if curves is None or curves.loss.xData is None:
            return np.empty(0), np.empty(0)
        return np.asarray(curves.loss.xData), np.asarray(curves.loss.yData)

    def metric_curve(self, run_id: int) -> tuple[np.ndarray, np.ndarray]:
        self._catch_up()
        curves = self._curves.get(run_id)
        if curves is None or curves.metric.xData is None:
            return np.empty(0), np.empty(0)
        return np.asarray(curves.metric.xData), np.asarray(curves.metric.yData)

    # ----- fork ---------------------------------------------------------------------------------------
    def set_fork_target(self, text: str | None, optimizer: str | None = None, learning_rate: float | None = None,
                        reason: str = "") -> None:
        """Enable the fork bar with its sentence ('Fork Run 2 at step 626: continue with'), or disable it
        (None) saying why."""
        enabled = text is not None
        self._fork_default = not enabled and not reason
        for widget in (self.fork_optimizer, self.fork_rate, self.fork_button):
            widget.setEnabled(enabled)
        self.fork_label.setText(text if text is not None else tr("Fork: {reason}").format(
            reason=reason or tr("train or pause a run first.")))
        self.fork_button.setToolTip(tr(FORK_TIP) if enabled else reason)
        if enabled and optimizer is not None:
            self.fork_optimizer.setCurrentIndex(max(0, self.fork_optimizer.findData(optimizer)))
        if enabled and learning_rate is not None:
            self.fork_rate.setValue(learning_rate)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _request_fork(self) -> None:
        self.fork_rate.interpretText()
        self.fork_requested.emit(self.fork_optimizer.currentData(), float(self.fork_rate.value()))

    # ----- editing ------------------------------------------------------------------------------------
    def _selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = {row: run_id for run_id, row in self._rows.items()}
        return [ids[row] for row in rows if row in ids]

    def _rename_selected(self) -> None:
        ids = self._selected_ids()
        item = self.table.item(self._rows[ids[0]], NAME) if ids else None
        if item is not None:
            self.table.editItem(item)

    def _delete_selected(self) -> None:
        runs = [run for run_id in self._selected_ids()
                if (run := self.store.get(run_id)) is not None and run.status not in ("running", "paused")]
        if not runs:
            return
        ids = [run.id for run in runs]
        names = ", ".join(run.display_name() for run in runs)
        children = sum(len(self.store.children(run_id)) for run_id in ids)
        if not children:
            text = tr("Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are.")
        else:
            text = trn("Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are. "
                       "%n run forked from it keeps its own curves.",
                       "Delete {names}? Its curves and settings are forgotten; the network's weights stay as they are. "
                       "%n runs forked from it keep their own curves.", children)
        text = text.format(names=names)
        answer = QMessageBox.question(self, tr("Delete runs?"), text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_runs(ids)

    def delete_runs(self, ids: list[int]) -> None:
        for run_id in ids:
            self.store.delete(run_id)
            self._smoothed.forget(run_id)
            self._remove_curves(run_id)
        self.refresh()
        self.edited.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != NAME:
            return
        run_id = item.data(Qt.ItemDataRole.UserRole)
        run = self.store.get(run_id)
        if run is None:
            return
        checked = item.checkState() == Qt.CheckState.Checked
        if checked != (run_id in self._checked):
            if checked:
                self._checked.add(run_id)
                self._draw(run)
            else:
                self._checked.discard(run_id)
                self._remove_curves(run_id)
            self._fit()
        if item.text() != run.display_name():
            name = item.text()
            if " ".join(name.split()) == tr(DEFAULT_NAME).format(id=run_id):
                name = default_name(run_id)  # the default name as shown: saved as the default name
            if name != run.name and self.store.rename(run_id, name):
                self._update_legend_name(run)
                self.edited.emit()
            self._filling = True
            item.setText(run.display_name())
            self._filling = False

    def _update_buttons(self) -> None:
        ids = self._selected_ids()
        self.rename_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(any((r := self.store.get(i)) is not None and r.status not in ("running", "paused")
                                          for i in ids))
        has_runs = bool(self.store.runs)
        self.show_all_button.setEnabled(has_runs)
        self.show_none_button.setEnabled(has_runs)

    # ----- table rows ---------------------------------------------------------------------------------
    def _fill_row(self, row: int, run: RunRecord) -> None:
        parent = self.store.get(run.parent_id)
        best = run.best_score()
        if best is None:
            best_text = "—"
        elif run.config.task == "regression":
            best_text = f"R² {best:.3f}"
        else:
            best_text = f"{best:.2%}"
        from_text = ""
        if run.parent_id is not None:
            from_text = f"{parent.display_name() if parent else tr('a deleted run')} @ {run.fork_step or 0:,}"
        elif run.start_step:
            from_text = tr("step {step:,}").format(step=run.start_step)
        values = {
            FROM: from_text,
            OPTIMIZER: short_name(tr(OPTIMIZERS.get(run.config.optimizer, run.config.optimizer))),
            LR: f"{run.config.learning_rate:g}",
            BATCH: str(run.config.batch_size),
            TASK: short_name(tr(TASKS.get(run.config.task, run.config.task))),
            BEST: best_text,
            EPOCHS: f"{run.epochs_trained:.2f}".rstrip("0").rstrip(".") if run.steps_per_epoch else "—",
            STEPS: f"{run.start_step:,} → {run.end_step:,}",
            STATUS: status_text(run.status),
        }
        name = self.table.item(row, NAME)
        if name is None or name.data(Qt.ItemDataRole.UserRole) != run.id:
            name = QTableWidgetItem()
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
                          | Qt.ItemFlag.ItemIsUserCheckable)
            name.setData(Qt.ItemDataRole.UserRole, run.id)
            name.setIcon(_swatch(run.id))
            self.table.setItem(row, NAME, name)
        name.setText(run.display_name())
        name.setCheckState(Qt.CheckState.Checked if run.id in self._checked else Qt.CheckState.Unchecked)
        created = _dt.datetime.fromtimestamp(run.created).strftime("%Y-%m-%d %H:%M") if run.created else tr("unknown")
        name.setToolTip(tr("{run}: {network}, {settings}, started {created}").format(
            run=run.display_name(), network=run.spec.name, settings=run.describe_settings(), created=created))
        for column, text in values.items():
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
            item.setText(text)
        status = self.table.item(row, STATUS)
        assert status is not None  # made with the other cells above
        font = status.font()
        font.setBold(run.status in ("running", "paused"))
        status.setFont(font)
        status.setForeground(QBrush(QColor(OKABE_ITO["vermillion"] if run.status == "diverged" else FOREGROUND)))

    # ----- the overlay --------------------------------------------------------------------------------
    def _metric_key(self) -> str:
        return self.metric_choice.currentData()

    def _metric_changed(self) -> None:
        self._label_metric_plot()
        self._redraw_all()

    def _label_metric_plot(self) -> None:
        text, label, _ = METRICS[self._metric_key()]
        self.metric_plot.setTitle(tr(text), color=FOREGROUND, size="10pt")
        self.metric_plot.getAxis("left").setLabel(tr(label), color=FOREGROUND)

    def retranslate(self) -> None:
        """The language changed: the rows (names, statuses, tool tips), the legend and the fork bar's default."""
        self._filling = True
        try:
            for run in self.store.runs:
                row = self._rows.get(run.id)
                if row is not None:
                    self._fill_row(row, run)
        finally:
            self._filling = False
        for run in self.store.runs:
            curves = self._curves.get(run.id)
            if curves is not None:
                self.legend.removeItem(curves.loss)
        for run in self.store.runs:  # again in the runs' order
            curves = self._curves.get(run.id)
            if curves is not None:
                self.legend.addItem(curves.loss, run.display_name())
        self._label_metric_plot()
        if self._fork_default:
            self.set_fork_target(None)

    def _redraw_all(self) -> None:
        for run_id in list(self._curves):
            if run_id not in self._checked or self.store.get(run_id) is None:
                self._remove_curves(run_id)
        for run in self.store.runs:
            if run.id in self._checked:
                self._draw(run)
        self._fit()

    def _draw(self, run: RunRecord) -> None:
        curves = self._curves.get(run.id)
        if curves is None:
            curves = self._curves[run.id] = _RunCurves(self, run)
        x, y = self._smoothed.curve(run.id)
        curves.loss.setData(x, y)
        key = self._metric_key()
        scale = METRICS[key][2]
        mx, my = self.store.metric_curve(run.id, key)
        curves.metric.setData(mx, my * scale)
        cx, cy = self.store.check_points(run.id, key)
        curves.checks.setData(cx, cy * scale)
        if run.parent_id is not None and len(x) and self.store.get(run.parent_id) is not None:
            curves.loss_branch.setData([x[0]], [y[0]])
            branch = self.store.branch_point(run.id, key)
            curves.metric_branch.setData(*(([branch[0]], [branch[1] * scale]) if branch else ([], [])))
        else:
            curves.loss_branch.setData([], [])
            curves.metric_branch.setData([], [])

    def _remove_curves(self, run_id: int) -> None:
        curves = self._curves.pop(run_id, None)
        if curves is None:
            return
        for item in (curves.loss, curves.loss_branch):
            self.loss_plot.removeItem(item)  # also takes it out of the legend
        for item in (curves.metric, curves.checks, curves.metric_branch):
            self.metric_plot.removeItem(item)

    def _update_legend_name(self, run: RunRecord) -> None:
        curves = self._curves.get(run.id)
        if curves is not None:
            self.legend.removeItem(curves.loss)
            self.legend.addItem(curves.loss, run.display_name())

    def _fit(self) -> None:
        self.loss_plot.enableAutoRange()
        self.metric_plot.enableAutoRange()


def _swatch(run_id: int) -> QIcon:
    """A small square of the run's colour (with its dash pattern's first dash), to match rows to curves."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(run_colour(run_id)))
    return QIcon(pixmap)


__all__ = ["RunsPanel", "run_colour", "run_pen", "METRICS"]

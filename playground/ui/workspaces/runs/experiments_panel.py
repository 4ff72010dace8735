"""The Experiments tab: one click trains the candidates of a course-notes claim and shows what happened.

Left, the experiments (each with its Run button and how long it takes); right, the chosen one: the
claim, the candidates, why it is set up that way, live overlaid curves of the candidates while they
train, the result table (best one marked) and a one-line conclusion computed from the numbers.

Training runs on a thread of its own (`ExperimentJob`), never on the GUI thread; Cancel stops the
candidate in training after its current batch. Losses reach the GUI at most ten times a second.
The experiments are defined in `core.experiments` (no Qt there).
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.training.events import EpochFinished, Evaluated, StepDone
from playground.core.training.experiments import (
    CHECK_SUBSET,
    CandidateFinished,
    CandidateProgress,
    CandidateStarted,
    Experiment,
    ExperimentEvent,
    ExperimentResult,
    ExperimentStarted,
    default_experiments,
)
from playground.ui.widgets.palette import (
    ACCENT,
    BORDER,
    FOREGROUND,
    LEGEND_EDGE,
    LEGEND_FILL,
    MARKER_WHITE,
    MUTED_TEXT,
    NOTICE_TINTS,
    SELECTED_TINT,
    SUMMARY_TINT,
)
from playground.ui.widgets.plot_style import LAYER_COLOURS, plot_widget
from playground.ui.workers.background import WorkerThread

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits
    from playground.core.training.experiments import ExperimentRunner

LOSS_EMIT_HZ = 10.0
# Experiments train with one thread, at a lower priority (as the training worker's thread): the GUI and any
# training in the main window keep the other cores. OpenMP threads that outnumber the free cores spin
# against each other — measured 20–50× slower on a busy two-core machine — so one thread is also the
# faster choice whenever anything else runs. Denormal floats are flushed to zero, as in every thread that
# trains (core/denormals.py).
EXPERIMENT_THREADS = 1
EXPERIMENT_NICENESS = 10
SHUTDOWN_TIMEOUT_MS = 5000
SMOOTHING = 0.9
PLOT_HEIGHT = (170, 250)  # the curves leave room for the table and the conclusion below them
BEST_BACKGROUND = NOTICE_TINTS["info"]  # light blue (the message bar's "info"); the row is also marked ★ and bold
TAB_TITLE = N_("Experiments")
TAB_TIP = N_("One-click experiments that test the course notes' claims on real training runs: Adam vs gradient "
             "descent, ReLU vs Sigmoid, linear vs non-linear, over-fitting, model selection.")
TABLE_COLUMNS = (  # English (N_): shown with tr(...)
    (N_("Rank"), N_("1 is best: the lowest validation error where there is a validation set, else the lowest test "
                    "error.")),
    (N_("Candidate"), ""),
    (N_("Train err."), N_("Error of the final weights on the digits the network learned from.")),
    (N_("Val. err."), N_("Error on the validation digits: held out of training, used to choose between models.")),
    (N_("Test err."), N_("Error on test digits never used for training or choosing: the honest estimate.")),
    (N_("Gap"), N_("Test error minus training error: large when the network has memorised its training digits.")),
    (N_("Params"), N_("Weights and biases the network learns.")),
    (N_("Time"), N_("Wall-clock time to train and score the candidate.")),
)
REASONS = {"diverged": N_("diverged"), "stopped": N_("stopped")}  # why a candidate ended early, as the table says


class ExperimentJob(QObject):
    """Trains one experiment at a time on its own QThread and reports through signals (throttled)."""

    started = Signal(str, object)  # key, ExperimentStarted
    candidate_started = Signal(str, object)  # key, CandidateStarted
    losses = Signal(str, int, object, object)  # key, index, steps (float64 array), losses
    point = Signal(str, int, object)  # key, index, a test check (Evaluated) or an epoch's end (EpochFinished)
    progress = Signal(str, float, float)  # key, fraction done, seconds left (NaN: not known yet)
    candidate_finished = Signal(str, int, object)  # key, index, CandidateResult
    finished = Signal(str, object)  # key, ExperimentResult
    _run_requested = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = WorkerThread("experiments", flush_denormals=True, niceness=EXPERIMENT_NICENESS,
                                    torch_threads=None if "OMP_NUM_THREADS" in os.environ else EXPERIMENT_THREADS)
        self._runner: ExperimentRunner | None = None
        self.thread_id: int | None = None  # the thread the last experiment trained on (tests)
        self._run_requested.connect(self._run)

    def start_thread(self) -> None:
        self._thread.start(self)

    def request_run(self, experiment: Experiment, base: DataSplits | None) -> None:
        self.start_thread()
        self._run_requested.emit(experiment, base)

    def cancel(self) -> None:
        """Any thread: the candidate in training stops after its batch; no further one starts."""
        runner = self._runner
        if runner is not None:
            runner.cancel()

    def shutdown(self, timeout_ms: int = SHUTDOWN_TIMEOUT_MS) -> None:
        self.cancel()
        self._thread.shutdown(timeout_ms / 1000)

    @property
    def thread_running(self) -> bool:
        return self._thread.running

    @Slot(object, object)
    def _run(self, experiment: Experiment, base) -> None:
        from playground.core.training.experiments import ExperimentRunner
        self.thread_id = threading.get_ident()
        runner = self._runner = ExperimentRunner(experiment, base)
        key = experiment.key
        state: dict[str, Any] = {"pending": [], "last_emit": 0.0, "done_before": 0, "total": 1,
                                 "t0": time.perf_counter(), "index": 0, "last_step": 0, "planned": ()}

        def flush() -> None:
            pending = state["pending"]
            if pending:
                steps = np.array([s for s, _ in pending], dtype=np.float64)
                values = np.array([v for _, v in pending], dtype=np.float64)
                state["pending"] = []
                self.losses.emit(key, state["index"], steps, values)
            done = state["done_before"] + state["last_step"]
            fraction = min(done / max(state["total"], 1), 1.0)
            elapsed = time.perf_counter() - state["t0"]
            left = elapsed * (1 - fraction) / fraction if fraction > 0.02 else math.nan
            self.progress.emit(key, fraction, left)
            state["last_emit"] = time.perf_counter()

        def listener(event: ExperimentEvent) -> None:
            if isinstance(event, CandidateProgress) and isinstance(event.event, StepDone):
                step = event.event
                state["pending"].append((step.step, step.loss))
                state["last_step"] = step.step
                if time.perf_counter() - state["last_emit"] >= 1.0 / LOSS_EMIT_HZ:
                    flush()
                return
            flush()
            if isinstance(event, ExperimentStarted):
                state["total"] = max(event.total_steps, 1)
                state["planned"] = event.planned_steps
                self.started.emit(key, event)
            elif isinstance(event, CandidateStarted):
                state["index"] = event.candidate
                state["last_step"] = 0
                state["done_before"] = sum(state["planned"][:event.candidate])
                self.candidate_started.emit(key, event)
            elif isinstance(event, CandidateProgress):
                self.point.emit(key, event.candidate, event.event)
            elif isinstance(event, CandidateFinished):
                self.candidate_finished.emit(key, event.candidate, event.result)

        try:
            result = runner.run(listener)
        except Exception as exc:  # noqa: BLE001 — e.g. the data cannot be loaded: a message, not a traceback
            result = ExperimentResult(experiment, [], runner.cancelled, 0.0, error=str(exc) or type(exc).__name__)
        flush()
        self._runner = None
        self.finished.emit(key, result)


class _ExperimentCard(QFrame):
    """One experiment in the list: its title, how long it takes, and its Run button. A click selects it."""

    clicked = Signal()

    def __init__(self, experiment: Experiment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("experimentCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._experiment = experiment
        self.title = title = QLabel()
        title.setWordWrap(True)
        self.estimate = estimate = QLabel()
        estimate.setStyleSheet(f"color: {MUTED_TEXT};")
        self.run_button = QPushButton(tr("Run"))
        self.retranslate()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(estimate, 1)
        row.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addLayout(row)
        self.set_selected(False)

    def retranslate(self) -> None:
        """The card's texts (built from the experiment's numbers) in the current language."""
        experiment = self._experiment
        count, duration = len(experiment.candidates), _duration(experiment.seconds_estimate)
        self.title.setText(f"<b>{_escape(tr(experiment.title))}</b>")
        self.estimate.setText(f"≈ {duration}")
        self.estimate.setToolTip(tr("{count} candidates, about {duration} in all on one CPU core.").format(
            count=count, duration=duration))
        self.run_button.setToolTip(tr("Train the {count} candidates one after another (about {duration} on one CPU "
                                      "core).").format(count=count, duration=duration))

    def set_selected(self, selected: bool) -> None:
        self.setStyleSheet("#experimentCard { border: 1px solid %s; border-radius: 4px; background: %s; }"
                           % ((ACCENT, SELECTED_TINT) if selected else (BORDER, "transparent")))

    def mousePressEvent(self, event) -> None:  # Qt override
        self.clicked.emit()
        super().mousePressEvent(event)


class _CandidateCurves:
    def __init__(self, panel: ExperimentsPanel, index: int, label: str):
        colour = LAYER_COLOURS[index % len(LAYER_COLOURS)]
        pen = pg.mkPen(colour, width=2)
        self.loss = panel.loss_plot.plot(pen=pen, name=tr(label))
        self.loss.setDownsampling(auto=True, method="mean")
        # The line: test checks during training (on a subset of the test digits); the dots: the whole test
        # sample at each epoch's end — the number the table reports.
        self.metric = panel.metric_plot.plot(pen=pg.mkPen(colour, width=1.5))
        self.ends = panel.metric_plot.plot(pen=None, symbol="o", symbolSize=8, symbolBrush=colour,
                                           symbolPen=pg.mkPen(MARKER_WHITE, width=1))


class _Record:
    """What the panel keeps of an experiment's last run: its curves and its result."""

    def __init__(self) -> None:
        self.steps: dict[int, list[float]] = {}
        self.smooth: dict[int, list[float]] = {}
        self.ema: dict[int, tuple[float, int]] = {}
        self.points: dict[int, list[tuple[float, float]]] = {}  # test checks during training
        self.ends: dict[int, list[tuple[float, float]]] = {}  # the whole test sample at each epoch's end
        self.result: ExperimentResult | None = None
        self.status: Callable[[], str] = lambda: ""  # what is happening, in the current language
        self.seconds_left: float | None = None  # appended to the status while training
        self.cancelling = False

    def status_text(self) -> str:
        text = self.status()
        if self.seconds_left is not None:
            text = tr("{status} — about {duration} left").format(status=text, duration=_duration(self.seconds_left))
        return text


class ExperimentsPanel(QWidget):
    """`experiments` defaults to the notes' experiments; `data_provider` returns the loaded data set to
    sample from (None: the runner loads the shipped MNIST)."""

    experiment_finished = Signal(object)  # ExperimentResult
    multilabel_requested = Signal()  # "Softmax vs sigmoid for multi-label…": the window shows that comparison

    def __init__(self, experiments: list[Experiment] | None = None,
                 data_provider: Callable[[], DataSplits | None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.experiments = list(experiments) if experiments is not None else default_experiments()
        self._by_key = {e.key: e for e in self.experiments}
        self._data_provider = data_provider
        self._records: dict[str, _Record] = {e.key: _Record() for e in self.experiments}
        self._running: str | None = None
        self._shown: str | None = None
        self._curves: dict[int, _CandidateCurves] = {}
        self._stale = False  # points arrived while the tab was hidden
        self.job = ExperimentJob()
        self.job.started.connect(self._on_started)
        self.job.candidate_started.connect(self._on_candidate_started)
        self.job.losses.connect(self._on_losses)
        self.job.point.connect(self._on_point)
        self.job.progress.connect(self._on_progress)
        self.job.candidate_finished.connect(self._on_candidate_finished)
        self.job.finished.connect(self._on_finished)

        # Left: the experiments, each a card with its Run button.
        self.cards: dict[str, _ExperimentCard] = {}
        self.run_buttons: dict[str, QPushButton] = {}
        intro = QLabel(tr("Each experiment trains small networks on a random part of MNIST (or on generated 2-D "
                          "points) for a few epochs, so it finishes in seconds on one CPU core — the rest of the "
                          "machine stays free for the window and its own training. "
                          "The numbers are real; each conclusion is computed from them."))
        intro.setWordWrap(True)
        intro.setStyleSheet(f"color: {MUTED_TEXT};")
        cards = QWidget()
        cards_layout = QVBoxLayout(cards)
        cards_layout.setContentsMargins(0, 0, 0, 0)
        cards_layout.setSpacing(4)
        cards_layout.addWidget(intro)
        for experiment in self.experiments:
            card = _ExperimentCard(experiment)
            card.clicked.connect(lambda k=experiment.key: self.show_experiment(k))
            card.run_button.clicked.connect(lambda _=False, k=experiment.key: self.run_experiment(k))
            self.cards[experiment.key] = card
            self.run_buttons[experiment.key] = card.run_button
            cards_layout.addWidget(card)
        multilabel = QPushButton(tr("Softmax vs sigmoid for multi-label…"))
        multilabel.setToolTip(tr("Two networks learn four yes/no labels per digit (even, ≥ 5, prime, loop): "
                                 "softmax + cross-entropy against a sigmoid per label + BCE, side by side"))
        multilabel.clicked.connect(self.multilabel_requested)
        self.multilabel_button = multilabel
        cards_layout.addWidget(multilabel)
        cards_layout.addStretch(1)
        left = QScrollArea()
        left.setWidget(cards)
        left.setWidgetResizable(True)
        left.setFrameShape(QScrollArea.Shape.NoFrame)
        left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # As wide as the cards need (nothing clipped), the wrapped text taking the height instead.
        left.setMinimumWidth(cards.minimumSizeHint().width() + left.verticalScrollBar().sizeHint().width() + 4)

        # Right: the chosen experiment.
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.title.setWordWrap(True)
        self.claim = QLabel()
        self.claim.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.run_button = QPushButton(tr("Run experiment"))
        self.run_button.clicked.connect(lambda: self._shown and self.run_experiment(self._shown))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop after the current batch; candidates already finished are kept."))
        self.cancel_button.clicked.connect(self.cancel)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(14)
        self.status = QLabel()
        self.status.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress_bar, 1)
        controls.addStretch(0)

        self.loss_plot_widget = plot_widget(tr("Training loss (smoothed)"), tr("step"), tr("loss"))
        self.loss_plot = self.loss_plot_widget.getPlotItem()
        self.loss_plot.addLegend(offset=(-8, 8), labelTextColor=FOREGROUND, brush=pg.mkBrush(*LEGEND_FILL),
                                 pen=pg.mkPen(LEGEND_EDGE))
        self.metric_plot_widget = plot_widget(tr("Test accuracy"), tr("step"), tr("test accuracy (%)"))
        self.metric_plot = self.metric_plot_widget.getPlotItem()
        for widget in (self.loss_plot_widget, self.metric_plot_widget):
            widget.setMinimumHeight(PLOT_HEIGHT[0])
            widget.setMaximumHeight(PLOT_HEIGHT[1])
        pair = QHBoxLayout()
        pair.addWidget(self.loss_plot_widget, 1)
        pair.addWidget(self.metric_plot_widget, 1)
        plots = QVBoxLayout()
        plots.addLayout(pair)
        self.plots_note = plots_note = QLabel()
        plots_note.setWordWrap(True)
        plots_note.setStyleSheet(f"color: {MUTED_TEXT};")
        plots.addWidget(plots_note)

        self.table = QTableWidget(0, len(TABLE_COLUMNS))
        self.table.setTabKeyNavigation(False)
        for i, (title, tip) in enumerate(TABLE_COLUMNS):
            header_item = QTableWidgetItem(tr(title))
            header_item.setToolTip(tr(tip))
            self.table.setHorizontalHeaderItem(i, header_item)
        self.table.verticalHeader().hide()
        # The numbers keep their width; the candidate's name takes what is left (elided, full in its tooltip).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.conclusion = QLabel()
        self.conclusion.setWordWrap(True)
        self.conclusion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conclusion.setStyleSheet(f"font-weight: bold; padding: 6px; background: {SUMMARY_TINT}; "
                                      f"border-left: 4px solid {ACCENT};")
        self.table_note = QLabel()
        self.table_note.setWordWrap(True)
        self.table_note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.how_to_read = QLabel()
        self.how_to_read.setWordWrap(True)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 4, 8, 4)
        for widget in (self.title, self.claim, self.details):
            detail_layout.addWidget(widget)
        detail_layout.addLayout(controls)
        detail_layout.addWidget(self.status)
        detail_layout.addLayout(plots)
        detail_layout.addWidget(self.conclusion)
        detail_layout.addWidget(self.table)
        detail_layout.addWidget(self.table_note)
        detail_layout.addWidget(self.how_to_read)
        detail_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 800])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._show_plots_note()
        if self.experiments:
            self.show_experiment(self.experiments[0].key)
        self._update_buttons()

    def _show_plots_note(self) -> None:
        self.plots_note.setText(tr("Right: the line follows test checks on up to {count:,} test digits during "
                                   "training; the dots are the whole test sample at each epoch's end, as in the "
                                   "table.").format(count=CHECK_SUBSET))

    def retranslate(self) -> None:
        """The texts built from values — the chosen experiment, its result, the status — in the current language
        (the cards translate their own)."""
        self._show_plots_note()
        if self._shown is not None:
            self.show_experiment(self._shown)
        self._update_buttons()

    # ----- public ---------------------------------------------------------------------------------------
    @property
    def running(self) -> str | None:
        """The key of the experiment in training, or None."""
        return self._running

    def result(self, key: str) -> ExperimentResult | None:
        return self._records[key].result

    def run_experiment(self, key: str) -> bool:
        """Start training an experiment's candidates (off the GUI thread). False while another runs."""
        if self._running is not None or key not in self._by_key:
            return False
        experiment = self._by_key[key]
        self._records[key] = _Record()
        self._records[key].status = lambda: tr("Loading the data…")
        self._running = key
        self.show_experiment(key)
        self.progress_bar.setValue(0)
        base = self._data_provider() if self._data_provider is not None else None
        self.job.request_run(experiment, base)
        self._update_buttons()
        return True

    def cancel(self) -> None:
        if self._running is not None:
            self.job.cancel()
            self._set_status(self._running, lambda: tr("Cancelling after the current batch…"), cancelling=True)

    def shutdown(self) -> None:
        """End the training thread (the window calls this when it closes)."""
        self.job.shutdown()

    # ----- showing an experiment ---------------------------------------------------------------------------
    def show_experiment(self, key: str) -> None:
        experiment = self._by_key[key]
        self._shown = key
        for card_key, card in self.cards.items():
            card.set_selected(card_key == key)
        self.title.setText(tr(experiment.title))
        self.claim.setText(tr("<i>The notes: “{claim}”</i>").format(claim=tr(experiment.claim)))
        candidates = "".join(f"<li><b>{_escape(tr(c.label))}</b>{' — ' + _escape(tr(c.note)) if c.note else ''}</li>"
                             for c in experiment.candidates)
        self.details.setText(
            f"<ul style='margin: 2px 0 2px -20px'>{candidates}</ul>"
            f"<p style='margin: 2px 0'>{_escape(tr(experiment.setup))}</p>"
            f"<p style='margin: 2px 0; color:{MUTED_TEXT}'>"
            + tr("Data: {data}. About {duration} on one CPU core — small subsets and few epochs keep it quick; more "
                 "would only sharpen the same picture.").format(data=_escape(experiment.describe_data(*self._sizes())),
                                                                duration=_duration(experiment.seconds_estimate))
            + "</p>")
        self.how_to_read.setText(tr("<b>How to read it:</b> {text}").format(text=_escape(tr(experiment.how_to_read))))
        self.metric_plot.setTitle(tr("Test accuracy"), color=FOREGROUND, size="10pt")
        self._rebuild_curves()
        self._show_result()
        self.status.setText(self._records[key].status_text())
        self._update_buttons()

    def _sizes(self) -> tuple[int, int]:
        """(training, test) examples of the data set the experiments sample from."""
        data = self._data_provider() if self._data_provider is not None else None
        return (len(data.train), len(data.test)) if data is not None else (60_000, 10_000)

    def _rebuild_curves(self) -> None:
        for curves in self._curves.values():
            self.loss_plot.removeItem(curves.loss)
            self.metric_plot.removeItem(curves.metric)
            self.metric_plot.removeItem(curves.ends)
        self.loss_plot.legend.clear()
        self._curves = {}
        if self._shown is None:
            return
        record = self._records[self._shown]
        for index, candidate in enumerate(self._by_key[self._shown].candidates):
            if index in record.steps or index in record.points:
                self._draw(index, candidate.label)
        self.loss_plot.enableAutoRange()
        self.metric_plot.enableAutoRange()

    def showEvent(self, event) -> None:  # Qt override
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._rebuild_curves()

    def _draw_live(self, key: str, index: int) -> None:
        """New points of a candidate: drawn now if its experiment is on screen, else when the tab is shown."""
        if key != self._shown:
            return
        if self.isVisible():
            self._draw(index, self._by_key[key].candidates[index].label)
        else:
            self._stale = True

    def _draw(self, index: int, label: str) -> None:
        curves = self._curves.get(index)
        if curves is None:
            curves = self._curves[index] = _CandidateCurves(self, index, label)
        if self._shown is None:  # drawn only for the experiment on show
            return
        record = self._records[self._shown]
        curves.loss.setData(record.steps.get(index, []), record.smooth.get(index, []))
        points = record.points.get(index, [])
        curves.metric.setData([p[0] for p in points], [p[1] * 100 for p in points])
        ends = record.ends.get(index, [])
        curves.ends.setData([p[0] for p in ends], [p[1] * 100 for p in ends])

    def _show_result(self) -> None:
        if self._shown is None:
            return
        record = self._records[self._shown]
        result = record.result
        self.table.setRowCount(0)
        if result is None:
            self.table.hide()
            self.conclusion.hide()
            self.table_note.hide()
            return
        table = result.table()
        self.table.show()
        self.table.setColumnHidden(3, not table.has_validation)
        self.table.setRowCount(len(table.rows))
        for r, row in enumerate(table.rows):
            gap = "—" if row.gap is None else tr("{gap:+.1f} pts").format(gap=row.gap * 100)
            label = tr(row.label) if row.reason == "completed" else tr("{label} ({reason})").format(
                label=tr(row.label), reason=tr(REASONS.get(row.reason, row.reason)))
            values = (f"{row.rank}{' ★' if row.best else ''}", label,
                      _pct(row.train_error), _pct(row.validation_error), _pct(row.test_error), gap,
                      f"{row.parameters:,}", tr("{seconds:.1f} s").format(seconds=row.seconds))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c != 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    item.setToolTip(text)
                if row.best:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setBackground(QBrush(QColor(BEST_BACKGROUND)))
                    item.setToolTip(tr("Best: lowest validation error") if table.ranked_by == "validation"
                                    else tr("Best: lowest test error"))
                self.table.setItem(r, c, item)
        self._fit_table_height()
        self.conclusion.setText(result.conclusion())
        self.conclusion.show()
        self.table_note.setText(table.note)
        self.table_note.show()

    def _fit_table_height(self) -> None:
        """Tall enough for every row: the panel scrolls, not the table."""
        rows = self.table.rowCount()
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(rows)) + 4
        self.table.setFixedHeight(height)

    def _set_status(self, key: str, render: Callable[[], str], cancelling: bool = False) -> None:
        """`render()` says what is happening in the current language (called again after a language switch)."""
        record = self._records[key]
        record.status, record.seconds_left, record.cancelling = render, None, cancelling
        self._show_status(key)

    def _show_status(self, key: str) -> None:
        if key == self._shown:
            self.status.setText(self._records[key].status_text())

    def _update_buttons(self) -> None:
        idle = self._running is None
        for key, button in self.run_buttons.items():
            button.setEnabled(idle)
            button.setText(tr("Running…") if key == self._running else tr("Run"))
        self.run_button.setEnabled(idle and self._shown is not None)
        self.run_button.setText(tr("Running…") if self._running is not None and self._running == self._shown
                                else tr("Run experiment"))
        self.cancel_button.setEnabled(not idle and self._running == self._shown)
        self.progress_bar.setVisible(not idle and self._running == self._shown)

    # ----- the job's reports -------------------------------------------------------------------------------
    def _on_started(self, key: str, event: ExperimentStarted) -> None:
        candidates, steps = event.candidates, event.total_steps
        self._set_status(key, lambda: tr("Training {candidates} candidates, {steps:,} steps in all…").format(
            candidates=candidates, steps=steps))

    def _on_candidate_started(self, key: str, event: CandidateStarted) -> None:
        total = len(self._by_key[key].candidates)
        index, label = event.candidate, event.label
        self._set_status(key, lambda: tr("Training “{label}” ({number} of {total})…").format(
            label=tr(label), number=index + 1, total=total))
        record = self._records[key]
        record.steps[index], record.smooth[index], record.ema[index] = [], [], (0.0, 0)
        record.points[index], record.ends[index] = [], []
        self._draw_live(key, index)

    def _on_losses(self, key: str, index: int, steps: np.ndarray, losses: np.ndarray) -> None:
        record = self._records[key]
        acc, count = record.ema.get(index, (0.0, 0))
        smooth = []
        for value in losses:
            acc = SMOOTHING * acc + (1 - SMOOTHING) * float(value)
            count += 1
            smooth.append(acc / (1 - SMOOTHING ** count))
        record.ema[index] = (acc, count)
        record.steps.setdefault(index, []).extend(steps.tolist())
        record.smooth.setdefault(index, []).extend(smooth)
        self._draw_live(key, index)

    def _on_point(self, key: str, index: int, event: Evaluated | EpochFinished) -> None:
        value = event.test.get("accuracy")
        if value is None or not math.isfinite(value):
            return
        record = self._records[key]
        target = record.ends if isinstance(event, EpochFinished) else record.points
        target.setdefault(index, []).append((float(event.step), float(value)))
        self._draw_live(key, index)

    def _on_progress(self, key: str, fraction: float, seconds_left: float) -> None:
        if key == self._shown and self._running == key:
            self.progress_bar.setValue(int(fraction * 1000))
            record = self._records[key]
            if math.isfinite(seconds_left) and not record.cancelling:
                record.seconds_left = seconds_left
                self._show_status(key)

    def _on_candidate_finished(self, key: str, index: int, result: Any) -> None:
        pass  # the table appears when all have finished (it ranks them against each other)

    def _on_finished(self, key: str, result: ExperimentResult) -> None:
        record = self._records[key]
        record.result = result
        self._running = None
        if result.error:
            status = lambda: tr("Failed: {error}").format(error=result.error)  # noqa: E731 — a lambda, so the text is translated again on a language switch
        elif result.cancelled:
            status = lambda: tr("Cancelled after {done} of {total} candidates.").format(  # noqa: E731 — a lambda, so the text is translated again on a language switch
                done=len(result.results), total=len(result.experiment.candidates))
        else:
            status = lambda: tr("Finished in {duration} on {data}.").format(  # noqa: E731 — a lambda, so the text is translated again on a language switch
                duration=_duration(result.seconds), data=tr(result.data_name))
        self._set_status(key, status)
        if key == self._shown:
            self._show_result()
        self._update_buttons()
        self.experiment_finished.emit(result)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _duration(seconds: float) -> str:
    seconds = max(0.0, float(seconds))
    if seconds < 60:
        return tr("{seconds} s").format(seconds=max(1, round(seconds)))
    minutes, rest = divmod(round(seconds), 60)
    return tr("{minutes} min {seconds:02d} s").format(minutes=minutes, seconds=rest)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

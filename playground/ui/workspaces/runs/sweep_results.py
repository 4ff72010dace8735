"""A sweep's results: a table sortable by any column, and a parallel-coordinates plot coloured by the test score.

Parallel coordinates: one vertical axis per setting varied, and the test score last; each run is a line through
its values on them. A setting's values are spaced evenly in their order (a learning rate or weight decay that
spans a factor of ten or more on a log scale, an optimizer in the order listed), the score from its lowest to its
highest. The colour is the score too (viridis: dark is low, yellow high, readable with the common colour-vision
deficiencies); the best run is drawn thicker, and a run with no score grey and dashed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from playground.core.i18n import N_, tr
from playground.core.training.runs import status_text
from playground.core.training.sweeps import SweepValue
from playground.ui.widgets.palette import FOREGROUND, LEGEND_FILL, MUTED_TEXT, NO_SCORE_COLOUR
from playground.ui.widgets.plot_style import ACTIVATION_COLOURMAP, plot_widget
from playground.ui.workspaces.runs.sweep_job import SweepOutcome

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PLOT_TITLE = N_("Parallel coordinates: each line is a run, coloured by its test score (dark: low, yellow: high)")
# Fixed columns after the settings' own (texts translated where shown).
SCORE, TEST_LOSS, TRAIN_LOSS, SECONDS, STATUS, RUN = range(6)
FIXED_COLUMNS = (
    (N_("Test score"), N_("The test score at the run's last epoch: accuracy, or R² for regression.")),
    (N_("Test loss"), N_("The loss on the test set at the run's last epoch.")),
    (N_("Training loss"), N_("The mean training loss over the run's last epoch.")),
    (N_("Time (s)"), N_("Wall-clock seconds the run took.")),
    (N_("Status"), N_("Completed, diverged (the loss blew up), stopped or error (the reason is in the tool tip).")),
    (N_("Run"), N_("The run's name in the Runs view, where its curves can be overlaid.")),
)


class _Item(QTableWidgetItem):
    """A cell that sorts by its number (or text) in SORT_ROLE rather than by the text shown."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if isinstance(mine, (int, float)) and isinstance(theirs, (int, float)):
            return float(mine) < float(theirs)
        if isinstance(mine, (int, float)) != isinstance(theirs, (int, float)):
            return isinstance(mine, (int, float))  # numbers before blanks
        return str(mine) < str(theirs)


def _item(text: str, key: float | str | None) -> _Item:
    item = _Item(text)
    item.setData(SORT_ROLE, key if key is not None else "")
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def value_text(value: SweepValue) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def score_text(score: float | None, regression: bool) -> str:
    if score is None:
        return "—"
    return f"R² {score:.3f}" if regression else f"{score:.2%}"


class SweepTable(QTableWidget):
    """One row per finished run: its settings, scores, time, status and name in the Runs view."""

    def __init__(self) -> None:
        super().__init__(0, 0)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._settings: list[str] = []

    def set_settings(self, names: Sequence[str]) -> None:
        """Empty the table; its columns: #, each setting varied, then the fixed ones."""
        self.setSortingEnabled(False)
        self.setRowCount(0)
        self._settings = list(names)
        self.setColumnCount(1 + len(names) + len(FIXED_COLUMNS))
        self.retranslate()
        self.setSortingEnabled(True)

    def retranslate(self) -> None:
        headers = [("#", tr("The run's place in the sweep."))]
        headers += [(name, tr("A setting the sweep varies.")) for name in self._settings]
        headers += [(tr(title), tr(tip)) for title, tip in FIXED_COLUMNS]
        for column, (title, tip) in enumerate(headers[:self.columnCount()]):
            item = QTableWidgetItem(title)
            item.setToolTip(tip)
            self.setHorizontalHeaderItem(column, item)

    def column_of(self, fixed: int) -> int:
        """The table column of a fixed column (SCORE, TEST_LOSS, …)."""
        return 1 + len(self._settings) + fixed

    def add_outcome(self, outcome: SweepOutcome, score_key: str, run_name: str, run_id: int | None) -> None:
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)  # or the row moves while its cells are set
        row = self.rowCount()
        self.insertRow(row)
        number = _item(str(outcome.index + 1), outcome.index + 1)
        number.setData(Qt.ItemDataRole.UserRole, run_id)
        self.setItem(row, 0, number)
        for column, name in enumerate(self._settings, 1):
            value = outcome.plan.point.get(name)
            self.setItem(row, column, _item("" if value is None else value_text(value),
                                            value if isinstance(value, (int, float, str)) else None))
        score = outcome.last(score_key)
        losses = outcome.last("test_loss"), outcome.last("train_loss")
        cells = {
            SCORE: (score_text(score, score_key == "test_r2"), score),
            TEST_LOSS: ("—" if losses[0] is None else f"{losses[0]:.4f}", losses[0]),
            TRAIN_LOSS: ("—" if losses[1] is None else f"{losses[1]:.4f}", losses[1]),
            SECONDS: (f"{outcome.seconds:.1f}", outcome.seconds),
            STATUS: (status_text(outcome.reason), outcome.reason),
            RUN: (run_name, run_name),
        }
        for fixed, (text, key) in cells.items():
            item = _item(text, key)
            if fixed == STATUS and outcome.message:
                item.setToolTip(outcome.message)
            self.setItem(row, self.column_of(fixed), item)
        self.setSortingEnabled(sorting)

    def run_ids(self) -> list[int | None]:
        """The Runs-view id of each row, top to bottom (as sorted now)."""
        out = []
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            out.append(item.data(Qt.ItemDataRole.UserRole) if item is not None else None)
        return out

    def mark_best(self, run_id: int | None) -> None:
        """Bold the row of the best run (and only that one)."""
        for row, rid in enumerate(self.run_ids()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None:
                    font = item.font()
                    font.setBold(rid is not None and rid == run_id)
                    item.setFont(font)


def axis_positions(values: Sequence[SweepValue]) -> tuple[list[float], list[tuple[float, str]]]:
    """Each value's height on its axis (0 … 1) and the axis's labels (height, text) for the distinct values.

    Numbers go in their order, on a log scale when all are above 0 and they span a factor of ten or more;
    anything else (an optimizer's name) in the order first seen."""
    distinct: list[SweepValue] = []
    for value in values:
        if value not in distinct:
            distinct.append(value)
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in distinct)
    if numbers:
        distinct.sort(key=float)
        floats = [float(v) for v in distinct]
        log = floats[0] > 0 and floats[-1] / floats[0] >= 10
        scaled = [math.log10(v) for v in floats] if log else floats
        low, high = scaled[0], scaled[-1]
        heights = {v: (s - low) / (high - low) if high > low else 0.5 for v, s in zip(distinct, scaled)}
    else:
        heights = {v: i / (len(distinct) - 1) if len(distinct) > 1 else 0.5 for i, v in enumerate(distinct)}
    return [heights[v] for v in values], [(heights[v], value_text(v)) for v in distinct]


class ParallelCoordinates:
    """The plot (`widget`): `set_runs` draws one line per run; `lines` are the drawn items (tests)."""

    def __init__(self) -> None:
        self.widget = plot_widget(tr(PLOT_TITLE), "", "", left_width=12)
        self.plot = self.widget.getPlotItem()
        self.plot.getAxis("left").setTicks([[]])
        self.plot.getAxis("left").setStyle(showValues=False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.lines: list[pg.PlotDataItem] = []
        self._texts: list[pg.TextItem] = []
        self._axes: list[pg.InfiniteLine] = []
        self._last: tuple[list[str], list[dict[str, SweepValue]], list[float | None], str, int | None] | None = None

    def clear(self) -> None:
        for item in [*self.lines, *self._texts, *self._axes]:
            self.plot.removeItem(item)
        self.lines, self._texts, self._axes = [], [], []

    def set_runs(self, names: Sequence[str], points: Sequence[dict[str, SweepValue]],
                 scores: Sequence[float | None], score_key: str, best: int | None = None) -> None:
        """Draw the runs: `points[i]` their settings, `scores[i]` their test scores (None: no score);
        `best` the position of the best run, drawn thicker."""
        self._last = (list(names), list(points), list(scores), score_key, best)
        self.clear()
        columns: list[list[float]] = []
        labels: list[list[tuple[float, str]]] = []
        for name in names:
            heights, ticks = axis_positions([point[name] for point in points])
            columns.append(heights)
            labels.append(ticks)
        found = [s for s in scores if s is not None]
        low, high = (min(found), max(found)) if found else (0.0, 1.0)
        regression = score_key == "test_r2"
        score_heights = [((s - low) / (high - low) if high > low else 0.5) if s is not None else math.nan
                         for s in scores]
        columns.append(score_heights)
        labels.append([(0.0, score_text(low, regression)), (1.0, score_text(high, regression))] if found else [])
        titles = [*names, tr("test R²") if regression else tr("test accuracy")]
        for x in range(len(titles)):
            axis = pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen(MUTED_TEXT, width=1))
            self.plot.addItem(axis)
            self._axes.append(axis)
            for height, text in labels[x]:
                label = pg.TextItem(text, color=FOREGROUND, anchor=(0, 0.5), fill=pg.mkBrush(*LEGEND_FILL))
                label.setZValue(10)  # above the lines, so a value stays readable where lines meet
                label.setPos(x + 0.03, height)
                self.plot.addItem(label)
                self._texts.append(label)
        self.plot.getAxis("bottom").setTicks([[(x, title) for x, title in enumerate(titles)]])
        order = sorted(range(len(points)), key=lambda i: (scores[i] is not None, scores[i] or 0.0))  # best on top
        for i in order:
            ys = [column[i] for column in columns]
            if scores[i] is None:
                pen = pg.mkPen(NO_SCORE_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
                ys[-1] = 0.0
            else:
                colour: QColor = ACTIVATION_COLOURMAP.map(score_heights[i], mode="qcolor")
                pen = pg.mkPen(colour, width=4.0 if i == best else 2.0)
            line = self.plot.plot(list(range(len(titles))), ys, pen=pen, symbol="o", symbolSize=5,
                                  symbolBrush=pen.color(), symbolPen=pen.color())
            self.lines.append(line)
        self.plot.setXRange(-0.1, len(titles) - 0.6, padding=0)
        self.plot.setYRange(-0.08, 1.08, padding=0)

    def retranslate(self) -> None:
        self.plot.setTitle(tr(PLOT_TITLE), color=FOREGROUND, size="10pt")
        if self._last is not None:
            self.set_runs(*self._last)

"""The epoch table: one row of numbers per finished epoch, next to the curves that plot them.

The columns follow the task (`set_task`): accuracy for classification, F1 and exact match for
multi-label (the per-label scores are in `label_scores.py`), R² and MAE for regression.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from playground.core.i18n import N_, tr

Column = tuple[str, str, str, str]  # (heading, key in the trainer's epoch row, format, tooltip); shown with tr()

_EPOCH: Column = (N_("Epoch"), "epoch", "{:d}", N_("Passes over the whole training set so far."))
_TIME: Column = (N_("Time"), "seconds", "{:.1f} s", N_("Wall-clock time of the epoch, including its evaluation."))
_LOSSES: tuple[Column, ...] = (
    (N_("Train loss"), "train_loss", "{:.4f}",
     N_("Mean loss over the epoch's batches, measured while the weights were still changing.")),
    (N_("Test loss"), "test_loss", "{:.4f}", N_("The loss on examples the network never trains on, after the epoch.")),
    (N_("Val. loss"), "val_loss", "{:.4f}", N_("The loss on the validation examples held out of the training set.")),
)
COLUMNS: tuple[Column, ...] = (
    _EPOCH,
    _LOSSES[0],
    (N_("Train acc."), "train_accuracy", "{:.2%}",
     N_("Share of training examples classified correctly during the epoch.")),
    _LOSSES[1],
    (N_("Test acc."), "test_accuracy", "{:.2%}", N_("Share of test examples classified correctly: the honest score.")),
    _LOSSES[2],
    (N_("Val. acc."), "val_accuracy", "{:.2%}", N_("Share of validation examples classified correctly.")),
    _TIME,
)
MULTILABEL_COLUMNS: tuple[Column, ...] = (
    _EPOCH,
    _LOSSES[0],
    (N_("Train acc."), "train_accuracy", "{:.2%}", N_("Share of (example, label) answers right during the epoch.")),
    _LOSSES[1],
    (N_("Test acc."), "test_accuracy", "{:.2%}", N_("Share of (example, label) answers right on the test set, "
                                                    "averaged over the labels.")),
    (N_("Test F1"), "test_f1", "{:.3f}", N_("F1 per label (the harmonic mean of precision and recall), averaged over "
                                            "the labels: unlike accuracy it can't be high by always answering 'no'.")),
    (N_("Exact"), "test_exact_match", "{:.2%}", N_("Share of test examples with every label right.")),
    _LOSSES[2],
    (N_("Val. F1"), "val_f1", "{:.3f}", N_("Mean F1 per label on the validation examples.")),
    _TIME,
)
REGRESSION_COLUMNS: tuple[Column, ...] = (
    _EPOCH,
    _LOSSES[0],
    _LOSSES[1],
    (N_("Test R²"), "test_r2", "{:.4f}", N_("Coefficient of determination on the test set: 1 is perfect, 0 is no "
                                            "better than always predicting the mean, below 0 is worse.")),
    (N_("Test MAE"), "test_mae", "{:.4g}", N_("Mean absolute error on the test set, in the target's own units.")),
    _LOSSES[2],
    (N_("Val. R²"), "val_r2", "{:.4f}", N_("R² on the validation examples.")),
    _TIME,
)
TASK_COLUMNS = {"multiclass": COLUMNS, "binary": COLUMNS, "multilabel": MULTILABEL_COLUMNS,
                "regression": REGRESSION_COLUMNS}
VALIDATION_KEYS = ("val_loss", "val_accuracy", "val_f1", "val_r2")


class EpochTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        self.columns: tuple[Column, ...] = ()
        self._rows: list[dict[str, Any]] = []
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setToolTip(tr("One row per finished epoch. Train and test numbers drifting apart is overfitting."))
        self.set_task("multiclass")

    def set_task(self, task: str) -> None:
        """Show the columns of this task's scores (rows already shown are shown again)."""
        columns = TASK_COLUMNS.get(task, COLUMNS)
        if columns == self.columns:
            return
        self.columns = columns
        self.setColumnCount(len(columns))
        for column, (heading, _key, _, tip) in enumerate(columns):
            item = QTableWidgetItem(tr(heading))
            item.setToolTip(tr(tip))
            self.setHorizontalHeaderItem(column, item)
        rows, self._rows = self._rows, []
        self.clear_rows()
        for row in rows:
            self.add_row(row)

    def add_row(self, row: dict[str, Any]) -> None:
        self._rows.append(dict(row))
        index = self.rowCount()
        self.insertRow(index)
        for column, (_, key, fmt, _) in enumerate(self.columns):
            value = row.get(key)
            if value is None:
                continue
            if key in VALIDATION_KEYS:
                self.setColumnHidden(column, False)
            item = QTableWidgetItem(fmt.format(value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(index, column, item)
        self.scrollToBottom()

    def clear_rows(self) -> None:
        self._rows = []
        self.setRowCount(0)
        for column, (_, key, _, _) in enumerate(self.columns):
            self.setColumnHidden(column, key in VALIDATION_KEYS)

    def headings(self) -> list[str]:
        """The headings of the columns shown, in English (tests)."""
        return [self.columns[c][0] for c in range(len(self.columns)) if not self.isColumnHidden(c)]

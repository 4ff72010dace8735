"""The epoch table: one row of numbers per finished epoch, next to the curves that plot them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

# (heading, key in the trainer's epoch row, format, tooltip)
COLUMNS: tuple[tuple[str, str, str, str], ...] = (
    ("Epoch", "epoch", "{:d}", "Passes over the whole training set so far."),
    ("Train loss", "train_loss", "{:.4f}", "Mean cross-entropy over the epoch's batches, measured while the weights were still changing."),
    ("Train acc.", "train_accuracy", "{:.2%}", "Share of training images classified correctly during the epoch."),
    ("Test loss", "test_loss", "{:.4f}", "Cross-entropy on images the network never trains on, after the epoch."),
    ("Test acc.", "test_accuracy", "{:.2%}", "Share of test images classified correctly: the honest score."),
    ("Val. loss", "val_loss", "{:.4f}", "Cross-entropy on the validation images held out of the training set."),
    ("Val. acc.", "val_accuracy", "{:.2%}", "Share of validation images classified correctly."),
    ("Time", "seconds", "{:.1f} s", "Wall-clock time of the epoch, including its evaluation."),
)
VALIDATION_KEYS = ("val_loss", "val_accuracy")


class EpochTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        for column, (heading, key, _, tip) in enumerate(COLUMNS):
            item = QTableWidgetItem(heading)
            item.setToolTip(tip)
            self.setHorizontalHeaderItem(column, item)
            self.setColumnHidden(column, key in VALIDATION_KEYS)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setToolTip("One row per finished epoch. Train and test numbers drifting apart is overfitting.")

    def add_row(self, row: dict[str, Any]) -> None:
        index = self.rowCount()
        self.insertRow(index)
        for column, (_, key, fmt, _) in enumerate(COLUMNS):
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
        self.setRowCount(0)
        for column, (_, key, _, _) in enumerate(COLUMNS):
            self.setColumnHidden(column, key in VALIDATION_KEYS)

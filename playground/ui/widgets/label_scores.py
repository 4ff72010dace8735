"""Multi-label scores per label after the latest epoch: accuracy and F1 for each of the digit attributes
(even, ≥ 5, prime, closed loop), so a label the network finds hard stands out."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from playground.core.i18n import N_, tr
from playground.core.model.tasks import DIGIT_ATTRIBUTES

# Shown with tr().
HEADINGS = (N_("Label"), N_("Test acc."), N_("Test F1"))
TIPS = (N_("A yes/no attribute the network answers for every digit."),
        N_("Share of test digits for which this label is right."),
        N_("F1 of this label on the test set: 2·precision·recall / (precision + recall). Low when the network "
           "misses the digits that have the attribute, even if its accuracy looks fine."))


class LabelScores(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, len(HEADINGS), parent)
        for column, (heading, tip) in enumerate(zip(HEADINGS, TIPS)):
            item = QTableWidgetItem(tr(heading))
            item.setToolTip(tr(tip))
            self.setHorizontalHeaderItem(column, item)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setToolTip(tr("Multi-label scores per label after the latest epoch."))
        self.setMinimumWidth(220)
        self._shown: tuple[dict[str, Any], tuple[str, ...]] | None = None  # the last show_row, for retranslate

    def show_row(self, row: dict[str, Any], names: tuple[str, ...] = DIGIT_ATTRIBUTES) -> None:
        """The per-label scores of an epoch row (its test_label{k}_accuracy / _f1 keys); `names` are English
        (the digit attributes) or the data's own, shown with tr()."""
        self._shown = (dict(row), tuple(names))
        count = sum(1 for k in range(64) if f"test_label{k}_accuracy" in row)
        self.setRowCount(count)
        for k in range(count):
            name = tr(names[k]) if k < len(names) else tr("label {number}").format(number=k + 1)
            values = (name, f"{row[f'test_label{k}_accuracy']:.2%}",
                      f"{row.get(f'test_label{k}_f1', float('nan')):.3f}")
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(k, column, item)

    def clear_rows(self) -> None:
        self._shown = None
        self.setRowCount(0)

    def retranslate(self) -> None:
        if self._shown is not None:
            self.show_row(*self._shown)

    def cell_text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""

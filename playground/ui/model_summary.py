"""The model summary: the network's layers with output shapes, parameter counts and W^[i]/b^[i] shapes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from playground.core.layers import LAYER_TYPES
from playground.core.shape_inference import ShapeReport, format_bytes, format_shape, infer_shapes
from playground.core.spec import ModelSpec

HEADINGS = (
    ("Layer", "The module's name in the PyTorch network (fc1, relu1, …)."),
    ("Type", "What the layer computes; hover over a row for an explanation."),
    ("Output", "Shape of one image's output from this layer (the batch dimension is left out)."),
    ("Params", "Learnable numbers in this layer: weights plus biases."),
    ("Weights", "Shapes of the layer's weight matrix W^[i] and bias vector b^[i], in the notes' notation."),
)
LAYER_COLUMN, TYPE_COLUMN, OUTPUT_COLUMN, PARAMS_COLUMN, WEIGHTS_COLUMN = range(len(HEADINGS))
MAX_TYPE_WIDTH = 130
ERROR_BACKGROUND = QColor("#FBE6DC")


class ModelSummaryPanel(QWidget):
    """Read-only for now; the visual layer-stack editor of a later issue sits above or replaces it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: palette(placeholder-text);")
        self.table = QTableWidget(0, len(HEADINGS))
        for column, (heading, tip) in enumerate(HEADINGS):
            item = QTableWidgetItem(heading)
            item.setToolTip(tip)
            self.table.setHorizontalHeaderItem(column, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        # Widths come from the contents (the Type column is capped and wraps), so row heights are
        # known before the table is shown and the table can be exactly as tall as its rows.
        for column in (LAYER_COLUMN, OUTPUT_COLUMN, PARAMS_COLUMN, WEIGHTS_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TYPE_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.total.setToolTip("Every learnable number in the network, and the memory its float32 weights take.")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.description)
        # The table takes the space it needs (capped at its rows' height, see _fit_height); the
        # stretch below takes the rest, so the total sits right under the last layer.
        layout.addWidget(self.table, 100)
        layout.addWidget(self.total)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        self.report: ShapeReport | None = None

    def set_spec(self, spec: ModelSpec, title: str = "", description: str = "") -> ShapeReport:
        """Show `spec`; returns its shape report."""
        report = infer_shapes(spec)
        self.report = report
        self.title.setText(title or spec.name)
        self.description.setText(description)
        self.description.setVisible(bool(description))
        table = self.table
        table.setRowCount(0)
        self._add_row(["input", "", format_shape(tuple(spec.input_shape)), "", ""],
                      "One image as the network receives it: channels×height×width.")
        for info in report.layers:
            # One tensor per line; no-break spaces keep "W^[1]  16×1×5×5" on one line.
            weights = "\n".join(f"{name}\u00a0\u00a0{format_shape(shape)}" for name, shape in info.weight_shapes.items())
            cells = [info.name, info.layer.describe(), format_shape(info.output_shape),
                     f"{info.parameters:,}" if info.parameters else "–", weights]
            kind = LAYER_TYPES.get(info.layer.type)
            tip = "\n".join(filter(None, [kind.summary if kind else "", info.error, *info.warnings]))
            self._add_row(cells, tip, error=bool(info.error))
        self._fit_table()
        self.total.setText(
            f"<b>Total: {report.total_parameters:,} parameters</b> "
            f"({format_bytes(report.parameter_bytes)} of float32 weights)"
        )
        problems = [f"⛔ {e}" for e in report.errors] + [f"⚠ {w}" for w in report.warnings]
        self.notes.setText("\n".join(problems))
        self.notes.setStyleSheet(
            "background: #FBE6DC; border-left: 4px solid #D55E00; padding: 4px; color: #222;" if report.errors else
            "background: #FDF3DC; border-left: 4px solid #E69F00; padding: 4px; color: #222;"
        )
        self.notes.setVisible(bool(problems))
        return report

    def _fit_table(self) -> None:
        table = self.table
        table.ensurePolished()  # measure with the font the table will be drawn in
        for column in range(table.columnCount()):
            table.resizeColumnToContents(column)
        # Long descriptions such as "Conv2d(16, 5×5, stride 1, pad 2)" wrap rather than widen the dock.
        table.setColumnWidth(TYPE_COLUMN, min(table.columnWidth(TYPE_COLUMN), MAX_TYPE_WIDTH))
        table.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """At most as tall as its rows; long networks scroll when the dock is short."""
        table = self.table
        height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        height += table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + 2
        if table.horizontalHeader().length() > table.viewport().width():  # a horizontal scroll bar shows
            height += table.horizontalScrollBar().sizeHint().height()
        table.setMaximumHeight(height)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._fit_table()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_height()

    def _add_row(self, cells: list[str], tooltip: str, error: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(tooltip)
            if column == PARAMS_COLUMN:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if error:
                item.setBackground(QBrush(ERROR_BACKGROUND))
            self.table.setItem(row, column, item)

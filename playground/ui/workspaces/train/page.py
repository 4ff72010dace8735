"""The Train workspace's page: the layer stack on the left, the curves and the epoch table in the middle.

Its training settings are lent to the window's side column (`settings`), beside the curves they drive.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QWidget

from playground.core.model.presets import Preset
from playground.ui.widgets.epoch_table import EpochTable
from playground.ui.widgets.label_scores import LabelScores
from playground.ui.widgets.plots import TrainingPlots
from playground.ui.workspaces.train.layer_editor import LayerStackEditor
from playground.ui.workspaces.train.training_panel import TrainingPanel

MIN_CURVES_WIDTH = 300
MIN_EDITOR_WIDTH = 270  # narrower, the palette wraps into the stack's space


class TrainPage(QSplitter):
    def __init__(self, presets: list[Preset]):
        super().__init__(Qt.Orientation.Horizontal)
        self.setObjectName("trainSplitter")  # its sizes are remembered
        self.editor = LayerStackEditor()
        self.editor.setMinimumWidth(MIN_EDITOR_WIDTH)
        self.plots = TrainingPlots()
        self.epoch_table = EpochTable()
        self.label_scores = LabelScores()  # multi-label: accuracy and F1 per label, beside the epoch table
        self.label_scores.hide()
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.setObjectName("tablesSplitter")
        tables.addWidget(self.epoch_table)
        tables.addWidget(self.label_scores)
        tables.setStretchFactor(0, 3)
        tables.setStretchFactor(1, 1)
        tables.setChildrenCollapsible(False)
        self.curves = QSplitter(Qt.Orientation.Vertical)
        self.curves.setObjectName("curvesSplitter")
        self.curves.addWidget(self.plots)
        self.curves.addWidget(tables)
        self.curves.setStretchFactor(0, 4)
        self.curves.setStretchFactor(1, 1)
        self.curves.setSizes([640, 150])
        self.curves.setChildrenCollapsible(False)
        self.curves.setMinimumWidth(MIN_CURVES_WIDTH)
        self.addWidget(self.editor)
        self.addWidget(self.curves)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setSizes([340, 700])
        self.setChildrenCollapsible(False)

        self.panel = TrainingPanel(presets)
        self.settings = QScrollArea()  # in the side column: the settings scroll instead of being squashed
        self.settings.setObjectName("trainingSettings")
        self.settings.setWidget(self.panel)
        self.settings.setWidgetResizable(True)
        self.settings.setFrameShape(QFrame.Shape.NoFrame)
        self.settings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def views(self) -> list[QWidget]:
        return [self.curves]

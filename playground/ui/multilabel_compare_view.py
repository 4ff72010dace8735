"""Why softmax is wrong for multi-label and a sigmoid per label is right — shown on two real runs.

The view trains both heads (core/multilabel_compare.py) off the GUI thread, then shows for a few test
digits that carry several labels at once the two networks' outputs side by side: softmax bars that
always add up to 1, so they can't all pass the 0.5 line; sigmoid bars that rise or fall on their own.
"""

from __future__ import annotations

import html
import threading
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from playground.core.tasks import DIGIT_ATTRIBUTES
from playground.ui.model_jobs import LatestJobRunner
from playground.ui.plot_style import style_plot
from playground.ui.plots import BACKGROUND, OKABE_ITO

HEAD_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"])  # softmax, sigmoid
INTRO = (
    "<b>Multi-label: softmax or a sigmoid per label?</b> Each digit gets four yes/no labels — "
    f"{', '.join(DIGIT_ATTRIBUTES)}. An 8 is even, ≥ 5 <i>and</i> has a loop. Two copies of the same network "
    "learn them: one ends in softmax + cross-entropy, one in a sigmoid per label + binary cross-entropy. "
    "A label counts as “yes” when its output passes 0.5."
)


class MultilabelCompareView(QWidget):
    """Run button, progress, and per sample digit: the truth and both heads' outputs as bars."""

    finished = Signal(object)  # the core Comparison (None when cancelled)

    def __init__(self, data_source: Any = None, parent: QWidget | None = None):
        """`data_source()` returns the digits to learn from (DataSplits); None → the shipped MNIST, 6,000 images."""
        super().__init__(parent)
        self._data_source = data_source
        self.comparison = None
        self._cancel = threading.Event()  # not the runner's cancel: that drops a job not yet started, silently
        self._runner = LatestJobRunner("multilabel-compare", self)
        self._runner.result.connect(self._on_result)
        self._runner.error.connect(self._on_error)
        self._runner.progress.connect(lambda f: self.progress.setValue(round(1000 * f)))

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 20)
        self.epochs.setValue(2)
        self.epochs.setToolTip("Epochs for each of the two networks (6,000 training digits each)")
        self.run_button = QPushButton("Train both")
        self.run_button.setToolTip("Train the softmax and the sigmoid network, one after the other (about 10 s)")
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Epochs"))
        controls.addWidget(self.epochs)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        self.scores = QLabel()
        self.scores.setTextFormat(Qt.TextFormat.RichText)
        self.conclusion = QLabel("Press “Train both” to see it happen.")
        self.conclusion.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.scores)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.conclusion)
        self.plots: list[pg.PlotWidget] = []

    # ----- running --------------------------------------------------------------------------
    def run(self) -> None:
        from playground.core.multilabel_compare import compare_heads

        data = self._data_source() if self._data_source is not None else None
        epochs = self.epochs.value()

        def job(runner: LatestJobRunner):
            from playground.core.datasets import load_data

            splits = data if data is not None else load_data(train_limit=6000, test_limit=2000)
            return compare_heads(splits, epochs=epochs, progress=runner.progress.emit, cancelled=self._cancel.is_set)

        self._cancel.clear()
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.conclusion.setText("Training the softmax network, then the sigmoid one…")
        self._runner.submit(job)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def shutdown(self) -> None:
        self._runner.shutdown()

    def _on_error(self, message: str) -> None:
        self._idle()
        self.conclusion.setText(f"<span style='color:#B00020'>The comparison stopped: {html.escape(message)}</span>")

    def _on_result(self, comparison) -> None:
        self._idle()
        if comparison is None:
            self.conclusion.setText("Cancelled.")
        else:
            self.show_comparison(comparison)
        self.finished.emit(comparison)

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # ----- showing ------------------------------------------------------------------------
    def show_comparison(self, comparison) -> None:
        self.comparison = comparison
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.plots = []
        rows = []
        for head, colour in zip(comparison.heads, HEAD_COLOURS):
            s = head.scores
            rows.append(f"<span style='color:{colour}'>■</span> <b>{html.escape(head.title)}</b>: "
                        f"F1 {s['f1']:.2f} · exact match {s['exact_match']:.0%} · per-label accuracy {s['accuracy']:.0%}")
        self.scores.setText("<br>".join(rows))
        for column, index in enumerate(range(len(comparison.digits))):
            self.grid.addWidget(_digit_label(comparison.images[index]), 0, column, Qt.AlignmentFlag.AlignHCenter)
            truth = [name for name, yes in zip(comparison.labels, comparison.truth[index]) if yes]
            caption = QLabel(f"<b>{comparison.digits[index]}</b>: {html.escape(', '.join(truth) or 'no label')}")
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setWordWrap(True)
            self.grid.addWidget(caption, 1, column)
            plot = self._bars(comparison, index)
            self.grid.addWidget(plot, 2, column)
            self.plots.append(plot)
        self.conclusion.setText(comparison.conclusion())

    def _bars(self, comparison, index: int) -> pg.PlotWidget:
        widget = pg.PlotWidget(background=BACKGROUND)
        widget.setMinimumSize(150, 170)
        plot = widget.getPlotItem()
        style_plot(plot, "", "", "", left_width=30)
        k = len(comparison.labels)
        offsets = (-0.2, 0.2)
        for head, colour, dx in zip(comparison.heads, HEAD_COLOURS, offsets):
            plot.addItem(pg.BarGraphItem(x=np.arange(k) + dx, height=head.probabilities[index], width=0.38,
                                         brush=colour, pen=pg.mkPen(None)))
        plot.addItem(pg.InfiniteLine(0.5, angle=0, pen=pg.mkPen("#444444", style=Qt.PenStyle.DashLine)))
        for x, yes in enumerate(comparison.truth[index]):
            if yes:  # a tick under the labels the digit really has
                marker = pg.TextItem(html='<b style="color:#009E73;font-size:12pt">✓</b>', anchor=(0.5, 0))
                marker.setPos(x, -0.02)
                plot.addItem(marker)
        plot.setYRange(-0.15, 1.05, padding=0)
        plot.setXRange(-0.6, k - 0.4, padding=0)
        plot.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        axis = plot.getAxis("bottom")
        axis.setTicks([[(x, _short(name)) for x, name in enumerate(comparison.labels)]])
        soft_sum = float(comparison.heads[0].sums[index])
        widget.setToolTip("\n".join(
            [f"{head.title}: " + ", ".join(f"{name} {p:.2f}" for name, p in zip(comparison.labels, head.probabilities[index]))
             for head in comparison.heads] + [f"Softmax outputs add up to {soft_sum:.2f}."]))
        return widget


def _short(name: str) -> str:
    return {"closed loop": "loop"}.get(name, name)


def _digit_label(image: np.ndarray) -> QLabel:
    image = np.ascontiguousarray(image, dtype=np.uint8)
    h, w = image.shape
    qimage = QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    label = QLabel()
    label.setPixmap(QPixmap.fromImage(qimage).scaled(56, 56, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.FastTransformation))
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label

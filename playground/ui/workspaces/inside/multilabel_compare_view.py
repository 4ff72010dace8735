"""Why softmax is wrong for multi-label and a sigmoid per label is right — shown on two real runs.

The view trains both heads (core/multilabel_compare.py) off the GUI thread, then shows for a few test
digits that carry several labels at once the two networks' outputs side by side: softmax bars that
always add up to 1, so they can't all pass the 0.5 line; sigmoid bars that rise or fall on their own.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.model.tasks import DIGIT_ATTRIBUTES
from playground.ui.widgets.palette import BACKGROUND, ERROR_TEXT, OKABE_ITO, THRESHOLD_LINE
from playground.ui.widgets.plot_style import style_plot
from playground.ui.workers.background import Job, LatestJobRunner

if TYPE_CHECKING:
    from playground.core.explain.multilabel_compare import Comparison

HEAD_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"])  # softmax, sigmoid
INTRO = N_(
    "<b>Multi-label: softmax or a sigmoid per label?</b> Each digit gets four yes/no labels — "
    "{labels}. An 8 is even, ≥ 5 <i>and</i> has a loop. Two copies of the same network "
    "learn them: one ends in softmax + cross-entropy, one in a sigmoid per label + binary cross-entropy. "
    "A label counts as “yes” when its output passes 0.5."
)


def intro_text() -> str:
    """INTRO in the current language, with the labels' names."""
    return tr(INTRO).format(labels=", ".join(tr(name) for name in DIGIT_ATTRIBUTES))


class MultilabelCompareView(QWidget):
    """Run button, progress, and per sample digit: the truth and both heads' outputs as bars."""

    finished = Signal(object)  # the core Comparison (None when cancelled)

    def __init__(self, data_source: Any = None, parent: QWidget | None = None):
        """`data_source()` returns the digits to learn from (DataSplits); None → the shipped MNIST, 6,000 images."""
        super().__init__(parent)
        self._data_source = data_source
        self.comparison: Comparison | None = None
        self._job: Job | None = None  # the comparison asked for last: Cancel raises its flag
        # It trains, so denormals are flushed; a thread only while it runs (it is rarely used).
        self._runner = LatestJobRunner("multilabel-compare", self, flush_denormals=True, idle_exit=True)
        self._runner.result.connect(self._on_result)
        self._runner.error.connect(self._on_error)
        self._runner.progress.connect(lambda f: self.progress.setValue(round(1000 * f)))

        self.intro = intro = QLabel(intro_text())
        intro.setWordWrap(True)
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 20)
        self.epochs.setValue(2)
        self.epochs.setToolTip(tr("Epochs for each of the two networks (6,000 training digits each)"))
        self.run_button = QPushButton(tr("Train both"))
        self.run_button.setToolTip(tr("Train the softmax and the sigmoid network, one after the other (about 10 s)"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress: QProgressBar = QProgressBar()  # (typed: the lambda above uses it)
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(tr("Epochs")))
        controls.addWidget(self.epochs)
        controls.addWidget(self.run_button)
        controls.addWidget(self.cancel_button)
        controls.addWidget(self.progress, 1)
        self.scores = QLabel()
        self.scores.setTextFormat(Qt.TextFormat.RichText)
        self.conclusion = QLabel()
        self.conclusion.setWordWrap(True)
        self._conclusion: Callable[[], str] = lambda: tr("Press “Train both” to see it happen.")
        self._show_conclusion(self._conclusion)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(10)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addWidget(self.scores)
        layout.addLayout(self.grid, 1)
        layout.addWidget(self.conclusion)
        self.plots: list[pg.PlotWidget] = []
        self._captions: list[QLabel] = []

    def _show_conclusion(self, render: Callable[[], str]) -> None:
        """`render()` gives the line under the bars in the current language (again after a switch)."""
        self._conclusion = render
        self.conclusion.setText(render())

    def retranslate(self) -> None:
        """The texts built from values and the comparison's labels in the language just chosen."""
        self.intro.setText(intro_text())
        if self.comparison is not None:
            self._show_texts(self.comparison)
        self._show_conclusion(self._conclusion)

    # ----- running --------------------------------------------------------------------------
    def run(self) -> None:
        from playground.core.explain.multilabel_compare import compare_heads

        data = self._data_source() if self._data_source is not None else None
        epochs = self.epochs.value()

        def job(runner: LatestJobRunner):
            from playground.core.data.datasets import load_data

            splits = data if data is not None else load_data(train_limit=6000, test_limit=2000)
            return compare_heads(splits, epochs=epochs, progress=runner.report_progress, cancelled=runner.cancelled)

        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self._show_conclusion(lambda: tr("Training the softmax network, then the sigmoid one…"))
        self._job = self._runner.submit(job)

    def cancel(self) -> None:
        """The comparison stops at its next step and answers None ("Cancelled."), even one not yet started."""
        if self._job is not None:
            self._job.cancel()

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def shutdown(self) -> None:
        self._runner.shutdown()

    def _on_error(self, message: str) -> None:
        self._idle()
        self._show_conclusion(lambda: "<span style='color:{colour}'>{text}</span>".format(
            colour=ERROR_TEXT, text=tr("The comparison stopped: {message}").format(message=html.escape(message))))

    def _on_result(self, comparison) -> None:
        self._idle()
        if comparison is None:
            self._show_conclusion(lambda: tr("Cancelled."))
        else:
            self.show_comparison(comparison)
        self.finished.emit(comparison)

    def _idle(self) -> None:
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    # ----- showing ------------------------------------------------------------------------
    def show_comparison(self, comparison: Comparison) -> None:
        self.comparison = comparison
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.plots = []
        self._captions = []
        for column, index in enumerate(range(len(comparison.digits))):
            self.grid.addWidget(_digit_label(comparison.images[index]), 0, column, Qt.AlignmentFlag.AlignHCenter)
            caption = QLabel()
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption.setWordWrap(True)
            self.grid.addWidget(caption, 1, column)
            self._captions.append(caption)
            plot = self._bars(comparison, index)
            self.grid.addWidget(plot, 2, column)
            self.plots.append(plot)
        self._show_texts(comparison)
        self._show_conclusion(comparison.conclusion)

    def _show_texts(self, comparison) -> None:
        """The scores, captions, tick labels and tool tips, in the current language (again after a switch)."""
        rows = []
        for head, colour in zip(comparison.heads, HEAD_COLOURS):
            s = head.scores
            rows.append(tr("<span style='color:{colour}'>■</span> <b>{title}</b>: F1 {f1:.2f} · "
                           "exact match {exact:.0%} · per-label accuracy {accuracy:.0%}").format(
                colour=colour, title=html.escape(tr(head.title)), f1=s["f1"], exact=s["exact_match"],
                accuracy=s["accuracy"]))
        self.scores.setText("<br>".join(rows))
        for index, (caption, widget) in enumerate(zip(self._captions, self.plots)):
            truth = [tr(name) for name, yes in zip(comparison.labels, comparison.truth[index]) if yes]
            caption.setText(tr("<b>{digit}</b>: {labels}").format(
                digit=comparison.digits[index], labels=html.escape(", ".join(truth) or tr("no label"))))
            widget.getPlotItem().getAxis("bottom").setTicks(
                [[(x, _short(name)) for x, name in enumerate(comparison.labels)]])
            soft_sum = float(comparison.heads[0].sums[index])
            widget.setToolTip("\n".join(
                [tr("{title}: {outputs}").format(title=tr(head.title), outputs=", ".join(
                    f"{tr(name)} {p:.2f}" for name, p in zip(comparison.labels, head.probabilities[index])))
                 for head in comparison.heads]
                + [tr("Softmax outputs add up to {total:.2f}.").format(total=soft_sum)]))

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
        plot.addItem(pg.InfiniteLine(0.5, angle=0, pen=pg.mkPen(THRESHOLD_LINE, style=Qt.PenStyle.DashLine)))
        for x, yes in enumerate(comparison.truth[index]):
            if yes:  # a tick under the labels the digit really has
                tick = f'<b style="color:{OKABE_ITO["green"]};font-size:12pt">✓</b>'
                marker = pg.TextItem(html=tick, anchor=(0.5, 0))
                marker.setPos(x, -0.02)
                plot.addItem(marker)
        plot.setYRange(-0.15, 1.05, padding=0)
        plot.setXRange(-0.6, k - 0.4, padding=0)
        plot.getAxis("left").setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        return widget  # its tick labels and tool tip: _show_texts


def _short(name: str) -> str:
    """A label's name short enough for an axis tick, in the current language."""
    return tr({"closed loop": N_("loop")}.get(name, name))


def _digit_label(image: np.ndarray) -> QLabel:
    image = np.ascontiguousarray(image, dtype=np.uint8)
    h, w = image.shape
    qimage = QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    label = QLabel()
    label.setPixmap(QPixmap.fromImage(qimage).scaled(56, 56, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.FastTransformation))
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label

"""Evaluation: where the network goes wrong on the test set.

A confusion matrix (rows: true class, columns: what the network said; click a cell to see its
digits), accuracy per class, a gallery of the most confidently wrong digits, and the over-fitting
alert read off the epoch history. The window runs `evaluate_model` off the GUI thread when the
panel asks (`evaluate_requested`), reports `set_progress`, and hands the result to `show_evaluation`.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.datasets import ImageDataset
from playground.core.i18n import tr
from playground.core.training.evaluation import Evaluation, overfitting_alert
from playground.ui.widgets.image_grid import ImageGrid
from playground.ui.widgets.notice_box import NoticeBox
from playground.ui.widgets.palette import BACKGROUND, FOREGROUND, MUTED_TEXT, OKABE_ITO, rgb
from playground.ui.widgets.plot_style import GREY_COLOURMAP, plot_widget, readable_text_colour
from playground.ui.widgets.theme import plot_foreground

GALLERY_PAGE = 24  # digits per gallery page
CORRECT_RGB = np.array(rgb(OKABE_ITO["blue"]))  # right answers on the diagonal
WRONG_RGB = np.array(rgb(OKABE_ITO["vermillion"]))  # mistakes
EMPTY_RGB = np.array(rgb(BACKGROUND))
BAR_COLOUR = OKABE_ITO["blue"]
WORST_COLOUR = OKABE_ITO["vermillion"]


def confusion_colours(confusion: np.ndarray) -> np.ndarray:
    """k×k×4 uint8: the diagonal in blue by the share of its row that is right; mistakes in
    vermillion, darker the more there are (relative to the largest mistake, square-root scaled so
    a handful still shows)."""
    k = len(confusion)
    totals = confusion.sum(1, keepdims=True)
    share = np.divide(confusion, totals, out=np.zeros(confusion.shape, float), where=totals > 0)
    off = confusion.astype(float).copy()
    np.fill_diagonal(off, 0)
    worst = off.max()
    strength = np.sqrt(off / worst) if worst > 0 else np.zeros_like(off)
    strength[np.diag_indices(k)] = share[np.diag_indices(k)]
    base = np.where(np.eye(k, dtype=bool)[..., None], CORRECT_RGB, WRONG_RGB)
    rgb = EMPTY_RGB + (base - EMPTY_RGB) * (0.1 + 0.9 * strength[..., None]) * (confusion[..., None] > 0)
    rgba = np.empty((k, k, 4), np.uint8)
    rgba[..., :3] = np.clip(np.round(rgb), 0, 255)
    rgba[..., 3] = 255
    return rgba


def percent(p: float) -> str:
    return f"{100 * p:.0f} %"


class ConfusionMatrixView(QWidget):
    """A k×k heatmap with the count in every cell; `cell_clicked(true, predicted)` on a click."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plot = plot_widget(tr("Confusion matrix"), tr("predicted class (what the network said)"),
                                tr("true class"), left_width=34)
        self.item = self.plot.getPlotItem()
        self.item.invertY(True)
        self.item.setAspectLocked(True)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.diagonal = QGraphicsPathItem()
        pen = QPen(QColor(FOREGROUND))
        pen.setCosmetic(True)
        pen.setWidthF(2.0)
        self.diagonal.setPen(pen)
        self.plot.addItem(self.diagonal)
        self.selection = QGraphicsPathItem()
        sel_pen = QPen(QColor(OKABE_ITO["orange"]))
        sel_pen.setCosmetic(True)
        sel_pen.setWidthF(3.0)
        self.selection.setPen(sel_pen)
        self.plot.addItem(self.selection)
        self.readout = QLabel(tr("Hover over a cell to read it; click it to see its digits in the gallery."))
        self._hovered_cell: tuple[int, int] | None = None  # the cell the readout describes
        self.readout.setWordWrap(True)
        self.readout.setStyleSheet(f"color: {MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.confusion = np.zeros((0, 0), int)
        self.classes: list[str] = []
        self._texts: list[pg.TextItem] = []
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)
        self._make_cells(10, [str(i) for i in range(10)])
        for text in self._texts:
            text.hide()

    def set_confusion(self, confusion: np.ndarray, classes: list[str]) -> None:
        confusion = np.asarray(confusion, dtype=int)
        k = len(confusion)
        self.confusion, self.classes = confusion, list(classes)
        rgba = confusion_colours(confusion)
        self.image.setImage(rgba, autoLevels=False, levels=(0, 255))
        self._make_cells(k, classes)
        for n, text in enumerate(self._texts):
            count = int(confusion.flat[n])
            text.setText(str(count) if count else "")
            text.setColor(readable_text_colour(rgba.reshape(-1, 4)[n]))
            text.show()
        self.select(None)

    def retranslate(self) -> None:
        if self._hovered_cell is not None and max(self._hovered_cell) < len(self.confusion):
            self._describe(*self._hovered_cell)

    def _make_cells(self, k: int, classes: list[str]) -> None:
        """The count labels, diagonal frames and ticks for k classes (made once; the window makes
        them up front for 10 classes, so the first evaluation does not pay for them)."""
        ticks = [(i + 0.5, c if len(c) <= 6 else c[:5] + "…") for i, c in enumerate(classes)]
        if ticks != getattr(self, "_ticks", None):
            self._ticks = ticks
            self.plot.getAxis("bottom").setTicks([ticks])
            self.plot.getAxis("left").setTicks([ticks])
        if len(self._texts) == k * k:
            return
        for text in self._texts:
            self.plot.removeItem(text)
        self._texts = [pg.TextItem(anchor=(0.5, 0.5)) for _ in range(k * k)]
        for n, text in enumerate(self._texts):
            text.setPos(n % k + 0.5, n // k + 0.5)
            self.plot.addItem(text)
        path = QPainterPath()
        for i in range(k):
            path.addRect(QRectF(i, i, 1, 1))
        self.diagonal.setPath(path)
        self.plot.setRange(QRectF(0, 0, k, k), padding=0.02)

    def select(self, cell: tuple[int, int] | None) -> None:
        path = QPainterPath()
        if cell is not None:
            true_class, predicted = cell
            path.addRect(QRectF(predicted + 0.06, true_class + 0.06, 0.88, 0.88))
        self.selection.setPath(path)

    def cell_at(self, scene_pos) -> tuple[int, int] | None:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.item.vb.mapSceneToView(scene_pos)
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        k = len(self.confusion)
        return (row, col) if 0 <= row < k and 0 <= col < k else None

    def _clicked(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            cell = self.cell_at(event.scenePos())
            if cell is not None:
                self.cell_clicked.emit(*cell)

    def _hovered(self, scene_pos) -> None:
        cell = self.cell_at(scene_pos)
        if cell is None:
            return
        self._describe(*cell)

    def _describe(self, t: int, p: int) -> None:
        """The readout for the cell (true class t, predicted p)."""
        self._hovered_cell = (t, p)
        count = int(self.confusion[t, p])
        total = int(self.confusion[t].sum())
        share = tr(" ({share:.1%} of the {total} {cls}s)").format(
            share=count / total, total=total, cls=self.classes[t]) if total else ""
        text = (tr("true {true}, said {said}: {count} right{share}. Click to see them.") if t == p else
                tr("true {true}, said {said}: {count} mistakes{share}. Click to see them."))
        self.readout.setText(text.format(true=self.classes[t], said=self.classes[p], count=count, share=share))


class EvaluationPanel(QWidget):
    """`show_evaluation(evaluation, dataset)` draws a result; `set_history(rows)` the over-fitting alert."""

    evaluate_requested = Signal()
    cancel_requested = Signal()
    digit_chosen = Signal(int)  # index into the evaluated dataset: e.g. to look inside the network with it

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.evaluate_button = QPushButton(tr("Evaluate on test set"))
        self.evaluate_button.setToolTip(tr(
            "Classify every test digit with the current weights (eval mode, no gradients) and show where "
            "the network goes wrong. The test digits are never used for training."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p %")
        self.progress.setMinimumWidth(180)
        self.progress.setMaximumWidth(260)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop evaluating; the last result stays on screen."))
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.evaluate_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.summary, 1)

        self.alert = NoticeBox()
        self.alert.hide()

        self.matrix = ConfusionMatrixView()
        self.class_plot = plot_widget(tr("Accuracy per class"), tr("true class"), tr("% right"), left_width=40)
        self.class_plot.setMinimumHeight(170)
        self.class_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_COLOUR, pen=None)
        self.class_plot.addItem(self.class_bars)
        self.overall_line = pg.InfiniteLine(0, angle=0, pen=pg.mkPen(FOREGROUND, width=1, style=Qt.PenStyle.DashLine))
        self.class_plot.addItem(self.overall_line)
        self._class_labels: list[pg.TextItem] = []
        self._small_font = QFont(self.font())
        self._small_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))

        self.gallery_title = QLabel()
        self.gallery_title.setTextFormat(Qt.TextFormat.RichText)
        self.gallery_title.setWordWrap(True)
        self.back_button = QPushButton(tr("Show the most confident mistakes"))
        self.back_button.setToolTip(tr("Back to the gallery of misclassified digits."))
        self.prev_page = QPushButton("◀")
        self.next_page = QPushButton("▶")
        self.prev_page.setToolTip(tr("Previous digits"))
        self.next_page.setToolTip(tr("More digits"))
        for b in (self.prev_page, self.next_page):
            b.setFixedWidth(34)
        self.page_label = QLabel()
        self.page_label.setStyleSheet(f"color: {MUTED_TEXT};")
        self.gallery = ImageGrid(GREY_COLOURMAP, scale="fixed", levels=(0.0, 255.0),
                                 placeholder=tr("no digits in this cell"))
        self.gallery.reserve_captions(GALLERY_PAGE)
        self.gallery.setToolTip(tr("Hover over a digit for its probabilities; click it to look inside the network "
                                   "with it."))

        left = QVBoxLayout()
        left.addWidget(self.matrix, 3)
        left.addWidget(self.class_plot, 2)
        pager = QHBoxLayout()
        pager.addWidget(self.prev_page)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next_page)
        pager.addStretch(1)
        pager.addWidget(self.back_button)
        right = QVBoxLayout()
        right.addWidget(self.gallery_title)
        right.addLayout(pager)
        right.addWidget(self.gallery, 1)
        results = QWidget()
        columns = QHBoxLayout(results)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.empty = QLabel(tr("Press “Evaluate on test set” to see which digits the network confuses."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED_TEXT};")
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(results)
        self.results_page = results

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.alert)
        layout.addWidget(self.pages, 1)

        self.evaluation: Evaluation | None = None
        self.dataset: ImageDataset | None = None
        self.selected_cell: tuple[int, int] | None = None
        self.classes: list[str] = []
        self.gallery_indices = np.zeros(0, np.int64)  # every digit of the current selection, in order
        self.page = 0
        self.running = False
        self._summary_before = ""
        self._history: list[dict[str, float]] = []
        self.evaluate_button.clicked.connect(self._evaluate_clicked)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.matrix.cell_clicked.connect(self.show_cell)
        self.back_button.clicked.connect(self.show_misclassified)
        self.prev_page.clicked.connect(lambda: self._show_page(self.page - 1))
        self.next_page.clicked.connect(lambda: self._show_page(self.page + 1))
        self.gallery.tile_clicked.connect(self._digit_clicked)
        self.set_running(False)
        self.summary.setText("")

    # ----- running ----------------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        """While evaluating: progress and Cancel show, the button waits. `set_running(False)` without
        a new result (cancelled, failed) puts the last result's summary back."""
        was_running, self.running = self.running, running
        self.evaluate_button.setEnabled(not running)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        if running and not was_running:
            self.progress.setValue(0)
            self._summary_before = self.summary.text()
            self._show_running()
        elif was_running and not running:
            self.summary.setText(self._summary_before)

    def _show_running(self) -> None:
        self.summary.setText(f"<span style='color:{MUTED_TEXT}'>"
                             + tr("Classifying the test digits with the current weights…") + "</span>")

    def set_progress(self, fraction: float) -> None:
        """0..1 of the test set classified so far."""
        if not self.running:
            self.set_running(True)
        self.progress.setValue(int(round(max(0.0, min(1.0, fraction)) * 1000)))

    def set_evaluate_enabled(self, enabled: bool, reason: str = "") -> None:
        """E.g. disabled, with the reason as tooltip, while there is no network."""
        self.evaluate_button.setEnabled(enabled and not self.running)
        if reason:
            self.evaluate_button.setToolTip(reason)

    def _evaluate_clicked(self) -> None:
        self.set_running(True)
        self.evaluate_requested.emit()

    # ----- results ----------------------------------------------------------------------------------
    def show_evaluation(self, evaluation: Evaluation, dataset: ImageDataset) -> None:
        """Draw a finished evaluation of `dataset` (same order as `evaluation.labels`)."""
        if len(dataset) != len(evaluation.labels):
            raise ValueError(f"{len(evaluation.labels)} results for a dataset of {len(dataset)} images")
        self.set_running(False)
        self.evaluation, self.dataset = evaluation, dataset
        k = evaluation.probabilities.shape[1]
        classes = list(dataset.classes)[:k] + [str(c) for c in range(len(dataset.classes), k)]
        self.classes = classes
        self.summary.setText(self._result_summary())
        self.matrix.set_confusion(evaluation.confusion, classes)
        self._draw_class_accuracy(evaluation.per_class_accuracy, evaluation.accuracy, classes)
        self.pages.setCurrentWidget(self.results_page)
        self.show_misclassified()

    def _result_summary(self) -> str:
        """The summary line of the result shown ("" without one)."""
        evaluation, dataset = self.evaluation, self.dataset
        if evaluation is None or dataset is None:
            return ""
        wrong = int((evaluation.predictions != evaluation.labels).sum())
        return tr("<b>Test accuracy {accuracy:.2%}</b> · loss {loss:.4f} · {count:,} {dataset} digits, "
                  "{wrong:,} wrong").format(accuracy=evaluation.accuracy, loss=evaluation.loss, count=len(dataset),
                                            dataset=html.escape(dataset.name), wrong=wrong)

    def retranslate(self) -> None:
        """Everything built from the result: summary, titles, captions, tooltips, the over-fitting alert."""
        if self.running:
            self._show_running()
            self._summary_before = self._result_summary()
        elif self.evaluation is not None:
            self.summary.setText(self._result_summary())
        self.set_history(self._history)
        if self.evaluation is None:
            return
        self._draw_class_accuracy(self.evaluation.per_class_accuracy, self.evaluation.accuracy, self.classes)
        self._gallery_title()
        self._show_page(self.page)

    def show_misclassified(self) -> None:
        """The gallery of wrong answers, the most confidently wrong first."""
        if self.evaluation is None:
            return
        self.selected_cell = None
        self.matrix.select(None)
        self.gallery_indices = self.evaluation.misclassified()
        self._gallery_title()
        self.gallery.placeholder.setText(tr("no mistakes"))
        self.back_button.hide()
        self._show_page(0)

    def _gallery_title(self) -> None:
        """The gallery's heading for what it shows: the mistakes, or the digits of the selected cell."""
        if self.evaluation is None:  # nothing evaluated: no gallery
            return
        n = len(self.gallery_indices)
        if self.selected_cell is None:
            self.gallery_title.setText(
                tr("<b>The most confidently wrong</b>: {count:,} of {total:,} digits are misclassified.").format(
                    count=n, total=len(self.evaluation.labels))
                if n else tr("<b>No mistakes</b>: every digit was classified correctly."))
            return
        true_class, predicted = self.selected_cell
        t, p = html.escape(self.classes[true_class]), html.escape(self.classes[predicted])
        if true_class == predicted:
            text = (tr("<b>True {true}, classified right</b>: {count:,} digit, with the probability the network gave "
                       "its answer.") if n == 1 else
                    tr("<b>True {true}, classified right</b>: {count:,} digits, with the probability the network "
                       "gave its answer."))
        else:
            text = (tr("<b>True {true}, said {said}</b>: {count:,} digit, with the probability the network gave its "
                       "answer.") if n == 1 else
                    tr("<b>True {true}, said {said}</b>: {count:,} digits, with the probability the network gave "
                       "its answer."))
        self.gallery_title.setText(text.format(true=t, said=p, count=n))

    def show_cell(self, true_class: int, predicted: int) -> None:
        """The digits of class `true_class` that the network called `predicted` (as clicking that cell)."""
        if self.evaluation is None:
            return
        self.selected_cell = (true_class, predicted)
        self.matrix.select(self.selected_cell)
        self.gallery_indices = self.evaluation.cell(true_class, predicted)
        self._gallery_title()
        self.gallery.placeholder.setText(tr("no digits in this cell"))
        self.back_button.show()
        self._show_page(0)

    def set_history(self, epoch_rows: list[dict[str, float]]) -> None:
        """The trainer's epoch rows: shows the over-fitting alert when test loss rises as training loss falls."""
        self._history = list(epoch_rows)
        message = overfitting_alert(epoch_rows)
        if message:
            self.alert.set_notice("", [f"⚠ {message}"], "warning")
        self.alert.setVisible(bool(message))

    def clear(self) -> None:
        """Forget the result (a new network): back to the invitation to evaluate."""
        self.evaluation = self.dataset = None
        self.gallery_indices = np.zeros(0, np.int64)
        self.selected_cell = None
        self.summary.setText("")
        self.pages.setCurrentWidget(self.empty)

    @property
    def shown_indices(self) -> np.ndarray:
        """The dataset indices on the gallery's current page, in display order."""
        start = self.page * GALLERY_PAGE
        return self.gallery_indices[start:start + GALLERY_PAGE]

    # ----- drawing ----------------------------------------------------------------------------------
    def _show_page(self, page: int) -> None:
        n = len(self.gallery_indices)
        pages = max(1, -(-n // GALLERY_PAGE))
        self.page = max(0, min(page, pages - 1))
        shown = self.shown_indices
        ev, ds = self.evaluation, self.dataset
        if ev is None or ds is None:  # nothing evaluated: no gallery
            return
        captions, tips = [], []
        for idx in shown:
            t, p = int(ev.labels[idx]), int(ev.predictions[idx])
            conf = float(ev.probabilities[idx, p])
            if t == p:
                captions.append(f"{self.classes[t]} ✓\n({percent(conf)})")
            else:
                captions.append(tr("true {true} → said {said}").format(true=self.classes[t], said=self.classes[p])
                                + f"\n({percent(conf)})")
            order = np.argsort(-ev.probabilities[idx])[:3]
            guesses = ", ".join(f"{self.classes[c]}: {percent(ev.probabilities[idx, c])}" for c in order)
            tips.append(tr("Test digit #{index}: true {true}. The network's top guesses: {guesses}. Click to look "
                           "inside the network with it.").format(index=idx, true=self.classes[t], guesses=guesses))
        images = ds.images[shown] if len(shown) else np.zeros((0, *ds.images.shape[1:]), np.uint8)
        self.gallery.set_images(images, captions=captions, tooltips=tips)
        if n:
            start = self.page * GALLERY_PAGE
            self.page_label.setText(tr("{first}–{last} of {total:,}").format(
                first=start + 1, last=start + len(shown), total=n))
        else:
            self.page_label.setText("")
        self.prev_page.setVisible(pages > 1)
        self.next_page.setVisible(pages > 1)
        self.prev_page.setEnabled(self.page > 0)
        self.next_page.setEnabled(self.page < pages - 1)

    def _draw_class_accuracy(self, per_class: np.ndarray, overall: float, classes: list[str]) -> None:
        k = len(per_class)
        worst = int(np.argmin(per_class)) if k else -1
        brushes = [pg.mkBrush(WORST_COLOUR if i == worst else BAR_COLOUR) for i in range(k)]
        self.class_bars.setOpts(x=np.arange(k), height=per_class * 100, width=0.7, brushes=brushes)
        if len(self._class_labels) != k:
            for item in self._class_labels:
                self.class_plot.removeItem(item)
            self._class_labels = [pg.TextItem(color=plot_foreground(), anchor=(0.5, 1.0)) for _ in range(k)]
            for item in self._class_labels:
                item.setFont(self._small_font)
                self.class_plot.addItem(item, ignoreBounds=True)
            self.class_plot.getAxis("bottom").setTicks([[(i, c if len(c) <= 6 else c[:5] + "…")
                                                         for i, c in enumerate(classes)]])
        self.class_plot.enableAutoRange(x=False)
        self.class_plot.setXRange(-0.6, k - 0.4, padding=0)  # every class, always: autorange clipped the last bar
        for i, item in enumerate(self._class_labels):
            item.setText(f"{per_class[i] * 100:.0f}")
            item.setPos(i, per_class[i] * 100)
        self.class_plot.setYRange(0, 122, padding=0)
        self.class_plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])
        self.overall_line.setValue(overall * 100)
        self.class_plot.setTitle(tr("Accuracy per class (all: {accuracy:.0%})").format(accuracy=overall),
                                 color=plot_foreground(), size="10pt")
        self.class_plot.setToolTip(tr("Orange: the class the network gets wrong most often ({cls}). Dashed: accuracy "
                                      "over all classes.").format(cls=classes[worst]) if k else "")

    def _digit_clicked(self, tile: int) -> None:
        shown = self.shown_indices
        if 0 <= tile < len(shown):
            self.digit_chosen.emit(int(shown[tile]))

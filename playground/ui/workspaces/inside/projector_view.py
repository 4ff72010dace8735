"""The activation map (a projector): what one layer makes of 2,000 test digits, as points in 2-D.

Pick a layer: each test digit's output there (core/explain/projection.py) goes onto the two directions of
largest variance (PCA), one point per digit coloured by its label. While the network trains, the picture is
redone with the new weights at most every couple of seconds, and only while it is on screen, so learners
watch the classes pull apart. t-SNE (scikit-learn, optional) runs on demand with progress and Cancel.
Hovering shows a point's digit; clicking puts it on the canvas (`digit_chosen`, `test_digit_chosen`); the
drawn digit is a star that moves as you draw. All the torch and numpy work runs on job threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.projection import (
    DEFAULT_POINTS,
    PcaProjection,
    layer_features,
    pca_2d,
    projection_sample,
    tsne_2d,
    tsne_available,
)
from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import infer_shapes
from playground.ui.widgets.palette import DIGIT_COLOURS, IMAGE_BLACK, MARKER_WHITE, MUTED_TEXT
from playground.ui.widgets.plot_style import plot_widget
from playground.ui.workers.model_jobs import LatestJobRunner
from playground.ui.workspaces.inside.live_model_view import DigitPicture, LiveModelView

__all__ = ["DIGIT_COLOURS", "UPDATE_INTERVAL_S", "CloudResult", "ProjectorView"]

UPDATE_INTERVAL_S = 2.0  # new weights redo the picture at most this often (it takes a fraction of a second)
HOVER_PIXELS = 8  # a point this close to the pointer (screen pixels) is the one under it
POINT_SIZE = 6
# The core's own words (projection._tsne_class), so they share its translation.
TSNE_MISSING = N_("t-SNE needs scikit-learn, which is not installed: install it with 'pip install scikit-learn' "
                  "and start the app again.")
PCA_CAPTION = N_("PCA of {layer} ({features} numbers per digit) for {count} test digits: across holds {first} of "
                 "the variance, up {second}. It follows the training.")
TSNE_CAPTION = N_("t-SNE of {layer} for {count} test digits, with the weights of when you asked: neighbours mean "
                  "something, distances between clusters little. Back to PCA to follow the training.")
NO_DATA = N_("The projector needs the MNIST test digits: load the data first.")
HOVER_CAPTION = N_("Test digit #{index}\nlabelled {label}")
HOVER_NONE = N_("Point at a digit")


@dataclass
class CloudResult:
    """A PCA picture: the layer, its projection, the drawn digit's point, and the network it was made with."""

    layer: str
    projection: PcaProjection
    marker: np.ndarray | None  # (x, y) of the drawn digit, or None
    model: Any  # the job thread's network (the drawn digit's later points use it; the GUI never runs it)
    network: int  # the view's network count when asked (a new network starts new axes)


class ProjectorView(LiveModelView):
    """Points for 2,000 test digits at a chosen layer, coloured by label; PCA live, t-SNE on demand."""

    digit_chosen = Signal(object, int)  # (28×28 uint8, white on black; its label): a clicked digit
    test_digit_chosen = Signal(int)  # the same digit's index in the test split given to `set_data`

    def __init__(self, parent: QWidget | None = None):
        super().__init__("projector", parent)
        self.marker_jobs = LatestJobRunner("projector digit", self)
        self.marker_jobs.result.connect(self._on_marker)
        # sklearn's t-SNE runs on as many cores as its thread may use: not pinned to one like the others
        self.tsne_jobs = LatestJobRunner("t-SNE", self, torch_threads=None)
        self.tsne_jobs.result.connect(self._on_tsne)
        self.tsne_jobs.progress.connect(self._on_tsne_progress)
        self.tsne_jobs.error.connect(self._on_tsne_error)
        self.images: np.ndarray | None = None  # the sampled test digits, uint8 N×28×28
        self.labels: np.ndarray | None = None
        self.indices: np.ndarray | None = None  # their indices in the test split
        self.points: np.ndarray | None = None  # N×2, what is drawn
        self.mode = "pca"  # or "tsne"
        self.cloud: CloudResult | None = None
        self.marker: np.ndarray | None = None
        self.hovered: int | None = None
        # The last PCA update's features (up to 128 MB), filled again by the next one: PCA jobs run one at a
        # time, and a fresh array that size costs more in page faults than filling it.
        self._features: list[np.ndarray | None] = [None]
        self._network = 0  # counts new networks: their PCA starts with fresh axes
        self._last_cloud = -1e9
        self._tsne_layer = ""
        self._caption_source: tuple[str, dict[str, Any]] | None = None
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.timeout.connect(self.refresh)

        self.layer = QComboBox()
        self.layer.setAccessibleName(tr("Layer"))
        self.layer.setToolTip(tr("The layer whose outputs are projected: early layers still sort digits by how "
                                 "they look, late ones by what they are."))
        self.tsne_button = QPushButton(tr("t-SNE"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setToolTip(tr("Stop the t-SNE run (the PCA picture stays)."))
        self.pca_button = QPushButton(tr("Back to PCA"))
        self.pca_button.setToolTip(tr("Show the PCA picture again, which follows the training."))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(140)
        self.tsne_note = QLabel()
        self.tsne_note.setWordWrap(True)
        self.tsne_note.setStyleSheet(f"color: {MUTED_TEXT};")
        self.plot = plot_widget(left_width=40)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMinimumSize(320, 260)
        plot_item = self.plot.getPlotItem()
        for side in ("bottom", "left"):
            plot_item.getAxis(side).setStyle(showValues=False)
        self.scatters = []
        for digit, colour in enumerate(DIGIT_COLOURS):
            item = pg.ScatterPlotItem(size=POINT_SIZE, pen=None, brush=pg.mkBrush(colour), symbol="o", name=str(digit))
            self.plot.addItem(item)
            self.scatters.append(item)
        self.marker_item = pg.ScatterPlotItem(size=20, symbol="star", brush=pg.mkBrush(IMAGE_BLACK),
                                              pen=pg.mkPen(MARKER_WHITE, width=1.5))
        self.marker_item.setZValue(10)
        self.plot.addItem(self.marker_item)
        self.hover_item = pg.ScatterPlotItem(size=POINT_SIZE + 8, symbol="o", brush=None,
                                             pen=pg.mkPen(IMAGE_BLACK, width=2))
        self.hover_item.setZValue(9)
        self.plot.addItem(self.hover_item)
        self.legend = QLabel(self._legend_html())
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.hover_picture = DigitPicture(tr(HOVER_NONE))
        self.hint = QLabel(tr("Hover over a point to see its digit; click it to put it on the canvas. The star is "
                              "the digit you drew."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED_TEXT};")
        self._layout()
        self._set_tsne_available(tsne_available())
        self._show_running(False)
        self.layer.currentIndexChanged.connect(self._on_layer)
        self.tsne_button.clicked.connect(self.run_tsne)
        self.cancel_button.clicked.connect(self.cancel_tsne)
        self.pca_button.clicked.connect(self.back_to_pca)
        scene = self.plot.scene()
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        scene.sigMouseClicked.connect(self._on_mouse_clicked)

    def _layout(self) -> None:
        top = QHBoxLayout()
        layer_label = QLabel(tr("Layer"))
        layer_label.setBuddy(self.layer)
        top.addWidget(layer_label)
        top.addWidget(self.layer, 1)
        top.addWidget(self.tsne_button)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        top.addWidget(self.pca_button)
        side = QVBoxLayout()
        side.addWidget(self.hover_picture)
        side.addWidget(self.hint)
        side.addStretch(1)
        side_box = QWidget()
        side_box.setLayout(side)
        side_box.setFixedWidth(170)
        grid = QGridLayout(self)
        grid.addLayout(top, 0, 0, 1, 2)
        grid.addWidget(self.tsne_note, 1, 0, 1, 2)
        grid.addWidget(self.plot, 2, 0)
        grid.addWidget(side_box, 2, 1)
        grid.addWidget(self.legend, 3, 0, 1, 2)
        grid.addWidget(self.caption, 4, 0, 1, 2)
        grid.addWidget(self.status, 5, 0, 1, 2)
        grid.setRowStretch(2, 1)
        grid.setColumnStretch(0, 1)

    @staticmethod
    def _legend_html() -> str:
        dots = "&nbsp;&nbsp;".join(f"<span style='color:{c}'>●</span>&nbsp;{d}" for d, c in enumerate(DIGIT_COLOURS))
        return f"{dots}&nbsp;&nbsp;&nbsp;★&nbsp;{tr('your digit')}"

    # ----- API for the window ------------------------------------------------------------------------
    def set_data(self, test_split: Any) -> None:
        """The test digits to project (an `ImageDataset`: images N×28×28 uint8, labels); 2,000 of them, drawn
        with a fixed seed. None: no data."""
        images = getattr(test_split, "images", None)
        if images is None or len(images) == 0:
            self.images = self.labels = self.indices = None
        else:
            self.indices = projection_sample(len(images), DEFAULT_POINTS)
            self.images = np.asarray(images)[self.indices]
            self.labels = np.asarray(test_split.labels)[self.indices].astype(int)
            if self._status_source is not None and self._status_source[0] == NO_DATA:
                self.set_status(None)
        self._clear_points()
        self.refresh()

    def shutdown(self) -> None:
        self._throttle.stop()
        for runner in (self.tsne_jobs, self.marker_jobs):
            runner.cancel()
        super().shutdown()
        self.marker_jobs.shutdown()
        self.tsne_jobs.shutdown()

    # ----- the network and its layers ----------------------------------------------------------------------
    def network_changed(self, new_network: bool) -> None:
        if not new_network:
            return
        self._network += 1
        self.cancel_tsne()
        self.mode = "pca"
        self.cloud = None
        self._clear_points()
        self._fill_layers()

    def _fill_layers(self) -> None:
        """The network's layers (each with what it gives per digit); the chosen one kept if it is still there,
        else the layer before the output."""
        current = self.layer_name()
        self.layer.blockSignals(True)
        self.layer.clear()
        if self.spec is not None:
            report = infer_shapes(self.spec)
            for info in report.layers if report.ok else []:
                size = int(np.prod(info.output_shape)) if info.output_shape else 0
                self.layer.addItem(f"{info.name} · {info.layer.type} · {size}", info.name)
            names = [self.layer.itemData(i) for i in range(self.layer.count())]
            chosen = current if current in names else (names[-2] if len(names) > 1 else (names[0] if names else None))
            if chosen is not None:
                self.layer.setCurrentIndex(names.index(chosen))
        self.layer.blockSignals(False)

    def layer_name(self) -> str | None:
        data = self.layer.currentData()
        return None if data is None else str(data)

    def set_layer(self, name: str) -> None:
        self.layer.setCurrentIndex(self.layer.findData(name))

    def _on_layer(self) -> None:
        self.cancel_tsne()
        self.mode = "pca"
        self.cloud = None
        self._show_running(False)
        self.refresh()

    # ----- PCA: the job and its throttle ----------------------------------------------------------------
    def weights_changed(self, new_network: bool) -> None:
        """New weights redo the picture at most every UPDATE_INTERVAL_S; a new network at once."""
        wait = self._last_cloud + UPDATE_INTERVAL_S - time.monotonic()
        if new_network or wait <= 0:
            self._throttle.stop()
            self.refresh()
        elif not self._throttle.isActive():
            self._throttle.start(int(wait * 1000) + 1)

    def make_job(self) -> Callable[[LatestJobRunner], Any] | None:
        layer = self.layer_name()
        if self.images is None:
            if self.spec is not None:
                self.set_status(NO_DATA)
            return None
        if self.mode != "pca" or layer is None:
            return None
        images, image, mean, std, network = self.images, self.image, self.mean, self.std, self._network
        previous = self.cloud.projection if self.cloud is not None and self.cloud.layer == layer else None
        self._last_cloud = time.monotonic()
        reused = self._features

        def compute(model: Any, runner: LatestJobRunner) -> CloudResult | None:
            features = layer_features(model, images, layer, mean, std, cancelled=runner.cancelled, out=reused[0])
            reused[0] = features
            if features is None:
                return None
            projection = pca_2d(features, align_to=previous)
            marker = None
            if image is not None:
                marker = projection.project(_features(model, image, layer, mean, std))[0]
            return CloudResult(layer, projection, marker, model, network)

        return self.model_job(compute)

    def show_result(self, result: CloudResult) -> None:
        if result.network != self._network or self.mode != "pca":
            return  # made for another network, or t-SNE is shown
        self.cloud = result
        self.marker = result.marker
        self._show_points(result.projection.points)
        explained = result.projection.explained
        self._set_caption(PCA_CAPTION, layer=result.layer, features=f"{result.projection.center.size:,}",
                          count=f"{len(result.projection.points):,}", first=f"{explained[0]:.0%}",
                          second=f"{explained[1]:.0%}")

    # ----- the drawn digit ----------------------------------------------------------------------------------
    def image_changed(self) -> None:
        """The drawn digit's point, on the axes shown, with the network they were made with."""
        cloud = self.cloud
        if self.image is None:
            self.marker = None
            self._show_marker()
            return
        if not self.isVisible():
            self._stale = True
            return
        if cloud is None:
            self.refresh()  # the picture still to come places the digit too
            return
        image, mean, std = self.image, self.mean, self.std

        def job(runner: LatestJobRunner) -> tuple[CloudResult, np.ndarray]:
            return cloud, cloud.projection.project(_features(cloud.model, image, cloud.layer, mean, std))[0]

        self.jobs_submitted += 1
        self.marker_jobs.submit(job)

    def _on_marker(self, result: tuple[CloudResult, np.ndarray]) -> None:
        cloud, point = result
        if cloud is self.cloud and self.image is not None:
            self.marker = point
            self._show_marker()

    def _show_marker(self) -> None:
        if self.marker is None or self.mode != "pca":
            self.marker_item.setData([], [])
        else:
            self.marker_item.setData([float(self.marker[0])], [float(self.marker[1])])

    # ----- t-SNE ------------------------------------------------------------------------------------------
    def _set_tsne_available(self, available: bool) -> None:
        self._tsne_ok = available
        self.tsne_button.setEnabled(available)
        if available:
            self.tsne_button.setToolTip(tr("Run t-SNE on this layer's outputs (takes seconds): it keeps neighbours "
                                           "together, so clusters stand apart more clearly than in PCA."))
            self.tsne_note.hide()
        else:
            self.tsne_button.setToolTip(tr(TSNE_MISSING))
            self.tsne_note.setText(tr(TSNE_MISSING))
            self.tsne_note.show()

    def run_tsne(self) -> bool:
        """t-SNE of the chosen layer with the current weights, on its own thread (progress, Cancel)."""
        layer, images, mean, std = self.layer_name(), self.images, self.mean, self.std
        if layer is None or images is None or not self._tsne_ok:
            return False
        job = self.model_job(lambda model, runner: (layer, _tsne(model, runner, images, layer, mean, std)))
        if job is None:
            return False
        self._tsne_layer = layer
        self.progress.setValue(0)
        self._show_running(True)
        self.tsne_jobs.submit(job)
        return True

    def cancel_tsne(self) -> None:
        self.tsne_jobs.cancel()
        self._show_running(False)

    def back_to_pca(self) -> None:
        self.mode = "pca"
        self._show_running(False)
        self.cloud = None
        self.refresh()

    def _on_tsne_progress(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def _on_tsne(self, result: tuple[str, np.ndarray | None]) -> None:
        layer, points = result
        if points is None or layer != self.layer_name() or not self._tsne_running:
            return  # cancelled, or another layer chosen meanwhile
        self.mode = "tsne"
        self._show_running(False)
        self._show_points(points)
        self._show_marker()
        self._set_caption(TSNE_CAPTION, layer=layer, count=f"{len(points):,}")

    def _on_tsne_error(self, message: str) -> None:
        self._show_running(False)
        self._on_job_error(message)

    def _show_running(self, running: bool) -> None:
        self._tsne_running = running
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.tsne_button.setVisible(not running)
        self.tsne_button.setEnabled(self._tsne_ok and not running)
        self.pca_button.setVisible(self.mode == "tsne" and not running)

    # ----- the picture ------------------------------------------------------------------------------------
    def _clear_points(self) -> None:
        self.points = None
        self.hovered = None
        for item in (*self.scatters, self.marker_item, self.hover_item):
            item.setData([], [])
        self._set_caption(None)

    def _show_points(self, points: np.ndarray) -> None:
        """Ten scatter items, one per label: each draws its points in one colour, quickly."""
        if self.labels is None:
            return
        self.points = np.asarray(points, np.float64)
        for digit, item in enumerate(self.scatters):
            mask = self.labels == digit
            item.setData(self.points[mask, 0], self.points[mask, 1])
        self._show_marker()
        if self.hovered is not None:
            self._hover(self.hovered)

    def _set_caption(self, text: str | None, **values: Any) -> None:
        self._caption_source = None if text is None else (text, values)
        self.caption.setText("" if text is None else tr(text).format(**values))

    def retranslate(self) -> None:
        super().retranslate()
        source = self._caption_source
        if source is None:
            self._set_caption(None)
        else:
            self._set_caption(source[0], **source[1])
        self.legend.setText(self._legend_html())
        self._set_tsne_available(self._tsne_ok)
        self._hover(self.hovered)

    # ----- hover and click ----------------------------------------------------------------------------------
    def point_near(self, scene_pos: QPointF) -> int | None:
        """The digit whose point is within HOVER_PIXELS of `scene_pos` (the nearest), or None."""
        points = self.points
        view = self.plot.getPlotItem().getViewBox()
        if points is None or not len(points) or not view.sceneBoundingRect().contains(scene_pos):
            return None
        at = view.mapSceneToView(scene_pos)
        width, height = view.viewPixelSize()
        d2 = ((points[:, 0] - at.x()) / max(width, 1e-300)) ** 2 + ((points[:, 1] - at.y()) / max(height, 1e-300)) ** 2
        nearest = int(np.argmin(d2))
        return nearest if d2[nearest] <= HOVER_PIXELS ** 2 else None

    def scene_pos_of(self, index: int) -> QPointF:
        """Where point `index` is drawn, in scene coordinates (tests hover and click there)."""
        assert self.points is not None
        x, y = self.points[index]
        return self.plot.getPlotItem().getViewBox().mapViewToScene(QPointF(float(x), float(y)))

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        index = self.point_near(scene_pos)
        if index != self.hovered:
            self._hover(index)
            if index is not None:
                QToolTip.showText(QCursor.pos(), self.hover_picture.caption().replace("\n", ", "), self.plot)

    def _hover(self, index: int | None) -> None:
        self.hovered = index
        if index is None or self.images is None or self.points is None or self.labels is None or self.indices is None:
            self.hover_picture.set_pixels(None)
            self.hover_picture.set_caption(tr(HOVER_NONE))
            self.hover_item.setData([], [])
            return
        self.hover_picture.set_pixels(self.images[index] / 255.0)
        self.hover_picture.set_caption(tr(HOVER_CAPTION).format(index=f"{int(self.indices[index]):,}",
                                                                label=int(self.labels[index])))
        self.hover_item.setData([self.points[index, 0]], [self.points[index, 1]])

    def _on_mouse_clicked(self, event: Any) -> None:
        if event.button() != pg.QtCore.Qt.MouseButton.LeftButton:
            return
        index = self.point_near(event.scenePos())
        if index is not None:
            self.choose(index)

    def choose(self, index: int) -> None:
        """Put point `index`'s digit on the canvas (through the signals)."""
        if self.images is None or self.labels is None or self.indices is None:
            return
        self.digit_chosen.emit(self.images[index].copy(), int(self.labels[index]))
        self.test_digit_chosen.emit(int(self.indices[index]))


def _tsne(model: Any, runner: LatestJobRunner, images: np.ndarray, layer: str, mean: float,
          std: float) -> np.ndarray | None:
    """On the t-SNE thread: the layer's features (the first tenth of the progress), then t-SNE."""
    features = layer_features(model, images, layer, mean, std, progress=lambda f: runner.report_progress(0.1 * f),
                              cancelled=runner.cancelled)
    if features is None:
        return None
    return tsne_2d(features, progress=lambda f: runner.report_progress(0.1 + 0.9 * f), cancelled=runner.cancelled)


def _features(model: Any, image: np.ndarray, layer: str, mean: float, std: float) -> np.ndarray:
    """The layer's output for one digit (28×28 in [0, 1]), as one row."""
    features = layer_features(model, image[None], layer, mean, std)
    assert features is not None  # None only when cancelled, and nothing cancels this
    return features

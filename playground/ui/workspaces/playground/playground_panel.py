"""The Playground tab: TensorFlow Playground's lessons on real PyTorch.

Pick a data set (circle, XOR, two Gaussians, spiral, moons; 1-D functions; 2-D surfaces), choose the
input features the network sees (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), give it hidden layers and
neurons with + and −, press Train and watch the decision boundary form, with every hidden unit's own
picture in the network diagram and the training and test loss as it goes.

The playground has its own PlaygroundWorker (a TrainingWorker on its own thread, separate from the
MNIST one); it trains the same core Trainer on `ToySplits`, and draws what the training thread sends:
frames of the network over the grid, and batches of epochs. Nothing here runs torch.

Train runs until Pause: each run is a long block of epochs, started again when it completes. Step
trains one epoch. Changing the data, the features or the network starts afresh (as TensorFlow
Playground does); the learning rate, batch size, optimizer and regularisation change under a
running network without losing what it has learnt.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.toy_data import (
    CLASSIFICATION_SHAPES,
    FEATURES,
    ONE_D_FEATURES,
    REGRESSION_FUNCTIONS,
    SURFACES,
    ToyDataError,
    ToyProblem,
    ToySplits,
    make_problem,
)
from playground.core.explain.boundary import (
    MAX_HIDDEN_LAYERS,
    MAX_UNITS,
    BoundaryFrame,
    PlaygroundError,
    PlotGrid,
    default_output_activation,
    output_units,
    playground_spec,
    plot_grid,
)
from playground.core.i18n import N_, tr
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.events import EpochFinished, RunStarted, RunSummary
from playground.core.training.training_config import OPTIMIZERS, REGULARIZATIONS, ConfigError, TrainingConfig
from playground.ui.widgets.notice_box import NoticeBox
from playground.ui.widgets.palette import TEST_COLOUR, TRAIN_COLOUR
from playground.ui.widgets.plot_style import plot_widget
from playground.ui.widgets.plots import GrowingArray
from playground.ui.widgets.spin_boxes import BatchSizeSpinBox, LearningRateSpinBox
from playground.ui.workers.worker import TrainerReady
from playground.ui.workspaces.playground.boundary_view import BoundaryView
from playground.ui.workspaces.playground.playground_network import FEATURE_LABELS, PlaygroundNetwork
from playground.ui.workspaces.playground.playground_state import apply_panel_state, panel_state
from playground.ui.workspaces.playground.playground_worker import PlaygroundWorker

# Titles are English, marked with N_: the combo boxes show them with tr(...).
KINDS = {"classification": N_("Classification"), "regression_1d": N_("Regression: y = f(x)"),
         "surface": N_("Regression: height over the plane")}
DATASETS = {
    "classification": dict(zip(CLASSIFICATION_SHAPES, (N_("Circle"), N_("XOR (exclusive or)"), N_("Gaussian clusters"),
                                                         N_("Spiral"), N_("Two moons")))),
    "regression_1d": dict(zip(REGRESSION_FUNCTIONS, (N_("sin x"), N_("Cubic polynomial"), N_("Step function"), "|x|"))),
    "surface": dict(zip(SURFACES, (N_("Plane"), N_("Bowl"), N_("Saddle"), N_("Ripple")))),
}
MULTI_CLASS_SHAPES = ("gaussians", "spiral")
REGULARIZATION_RATES = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
OUTPUT_CHOICES = {"auto": N_("Auto"), "Sigmoid": "Sigmoid", "Linear": N_("None (linear)"), "ReLU": "ReLU",
                  "Tanh": "Tanh"}  # shown with tr(...)
TRAIN_TIP = N_("Train until Pause: one epoch after another over the training points.")
DEFAULT_HIDDEN = (4, 2)
WIDE_LAYOUT = 1000  # pixels: from this width on the network and the output sit side by side
RUN_EPOCHS = 1000  # one run's length; Train starts the next when it completes, until Pause


class PlaygroundPanel(QWidget):
    """The tab. `start()` starts its worker (done by the first show); `shutdown()` ends it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.worker = PlaygroundWorker()
        self._worker_started = False
        self._closed = False
        self._hidden: list[int] = list(DEFAULT_HIDDEN)
        self._features_2d: list[str] = ["x1", "x2"]
        self._splits: ToySplits | None = None
        self._grid: PlotGrid | None = None
        self._playing = False
        self._runs = 0  # runs asked for whose `finished` has not come back yet
        self._queued: list[int] = []  # epochs of each run asked for and not started yet, in order
        self._current_run: int | None = None  # epochs of the run under way
        self._trainer_ok = False  # the worker holds a trainer for the network and data shown
        self._generation = 0  # counts rebuilds and resets; the worker's `synced` answers the latest
        self._setup_error: str | None = None
        self.last_frame: BoundaryFrame | None = None
        self.epoch_rows: list[EpochFinished] = []  # this network's epochs, as the worker reported them
        self.draw_ms: list[float] = []  # GUI time spent drawing each of the last frames
        self._epoch = 0
        self._arranged = False
        self._notice_kind = ""
        self._notice_render: Callable[[], tuple[str, list[str]]] | None = None  # the notice in the current language
        self._notice_level = "info"
        self._setup_error_rechecks = False  # the setup error came from the controls: checking again re-words it
        self._built = False
        self._pending_state: dict[str, Any] | None = None  # remembered controls, set when the tab is built

    # ----- construction ---------------------------------------------------------------------------
    def ensure_built(self) -> None:
        """Build the controls and views: on first show, so the window's first paint does not wait for
        the playground's plots (~60 ms)."""
        if self._built:
            return
        self._built = True
        self._build_ui()
        self._connect()
        self._fill_datasets()
        self._apply_kind_to_features()
        if self._pending_state is not None:
            apply_panel_state(self, self._pending_state)
            self._pending_state = None
        self._update_rate_enabled()
        self._update_buttons()
        self._arrange(self.width() >= WIDE_LAYOUT)

    def _build_ui(self) -> None:
        # Run controls and the epoch counter.
        self.train_button = QPushButton(tr("▶ Train"))
        self.train_button.setToolTip(tr(TRAIN_TIP))
        self.pause_button = QPushButton(tr("❚❚ Pause"))
        self.pause_button.setToolTip(tr("Stop after the current batch; the weights stay as they are."))
        self.step_button = QPushButton(tr("Step"))
        self.step_button.setToolTip(tr("Train one epoch (the rest of the current one after a pause), then stop."))
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("New random weights from the seed and an empty loss curve; the data stay."))
        self.epoch_label = QLabel()
        font = self.epoch_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.epoch_label.setFont(font)
        self.epoch_label.setToolTip(tr("Epochs trained: one epoch is one pass over every training point."))
        top = QHBoxLayout()
        for button in (self.train_button, self.pause_button, self.step_button, self.reset_button):
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.epoch_label)
        top.addStretch(1)
        self.notice = NoticeBox()
        self.notice.hide()

        # Data.
        self.kind = QComboBox()
        for key, title in KINDS.items():
            self.kind.addItem(tr(title), key)
        self.kind.setToolTip(tr("Classification: colour each point by its class. Regression: predict a number — "
                                "y for a function of x, or a height over the plane."))
        self.dataset = QComboBox()
        self.dataset.setToolTip(tr("The pattern the points follow. XOR and the spiral are not separable by a "
                                   "straight line: they need hidden units or the right features."))
        self.classes = QSpinBox()
        self.classes.setRange(2, 5)
        self.classes.setToolTip(tr("How many classes (Gaussian clusters and spirals only). Two classes train with a "
                                   "Sigmoid and binary cross-entropy; more with softmax and cross-entropy."))
        self.noise = _slider(0, 50, 0, "%", tr("How much random jitter is added to every point: noisy data tempt "
                                               "the network to learn the noise (over-fitting)."))
        self.train_share = _slider(10, 90, 50, "%", tr("The share of the points used for training; the rest are "
                                                       "test points, which the network never trains on."), step=5)
        self.points = QSpinBox()
        self.points.setRange(50, 2000)
        self.points.setSingleStep(50)
        self.points.setValue(500)
        self.points.setKeyboardTracking(False)
        self.points.setToolTip(tr("Number of points, training and test together."))
        self.seed = QSpinBox()
        self.seed.setRange(0, 99_999)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(tr("One seed makes the points, their train/test split, the first weights and the "
                                "order of the batches: the same seed gives the same run."))
        self.regenerate = QPushButton(tr("Regenerate"))
        self.regenerate.setToolTip(tr("Make the points again from these settings (the same seed gives the same "
                                      "points) and start the network afresh."))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(self.regenerate)
        data_box = QGroupBox(tr("Data"))
        form = QFormLayout(data_box)
        form.addRow(tr("Problem"), self.kind)
        form.addRow(tr("Data set"), self.dataset)
        form.addRow(tr("Classes"), self.classes)
        form.addRow(tr("Noise"), self.noise)
        form.addRow(tr("Training"), self.train_share)
        form.addRow(tr("Points"), self.points)
        form.addRow(tr("Seed"), seed_row)

        # Features.
        self.feature_boxes: dict[str, QCheckBox] = {}
        features_box = QGroupBox(tr("Input features"))
        features_box.setToolTip(tr("What the network is given for each point. With x₁x₂ a single unit can solve "
                                   "XOR; with x₁² and x₂² a circle. Without them, hidden layers must build those "
                                   "shapes."))
        grid = QGridLayout(features_box)
        for k, name in enumerate(FEATURES):
            box = QCheckBox(FEATURE_LABELS.get(name, name))
            box.setChecked(name in self._features_2d)
            box.setToolTip(_feature_tip(name, True))
            self.feature_boxes[name] = box
            grid.addWidget(box, k // 2, k % 2)

        # Network.
        self.activation = QComboBox()
        for name in ("ReLU", "Tanh", "Sigmoid", "Linear"):
            self.activation.addItem(name, name)
        self.activation.setCurrentIndex(1)
        self.activation.setToolTip(tr("g(z) of every hidden unit. Without a non-linear one (Linear), any number of "
                                      "layers still draws only straight boundaries."))
        self.output_activation = QComboBox()
        for key, title in OUTPUT_CHOICES.items():
            self.output_activation.addItem(tr(title), key)
        self.output_activation.setToolTip(tr(
            "The last layer's activation. Auto follows the task: Sigmoid for two classes (binary cross-entropy), "
            "none for more classes (cross-entropy applies the softmax) and for regression. ReLU suits targets "
            "that cannot be negative."))
        # Training.
        self.learning_rate = LearningRateSpinBox()
        self.learning_rate.setValue(0.03)
        self.learning_rate.setToolTip(tr("How big a step gradient descent takes. Too small: slow. Too large: the "
                                         "loss jumps about or blows up. Arrows step 1–2–5 per decade."))
        self.batch_size = BatchSizeSpinBox(maximum=2000)
        self.batch_size.setValue(10)
        self.batch_size.setToolTip(tr("Points per gradient step. Small batches: many noisy steps per epoch; "
                                      "large batches: few smooth ones."))
        self.optimizer = QComboBox()
        for key, title in OPTIMIZERS.items():
            self.optimizer.addItem(tr(title), key)
        self.optimizer.setToolTip(tr("How the gradient becomes a step. TensorFlow Playground uses plain SGD; Adam "
                                     "adapts the step per weight and usually learns faster."))
        self.regularization = QComboBox()
        for key, title in REGULARIZATIONS.items():
            self.regularization.addItem(tr(title), key)
        self.regularization.setToolTip(tr("A penalty on large weights added to the loss: L2 keeps all weights "
                                          "small, L1 drives unneeded ones to exactly 0. Both fight over-fitting."))
        self.regularization_rate = QComboBox()
        for rate in REGULARIZATION_RATES:
            self.regularization_rate.addItem(f"{rate:g}", rate)
        self.regularization_rate.setToolTip(tr("How strongly the penalty counts against the data's loss."))
        network_box = QGroupBox(tr("Network"))
        nform = QFormLayout(network_box)
        nform.addRow(tr("Activation"), self.activation)
        nform.addRow(tr("Output"), self.output_activation)
        training_box = QGroupBox(tr("Training"))
        tform = QFormLayout(training_box)
        tform.addRow(tr("Learning rate"), self.learning_rate)
        tform.addRow(tr("Batch size"), self.batch_size)
        tform.addRow(tr("Optimizer"), self.optimizer)
        tform.addRow(tr("Regularisation"), self.regularization)
        tform.addRow(tr("Rate"), self.regularization_rate)

        for combo in (self.kind, self.dataset, self.activation, self.output_activation, self.optimizer,
                      self.regularization, self.regularization_rate):
            # Long item texts must not make the column wide: the closed box elides, the open list shows all.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        left_layout.addWidget(data_box)
        left_layout.addWidget(features_box)
        left_layout.addWidget(network_box)
        left_layout.addWidget(training_box)
        left_layout.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(left.minimumSizeHint().width() + 16)

        # Network.
        self.remove_layer = QToolButton()
        self.remove_layer.setText("−")
        self.remove_layer.setToolTip(tr("Remove the last hidden layer."))
        self.add_layer = QToolButton()
        self.add_layer.setText("+")
        self.layers_label = QLabel()
        net_header = QHBoxLayout()
        net_header.addWidget(self.remove_layer)
        net_header.addWidget(self.add_layer)
        net_header.addWidget(self.layers_label)
        net_header.addStretch(1)
        self.diagram = PlaygroundNetwork()
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(4, 0, 4, 0)
        middle_layout.addLayout(net_header)
        middle_layout.addWidget(self.diagram, 1)

        # Output.
        self.loss_label = QLabel()
        self.loss_label.setTextFormat(Qt.TextFormat.RichText)
        self.loss_label.setToolTip(tr("Loss on the test points (never trained on) and on the training points, after "
                                      "the last epoch. A test loss that rises while the training loss falls is "
                                      "over-fitting."))
        self.loss_plot = plot_widget(x_label=tr("epoch"), left_width=40)
        self.loss_plot.setFixedHeight(110)
        item = self.loss_plot.getPlotItem()
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        self.train_curve = item.plot(pen=pg.mkPen(TRAIN_COLOUR, width=1.8), name=tr("training"))
        self.test_curve = item.plot(pen=pg.mkPen(TEST_COLOUR, width=1.8), name=tr("test"))
        self._loss_x, self._train_loss, self._test_loss = GrowingArray(), GrowingArray(), GrowingArray()
        self.boundary = BoundaryView()
        self.show_test = QCheckBox(tr("Show test data"))
        self.show_test.setChecked(True)
        self.show_test.setToolTip(tr("Draw the test points (black rim) too; the network never trains on them."))
        self.discretize = QCheckBox(tr("Discretise output"))
        self.discretize.setToolTip(tr("Show only the decision — each point of the plane in the colour of the class "
                                      "it would get — instead of how sure the network is."))
        toggles = QVBoxLayout()
        toggles.addWidget(self.show_test)
        toggles.addWidget(self.discretize)
        self.loss_label.setWordWrap(True)
        losses = QWidget()
        losses_layout = QVBoxLayout(losses)
        losses_layout.setContentsMargins(0, 0, 0, 0)
        losses_layout.addWidget(self.loss_label)
        losses_layout.addWidget(self.loss_plot)
        losses_layout.addLayout(toggles)
        losses_layout.addStretch(1)
        right = QWidget()
        # Wide: the losses above the picture (a column, as TensorFlow Playground). Narrow (the window's
        # docks open): the output goes under the network, the losses beside the picture.
        self._output_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, right)
        self._output_layout.setContentsMargins(4, 0, 0, 0)
        self._output_layout.addWidget(losses)
        self._output_layout.addWidget(self.boundary, 1)
        self._losses = losses

        self._inner = QSplitter(Qt.Orientation.Horizontal)
        self._inner.addWidget(middle)
        self._inner.addWidget(right)
        self._inner.setChildrenCollapsible(False)
        self._inner.setStretchFactor(0, 3)
        self._inner.setStretchFactor(1, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("playgroundSplitter")
        splitter.addWidget(left_scroll)
        splitter.addWidget(self._inner)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        self._show_epoch(0)
        self._show_losses(None)
        self._show_layer_texts()

    def _show_layer_texts(self) -> None:
        """Texts with the number of hidden layers (set again after a change and a language switch)."""
        n = len(self._hidden)
        self.layers_label.setText((tr("{n} hidden layer") if n == 1 else tr("{n} hidden layers")).format(n=n))
        self.add_layer.setToolTip(tr("Add a hidden layer (at most {most}).").format(most=MAX_HIDDEN_LAYERS))

    def retranslate(self) -> None:
        """Texts built from values, and the notice, in the language just chosen."""
        if not self._built:
            return
        self._show_layer_texts()
        self._update_output_choice()
        for name, box in self.feature_boxes.items():
            box.setToolTip(_feature_tip(name, box.isEnabled()))
        self._show_epoch(self._epoch)
        self._show_losses(self.epoch_rows[-1] if self.epoch_rows else None)
        if self._setup_error is not None and self._setup_error_rechecks:
            message = self._check_setup()
            if message is not None:
                self._setup_error = self._with_output_hint(message)
        self._render_notice()
        self._update_buttons()

    def _check_setup(self) -> str | None:
        """Why the controls make no trainable network (None: they do), worded in the current language."""
        try:
            problem = self.problem()
            make_problem(problem)
            plot_grid(problem)
            self.spec()
            self.config()
        except (ToyDataError, PlaygroundError, SpecError, ConfigError) as exc:
            return str(exc)
        return None

    def _connect(self) -> None:
        self.train_button.clicked.connect(self.train)
        self.pause_button.clicked.connect(self.pause)
        self.step_button.clicked.connect(self.step)
        self.reset_button.clicked.connect(self.reset)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.dataset.currentIndexChanged.connect(self._on_dataset_changed)
        self.classes.valueChanged.connect(lambda _: self.rebuild())
        for slider in (self.noise, self.train_share):
            slider.slider.valueChanged.connect(
                lambda _=0, s=slider: None if s.slider.isSliderDown() else self.rebuild())
            slider.slider.sliderReleased.connect(self.rebuild)
        self.points.valueChanged.connect(lambda _: self.rebuild())
        self.seed.valueChanged.connect(lambda _: self.rebuild())
        self.regenerate.clicked.connect(self.rebuild)
        for name, box in self.feature_boxes.items():
            box.toggled.connect(lambda checked, n=name: self._on_feature_toggled(n, checked))
        self.add_layer.clicked.connect(lambda: self._change_layers(+1))
        self.remove_layer.clicked.connect(lambda: self._change_layers(-1))
        self.diagram.units_change_requested.connect(self._change_units)
        self.diagram.unit_hovered.connect(self.boundary.show_unit)
        self.activation.currentIndexChanged.connect(lambda _: self.rebuild(data=False))
        self.output_activation.currentIndexChanged.connect(lambda _: self.rebuild(data=False))
        self.learning_rate.valueChanged.connect(lambda _: self._settings_changed())
        self.batch_size.valueChanged.connect(lambda _: self._settings_changed())
        self.optimizer.currentIndexChanged.connect(lambda _: self._settings_changed())
        self.regularization.currentIndexChanged.connect(lambda _: self._settings_changed())
        self.regularization_rate.currentIndexChanged.connect(lambda _: self._settings_changed())
        self.regularization.currentIndexChanged.connect(lambda _: self._update_rate_enabled())
        self.show_test.toggled.connect(self.boundary.set_show_test)
        self.discretize.toggled.connect(self.boundary.set_discretize)
        w = self.worker
        w.trainer_ready.connect(self._on_trainer_ready)
        w.synced.connect(self._on_synced)
        w.started.connect(self._on_started)
        w.epochs.connect(self._on_epochs)
        w.frame.connect(self._on_frame)
        w.finished.connect(self._on_finished)
        w.error.connect(self._on_error)

    # ----- lifecycle ------------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        self.ensure_built()
        super().showEvent(event)
        if not self._worker_started:
            self.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._built:
            self._arrange(self.width() >= WIDE_LAYOUT)

    def _arrange(self, wide: bool) -> None:
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._inner.orientation() == orientation and self._arranged:
            return
        self._arranged = True
        self._inner.setOrientation(orientation)
        self._output_layout.setDirection(QBoxLayout.Direction.TopToBottom if wide else QBoxLayout.Direction.RightToLeft)
        self._losses.setMaximumWidth(16_777_215 if wide else 150)
        self._output_layout.setStretch(0, 0)
        self._output_layout.setStretch(1, 1)
        stretch = (3, 2) if wide else (1, 1)
        for index, factor in enumerate(stretch):
            self._inner.setStretchFactor(index, factor)
        self._inner.setSizes([factor * 100 for factor in stretch])  # proportions: the splitter scales them

    def start(self) -> None:
        """Start the worker's thread and build the first network (torch loads there, not here)."""
        if self._worker_started or self._closed:
            return
        self.ensure_built()
        self._worker_started = True
        self.worker.start()
        self.rebuild()

    def shutdown(self) -> None:
        """Stop training and end the worker's thread (the window calls this when it closes)."""
        self._closed = True
        self._playing = False
        if self._worker_started:
            self.worker.shutdown()

    @property
    def running(self) -> bool:
        return self._playing or self._runs > 0

    # ----- what the controls say -------------------------------------------------------------------
    def problem(self) -> ToyProblem:
        kind = self.kind.currentData()
        name = self.dataset.currentData()
        classes = self.classes.value() if kind == "classification" and name in MULTI_CLASS_SHAPES else 2
        return ToyProblem(kind, name, self.points.value(), self.noise.value() / 100.0,
                          round(1.0 - self.train_share.value() / 100.0, 4), self.seed.value(), classes,
                          tuple(self.features()))

    def features(self) -> list[str]:
        return [name for name, box in self.feature_boxes.items() if box.isChecked() and box.isEnabled()]

    def hidden_layers(self) -> list[int]:
        return list(self._hidden)

    def spec(self) -> ModelSpec:
        problem = self.problem()
        return playground_spec(len(problem.features), self._hidden, self.activation.currentData(),
                               self.output_activation.currentData(), problem.task, output_units(problem))

    def config(self, epochs: int = RUN_EPOCHS) -> TrainingConfig:
        return TrainingConfig(
            epochs=epochs, batch_size=self.batch_size.value(), learning_rate=self.learning_rate.value(),
            optimizer=self.optimizer.currentData(), task=self.problem().task, loss="auto",
            regularization=self.regularization.currentData(),
            regularization_rate=float(self.regularization_rate.currentData()), seed=self.seed.value(),
            device="cpu",  # these networks are tiny: a GPU's launch overheads would only slow them down
            eval_every_steps=0, eval_subset=0).validate()

    @property
    def splits(self) -> ToySplits | None:
        return self._splits

    # ----- remembered between sessions (playground_state.py) --------------------------------------------
    def state(self) -> dict[str, Any] | None:
        """The controls as plain data; before the tab is first shown, the state it will be built with."""
        return panel_state(self) if self._built else self._pending_state

    def restore_state(self, state: Any) -> None:
        """Set the controls from a remembered state: when the tab is built, or now (with a rebuild)."""
        if not self._built:
            self._pending_state = state if isinstance(state, dict) else None
            return
        apply_panel_state(self, state)
        self.rebuild()

    def refill_datasets(self) -> None:
        """The data sets and features of the kind chosen now (after the kind was set without its signal)."""
        self._fill_datasets()
        self._apply_kind_to_features()

    def tick_features(self, features: list[str]) -> None:
        """Tick exactly `features` among the boxes the data allows, without rebuilding; one stays ticked."""
        for name, box in self.feature_boxes.items():
            with QSignalBlocker(box):
                box.setChecked(box.isEnabled() and name in features)
        if not self.features():
            self._apply_kind_to_features()
            if not self.features():
                self.feature_boxes["x1"].setChecked(True)
        if self.kind.currentData() != "regression_1d":
            self._features_2d = self.features()

    def set_hidden_units(self, hidden: list[int]) -> None:
        """The hidden layers' sizes, clamped to what the tab offers, without rebuilding."""
        self._hidden = [max(1, min(MAX_UNITS, int(n))) for n in hidden][:MAX_HIDDEN_LAYERS]

    def refresh_enabled(self) -> None:
        """Enable the controls that depend on others (classes, regularisation rate) as the others say."""
        self._update_classes_enabled()
        self._update_rate_enabled()

    # ----- setters (keyboard users, tests, demos) ----------------------------------------------------
    def set_problem(self, kind: str, name: str, classes: int | None = None) -> None:
        """Choose a problem kind and data set by their keys ("classification", "xor")."""
        self.ensure_built()
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        self.refill_datasets()
        self.dataset.blockSignals(True)
        self.dataset.setCurrentIndex(self.dataset.findData(name))
        self.dataset.blockSignals(False)
        if classes is not None:
            self.classes.blockSignals(True)
            self.classes.setValue(classes)
            self.classes.blockSignals(False)
        self._update_classes_enabled()
        self.rebuild()

    def set_features(self, features: list[str]) -> None:
        self.ensure_built()
        for name, box in self.feature_boxes.items():
            box.blockSignals(True)
            box.setChecked(name in features)
            box.blockSignals(False)
        self.rebuild()

    def set_hidden_layers(self, hidden: list[int]) -> None:
        self.ensure_built()
        self.set_hidden_units(hidden)
        self.rebuild(data=False)

    # ----- run control ---------------------------------------------------------------------------------
    def train(self) -> None:
        if not self._trainer_ok or self._playing:
            return
        self._playing = True
        self._hide_run_notice()
        self._request_run(RUN_EPOCHS)
        self._update_buttons()

    def pause(self) -> None:
        self._playing = False
        self.worker.stop()
        self._update_buttons()

    def step(self) -> None:
        """One epoch (the rest of the current one, after a pause)."""
        if not self._trainer_ok:
            return
        if self._playing:
            self.pause()
        self._hide_run_notice()
        self._request_run(1)
        self._update_buttons()

    def reset(self) -> None:
        self.pause()
        if not self._worker_started:
            return
        try:
            spec, config = self.spec(), self.config()
        except (PlaygroundError, SpecError, ConfigError, ToyDataError) as exc:
            self._show_setup_error(str(exc), rechecks=True)
            return
        self._clear_history()
        self._trainer_ok = False  # until the worker says the trainer is fresh
        self._update_buttons()
        self.worker.request_reset(spec, config)
        self._sync()

    def _request_run(self, epochs: int) -> None:
        try:
            config = self.config(epochs)
        except ConfigError as exc:
            self._playing = False
            self._show_setup_error(str(exc), rechecks=True)
            return
        self._runs += 1
        self._queued.append(epochs)
        self.worker.request_run(config)

    # ----- changes ------------------------------------------------------------------------------------
    def rebuild(self, data: bool = True) -> None:
        """Apply the data and network controls: new points (with `data`), a fresh network, no history."""
        if self.running:
            self.pause()
        self._trainer_ok = False
        self._setup_error = None
        self.notice.hide()
        self._show_layer_texts()
        self.add_layer.setEnabled(len(self._hidden) < MAX_HIDDEN_LAYERS)
        self.remove_layer.setEnabled(bool(self._hidden))
        self._update_output_choice()
        try:
            problem = self.problem()
            if data or self._splits is None or self._splits.problem != problem:
                splits, grid = make_problem(problem), plot_grid(problem)
                self._splits, self._grid = splits, grid
                self.boundary.set_problem(splits, grid)
                self.worker.set_grid(grid)
            spec, config = self.spec(), self.config()
        except (ToyDataError, PlaygroundError, SpecError, ConfigError) as exc:
            self._show_setup_error(str(exc), rechecks=True)
            self._update_buttons()
            return
        assert self._grid is not None, "made with self._splits above"
        grid = self._grid
        self.diagram.set_architecture(list(problem.features), self._hidden, self.activation.currentData(),
                                      self._resolved_output(), output_units(problem), problem.task)
        self.diagram.set_placeholder(N_("building the network…"))
        self.diagram.set_input_maps([grid.features[:, k].reshape(grid.shape) for k in range(grid.features.shape[1])])
        self.boundary.set_frame(None)
        self.last_frame = None
        self._clear_history()
        if self._worker_started:
            self.worker.request_prepare(spec, config, None, self._splits)
            self._sync()
        self._update_buttons()

    def _sync(self) -> None:
        """After a rebuild or reset: what the worker sends is the old network's until it answers this."""
        self._generation += 1
        self.worker.request_sync(self._generation)
        self.worker.request_frame()

    def _settings_changed(self) -> None:
        """Learning rate, batch size, optimizer or regularisation: the trained weights stay."""
        try:
            config = self.config()
        except ConfigError as exc:
            self._show_setup_error(str(exc), rechecks=True)
            return
        if self._playing:  # restart the run under the new settings (the worker applies them first)
            self.worker.stop()
            self._request_run(RUN_EPOCHS)
        elif self._trainer_ok and self._worker_started:
            self.worker.request_configure(self.spec(), config)

    def _on_kind_changed(self) -> None:
        self.refill_datasets()
        self.rebuild()

    def _on_dataset_changed(self) -> None:
        self._update_classes_enabled()
        self.rebuild()

    def _fill_datasets(self) -> None:
        kind = self.kind.currentData()
        self.dataset.blockSignals(True)
        self.dataset.clear()
        for key, title in DATASETS[kind].items():
            self.dataset.addItem(tr(title), key)
        self.dataset.blockSignals(False)
        self._update_classes_enabled()

    def _update_classes_enabled(self) -> None:
        multi = self.kind.currentData() == "classification" and self.dataset.currentData() in MULTI_CLASS_SHAPES
        self.classes.setEnabled(multi)

    def _apply_kind_to_features(self) -> None:
        """1-D functions have x₁ only: the x₂ features are greyed out (and come back for 2-D data)."""
        one_d = self.kind.currentData() == "regression_1d"
        if one_d and all(box.isEnabled() for box in self.feature_boxes.values()):
            self._features_2d = self.features()
        for name, box in self.feature_boxes.items():
            box.blockSignals(True)
            allowed = not one_d or name in ONE_D_FEATURES
            box.setEnabled(allowed)
            if not one_d:
                box.setChecked(name in self._features_2d)
            elif not allowed:
                box.setChecked(False)
            box.setToolTip(_feature_tip(name, allowed))
            box.blockSignals(False)
        if one_d and not self.features():
            self.feature_boxes["x1"].setChecked(True)

    def _on_feature_toggled(self, name: str, checked: bool) -> None:
        if not checked and not self.features():  # the network needs at least one input
            box = self.feature_boxes[name]
            box.blockSignals(True)
            box.setChecked(True)
            box.blockSignals(False)
            self._tell(lambda: ("", [tr("The network needs at least one input feature.")]), "info", "hint")
            return
        if self.kind.currentData() != "regression_1d":
            self._features_2d = self.features()
        self.rebuild()

    def _change_layers(self, delta: int) -> None:
        if delta > 0 and len(self._hidden) < MAX_HIDDEN_LAYERS:
            self._hidden.append(self._hidden[-1] if self._hidden else 2)
        elif delta < 0 and self._hidden:
            self._hidden.pop()
        else:
            return
        self.rebuild(data=False)

    def _change_units(self, layer: int, delta: int) -> None:
        if 0 <= layer < len(self._hidden) and 1 <= self._hidden[layer] + delta <= MAX_UNITS:
            self._hidden[layer] += delta
            self.rebuild(data=False)

    def _update_rate_enabled(self) -> None:
        off = self.regularization.currentData() == "none"
        self.regularization_rate.setEnabled(not off)
        if not off and self.regularization_rate.currentData() == 0:
            self.regularization_rate.setCurrentIndex(self.regularization_rate.findData(0.001))

    def _resolved_output(self) -> str:
        choice = self.output_activation.currentData()
        return default_output_activation(self.problem().task) if choice == "auto" else choice

    def _update_output_choice(self) -> None:
        index = self.output_activation.findData("auto")
        text = tr("Auto ({activation})").format(activation=tr(OUTPUT_CHOICES[default_output_activation(
            self.problem().task)]))
        if self.output_activation.itemText(index) != text:
            self.output_activation.setItemText(index, text)

    # ----- worker events ----------------------------------------------------------------------------------
    def _on_trainer_ready(self, ready: TrainerReady) -> None:
        warnings = list(ready.head_warnings)
        if warnings:
            self._tell(lambda: (tr("This trains, but:"), warnings), "warning", "setup")

    def _on_synced(self, generation: int, ok: int) -> None:
        if generation != self._generation:
            return  # another rebuild has been asked for since
        self._trainer_ok = bool(ok) and self._setup_error is None
        if ok:
            self._clear_history()
        self._update_buttons()

    def _on_started(self, _event: RunStarted) -> None:
        self._current_run = self._queued.pop(0) if self._queued else None
        if self._current_run == RUN_EPOCHS and not self._playing:
            self.worker.stop()  # Pause came while this run waited in the queue (the trainer forgets stops then)
        elif self._current_run == RUN_EPOCHS and self._queued:
            # Newer settings wait in a run behind this one. (Not the worker's stop(): that would also
            # stop the next run as soon as it starts.)
            self.worker.stop_this_run()
        self._update_buttons()


    def _on_epochs(self, epochs: list[EpochFinished]) -> None:
        if not self._trainer_ok:
            return
        for epoch in epochs:
            self.epoch_rows.append(epoch)
            self._loss_x.extend(np.array([epoch.epoch], np.float64))
            self._train_loss.extend(np.array([epoch.train_loss], np.float64))
            self._test_loss.extend(np.array([epoch.test.get("loss", np.nan)], np.float64))
        x = self._loss_x.view()
        self.train_curve.setData(x, self._train_loss.view())
        self.test_curve.setData(x, self._test_loss.view())
        if epochs:
            self._show_epoch(epochs[-1].epoch)
            self._show_losses(epochs[-1])

    def _on_frame(self, frame: BoundaryFrame) -> None:
        if not self._trainer_ok:
            return  # a picture of the network that was just replaced
        started = time.perf_counter()
        self.last_frame = frame
        self.boundary.set_frame(frame)
        self.diagram.set_frame(frame)
        self.draw_ms = (self.draw_ms + [(time.perf_counter() - started) * 1000])[-50:]
        self._show_epoch(frame.epoch)

    def _on_finished(self, summary: RunSummary) -> None:
        self._runs = max(0, self._runs - 1)
        if self._current_run is None and self._queued:
            self._queued.pop(0)  # it failed before it started
        self._current_run = None
        reason = summary.reason
        if reason == "diverged":
            self._playing = False
            message = summary.message
            self._tell(lambda: (tr("Training stopped"), [message or tr("The loss diverged.")]), "error", "run")
        elif reason == "error":
            self._playing = False
        elif reason in ("completed", "stopped") and self._playing and self._runs == 0:
            self._request_run(RUN_EPOCHS)  # Train goes on until Pause (which stops playing first)
        self._update_buttons()

    def _on_error(self, message: str) -> None:
        if not self._trainer_ok:
            self._show_setup_error(message)
        else:
            self._tell(lambda: (tr("Problem"), [message]), "error", "run")
        self._update_buttons()

    def _show_setup_error(self, message: str, rechecks: bool = False) -> None:
        """`rechecks`: the message comes from checking the controls (`_check_setup` words it again after a
        language switch); else from the worker, and it stays as it was said."""
        self._trainer_ok = False
        self._playing = False
        self._setup_error = self._with_output_hint(message)
        self._setup_error_rechecks = rechecks
        self.diagram.set_placeholder(N_("no network to train: see the message above"))
        self._tell(lambda: (tr("This network can't be trained:"), [self._setup_error or ""]), "error", "setup")
        self._update_buttons()

    def _with_output_hint(self, message: str) -> str:
        if self.output_activation.currentData() != "auto":
            message += tr(" Or set Output to Auto: the task's usual activation.")
        return message

    def _tell(self, render: Callable[[], tuple[str, list[str]]], level: str, kind: str) -> None:
        """Show the notice: `render()` gives its title and lines in the current language (called again after
        a language switch). `kind` says when it goes: "setup" with the next rebuild, "run" and "hint" also
        when training starts again."""
        self._notice_kind = kind
        self._notice_render = render
        self._notice_level = level
        self._render_notice()
        self.notice.show()

    def _render_notice(self) -> None:
        if self._notice_render is None:  # no notice yet
            return
        title, lines = self._notice_render()
        self.notice.set_notice(title, lines, self._notice_level)

    def _hide_run_notice(self) -> None:
        if self._notice_kind in ("run", "hint"):
            self.notice.hide()

    def _clear_history(self) -> None:
        self.epoch_rows = []
        for array in (self._loss_x, self._train_loss, self._test_loss):
            array.clear()
        self.train_curve.setData([], [])
        self.test_curve.setData([], [])
        self._show_epoch(0)
        self._show_losses(None)

    # ----- display ----------------------------------------------------------------------------------------
    def _show_epoch(self, epoch: int) -> None:
        self._epoch = epoch
        self.epoch_label.setText(tr("Epoch <b>{epoch:,}</b>").format(epoch=epoch))

    def _show_losses(self, epoch: EpochFinished | None) -> None:
        def fmt(value: float | None) -> str:
            return "—" if value is None or not np.isfinite(value) else f"{value:.3f}"

        # One line each: beside the picture (narrow window) the column is 150 px and a shared line broke mid-entry.
        text = tr("<span style='color:{test_colour}'>■</span> Test loss <b>{test}</b><br>"
                  "<span style='color:{train_colour}'>■</span> Training loss <b>{train}</b>").format(
            test_colour=TEST_COLOUR, test=fmt(epoch.test.get("loss") if epoch else None), train_colour=TRAIN_COLOUR,
            train=fmt(epoch.train_loss if epoch else None))
        accuracy = epoch.test.get("accuracy") if epoch is not None else None
        if accuracy is not None:
            text += tr("<br>Test accuracy <b>{accuracy:.1%}</b>").format(accuracy=accuracy)
        self.loss_label.setText(text)

    def _update_buttons(self) -> None:
        if not self._built:
            return
        ready = self._trainer_ok and not self._closed
        self.train_button.setEnabled(ready and not self._playing)
        self.pause_button.setEnabled(self.running)
        self.step_button.setEnabled(ready)
        self.reset_button.setEnabled(self._worker_started and not self._closed and self._setup_error is None)
        reason = self._setup_error or ("" if ready else tr("Building the network…"))
        self.train_button.setToolTip(reason or tr(TRAIN_TIP))


class _Slider(QWidget):
    """A horizontal slider with its value written beside it."""

    def __init__(self, lo: int, hi: int, value: int, unit: str, tip: str, step: int = 1):
        super().__init__()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(lo, hi)
        self.slider.setSingleStep(step)
        self.slider.setPageStep(step * 2)
        self.slider.setValue(value)
        self.label = QLabel()
        self.label.setMinimumWidth(34)
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._unit = unit
        self.slider.valueChanged.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.setToolTip(tip)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._show(value)

    def _show(self, value: int) -> None:
        self.label.setText(f"{value}{self._unit}")

    def value(self) -> int:
        return self.slider.value()

    def setValue(self, value: int) -> None:  # Qt style
        self.slider.setValue(value)


def _slider(lo: int, hi: int, value: int, unit: str, tip: str, step: int = 1) -> _Slider:
    return _Slider(lo, hi, value, unit, tip, step)


def _feature_tip(name: str, allowed: bool) -> str:
    if allowed:
        return tr("Give the network {name} as an input.").format(name=name)
    return tr("A function of x has no x₂: {name} is for 2-D data.").format(name=name)

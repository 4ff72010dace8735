"""The training settings: preset, epochs, batch size, learning rate, optimizer, device, seed, and (in
`task_settings.py`) the task, loss, regularisation, learning-rate schedule, validation share and AMP.

Each control's tooltip explains the idea behind it, for learners. The panel only edits values;
the window reads them with `config()` when a run starts.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.model.presets import Preset
from playground.core.training.training_config import DEVICES, OPTIMIZERS, TrainingConfig
from playground.ui.widgets.spin_boxes import BatchSizeSpinBox, LearningRateSpinBox
from playground.ui.workspaces.train.task_settings import TaskSettings

OPTIMIZER_TIPS = {
    "sgd": N_("w ← w − η·∇L. The plain rule: every weight moves against its gradient, scaled by the "
              "learning rate."),
    "momentum": N_("Keeps a running velocity of past gradients (β = 0.9), so steps build up speed along "
                   "consistent directions and damp zig-zags."),
    "adam": N_("Momentum plus a per-weight step size from the running size of each gradient. "
               "Works well out of the box with a learning rate near 1e-3."),
    "adamw": N_("Adam with weight decay applied directly to the weights (decoupled), the usual choice "
                "when regularising with weight decay."),
    "rmsprop": N_("Divides each step by a running average of the squared gradient, so weights with "
                  "large gradients take smaller steps."),
}
DEVICE_NAMES = {"auto": N_("Automatic"), "cpu": "CPU", "cuda": N_("CUDA GPU")}
DEVICE_TIPS = {
    "auto": N_("A CUDA GPU when there is one, otherwise the CPU."),
    "cpu": N_("The processor. Small networks on MNIST train quickly here."),
    "cuda": N_("An NVIDIA GPU through CUDA: much faster for large networks and batches."),
}
NO_CUDA_TIP = N_("No CUDA GPU was found on this computer (or this PyTorch build has no CUDA support).")
CHECKING_CUDA_TIP = N_("Checking for a CUDA GPU…")
MAX_SEED = 2**31 - 1  # QSpinBox holds a signed 32-bit int
CUSTOM_PRESET = N_("(custom)")  # the preset box while the network is none of the presets


class TrainingPanel(QWidget):
    # The user picked another preset (its name); the window decides whether to switch.
    preset_chosen = Signal(str)
    # Any training setting changed (typed, stepped or loaded): the code view and the memory estimate follow.
    settings_changed = Signal()
    # The data line's "back to MNIST" link was clicked.
    mnist_requested = Signal()

    def __init__(self, presets: list[Preset], parent: QWidget | None = None):
        super().__init__(parent)
        self.presets = {p.name: p for p in presets}

        self.preset = QComboBox()
        for p in presets:
            self.preset.addItem(tr(p.title), p.name)
            self.preset.setItemData(self.preset.count() - 1, tr(p.description), Qt.ItemDataRole.ToolTipRole)
        self.preset.setToolTip(tr("A ready-made network and its training settings. Choosing one loads its "
                                  "network into the editor (Undo gives the previous one back) and its settings here."))
        self.preset.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.preset.setMinimumContentsLength(14)
        self.preset.setPlaceholderText(tr(CUSTOM_PRESET))  # shown while the network is no preset's
        self.preset.activated.connect(lambda index: self.preset_chosen.emit(self.preset.itemData(index)))

        self.epochs = QSpinBox()
        self.epochs.setRange(1, 1000)
        self.epochs.setSuffix(tr(" epochs"))
        self.epochs.valueChanged.connect(lambda n: self.epochs.setSuffix(tr(" epoch") if n == 1 else tr(" epochs")))
        self.epochs.setToolTip(tr("One epoch is one pass over every training image. Each click on Train runs "
                                  "this many more epochs, continuing from the weights learned so far."))
        self.batch_size = BatchSizeSpinBox()
        self.batch_size.setToolTip(tr("How many images go into one gradient step. The loss is averaged over the "
                                      "batch: larger batches give smoother but fewer steps per epoch and use more "
                                      "memory. The arrows double or halve it."))
        self.learning_rate = LearningRateSpinBox()
        self.learning_rate.setToolTip(tr(
            "The learning rate η: how far each step moves the weights along the negative gradient. "
            "Too small and learning crawls; too large and the loss jumps around or blows up to NaN. "
            "Adam likes about 1e-3, plain SGD about 0.01–0.1. Type a value such as 3e-4; "
            "the arrows step 1, 2, 5, 10, 20, …"))
        self.optimizer = QComboBox()
        for key, label in OPTIMIZERS.items():
            self.optimizer.addItem(tr(label), key)
            self.optimizer.setItemData(self.optimizer.count() - 1, tr(OPTIMIZER_TIPS.get(key, "")),
                                       Qt.ItemDataRole.ToolTipRole)
        self.optimizer.setToolTip(tr("The rule that turns gradients into weight updates. Hover over each choice "
                                     "in the list for what it does."))
        # The longest name ("SGD with momentum …") must not set the dock's minimum width; the list shows it whole.
        self.optimizer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.optimizer.setMinimumContentsLength(10)
        self.device = QComboBox()
        for key in DEVICES:
            self.device.addItem(tr(DEVICE_NAMES[key]), key)
            self.device.setItemData(self.device.count() - 1, tr(DEVICE_TIPS[key]), Qt.ItemDataRole.ToolTipRole)
        self.device.setToolTip(tr("Where the arithmetic runs. Changing it moves the network, keeping its weights."))
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED)
        self.seed.setToolTip(tr("One number fixes the random starting weights and the order the images are "
                                "shuffled in, so a run can be repeated exactly. A new seed takes effect on "
                                "untrained weights or after Reset."))
        self._spin_boxes = (self.epochs, self.batch_size, self.learning_rate, self.seed)
        self._settings = (self.epochs, self.batch_size, self.learning_rate, self.optimizer, self.device, self.seed)
        for box in self._spin_boxes:
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.valueChanged.connect(self.settings_changed)
        for combo in (self.optimizer, self.device):
            combo.currentIndexChanged.connect(self.settings_changed)

        self.data = QLabel(tr("Loading…"))
        self._data_text: tuple[str, bool] | None = None  # the last set_data_text, for retranslate
        self.data.setWordWrap(True)
        self.data.setTextFormat(Qt.TextFormat.RichText)
        self.data.linkActivated.connect(lambda _: self.mnist_requested.emit())
        self.data.setToolTip(tr("The images the network learns from (training) and is scored on (test)."))
        self.summary = QLabel(tr("Not trained yet. Press Train."))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setToolTip(tr("How the last run ended."))

        network = QGroupBox(tr("Network"))
        form = QFormLayout(network)
        form.addRow(tr("Preset"), self.preset)
        form.addRow(tr("Data"), self.data)
        settings = QGroupBox(tr("Training settings"))
        form = QFormLayout(settings)
        form.addRow(tr("Epochs"), self.epochs)
        form.addRow(tr("Batch size"), self.batch_size)
        form.addRow(tr("Learning rate"), self.learning_rate)
        form.addRow(tr("Optimizer"), self.optimizer)
        form.addRow(tr("Device"), self.device)
        form.addRow(tr("Seed"), self.seed)
        for field in self._settings:
            form.labelForField(field).setToolTip(field.toolTip())
        self.task_settings = TaskSettings()
        self.task_settings.settings_changed.connect(self.settings_changed)
        for box in (self.epochs, self.batch_size, self.learning_rate):
            box.valueChanged.connect(self._run_shape_changed)
        self.device.currentIndexChanged.connect(
            lambda _: self.task_settings.set_device_choice(self.device.currentData()))
        result = QGroupBox(tr("Last run"))
        QVBoxLayout(result).addWidget(self.summary)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(network)
        layout.addWidget(settings)
        layout.addWidget(self.task_settings)
        layout.addWidget(result)
        layout.addStretch(1)
        self.set_cuda_available(None)
        self._run_shape_changed()

    # ----- values ----------------------------------------------------------------------------------
    def set_preset(self, name: str | None) -> None:
        """Name the preset the network is; None (or an unknown name): none, the box says "(custom)"."""
        self.preset.setCurrentIndex(self.preset.findData(name) if name is not None else -1)

    @property
    def preset_name(self) -> str:
        """The preset named in the box; "" while the network is no preset's."""
        return self.preset.currentData() or ""

    def load_config(self, config: TrainingConfig) -> None:
        self.epochs.setValue(config.epochs)
        self.batch_size.setValue(config.batch_size)
        self.learning_rate.setValue(config.learning_rate)
        self.optimizer.setCurrentIndex(max(0, self.optimizer.findData(config.optimizer)))
        self.device.setCurrentIndex(max(0, self.device.findData(config.device)))
        self.seed.setValue(min(config.seed, MAX_SEED))
        self.task_settings.load_config(config)

    def config(self, base: TrainingConfig) -> TrainingConfig:
        """`base` (the preset's settings) with the panel's values; raises ConfigError if one is out of range."""
        for box in self._spin_boxes:
            box.interpretText()  # take a value still being typed
        return self.task_settings.apply(base.replace(
            epochs=self.epochs.value(), batch_size=self.batch_size.value(),
            learning_rate=self.learning_rate.value(), optimizer=self.optimizer.currentData(),
            device=self.device.currentData(), seed=self.seed.value(),
        ))

    # ----- state -------------------------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        """Settings apply when a run starts, so they are locked while one is in progress."""
        for widget in (self.preset, *self._settings):
            widget.setEnabled(editable)
        self.task_settings.set_editable(editable)

    def set_cuda_available(self, available: bool | None) -> None:
        """None: not known yet (torch still loading)."""
        model = self.device.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.device.findData("cuda"))
        item.setEnabled(bool(available))
        tip = DEVICE_TIPS["cuda"] if available else CHECKING_CUDA_TIP if available is None else NO_CUDA_TIP
        item.setToolTip(tr(tip))
        self.task_settings.set_cuda_available(available)

    def set_data_text(self, text: str, mnist_link: bool = False) -> None:
        """Which data the network learns from; `mnist_link` adds a "back to MNIST" link after it."""
        self._data_text = (text, mnist_link)
        self.data.setText(html.escape(text) + (" &nbsp;<a href='mnist'>{}</a>".format(tr("Back to MNIST"))
                                               if mnist_link else ""))

    def retranslate(self) -> None:
        """The data line carries a link built here (its text comes from the window, which re-sets it)."""
        if self._data_text is not None and self._data_text[1]:
            self.set_data_text(*self._data_text)
        self.preset.setPlaceholderText(tr(CUSTOM_PRESET))

    def _run_shape_changed(self) -> None:
        self.task_settings.set_run_shape(self.epochs.value(), self.batch_size.value(), self.learning_rate.value())

    def set_summary(self, html: str) -> None:
        self.summary.setText(html)

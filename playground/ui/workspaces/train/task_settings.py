"""The training settings beyond the basics: what the network learns (the task) and the loss, with the
output layer's problems said right under them; L1/L2 regularisation; the learning-rate schedule with a
preview; the validation share; mixed precision.

Like the rest of the training panel it only edits values: `apply(config)` writes them into a
TrainingConfig and `load_config` shows one. The window decides which tasks the data allows
(`set_tasks`), says what is wrong with the network's head (`show_head`) and offers the fix; a click on
the fix button is `fix_requested`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QListView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.model.tasks import DEFAULT_LOSS, LOSSES, TASKS, digit_attribute_list
from playground.core.training.training_config import REGULARIZATIONS, SCHEDULES, TrainingConfig
from playground.ui.widgets.notice_box import NoticeBox
from playground.ui.widgets.schedule_preview import SchedulePreview
from playground.ui.widgets.spin_boxes import LearningRateSpinBox

TASK_LABELS = {
    "multiclass": N_("Multi-class (softmax)"),
    "multilabel": N_("Multi-label (sigmoid per label)"),
    "binary": N_("Binary (yes / no)"),
    "regression": N_("Regression (numbers)"),
}
# Shown with `task_tip(key)` ({attributes}: the digit attributes).
TASK_TIPS = {
    "multiclass": N_("One class out of K for every example — which digit is it? The network ends with Linear(K); "
                     "nn.CrossEntropyLoss applies the softmax itself."),
    "multilabel": N_("Several yes/no labels at once. For MNIST digits the labels are their attributes: "
                     "{attributes}. A 6 is even AND ≥ 5 AND has a closed loop, so all three are 1. "
                     "The network ends with Linear(4) + Sigmoid: one independent probability per label, trained "
                     "with binary cross-entropy."),
    "binary": N_("Yes or no: two classes. The network ends with Linear(1) + Sigmoid and trains with binary "
                 "cross-entropy."),
    "regression": N_("Predict numbers (a price, a temperature). The network ends with Linear and trains with mean "
                     "squared error; the score is R² (1 is perfect, 0 is no better than guessing the mean)."),
}
LOSS_LABELS = {
    "cross_entropy": N_("Cross-entropy"),
    "bce": N_("Binary cross-entropy"),
    "bce_logits": N_("BCE with logits"),
    "mse": N_("Mean squared error"),
    "mae": N_("Mean absolute error"),
}
REGULARIZATION_TIPS = {
    "none": N_("No penalty: the loss is the data's loss alone."),
    "l1": N_("Adds rate × Σ|w| over the weights (not biases): pushes many weights to exactly 0 (sparse networks)."),
    "l2": N_("Adds rate × Σw² over the weights (not biases): keeps every weight small, which smooths what the "
             "network learns. With SGD it is the same as weight decay."),
}
SCHEDULE_TIPS = {
    "constant": N_("The same learning rate at every step."),
    "step": N_("Multiply the learning rate by γ every N epochs (torch.optim.lr_scheduler.StepLR)."),
    "cosine": N_("Glide from the learning rate down to 0 along half a cosine over the run (CosineAnnealingLR)."),
    "one_cycle": N_("Warm up from lr/25 to the learning rate over the first 30 % of the run, then anneal to almost "
                    "0 (OneCycleLR): fast and forgiving training."),
}
# Measured, not folklore: bench/gpu.py on an H200 (docs/performance.md, On a GPU).
AMP_TIP = N_("Mixed precision: the forward pass runs in float16 on the GPU (with gradient scaling so small "
             "gradients don't vanish), with the same accuracy. It pays on big networks (large convolutions, "
             "big batches); on small ones the conversions cost more than they save: SimpleNN ran at "
             "0.65–0.71× its float32 speed on an H200. CUDA only.")
AMP_OFF_TIP = N_("Mixed precision needs a CUDA GPU: choose the CUDA device (or Automatic, with a GPU present).")
VALIDATION_TIP = N_("Hold this share of the training data out as a validation set: the network never trains on "
                    "it, and its loss and score each epoch show over-fitting without touching the test set. "
                    "Takes effect on untrained weights (or after Reset).")


def task_tip(key: str) -> str:
    """The task's tooltip in the current language."""
    text = tr(TASK_TIPS[key])
    return text.format(attributes=digit_attribute_list()) if key == "multilabel" else text


class TaskSettings(QWidget):
    settings_changed = Signal()
    # The task combo changed by the user (the window checks the output layer and may ask first).
    task_chosen = Signal(str)
    fix_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._loading = False
        self._run = (5, 64, 1e-3)  # epochs, batch size, learning rate: for the preview
        self._train_size = 60_000
        self._device = "auto"
        self._cuda: bool | None = None
        self._idle_rate = 0.0  # the rate a config without regularisation carries (kept as loaded)
        self._task_before = "multiclass"
        self._multiclass_tip: str | None = None  # the window's words for multi-class on this data

        self.task = _combo(10)
        _set_view(self.task)
        for key in TASKS:
            self.task.addItem(tr(TASK_LABELS[key]), key)
            self.task.setItemData(self.task.count() - 1, task_tip(key), Qt.ItemDataRole.ToolTipRole)
        self.task.setToolTip(tr("What the network learns to answer. Hover over each choice for what it means; "
                                "tasks the data can't pose are not listed (import a CSV for regression)."))
        self.loss = _combo(10)
        self.loss.setToolTip(tr("What training minimises. Automatic picks the task's usual loss. Other choices "
                                "show what goes wrong when the loss and the output layer don't fit."))
        for key, text in LOSSES.items():
            self.loss.addItem(tr(LOSS_LABELS[key]) if key in LOSS_LABELS else tr("Automatic"), key)
            self.loss.setItemData(self.loss.count() - 1, tr(text), Qt.ItemDataRole.ToolTipRole)
        self.head_notice = NoticeBox()
        self.head_notice.setObjectName("headNotice")
        self.head_notice.hide()
        self.fix_button = QPushButton()
        self.fix_button.setObjectName("headFixButton")
        # Its text must not widen the dock: the panel's width decides, the tooltip says it all.
        self.fix_button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.fix_button.hide()
        self.fix_button.clicked.connect(self.fix_requested)

        self.regularization = _combo(8)
        for key, text in REGULARIZATIONS.items():
            self.regularization.addItem(tr(text), key)
            self.regularization.setItemData(self.regularization.count() - 1, tr(REGULARIZATION_TIPS[key]),
                                            Qt.ItemDataRole.ToolTipRole)
        self.regularization.setToolTip(tr("A penalty on large weights, added to the loss for backpropagation: it "
                                          "fights over-fitting. The loss shown on the curves is the data's alone."))
        self.regularization_rate = LearningRateSpinBox(minimum=1e-6, maximum=10.0)
        self.regularization_rate.setValue(1e-4)
        self.regularization_rate.setToolTip(tr(
            "λ, the strength of the penalty: loss + λ·Σ|w| (L1) or loss + λ·Σw² (L2). "
            "1e-5 to 1e-3 is usual; too large and the weights can't grow enough to learn."))

        self.schedule = _combo(8)
        for key, text in SCHEDULES.items():
            self.schedule.addItem(tr(text), key)
            self.schedule.setItemData(self.schedule.count() - 1, tr(SCHEDULE_TIPS[key]), Qt.ItemDataRole.ToolTipRole)
        self.schedule.setToolTip(tr("How the learning rate changes over a run. A smaller rate late in training "
                                    "lets the weights settle into a minimum instead of bouncing around it."))
        self.step_epochs = QSpinBox()
        self.step_epochs.setRange(1, 10_000)
        self.step_epochs.setSuffix(tr(" epochs"))
        self.step_epochs.setToolTip(tr("The step schedule multiplies the learning rate by γ after this many epochs."))
        self.gamma = QDoubleSpinBox()
        self.gamma.setRange(1e-4, 1.0)
        self.gamma.setDecimals(4)
        self.gamma.setSingleStep(0.05)
        self.gamma.setPrefix("× ")
        self.gamma.setToolTip(tr("γ: the factor the step schedule multiplies the learning rate by (0.5 halves it)."))
        self.preview = SchedulePreview()

        self.validation = QDoubleSpinBox()
        self.validation.setRange(0.0, 90.0)
        self.validation.setDecimals(1)
        self.validation.setSingleStep(5.0)
        self.validation.setSuffix(" %")
        self.validation.setSpecialValueText(tr("none"))
        self.validation.setToolTip(tr(VALIDATION_TIP))
        self.amp = QCheckBox(tr("Mixed precision (AMP)"))
        self.amp.setToolTip(tr(AMP_TIP))

        for box in (self.regularization_rate, self.step_epochs, self.gamma, self.validation):
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._changed)
        for combo in (self.loss, self.regularization, self.schedule):
            combo.currentIndexChanged.connect(self._changed)
        self.task.currentIndexChanged.connect(self._task_changed)
        self.amp.toggled.connect(self._changed)

        task_box = QGroupBox(tr("Task and loss"))
        task_form = form = QFormLayout(task_box)
        form.addRow(tr("Task"), self.task)
        form.addRow(tr("Loss"), self.loss)
        form.addRow(self.head_notice)
        form.addRow(self.fix_button)
        tuning = QGroupBox(tr("Regularisation and schedule"))
        form = QFormLayout(tuning)
        form.addRow(tr("Penalty"), self.regularization)
        form.addRow(tr("Rate λ"), self.regularization_rate)
        form.addRow(tr("LR schedule"), self.schedule)
        form.addRow(tr("Step every"), self.step_epochs)
        form.addRow(tr("Multiply by"), self.gamma)
        form.addRow(self.preview)
        self._tuning_form = form
        more = QGroupBox(tr("Data split and precision"))
        form = QFormLayout(more)
        form.addRow(tr("Validation"), self.validation)
        form.addRow(self.amp)
        for f, fields in ((task_form, (self.task, self.loss)),
                          (self._tuning_form, (self.regularization, self.regularization_rate, self.schedule)),
                          (form, (self.validation,))):
            for field in fields:
                label = f.labelForField(field)
                if label is not None:
                    label.setToolTip(field.toolTip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(task_box)
        layout.addWidget(tuning)
        layout.addWidget(more)
        self._update_enabled()
        self._update_loss_labels()

    # ----- values --------------------------------------------------------------------------------------
    def load_config(self, config: TrainingConfig) -> None:
        self._loading = True
        try:
            self._select(self.task, config.task)
            self._task_before = config.task
            self._select(self.loss, config.loss)
            self._select(self.regularization, config.regularization)
            self._idle_rate = config.regularization_rate
            if config.regularization_rate > 0:
                self.regularization_rate.setValue(config.regularization_rate)
            self._select(self.schedule, config.lr_schedule)
            self.step_epochs.setValue(config.lr_step_epochs)
            self.gamma.setValue(config.lr_gamma)
            self.validation.setValue(round(config.validation_fraction * 100.0, 1))
            self.amp.setChecked(config.amp)
        finally:
            self._loading = False
        self._update_enabled()
        self._update_loss_labels()

    def apply(self, config: TrainingConfig) -> TrainingConfig:
        """`config` with this widget's values."""
        for box in (self.regularization_rate, self.step_epochs, self.gamma, self.validation):
            box.interpretText()
        regularization = self.regularization.currentData()
        rate = self.regularization_rate.value() if regularization != "none" else self._idle_rate
        fraction = self.validation.value() / 100.0
        if abs(fraction - config.validation_fraction) < 5e-4:  # the box shows 0.1 %: keep finer values
            fraction = config.validation_fraction
        return config.replace(
            task=self.task.currentData(), loss=self.loss.currentData(), regularization=regularization,
            regularization_rate=rate, lr_schedule=self.schedule.currentData(),
            lr_step_epochs=self.step_epochs.value(), lr_gamma=round(self.gamma.value(), 6),
            validation_fraction=fraction, amp=self.amp.isChecked())

    @property
    def task_key(self) -> str:
        return self.task.currentData()

    def set_task(self, task: str) -> None:
        """Select `task` as the program's doing (no `task_chosen`)."""
        self._loading = True
        try:
            self._select(self.task, task)
            self._task_before = task
        finally:
            self._loading = False
        self._update_loss_labels()
        self.settings_changed.emit()

    def revert_task(self) -> None:
        """Back to the task chosen before the last `task_chosen` (the user declined what it meant)."""
        self.set_task(self._task_before)

    def set_tasks(self, tasks: tuple[str, ...], multiclass_tip: str | None = None) -> None:
        """Only `tasks` are offered in the list (the current one stays selected even when the data can't
        pose it, so a project's settings survive; the window then says why it can't train)."""
        model = self.task.model()
        assert isinstance(model, QStandardItemModel)
        view = self.task.view()
        for row in range(self.task.count()):
            key = self.task.itemData(row)
            allowed = key in tasks
            model.item(row).setEnabled(allowed)
            if isinstance(view, QListView):
                view.setRowHidden(row, not allowed)
        if multiclass_tip:
            self._multiclass_tip = multiclass_tip
            self.task.setItemData(self.task.findData("multiclass"), multiclass_tip, Qt.ItemDataRole.ToolTipRole)

    def offered_tasks(self) -> list[str]:
        model = self.task.model()
        assert isinstance(model, QStandardItemModel)
        return [self.task.itemData(r) for r in range(self.task.count()) if model.item(r).isEnabled()]

    # ----- what the window tells it --------------------------------------------------------------------
    def set_run_shape(self, epochs: int, batch_size: int, learning_rate: float) -> None:
        self._run = (epochs, batch_size, learning_rate)
        self._update_preview()

    def set_train_size(self, train_size: int) -> None:
        if train_size > 0:
            self._train_size = int(train_size)
            self._update_preview()

    def set_device_choice(self, device: str) -> None:
        self._device = device
        self._update_enabled()

    def set_cuda_available(self, available: bool | None) -> None:
        self._cuda = available
        self._update_enabled()

    def show_head(self, errors: list[str], warnings: list[str], fix_text: str = "", fix_tip: str = "") -> None:
        """The output layer's problems under the loss (errors stop training) and, with `fix_text`, a
        button that fixes them (`fix_tip`: what exactly it changes)."""
        if errors:
            self.head_notice.set_notice(tr("Can't train like this"), errors + warnings, "error")
        elif warnings:
            self.head_notice.set_notice(tr("Trains, but"), warnings, "warning")
        self.head_notice.setVisible(bool(errors or warnings))
        self.fix_button.setText(fix_text)
        self.fix_button.setToolTip(tr("{fix}. One step on the network's undo stack (Ctrl+Z takes it back).").format(
            fix=fix_tip or fix_text) if fix_text else "")
        self.fix_button.setVisible(bool(fix_text))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._update_enabled()

    def retranslate(self) -> None:
        """Texts built here from several pieces: the task tips, "Automatic: …", the AMP tooltip.
        (The head notice and the fix button are re-set by the window's head check.)"""
        for row in range(self.task.count()):
            key = self.task.itemData(row)
            tip = self._multiclass_tip if key == "multiclass" and self._multiclass_tip else task_tip(key)
            self.task.setItemData(row, tip, Qt.ItemDataRole.ToolTipRole)
        self._update_loss_labels()
        self._update_enabled()

    # ----- internals -----------------------------------------------------------------------------------
    def _task_changed(self) -> None:
        self._update_loss_labels()
        if not self._loading:
            self.task_chosen.emit(self.task.currentData())
            self._task_before = self.task.currentData()
        self._changed()

    def _changed(self) -> None:
        self._update_enabled()
        if not self._loading:
            self.settings_changed.emit()

    def _update_loss_labels(self) -> None:
        default = DEFAULT_LOSS.get(self.task.currentData() or "multiclass", "cross_entropy")
        self.loss.setItemText(self.loss.findData("auto"),
                              tr("Automatic: {loss}").format(loss=tr(LOSS_LABELS[default]).lower()))

    def _update_enabled(self) -> None:
        editable = getattr(self, "_editable", True)
        for widget in (self.task, self.loss, self.regularization, self.schedule, self.validation, self.fix_button):
            widget.setEnabled(editable)
        self.regularization_rate.setEnabled(editable and self.regularization.currentData() != "none")
        schedule = self.schedule.currentData()
        for field in (self.step_epochs, self.gamma):
            field.setVisible(schedule == "step")
            self._tuning_form.labelForField(field).setVisible(schedule == "step")
        self.step_epochs.setEnabled(editable)
        self.gamma.setEnabled(editable)
        self.preview.setVisible(schedule != "constant")
        cuda = self._device == "cuda" or (self._device == "auto" and bool(self._cuda))
        self.amp.setEnabled(editable and cuda)
        self.amp.setToolTip(tr(AMP_TIP) if cuda else f"{tr(AMP_TIP)}\n\n{tr(AMP_OFF_TIP)}")
        self._update_preview()

    def _update_preview(self) -> None:
        schedule = self.schedule.currentData()
        if schedule == "constant" or not self.preview.isVisibleTo(self):
            return
        epochs, batch_size, lr = self._run
        steps_per_epoch = math.ceil(self._train_size / max(batch_size, 1))
        self.preview.set_schedule(schedule, lr, epochs, steps_per_epoch, self.step_epochs.value(),
                                  self.gamma.value())

    @staticmethod
    def _select(combo: QComboBox, key: str) -> None:
        index = combo.findData(key)
        combo.setCurrentIndex(index if index >= 0 else 0)


def _combo(min_chars: int) -> QComboBox:
    combo = QComboBox()
    # Long choices must not set the dock's minimum width; the open list shows them whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(min_chars)
    return combo


def _set_view(combo: QComboBox) -> None:
    """A list view, so rows can be hidden (the tasks the data can't pose)."""
    combo.setView(QListView())

"""Draw a digit, see what the network sees, watch it decide: canvas, 28×28 input and bars.

The panel owns an `InferenceThread` (its own copy of the network, its own thread) and keeps it
fed: every change of the canvas sends the newest drawing; the answer comes back queued and
updates the 28×28 view and the bars together. The window tells the panel about the network
(`set_model` when the design or the weights are replaced, `update_weights` while training) and
the data (`set_dataset`, for random test digits); the panel reports each answer
(`prediction_ready`) and the examples a user wants to learn from (`add_example`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.preprocessing import prepare_digit, to_uint8
from playground.core.i18n import N_, tr
from playground.core.model.spec import ModelSpec
from playground.ui.widgets.image_io import IMAGE_SUFFIXES, ImageReadError, read_grayscale
from playground.ui.widgets.message_bar import MessageBar
from playground.ui.workers.inference_thread import DigitPrediction, InferenceThread
from playground.ui.workspaces.inside.canvas import DEFAULT_BRUSH, MAX_BRUSH, MIN_BRUSH, DrawingCanvas
from playground.ui.workspaces.inside.network_input import NetworkInputView
from playground.ui.workspaces.inside.prediction_bars import PredictionBars
from playground.ui.workspaces.inside.saliency_view import SaliencyView

__all__ = ["DrawPanel", "DigitPrediction", "BRUSH_KEY"]

BRUSH_KEY = "canvas/brush"
LAST_DIR_KEY = "canvas/last_image_dir"
NO_MODEL = N_("No trained network yet")  # shown by PredictionBars through tr()
BLANK = N_("Draw a digit")
ADD_TIP = N_("Keep this drawing, as the network sees it (28×28), with the label above, "
             "so the network can learn from it.")
# The canvas's undo commands are named by key ("stroke", "clear", "loaded image"): their tool tips.
UNDO_TIPS = {
    "stroke": N_("Undo the last stroke (Ctrl+Z)"),
    "clear": N_("Undo the last clear (Ctrl+Z)"),
    "loaded image": N_("Undo the last loaded image (Ctrl+Z)"),
}


class DrawPanel(QWidget):
    """The drawing canvas with the network's input and answer beside it."""

    # A DigitPrediction (probabilities, prediction, image28) for every answer, on the GUI thread;
    # probabilities and prediction are None for a blank canvas or when there is no network.
    prediction_ready = Signal(object)
    # (28×28 uint8 image, white on black like MNIST, label): "learn this one".
    add_example = Signal(object, int)

    def __init__(self, parent: QWidget | None = None, remember: bool = True, seed: int = 0):
        super().__init__(parent)
        self._remember = remember
        self._rng = np.random.default_rng(seed)
        self._test_images: np.ndarray | None = None
        self._test_labels: np.ndarray | None = None
        self._last: DigitPrediction | None = None
        self._last_request = 0
        self._classes: tuple[str, ...] = ()
        self._source: tuple = ()  # what source_label says: ("loaded", name), ("test", index, label), ("added", label)
        # The drawing that source describes: (source, canvas pixels, the label it comes with or None). Drawn
        # over, the caption and that label no longer hold (they come back if undo restores those pixels).
        self._origin: tuple[tuple, np.ndarray, int | None] | None = None

        self.canvas = DrawingCanvas()
        self.preview = NetworkInputView()
        self.bars = PredictionBars()
        self.bars.clear(BLANK)
        self.message_bar = MessageBar()
        self.saliency = SaliencyView()  # what the network looks at; the window gives it the network and digit

        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Empty the canvas (Esc). Undo brings the drawing back."))
        self.undo_button = QPushButton(tr("Undo stroke"))
        self.undo_button.setToolTip(tr("Take back the last stroke (Ctrl+Z)"))
        self.brush_spin = QSpinBox()
        self.brush_spin.setRange(MIN_BRUSH, MAX_BRUSH)
        self.brush_spin.setSuffix(" px")
        self.brush_spin.setAccessibleName(tr("Pen width"))
        self.brush_spin.setToolTip(tr("Pen width. MNIST digits have strokes about a ninth of the digit's height; "
                                      "the preprocessing scales any drawing, so any width that reads well works."))
        self.load_button = QPushButton(tr("Load image…"))
        self.load_button.setToolTip(tr("Classify a picture of a digit: PNG, JPEG, BMP, PGM or .npy, any size, "
                                       "dark on light or light on dark."))
        self.random_button = QPushButton(tr("Random test digit"))
        self.random_button.setToolTip(tr("Show a digit from the test set, which the network never trains on."))
        self.random_button.setEnabled(False)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: palette(placeholder-text);")
        self.label_choice = QComboBox()
        self.label_choice.setToolTip(tr("The digit this drawing really is — you choose, not the network: "
                                        "a wrong label teaches the network the wrong thing."))
        self.label_choice.setAccessibleName(tr("Label"))
        self.add_button = QPushButton(tr("Add to training data"))
        self.add_tip = ADD_TIP  # English source; the window replaces it with its own wording
        self.add_button.setToolTip(tr(self.add_tip))
        self.add_button.setEnabled(False)
        self._set_classes(tuple("0123456789"))

        self._layout()
        self._restore_brush()

        self.inference = InferenceThread()  # no parent: it lives as long as its thread needs it
        self.inference.result.connect(self._on_result)
        self.inference.error.connect(self._on_inference_error)
        self.inference.start()
        inference = self.inference
        self.destroyed.connect(lambda *_: inference.shutdown())
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

        self.canvas.image_changed.connect(self._on_image_changed)
        self.canvas.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.canvas.undo_stack.undoTextChanged.connect(self._on_undo_text)
        self._on_undo_text(self.canvas.undo_stack.undoText())  # the tooltip fits the (empty) stack from the start
        self.undo_button.setEnabled(False)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.undo_button.clicked.connect(self.canvas.undo)
        self.brush_spin.valueChanged.connect(self._on_brush)
        self.load_button.clicked.connect(self.choose_image_file)
        self.random_button.clicked.connect(self.show_random_test_digit)
        self.add_button.clicked.connect(self._on_add)
        self.label_choice.currentIndexChanged.connect(self._update_add_button)

    def _layout(self) -> None:
        canvas_tools = QHBoxLayout()
        canvas_tools.setContentsMargins(0, 0, 0, 0)
        canvas_tools.addWidget(self.clear_button)
        canvas_tools.addWidget(self.undo_button)
        canvas_tools.addStretch(1)
        pen_label = QLabel(tr("Pen"))
        pen_label.setBuddy(self.brush_spin)
        canvas_tools.addWidget(pen_label)
        canvas_tools.addWidget(self.brush_spin)
        left = QVBoxLayout()
        left.addWidget(self.canvas, 1)
        left.addLayout(canvas_tools)

        add_row = QHBoxLayout()
        add_row.setContentsMargins(0, 0, 0, 0)
        add_row.addWidget(QLabel(tr("It is a")))
        add_row.addWidget(self.label_choice)
        middle = QVBoxLayout()
        middle.addWidget(self.preview)
        middle.addWidget(self.load_button)
        middle.addWidget(self.random_button)
        middle.addWidget(self.source_label)
        middle.addStretch(1)
        middle.addLayout(add_row)
        middle.addWidget(self.add_button)
        middle_box = QWidget()
        middle_box.setLayout(middle)
        middle_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        middle.setContentsMargins(0, 0, 0, 0)
        middle_box.setFixedWidth(176)

        grid = QGridLayout(self)
        grid.addWidget(self.message_bar, 0, 0, 1, 3)
        grid.addLayout(left, 1, 0, 2, 1)
        grid.addWidget(middle_box, 1, 1)
        grid.addWidget(self.bars, 1, 2)
        grid.addWidget(self.saliency, 2, 1, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(1, 1)

    # ----- API for the window ------------------------------------------------------------------------
    def set_model(self, spec: ModelSpec | None, state_dict: Mapping[str, Any] | Callable | None,
                  mean: float = 0.5, std: float = 0.5) -> None:
        """Predict with this network from now on (weights: a dict of numpy arrays, e.g.
        `trainer.state_snapshot()`, or that method itself to take the snapshot off the GUI thread;
        mean/std: the trainer's `config.normalize_mean/std`). None for either: no network."""
        self.inference.set_model(spec, state_dict, mean, std)
        if spec is None or state_dict is None:
            self.bars.clear(NO_MODEL if not self.canvas.is_empty() else BLANK)

    def update_weights(self, state: Mapping[str, Any] | Callable) -> None:
        """New weights for the same network (while training; a few times a second is plenty)."""
        self.inference.update_weights(state)

    def set_dataset(self, data: Any) -> None:
        """The data the network learns from: `DataSplits` (its test split gives the random test
        digits; its class names label the bars) or one `ImageDataset`; None disables the button."""
        test = getattr(data, "test", data)
        if test is None:
            self._test_images = self._test_labels = None
        else:
            self._test_images, self._test_labels = test.images, test.labels
            self._set_classes(tuple(test.classes))
        self.random_button.setEnabled(self._test_images is not None and len(self._test_images) > 0)

    def current_image28(self) -> np.ndarray:
        """What the network is shown for the drawing now: float32 28×28 in [0, 1], white on black."""
        return prepare_digit(self.canvas.image())

    @property
    def last_prediction(self) -> DigitPrediction | None:
        return self._last

    def shutdown(self) -> None:
        """End the inference thread (the window calls this on close; also done on quit)."""
        self.inference.shutdown()
        self.saliency.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)

    # ----- actions -----------------------------------------------------------------------------------
    def choose_image_file(self) -> None:
        settings = QSettings() if self._remember else None
        start = str(settings.value(LAST_DIR_KEY, "")) if settings is not None else ""
        patterns = " ".join(f"*{suffix}" for suffix in IMAGE_SUFFIXES)
        path, _ = QFileDialog.getOpenFileName(self, tr("Load a digit image"), start,
                                              tr("Images ({patterns});;All files (*)").format(patterns=patterns))
        if path:
            if settings is not None:
                settings.setValue(LAST_DIR_KEY, str(Path(path).parent))
            self.load_image_file(path)

    def load_image_file(self, path: str | Path) -> bool:
        """Show the image in `path` on the canvas; a file that cannot be used is explained inline."""
        try:
            image = read_grayscale(path)
            self.canvas.set_image(image)
        except (ImageReadError, ValueError) as exc:
            self.message_bar.show_message(str(exc), "error")
            return False
        self.message_bar.hide()
        self._set_origin(None, "loaded", Path(path).name)
        return True

    def show_random_test_digit(self) -> int | None:
        """A random digit of the test set on the canvas; returns its index (None without data)."""
        if self._test_images is None or len(self._test_images) == 0:
            return None
        index = int(self._rng.integers(len(self._test_images)))
        self.show_test_digit(index)
        return index

    def show_test_digit(self, index: int) -> None:
        images, labels = self._test_images, self._test_labels
        assert images is not None and labels is not None, "no test set: see show_random_test_digit"
        label = int(labels[index])
        self.canvas.set_image(images[index])
        self.set_label(label)
        self._set_origin(label, "test", index, label)

    def _on_add(self) -> None:
        image28 = to_uint8(self.current_image28())
        if not image28.any():
            return
        label = self.chosen_label()
        if label is None:
            return
        self.add_example.emit(image28, label)
        self._set_origin(label, "added", label)

    def _class_name(self, label: int) -> str:
        return self._classes[label] if 0 <= label < len(self._classes) else str(label)

    def _set_origin(self, label: int | None, *source) -> None:
        """Say where the drawing now on the canvas came from, and that `label` belongs to it (not to later strokes)."""
        self._origin = (source, self.canvas.image(), label)
        self._set_source(*source)

    def _follow_origin(self) -> None:
        """Drawn over, the drawing is no longer the one the caption names (a test digit labelled '9'): the caption
        goes, and so does the label that came with it, so Add asks for one. Undone back to it, both return."""
        if self._origin is None:
            return
        source, pixels, label = self._origin
        same = np.array_equal(self.canvas.image(), pixels)
        if same and not self._source:
            self._set_source(*source)
            if label is not None and self.chosen_label() is None:
                self.set_label(label)
        elif not same and self._source:
            self._set_source()
            if label is not None and self.chosen_label() == label:  # a label the user picked since stays
                self.set_label(None)

    def _set_source(self, *source) -> None:
        """Say where the drawing came from (kept as values, so `retranslate` can say it again)."""
        self._source = source
        kind = source[0] if source else None
        if kind == "loaded":
            text = tr("Loaded {name}").format(name=source[1])
        elif kind == "test":
            text = tr("Test digit #{index:,}, labelled “{name}”").format(index=source[1],
                                                                        name=self._class_name(source[2]))
        elif kind == "added":
            text = tr("Added to the training data as “{name}”.").format(name=self._class_name(source[1]))
        else:
            text = ""
        self.source_label.setText(text)

    def retranslate(self) -> None:
        """Texts built from values, in the current language (the language switch calls this)."""
        self._set_source(*self._source)
        self._update_add_button()
        self._on_undo_text(self.canvas.undo_stack.undoText())

    def chosen_label(self) -> int | None:
        """The class chosen for "Add to training data" (None: not chosen yet)."""
        index = self.label_choice.currentIndex()
        return index - 1 if index >= 1 else None

    def set_label(self, label: int | None) -> None:
        self.label_choice.setCurrentIndex(0 if label is None else int(label) + 1)

    def _update_add_button(self) -> None:
        ready = not self.canvas.is_empty() and self.chosen_label() is not None
        self.add_button.setEnabled(ready)
        if self.canvas.is_empty():
            self.add_button.setToolTip(tr("Draw or load a digit first."))
        elif self.chosen_label() is None:
            self.add_button.setToolTip(tr("Choose what digit this is first (the box above)."))
        else:
            self.add_button.setToolTip(tr(self.add_tip))

    def _on_undo_text(self, text: str) -> None:
        """`text`: the key of the canvas's next undo command ("stroke", "clear", "loaded image")."""
        if not text:
            self.undo_button.setToolTip(tr("Nothing to undo"))
        elif text in UNDO_TIPS:
            self.undo_button.setToolTip(tr(UNDO_TIPS[text]))
        else:
            self.undo_button.setToolTip(tr("Undo the last {action} (Ctrl+Z)").format(action=text))

    def _on_brush(self, value: int) -> None:
        self.canvas.set_brush_size(value)
        if self._remember:
            QSettings().setValue(BRUSH_KEY, int(value))

    def _restore_brush(self) -> None:
        value = DEFAULT_BRUSH
        if self._remember:
            stored = QSettings().value(BRUSH_KEY, DEFAULT_BRUSH)
            try:
                value = int(stored) if isinstance(stored, (int, float, str)) else DEFAULT_BRUSH
            except (ValueError, OverflowError):  # text that is no number; an infinite float
                value = DEFAULT_BRUSH
        value = min(MAX_BRUSH, max(MIN_BRUSH, value))
        self.brush_spin.setValue(value)
        self.canvas.set_brush_size(value)

    def _set_classes(self, classes: tuple[str, ...]) -> None:
        current = self.chosen_label()
        self.label_choice.clear()
        self._classes = tuple(classes)
        self.label_choice.addItems(["?"] + list(classes))  # "?": no label chosen yet
        self.set_label(current if current is not None and current < len(classes) else None)
        self.bars.set_classes(classes)

    # ----- live prediction ---------------------------------------------------------------------------
    @Slot()
    def _on_image_changed(self) -> None:
        empty = self.canvas.is_empty()
        if empty:  # the origin is kept: undoing the clear brings it back
            self._set_source()
            self.set_label(None)  # a new drawing needs its own label
        else:
            self._follow_origin()
        self._update_add_button()
        self._last_request = self.inference.submit(self.canvas.image())

    @Slot(object)
    def _on_result(self, payload: dict) -> None:
        prediction: DigitPrediction = payload["prediction"]
        status = payload["status"]
        self.preview.set_image(prediction.image28)
        if status == "ok":
            self.bars.set_probabilities(prediction.probabilities)
        else:
            self.bars.clear(BLANK if status == "blank" else NO_MODEL)
        self._last = prediction
        self.prediction_ready.emit(prediction)

    @Slot(str)
    def _on_inference_error(self, message: str) -> None:
        self.message_bar.show_message(message, "warning")

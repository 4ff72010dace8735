"""Find English left in a widget tree that should speak Chinese.

`shown_texts(root)` collects what a user can read: window titles, labels, buttons, tool tips, tabs,
combo/list/table/tree items, menus and actions, placeholders, spin-box affixes, rich-text browsers,
and pyqtgraph titles, axis labels, legends and text items. `untranslated(root)` keeps those that
still contain an English word that is not a technical name Chinese texts keep as they are (ReLU,
Adam, MNIST, ...). Widgets that show code or data (`setProperty("untranslatable", True)`) and their
children are left out.
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractSpinBox, QComboBox, QDoubleSpinBox, QGraphicsView, QGroupBox, QLabel, QLineEdit,
    QListWidget, QMenu, QPlainTextEdit, QSpinBox, QStatusBar, QTableWidget, QTabWidget, QTextBrowser, QTextEdit,
    QTreeWidget,
    QWidget,
)

# Names a Chinese text keeps in Latin letters: PyTorch classes and terms, file formats, datasets,
# units, keys. Compared case-insensitively, whole words only.
TECHNICAL = {
    # layers and activations (PyTorch names)
    "linear", "conv2d", "conv", "maxpool2d", "avgpool2d", "flatten", "dropout", "batchnorm1d", "batchnorm2d",
    "batchnorm", "lstm", "gru", "rnn", "cnn", "mlp", "relu", "leakyrelu", "leaky", "sigmoid", "tanh", "gelu",
    "softmax", "identity", "logits", "logit", "argmax", "exp", "max", "min", "log", "sum", "mean", "std",
    # optimizers, losses, schedules
    "sgd", "adam", "adamw", "rmsprop", "momentum", "crossentropyloss", "bceloss", "bcewithlogitsloss", "mseloss",
    "l1loss", "mse", "mae", "bce", "steplr", "cosineannealinglr", "onecyclelr", "amp", "gradscaler", "autocast",
    "nll",
    # data, files, tools
    "mnist", "idx", "csv", "png", "jpg", "jpeg", "bmp", "gif", "json", "pytorch", "torch", "python", "numpy",
    "cuda", "cpu", "gpu", "nvidia", "qt", "pyside6", "pyqtgraph", "tensorflow", "playground", "nn", "github",
    "utf", "dataloader", "tensordataset", "optim", "state_dict", "load_state_dict", "nnplay", "pth", "pt",
    "ctrl", "shift", "alt", "esc", "tab", "enter", "del", "delete", "backspace", "home", "end", "pgup", "pgdn",
    "ok", "xor", "simplenn", "lenet", "imagenet", "okabe", "ito", "noto", "cjk",
    # math and notation
    "dim", "shape", "dtype", "float32", "float16", "bfloat16", "uint8", "int64", "std", "var",
    "lr", "id", "xy", "rgb", "hsv", "fps", "ms", "mb", "gb", "kb", "mib", "gib", "gflop", "gflops", "flops",
    "p50", "p95", "p99", "r2", "f1", "auc", "roc", "nan", "inf", "eps", "tp", "fp", "tn", "fn",
    "sin", "cos", "abs", "sqrt", "pca", "svd", "kaiming", "xavier", "he", "glorot",
    "zh_cn", "en", "english", "valid", "same", "transformer", "fc", "input_shape", "pgm", "npy", "npz", "hadamard", "torchrun", "distributeddataparallel", "ddp",
    # PyTorch argument names shown as such ("参数：out_features, bias"), keys, transforms
    "bias", "weight", "stride", "padding", "return", "space", "right", "left", "up", "down", "normalize",
    "totensor", "no_grad",
}
_WORD = re.compile(r"[A-Za-z]+")
# Code and names in code: fc1.weight, Conv2d, out_features, float32, x1·x2, W^[1], nn.Linear(784, 128).
_CODE = re.compile(r"[A-Za-z0-9_]*(?:[0-9_]|\.[A-Za-z])[A-Za-z0-9_.]*")
_TAG = re.compile(r"<[^>]+>")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _skipped(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property("untranslatable"):
            return True
        if isinstance(widget, QMenu) and type(widget).__module__.startswith("pyqtgraph"):
            return True  # pyqtgraph's own right-click menus and plot options: not in the app's catalogue
        widget = widget.parentWidget()
    return False


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text a user can read in `root` and its children (hidden tabs included)."""
    out: list[tuple[str, str]] = []

    def add(where: str, text) -> None:
        if isinstance(text, str) and text.strip():
            out.append((where, text))

    for widget in (root, *root.findChildren(QWidget)):
        if _skipped(widget):
            continue
        name = f"{type(widget).__name__}({widget.objectName() or ''})"
        for prop in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName"):
            add(f"{name}.{prop}", getattr(widget, prop)())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(f"{name}.text", widget.text())
        if isinstance(widget, (QGroupBox, QMenu)):
            add(f"{name}.title", widget.title())
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
            add(f"{name}.placeholder", widget.placeholderText())
        if isinstance(widget, QStatusBar):
            add(f"{name}.message", widget.currentMessage())
        if isinstance(widget, QTextBrowser):
            add(f"{name}.text", widget.toPlainText())
        if isinstance(widget, QAbstractSpinBox):
            add(f"{name}.specialValueText", widget.specialValueText())
        if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
            add(f"{name}.prefix", widget.prefix())
            add(f"{name}.suffix", widget.suffix())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name}.item[{i}]", widget.itemText(i))
                add(f"{name}.item[{i}].tip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name}.tab[{i}]", widget.tabText(i))
                add(f"{name}.tab[{i}].tip", widget.tabToolTip(i))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(f"{name}.item[{i}]", widget.item(i).text())
                add(f"{name}.item[{i}].tip", widget.item(i).toolTip())
        if isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                add(f"{name}.column[{i}]", item.text() if item else "")
            for i in range(widget.rowCount()):
                item = widget.verticalHeaderItem(i)
                add(f"{name}.row[{i}]", item.text() if item else "")
                for j in range(widget.columnCount()):
                    item = widget.item(i, j)
                    add(f"{name}.cell[{i},{j}]", item.text() if item else "")
        if isinstance(widget, QTreeWidget):
            for column in range(widget.columnCount()):
                add(f"{name}.header[{column}]", widget.headerItem().text(column))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, pg.AxisItem):
                    add(f"{name}.axis", item.labelText)
                elif isinstance(item, pg.LabelItem):
                    add(f"{name}.label", item.text)
                elif isinstance(item, pg.TextItem):
                    add(f"{name}.textitem", item.textItem.toPlainText())
    for action in root.findChildren(QAction):
        parent = action.parent()
        if isinstance(parent, QWidget) and _skipped(parent):
            continue
        for prop in ("text", "toolTip", "statusTip"):
            add(f"QAction({action.objectName() or action.text()}).{prop}", getattr(action, prop)())
    return out


def english_words(text: str) -> list[str]:
    """The words of `text` (rich text stripped) that are English and not technical names."""
    plain = html.unescape(_TAG.sub(" ", text))
    plain = re.sub(r"&(?=\w)", "", plain)  # keyboard accelerators: "&File"
    plain = _CODE.sub(" ", plain)
    plain = re.sub(r"\b[a-z]+(?:-[a-z]+)+\b", " ", plain)  # names like seed-mlp, softmax-regression
    return [w for w in _WORD.findall(plain) if len(w) >= 3 and w.lower() not in TECHNICAL]


def untranslated(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the texts in `root` that still read as English."""
    return [(where, text) for where, text in shown_texts(root) if english_words(text)]


_SPOKEN: set[str] = set()


def speak(parts: dict[str, str] | None) -> None:
    """Switch the open windows to the translations `parts` ({source: text}; None: English) the way
    Preferences ▸ Language does, without a `.qm`: for checking texts before they reach the `.ts`."""
    from playground.core import i18n
    from playground.ui.i18n import retranslate_windows

    _SPOKEN.update(parts or {})
    shown_to_source = {i18n.tr(source): source for source in _SPOKEN}
    i18n.set_translator((lambda text: parts.get(text) or text) if parts else None)
    retranslate_windows(shown_to_source)

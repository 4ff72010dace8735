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

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from playground.ui.shell.i18n import action_text_slots, text_slots

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
    "dim", "shape", "dtype", "float32", "float16", "bfloat16", "uint8", "int64", "var",
    "lr", "id", "xy", "rgb", "hsv", "fps", "ms", "mb", "gb", "kb", "mib", "gib", "gflop", "gflops", "flops",
    "p50", "p95", "p99", "r2", "f1", "auc", "roc", "nan", "inf", "eps", "tp", "fp", "tn", "fn",
    "sin", "cos", "abs", "sqrt", "pca", "svd", "kaiming", "xavier", "he", "glorot",
    "zh_cn", "en", "english", "valid", "same", "transformer", "fc", "input_shape", "pgm", "npy", "npz", "hadamard",
    "torchrun", "distributeddataparallel", "ddp", "onnx", "onnxruntime", "netron", "safetensors",
    # the explanation methods and tools by their names (issues 18, 19): t-SNE, SmoothGrad, Grad-CAM, FGSM
    "sne", "tsne", "smoothgrad", "grad", "cam", "fgsm", "tensorboard", "tensorboardx", "captum", "hparams",
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
    """(where, text) for every text a user can read in `root` and its children (hidden tabs included):
    the texts the language switch sets again (`playground.ui.shell.i18n.text_slots`), and rich-text browsers."""
    out: list[tuple[str, str]] = []
    for widget in (root, *root.findChildren(QWidget)):
        if _skipped(widget):
            continue
        name = f"{type(widget).__name__}({widget.objectName() or ''})"
        slots = list(text_slots(widget))
        if isinstance(widget, QTextBrowser):
            slots.append((widget, "text", widget.toPlainText(), None))
        out += [(f"{name}.{slot}", text) for _, slot, text, _ in slots if isinstance(text, str) and text.strip()]
    for action in root.findChildren(QAction):
        parent = action.parent()
        if isinstance(parent, QWidget) and _skipped(parent):
            continue
        out += [(f"QAction({action.objectName() or action.text()}).{slot}", text)
                for _, slot, text, _ in action_text_slots(action)
                if slot in ("text", "toolTip", "statusTip") and isinstance(text, str) and text.strip()]
    return out


def english_words(text: str) -> list[str]:
    """The words of `text` (rich text stripped) that are English and not technical names."""
    plain = html.unescape(_TAG.sub(" ", text))
    plain = re.sub(r"&(?=\w)", "", plain)  # keyboard accelerators: "&File"
    plain = _CODE.sub(" ", plain)
    plain = re.sub(r"\b[a-z]+(?:-[a-z]+)+\b", " ", plain)  # names like seed-mlp, softmax-regression
    plain = re.sub(r"\bpip install\b", " ", plain)  # a command to type, kept as it is
    return [w for w in _WORD.findall(plain) if len(w) >= 3 and w.lower() not in TECHNICAL]


def untranslated(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of the texts in `root` that still read as English."""
    return [(where, text) for where, text in shown_texts(root) if english_words(text)]


_SPOKEN: set[str] = set()


def speak(parts: dict[str, str] | None) -> None:
    """Switch the open windows to the translations `parts` ({source: text}; None: English) the way
    Preferences ▸ Language does, without a `.qm`: for checking texts before they reach the `.ts`."""
    from playground.core import i18n
    from playground.ui.shell.i18n import retranslate_windows

    _SPOKEN.update(parts or {})
    shown_to_source = {i18n.tr(source): source for source in _SPOKEN}
    i18n.set_translator((lambda text: parts.get(text) or text) if parts else None)
    retranslate_windows(shown_to_source)

"""What a network is asked to do — the learning task — and what follows from it: the targets, the
loss, how outputs become predictions, the scores that say how well it does, and the warnings when the
output layer and the loss do not fit the task.

Tasks (the course notes name all four):
- multiclass: one class out of K (MNIST digits, 2-D data with 3+ colours). Linear(K) + CrossEntropyLoss,
  which applies the softmax itself.
- binary: yes or no. Linear(1) + Sigmoid + BCELoss.
- multilabel: several yes/no labels at once (a digit is even AND ≥ 5 AND has a loop). Linear(K) +
  one Sigmoid per label + BCELoss. Softmax is wrong here: it makes the labels compete for one unit of
  probability, so at most one of them can pass 0.5.
- regression: numbers. Linear(D) + MSELoss; ReLU at the end when targets can't be negative (prices).

Losses are the PyTorch classes of the same name, applied to what the network outputs — exactly what the
exported script does, so a warning here is a warning about real code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from playground.core.i18n import N_, tr

if TYPE_CHECKING:  # numpy is imported where it is used: `nn-playground --help` stays instant
    import numpy as np

# Shown with tr(TASKS[key]); the English stays in exported scripts and the CLI.
TASKS = {
    "multiclass": N_("Multi-class (softmax + cross-entropy)"),
    "binary": N_("Binary (sigmoid + binary cross-entropy)"),
    "multilabel": N_("Multi-label (a sigmoid per label + binary cross-entropy)"),
    "regression": N_("Regression (linear output + mean squared error)"),
}
LOSSES = {
    "auto": N_("The task's usual loss"),
    "cross_entropy": N_("Cross-entropy (nn.CrossEntropyLoss — softmax inside)"),
    "bce": N_("Binary cross-entropy (nn.BCELoss — needs a Sigmoid at the end)"),
    "bce_logits": N_("Binary cross-entropy with logits (nn.BCEWithLogitsLoss — sigmoid inside)"),
    "mse": N_("Mean squared error (nn.MSELoss)"),
    "mae": N_("Mean absolute error (nn.L1Loss)"),
}
LOSS_CLASSES = {"cross_entropy": "CrossEntropyLoss", "bce": "BCELoss", "bce_logits": "BCEWithLogitsLoss",
                "mse": "MSELoss", "mae": "L1Loss"}
DEFAULT_LOSS = {"multiclass": "cross_entropy", "binary": "bce", "multilabel": "bce", "regression": "mse"}
# The layer a task's network ends with after its last Linear ("Identity": nothing after it).
DEFAULT_OUTPUT_ACTIVATION = {"multiclass": "Identity", "binary": "Sigmoid", "multilabel": "Sigmoid",
                             "regression": "Identity"}
OUTPUT_ACTIVATIONS = ("Identity", "Softmax", "Sigmoid", "ReLU", "Tanh")
CLASSIFICATION_TASKS = ("multiclass", "binary", "multilabel")
DIGIT_CLASSES_SET = frozenset(str(d) for d in range(10))

# Multi-label MNIST: four yes/no attributes of each digit, read off its class.
# Label names (shown with tr(name)); `digit_attribute_list()` is all four in one phrase.
DIGIT_ATTRIBUTES = (N_("even"), "≥ 5", N_("prime"), N_("closed loop"))
_DIGIT_ATTRIBUTE_TABLE = (
    # even  ≥5  prime  loop        (a handwritten 4 is usually open at the top, so it has no loop)
    [1, 0, 0, 1],  # 0
    [0, 0, 0, 0],  # 1
    [1, 0, 1, 0],  # 2
    [0, 0, 1, 0],  # 3
    [1, 0, 0, 0],  # 4
    [0, 1, 1, 0],  # 5
    [1, 1, 0, 1],  # 6
    [0, 1, 1, 0],  # 7
    [1, 1, 0, 1],  # 8
    [0, 1, 0, 1],  # 9
)


class TaskError(ValueError):
    """The task, the data and the network's output do not fit together; the message says the fix."""


def digit_attribute_list() -> str:
    """The four attributes as one phrase in the current language ("even, ≥ 5, prime, closed loop")."""
    return tr("even, ≥ 5, prime, closed loop")


def resolve_loss(task: str, loss: str) -> str:
    """The loss actually used: the task's default for "auto"."""
    return DEFAULT_LOSS[task] if loss == "auto" else loss


def digit_attributes(labels: np.ndarray) -> np.ndarray:
    """Multi-label targets (N × 4 of 0/1) for digit labels 0–9."""
    import numpy as np

    return np.array(_DIGIT_ATTRIBUTE_TABLE, dtype=np.float32)[np.asarray(labels, dtype=np.int64)]


def output_activation(layer_types: list[str]) -> str:
    """The activation the network applies last ("Identity" when it ends with a Linear or similar)."""
    for t in reversed(layer_types):
        if t in ("Dropout", "Flatten"):
            continue
        return t if t in OUTPUT_ACTIVATIONS else "Identity"
    return "Identity"


def check_head(task: str, loss: str, last_activation: str) -> tuple[list[str], list[str]]:
    """(errors, warnings) for this task + loss + last activation. Errors stop training; warnings
    explain a combination that trains but teaches the wrong lesson or learns badly."""
    loss = resolve_loss(task, loss)
    errors: list[str] = []
    warnings: list[str] = []
    act = last_activation
    if task not in TASKS:
        return [tr("Unknown task '{task}'. Choose one of: {choices}.").format(task=task, choices=", ".join(TASKS))], []
    if loss not in LOSS_CLASSES:
        return [tr("Unknown loss '{loss}'. Choose one of: {choices}.").format(
            loss=loss, choices=", ".join(LOSS_CLASSES))], []
    if loss == "bce" and act not in ("Sigmoid", "Softmax"):
        errors.append(tr(
            "Binary cross-entropy (nn.BCELoss) needs outputs between 0 and 1, but the network ends with "
            "{activation}: add a Sigmoid layer at the end, or choose 'BCE with logits'."
        ).format(activation=_act_name(act)))
    if loss == "bce_logits" and act in ("Sigmoid", "Softmax"):
        warnings.append(tr(
            "BCEWithLogitsLoss applies a sigmoid itself, and the network already ends with {activation}: the outputs "
            "are squashed twice, so the loss can never reach 0. Remove the {activation}, or choose plain BCE."
        ).format(activation=act))
    if loss == "cross_entropy" and act == "Softmax":
        warnings.append(tr(
            "The network ends in Softmax and nn.CrossEntropyLoss applies log-softmax again: gradients shrink and "
            "learning slows. End with Linear; the loss does the softmax."))
    if loss == "cross_entropy" and act == "Sigmoid":
        warnings.append(tr(
            "Cross-entropy expects raw scores (logits), but a Sigmoid squeezes them into 0…1, so no class can "
            "become confident. End with Linear."))
    if task == "regression":
        if loss in ("cross_entropy", "bce", "bce_logits"):
            errors.append(tr("{loss} is a classification loss; a regression needs MSE or MAE.").format(
                loss=LOSS_CLASSES[loss]))
        if act == "Sigmoid":
            warnings.append(tr("A Sigmoid at the end limits predictions to 0…1: targets outside that range can't be "
                               "reached."))
        if act == "Softmax":
            errors.append(tr("Softmax makes the outputs sum to 1; a regression needs a linear (or ReLU) output."))
        if act == "Tanh":
            warnings.append(tr("A Tanh at the end limits predictions to -1…1: targets outside that range can't be "
                               "reached."))
    if task == "multilabel" and (act == "Softmax" or loss == "cross_entropy"):
        warnings.append(tr(
            "Softmax is the wrong output for multi-label: it makes the labels compete for one unit of "
            "probability, so when a digit is even AND ≥ 5 AND has a loop at most one label can pass 0.5. "
            "Use a Sigmoid per label with binary cross-entropy."))
    if task == "binary" and act == "Softmax":
        errors.append(tr("Softmax over a single output is always 1. End with Sigmoid for a yes/no answer."))
    if task == "multiclass" and loss in ("bce", "bce_logits"):
        warnings.append(tr(
            "Binary cross-entropy scores each class on its own: it trains, but the outputs are not one "
            "probability distribution over the classes. Multi-class uses cross-entropy."))
    if task in CLASSIFICATION_TASKS and loss in ("mse", "mae"):
        warnings.append(tr(
            "{loss} on class targets trains, but its gradients vanish when the network is confidently "
            "wrong, so it learns slower than cross-entropy.").format(loss=LOSS_CLASSES[loss]))
    if task in CLASSIFICATION_TASKS and act in ("ReLU", "Tanh"):
        warnings.append(tr("A classifier's outputs should not end with {activation}: end with Linear (or Sigmoid for "
                           "yes/no labels).").format(activation=act))
    return errors, warnings


def _act_name(act: str) -> str:
    return tr("a Linear layer (raw scores)") if act == "Identity" else act


@dataclass(frozen=True)
class TargetInfo:
    """What the network's output must look like for this task and data."""

    outputs: int  # how many numbers the network must output per example
    names: tuple[str, ...]  # one per output: class names, label names or target names


def check_output_size(outputs: int, info: TargetInfo, task: str) -> str | None:
    if outputs == info.outputs:
        return None
    n = info.outputs
    if task == "multiclass":
        what = tr("{count} classes").format(count=n)
    elif task == "binary":
        what = tr("one yes/no answer")
    elif task == "multilabel":
        names = digit_attribute_list() if tuple(info.names) == DIGIT_ATTRIBUTES else ", ".join(info.names)
        what = tr("{count} labels ({names})").format(count=n, names=names)
    else:
        what = (tr("{count} target value") if n == 1 else tr("{count} target values")).format(count=n)
    text = (tr("The network outputs {outputs} value per example but the task needs {needed} for {what}: set the last "
               "Linear's out_features to {needed}.") if outputs == 1 else
            tr("The network outputs {outputs} values per example but the task needs {needed} for {what}: set the "
               "last Linear's out_features to {needed}."))
    return text.format(outputs=outputs, needed=n, what=what)


# ----- scores --------------------------------------------------------------------------------------

def f1_scores(probabilities: np.ndarray, targets: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Per-label F1; 1 for a label that never occurs and is never predicted (nothing to get wrong)."""
    import numpy as np

    predicted = probabilities >= threshold
    actual = targets >= 0.5
    tp = (predicted & actual).sum(0).astype(np.float64)
    fp = (predicted & ~actual).sum(0)
    fn = (~predicted & actual).sum(0)
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 1.0)


def r2_score(predictions: np.ndarray, targets: np.ndarray) -> float:
    """Coefficient of determination: 1 is perfect, 0 is no better than predicting the mean."""
    import numpy as np

    targets = targets.reshape(len(targets), -1).astype(np.float64)
    predictions = predictions.reshape(len(predictions), -1).astype(np.float64)
    ss_res = float(((targets - predictions) ** 2).sum())
    ss_tot = float(((targets - targets.mean(0)) ** 2).sum())
    return 1.0 - ss_res / ss_tot if ss_tot > 0 else (1.0 if ss_res == 0 else 0.0)

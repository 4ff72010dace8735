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

if TYPE_CHECKING:  # numpy is imported where it is used: `nn-playground --help` stays instant
    import numpy as np

TASKS = {
    "multiclass": "Multi-class (softmax + cross-entropy)",
    "binary": "Binary (sigmoid + binary cross-entropy)",
    "multilabel": "Multi-label (a sigmoid per label + binary cross-entropy)",
    "regression": "Regression (linear output + mean squared error)",
}
LOSSES = {
    "auto": "The task's usual loss",
    "cross_entropy": "Cross-entropy (nn.CrossEntropyLoss — softmax inside)",
    "bce": "Binary cross-entropy (nn.BCELoss — needs a Sigmoid at the end)",
    "bce_logits": "Binary cross-entropy with logits (nn.BCEWithLogitsLoss — sigmoid inside)",
    "mse": "Mean squared error (nn.MSELoss)",
    "mae": "Mean absolute error (nn.L1Loss)",
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
DIGIT_ATTRIBUTES = ("even", "≥ 5", "prime", "closed loop")
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
        return [f"Unknown task '{task}'. Choose one of: {', '.join(TASKS)}."], []
    if loss not in LOSS_CLASSES:
        return [f"Unknown loss '{loss}'. Choose one of: {', '.join(LOSS_CLASSES)}."], []
    if loss == "bce" and act not in ("Sigmoid", "Softmax"):
        errors.append(
            f"Binary cross-entropy (nn.BCELoss) needs outputs between 0 and 1, but the network ends with "
            f"{_act_name(act)}: add a Sigmoid layer at the end, or choose 'BCE with logits'.")
    if loss == "bce_logits" and act in ("Sigmoid", "Softmax"):
        warnings.append(
            f"BCEWithLogitsLoss applies a sigmoid itself, and the network already ends with {act}: the outputs are "
            f"squashed twice, so the loss can never reach 0. Remove the {act}, or choose plain BCE.")
    if loss == "cross_entropy" and act == "Softmax":
        warnings.append(
            "The network ends in Softmax and nn.CrossEntropyLoss applies log-softmax again: gradients shrink and "
            "learning slows. End with Linear; the loss does the softmax.")
    if loss == "cross_entropy" and act == "Sigmoid":
        warnings.append(
            "Cross-entropy expects raw scores (logits), but a Sigmoid squeezes them into 0…1, so no class can "
            "become confident. End with Linear.")
    if task == "regression":
        if loss in ("cross_entropy", "bce", "bce_logits"):
            errors.append(f"{LOSS_CLASSES[loss]} is a classification loss; a regression needs MSE or MAE.")
        if act == "Sigmoid":
            warnings.append("A Sigmoid at the end limits predictions to 0…1: targets outside that range can't be reached.")
        if act == "Softmax":
            errors.append("Softmax makes the outputs sum to 1; a regression needs a linear (or ReLU) output.")
        if act == "Tanh":
            warnings.append("A Tanh at the end limits predictions to -1…1: targets outside that range can't be reached.")
    if task == "multilabel":
        if act == "Softmax" or loss == "cross_entropy":
            warnings.append(
                "Softmax is the wrong output for multi-label: it makes the labels compete for one unit of "
                "probability, so when a digit is even AND ≥ 5 AND has a loop at most one label can pass 0.5. "
                "Use a Sigmoid per label with binary cross-entropy.")
    if task == "binary" and act == "Softmax":
        errors.append("Softmax over a single output is always 1. End with Sigmoid for a yes/no answer.")
    if task == "multiclass" and loss in ("bce", "bce_logits"):
        warnings.append(
            "Binary cross-entropy scores each class on its own: it trains, but the outputs are not one "
            "probability distribution over the classes. Multi-class uses cross-entropy.")
    if task in CLASSIFICATION_TASKS and loss in ("mse", "mae"):
        warnings.append(
            f"{LOSS_CLASSES[loss]} on class targets trains, but its gradients vanish when the network is confidently "
            "wrong, so it learns slower than cross-entropy.")
    if task in CLASSIFICATION_TASKS and act in ("ReLU", "Tanh"):
        warnings.append(f"A classifier's outputs should not end with {act}: end with Linear (or Sigmoid for yes/no labels).")
    return errors, warnings


def _act_name(act: str) -> str:
    return "a Linear layer (raw scores)" if act == "Identity" else act


@dataclass(frozen=True)
class TargetInfo:
    """What the network's output must look like for this task and data."""

    outputs: int  # how many numbers the network must output per example
    names: tuple[str, ...]  # one per output: class names, label names or target names


def check_output_size(outputs: int, info: TargetInfo, task: str) -> str | None:
    if outputs == info.outputs:
        return None
    what = {"multiclass": f"{info.outputs} classes", "binary": "one yes/no answer",
            "multilabel": f"{info.outputs} labels ({', '.join(info.names)})",
            "regression": f"{info.outputs} target value{'s' if info.outputs != 1 else ''}"}[task]
    return (f"The network outputs {outputs} value{'s' if outputs != 1 else ''} per example but the task needs "
            f"{info.outputs} for {what}: set the last Linear's out_features to {info.outputs}.")


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

"""The output layer step by step: from the logits z^[L] of one digit to probabilities and the loss.

Multi-class: softmax with the max-shift that keeps e^z from overflowing (subtracting max z changes no
probability), the sum, the probabilities, and the cross-entropy −log p_y for a chosen label. Multi-label:
a sigmoid per label and the binary cross-entropy −[y log p + (1 − y) log(1 − p)], averaged over the labels
as PyTorch's BCELoss does. Each is computed in numpy (float64) and checked against torch.nn.functional
on the same logits (`max_difference`).
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.core.i18n import tr

if TYPE_CHECKING:
    from torch import nn


@dataclass
class SoftmaxSteps:
    """p = softmax(z^[L]) and, for a label y, the cross-entropy L = −log p_y."""

    logits: np.ndarray  # z^[L], one per class
    shift: float  # max z: subtracted first so that no e^z overflows
    shifted: np.ndarray  # z − max z (all ≤ 0)
    exponentials: np.ndarray  # e^(z − max z), each in (0, 1]
    total: float  # Σ e^(z − max z), at least 1
    probabilities: np.ndarray  # e^(z − max z) / Σ: the same as e^z / Σ e^z
    label: int | None
    loss: float | None  # −log p_y = log Σ − (z_y − max z), without taking the log of a rounded p_y
    max_difference: float  # largest |numpy − PyTorch| over the probabilities and the loss

    @property
    def prediction(self) -> int:
        """The class with the largest probability."""
        return int(np.argmax(self.probabilities))


def softmax_steps(logits: np.ndarray, label: int | None = None) -> SoftmaxSteps:
    """Softmax of one example's logits, step by step, and the cross-entropy for `label` when given
    (compared with torch.softmax and torch.nn.functional.cross_entropy)."""
    import torch
    import torch.nn.functional as F

    z = _vector(logits)
    if label is not None and not 0 <= label < z.size:
        raise ValueError(tr("There are {count} classes, numbered 0 to {last}; there is no class {label}.").format(
            count=z.size, last=z.size - 1, label=label))
    shift = float(z.max())
    shifted = z - shift
    exps = np.exp(shifted)
    total = float(exps.sum())
    p = exps / total
    loss = None if label is None else float(np.log(total) - shifted[label])
    zt = torch.from_numpy(z)[None]
    diff = float(np.max(np.abs(p - torch.softmax(zt, 1)[0].numpy())))
    if label is not None and loss is not None:
        diff = max(diff, abs(loss - float(F.cross_entropy(zt, torch.tensor([label])))))
    return SoftmaxSteps(z, shift, shifted, exps, total, p, label, loss, diff)


@dataclass
class SigmoidSteps:
    """p_j = σ(z_j) for every label j and, for targets y, the binary cross-entropy."""

    logits: np.ndarray  # z^[L], one per label
    probabilities: np.ndarray  # σ(z) = 1 / (1 + e^−z), each label on its own (they need not sum to 1)
    log_p: np.ndarray  # log σ(z) = −log(1 + e^−z)
    log_not_p: np.ndarray  # log(1 − σ(z)) = −log(1 + e^z)
    targets: np.ndarray | None  # y_j: 1 (the label applies) or 0
    losses: np.ndarray | None  # −[y log p + (1 − y) log(1 − p)] per label
    loss: float | None  # their mean, as nn.BCELoss reports it
    max_difference: float  # largest |numpy − PyTorch| over the probabilities and the losses

    @property
    def predicted(self) -> np.ndarray:
        """The labels that apply: p ≥ 0.5 (True/False per label)."""
        return self.probabilities >= 0.5


def sigmoid_steps(logits: np.ndarray, targets: np.ndarray | None = None) -> SigmoidSteps:
    """A sigmoid per label and, for 0/1 `targets` (one per label), the binary cross-entropy per label and
    averaged (compared with torch.sigmoid and binary_cross_entropy_with_logits)."""
    import torch
    import torch.nn.functional as F

    z = _vector(logits)
    # log(1 + e^x) as logaddexp(0, x): exact for large |z|, where 1 − σ(z) would round to 0
    log_p, log_not_p = -np.logaddexp(0.0, -z), -np.logaddexp(0.0, z)
    p = np.exp(log_p)
    zt = torch.from_numpy(z)
    diff = float(np.max(np.abs(p - torch.sigmoid(zt).numpy())))
    y = losses = loss = None
    if targets is not None:
        y = np.asarray(targets, dtype=np.float64).reshape(-1)
        if y.shape != z.shape or not np.all((y == 0) | (y == 1)):
            raise ValueError(tr("Give one target per label, each 0 or 1: {count} labels, {targets}.").format(
                count=z.size, targets=np.array2string(np.asarray(targets).reshape(-1)[:20], separator=", ")))
        losses = -(y * log_p + (1 - y) * log_not_p)
        loss = float(losses.mean())
        reference = F.binary_cross_entropy_with_logits(zt, torch.from_numpy(y), reduction="none").numpy()
        diff = max(diff, float(np.max(np.abs(losses - reference))))
    return SigmoidSteps(z, p, log_p, log_not_p, y, losses, loss, diff)


def network_logits(model: nn.Sequential, image28: np.ndarray, mean: float = 0.5, std: float = 0.5,
                   lock: AbstractContextManager[object] | None = None) -> np.ndarray:
    """The logits z^[L] the network gives one digit (H×W floats in [0, 1]): its output, or, when it ends
    in Softmax or Sigmoid, what goes into that last layer."""
    from playground.core.explain.inspection import layer_activations

    acts = layer_activations(model, image28, mean, std, lock)
    last = len(acts) - 1
    if last > 0 and acts[last].type in ("Softmax", "Sigmoid"):
        last -= 1
    return acts[last].values.astype(np.float64).reshape(-1)


def _vector(logits: np.ndarray) -> np.ndarray:
    z = np.asarray(logits, dtype=np.float64).reshape(-1)
    if z.size == 0 or not np.all(np.isfinite(z)):
        raise ValueError(tr("The network's outputs are not finite numbers: train it again with a lower "
                            "learning rate."))
    return z

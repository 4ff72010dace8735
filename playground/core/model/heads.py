"""The torch side of a task: the loss module, targets shaped for it, and the scores of a batch.

Scores are summed on the device and read once per epoch or evaluation, so the training loop adds no
synchronisation per step (see playground/core/model/tasks.py for what each task means).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from playground.core.model.tasks import LOSS_CLASSES, f1_scores, r2_score, resolve_loss


def make_loss_module(loss: str) -> nn.Module:
    module: nn.Module = getattr(nn, LOSS_CLASSES[loss])()
    return module


@dataclass
class Head:
    """How outputs meet targets for one task, loss and final activation."""

    task: str
    loss: str  # resolved: never "auto"
    activation: str  # the network's last activation ("Identity" for none)
    classes: int  # outputs per example
    loss_fn: nn.Module = field(init=False)

    def __post_init__(self) -> None:
        self.loss = resolve_loss(self.task, self.loss)
        self.loss_fn = make_loss_module(self.loss)

    # ----- targets ----------------------------------------------------------------------------
    def targets(self, y: torch.Tensor) -> torch.Tensor:
        """Stored targets (class indices, 0/1 labels, values) → what this loss compares outputs with."""
        if self.task == "multiclass":
            if self.loss in ("cross_entropy",):
                return y
            return nn.functional.one_hot(y, self.classes).to(torch.float32)
        if self.task == "multilabel" and self.loss == "cross_entropy":
            # Softmax over labels needs a distribution: spread the 1s evenly (the usual way people try it).
            return y / y.sum(1, keepdim=True).clamp_min(1.0)
        return y

    def loss_value(self, outputs: torch.Tensor, stored_targets: torch.Tensor) -> torch.Tensor:
        loss: torch.Tensor = self.loss_fn(outputs, self.targets(stored_targets))
        return loss

    # ----- predictions ------------------------------------------------------------------------
    def probabilities(self, outputs: torch.Tensor) -> torch.Tensor:
        """Outputs → class probabilities (classification) or predicted values (regression)."""
        if self.task == "regression":
            return outputs
        if self.task == "multiclass" or self.loss == "cross_entropy":
            return outputs if self.activation == "Softmax" else torch.softmax(outputs, 1)
        if self.activation in ("Sigmoid", "Softmax"):
            return outputs
        return torch.sigmoid(outputs)

    def correct(self, outputs: torch.Tensor, stored_targets: torch.Tensor) -> torch.Tensor:
        """Right answers in this batch as a 0-d device tensor (per label for multi-label); no sync."""
        if self.task == "multiclass":
            return (outputs.argmax(1) == stored_targets).sum()
        if self.task == "regression":
            return outputs.new_zeros((), dtype=torch.long)
        return ((self.probabilities(outputs) >= 0.5) == (stored_targets >= 0.5)).sum()

    def answers_per_example(self) -> int:
        """How many right/wrong answers one example gives (one per label for multi-label)."""
        return self.classes if self.task == "multilabel" else 1

    @property
    def has_accuracy(self) -> bool:
        return self.task != "regression"


class Scores:
    """Accumulates a data set's scores batch by batch; `result()` gives loss plus the task's metrics."""

    def __init__(self, head: Head):
        self.head = head
        self.loss_sum = 0.0
        self.count = 0
        self._probabilities: list[np.ndarray] = []
        self._targets: list[np.ndarray] = []

    def add(self, outputs: torch.Tensor, stored_targets: torch.Tensor) -> None:
        n = int(stored_targets.shape[0])
        self.loss_sum += float(self.head.loss_value(outputs, stored_targets)) * n
        self.count += n
        self._probabilities.append(self.head.probabilities(outputs).float().cpu().numpy())
        self._targets.append(stored_targets.cpu().numpy())

    def result(self) -> dict[str, float]:
        n = max(self.count, 1)
        out = {"loss": self.loss_sum / n}
        if not self._targets:
            return out
        probs = np.concatenate(self._probabilities)
        targets = np.concatenate(self._targets)
        task = self.head.task
        if task == "multiclass":
            out["accuracy"] = float((probs.argmax(1) == targets).mean())
        elif task == "regression":
            out["r2"] = r2_score(probs, targets)
            out["mae"] = float(np.abs(probs.reshape(targets.shape) - targets).mean())
        else:
            hits = (probs >= 0.5) == (targets >= 0.5)
            out["accuracy"] = float(hits.mean())
            out["f1"] = float(f1_scores(probs, targets).mean())
            if task == "multilabel":
                out["exact_match"] = float(hits.all(1).mean())
                for k, (acc, f1) in enumerate(zip(hits.mean(0), f1_scores(probs, targets))):
                    out[f"label{k}_accuracy"] = float(acc)
                    out[f"label{k}_f1"] = float(f1)
        return out

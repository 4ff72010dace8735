"""Model evaluation on a held-out set: confusion matrix, per-class accuracy, the misclassified
digits, and the over-fitting alert read off the train-vs-test curves."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.core.data.datasets import ImageDataset
from playground.core.i18n import tr
from playground.core.training.trainer import EVAL_BATCH


@dataclass
class Evaluation:
    labels: np.ndarray  # true class per image
    probabilities: np.ndarray  # N × classes, softmax
    loss: float

    @property
    def predictions(self) -> np.ndarray:
        predictions: np.ndarray = self.probabilities.argmax(1)
        return predictions

    @property
    def accuracy(self) -> float:
        return float((self.predictions == self.labels).mean()) if len(self.labels) else 0.0

    @property
    def confusion(self) -> np.ndarray:
        """Rows: true class; columns: predicted class."""
        k = self.probabilities.shape[1]
        counts: np.ndarray = np.bincount(self.labels * k + self.predictions, minlength=k * k)
        return counts.reshape(k, k)

    @property
    def per_class_accuracy(self) -> np.ndarray:
        m = self.confusion
        totals = m.sum(1)
        accuracy: np.ndarray = np.divide(np.diag(m), totals, out=np.zeros(len(m)), where=totals > 0)
        return accuracy

    def cell(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Indices of the images of `true_class` the network called `predicted_class`."""
        return np.flatnonzero((self.labels == true_class) & (self.predictions == predicted_class))

    def misclassified(self, limit: int | None = None) -> np.ndarray:
        """Indices of the wrong answers, the most confidently wrong first."""
        wrong = np.flatnonzero(self.predictions != self.labels)
        confidence = self.probabilities[wrong, self.predictions[wrong]]
        ordered = wrong[np.argsort(-confidence, kind="stable")]
        return ordered[:limit] if limit else ordered


@torch.no_grad()
def evaluate_model(model: nn.Module, dataset: ImageDataset, mean: float = 0.5, std: float = 0.5,
                   lock: AbstractContextManager[object] | None = None, progress: Callable[[float], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Evaluation | None:
    """Classify every image of `dataset` in eval mode. Returns None when `cancelled()` says so."""
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    n = len(dataset)
    probs = np.zeros((n, dataset.num_classes), np.float32)
    loss_sum = 0.0
    for start in range(0, n, EVAL_BATCH):
        if cancelled is not None and cancelled():
            return None
        stop = min(start + EVAL_BATCH, n)
        x = torch.from_numpy(dataset.images[start:stop]).to(device).float().div_(255).sub_(mean).div_(std).unsqueeze(1)
        y = torch.from_numpy(dataset.labels[start:stop]).to(device)
        with lock if lock is not None else nullcontext():
            was_training = model.training
            model.eval()
            logits = model(x)
            model.train(was_training)
        if isinstance(list(model.children())[-1] if list(model.children()) else None, nn.Softmax):
            p = logits
            loss_sum += float(nn.functional.nll_loss(torch.log(p.clamp_min(1e-12)), y, reduction="sum"))
        else:
            p = torch.softmax(logits, 1)
            loss_sum += float(nn.functional.cross_entropy(logits, y, reduction="sum"))
        probs[start:stop] = p.float().cpu().numpy()
        if progress is not None:
            progress(stop / n)
    return Evaluation(dataset.labels.copy(), probs, loss_sum / max(n, 1))


def overfitting_alert(epochs: list[dict[str, float]], patience: int = 2) -> str | None:
    """A message when test loss has risen for `patience` epochs in a row while training loss fell."""
    if len(epochs) < patience + 1:
        return None
    recent = epochs[-(patience + 1):]
    test = [r["test_loss"] for r in recent]
    train = [r["train_loss"] for r in recent]
    rising = all(b > a for a, b in zip(test, test[1:]))
    falling = all(b < a for a, b in zip(train, train[1:]))
    if rising and falling:
        best = min(range(len(epochs)), key=lambda i: epochs[i]["test_loss"])
        return tr(
            "Over-fitting: for the last {patience} epochs the training loss fell ({train_first:.3f} → "
            "{train_last:.3f}) while the test loss rose ({test_first:.3f} → {test_last:.3f}). The network is "
            "memorising the training digits. The test loss was lowest after epoch {best:.0f}: stop there, add "
            "Dropout or weight decay, or use more data."
        ).format(patience=patience, train_first=train[0], train_last=train[-1], test_first=test[0],
                 test_last=test[-1], best=epochs[best]["epoch"])
    return None

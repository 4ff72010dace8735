"""Softmax vs a sigmoid per label on a multi-label task, side by side on real runs.

Two copies of the same small network learn the four digit attributes (even, ≥ 5, prime, closed loop):
one ends with softmax + cross-entropy (the labels must share one unit of probability), the other with
a sigmoid per label + binary cross-entropy (each label decides on its own). The comparison keeps both
networks' outputs for a few test digits that carry several labels at once, where softmax has to fail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from playground.core.data.datasets import DataSplits, ImageDataset
from playground.core.i18n import N_, tr
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import DIGIT_ATTRIBUTES, digit_attributes
from playground.core.training.training_config import TrainingConfig

if TYPE_CHECKING:
    from playground.core.training.events import TrainingEvent

# Digits with two or three attributes: 6 and 8 (even, ≥ 5, loop), 9 (≥ 5, loop), 5 and 7 (≥ 5, prime), 0, 2.
SAMPLE_DIGITS = (8, 6, 9, 5, 2, 0)


@dataclass
class HeadResult:
    title: str  # English (marked with N_): show it with tr(title)
    loss: str
    scores: dict[str, float]  # test accuracy (per label), f1, exact_match, label{k}_f1, loss
    probabilities: np.ndarray  # samples × labels: what the head outputs for the sample digits

    @property
    def sums(self) -> np.ndarray:
        sums: np.ndarray = self.probabilities.sum(1)
        return sums

    @property
    def passing(self) -> np.ndarray:
        """How many labels pass 0.5 for each sample digit."""
        passing: np.ndarray = (self.probabilities >= 0.5).sum(1)
        return passing


@dataclass
class Comparison:
    images: np.ndarray  # samples × 28 × 28 uint8
    digits: np.ndarray  # the digit each sample shows
    truth: np.ndarray  # samples × labels, 0/1
    heads: list[HeadResult] = field(default_factory=list)  # softmax first, then sigmoid
    labels: tuple[str, ...] = DIGIT_ATTRIBUTES

    def conclusion(self) -> str:
        """What the numbers say, in two sentences (computed, never canned)."""
        if len(self.heads) < 2:
            return ""
        soft, sig = self.heads
        multi = self.truth.sum(1) >= 2
        soft_ok = int((soft.passing[multi] >= 2).sum())
        sig_all = int(((sig.probabilities >= 0.5) == (self.truth >= 0.5)).all(1)[multi].sum())
        return tr(
            "Softmax outputs always sum to 1 (here {low:.2f}–{high:.2f}), so on the "
            "{multi} digits with several labels it passed 0.5 on two or more labels {soft_ok} times; "
            "F1 {soft_f1:.2f}, all four labels right on {soft_exact:.0%} of the test digits. "
            "The sigmoids decide each label on its own: all labels right on {sig_all} of those "
            "{multi} digits; F1 {sig_f1:.2f}, exact match {sig_exact:.0%}."
        ).format(low=soft.sums.min(), high=soft.sums.max(), multi=int(multi.sum()), soft_ok=soft_ok,
                 soft_f1=soft.scores["f1"], soft_exact=soft.scores["exact_match"], sig_all=sig_all,
                 sig_f1=sig.scores["f1"], sig_exact=sig.scores["exact_match"])


def comparison_spec(hidden: int, softmax: bool) -> ModelSpec:
    layers = [{"type": "Flatten"}, {"type": "Linear", "out_features": hidden}, {"type": "ReLU"},
              {"type": "Linear", "out_features": len(DIGIT_ATTRIBUTES)}]
    if not softmax:
        layers.append({"type": "Sigmoid"})
    name = "multilabel-softmax" if softmax else "multilabel-sigmoid"
    return ModelSpec.from_json({"name": name, "input_shape": [1, 28, 28], "layers": layers})


def sample_indices(labels: np.ndarray, digits: Sequence[int] = SAMPLE_DIGITS) -> np.ndarray:
    """The first test example of each digit in `digits` that occurs."""
    picks = [int(np.flatnonzero(labels == d)[0]) for d in digits if (labels == d).any()]
    return np.array(picks, dtype=np.int64)


def compare_heads(data: DataSplits[ImageDataset], hidden: int = 64, epochs: int = 2, seed: int = 0,
                  progress: Callable[[float], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Comparison | None:
    """Train both heads on `data` (digits) and compare them; None when `cancelled()` turns true."""
    import torch

    from playground.core.training.events import StepDone
    from playground.core.training.trainer import Trainer

    picks = sample_indices(data.test.labels)
    comparison = Comparison(data.test.images[picks].copy(), data.test.labels[picks].copy(),
                            digit_attributes(data.test.labels[picks]))
    heads = [(N_("Softmax + cross-entropy"), True, "cross_entropy"), (N_("Sigmoid per label + BCE"), False, "auto")]
    for k, (title, softmax, loss) in enumerate(heads):
        config = TrainingConfig(task="multilabel", loss=loss, epochs=epochs, seed=seed)
        trainer = Trainer(comparison_spec(hidden, softmax), config, data)
        total = epochs * trainer.steps_per_epoch

        def listen(event: TrainingEvent, k: int = k, trainer: Trainer = trainer, total: int = total) -> None:
            if isinstance(event, StepDone):
                if progress is not None:
                    progress((k + event.step / total) / len(heads))
                if cancelled is not None and cancelled():
                    trainer.control.stop()

        summary = trainer.run(listen)
        if summary.reason == "stopped":
            return None
        scores = {key[len("test_"):]: value for key, value in trainer.history.epochs[-1].items()
                  if key.startswith("test_")}
        with torch.no_grad():
            trainer.model.eval()
            x = trainer.tdata.inputs(torch.from_numpy(comparison.images).flatten(1).to(trainer.device))
            probs = trainer.head.probabilities(trainer.model(x)).cpu().numpy()
        comparison.heads.append(HeadResult(title, trainer.head.loss, scores, probs))
    return comparison

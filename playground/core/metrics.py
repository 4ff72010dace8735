"""Measurements of a training run: the history kept per step and per epoch, and curve smoothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class History:
    """Everything measured so far; plain Python numbers so it serialises to JSON."""

    step_losses: list[float] = field(default_factory=list)
    epochs: list[dict[str, float]] = field(default_factory=list)  # one row per finished epoch
    evals: list[dict[str, float]] = field(default_factory=list)  # interval evaluations

    def to_json(self) -> dict[str, Any]:
        return {"step_losses": self.step_losses, "epochs": self.epochs, "evals": self.evals}

    @staticmethod
    def from_json(data: Any) -> "History":
        if not isinstance(data, dict):
            return History()
        losses = [float(x) for x in data.get("step_losses", []) if isinstance(x, (int, float))]
        rows = [r for r in data.get("epochs", []) if isinstance(r, dict)]
        evals = [r for r in data.get("evals", []) if isinstance(r, dict)]
        return History(losses, rows, evals)


class RunningEma:
    """Exponential moving average with bias correction (TensorBoard's smoothing), fed in pieces.

    Live plots call `extend` with each new batch of losses, so smoothing costs O(new points).
    """

    def __init__(self, weight: float = 0.9):
        self.weight = weight
        self._acc = 0.0
        self._count = 0

    def extend(self, values) -> np.ndarray:
        out = np.empty(len(values), dtype=np.float64)
        w = self.weight
        for i, v in enumerate(values):
            self._acc = w * self._acc + (1 - w) * float(v)
            self._count += 1
            out[i] = self._acc / (1 - w ** self._count)
        return out


def ema(values, weight: float = 0.9) -> np.ndarray:
    """The smoothed curve of `values` in one go."""
    return RunningEma(weight).extend(values)

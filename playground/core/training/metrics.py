"""Measurements of a training run: the history kept per step and per epoch, and curve smoothing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

_MAX_EXACT_INT = 2**53  # whole numbers beyond it change when plotted as floats; 10**400 cannot be one at all


@dataclass
class History:
    """Everything measured so far; plain Python numbers so it serialises to JSON."""

    step_losses: list[float] = field(default_factory=list)
    epochs: list[dict[str, float]] = field(default_factory=list)  # one row per finished epoch
    evals: list[dict[str, float]] = field(default_factory=list)  # interval evaluations

    def to_json(self) -> dict[str, Any]:
        return {"step_losses": self.step_losses, "epochs": self.epochs, "evals": self.evals}

    @staticmethod
    def from_json(data: Any) -> History:
        """A history from decoded JSON, which may come from anywhere: never raises. What a view could not
        plot is dropped: losses that are not finite numbers, row values that are not numbers (or are ±inf,
        or whole numbers beyond a float's exact range), and rows without the keys the views plot by.
        NaN stays in rows: it is how a score that could not be measured is written."""
        if not isinstance(data, dict):
            return History()
        losses = [float(x) for x in _list(data.get("step_losses")) if _is_number(x) and math.isfinite(x)]
        rows = [r for r in map(_numbers_only, _list(data.get("epochs"))) if isinstance(r.get("epoch"), int)]
        evals = [r for r in map(_numbers_only, _list(data.get("evals")))
                 if all(key in r for key in ("epoch", "test_loss"))]
        return History(losses, rows, evals)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_number(value: Any) -> bool:
    """A bool, or a whole number a float cannot hold exactly, is not one (float() of 10**400 raises)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return abs(value) <= _MAX_EXACT_INT
    return isinstance(value, float)


def _numbers_only(row: Any) -> dict[str, Any]:
    if not isinstance(row, dict):
        return {}
    return {k: v for k, v in row.items() if isinstance(k, str) and _is_number(v) and not math.isinf(v)}


class RunningEma:
    """Exponential moving average with bias correction (TensorBoard's smoothing), fed in pieces.

    Live plots call `extend` with each new batch of losses, so smoothing costs O(new points).
    """

    def __init__(self, weight: float = 0.9) -> None:
        self.weight = weight
        self._acc = 0.0
        self._count = 0

    def extend(self, values: Sequence[float] | np.ndarray) -> np.ndarray:
        out = np.empty(len(values), dtype=np.float64)
        w = self.weight
        for i, v in enumerate(values):
            self._acc = w * self._acc + (1 - w) * float(v)
            self._count += 1
            out[i] = self._acc / (1 - w ** self._count)
        return out


def ema(values: Sequence[float] | np.ndarray, weight: float = 0.9) -> np.ndarray:
    """The smoothed curve of `values` in one go."""
    return RunningEma(weight).extend(values)

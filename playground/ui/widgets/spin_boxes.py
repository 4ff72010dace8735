"""Spin boxes whose arrows walk a ladder of sensible values instead of adding a constant.

A learning rate lives on a log scale (1e-4, 2e-4, 5e-4, 1e-3, ...) and batch sizes are usually
powers of two, so the arrow keys and the mouse wheel step along those ladders; any other value
can still be typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

LEARNING_RATES: tuple[float, ...] = tuple(
    round(m * 10.0**e, 12) for e in range(-6, 1) for m in (1, 2, 5)
) + (10.0,)
BATCH_SIZES: tuple[int, ...] = tuple(2**k for k in range(14))  # 1 … 8192


def ladder_step(value: float, steps: int, ladder: Sequence[float]) -> float:
    """The value `steps` rungs above (or below, when negative) `value` on `ladder`, clamped to its ends.

    A value between two rungs first moves to the neighbouring rung in the direction of travel.
    """
    if steps == 0:
        return value
    tolerance = 1e-9 * max(abs(value), 1e-12)
    if steps > 0:
        above = [i for i, rung in enumerate(ladder) if rung > value + tolerance]
        index = above[0] + steps - 1 if above else len(ladder) - 1
    else:
        below = [i for i, rung in enumerate(ladder) if rung < value - tolerance]
        index = below[-1] + steps + 1 if below else 0
    return ladder[max(0, min(len(ladder) - 1, index))]


class LearningRateSpinBox(QDoubleSpinBox):
    """Shows 0.001 or 1e-05 as typed; arrows step 1–2–5 per decade."""

    def __init__(self, parent: QWidget | None = None, minimum: float = 1e-6, maximum: float = 10.0):
        super().__init__(parent)
        self.setDecimals(12)  # keep the typed value exactly; the text is formatted below
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # Qt override
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        stripped = text.strip()
        try:
            value = float(stripped)
        except ValueError:
            # Half-typed numbers such as "1e-" or "0." may still become valid.
            partial = stripped == "" or all(c in "0123456789.eE+-" for c in stripped)
            return (QValidator.State.Intermediate if partial else QValidator.State.Invalid), text, pos
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def stepBy(self, steps: int) -> None:
        ladder = [v for v in LEARNING_RATES if self.minimum() <= v <= self.maximum()]
        self.setValue(ladder_step(self.value(), steps, ladder))


class BatchSizeSpinBox(QSpinBox):
    """Arrows double or halve the batch size; any whole number can be typed."""

    def __init__(self, parent: QWidget | None = None, minimum: int = 1, maximum: int = 8192):
        super().__init__(parent)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def stepBy(self, steps: int) -> None:
        ladder = [v for v in BATCH_SIZES if self.minimum() <= v <= self.maximum()]
        self.setValue(int(ladder_step(self.value(), steps, ladder)))

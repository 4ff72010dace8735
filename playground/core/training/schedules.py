"""Learning-rate schedules as plain functions of the step, equal to PyTorch's schedulers stepped the way
the exported script steps them: StepLR once per epoch; CosineAnnealingLR(T_max=total steps) and
OneCycleLR(total_steps, cycle_momentum=False) once per batch. A schedule spans one run (one press of
Train); continuing starts it again."""

from __future__ import annotations

import math

ONE_CYCLE_PCT_START = 0.3  # OneCycleLR's defaults
ONE_CYCLE_DIV = 25.0
ONE_CYCLE_FINAL_DIV = 1e4


def learning_rate_at(schedule: str, base_lr: float, step: int, total_steps: int, steps_per_epoch: int,
                     step_epochs: int = 1, gamma: float = 0.5) -> float:
    """The learning rate for the `step`-th batch (0-based) of a run of `total_steps` batches."""
    if schedule == "constant":
        return base_lr
    if schedule == "step":
        return base_lr * gamma ** ((step // max(steps_per_epoch, 1)) // max(step_epochs, 1))
    total = max(total_steps, 1)
    step = min(max(step, 0), total)
    if schedule == "cosine":
        return base_lr * (1 + math.cos(math.pi * step / total)) / 2
    if schedule == "one_cycle":
        initial = base_lr / ONE_CYCLE_DIV
        final = initial / ONE_CYCLE_FINAL_DIV
        warm_end = ONE_CYCLE_PCT_START * total - 1
        if step <= warm_end and warm_end > 0:
            return _cos_anneal(initial, base_lr, step / warm_end)
        start = max(warm_end, 0.0)
        span = (total - 1) - start
        return _cos_anneal(base_lr, final, (step - start) / span if span > 0 else 1.0)
    raise ValueError(f"Unknown learning-rate schedule '{schedule}'.")


def _cos_anneal(start: float, end: float, pct: float) -> float:
    return end + (start - end) / 2.0 * (math.cos(math.pi * pct) + 1)


def schedule_curve(schedule: str, base_lr: float, total_steps: int, steps_per_epoch: int,
                   step_epochs: int = 1, gamma: float = 0.5, points: int = 200) -> tuple[list[int], list[float]]:
    """A preview of the schedule over a run (for the settings panel's little plot)."""
    total = max(total_steps, 1)
    steps = sorted({round(k * (total - 1) / max(points - 1, 1)) for k in range(points)})
    return steps, [learning_rate_at(schedule, base_lr, s, total, steps_per_epoch, step_epochs, gamma) for s in steps]

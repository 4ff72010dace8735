"""How to train: optimizer, learning rate, batch size, epochs, seed, device. Plain data, JSON round-trip."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from playground.core.files.safe_json import Shown
from playground.core.i18n import N_, tr
from playground.core.model.tasks import LOSSES, TASKS

# Names shown with tr(OPTIMIZERS[key]) (the CLI and exported scripts keep the English).
OPTIMIZERS = {
    "sgd": N_("SGD (plain gradient descent)"),
    "momentum": N_("SGD + momentum"),
    "adam": "Adam",
    "adamw": "AdamW",
    "rmsprop": "RMSprop",
}
DEVICES = ("auto", "cpu", "cuda")
REGULARIZATIONS = {"none": N_("None"), "l1": N_("L1 (sum of |w|)"), "l2": N_("L2 (sum of w²)")}
SCHEDULES = {
    "constant": N_("Constant"),
    "step": N_("Step (× γ every N epochs)"),
    "cosine": N_("Cosine annealing"),
    "one_cycle": N_("One-cycle (warm up, then anneal)"),
}
# How a setting is named in a message (its key with spaces, in English).
FIELD_NAMES = {
    "epochs": N_("epochs"), "batch_size": N_("batch size"), "learning_rate": N_("learning rate"),
    "momentum": N_("momentum"), "weight_decay": N_("weight decay"), "seed": N_("seed"),
    "validation_fraction": N_("validation fraction"), "eval_every_steps": N_("eval every steps"),
    "eval_subset": N_("eval subset"), "normalize_std": N_("normalize std"), "normalize_mean": N_("normalize mean"),
    "regularization_rate": N_("regularization rate"), "lr_step_epochs": N_("lr step epochs"),
    "lr_gamma": N_("lr gamma"),
}


class ConfigError(ValueError):
    """A training setting is out of range; `field_name` says which."""

    def __init__(self, message: str, field_name: str | None = None):
        super().__init__(message)
        self.field_name = field_name


class TrainingSetupError(ValueError):
    """The spec, settings and data cannot be trained together; the message says why and what to change.

    `misfit` is True when the network does not fit the data or the task (input shape, output size):
    the window's training panel shows those itself, so it can tell them apart without reading the
    (translated) message."""

    def __init__(self, message: str, misfit: bool = False):
        super().__init__(message)
        self.misfit = misfit


@dataclass
class TrainingConfig:
    epochs: int = 5
    batch_size: int = 64
    learning_rate: float = 1e-3
    optimizer: str = "adam"
    momentum: float = 0.9
    weight_decay: float = 0.0
    # What the network learns (see core/tasks.py) and the loss; "auto" is the task's usual loss.
    task: str = "multiclass"
    loss: str = "auto"
    # A penalty on the weights (not biases) added to the loss for backpropagation; the loss shown is the data's.
    regularization: str = "none"
    regularization_rate: float = 0.0
    # The learning rate over each run: constant, ×gamma every lr_step_epochs epochs, cosine, or one-cycle.
    lr_schedule: str = "constant"
    lr_step_epochs: int = 1
    lr_gamma: float = 0.5
    # Mixed precision (float16 autocast + gradient scaling); CUDA only, ignored with a message on a CPU.
    amp: bool = False
    seed: int = 0
    device: str = "auto"
    validation_fraction: float = 0.0
    # Besides each epoch's end, evaluate on the test set every this many steps (0 = epoch ends only).
    eval_every_steps: int = 0
    # Interval evaluations use this many test images so they stay cheap (0 = all).
    eval_subset: int = 1000
    # Normalize(mean, std) applied to pixels in [0, 1], as transforms.Normalize((0.5,), (0.5,)) in the notes.
    normalize_mean: float = 0.5
    normalize_std: float = 0.5

    def validate(self) -> TrainingConfig:
        """Raise ConfigError naming the first setting a user got wrong; returns self for chaining."""
        _check_int(self.epochs, "epochs", 1, 10_000)
        _check_int(self.batch_size, "batch_size", 1, 65_536)
        _check_float(self.learning_rate, "learning_rate", 1e-8, 10.0)
        _check_float(self.momentum, "momentum", 0.0, 0.999)
        _check_float(self.weight_decay, "weight_decay", 0.0, 1.0)
        _check_int(self.seed, "seed", 0, 2**32 - 1)
        _check_float(self.validation_fraction, "validation_fraction", 0.0, 0.9)
        _check_int(self.eval_every_steps, "eval_every_steps", 0, 10_000_000)
        _check_int(self.eval_subset, "eval_subset", 0, 10_000_000)
        _check_float(self.normalize_std, "normalize_std", 1e-6, 1e6)
        _check_float(self.normalize_mean, "normalize_mean", -1e6, 1e6)
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(tr("Unknown optimizer '{optimizer}'. Choose one of: {choices}.").format(
                optimizer=Shown(self.optimizer), choices=", ".join(OPTIMIZERS)), "optimizer")
        if self.device not in DEVICES:
            raise ConfigError(tr("Unknown device '{device}'. Choose one of: {choices}.").format(
                device=Shown(self.device), choices=", ".join(DEVICES)), "device")
        if self.task not in TASKS:
            raise ConfigError(tr("Unknown task '{task}'. Choose one of: {choices}.").format(
                task=Shown(self.task), choices=", ".join(TASKS)), "task")
        if self.loss not in LOSSES:
            raise ConfigError(tr("Unknown loss '{loss}'. Choose one of: {choices}.").format(
                loss=Shown(self.loss), choices=", ".join(LOSSES)), "loss")
        if self.regularization not in REGULARIZATIONS:
            raise ConfigError(tr("Unknown regularization '{regularization}'. Choose one of: {choices}.").format(
                regularization=Shown(self.regularization), choices=", ".join(REGULARIZATIONS)), "regularization")
        if self.lr_schedule not in SCHEDULES:
            raise ConfigError(tr("Unknown learning-rate schedule '{schedule}'. Choose one of: {choices}.").format(
                schedule=Shown(self.lr_schedule), choices=", ".join(SCHEDULES)), "lr_schedule")
        _check_float(self.regularization_rate, "regularization_rate", 0.0, 10.0)
        _check_int(self.lr_step_epochs, "lr_step_epochs", 1, 10_000)
        _check_float(self.lr_gamma, "lr_gamma", 1e-4, 1.0)
        if not isinstance(self.amp, bool):
            raise ConfigError(tr("amp must be true or false (got {value!r}).").format(value=Shown(self.amp)), "amp")
        return self

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @staticmethod
    def from_json(data: Any) -> TrainingConfig:
        """Build from decoded JSON, ignoring unknown keys (newer files) and checking every value."""
        if not isinstance(data, dict):
            raise ConfigError(tr("The training settings must be a JSON object."))
        known = {f.name: f for f in fields(TrainingConfig)}
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                continue
            default = getattr(TrainingConfig, key)
            if isinstance(default, bool) and isinstance(value, bool):
                kwargs[key] = value
                continue
            if isinstance(default, bool) or isinstance(value, bool):
                raise ConfigError(tr("Training setting '{key}' has the wrong type ({value!r}).").format(
                    key=key, value=Shown(value)), key)
            if isinstance(default, int) and isinstance(value, float) and value.is_integer():
                value = int(value)
            if isinstance(default, float) and isinstance(value, int):
                value = _to_float(value)
            if type(value) is not type(default):
                raise ConfigError(tr("Training setting '{key}' has the wrong type ({value!r}).").format(
                    key=key, value=Shown(value)), key)
            kwargs[key] = value
        return TrainingConfig(**kwargs).validate()

    def replace(self, **changes: Any) -> TrainingConfig:
        data = self.to_json()
        data.update({k: v for k, v in changes.items() if v is not None})
        return TrainingConfig.from_json(data)


def _check_int(value: Any, name: str, lo: int, hi: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
        raise ConfigError(tr("{field} must be a whole number from {lo:,} to {hi:,} (got {value!r}).").format(
            field=_field_name(name), lo=lo, hi=hi, value=Shown(value)), name)


def _check_float(value: Any, name: str, lo: float, hi: float) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and lo <= value <= hi
    if not ok:
        raise ConfigError(tr("{field} must be a number from {lo:g} to {hi:g} (got {value!r}).").format(
            field=_field_name(name), lo=lo, hi=hi, value=Shown(value)), name)


def _to_float(value: int) -> float:
    """A whole number as a float; one too large for a float becomes ±inf, which the range checks refuse."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def _field_name(name: str) -> str:
    return tr(FIELD_NAMES[name]) if name in FIELD_NAMES else name.replace("_", " ")

"""Hyper-parameter sweeps: a grid over up to three settings, or a few random draws from it.

A setting to vary is written `NAME=V1,V2,…`:
- `lr`: the learning rate; `batch_size`; `optimizer` (sgd, momentum, adam, adamw, rmsprop);
  `weight_decay` (the optimizer's);
- `dropout`: the p of every Dropout layer;
- `units.LAYER`: the width of one hidden layer, by its name in the network (`units.fc1` is a Linear's
  out_features, `units.conv1` a Conv2d's out_channels).

`parse_axis` reads one, `check_axes` checks them against a design (every value is tried, so a bad one is
refused before anything trains), `grid_points`/`random_points` list the runs, and `apply_point` makes the
(spec, settings) pair a run trains with. No torch and no Qt here.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from playground.core.files.safe_json import Shown
from playground.core.i18n import tr
from playground.core.model.layers import LAYER_TYPES, ParamInfo
from playground.core.model.shape_inference import infer_shapes, module_names
from playground.core.model.spec import ModelSpec, SpecError, coerce_param
from playground.core.training.training_config import OPTIMIZERS, ConfigError, TrainingConfig

MAX_SETTINGS = 3
MAX_VALUES = 32  # per setting: a grid of 32³ runs is already more than anyone waits for
SETTINGS = ("lr", "batch_size", "optimizer", "weight_decay", "dropout", "units.LAYER")
UNITS_PREFIX = "units."
# The layer parameter that is a layer's width, by layer type.
WIDTH_PARAMS = {"Linear": "out_features", "Conv2d": "out_channels"}
CONFIG_FIELDS = {"lr": "learning_rate", "batch_size": "batch_size", "optimizer": "optimizer",
                 "weight_decay": "weight_decay"}

SweepValue = float | int | str
Point = dict[str, SweepValue]


class SweepError(ValueError):
    """A setting to sweep is unknown, or one of its values cannot be used; the message says which."""


@dataclass(frozen=True)
class SweepAxis:
    """One setting and the values it takes, in the order given."""

    name: str
    values: tuple[SweepValue, ...]


def parse_axis(text: str) -> SweepAxis:
    """`lr=1e-3,3e-3` → SweepAxis("lr", (0.001, 0.003)). Checks the name and each value's form and sign;
    `check_axes` checks the values against a design."""
    name, sep, listed = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise SweepError(tr("'{text}' is not NAME=VALUE,VALUE,… (e.g. lr=1e-3,3e-3).").format(text=Shown(text)))
    if name not in CONFIG_FIELDS and name != "dropout" and not name.startswith(UNITS_PREFIX):
        raise SweepError(tr("Unknown setting '{name}'. Choose from: {choices}.").format(
            name=Shown(name), choices=", ".join(SETTINGS)))
    if name.startswith(UNITS_PREFIX) and not name[len(UNITS_PREFIX):]:
        raise SweepError(tr("'{name}' needs a layer name, e.g. units.fc1.").format(name=Shown(name)))
    items = [item.strip() for item in listed.split(",")]
    if not listed.strip() or any(not item for item in items):
        raise SweepError(tr("{name}: a value is empty; list them as {name}=A,B,C.").format(name=name))
    if len(items) > MAX_VALUES:
        raise SweepError(tr("{name}: {count} values; at most {limit} per setting.").format(
            name=name, count=len(items), limit=MAX_VALUES))
    values = tuple(_parse_value(name, item) for item in items)
    if len(set(values)) != len(values):
        raise SweepError(tr("{name}: a value is listed twice.").format(name=name))
    return SweepAxis(name, values)


def _parse_value(name: str, item: str) -> SweepValue:
    if name == "optimizer":
        if item not in OPTIMIZERS:
            raise SweepError(tr("Unknown optimizer '{optimizer}'. Choose one of: {choices}.").format(
                optimizer=Shown(item), choices=", ".join(OPTIMIZERS)))
        return item
    if name == "batch_size" or name.startswith(UNITS_PREFIX):
        try:
            whole = int(item)
        except ValueError:
            raise SweepError(tr("{name}: '{value}' is not a whole number.").format(
                name=name, value=Shown(item))) from None
        if whole < 1:
            raise SweepError(tr("{name}: {value} is too small; it must be 1 or more.").format(name=name, value=whole))
        return whole
    try:
        number = float(item)
    except ValueError:
        raise SweepError(tr("{name}: '{value}' is not a number.").format(name=name, value=Shown(item))) from None
    if not math.isfinite(number) or number < 0 or (name == "lr" and number == 0):
        bound = tr("above 0") if name == "lr" else tr("0 or more")
        raise SweepError(tr("{name}: {value} cannot be used; it must be a number {bound}.").format(
            name=name, value=Shown(item), bound=bound))
    return number


def check_axes(axes: Sequence[SweepAxis], spec: ModelSpec, config: TrainingConfig) -> None:
    """Raise SweepError unless `axes` make a sweep of `spec` trained with `config`: one to MAX_SETTINGS
    different settings, each of whose values gives a network and settings that can train."""
    if not axes:
        raise SweepError(tr("Name at least one setting to sweep, e.g. lr=1e-3,3e-3."))
    if len(axes) > MAX_SETTINGS:
        raise SweepError(tr("{count} settings to sweep; at most {limit} at a time.").format(
            count=len(axes), limit=MAX_SETTINGS))
    names = [axis.name for axis in axes]
    for name in names:
        if names.count(name) > 1:
            raise SweepError(tr("{name} is given twice; list all its values once: {name}=A,B.").format(name=name))
    for axis in axes:
        for value in axis.values:
            point_spec, _ = apply_point(spec, config, {axis.name: value})
            report = infer_shapes(point_spec)
            if not report.ok:
                raise SweepError(tr("{name}={value}: {error}").format(
                    name=axis.name, value=value, error=report.errors[0]))


def apply_point(spec: ModelSpec, config: TrainingConfig, point: Mapping[str, SweepValue]) -> tuple[
        ModelSpec, TrainingConfig]:
    """The network and settings of one run: copies of `spec` and `config` with `point`'s values.
    Raises SweepError for a value the design cannot take (a missing layer, a learning rate out of range)."""
    changes = {CONFIG_FIELDS[name]: value for name, value in point.items() if name in CONFIG_FIELDS}
    try:
        new_config = config.replace(**changes)
    except ConfigError as exc:
        raise SweepError(str(exc)) from None
    new_spec = spec.copy()
    for name, value in point.items():
        if name == "dropout":
            _set_dropout(new_spec, value)
        elif name.startswith(UNITS_PREFIX):
            _set_width(new_spec, name[len(UNITS_PREFIX):], value)
    return new_spec, new_config


def _set_dropout(spec: ModelSpec, value: SweepValue) -> None:
    layers = [(index, layer) for index, layer in enumerate(spec.layers) if layer.type == "Dropout"]
    if not layers:
        raise SweepError(tr("dropout: the network has no Dropout layer to change."))
    info = LAYER_TYPES["Dropout"].param("p")
    assert info is not None
    for index, layer in layers:
        layer.params["p"] = _coerced(info, value, "dropout", index)


def _set_width(spec: ModelSpec, layer_name: str, value: SweepValue) -> None:
    names = module_names(spec)
    if layer_name not in names:
        raise SweepError(tr("units.{layer}: the network has no layer named '{layer}' (its layers: {names}).").format(
            layer=Shown(layer_name), names=", ".join(names)))
    index = names.index(layer_name)
    layer = spec.layers[index]
    param = WIDTH_PARAMS.get(layer.type)
    if param is None:
        raise SweepError(tr("units.{layer}: a {type} layer has no width; choose a Linear or Conv2d layer.").format(
            layer=layer_name, type=layer.type))
    last_linear = max((i for i, other in enumerate(spec.layers) if other.type == "Linear"), default=-1)
    if index == last_linear:
        raise SweepError(tr("units.{layer}: this is the output layer; its width is set by the task.").format(
            layer=layer_name))
    info = LAYER_TYPES[layer.type].param(param)
    assert info is not None
    layer.params[param] = _coerced(info, value, f"units.{layer_name}", index)


def _coerced(info: ParamInfo, value: SweepValue, name: str, index: int) -> SweepValue:
    """`value` checked against the layer parameter's range (the spec's own message names `name`)."""
    try:
        checked: SweepValue = coerce_param(info, value, name, index)
    except SpecError as exc:
        raise SweepError(str(exc)) from None
    return checked


def grid_points(axes: Sequence[SweepAxis]) -> list[Point]:
    """Every combination of the values, the first setting varying slowest."""
    return [dict(zip((axis.name for axis in axes), values)) for values in product(*(axis.values for axis in axes))]


def random_points(axes: Sequence[SweepAxis], count: int, seed: int) -> list[Point]:
    """`count` different combinations drawn from the grid (the same ones for the same seed)."""
    grid = grid_points(axes)
    if not 1 <= count <= len(grid):
        raise SweepError(tr("{count} random runs asked for, but the grid holds {size} combinations.").format(
            count=count, size=len(grid)))
    return random.Random(seed).sample(grid, count)


def describe_point(point: Mapping[str, SweepValue]) -> str:
    """`lr=0.001 batch_size=64`, as the settings are written on the command line."""
    return " ".join(f"{name}={value:g}" if isinstance(value, float) else f"{name}={value}"
                    for name, value in point.items())


def best_index(scores: Sequence[float | None]) -> int | None:
    """The position of the highest score (the first of equals); None when no score is a finite number."""
    best: int | None = None
    top = -math.inf
    for index, score in enumerate(scores):
        if score is not None and math.isfinite(score) and (best is None or score > top):
            best, top = index, score
    return best

"""Sweeps: parsing NAME=V1,V2, the checks against a design, grid and random points, applying a point."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.training.sweeps import (
    SweepAxis,
    SweepError,
    apply_point,
    best_index,
    check_axes,
    describe_point,
    grid_points,
    parse_axis,
    random_points,
)
from playground.core.training.training_config import TrainingConfig

QUICK = settings(max_examples=30, deadline=None)


def seed_mlp() -> tuple[ModelSpec, TrainingConfig]:
    preset = load_preset("seed-mlp")
    return preset.spec, preset.training


def test_parse_axis_reads_each_kind_of_setting():
    assert parse_axis("lr=1e-3, 3e-3") == SweepAxis("lr", (0.001, 0.003))
    assert parse_axis("batch_size=64,256") == SweepAxis("batch_size", (64, 256))
    assert parse_axis("optimizer=sgd,adam") == SweepAxis("optimizer", ("sgd", "adam"))
    assert parse_axis("units.fc1=64,128") == SweepAxis("units.fc1", (64, 128))
    assert parse_axis("dropout=0,0.5").values == (0.0, 0.5)


@pytest.mark.parametrize("text, words", [
    ("momentum=0.9", "Unknown setting"),
    ("lr", "NAME=VALUE"),
    ("lr=", "empty"),
    ("lr=1e-3,,1e-2", "empty"),
    ("lr=-1", "above 0"),
    ("lr=0", "above 0"),
    ("lr=nan", "above 0"),
    ("lr=fast", "not a number"),
    ("batch_size=0", "1 or more"),
    ("batch_size=6.5", "whole number"),
    ("units.fc1=0", "1 or more"),
    ("units.=3", "layer name"),
    ("optimizer=lbfgs", "Unknown optimizer"),
    ("lr=0.001,1e-3", "twice"),
    ("weight_decay=-0.1", "0 or more"),
])
def test_parse_axis_refuses_bad_text(text, words):
    with pytest.raises(SweepError, match=words):
        parse_axis(text)


@pytest.mark.parametrize("axes, words", [
    ([], "at least one"),
    (["lr=1e-3", "batch_size=64", "optimizer=sgd", "weight_decay=0"], "at most 3"),
    (["lr=1e-3", "lr=1e-2"], "twice"),
    (["lr=20"], "learning rate"),
    (["units.fc9=8"], "no layer named 'fc9'"),
    (["units.relu1=8"], "no width"),
    (["units.fc3=8"], "output layer"),
    (["dropout=0.5"], "no Dropout layer"),
    (["batch_size=100000"], "batch size"),
])
def test_check_axes_refuses_what_the_design_cannot_take(axes, words):
    spec, config = seed_mlp()
    with pytest.raises(SweepError, match=words):
        check_axes([parse_axis(text) for text in axes], spec, config)


def test_apply_point_changes_copies_only():
    spec, config = seed_mlp()
    spec.layers.insert(3, LayerSpec("Dropout", {"p": 0.5}))
    before = spec.to_json()
    new_spec, new_config = apply_point(spec, config, {"lr": 0.01, "batch_size": 32, "units.fc1": 16,
                                                      "dropout": 0.25, "optimizer": "sgd", "weight_decay": 1e-4})
    assert spec.to_json() == before and config.learning_rate == 0.001  # the originals are untouched
    assert new_spec.layers[1].params["out_features"] == 16 and new_spec.layers[3].params["p"] == 0.25
    assert (new_config.learning_rate, new_config.batch_size, new_config.optimizer, new_config.weight_decay) == (
        0.01, 32, "sgd", 1e-4)
    assert new_config.epochs == config.epochs


values = st.lists(st.integers(1, 512), min_size=1, max_size=4, unique=True)


@QUICK
@given(st.lists(values, min_size=1, max_size=3), st.integers(0, 2**32 - 1))
def test_grid_is_every_combination_and_random_draws_distinct_points_of_it(lists, seed):
    names = ["batch_size", "units.fc1", "units.fc2"]
    axes = [SweepAxis(name, tuple(v)) for name, v in zip(names, lists)]
    grid = grid_points(axes)
    assert len(grid) == math.prod(len(v) for v in lists)
    assert len({tuple(p.items()) for p in grid}) == len(grid)
    assert grid[0] == {axis.name: axis.values[0] for axis in axes}  # the first setting varies slowest
    count = 1 + seed % len(grid)
    drawn = random_points(axes, count, seed)
    assert len(drawn) == count and all(point in grid for point in drawn)
    assert len({tuple(p.items()) for p in drawn}) == count
    assert random_points(axes, count, seed) == drawn  # the same seed draws the same runs


def test_random_cannot_draw_more_than_the_grid_holds():
    with pytest.raises(SweepError, match="grid holds 2"):
        random_points([parse_axis("lr=1e-3,1e-2")], 3, 0)


def test_best_index_skips_missing_and_nan_scores():
    assert best_index([0.5, None, math.nan, 0.9, 0.9]) == 3
    assert best_index([None, math.nan]) is None
    assert best_index([-0.3, -0.1]) == 1  # R² can be negative


def test_describe_point_is_the_command_line_syntax():
    assert describe_point({"lr": 0.003, "batch_size": 64, "optimizer": "sgd"}) == "lr=0.003 batch_size=64 optimizer=sgd"

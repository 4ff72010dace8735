"""Runs: continue, fork or start anew; curves that branch at the fork step; JSON that survives files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from playground.core.model.presets import load_preset
from playground.core.training.metrics import History, ema
from playground.core.training.runs import (
    RUNS_KEY,
    RunStore,
    SmoothedLosses,
    same_settings,
    settings_change,
    status_text,
)


@pytest.fixture
def preset():
    return load_preset("seed-mlp")


def train(store: RunStore, first: int, last: int, losses=None, epoch_every: int = 10) -> None:
    """Feed the current run steps first..last (losses falling), with an epoch row every `epoch_every` steps."""
    steps = np.arange(first, last + 1)
    values = np.linspace(2.0, 1.0, len(steps)) if losses is None else np.asarray(losses)
    store.add_losses(steps, values)
    for step in steps:
        if step % epoch_every == 0:
            store.add_epoch({"epoch": int(step // epoch_every), "step": int(step), "train_loss": 1.0,
                             "test_loss": 1.0, "test_accuracy": 0.5 + step / 1000})


def test_a_fresh_start_is_a_new_run_and_more_training_continues_it(preset):
    store = RunStore()
    run = store.begin(preset.spec, preset.training, step=0, epoch=0, steps_per_epoch=10, now=1.0)
    assert (run.id, run.name, run.parent_id, run.status) == (1, "Run 1", None, "running")
    train(store, 1, 20)
    store.finish("completed", 20)
    assert run.end_step == 20 and run.steps == 20 and run.epochs_trained == 2.0 and run.status == "completed"
    # Train again with only a different epoch count (and device): the same run goes on.
    again = store.begin(preset.spec, preset.training.replace(epochs=3, device="cpu"), step=20, epoch=2,
                        steps_per_epoch=10)
    assert again is run and run.status == "running" and run.plan_end_epoch == 5
    train(store, 21, 30)
    assert run.end_step == 30 and len(run.history.step_losses) == 30
    assert run.best_score() == pytest.approx(0.53)


def test_changed_settings_fork_a_child_that_starts_at_the_fork_step(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    train(store, 1, 20)
    store.finish("stopped", 20)
    child = store.begin(preset.spec, preset.training.replace(learning_rate=1e-4), 20, 2, 10)
    assert (child.id, child.parent_id, child.fork_step, child.start_step) == (2, 1, 20, 20)
    assert store.get(1).status == "forked" and store.current is child
    train(store, 21, 30, losses=np.full(10, 0.5))

    parent_x, parent_y = store.loss_curve(1)
    x, y = store.loss_curve(2)
    assert parent_x[0] == 1 and parent_x[-1] == 20
    # The child's curve begins at the fork step, on the parent's smoothed value there, and the
    # smoothing carries on across the branch as if it were one run.
    assert x[0] == 20 and y[0] == pytest.approx(parent_y[-1])
    whole = ema(np.concatenate([np.linspace(2.0, 1.0, 20), np.full(10, 0.5)]))
    assert np.allclose(y, whole[19:])
    # Scores: the branch point is the parent's last measurement at or before the fork.
    mx, my = store.metric_curve(2, "test_accuracy")
    assert mx[0] == 20 and my[0] == pytest.approx(0.52) and mx[-1] == 30
    assert store.branch_point(2, "test_accuracy") == (20.0, pytest.approx(0.52))
    assert store.branch_point(1, "test_accuracy") is None
    assert [r.id for r in store.lineage(2)] == [1, 2] and store.children(1) == [child]


def test_forced_fork_and_a_grandchild(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    train(store, 1, 10)
    same = store.begin(preset.spec, preset.training, 10, 1, 10, force_fork=True)
    assert same.parent_id == 1
    train(store, 11, 15)
    grandchild = store.begin(preset.spec, preset.training.replace(optimizer="sgd"), 15, 1, 10)
    train(store, 16, 18)
    assert [r.id for r in store.lineage(grandchild.id)] == [1, 2, 3]
    x, _ = store.loss_curve(grandchild.id)
    assert list(x) == [15, 16, 17, 18]


def test_a_reset_or_another_network_starts_a_new_root_run(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    train(store, 1, 10)
    store.weights_reset()
    assert store.current is None and store.get(1).status == "stopped"
    cnn = load_preset("cnn")
    run = store.begin(cnn.spec, cnn.training, 0, 0, 10)
    assert run.parent_id is None and run.id == 2
    # Same settings but a different network at a matching step is not a continuation either.
    train(store, 1, 10)
    other = store.begin(preset.spec, cnn.training, 10, 1, 10)
    assert other.parent_id is None


def test_weights_trained_before_runs_were_kept_become_part_of_the_new_run(preset):
    store = RunStore()
    earlier = History(list(np.linspace(2, 1, 30)), [{"epoch": 1, "step": 30, "test_accuracy": 0.8}], [])
    run = store.begin(preset.spec, preset.training, 30, 1, 30, earlier=earlier)
    assert run.start_step == 0 and run.end_step == 30 and len(run.history.step_losses) == 30
    assert run.best_score() == 0.8


def test_a_run_that_never_trained_a_step_is_replaced(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    store.finish("stopped", 0)
    run = store.begin(preset.spec, preset.training.replace(learning_rate=0.01), 0, 0, 10)
    assert len(store) == 1 and run.id == 1 and run.config.learning_rate == 0.01


def test_status_events(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    store.set_status("paused")
    assert store.current.status == "paused"
    train(store, 1, 3)
    assert store.current.status == "running"  # resumed: losses arrive again
    store.finish("stopped", 5, limit_reached=True)  # a fractional-epoch run that reached its step limit
    assert store.current.status == "completed" and store.current.end_step == 5
    store.finish("diverged", 5)
    assert store.current.status == "diverged"


def test_json_round_trip_through_text(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10, now=1_700_000_000.0)
    train(store, 1, 20)
    store.add_eval({"epoch": 0.5, "step": 5, "test_loss": 1.5, "test_accuracy": 0.4})
    store.finish("stopped", 20)
    store.begin(preset.spec, preset.training.replace(optimizer="sgd", learning_rate=0.1), 20, 2, 10)
    train(store, 21, 25)
    store.rename(1, "  Adam   baseline ")
    text = json.dumps({RUNS_KEY: store.to_json()})
    loaded = RunStore.from_json(json.loads(text)[RUNS_KEY])
    assert [r.name for r in loaded.runs] == ["Adam baseline", "Run 2"]
    assert loaded.current_id == 2
    # A run saved while it trained is no longer running when opened.
    assert loaded.get(2).status == "stopped" and loaded.get(1).status == "forked"
    for a, b in zip(store.runs, loaded.runs):
        assert a.spec.to_json() == b.spec.to_json() and a.config == b.config
        assert a.history.to_json() == b.history.to_json()
        assert (a.start_step, a.end_step, a.parent_id, a.fork_step) == (b.start_step, b.end_step, b.parent_id,
                                                                          b.fork_step)
    np.testing.assert_allclose(loaded.loss_curve(2)[1], store.loss_curve(2)[1])
    # New runs keep counting after the loaded ones.
    assert loaded.begin(preset.spec, preset.training, 0).id == 3


@pytest.mark.parametrize("data", [None, [], "runs", {"runs": "no"}, {"runs": [1, None, {}]}])
def test_malformed_json_gives_an_empty_store(data):
    assert len(RunStore.from_json(data)) == 0


def test_malformed_records_are_skipped_and_the_rest_kept(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    train(store, 1, 5)
    good = store.to_json()["runs"][0]
    bad = [
        {**good, "id": 2, "spec": {"layers": "nope"}},
        {**good, "id": 3, "config": {"learning_rate": -1}},
        {**good, "id": 4, "start_step": 9, "end_step": 3},
        {**good, "id": True},
        {**good},  # a duplicate id
    ]
    loaded = RunStore.from_json({"runs": [good, *bad], "current": 7})
    assert [r.id for r in loaded.runs] == [1] and loaded.current_id is None


def test_smoothed_losses_extend_as_a_run_grows(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    cache = SmoothedLosses(store)
    train(store, 1, 10, losses=np.arange(10.0))
    x1, y1 = cache.curve(1)
    train(store, 11, 20, losses=np.arange(10.0, 20.0))
    x2, y2 = cache.curve(1)
    assert len(x1) == 10 and len(x2) == 20 and np.allclose(y2[:10], y1)
    np.testing.assert_allclose(y2, ema(np.arange(20.0)))
    store.delete(1)
    assert len(cache.curve(1)[0]) == 0


def test_deleting_a_parent_keeps_the_child_without_a_branch_point(preset):
    store = RunStore()
    store.begin(preset.spec, preset.training, 0, 0, 10)
    train(store, 1, 10)
    store.begin(preset.spec, preset.training.replace(learning_rate=0.1), 10, 1, 10)
    train(store, 11, 15)
    assert store.delete(1) and not store.delete(1)
    x, _ = store.loss_curve(2)
    assert list(x) == [11, 12, 13, 14, 15]
    assert store.branch_point(2, "test_accuracy") is None


def test_settings_comparison(preset):
    config = preset.training
    assert same_settings(config, config.replace(epochs=9, eval_every_steps=7, device="cpu"))
    assert not same_settings(config, config.replace(learning_rate=1e-4))
    assert settings_change(config, config.replace(learning_rate=1e-4, optimizer="sgd")) == [
        "learning rate 0.001 → 0.0001", "optimizer Adam → SGD"]


def test_names_statuses_and_changes_are_said_in_the_language_but_saved_as_keys(preset):
    from playground.core import i18n

    store = RunStore()
    run = store.begin(preset.spec, preset.training, 0, 0, 10)
    words = {"Run {id}": "运行 {id}", "completed": "已完成",
             "learning rate {old} → {new}": "学习率 {old} → {new}"}
    i18n.set_translator(lambda text: words.get(text, text))
    try:
        store.finish("completed", 0, limit_reached=True)
        assert run.display_name() == "运行 1" and run.name == "Run 1"
        assert status_text(run.status) == "已完成" and run.status == "completed"
        assert settings_change(preset.training, preset.training.replace(learning_rate=1e-4)) == [
            "学习率 0.001 → 0.0001"]
        assert store.to_json()["runs"][0]["name"] == "Run 1"  # saved in no language
        store.rename(1, "Adam baseline")
        assert run.display_name() == "Adam baseline"
    finally:
        i18n.set_translator(None)

import math
import threading

import numpy as np
import pytest
import torch

from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.training.events import (
    Diverged,
    EpochFinished,
    Evaluated,
    Paused,
    RunStarted,
    RunSummary,
    SnapshotReady,
    StepDone,
)
from playground.core.training.trainer import RATE_MIN_STEPS, Trainer, TrainingSetupError
from playground.core.training.training_config import ConfigError, TrainingConfig


def mlp(data, **changes):
    preset = load_preset("seed-mlp")
    return Trainer(preset.spec, preset.training.replace(**{"epochs": 1, **changes}), data)


def test_training_learns_and_reports_every_kind_of_event(small_mnist):
    trainer = mlp(small_mnist, epochs=2, eval_every_steps=10)
    events = []
    summary = trainer.run(events.append)
    assert isinstance(events[0], RunStarted) and events[-1] is summary and isinstance(summary, RunSummary)
    steps = [e for e in events if isinstance(e, StepDone)]
    epochs = [e for e in events if isinstance(e, EpochFinished)]
    assert len(steps) == 2 * trainer.steps_per_epoch == 64 and [s.step for s in steps] == list(range(1, 65))
    assert len(epochs) == 2 and sum(isinstance(e, Evaluated) for e in events) >= 4
    assert summary.reason == "completed" and summary.epochs_completed == 2
    assert summary.test_accuracy > 0.75  # 2,000 digits, 2 epochs
    losses = trainer.history.step_losses
    assert np.mean(losses[-10:]) < np.mean(losses[:10]) / 2
    # events are plain data, never live tensors; the history keeps the rows the events describe
    for event in events:
        assert not any(isinstance(v, torch.Tensor) for v in vars(event).values())
    assert [e.row() for e in epochs] == trainer.history.epochs
    assert [e.row() for e in events if isinstance(e, Evaluated)] == trainer.history.evals
    assert {"test_loss", "test_accuracy", "train_loss", "train_accuracy"} <= trainer.history.epochs[0].keys()
    assert all(isinstance(s.loss, float) and 0 < s.progress <= 1 for s in steps)
    assert events[0].spec.to_json() == trainer.spec.to_json() and events[0].config == trainer.config
    assert events[0].spec is not trainer.spec and events[0].config is not trainer.config  # copies


def test_same_seed_same_curves(small_mnist):
    a, b = mlp(small_mnist, seed=3), mlp(small_mnist, seed=3)
    a.run(), b.run()
    assert a.history.step_losses == b.history.step_losses
    c = mlp(small_mnist, seed=4)
    c.run()
    assert c.history.step_losses != a.history.step_losses


def test_single_step_pause_resume_and_stop(small_mnist):
    trainer = mlp(small_mnist)
    steps = []
    trainer.control.step()  # from idle: exactly one batch, then wait
    thread = threading.Thread(target=trainer.run, args=(lambda event: steps.append(type(event)),))
    thread.start()
    deadline = 50
    while trainer.global_step < 1 and deadline:
        threading.Event().wait(0.05)
        deadline -= 1
    threading.Event().wait(0.3)
    assert trainer.global_step == 1 and Paused in steps
    trainer.control.step()
    threading.Event().wait(0.3)
    assert trainer.global_step == 2
    trainer.control.stop()
    thread.join(2)
    assert not thread.is_alive()
    assert steps[-1] is RunSummary


def test_stop_within_one_batch_from_another_thread(small_mnist):
    trainer = mlp(small_mnist, epochs=50)
    seen = []

    def listener(event):
        if isinstance(event, StepDone):
            seen.append(event.step)
            if event.step == 5:
                trainer.control.stop()

    summary = trainer.run(listener)
    assert summary.reason == "stopped" and trainer.global_step == 5 and seen[-1] == 5
    # Train again continues the same epoch where it stopped
    trainer.config.epochs = 1
    trainer.run()
    assert trainer.epochs_done == 1 and trainer.global_step == trainer.steps_per_epoch


def test_divergence_stops_and_restores_finite_weights(small_mnist):
    trainer = mlp(small_mnist, optimizer="sgd", learning_rate=10.0, epochs=3)
    events = []
    summary = trainer.run(events.append)
    assert summary.reason == "diverged"
    assert "lower" in summary.message and f"step {trainer.global_step + 1}" in summary.message
    assert Diverged(trainer.global_step, summary.message) in events
    for tensor in trainer.model.state_dict().values():
        assert torch.isfinite(tensor).all()
    assert all(math.isfinite(x) for x in trainer.history.step_losses)
    # the restored weights still give a finite loss
    loss, _ = trainer.evaluate(small_mnist.test)
    assert math.isfinite(loss)


def test_reset_restores_the_initial_weights(small_mnist):
    trainer = mlp(small_mnist)
    first = trainer.state_snapshot()
    trainer.run()
    assert not np.array_equal(first["fc1.weight"], trainer.state_snapshot()["fc1.weight"])
    trainer.reset()
    assert np.array_equal(first["fc1.weight"], trainer.state_snapshot()["fc1.weight"])
    assert trainer.history.step_losses == [] and trainer.global_step == 0


def test_set_config_changes_learning_rate_and_keeps_weights(small_mnist):
    trainer = mlp(small_mnist)
    trainer.run()
    before = trainer.state_snapshot()["fc1.weight"]
    trainer.set_config(trainer.config.replace(learning_rate=0.01, optimizer="sgd"))
    assert isinstance(trainer.optimizer, torch.optim.SGD) and trainer.optimizer.param_groups[0]["lr"] == 0.01
    assert np.array_equal(before, trainer.state_snapshot()["fc1.weight"])


def test_validation_split_is_evaluated(small_mnist):
    from playground.core.data.datasets import load_data
    data = load_data(validation_fraction=0.1, train_limit=1000, test_limit=200)
    trainer = mlp(data)
    trainer.run()
    row = trainer.history.epochs[-1]
    assert "val_accuracy" in row and 0 <= row["val_accuracy"] <= 1


def test_every_preset_trains_a_few_steps(small_mnist):
    from playground.core.model.presets import preset_names
    for name in preset_names():
        preset = load_preset(name)
        trainer = Trainer(preset.spec, preset.training.replace(epochs=1), small_mnist)
        trainer.control.step()
        trainer.control.step()
        trainer.control.step()
        seen: list[float] = []

        def stop_after_three(event, seen=seen, trainer=trainer):
            if isinstance(event, StepDone):
                seen.append(event.loss)
                if len(seen) >= 3:
                    trainer.control.stop()

        trainer.run(stop_after_three)
        assert trainer.global_step >= 3, name
        assert all(math.isfinite(x) for x in trainer.history.step_losses), name


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam", "adamw", "rmsprop"])
def test_every_optimizer_lowers_the_loss(small_mnist, optimizer):
    lr = {"sgd": 0.1, "momentum": 0.05}.get(optimizer, 1e-3)
    trainer = mlp(small_mnist, optimizer=optimizer, learning_rate=lr)
    trainer.run()
    losses = trainer.history.step_losses
    assert np.mean(losses[-5:]) < np.mean(losses[:5])


def test_setup_errors_are_messages(small_mnist):
    wrong_classes = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 7})])
    with pytest.raises(TrainingSetupError, match="outputs 7 values .* 10 classes"):
        Trainer(wrong_classes, TrainingConfig(), small_mnist)
    wrong_input = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 10})], (3, 32, 32))
    with pytest.raises(TrainingSetupError, match="3×32×32"):
        Trainer(wrong_input, TrainingConfig(), small_mnist)
    with pytest.raises(ConfigError, match="learning rate"):
        TrainingConfig(learning_rate=-1).validate()
    with pytest.raises(ConfigError, match="optimizer"):
        TrainingConfig(optimizer="lbfgs").validate()


def test_cuda_request_without_gpu_falls_back_with_a_message(small_mnist):
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is present: the fallback path cannot be taken here")
    trainer = mlp(small_mnist, device="cuda")
    assert trainer.device.type == "cpu" and "no CUDA GPU" in trainer.device_message


def test_snapshots_arrive_only_when_asked(small_mnist):
    preset = load_preset("cnn")
    trainer = Trainer(preset.spec, preset.training.replace(epochs=1), small_mnist)
    snaps = []

    def listener(event):
        if isinstance(event, StepDone) and event.step in (3, 10):
            trainer.request_snapshot()
        if isinstance(event, SnapshotReady):
            snaps.append(event)
        if isinstance(event, StepDone) and event.step == 12:
            trainer.control.stop()

    trainer.run(listener)
    assert [s.step for s in snaps] == [4, 11]
    snap = snaps[0].snapshot
    assert snap.feature_maps["conv1"].shape == (16, 28, 28) and snap.layers[0].weight_grad_norm > 0
    trainer.set_probe(7)
    assert trainer.probe_index == 7


def test_added_examples_join_the_training_set_at_the_next_epoch(small_mnist):
    trainer = mlp(small_mnist, epochs=1)
    drawings = np.zeros((100, 28, 28), np.uint8)
    drawings[:, 5:23, 13:15] = 255  # a hundred drawn "1"s
    before = trainer.steps_per_epoch
    trainer.add_training_examples(drawings, np.ones(100, np.int64))
    steps = []
    trainer.run(lambda e: steps.append(e.steps_per_epoch) if isinstance(e, StepDone) else None)
    assert len(trainer.data.train) == 2100 and before == 32 and steps[0] == trainer.steps_per_epoch == 33
    assert trainer.data.train.labels[-1] == 1
    with pytest.raises(TrainingSetupError, match="28×28"):
        trainer.add_training_examples(np.zeros((2, 10, 10), np.uint8), np.zeros(2, np.int64))
    with pytest.raises(TrainingSetupError, match="0 to 9"):
        trainer.add_training_examples(np.zeros((1, 28, 28), np.uint8), np.array([12]))


def test_setup_errors_say_whether_the_network_misfits_the_data_without_reading_the_text(small_mnist):
    """The window hides misfit errors (its panel shows them) by a flag, not by the English words."""
    from playground.core.i18n import set_translator

    set_translator(lambda text: "译:" + text)
    try:
        wrong_classes = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 7})])
        with pytest.raises(TrainingSetupError) as misfit:
            Trainer(wrong_classes, TrainingConfig(), small_mnist)
        wrong_input = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 10})], (3, 32, 32))
        with pytest.raises(TrainingSetupError) as wrong_shape:
            Trainer(wrong_input, TrainingConfig(), small_mnist)
        trainer = mlp(small_mnist)
        with pytest.raises(TrainingSetupError) as other:
            trainer.add_training_examples(np.zeros((1, 28, 28), np.uint8), np.array([12]))
    finally:
        set_translator(None)
    assert misfit.value.misfit and wrong_shape.value.misfit and not other.value.misfit
    assert str(wrong_shape.value).startswith("译:") and str(other.value).startswith("译:")


def test_the_divergence_message_is_whole_sentences():
    from playground.core.training.trainer import _divergence_message

    sgd = _divergence_message(float("nan"), 5, 1, TrainingConfig(optimizer="sgd", learning_rate=0.5))
    assert sgd == ("The loss became NaN at step 5 (epoch 1): the weights diverged. Training stopped and the last "
                   "weights with a sane loss were restored. Try a learning rate about 10× lower (now 0.5), or Adam "
                   "instead of SGD.")
    big = _divergence_message(12345.0, 7, 2, TrainingConfig(optimizer="adam"))
    assert big.startswith("The loss became 12,345, over 100× where it started, at step 7 (epoch 2): the weights")
    assert big.endswith("(now 0.001).")


def test_an_epochs_training_time_leaves_out_test_checks_and_the_time_between_runs(small_mnist, monkeypatch):
    """`train_seconds` (what samples/s are computed from) counts the batches and what each step does
    for its listener, not the test checks made part-way through the epoch nor the time between two runs;
    `seconds` counts everything. A fake clock makes this exact: only those moments advance it a lot."""
    import types

    import playground.core.training.trainer as trainer_module

    clock = [0.0]

    def perf_counter():
        clock[0] += 0.001  # every reading: a millisecond of work
        return clock[0]

    monkeypatch.setattr(trainer_module, "time", types.SimpleNamespace(perf_counter=perf_counter))
    trainer = mlp(small_mnist, batch_size=500, eval_every_steps=1)  # 4 steps, test checks after steps 1-3
    real_scores = trainer.scores

    def slow_scores(*args, **kwargs):
        clock[0] += 100.0  # a test check "takes" 100 s
        return real_scores(*args, **kwargs)

    monkeypatch.setattr(trainer, "scores", slow_scores)
    events = []

    def listener(event):
        events.append(type(event))
        if isinstance(event, StepDone) and event.step == 2:
            clock[0] += 1000.0  # the listener's own work counts: it is part of training through the app
            trainer.control.stop()  # ends the run after this step, mid-epoch

    trainer.run(listener)
    assert trainer.global_step == 2 and not trainer.history.epochs
    clock[0] += 5000.0  # the learner comes back later and trains on: the same epoch continues
    trainer.control.resume()
    trainer.run(listener)
    row = trainer.history.epochs[-1]
    assert events.count(Evaluated) == 3
    assert 1000 < row["train_seconds"] < 1001  # the listener's 1000 s and a few fake milliseconds
    assert row["seconds"] > 5000 + 1000 + 4 * 100  # the gap, the checks and the epoch's own test


def test_speed_is_reported_once_a_run_has_trained_enough_batches_to_measure_it(small_mnist):
    """One or two batches measure start-up costs, not speed: a run's samples/s (live and in its summary) is None
    until it has trained RATE_MIN_STEPS batches, so a single Step never puts a figure in the status bar."""
    trainer = mlp(small_mnist)
    rates = []

    def listener(event):
        if isinstance(event, StepDone):
            rates.append(event.samples_per_second)
            if event.step == RATE_MIN_STEPS - 1:
                trainer.control.stop()

    short = trainer.run(listener)
    assert short.reason == "stopped" and short.steps == RATE_MIN_STEPS - 1
    assert rates == [None] * (RATE_MIN_STEPS - 1) and short.samples_per_second is None
    rates.clear()
    trainer.control.resume()
    full = trainer.run(listener)  # the rest of the epoch: a new run, measured from its own first batch
    assert full.reason == "completed" and len(rates) == 32 - (RATE_MIN_STEPS - 1)
    assert rates[:RATE_MIN_STEPS - 1] == [None] * (RATE_MIN_STEPS - 1)
    assert all(r is not None and r > 0 for r in rates[RATE_MIN_STEPS - 1:])
    assert full.samples_per_second is not None and full.samples_per_second > 0

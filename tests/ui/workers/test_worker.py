import time

import numpy as np
import pytest

from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec
from playground.ui.workers.worker import LOSS_EMIT_HZ, TrainingWorker

RUN_TIMEOUT_MS = 120_000


@pytest.fixture
def preset():
    return load_preset("seed-mlp")


@pytest.fixture
def worker(qtbot, record, small_data, preset):
    """A started worker with seed-mlp built on the small data set; its thread must end afterwards."""
    w = TrainingWorker()
    ready = record(w.trainer_ready)
    w.start()
    w.request_prepare(preset.spec, preset.training, data=small_data)
    ready.wait(qtbot, timeout=30_000)
    yield w
    assert w.shutdown()
    assert not w.thread_running


def test_losses_are_throttled_at_the_source_and_none_is_lost(qtbot, record, worker, preset):
    config = preset.training.replace(epochs=4, batch_size=8)  # 250 steps an epoch
    losses = record(worker.losses)
    epochs = record(worker.epoch_finished)
    finished = record(worker.finished)
    started = time.perf_counter()
    worker.request_run(config)
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    elapsed = time.perf_counter() - started

    assert summary.reason == "completed"
    steps = 4 * 250
    batches = [batch for batch, in losses.calls]
    received = np.concatenate([batch.losses for batch in batches])
    assert len(received) == steps
    np.testing.assert_allclose(received, worker.trainer.history.step_losses)
    np.testing.assert_array_equal(np.concatenate([batch.steps for batch in batches]), np.arange(1, steps + 1))
    assert batches[-1].last.step == steps  # the latest step's details travel with each batch
    # At most LOSS_EMIT_HZ timed emissions a second, plus one flush before each rarer event.
    assert len(losses.calls) <= LOSS_EMIT_HZ * elapsed + len(epochs.calls) + 2
    assert len(losses.calls) < steps, "losses must travel in batches, not one signal per step"


def test_single_step_from_idle_trains_one_batch_then_pauses(qtbot, record, worker, preset):
    losses = record(worker.losses)
    paused = record(worker.paused)
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=1), single_step=True)
    paused.wait(qtbot)
    assert worker.trainer.global_step == 1
    assert sum(len(batch.losses) for batch, in losses.calls) == 1
    worker.stop()
    summary, = finished.wait(qtbot)
    assert summary.reason == "stopped"
    assert worker.trainer.global_step == 1


def test_a_stop_asked_for_before_the_run_starts_is_not_lost(qtbot, record, worker, preset):
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=50))
    worker.stop()  # the run is still queued behind this call
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    assert summary.reason == "stopped"
    assert worker.trainer.global_step <= 1


def test_max_steps_ends_a_run_part_way_through_an_epoch(qtbot, record, worker, preset):
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=1), max_steps=10)  # 32 steps an epoch
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    assert worker.trainer.global_step == 10
    assert summary.step_limit_reached is True


def test_reset_takes_the_new_seed(qtbot, record, worker, preset):
    from playground.core.model.builder import build_model

    cleared = record(worker.history_cleared)
    worker.request_reset(preset.spec, preset.training.replace(seed=7))
    cleared.wait(qtbot)
    expected = build_model(preset.spec, seed=7).state_dict()["fc1.weight"].numpy()
    np.testing.assert_array_equal(worker.trainer.state_snapshot()["fc1.weight"], expected)


def test_setup_errors_arrive_as_messages_not_tracebacks(qtbot, record, worker, preset, capfd):
    spec = preset.spec.copy()
    spec.layers[-1] = LayerSpec("Linear", {"out_features": 5})
    misfits = record(worker.misfit)  # an output that doesn't fit the data: flagged for the training panel
    worker.request_configure(spec, preset.training)
    message, = misfits.wait(qtbot)
    assert "10 classes" in message
    assert "Traceback" not in capfd.readouterr().err


def test_a_folder_without_a_data_set_is_reported(qtbot, record, preset, tmp_path):
    w = TrainingWorker()
    errors = record(w.error)
    w.start()
    try:
        w.request_prepare(preset.spec, preset.training, data_dir=tmp_path)
        message, = errors.wait(qtbot, timeout=30_000)
        assert "train-images" in message or str(tmp_path) in message
    finally:
        assert w.shutdown()


def test_loading_a_project_builds_its_network_with_its_weights_and_history(qtbot, record, worker, preset):
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=1))
    finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    saved = worker.trainer.to_project()
    cleared = record(worker.history_cleared)
    worker.request_reset(preset.spec, preset.training)
    cleared.wait(qtbot)
    assert worker.trainer.global_step == 0

    loaded = record(worker.project_loaded)
    errors = record(worker.error)
    worker.request_load_project(saved)
    assert loaded.wait(qtbot)[0] is saved
    trainer = worker.trainer
    assert trainer.global_step == saved.global_step == 32 and len(trainer.history.epochs) == 1
    np.testing.assert_array_equal(trainer.state_snapshot()["fc1.weight"], saved.state_dict["fc1.weight"].numpy())
    assert len(cleared.calls) == 1  # the project's history replaces the old one: no "cleared" for it

    other = saved.spec.copy()
    other.layers[1].params["out_features"] = 100
    worker.request_load_project(type(saved)(other, saved.training))  # another network, untrained
    loaded.wait(qtbot, count=2)
    assert worker.trainer.spec.to_json() == other.to_json() and worker.trainer.global_step == 0
    assert not errors.calls


def test_drawings_reach_every_trainer_exactly_once(qtbot, record, worker, preset, small_data):
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 13:15] = 255
    worker.add_training_example(image, 1)  # the current trainer: joins at its next epoch
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=1))
    finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    assert len(worker.trainer.data.train) == len(small_data.train) + 1
    # A rebuilt trainer (another network) starts with the drawing already in, before its first epoch begins.
    spec = preset.spec.copy()
    spec.layers[1] = LayerSpec("Linear", {"out_features": 32})
    first = worker.trainer
    ready = record(worker.trainer_ready)
    worker.request_reset(spec, preset.training)
    ready.wait(qtbot, timeout=30_000)
    assert worker.trainer is not first
    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=1))
    finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    train = worker.trainer.data.train
    assert len(train) == len(small_data.train) + 1 and train.labels[-1] == 1
    assert np.array_equal(train.images[-1], image)


def test_the_training_thread_and_its_helpers_flush_denormals(qtbot, record, worker, preset):
    """Past ~800 steps Adam's averages for units that no longer fire go denormal unless the training thread
    flushed them before its first parallel operation (core/denormals.py): none may be left."""
    import torch

    finished = record(worker.finished)
    worker.request_run(preset.training.replace(epochs=32, seed=3))  # 32 steps an epoch: 1,024 steps
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    assert summary.reason == "completed"
    averages = [state["exp_avg"] for state in worker.trainer.optimizer.state.values()]
    bits = [a.contiguous().view(torch.int32) for a in averages]
    denormal = sum(int((((b & 0x7F800000) == 0) & ((b & 0x007FFFFF) != 0)).sum()) for b in bits)
    flushed = sum(int((a == 0).sum()) for a in averages)
    assert denormal == 0
    assert flushed > 1000  # the case it is for: without the flush these would be denormal


def test_a_copy_of_the_trainer_is_published_whenever_it_rests(qtbot, record, worker, preset):
    """What the window reads instead of the trainer: `state`, made in the training thread when the trainer is built,
    a run starts, pauses or ends, or the weights are reset, before the signal that tells of it."""
    assert worker.state is not None and worker.state.global_step == 0
    paused, finished = record(worker.paused), record(worker.finished)
    seen_at_signal = []
    worker.paused.connect(lambda _event: seen_at_signal.append(worker.state.global_step))  # in the training thread
    worker.request_run(preset.training.replace(epochs=1), single_step=True)
    event, = paused.wait(qtbot)
    assert event.step == 1 and seen_at_signal == [1] and worker.run_waiting()
    state = worker.state
    trainer = worker.trainer
    assert state.global_step == trainer.global_step == 1 and len(state.project.history.step_losses) == 1
    copied = state.project.state_dict["fc1.weight"].numpy()
    np.testing.assert_array_equal(copied, trainer.state_snapshot()["fc1.weight"])
    assert state.project.history is not trainer.history  # copies: training on changes nothing in it
    worker.resume()
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    assert not worker.run_waiting()
    assert worker.state.global_step == summary.steps == 32 and state.global_step == 1  # the old copy stays
    assert len(state.project.history.step_losses) == 1
    # `weights()` copies the live weights, on whichever thread calls it (the window's job threads)
    np.testing.assert_array_equal(state.weights()["fc1.weight"], trainer.state_snapshot()["fc1.weight"])
    cleared = record(worker.history_cleared)
    worker.request_reset(preset.spec, preset.training)
    cleared.wait(qtbot)
    assert worker.state.global_step == 0 and worker.state.project.history.step_losses == []


def test_a_run_that_cannot_start_ends_with_an_error_summary(qtbot, record, worker, preset):
    finished, misfits, errors = record(worker.finished), record(worker.misfit), record(worker.error)
    worker.request_run(preset.training.replace(epochs=1, task="binary"))  # ten classes are not one yes/no
    summary, = finished.wait(qtbot, timeout=RUN_TIMEOUT_MS)
    messages = [message for message, in misfits.calls + errors.calls]
    assert summary.reason == "error" and messages == [summary.message] and summary.samples_per_second is None
    assert worker.state is None  # no trainer now: nothing for the window to save or show

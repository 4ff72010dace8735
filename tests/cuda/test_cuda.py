"""Training on a CUDA GPU: a few steps, mixed precision (AMP), the pinned-memory copy, and the
way back to the CPU. Tests marked `cuda` skip, with the reason, where no GPU is present
(`pytest -m cuda` runs only them on a GPU machine; `-m "not cuda"` leaves them out). The fallback
tests at the end pretend the GPU is absent, so they run everywhere.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from playground.core.data.datasets import load_data
from playground.core.files.project_file import load_project, save_project
from playground.core.model.presets import load_preset
from playground.core.training import devices
from playground.core.training.events import RunStarted, StepDone
from playground.core.training.trainer import Trainer
from playground.core.training.training_config import TrainingConfig

HAS_CUDA = torch.cuda.is_available()
requires_cuda = pytest.mark.skipif(not HAS_CUDA, reason="needs a CUDA GPU (torch.cuda.is_available() is False)")


@pytest.fixture(scope="module")
def data():
    return load_data(train_limit=2000, test_limit=500)


def trainer_for(preset_name: str, data, **settings) -> Trainer:
    preset = load_preset(preset_name)
    config = preset.training.replace(**{"epochs": 1, **settings})
    return Trainer(preset.spec, config, data)


def stop_after(trainer: Trainer, steps: int, seen: list | None = None):
    """A listener that stops the run after `steps` batches (and keeps every event in `seen`)."""
    def listener(event):
        if seen is not None:
            seen.append(event)
        if isinstance(event, StepDone) and event.step >= steps:
            trainer.control.stop()
    return listener


# ----- on the GPU ---------------------------------------------------------------------------------

@pytest.mark.cuda
@requires_cuda
@pytest.mark.parametrize("preset", ["seed-mlp", "cnn"])
def test_a_few_steps_on_cuda(data, preset):
    trainer = trainer_for(preset, data, device="cuda")
    assert trainer.device.type == "cuda" and trainer.device_message is None
    assert all(p.device.type == "cuda" for p in trainer.model.parameters())
    before = {k: v.copy() for k, v in trainer.state_snapshot().items()}
    events = []
    summary = trainer.run(stop_after(trainer, 20, events))
    assert summary.reason == "stopped" and trainer.global_step == 20
    started = next(e for e in events if isinstance(e, RunStarted))
    assert started.device.startswith("cuda")
    losses = trainer.history.step_losses
    assert len(losses) == 20 and all(math.isfinite(v) for v in losses)
    assert np.mean(losses[-5:]) < np.mean(losses[:5])  # it learns
    after = trainer.state_snapshot()  # numpy copies on the host, safe for other threads
    assert all(isinstance(v, np.ndarray) for v in after.values())
    assert any(not np.array_equal(before[k], after[k]) for k in before)
    # Events carry plain numbers, never CUDA tensors.
    assert not any(isinstance(v, torch.Tensor) for e in events for v in vars(e).values())


@pytest.mark.cuda
@requires_cuda
def test_two_epochs_on_cuda_learn_and_are_evaluated(data):
    trainer = trainer_for("seed-mlp", data, device="cuda", epochs=2)
    summary = trainer.run()
    assert summary.reason == "completed" and trainer.epochs_done == 2 == len(trainer.history.epochs)
    assert summary.test_accuracy > 0.75  # 2,000 digits, two epochs: as on the CPU (tests/core/test_trainer.py)
    assert trainer.global_step == 2 * trainer.steps_per_epoch == len(trainer.history.step_losses)


@pytest.mark.cuda
@requires_cuda
@pytest.mark.parametrize("preset", ["seed-mlp", "cnn"])
def test_amp_run_finishes_with_finite_loss(data, preset):
    trainer = trainer_for(preset, data, device="cuda", amp=True, epochs=2)
    assert trainer.device.type == "cuda" and trainer.device_message is None  # nothing to warn about
    dtypes = set()
    last_layer = list(trainer.model.children())[-1]
    hook = last_layer.register_forward_hook(lambda module, inputs, output: dtypes.add(output.dtype))
    try:
        summary = trainer.run()
    finally:
        hook.remove()
    assert summary.reason == "completed", summary.message
    assert torch.float16 in dtypes  # autocast really ran the layers in half precision
    assert math.isfinite(summary.train_loss) and math.isfinite(summary.test_loss)
    assert all(math.isfinite(v) for v in trainer.history.step_losses)
    assert summary.test_accuracy > 0.7
    # The weights themselves stay float32 (autocast computes in float16, the master copy is float32).
    assert all(p.dtype == torch.float32 and torch.isfinite(p).all() for p in trainer.model.parameters())


@pytest.mark.cuda
@requires_cuda
def test_amp_learns_about_as_well_as_full_precision(data):
    full, mixed = (trainer_for("seed-mlp", data, device="cuda", amp=amp, epochs=2) for amp in (False, True))
    a, b = full.run(), mixed.run()
    assert abs(a.test_accuracy - b.test_accuracy) < 0.05
    assert b.train_loss < 1.5 * a.train_loss + 0.05


@pytest.mark.cuda
@requires_cuda
def test_data_reaches_the_gpu_through_pinned_memory(data, monkeypatch):
    pinned = []
    original = torch.Tensor.pin_memory

    def counting_pin_memory(self, *args, **kwargs):
        out = original(self, *args, **kwargs)
        pinned.append(out.is_pinned())
        return out

    monkeypatch.setattr(torch.Tensor, "pin_memory", counting_pin_memory)
    trainer = trainer_for("seed-mlp", data, device="cuda")
    assert pinned and all(pinned)  # the splits went host → pinned → device
    torch.cuda.synchronize()  # the copies were asynchronous (non_blocking): wait before comparing
    tdata = trainer.tdata
    assert tdata.train.x.device.type == "cuda" and tdata.test.y.device.type == "cuda"
    assert torch.equal(tdata.train.x.cpu(), torch.from_numpy(data.train.images).flatten(1))
    assert torch.equal(tdata.test.y.cpu(), torch.from_numpy(data.test.labels))
    # A batch gathered on the GPU equals the same batch gathered on the CPU.
    cpu_trainer = trainer_for("seed-mlp", data, device="cpu")
    idx = torch.arange(0, 64)
    x_gpu, y_gpu = tdata.batch(tdata.train, idx.cuda())
    x_cpu, y_cpu = cpu_trainer.tdata.batch(cpu_trainer.tdata.train, idx)
    assert torch.allclose(x_gpu.cpu(), x_cpu) and torch.equal(y_gpu.cpu(), y_cpu)


@pytest.mark.cuda
@requires_cuda
def test_a_network_trained_on_the_gpu_opens_and_predicts_on_the_cpu(data, tmp_path):
    trainer = trainer_for("seed-mlp", data, device="cuda", amp=True)
    trainer.run(stop_after(trainer, 10))
    path = tmp_path / "gpu.nnp"
    save_project(path, trainer.to_project())
    project = load_project(path)
    assert all(t.device.type == "cpu" for t in project.state_dict.values())
    cpu = trainer_for("seed-mlp", data, device="cpu")
    cpu.load_project_state(project)
    assert cpu.global_step == 10
    gpu_loss, gpu_acc = trainer.evaluate(data.test)
    cpu_loss, cpu_acc = cpu.evaluate(data.test)
    assert abs(gpu_acc - cpu_acc) < 0.01 and abs(gpu_loss - cpu_loss) < 0.01


@pytest.mark.cuda
@requires_cuda
def test_stop_takes_effect_within_one_batch_on_cuda(data):
    import threading

    trainer = trainer_for("cnn", data, device="cuda", epochs=100)
    thread = threading.Thread(target=trainer.run)
    thread.start()
    deadline = 600
    while trainer.global_step < 5 and deadline:
        threading.Event().wait(0.05)
        deadline -= 1
    trainer.control.stop()
    at_stop = trainer.global_step
    thread.join(30)
    assert not thread.is_alive()
    assert trainer.global_step <= at_stop + 1


# ----- no GPU: runs everywhere --------------------------------------------------------------------

def test_cuda_requested_without_a_gpu_trains_on_the_cpu_and_says_so(data, monkeypatch):
    monkeypatch.setattr(devices, "cuda_available", lambda: False)  # as on a machine without a GPU
    trainer = trainer_for("seed-mlp", data, device="cuda", amp=True)
    assert trainer.device.type == "cpu"
    message = trainer.device_message or ""
    assert "no CUDA GPU" in message and "CPU" in message
    assert "AMP" in message or "mixed precision" in message.lower()  # the AMP wish is answered too
    events = []
    summary = trainer.run(stop_after(trainer, 5, events))
    started = next(e for e in events if isinstance(e, RunStarted))
    assert started.device == "cpu" and started.device_message == trainer.device_message
    assert summary.reason == "stopped" and all(math.isfinite(v) for v in trainer.history.step_losses)


def test_amp_on_the_cpu_is_ignored_with_a_message(data):
    trainer = trainer_for("seed-mlp", data, device="cpu", amp=True)
    assert trainer.device.type == "cpu"
    assert "CUDA only" in (trainer.device_message or "")
    summary = trainer.run(stop_after(trainer, 5))
    assert summary.reason == "stopped" and all(math.isfinite(v) for v in trainer.history.step_losses)
    assert all(p.dtype == torch.float32 for p in trainer.model.parameters())


def test_amp_is_a_checked_setting():
    assert TrainingConfig().amp is False
    assert TrainingConfig.from_json({"amp": True}).amp is True
    assert TrainingConfig.from_json(TrainingConfig(amp=True).to_json()).amp is True
    with pytest.raises(ValueError, match="amp"):
        TrainingConfig(amp="yes").validate()

"""core/training/tensorboard_log.py: what a run writes, read back with TensorBoard's own reader and compared
with the trainer's history and weights; logging never changes the run."""

from __future__ import annotations

import struct
import zlib
from collections import OrderedDict

import numpy as np
import pytest
import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.hparams import api_pb2, plugin_data_pb2

from playground.core.data.datasets import load_data
from playground.core.model.presets import load_preset
from playground.core.model.spec import ModelSpec
from playground.core.training.events import RunStarted, RunSummary
from playground.core.training.tensorboard_log import (
    TensorBoardLogger,
    encode_png,
    filter_grid,
    new_folder,
    run_folder_name,
)
from playground.core.training.trainer import Trainer
from playground.core.training.training_config import TrainingConfig

EVERYTHING = {"scalars": 0, "histograms": 0, "images": 0, "tensors": 0}


def read(folder) -> EventAccumulator:
    events = EventAccumulator(str(folder), size_guidance=EVERYTHING)
    events.Reload()
    return events


def hparams_of(events: EventAccumulator) -> dict[str, plugin_data_pb2.HParamsPluginData]:
    return {tag: plugin_data_pb2.HParamsPluginData.FromString(content)
            for tag, content in events.PluginTagToContent("hparams").items()}


def decode_png(data: bytes) -> np.ndarray:
    """Pixels of an 8-bit greyscale or RGB PNG without filters (as encode_png writes them)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks = 8, {}
    while at < len(data):
        (length,), kind = struct.unpack(">I", data[at:at + 4]), data[at + 4:at + 8]
        chunks[kind] = chunks.get(kind, b"") + data[at + 8:at + 8 + length]
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8
    channels = {0: 1, 2: 3}[colour]
    rows = np.frombuffer(zlib.decompress(chunks[b"IDAT"]), np.uint8).reshape(height, 1 + width * channels)
    assert not rows[:, 0].any()  # filter type 0
    pixels = rows[:, 1:].reshape(height, width, channels)
    return pixels[:, :, 0] if channels == 1 else pixels


@pytest.fixture(scope="module")
def tiny_data():
    return load_data(train_limit=256, test_limit=128)


def cnn_trainer(data) -> Trainer:
    preset = load_preset("cnn")
    return Trainer(preset.spec, preset.training.replace(epochs=2, batch_size=64, device="cpu"), data)


def test_a_run_reads_back_as_the_trainer_saw_it(tmp_path, tiny_data):
    trainer = cnn_trainer(tiny_data)
    with TensorBoardLogger(tmp_path, trainer) as log:
        summary = trainer.run(log)
    events = read(tmp_path)

    losses = events.Scalars("step/loss")
    assert [e.step for e in losses] == list(range(1, summary.steps + 1))
    assert [e.value for e in losses] == pytest.approx(trainer.history.step_losses, rel=1e-6)
    rates = [e.value for e in events.Scalars("step/learning_rate")]
    assert rates == pytest.approx([trainer.config.learning_rate] * summary.steps)
    for column in ("train_loss", "train_accuracy", "test_loss", "test_accuracy"):
        scalars = events.Scalars(f"epoch/{column}")
        assert [e.step for e in scalars] == [1, 2]
        assert [e.value for e in scalars] == pytest.approx([row[column] for row in trainer.history.epochs], rel=1e-6)

    for name, parameter in trainer.model.named_parameters():
        weights = events.Histograms(f"weights/{name}")
        assert [e.step for e in weights] == [0, 1, 2]  # before training, then after each epoch
        assert weights[-1].histogram_value.num == parameter.numel()
        assert weights[-1].histogram_value.sum == pytest.approx(float(parameter.detach().double().sum()), abs=1e-4)
        gradients = events.Histograms(f"gradients/{name}")
        assert [e.step for e in gradients] == [1, 2]  # the epoch's last batch
        assert gradients[-1].histogram_value.sum == pytest.approx(float(parameter.grad.double().sum()), abs=1e-6)

    filters = events.Images("filters/conv1")
    assert [e.step for e in filters] == [0, 1, 2]
    pixels = decode_png(filters[-1].encoded_image_string)
    assert pixels.shape == (filters[-1].height, filters[-1].width)
    assert np.array_equal(pixels, filter_grid(trainer.model.conv1.weight.detach().numpy()))
    nodes = {node.name: node for node in events.Graph().node}
    assert list(nodes)[:4] == ["input", "conv1.weight", "conv1.bias", "conv1"] and "output" in nodes
    assert nodes["conv1"].op == "Conv2d" and list(nodes["conv1"].input) == ["input", "conv1.weight", "conv1.bias"]
    assert [d.size for d in nodes["conv1"].attr["_output_shapes"].list.shape[0].dim] == [-1, 16, 28, 28]
    assert [d.size for d in nodes["fc2.weight"].attr["_output_shapes"].list.shape[0].dim] == [10, 128]
    assert list(nodes["output"].input) == ["fc2"]

    plugin = hparams_of(events)
    start = plugin["_hparams_/session_start_info"].session_start_info.hparams
    assert start["model"].string_value == "cnn" and start["optimizer"].string_value == "adam"
    assert start["learning_rate"].number_value == trainer.config.learning_rate
    assert start["parameters"].number_value == sum(p.numel() for p in trainer.model.parameters())
    metrics = {m.name.tag for m in plugin["_hparams_/experiment"].experiment.metric_infos}
    assert {"hparams/test_accuracy", "hparams/test_loss", "hparams/train_loss"} <= metrics
    assert plugin["_hparams_/session_end_info"].session_end_info.status == api_pb2.STATUS_SUCCESS
    [final] = events.Scalars("hparams/test_accuracy")
    assert final.value == pytest.approx(summary.test_accuracy) and final.step == 2


# Batch norm and dropout: tracing the graph in training mode would move the running statistics and draw numbers.
NOISY = ModelSpec.from_json({"name": "noisy", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2d", "out_channels": 4, "kernel_size": 3}, {"type": "BatchNorm2d"}, {"type": "ReLU"},
    {"type": "MaxPool2d", "kernel_size": 2}, {"type": "Flatten"}, {"type": "Dropout", "p": 0.5},
    {"type": "Linear", "out_features": 10}]})


def test_logging_never_changes_the_run(tmp_path, tiny_data):
    config = TrainingConfig(epochs=2, device="cpu")
    logged = Trainer(NOISY, config, tiny_data)  # each built right before its run: dropout draws from the seed on
    with TensorBoardLogger(tmp_path, logged) as log:
        logged.run(log)
    plain = Trainer(NOISY, config, tiny_data)
    plain.run()
    assert logged.history.step_losses == plain.history.step_losses
    for key, value in plain.model.state_dict().items():
        assert torch.equal(logged.model.state_dict()[key], value), key


class Owner:
    def __init__(self) -> None:
        import threading

        self.model = torch.nn.Sequential(OrderedDict(fc=torch.nn.Linear(2, 2)))
        self.lock = threading.RLock()


def run_events(spec: ModelSpec, config: TrainingConfig, reason: str):
    yield RunStarted("cpu", None, 1, 1, 0, 0, spec, config)
    yield RunSummary(reason, 0, 0, None, None, None, None, None)


@pytest.mark.parametrize("reason, status", [("diverged", api_pb2.STATUS_FAILURE), ("stopped", api_pb2.STATUS_UNKNOWN)])
def test_a_design_without_working_shapes_has_no_graph_and_an_unfinished_run_is_no_success(tmp_path, reason, status):
    spec = ModelSpec.from_json({"name": "odd", "input_shape": [2], "layers": [
        {"type": "Conv2d", "out_channels": 2, "kernel_size": 3}]})  # a Conv2d cannot read a row of 2 numbers
    with TensorBoardLogger(tmp_path, Owner(), extra_hparams={"units.fc1": 64}) as log:
        for event in run_events(spec, TrainingConfig(), reason):
            log(event)
    events = read(tmp_path)
    assert not events.Tags()["graph"]
    assert events.Tags()["histograms"] == ["weights/fc.weight", "weights/fc.bias"]
    plugin = hparams_of(events)
    assert plugin["_hparams_/session_start_info"].session_start_info.hparams["units.fc1"].number_value == 64
    assert plugin["_hparams_/session_end_info"].session_end_info.status == status


def test_without_an_owner_only_scalars_the_graph_and_hparams_are_written(tmp_path):
    spec = ModelSpec.from_json({"name": "odd", "input_shape": [2], "layers": [{"type": "Linear", "out_features": 2}]})
    with TensorBoardLogger(tmp_path, hparams={"lr": 0.5}) as log:
        for event in run_events(spec, TrainingConfig(), "completed"):
            log(event)
    events = read(tmp_path)
    assert not events.Tags()["histograms"] and not events.Tags()["images"]
    assert [node.name for node in events.Graph().node] == ["input", "fc1.weight", "fc1.bias", "fc1", "output"]
    start = hparams_of(events)["_hparams_/session_start_info"].session_start_info.hparams
    assert dict(start)["lr"].number_value == 0.5 and set(start) == {"lr"}


def test_filters_become_a_grid_of_tiles_each_scaled_on_its_own():
    weights = np.zeros((5, 3, 2, 2), np.float32)
    weights[0, 0] = [[0, 1], [2, 3]]  # red ramps from 0 to 255 in the first tile
    weights[1] = 7.0  # a constant filter is mid-grey
    weights[2, 1, 0, 0] = np.nan  # NaN weights draw as 0
    grid = filter_grid(weights)
    tile = 32  # 2-pixel kernels drawn 32 wide
    assert grid.shape == (2 * (tile + 1) - 1, 3 * (tile + 1) - 1, 3)  # 5 filters: 3 columns, 2 rows
    first = grid[:tile, :tile, 0]
    assert first.min() == 0 and first.max() == 255 and grid[0, 0, 0] == 0 and grid[tile - 1, tile - 1, 0] == 255
    assert (grid[:tile, tile + 1:2 * tile + 1] == 128).all()
    assert (grid[tile, :] == 0).all()  # the gap between rows
    assert np.array_equal(decode_png(encode_png(grid)), grid)
    grey = filter_grid(np.random.default_rng(0).normal(size=(4, 1, 3, 3)))
    assert grey.ndim == 2 and np.array_equal(decode_png(encode_png(grey)), grey)


def test_sweep_run_folders_are_safe_names():
    assert run_folder_name(3, {"lr": 0.001, "optimizer": "adam"}) == "run-03_lr=0.001_optimizer=adam"
    assert run_folder_name(1, {"units.fc1": 64, "x": "../../etc"}) == "run-01_units.fc1=64_x=.._.._etc"


def test_a_new_folder_never_reuses_one_that_exists(tmp_path):
    assert new_folder(tmp_path, "20261206-170812-step0") == tmp_path / "20261206-170812-step0"
    (tmp_path / "20261206-170812-step0").mkdir()
    assert new_folder(tmp_path, "20261206-170812-step0") == tmp_path / "20261206-170812-step0-2"
    (tmp_path / "20261206-170812-step0-2").write_text("")  # a file of that name counts too
    assert new_folder(tmp_path, "20261206-170812-step0") == tmp_path / "20261206-170812-step0-3"


def test_a_logger_that_cannot_be_made_is_one_message_and_none(tmp_path):
    from playground.core.training.tensorboard_log import logger_or_none

    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    said: list[str] = []
    assert logger_or_none(blocked / "run-01", None, said.append) is None
    assert len(said) == 1 and said[0].startswith(f"TensorBoard logs cannot be written to {blocked}: ")
    logger = logger_or_none(tmp_path / "run-02", None, said.append)
    assert logger is not None and len(said) == 1
    logger.close()

"""A run's measurements as TensorBoard event files, written by tensorboardX (protobuf only; TensorBoard
itself is not needed to write them, only to read them).

`TensorBoardLogger` is a trainer listener, as `run_logs.RunCsvLogger` is, and writes under its tags:

- per step: `step/loss`, `step/learning_rate` (x: the global step); `eval/test_<score>` at test checks
  made part-way through an epoch;
- per epoch (x: the epoch): `epoch/<column>` for each History column (`epoch/train_loss`,
  `epoch/test_accuracy`, `epoch/val_loss`, … — the names `train --json` and the CSV use), histograms
  `weights/<parameter>` and `gradients/<parameter>` (the epoch's last batch), and `filters/<layer>`,
  the first Conv2d's filters as one image (also at epoch 0, before training);
- once: the network's graph, a node per layer as the app names them (`conv1`, `relu1`, …) with its
  output shape and its parameters beside it, from the design's shape report — no tracing, so nothing
  runs the model and no `tensorboard` package is needed (tensorboardX's `add_graph` needs both); a
  design whose shapes do not work out has no graph. At the run's end its settings as hparams with the
  last epoch's scores as metrics (`hparams/<column>`), for the HParams dashboard.

Weights and gradients come from the model of `owner` (a Trainer), read on the training thread between
batches, where the listener is called; without an owner only scalars, the graph and hparams are
written. No Qt here; torch and tensorboardX are imported where they are used.
"""

from __future__ import annotations

import binascii
import math
import re
import struct
import zlib
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from playground.core.i18n import tr
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import ModelSpec
from playground.core.training.events import (
    EpochFinished,
    Evaluated,
    RunStarted,
    RunSummary,
    StepDone,
    TrainingEvent,
)
from playground.core.training.training_config import TrainingConfig

if TYPE_CHECKING:
    import torch

HParam = str | bool | int | float
# History columns that are bookkeeping, not measurements.
NOT_SCORES = ("epoch", "step", "seconds", "train_seconds")
FILTER_PIXELS = 32  # each filter is drawn at least this many pixels wide (a 5×5 kernel would be a speck)
HISTOGRAM_BINS = 64


class ModelOwner(Protocol):
    """Where the logger reads the weights: the trainer (its model, and the lock that guards it)."""

    @property
    def model(self) -> torch.nn.Module: ...

    @property
    def lock(self) -> AbstractContextManager[Any]: ...


def run_folder_name(number: int, point: Mapping[str, HParam]) -> str:
    """A sweep run's folder under the TensorBoard directory: `run-03_lr=0.001_batch_size=64`."""
    parts = [f"{name}={value:g}" if isinstance(value, float) else f"{name}={value}" for name, value in point.items()]
    return re.sub(r"[^A-Za-z0-9._=+-]", "_", "_".join([f"run-{number:02d}", *parts]))[:200]


def new_folder(parent: Path, name: str) -> Path:
    """`parent / name`, or `name-2`, `name-3`, … when that exists: two runs started in one second each get a
    folder of their own."""
    target = parent / name
    for count in range(2, 100):
        if not target.exists():
            break
        target = parent / f"{name}-{count}"
    return target


def logger_or_none(log_dir: Path, owner: ModelOwner | None, report: Callable[[str], None],
                   extra_hparams: Mapping[str, HParam] | None = None) -> TensorBoardLogger | None:
    """A logger for one run of the window or of a sweep; where it cannot be made (a read-only folder,
    tensorboardX missing) `report` gets one translated line naming the folder, and the run trains without."""
    try:
        return TensorBoardLogger(log_dir, owner, extra_hparams=extra_hparams)
    except Exception as exc:  # noqa: BLE001 — whatever the writer raises, the run goes on without logs
        report(tr("TensorBoard logs cannot be written to {folder}: {error}").format(folder=log_dir.parent, error=exc))
        return None


def run_hparams(spec: ModelSpec, config: TrainingConfig, parameters: int | None = None) -> dict[str, HParam]:
    """A run's settings as hparams: every plain setting, the design's name and its parameter count."""
    values: dict[str, HParam] = {"model": spec.name}
    if parameters is not None:
        values["parameters"] = parameters
    for key, value in config.to_json().items():
        if isinstance(value, (str, bool, int, float)):
            values[key] = value
    return values


class TensorBoardLogger:
    """A trainer listener writing TensorBoard event files into `log_dir` (created if needed).

    `owner` (the trainer) gives the model for histograms and filters; `hparams` are the run's
    settings to show in the HParams dashboard (default: `run_hparams` of the run's design and settings),
    `extra_hparams` are added to them (a sweep's point). Call `close()` (or use `with`) when the run ends."""

    def __init__(self, log_dir: Path, owner: ModelOwner | None = None, hparams: Mapping[str, HParam] | None = None,
                 extra_hparams: Mapping[str, HParam] | None = None) -> None:
        from tensorboardX import SummaryWriter

        self.log_dir = Path(log_dir)
        self.owner = owner
        self._hparams = dict(hparams) if hparams is not None else None
        self._extra = dict(extra_hparams or {})
        self._writer = SummaryWriter(logdir=str(self.log_dir), flush_secs=30)
        self._graph_written = False
        self._last_row: dict[str, float] = {}  # the last epoch's scores
        self._last_epoch: int | None = None
        self._closed = False

    def __call__(self, event: TrainingEvent) -> None:
        writer = self._writer
        if isinstance(event, RunStarted):
            if self._hparams is None:
                self._hparams = run_hparams(event.spec, event.config, infer_shapes(event.spec).total_parameters)
            self._hparams.update(self._extra)
            self._write_graph(event.spec)
            self._write_weights(event.epoch, gradients=False)
        elif isinstance(event, StepDone):
            writer.add_scalar("step/loss", event.loss, event.step)
            writer.add_scalar("step/learning_rate", event.learning_rate, event.step)
        elif isinstance(event, Evaluated):
            for key, value in event.row().items():
                if key.startswith("test_"):
                    writer.add_scalar(f"eval/{key}", value, event.step)
        elif isinstance(event, EpochFinished):
            row = event.row()
            self._last_row = {key: value for key, value in row.items() if key not in NOT_SCORES}
            self._last_epoch = event.epoch
            for key, value in self._last_row.items():
                writer.add_scalar(f"epoch/{key}", value, event.epoch)
            self._write_weights(event.epoch, gradients=True)
            writer.flush()
        elif isinstance(event, RunSummary):
            self._write_hparams(event.reason)
            writer.flush()

    # ----- the graph and what needs the model -------------------------------------------------------------
    def _write_graph(self, spec: ModelSpec) -> None:
        graph = None if self._graph_written else layer_graph(spec)  # once: a continued run has the same network
        self._graph_written = True
        if graph is not None:
            from tensorboardX.proto.event_pb2 import Event

            self._writer.file_writer.add_event(Event(graph_def=graph))

    def _write_weights(self, epoch: int, gradients: bool) -> None:
        """Histograms of every parameter (and its gradient), and the first Conv2d's filters as an image."""
        if self.owner is None:
            return
        import torch

        with self.owner.lock:
            model = self.owner.model
            for name, parameter in model.named_parameters():
                self._histogram(f"weights/{name}", parameter.detach(), epoch)
                if gradients and parameter.grad is not None:
                    self._histogram(f"gradients/{name}", parameter.grad.detach(), epoch)
            conv = next(((n, m) for n, m in model.named_modules() if isinstance(m, torch.nn.Conv2d)), None)
            if conv is not None:
                name, module = conv
                grid = filter_grid(module.weight.detach().float().cpu().numpy())
                self._image(f"filters/{name}", grid, epoch)

    def _histogram(self, tag: str, values: torch.Tensor, step: int) -> None:
        array = values.float().cpu().numpy().ravel()
        array = array[np.isfinite(array)]  # NaN or infinite weights have no bin
        if array.size:
            self._writer.add_histogram(tag, array.astype(np.float64), step, bins=HISTOGRAM_BINS)

    def _image(self, tag: str, pixels: np.ndarray, step: int) -> None:
        """An H×W or H×W×3 uint8 image, encoded here as PNG (tensorboardX would need Pillow for it)."""
        from tensorboardX.proto.summary_pb2 import Summary

        height, width = pixels.shape[:2]
        channels = 1 if pixels.ndim == 2 else pixels.shape[2]
        image = Summary.Image(height=height, width=width, colorspace=channels, encoded_image_string=encode_png(pixels))
        self._writer.file_writer.add_summary(Summary(value=[Summary.Value(tag=tag, image=image)]), step)

    # ----- hparams ------------------------------------------------------------------------------------
    def _write_hparams(self, reason: str) -> None:
        """The settings and the last epoch's scores, in the run's own event file (one session per run)."""
        from tensorboardX.proto.api_pb2 import Status
        from tensorboardX.proto.plugin_hparams_pb2 import HParamsPluginData, SessionEndInfo
        from tensorboardX.proto.summary_pb2 import Summary, SummaryMetadata
        from tensorboardX.summary import hparams

        metrics = {f"hparams/{key}": value for key, value in self._last_row.items() if math.isfinite(value)}
        experiment, start, end = hparams(dict(self._hparams or {}), metrics)
        if reason != "completed":  # a diverged run is a failure; a stopped one neither that nor a success
            status = Status.Value("STATUS_FAILURE" if reason in ("diverged", "error") else "STATUS_UNKNOWN")
            content = HParamsPluginData(session_end_info=SessionEndInfo(status=status), version=0)
            metadata = SummaryMetadata(plugin_data=SummaryMetadata.PluginData(
                plugin_name="hparams", content=content.SerializeToString()))
            end = Summary(value=[Summary.Value(tag=end.value[0].tag, metadata=metadata)])
        file_writer = self._writer.file_writer
        for summary in (experiment, start, end):
            file_writer.add_summary(summary)
        for tag, value in metrics.items():
            self._writer.add_scalar(tag, value, self._last_epoch)

    # ----- closing ------------------------------------------------------------------------------------
    def flush(self) -> None:
        if not self._closed:
            self._writer.flush()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._writer.close()

    def __enter__(self) -> TensorBoardLogger:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()


def layer_graph(spec: ModelSpec) -> bytes | None:
    """The network as a serialised TensorBoard GraphDef: `input` → each layer (op: its type, e.g. Conv2d; its
    settings as `attr`) → `output`, every edge labelled with the shape it carries (batch first, -1), and each
    parameter (`fc1.weight`, …) as a node feeding its layer. None when the design's shapes do not work out."""
    report = infer_shapes(spec)
    if not report.ok:
        return None
    import torch
    from tensorboardX.proto.attr_value_pb2 import AttrValue
    from tensorboardX.proto.graph_pb2 import GraphDef
    from tensorboardX.proto.node_def_pb2 import NodeDef
    from tensorboardX.proto.tensor_shape_pb2 import TensorShapeProto
    from tensorboardX.proto.versions_pb2 import VersionDef

    from playground.core.model.builder import build_model

    def shaped(*shape: int) -> dict[str, Any]:
        dims = [TensorShapeProto.Dim(size=size) for size in shape]
        return {"_output_shapes": AttrValue(list=AttrValue.ListValue(shape=[TensorShapeProto(dim=dims)]))}

    with torch.device("meta"):  # the parameters' names and shapes; allocates nothing
        parameters = dict(build_model(spec, report=report).named_parameters())
    nodes = [NodeDef(name="input", op="Input", attr=shaped(-1, *spec.input_shape))]
    previous = "input"
    for info in report.layers:
        assert info.output_shape is not None  # a report without errors knows every layer's output
        own = [name for name in parameters if name.split(".")[0] == info.name]  # lstm1.rnn.weight_ih_l0 too
        for name in own:
            nodes.append(NodeDef(name=name, op="Parameter", attr=shaped(*parameters[name].shape)))
        settings = ", ".join(f"{key}={value}" for key, value in info.layer.params.items())
        nodes.append(NodeDef(name=info.name, op=info.layer.type, input=[previous, *own],
                             attr={**shaped(-1, *info.output_shape), "attr": AttrValue(s=settings.encode())}))
        previous = info.name
    output = report.output_shape or ()
    nodes.append(NodeDef(name="output", op="Output", input=[previous], attr=shaped(-1, *output)))
    return bytes(GraphDef(node=nodes, versions=VersionDef(producer=22)).SerializeToString())


def filter_grid(weights: np.ndarray) -> np.ndarray:
    """Conv2d weights out×in×k×k as one uint8 image: a grid of the filters, each scaled to 0..255 on its own
    (mid-grey is 0 only where a filter is symmetric), drawn FILTER_PIXELS wide, with 1-pixel gaps. Three
    input channels are shown in colour; any other count as the mean over the channels."""
    out, channels, kh, kw = weights.shape
    tiles = weights.transpose(0, 2, 3, 1) if channels == 3 else weights.mean(axis=1, keepdims=True).transpose(
        0, 2, 3, 1)
    tiles = np.nan_to_num(tiles.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    low = tiles.min(axis=(1, 2, 3), keepdims=True)
    span = tiles.max(axis=(1, 2, 3), keepdims=True) - low
    tiles = np.where(span > 0, (tiles - low) / np.where(span > 0, span, 1.0), 0.5)
    scale = max(1, math.ceil(FILTER_PIXELS / max(kh, kw)))
    tiles = tiles.repeat(scale, axis=1).repeat(scale, axis=2)
    columns = math.ceil(math.sqrt(out))
    rows = math.ceil(out / columns)
    th, tw, depth = tiles.shape[1:]
    grid = np.zeros((rows * (th + 1) - 1, columns * (tw + 1) - 1, depth))
    for index in range(out):
        r, c = divmod(index, columns)
        grid[r * (th + 1):r * (th + 1) + th, c * (tw + 1):c * (tw + 1) + tw] = tiles[index]
    pixels = np.round(grid * 255).astype(np.uint8)
    return pixels[:, :, 0] if depth == 1 else pixels


def encode_png(pixels: np.ndarray) -> bytes:
    """An 8-bit greyscale (H×W) or RGB (H×W×3) image as PNG bytes."""
    height, width = pixels.shape[:2]
    colour = 0 if pixels.ndim == 2 else 2
    rows = np.ascontiguousarray(pixels, dtype=np.uint8).reshape(height, -1)
    raw = b"".join(b"\x00" + row.tobytes() for row in rows)  # filter type 0 on every row

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", binascii.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")

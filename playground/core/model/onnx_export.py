"""A network as an ONNX file that stands on its own: other tools (ONNX Runtime, Netron, a phone app) run it
without this app, its data or its preprocessing.

What the file holds (the same for the CLI's `export --format onnx` and File ▸ Export ▸ ONNX…):
- one input, batch axis dynamic: `image`, float32 N×C×H×W with values in [0, 1], light ink on dark paper as in
  MNIST; or, for table data, `features`, the raw float32 feature row N×F;
- the preprocessing the network was trained with, inside the graph: images are normalised with the training
  settings' (mean, std); CSV features are standardised with the training rows' per-column mean and std (read
  again from the project's CSV: a project keeps where its data came from, not those statistics);
- outputs `logits` (the scores before the task's last activation) and `probabilities` (softmax for one class out
  of K, a sigmoid per output for yes/no and multi-label: exactly what the app's scores use, heads.Head), or one
  output `values` for a regression.

The exporter is torch's TorchScript-based one (`dynamo=False`): it needs only the `onnx` package, writes in about
a second, and handles every layer the app builds, LSTM and GRU included. torch.export's exporter would add
onnxscript and onnx-ir and take 5-10 s a network for the same graph.
"""

from __future__ import annotations

import inspect
import tempfile
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch
from torch import nn

from playground import __version__
from playground.core.files.atomic_io import write_atomically
from playground.core.i18n import tr
from playground.core.model.builder import build_model
from playground.core.model.heads import Head
from playground.core.model.shape_inference import ShapeReport, infer_shapes
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import DIGIT_ATTRIBUTES, output_activation

if TYPE_CHECKING:
    from playground.core.data.data_import import DataSource
    from playground.core.training.training_config import TrainingConfig

ONNX_OPSET = 17  # read by ONNX Runtime 1.14 and later (2023), Netron, OpenCV's dnn module and onnx.js
ONNX_SUFFIX = ".onnx"
IMAGE_INPUT = "image"
TABLE_INPUT = "features"
# Activations that turn a network's scores into probabilities: `logits` are what goes into them.
_SQUASHING = (nn.Sigmoid, nn.Softmax)


class OnnxExportError(ValueError):
    """The network cannot be written as ONNX; the message (one line) says why and what to do."""


@dataclass(frozen=True)
class InputScaling:
    """What the network was trained on, from the raw input: (x - mean) / std, with one value for every pixel
    (images) or one per feature column (tables)."""

    mean: tuple[float, ...]
    std: tuple[float, ...]

    def describe(self) -> str:
        if len(self.mean) == 1:
            return f"(x - {self.mean[0]:g}) / {self.std[0]:g}"
        return f"(x - mean) / std per feature; mean {_numbers(self.mean)}; std {_numbers(self.std)}"


def is_image_input(spec: ModelSpec) -> bool:
    return len(spec.input_shape) != 1


def input_scaling(spec: ModelSpec, config: TrainingConfig, source: DataSource | None = None) -> InputScaling | None:
    """How raw inputs become the network's inputs: the settings' normalisation for images; for table data, the
    standardisation of the CSV `source` (read again and split as when it was imported), or None when the
    features went in as they are (no standardisation, or no CSV known: a design from a spec file).

    Raises OnnxExportError when the CSV cannot be read now or no longer fits the network."""
    if is_image_input(spec):
        return InputScaling((float(config.normalize_mean),), (float(config.normalize_std),))
    if source is None or source.kind != "csv":
        return None
    from playground.core.data.csv_data import read_csv
    from playground.core.data.data_import import csv_choices, table_splits
    from playground.core.data.training_data import feature_scaling

    choices = csv_choices(source)
    if not choices.standardise:
        return None
    path = Path(source.path)
    try:
        table = read_csv(path, choices.target, choices.task)
        train = table_splits(table, choices.test_fraction, choices.seed, standardise=False).train
    except ValueError as exc:  # CsvError, DataImportError: one line that names the file
        raise OnnxExportError(tr(
            "The network was trained on standardised columns of {name}, which can't be read now ({error}): the ONNX "
            "file needs their means and standard deviations. Put the file back at {path}, or import it again (Data "
            "menu) and save the project.").format(name=path.name, error=str(exc).rstrip("."), path=path)) from None
    features = int(np.asarray(train.x).shape[1])
    if (features,) != tuple(spec.input_shape):
        raise OnnxExportError(tr(
            "{name} now has {count} feature columns but the network reads {expected}: the file changed after the "
            "network was trained on it. Put the original back at {path}.").format(
            name=path.name, count=features, expected=spec.input_shape[0], path=path))
    mean, std = feature_scaling(train)
    return InputScaling(tuple(float(v) for v in mean), tuple(float(v) for v in std))


class _Normalise(nn.Module):
    """(x - mean) / std: a named step, so the graph shows where the preprocessing happens."""

    mean: torch.Tensor
    std: torch.Tensor

    def __init__(self, scaling: InputScaling, dims: int):
        super().__init__()
        shape = (-1,) if len(scaling.mean) > 1 else (1,) * dims  # per feature, or one value for every pixel
        self.register_buffer("mean", torch.tensor(scaling.mean, dtype=torch.float32).reshape(shape))
        self.register_buffer("std", torch.tensor(scaling.std, dtype=torch.float32).reshape(shape))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return (x - self.mean) / self.std


class StandaloneNetwork(nn.Module):
    """Raw input → (logits, probabilities), or → values for a regression: what the ONNX file computes.

    The network's own modules keep their names (fc1, conv1, ...) under `network`; a trailing Sigmoid or
    Softmax goes to `squash`, so `logits` are the scores before it."""

    def __init__(self, network: nn.Sequential, head: Head, scaling: InputScaling | None, input_dims: int):
        super().__init__()
        self.normalise = _Normalise(scaling, input_dims) if scaling is not None else nn.Identity()
        cut = _squash_start(network)
        self.network = network[:cut]
        self.squash = network[cut:]
        self.head = head  # a plain object: its choice of softmax or sigmoid is fixed when the graph is traced

    @property
    def regression(self) -> bool:
        return self.head.task == "regression"

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, ...]:
        logits = self.network(self.normalise(x))
        outputs = self.squash(logits)
        if self.regression:
            return (outputs,)
        return logits, self.head.probabilities(outputs)


def _squash_start(network: nn.Sequential) -> int:
    """Where the network's final Sigmoid/Softmax starts (only Dropout or Flatten may follow it); len() if none."""
    modules = list(network)
    for index in range(len(modules) - 1, -1, -1):
        if isinstance(modules[index], _SQUASHING):
            return index
        if not isinstance(modules[index], (nn.Dropout, nn.Flatten)):
            break
    return len(modules)


def standalone_network(spec: ModelSpec, config: TrainingConfig, weights: Mapping[str, Any] | None = None,
                       scaling: InputScaling | None = None) -> StandaloneNetwork:
    """The network of `spec` with `weights` (a state_dict of tensors or numpy arrays; None: the untrained
    network of the settings' seed), its input scaling and the task's output, in eval mode.

    Raises OnnxExportError for a design that cannot be built or weights that do not fit it."""
    report = _report(spec)
    if weights:
        model = build_model(spec, report=report)  # no seed: the global generator is left as a training thread has it
    else:
        with torch.random.fork_rng(devices=[]):  # the settings' seed, then the generator's state as it was
            model = build_model(spec, seed=config.seed, report=report)
    if weights:
        try:
            model.load_state_dict({key: torch.as_tensor(np.asarray(value)) if not isinstance(value, torch.Tensor)
                                   else value for key, value in weights.items()})
        except RuntimeError as exc:  # missing or unexpected names, other shapes
            raise OnnxExportError(tr("The trained weights do not fit the network: {error}").format(
                error=str(exc).strip().splitlines()[-1].strip())) from None
    layer_types = [layer.type for layer in spec.layers]
    outputs = report.layers[-1].output_shape if report.layers else spec.input_shape
    head = Head(config.task, config.loss, output_activation(layer_types), int(np.prod(outputs or (1,))))
    return StandaloneNetwork(model, head, scaling, len(spec.input_shape)).eval()


def onnx_bytes(spec: ModelSpec, config: TrainingConfig, weights: Mapping[str, Any] | None = None,
               scaling: InputScaling | None = None, dataset: str = "") -> bytes:
    """The ONNX file (see the module's docstring) as bytes, checked with `onnx.checker`.

    `dataset` names the data it was trained on, for the file's description. Raises OnnxExportError."""
    onnx = _onnx()
    network = standalone_network(spec, config, weights, scaling)
    input_name = IMAGE_INPUT if is_image_input(spec) else TABLE_INPUT
    output_names = ["values"] if network.regression else ["logits", "probabilities"]
    example = torch.rand(2, *spec.input_shape)
    try:
        data = _export(network, example, input_name, output_names)
    except Exception as exc:  # noqa: BLE001 — the exporter raises many kinds; the layer it failed on is named
        raise OnnxExportError(_refusal(spec, network, exc)) from None
    model = onnx.load_model_from_string(data)
    _describe(model, spec, config, network, weights is not None and bool(weights), dataset)
    data = model.SerializeToString()
    check_onnx(data)
    return bytes(data)


def export_onnx(path: Path, spec: ModelSpec, config: TrainingConfig, weights: Mapping[str, Any] | None = None,
                source: DataSource | None = None, dataset: str = "") -> InputScaling | None:
    """Write the ONNX file for this network to `path` atomically (see `onnx_bytes`); the data `source` gives a
    CSV network's standardisation. Returns the input scaling that went into the graph (None: none).

    Raises OnnxExportError (the network or its data) or OSError (the file)."""
    scaling = input_scaling(spec, config, source)
    data = onnx_bytes(spec, config, weights, scaling, dataset)
    write_atomically(Path(path), lambda handle: handle.write(data))
    return scaling


def check_onnx(data: bytes) -> None:
    """Run `onnx.checker` on a model (the full check, with shape inference); raises OnnxExportError."""
    onnx = _onnx()
    try:
        onnx.checker.check_model(onnx.load_model_from_string(data), full_check=True)
    except (onnx.checker.ValidationError, onnx.shape_inference.InferenceError) as exc:
        raise OnnxExportError(tr("The ONNX file did not pass onnx.checker: {error}").format(
            error=str(exc).strip().splitlines()[0])) from None


# --------------------------------------------------------------------------- helpers

def _onnx() -> Any:
    try:
        import onnx
        import onnx.checker
        import onnx.shape_inference
    except ImportError:
        raise OnnxExportError(tr("Writing ONNX needs the Python package onnx, which is not installed: "
                                 "pip install onnx")) from None
    return onnx


def _report(spec: ModelSpec) -> ShapeReport:
    report = infer_shapes(spec)
    if not report.ok:
        raise OnnxExportError(tr("The network cannot be exported yet: {problem}").format(problem=report.errors[0]))
    return report


def _export(module: nn.Module, example: torch.Tensor, input_name: str, output_names: list[str]) -> bytes:
    """torch's TorchScript-based exporter (see the module's docstring), the batch axis dynamic."""
    options: dict[str, Any] = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:  # torch 2.5+; the default from 2.9
        options["dynamo"] = False
    batch = {0: "batch"}
    with tempfile.TemporaryDirectory(prefix="nn-playground-onnx-") as folder:
        path = Path(folder) / "model.onnx"  # the exporter's documented target: a path (not the final one)
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the exporter's notes on its deprecation and on tracing
            torch.onnx.export(module, (example,), str(path), input_names=[input_name], output_names=output_names,
                              dynamic_axes={name: batch for name in (input_name, *output_names)},
                              opset_version=ONNX_OPSET, do_constant_folding=True, **options)
        return path.read_bytes()


def _refusal(spec: ModelSpec, network: StandaloneNetwork, exc: Exception) -> str:
    """One line for an export that failed: the first layer that cannot be written on its own, else the error."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    reason = reason if len(reason) <= 200 else reason[:199] + "…"
    report = infer_shapes(spec)
    modules = dict(network.network.named_children()) | dict(network.squash.named_children())
    for info in report.layers:
        module = modules.get(info.name)
        if module is None or info.input_shape is None:
            continue
        try:
            _export(module, torch.rand(2, *info.input_shape), "x", ["y"])
        except Exception:  # noqa: BLE001 — any failure here names this layer
            return tr("Layer {number} ({layer}) cannot be written as ONNX by this version of PyTorch ({reason}): "
                      "remove it, or export a PyTorch script instead.").format(
                number=info.index + 1, layer=info.layer.describe(), reason=reason)
    return tr("The network cannot be written as ONNX: {reason}").format(reason=reason)


def _describe(model: Any, spec: ModelSpec, config: TrainingConfig, network: StandaloneNetwork, trained: bool,
              dataset: str) -> None:
    """What the file is, for whoever opens it (Netron shows these): the producer, the input's meaning, the task."""
    model.producer_name = "nn-playground"
    model.producer_version = __version__
    model.graph.name = spec.name
    image = is_image_input(spec)
    scaling = network.normalise
    if image:
        shape = "×".join(str(d) for d in spec.input_shape)
        what_in = (f"float32 N×{shape} with values in [0, 1], light ink on dark paper as in MNIST; normalised "
                   f"inside as (x - {config.normalize_mean:g}) / {config.normalize_std:g}")
    elif isinstance(scaling, _Normalise):
        what_in = (f"float32 N×{spec.input_shape[0]} raw feature rows; standardised inside with the training "
                   "rows' mean and std")
    else:
        what_in = f"float32 N×{spec.input_shape[0]} feature rows, fed to the network as they are"
    head = network.head
    if network.regression:
        what_out = "values: the predicted numbers"
    else:
        squash = "softmax" if head.task == "multiclass" or head.loss == "cross_entropy" else "a sigmoid per output"
        what_out = f"logits: the scores; probabilities: {squash} of them"
    weights = "trained" if trained else f"untrained (initial weights from seed {config.seed})"
    model.doc_string = (f"{spec.name}: a {head.task} network made with nn-playground {__version__}, {weights}"
                        + (f" on {dataset}" if dataset and trained else "") + f". Input {what_in}. Outputs {what_out}.")
    props = {"task": head.task, "input": what_in, "outputs": what_out, "weights": weights}
    if dataset:
        props["dataset"] = dataset
    if head.task == "multilabel" and head.classes == len(DIGIT_ATTRIBUTES):
        props["labels"] = ", ".join(DIGIT_ATTRIBUTES)
    if isinstance(scaling, _Normalise) and not image:
        props["feature_mean"] = _numbers(tuple(scaling.mean.flatten().tolist()))
        props["feature_std"] = _numbers(tuple(scaling.std.flatten().tolist()))
    del model.metadata_props[:]
    for key, value in props.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value


def _numbers(values: tuple[float, ...]) -> str:
    return ", ".join(f"{v:.9g}" for v in values)

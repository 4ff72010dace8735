"""Weights in the formats other tools read: safetensors out (with the design as metadata), and
safetensors or a PyTorch `state_dict` (.pt) in, into a network of the same design.

A weights file from someone else is hostile, as a project is: it is read within a size that the
network it goes into bounds (its tensors' bytes plus a little), never unpickled beyond what
`torch.load(weights_only=True)` allows, and a .pt passes the same zip checks as a project
(`project_file`) before torch reads a byte of it. Every tensor must then be exactly one the network
has — same name, shape and dtype — or the file is refused in one line naming the first tensor that
does not fit (`WeightsMismatchError`), so nothing half-loads. torch is imported where it is used.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playground import __version__
from playground.core.files.atomic_io import write_atomically
from playground.core.files.project_file import (
    PROJECT_FORMAT,
    ProjectError,
    _check_archive,
    _check_state_dict,
    _expected_tensors,
    first_line,
    holds_code,
)
from playground.core.files.safe_json import JsonLimitError, Shown, loads_limited
from playground.core.i18n import tr
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import TASKS
from playground.core.training.training_config import TrainingConfig

if TYPE_CHECKING:
    import torch

SAFETENSORS_SUFFIX = ".safetensors"
# The metadata keys this app writes (safetensors metadata maps strings to strings).
META_SPEC = "nn_playground.spec"  # the design, as a spec JSON file holds it
META_TASK = "nn_playground.task"  # multiclass, multilabel, binary or regression
META_TRAINING = "nn_playground.training"  # the settings, with the input normalisation the weights expect
META_VERSION = "nn_playground.version"
# A header lists each tensor in ~100 bytes and holds the metadata (the design's JSON: a few KB to a few
# hundred KB); no file this app writes comes near this, and safetensors itself allows 100 MB.
MAX_HEADER_BYTES = 16 * 1024**2
# Beyond the tensors' own bytes: a .pt's pickle, zip records and alignment, or a safetensors header.
SLACK_BYTES = MAX_HEADER_BYTES + 8 * 1024**2


class WeightsError(ValueError):
    """A weights file cannot be used; the message is one line naming the file and what is wrong."""


class WeightsMismatchError(WeightsError):
    """The file's tensors do not fit the network: the message names the first that does not."""


@dataclass
class LoadedWeights:
    """A state_dict checked against a network (every tensor plain, on the CPU, of the network's shape
    and dtype) and the file's metadata (safetensors; empty for a .pt)."""

    state_dict: dict[str, torch.Tensor]
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def task(self) -> str | None:
        """The task the weights were exported for, when the file names one this app knows (its safetensors do)."""
        task = self.metadata.get(META_TASK)
        return task if task in TASKS else None


def safetensors_metadata(spec: ModelSpec, config: TrainingConfig) -> dict[str, str]:
    """What `save_safetensors` writes beside the weights: the design, the task and the settings as JSON text."""
    return {
        "format": "pt",  # the convention other tools read: the tensors are PyTorch's
        META_SPEC: json.dumps(spec.to_json()),
        META_TASK: config.task,
        META_TRAINING: json.dumps(config.to_json()),
        META_VERSION: __version__,
    }


def save_safetensors(path: Path, state: Mapping[str, torch.Tensor], spec: ModelSpec, config: TrainingConfig) -> None:
    """Write `state` (a network's state_dict) to `path` as safetensors, with the design and task as metadata.
    Atomic: an existing file stays intact if anything fails."""
    from safetensors.torch import save

    tensors = {key: value.detach().cpu().contiguous() for key, value in state.items()}
    data = save(tensors, safetensors_metadata(spec, config))
    write_atomically(Path(path), lambda handle: handle.write(data))


def load_weights(path: Path, spec: ModelSpec) -> LoadedWeights:
    """Read a .safetensors file or a torch.save'd state_dict (.pt) and check it against `spec`'s network.

    The kind is told by the content, not the name. Raises WeightsMismatchError naming the first tensor
    that is missing, has no place in the network, or has another shape or dtype; WeightsError when the
    file is unreadable, damaged, too large for this network's weights or not a weights file at all."""
    path = Path(path)
    name = path.name
    report = infer_shapes(spec)
    if not report.ok:
        raise WeightsError(tr("The network cannot be built, so no weights can go into it: {error}").format(
            error=report.errors[0]))
    expected, _ = _expected_tensors(spec)
    limit = sum(t.numel() * t.element_size() for t in expected.values()) + SLACK_BYTES
    try:
        if not path.is_file():
            raise WeightsError(tr("{path}: no such file.").format(path=path))
        size = path.stat().st_size
        if size == 0:
            raise WeightsError(tr("{name}: the file is empty.").format(name=name))
        if size > limit:
            raise WeightsError(tr(
                "{name}: {size:,} bytes is far more than this network's weights ({limit:,} bytes at most)."
            ).format(name=name, size=size, limit=limit))
        with path.open("rb") as handle:
            start = handle.read(9)
        metadata: dict[str, str] = {}
        if start[:4] == b"PK\x03\x04":
            state = _read_state_dict_pt(path, name, limit)
        elif len(start) == 9 and start[8:9] == b"{":
            state, metadata = _read_safetensors(path, name)
        else:
            raise _not_weights(name)
    except OSError as exc:
        raise WeightsError(tr("{name}: cannot be read ({reason}).").format(
            name=name, reason=exc.strerror or type(exc).__name__)) from None
    _check_fits(state, expected, name, metadata)
    return LoadedWeights(state, metadata)


def _not_weights(name: str) -> WeightsError:
    return WeightsError(tr("{name}: not a weights file (a .safetensors file, or a state_dict saved with "
                           "torch.save); it may be damaged or of another kind.").format(name=name))


def _damaged(name: str, exc: BaseException) -> WeightsError:
    if holds_code(exc):
        return WeightsError(tr("{name}: holds Python objects other than tensors, which could run code when loaded; "
                               "it was not loaded. Save the weights alone (model.state_dict()) or as "
                               ".safetensors.").format(name=name))
    return WeightsError(tr("{name}: cannot be read — the file is damaged or not a weights file ({reason}).").format(
        name=name, reason=first_line(exc)))


def _read_safetensors(path: Path, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The tensors and metadata of a safetensors file: an 8-byte header length, a JSON header, the data."""
    data = path.read_bytes()  # the caller bounded its size
    length = int.from_bytes(data[:8], "little")
    if length > MAX_HEADER_BYTES or 8 + length > len(data):
        raise _damaged(name, ValueError(tr("a header of {length:,} bytes").format(length=length)))
    try:
        header = loads_limited(data[8:8 + length].decode("utf-8"))
    except JsonLimitError as exc:
        raise _damaged(name, ValueError(exc.msg)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged(name, exc) from None
    if not isinstance(header, dict):
        raise _not_weights(name)
    raw_metadata = header.get("__metadata__") or {}
    if not isinstance(raw_metadata, dict) or not all(isinstance(v, str) for v in raw_metadata.values()):
        raise _damaged(name, ValueError(tr("its metadata is not all text")))
    from safetensors.torch import load

    try:
        tensors = load(data)
    except Exception as exc:  # noqa: BLE001 — the reader raises SafetensorError, ValueError, TypeError, … for bad files
        raise _damaged(name, exc) from None
    return dict(tensors), {str(k): v for k, v in raw_metadata.items()}


def _read_state_dict_pt(path: Path, name: str, limit: int) -> dict[str, Any]:
    """A torch.save'd dict of tensors, checked as a project's zip is before torch reads it (project_file),
    and unpacking to no more than `limit` bytes."""
    import zipfile

    try:
        _check_archive(path, name, "weights")
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except ProjectError as exc:
        raise WeightsError(str(exc)) from None
    if unpacked > limit:
        raise WeightsError(tr(
            "{name}: the file would unpack to {size:,} bytes, far more than this network's weights "
            "({limit:,} bytes at most)."
        ).format(name=name, size=unpacked, limit=limit))
    import torch

    try:
        with path.open("rb") as handle:  # a file object: torch.load would read a file named *.safetensors as one
            data = torch.load(handle, map_location="cpu", weights_only=True)
    except Exception as exc:  # noqa: BLE001 — torch raises many kinds for damaged archives and disallowed objects
        raise _damaged(name, exc) from None
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        raise WeightsError(tr("{name}: holds a {kind}, not a state_dict (a dict of tensors by name).").format(
            name=name, kind=type(data).__name__))
    if data.get("format") == PROJECT_FORMAT:
        raise WeightsError(tr("{name} is an nn-playground project, not a weights file; its weights can be exported "
                              "with: nn-playground export --load {name} --format safetensors -o weights.safetensors"
                              ).format(name=name))
    return dict(data)


def _check_fits(state: dict[str, Any], expected: Mapping[str, torch.Tensor], name: str,
                metadata: Mapping[str, str]) -> None:
    """Every tensor the network has, and no other, each of its shape and dtype; else one line naming one."""
    hint = _design_hint(metadata)
    missing = next((key for key in expected if key not in state), None)
    if missing is not None:
        shape = tuple(expected[missing].shape)
        raise WeightsMismatchError(tr(
            "{name}: the weights do not fit this network: it has '{key}' {shape}, which the file lacks{hint}."
        ).format(name=name, key=missing, shape=shape, hint=hint))
    unexpected = next((key for key in state if key not in expected), None)
    if unexpected is not None:
        raise WeightsMismatchError(tr(
            "{name}: the weights do not fit this network: the file's '{key}' has no place in it{hint}."
        ).format(name=name, key=Shown(unexpected), hint=hint))
    try:
        _check_state_dict(state, dict(expected), name)  # each tensor: plain, of the network's dtype and shape
    except ProjectError as exc:
        raise WeightsMismatchError(f"{str(exc).removesuffix('.')}{hint}.") from None


def _design_hint(metadata: Mapping[str, str]) -> str:
    """' (the file holds weights for the design 'cnn')' when its metadata names a design, else ''."""
    text = metadata.get(META_SPEC)
    if not text or len(text) > MAX_HEADER_BYTES:
        return ""
    try:
        design = loads_limited(text)
    except json.JSONDecodeError:
        return ""
    design_name = design.get("name") if isinstance(design, dict) else None
    if not isinstance(design_name, str) or not design_name:
        return ""
    return tr(" (the file holds weights for the design '{design}')").format(design=Shown(design_name))

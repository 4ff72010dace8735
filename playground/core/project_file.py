"""Project files (.nnp): a design, its training settings, trained weights and history in one file.

The file is a `torch.save` archive holding only tensors, numbers, strings, lists and dicts, so it
loads with `torch.load(weights_only=True)` — opening a file from someone else never runs code.
The spec, settings and history travel as JSON text inside it. Writes are atomic.
torch is imported where it is used, so the GUI can name `Project` before torch has loaded.
"""

from __future__ import annotations

import json
import platform
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playground import __version__
from playground.core.atomic_io import write_atomically
from playground.core.i18n import tr
from playground.core.spec import ModelSpec, SpecError
from playground.core.metrics import History
from playground.core.training_config import ConfigError, TrainingConfig

if TYPE_CHECKING:
    import torch

PROJECT_FORMAT = "nn-playground/project"
PROJECT_VERSION = 1
PROJECT_SUFFIX = ".nnp"
MAX_PROJECT_BYTES = 4 * 1024**3


class ProjectError(ValueError):
    """A project file cannot be opened; the message names the file and what is wrong."""


@dataclass
class Project:
    spec: ModelSpec
    training: TrainingConfig
    state_dict: dict[str, torch.Tensor] | None = None
    optimizer_state: dict[str, Any] | None = None
    history: History = field(default_factory=History)
    epochs_done: int = 0
    global_step: int = 0
    extra: dict[str, Any] = field(default_factory=dict)  # later features' data (e.g. drawings), JSON-safe
    versions: dict[str, str] = field(default_factory=dict)


def save_project(path: Path, project: Project) -> None:
    """Write `project` to `path` atomically (the old file stays intact if anything fails)."""
    import torch

    payload = _payload(project)
    write_atomically(Path(path), lambda handle: torch.save(payload, handle))


def _payload(project: Project) -> dict[str, Any]:
    import torch

    return {
        "format": PROJECT_FORMAT,
        "version": PROJECT_VERSION,
        "versions_json": json.dumps({
            "app": __version__, "torch": torch.__version__, "python": platform.python_version(),
        }),
        "spec_json": json.dumps(project.spec.to_json()),
        "training_json": json.dumps(project.training.to_json()),
        "history_json": json.dumps(project.history.to_json()),
        "extra_json": json.dumps(project.extra),
        "epochs_done": int(project.epochs_done),
        "global_step": int(project.global_step),
        "state_dict": {k: v.detach().cpu() for k, v in (project.state_dict or {}).items()},
        "optimizer_state": _to_cpu(project.optimizer_state) if project.optimizer_state else {},
    }


def _to_cpu(obj: Any) -> Any:
    import torch

    if isinstance(obj, torch.Tensor):
        return obj.detach().cpu()
    if isinstance(obj, dict):
        return {k: _to_cpu(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return type(obj)(_to_cpu(v) for v in obj)
    return obj


def load_project(path: Path) -> Project:
    """Read and check a project file. Raises ProjectError with a message for the user; never unpickles code."""
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ProjectError(tr("{path}: no such file.").format(path=path))
    size = path.stat().st_size
    if size == 0:
        raise ProjectError(tr("{name}: the file is empty.").format(name=name))
    if size > MAX_PROJECT_BYTES:
        raise ProjectError(tr("{name}: {size:,} bytes is larger than any project this app writes.").format(
            name=name, size=size))
    if not zipfile.is_zipfile(path):
        raise ProjectError(tr("{name}: not an nn-playground project (the file is damaged, truncated or of another "
                              "kind).").format(name=name))
    import torch

    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises many kinds for damaged archives and disallowed objects
        reason = str(exc).splitlines()[0][:200] if str(exc) else exc.__class__.__name__
        raise ProjectError(tr("{name}: cannot be read — the file is damaged or not a project ({reason}).").format(
            name=name, reason=reason)) from None
    if not isinstance(data, dict) or data.get("format") != PROJECT_FORMAT:
        raise ProjectError(tr("{name}: not an nn-playground project file.").format(name=name))
    version = data.get("version")
    if not isinstance(version, int):
        raise ProjectError(tr("{name}: the project has no format version.").format(name=name))
    if version > PROJECT_VERSION:
        raise ProjectError(tr(
            "{name} was saved by a newer nn-playground (project format {version}; this version reads up to "
            "{supported}). Update the app to open it."
        ).format(name=name, version=version, supported=PROJECT_VERSION))
    try:
        spec = ModelSpec.from_json(_json_field(data, "spec_json", name))
        training = TrainingConfig.from_json(_json_field(data, "training_json", name))
    except (SpecError, ConfigError) as exc:
        raise ProjectError(f"{name}: {exc}") from None
    history = History.from_json(_json_field(data, "history_json", name, default={}))
    extra = _json_field(data, "extra_json", name, default={})
    versions = _json_field(data, "versions_json", name, default={})
    state = data.get("state_dict") or None
    if state is not None:
        _check_state_dict(state, spec, name)
    optimizer_state = data.get("optimizer_state") or None
    return Project(
        spec, training, state, optimizer_state, history,
        int(data.get("epochs_done", 0) or 0), int(data.get("global_step", 0) or 0),
        extra if isinstance(extra, dict) else {}, versions if isinstance(versions, dict) else {},
    )


def _json_field(data: dict, key: str, name: str, default: Any = None) -> Any:
    text = data.get(key)
    if text is None and default is not None:
        return default
    if not isinstance(text, str):
        raise ProjectError(tr("{name}: the project lacks its '{section}' section.").format(
            name=name, section=key.removesuffix("_json")))
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise ProjectError(tr("{name}: the '{section}' section is damaged.").format(
            name=name, section=key.removesuffix("_json"))) from None


def _check_state_dict(state: Any, spec: ModelSpec, name: str) -> None:
    """The saved weights must fit the saved design exactly, tensor by tensor."""
    import torch

    from playground.core.builder import build_model

    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise ProjectError(tr("{name}: the saved weights are damaged.").format(name=name))
    with torch.device("meta"):  # shapes only: allocates nothing
        expected = build_model(spec).state_dict()
    missing = [k for k in expected if k not in state]
    unexpected = [k for k in state if k not in expected]
    if missing or unexpected:
        raise ProjectError(tr(
            "{name}: the saved weights do not match the saved network "
            "(missing: {missing}; unexpected: {unexpected})."
        ).format(name=name, missing=", ".join(missing[:3]) or tr("none"),
                 unexpected=", ".join(unexpected[:3]) or tr("none")))
    for key, tensor in expected.items():
        if tuple(state[key].shape) != tuple(tensor.shape):
            raise ProjectError(tr(
                "{name}: weight '{key}' has shape {shape} but the network needs {needed}."
            ).format(name=name, key=key, shape=tuple(state[key].shape), needed=tuple(tensor.shape)))


def load_model_from_project(project: Project) -> torch.nn.Module:
    """A ready-to-use module (eval mode) with the project's weights."""
    from playground.core.builder import build_model

    model = build_model(project.spec)
    if project.state_dict:
        model.load_state_dict(project.state_dict)
    model.eval()
    return model


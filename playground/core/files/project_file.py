"""Project files (.nnp): a design, its training settings, trained weights and history in one file.

The file is a `torch.save` archive holding only tensors, numbers, strings, lists and dicts, so it
loads with `torch.load(weights_only=True)` — opening a file from someone else never runs code.
The spec, settings and history travel as JSON text inside it. Writes are atomic.

Reading is one boundary, checked before anything is built (`load_project`): the zip directory
before `torch.load` reads a byte of it (sizes, compression, names, and the pickle's length and
number of operations, so a small file cannot unpack to gigabytes), the JSON sections within
`safe_json`'s limits, every field, the design's shapes, and every tensor — dense, of the dtype and
shape the network has. Whatever is wrong becomes a ProjectError of one line naming the file.
torch is imported where it is used, so the GUI can name `Project` before torch has loaded.
"""

from __future__ import annotations

import json
import pickletools
import platform
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from playground import __version__
from playground.core.files.atomic_io import write_atomically
from playground.core.files.safe_json import JsonLimitError, Shown, loads_limited
from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import BYTES_PER_FLOAT, MAX_PARAMETERS, infer_shapes
from playground.core.model.spec import MAX_LAYERS, ModelSpec, SpecError
from playground.core.training.metrics import History
from playground.core.training.training_config import ConfigError, TrainingConfig

if TYPE_CHECKING:
    import torch

PROJECT_FORMAT = "nn-playground/project"
PROJECT_VERSION = 1
PROJECT_SUFFIX = ".nnp"
MAX_PROJECT_BYTES = 4 * 1024**3

# What the zip directory may declare, derived from what `save_project` writes. The pickle holds the
# JSON sections (history, runs, drawings: a few MB in practice; 128 MiB is ~6 million recorded losses)
# and one small record per tensor; a hostile pickle amplifies memory by at most ~64 bytes per operation.
MAX_PICKLE_BYTES = 128 * 1024**2
MAX_PICKLE_OPS = 1_000_000
# The largest network holds MAX_PARAMETERS floats; Adam keeps two more per parameter. So a legitimate
# 250-million-parameter project unpacks to ~3 GB; nothing may declare more.
MAX_UNPACKED_BYTES = 3 * MAX_PARAMETERS * BYTES_PER_FLOAT + MAX_PICKLE_BYTES + 64 * 1024**2
# One entry per tensor: at most 5 per layer (batch norm), each with up to 3 optimizer tensors, plus bookkeeping.
MAX_ENTRIES = 32 + MAX_LAYERS * 5 * 4
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 512  # a directory record is 46 bytes plus the entry's name
# torch.save stores entries uncompressed; a deflated one that grows more than this is a zip bomb.
MAX_DEFLATE_RATIO = 100
# Counts saved with a project (epochs, steps) stay far below this; it keeps them exact as floats.
MAX_COUNT = 10**15


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


def tensor_bytes(project: Project) -> int:
    """The memory the project's tensors take (weights and optimizer state)."""
    import torch

    def size(obj: Any) -> int:
        if isinstance(obj, torch.Tensor):
            return obj.numel() * obj.element_size()
        if isinstance(obj, dict):
            return sum(size(v) for v in obj.values())
        if isinstance(obj, (list, tuple)):
            return sum(size(v) for v in obj)
        return 0

    return size(project.state_dict) + size(project.optimizer_state)


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
    """Read and check a project file before anything is built. Raises ProjectError, one line naming the file
    and what is wrong; never unpickles code, never reads more than the file's format allows."""
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
    _check_archive(path, name)
    import torch

    try:
        data = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises many kinds for damaged archives and disallowed objects
        raise _unreadable(name, exc) from None
    if not isinstance(data, dict) or not isinstance(data.get("format"), str) or data["format"] != PROJECT_FORMAT:
        raise ProjectError(tr("{name}: not an nn-playground project file.").format(name=name))
    version = data.get("version")
    if type(version) is not int or version < 1:
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
    epochs_done, global_step = _count(data, "epochs_done", name), _count(data, "global_step", name)
    state = _section(data, "state_dict", name)
    optimizer_state = _section(data, "optimizer_state", name)
    if state is not None or optimizer_state is not None:
        report = infer_shapes(spec)
        if not report.ok:  # weights for a network that cannot be built: say why, as the editor would
            raise ProjectError(f"{name}: {report.errors[0]}")
        expected, parameters = _expected_tensors(spec)
        if state is not None:
            _check_state_dict(state, expected, name)
        if optimizer_state is not None:
            optimizer_state = _checked_optimizer_state(optimizer_state, parameters, training, name)
    return Project(
        spec, training, state, optimizer_state, history, epochs_done, global_step,
        extra if isinstance(extra, dict) else {},
        {k: v for k, v in versions.items() if isinstance(v, str)} if isinstance(versions, dict) else {},
    )


ArchiveKind = Literal["project", "weights"]
# What an archive's checks say, for a project and for a torch.save'd weights file (weights_io), by the checks'
# names: each is shown with tr().
_SAYS: dict[ArchiveKind, dict[str, str]] = {
    "project": {
        "damaged": N_("{name}: not an nn-playground project (the file is damaged, truncated or of another kind)."),
        "entries": N_("{name}: the archive lists {count:,} entries; a project has at most {limit:,}."),
        "entry": N_("{name}: the archive holds an entry named {entry!r}, which no project has."),
        "bomb": N_("{name}: entry {entry!r} would unpack from {packed:,} to {size:,} bytes, which no project does "
                   "(a zip bomb)."),
        "unpacked": N_("{name}: the archive would unpack to {size:,} bytes, more than the largest project this app "
                       "writes ({limit:,} bytes)."),
        "pickle": N_("{name}: the project's data is larger than any project this app writes."),
        "unreadable": N_("{name}: cannot be read — the file is damaged or not a project ({reason})."),
    },
    "weights": {
        "damaged": N_("{name}: not a PyTorch weights file (the file is damaged, truncated or of another kind)."),
        "entries": N_("{name}: the archive lists {count:,} entries; a weights file has at most {limit:,}."),
        "entry": N_("{name}: the archive holds an entry named {entry!r}, which no weights file has."),
        "bomb": N_("{name}: entry {entry!r} would unpack from {packed:,} to {size:,} bytes, which no weights file "
                   "does (a zip bomb)."),
        "unpacked": N_("{name}: the archive would unpack to {size:,} bytes, more than any weights file this app "
                       "reads ({limit:,} bytes)."),
        "pickle": N_("{name}: the file's data is larger than any weights file this app reads."),
        "unreadable": N_("{name}: cannot be read — the file is damaged or not a weights file ({reason})."),
    },
}


def _check_archive(path: Path, name: str, kind: ArchiveKind = "project") -> None:
    """The zip directory, checked before torch.load reads anything: a small file must not unpack to gigabytes.
    `kind`: "project", or "weights" for a torch.save'd state_dict (the messages name it)."""
    not_a_project = ProjectError(tr(_SAYS[kind]["damaged"]).format(name=name))
    try:
        with path.open("rb") as handle:
            # torch.load reads a file that does not start like a zip as its legacy format, past these checks.
            if handle.read(4) != b"PK\x03\x04":
                raise not_a_project
            directory = _directory_size(handle)
        if directory is None:
            raise not_a_project
        entries, directory_bytes = directory
        if entries > MAX_ENTRIES:
            raise _too_many_entries(name, entries, kind)
        if directory_bytes > MAX_DIRECTORY_BYTES:  # a few entries with a huge directory: not a zip torch wrote
            raise not_a_project
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_entries(infos, name, kind)
            for info in infos:
                if PurePosixPath(info.filename).name == "data.pkl":
                    _check_pickle(archive, info, name, kind)
    except ProjectError:
        raise
    except OSError as exc:
        raise _unreadable(name, exc, kind) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, struct.error, ValueError, NotImplementedError):
        raise not_a_project from None


def _directory_size(handle: Any) -> tuple[int, int] | None:
    """(entries, bytes) of the zip's central directory from its end record, as zipfile finds it, or None.

    zipfile reads the whole directory into memory and makes an object per entry, so its size is checked first."""
    handle.seek(0, 2)
    size = handle.tell()
    tail_start = max(size - 22 - 65535, 0)  # the end record is 22 bytes, after it a comment of up to 64 KiB
    handle.seek(tail_start)
    tail = handle.read()
    at = len(tail) - 22 if tail[-22:-18] == b"PK\x05\x06" else tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    entries, directory_bytes = struct.unpack("<2x2x2xHL4x2x", tail[at:at + 22][4:])[0:2]
    if entries == 0xFFFF or directory_bytes == 0xFFFFFFFF:  # Zip64: the real counts are in another record
        locator = tail_start + at - 20
        if locator < 0:
            return None
        handle.seek(locator)
        signature, _, record_at, _ = struct.unpack("<4sLQL", handle.read(20))
        if signature != b"PK\x06\x07":
            return None
        handle.seek(record_at)
        record = handle.read(56)
        if len(record) < 56 or record[:4] != b"PK\x06\x06":
            return None
        entries, directory_bytes = struct.unpack("<32xQQ8x", record)[0:2]
    return entries, directory_bytes


def _check_entries(infos: list[zipfile.ZipInfo], name: str, kind: ArchiveKind) -> None:
    if len(infos) > MAX_ENTRIES:  # the end record may understate them
        raise _too_many_entries(name, len(infos), kind)
    seen: set[str] = set()
    total = 0
    for info in infos:
        entry = info.filename
        parts = PurePosixPath(entry.replace("\\", "/")).parts
        if entry in seen:
            raise ProjectError(tr("{name}: the archive holds two entries named {entry!r}.").format(
                name=name, entry=Shown(entry)))
        if entry.startswith(("/", "\\")) or ".." in parts or ":" in entry:
            raise ProjectError(tr(_SAYS[kind]["entry"]).format(name=name, entry=Shown(entry)))
        seen.add(entry)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ProjectError(tr("{name}: entry {entry!r} is compressed in a way torch.save never uses.").format(
                name=name, entry=Shown(entry)))
        if info.compress_type == zipfile.ZIP_DEFLATED and info.file_size > 2**20 \
                and info.file_size > MAX_DEFLATE_RATIO * max(info.compress_size, 1):
            raise ProjectError(tr(_SAYS[kind]["bomb"]).format(name=name, entry=Shown(entry), packed=info.compress_size,
                                                                 size=info.file_size))
        total += info.file_size
    if total > MAX_UNPACKED_BYTES:
        raise ProjectError(tr(_SAYS[kind]["unpacked"]).format(name=name, size=total, limit=MAX_UNPACKED_BYTES))


def _unreadable(name: str, exc: BaseException, kind: ArchiveKind = "project") -> ProjectError:
    if holds_code(exc):
        return ProjectError(tr("{name}: holds Python objects other than numbers and tensors, which could run code "
                               "when loaded; it was not loaded. A project this app saves never does.").format(
            name=name))
    return ProjectError(tr(_SAYS[kind]["unreadable"]).format(name=name, reason=first_line(exc)))


def holds_code(exc: BaseException) -> bool:
    """`torch.load(weights_only=True)` refused an object it will not build (a class, a function to call)."""
    import pickle

    return isinstance(exc, pickle.UnpicklingError) and "weights only load failed" in str(exc).lower()


def first_line(exc: BaseException) -> str:
    """A reader's error as one short line for a message box: its first line, terminal colour codes dropped."""
    import re

    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    text = re.sub(r"\x1b\[[0-9;]*m", "", text).strip()
    return text.splitlines()[0][:200] if text else exc.__class__.__name__


def _too_many_entries(name: str, count: int, kind: ArchiveKind) -> ProjectError:
    return ProjectError(tr(_SAYS[kind]["entries"]).format(name=name, count=count, limit=MAX_ENTRIES))


def _check_pickle(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, kind: ArchiveKind) -> None:
    """The pickle's length and number of operations: each may build an object, so a few bytes can cost many."""
    too_large = ProjectError(tr(_SAYS[kind]["pickle"]).format(name=name))
    if info.file_size > MAX_PICKLE_BYTES:
        raise too_large
    with archive.open(info) as stream:
        try:
            for count, _ in enumerate(pickletools.genops(stream)):
                if count >= MAX_PICKLE_OPS:
                    raise too_large
        except ProjectError:
            raise
        except Exception as exc:  # noqa: BLE001 — genops raises many kinds for damaged data
            # Refused, not left to torch: its unpickler reads some text genops cannot, and would go on.
            raise _unreadable(name, exc, kind) from None


def _json_field(data: dict[str, Any], key: str, name: str, default: Any = None) -> Any:
    section = key.removesuffix("_json")
    text = data.get(key)
    if text is None and default is not None:
        return default
    if not isinstance(text, str):
        raise ProjectError(tr("{name}: the project lacks its '{section}' section.").format(name=name, section=section))
    try:
        return loads_limited(text)
    except JsonLimitError as exc:
        raise ProjectError(tr("{name}: the '{section}' section holds {problem}, which no project has.").format(
            name=name, section=section, problem=exc.msg)) from None
    except json.JSONDecodeError:
        raise ProjectError(tr("{name}: the '{section}' section is damaged.").format(
            name=name, section=section)) from None


def _count(data: dict[str, Any], key: str, name: str) -> int:
    """epochs_done and global_step: a whole number from 0 to MAX_COUNT (absent: 0)."""
    value = data.get(key, 0)
    if type(value) is not int or not 0 <= value <= MAX_COUNT:
        raise ProjectError(tr("{name}: '{key}' must be a whole number from 0 to {limit:,} (got {value!r}).").format(
            name=name, key=key, limit=MAX_COUNT, value=Shown(value)))
    return value


def _section(data: dict[str, Any], key: str, name: str) -> dict[str, Any] | None:
    """The weights or the optimizer state: a dict with string keys, or None when absent or empty."""
    value = data.get(key)
    if value is None or (isinstance(value, dict) and not value):
        return None
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise ProjectError(tr("{name}: the saved weights are damaged.").format(name=name) if key == "state_dict"
                           else _optimizer_damaged(name, key))
    return value


def _expected_tensors(spec: ModelSpec) -> tuple[dict[str, torch.Tensor], list[torch.Tensor]]:
    """The network's state_dict and parameters (in the optimizer's order) as shapes and dtypes only."""
    import torch

    from playground.core.model.builder import build_model

    with torch.device("meta"):  # allocates nothing
        model = build_model(spec)
    return model.state_dict(), list(model.parameters())


def _tensor_problem(value: Any, shape: tuple[int, ...], dtype: torch.dtype) -> str | None:
    """Why `value` is not a plain CPU tensor of `shape` and `dtype` ("kind", "dtype" or "shape"), or None.

    The dtype must be exactly the network's: this app writes nothing else, and a silent conversion would
    hide a file that was tampered with (and double the memory of a float64 blob)."""
    import torch

    if type(value) not in (torch.Tensor, torch.nn.Parameter) or value.layout != torch.strided \
            or value.is_quantized or value.is_meta or value.is_nested or value.device.type != "cpu":
        return "kind"
    if value.dtype != dtype:
        return "dtype"
    if tuple(value.shape) != tuple(shape):
        return "shape"
    return None


def _check_state_dict(state: dict[str, Any], expected: dict[str, torch.Tensor], name: str) -> None:
    """The saved weights must fit the saved design exactly, tensor by tensor."""
    missing = [k for k in expected if k not in state]
    unexpected = [str(Shown(k)) for k in state if k not in expected]
    if missing or unexpected:
        raise ProjectError(tr(
            "{name}: the saved weights do not match the saved network "
            "(missing: {missing}; unexpected: {unexpected})."
        ).format(name=name, missing=", ".join(missing[:3]) or tr("none"),
                 unexpected=", ".join(unexpected[:3]) or tr("none")))
    for key, like in expected.items():
        value = state[key]
        problem = _tensor_problem(value, tuple(like.shape), like.dtype)
        if problem == "kind":
            raise ProjectError(tr("{name}: weight '{key}' is not a plain tensor (it is {kind}).").format(
                name=name, key=key, kind=_kind(value)))
        if problem == "dtype":
            raise ProjectError(tr("{name}: weight '{key}' holds {dtype} numbers but the network needs {needed}.")
                               .format(name=name, key=key, dtype=_dtype_name(value.dtype),
                                       needed=_dtype_name(like.dtype)))
        if problem == "shape":
            raise ProjectError(tr(
                "{name}: weight '{key}' has shape {shape} but the network needs {needed}."
            ).format(name=name, key=key, shape=tuple(value.shape), needed=tuple(like.shape)))


def _checked_optimizer_state(raw: dict[str, Any], parameters: list[torch.Tensor], training: TrainingConfig,
                             name: str) -> dict[str, Any] | None:
    """The optimizer state as the trainer may load it, or None when it belongs to another optimizer.

    The per-parameter state (Adam's moments, momentum buffers) must be plain float tensors of each
    parameter's shape; one that is not is a damaged file. State of another optimizer than the settings
    name (the settings changed after the last run) is dropped, so training starts its moments afresh —
    as the trainer does. The groups' settings (betas, eps, maximize, …) are never taken from the file:
    they come from the training settings, as a new optimizer would have them."""
    state, groups = raw.get("state"), raw.get("param_groups")
    if not isinstance(state, dict):
        raise ProjectError(_optimizer_damaged(name, "optimizer_state['state']"))
    if not isinstance(groups, list) or not all(isinstance(g, dict) and isinstance(g.get("params"), list)
                                               for g in groups):
        raise ProjectError(_optimizer_damaged(name, "optimizer_state['param_groups']"))
    indices = [i for group in groups for i in group["params"]]
    if any(type(i) is not int for i in indices) or sorted(indices) != list(range(len(parameters))):
        raise ProjectError(_optimizer_damaged(name, "optimizer_state['param_groups'][…]['params']"))
    reference, group = _reference_optimizer(training)
    checked: dict[int, dict[str, Any]] = {}
    for index, entry in state.items():
        where = f"optimizer_state['state'][{Shown(index)!r}]"
        if type(index) is not int or not 0 <= index < len(parameters) \
                or not isinstance(entry, dict) or not all(isinstance(k, str) for k in entry):
            raise ProjectError(_optimizer_damaged(name, where))
        if not entry:
            continue
        if set(entry) != set(reference):
            return None  # another optimizer's state
        for key, value in entry.items():
            like = reference[key]
            if like is None and value is None:
                continue
            shape = () if like is None or like.dim() == 0 else tuple(parameters[index].shape)
            if like is None or _tensor_problem(value, shape, like.dtype) is not None \
                    or (like.dim() == 0 and not 0 <= float(value) < MAX_COUNT):  # Adam's step count
                raise ProjectError(_optimizer_damaged(name, f"{where}[{Shown(key)!r}]"))
        checked[index] = dict(entry)
    return {"state": checked, "param_groups": [{**group, "params": list(range(len(parameters)))}]}


def _reference_optimizer(training: TrainingConfig) -> tuple[dict[str, Any], dict[str, Any]]:
    """(state of one parameter after a step, the parameter group) of the optimizer the trainer makes for
    `training`: what a saved state must look like, from PyTorch itself rather than a list kept here."""
    import torch

    from playground.core.training.optimizers import make_optimizer

    parameter = torch.zeros(2, 1, requires_grad=True)  # 2-D, so its state tells param-shaped from scalar
    optimizer = make_optimizer(training, [parameter])
    parameter.grad = torch.zeros_like(parameter)
    optimizer.step()
    saved = optimizer.state_dict()
    return dict(saved["state"].get(0, {})), dict(saved["param_groups"][0])


def _optimizer_damaged(name: str, where: str) -> str:
    return tr("{name}: the saved optimizer state is damaged (at {where}).").format(name=name, where=where)


def _kind(value: Any) -> str:
    import torch

    if not isinstance(value, torch.Tensor):
        return type(value).__name__
    if value.is_nested:
        return tr("nested")
    if value.layout != torch.strided:
        return str(value.layout).removeprefix("torch.")
    if value.is_quantized:
        return tr("quantized")
    return value.device.type if value.device.type != "cpu" else type(value).__name__


def _dtype_name(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def load_model_from_project(project: Project) -> torch.nn.Module:
    """A ready-to-use module (eval mode) with the project's weights. Raises ProjectError when the saved
    design cannot be built (a project may hold an unfinished design, without weights)."""
    from playground.core.model.builder import build_model

    report = infer_shapes(project.spec)
    if not report.ok:
        raise ProjectError(tr("The saved network cannot be built: {error}").format(error=report.errors[0]))
    model = build_model(project.spec, report=report)
    if project.state_dict:
        model.load_state_dict(project.state_dict)
    model.eval()
    return model

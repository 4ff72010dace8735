"""Presets: named, ready-to-train designs shipped in resources/presets/*.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playground.core.files.resources import presets_dir
from playground.core.files.safe_json import JsonLimitError, loads_limited
from playground.core.i18n import tr
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.training_config import ConfigError, TrainingConfig

DEFAULT_PRESET = "seed-mlp"
MAX_SPEC_FILE_BYTES = 5_000_000


@dataclass
class Preset:
    name: str
    title: str
    description: str
    spec: ModelSpec
    training: TrainingConfig


def preset_names() -> list[str]:
    """Names of the shipped presets, the default first."""
    names = sorted(p.stem for p in presets_dir().glob("*.json"))
    if DEFAULT_PRESET in names:
        names.remove(DEFAULT_PRESET)
        names.insert(0, DEFAULT_PRESET)
    return names


def load_preset(name: str) -> Preset:
    path = presets_dir() / f"{name}.json"
    if not path.is_file():
        raise SpecError(tr("No preset named '{name}'. Available: {names}.").format(
            name=name, names=", ".join(preset_names())))
    return preset_from_json(json.loads(path.read_text(encoding="utf-8")), name)


def preset_from_json(data: Any, fallback_name: str) -> Preset:
    if not isinstance(data, dict) or "model" not in data:
        raise SpecError(tr("Preset '{name}' has no 'model'.").format(name=fallback_name))
    model = data["model"]
    if isinstance(model, dict):  # the preset's name is the design's, checked like any spec's name
        model = {**model, "name": data.get("name", fallback_name)}
    spec = ModelSpec.from_json(model)
    name = spec.name
    try:
        training = TrainingConfig.from_json(data.get("training", {}))
    except ConfigError as exc:
        raise SpecError(tr("Preset '{name}': {error}").format(name=name, error=exc)) from None
    return Preset(name, str(data.get("title", name)), str(data.get("description", "")), spec, training)


def load_spec_file(path: Path) -> tuple[ModelSpec, TrainingConfig | None]:
    """A spec file a user wrote: either a bare model spec or a preset-style file with 'model' and 'training'.

    Everything is checked before anything is built: the JSON's size and nesting, every field, and the
    shapes (both users, `train --spec` and `export --spec`, need a network that can be built). Raises
    SpecError with one line that names the file."""
    path = Path(path)
    if not path.is_file():
        raise SpecError(tr("{path}: no such file.").format(path=path))
    if path.stat().st_size > MAX_SPEC_FILE_BYTES:
        raise SpecError(tr("{path}: {size:,} bytes is too large for a model spec.").format(
            path=path, size=path.stat().st_size))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(tr("{path}: cannot be read as UTF-8 text ({error}).").format(
            path=path, error=exc.__class__.__name__)) from None
    try:
        data = loads_limited(text)
    except JsonLimitError as exc:
        raise SpecError(tr("{path}: not a model spec: the JSON holds {problem}.").format(
            path=path, problem=exc.msg)) from None
    except json.JSONDecodeError as exc:
        raise SpecError(tr("{path}: not valid JSON (line {line}, column {column}): {error}.").format(
            path=path, line=exc.lineno, column=exc.colno, error=exc.msg)) from None
    try:
        if isinstance(data, dict) and "model" in data:
            preset = preset_from_json(data, path.stem)
            spec, training = preset.spec, preset.training
        else:
            spec, training = ModelSpec.from_json(data), None
    except SpecError as exc:
        raise SpecError(f"{path.name}: {exc}", exc.layer, exc.field_name) from None
    report = infer_shapes(spec)
    if not report.ok:
        raise SpecError(f"{path.name}: {report.errors[0]}")
    if spec.name == "untitled":
        spec.name = path.stem
    return spec, training

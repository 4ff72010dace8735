"""The model spec: plain, JSON-serialisable data describing a network.

A spec is an input shape plus an ordered list of layers (type + parameters). It knows nothing of
PyTorch; `shape_inference` checks it and `builder` turns a valid one into a module.
"""

from __future__ import annotations

import json
import keyword
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES, PADDING_WORDS, ParamInfo, layer_type

SPEC_FORMAT = "nn-playground/model-spec"
SPEC_VERSION = 1
MAX_LAYERS = 200
MAX_NAME_LENGTH = 64
# Public attributes of the nn.Sequential the app builds (nn.Module's, its own append/extend/insert/pop, and
# `training`, set in __init__): a layer named like one cannot be a submodule, in the app or the exported
# script. Static so that reading a spec never imports torch; a test checks it against the installed torch.
MODULE_ATTRIBUTES = frozenset({
    "T_destination", "add_module", "append", "apply", "bfloat16", "buffers", "call_super_init", "children",
    "compile", "cpu", "cuda", "double", "dump_patches", "eval", "extend", "extra_repr", "float", "forward",
    "get_buffer", "get_extra_state", "get_parameter", "get_submodule", "half", "insert", "ipu", "load_state_dict",
    "modules", "mtia", "named_buffers", "named_children", "named_modules", "named_parameters", "parameters",
    "pop", "register_backward_hook", "register_buffer", "register_forward_hook", "register_forward_pre_hook",
    "register_full_backward_hook", "register_full_backward_pre_hook", "register_load_state_dict_post_hook",
    "register_load_state_dict_pre_hook", "register_module", "register_parameter", "register_state_dict_post_hook",
    "register_state_dict_pre_hook", "requires_grad_", "set_extra_state", "set_submodule", "share_memory",
    "state_dict", "to", "to_empty", "train", "training", "type", "xpu", "zero_grad",
})
# The form of the names layers without one get (fc1, conv2, relu3, ...; see shape_inference.module_names).
_GENERATED_NAME = re.compile(
    "(?:" + "|".join(sorted({t.short_name for t in LAYER_TYPES.values()}, key=len, reverse=True)) + ")[1-9][0-9]*")


class SpecError(ValueError):
    """A spec a user wrote or loaded is malformed. `layer` is the 0-based index, if one is to blame."""

    def __init__(self, message: str, layer: int | None = None, field_name: str | None = None):
        super().__init__(message)
        self.layer = layer
        self.field_name = field_name


@dataclass
class LayerSpec:
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    name: str | None = None  # module name; None → generated (fc1, conv1, ...)

    def get(self, key: str) -> Any:
        """The parameter's value, or the type's default when it is not set."""
        if key in self.params:
            return self.params[key]
        info = LAYER_TYPES[self.type].param(key)
        return None if info is None else info.default

    def describe(self, translate: bool = True) -> str:
        """Short human text: `Linear(128)`, `Conv2d(16, 5×5, stride 1, pad 2)`.

        `translate=False` keeps the words English, for comments in exported code."""
        t = self.type

        def words(text: str) -> str:
            return tr(text) if translate else text

        if t == "Linear":
            return f"Linear({self.get('out_features')})"
        if t == "Conv2d":
            k = self.get("kernel_size")
            return words(N_("Conv2d({channels}, {kernel}×{kernel}, stride {stride}, pad {padding})")).format(
                channels=self.get("out_channels"), kernel=k, stride=self.get("stride"), padding=self.get("padding"))
        if t in ("MaxPool2d", "AvgPool2d"):
            k = self.get("kernel_size")
            s = self.get("stride")
            if s not in (None, k):
                return words(N_("{type}({kernel}×{kernel}, stride {stride})")).format(type=t, kernel=k, stride=s)
            return f"{t}({k}×{k})"
        if t == "Dropout":
            return f"Dropout(p={self.get('p')})"
        if t == "LeakyReLU":
            return f"LeakyReLU({self.get('negative_slope')})"
        if t in ("LSTM", "GRU"):
            extra = f"×{self.get('num_layers')}" if self.get("num_layers") != 1 else ""
            if self.get("return_sequence"):
                return words(N_("{type}({hidden}{layers}, all steps)")).format(
                    type=t, hidden=self.get("hidden_size"), layers=extra)
            return f"{t}({self.get('hidden_size')}{extra})"
        return t

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        out.update(self.params)
        if self.name:
            out["name"] = self.name
        return out


@dataclass
class ModelSpec:
    layers: list[LayerSpec]
    input_shape: tuple[int, ...] = (1, 28, 28)
    name: str = "untitled"

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SPEC_FORMAT,
            "version": SPEC_VERSION,
            "name": self.name,
            "input_shape": list(self.input_shape),
            "layers": [layer.to_json() for layer in self.layers],
        }

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=2)

    def copy(self) -> ModelSpec:
        return ModelSpec.from_json(self.to_json())

    @staticmethod
    def from_json(data: Any) -> ModelSpec:
        """Parse and check a spec from decoded JSON. Raises SpecError with a user-facing message."""
        if not isinstance(data, dict):
            raise SpecError(tr("A model spec must be a JSON object with 'input_shape' and 'layers'."))
        version = data.get("version", SPEC_VERSION)
        if not isinstance(version, int) or isinstance(version, bool):
            raise SpecError(tr("The spec's 'version' must be a whole number."))
        if version > SPEC_VERSION:
            raise SpecError(tr(
                "This spec was written by a newer nn-playground (format version {version}; "
                "this one reads up to {supported}). Update the app to open it."
            ).format(version=version, supported=SPEC_VERSION))
        input_shape = _parse_input_shape(data.get("input_shape", [1, 28, 28]))
        raw_layers = data.get("layers")
        if not isinstance(raw_layers, list):
            raise SpecError(tr("The spec needs a 'layers' list."))
        if len(raw_layers) > MAX_LAYERS:
            raise SpecError(tr("The spec has {count} layers; at most {limit} are supported.").format(
                count=len(raw_layers), limit=MAX_LAYERS))
        layers = [parse_layer(raw, i) for i, raw in enumerate(raw_layers)]
        settle_layer_names(layers)
        name = data.get("name", "untitled")
        if not isinstance(name, str):
            raise SpecError(tr("The spec's 'name' must be text."))
        return ModelSpec(layers=layers, input_shape=input_shape, name=name[:200])

    @staticmethod
    def loads(text: str) -> ModelSpec:
        from playground.core.files.safe_json import loads_limited  # its limit errors are JSONDecodeErrors

        try:
            data = loads_limited(text)
        except json.JSONDecodeError as exc:
            raise SpecError(tr("Not valid JSON (line {line}, column {column}): {error}.").format(
                line=exc.lineno, column=exc.colno, error=exc.msg)) from None
        return ModelSpec.from_json(data)


def same_spec(a: ModelSpec, b: ModelSpec) -> bool:
    """True when two specs serialise identically (what undo promises to restore)."""
    return a.to_json() == b.to_json()


def _parse_input_shape(raw: Any) -> tuple[int, ...]:
    if not isinstance(raw, (list, tuple)) or not 1 <= len(raw) <= 3:
        raise SpecError(tr("'input_shape' must be a list of 1 to 3 whole numbers, e.g. [1, 28, 28]."))
    shape = []
    for v in raw:
        if not isinstance(v, int) or isinstance(v, bool) or not 1 <= v <= 4096:
            raise SpecError(tr("'input_shape' entries must be whole numbers from 1 to 4096 (got {value}).").format(
                value=repr(v)))
        shape.append(v)
    return tuple(shape)


def parse_layer(raw: Any, index: int) -> LayerSpec:
    """One layer from JSON: `{"type": "Linear", "out_features": 128}` (params may also sit under "params")."""
    where = tr("Layer {number}").format(number=index + 1)
    if not isinstance(raw, dict):
        raise SpecError(tr("{where} must be a JSON object like {{\"type\": \"Linear\", \"out_features\": 10}}.").format(
            where=where), index)
    type_name = raw.get("type")
    if not isinstance(type_name, str):
        raise SpecError(tr("{where} has no 'type'. Known types: {types}.").format(
            where=where, types=", ".join(LAYER_TYPES)), index)
    ltype = layer_type(type_name)
    if ltype is None:
        raise SpecError(tr("{where}: unknown layer type '{name}'. Known types: {types}.").format(
            where=where, name=_printable(type_name[:40]), types=", ".join(LAYER_TYPES)), index)
    where = tr("Layer {number} ({layer})").format(number=index + 1, layer=ltype.name)
    params_in: dict[str, Any] = {}
    nested = raw.get("params")
    if nested is not None:
        if not isinstance(nested, dict):
            raise SpecError(tr("{where}: 'params' must be an object.").format(where=where), index)
        params_in.update(nested)
    params_in.update({k: v for k, v in raw.items() if k not in ("type", "params", "name")})
    params: dict[str, Any] = {}
    for key, value in params_in.items():
        info = ltype.param(key)
        if info is None:
            known = ", ".join(p.name for p in ltype.params) or tr("none")
            raise SpecError(tr("{where} has no parameter '{key}'. Its parameters: {known}.").format(
                where=where, key=_printable(str(key)[:40]), known=known), index, key)
        params[key] = coerce_param(info, value, where, index)
    name = raw.get("name")
    return LayerSpec(ltype.name, params, None if name is None else check_layer_name(name, where, index))


def check_layer_name(name: Any, where: str, index: int | None = None) -> str:
    """`name` if it can be a layer's module name, else SpecError naming the layer (`where`).

    The name becomes an attribute of an nn.Module in the app and in the exported script, so it must be a
    Python identifier that Python's NFKC normalisation leaves as it is (else the script's `self.ﬁ` would set
    `fi`), not a keyword, not private (`_...`) and not an attribute nn.Module already has (`forward`, ...).
    Letters beyond ASCII are allowed: learners name layers in their own language."""

    def refuse(message: str, **values: Any) -> SpecError:
        return SpecError(message.format(where=where, name=_quoted(name), **values), index, "name")

    if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH or not name.isidentifier():
        raise refuse(tr("{where}: the name {name} is not a Python identifier of at most {limit} characters "
                        "(letters, digits and _, not starting with a digit); choose another or leave the name out."),
                     limit=MAX_NAME_LENGTH)
    normal = unicodedata.normalize("NFKC", name)
    if normal != name:
        raise refuse(tr("{where}: Python reads the name {name} as {normal}, so the exported script would not match; "
                        "write {normal} or leave the name out."), normal=_quoted(normal))
    if keyword.iskeyword(name):
        raise refuse(tr("{where}: the name {name} is a Python keyword; choose another or leave the name out."))
    if name.startswith("_"):
        raise refuse(tr("{where}: the name {name} starts with _, which PyTorch keeps for its own attributes; "
                        "choose another or leave the name out."))
    if name in MODULE_ATTRIBUTES:
        raise refuse(tr("{where}: the name {name} is taken by nn.Module; choose another or leave the name out."))
    return name


def settle_layer_names(layers: list[LayerSpec]) -> None:
    """Check that the layers' names are unique, also against the names layers without one get (fc1, conv1, ...).

    A name of that form (a layer type's prefix and a number) is allowed only on the layer that would get it
    anyway; it is then dropped, so that inserting or removing layers later renames it as it renames the others
    and never makes it collide. Raises SpecError naming the layer."""
    counters: dict[str, int] = {}
    chosen: dict[str, int] = {}
    for index, layer in enumerate(layers):
        where = tr("Layer {number} ({layer})").format(number=index + 1, layer=layer.type)
        name = layer.name
        if name is not None and not _GENERATED_NAME.fullmatch(name):
            if name in chosen:
                raise SpecError(tr("{where}: the name {name} is already used by layer {other}; names must be "
                                   "unique.").format(where=where, name=_quoted(name), other=chosen[name] + 1),
                                index, "name")
            chosen[name] = index
            continue
        prefix = LAYER_TYPES[layer.type].short_name
        counters[prefix] = counters.get(prefix, 0) + 1
        default = f"{prefix}{counters[prefix]}"
        if name is not None and name != default:
            raise SpecError(tr("{where}: names like {name} are kept for layers without a name (this one would be "
                               "{default}); choose another or leave the name out.").format(
                where=where, name=_quoted(name), default=default), index, "name")
        layer.name = None


def _printable(text: str) -> str:
    """`text` with line breaks and other control characters as "?": a message stays one line."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _quoted(value: Any, limit: int = 40) -> str:
    """`value` as a short one-line Python literal for a message (a hostile file's name may be huge)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def coerce_param(info: ParamInfo, value: Any, where: str, index: int | None = None) -> Any:
    """Check one parameter value (from JSON or a text field) and return it in its proper type."""

    def fail(message: str, **values: Any) -> SpecError:
        # `message` is a translated sentence with {where}, {param} and {value} (and any `values`).
        return SpecError(message.format(where=where, param=info.name, value=repr(value), **values), index, info.name)

    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if info.optional:
            return None
        raise fail(tr("{where}: {param} needs a value (got {value})."))
    if info.kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "1", "0"):
            return value.lower() in ("true", "yes", "1")
        raise fail(tr("{where}: {param} must be true or false (got {value})."))
    if info.kind == "padding" and isinstance(value, str) and value.lower() in PADDING_WORDS:
        return value.lower()
    if info.kind in ("int", "padding"):
        number = _to_number(value)
        if number is None or not float(number).is_integer():
            if info.kind == "padding":
                raise fail(tr("{where}: {param} must be a whole number or 'valid'/'same' (got {value})."))
            raise fail(tr("{where}: {param} must be a whole number (got {value})."))
        number = int(number)
    else:  # float
        number = _to_number(value)
        if number is None or not math.isfinite(number):
            raise fail(tr("{where}: {param} must be a number (got {value})."))
        number = float(number)
    if info.minimum is not None and number < info.minimum:
        raise fail(tr("{where}: {param} must be at least {limit} (got {value})."), limit=_fmt(info.minimum))
    if info.maximum is not None and number > info.maximum:
        raise fail(tr("{where}: {param} must be at most {limit} (got {value})."), limit=_fmt(info.maximum))
    return number


def _to_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return float(value) if any(c in value for c in ".eE") else int(value)
        except ValueError:
            return None
    return None


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)

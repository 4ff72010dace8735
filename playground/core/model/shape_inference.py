"""Shape inference: walks a spec and says, per layer, what comes out and what it costs.

For every layer: input and output shape (without the batch dimension), parameter count and the
shapes of W^[i] and b^[i] in the course notes' notation. When a layer cannot accept what it
receives, the report carries a plain-language message naming the layer and the fix, and — where
the fix is obvious — a `Fix` the editor can apply with one click.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from playground.core.i18n import tr
from playground.core.model.layers import LAYER_TYPES
from playground.core.model.spec import LayerSpec, ModelSpec

Shape = tuple[int, ...]

BYTES_PER_FLOAT = 4
# Refuse networks whose weights alone would not fit a classroom laptop; the estimate is shown.
MAX_PARAMETERS = 250_000_000
WEIGHT_LAYERS = ("Linear", "Conv2d", "LSTM", "GRU")


@dataclass(frozen=True)
class Fix:
    """A one-click repair: insert `layer` at `index`, or remove the layer at `index`."""

    description: str
    action: str  # "insert" | "remove" | "set"
    index: int
    layer: LayerSpec | None = None
    param: str | None = None
    value: object = None


@dataclass
class LayerInfo:
    index: int
    layer: LayerSpec
    name: str  # module name in the built network, e.g. fc1
    input_shape: Shape | None
    output_shape: Shape | None = None
    parameters: int = 0
    # Named parameter tensors and their shapes, e.g. {"W^[1]": (128, 784), "b^[1]": (128,)}.
    weight_shapes: dict[str, Shape] = field(default_factory=dict)
    notation_index: int | None = None  # i in W^[i], for layers with weights
    error: str | None = None
    fix: Fix | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and self.output_shape is not None


@dataclass
class ShapeReport:
    spec: ModelSpec
    layers: list[LayerInfo]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def output_shape(self) -> Shape | None:
        if not self.ok:
            return None
        return self.layers[-1].output_shape if self.layers else self.spec.input_shape

    @property
    def total_parameters(self) -> int:
        return sum(info.parameters for info in self.layers)

    @property
    def parameter_bytes(self) -> int:
        return self.total_parameters * BYTES_PER_FLOAT

    @property
    def activation_floats_per_sample(self) -> int:
        return sum(math.prod(info.output_shape) for info in self.layers if info.output_shape)

    def training_bytes(self, batch_size: int, optimizer: str = "adam") -> int:
        """Rough memory to train: weights, gradients and optimizer state, plus per example what autograd
        keeps for the backward pass — the input, every layer's output and the largest one once more
        (the gradient passed back), and inside LSTM/GRU layers the gate values of every step.

        Against the growth of peak resident memory while training on the CPU (2,048 MNIST digits,
        batch 256 to 4,096): cnn grows ~0.16 MB per example and this says 0.23 MB; rnn-rows grows
        ~0.24 MB and this says 0.23 MB (counting outputs twice, as before, said 0.35 and 0.001)."""
        states = {"sgd": 0, "momentum": 1, "adam": 2, "adamw": 2, "rmsprop": 1}.get(optimizer, 2)
        weights = self.parameter_bytes * (2 + states)
        outputs = [math.prod(info.output_shape) for info in self.layers if info.output_shape]
        floats = math.prod(self.spec.input_shape) + sum(outputs) + max(outputs, default=0)
        for info in self.layers:
            if info.layer.type in ("LSTM", "GRU") and info.output_shape and info.input_shape:
                steps = info.input_shape[1] if len(info.input_shape) == 3 else info.input_shape[0]
                gates = 4 if info.layer.type == "LSTM" else 3
                # Per step and stacked layer: the gates before and after their activations, the
                # input and hidden projections, and the cell and hidden states (measured, see above).
                floats += steps * info.layer.get("num_layers") * info.layer.get("hidden_size") * (3 * gates + 4)
        return weights + floats * BYTES_PER_FLOAT * batch_size

    @property
    def first_error(self) -> LayerInfo | None:
        for info in self.layers:
            if info.error:
                return info
        return None


def format_shape(shape: Shape | None) -> str:
    if shape is None:
        return "?"
    return "×".join(str(d) for d in shape)


def format_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024 or unit == "TB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def module_names(spec: ModelSpec) -> list[str]:
    """Module names for the built network: explicit names, else fc1, fc2, conv1, relu1, ..."""
    counters: dict[str, int] = {}
    taken = {layer.name for layer in spec.layers if layer.name}
    names = []
    for layer in spec.layers:
        if layer.name:
            names.append(layer.name)
            continue
        prefix = LAYER_TYPES[layer.type].short_name
        while True:
            counters[prefix] = counters.get(prefix, 0) + 1
            candidate = f"{prefix}{counters[prefix]}"
            if candidate not in taken:
                break
        taken.add(candidate)
        names.append(candidate)
    return names


def infer_shapes(spec: ModelSpec) -> ShapeReport:
    """Check every layer of `spec` in order. Never raises for a bad network: errors are in the report."""
    names = module_names(spec)
    infos: list[LayerInfo] = []
    report = ShapeReport(spec, infos)
    seen_names: set[str] = set()
    shape: Shape | None = tuple(spec.input_shape)
    notation = 0
    for index, layer in enumerate(spec.layers):
        info = LayerInfo(index, layer, names[index], shape)
        infos.append(info)
        if names[index] in seen_names:
            info.error = tr("Layer {number} ({type}): the name '{name}' is used twice; names must be unique.").format(
                number=index + 1, type=layer.type, name=names[index])
        seen_names.add(names[index])
        if shape is None:
            continue  # an earlier layer failed; nothing to check against
        if info.error is None:
            if layer.type in WEIGHT_LAYERS:
                notation += 1
                info.notation_index = notation
            _infer_layer(info, shape, spec.layers, index)
        if info.error is None and info.parameters > MAX_PARAMETERS:
            info.error = _too_large_message(info)
        if info.error:
            report.errors.append(info.error)
            shape = None
        else:
            shape = info.output_shape
        report.warnings.extend(info.warnings)
    if not spec.layers:
        report.errors.append(tr("The network has no layers: add at least one Linear layer."))
    total = report.total_parameters
    if report.ok and total > MAX_PARAMETERS:
        report.errors.append(
            tr("The network has {total:,} parameters (~{size} of weights); "
               "the limit is {limit:,}. Make some layers smaller.").format(
                total=total, size=format_bytes(total * BYTES_PER_FLOAT), limit=MAX_PARAMETERS)
        )
    _network_warnings(report)
    return report


def _too_large_message(info: LayerInfo) -> str:
    n = info.parameters
    return tr(
        "{where} would have {count:,} parameters "
        "(~{weights} of weights, ~{training} to train "
        "with Adam), more than the {limit:,} this app allows: make it smaller, or shrink its input "
        "with pooling or a stride first."
    ).format(where=_where(info), count=n, weights=format_bytes(n * BYTES_PER_FLOAT),
             training=format_bytes(n * BYTES_PER_FLOAT * 4), limit=MAX_PARAMETERS)


def _where(info: LayerInfo) -> str:
    return tr("Layer {number} ({layer})").format(number=info.index + 1, layer=info.layer.describe())


def _infer_layer(info: LayerInfo, shape: Shape, layers: list[LayerSpec], index: int) -> None:
    layer = info.layer
    t = layer.type
    i = info.notation_index
    if t == "Linear":
        if len(shape) != 1:
            info.error = tr("{where} expects a flat vector but receives {shape}: add Flatten before it.").format(
                where=_where(info), shape=format_shape(shape))
            info.fix = Fix(tr("Insert Flatten before this layer"), "insert", index, LayerSpec("Flatten"))
            return
        n_in, n_out = shape[0], layer.get("out_features")
        info.output_shape = (n_out,)
        info.weight_shapes[f"W^[{i}]"] = (n_out, n_in)
        info.parameters = n_out * n_in
        if layer.get("bias"):
            info.weight_shapes[f"b^[{i}]"] = (n_out,)
            info.parameters += n_out
    elif t == "Conv2d":
        if len(shape) != 3:
            info.error = _needs_image(info, shape)
            return
        c, h, w = shape
        k, s, pad = layer.get("kernel_size"), layer.get("stride"), layer.get("padding")
        if pad == "same":
            if s != 1:
                info.error = tr("{where}: padding 'same' only works with stride 1 in PyTorch; set stride to 1 or "
                                "give padding as a number.").format(where=_where(info))
                info.fix = Fix(tr("Set stride to 1"), "set", index, param="stride", value=1)
                return
            oh, ow = h, w
        else:
            p = 0 if pad == "valid" else int(pad)
            oh, ow = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
            if oh < 1 or ow < 1:
                info.error = tr(
                    "{where}: the {kernel}×{kernel} kernel does not fit the {height}×{width} input with padding "
                    "{padding}; use a smaller kernel_size or more padding."
                ).format(where=_where(info), kernel=k, height=h, width=w, padding=p)
                return
            if p >= k:
                info.warnings.append(tr("{where}: padding {padding} is as large as the kernel; most outputs see "
                                        "only zeros.").format(where=_where(info), padding=p))
        out_c = layer.get("out_channels")
        info.output_shape = (out_c, oh, ow)
        info.weight_shapes[f"W^[{i}]"] = (out_c, c, k, k)
        info.parameters = out_c * c * k * k
        if layer.get("bias"):
            info.weight_shapes[f"b^[{i}]"] = (out_c,)
            info.parameters += out_c
    elif t in ("MaxPool2d", "AvgPool2d"):
        if len(shape) != 3:
            info.error = _needs_image(info, shape)
            return
        c, h, w = shape
        k = layer.get("kernel_size")
        s = layer.get("stride") or k
        if k > h or k > w:
            info.error = tr("{where}: the {kernel}×{kernel} window is larger than the {height}×{width} maps it "
                            "receives; use a smaller kernel_size or remove this pooling layer.").format(
                where=_where(info), kernel=k, height=h, width=w)
            return
        info.output_shape = (c, (h - k) // s + 1, (w - k) // s + 1)
    elif t == "Flatten":
        info.output_shape = (math.prod(shape),)
        if len(shape) == 1:
            info.warnings.append(tr("{where}: the input is already flat; this Flatten does nothing.").format(
                where=_where(info)))
    elif t == "BatchNorm1d":
        if len(shape) != 1:
            info.error = tr("{where} normalises flat vectors but receives {shape}: use BatchNorm2d for images, "
                            "or add Flatten before it.").format(where=_where(info), shape=format_shape(shape))
            info.fix = (Fix(tr("Use BatchNorm2d instead"), "set", index, param="type", value="BatchNorm2d")
                        if len(shape) == 3 else None)
            return
        info.output_shape = shape
        info.weight_shapes = {"γ": shape, "β": shape}
        info.parameters = 2 * shape[0]
    elif t == "BatchNorm2d":
        if len(shape) != 3:
            info.error = tr("{where} normalises images (channels×height×width) but receives {shape}: use "
                            "BatchNorm1d for flat vectors.").format(where=_where(info), shape=format_shape(shape))
            info.fix = (Fix(tr("Use BatchNorm1d instead"), "set", index, param="type", value="BatchNorm1d")
                        if len(shape) == 1 else None)
            return
        info.output_shape = shape
        info.weight_shapes = {"γ": (shape[0],), "β": (shape[0],)}
        info.parameters = 2 * shape[0]
    elif t in ("LSTM", "GRU"):
        if len(shape) == 3:
            steps, features = shape[1], shape[0] * shape[2]  # one step per image row
        elif len(shape) == 2:
            steps, features = shape
        else:
            info.error = tr(
                "{where} reads a sequence (an image row by row) but receives a flat vector of {size}: "
                "remove the Flatten before it, or put the {type} first."
            ).format(where=_where(info), size=shape[0], type=t)
            return
        hidden, num_layers = layer.get("hidden_size"), layer.get("num_layers")
        gates = 4 if t == "LSTM" else 3
        total = 0
        for n in range(num_layers):
            n_in = features if n == 0 else hidden
            suffix = f"{i}" if num_layers == 1 else f"{i},{n + 1}"
            info.weight_shapes[f"W_ih^[{suffix}]"] = (gates * hidden, n_in)
            info.weight_shapes[f"W_hh^[{suffix}]"] = (gates * hidden, hidden)
            info.weight_shapes[f"b_ih^[{suffix}]"] = (gates * hidden,)
            info.weight_shapes[f"b_hh^[{suffix}]"] = (gates * hidden,)
            total += gates * hidden * (n_in + hidden) + 2 * gates * hidden
        info.parameters = total
        info.output_shape = (steps, hidden) if layer.get("return_sequence") else (hidden,)
    elif t == "Softmax":
        info.output_shape = shape
        if len(shape) != 1:
            info.warnings.append(tr("{where}: softmax over {shape} runs along the last axis only.").format(
                where=_where(info), shape=format_shape(shape)))
    else:  # element-wise: activations, Dropout
        info.output_shape = shape


def _needs_image(info: LayerInfo, shape: Shape) -> str:
    if len(shape) == 1:
        return tr(
            "{where} expects an image (channels×height×width) but receives a flat vector of {size}: "
            "remove the Flatten or Linear before it, or put the {type} layers first."
        ).format(where=_where(info), size=shape[0], type=info.layer.type)
    return tr("{where} expects an image (channels×height×width) but receives {shape}.").format(
        where=_where(info), shape=format_shape(shape))


def _network_warnings(report: ShapeReport) -> None:
    layers = report.spec.layers
    weight_layers = [layer for layer in layers if layer.type in WEIGHT_LAYERS]
    nonlinear = [layer for layer in layers
                 if layer.type in ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "LSTM", "GRU", "MaxPool2d")]
    if len(weight_layers) > 1 and not nonlinear:
        report.warnings.append(tr(
            "No activation between the weight layers: stacked linear layers collapse into one linear map, "
            "so this network can only learn what a single Linear layer can."
        ))
    if layers and layers[-1].type in ("ReLU", "Sigmoid", "Tanh", "GELU", "LeakyReLU") and len(weight_layers) > 0:
        report.warnings.append(
            tr("The last layer is {type}: for multi-class outputs end with Linear; the loss applies softmax "
               "itself.").format(type=layers[-1].type)
        )


def check_output_for_classes(report: ShapeReport, num_classes: int) -> str | None:
    """A message when the network's output does not fit a `num_classes`-way classifier, else None."""
    out = report.output_shape
    if out is None:
        return None
    if len(out) != 1:
        return tr(
            "The network ends with {shape} values per image but a classifier needs a flat vector of "
            "{classes} scores: add Flatten and Linear({classes}) at the end."
        ).format(shape=format_shape(out), classes=num_classes)
    if out[0] != num_classes:
        last = next((layer for layer in reversed(report.spec.layers) if layer.type == "Linear"), None)
        if last:
            text = tr("The network outputs {outputs} values per image but the data has {classes} classes: "
                      "set the last Linear's out_features to {classes}.")
        else:
            text = tr("The network outputs {outputs} values per image but the data has {classes} classes: "
                      "add Linear({classes}) at the end.")
        return text.format(outputs=out[0], classes=num_classes)
    return None


def softmax_before_cross_entropy(spec: ModelSpec) -> bool:
    """True when the network ends in Softmax — CrossEntropyLoss then applies softmax a second time."""
    return bool(spec.layers) and spec.layers[-1].type == "Softmax"

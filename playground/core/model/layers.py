"""The catalogue of layer types: their parameters, defaults, limits and one-line explanations.

Everything that describes a layer *type* lives here, so the spec validator, the editor palette,
the builder and the code exporter all read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playground.core.i18n import N_

# Padding may be a whole number or one of PyTorch's two strings.
PADDING_WORDS = ("valid", "same")


@dataclass(frozen=True)
class ParamInfo:
    """One parameter of a layer type."""

    name: str
    kind: str  # "int", "float", "bool", "padding"
    default: Any
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""  # marked with N_: show it as tr(help)
    optional: bool = False  # None allowed (e.g. pool stride = kernel size)


@dataclass(frozen=True)
class LayerType:
    name: str
    category: str  # "dense", "conv", "pool", "shape", "regularise", "normalise", "activation", "recurrent"
    summary: str  # marked with N_: show it as tr(summary)
    params: tuple[ParamInfo, ...] = field(default_factory=tuple)
    short_name: str = "layer"  # prefix for module names: fc1, conv1, ...

    def param(self, name: str) -> ParamInfo | None:
        for p in self.params:
            if p.name == name:
                return p
        return None

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}


_BIAS = ParamInfo("bias", "bool", True, help=N_("add a learnable bias b to every output"))
_RECURRENT_PARAMS = (
    ParamInfo("hidden_size", "int", 64, 1, 4096, N_("units in the hidden state h_t")),
    ParamInfo("num_layers", "int", 1, 1, 8, N_("stacked recurrent layers")),
    ParamInfo("return_sequence", "bool", False, help=N_("output h_t for every step, not only the last")),
)

LAYER_TYPES: dict[str, LayerType] = {
    t.name: t
    for t in (
        LayerType(
            "Linear",
            "dense",
            N_("Fully connected: z = W·a + b, every input joined to every output."),
            (
                ParamInfo("out_features", "int", 10, 1, 1_000_000, N_("number of output units n^[i]")),
                _BIAS,
            ),
            "fc",
        ),
        LayerType(
            "Conv2d",
            "conv",
            N_("Slides small learnable kernels over the image; each kernel makes one feature map."),
            (
                ParamInfo("out_channels", "int", 8, 1, 4096, N_("number of kernels = output feature maps")),
                ParamInfo("kernel_size", "int", 3, 1, 64, N_("kernel height and width")),
                ParamInfo("stride", "int", 1, 1, 64, N_("step between kernel positions")),
                ParamInfo(
                    "padding", "padding", 0, 0, 64,
                    N_("zeros added around the border: a number, 'valid' (0) or 'same' (keep size, stride 1)"),
                ),
                _BIAS,
            ),
            "conv",
        ),
        LayerType(
            "MaxPool2d",
            "pool",
            N_("Keeps the largest value of each window: shrinks the maps, keeps strong features."),
            (
                ParamInfo("kernel_size", "int", 2, 1, 64, N_("window height and width")),
                ParamInfo("stride", "int", None, 1, 64, N_("step between windows (empty = kernel size)"),
                          optional=True),
            ),
            "pool",
        ),
        LayerType(
            "AvgPool2d",
            "pool",
            N_("Averages each window: shrinks the maps smoothly."),
            (
                ParamInfo("kernel_size", "int", 2, 1, 64, N_("window height and width")),
                ParamInfo("stride", "int", None, 1, 64, N_("step between windows (empty = kernel size)"),
                          optional=True),
            ),
            "pool",
        ),
        LayerType("Flatten", "shape", N_("Unrolls channels×height×width into one flat vector."), (), "flatten"),
        LayerType(
            "Dropout",
            "regularise",
            N_("While training, zeroes a random fraction p of values; fights over-fitting."),
            (ParamInfo("p", "float", 0.5, 0.0, 0.99, N_("fraction of values dropped while training")),),
            "drop",
        ),
        LayerType(
            "BatchNorm1d",
            "normalise",
            N_("Normalises each unit over the batch, then scales and shifts it (flat inputs)."),
            (),
            "bn",
        ),
        LayerType(
            "BatchNorm2d",
            "normalise",
            N_("Normalises each channel over the batch, then scales and shifts it (images)."),
            (),
            "bn",
        ),
        LayerType("ReLU", "activation", N_("max(0, z): the default for hidden layers."), (), "relu"),
        LayerType(
            "LeakyReLU",
            "activation",
            N_("z if z > 0 else slope·z: like ReLU but units never die completely."),
            (ParamInfo("negative_slope", "float", 0.01, 0.0, 1.0, N_("slope for negative inputs")),),
            "lrelu",
        ),
        LayerType("Sigmoid", "activation", N_("1/(1+e^-z) in (0, 1): binary and multi-label outputs."), (), "sigmoid"),
        LayerType("Tanh", "activation", N_("tanh(z) in (-1, 1): zero-centred, saturates at the ends."), (), "tanh"),
        LayerType("GELU", "activation", N_("Smooth ReLU used by Transformers."), (), "gelu"),
        LayerType(
            "Softmax",
            "activation",
            N_("Turns scores into probabilities that sum to 1 (multi-class output)."),
            (),
            "softmax",
        ),
        LayerType("Identity", "activation", N_("Linear activation g(z) = z: output as is (regression)."), (),
                  "identity"),
        LayerType(
            "LSTM",
            "recurrent",
            N_("Reads the image row by row as a sequence of 28 steps and remembers what it saw."),
            _RECURRENT_PARAMS,
            "lstm",
        ),
        LayerType(
            "GRU",
            "recurrent",
            N_("Like LSTM with fewer gates: reads the image row by row."),
            _RECURRENT_PARAMS,
            "gru",
        ),
    )
}

ACTIVATIONS = tuple(n for n, t in LAYER_TYPES.items() if t.category == "activation")


def layer_type(name: str) -> LayerType | None:
    """Look a layer type up by name, forgiving case ("linear" finds Linear)."""
    if name in LAYER_TYPES:
        return LAYER_TYPES[name]
    lowered = name.lower()
    for key, value in LAYER_TYPES.items():
        if key.lower() == lowered:
            return value
    return None

"""Convolution and pooling step by step, for the learner's own network: where each window sits, the
k×k products and their sum for every output cell, the value each pooling window keeps, the output size
⌊(n + 2p − k) / s⌋ + 1 with the numbers filled in, and what sharing one kernel saves against a dense layer.

Every value is recomputed in plain numpy (float64) and compared with the layer's PyTorch output; the
largest difference is kept, as in the dense step-through (`inspection.dense_forward_steps`). Records are
plain numbers and numpy arrays; a cell or a window is made when asked for (`cell`, `window`), so a large
layer never holds one array per output cell. torch is imported only inside the functions that run the
network.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.core.explain.matrix_ops import cell_order
from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES, PADDING_WORDS
from playground.core.model.shape_inference import LayerInfo, Shape, ShapeReport

if TYPE_CHECKING:
    from torch import nn

MAX_SANDBOX_INPUT = 256  # the sandbox's largest input side: its window list stays small enough to draw


def _limit(param: str) -> int:
    """The catalogue's largest value of a Conv2d parameter (the sandbox allows what a layer allows)."""
    info = LAYER_TYPES["Conv2d"].param(param)
    assert info is not None and info.maximum is not None  # the catalogue gives every Conv2d number a maximum
    return int(info.maximum)


# ----- where the windows go ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class WindowGeometry:
    """One axis of a sliding window: an input of n cells, padded, and a k-cell window moved s at a time."""

    size: int  # n: input cells along this axis, before padding
    kernel: int  # k
    stride: int  # s
    padding: int | str  # as chosen: a number, 'valid' or 'same'
    pad_before: int  # zeros added at the top (left); 'same' with an even k puts the extra zero after
    pad_after: int  # zeros added at the bottom (right)
    output_size: int  # ⌊(n + 2p − k) / s⌋ + 1
    starts: tuple[int, ...]  # each window's first cell, counted in the padded input

    @property
    def padded_size(self) -> int:
        return self.size + self.pad_before + self.pad_after

    @property
    def formula(self) -> str:
        """The output size worked out: `⌊(n + 2p − k) / s⌋ + 1 = ⌊(28 + 2·2 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28`
        (with p₁ + p₂ in place of 2p when 'same' pads one side more)."""
        n, k, s = self.size, self.kernel, self.stride
        inner = n + self.pad_before + self.pad_after - k
        if self.pad_before == self.pad_after:
            general, numbers = "⌊(n + 2p − k) / s⌋ + 1", f"⌊({n} + 2·{self.pad_before} − {k}) / {s}⌋ + 1"
        else:
            general = "⌊(n + p₁ + p₂ − k) / s⌋ + 1"
            numbers = f"⌊({n} + {self.pad_before} + {self.pad_after} − {k}) / {s}⌋ + 1"
        return f"{general} = {numbers} = ⌊{inner} / {s}⌋ + 1 = {self.output_size}"

    def windows(self) -> list[tuple[int, int]]:
        """Every window's top-left cell (row, column) in the padded input of a square n×n image, row by row."""
        return [(self.starts[i], self.starts[j]) for i, j in cell_order(self.output_size, self.output_size)]


def window_geometry(size: int, kernel: int, stride: int = 1, padding: int | str = 0) -> WindowGeometry:
    """Where a k-wide window goes along one axis of n cells with stride s and padding ('valid', 'same' or a
    number, as a Conv2d layer takes it), and the output size ⌊(n + 2p − k) / s⌋ + 1.

    The sandbox's entry point. Raises ValueError with one line in words when the numbers cannot make a
    layer: a value out of range, 'same' with a stride other than 1 (PyTorch refuses it), a kernel larger
    than the padded input."""
    _check_whole(size, N_("The input size"), 1, MAX_SANDBOX_INPUT)
    _check_whole(kernel, N_("The kernel size"), 1, _limit("kernel_size"))
    _check_whole(stride, N_("The stride"), 1, _limit("stride"))
    if padding == "same" and stride != 1:
        raise ValueError(tr("Padding 'same' only works with stride 1 in PyTorch: set the stride to 1 or give "
                            "the padding as a number."))
    if isinstance(padding, str) and padding not in PADDING_WORDS:
        raise ValueError(tr("The padding must be {words} or a whole number, not '{value}'.").format(
            words=" / ".join(f"'{w}'" for w in PADDING_WORDS), value=padding[:20]))
    if not isinstance(padding, str):
        _check_whole(padding, N_("The padding"), 0, _limit("padding"))
    geometry = _geometry(size, kernel, stride, padding)
    if geometry.padded_size < kernel:
        raise ValueError(tr("The {kernel}×{kernel} kernel does not fit the {size}×{size} input with padding "
                            "{padding}: use a smaller kernel or more padding.").format(
            kernel=kernel, size=size, padding=padding))
    return geometry


def _geometry(size: int, kernel: int, stride: int, padding: int | str) -> WindowGeometry:
    """The geometry without checks (a built layer's numbers are valid; an imported photo may be larger than
    the sandbox allows)."""
    if padding == "same":  # PyTorch pads k − 1 zeros in all, the odd one after (bottom, right)
        before, after = (kernel - 1) // 2, kernel - 1 - (kernel - 1) // 2
    else:
        before = after = 0 if padding == "valid" else int(padding)
    out = max((size + before + after - kernel) // stride + 1, 0)
    return WindowGeometry(size, kernel, stride, padding, before, after, out, tuple(range(0, out * stride, stride)))


def _check_whole(value: object, what: str, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        raise ValueError(tr("{what} must be a whole number from {low} to {high}, not {value}.").format(
            what=tr(what), low=low, high=high, value=str(value)[:20]))


# ----- convolution, one output channel ----------------------------------------------------------------------

@dataclass
class ConvCell:
    """One output cell z[o, r, c] = Σ_channels Σ_k×k (window · kernel) + b[o]."""

    row: int
    col: int
    top: int  # the window's first row in the padded input
    left: int  # its first column
    window: np.ndarray  # C_in × k × k: the padded input under the kernel
    products: np.ndarray  # C_in × k × k: window · kernel, entry by entry
    channel_sums: np.ndarray  # C_in: Σ of the products of each input channel
    bias: float
    value: float  # Σ channel_sums + bias, added up here from the products
    torch_value: float  # the layer's PyTorch output at this cell


@dataclass
class ConvSteps:
    """One output channel o of a convolution: the padded input, the kernel W^[i][o], the whole output map
    (numpy and PyTorch) and, on demand, each cell as it is made."""

    layer: str  # module name, e.g. conv1
    channel: int  # o, counted from 0
    input: np.ndarray  # a^[i-1]: C_in × H × W (the normalised digit for the first layer)
    padded: np.ndarray  # C_in × (H + pads) × (W + pads)
    kernel: np.ndarray  # W^[i][o]: C_in × k × k
    bias: float  # b^[i][o] (0 without bias)
    rows: WindowGeometry
    cols: WindowGeometry
    output: np.ndarray  # z^[i][o] in numpy: H_out × W_out
    torch_output: np.ndarray  # the same from PyTorch
    max_difference: float  # largest |numpy − PyTorch| over the map

    def cell(self, row: int, col: int) -> ConvCell:
        """Output cell (row, col): its window, the k×k products per input channel and their sums."""
        if not (0 <= row < self.rows.output_size and 0 <= col < self.cols.output_size):
            raise IndexError(f"cell ({row}, {col}) is outside the {self.output.shape} output")
        top, left, k = self.rows.starts[row], self.cols.starts[col], self.rows.kernel
        window = self.padded[:, top:top + k, left:left + k]
        products = window * self.kernel
        sums = products.sum(axis=(1, 2))
        return ConvCell(row, col, top, left, window.copy(), products, sums, self.bias,
                        float(sums.sum() + self.bias), float(self.torch_output[row, col]))

    def cells(self) -> Iterator[ConvCell]:
        """Every output cell in the order the window slides: row by row."""
        for row, col in cell_order(self.rows.output_size, self.cols.output_size):
            yield self.cell(row, col)


def convolve_channel(x: np.ndarray, kernel: np.ndarray, bias: float, stride: int, padding: int | str,
                     torch_output: np.ndarray, layer: str = "conv", channel: int = 0) -> ConvSteps:
    """One output channel of a convolution in numpy: x is C_in × H × W, kernel C_in × k × k; `torch_output`
    (H_out × W_out) is what PyTorch made for it, to compare with."""
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    k = kernel.shape[-1]
    rows, cols = _geometry(x.shape[1], k, stride, padding), _geometry(x.shape[2], k, stride, padding)
    padded = np.pad(x, ((0, 0), (rows.pad_before, rows.pad_after), (cols.pad_before, cols.pad_after)))
    out = np.full((rows.output_size, cols.output_size), float(bias))
    # shift and add: one kernel entry at a time over every window, so memory stays the size of the input
    for i in range(k):
        for j in range(k):
            under = padded[:, i:i + stride * rows.output_size:stride, j:j + stride * cols.output_size:stride]
            out += np.tensordot(kernel[:, i, j], under, axes=(0, 0))
    reference = np.asarray(torch_output, dtype=np.float64)
    diff = float(np.max(np.abs(out - reference))) if out.size else 0.0
    return ConvSteps(layer, channel, x, padded, kernel, float(bias), rows, cols, out, reference, diff)


def conv_steps(model: nn.Sequential, report: ShapeReport, image28: np.ndarray, layer: str, channel: int,
               mean: float = 0.5, std: float = 0.5,
               lock: AbstractContextManager[object] | None = None) -> ConvSteps:
    """Output channel `channel` of the Conv2d layer named `layer`, for one digit (H×W floats in [0, 1],
    normalised with mean and std as in training): its input (the digit or the previous layer's maps),
    the kernel and bias, and every output cell, checked against the layer's PyTorch output.

    Raises ValueError with one line in words when `layer` is not a convolution or has no such channel."""
    info, x, y = _layer_io(model, report, image28, layer, ("Conv2d",), mean, std, lock)
    _check_channel(info, channel, y.shape[0])
    from torch import nn

    module = dict(model.named_children())[layer]
    assert isinstance(module, nn.Conv2d)  # the report and the model it built agree
    with lock if lock is not None else nullcontext():
        weight = module.weight.detach()[channel].double().cpu().numpy()
        bias = 0.0 if module.bias is None else float(module.bias.detach()[channel])
    g = info.layer.get
    return convolve_channel(x, weight, bias, g("stride"), g("padding"), y[channel], layer, channel)


# ----- pooling ----------------------------------------------------------------------------------------------

@dataclass
class PoolWindow:
    """One pooling window and the value it keeps."""

    row: int  # the output cell
    col: int
    top: int  # the window's first row in the input map
    left: int
    values: np.ndarray  # k × k
    value: float  # max or mean of `values`
    kept: tuple[int, int] | None  # max pooling: (row, col) in the input map of the value kept (the first
    # largest, as PyTorch takes it); None for average pooling
    torch_value: float


@dataclass
class PoolSteps:
    """One channel of a max or average pooling layer: its input map, the windows and the output."""

    layer: str
    kind: str  # "max" or "average"
    channel: int
    input: np.ndarray  # H × W
    rows: WindowGeometry
    cols: WindowGeometry
    output: np.ndarray  # H_out × W_out in numpy
    torch_output: np.ndarray
    max_difference: float

    def window(self, row: int, col: int) -> PoolWindow:
        """Output cell (row, col): its window and what pooling keeps of it."""
        if not (0 <= row < self.rows.output_size and 0 <= col < self.cols.output_size):
            raise IndexError(f"cell ({row}, {col}) is outside the {self.output.shape} output")
        top, left, k = self.rows.starts[row], self.cols.starts[col], self.rows.kernel
        values = self.input[top:top + k, left:left + k].copy()
        if self.kind == "max":
            r, c = np.unravel_index(int(np.argmax(values)), values.shape)  # the first largest, row by row
            kept: tuple[int, int] | None = (top + int(r), left + int(c))
            value = float(values.max())
        else:
            kept, value = None, float(values.mean())
        return PoolWindow(row, col, top, left, values, value, kept, float(self.torch_output[row, col]))

    def windows(self) -> Iterator[PoolWindow]:
        """Every window, row by row."""
        for row, col in cell_order(self.rows.output_size, self.cols.output_size):
            yield self.window(row, col)


def pool_channel(x: np.ndarray, kernel: int, stride: int | None, kind: str, torch_output: np.ndarray,
                 layer: str = "pool", channel: int = 0) -> PoolSteps:
    """Max or average pooling ("max", "average") of one H×W map in numpy, without padding, stride defaulting
    to the window size as in PyTorch; `torch_output` is PyTorch's result for the same map."""
    x = np.asarray(x, dtype=np.float64)
    s = stride or kernel
    rows, cols = _geometry(x.shape[0], kernel, s, 0), _geometry(x.shape[1], kernel, s, 0)
    parts = [x[i:i + s * rows.output_size:s, j:j + s * cols.output_size:s]
             for i in range(kernel) for j in range(kernel)]
    out = np.max(parts, axis=0) if kind == "max" else np.mean(parts, axis=0)
    reference = np.asarray(torch_output, dtype=np.float64)
    diff = float(np.max(np.abs(out - reference))) if out.size else 0.0
    return PoolSteps(layer, kind, channel, x, rows, cols, out, reference, diff)


def pool_steps(model: nn.Sequential, report: ShapeReport, image28: np.ndarray, layer: str, channel: int,
               mean: float = 0.5, std: float = 0.5,
               lock: AbstractContextManager[object] | None = None) -> PoolSteps:
    """Channel `channel` of the MaxPool2d or AvgPool2d layer named `layer` for one digit: every window and
    the value it keeps, checked against the layer's PyTorch output."""
    info, x, y = _layer_io(model, report, image28, layer, ("MaxPool2d", "AvgPool2d"), mean, std, lock)
    _check_channel(info, channel, y.shape[0])
    kind = "max" if info.layer.type == "MaxPool2d" else "average"
    return pool_channel(x[channel], info.layer.get("kernel_size"), info.layer.get("stride"), kind, y[channel],
                        layer, channel)


def _layer_io(model: nn.Sequential, report: ShapeReport, image28: np.ndarray, layer: str, types: tuple[str, ...],
              mean: float, std: float, lock: AbstractContextManager[object] | None,
              ) -> tuple[LayerInfo, np.ndarray, np.ndarray]:
    """The layer named `layer` (one of `types`), its input a^[i-1] and its PyTorch output, as float64."""
    from playground.core.explain.inspection import layer_activations, normalised_batch

    pos = next((p for p, info in enumerate(report.layers) if info.name == layer), None)
    if pos is None or report.layers[pos].layer.type not in types:
        raise ValueError(tr("{name} is not a {types} layer of this network.").format(
            name=layer, types=" / ".join(types)))
    acts = layer_activations(model, image28, mean, std, lock)
    x = acts[pos - 1].values if pos > 0 else normalised_batch(image28[None], mean, std)[0].numpy()
    return report.layers[pos], x.astype(np.float64), acts[pos].values.astype(np.float64)


def _check_channel(info: LayerInfo, channel: int, count: int) -> None:
    if not 0 <= channel < count:
        raise ValueError(tr("{name} has {count} channels, numbered 0 to {last}; there is no channel {channel}.")
                         .format(name=info.name, count=count, last=count - 1, channel=channel))


# ----- parameter sharing ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParameterSharing:
    """A convolution's weights against a dense layer joining the same inputs to the same outputs."""

    layer: str
    input_shape: Shape  # C_in × H × W
    output_shape: Shape  # C_out × H_out × W_out
    conv_weights: int  # C_out · C_in · k · k: one kernel per output channel, shared by every position
    conv_biases: int  # C_out
    dense_weights: int  # (C_in·H·W) · (C_out·H_out·W_out): one weight per input-output pair
    dense_biases: int  # one per output value

    @property
    def conv_total(self) -> int:
        return self.conv_weights + self.conv_biases

    @property
    def dense_total(self) -> int:
        return self.dense_weights + self.dense_biases

    @property
    def ratio(self) -> float:
        """How many times more parameters the dense layer needs."""
        return self.dense_total / self.conv_total

    def summary(self) -> str:
        """One sentence in words, in the current language."""
        return tr("{name} has {conv:,} parameters: its kernels are shared by every position. A Linear layer "
                  "from the same {inputs:,} inputs to the same {outputs:,} outputs would need {dense:,}, "
                  "{ratio:,.0f} times as many.").format(
            name=self.layer, conv=self.conv_total, inputs=math.prod(self.input_shape),
            outputs=math.prod(self.output_shape), dense=self.dense_total, ratio=self.ratio)


def parameter_sharing(info: LayerInfo) -> ParameterSharing:
    """What parameter sharing saves in the Conv2d layer `info` (from the network's shape report): its weights
    and biases against a Linear layer with the same input and output sizes (and bias or not, the same).
    For conv1 of the `cnn` preset: 416 against 9,847,040."""
    if info.layer.type != "Conv2d" or not info.ok or info.input_shape is None or info.output_shape is None:
        raise ValueError(tr("{name} is not a convolution layer with known shapes.").format(name=info.name))
    c_in, c_out, k = info.input_shape[0], info.output_shape[0], info.layer.get("kernel_size")
    n_in, n_out = math.prod(info.input_shape), math.prod(info.output_shape)
    bias = bool(info.layer.get("bias"))
    return ParameterSharing(info.name, info.input_shape, info.output_shape, c_out * c_in * k * k,
                            c_out if bias else 0, n_in * n_out, n_out if bias else 0)

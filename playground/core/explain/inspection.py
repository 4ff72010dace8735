"""Looking inside a network: per-layer activations, the dense forward pass in numpy, and live
training snapshots (weight histograms, gradient norms, filters, feature maps, health warnings).

Everything returned is numpy or plain Python — safe to hand to the GUI thread.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from playground.core.i18n import tr
from playground.core.model.builder import RowSequence
from playground.core.model.shape_inference import ShapeReport

HISTOGRAM_BINS = 40
DEAD_RELU_WARNING = 0.5
VANISHING_RATIO = 1e-3
EXPLODING_NORM = 1e3


@dataclass
class LayerActivation:
    name: str
    type: str
    values: np.ndarray  # this layer's output for one input, without the batch dimension


def normalised_batch(images28: np.ndarray, mean: float, std: float) -> torch.Tensor:
    """N×28×28 floats in [0, 1] → the N×1×28×28 tensor the network was trained on."""
    x = torch.from_numpy(np.ascontiguousarray(images28, dtype=np.float32))
    return ((x - mean) / std).unsqueeze(1)


@torch.no_grad()
def layer_activations(model: nn.Sequential, image28: np.ndarray, mean: float = 0.5, std: float = 0.5,
                      lock: AbstractContextManager[object] | None = None) -> list[LayerActivation]:
    """Run one image through the network (eval mode) and keep every layer's output."""
    x = normalised_batch(image28[None], mean, std)
    out: list[LayerActivation] = []
    guard = lock if lock is not None else _NoLock()
    with guard:
        device = _device_of(model)
        was_training = model.training
        model.eval()
        try:
            x = x.to(device)
            for name, module in model.named_children():
                shown = _every_step(module, x)  # a recurrent layer shows h_t for all 28 rows, not only the last
                x = module(x)
                values = (shown if shown is not None else x)[0]
                out.append(LayerActivation(name, _type_name(module), values.detach().float().cpu().numpy().copy()))
        finally:
            model.train(was_training)
    return out


# ----- the dense forward pass by hand ------------------------------------------------------------

@dataclass
class DenseStep:
    """One dense layer i: z^[i] = W^[i] a^[i-1] + b^[i], then a^[i] = g(z^[i])."""

    index: int  # i in the notation
    name: str
    weight: np.ndarray  # W^[i], n^[i] × n^[i-1]
    bias: np.ndarray  # b^[i], n^[i]
    a_prev: np.ndarray  # a^[i-1]
    z: np.ndarray
    activation: str  # "ReLU", "Sigmoid", ..., or "Identity" when no activation follows
    a: np.ndarray
    max_abs_diff: float  # largest |numpy − PyTorch| over a^[i]


_NUMPY_ACTIVATIONS = {
    "ReLU": lambda z, p: np.maximum(z, 0),
    "LeakyReLU": lambda z, p: np.where(z > 0, z, z * p.get("negative_slope", 0.01)),
    "Sigmoid": lambda z, p: 1 / (1 + np.exp(-z)),
    "Tanh": lambda z, p: np.tanh(z),
    "GELU": lambda z, p: 0.5 * z * (1 + _erf(z / np.sqrt(2))),
    "Softmax": lambda z, p: np.exp(z - z.max()) / np.exp(z - z.max()).sum(),
    "Identity": lambda z, p: z,
}


def _erf(x: np.ndarray) -> np.ndarray:
    # numpy has no erf; math.erf per element is exact enough and these vectors are small
    import math
    out: np.ndarray = np.vectorize(math.erf)(x)
    return out


def dense_forward_steps(model: nn.Sequential, report: ShapeReport, image28: np.ndarray,
                        mean: float = 0.5, std: float = 0.5,
                        lock: AbstractContextManager[object] | None = None) -> list[DenseStep]:
    """Recompute every Linear layer (and the activation after it) in plain numpy, in float64,
    and compare with PyTorch's own outputs. Layers before the first Linear (Flatten, conv, pooling)
    come from PyTorch: their output is a^[0] of the dense part."""
    acts = layer_activations(model, image28, mean, std, lock)
    with (lock if lock is not None else _NoLock()):
        state = {k: v.detach().float().cpu().numpy().copy() for k, v in model.state_dict().items()}
    layers = report.layers
    steps: list[DenseStep] = []
    for pos, info in enumerate(layers):
        if info.layer.type != "Linear":
            continue
        a_prev = (acts[pos - 1].values if pos > 0 else image28.reshape(-1)).astype(np.float64).reshape(-1)
        if pos == 0:
            a_prev = ((image28.astype(np.float64) - mean) / std).reshape(-1)
        w = state[f"{info.name}.weight"].astype(np.float64)
        b = state.get(f"{info.name}.bias", np.zeros(w.shape[0], np.float32)).astype(np.float64)
        z = w @ a_prev + b
        # the activation is the next layer when it is one (Dropout is a no-op in eval mode)
        act_pos, act_name, params = pos, "Identity", {}
        nxt = pos + 1
        while nxt < len(layers) and layers[nxt].layer.type == "Dropout":
            nxt += 1
        if nxt < len(layers) and layers[nxt].layer.type in _NUMPY_ACTIVATIONS:
            act_pos, act_name, params = nxt, layers[nxt].layer.type, layers[nxt].layer.params
        a = _NUMPY_ACTIVATIONS[act_name](z, params)
        torch_a = acts[act_pos].values.astype(np.float64).reshape(-1)
        steps.append(DenseStep(info.notation_index or len(steps) + 1, info.name, w, b, a_prev, z, act_name, a,
                               float(np.max(np.abs(a - torch_a))) if a.size else 0.0))
    return steps


# ----- live snapshots while training ---------------------------------------------------------------

@dataclass
class LayerStats:
    name: str
    weight_hist: tuple[np.ndarray, np.ndarray]  # counts, bin edges
    bias_hist: tuple[np.ndarray, np.ndarray] | None
    weight_grad_norm: float
    bias_grad_norm: float


@dataclass
class TrainingSnapshot:
    step: int
    layers: list[LayerStats] = field(default_factory=list)
    filters: dict[str, np.ndarray] = field(default_factory=dict)  # conv name → out×in×k×k
    feature_maps: dict[str, np.ndarray] = field(default_factory=dict)  # layer → C×H×W of the probe digit
    dense_activations: dict[str, np.ndarray] = field(default_factory=dict)  # layer → units, probe digit
    dead_relu: dict[str, float] = field(default_factory=dict)  # ReLU layer → fraction never active
    warnings: list[str] = field(default_factory=list)


def _histogram(values: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
    v = values.detach().float().cpu().numpy().ravel()
    v = v[np.isfinite(v)]
    if v.size == 0:
        return np.zeros(HISTOGRAM_BINS), np.linspace(-1, 1, HISTOGRAM_BINS + 1)
    lo, hi = float(v.min()), float(v.max())
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(v, bins=HISTOGRAM_BINS, range=(lo, hi))
    return counts.astype(np.float64), edges


def _grad_norm(p: torch.Tensor | None) -> float:
    if p is None or p.grad is None:
        return 0.0
    return float(p.grad.detach().float().norm())


@torch.no_grad()
def training_snapshot(model: nn.Sequential, step: int, probe: torch.Tensor | None = None) -> TrainingSnapshot:
    """Weights, gradients (of the last backward pass), filters and the probe batch's activations.

    `probe` is a normalised batch N×1×H×W whose first image is the fixed probe digit; the whole
    batch measures how many ReLU units never fire. Call under the trainer's lock.
    """
    snap = TrainingSnapshot(step)
    for name, module in model.named_children():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            weight, bias = module.weight, module.bias
            snap.layers.append(LayerStats(
                name, _histogram(weight), _histogram(bias) if bias is not None else None,
                _grad_norm(weight), _grad_norm(bias),
            ))
            if isinstance(module, nn.Conv2d):
                snap.filters[name] = weight.detach().float().cpu().numpy().copy()
        elif isinstance(module, RowSequence):
            params = list(module.rnn.parameters())
            snap.layers.append(LayerStats(
                name, _histogram(torch.cat([p.flatten() for p in params])), None,
                float(sum(_grad_norm(p) ** 2 for p in params) ** 0.5), 0.0,
            ))
    if probe is not None:
        was_training = model.training
        model.eval()
        try:
            x = probe
            for name, module in model.named_children():
                x = module(x)
                first = x[0].detach().float().cpu().numpy()
                if x.dim() == 4:
                    snap.feature_maps[name] = first.copy()
                elif x.dim() == 2:
                    snap.dense_activations[name] = first.copy()
                if isinstance(module, nn.ReLU) and x.shape[0] > 1:
                    units = x.reshape(x.shape[0], -1) if x.dim() == 2 else x.transpose(0, 1).reshape(x.shape[1], -1).T
                    never = (units <= 0).all(dim=0).float().mean()
                    snap.dead_relu[name] = float(never)
        finally:
            model.train(was_training)
    snap.warnings = health_warnings(snap)
    return snap


def health_warnings(snap: TrainingSnapshot) -> list[str]:
    """Plain-language warnings about dead units and vanishing or exploding gradients."""
    out = []
    for name, frac in snap.dead_relu.items():
        if frac >= DEAD_RELU_WARNING:
            out.append(tr(
                "{fraction:.0%} of the units after {name} never fire on the probe digits (dead ReLUs): "
                "lower the learning rate, or try LeakyReLU."
            ).format(fraction=frac, name=name))
    norms = [(s.name, s.weight_grad_norm) for s in snap.layers]
    if any(not np.isfinite(n) for _, n in norms):
        out.append(tr("Some gradients are NaN or infinite: the weights are about to diverge; lower the learning rate."))
        return out
    if len(norms) >= 2:
        first, last = norms[0][1], norms[-1][1]
        if last > 0 and first < VANISHING_RATIO * last:
            out.append(tr(
                "Vanishing gradients: the first layer ({first_name}) gets {first:.1e}, the last ({last_name}) "
                "{last:.1e}. Deep Sigmoid/Tanh stacks do this; ReLU or BatchNorm help."
            ).format(first_name=norms[0][0], first=first, last_name=norms[-1][0], last=last))
    big = [(n, v) for n, v in norms if v > EXPLODING_NORM]
    if big:
        out.append(tr(
            "Exploding gradients: {name} has a gradient norm of {norm:.1e}. Lower the learning rate."
        ).format(name=big[0][0], norm=big[0][1]))
    return out


def _every_step(module: nn.Module, x: torch.Tensor) -> torch.Tensor | None:
    """For a row-reading LSTM/GRU that outputs only its last state: the hidden state of every step."""
    if isinstance(module, RowSequence) and not module.return_sequence:
        return module.all_steps(x)
    return None


def _device_of(model: nn.Module) -> torch.device:
    return next((p.device for p in model.parameters()), torch.device("cpu"))


def _type_name(module: nn.Module) -> str:
    if hasattr(module, "rnn"):
        return type(module.rnn).__name__
    return type(module).__name__


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None

"""Builds a `torch.nn.Module` from a valid spec; module names follow the spec (fc1, conv1, ...)."""

from __future__ import annotations

from collections import OrderedDict

import torch
from torch import nn

from playground.core.model.shape_inference import ShapeReport, infer_shapes
from playground.core.model.spec import LayerSpec, ModelSpec


class InvalidSpec(ValueError):
    """Raised when asked to build a spec whose shape inference found errors."""


class RowSequence(nn.Module):
    """LSTM/GRU that reads an image row by row: (B, C, H, W) → H steps of C·W features.

    Returns the last step's hidden state, or every step's when `return_sequence` is set.
    """

    def __init__(self, cell: str, input_size: int, hidden_size: int, num_layers: int, return_sequence: bool):
        super().__init__()
        rnn_class = nn.LSTM if cell == "LSTM" else nn.GRU
        self.rnn = rnn_class(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.return_sequence = return_sequence

    def all_steps(self, x: torch.Tensor) -> torch.Tensor:
        """h_t for every step: B × steps × hidden."""
        if x.dim() == 4:
            b, c, h, w = x.shape
            x = x.permute(0, 2, 1, 3).reshape(b, h, c * w)
        out: torch.Tensor = self.rnn(x)[0]  # (outputs, final state)
        return out

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.all_steps(x)
        return out if self.return_sequence else out[:, -1, :]


def _make_module(layer: LayerSpec, input_shape: tuple[int, ...]) -> nn.Module:
    t, g = layer.type, layer.get
    if t == "Linear":
        return nn.Linear(input_shape[0], g("out_features"), bias=g("bias"))
    if t == "Conv2d":
        return nn.Conv2d(input_shape[0], g("out_channels"), g("kernel_size"), stride=g("stride"),
                         padding=g("padding"), bias=g("bias"))
    if t == "MaxPool2d":
        return nn.MaxPool2d(g("kernel_size"), stride=g("stride"))
    if t == "AvgPool2d":
        return nn.AvgPool2d(g("kernel_size"), stride=g("stride"))
    if t == "Flatten":
        return nn.Flatten()
    if t == "Dropout":
        return nn.Dropout(g("p"))
    if t == "BatchNorm1d":
        return nn.BatchNorm1d(input_shape[0])
    if t == "BatchNorm2d":
        return nn.BatchNorm2d(input_shape[0])
    if t == "ReLU":
        return nn.ReLU()
    if t == "LeakyReLU":
        return nn.LeakyReLU(g("negative_slope"))
    if t == "Sigmoid":
        return nn.Sigmoid()
    if t == "Tanh":
        return nn.Tanh()
    if t == "GELU":
        return nn.GELU()
    if t == "Softmax":
        return nn.Softmax(dim=-1)
    if t == "Identity":
        return nn.Identity()
    if t in ("LSTM", "GRU"):
        features = input_shape[0] * input_shape[2] if len(input_shape) == 3 else input_shape[-1]
        return RowSequence(t, features, g("hidden_size"), g("num_layers"), g("return_sequence"))
    raise InvalidSpec(f"No builder for layer type {t}")  # the catalogue and this function disagree


def build_model(spec: ModelSpec, seed: int | None = None, report: ShapeReport | None = None) -> nn.Sequential:
    """A fresh network for `spec`, initialised from `seed` when given (same seed ⇒ same weights)."""
    report = report or infer_shapes(spec)
    if not report.ok:
        raise InvalidSpec(report.errors[0])
    if seed is not None:
        torch.manual_seed(seed)
    modules: OrderedDict[str, nn.Module] = OrderedDict()
    for info in report.layers:
        assert info.input_shape is not None  # a report without errors knows every layer's input
        modules[info.name] = _make_module(info.layer, info.input_shape)
    return nn.Sequential(modules)


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())

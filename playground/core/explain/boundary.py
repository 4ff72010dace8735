"""The 2-D playground's networks and what they compute over the plane, free of Qt.

TensorFlow Playground teaches with pictures of functions: the network's output over [-6, 6]² (the
decision boundary), and the same picture for every hidden unit. This module builds the small dense
networks the playground trains (`playground_spec`), the grid those pictures are sampled on
(`plot_grid`: the raw points and the input features the network sees there) and one *frame*
(`network_frame`): the output, every unit's output and every weight, as numpy copies any thread may
keep. A frame of the largest playground network (6 × 8 units) over a 100 × 100 grid takes about
2 ms on one CPU core, so the training thread makes them between steps.

torch is imported inside `network_frame` only: the window builds grids and specs before torch loads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from playground.core.data.toy_data import EXTENT, ToyProblem, problem_features
from playground.core.i18n import tr
from playground.core.model.spec import ModelSpec

if TYPE_CHECKING:
    import torch
    from torch import nn

    from playground.core.model.heads import Head

GRID_RESOLUTION = 100  # 100 × 100 points over [-6, 6]², as TensorFlow Playground's output
CURVE_RESOLUTION = 241  # points along x for 1-D functions (a step of 0.05)
MAX_HIDDEN_LAYERS = 6
MAX_UNITS = 8
# Hidden activations as the learner names them → the layer type that does it (None: no layer, g(z) = z).
HIDDEN_ACTIVATIONS: dict[str, str | None] = {"ReLU": "ReLU", "Tanh": "Tanh", "Sigmoid": "Sigmoid", "Linear": None}
# Output activations offered; "auto" follows the task (Sigmoid for yes/no, nothing otherwise).
OUTPUT_ACTIVATIONS = ("auto", "Sigmoid", "Linear", "ReLU", "Tanh")


class PlaygroundError(ValueError):
    """A playground network setting is out of range; the message says which and what is allowed."""


def default_output_activation(task: str) -> str:
    """What a network for `task` ends with: Sigmoid for binary (BCE), nothing (logits / values) otherwise."""
    return "Sigmoid" if task == "binary" else "Linear"


def output_units(problem: ToyProblem) -> int:
    """Numbers the network outputs per point: one for yes/no and regression, one per class otherwise."""
    return problem.n_classes if problem.task == "multiclass" else 1


def playground_spec(n_inputs: int, hidden: Sequence[int], activation: str = "Tanh",
                    output_activation: str = "auto", task: str = "binary", outputs: int = 1) -> ModelSpec:
    """A dense network: `hidden` units per hidden layer with `activation`, then Linear(`outputs`) and
    the output activation ("auto": the task's usual one). Layers are named fc1, tanh1, … as built."""
    if not 1 <= n_inputs <= 64:
        raise PlaygroundError(tr("A playground network takes 1 to 64 inputs (got {got}).").format(got=n_inputs))
    if len(hidden) > MAX_HIDDEN_LAYERS:
        raise PlaygroundError(tr("At most {most} hidden layers (got {got}).").format(most=MAX_HIDDEN_LAYERS,
                                                                                    got=len(hidden)))
    if any(not 1 <= int(n) <= MAX_UNITS for n in hidden):
        raise PlaygroundError(tr("Each hidden layer has 1 to {most} neurons (got {got}).").format(
            most=MAX_UNITS, got=list(hidden)))
    if activation not in HIDDEN_ACTIVATIONS:
        raise PlaygroundError(tr("Unknown activation '{name}'. Choose one of: {options}.").format(
            name=activation, options=", ".join(HIDDEN_ACTIVATIONS)))
    if output_activation not in OUTPUT_ACTIVATIONS:
        raise PlaygroundError(tr("Unknown output activation '{name}'. Choose one of: {options}.").format(
            name=output_activation, options=", ".join(OUTPUT_ACTIVATIONS)))
    layers: list[dict[str, object]] = []
    for units in hidden:
        layers.append({"type": "Linear", "out_features": int(units)})
        if HIDDEN_ACTIVATIONS[activation]:
            layers.append({"type": HIDDEN_ACTIVATIONS[activation]})
    layers.append({"type": "Linear", "out_features": int(outputs)})
    last = default_output_activation(task) if output_activation == "auto" else output_activation
    if last != "Linear":
        layers.append({"type": last})
    return ModelSpec.from_json({"name": "playground", "input_shape": [n_inputs], "layers": layers})


@dataclass(frozen=True)
class PlotGrid:
    """Where the pictures are sampled: raw points, the network's inputs there, and the picture's shape."""

    points: np.ndarray  # N × 2 (a row-major R × R grid: row = x2, column = x1) or N × 1 for 1-D
    features: np.ndarray  # N × F, float32: what the network takes at each point
    feature_names: tuple[str, ...]
    shape: tuple[int, ...]  # (R, R) or (R,)
    xs: np.ndarray  # the R coordinates along each axis

    @property
    def one_d(self) -> bool:
        return len(self.shape) == 1


def plot_grid(problem: ToyProblem, resolution: int | None = None) -> PlotGrid:
    """The grid over [-6, 6]² (or the line [-6, 6] for 1-D functions) with `problem`'s input features."""
    one_d = problem.kind == "regression_1d"
    r = resolution or (CURVE_RESOLUTION if one_d else GRID_RESOLUTION)
    if not 4 <= r <= 1000:
        raise PlaygroundError(tr("Grid resolution must be 4 to 1000 (got {got}).").format(got=r))
    xs = np.linspace(-EXTENT, EXTENT, r, dtype=np.float32)
    if one_d:
        points = xs[:, None]
        shape: tuple[int, ...] = (r,)
    else:
        gx, gy = np.meshgrid(xs, xs)  # gx varies along a row: image[row = x2 index, column = x1 index]
        points = np.stack([gx.ravel(), gy.ravel()], 1)
        shape = (r, r)
    features = tuple(problem.features)
    return PlotGrid(points, problem_features(points, features), features, shape, xs)


@dataclass(frozen=True)
class BoundaryFrame:
    """What the network computes over a grid at one moment of training (numpy copies, any thread).

    `layers[i]` is Linear layer i's units after the activation that follows it, shaped
    (units, *grid.shape); the last one is the output layer. `weights[i]` is W^[i+1] (out × in) and
    `biases[i]` b^[i+1] (or None).
    """

    step: int
    epoch: int
    task: str
    shape: tuple[int, ...]
    values: np.ndarray  # grid.shape: p(class 1) (binary), the prediction (regression), top-class p (multiclass)
    predicted: np.ndarray | None  # grid.shape of class indices (classification), None for regression
    probabilities: np.ndarray | None  # grid.shape × K (multiclass), None otherwise
    layers: tuple[np.ndarray, ...]
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray | None, ...]
    seconds: float = 0.0  # how long computing this frame took

    @property
    def hidden(self) -> tuple[np.ndarray, ...]:
        """The hidden layers' unit outputs (every Linear layer but the last)."""
        return self.layers[:-1]

    @property
    def hidden_units(self) -> int:
        return sum(int(layer.shape[0]) for layer in self.hidden)


def grid_tensor(grid: PlotGrid, device: torch.device | str = "cpu") -> torch.Tensor:
    """The grid's features as a float32 tensor on `device` (build once per grid, reuse per frame)."""
    import torch

    return torch.from_numpy(np.ascontiguousarray(grid.features, dtype=np.float32)).to(device)


def network_frame(model: nn.Module, head: Head, grid: PlotGrid, inputs: torch.Tensor | None = None, step: int = 0,
                  epoch: int = 0) -> BoundaryFrame:
    """Run `model` (a Sequential of Linear and element-wise layers) over `grid` and keep every unit's output.

    `head` (core.heads.Head) turns the outputs into probabilities or values exactly as training scores
    them; `inputs` is `grid_tensor(grid)` when the caller caches it. Call with the model's lock held.
    """
    import time

    import torch
    from torch import nn

    started = time.perf_counter()
    if inputs is None:
        inputs = grid_tensor(grid, next(model.parameters()).device)
    shape = tuple(grid.shape)
    layers: list[torch.Tensor] = []
    weights: list[np.ndarray] = []
    biases: list[np.ndarray | None] = []
    was_training = model.training
    model.eval()
    try:
        with torch.no_grad():
            h = inputs
            for module in model.children():
                h = module(h)
                if isinstance(module, nn.Linear):
                    layers.append(h)
                    weights.append(module.weight.detach().cpu().numpy().copy())
                    biases.append(None if module.bias is None else module.bias.detach().cpu().numpy().copy())
                elif layers and h.shape == layers[-1].shape:
                    layers[-1] = h  # an activation (or dropout) acting on the units just computed
            if not layers:
                raise PlaygroundError(tr("The network has no Linear layer to draw."))
            answer = head.probabilities(h.float()).cpu().numpy()
    finally:
        model.train(was_training)
    unit_maps = tuple(np.ascontiguousarray(t.float().cpu().numpy().T.reshape(-1, *shape)) for t in layers)
    probabilities = predicted = None
    if head.task == "multiclass":
        probabilities = answer.reshape(*shape, -1)
        predicted = probabilities.argmax(-1)
        values = probabilities.max(-1)
    elif head.task == "regression":
        values = answer[:, 0].reshape(shape)
    else:
        values = answer[:, 0].reshape(shape)
        predicted = (values >= 0.5).astype(np.int64)
    return BoundaryFrame(step, epoch, head.task, shape, np.ascontiguousarray(values, dtype=np.float32), predicted,
                         probabilities, unit_maps, tuple(weights), tuple(biases), time.perf_counter() - started)

"""Backpropagation step by step for a dense network (the course notes' SimpleNN 784-128-64-10 and the like),
and one optimizer update of a chosen weight.

For one digit and its label, with softmax + cross-entropy on the last layer's outputs z^[L]:
    δ^[L] = p − y
    δ^[i] = (W^[i+1])ᵀ δ^[i+1] ⊙ g′(z^[i])
    ∂L/∂W^[i] = δ^[i] (a^[i−1])ᵀ,   ∂L/∂b^[i] = δ^[i]
computed in numpy (float64) on the forward pass of `inspection.dense_forward_steps`, and compared with
what autograd gives the same network (on copies of its parameters: the live model's gradients stay as they
are). Then SGD, w ← w − η g, or Adam for step t:
    m_t = β₁ m_{t−1} + (1 − β₁) g,   v_t = β₂ v_{t−1} + (1 − β₂) g²
    m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ),   w ← w − η m̂_t / (√v̂_t + ε)
compared with torch.optim on the same numbers.
"""

from __future__ import annotations

import math
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.core.explain.output_steps import SoftmaxSteps, softmax_steps
from playground.core.i18n import tr
from playground.core.model.layers import ACTIVATIONS
from playground.core.model.shape_inference import ShapeReport
from playground.core.model.spec import LayerSpec

if TYPE_CHECKING:
    import torch
    from torch import nn

# What may follow a Linear layer inside the network: g and g′ are known for these.
HIDDEN_ACTIVATIONS = ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Identity")


def activation_derivative(activation: str, z: np.ndarray, a: np.ndarray, params: dict[str, Any]) -> np.ndarray:
    """g′(z) for one of HIDDEN_ACTIVATIONS, where a = g(z); `params` are the layer's (LeakyReLU's slope)."""
    out: np.ndarray
    if activation == "ReLU":
        out = (z > 0).astype(np.float64)  # 0 at z = 0, as PyTorch takes it
    elif activation == "LeakyReLU":
        out = np.where(z > 0, 1.0, float(params.get("negative_slope", 0.01)))
    elif activation == "Sigmoid":
        out = a * (1 - a)  # σ′ = σ (1 − σ)
    elif activation == "Tanh":
        out = 1 - a * a  # tanh′ = 1 − tanh²
    elif activation == "GELU":  # GELU(z) = z Φ(z), so GELU′ = Φ(z) + z φ(z)
        from playground.core.explain.inspection import _erf

        out = 0.5 * (1 + _erf(z / math.sqrt(2))) + z * np.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    else:  # Identity
        out = np.ones_like(z)
    return out


@dataclass
class BackwardUnit:
    """Unit j of layer i on the way back: where δ_j^[i] comes from."""

    layer: int  # i
    unit: int  # j
    z: float  # z_j^[i]
    derivative: float  # g′(z_j^[i]); 1 at the output layer
    probability: float | None  # output layer: p_j
    target: float | None  # output layer: y_j (1 for the label, else 0)
    outgoing: np.ndarray | None  # hidden layer: W^[i+1][:, j], the weights from this unit to the next layer
    next_delta: np.ndarray | None  # hidden layer: δ^[i+1]
    products: np.ndarray | None  # outgoing · next_delta, entry by entry
    back: float | None  # Σ products = ((W^[i+1])ᵀ δ^[i+1])_j
    delta: float  # δ_j^[i] = p_j − y_j (output) or back · g′(z_j)
    weight_grad: np.ndarray  # ∂L/∂W^[i][j, :] = δ_j^[i] a^[i−1]
    bias_grad: float  # ∂L/∂b_j^[i] = δ_j^[i]


@dataclass
class BackwardLayer:
    """Layer i of the backward pass, with its forward values."""

    index: int  # i
    name: str  # module name, e.g. fc1
    activation: str  # g after this layer ("Identity" at the output)
    weight: np.ndarray  # W^[i]: n^[i] × n^[i−1]
    a_prev: np.ndarray  # a^[i−1]
    z: np.ndarray  # z^[i]
    derivative: np.ndarray  # g′(z^[i])
    back: np.ndarray | None  # (W^[i+1])ᵀ δ^[i+1]; None at the output layer
    delta: np.ndarray  # δ^[i]
    weight_grad: np.ndarray  # ∂L/∂W^[i] = δ^[i] (a^[i−1])ᵀ
    bias_grad: np.ndarray  # ∂L/∂b^[i] = δ^[i]
    max_difference: float  # largest |numpy − autograd| over ∂L/∂W^[i] and ∂L/∂b^[i]
    next_weight: np.ndarray | None  # W^[i+1] (hidden layers)
    next_delta: np.ndarray | None  # δ^[i+1] (hidden layers)
    probabilities: np.ndarray | None  # p (output layer)
    targets: np.ndarray | None  # y, one-hot (output layer)

    def unit(self, j: int) -> BackwardUnit:
        """Unit j (from 0): its δ and where it comes from."""
        if not 0 <= j < self.delta.size:
            raise IndexError(f"{self.name} has {self.delta.size} units, not {j + 1}")
        grad = self.weight_grad[j].copy()
        if self.next_weight is None or self.next_delta is None:
            assert self.probabilities is not None and self.targets is not None  # the output layer keeps p, y
            return BackwardUnit(self.index, j, float(self.z[j]), 1.0, float(self.probabilities[j]),
                                float(self.targets[j]), None, None, None, None, float(self.delta[j]), grad,
                                float(self.delta[j]))
        outgoing = self.next_weight[:, j].copy()
        products = outgoing * self.next_delta
        return BackwardUnit(self.index, j, float(self.z[j]), float(self.derivative[j]), None, None, outgoing,
                            self.next_delta.copy(), products, float(products.sum()), float(self.delta[j]), grad,
                            float(self.delta[j]))


@dataclass
class Backprop:
    """The backward pass for one digit: the output (softmax and loss) and every dense layer, first to last."""

    label: int
    output: SoftmaxSteps  # z^[L] → p, and L = −log p_y
    layers: list[BackwardLayer]
    autograd_loss: float
    max_difference: float  # largest |numpy − autograd| over the loss and every gradient


def backprop_steps(model: nn.Sequential, report: ShapeReport, image28: np.ndarray, label: int,
                   mean: float = 0.5, std: float = 0.5,
                   lock: AbstractContextManager[object] | None = None) -> Backprop:
    """Every δ^[i], ∂L/∂W^[i] and ∂L/∂b^[i] for one digit (H×W floats in [0, 1]) and its label, with
    softmax + cross-entropy on the last Linear layer's outputs, checked against autograd.

    The network must be dense: Flatten, then Linear layers each followed by at most one of
    HIDDEN_ACTIVATIONS (Dropout anywhere; it does nothing outside training), ending in a Linear layer.
    Raises ValueError with one line in words otherwise."""
    from playground.core.explain.inspection import dense_forward_steps

    activations = _dense_activations(report)
    forward = dense_forward_steps(model, report, image28, mean, std, lock)
    output = softmax_steps(forward[-1].z, label)
    targets = np.zeros_like(output.probabilities)
    targets[label] = 1.0
    loss, torch_grads = _autograd(model, image28, label, mean, std, lock)
    layers: list[BackwardLayer] = []
    delta = output.probabilities - targets  # δ^[L] = p − y
    for pos in reversed(range(len(forward))):
        step = forward[pos]
        nxt = layers[0] if layers else None
        back = derivative = None
        if nxt is not None:
            back = nxt.weight.T @ nxt.delta  # (W^[i+1])ᵀ δ^[i+1]
            spec = activations[pos]
            derivative = activation_derivative(step.activation, step.z, step.a, spec.params if spec else {})
            delta = back * derivative  # δ^[i] = (W^[i+1])ᵀ δ^[i+1] ⊙ g′(z^[i])
        weight_grad = np.outer(delta, step.a_prev)  # δ^[i] (a^[i−1])ᵀ
        diff = float(np.max(np.abs(weight_grad - torch_grads[f"{step.name}.weight"])))
        if f"{step.name}.bias" in torch_grads:
            diff = max(diff, float(np.max(np.abs(delta - torch_grads[f"{step.name}.bias"]))))
        layers.insert(0, BackwardLayer(
            step.index, step.name, step.activation, step.weight, step.a_prev, step.z,
            np.ones_like(step.z) if derivative is None else derivative, back, delta, weight_grad, delta.copy(), diff,
            None if nxt is None else nxt.weight, None if nxt is None else nxt.delta,
            output.probabilities if nxt is None else None, targets if nxt is None else None))
    worst = max([abs(loss - (output.loss or 0.0))] + [layer.max_difference for layer in layers])
    return Backprop(label, output, layers, loss, worst)


def _dense_activations(report: ShapeReport) -> list[LayerSpec | None]:
    """Per Linear layer, the activation after it (None: none), or a ValueError when the network is not dense."""
    out: list[LayerSpec | None] = []
    may_follow = False  # an activation may come next: the last weight layer has none yet
    for pos, info in enumerate(report.layers):
        t = info.layer.type
        if t == "Dropout" or (t == "Flatten" and not out):
            continue
        if t == "Linear":
            out.append(None)
            may_follow = True
            continue
        last = all(later.layer.type == "Dropout" for later in report.layers[pos + 1:])
        if may_follow and last and t != "Identity" and t in ACTIVATIONS:
            raise ValueError(tr("The network ends with {type}: the step-through applies softmax and cross-entropy "
                                "to the last Linear layer's outputs itself, as nn.CrossEntropyLoss does, so end "
                                "the network with Linear.").format(type=t))
        if not (may_follow and t in HIDDEN_ACTIVATIONS):
            raise ValueError(tr(
                "Backpropagation step by step works on dense networks: Flatten, then Linear layers, each followed "
                "by at most one activation ({activations}). {name} ({type}) does not fit that.").format(
                activations=", ".join(HIDDEN_ACTIVATIONS), name=info.name, type=t))
        out[-1] = info.layer
        may_follow = False
    if not out:
        raise ValueError(tr("The network has no Linear layer to backpropagate through."))
    return out


def _autograd(model: nn.Sequential, image28: np.ndarray, label: int, mean: float, std: float,
              lock: AbstractContextManager[object] | None) -> tuple[float, dict[str, np.ndarray]]:
    """The loss and every parameter's gradient from autograd, on CPU copies of the parameters (eval mode)."""
    import torch
    import torch.nn.functional as F

    from playground.core.explain.inspection import normalised_batch

    with lock if lock is not None else nullcontext():
        params = {name: p.detach().to("cpu", torch.float32).clone().requires_grad_(True)
                  for name, p in model.named_parameters()}
        was_training = model.training
        model.eval()
        try:
            out = torch.func.functional_call(model, params, (normalised_batch(image28[None], mean, std),))
        finally:
            model.train(was_training)
    loss = F.cross_entropy(out, torch.tensor([label]))
    grads = torch.autograd.grad(loss, list(params.values()), allow_unused=True)
    return float(loss.detach()), {name: g.double().numpy() for name, g in zip(params, grads) if g is not None}


# ----- one optimizer update ---------------------------------------------------------------------------------

@dataclass
class SgdUpdate:
    """w ← w − η (g + λ w): plain SGD, with L2 weight decay λ when set."""

    weight: float  # w before the step
    gradient: float  # g = ∂L/∂w
    learning_rate: float  # η
    weight_decay: float  # λ
    change: float  # −η (g + λ w)
    new_weight: float
    torch_new_weight: float  # torch.optim.SGD on the same numbers
    max_difference: float


def sgd_update(weight: float, gradient: float, learning_rate: float, weight_decay: float = 0.0) -> SgdUpdate:
    """One plain SGD step of one weight, checked against torch.optim.SGD."""
    import torch

    change = -learning_rate * (gradient + weight_decay * weight)
    new = weight + change
    w = _one_weight(weight, gradient)
    torch.optim.SGD([w], lr=learning_rate, weight_decay=weight_decay, foreach=False).step()
    reference = float(w.detach()[0])
    return SgdUpdate(weight, gradient, learning_rate, weight_decay, change, new, reference, abs(new - reference))


@dataclass
class AdamUpdate:
    """One Adam step t of one weight: the moments, their bias corrections and the change."""

    weight: float  # w before the step
    gradient: float  # ∂L/∂w
    step: int  # t, from 1
    learning_rate: float  # η
    beta1: float
    beta2: float
    eps: float
    weight_decay: float  # λ: added to g as λ w (Adam), or w ← w (1 − η λ) first (AdamW, decoupled)
    decoupled: bool
    g: float  # the gradient Adam uses: ∂L/∂w, plus λ w for Adam's L2 decay
    m_prev: float  # m_{t−1} (0 before the first step)
    v_prev: float  # v_{t−1}
    m: float  # m_t = β₁ m_{t−1} + (1 − β₁) g
    v: float  # v_t = β₂ v_{t−1} + (1 − β₂) g²
    correction1: float  # 1 − β₁ᵗ
    correction2: float  # 1 − β₂ᵗ
    m_hat: float  # m_t / (1 − β₁ᵗ)
    v_hat: float  # v_t / (1 − β₂ᵗ)
    change: float  # −η m̂_t / (√v̂_t + ε), and −η λ w for AdamW
    new_weight: float
    torch_new_weight: float  # torch.optim.Adam (AdamW) from the same state
    max_difference: float


def adam_update(weight: float, gradient: float, step: int = 1, m_prev: float = 0.0, v_prev: float = 0.0,
                learning_rate: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8,
                weight_decay: float = 0.0, decoupled: bool = False) -> AdamUpdate:
    """Adam's step t (from 1) for one weight, given its m_{t−1} and v_{t−1} (0 before the first step; read a
    running optimizer's with `adam_state`), checked against torch.optim.Adam (AdamW when `decoupled`)
    started from the same state."""
    import torch

    if step < 1:
        raise ValueError(tr("Adam counts its steps from 1, not {step}.").format(step=step))
    g = gradient if decoupled else gradient + weight_decay * weight
    m = beta1 * m_prev + (1 - beta1) * g
    v = beta2 * v_prev + (1 - beta2) * g * g
    c1, c2 = 1 - beta1 ** step, 1 - beta2 ** step
    m_hat, v_hat = m / c1, v / c2
    decay = -learning_rate * weight_decay * weight if decoupled else 0.0
    change = decay - learning_rate * m_hat / (math.sqrt(v_hat) + eps)
    new = weight + change
    w = _one_weight(weight, gradient)
    kind = torch.optim.AdamW if decoupled else torch.optim.Adam
    optimizer = kind([w], lr=learning_rate, betas=(beta1, beta2), eps=eps, weight_decay=weight_decay, foreach=False)
    if step > 1:  # the state torch.optim keeps after t − 1 steps
        optimizer.state[w] = {"step": torch.tensor(float(step - 1)),
                              "exp_avg": torch.tensor([m_prev], dtype=torch.float64),
                              "exp_avg_sq": torch.tensor([v_prev], dtype=torch.float64)}
    optimizer.step()
    reference = float(w.detach()[0])
    return AdamUpdate(weight, gradient, step, learning_rate, beta1, beta2, eps, weight_decay, decoupled, g,
                      m_prev, v_prev, m, v, c1, c2, m_hat, v_hat, change, new, reference, abs(new - reference))


@dataclass(frozen=True)
class AdamState:
    """What a running Adam (or AdamW) optimizer holds for one weight before its next step."""

    step: int  # t of the next step (1 before any)
    m_prev: float  # m_{t−1}
    v_prev: float  # v_{t−1}
    learning_rate: float
    beta1: float
    beta2: float
    eps: float
    weight_decay: float
    decoupled: bool  # AdamW

    def update(self, weight: float, gradient: float) -> AdamUpdate:
        """The next step of this weight for `gradient`."""
        return adam_update(weight, gradient, self.step, self.m_prev, self.v_prev, self.learning_rate, self.beta1,
                           self.beta2, self.eps, self.weight_decay, self.decoupled)


def adam_state(optimizer: torch.optim.Optimizer, parameter: torch.Tensor, index: tuple[int, ...]) -> AdamState:
    """Read one weight's Adam state (parameter[index]) from a torch.optim.Adam or AdamW: the steps taken, m, v
    and the settings. Call it where the optimizer lives (under the trainer's lock)."""
    import torch

    group = next((g for g in optimizer.param_groups if any(p is parameter for p in g["params"])), None)
    if not isinstance(optimizer, torch.optim.Adam) or group is None or group["amsgrad"] or group["maximize"]:
        raise ValueError(tr("Only a plain Adam or AdamW optimizer's state can be shown step by step."))
    state = optimizer.state.get(parameter, {})
    taken = int(state["step"]) if "step" in state else 0
    m = float(state["exp_avg"][index]) if "exp_avg" in state else 0.0
    v = float(state["exp_avg_sq"][index]) if "exp_avg_sq" in state else 0.0
    beta1, beta2 = group["betas"]
    return AdamState(taken + 1, m, v, float(group["lr"]), float(beta1), float(beta2), float(group["eps"]),
                     float(group["weight_decay"]), bool(group.get("decoupled_weight_decay", False)))


def _one_weight(weight: float, gradient: float) -> torch.Tensor:
    """A one-element float64 parameter holding `weight`, its gradient set: for torch.optim to update."""
    import torch

    w = torch.tensor([weight], dtype=torch.float64, requires_grad=True)
    w.grad = torch.tensor([gradient], dtype=torch.float64)
    return w

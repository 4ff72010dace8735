"""Predictions for drawn or loaded digits: the one path the canvas and `nn-playground predict` share."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from playground.core.data.preprocessing import prepare_digit


@dataclass
class Prediction:
    prediction: int
    probabilities: np.ndarray  # one per class, sums to 1
    image28: np.ndarray  # what the network saw, float 28×28 in [0, 1]


def ends_with_softmax(model: nn.Module) -> bool:
    last = list(model.children())[-1] if len(list(model.children())) else model
    return isinstance(last, nn.Softmax)


@torch.no_grad()
def class_probabilities(model: nn.Module, images28: np.ndarray, mean: float = 0.5, std: float = 0.5,
                        lock: AbstractContextManager[object] | None = None) -> np.ndarray:
    """Softmax probabilities for a stack of 28×28 images in [0, 1] (N×28×28), normalised as in training."""
    x = torch.from_numpy(np.ascontiguousarray(images28, dtype=np.float32))
    x = ((x - mean) / std).unsqueeze(1)
    if lock is None:
        return _forward(model, x)
    with lock:
        return _forward(model, x)


def _forward(model: nn.Module, x: torch.Tensor) -> np.ndarray:
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    was_training = model.training
    model.eval()
    try:
        out = model(x.to(device))
    finally:
        model.train(was_training)
    probs = out if ends_with_softmax(model) else torch.softmax(out, dim=1)
    return probs.float().cpu().numpy()


def predict_images(model: nn.Module, images: list[np.ndarray], mean: float = 0.5, std: float = 0.5,
                   lock: AbstractContextManager[object] | None = None) -> list[Prediction]:
    """Preprocess raw images (any size, either polarity) like MNIST, then classify them in one batch."""
    if not images:
        return []
    prepared = np.stack([prepare_digit(img) for img in images])
    probs = class_probabilities(model, prepared, mean, std, lock)
    return [Prediction(int(p.argmax()), p, img) for p, img in zip(probs, prepared)]

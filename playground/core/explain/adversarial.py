"""Fool it: the fast gradient sign method (FGSM, Goodfellow et al., 2014) on the learner's own network.

One step of size ε in the direction that raises the loss for a label fastest, pixel by pixel:
x' = clip(x + ε · sign(∂L(x, y) / ∂x), 0, 1), in pixel units, before the training normalisation, so the
changed image is still a valid image. The gradient is taken once, at the original image; every ε of a list
is then one forward pass (all of them in one batch), so a view can slide through them at no further cost
and name the smallest ε that changes the prediction.

L is the cross-entropy of the class scores (for a network with one output z, the scores −z and z: the same
step as the binary cross-entropy's, whose sign it shares). Gradients come from `torch.autograd.grad` on the
input alone, in eval mode, as for the saliency maps (see saliency.py); no parameter's `.grad` is touched.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from playground.core.explain.saliency import (
    as_image,
    class_scores,
    explained_class,
    input_gradients,
    logits_of,
    pixel_tensor,
    probabilities_of,
)
from playground.core.i18n import tr

__all__ = ["DEFAULT_EPSILONS", "AdversarialImage", "FoolResult", "fgsm", "fgsm_image", "fool"]

DEFAULT_EPSILONS: tuple[float, ...] = tuple(round(0.01 * k, 2) for k in range(51))  # 0 to 0.5 by 0.01
MAX_EPSILONS = 1000
BATCH = 64  # changed images per forward pass: bounds memory for large images


@dataclass
class AdversarialImage:
    """The image after one FGSM step of size ε, and what the network makes of it."""

    epsilon: float
    image: np.ndarray  # H×W in [0, 1]
    prediction: int
    probabilities: np.ndarray  # one per class


@dataclass
class FoolResult:
    """One image, the direction of its FGSM step, and the changed image for every ε asked for."""

    original: np.ndarray  # H×W in [0, 1]
    label: int  # the class whose loss the step raises (by default the prediction)
    prediction: int  # the network's prediction for the original
    probabilities: np.ndarray  # ... and its probabilities
    direction: np.ndarray  # sign(∂L / ∂pixel): −1, 0 or 1 per pixel
    steps: list[AdversarialImage]  # one per ε, smallest first

    @property
    def smallest(self) -> AdversarialImage | None:
        """The step with the smallest ε that changes the prediction; None when no ε does."""
        return next((s for s in self.steps if s.prediction != self.prediction), None)

    @property
    def smallest_epsilon(self) -> float | None:
        found = self.smallest
        return found.epsilon if found is not None else None


def fgsm_image(image: np.ndarray, direction: np.ndarray, epsilon: float) -> np.ndarray:
    """clip(image + ε · direction, 0, 1): the changed image, still in the valid pixel range."""
    out: np.ndarray = np.clip(np.asarray(image, np.float64) + epsilon * direction, 0.0, 1.0)
    return out


def _epsilons(epsilons: Sequence[float]) -> list[float]:
    values = sorted(float(e) for e in epsilons)
    if not 1 <= len(values) <= MAX_EPSILONS or not all(0.0 <= e <= 1.0 for e in values):
        # a caller's bug: the view's slider offers valid values only
        raise ValueError(f"Give 1 to {MAX_EPSILONS} step sizes ε between 0 and 1, not {list(epsilons)[:10]}.")
    return values


def fool(model: nn.Sequential, image: np.ndarray, label: int | None = None,
         epsilons: Sequence[float] = DEFAULT_EPSILONS, mean: float = 0.5, std: float = 0.5,
         lock: AbstractContextManager[object] | None = None) -> FoolResult:
    """FGSM for one image (H×W in [0, 1]) and `label` (default: the network's prediction), at every ε of
    `epsilons` (pixel units; sorted, smallest first): the changed images, their predictions and
    probabilities, and (`FoolResult.smallest`) the smallest ε that changes the prediction."""
    img = as_image(image)
    if img.min() < 0.0 or img.max() > 1.0:
        raise ValueError("FGSM takes an image with pixels in [0, 1], before the normalisation.")  # a caller's bug
    eps = _epsilons(epsilons)
    with input_gradients(model, lock) as (device, dtype):
        x = pixel_tensor(img[None], device, dtype).requires_grad_(True)
        logits, _ = logits_of(model, x, mean, std)
        last = list(model.children())[-1:]
        if logits.shape[1] > 1 and last and isinstance(last[0], nn.Sigmoid):
            raise ValueError(tr("Fool it needs a network that picks one class; this one says yes or no to "
                                "each label on its own."))
        scores = class_scores(logits)
        y = explained_class(scores, label)
        loss = F.cross_entropy(scores, torch.tensor([y], device=device))
        (grad,) = torch.autograd.grad(loss, x)
        direction = grad[0].sign().double().cpu().numpy()
        changed = np.stack([fgsm_image(img, direction, e) for e in eps])
        probs = []
        with torch.no_grad():
            for start in range(0, len(changed), BATCH):
                batch_logits, _ = logits_of(model, pixel_tensor(changed[start:start + BATCH], device, dtype), mean,
                                            std)
                probs.append(probabilities_of(model, batch_logits).double().cpu().numpy())
        original = probabilities_of(model, logits.detach()).double().cpu().numpy()[0]
    p = np.concatenate(probs)
    steps = [AdversarialImage(e, changed[i], int(p[i].argmax()), p[i]) for i, e in enumerate(eps)]
    return FoolResult(img, y, int(original.argmax()), original, direction, steps)


def fgsm(model: nn.Sequential, image: np.ndarray, epsilon: float, label: int | None = None, mean: float = 0.5,
         std: float = 0.5, lock: AbstractContextManager[object] | None = None) -> AdversarialImage:
    """One FGSM step of size `epsilon` for one image and `label` (default: the prediction)."""
    return fool(model, image, label, [epsilon], mean, std, lock).steps[0]

"""What the network looks at: saliency maps of the learner's own network for one image.

- the gradient: |∂ score_c / ∂ pixel|, how much each pixel moves the class score (Simonyan et al., 2013);
- SmoothGrad: the same, averaged over noisy copies of the image, which calms its speckle (Smilkov et al.,
  2017); the noise comes from a seed, so the same seed gives the same map;
- Grad-CAM for a convolution layer: its maps weighted by their mean gradient, summed, rectified and
  scaled up to the image (Selvaraju et al., 2017).

The score explained is the class's logit: the network's output, or what goes into a final Softmax or
Sigmoid. A network with one output (a yes/no classifier) has the two classes' scores −z and z. Gradients
are taken with respect to the image's pixels in [0, 1], before the training normalisation (x − mean) / std,
so a map is in the image's own units and shape.

Gradients come from `torch.autograd.grad` on the input alone: no parameter's `.grad` is written, so a
training run's own gradients are left as they were. The network runs in eval mode (Dropout off, BatchNorm
on its running statistics) and goes back to the mode it was in. Everything returned is numpy.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, replace

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from playground.core.i18n import tr
from playground.core.model.builder import RowSequence

__all__ = [
    "as_image",
    "DEFAULT_SMOOTHGRAD_NOISE",
    "DEFAULT_SMOOTHGRAD_SAMPLES",
    "SALIENCY_METHODS",
    "SaliencyError",
    "SaliencyMap",
    "class_scores",
    "explained_class",
    "grad_cam",
    "gradient_saliency",
    "input_gradients",
    "last_conv_layer",
    "logits_of",
    "pixel_tensor",
    "pixels_to_input",
    "probabilities_of",
    "saliency_map",
    "smoothgrad",
]

SALIENCY_METHODS = ("gradient", "smoothgrad", "gradcam")
DEFAULT_SMOOTHGRAD_SAMPLES = 25
DEFAULT_SMOOTHGRAD_NOISE = 0.15  # σ in pixel units: the SmoothGrad paper's 10–20 % of the [0, 1] range
SMOOTHGRAD_CHUNK = 64  # noisy copies per forward pass: bounds memory for large images
MAX_SMOOTHGRAD_SAMPLES = 1000

# Layers that change each value on its own (or not at all, in eval mode): Grad-CAM takes a convolution's
# maps after these, as the paper takes the rectified maps of the last convolution.
_ELEMENTWISE = (nn.ReLU, nn.LeakyReLU, nn.GELU, nn.Tanh, nn.Sigmoid, nn.BatchNorm2d, nn.Dropout, nn.Identity)


class SaliencyError(ValueError):
    """A map that cannot be made for this network (Grad-CAM without a convolution layer); one line for the user."""


@dataclass
class SaliencyMap:
    """One saliency map and what a view needs to label it."""

    method: str  # "gradient", "smoothgrad" or "gradcam"
    values: np.ndarray  # the image's shape (H×W), all ≥ 0: how much each pixel matters to the class score
    target: int  # the class explained
    prediction: int  # the class the network predicts for the image
    probabilities: np.ndarray  # one per class
    score: float  # the explained class's score (logit) for the image
    layer: str | None = None  # Grad-CAM: the convolution layer
    maps_from: str | None = None  # Grad-CAM: the layer whose output maps are weighed (the conv or its activation)
    coarse: np.ndarray | None = None  # Grad-CAM: the map at that layer's resolution, before scaling up
    channel_weights: np.ndarray | None = None  # Grad-CAM: α_k, the mean gradient over each channel's map
    samples: int = 1  # SmoothGrad: the noisy copies averaged
    noise: float = 0.0  # SmoothGrad: σ of the noise, in pixel units

    def scaled(self) -> np.ndarray:
        """The values divided by the largest, in [0, 1], for an overlay (all zeros stay zeros)."""
        peak = float(self.values.max()) if self.values.size else 0.0
        return self.values / peak if peak > 0 else np.zeros_like(self.values)


# ----- the network as a function of the pixels ---------------------------------------------------------------

def _children(model: nn.Sequential) -> list[tuple[str, nn.Module]]:
    return list(model.named_children())


def _final_activation(model: nn.Sequential) -> type[nn.Module] | None:
    children = _children(model)
    if len(children) > 1 and isinstance(children[-1][1], (nn.Softmax, nn.Sigmoid)):
        return type(children[-1][1])
    return None


def _score_layers(model: nn.Sequential) -> list[tuple[str, nn.Module]]:
    """The layers up to the logits: all of them, less a final Softmax or Sigmoid."""
    children = _children(model)
    return children[:-1] if _final_activation(model) is not None else children


def class_scores(logits: torch.Tensor) -> torch.Tensor:
    """N×K logits (what goes into a final Softmax/Sigmoid) → N×C class scores: the same, except that a
    network with one output z (yes/no) has two classes, scored −z and z."""
    logits = logits.reshape(logits.shape[0], -1)
    return torch.cat([-logits, logits], 1) if logits.shape[1] == 1 else logits


def probabilities_of(model: nn.Sequential, logits: torch.Tensor) -> torch.Tensor:
    """N×K logits → N×C class probabilities: softmax; for a network ending in Sigmoid, a sigmoid per label;
    for one output z, [1 − σ(z), σ(z)]."""
    logits = logits.reshape(logits.shape[0], -1)
    if logits.shape[1] == 1:
        p = torch.sigmoid(logits)
        return torch.cat([1 - p, p], 1)
    if _final_activation(model) is nn.Sigmoid:
        return torch.sigmoid(logits)
    return torch.softmax(logits, 1)


def pixels_to_input(pixels: torch.Tensor, mean: float, std: float) -> torch.Tensor:
    """N×H×W pixels in [0, 1] → the normalised N×1×H×W batch the network was trained on (differentiable)."""
    return ((pixels - mean) / std).unsqueeze(1)


def _device_and_dtype(model: nn.Module) -> tuple[torch.device, torch.dtype]:
    p = next(model.parameters(), None)
    return (p.device, p.dtype) if p is not None else (torch.device("cpu"), torch.float32)


def as_image(image: np.ndarray) -> np.ndarray:
    """One image as float64 H×W, checked (a caller's bug, not the user's, when it is not one)."""
    img = np.asarray(image, dtype=np.float64)
    if img.ndim != 2 or img.size == 0 or not np.all(np.isfinite(img)):
        raise ValueError(f"An image must be a finite H×W array, not one of shape {img.shape}.")
    return img


@contextmanager
def input_gradients(model: nn.Sequential, lock: AbstractContextManager[object] | None = None
                    ) -> Iterator[tuple[torch.device, torch.dtype]]:
    """Hold `lock`, put the network in eval mode with autograd on (even inside `torch.no_grad`), and put its
    mode back afterwards. Yields the device and dtype of its parameters, for the input."""
    with lock if lock is not None else nullcontext():
        was_training = model.training
        model.eval()
        device, dtype = _device_and_dtype(model)
        # cuDNN's LSTM/GRU computes gradients only in training mode; its plain kernels do in eval mode too
        rnn = device.type == "cuda" and any(isinstance(m, RowSequence) for m in model.modules())
        try:
            with torch.enable_grad(), torch.backends.cudnn.flags(enabled=False) if rnn else nullcontext():
                yield device, dtype
        finally:
            model.train(was_training)


def explained_class(scores: torch.Tensor, target: int | None) -> int:
    """`target`, checked against the number of classes, or the predicted class when None."""
    count = int(scores.shape[1])
    if target is None:
        return int(scores[0].argmax())
    if not 0 <= target < count:
        raise ValueError(tr("There are {count} classes, numbered 0 to {last}; there is no class {label}.").format(
            count=count, last=count - 1, label=target))
    return int(target)


def pixel_tensor(pixels: np.ndarray, device: torch.device, dtype: torch.dtype) -> torch.Tensor:
    """Pixels (numpy, any shape) as a tensor of the network's device and dtype."""
    return torch.from_numpy(np.ascontiguousarray(pixels)).to(device=device, dtype=dtype)


def logits_of(model: nn.Sequential, pixels: torch.Tensor, mean: float, std: float, keep: str | None = None
            ) -> tuple[torch.Tensor, torch.Tensor | None]:
    """The logits (N×K: the output, or what goes into a final Softmax/Sigmoid) for N×H×W pixels in [0, 1],
    normalised as in training; also the output of the layer named `keep`."""
    x = pixels_to_input(pixels, mean, std)
    kept = None
    for name, module in _score_layers(model):
        x = module(x)
        if name == keep:
            kept = x
    return x.reshape(x.shape[0], -1), kept


def _gradients(model: nn.Sequential, pixels: np.ndarray, target: int, mean: float, std: float,
               device: torch.device, dtype: torch.dtype) -> np.ndarray:
    """∂ score_target / ∂ pixels for a batch N×H×W: each image's own gradient (in eval mode no image
    affects another's score, so the gradient of the summed scores is every image's own)."""
    x = pixel_tensor(pixels, device, dtype).requires_grad_(True)
    scores = class_scores(logits_of(model, x, mean, std)[0])
    (grad,) = torch.autograd.grad(scores[:, target].sum(), x)
    return grad.detach().double().cpu().numpy()


def _explained(model: nn.Sequential, logits: torch.Tensor, c: int, method: str, values: np.ndarray) -> SaliencyMap:
    """The map's record: class c, and the prediction and probabilities from the image's logits (1×K)."""
    scores = class_scores(logits.detach())
    probs = probabilities_of(model, logits.detach()[:1]).double().cpu().numpy()[0]
    return SaliencyMap(method, values, c, int(scores[0].argmax()), probs, float(scores[0, c]))


# ----- the three maps ---------------------------------------------------------------------------------------

def gradient_saliency(model: nn.Sequential, image: np.ndarray, target: int | None = None, mean: float = 0.5,
                      std: float = 0.5, lock: AbstractContextManager[object] | None = None) -> SaliencyMap:
    """|∂ score_c / ∂ pixel| for one image (H×W in [0, 1]) and class c (`target`, or the predicted class)."""
    img = as_image(image)
    return _mean_abs_gradient(model, img, img[None], target, mean, std, lock, "gradient")


def smoothgrad(model: nn.Sequential, image: np.ndarray, target: int | None = None,
               samples: int = DEFAULT_SMOOTHGRAD_SAMPLES, noise: float = DEFAULT_SMOOTHGRAD_NOISE, seed: int = 0,
               mean: float = 0.5, std: float = 0.5,
               lock: AbstractContextManager[object] | None = None) -> SaliencyMap:
    """SmoothGrad: the mean of |∂ score_c / ∂ pixel| over `samples` copies of the image with Gaussian noise
    of σ = `noise` (pixel units, not clipped: the noise is a probe, not an image) drawn from
    `numpy.random.default_rng(seed)` as one samples×H×W array. The class c is `target`, or the prediction
    for the image itself (not for a noisy copy)."""
    img = as_image(image)
    if not 1 <= samples <= MAX_SMOOTHGRAD_SAMPLES or not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"SmoothGrad needs 1 to {MAX_SMOOTHGRAD_SAMPLES} samples and noise ≥ 0, "
                         f"not {samples} and {noise}.")  # a caller's bug: the view offers valid values
    noisy = img[None] + np.random.default_rng(seed).normal(0.0, noise, (samples, *img.shape))
    found = _mean_abs_gradient(model, img, noisy, target, mean, std, lock, "smoothgrad")
    return replace(found, samples=samples, noise=float(noise))


def _mean_abs_gradient(model: nn.Sequential, image: np.ndarray, probes: np.ndarray, target: int | None,
                       mean: float, std: float, lock: AbstractContextManager[object] | None,
                       method: str) -> SaliencyMap:
    """The mean of |∂ score_c / ∂ pixel| over the probe images (N×H×W), c chosen on `image`."""
    total = np.zeros_like(image)
    with input_gradients(model, lock) as (device, dtype):
        with torch.no_grad():
            logits, _ = logits_of(model, pixel_tensor(image[None], device, dtype), mean, std)
        c = explained_class(class_scores(logits), target)
        for start in range(0, len(probes), SMOOTHGRAD_CHUNK):
            total += np.abs(_gradients(model, probes[start:start + SMOOTHGRAD_CHUNK], c, mean, std, device,
                                       dtype)).sum(0)
    return _explained(model, logits, c, method, total / len(probes))


def last_conv_layer(model: nn.Sequential) -> str | None:
    """The name of the network's last Conv2d layer, or None when it has none."""
    names = [name for name, m in _children(model) if isinstance(m, nn.Conv2d)]
    return names[-1] if names else None


def _grad_cam_layers(model: nn.Sequential, layer: str | None) -> tuple[str, str]:
    """(the convolution layer, the layer whose output maps Grad-CAM weighs: the conv, or the activations
    and BatchNorm right after it)."""
    children = _score_layers(model)  # never a final Softmax/Sigmoid: the maps come before the scores
    conv = layer if layer is not None else last_conv_layer(model)
    if conv is None:
        raise SaliencyError(tr("Grad-CAM needs a convolution layer and this network has none: "
                               "use the gradient or SmoothGrad."))
    position = next((i for i, (name, _) in enumerate(children) if name == conv), None)
    if position is None:
        raise SaliencyError(tr("The network has no layer named '{name}'.").format(name=conv))
    if not isinstance(children[position][1], nn.Conv2d):
        raise SaliencyError(tr("Grad-CAM weighs the maps of a convolution layer; '{name}' is a {type} layer.").format(
            name=conv, type=type(children[position][1]).__name__))
    end = position
    while end + 1 < len(children) and isinstance(children[end + 1][1], _ELEMENTWISE):
        end += 1
    return conv, children[end][0]


def grad_cam(model: nn.Sequential, image: np.ndarray, target: int | None = None, layer: str | None = None,
             mean: float = 0.5, std: float = 0.5, lock: AbstractContextManager[object] | None = None) -> SaliencyMap:
    """Grad-CAM for one image (H×W in [0, 1]) and class c: the maps A_k of the convolution layer `layer`
    (default: the last one; taken after the activation that follows it), α_k = the mean of ∂ score_c / ∂ A_k
    over the map, ReLU(Σ_k α_k A_k), scaled up to the image bilinearly. Raises SaliencyError when the network
    has no convolution layer."""
    img = as_image(image)
    conv, maps_from = _grad_cam_layers(model, layer)
    with input_gradients(model, lock) as (device, dtype):
        logits, maps = logits_of(model, pixel_tensor(img[None], device, dtype), mean, std, keep=maps_from)
        assert maps is not None  # _grad_cam_layers picks it from the score layers
        scores = class_scores(logits)
        c = explained_class(scores, target)
        (grad,) = torch.autograd.grad(scores[0, c], maps)
        weights = grad.mean(dim=(2, 3), keepdim=True)
        cam = F.relu((weights * maps).sum(1, keepdim=True)).detach()
        full = F.interpolate(cam, size=img.shape, mode="bilinear", align_corners=False)
    found = _explained(model, logits, c, "gradcam", full[0, 0].double().cpu().numpy())
    return replace(found, layer=conv, maps_from=maps_from, coarse=cam[0, 0].double().cpu().numpy(),
                   channel_weights=weights.reshape(-1).double().cpu().numpy())


def saliency_map(model: nn.Sequential, image: np.ndarray, method: str, target: int | None = None,
                 mean: float = 0.5, std: float = 0.5, lock: AbstractContextManager[object] | None = None,
                 samples: int = DEFAULT_SMOOTHGRAD_SAMPLES, noise: float = DEFAULT_SMOOTHGRAD_NOISE,
                 seed: int = 0, layer: str | None = None) -> SaliencyMap:
    """One of `SALIENCY_METHODS` by name (what a view with a method picker calls)."""
    if method == "gradient":
        return gradient_saliency(model, image, target, mean, std, lock)
    if method == "smoothgrad":
        return smoothgrad(model, image, target, samples, noise, seed, mean, std, lock)
    if method == "gradcam":
        return grad_cam(model, image, target, layer, mean, std, lock)
    raise ValueError(f"Unknown saliency method {method!r}; known: {', '.join(SALIENCY_METHODS)}.")

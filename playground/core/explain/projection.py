"""The activation map: what one layer makes of many test images, projected to 2-D points.

- `layer_features`: the chosen layer's output for each image (N×F, flattened), in eval mode, in batches;
- `pca_2d`: the two directions of largest variance (principal components). Quick enough to redo after
  every epoch, and a new image (the drawn digit) is placed on the same axes with `PcaProjection.project`;
- `tsne_2d`: t-SNE (van der Maaten and Hinton, 2008) from scikit-learn, an optional dependency: with
  SciPy it adds about 180 MB, more than the app's bundle has room for, so the app runs without it and
  `tsne_available()` / `TsneUnavailable` say how to get it. It keeps neighbours together rather than
  distances, so it pulls clusters apart more clearly than PCA, but it takes seconds and has no `project`.

PCA is exact from the smaller of the covariance (F×F) and Gram (N×N) matrices (numpy's symmetric
eigensolver on them is ~30× quicker than an SVD of the data for 2,000 × 128); for wide layers of many
images (a convolution's maps) a seeded randomised SVD (Halko, Martinsson and Tropp, 2011) finds the top
axes without ever forming either matrix. There the data is not centred in a copy either: each product
with the centred data is the product with the data less a rank-one term of the mean. On two cores each
pass over 2,000 × 12,544 floats costs ~10–17 ms, so the passes saved (the copy, float64 sums, a
finiteness scan) halve an update; where the mean dwarfs the spread (a float32 product would then lose
digits to the subtraction) the data is centred first, as before. Every axis's sign is fixed, so an update
does not mirror the picture: its largest entry is positive, or, given the previous projection, it points the
same way.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch
from torch import nn

from playground.core.explain.inspection import normalised_batch
from playground.core.i18n import tr

__all__ = [
    "DEFAULT_POINTS",
    "PcaProjection",
    "ProjectionError",
    "TsneUnavailable",
    "layer_features",
    "pca_2d",
    "principal_axes",
    "projection_sample",
    "tsne_2d",
    "tsne_available",
]

DEFAULT_POINTS = 2000  # test images in the picture
MAX_FEATURE_VALUES = 2000 * 16_384  # N·F floats held at most (128 MB): 2,000 images of the widest common layer
EXACT_PCA_LIMIT = 256  # exact PCA while the smaller matrix (F×F or N×N) is at most this wide (cost ∝ its width)
POWER_ITERATIONS = 3  # randomised SVD: enough for the top axes of activations to agree with the exact ones
WARM_ITERATIONS = 1  # from the last update's axes (a little training since): already close, so one is enough
OVERSAMPLING = 10
FEATURE_BATCH = 100  # a convolution's maps of 100 images (5 MB for the cnn's conv1) stay in cache; 500 did not
CANCELLATION_LIMIT = 0.99  # implicit centring while the spread is at least 1 % of the second moment
TSNE_STAGE = 250  # scikit-learn's smallest run: the progress and cancel step
TSNE_DIMENSIONS = 50  # t-SNE starts from this many principal components (the usual first step; faster)
TSNE_EXAGGERATION = 12.0  # scikit-learn's default early exaggeration, for the first stage


class ProjectionError(ValueError):
    """The projection cannot be made as asked; one line for the user."""


class TsneUnavailable(ProjectionError):
    """scikit-learn (and with it t-SNE) is not installed."""


# ----- the features ----------------------------------------------------------------------------------------

def projection_sample(available: int, count: int = DEFAULT_POINTS, seed: int = 0) -> np.ndarray:
    """`count` indices (all when there are fewer) of `available` images, drawn from `seed`, in order."""
    if available <= count:
        return np.arange(available)
    return np.sort(np.random.default_rng(seed).choice(available, count, replace=False))


def layer_features(model: nn.Sequential, images: np.ndarray, layer: str, mean: float = 0.5, std: float = 0.5,
                   lock: AbstractContextManager[object] | None = None, batch_size: int = FEATURE_BATCH,
                   progress: Callable[[float], None] | None = None,
                   cancelled: Callable[[], bool] | None = None, out: np.ndarray | None = None) -> np.ndarray | None:
    """The output of `layer` for every image (N×H×W floats in [0, 1], or a dataset's uint8 pixels; normalised
    as in training), one row of F floats per image (float32), in eval mode. The lock is held per batch, so
    training goes on between batches. None when `cancelled()` turns true. `out`: the last update's array,
    filled again when it has the shape (a fresh 100 MB array costs more in page faults than its copy)."""
    names = [name for name, _ in model.named_children()]
    if layer not in names:
        raise ProjectionError(tr("The network has no layer named '{name}'.").format(name=layer))
    head = list(model.children())[:names.index(layer) + 1]
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    n = len(images)
    for start in range(0, n, batch_size):
        if cancelled is not None and cancelled():
            return None
        batch = images[start:start + batch_size]
        if batch.dtype == np.uint8:  # a dataset's own pixels: scaled a batch at a time, not all 2,000 at once
            batch = batch.astype(np.float32) / 255
        x = normalised_batch(batch, mean, std).to(device)
        with lock if lock is not None else nullcontext(), torch.no_grad():
            was_training = model.training
            model.eval()
            try:
                for index, module in enumerate(head):
                    x = _forward(module, x, channels_last=index < len(head) - 1)
            finally:
                model.train(was_training)
        rows = x.reshape(x.shape[0], -1).float().cpu().numpy()
        if out is None or out.shape != (n, rows.shape[1]) or out.dtype != np.float32:
            if n * rows.shape[1] > MAX_FEATURE_VALUES:
                raise ProjectionError(tr(
                    "{layer} gives {features} numbers per image: too many to project {count} images. "
                    "Pick a later layer or fewer images.").format(layer=layer, features=rows.shape[1], count=n))
            out = np.empty((n, rows.shape[1]), np.float32)
        out[start:start + len(rows)] = rows
        if progress is not None:
            progress(min(start + batch_size, n) / n)
    return out if out is not None and n else np.zeros((0, 0), np.float32)


def _forward(module: nn.Module, x: torch.Tensor, channels_last: bool) -> torch.Tensor:
    """One layer on a batch that is the caller's own (never its input), quicker on a CPU, same values:
    ReLU in place (no new copy of a convolution's maps); with `channels_last`, pooling on maps stored
    channels last, which PyTorch 2.x pools ~5× quicker than its NCHW kernel (the cnn's 2,000 digits through
    fc1: ~155 → ~95 ms; through conv2 ~140 → ~105 ms; the convolutions after it keep that layout at the same
    cost). Not for the layer asked for itself: its rows back in channel order cost more than that saves."""
    if type(module) is nn.ReLU:
        return torch.relu_(x)
    if channels_last and isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)) and x.dim() == 4:
        x = x.contiguous(memory_format=torch.channels_last)
    out: torch.Tensor = module(x)
    return out


def _centered(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mean row (float64) and the rows less it, float32 when they come as float32: a wide layer's maps
    stay half the size."""
    center = x.mean(0, dtype=np.float64)
    dtype = np.float32 if x.dtype == np.float32 else np.float64
    return center, x.astype(dtype, copy=False) - center.astype(dtype)


def _rows(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The features as an N×F array and their column sums (float64), checked: any NaN or infinity makes a
    sum non-finite, so the sums (one BLAS pass) stand in for a scan of every value."""
    x = np.asarray(features)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise ProjectionError(tr("A projection needs at least two images with at least one number each."))
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    sums = np.asarray(np.ones(len(x), x.dtype) @ x, np.float64)
    if not np.all(np.isfinite(sums)):
        raise ProjectionError(tr("The layer's outputs are not finite numbers: train again with a lower "
                                 "learning rate."))
    return x, sums


# ----- PCA ---------------------------------------------------------------------------------------------------

@dataclass
class PcaProjection:
    """N points on the two principal axes, and what places further images on the same axes."""

    points: np.ndarray  # N×2: each image's coordinates along the axes
    center: np.ndarray  # F: the mean feature vector, subtracted first
    axes: np.ndarray  # 2×F unit vectors, the first along the largest variance
    variances: np.ndarray  # the variance along each axis (n − 1 in the denominator, as sklearn's PCA)
    total_variance: float  # summed over every feature

    @property
    def explained(self) -> np.ndarray:
        """The share of all variance along each axis (sklearn's explained_variance_ratio_)."""
        return self.variances / self.total_variance if self.total_variance > 0 else np.zeros_like(self.variances)

    def project(self, features: np.ndarray) -> np.ndarray:
        """More images' features (M×F, or one F vector) → M×2 points on these axes."""
        x = np.asarray(features, np.float64).reshape(-1, self.center.size)
        out: np.ndarray = (x - self.center) @ self.axes.T
        return out


def principal_axes(centered: np.ndarray, k: int, seed: int = 0, start: np.ndarray | None = None,
                   center: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The top `k` principal axes (k×F, unit rows, largest variance first) of centred data N×F and the
    variance along each: exact from the smaller of XᵀX and XXᵀ, or by a seeded randomised SVD for wide
    data of many rows — started from `start` (earlier axes, rows of F) when given: each pass over the data
    costs as much as the rest together, and a warm start needs 4 passes instead of 8. With `center`, the
    data are the rows of `centered` less `center`, never formed."""
    n, f = centered.shape
    k = min(k, n, f)
    if min(n, f) <= EXACT_PCA_LIMIT:
        if center is not None:
            centered = centered - center.astype(centered.dtype)
        x = centered.astype(np.float64, copy=False)
        if f <= n:
            w, v = np.linalg.eigh(x.T @ x)
            order = np.argsort(w)[::-1][:k]
            axes, eig = v[:, order].T, w[order]
        else:  # XXᵀ u = λu ⇒ XᵀX (Xᵀu) = λ (Xᵀu): the axes are Xᵀu, normalised
            w, u = np.linalg.eigh(x @ x.T)
            order = np.argsort(w)[::-1][:k]
            axes, eig = (x.T @ u[:, order]).T, w[order]
            axes = axes / np.maximum(np.linalg.norm(axes, axis=1, keepdims=True), 1e-300)
    else:
        rng = np.random.default_rng(seed)
        omega = rng.standard_normal((f, k + OVERSAMPLING)).astype(centered.dtype)
        iterations = POWER_ITERATIONS
        if start is not None and start.ndim == 2 and start.shape[1] == f and 0 < len(start) <= k:
            omega[:, :len(start)] = start.T
            iterations = WARM_ITERATIONS
        data = _CenteredData(centered, center)
        y = data @ omega
        for _ in range(iterations):
            q = np.linalg.qr(y)[0]  # re-orthonormalised each time, so small directions are not lost to rounding
            y = data @ data.t_times(q)
        q = np.linalg.qr(y)[0]
        _, s, vt = np.linalg.svd(data.times_left(q).astype(np.float64), full_matrices=False)
        axes, eig = vt[:k], s[:k] ** 2
    return np.asarray(axes, np.float64), np.maximum(np.asarray(eig, np.float64), 0.0) / max(n - 1, 1)


class _CenteredData:
    """Rows of `x` less `center` (none: `x` as it is) as far as products go: X̃Ω = XΩ − 1(cᵀΩ),
    X̃ᵀQ = XᵀQ − c(1ᵀQ), QᵀX̃ = QᵀX − (Qᵀ1)cᵀ."""

    def __init__(self, x: np.ndarray, center: np.ndarray | None):
        self.x = x
        self.center = None if center is None else center.astype(x.dtype)

    def __matmul__(self, m: np.ndarray) -> np.ndarray:
        out: np.ndarray = self.x @ m
        return out if self.center is None else out - self.center @ m

    def t_times(self, q: np.ndarray) -> np.ndarray:
        out: np.ndarray = self.x.T @ q
        return out if self.center is None else out - np.outer(self.center, q.sum(0))

    def times_left(self, q: np.ndarray) -> np.ndarray:
        out: np.ndarray = q.T @ self.x
        return out if self.center is None else out - np.outer(q.sum(0), self.center)


def pca_2d(features: np.ndarray, align_to: PcaProjection | None = None, seed: int = 0) -> PcaProjection:
    """The features (N×F, N ≥ 2) on their two principal axes. Each axis's sign: pointing like `align_to`'s
    (the previous update's, when it has as many features), else with its largest entry positive."""
    x, sums = _rows(features)
    n = len(x)
    center = sums / n
    dtype = np.float32 if x.dtype == np.float32 else np.float64
    # Σ(x − c)² = Σx² − nΣc²: exact enough unless the mean dwarfs the spread (then centre a copy first).
    squares = float(np.einsum("ij,ij->i", x, x).sum(dtype=np.float64))  # a row's sum in float32 is exact enough
    spread = squares - n * float(center @ center)
    implicit = min(x.shape) > EXACT_PCA_LIMIT and spread > (1 - CANCELLATION_LIMIT) * squares
    if implicit:
        data, total = x.astype(dtype, copy=False), max(spread, 0.0) / max(n - 1, 1)
    else:  # float32 sums of large values are off by more than the spread: the mean again, in float64
        center = x.mean(0, dtype=np.float64)
        data = x.astype(dtype, copy=False) - center.astype(dtype)
        total = float(np.einsum("ij,ij->", data, data, dtype=np.float64)) / max(n - 1, 1)
    start = align_to.axes if align_to is not None and align_to.axes.shape[1] == x.shape[1] else None
    axes, variances = principal_axes(data, 2, seed, start=start, center=center if implicit else None)
    if axes.shape[0] < 2:  # one feature: the second axis is empty
        axes = np.vstack([axes, np.zeros((2 - axes.shape[0], axes.shape[1]))])
        variances = np.concatenate([variances, np.zeros(2 - variances.size)])
    for i in range(2):
        if align_to is not None and align_to.axes.shape == axes.shape:
            flip = float(axes[i] @ align_to.axes[i]) < 0
        else:
            flip = axes[i, np.argmax(np.abs(axes[i]))] < 0
        if flip:
            axes[i] = -axes[i]
    points = np.asarray(_CenteredData(data, center if implicit else None) @ axes.T.astype(dtype), np.float64)
    return PcaProjection(points, center, axes, variances, total)


# ----- t-SNE ------------------------------------------------------------------------------------------------

def tsne_available() -> bool:
    """Whether scikit-learn (and the SciPy it needs) is installed. Only looks: importing them takes seconds."""
    return all(importlib.util.find_spec(name) is not None for name in ("sklearn", "scipy"))


def _tsne_class() -> Any:
    try:
        # by name: PyInstaller then never bundles scikit-learn (nor, failing that, half of it without SciPy)
        return importlib.import_module("sklearn.manifold").TSNE
    except ImportError as error:  # not installed, or installed without a working SciPy
        raise TsneUnavailable(tr("t-SNE needs scikit-learn, which is not installed: install it with "
                                 "'pip install scikit-learn' and start the app again.")) from error


def tsne_2d(features: np.ndarray, seed: int = 0, perplexity: float = 30.0, iterations: int = 1000,
            progress: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> np.ndarray | None:
    """t-SNE of the features (N×F) to N×2 points (float32), the same for the same seed. Runs scikit-learn's
    Barnes-Hut t-SNE from the first 50 principal components, in stages of 250 iterations (`iterations` is
    rounded up to whole stages; the first stage with early exaggeration, each later one from where the last
    stopped, at the same learning rate), so that `progress(fraction)` is told after each stage and
    `cancelled()` is asked before each: None when cancelled. Raises TsneUnavailable without scikit-learn."""
    tsne = _tsne_class()
    x = _rows(features)[0]
    n = len(x)
    if n < 5:
        raise ProjectionError(tr("t-SNE needs at least 5 images."))
    centered = _centered(x)[1]
    if x.shape[1] > TSNE_DIMENSIONS:
        axes, _ = principal_axes(centered, TSNE_DIMENSIONS, seed)
        centered = centered @ axes.T.astype(centered.dtype)
    centered = centered.astype(np.float64)
    stages = max(1, -(-iterations // TSNE_STAGE))
    # sklearn's "auto" learning rate for the exaggerated stage, kept for the later ones as sklearn does
    learning_rate = max(n / TSNE_EXAGGERATION / 4, 50.0)
    perplexity = min(perplexity, (n - 1) / 3)
    points: np.ndarray | str = "pca"
    for stage in range(stages):
        if cancelled is not None and cancelled():
            return None
        points = tsne(n_components=2, perplexity=perplexity, learning_rate=learning_rate, max_iter=TSNE_STAGE,
                      init=points, early_exaggeration=TSNE_EXAGGERATION if stage == 0 else 1.0,
                      random_state=seed).fit_transform(centered)
        if progress is not None:
            progress((stage + 1) / stages)
    return np.asarray(points, np.float32)

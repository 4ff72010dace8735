"""The activation map: what one layer makes of many test images, projected to 2-D points.

- `layer_features`: the chosen layer's output for each image (N×F, flattened), in eval mode, in batches;
- `pca_2d`: the two directions of largest variance (principal components). Quick enough to redo after
  every epoch, and a new image (the drawn digit) is placed on the same axes with `PcaProjection.project`;
- `tsne_2d`: t-SNE (van der Maaten and Hinton, 2008) from scikit-learn, an optional dependency: with
  SciPy it adds about 180 MB, more than the app's bundle has room for, so the app runs without it and
  `tsne_available()` / `TsneUnavailable` say how to get it. It keeps neighbours together rather than
  distances, so it pulls clusters apart more clearly than PCA, but it takes seconds and has no `project`.

PCA is exact from the smaller of the covariance (F×F) and Gram (N×N) matrices (a symmetric eigensolver on
them is ~30× quicker than an SVD of the data for 2,000 × 128); for wide layers of many images (a
convolution's maps) a seeded randomised SVD (Halko, Martinsson and Tropp, 2011) finds the top axes without
ever forming either matrix, and an update starts from the last one's axes. There the data is not centred in
a copy either: each product with the centred data is the product with the data less a rank-one term of the
mean. On two cores each pass over 2,000 × 12,544 floats costs ~5–10 ms, so the passes saved (the copy,
float64 sums, a finiteness scan, the power iterations of a warm start) are most of an update; where the mean
dwarfs the spread (a float32 product would then lose digits to the subtraction) the data is centred first.
The products run in PyTorch (`_mm`), not numpy's OpenBLAS, whose idle threads slow the next convolutions.
Every axis's sign is fixed, so an update does not mirror the picture: its largest entry is positive, or,
given the previous projection, it points the same way.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
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
WARM_ITERATIONS = 0  # from the last update's axes: one Rayleigh-Ritz step (|cos| ≥ 0.995 to the exact axes of
# the cnn's conv2 after 300 training steps, whose axes had moved to |cos| ~0.99): each update is one more step
WARM_AGREEMENT = 0.9  # an axis that moved further than this from the one it started from: iterate as from cold
OVERSAMPLING = 10
FEATURE_BATCH = 100  # images a batch at most (a dense network's layers are narrow: fewer batches, less overhead)
BATCH_OUTPUT_BYTES = 1 << 20  # a batch's widest layer output at most (see layer_features)
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
    as in training), one row of F floats per image (float32), in eval mode. The lock is held per batch of
    `batch_size` images, so training goes on between batches. None when `cancelled()` turns true. `out`: the
    last update's array, filled again when it has the shape (a fresh 100 MB array costs more in page faults
    than its copy)."""
    names = [name for name, _ in model.named_children()]
    if layer not in names:
        raise ProjectionError(tr("The network has no layer named '{name}'.").format(name=layer))
    head = list(model.children())[:names.index(layer) + 1]
    device = next((p.device for p in model.parameters()), torch.device("cpu"))
    n = len(images)
    chunk = batch_size
    if n > 1 and device.type == "cpu":
        chunk = _cpu_chunk(model, head, _batch(images[:1], mean, std, device), lock, batch_size)
    for start in range(0, n, batch_size):
        if cancelled is not None and cancelled():
            return None
        batch = _batch(images[start:start + batch_size], mean, std, device)
        with lock if lock is not None else nullcontext(), torch.no_grad(), _evaluating(model):
            for first in range(0, len(batch), chunk):
                x = _through(head, batch[first:first + chunk])
                width = x[0].numel()
                if out is None or out.shape != (n, width) or out.dtype != np.float32:
                    if n * width > MAX_FEATURE_VALUES:
                        raise ProjectionError(tr(
                            "{layer} gives {features} numbers per image: too many to project {count} images. "
                            "Pick a later layer or fewer images.").format(layer=layer, features=width, count=n))
                    out = np.empty((n, width), np.float32)
                # one copy, from whatever layout and device the maps have into their rows in channel order
                torch.from_numpy(out[start + first:start + first + len(x)]).view(x.shape).copy_(x)
        if progress is not None:
            progress(min(start + batch_size, n) / n)
    return out if out is not None and n else np.zeros((0, 0), np.float32)


def _cpu_chunk(model: nn.Module, head: list[nn.Module], one: torch.Tensor,
               lock: AbstractContextManager[object] | None, most: int) -> int:
    """As many images at a time as keep every layer's output for them within `BATCH_OUTPUT_BYTES`, found by
    passing one image: a larger output is mapped fresh from the system each time (glibc's malloc above its
    mmap threshold, 4 MB as the app sets it) and every page of it faults in again, which on a virtual
    machine cost the cnn's conv1 ~60 ms an update for 2,000 digits. 1 MB at a time reuses the same heap
    memory, and stays in the processor's cache from one layer to the next."""
    sizes = [one[0].numel()]
    with lock if lock is not None else nullcontext(), torch.no_grad(), _evaluating(model):
        _through(head, one, sizes)
    return max(1, min(most, BATCH_OUTPUT_BYTES // (max(sizes) * 4)))


def _batch(images: np.ndarray, mean: float, std: float, device: torch.device) -> torch.Tensor:
    if images.dtype == np.uint8:  # a dataset's own pixels: scaled a batch at a time, not all 2,000 at once
        images = images.astype(np.float32) / 255
    return normalised_batch(images, mean, std).to(device)


def _through(head: list[nn.Module], x: torch.Tensor, sizes: list[int] | None = None) -> torch.Tensor:
    """The images through the layers of `head`; `sizes` gets each output's number of values an image."""
    for module in head:
        x = _forward(module, x)
        if sizes is not None:
            sizes.append(x[0].numel())
    return x


@contextmanager
def _evaluating(model: nn.Module) -> Iterator[None]:
    """Every module in eval mode, each put back as it was after: what `model.eval()` and `train()` do, without
    their walk through `Module.__setattr__` (0.1 ms a batch, ~15 % of a cnn update in batches of 20), since
    the lock is held a batch at a time and training must find its own mode between batches."""
    modules = list(model.modules())
    modes = [module.training for module in modules]
    for module in modules:
        object.__setattr__(module, "training", False)
    try:
        yield
    finally:
        for module, mode in zip(modules, modes, strict=True):
            object.__setattr__(module, "training", mode)


def _forward(module: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """One layer on a batch that is the caller's own (never its input), quicker on a CPU, same values:
    ReLU in place (no new copy of a convolution's maps) and pooling on maps stored channels last, which
    PyTorch 2.x pools ~5× quicker than its NCHW kernel: the cnn's pool1 for 2,000 digits 42 → ~10 ms,
    its output's copy back to channel order for the rows included. The convolutions after it keep that
    layout at the same cost."""
    if type(module) is nn.ReLU:
        return torch.relu_(x)
    if isinstance(module, (nn.MaxPool2d, nn.AvgPool2d)) and x.dim() == 4:
        x = x.contiguous(memory_format=torch.channels_last)
    out: torch.Tensor = module(x)
    return out


def _centered(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The mean row (float64) and the rows less it, float32 when they come as float32: a wide layer's maps
    stay half the size."""
    center = x.mean(0, dtype=np.float64)
    dtype = np.float32 if x.dtype == np.float32 else np.float64
    return center, x.astype(dtype, copy=False) - center.astype(dtype)


def _mm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b by PyTorch, in the thread pool the layer outputs were computed in. numpy's OpenBLAS has a pool
    of its own whose threads spin for a while after each product: the next update's convolutions ran ~1.5×
    slower beside them (the cnn's fc1 on two cores: 140 → 210 ms), and so would a training run."""
    return (_tensor(a) @ _tensor(b)).numpy()


def _qr(a: np.ndarray) -> np.ndarray:
    """The Q of a's reduced QR (by PyTorch, as `_mm`)."""
    q: np.ndarray = torch.linalg.qr(_tensor(a)).Q.numpy()
    return q


def _eigh(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The eigenvalues (ascending) and eigenvectors of a symmetric matrix (by PyTorch, as `_mm`)."""
    w, v = torch.linalg.eigh(_tensor(a))
    return w.numpy(), v.numpy()


def _tensor(a: np.ndarray) -> torch.Tensor:
    """The array as a tensor sharing its memory (a read-only array is copied: PyTorch would warn)."""
    return torch.from_numpy(a if a.flags.writeable else a.copy())


def _rows(features: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The features as an N×F array and their column sums (float64), checked: any NaN or infinity makes a
    sum non-finite, so the sums (one BLAS pass) stand in for a scan of every value."""
    x = np.asarray(features)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 1:
        raise ProjectionError(tr("A projection needs at least two images with at least one number each."))
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    sums = np.asarray(_mm(np.ones(len(x), x.dtype), x), np.float64)
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
        return _mm(x - self.center, self.axes.T.copy())


def principal_axes(centered: np.ndarray, k: int, seed: int = 0, start: np.ndarray | None = None,
                   center: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The top `k` principal axes (k×F, unit rows, largest variance first) of centred data N×F and the
    variance along each: exact from the smaller of XᵀX and XXᵀ, or by a seeded randomised SVD for wide
    data of many rows — started from `start` (earlier axes, rows of F) when given: each pass over the data
    costs as much as the rest together, and a warm start needs 2 passes instead of 8 (8 more when an axis
    turns out to have moved far from its start). With `center`, the data are the rows of `centered` less
    `center`, never formed."""
    n, f = centered.shape
    k = min(k, n, f)
    if min(n, f) <= EXACT_PCA_LIMIT:
        if center is not None:
            centered = centered - center.astype(centered.dtype)
        x = centered.astype(np.float64, copy=False)
        if f <= n:
            w, v = _eigh(_mm(x.T, x))
            order = np.argsort(w)[::-1][:k]
            axes, eig = v[:, order].T, w[order]
        else:  # XXᵀ u = λu ⇒ XᵀX (Xᵀu) = λ (Xᵀu): the axes are Xᵀu, normalised
            w, u = _eigh(_mm(x, x.T))
            order = np.argsort(w)[::-1][:k]
            axes, eig = _mm(x.T, np.ascontiguousarray(u[:, order])).T, w[order]
            axes = axes / np.maximum(np.linalg.norm(axes, axis=1, keepdims=True), 1e-300)
    else:
        rng = np.random.default_rng(seed)
        omega = rng.standard_normal((f, k + OVERSAMPLING)).astype(centered.dtype)
        if start is not None and not (start.ndim == 2 and start.shape[1] == f and 0 < len(start) <= k):
            start = None
        iterations = POWER_ITERATIONS if start is None else WARM_ITERATIONS
        if start is not None:
            omega[:, :len(start)] = start.T
        data = _CenteredData(centered, center)
        y = data @ omega
        while True:
            for _ in range(iterations):
                q = _qr(y)  # re-orthonormalised each time, so small directions are not lost to rounding
                y = data @ data.t_times(q)
            axes, eig = _top_right_vectors(data.times_left(_qr(y)), k)
            if start is None or iterations >= POWER_ITERATIONS or _agree(axes, start):
                break
            iterations = POWER_ITERATIONS  # the start was far off (the network changed a lot): go on from here
    return np.asarray(axes, np.float64), np.maximum(np.asarray(eig, np.float64), 0.0) / max(n - 1, 1)


def _top_right_vectors(b: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The top `k` right singular vectors of a short, wide B (l×F) and their squared singular values, from
    the eigenvectors of B·Bᵀ (l×l): a third of an SVD of B's cost (~5 ms for the cnn's conv2), and as exact
    for the top axes, whose singular values are the largest."""
    b = b.astype(np.float64)
    w, u = _eigh(_mm(b, b.T))
    order = np.argsort(w)[::-1][:k]
    axes = _mm(np.ascontiguousarray(u[:, order].T), b)
    return axes / np.maximum(np.linalg.norm(axes, axis=1, keepdims=True), 1e-300), w[order]


def _agree(axes: np.ndarray, start: np.ndarray) -> bool:
    """Whether each new axis is within `WARM_AGREEMENT` (|cos|) of the one it started from."""
    m = min(len(axes), len(start))
    cosines = np.abs(np.sum(axes[:m] * start[:m], 1)) / np.maximum(np.linalg.norm(start[:m], axis=1), 1e-300)
    return bool(np.all(cosines >= WARM_AGREEMENT))


class _CenteredData:
    """Rows of `x` less `center` (none: `x` as it is) as far as products go: X̃Ω = XΩ − 1(cᵀΩ),
    X̃ᵀQ = XᵀQ − c(1ᵀQ), QᵀX̃ = QᵀX − (Qᵀ1)cᵀ."""

    def __init__(self, x: np.ndarray, center: np.ndarray | None):
        self.x = x
        self.center = None if center is None else center.astype(x.dtype)

    def __matmul__(self, m: np.ndarray) -> np.ndarray:
        out = _mm(self.x, m)
        return out if self.center is None else out - _mm(self.center, m)

    def t_times(self, q: np.ndarray) -> np.ndarray:
        out = _mm(self.x.T, q)
        return out if self.center is None else out - np.outer(self.center, q.sum(0))

    def times_left(self, q: np.ndarray) -> np.ndarray:
        out = _mm(q.T, self.x)
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
    spread = squares - n * float(np.sum(center * center))
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
            flip = float(np.sum(axes[i] * align_to.axes[i])) < 0
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
        centered = _mm(centered, axes.T.astype(centered.dtype))
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

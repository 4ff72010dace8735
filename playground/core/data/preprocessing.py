"""Turn a drawing or a photo of a digit into what an MNIST image looks like.

MNIST digits were made by cropping the ink, scaling it with anti-aliasing to fit a 20×20 box
(keeping the aspect ratio) and placing it in a 28×28 field so that its centre of mass sits at
the centre. A model trained on MNIST only recognises digits prepared the same way, so the
canvas and the CLI `predict` both go through `prepare_digit`. numpy only: no PIL, no OpenCV.
"""

from __future__ import annotations

import numpy as np

from playground.core.i18n import tr

__all__ = ["prepare_digit", "has_ink", "to_uint8", "unit_range", "is_pixel_dtype", "OUTPUT_SIZE", "BOX_SIZE"]

OUTPUT_SIZE = 28
BOX_SIZE = 20
# Where MNIST puts the centre of mass, in pixel-index coordinates (measured on the training
# set: mean 14.00 in both axes, because the original shift was a whole number of pixels).
CENTRE = 14.0

# Ink weaker than this fraction of the strongest ink is paper texture or sensor noise.
NOISE_FLOOR = 0.15
# Below this contrast (as a fraction of the full value range) the image is treated as blank,
# so a photo of empty paper is not blown up into "ink".
MIN_CONTRAST = 0.04
# Ink must stand this many noise σ above the paper (σ from the border, robust): stray grain then
# cannot stretch the crop box and shrink the digit.
NOISE_SIGMAS = 5.0
# Strokes thinner than this (px in the 28×28 image; MNIST's median is 2.3) are thickened before
# scaling, instead of becoming faint 1-px lines. Thickening works at this multiple of the 20-px box.
TARGET_STROKE = 2.0
THICKEN_WORK_SCALE = 4
_LUMA = np.array([0.299, 0.587, 0.114])  # ITU-R BT.601, the usual RGB → gray weights


def is_pixel_dtype(dtype: np.dtype) -> bool:
    """Whether arrays of `dtype` can hold pixels: booleans, integers or real floats — not complex
    numbers, dates, time spans (numpy counts those as integers), strings, objects or records."""
    return np.dtype(dtype).kind in "biuf"


def _value_range(values: np.ndarray, integers: bool) -> tuple[float, float]:
    """(black, white) of finite float64 `values`, guessed from them so that any dtype works.

    0..1 when the values fit (floats in [0, 1], 0/1 masks), else 0..255 (8-bit data in any
    dtype, e.g. an int64 array), else 0..65535 for 16-bit data in an integer dtype (`integers`),
    else the values' own min..max (e.g. standardised data with negatives).
    """
    lo, hi = float(values.min()), float(values.max())
    if lo >= 0.0:
        if hi <= 1.0:
            return 0.0, 1.0
        if hi <= 255.0:
            return 0.0, 255.0
        if hi <= 65535.0 and integers:
            return 0.0, 65535.0
    return lo, (hi if hi > lo else lo + 1.0)


def unit_range(image: np.ndarray) -> np.ndarray:
    """The image as float64 with its black at 0 and its white at 1 (see `_value_range`), same shape.

    Any size, any real dtype; values near the ends of float64 (±1e308) work without overflow.
    Raises ValueError (a translated reason, without a file name) for an array that cannot be
    pixels: no pixels, a dtype that is not numbers (`is_pixel_dtype`), NaN or infinite values.
    """
    image = np.asarray(image)
    if not is_pixel_dtype(image.dtype):
        raise ValueError(tr("the image must hold numbers, not {dtype}").format(dtype=image.dtype))
    if image.size == 0:
        raise ValueError(tr("the image is empty (it has no pixels)"))
    if image.dtype.kind == "f" and image.dtype.itemsize > 8:  # long double: beyond float64 it saturates
        if not np.isfinite(image).all():
            raise ValueError(tr("the image contains NaN or infinite values"))
        limit = np.finfo(np.float64).max
        image = np.clip(image, -limit, limit)
    data = image.astype(np.float64)
    if not np.isfinite(data).all():
        raise ValueError(tr("the image contains NaN or infinite values"))
    black, white = _value_range(data, integers=image.dtype.kind in "iu")
    # Halved, the differences stay finite even from -1e308 to 1e308; halving is exact, so the result is too.
    span = white * 0.5 - black * 0.5
    if not span > 0.0:  # one value so large that value + 1 rounds back to it: a blank image
        return np.zeros_like(data)
    data *= 0.5
    data -= black * 0.5
    data /= span
    return data


def _to_gray(image: np.ndarray) -> np.ndarray:
    """2-D float64 gray in [0, 1] (about) from gray, gray+alpha, RGB or RGBA input.

    Transparent pixels are composited onto white paper, so black strokes on a transparent
    canvas read as dark ink on light paper. Colour and alpha share the input's value range.
    """
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[2] in (1, 2, 3, 4):
        pass
    elif image.ndim != 2:
        raise ValueError(
            tr("expected a grayscale (H×W), RGB (H×W×3) or RGBA (H×W×4) image, got shape {shape}")
            .format(shape=image.shape)
        )
    data = unit_range(image)
    if data.ndim == 2:
        return data
    channels = data.shape[2]
    colour = data[..., : 3 if channels >= 3 else 1]
    gray = colour @ _LUMA if colour.shape[2] == 3 else colour[..., 0]
    if channels in (2, 4):
        alpha = np.clip(data[..., -1], 0.0, 1.0)
        gray = gray * alpha + (1.0 - alpha)  # over white paper
    return gray


def _ink(image: np.ndarray, noise_aware: bool = True) -> np.ndarray | None:
    """Ink strength in [0, 1] (bright ink, zero background), or None when there is no ink."""
    gray = _to_gray(image)
    # The background is whatever dominates the border: drawings and photos have margins.
    border = np.concatenate((gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1]))
    background = float(np.median(border))
    lo, hi = float(gray.min()), float(gray.max())
    # Dark ink on light paper, or light ink on dark paper (like MNIST itself).
    ink = background - gray if background - lo > hi - background else gray - background
    contrast = float(ink.max())
    if contrast < MIN_CONTRAST:
        return None
    ink /= contrast
    floor = NOISE_FLOOR
    if noise_aware:
        sigma = 1.4826 * float(np.median(np.abs(border - background)))  # MAD → σ for Gaussian noise
        floor = max(floor, NOISE_SIGMAS * sigma / contrast)
    ink[ink < floor] = 0.0  # also clears the negative side (paper lighter than median)
    if not ink.any():  # all of it as weak as the border's noise (e.g. a noisy image): nothing to crop
        return None
    return ink


def _stroke_width(mask: np.ndarray) -> float:
    """Mean stroke width of a binary mask: 2·area / perimeter (the 4-connected perimeter scaled by
    π/4 to approximate the length of a curve's outline)."""
    area = int(mask.sum())
    if area == 0:
        return 0.0
    m = np.pad(mask, 1)
    core = m[1:-1, 1:-1]
    edges = sum(int((core & ~np.roll(m, shift, axis)[1:-1, 1:-1]).sum()) for axis in (0, 1) for shift in (1, -1))
    return 2.0 * area / max(edges * np.pi / 4, 1.0)


def _dilate(image: np.ndarray, radius: int) -> np.ndarray:
    """Grey dilation by a diamond of `radius` (iterated 3×3 cross maximum), padded to keep all ink."""
    out = np.pad(image, radius)
    for _ in range(radius):
        p = np.pad(out, 1)
        out = np.maximum.reduce([p[1:-1, 1:-1], p[:-2, 1:-1], p[2:, 1:-1], p[1:-1, :-2], p[1:-1, 2:]])
    return out


def _thicken_thin_strokes(crop: np.ndarray) -> np.ndarray:
    """The cropped ink, thickened so its strokes come out at least TARGET_STROKE px in the box."""
    h, w = crop.shape
    scale = BOX_SIZE * THICKEN_WORK_SCALE / max(h, w)
    if scale < 1.0:  # work on a smaller copy: the same result at a fraction of the cost
        crop = _resize(crop, max(1, round(h * scale)), max(1, round(w * scale)))
        crop /= max(float(crop.max()), 1e-12)
    width = _stroke_width(crop > 0.5) * BOX_SIZE / max(crop.shape)  # in box pixels
    radius = int(round((TARGET_STROKE - width) * max(crop.shape) / BOX_SIZE / 2))
    return _dilate(crop, radius) if radius > 0 else crop


def _resample_matrix(n_in: int, n_out: int) -> np.ndarray:
    """An n_out×n_in matrix resampling one axis: area average when shrinking, linear when growing.

    Area averaging is what anti-aliased downscaling means: each output pixel is the mean of the
    input it covers, fractional pixels counted by their covered fraction.
    """
    if n_out <= n_in:
        edges = np.arange(n_out + 1) * (n_in / n_out)
        starts, ends = edges[:-1, None], edges[1:, None]
        pixels = np.arange(n_in)[None, :]
        overlap: np.ndarray = np.clip(np.minimum(pixels + 1, ends) - np.maximum(pixels, starts), 0.0, None)
        return overlap * (n_out / n_in)
    # Growing: linear interpolation between input pixel centres.
    centres = np.clip((np.arange(n_out) + 0.5) * (n_in / n_out) - 0.5, 0.0, n_in - 1)
    left = np.floor(centres).astype(np.intp)
    right = np.minimum(left + 1, n_in - 1)
    frac = centres - left
    matrix = np.zeros((n_out, n_in))
    rows = np.arange(n_out)
    np.add.at(matrix, (rows, left), 1.0 - frac)
    np.add.at(matrix, (rows, right), frac)
    return matrix


def _resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Separable resample of a 2-D array to height×width (see `_resample_matrix`)."""
    rows = _resample_matrix(image.shape[0], height)
    cols = _resample_matrix(image.shape[1], width)
    resized: np.ndarray = (rows @ image) @ cols.T
    return resized


def has_ink(image: np.ndarray) -> bool:
    """Whether the image holds anything that `prepare_digit` would treat as a digit."""
    return _ink(image) is not None


def prepare_digit(image: np.ndarray, noise_aware: bool = True, thicken: bool = True) -> np.ndarray:
    """Convert a drawing or photo of one digit into a 28×28 MNIST-like image.

    Input: a 2-D grayscale array or an H×W×3 (RGB) / H×W×4 (RGBA) array, of any size,
    any numeric dtype (0..1 or 0..255 scales are recognised from the values, see
    `_value_range`). Either
    polarity works: the border decides which side is paper. Transparent pixels count as
    white paper. Output: float32 28×28 in [0, 1], white digit on black, the ink scaled to
    fit 20×20 (aspect ratio kept) with its centre of mass at pixel (14, 14) — as MNIST was made.
    A blank image gives all zeros. `noise_aware` and `thicken` exist so bench/drawn_digit_accuracy.py
    can measure what each step is worth (both on: +1 point on hand-drawn digits, MNIST unchanged).
    """
    ink = _ink(image, noise_aware)
    out = np.zeros((OUTPUT_SIZE, OUTPUT_SIZE), dtype=np.float32)
    if ink is None:
        return out

    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    if thicken:
        crop = _thicken_thin_strokes(crop)
    h, w = crop.shape
    scale = BOX_SIZE / max(h, w)
    new_h = min(BOX_SIZE, max(1, round(h * scale)))
    new_w = min(BOX_SIZE, max(1, round(w * scale)))
    digit = _resize(crop, new_h, new_w)
    peak = float(digit.max())
    if peak <= 0.0:
        return out
    digit = np.clip(digit / peak, 0.0, 1.0)  # thin strokes shrink faint; MNIST peaks at white

    # Whole-pixel shift putting the centre of mass at the centre, clipped so nothing is cut.
    mass = digit.sum()
    cy = float(digit.sum(axis=1) @ np.arange(new_h)) / mass
    cx = float(digit.sum(axis=0) @ np.arange(new_w)) / mass
    top = int(np.clip(round(CENTRE - cy), 0, OUTPUT_SIZE - new_h))
    left = int(np.clip(round(CENTRE - cx), 0, OUTPUT_SIZE - new_w))
    out[top : top + new_h, left : left + new_w] = digit
    return out


def to_uint8(img28: np.ndarray) -> np.ndarray:
    """A [0, 1] float image as uint8 0..255 (rounded, clipped), e.g. for saving or display."""
    return np.clip(np.rint(np.asarray(img28, dtype=np.float64) * 255.0), 0, 255).astype(np.uint8)

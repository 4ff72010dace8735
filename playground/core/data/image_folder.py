"""Import a folder of images as a classification data set: one sub-folder per class.

    my-data/
      cats/  a.png b.jpg …
      dogs/  c.png …

Images of any size are converted to grayscale or RGB and resized to one chosen size (28×28 by default,
as MNIST), then split into training and test parts per class, so every class is in both. The result is
the same `ImageDataset` the trainer reads MNIST into: N×H×W uint8 for grayscale, N×3×H×W for RGB.

No Qt here: decoding is a callable passed in (the window passes QImage through `ui/image_io.py`);
the default decoder reads .npy arrays and the Netpbm formats (PGM/PPM/PBM) with numpy alone. Files
come from anyone, so every problem is an `ImageFolderError` that names the file (relative to the
folder) and says what is wrong, and sizes are checked before memory is allocated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from playground.core.data.datasets import DataSplits, ImageDataset
from playground.core.data.preprocessing import _resize, _to_gray, is_pixel_dtype, unit_range  # the canvas's own
from playground.core.i18n import tr

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".pgm", ".pbm", ".ppm", ".pnm", ".npy",
                  ".webp", ".tif", ".tiff")
NUMPY_SUFFIXES = (".npy", ".pgm", ".pbm", ".ppm", ".pnm")  # what `decode_numpy_image` reads
MAX_IMAGES = 200_000
MAX_CLASSES = 1_000
MIN_SIDE, MAX_SIDE = 4, 256
MAX_BYTES = 2 * 1024**3  # the images as uint8 N×H×W (N×3×H×W for RGB)
COLOUR_MODES = ("gray", "rgb")  # grayscale (1 channel) or RGB (3 channels)
MAX_FILE_BYTES = 64 * 1024**2
MAX_DECODED_PIXELS = 50_000_000

Decoder = Callable[[Path], np.ndarray]
# progress(done, total) → False to cancel.
Progress = Callable[[int, int], bool]


class ImageFolderError(ValueError):
    """The folder or one of its files cannot be used; `path` is the file (or folder) to blame."""

    def __init__(self, message: str, path: Path | None = None):
        super().__init__(message)
        self.path = path


class ImportCancelled(Exception):
    """The progress callback asked to stop."""


@dataclass(frozen=True)
class FolderScan:
    """What a folder holds, before anything is decoded."""

    folder: Path
    classes: tuple[str, ...]
    files: tuple[tuple[Path, int], ...]  # (file, class index), classes in order, files sorted by name
    ignored: tuple[Path, ...]  # files that are not images (README.txt, .DS_Store, …)

    def counts(self) -> list[int]:
        counts = [0] * len(self.classes)
        for _, label in self.files:
            counts[label] += 1
        return counts


@dataclass(frozen=True)
class ImageFolderData:
    """The imported data and what was left out."""

    splits: DataSplits[ImageDataset]
    scan: FolderScan
    unreadable: tuple[tuple[Path, str], ...] = ()  # (file, reason) skipped with skip_unreadable


def _natural_key(text: str) -> list[int | str]:
    """'class10' after 'class9', as a file manager sorts."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def scan_folder(folder: str | Path) -> FolderScan:
    """List the class sub-folders and their image files (by suffix); nothing is decoded."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImageFolderError(tr("{folder}: not a folder.").format(folder=folder), folder)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: _natural_key(p.name))
    except OSError as exc:
        raise ImageFolderError(tr("{folder}: cannot be read ({reason}).").format(
            folder=folder, reason=exc.strerror or type(exc).__name__), folder) from None
    subfolders = [p for p in entries if p.is_dir() and not p.name.startswith(".")]
    loose = [p for p in entries if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES]
    if not subfolders:
        if loose:
            text = tr("{folder}: no sub-folders. An image folder needs one sub-folder per class "
                      "(e.g. cats/, dogs/), each holding that class's images. It holds {count} image file(s) "
                      "directly: put each class's images in a sub-folder named after the class.")
        else:
            text = tr("{folder}: no sub-folders. An image folder needs one sub-folder per class "
                      "(e.g. cats/, dogs/), each holding that class's images.")
        raise ImageFolderError(text.format(folder=folder.name, count=len(loose)), folder)
    classes: list[str] = []
    files: list[tuple[Path, int]] = []
    ignored: list[Path] = list(p for p in entries if p.is_file())
    for sub in subfolders:
        try:
            inside = sorted((p for p in sub.rglob("*") if p.is_file()), key=lambda p: _natural_key(str(p)))
        except OSError as exc:
            raise ImageFolderError(tr("{folder}/: cannot be read ({reason}).").format(
                folder=sub.name, reason=exc.strerror or type(exc).__name__), sub) from None
        images = [p for p in inside if p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith(".")]
        chosen = set(images)
        ignored.extend(p for p in inside if p not in chosen)
        if not images:
            continue  # an empty class folder is not a class
        label = len(classes)
        classes.append(sub.name)
        files.extend((p, label) for p in images)
        if len(files) > MAX_IMAGES:
            raise ImageFolderError(tr("{folder}: more than {limit:,} images; use a sample of them.").format(
                folder=folder.name, limit=MAX_IMAGES), folder)
    if len(classes) > MAX_CLASSES:
        raise ImageFolderError(tr("{folder}: {count:,} classes is more than the {limit:,} "
                                  "this app trains on.").format(folder=folder.name, count=len(classes),
                                                                 limit=MAX_CLASSES), folder)
    if len(classes) < 2:
        if classes:
            text = tr("{folder}: a classifier needs at least two classes, but only '{name}' has images "
                      "({suffixes}).")
        else:
            text = tr("{folder}: a classifier needs at least two classes, but none of the sub-folders holds images "
                      "({suffixes}).")
        raise ImageFolderError(text.format(folder=folder.name, name=classes[0] if classes else "",
                                           suffixes=", ".join(IMAGE_SUFFIXES)), folder)
    return FolderScan(folder, tuple(classes), tuple(files), tuple(ignored))


def decode_numpy_image(path: Path) -> np.ndarray:
    """Decode .npy (H×W, H×W×1/3/4) or Netpbm P1–P6 (PBM, PGM, PPM) with numpy alone."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(tr("{size:.0f} MB is too large for one image").format(size=size / 2**20))
    suffix = path.suffix.lower()
    if suffix == ".npy":
        with open(path, "rb") as handle:
            version = np.lib.format.read_magic(handle)  # ValueError when it is no .npy
            header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                      else np.lib.format.read_array_header_2_0)
            shape, _, dtype = header(handle)
            if not is_pixel_dtype(dtype):
                raise ValueError(tr("the array holds {dtype}, not pixel values").format(dtype=dtype))
            if math.prod(shape) * dtype.itemsize > size:  # checked before numpy allocates it (Python ints: no overflow)
                raise ValueError(tr("the array header says {shape} but the file is too short").format(
                    shape=tuple(shape)))
            handle.seek(0)
            array: np.ndarray = np.load(handle, allow_pickle=False)
            return array
    if suffix in (".pgm", ".pbm", ".ppm", ".pnm"):
        return _decode_netpbm(path.read_bytes())
    if suffix:
        text = tr("no decoder for {suffix} here (this reader knows {known})")
    else:
        text = tr("no decoder for files without a suffix here (this reader knows {known})")
    raise ValueError(text.format(suffix=suffix, known=", ".join(NUMPY_SUFFIXES)))


def _decode_netpbm(data: bytes) -> np.ndarray:
    if len(data) < 2 or data[:1] != b"P" or data[1:2] not in b"123456":
        raise ValueError(tr("not a PGM/PPM/PBM file (the 'P1'–'P6' signature is missing)"))
    kind = int(data[1:2])
    fields_needed = 2 if kind in (1, 4) else 3
    values: list[int] = []
    pos = 2
    while len(values) < fields_needed:
        while pos < len(data) and (data[pos:pos + 1].isspace() or data[pos:pos + 1] == b"#"):
            if data[pos:pos + 1] == b"#":
                end = data.find(b"\n", pos)
                pos = len(data) if end < 0 else end + 1
            else:
                pos += 1
        start = pos
        while pos < len(data) and data[pos:pos + 1].isdigit():
            pos += 1
        if start == pos:
            raise ValueError(tr("the header is damaged or truncated"))
        if pos - start > 9:
            raise ValueError(tr("the header holds an implausibly large number"))
        values.append(int(data[start:pos]))
    width, height = values[0], values[1]
    maxval = values[2] if fields_needed == 3 else 1
    if width < 1 or height < 1:
        raise ValueError(tr("the header says {width}×{height} pixels").format(width=width, height=height))
    if width * height > MAX_DECODED_PIXELS:
        raise ValueError(tr("{width}×{height} pixels is too large").format(width=width, height=height))
    if not 1 <= maxval <= 65535:
        raise ValueError(tr("the maximum value {value} is outside 1…65535").format(value=maxval))
    channels = 3 if kind in (3, 6) else 1
    count = width * height * channels
    pixels: np.ndarray
    if kind in (1, 2, 3):  # plain (ASCII) formats
        body = data[pos:]
        if kind == 1:
            digits = [c - 48 for c in body if c in (48, 49)]
            pixels = np.array(digits[:count], dtype=np.int64)
        else:
            tokens = body.split()
            if any(not t.isdigit() for t in tokens[:count]):
                raise ValueError(tr("a pixel value is not a number"))
            pixels = np.array([int(t) for t in tokens[:count]], dtype=np.int64)
        if len(pixels) < count:
            raise ValueError(tr("the file is truncated: {found:,} of {count:,} values").format(
                found=len(pixels), count=count))
    else:
        pos += 1  # the single whitespace after the header
        if kind == 4:
            row_bytes = (width + 7) // 8
            raw = np.frombuffer(data, dtype=np.uint8, count=min(row_bytes * height, max(len(data) - pos, 0)),
                                offset=min(pos, len(data)))
            if len(raw) < row_bytes * height:
                raise ValueError(tr("the file is truncated: {found:,} of {count:,} bytes").format(
                    found=len(raw), count=row_bytes * height))
            pixels = np.unpackbits(raw.reshape(height, row_bytes), axis=1)[:, :width].reshape(-1)
        else:
            dtype = np.dtype(">u2") if maxval > 255 else np.dtype(np.uint8)
            available = max(len(data) - pos, 0) // dtype.itemsize
            if available < count:
                raise ValueError(tr("the file is truncated: {found:,} of {count:,} values").format(
                    found=available, count=count))
            pixels = np.frombuffer(data, dtype=dtype, count=count, offset=pos)
    pixels = pixels.astype(np.float64)
    if kind in (1, 4):
        gray = 1.0 - pixels  # PBM: 1 is black
    else:
        if pixels.max(initial=0) > maxval:
            raise ValueError(tr("a pixel value exceeds the file's maximum {value}").format(value=maxval))
        gray = pixels / maxval
    image = gray.reshape(height, width, channels) if channels == 3 else gray.reshape(height, width)
    return image  # floats in [0, 1]


def to_grayscale(image: np.ndarray, size: tuple[int, int], invert: bool = False) -> np.ndarray:
    """Any decoded image (H×W gray, H×W×1–4; any numeric dtype) → uint8 size[0]×size[1] grayscale."""
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (2, 3, 4)):
        raise ValueError(tr("an array of shape {shape} is not an image (expected H×W or H×W×3)").format(
            shape=image.shape))
    if image.shape[0] < 1 or image.shape[1] < 1:
        raise ValueError(tr("the image has no pixels"))
    if image.shape[0] * image.shape[1] > MAX_DECODED_PIXELS:
        raise ValueError(tr("{width}×{height} pixels is too large").format(width=image.shape[1], height=image.shape[0]))
    gray = _to_gray(image)  # float in [0, 1]; alpha composited onto white; raises ValueError on NaN
    height, width = size
    resized = _resize(gray, height, width)
    if invert:
        resized = 1.0 - resized
    return np.clip(np.rint(resized * 255.0), 0, 255).astype(np.uint8)


def to_rgb(image: np.ndarray, size: tuple[int, int], invert: bool = False) -> np.ndarray:
    """Any decoded image (H×W gray, H×W×1–4; any numeric dtype) → uint8 3×size[0]×size[1] RGB.

    Gray is repeated in all three channels; alpha is composited onto white paper, as `to_grayscale` does."""
    image = np.asarray(image)
    if image.ndim not in (2, 3) or (image.ndim == 3 and image.shape[2] not in (1, 2, 3, 4)):
        raise ValueError(tr("an array of shape {shape} is not an image (expected H×W or H×W×3)").format(
            shape=image.shape))
    if image.shape[0] < 1 or image.shape[1] < 1:
        raise ValueError(tr("the image has no pixels"))
    if image.shape[0] * image.shape[1] > MAX_DECODED_PIXELS:
        raise ValueError(tr("{width}×{height} pixels is too large").format(width=image.shape[1], height=image.shape[0]))
    if image.ndim == 2:
        image = image[..., None]
    data = unit_range(image)  # raises ValueError on NaN or on what is not numbers
    channels = data.shape[2]
    colour = data[..., :3] if channels >= 3 else np.repeat(data[..., :1], 3, axis=2)
    if channels in (2, 4):
        alpha = np.clip(data[..., -1:], 0.0, 1.0)
        colour = colour * alpha + (1.0 - alpha)  # over white paper
    height, width = size
    resized = np.stack([_resize(colour[..., c], height, width) for c in range(3)])
    if invert:
        resized = 1.0 - resized
    return np.clip(np.rint(resized * 255.0), 0, 255).astype(np.uint8)


def _check_options(size: tuple[int, int], test_fraction: float) -> None:
    if len(size) != 2 or not all(isinstance(s, (int, np.integer)) and MIN_SIDE <= s <= MAX_SIDE for s in size):
        raise ImageFolderError(tr("The image size must be two whole numbers from {low} to {high} "
                                  "(got {size}).").format(low=MIN_SIDE, high=MAX_SIDE, size=repr(size)))
    if not 0.05 <= float(test_fraction) <= 0.9:
        raise ImageFolderError(tr("The test share must be between 5 % and 90 % (got {share:.0%}).").format(
            share=float(test_fraction)))


def split_per_class(labels: np.ndarray, n_classes: int, test_fraction: float, seed: int
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(train indices, test indices), shuffled with `seed` within each class: every class with two or
    more examples lands in both parts, in the proportion asked for."""
    rng = np.random.default_rng(seed)
    train: list[np.ndarray] = []
    test: list[np.ndarray] = []
    for label in range(n_classes):
        members = np.flatnonzero(labels == label)
        members = members[rng.permutation(len(members))]
        if len(members) < 2:
            train.append(members)
            continue
        n_test = min(max(1, int(round(len(members) * test_fraction))), len(members) - 1)
        test.append(members[:n_test])
        train.append(members[n_test:])

    def cat(parts: list[np.ndarray]) -> np.ndarray:
        return np.sort(np.concatenate(parts)).astype(np.int64) if parts else np.zeros(0, np.int64)

    return cat(train), cat(test)


def load_image_folder(folder: str | Path, size: tuple[int, int] = (28, 28), test_fraction: float = 0.2,
                      seed: int = 0, decode: Decoder | None = None, invert: bool = False,
                      skip_unreadable: bool = False, progress: Progress | None = None,
                      name: str | None = None, colour: str = "gray") -> ImageFolderData:
    """Read every image under `folder`'s class sub-folders into train and test `ImageDataset`s.

    `decode(path)` returns the pixels (2-D gray or H×W×3/4; any numeric dtype) or raises; the default
    reads .npy and PGM/PPM/PBM. `colour` "gray" stores N×H×W (colour converted to luma), "rgb" N×3×H×W
    (gray images repeated in the three channels); an RGB import needs a decoder that keeps colour.
    `invert` turns dark-on-light into MNIST's light-on-dark. A file that
    cannot be decoded stops the import with an ImageFolderError naming it, unless `skip_unreadable`
    (then it is listed in the result). `progress(done, total)` returning False raises ImportCancelled.
    """
    size = tuple(size)  # type: ignore[assignment]
    _check_options(size, test_fraction)
    if colour not in COLOUR_MODES:
        raise ImageFolderError(tr("The colour mode must be one of {modes} (got {mode}).").format(
            modes=", ".join(COLOUR_MODES), mode=repr(colour)))
    channels = 3 if colour == "rgb" else 1
    convert = to_rgb if colour == "rgb" else to_grayscale
    scan = scan_folder(folder)
    folder = scan.folder
    decode = decode or decode_numpy_image
    height, width = size
    total = len(scan.files)
    if total * channels * height * width > MAX_BYTES:
        if channels == 3:
            text = tr("{folder}: {count:,} RGB images of {height}×{width} would need {size:.1f} GB; "
                      "choose a smaller size.")
        else:
            text = tr("{folder}: {count:,} images of {height}×{width} would need {size:.1f} GB; "
                      "choose a smaller size.")
        raise ImageFolderError(text.format(folder=folder.name, count=total, height=height, width=width,
                                           size=total * channels * height * width / 2**30), folder)
    shape = (total, 3, height, width) if channels == 3 else (total, height, width)
    images = np.empty(shape, dtype=np.uint8)
    labels = np.empty(total, dtype=np.int64)
    unreadable: list[tuple[Path, str]] = []
    kept = 0
    for done, (path, label) in enumerate(scan.files):
        if progress is not None and done % 16 == 0 and progress(done, total) is False:
            raise ImportCancelled()
        try:
            pixels = convert(decode(path), size, invert)
        except ImportCancelled:
            raise
        except Exception as exc:  # noqa: BLE001 — any decoder failure is this file's problem
            reason = _reason(exc, path)
            if not skip_unreadable:
                raise ImageFolderError(f"{_relative(path, folder)}: {reason}", path) from None
            unreadable.append((path, reason))
            continue
        images[kept] = pixels
        labels[kept] = label
        kept += 1
    if progress is not None:
        progress(total, total)
    images, labels = images[:kept], labels[:kept]
    present = np.bincount(labels, minlength=len(scan.classes))
    if (present > 0).sum() < 2:
        raise ImageFolderError(tr("{folder}: fewer than two classes have readable images.").format(
            folder=folder.name), folder)
    train_idx, test_idx = split_per_class(labels, len(scan.classes), float(test_fraction), seed)
    if len(test_idx) == 0 or len(train_idx) == 0:
        raise ImageFolderError(tr("{folder}: {count} image(s) are too few to split into training and test "
                                  "parts; each class needs at least two.").format(folder=folder.name, count=kept),
                               folder)
    title = name or folder.name
    classes = scan.classes
    train = ImageDataset(images[train_idx], labels[train_idx], title, classes)
    test = ImageDataset(images[test_idx], labels[test_idx], title, classes)
    return ImageFolderData(DataSplits(train, test, None), scan, tuple(unreadable))


def _relative(path: Path, folder: Path) -> str:
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return str(path)


def _reason(exc: BaseException, path: Path) -> str:
    """The decoder's message without a repeated path ("x.png: cannot decode …" → "cannot decode …")."""
    text = str(exc).strip() or type(exc).__name__
    for prefix in (f"{path}: ", f"{path.name}: "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    if isinstance(exc, (MemoryError, RecursionError)):
        text = tr("the image is too large or malformed")
    return text[:300]

"""Image datasets in the MNIST IDX format (MNIST, Fashion-MNIST, KMNIST, ...).

Reads the four standard files from a folder, gzip-compressed or raw, with numpy only.
The files may come from anywhere, so every size is checked against the header and against
sane limits *before* anything is allocated, and gzip data is decompressed with a cap so a
gzip bomb cannot exhaust memory.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import numpy as np

from playground.core.data.toy_data import TableDataset
from playground.core.files.resources import mnist_dir
from playground.core.i18n import N_, tr

__all__ = [
    "DatasetError",
    "ImageDataset",
    "DataSplits",
    "AnyDataset",
    "IDX_FILES",
    "DIGIT_CLASSES",
    "read_idx",
    "find_idx_files",
    "load_mnist_folder",
    "split_validation",
    "load_data",
]

# The four files of an MNIST-format folder, in the order they are reported when missing.
TRAIN_IMAGES = "train-images-idx3-ubyte"
TRAIN_LABELS = "train-labels-idx1-ubyte"
TEST_IMAGES = "t10k-images-idx3-ubyte"
TEST_LABELS = "t10k-labels-idx1-ubyte"
IDX_FILES: tuple[str, ...] = (TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)

DIGIT_CLASSES: tuple[str, ...] = tuple(str(d) for d in range(10))

IMAGES_MAGIC = 0x00000803  # uint8, 3 dimensions (N, H, W)
LABELS_MAGIC = 0x00000801  # uint8, 1 dimension (N)
_UINT8_CODE = 0x08
_IDX_TYPE_NAMES = {
    0x08: N_("unsigned byte"),
    0x09: N_("signed byte"),
    0x0B: N_("16-bit integer"),
    0x0C: N_("32-bit integer"),
    0x0D: N_("32-bit float"),
    0x0E: N_("64-bit float"),
}

# Limits against absurd or hostile headers; real IDX datasets are far below them
# (EMNIST ByClass, the largest common one, is about 0.7 million 28×28 images).
MAX_ITEMS = 10_000_000
MAX_SIDE = 4096
MAX_DATA_BYTES = 1 << 30  # 1 GiB of pixel data

_GZIP_SIGNATURE = b"\x1f\x8b"
_CHUNK = 1 << 22  # 4 MiB per gzip read: bounded memory, few Python-level iterations


class DatasetError(ValueError):
    """A dataset file or folder cannot be used; the message names it and says what is wrong.

    `path` is the offending file or folder when there is one, so a UI can point at it.
    """

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class ImageDataset:
    """Grayscale or colour images with integer class labels.

    images: uint8 array N×H×W for grayscale (white on black, like MNIST) or N×C×H×W for C channels
    (C = 3 for RGB, from an imported image folder); labels: int64 array of N values in
    [0, len(classes)); name: shown to the user ("MNIST"); classes: one display name per label.
    """

    images: np.ndarray
    labels: np.ndarray
    name: str
    classes: tuple[str, ...]

    def __post_init__(self) -> None:
        # Catch programming mistakes early: every consumer relies on these invariants.
        if self.images.ndim not in (3, 4) or self.images.dtype != np.uint8:
            raise ValueError(
                f"{self.name}: images must be a uint8 array N×H×W or N×C×H×W, "
                f"got {self.images.dtype} with shape {self.images.shape}"
            )
        if self.labels.ndim != 1 or self.labels.dtype != np.int64:
            raise ValueError(
                f"{self.name}: labels must be a 1-D int64 array, "
                f"got {self.labels.dtype} with shape {self.labels.shape}"
            )
        if len(self.images) != len(self.labels):
            raise ValueError(
                f"{self.name}: {len(self.images)} images but {len(self.labels)} labels"
            )
        if not self.classes:
            raise ValueError(f"{self.name}: a dataset needs at least one class")

    def __len__(self) -> int:
        return int(self.images.shape[0])

    @property
    def image_shape(self) -> tuple[int, int, int]:
        """Shape of one image as a model sees it: (channels, height, width); (1, H, W) for N×H×W."""
        if self.images.ndim == 4:
            return tuple(int(d) for d in self.images.shape[1:])  # type: ignore[return-value]
        return (1, int(self.images.shape[1]), int(self.images.shape[2]))

    @property
    def num_classes(self) -> int:
        """How many classes the labels index into (the model's output size)."""
        return len(self.classes)

    def subset(self, indices_or_count: int | Sequence[int] | np.ndarray) -> ImageDataset:
        """A new dataset holding the first N items (an int) or the items at the given indices."""
        if isinstance(indices_or_count, (int, np.integer)):
            count = int(indices_or_count)
            if count < 0:
                raise ValueError(f"{self.name}: cannot take {count} items; use 0 or more")
            # Slices are views; copy so a small subset does not keep 47 MB alive.
            return ImageDataset(
                images=self.images[:count].copy(),
                labels=self.labels[:count].copy(),
                name=self.name,
                classes=self.classes,
            )
        indices = np.asarray(indices_or_count, dtype=np.int64)
        if indices.ndim != 1:
            raise ValueError(f"{self.name}: subset indices must be a flat list of integers")
        if indices.size and (indices.min() < -len(self) or indices.max() >= len(self)):
            raise ValueError(
                f"{self.name}: subset index out of range for a dataset of {len(self)} items"
            )
        return ImageDataset(
            images=self.images[indices],
            labels=self.labels[indices],
            name=self.name,
            classes=self.classes,
        )


AnyDataset = ImageDataset | TableDataset
"""What a network can learn from: labelled images, or table rows (CSV files, the 2-D playground)."""

# Covariant: read-only parts, so DataSplits[ImageDataset] is also a DataSplits[AnyDataset].
D_co = TypeVar("D_co", bound=AnyDataset, covariant=True)


@dataclass(frozen=True)
class DataSplits(Generic[D_co]):
    """The parts of a dataset: train, test and (optionally) validation carved out of train."""

    train: D_co
    test: D_co
    validation: D_co | None = None


# --------------------------------------------------------------------------- reading IDX


def read_idx(path: str | Path, expected_magic: int | None = None) -> np.ndarray:
    """Read one IDX file (gzip or raw, detected from its first bytes) into a uint8 array.

    Accepts uint8 images (magic 0x00000803, N×H×W) and uint8 labels (0x00000801, N).
    `expected_magic` narrows that to one of the two, so a labels file given where images
    belong is reported clearly. Raises DatasetError, naming the file, for a missing, empty,
    truncated, corrupt or implausibly large file.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        if path.exists():
            raise DatasetError(tr("{path}: not a file").format(path=path), path)
        raise DatasetError(tr("{path}: file not found").format(path=path), path)
    try:
        with path.open("rb") as raw:
            signature = raw.read(2)
            raw.seek(0)
            if not signature:
                raise DatasetError(tr("{name}: the file is empty").format(name=name), path)
            if signature == _GZIP_SIGNATURE:
                with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                    return _read_idx_stream(stream, path, expected_magic, file_size=None)
            file_size = path.stat().st_size
            return _read_idx_stream(raw, path, expected_magic, file_size=file_size)
    except DatasetError:
        raise
    except (OSError, EOFError, zlib.error) as exc:
        # gzip.BadGzipFile is an OSError; a cut-off gzip stream raises EOFError.
        if isinstance(exc, (EOFError, zlib.error, gzip.BadGzipFile)) or _is_gzip(path):
            raise DatasetError(
                tr("{name}: the gzip data is corrupt or cut off ({reason}); "
                   "download the file again").format(name=name, reason=_describe(exc)),
                path,
            ) from exc
        raise DatasetError(tr("{name}: cannot read the file ({reason})").format(name=name, reason=_describe(exc)),
                           path) from exc


def _is_gzip(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(2) == _GZIP_SIGNATURE
    except OSError:
        return False


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


def _read_exact(stream: io.BufferedIOBase, count: int) -> bytes:
    """Read up to `count` bytes, looping because compressed streams may return short reads."""
    parts: list[bytes] = []
    remaining = count
    while remaining > 0:
        chunk = stream.read(remaining)
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


def _read_idx_stream(
    stream: io.BufferedIOBase, path: Path, expected_magic: int | None, file_size: int | None
) -> np.ndarray:
    name = path.name
    what = {IMAGES_MAGIC: tr("an IDX image file"), LABELS_MAGIC: tr("an IDX label file")}.get(
        expected_magic or -1) or tr("an IDX file")

    head = _read_exact(stream, 4)
    if not head:
        raise DatasetError(tr("{name}: the file is empty (no IDX data inside)").format(name=name), path)
    if len(head) < 4:
        raise DatasetError(tr("{name}: not {what} (only {size} bytes long)").format(
            name=name, what=what, size=len(head)), path)
    magic = int.from_bytes(head, "big")
    zeros, type_code, ndim = int.from_bytes(head[:2], "big"), head[2], head[3]
    if zeros != 0 or type_code not in _IDX_TYPE_NAMES or ndim == 0:
        expected_text = f"0x{expected_magic:08X}" if expected_magic else tr("0x00000803 or 0x00000801")
        raise DatasetError(
            tr("{name}: not {what} (magic number 0x{magic:08X}, expected {expected})").format(
                name=name, what=what, magic=magic, expected=expected_text), path
        )
    if type_code != _UINT8_CODE:
        raise DatasetError(
            tr("{name}: holds {type} values (IDX type code 0x{code:02X}); "
               "only unsigned bytes (0x08) are supported, as in MNIST").format(
                name=name, type=tr(_IDX_TYPE_NAMES[type_code]), code=type_code),
            path,
        )
    if expected_magic is not None and magic != expected_magic:
        raise DatasetError(
            tr("{name}: not {what} (magic number 0x{magic:08X}, expected {expected})").format(
                name=name, what=what, magic=magic, expected=f"0x{expected_magic:08X}"),
            path,
        )
    if magic not in (IMAGES_MAGIC, LABELS_MAGIC):
        raise DatasetError(
            tr("{name}: an IDX file with {dimensions} dimensions; only images (N×H×W, magic "
               "0x00000803) and labels (N, magic 0x00000801) are supported").format(name=name, dimensions=ndim),
            path,
        )

    dims_bytes = _read_exact(stream, 4 * ndim)
    if len(dims_bytes) < 4 * ndim:
        raise DatasetError(tr("{name}: truncated — the header is cut off").format(name=name), path)
    dims = tuple(int.from_bytes(dims_bytes[i : i + 4], "big") for i in range(0, 4 * ndim, 4))
    _check_dims(dims, path)

    expected = int(np.prod(dims, dtype=np.int64))
    header_size = 4 + 4 * ndim
    if file_size is not None:
        # Raw file: compare with its size before reading a single pixel.
        available = file_size - header_size
        if available < expected:
            raise DatasetError(_truncated(name, dims, available), path)
        if available > expected:
            if len(dims) == 3:
                text = tr("{name}: {extra} bytes more than the header's {count} images of {height}×{width} "
                          "need; the file is damaged or not an IDX file")
            else:
                text = tr("{name}: {extra} bytes more than the header's {count} labels "
                          "need; the file is damaged or not an IDX file")
            raise DatasetError(text.format(name=name, extra=available - expected, **_dims_values(dims)), path)
        data = np.fromfile(stream, dtype=np.uint8, count=expected)
        if data.size != expected:  # the file shrank while we read it
            raise DatasetError(tr("{name}: truncated — the file changed while it was read").format(name=name), path)
        return data.reshape(dims)

    # Gzip: decompress straight into a buffer of the promised size, then demand the stream
    # ends there — at most expected + 1 bytes are ever decompressed.
    data = np.empty(expected, dtype=np.uint8)
    view = data.data  # a writable memoryview over the array's bytes
    filled = 0
    while filled < expected:
        n = stream.readinto(view[filled : min(expected, filled + _CHUNK)])
        if not n:
            break
        filled += n
    if filled < expected:
        raise DatasetError(_truncated(name, dims, filled), path)
    if stream.read(1):
        if len(dims) == 3:
            text = tr("{name}: holds more data than the header's {count} images of {height}×{width} need; "
                      "the file is damaged or not an IDX file")
        else:
            text = tr("{name}: holds more data than the header's {count} labels need; "
                      "the file is damaged or not an IDX file")
        raise DatasetError(text.format(name=name, **_dims_values(dims)), path)
    return data.reshape(dims)


def _check_dims(dims: tuple[int, ...], path: Path) -> None:
    name = path.name
    count = dims[0]
    if count > MAX_ITEMS:
        raise DatasetError(
            tr("{name}: the header claims {count:,} items; more than {limit:,} is not a "
               "plausible dataset, so the file is probably damaged").format(name=name, count=count, limit=MAX_ITEMS),
            path,
        )
    if len(dims) == 3:
        h, w = dims[1], dims[2]
        if h == 0 or w == 0 or h > MAX_SIDE or w > MAX_SIDE:
            raise DatasetError(
                tr("{name}: the header claims images of {height}×{width} pixels; sizes from 1×1 to "
                   "{limit}×{limit} are supported, so the file is probably damaged").format(
                    name=name, height=h, width=w, limit=MAX_SIDE),
                path,
            )
        total = count * h * w
        if total > MAX_DATA_BYTES:
            raise DatasetError(
                tr("{name}: the header claims {count:,} images of {height}×{width} "
                   "({size:.1f} GiB); at most {limit} GiB is supported").format(
                    name=name, count=count, height=h, width=w, size=total / 2**30, limit=MAX_DATA_BYTES // 2**30),
                path,
            )


def _dims_values(dims: tuple[int, ...]) -> dict[str, int]:
    """The header's sizes for the messages: count, and height and width for images."""
    if len(dims) == 3:
        return {"count": dims[0], "height": dims[1], "width": dims[2]}
    return {"count": dims[0]}


def _truncated(name: str, dims: tuple[int, ...], available: int) -> str:
    if len(dims) == 3:
        text = tr("{name}: truncated — header says {count} images of {height}×{width} but the file holds only "
                  "{available} bytes of pixel data")
    else:
        text = tr("{name}: truncated — header says {count} labels but the file holds only "
                  "{available} bytes of label data")
    return text.format(name=name, available=available, **_dims_values(dims))


# --------------------------------------------------------------------------- folders


def _files_in(folder: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for base in IDX_FILES:
        # Prefer the raw file: torchvision keeps both, and raw needs no decompression.
        for candidate in (folder / base, folder / f"{base}.gz"):
            if candidate.is_file():
                found[base] = candidate
                break
    return found


def _candidate_folders(folder: Path) -> list[Path]:
    """The folder itself, folder/raw, and torchvision's folder/<Dataset>/raw layouts."""
    candidates = [folder, folder / "raw"]
    try:
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir())
    except OSError:
        subfolders = []
    for sub in subfolders:
        candidates.append(sub / "raw")
    return [c for c in candidates if c.is_dir()]


def find_idx_files(folder: str | Path) -> dict[str, Path]:
    """Locate the four MNIST-format files in `folder`, keyed by their base names.

    Each file may be `name` or `name.gz`. Besides the folder itself, `folder/raw` and the
    torchvision layout `folder/<Dataset>/raw` (e.g. MNIST/raw, FashionMNIST/raw) are searched.
    Raises DatasetError when the folder is missing, files are missing, or several datasets
    are found and the choice would be a guess.
    """
    folder = Path(folder)
    if not folder.exists():
        raise DatasetError(tr("folder {folder} does not exist").format(folder=folder), folder)
    if not folder.is_dir():
        raise DatasetError(
            tr("{folder} is not a folder: choose the folder that holds the IDX files").format(folder=folder), folder
        )

    complete: list[tuple[Path, dict[str, Path]]] = []
    best_partial: tuple[Path, dict[str, Path]] = (folder, {})
    for candidate in _candidate_folders(folder):
        found = _files_in(candidate)
        if len(found) == len(IDX_FILES):
            complete.append((candidate, found))
        elif len(found) > len(best_partial[1]):
            best_partial = (candidate, found)

    if len(complete) == 1 or (complete and complete[0][0] == folder):
        return complete[0][1]
    if complete:
        options = ", ".join(str(c.relative_to(folder)) for c, _ in complete)
        raise DatasetError(
            tr("folder {folder} holds several datasets ({options}): choose one of those folders").format(
                folder=folder, options=options),
            folder,
        )

    where, found = best_partial
    missing = [base for base in IDX_FILES if base not in found]
    missing_text = ", ".join(f"{m}(.gz)" for m in missing)
    raise DatasetError(
        tr("folder {folder} has no {missing}: an MNIST-format folder needs the four files "
           "{files} (gzip or raw)").format(folder=where, missing=missing_text, files=", ".join(IDX_FILES)),
        where,
    )


def _dataset_name(folder: Path, files: dict[str, Path]) -> str:
    """A display name: the dataset folder, skipping torchvision's generic `raw` level."""
    holder = files[TRAIN_IMAGES].parent
    if holder.name == "raw" and holder.parent != holder:
        holder = holder.parent
    return holder.name or folder.resolve().name or str(folder)


def _load_part(images_path: Path, labels_path: Path, name: str,
               classes: tuple[str, ...]) -> ImageDataset:
    images = read_idx(images_path, IMAGES_MAGIC)
    labels_u8 = read_idx(labels_path, LABELS_MAGIC)
    if len(labels_u8) != len(images):
        raise DatasetError(
            tr("{labels_file} holds {labels} labels but {images_file} holds "
               "{images} images: the two files must belong to the same set").format(
                labels_file=labels_path.name, labels=len(labels_u8), images_file=images_path.name,
                images=len(images)),
            labels_path,
        )
    if labels_u8.size:
        top = int(labels_u8.max())
        if top >= len(classes):
            position = int(np.argmax(labels_u8 >= len(classes)))
            raise DatasetError(
                tr("{name}: label {label} (first bad one at position {position}) is out "
                   "of range: this dataset has {classes} classes, labels 0–{last}").format(
                    name=labels_path.name, label=top, position=position, classes=len(classes),
                    last=len(classes) - 1),
                labels_path,
            )
    return ImageDataset(images=images, labels=labels_u8.astype(np.int64), name=name,
                        classes=classes)


def load_mnist_folder(folder: str | Path, name: str | None = None,
                      classes: Sequence[str] = DIGIT_CLASSES) -> DataSplits[ImageDataset]:
    """Load train and test sets from a folder in the MNIST format (see `find_idx_files`).

    `name` defaults to the dataset's folder name; `classes` to the digits "0".."9"
    (pass e.g. the Fashion-MNIST class names to show those instead).
    """
    folder = Path(folder)
    files = find_idx_files(folder)
    classes = tuple(classes)
    display = name if name is not None else _dataset_name(folder, files)
    train = _load_part(files[TRAIN_IMAGES], files[TRAIN_LABELS], display, classes)
    if not len(train):  # the trainer would "complete" 0 steps
        raise DatasetError(tr("{name}: the header says 0 images, so the training set is empty; "
                              "use a file that holds the training images").format(name=files[TRAIN_IMAGES].name),
                           files[TRAIN_IMAGES])
    test = _load_part(files[TEST_IMAGES], files[TEST_LABELS], display, classes)
    if not len(test):  # nothing to score the network on
        raise DatasetError(tr("{name}: the header says 0 images, so the test set is empty; "
                              "use a file that holds the test images").format(name=files[TEST_IMAGES].name),
                           files[TEST_IMAGES])
    if train.images.shape[1:] != test.images.shape[1:]:
        raise DatasetError(
            tr("{test_file} holds {test_height}×{test_width} "
               "images but {train_file} holds "
               "{train_height}×{train_width}: both sets need the same size").format(
                test_file=files[TEST_IMAGES].name, test_height=test.images.shape[1],
                test_width=test.images.shape[2], train_file=files[TRAIN_IMAGES].name,
                train_height=train.images.shape[1], train_width=train.images.shape[2]),
            files[TEST_IMAGES],
        )
    return DataSplits(train=train, test=test)


# --------------------------------------------------------------------------- splits


MAX_VALIDATION_FRACTION = 0.9


def digit_splits(data: object) -> DataSplits[ImageDataset] | None:
    """`data` when it holds 28×28 images of ten classes — what the MNIST-shaped networks of the
    experiments and demos take —, else None (a CSV, an image folder of another size, toy points)."""
    if not isinstance(data, DataSplits) or not isinstance(data.train, ImageDataset):
        return None
    train = data.train
    return data if train.images.shape[1:] == (28, 28) and len(train.classes) == 10 else None


def split_validation(train: ImageDataset, fraction: float,
                     seed: int) -> tuple[ImageDataset, ImageDataset | None]:
    """Carve a random validation set out of `train`; returns (train, validation).

    The same seed always gives the same split; both parts keep the original order.
    `fraction` 0 returns (train, None); it must lie in [0, 0.9].
    """
    fraction = float(fraction)
    if not 0.0 <= fraction <= MAX_VALIDATION_FRACTION:  # also rejects NaN
        raise ValueError(
            tr("validation fraction must be between 0 and {limit} "
               "(e.g. 0.1 for 10 %), not {fraction:g}").format(limit=MAX_VALIDATION_FRACTION, fraction=fraction)
        )
    if fraction == 0.0:
        return train, None
    n = len(train)
    if n < 2:
        raise ValueError(
            tr("{name}: {count} training item(s) cannot be split into training and validation; "
               "use more training items or hold out no validation set").format(name=train.name, count=n)
        )
    # At least one item on each side, so neither part is ever empty.
    n_val = min(max(1, round(n * fraction)), n - 1)
    order = np.random.default_rng(seed).permutation(n)
    val_idx = np.sort(order[:n_val])
    train_idx = np.sort(order[n_val:])
    return train.subset(train_idx), train.subset(val_idx)


def _check_limit(value: int | None, what: str) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(tr("{what} must be a whole number of 1 or more, not {value}").format(
            what=tr(what), value=repr(value)))


def load_data(folder: str | Path | None = None, validation_fraction: float = 0.0, seed: int = 0,
              train_limit: int | None = None, test_limit: int | None = None) -> DataSplits[ImageDataset]:
    """Load a dataset ready for training.

    folder None means the shipped MNIST. `train_limit`/`test_limit` keep only the first N
    items (quick runs and tests); the validation part is then carved out of the limited
    training set with `split_validation(…, validation_fraction, seed)`.
    """
    _check_limit(train_limit, N_("the training limit"))
    _check_limit(test_limit, N_("the test limit"))
    splits = load_mnist_folder(mnist_dir(), name="MNIST") if folder is None else load_mnist_folder(folder)
    train, test = splits.train, splits.test
    if train_limit is not None and train_limit < len(train):
        train = train.subset(int(train_limit))
    if test_limit is not None and test_limit < len(test):
        test = test.subset(int(test_limit))
    train, validation = split_validation(train, validation_fraction, seed)
    return DataSplits(train=train, test=test, validation=validation)

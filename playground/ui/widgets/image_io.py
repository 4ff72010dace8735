"""Reading digit images from files: PNG, JPEG, BMP, PGM (through QImage) and numpy .npy arrays.

Only QtGui is used, so no QApplication is needed: `nn-playground predict` reads images without
opening a window. Files may come from anyone, so sizes are checked before anything is decoded
and every failure is an `ImageReadError` whose message names the file and says what is wrong.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from playground.core.data.preprocessing import is_pixel_dtype
from playground.core.i18n import tr

__all__ = ["ImageReadError", "read_grayscale", "read_rgb", "MAX_PIXELS", "IMAGE_SUFFIXES"]

# A photo from a phone is 12–50 MP; anything larger is not a digit and would cost gigabytes.
MAX_PIXELS = 50_000_000
MAX_NPY_BYTES = 512 * 1024**2
# float32's range (as CSV cells): what the network computes in, and far from float64's overflow.
MAX_NPY_VALUE = 3e38
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".pgm", ".pbm", ".ppm", ".npy")
_LUMA = np.array([0.299, 0.587, 0.114])  # ITU-R BT.601, as in core.preprocessing


class ImageReadError(ValueError):
    """An image file cannot be used; the message names the file and the reason."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


def read_grayscale(path: str | Path, silence_decoder: bool = False) -> np.ndarray:
    """The image in `path` as a 2-D grayscale array (uint8 for image files, the stored dtype for .npy).

    Transparent pixels are composited onto white paper. Polarity is left as it is: the shared
    preprocessing (`core.preprocessing.prepare_digit`) decides which side is ink.
    `silence_decoder` keeps libpng/libjpeg's own messages off the terminal (they print to the
    process's stderr directly); the reason still ends up in the error message. The CLI sets it;
    a GUI with other threads should not, as it briefly redirects file descriptor 2.
    Raises ImageReadError for missing, unreadable, damaged, unsupported or too-large files.
    """
    return _read(path, silence_decoder, rgb=False)


def read_rgb(path: str | Path, silence_decoder: bool = False) -> np.ndarray:
    """The image in `path` as an H×W×3 RGB array (uint8 for image files, the stored dtype for .npy),
    for colour imports. Transparent pixels are composited onto white; a gray .npy array stays H×W
    (the importer repeats it in the three channels). Errors as `read_grayscale`."""
    return _read(path, silence_decoder, rgb=True)


def _read(path: str | Path, silence_decoder: bool, rgb: bool) -> np.ndarray:
    path = Path(path)
    if not path.exists():
        raise ImageReadError(tr("{path}: no such file.").format(path=path), path)
    if path.is_dir():
        raise ImageReadError(tr("{path}: is a folder, not an image file.").format(path=path), path)
    if not path.is_file():  # reading a pipe or a device would wait forever or never end
        raise ImageReadError(tr("{path}: is a device or a pipe, not an image file.").format(path=path), path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageReadError(tr("{path}: cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc.__class__.__name__), path) from None
    if size == 0:
        raise ImageReadError(tr("{path}: the file is empty.").format(path=path), path)
    if not os.access(path, os.R_OK):
        raise ImageReadError(tr("{path}: permission denied.").format(path=path), path)
    if path.suffix.lower() == ".npy":
        return _read_npy(path, rgb)
    return _read_with_qt(path, silence_decoder, rgb)


# --------------------------------------------------------------------------- numpy arrays

def _read_npy(path: Path, rgb: bool = False) -> np.ndarray:
    try:
        with open(path, "rb") as handle:
            try:
                version = np.lib.format.read_magic(handle)
                if version == (1, 0):
                    shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
                else:
                    shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
            except ValueError:
                raise ImageReadError(tr("{path}: not a numpy .npy array (the header is missing or damaged).")
                                     .format(path=path), path) from None
            if not is_pixel_dtype(dtype):
                raise ImageReadError(tr("{path}: the array holds {dtype}, not numbers; save pixel values.")
                                     .format(path=path, dtype=dtype), path)
            if not (len(shape) == 2 or (len(shape) == 3 and shape[2] in (1, 3))):
                raise ImageReadError(tr(
                    "{path}: an array of shape {shape} is not an image; expected H×W grayscale "
                    "(or H×W×1, H×W×3 RGB).").format(path=path, shape=tuple(shape)), path)
            pixels = int(shape[0]) * int(shape[1])
            if pixels == 0:
                raise ImageReadError(tr("{path}: the array has no pixels (shape {shape}).").format(
                    path=path, shape=tuple(shape)), path)
            _check_pixels(path, int(shape[1]), int(shape[0]))
            if int(np.prod(shape)) * dtype.itemsize > MAX_NPY_BYTES:
                raise ImageReadError(tr("{path}: the array is too large to be a digit image.").format(path=path), path)
            handle.seek(0)
            try:
                array = np.load(handle, allow_pickle=False)
            except (ValueError, EOFError) as exc:
                raise ImageReadError(tr("{path}: the array data is damaged or truncated ({reason}).").format(
                    path=path, reason=exc), path) from None
    except OSError as exc:
        raise ImageReadError(tr("{path}: cannot be read ({reason}).").format(
            path=path, reason=exc.strerror or exc.__class__.__name__), path) from None
    if array.dtype.kind == "f":  # before anything is computed from the values
        if not np.isfinite(array).all():
            raise ImageReadError(tr("{path}: the array contains NaN or infinite values.").format(path=path), path)
        peak = float(np.abs(array).max())
        if peak > MAX_NPY_VALUE:
            raise ImageReadError(tr("{path}: the array holds values as large as {value:.3g}; pixel values beyond "
                                    "±{limit:.1g} are not an image.").format(path=path, value=peak,
                                                                             limit=MAX_NPY_VALUE), path)
    if array.ndim == 3 and (array.shape[2] == 1 or not rgb):
        array = array[..., 0] if array.shape[2] == 1 else array.astype(np.float64) @ _LUMA
    return array


# --------------------------------------------------------------------------- image files

def _check_pixels(path: Path, width: int, height: int) -> None:
    if width * height > MAX_PIXELS:
        raise ImageReadError(tr(
            "{path}: {width}×{height} pixels ({megapixels:.0f} MP) is too large; "
            "images up to {limit} MP are accepted — crop or scale it down.").format(
            path=path, width=width, height=height, megapixels=width * height / 1e6,
            limit=MAX_PIXELS // 1_000_000), path)


def _read_with_qt(path: Path, silence_decoder: bool, rgb: bool = False) -> np.ndarray:
    from PySide6.QtGui import QImage, QImageReader

    try:
        str(path).encode("utf-8")
        reader = QImageReader(str(path))
    except UnicodeEncodeError:  # a name with bytes that are not UTF-8: Qt cannot open it by name, so hand it the file
        from PySide6.QtCore import QFile, QFileDevice, QIODevice

        opened = QFile()  # a local: it must outlive the reader
        opened.open(os.open(path, os.O_RDONLY), QIODevice.OpenModeFlag.ReadOnly,
                    QFileDevice.FileHandleFlag.AutoCloseHandle)
        reader = QImageReader(opened)
    reader.setAutoTransform(True)  # phone photos: honour the EXIF orientation
    with _captured_stderr(silence_decoder) as captured:  # size() already parses the header
        if not reader.canRead():
            raise ImageReadError(tr(
                "{path}: not an image this app can read (PNG, JPEG, BMP, PGM or .npy), "
                "or the file is damaged.").format(path=path), path)
        size = reader.size()
        if size.isValid():
            _check_pixels(path, size.width(), size.height())
        image = reader.read()
    if image.isNull():
        reason = reader.errorString()
        detail = captured.text().strip().splitlines()
        if detail:
            reason = f"{reason}; {detail[-1].strip()}"
        kind = bytes(reader.format().data()).decode("ascii", "replace").upper()
        message = (tr("{path}: cannot decode the {kind} image — the file is damaged or truncated ({reason}).")
                   if kind else tr("{path}: cannot decode the image — the file is damaged or truncated ({reason})."))
        raise ImageReadError(message.format(path=path, kind=kind, reason=reason), path)
    _check_pixels(path, image.width(), image.height())  # formats that give no size up front
    if image.hasAlphaChannel():
        rgba = _to_array(image.convertToFormat(QImage.Format.Format_RGBA8888), 4).astype(np.float64)
        alpha = rgba[..., 3] / 255.0
        if rgb:
            colour = rgba[..., :3] * alpha[..., None] + 255.0 * (1.0 - alpha[..., None])
            return np.clip(np.rint(colour), 0, 255).astype(np.uint8)
        gray = rgba[..., :3] @ _LUMA
        return np.clip(np.rint(gray * alpha + 255.0 * (1.0 - alpha)), 0, 255).astype(np.uint8)
    if rgb:
        return _to_array(image.convertToFormat(QImage.Format.Format_RGB888), 3)
    return _to_array(image.convertToFormat(QImage.Format.Format_Grayscale8), 1)


def _to_array(image, channels: int) -> np.ndarray:
    """Copy a QImage's pixels into a numpy array, dropping each row's padding."""
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    buffer = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    pixels = buffer[:, : w * channels].copy()
    return pixels if channels == 1 else pixels.reshape(h, w, channels)


class _Captured:
    def __init__(self) -> None:
        self._text = ""

    def text(self) -> str:
        return self._text


@contextlib.contextmanager
def _captured_stderr(enabled: bool) -> Iterator[_Captured]:
    """Send file descriptor 2 to a temp file for the duration (libpng prints errors with fprintf)."""
    captured = _Captured()
    if not enabled:
        yield captured
        return
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield captured
        return
    with tempfile.TemporaryFile() as tmp:
        _flush_c_streams()
        os.dup2(tmp.fileno(), 2)
        try:
            yield captured
        finally:
            _flush_c_streams()  # libpng's message may still sit in the C library's stderr buffer
            os.dup2(saved, 2)
            os.close(saved)
            tmp.seek(0)
            captured._text = tmp.read(4096).decode("utf-8", "replace")


def _flush_c_streams() -> None:
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError, TypeError):  # no C library handle (e.g. some Windows builds)
        pass

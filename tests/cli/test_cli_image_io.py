"""playground/ui/image_io.read_grayscale: the formats `predict` reads, and clear refusals."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from cli_helpers import save_gray_png

from playground.ui.widgets.image_io import ImageReadError, read_grayscale


@pytest.fixture
def ramp() -> np.ndarray:
    return np.tile(np.arange(0, 240, 8, dtype=np.uint8), (20, 1))  # 20×30, exact in every lossless format


@pytest.mark.parametrize("suffix", [".png", ".bmp", ".pgm"])
def test_lossless_formats_round_trip(ramp, tmp_path, suffix):
    path = save_gray_png(ramp, tmp_path / f"ramp{suffix}")
    image = read_grayscale(path)
    assert image.dtype == np.uint8 and image.shape == ramp.shape
    np.testing.assert_array_equal(image, ramp)


def test_jpeg_reads_close_to_the_original(ramp, tmp_path):
    path = save_gray_png(ramp, tmp_path / "ramp.jpg")
    image = read_grayscale(path)
    assert image.shape == ramp.shape
    assert np.abs(image.astype(int) - ramp).mean() < 6


def test_odd_widths_drop_the_row_padding(tmp_path):
    data = np.arange(7 * 5, dtype=np.uint8).reshape(5, 7) * 7
    image = read_grayscale(save_gray_png(data, tmp_path / "odd.png"))
    np.testing.assert_array_equal(image, data)


def test_colour_with_transparency_is_composited_on_white(tmp_path):
    from PySide6.QtGui import QColor, QImage

    picture = QImage(4, 2, QImage.Format.Format_ARGB32)
    picture.fill(QColor(0, 0, 0, 0))  # transparent
    picture.setPixelColor(0, 0, QColor(0, 0, 0, 255))  # opaque black ink
    picture.setPixelColor(1, 0, QColor(255, 0, 0, 255))  # opaque red
    path = tmp_path / "ink.png"
    assert picture.save(str(path))
    image = read_grayscale(path)
    assert image.shape == (2, 4)
    assert image[0, 0] == 0 and image[1, 3] == 255
    assert image[0, 1] == pytest.approx(0.299 * 255, abs=1)


def test_npy_arrays(tmp_path):
    gray = np.linspace(0, 1, 12, dtype=np.float32).reshape(3, 4)
    np.save(tmp_path / "gray.npy", gray)
    np.testing.assert_array_equal(read_grayscale(tmp_path / "gray.npy"), gray)
    rgb = np.zeros((3, 4, 3), np.uint8)
    rgb[..., 1] = 100
    np.save(tmp_path / "rgb.npy", rgb)
    np.testing.assert_allclose(read_grayscale(tmp_path / "rgb.npy"), 58.7)


@pytest.mark.parametrize("array, expected", [
    (np.zeros((2, 3, 4, 5)), "not an image"),
    (np.array([[1.0, np.nan]]), "NaN"),
    (np.array([["a", "b"]]), "not numbers"),
    (np.zeros((0, 5)), "no pixels"),
])
def test_npy_arrays_that_are_not_images(array, expected, tmp_path):
    path = tmp_path / "bad.npy"
    np.save(path, array)
    with pytest.raises(ImageReadError, match=expected) as info:
        read_grayscale(path)
    assert str(path) in str(info.value)


def test_npy_with_pickled_objects_is_refused_without_unpickling(tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([[{"a": 1}]], dtype=object), allow_pickle=True)
    with pytest.raises(ImageReadError, match="not numbers"):
        read_grayscale(path)


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


def test_huge_images_are_refused_before_decoding(tmp_path):
    path = tmp_path / "huge.png"
    path.write_bytes(_png_header_only(20_000, 20_000))  # claims 400 MP; decoding would need 400 MB
    with pytest.raises(ImageReadError, match="too large") as info:
        read_grayscale(path)
    assert str(path) in str(info.value)


def test_huge_npy_is_refused_before_loading(tmp_path):
    path = tmp_path / "huge.npy"
    header = {"descr": "|u1", "fortran_order": False, "shape": (10_000, 10_000)}
    with open(path, "wb") as handle:
        np.lib.format.write_array_header_1_0(handle, header)
        handle.write(b"\0" * 100)
    with pytest.raises(ImageReadError, match="too large"):
        read_grayscale(path)


def test_truncated_image_message_is_one_clear_sentence(ramp, tmp_path, capfd):
    good = save_gray_png(ramp, tmp_path / "ramp.png").read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(ImageReadError, match="damaged or truncated") as info:
        read_grayscale(path, silence_decoder=True)
    assert str(path) in str(info.value)
    assert capfd.readouterr().err == ""  # libpng's own message did not reach the terminal


def test_folder_and_missing_file(tmp_path):
    with pytest.raises(ImageReadError, match="is a folder"):
        read_grayscale(tmp_path)
    with pytest.raises(ImageReadError, match="no such file"):
        read_grayscale(tmp_path / "none.png")

"""Helpers for the CLI tests (a module of its own: two conftest.py files cannot both be imported by name)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import numpy as np

from playground.cli import main


def run_cli(args: list[str]) -> tuple[int, str, str]:
    """main(args) in-process with stdout and stderr captured; SystemExit becomes its code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def save_gray_png(array: np.ndarray, path: Path) -> Path:
    """Write a uint8 H×W array with QImage (QtGui only), in the format the suffix names."""
    from PySide6.QtGui import QImage

    array = np.ascontiguousarray(array, dtype=np.uint8)
    h, w = array.shape
    image = QImage(array.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    assert image.save(str(path)), f"QImage could not write {path}"
    return path


def scale_gray(array: np.ndarray, factor: int) -> np.ndarray:
    """Smoothly scale a uint8 H×W array with QImage, as a photo or a screenshot would be."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    array = np.ascontiguousarray(array, dtype=np.uint8)
    h, w = array.shape
    image = QImage(array.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    big = image.scaled(w * factor, h * factor, Qt.AspectRatioMode.IgnoreAspectRatio,
                       Qt.TransformationMode.SmoothTransformation)
    big = big.convertToFormat(QImage.Format.Format_Grayscale8)
    stride = big.bytesPerLine()
    data = np.frombuffer(big.constBits(), np.uint8, count=stride * big.height()).reshape(big.height(), stride)
    return data[:, : big.width()].copy()

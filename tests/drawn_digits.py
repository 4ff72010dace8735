"""Hand-drawn-looking digits for tests and benchmarks: pen strokes drawn with QPainter.

Each digit 0–9 has a few stroke templates in the styles people actually write (7 with and
without a bar, 1 with and without a flag, open and closed 4, 9 with a straight or a curved
tail, 2 with or without a loop, …). A drawing takes one template and distorts it the way hands
and canvases differ: a smooth wobble of the whole shape, pieces that do not quite meet, slant
and rotation, shear, aspect, size (digit height 20–90 % of the canvas), position anywhere it
fits, thin to thick pens, either polarity, sometimes light noise or blur, and canvases of other
sizes than the app's. Everything comes from one seed, so a failing drawing can be reproduced.

    python tests/drawn_digits.py -o sheet.png      # a contact sheet of 100 drawings, to look at

Only QtGui is needed (QImage + QPainter), no QApplication.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

Stroke = np.ndarray  # K×2 points (x, y) in the template's frame: y down, height 0..1
CANVAS = (280, 280)  # the app's canvas (rows, columns)


# --------------------------------------------------------------------------- stroke helpers

def line(*points: tuple[float, float], n: int = 12) -> Stroke:
    """A polyline through the points, densely sampled (corners stay sharp)."""
    out = [np.asarray(points[0], float)[None]]
    for a, b in zip(points[:-1], points[1:]):
        t = np.linspace(0.0, 1.0, n + 1)[1:, None]
        out.append((1 - t) * np.asarray(a, float) + t * np.asarray(b, float))
    return np.concatenate(out)


def bezier(*controls: tuple[float, float], n: int = 24) -> Stroke:
    """A Bézier curve of any degree through its end points, bent by the controls between."""
    c = np.asarray(controls, float)
    t = np.linspace(0.0, 1.0, n)[:, None]
    k = len(c) - 1
    return sum(math.comb(k, i) * (1 - t) ** (k - i) * t ** i * c[i] for i in range(k + 1))


def arc(cx: float, cy: float, rx: float, ry: float, start: float, end: float, n: int = 40) -> Stroke:
    """An elliptic arc; angles in degrees with y down: 0 right, 90 bottom, -90 top.
    Increasing angles run clockwise on screen, decreasing ones anticlockwise."""
    a = np.radians(np.linspace(start, end, n))
    return np.stack([cx + rx * np.cos(a), cy + ry * np.sin(a)], axis=1)


def chain(*parts: Stroke) -> Stroke:
    """One pen stroke made of pieces drawn one after another (the pen never lifts)."""
    return np.concatenate(parts)


# --------------------------------------------------------------------------- templates
# Each template returns the strokes of one digit in a frame where the digit is about 0.6 wide
# and 1 high (y down). They were tuned by looking at contact sheets next to MNIST digits.

def _zero_oval() -> list[Stroke]:
    return [arc(0.3, 0.5, 0.27, 0.49, -75, -75 - 368)]


def _zero_narrow_slanted() -> list[Stroke]:
    s = arc(0.3, 0.5, 0.2, 0.5, -100, -100 - 350)
    s[:, 0] += (0.5 - s[:, 1]) * 0.2
    return [s]


def _zero_round_open() -> list[Stroke]:
    return [arc(0.32, 0.5, 0.32, 0.46, -60, -60 - 340)]


def _one_plain() -> list[Stroke]:
    return [bezier((0.34, 0.0), (0.31, 0.5), (0.28, 1.0))]


def _one_flag() -> list[Stroke]:
    return [chain(line((0.1, 0.22), (0.36, 0.0)), line((0.36, 0.0), (0.34, 1.0))[1:])]


def _one_flag_base() -> list[Stroke]:
    return [chain(line((0.14, 0.2), (0.33, 0.0)), line((0.33, 0.0), (0.33, 0.98))[1:]),
            line((0.1, 0.99), (0.56, 0.98))]


def _two_plain() -> list[Stroke]:
    top = arc(0.3, 0.27, 0.26, 0.25, 195, 375)
    end = top[-1]
    return [chain(top, bezier(tuple(end), (0.45, 0.6), (0.02, 0.98))[1:],
                  line((0.02, 0.98), (0.62, 0.96))[1:])]


def _two_loop() -> list[Stroke]:
    top = arc(0.3, 0.26, 0.25, 0.24, 195, 375)
    end = top[-1]
    down = bezier(tuple(end), (0.45, 0.55), (0.12, 0.8), (0.1, 0.9))
    loop = bezier((0.1, 0.9), (0.06, 1.02), (0.2, 1.02), (0.2, 0.9), (0.1, 0.86), (0.02, 0.93))
    tail = bezier((0.02, 0.93), (0.15, 1.02), (0.45, 0.92), (0.66, 0.97))
    return [chain(top, down[1:], loop[1:], tail[1:])]


def _two_angular() -> list[Stroke]:
    return [chain(bezier((0.05, 0.18), (0.2, -0.04), (0.55, -0.04), (0.55, 0.22)),
                  line((0.55, 0.22), (0.0, 0.98), (0.6, 0.98))[1:])]


def _three_round() -> list[Stroke]:
    top = arc(0.3, 0.25, 0.24, 0.24, 205, 470)  # ends near the middle, a little left
    bottom = arc(0.29, 0.73, 0.29, 0.26, -115, 160)
    return [chain(top, bottom)]


def _three_flat_top() -> list[Stroke]:
    return [chain(line((0.04, 0.02), (0.56, 0.0), (0.22, 0.4)),
                  arc(0.28, 0.7, 0.29, 0.29, -100, 160)[2:])]


def _four_open() -> list[Stroke]:
    return [line((0.1, 0.0), (0.02, 0.6), (0.64, 0.58)), line((0.47, 0.08), (0.45, 1.0))]


def _four_closed() -> list[Stroke]:
    return [line((0.46, 0.0), (0.0, 0.64), (0.66, 0.64)), line((0.46, 0.0), (0.46, 1.0))]


def _four_one_stroke() -> list[Stroke]:
    # Down, across, then up to the top and down the stem without lifting the pen.
    return [line((0.08, 0.02), (0.04, 0.55), (0.6, 0.55), (0.48, 0.05), (0.5, 1.0))]


def _five_two_strokes() -> list[Stroke]:
    stem = line((0.12, 0.03), (0.07, 0.48))
    bowl = bezier((0.07, 0.48), (0.28, 0.3), (0.68, 0.42), (0.62, 0.72), (0.5, 1.05), (0.1, 0.98), (0.0, 0.86))
    return [chain(stem, bowl[1:]), line((0.12, 0.03), (0.6, 0.0))]


def _five_one_stroke() -> list[Stroke]:
    bowl = arc(0.3, 0.69, 0.29, 0.28, -150, 150)
    start = bowl[0]
    return [chain(line((0.6, 0.0), (0.1, 0.02), tuple(start)), bowl[1:])]


def _six_curved() -> list[Stroke]:
    stem = bezier((0.52, 0.02), (0.2, 0.08), (0.02, 0.42), (0.05, 0.72))
    loop = arc(0.3, 0.72, 0.25, 0.26, 180, -175)
    return [chain(stem, loop[1:])]


def _six_straight() -> list[Stroke]:
    stem = line((0.5, 0.0), (0.07, 0.66))
    loop = bezier((0.07, 0.66), (0.02, 1.02), (0.58, 1.08), (0.58, 0.74), (0.56, 0.44), (0.15, 0.46), (0.08, 0.7))
    return [chain(stem, loop[1:])]


def _seven_plain() -> list[Stroke]:
    return [chain(line((0.0, 0.04), (0.6, 0.0)), bezier((0.6, 0.0), (0.4, 0.4), (0.24, 1.0))[1:])]


def _seven_bar() -> list[Stroke]:
    return [chain(line((0.02, 0.06), (0.62, 0.02)), line((0.62, 0.02), (0.26, 1.0))[1:]),
            line((0.18, 0.52), (0.58, 0.5))]


def _seven_hook() -> list[Stroke]:
    return [chain(line((0.02, 0.2), (0.0, 0.03), (0.58, 0.0)), bezier((0.58, 0.0), (0.45, 0.35), (0.3, 1.0))[1:])]


def _eight_one_stroke() -> list[Stroke]:
    top = arc(0.3, 0.25, 0.22, 0.24, -20, -180)
    cross_down = bezier(tuple(top[-1]), (0.08, 0.45), (0.56, 0.52), (0.56, 0.76))
    bottom = arc(0.3, 0.76, 0.26, 0.23, 0, 180)
    cross_up = bezier(tuple(bottom[-1]), (0.04, 0.55), (0.54, 0.44), (0.52, 0.14))
    return [chain(top, cross_down[1:], bottom[1:], cross_up[1:])]


def _eight_two_loops() -> list[Stroke]:
    return [arc(0.31, 0.25, 0.2, 0.24, 90, 90 + 360), arc(0.3, 0.74, 0.27, 0.26, -90, -90 - 360)]


def _nine_straight() -> list[Stroke]:
    loop = arc(0.29, 0.27, 0.26, 0.26, -10, -365)
    return [chain(loop, line(tuple(loop[-1]), (0.53, 1.0))[1:])]


def _nine_curved() -> list[Stroke]:
    loop = arc(0.29, 0.27, 0.26, 0.26, -5, -362)
    tail = bezier(tuple(loop[-1]), (0.58, 0.7), (0.46, 1.0), (0.14, 0.96))
    return [chain(loop, tail[1:])]


def _nine_two_strokes() -> list[Stroke]:
    return [arc(0.28, 0.26, 0.25, 0.25, 0, -360), line((0.53, 0.1), (0.46, 1.0))]


TEMPLATES: dict[int, list[Callable[[], list[Stroke]]]] = {
    0: [_zero_oval, _zero_narrow_slanted, _zero_round_open],
    1: [_one_plain, _one_flag, _one_flag_base],
    2: [_two_plain, _two_loop, _two_angular],
    3: [_three_round, _three_flat_top],
    4: [_four_open, _four_closed, _four_one_stroke],
    5: [_five_two_strokes, _five_one_stroke],
    6: [_six_curved, _six_straight],
    7: [_seven_plain, _seven_bar, _seven_hook],
    8: [_eight_one_stroke, _eight_two_loops],
    9: [_nine_straight, _nine_curved, _nine_two_strokes],
}


# --------------------------------------------------------------------------- distortion

@dataclass
class Drawing:
    """One generated drawing and how it was made (for reports on what fails)."""

    image: np.ndarray  # uint8 H×W
    label: int
    style: str
    height_fraction: float  # digit height / canvas height
    pen_fraction: float  # pen width / digit height
    pen_px: float
    dark_on_light: bool
    blurred: bool
    noise_sigma: float  # of the added sensor noise, in gray levels (0: none)


def _wobble(strokes: list[Stroke], rng: np.random.Generator, amount: float) -> list[Stroke]:
    """A smooth random warp of the whole digit, plus pieces that do not quite meet."""
    fx, fy = rng.uniform(0.6, 1.6, 2)
    px, py = rng.uniform(0, 2 * np.pi, 2)
    ax, ay = rng.uniform(-amount, amount, 2)
    out = []
    for stroke in strokes:
        x, y = stroke[:, 0].copy(), stroke[:, 1].copy()
        x = x + ax * np.sin(2 * np.pi * fx * y + px)
        y = y + ay * np.sin(2 * np.pi * fy * x + py)
        if len(strokes) > 1:  # separate pen strokes land a little off each other
            x += rng.normal(0, amount * 0.6)
            y += rng.normal(0, amount * 0.6)
        # A tremor along the stroke, smoothed so it reads as a hand, not as noise.
        n = len(x)
        tremor = rng.normal(0, amount * 0.25, (n, 2))
        kernel = np.ones(7) / 7
        tremor = np.stack([np.convolve(tremor[:, k], kernel, mode="same") for k in range(2)], axis=1)
        out.append(np.stack([x, y], axis=1) + tremor)
    return out


def _affine(strokes: list[Stroke], rng: np.random.Generator) -> list[Stroke]:
    """Rotation ±15°, shear (slant), aspect jitter; about the digit's centre."""
    theta = np.radians(rng.uniform(-15, 15))
    shear = rng.uniform(-0.3, 0.3)
    aspect = np.exp(rng.uniform(np.log(0.75), np.log(1.3)))
    rotate = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    matrix = rotate @ np.array([[1.0, shear], [0.0, 1.0]]) @ np.diag([aspect, 1.0])
    centre = np.concatenate(strokes).mean(axis=0)
    return [(s - centre) @ matrix.T for s in strokes]


def draw_digit(label: int, rng: np.random.Generator, canvas: tuple[int, int] | None = None,
               style: int | None = None) -> Drawing:
    """One drawing of `label` on a canvas of `canvas` (rows, columns; default: the app's 280×280,
    sometimes another size), every distortion drawn from `rng`."""
    templates = TEMPLATES[label]
    index = int(rng.integers(len(templates))) if style is None else style
    make = templates[index]
    if canvas is None:
        canvas = CANVAS if rng.random() < 0.7 else tuple(int(v) for v in rng.integers(160, 481, 2))
    rows, cols = canvas
    strokes = _affine(_wobble(make(), rng, rng.uniform(0.01, 0.035)), rng)

    points = np.concatenate(strokes)
    lo, hi = points.min(axis=0), points.max(axis=0)
    height_fraction = float(rng.uniform(0.2, 0.9))
    pen_fraction = float(np.exp(rng.uniform(np.log(0.035), np.log(0.2))))
    digit_h = height_fraction * rows
    pen = max(1.5, pen_fraction * digit_h)
    scale = digit_h / max(hi[1] - lo[1], 1e-6)
    # Must fit with its pen width on both axes.
    scale = min(scale, (cols - pen - 4) / max(hi[0] - lo[0], 1e-6), (rows - pen - 4) / max(hi[1] - lo[1], 1e-6))
    size = (hi - lo) * scale
    margin = pen / 2 + 2
    x0 = rng.uniform(margin, max(margin, cols - margin - size[0]))
    y0 = rng.uniform(margin, max(margin, rows - margin - size[1]))

    dark_on_light = bool(rng.random() < 0.5)
    paper = float(rng.uniform(225, 255)) if dark_on_light else float(rng.uniform(0, 30))
    ink = float(rng.uniform(0, 60)) if dark_on_light else float(rng.uniform(200, 255))

    image = QImage(cols, rows, QImage.Format.Format_Grayscale8)
    image.fill(QColor.fromRgbF(paper / 255, paper / 255, paper / 255))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor.fromRgbF(ink / 255, ink / 255, ink / 255), pen, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    for stroke in strokes:
        xy = (stroke - lo) * scale + (x0, y0)
        path = QPainterPath(QPointF(*xy[0]))
        for x, y in xy[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)
    painter.end()
    pixels = _to_array(image).astype(np.float64)

    blurred = bool(rng.random() < 0.3)  # a little blur, as from a soft brush or a scan
    if blurred:
        pixels = _box_blur(pixels)
    noise = float(rng.uniform(2, 8)) if rng.random() < 0.3 else 0.0  # light sensor noise
    if noise:
        pixels += rng.normal(0, noise, pixels.shape)
    out = np.clip(np.rint(pixels), 0, 255).astype(np.uint8)
    return Drawing(out, label, make.__name__.lstrip("_"), height_fraction, pen / digit_h, pen, dark_on_light,
                   blurred, noise)


def drawn_digits(per_digit: int = 50, seed: int = 0) -> list[Drawing]:
    """`per_digit` drawings of every digit, in the order 0, 1, …, 9, 0, 1, … (deterministic for `seed`)."""
    rng = np.random.default_rng(seed)
    return [draw_digit(label, rng) for _ in range(per_digit) for label in range(10)]


def _to_array(image: QImage) -> np.ndarray:
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    return np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)[:, :w].copy()


def _box_blur(pixels: np.ndarray) -> np.ndarray:
    padded = np.pad(pixels, 1, mode="edge")
    h, w = pixels.shape
    return sum(padded[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)) / 9.0


# --------------------------------------------------------------------------- looking at them

def contact_sheet(images: list[np.ndarray], columns: int = 10, cell: int = 96, gap: int = 4,
                  captions: list[str] | None = None) -> QImage:
    """The images scaled into equal cells (aspect kept) on a mid-grey sheet, optionally captioned
    (captions need a QGuiApplication, for fonts)."""
    rows = math.ceil(len(images) / columns)
    caption_h = 14 if captions else 0
    sheet = QImage(columns * (cell + gap) + gap, rows * (cell + gap + caption_h) + gap, QImage.Format.Format_RGB32)
    sheet.fill(QColor("#808080"))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    for i, pixels in enumerate(images):
        h, w = pixels.shape
        data = np.ascontiguousarray(pixels, dtype=np.uint8)
        qimg = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        s = cell / max(h, w)
        x = gap + (i % columns) * (cell + gap) + (cell - w * s) / 2
        y = gap + (i // columns) * (cell + gap + caption_h) + (cell - h * s) / 2
        painter.drawImage(QRectF(x, y, w * s, h * s), qimg)
        if captions:
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(int(gap + (i % columns) * (cell + gap)),
                             int(gap + (i // columns) * (cell + gap + caption_h) + cell + 11), captions[i])
    painter.end()
    return sheet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=Path("drawn_digits.png"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-digit", type=int, default=10)
    args = parser.parse_args()
    drawings = drawn_digits(args.per_digit, args.seed)
    contact_sheet([d.image for d in drawings]).save(str(args.output))
    print(f"{len(drawings)} drawings → {args.output}")


if __name__ == "__main__":
    main()

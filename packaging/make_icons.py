"""Draw the app icon with QPainter and write the icon set into resources/icons/.

    python packaging/make_icons.py

One drawing (a small network: 3 inputs, 4 hidden units, 2 outputs, the winning output lit, on a
rounded indigo-to-teal tile) rendered at every size, with fewer units (2-2-1) and thicker strokes at
16-32 px so it stays legible. Writes nn-playground-<N>.png (16 ... 512), nn-playground.ico (PNG
entries, Windows Vista and later) and nn-playground.icns (PNG entries, macOS 10.7 and later) with
small writers below, so the build needs neither Pillow nor iconutil. The results are committed;
run this again only when the drawing changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402 — after the environment is set up above
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPen  # noqa: E402 — after the environment is set up above

NAME = "nn-playground"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, with their pixel sizes (…@2x types reuse the larger pictures).
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)
OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"  # shipped: the window uses them too


def render(size: int) -> QImage:
    """The icon at `size`×`size` pixels (ARGB, transparent around the tile)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100.0, size / 100.0)  # draw in a 100×100 box
    small = size <= 32

    # The tile.
    margin = 2.0 if small else 4.0
    tile = QRectF(margin, margin, 100 - 2 * margin, 100 - 2 * margin)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0.0, QColor("#2b2f8f"))
    gradient.setColorAt(1.0, QColor("#0f8f88"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 20, 20)

    # The network: columns of units, every unit joined to every unit of the next column.
    if small:  # 2-2-1 with big units: at 16 px anything more turns into noise
        columns = [[QPointF(22, 30), QPointF(22, 70)], [QPointF(50, 30), QPointF(50, 70)], [QPointF(78, 50)]]
        radius, edge_width, bright_width, ring = 10.5, 4.5, 6.0, 0.0
        path = (columns[0][0], columns[1][0], columns[2][0])
    else:  # 3-4-2
        columns = [[QPointF(24, y) for y in (20, 50, 80)],
                   [QPointF(50, y) for y in (20, 40, 60, 80)],
                   [QPointF(76, y) for y in (35, 65)]]
        radius, edge_width, bright_width, ring = 6.5, 1.6, 2.6, 1.4
        path = (columns[0][1], columns[1][1], columns[2][0])
    edge = QPen(QColor(255, 255, 255, 140 if small else 120), edge_width)
    edge.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(edge)
    for left, right in zip(columns, columns[1:]):
        for a in left:
            for b in right:
                p.drawLine(a, b)
    # The path to the winning output, lit.
    bright = QPen(QColor("#ffd54a"), bright_width)
    bright.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(bright)
    p.drawLine(path[0], path[1])
    p.drawLine(path[1], path[2])

    fills = (QColor("#8fd3ff"), QColor("#ffffff"), QColor("#ffffff"))
    outline = QPen(QColor("#0d1440"), ring) if ring else QPen(Qt.PenStyle.NoPen)
    for column, fill in zip(columns, fills):
        for point in column:
            p.setPen(outline)
            p.setBrush(QColor("#ffd54a") if point is path[2] else fill)
            p.drawEllipse(point, radius, radius)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode a PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (ICONDIR, ICONDIRENTRY × n, then the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns file: 'icns' + total length, then (type, length incl. 8-byte header, PNG) entries."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(out: Path = OUT) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 — QPainter needs it
    out.mkdir(parents=True, exist_ok=True)
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES})
    pngs = {size: png_bytes(render(size)) for size in sizes}
    for size in PNG_SIZES:
        (out / f"{NAME}-{size}.png").write_bytes(pngs[size])
    (out / f"{NAME}.ico").write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    (out / f"{NAME}.icns").write_bytes(icns_bytes(pngs))
    print(f"wrote {len(PNG_SIZES)} PNGs, {NAME}.ico and {NAME}.icns to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT))

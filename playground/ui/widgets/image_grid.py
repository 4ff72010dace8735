"""A grid of small images with a caption under each: feature maps, conv filters, galleries of digits.

All tiles are drawn as one RGBA mosaic in one `ImageItem`, so an update is one numpy composition
and one `setImage` however many tiles there are (cheap enough for live feature maps at 4 Hz). The
layout (columns, gaps, room for captions) follows the widget's size and is recomputed only when
that size or the number or shape of the tiles changes.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

from playground.ui.widgets.palette import BACKGROUND, FOREGROUND, FRAME_COLOUR, caption_font
from playground.ui.widgets.plot_style import ACTIVATION_COLOURMAP, lookup_table, symmetric_levels

SCALES = ("shared", "symmetric", "each", "fixed")
DEFAULT_VIEW = (400.0, 300.0)  # before the widget has a size of its own


NICE_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ that is ≥ x (x > 0)."""
    exponent = np.floor(np.log10(x))
    mantissa = x / 10 ** exponent
    return float(next(s for s in NICE_STEPS if s >= mantissa - 1e-9) * 10 ** exponent)


def nice_levels(lo: float, hi: float) -> tuple[float, float]:
    """Colour-scale ends rounded outwards to round numbers: the colour bar reads better, and it
    changes (and repaints its axis) only when the data really grows or shrinks."""
    if lo >= 0:
        return 0.0, nice_ceiling(hi) if hi > 0 else 1.0
    if hi <= 0:
        return -nice_ceiling(-lo), 0.0
    return -nice_ceiling(-lo), nice_ceiling(hi)


@dataclass(frozen=True)
class GridLayout:
    """Where tiles go, in the mosaic's pixels (one mosaic pixel = one source pixel)."""

    columns: int
    rows: int
    pitch_x: int  # mosaic pixels from one column to the next
    pitch_y: int  # from one row to the next (tile, gap and the caption band)
    tile_h: int
    tile_w: int
    caption_px_width: float  # screen pixels a caption may use

    def origin(self, index: int) -> tuple[int, int]:
        """Top-left (y, x) of tile `index`, centred in its column."""
        row, col = divmod(index, self.columns)
        return row * self.pitch_y, col * self.pitch_x + (self.pitch_x - self.tile_w) // 2

    @property
    def shape(self) -> tuple[int, int]:
        return self.rows * self.pitch_y, self.columns * self.pitch_x


def plan_layout(count: int, tile_h: int, tile_w: int, view_w: float, view_h: float,
                caption_w: float, caption_h: float) -> GridLayout:
    """The column count that draws `count` tiles largest in a view of view_w × view_h screen pixels,
    leaving each tile a caption band of caption_h pixels below it and at least caption_w wide."""
    gap = max(1, round(0.12 * max(tile_h, tile_w)))
    best: tuple[float, int] | None = None
    for need_caption_width in (True, False):  # a very small view drops the caption-width wish
        for columns in range(1, max(count, 1) + 1):
            rows = math.ceil(max(count, 1) / columns)
            if need_caption_width and columns * (caption_w + 2) > view_w:
                continue
            per_row = view_h / rows - caption_h
            if per_row <= 0:
                continue
            scale = min(view_w / (columns * (tile_w + gap)), per_row / (tile_h + gap))
            if best is None or scale > best[0] * 1.0001:
                best = (scale, columns)
        if best is not None:
            break
    if best is None:  # not even one row fits with its caption band: draw without room for captions
        columns = max(1, math.ceil(math.sqrt(max(count, 1))))
        rows = math.ceil(max(count, 1) / columns)
        best = (max(1e-3, min(view_w / (columns * (tile_w + gap)), view_h / (rows * (tile_h + gap)))), columns)
    scale, columns = best
    rows = math.ceil(max(count, 1) / columns)
    pitch_x = max(tile_w + gap, math.ceil((caption_w + 2) / scale)) if caption_w else tile_w + gap
    band = math.ceil(caption_h / scale) if caption_h else 0
    return GridLayout(columns, rows, pitch_x, tile_h + gap + band, tile_h, tile_w, pitch_x * scale)


class ImageGrid(pg.GraphicsLayoutWidget):
    """Tiles N×H×W of numbers shown through a colour map, each with an optional caption and tooltip.

    scale: "shared" (one min..max for all tiles — compare tiles), "symmetric" (−m..m, for a diverging
    map centred at 0), "each" (every tile stretched to its own range — see patterns in faint tiles)
    or "fixed" (the `levels` given, e.g. 0..255 for digits).
    """

    tile_clicked = Signal(int)

    def __init__(self, colourmap: pg.ColorMap = ACTIVATION_COLOURMAP, scale: str = "shared",
                 levels: tuple[float, float] | None = None, colour_bar: bool = False,
                 placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        if scale not in SCALES:
            raise ValueError(f"scale must be one of {SCALES}")
        self.setBackground(BACKGROUND)
        # With a colour bar: room for its end labels, which stick out by half a line.
        self.ci.setContentsMargins(2, 9 if colour_bar else 2, 2, 9 if colour_bar else 2)
        self.scale_mode = scale
        self.fixed_levels = levels
        self.colourmap = colourmap
        self._lut = lookup_table(colourmap)
        self._background = np.array(pg.mkColor(BACKGROUND).getRgb(), np.uint8)
        self._text_colour = FOREGROUND  # captions (a dark theme changes it: apply_plot_theme)

        self.view = self.addViewBox(row=0, col=0)
        self.view.setAspectLocked(True)
        self.view.invertY(True)
        self.view.setMouseEnabled(False, False)
        self.view.setMenuEnabled(False)
        self.view.setDefaultPadding(0.0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        self.frames = QGraphicsPathItem()
        pen = QPen(QColor(FRAME_COLOUR))
        pen.setCosmetic(True)
        pen.setWidthF(1.0)
        self.frames.setPen(pen)
        self.view.addItem(self.frames)
        self.placeholder = pg.TextItem(placeholder, color=FOREGROUND, anchor=(0.5, 0.5))
        self.view.addItem(self.placeholder)
        self.colour_bar: pg.ColorBarItem | None = None
        if colour_bar:
            self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=colourmap, interactive=False, width=14,
                                              pen=FRAME_COLOUR, colorMapMenu=False)
            self.colour_bar.getAxis("right").setTextPen(pg.mkPen(FOREGROUND))
            self.colour_bar.getAxis("right").setPen(pg.mkPen(FRAME_COLOUR))
            self.addItem(self.colour_bar, row=0, col=1)

        self.caption_font = caption_font(self.font())
        self._metrics = QFontMetrics(self.caption_font)
        self._captions: list[pg.TextItem] = []
        self._caption_texts: list[str] = []
        self._tooltips: list[str] = []
        self._tiles: np.ndarray | None = None  # N×H×W×4 uint8, already coloured
        self._layout: GridLayout | None = None
        self._layout_count = -1  # tiles the current layout was planned for
        self._caption_size = (0.0, 0.0)
        self.levels: tuple[float, float] | None = None
        self._bar_levels: tuple[float, float] | None = None
        self.view.sigResized.connect(self._relayout)
        self.scene().sigMouseClicked.connect(self._clicked)
        self.scene().sigMouseMoved.connect(self._hovered)
        self.set_images(np.zeros((0, 1, 1)))

    # ----- public API -------------------------------------------------------------------------------
    def set_images(self, images: np.ndarray, captions: Sequence[str] | None = None,
                   tooltips: Sequence[str] | None = None, levels: tuple[float, float] | None = None) -> None:
        """Show `images` (N×H×W numbers). `captions` may hold "\\n" for a second line."""
        images = np.asarray(images, dtype=np.float32)
        if images.ndim == 2:
            images = images[None]
        if images.ndim != 3:
            raise ValueError(f"images must be N×H×W, got shape {images.shape}")
        self.levels = levels or self._levels_for(images)
        self._tiles = self._colour(images, self.levels)
        self._tooltips = list(tooltips or [])
        captions = list(captions or [])
        self.placeholder.setVisible(len(images) == 0)
        caption_size = self._measure(captions)
        changed_shape = (self._layout is None or len(captions) != len(self._caption_texts)
                         or caption_size != self._caption_size or self._layout_count != len(images)
                         or (self._layout.tile_h, self._layout.tile_w) != images.shape[1:])
        self._caption_texts = captions
        self._caption_size = caption_size
        if changed_shape:
            self._relayout(force=True)
        else:
            self._compose()
            self._set_caption_texts()
        if self.colour_bar is not None and len(images) and self.levels != self._bar_levels:
            self._bar_levels = self.levels
            lo, hi = self.levels
            self.colour_bar.setLevels((lo, hi if hi > lo else lo + 1e-9))

    def reserve_captions(self, count: int) -> None:
        """Make `count` caption items now (they cost ~0.3 ms each), rather than on the first update."""
        while len(self._captions) < count:
            item = pg.TextItem(color=FOREGROUND, anchor=(0.5, 0.0))
            item.setFont(self.caption_font)
            item.textItem.document().setDocumentMargin(1)
            item.hide()
            self.view.addItem(item)
            self._captions.append(item)

    def apply_plot_theme(self, colours) -> None:
        """Recolour for a light or dark theme (`theme.restyle_plots` calls this): the gaps between
        tiles, the captions, the placeholder and the colour bar's axis. The tiles keep their colours."""
        from playground.ui.widgets.theme import restyle_view

        restyle_view(self, colours)  # (pyqtgraph keeps its background in `_background` too: set ours after)
        self._background = np.array(pg.mkColor(colours.background).getRgb(), np.uint8)
        self._text_colour = colours.foreground
        if self._layout is not None and self._tiles is not None:
            self._compose()
            self._set_caption_texts(force=True)

    def retranslate(self) -> None:
        """After a language switch: draw the captions again from their texts (the owner sets new texts;
        the switch may have replaced a caption that is a catalogue entry by plain text)."""
        if self._layout is not None and self._tiles is not None:
            self._set_caption_texts(force=True)

    def clear_images(self, placeholder: str | None = None) -> None:
        if placeholder is not None:
            self.placeholder.setText(placeholder)
        self.set_images(np.zeros((0, 1, 1)))

    @property
    def count(self) -> int:
        return 0 if self._tiles is None else len(self._tiles)

    @property
    def captions(self) -> list[str]:
        return list(self._caption_texts)

    @property
    def layout_plan(self) -> GridLayout | None:
        return self._layout

    def tile_rect(self, index: int) -> QRectF:
        """Tile `index` in the view's (mosaic) coordinates."""
        lay = self._layout
        assert lay is not None, "no tiles are laid out yet"
        y, x = lay.origin(index)
        return QRectF(x, y, lay.tile_w, lay.tile_h)

    def tile_at_view(self, point: QPointF) -> int | None:
        """The tile under `point` (view coordinates), or None between tiles."""
        if self._layout is None:
            return None
        lay = self._layout
        col, row = int(point.x() // lay.pitch_x), int(point.y() // lay.pitch_y)
        index = row * lay.columns + col
        if not (0 <= col < lay.columns and row >= 0 and 0 <= index < self.count):
            return None
        return index if self.tile_rect(index).contains(point) else None

    def click_tile(self, index: int) -> None:
        """As if the user clicked tile `index` (tests, keyboard access)."""
        self.tile_clicked.emit(int(index))

    # ----- internals -------------------------------------------------------------------------------
    def _levels_for(self, images: np.ndarray) -> tuple[float, float]:
        if self.scale_mode == "fixed" and self.fixed_levels is not None:
            return self.fixed_levels
        if self.scale_mode == "symmetric":
            m = nice_ceiling(symmetric_levels(images)[1])
            return -m, m
        finite = images[np.isfinite(images)]
        if finite.size == 0:
            return 0.0, 1.0
        lo, hi = float(finite.min()), float(finite.max())
        return nice_levels(lo, hi) if self.scale_mode == "shared" else (lo, hi)

    def _colour(self, images: np.ndarray, levels: tuple[float, float]) -> np.ndarray:
        clean = np.nan_to_num(images, nan=0.0, posinf=0.0, neginf=0.0)
        if self.scale_mode == "each" and len(clean):
            flat = clean.reshape(len(clean), -1)
            lo = flat.min(1)[:, None, None]
            span = (flat.max(1) - flat.min(1))[:, None, None]
        else:
            lo = np.float32(levels[0])
            span = np.float32(levels[1] - levels[0])
        span = np.where(span > 0, span, 1.0)
        index = np.clip((clean - lo) * (255.0 / span), 0, 255).astype(np.uint8)
        if self.scale_mode == "each":  # a flat tile shows the map's middle rather than its darkest end
            flat_tiles = np.ptp(clean.reshape(len(clean), -1), axis=1) == 0 if len(clean) else np.zeros(0, bool)
            index[flat_tiles] = 128
        return self._lut[index]

    def _measure(self, captions: list[str]) -> tuple[float, float]:
        if not captions:
            return 0.0, 0.0
        lines = [line for c in captions for line in c.split("\n")]
        width = max(self._metrics.horizontalAdvance(line) for line in lines) + 6
        height = self._metrics.lineSpacing() * max(c.count("\n") + 1 for c in captions) + 4
        return float(width), float(height)

    def _view_size(self) -> tuple[float, float]:
        size = self.view.size()
        if size.width() < 40 or size.height() < 40:
            return DEFAULT_VIEW
        return float(size.width()), float(size.height())

    def _relayout(self, *_args, force: bool = False) -> None:
        if self._tiles is None:
            return
        n = len(self._tiles)
        h, w = (self._tiles.shape[1:3] if n else (1, 1))
        view_w, view_h = self._view_size()
        layout = plan_layout(n, h, w, view_w, view_h, *self._caption_size)
        if not force and layout == self._layout:
            return
        self._layout = layout
        self._layout_count = n
        self._compose()
        self._place_captions()
        self._draw_frames()
        height, width = layout.shape
        self.view.setRange(QRectF(0, 0, width, height), padding=0.0)
        self.placeholder.setPos(width / 2, height / 2)

    def _compose(self) -> None:
        lay, tiles = self._layout, self._tiles
        assert lay is not None and tiles is not None  # called once both are set
        height, width = lay.shape
        mosaic = np.empty((height, width, 4), np.uint8)
        mosaic[:] = self._background
        for i, tile in enumerate(tiles):
            y, x = lay.origin(i)
            mosaic[y:y + lay.tile_h, x:x + lay.tile_w] = tile
        self.image.setImage(mosaic, autoLevels=False, levels=(0, 255))

    def _place_captions(self) -> None:
        texts = self._caption_texts
        self.reserve_captions(len(texts))
        lay = self._layout
        assert lay is not None  # called after _relayout set it
        for i, item in enumerate(self._captions):
            if i < len(texts):
                y, x = lay.origin(i)
                item.setPos(x + lay.tile_w / 2, y + lay.tile_h)
            elif getattr(item, "_shown_text", None):  # a spare caption keeps no text (of a former language)
                item.setText("")
                item._shown_text = ""
            item.setVisible(i < len(texts))
        self._set_caption_texts(force=True)

    def _set_caption_texts(self, force: bool = False) -> None:
        width = self._layout.caption_px_width if self._layout else 0
        for item, text in zip(self._captions, self._caption_texts):
            if force or getattr(item, "_shown_text", None) != text:
                body = "<br>".join(html.escape(line) for line in text.split("\n"))
                item.setHtml(f'<div style="text-align:center; color:{self._text_colour}">{body}</div>')
                item.setTextWidth(max(width, self._caption_size[0]))
                item._shown_text = text

    def _draw_frames(self) -> None:
        path = QPainterPath()
        for i in range(self.count):
            path.addRect(self.tile_rect(i))
        self.frames.setPath(path)

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.tile_at_view(self.view.mapSceneToView(event.scenePos()))
        if index is not None:
            self.tile_clicked.emit(index)

    def _hovered(self, scene_pos: QPointF) -> None:
        if not self._tooltips:
            return
        index = self.tile_at_view(self.view.mapSceneToView(scene_pos))
        text = self._tooltips[index] if index is not None and index < len(self._tooltips) else ""
        if text != self.toolTip():
            self.setToolTip(text)

"""The drawing canvas: dark ink on light paper, drawn with a mouse, a tablet pen or a finger.

The drawing lives in two forms kept in step: a list of strokes (points with pen widths) that the
widget paints as vectors at whatever size it is shown, and a fixed-size grayscale raster
(`CANVAS_PIXELS` square, 10× MNIST) that `image()` returns and predictions are made from.
Strokes are smoothed with quadratic segments through the midpoints of the sampled points and
drawn with round caps; each new sample paints one segment into the raster, so drawing costs the
same at the end of a long stroke as at its start.

Every stroke, clear and loaded image is a command on a QUndoStack (Ctrl+Z / Ctrl+Shift+Z while
the canvas has focus). `image_changed` is throttled to about 60 Hz while a stroke is drawn and
always sent once more when it ends, so listeners see the final drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.i18n import tr
from playground.ui.widgets.palette import CANVAS_INK, FRAME_COLOUR

__all__ = ["DrawingCanvas", "CANVAS_PIXELS", "DEFAULT_BRUSH", "MIN_BRUSH", "MAX_BRUSH"]

CANVAS_PIXELS = 280  # the raster's side: 10× MNIST, so a pen of 20 px is MNIST's ~2 px stroke
PAPER = 255
INK = 0
DEFAULT_BRUSH = 20  # in raster pixels; MNIST strokes are ~1/9 of the digit's height
MIN_BRUSH = 2
MAX_BRUSH = 60
CHANGE_INTERVAL_MS = 16  # image_changed at most ~60 times a second while drawing
MIN_STEP = 0.75  # raster pixels: closer samples add nothing but work
UNDO_LIMIT = 200
# On screen: near-black ink on white paper, in a thin frame; the hint is drawn only on screen.
SCREEN_INK = QColor(CANVAS_INK)
FRAME = QColor(FRAME_COLOUR)
HINT = QColor(FRAME_COLOUR)  # "draw here", faint on purpose: it sits where the digit goes


@dataclass
class Stroke:
    """One pen-down … pen-up: raster coordinates and the pen width at each sample."""

    points: list[tuple[float, float]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)


# --------------------------------------------------------------------------- stroke geometry

def _mid(a: tuple[float, float], b: tuple[float, float]) -> QPointF:
    return QPointF((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _segment(stroke: Stroke, i: int, final: bool = False) -> tuple[QPainterPath, float] | None:
    """The piece of the smoothed stroke that sample `i` completes (with `final`, the last piece,
    from the last midpoint to the last sample) and its pen width."""
    pts, widths = stroke.points, stroke.widths
    path = QPainterPath()
    if final:
        if len(pts) < 2:
            return None
        path.moveTo(_mid(pts[-2], pts[-1]))
        path.lineTo(QPointF(*pts[-1]))
        return path, widths[-1]
    if i == 1:
        path.moveTo(QPointF(*pts[0]))
        path.lineTo(_mid(pts[0], pts[1]))
        return path, (widths[0] + widths[1]) / 2
    if i >= 2:
        path.moveTo(_mid(pts[i - 2], pts[i - 1]))
        path.quadTo(QPointF(*pts[i - 1]), _mid(pts[i - 1], pts[i]))
        return path, (widths[i - 2] + 2 * widths[i - 1] + widths[i]) / 4
    return None


def _pen(colour: QColor, width: float) -> QPen:
    return QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


def _paint_dot(painter: QPainter, stroke: Stroke, colour: QColor) -> None:
    x, y = stroke.points[0]
    r = stroke.widths[0] / 2
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(x, y), r, r)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_stroke(painter: QPainter, stroke: Stroke, colour: QColor) -> None:
    """The whole smoothed stroke, painted exactly as it was while drawn (the dot where the pen
    came down, then one piece per sample), so a re-rendered raster equals the drawn one."""
    if not stroke.points:
        return
    _paint_dot(painter, stroke, colour)
    if len(stroke.points) == 1:
        return
    for i in range(1, len(stroke.points)):
        piece = _segment(stroke, i)
        if piece:
            painter.setPen(_pen(colour, piece[1]))
            painter.drawPath(piece[0])
    piece = _segment(stroke, 0, final=True)
    if piece:
        painter.setPen(_pen(colour, piece[1]))
        painter.drawPath(piece[0])


# --------------------------------------------------------------------------- undo commands

# The commands' texts ("stroke", "clear", "loaded image") are keys, not shown as they are: the draw
# panel turns `undo_stack.undoText()` into a translated tool tip.
class _AddStroke(QUndoCommand):
    def __init__(self, canvas: DrawingCanvas, stroke: Stroke):
        super().__init__("stroke")
        self._canvas, self._stroke = canvas, stroke
        self._first = True  # the stroke is already on the raster when it is pushed

    def redo(self) -> None:
        self._canvas._strokes.append(self._stroke)
        if self._first:
            self._first = False
        else:
            self._canvas._rerender()

    def undo(self) -> None:
        self._canvas._strokes.pop()
        self._canvas._rerender()


class _Replace(QUndoCommand):
    """Clear, or show a loaded image: the whole drawing is replaced (and comes back on undo)."""

    def __init__(self, canvas: DrawingCanvas, background: QImage | None, text: str):
        super().__init__(text)
        self._canvas = canvas
        self._new: tuple[QImage | None, list[Stroke]] = (background, [])
        self._old = (canvas._background, list(canvas._strokes))

    def redo(self) -> None:
        self._canvas._background, strokes = self._new
        self._canvas._strokes = list(strokes)
        self._canvas._rerender()

    def undo(self) -> None:
        self._canvas._background, strokes = self._old
        self._canvas._strokes = list(strokes)
        self._canvas._rerender()


# --------------------------------------------------------------------------- the widget

class DrawingCanvas(QWidget):
    """Draw a digit. Mouse (left button), tablet pen (pressure sets the width) or one finger.

    Keys while focused: Esc clears, Ctrl+Z undoes, Ctrl+Shift+Z / Ctrl+Y redoes.
    """

    # The raster changed (a stroke segment, an undo, a clear, a loaded image); ≤ ~60 Hz while drawing.
    image_changed = Signal()
    # A pen-up: one stroke is complete (and on the undo stack).
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None, pixels: int = CANVAS_PIXELS):
        super().__init__(parent)
        self._pixels = int(pixels)
        self._raster = QImage(self._pixels, self._pixels, QImage.Format.Format_Grayscale8)
        self._raster.fill(QColor(PAPER, PAPER, PAPER))
        self._background: QImage | None = None  # a loaded image, already fitted to the raster
        self._strokes: list[Stroke] = []
        self._current: Stroke | None = None
        self._brush = DEFAULT_BRUSH
        self._hover: QPointF | None = None  # where the brush outline is shown (raster coords)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        # A bound method, not a lambda: Qt drops the connection when the canvas goes, before the
        # stack (its child) is cleared in its destructor, which emits indexChanged once more.
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self._throttle = QTimer(self)
        self._throttle.setSingleShot(True)
        self._throttle.setInterval(CHANGE_INTERVAL_MS)
        self._throttle.timeout.connect(self._throttle_fired)
        self._change_pending = False

        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)  # for the brush outline under the pointer
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(160, 160)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(tr("Drawing canvas"))
        self.setToolTip(tr("Draw one digit with the mouse, a pen or a finger.\n"
                           "Esc clears, Ctrl+Z undoes the last stroke."))

    def retranslate(self) -> None:
        """The hint on the empty canvas is painted in the current language: paint it again."""
        self.update()

    # ----- public API ----------------------------------------------------------------------------
    def image(self) -> np.ndarray:
        """The drawing as grayscale uint8, H×W (`pixels` square): dark ink (0) on white paper (255)."""
        h, w, stride = self._raster.height(), self._raster.width(), self._raster.bytesPerLine()
        data = np.frombuffer(self._raster.constBits(), dtype=np.uint8, count=stride * h)
        return data.reshape(h, stride)[:, :w].copy()

    def set_image(self, image: np.ndarray) -> None:
        """Show `image` (2-D gray, any size, dtype and polarity — e.g. a loaded file or an MNIST
        digit) fitted into the canvas, as dark ink on light paper. Undoable; strokes drawn
        before are replaced, and new strokes go on top."""
        self._finish_stroke(emit=False)
        self.undo_stack.push(_Replace(self, _fit_to_canvas(image, self._pixels), "loaded image"))

    def clear(self) -> None:
        """Empty the canvas (undoable). Does nothing when it is already empty."""
        self._finish_stroke(emit=False)
        if not self.is_empty():
            self.undo_stack.push(_Replace(self, None, "clear"))

    def undo(self) -> None:
        self._finish_stroke()
        self.undo_stack.undo()

    def redo(self) -> None:
        self._finish_stroke()
        self.undo_stack.redo()

    def is_empty(self) -> bool:
        return not self._strokes and self._background is None and self._current is None

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    @property
    def drawing(self) -> bool:
        """True while the pen is down."""
        return self._current is not None

    def brush_size(self) -> int:
        return self._brush

    def set_brush_size(self, size: int) -> None:
        """Pen width in raster pixels (clamped to MIN_BRUSH..MAX_BRUSH); used by the next stroke."""
        self._brush = int(min(MAX_BRUSH, max(MIN_BRUSH, size)))
        self.update()

    def pixels(self) -> int:
        return self._pixels

    # ----- geometry ------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paper_rect(self) -> QRectF:
        """Where the raster is shown: the largest square, centred across and at the top (in line
        with the panels beside it), inside a 1 px frame."""
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2, 1.0, side, side)

    def to_raster(self, pos: QPointF) -> tuple[float, float]:
        rect = self.paper_rect()
        scale = self._pixels / rect.width()
        return (pos.x() - rect.x()) * scale, (pos.y() - rect.y()) * scale

    def _to_widget_rect(self, rect: QRectF) -> QRectF:
        paper = self.paper_rect()
        s = paper.width() / self._pixels
        return QRectF(paper.x() + rect.x() * s, paper.y() + rect.y() * s, rect.width() * s, rect.height() * s)

    # ----- input ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin_stroke(event.position(), self._brush)
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend_stroke(event.position(), self._brush)
        else:
            self._move_hover(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is not None:
            self._extend_stroke(event.position(), self._brush)
            self._finish_stroke()
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._move_hover(None)
        super().leaveEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepted, so Qt does not also send the synthesized mouse events.
        width = self._brush * float(np.clip(0.3 + event.pressure(), 0.3, 1.3))
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin_stroke(event.position(), width)
        elif kind == QEvent.Type.TabletMove:
            if self._current is not None:
                self._extend_stroke(event.position(), width)
            else:
                self._move_hover(event.position())
        elif kind == QEvent.Type.TabletRelease and self._current is not None:
            self._extend_stroke(event.position(), width)
            self._finish_stroke()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            self._touch(event)  # type: ignore[arg-type]
            return True
        if kind == QEvent.Type.ShortcutOverride and self._is_canvas_key(event):  # type: ignore[arg-type]
            # Window-wide shortcuts on the same keys (Esc stops training) yield while the canvas has focus.
            event.accept()
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger draws; a second finger is ignored (no gestures here)."""
        points = event.points()
        kind = event.type()
        if kind == QEvent.Type.TouchCancel:
            self._cancel_stroke()
        elif points:
            pos = points[0].position()
            if kind == QEvent.Type.TouchBegin:
                self._begin_stroke(pos, self._brush)
            elif self._current is not None:
                self._extend_stroke(pos, self._brush)
                if kind == QEvent.Type.TouchEnd:
                    self._finish_stroke()
        event.accept()

    @staticmethod
    def _is_canvas_key(event: QKeyEvent) -> bool:
        return (event.key() == Qt.Key.Key_Escape and not event.modifiers()) or event.matches(
            QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # ----- strokes -------------------------------------------------------------------------------
    def _begin_stroke(self, pos: QPointF, width: float) -> None:
        self._finish_stroke()  # a missed release (focus lost mid-stroke) ends the old stroke
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._hover = None
        x, y = self.to_raster(pos)
        self._current = Stroke([(x, y)], [width])
        painter = self._raster_painter()
        _paint_dot(painter, self._current, QColor(INK, INK, INK))
        painter.end()
        r = width / 2 + 2
        self.update(self._to_widget_rect(QRectF(x - r, y - r, 2 * r, 2 * r)).toAlignedRect())
        self._emit_change()

    def _extend_stroke(self, pos: QPointF, width: float) -> None:
        stroke = self._current
        if stroke is None:  # callers check; nothing to extend
            return
        x, y = self.to_raster(pos)
        px, py = stroke.points[-1]
        if (x - px) ** 2 + (y - py) ** 2 < MIN_STEP ** 2:
            return
        stroke.points.append((x, y))
        stroke.widths.append(width)
        self._paint_piece(_segment(stroke, len(stroke.points) - 1))

    def _finish_stroke(self, emit: bool = True) -> None:
        stroke = self._current
        if stroke is None:
            return
        self._paint_piece(_segment(stroke, 0, final=True), emit=False)
        self._current = None
        self.undo_stack.push(_AddStroke(self, stroke))  # indexChanged → image_changed, now
        if emit:
            self.stroke_finished.emit()

    def _cancel_stroke(self) -> None:
        if self._current is not None:
            self._current = None
            self._rerender()
            self._emit_change(now=True)

    def _paint_piece(self, piece: tuple[QPainterPath, float] | None, emit: bool = True) -> None:
        if piece is None:
            return
        path, width = piece
        painter = self._raster_painter()
        painter.setPen(_pen(QColor(INK, INK, INK), width))
        painter.drawPath(path)
        painter.end()
        r = width / 2 + 2
        self.update(self._to_widget_rect(path.boundingRect().adjusted(-r, -r, r, r)).toAlignedRect())
        if emit:
            self._emit_change()

    def _raster_painter(self) -> QPainter:
        painter = QPainter(self._raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        return painter

    def _rerender(self) -> None:
        """Paint the raster again from the background and the strokes (after undo, clear, load)."""
        self._raster.fill(QColor(PAPER, PAPER, PAPER))
        painter = self._raster_painter()
        if self._background is not None:
            painter.drawImage(0, 0, self._background)
        ink = QColor(INK, INK, INK)
        for stroke in self._strokes + ([self._current] if self._current else []):
            paint_stroke(painter, stroke, ink)
        painter.end()
        self.update()

    # ----- change notification ---------------------------------------------------------------------
    def _on_undo_index(self, _index: int) -> None:
        self._emit_change(now=True)

    def _emit_change(self, now: bool = False) -> None:
        """image_changed at most every CHANGE_INTERVAL_MS: the first change goes out at once, later
        ones within the interval are folded into one at its end. `now` flushes immediately."""
        if now:
            self._throttle.stop()
            self._change_pending = False
            self.image_changed.emit()
            return
        if self._throttle.isActive():
            self._change_pending = True
            return
        self.image_changed.emit()
        self._throttle.start()

    def _throttle_fired(self) -> None:
        if self._change_pending:
            self._change_pending = False
            self.image_changed.emit()
            self._throttle.start()

    # ----- painting --------------------------------------------------------------------------------
    def _move_hover(self, pos: QPointF | None) -> None:
        old = self._hover
        self._hover = None if pos is None else QPointF(*self.to_raster(pos))
        r = self._brush / 2 + 3
        for centre in (old, self._hover):
            if centre is not None:
                self.update(self._to_widget_rect(
                    QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)).toAlignedRect())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setClipRegion(event.region())
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        paper = self.paper_rect()
        painter.setPen(QPen(FRAME if not self.hasFocus() else self.palette().color(QPalette.ColorRole.Highlight), 1))
        painter.setBrush(QColor(PAPER, PAPER, PAPER))
        painter.drawRect(paper.adjusted(-0.5, -0.5, 0.5, 0.5))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setClipRect(paper, Qt.ClipOperation.IntersectClip)
        painter.translate(paper.topLeft())
        painter.scale(paper.width() / self._pixels, paper.height() / self._pixels)
        if self._background is not None:
            painter.drawImage(0, 0, self._background)
        # Strokes as vectors: sharp at any widget size and on high-DPI screens.
        for stroke in self._strokes + ([self._current] if self._current else []):
            paint_stroke(painter, stroke, SCREEN_INK)
        if self._hover is not None and self._current is None:
            painter.setPen(QPen(QColor(0, 0, 0, 90), 1.0 * self._pixels / paper.width()))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(self._hover, self._brush / 2, self._brush / 2)
        if self.is_empty():
            painter.resetTransform()
            painter.setPen(HINT)
            font = painter.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            painter.setFont(font)
            painter.drawText(paper, Qt.AlignmentFlag.AlignCenter, tr("Draw a digit here"))
        painter.end()

    def focusInEvent(self, event) -> None:
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:
        self._finish_stroke()
        self.update()
        super().focusOutEvent(event)


# --------------------------------------------------------------------------- loaded images

def _fit_to_canvas(image: np.ndarray, pixels: int) -> QImage:
    """`image` as dark ink on light paper, scaled (aspect kept) and centred in a pixels² raster.

    The margins take the image's own paper colour (the median of its border, as the
    preprocessing decides), so a grey photo does not grow a white frame that reads as a shape.
    """
    gray = _as_gray_uint8(image)
    border = np.concatenate((gray[0], gray[-1], gray[1:-1, 0], gray[1:-1, -1])).astype(np.float64)
    background = float(np.median(border))
    lo, hi = float(gray.min()), float(gray.max())
    if hi - background > background - lo:  # light ink on dark paper (MNIST): show it as ink on paper
        gray = 255 - gray
        background = 255.0 - background
    h, w = gray.shape
    source = QImage(np.ascontiguousarray(gray).data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    scale = pixels / max(h, w)
    new_w, new_h = max(1, round(w * scale)), max(1, round(h * scale))
    mode = Qt.TransformationMode.SmoothTransformation
    scaled = source.scaled(new_w, new_h, Qt.AspectRatioMode.IgnoreAspectRatio, mode)
    fitted = QImage(pixels, pixels, QImage.Format.Format_Grayscale8)
    paper = int(round(background))
    fitted.fill(QColor(paper, paper, paper))
    painter = QPainter(fitted)
    painter.drawImage((pixels - new_w) // 2, (pixels - new_h) // 2, scaled)
    painter.end()
    return fitted


def _as_gray_uint8(image: np.ndarray) -> np.ndarray:
    """2-D uint8 from gray or colour input in any numeric dtype (0..1 floats, 0..255, 16-bit, …)."""
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] in (1, 3, 4):
        array = array[..., 0] if array.shape[2] == 1 else array[..., :3].astype(np.float64) @ [0.299, 0.587, 0.114]
    if array.ndim != 2 or array.size == 0:
        raise ValueError(tr("expected a 2-D grayscale image, got shape {shape}").format(shape=np.shape(image)))
    array = np.asarray(array, dtype=np.float64)
    if not np.isfinite(array).all():
        raise ValueError(tr("the image contains NaN or infinite values"))
    lo, hi = float(array.min()), float(array.max())
    if lo >= 0 and hi <= 1.0:
        array = array * 255.0
    elif lo < 0 or hi > 255.0:
        array = (array - lo) * (255.0 / max(hi - lo, 1e-12))
    return np.clip(np.rint(array), 0, 255).astype(np.uint8)

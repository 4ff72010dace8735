"""The playground's network, drawn as TensorFlow Playground draws it: every unit a small picture.

Columns left to right: the input features, each hidden layer, the output. Each box shows what that
unit computes over the plane [-6, 6]² (orange negative, white 0, blue positive; for a 1-D function,
its curve over x), so one can watch the units combine simple shapes into the decision boundary.
The lines between them are the weights: blue positive, orange negative, thicker the larger |w|.
Hovering a box or a line tells its value; hovering a unit also shows its picture large in the output
view (`unit_hovered`). The − / + buttons above a hidden layer remove or add a neuron there.

The widget only draws `BoundaryFrame`s it is given; it never runs the network.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QMouseEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from playground.core.explain.boundary import MAX_UNITS, BoundaryFrame
from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import NEGATIVE_COLOUR, POSITIVE_COLOUR, UNIT_FILL, caption_font, rgb
from playground.ui.widgets.point_tooltips import PointTooltips
from playground.ui.workspaces.playground.boundary_view import diverging_rgb

FEATURE_LABELS = {"x1": "x₁", "x2": "x₂", "x1^2": "x₁²", "x2^2": "x₂²", "x1*x2": "x₁x₂",
                  "sin(x1)": "sin(x₁)", "sin(x2)": "sin(x₂)"}
POSITIVE = QColor(POSITIVE_COLOUR)
NEGATIVE = QColor(NEGATIVE_COLOUR)
_POSITIVE_RGB = np.array(rgb(POSITIVE_COLOUR), float)
_NEGATIVE_RGB = np.array(rgb(NEGATIVE_COLOUR), float)
EMPTY_FILL = QColor(236, 236, 236)
BOX_EDGE = QColor(120, 120, 120)
MARGIN = 10
LABEL_WIDTH = 54  # left of the inputs: the feature names
HEADER = 52  # above the columns: − / + buttons and "4 neurons"
MAX_BOX, MIN_BOX = 46.0, 16.0
MAX_LINE_WIDTH = 6.0
MAX_LINE_WIDTH_MANY = 3.5  # for networks with more than SMOOTH_LINES weights
CURVE_SAMPLES = 14  # points per weight line kept for hit-testing the hover
SMOOTH_LINES = 200  # up to this many weights, lines are antialiased (measured: 15 ms for 384 smooth, 5 ms rough)


@dataclass
class _Column:
    title: str  # "input", "fc1", …
    kind: str  # "input" | "hidden" | "output"
    units: int
    layer: int | None  # index into BoundaryFrame.layers (None for the inputs)
    x: float = 0.0
    boxes: list[QRectF] = field(default_factory=list)


@dataclass
class _Line:
    path: QPainterPath
    samples: np.ndarray  # CURVE_SAMPLES × 2 points along the path, for hit-testing
    pen: QPen
    key: tuple[int, int, int]  # (Linear layer index, row = target unit, column = source unit)


class PlaygroundNetwork(PointTooltips, QWidget):
    """The diagram. API: `set_architecture(...)`, `set_input_maps(maps)`, `set_frame(frame)`,
    `tooltip_at(pos)`, `unit_rect(layer, unit)`, `weight_position(layer, row, column)`,
    `thumbnail_count()`; signals `units_change_requested(hidden_layer, delta)` and `unit_hovered`."""

    units_change_requested = Signal(int, int)  # (hidden layer index, +1 / -1)
    unit_hovered = Signal(object)  # (frame layer index, unit) or None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 280)
        self._features: list[str] = []
        self._hidden: list[int] = []
        self._activation = "Tanh"
        self._output_activation = "Sigmoid"
        self._outputs = 1
        self._task = "binary"
        self._columns: list[_Column] = []
        self._lines: list[_Line] = []
        self._buttons: list[tuple[QToolButton, QToolButton]] = []
        self._frame: BoundaryFrame | None = None
        self._input_maps: list[np.ndarray] = []
        self._images: dict[tuple[int, int], QImage] = {}  # (column index, unit) → thumbnail
        self._curves: dict[tuple[int, int], np.ndarray] = {}  # 1-D problems: (column, unit) → values
        self._hovered: tuple[int, int] | None = None
        self._box = 32.0
        self._placeholder = N_("building the network…")  # English: translated where it is painted
        self.setToolTip("")

    def sizeHint(self) -> QSize:
        return QSize(520, 420)

    # ----- API ------------------------------------------------------------------------------------
    def set_architecture(self, features: list[str], hidden: list[int], activation: str, output_activation: str,
                         outputs: int, task: str) -> None:
        """The network to draw: input feature names, units per hidden layer, activations, outputs."""
        self._features, self._hidden = list(features), list(hidden)
        self._activation, self._output_activation = activation, output_activation
        self._outputs, self._task = outputs, task
        self._frame = None
        self._images, self._curves = {}, {}
        self._columns = [_Column("input", "input", len(features), None)]
        for i, n in enumerate(hidden):
            self._columns.append(_Column(f"fc{i + 1}", "hidden", n, i))
        self._columns.append(_Column(f"fc{len(hidden) + 1}", "output", outputs, len(hidden)))
        for pair in self._buttons:
            for button in pair:
                button.hide()  # gone at once, deleted when the event loop next runs
                button.deleteLater()
        self._buttons = []
        for i, n in enumerate(hidden):
            minus, plus = QToolButton(self), QToolButton(self)
            for button, delta, sign in ((minus, -1, "−"), (plus, 1, "+")):
                button.setText(sign)
                button.setAutoRaise(False)
                button.setFixedSize(22, 20)
                button.clicked.connect(lambda _=False, layer=i, d=delta: self.units_change_requested.emit(layer, d))
            minus.setEnabled(n > 1)
            plus.setEnabled(n < MAX_UNITS)
            minus.show()
            plus.show()
            self._buttons.append((minus, plus))
        self._set_button_tips()
        self._relayout()
        self._make_input_images()

    def _set_button_tips(self) -> None:
        for i, (minus, plus) in enumerate(self._buttons):
            minus.setToolTip(tr("One neuron fewer in hidden layer {layer}").format(layer=i + 1))
            plus.setToolTip(tr("One neuron more in hidden layer {layer} (at most {most})").format(layer=i + 1,
                                                                                                 most=MAX_UNITS))

    def retranslate(self) -> None:
        """The − / + tips again; the painted texts follow with the repaint."""
        self._set_button_tips()
        self.update()

    def set_input_maps(self, maps: list[np.ndarray]) -> None:
        """Each input feature's values over the grid (R × R, row = x2), or along x (R) for 1-D problems."""
        self._input_maps = [np.asarray(m, np.float32) for m in maps]
        self._make_input_images()
        self.update()

    def set_frame(self, frame: BoundaryFrame | None) -> None:
        """Unit pictures and weights of the network at one moment."""
        if frame is not None and [int(layer.shape[0]) for layer in frame.layers] != \
                [c.units for c in self._columns[1:]]:
            return  # a frame of a network that was just replaced
        self._frame = frame
        self._images = {k: v for k, v in self._images.items() if k[0] == 0}
        self._curves = {k: v for k, v in self._curves.items() if k[0] == 0}
        if frame is not None:
            for c, column in enumerate(self._columns[1:], start=1):
                assert column.layer is not None  # only the input column has none
                self._store_pictures(c, frame.layers[column.layer])
        self._make_pens()
        self.update()

    def set_placeholder(self, text: str) -> None:
        """What the diagram says while it has no frame (building, or why there is no network): an English
        text marked with N_ (it is translated where it is painted, so it follows the language)."""
        self._placeholder = text
        self.update()

    def thumbnail_count(self) -> int:
        """Hidden units drawn with a picture of their output."""
        return sum(1 for (c, _unit) in {**self._images, **self._curves}
                   if self._columns[c].kind == "hidden")

    def unit_rect(self, layer: int, unit: int) -> QRectF | None:
        """The box of unit `unit` of frame layer `layer` (0 = first hidden layer; the last is the output)."""
        for column in self._columns:
            if column.layer == layer and 0 <= unit < len(column.boxes):
                return QRectF(column.boxes[unit])
        return None

    def input_rect(self, feature: int) -> QRectF | None:
        boxes = self._columns[0].boxes if self._columns else []
        return QRectF(boxes[feature]) if 0 <= feature < len(boxes) else None

    def weight_position(self, layer: int, row: int, column: int) -> QPointF | None:
        """A point on the line of W^[layer+1][row, column] (None when there is no such weight)."""
        for line in self._lines:
            if line.key == (layer, row, column):
                return QPointF(line.path.pointAtPercent(0.3))
        return None

    def tooltip_at(self, pos: QPointF) -> str:
        """What is under `pos`: a unit (its value range and bias) or a weight (its value); "" for nothing."""
        hit = self._unit_at(pos)
        if hit is not None:
            return self._unit_text(*hit)
        best, best_distance = None, math.inf
        p = np.array([pos.x(), pos.y()])
        for line in self._lines:
            distance = _polyline_distance(p, line.samples)
            if distance < best_distance:
                best, best_distance = line, distance
        if best is None or best_distance > max(4.0, best.pen.widthF() / 2 + 1.5):
            return ""
        return self._weight_text(best.key)

    def columns(self) -> list[str]:
        return [c.title for c in self._columns]

    # ----- pictures -----------------------------------------------------------------------------------
    def _normalised(self, column: _Column, maps: np.ndarray) -> np.ndarray:
        """A column's unit outputs (units × …) scaled into [-1, 1] for colouring: Tanh as it is,
        Sigmoid's 0…1 stretched to -1…1, unbounded outputs (ReLU, linear, inputs) by each unit's max |v|."""
        activation = {"input": "Linear", "output": self._output_activation}.get(column.kind, self._activation)
        if activation == "Sigmoid":
            return (maps - 0.5) / 0.5
        if activation == "Tanh":
            return maps
        biggest = np.abs(maps.reshape(len(maps), -1)).max(1) if maps.size else np.ones(len(maps))
        biggest = np.where(biggest > 0, biggest, 1.0).reshape(-1, *([1] * (maps.ndim - 1)))
        return maps / biggest

    def _store_pictures(self, c: int, maps: np.ndarray) -> None:
        """Pictures of every unit of column `c` from its outputs (units × R × R, or units × R for 1-D)."""
        column = self._columns[c]
        if maps.ndim == 2:
            for unit, curve in enumerate(self._normalised(column, maps)):
                self._curves[(c, unit)] = curve
            return
        step = 2 if maps.shape[1] >= 80 else 1  # a 46-pixel box shows no more than 50 × 50 anyway
        small = maps[:, ::step, ::step]
        # Row 0 of an image is its top: x2 = +6.
        rgb = np.ascontiguousarray(diverging_rgb(self._normalised(column, small))[:, ::-1])
        _, h, w, _ = rgb.shape
        for unit in range(len(rgb)):
            self._images[(c, unit)] = QImage(rgb[unit].data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()

    def _make_input_images(self) -> None:
        self._images = {k: v for k, v in self._images.items() if k[0] != 0}
        self._curves = {k: v for k, v in self._curves.items() if k[0] != 0}
        if not self._columns or len(self._input_maps) != self._columns[0].units or not self._input_maps:
            return
        self._store_pictures(0, np.stack(self._input_maps))

    # ----- geometry -------------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    def _relayout(self) -> None:
        columns = self._columns
        if not columns:
            return
        left, right = MARGIN + LABEL_WIDTH, self.width() - MARGIN
        top, bottom = MARGIN + HEADER, self.height() - MARGIN - 16
        most = max(c.units for c in columns)
        spacing = (right - left) / max(len(columns) - 1, 1)
        box = min(MAX_BOX, (bottom - top) / (most * 1.3), spacing * 0.42)
        self._box = box = max(MIN_BOX, box)
        gap = box * 0.3
        for i, column in enumerate(columns):
            column.x = left + box / 2 + i * (right - left - box) / max(len(columns) - 1, 1)
            span = column.units * box + (column.units - 1) * gap
            y0 = top + max(0.0, ((bottom - top) - span) / 2) if column.kind == "output" else top
            column.boxes = [QRectF(column.x - box / 2, y0 + k * (box + gap), box, box) for k in range(column.units)]
        for (minus, plus), column in zip(self._buttons, columns[1:-1]):
            y = MARGIN
            minus.move(int(column.x - minus.width() - 1), y)
            plus.move(int(column.x + 1), y)
        self._make_geometry()
        self.update()

    def _make_geometry(self) -> None:
        """One curve per weight, from the source unit's right edge to the target's left (on layout only)."""
        self._lines = []
        for layer, (source, target) in enumerate(zip(self._columns, self._columns[1:])):
            for row, end_box in enumerate(target.boxes):
                for col, start_box in enumerate(source.boxes):
                    start = QPointF(start_box.right(), start_box.center().y())
                    end = QPointF(end_box.left(), end_box.center().y())
                    mid = (start.x() + end.x()) / 2
                    path = QPainterPath(start)
                    path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
                    self._lines.append(_Line(path, _bezier_samples(start, end), QPen(), (layer, row, col)))
        self._make_pens()

    def _make_pens(self) -> None:
        """Colour and width of every weight's line: blue positive, orange negative, thicker and stronger
        the larger |w|. Colours are opaque (mixed with white rather than transparent: blending a few
        hundred wide lines costs several milliseconds a frame), and the strongest are drawn last, on top."""
        frame = self._frame
        weights = frame.weights if frame is not None else ()
        biggest = max((float(np.abs(w).max()) for w in weights if w.size), default=0.0)
        widest = MAX_LINE_WIDTH if len(self._lines) <= SMOOTH_LINES else MAX_LINE_WIDTH_MANY
        white = np.array([255.0, 255.0, 255.0])
        for line in self._lines:
            value = self._weight_value(line.key)
            if value is None:
                pen = QPen(QColor(175, 175, 175), 1.0)
            else:
                strength = abs(value) / biggest if biggest > 0 else 0.0
                base = _POSITIVE_RGB if value >= 0 else _NEGATIVE_RGB
                r, g, b = (white + (base - white) * (0.3 + 0.7 * strength)).astype(int)
                pen = QPen(QColor(int(r), int(g), int(b)), 0.6 + (widest - 0.6) * strength)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            line.pen = pen
        self._lines.sort(key=lambda line: line.pen.widthF())

    def _weight_value(self, key: tuple[int, int, int]) -> float | None:
        layer, row, col = key
        frame = self._frame
        if frame is None or layer >= len(frame.weights):
            return None
        w = frame.weights[layer]
        return float(w[row, col]) if row < w.shape[0] and col < w.shape[1] else None

    def _weight_text(self, key: tuple[int, int, int]) -> str:
        layer, row, col = key
        source, target = self._columns[layer], self._columns[layer + 1]
        value = self._weight_value(key)
        if value is None:
            text = tr("Weight W^[{layer}][{row}, {column}] (no weights yet)\n"
                      "{name}.weight[{row}, {column}]: from {source} to {target}")
        else:
            text = tr("Weight W^[{layer}][{row}, {column}] = {value:+.4f}\n"
                      "{name}.weight[{row}, {column}]: from {source} to {target}")
        return text.format(layer=layer + 1, row=row, column=col, value=value, name=target.title,
                           source=self._unit_name(source, col), target=self._unit_name(target, row))

    def _unit_name(self, column: _Column, unit: int) -> str:
        if column.kind == "input":
            return tr("input {feature}").format(feature=FEATURE_LABELS.get(self._features[unit], self._features[unit]))
        return tr("{layer} unit {unit}").format(layer=column.title, unit=unit)

    def _unit_at(self, pos: QPointF) -> tuple[int, int] | None:
        for c, column in enumerate(self._columns):
            for unit, box in enumerate(column.boxes):
                if box.adjusted(-1, -1, 1, 1).contains(pos):
                    return c, unit
        return None

    def _unit_text(self, c: int, unit: int) -> str:
        column = self._columns[c]
        if column.kind == "input":
            name = self._features[unit]
            label = FEATURE_LABELS.get(name, name)
            lines = [tr("Input {label}: the feature {name} at every point of the plane").format(label=label, name=name)]
            if unit < len(self._input_maps):
                values = self._input_maps[unit]
                lines.append(tr("from {low:+.2f} to {high:+.2f}").format(low=values.min(), high=values.max()))
            return "\n".join(lines)
        assert column.layer is not None  # only the input column has none
        activation = self._output_activation if column.kind == "output" else self._activation
        layer = column.layer + 1
        if column.kind == "output":
            lines = [tr("Output: {name} unit {unit} of {units}").format(name=column.title, unit=unit,
                                                                       units=column.units)]
        else:
            lines = [tr("Hidden layer {layer}: {name} unit {unit} of {units}").format(
                layer=layer, name=column.title, unit=unit, units=column.units)]
        if activation == "Linear":
            lines.append(f"a = z, z = W^[{layer}][{unit}, :]·a_prev + b^[{layer}][{unit}]")
        else:
            lines.append(tr("a = {activation} of z, z = W^[{layer}][{unit}, :]·a_prev + b^[{layer}][{unit}]").format(
                activation=activation.lower(), layer=layer, unit=unit))
        frame = self._frame
        if frame is not None:
            bias = frame.biases[column.layer]
            if bias is not None:
                lines.append(tr("bias b^[{layer}][{unit}] = {value:+.4f}").format(layer=layer, unit=unit,
                                                                                  value=float(bias[unit])))
            values = frame.layers[column.layer][unit]
            if values.ndim == 1:
                lines.append(tr("output along x: {low:+.3f} … {high:+.3f}").format(low=values.min(),
                                                                                    high=values.max()))
            else:
                lines.append(tr("output over the plane: {low:+.3f} … {high:+.3f}").format(low=values.min(),
                                                                                           high=values.max()))
            lines.append(tr("(shown large beside the network while the pointer is here)"))
        return "\n".join(lines)

    # ----- painting --------------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        grey = self.palette().placeholderText().color()
        if not self._columns:
            return
        # Smooth lines cost about 3× as much to draw: a large network's few hundred go without.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, len(self._lines) <= SMOOTH_LINES)
        for line in self._lines:
            painter.setPen(line.pen)
            painter.drawPath(line.path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = caption_font(self.font())
        metrics = QFontMetrics(small)
        painter.setFont(small)
        for c, column in enumerate(self._columns):
            for unit, box in enumerate(column.boxes):
                self._paint_box(painter, c, unit, box)
            if column.kind == "input":
                painter.setPen(text_colour)
                for unit, box in enumerate(column.boxes):
                    name = FEATURE_LABELS.get(self._features[unit], self._features[unit])
                    painter.drawText(QRectF(MARGIN, box.top(), LABEL_WIDTH - 6, box.height()),
                                     Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            if column.kind == "input":
                heading = tr("Features")
            elif column.kind == "output":
                heading = tr("Output")
            else:
                heading = (tr("{n} neuron") if column.units == 1 else tr("{n} neurons")).format(n=column.units)
            painter.setPen(grey if column.kind != "hidden" else text_colour)
            width = max(60.0, self._box * 2.2, metrics.horizontalAdvance(heading) + 4.0)  # CJK is wider
            painter.drawText(QRectF(column.x - width / 2, MARGIN + 24, width, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextDontClip,
                             metrics.elidedText(heading, Qt.TextElideMode.ElideRight, int(width)))
        if self._frame is None:
            painter.setPen(grey)
            painter.drawText(QRectF(0, self.height() - MARGIN - 14, self.width(), 14), Qt.AlignmentFlag.AlignCenter,
                             tr(self._placeholder))

    def _paint_box(self, painter: QPainter, c: int, unit: int, box: QRectF) -> None:
        image = self._images.get((c, unit))
        curve = self._curves.get((c, unit))
        painter.setPen(Qt.PenStyle.NoPen)
        if image is not None:
            painter.drawImage(box, image)
        else:
            painter.setBrush(QColor(UNIT_FILL) if curve is not None else EMPTY_FILL)
            painter.drawRect(box)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if curve is not None and len(curve) > 1:
            inner = box.adjusted(2, 3, -2, -3)
            mid = inner.center().y()
            painter.setPen(QPen(QColor(200, 200, 200), 0.8))
            painter.drawLine(QPointF(inner.left(), mid), QPointF(inner.right(), mid))
            ys = np.clip(curve, -1.0, 1.0)
            xs = np.linspace(inner.left(), inner.right(), len(ys))
            path = QPainterPath(QPointF(xs[0], mid - ys[0] * inner.height() / 2))
            for x, y in zip(xs[1:], ys[1:]):
                path.lineTo(QPointF(float(x), float(mid - y * inner.height() / 2)))
            painter.setPen(QPen(QColor(40, 40, 40), 1.3))
            painter.drawPath(path)
        hovered = self._hovered == (c, unit)
        painter.setPen(QPen(QColor(20, 20, 20) if hovered else BOX_EDGE, 2.0 if hovered else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)

    # ----- hover ----------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._unit_at(event.position())
        if hit != self._hovered:
            self._hovered = hit
            layer = self._columns[hit[0]].layer if hit is not None else None
            self.unit_hovered.emit((layer, hit[1]) if hit is not None and layer is not None else None)
            self.update()
        self.follow_tooltip(event)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.unit_hovered.emit(None)
            self.update()
        super().leaveEvent(event)


def _bezier_samples(start: QPointF, end: QPointF) -> np.ndarray:
    """Points along the cubic from `start` to `end` with both control points at mid-x (as drawn)."""
    t = np.linspace(0.0, 1.0, CURVE_SAMPLES)[:, None]
    p0, p3 = np.array([start.x(), start.y()]), np.array([end.x(), end.y()])
    mid = (p0[0] + p3[0]) / 2
    p1, p2 = np.array([mid, p0[1]]), np.array([mid, p3[1]])
    return (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t ** 2 * p2 + t ** 3 * p3


def _polyline_distance(p: np.ndarray, points: np.ndarray) -> float:
    """Distance from `p` to the polyline through `points` (K × 2)."""
    a, b = points[:-1], points[1:]
    d = b - a
    length2 = np.maximum((d * d).sum(1), 1e-12)
    t = np.clip(((p - a) * d).sum(1) / length2, 0.0, 1.0)
    nearest = a + t[:, None] * d
    return float(np.sqrt(((nearest - p) ** 2).sum(1)).min())

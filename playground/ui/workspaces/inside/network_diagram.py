"""The network diagram: the layers side by side as columns, the way the course notes draw networks.

Dense layers are columns of units joined by their weights. In small networks every unit and every
weight is drawn; a large layer becomes a bar with a few sampled units and a "784 units" label.
Weights are coloured by sign (blue positive, orange negative: a colour-blind-safe pair) and drawn
thicker the larger they are; before training they are neutral grey. Convolution and pooling layers
are stacks of channel squares ("16×28×28"), the input is drawn as an image. Hovering a unit, a
weight or a column shows what it is and its value.

Element-wise layers (activations, dropout, batch norm) change no shape, so they do not get a column
of their own: they are written under the column they act on ("ReLU").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from playground.core.i18n import tr
from playground.core.model.shape_inference import LayerInfo, Shape, ShapeReport, format_shape, infer_shapes
from playground.core.model.spec import ModelSpec
from playground.ui.widgets.palette import (
    HOVER_COLOUR,
    NEGATIVE_COLOUR,
    NOTICE_EDGES,
    NOTICE_TINTS,
    POSITIVE_COLOUR,
    UNIT_FILL,
)
from playground.ui.widgets.point_tooltips import PointTooltips

POSITIVE = QColor(POSITIVE_COLOUR)  # Okabe–Ito blue
NEGATIVE = QColor(NEGATIVE_COLOUR)  # Okabe–Ito orange
NEUTRAL = QColor(150, 150, 150)
ERROR = QColor(NOTICE_EDGES["error"])
UNIT_EDGE = QColor(90, 90, 90)

# "Small" networks are drawn in full: every unit and every weight.
FULL_UNITS = 32
FULL_WEIGHTS = 2_000
# In larger networks, columns up to this many units are still drawn in full (e.g. 10 outputs).
FULL_UNITS_LARGE_NET = 12
SAMPLE_HEAD, SAMPLE_TAIL = 3, 2  # a sampled column shows units 0, 1, 2, …, n-2, n-1
ELEMENTWISE = {"ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Softmax", "Identity", "Dropout",
               "BatchNorm1d", "BatchNorm2d"}
MARGIN = 12
LABEL_HEIGHT = 50  # under the columns: name, shape, element-wise layers
LEGEND_HEIGHT = 18
MAX_DRAWN_MAPS = 5  # channel squares drawn per stack
MAX_MAP_SIDE = 90.0  # pixels, for the largest feature map


@dataclass
class _Column:
    kind: str  # "units" | "image" | "sequence" | "error"
    title: str
    subtitle: str
    shape: Shape | None
    info: LayerInfo | None = None  # None for the input
    tags: list[str] = field(default_factory=list)
    shown: list[int] = field(default_factory=list)  # unit indices drawn (all of them, or a sample)
    sampled: bool = False
    x: float = 0.0
    width: float = 0.0
    body: QRectF = field(default_factory=QRectF)
    unit_pos: list[QPointF] = field(default_factory=list)
    radius: float = 6.0

    @property
    def units(self) -> int:
        return self.shape[0] if self.kind == "units" and self.shape else 0

    @property
    def label(self) -> str:
        """The title as shown: the layer's module name, or "input" in the current language."""
        return tr("input") if self.info is None and self.title == "input" else self.title


@dataclass
class _Weight:
    line: QLineF
    pen: QPen
    text: str
    key: tuple[str, int, int]  # (layer name, row = output unit, column = input unit)


class NetworkDiagram(PointTooltips, QWidget):
    """Draws a spec as columns of units and channel stacks; `set_weights` colours the connections.

    API: `set_spec(spec, report=None)`, `set_weights(state_dict_like | None)`, `tooltip_at(pos)`,
    `weight_position(layer, row, column)`, `unit_position(column_title, unit)`.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 200)
        self._spec: ModelSpec | None = None
        self._report: ShapeReport | None = None
        self._state: dict[str, np.ndarray] | None = None
        self._columns: list[_Column] = []
        self._unchecked = 0
        self._error: str | None = None
        self._weights: list[_Weight] = []
        self._units: list[tuple[QPointF, float, str, tuple[str, int]]] = []
        self._bodies: list[tuple[QRectF, str]] = []
        self._notes: list[str] = []
        self._full = False
        self.setToolTip("")

    def sizeHint(self) -> QSize:
        return QSize(600, 400)

    # -- API -----------------------------------------------------------------------------------------
    def set_spec(self, spec: ModelSpec, report: ShapeReport | None = None) -> None:
        """Draw `spec` (its shape report is computed when not given). Invalid specs draw up to the error."""
        self._spec = spec.copy()
        self._report = report if report is not None else infer_shapes(self._spec)
        self._build_columns()
        self._relayout()

    def set_weights(self, state: dict[str, np.ndarray] | None) -> None:
        """State-dict-like arrays ("fc1.weight", "fc1.bias"); None: no weights yet, lines are grey.

        Arrays whose shapes do not match the current spec (a snapshot from before an edit) are ignored.
        """
        self._state = None if state is None else {k: np.asarray(v) for k, v in state.items()}
        self._relayout()

    def tooltip_at(self, pos: QPointF) -> str:
        """What the pointer is over: a unit, a weight or a column ("" when nothing)."""
        for centre, radius, text, _ in self._units:
            if QLineF(centre, pos).length() <= radius + 2:
                return text
        best, best_distance = "", math.inf
        for weight in self._weights:
            distance = _distance_to_segment(pos, weight.line)
            if distance < best_distance:
                best, best_distance = weight.text, distance
        if best_distance <= 4:
            return best
        for rect, text in self._bodies:
            if rect.contains(pos):
                return text
        return ""

    def weight_position(self, layer: str, row: int, column: int) -> QPointF | None:
        """A point on the line drawn for `layer`'s weight [row, column] (None when it is not drawn).

        A third of the way from the input unit rather than the middle: in the middle, the lines of
        mirrored pairs such as [0, 1] and [1, 0] cross.
        """
        for weight in self._weights:
            if weight.key == (layer, row, column):
                return weight.line.pointAt(0.35)
        return None

    def unit_position(self, column_title: str, unit: int) -> QPointF | None:
        """Where unit `unit` of the column titled `column_title` ("input", "fc1") is drawn, if it is."""
        for centre, _, _, key in self._units:
            if key == (column_title, unit):
                return QPointF(centre)
        return None

    def retranslate(self) -> None:
        """Build the captions and tooltips again in the current language (inference's messages too)."""
        if self._spec is not None:
            self._report = infer_shapes(self._spec)
            self._build_columns()
        self._relayout()

    def columns(self) -> list[str]:
        """Column titles left to right ("input", "flatten1", "fc1", ...), for tests and captions."""
        return [c.title for c in self._columns]

    # -- model → columns ------------------------------------------------------------------------------
    def _build_columns(self) -> None:
        report = self._report
        assert report is not None
        self._error, self._unchecked = None, 0
        if not report.spec.layers:
            self._columns = []  # painted as a hint to add layers
            return
        columns: list[_Column] = [self._shape_column("input", tuple(report.spec.input_shape), None)]
        dense_weights = 0
        for info in report.layers:
            if info.error:
                columns.append(_Column("error", info.name, info.layer.describe(), None, info))
                self._error = info.error
                self._unchecked = len(report.layers) - info.index - 1
                break
            if info.output_shape is None:
                break
            if info.layer.type in ELEMENTWISE:
                columns[-1].tags.append(info.layer.describe())
                continue
            columns.append(self._shape_column(info.name, info.output_shape, info))
            if info.layer.type in ("LSTM", "GRU") and info.input_shape:
                steps = info.input_shape[1] if len(info.input_shape) == 3 else info.input_shape[0]
                columns[-1].tags.append(tr("reads {steps} rows").format(steps=steps))
            if info.layer.type == "Linear" and info.input_shape:
                dense_weights += info.input_shape[0] * info.output_shape[0]
        unit_counts = [c.units for c in columns if c.kind == "units"]
        self._full = dense_weights <= FULL_WEIGHTS and all(n <= FULL_UNITS for n in unit_counts)
        limit = FULL_UNITS if self._full else FULL_UNITS_LARGE_NET
        for column in columns:
            if column.kind != "units":
                continue
            n = column.units
            column.sampled = n > limit
            column.shown = (list(range(SAMPLE_HEAD)) + list(range(n - SAMPLE_TAIL, n)) if column.sampled
                            else list(range(n)))
        self._columns = columns

    @staticmethod
    def _shape_column(title: str, shape: Shape, info: LayerInfo | None) -> _Column:
        kind = {1: "units", 2: "sequence", 3: "image"}.get(len(shape), "image")
        if kind == "units":
            if info is None:
                one, many = tr("1 input"), tr("{count:,} inputs")
            elif info.layer.type in ("LSTM", "GRU"):
                one, many = tr("1 hidden unit"), tr("{count:,} hidden units")
            else:
                one, many = tr("1 unit"), tr("{count:,} units")
            subtitle = many.format(count=shape[0]) if shape[0] != 1 else one
        else:
            subtitle = format_shape(shape)
        return _Column(kind, title, subtitle, shape, info)

    # -- geometry -----------------------------------------------------------------------------------
    def _relayout(self) -> None:
        self._weights, self._units, self._bodies, self._notes = [], [], [], []
        if not self._columns:
            self.update()
            return
        count = len(self._columns) + (1 if self._unchecked else 0)
        left, right = MARGIN, self.width() - MARGIN
        top, bottom = MARGIN + 14, self.height() - MARGIN - LABEL_HEIGHT - LEGEND_HEIGHT
        step = (right - left) / max(count, 1)
        body_height = max(40.0, bottom - top)
        max_side = self._max_map_side()
        for i, column in enumerate(self._columns):
            column.x = left + (i + 0.5) * step
            column.width = step
            self._place(column, top, body_height, step, max_side)
        for previous, column in zip(self._columns, self._columns[1:]):
            if column.kind == "units" and previous.kind == "units" and column.info is not None \
                    and column.info.layer.type == "Linear":
                self._connect_dense(previous, column)
        self.update()

    def _max_map_side(self) -> int:
        sides = [c.shape[1] for c in self._columns if c.kind == "image" and c.shape]
        return max(sides, default=1)

    def _place(self, column: _Column, top: float, height: float, step: float, max_side: int) -> None:
        x = column.x
        if column.kind == "units":
            slots = len(column.shown) + (1 if column.sampled else 0)
            spacing = min(height / max(slots, 1), 30.0 if column.sampled else 52.0)
            column.radius = max(2.5, min(10.0, spacing * 0.36, step * 0.12))
            span = spacing * (slots - 1)
            y = top + (height - span) / 2
            column.unit_pos = []
            for k in range(len(column.shown)):
                slot = k + (1 if column.sampled and k >= SAMPLE_HEAD else 0)  # leave a gap for "⋮"
                column.unit_pos.append(QPointF(x, y + slot * spacing))
            pad = column.radius + 5
            column.body = QRectF(x - pad, y - pad, 2 * pad, span + 2 * pad)
            self._add_unit_hits(column)
        elif column.kind == "image" and column.shape:
            channels, h, w = column.shape
            side = max(14.0, min(step * 0.62, height * 0.5, MAX_MAP_SIDE) * math.sqrt(h / max_side))
            side_w = side * w / max(h, 1)
            layers = min(channels, MAX_DRAWN_MAPS)
            offset = _map_offset(step)
            total_w, total_h = side_w + offset * (layers - 1), side + offset * (layers - 1)
            column.body = QRectF(x - total_w / 2, top + (height - total_h) / 2, total_w, total_h)
            self._bodies.append((column.body, self._column_text(column)))
        elif column.kind == "sequence" and column.shape:
            body_w, body_h = min(step * 0.5, 44.0), min(height * 0.6, 120.0)
            column.body = QRectF(x - body_w / 2, top + (height - body_h) / 2, body_w, body_h)
            self._bodies.append((column.body, self._column_text(column)))
        else:  # error
            body_w, body_h = min(step * 0.6, 54.0), min(height * 0.5, 90.0)
            column.body = QRectF(x - body_w / 2, top + (height - body_h) / 2, body_w, body_h)
            self._bodies.append((column.body, self._column_text(column)))

    def _add_unit_hits(self, column: _Column) -> None:
        bias = self._array(column, "bias", (column.units,))
        for unit, centre in zip(column.shown, column.unit_pos):
            if column.info is None:
                text = tr("input {unit} of {count}: x_{unit} (a^[0]_{unit})").format(unit=unit, count=column.units)
            else:
                i = column.info.notation_index
                if bias is not None and i is not None:
                    text = tr("{layer} unit {unit} of {count}\nbias b^[{i}]_{unit} = {bias:+.4f}  "
                              "({layer}.bias[{unit}])").format(
                        layer=column.title, unit=unit, count=column.units, i=i, bias=bias[unit])
                elif column.info.layer.type == "Linear":
                    text = tr("{layer} unit {unit} of {count} (no weights yet)").format(
                        layer=column.title, unit=unit, count=column.units)
                else:
                    text = tr("{layer} unit {unit} of {count}").format(
                        layer=column.title, unit=unit, count=column.units)
            if column.tags:
                text += "\n" + tr("then {layers}").format(layers=", ".join(column.tags))
            self._units.append((centre, column.radius, text, (column.title, unit)))
        self._bodies.append((column.body, self._column_text(column)))

    def _column_text(self, column: _Column) -> str:
        if column.kind == "error":
            return f"{column.label}: {column.info.error if column.info else ''}"
        if column.sampled:
            first = tr("{column}: {size} (showing {shown})").format(
                column=column.label, size=column.subtitle, shown=len(column.shown))
        else:
            first = f"{column.label}: {column.subtitle}"
        lines = [first]
        info = column.info
        if info is None:
            if column.kind == "image":
                lines[0] = tr("input: {shape} — one image, a^[0]").format(shape=format_shape(column.shape))
        else:
            lines.append(info.layer.describe())
            for name, shape in info.weight_shapes.items():
                lines.append(f"{name}  {format_shape(shape)}")
            weight = self._array(column, "weight", info.weight_shapes.get(f"W^[{info.notation_index}]"))
            if weight is not None and weight.size:
                lines.append(tr("weights from {low:+.3f} to {high:+.3f}").format(low=weight.min(), high=weight.max()))
        if column.tags:
            lines.append(tr("then {layers}").format(layers=", ".join(column.tags)))
        return "\n".join(lines)

    def _array(self, column: _Column, what: str, shape: Shape | None) -> np.ndarray | None:
        """`column`'s "weight"/"bias" array from the state, if present and of the expected shape."""
        if self._state is None or column.info is None or shape is None:
            return None
        array = self._state.get(f"{column.title}.{what}")
        if array is None or tuple(array.shape) != tuple(shape):
            return None
        return array

    def _connect_dense(self, source: _Column, target: _Column) -> None:
        info = target.info
        assert info is not None
        i = info.notation_index
        weight = self._array(target, "weight", (target.units, source.units))
        scale = float(np.abs(weight).max()) if weight is not None and weight.size else 0.0
        many = len(source.shown) * len(target.shown) > 400
        for row, end in zip(target.shown, target.unit_pos):
            for col, start in zip(source.shown, source.unit_pos):
                line = QLineF(start, end)
                key = (target.title, row, col)
                where = tr("from {source} unit {column} to {target} unit {row}").format(
                    source=source.label, column=col, target=target.title, row=row)
                if weight is None:
                    pen = QPen(NEUTRAL, 0.6 if many else 1.0)
                    colour = QColor(NEUTRAL)
                    colour.setAlpha(110)
                    pen.setColor(colour)
                    text = tr("{layer} weight W^[{i}][{row}, {column}]: no value yet\n{where}").format(
                        layer=target.title, i=i, row=row, column=col, where=where)
                else:
                    value = float(weight[row, col])
                    strength = abs(value) / scale if scale > 0 else 0.0
                    colour = QColor(POSITIVE if value >= 0 else NEGATIVE)
                    colour.setAlpha(int(70 + 185 * strength))
                    pen = QPen(colour, 0.5 + 3.5 * strength)
                    text = tr("{layer} weight W^[{i}][{row}, {column}] = {value:+.4f}\n{where}"
                              "\n({layer}.weight[{row}, {column}])").format(
                        layer=target.title, i=i, row=row, column=col, value=value, where=where)
                self._weights.append(_Weight(line, pen, text, key))
        if target.sampled or source.sampled:
            self._notes.append("sampled")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._relayout()

    # -- painting -----------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        text_colour = self.palette().text().color()
        if not self._columns:
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             tr("No layers yet: add some in the layer stack."))
            return
        self._paint_flow(painter)
        for weight in sorted(self._weights, key=lambda w: w.pen.widthF()):  # strong weights on top
            painter.setPen(weight.pen)
            painter.drawLine(weight.line)
        for column in self._columns:
            self._paint_column(painter, column, text_colour)
        self._paint_labels(painter, text_colour)
        self._paint_legend(painter)

    def _paint_flow(self, painter: QPainter) -> None:
        """Grey funnels and arrows between columns that are not joined by drawn weights."""
        pen = QPen(QColor(160, 160, 160), 1.0)
        for previous, column in zip(self._columns, self._columns[1:]):
            if column.kind == "units" and previous.kind == "units" and column.info is not None \
                    and column.info.layer.type == "Linear":
                continue
            a, b = previous.body, column.body
            if column.kind == "units" and previous.kind in ("image", "sequence"):
                # Unrolling (Flatten) or reading row by row (LSTM): a funnel into the column.
                pen.setStyle(Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawLine(a.topRight(), b.topLeft())
                painter.drawLine(a.bottomRight(), b.bottomLeft())
            else:
                pen.setStyle(Qt.PenStyle.SolidLine)
                painter.setPen(pen)
                start = QPointF(a.right() + 4, a.center().y())
                end = QPointF(b.left() - 4, b.center().y())
                if end.x() - start.x() > 8:
                    painter.drawLine(start, end)
                    painter.drawLine(end, end + QPointF(-5, -3.5))
                    painter.drawLine(end, end + QPointF(-5, 3.5))

    def _paint_column(self, painter: QPainter, column: _Column, text_colour: QColor) -> None:
        if column.kind == "units":
            if column.sampled:
                painter.setPen(QPen(QColor(170, 170, 170), 1))
                painter.setBrush(QColor(235, 235, 235, 150))
                painter.drawRoundedRect(column.body, 6, 6)
                gap_top = column.unit_pos[SAMPLE_HEAD - 1]
                gap_bottom = column.unit_pos[SAMPLE_HEAD]
                mid = (gap_top + gap_bottom) / 2
                painter.setPen(QPen(QColor(110, 110, 110), 1))
                for dy in (-5, 0, 5):
                    painter.drawPoint(QPointF(mid.x(), mid.y() + dy))
                    painter.drawEllipse(QPointF(mid.x(), mid.y() + dy), 0.8, 0.8)
            bias = self._array(column, "bias", (column.units,))
            scale = float(np.abs(bias).max()) if bias is not None and bias.size else 0.0
            for unit, centre in zip(column.shown, column.unit_pos):
                fill = QColor(UNIT_FILL)
                if bias is not None and scale > 0:
                    value = float(bias[unit])
                    fill = QColor(POSITIVE if value >= 0 else NEGATIVE)
                    fill.setAlpha(int(40 + 160 * abs(value) / scale))
                painter.setPen(QPen(UNIT_EDGE, 1.2))
                painter.setBrush(QColor(UNIT_FILL))
                painter.drawEllipse(centre, column.radius, column.radius)
                painter.setBrush(fill)
                painter.drawEllipse(centre, column.radius, column.radius)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        elif column.kind == "image" and column.shape:
            self._paint_maps(painter, column)
        elif column.kind == "sequence":
            painter.setPen(QPen(UNIT_EDGE, 1))
            painter.setBrush(QColor(230, 240, 248))
            painter.drawRect(column.body)
            painter.setPen(QPen(QColor(190, 190, 190), 1))
            for k in range(1, 6):
                y = column.body.top() + k * column.body.height() / 6
                painter.drawLine(QPointF(column.body.left(), y), QPointF(column.body.right(), y))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:  # error
            pen = QPen(ERROR, 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(NOTICE_TINTS["error"]))
            painter.drawRoundedRect(column.body, 5, 5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            font = QFont(painter.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.6)
            painter.setFont(font)
            painter.setPen(ERROR)
            painter.drawText(column.body, Qt.AlignmentFlag.AlignCenter, "!")
            painter.setFont(self.font())
        if column.info is not None and column.info.layer.type in ("LSTM", "GRU"):
            self._paint_loop(painter, column)

    def _paint_maps(self, painter: QPainter, column: _Column) -> None:
        """A few channel squares, back to front; the front one gets a faint pixel grid."""
        channels, h, _ = column.shape  # type: ignore[misc]
        layers = min(channels, MAX_DRAWN_MAPS)
        step = _map_offset(column.width)
        body = column.body
        side_w = body.width() - (layers - 1) * step
        side_h = body.height() - (layers - 1) * step
        fill = QColor(245, 245, 245) if column.info is None else QColor(225, 240, 232)
        painter.setPen(QPen(UNIT_EDGE, 1))
        painter.setBrush(fill)
        for k in reversed(range(layers)):
            painter.drawRect(QRectF(body.left() + k * step, body.top() + (layers - 1 - k) * step, side_w, side_h))
        front = QRectF(body.left(), body.top() + (layers - 1) * step, side_w, side_h)
        painter.setPen(QPen(QColor(200, 200, 200), 0.6))
        cells = max(2, min(7, h // 4))
        for k in range(1, cells):
            x = front.left() + k * front.width() / cells
            y = front.top() + k * front.height() / cells
            painter.drawLine(QPointF(x, front.top()), QPointF(x, front.bottom()))
            painter.drawLine(QPointF(front.left(), y), QPointF(front.right(), y))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_loop(self, painter: QPainter, column: _Column) -> None:
        """A small arrow looping over the column: the hidden state goes round once per image row."""
        body = column.body
        rect = QRectF(body.center().x() - 10, body.top() - 16, 20, 18)
        painter.setPen(QPen(QColor(HOVER_COLOUR), 1.6))
        painter.drawArc(rect, 200 * 16, -220 * 16)
        tip = QPointF(rect.right() - 1, rect.center().y() + 3)
        painter.drawLine(tip, tip + QPointF(-4, -4))
        painter.drawLine(tip, tip + QPointF(3, -5))

    def _paint_labels(self, painter: QPainter, text_colour: QColor) -> None:
        base = self.font()
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(6.5, base.pointSizeF() * 0.85))
        y0 = self.height() - MARGIN - LEGEND_HEIGHT - LABEL_HEIGHT + 6
        grey = self.palette().placeholderText().color()
        for column in self._columns:
            width = max(30.0, column.width - 4)
            rows = [(bold, text_colour if column.kind != "error" else ERROR, column.label),
                    (small, text_colour if column.kind != "error" else ERROR, column.subtitle)]
            if column.tags:
                rows.append((small, grey, ", ".join(column.tags)))
            y = y0
            for font, colour, text in rows:
                metrics = QFontMetrics(font)
                painter.setFont(font)
                painter.setPen(colour)
                elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
                # Chinese glyphs come from a fallback font that can be taller than this font's lines.
                height = max(metrics.height(), metrics.boundingRect(elided).height())
                painter.drawText(QRectF(column.x - width / 2, y, width, height),
                                 Qt.AlignmentFlag.AlignHCenter, elided)
                y += height
        if self._unchecked:
            last = self._columns[-1]
            x = last.x + last.width
            painter.setFont(small)
            painter.setPen(grey)
            text = (tr("+{count} layers\nnot checked") if self._unchecked != 1
                    else tr("+{count} layer\nnot checked")).format(count=self._unchecked)
            painter.drawText(QRectF(x - last.width / 2, last.body.center().y() - 20, last.width, 40),
                             Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(base)

    def _paint_legend(self, painter: QPainter) -> None:
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        y = self.height() - MARGIN - LEGEND_HEIGHT / 2
        x = float(MARGIN)
        grey = self.palette().placeholderText().color()

        def swatch(colour: QColor, width: float) -> None:
            nonlocal x
            painter.setPen(QPen(colour, width))
            painter.drawLine(QPointF(x, y), QPointF(x + 16, y))
            x += 20

        def words(text: str, colour: QColor = grey) -> None:
            nonlocal x
            painter.setPen(colour)
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), text)
            x += metrics.horizontalAdvance(text) + 12

        if self._error:
            painter.setPen(ERROR)
            text = metrics.elidedText(tr("Stops at the first error: {error}").format(error=self._error),
                                      Qt.TextElideMode.ElideRight,
                                      int(self.width() - 2 * MARGIN))
            painter.drawText(QPointF(x, y + metrics.ascent() / 2 - 1), text)
            return
        if (self._weights and self._state is not None
                and any(w.pen.color().rgb() != NEUTRAL.rgb() for w in self._weights)):
            words(tr("weights:"))
            swatch(POSITIVE, 2.5)
            words(tr("positive"))
            swatch(NEGATIVE, 2.5)
            words(tr("negative weight"))
            words(tr("· thicker = larger |w|"))
        elif self._weights:
            swatch(NEUTRAL, 1.5)
            words(tr("no weights yet: train to see them"))
        if self._notes:
            words(tr("· large layers: a few units shown"))

    # -- hover --------------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.follow_tooltip(event)
        super().mouseMoveEvent(event)


def _map_offset(column_width: float) -> float:
    """How far each channel square sits behind the one in front of it."""
    return min(5.0, column_width * 0.04)


def _distance_to_segment(p: QPointF, line: QLineF) -> float:
    dx, dy = line.dx(), line.dy()
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return QLineF(p, line.p1()).length()
    t = max(0.0, min(1.0, ((p.x() - line.x1()) * dx + (p.y() - line.y1()) * dy) / length2))
    return QLineF(p, QPointF(line.x1() + t * dx, line.y1() + t * dy)).length()

"""One block of the layer stack: a layer's type, parameters, output shape, parameter count and W^[i], b^[i].

A block only shows a `LayerInfo` from shape inference and reports clicks; the editor owns the spec.
Also here: rendering the course notes' notation (W^[1] → W<sup>[1]</sup>) and the tooltips that explain it.
"""

from __future__ import annotations

import re
from typing import Protocol

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES
from playground.core.model.shape_inference import LayerInfo, Shape, format_shape
from playground.ui.widgets.palette import (
    ACCENT,
    ERROR_HOVER,
    HINT_FONT_SIZE,
    INPUT_COLOUR,
    NOTICE_EDGES,
    NOTICE_TEXT,
    NOTICE_TINTS,
    SELECTED_TINT,
)
from playground.ui.workspaces.train.layer_palette import MOVE_MIME, category_colour

OK, ERROR, UNCHECKED = "ok", "error", "unchecked"
ERROR_BACKGROUND, ERROR_BORDER = NOTICE_TINTS["error"], NOTICE_EDGES["error"]
SELECTED_BACKGROUND, SELECTED_BORDER = SELECTED_TINT, ACCENT

# "W^[1]", "W_ih^[1,2]", "b^[3]" → base, subscript, index
_NOTATION = re.compile(r"^(?P<base>[^_^]+)(?:_(?P<sub>[^^]+))?\^\[(?P<index>[^\]]+)\]$")


def html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notation_html(name: str, script_pt: float | None = None) -> str:
    """Rich text for a tensor name in the notes' notation: `W^[1]` → `W<sup>[1]</sup>`.

    `script_pt` sets the font size the super- and subscripts are shrunk from; Qt's default makes
    "[1]" hard to read at small sizes.
    """
    match = _NOTATION.match(name)
    if not match:
        return html_escape(name)
    style = f" style='font-size: {script_pt:.1f}pt'" if script_pt else ""
    sub = f"<sub{style}>{html_escape(match['sub'])}</sub>" if match["sub"] else ""
    return f"<i>{html_escape(match['base'])}</i>{sub}<sup{style}>[{html_escape(match['index'])}]</sup>"


def weights_html(info: LayerInfo, script_pt: float | None = None) -> str:
    """`W<sup>[1]</sup> 128×784 · b<sup>[1]</sup> 128` for a block's detail line."""
    return " · ".join(f"{notation_html(n, script_pt)}\u00a0{format_shape(s)}" for n, s in info.weight_shapes.items())


def weight_tooltip(name: str, shape: Shape, info: LayerInfo) -> str:
    """What one named tensor is, in the notes' words, with its numbers filled in."""
    i = info.notation_index or "i"
    t = info.layer.type
    pretty = notation_html(name)
    if t == "Linear" and name.startswith("W"):
        return tr("{name}: weights of layer {i}: n<sup>[{i}]</sup> rows × n<sup>[{prev}]</sup> columns — "
                  "here {rows} × {columns}, one row per output unit.<br>"
                  "z<sup>[{i}]</sup> = W<sup>[{i}]</sup> a<sup>[{prev}]</sup> + b<sup>[{i}]</sup>").format(
            name=pretty, i=i, prev=_prev(i), rows=shape[0], columns=shape[1])
    if t == "Linear":
        return tr("{name}: biases of layer {i}, one per output unit (n<sup>[{i}]</sup> = {count}).").format(
            name=pretty, i=i, count=shape[0])
    if t == "Conv2d" and name.startswith("W"):
        out_c, in_c, k, _ = shape
        if in_c == 1:
            text = tr("{name}: {kernels} kernels, each {channels} input channel × {k}×{k} "
                      "(out_channels × in_channels × height × width). Each kernel makes one feature map.")
        else:
            text = tr("{name}: {kernels} kernels, each {channels} input channels × {k}×{k} "
                      "(out_channels × in_channels × height × width). Each kernel makes one feature map.")
        return text.format(name=pretty, kernels=out_c, channels=in_c, k=k)
    if t == "Conv2d":
        return tr("{name}: one bias per kernel ({count}), added to every value of its feature map.").format(
            name=pretty, count=shape[0])
    if t in ("LSTM", "GRU"):
        gates = 4 if t == "LSTM" else 3
        part = {"W_ih": N_("input-to-hidden weights"), "W_hh": N_("hidden-to-hidden weights (the memory)"),
                "b_ih": N_("input biases"), "b_hh": N_("hidden biases")}.get(name.split("^")[0], N_("weights"))
        return tr("{name}: {part}, stacked for the {gates} gates of the {type} "
                  "({gates} × {size} = {rows} rows).").format(
            name=pretty, part=tr(part), gates=gates, type=t, size=shape[0] // gates, rows=shape[0])
    if name == "γ":
        return tr("{name}: learned, scales each normalised unit or channel ({shape}).").format(
            name=name, shape=format_shape(shape))
    if name == "β":
        return tr("{name}: learned, shifts each normalised unit or channel ({shape}).").format(
            name=name, shape=format_shape(shape))
    return f"{pretty}: {format_shape(shape)}"


def _prev(i: object) -> str:
    return str(i - 1) if isinstance(i, int) else "i-1"


class BlockOwner(Protocol):
    """What a block tells the stack it sits in, by layer index."""

    def block_clicked(self, index: int) -> None: ...
    def block_activated(self, index: int) -> None: ...  # double-click: edit its parameters
    def block_remove(self, index: int) -> None: ...
    def block_fix(self, index: int) -> None: ...


class LayerBlock(QFrame):
    """A layer in the stack. Click selects, double-click opens its parameters, drag reorders.

    Blocks call their owner directly rather than emitting signals: they are parts of the editor,
    whose own signals are the public interface.
    """

    def __init__(self, index: int, drag_token: str, owner: BlockOwner, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self._owner = owner
        self._drag_token = drag_token  # so a drag from another editor is not taken for a move here
        self.setObjectName("layerBlock")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.OpenHandCursor)

        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.shape = QLabel()
        self.shape.setToolTip(tr("Output shape of one image after this layer (the batch dimension is left out)."))
        self.shape.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.remove_button = QToolButton()
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove_button.setToolTip(tr("Remove this layer (Del)"))
        self.remove_button.clicked.connect(lambda: self._owner.block_remove(self.index))
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.title, 1)
        top.addWidget(self.shape, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)

        self.weights = QLabel()
        self.weights.setTextFormat(Qt.TextFormat.RichText)
        self.weights.setWordWrap(True)
        self.params = QLabel()
        self.params.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.params.setToolTip(tr("Learnable numbers in this layer: weights plus biases."))
        detail = QHBoxLayout()
        detail.setSpacing(6)
        detail.addWidget(self.weights, 1)
        detail.addWidget(self.params, 0, Qt.AlignmentFlag.AlignBottom)
        self.detail = QWidget()
        self.detail.setLayout(detail)
        detail.setContentsMargins(0, 0, 0, 0)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fix_button = QPushButton()
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.fix_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fix_button.clicked.connect(lambda: self._owner.block_fix(self.index))
        fix_row = QHBoxLayout()
        fix_row.setContentsMargins(0, 0, 0, 0)
        fix_row.addWidget(self.fix_button)
        fix_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 2, 5)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addLayout(fix_row)

        self.info: LayerInfo | None = None
        self.state = ""
        self.selected = False
        self.locked = False
        self._lock_reason = ""
        self._style_key: tuple = ()
        self._press: QPoint | None = None

    def show_info(self, info: LayerInfo, state: str, selected: bool, locked: bool, lock_reason: str = "") -> None:
        """Show one layer's inference result; `state` is OK, ERROR or UNCHECKED (after an error)."""
        self.info, self.state, self.selected, self.locked = info, state, selected, locked
        self._lock_reason = lock_reason
        layer = info.layer
        kind = LAYER_TYPES[layer.type]
        muted = "color: gray;" if state != UNCHECKED else ""
        self.title.setText(f"<b>{html_escape(layer.describe())}</b>&nbsp; "
                           f"<span style='{muted} font-size: {HINT_FONT_SIZE};'>{html_escape(info.name)}</span>")
        self.shape.setText(f"→ {format_shape(info.output_shape)}" if state == OK else "")
        self.shape.setVisible(state == OK)

        has_weights = state == OK and bool(info.weight_shapes)
        self.detail.setVisible(has_weights)
        if has_weights:
            # Qt shrinks <sup> to about two thirds; from 1.2× the font it ends near 0.8×, still legible.
            self.weights.setText(weights_html(info, self.weights.font().pointSizeF() * 1.2))
            self.weights.setToolTip("<br><br>".join(weight_tooltip(n, s, info) for n, s in info.weight_shapes.items()))
            self.params.setText(tr("{count:,} params").format(count=info.parameters))
        else:  # hidden: no stale text from the layer shown here before (or from another language)
            self.weights.clear()
            self.weights.setToolTip("")
            self.params.clear()

        if state == ERROR:
            self.message.setText(html_escape(info.error or ""))
            self.message.setTextFormat(Qt.TextFormat.PlainText)
        elif state == UNCHECKED:
            self.message.setText(tr("not checked — fix the error above first"))
        else:
            self.message.setText("")
        self.message.setVisible(state != OK)
        fix = info.fix if state == ERROR else None
        self.fix_button.setVisible(fix is not None)
        if fix is not None:
            self.fix_button.setText(fix.description)
            self.fix_button.setToolTip(tr("Apply this repair (undo with Ctrl+Z).") if not locked else lock_reason)
        else:
            self.fix_button.setText("")
            self.fix_button.setToolTip("")
        self.fix_button.setEnabled(not locked)
        self.remove_button.setEnabled(not locked)
        self.remove_button.setVisible(not locked)  # a greyed ✕ on every block would only add noise
        self.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.OpenHandCursor)
        tip = f"<b>{layer.type}</b> ({html_escape(info.name)}) — {html_escape(tr(kind.summary))}"
        if state == OK:
            tip += "<br>" + tr("in {input} → out {output}").format(
                input=format_shape(info.input_shape), output=format_shape(info.output_shape))
        tip += ("<br>" + tr("<i>Click to select, double-click or Enter to edit its parameters, drag to reorder. "
                            "Del removes, Ctrl+D duplicates, Alt+↑/↓ moves.</i>")
                if not locked else f"<br><i>{html_escape(lock_reason)}</i>")
        self.setToolTip(tip)
        self._restyle(layer.type)

    def _restyle(self, type_name: str) -> None:
        key = (self.state, self.selected, type_name)
        if key == self._style_key:  # style sheets are slow to re-polish; only on change
            return
        self._style_key = key
        stripe = category_colour(type_name)
        if self.state == ERROR:
            frame = (f"background: {ERROR_BACKGROUND}; border: {2 if self.selected else 1}px solid {ERROR_BORDER};"
                     f" border-left: 5px solid {ERROR_BORDER};")
            text = NOTICE_TEXT
        elif self.state == UNCHECKED:
            frame = "background: palette(window); border: 1px dashed palette(mid);"
            text = "palette(placeholder-text)"
        elif self.selected:
            frame = (f"background: {SELECTED_BACKGROUND}; border: 2px solid {SELECTED_BORDER};"
                     f" border-left: 5px solid {stripe};")
            text = NOTICE_TEXT
        else:
            frame = f"background: palette(base); border: 1px solid palette(mid); border-left: 5px solid {stripe};"
            text = "palette(text)"
        self.setStyleSheet(
            f"#layerBlock {{ {frame} border-radius: 4px; }}"
            f" #layerBlock QLabel {{ color: {text}; background: transparent; border: none; }}"
            f" #layerBlock QToolButton {{ color: {text}; }}"
            f" #fixButton {{ background: white; color: {NOTICE_TEXT}; border: 1px solid {ERROR_BORDER};"
            f" border-radius: 3px; padding: 2px 8px; font-weight: 600; }}"
            f" #fixButton:hover {{ background: {ERROR_HOVER}; }}"
        )

    # -- mouse: select, edit, drag to reorder ------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            self._owner.block_clicked(self.index)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._owner.block_activated(self.index)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (self._press is None or self.locked or not event.buttons() & Qt.MouseButton.LeftButton
                or (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance()):
            return
        hot_spot = self._press
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(move_mime(self._drag_token, self.index))
        drag.setPixmap(self.grab())
        drag.setHotSpot(hot_spot)
        drag.exec(Qt.DropAction.MoveAction)


def move_mime(token: str, index: int) -> QMimeData:
    """Mime data for moving block `index` within the stack identified by `token`."""
    mime = QMimeData()
    mime.setData(MOVE_MIME, f"{token}:{index}".encode("ascii"))
    return mime


class InputBlock(QFrame):
    """The fixed block on top: the shape of one input image, a^[0]."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inputBlock")
        self.setStyleSheet(
            "#inputBlock { background: palette(alternate-base); border: 1px solid palette(mid);"
            f" border-left: 5px solid {INPUT_COLOUR}; border-radius: 4px; }}"
            " #inputBlock QLabel { background: transparent; border: none; }"
        )
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._shape: Shape = ()

    def set_shape(self, shape: Shape) -> None:
        self._shape = shape
        self.retranslate()

    def retranslate(self) -> None:
        """The shape's texts in the current language."""
        shape = self._shape
        self.label.setText(tr("<b>input</b>&nbsp; {shape}&nbsp; "
                              "<span style='color: gray; font-size: 8pt;'>a<sup>[0]</sup></span>").format(
            shape=format_shape(shape)))
        if len(shape) == 3:
            c, h, w = shape
            what = (tr("{channels} channel × {height} × {width} pixels") if c == 1
                    else tr("{channels} channels × {height} × {width} pixels")).format(channels=c, height=h, width=w)
        else:
            what = tr("{shape} numbers").format(shape=format_shape(shape))
        self.setToolTip(tr("One input as the network receives it: {what}. The notes call it a<sup>[0]</sup> "
                           "(or x); n<sup>[0]</sup> is its size once flattened.").format(what=what))

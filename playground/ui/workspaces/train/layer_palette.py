"""The layer palette: every layer type of the catalogue as a chip, grouped by category.

Drag a chip into the layer stack (a QDrag carrying `PALETTE_MIME`) or double-click it to add
the layer. The palette only *asks* for a layer (its `on_request` callback); the editor decides where.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QDrag, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

from playground.core.i18n import N_, tr
from playground.core.model.layers import LAYER_TYPES
from playground.ui.widgets.palette import HINT_FONT_SIZE, LAYER_CATEGORY_COLOURS, UNKNOWN_CATEGORY_COLOUR

# Custom mime types: one for a new layer from the palette, one for moving a block within a stack.
PALETTE_MIME = "application/x-nn-playground-layer-type"
MOVE_MIME = "application/x-nn-playground-layer-move"
PREFERRED_WIDTH = 360  # a typical dock width

# category → (title, colour), in the palette's order. Colours from the Okabe–Ito palette (palette.py), so they
# stay apart for colour-blind users; red is kept for errors. Titles are marked with N_: show them as tr(title).
_TITLES = {
    "dense": N_("Dense"), "conv": N_("Convolution"), "pool": N_("Pooling"), "shape": N_("Shape"),
    "recurrent": N_("Recurrent"), "activation": N_("Activation"), "regularise": N_("Regularise"),
    "normalise": N_("Normalise"),
}
CATEGORIES: dict[str, tuple[str, str]] = {key: (title, LAYER_CATEGORY_COLOURS[key]) for key, title in _TITLES.items()}


def category_colour(type_name: str) -> str:
    """The colour of a layer type's category (grey for anything unknown)."""
    kind = LAYER_TYPES.get(type_name)
    return CATEGORIES.get(kind.category, ("", UNKNOWN_CATEGORY_COLOUR))[1] if kind else UNKNOWN_CATEGORY_COLOUR


def layer_type_mime(type_name: str) -> QMimeData:
    """Mime data that asks a layer stack to insert a new `type_name` layer where it is dropped."""
    mime = QMimeData()
    mime.setData(PALETTE_MIME, QByteArray(type_name.encode("utf-8")))
    mime.setText(type_name)  # dropping on a text field writes the type's name
    return mime


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps, like words in a paragraph (after Qt's flow-layout example).

    A widget whose `keepWithNext` property is true (a category title) never ends a line on its own.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 4, group_gap: int = 10):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._group_gap = group_gap
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    @staticmethod
    def _keeps_with_next(item: QLayoutItem) -> bool:
        widget = item.widget()
        return bool(widget is not None and widget.property("keepWithNext"))

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line_height = area.x(), area.y(), 0
        visible = [item for item in self._items if not ((widget := item.widget()) and widget.isHidden())]
        for i, item in enumerate(visible):
            hint = item.sizeHint()
            needed = hint.width()
            keep = self._keeps_with_next(item)
            if keep:
                # A title starts a group: leave a gap before it, and keep it with its first chip.
                if x > area.x():
                    x += self._group_gap
                if i + 1 < len(visible):
                    needed += self._spacing + visible[i + 1].sizeHint().width()
            if x + needed > area.right() + 1 and x > area.x():
                x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()


class PaletteChip(QToolButton):
    """One layer type: drag it into the stack, or double-click it to add it (calls `on_activate(type_name)`)."""

    def __init__(self, type_name: str, on_activate: Callable[[str], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.type_name = type_name
        self._on_activate = on_activate
        self.setText(type_name)
        self.setObjectName("paletteChip")
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard path is the stack and its actions
        self.setStyleSheet(
            "#paletteChip { border: 1px solid palette(mid);"
            f" border-left: 4px solid {category_colour(type_name)}; border-radius: 3px;"
            " padding: 1px 6px; background: palette(base); }"
            " #paletteChip:hover { background: palette(alternate-base); }"
            " #paletteChip:disabled { color: palette(placeholder-text); }"
        )
        self._press: QPoint | None = None
        self._locked_reason: str | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """The tooltip (what the layer does, its parameters) in the current language."""
        kind = LAYER_TYPES[self.type_name]
        params = ", ".join(p.name for p in kind.params)
        self._base_tip = (
            f"<b>{self.type_name}</b> — {_html(tr(kind.summary))}"
            + ("<br>" + tr("<span style='color:gray'>Parameters: {params}</span>").format(params=params)
               if params else "")
            + "<br>" + tr("<i>Drag into the stack, or double-click to add after the selected layer.</i>")
        )
        self.setToolTip(self._base_tip if self._locked_reason is None else _html(self._locked_reason))

    def set_locked(self, locked: bool, reason: str) -> None:
        self.setEnabled(not locked)
        self._locked_reason = reason if locked else None
        self.setToolTip(_html(reason) if locked else self._base_tip)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if (self._press is not None and event.buttons() & Qt.MouseButton.LeftButton
                and (event.position().toPoint() - self._press).manhattanLength() >= QApplication.startDragDistance()):
            self._press = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(layer_type_mime(self.type_name))
            drag.setPixmap(self.grab())
            drag.setHotSpot(QPoint(8, self.height() // 2))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.isEnabled() and self._on_activate:
            self._on_activate(self.type_name)


class LayerPalette(QWidget):
    """Every layer type as a chip, grouped under category titles; wraps to the available width.

    `on_request(type_name)` is called when a chip is double-clicked. A plain callback rather than a
    signal: the palette is a part of the editor, whose own signals are the public interface.
    """

    def __init__(self, on_request: Callable[[str], None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._on_request = on_request
        layout = self._flow = FlowLayout(self)
        self.chips: dict[str, PaletteChip] = {}
        by_category: dict[str, list[str]] = {}
        for name, kind in LAYER_TYPES.items():
            by_category.setdefault(kind.category, []).append(name)
        order = list(CATEGORIES) + [c for c in by_category if c not in CATEGORIES]
        probe = PaletteChip(next(iter(LAYER_TYPES)))
        chip_height = probe.sizeHint().height()
        probe.deleteLater()
        for category in order:
            names = by_category.get(category)
            if not names:
                continue
            title = QLabel(tr(CATEGORIES[category][0]) if category in CATEGORIES else category.title())
            title.setProperty("keepWithNext", True)
            title.setStyleSheet(f"color: palette(placeholder-text); font-size: {HINT_FONT_SIZE};")
            # As tall as a chip and centred, so a title sits on the line of its chips.
            title.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            title.setFixedHeight(chip_height)
            title.setToolTip(tr(_CATEGORY_TIPS.get(category, "")))
            layout.addWidget(title)
            for name in names:
                chip = PaletteChip(name, self._request)
                self.chips[name] = chip
                layout.addWidget(chip)
        # Not Fixed: a fixed height would be the height at the narrowest width and would force the
        # whole editor that tall; the layout asks heightForWidth at the real width instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _request(self, type_name: str) -> None:
        if self._on_request is not None:
            self._on_request(type_name)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._flow.heightForWidth(width)

    def sizeHint(self) -> QSize:
        return QSize(PREFERRED_WIDTH, self.heightForWidth(PREFERRED_WIDTH))

    def set_locked(self, locked: bool, reason: str = "") -> None:
        for chip in self.chips.values():
            chip.set_locked(locked, reason)


_CATEGORY_TIPS = {
    "dense": N_("Layers with a weight matrix W and bias b joining every input to every output."),
    "conv": N_("Layers that slide small kernels over an image and keep its layout."),
    "pool": N_("Shrink feature maps by summarising small windows; no weights."),
    "shape": N_("Change the shape of the data without computing anything."),
    "recurrent": N_("Read the image as a sequence of rows and carry a memory from row to row."),
    "activation": N_("The non-linearity g(z) applied to every value; without it stacked layers collapse into one."),
    "regularise": N_("Help the network generalise instead of memorising the training set."),
    "normalise": N_("Keep values in a steady range so training is faster and more stable."),
}


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

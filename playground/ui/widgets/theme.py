"""Light, dark or the system's colours: the application palette, and plots that follow it.

`apply_theme` sets the palette app-wide (Qt widgets follow by themselves). pyqtgraph plots paint
their own background and text, so `restyle_plots` walks a window's plots and recolours what the
panels drew in the light theme's colours (`palette.LIGHT_PLOTS`): backgrounds, axes, titles, labels and
legends (curve colours are Okabe–Ito and read on both). A plot widget that needs more (e.g. composited
images) can define `apply_plot_theme(colours)` and is handed the colours instead. The colours themselves,
light and dark, live in `palette.py`.

Nothing here is global except what belongs to the QApplication itself: the original style's name
is kept as a dynamic property of the application, so "follow the system" can always go back to it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from playground.ui.widgets.palette import (
    DARK_DISABLED_ROLES,
    DARK_DISABLED_TEXT,
    DARK_PLOTS,
    DARK_ROLES,
    LIGHT_PLOTS,
    OKABE_ITO,
    PlotColours,
)

THEMES = ("system", "light", "dark")
_ORIGINAL_STYLE = "nnPlaygroundOriginalStyle"  # QApplication property: the style before any theme
# Styles that draw with the platform's own colours and ignore the palette: Fusion is used instead.
_PALETTE_BLIND_STYLES = ("windowsvista", "macos")


_KNOWN_FOREGROUNDS = {QColor(c).name() for c in (LIGHT_PLOTS.foreground, DARK_PLOTS.foreground)}
_KNOWN_BACKGROUNDS = {QColor(c).name() for c in (LIGHT_PLOTS.background, DARK_PLOTS.background)}


def dark_palette() -> QPalette:
    """A dark palette with Okabe–Ito blue for selections and sky blue for links."""
    p = QPalette()
    for role, colour in DARK_ROLES.items():
        p.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(disabled, role, QColor(DARK_DISABLED_TEXT))
    for role, colour in DARK_DISABLED_ROLES.items():
        p.setColor(disabled, role, QColor(colour))
    return p


def light_palette() -> QPalette:
    """Fusion's light palette: light whatever the desktop's colours are."""
    style = QStyleFactory.create("Fusion")
    return style.standardPalette() if style is not None else QPalette()


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (default: the application's) has dark windows."""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def plot_colours(dark: bool | None = None) -> PlotColours:
    """The plot colours for a dark or light theme (None: for the application's palette now)."""
    return DARK_PLOTS if (is_dark() if dark is None else dark) else LIGHT_PLOTS


def plot_foreground() -> str:
    """The text colour for plot titles, labels and annotations in the current theme. Panels that set a
    colour while they run (a new title, labels made on demand) use this rather than a fixed colour."""
    return plot_colours().foreground


def theme_was_applied(app: QApplication) -> bool:
    """Whether `apply_theme` has changed this application's palette before."""
    return app.property(_ORIGINAL_STYLE) is not None


def apply_theme(app: QApplication, theme: str) -> bool:
    """Set the palette of `app` for `theme` ("system", "light" or "dark"); True when it is dark."""
    if theme not in THEMES:
        theme = "system"
    if app.property(_ORIGINAL_STYLE) is None:
        app.setProperty(_ORIGINAL_STYLE, app.style().name())
    original_style = str(app.property(_ORIGINAL_STYLE))
    hints = app.styleHints()
    if theme == "system":
        if hasattr(hints, "unsetColorScheme"):  # Qt 6.8+
            hints.unsetColorScheme()
        if app.style().name().lower() != original_style.lower():
            app.setStyle(original_style)
        app.setPalette(QPalette())  # an empty palette resolves to the platform's
    else:
        if hasattr(hints, "setColorScheme"):  # native dialogs and title bars follow where supported
            hints.setColorScheme(Qt.ColorScheme.Dark if theme == "dark" else Qt.ColorScheme.Light)
        if app.style().name().lower() in _PALETTE_BLIND_STYLES:
            app.setStyle("Fusion")
        app.setPalette(dark_palette() if theme == "dark" else light_palette())
    return is_dark(app.palette())


def restyle_plots(root: QWidget, colours: PlotColours) -> int:
    """Recolour every pyqtgraph view under `root` (and `root` itself) for `colours`; returns how many."""
    views = root.findChildren(pg.GraphicsView)
    if isinstance(root, pg.GraphicsView):
        views.insert(0, root)
    for view in views:
        hook = getattr(view, "apply_plot_theme", None)
        if callable(hook):
            hook(colours)
            continue
        restyle_view(view, colours)
    return len(views)


def restyle_view(view: pg.GraphicsView, colours: PlotColours) -> None:
    """Background, axes, titles, text and legends of one view (items with colours of their own stay)."""
    if _background_name(view) in _KNOWN_BACKGROUNDS:
        view.setBackground(colours.background)
    scene = view.scene()
    if scene is None:
        return
    fg = QColor(colours.foreground)
    for item in scene.items():
        if isinstance(item, pg.AxisItem):
            item.setPen(pg.mkPen(colours.axis))
            item.setTextPen(pg.mkPen(colours.foreground))
        elif isinstance(item, pg.LegendItem):
            item.setLabelTextColor(colours.foreground)
            item.setBrush(pg.mkBrush(*colours.legend_fill))
            item.setPen(pg.mkPen(colours.legend_edge))
        elif isinstance(item, pg.LabelItem):
            colour = item.opts.get("color")
            if colour is None or pg.mkColor(colour).name() in _KNOWN_FOREGROUNDS:
                item.setText(item.text, color=colours.foreground)
        elif isinstance(item, pg.TextItem):
            if item.color.name() in _KNOWN_FOREGROUNDS:
                item.setColor(fg)
        elif isinstance(item, pg.InfiniteLine):
            if item.pen.color().name() in _KNOWN_FOREGROUNDS:
                pen = pg.mkPen(item.pen)
                pen.setColor(fg)
                item.setPen(pen)
        elif isinstance(item, pg.PlotDataItem):
            _swap_black(item, colours)


WAS_BLACK = "nnWasBlack"  # a curve's property: drawn in the foreground colour instead of Okabe–Ito's black


def _swap_black(item: pg.PlotDataItem, colours: PlotColours) -> None:
    """Okabe–Ito's black curve becomes the foreground colour on a dark background (and back)."""
    pen = item.opts.get("pen")
    if pen is None:
        return
    pen = pg.mkPen(pen)
    name = pen.color().name()
    dark = colours is DARK_PLOTS
    if dark and name == OKABE_ITO["black"]:
        pen.setColor(QColor(colours.foreground))
        item.setPen(pen)
        item.setProperty(WAS_BLACK, True)  # remembered for the way back to light
    elif not dark and item.property(WAS_BLACK):
        pen.setColor(QColor(OKABE_ITO["black"]))
        item.setPen(pen)
        item.setProperty(WAS_BLACK, False)


def _background_name(view: pg.GraphicsView) -> str:
    brush = view.backgroundBrush()
    return brush.color().name() if brush.style() != Qt.BrushStyle.NoBrush else ""


__all__ = ["THEMES", "PlotColours", "LIGHT_PLOTS", "DARK_PLOTS", "dark_palette", "light_palette", "is_dark",
           "plot_colours", "plot_foreground", "theme_was_applied", "apply_theme", "restyle_plots", "restyle_view"]

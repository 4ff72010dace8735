"""Shared look of the inspection panels: colour maps and plot styling.

Colour maps are chosen to read the same with the common colour-vision deficiencies: viridis for
values that only grow (activations, counts), and a blue–white–orange diverging map centred at 0
for signed values (weights, filters), so "zero" is always white.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from playground.ui.widgets.palette import AXIS_COLOUR, BACKGROUND, DIVERGING_STOPS, FOREGROUND, OKABE_ITO

# Sequential: activations and feature maps (dark = low, yellow = high).
ACTIVATION_COLOURMAP = pg.colormap.get("viridis")
# Diverging, colour-blind safe: blue for negative, white at 0, orange for positive.
DIVERGING_COLOURMAP = pg.ColorMap([0.0, 0.25, 0.5, 0.75, 1.0], list(DIVERGING_STOPS))
# Grey for images of digits (the network's input as it sees it: light ink on dark).
GREY_COLOURMAP = pg.ColorMap([0.0, 1.0], ["#000000", "#FFFFFF"])
# One colour per layer in curves; Okabe–Ito order, yellow last (it is faint on white).
LAYER_COLOURS = [OKABE_ITO[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue",
                                        "black", "yellow")]


def style_plot(plot: pg.PlotItem, title: str = "", x_label: str = "", y_label: str = "",
               left_width: int | None = 52) -> pg.PlotItem:
    """Titles, axis labels and pens like the live training plots (no grids: they make repaints slow)."""
    if title:
        plot.setTitle(title, color=FOREGROUND, size="10pt")
    for side, label in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(side)
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.setTextPen(pg.mkPen(FOREGROUND))
        if label:
            axis.setLabel(label, color=FOREGROUND)
        axis.enableAutoSIPrefix(False)
    if left_width:
        plot.getAxis("left").setWidth(left_width)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    return plot


class LogValueAxis(pg.AxisItem):
    """A log axis that labels only 1, 2 and 5 × 10ⁿ, written as plain numbers (0.02, 0.5, 10):
    pyqtgraph labels every minor tick when the range spans less than a few decades, and they overlap."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float | None) -> list[str]:  # pyqtgraph's name
        # Decades come with the major ticks (spacing ≥ 1), unless the view spans less than a decade
        # and there are none; the minor level (spacing None) would otherwise draw them a second time.
        if spacing is not None and spacing >= 1:
            wanted: tuple[float, ...] = (1.0,)
        else:
            wanted = (1.0, 2.0, 5.0) if abs(self.range[1] - self.range[0]) < 1 else (2.0, 5.0)
        out: list[str] = []
        for v in values:
            x = 10 ** float(v) * scale
            mantissa = round(x / 10 ** np.floor(np.log10(x)), 6) if x > 0 else 0
            out.append(f"{x:g}" if mantissa in wanted else "")
        return out


def plot_widget(title: str = "", x_label: str = "", y_label: str = "", left_width: int | None = 52,
                log_y: bool = False) -> pg.PlotWidget:
    """A white PlotWidget styled like the rest of the app, with the mouse fixed (these are readouts)."""
    axes = {"left": LogValueAxis("left")} if log_y else None
    widget = pg.PlotWidget(background=BACKGROUND, axisItems=axes)
    if log_y:
        widget.setLogMode(y=True)
    style_plot(widget.getPlotItem(), title, x_label, y_label, left_width)
    widget.getPlotItem().getViewBox().setMouseEnabled(False, False)
    return widget


def lookup_table(colourmap: pg.ColorMap) -> np.ndarray:
    """256 RGBA rows of `colourmap` as uint8, for indexing with values scaled to 0..255."""
    return np.ascontiguousarray(colourmap.getLookupTable(0.0, 1.0, 256, alpha=True), dtype=np.uint8)


def rgb_to_hex(rgba: np.ndarray) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(int(c) for c in rgba[:3]))


def readable_text_colour(rgba: np.ndarray) -> str:
    """Black or white, whichever reads better on a cell of colour `rgba`."""
    r, g, b = (float(c) / 255 for c in rgba[:3])
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 0.55 else "#FFFFFF"


def symmetric_levels(values: np.ndarray) -> tuple[float, float]:
    """(−m, m) with m the largest finite |value|: keeps 0 at the diverging map's white centre."""
    finite = values[np.isfinite(values)]
    m = float(np.abs(finite).max()) if finite.size else 1.0
    return (-m, m) if m > 0 else (-1.0, 1.0)


__all__ = [
    "ACTIVATION_COLOURMAP", "DIVERGING_COLOURMAP", "GREY_COLOURMAP", "LAYER_COLOURS", "LogValueAxis", "style_plot",
    "plot_widget", "lookup_table", "rgb_to_hex", "readable_text_colour", "symmetric_levels",
]

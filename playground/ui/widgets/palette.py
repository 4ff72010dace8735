"""The app's colours and font choices, in one place, named for what they are for.

Colours that carry meaning (curves, signs, classes, message levels) come from Okabe & Ito's palette,
which stays distinguishable with the common colour-vision deficiencies; backgrounds are light tints of
those colours, with near-black text on them. Text greys meet WCAG AA (4.5:1) on white: MUTED_TEXT
(#666666) is 5.7:1.

The plot colours below (BACKGROUND, FOREGROUND, AXIS_COLOUR, LEGEND_*) are the light theme's: panels
draw with them, and `theme.restyle_plots` recognises them and maps them to DARK_PLOTS in a dark theme.
Colour maps that need pyqtgraph are built in `plot_style` from the stops here; this module stays free
of pyqtgraph (Qt's QtGui only, for colours, the dark palette's roles and fonts).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette

# ----- Okabe–Ito and what its colours mean here ---------------------------------------------------------------
OKABE_ITO = {
    "orange": "#E69F00", "sky_blue": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7", "black": "#000000",
}
TRAIN_COLOUR = OKABE_ITO["blue"]
TEST_COLOUR = OKABE_ITO["vermillion"]
VALIDATION_COLOUR = OKABE_ITO["green"]
LEARNING_RATE_COLOUR = OKABE_ITO["purple"]
POSITIVE_COLOUR = OKABE_ITO["blue"]  # positive weights and values, class 1
NEGATIVE_COLOUR = OKABE_ITO["orange"]  # negative weights and values, class 0
CLASS_COLOURS = (NEGATIVE_COLOUR, POSITIVE_COLOUR, OKABE_ITO["green"], OKABE_ITO["vermillion"],
                 OKABE_ITO["purple"])  # 2-D toy data sets' classes
HOVER_COLOUR = OKABE_ITO["purple"]  # a hovered unit's curve, the recurrent loop arrow
ACCENT = OKABE_ITO["blue"]  # selection outlines, drop markers, the tour's outline
LAYER_CATEGORY_COLOURS = {  # the stripe on each layer block, by layer_palette's categories
    "dense": OKABE_ITO["blue"], "conv": OKABE_ITO["green"], "pool": OKABE_ITO["sky_blue"], "shape": "#7F7F7F",
    "recurrent": OKABE_ITO["purple"], "activation": OKABE_ITO["orange"], "regularise": "#999999",
    "normalise": "#B8A200",
}
UNKNOWN_CATEGORY_COLOUR = "#999999"
INPUT_COLOUR = OKABE_ITO["black"]  # the input block's stripe

# ----- plots (light theme; see DARK_PLOTS) --------------------------------------------------------------------
BACKGROUND = "#FFFFFF"
FOREGROUND = "#333333"  # titles, tick labels, axis labels, legend text
AXIS_COLOUR = "#888888"  # axis lines and ticks
LEGEND_FILL = (255, 255, 255, 215)
BORDER = "#CCCCCC"  # legend frames, unselected cards
LEGEND_EDGE = BORDER
ZERO_LINE = "#999999"  # the y = 0 line under bars
THRESHOLD_LINE = "#444444"  # a dashed decision threshold (0.5)
FRAME_COLOUR = "#9A9A9A"  # frames around images, colour bars and the drawing canvas
# Blue at −max, white at 0, orange at +max: the diverging colour map of weights and filters (plot_style).
DIVERGING_STOPS = ("#0B4F8A", "#5E9ED6", "#FFFFFF", "#F2A65A", "#B35806")
MARKER_WHITE = "#FFFFFF"  # fills and rims that lift markers off curves and heatmaps
TRAIN_POINT_EDGE, TEST_POINT_EDGE = MARKER_WHITE, "#111111"  # rims of the toy data sets' points


@dataclass(frozen=True)
class PlotColours:
    """What `theme.restyle_plots` paints a plot with."""

    background: str
    foreground: str  # titles, tick labels, axis labels, legend text
    axis: str  # axis lines and ticks
    legend_fill: tuple[int, int, int, int]
    legend_edge: str


LIGHT_PLOTS = PlotColours(BACKGROUND, FOREGROUND, AXIS_COLOUR, LEGEND_FILL, LEGEND_EDGE)
DARK_PLOTS = PlotColours("#1E1F22", "#DCDCDC", "#8A8A8A", (40, 41, 45, 215), "#5A5A5A")

# ----- text ---------------------------------------------------------------------------------------------------
# Secondary text: hints, captions, readouts, "copied". Once #666666 in the plots, #6B6B6B in the matrix panel and
# #767676 in the prediction bars; #666666 kept, the one with the most contrast (5.7:1 on white, AA asks 4.5:1).
MUTED_TEXT = "#666666"
ERROR_TEXT = "#B3261E"
OK_TEXT = "#007A58"
NOTICE_TEXT = "#222222"  # text on the notice tints below
TINTED_CELL_TEXT = "#111111"  # a matrix cell's number on a tint
ERROR_CELL_TEXT = "#A33A00"  # a bad cell's text on the error tint (the data import preview)

# ----- notices, messages and highlights -----------------------------------------------------------------------
NOTICE_TINTS = {"ok": "#E3F2EA", "info": "#E6F1F8", "warning": "#FDF3DC", "error": "#FBE6DC"}
NOTICE_EDGES = {"ok": OKABE_ITO["green"], "info": OKABE_ITO["blue"], "warning": OKABE_ITO["orange"],
                "error": OKABE_ITO["vermillion"]}

SELECTED_TINT = NOTICE_TINTS["info"]  # a selected card or layer block (its border: ACCENT)
ERROR_HOVER = "#FFF4EE"  # a Fix button under the mouse, on an error tint
SUMMARY_TINT = "#F4F4F4"  # a neutral box for a conclusion
# A translucent orange (#AARRGGBB, as Qt's rich text reads it): one table row picked out on light and dark.
ROW_HIGHLIGHT = "#47" + OKABE_ITO["orange"][1:]
ROW_TINT = "#CFE6F7"  # row i of A (blue)
COLUMN_TINT = "#FCE1B0"  # column j of B (orange)
CELL_TINT = "#F6EE8A"  # the result cell being computed (yellow)
ERROR_TINT = "#F6C9BD"  # a cell that is not a number (vermillion)
PAD_TINT = "#F3E3A6"  # the zeros padding adds around a convolution's input
IMAGE_BLACK = "#000000"  # a digit picture's paper (MNIST: ink bright on black), the projector's marker
# Ten digit classes: the eight Okabe–Ito colours, then grey and wine (the palette has eight)
DIGIT_COLOURS = tuple(OKABE_ITO[name] for name in ("blue", "orange", "green", "vermillion", "purple", "sky_blue",
                                                  "yellow", "black")) + ("#999999", "#882255")
NO_SCORE_COLOUR = "#AAAAAA"  # a sweep run without a test score
DIVIDER = "#DDDDDD"  # thin horizontal rules
TABLE_BORDER = "#BBBBBB"
CARD_BORDER = "#C8C8C8"

# ----- code ---------------------------------------------------------------------------------------------------
CODE_BOX_BACKGROUND, CODE_BOX_TEXT = "#F6F6F3", "#1E1E1E"  # the matrix panel's PyTorch snippets
CODE_PAGE_BACKGROUND, CODE_PAGE_TEXT = "#FBFBFB", "#1F2328"  # the PyTorch code tab
# Token kind → (colour, bold), for the code tab's highlighter: colours that read on a white background and stay
# apart for the common colour-vision deficiencies.
SYNTAX = {
    "keyword": ("#0050A0", True),
    "builtin": ("#7A3E9D", False),
    "string": ("#1A7F37", False),
    "comment": ("#6E7781", False),
    "number": ("#B35900", False),
    "decorator": ("#7A3E9D", False),
}

# ----- drawing and predictions --------------------------------------------------------------------------------
CANVAS_INK = "#1A1A1A"  # strokes on the drawing canvas, as shown on screen
UNIT_FILL = "#FFFFFF"  # a unit's circle or box in the network pictures
BAR_TRACK = "#E8E8E8"  # the empty part of a probability bar

# ----- the dark theme's window colours (theme.dark_palette) ---------------------------------------------------
_Role = QPalette.ColorRole
DARK_ROLES = {
    _Role.Window: "#2B2D30", _Role.WindowText: "#DFE1E5", _Role.Base: "#1E1F22", _Role.AlternateBase: "#26282B",
    _Role.ToolTipBase: "#3C3F41", _Role.ToolTipText: "#DFE1E5", _Role.PlaceholderText: "#9DA0A8",
    _Role.Text: "#DFE1E5", _Role.Button: "#3A3C40", _Role.ButtonText: "#DFE1E5", _Role.BrightText: "#FF6B5A",
    _Role.Light: "#4A4D52", _Role.Midlight: "#404348", _Role.Mid: "#5A5D63", _Role.Dark: "#1A1B1E",
    _Role.Shadow: "#101113", _Role.Highlight: OKABE_ITO["blue"], _Role.HighlightedText: "#FFFFFF",
    _Role.Link: OKABE_ITO["sky_blue"], _Role.LinkVisited: OKABE_ITO["purple"], _Role.Accent: OKABE_ITO["blue"],
}
DARK_DISABLED_TEXT = "#7A7D83"  # disabled WindowText, Text and ButtonText
DARK_DISABLED_ROLES = {_Role.Base: "#26282B", _Role.Button: "#323438", _Role.Highlight: "#3A5A70"}


# ----- fonts --------------------------------------------------------------------------------------------------
HINT_FONT_SIZE = "8pt"  # one-line hints and captions under controls (style sheets)
CAPTION_SCALE, CAPTION_MIN_PT = 0.9, 7.0  # captions drawn on pictures: a little smaller, never unreadable


def monospace_font() -> QFont:
    """The system's fixed-width font, for code and numbers that line up."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    return font


def caption_font(base: QFont) -> QFont:
    """`base` scaled for captions drawn on pictures (tiles, units)."""
    font = QFont(base)
    font.setPointSizeF(max(CAPTION_MIN_PT, base.pointSizeF() * CAPTION_SCALE))
    return font


# ----- helpers ------------------------------------------------------------------------------------------------
def notice_style(kind: str, padding: str) -> str:
    """A style sheet for a plain note strip of level `kind` (a tint with a coloured left edge)."""
    return (f"background: {NOTICE_TINTS[kind]}; border-left: 4px solid {NOTICE_EDGES[kind]}; padding: {padding};"
            f" color: {NOTICE_TEXT};")


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """(r, g, b) of "#RRGGBB", for numpy pictures and translucent brushes."""
    colour = QColor(hex_colour)
    return colour.red(), colour.green(), colour.blue()

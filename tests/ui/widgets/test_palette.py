"""The colours live in playground/ui/widgets/palette.py, and the text colours there stay readable."""

import re
from pathlib import Path

from playground.ui.widgets import palette

UI = Path(palette.__file__).parents[1]  # playground/ui
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
# Black and white as logic, not as a look: the grey colour map's ends and black-or-white text on a cell.
ALLOWED = {"plot_style.py": {"#000000", "#FFFFFF"}}
# Literals still to move into palette.py (their names are there already); empty this when they have moved.
KNOWN_LEFTOVERS = {"data_import.py": {"#FBE6DC", "#A33A00"}}


def _contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two "#RRGGBB" colours."""
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_no_hex_colours_outside_the_palette():
    found = {}
    for path in sorted(UI.rglob("*.py")):
        if path.name == "palette.py":
            continue
        extra = set(HEX.findall(path.read_text(encoding="utf-8"))) - ALLOWED.get(path.name, set())
        extra -= KNOWN_LEFTOVERS.get(path.name, set())
        if extra:
            found[path.name] = sorted(extra)
    assert found == {}, f"hex colours outside palette.py (name them there): {found}"


def test_text_colours_meet_wcag_aa_on_their_backgrounds():
    for name in ("MUTED_TEXT", "ERROR_TEXT", "OK_TEXT", "FOREGROUND"):
        assert _contrast(getattr(palette, name), palette.BACKGROUND) >= 4.5, name
    for level, tint in palette.NOTICE_TINTS.items():
        assert _contrast(palette.NOTICE_TEXT, tint) >= 4.5, level
    for tint in (palette.ROW_TINT, palette.COLUMN_TINT, palette.CELL_TINT, palette.ERROR_TINT):
        assert _contrast(palette.TINTED_CELL_TEXT, tint) >= 4.5, tint
    assert _contrast(palette.ERROR_CELL_TEXT, palette.NOTICE_TINTS["error"]) >= 4.5
    assert abs(_contrast("#666666", "#FFFFFF") - 5.74) < 0.01  # the ratio the module's notes quote


def test_light_plot_colours_are_the_panels_own():
    """theme.restyle_plots recognises what panels drew by these values."""
    light = palette.LIGHT_PLOTS
    assert (light.background, light.foreground, light.axis) == (palette.BACKGROUND, palette.FOREGROUND,
                                                                palette.AXIS_COLOUR)
    assert (light.legend_fill, light.legend_edge) == (palette.LEGEND_FILL, palette.LEGEND_EDGE)


def test_notice_style_and_rgb():
    assert palette.notice_style("error", "10px") == (
        "background: #FBE6DC; border-left: 4px solid #D55E00; padding: 10px; color: #222222;")
    assert palette.rgb(palette.OKABE_ITO["blue"]) == (0, 114, 178)

"""Chinese on a machine without a Chinese font: the shipped subset of Noto Sans CJK SC as the fallback.

A fresh Linux install (and so the Linux bundle, which carries no fonts of the system's) may have only
Latin fonts; 简体中文 would then be empty boxes. `ensure_cjk_font()` checks once whether the
application font, with the fallbacks Qt finds for it, has glyphs for a Chinese sample and, only if
not, registers resources/fonts/NotoSansSC-Subset.otf as the fallback for Chinese characters. Where
the system has a Chinese font nothing is loaded, and English never changes: a fallback font is only
asked for characters the window's own font lacks. The font is made by packaging/make_cjk_font.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGlyphRun, QGuiApplication, QTextLayout

from playground.core.files.resources import resources_dir

SAMPLE = "训练网络"  # "train the network": the window's first Chinese words
FONT_FILE = "NotoSansSC-Subset.otf"
# Characters from the CJK blocks on (U+2E80 ...): the ones a Latin font does not have, which the
# shipped font must cover for the catalogue (symbols such as ⌊ or ▸ are the window's own font's).
CJK_CHARACTER = re.compile(r"[\u2e80-\U0002ffff]")


class _Loaded:
    checked = False
    family: str | None = None  # the shipped font's family, once registered


def shipped_font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def glyph_runs(text: str, font: QFont) -> list[QGlyphRun]:
    """How Qt would draw `text` (one line) in `font`: a run for each font it takes glyphs from."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout.glyphRuns()


def missing_glyphs(text: str, font: QFont | None = None) -> str:
    """The characters of `text` (each once, in order) that `font` (the application's by default) would
    draw as empty boxes: neither it nor any fallback Qt finds for it has a glyph. Whitespace and
    control characters are not asked about."""
    font = QGuiApplication.font() if font is None else font
    missing = []
    for char in dict.fromkeys(text):
        if char.isspace() or not char.isprintable():
            continue
        runs = glyph_runs(char, font)
        # Glyph 0 is a font's "missing" box (.notdef); a run without a usable font is Qt's box engine.
        if not runs or any(not run.rawFont().isValid() or 0 in run.glyphIndexes() for run in runs):
            missing.append(char)
    return "".join(missing)


def ensure_cjk_font() -> str | None:
    """Make Chinese drawable (once per process; needs the QGuiApplication).

    Returns the shipped font's family when it is in use (loaded now or before), None when the
    system's fonts draw Chinese themselves or the shipped file could not be loaded (said on stderr).
    """
    if _Loaded.checked:
        return _Loaded.family
    _Loaded.checked = True
    if not missing_glyphs(SAMPLE):
        return None
    path = shipped_font_path()
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        print(f"nn-playground: {path} could not be loaded as a font; Chinese will show as boxes", file=sys.stderr)
        return None
    _Loaded.family = families[0]
    return _Loaded.family

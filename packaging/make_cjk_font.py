"""Subset Noto Sans CJK SC into resources/fonts/NotoSansSC-Subset.otf, the Chinese font the app ships.

    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto     # Debian/Ubuntu
    pip install fonttools                                                          # a dev tool only
    python packaging/make_cjk_font.py /tmp/noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

A Linux machine without a Chinese font would show 简体中文 as empty boxes; playground/ui/shell/cjk_font.py
loads this file then. It holds every character the app's Chinese uses — the translations in
resources/i18n/*_zh_CN.ts (plural forms included) and any Chinese written in the code (the language's own
name, 简体中文) — plus the 3,755 common characters of GB 2312 level 1, its punctuation and full-width
rows, printable ASCII and the usual CJK and math punctuation, so new translations and learners' own
text mostly render too. One weight (Regular), the Simplified-Chinese face of the collection, no hinting,
no layout features or vertical metrics (the app sets text horizontally; Qt shapes it without them),
English names only, renamed "Noto Sans CJK SC Subset" (a modified version, per the OFL).

tests/ui/test_cjk_font.py fails when a translation uses a character the font lacks: run this again
then (with the same source package) and commit the new font.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from playground.ui.shell.cjk_font import CJK_CHARACTER, FONT_FILE  # noqa: E402 (after the checkout is on the path)

OUT = ROOT / "resources" / "fonts" / FONT_FILE
FAMILY = "Noto Sans CJK SC Subset"
POSTSCRIPT_NAME = "NotoSansCJKsc-Subset"
SC_FACE = "Noto Sans CJK SC"  # the face of the .ttc whose cmap maps to Simplified-Chinese glyph forms
PUNCTUATION = (
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—–·・～￥％＋－＝＜＞／＼｜＿＆＠＃＊"
    "×÷±≤≥≠≈∞√∑∏∫∂∆∇∈∉∩∪⊂⊃°′″‰§№℃←↑→↓↔⇒⇔•●○■□▲△▼▽◆◇★☆✓✗"
)
BLOCKS = (
    range(0x20, 0x7F),      # printable ASCII
    range(0x3000, 0x3040),  # CJK symbols and punctuation
    range(0xFF01, 0xFF5F),  # full-width ASCII
    range(0x2010, 0x2028),  # general punctuation: dashes, quotes, …
)


def gb2312_level1() -> set[str]:
    """The 3,755 most common simplified characters: GB 2312 rows 0xB0-0xD7 (level 1), by pinyin."""
    return _gb2312_rows(range(0xB0, 0xD8))


def _gb2312_rows(rows: range) -> set[str]:
    chars = set()
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the empty cells at the end of level 1 (0xD7FA-0xD7FE) and of the symbol rows
    return chars


def catalogue_characters() -> set[str]:
    """Every character of the Chinese catalogues' translations (each numerus form too)."""
    chars: set[str] = set()
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_zh_*.ts")):
        for node in ET.parse(ts).getroot().iter("translation"):
            chars.update("".join(node.itertext()))
    return chars


def code_characters() -> set[str]:
    """Chinese written directly in the code (the language menu's 简体中文, the CLI's help)."""
    chars: set[str] = set()
    for path in sorted((ROOT / "playground").rglob("*.py")):
        chars.update(CJK_CHARACTER.findall(path.read_text(encoding="utf-8")))
    return chars


def wanted_characters(level1: bool = True) -> set[str]:
    chars = catalogue_characters() | code_characters() | set(PUNCTUATION)
    chars |= {chr(c) for block in BLOCKS for c in block}
    chars |= _gb2312_rows(range(0xA1, 0xA2)) | _gb2312_rows(range(0xA3, 0xA4))  # punctuation, full-width rows
    if level1:
        chars |= gb2312_level1()
    return {c for c in chars if c.isprintable() or c == "\u3000"}


def subset(source: Path, out: Path, chars: set[str]) -> tuple[int, int]:
    """Write the subset of `source` (a Noto Sans CJK .ttc or the SC .otf) for `chars`; returns
    (characters asked for that the font has, glyphs written)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTCollection, TTFont

    if source.suffix.lower() in (".ttc", ".otc"):
        faces = TTCollection(str(source), lazy=False).fonts
        font = next((f for f in faces if f["name"].getDebugName(1) == SC_FACE), None)
        if font is None:
            raise SystemExit(f"{source} has no '{SC_FACE}' face")
    else:
        font = TTFont(str(source), lazy=False)
    cmap = font.getBestCmap()
    present = sorted(ord(c) for c in chars if ord(c) in cmap)

    options = ft_subset.Options()
    options.hinting = False
    options.layout_features = []  # no GSUB/GPOS lookups: Qt lays out CJK without them
    options.drop_tables += ["BASE", "VORG", "vhea", "vmtx", "GDEF", "GSUB", "GPOS", "DSIG"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # copyright, names, version, licence
    options.name_languages = [0x409]
    options.notdef_outline = True
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    subsetter.subset(font)
    _rename(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.recalcTimestamp = False  # the same input gives the same bytes
    font.save(str(out))
    return len(present), len(font.getGlyphOrder())


def _rename(font) -> None:
    """A modified version gets its own name (OFL §3 protects the original's)."""
    name = font["name"]
    for record in name.names:
        if record.nameID in (1, 4, 16):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"{POSTSCRIPT_NAME};{font['head'].fontRevision:.3f}"
        elif record.nameID == 6:
            record.string = POSTSCRIPT_NAME
    cff = font["CFF "].cff
    top = cff[cff.fontNames[0]]
    cff.fontNames[0] = POSTSCRIPT_NAME
    top.FamilyName = FAMILY
    top.FullName = FAMILY


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path,
                        help="NotoSansCJK-Regular.ttc (fonts-noto-cjk) or NotoSansCJKsc-Regular.otf")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument("--catalogue-only", action="store_true",
                        help="leave out GB 2312 level 1 (only what the app's texts use; to compare sizes)")
    args = parser.parse_args(argv)
    chars = wanted_characters(level1=not args.catalogue_only)
    found, glyphs = subset(args.source, args.output, chars)
    missing = "".join(sorted(c for c in chars if c not in _cmap_chars(args.output)))
    print(f"{args.output}: {args.output.stat().st_size:,} bytes, {found:,} of {len(chars):,} characters, "
          f"{glyphs:,} glyphs" + (f"; not in the source font: {missing!r}" if missing else ""))
    # Symbols outside the CJK blocks (ᵀ, ⌊, ▸) are the window's Latin font's to draw.
    uncovered = "".join(sorted(set(CJK_CHARACTER.findall("".join(catalogue_characters()))) - _cmap_chars(args.output)))
    if uncovered:
        print(f"the catalogue uses CJK characters the font lacks: {uncovered!r}", file=sys.stderr)
        return 1
    return 0


def _cmap_chars(path: Path) -> set[str]:
    from fontTools.ttLib import TTFont
    return {chr(c) for c in TTFont(str(path))["cmap"].getBestCmap()}


if __name__ == "__main__":
    raise SystemExit(main())

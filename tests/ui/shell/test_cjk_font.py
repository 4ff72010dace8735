"""简体中文 on a machine without a Chinese font: the shipped subset of Noto Sans CJK SC fills in.

The machine is simulated with fontconfig: a fonts.conf listing one folder with one Latin font, in a
fresh process (Qt reads its fonts once per process).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont

from playground.i18n_tool import TRANSLATED_LOCALES, ts_path
from playground.ui.shell.cjk_font import CJK_CHARACTER, shipped_font_path

ROOT = Path(__file__).resolve().parents[3]
LATIN_FONTS = ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "FreeSans.ttf", "NotoSans-Regular.ttf")
TIMEOUT_S = 240

# Run in the fresh process: Chinese through the app's own path (make_application, apply_language),
# then what the window shows. argv: "with" or "without" (the loader skipped, as before it existed).
WINDOW_SCRIPT = """
import json, sys
from playground.ui.shell import app as app_module, cjk_font
from playground.ui.shell.i18n import apply_language, last_error
if sys.argv[1] == "without":
    cjk_font._Loaded.checked = True
qapp = app_module.make_application()
assert apply_language(qapp, "zh_CN"), last_error()
from playground.ui.shell.main_window import MainWindow
window = MainWindow(remember=False, autosave=False)
bar = " ".join(space.button.text() for space in window.workspaces.workspaces())  # the workspaces' buttons
texts = [window.run_actions.train.text(), bar, window.windowTitle()]
english = "Train the network"
print(json.dumps({
    "texts": texts,
    "missing": cjk_font.missing_glyphs("".join(texts), window.font()),
    "shipped": cjk_font.ensure_cjk_font(),
    "english_fonts": sorted({run.rawFont().familyName() for run in cjk_font.glyph_runs(english, window.font())}),
}))
window.close_discarding()
"""

SELFTEST_SCRIPT = """
import io, sys
from playground import selftest
from playground.ui.shell import cjk_font
if sys.argv[1] == "without":
    cjk_font._Loaded.checked = True
try:
    print("ok", selftest._check_glyphs(selftest._Context(io.StringIO(), None)))
except selftest.SelftestFailure as exc:
    print("FAILED", exc)
"""


def _latin_font() -> Path | None:
    for folder in (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path("/usr/X11R6/lib/X11/fonts")):
        for name in LATIN_FONTS:
            found = next(iter(sorted(folder.rglob(name))), None) if folder.is_dir() else None
            if found is not None:
                return found
    return None


@pytest.fixture
def fonts(tmp_path: Path):
    """run(script, *args, chinese_font=False): the script's stdout, run where the only font is a Latin
    one (and, with `chinese_font`, the shipped subset installed as if it were the system's own)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("fontconfig picks the fonts only on Linux")
    latin = _latin_font()
    if latin is None:
        pytest.skip("no Latin TrueType font (DejaVu, Liberation, FreeFont, Noto) to build a font-less system from")

    def run(script: str, *args: str, chinese_font: bool = False) -> str:
        folder = tmp_path / ("with-chinese" if chinese_font else "latin-only")
        (folder / "fonts").mkdir(parents=True, exist_ok=True)
        shutil.copy(latin, folder / "fonts")
        if chinese_font:
            shutil.copy(shipped_font_path(), folder / "fonts")
        config = folder / "fonts.conf"
        config.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
                          f'  <dir>{folder / "fonts"}</dir>\n  <cachedir>{folder / "cache"}</cachedir>\n'
                          f'</fontconfig>\n')
        env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen",
               "NN_PLAYGROUND_SETTINGS_DIR": str(tmp_path / "settings")}
        result = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=env, capture_output=True,
                                text=True, timeout=TIMEOUT_S)
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip().splitlines()[-1]
    return run


def test_the_window_speaks_chinese_with_real_glyphs_on_a_system_without_a_chinese_font(fonts) -> None:
    shown = json.loads(fonts(WINDOW_SCRIPT, "with"))
    train, bar, title = shown["texts"]
    # Every workspace's button speaks Chinese (an English title left would have no Chinese character).
    assert train == "训练" and all(CJK_CHARACTER.search(name) for name in bar.split()), shown["texts"]
    assert shown["missing"] == "", f"empty boxes for {shown['missing']!r} in {shown['texts']}"
    assert shown["shipped"] == "Noto Sans CJK SC Subset"
    # The shipped font only fills in: English stays in the system's Latin font.
    assert "Noto Sans CJK SC Subset" not in shown["english_fonts"] and shown["english_fonts"], shown


def test_without_the_shipped_font_the_same_texts_are_empty_boxes(fonts) -> None:
    """The check above can fail: the Latin-only system really draws no Chinese by itself."""
    shown = json.loads(fonts(WINDOW_SCRIPT, "without"))
    assert shown["shipped"] is None
    chinese = "".join(dict.fromkeys(CJK_CHARACTER.findall("".join(shown["texts"]))))
    assert chinese and shown["missing"] == chinese


def test_a_system_with_a_chinese_font_keeps_its_own(fonts) -> None:
    shown = json.loads(fonts(WINDOW_SCRIPT, "with", chinese_font=True))
    assert shown["missing"] == "" and shown["shipped"] is None


def test_the_selftest_glyph_check_fails_without_the_shipped_font_and_passes_with_it(fonts) -> None:
    passed = fonts(SELFTEST_SCRIPT, "with")
    assert passed.startswith("ok ") and "训练网络" in passed and "the shipped Noto Sans CJK SC Subset" in passed
    failed = fonts(SELFTEST_SCRIPT, "without")
    assert failed.startswith("FAILED ") and "would show as empty boxes" in failed and "训练网络" in failed


def test_the_shipped_font_covers_every_chinese_character_of_the_catalogue(qapp) -> None:
    font = QRawFont(str(shipped_font_path()), 16)
    assert font.isValid(), f"{shipped_font_path()} is not a font Qt can read"
    for locale in TRANSLATED_LOCALES:
        translations = "".join("".join(node.itertext()) for node in ET.parse(ts_path(locale)).iter("translation"))
        chinese = sorted(set(CJK_CHARACTER.findall(translations)))
        lacking = "".join(c for c in chinese if not font.supportsCharacter(ord(c)))
        assert len(chinese) > 100
        assert not lacking, (f"{ts_path(locale).name} uses {lacking!r}, which {shipped_font_path().name} lacks: "
                             "run packaging/make_cjk_font.py again (see resources/fonts/README.md)")


def test_the_licence_ships_with_the_font() -> None:
    folder = shipped_font_path().parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text(encoding="utf-8")
    assert "make_cjk_font.py" in (folder / "README.md").read_text(encoding="utf-8")

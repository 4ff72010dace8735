"""The Linux desktop entry, its installer script and the icon set."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = PACKAGING.parent / "resources" / "icons"
DESKTOP = PACKAGING / "nn-playground.desktop"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
REGISTERED_MAIN_CATEGORIES = {"AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics",
                              "Network", "Office", "Science", "Settings", "System", "Utility"}


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# --------------------------------------------------------------------------- the .desktop file

def test_desktop_entry_has_the_required_keys() -> None:
    entry = desktop_entry()
    for key in ("Type", "Name", "Exec", "Icon", "Categories"):
        assert entry.get(key), f"{key} is missing or empty"
    assert entry["Type"] == "Application"
    assert entry["Name"] == "nn-playground"
    assert entry["Terminal"] == "false"


def test_exec_and_icon_name_the_program_and_the_shipped_icons() -> None:
    entry = desktop_entry()
    assert entry["Exec"].split()[0] == "nn-playground"  # the console script and the bundle's executable
    assert 'nn-playground = "playground.cli:main"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "/" not in entry["Icon"] and "." not in entry["Icon"]  # a theme name, found in hicolor
    assert sorted(ICONS.glob(f"{entry['Icon']}-*.png"))


def test_categories_follow_the_menu_spec() -> None:
    categories = desktop_entry()["Categories"]
    assert categories.endswith(";")
    names = [c for c in categories.split(";") if c]
    assert REGISTERED_MAIN_CATEGORIES & set(names), "at least one registered main category"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_it() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script")
def test_install_script_writes_an_entry_pointing_into_the_bundle_and_removes_it(tmp_path: Path) -> None:
    bundle = tmp_path / "unpacked here" / "nn-playground"  # a space in the path, as on many desktops
    (bundle / "icons").mkdir(parents=True)
    (bundle / "nn-playground").write_text("#!/bin/sh\n")
    (bundle / "nn-playground").chmod(0o755)
    shutil.copy(DESKTOP, bundle)
    shutil.copy(PACKAGING / "install-desktop-entry.sh", bundle)
    for png in ICONS.glob("nn-playground-*.png"):
        shutil.copy(png, bundle / "icons")
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}

    subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], check=True, env=env, capture_output=True)
    installed = data / "applications" / "nn-playground.desktop"
    text = installed.read_text(encoding="utf-8")
    assert f'Exec="{bundle}/nn-playground"' in text.splitlines()
    assert text.count("Exec=") == 1 and "Icon=nn-playground" in text
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "nn-playground.png").is_file()
    assert (data / "icons" / "hicolor" / "16x16" / "apps" / "nn-playground.png").is_file()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    subprocess.run(["sh", str(bundle / "install-desktop-entry.sh"), "--uninstall"], check=True, env=env,
                   capture_output=True)
    assert not installed.exists()
    assert not list((data / "icons").rglob("nn-playground.png"))


# --------------------------------------------------------------------------- the icons

def test_pngs_come_in_the_usual_sizes() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert png_size((ICONS / f"nn-playground-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_png_entries_up_to_256() -> None:
    data = (ICONS / "nn-playground.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = []
    for i in range(count):
        width, height, _, _, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        blob = data[offset: offset + length]
        side = width or 256
        assert len(blob) == length and png_size(blob) == (side, height or 256)
        assert (planes, bpp) == (1, 32)
        sizes.append(side)
    assert {16, 32, 48, 256} <= set(sizes)


def test_icns_holds_png_entries_up_to_1024() -> None:
    data = (ICONS / "nn-playground.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024,
                b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512}
    found, position = {}, 8
    while position < len(data):
        kind, length = data[position: position + 4], struct.unpack(">I", data[position + 4: position + 8])[0]
        found[kind] = png_size(data[position + 8: position + length])[0]
        position += length
    assert position == len(data)
    assert found == expected


def test_committed_icons_match_the_drawing(tmp_path: Path, qapp) -> None:
    """make_icons.py was re-run after its drawing last changed (pixels compared, not PNG bytes).

    `qapp` first: make_icons would otherwise create a QGuiApplication, which later widget tests cannot use."""
    from PySide6.QtGui import QImage

    sys.path.insert(0, str(PACKAGING))
    try:
        import make_icons
    finally:
        sys.path.remove(str(PACKAGING))
    make_icons.main(tmp_path)
    for size in (16, 48, 256):
        fresh = QImage(str(tmp_path / f"nn-playground-{size}.png"))
        committed = QImage(str(ICONS / f"nn-playground-{size}.png"))
        assert fresh.size() == committed.size()
        differing = sum(abs(fresh.pixel(x, y) - committed.pixel(x, y)) > 0
                        for x in range(0, size, max(1, size // 64)) for y in range(0, size, max(1, size // 64)))
        assert differing <= 0.02 * min(size, 64) ** 2, f"{size}px: run python packaging/make_icons.py"

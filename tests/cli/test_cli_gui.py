"""The GUI commands (gui, screenshot) and the small ones (presets, --version, --help)."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest
from cli_helpers import run_cli

APP_MODULE = Path(__file__).resolve().parents[2] / "playground" / "ui" / "shell" / "app.py"


@pytest.fixture
def fake_app(monkeypatch):
    """Stand-in for playground.ui.shell.app that records how the CLI calls it."""
    calls = []
    module = types.ModuleType("playground.ui.shell.app")

    def run_gui(preset=None, data_dir=None, device=None):
        calls.append(("run_gui", preset, data_dir, device))
        return 0

    def render_screenshot(path, preset="seed-mlp", data_dir=None, device=None, train_epochs=0, language="en",
                          size=(1400, 900), workspace=None):
        calls.append(("render_screenshot", Path(path), preset, data_dir, device, train_epochs)
                     + ((language,) if language != "en" else ())
                     + ((size,) if size != (1400, 900) else ()) + ((workspace,) if workspace else ()))
        Path(path).write_bytes(b"\x89PNG\r\n\x1a\n")

    module.run_gui = run_gui
    module.render_screenshot = render_screenshot
    monkeypatch.setitem(sys.modules, "playground.ui.shell.app", module)
    return calls


def test_no_command_opens_the_window_with_defaults(fake_app):
    assert run_cli([])[0] == 0
    assert fake_app == [("run_gui", None, None, None)]  # the window picks the design used last time


@pytest.mark.parametrize("args", [
    ["--preset", "cnn", "--data", "somewhere", "--device", "cpu"],
    ["gui", "--preset", "cnn", "--data", "somewhere", "--device", "cpu"],
    ["--preset", "cnn", "gui", "--data", "somewhere", "--device", "cpu"],
])
def test_gui_options_with_or_without_the_gui_command(fake_app, args):
    assert run_cli(args)[0] == 0
    assert fake_app == [("run_gui", "cnn", Path("somewhere"), "cpu")]


def test_gui_without_a_display_explains_instead_of_crashing(fake_app, monkeypatch):
    if not sys.platform.startswith("linux"):
        pytest.skip("the display check applies to X11/Wayland systems")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    code, out, err = run_cli([])
    assert code == 1 and fake_app == []
    assert err.startswith("nn-playground: error: no display found") and err.count("\n") == 1


def test_screenshot_passes_its_options(fake_app, tmp_path):
    out = tmp_path / "shot.png"
    code, _, err = run_cli(["screenshot", "-o", str(out), "--preset", "cnn", "--train-epochs", "0.5"])
    assert code == 0, err
    assert fake_app == [("render_screenshot", out, "cnn", None, None, 0.5)]
    assert f"wrote {out}" in err


def test_screenshot_in_chinese(fake_app, tmp_path):
    out = tmp_path / "zh.png"
    assert run_cli(["screenshot", "-o", str(out), "--language", "zh_CN"])[0] == 0
    assert fake_app == [("render_screenshot", out, "seed-mlp", None, None, 0.0, "zh_CN")]
    code, _, err = run_cli(["screenshot", "-o", str(out), "--language", "fr"])
    assert code == 2 and "invalid choice" in err


def test_screenshot_refuses_a_folder_or_another_format_as_output(fake_app, tmp_path):
    code, _, err = run_cli(["screenshot", "-o", str(tmp_path)])
    assert code == 2 and "is a folder" in err and fake_app == []
    code, _, err = run_cli(["screenshot", "-o", str(tmp_path / "shot.jpg")])
    assert code == 2 and "shot.png" in err and fake_app == []


def test_screenshot_without_a_preset_uses_the_default(fake_app, tmp_path):
    assert run_cli(["screenshot", "-o", str(tmp_path / "a.png")])[0] == 0
    assert fake_app[0][2] == "seed-mlp"


@pytest.mark.skipif(not APP_MODULE.exists(), reason="playground/ui/shell/app.py (the GUI) is not written yet")
def test_screenshot_renders_a_real_png(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "window.png"
    code, _, err = run_cli(["screenshot", "-o", str(out)])
    assert code == 0, err
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() >= 640 and image.height() >= 400


def test_presets_lists_names_titles_and_parameter_counts():
    code, out, err = run_cli(["presets"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["PRESET", "PARAMS", "TITLE"]
    seed = next(line for line in lines if line.startswith("seed-mlp"))
    assert "109,386" in seed and "(default)" in seed
    assert any(line.startswith("cnn ") for line in lines)


def test_version():
    code, out, _ = run_cli(["--version"])
    assert code == 0 and out.strip() == "nn-playground 0.1.0"


def test_help_is_quick_and_imports_neither_torch_nor_qt():
    probe = ("import sys, contextlib, io\n"
             "from playground.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    for args in (['--help'], ['train', '--help'], ['predict', '--help']):\n"
             "        try: main(args)\n"
             "        except SystemExit: pass\n"
             "print(sorted(m for m in ('torch', 'PySide6', 'numpy') if m in sys.modules))\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_screenshot_shows_a_chosen_tab_and_rejects_unknown_ones(tmp_path):
    from cli_helpers import run_cli

    out = tmp_path / "code.png"
    code, _, err = run_cli(["screenshot", "-o", str(out), "--tab", "PyTorch code"])
    assert code == 0 and out.stat().st_size > 10_000, err
    code, _, err = run_cli(["screenshot", "-o", str(tmp_path / "x.png"), "--tab", "Nope"])
    assert code == 1 and "No tab named 'Nope'" in err


def test_screenshot_lists_workspaces_one_a_line_without_an_output(capsys):
    from playground.cli import main

    assert main(["screenshot", "--list-workspaces"]) == 0
    assert capsys.readouterr().out.split() == ["train", "inside", "matrices", "playground", "runs"]


def test_screenshot_passes_size_and_workspace_and_refuses_odd_sizes(fake_app, tmp_path):
    out = tmp_path / "a.png"
    assert run_cli(["screenshot", "-o", str(out), "--size", "1366x768", "--workspace", "inside"])[0] == 0
    assert fake_app[-1][-2:] == ((1366, 768), "inside")
    for bad in ("1366", "0x0", "wide", "100000x100"):
        code, _, err = run_cli(["screenshot", "-o", str(out), "--size", bad])
        assert code == 2 and "--size" in err
    code, _, err = run_cli(["screenshot"])
    assert code == 2 and "-o/--output" in err


def test_screenshot_shows_a_chosen_workspace_at_a_chosen_size_and_rejects_unknown_ones(tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from playground.ui.shell import app as app_module
    from playground.ui.shell.main_window import MainWindow

    shown: list[tuple[str, bool, bool]] = []  # what the window showed when it was grabbed
    save_png = app_module._save_png

    def spy(pixmap, path):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        shown.append((window.workspaces.current().name, window.view_on_screen(window.playground),
                      window.playground.last_frame is not None))
        save_png(pixmap, path)

    monkeypatch.setattr(app_module, "_save_png", spy)
    out = tmp_path / "playground.png"
    code, _, err = run_cli(["screenshot", "-o", str(out), "--workspace", "playground", "--size", "1024x700"])
    assert code == 0, err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 700)
    assert shown == [("playground", True, True)]  # the playground on show, with its first picture drawn

    other = tmp_path / "x.png"
    code, _, err = run_cli(["screenshot", "-o", str(other), "--workspace", "Nope"])
    assert code == 2 and "no workspace named 'Nope'" in err and not other.exists()
    assert "workspaces: train, inside, matrices, playground, runs" in err
    assert len(shown) == 1  # refused before any window was built

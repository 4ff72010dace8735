"""`nn-playground --selftest`: passes on a working install, names the failing check otherwise."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from playground import selftest


def test_selftest_fails_with_the_check_named_when_resources_are_missing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("NN_PLAYGROUND_RESOURCES", str(tmp_path / "nowhere"))
    out = io.StringIO()
    assert selftest.run_selftest(out=out) == 1
    text = out.getvalue()
    assert "FAILED resources" in text and "nowhere" in text
    assert "self-test failed." in text
    assert "  ok  libraries" in text  # the checks before it ran and passed


def test_an_unexpected_error_is_reported_not_raised(monkeypatch, capsys) -> None:
    def broken(ctx):
        raise ImportError("No module named 'torch._missing_from_the_bundle'")

    monkeypatch.setattr(selftest, "_check_libraries", broken)
    out = io.StringIO()
    assert selftest.run_selftest(out=out) == 1
    assert "FAILED libraries: ImportError: No module named 'torch._missing_from_the_bundle'" in out.getvalue()
    assert "Traceback" in capsys.readouterr().err  # in a bundle, the traceback says what was left out


def test_the_command_passes_in_a_fresh_process_and_keeps_the_screenshot(tmp_path: Path) -> None:
    """`nn-playground --selftest` as CI runs it on the frozen bundle: the exit status reaches the shell."""
    shot = tmp_path / "window.png"
    result = subprocess.run([sys.executable, "-m", "playground", "--selftest", "--selftest-screenshot", str(shot)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    for check in ("libraries", "resources", "data", "training", "prediction", "project", "window", "languages",
                  "glyphs"):
        assert f"  ok  {check}" in out
    assert "50 steps of 64" in out and "self-test passed" in out
    assert "训练网络 and the" in out  # the Chinese sample has glyphs (the system's font or the shipped one)
    assert shot.is_file() and shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

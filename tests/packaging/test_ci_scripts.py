"""The build and CI scripts: valid shell, and CI builds the bundle after the tests pass."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize("script", [".ci/run", ".ci/bundle", "packaging/build.sh",
                                    "packaging/install-desktop-entry.sh"])
def test_scripts_parse(script: str) -> None:
    shell = "sh" if script.endswith("install-desktop-entry.sh") else "bash"
    result = subprocess.run([shell, "-n", str(ROOT / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ci_builds_the_bundle_after_the_tests() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in run
    assert run.index("python -m pytest") < run.index("bash .ci/bundle")
    bundle = (ROOT / ".ci" / "bundle").read_text(encoding="utf-8")
    assert "set -euo pipefail" in bundle
    assert bundle.index("packaging/build.sh") < bundle.index("--selftest")


def test_build_outputs_are_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored and "dist/" in ignored


def test_ci_lints_and_type_checks_before_the_tests() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in run.splitlines()]
    assert lines.index("ruff check .") < lines.index("mypy") < lines.index("python -m pytest")
    extras = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"ruff' in extras and '"mypy' in extras  # in the test extra: the README's setup installs them

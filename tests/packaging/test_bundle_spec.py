"""The PyInstaller spec: one Qt binding, every Qt module the app uses kept, resources/ whole, trims that keep
what runs."""

from __future__ import annotations

import ast
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "nn-playground.spec"
# What pyqtgraph imports from the binding at start-up (pyqtgraph/Qt/__init__.py, OpenGLHelpers.py).
PYQTGRAPH_QT_MODULES = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGL", "QtOpenGLWidgets", "QtTest"}


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"))


def assigned_list(name: str) -> list[str]:
    """The value of a top-level `NAME = [...]` (a list literal or a comprehension over a literal tuple)."""
    for node in spec_tree().body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return list(eval(compile(ast.Expression(node.value), str(SPEC), "eval"), {}))  # literals only
    raise AssertionError(f"{name} is not assigned in {SPEC.name}")


def spec_functions(*names: str) -> dict:
    """The spec's helper functions, compiled on their own (the rest of the spec needs PyInstaller)."""
    tree = spec_tree()
    chosen = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    namespace = {"ROOT": ROOT, "os": os, "sys": sys, "Path": Path, "KEEP_LANGUAGES": set()}
    exec(compile(ast.Module(body=chosen, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace


def modules_the_app_imports() -> set[str]:
    names = set()
    for path in (ROOT / "playground").rglob("*.py"):
        names.update(re.findall(r"(?:from|import) PySide6\.(\w+)", path.read_text(encoding="utf-8")))
    return names


def test_other_qt_bindings_are_excluded() -> None:
    excluded = assigned_list("OTHER_QT_BINDINGS")
    for binding in ("PyQt5", "PyQt6", "PySide2"):
        assert binding in excluded
    assert "excludes=OTHER_QT_BINDINGS" in SPEC.read_text(encoding="utf-8")


def test_no_qt_module_the_app_or_pyqtgraph_imports_is_excluded() -> None:
    used = modules_the_app_imports() | PYQTGRAPH_QT_MODULES
    assert {"QtCore", "QtGui", "QtWidgets"} <= used
    excluded = {name.split(".", 1)[1] for name in assigned_list("UNUSED_QT_MODULES")}
    assert not used & excluded, f"the spec excludes Qt modules that are imported: {sorted(used & excluded)}"
    for heavy in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtMultimedia", "QtNetwork"):
        assert heavy in excluded


def test_no_package_the_app_imports_is_excluded() -> None:
    excluded = set(assigned_list("UNUSED_PACKAGES"))  # whole packages; a listed submodule leaves the rest
    for needed in ("torch", "numpy", "pyqtgraph", "PySide6", "shiboken6", "playground", "sympy", "unittest"):
        assert needed not in excluded  # torch imports sympy and unittest when it starts


def test_resources_go_in_whole() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert 'datas = [(str(ROOT / "resources"), "resources")]' in text
    assert 'collect_data_files("playground")' in text  # e.g. playground/i18n/*.qm, if added


def test_the_frozen_app_finds_resources_in_the_bundle(tmp_path: Path, monkeypatch) -> None:
    from playground.core.files import resources

    monkeypatch.delenv("NN_PLAYGROUND_RESOURCES", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert resources.mnist_dir() == tmp_path / "resources" / "datasets" / "mnist"


@pytest.mark.parametrize("dest, dropped", [
    ("torch/include/ATen/Tensor.h", True),
    ("torch/test/atest", True),
    ("torch/bin/protoc", True),
    ("torch/bin/torch_shm_manager", False),  # `import torch` fails without it
    ("torch/share/cmake/Torch/TorchConfig.cmake", True),
    ("torch/lib/libtorchbind_test.so", True),
    ("torch/lib/libtorch_cpu.so", False),
    ("torch/_C/__init__.pyi", True),
    ("torch/nn/modules/linear.py", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
    ("resources/presets/cnn.json", False),
    ("resources/datasets/mnist/train-images-idx3-ubyte.gz", False),
    ("resources/i18n/nn-playground_de.qm", False),
])
def test_what_the_trims_drop(dest: str, dropped: bool) -> None:
    assert spec_functions("_unwanted")["_unwanted"](dest) is dropped


def test_qt_translations_follow_the_languages_the_app_ships() -> None:
    unwanted = spec_functions("_unwanted")
    unwanted["KEEP_LANGUAGES"] = {"de"}
    assert unwanted["_unwanted"]("PySide6/Qt/translations/qtbase_de.qm") is False
    assert unwanted["_unwanted"]("PySide6/Qt/translations/qtbase_fr.qm") is True


def test_dangling_symlinks_are_dropped() -> None:
    drop = spec_functions("_drop_dangling_symlinks")["_drop_dangling_symlinks"]
    toc = [("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
           ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),
           ("PySide6/Qt/lib/libQt6Core.so.6", "/site/PySide6/Qt/lib/libQt6Core.so.6", "BINARY")]
    present = {"PySide6/Qt/lib/libQt6Core.so.6"}
    assert [entry[0] for entry in drop(toc, present)] == ["libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6"]

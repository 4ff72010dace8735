"""The import rules of `playground/`: what each part may import, so a module's folder says what it may touch.

Every import counts — at the top of a module, under `if TYPE_CHECKING:` and inside functions — as read by
`ast` from the source (nothing is imported here). The rules:

(a) No import circle between modules, of any length.
(b) `playground.core` imports nothing of `playground.ui` (only `playground.core` and the root package, for its
    version) and no Qt (PySide6, shiboken6, pyqtgraph).
(c) A workspace package `playground.ui.workspaces.X` imports no other workspace package and not the shell.
(d) `playground.ui.widgets` imports only `playground.core` and widgets; `playground.ui.workers` only
    `playground.core` and workers (widgets and workers do not import each other).
(e) `playground.ui.dialogs` imports only core, widgets, workers, dialogs and `playground.ui.document`.
(f) `playground.ui.document` imports only core and workers.
(g) Only the shell imports the shell (and `playground.cli`, `playground.selftest`, `playground.__main__`, which
    start it).
(h) No folder under `playground/` holds more than 20 modules (`__init__.py` not counted).

The checks are also run on small made-up import graphs, so each one is known to catch what it is for.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "playground"
QT = ("PySide6", "shiboken6", "pyqtgraph")
MAX_MODULES_PER_FOLDER = 20
SHELL_STARTERS = {"playground.cli", "playground.selftest", "playground.__main__"}

Graph = Mapping[str, set[str]]


# ----- reading the imports -------------------------------------------------------------------------------

def module_files(root: Path = ROOT) -> dict[str, Path]:
    """Every module under `root` by its dotted name (a package by its own name)."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_names(name: str, path: Path) -> set[str]:
    """The dotted names `path` imports, wherever the import statement is; `from a import b` gives `a.b` too."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            found.add(source)
            found.update(f"{source}.{alias.name}" for alias in node.names)
    return found


def import_graph(root: Path = ROOT) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(module → the playground modules it imports, module → every top-level package it imports)."""
    modules = module_files(root)
    graph: dict[str, set[str]] = {}
    external: dict[str, set[str]] = {}
    for name, path in modules.items():
        names = imported_names(name, path)
        graph[name] = {target for n in names if (target := _known(n, modules)) is not None and target != name}
        external[name] = {n.split(".")[0] for n in names if n}
    return graph, external


def _known(name: str, modules: Mapping[str, Path]) -> str | None:
    """The module `name` is in: the longest known prefix (an attribute import names its module)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


# ----- the rules --------------------------------------------------------------------------------------------

def cycles(graph: Graph) -> list[list[str]]:
    """The import circles: strongly connected groups of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(start: str) -> None:  # Tarjan's algorithm, without recursion
        nonlocal counter
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in graph.get(node, ()):
                    found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def _workspace(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:4]) if _in(module, "playground.ui.workspaces") and len(parts) > 3 else None


def layer_violations(graph: Graph, external: Mapping[str, set[str]] | None = None) -> list[str]:
    """Rules (b) to (g): one line per forbidden import."""
    allowed_only = {  # package → the packages its modules may import (themselves included)
        "playground.ui.widgets": ("playground.core", "playground.ui.widgets"),
        "playground.ui.workers": ("playground.core", "playground.ui.workers"),
        "playground.ui.dialogs": ("playground.core", "playground.ui.widgets", "playground.ui.workers",
                                  "playground.ui.dialogs", "playground.ui.document"),
        "playground.ui.document": ("playground.core", "playground.ui.workers"),
        "playground.core": ("playground.core",),
    }
    problems = []
    for module, targets in sorted(graph.items()):
        for target in sorted(targets):
            if _in(module, "playground.core") and target == "playground":
                continue  # the root package (its version)
            for package, allowed in allowed_only.items():
                if _in(module, package) and not any(_in(target, a) for a in allowed):
                    problems.append(f"{module} imports {target}: {package} may import only {', '.join(allowed)}")
            home = _workspace(module)
            if home is not None and _workspace(target) not in (None, home):
                problems.append(f"{module} imports {target}: a workspace imports no other workspace")
            if (_in(target, "playground.ui.shell") and not _in(module, "playground.ui.shell")
                    and module not in SHELL_STARTERS):
                problems.append(f"{module} imports {target}: only the shell (and what starts it) imports the shell")
    for module, packages in sorted((external or {}).items()):
        if _in(module, "playground.core"):
            problems += [f"{module} imports {qt}: the core is free of Qt" for qt in sorted(packages) if qt in QT]
    return problems


def crowded_folders(modules: Iterable[Path], limit: int = MAX_MODULES_PER_FOLDER) -> dict[str, int]:
    """Rule (h): folders with more than `limit` modules (`__init__.py` not counted) → their count."""
    counts: dict[str, int] = {}
    for path in modules:
        if path.name != "__init__.py":
            folder = str(path.parent.relative_to(ROOT.parent))
            counts[folder] = counts.get(folder, 0) + 1
    return {folder: n for folder, n in sorted(counts.items()) if n > limit}


# ----- the code as it is ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graphs() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return import_graph()


def test_the_graph_is_read_from_every_module(graphs):
    graph, _ = graphs
    assert len(graph) > 100
    # Imports under TYPE_CHECKING and inside functions count as much as those at the top.
    assert "playground.ui.workers.worker" in graph["playground.ui.document"]  # under TYPE_CHECKING only
    assert "playground.core.training.optimizers" in graph["playground.core.files.project_file"]  # in a function
    assert "playground.ui.document" in graph["playground.ui.shell.main_window"]


def test_no_module_imports_itself_back(graphs):
    graph, _ = graphs
    circles = cycles(graph)
    assert not circles, "import circles:\n" + "\n".join(" ↔ ".join(group) for group in circles)


def test_each_part_imports_only_what_its_folder_allows(graphs):
    graph, external = graphs
    problems = layer_violations(graph, external)
    assert not problems, "\n".join(problems)


def test_no_folder_holds_more_than_twenty_modules():
    crowded = crowded_folders(module_files().values())
    assert not crowded, f"more than {MAX_MODULES_PER_FOLDER} modules: {crowded}"


# ----- the checks catch what they are for -------------------------------------------------------------------------

def test_a_circle_of_any_length_is_found_and_a_chain_is_not():
    chain = {"a": {"b"}, "b": {"c"}, "c": set()}
    assert cycles(chain) == []
    assert cycles({**chain, "c": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"a"}}) == [["a"]]
    assert cycles({"x": {"y"}, "y": {"x"}, "a": {"b"}, "b": {"a", "x"}}) == [["x", "y"], ["a", "b"]]


@pytest.mark.parametrize(("module", "target"), [
    ("playground.core.model.spec", "playground.ui.document"),
    ("playground.ui.workspaces.runs.run_tracking", "playground.ui.workspaces.train.training_panel"),
    ("playground.ui.workspaces.runs.run_tracking", "playground.ui.shell.run_controls"),
    ("playground.ui.widgets.plots", "playground.ui.workers.worker"),
    ("playground.ui.workers.worker", "playground.ui.widgets.palette"),
    ("playground.ui.dialogs.preferences", "playground.ui.workspaces.train.layer_editor"),
    ("playground.ui.document", "playground.ui.widgets.palette"),
    ("playground.ui.document", "playground.ui.shell.run_controls"),
    ("playground.i18n_tool", "playground.ui.shell.i18n"),
])
def test_each_forbidden_import_is_reported(module, target):
    assert layer_violations({module: {target}}), f"{module} → {target} passed"


@pytest.mark.parametrize(("module", "target"), [
    ("playground.core.files.project_file", "playground"),
    ("playground.ui.workspaces.runs.run_tracking", "playground.ui.workspaces.runs.runs_panel"),
    ("playground.ui.workspaces.runs.run_tracking", "playground.ui.document"),
    ("playground.ui.shell.main_window", "playground.ui.workspaces.train.layer_editor"),
    ("playground.cli", "playground.ui.shell.app"),
    ("playground.ui.dialogs.data_import", "playground.ui.workers.background"),
])
def test_allowed_imports_pass(module, target):
    assert layer_violations({module: {target}}) == []


def test_qt_in_the_core_is_reported():
    assert layer_violations({}, {"playground.core.model.spec": {"PySide6", "json"}})
    assert layer_violations({}, {"playground.ui.widgets.plots": {"PySide6", "pyqtgraph"}}) == []


def test_a_crowded_folder_is_reported(tmp_path):
    paths = [ROOT / "ui" / "shell" / f"m{i}.py" for i in range(21)] + [ROOT / "ui" / "shell" / "__init__.py"]
    assert crowded_folders(paths) == {"playground/ui/shell": 21}
    assert crowded_folders(paths[1:]) == {}


def test_imports_are_read_from_type_checking_blocks_functions_and_relative_forms(tmp_path):
    package = tmp_path / "playground" / "ui"
    package.mkdir(parents=True)
    (tmp_path / "playground" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from playground.ui.b import B\n"
        "def f():\n    from . import c\n"
        "import PySide6.QtCore\n")
    for name in ("b", "c"):
        (package / f"{name}.py").write_text("")
    graph, external = import_graph(tmp_path / "playground")
    assert graph["playground.ui.a"] == {"playground.ui.b", "playground.ui.c", "playground.ui"}
    assert "PySide6" in external["playground.ui.a"]

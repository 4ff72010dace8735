"""The translation catalogue: collect the app's texts into Qt `.ts` files and build the `.qm` files.

    python -m playground.i18n_tool update [--merge PART.json ...]   # code -> resources/i18n/*.ts
    python -m playground.i18n_tool build                             # *.ts -> *.qm (Qt's lrelease)
    python -m playground.i18n_tool check                             # exit 1 on anything untranslated

Texts are the string literals passed to `tr(...)`, `N_(...)` or, as Qt numerus messages, the plural of
`trn(singular, plural, n)` (see `playground.core.i18n`), plus the Learn topics. Qt's own `lupdate` would
give every class its own context, which `tr` (shared by the Qt-free core) cannot know, so the catalogue
is collected here with Python's `ast`; the file written is an ordinary `.ts` that Qt Linguist opens and
`lrelease` compiles. No Qt import: CI and the packaging script use it before anything starts.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from playground.core.i18n import CONTEXT

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
TRANSLATED_LOCALES = ("zh_CN",)
_MARKERS = {"tr", "trn", "N_"}
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}(?!\})")


def ts_path(locale: str, resources: Path | None = None) -> Path:
    from playground.core.files.resources import resources_dir
    return (resources or resources_dir()) / "i18n" / f"{CONTEXT}_{locale}.ts"


@dataclass
class Message:
    source: str
    translation: str = ""
    locations: list[tuple[str, int]] = field(default_factory=list)
    finished: bool = False
    numerus: bool = False  # a `trn` text: Qt picks the plural form for the count (%n)


@dataclass
class Problem:
    where: str
    text: str


# ----------------------------------------------------------------------------- collecting

def collect(package: Path = PACKAGE) -> tuple[dict[str, Message], list[Problem]]:
    """Every translatable text in the package, in order of first appearance, and misuses of `tr`."""
    found: dict[str, Message] = {}
    problems: list[Problem] = []

    def add(text: str, where: str, line: int, numerus: bool = False) -> None:
        message = found.setdefault(text, Message(text))
        message.locations.append((where, line))
        message.numerus = message.numerus or numerus

    for path in sorted(package.rglob("*.py")):
        if path.name == "i18n_tool.py" or path.name == "i18n.py" and path.parent.name == "core":
            continue
        where = path.relative_to(package.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _MARKERS):
                continue
            if not node.args:
                continue
            numerus = node.func.id == "trn"  # trn(singular, plural, n): the plural is the catalogue's key
            arg = node.args[1] if numerus and len(node.args) > 1 else node.args[0]
            if numerus and isinstance(arg, ast.Constant) and "%n" not in str(arg.value):
                problems.append(Problem(f"{where}:{node.lineno}", "trn() texts need Qt's %n for the count"))
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                add(arg.value, where, node.lineno, numerus)
            elif isinstance(arg, ast.JoinedStr) or (node.func.id == "N_"):
                problems.append(Problem(f"{where}:{node.lineno}", f"{node.func.id}() needs a plain string literal "
                                        "(an f-string cannot be looked up; use named placeholders and .format)"))
    from playground.core.explain.learn_topics import strings_to_translate
    for text in strings_to_translate():
        add(text, "playground/core/explain/learn_topics.py", 0)
    # The presets' titles and descriptions (resources/presets/*.json) are shown in menus and tool tips.
    for path in sorted((package.parent / "resources" / "presets").glob("*.json")):
        preset = json.loads(path.read_text(encoding="utf-8"))
        for key in ("title", "description"):
            if isinstance(preset.get(key), str) and preset[key]:
                add(preset[key], f"resources/presets/{path.name}", 0)
    return found, problems


# ----------------------------------------------------------------------------- .ts files

def read_ts(path: Path) -> dict[str, Message]:
    """source -> Message of a `.ts` file (every context; vanished messages included, unfinished)."""
    out: dict[str, Message] = {}
    if not path.exists():
        return out
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        kind = node.get("type", "") if node is not None else "unfinished"
        text = (node.text or "") if node is not None else ""
        numerus = message.get("numerus") == "yes"
        if numerus and node is not None:  # Chinese has one plural form; the first stands for all
            text = node.findtext("numerusform") or ""
        out[source] = Message(source, text, finished=kind == "" and bool(text), numerus=numerus)
    return out


def write_ts(path: Path, locale: str, messages: list[Message], vanished: list[Message]) -> None:
    root = ET.Element("TS", version="2.1", language=locale, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for message, kind in [(m, None) for m in messages] + [(m, "vanished") for m in vanished]:
        node = ET.SubElement(context, "message")
        if message.numerus:
            node.set("numerus", "yes")
        for where, line in message.locations:
            ET.SubElement(node, "location", filename=f"../../{where}", line=str(line))
        ET.SubElement(node, "source").text = message.source
        translation = ET.SubElement(node, "translation")
        if kind or not message.finished:
            translation.set("type", kind or "unfinished")
        if message.numerus:
            ET.SubElement(translation, "numerusform").text = message.translation
        else:
            translation.text = message.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(locale: str, parts: Sequence[Path] = (), resources: Path | None = None) -> tuple[int, int]:
    """Rewrite the locale's `.ts` from the code, keeping its translations and adding those of `parts`.

    Returns (texts, untranslated). Texts no longer in the code are kept as "vanished" (their
    translations may serve again), as Qt's lupdate does.
    """
    path = ts_path(locale, resources)
    known = read_ts(path)
    for part in parts:
        for source, text in json.loads(Path(part).read_text(encoding="utf-8")).items():
            if text:
                known[source] = Message(source, text, finished=True)
    found, _ = collect()
    messages = []
    for source, message in found.items():
        old = known.get(source)
        if old is not None:
            message.translation, message.finished = old.translation, old.finished
        messages.append(message)
    vanished = [m for s, m in known.items() if s not in found and m.translation]
    write_ts(path, locale, messages, vanished)
    return len(messages), sum(not m.finished for m in messages)


# ----------------------------------------------------------------------------- checking

def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def check(locale: str, resources: Path | None = None) -> list[Problem]:
    """What stops the locale from being complete: texts missing from the `.ts`, unfinished or empty
    translations, placeholders or rich-text tags that differ, misused `tr` calls."""
    found, problems = collect()
    catalogue = read_ts(ts_path(locale, resources))
    for source, message in found.items():
        where = "{}:{}".format(*message.locations[0])
        entry = catalogue.get(source)
        if entry is None:
            problems.append(Problem(where, f"not in the .ts (run `python -m playground.i18n_tool update`): {source!r}"))
        elif not entry.finished or not entry.translation.strip():
            problems.append(Problem(where, f"no {locale} translation: {source!r}"))
        else:
            if placeholders(entry.translation) != placeholders(source):
                problems.append(Problem(where, f"placeholders differ: {source!r} -> {entry.translation!r}"))
            if message.numerus and "%n" not in entry.translation:
                problems.append(Problem(where, f"the count (%n) is lost: {source!r} -> {entry.translation!r}"))
            tag = r"</?[a-z]+\d?\b"
            if sorted(re.findall(tag, source)) != sorted(re.findall(tag, entry.translation)):
                problems.append(Problem(where, f"rich-text tags differ: {source!r} -> {entry.translation!r}"))
            if source.count("&") - source.count("&&") == 1 and entry.translation.count("&") == 0:
                problems.append(Problem(
                    where, f"the keyboard accelerator (&) is lost: {source!r} -> {entry.translation!r}"))
    return problems


# ----------------------------------------------------------------------------- building

def lrelease_command() -> list[str]:
    """Qt's lrelease: the one PySide6 ships (PySide6-Essentials has it), else one on PATH."""
    try:
        import PySide6  # noqa: F401 - only to find the tool next to it; no Qt class is loaded
        folder = Path(PySide6.__file__).parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (folder / name).is_file():
                return [str(folder / name)]
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease-qt6", "lrelease"):
        found = shutil.which(name)
        if found:
            return [found]
    raise FileNotFoundError("Qt's lrelease was not found (it comes with PySide6-Essentials)")


def build_qm(ts: Path, qm: Path) -> Path:
    """Compile one `.ts` into `qm`; raises RuntimeError with lrelease's words when it fails."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([*lrelease_command(), "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True)
    if result.returncode != 0 or not qm.exists():
        raise RuntimeError(f"lrelease failed on {ts.name}: {(result.stderr or result.stdout).strip()}")
    return qm


def build(resources: Path | None = None) -> list[Path]:
    return [build_qm(ts_path(locale, resources), ts_path(locale, resources).with_suffix(".qm"))
            for locale in TRANSLATED_LOCALES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m playground.i18n_tool", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("update", help="collect the texts into the .ts files")
    up.add_argument("--merge", nargs="*", default=[], type=Path, help="JSON files {source: translation} to take in")
    sub.add_parser("build", help="compile the .ts files into .qm files")
    sub.add_parser("check", help="list what is untranslated; exit 1 if anything is")
    miss = sub.add_parser("missing", help="texts of some files that JSON parts do not translate yet")
    miss.add_argument("--files", nargs="+", required=True, help="paths like playground/ui/workspaces/inside/canvas.py")
    miss.add_argument("--parts", nargs="*", default=[], type=Path)
    args = parser.parse_args(argv)
    if args.command == "missing":
        parts: dict[str, str] = {}
        for part in args.parts:
            parts.update(json.loads(Path(part).read_text(encoding="utf-8")))
        found, problems = collect()
        wanted = {Path(f).as_posix() for f in args.files}
        count = 0
        for source, message in found.items():
            where = [f"{w}:{line}" for w, line in message.locations if w in wanted]
            if where and not parts.get(source, "").strip():
                print(f"{where[0]}: {source!r}")
                count += 1
            elif where and placeholders(parts[source]) != placeholders(source):
                print(f"{where[0]}: placeholders differ: {source!r} -> {parts[source]!r}")
                count += 1
        for problem in problems:
            if problem.where.split(":")[0] in wanted:
                print(f"{problem.where}: {problem.text}")
                count += 1
        print(f"{count} problem(s)", file=sys.stderr)
        return 1 if count else 0
    if args.command == "update":
        for locale in TRANSLATED_LOCALES:
            total, missing = update(locale, args.merge)
            print(f"{ts_path(locale)}: {total} texts, {missing} untranslated")
    elif args.command == "build":
        for qm in build():
            print(f"wrote {qm}")
    else:
        problems = [p for locale in TRANSLATED_LOCALES for p in check(locale)]
        for problem in problems:
            print(f"{problem.where}: {problem.text}")
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

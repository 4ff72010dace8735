"""The translation catalogue: every text the app shows has a finished zh_CN translation in the `.ts`.

Fails when a new `tr("...")` text was added without running `python -m playground.i18n_tool update`
and translating it, when a translation lost a placeholder, a rich-text tag or its accelerator, or
when a `tr()` gets an f-string (which could never be looked up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground import i18n_tool
from playground.core import i18n
from playground.core.explain.learn_topics import strings_to_translate


def test_every_text_has_a_finished_chinese_translation():
    problems = i18n_tool.check("zh_CN")
    assert not problems, f"{len(problems)} untranslated or broken text(s):\n" + "\n".join(
        f"{p.where}: {p.text}" for p in problems[:40])


def test_the_catalogue_holds_the_texts_of_every_part_of_the_app():
    found, _ = i18n_tool.collect()
    files = {where.split("/")[-1] for message in found.values() for where, _ in message.locations}
    # A sample of the panels and the core modules whose messages reach the user.
    for name in ("main_window.py", "layer_editor.py", "inside_panel.py", "matrix_panel.py", "playground_panel.py",
                 "learning_panel.py", "runs_panel.py", "shape_inference.py", "datasets.py", "learn_topics.py"):
        assert name in files, f"no translatable text found in {name}"
    assert set(strings_to_translate()) <= set(found)
    assert len(found) > 1000


def test_misused_tr_calls_are_reported(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "view.py").write_text(
        "from playground.core.i18n import N_, tr\n"
        "name = 'x'\n"
        "a = tr(f'Hello {name}')\n"       # an f-string cannot be looked up
        "b = N_(name)\n"                  # N_ only marks literals
        "c = tr('Fine {name}').format(name=name)\n"
        "d = tr(name)\n",                 # a variable is translated at run time: fine
        encoding="utf-8")
    (tmp_path / "resources" / "presets").mkdir(parents=True)
    found, problems = i18n_tool.collect(package)
    assert "Fine {name}" in found
    assert [p.where for p in problems] == ["pkg/view.py:3", "pkg/view.py:4"]


def test_placeholders_are_compared_by_name():
    assert i18n_tool.placeholders("Epoch {epoch} of {epochs}: {loss:.3f} {{literal}}") == {"epoch", "epochs", "loss"}
    assert i18n_tool.placeholders("第 {epoch} 轮") != i18n_tool.placeholders("Epoch {epoch} of {epochs}")


def test_update_keeps_translations_takes_parts_and_marks_new_texts_unfinished(tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    some = next(iter(i18n_tool.collect()[0]))
    part = tmp_path / "part.json"
    part.write_text(json.dumps({some: "某个译文"}, ensure_ascii=False), encoding="utf-8")
    total, missing = i18n_tool.update("zh_CN", [part], resources)
    catalogue = i18n_tool.read_ts(i18n_tool.ts_path("zh_CN", resources))
    assert len(catalogue) == total and missing == total - 1
    assert catalogue[some].translation == "某个译文" and catalogue[some].finished
    # A second update without parts keeps what was translated.
    i18n_tool.update("zh_CN", [], resources)
    assert i18n_tool.read_ts(i18n_tool.ts_path("zh_CN", resources))[some].finished


def test_lrelease_builds_a_qm_from_the_shipped_ts(tmp_path):
    qm = i18n_tool.build_qm(i18n_tool.ts_path("zh_CN"), tmp_path / "out.qm")
    assert qm.stat().st_size > 10_000  # the whole catalogue, not an empty file


def test_without_a_translator_tr_returns_english_and_the_core_stays_free_of_qt():
    i18n.set_translator(None)
    assert i18n.tr("Train") == "Train"
    source = Path(i18n.__file__).read_text(encoding="utf-8") + Path(i18n_tool.__file__).read_text(encoding="utf-8")
    assert "PySide6.Qt" not in source and "from PySide6" not in source


@pytest.mark.parametrize("locale", i18n_tool.TRANSLATED_LOCALES)
def test_the_ts_is_valid_qt_linguist_xml(locale):
    text = i18n_tool.ts_path(locale).read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>')
    assert f'language="{locale}"' in text and 'sourcelanguage="en"' in text

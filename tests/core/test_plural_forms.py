"""Counts in messages take their plural form (issue 17): `trn` and the catalogue's numerus messages."""

from pathlib import Path

import pytest

from playground import i18n_tool
from playground.core import i18n
from playground.core.i18n import trn


@pytest.fixture
def english():
    i18n.set_translator(None)
    yield
    i18n.set_translator(None)


@pytest.mark.parametrize(("n", "expected"), [(0, "Finished: 0 epochs"), (1, "Finished: 1 epoch"),
                                             (2, "Finished: 2 epochs"), (21, "Finished: 21 epochs")])
def test_english_picks_the_form_for_the_count(english, n, expected):
    assert trn("Finished: %n epoch", "Finished: %n epochs", n) == expected


def test_a_translation_is_looked_up_by_the_plural_with_the_count(english):
    asked = []

    def translate_count(text: str, n: int) -> str:
        asked.append((text, n))
        return "已完成：" + str(n) + " 轮" if text == "Finished: %n epochs" else text.replace("%n", str(n))

    i18n.set_translator(lambda text: text, translate_count)
    assert trn("Finished: %n epoch", "Finished: %n epochs", 1) == "已完成：1 轮"
    # Qt answers a text it has no translation for with the source, %n filled in: English forms then.
    assert trn("%n run", "%n runs", 1) == "1 run"
    assert asked == [("Finished: %n epochs", 1), ("%n runs", 1)]


def test_the_catalogue_holds_the_plurals_as_numerus_messages():
    found, problems = i18n_tool.collect()
    assert not [p for p in problems if "trn" in p.text]
    numerus = {source for source, message in found.items() if message.numerus}
    assert "Finished: %n epochs, {steps:,} steps" in numerus
    assert "Finished: %n epoch, {steps:,} steps" not in found  # the singular is English only
    catalogue = i18n_tool.read_ts(i18n_tool.ts_path("zh_CN"))
    for source in numerus:
        assert catalogue[source].numerus, source
        assert "%n" in catalogue[source].translation, source


def test_a_numerus_text_without_the_count_is_a_problem(tmp_path: Path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text('from playground.core.i18n import trn\nx = trn("one run", "many runs", 2)\n')
    _, problems = i18n_tool.collect(package)
    assert any("%n" in p.text for p in problems)

"""English and 简体中文: Preferences ▸ Language re-translates the open window in place, loses nothing,
and leaves no English behind (technical names aside: tests/ui/i18n_coverage.py)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import replace

import numpy as np
import pytest
from i18n_coverage import shown_texts, untranslated
from PySide6.QtWidgets import QApplication
from window_helpers import train

from playground.core import i18n
from playground.core.files.resources import resources_dir
from playground.ui.shell import i18n as ui_i18n
from playground.ui.shell.i18n import (
    apply_language,
    catalogue_sources,
    current_language,
    qm_file,
    retranslate_windows,
    sources_by_shown_text,
)

_CJK = re.compile(r"[\u3400-\u9fff]")
LANGUAGE_NAMES_IN_THEIR_OWN_WORDS = {"简体中文"}


@pytest.fixture(autouse=True)
def back_to_english(qapp):
    yield
    apply_language(qapp, "en")


def _report(found: list[tuple[str, str]]) -> str:
    listed = "\n".join(f"  {where}: {text[:120]!r}" for where, text in found[:40])
    return f"{len(found)} English text(s) left:\n" + listed


def _chinese_left(window) -> list[tuple[str, str]]:
    return [(where, text) for where, text in shown_texts(window)
            if _CJK.search(text) and text not in LANGUAGE_NAMES_IN_THEIR_OWN_WORDS]


def _weights(window) -> dict[str, np.ndarray]:
    return {k: v.detach().cpu().clone().numpy() for k, v in window.worker.trainer.model.state_dict().items()}


def test_switching_a_trained_window_to_chinese_and_back_loses_nothing(qtbot, make_window):
    window = make_window()
    train(qtbot, window, epochs=0.25)
    spec, weights = window.spec.to_json(), _weights(window)
    rows, view = window.epoch_table.rowCount(), window.workspaces.current_view_key()
    english_train = window.run_actions.train.text()

    # What an English window shows once every owner has re-said its texts (some were built before the
    # data arrived), without the status bar's passing message (a switch takes it down).
    retranslate_windows(sources_by_shown_text(catalogue_sources()))
    window.statusBar().clearMessage()
    before = Counter(text for _, text in shown_texts(window))

    window.preferences.apply(replace(window.preferences.current, language="zh_CN"))
    assert current_language() == "zh_CN"
    left = untranslated(window)
    assert not left, _report(left)
    assert window.spec.to_json() == spec and window.workspaces.current_view_key() == view
    for name, value in _weights(window).items():
        np.testing.assert_array_equal(value, weights[name])
    assert window.epoch_table.rowCount() == rows

    # Straight back: every text exactly as it was (also where two English texts share a translation).
    window.preferences.apply(replace(window.preferences.current, language="en"))
    after = Counter(text for _, text in shown_texts(window))
    assert after == before, f"lost: {list((before - after).items())[:10]}; new: {list((after - before).items())[:10]}"
    window.preferences.apply(replace(window.preferences.current, language="zh_CN"))

    # Training goes on in Chinese, and its live texts (status, plots) are Chinese too.
    train(qtbot, window, epochs=0.1)
    left = untranslated(window)
    assert not left, _report(left)

    window.preferences.apply(replace(window.preferences.current, language="en"))
    assert current_language() == "en"
    chinese = _chinese_left(window)
    assert not chinese, f"Chinese left after switching back: {chinese[:20]}"
    assert window.run_actions.train.text() == english_train


def test_a_window_opened_in_chinese_has_no_english_left(qtbot, qapp, make_window):
    assert apply_language(qapp, "zh_CN")
    window = make_window()
    window.workspaces.set_learn_open(True)  # Learn's side tab too
    left = untranslated(window)
    assert not left, _report(left)
    # and back to English, though this window never showed an English text to remember
    assert apply_language(qapp, "en")
    chinese = _chinese_left(window)
    assert not chinese, f"Chinese left after switching to English: {chinese[:20]}"


def test_the_preferences_dialog_and_the_tour_speak_chinese(qtbot, qapp, make_window):
    assert apply_language(qapp, "zh_CN")
    window = make_window()
    dialog = window.comfort.open_preferences()
    left = untranslated(dialog)
    assert not left, _report(left)
    assert dialog.language.findText("简体中文") >= 0 and dialog.language.findText("English") >= 0
    dialog.reject()
    tour = window.comfort.start_tour()
    left = untranslated(tour)
    assert not left, _report(left)
    tour.skip()


def test_chinese_strings_come_from_the_qm_through_qt(qapp):
    assert apply_language(qapp, "zh_CN")
    assert i18n.tr("Layers and the W^[i] notation") != "Layers and the W^[i] notation"
    assert _CJK.search(i18n.tr("Layers and the W^[i] notation"))
    assert apply_language(qapp, "en")
    assert i18n.tr("Layers and the W^[i] notation") == "Layers and the W^[i] notation"


def test_a_checkout_without_a_built_qm_compiles_one_into_the_cache(qapp, tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "i18n").mkdir(parents=True)
    shutil.copy(resources_dir() / "i18n" / "nn_playground_zh_CN.ts", resources / "i18n")
    monkeypatch.setenv("NN_PLAYGROUND_RESOURCES", str(resources))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    path = qm_file("zh_CN")
    assert path.exists() and not path.is_relative_to(resources)
    assert apply_language(qapp, "zh_CN")
    assert _CJK.search(i18n.tr("Layers and the W^[i] notation"))


def test_a_broken_translation_leaves_english_with_the_reason(qapp, tmp_path, monkeypatch):
    resources = tmp_path / "resources"
    (resources / "i18n").mkdir(parents=True)
    (resources / "i18n" / "nn_playground_zh_CN.ts").write_text("<TS><context><message>", encoding="utf-8")
    monkeypatch.setenv("NN_PLAYGROUND_RESOURCES", str(resources))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(ui_i18n._Installed, "sources", [])
    assert not apply_language(qapp, "zh_CN")
    assert current_language() == "en" and "lrelease" in (ui_i18n.last_error() or "")
    assert QApplication.instance() is qapp


def test_the_screenshot_command_renders_chinese_and_finds_tabs_by_their_english_title(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from playground.ui.shell.app import render_screenshot

    path = tmp_path / "zh.png"
    render_screenshot(path, language="zh_CN", tab="Diagram")
    assert not QImage(str(path)).isNull()

"""Hostile files through the window: Data ▸ Import CSV…, Data ▸ Import Image Folder… and the Draw tab's
Load image… each say what is wrong with the file, by name, and nothing open changes — the data set, the
network and the canvas stay as they were, and no warning is printed on the way."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog
from window_helpers import SavePaths

IMPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def window(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.draw_panel is not None, timeout=IMPORT_TIMEOUT_MS)
    return window


@pytest.fixture
def no_warnings():
    """Fails the test on any warning raised meanwhile (also on the import's thread: the filters are global)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    assert not [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


def snapshot(window) -> tuple:
    """What must not change: the data set, its name in the status bar, the network."""
    return window.worker.data, window.status.dataset.text(), window.spec.to_json()


def refused(qtbot, dialog) -> str:
    """Start the import and wait for its end; the dialog must stay open with the problem shown."""
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result_data is not None or dialog.notice.isVisible(), timeout=IMPORT_TIMEOUT_MS)
    assert dialog.isVisible() and dialog.result_data is None
    assert dialog.import_button.isEnabled()  # fix the file or a choice, try again
    text = dialog.notice.plain_text
    dialog.reject()
    return text


HOSTILE_CSVS = {
    "header.csv": (b"a,b,label\n", "header.csv: the header is there but no data rows follow"),
    "one.csv": (b"a,b,price\n1,2,0.5\n", "one.csv: 1 row(s) are too few to train and test on"),
    "three.csv": (b"a,b,label\n1,2,x\n3,4,y\n5,6,x\n", "three.csv: 3 row(s) are too few"),
    "same.csv": (b"a,b,label\n1,2,x\n3,4,x\n5,6,x\n7,8,x\n", "same.csv: every row has the same 'label'"),
    "nul.csv": (b"a,b,label\n1,\x002,x\n", "nul.csv: contains NUL bytes"),
    "latin.csv": (b"a,b,label\n1,2,caf\xe9\n", "latin.csv: not UTF-8 text (byte 17)"),
    "huge.csv": (b"a,b,price\n1,2,0.5\n3,1e39,1.5\n", "huge.csv, row 3, column 'b': 1e39 is not a finite number"),
    "wide.csv": (b"a,b,label\n1,2,x\n" + b"1," * 600_000 + b"x\n", "wide.csv, line 3"),
}


def test_hostile_csvs_are_named_and_nothing_changes(qtbot, window, tmp_path, monkeypatch, no_warnings):
    before = snapshot(window)
    for name, (data, words) in HOSTILE_CSVS.items():
        path = tmp_path / name
        path.write_bytes(data)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", SavePaths(path))
        window.data_actions.import_csv_action.trigger()  # Data ▸ Import CSV…
        dialog = window.data_actions.dialog
        assert dialog is not None and dialog.path == path
        text = refused(qtbot, dialog)
        assert words in text, (name, text)
        assert "Traceback" not in text and "Error:" not in text
    assert snapshot(window) == before and window.status.dataset.text() == "Data: MNIST"


def image_folder(root: Path, per_class: int = 3) -> Path:
    rng = np.random.default_rng(0)
    for k, name in enumerate(("dark", "light")):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            np.save(root / name / f"{i}.npy", np.clip(60 + 120 * k + rng.integers(-9, 9, (12, 12)), 0, 255)
                    .astype(np.uint8))
    return root


HOSTILE_ARRAYS = {
    "timedelta": (np.zeros((12, 12), "m8[s]"), "holds timedelta64[s], not numbers"),
    "complex": (np.ones((12, 12), complex), "holds complex128, not numbers"),
    "1e308": (np.full((12, 12), 1e308), "values as large as 1e+308"),
    "NaN": (np.full((12, 12), np.nan), "NaN or infinite"),
    "4-d": (np.zeros((1, 12, 12, 1)), "not an image"),
    "empty": (np.zeros((0, 12)), "no pixels"),
}


@pytest.mark.parametrize("colour", ["gray", "rgb"])
def test_hostile_images_in_a_folder_are_named_and_nothing_changes(qtbot, window, tmp_path, colour, no_warnings):
    before = snapshot(window)
    for kind, (array, words) in HOSTILE_ARRAYS.items():
        folder = image_folder(tmp_path / kind)
        np.save(folder / "light" / "zz.npy", array)
        dialog = window.data_actions.import_folder(folder)
        dialog.colour.setCurrentIndex(dialog.colour.findData(colour))
        text = refused(qtbot, dialog)
        assert "light/zz.npy" in text and words in text, (kind, text)
    assert snapshot(window) == before


def test_folders_with_nothing_to_split_are_named(qtbot, window, tmp_path, no_warnings):
    before = snapshot(window)
    single = image_folder(tmp_path / "single", per_class=1)  # one image a class: no test part
    assert "single: 2 image(s) are too few to split" in refused(qtbot, window.data_actions.import_folder(single))
    broken = image_folder(tmp_path / "broken", per_class=2)
    for path in (broken / "light").iterdir():
        np.save(path, np.zeros((4, 4), "M8[D]"))
    dialog = window.data_actions.import_folder(broken)
    dialog.skip.setChecked(True)  # skipping every light image leaves one class
    assert "broken: fewer than two classes have readable images" in refused(qtbot, dialog)
    assert snapshot(window) == before


@pytest.mark.parametrize("kind", list(HOSTILE_ARRAYS))
def test_draw_load_image_names_a_hostile_array_and_keeps_the_canvas(qtbot, window, tmp_path, monkeypatch, kind,
                                                                    no_warnings):
    panel = window.draw_panel
    digit = np.zeros((28, 28), np.uint8)
    digit[6:22, 12:16] = 255
    np.save(tmp_path / "one.npy", digit)
    array, words = HOSTILE_ARRAYS[kind]
    bad = tmp_path / f"{kind}.npy"
    np.save(bad, array)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", SavePaths(tmp_path / "one.npy", bad))
    panel.load_button.click()  # Draw ▸ Load image…: a good one first
    assert panel.message_bar.isHidden() and not panel.canvas.is_empty()
    shown, before = panel.canvas.image().copy(), snapshot(window)
    panel.load_button.click()  # then the hostile one
    assert not panel.message_bar.isHidden() and panel.message_bar.level == "error"
    assert str(bad) in panel.message_bar.text and words in panel.message_bar.text
    assert np.array_equal(panel.canvas.image(), shown) and "one.npy" in panel.source_label.text()
    assert snapshot(window) == before

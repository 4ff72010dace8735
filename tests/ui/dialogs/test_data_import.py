"""Data ▸ Import CSV… / Import Image Folder… / Back to MNIST in the window: the dialogs (preview, choices,
the broken row or file named), the one-click network adaptation, training on the imported data with the
task's scores (R² for regression), the status bar naming the data, projects that bring their data back,
and fuzzed files that never crash the import."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import Answers, Button, SavePaths, train, wait_for_trainer_spec

from playground.core.data.data_import import DataSource
from playground.core.files.project_file import load_project
from playground.ui.dialogs.data_import import ImportedData, _preview, work_for_source

IMPORT_TIMEOUT_MS = 60_000


def write_regression_csv(path: Path, rows: int = 300, seed: int = 0, scale: float = 0.01) -> Path:
    """price = (3·area − 2·age + 50·rooms + noise) · scale, with features on very different scales."""
    rng = np.random.default_rng(seed)
    area = rng.uniform(30, 200, rows)
    age = rng.uniform(0, 80, rows)
    rooms = rng.integers(1, 7, rows)
    price = (3 * area - 2 * age + 50 * rooms + rng.normal(0, 5, rows)) * scale
    lines = ["area,age,rooms,price"] + [f"{a:.2f},{b:.1f},{c},{p:.3f}" for a, b, c, p in zip(area, age, rooms, price)]
    path.write_text("\n".join(lines) + "\n")
    return path


def import_csv(qtbot, window, path: Path, target: str | None = None, task: str | None = None):
    dialog = window.data_actions.import_csv(path)
    assert dialog is not None and dialog.isVisible()
    if target is not None:
        dialog.target.setCurrentText(target)
    if task is not None:
        dialog.task.setCurrentIndex(dialog.task.findData(task))
    dialog.import_button.click()
    return dialog


def wait_imported(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.result_data is not None or dialog.notice.isVisible(), timeout=IMPORT_TIMEOUT_MS)


def wait_for_data(qtbot, window, name: str) -> None:
    """Until the window has heard that the worker loaded `name` (its data_ready has arrived)."""
    qtbot.waitUntil(lambda: window.status.dataset.text() == f"Data: {name}", timeout=IMPORT_TIMEOUT_MS)


def test_a_csv_regression_adapts_the_network_trains_and_shows_r2(qtbot, make_window, tmp_path):
    window = make_window()
    path = write_regression_csv(tmp_path / "houses.csv")
    dialog = import_csv(qtbot, window, path, target="price", task="regression")
    assert dialog.preview.rowCount() == 8 and dialog.preview.horizontalHeaderItem(3).text() == "price"
    assert dialog.preview.item(0, 3).text() and dialog.standardise.isChecked()
    wait_imported(qtbot, dialog)
    assert dialog.result_data is not None and not dialog.isVisible()
    wait_for_data(qtbot, window, "houses.csv")

    # The data is named in the panel and the status bar; only regression is offered; the network doesn't fit yet.
    assert window.status.dataset.text() == "Data: houses.csv"
    assert "houses.csv: 3 features, regression · 240 training, 60 test rows" in window.panel.data.text()
    assert "Back to MNIST" in window.panel.data.text()
    settings_ = window.panel.task_settings
    assert settings_.offered_tasks() == ["regression"] and settings_.task_key == "regression"
    assert not window.run_actions.train.isEnabled()
    assert "The network takes 1×28×28 inputs but houses.csv has rows of 3" in settings_.head_notice.plain_text
    bar = window.setup_message
    assert bar.isVisible() and bar.action_button.text() == "Adapt the network: input 3, output Linear(1)"
    assert not window.training_message.isVisible()  # no error bar repeating what the panel says
    window.grab().save(str(png("csv_imported")))

    bar.action_button.click()  # one click: input 3, Flatten removed, Linear(1) out
    spec = window.editor.spec()
    assert spec.input_shape == (3,) and [layer.describe() for layer in spec.layers][-1] == "Linear(1)"
    assert window.run_actions.train.isEnabled() and settings_.head_notice.isHidden()
    wait_for_trainer_spec(qtbot, window, window.spec)

    window.panel.learning_rate.setValue(0.01)
    train(qtbot, window, epochs=5, batch_size=32)
    assert window.document.epoch_rows, (window.training_message.text, window.panel.summary.text())
    row = window.document.epoch_rows[-1]
    assert "test_accuracy" not in row and row["test_r2"] > 0.8, row
    assert window.epoch_table.headings()[:5] == ["Epoch", "Train loss", "Test loss", "Test R²", "Test MAE"]
    assert window.epoch_table.item(4, 3).text() == f"{row['test_r2']:.4f}"
    x, y = window.plots.epoch_points("test_r2")
    assert x == [1, 2, 3, 4, 5] and y[-1] == pytest.approx(row["test_r2"])
    assert window.plots.accuracy_plot.titleLabel.text.startswith("R²")
    assert window.plots.loss_plot.getAxis("left").labelText == "mean squared error"
    assert "Test R²" in window.panel.summary.text() and "test R²" in window.status.bar.currentMessage()
    assert not window.draw_panel.random_button.isEnabled()  # the digit tabs stand aside for a table
    window.grab().save(str(png("csv_regression_trained")))


def test_a_broken_csv_row_is_named_and_nothing_changes(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "broken.csv"
    path.write_text("a,b,label\n1,2,x\n3,4,y\n5,abc,x\n7,8,y\n")
    dialog = import_csv(qtbot, window, path)
    wait_imported(qtbot, dialog)
    assert dialog.isVisible() and dialog.result_data is None
    assert "broken.csv, row 4, column 'b': 'abc' is not a number." in dialog.notice.plain_text
    assert dialog.import_button.isEnabled() and dialog.target.isEnabled()  # fix the file, try again
    assert dialog.preview.currentRow() == 2 and dialog.preview.currentColumn() == 1  # the cell is pointed at
    assert dialog.preview.item(2, 1).text() == "abc"
    dialog.grab().save(str(png("csv_broken_row")))
    assert window.worker.data.train.name == "MNIST" and window.status.dataset.text() == "Data: MNIST"
    dialog.reject()


def test_a_csv_classification_then_back_to_mnist_in_one_click(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    rng = np.random.default_rng(0)
    points = rng.normal(0, 1, (200, 2))
    labels = np.where(points[:, 0] + points[:, 1] > 0, "blue", "red")
    path = tmp_path / "dots.csv"
    path.write_text("x;y;colour\n" + "\n".join(f"{a:.3f};{b:.3f};{c}" for (a, b), c in zip(points, labels)))
    dialog = import_csv(qtbot, window, path)
    wait_imported(qtbot, dialog)
    wait_for_data(qtbot, window, "dots.csv")
    settings_ = window.panel.task_settings
    assert settings_.offered_tasks() == ["multiclass", "binary"]
    window.head_check.apply_fix()
    assert window.spec.input_shape == (2,) and window.spec.layers[-1].describe() == "Linear(2)"
    settings_.task.setCurrentIndex(settings_.task.findData("binary"))
    assert settings_.fix_button.text() == "Make the output Linear(1) + Sigmoid"
    settings_.fix_button.click()
    wait_for_trainer_spec(qtbot, window, window.spec)
    window.panel.learning_rate.setValue(0.01)
    train(qtbot, window, epochs=5, batch_size=16)
    assert window.document.epoch_rows[-1]["test_accuracy"] > 0.85

    monkey = Answers(Button.Yes)  # trained weights: switching asks first
    monkeypatch.setattr(QMessageBox, "question", monkey)
    window.panel.data.linkActivated.emit("mnist")  # the panel's "Back to MNIST" link
    assert "Switch the data?" in monkey.asked[0]
    wait_for_data(qtbot, window, "MNIST")
    assert settings_.task_key == "multiclass" and settings_.offered_tasks() == ["multiclass", "multilabel"]
    assert window.status.dataset.text() == "Data: MNIST" and "Back to MNIST" not in window.panel.data.text()
    assert window.setup_message.action_button.text() == "Adapt the network: input 1×28×28, output Linear(10)"
    window.setup_message.action_button.click()
    assert window.spec.input_shape == (1, 28, 28) and window.run_actions.train.isEnabled()
    assert window.spec.layers[0].type == "Flatten"
    assert not window.data_actions.mnist_action.isEnabled()


def write_png(path: Path, pixels: np.ndarray) -> None:
    h, w = pixels.shape
    image = QImage(np.ascontiguousarray(pixels, dtype=np.uint8).data, w, h, w, QImage.Format.Format_Grayscale8)
    assert image.copy().save(str(path))


def make_image_folder(root: Path, per_class: int = 12) -> Path:
    """Bright squares vs dark rings, 40×36 pixels, as PNG files."""
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[:36, :40]
    for name, brightness in (("squares", 220), ("rings", 90)):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            img = rng.integers(0, 30, (36, 40))
            if name == "squares":
                img[8:28, 10:30] = brightness
            else:
                img[np.abs(np.hypot(yy - 18, xx - 20) - 11) < 3] = brightness
            write_png(root / name / f"{i:02d}.png", img)
    return root


def test_an_image_folder_names_the_corrupt_file_then_imports_and_trains(qtbot, make_window, tmp_path):
    window = make_window()
    folder = make_image_folder(tmp_path / "shapes")
    (folder / "rings" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (folder / "notes.txt").write_text("not an image")
    dialog = window.data_actions.import_folder(folder)
    summary = dialog.summary.text()
    assert "25 images in 2 classes — rings (13), squares (12)" in summary and "1 other file(s)" in summary
    dialog.import_button.click()
    wait_imported(qtbot, dialog)
    assert dialog.isVisible() and "rings/broken.png" in dialog.notice.plain_text
    dialog.grab().save(str(png("folder_corrupt_file")))

    dialog.skip.setChecked(True)
    dialog.side.setValue(20)
    dialog.import_button.click()
    wait_imported(qtbot, dialog)
    assert dialog.result_data is not None
    wait_for_data(qtbot, window, "shapes")
    data = window.worker.data
    assert data.train.image_shape == (1, 20, 20) and data.train.classes == ("rings", "squares")
    assert len(data.train) + len(data.test) == 24
    assert "1 unreadable image(s) left out: rings/broken.png" in window.setup_message.text
    assert window.panel.task_settings.offered_tasks() == ["multiclass", "binary"]
    window.setup_message.action_button.click()
    assert window.spec.input_shape == (1, 20, 20) and window.spec.layers[-1].describe() == "Linear(2)"
    wait_for_trainer_spec(qtbot, window, window.spec)
    train(qtbot, window, epochs=3, batch_size=8)
    assert window.document.epoch_rows[-1]["test_accuracy"] >= 0.8
    assert window.status.dataset.text() == "Data: shapes"


def test_a_project_brings_its_csv_back_with_its_weights(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    path = write_regression_csv(tmp_path / "prices.csv", rows=120)
    dialog = import_csv(qtbot, window, path, target="price", task="regression")
    wait_imported(qtbot, dialog)
    wait_for_data(qtbot, window, "prices.csv")
    window.head_check.apply_fix()
    wait_for_trainer_spec(qtbot, window, window.spec)
    train(qtbot, window, epochs=2, batch_size=32)
    weights = window.worker.trainer.state_snapshot()
    project_path = tmp_path / "prices.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(project_path))
    assert window.project_actions.save_as()
    saved = load_project(project_path)
    assert saved.extra["data_source"]["kind"] == "csv" and saved.training.task == "regression"
    window.close_discarding()

    again = make_window()
    loaded = []
    again.worker.project_loaded.connect(loaded.append)
    assert again.project_actions.open_path(project_path)
    qtbot.waitUntil(lambda: bool(loaded), timeout=IMPORT_TIMEOUT_MS)  # (recorded in the worker's thread)
    qtbot.waitUntil(lambda: again.epoch_table.rowCount() == 2, timeout=IMPORT_TIMEOUT_MS)  # the window has it
    assert again.worker.data.train.name == "prices.csv" and again.status.dataset.text() == "Data: prices.csv"
    trainer = again.worker.trainer
    assert trainer.global_step == window_steps(120) and trainer.config.task == "regression"
    restored = trainer.state_snapshot()
    assert all(np.array_equal(restored[k], weights[k]) for k in weights)
    assert again.epoch_table.rowCount() == 2 and "Test R²" in again.epoch_table.headings()
    assert again.run_actions.train.isEnabled()


def test_targets_in_the_hundreds_train(qtbot, make_window, tmp_path):
    window = make_window()
    path = write_regression_csv(tmp_path / "big.csv", scale=1.0)  # prices 100…700: the first MSE ≈ 1e5
    dialog = import_csv(qtbot, window, path, target="price", task="regression")
    wait_imported(qtbot, dialog)
    wait_for_data(qtbot, window, "big.csv")
    window.head_check.apply_fix()
    wait_for_trainer_spec(qtbot, window, window.spec)
    train(qtbot, window, epochs=1, batch_size=32)
    assert window.document.epoch_rows, window.training_message.text


def window_steps(rows: int, epochs: int = 2, batch: int = 32) -> int:
    train_rows = rows - round(rows * 0.2)
    return epochs * -(-train_rows // batch)


# ----- fuzzing the import paths: any file gives data or a message, never a crash ------------------------------

@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("0123456789.,;\t\n-eE abcxyé\"'")), max_size=400),
       task=st.sampled_from(["auto", "classification", "regression"]), standardise=st.booleans())
def test_fuzzed_csv_files_import_or_say_why(tmp_path_factory, text, task, standardise):
    path = tmp_path_factory.mktemp("csv") / "fuzz.csv"
    path.write_text(text, encoding="utf-8")
    _preview(path)  # the dialog's preview never raises
    work = work_for_source(DataSource("csv", str(path), {"task": task, "standardise": standardise}))
    try:
        result = work(lambda done, total: True)
    except ValueError as exc:
        assert str(exc)
        return
    assert isinstance(result, ImportedData) and len(result.splits.train) >= 1 and len(result.splits.test) >= 1
    assert np.isfinite(result.splits.train.x).all()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".png", ".jpg", ".bmp", ".gif", ".npy", ".pgm"]),
       header=st.sampled_from([b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe0", b"BM", b"GIF89a", b"P5 4 4 255\n"]))
def test_random_bytes_as_images_in_a_folder_never_crash(tmp_path_factory, qapp, data, suffix, header):
    root = tmp_path_factory.mktemp("folder")
    for name in ("a", "b"):
        (root / name).mkdir()
        for i in range(2):
            write_png(root / name / f"{i}.png", np.full((6, 6), 50 if name == "a" else 200))
    (root / "b" / f"zz{suffix}").write_bytes(header + data)
    work = work_for_source(DataSource("folder", str(root), {"size": 8}))
    try:
        result = work(lambda done, total: True)
    except ValueError as exc:
        assert "zz" in str(exc)
    else:
        assert result.splits.train.images.shape[1:] == (8, 8)


def png(name: str) -> Path:
    import os

    folder = Path(os.environ.get("NN_PLAYGROUND_TEST_PNGS", "/tmp/nnp-test-pngs"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"


def write_rgb_png(path: Path, pixels: np.ndarray) -> None:
    h, w, _ = pixels.shape
    data = np.ascontiguousarray(pixels, dtype=np.uint8)
    image = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    assert image.copy().save(str(path))


def test_an_rgb_folder_imports_as_three_channels_and_the_network_adapts(qtbot, make_window, tmp_path):
    window = make_window()
    rng = np.random.default_rng(2)
    folder = tmp_path / "colours"
    for name, channel in (("red", 0), ("green", 1)):
        (folder / name).mkdir(parents=True)
        for i in range(8):
            img = rng.integers(0, 30, (18, 22, 3))
            img[..., channel] = 210
            write_rgb_png(folder / name / f"{i}.png", img)
    dialog = window.data_actions.import_folder(folder)
    model = dialog.colour.model()
    rgb_index = dialog.colour.findData("rgb")
    assert rgb_index >= 0 and model.item(rgb_index).isEnabled()
    assert "RGB" in dialog.colour.toolTip() and "3×H×W" in dialog.colour.toolTip()
    dialog.colour.setCurrentIndex(rgb_index)
    dialog.side.setValue(12)
    dialog.import_button.click()
    wait_imported(qtbot, dialog)
    assert dialog.result_data is not None
    wait_for_data(qtbot, window, "colours")
    data = window.worker.data
    assert data.train.images.shape[1:] == (3, 12, 12) and data.train.image_shape == (3, 12, 12)
    red = data.train.images[data.train.labels == data.train.classes.index("red")].astype(float).mean(axis=(0, 2, 3))
    assert red[0] > 150 and red[1] < 40  # the colour survived the decoder
    assert not window.data_actions.digit_images()  # Draw, Inside and Evaluation stay off for colour data
    window.setup_message.action_button.click()
    assert window.spec.input_shape == (3, 12, 12) and window.spec.layers[-1].describe() == "Linear(2)"
    wait_for_trainer_spec(qtbot, window, window.spec)
    train(qtbot, window, epochs=1, batch_size=4)
    assert np.isfinite(window.document.epoch_rows[-1]["test_accuracy"])
    # The choice is part of the data source, so a project reopens it in colour.
    assert window.data_actions.source.options.get("colour") == "rgb"


def test_the_data_menu_sits_before_the_training_menu(make_window):
    window = make_window()
    menus = [a.menu() for a in window.menuBar().actions()]
    training = next(i for i, m in enumerate(menus) if m is not None and window.run_actions.train in m.actions())
    # Data, then Runs (issue 19's Runs ▸ Export CSV…), then Training: the menus added by features go before it.
    assert menus.index(window.data_actions.menu) == training - 2
    assert menus[training - 1] is window.runs_menu.menu


def test_network_fit_errors_come_flagged_not_recognised_by_their_words(qtbot, make_window, record):
    """A network that does not fit the data reaches the window on the worker's `misfit` signal (the
    training panel shows it), in any language — never as an error message box text to be parsed."""
    from playground.core import i18n
    from playground.core.model.spec import ModelSpec

    window = make_window()
    misfits, errors = record(window.worker.misfit), record(window.worker.error)
    spec = ModelSpec.from_json({"name": "small", "input_shape": [1, 14, 14],
                                "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
    i18n.set_translator(lambda text: "«" + text)  # any language: nothing depends on the words
    try:
        window.worker.request_configure(spec, window.document.config())
        message, = misfits.wait(qtbot)
    finally:
        i18n.set_translator(None)
    assert message.startswith("«The network expects inputs of 1×14×14") and errors.calls == []
    assert not window.training_message.isVisible()

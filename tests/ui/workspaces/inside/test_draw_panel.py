"""The draw panel: live predictions through the inference thread, preview, bars, buttons."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from window_helpers import in_thread

from playground.core.data.preprocessing import prepare_digit, to_uint8
from playground.core.model.inference import class_probabilities
from playground.core.model.presets import load_preset
from playground.core.training.trainer import Trainer
from playground.ui.workers.inference_thread import DigitPrediction, InferenceThread
from playground.ui.workspaces.inside.draw_panel import BRUSH_KEY, DrawPanel

RESULT_TIMEOUT_MS = 30_000  # the first answer waits for the inference thread to import torch




@pytest.fixture(scope="module")
def trainer(small_data):
    """The cnn preset after one epoch on 2,000 digits: good enough to read plain digits."""
    preset = load_preset("cnn")
    config = preset.training
    config.epochs = 1
    trainer = in_thread(lambda: Trainer(preset.spec, config, small_data))
    in_thread(trainer.run)
    return trainer


def tolerance(trainer: Trainer) -> float:
    """The panel predicts on the CPU from a snapshot; a reference computed on a GPU rounds differently
    (cuDNN's convolutions use TF32 by default)."""
    return 1e-5 if trainer.device.type == "cpu" else 1e-3


def reference_probabilities(trainer: Trainer, image: np.ndarray) -> np.ndarray:
    cfg = trainer.config
    return in_thread(lambda: class_probabilities(trainer.model, prepare_digit(image)[None], cfg.normalize_mean,
                                                 cfg.normalize_std, trainer.lock)[0])


@pytest.fixture
def panel(qtbot):
    widget = DrawPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 420)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()
    assert not widget.inference.running


def with_model(panel: DrawPanel, trainer: Trainer) -> DrawPanel:
    cfg = trainer.config
    panel.set_model(trainer.spec, trainer.state_snapshot(), cfg.normalize_mean, cfg.normalize_std)
    return panel


def draw(canvas, points) -> None:
    rect = canvas.paper_rect()
    s = rect.width() / canvas.pixels()
    pts = [QPoint(round(rect.x() + x * s), round(rect.y() + y * s)) for x, y in points]
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pts[-1])


def draw_one(canvas) -> None:
    """A plain "1": one slightly slanted vertical stroke."""
    draw(canvas, [(150 - 0.1 * t, t) for t in np.linspace(50, 230, 30)])


def wait_for_answer(qtbot, panel: DrawPanel, record) -> DigitPrediction:
    """The answer for the canvas as it is now (earlier answers may still be on their way)."""
    recorder = record(panel.prediction_ready)
    results = record(panel.inference.result)  # before submitting: the answer may come within a millisecond
    wanted = panel.inference.submit(panel.canvas.image())
    qtbot.waitUntil(lambda: any(r[0]["request"] >= wanted for r in results.calls), timeout=RESULT_TIMEOUT_MS)
    qtbot.waitUntil(lambda: len(recorder.calls) >= 1, timeout=RESULT_TIMEOUT_MS)
    return panel.last_prediction


# --------------------------------------------------------------------------- showing answers

def test_empty_canvas_and_no_model_show_a_dash(panel, qtbot, record):
    assert panel.bars.headline() == "—" and panel.bars.probabilities is None
    draw_one(panel.canvas)
    prediction = wait_for_answer(qtbot, panel, record)
    assert prediction.probabilities is None and prediction.prediction is None
    assert panel.bars.headline() == "—" and "network" in panel.bars.reason.lower()
    assert prediction.image28.any()  # the preview works without a network


def test_preview_is_what_the_network_sees(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    draw(panel.canvas, [(110, 60), (150, 50)])  # a flag on top
    wait_for_answer(qtbot, panel, record)
    expected = to_uint8(prepare_digit(panel.canvas.image()))
    assert (panel.preview.image() == expected).all()
    assert (to_uint8(panel.current_image28()) == expected).all()


def test_top_guess_matches_the_core_for_a_drawn_digit(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    prediction = wait_for_answer(qtbot, panel, record)
    expected = reference_probabilities(trainer, panel.canvas.image())
    np.testing.assert_allclose(panel.bars.probabilities, expected, atol=tolerance(trainer))
    assert panel.bars.top_guess == prediction.prediction == int(expected.argmax()) == 1


def test_top_guess_matches_the_core_for_a_loaded_mnist_digit(panel, qtbot, record, trainer, small_data):
    with_model(panel, trainer)
    panel.set_dataset(small_data)
    index = 3
    panel.show_test_digit(index)
    assert panel.chosen_label() == small_data.test.labels[index]
    assert "labelled" in panel.source_label.text()
    wait_for_answer(qtbot, panel, record)
    expected = reference_probabilities(trainer, panel.canvas.image())
    np.testing.assert_allclose(panel.bars.probabilities, expected, atol=tolerance(trainer))
    assert panel.bars.top_guess == int(expected.argmax()) == small_data.test.labels[index]


def test_random_test_digit_needs_data(panel, small_data):
    assert not panel.random_button.isEnabled() and panel.show_random_test_digit() is None
    panel.set_dataset(small_data)
    assert panel.random_button.isEnabled()
    index = panel.show_random_test_digit()
    assert 0 <= index < len(small_data.test) and not panel.canvas.is_empty()


def test_clearing_shows_the_dash_again(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    assert wait_for_answer(qtbot, panel, record).prediction is not None
    panel.clear_button.click()
    prediction = wait_for_answer(qtbot, panel, record)
    assert prediction.prediction is None and panel.bars.headline() == "—"
    assert not panel.preview.image().any()


def test_new_weights_repredict_the_same_drawing(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    before = wait_for_answer(qtbot, panel, record).probabilities
    recorder = record(panel.prediction_ready)
    scaled = {k: (v * 0.5 if k.endswith("weight") else v) for k, v in trainer.state_snapshot().items()}
    panel.update_weights(scaled)  # no new drawing: the last one is predicted again
    qtbot.waitUntil(lambda: len(recorder.calls) >= 1, timeout=RESULT_TIMEOUT_MS)
    after = recorder.calls[-1][0].probabilities
    assert not np.allclose(before, after)


def test_weights_that_do_not_fit_are_explained(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    wait_for_answer(qtbot, panel, record)
    broken = dict(trainer.state_snapshot())
    broken.pop(next(iter(broken)))
    panel.update_weights(broken)
    qtbot.waitUntil(panel.message_bar.isVisible, timeout=RESULT_TIMEOUT_MS)
    assert "do not fit" in panel.message_bar.text
    prediction = wait_for_answer(qtbot, panel, record)
    assert prediction.prediction is None and panel.bars.headline() == "—"
    with_model(panel, trainer)  # a matching network brings the answers back
    assert wait_for_answer(qtbot, panel, record).prediction == 1


# --------------------------------------------------------------------------- the inference thread

def test_stale_requests_are_dropped(qtbot, record, trainer, small_data):
    inference = InferenceThread()
    results = record(inference.result)
    inference.start()
    try:
        cfg = trainer.config
        inference.set_model(trainer.spec, trainer.state_snapshot(), cfg.normalize_mean, cfg.normalize_std)
        inference.submit(np.zeros((28, 28)))
        qtbot.waitUntil(lambda: len(results.calls) == 1, timeout=RESULT_TIMEOUT_MS)  # torch loaded, network built
        # 50 requests at once (the first a large photo, slow to prepare, in case the thread takes
        # it before the others arrive): only the newest ones may be predicted.
        photo = np.full((3000, 3000), 255, dtype=np.uint8)
        photo[1000:2000, 1400:1600] = 0
        images = [photo] + [np.kron(img, np.ones((4, 4), dtype=np.uint8)) for img in small_data.test.images[:49]]
        for image in images:
            inference.submit(image)
        qtbot.waitUntil(lambda: any(r[0]["request"] == 51 for r in results.calls), timeout=RESULT_TIMEOUT_MS)
        qtbot.wait(100)
        flood = [r[0] for r in results.calls[1:]]
        assert inference.submitted == 51
        assert 1 <= len(flood) < 50, "every request was predicted: stale ones should have been dropped"
        last = flood[-1]
        assert last["request"] == 51 and last["status"] == "ok"
        np.testing.assert_array_equal(last["prediction"].image28, prepare_digit(images[-1]))
        np.testing.assert_allclose(last["prediction"].probabilities,
                                   reference_probabilities(trainer, images[-1]), atol=tolerance(trainer))
    finally:
        assert inference.shutdown()


def test_a_snapshot_being_taken_does_not_hold_up_predictions(qtbot, record, trainer):
    """Given `trainer.state_snapshot` itself, the snapshot (which waits for the trainer's lock)
    is taken on a helper thread; answers keep coming with the weights already there."""
    inference = InferenceThread()
    results = record(inference.result)
    inference.start()
    gate = threading.Event()
    state = trainer.state_snapshot()

    def slow_snapshot():  # as when the trainer is in the middle of a long evaluation
        gate.wait(30)
        return {k: v * 0.5 for k, v in state.items()}

    try:
        cfg = trainer.config
        inference.set_model(trainer.spec, state, cfg.normalize_mean, cfg.normalize_std)
        inference.update_weights(slow_snapshot)
        image = np.kron(np.eye(28, dtype=np.uint8) * 255, np.ones((4, 4), dtype=np.uint8))
        inference.submit(image)
        qtbot.waitUntil(lambda: len(results.calls) >= 1, timeout=RESULT_TIMEOUT_MS)
        first = results.calls[-1][0]
        assert first["status"] == "ok" and not gate.is_set()
        gate.set()
        qtbot.waitUntil(lambda: len(results.calls) >= 2, timeout=RESULT_TIMEOUT_MS)
        again = results.calls[-1][0]
        assert again["request"] == first["request"]  # the same drawing, through the new weights
        assert not np.allclose(again["prediction"].probabilities, first["prediction"].probabilities)
    finally:
        gate.set()
        assert inference.shutdown()


def test_a_flood_of_drawing_changes_ends_with_the_last_image(panel, qtbot, record, trainer, small_data):
    with_model(panel, trainer)
    wait_for_answer(qtbot, panel, record)  # the thread is up and the network built
    recorder = record(panel.prediction_ready)
    before = panel.inference.submitted
    for image in small_data.test.images[:50]:
        panel.canvas.set_image(image)
    assert panel.inference.submitted - before == 50
    last = prepare_digit(panel.canvas.image())
    qtbot.waitUntil(lambda: bool(recorder.calls) and np.array_equal(recorder.calls[-1][0].image28, last),
                    timeout=RESULT_TIMEOUT_MS)
    assert len(recorder.calls) <= 50


def test_the_inference_thread_leaves_other_threads_torch_settings_alone(qtbot, record):
    """torch.set_num_threads also sets a process-wide default that threads adopt on their first
    torch call: a training thread still loading its data must not end up on one core."""
    default = in_thread(torch.get_num_threads)
    ready, go, seen = threading.Event(), threading.Event(), {}

    def training_like():  # sets its count, then runs torch only later, like the training worker
        torch.set_num_threads(default)
        ready.set()
        go.wait(30)
        torch.ones(512, 512) @ torch.ones(512, 512)
        seen["threads"] = torch.get_num_threads()

    trainer_thread = threading.Thread(target=training_like)
    trainer_thread.start()
    ready.wait(30)
    inference = InferenceThread()
    results = record(inference.result)
    inference.start()
    try:
        inference.submit(np.zeros((28, 28)))
        qtbot.waitUntil(lambda: len(results.calls) == 1, timeout=RESULT_TIMEOUT_MS)  # it has set itself up
    finally:
        go.set()
        trainer_thread.join()
        assert inference.shutdown()
    assert seen["threads"] == default
    assert in_thread(torch.get_num_threads) == default


def test_predictions_keep_coming_while_a_trainer_trains(panel, qtbot, record, small_data):
    preset = load_preset("cnn")
    config = preset.training
    config.epochs = 50  # far longer than the test: stopped at its end
    trainer = in_thread(lambda: Trainer(preset.spec, config, small_data))
    threads_seen = {}

    def train():
        threads_seen["training"] = torch.get_num_threads()
        trainer.run()

    panel.set_model(trainer.spec, trainer.state_snapshot, config.normalize_mean, config.normalize_std)
    draw_one(panel.canvas)
    wait_for_answer(qtbot, panel, record)
    default_threads = in_thread(torch.get_num_threads)
    thread = threading.Thread(target=train)
    thread.start()
    try:
        # Each inference result comes as one queued call to the panel (which emits prediction_ready) and
        # another to the recorder: wait for both, whichever the event loop delivers first.
        results = record(panel.inference.result)
        recorder = record(panel.prediction_ready)
        versions = set()
        for k in range(10):
            panel.update_weights(trainer.state_snapshot)  # taken on the inference thread
            qtbot.waitUntil(lambda k=k: len(recorder.calls) >= k + 1 and len(results.calls) >= k + 1,
                            timeout=RESULT_TIMEOUT_MS)
            versions.add(results.calls[-1][0]["model_version"])
            qtbot.wait(20)
        assert thread.is_alive(), "training ended before the test could predict alongside it"
        assert len(versions) >= 5 and all(c[0].probabilities is not None for c in recorder.calls)
    finally:
        trainer.control.stop()
        thread.join()
    assert trainer.global_step > 0
    assert threads_seen["training"] == default_threads  # the inference thread did not lower it


# --------------------------------------------------------------------------- buttons and files

def test_load_image_errors_are_shown_inline(panel, tmp_path):
    broken = tmp_path / "digit.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n not really a png")
    assert not panel.load_image_file(broken)
    assert panel.message_bar.isVisible() and panel.message_bar.level == "error"
    assert "digit.png" in panel.message_bar.text
    assert not panel.load_image_file(tmp_path / "missing.png")
    assert "no such file" in panel.message_bar.text
    assert panel.canvas.is_empty()


def test_load_image_shows_it(panel, tmp_path, qtbot, record, small_data):
    digit = small_data.test.images[0]
    image = QImage(np.ascontiguousarray(255 - digit).data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    path = tmp_path / "seven.png"
    assert image.save(str(path))
    panel.message_bar.show_message("old problem", "error")
    assert panel.load_image_file(path)
    assert not panel.message_bar.isVisible() and not panel.canvas.is_empty()
    assert "seven.png" in panel.source_label.text()
    prediction = wait_for_answer(qtbot, panel, record)
    assert np.corrcoef(prediction.image28.ravel(), prepare_digit(digit).ravel())[0, 1] > 0.9


def test_add_example_emits_the_label_and_the_28x28_image(panel, record):
    assert not panel.add_button.isEnabled()
    draw_one(panel.canvas)
    assert not panel.add_button.isEnabled() and panel.chosen_label() is None  # the user says what it is
    recorder = record(panel.add_example)
    panel.set_label(1)
    assert panel.add_button.isEnabled()
    panel.add_button.click()
    image, label = recorder.calls[-1]
    assert label == 1 and isinstance(label, int)
    assert image.shape == (28, 28) and image.dtype == np.uint8
    np.testing.assert_array_equal(image, to_uint8(prepare_digit(panel.canvas.image())))
    assert "Added" in panel.source_label.text()
    panel.canvas.clear()  # a new drawing starts without a label
    assert panel.chosen_label() is None and not panel.add_button.isEnabled()


def test_undo_button_follows_the_stack(panel):
    assert not panel.undo_button.isEnabled()
    draw_one(panel.canvas)
    assert panel.undo_button.isEnabled()
    panel.undo_button.click()
    assert panel.canvas.is_empty() and not panel.undo_button.isEnabled()


def test_brush_size_is_remembered(qtbot):
    first = DrawPanel()
    qtbot.addWidget(first)
    first.brush_spin.setValue(33)
    assert first.canvas.brush_size() == 33
    assert int(QSettings().value(BRUSH_KEY)) == 33
    first.shutdown()
    second = DrawPanel()
    qtbot.addWidget(second)
    assert second.brush_spin.value() == 33 and second.canvas.brush_size() == 33
    second.shutdown()


def test_forgetting_the_model(panel, qtbot, record, trainer):
    with_model(panel, trainer)
    draw_one(panel.canvas)
    assert wait_for_answer(qtbot, panel, record).prediction == 1
    panel.set_model(None, None)
    assert panel.bars.headline() == "—"
    assert wait_for_answer(qtbot, panel, record).prediction is None


def test_texts_built_from_values_follow_a_change_of_language(panel):
    """The source line names the class from the data (not the combo's shown text) and, like the undo
    tool tip (from the canvas's command key) and the bars' reason, is said again by `retranslate`."""
    from types import SimpleNamespace

    from playground.core import i18n

    images = np.zeros((3, 28, 28), np.uint8)
    images[:, 6:22, 12:16] = 255
    panel.set_dataset(SimpleNamespace(images=images, labels=np.array([4, 5, 6]), classes=list("0123456789")))
    panel.show_test_digit(2)
    assert panel.source_label.text() == "Test digit #2, labelled “6”"
    assert panel.undo_button.toolTip() == "Undo the last loaded image (Ctrl+Z)"
    assert "Draw a digit" in panel.bars.toolTip()
    chinese = {"Test digit #{index:,}, labelled “{name}”": "测试数字 #{index:,}，标签为“{name}”",
               "Undo the last loaded image (Ctrl+Z)": "撤销上一次加载的图像（Ctrl+Z）",
               "No answer. {reason}": "没有答案。{reason}", "Draw a digit": "请写一个数字"}
    i18n.set_translator(lambda text: chinese.get(text, text))
    try:
        panel.retranslate()
        panel.bars.retranslate()
        assert panel.source_label.text() == "测试数字 #2，标签为“6”"
        assert panel.undo_button.toolTip() == "撤销上一次加载的图像（Ctrl+Z）"
        assert panel.bars.toolTip().startswith("没有答案。请写一个数字")
    finally:
        i18n.set_translator(None)
    panel.retranslate()
    panel.bars.retranslate()
    assert panel.source_label.text() == "Test digit #2, labelled “6”"
    assert panel.undo_button.toolTip() == "Undo the last loaded image (Ctrl+Z)"

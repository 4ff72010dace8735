"""The task, loss, regularisation, schedule, validation and AMP settings in the window: the output layer's
problems shown under the loss with a one-click (undoable) fix, multi-label training with per-label scores,
the schedule preview, the learning rate on the curves, and the settings surviving a saved project."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from window_helpers import Answers, Button, SavePaths, train, wait_for_trainer_spec

from playground.core.files.project_file import load_project
from playground.core.model.spec import LayerSpec
from playground.core.training.schedules import learning_rate_at


def choose(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def layer_names(window) -> list[str]:
    return [layer.describe() for layer in window.editor.spec().layers]


def test_multilabel_offers_linear4_sigmoid_in_one_undoable_click_then_trains_with_per_label_f1(qtbot, make_window):
    window = make_window()
    settings = window.panel.task_settings
    assert settings.offered_tasks() == ["multiclass", "multilabel"]  # MNIST: no binary, no regression
    choose(settings.task, "multilabel")

    # The net still ends in Linear(10): Train is blocked with the reason, the panel says why and offers the fix.
    assert not settings.head_notice.isHidden() and settings.head_notice.level == "error"
    notice = settings.head_notice.plain_text
    assert "needs 4 for 4 labels (even, ≥ 5, prime, closed loop)" in notice
    assert "add a Sigmoid layer at the end" in notice
    assert not window.run_actions.train.isEnabled()
    assert "needs 4" in window.run_actions.train.toolTip()
    assert settings.fix_button.isVisible() and settings.fix_button.text() == "Make the output Linear(4) + Sigmoid"

    settings.fix_button.click()
    assert layer_names(window)[-2:] == ["Linear(4)", "Sigmoid"]
    assert settings.head_notice.isHidden() and settings.fix_button.isHidden()
    assert window.run_actions.train.isEnabled()
    window.editor.undo()  # one step on the editor's undo stack
    assert layer_names(window)[-1] == "Linear(10)" and not window.run_actions.train.isEnabled()
    window.editor.redo()
    assert layer_names(window)[-2:] == ["Linear(4)", "Sigmoid"]

    wait_for_trainer_spec(qtbot, window, window.spec)
    train(qtbot, window, epochs=2)
    assert window.worker.trainer.config.task == "multilabel"
    assert window.epoch_table.headings()[:7] == ["Epoch", "Train loss", "Train acc.", "Test loss", "Test acc.",
                                                 "Test F1", "Exact"]
    scores = window.label_scores
    assert scores.isVisible() and scores.rowCount() == 4
    assert [scores.cell_text(r, 0) for r in range(4)] == ["even", "≥ 5", "prime", "closed loop"]
    f1 = [float(scores.cell_text(r, 2)) for r in range(4)]
    assert all(0.5 < value <= 1.0 for value in f1), f1  # 2 epochs on 2,000 digits learn every attribute
    row = window.document.epoch_rows[-1]
    assert f1 == [round(row[f"test_label{k}_f1"], 3) for k in range(4)]
    assert "Test F1" in window.panel.summary.text()
    assert not window.training_message.isVisible(), window.training_message.text  # no stale error (undo/redo)
    assert window.plots.accuracy_plot.titleLabel.text == "Accuracy per label, averaged"
    assert len(window.plots.epoch_points("test_accuracy")[0]) == 2
    window.grab().save(str(window_png("multilabel_trained")))


def test_softmax_with_bce_for_multilabel_warns_and_offers_the_sigmoid(make_window):
    window = make_window()
    spec = window.spec
    spec.layers[-1] = LayerSpec("Linear", {"out_features": 4})
    spec.layers.append(LayerSpec("Softmax"))
    window.editor.replace_spec(spec, "Softmax output")
    settings = window.panel.task_settings
    choose(settings.task, "multilabel")
    choose(settings.loss, "bce")
    assert settings.head_notice.level == "warning"
    assert "Softmax is the wrong output for multi-label" in settings.head_notice.plain_text
    assert window.run_actions.train.isEnabled()  # a warning trains; it teaches why it's wrong
    assert settings.fix_button.text() == "Make the output Linear(4) + Sigmoid"
    choose(settings.loss, "cross_entropy")  # softmax + cross-entropy: the labels compete
    assert "labels compete" in settings.head_notice.plain_text
    choose(settings.task, "multiclass")
    choose(settings.loss, "auto")
    assert "needs 10 for 10 classes" in settings.head_notice.plain_text
    settings.fix_button.click()
    assert layer_names(window)[-1] == "Linear(10)"  # the softmax goes: cross-entropy applies it
    assert settings.head_notice.isHidden()


def test_changing_the_task_under_trained_weights_asks_first(qtbot, make_window, monkeypatch):
    window = make_window()
    train(qtbot, window, epochs=0.25)
    answers = Answers(Button.No)
    monkeypatch.setattr(QMessageBox, "question", answers)
    settings = window.panel.task_settings
    choose(settings.task, "multilabel")
    assert "Change the task?" in answers.asked[0]
    assert settings.task_key == "multiclass" and window.worker.trainer.global_step == 8  # kept
    monkeypatch.setattr(QMessageBox, "question", Answers(Button.Yes))
    choose(settings.task, "multilabel")
    # The old weights are gone (the network doesn't fit the new task yet: no trainer until it does).
    qtbot.waitUntil(lambda: window.plots.step_count == 0, timeout=30_000)
    assert window.worker.trainer is None and window.document.trained_steps() == 0
    assert not window.training_message.isVisible()  # the panel says what's wrong, not an error bar


@pytest.mark.parametrize("schedule", ["step", "cosine", "one_cycle"])
def test_the_schedule_preview_is_learning_rate_at(make_window, schedule):
    window = make_window()
    panel, settings = window.panel, window.panel.task_settings
    assert settings.preview.isHidden()  # constant: nothing to preview
    panel.epochs.setValue(3)
    panel.batch_size.setValue(100)
    panel.learning_rate.setValue(0.01)
    choose(settings.schedule, schedule)
    settings.step_epochs.setValue(1)
    settings.gamma.setValue(0.3)
    assert settings.preview.isVisible()
    assert settings.step_epochs.isVisible() == (schedule == "step")
    steps, rates = settings.preview.curve_points()
    steps_per_epoch = 20  # 2,000 training digits in batches of 100
    total = 3 * steps_per_epoch
    assert steps[0] == 0 and steps[-1] == total - 1
    assert rates == [learning_rate_at(schedule, 0.01, s, total, steps_per_epoch, 1, 0.3) for s in steps]
    x, y = settings.preview.curve.getData()
    assert list(y) == rates and x[-1] == pytest.approx((total - 1) / steps_per_epoch)


def test_a_schedule_shows_the_learning_rate_over_the_steps(qtbot, make_window):
    window = make_window()
    settings = window.panel.task_settings
    choose(settings.schedule, "cosine")
    window.panel.learning_rate.setValue(0.002)
    train(qtbot, window, epochs=1)
    assert window.plots.learning_rate_shown and window.plots.step_plot.getAxis("right").isVisible()
    steps, rates = window.plots.learning_rate_points()
    assert steps and steps[-1] == 32
    for step, rate in zip(steps, rates):  # the trainer's rate for that step, as the preview promised
        assert rate == pytest.approx(learning_rate_at("cosine", 0.002, int(step) - 1, 32, 32))
    assert rates[-1] < rates[0] / 10
    window.grab().save(str(window_png("cosine_schedule")))
    choose(settings.schedule, "constant")
    train(qtbot, window, epochs=1)
    assert not window.plots.learning_rate_shown and window.plots.learning_rate_points() == ([], [])


def test_regularisation_and_amp_controls(make_window):
    window = make_window()
    settings = window.panel.task_settings
    assert not settings.regularization_rate.isEnabled()
    choose(settings.regularization, "l1")
    assert settings.regularization_rate.isEnabled()
    settings.regularization_rate.setValue(3e-4)
    config = window.document.config()
    assert (config.regularization, config.regularization_rate) == ("l1", 3e-4)
    # AMP: only where the device is CUDA (or automatic with a GPU present).
    choose(window.panel.device, "cpu")
    assert not settings.amp.isEnabled() and "CUDA" in settings.amp.toolTip()
    settings.set_cuda_available(True)
    choose(window.panel.device, "cuda")
    assert settings.amp.isEnabled()
    choose(window.panel.device, "auto")
    assert settings.amp.isEnabled()
    settings.set_cuda_available(False)
    assert not settings.amp.isEnabled()


def test_a_validation_share_is_held_out_and_scored(qtbot, make_window):
    window = make_window()
    window.panel.task_settings.validation.setValue(10.0)
    train(qtbot, window, epochs=1)
    assert window.data_info["validation_size"] == 200 and window.data_info["train_size"] == 1800
    assert len(window.worker.data.train) == 1800
    row = window.document.epoch_rows[-1]
    assert "val_loss" in row and "val_accuracy" in row
    assert "Val. loss" in window.epoch_table.headings()
    assert "200 validation" in window.panel.data.text()
    # Trained: a new share waits for Reset.
    window.panel.task_settings.validation.setValue(20.0)
    train(qtbot, window, epochs=1)
    assert len(window.worker.data.validation) == 200


def test_every_setting_round_trips_through_a_saved_project(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    panel, settings = window.panel, window.panel.task_settings
    choose(settings.task, "multilabel")
    settings.fix_button.click()
    choose(settings.loss, "bce")
    choose(settings.regularization, "l2")
    settings.regularization_rate.setValue(2e-4)
    choose(settings.schedule, "step")
    settings.step_epochs.setValue(2)
    settings.gamma.setValue(0.25)
    settings.validation.setValue(15.0)
    settings.amp.setChecked(True)
    panel.epochs.setValue(3)
    wanted = window.document.config()
    path = tmp_path / "settings.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    assert window.project_actions.save_as()
    saved = load_project(path).training
    assert saved.to_json() == wanted.to_json()
    assert (saved.task, saved.loss, saved.regularization, saved.regularization_rate, saved.lr_schedule,
            saved.lr_step_epochs, saved.lr_gamma, saved.validation_fraction, saved.amp) == \
        ("multilabel", "bce", "l2", 2e-4, "step", 2, 0.25, 0.15, True)

    window.new_design()
    assert settings.task_key == "multiclass" and settings.regularization.currentData() == "none"
    assert window.document.config().to_json() != wanted.to_json()
    assert window.project_actions.open_path(path)
    assert window.document.config().to_json() == wanted.to_json()
    assert layer_names(window)[-2:] == ["Linear(4)", "Sigmoid"] and window.run_actions.train.isEnabled()
    # The project's validation share re-splits the data before its weights are loaded.
    qtbot.waitUntil(lambda: window.worker.data is not None and window.worker.data.validation is not None
                    and len(window.worker.data.validation) == 300, timeout=30_000)


def test_the_settings_are_remembered_between_sessions(qtbot, make_window):
    window = make_window(remember=True)
    settings = window.panel.task_settings
    choose(settings.schedule, "one_cycle")
    choose(settings.regularization, "l2")
    settings.validation.setValue(5.0)
    wanted = window.document.config()
    window.close_discarding()
    again = make_window(remember=True)
    assert again.document.config().to_json() == wanted.to_json()


def window_png(name: str):
    import os
    from pathlib import Path

    folder = Path(os.environ.get("NN_PLAYGROUND_TEST_PNGS", "/tmp/nnp-test-pngs"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"


def test_loss_names_follow_the_task(make_window):
    window = make_window()
    settings = window.panel.task_settings
    assert settings.loss.currentText() == "Automatic: cross-entropy"
    choose(settings.task, "multilabel")
    assert settings.loss.currentText() == "Automatic: binary cross-entropy"
    assert window.plots.loss_plot.getAxis("left").labelText == "binary cross-entropy"


def test_fix_button_text_and_score_plot_title_do_not_depend_on_the_language(qtbot):
    """The short fix text is chosen by the kind of fix, and the score plot by its task, never by reading a
    shown (possibly translated) text back."""
    from playground.core import i18n
    from playground.core.model.network_fit import Adaptation
    from playground.core.model.spec import ModelSpec
    from playground.ui.shell.head_check import _fix_text
    from playground.ui.widgets.plots import TrainingPlots

    spec = ModelSpec.from_json({"name": "a", "input_shape": [1, 28, 28],
                                "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
    adapted = ModelSpec.from_json({"name": "a", "input_shape": [4], "layers": [{"type": "Linear", "out_features": 3}]})
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    i18n.set_translator(lambda text: "«" + text)
    try:
        text, short = _fix_text(spec, Adaptation(adapted, ()))
        assert text.startswith("«Adapt the network: input") and short == "«Adapt the network to the data"
        text, short = _fix_text(spec, Adaptation(spec, ()))
        assert short == text == "«Make the output Linear(10)"
        plots.set_task("regression", "mse")
        assert plots.accuracy_plot.titleLabel.text == "«R² per epoch (1 = perfect)" and plots.metric_key == "r2"
        plots.set_task("multiclass", "cross_entropy")
        assert plots.accuracy_plot.titleLabel.text == "«Accuracy per epoch" and plots.metric_key == "accuracy"
        assert plots.loss_plot.getAxis("left").labelText == "«cross-entropy loss"
    finally:
        i18n.set_translator(None)

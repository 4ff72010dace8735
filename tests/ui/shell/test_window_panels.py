"""The Draw, Inside, Matrices and Evaluation views wired into the main window's workspaces."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from PySide6.QtWidgets import QFileDialog
from window_helpers import SavePaths, train

from playground.core.explain.inspection import TrainingSnapshot
from playground.core.model.builder import build_model
from playground.core.model.inference import class_probabilities
from playground.ui.document import DRAWINGS_KEY
from playground.ui.workers.worker import SNAPSHOT_HZ


def show_tab(window, key: str) -> None:
    """Bring the view keyed `key` (its English title) on screen, in its workspace."""
    assert window.show_view(key), key
    assert window.view_on_screen(window.workspaces.view_widget(key)), key


def test_the_new_tabs_are_there(make_window):
    window = make_window()
    keys = window.workspaces.view_keys()
    for key in ("Training curves", "Diagram", "Draw", "Inside", "Matrices", "Evaluation", "PyTorch code"):
        assert key in keys
        show_tab(window, key)
    # The torch-backed panels took their placeholders' places (the views found by key are the panels).
    views = window.workspaces
    assert views.view_widget("Draw") is window.draw_panel and views.view_widget("Evaluation") is window.evaluation_panel
    assert views.view_widget("Matrices") is window.matrix_panel and views.view_widget("Inside") is window.inside_tabs
    panel = window.draw_panel
    panel.show_test_digit(0)  # a digit and its label: the button is ready and says what it does
    assert panel.add_button.isEnabled()
    assert panel.add_button.toolTip().startswith("Add this drawing") and "next epoch" in panel.add_button.toolTip()


@pytest.fixture
def trained(qtbot, make_window, record):
    """A window that trained half an epoch, with the snapshots the worker sent on the way."""
    window = make_window()
    snapshots = record(window.worker.snapshot)
    times: list[float] = []
    window.worker.snapshot.connect(lambda *_: times.append(time.perf_counter()))  # runs in the worker's thread
    train(qtbot, window, epochs=1, batch_size=32)
    qtbot.waitUntil(lambda: window.learning_panel.snapshot_count == len(snapshots.calls), timeout=10_000)
    return window, snapshots, times


def test_snapshots_at_most_four_a_second_reach_the_learning_panel(trained):
    window, snapshots, times = trained
    assert snapshots.calls, "no snapshot while training"
    assert all(isinstance(args[0], TrainingSnapshot) for args in snapshots.calls)
    gaps = np.diff(times)
    # requested ≥ 1/SNAPSHOT_HZ apart; taken one step after the request, so allow that step's jitter
    assert len(gaps) == 0 or gaps.min() >= 1 / SNAPSHOT_HZ * 0.5
    duration = times[-1] - times[0] if len(times) > 1 else 0.0
    assert len(times) <= duration * SNAPSHOT_HZ + 2
    assert window.learning_panel.latest is snapshots.calls[-1][0]
    assert window.learning_panel.snapshot_count == len(snapshots.calls)


def test_the_draw_tab_predicts_a_test_digit_with_the_trainers_weights(qtbot, trained):
    window = trained[0]
    show_tab(window, "Draw")
    panel = window.draw_panel
    assert panel.random_button.isEnabled()
    panel.show_test_digit(3)
    qtbot.waitUntil(lambda: panel.last_prediction is not None and panel.last_prediction.prediction is not None
                    and np.array_equal(panel.last_prediction.image28, panel.current_image28()), timeout=20_000)
    trainer = window.worker.trainer
    image28 = panel.current_image28()
    answers = []

    def reference() -> None:  # on a helper thread, like the app: torch on the GUI thread slows training
        import torch
        model = build_model(trainer.spec)
        model.load_state_dict({k: torch.from_numpy(v) for k, v in trainer.state_snapshot().items()})
        answers.append(class_probabilities(model.eval(), image28[None], trainer.config.normalize_mean,
                                           trainer.config.normalize_std)[0])
    helper = threading.Thread(target=reference)
    helper.start()
    helper.join()
    expected = answers[0]
    assert panel.last_prediction.prediction == int(expected.argmax())
    np.testing.assert_allclose(panel.last_prediction.probabilities, expected, atol=1e-5)

    # The Inside and Matrices tabs follow the drawn digit, computed off the GUI thread.
    show_tab(window, "Inside")
    qtbot.waitUntil(lambda: "inspection" in window.last_job_threads
                    and bool(window.inside_panel.activations_view.layer_names()), timeout=20_000)
    assert window.last_job_threads["inspection"] != threading.get_ident()
    show_tab(window, "Matrices")
    qtbot.waitUntil(lambda: bool(window.matrix_panel.dense._options), timeout=20_000)
    options = window.matrix_panel.dense._options
    assert options[0].weight.shape == trainer.state_snapshot()["fc1.weight"].shape
    assert any(name.startswith("W^[1] (fc1.weight)") for name in window.matrix_panel.editor_a._sources)
    assert "x (the drawn digit) 28×28" in window.matrix_panel.editor_a._sources


def test_matrix_panel_offers_the_models_weights(qtbot, make_window, monkeypatch):
    window = make_window()
    offered: list[dict] = []
    monkeypatch.setattr(window.matrix_panel, "set_model_sources", lambda sources: offered.append(dict(sources)))
    train(qtbot, window, epochs=0.25)
    show_tab(window, "Matrices")
    qtbot.waitUntil(lambda: any(bool(s) for s in offered), timeout=20_000)
    names = list(next(s for s in reversed(offered) if s))
    assert any(name.startswith("W^[1] (fc1.weight) ") for name in names)
    assert window.last_job_threads["inspection"] != threading.get_ident()


def test_evaluation_runs_off_the_gui_thread(qtbot, make_window, small_data):
    window = make_window()
    assert not window.evaluation_panel.evaluate_button.isEnabled()  # nothing trained yet
    train(qtbot, window, epochs=0.25)
    show_tab(window, "Evaluation")
    assert window.evaluation_panel.evaluate_button.isEnabled()
    window.evaluation_panel.evaluate_button.click()
    qtbot.waitUntil(lambda: window.evaluation_panel.evaluation is not None, timeout=60_000)
    assert window.last_job_threads["evaluation"] != threading.get_ident()
    confusion = window.evaluation_panel.evaluation.confusion
    assert confusion.sum() == len(small_data.test)
    assert not window.evaluation_panel.running


def test_drawings_are_saved_and_restored(qtbot, make_window, monkeypatch, tmp_path):
    window = make_window()
    image = np.zeros((28, 28), np.uint8)
    image[5:20, 12:15] = 255
    window.draw_panel.add_example.emit(image, 1)
    window.draw_panel.add_example.emit(image.T.copy(), 7)
    assert [d["label"] for d in window.drawings] == [1, 7]
    path = tmp_path / "drawn.nnp"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", SavePaths(path))
    window.project_actions.save_action.trigger()
    assert path.is_file()
    window.close_discarding()

    other = make_window()
    assert other.drawings == []
    assert other.project_actions.open_path(path)
    restored = other.drawings
    assert [d["label"] for d in restored] == [1, 7]
    assert np.array_equal(restored[0]["image"], image) and np.array_equal(restored[1]["image"], image.T)
    assert isinstance(other.current_project().extra[DRAWINGS_KEY][0]["image"], list)
    # the reopened project's trainer gets them too, for its next epoch
    qtbot.waitUntil(lambda: other.worker.trainer is not None and bool(other.worker.trainer._pending_examples),
                    timeout=20000)
    other.close_discarding()


def test_added_drawings_are_trained_on_from_the_next_epoch(qtbot, make_window, small_data):
    window = make_window()
    qtbot.waitUntil(lambda: window.worker.trainer is not None, timeout=20000)
    before = len(window.worker.trainer.data.train)
    image = np.zeros((28, 28), np.uint8)
    image[5:20, 12:15] = 255
    window.draw_panel.add_example.emit(image, 1)
    window.start_training(epochs=1)
    qtbot.waitUntil(lambda: window.worker.trainer.epochs_done >= 1, timeout=60000)
    train = window.worker.trainer.data.train
    assert len(train) == before + 1 and train.labels[-1] == 1 and np.array_equal(train.images[-1], image)


def test_snapshots_are_taken_less_often_while_no_view_shows_them(make_window):
    from playground.ui.workers.worker import HIDDEN_SNAPSHOT_HZ, SNAPSHOT_HZ

    window = make_window()
    window.show_view("Training curves")
    assert window.worker._snapshot_interval == pytest.approx(1 / HIDDEN_SNAPSHOT_HZ)
    window.show_view("Inside")
    window.inside_tabs.setCurrentWidget(window.learning_panel)
    assert window.worker._snapshot_interval == pytest.approx(1 / SNAPSHOT_HZ)
    window.inside_tabs.setCurrentWidget(window.inside_panel)
    assert window.worker._snapshot_interval == pytest.approx(1 / HIDDEN_SNAPSHOT_HZ)

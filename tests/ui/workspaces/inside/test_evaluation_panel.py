"""Evaluation: confusion matrix with clickable cells, per-class accuracy, misclassified gallery,
over-fitting alert, and the evaluate / progress / cancel controls."""

import numpy as np
import pytest
from inspection_models import trained
from PySide6.QtCore import QPointF, Qt

from playground.core.training.evaluation import Evaluation, evaluate_model
from playground.ui.workspaces.inside.evaluation_panel import GALLERY_PAGE, EvaluationPanel

# inspection_models trains each network once per process: the files that use it share an xdist worker.
pytestmark = pytest.mark.xdist_group("inspection-models")


@pytest.fixture
def panel(qtbot):
    panel = EvaluationPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


@pytest.fixture
def evaluation(small_data) -> Evaluation:
    net = trained("seed-mlp", small_data)
    return evaluate_model(net.model, small_data.test, lock=net.trainer.lock)


def _click_cell(qtbot, panel: EvaluationPanel, true_class: int, predicted: int) -> None:
    """A real mouse click at the centre of a confusion-matrix cell."""
    plot = panel.matrix.plot
    scene_pos = panel.matrix.item.vb.mapViewToScene(QPointF(predicted + 0.5, true_class + 0.5))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_pos))


def test_confusion_matrix_and_per_class_accuracy(panel, evaluation, small_data):
    panel.show_evaluation(evaluation, small_data.test)
    assert panel.pages.currentWidget() is panel.results_page
    shown = np.array([int(t.toPlainText() or 0) for t in panel.matrix._texts]).reshape(10, 10)
    assert (shown == evaluation.confusion).all()
    assert f"{evaluation.accuracy:.2%}" in panel.summary.text()
    assert np.allclose(panel.class_bars.opts["height"], evaluation.per_class_accuracy * 100)
    assert panel.overall_line.value() == pytest.approx(evaluation.accuracy * 100)


def test_clicking_a_cell_lists_exactly_its_digits(qtbot, panel, evaluation, small_data):
    panel.show_evaluation(evaluation, small_data.test)
    off_diagonal = evaluation.confusion.copy()
    np.fill_diagonal(off_diagonal, 0)
    t, p = map(int, np.unravel_index(off_diagonal.argmax(), off_diagonal.shape))
    _click_cell(qtbot, panel, t, p)
    assert panel.selected_cell == (t, p)
    assert panel.gallery_indices.tolist() == evaluation.cell(t, p).tolist()
    assert panel.shown_indices.tolist() == evaluation.cell(t, p)[:GALLERY_PAGE].tolist()
    first = panel.shown_indices[0]
    confidence = evaluation.probabilities[first, p]
    assert panel.gallery.captions[0] == f"true {t} → said {p}\n({100 * confidence:.0f} %)"
    assert panel.back_button.isVisible()

    _click_cell(qtbot, panel, 1, 1)  # a diagonal cell: the digits it got right
    assert panel.gallery_indices.tolist() == evaluation.cell(1, 1).tolist()
    assert "✓" in panel.gallery.captions[0]

    panel.back_button.click()
    assert panel.selected_cell is None
    assert panel.gallery_indices.tolist() == evaluation.misclassified().tolist()


def test_misclassified_gallery_most_confident_first_with_pages(qtbot, panel, evaluation, small_data):
    panel.show_evaluation(evaluation, small_data.test)
    wrong = evaluation.misclassified()
    assert panel.gallery_indices.tolist() == wrong.tolist()
    assert panel.shown_indices.tolist() == wrong[:GALLERY_PAGE].tolist()
    assert panel.gallery.count == min(GALLERY_PAGE, len(wrong))
    i = wrong[0]
    t, p = evaluation.labels[i], evaluation.predictions[i]
    assert panel.gallery.captions[0].startswith(f"true {t} → said {p}")
    assert len(wrong) > GALLERY_PAGE  # an undertrained net on 500 digits: several pages
    panel.next_page.click()
    assert panel.shown_indices.tolist() == wrong[GALLERY_PAGE:2 * GALLERY_PAGE].tolist()
    with qtbot.waitSignal(panel.digit_chosen) as chosen:
        panel.gallery.click_tile(1)
    assert chosen.args == [int(wrong[GALLERY_PAGE + 1])]


def test_overfitting_alert_shows_only_for_rising_test_loss(panel):
    rows = [{"epoch": i + 1, "train_loss": t, "test_loss": v}
            for i, (t, v) in enumerate([(1.0, 0.9), (0.5, 0.6), (0.3, 0.65), (0.2, 0.7)])]
    panel.set_history(rows)
    assert panel.alert.isVisible() and "Over-fitting" in panel.alert.plain_text
    healthy = [dict(r, test_loss=1 - 0.1 * i) for i, r in enumerate(rows)]
    panel.set_history(healthy)
    assert not panel.alert.isVisible()
    panel.set_history([])
    assert not panel.alert.isVisible()


def test_evaluate_button_progress_and_cancel(qtbot, panel, evaluation, small_data):
    assert panel.pages.currentWidget() is panel.empty and not panel.progress.isVisible()
    with qtbot.waitSignal(panel.evaluate_requested):
        panel.evaluate_button.click()
    assert panel.progress.isVisible() and panel.cancel_button.isVisible()
    assert not panel.evaluate_button.isEnabled()
    panel.set_progress(0.5)
    assert panel.progress.value() == 500
    with qtbot.waitSignal(panel.cancel_requested):
        panel.cancel_button.click()
    panel.set_running(False)  # what the window does once the evaluation has stopped
    assert not panel.progress.isVisible() and panel.evaluate_button.isEnabled()
    panel.show_evaluation(evaluation, small_data.test)
    summary = panel.summary.text()
    panel.evaluate_button.click()
    assert "Classifying" in panel.summary.text()
    panel.show_evaluation(evaluation, small_data.test)  # the result ends the run
    assert not panel.progress.isVisible() and panel.evaluate_button.isEnabled()
    assert panel.summary.text() == summary
    panel.clear()
    assert panel.pages.currentWidget() is panel.empty


def test_a_result_for_another_dataset_is_refused(panel, evaluation, small_data):
    with pytest.raises(ValueError):
        panel.show_evaluation(evaluation, small_data.train)

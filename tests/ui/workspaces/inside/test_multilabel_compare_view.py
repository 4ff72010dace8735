"""The softmax-vs-sigmoid view trains both heads off the GUI thread and draws their outputs side by side."""

import threading

import pytest

from playground.ui.workspaces.inside.multilabel_compare_view import MultilabelCompareView


@pytest.fixture
def view(qtbot, small_data):
    widget = MultilabelCompareView(lambda: small_data)
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_runs_off_the_gui_thread_and_shows_both_heads(qtbot, view, tmp_path):
    gui = threading.get_ident()
    view.epochs.setValue(1)
    with qtbot.waitSignal(view.finished, timeout=120_000) as result:
        view.run()
        assert not view.run_button.isEnabled() and view.cancel_button.isEnabled()
    comparison = result.args[0]
    assert comparison is not None and view.comparison is comparison
    assert view._runner.jobs.ident not in (None, gui)
    assert len(view.plots) == len(comparison.digits) == 6
    soft, sig = comparison.heads
    assert f"F1 {soft.scores['f1']:.2f}" in view.scores.text() and f"F1 {sig.scores['f1']:.2f}" in view.scores.text()
    assert view.conclusion.text() == comparison.conclusion()
    assert "add up to 1.00" in view.plots[0].toolTip()
    assert view.run_button.isEnabled()
    view.resize(1100, 520)
    view.grab().save(str(tmp_path / "multilabel.png"))


def test_cancel_leaves_it_ready_again(qtbot, view):
    with qtbot.waitSignal(view.finished, timeout=120_000) as result:
        view.run()
        view.cancel()
    assert result.args[0] is None and view.conclusion.text() == "Cancelled." and view.run_button.isEnabled()


def test_the_experiments_tab_and_the_learn_topic_open_it(qtbot, make_window):
    window = make_window()
    window.experiments_panel.multilabel_button.click()
    assert window.multilabel_dialog.isVisible() and window.multilabel_view.run_button.isEnabled()


def test_a_language_switch_rewords_the_comparison(view):
    import numpy as np

    from playground.core import i18n
    from playground.core.explain.multilabel_compare import Comparison, HeadResult

    rng = np.random.default_rng(0)
    comparison = Comparison(np.zeros((2, 28, 28), np.uint8), np.array([8, 9]),
                            np.array([[1, 1, 0, 1], [0, 1, 0, 1]], np.float32))
    scores = {"f1": 0.5, "exact_match": 0.25, "accuracy": 0.75}
    comparison.heads = [HeadResult("Softmax + cross-entropy", "ce", scores, rng.dirichlet(np.ones(4), 2)),
                        HeadResult("Sigmoid per label + BCE", "bce", scores, rng.random((2, 4)))]
    view.show_comparison(comparison)
    assert view.conclusion.text() == comparison.conclusion() and "Softmax + cross-entropy" in view.scores.text()
    i18n.set_translator(lambda text: "«" + text + "»")
    try:
        view.retranslate()
        assert view.conclusion.text().startswith("«Softmax outputs always sum to 1")
        assert "«Softmax + cross-entropy»" in view.scores.text()
        assert "«even»" in view._captions[0].text()  # noqa: SLF001 — the test checks this internal state
        assert "«Softmax outputs add up to" in view.plots[0].toolTip()
    finally:
        i18n.set_translator(None)
    view.retranslate()
    assert view.conclusion.text() == comparison.conclusion() and "«" not in view.scores.text()

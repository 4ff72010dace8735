"""The Experiments tab: a tiny experiment runs to the end off the GUI thread; Cancel stops one."""

from __future__ import annotations

import threading

import pytest

from playground.core.training.experiments import CandidateStarted, default_experiments, experiment_by_key
from playground.ui.workspaces.runs.experiments_panel import ExperimentsPanel

RUN_TIMEOUT_MS = 120_000


@pytest.fixture
def make_panel(qtbot, small_data):
    panels = []

    def make(experiments) -> ExperimentsPanel:
        panel = ExperimentsPanel(experiments, data_provider=lambda: small_data)
        panels.append(panel)
        qtbot.addWidget(panel)
        panel.resize(1000, 800)
        panel.show()
        return panel

    yield make
    for panel in panels:
        panel.shutdown()
        assert not panel.job.thread_running


def test_a_tiny_experiment_runs_to_the_end_off_the_gui_thread(qtbot, make_panel):
    experiment = experiment_by_key("model-selection").shrunk(max_train=300, max_test=100, max_epochs=1)
    panel = make_panel([experiment])
    assert "250 training, 50 validation and 100 test digits" in panel.details.text()
    assert not panel.cancel_button.isEnabled()
    finished = []
    panel.experiment_finished.connect(finished.append)
    assert panel.run_experiment(experiment.key)
    assert panel.running == experiment.key and panel.cancel_button.isEnabled()
    assert not panel.run_buttons[experiment.key].isEnabled() and not panel.run_experiment(experiment.key)
    qtbot.waitUntil(lambda: panel.running is None, timeout=RUN_TIMEOUT_MS)
    assert panel.job.thread_id is not None and panel.job.thread_id != threading.get_ident()
    result = finished[0]
    assert result.complete and result is panel.result(experiment.key)
    # Live curves: one per candidate, on both plots.
    assert len(panel._curves) == 3  # noqa: SLF001 — the test checks this internal state
    for curves in panel._curves.values():  # noqa: SLF001 — the test checks this internal state
        assert len(curves.loss.xData) > 0 and len(curves.metric.xData) > 0
    # The table ranks by validation error, best first and marked; the conclusion is the result's.
    assert panel.table.rowCount() == 3 and not panel.table.isColumnHidden(3)
    table = result.table()
    assert panel.table.item(0, 0).text() == "1 ★" and panel.table.item(0, 1).text() == table.rows[0].label
    assert panel.table.item(0, 0).font().bold() and not panel.table.item(1, 0).font().bold()
    assert panel.table.item(1, 0).text() == "2"
    assert panel.conclusion.text() == result.conclusion() and panel.conclusion.text().startswith("Chosen by")
    assert panel.status.text().startswith("Finished in")
    assert panel.run_buttons[experiment.key].isEnabled() and not panel.cancel_button.isEnabled()


def test_cancel_stops_the_experiment(qtbot, make_panel):
    # 20,000 digits (the experiment's own), 313 steps an epoch: the cancel lands within the first candidate. With
    # 2,000 (32 steps an epoch) a loaded CI machine reported the first losses only after its last step.
    experiment = experiment_by_key("adam-vs-gd").shrunk(max_train=20_000, max_test=200, max_epochs=2)
    panel = make_panel([experiment])
    panel.run_experiment(experiment.key)
    record = panel._records[experiment.key]  # noqa: SLF001 — the test checks this internal state
    qtbot.waitUntil(lambda: bool(record.steps.get(0)), timeout=RUN_TIMEOUT_MS)
    panel.cancel()
    qtbot.waitUntil(lambda: panel.running is None, timeout=RUN_TIMEOUT_MS)
    result = panel.result(experiment.key)
    assert result.cancelled and len(result.results) < len(experiment.candidates)
    assert panel.status.text().startswith("Cancelled after")
    assert panel.conclusion.text().startswith("Cancelled after")
    assert max(record.steps[0]) < 2 * 313  # stopped before the first candidate's 626 steps
    # The panel is ready for the next experiment.
    assert panel.run_buttons[experiment.key].isEnabled()


def test_every_experiment_is_listed_with_its_run_button(qtbot, make_panel):
    panel = make_panel(default_experiments())
    assert list(panel.run_buttons) == [e.key for e in default_experiments()]
    panel.cards["circle"].clicked.emit()
    assert panel.title.text() == "A circle needs a non-linear network"
    assert "200 training and 200 test points" in panel.details.text()
    assert panel.how_to_read.text().startswith("<b>How to read it:</b>")


def test_the_window_has_the_runs_and_experiments_tabs(make_window):
    window = make_window()
    views = window.workspaces.workspace("runs").views  # both are views of the Runs workspace
    titles = [views.tabText(i) for i in range(views.count())]
    assert "Runs" in titles and "Experiments" in titles
    assert window.show_view("Experiments") and window.view_on_screen(window.experiments_panel)
    assert window.show_view("Runs") and window.view_on_screen(window.runs.panel)
    # The experiments sample from the data the window loaded.
    assert window.experiments_panel._sizes() == (2000, 500)  # noqa: SLF001 — the test checks this internal state
    window.close_discarding()
    assert not window.experiments_panel.job.thread_running


def test_the_status_follows_the_run_and_the_language_not_its_own_text(qtbot, make_panel):
    from playground.core import i18n

    experiment = experiment_by_key("circle")
    panel = make_panel([experiment])
    key = experiment.key
    panel._running = key  # noqa: SLF001 — the job's reports, without training
    panel._on_candidate_started(key, CandidateStarted(0, experiment.candidates[0].label, 100, 10))  # noqa: SLF001 — the test checks this internal state
    panel._on_progress(key, 0.5, 12.0)  # noqa: SLF001 — the test checks this internal state
    assert panel.status.text() == "Training “Linear layers only” (1 of 2)… — about 12 s left"
    panel.cancel()
    panel._on_progress(key, 0.6, 5.0)  # noqa: SLF001 — the test checks this internal state
    assert panel.status.text() == "Cancelling after the current batch…"
    i18n.set_translator(lambda text: "«" + text + "»")
    try:
        for owner in (panel, panel.cards[key]):  # as the language switch does: every owner of a retranslate()
            owner.retranslate()
        assert panel.status.text() == "«Cancelling after the current batch…»"
        assert panel.title.text() == "«A circle needs a non-linear network»"
        assert panel.cards[key].title.text() == "<b>«A circle needs a non-linear network»</b>"
    finally:
        i18n.set_translator(None)
        panel._running = None  # noqa: SLF001 — the test checks this internal state
    panel.retranslate()
    assert panel.title.text() == "A circle needs a non-linear network"

"""The plots while a run goes: y ranges of round numbers that move only when a point leaves them, left to
the user once they zoom, and back to pyqtgraph's auto range after the run; test checks and epoch rows drawn
with the next losses (one paint), or at once outside a run, on a pause and when the run ends."""

import numpy as np
import pytest

from playground.ui.widgets.plots import TrainingPlots, loss_axis_range, score_axis_range


@pytest.mark.parametrize("low, high, expected", [
    (0.05, 2.31, (0.0, 2.5)),
    (0.1, 0.8, (0.0, 1.0)),
    (0.3, 1.0, (0.0, 1.0)),
    (0.2, 4.2, (0.0, 5.0)),
    (1.0, 12.0, (0.0, 20.0)),
    (0.001, 0.0042, (0.0, 0.005)),
    (-3.0, 1.0, (-3.0, 1.0)),  # a loss below zero (a custom regression target) stays in view
    (0.0, 0.0, (0.0, 1.0)),
])
def test_loss_axis_range_is_zero_to_a_round_number_above_the_highest_loss(low, high, expected):
    bottom, top = loss_axis_range(low, high)
    assert (bottom, top) == pytest.approx(expected)
    assert bottom <= low and top >= high


def _y_range(plots: TrainingPlots) -> tuple[float, float]:
    return tuple(plots.step_plot.vb.viewRange()[1])


@pytest.fixture
def plots(qtbot):
    widget = TrainingPlots()
    qtbot.addWidget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def _add(plots: TrainingPlots, first_step: int, losses) -> None:
    losses = np.asarray(losses, dtype=np.float64)
    plots.append_losses(np.arange(first_step, first_step + len(losses), dtype=np.float64), losses)


def test_the_range_holds_every_loss_and_moves_only_when_one_leaves_it(plots):
    plots.begin_run(last_step=100, last_epoch=1)
    _add(plots, 1, [2.3, 1.9, 1.2])
    low, high = _y_range(plots)
    assert low < 0 < 0.2 and 2.5 <= high < 2.7  # 0 to 2.5, with a little padding
    _add(plots, 4, [0.9, 0.5, 0.31, np.nan])  # lower losses (and a NaN): the range stays as it was
    assert _y_range(plots) == (low, high)
    _add(plots, 8, [4.2])
    assert 5.0 <= _y_range(plots)[1] < 5.3


def test_a_zoom_by_the_user_is_kept_until_the_next_run(plots):
    plots.begin_run(last_step=100, last_epoch=1)
    _add(plots, 1, [2.3, 1.0])
    plots.step_plot.vb.setYRange(0.5, 1.5, padding=0)
    plots.step_plot.vb.sigRangeChangedManually.emit([False, True])  # what a wheel or drag emits
    _add(plots, 3, [7.0])
    assert _y_range(plots) == pytest.approx((0.5, 1.5))
    plots.begin_run(last_step=200, last_epoch=2)  # a new run follows the losses again
    assert 10.0 <= _y_range(plots)[1] < 10.6


def test_after_the_run_the_axes_fit_the_data_again(plots):
    plots.begin_run(last_step=100, last_epoch=1)
    _add(plots, 1, [0.9, 0.8, 0.7])
    assert _y_range(plots)[1] >= 1.0
    plots.fit()
    plots.step_plot.vb.updateAutoRange()
    assert _y_range(plots)[1] < 0.95  # pyqtgraph's own fit: just above the highest loss
    assert plots.step_plot.vb.state["autoRange"][1]  # auto range on again (a fraction; False when off)


def test_hidden_plots_keep_the_points_and_draw_them_when_shown(qtbot):
    plots = TrainingPlots()
    qtbot.addWidget(plots)
    plots.show_learning_rate(True)
    plots.hide()  # another workspace is on show
    plots.append_losses(np.arange(1, 51, dtype=float), np.linspace(2.0, 0.5, 50))
    plots.add_learning_rates(np.array([50.0]), np.array([0.01]))
    assert plots.step_count == 50
    assert plots.raw_loss_curve.getData()[0] is None or len(plots.raw_loss_curve.getData()[0]) == 0
    plots.show()
    x, y = plots.raw_loss_curve.getData()
    assert len(x) == 50 and y[-1] == 0.5
    assert list(plots.lr_curve.getData()[1]) == [0.01]


@pytest.mark.parametrize("low, metric, expected", [
    (65.8, "accuracy", (60.0, 100.0)),
    (97.5, "accuracy", (90.0, 100.0)),
    (100.0, "accuracy", (90.0, 100.0)),  # never an empty range
    (3.0, "accuracy", (0.0, 100.0)),
    (0.4, "r2", (0.0, 1.0)),
    (-1.7, "r2", (-2.0, 1.0)),
])
def test_score_axis_range_runs_from_a_round_number_below_the_lowest_score_to_the_best(low, metric, expected):
    assert score_axis_range(low, metric) == pytest.approx(expected)


def _epoch_y_range(plot) -> tuple[float, float]:
    return tuple(plot.vb.viewRange()[1])


def _eval(plots: TrainingPlots, epoch: float, loss: float, accuracy: float) -> None:
    plots.add_eval({"epoch": epoch, "test_loss": loss, "test_accuracy": accuracy})


def test_during_a_run_test_checks_wait_for_the_next_losses_and_the_epoch_ranges_are_round(plots):
    plots.begin_run(last_step=100, last_epoch=2)
    _eval(plots, 0.25, 0.9, 0.71)
    assert plots.accuracy_plot.listDataItems()[3].getData()[0] is None  # not drawn yet: it waits for losses
    _add(plots, 1, [1.2, 1.1])
    x, y = plots._eval_series[1][0].item.getData()  # the accuracy plot's checks
    assert list(x) == [0.25] and list(y) == pytest.approx([71.0])
    low, high = _epoch_y_range(plots.accuracy_plot)
    assert 57 < low <= 70 and 100 <= high < 102  # 70 to 100 and a little padding, not a fit around 71
    loss_low, loss_high = _epoch_y_range(plots.loss_plot)
    assert loss_low < 0 < 0.1 and 1.0 <= loss_high < 1.1
    for step, accuracy in enumerate((0.8, 0.85, 0.9), start=3):  # better scores: the ranges stay put
        _eval(plots, step / 4, 0.5, accuracy)
        _add(plots, step, [0.6])
    assert _epoch_y_range(plots.accuracy_plot) == (low, high)
    assert _epoch_y_range(plots.loss_plot) == (loss_low, loss_high)
    assert plots.epoch_points("test_accuracy") == ([], [])  # checks are not epoch rows
    plots.add_epoch({"epoch": 1, "train_loss": 0.7, "train_accuracy": 0.83, "test_loss": 0.6,
                     "test_accuracy": 0.86})
    assert plots.epoch_points("test_accuracy") == ([1], [pytest.approx(86.0)])  # the numbers at once
    plots.fit()  # the run ended: what waited is drawn, and the axes fit the data again
    assert list(plots._epoch_series[1][0].item.getData()[1]) == pytest.approx([0.6])
    assert plots.accuracy_plot.vb.state["autoRange"][1]


def test_during_a_run_the_epoch_plots_change_at_most_once_a_second(plots, monkeypatch):
    from playground.ui.widgets import plots as plots_module

    clock = [100.0]
    monkeypatch.setattr(plots_module.time, "monotonic", lambda: clock[0])
    checks = plots._eval_series[1][0].item  # the accuracy plot's test checks

    def shown() -> list[float]:
        y = checks.getData()[1]
        return [] if y is None else list(y)

    plots.begin_run(last_step=100, last_epoch=2)
    _eval(plots, 0.25, 0.9, 0.70)
    _add(plots, 1, [1.2])
    assert shown() == pytest.approx([70.0])  # the run's first check: with the next losses
    clock[0] += 0.25
    _eval(plots, 0.5, 0.8, 0.75)
    _add(plots, 2, [1.1])
    assert shown() == pytest.approx([70.0])  # a quarter second later: it waits
    plots.add_epoch({"epoch": 1, "train_loss": 0.7, "train_accuracy": 0.8, "test_loss": 0.6, "test_accuracy": 0.8})
    clock[0] += 0.5
    _add(plots, 3, [1.0])
    assert shown() == pytest.approx([70.0]) and plots._epoch_series[0][0].item.getData()[0] is None
    clock[0] += 0.3  # a second since the last drawing: both rows come with these losses
    _add(plots, 4, [0.9])
    assert shown() == pytest.approx([70.0, 75.0])
    assert list(plots._epoch_series[0][0].item.getData()[1]) == pytest.approx([0.7])
    assert plots.epoch_points("test_accuracy") == ([1], [pytest.approx(80.0)])  # the numbers never wait


def test_a_paused_run_draws_the_check_that_came_before_the_pause(plots):
    plots.begin_run(last_step=100, last_epoch=1)
    _add(plots, 1, [1.0])
    _eval(plots, 0.5, 0.8, 0.75)
    plots.draw_now()
    assert list(plots._eval_series[1][0].item.getData()[1]) == pytest.approx([75.0])


def test_outside_a_run_rows_are_drawn_at_once(plots):
    plots.add_epoch({"epoch": 1, "train_loss": 0.7, "train_accuracy": 0.8})
    assert list(plots._epoch_series[0][0].item.getData()[1]) == pytest.approx([0.7])


def test_a_zoom_of_an_epoch_plot_is_kept_while_the_run_goes_on(plots):
    plots.begin_run(last_step=100, last_epoch=2)
    _eval(plots, 0.25, 0.9, 0.71)
    _add(plots, 1, [1.0])
    plots.accuracy_plot.vb.setYRange(70, 72, padding=0)
    plots.accuracy_plot.vb.sigRangeChangedManually.emit([False, True])  # as a wheel zoom does
    _eval(plots, 0.5, 0.8, 0.41)  # a point below the range: the user's range stays
    _add(plots, 2, [0.9])
    assert _epoch_y_range(plots.accuracy_plot) == pytest.approx((70, 72))
    assert plots.loss_plot in plots._epoch_ranges  # the other plot still follows

"""The loss-per-step plot while a run goes: a y range of round numbers that moves only when a loss
leaves it, left to the user once they zoom, and back to pyqtgraph's auto range after the run."""

import numpy as np
import pytest

from playground.ui.widgets.plots import TrainingPlots, loss_axis_range


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
    plots.add_learning_rate(50, 0.01)
    assert plots.step_count == 50
    assert plots.raw_loss_curve.getData()[0] is None or len(plots.raw_loss_curve.getData()[0]) == 0
    plots.show()
    x, y = plots.raw_loss_curve.getData()
    assert len(x) == 50 and y[-1] == 0.5
    assert list(plots.lr_curve.getData()[1]) == [0.01]

"""While it learns: histograms, gradient-norm curves that grow, filters, feature maps, health warnings."""

import numpy as np
import pytest
from inspection_models import trained

from playground.core.explain.inspection import LayerStats, TrainingSnapshot, health_warnings
from playground.ui.workspaces.inside.learning_panel import LearningPanel, sticky_range

# inspection_models trains each network once per process: the files that use it share an xdist worker.
pytestmark = pytest.mark.xdist_group("inspection-models")


@pytest.fixture
def panel(qtbot):
    panel = LearningPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def test_cnn_snapshots_fill_every_view(panel, small_data):
    net = trained("cnn", small_data)
    snaps = net.snapshots
    assert len(snaps) >= 4
    panel.set_probe_image(net.probe_image())
    for count, snap in enumerate(snaps[:4], start=1):
        panel.add_snapshot(snap)
        for stats in snap.layers:  # one point more per snapshot on every layer's curve
            steps, norms = panel.gradient_data(stats.name)
            assert len(steps) == len(norms) == count
            assert steps[-1] == snap.step and np.isclose(norms[-1], stats.weight_grad_norm)
    assert list(panel.gradients) == ["conv1", "conv2", "fc1", "fc2"]
    assert "conv1" in panel.gradient_legend.text() and "W<sup>[4]</sup>" in panel.gradient_legend.text()

    last = snaps[3]
    x, y = panel.weight_hist.getData()
    counts, edges = last.layers[0].weight_hist
    assert np.allclose(y, counts) and np.allclose(x, edges)
    panel.select_layer("fc1")
    assert np.allclose(panel.weight_hist.getData()[1], last.layers[2].weight_hist[0])
    assert "fc1" in panel.weight_plot.getPlotItem().titleLabel.text

    heights = panel.dead_bars.opts["height"]
    assert np.allclose(heights, [100 * last.dead_relu[k] for k in last.dead_relu])

    # filters and feature maps draw when their tab is shown
    panel.tabs.setCurrentWidget(panel.maps_page)
    assert panel.maps_page.currentWidget() is panel.conv_page
    assert panel.filters.count == 16 and panel.filters.levels[0] == -panel.filters.levels[1]  # white at 0
    assert panel.maps.count == last.feature_maps["conv1"].shape[0]
    panel.select_feature_maps("pool2")
    assert panel.maps.count == 32 and "7×7" in panel.maps_title.text()
    panel.add_snapshot(snaps[4])  # the chosen layer stays chosen
    assert panel.map_combo.currentText() == "pool2"
    assert panel.probe.count == 1


def test_health_warnings_are_shown_in_words(panel):
    hist = (np.ones(4), np.linspace(-1, 1, 5))
    layers = [LayerStats("fc1", hist, hist, 0.5, 0.1), LayerStats("fc2", hist, hist, 0.4, 0.1)]
    healthy = TrainingSnapshot(10, layers, dead_relu={"relu1": 0.1})
    healthy.warnings = health_warnings(healthy)
    panel.add_snapshot(healthy)
    assert "No problems detected" in panel.health.plain_text and panel.health.level == "ok"

    sick = TrainingSnapshot(20, layers, dead_relu={"relu1": 0.8})
    sick.warnings = health_warnings(sick)
    panel.add_snapshot(sick)
    assert panel.health.isVisible() and panel.health.level == "warning"
    assert "80% of the units after relu1 never fire" in panel.health.plain_text
    assert "No problems" not in panel.health.plain_text
    brush = panel.dead_bars.opts["brushes"][0]
    assert brush.color().name().upper() == "#D55E00"  # over the warning line: vermillion


def test_clear_forgets_curves_and_mlp_has_no_conv_page(panel, small_data):
    net = trained("seed-mlp", small_data)
    for snap in net.snapshots[:3]:
        panel.add_snapshot(snap)
    assert len(panel.gradient_data("fc1")[0]) == 3
    panel.tabs.setCurrentWidget(panel.maps_page)
    assert panel.maps_page.currentWidget() is panel.no_conv
    panel.clear()
    assert panel.gradients == {} and panel.latest is None
    panel.add_snapshot(net.snapshots[0])
    assert len(panel.gradient_data("fc1")[0]) == 1


def test_zero_or_nan_gradients_leave_gaps_on_the_log_axis(panel):
    hist = (np.ones(4), np.linspace(-1, 1, 5))
    for step, norm in enumerate([0.1, 0.0, float("nan"), 0.2], start=1):
        snap = TrainingSnapshot(step, [LayerStats("fc1", hist, None, norm, 0.0)])
        panel.add_snapshot(snap)
    _, norms = panel.gradient_data("fc1")
    assert np.isnan(norms[1]) and np.isnan(norms[2]) and norms[3] == 0.2
    assert "no bias" in panel.no_bias.textItem.toPlainText() and panel.no_bias.isVisible()


def test_sticky_range_moves_only_when_needed():
    assert sticky_range(None, 0, 1) is not None
    assert sticky_range((-1, 2), 0, 1.5) is None  # inside and filling enough of the range
    assert sticky_range((-1, 2), 0, 3) is not None  # out of range
    assert sticky_range((-10, 10), 0, 1) is not None  # far too wide: shrink


def test_a_hidden_panel_keeps_the_gradient_history_and_draws_the_rest_when_shown(qtbot, small_data):
    net = trained("cnn", small_data)
    hidden = LearningPanel()
    qtbot.addWidget(hidden)
    for snap in net.snapshots[:3]:
        hidden.add_snapshot(snap)
    steps, _ = hidden.gradient_data("conv1")
    assert len(steps) == 3  # no snapshot's gradients are lost while hidden
    assert hidden.weight_hist.getData()[1] is None  # but nothing was drawn for nobody
    hidden.resize(900, 600)
    hidden.show()
    counts, _ = net.snapshots[2].layers[0].weight_hist
    assert np.allclose(hidden.weight_hist.getData()[1], counts)
    assert "conv1" in hidden.gradient_legend.text()

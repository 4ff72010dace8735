"""The explain views on the learner's network: the saliency overlay equals the core's map, Fool it's ε flips a
trained network's answer, the projector's points are the core's PCA (hover and click work), no view works
while hidden, and each one renders something."""

from __future__ import annotations

import numpy as np
import pytest
from inspection_models import trained
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QStandardItemModel
from window_helpers import in_thread

from playground.core.explain.adversarial import fool
from playground.core.explain.projection import layer_features, pca_2d
from playground.core.explain.saliency import saliency_map
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.ui.workspaces.inside import projector_view
from playground.ui.workspaces.inside.fool_it_view import FoolItView
from playground.ui.workspaces.inside.live_model_view import NO_NETWORK
from playground.ui.workspaces.inside.projector_view import ProjectorView
from playground.ui.workspaces.inside.saliency_view import GRADCAM_NEEDS_CONV, SaliencyView

# inspection_models trains each network once per process: the files that use it share an xdist worker.
pytestmark = pytest.mark.xdist_group("inspection-models")
WAIT_MS = 30_000




@pytest.fixture(scope="module")
def mlp(small_data):
    """seed-mlp after one epoch on 2,000 digits: (spec, numpy weights, mean, std, model)."""
    net = trained("seed-mlp", small_data)
    trainer = net.trainer
    state = {k: v.detach().cpu().numpy().copy() for k, v in trainer.model.state_dict().items()}
    return trainer.spec, state, trainer.config.normalize_mean, trainer.config.normalize_std, trainer.model


@pytest.fixture(scope="module")
def digit(small_data):
    return small_data.test.images[0].astype(np.float32) / 255


def shown(qtbot, view, size=(760, 480)):
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def grab_is_not_empty(view, path) -> None:
    """Rendered offscreen to a PNG: more than a few colours (text, points, pictures), not a blank widget."""
    assert view.grab().save(str(path))
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    assert len(np.unique(pixels.reshape(-1, 4)[:, :3], axis=0)) > 20


def test_the_overlay_is_the_cores_map_and_gradcam_needs_a_convolution(qtbot, mlp, digit, tmp_path):
    spec, state, mean, std, model = mlp
    view = shown(qtbot, SaliencyView(), (420, 220))
    view.set_model(spec, lambda: state, mean, std)
    view.set_image(digit)
    assert view.jobs_submitted == 0  # switched off: nothing computed
    gradcam = view.method.findData("gradcam")
    model_items = view.method.model()
    assert isinstance(model_items, QStandardItemModel) and not model_items.item(gradcam).isEnabled()
    assert view.method.itemData(gradcam, Qt.ItemDataRole.ToolTipRole) == GRADCAM_NEEDS_CONV
    view.toggle.setChecked(True)
    for method, target in (("gradient", None), ("smoothgrad", 3)):
        view.set_method(method)
        view.target.setCurrentIndex(view.target.findData(target) if target is not None else 0)
        qtbot.waitUntil(lambda m=method, t=target: view.saliency is not None and view.saliency.method == m
                        and (t is None or view.saliency.target == t), timeout=WAIT_MS)
        expected = in_thread(lambda m=method, t=target: saliency_map(model, digit.astype(np.float64), m, t, mean, std))
        np.testing.assert_allclose(view.saliency.values, expected.values, rtol=1e-5, atol=1e-7)
        assert view.saliency.target == expected.target and view.saliency.prediction == expected.prediction
    grab_is_not_empty(view, tmp_path / "saliency.png")

    # Grad-CAM on a convolution network (its weights need no training to be compared)
    cnn = load_preset("cnn").spec
    cnn_model = in_thread(lambda: build_model(cnn, seed=0).eval())
    cnn_state = {k: v.detach().numpy().copy() for k, v in cnn_model.state_dict().items()}
    view.set_model(cnn, cnn_state, mean, std)
    assert model_items.item(gradcam).isEnabled()
    view.set_method("gradcam")
    view.target.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.saliency is not None and view.saliency.method == "gradcam", timeout=WAIT_MS)
    expected = in_thread(lambda: saliency_map(cnn_model, digit.astype(np.float64), "gradcam", None, mean, std))
    np.testing.assert_allclose(view.saliency.values, expected.values, rtol=1e-5, atol=1e-7)
    view.set_model(spec, state, mean, std)  # back to the MLP: Grad-CAM is no longer offered, the gradient is used
    assert view.method_key() == "gradient"
    view.set_model(None, None)
    assert view.status.text() == NO_NETWORK
    view.shutdown()


def test_fool_it_finds_the_smallest_epsilon_that_flips_the_answer(qtbot, mlp, digit, tmp_path):
    spec, state, mean, std, model = mlp
    view = shown(qtbot, FoolItView())
    view.set_model(spec, lambda: state, mean, std)
    view.set_image(digit)
    qtbot.waitUntil(lambda: view.result is not None, timeout=WAIT_MS)
    expected = in_thread(lambda: fool(model, digit.astype(np.float64), None, view.epsilons, mean, std))
    assert expected.smallest_epsilon is not None  # a moderate ε fools a trained MLP
    assert view.epsilon() == expected.smallest_epsilon
    step = view.step()
    assert step.prediction != view.result.prediction == expected.prediction
    np.testing.assert_allclose(step.image, expected.smallest.image)
    np.testing.assert_allclose(view.bars.probabilities, expected.smallest.probabilities, rtol=1e-6)
    assert f"{expected.smallest_epsilon:.2f}" in view.headline.text()
    # one step less keeps the answer; the slider moves through the steps without another job
    jobs = view.jobs_submitted
    view.slider.setValue(view.slider.value() - 1)
    assert view.step().prediction == expected.prediction
    assert view.jobs_submitted == jobs
    grab_is_not_empty(view, tmp_path / "fool.png")
    view.shutdown()


def test_projector_points_are_the_cores_pca_and_hover_and_click_work(qtbot, mlp, small_data, tmp_path):
    spec, state, mean, std, model = mlp
    view = shown(qtbot, ProjectorView(), (820, 560))
    view.set_data(small_data.test)
    view.set_model(spec, lambda: state, mean, std)
    assert view.layer_name() == "relu2"  # the layer before the output
    image = small_data.test.images[7].astype(np.float32) / 255
    view.set_image(image)
    qtbot.waitUntil(lambda: view.points is not None and view.marker is not None, timeout=WAIT_MS)
    features = in_thread(lambda: layer_features(model, small_data.test.images[view.indices], "relu2", mean, std))
    expected = pca_2d(features)
    np.testing.assert_allclose(view.points, expected.points, rtol=1e-4, atol=1e-4)
    marker = expected.project(in_thread(lambda: layer_features(model, image[None], "relu2", mean, std)))[0]
    np.testing.assert_allclose(view.marker, marker, rtol=1e-4, atol=1e-4)
    drawn = view.scatters[int(view.labels[0])].getData()
    assert len(drawn[0]) == int(np.sum(view.labels == view.labels[0]))

    # hover: the nearest point's digit is shown
    index = int(np.argmax(view.points[:, 0]))  # at the edge: nothing else on top of it
    # The plot fits its range to new points when it next lays out (later under load): until then a point's
    # place on screen is not where it will be drawn.
    qtbot.waitUntil(lambda: view.point_near(view.scene_pos_of(index)) == index, timeout=WAIT_MS)
    view._on_mouse_moved(view.scene_pos_of(index))
    assert view.hovered == index
    np.testing.assert_array_equal(view.hover_picture.pixels()[..., 0], small_data.test.images[view.indices[index]])
    # click: a real mouse click at the point puts its digit on the canvas (the signals)
    chosen, indices = [], []
    view.digit_chosen.connect(lambda img, label: chosen.append((img, label)))
    view.test_digit_chosen.connect(indices.append)
    plot = view.plot
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(view.scene_pos_of(index)))
    assert indices == [int(view.indices[index])]
    np.testing.assert_array_equal(chosen[0][0], small_data.test.images[view.indices[index]])
    assert chosen[0][1] == int(small_data.test.labels[view.indices[index]])
    grab_is_not_empty(view, tmp_path / "projector.png")

    # another layer: a new picture; the drawn digit moves as it changes
    view.set_layer("fc1")
    qtbot.waitUntil(lambda: view.cloud is not None and view.cloud.layer == "fc1", timeout=WAIT_MS)
    before = view.marker.copy()
    view.set_image(small_data.test.images[8].astype(np.float32) / 255)
    qtbot.waitUntil(lambda: not np.allclose(view.marker, before), timeout=WAIT_MS)
    view.shutdown()


def test_tsne_on_demand_and_without_scikit_learn(qtbot, mlp, small_data, monkeypatch):
    spec, state, mean, std, _ = mlp
    view = shown(qtbot, ProjectorView())
    few = type("Split", (), {"images": small_data.test.images[:150], "labels": small_data.test.labels[:150]})()
    view.set_data(few)
    view.set_model(spec, state, mean, std)
    qtbot.waitUntil(lambda: view.points is not None, timeout=WAIT_MS)
    if view.tsne_button.isEnabled():
        assert view.run_tsne()
        assert view.cancel_button.isVisible() and view.progress.isVisible()
        qtbot.waitUntil(lambda: view.mode == "tsne", timeout=WAIT_MS)
        assert view.points.shape == (150, 2) and view.pca_button.isVisible() and not view.cancel_button.isVisible()
        view.back_to_pca()
        qtbot.waitUntil(lambda: view.mode == "pca" and view.cloud is not None, timeout=WAIT_MS)
    view.shutdown()
    monkeypatch.setattr(projector_view, "tsne_available", lambda: False)
    missing = shown(qtbot, ProjectorView())
    assert not missing.tsne_button.isEnabled() and "pip install scikit-learn" in missing.tsne_button.toolTip()
    assert missing.tsne_note.isVisible()
    missing.shutdown()


def test_no_view_works_while_hidden(qtbot, mlp, small_data, digit):
    spec, state, mean, std, _ = mlp
    calls = []

    def weights():
        calls.append(1)
        return state

    views = [SaliencyView(), FoolItView(), ProjectorView()]
    views[0].toggle.setChecked(True)
    for view in views:
        qtbot.addWidget(view)
        if isinstance(view, ProjectorView):
            view.set_data(small_data.test)
        view.set_model(spec, weights, mean, std)
        view.set_image(digit)
    assert [view.jobs_submitted for view in views] == [0, 0, 0] and not calls
    for view in views:
        view.show()
    qtbot.waitUntil(lambda: views[0].saliency is not None and views[1].result is not None
                    and views[2].points is not None, timeout=WAIT_MS)
    assert all(view.jobs_submitted >= 1 for view in views)
    assert len(calls) == 3  # one copy of the weights per view, not per job
    for view in views:
        view.shutdown()


def test_the_window_feeds_the_views_it_shows_and_a_clicked_digit_goes_onto_the_canvas(qtbot, make_window):
    from window_helpers import train

    window = make_window()
    tabs = window.layout_parts.inside_views
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    fool_at, projector_at = titles.index("Fool it"), titles.index("Projector")
    assert titles.index("Inside") < fool_at == projector_at - 1 < titles.index("Evaluation")
    assert window.workspaces.view_widget("Projector") is window.projector_view
    projector, fool_it, draw = window.projector_view, window.fool_it_view, window.draw_panel
    train(qtbot, window, epochs=1)
    assert projector.jobs_submitted == fool_it.jobs_submitted == 0  # not shown yet
    window.show_view("Projector")
    qtbot.waitUntil(lambda: projector.points is not None, timeout=WAIT_MS)
    assert projector.layer_name() == "relu2"
    index = int(np.argmin(projector.points[:, 1]))
    projector.choose(index)
    test_index = int(projector.indices[index])
    assert draw.source_label.text().startswith(f"Test digit #{test_index:,}")
    qtbot.waitUntil(lambda: projector.marker is not None, timeout=WAIT_MS)  # the canvas digit, placed
    cloud, seen = projector.cloud, draw.last_prediction.image28  # the canvas re-centres the digit a little
    features = in_thread(lambda: layer_features(cloud.model, seen[None], cloud.layer, projector.mean, projector.std))
    np.testing.assert_allclose(projector.marker, cloud.projection.project(features)[0], rtol=1e-4, atol=1e-4)
    window.show_view("Fool it")
    qtbot.waitUntil(lambda: fool_it.result is not None, timeout=WAIT_MS)
    np.testing.assert_allclose(fool_it.result.original, draw.last_prediction.image28, atol=1e-6)
    window.show_view("Draw")
    draw.saliency.toggle.setChecked(True)
    qtbot.waitUntil(lambda: draw.saliency.saliency is not None, timeout=WAIT_MS)
    assert draw.saliency.saliency.prediction == fool_it.result.prediction

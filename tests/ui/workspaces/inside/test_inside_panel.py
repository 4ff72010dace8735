"""Inside the network: every layer's output drawn the right way, and the dense forward step-through."""

import numpy as np
import pytest
from inspection_models import trained

from playground.core.explain.inspection import LayerActivation, dense_forward_steps, layer_activations
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.shape_inference import infer_shapes
from playground.ui.workspaces.inside.inside_panel import ForwardStepView, InsidePanel, expanded_sum, num

# inspection_models trains each network once per process: the files that use it share an xdist worker.
pytestmark = pytest.mark.xdist_group("inspection-models")


@pytest.fixture
def panel(qtbot):
    panel = InsidePanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def _digit(data, index=0):
    return data.test.images[index].astype(np.float32) / 255


def test_cnn_layers_are_drawn_as_maps_bars_and_heatmaps(panel, small_data):
    net = trained("cnn", small_data)
    image = _digit(small_data)
    acts = layer_activations(net.model, image, lock=net.trainer.lock)
    panel.show_activations(acts, net.report, image=image)
    view = panel.activations_view
    assert view.layer_names() == ["input"] + [a.name for a in acts]
    assert view.current_layer == "conv1"  # the first layer, not the input, comes first

    view.select_layer("relu1")
    assert view.current_page is view.maps
    assert view.maps.count == 16 and view.maps.captions[:2] == ["map 0", "map 1"]
    assert "16×28×28" in view.title.text()

    view.select_layer("flatten1")  # 32×7×7 flattened: one channel per heatmap row
    assert view.current_page is view.heatmap
    assert view.heatmap.grid.shape == (32, 49) and view.heatmap.rows_are == "channel"

    view.select_layer("fc1")
    assert view.current_page is view.bars
    assert np.allclose(view.bars.values, acts[[a.name for a in acts].index("fc1")].values)
    assert "W<sup>[3]</sup>" in view.title.text()  # the notes' notation: conv1, conv2 are W^[1], W^[2]

    view.select_layer("fc2")  # the output: the answer is highlighted
    logits = acts[-1].values
    assert f"class {int(np.argmax(logits))}" in view.explanation.text()

    view.select_layer("input")
    assert view.current_page is view.digit and view.digit.count == 1


def test_seed_mlp_flatten_keeps_image_rows_and_layer_survives_a_new_digit(panel, small_data):
    net = trained("seed-mlp", small_data)
    acts = layer_activations(net.model, _digit(small_data), lock=net.trainer.lock)
    panel.show_activations(acts, net.report)
    view = panel.activations_view
    view.select_layer("flatten1")
    assert view.heatmap.grid.shape == (28, 28) and view.heatmap.rows_are == "image row"
    view.select_layer("relu2")
    assert len(view.bars.values) == 64 and view.bars.values.min() >= 0
    # a new digit keeps the chosen layer
    panel.show_activations(layer_activations(net.model, _digit(small_data, 1)), net.report)
    assert view.current_layer == "relu2"


def test_recurrent_layers_show_the_sequence_or_the_final_state(panel):
    spec = load_preset("rnn-rows").spec
    model = build_model(spec, seed=0)
    acts = layer_activations(model, np.zeros((28, 28), np.float32))
    view = panel.activations_view
    panel.show_activations(acts, infer_shapes(spec))
    view.select_layer(acts[0].name)
    # the LSTM's hidden state over all 28 rows it read, as a heatmap
    assert acts[0].type == "LSTM" and view.current_page is view.heatmap and view.heatmap.sequence
    assert view.heatmap.grid.shape == (28, 128)
    final = LayerActivation("lstm1", "LSTM", np.random.default_rng(0).normal(size=64))
    panel.show_activations([final])  # a final state alone: one bar per hidden unit
    assert view.current_page is view.bars and len(view.bars.values) == 64


def test_forward_step_through_shows_the_numpy_check_and_moves_between_layers(panel, small_data):
    net = trained("seed-mlp", small_data)
    steps = dense_forward_steps(net.model, net.report, _digit(small_data), lock=net.trainer.lock)
    panel.show_forward_steps(steps)
    fwd: ForwardStepView = panel.forward_view
    assert fwd.current_index == 0 and not fwd.prev_button.isEnabled() and fwd.next_button.isEnabled()
    text = fwd.diff_label.text()
    assert "largest |numpy − PyTorch| = " in text and f"{steps[0].max_abs_diff:.1e}" in text
    assert "W<sup>[1]</sup>: 128×784" in fwd.equations.text()

    fwd.next_button.click()
    assert fwd.current_index == 1 and "fc2" in fwd.position.text()
    assert "W<sup>[2]</sup>: 64×128 · a<sup>[1]</sup>: 128 → z<sup>[2]</sup>: 64" in fwd.equations.text()
    assert f"{steps[1].max_abs_diff:.1e}" in fwd.diff_label.text()
    fwd.next_button.click()
    assert fwd.current_index == 2 and not fwd.next_button.isEnabled()
    assert "logits" in fwd.equations.text()  # no activation after the last layer
    fwd.prev_button.click()
    assert fwd.current_index == 1

    # the selected unit j, written out: its value of z_j and a_j
    fwd.set_unit(5)
    step = steps[1]
    detail = fwd.detail_label.text()
    assert "Unit j = 5" in detail and num(step.z[5]) in detail and num(step.a[5]) in detail
    # the table lists the first rows with their z_j
    for j in range(3):
        assert num(step.z[j]) in fwd.table_label.text()


def test_forward_steps_of_the_cnn_start_at_its_first_dense_layer(panel, small_data):
    net = trained("cnn", small_data)
    steps = dense_forward_steps(net.model, net.report, _digit(small_data), lock=net.trainer.lock)
    panel.show_forward_steps(steps)
    fwd = panel.forward_view
    assert [s.index for s in steps] == [3, 4]
    assert "Layer i = 3" in fwd.position.text() and "1568" in fwd.equations.text()
    assert "✓" in fwd.diff_label.text()
    panel.show_forward_steps([])
    assert fwd.empty.isVisibleTo(fwd) and not fwd.diff_label.isVisibleTo(fwd)


def test_expanded_sum_adds_up_to_z():
    rng = np.random.default_rng(1)
    w, a = rng.normal(size=50), rng.normal(size=50)
    a[::3] = 0
    text, shown, rest = expanded_sum(w, a, 0.25, 4)
    products = w * a
    assert list(shown) == list(np.argsort(-np.abs(products))[:4])
    assert np.isclose(products[shown].sum() + rest + 0.25, w @ a + 0.25)
    assert text.count("·") == 4 and "…" in text
    assert num(-0.5) == "−0.500" and num(3e-7) == "3.00e−07"


def test_texts_built_from_values_follow_a_change_of_language(panel):
    from playground.core import i18n

    view = panel.activations_view
    rng = np.random.default_rng(0)
    image = rng.random((28, 28))
    panel.show_activations([LayerActivation("conv1", "Conv2d", rng.normal(size=(4, 28, 28))),
                            LayerActivation("fc1", "Linear", rng.normal(size=10))], image=image)
    view.select_layer("conv1")
    view.select_layer("fc1")
    assert view.maps.captions[0] == "map 0" and view.layer_list.item(0).text() == "input x · 28×28"
    changed = []
    view.layer_changed.connect(changed.append)
    chinese = {"<b>{name}</b> · {type} · output {shape}": "<b>{name}</b> · {type} · 输出 {shape}",
               "{count} units.": "{count} 个神经元。", "input x · {shape}": "输入 x · {shape}",
               "map {k}": "特征图 {k}"}
    i18n.set_translator(lambda text: chinese.get(text, text))
    try:
        view.retranslate()
        assert view.title.text() == "<b>fc1</b> · Linear · 输出 10"
        assert "10 个神经元。" in view.explanation.text()
        assert view.layer_list.item(0).text() == "输入 x · 28×28"
        assert view.maps.count == 0  # the hidden maps page forgets its English captions
        assert changed == []  # re-translating is not a change of layer
        view.select_layer("conv1")
        assert view.maps.captions[0] == "特征图 0"
    finally:
        i18n.set_translator(None)
    view.retranslate()
    assert view.maps.captions[0] == "map 0" and view.layer_list.item(0).text() == "input x · 28×28"

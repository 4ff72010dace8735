"""The network diagram: columns for the layers, weights coloured by sign, tooltips on hover."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip

from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.ui.workspaces.inside.network_diagram import NEGATIVE, POSITIVE, NetworkDiagram


def tiny_spec(hidden: int = 3, outputs: int = 2) -> ModelSpec:
    return ModelSpec([LayerSpec("Linear", {"out_features": hidden}), LayerSpec("ReLU"),
                      LayerSpec("Linear", {"out_features": outputs})], input_shape=(2,), name="tiny")


def tiny_weights(hidden: int = 3, outputs: int = 2) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(7)
    return {"fc1.weight": rng.normal(size=(hidden, 2)).astype(np.float32),
            "fc1.bias": rng.normal(size=hidden).astype(np.float32),
            "fc2.weight": rng.normal(size=(outputs, hidden)).astype(np.float32),
            "fc2.bias": rng.normal(size=outputs).astype(np.float32)}


@pytest.fixture
def make_diagram(qtbot):
    def make(spec: ModelSpec, weights=None) -> NetworkDiagram:
        diagram = NetworkDiagram()
        qtbot.addWidget(diagram)
        diagram.resize(600, 400)
        diagram.set_spec(spec)
        diagram.set_weights(weights)
        diagram.show()
        qtbot.waitExposed(diagram)
        return diagram

    return make


def colours_in(image: QImage, step: int = 3) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


@pytest.mark.parametrize("preset", ["seed-mlp", "cnn", "rnn-rows"])
def test_presets_render(make_diagram, preset):
    diagram = make_diagram(load_preset(preset).spec)
    image = diagram.grab().toImage()
    assert not image.isNull() and image.width() == 600
    assert len(colours_in(image)) > 10  # something is drawn, not an empty background


def test_columns_follow_the_layers(make_diagram):
    assert make_diagram(load_preset("seed-mlp").spec).columns() == ["input", "flatten1", "fc1", "fc2", "fc3"]
    assert make_diagram(load_preset("cnn").spec).columns() == [
        "input", "conv1", "pool1", "conv2", "pool2", "flatten1", "fc1", "fc2"]


def test_tiny_network_draws_every_weight_coloured_by_sign(make_diagram):
    weights = tiny_weights()
    diagram = make_diagram(tiny_spec(), weights)
    for layer, rows, cols in (("fc1", 3, 2), ("fc2", 2, 3)):
        for r in range(rows):
            for c in range(cols):
                assert diagram.weight_position(layer, r, c) is not None
    image = diagram.grab().toImage()
    drawn = {QColor(p).rgb() & 0xFFFFFF for p in colours_in(image, 1)}
    # Fully opaque strokes of the strongest weights show the pure sign colours.
    assert POSITIVE.rgb() & 0xFFFFFF in drawn or NEGATIVE.rgb() & 0xFFFFFF in drawn


def test_hovering_a_weight_shows_its_value(make_diagram, qtbot):
    weights = tiny_weights()
    diagram = make_diagram(tiny_spec(), weights)
    pos = diagram.weight_position("fc2", 1, 0)
    text = diagram.tooltip_at(pos)
    value = float(weights["fc2.weight"][1, 0])
    assert f"W^[2][1, 0] = {value:+.4f}" in text
    assert "from fc1 unit 0 to fc2 unit 1" in text
    # Through Qt's tooltip event as well.
    event = QHelpEvent(QEvent.Type.ToolTip, pos.toPoint(), diagram.mapToGlobal(pos.toPoint()))
    QApplication.sendEvent(diagram, event)
    assert f"{value:+.4f}" in QToolTip.text()
    QToolTip.hideText()


def test_hovering_a_unit_shows_its_bias(make_diagram):
    weights = tiny_weights()
    diagram = make_diagram(tiny_spec(), weights)
    text = diagram.tooltip_at(diagram.unit_position("fc1", 2))
    assert text.startswith("fc1 unit 2 of 3")
    assert f"{float(weights['fc1.bias'][2]):+.4f}" in text
    assert "ReLU" in text
    assert diagram.tooltip_at(diagram.unit_position("input", 1)).startswith("input 1 of 2")
    assert diagram.tooltip_at(QPointF(2, 2)) == ""


def test_without_weights_lines_are_neutral(make_diagram):
    diagram = make_diagram(tiny_spec())
    assert "no value yet" in diagram.tooltip_at(diagram.weight_position("fc1", 0, 1))
    # Stale weights (from before an edit) are ignored rather than misdrawn.
    diagram.set_weights(tiny_weights(hidden=5))
    assert "no value yet" in diagram.tooltip_at(diagram.weight_position("fc1", 0, 1))
    assert not diagram.grab().isNull()


def test_large_layers_are_sampled(make_diagram):
    diagram = make_diagram(load_preset("seed-mlp").spec)
    assert diagram.unit_position("flatten1", 783) is not None
    assert diagram.unit_position("flatten1", 400) is None
    assert diagram.weight_position("fc1", 127, 0) is not None
    assert diagram.weight_position("fc1", 60, 0) is None
    assert all(diagram.unit_position("fc3", k) is not None for k in range(10))  # 10 outputs in full
    # Between the sampled units (where "⋮" is drawn) the column says what it stands for.
    gap = (diagram.unit_position("flatten1", 2) + diagram.unit_position("flatten1", 782)) / 2
    assert diagram.tooltip_at(gap).startswith("flatten1: 784 units (showing 5)")


def test_invalid_spec_draws_up_to_the_error(make_diagram):
    spec = ModelSpec([LayerSpec("Conv2d", {"out_channels": 8}), LayerSpec("ReLU"),
                      LayerSpec("Linear", {"out_features": 10}), LayerSpec("Linear", {"out_features": 10})])
    diagram = make_diagram(spec)
    assert diagram.columns() == ["input", "conv1", "fc1"]
    assert not diagram.grab().isNull()


def test_empty_spec_renders(make_diagram):
    diagram = make_diagram(ModelSpec([]))
    assert not diagram.grab().isNull()
    assert diagram.tooltip_at(QPointF(300, 200)) == ""


def test_hover_over_a_feature_map_stack(make_diagram):
    diagram = make_diagram(load_preset("cnn").spec)
    diagram.set_weights(None)
    # Somewhere over conv1's stack, in the second column.
    text = ""
    for x in range(60, 200, 4):
        text = diagram.tooltip_at(QPointF(x, 172))
        if text.startswith("conv1"):
            break
    assert "16×28×28" in text and "W^[1]  16×1×5×5" in text


def test_column_keys_stay_while_captions_follow_the_language(make_diagram):
    from playground.core.i18n import set_translator

    diagram = make_diagram(load_preset("seed-mlp").spec)
    try:
        set_translator(lambda text: {"input": "输入", "{count:,} units": "{count:,} 个神经元"}.get(text, text))
        diagram.retranslate()
        assert diagram.columns() == ["input", "flatten1", "fc1", "fc2", "fc3"]  # keys, not captions
        assert diagram.unit_position("fc1", 0) is not None
        assert [c.label for c in diagram._columns][:1] == ["输入"]
        assert diagram._columns[2].subtitle == "128 个神经元"
    finally:
        set_translator(None)
    diagram.retranslate()
    assert diagram._columns[0].label == "input" and diagram._columns[2].subtitle == "128 units"

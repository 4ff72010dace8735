import math

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.model.builder import build_model, count_parameters
from playground.core.model.presets import load_preset, preset_names
from playground.core.model.shape_inference import (
    MAX_PARAMETERS,
    check_output_for_classes,
    infer_shapes,
    module_names,
)
from playground.core.model.spec import LayerSpec, ModelSpec


def spec_of(*layers, shape=(1, 28, 28)):
    return ModelSpec([LayerSpec(t, dict(p)) for t, p in layers], shape)


def test_seed_mlp_is_the_course_notes_simple_nn():
    report = infer_shapes(load_preset("seed-mlp").spec)
    assert report.ok
    assert report.total_parameters == 109_386
    fcs = [i for i in report.layers if i.layer.type == "Linear"]
    assert [i.name for i in fcs] == ["fc1", "fc2", "fc3"]
    assert fcs[0].weight_shapes == {"W^[1]": (128, 784), "b^[1]": (128,)}
    assert fcs[1].weight_shapes == {"W^[2]": (64, 128), "b^[2]": (64,)}
    assert fcs[2].weight_shapes == {"W^[3]": (10, 64), "b^[3]": (10,)}
    assert report.output_shape == (10,)


def test_cnn_shapes():
    report = infer_shapes(load_preset("cnn").spec)
    shapes = [i.output_shape for i in report.layers]
    assert shapes[0] == (16, 28, 28) and shapes[2] == (16, 14, 14) and shapes[5] == (32, 7, 7)
    assert shapes[6] == (1568,)


def test_linear_after_conv_asks_for_flatten_with_a_fix():
    report = infer_shapes(spec_of(("Conv2d", {"out_channels": 16}), ("MaxPool2d", {}),
                                  ("Linear", {"out_features": 10})))
    assert not report.ok
    bad = report.first_error
    assert bad.index == 2
    message = bad.error.replace("Layer 3 (Linear(10)) expects", "Linear expects")
    assert "Linear expects a flat vector but receives 16×13×13: add Flatten before it" in message
    assert bad.fix.action == "insert" and bad.fix.layer.type == "Flatten" and bad.fix.index == 2
    # applying the fix makes the network valid
    fixed = report.spec.copy()
    fixed.layers.insert(bad.fix.index, bad.fix.layer)
    assert infer_shapes(fixed).ok


@pytest.mark.parametrize(
    "layers, shape, words",
    [
        ([("Conv2d", {"kernel_size": 7})], (1, 5, 5), ["7×7 kernel does not fit the 5×5 input"]),
        ([("Conv2d", {"padding": "same", "stride": 2})], (1, 28, 28), ["'same' only works with stride 1"]),
        ([("MaxPool2d", {"kernel_size": 4})], (1, 3, 3), ["window is larger than the 3×3"]),
        ([("Flatten", {}), ("Conv2d", {})], (1, 28, 28), ["expects an image", "flat vector of 784"]),
        ([("Flatten", {}), ("LSTM", {})], (1, 28, 28), ["reads a sequence", "remove the Flatten"]),
        ([("BatchNorm1d", {})], (1, 28, 28), ["use BatchNorm2d"]),
        ([], (1, 28, 28), ["no layers"]),
    ],
)
def test_errors_are_plain_language(layers, shape, words):
    report = infer_shapes(spec_of(*layers, shape=shape))
    assert not report.ok
    for w in words:
        assert w in report.errors[0]


def test_layers_after_an_error_are_not_checked_but_listed():
    report = infer_shapes(spec_of(("Linear", {"out_features": 3}), ("ReLU", {}), ("Linear", {"out_features": 2})))
    assert report.layers[0].error and report.layers[1].output_shape is None and report.layers[2].error is None


def test_a_layer_too_large_is_refused_with_an_estimate_before_allocating():
    report = infer_shapes(spec_of(("Flatten", {}), ("Linear", {"out_features": 1_000_000})))
    assert not report.ok
    msg = report.errors[0]
    assert "785,000,000 parameters" in msg and "GB" in msg
    assert MAX_PARAMETERS < 784_000_000


def test_class_count_check():
    report = infer_shapes(spec_of(("Flatten", {}), ("Linear", {"out_features": 64})))
    assert "outputs 64 values" in check_output_for_classes(report, 10)
    assert check_output_for_classes(infer_shapes(load_preset("cnn").spec), 10) is None


def test_linear_stack_warns_that_it_collapses():
    report = infer_shapes(load_preset("linear-stack").spec)
    assert report.ok and any("collapse" in w for w in report.warnings)


def test_module_names_are_unique_and_follow_the_notes():
    spec = spec_of(("Flatten", {}), ("Linear", {"out_features": 3}), ("ReLU", {}), ("Linear", {"out_features": 2}))
    spec.layers[3].name = "fc1"  # explicit name wins; the generated one steps around it
    names = module_names(spec)
    assert len(set(names)) == 4 and names[3] == "fc1" and names[1] != "fc1"


@pytest.mark.parametrize("name", preset_names())
def test_presets_build_and_report_matches_pytorch(name):
    spec = load_preset(name).spec
    report = infer_shapes(spec)
    model = build_model(spec, seed=0)
    assert count_parameters(model) == report.total_parameters
    out = model(torch.zeros(2, *spec.input_shape))
    assert tuple(out.shape[1:]) == report.output_shape
    named = dict(model.named_parameters())
    for info in report.layers:
        if info.layer.type == "Linear":
            assert tuple(named[f"{info.name}.weight"].shape) == info.weight_shapes[f"W^[{info.notation_index}]"]


# Property: for any spec hypothesis can stack, shape inference either reports an error or agrees
# exactly with PyTorch about every output shape and the parameter count.
_layer = st.one_of(
    st.tuples(st.just("Linear"), st.fixed_dictionaries({"out_features": st.integers(1, 20)})),
    st.tuples(st.just("Conv2d"), st.fixed_dictionaries({
        "out_channels": st.integers(1, 4), "kernel_size": st.integers(1, 5), "stride": st.integers(1, 3),
        "padding": st.one_of(st.integers(0, 3), st.sampled_from(["valid", "same"]))})),
    st.tuples(st.sampled_from(["MaxPool2d", "AvgPool2d"]), st.fixed_dictionaries({
        "kernel_size": st.integers(1, 4), "stride": st.one_of(st.none(), st.integers(1, 3))})),
    st.tuples(st.sampled_from(["Flatten", "ReLU", "Tanh", "Sigmoid", "GELU", "Identity", "Softmax",
                               "BatchNorm1d", "BatchNorm2d"]), st.just({})),
    st.tuples(st.just("Dropout"), st.fixed_dictionaries({"p": st.floats(0, 0.9)})),
    st.tuples(st.sampled_from(["LSTM", "GRU"]), st.fixed_dictionaries({
        "hidden_size": st.integers(1, 8), "num_layers": st.integers(1, 2), "return_sequence": st.booleans()})),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_layer, min_size=1, max_size=6), st.sampled_from([(1, 12, 12), (2, 9, 7), (3, 5, 5)]))
def test_shape_inference_agrees_with_pytorch(layers, shape):
    spec = spec_of(*layers, shape=shape)
    report = infer_shapes(spec)
    if not report.ok:
        assert report.errors[0]
        return
    model = build_model(spec, seed=0).eval()
    x = torch.randn(2, *shape)
    for info, module in zip(report.layers, model):
        x = module(x)
        assert tuple(x.shape[1:]) == info.output_shape, info.layer.describe()
    assert count_parameters(model) == report.total_parameters
    assert report.training_bytes(64) > 0 and math.isfinite(report.training_bytes(64))

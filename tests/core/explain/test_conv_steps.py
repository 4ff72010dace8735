"""Convolution and pooling step by step: every cell recomputed in numpy equals PyTorch's output."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.core.data.datasets import load_data
from playground.core.explain.conv_steps import (
    conv_steps,
    convolve_channel,
    parameter_sharing,
    pool_channel,
    pool_steps,
    window_geometry,
)
from playground.core.explain.inspection import layer_activations
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import LayerSpec, ModelSpec

EVEN_SAME = pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")  # PyTorch's note, not ours
QUICK = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def digit():
    data = load_data(train_limit=1, test_limit=1)
    return data.test.images[0].astype(np.float32) / 255


@pytest.fixture(scope="module")
def cnn():
    spec = load_preset("cnn").spec
    return build_model(spec, seed=0), infer_shapes(spec)


@EVEN_SAME
@QUICK
@given(c_in=st.integers(1, 3), c_out=st.integers(1, 3), k=st.integers(1, 5), stride=st.integers(1, 3),
       padding=st.sampled_from(["valid", "same", 0, 1, 2]), h=st.integers(5, 16), w=st.integers(5, 16),
       bias=st.booleans(), seed=st.integers(0, 2**16))
def test_random_convolutions_match_pytorch_cell_by_cell(c_in, c_out, k, stride, padding, h, w, bias, seed):
    assume(padding != "same" or stride == 1)  # PyTorch refuses 'same' with a stride
    torch.manual_seed(seed)
    layer = torch.nn.Conv2d(c_in, c_out, k, stride=stride, padding=padding, bias=bias).double()
    x = torch.randn(1, c_in, h, w, dtype=torch.float64)
    with torch.no_grad():
        y = layer(x)[0].numpy()
    o = seed % c_out
    steps = convolve_channel(x[0].numpy(), layer.weight[o].detach().numpy(),
                             float(layer.bias[o].detach()) if bias else 0.0, stride, padding, y[o], "conv1", o)
    assert steps.output.shape == y.shape[1:]
    assert steps.max_difference < 1e-12
    # the size rule agrees with PyTorch and with the app's shape inference
    spec = ModelSpec([LayerSpec("Conv2d", {"out_channels": c_out, "kernel_size": k, "stride": stride,
                                           "padding": padding, "bias": bias})], input_shape=(c_in, h, w))
    assert infer_shapes(spec).layers[0].output_shape == (c_out, steps.rows.output_size, steps.cols.output_size)
    assert window_geometry(h, k, stride, padding).output_size == y.shape[1]
    # each cell, added up from its own k×k products (over every input channel), is PyTorch's value
    for cell in steps.cells():
        assert cell.products.shape == (c_in, k, k)
        assert np.allclose(cell.products, cell.window * steps.kernel)
        assert cell.value == pytest.approx(float(y[o, cell.row, cell.col]), abs=1e-12)
        assert cell.value == pytest.approx(cell.channel_sums.sum() + steps.bias, abs=1e-12)
    assert steps.padded.shape[1] == h + steps.rows.pad_before + steps.rows.pad_after


def test_cnn_conv_layers_step_by_step_on_a_real_digit(cnn, digit):
    model, report = cnn
    first = conv_steps(model, report, digit, "conv1", 3)
    assert first.input.shape == (1, 28, 28) and first.padded.shape == (1, 32, 32) and first.output.shape == (28, 28)
    assert np.allclose(first.input[0], (digit - 0.5) / 0.5)  # the normalised digit, not the raw one
    assert first.rows.pad_before == 2 and first.rows.starts[:3] == (0, 1, 2)
    assert np.array_equal(first.kernel, model.conv1.weight[3].detach().double().numpy())
    second = conv_steps(model, report, digit, "conv2", 31)
    assert second.input.shape == (16, 14, 14) and second.kernel.shape == (16, 5, 5) and second.output.shape == (14, 14)
    acts = {a.name: a.values for a in layer_activations(model, digit)}
    assert np.allclose(second.input, acts["pool1"])  # conv2 reads the previous layer's maps
    for steps in (first, second):
        assert 0 < steps.max_difference < 1e-5  # float32 PyTorch against float64 numpy
        worst = max(abs(cell.value - cell.torch_value) for cell in steps.cells())
        assert worst < 1e-5
    cell = second.cell(7, 7)  # a cell in the middle: its window sits inside the maps, summed over 16 channels
    assert cell.channel_sums.shape == (16,) and cell.value == pytest.approx(cell.channel_sums.sum() + second.bias)
    assert cell.bias == pytest.approx(float(model.conv2.bias[31].detach()))
    corner = first.cell(0, 0)  # the top-left window covers two rows and columns of padding
    assert np.all(corner.window[0, :2, :] == 0) and np.all(corner.window[0, :, :2] == 0)
    with pytest.raises(IndexError):
        first.cell(28, 0)


@QUICK
@given(kind=st.sampled_from(["max", "average"]), k=st.integers(1, 4), stride=st.sampled_from([None, 1, 2, 3]),
       h=st.integers(5, 16), w=st.integers(5, 16), seed=st.integers(0, 2**16))
def test_random_pooling_matches_pytorch(kind, k, stride, h, w, seed):
    x = torch.from_numpy(np.random.default_rng(seed).normal(size=(1, 1, h, w)))
    if kind == "max":
        y, where = F.max_pool2d(x, k, stride, return_indices=True)
    else:
        y, where = F.avg_pool2d(x, k, stride), None
    steps = pool_channel(x[0, 0].numpy(), k, stride, kind, y[0, 0].numpy())
    assert steps.output.shape == y.shape[2:] and steps.max_difference < 1e-12
    for window in steps.windows():
        assert window.values.shape == (k, k) and window.value == pytest.approx(window.torch_value, abs=1e-12)
        if where is not None:  # the position max pooling keeps is the one PyTorch takes
            assert window.kept is not None
            assert window.kept[0] * w + window.kept[1] == int(where[0, 0, window.row, window.col])
        else:
            assert window.kept is None and window.value == pytest.approx(window.values.mean())


def test_cnn_pooling_on_a_real_digit(cnn, digit):
    model, report = cnn
    for name, size in (("pool1", 14), ("pool2", 7)):
        steps = pool_steps(model, report, digit, name, 5)
        assert steps.kind == "max" and steps.output.shape == (size, size)
        assert steps.max_difference == 0  # max picks one of the inputs: no rounding at all
        for window in steps.windows():
            assert window.kept is not None and steps.input[window.kept] == window.value
            assert (window.top, window.left) == (2 * window.row, 2 * window.col)


def test_average_pooling_of_a_network(digit):
    spec = ModelSpec([LayerSpec("Conv2d", {"out_channels": 2, "kernel_size": 3}), LayerSpec("AvgPool2d",
                      {"kernel_size": 3, "stride": 2}), LayerSpec("Flatten"), LayerSpec("Linear")])
    steps = pool_steps(build_model(spec, seed=1), infer_shapes(spec), digit, "pool1", 1)
    assert steps.kind == "average" and steps.output.shape == (12, 12) and steps.max_difference < 1e-6
    assert steps.window(1, 1).kept is None


@EVEN_SAME
def test_sandbox_fills_the_formula_in():
    g = window_geometry(28, 5, 1, 2)
    assert g.output_size == 28 and g.pad_before == g.pad_after == 2
    assert g.formula == "⌊(n + 2p − k) / s⌋ + 1 = ⌊(28 + 2·2 − 5) / 1⌋ + 1 = ⌊27 / 1⌋ + 1 = 28"
    g = window_geometry(7, 3, 2, "valid")
    assert g.output_size == 3 and g.starts == (0, 2, 4)
    assert g.windows() == [(r, c) for r in (0, 2, 4) for c in (0, 2, 4)]
    g = window_geometry(6, 4, 1, "same")  # an even kernel: PyTorch pads the extra zero after
    assert (g.pad_before, g.pad_after, g.output_size) == (1, 2, 6)
    assert g.formula.endswith("⌊(6 + 1 + 2 − 4) / 1⌋ + 1 = ⌊5 / 1⌋ + 1 = 6")
    assert F.conv2d(torch.zeros(1, 1, 6, 6), torch.zeros(1, 1, 4, 4), padding="same").shape[-1] == 6
    assert window_geometry(5, 5).output_size == 1 and len(window_geometry(5, 5).windows()) == 1


@pytest.mark.parametrize(("args", "words"), [
    ((28, 5, 2, "same"), "stride 1"),
    ((4, 7, 1, 1), "does not fit"),
    ((28, 5, 1, "full"), "'valid' / 'same'"),
    ((28, 0, 1, 0), "kernel size"),
    ((28, 3, 1, -1), "padding"),
    ((28, 3, True, 0), "stride"),
    ((10_000, 3, 1, 0), "input size"),
])
def test_sandbox_says_what_is_wrong(args, words):
    with pytest.raises(ValueError, match=words):
        window_geometry(*args)


def test_parameter_sharing_in_numbers(cnn):
    _, report = cnn
    first = parameter_sharing(report.layers[0])
    assert (first.conv_weights, first.conv_biases, first.conv_total) == (400, 16, 416)
    assert first.conv_total == report.layers[0].parameters
    dense = infer_shapes(ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 16 * 28 * 28})]))
    assert first.dense_total == dense.total_parameters == 9_847_040  # "about 9.8 million"
    assert first.ratio == pytest.approx(9_847_040 / 416)
    assert "416" in first.summary() and "9,847,040" in first.summary()
    second = parameter_sharing(report.layers[3])
    assert second.conv_total == 32 * 16 * 25 + 32 == report.layers[3].parameters
    assert second.dense_weights == (16 * 14 * 14) * (32 * 14 * 14)
    with pytest.raises(ValueError, match="relu1"):
        parameter_sharing(report.layers[1])


def test_asking_for_what_is_not_there(cnn, digit):
    model, report = cnn
    with pytest.raises(ValueError, match="relu1 is not a Conv2d layer"):
        conv_steps(model, report, digit, "relu1", 0)
    with pytest.raises(ValueError, match="0 to 15; there is no channel 16"):
        conv_steps(model, report, digit, "conv1", 16)
    with pytest.raises(ValueError, match="conv1 is not a MaxPool2d / AvgPool2d layer"):
        pool_steps(model, report, digit, "conv1", 0)

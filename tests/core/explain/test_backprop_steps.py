"""Backpropagation step by step and one optimizer update, in numpy, against autograd and torch.optim."""

import copy

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground.core.data.datasets import load_data
from playground.core.explain.backprop_steps import (
    adam_state,
    adam_update,
    backprop_steps,
    sgd_update,
)
from playground.core.explain.inspection import normalised_batch
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import LayerSpec, ModelSpec


@pytest.fixture(scope="module")
def digits():
    data = load_data(train_limit=1, test_limit=4)
    return data.test.images.astype(np.float32) / 255, [int(v) for v in data.test.labels]


@pytest.fixture(scope="module")
def simple_nn():
    spec = load_preset("seed-mlp").spec  # the notes' SimpleNN 784-128-64-10
    return build_model(spec, seed=0), infer_shapes(spec)


def _autograd_step(model, image, label, optimizer):
    """One real training step on one digit (eval mode, as the step-through sees the network)."""
    optimizer.zero_grad()
    F.cross_entropy(model.eval()(normalised_batch(image[None], 0.5, 0.5)), torch.tensor([label])).backward()
    optimizer.step()


def test_simple_nn_gradients_match_autograd(simple_nn, digits):
    model, report = simple_nn
    images, labels = digits
    back = backprop_steps(model, report, images[0], labels[0])
    assert [(layer.index, layer.name, layer.activation) for layer in back.layers] == [
        (1, "fc1", "ReLU"), (2, "fc2", "ReLU"), (3, "fc3", "Identity")]
    assert [layer.weight_grad.shape for layer in back.layers] == [(128, 784), (64, 128), (10, 64)]
    assert back.max_difference < 1e-5 and back.output.loss == pytest.approx(back.autograd_loss, abs=1e-5)
    out = back.layers[-1]
    assert out.back is None and np.allclose(out.delta, out.probabilities - np.eye(10)[labels[0]])  # δ^[L] = p − y
    # autograd, independently of the module: the same gradients
    reference = copy.deepcopy(model).eval()
    F.cross_entropy(reference(normalised_batch(images[:1], 0.5, 0.5)), torch.tensor(labels[:1])).backward()
    for layer in back.layers:
        module = getattr(reference, layer.name)
        assert np.allclose(layer.weight_grad, module.weight.grad.numpy(), atol=1e-6)
        assert np.allclose(layer.bias_grad, module.bias.grad.numpy(), atol=1e-6)
    # the live network is left as it was: no gradients, still in training mode
    assert all(p.grad is None for p in model.parameters()) and model.training


def test_a_few_units_show_where_delta_comes_from(simple_nn, digits):
    model, report = simple_nn
    images, labels = digits
    back = backprop_steps(model, report, images[1], labels[1])
    fc2, fc3 = back.layers[1], back.layers[2]
    for j in range(5):
        unit = fc2.unit(j)
        assert np.array_equal(unit.outgoing, fc3.weight[:, j]) and np.array_equal(unit.next_delta, fc3.delta)
        assert unit.back == pytest.approx(unit.products.sum()) == pytest.approx(fc2.back[j])
        assert unit.derivative == (1.0 if unit.z > 0 else 0.0)  # ReLU′
        assert unit.delta == pytest.approx(unit.back * unit.derivative)
        assert np.allclose(unit.weight_grad, unit.delta * fc2.a_prev)  # row j of δ^[2] (a^[1])ᵀ
    label_unit = fc3.unit(labels[1])
    assert label_unit.target == 1 and label_unit.delta == pytest.approx(label_unit.probability - 1)
    assert label_unit.products is None and label_unit.bias_grad == label_unit.delta
    with pytest.raises(IndexError):
        fc3.unit(10)


@pytest.mark.parametrize("activation", ["ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Identity"])
def test_every_hidden_activation_matches_autograd(activation, digits):
    images, labels = digits
    act = LayerSpec(activation, {"negative_slope": 0.2} if activation == "LeakyReLU" else {})
    spec = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 12}), act, LayerSpec("Dropout"),
                      LayerSpec("Linear", {"out_features": 8}), LayerSpec(activation, act.params),
                      LayerSpec("Linear", {"out_features": 10}), LayerSpec("Identity")])
    back = backprop_steps(build_model(spec, seed=2), infer_shapes(spec), images[2], labels[2])
    assert [layer.activation for layer in back.layers] == [activation, activation, "Identity"]
    assert back.max_difference < 1e-5
    if activation == "LeakyReLU":
        assert set(np.round(back.layers[0].derivative, 6)) <= {1.0, 0.2}


@pytest.mark.parametrize(("layers", "words"), [
    ([LayerSpec("Conv2d"), LayerSpec("Flatten"), LayerSpec("Linear")], "conv1 .Conv2d. does not fit"),
    ([LayerSpec("Flatten"), LayerSpec("Linear"), LayerSpec("Softmax")], "ends with Softmax"),
    ([LayerSpec("Flatten"), LayerSpec("Linear"), LayerSpec("Sigmoid"), LayerSpec("Dropout")], "ends with Sigmoid"),
    ([LayerSpec("Flatten")], "no Linear layer"),
    ([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 5}), LayerSpec("ReLU"), LayerSpec("Tanh"),
      LayerSpec("Linear")], "tanh1 .Tanh. does not fit"),
    ([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 5}), LayerSpec("BatchNorm1d"),
      LayerSpec("Linear")], "bn1 .BatchNorm1d. does not fit"),
])
def test_networks_it_cannot_show_are_named(layers, words, digits):
    spec = ModelSpec(layers)
    with pytest.raises(ValueError, match=words):
        backprop_steps(build_model(spec, seed=0), infer_shapes(spec), digits[0][0], 0)


def _largest(back, layer):
    """(row, col) of the layer's weight with the largest gradient: its Adam step is not decided by ε."""
    grad = back.layers[layer].weight_grad
    return np.unravel_index(int(np.argmax(np.abs(grad))), grad.shape)


def test_adam_first_step_matches_torch_optim(simple_nn, digits):
    model, report = simple_nn
    images, labels = digits
    back = backprop_steps(model, report, images[0], labels[0])
    trained = copy.deepcopy(model)
    optimizer = torch.optim.Adam(trained.parameters(), lr=1e-3)
    picks = [(layer, _largest(back, layer)) for layer in range(3)]
    states = [adam_state(optimizer, getattr(trained, back.layers[i].name).weight, idx) for i, idx in picks]
    _autograd_step(trained, images[0], labels[0], optimizer)
    for (layer, idx), state in zip(picks, states):
        assert (state.step, state.m_prev, state.v_prev, state.learning_rate) == (1, 0.0, 0.0, 1e-3)
        step = back.layers[layer]
        update = state.update(float(step.weight[idx]), float(step.weight_grad[idx]))
        assert update.correction1 == pytest.approx(0.1) and update.m_hat == pytest.approx(update.gradient)
        assert abs(update.change) == pytest.approx(1e-3, rel=1e-4)  # step 1 moves every weight by about η
        assert update.max_difference < 1e-15
        assert update.new_weight == pytest.approx(float(getattr(trained, step.name).weight.detach()[idx]), abs=1e-7)


def test_adam_third_step_from_the_optimizer_state(simple_nn, digits):
    model, report = simple_nn
    images, labels = digits
    trained = copy.deepcopy(model)
    optimizer = torch.optim.Adam(trained.parameters(), lr=1e-3, weight_decay=1e-4)
    for i in range(2):
        _autograd_step(trained, images[i], labels[i], optimizer)
    back = backprop_steps(trained, report, images[2], labels[2])
    idx = _largest(back, 1)
    weight = trained.fc2.weight
    state = adam_state(optimizer, weight, idx)
    assert state.step == 3 and state.m_prev != 0 and state.v_prev > 0 and state.weight_decay == 1e-4
    update = state.update(float(back.layers[1].weight[idx]), float(back.layers[1].weight_grad[idx]))
    assert update.correction2 == pytest.approx(1 - 0.999 ** 3)
    assert update.g == pytest.approx(update.gradient + 1e-4 * update.weight)  # Adam's L2 decay joins the gradient
    _autograd_step(trained, images[2], labels[2], optimizer)
    assert update.new_weight == pytest.approx(float(weight.detach()[idx]), abs=1e-7)
    after = optimizer.state[weight]
    assert update.m == pytest.approx(float(after["exp_avg"][idx]), rel=1e-5)
    assert update.v == pytest.approx(float(after["exp_avg_sq"][idx]), rel=1e-5)


def test_adam_chained_by_hand_for_three_steps():
    w, m, v = 0.5, 0.0, 0.0
    param = torch.tensor([w], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([param], lr=0.01)
    for t, g in enumerate([0.3, -0.1, 0.05], start=1):
        update = adam_update(w, g, t, m, v, learning_rate=0.01)
        param.grad = torch.tensor([g], dtype=torch.float64)
        optimizer.step()
        assert update.new_weight == pytest.approx(float(param.detach()[0]), abs=1e-15)
        w, m, v = update.new_weight, update.m, update.v
    assert m == pytest.approx(float(optimizer.state[param]["exp_avg"][0]), abs=1e-15)


def test_adamw_and_sgd_updates(simple_nn, digits):
    model, report = simple_nn
    images, labels = digits
    back = backprop_steps(model, report, images[3], labels[3])
    idx = _largest(back, 0)
    weight, grad = float(back.layers[0].weight[idx]), float(back.layers[0].weight_grad[idx])
    trained = copy.deepcopy(model)
    optimizer = torch.optim.AdamW(trained.parameters(), lr=1e-3, weight_decay=0.01)
    state = adam_state(optimizer, trained.fc1.weight, idx)
    assert state.decoupled
    update = state.update(weight, grad)
    _autograd_step(trained, images[3], labels[3], optimizer)
    assert update.g == update.gradient  # AdamW decays the weight itself, not through the gradient
    assert update.new_weight == pytest.approx(float(trained.fc1.weight.detach()[idx]), abs=1e-7)
    # plain SGD: w ← w − η g
    trained = copy.deepcopy(model)
    optimizer = torch.optim.SGD(trained.parameters(), lr=0.1)
    sgd = sgd_update(weight, grad, 0.1)
    _autograd_step(trained, images[3], labels[3], optimizer)
    assert sgd.change == pytest.approx(-0.1 * grad) and sgd.max_difference < 1e-15
    assert sgd.new_weight == pytest.approx(float(trained.fc1.weight.detach()[idx]), abs=1e-7)
    with pytest.raises(ValueError, match="Adam"):
        adam_state(optimizer, trained.fc1.weight, idx)
    with pytest.raises(ValueError, match="from 1"):
        adam_update(0.1, 0.1, step=0)

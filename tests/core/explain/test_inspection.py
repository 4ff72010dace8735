import numpy as np
import pytest
import torch

from playground.core.explain.inspection import (
    LayerStats,
    TrainingSnapshot,
    dense_forward_steps,
    health_warnings,
    layer_activations,
    normalised_batch,
    training_snapshot,
)
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import LayerSpec, ModelSpec


@pytest.mark.parametrize("name", ["seed-mlp", "cnn"])
def test_numpy_dense_pass_matches_pytorch(small_mnist, name):
    spec = load_preset(name).spec
    model = build_model(spec, seed=0)
    image = small_mnist.test.images[0].astype(np.float32) / 255
    steps = dense_forward_steps(model, infer_shapes(spec), image)
    assert [s.name for s in steps] == [i.name for i in infer_shapes(spec).layers if i.layer.type == "Linear"]
    for step in steps:
        assert step.z.shape == (step.weight.shape[0],) and step.a_prev.shape == (step.weight.shape[1],)
        assert step.max_abs_diff < 1e-4
    assert steps[0].activation == "ReLU" and steps[-1].activation == "Identity"
    # the last a^[L] is the network's output
    with torch.no_grad():
        out = model.eval()(normalised_batch(image[None], 0.5, 0.5))[0].numpy()
    assert np.allclose(steps[-1].a, out, atol=1e-4)


def test_every_numpy_activation_matches_torch():
    x = np.linspace(-3, 3, 10, dtype=np.float32)
    for act in ["ReLU", "LeakyReLU", "Sigmoid", "Tanh", "GELU", "Softmax"]:
        spec = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 10}), LayerSpec(act)])
        model = build_model(spec, seed=1)
        steps = dense_forward_steps(model, infer_shapes(spec), np.tile(x, (28, 3))[:, :28] / 3 + 0.5)
        assert steps[0].activation == act and steps[0].max_abs_diff < 1e-5, act


def test_activations_and_snapshot_shapes(small_mnist):
    spec = load_preset("cnn").spec
    model = build_model(spec, seed=0)
    image = small_mnist.test.images[1].astype(np.float32) / 255
    acts = layer_activations(model, image)
    assert [a.values.shape for a in acts][:3] == [(16, 28, 28), (16, 28, 28), (16, 14, 14)]
    # one training step so gradients exist
    x = normalised_batch(small_mnist.train.images[:32].astype(np.float32) / 255, 0.5, 0.5)
    loss = torch.nn.functional.cross_entropy(model(x), torch.from_numpy(small_mnist.train.labels[:32]))
    loss.backward()
    snap = training_snapshot(model, 1, probe=x)
    assert [s.name for s in snap.layers] == ["conv1", "conv2", "fc1", "fc2"]
    assert all(s.weight_grad_norm > 0 for s in snap.layers)
    assert snap.filters["conv1"].shape == (16, 1, 5, 5)
    assert snap.feature_maps["pool2"].shape == (32, 7, 7)
    assert set(snap.dead_relu) == {"relu1", "relu2", "relu3"}
    assert all(0 <= v <= 1 for v in snap.dead_relu.values())
    assert int(snap.layers[0].weight_hist[0].sum()) == 16 * 25


def test_health_warnings_in_words():
    hist = (np.ones(3), np.arange(4.0))
    snap = TrainingSnapshot(5, [LayerStats("fc1", hist, None, 1e-9, 0), LayerStats("fc2", hist, None, 1.0, 0)],
                            dead_relu={"relu1": 0.8})
    words = " ".join(health_warnings(snap))
    assert "80% of the units after relu1" in words and "Vanishing gradients" in words
    snap.layers[1].weight_grad_norm = 1e6
    assert any("Exploding" in w for w in health_warnings(snap))
    snap.layers[0].weight_grad_norm = float("nan")
    assert any("NaN" in w for w in health_warnings(snap))


def test_recurrent_layers_show_every_steps_hidden_state(small_mnist):
    spec = load_preset("rnn-rows").spec
    model = build_model(spec, seed=0)
    acts = layer_activations(model, small_mnist.test.images[0].astype(np.float32) / 255)
    assert acts[0].values.shape == (28, 128)  # 28 rows read, 128 hidden units each
    with torch.no_grad():
        final = model[0](normalised_batch(small_mnist.test.images[:1].astype(np.float32) / 255, 0.5, 0.5))[0]
    assert np.allclose(acts[0].values[-1], final.numpy(), atol=1e-6)  # the last step is what Linear receives
    assert acts[1].values.shape == (10,)

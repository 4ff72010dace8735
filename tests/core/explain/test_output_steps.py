"""The output layer step by step: softmax with its max-shift, cross-entropy, a sigmoid per label and BCE,
each against torch.nn.functional."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from playground.core.data.datasets import load_data
from playground.core.explain.inspection import normalised_batch
from playground.core.explain.output_steps import network_logits, sigmoid_steps, softmax_steps
from playground.core.model.builder import build_model
from playground.core.model.inference import class_probabilities
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.model.tasks import digit_attributes


@pytest.fixture(scope="module")
def digits():
    data = load_data(train_limit=1, test_limit=2)
    return data.test.images.astype(np.float32) / 255, data.test.labels


@pytest.mark.parametrize("scale", [1.0, 30.0, 1000.0])  # 1000: e^z alone overflows float64
def test_softmax_and_cross_entropy_match_torch(scale):
    rng = np.random.default_rng(int(scale))
    for _ in range(20):
        z = rng.normal(size=10) * scale
        for label in range(10):
            steps = softmax_steps(z, label)
            assert steps.shift == z.max() and steps.shifted.max() == 0 and np.all(steps.exponentials <= 1)
            assert steps.total >= 1 and steps.probabilities.sum() == pytest.approx(1)
            zt = torch.from_numpy(z)[None]
            assert np.allclose(steps.probabilities, torch.softmax(zt, 1)[0].numpy(), rtol=0, atol=1e-12)
            torch_loss = float(F.cross_entropy(zt, torch.tensor([label])))
            assert steps.loss == pytest.approx(torch_loss, rel=1e-12, abs=1e-12)
            assert np.isfinite(steps.loss) and steps.max_difference < 1e-9
    assert softmax_steps(z).loss is None and softmax_steps(z).prediction == int(np.argmax(z))


def test_the_shift_changes_no_probability():
    z = np.array([2.0, 1.0, 0.1])
    steps = softmax_steps(z, 0)
    assert np.allclose(steps.probabilities, np.exp(z) / np.exp(z).sum())
    assert steps.shifted.tolist() == pytest.approx([0.0, -1.0, -1.9])
    assert steps.loss == pytest.approx(-np.log(steps.probabilities[0]))


@pytest.mark.parametrize("scale", [1.0, 50.0])  # 50: 1 − σ(z) rounds to 0 and a naive log gives −inf
def test_sigmoid_and_binary_cross_entropy_match_torch(scale):
    rng = np.random.default_rng(int(scale))
    for _ in range(20):
        z = rng.normal(size=4) * scale
        y = rng.integers(0, 2, size=4).astype(np.float64)
        steps = sigmoid_steps(z, y)
        zt, yt = torch.from_numpy(z), torch.from_numpy(y)
        assert np.allclose(steps.probabilities, torch.sigmoid(zt).numpy(), rtol=0, atol=1e-12)
        per_label = F.binary_cross_entropy_with_logits(zt, yt, reduction="none").numpy()
        assert np.allclose(steps.losses, per_label, rtol=1e-12, atol=1e-12)
        assert steps.loss == pytest.approx(float(F.binary_cross_entropy_with_logits(zt, yt)), rel=1e-12)
        if scale == 1:  # nn.BCELoss on the probabilities: what a network ending in Sigmoid trains with
            assert steps.loss == pytest.approx(float(F.binary_cross_entropy(torch.sigmoid(zt), yt)), rel=1e-9)
        assert np.all(np.isfinite(steps.losses)) and steps.max_difference < 1e-9
        assert steps.predicted.tolist() == (steps.probabilities >= 0.5).tolist()
    assert sigmoid_steps(z).losses is None


def test_logits_of_a_digit(digits):
    images, labels = digits
    spec = load_preset("cnn").spec
    model = build_model(spec, seed=0).eval()
    z = network_logits(model, images[0])
    with torch.no_grad():
        assert np.allclose(z, model(normalised_batch(images[:1], 0.5, 0.5))[0].numpy())
    steps = softmax_steps(z, int(labels[0]))
    assert np.allclose(steps.probabilities, class_probabilities(model, images[:1])[0], atol=1e-6)


def test_logits_are_what_goes_into_a_final_softmax_or_sigmoid(digits):
    images, labels = digits
    head = [LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 4})]
    plain = build_model(ModelSpec(head), seed=3)
    for last in ("Sigmoid", "Softmax"):
        model = build_model(ModelSpec([*head, LayerSpec(last)]), seed=3)
        assert np.allclose(network_logits(model, images[1]), network_logits(plain, images[1]))
    # multi-label: the four yes/no attributes of the digit, a sigmoid each
    targets = digit_attributes(labels[1:2])[0]
    steps = sigmoid_steps(network_logits(plain, images[1]), targets)
    assert steps.targets.tolist() == targets.tolist() and steps.losses.shape == (4,)


def test_what_cannot_be_shown_is_said():
    with pytest.raises(ValueError, match="numbered 0 to 9; there is no class 10"):
        softmax_steps(np.zeros(10), 10)
    with pytest.raises(ValueError, match="one target per label"):
        sigmoid_steps(np.zeros(4), [1, 0])
    with pytest.raises(ValueError, match="one target per label"):
        sigmoid_steps(np.zeros(2), [1, 0.5])
    with pytest.raises(ValueError, match="not finite"):
        softmax_steps(np.array([1.0, np.nan]))

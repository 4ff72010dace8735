"""Fool it: FGSM against a step computed by hand in torch, ε = 0 changing nothing, a moderate ε fooling a
trained MLP on most digits, and the smallest ε that changes the prediction."""

from collections import OrderedDict

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from playground.core.explain.adversarial import DEFAULT_EPSILONS, fgsm, fgsm_image, fool
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec


@pytest.fixture(scope="module")
def trained_mlp(small_mnist):
    """seed-mlp after 3 epochs of Adam on 2,000 digits (~85 % on the test digits)."""
    x = torch.from_numpy(small_mnist.train.images.astype(np.float32) / 255)
    x = ((x - 0.5) / 0.5).unsqueeze(1)
    y = torch.from_numpy(small_mnist.train.labels).long()
    model = build_model(load_preset("seed-mlp").spec, seed=0)
    optimizer = torch.optim.Adam(model.parameters(), 1e-3)
    order = torch.Generator().manual_seed(0)
    for _ in range(3):
        for idx in torch.randperm(len(x), generator=order).split(64):
            optimizer.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            optimizer.step()
    optimizer.zero_grad(set_to_none=True)
    return model.eval()


@pytest.fixture(scope="module")
def test_digits(small_mnist):
    return small_mnist.test.images[:60].astype(np.float32) / 255, small_mnist.test.labels[:60]


def fgsm_by_hand(model, image, label, epsilon, mean=0.5, std=0.5):
    pixels = torch.from_numpy(image.astype(np.float32))[None].requires_grad_(True)
    loss = F.cross_entropy(model(((pixels - mean) / std).unsqueeze(1)), torch.tensor([label]))
    loss.backward()
    changed = (pixels + epsilon * pixels.grad.sign()).clamp(0, 1).detach()
    with torch.no_grad():
        probabilities = torch.softmax(model(((changed - mean) / std).unsqueeze(1)), 1)[0]
    return changed[0].numpy(), probabilities.numpy()


@pytest.mark.parametrize("preset", ["seed-mlp", "cnn"])
def test_the_step_matches_one_computed_by_hand(preset, test_digits):
    images, labels = test_digits
    model = build_model(load_preset(preset).spec, seed=0).eval()
    for image, label in zip(images[:3], labels[:3]):
        result = fool(model, image, int(label), [0.3, 0.05, 0.1], mean=0.3, std=0.4)
        assert [s.epsilon for s in result.steps] == [0.05, 0.1, 0.3]  # smallest first
        for step in result.steps:
            expected, probabilities = fgsm_by_hand(model, image, int(label), step.epsilon, 0.3, 0.4)
            np.testing.assert_allclose(step.image, expected, atol=1e-6)
            np.testing.assert_allclose(step.probabilities, probabilities, atol=1e-5)
            assert step.prediction == int(np.argmax(probabilities))
            assert step.image.min() >= 0 and step.image.max() <= 1  # clipped to valid pixels
            assert np.abs(step.image - image).max() <= step.epsilon + 1e-12
        # the clip binds: black background pixels pushed down stay 0
        assert np.any((image == 0) & (result.direction < 0)) and result.steps[-1].image[image == 0].min() == 0
        np.testing.assert_array_equal(result.steps[1].image, fgsm_image(image, result.direction, 0.1))


def test_epsilon_zero_changes_nothing(trained_mlp, test_digits):
    images, labels = test_digits
    for image, label in zip(images[:10], labels[:10]):
        step = fgsm(trained_mlp, image, 0.0, int(label))
        np.testing.assert_array_equal(step.image, image)
        result = fool(trained_mlp, image, int(label), [0.0])
        assert step.prediction == result.prediction
        np.testing.assert_allclose(step.probabilities, result.probabilities, atol=1e-6)


def test_a_moderate_epsilon_fools_a_trained_mlp_on_most_digits(trained_mlp, test_digits):
    images, labels = test_digits
    results = [fool(trained_mlp, image, int(label)) for image, label in zip(images, labels)]
    right = [r for r in results if r.prediction == r.label]
    assert len(right) >= 0.7 * len(results)  # the network has learnt something to be fooled out of
    fooled = [r for r in right if r.steps[DEFAULT_EPSILONS.index(0.2)].prediction != r.label]
    assert len(fooled) >= 0.8 * len(right)
    for r in right:
        smallest = r.smallest
        assert smallest is not None and smallest.epsilon == r.smallest_epsilon > 0
        assert smallest.prediction != r.prediction
        assert all(s.prediction == r.prediction for s in r.steps if s.epsilon < smallest.epsilon)
    # a pixel-sized step does not fool it: the smallest ε is not a rounding accident
    assert np.median([r.smallest_epsilon for r in right]) >= 0.03


def test_the_label_defaults_to_the_prediction_and_is_checked(trained_mlp, test_digits):
    image = test_digits[0][0]
    result = fool(trained_mlp, image)
    assert result.label == result.prediction
    with pytest.raises(ValueError, match="there is no class 10"):
        fool(trained_mlp, image, 10)
    with pytest.raises(ValueError):
        fool(trained_mlp, image, epsilons=[0.1, 1.5])
    with pytest.raises(ValueError):
        fool(trained_mlp, image * 2 - 0.5)  # not pixels in [0, 1]


def test_one_output_networks_and_multi_label_ones(test_digits):
    image = test_digits[0][0]
    yes_no = build_model(ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 1})]), seed=0)
    result = fool(yes_no, image, 1, [0.0, 0.5])
    assert result.probabilities.shape == (2,) and result.probabilities.sum() == pytest.approx(1)
    # raising the loss for "yes" lowers its probability
    assert result.steps[1].probabilities[1] < result.steps[0].probabilities[1]
    labels = build_model(ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 4}),
                                    LayerSpec("Sigmoid")]), seed=0)
    with pytest.raises(ValueError, match="picks one class") as refused:
        fool(labels, image)
    assert "\n" not in str(refused.value)


def test_the_network_is_left_as_it_was(test_digits):
    torch.manual_seed(0)
    model = nn.Sequential(OrderedDict(flatten=nn.Flatten(), fc1=nn.Linear(784, 16), drop=nn.Dropout(0.5),
                                      bn=nn.BatchNorm1d(16), fc2=nn.Linear(16, 10)))
    model.train()
    statistics = model.bn.running_mean.clone()
    sentinel = torch.full_like(model.fc2.weight, 0.5)
    model.fc2.weight.grad = sentinel.clone()
    first = fool(model, test_digits[0][0], epsilons=[0.1])
    second = fool(model, test_digits[0][0], epsilons=[0.1])
    # eval mode inside: Dropout off, BatchNorm on its running statistics, so the result is repeatable
    np.testing.assert_array_equal(first.steps[0].probabilities, second.steps[0].probabilities)
    assert model.training and model.drop.training
    assert torch.equal(model.bn.running_mean, statistics)
    assert torch.equal(model.fc2.weight.grad, sentinel)
    assert all(p.grad is None for name, p in model.named_parameters() if name != "fc2.weight")

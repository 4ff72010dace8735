"""Saliency maps of the learner's own network: the gradient against finite differences, all three against
Captum (the PyTorch project's reference implementations), Grad-CAM on a network whose answer is known, and
the network left as it was found."""

from collections import OrderedDict

import numpy as np
import pytest
import torch
from torch import nn

from playground.core.data.datasets import load_data
from playground.core.explain.saliency import (
    SaliencyError,
    grad_cam,
    gradient_saliency,
    last_conv_layer,
    saliency_map,
    smoothgrad,
)
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec

MEAN, STD = 0.1307, 0.3081  # not the default 0.5/0.5: the normalisation must be part of what is differentiated


@pytest.fixture(scope="module")
def digits():
    data = load_data(train_limit=1, test_limit=3)
    return data.test.images.astype(np.float32) / 255


def preset_model(name):
    return build_model(load_preset(name).spec, seed=0)


def reference_forward(model):
    """The network as a function of the pixels (N×1×H×W), for Captum: normalisation, then every layer."""
    return lambda pixels: model((pixels - MEAN) / STD)


def test_gradient_equals_finite_differences():
    torch.manual_seed(0)
    model = nn.Sequential(OrderedDict(flatten=nn.Flatten(), fc1=nn.Linear(30, 8), tanh=nn.Tanh(),
                                      fc2=nn.Linear(8, 3))).double()
    image = np.random.default_rng(0).uniform(0, 1, (5, 6))

    def score(pixels, c):
        with torch.no_grad():
            return float(model(torch.from_numpy((pixels - MEAN) / STD)[None, None])[0, c])

    for target in (None, 0, 2):
        found = gradient_saliency(model, image, target, MEAN, STD)
        c = found.target
        assert c == (found.prediction if target is None else target)
        numeric = np.zeros_like(image)
        h = 1e-6
        for idx in np.ndindex(image.shape):
            up, down = image.copy(), image.copy()
            up[idx] += h
            down[idx] -= h
            numeric[idx] = (score(up, c) - score(down, c)) / (2 * h)
        assert found.values.shape == image.shape
        np.testing.assert_allclose(found.values, np.abs(numeric), rtol=1e-6, atol=1e-9)
        assert found.score == pytest.approx(score(image, c))
        assert found.probabilities.sum() == pytest.approx(1)


@pytest.mark.parametrize("preset", ["seed-mlp", "cnn", "rnn-rows"])
def test_gradient_and_smoothgrad_match_captum(preset, digits):
    captum = pytest.importorskip("captum.attr")
    model = preset_model(preset).eval()
    image = digits[0]
    found = gradient_saliency(model, image, 3, MEAN, STD)
    pixels = torch.from_numpy(image)[None, None].requires_grad_(True)
    reference = captum.Saliency(reference_forward(model)).attribute(pixels, target=3, abs=True)
    np.testing.assert_allclose(found.values, reference[0, 0].numpy(), rtol=1e-4, atol=1e-7)

    smooth = smoothgrad(model, image, 3, samples=6, noise=0.2, seed=4, mean=MEAN, std=STD)
    noisy = image[None] + np.random.default_rng(4).normal(0, 0.2, (6, *image.shape))
    batch = torch.from_numpy(noisy.astype(np.float32))[:, None].requires_grad_(True)
    reference = captum.Saliency(reference_forward(model)).attribute(batch, target=3, abs=True).mean(0)
    np.testing.assert_allclose(smooth.values, reference[0].numpy(), rtol=1e-4, atol=1e-7)
    assert (smooth.samples, smooth.noise, smooth.target) == (6, 0.2, 3)


def test_grad_cam_matches_captum(digits):
    captum = pytest.importorskip("captum.attr")
    torch.manual_seed(1)
    batchnorm_net = nn.Sequential(OrderedDict(
        conv1=nn.Conv2d(1, 4, 3, stride=2), bn1=nn.BatchNorm2d(4), relu1=nn.ReLU(), flatten1=nn.Flatten(),
        fc1=nn.Linear(4 * 13 * 13, 10), softmax=nn.Softmax(dim=-1)))
    batchnorm_net.bn1.running_mean.uniform_(-0.5, 0.5)  # eval-mode statistics that are not the identity
    for model, maps_from in ((preset_model("cnn"), "relu2"), (batchnorm_net, "relu1")):
        model.eval()
        for image in digits:
            for target in (None, 7):
                found = grad_cam(model, image, target, mean=MEAN, std=STD)
                assert (found.layer, found.maps_from) == (last_conv_layer(model), maps_from)
                # the score explained is the logit: what goes into the final Softmax
                logits = model[:-1] if isinstance(model[-1], nn.Softmax) else model
                layer = captum.LayerGradCam(reference_forward(logits), getattr(model, maps_from))
                coarse = layer.attribute(torch.from_numpy(image)[None, None], target=found.target,
                                         relu_attributions=True)
                full = captum.LayerAttribution.interpolate(coarse, image.shape, "bilinear")
                np.testing.assert_allclose(found.coarse, coarse[0, 0].detach().numpy(), rtol=1e-4, atol=1e-8)
                np.testing.assert_allclose(found.values, full[0, 0].detach().numpy(), rtol=1e-4, atol=1e-8)
                assert found.values.shape == image.shape and found.values.min() >= 0


def bars(horizontal_at, vertical_at):
    """A 20×20 image with a horizontal bar (rows) and a vertical bar (columns), each 1 pixel wide."""
    image = np.zeros((20, 20))
    image[horizontal_at[0], horizontal_at[1]:horizontal_at[1] + 5] = 1
    image[vertical_at[0]:vertical_at[0] + 5, vertical_at[1]] = 1
    return image


def bar_detector():
    """Channel 0 finds horizontal strokes, channel 1 vertical ones; class k is the sum of channel k."""
    conv = nn.Conv2d(1, 2, 3, padding=1)
    line = torch.tensor([[-1.0, -1.0, -1.0], [2.0, 2.0, 2.0], [-1.0, -1.0, -1.0]])
    with torch.no_grad():
        conv.weight.copy_(torch.stack([line, line.T])[:, None])
        conv.bias.fill_(-1.0)
    head = nn.Linear(2 * 20 * 20, 2, bias=False)
    with torch.no_grad():
        head.weight.zero_()
        head.weight[0, :400] = 1
        head.weight[1, 400:] = 1
    return nn.Sequential(OrderedDict(conv1=conv, relu1=nn.ReLU(), flatten1=nn.Flatten(), fc1=head))


def test_grad_cam_highlights_the_stroke_the_class_responds_to():
    model = bar_detector()
    image = bars(horizontal_at=(4, 3), vertical_at=(11, 14))
    near_horizontal = np.zeros((20, 20), bool)
    near_horizontal[3:6, 2:9] = True
    near_vertical = np.zeros((20, 20), bool)
    near_vertical[10:17, 13:16] = True
    for target, region, other in ((0, near_horizontal, near_vertical), (1, near_vertical, near_horizontal)):
        found = grad_cam(model, image, target, mean=0.0, std=1.0)
        assert found.values.min() >= 0
        assert region[np.unravel_index(np.argmax(found.values), image.shape)]
        assert found.values[region].sum() > 0.9 * found.values.sum()
        assert found.values[other].max() < 0.05 * found.values.max()
        assert found.channel_weights[target] > 0 and found.channel_weights[1 - target] == 0
    # the gradient map of the same network lights up the same stroke
    found = gradient_saliency(model, image, 0, mean=0.0, std=1.0)
    assert found.values[near_horizontal].sum() > found.values[near_vertical].sum()


def test_grad_cam_refuses_a_network_without_convolution(digits):
    model = preset_model("seed-mlp")
    with pytest.raises(SaliencyError, match="Grad-CAM needs a convolution layer") as refused:
        grad_cam(model, digits[0])
    assert "\n" not in str(refused.value)
    assert last_conv_layer(model) is None
    cnn = preset_model("cnn")
    with pytest.raises(SaliencyError, match="'fc1' is a Linear layer"):
        grad_cam(cnn, digits[0], layer="fc1")
    with pytest.raises(SaliencyError, match="no layer named 'conv9'"):
        grad_cam(cnn, digits[0], layer="conv9")
    first = grad_cam(cnn, digits[0], layer="conv1")
    assert (first.layer, first.maps_from, first.coarse.shape) == ("conv1", "relu1", (28, 28))


def test_smoothgrad_is_seeded_and_without_noise_is_the_gradient(digits):
    model = preset_model("cnn")
    image = digits[1]
    a = smoothgrad(model, image, samples=5, seed=1)
    assert np.array_equal(a.values, smoothgrad(model, image, samples=5, seed=1).values)
    assert not np.allclose(a.values, smoothgrad(model, image, samples=5, seed=2).values)
    plain = gradient_saliency(model, image)
    np.testing.assert_allclose(smoothgrad(model, image, samples=3, noise=0.0).values, plain.values, rtol=1e-5,
                               atol=1e-9)
    # the class is chosen on the image itself, and every copy explains that class
    assert a.target == plain.target == plain.prediction
    np.testing.assert_allclose(saliency_map(model, image, "smoothgrad", samples=5, seed=1).values, a.values)
    with pytest.raises(ValueError):
        smoothgrad(model, image, samples=0)


def test_the_network_is_left_as_it_was(digits):
    model = preset_model("cnn")
    model.train()
    sentinel = torch.full_like(model.fc1.weight, 0.25)
    model.fc1.weight.grad = sentinel.clone()
    with torch.no_grad():  # a caller inside no_grad still gets gradients
        for method in ("gradient", "smoothgrad", "gradcam"):
            found = saliency_map(model, digits[0], method, samples=4)
            assert found.values.max() > 0 and found.method == method
    assert model.training and all(m.training for m in model.modules())
    assert torch.equal(model.fc1.weight.grad, sentinel)
    assert all(p.grad is None for name, p in model.named_parameters() if name != "fc1.weight")
    model.eval()
    gradient_saliency(model, digits[0])
    assert not model.training


def test_class_out_of_range_and_one_output_networks(digits):
    model = preset_model("cnn")
    with pytest.raises(ValueError, match="there is no class 10"):
        gradient_saliency(model, digits[0], 10)
    spec = ModelSpec([LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 1})])
    yes_no = build_model(spec, seed=0)
    yes, no = gradient_saliency(yes_no, digits[0], 1), gradient_saliency(yes_no, digits[0], 0)
    with torch.no_grad():
        z = float(yes_no(torch.from_numpy((digits[0] - 0.5) / 0.5)[None, None])[0, 0])
    assert yes.probabilities == pytest.approx([1 - 1 / (1 + np.exp(-z)), 1 / (1 + np.exp(-z))], rel=1e-5)
    assert (yes.score, no.score) == pytest.approx((z, -z), rel=1e-5)
    assert yes.prediction == int(z > 0)
    np.testing.assert_allclose(yes.values, no.values)  # the scores z and −z: the same |gradient|
    assert yes.scaled().max() == pytest.approx(1)

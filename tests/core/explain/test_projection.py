"""The activation map: a layer's outputs for many digits, PCA against numpy's SVD (and scikit-learn's PCA when
installed), the randomised PCA of a wide layer against the exact one, stable signs, and t-SNE (optional)."""

import importlib
import sys
from dataclasses import replace

import numpy as np
import pytest
import torch

from playground.core.explain import projection
from playground.core.explain.inspection import layer_activations
from playground.core.explain.projection import (
    ProjectionError,
    TsneUnavailable,
    layer_features,
    pca_2d,
    projection_sample,
    tsne_2d,
    tsne_available,
)
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset


def stretched_cloud(n=400, f=12, seed=0):
    """Points with a known spread: standard deviations 5, 3, 1, 0.5, ... along random orthogonal axes."""
    rng = np.random.default_rng(seed)
    scales = np.concatenate([[5.0, 3.0, 1.0], np.full(f - 3, 0.5)])
    rotation = np.linalg.qr(rng.normal(size=(f, f)))[0]
    return (rng.normal(size=(n, f)) * scales) @ rotation.T + rng.normal(size=f), rotation


@pytest.fixture(scope="module")
def digits(small_mnist):
    return small_mnist.test.images.astype(np.float32) / 255, small_mnist.test.labels


def exact_pca(x, k=2):
    """The reference: numpy's SVD of the centred data."""
    centred = x - x.mean(0)
    _, s, vt = np.linalg.svd(centred.astype(np.float64), full_matrices=False)
    return vt[:k], s[:k] ** 2 / (len(x) - 1), (s ** 2).sum() / (len(x) - 1)


def assert_same_axes(found, expected, cos=1 - 1e-9):
    """Axes equal up to sign: |cos| of each pair near 1."""
    assert np.all(np.abs(np.sum(found * expected, 1)) >= cos)


@pytest.mark.parametrize("shape", [(400, 12), (60, 700)])  # more images than features, and fewer (both exact)
def test_pca_matches_numpy_svd_and_its_first_axis_explains_most(shape):
    x, rotation = stretched_cloud(*shape)
    found = pca_2d(x)
    axes, variances, total = exact_pca(x)
    assert_same_axes(found.axes, axes)
    np.testing.assert_allclose(found.variances, variances, rtol=1e-9)
    assert found.total_variance == pytest.approx(total, rel=1e-9)
    assert found.explained[0] > found.explained[1] > 0 and found.explained.sum() < 1
    np.testing.assert_allclose(np.abs(found.points), np.abs((x - x.mean(0)) @ axes.T), atol=1e-8)
    if shape[0] > shape[1]:  # enough points to find the planted directions (spread 5 and 3)
        assert_same_axes(found.axes, rotation[:, :2].T, cos=0.99)
    # the points' own variance along each axis is the one reported
    np.testing.assert_allclose(found.points.var(0, ddof=1), found.variances, rtol=1e-9)


def test_pca_matches_scikit_learn():
    decomposition = pytest.importorskip("sklearn.decomposition")
    x, _ = stretched_cloud()
    found = pca_2d(x.astype(np.float32))
    reference = decomposition.PCA(2, svd_solver="full").fit(x.astype(np.float32))
    np.testing.assert_allclose(found.explained, reference.explained_variance_ratio_, rtol=1e-5)
    assert_same_axes(found.axes, reference.components_, cos=1 - 1e-6)
    np.testing.assert_allclose(np.abs(found.points), np.abs(reference.transform(x.astype(np.float32))), atol=1e-4)


def test_the_randomised_pca_of_a_wide_layer_matches_the_exact_one(digits):
    model = build_model(load_preset("cnn").spec, seed=0)
    features = layer_features(model, digits[0][:300], "relu1")  # 300 digits × 16·28·28 values: too wide to be exact
    assert features.shape == (300, 16 * 28 * 28) and min(features.shape) > projection.EXACT_PCA_LIMIT
    found = pca_2d(features)
    centred = features.astype(np.float64) - features.mean(0, dtype=np.float64)
    eigenvalues, u = np.linalg.eigh(centred @ centred.T)  # the exact axes, from the Gram matrix
    axes = (centred.T @ u[:, [-1, -2]]).T
    axes /= np.linalg.norm(axes, axis=1, keepdims=True)
    assert_same_axes(found.axes, axes, cos=0.999)
    np.testing.assert_allclose(found.variances, eigenvalues[[-1, -2]] / 299, rtol=1e-3)


@pytest.mark.parametrize(("offset", "implicit"), [(0.0, True), (0.1, True), (3.0, False), (1e4, False)])
def test_the_wide_pca_centres_without_a_copy_and_stays_exact_whatever_the_mean(offset, implicit, monkeypatch):
    centres = []
    real_init = projection._CenteredData.__init__
    monkeypatch.setattr(projection._CenteredData, "__init__",
                        lambda self, x, center: centres.append(center is not None) or real_init(self, x, center))
    rng = np.random.default_rng(1)
    n, f = 300, 2000  # wide enough for the randomised PCA
    planted = np.linalg.qr(rng.normal(size=(f, 2)))[0].T
    x = (rng.normal(size=(n, 1)) * 4 * planted[0] + rng.normal(size=(n, 1)) * 2 * planted[1]
         + rng.normal(size=(n, f)) * 0.05 + offset * rng.uniform(0.5, 1.5, size=f)).astype(np.float32)
    found = pca_2d(x)
    axes, variances, total = exact_pca(x.astype(np.float64))  # a float32 mean of large values is off itself
    assert_same_axes(found.axes, axes, cos=0.9999)
    np.testing.assert_allclose(found.variances, variances, rtol=1e-3)
    assert found.total_variance == pytest.approx(total, rel=1e-3)
    np.testing.assert_allclose(found.center, x.mean(0, dtype=np.float64), rtol=1e-5, atol=1e-6)
    reference = (x.astype(np.float64) - x.mean(0, dtype=np.float64)) @ found.axes.T
    np.testing.assert_allclose(found.points, reference, atol=1e-3 * np.abs(reference).max())
    # Centred without a copy while the mean is not much larger than the spread; else a centred copy first.
    assert centres and set(centres) == {implicit}


def test_an_update_of_a_wide_layer_started_from_the_last_axes_matches_the_exact_one(digits, monkeypatch):
    model = build_model(load_preset("cnn").spec, seed=0)
    before = pca_2d(layer_features(model, digits[0][:300], "relu1"))
    with torch.no_grad():  # a little training later: the axes have moved a little
        for parameter in model.parameters():
            parameter.add_(torch.randn_like(parameter) * 0.05 * parameter.std())
    features = layer_features(model, digits[0][:300], "relu1")
    passes = []
    real = projection._qr
    monkeypatch.setattr(projection, "_qr", lambda a: passes.append(1) or real(a))
    update = pca_2d(features, align_to=before)
    assert len(passes) == projection.WARM_ITERATIONS + 1  # started warm: no power iteration, not three
    centred = features.astype(np.float64) - features.mean(0, dtype=np.float64)
    eigenvalues, u = np.linalg.eigh(centred @ centred.T)
    axes = (centred.T @ u[:, [-1, -2]]).T
    axes /= np.linalg.norm(axes, axis=1, keepdims=True)
    assert_same_axes(update.axes, axes, cos=0.999)
    np.testing.assert_allclose(update.variances, eigenvalues[[-1, -2]] / 299, rtol=1e-3)
    assert np.all(np.sum(update.axes * before.axes, 1) > 0)  # and it points the way the last picture did
    # Started far from the answer (another network's axes): it notices and iterates as from a cold start.
    elsewhere = replace(before, axes=np.linalg.qr(np.random.default_rng(5).normal(size=(features.shape[1], 2)))[0].T)
    passes.clear()
    recovered = pca_2d(features, align_to=elsewhere)
    assert len(passes) == projection.WARM_ITERATIONS + 1 + projection.POWER_ITERATIONS + 1
    assert_same_axes(recovered.axes, axes, cos=0.999)


def test_signs_are_fixed_and_follow_the_previous_projection():
    x, _ = stretched_cloud()
    first = pca_2d(x)
    assert np.all(first.axes[np.arange(2), np.argmax(np.abs(first.axes), 1)] > 0)
    np.testing.assert_array_equal(pca_2d(x).points, first.points)  # the same data, the same picture
    moved = x + np.random.default_rng(1).normal(0, 0.3, x.shape)  # the next epoch: a little different
    update = pca_2d(moved, align_to=first)
    assert np.all(np.sum(update.axes * first.axes, 1) > 0.9)
    mirrored = replace(first, axes=-first.axes)  # a previous picture whose axes point the other way
    follows = pca_2d(moved, align_to=mirrored)
    np.testing.assert_allclose(follows.axes, -update.axes)
    np.testing.assert_allclose(follows.points, -update.points)


def test_new_images_land_where_the_fit_put_them():
    x, _ = stretched_cloud()
    found = pca_2d(x)
    np.testing.assert_allclose(found.project(x[:5]), found.points[:5], atol=1e-10)
    assert found.project(x[7]).shape == (1, 2)


def test_layer_features_are_the_layer_outputs(digits):
    images = digits[0][:7]
    model = build_model(load_preset("cnn").spec, seed=0)
    model.train()
    reports = []
    every_layer = [{a.name: a.values.reshape(-1) for a in layer_activations(model, image, 0.2, 0.3)}
                   for image in images]
    for layer in ("conv1", "pool2", "fc1", "fc2"):
        features = layer_features(model, images, layer, mean=0.2, std=0.3, batch_size=3, progress=reports.append)
        np.testing.assert_allclose(features, np.stack([outputs[layer] for outputs in every_layer]), atol=1e-5)
    assert reports[:3] == pytest.approx([3 / 7, 6 / 7, 1.0])
    pixels = (images * 255).round().astype(np.uint8)  # a dataset's own pixels give the same features
    np.testing.assert_allclose(layer_features(model, pixels, "fc1", 0.2, 0.3),
                               layer_features(model, pixels / np.float32(255), "fc1", 0.2, 0.3), atol=1e-6)
    assert model.training  # eval mode inside, the mode it was in after
    # The last update's array is filled again when it fits (no fresh 100 MB each time), else replaced.
    last = layer_features(model, images, "pool2", 0.2, 0.3)
    with torch.no_grad():
        model.fc1.weight.mul_(2)
    again = layer_features(model, images, "fc1", 0.2, 0.3, out=np.zeros((7, 128), np.float32))
    assert layer_features(model, images, "fc1", 0.2, 0.3, out=again) is again
    refilled = layer_features(model, images, "pool2", 0.2, 0.3, out=last)
    assert refilled is last and np.allclose(refilled, np.stack([outputs["pool2"] for outputs in every_layer]),
                                            atol=1e-5)
    assert layer_features(model, images, "pool2", 0.2, 0.3, out=again).shape == (7, 1568)
    assert layer_features(model, images, "fc1", cancelled=lambda: True) is None
    with pytest.raises(ProjectionError, match="no layer named 'fc9'"):
        layer_features(model, images, "fc9")


def test_batches_keep_each_layer_output_small_and_dropout_stays_off(digits, monkeypatch):
    """A convolution's images go through it as many at a time as keep its widest output within
    BATCH_OUTPUT_BYTES (a larger one is mapped fresh from the system each time); a dense network's go
    FEATURE_BATCH at a time. Dropout is off for the features, each module's own mode is back after, and
    the values are the eval-mode outputs."""
    passed = []
    real = projection._through
    monkeypatch.setattr(projection, "_through", lambda head, x, *more: passed.append(len(x)) or real(head, x, *more))
    cnn = build_model(load_preset("cnn").spec, seed=0)
    reports = []
    layer_features(cnn, digits[0][:100], "fc2", progress=reports.append)
    per_pass = projection.BATCH_OUTPUT_BYTES // (16 * 28 * 28 * 4)  # conv1's maps are the widest
    assert 1 < per_pass < projection.FEATURE_BATCH and reports == [1.0]  # the lock is held once for 100
    assert passed == [1] + [per_pass] * (100 // per_pass) + [100 % per_pass] * (100 % per_pass > 0)
    mlp = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(784, 64), torch.nn.Dropout(0.5),
                              torch.nn.Linear(64, 10))
    mlp.train()
    mlp[1].eval()  # a module's own mode, unlike its parent's, is kept
    passed.clear()
    features = layer_features(mlp, digits[0][:250], "3")
    assert passed == [1, 100, 100, 50]
    assert [m.training for m in mlp.modules()] == [True, True, False, True, True]
    with torch.no_grad():
        expected = mlp.eval()(((torch.from_numpy(digits[0][:250]) - 0.5) / 0.5)[:, None]).numpy()
    np.testing.assert_allclose(features, expected, atol=1e-5)


def test_a_too_wide_layer_is_refused_before_filling_memory(digits, monkeypatch):
    monkeypatch.setattr(projection, "MAX_FEATURE_VALUES", 10_000)
    model = build_model(load_preset("cnn").spec, seed=0)
    with pytest.raises(ProjectionError, match="conv1 gives 12544 numbers per image") as refused:
        layer_features(model, digits[0][:5], "conv1")
    assert "\n" not in str(refused.value)
    with pytest.raises(ProjectionError):
        pca_2d(np.zeros((1, 3)))  # one point has no spread
    with pytest.raises(ProjectionError, match="not finite"):
        pca_2d(np.array([[0.0, 1.0], [np.nan, 2.0]]))


def test_the_sample_is_seeded_and_in_order():
    sample = projection_sample(10_000, 2000, seed=3)
    assert len(np.unique(sample)) == 2000 and np.all(np.diff(sample) > 0)
    np.testing.assert_array_equal(sample, projection_sample(10_000, 2000, seed=3))
    assert not np.array_equal(sample, projection_sample(10_000, 2000, seed=4))
    np.testing.assert_array_equal(projection_sample(500), np.arange(500))


def blobs(seed=0):
    """Three well-separated clusters of 20 points in 60 dimensions, and their labels."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 10, (3, 60))
    labels = np.repeat(np.arange(3), 20)
    return centres[labels] + rng.normal(size=(60, 60)), labels


def test_tsne_is_seeded_reports_progress_and_can_be_cancelled():
    pytest.importorskip("sklearn.manifold")
    assert tsne_available()
    x, labels = blobs()
    reports = []
    points = tsne_2d(x, seed=2, perplexity=5, iterations=500, progress=reports.append)
    assert points.shape == (60, 2) and points.dtype == np.float32 and np.all(np.isfinite(points))
    assert reports == [0.5, 1.0]
    np.testing.assert_array_equal(points, tsne_2d(x, seed=2, perplexity=5, iterations=500))
    # each point's nearest neighbour in the picture is of its own cluster
    distances = np.linalg.norm(points[:, None] - points[None], axis=2) + np.eye(len(points)) * 1e9
    assert np.mean(labels[distances.argmin(1)] == labels) > 0.95
    asked = []
    assert tsne_2d(x, perplexity=5, iterations=500, cancelled=lambda: asked.append(1) or len(asked) > 1) is None
    assert len(asked) == 2  # asked before each stage: the second stage never ran


def test_without_scikit_learn_tsne_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "sklearn.manifold", None)  # what an import of a missing package does
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    assert not tsne_available()
    with pytest.raises(TsneUnavailable, match="pip install scikit-learn") as missing:
        tsne_2d(np.zeros((10, 3)))
    assert "\n" not in str(missing.value)
    # PCA needs nothing beyond numpy
    assert pca_2d(np.random.default_rng(0).normal(size=(10, 3))).points.shape == (10, 2)


def test_features_come_from_the_lock_holder(digits):
    """Given the trainer's lock, each batch runs under it (training goes on between batches)."""
    model = build_model(load_preset("seed-mlp").spec, seed=0)
    held = []

    class Lock:
        def __enter__(self):
            held.append(True)

        def __exit__(self, *exc):
            return None

    layer_features(model, digits[0][:10], "relu1", lock=Lock(), batch_size=4)
    assert len(held) == 1 + 3  # the one image that sizes the passes, then 3 batches

import numpy as np
import pytest

from playground.core.model.builder import build_model
from playground.core.model.inference import class_probabilities, predict_images
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.training.metrics import RunningEma, ema


def test_ema_in_pieces_equals_ema_at_once():
    values = np.random.default_rng(0).random(50)
    running = RunningEma(0.8)
    pieces = np.concatenate([running.extend(values[:7]), running.extend(values[7:30]), running.extend(values[30:])])
    assert np.allclose(pieces, ema(values, 0.8))
    assert ema([5.0], 0.9)[0] == pytest.approx(5.0)  # bias-corrected: starts at the first value


def test_probabilities_sum_to_one_and_softmax_is_not_applied_twice():
    images = np.random.default_rng(1).random((4, 28, 28)).astype(np.float32)
    plain = build_model(load_preset("seed-mlp").spec, seed=0)
    with_softmax_spec = load_preset("seed-mlp").spec
    with_softmax_spec.layers.append(LayerSpec("Softmax"))
    with_softmax = build_model(with_softmax_spec, seed=0)
    p1 = class_probabilities(plain, images)
    p2 = class_probabilities(with_softmax, images)
    assert np.allclose(p1.sum(1), 1, atol=1e-5) and np.allclose(p1, p2, atol=1e-6)


def test_predict_images_runs_the_mnist_preprocessing(small_mnist):
    model = build_model(load_preset("seed-mlp").spec, seed=0)
    big = np.zeros((200, 300), np.uint8)
    big[40:140, 100:170] = 255
    preds = predict_images(model, [small_mnist.test.images[0], big])
    assert len(preds) == 2 and preds[1].image28.shape == (28, 28)
    assert 0 <= preds[0].prediction <= 9 and preds[0].probabilities.shape == (10,)
    assert predict_images(model, []) == []


def test_prediction_restores_training_mode():
    model = build_model(ModelSpec([LayerSpec("Flatten"), LayerSpec("Dropout"),
                                   LayerSpec("Linear", {"out_features": 10})]))
    model.train()
    class_probabilities(model, np.zeros((1, 28, 28), np.float32))
    assert model.training

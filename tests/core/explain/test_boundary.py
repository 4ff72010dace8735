"""The 2-D playground's core: its networks, the grid, and frames of what the network computes there."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from playground.core.data.toy_data import EXTENT, ToyProblem, make_problem, problem_features
from playground.core.explain.boundary import (
    CURVE_RESOLUTION,
    GRID_RESOLUTION,
    PlaygroundError,
    network_frame,
    output_units,
    playground_spec,
    plot_grid,
)
from playground.core.training.trainer import Trainer, TrainingSetupError
from playground.core.training.training_config import TrainingConfig


def trainer_for(problem: ToyProblem, hidden, epochs=1, activation="Tanh", output="auto", lr=0.03, optimizer="sgd"):
    spec = playground_spec(len(problem.features), hidden, activation, output, problem.task, output_units(problem))
    config = TrainingConfig(epochs=epochs, batch_size=10, learning_rate=lr, optimizer=optimizer, task=problem.task,
                            device="cpu", seed=problem.seed)
    return Trainer(spec, config, make_problem(problem))


def test_playground_spec_names_the_layers_as_built():
    spec = playground_spec(3, [4, 2], "ReLU", "auto", "binary", 1)
    assert spec.input_shape == (3,)
    assert [layer.type for layer in spec.layers] == ["Linear", "ReLU", "Linear", "ReLU", "Linear", "Sigmoid"]
    assert [layer.get("out_features") for layer in spec.layers if layer.type == "Linear"] == [4, 2, 1]
    # Linear hidden units have no activation layer; multi-class and regression end on the Linear.
    linear = playground_spec(2, [3], "Linear", "auto", "multiclass", 4)
    assert [layer.type for layer in linear.layers] == ["Linear", "Linear"]
    relu_out = playground_spec(1, [], "Tanh", "ReLU", "regression", 1)
    assert [layer.type for layer in relu_out.layers] == ["Linear", "ReLU"]


@pytest.mark.parametrize("args, words", [
    ((0, [4], "Tanh"), "inputs"),
    ((2, [4] * 7, "Tanh"), "hidden layers"),
    ((2, [9], "Tanh"), "neurons"),
    ((2, [4], "Swish"), "activation"),
])
def test_playground_spec_refuses_what_the_playground_cannot_draw(args, words):
    with pytest.raises(PlaygroundError, match=words):
        playground_spec(*args)


def test_the_grid_carries_the_features_the_network_sees():
    problem = ToyProblem(features=("x1", "x1*x2", "sin(x2)"))
    grid = plot_grid(problem)
    r = GRID_RESOLUTION
    assert grid.shape == (r, r) and grid.points.shape == (r * r, 2) and grid.features.shape == (r * r, 3)
    assert np.array_equal(grid.features, problem_features(grid.points, problem.features))
    image = grid.points.reshape(r, r, 2)
    # Row-major like an image with its origin at the bottom left: columns walk x1, rows walk x2.
    assert np.allclose(image[0, :, 0], grid.xs) and np.allclose(image[:, 0, 1], grid.xs)
    assert grid.xs[0] == -EXTENT and grid.xs[-1] == EXTENT
    line = plot_grid(ToyProblem("regression_1d", "sine", features=("x1", "sin(x1)")))
    assert line.one_d and line.shape == (CURVE_RESOLUTION,) and line.features.shape == (CURVE_RESOLUTION, 2)


def model_outputs(trainer, grid):
    with torch.no_grad():
        return trainer.head.probabilities(trainer.model(torch.from_numpy(grid.features))).numpy()


def test_a_frame_is_the_models_answer_on_every_grid_point_and_every_units_output():
    problem = ToyProblem("classification", "circle", n_points=200, features=("x1", "x2"))
    trainer = trainer_for(problem, [3, 2], epochs=3)
    trainer.run()
    grid = plot_grid(problem, 40)
    frame = network_frame(trainer.model, trainer.head, grid, step=trainer.global_step, epoch=trainer.epochs_done)
    assert frame.shape == (40, 40) and frame.epoch == 3 and frame.task == "binary"
    assert np.allclose(frame.values.ravel(), model_outputs(trainer, grid)[:, 0], atol=1e-6)
    assert np.array_equal(frame.predicted, (frame.values >= 0.5).astype(np.int64))
    assert [layer.shape for layer in frame.layers] == [(3, 40, 40), (2, 40, 40), (1, 40, 40)]
    assert frame.hidden_units == 5
    # Hidden layer 1, unit k at every point: tanh(W[k]·x + b[k]) with the model's own weights.
    w, b = trainer.model.fc1.weight.detach().numpy(), trainer.model.fc1.bias.detach().numpy()
    expected = np.tanh(grid.features @ w.T + b).T.reshape(3, 40, 40)
    assert np.allclose(frame.layers[0], expected, atol=1e-5)
    assert np.array_equal(frame.weights[1], trainer.model.fc2.weight.detach().numpy())
    assert frame.weights[0] is not trainer.model.fc1.weight  # copies, safe to hand to another thread
    assert trainer.model.training  # the frame left the model as it found it


def test_frames_of_multiclass_and_regression_networks():
    spiral = ToyProblem("classification", "spiral", n_points=150, n_classes=3, features=("x1", "x2"))
    trainer = trainer_for(spiral, [4])
    grid = plot_grid(spiral, 20)
    frame = network_frame(trainer.model, trainer.head, grid)
    probabilities = model_outputs(trainer, grid)
    assert frame.probabilities.shape == (20, 20, 3)
    assert np.allclose(frame.probabilities.reshape(-1, 3), probabilities, atol=1e-6)
    assert np.array_equal(frame.predicted.ravel(), probabilities.argmax(1))
    sine = ToyProblem("regression_1d", "sine", n_points=100, features=("x1",))
    trainer = trainer_for(sine, [5], output="ReLU")
    line = plot_grid(sine)
    frame = network_frame(trainer.model, trainer.head, line)
    assert frame.predicted is None and frame.values.shape == (CURVE_RESOLUTION,)
    assert np.allclose(frame.values, model_outputs(trainer, line)[:, 0], atol=1e-6)
    assert frame.values.min() >= 0  # the ReLU output the learner chose
    assert frame.layers[0].shape == (5, CURVE_RESOLUTION)


def test_the_boundary_changes_as_the_network_learns_the_circle():
    problem = ToyProblem("classification", "circle", n_points=300, features=("x1^2", "x2^2"))
    trainer = trainer_for(problem, [], epochs=1, lr=0.01, optimizer="adam")
    grid = plot_grid(problem, 25)
    before = network_frame(trainer.model, trainer.head, grid)
    trainer.config.epochs = 40
    trainer.run()
    after = network_frame(trainer.model, trainer.head, grid)
    assert np.abs(after.values - before.values).max() > 0.3
    centre, corner = after.values[12, 12], after.values[0, 0]
    assert centre < 0.2 and corner > 0.8  # class 0 inside the circle, class 1 outside


def test_xor_needs_a_product_feature_when_there_is_no_hidden_layer():
    def test_accuracy(features):
        problem = ToyProblem("classification", "xor", n_points=300, seed=1, features=features)
        trainer = trainer_for(problem, [], epochs=30)
        return trainer.run().test_accuracy

    assert test_accuracy(("x1", "x2")) < 0.75  # one straight line cannot separate XOR's four quadrants
    assert test_accuracy(("x1", "x2", "x1*x2")) > 0.95  # the sign of x1·x2 is the answer


def test_an_output_activation_that_does_not_fit_the_task_is_refused_with_the_fix():
    problem = ToyProblem("classification", "circle", n_points=100)
    with pytest.raises(TrainingSetupError, match="Sigmoid"):
        trainer_for(problem, [2], output="Linear")

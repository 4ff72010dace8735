"""Learning tasks beyond digit classification: binary, multi-class and regression on 2-D data, multi-label
MNIST, L1/L2 regularisation, learning-rate schedules, and the warnings when head and loss don't fit."""

import math

import numpy as np
import pytest
import torch

from playground.core.data.toy_data import ToyDataError, ToyProblem, make_problem
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import check_head, digit_attributes, f1_scores, r2_score
from playground.core.training.events import StepDone
from playground.core.training.metrics import History
from playground.core.training.schedules import learning_rate_at
from playground.core.training.trainer import Trainer, TrainingSetupError
from playground.core.training.training_config import ConfigError, TrainingConfig


def mlp(inputs, hidden, outputs, last=None, act="Tanh", image=False):
    layers = [{"type": "Flatten"}] if image else []
    for h in hidden:
        layers += [{"type": "Linear", "out_features": h}, {"type": act}]
    layers.append({"type": "Linear", "out_features": outputs})
    if last:
        layers.append({"type": last})
    shape = [1, 28, 28] if image else [inputs]
    return ModelSpec.from_json({"input_shape": shape, "layers": layers})


def train_toy(problem, spec, **config):
    data = make_problem(problem)
    settings = {"task": problem.task, "epochs": 40, "batch_size": 16, "learning_rate": 0.02, **config}
    trainer = Trainer(spec, TrainingConfig(**settings), data)
    summary = trainer.run()
    assert summary.reason == "completed", summary.message
    return trainer


# ----- the head: task, loss and last activation ---------------------------------------------------

@pytest.mark.parametrize("task, last", [("multiclass", "Identity"), ("binary", "Sigmoid"),
                                        ("multilabel", "Sigmoid"), ("regression", "Identity"),
                                        ("regression", "ReLU")])
def test_each_task_default_head_has_no_complaints(task, last):
    assert check_head(task, "auto", last) == ([], [])


def test_softmax_for_multilabel_is_called_wrong_and_why():
    errors, warnings = check_head("multilabel", "cross_entropy", "Identity")
    assert not errors and any("compete" in w and "Sigmoid per label" in w for w in warnings)
    errors, warnings = check_head("multilabel", "bce", "Softmax")
    assert not errors and any("compete" in w for w in warnings)


@pytest.mark.parametrize("task, loss, last, fragment", [
    ("binary", "bce", "Identity", "add a Sigmoid"),
    ("regression", "cross_entropy", "Identity", "classification loss"),
    ("regression", "mse", "Softmax", "sum to 1"),
    ("binary", "auto", "Softmax", "always 1"),
])
def test_combinations_that_cannot_work_are_errors_that_say_the_fix(task, loss, last, fragment):
    errors, _ = check_head(task, loss, last)
    assert errors and fragment in errors[0]


def test_trainer_refuses_a_wrong_head_before_training():
    problem = ToyProblem(name="circle")
    with pytest.raises(TrainingSetupError, match="add a Sigmoid"):
        Trainer(mlp(2, [4], 1), TrainingConfig(task="binary", loss="bce"), make_problem(problem))
    with pytest.raises(TrainingSetupError, match="out_features to 1"):
        Trainer(mlp(2, [4], 2, "Sigmoid"), TrainingConfig(task="binary"), make_problem(problem))


def test_the_data_decides_which_tasks_make_sense(small_mnist):
    with pytest.raises(TrainingSetupError, match="regression needs numeric targets"):
        Trainer(mlp(0, [8], 1, image=True), TrainingConfig(task="regression"), small_mnist)
    with pytest.raises(TrainingSetupError, match="exactly two classes"):
        Trainer(mlp(0, [8], 1, "Sigmoid", image=True), TrainingConfig(task="binary"), small_mnist)
    surface = make_problem(ToyProblem(kind="surface", name="bowl"))
    with pytest.raises(TrainingSetupError, match="numeric targets"):
        Trainer(mlp(2, [8], 1), TrainingConfig(task="multiclass"), surface)


# ----- learning on each task ------------------------------------------------------------------------

def test_binary_classification_learns_the_circle():
    trainer = train_toy(ToyProblem(name="circle", noise=0.05), mlp(2, [8, 8], 1, "Sigmoid"))
    last = trainer.history.epochs[-1]
    assert last["test_accuracy"] >= 0.95 and last["test_f1"] >= 0.95
    assert last["train_loss"] < trainer.history.step_losses[0] / 4


def test_multiclass_on_three_gaussians():
    problem = ToyProblem(name="gaussians", n_classes=3, n_points=600, noise=0.0)
    trainer = train_toy(problem, mlp(2, [8], 3), epochs=15)
    assert trainer.history.epochs[-1]["test_accuracy"] >= 0.8


def test_xor_needs_the_product_feature_or_a_hidden_layer():
    # TensorFlow Playground's lesson: a single linear unit can't do XOR on x1, x2 — but can on x1·x2.
    plain = train_toy(ToyProblem(name="xor", noise=0.0), mlp(2, [], 1, "Sigmoid"), epochs=20)
    product = train_toy(ToyProblem(name="xor", noise=0.0, features=("x1", "x2", "x1*x2")), mlp(3, [], 1, "Sigmoid"),
                        epochs=20)
    assert plain.history.epochs[-1]["test_accuracy"] < 0.75
    assert product.history.epochs[-1]["test_accuracy"] > 0.95


def test_regression_fits_a_sine_and_reports_r2_not_accuracy():
    problem = ToyProblem(kind="regression_1d", name="sine", features=("x1",), noise=0.05)
    trainer = train_toy(problem, mlp(1, [16, 16], 1), epochs=60, learning_rate=0.01)
    last = trainer.history.epochs[-1]
    assert last["test_r2"] > 0.85 and "test_accuracy" not in last and "train_accuracy" not in last
    assert last["test_mae"] < 0.3
    # History keeps regression rows through a save/load round trip (no accuracy key needed).
    trainer.history.evals.append({"epoch": 1.5, "step": 3, "test_loss": 0.5, "test_r2": 0.4})
    again = History.from_json(trainer.history.to_json())
    assert again.evals[-1]["test_r2"] == 0.4 and again.epochs[-1]["test_r2"] == last["test_r2"]


def test_one_d_problems_refuse_features_of_x2():
    with pytest.raises(ToyDataError, match="only x1"):
        make_problem(ToyProblem(kind="regression_1d", name="sine", features=("x1", "x2")))


def test_multilabel_digits_sigmoid_beats_softmax(small_mnist):
    common = {"task": "multilabel", "epochs": 3, "seed": 1}
    sigmoid = Trainer(mlp(0, [64], 4, "Sigmoid", act="ReLU", image=True), TrainingConfig(**common), small_mnist)
    softmax = Trainer(mlp(0, [64], 4, act="ReLU", image=True), TrainingConfig(loss="cross_entropy", **common),
                      small_mnist)
    sigmoid.run(), softmax.run()
    good, bad = sigmoid.history.epochs[-1], softmax.history.epochs[-1]
    assert not sigmoid.head_warnings and softmax.head_warnings
    assert good["test_f1"] > bad["test_f1"] + 0.2
    assert good["test_exact_match"] > bad["test_exact_match"]
    for k in range(4):
        assert 0.0 <= good[f"test_label{k}_f1"] <= 1.0


def test_digit_attributes():
    table = digit_attributes(np.arange(10))
    assert table[:, 0].tolist() == [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]  # even
    assert table[:, 1].tolist() == [0] * 5 + [1] * 5  # ≥ 5
    assert np.flatnonzero(table[:, 2]).tolist() == [2, 3, 5, 7]  # prime
    assert np.flatnonzero(table[:, 3]).tolist() == [0, 6, 8, 9]  # closed loop


def test_scores_match_their_definitions():
    probs = np.array([[0.9, 0.2], [0.6, 0.7], [0.1, 0.4], [0.8, 0.9]])
    targets = np.array([[1, 0], [0, 1], [0, 1], [1, 1]], dtype=np.float32)
    # label 0: tp 2, fp 1, fn 0 → 4/5; label 1: tp 2, fp 0, fn 1 → 4/5
    assert np.allclose(f1_scores(probs, targets), [0.8, 0.8])
    y = np.array([1.0, 2.0, 3.0])
    assert r2_score(y, y) == 1.0 and abs(r2_score(np.full(3, 2.0), y)) < 1e-12


# ----- regularisation ------------------------------------------------------------------------------

def weight_sums(trainer):
    weights = [p.detach() for p in trainer.model.parameters() if p.ndim > 1]
    return sum(float(w.abs().sum()) for w in weights), sum(float(w.pow(2).sum()) for w in weights)


def test_l1_and_l2_shrink_the_weights():
    problem = ToyProblem(name="circle")
    spec = mlp(2, [8, 8], 1, "Sigmoid")
    plain = train_toy(problem, spec, epochs=20)
    l1 = train_toy(problem, spec, epochs=20, regularization="l1", regularization_rate=0.01)
    l2 = train_toy(problem, spec, epochs=20, regularization="l2", regularization_rate=0.01)
    assert weight_sums(l1)[0] < 0.7 * weight_sums(plain)[0]
    assert weight_sums(l2)[1] < 0.7 * weight_sums(plain)[1]
    # L1 drives weights to (near) zero; L2 only makes them small.
    def tiny(t):
        return np.mean([float((p.abs() < 1e-2).float().mean()) for p in t.model.parameters() if p.ndim > 1])

    assert tiny(l1) > tiny(l2)


def test_regularisation_settings_are_checked():
    with pytest.raises(ConfigError) as err:
        TrainingConfig(regularization="l3").validate()
    assert err.value.field_name == "regularization"
    with pytest.raises(ConfigError):
        TrainingConfig(regularization_rate=-1.0).validate()


# ----- learning-rate schedules ------------------------------------------------------------------------

def torch_rates(scheduler_factory, steps, per_epoch_step=None):
    param = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([param], lr=0.1)
    sched = scheduler_factory(opt)
    rates = []
    for step in range(steps):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if per_epoch_step is None or (step + 1) % per_epoch_step == 0:
            sched.step()
    return rates


@pytest.mark.parametrize("name", ["step", "cosine", "one_cycle"])
def test_schedules_equal_pytorchs_schedulers(name):
    total, per_epoch = 50, 10
    ours = [learning_rate_at(name, 0.1, s, total, per_epoch, step_epochs=2, gamma=0.3) for s in range(total)]
    sched = torch.optim.lr_scheduler
    theirs = {
        "step": lambda: torch_rates(lambda o: sched.StepLR(o, step_size=2, gamma=0.3), total, per_epoch),
        "cosine": lambda: torch_rates(lambda o: sched.CosineAnnealingLR(o, T_max=total), total),
        "one_cycle": lambda: torch_rates(lambda o: sched.OneCycleLR(o, max_lr=0.1, total_steps=total,
                                                                    cycle_momentum=False), total),
    }[name]()
    assert np.allclose(ours, theirs, rtol=1e-6, atol=1e-12)


def test_the_trainer_follows_the_schedule_and_reports_the_rate():
    problem = ToyProblem(name="circle", n_points=200)
    data = make_problem(problem)
    config = TrainingConfig(task="binary", epochs=4, batch_size=20, learning_rate=0.1, lr_schedule="cosine")
    trainer = Trainer(mlp(2, [4], 1, "Sigmoid"), config, data)
    rates = []
    trainer.run(lambda event: rates.append(event.learning_rate) if isinstance(event, StepDone) else None)
    total = 4 * trainer.steps_per_epoch
    # the rate shown after step k is the one that step used
    assert np.allclose(rates, [0.1 * (1 + math.cos(math.pi * s / total)) / 2 for s in range(total)])


# ----- mixed precision ---------------------------------------------------------------------------------

def test_amp_on_a_cpu_trains_in_full_precision_and_says_so():
    data = make_problem(ToyProblem(name="circle", n_points=100))
    trainer = Trainer(mlp(2, [4], 1, "Sigmoid"), TrainingConfig(task="binary", epochs=1, amp=True, device="cpu"), data)
    assert "CUDA only" in trainer.device_message and trainer.scaler is None
    assert trainer.run().reason == "completed"
    assert TrainingConfig.from_json({"amp": True}).amp is True
    with pytest.raises(ConfigError):
        TrainingConfig.from_json({"amp": 1})


def test_a_regression_with_large_targets_is_not_mistaken_for_divergence():
    data = make_problem(ToyProblem(kind="surface", name="plane", n_points=200))
    scaled = type(data)(*(type(part)(part.x, part.y * 300 + 500, part.feature_names, part.task, part.classes, part.name)
                          for part in (data.train, data.test)), data.train_points, data.test_points, data.problem)
    trainer = Trainer(mlp(2, [8], 1), TrainingConfig(task="regression", epochs=2, batch_size=20), scaled)
    summary = trainer.run()
    assert trainer.history.step_losses[0] > 1e5  # the first MSE is huge, and that is where it starts
    assert summary.reason == "completed", summary.message

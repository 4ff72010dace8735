"""Experiments: valid candidates that train, a table ranked by error, conclusions that follow the numbers."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from playground.core.data.toy_data import ToySplits
from playground.core.model.shape_inference import infer_shapes
from playground.core.training.events import EpochFinished, StepDone
from playground.core.training.experiments import (
    CandidateFinished,
    CandidateProgress,
    CandidateResult,
    CandidateStarted,
    DataRecipe,
    ExperimentFinished,
    ExperimentRunner,
    ExperimentStarted,
    default_experiments,
    experiment_by_key,
    result_table,
)
from playground.core.training.metrics import History

EXPERIMENTS = default_experiments()
KEYS = [e.key for e in EXPERIMENTS]


def fake(label: str, test: float, train: float | None = None, validation: float | None = None,
         grads: list[float] | None = None, train_size: int = 1000, steps: int = 300, parameters: int = 100,
         epochs: int = 2) -> CandidateResult:
    """A candidate's outcome with chosen accuracies (the conclusion and table tests need no training)."""
    return CandidateResult(
        label, "completed", History(), steps, epochs, 1.0, parameters, train_size, 0, 500,
        {"accuracy": train if train is not None else test}, {"accuracy": test},
        None if validation is None else {"accuracy": validation},
        [(f"fc{i + 1}", g) for i, g in enumerate(grads or [])])


def test_the_notes_claims_each_have_an_experiment():
    assert KEYS == ["adam-vs-gd", "relu-vs-sigmoid", "linear-vs-nonlinear", "circle", "data-size",
                    "model-selection"]
    for experiment in EXPERIMENTS:
        assert experiment.title and experiment.claim.endswith(".") and experiment.setup and experiment.how_to_read
        assert len(experiment.candidates) >= 2
        assert len({c.label for c in experiment.candidates}) == len(experiment.candidates)
        assert 0 < experiment.seconds_estimate <= 120  # the UI promises about a minute on two cores


@pytest.mark.parametrize("experiment", EXPERIMENTS, ids=KEYS)
def test_candidates_are_valid(experiment, small_mnist):
    for candidate in experiment.candidates:
        assert infer_shapes(candidate.spec).ok, candidate.label
        candidate.config.validate()
        data = candidate.data.build(small_mnist)
        if isinstance(data, ToySplits):
            assert candidate.config.task == "binary" and candidate.spec.input_shape == (2,)
        else:
            assert candidate.spec.input_shape == (1, 28, 28)
        train, val, test = candidate.data.sizes(len(small_mnist.train), len(small_mnist.test))
        assert (len(data.train), len(data.test)) == (train, test)
        assert (len(data.validation) if data.validation is not None else 0) == val


@pytest.mark.parametrize("key", KEYS)
def test_each_experiment_trains_and_concludes(key, small_mnist):
    experiment = experiment_by_key(key).shrunk(max_train=256, max_test=128, max_epochs=1)
    events: list[object] = []
    result = ExperimentRunner(experiment, small_mnist).run(events.append)
    assert result.complete and len(result.results) == len(experiment.candidates)
    for candidate, outcome in zip(experiment.candidates, result.results):
        assert outcome.label == candidate.label and outcome.steps > 0
        for split in ("train", "test"):
            assert 0.0 <= outcome.accuracy(split) <= 1.0
        assert outcome.grad_norms and all(g >= 0 for _, g in outcome.grad_norms)
        assert outcome.history.step_losses and outcome.history.epochs
    assert isinstance(events[0], ExperimentStarted) and events[0].candidates == len(experiment.candidates)
    assert events[-1] == ExperimentFinished(result)
    started = [e for e in events if isinstance(e, CandidateStarted)]
    assert [e.candidate for e in started] == list(range(len(experiment.candidates)))
    finished = [e for e in events if isinstance(e, CandidateFinished)]
    assert [e.result for e in finished] == result.results
    epochs = [e for e in events if isinstance(e, CandidateProgress) and isinstance(e.event, EpochFinished)]
    assert [e.event.row() for e in epochs if e.candidate == 0] == result.results[0].history.epochs
    text = result.conclusion()
    assert text and "%" in text and "Cancelled" not in text
    table = result.table()
    assert [row.rank for row in table.rows] == list(range(1, len(experiment.candidates) + 1))
    assert sum(row.best for row in table.rows) == 1 and table.rows[0].best


def test_model_selection_ranks_by_validation_error_and_marks_the_best():
    results = [fake("Softmax regression", test=0.91, train=0.92, validation=0.90),
               fake("MLP", test=0.95, train=0.97, validation=0.955),
               fake("CNN", test=0.96, train=0.97, validation=0.95)]
    table = result_table(results, rank_by_validation=True)
    assert table.ranked_by == "validation" and table.has_validation
    # The MLP has the lowest validation error, so it is chosen although the CNN's test error is lower:
    # choosing by the test set would be optimistic.
    assert [row.label for row in table.rows] == ["MLP", "CNN", "Softmax regression"]
    assert [row.best for row in table.rows] == [True, False, False]
    assert table.rows[0].validation_error == pytest.approx(0.045)
    assert table.rows[0].test_error == pytest.approx(0.05)
    assert table.rows[2].gap == pytest.approx(0.01)
    assert "validation" in table.note and "test error" in table.note
    by_test = result_table(results)
    assert by_test.ranked_by == "test" and by_test.rows[0].label == "CNN" and "optimistic" in by_test.note
    experiment = experiment_by_key("model-selection")
    text = experiment.conclude(experiment, results)
    assert text.startswith("Chosen by validation error: MLP (4.5%")
    assert "test error, the honest estimate, is 5.0%" in text
    assert "CNN (5.0%)" in text and "Softmax regression (10.0%)" in text


def test_a_missing_score_ranks_last():
    results = [fake("a", test=0.5), fake("b", test=0.9)]
    results[1].test = {}
    table = result_table(results)
    assert [row.label for row in table.rows] == ["a", "b"] and table.rows[0].best


def test_adam_conclusion_follows_the_numbers():
    experiment = experiment_by_key("adam-vs-gd")
    text = experiment.conclude(experiment, [fake("Adam", 0.91, epochs=1), fake("GD", 0.62), fake("GD 0.1", 0.90)])
    assert text.startswith("After 1 epoch, Adam reached 91.0% test accuracy")
    assert "at the same learning rate (0.001) reached 62.0%" in text and "far faster (29.0 points ahead)" in text
    assert "reached 90.0%, about the same as Adam" in text
    flipped = experiment.conclude(experiment, [fake("Adam", 0.60), fake("GD", 0.70), fake("GD 0.1", 0.50)])
    assert "did better" in flipped and "only 50.0%, 10.0 points behind Adam" in flipped


def test_activation_conclusion_reports_the_vanishing_gradient():
    experiment = experiment_by_key("relu-vs-sigmoid")
    text = experiment.conclude(experiment, [fake("ReLU", 0.91, grads=[0.03, 0.01, 0.012]),
                                            fake("Sigmoid", 0.097, grads=[0.0002, 0.01, 0.5])])
    assert "With 5 ReLU hidden layers the network reached 91.0%" in text and "Sigmoid 9.7%" in text
    assert "no better than guessing" in text and "1/2,500 of the last layer's with Sigmoid" in text
    assert "2.5× with ReLU" in text and "vanishes" in text
    both = experiment.conclude(experiment, [fake("ReLU", 0.9, grads=[1, 1]), fake("Sigmoid", 0.88, grads=[1, 1])])
    assert "guessing" not in both and "vanishes" not in both


def test_linear_circle_and_data_size_conclusions():
    linear = experiment_by_key("linear-vs-nonlinear")
    text = linear.conclude(linear, [fake("S", 0.916, parameters=7850), fake("L", 0.915, parameters=109386),
                                    fake("M", 0.957)])
    assert "reached 91.5% test accuracy, about the same as one Linear layer (softmax regression, 91.6%)" in text
    assert "14× its parameters" in text and "95.7% — the activations make the difference" in text
    circle = experiment_by_key("circle")
    text = circle.conclude(circle, [fake("lin", 0.435), fake("relu", 0.995)])
    assert "43.5%" in text and "coin toss" in text and "99.5%" in text
    assert "coin toss" not in circle.conclude(circle, [fake("lin", 0.9), fake("relu", 0.95)])
    size = experiment_by_key("data-size")
    text = size.conclude(size, [fake("small", 0.85, train=1.0, train_size=500, steps=320),
                                fake("large", 0.91, train=0.905, train_size=20000, steps=313)])
    assert "With 500 training digits the network scored 100.0% on them but 85.0% on new digits" in text
    assert "gap of 15.0 points (over-fitting)" in text and "With 20,000 digits" in text
    assert "(313 vs 320)" in text and "a gap of 0.5 points" in text
    no_gap = size.conclude(size, [fake("small", 0.9, train=0.91), fake("large", 0.9, train=0.91)])
    assert "over-fitting" not in no_gap and "the same number of steps (300)" in no_gap


def test_cancel_stops_the_candidate_in_training_and_starts_no_other(small_mnist):
    experiment = experiment_by_key("adam-vs-gd").shrunk(max_train=512, max_test=64, max_epochs=2)
    runner = ExperimentRunner(experiment, small_mnist)
    steps = []

    def listener(event):
        if isinstance(event, CandidateProgress) and isinstance(event.event, StepDone):
            steps.append(event.event.step)
            if len(steps) == 3:
                runner.cancel()

    result = runner.run(listener)
    assert result.cancelled and not result.complete and result.results == []
    assert len(steps) == 3  # stopped after the batch it was on
    assert result.conclusion().startswith("Cancelled after 0 of 3 candidates")


def test_a_failing_candidate_becomes_a_message(small_mnist):
    experiment = experiment_by_key("circle")
    broken = replace(experiment.candidates[0], config=experiment.candidates[0].config.replace(task="multiclass"))
    result = ExperimentRunner(replace(experiment, candidates=(broken,)), small_mnist).run()
    assert result.error and result.error.startswith("Linear layers only:")
    assert result.conclusion().startswith("The experiment failed:")


def test_data_recipes_sample_at_random_but_reproducibly(small_mnist):
    recipe = DataRecipe(train=500, test=100, validation_fraction=0.2, seed=3)
    a, b = recipe.build(small_mnist), recipe.build(small_mnist)
    assert (len(a.train), len(a.validation), len(a.test)) == (400, 100, 100)
    assert (a.train.images == b.train.images).all() and (a.test.labels == b.test.labels).all()
    assert not (a.train.images == small_mnist.train.images[:400]).all()  # not simply the first ones
    assert len(set(a.test.labels.tolist())) == 10
    assert DataRecipe(train=None, test=None).build(small_mnist).train is small_mnist.train
    assert recipe.describe() == "400 training, 100 validation and 100 test digits"


def test_experiments_module_does_not_import_torch():
    code = ("import sys; import playground.core.training.experiments as e; e.default_experiments(); "
            "print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

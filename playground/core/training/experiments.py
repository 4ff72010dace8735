"""One-click experiments that test the course notes' claims on real training runs.

Each `Experiment` names a claim from the notes in one sentence, the candidates that put it to the
test (a label, a network, training settings and which data), why it is set up that way, and how to
read the outcome. `ExperimentRunner` trains the candidates one after another and measures each the
same way: the final weights' error on the training digits, the validation digits (when there are
any) and the test digits. `result_table` ranks them by error and marks the best; each experiment's
`conclude` turns the numbers into one sentence — computed, so it says what actually happened.

The sizes are small on purpose (random subsets of MNIST, one to three epochs; 2-D points for the
circle) so each experiment takes seconds on one CPU core. Everything is seeded, so an
experiment gives the same numbers every time on the same machine.

No torch at import time (the window names experiments before PyTorch has loaded); the runner
imports the trainer when it starts.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from playground.core.data.datasets import DataSplits, ImageDataset, load_data, split_validation
from playground.core.data.toy_data import SHAPE_NAMES, ToyProblem, ToySplits, make_problem
from playground.core.i18n import N_, tr
from playground.core.model.presets import load_preset
from playground.core.model.spec import ModelSpec
from playground.core.training.events import EpochFinished, Evaluated, StepDone, TrainingEvent
from playground.core.training.metrics import History
from playground.core.training.training_config import OPTIMIZERS, TrainingConfig

if TYPE_CHECKING:
    from playground.core.training.trainer import Trainer

TEST_DIGITS = 5_000  # a random half of the MNIST test set: ±0.4 % on an accuracy of 90 %
CHECKS_PER_CANDIDATE = 12  # test checks during training, for the live curves
CHECK_SUBSET = 1_000
TRAIN_SCORE_LIMIT = 10_000  # the final training error is measured on at most this many training digits
GRADIENT_EXAMPLES = 256  # the gradient norms at the start are measured on this many training digits
CHANCE = 0.1  # ten classes
TOY_DATA_NAME = N_("2-D points")  # ExperimentResult.data_name for generated data of mixed shapes (show with tr)
# ExperimentResult.data_name when every candidate learns one generated shape (show with tr)
TOY_DATA_NAMES = {"circle": N_("circle (2-D points)"), "xor": N_("xor (2-D points)"),
                  "gaussians": N_("gaussians (2-D points)"), "spiral": N_("spiral (2-D points)"),
                  "moons": N_("moons (2-D points)")}


# ----- what an experiment is -----------------------------------------------------------------------
@dataclass(frozen=True)
class DataRecipe:
    """Which examples a candidate learns from and is tested on.

    MNIST-style data: random samples (seeded) of `train` training and `test` test images from the
    loaded data set (None: all of it), with `validation_fraction` of the training sample held out.
    `toy`: a generated 2-D problem instead."""

    train: int | None = None
    test: int | None = TEST_DIGITS
    validation_fraction: float = 0.0
    seed: int = 0
    toy: ToyProblem | None = None

    def build(self, base: DataSplits[ImageDataset] | None) -> DataSplits[ImageDataset] | ToySplits:
        if self.toy is not None:
            return make_problem(self.toy)
        if base is None:
            base = load_data()
        train = _sample(base.train, self.train, self.seed)
        test = _sample(base.test, self.test, self.seed + 1)
        train, validation = split_validation(train, self.validation_fraction, self.seed)
        return DataSplits(train, test, validation)

    def sizes(self, base_train: int, base_test: int) -> tuple[int, int, int]:
        """(training, validation, test) examples this recipe gives from data of these sizes."""
        if self.toy is not None:
            n_test = max(1, round(self.toy.n_points * self.toy.test_fraction))
            return self.toy.n_points - n_test, 0, n_test
        n = base_train if self.train is None else min(self.train, base_train)
        n_val = min(max(1, round(n * self.validation_fraction)), n - 1) if self.validation_fraction and n > 1 else 0
        return n - n_val, n_val, base_test if self.test is None else min(self.test, base_test)

    def describe(self, base_train: int = 60_000, base_test: int = 10_000) -> str:
        train, val, test = self.sizes(base_train, base_test)
        if self.toy is not None:
            name = tr(SHAPE_NAMES[self.toy.name]) if self.toy.name in SHAPE_NAMES else self.toy.name
            return tr("{name} (2-D points): {train:,} training and {test:,} test points").format(
                name=name, train=train, test=test)
        if val:
            return tr("{train:,} training, {val:,} validation and {test:,} test digits").format(
                train=train, val=val, test=test)
        return tr("{train:,} training and {test:,} test digits").format(train=train, test=test)


@dataclass(frozen=True)
class Candidate:
    label: str  # English, marked with N_ (it also names the candidate's result): show it with tr(label)
    spec: ModelSpec
    config: TrainingConfig
    data: DataRecipe
    note: str = ""  # one line: what sets it apart (English, N_; shown with tr)


@dataclass
class CandidateResult:
    """How one candidate did: its final weights scored on each split (eval mode), and its curves."""

    label: str
    reason: str  # "completed" | "diverged" | "stopped"
    history: History
    steps: int
    epochs: int
    seconds: float
    parameters: int
    train_size: int
    validation_size: int
    test_size: int
    train: dict[str, float]  # final weights on (up to TRAIN_SCORE_LIMIT of) the training examples
    test: dict[str, float]
    validation: dict[str, float] | None = None
    grad_norms: list[tuple[str, float]] = field(default_factory=list)  # per weight layer, before training
    message: str | None = None

    def accuracy(self, split: str) -> float | None:
        scores = {"train": self.train, "validation": self.validation, "test": self.test}[split]
        value = (scores or {}).get("accuracy")
        return float(value) if value is not None and math.isfinite(value) else None

    def error(self, split: str) -> float | None:
        accuracy = self.accuracy(split)
        return None if accuracy is None else 1.0 - accuracy

    @property
    def gap(self) -> float | None:
        """Test error minus training error: large when the network has over-fitted."""
        train, test = self.error("train"), self.error("test")
        return None if train is None or test is None else test - train

    def first_to_last_gradient(self) -> float | None:
        """The first weight layer's gradient norm over the last one's, before training."""
        if len(self.grad_norms) < 2 or self.grad_norms[-1][1] <= 0:
            return None
        return self.grad_norms[0][1] / self.grad_norms[-1][1]


@dataclass(frozen=True)
class Experiment:
    """Its texts (title, claim, setup, how_to_read) are English, marked with N_: show them with tr(...)."""

    key: str
    title: str
    claim: str  # the notes' claim, one sentence
    candidates: tuple[Candidate, ...]
    setup: str  # why it is set up this way
    how_to_read: str
    conclude: Callable[[Experiment, list[CandidateResult]], str]
    seconds_estimate: float  # wall-clock seconds on one core of a 2-core Xeon (torch 2.13 CPU), with margin
    rank_by_validation: bool = False

    def total_steps(self, base_train: int = 60_000, base_test: int = 10_000) -> int:
        return sum(c.config.epochs * math.ceil(max(c.data.sizes(base_train, base_test)[0], 1) / c.config.batch_size)
                   for c in self.candidates)

    def describe_data(self, base_train: int = 60_000, base_test: int = 10_000) -> str:
        """'20,480 training and 5,000 test digits, 2 epochs' — or one line per candidate where they differ."""
        lines = {tr("{data}, {epochs}").format(data=c.data.describe(base_train, base_test),
                                               epochs=_epochs(c.config.epochs)) for c in self.candidates}
        if len(lines) == 1:
            return lines.pop()
        return tr("; ").join(tr("{label}: {data}, {epochs}").format(
            label=tr(c.label), data=c.data.describe(base_train, base_test), epochs=_epochs(c.config.epochs))
            for c in self.candidates)

    def data_name(self, base: DataSplits[ImageDataset] | None = None) -> str:
        """What the candidates learn from, for "Finished … on {data}" (an English key: show it with tr):
        `base`'s name when one of them samples it, else the generated shape's (a toy experiment run
        beside loaded MNIST still learns from its own points)."""
        if any(c.data.toy is None for c in self.candidates):
            return getattr(base.train, "name", "MNIST") if base is not None else "MNIST"
        shapes = {c.data.toy.name for c in self.candidates if c.data.toy is not None}
        return TOY_DATA_NAMES.get(shapes.pop(), TOY_DATA_NAME) if len(shapes) == 1 else TOY_DATA_NAME

    def shrunk(self, max_train: int, max_test: int, max_epochs: int) -> Experiment:
        """The same experiment on tiny data (tests, quick looks): numbers then mean little."""
        def small(c: Candidate) -> Candidate:
            data = c.data
            if data.toy is None:
                data = replace(data, train=min(data.train or max_train, max_train),
                               test=min(data.test or max_test, max_test))
            return replace(c, data=data, config=c.config.replace(epochs=min(c.config.epochs, max_epochs)))
        return replace(self, candidates=tuple(small(c) for c in self.candidates), seconds_estimate=1.0)


# ----- running --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExperimentStarted:
    """The runner begins: `planned_steps[i]` batches for candidate i, `total_steps` in all."""

    total_steps: int
    candidates: int
    planned_steps: tuple[int, ...]


@dataclass(frozen=True)
class CandidateStarted:
    """Candidate `candidate` (an index) begins training: `total_steps` batches planned."""

    candidate: int
    label: str  # English (show with tr)
    total_steps: int
    steps_per_epoch: int


@dataclass(frozen=True)
class CandidateProgress:
    """What the trainer of candidate `candidate` reported: a batch, a test check or an epoch's end."""

    candidate: int
    event: StepDone | Evaluated | EpochFinished


@dataclass(frozen=True)
class CandidateFinished:
    candidate: int
    result: CandidateResult


@dataclass(frozen=True)
class ExperimentFinished:
    """The last event: the experiment's result (also what `ExperimentRunner.run` returns)."""

    result: ExperimentResult


ExperimentEvent = ExperimentStarted | CandidateStarted | CandidateProgress | CandidateFinished | ExperimentFinished
Listener = Callable[[ExperimentEvent], None]


@dataclass
class ExperimentResult:
    experiment: Experiment
    results: list[CandidateResult]
    cancelled: bool
    seconds: float
    data_name: str = "MNIST"  # the data set's name, or TOY_DATA_NAME (show with tr)
    error: str | None = None

    @property
    def complete(self) -> bool:
        return not self.cancelled and self.error is None and len(self.results) == len(self.experiment.candidates)

    def conclusion(self) -> str:
        done = len(self.results)
        total = len(self.experiment.candidates)
        if self.error:
            return tr("The experiment failed: {error}").format(error=self.error)
        if not self.complete:
            if self.cancelled:
                return tr("Cancelled after {done} of {total} candidates: run it to the end for a conclusion.").format(
                    done=done, total=total)
            return tr("Only {done} of {total} candidates finished.").format(done=done, total=total)
        diverged = [tr(r.label) for r in self.results if r.reason == "diverged"]
        text = self.experiment.conclude(self.experiment, self.results)
        if diverged:
            text += tr(" ({names} diverged: its weights blew up and training stopped early.)").format(
                names=", ".join(diverged))
        return text

    def table(self) -> ResultTable:
        return result_table(self.results, self.experiment.rank_by_validation)


class ExperimentCancelled(Exception):
    pass


class ExperimentRunner:
    """Trains an experiment's candidates one after another (call `run` on a worker thread).

    `cancel()` may be called from any thread: the candidate in training stops after its current
    batch and is left out of the result; no further candidate starts."""

    def __init__(self, experiment: Experiment, base: DataSplits[ImageDataset] | None = None):
        self.experiment = experiment
        self.base = base
        self._cancelled = threading.Event()
        self._trainer: Trainer | None = None
        self._lock = threading.Lock()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            if self._trainer is not None:
                self._trainer.control.stop()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self, listener: Listener | None = None) -> ExperimentResult:
        from playground.core.training.trainer import Trainer

        emit: Listener = listener or (lambda event: None)
        started = time.perf_counter()
        base = self.base
        needs_mnist = any(c.data.toy is None for c in self.experiment.candidates)
        if base is None and needs_mnist:
            base = load_data()
        base_sizes = (len(base.train), len(base.test)) if base is not None else (0, 0)
        planned = [c.config.epochs * math.ceil(max(c.data.sizes(*base_sizes)[0], 1) / c.config.batch_size)
                   for c in self.experiment.candidates]
        emit(ExperimentStarted(sum(planned), len(planned), tuple(planned)))
        results: list[CandidateResult] = []
        error = None
        for index, candidate in enumerate(self.experiment.candidates):
            if self.cancelled:
                break
            try:
                result = self._train(index, candidate, base, planned[index], emit, Trainer)
            except ExperimentCancelled:
                break
            except Exception as exc:  # noqa: BLE001 — a message for the user, never a traceback
                error = tr("{candidate}: {error}").format(candidate=tr(candidate.label), error=exc)
                break
            results.append(result)
            emit(CandidateFinished(index, result))
        outcome = ExperimentResult(self.experiment, results, self.cancelled, time.perf_counter() - started,
                                   self.experiment.data_name(base), error)
        emit(ExperimentFinished(outcome))
        return outcome

    def _train(self, index: int, candidate: Candidate, base: DataSplits[ImageDataset] | None, planned_steps: int,
               emit: Listener, trainer_class: Callable[..., Trainer]) -> CandidateResult:
        t0 = time.perf_counter()
        data = candidate.data.build(base)
        config = candidate.config
        steps_per_epoch = math.ceil(len(data.train) / config.batch_size)
        if not config.eval_every_steps:  # a few test checks along the way, for the live curves
            every = max(1, (steps_per_epoch * config.epochs) // CHECKS_PER_CANDIDATE)
            config = config.replace(eval_every_steps=every, eval_subset=CHECK_SUBSET)
        trainer = trainer_class(candidate.spec, config, data)
        with self._lock:
            self._trainer = trainer
        try:
            if self.cancelled:
                raise ExperimentCancelled
            grad_norms = initial_gradient_norms(trainer)
            emit(CandidateStarted(index, candidate.label, planned_steps, steps_per_epoch))

            def forward(event: TrainingEvent) -> None:
                if isinstance(event, StepDone) and self.cancelled:
                    trainer.control.stop()
                if isinstance(event, (StepDone, Evaluated, EpochFinished)):
                    emit(CandidateProgress(index, event))

            summary = trainer.run(forward)
            if self.cancelled:
                raise ExperimentCancelled
        finally:
            with self._lock:
                self._trainer = None
        validation = trainer.scores(trainer.tdata.validation) if trainer.tdata.validation is not None else None
        last = trainer.history.epochs[-1] if trainer.history.epochs else None
        if last is not None and last.get("step") == trainer.global_step:
            test = {k.removeprefix("test_"): v for k, v in last.items() if k.startswith("test_")}
        else:
            test = trainer.scores(trainer.tdata.test)
        return CandidateResult(
            label=candidate.label, reason=summary.reason, history=trainer.history, steps=trainer.global_step,
            epochs=trainer.epochs_done, seconds=time.perf_counter() - t0, parameters=trainer.report.total_parameters,
            train_size=len(data.train), validation_size=len(data.validation) if data.validation is not None else 0,
            test_size=len(data.test), train=trainer.scores(trainer.tdata.train, limit=TRAIN_SCORE_LIMIT),
            test=test, validation=validation, grad_norms=grad_norms, message=summary.message,
        )


def initial_gradient_norms(trainer: Trainer, examples: int = GRADIENT_EXAMPLES) -> list[tuple[str, float]]:
    """‖∂loss/∂W‖ of every weight matrix or kernel (first layer first), on a batch of training
    examples, before any training: how much of the error signal reaches each layer."""
    import torch

    with trainer.lock:
        model = trainer.model
        tdata = trainer.tdata
        idx = torch.arange(min(examples, len(tdata.train)), device=trainer.device)
        xb, yb = tdata.batch(tdata.train, idx)
        model.zero_grad(set_to_none=True)
        trainer.head.loss_value(model(xb), yb).backward()  # type: ignore[no-untyped-call]  # unannotated in torch
        norms = [(name.rsplit(".", 1)[0], float(p.grad.norm())) for name, p in model.named_parameters()
                 if p.ndim > 1 and p.grad is not None]
        model.zero_grad(set_to_none=True)
    return norms


# ----- the result table -------------------------------------------------------------------------------
@dataclass
class TableRow:
    rank: int  # 1 = best
    label: str
    train_error: float | None
    validation_error: float | None
    test_error: float | None
    gap: float | None
    parameters: int
    steps: int
    seconds: float
    best: bool
    reason: str


@dataclass
class ResultTable:
    rows: list[TableRow]  # best first
    ranked_by: str  # "validation" | "test"
    has_validation: bool
    note: str  # in the language of the moment it was made


def result_table(results: Sequence[CandidateResult], rank_by_validation: bool = False) -> ResultTable:
    """The candidates ranked by error (validation error where asked and measured, else test error),
    best first and marked. A candidate without the score ranks last."""
    has_validation = bool(results) and all(r.validation is not None for r in results)
    by = "validation" if rank_by_validation and has_validation else "test"

    def key(r: CandidateResult) -> tuple[float, float]:
        e = r.error(by)
        t = r.error("test")
        return (e if e is not None else math.inf, t if t is not None else math.inf)

    ordered = sorted(results, key=key)
    rows = [TableRow(i + 1, r.label, r.error("train"), r.error("validation") if has_validation else None,
                     r.error("test"), r.gap, r.parameters, r.steps, r.seconds,
                     i == 0 and r.error(by) is not None, r.reason) for i, r in enumerate(ordered)]
    if by == "validation":
        note = tr("Ranked by validation error: the validation digits were held out of training and used to choose. "
                  "The chosen model's test error played no part in the choice, so it is a fair estimate of its error "
                  "on new digits.")
    else:
        note = tr("Ranked by test error. Choosing a model by its test error makes that error optimistic — the test "
                  "set then helped choose it; the model-selection experiment chooses on a validation set instead.")
    return ResultTable(rows, by, has_validation, note)


# ----- conclusions: computed from the numbers ----------------------------------------------------------
def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _points(a: float, b: float) -> str:
    """The difference of two fractions in percentage points, e.g. '12.3 points'."""
    return tr("{value:.1f} points").format(value=abs(a - b) * 100)


def _compare(a: float, b: float, tolerance: float = 0.01) -> str:
    """"same", "more" or "less": how `a` compares with `b` (the sentences say it in words)."""
    if abs(a - b) <= tolerance + 1e-9:
        return "same"
    return "more" if a > b else "less"


def _epochs(n: int | float) -> str:
    return (tr("{n:g} epoch") if n == 1 else tr("{n:g} epochs")).format(n=n)


def _by_label(results: list[CandidateResult]) -> dict[str, CandidateResult]:
    return {r.label: r for r in results}


def _test(r: CandidateResult) -> float:
    return r.accuracy("test") or 0.0


def conclude_adam(experiment: Experiment, results: list[CandidateResult]) -> str:
    adam, gd_same, gd_usual = results[:3]
    c_adam, c_same, c_usual = (experiment.candidates[i].config for i in range(3))
    a, s, u = _test(adam), _test(gd_same), _test(gd_usual)
    text = tr("After {epochs}, Adam reached {adam} test accuracy; plain gradient descent at the same "
              "learning rate ({lr:g}) reached {same}").format(epochs=_epochs(adam.epochs), adam=_pct(a),
                                                                lr=c_same.learning_rate, same=_pct(s))
    if a - s > 0.02:
        text += tr(" — with the same step size Adam learned far faster ({ahead} ahead).").format(ahead=_points(a, s))
    elif s - a > 0.02:
        text += tr(" — here gradient descent did better even at Adam's learning rate.")
    else:
        text += tr(" — about the same.")
    if u >= a - 0.01:
        usual = {
            "same": tr(" Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, about the "
                       "same as Adam: it can keep up, but only once its learning rate is tuned."),
            "more": tr(" Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, more than "
                       "Adam: it can keep up, but only once its learning rate is tuned."),
            "less": tr(" Given its usual, {ratio:g}× larger rate ({lr:g}), gradient descent reached {usual}, less than "
                       "Adam: it can keep up, but only once its learning rate is tuned."),
        }[_compare(u, a)]
        text += usual.format(ratio=c_usual.learning_rate / c_same.learning_rate, lr=c_usual.learning_rate,
                             usual=_pct(u))
    else:
        text += tr(" Even at its usual learning rate ({lr:g}) gradient descent reached only {usual}, {behind} behind "
                   "Adam.").format(lr=c_usual.learning_rate, usual=_pct(u), behind=_points(a, u))
    return text


def conclude_activation(experiment: Experiment, results: list[CandidateResult]) -> str:
    relu, sigmoid = results[:2]
    r, s = _test(relu), _test(sigmoid)
    layers = sum(1 for layer in experiment.candidates[0].spec.layers if layer.type == "ReLU")
    if s < CHANCE + 0.05:
        text = tr("With {layers} ReLU hidden layers the network reached {relu} test accuracy; with Sigmoid {sigmoid}"
                  " — no better than guessing one of ten digits.")
    else:
        text = tr("With {layers} ReLU hidden layers the network reached {relu} test accuracy; with Sigmoid {sigmoid}.")
    text = text.format(layers=layers, relu=_pct(r), sigmoid=_pct(s))
    ratio_r, ratio_s = relu.first_to_last_gradient(), sigmoid.first_to_last_gradient()
    if ratio_r is not None and ratio_s is not None:
        if ratio_s < ratio_r / 10:
            gradients = tr(" Before training, the first layer's gradient was {sigmoid} of the last layer's with "
                           "Sigmoid and {relu} with ReLU: the gradient vanishes on its way back through the sigmoids.")
        else:
            gradients = tr(" Before training, the first layer's gradient was {sigmoid} of the last layer's with "
                           "Sigmoid and {relu} with ReLU.")
        text += gradients.format(sigmoid=_ratio(ratio_s), relu=_ratio(ratio_r))
    return text


def _ratio(value: float) -> str:
    if value >= 0.1:
        return f"{value:.2g}×"
    return f"1/{1 / value:,.0f}" if value > 0 else "0×"


def conclude_linear(experiment: Experiment, results: list[CandidateResult]) -> str:
    softmax, stack, mlp = results[:3]
    s, st, m = _test(softmax), _test(stack), _test(mlp)
    text = {
        "same": tr("Three Linear layers without activations reached {stack} test accuracy, about the same as one "
                   "Linear layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters"),
        "more": tr("Three Linear layers without activations reached {stack} test accuracy, more than one Linear "
                   "layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters"),
        "less": tr("Three Linear layers without activations reached {stack} test accuracy, less than one Linear "
                   "layer (softmax regression, {softmax}), although they have {times:.0f}× its parameters"),
    }[_compare(st, s)].format(stack=_pct(st), softmax=_pct(s), times=stack.parameters / softmax.parameters)
    if m - max(st, s) > 0.01:
        text += tr(". The same three layers with ReLU between them reached {mlp} — the activations make the "
                   "difference.").format(mlp=_pct(m))
    else:
        text += tr(". The same three layers with ReLU between them reached {mlp}.").format(mlp=_pct(m))
    return text


def conclude_circle(experiment: Experiment, results: list[CandidateResult]) -> str:
    linear, relu = results[:2]
    lin, r = _test(linear), _test(relu)
    if lin < 0.65:
        text = tr("On the circle, the network of Linear layers alone reached {linear} test accuracy — no better than "
                  "a coin toss, since a straight line can't enclose a circle; with ReLU between the same layers it "
                  "reached {relu}.")
    else:
        text = tr("On the circle, the network of Linear layers alone reached {linear} test accuracy; with ReLU "
                  "between the same layers it reached {relu}.")
    return text.format(linear=_pct(lin), relu=_pct(r))


def conclude_data_size(experiment: Experiment, results: list[CandidateResult]) -> str:
    small, large = results[:2]
    if (small.gap or 0) > max(2 * (large.gap or 0), 0.03):
        text = tr("With {digits:,} training digits the network scored {train} on them but {test} on new digits: a gap "
                  "of {gap} (over-fitting)")
    else:
        text = tr("With {digits:,} training digits the network scored {train} on them but {test} on new digits: a gap "
                  "of {gap}")
    text = text.format(digits=small.train_size, train=_pct(small.accuracy("train")), test=_pct(small.accuracy("test")),
                       gap=_points(small.accuracy("train") or 0, _test(small)))
    if large.steps == small.steps:
        more = tr(". With {digits:,} digits and the same number of steps ({steps:,}): {train} vs {test}, a gap of "
                  "{gap}.")
    else:
        more = tr(". With {digits:,} digits and about the same number of steps ({steps:,} vs {small_steps:,}): "
                  "{train} vs {test}, a gap of {gap}.")
    return text + more.format(digits=large.train_size, steps=large.steps, small_steps=small.steps,
                              train=_pct(large.accuracy("train")), test=_pct(large.accuracy("test")),
                              gap=_points(large.accuracy("train") or 0, _test(large)))


def conclude_selection(experiment: Experiment, results: list[CandidateResult]) -> str:
    table = result_table(results, rank_by_validation=True)
    rows = table.rows
    best = rows[0]
    by_validation = table.ranked_by == "validation"
    others = tr(" and ").join(
        tr("{label} ({error})").format(label=tr(row.label),
                                       error=_pct(row.validation_error if by_validation else row.test_error))
        for row in rows[1:])
    if by_validation and others:
        text = tr("Chosen by validation error: {label} ({error}; its test error, the honest estimate, is {test}), "
                  "ahead of {others}.")
    elif by_validation:
        text = tr("Chosen by validation error: {label} ({error}; its test error, the honest estimate, is {test}).")
    elif others:
        text = tr("Chosen by test error: {label} ({error}), ahead of {others}.")
    else:
        text = tr("Chosen by test error: {label} ({error}).")
    return text.format(label=tr(best.label), error=_pct(best.validation_error if by_validation else best.test_error),
                       test=_pct(best.test_error), others=others)


# ----- the experiments ---------------------------------------------------------------------------------
def _deep_mlp(activation: str, depth: int = 5, width: int = 128) -> ModelSpec:
    layers: list[dict[str, Any]] = [{"type": "Flatten"}]
    for _ in range(depth):
        layers += [{"type": "Linear", "out_features": width}, {"type": activation}]
    layers.append({"type": "Linear", "out_features": 10})
    spec = ModelSpec.from_json({"input_shape": [1, 28, 28], "layers": layers})
    spec.name = f"{depth}×{width} {activation}"
    return spec


def _toy_net(activation: str | None, width: int = 8) -> ModelSpec:
    layers: list[dict[str, Any]] = []
    for _ in range(2):
        layers.append({"type": "Linear", "out_features": width})
        if activation:
            layers.append({"type": activation})
    layers += [{"type": "Linear", "out_features": 1}, {"type": "Sigmoid"}]
    return ModelSpec.from_json({"input_shape": [2], "layers": layers})


def _optimizer_name(key: str) -> str:
    return OPTIMIZERS[key].split(" (")[0]


def default_experiments() -> list[Experiment]:
    """The experiments the Experiments tab offers, in the order of the notes."""
    mlp = load_preset("seed-mlp")
    softmax = load_preset("softmax-regression")
    linear = load_preset("linear-stack")
    cnn = load_preset("cnn")
    adam = TrainingConfig(epochs=2, optimizer="adam", learning_rate=1e-3)
    # 320 full batches of 64: no smaller last batch, whose noisier step can swing plain gradient descent's
    # final score by several points.
    mnist20k = DataRecipe(train=20_480)
    selection = DataRecipe(train=12_288, validation_fraction=1 / 6)  # 10,240 (160 batches) + 2,048 held out

    experiments = [
        Experiment(
            "adam-vs-gd", N_("Adam vs plain gradient descent"),
            N_("Adam adapts each weight's step size and uses momentum, so it reaches a good result in fewer epochs "
               "than gradient descent with a fixed learning rate."),
            (
                Candidate(N_("Adam, lr 0.001"), mlp.spec, adam, mnist20k, N_("the notes' optimizer and rate")),
                Candidate(N_("Gradient descent, lr 0.001"), mlp.spec, adam.replace(optimizer="sgd"), mnist20k,
                          N_("the same learning rate")),
                Candidate(N_("Gradient descent, lr 0.1"), mlp.spec, adam.replace(optimizer="sgd", learning_rate=0.1),
                          mnist20k, N_("its usual learning rate")),
            ),
            N_("The notes' SimpleNN, the same seed and the same batches of 64 for all three; only the update rule "
               "differs. At the same learning rate the comparison isolates the optimizer: Adam divides each step by "
               "the size of that weight's recent gradients, so 0.001 is a sensible step for every weight, while "
               "gradient descent moves each weight by 0.001 × its gradient. Since plain (mini-batch) gradient descent "
               "is normally run at 0.01–0.1, it also runs at its usual rate — the fairer comparison."),
            N_("Watch how fast each loss curve falls in the first few hundred steps, and compare the test accuracy "
               "at the end."),
            conclude_adam, 7,
        ),
        Experiment(
            "relu-vs-sigmoid", N_("ReLU vs Sigmoid in hidden layers"),
            N_("ReLU is the default activation for hidden layers: it learns faster than Sigmoid, especially with "
               "gradient descent."),
            (
                Candidate(N_("ReLU"), _deep_mlp("ReLU"), TrainingConfig(epochs=3, optimizer="sgd", learning_rate=0.1),
                          mnist20k, N_("5 hidden layers of 128, ReLU")),
                Candidate(N_("Sigmoid"), _deep_mlp("Sigmoid"),
                          TrainingConfig(epochs=3, optimizer="sgd", learning_rate=0.1), mnist20k,
                          N_("5 hidden layers of 128, Sigmoid")),
            ),
            N_("Five hidden layers of 128 units, deep enough for the vanishing gradient to show, trained by plain "
               "gradient descent (lr 0.1) with the same seed and batches; only the activation differs. The sigmoid's "
               "slope is at most 0.25, so backpropagation shrinks the error signal at every sigmoid layer; ReLU passes "
               "it on unchanged wherever the unit is active. Before training, the gradient reaching each layer is "
               "measured on 256 digits."),
            N_("The sigmoid network's loss stays near ln 10 ≈ 2.3 (guessing) while the ReLU network's falls; the "
               "conclusion compares how much gradient reaches the first layer in each."),
            conclude_activation, 7,
        ),
        Experiment(
            "linear-vs-nonlinear", N_("Linear layers stay linear"),
            N_("Without activation functions a whole network is just a linear model: stacking Linear layers adds "
               "parameters but no power."),
            (
                Candidate(N_("Softmax regression"), softmax.spec, adam, DataRecipe(train=None),
                          N_("one Linear layer, 7,850 parameters")),
                Candidate(N_("Three Linear layers"), linear.spec, adam, DataRecipe(train=None),
                          N_("784-128-64-10, no activations")),
                Candidate(N_("Three Linear + ReLU"), mlp.spec, adam, DataRecipe(train=None),
                          N_("the same layers with ReLU: SimpleNN")),
            ),
            N_("All 60,000 training digits, 2 epochs of Adam (lr 0.001) for each. The three Linear layers multiply "
               "into one matrix W³W²W¹, so that network can only learn what softmax regression can; adding ReLU "
               "between the same layers is the only change in the third."),
            N_("The two linear models' curves lie on top of each other; the network with activations pulls away."),
            conclude_linear, 12,
        ),
        Experiment(
            "circle", N_("A circle needs a non-linear network"),
            N_("If every layer is linear, the network can only separate classes with a straight line, so it cannot "
               "learn data like a circle."),
            (
                Candidate(N_("Linear layers only"), _toy_net(None),
                          TrainingConfig(task="binary", epochs=40, batch_size=20, learning_rate=0.03),
                          DataRecipe(toy=ToyProblem("classification", "circle", n_points=400, noise=0.1,
                                                    test_fraction=0.5, seed=0)), N_("2-8-8-1, no activations")),
                Candidate(N_("With ReLU"), _toy_net("ReLU"),
                          TrainingConfig(task="binary", epochs=40, batch_size=20, learning_rate=0.03),
                          DataRecipe(toy=ToyProblem("classification", "circle", n_points=400, noise=0.1,
                                                    test_fraction=0.5, seed=0)), N_("2-8-8-1 with ReLU")),
            ),
            N_("400 generated points, inside or outside a circle (200 to learn from, 200 to test); two hidden layers "
               "of 8 units, Adam (lr 0.03), batches of 20, 40 epochs; the only difference is ReLU after each hidden "
               "layer."),
            N_("The linear network's loss stays near ln 2 ≈ 0.69, the loss of a coin toss; the ReLU network's falls "
               "towards 0."),
            conclude_circle, 2,
        ),
        Experiment(
            "data-size", N_("Small vs large training set (over-fitting)"),
            N_("Over-fitting shows as a low training error but a high test error; more training data helps the "
               "network generalise."),
            (
                Candidate(N_("512 training digits"), mlp.spec, adam.replace(epochs=40), DataRecipe(train=512),
                          N_("40 epochs of 8 steps")),
                Candidate(N_("20,480 training digits"), mlp.spec, adam.replace(epochs=1), mnist20k,
                          N_("1 epoch of 320 steps")),
            ),
            N_("The notes' SimpleNN with Adam (lr 0.001) and the same number of gradient steps (320) for both: 40 "
               "passes over 512 digits, or one pass over 20,480. Both are scored with their final weights on the "
               "digits they learned from and on 5,000 test digits they never saw."),
            N_("Compare each candidate's training and test error in the table: the gap between them is what "
               "over-fitting looks like."),
            conclude_data_size, 3,
        ),
        Experiment(
            "model-selection", N_("Model selection: softmax regression, MLP or CNN?"),
            N_("Choose between models by their error on data they were not trained on, and keep the test set for "
               "the final estimate of the chosen one."),
            (
                Candidate(N_("Softmax regression"), softmax.spec, adam, selection,
                          N_("7,850 parameters")),
                Candidate(N_("MLP (SimpleNN)"), mlp.spec, adam, selection,
                          N_("109,386 parameters")),
                Candidate(N_("CNN"), cnn.spec, adam, selection,
                          N_("215,370 parameters")),
            ),
            N_("10,240 training digits, 2,048 validation digits held out of them, and 5,000 test digits; 2 epochs of "
               "Adam (lr 0.001) each. The winner is chosen by validation error; its test error was not used to choose, "
               "so it estimates the error on new digits fairly."),
            N_("The table ranks the models by validation error and marks the one chosen; a large train–test gap would "
               "warn of over-fitting."),
            conclude_selection, 20, rank_by_validation=True,
        ),
    ]
    return experiments


def experiment_by_key(key: str) -> Experiment:
    for experiment in default_experiments():
        if experiment.key == key:
            return experiment
    raise KeyError(f"No experiment '{key}'.")


def _sample(dataset: Any, count: int | None, seed: int) -> Any:
    """A seeded random sample of `count` items (all when None or larger), in random order — so the first
    items of the sample, which the test checks during training use, are a random sample too. (MNIST's
    test set is not shuffled: its first half is written by other people than its second.)"""
    if count is None or count >= len(dataset):
        return dataset
    return dataset.subset(np.random.default_rng(seed).permutation(len(dataset))[:count])

"""Torch work the window needs besides training and predicting, run off the GUI thread.

OpenMP pools are per calling thread, and a pool once used by the GUI thread slows every other
thread's parallel regions (docs/architecture.md, *Threads*): so the window never runs a forward pass itself.
The jobs run on a `LatestJobRunner` (ui/background.py): one Python thread, only the newest job asked
for (older ones that have not started are dropped), torch on one core. Each job builds its own copy of
the network from the spec and a numpy state dict (or a callable giving one, e.g.
`trainer.state_snapshot`, which waits for the trainer's lock on that thread, never on the GUI thread).

Two jobs: `inspect_model` (weights, every layer's output and the dense forward pass for one digit:
the Inside and Matrices tabs) and `evaluate` (the whole test set, with progress and cancel).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.core.model.spec import ModelSpec
from playground.ui.workers.background import LatestJobRunner

__all__ = ["EvaluationResult", "InspectionResult", "LatestJobRunner", "build_with_state", "evaluate", "inspect_model",
           "numpy_state"]

StateSource = Mapping[str, Any] | Callable[[], Mapping[str, Any]]


@dataclass
class InspectionResult:
    spec: ModelSpec
    state: dict[str, np.ndarray]  # the weights used, as numpy arrays
    image28: np.ndarray | None  # the digit looked at (None: weights only)
    activations: list = field(default_factory=list)  # core.inspection.LayerActivation per layer
    steps: list = field(default_factory=list)  # core.inspection.DenseStep per Linear layer
    report: Any = None  # the spec's ShapeReport
    thread_id: int = 0  # the thread that ran the job (tests check it is not the GUI thread)


@dataclass
class EvaluationResult:
    evaluation: Any  # core.evaluation.Evaluation, or None when cancelled
    dataset: Any
    thread_id: int = 0


def numpy_state(source: StateSource) -> dict[str, np.ndarray]:
    """The weights as numpy arrays (calls `source` when it is a callable; tensors are converted)."""
    state = source() if callable(source) else source
    out = {}
    for key, value in state.items():
        out[key] = value.detach().cpu().numpy() if hasattr(value, "detach") else np.asarray(value)
    return out


def build_with_state(spec: ModelSpec, state: Mapping[str, np.ndarray]):
    """A CPU copy of the network with these weights, in eval mode."""
    import torch

    from playground.core.model.builder import build_model

    with torch.device("meta"):  # no initialisation: the trainer's random stream stays untouched
        model = build_model(spec)
    model = model.to_empty(device="cpu")
    model.load_state_dict({k: torch.from_numpy(np.array(v, copy=True)) for k, v in state.items()})
    return model.eval()


def inspect_model(spec: ModelSpec, source: StateSource, image28: np.ndarray | None,
                  mean: float, std: float) -> Callable[[LatestJobRunner], InspectionResult]:
    """A job: the weights, and for `image28` every layer's output and the dense steps."""
    spec = spec.copy()
    image = None if image28 is None else np.asarray(image28, dtype=np.float32).copy()

    def job(runner: LatestJobRunner) -> InspectionResult:
        from playground.core.explain.inspection import dense_forward_steps, layer_activations
        from playground.core.model.shape_inference import infer_shapes

        state = numpy_state(source)
        report = infer_shapes(spec)
        result = InspectionResult(spec, state, image, report=report, thread_id=threading.get_ident())
        if image is not None and report.ok:
            model = build_with_state(spec, state)
            result.activations = layer_activations(model, image, mean, std)
            result.steps = dense_forward_steps(model, report, image, mean, std)
        return result

    return job


def evaluate(spec: ModelSpec, source: StateSource, dataset, mean: float,
             std: float) -> Callable[[LatestJobRunner], EvaluationResult]:
    """A job: classify all of `dataset` (progress 0..1 through `runner.progress`)."""
    spec = spec.copy()

    def job(runner: LatestJobRunner) -> EvaluationResult:
        from playground.core.training.evaluation import evaluate_model

        model = build_with_state(spec, numpy_state(source))
        evaluation = evaluate_model(model, dataset, mean, std, progress=runner.report_progress,
                                    cancelled=runner.cancelled)
        return EvaluationResult(evaluation, dataset, threading.get_ident())

    return job

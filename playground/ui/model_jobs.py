"""Torch work the window needs besides training and predicting, run off the GUI thread.

OpenMP pools are per calling thread, and a pool once used by the GUI thread slows every other
thread's parallel regions (docs/architecture.md, *Threads*): so the window never runs a forward pass itself.
`LatestJobRunner` keeps one Python thread and only the newest job asked for (older ones that have
not started are dropped); each job builds its own copy of the network from the spec and a numpy
state dict (or a callable giving one, e.g. `trainer.state_snapshot`, which waits for the trainer's
lock on this thread, never on the GUI thread) and runs torch on one core.

Two jobs: `inspect_model` (weights, every layer's output and the dense forward pass for one digit:
the Inside and Matrices tabs) and `evaluate` (the whole test set, with progress and cancel).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.core.spec import ModelSpec

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


class LatestJobRunner(QObject):
    """One background thread running the newest submitted job; results come back as signals.

    `submit(fn)` queues `fn(runner)` (replacing a queued one that has not started); its return value
    is sent by `result`, an exception's message by `error`. Signals are emitted from the job thread
    and, the runner living in the GUI thread, arrive queued there.
    """

    result = Signal(object)
    error = Signal(str)
    progress = Signal(float)

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._name = name
        self._cond = threading.Condition()
        self._job: Callable[["LatestJobRunner"], Any] | None = None
        self._stopping = False
        self._cancel = threading.Event()
        self._busy = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def submit(self, job: Callable[["LatestJobRunner"], Any]) -> None:
        with self._cond:
            self._job = job
            self._cancel.clear()
            self._cond.notify_all()

    def cancel(self) -> None:
        """Drop the queued job and ask the running one to stop (jobs check `cancelled()`)."""
        with self._cond:
            self._job = None
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set() or self._stopping

    @property
    def busy(self) -> bool:
        with self._cond:
            return self._busy or self._job is not None

    def shutdown(self, timeout: float = 5.0) -> bool:
        with self._cond:
            self._stopping = True
            self._job = None
            self._cond.notify_all()
        self._cancel.set()
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        torch_ready = False  # imported with the first job, so creating a runner does not load torch
        while True:
            with self._cond:
                while not (self._stopping or self._job is not None):
                    self._cond.wait()
                if self._stopping:
                    return
                job, self._job = self._job, None
                self._busy = True
            try:
                if not torch_ready:
                    import torch

                    from playground.ui.inference_thread import use_one_torch_thread

                    use_one_torch_thread(torch)  # small jobs; the process default (training's) stays
                    torch_ready = True
                value = job(self)
                if not self._emit(self.result, value):
                    return
            except Exception as exc:  # noqa: BLE001 — shown to the user, never a traceback
                if not self._emit(self.error, f"{type(exc).__name__}: {exc}"):
                    return
            finally:
                with self._cond:
                    self._busy = False

    def _emit(self, signal, payload) -> bool:
        try:
            signal.emit(payload)
            return True
        except RuntimeError:  # the window (and this QObject's C++ half) is gone
            return False


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

    from playground.core.builder import build_model

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
        from playground.core.inspection import dense_forward_steps, layer_activations
        from playground.core.shape_inference import infer_shapes

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
        from playground.core.evaluation import evaluate_model

        model = build_with_state(spec, numpy_state(source))
        evaluation = evaluate_model(model, dataset, mean, std, progress=runner.progress.emit,
                                    cancelled=runner.cancelled)
        return EvaluationResult(evaluation, dataset, threading.get_ident())

    return job

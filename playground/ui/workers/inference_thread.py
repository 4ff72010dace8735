"""Predictions for the drawing canvas, on a thread of their own.

Why a thread of its own, and not the GUI thread or the training worker:
- OpenMP thread pools belong to the thread that calls into them, and once the GUI thread has run
  parallel torch work every other thread's parallel regions run ~2.7× slower (measured). So
  torch never runs on the GUI thread; here it runs single-threaded (a 28×28 image needs no
  more) — set so that no other thread's setting changes (see `background.use_torch_threads`).
- The trainer holds its lock for a whole batch (and a whole evaluation). This thread owns its
  own copy of the network, built from the spec, and copies weights in from snapshots (plain
  numpy dicts), so a prediction never waits for training and never sees half-updated weights.
  Given `trainer.state_snapshot` itself rather than a snapshot, a second helper thread takes
  the snapshot (waiting for the batch there), and the predicting thread carries on meanwhile.

Requests coalesce: the thread keeps only the newest image asked for, so when someone draws
faster than predictions run, stale images are dropped, never queued. A new model or new
weights re-predict the last image, so the bars follow training live.

Results go out through `result`, emitted from this thread; this QObject lives in the thread
that made it (the GUI thread), so connections to the GUI's objects are queued. Payloads are
plain Python and numpy objects only.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.core.i18n import tr
from playground.core.model.spec import ModelSpec
from playground.ui.workers.background import JobThread, shut_down

__all__ = ["DigitPrediction", "InferenceThread"]

StateDict = Mapping[str, Any]  # parameter name → numpy array (or anything np.asarray takes)


class DigitPrediction(NamedTuple):
    """What the network made of one image. `probabilities`/`prediction` are None when there is
    nothing to classify (a blank image) or no network yet; `image28` is what it was shown."""

    probabilities: np.ndarray | None
    prediction: int | None
    image28: np.ndarray  # float32 28×28 in [0, 1], white on black


_NOTHING = object()


class InferenceThread(QObject):
    """Owns a private copy of the network and classifies the newest image it is given."""

    # dict: request (int), prediction (DigitPrediction), status ("ok" | "blank" | "no_model"),
    # submitted (time.perf_counter() of the request), seconds (preprocessing + forward pass),
    # model_version (int: bumped by set_model / clear_model / update_weights).
    result = Signal(object)
    # A message for the user: the weights do not fit the network, the spec cannot be built, ….
    error = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cond = threading.Condition()  # guards the requests below (made from any thread)
        self._image: np.ndarray | None = None
        self._request = 0
        self._submitted_at = 0.0
        self._model: Any = _NOTHING  # pending (spec, mean, std), or None (no network)
        self._weights: StateDict | None = None  # pending weights, for the network of `_generation`
        self._generation = 0  # bumped by set_model: weights fetched for an older network are dropped
        self._fetch: tuple[Callable[[], StateDict], int, int] | None = None  # a snapshot to take
        self._given = 0  # counts weights handed over as dicts: a snapshot begun before one is older
        self._version = 0
        # Each request queues one pass of `_predict` (or `_take_snapshot`): passes queued behind a running
        # one collapse into one, which takes whatever is newest then.
        self._predictor = JobThread("inference", torch_threads=1, on_error=self._unavailable)
        self._fetcher = JobThread("inference-weights")
        # The predicting thread's own: the network (built, then with weights) and the last image.
        self._skeleton: Any = None  # the current network, built, waiting for its first weights
        self._net: Any = None  # the current network with weights: ready to predict
        self._norm = (0.5, 0.5)  # its inputs' (mean, std)
        self._last: tuple[np.ndarray, int, float] | None = None  # the last image, its request, its time
        self.submitted = 0  # requests made
        self.predicted = 0  # requests answered (the rest were replaced by newer ones)

    # ----- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Set the predicting thread up now (torch imported, one core), so the first drawing is answered
        without that wait."""
        self._predictor.submit(self._predict)

    def shutdown(self, timeout: float = 2.0) -> bool:
        """End the threads; True when they ended within `timeout` seconds (a forward pass is
        short; a snapshot being taken waits for the trainer's current batch)."""
        return shut_down([self._predictor, self._fetcher], timeout)

    @property
    def running(self) -> bool:
        return self._predictor.running or self._fetcher.running

    # ----- requests (any thread) -------------------------------------------------------------------
    def set_model(self, spec: ModelSpec | None, state: StateDict | Callable[[], StateDict] | None,
                  mean: float = 0.5, std: float = 0.5) -> None:
        """Use this network from now on: built from `spec` on the inference thread, weights copied
        from `state` (e.g. `trainer.state_snapshot()`), inputs normalised with (mean, std) as in
        training. `state` may be the method itself (`trainer.state_snapshot`): it is then called on
        a helper thread, so neither the caller nor the predictions wait for the trainer's lock.
        `spec=None` or `state=None` means no network: answers say "no_model" (with the preview)."""
        with self._cond:
            self._generation += 1
            self._model = None if spec is None or state is None else (spec.copy(), float(mean), float(std))
            self._weights = None  # weights meant for the old network would not fit the new one
            self._fetch = None
            if self._model is not None and state is not None:  # (a model is set only with a state)
                self._offer_weights(state)
            self._version += 1
        self._wake()

    def clear_model(self) -> None:
        self.set_model(None, None)

    def update_weights(self, state: StateDict | Callable[[], StateDict]) -> None:
        """New weights for the current network (e.g. after some training steps); only the newest
        is kept. A callable (`trainer.state_snapshot`) is called on a helper thread."""
        with self._cond:
            self._offer_weights(state)
            self._version += 1
        self._wake()

    def _offer_weights(self, state: StateDict | Callable[[], StateDict]) -> None:
        if callable(state):
            self._fetch = (state, self._generation, self._given)
        else:
            self._weights = state
            self._given += 1
            self._fetch = None  # a snapshot still to be taken would be older than this one

    def submit(self, image: np.ndarray) -> int:
        """Classify `image` (any size and polarity; it is prepared like MNIST there). Replaces any
        request not yet started. Returns the request's number (results carry it back)."""
        with self._cond:
            self._request += 1
            self.submitted += 1
            self._image = image
            self._submitted_at = time.perf_counter()
            request = self._request
        self._predictor.submit(self._predict)
        return request

    def _wake(self) -> None:
        if self._fetch is not None:
            self._fetcher.submit(self._take_snapshot)
        self._predictor.submit(self._predict)

    # ----- the threads -----------------------------------------------------------------------------
    def _take_snapshot(self) -> None:
        """Takes snapshots (which wait for the trainer's batch) so the predicting thread never does."""
        with self._cond:
            if self._fetch is None:
                return
            (source, generation, given), self._fetch = self._fetch, None
        try:
            state = source()
        except Exception as exc:  # noqa: BLE001 — the trainer could not give its weights
            self._fetcher.emit(self.error, tr("The network's weights could not be read: {error}").format(
                error=f"{type(exc).__name__}: {exc}"))
            return
        with self._cond:
            if generation != self._generation or given != self._given:
                return  # something newer came meanwhile
            self._weights = state
        self._predictor.submit(self._predict)

    def _unavailable(self, exc: Exception) -> None:  # a broken install should say so, not fail silently
        self._predictor.emit(self.error, tr("Predictions are unavailable: {error}").format(
            error=f"{type(exc).__name__}: {exc}"))

    def _predict(self) -> None:
        """One pass on the predicting thread: the newest network, weights and image asked for."""
        import torch

        from playground.core.data.preprocessing import prepare_digit
        from playground.core.model.builder import build_model
        from playground.core.model.inference import class_probabilities

        with self._cond:
            image, request, submitted = self._image, self._request, self._submitted_at
            self._image = None
            new_model, self._model = self._model, _NOTHING
            weights, self._weights = self._weights, None
            version = self._version

        if new_model is not _NOTHING or weights is not None:
            try:
                if new_model is not _NOTHING:
                    self._skeleton = self._net = None
                    if new_model is not None:
                        spec, mean, std = new_model
                        self._norm = (mean, std)
                        # On the meta device: nothing is initialised, so the process-wide
                        # random generator that the trainer draws from is left untouched.
                        with torch.device("meta"):
                            self._skeleton = build_model(spec)
                if weights is not None and (self._net is not None or self._skeleton is not None):
                    if self._net is None:
                        self._net, self._skeleton = self._skeleton.to_empty(device="cpu").eval(), None
                    _load_state(torch, self._net, weights)
            except Exception as exc:  # noqa: BLE001 — each failure is a message for the user
                self._skeleton = self._net = None
                self._predictor.emit(self.error, _user_message(exc))
            if image is None and self._last is not None:
                image, request, submitted = self._last  # show the same drawing through the new network
        if image is None:
            return

        started = time.perf_counter()
        try:
            image28 = prepare_digit(image)
        except ValueError as exc:
            self._predictor.emit(self.error, tr("This image cannot be classified: {error}").format(error=exc))
            return
        self._last = (image, request, submitted)
        if not image28.any():
            prediction, status = DigitPrediction(None, None, image28), "blank"
        elif self._net is None:
            prediction, status = DigitPrediction(None, None, image28), "no_model"
        else:
            probs = class_probabilities(self._net, image28[None], *self._norm)[0]
            prediction, status = DigitPrediction(probs, int(probs.argmax()), image28), "ok"
        self.predicted += 1
        self._predictor.emit(self.result, {
            "request": request, "prediction": prediction, "status": status, "submitted": submitted,
            "seconds": time.perf_counter() - started, "model_version": version,
        })


def _load_state(torch, model, state: StateDict) -> None:
    tensors = {k: torch.as_tensor(np.asarray(v)) for k, v in state.items()}
    with torch.no_grad():
        model.load_state_dict(tensors, strict=True)


def _user_message(exc: BaseException) -> str:
    from playground.core.model.builder import InvalidSpec

    if isinstance(exc, InvalidSpec):
        return tr("The network cannot be built for predictions: {error}").format(error=exc)
    if isinstance(exc, (RuntimeError, KeyError, ValueError)) and "state_dict" in str(exc):
        return tr("The weights do not fit this network (a layer was added, removed or resized), so the canvas "
                  "cannot use them; predictions resume when the network and its weights agree.")
    return tr("Prediction failed: {error}").format(error=f"{type(exc).__name__}: {exc}")

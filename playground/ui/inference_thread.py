"""Predictions for the drawing canvas, on a thread of their own.

Why a thread of its own, and not the GUI thread or the training worker:
- OpenMP thread pools belong to the thread that calls into them, and once the GUI thread has run
  parallel torch work every other thread's parallel regions run ~2.7× slower (measured). So
  torch never runs on the GUI thread; here it runs single-threaded (a 28×28 image needs no
  more) — set so that no other thread's setting changes (see `use_one_torch_thread`).
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
from typing import Any, Callable, Mapping, NamedTuple

import numpy as np
from PySide6.QtCore import QObject, Signal

from playground.core.i18n import tr
from playground.core.spec import ModelSpec

__all__ = ["DigitPrediction", "InferenceThread", "use_one_torch_thread"]

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
        self._cond = threading.Condition()
        self._image: np.ndarray | None = None
        self._request = 0
        self._submitted_at = 0.0
        self._model: Any = _NOTHING  # pending (spec, mean, std), or None (no network)
        self._weights: StateDict | None = None  # pending weights, for the network of `_generation`
        self._generation = 0  # bumped by set_model: weights fetched for an older network are dropped
        self._fetch: tuple[Callable[[], StateDict], int, int] | None = None  # a snapshot to take
        self._given = 0  # counts weights handed over as dicts: a snapshot begun before one is older
        self._version = 0
        self._stopping = False
        self._threads: list[threading.Thread] = []
        self.submitted = 0  # requests made
        self.predicted = 0  # requests answered (the rest were replaced by newer ones)

    # ----- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        if self._threads:
            return
        self._stopping = False
        self._threads = [threading.Thread(target=self._run, name="inference", daemon=True),
                         threading.Thread(target=self._fetch_loop, name="inference-weights", daemon=True)]
        for thread in self._threads:
            thread.start()

    def shutdown(self, timeout: float = 2.0) -> bool:
        """End the threads; True when they ended within `timeout` seconds (a forward pass is
        short; a snapshot being taken waits for the trainer's current batch)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        threads, self._threads = self._threads, []
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)

    @property
    def running(self) -> bool:
        return any(thread.is_alive() for thread in self._threads)

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
            if self._model is not None:
                self._offer_weights(state)
            self._version += 1
            self._cond.notify_all()

    def clear_model(self) -> None:
        self.set_model(None, None)

    def update_weights(self, state: StateDict | Callable[[], StateDict]) -> None:
        """New weights for the current network (e.g. after some training steps); only the newest
        is kept. A callable (`trainer.state_snapshot`) is called on a helper thread."""
        with self._cond:
            self._offer_weights(state)
            self._version += 1
            self._cond.notify_all()

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
            self._cond.notify_all()
            return self._request

    # ----- the threads -----------------------------------------------------------------------------
    def _fetch_loop(self) -> None:
        """Takes snapshots (which wait for the trainer's batch) so the predicting thread never does."""
        while True:
            with self._cond:
                while not (self._stopping or self._fetch is not None):
                    self._cond.wait()
                if self._stopping:
                    return
                (source, generation, given), self._fetch = self._fetch, None
            try:
                state = source()
            except Exception as exc:  # noqa: BLE001 — the trainer could not give its weights
                self._emit(self.error, tr("The network's weights could not be read: {error}").format(
                    error=f"{type(exc).__name__}: {exc}"))
                continue
            with self._cond:
                if generation == self._generation and given == self._given:  # nothing newer came meanwhile
                    self._weights = state
                    self._cond.notify_all()

    def _run(self) -> None:
        try:
            import torch

            use_one_torch_thread(torch)
            from playground.core.builder import build_model
            from playground.core.inference import class_probabilities
            from playground.core.preprocessing import prepare_digit
        except Exception as exc:  # noqa: BLE001 — a broken install should say so, not die silently
            self._emit(self.error, tr("Predictions are unavailable: {error}").format(error=f"{type(exc).__name__}: {exc}"))
            return

        skeleton = None  # the current network, built, waiting for its first weights
        model = None  # the current network with weights: ready to predict
        mean, std = 0.5, 0.5
        last: tuple[np.ndarray, int, float] | None = None  # the last image, its request, its time
        while True:
            with self._cond:
                while not (self._stopping or self._image is not None or self._model is not _NOTHING
                           or self._weights is not None):
                    self._cond.wait()
                if self._stopping:
                    return
                image, request, submitted = self._image, self._request, self._submitted_at
                self._image = None
                new_model, self._model = self._model, _NOTHING
                weights, self._weights = self._weights, None
                version = self._version

            if new_model is not _NOTHING or weights is not None:
                try:
                    if new_model is not _NOTHING:
                        skeleton = model = None
                        if new_model is not None:
                            spec, mean, std = new_model
                            # On the meta device: nothing is initialised, so the process-wide
                            # random generator that the trainer draws from is left untouched.
                            with torch.device("meta"):
                                skeleton = build_model(spec)
                    if weights is not None and (model is not None or skeleton is not None):
                        if model is None:
                            model, skeleton = skeleton.to_empty(device="cpu").eval(), None
                        _load_state(torch, model, weights)
                except Exception as exc:  # noqa: BLE001 — each failure is a message for the user
                    skeleton = model = None
                    self._emit(self.error, _user_message(exc))
                if image is None and last is not None:
                    image, request, submitted = last  # show the same drawing through the new network
            if image is None:
                continue

            started = time.perf_counter()
            try:
                image28 = prepare_digit(image)
            except ValueError as exc:
                self._emit(self.error, tr("This image cannot be classified: {error}").format(error=exc))
                continue
            last = (image, request, submitted)
            if not image28.any():
                prediction, status = DigitPrediction(None, None, image28), "blank"
            elif model is None:
                prediction, status = DigitPrediction(None, None, image28), "no_model"
            else:
                probs = class_probabilities(model, image28[None], mean, std)[0]
                prediction, status = DigitPrediction(probs, int(probs.argmax()), image28), "ok"
            self.predicted += 1
            if not self._emit(self.result, {
                "request": request, "prediction": prediction, "status": status, "submitted": submitted,
                "seconds": time.perf_counter() - started, "model_version": version,
            }):
                return

    def _emit(self, signal, payload) -> bool:
        try:
            signal.emit(payload)
            return True
        except RuntimeError:  # the receiving side (this QObject's C++ half) is gone: end quietly
            return False


def use_one_torch_thread(torch) -> None:
    """This thread runs torch on one core, without changing any other thread's setting.

    `torch.set_num_threads` sets the calling thread's OpenMP thread count *and* a process-wide
    default that every thread which has not run torch yet adopts on its first parallel call —
    e.g. a training thread that is still loading its data would train on one core. So the
    default is put back at once, from a short-lived helper thread whose own count is moot.
    """
    inherited = torch.get_num_threads()  # initialises this thread from the process-wide default
    torch.set_num_threads(1)
    restore = threading.Thread(target=torch.set_num_threads, args=(inherited,), name="inference-setup")
    restore.start()
    restore.join()


def _load_state(torch, model, state: StateDict) -> None:
    tensors = {k: torch.as_tensor(np.asarray(v)) for k, v in state.items()}
    with torch.no_grad():
        model.load_state_dict(tensors, strict=True)


def _user_message(exc: BaseException) -> str:
    from playground.core.builder import InvalidSpec

    if isinstance(exc, InvalidSpec):
        return tr("The network cannot be built for predictions: {error}").format(error=exc)
    if isinstance(exc, (RuntimeError, KeyError, ValueError)) and "state_dict" in str(exc):
        return tr("The weights do not fit this network (a layer was added, removed or resized), so the canvas "
                  "cannot use them; predictions resume when the network and its weights agree.")
    return tr("Prediction failed: {error}").format(error=f"{type(exc).__name__}: {exc}")

"""Look inside ▸ Step through: convolution, pooling, the output layer and backpropagation worked out with the
real numbers of the learner's network and the digit on the canvas.

`StepThroughPanel` holds the four views as tabs and computes for the one on screen only, on a job thread of
its own (`LatestJobRunner`: the newest request wins, older ones still queued are dropped). Each view says
what it wants (`job()`: a function of the built network, its shapes, the digit and the normalisation) and
draws the answer (`show_steps`). The network is built from the weights once per new set of weights, on the
job thread: the weights callable (`ModelSource`) is never called on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import ShapeReport, infer_shapes
from playground.core.model.spec import ModelSpec
from playground.ui.widgets.step_page import StepPage
from playground.ui.workers.background import LatestJobRunner
from playground.ui.workspaces.inside.backprop_view import BackpropView
from playground.ui.workspaces.inside.conv_step_view import DRAW_FIRST, NO_NETWORK, TRAIN_FIRST, ConvStepView
from playground.ui.workspaces.inside.pool_output_view import OutputStepView, PoolStepView

PAGES = ("conv", "pool", "output", "backprop")
TITLES = {"conv": N_("Convolution"), "pool": N_("Pooling"), "output": N_("Output and loss"), "backprop": N_("Backprop")}
TIPS = {
    "conv": N_("A conv layer's output made cell by cell: the window, the k×k products, their sum and the bias; "
               "and a sandbox for the output size."),
    "pool": N_("Max and average pooling: each window and the value it keeps."),
    "output": N_("The logits, their exponentials, the sum, the probabilities and the cross-entropy; a sigmoid per "
                 "label beside them."),
    "backprop": N_("The backward pass of a dense network: δ layer by layer, the gradients, and one update of a "
                   "weight."),
}


class StepThroughPanel(QTabWidget):
    """Convolution, Pooling, Output and loss, Backprop: the views as tabs, fed with the network and the digit.

    Signals:
        computed(str): a page has drawn a new answer (its name; tests wait on it).
    """

    computed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self.conv_view = ConvStepView()
        self.pool_view = PoolStepView()
        self.output_view = OutputStepView()
        self.backprop_view = BackpropView()
        self.views: dict[str, StepPage] = {"conv": self.conv_view, "pool": self.pool_view, "output": self.output_view,
                                      "backprop": self.backprop_view}
        for name in PAGES:
            index = self.addTab(self.views[name], tr(TITLES[name]))
            self.setTabToolTip(index, tr(TIPS[name]))
            self.views[name].changed.connect(self._refresh)
        self.jobs = LatestJobRunner("step through", self)
        self.jobs.result.connect(self._on_result)
        self.jobs.error.connect(self._on_error)
        self.currentChanged.connect(lambda _: self._refresh())
        self._spec: ModelSpec | None = None
        self._report: ShapeReport | None = None
        self._weights: Callable[[], dict[str, np.ndarray]] | None = None
        self._mean, self._std = 0.5, 0.5
        self._image: np.ndarray | None = None
        self._model_generation = 0  # a new network or new weights
        self._image_generation = 0
        self._shown: dict[str, Any] = {}  # page → the request key its view shows the answer to
        self._asked: dict[str, Any] = {}  # page → the request key last submitted
        self._cache: tuple[int, Any] | None = None  # (generation, model): touched on the job thread only
        self.last_job_thread: int | None = None  # tests: the thread that computed the latest answer
        self._set_contexts()

    # ----- API ----------------------------------------------------------------------------------------
    def set_model(self, spec: ModelSpec | None, weights: Callable[[], dict[str, np.ndarray]] | None = None,
                  mean: float = 0.5, std: float = 0.5) -> None:
        """The network (None: no digit network) and its trained weights (a callable, called on the job thread
        only; None: not trained yet), with the normalisation it trains with."""
        self._spec = None if spec is None else spec.copy()
        report = None if spec is None else infer_shapes(self._spec)  # type: ignore[arg-type]
        self._report = report if report is not None and report.ok else None
        self._weights = weights if self._report is not None else None
        self._mean, self._std = float(mean), float(std)
        self._model_generation += 1
        self._set_contexts()
        self._refresh()

    def set_image(self, image28: np.ndarray | None) -> None:
        """The digit on the canvas as the network sees it: 28×28, uint8 or floats in [0, 1] (None: none)."""
        if image28 is None or not np.asarray(image28).any():
            image = None
        else:
            image = np.asarray(image28)
            image = (image / 255.0 if image.dtype == np.uint8 else image).astype(np.float32)
        if image is None and self._image is None:
            return
        if image is not None and self._image is not None and np.array_equal(image, self._image):
            return
        self._image = image
        self._image_generation += 1
        self._set_contexts()
        self._refresh()

    def show_page(self, name: str) -> None:
        """Bring page `name` ("conv", "pool", "output" or "backprop") forward (Learn's "Show me")."""
        self.setCurrentWidget(self.views[name])

    def up_to_date(self, name: str) -> bool:
        """Page `name` shows the answer for the current network, digit and choices (tests wait on it)."""
        return self._shown.get(name) == self._key(name)

    def current_page(self) -> str:
        return next(name for name, view in self.views.items() if view is self.currentWidget())

    def shutdown(self) -> None:
        self.jobs.shutdown()

    def retranslate(self) -> None:
        for index, name in enumerate(PAGES):
            self.setTabText(index, tr(TITLES[name]))
            self.setTabToolTip(index, tr(TIPS[name]))
            self.views[name].retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh()  # what came while it was out of sight

    # ----- computing ----------------------------------------------------------------------------------
    def _problem(self) -> str | None:
        if self._spec is None or self._report is None:
            return NO_NETWORK
        if self._weights is None:
            return TRAIN_FIRST
        if self._image is None:
            return DRAW_FIRST
        return None

    def _set_contexts(self) -> None:
        problem = self._problem()
        for view in self.views.values():
            view.set_context(self._report, problem)

    def _key(self, name: str) -> Any:
        return (self._model_generation, self._image_generation, self.views[name].choice())

    def _refresh(self) -> None:
        """Compute for the page on screen when its answer is out of date (nothing while hidden)."""
        if not self.isVisible():
            return
        name = self.current_page()
        view = self.views[name]
        key = self._key(name)
        if key in (self._shown.get(name), self._asked.get(name)):
            return
        compute = view.job()
        if compute is None:
            return
        weights, spec, report, image = self._weights, self._spec, self._report, self._image
        if weights is None or spec is None or report is None or image is None:
            return
        generation, mean, std = self._model_generation, self._mean, self._std
        self._asked[name] = key

        def work(runner: LatestJobRunner) -> tuple[str, Any, Any, int]:
            model = self._model(generation, spec, weights)
            try:
                answer: Any = compute(model, report, image, mean, std)
            except ValueError as exc:  # a network the view cannot show: said in one line
                answer = str(exc)
            return name, key, answer, threading.get_ident()
        self.jobs.submit(work)

    def _model(self, generation: int, spec: ModelSpec, weights: Callable[[], dict[str, np.ndarray]]) -> Any:
        """The network with these weights, built once per generation (job thread only)."""
        from playground.ui.workers.model_jobs import build_with_state, numpy_state

        cached = self._cache
        if cached is not None and cached[0] == generation:
            return cached[1]
        model = build_with_state(spec, numpy_state(weights))
        self._cache = (generation, model)
        return model

    def _on_result(self, result: tuple[str, Any, Any, int]) -> None:
        name, key, answer, thread = result
        if self._asked.get(name) == key:
            self._asked.pop(name, None)
        if key != self._key(name):
            self._refresh()  # something changed while it ran: ask again
            return
        self.last_job_thread = thread
        view = self.views[name]
        self._shown[name] = key
        if isinstance(answer, str):
            view.show_message(answer)
        else:
            view.show_steps(answer)
        self.computed.emit(name)

    def _on_error(self, message: str) -> None:
        name = self.current_page()
        self._asked.pop(name, None)
        self.views[name].show_message(tr("Step through: {message}").format(message=message))

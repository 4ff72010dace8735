"""The views of the trained weights: the diagram's weights, Draw, Inside, Matrices and Evaluation.

`ModelViews` hands the current network and its weights (from the document: an opened project's, or the
worker's copy of the trainer) to the views that use them, and only to those on screen: the diagram's
weights are copied on a thread of their own when the diagram is shown, the inspection (layer outputs,
dense steps, the matrices' model sources) runs when Inside or Matrices is shown, and the training
snapshots come faster while Inside ▸ While it learns is in view. It also keeps the Draw tab's labelled
drawings with the project and hands them to the trainer.

The panels that import torch are built by the window once torch has loaded; it hands them over with
`attach_panels`. Which view is on screen the window says (`ModelViewsHost.view_on_screen`), and it calls
`refresh_visible_views` whenever that changes.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from playground.core.i18n import N_, tr, trn
from playground.core.model.spec import ModelSpec
from playground.ui.document import ModelSource
from playground.ui.workers.model_jobs import (
    EvaluationResult,
    InspectionResult,
    LatestJobRunner,
    evaluate,
    inspect_model,
    numpy_state,
)
from playground.ui.workers.worker import HIDDEN_SNAPSHOT_HZ, SNAPSHOT_HZ

if TYPE_CHECKING:
    from playground.ui.document import Document
    from playground.ui.widgets.message_bar import MessageBar
    from playground.ui.workers.worker import TrainingWorker
    from playground.ui.workspaces.inside.draw_panel import DrawPanel
    from playground.ui.workspaces.inside.evaluation_panel import EvaluationPanel
    from playground.ui.workspaces.inside.fool_it_view import FoolItView
    from playground.ui.workspaces.inside.inside_panel import InsidePanel
    from playground.ui.workspaces.inside.learning_panel import LearningPanel
    from playground.ui.workspaces.inside.live_model_view import LiveModelView
    from playground.ui.workspaces.inside.network_diagram import NetworkDiagram
    from playground.ui.workspaces.inside.projector_view import ProjectorView
    from playground.ui.workspaces.inside.step_through_panel import StepThroughPanel
    from playground.ui.workspaces.matrices.matrix_panel import MatrixPanel
    from playground.ui.workspaces.train.training_panel import TrainingPanel

ADD_EXAMPLE_TIP = N_("Add this drawing, as the network sees it (28×28), with the label chosen above to the "
                     "training data: the network trains on it from the next epoch on, and it is kept in the "
                     "project file (File → Save).")


class ModelViewsHost(Protocol):
    """What the views of the weights need from the window."""

    def view_on_screen(self, widget: QWidget | None) -> bool:
        """`widget` is the view shown now (inner tabs included)."""

    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""

    def set_modified(self) -> None:
        """The project has changed since it was saved."""


class DigitData(Protocol):
    """What the loaded data is (data_actions.py), as used here."""

    def digit_images(self) -> bool: ...
    def digit_views_ok(self, spec: ModelSpec, task: str) -> bool: ...


class ModelViews(QObject):
    def __init__(self, document: Document, worker: TrainingWorker, diagram: NetworkDiagram, panel: TrainingPanel,
                 training_message: MessageBar, data: DigitData, host: ModelViewsHost, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.worker = worker
        self.diagram = diagram
        self.panel = panel
        self.training_message = training_message
        self.data = data
        self.host = host
        self.draw_panel: DrawPanel | None = None  # built when torch has loaded (attach_panels)
        self.inside_panel: InsidePanel | None = None
        self.learning_panel: LearningPanel | None = None
        self.matrix_panel: MatrixPanel | None = None
        self.evaluation_panel: EvaluationPanel | None = None
        self.fool_it_view: FoolItView | None = None  # built after the panels (attach_explain_views)
        self.projector_view: ProjectorView | None = None
        self.step_through_panel: StepThroughPanel | None = None  # Look inside ▸ Step through, set once built
        self.last_job_threads: dict[str, int] = {}  # job → thread id that ran it (tests)
        self._weights_stale = True
        self._draw_spec_json: str | None = None  # the network the Draw tab predicts with (None: none)
        self._inspection_stale = True  # the Inside and Matrices tabs wait to be shown to be refreshed
        self._model_stale = False  # new weights Draw has not had (it was out of sight while they came)
        self._inspected_image: np.ndarray | None = None  # the canvas digit the Inside tab looks at
        # Children of this object (a child of the window): deleted with it, which drops the connections
        # (lambdas over the window) that would otherwise keep a closed window and its trainer alive.
        self.inspection_jobs = LatestJobRunner("inspection", self)
        self.evaluation_jobs = LatestJobRunner("evaluation", self)
        self.weight_jobs = LatestJobRunner("diagram weights", self)  # live weights are copied there, not here
        self.inspection_jobs.result.connect(self._on_inspection)
        self.inspection_jobs.error.connect(self._on_inspection_error)
        self.evaluation_jobs.progress.connect(self._on_evaluation_progress)
        self.evaluation_jobs.result.connect(self._on_evaluation)
        self.evaluation_jobs.error.connect(self._on_evaluation_error)
        self.weight_jobs.result.connect(self._on_diagram_weights)
        worker.snapshot.connect(self._on_snapshot)
        document.history_cleared.connect(self._on_history_cleared)
        document.epoch_rows_changed.connect(self._on_epoch_rows)
        document.drawings_replaced.connect(self._drawings_to_worker)

    def attach_panels(self, draw: DrawPanel, inside: InsidePanel, learning: LearningPanel, matrix: MatrixPanel,
                      evaluation: EvaluationPanel) -> None:
        """The panels that import torch, just built."""
        self.draw_panel, self.inside_panel, self.learning_panel = draw, inside, learning
        self.matrix_panel, self.evaluation_panel = matrix, evaluation
        # The add button's tooltip when it is enabled, in English: the panel shows it with tr().
        draw.add_tip = ADD_EXAMPLE_TIP
        draw.add_button.setToolTip(tr(ADD_EXAMPLE_TIP))
        draw.prediction_ready.connect(self._on_prediction)
        draw.add_example.connect(self._on_add_example)
        evaluation.set_evaluate_enabled(False, tr("Train the network first."))
        evaluation.evaluate_requested.connect(self.evaluate_test_set)
        evaluation.cancel_requested.connect(self.evaluation_jobs.cancel)

    def attach_explain_views(self, fool_it: FoolItView, projector: ProjectorView) -> None:
        """Fool it and the projector, just built: they follow the network and the canvas digit as Draw does (and
        Draw's saliency overlay); a digit clicked in the projector goes onto the canvas."""
        self.fool_it_view, self.projector_view = fool_it, projector
        projector.test_digit_chosen.connect(self._on_projected_digit)
        if self.worker.data is not None and self.draw_panel is not None:
            projector.set_data(self.worker.data.test if self.data.digit_images() else None)

    def _explain_views(self) -> list[LiveModelView]:
        """The views that explain the network for the canvas digit (each works only while it is shown)."""
        views: list[LiveModelView] = [] if self.draw_panel is None else [self.draw_panel.saliency]
        return views + [view for view in (self.fool_it_view, self.projector_view) if view is not None]

    def _on_projected_digit(self, index: int) -> None:
        if self.draw_panel is not None and self.data.digit_images():  # the same test split as the projector's
            self.draw_panel.show_test_digit(index)

    def data_ready(self) -> None:
        """The worker has loaded data: the Draw tab's test digits, the learning panel's probe digit."""
        draw, learning = self.draw_panel, self.learning_panel
        assert draw is not None and learning is not None, "built when the data is first ready"
        data = self.worker.data
        draw.set_dataset(data if self.data.digit_images() else None)
        if self.projector_view is not None:
            self.projector_view.set_data(data.test if data is not None and self.data.digit_images() else None)
        if data is not None and hasattr(data.test, "images") and len(data.test):
            learning.set_probe_image(data.test.images[0] / 255.0)  # the trainer's probe: test digit 0
        else:
            learning.set_probe_image(None)

    def shutdown(self) -> None:
        if self.draw_panel is not None:
            self.draw_panel.shutdown()
        for view in (self.fool_it_view, self.projector_view):
            if view is not None:
                view.shutdown()
        if self.step_through_panel is not None:
            self.step_through_panel.shutdown()
        self.evaluation_jobs.cancel()
        self.inspection_jobs.shutdown()
        self.evaluation_jobs.shutdown()
        self.weight_jobs.shutdown()

    # ----- what is on screen ----------------------------------------------------------------------------
    def refresh_weights(self) -> None:
        """Weights in the diagram: copied from the trainer only when the diagram is on screen."""
        self._weights_stale = True
        self.refresh_visible_views()

    def refresh_visible_views(self) -> None:
        on_screen = self.host.view_on_screen
        # Snapshots feed Inside ▸ While it learns only: fewer of them while it is not on screen.
        learning_shown = self.learning_panel is not None and on_screen(self.learning_panel)
        self.worker.set_snapshot_rate(SNAPSHOT_HZ if learning_shown else HIDDEN_SNAPSHOT_HZ)
        if self._weights_stale and on_screen(self.diagram):
            self._weights_stale = False
            self._request_diagram_weights()
        if self._model_stale and self._model_views_visible():
            self.push_model(weights_only=True)
        if self._inspection_stale and self._inspection_visible():
            self._request_inspection()

    def _model_views_visible(self) -> bool:
        """Draw, or a view that follows its digit (Inside, Matrices), is on screen."""
        return self.draw_panel is not None and (self.host.view_on_screen(self.draw_panel) or self._inspection_visible()
                                                or any(self.host.view_on_screen(v) for v in self._explain_views())
                                                or self.host.view_on_screen(self.step_through_panel))

    def _inspection_visible(self) -> bool:
        on_screen = self.host.view_on_screen
        return self.matrix_panel is not None and (
            on_screen(self.inside_panel) or on_screen(self.learning_panel) or on_screen(self.matrix_panel))

    # ----- the diagram's weights ------------------------------------------------------------------------
    def _request_diagram_weights(self) -> None:
        """The diagram's weights: copied on a thread of their own (a run may hold the trainer's lock for a batch)."""
        document = self.document
        state = None if document.holds_project_weights() else document.trained_state()
        if state is None:
            self.diagram.set_weights(document.current_weights())  # a project's weights, or none
            return
        spec, source = state.spec, state.weights
        self.weight_jobs.submit(lambda runner: (spec, numpy_state(source)))

    def _on_diagram_weights(self, result: tuple[ModelSpec, dict[str, np.ndarray]]) -> None:
        spec, weights = result
        if self.document.is_current(spec):  # else the network changed while they were copied
            self.diagram.set_weights(weights)

    # ----- the model for Draw, Inside, Matrices and Evaluation --------------------------------------------
    def model_source(self) -> ModelSource | None:
        """The document's trained weights (`Document.model_source`), while the network reads 28×28 digits into
        ten classes (the tabs that use it are digit tabs); else None."""
        if not self.data.digit_views_ok(self.document.spec, self.panel.task_settings.task_key):
            return None
        return self.document.model_source()

    def push_model(self, weights_only: bool = False) -> None:
        """The current network and weights to the Draw tab (which re-predicts its digit, and so refreshes
        the Inside tab), the Matrices tab and the evaluation button."""
        if self.draw_panel is None:
            return  # not built yet: data_ready builds it, then trainer_ready pushes the model
        if weights_only and not self._model_views_visible():
            # While it trains out of sight, Draw would copy the weights and predict again twice a second for
            # nobody, on cores the training needs: it catches up when shown (`refresh_visible_views`).
            self._model_stale = True
            return
        self._model_stale = False
        source = self.model_source()
        if source is None:
            if self._draw_spec_json is not None or not weights_only:
                self._draw_spec_json = None
                self.draw_panel.set_model(None, None)
                for view in self._explain_views():
                    view.set_model(None, None)
                if self.step_through_panel is not None:  # the network's shapes still say what it could show
                    digits = self.data.digit_views_ok(self.document.spec, self.panel.task_settings.task_key)
                    self.step_through_panel.set_model(self.document.spec if digits else None, None)
            if self.evaluation_panel is not None:
                digits = self.data.digit_views_ok(self.document.spec, self.panel.task_settings.task_key)
                self.evaluation_panel.set_evaluate_enabled(
                    False, tr("Train the network first (or open a trained project).") if digits
                    else tr("The evaluation classifies 28×28 digits into ten classes: the multi-class task on MNIST."))
        else:
            spec, state, mean, std = source
            spec_json = json.dumps(spec.to_json(), sort_keys=True)
            if weights_only and spec_json == self._draw_spec_json:
                self.draw_panel.update_weights(state)
            else:
                self._draw_spec_json = spec_json
                self.draw_panel.set_model(spec, state, mean, std)
            for view in self._explain_views():  # each copies the weights when (and only while) it is shown
                view.set_model(spec, state, mean, std)
            if self.step_through_panel is not None:  # likewise: it computes only while shown
                self.step_through_panel.set_model(spec, state, mean, std)
            if self.evaluation_panel is not None:
                self.evaluation_panel.set_evaluate_enabled(
                    True, tr("Classify every test digit with the current weights (eval mode, no gradients) and "
                             "show where the network goes wrong. The test digits are never used for training."))
        if self._inspected_image is None:  # with a digit, the Draw tab's new answer triggers the refresh
            self._inspection_stale = True
            if self._inspection_visible():
                self._request_inspection()

    # ----- Inside and Matrices ---------------------------------------------------------------------------
    def _on_prediction(self, prediction: Any) -> None:
        image = getattr(prediction, "image28", None)
        has_answer = getattr(prediction, "probabilities", None) is not None
        self._inspected_image = image if has_answer and image is not None and image.any() else None
        for view in self._explain_views():
            view.set_image(self._inspected_image)
        if self.step_through_panel is not None:
            self.step_through_panel.set_image(self._inspected_image)
        self._inspection_stale = True
        if self._inspection_visible():
            self._request_inspection()

    def _request_inspection(self) -> None:
        """Weights, layer outputs and dense steps for the canvas digit, computed on the inspection thread."""
        self._inspection_stale = False
        source = self.model_source()
        if source is None:
            if self.matrix_panel is not None:
                self.matrix_panel.set_model_sources({})
                self.matrix_panel.set_dense_layers([])
            return
        spec, state, mean, std = source
        self.inspection_jobs.submit(inspect_model(spec, state, self._inspected_image, mean, std))

    def _on_inspection_error(self, message: str) -> None:
        self.host.show_status(tr("Inside view: {message}").format(message=message))

    def _on_inspection(self, result: InspectionResult) -> None:
        self.last_job_threads["inspection"] = result.thread_id
        if (self.matrix_panel is None or not self.document.is_current(result.spec) or result.report is None
                or not result.report.ok):
            return  # the network changed while the job ran
        sources: dict[str, np.ndarray] = {}
        for info in result.report.layers:
            if info.layer.type != "Linear":
                continue
            i = info.notation_index
            weight = result.state.get(f"{info.name}.weight")
            bias = result.state.get(f"{info.name}.bias")
            if weight is not None:
                sources[f"W^[{i}] ({info.name}.weight) {weight.shape[0]}×{weight.shape[1]}"] = weight
            if bias is not None:
                sources[f"b^[{i}] ({info.name}.bias) {bias.shape[0]}"] = bias.reshape(-1, 1)
        if result.image28 is not None:
            sources[tr("x (the drawn digit) 28×28")] = result.image28
        self.matrix_panel.set_model_sources(sources)
        self.matrix_panel.set_dense_layers([
            (f"{step.name}: W^[{step.index}] {step.weight.shape[0]}×{step.weight.shape[1]}",
             step.a_prev.reshape(1, -1), step.weight, step.bias, step.activation, step.a)
            for step in result.steps])
        if result.image28 is not None and self.inside_panel is not None:
            self.inside_panel.show_activations(result.activations, result.report, result.image28)
            self.inside_panel.show_forward_steps(result.steps)

    def _on_snapshot(self, snapshot: Any) -> None:
        if self.learning_panel is not None:
            self.learning_panel.add_snapshot(snapshot)

    # ----- Evaluation ------------------------------------------------------------------------------------
    def evaluate_test_set(self) -> bool:
        """Classify the whole test set on the evaluation thread (the panel shows progress and Cancel)."""
        source = self.model_source()
        data = self.worker.data
        if self.evaluation_panel is None:
            return False
        if source is None or data is None:
            self.evaluation_panel.set_running(False)
            self.host.show_status(tr("Train the network first: there are no weights to evaluate."))
            return False
        spec, state, mean, std = source
        self.evaluation_panel.set_running(True)
        self.evaluation_jobs.submit(evaluate(spec, state, data.test, mean, std))
        return True

    def _on_evaluation_progress(self, fraction: float) -> None:
        panel = self.evaluation_panel  # built: it started the evaluation
        if panel is not None and panel.running:
            panel.set_progress(fraction)

    def _on_evaluation(self, result: EvaluationResult) -> None:
        self.last_job_threads["evaluation"] = result.thread_id
        panel = self.evaluation_panel
        if panel is None:
            return
        if result.evaluation is None:  # cancelled
            panel.set_running(False)
            return
        panel.show_evaluation(result.evaluation, result.dataset)

    def _on_evaluation_error(self, message: str) -> None:
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_running(False)
        self.training_message.show_message(tr("Evaluation failed: {message}").format(message=message), "error")

    def _on_history_cleared(self) -> None:
        if self.evaluation_panel is not None:
            self.evaluation_panel.set_history([])
            self.evaluation_panel.clear()
        if self.learning_panel is not None:  # built with the evaluation panel
            self.learning_panel.clear()

    def _on_epoch_rows(self) -> None:
        if self.evaluation_panel is not None:  # for its over-fitting alert
            self.evaluation_panel.set_history(self.document.epoch_rows)

    # ----- drawings ----------------------------------------------------------------------------------------
    def _on_add_example(self, image: np.ndarray, label: int) -> None:
        count = self.document.add_drawing(image, label)
        self.host.set_modified()
        self.worker.add_training_example(image, label)  # the current trainer: from its next epoch
        # After the panel's own note (set once this slot returns): say what happened, exactly.
        panel = self.draw_panel  # the sender
        if panel is not None:
            QTimer.singleShot(0, lambda: panel.source_label.setText(
                tr("Added to the training data as a {label} ({count} in all): used from the next epoch.").format(
                    label=label, count=count)))
        self.host.show_status(trn("Drawing added as a {label}: %n drawing in the training data and the project.",
                                  "Drawing added as a {label}: %n drawings in the training data and the project.",
                                  count).format(label=label))

    def _drawings_to_worker(self) -> None:
        """Every trainer the worker builds from now on starts with the project's drawings."""
        self.worker.set_training_examples(self.document.training_examples())

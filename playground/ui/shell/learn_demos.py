"""The Learn sidebar's demos, as `demo_<name>` methods mixed into the main window.

Each demo sets up the views that show one idea of the course (the topic names its demo in
`core.learn_topics`) and returns one sentence saying what it did, or why it could not. A demo that
needs trained weights and finds none trains the untrained network for a fraction of an epoch first
(nothing is lost: there were no weights yet). Demos that change the network or the settings refuse
while a run is in progress, and never throw trained weights away without the window's usual question.

The window may define its own `demo_<name>` to replace any of these (its methods come first in the
method resolution order); the sidebar finds whichever is there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMainWindow, QTabWidget, QWidget

from playground.core.i18n import N_, tr
from playground.core.model.layers import ACTIVATIONS
from playground.ui.shell.run_controls import RUNNING, RunState

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits, ImageDataset
    from playground.core.model.shape_inference import LayerInfo
    from playground.core.training.events import RunSummary
    from playground.ui.document import Document
    from playground.ui.shell.model_views import ModelViews
    from playground.ui.shell.run_controls import RunActions
    from playground.ui.shell.workspaces import Workspaces
    from playground.ui.workers.worker import TrainingWorker
    from playground.ui.workspaces.inside.draw_panel import DrawPanel
    from playground.ui.workspaces.inside.inside_panel import InsidePanel
    from playground.ui.workspaces.inside.learning_panel import LearningPanel
    from playground.ui.workspaces.inside.multilabel_compare_view import MultilabelCompareView
    from playground.ui.workspaces.inside.step_through_panel import StepThroughPanel
    from playground.ui.workspaces.matrices.matrix_panel import MatrixPanel
    from playground.ui.workspaces.train.layer_editor import LayerStackEditor
    from playground.ui.workspaces.train.training_panel import TrainingPanel

    _Window = QMainWindow  # the mixin's only host is MainWindow, a QMainWindow
else:
    _Window = object

WARM_UP_EPOCHS = 0.1  # an untrained network trains this much before a demo that needs weights
LEARN_EPOCHS = 0.25  # the backpropagation and evaluation demos train this much
WAIT_TIMEOUT_S = 60.0
LOADING = N_("PyTorch is still loading: try again in a moment.")
# What Look inside ▸ Step through adds to a demo: said after the demo's own sentence.
STEP_THROUGH_NOTES = {
    "conv": N_("Then Look inside ▸ Step through ▸ Convolution makes {name}'s output cell by cell, with a sandbox "
               "for the output size."),
    "output": N_("Then Look inside ▸ Step through ▸ Output and loss works the probabilities out from the logits, "
                 "with the cross-entropy."),
    "backprop": N_("When it stops, Look inside ▸ Step through ▸ Backprop works the backward pass out for the digit "
                   "on the canvas."),
}
REFUSALS = {  # a run is in progress and the demo would change ...
    "network": N_("Stop training first (Esc): this demo changes the network."),
    "optimizer": N_("Stop training first (Esc): this demo changes the optimizer."),
}


class LearnDemos(_Window):
    """Mixed into MainWindow; uses only what the window offers its own menus and tests."""

    if TYPE_CHECKING:  # what the demos use of MainWindow (checked against it: it derives from this class)
        worker: TrainingWorker
        run_actions: RunActions
        editor: LayerStackEditor
        panel: TrainingPanel
        network_dock: QWidget  # the layer stack's view (in the Train workspace)
        training_dock: QWidget  # the training settings' view (in the side column)
        workspaces: Workspaces
        inside_tabs: QTabWidget | None  # None until the panels that import torch are built
        draw_panel: DrawPanel | None
        inside_panel: InsidePanel | None
        learning_panel: LearningPanel | None
        matrix_panel: MatrixPanel | None
        step_through_panel: StepThroughPanel | None
        document: Document
        models: ModelViews

        @property
        def state(self) -> RunState: ...
        def train(self) -> None: ...
        def start_training(self, epochs: float | None = None, eval_every_steps: int | None = None,
                           single_step: bool = False) -> bool: ...
        def choose_preset(self, name: str) -> None: ...
        def evaluate_test_set(self) -> bool: ...

    # The demos' own state, made when first needed.
    multilabel_dialog: QDialog | None = None
    multilabel_view: MultilabelCompareView | None = None
    _learn_finished_connected = False
    _learn_after_run: Callable[[], object] | None = None

    # ----- the demos ---------------------------------------------------------------------------------
    def demo_layers(self) -> str:
        if self.state in RUNNING:
            return tr(REFUSALS["network"])
        if not self._learn_use_preset("seed-mlp"):
            return tr("The trained network was kept: choose Presets ▸ SimpleNN to load the notes' network.")
        self._learn_show_dock(self.network_dock)
        self._learn_select_block("Linear")
        self._learn_open("Diagram")
        info = self._learn_block_info("Linear")
        shapes = ", ".join(f"{k} {'×'.join(map(str, v))}" for k, v in info.weight_shapes.items()) if info else ""
        return tr("The notes' SimpleNN is loaded and its first dense layer, fc1, is selected: {shapes}. "
                  "The diagram draws its layers as columns of units.").format(shapes=shapes)

    def demo_forward(self) -> str:
        def show() -> None:
            inside = self._learn_inside_panel()
            self._learn_open("Inside", inside=inside, inside_page=inside.forward_view)
            self._learn_ensure_digit()
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("Inside ▸ Forward pass: each dense layer's z = W·a + b and a = g(z) for the digit on the canvas, "
               "computed step by step. Pick a unit to see its weighted sum."))

    def demo_backprop(self) -> str:
        if self.learning_panel is None:
            self._learn_open("Inside")
            return tr(LOADING)
        self._learn_open("Inside", inside=self.learning_panel)
        if self.state == RunState.PAUSED:
            self.train()
            return tr("Training resumed: the gradient norm of every layer is plotted as backpropagation runs.")
        if self.state in RUNNING:
            return tr("Training is running: the gradient norm of every layer is plotted as backpropagation runs.")
        if self.state != RunState.IDLE or self.run_actions.blocked:
            return self._learn_cannot_train()
        self.start_training(epochs=LEARN_EPOCHS)
        learning = self.learning_panel
        self._learn_when(lambda: self.state == RunState.IDLE and self.models.model_source() is not None,
                         lambda: self._learn_step_through("backprop", learning))
        return tr("Training {epochs:g} of an epoch: every batch, loss.backward() computes the gradients and the "
                  "optimizer moves each weight against its gradient. Their sizes per layer are plotted here; Step "
                  "(Ctrl+→) does a single batch.").format(epochs=LEARN_EPOCHS) + " " + tr(
            STEP_THROUGH_NOTES["backprop"])

    def demo_activations(self) -> str:
        index = self._learn_first_activation()
        if index is None:
            if self.state in RUNNING:
                return tr(REFUSALS["network"])
            if self._learn_use_preset("seed-mlp"):
                index = self._learn_first_activation()
        if index is None:  # the user kept the network (the preset has activations)
            return tr("This network has no activation layer: add one from the palette's Activation group.")
        info = self.editor.report().layers[index]
        self._learn_show_dock(self.network_dock)
        self.editor.select(index)
        self.editor.stack_view.setFocus()

        def show() -> None:
            inside = self._learn_inside_panel()
            view = inside.activations_view
            self._learn_open("Inside", inside=inside, inside_page=view)
            self._learn_ensure_digit()
            self._learn_when(lambda: info.name in view.layer_names(), lambda: view.select_layer(info.name))
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("{name} ({type}) is selected in the stack: the form below it changes its kind. Inside ▸ Layer "
               "outputs shows what it outputs for the digit on the canvas.").format(name=info.name,
                                                                                    type=info.layer.type))

    def demo_softmax(self) -> str:
        def show() -> None:
            self._learn_open("Draw")
            self._learn_ensure_digit()
            self.show_multilabel_comparison()
            draw = self.draw_panel

            def answered() -> bool:
                prediction = None if draw is None else draw.last_prediction
                return prediction is not None and prediction.probabilities is not None
            self._learn_when(answered, lambda: self._learn_step_through("output", draw))
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("The ten bars are the softmax output for the digit on the canvas: ten probabilities that add up "
               "to 1. The window beside it trains softmax and a sigmoid per label on four yes/no labels per digit: "
               "press “Train both” and see why softmax can't say “even AND ≥ 5”.") + " "
            + tr(STEP_THROUGH_NOTES["output"]))

    def show_multilabel_comparison(self) -> None:
        """The softmax-vs-sigmoid comparison on multi-label digits, in a window of its own (kept while open)."""
        from PySide6.QtWidgets import QVBoxLayout

        from playground.ui.workspaces.inside.multilabel_compare_view import MultilabelCompareView

        dialog = self.multilabel_dialog
        if dialog is None:
            dialog = QDialog(self)
            dialog.setWindowTitle(tr("Multi-label: softmax vs a sigmoid per label"))
            view = self.multilabel_view = MultilabelCompareView(self._digits_for_comparison, dialog)
            QVBoxLayout(dialog).addWidget(view)
            dialog.resize(1100, 560)
            self.multilabel_dialog = dialog
        dialog.show()
        dialog.raise_()

    def _digits_for_comparison(self) -> DataSplits[ImageDataset] | None:
        from playground.core.data.datasets import DataSplits, digit_splits

        data = digit_splits(self.worker.data)
        if data is None:
            return None  # not digits: the view loads the shipped MNIST
        return DataSplits(data.train.subset(min(6000, len(data.train))), data.test.subset(min(2000, len(data.test))))

    def demo_adam(self) -> str:
        if self.state in RUNNING:
            return tr(REFUSALS["optimizer"])
        panel = self.panel
        panel.optimizer.setCurrentIndex(panel.optimizer.findData("sgd"))
        panel.learning_rate.setValue(0.01)
        self._learn_show_dock(self.training_dock)
        self._learn_open("Training curves")
        return tr("Plain SGD with learning rate 0.01 is set. Train (Ctrl+Return) and watch the loss; then Reset "
                  "(Ctrl+R), choose Adam with 0.001 and train again: Adam's loss usually falls much faster.")

    def demo_conv(self) -> str:
        if self.state in RUNNING:
            return tr(REFUSALS["network"])
        if not self._learn_use_preset("cnn"):
            return tr("The trained network was kept: choose Presets ▸ Small LeNet-style CNN to load it.")
        self._learn_show_dock(self.network_dock)
        self._learn_select_block("Conv2d")
        conv = self._learn_block_info("Conv2d")
        assert conv is not None, "the cnn preset starts with a Conv2d"
        name = conv.name

        def show() -> None:
            inside = self._learn_inside_panel()
            view = inside.activations_view
            self._learn_open("Inside", inside=inside, inside_page=view)
            self._learn_ensure_digit()

            def selected() -> None:
                view.select_layer(name)
                self._learn_step_through("conv", view)
            self._learn_when(lambda: name in view.layer_names(), selected)
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("The small CNN is loaded and {name} is selected: 16 kernels of 5×5, stride 1, padding 2. "
               "Inside ▸ Layer outputs shows its 16 feature maps for the digit on the canvas.").format(name=name)
            + " " + tr(STEP_THROUGH_NOTES["conv"]).format(name=name))

    def demo_matrices(self) -> str:
        self._learn_open("Matrices")
        if self.matrix_panel is None:
            return tr(LOADING)
        self._learn_open_subtab(self.matrix_panel.tabs, self.matrix_panel.stepper)
        return tr("Matrices ▸ A·B step by step: C[i][j] = A[i,:]·B[:,j] one cell at a time. Change a shape to see "
                  "the rule; the Laws tab checks AB ≠ BA and (AB)ᵀ = BᵀAᵀ on the same numbers.")

    def demo_tensors(self) -> str:
        self._learn_open("Matrices")
        if self.matrix_panel is None:
            return tr(LOADING)
        self._learn_open_subtab(self.matrix_panel.tabs, self.matrix_panel.tensors)
        return tr("Matrices ▸ Tensors: a scalar, a vector, a matrix and a stack of matrices, with their shapes in "
                  "PyTorch.")

    def demo_evaluation(self) -> str:
        return self._learn_with_weights(
            lambda: self._learn_open("Evaluation"), LEARN_EPOCHS,
            tr("Evaluation: the whole test set is classified with the current weights. Compare the test "
               "accuracy with the training accuracy on the Training curves."),
            after=self.evaluate_test_set)

    def demo_saliency(self) -> str:
        from playground.ui.workspaces.inside.live_model_view import has_conv
        from playground.ui.workspaces.inside.saliency_view import METHODS

        # Grad-CAM where the network has a convolution; the view offers it only once the network has weights.
        method = "gradcam" if has_conv(self.document.spec) else "smoothgrad"

        def show() -> None:
            self._learn_open("Draw")
            self._learn_ensure_digit()
            saliency = self._learn_draw_panel().saliency
            ready = method != "gradcam" or saliency.gradcam_offered()
            saliency.set_method(method if ready else "smoothgrad")
            saliency.toggle.setChecked(True)

            def to_gradcam() -> None:
                if saliency.method_key() == "smoothgrad":  # unless the learner chose another meanwhile
                    saliency.set_method("gradcam")
            if not ready:
                self._learn_when(saliency.gradcam_offered, to_gradcam)
        name = tr(next(name for key, name, _ in METHODS if key == method))
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("Draw ▸ Show what it looks at: {method} over the digit on the canvas. The brighter a pixel, the more "
               "it moves the class's score; change the method or the digit explained to compare.").format(method=name))

    def demo_fool_it(self) -> str:
        def show() -> None:
            self._learn_ensure_digit()
            self._learn_open("Fool it")
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("Fool it: every pixel of the digit on the canvas moves by ε in the direction that raises the loss "
               "fastest (FGSM). The slider starts at the smallest ε that changes the answer."))

    def demo_projector(self) -> str:
        def show() -> None:
            self._learn_ensure_digit()  # the star among the points
            self._learn_open("Projector")
        return self._learn_with_weights(
            show, WARM_UP_EPOCHS,
            tr("Projector: 2,000 test digits as points, placed by PCA of a layer's outputs and coloured by their "
               "label; the star is the digit on the canvas. Train on and watch the classes pull apart."))

    # ----- helpers -------------------------------------------------------------------------------------
    def _learn_with_weights(self, show: Callable[[], None], epochs: float, message: str,
                            after: Callable[[], object] | None = None) -> str:
        """`show()` now, and `after()` once there are trained weights: at once if there are, else after
        training the untrained network `epochs` of an epoch."""
        if self.draw_panel is None:
            return tr(LOADING)
        show()
        if self.models.model_source() is not None:
            if after is not None:
                after()
            return message
        if self.state == RunState.IDLE and not self.run_actions.blocked:
            self._learn_after_run = after
            self._learn_connect_finished()
            self.start_training(epochs=epochs)
            return tr("The network had not learned anything yet, so it trains {epochs:g} of an epoch first. "
                      "{message}").format(epochs=epochs, message=message)
        if self.state in RUNNING:
            return tr("{message} It fills in as the network trains.").format(message=message)
        return self._learn_cannot_train()

    def _learn_cannot_train(self) -> str:
        return tr("The network cannot train yet: {reason}").format(
            reason=self.run_actions.blocked or tr("the data is not loaded."))

    def _learn_connect_finished(self) -> None:
        if not self._learn_finished_connected:
            self._learn_finished_connected = True
            # A method of the window: it runs in the GUI thread, after the window's own handler.
            self.worker.finished.connect(self._learn_run_finished)

    def _learn_run_finished(self, _summary: RunSummary) -> None:
        after, self._learn_after_run = self._learn_after_run, None
        if after is not None and self.models.model_source() is not None:
            after()

    def _learn_when(self, ready: Callable[[], bool], action: Callable[[], object]) -> None:
        """`action()` as soon as `ready()` (checked ten times a second, for at most a minute)."""
        if ready():
            action()
            return
        timer = QTimer(self)
        deadline = time.monotonic() + WAIT_TIMEOUT_S

        def check() -> None:
            if ready():
                timer.stop()
                timer.deleteLater()
                action()
            elif time.monotonic() > deadline:
                timer.stop()
                timer.deleteLater()
        timer.timeout.connect(check)
        timer.start(100)

    def _learn_use_preset(self, name: str) -> bool:
        """Make the network preset `name` (the window asks before throwing trained weights away);
        False when the user kept the network. A network that is already that preset is left as it is."""
        preset = self.document.presets.get(name)
        if preset is None:
            return False
        if self.document.is_current(preset.spec):
            return True
        self.choose_preset(name)
        return self.document.is_current(preset.spec)

    def _learn_first_activation(self) -> int | None:
        for index, layer in enumerate(self.document.spec.layers):
            if layer.type in ACTIVATIONS:
                return index
        return None

    def _learn_block_info(self, type_name: str) -> LayerInfo | None:
        for info in self.editor.report().layers:
            if info.layer.type == type_name:
                return info
        return None

    def _learn_select_block(self, type_name: str) -> None:
        for index, layer in enumerate(self.document.spec.layers):
            if layer.type == type_name:
                self.editor.select(index)
                return

    def _learn_step_through(self, page: str, shown_from: QWidget | None) -> None:
        """Then Look inside ▸ Step through on `page`, unless the learner has left the view the demo opened."""
        panel = self.step_through_panel
        if panel is None or (shown_from is not None and not self.workspaces.on_screen(shown_from)):
            return
        panel.show_page(page)
        self.workspaces.show_widget(panel)

    def _learn_inside_panel(self) -> InsidePanel:
        """The Inside panel, for a demo's `show()`: `_learn_with_weights` calls it once the panels are built."""
        assert self.inside_panel is not None, "built with the Draw panel"
        return self.inside_panel

    def _learn_draw_panel(self) -> DrawPanel:
        """The Draw panel, for a demo's `show()`: `_learn_with_weights` calls it once the panel is built."""
        assert self.draw_panel is not None, "checked by _learn_with_weights"
        return self.draw_panel

    def _learn_show_dock(self, dock: QWidget) -> None:
        """Show the workspace view that holds `dock` (the layer stack or the training settings)."""
        self.workspaces.show_view("Settings" if dock is self.training_dock else "Training curves")

    def _learn_ensure_digit(self) -> None:
        """A test digit on the canvas, unless something is drawn there already."""
        if self.draw_panel is not None and not self.draw_panel.current_image28().any():
            self.draw_panel.show_random_test_digit()

    def _learn_open(self, tab: str, inside: QWidget | None = None,
                    inside_page: QWidget | None = None) -> None:
        """Open the centre tab `tab` (its English title), then the Inside tab's page `inside` and the Inside
        panel's page `inside_page`: tabs are found by their pages, whatever language their titles are in."""
        from playground.ui.shell.learn_sidebar import open_tab

        open_tab(self, tab)
        if inside is not None and isinstance(self.inside_tabs, QTabWidget):
            self._learn_open_subtab(self.inside_tabs, inside)
        if inside_page is not None and self.inside_panel is not None:
            self._learn_open_subtab(self.inside_panel.tabs, inside_page)

    @staticmethod
    def _learn_open_subtab(tabs: QTabWidget, page: QWidget) -> None:
        """Bring the tab of `tabs` that shows `page` (or holds it, e.g. in a scroll area) forward."""
        from playground.ui.shell.learn_sidebar import open_page

        open_page(tabs, page)

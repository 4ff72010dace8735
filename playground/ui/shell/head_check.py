"""Does the network's output fit the task, the loss and the data? Said under the Loss control, with a fix.

After every change of the network, the settings or the data, `refresh()` runs `tasks.check_head` (the
trainer's own check) and compares the network's input and output with what the data and task need. The
training panel shows the errors (Train is blocked with the first one) and warnings — "Softmax is the wrong
output for multi-label …" — and a button that fixes the network in one step on the editor's undo stack:
choosing multi-label offers "Make the output Linear(4) + Sigmoid". The curves and the epoch table switch to
the task's scores here too.

Choosing another task under trained weights asks first: the targets and the loss change, so training
starts afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal

from playground.core.data.data_import import input_shape, output_size, tasks_for
from playground.core.i18n import tr
from playground.core.model.network_fit import Adaptation, fit_network
from playground.core.model.shape_inference import format_shape, infer_shapes
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import (
    DIGIT_ATTRIBUTES,
    TargetInfo,
    check_head,
    check_output_size,
    digit_attribute_list,
    output_activation,
    resolve_loss,
)

if TYPE_CHECKING:
    from playground.ui.document import Document
    from playground.ui.shell.training_controller import RunViews
    from playground.ui.workers.worker import TrainingWorker
    from playground.ui.workspaces.train.layer_editor import LayerStackEditor
    from playground.ui.workspaces.train.training_panel import TrainingPanel


class HeadHost(Protocol):
    """What the head check needs from the window."""

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes."""

    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""


class HeadCheck(QObject):
    problem_changed = Signal(str)  # the first error, which Train waits for ("" when none)

    def __init__(self, document: Document, worker: TrainingWorker, editor: LayerStackEditor, panel: TrainingPanel,
                 views: RunViews, host: HeadHost, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.worker = worker
        self.editor = editor
        self.panel = panel
        self.views = views
        self.host = host
        self.problem = ""  # the first error: Train is blocked with it ("" when it can train)
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.fit: Adaptation | None = None  # the offered fix (None: the network fits)
        self.fix_text = ""
        settings = panel.task_settings
        settings.fix_requested.connect(self.apply_fix)
        settings.task_chosen.connect(self.task_chosen)
        editor.set_output_checked_elsewhere(True)  # the training panel says it, knowing the task

    # ----- checking ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        spec = self.document.spec
        config = self.document.config(fallback=True)
        task, loss = config.task, config.loss
        train = self.document.expected_train()
        errors: list[str] = []
        warnings: list[str] = []
        fit = None
        activation = output_activation([layer.type for layer in spec.layers])
        if train is not None:
            if task not in tasks_for(train):
                errors.append(_task_unavailable(task, train))
            else:
                errors += _size_problems(spec, train, task)
                fit = fit_network(spec, input_shape(train), task, loss, output_size(train, task))
        head_errors, head_warnings = check_head(task, loss, activation)
        errors += head_errors
        warnings += head_warnings
        self.errors, self.warnings, self.fit = errors, warnings, fit
        self.fix_text, short = _fix_text(spec, fit) if fit is not None else ("", "")
        self.panel.task_settings.show_head(errors, warnings, short, self.fix_text)
        self.views.plots.set_task(task, resolve_loss(task, loss))
        self.views.epoch_table.set_task(task)
        self.views.label_scores.setVisible(task == "multilabel")
        problem = errors[0] if errors else ""
        if problem != self.problem:
            self.problem = problem
            self.problem_changed.emit(problem)

    def apply_fix(self) -> bool:
        """Put the offered network into the editor as one undoable edit."""
        self.refresh()
        if self.fit is None:
            return False
        text = self.fix_text
        if not self.editor.replace_spec(self.fit.spec, text):
            self.host.show_status(tr("Could not change the network: {reason}").format(
                reason=self.views.run_actions.blocked or tr("it is locked")))
            return False
        self.host.show_status(tr("{change}. Undo (Ctrl+Z) takes it back.").format(change=text))
        return True

    def retranslate(self) -> None:
        """The problems, warnings and the fix button are sentences built here: say them again."""
        self.refresh()

    def task_chosen(self, task: str) -> None:
        """The user picked another task: under trained weights, ask first; then the trainer starts afresh."""
        document = self.document
        steps = document.trained_steps()
        if steps and not self.host.confirm(
                tr("Change the task?"),
                tr("The network has trained for {steps:,} steps on the current task. Another task has other "
                   "targets and another loss, so training starts again from fresh weights. Change the task?"
                   ).format(steps=steps)):
            self.panel.task_settings.revert_task()
            return
        if steps and document.worker_started:  # untrained: the next run builds for the new task
            document.pending_project = None
            self.worker.request_configure(document.spec, document.config(fallback=True))


def _task_unavailable(task: str, train) -> str:
    name = getattr(train, "name", None)
    if name is None:
        name = tr("the data")
    if task == "regression":
        return tr("{name} has class labels, not numbers: regression needs a CSV with a numeric target "
                  "(Data ▸ Import CSV…).").format(name=name)
    if task == "multilabel":
        return tr("Multi-label needs the MNIST digits (their attributes {attributes} are the labels); "
                  "{name} has other classes.").format(attributes=digit_attribute_list(), name=name)
    if task == "binary":
        return tr("Binary needs exactly two classes; {name} has {count}.").format(
            name=name, count=len(getattr(train, "classes", ())))
    return tr("{name} has numeric targets: choose the regression task.").format(name=name)


def _size_problems(spec: ModelSpec, train, task: str) -> list[str]:
    problems = []
    wanted_in = tuple(input_shape(train))
    if tuple(spec.input_shape) != wanted_in:
        text = (tr("The network takes {inputs} inputs but {data} has rows of {shape}.") if len(wanted_in) == 1 else
                tr("The network takes {inputs} inputs but {data} has images of {shape}."))
        problems.append(text.format(inputs=format_shape(tuple(spec.input_shape)), data=train.name,
                                    shape=format_shape(wanted_in)))
        return problems
    out = infer_shapes(spec).output_shape
    if out is None:
        return problems  # the editor names the layer at fault
    outputs = output_size(train, task)
    if len(out) != 1:
        problems.append(tr("The network ends with {shape} values per example; the task needs a flat vector of "
                           "{outputs}: add Flatten and Linear({outputs}) at the end.").format(
                               shape=format_shape(out), outputs=outputs))
        return problems
    names = {"multiclass": tuple(getattr(train, "classes", ())), "multilabel": DIGIT_ATTRIBUTES,
             "binary": ("yes",)}.get(task, tuple(f"y{k + 1}" for k in range(outputs)))
    mismatch = check_output_size(out[0], TargetInfo(outputs, names), task)
    if mismatch:
        problems.append(mismatch)
    return problems


def _fix_text(spec: ModelSpec, fit: Adaptation) -> tuple[str, str]:
    """(what the fix does, the fix button's text): the button says less when the change is long."""
    if fit.replaced:
        text = tr("Use a small dense network for this data")
        return text, text
    if tuple(fit.spec.input_shape) != tuple(spec.input_shape):
        out = _output_text(fit.spec)
        return (tr("Adapt the network: input {shape}, output {output}").format(
            shape=format_shape(tuple(fit.spec.input_shape)), output=out), tr("Adapt the network to the data"))
    text = tr("Make the output {output}").format(output=_output_text(fit.spec))
    return text, text


def _output_text(spec: ModelSpec) -> str:
    """'Linear(4) + Sigmoid': the last Linear and what follows it."""
    layers = spec.layers
    last = next((i for i in range(len(layers) - 1, -1, -1) if layers[i].type == "Linear"), 0)
    return " + ".join(layer.describe() for layer in layers[last:])


"""Pooling and the output layer step by step, for the learner's network and the digit on the canvas.

`PoolStepView`: one channel of a max or average pooling layer, window by window: the values under the
window and the one kept (max) or their mean. `OutputStepView`: the ten logits z, z − max z, the
exponentials, their sum, the probabilities and the cross-entropy −log p_y for a label the learner picks,
with a sigmoid per label beside them (what a multi-label network would do with the same logits). Both draw
what `core.explain.conv_steps` / `output_steps` computed off the GUI thread, checked against PyTorch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from playground.core.explain.conv_steps import PoolSteps
from playground.core.explain.matrix_ops import cell_order
from playground.core.explain.output_steps import SigmoidSteps, SoftmaxSteps
from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import ShapeReport
from playground.ui.widgets.palette import CELL_TINT, TABLE_BORDER
from playground.ui.widgets.step_page import StepPage, rich_label
from playground.ui.workspaces.inside.conv_step_view import CellMap, fill_combo, layer_choices
from playground.ui.workspaces.inside.inside_panel import num

NO_POOL = N_("This network has no pooling layer (MaxPool2d or AvgPool2d): add one after a convolution, or choose "
             "Presets ▸ Small LeNet-style CNN.")
# The output view's steps: each shows one more column of the table.
OUTPUT_STAGES = (N_("the logits z"), N_("z − max z"), N_("the exponentials"), N_("their sum"),
                 N_("the probabilities"), N_("the loss"))


class PoolStepView(StepPage):
    """One channel of a pooling layer, window by window. `changed` (StepPage): the layer or channel picked changed."""

    steps: PoolSteps | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.layer_combo = QComboBox()
        self.layer_combo.setToolTip(tr("The pooling layer to step through"))
        self.channel_spin = QSpinBox()
        self.channel_spin.setPrefix(tr("channel = "))
        self.channel_spin.setToolTip(tr("Pooling works on each channel on its own"))
        self.intro = rich_label(muted=True)
        self.input_map = CellMap(side=280)
        self.input_map.setToolTip(tr("The layer's input; the red square is the window, the green cell the value "
                                     "max pooling keeps"))
        self.output_map = CellMap(side=200)
        self.output_map.setToolTip(tr("Click a cell to see its window"))
        self.explanation = rich_label()
        maps = QHBoxLayout()
        maps.addWidget(self.input_map, 3)
        maps.addWidget(self.output_map, 2)
        self.lay_out((QLabel(tr("Layer")), self.layer_combo, self.channel_spin),
                     (self.diff_label, self.intro, self.controls, maps, self.explanation))
        self.answer_parts = (self.diff_label, self.intro, self.controls, self.input_map, self.output_map,
                             self.explanation)
        self._report: ShapeReport | None = None
        self.layer_combo.currentTextChanged.connect(lambda _: self._layer_changed())
        self.channel_spin.valueChanged.connect(lambda _: self.changed.emit())
        self.output_map.cell_clicked.connect(self._cell_clicked)
        self.set_context(None, None)

    def set_context(self, report: ShapeReport | None, problem: str | None) -> None:
        self._report = report
        layers = layer_choices(report, ("MaxPool2d", "AvgPool2d"))
        fill_combo(self.layer_combo, [name for name, _ in layers])
        if report is not None and not layers:
            problem = NO_POOL
        self.layer_combo.setEnabled(bool(layers))
        self.channel_spin.setEnabled(bool(layers))
        self._layer_changed(emit=False)
        self.set_problem(problem)

    def job(self) -> Callable[..., Any] | None:
        name = self.layer_combo.currentText()
        if not name or self.problem:
            return None
        channel = self.channel_spin.value()

        def compute(model: Any, report: ShapeReport, image: np.ndarray, mean: float, std: float) -> PoolSteps:
            from playground.core.explain.conv_steps import pool_steps

            return pool_steps(model, report, image, name, channel, mean, std)
        return compute

    def choice(self) -> tuple[str, int] | None:
        name = self.layer_combo.currentText()
        return (name, self.channel_spin.value()) if name and not self.problem else None

    def _layer_changed(self, emit: bool = True) -> None:
        layers = self._report.layers if self._report else []
        info = next((i for i in layers if i.name == self.layer_combo.currentText()), None)
        if info is not None and info.output_shape is not None:
            self.channel_spin.blockSignals(True)
            self.channel_spin.setRange(0, info.output_shape[0] - 1)
            self.channel_spin.blockSignals(False)
        if emit:
            self.changed.emit()

    def draw_answer(self, steps: PoolSteps) -> None:
        order = cell_order(*steps.output.shape)
        self.controls.set_count(len(order), lambda i: tr("window ({row}, {col})").format(
            row=order[i][0], col=order[i][1]))
        self.show_agreement(steps.max_difference, tr("over all {count} cells of channel {o}").format(
            count=steps.output.size, o=steps.channel))
        k, s = steps.rows.kernel, steps.rows.stride
        kind = tr("max pooling keeps the largest value") if steps.kind == "max" else tr(
            "average pooling keeps the mean of the values")
        self.intro.setText(tr("{name}: a {k}×{k} window moved {s} at a time over each {h}×{w} map; {kind} under it, "
                              "so the map becomes {oh}×{ow}. It has no weights to learn.").format(
            name=steps.layer, k=k, s=s, h=steps.input.shape[0], w=steps.input.shape[1], kind=kind,
            oh=steps.output.shape[0], ow=steps.output.shape[1]))
        self._render()

    def _cell_clicked(self, row: int, col: int) -> None:
        if self.steps is not None:
            self.controls.jump(row * self.steps.output.shape[1] + col)

    def _render(self) -> None:
        steps = self.steps
        if steps is None:
            return
        self.input_map.set_map(steps.input, signed=bool(steps.input.min() < 0),
                               caption=tr("input channel {c}").format(c=steps.channel))
        self.output_map.set_map(steps.output, signed=bool(steps.output.min() < 0),
                                caption=tr("output {rows}×{cols}").format(rows=steps.output.shape[0],
                                                                         cols=steps.output.shape[1]))
        pos = self.controls.position
        if pos is None:
            self.explanation.setText(tr("Press Step or Play to move the window, or click an output cell."))
            return
        r, c = cell_order(*steps.output.shape)[pos]
        w = steps.window(r, c)
        k = steps.rows.kernel
        self.input_map.set_focus(window=(w.top, w.left, k, k), marks=[w.kept] if w.kept else [])
        self.output_map.set_focus(current=(r, c), shown=r * steps.output.shape[1] + c)
        kept_at = None if w.kept is None else (w.kept[0] - w.top, w.kept[1] - w.left)
        cells = "".join(
            "<tr>" + "".join(
                f"<td align='right' style='padding: 1px 6px'"
                f"{' bgcolor=' + repr(CELL_TINT) if kept_at == (i, j) else ''}>{num(w.values[i, j])}</td>"
                for j in range(k)) + "</tr>" for i in range(k))
        rule = (tr("max of the {n} values") if steps.kind == "max" else tr("mean of the {n} values")).format(n=k * k)
        self.explanation.setText(
            tr("<p><b>Window ({r}, {c})</b> starts at row {top}, column {left}:</p>").format(
                r=r, c=c, top=w.top, left=w.left)
            + f"<table border='1' cellspacing='0' cellpadding='2' style='border-color:{TABLE_BORDER}'>{cells}</table>"
            + tr("<p style='font-size:12pt'>{rule} = <b>{value}</b> &nbsp; PyTorch: {torch}</p>").format(
                rule=rule, value=num(w.value, 4), torch=num(w.torch_value, 4)))


@dataclass
class OutputSteps:
    """What the output view shows: softmax and the loss for the label, a sigmoid per label beside it."""

    softmax: SoftmaxSteps
    sigmoid: SigmoidSteps
    label: int
    classes: tuple[str, ...]


class OutputStepView(StepPage):
    """z → e^(z − max z) → Σ → p → −log p_y, column by column, and σ(z) per label beside it. `changed` (StepPage):
    the label picked changed."""

    steps: OutputSteps | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(tr("The label the loss is computed for: the right answer, as training has it"))
        self.table = rich_label()
        self.loss_label = rich_label()
        self.sigmoid_label = rich_label()
        self.answer_parts = (self.diff_label, self.controls, self.table, self.loss_label, self.sigmoid_label)
        self.lay_out((QLabel(tr("Loss for the label")), self.label_combo), self.answer_parts)
        self.label_combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self._classes = 10
        self.set_context(None, None)

    def set_context(self, report: ShapeReport | None, problem: str | None) -> None:
        shape = report.layers[-1].output_shape if report is not None and report.ok and report.layers else None
        classes = int(np.prod(shape)) if shape else 10
        if classes != self._classes or self.label_combo.count() == 0:
            self._classes = classes
            self.label_combo.blockSignals(True)
            self.label_combo.clear()
            self.label_combo.addItem(tr("the network's answer"), None)
            for c in range(classes):
                self.label_combo.addItem(str(c), c)
            self.label_combo.blockSignals(False)
        self.set_problem(problem)

    def choice(self) -> int | None | str:
        return "none" if self.problem else self.label_combo.currentData()

    def job(self) -> Callable[..., Any] | None:
        if self.problem:
            return None
        label = self.label_combo.currentData()

        def compute(model: Any, report: ShapeReport, image: np.ndarray, mean: float, std: float) -> OutputSteps:
            from playground.core.explain.output_steps import network_logits, sigmoid_steps, softmax_steps

            logits = network_logits(model, image, mean, std)
            y = int(np.argmax(logits)) if label is None else int(label)
            targets = np.zeros_like(logits)
            targets[y] = 1.0
            return OutputSteps(softmax_steps(logits, y), sigmoid_steps(logits, targets), y,
                               tuple(str(c) for c in range(logits.size)))
        return compute

    def draw_answer(self, steps: OutputSteps) -> None:
        self.controls.set_count(len(OUTPUT_STAGES), lambda i: tr(OUTPUT_STAGES[i]))
        self.show_agreement(max(steps.softmax.max_difference, steps.sigmoid.max_difference),
                            tr("torch.softmax, cross_entropy and the sigmoid on the same logits"))
        self._render()

    def retranslate(self) -> None:
        self.label_combo.setItemText(0, tr("the network's answer"))
        super().retranslate()

    def _render(self) -> None:
        steps = self.steps
        if steps is None:
            return
        sm, sg = steps.softmax, steps.sigmoid
        stage = len(OUTPUT_STAGES) - 1 if self.controls.position is None else self.controls.position
        # (the stage that shows it, heading, values, what its sum row says)
        columns = [(0, "z", sm.logits, ""), (1, "z − max z", sm.shifted, ""),
                   (2, "e<sup>z − max z</sup>", sm.exponentials, f"Σ = <b>{num(sm.total, 4)}</b>"),
                   (4, "p = e<sup>z − max z</sup> / Σ", sm.probabilities,
                    f"Σ = {num(float(sm.probabilities.sum()), 4)}")]
        shown = [c for c in columns if c[0] <= stage]
        td = "<td align='right' style='padding: 1px 8px'>"
        head = (f"<tr><th>{tr('class')}</th>" + "".join(f"<th align='right'>{h}</th>" for _, h, _, _ in shown)
                + "<th align='right'>σ(z)</th></tr>")
        rows = []
        for j in range(sm.logits.size):
            tint = f" bgcolor='{CELL_TINT}'" if j == steps.label else ""
            cells = "".join(f"{td}{num(values[j], 4)}</td>" for _, _, values, _ in shown)
            rows.append(f"<tr{tint}><td align='center'>{steps.classes[j]}</td>{cells}"
                        f"{td}{num(sg.probabilities[j], 4)}</td></tr>")
        if stage >= 3:
            rows.append("<tr><td></td>" + "".join(f"{td}{total}</td>" for _, _, _, total in shown) + "<td></td></tr>")
        self.table.setText(
            tr("<p>max z = {shift}: subtracting it first keeps every e<sup>z</sup> from overflowing and changes no "
               "probability. Now showing: <b>{stage}</b>.</p>").format(shift=num(sm.shift, 4),
                                                                      stage=tr(OUTPUT_STAGES[stage]))
            + f"<table border='1' cellspacing='0' cellpadding='2' style='border-color:{TABLE_BORDER}'>{head}"
            + "".join(rows) + "</table>")
        y = steps.label
        if stage >= 5 and sm.loss is not None:
            self.loss_label.setText(tr(
                "<p style='font-size:12pt'>Cross-entropy for the label {y}: L = −log p<sub>{y}</sub> = log Σ − "
                "(z<sub>{y}</sub> − max z) = {log_total} − ({shifted}) = <b>{loss}</b></p>"
                "<p>The network answers {answer} with p = {p_answer}. The loss is small when p<sub>{y}</sub> is "
                "near 1 and grows without bound as it nears 0.</p>").format(
                y=y, log_total=num(float(np.log(sm.total)), 4), shifted=num(sm.shifted[y], 4), loss=num(sm.loss, 4),
                answer=sm.prediction, p_answer=num(sm.probabilities[sm.prediction], 4)))
        else:
            self.loss_label.setText("")
        predicted = ", ".join(steps.classes[j] for j in np.flatnonzero(sg.predicted)) or "—"
        self.sigmoid_label.setText(tr(
            "<p><b>A sigmoid per label</b> (the σ(z) column, for multi-label): each σ(z<sub>j</sub>) = 1 / (1 + "
            "e<sup>−z<sub>j</sub></sup>) on its own, so they need not add up to 1 (here {total}) and several labels "
            "can be on at once (p ≥ 0.5: {predicted}). Its loss is the binary cross-entropy per label, averaged: "
            "{bce} for the target “{y} only”.</p>").format(
            total=num(float(sg.probabilities.sum()), 3), predicted=predicted, bce=num(sg.loss or 0.0, 4), y=y))

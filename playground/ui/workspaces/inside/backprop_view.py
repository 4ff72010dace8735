"""Backpropagation step by step for a dense network and the digit on the canvas, layer by layer backwards:
δ at the output (p − y), δ^[i] = (W^[i+1])ᵀ δ^[i+1] ⊙ g′(z^[i]) on a few units, ∂L/∂W^[i] = δ^[i] (a^[i−1])ᵀ,
and one SGD or Adam update of a chosen weight, each computed in numpy (`core.explain.backprop_steps`, off the
GUI thread) and checked against autograd and torch.optim. It mirrors Inside ▸ Forward pass, step by step.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QSpinBox, QWidget

from playground.core.explain.backprop_steps import AdamUpdate, Backprop, BackwardLayer, SgdUpdate
from playground.core.i18n import tr
from playground.core.model.shape_inference import ShapeReport
from playground.ui.widgets.palette import ROW_HIGHLIGHT, TABLE_BORDER
from playground.ui.widgets.step_page import StepPage, rich_label
from playground.ui.workspaces.inside.inside_panel import num, paren, prev_index, sup

UNITS_SHOWN = 6  # rows of the δ table for a hidden layer ("a few units")
TERMS_SHOWN = 5  # largest terms of (W^[i+1])ᵀ δ^[i+1] written out for the chosen unit
DEFAULT_RATES = {"sgd": 0.01, "adam": 0.001}


@dataclass
class BackpropResult:
    """The backward pass and, per layer (first to last), the update of weight W^[i][j, k]."""

    backprop: Backprop
    updates: list[tuple[int, int, SgdUpdate | AdamUpdate]]  # (j, k, update) per layer


class BackpropView(StepPage):
    """The backward pass, one layer at a time from the output back, for the label the learner picks.
    `changed` (StepPage): the label, unit or optimizer picked changed: the panel computes again."""

    steps: BackpropResult | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label_combo = QComboBox()
        self.label_combo.setToolTip(tr("The right answer y the loss is computed for"))
        self.label_combo.addItem(tr("the network's answer"), None)
        for c in range(10):
            self.label_combo.addItem(str(c), c)
        self.unit_spin = QSpinBox()
        self.unit_spin.setPrefix(tr("unit j = "))
        self.unit_spin.setRange(0, 9999)
        self.unit_spin.setToolTip(tr("The unit whose δ is written out in full, and whose weight is updated below"))
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.addItem("SGD", "sgd")
        self.optimizer_combo.addItem("Adam", "adam")
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setDecimals(4)
        self.rate_spin.setRange(0.0001, 1.0)
        self.rate_spin.setSingleStep(0.001)
        self.rate_spin.setValue(DEFAULT_RATES["sgd"])
        self.rate_spin.setPrefix("η = ")
        self.rate_spin.setToolTip(tr("The learning rate of the update below"))
        self.equations = rich_label()
        self.table = rich_label()
        self.unit_label = rich_label()
        self.update_label = rich_label()
        self.answer_parts = (self.diff_label, self.controls, self.equations, self.table, self.unit_label,
                             self.update_label)
        self.lay_out((QLabel(tr("Label y")), self.label_combo, self.unit_spin, 10, QLabel(tr("Update with")),
                      self.optimizer_combo, self.rate_spin), self.answer_parts)
        self.label_combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.unit_spin.valueChanged.connect(lambda _: self.changed.emit())
        self.optimizer_combo.currentIndexChanged.connect(self._optimizer_changed)
        self.rate_spin.valueChanged.connect(lambda _: self.changed.emit())
        self.set_context(None, None)

    @property
    def result(self) -> BackpropResult | None:
        """The backward pass shown (None: none)."""
        return self.steps

    def choice(self) -> tuple[Any, ...] | None:
        if self.problem:
            return None
        return (self.label_combo.currentData(), self.unit_spin.value(), self.optimizer_combo.currentData(),
                self.rate_spin.value())

    def job(self) -> Callable[..., Any] | None:
        choice = self.choice()
        if choice is None:
            return None
        label, unit, optimizer, rate = choice

        def compute(model: Any, report: ShapeReport, image: np.ndarray, mean: float, std: float) -> BackpropResult:
            from playground.core.explain.backprop_steps import adam_update, backprop_steps, sgd_update
            from playground.core.explain.output_steps import network_logits

            y = int(np.argmax(network_logits(model, image, mean, std))) if label is None else int(label)
            back = backprop_steps(model, report, image, y, mean, std)
            updates: list[tuple[int, int, SgdUpdate | AdamUpdate]] = []
            for layer in back.layers:
                j = min(unit, layer.delta.size - 1)
                k = int(np.argmax(np.abs(layer.weight_grad[j])))
                w, g = float(layer.weight[j, k]), float(layer.weight_grad[j, k])
                updates.append((j, k, sgd_update(w, g, rate) if optimizer == "sgd" else adam_update(w, g, 1,
                                                                                                   learning_rate=rate)))
            return BackpropResult(back, updates)
        return compute

    def _optimizer_changed(self) -> None:
        self.rate_spin.blockSignals(True)
        self.rate_spin.setValue(DEFAULT_RATES[self.optimizer_combo.currentData()])
        self.rate_spin.blockSignals(False)
        self.changed.emit()

    def draw_answer(self, result: BackpropResult) -> None:
        layers = result.backprop.layers
        self.controls.set_count(len(layers), lambda p: tr("layer {index} ({name})").format(
            index=layers[-1 - p].index, name=layers[-1 - p].name))
        self.show_agreement(result.backprop.max_difference,
                            tr("autograd on the same weights: the loss and every ∂L/∂W, ∂L/∂b"))
        if self.controls.position is None:
            self.controls.jump(0)  # the backward pass starts at the output
        else:
            self._render()

    def retranslate(self) -> None:
        self.label_combo.setItemText(0, tr("the network's answer"))
        super().retranslate()

    def current_layer(self) -> BackwardLayer | None:
        if self.result is None:
            return None
        pos = self.controls.position or 0
        return self.result.backprop.layers[-1 - pos]

    # ----- text -------------------------------------------------------------------------------------
    def _render(self) -> None:
        result = self.result
        layer = self.current_layer()
        if result is None or layer is None:
            return
        pos = self.controls.position or 0
        back = result.backprop
        i, ip, last = layer.index, prev_index(layer.index), layer.next_weight is None
        j = min(self.unit_spin.value(), layer.delta.size - 1)
        loss = back.output.loss or 0.0
        if last:
            self.equations.setText(tr(
                "<p style='font-size:12pt'>L = −log p<sub>{y}</sub> = {loss} &nbsp; (label y = {y}). At the output "
                "(softmax + cross-entropy): {delta} = p − y</p><p>p is the softmax of {z}; y is 1 for the label and "
                "0 elsewhere. Each δ<sub>j</sub> = ∂L/∂z<sub>j</sub> says how the loss changes with z<sub>j</sub>."
                "</p>").format(y=back.label, loss=num(loss, 4), delta=sup("δ", i), z=sup("z", i)))
        else:
            self.equations.setText(tr(
                "<p style='font-size:12pt'>{delta} = ({W_next})<sup>T</sup> {delta_next} ⊙ g′({z})</p>"
                "<p>{delta_next} ({n_next} numbers) goes back through the weights {W_next} ({n_next}×{n}) it came "
                "through, then each unit's share is scaled by the slope of its activation {act} at z<sub>j</sub>.</p>"
                ).format(delta=sup("δ", i), W_next=sup("W", layer.index + 1), delta_next=sup("δ", layer.index + 1),
                         z=sup("z", i), n_next=layer.next_delta.size if layer.next_delta is not None else 0,
                         n=layer.delta.size, act=html.escape(layer.activation)))
        self.table.setText(self._table_html(layer, j))
        self.unit_label.setText(self._unit_html(layer, j, ip))
        self.update_label.setText(self._update_html(layer, *result.updates[len(back.layers) - 1 - pos]))

    def _table_html(self, layer: BackwardLayer, j: int) -> str:
        last = layer.next_weight is None
        units = list(range(layer.delta.size if last else min(UNITS_SHOWN, layer.delta.size)))
        if j not in units:
            units.append(j)
        td = "<td align='right' style='padding: 1px 8px'>"
        if last:
            assert layer.probabilities is not None and layer.targets is not None
            head = "<tr><th>j</th><th>p<sub>j</sub></th><th>y<sub>j</sub></th><th>δ<sub>j</sub> = p<sub>j</sub> − " \
                   "y<sub>j</sub></th></tr>"
            rows = [f"{td}{num(layer.probabilities[u], 4)}</td>{td}{num(layer.targets[u], 0)}</td>"
                    f"{td}<b>{num(layer.delta[u], 4)}</b></td>" for u in units]
        else:
            assert layer.back is not None
            head = ("<tr><th>j</th><th>z<sub>j</sub></th><th>((W)<sup>T</sup>δ)<sub>j</sub></th>"
                    "<th>g′(z<sub>j</sub>)</th><th>δ<sub>j</sub></th></tr>")
            # + 0.0: a δ switched off by ReLU reads 0, not −0
            rows = [f"{td}{num(layer.z[u], 4)}</td>{td}{num(layer.back[u], 4)}</td>{td}{num(layer.derivative[u], 3)}"
                    f"</td>{td}<b>{num(layer.delta[u] + 0.0, 4)}</b></td>" for u in units]
        body = "".join(f"<tr{' bgcolor=' + repr(ROW_HIGHLIGHT) if u == j else ''}><td align='right'>{u}</td>{r}</tr>"
                       for u, r in zip(units, rows))
        which = (tr("All {n} units") if last or len(units) >= layer.delta.size else
                 tr("A few of the {n} units")).format(n=layer.delta.size)
        return (f"<p><b>{which}</b> ({html.escape(layer.name)}):</p>"
                f"<table border='1' cellspacing='0' cellpadding='2' style='border-color:{TABLE_BORDER}'>{head}{body}"
                "</table>")

    def _unit_html(self, layer: BackwardLayer, j: int, ip: str) -> str:
        u = layer.unit(j)
        i = layer.index
        parts = []
        if u.outgoing is not None and u.next_delta is not None and u.products is not None:
            order = np.argsort(-np.abs(u.products), kind="stable")[:TERMS_SHOWN]
            terms = " + ".join(f"{paren(u.outgoing[m])}·{paren(u.next_delta[m])}" for m in order)
            rest = float(u.products.sum() - u.products[order].sum())
            more = (tr(" + the other {count} terms ({rest})").format(count=u.products.size - order.size, rest=num(rest))
                    if u.products.size > order.size else "")
            parts.append(tr("<p><b>Unit j = {j}:</b> ((W<sup>[{n}]</sup>)<sup>T</sup> δ<sup>[{n}]</sup>)<sub>{j}</sub> "
                            "= Σ<sub>m</sub> W<sub>m,{j}</sub> δ<sub>m</sub> = {terms}{more} = {back}</p>").format(
                j=j, n=i + 1, terms=terms, more=more, back=num(u.back or 0.0, 4)))
            parts.append(tr("<p>δ<sub>{j}</sub> = {back} × g′(z<sub>{j}</sub> = {z}) = {back} × {slope} = "
                            "<b>{delta}</b></p>").format(j=j, back=num(u.back or 0.0, 4), z=num(u.z, 3),
                                                          slope=num(u.derivative, 3), delta=num(u.delta, 4)))
        else:
            parts.append(tr("<p><b>Unit j = {j}:</b> δ<sub>{j}</sub> = p<sub>{j}</sub> − y<sub>{j}</sub> = {p} − {y} "
                            "= <b>{delta}</b></p>").format(j=j, p=num(u.probability or 0.0, 4), y=num(u.target or 0, 0),
                                                          delta=num(u.delta, 4)))
        a_prev = layer.a_prev
        top = np.argsort(-np.abs(u.weight_grad), kind="stable")[:3]
        entries = ", ".join(f"[{j}, {k}]: {num(u.delta, 3)}·{paren(a_prev[k])} = {num(u.weight_grad[k], 4)}"
                            for k in top)
        zeros = int(np.count_nonzero(a_prev == 0))
        parts.append(tr(
            "<p><b>Gradients:</b> ∂L/∂{W} = {delta} ({a})<sup>T</sup>, {n}×{m}: row {j} is δ<sub>{j}</sub> times every "
            "input a<sub>k</sub>. Its largest entries: {entries}. {zeros} of the {m} inputs are 0, so their weights "
            "get no gradient from this digit. ∂L/∂b<sub>{j}</sub> = δ<sub>{j}</sub> = {delta_j}.</p>").format(
            W=sup("W", i), delta=sup("δ", i), a=sup("a", ip), n=layer.delta.size, m=a_prev.size, j=j, entries=entries,
            zeros=zeros, delta_j=num(u.delta, 4)))
        return "".join(parts)

    def _update_html(self, layer: BackwardLayer, j: int, k: int, update: SgdUpdate | AdamUpdate) -> str:
        name = f"W<sup>[{layer.index}]</sup>[{j}, {k}]"
        head = tr("<p><b>One update of {name}</b> ({layer}.weight[{j}, {k}], the weight of row {j} with the largest "
                  "gradient): w = {w}, ∂L/∂w = {g}.</p>").format(name=name, layer=html.escape(layer.name), j=j, k=k,
                                                                 w=num(update.weight, 5), g=num(update.gradient, 5))
        if isinstance(update, SgdUpdate):
            body = tr("<p style='font-size:12pt'>SGD: w ← w − η·∂L/∂w = {w} − {lr}·{g} = <b>{new}</b></p>").format(
                w=num(update.weight, 5), lr=num(update.learning_rate, 4), g=_factor(update.gradient),
                new=num(update.new_weight, 6))
        else:
            body = tr("<p>Adam, first step (t = 1, m₀ = v₀ = 0): m₁ = (1 − β₁)·g = {m}, v₁ = (1 − β₂)·g² = {v}; "
                      "m̂ = m₁ / (1 − β₁) = {m_hat}, v̂ = v₁ / (1 − β₂) = {v_hat}.</p>"
                      "<p style='font-size:12pt'>w ← w − η·m̂ / (√v̂ + ε) = {w} − {lr}·{ratio} = <b>{new}</b></p>"
                      "<p>On its first step Adam moves every weight by about η, whatever the size of its gradient: "
                      "only the sign counts.</p>").format(
                m=num(update.m, 5), v=num(update.v, 5), m_hat=num(update.m_hat, 5), v_hat=num(update.v_hat, 5),
                w=num(update.weight, 5), lr=num(update.learning_rate, 4),
                ratio=_factor(update.m_hat / (np.sqrt(update.v_hat) + update.eps)), new=num(update.new_weight, 6))
        check = tr("<p>torch.optim on the same numbers: {torch} (difference {diff:.1e}).</p>").format(
            torch=num(update.torch_new_weight, 6), diff=update.max_difference)
        return head + body + check


def _factor(x: float) -> str:
    """A factor in a product, to 5 decimals, bracketed when negative."""
    return f"({num(x, 5)})" if x < 0 else num(x, 5)

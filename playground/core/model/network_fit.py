"""What to change so a network fits its data and task: the input shape, the size of the last Linear and
the layer after it (a Sigmoid for yes/no labels with binary cross-entropy, nothing where the loss applies
the softmax or sigmoid itself). The window offers the result as one undoable click.

Only the ends of the network change; the hidden layers stay. Where the hidden layers cannot take the new
input at all (convolutions on a table's rows), a small dense network is proposed instead, and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.core.i18n import tr
from playground.core.model.shape_inference import format_shape, infer_shapes
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.model.tasks import OUTPUT_ACTIVATIONS, TASKS, resolve_loss

HIDDEN_UNITS = (64, 64)
_PASS_THROUGH = ("Dropout",)


@dataclass(frozen=True)
class Adaptation:
    """The adapted network and the changes in words (for the offer and the undo text)."""

    spec: ModelSpec
    changes: tuple[str, ...]
    replaced: bool = False  # the hidden layers could not take the input: a small dense network instead

    @property
    def summary(self) -> str:
        return "; ".join(self.changes)


def wanted_output_activation(task: str, loss: str) -> str:
    """The layer after the last Linear that this task and loss want: "Sigmoid" or "Identity" (none).

    nn.BCELoss needs probabilities, so a Sigmoid; cross-entropy and BCE-with-logits apply the softmax or
    sigmoid themselves, and regression losses compare raw values."""
    return "Sigmoid" if resolve_loss(task, loss) == "bce" else "Identity"


def fit_output(spec: ModelSpec, task: str, loss: str, outputs: int) -> Adaptation | None:
    """`spec` ending in Linear(`outputs`) and the activation the task and loss want; None when it does."""
    if task not in TASKS:
        raise ValueError(f"Unknown task '{task}'.")
    after = spec.copy()
    changes = _fit_output(after, task, loss, outputs)
    return Adaptation(after, tuple(changes)) if changes else None


def fit_network(spec: ModelSpec, input_shape: tuple[int, ...], task: str, loss: str, outputs: int
                ) -> Adaptation | None:
    """`spec` adapted to take `input_shape` and give the task's outputs; None when it fits already."""
    input_shape = tuple(int(d) for d in input_shape)
    after = spec.copy()
    changes: list[str] = []
    if tuple(after.input_shape) != input_shape:
        changes.append(tr("input {old} → {new}").format(old=format_shape(tuple(after.input_shape)),
                                                        new=format_shape(input_shape)))
        after.input_shape = input_shape
        if len(input_shape) == 1:
            while after.layers and after.layers[0].type == "Flatten":  # already flat
                del after.layers[0]
                changes.append(tr("Flatten removed (rows are flat already)"))
        else:
            first = next((layer for layer in after.layers if layer.type not in _PASS_THROUGH), None)
            if first is not None and first.type in ("Linear", "BatchNorm1d"):
                after.layers.insert(0, LayerSpec("Flatten"))
                changes.append(tr("Flatten added first"))
    changes += _fit_output(after, task, loss, outputs)
    if not changes:
        return None
    if infer_shapes(after).ok:
        return Adaptation(after, tuple(changes))
    return small_dense_network(spec.name, input_shape, task, loss, outputs)


def small_dense_network(name: str, input_shape: tuple[int, ...], task: str, loss: str, outputs: int) -> Adaptation:
    """Flatten (for images), Linear(64)–ReLU–Linear(64)–ReLU, then the task's output."""
    layers = [LayerSpec("Flatten")] if len(input_shape) > 1 else []
    for units in HIDDEN_UNITS:
        layers += [LayerSpec("Linear", {"out_features": units}), LayerSpec("ReLU")]
    layers.append(LayerSpec("Linear", {"out_features": outputs}))
    spec = ModelSpec(layers, tuple(input_shape), name or "untitled")
    _fit_output(spec, task, loss, outputs)
    hidden = "–".join(str(u) for u in HIDDEN_UNITS)
    change = tr("the layers cannot take {shape} inputs: a dense network {shape}→{hidden}→{outputs} instead").format(
        shape=format_shape(tuple(input_shape)), hidden=hidden, outputs=outputs)
    return Adaptation(spec, (change,), replaced=True)


def _fit_output(spec: ModelSpec, task: str, loss: str, outputs: int) -> list[str]:
    """Change `spec` in place; returns the changes in words."""
    changes: list[str] = []
    layers = spec.layers
    last = next((i for i in range(len(layers) - 1, -1, -1) if layers[i].type == "Linear"), None)
    if last is None:
        layers.append(LayerSpec("Linear", {"out_features": outputs}))
        last = len(layers) - 1
        changes.append(tr("Linear({outputs}) added as the output").format(outputs=outputs))
    elif layers[last].get("out_features") != outputs:
        changes.append(tr("output Linear({old}) → Linear({new})").format(old=layers[last].get("out_features"),
                                                                        new=outputs))
        layers[last].params["out_features"] = outputs
    wanted = wanted_output_activation(task, loss)
    keep_relu = task == "regression"  # a ReLU output is a choice for targets that can't be negative
    tail = layers[last + 1:]
    kept = [layer for layer in tail if layer.type not in OUTPUT_ACTIVATIONS
            or (keep_relu and layer.type == "ReLU") or (layer.type == wanted)]
    removed = [layer.type for layer in tail if not any(layer is k for k in kept)]
    if wanted != "Identity" and not any(layer.type == wanted for layer in kept):
        kept.append(LayerSpec(wanted))
        if removed:
            changes.append(tr("{layer} added at the end instead of {removed}").format(
                layer=wanted, removed=", ".join(removed)))
        else:
            changes.append(tr("{layer} added at the end").format(layer=wanted))
    elif removed:
        changes.append(tr("{removed} removed from the end").format(removed=", ".join(removed)))
    spec.layers = layers[:last + 1] + kept
    return changes

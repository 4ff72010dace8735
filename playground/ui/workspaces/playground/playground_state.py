"""The Playground tab's controls as plain data, so the window can remember them between sessions.

`panel_state` reads the controls; `apply_panel_state` sets them back with their signals blocked and
leaves the rebuild to the caller. Every value is checked against what the control offers: a value
that no longer exists (an older version's data set, say) or a damaged entry keeps the control as it
is, so a bad settings file can cost a setting but never the tab.
"""

from __future__ import annotations

import math
from typing import Any, Protocol

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QSlider, QSpinBox

STATE_VERSION = 1


class _Slider(Protocol):
    @property
    def slider(self) -> QSlider: ...


class PlaygroundControls(Protocol):
    """The Playground tab's controls that are remembered (playground_panel.py's PlaygroundPanel)."""

    @property
    def kind(self) -> QComboBox: ...
    @property
    def dataset(self) -> QComboBox: ...
    @property
    def classes(self) -> QSpinBox: ...
    @property
    def points(self) -> QSpinBox: ...
    @property
    def noise(self) -> _Slider: ...
    @property
    def train_share(self) -> _Slider: ...
    @property
    def seed(self) -> QSpinBox: ...
    @property
    def feature_boxes(self) -> dict[str, QCheckBox]: ...
    @property
    def activation(self) -> QComboBox: ...
    @property
    def output_activation(self) -> QComboBox: ...
    @property
    def learning_rate(self) -> QDoubleSpinBox: ...
    @property
    def batch_size(self) -> QSpinBox: ...
    @property
    def optimizer(self) -> QComboBox: ...
    @property
    def regularization(self) -> QComboBox: ...
    @property
    def regularization_rate(self) -> QComboBox: ...
    def hidden_layers(self) -> list[int]: ...
    def refill_datasets(self) -> None: ...
    def tick_features(self, features: list[str]) -> None: ...
    def set_hidden_units(self, hidden: list[int]) -> None: ...
    def refresh_enabled(self) -> None: ...


def panel_state(panel: PlaygroundControls) -> dict[str, Any]:
    return {
        "version": STATE_VERSION,
        "kind": panel.kind.currentData(),
        "dataset": panel.dataset.currentData(),
        "classes": panel.classes.value(),
        "points": panel.points.value(),
        "noise": panel.noise.slider.value(),
        "train_share": panel.train_share.slider.value(),
        "seed": panel.seed.value(),
        "features": [name for name, box in panel.feature_boxes.items() if box.isChecked()],
        "hidden": panel.hidden_layers(),
        "activation": panel.activation.currentData(),
        "output": panel.output_activation.currentData(),
        "learning_rate": panel.learning_rate.value(),
        "batch_size": panel.batch_size.value(),
        "optimizer": panel.optimizer.currentData(),
        "regularization": panel.regularization.currentData(),
        "regularization_rate": panel.regularization_rate.currentData(),
    }


def apply_panel_state(panel: PlaygroundControls, state: Any) -> None:
    """Set the controls from `state` (what `panel_state` gave, possibly from an older version or damaged)."""
    if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
        return
    if _choose(panel.kind, state.get("kind")):
        panel.refill_datasets()
    _choose(panel.dataset, state.get("dataset"))
    for spin, key in ((panel.classes, "classes"), (panel.points, "points"), (panel.seed, "seed"),
                      (panel.noise.slider, "noise"), (panel.train_share.slider, "train_share"),
                      (panel.batch_size, "batch_size")):
        value = state.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and spin.minimum() <= value <= spin.maximum():
            with QSignalBlocker(spin):
                spin.setValue(value)
    features = state.get("features")
    if isinstance(features, list):
        panel.tick_features([name for name in features if isinstance(name, str)])
    hidden = state.get("hidden")
    if isinstance(hidden, list) and all(isinstance(n, int) and not isinstance(n, bool) for n in hidden):
        panel.set_hidden_units(hidden)
    for combo, key in ((panel.activation, "activation"), (panel.output_activation, "output"),
                       (panel.optimizer, "optimizer"), (panel.regularization, "regularization"),
                       (panel.regularization_rate, "regularization_rate")):
        _choose(combo, state.get(key))
    rate = state.get("learning_rate")
    if isinstance(rate, (int, float)) and not isinstance(rate, bool) and math.isfinite(rate) \
            and panel.learning_rate.minimum() <= rate <= panel.learning_rate.maximum():
        with QSignalBlocker(panel.learning_rate):
            panel.learning_rate.setValue(float(rate))
    panel.refresh_enabled()


def _choose(combo: QComboBox, value: Any) -> bool:
    """Select the entry whose data is `value`; False (and no change) when there is none."""
    if value is None:
        return False
    index = combo.findData(value)
    if index < 0:
        return False
    with QSignalBlocker(combo):
        combo.setCurrentIndex(index)
    return True

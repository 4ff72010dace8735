"""Small trained networks for the inspection-panel tests (a module: test files cannot share fixtures
through each other's conftest). Each preset is trained once per test session and cached."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from playground.core.data.datasets import DataSplits
from playground.core.explain.inspection import TrainingSnapshot
from playground.core.model.presets import load_preset
from playground.core.training.events import SnapshotReady, StepDone, TrainingEvent
from playground.core.training.trainer import Trainer

SNAPSHOT_EVERY = 4  # steps; the small data set has 32 steps an epoch at batch 64


@dataclass
class TrainedNetwork:
    trainer: Trainer
    snapshots: list[TrainingSnapshot] = field(default_factory=list)

    @property
    def model(self):
        return self.trainer.model

    @property
    def report(self):
        return self.trainer.report

    def probe_image(self) -> np.ndarray:
        """The probe digit the snapshots' feature maps belong to, 28×28 in 0..1."""
        return self.trainer.data.test.images[self.trainer.probe_index].astype(np.float32) / 255


_cache: dict[tuple[str, int], TrainedNetwork] = {}


def trained(name: str, data: DataSplits, epochs: int = 1) -> TrainedNetwork:
    """Preset `name` trained for `epochs` on `data`, with a snapshot every SNAPSHOT_EVERY steps."""
    key = (name, epochs)
    if key not in _cache:
        preset = load_preset(name)
        trainer = Trainer(preset.spec, preset.training.replace(epochs=epochs), data)
        result = TrainedNetwork(trainer)

        def listen(event: TrainingEvent) -> None:
            if isinstance(event, StepDone) and event.step % SNAPSHOT_EVERY == 0:
                trainer.request_snapshot()
            elif isinstance(event, SnapshotReady):
                result.snapshots.append(event.snapshot)

        trainer.run(listen)
        _cache[key] = result
    return _cache[key]

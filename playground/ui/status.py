"""The status bar's permanent fields: the data set, epoch, step, samples/s, an ETA progress bar and the device."""

from __future__ import annotations

import math
import time
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

PROGRESS_STEPS = 1000
# Numbers changing 20 times a second cannot be read, and each change repaints the bar: 5 Hz is plenty.
REFRESH_SECONDS = 0.2


def format_duration(seconds: float) -> str:
    """1:05 or 1:02:03; '–' when unknown."""
    if not math.isfinite(seconds) or seconds < 0:
        return "–"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class TrainingStatus:
    """Adds its labels to `bar` and updates them from the worker's payloads."""

    def __init__(self, bar: QStatusBar):
        self.bar = bar
        self.dataset = _label("The data the network learns from (Data menu: import your own, or go back to MNIST).")
        self.dataset.setObjectName("datasetStatus")
        self.epoch = _label("Epochs finished and the epoch being trained, out of this run's target.", "Epoch 888/888")
        self.step = _label("Weight updates so far: one per batch.", "Step 8,888,888")
        self.speed = _label("Training images processed per second (evaluation time not counted).",
                            "888,888 samples/s")
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setFixedWidth(210)
        self.progress.setToolTip("Progress of this run, with the estimated time left.")
        self.device = _label("Where the network trains.")
        for widget in (self.dataset, self.epoch, self.step, self.speed, self.progress, self.device):
            bar.addPermanentWidget(widget)
        self._target_epoch = 0
        self._shown_at = 0.0
        self.clear()

    def clear(self) -> None:
        self.epoch.setText("Epoch –")
        self.step.setText("Step 0")
        self.speed.setText("– samples/s")
        self.progress.setValue(0)
        self.progress.setFormat("Not started")

    def show_loaded(self, step: int, epochs: int) -> None:
        """A project opened with this much training behind it."""
        self.epoch.setText(f"Epoch {epochs}" if epochs else "Epoch –")
        self.step.setText(f"Step {step:,}")

    def show_started(self, payload: dict[str, Any], target_epoch: int) -> None:
        self._target_epoch = target_epoch
        self.epoch.setText(f"Epoch {min(payload['epoch'] + 1, target_epoch)}/{target_epoch}")
        self.progress.setValue(0)
        self.progress.setFormat("Starting…")

    def show_step(self, payload: dict[str, Any], force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._shown_at < REFRESH_SECONDS:
            return
        self._shown_at = now
        self.epoch.setText(f"Epoch {min(payload['epoch'] + 1, self._target_epoch)}/{self._target_epoch}")
        self.step.setText(f"Step {payload['step']:,}")
        self.speed.setText(f"{payload['samples_per_second']:,.0f} samples/s")
        self.progress.setValue(int(payload["progress"] * PROGRESS_STEPS))
        self.progress.setFormat(f"%p%  ·  {format_duration(payload['eta_seconds'])} left")

    def show_epoch(self, row: dict[str, Any]) -> None:
        self.epoch.setText(f"Epoch {row['epoch']}/{self._target_epoch}")

    def show_paused(self, payload: dict[str, Any]) -> None:
        self.step.setText(f"Step {payload['step']:,}")
        self.progress.setFormat("%p%  ·  paused")

    def show_finished(self, summary: dict[str, Any]) -> None:
        if "steps" in summary:
            self.step.setText(f"Step {summary['steps']:,}")
        if summary.get("samples_per_second"):
            self.speed.setText(f"{summary['samples_per_second']:,.0f} samples/s")
        if summary.get("reason") == "completed" or summary.get("step_limit_reached"):
            self.progress.setValue(PROGRESS_STEPS)
            self.progress.setFormat("Done")
        else:
            self.progress.setFormat(f"%p%  ·  {summary.get('reason', 'stopped')}")

    def set_dataset(self, text: str, tooltip: str = "") -> None:
        self.dataset.setText(text)
        if tooltip:
            self.dataset.setToolTip(tooltip)

    def set_device(self, text: str) -> None:
        self.device.setText(text)


def _label(tooltip: str, widest: str = "") -> QLabel:
    """`widest`: the longest text expected, so updates never resize (and relayout) the bar."""
    label = QLabel()
    label.setToolTip(tooltip)
    label.setContentsMargins(6, 0, 6, 0)
    if widest:
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(widest) + 12)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label

#!/usr/bin/env python3
"""Live prediction latency on the drawing canvas: from `image_changed` to the bars painted.

    python bench/draw_latency.py                 # cnn preset, idle and while training, ~1 minute
    python bench/draw_latency.py --seconds 10 --no-training

A DrawPanel (700×420, offscreen) gets mouse events at 60 Hz tracing digit-like strokes, as a hand
would; each `image_changed` is timed until the first paint of the bars showing an answer for
that drawing or a newer one (stale requests are dropped by design, so a newer answer counts).
Run twice: with the window idle, and while a Trainer trains the same network on MNIST in a
thread of its own at lowered priority (as the app's worker does), with `update_weights` 4 times a
second. Prints p50 / p95 / max in milliseconds and the share of requests answered.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer  # noqa: E402 — after the environment is set up above
from PySide6.QtGui import QMouseEvent  # noqa: E402 — after the environment is set up above
from PySide6.QtWidgets import QApplication  # noqa: E402 — after the environment is set up above

from playground.ui.workspaces.inside.prediction_bars import PredictionBars  # noqa: E402 — after the environment is set up above

FRAME_HZ = 60.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))]


def off_main_thread(fn):
    out = {}
    thread = threading.Thread(target=lambda: out.setdefault("v", fn()))
    thread.start()
    thread.join()
    return out["v"]


class Probe:
    """Times image_changed → the bars' first paint showing that request (or a newer one)."""

    def __init__(self, panel) -> None:
        self.panel = panel
        self.pending: list[tuple[int, float]] = []  # (request, time of image_changed)
        self.shown_request = 0
        self.latencies: list[float] = []
        self.compute: list[float] = []
        panel.canvas.image_changed.connect(self._changed)  # after the panel's own slot: request is known
        panel.inference.result.connect(self._result)
        original = PredictionBars.paintEvent
        probe = self

        def timed_paint(bars, event):
            original(bars, event)
            if bars is probe.panel.bars:
                probe._painted()

        PredictionBars.paintEvent = timed_paint

    def _changed(self) -> None:
        self.pending.append((self.panel._last_request, time.perf_counter()))

    def _result(self, payload: dict) -> None:
        self.shown_request = max(self.shown_request, payload["request"])
        self.compute.append(payload["seconds"])

    def _painted(self) -> None:
        now = time.perf_counter()
        keep = []
        for request, t in self.pending:
            if request <= self.shown_request:
                self.latencies.append(now - t)
            else:
                keep.append((request, t))
        self.pending = keep


class Hand:
    """Mouse events at 60 Hz along digit-like loops: a stroke of ~1 s, a short pause, repeat;
    the canvas is cleared every third stroke."""

    def __init__(self, canvas) -> None:
        self.canvas = canvas
        self.t = 0
        self.stroke = 0
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(round(1000 / FRAME_HZ))
        self.timer.timeout.connect(self.step)

    def _send(self, kind, x: float, y: float) -> None:
        rect = self.canvas.paper_rect()
        pos = QPointF(rect.x() + x * rect.width(), rect.y() + y * rect.height())
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else Qt.MouseButton.LeftButton
        event = QMouseEvent(kind, pos, self.canvas.mapToGlobal(pos), Qt.MouseButton.LeftButton, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(self.canvas, event)

    def step(self) -> None:
        phase = self.t % 75  # 60 frames drawing, 15 frames pen up
        s = phase / 60.0
        cx, cy = 0.5 + 0.05 * (self.stroke % 3), 0.5
        x = cx + 0.22 * math.sin(2 * math.pi * s)  # a figure of eight, as wide as a digit
        y = cy - 0.35 * math.cos(math.pi * s)
        if phase == 0:
            if self.stroke % 3 == 0:
                self.canvas.clear()
            self._send(QEvent.Type.MouseButtonPress, x, y)
        elif phase < 60:
            self._send(QEvent.Type.MouseMove, x, y)
        elif phase == 60:
            self._send(QEvent.Type.MouseButtonRelease, x, y)
            self.stroke += 1
        self.t += 1


def run(seconds: float, training: bool, preset_name: str) -> dict:
    from playground.core.model.builder import build_model
    from playground.core.model.presets import load_preset
    from playground.ui.workspaces.inside.draw_panel import DrawPanel

    app = QApplication.instance() or QApplication([])
    preset = load_preset(preset_name)
    panel = DrawPanel(remember=False)
    panel.resize(700, 420)
    panel.show()
    probe = Probe(panel)

    trainer = None
    train_thread = None
    weights_timer = None
    if training:
        from playground.core.data.datasets import load_data
        from playground.core.training.trainer import Trainer

        config = preset.training
        config.epochs = 50  # longer than the measurement; stopped at the end
        data = load_data()
        trainer = off_main_thread(lambda: Trainer(preset.spec, config, data))

        def train():
            import torch

            try:  # as the app's worker: lower priority, every core
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
                torch.set_num_threads(os.cpu_count() or 1)
            except (OSError, AttributeError):
                pass
            trainer.run()

        train_thread = threading.Thread(target=train, daemon=True)
        panel.set_model(preset.spec, trainer.state_snapshot, config.normalize_mean, config.normalize_std)
        weights_timer = QTimer()
        weights_timer.setInterval(250)
        weights_timer.timeout.connect(lambda: panel.update_weights(trainer.state_snapshot))
    else:
        state = off_main_thread(lambda: {k: v.numpy().copy()
                                         for k, v in build_model(preset.spec, seed=0).state_dict().items()})
        panel.set_model(preset.spec, state, preset.training.normalize_mean, preset.training.normalize_std)

    # Warm up: the inference thread imports torch and builds the network before timing starts.
    panel.inference.submit(panel.canvas.image())
    deadline = time.perf_counter() + 60
    while not probe.compute and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.005)
    probe.compute.clear()
    if train_thread is not None:
        train_thread.start()
        weights_timer.start()
        time.sleep(1.0)  # training in its stride

    submitted0, predicted0 = panel.inference.submitted, panel.inference.predicted
    hand = Hand(panel.canvas)
    hand.timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.0005)
    hand.timer.stop()
    settle = time.perf_counter() + 0.5
    while time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.001)
    steps = 0
    if trainer is not None:
        weights_timer.stop()
        steps = trainer.global_step
        trainer.control.stop()
        train_thread.join()
    submitted = panel.inference.submitted - submitted0
    predicted = panel.inference.predicted - predicted0
    panel.shutdown()
    panel.close()
    lat = [v * 1000 for v in probe.latencies]
    comp = [v * 1000 for v in probe.compute]
    return {
        "preset": preset_name, "training": training, "seconds": seconds,
        "image_changed": len(lat) + len(probe.pending), "timed": len(lat),
        "latency_ms": {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "max": max(lat),
                       "mean": statistics.fmean(lat)},
        "inference_ms_p50": percentile(comp, 50), "inference_ms_p95": percentile(comp, 95),
        "requests": submitted, "predictions": predicted, "training_steps": steps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--preset", default="cnn")
    parser.add_argument("--no-training", action="store_true", help="only the idle measurement")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    results = [run(args.seconds, False, args.preset)]
    if not args.no_training:
        results.append(run(args.seconds, True, args.preset))
    print(f"{os.cpu_count()} cores, load average before: {load}")
    print(f"{'scenario':22} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'predicted/asked':>14} {'infer p50':>9}")
    for r in results:
        name = f"{r['preset']}, " + ("while training" if r["training"] else "idle")
        lat = r["latency_ms"]
        print(f"{name:22} {lat['p50']:7.1f} {lat['p95']:7.1f} {lat['max']:7.1f} "
              f"{r['predictions']:>7}/{r['requests']:<6} {r['inference_ms_p50']:8.2f}"
              + (f"   ({r['training_steps']} training steps)" if r["training"] else ""))
    if args.json:
        args.json.write_text(json.dumps({"load_average": load, "results": results}, indent=2))


if __name__ == "__main__":
    main()

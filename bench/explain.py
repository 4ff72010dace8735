"""What the explain views cost (issue 18), measured on this machine:

- PCA: one update of the Projector — the chosen layer's outputs for 2,000 test digits, then their two
  principal axes, turned to agree with the last update's — for every layer of `seed-mlp` and `cnn` (the
  Projector offers each). The first picture of a layer and the updates after it are timed apart.
- t-SNE of 2,000 digits of `seed-mlp`'s last hidden layer (needs scikit-learn, an optional extra).
- The GUI event loop while the window trains with each view on show — Draw with the SmoothGrad overlay,
  Fool it, the Projector — by the 10 ms probe `bench/run.py` uses: p50 / p99 / max of each phase.

    python bench/explain.py [--json PATH] [--stall-seconds 8] [--skip-stalls]

Prints one line per measure and, with --json, writes them with the machine they ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import PROBE_MS, machine, machine_line, matmul_gflops, percentile  # noqa: E402 — bench/run.py, via the path

POINTS = 2000
PCA_UPDATES = 7  # timed updates per layer after its first picture (median and best reported)
TARGETS = {"pca_update_ms": 150.0, "tsne_s": 30.0, "stall_p99_ms": 20.0}


def pca_timings(data) -> list[dict]:
    """Per preset and layer: the first PCA picture and the median of the updates after it, in ms."""
    import torch

    from playground.core.explain.projection import layer_features, pca_2d, projection_sample
    from playground.core.model.builder import build_model
    from playground.core.model.presets import load_preset
    from playground.core.model.shape_inference import infer_shapes

    images = data.test.images[projection_sample(len(data.test), POINTS)]
    rows = []
    for preset_name in ("seed-mlp", "cnn"):
        preset = load_preset(preset_name)
        model = build_model(preset.spec, seed=0)
        mean, std = preset.training.normalize_mean, preset.training.normalize_std
        for info in infer_shapes(preset.spec).layers:
            times, forward, pca, previous, features = [], [], [], None, None
            for _ in range(PCA_UPDATES + 1):
                with torch.no_grad():  # a little training between updates, as while the network learns
                    for p in model.parameters():
                        p.mul_(1.001)
                started = time.perf_counter()
                features = layer_features(model, images, info.name, mean, std, out=features)  # as the view does
                outputs = time.perf_counter()
                previous = pca_2d(features, align_to=previous)
                ended = time.perf_counter()
                times.append((ended - started) * 1000)
                forward.append((outputs - started) * 1000)
                pca.append((ended - outputs) * 1000)
            # This machine's speed drifts (a 1024² matmul 11.6-21 ms within minutes): its rate, taken right
            # after, says which speed the layer met.
            speed = matmul_gflops(torch.get_num_threads(), trials=3, trial_seconds=0.1)["median_gflops"]
            row = {"preset": preset_name, "layer": info.name, "features": int(features.shape[1]),
                   "first_ms": times[0], "update_ms": statistics.median(times[1:]), "best_update_ms": min(times[1:]),
                   "outputs_ms": statistics.median(forward[1:]), "pca_ms": statistics.median(pca[1:]),
                   "matmul_gflops": speed}
            rows.append(row)
            print(f"  PCA {preset_name} {info.name} ({row['features']:,} numbers a digit): first "
                  f"{row['first_ms']:.0f} ms, update {row['update_ms']:.0f} ms, best {row['best_update_ms']:.0f} ms "
                  f"(the layer's outputs {row['outputs_ms']:.0f} ms, PCA {row['pca_ms']:.0f} ms; "
                  f"matmul {speed:.0f} GFLOP/s)", flush=True)
    return rows


def tsne_timing(data) -> dict:
    from playground.core.explain.projection import layer_features, projection_sample, tsne_2d, tsne_available
    from playground.core.model.builder import build_model
    from playground.core.model.presets import load_preset

    if not tsne_available():
        print("  t-SNE: scikit-learn is not installed (pip install scikit-learn): not measured", flush=True)
        return {"available": False}
    preset = load_preset("seed-mlp")
    model = build_model(preset.spec, seed=0)
    images = data.test.images[projection_sample(len(data.test), POINTS)]
    features = layer_features(model, images, "relu2", preset.training.normalize_mean, preset.training.normalize_std)
    started = time.perf_counter()
    points = tsne_2d(features, seed=0)
    seconds = time.perf_counter() - started
    print(f"  t-SNE of {len(points):,} digits (relu2 of seed-mlp, 1,000 iterations): {seconds:.1f} s", flush=True)
    return {"available": True, "seconds": seconds, "points": len(points)}


def stalls(data, seconds: float) -> list[dict]:
    """Train seed-mlp through the window with each explain view on show in turn; the probe's lateness."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.ui.shell.main_window import MainWindow
    from playground.ui.shell.run_controls import RunState

    app = QApplication.instance() or QApplication([])
    window = MainWindow(preset="seed-mlp", data=data, remember=False, autosave=False)
    window.resize(1400, 900)
    window.show()

    def wait(predicate, timeout_s: float) -> None:
        loop, check = QEventLoop(), QTimer()
        deadline = time.monotonic() + timeout_s
        check.setInterval(20)
        check.timeout.connect(lambda: loop.quit() if predicate() or time.monotonic() > deadline else None)
        check.start()
        if not predicate():
            loop.exec()
        check.stop()

    wait(lambda: window.state == RunState.IDLE and window.worker.trainer is not None, 120)
    window.draw_panel.show_random_test_digit()
    window.start_training(epochs=1000)
    wait(lambda: window.state == RunState.TRAINING, 60)
    wait(lambda: False, 2.0)  # past the click on Train
    phases = (("Draw, SmoothGrad overlay", "Draw"), ("Fool it", "Fool it"), ("Projector", "Projector"))
    rows = []
    for label, view in phases:
        window.show_view(view)
        if view == "Draw":
            window.draw_panel.saliency.toggle.setChecked(True)
            window.draw_panel.saliency.set_method("smoothgrad")
        wait(lambda: False, 1.0)  # the view's first picture
        gaps: list[float] = []
        clock, probe = QElapsedTimer(), QTimer()
        probe.setTimerType(Qt.TimerType.PreciseTimer)
        probe.setInterval(PROBE_MS)

        def tick(gaps=gaps, clock=clock) -> None:
            if clock.isValid():
                gaps.append(clock.nsecsElapsed() / 1e6)
            clock.restart()

        probe.timeout.connect(tick)
        probe.start()
        wait(lambda: False, seconds)
        probe.stop()
        late = [max(0.0, g - PROBE_MS) for g in gaps]
        row = {"view": label, "samples": len(late), "p50_ms": percentile(late, 50), "p99_ms": percentile(late, 99),
               "max_ms": max(late, default=0.0), "training": window.state == RunState.TRAINING}
        rows.append(row)
        print(f"  stall with {label} on show while training: p50 {row['p50_ms']:.1f} / p99 {row['p99_ms']:.1f} / "
              f"max {row['max_ms']:.1f} ms ({row['samples']} samples)", flush=True)
    window.stop()
    wait(lambda: window.state == RunState.IDLE, 60)
    window.close_discarding()
    app.processEvents()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--stall-seconds", type=float, default=8.0, help="probe time per view")
    parser.add_argument("--skip-stalls", action="store_true", help="only the PCA and t-SNE timings")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from playground.core.training.allocator import tune_allocator

    tune_allocator()  # as `nn-playground` starts: the memory the views allocate is the app's
    from playground.core.data.datasets import load_data

    data = load_data()
    results: dict = {"machine": machine(), "targets": TARGETS}
    print(f"Machine: {machine_line(results['machine'])}", flush=True)
    results["pca"] = pca_timings(data)
    results["tsne"] = tsne_timing(data)
    if not args.skip_stalls:
        results["stalls"] = stalls(data, args.stall_seconds)
    worst = max(results["pca"], key=lambda row: row["update_ms"])
    print(f"slowest PCA update: {worst['preset']} {worst['layer']} {worst['update_ms']:.0f} ms "
          f"(target ≤ {TARGETS['pca_update_ms']:.0f} ms)")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

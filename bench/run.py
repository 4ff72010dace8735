#!/usr/bin/env python3
"""nn-playground benchmarks, measured side by side in one run (absolute times drift on shared
machines; ratios taken in the same run do not).

    python bench/run.py                      # everything (about 5 minutes on 2 cores)
    python bench/run.py --sections throughput --rounds 2

Sections
- throughput: the course notes' own loop (DataLoader over a TensorDataset, batch 64, SimpleNN,
  Adam 1e-3) against training through the app (main window offscreen, worker thread, live plots),
  two epochs each, alternating, each in a fresh process; ratio of samples/s and both test accuracies. During the app's
  epochs a 2 ms QTimer on the GUI thread measures event-loop stalls (p50 / p99 / max).
- accuracy: `nn-playground train --preset seed-mlp` (5 epochs) and `--preset cnn` (2 epochs) in
  child processes, with each child's peak memory (ru_maxrss).

Prints a table and writes JSON (default bench/results/latest.json) with the machine it ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

EPOCHS = 2  # per contestant and round: steady state, not just the first steps
PROBE_MS = 10  # the stall probe: a timer this often on the GUI thread; lateness beyond it is a stall

TARGETS = {
    "seed_mlp_accuracy": 0.970,
    "cnn_accuracy": 0.983,
    "throughput_ratio": 1.2,
    "stall_p99_ms": 20.0,
    "cnn_peak_mb": 600.0,
}


# ----- the course notes' loop, as written there -------------------------------------------------

def notes_run(train_x, train_y, test_x, test_y, seed: int) -> dict:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    from torch.utils.data import DataLoader, TensorDataset

    class SimpleNN(nn.Module):
        def __init__(self):
            super(SimpleNN, self).__init__()
            self.fc1 = nn.Linear(28 * 28, 128)
            self.fc2 = nn.Linear(128, 64)
            self.fc3 = nn.Linear(64, 10)

        def forward(self, x):
            x = x.view(-1, 28 * 28)
            x = F.relu(self.fc1(x))
            x = F.relu(self.fc2(x))
            x = self.fc3(x)
            return x

    torch.manual_seed(seed)
    train_loader = DataLoader(TensorDataset(train_x, train_y), batch_size=64, shuffle=True)
    model = SimpleNN()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    seconds = 0.0
    for epoch in range(EPOCHS):
        started = time.perf_counter()
        model.train()
        for images, labels in train_loader:
            optimizer.zero_grad()
            outputs = model(images)
            loss = criterion(outputs, labels)
            loss.backward()
            optimizer.step()
        seconds += time.perf_counter() - started
    model.eval()
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
    return {"samples_per_second": EPOCHS * len(train_y) / seconds, "test_accuracy": accuracy, "seconds": seconds}


# ----- the same epoch through the app ------------------------------------------------------------

def app_run(data, seed: int) -> dict:
    """One epoch of seed-mlp through the main window and its worker, with a stall probe running."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from playground.ui.main_window import MainWindow
    from playground.ui.run_controls import RunState

    app = QApplication.instance()
    window = MainWindow(preset="seed-mlp", data=data, remember=False)
    window.panel.seed.setValue(seed)
    window.show()

    def wait_until(predicate, timeout_s: float) -> None:
        """Run the real event loop (idle in C, as app.exec() does) until `predicate` holds;
        a Python loop around processEvents() would hold the GIL and slow the worker down."""
        loop = QEventLoop()
        deadline = time.monotonic() + timeout_s
        check = QTimer()
        check.setInterval(50)
        check.timeout.connect(lambda: loop.quit() if predicate() or time.monotonic() > deadline else None)
        check.start()
        if not predicate():
            loop.exec()
        check.stop()
        if not predicate():
            raise TimeoutError("the app did not respond in time")

    # Ready means the trainer exists: building the first one imports torch._dynamo (about a
    # second, in the worker thread), which is start-up cost, not training.
    wait_until(lambda: window.state == RunState.IDLE and window.worker.trainer is not None, 120)
    gaps: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)

    def tick() -> None:
        if clock.isValid():
            gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    probe.timeout.connect(tick)
    probe.start()
    window.start_training(epochs=EPOCHS)
    wait_until(lambda: window.state == RunState.IDLE and window.worker.trainer.epochs_done >= EPOCHS, 600)
    probe.stop()
    rows = window.worker.trainer.history.epochs
    train_seconds = sum(r["train_seconds"] for r in rows)
    import torch

    threads = torch.get_num_threads()  # what the app chose for its training thread
    window.close()
    app.processEvents()
    stalls = [max(0.0, g - PROBE_MS) for g in gaps]
    return {
        "samples_per_second": EPOCHS * len(data.train) / train_seconds,
        "test_accuracy": rows[-1]["test_accuracy"],
        "seconds": train_seconds,
        "stalls_ms": stalls,
        "threads": threads,
    }


def _child(kind: str, seed: int) -> dict:
    """One measured epoch in a fresh process. Fresh processes keep the two contestants from
    sharing OpenMP thread pools: a pool the main thread once used slows every other thread's
    parallel regions (about 2.7× here), which would handicap whichever ran second."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--seed", str(seed)]
    extra = json.loads(os.environ.get("BENCH_APP_ENV", "{}")) if kind == "app" else {}
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=900,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra})
    if out.returncode != 0:
        raise RuntimeError(f"{kind} run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_child(kind: str, seed: int) -> dict:
    """Inside the child: load MNIST, run one epoch the chosen way, print the result as JSON."""
    from playground.core.datasets import load_data

    data = load_data()
    if kind == "notes":
        import torch

        # The notes' pipeline: ToTensor + Normalize((0.5,), (0.5,)) done once, up front.
        def prepared(images):
            return torch.from_numpy(images).float().div(255).sub(0.5).div(0.5).unsqueeze(1)

        result = notes_run(prepared(data.train.images), torch.from_numpy(data.train.labels),
                             prepared(data.test.images), torch.from_numpy(data.test.labels), seed)
    elif kind == "core":  # the trainer alone, as `nn-playground train` runs it
        from playground.core.presets import load_preset
        from playground.core.trainer import Trainer

        preset = load_preset("seed-mlp")
        trainer = Trainer(preset.spec, preset.training.replace(epochs=EPOCHS, seed=seed), data)
        trainer.run()
        rows = trainer.history.epochs
        seconds = sum(r["train_seconds"] for r in rows)
        result = {"samples_per_second": EPOCHS * len(data.train) / seconds,
                  "test_accuracy": rows[-1]["test_accuracy"], "seconds": seconds}
    else:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        result = app_run(data, seed)
        del app
    return result


def throughput(rounds: int) -> dict:
    notes, app, core, stalls = [], [], [], []
    for r in range(rounds):
        notes.append(_child("notes", r))
        result = _child("app", r)
        stalls.extend(result.pop("stalls_ms"))
        app.append(result)
        core.append(_child("core", r))
        print(f"  round {r + 1}: notes {notes[-1]['samples_per_second']:,.0f}/s "
              f"({notes[-1]['test_accuracy']:.2%})  app {app[-1]['samples_per_second']:,.0f}/s "
              f"({app[-1]['test_accuracy']:.2%}, {app[-1]['threads']} training thread(s))  "
              f"trainer alone {core[-1]['samples_per_second']:,.0f}/s", flush=True)
    notes_rate = statistics.median(n["samples_per_second"] for n in notes)
    app_rate = statistics.median(a["samples_per_second"] for a in app)
    core_rate = statistics.median(c["samples_per_second"] for c in core)
    stalls.sort()

    def pct(p: float) -> float:
        return stalls[min(len(stalls) - 1, int(p * len(stalls)))] if stalls else 0.0

    return {
        "notes_samples_per_second": notes_rate,
        "app_samples_per_second": app_rate,
        "ratio": app_rate / notes_rate,
        "core_samples_per_second": core_rate,
        "core_ratio": core_rate / notes_rate,
        "notes_test_accuracy": statistics.mean(n["test_accuracy"] for n in notes),
        "app_test_accuracy": statistics.mean(a["test_accuracy"] for a in app),
        "stall_p50_ms": pct(0.50), "stall_p99_ms": pct(0.99), "stall_max_ms": stalls[-1] if stalls else 0.0,
        "stall_samples": len(stalls),
        "rounds": {"notes": notes, "app": app, "core": core},
    }


# ----- accuracy and peak memory in child processes ---------------------------------------------

def train_child(preset: str, seed: int = 0) -> dict:
    cmd = [sys.executable, "-m", "playground", "train", "--preset", preset, "--seed", str(seed), "--json", "-q"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    out = proc.stdout.read()
    err = proc.stderr.read()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = usage.ru_maxrss / 1024  # Linux reports KiB
    result["wall_seconds"] = time.perf_counter() - started
    return result


def accuracy(mlp_seeds: int) -> dict:
    """The targets are for the presets as shipped (seed 0); more seeds show the spread."""
    out: dict = {}
    for preset, seeds in (("seed-mlp", range(mlp_seeds)), ("cnn", range(1))):
        runs = []
        for seed in seeds:
            r = train_child(preset, seed)
            runs.append({k: r[k] for k in ("test_accuracy", "test_loss", "epochs", "samples_per_second",
                                           "parameters", "peak_mb", "wall_seconds")} | {"seed": seed})
            print(f"  {preset} seed {seed}: {r['epochs']} epochs, test accuracy {r['test_accuracy']:.2%}, "
                  f"peak {r['peak_mb']:.0f} MB, {r['wall_seconds']:.0f} s", flush=True)
        accs = [r["test_accuracy"] for r in runs]
        out[preset] = {**runs[0], "runs": runs, "mean_accuracy": statistics.mean(accs),
                       "min_accuracy": min(accs), "max_accuracy": max(accs)}
    return out


# ----- report -------------------------------------------------------------------------------------

def machine() -> dict:
    import torch

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "torch": torch.__version__, "torch_threads": torch.get_num_threads(),
            "platform": platform.platform(), "date": time.strftime("%Y-%m-%d")}


def report(results: dict) -> list[str]:
    rows = []

    def row(name: str, value: str, target: str, ok: bool | None) -> None:
        mark = "" if ok is None else ("yes" if ok else "NO")
        rows.append(f"| {name} | {value} | {target} | {mark} |")

    t = results.get("throughput")
    if t:
        row("Training samples/s: app ÷ notes loop", f"{t['ratio']:.2f}× ({t['app_samples_per_second']:,.0f} vs "
            f"{t['notes_samples_per_second']:,.0f})", f"≥ {TARGETS['throughput_ratio']}×",
            t["ratio"] >= TARGETS["throughput_ratio"])
        row("Training samples/s: trainer alone (CLI) ÷ notes loop", f"{t['core_ratio']:.2f}× "
            f"({t['core_samples_per_second']:,.0f})", "", None)
        row(f"Test accuracy after {EPOCHS} epochs: app / notes", f"{t['app_test_accuracy']:.2%} / {t['notes_test_accuracy']:.2%}",
            "same", abs(t["app_test_accuracy"] - t["notes_test_accuracy"]) < 0.01)
        row("GUI event-loop stall p50 / p99 / max", f"{t['stall_p50_ms']:.1f} / {t['stall_p99_ms']:.1f} / "
            f"{t['stall_max_ms']:.1f} ms", f"p99 ≤ {TARGETS['stall_p99_ms']:.0f} ms",
            t["stall_p99_ms"] <= TARGETS["stall_p99_ms"])
    a = results.get("accuracy")
    if a:
        m, c = a["seed-mlp"], a["cnn"]
        spread = (f" (seeds 0–{len(m['runs']) - 1}: {m['min_accuracy']:.2%}–{m['max_accuracy']:.2%}, "
                  f"mean {m['mean_accuracy']:.2%})" if len(m["runs"]) > 1 else "")
        row("seed-mlp, 5 epochs: test accuracy, seed 0", f"{m['test_accuracy']:.2%}{spread}", "≥ 97.0 %",
            m["test_accuracy"] >= TARGETS["seed_mlp_accuracy"])
        row("cnn, 2 epochs: test accuracy", f"{c['test_accuracy']:.2%}", "≥ 98.3 %",
            c["test_accuracy"] >= TARGETS["cnn_accuracy"])
        row("cnn training peak memory", f"{c['peak_mb']:.0f} MB", f"≤ {TARGETS['cnn_peak_mb']:.0f} MB",
            c["peak_mb"] <= TARGETS["cnn_peak_mb"])
    return ["| measure | result | target | met |", "|---|---|---|---|", *rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", default="throughput,accuracy")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mlp-seeds", type=int, default=5, help="seed-mlp runs with seeds 0..N-1 (spread)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    parser.add_argument("--child", choices=("notes", "app", "core"), help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, args.seed)))
        return 0
    sections = [s.strip() for s in args.sections.split(",") if s.strip()]
    results: dict = {"machine": machine()}
    if "throughput" in sections:
        print("throughput and responsiveness (alternating rounds):", flush=True)
        results["throughput"] = throughput(args.rounds)
    if "accuracy" in sections:
        print("accuracy and peak memory (child processes):", flush=True)
        results["accuracy"] = accuracy(args.mlp_seeds)
    table = report(results)
    print()
    print(f"Machine: {results['machine']['cpu']}, {results['machine']['cores']} cores, "
          f"torch {results['machine']['torch']}, {results['machine']['date']}")
    print("\n".join(table))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

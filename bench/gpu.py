#!/usr/bin/env python3
"""GPU benchmarks: training throughput on CUDA, with and without mixed precision (AMP), against
the course notes' own loop on CUDA, and effective GFLOP/s against a large matmul on the same GPU.

    bash bench/gpu.sh                    # makes a virtual environment with the CUDA build, then runs this
    python bench/gpu.py --rounds 1       # with a Python whose torch already sees a GPU

For each batch size (64, 256, 1024) and AMP off/on, two epochs of SimpleNN (seed-mlp) on MNIST:
- notes: the notes' loop moved to the GPU as the notes would (DataLoader over CPU tensors, each
  batch `.to(device)`; with AMP, torch.autocast + GradScaler as in PyTorch's AMP recipe);
- trainer: the app's trainer (`playground.core.training.trainer.Trainer`, as `nn-playground train` and the
  window's worker run it): the data preloaded on the GPU through pinned memory;
- app: the same through the main window (offscreen Qt, worker thread, live plots), if Qt loads.
Each contestant runs in a fresh process, all configurations in turn, rounds alternating.
Effective GFLOP/s = forward+backward FLOPs per sample (torch.utils.flop_counter) × samples/s,
against an 8192×8192 matmul in float32 (TF32 off, PyTorch's default) and in float16.

Prints a table and writes JSON (default bench/results/gpu.json). Exits 2 without a CUDA GPU.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import run as cpu_bench  # noqa: E402 — bench/run.py: SimpleNN, FLOP counting, the machine record

EPOCHS = 2
MATMUL_N = 8192
NO_GPU_EXIT = 2
# Checking this script without a GPU: NN_BENCH_GPU_DRY_RUN=1 runs every path on the CPU (AMP off,
# small matmul). The numbers then mean nothing; the table and the JSON come out the same way.
DRY_RUN = os.environ.get("NN_BENCH_GPU_DRY_RUN") == "1"
DEVICE = "cpu" if DRY_RUN else "cuda"


def no_gpu_message() -> str | None:
    """None when a CUDA GPU can be used; else why not, in words."""
    try:
        import torch
    except ImportError:
        return "PyTorch is not installed in this Python (bash bench/gpu.sh makes an environment with it)."
    if DRY_RUN:
        return None
    if torch.version.cuda is None:
        return (f"this PyTorch ({torch.__version__}) is a CPU-only build; install the CUDA build "
                "(bash bench/gpu.sh does, in its own virtual environment).")
    if not torch.cuda.is_available():
        return (f"PyTorch {torch.__version__} (CUDA {torch.version.cuda}) finds no usable CUDA GPU "
                "(no NVIDIA GPU, no driver, or CUDA_VISIBLE_DEVICES hides it).")
    return None


# ----- contestants (each in its own process) ------------------------------------------------------

def sync() -> None:
    import torch

    if not DRY_RUN:
        torch.cuda.synchronize()


def notes_cuda(data, batch: int, amp: bool, seed: int) -> dict:
    """The notes' loop on the GPU: a DataLoader over CPU tensors, each batch moved to the device."""
    import torch
    import torch.nn as nn
    from torch.utils.data import DataLoader, TensorDataset

    device = torch.device(DEVICE)
    amp = amp and not DRY_RUN

    def prepared(images):
        return torch.from_numpy(images).float().div(255).sub(0.5).div(0.5).unsqueeze(1)

    train_x, train_y = prepared(data.train.images), torch.from_numpy(data.train.labels)
    test_x, test_y = prepared(data.test.images).to(device), torch.from_numpy(data.test.labels).to(device)
    torch.manual_seed(seed)
    train_loader = DataLoader(TensorDataset(train_x, train_y), batch_size=batch, shuffle=True)
    model = cpu_bench.simple_nn().to(device)
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    scaler = torch.amp.GradScaler(DEVICE, enabled=amp)
    seconds = 0.0
    for _epoch in range(EPOCHS):
        sync()
        started = time.perf_counter()
        model.train()
        for images, labels in train_loader:
            images, labels = images.to(device), labels.to(device)
            optimizer.zero_grad()
            with torch.autocast(DEVICE, dtype=torch.float16, enabled=amp):
                outputs = model(images)
                loss = criterion(outputs, labels)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
        sync()
        seconds += time.perf_counter() - started
    model.eval()
    with torch.no_grad():
        accuracy = (model(test_x).argmax(1) == test_y).float().mean().item()
    return {"samples_per_second": EPOCHS * len(train_y) / seconds, "test_accuracy": accuracy,
            "seconds": seconds, "final_loss": float(loss)}


def trainer_cuda(data, batch: int, amp: bool, seed: int) -> dict:
    from playground.core.model.presets import load_preset
    from playground.core.training.trainer import Trainer

    preset = load_preset("seed-mlp")
    trainer = Trainer(preset.spec, preset.training.replace(epochs=EPOCHS, seed=seed, batch_size=batch,
                                                            device=DEVICE, amp=amp), data)
    assert trainer.device.type == DEVICE, trainer.device_message
    summary = trainer.run()
    sync()
    rows = trainer.history.epochs
    seconds = sum(r["train_seconds"] for r in rows)
    return {"samples_per_second": EPOCHS * len(data.train) / seconds, "test_accuracy": rows[-1]["test_accuracy"],
            "seconds": seconds, "final_loss": trainer.history.step_losses[-1], "reason": summary.reason,
            "amp_applied": trainer.scaler is not None}


def app_cuda(data, batch: int, amp: bool, seed: int) -> dict:
    """Through the main window, AMP ticked in its settings (or, without that box, set in the
    window's base settings, which the panel's values are applied to)."""
    from PySide6.QtWidgets import QApplication

    from playground.ui.shell.main_window import MainWindow

    QApplication.instance() or QApplication([])
    window = MainWindow(preset="seed-mlp", data=data, remember=False, autosave=False)
    try:
        panel = window.panel
        panel.device.setCurrentIndex(panel.device.findData(DEVICE))
        box = getattr(getattr(panel, "task_settings", None), "amp", None)
        if box is not None:
            box.setChecked(amp)
        elif amp:
            window.document.base_config = window.document.base_config.replace(amp=True)  # no panel control
        result = cpu_bench.app_run(data, seed, batch, window=window)
        result.pop("stalls_ms", None)
        trainer = window.worker.trainer
        result["amp_in_config"] = trainer.config.amp
        result["amp_applied"] = getattr(trainer, "scaler", None) is not None
        result["device"] = str(trainer.device)
    finally:
        window.close_discarding()
    return result


CONTESTANTS = {"notes": notes_cuda, "trainer": trainer_cuda, "app": app_cuda}


def run_child(kind: str, configs: list[tuple[int, bool]], seed: int) -> list[dict]:
    from playground.core.data.datasets import load_data

    data = load_data()
    out = []
    for batch, amp in configs:
        try:
            result = CONTESTANTS[kind](data, batch, amp, seed)
        except Exception as exc:  # noqa: BLE001 — one failed configuration should not hide the others
            result = {"error": f"{type(exc).__name__}: {exc}"}
        out.append({"batch": batch, "amp": amp, **result})
    return out


def child(kind: str, configs: list[tuple[int, bool]], seed: int) -> list[dict]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--seed", str(seed),
           "--configs", json.dumps(configs)]
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if out.returncode != 0:
        return [{"batch": b, "amp": a, "error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else
                 f"exit {out.returncode}"} for b, a in configs]
    return json.loads(out.stdout.strip().splitlines()[-1])


# ----- the GPU's limit ----------------------------------------------------------------------------

def matmul_tflops(dtype_name: str, n: int = MATMUL_N, trials: int = 5) -> float:
    import torch

    dtype = getattr(torch, dtype_name)
    if DRY_RUN:
        n = 512
    a = torch.randn(n, n, device=DEVICE, dtype=dtype)
    b = torch.randn(n, n, device=DEVICE, dtype=dtype)
    for _ in range(3):
        a @ b
    sync()
    best = 0.0
    if DRY_RUN:
        started = time.perf_counter()
        a @ b
        return 2 * n ** 3 / (time.perf_counter() - started) / 1e12
    for _ in range(trials):
        reps = 10
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(reps):
            a @ b
        end.record()
        sync()
        best = max(best, 2 * n ** 3 * reps / (start.elapsed_time(end) / 1000) / 1e12)
    return best


def gpu_machine() -> dict:
    import torch

    if DRY_RUN:
        return {**cpu_bench.machine(), "gpu": "none (dry run on the CPU)", "gpu_memory_gb": 0, "cuda_runtime": None,
                "cudnn": None, "tf32_matmul": None}
    props = torch.cuda.get_device_properties(0)
    return {**cpu_bench.machine(), "gpu": torch.cuda.get_device_name(0),
            "gpu_memory_gb": round(props.total_memory / 2**30, 1), "cuda_runtime": torch.version.cuda,
            "cudnn": torch.backends.cudnn.version(), "tf32_matmul": torch.backends.cuda.matmul.allow_tf32}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", default="64,256,1024")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-app", action="store_true", help="skip the runs through the window (Qt)")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "gpu.json")
    parser.add_argument("--child", choices=tuple(CONTESTANTS), help=argparse.SUPPRESS)
    parser.add_argument("--configs", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child, [tuple(c) for c in json.loads(args.configs)], args.seed)))
        return 0
    why = no_gpu_message()
    if why:
        print(f"bench/gpu.py: no GPU to measure: {why}", file=sys.stderr)
        return NO_GPU_EXIT
    started = time.perf_counter()
    batches = [int(b) for b in args.batches.split(",") if b.strip()]
    configs = [(b, amp) for b in batches for amp in (False, True)]
    kinds = ["notes", "trainer"] + ([] if args.no_app else ["app"])
    results: dict = {"machine": gpu_machine(), "epochs": EPOCHS}
    m = results["machine"]
    print(f"GPU: {m['gpu']} ({m['gpu_memory_gb']} GB), CUDA {m['cuda_runtime']}, torch {m['torch']}; "
          f"CPU: {m['cpu']}, {m['cores']} cores", flush=True)
    results["matmul_tflops"] = {"float32": matmul_tflops("float32"), "float16": matmul_tflops("float16")}
    print(f"matmul {MATMUL_N}²: float32 {results['matmul_tflops']['float32']:.1f} TFLOP/s, "
          f"float16 {results['matmul_tflops']['float16']:.1f} TFLOP/s", flush=True)
    runs: dict[str, list[list[dict]]] = {k: [] for k in kinds}
    for r in range(args.rounds):
        for kind in kinds:
            runs[kind].append(child(kind, configs, r))
            print(f"  round {r + 1}, {kind}: " + ", ".join(
                f"b{x['batch']}{'+amp' if x['amp'] else ''} "
                + (f"{x['samples_per_second']:,.0f}/s" if "error" not in x else "error")
                for x in runs[kind][-1]), flush=True)
    rows = []
    for i, (batch, amp) in enumerate(configs):
        flops = cpu_bench.training_flops_per_sample(batch)
        limit = results["matmul_tflops"]["float16" if amp else "float32"] * 1e12
        row = {"batch": batch, "amp": amp, "training_flops_per_sample": flops}
        for kind in kinds:
            good = [rnd[i] for rnd in runs[kind] if "error" not in rnd[i]]
            if not good:
                row[kind] = {"error": runs[kind][-1][i]["error"]}
                continue
            rate = statistics.median(g["samples_per_second"] for g in good)
            row[kind] = {"samples_per_second": rate, "test_accuracy": statistics.mean(g["test_accuracy"] for g in good),
                         "gflops": rate * flops / 1e9, "fraction_of_matmul": rate * flops / limit,
                         "amp_applied": good[0].get("amp_applied", amp), "rounds": good}
        for kind in ("trainer", "app"):
            if kind in row and "samples_per_second" in row[kind] and "samples_per_second" in row["notes"]:
                row[f"{kind}_ratio"] = row[kind]["samples_per_second"] / row["notes"]["samples_per_second"]
        rows.append(row)
    results["configs"] = rows
    results["bench_seconds"] = time.perf_counter() - started

    print(f"\nGPU: {m['gpu']}, CUDA {m['cuda_runtime']}, torch {m['torch']}; the run took "
          f"{results['bench_seconds'] / 60:.1f} min; matmul float32 {results['matmul_tflops']['float32']:.1f}, "
          f"float16 {results['matmul_tflops']['float16']:.1f} TFLOP/s")
    print("| batch | AMP | notes loop samples/s | trainer samples/s (× notes) | app samples/s (× notes) "
          "| trainer GFLOP/s (share of matmul) | accuracy trainer / notes |")
    print("|---|---|---|---|---|---|---|")

    def rate(row, kind):
        if kind not in row:
            return "—"
        if "error" in row[kind]:
            return "error"
        ratio = f" ({row[f'{kind}_ratio']:.2f}×)" if f"{kind}_ratio" in row else ""
        return f"{row[kind]['samples_per_second']:,.0f}{ratio}"

    for row in rows:
        t, n = row.get("trainer", {}), row.get("notes", {})
        flops = (f"{t['gflops']:.0f} ({t['fraction_of_matmul']:.2%})" if "gflops" in t else "—")
        acc = (f"{t['test_accuracy']:.2%} / {n['test_accuracy']:.2%}" if "test_accuracy" in t and "test_accuracy" in n
               else "—")
        print(f"| {row['batch']} | {'yes' if row['amp'] else 'no'} | {rate(row, 'notes')} | {rate(row, 'trainer')} "
              f"| {rate(row, 'app')} | {flops} | {acc} |")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

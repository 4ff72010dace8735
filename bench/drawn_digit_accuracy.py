#!/usr/bin/env python3
"""How well the cnn preset reads hand-drawn digits, and what each preprocessing step is worth.

    python bench/drawn_digit_accuracy.py                       # trains cnn 2 epochs first (~25 s)
    python bench/drawn_digit_accuracy.py --weights cnn.npz --per-digit 200 --seeds 11 12 13

The drawings come from tests/drawn_digits.py (pen strokes drawn with QPainter under random
distortions). Each variant prepares the same drawings; the network and its weights are the same.

- before:       prepare_digit with both steps below switched off (a fixed ink threshold).
- noise_floor:  the ink threshold rises above the paper's own noise (5 σ of the border, robust
                estimate), so stray noise pixels no longer stretch the crop box and shrink the digit.
- thin_strokes: strokes thinner than ~2 px after scaling into the 20×20 box are thickened first
                (MNIST's strokes: median 2.3 px), instead of ending up as faint 1-px lines.
- both (today): prepare_digit as the app uses it.

Prints overall and per-digit accuracy, accuracy on thin pens and on noisy images, the top
confusions, MNIST test accuracy through each variant (which must not drop) and the time per image.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from playground.core.data import preprocessing as pp  # noqa: E402 — after the environment is set up above

TRAIN = textwrap.dedent("""
    import sys
    import numpy as np
    from playground.core.data.datasets import load_data
    from playground.core.model.presets import load_preset
    from playground.core.training.trainer import Trainer

    preset = load_preset("cnn")
    config = preset.training
    config.epochs = 2
    trainer = Trainer(preset.spec, config, load_data())
    print(trainer.run().test_accuracy, file=sys.stderr)
    np.savez(sys.argv[1], **trainer.state_snapshot())
""")
VARIANTS = {
    "before": lambda im: pp.prepare_digit(im, noise_aware=False, thicken=False),
    "noise_floor": lambda im: pp.prepare_digit(im, noise_aware=True, thicken=False),
    "thin_strokes": lambda im: pp.prepare_digit(im, noise_aware=False, thicken=True),
    "both (today)": pp.prepare_digit,
}


# --------------------------------------------------------------------------- measuring

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, help="cnn weights (.npz of a state snapshot); trained if missing")
    parser.add_argument("--per-digit", type=int, default=200)
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12, 13])
    args = parser.parse_args()

    import torch
    from drawn_digits import drawn_digits

    from playground.core.data.datasets import load_data
    from playground.core.model.builder import build_model
    from playground.core.model.inference import class_probabilities
    from playground.core.model.presets import load_preset

    weights = args.weights
    if weights is None or not weights.exists():
        weights = weights or Path(tempfile.mkdtemp()) / "cnn.npz"
        print(f"training cnn for 2 epochs → {weights} …", file=sys.stderr)
        subprocess.run([sys.executable, "-c", TRAIN, str(weights)], check=True, cwd=ROOT)
    model = build_model(load_preset("cnn").spec)
    with np.load(weights) as state:
        model.load_state_dict({k: torch.from_numpy(state[k]) for k in state.files})
    model.eval()

    drawings = [d for seed in args.seeds for d in drawn_digits(args.per_digit, seed)]
    labels = np.array([d.label for d in drawings])
    thin = np.array([d.pen_fraction < 0.05 for d in drawings])
    noisy = np.array([d.noise_sigma > 0 for d in drawings])
    test = load_data(train_limit=1).test
    print(f"{len(drawings)} drawings (seeds {args.seeds}); thin pens (< 5 % of the digit's height): "
          f"{thin.sum()}, noisy: {noisy.sum()}")
    for name, fn in VARIANTS.items():
        t0 = time.perf_counter()
        x = np.stack([fn(d.image) for d in drawings])
        ms = (time.perf_counter() - t0) / len(drawings) * 1000
        predicted = class_probabilities(model, x).argmax(1)
        ok = predicted == labels
        mnist = float((class_probabilities(model, np.stack([fn(im) for im in test.images])).argmax(1)
                       == test.labels).mean())
        confusion = np.zeros((10, 10), dtype=int)
        np.add.at(confusion, (labels, predicted), 1)
        top = sorted(((confusion[a, b], f"{a}→{b}") for a in range(10) for b in range(10) if a != b),
                     reverse=True)[:4]
        print(f"{name:13} {ok.mean():7.2%}   thin {ok[thin].mean():7.2%}   noisy {ok[noisy].mean():7.2%}   "
              f"MNIST test {mnist:7.2%}   {ms:5.2f} ms/image")
        print(f"{'':13} per digit " + " ".join(f"{d}:{ok[labels == d].mean():.1%}" for d in range(10))
              + "   confusions " + ", ".join(f"{k} {int(n)}" for n, k in top if n))


if __name__ == "__main__":
    main()

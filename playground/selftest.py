"""`nn-playground --selftest`: check that an install (or a frozen bundle) really works, offscreen.

It does what a first session does, without a display: reads the shipped MNIST, trains the
default preset for 50 steps with the core Trainer, predicts a test digit through the same path
the drawing canvas uses, saves and reopens a project, exports it to ONNX (checked by onnx.checker
and run by onnx's reference runtime), and renders the main window (with a short
run in it, so the worker thread and the live plots are exercised too) to a PNG. It prints one
line per check and returns 0, or names the check that failed and returns 1. The installer's CI
runs it on the frozen bundle, where a module or a Qt plugin left out of the bundle shows up here
rather than on a user's desk.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from playground import APP_NAME, __version__

TRAIN_STEPS = 50
BATCH_SIZE = 64
TEST_IMAGES = 1000
TEST_DIGIT = 0  # the first MNIST test digit (a 7)
# Above chance (10 %) by a wide margin: 50 Adam steps of SimpleNN reach about 80 % here.
MIN_TEST_ACCURACY = 0.5
PRESET = "seed-mlp"


class SelftestFailure(Exception):
    """A check ran but its result is wrong; the message says what was expected."""


@dataclass
class _Context:
    out: TextIO
    screenshot: Path | None
    facts: dict[str, Any] = field(default_factory=dict)


def run_selftest(screenshot: str | os.PathLike[str] | None = None, out: TextIO | None = None) -> int:
    """Run every check; print a short report to `out` (stdout); return the exit status (0 = passed).

    `screenshot` keeps the window picture at that path (a temporary file otherwise).
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
    ctx = _Context(out or sys.stdout, Path(screenshot) if screenshot else None)
    frozen = bool(getattr(sys, "frozen", False))
    _say(ctx, f"{APP_NAME} {__version__} self-test ({'frozen bundle' if frozen else 'Python install'}: "
              f"{sys.executable})")
    started = time.perf_counter()
    checks: list[tuple[str, Callable[[_Context], str]]] = [
        ("libraries", _check_libraries),
        ("resources", _check_resources),
        ("data", _check_data),
        ("training", _check_training),
        ("prediction", _check_prediction),
        ("project", _check_project),
        ("onnx", _check_onnx),
        ("window", _check_window),
        ("languages", _check_languages),
        ("glyphs", _check_glyphs),
    ]
    for name, check in checks:
        t0 = time.perf_counter()
        try:
            detail = check(ctx)
        except SelftestFailure as exc:
            return _failed(ctx, name, str(exc), None)
        except BaseException as exc:  # noqa: BLE001 — a self-test reports whatever broke
            if isinstance(exc, KeyboardInterrupt):
                _say(ctx, "self-test interrupted.")
                return 130
            return _failed(ctx, name, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        _say(ctx, f"  ok  {name:<11} {detail} ({time.perf_counter() - t0:.1f} s)")
    _say(ctx, f"self-test passed in {time.perf_counter() - started:.1f} s")
    return 0


def _say(ctx: _Context, line: str) -> None:
    print(line, file=ctx.out, flush=True)


def _failed(ctx: _Context, name: str, message: str, trace: str | None) -> int:
    _say(ctx, f"  FAILED {name}: {' '.join(message.split())}")
    if trace:  # in a bundle, the traceback names the module or file that was left out
        print(trace, file=sys.stderr, flush=True)
    _say(ctx, "self-test failed.")
    return 1


# --------------------------------------------------------------------------- the checks

def _check_libraries(ctx: _Context) -> str:
    import numpy
    import pyqtgraph
    import PySide6
    import torch

    x = torch.arange(6.0).reshape(2, 3)
    if float((x @ x.T).sum()) != 83.0:  # [[5, 14], [14, 50]]
        raise SelftestFailure("torch computed a wrong matrix product")
    return (f"Python {sys.version.split()[0]}, torch {torch.__version__} "
            f"({torch.get_num_threads()} threads), numpy {numpy.__version__}, "
            f"PySide6 {PySide6.__version__}, pyqtgraph {pyqtgraph.__version__}")


def _check_resources(ctx: _Context) -> str:
    from playground.core.files.resources import mnist_dir, resources_dir
    from playground.core.model.presets import load_preset, preset_names

    root = resources_dir()
    if not root.is_dir():
        raise SelftestFailure(f"the resources folder {root} is missing")
    names = preset_names()
    if PRESET not in names:
        raise SelftestFailure(f"the preset '{PRESET}' is missing from {root / 'presets'} (found: {names})")
    for name in names:
        load_preset(name)  # every shipped preset parses
    if not mnist_dir().is_dir():
        raise SelftestFailure(f"the MNIST folder {mnist_dir()} is missing")
    return f"{root}: {len(names)} presets"


def _check_data(ctx: _Context) -> str:
    from playground.core.data.datasets import load_data

    data = load_data(train_limit=TRAIN_STEPS * BATCH_SIZE, test_limit=TEST_IMAGES)
    if data.train.image_shape != (1, 28, 28) or data.train.num_classes != 10:
        raise SelftestFailure(f"MNIST has images of {data.train.image_shape} and "
                              f"{data.train.num_classes} classes; expected (1, 28, 28) and 10")
    ctx.facts["data"] = data
    return f"MNIST: {len(data.train):,} training and {len(data.test):,} test images"


def _check_training(ctx: _Context) -> str:
    import math

    from playground.core.model.presets import load_preset
    from playground.core.training.trainer import Trainer

    preset = load_preset(PRESET)
    config = preset.training.replace(epochs=1, batch_size=BATCH_SIZE, device="cpu", seed=0)
    trainer = Trainer(preset.spec, config, ctx.facts["data"])
    if trainer.steps_per_epoch != TRAIN_STEPS:
        raise SelftestFailure(f"expected {TRAIN_STEPS} steps per epoch, the trainer plans {trainer.steps_per_epoch}")
    summary = trainer.run()
    losses = trainer.history.step_losses
    if summary.reason != "completed" or summary.steps != TRAIN_STEPS:
        raise SelftestFailure(f"training ended '{summary.reason}' after {summary.steps} of {TRAIN_STEPS} steps"
                              + (f": {summary.message}" if summary.message else ""))
    if not all(math.isfinite(v) for v in losses):
        raise SelftestFailure("the training loss was not a finite number")
    first, last = sum(losses[:5]) / 5, sum(losses[-5:]) / 5
    if not last < first:
        raise SelftestFailure(f"the loss did not fall ({first:.3f} over the first 5 steps, {last:.3f} over the last 5)")
    accuracy = summary.test_accuracy or 0.0
    if accuracy < MIN_TEST_ACCURACY:
        raise SelftestFailure(f"test accuracy {accuracy:.1%} after {TRAIN_STEPS} steps; expected at least "
                              f"{MIN_TEST_ACCURACY:.0%}")
    ctx.facts["trainer"] = trainer
    return (f"{PRESET}, {TRAIN_STEPS} steps of {BATCH_SIZE}: loss {first:.2f} → {last:.2f}, "
            f"test accuracy {accuracy:.1%} on {len(ctx.facts['data'].test):,} digits, "
            f"{summary.samples_per_second:,.0f} samples/s")


def _check_prediction(ctx: _Context) -> str:
    from playground.core.model.inference import predict_images

    trainer = ctx.facts["trainer"]
    test = ctx.facts["data"].test
    image, label = test.images[TEST_DIGIT], int(test.labels[TEST_DIGIT])
    config = trainer.config
    # The canvas's path: crop to the ink, scale into 20×20, centre by mass, then the network.
    [result] = predict_images(trainer.model, [image], config.normalize_mean, config.normalize_std, trainer.lock)
    total = float(result.probabilities.sum())
    if result.probabilities.shape != (10,) or abs(total - 1.0) > 1e-3:
        raise SelftestFailure(f"the probabilities do not form a distribution over 10 digits (sum {total:.4f})")
    if result.prediction != label:
        raise SelftestFailure(f"test digit #{TEST_DIGIT} is a {label} but was read as {result.prediction} "
                              f"(p={result.probabilities[result.prediction]:.2f})")
    return f"test digit #{TEST_DIGIT} (a {label}) read as {result.prediction}, p={result.probabilities[label]:.2f}"


def _check_project(ctx: _Context) -> str:
    import numpy as np

    from playground.core.files.project_file import load_model_from_project, load_project, save_project
    from playground.core.model.inference import class_probabilities

    trainer = ctx.facts["trainer"]
    images = ctx.facts["data"].test.images[:100] / 255.0
    with tempfile.TemporaryDirectory(prefix="nn-playground-selftest-") as folder:
        path = Path(folder) / "selftest.nnp"
        save_project(path, trainer.to_project())  # torch.save, written atomically
        size = path.stat().st_size
        model = load_model_from_project(load_project(path))  # torch.load(weights_only=True)
    before = class_probabilities(trainer.model, images, lock=trainer.lock)
    after = class_probabilities(model, images)
    if not np.allclose(before, after, atol=1e-6):
        raise SelftestFailure("the project read back predicts differently from the one saved")
    return f"saved and reopened a .nnp project ({size:,} bytes): same predictions on 100 digits"


def _check_onnx(ctx: _Context) -> str:
    """The trained network as an ONNX file (in memory): onnx.checker passes, and onnx's reference runtime reads
    raw test digits in [0, 1] as the app does (the normalisation is inside the file)."""
    import numpy as np
    from onnx.reference import ReferenceEvaluator

    from playground.core.model.inference import class_probabilities
    from playground.core.model.onnx_export import ONNX_OPSET, input_scaling, onnx_bytes

    trainer = ctx.facts["trainer"]
    project = trainer.to_project()
    data = onnx_bytes(project.spec, project.training, project.state_dict,
                      input_scaling(project.spec, project.training), "MNIST")  # runs onnx.checker
    images = (ctx.facts["data"].test.images[:100] / 255.0).astype(np.float32)
    _logits, probabilities = map(np.asarray, ReferenceEvaluator(data).run(None, {"image": images[:, None]}))
    expected = class_probabilities(trainer.model, images, trainer.config.normalize_mean,
                                   trainer.config.normalize_std, trainer.lock)
    if not np.allclose(probabilities, expected, atol=1e-4):
        raise SelftestFailure(f"the ONNX file's probabilities differ from PyTorch's by up to "
                              f"{float(np.abs(probabilities - expected).max()):.2g}")
    if not np.array_equal(probabilities.argmax(1), expected.argmax(1)):
        raise SelftestFailure("the ONNX file reads some test digits as other digits than PyTorch does")
    return (f"{PRESET} as ONNX (opset {ONNX_OPSET}, {len(data):,} bytes): onnx.checker passed, the same "
            f"predictions on 100 digits in onnx's reference runtime")


def _check_window(ctx: _Context) -> str:
    from PySide6.QtGui import QGuiApplication, QImage

    from playground.ui.shell.app import render_screenshot

    with tempfile.TemporaryDirectory(prefix="nn-playground-selftest-") as folder:
        path = ctx.screenshot or Path(folder) / "window.png"
        # A short run in the window too: the worker thread, its signals and the live plots.
        steps_per_epoch = -(-60_000 // BATCH_SIZE)  # the window trains on all of MNIST's 60,000
        render_screenshot(path, preset=PRESET, device="cpu", train_epochs=TRAIN_STEPS / steps_per_epoch)
        image = QImage(str(path))
        if image.isNull():
            raise SelftestFailure(f"the screenshot {path} could not be read back as an image")
        width, height = image.width(), image.height()
        if width < 400 or height < 300:
            raise SelftestFailure(f"the screenshot is only {width}×{height} pixels")
        colours = {image.pixel(x, y) for x in range(0, width, 7) for y in range(0, height, 7)}
        if len(colours) < 16:
            raise SelftestFailure(f"the screenshot is nearly blank ({len(colours)} colours)")
        where = str(path) if ctx.screenshot else "a temporary file"
        platform = QGuiApplication.platformName()
        return f"main window rendered on Qt's {platform} platform ({width}×{height}, {len(colours)} colours) to {where}"


def _check_languages(ctx: _Context) -> str:
    """The Chinese catalogue loads (the shipped .qm) and Qt's own strings come with it."""
    from PySide6.QtCore import QCoreApplication

    from playground.core.i18n import tr
    from playground.ui.shell.app import make_application
    from playground.ui.shell.i18n import apply_language, catalogue_sources, last_error, qm_file

    app = make_application()
    sample = "SimpleNN 784-128-64-10 (course notes)"  # a preset's title
    try:
        if not apply_language(app, "zh_CN"):
            raise SelftestFailure(f"简体中文 could not be loaded: {last_error()}")
        chinese = tr(sample)
        qt_own = QCoreApplication.translate("QPlatformTheme", "Cancel")
        if chinese == sample:
            raise SelftestFailure(f"{qm_file('zh_CN')} loaded but does not translate {sample!r}")
    finally:
        apply_language(app, "en")
    return (f"简体中文: {len(catalogue_sources()):,} texts from {qm_file('zh_CN').name} "
            f"({sample!r} -> {chinese!r}; Qt's own: Cancel -> {qt_own!r})")


def _check_glyphs(ctx: _Context) -> str:
    """Chinese is drawn with real glyphs, not empty boxes: the system's Chinese font or the shipped one
    (resources/fonts, loaded where the system has none) covers every Chinese character the window shows."""
    from playground.core.i18n import tr
    from playground.ui.shell.app import make_application
    from playground.ui.shell.cjk_font import CJK_CHARACTER, SAMPLE, ensure_cjk_font, missing_glyphs, shipped_font_path
    from playground.ui.shell.i18n import apply_language, catalogue_sources, last_error

    app = make_application()
    try:
        if not apply_language(app, "zh_CN"):
            raise SelftestFailure(f"简体中文 could not be loaded: {last_error()}")
        chinese = "".join(dict.fromkeys(CJK_CHARACTER.findall(SAMPLE + "".join(map(tr, catalogue_sources())))))
        missing = missing_glyphs(chinese, app.font())
    finally:
        apply_language(app, "en")
    shipped = ensure_cjk_font()
    if missing:
        if shipped:
            where = f"the shipped {shipped} lacks them"
        elif not shipped_font_path().is_file():
            where = f"no font of the system's has them and the shipped {shipped_font_path()} is missing"
        else:
            where = "no font has them"
        raise SelftestFailure(f"{len(missing)} of {len(chinese)} Chinese characters would show as empty boxes "
                              f"({missing[:12]}{'…' if len(missing) > 12 else ''}): {where}")
    return (f"{SAMPLE} and the {len(chinese):,} distinct Chinese characters of the window have glyphs "
            f"({f'the shipped {shipped}' if shipped else 'the system’s fonts'})")


def main(argv: list[str] | None = None) -> int:
    """`python -m playground.selftest [SCREENSHOT.png]`."""
    args = sys.argv[1:] if argv is None else argv
    return run_selftest(args[0] if args else None)


if __name__ == "__main__":
    raise SystemExit(main())

"""`nn-playground` on the command line: the GUI (default), train, predict, export, screenshot, presets.

Heavy modules (torch, Qt widgets) are imported inside the command handlers, so `--help` is
instant and `nn-playground train` never loads a widget. Errors a user can cause end as one line
on stderr: bad arguments exit 2 with the usage (argparse), unusable files or settings exit 1.
Anything else is a bug: one line names it and the report file (traceback, version, argv), exit 1.
JSON output is strict JSON (NaN and infinities become null).
"""

from __future__ import annotations

import argparse
import json
import math
import numbers
import os
import re
import shutil
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from playground import APP_NAME, __version__
from playground.core.training.allocator import tune_allocator

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits
    from playground.core.files.project_file import Project
    from playground.core.files.weights_io import LoadedWeights
    from playground.core.model.shape_inference import ShapeReport
    from playground.core.model.spec import ModelSpec
    from playground.core.training.events import EpochFinished, RunSummary, StepDone, TrainingEvent
    from playground.core.training.trainer import Trainer
    from playground.core.training.training_config import TrainingConfig

# Ctrl+C: the shell convention for "ended by SIGINT".
EXIT_INTERRUPTED = 130
CRASH_DIR_ENV = "NN_PLAYGROUND_CRASH_DIR"  # where reports of unexpected errors go (tests: a temp folder)
PROGRESS_INTERVAL_S = 0.2  # the progress bar redraws at most 5 times a second on a terminal
PROGRESS_INTERVAL_LOG_S = 2.0  # and every 2 s when stderr is a file or a pipe (logs stay small)
BAR_WIDTH = 20


class CliError(Exception):
    """A problem a user can fix (a missing file, a damaged project); printed as one line, exit 1."""


def _user_errors() -> tuple[type[BaseException], ...]:
    """The exception types whose messages are written for users (imported lazily: some pull in torch)."""
    from playground.core.data.datasets import DatasetError
    from playground.core.model.spec import SpecError
    from playground.core.training.training_config import ConfigError

    kinds: list[type[BaseException]] = [CliError, SpecError, ConfigError, DatasetError, OSError]
    if "playground.core.files.project_file" in sys.modules:
        kinds.append(sys.modules["playground.core.files.project_file"].ProjectError)
    if "playground.core.training.trainer" in sys.modules:
        kinds.append(sys.modules["playground.core.training.trainer"].TrainingSetupError)
    if "playground.ui.widgets.image_io" in sys.modules:
        kinds.append(sys.modules["playground.ui.widgets.image_io"].ImageReadError)
    screenshot_error = getattr(sys.modules.get("playground.ui.shell.app"), "ScreenshotError", None)
    if isinstance(screenshot_error, type) and issubclass(screenshot_error, BaseException):
        kinds.append(screenshot_error)
    return tuple(kinds)


# --------------------------------------------------------------------------- argument types
# Each raises ArgumentTypeError, so argparse prints the usage and exits with status 2.

def _int_at_least(lowest: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a whole number, not {text!r}") from None
        if value < lowest:
            raise argparse.ArgumentTypeError(f"{what} must be {lowest} or more, not {value}")
        return value
    parse.__name__ = what  # argparse names the type in some messages
    return parse


def _float_in(what: str, low: float, high: float, low_open: bool = False) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be a number, not {text!r}") from None
        too_low = value <= low if low_open else value < low
        if not math.isfinite(value) or too_low or value > high:
            bound = f"above {low:g} and at most {high:g}" if low_open else f"from {low:g} to {high:g}"
            raise argparse.ArgumentTypeError(f"{what} must be a number {bound}, not {text}")
        return value
    parse.__name__ = what
    return parse


def _sweep_axis(text: str) -> Any:
    from playground.core.training.sweeps import SweepError, parse_axis

    try:
        return parse_axis(text)
    except SweepError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _preset_name(text: str) -> str:
    from playground.core.model.presets import preset_names

    names = preset_names()
    if text not in names:
        raise argparse.ArgumentTypeError(f"no preset named {text!r} (choose from: {', '.join(names)})")
    return text


# --------------------------------------------------------------------------- the parser

def build_parser() -> argparse.ArgumentParser:
    from playground.core.model.tasks import LOSSES
    from playground.core.training.training_config import DEVICES, OPTIMIZERS, REGULARIZATIONS, SCHEDULES

    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="A neural-network playground: stack layers, draw digits, watch a PyTorch model learn. "
                    "Without a command, opens the window.",
        epilog="Run 'nn-playground COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="check this install offscreen (read MNIST, train 50 steps, predict a digit, "
                             "render the window), print a report and exit: 0 when everything works")
    parser.add_argument("--selftest-screenshot", type=Path, metavar="FILE.png",
                        help="with --selftest: keep the rendered window here")
    # The GUI's options also work without the 'gui' command; separate names keep a
    # subcommand's own defaults from overwriting them.
    _add_gui_options(parser, DEVICES, prefix="top_")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    gui = commands.add_parser("gui", help="open the window (the default)",
                              description="Open the playground window.")
    _add_gui_options(gui, DEVICES)

    train = commands.add_parser(
        "train", help="train a preset or a spec file on MNIST, in the terminal",
        description="Train a network without the window: progress on stderr, results on stdout.",
        epilog="Example: nn-playground train --preset cnn --epochs 2 --save cnn.nnp",
    )
    which = train.add_mutually_exclusive_group()
    which.add_argument("--preset", type=_preset_name, metavar="NAME",
                       help="a shipped design (see 'nn-playground presets'; default seed-mlp)")
    which.add_argument("--spec", type=Path, metavar="FILE.json",
                       help="a model spec (JSON) written by hand or exported from the app")
    train.add_argument("--epochs", type=_int_at_least(1, "epochs"), metavar="N",
                       help="how many passes over the training set (default: the preset's)")
    train.add_argument("--batch-size", type=_int_at_least(1, "batch size"), metavar="N",
                       help="images per gradient step (default: the preset's, usually 64)")
    train.add_argument("--lr", "--learning-rate", dest="lr", metavar="X",
                       type=_float_in("learning rate", 0.0, 10.0, low_open=True),
                       help="learning rate, e.g. 0.001 (default: the preset's)")
    train.add_argument("--optimizer", choices=list(OPTIMIZERS), metavar="NAME",
                       help=f"one of: {', '.join(OPTIMIZERS)} (default: the preset's)")
    train.add_argument("--device", choices=list(DEVICES), help="auto (default): CUDA when present")
    train.add_argument("--seed", type=_int_at_least(0, "seed"), metavar="N",
                       help="controls initialisation and data order (default: the preset's, 0)")
    train.add_argument("--data", type=Path, metavar="DIR",
                       help="a folder with the four MNIST-format files (default: the shipped MNIST)")
    train.add_argument("--train-limit", type=_int_at_least(1, "train limit"), metavar="N",
                       help="use only the first N training images (quick tries)")
    train.add_argument("--test-limit", type=_int_at_least(1, "test limit"), metavar="N",
                       help="evaluate on the first N test images only")
    train.add_argument("--validation-fraction", type=_float_in("validation fraction", 0.0, 0.9), metavar="F",
                       help="hold out this fraction of the training images for validation (e.g. 0.1)")
    train.add_argument("--task", choices=["multiclass", "multilabel"],
                       help="multiclass: which digit (default); multilabel: four yes/no attributes per digit "
                            "(even, ≥ 5, prime, closed loop) — the network must end with Linear(4) + Sigmoid")
    train.add_argument("--loss", choices=list(LOSSES), metavar="NAME",
                       help=f"one of: {', '.join(LOSSES)} (default auto: the task's usual loss)")
    train.add_argument("--regularization", choices=list(REGULARIZATIONS), help="a penalty on the weights: none, l1, l2")
    train.add_argument("--regularization-rate", type=_float_in("regularization rate", 0.0, 10.0), metavar="X",
                       help="how strong the L1/L2 penalty is, e.g. 0.0001")
    train.add_argument("--lr-schedule", choices=list(SCHEDULES),
                       help="learning rate over the run: constant (default), step, cosine, one_cycle")
    train.add_argument("--amp", action="store_true", help="mixed precision (float16) on CUDA")
    train.add_argument("--save", type=Path, metavar="PATH",
                       help="write the trained project (.nnp) here; a run stopped by Ctrl+C or diverged never "
                            "replaces an existing file: it goes beside it, as NAME.partial.nnp")
    train.add_argument("--overwrite-partial", action="store_true",
                       help="with --save: replace the file even when the run stopped early or diverged")
    train.add_argument("--csv", type=Path, metavar="FILE.csv",
                       help="write one row per epoch here (epoch, loss, accuracy, test_loss, test_accuracy, …, "
                            "learning_rate, seconds) and one per step beside it (FILE.steps.csv), as the run goes")
    train.add_argument("--init-from", type=Path, metavar="FILE",
                       help="start from these weights instead of random ones: a .safetensors file (see 'export "
                            "--format safetensors') or a state_dict .pt of the same design; a tensor whose name or "
                            "shape does not match is named and the command exits with status 2")
    train.add_argument("--tensorboard", type=Path, metavar="DIR",
                       help="write TensorBoard logs into this folder as the run goes (losses, learning rate, scores, "
                            "weight and gradient histograms, filters, the graph, the settings as hparams); "
                            "view them with: tensorboard --logdir DIR")
    train.add_argument("--json", action="store_true", help="print the results as one JSON object on stdout")
    train.add_argument("-q", "--quiet", action="store_true", help="no progress bar or epoch lines")

    sweep = commands.add_parser(
        "sweep", help="train one design with several settings, one run after another",
        description="A grid over up to three settings (or --random N draws from it), one run after another: "
                    "one line per run on stdout, then the best run by test score. Ctrl+C stops after the "
                    "current run (twice: stops the current run now) and still prints the summary.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Settings (--set NAME=V1,V2,…):\n"
               "  lr=1e-3,3e-3          the learning rate\n"
               "  batch_size=64,256     images per gradient step\n"
               "  optimizer=sgd,adam    one of: " + ", ".join(OPTIMIZERS) + "\n"
               "  weight_decay=0,1e-4   the optimizer's weight decay\n"
               "  dropout=0.2,0.5       p of every Dropout layer\n"
               "  units.LAYER=64,128    a hidden layer's width, by its name (fc1: Linear out_features;\n"
               "                        conv1: Conv2d out_channels); see the names in the app's layer list\n\n"
               "Example: nn-playground sweep --preset seed-mlp --set lr=1e-3,3e-3,1e-2 --set batch_size=64,256 "
               "--epochs 1",
    )
    which = sweep.add_mutually_exclusive_group()
    which.add_argument("--preset", type=_preset_name, metavar="NAME", help="a shipped design (default seed-mlp)")
    which.add_argument("--spec", type=Path, metavar="FILE.json", help="a model spec (JSON)")
    sweep.add_argument("--set", dest="axes", type=_sweep_axis, action="append", required=True, metavar="NAME=V1,V2",
                       help="a setting and its values (up to three --set; see below)")
    sweep.add_argument("--random", type=_int_at_least(1, "random"), metavar="N",
                       help="train N different combinations drawn from the grid instead of all of them")
    sweep.add_argument("--epochs", type=_int_at_least(1, "epochs"), metavar="N",
                       help="epochs per run (default: the preset's)")
    sweep.add_argument("--seed", type=_int_at_least(0, "seed"), metavar="N",
                       help="the same seed for every run (initialisation, data order) and for --random's draws")
    sweep.add_argument("--device", choices=list(DEVICES), help="auto (default): CUDA when present")
    sweep.add_argument("--data", type=Path, metavar="DIR", help="an MNIST-format folder (default: the shipped MNIST)")
    sweep.add_argument("--train-limit", type=_int_at_least(1, "train limit"), metavar="N",
                       help="use only the first N training images")
    sweep.add_argument("--test-limit", type=_int_at_least(1, "test limit"), metavar="N",
                       help="evaluate on the first N test images only")
    sweep.add_argument("--csv", type=Path, metavar="FILE.csv", help="write one row per run here (settings and scores)")
    sweep.add_argument("--tensorboard", type=Path, metavar="DIR",
                       help="write TensorBoard logs here, a folder per run (DIR/run-01_lr=0.001_…), each with its "
                            "settings and scores for the HParams dashboard: tensorboard --logdir DIR")
    sweep.add_argument("--json", action="store_true",
                       help="one JSON object per run on stdout, then one with \"summary\": true")
    sweep.add_argument("-q", "--quiet", action="store_true", help="no progress bar on stderr")

    predict = commands.add_parser(
        "predict", help="classify digit images with a saved project",
        description="Classify digit images (PNG, JPEG, BMP, PGM or .npy; any size, either polarity) "
                    "with a trained project, preprocessed exactly as the drawing canvas does.",
        epilog="Example: nn-playground predict --load cnn.nnp digit.png",
    )
    predict.add_argument("--load", type=Path, required=True, metavar="PATH", help="a project file (.nnp)")
    predict.add_argument("--json", action="store_true", help="one JSON object per image on stdout")
    predict.add_argument("images", type=Path, nargs="+", metavar="IMAGE")

    shot = commands.add_parser(
        "screenshot", help="render the window offscreen to a PNG",
        description="Render the main window offscreen (no display needed) and save it as an image.",
    )
    shot.add_argument("-o", "--output", type=Path, metavar="FILE.png", help="where to write the PNG (required)")
    _add_gui_options(shot, DEVICES, preset_default="seed-mlp")
    shot.add_argument("--train-epochs", type=_float_in("train epochs", 0.0, 100.0), default=0.0, metavar="F",
                      help="train this many epochs first (fractions allowed) so the plots have data")
    shot.add_argument("--workspace", metavar="NAME",
                      help="the workspace to show (see --list-workspaces; default: the first, train)")
    shot.add_argument("--list-workspaces", action="store_true", help="print the workspaces' names, one a line")
    shot.add_argument("--tab", metavar="NAME", help="a view inside a workspace, by its title (e.g. Diagram)")
    shot.add_argument("--size", type=_window_size, default=(1400, 900), metavar="WxH",
                      help="the window's size in pixels (default 1400x900)")
    shot.add_argument("--lr", "--learning-rate", dest="lr", metavar="X",
                      type=_float_in("learning rate", 0.0, 10.0, low_open=True), help="learning rate for the run")
    shot.add_argument("--optimizer", choices=list(OPTIMIZERS), metavar="NAME", help="optimizer for the run")
    shot.add_argument("--language", choices=("en", "zh_CN"), default="en",
                      help="the window's language (default en; zh_CN: 简体中文)")

    export = commands.add_parser(
        "export", help="write a design as a PyTorch training script, an ONNX model or safetensors weights",
        description="Write the design and its training settings as one PyTorch script (torch and numpy only) "
                    "that trains it, also under torchrun with DistributedDataParallel; or, with --format, the "
                    "network as an ONNX model (its preprocessing inside) or its weights as safetensors.",
        epilog="Examples: nn-playground export --preset cnn -o cnn.py && python cnn.py --data DIR;  "
               "nn-playground export --load cnn.nnp --format onnx -o cnn.onnx",
    )
    source = export.add_mutually_exclusive_group(required=True)
    source.add_argument("--preset", type=_preset_name, metavar="NAME", help="a shipped design")
    source.add_argument("--load", type=Path, metavar="PATH", help="a project file (.nnp); its weights go to --weights")
    source.add_argument("--spec", type=Path, metavar="FILE.json", help="a model spec (JSON)")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                        help="where to write it: script.py, model.onnx or model.safetensors")
    export.add_argument("--format", choices=("script", "onnx", "safetensors"), default="script",
                        help="script: a PyTorch training script (the default); onnx: the network for ONNX Runtime, "
                             "Netron and other tools, input in [0, 1] (images) or raw features, the normalisation "
                             "inside, outputs logits and probabilities; safetensors: the weights with the design "
                             "and task as metadata")
    export.add_argument("--weights", type=Path, metavar="PATH",
                        help="with --load: where to write the trained weights as a plain state_dict "
                             "(default: next to the script, NAME.pt)")

    presets = commands.add_parser("presets", help="list the shipped designs",
                                  description="List the shipped designs with their parameter counts.")
    # Handlers report argument errors with their own command's usage.
    parser.set_defaults(command_parser=parser)
    for sub in (gui, train, sweep, predict, shot, export, presets):
        sub.set_defaults(command_parser=sub)
    return parser


def _add_gui_options(parser: argparse.ArgumentParser, devices: Sequence[str], prefix: str = "",
                     preset_default: str = "the one used last time, seed-mlp at first") -> None:
    parser.add_argument("--preset", dest=f"{prefix}preset", type=_preset_name, metavar="NAME",
                        help=f"the design to open (default: {preset_default})")
    parser.add_argument("--data", dest=f"{prefix}data", type=Path, metavar="DIR",
                        help="an MNIST-format folder (default: the shipped MNIST)")
    parser.add_argument("--device", dest=f"{prefix}device", choices=list(devices),
                        help="where to train: auto (default), cpu or cuda")


# --------------------------------------------------------------------------- entry point

def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    command = "gui"
    try:
        tune_allocator()  # before torch allocates anything: large buffers go back to the system when freed
        parser = build_parser()
        args = parser.parse_args(argv)
        command = args.command or command
        _merge_top_level_options(parser, args)
        if args.selftest:
            from playground.selftest import run_selftest

            command = "--selftest"
            return run_selftest(args.selftest_screenshot)
        handlers = {
            None: _cmd_gui, "gui": _cmd_gui, "train": _cmd_train, "sweep": _cmd_sweep, "predict": _cmd_predict,
            "screenshot": _cmd_screenshot, "presets": _cmd_presets, "export": _cmd_export,
        }
        return handlers[args.command](args, args.command_parser)
    except KeyboardInterrupt:
        _error("interrupted.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # e.g. `nn-playground predict ... | head -1`
        _silence_stdout()
        return 1
    except Exception as exc:  # noqa: BLE001 — user-facing kinds are one line; anything else gets a report
        if isinstance(exc, _user_errors()):
            _error(_one_line(exc))
            return 1
        return _report_crash(exc, command, sys.argv[1:] if argv is None else list(argv))


# --------------------------------------------------------------------------- unexpected errors

def crash_folder() -> Path:
    """Where reports of unexpected errors go: $NN_PLAYGROUND_CRASH_DIR (tests point it at a temp folder),
    else the platform's per-user cache folder."""
    override = os.environ.get(CRASH_DIR_ENV)
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or home / ".cache")
    return base / APP_NAME


def _report_crash(exc: BaseException, command: str, argv: list[str]) -> int:
    """One line naming what failed and a report file with everything a bug report needs; exit 1."""
    import platform
    import tempfile
    import traceback

    torch = sys.modules.get("torch")
    report = "\n".join([
        f"{APP_NAME} {__version__} — unexpected error in '{command}'",
        f"time: {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"argv: {argv!r}",
        f"python: {sys.version.split()[0]} ({sys.executable})",
        f"platform: {platform.platform()}",
        f"torch: {getattr(torch, '__version__', 'not loaded')}",
        "",
        "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
    ])
    name = f"crash-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}.txt"
    written = None
    for folder in (crash_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with open(folder / name, "x", encoding="utf-8", errors="backslashreplace") as handle:
                handle.write(report)
            written = folder / name
            break
        except OSError:
            continue
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(what) > 200:
        what = what[:199] + "…"
    where = (f"a full report was written to {written}" if written is not None
             else "no report could be written (neither the cache folder nor the temp folder is writable)")
    _error(f"unexpected error in '{command}' ({what}); {where}")
    return 1


def _merge_top_level_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """`nn-playground --preset cnn` (no command) and `nn-playground --preset cnn gui` mean the same."""
    given = {name: getattr(args, f"top_{name}") for name in ("preset", "data", "device")}
    given = {k: v for k, v in given.items() if v is not None}
    if args.command in ("train", "sweep") and args.spec is not None and "preset" in given:
        parser.error("--preset and --spec cannot be used together")
    if args.command in (None, "gui", "screenshot", "train", "sweep"):
        for name, value in given.items():
            if getattr(args, name, None) is None:
                setattr(args, name, value)
    elif given:
        parser.error(f"--{', --'.join(given)} cannot be used with '{args.command}'")
    for name in ("preset", "data", "device"):
        if not hasattr(args, name):
            setattr(args, name, None)


def _tolerant_streams() -> None:
    """Never crash on a character the terminal's encoding lacks (× in shapes, — in messages)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _error(message: str) -> None:
    print(f"{APP_NAME}: error: {_shown(message)}", file=sys.stderr, flush=True)


def _shown(text: str | Path) -> str:
    """A file name as the terminal can show it: bytes that are not UTF-8 (surrogate-escaped in argv,
    b'\\xff' arrives as '\\udcff') are written as \\xff instead of failing to encode."""
    text = str(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte gave: show its code
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def _note(message: str) -> None:
    print(_shown(message), file=sys.stderr, flush=True)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        return f"{exc.filename}: {exc.strerror}."
    text = str(exc)
    if exc.__class__.__module__.startswith("playground.ui"):
        text = re.sub(r"</?(b|i|br|p|a)\b[^>]*>", " ", text)  # the window shows these messages as rich text
    return " ".join(text.split()) or exc.__class__.__name__


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


# --------------------------------------------------------------------------- gui / screenshot

def _cmd_gui(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not _has_display():
        raise CliError(
            "no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open. "
            "Run it on a desktop, or use 'nn-playground train' or 'nn-playground screenshot' here."
        )
    from playground.ui.shell.app import run_gui

    # Only what was given: without --preset the window opens the design used last time.
    return int(run_gui(**_given(preset=args.preset, data_dir=args.data, device=args.device)) or 0)


def _given(**options: Any) -> dict[str, Any]:
    return {name: value for name, value in options.items() if value is not None}


def _window_size(text: str) -> tuple[int, int]:
    """'1366x768' → (1366, 768); a size a window can have on a screen."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(part) for part in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1366x768") from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"{width}x{height} is not a window size (320x240 to 7680x4320)")
    return width, height


def _workspaces() -> list[tuple[str, str]]:
    """The window's workspaces: (name, English title)."""
    from playground.ui.shell.window_layout import WORKSPACES

    return [(name, title) for name, title, *_ in WORKSPACES]


def _cmd_screenshot(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.list_workspaces:
        for name, _ in _workspaces():
            print(name)
        return 0
    if args.output is None:
        parser.error("the following arguments are required: -o/--output")
    if args.workspace is not None:  # a usage error, before a window is built: by its name or its title
        spaces = _workspaces()
        if args.workspace.strip().lower() not in {n for n, _ in spaces} | {t.lower() for _, t in spaces}:
            parser.error(f"argument --workspace: no workspace named '{args.workspace}' "
                         f"(workspaces: {', '.join(n for n, _ in spaces)})")
    output: Path = args.output
    _check_target(output, "-o/--output", parser, "window.png")
    if output.suffix.lower() != ".png":
        parser.error(f"argument -o/--output: the screenshot is a PNG image; name it like {output.stem or 'window'}.png")
    if args.data is not None:  # a clear message now rather than one from inside the window
        from playground.core.data.datasets import find_idx_files

        find_idx_files(args.data)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # renders without a display
    from playground.ui.shell.app import render_screenshot

    training = f", after training {args.train_epochs:g} epochs" if args.train_epochs else ""
    _note(f"rendering the window offscreen{training}…")

    render_screenshot(output, train_epochs=args.train_epochs, size=args.size,
                      **_given(preset=args.preset, data_dir=args.data, device=args.device, tab=args.tab,
                               workspace=args.workspace,
                               learning_rate=args.lr, optimizer=args.optimizer,
                               language=None if args.language == "en" else args.language))
    if not output.is_file():
        raise CliError(f"{output}: the screenshot was not written.")
    _note(f"wrote {output} ({output.stat().st_size:,} bytes)")
    return 0


# --------------------------------------------------------------------------- export

def _cmd_export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.format == "onnx":
        return _export_onnx(args, parser)
    if args.format == "safetensors":
        return _export_safetensors(args, parser)
    from playground.core.files.atomic_io import write_text_atomically
    from playground.core.model.code_export import ExportError, export_script, write_weights

    output: Path = args.output
    _check_target(output, "-o/--output", parser, "model.py")
    if output.suffix != ".py":
        parser.error(f"argument -o/--output: name the script like {output.stem or 'model'}.py")
    if args.weights is not None and args.load is None:
        parser.error("--weights goes with --load (a preset or spec has no trained weights)")
    _refuse_overwriting_projects(output, "script", "give -o another name", args.load, parser)
    if args.load is not None:
        weights = args.weights or output.with_suffix(".pt")
        _check_target(weights, "--weights", parser, "model.pt")
        fix = "give the weights another name with --weights, e.g. --weights weights.pt"
        _refuse_overwriting_projects(weights, "weights", fix, args.load, parser)
        if _same_file(weights, output):
            parser.error(f"{weights} would be both the script and the weights; {fix}")
    spec, config, project = _export_design(args)
    state = project.state_dict if project is not None else None
    try:
        source = export_script(spec, config)
    except ExportError as exc:
        given = args.load or args.spec  # name the file the design came from
        raise CliError(f"{given.name}: {exc}" if given else str(exc)) from None
    write_text_atomically(output, source)
    _note(f"wrote {output}: run it with  python {output} --data DIR")
    if state:
        write_weights(weights, state)
        _note(f"wrote {weights}: the trained weights; model.load_state_dict(torch.load({str(weights)!r}))")
    return 0


def _export_design(args: argparse.Namespace) -> tuple[ModelSpec, TrainingConfig, Project | None]:
    """The design `export` writes (--preset, --spec or --load) with its settings, and the project when loaded."""
    if args.preset:
        from playground.core.model.presets import load_preset

        preset = load_preset(args.preset)
        return preset.spec, preset.training, None
    if args.spec:
        from playground.core.model.presets import load_spec_file
        from playground.core.training.training_config import TrainingConfig

        spec, spec_config = load_spec_file(args.spec)
        return spec, spec_config or TrainingConfig(), None
    from playground.core.files.project_file import load_project

    project = load_project(args.load)
    return project.spec, project.training, project


def _export_safetensors(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`export --format safetensors`: the weights (a project's, else the seed's initial ones, as `train` starts
    from) with the design, the task and the settings as metadata; `train --init-from` reads them back."""
    from playground.core.files.weights_io import SAFETENSORS_SUFFIX, save_safetensors
    from playground.core.model.builder import build_model
    from playground.core.model.shape_inference import infer_shapes

    output: Path = args.output
    _check_target(output, "-o/--output", parser, "model.safetensors")
    if output.suffix.lower() != SAFETENSORS_SUFFIX:
        parser.error(f"argument -o/--output: name the weights file like {output.stem or 'model'}.safetensors")
    if args.weights is not None:
        parser.error("--weights goes with the script format: a safetensors file holds the weights itself")
    _refuse_overwriting_projects(output, "weights", "give -o another name", args.load, parser)
    spec, config, project = _export_design(args)
    report = infer_shapes(spec)
    if not report.ok:
        given = args.load or args.spec  # name the file the design came from
        raise CliError(f"{given.name}: {report.errors[0]}" if given else report.errors[0])
    state = project.state_dict if project is not None else None
    what = "the trained weights"
    if not state:
        state = build_model(spec, seed=config.seed, report=report).state_dict()
        what = f"untrained weights (initialised with seed {config.seed}, as 'train' starts)"
    save_safetensors(output, state, spec, config)
    _note(f"wrote {output}: {what} of {spec.name}, with the design and the task ({config.task}) as metadata")
    return 0


def _export_onnx(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """`export --format onnx`: the network with its input scaling and the task's outputs, checked by onnx.checker."""
    from playground.core.data.data_import import DATA_SOURCE_KEY, DataSource
    from playground.core.model.onnx_export import IMAGE_INPUT, TABLE_INPUT, OnnxExportError, export_onnx

    output: Path = args.output
    _check_target(output, "-o/--output", parser, "model.onnx")
    if output.suffix.lower() != ".onnx":
        parser.error(f"argument -o/--output: name the ONNX file like {output.stem or 'model'}.onnx")
    if args.weights is not None:
        parser.error("--weights goes with the script format: an ONNX file holds the weights itself")
    _refuse_overwriting_projects(output, "ONNX file", "give -o another name", args.load, parser)
    spec, config, project = _export_design(args)
    state = project.state_dict if project is not None and project.global_step else None
    source = DataSource.from_json(project.extra.get(DATA_SOURCE_KEY)) if project is not None else None
    dataset = "" if source is None else "MNIST" if source.kind == "mnist" else Path(source.path).name
    try:
        scaling = export_onnx(output, spec, config, state, source, dataset)
    except OnnxExportError as exc:
        given = args.load or args.spec  # name the file the design came from
        raise CliError(f"{given.name}: {exc}" if given else str(exc)) from None
    shape = "×".join(map(str, ("N", *spec.input_shape)))
    name = IMAGE_INPUT if len(spec.input_shape) != 1 else TABLE_INPUT
    inside = f"; inside: {scaling.describe()}" if scaling is not None and len(scaling.mean) == 1 else (
        "; inside: the training rows' standardisation" if scaling is not None else "")
    outputs = "'values'" if config.task == "regression" else "'logits' and 'probabilities'"
    _note(f"wrote {output}: input '{name}' {shape}{' in [0, 1]' if name == IMAGE_INPUT else ''}{inside}; "
          f"outputs {outputs}; {'trained' if state else 'untrained'}")
    return 0


def _refuse_overwriting_projects(path: Path, role: str, fix: str, loaded: Path | None,
                                 parser: argparse.ArgumentParser) -> None:
    """An export never writes over the project it reads, nor over any other project file."""
    if loaded is not None and _same_file(path, loaded):
        parser.error(f"{path} is the project being read (--load): writing the {role} there would destroy it; {fix}")
    if _is_project_file(path):
        parser.error(f"{path} is an nn-playground project: writing the {role} there would destroy it; {fix}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return os.path.abspath(a) == os.path.abspath(b)


def _is_project_file(path: Path) -> bool:
    """True for an existing .nnp file, or any file that holds an nn-playground project whatever its name.

    A project is a torch.save zip whose pickle starts with the project's format tag; only a bounded
    prefix of that one member is read. Plain weight files (also torch.save zips) are not projects."""
    from playground.core.files.project_file import PROJECT_FORMAT, PROJECT_SUFFIX

    if not path.is_file():
        return False
    if path.suffix.lower() == PROJECT_SUFFIX:
        return True
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            member = next((info for info in archive.infolist() if info.filename.endswith("/data.pkl")), None)
            if member is None:
                return False
            with archive.open(member) as pickled:
                return PROJECT_FORMAT.encode() in pickled.read(64 * 1024)
    except (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zipfile.BadZipFile):
        return False  # not a zip, or one that cannot be read: not a project either


# --------------------------------------------------------------------------- presets

def _cmd_presets(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playground.core.model.presets import DEFAULT_PRESET, load_preset, preset_names
    from playground.core.model.shape_inference import infer_shapes

    rows = []
    for name in preset_names():
        preset = load_preset(name)
        report = infer_shapes(preset.spec)
        params = f"{report.total_parameters:,}" if report.ok else "invalid"
        rows.append((name + (" (default)" if name == DEFAULT_PRESET else ""), params, preset.title))
    width = max(len(r[0]) for r in rows)
    pwidth = max(len(r[1]) for r in rows)
    print(f"{'PRESET':<{width}}  {'PARAMS':>{pwidth}}  TITLE")
    for name, params, title in rows:
        print(f"{name:<{width}}  {params:>{pwidth}}  {title}")
    return 0


# --------------------------------------------------------------------------- train

def _cmd_train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.save is not None:  # fail before training, not after it, when the project could not be saved
        _check_target(args.save, "--save", parser, "model.nnp")
    elif args.overwrite_partial:
        parser.error("--overwrite-partial goes with --save")
    if args.csv is not None:
        from playground.core.training.run_logs import steps_path_for

        for path in (args.csv, steps_path_for(args.csv)):
            _check_csv_target(path, parser, "run.csv")
            if args.save is not None and _same_file(path, args.save):
                parser.error(f"--csv and --save both write {path}; give the CSV another name")
    if args.tensorboard is not None:
        _check_log_folder(args.tensorboard, parser)

    spec, base, report, source = _design(args)
    options = {
        "epochs": ("--epochs", args.epochs), "batch_size": ("--batch-size", args.batch_size),
        "learning_rate": ("--lr", args.lr), "optimizer": ("--optimizer", args.optimizer),
        "device": ("--device", args.device), "seed": ("--seed", args.seed),
        "validation_fraction": ("--validation-fraction", args.validation_fraction),
        "task": ("--task", args.task), "loss": ("--loss", args.loss),
        "regularization": ("--regularization", args.regularization),
        "regularization_rate": ("--regularization-rate", args.regularization_rate),
        "lr_schedule": ("--lr-schedule", args.lr_schedule), "amp": ("--amp", True if args.amp else None),
    }
    config = _settings(base, options, parser)
    initial = None
    if args.init_from is not None:  # checked against the design before MNIST is read
        from playground.core.files.weights_io import WeightsError, WeightsMismatchError, load_weights

        try:
            initial = load_weights(args.init_from, spec)
        except WeightsMismatchError as exc:  # the wrong file for this design: an argument error, in one line
            _error(_one_line(exc))
            return 2
        except WeightsError as exc:
            raise CliError(_one_line(exc)) from None
        if initial.task is not None and initial.task != config.task:
            _note(f"note: {_shown(args.init_from.name)} holds weights trained for the {initial.task!r} task; "
                  f"this run trains for {config.task!r}")

    from playground.core.training.denormals import denormals_flushed

    with denormals_flushed():  # only while this thread trains: the CLI also runs inside other programs (tests)
        return _train(args, spec, config, report, source, initial)


def _check_log_folder(path: Path, parser: argparse.ArgumentParser) -> None:
    """--tensorboard names a folder (made if missing), never an existing file."""
    if path.exists() and not path.is_dir():
        parser.error(f"argument --tensorboard: {path} is a file; give a folder for the logs, such as runs")


def _listeners(*logs: Callable[[TrainingEvent], None] | None) -> Callable[[TrainingEvent], None] | None:
    """One listener calling each of `logs` that is not None (None when none is)."""
    active = [log for log in logs if log is not None]
    if not active:
        return None

    def listen(event: TrainingEvent) -> None:
        for log in active:
            log(event)
    return listen


def _check_csv_target(path: Path, parser: argparse.ArgumentParser, example: str) -> None:
    """A CSV goes to a regular file, never over a project (a typo such as --csv model.nnp)."""
    _check_target(path, "--csv", parser, example)
    _refuse_overwriting_projects(path, "CSV", "give --csv another name", None, parser)


def _design(args: argparse.Namespace) -> tuple[ModelSpec, TrainingConfig, ShapeReport, dict[str, Any]]:
    """Step 1 of `train` and `sweep`: the design (--spec or --preset) and its settings, checked before
    MNIST is read; with the report of its shapes and where it came from (for the results)."""
    from playground.core.model.presets import DEFAULT_PRESET, load_preset, load_spec_file
    from playground.core.model.shape_inference import infer_shapes
    from playground.core.training.training_config import TrainingConfig

    if args.spec is not None:
        spec, base = load_spec_file(args.spec)
        source = {"preset": None, "spec": str(args.spec)}
        report = infer_shapes(spec)
        if not report.ok:
            raise CliError(f"{args.spec.name}: {report.errors[0]}")
        return spec, base or TrainingConfig(), report, source
    preset = load_preset(args.preset or DEFAULT_PRESET)
    return preset.spec, preset.training, infer_shapes(preset.spec), {"preset": preset.name, "spec": None}


def _settings(base: TrainingConfig, options: dict[str, tuple[str, Any]],
              parser: argparse.ArgumentParser) -> TrainingConfig:
    """`base` with the options given ({field: (flag, value or None)}); a value the trainer cannot use is
    an argument error naming its flag."""
    from playground.core.training.training_config import ConfigError

    try:
        return base.replace(**{key: value for key, (_, value) in options.items()})
    except ConfigError as exc:  # a value argparse let through but the trainer cannot use
        flag = options.get(exc.field_name or "", (None,))[0]
        parser.error(f"argument {flag}: {exc}" if flag else str(exc))


def _load_splits(args: argparse.Namespace, config: TrainingConfig) -> DataSplits:
    from playground.core.data.datasets import load_data

    try:
        return load_data(args.data, config.validation_fraction, config.seed, args.train_limit, args.test_limit)
    except ValueError as exc:  # DatasetError, or a split that cannot be made
        raise CliError(str(exc)) from None


def _make_trainer(spec: ModelSpec, config: TrainingConfig, data: DataSplits, source: dict[str, Any]) -> Trainer:
    """The trainer, or one line saying why it cannot train (memory, a head that does not fit the task)."""
    from playground.core.model.shape_inference import format_bytes
    from playground.core.training.trainer import MemoryShortError, Trainer, TrainingSetupError

    try:
        trainer = Trainer(spec, config, data)
    except MemoryShortError as exc:  # said with the options to change
        advice = (f"a smaller --batch-size (about {exc.largest_batch:,} fits) or fewer units" if exc.largest_batch
                  else "fewer units or channels (not even --batch-size 1 fits)")
        raise CliError(f"{source['spec'] or source['preset']}: training at --batch-size {config.batch_size} needs "
                       f"about {format_bytes(exc.need)} of {'GPU memory' if exc.gpu else 'memory'}, but only "
                       f"{format_bytes(exc.available)} is free; use {advice}.") from None
    except TrainingSetupError as exc:
        raise CliError(str(exc)) from None
    if trainer.device_message:
        _note(f"note: {trainer.device_message}")
    for warning in trainer.head_warnings:
        _note(f"warning: {warning}")
    return trainer


def _run_trainer(trainer: Trainer, progress: _Progress, log: Callable[[TrainingEvent], None] | None) -> RunSummary:
    """`trainer.run` with the progress bar (and `log`) listening; running out of memory is one line."""
    import torch

    def listener(event: TrainingEvent) -> None:
        if log is not None:
            log(event)
        progress.listener(event)

    try:
        return trainer.run(listener)
    except (torch.cuda.OutOfMemoryError, MemoryError):
        progress.clear()
        where = "GPU" if trainer.device.type == "cuda" else "computer"
        raise CliError(f"the {where} ran out of memory with batch size {trainer.config.batch_size}: try a smaller "
                       f"--batch-size" + (" or --device cpu." if where == "GPU" else ".")) from None


def _train(args: argparse.Namespace, spec: ModelSpec, config: TrainingConfig, report: ShapeReport,
           source: dict[str, Any], initial: LoadedWeights | None = None) -> int:
    """Steps 2 and 3 of `train`, and the report."""
    # 2. The data, then the trainer (torch is imported from here on).
    from playground.core.training.devices import describe_device
    from playground.core.training.training_config import OPTIMIZERS

    quiet = args.quiet
    data = _load_splits(args, config)
    trainer = _make_trainer(spec, config, data, source)
    if initial is not None:  # as a project's weights reach the trainer: checked, so nothing half-loads
        from playground.core.files.project_file import Project

        trainer.load_project_state(Project(spec, config, initial.state_dict))
        if not quiet:
            _note(f"starting from the weights in {_shown(args.init_from)}")
    if not quiet:
        val = f" / {len(data.validation):,} validation" if data.validation is not None else ""
        _note(f"training {spec.name} ({report.total_parameters:,} parameters) on {data.train.name}: "
              f"{len(data.train):,} training{val} / {len(data.test):,} test images")
        _note(f"{describe_device(trainer.device)} · {OPTIMIZERS[config.optimizer]}, learning rate "
              f"{config.learning_rate:g} · "
              f"batch {config.batch_size} · {_plural(config.epochs, 'epoch')} of "
              f"{trainer.steps_per_epoch:,} steps · Ctrl+C stops and keeps the result")
    csv_log = None
    if args.csv is not None:
        from playground.core.training.run_logs import RunCsvLogger

        csv_log = RunCsvLogger(args.csv, task=config.task)  # an OSError here is one line, before training
    tb_log = None
    if args.tensorboard is not None:
        from playground.core.training.tensorboard_log import TensorBoardLogger

        try:
            tb_log = TensorBoardLogger(args.tensorboard, trainer)  # an OSError here is one line, before training
        except BaseException:
            if csv_log is not None:
                csv_log.close()
            raise

    # 3. Train; Ctrl+C asks the trainer to stop at the next batch. A second one, while training or while
    # the result is evaluated and saved, aborts without writing anything.
    progress = _Progress(config.epochs, enabled=not quiet)
    started = time.perf_counter()
    try:
        with _stop_on_sigint(trainer.control.stop, progress):
            summary = _run_trainer(trainer, progress, _listeners(csv_log, tb_log))
            seconds = time.perf_counter() - started
            progress.clear()
            if csv_log is not None:
                csv_log.close()  # complete before the result is printed
            if tb_log is not None:
                tb_log.close()
            return _finish_run(args, trainer, data, summary, seconds, report, source)
    except KeyboardInterrupt:
        progress.clear()
        _error("aborted by a second Ctrl+C; nothing was saved." if args.save is not None
               else "aborted by a second Ctrl+C.")
        return EXIT_INTERRUPTED
    finally:
        if csv_log is not None:  # the rows written so far stay, whatever ended the run
            csv_log.close()
        if tb_log is not None:
            tb_log.close()


def _final_result(trainer: Trainer, data: DataSplits, summary: RunSummary, seconds: float, report: ShapeReport,
                  source: dict[str, Any], quiet: bool) -> dict[str, Any]:
    """A run's results as `--json` prints them; a run stopped mid-epoch is evaluated on the test set first."""
    config = trainer.config
    test_loss, test_acc = summary.test_loss, summary.test_accuracy
    partial = summary.reason == "stopped" and (not trainer.history.epochs
                                               or trainer.history.epochs[-1]["step"] != trainer.global_step)
    if partial and trainer.global_step > 0:
        if not quiet:
            _note("evaluating the weights so far on the test set (Ctrl+C again to abort without saving)…")
        test_loss, test_acc = trainer.evaluate(data.test)

    result: dict[str, Any] = {
        **source,
        "model": trainer.spec.name,
        "reason": summary.reason,
        "test_accuracy": test_acc,
        "test_loss": test_loss,
        "train_accuracy": summary.train_accuracy,
        "train_loss": summary.train_loss,
        "epochs": summary.epochs_completed,
        "epochs_planned": config.epochs,
        "steps": summary.steps,
        "samples_per_second": None if summary.samples_per_second is None else round(summary.samples_per_second, 1),
        "seconds": round(seconds, 3),
        "parameters": report.total_parameters,
        "device": str(trainer.device),
        "dataset": data.train.name,
        "train_images": len(data.train),
        "test_images": len(data.test),
        "batch_size": config.batch_size,
        "learning_rate": config.learning_rate,
        "optimizer": config.optimizer,
        "seed": config.seed,
        "task": config.task,
    }
    last_row = trainer.history.epochs[-1] if trainer.history.epochs else {}
    for key in ("test_f1", "test_exact_match", "test_r2", "val_accuracy", "val_loss"):
        if key in last_row:
            result[key] = last_row[key]
    result = _json_safe(result)  # NaN and infinite scores become null (and "n/a" in the text)
    if summary.message:
        result["message"] = summary.message
    return result


def _finish_run(args: argparse.Namespace, trainer: Trainer, data: DataSplits, summary: RunSummary, seconds: float,
                report: ShapeReport, source: dict[str, Any]) -> int:
    """After a run: the test scores of a stopped run, the result line or JSON, and the saved project."""
    quiet = args.quiet
    result = _final_result(trainer, data, summary, seconds, report, source, quiet)

    exit_code = 0
    if summary.reason == "diverged":
        _error(summary.message or "the training diverged.")
        exit_code = 1
    elif summary.reason == "stopped":
        exit_code = EXIT_INTERRUPTED

    if not quiet:
        _note(_summary_line(result, trainer.steps_per_epoch))
    if args.save is not None:
        from playground.core.files.project_file import save_project

        target = _save_target(args.save, summary.reason, args.overwrite_partial)
        try:
            save_project(target, trainer.to_project())
        except OSError as exc:
            if args.json:
                _print_json(result)
            raise CliError(f"{target}: cannot save the project ({exc.strerror or exc}).") from None
        result["saved"] = str(target)
        if target != args.save:
            _note(f"note: the run did not complete, so {args.save} was kept; the partial result went to "
                  f"{target} (--overwrite-partial replaces the file instead)")
        elif not quiet:
            _note(f"saved the project to {target}")
    if args.json:
        _print_json(result)
    return exit_code


# --------------------------------------------------------------------------- sweep

SWEEP_CSV_COLUMNS = ("reason", "epochs", "steps", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
                     "test_f1", "test_exact_match", "test_r2", "val_loss", "val_accuracy", "parameters", "seconds")


def _cmd_sweep(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playground.core.training.sweeps import SweepError, apply_point, check_axes, grid_points, random_points

    if args.csv is not None:
        _check_csv_target(args.csv, parser, "sweep.csv")
    if args.tensorboard is not None:
        _check_log_folder(args.tensorboard, parser)
    spec, base, _, source = _design(args)
    config = _settings(base, {"epochs": ("--epochs", args.epochs), "device": ("--device", args.device),
                              "seed": ("--seed", args.seed)}, parser)
    try:  # every value is checked here, before anything trains
        check_axes(args.axes, spec, config)
        points = random_points(args.axes, args.random, config.seed) if args.random else grid_points(args.axes)
        runs = [apply_point(spec, config, point) for point in points]
    except SweepError as exc:
        parser.error(str(exc))

    from playground.core.training.denormals import denormals_flushed

    with denormals_flushed():
        return _sweep(args, points, runs, source)


class _SweepStop:
    """Ctrl+C in a sweep: the first ends it after the current run, the second stops the current run now."""

    def __init__(self) -> None:
        self.presses = 0
        self.stop_run: Callable[[], None] | None = None

    def press(self) -> None:
        self.presses += 1
        if self.presses > 1 and self.stop_run is not None:
            self.stop_run()


def _sweep(args: argparse.Namespace, points: list[dict[str, Any]], runs: list[tuple[ModelSpec, TrainingConfig]],
           source: dict[str, Any]) -> int:
    """Train the runs one after another: a line (or JSON object) per run, then the best one."""
    from playground.core.training.run_logs import CsvTable, test_score_key
    from playground.core.training.sweeps import describe_point

    config = runs[0][1]
    data = _load_splits(args, config)  # the data settings are the same for every run
    score_key = test_score_key(config.task)
    stop = _SweepStop()
    progress = _Progress(config.epochs, enabled=not args.quiet)
    table = CsvTable(args.csv) if args.csv is not None else None
    results: list[dict[str, Any]] = []
    reason = "completed"
    failed = 0
    try:
        with _stop_on_sigint(stop.press, progress, presses=2,
                             early_note="stopping after this run… (Ctrl+C again to stop this run now)"):
            for number, (point, (spec, run_config)) in enumerate(zip(points, runs), 1):
                if stop.presses:
                    break
                if not args.quiet:
                    _note(f"run {number}/{len(points)}: {describe_point(point)}")
                started = time.perf_counter()
                try:
                    result = {"run": number, "settings": point,
                              **_sweep_run(args, number, point, spec, run_config, data, source, stop, progress)}
                except CliError as exc:  # this run cannot train (memory at its batch size, …): a row, then the next
                    progress.clear()
                    result = {"run": number, "settings": point, "reason": "error", "message": str(exc),
                              "test_loss": None, score_key: None, "seconds": round(time.perf_counter() - started, 3)}
                    failed += 1
                stop.stop_run = None
                results.append(result)
                if args.json:
                    _print_json(result)
                else:
                    print(_sweep_line(result, len(points), score_key), flush=True)
                if table is not None:
                    table.write({"run": number, **point, **{key: result.get(key) for key in SWEEP_CSV_COLUMNS
                                                            if key in result}})
                    table.flush()
            progress.flush_notes()
            if stop.presses:
                reason = "stopped"
    except KeyboardInterrupt:
        progress.clear()
        _error("aborted by a third Ctrl+C; the run in progress is not reported.")
        reason = "stopped"
    finally:
        if table is not None:
            table.close()
    _sweep_summary(args, results, len(points), reason, score_key)
    if reason == "stopped":
        return EXIT_INTERRUPTED
    return 1 if results and failed == len(results) else 0  # every run failed: say so to a script too


def _sweep_run(args: argparse.Namespace, number: int, point: dict[str, Any], spec: ModelSpec, config: TrainingConfig,
               data: DataSplits, source: dict[str, Any], stop: _SweepStop, progress: _Progress) -> dict[str, Any]:
    """Train one run of a sweep (its TensorBoard folder too, with --tensorboard) and report it as `--json` does.
    Raises CliError when it cannot train."""
    from playground.core.model.shape_inference import infer_shapes

    started = time.perf_counter()
    trainer = _make_trainer(spec, config, data, source)
    stop.stop_run = trainer.control.stop
    tb_log = None
    if args.tensorboard is not None:  # a folder per run, its point shown as hparams beside the settings
        from playground.core.training.tensorboard_log import TensorBoardLogger, run_folder_name

        tb_log = TensorBoardLogger(args.tensorboard / run_folder_name(number, point), trainer, extra_hparams=point)
    try:
        summary = _run_trainer(trainer, progress, tb_log)
    finally:
        if tb_log is not None:
            tb_log.close()
    progress.clear()
    return _final_result(trainer, data, summary, time.perf_counter() - started, infer_shapes(spec), source,
                         args.quiet)


def _sweep_line(result: dict[str, Any], runs: int, score_key: str) -> str:
    from playground.core.training.sweeps import describe_point

    score = score_key.removeprefix("test_").replace("_", " ")
    value = result.get(score_key)
    shown = _percent(value) if score_key == "test_accuracy" else ("n/a" if value is None else f"{value:.4f}")
    loss = f" (loss {result['test_loss']:.4f})" if result["test_loss"] is not None else ""
    ended = "" if result["reason"] == "completed" else f" [{result['reason']}]"
    if result["reason"] == "error":
        ended = f" [error: {result['message']}]"
    return (f"run {result['run']}/{runs}  {describe_point(result['settings'])}  test {score} {shown}{loss}  "
            f"{result['seconds']:.1f} s{ended}")


def _sweep_summary(args: argparse.Namespace, results: list[dict[str, Any]], planned: int, reason: str,
                   score_key: str) -> None:
    """The best completed run by the task's test score, as a text line on stdout or a JSON object."""
    from playground.core.training.sweeps import best_index, describe_point

    completed = [result for result in results if result["reason"] == "completed"]
    best = best_index([result.get(score_key) for result in completed])
    winner = completed[best] if best is not None else None
    if args.json:
        _print_json({"summary": True, "reason": reason, "runs_planned": planned, "runs_done": len(results),
                     "score": score_key, "best_run": winner["run"] if winner else None,
                     "best_settings": winner["settings"] if winner else None,
                     f"best_{score_key}": winner.get(score_key) if winner else None})
        return
    done = f"{len(results)} of {planned} runs" + (" (stopped)" if reason == "stopped" else "")
    if winner is None:
        print(f"best: none ({done}; no run completed with a score)", flush=True)
        return
    score = score_key.removeprefix("test_").replace("_", " ")
    value = winner[score_key]
    shown = _percent(value) if score_key == "test_accuracy" else f"{value:.4f}"
    print(f"best: run {winner['run']} ({describe_point(winner['settings'])}): test {score} {shown} — {done}",
          flush=True)


def _partial_path(path: Path) -> Path:
    """Where a run that did not complete is saved instead of over an existing `path`: model.partial.nnp."""
    return path.with_name(f"{path.stem}.partial{path.suffix}" if path.stem else f"{path.name}.partial")


def _save_target(path: Path, reason: str, overwrite_partial: bool) -> Path:
    """A completed run replaces `path`; a stopped or diverged one never replaces an existing file unasked."""
    if reason == "completed" or overwrite_partial or not os.path.lexists(path):
        return path
    return _partial_path(path)


def _check_target(path: Path, option: str, parser: argparse.ArgumentParser, example: str) -> None:
    """Refuse, before any work, an output path that is not (or cannot become) a regular file."""
    if path.is_dir():
        parser.error(f"argument {option}: {path} is a folder; give a file name such as {example}")
    if path.exists() and not path.is_file():
        parser.error(f"argument {option}: {path} is not a regular file (a device, a pipe or a socket); "
                     f"give a file name such as {example}")
    folder = path.parent if str(path.parent) else Path(".")
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise CliError(f"{path}: cannot save there (the folder {existing} is not writable).")


def _json_safe(value: Any) -> Any:
    """`value` with every NaN or infinite number replaced by None (null), in nested dicts and lists too."""
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)  # numpy's integers are not JSON to json.dumps
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _json_safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(item) for item in value]
    return value


def _print_json(value: Any) -> None:
    """One line of strict JSON on stdout: no NaN or Infinity, which JSON parsers reject."""
    print(json.dumps(_json_safe(value), allow_nan=False), flush=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _rate(samples_per_second: float | None) -> str:
    """'12,345', or '--' for a run too short to measure (the trainer then reports none)."""
    return "--" if samples_per_second is None else f"{samples_per_second:,.0f}"


def _summary_line(result: dict[str, Any], steps_per_epoch: int) -> str:
    what = {"completed": "done", "stopped": "stopped", "diverged": "diverged"}[result["reason"]]
    loss = f" (loss {result['test_loss']:.4f})" if result["test_loss"] is not None else ""
    epochs = result["steps"] / max(steps_per_epoch, 1)
    done = f"{epochs:.0f}" if abs(epochs - round(epochs)) < 1e-9 else f"{epochs:.2f}"
    return (f"{what}: test accuracy {_percent(result['test_accuracy'])}{loss} after "
            f"{done} of {_plural(result['epochs_planned'], 'epoch')} ({result['steps']:,} steps) "
            f"in {result['seconds']:.1f} s, {_rate(result['samples_per_second'])} samples/s")


class _stop_on_sigint:
    """While active, the first Ctrl+C calls `stop` (training ends after the current batch); a second aborts.

    With `presses` > 1 (a sweep), each of the first `presses` calls `stop`; the earlier ones show `early_note`
    and the last one "stopping after this batch"; the next one aborts."""

    def __init__(self, stop: Callable[[], None], progress: _Progress, presses: int = 1, early_note: str = "") -> None:
        self.stop = stop
        self.progress = progress
        self.presses = presses
        self.early_note = early_note
        self.previous: Any = None
        self.installed = False
        self.count = 0

    def __enter__(self) -> _stop_on_sigint:
        try:
            self.previous = signal.signal(signal.SIGINT, self._handle)
            self.installed = True
        except ValueError:  # not the main thread: leave Ctrl+C alone
            pass
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        self.count += 1
        if self.count > self.presses:
            raise KeyboardInterrupt
        self.stop()
        # The notes are printed by the listener, outside the handler.
        if self.count == self.presses:
            self.progress.stopping = True
        else:
            self.progress.notice = self.early_note

    def __exit__(self, *exc: Any) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self.previous)


class _Progress:
    """A one-line progress bar on stderr, redrawn with \\r at most 5 times a second, plus epoch lines."""

    def __init__(self, epochs: int, enabled: bool = True) -> None:
        self.epochs = epochs
        self.enabled = enabled
        self.first_epoch: int | None = None
        self.last_draw = 0.0
        self.width = 0
        self.stopping = False
        self._told_stopping = False
        self.notice: str | None = None  # a note to print at the next event (set by a signal handler)
        is_tty = _isatty(sys.stderr)
        self.interval = PROGRESS_INTERVAL_S if is_tty else PROGRESS_INTERVAL_LOG_S
        self.columns = shutil.get_terminal_size((100, 24)).columns - 1 if is_tty else 200

    def listener(self, event: TrainingEvent) -> None:
        from playground.core.training.events import EpochFinished, RunStarted, StepDone  # loaded with the trainer

        if not self.enabled:
            return
        self.flush_notes()
        if isinstance(event, RunStarted) and self.first_epoch is None:
            self.first_epoch = event.epoch
        elif isinstance(event, StepDone):
            now = time.monotonic()
            if now - self.last_draw >= self.interval:
                self.last_draw = now
                self._draw(self._bar(event))
        elif isinstance(event, EpochFinished):
            self.clear()
            _note(self._epoch_line(event))

    def flush_notes(self) -> None:
        """Print what a Ctrl+C asked to say; also called when no event follows (the press came between runs)."""
        if not self.enabled:
            return
        if self.notice:
            self.clear()
            _note(self.notice)
            self.notice = None
        if self.stopping and not self._told_stopping:
            self._told_stopping = True
            self.clear()
            _note("stopping after this batch… (Ctrl+C again to abort without saving)")

    def _number(self, epoch: int) -> int:
        return epoch - (self.first_epoch or 0)

    def _bar(self, step: StepDone) -> str:
        total = max(step.steps_per_epoch, 1)
        done = step.batch
        filled = round(BAR_WIDTH * done / total)
        eta = step.eta_seconds
        eta_text = _duration(eta) if math.isfinite(eta) else "--:--"
        return (f"epoch {self._number(step.epoch) + 1}/{self.epochs} "
                f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}  "
                f"loss {step.loss:.4f}  {_rate(step.samples_per_second)} samples/s  ETA {eta_text}")

    def _epoch_line(self, epoch: EpochFinished) -> str:
        parts = [f"epoch {self._number(epoch.epoch - 1) + 1}/{self.epochs}:",
                 f"train loss {epoch.train_loss:.4f}, accuracy {_percent(epoch.train_accuracy)}",
                 f"| test loss {epoch.test['loss']:.4f}, accuracy {_percent(epoch.test.get('accuracy'))}"]
        if epoch.validation is not None:
            parts.append(f"| validation loss {epoch.validation['loss']:.4f}, "
                         f"accuracy {_percent(epoch.validation.get('accuracy'))}")
        parts.append(f"| {epoch.seconds:.1f} s")
        return " ".join(parts)

    def _draw(self, text: str) -> None:
        text = text[: max(self.columns, 20)]  # a wrapped line could not be redrawn with \r
        pad = max(self.width - len(text), 0)
        sys.stderr.write("\r" + text + " " * pad)
        sys.stderr.flush()
        self.width = len(text)

    def clear(self) -> None:
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# --------------------------------------------------------------------------- predict

def _cmd_predict(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playground.core.files.project_file import load_model_from_project, load_project

    project = load_project(args.load)  # checks the file before building anything
    shape = tuple(project.spec.input_shape)
    if shape != (1, 28, 28):
        raise CliError(f"{args.load.name}: the network takes {'×'.join(map(str, shape))} inputs; "
                       f"'predict' prepares digits as 28×28 images like MNIST.")
    try:
        model = load_model_from_project(project)
    except ValueError as exc:  # ProjectError: an unfinished design saved without weights
        raise CliError(f"{args.load.name}: {exc}") from None
    if not project.state_dict:
        _note(f"warning: {args.load.name} holds no trained weights; the predictions are guesses.")

    from playground.core.data.preprocessing import has_ink
    from playground.core.model.inference import predict_images
    from playground.ui.widgets.image_io import ImageReadError, read_grayscale

    failures = 0
    for path in args.images:
        try:
            image = read_grayscale(path, silence_decoder=True)
            [result] = predict_images(model, [image], project.training.normalize_mean,
                                      project.training.normalize_std)
            blank = not has_ink(image)
        except (ImageReadError, ValueError) as exc:  # ValueError: pixels prepare_digit cannot use
            message = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
            _error(" ".join(message.split()))
            failures += 1
            continue
        probabilities = [float(p) for p in result.probabilities]
        if not all(math.isfinite(p) for p in probabilities):
            # NaN weights, or weights so large that the scores overflow: there is no answer to give.
            problem = "probabilities are not numbers (NaN or infinite): the weights hold NaN or are far too large"
            failures += 1
            if args.json:
                _print_json({"path": str(path), "prediction": None, "probabilities": probabilities,
                             "blank": blank, "error": problem})
            else:
                _error(f"{path}: {problem}")
            continue
        if args.json:
            _print_json({"path": str(path), "prediction": result.prediction,
                         "probabilities": probabilities, "blank": blank})
        else:
            note = "  — blank image: no ink found, the guess means nothing" if blank else ""
            print(f"{_shown(path)}: {result.prediction}  (p={probabilities[result.prediction]:.2f}){note}")
            print("  " + "  ".join(f"{digit}:{p:.3f}" for digit, p in enumerate(probabilities)), flush=True)
    return 1 if failures else 0

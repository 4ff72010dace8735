"""Export a design and its training settings as one standalone PyTorch script.

The script is written in the course notes' style — an `nn.Module` with named layers and a
`forward`, a training loop, evaluation under `model.eval()` and `torch.no_grad()` — and needs only
torch and numpy. It replays the app's trainer step for step (same initialisation order, same
seeded batch order, same normalisation, same optimizer), so for the same seed and data it reaches
the app's result. Under `torchrun` it trains with DistributedDataParallel (gloo on CPU, nccl on
CUDA). Its module names equal the app's, so the app's weights load into it as a plain state_dict.

Text from a design or a data set (names someone else chose) enters the script only as a Python string
literal (`repr`) or as a checked identifier, never as raw code or a comment: the script is run.
"""

from __future__ import annotations

import builtins
import datetime as _dt
import keyword
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from playground import __version__
from playground.core.files.atomic_io import write_atomically
from playground.core.i18n import N_, tr
from playground.core.model.shape_inference import LayerInfo, ShapeReport, format_shape, infer_shapes
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.model.tasks import DIGIT_ATTRIBUTES, LOSS_CLASSES, TASKS, output_activation, resolve_loss
from playground.core.training.training_config import OPTIMIZERS, TrainingConfig

_ACTIVATION_CALLS = {
    "ReLU": "F.relu({x})",
    "Sigmoid": "torch.sigmoid({x})",
    "Tanh": "torch.tanh({x})",
    "GELU": "F.gelu({x})",
    "Softmax": "F.softmax({x}, dim=-1)",
    "Identity": "{x}",
}


# Global names the script uses itself (and Python's builtins): a class called so would shadow them.
_SCRIPT_NAMES = frozenset(dir(builtins)) | {"F", "Path", "RowSequence", "DistributedDataParallel", "IDX_FILES",
                                            "ATTRIBUTES", "MODEL_NAME", "DATASET_NAME"}
_MAX_CLASS_NAME = 64


class ExportError(ValueError):
    """The design cannot be exported (it does not pass shape inference)."""


def class_name_for(spec: ModelSpec) -> str:
    """`seed-mlp` → `SeedMlp`; the course notes' SimpleNN keeps its own name.

    Always a class name the script can use: an identifier Python reads as written (NFKC), not a keyword,
    and none of the script's own global names (`F`, `Path`, builtins such as `ValueError`)."""
    if spec.name == "seed-mlp":
        return "SimpleNN"
    words = "".join(c if _is_name_char(c) else " " for c in spec.name).split()
    name = "".join(w[:1].upper() + w[1:] for w in words)[:_MAX_CLASS_NAME] or "Net"
    if not name[0].isalpha():
        name = "Net" + name
    if not name.isidentifier() or unicodedata.normalize("NFKC", name) != name:
        return "Net"  # e.g. an upper-case letter that Python would read as two
    return name + "Net" if keyword.iskeyword(name) or name in _SCRIPT_NAMES else name


def _is_name_char(c: str) -> bool:
    """A letter or digit that may go on in a Python identifier as written (not ², not the ligature ﬁ)."""
    return c.isalnum() and ("a" + c).isidentifier() and unicodedata.normalize("NFKC", c) == c


def script_stem(spec: ModelSpec) -> str:
    """A file name for the script's usage lines: the design's name in [A-Za-z0-9_-] only, never an option."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", spec.name)[:60].strip("-_")
    return stem or "model"


def _constructor(info: LayerInfo) -> str | None:
    """`nn.Linear(784, 128)` for layers that are modules in the exported class; None for functions."""
    layer, shape = info.layer, info.input_shape
    if shape is None:  # export takes only a valid report, where every layer has its input shape
        return None
    g = layer.get
    t = layer.type
    if t == "Linear":
        bias = "" if g("bias") else ", bias=False"
        return f"nn.Linear({shape[0]}, {g('out_features')}{bias})"
    if t == "Conv2d":
        pad = g("padding")
        pad_text = repr(pad) if isinstance(pad, str) else str(pad)
        args = [str(shape[0]), str(g("out_channels")), f"kernel_size={g('kernel_size')}"]
        if g("stride") != 1:
            args.append(f"stride={g('stride')}")
        if pad not in (0, "valid"):
            args.append(f"padding={pad_text}")
        if not g("bias"):
            args.append("bias=False")
        return f"nn.Conv2d({', '.join(args)})"
    if t in ("MaxPool2d", "AvgPool2d"):
        stride = g("stride")
        extra = f", stride={stride}" if stride not in (None, g("kernel_size")) else ""
        return f"nn.{t}({g('kernel_size')}{extra})"
    if t == "Dropout":
        return f"nn.Dropout(p={g('p')})"
    if t == "BatchNorm1d":
        return f"nn.BatchNorm1d({shape[0]})"
    if t == "BatchNorm2d":
        return f"nn.BatchNorm2d({shape[0]})"
    if t in ("LSTM", "GRU"):
        features = shape[0] * shape[2] if len(shape) == 3 else shape[-1]
        return (f"RowSequence('{t}', input_size={features}, hidden_size={g('hidden_size')}, "
                f"num_layers={g('num_layers')}, return_sequence={g('return_sequence')})")
    return None


def _forward_line(info: LayerInfo) -> str:
    layer = info.layer
    t = layer.type
    if t == "Flatten":
        expr = "torch.flatten(x, 1)"
    elif t == "LeakyReLU":
        expr = f"F.leaky_relu(x, negative_slope={layer.get('negative_slope')})"
    elif t in _ACTIVATION_CALLS:
        expr = _ACTIVATION_CALLS[t].format(x="x")
    else:
        expr = f"self.{info.name}(x)"
    comment = f"{format_shape(info.input_shape)} → {format_shape(info.output_shape)}"
    if t == "Identity":
        return f"        # {info.name}: linear activation g(z) = z, x stays {format_shape(info.output_shape)}"
    return f"        x = {expr}  # {comment}"


def _module_lines(report: ShapeReport) -> list[str]:
    lines = []
    for info in report.layers:
        ctor = _constructor(info)
        if ctor is None:
            continue
        notes = ", ".join(f"{k}: {format_shape(v)}" for k, v in info.weight_shapes.items())
        comment = f"  # {notes}" if notes else ""
        lines.append(f"        self.{info.name} = {ctor}{comment}")
    return lines


def export_script(spec: ModelSpec, config: TrainingConfig, dataset_name: str = "MNIST") -> str:
    """The complete script as text. Raises ExportError when the design is invalid.

    Layer names and parameters are checked as when a spec file is read (a spec built in code skipped that);
    the design's and the data set's names go in only as string literals."""
    spec = _checked(spec)
    report = infer_shapes(spec)
    if not report.ok:
        raise ExportError(tr("The network cannot be exported yet: {problem}").format(problem=report.errors[0]))
    config.validate()
    uses_rnn = any(info.layer.type in ("LSTM", "GRU") for info in report.layers)
    ends_softmax = bool(spec.layers) and spec.layers[-1].type == "Softmax"
    cls = class_name_for(spec)
    input_shape = ", ".join(str(d) for d in spec.input_shape)
    modules = "\n".join(_module_lines(report)) or "        pass"
    forward = "\n".join(_forward_line(info) for info in report.layers)
    layer_table = "\n".join(
        f"#   {info.name:<10} {info.layer.describe(translate=False):<34} → {format_shape(info.output_shape):<10} "
        f"{info.parameters:>10,} params" for info in report.layers
    )
    today = _dt.date.today().isoformat()
    rnn_class = _RNN_CLASS if uses_rnn else ""
    loss_note = (
        "\n        # Note: the network ends in Softmax, and CrossEntropyLoss applies log-softmax again."
        if ends_softmax and resolve_loss(config.task, config.loss) == "cross_entropy" else ""
    )
    if config.task not in ("multiclass", "multilabel"):
        needs_other_data = {
            "binary": N_("The script trains on MNIST-format images; the binary task needs other data, "
                         "so it can't be exported as such yet."),
            "regression": N_("The script trains on MNIST-format images; the regression task needs other data, "
                             "so it can't be exported as such yet."),
        }
        raise ExportError(tr(needs_other_data[config.task]))
    return _TEMPLATE.format(
        version=__version__, today=today, model_name=repr(spec.name), script=script_stem(spec), cls=cls,
        dataset_name=repr(str(dataset_name)),
        layer_table=layer_table, total=report.total_parameters, modules=modules, forward=forward,
        input_shape=input_shape, rnn_class=rnn_class, loss_note=loss_note,
        epochs=config.epochs, batch_size=config.batch_size, lr=repr(config.learning_rate),
        optimizer=config.optimizer, optimizer_title=OPTIMIZERS[config.optimizer],
        momentum=repr(config.momentum), weight_decay=repr(config.weight_decay), seed=config.seed,
        mean=repr(config.normalize_mean), std=repr(config.normalize_std),
        optimizer_choices=repr(tuple(OPTIMIZERS)), **_task_parts(spec, config),
    )


def _checked(spec: ModelSpec) -> ModelSpec:
    """The spec as reading it from a file gives it: layer names and parameter values checked."""
    try:
        return ModelSpec.from_json(spec.to_json())
    except SpecError as exc:
        raise ExportError(tr("The network cannot be exported yet: {problem}").format(problem=exc)) from None


def _task_parts(spec: ModelSpec, config: TrainingConfig) -> dict[str, str]:
    """The pieces of the script that follow the task, loss, regularisation, schedule and AMP."""
    task, loss = config.task, resolve_loss(config.task, config.loss)
    activation = output_activation([layer.type for layer in spec.layers])
    if task == "multilabel":
        table = "\n    ".join(f"[{', '.join(str(int(v)) for v in row)}],  # {digit}"
                                for digit, row in enumerate(_digit_table()))
        targets = (f"# Multi-label: four yes/no attributes of each digit: {', '.join(DIGIT_ATTRIBUTES)}.\n"
                   f"ATTRIBUTES = torch.tensor([\n    {table}\n], dtype=torch.float32)\n\n\n"
                   "def targets(labels):\n    y = ATTRIBUTES.to(labels.device)[labels]\n")
        if loss == "cross_entropy":
            targets += "    return y / y.sum(1, keepdim=True).clamp_min(1.0)  # softmax needs a distribution\n"
        else:
            targets += "    return y\n"
        if loss == "cross_entropy":
            probs = "F.softmax(outputs, 1)" if activation != "Softmax" else "outputs"
        elif activation in ("Sigmoid", "Softmax"):
            probs = "outputs"
        else:
            probs = "torch.sigmoid(outputs)"
        correct = (f"        truth = ATTRIBUTES.to(y.device)[y]\n"
                   f"        correct += ((({probs}) >= 0.5) == (truth >= 0.5)).float().mean(1).sum().item()"
                   "  # per-label accuracy\n")
    else:
        if loss == "cross_entropy":
            targets = "def targets(labels):\n    return labels  # CrossEntropyLoss takes the class indices\n"
        else:
            targets = (f"def targets(labels):\n    return F.one_hot(labels, {_output_units(spec)}).float()"
                       "  # one output per class\n")
        correct = "        correct += (outputs.argmax(1) == y).sum().item()\n"
    penalty = ""
    if config.regularization != "none" and config.regularization_rate > 0:
        term = "w.abs().sum()" if config.regularization == "l1" else "w.pow(2).sum()"
        name = config.regularization.upper()
        backward = "scaler.scale(loss + penalty).backward()" if config.amp else "(loss + penalty).backward()"
        penalty = (f"            # {name} regularisation on the weights (not biases); the loss printed is the data's.\n"
                   f"            penalty = {config.regularization_rate!r} * sum({term} for w in weights)\n"
                   f"            {backward}  # backpropagation\n")
    schedule, schedule_step_batch, schedule_step_epoch = _schedule_parts(config)
    return {
        "task_title": TASKS[task], "loss_class": LOSS_CLASSES[loss], "targets": targets, "correct": correct,
        "backward": penalty or ("            scaler.scale(loss).backward()      # backpropagation\n" if config.amp else
                                "            loss.backward()                    # backpropagation\n"),
        "weights_line": ("    weights = [p for p in model.parameters() if p.ndim > 1]  # what the penalty covers\n"
                         if penalty else ""),
        "schedule": schedule, "schedule_step_batch": schedule_step_batch,
        "schedule_step_epoch": schedule_step_epoch,
        **_amp_parts(config.amp, penalty),
    }


def _amp_parts(amp: bool, penalty: str) -> dict[str, str]:
    """Mixed precision appears in the script only when it was chosen, so the plain loop stays the notes' loop."""
    if not amp:
        return {"amp_option": "", "amp_setup": "", "forward_open": "", "indent": "",
                "update": "            optimizer.step()                   # update the weights\n"}
    return {
        "amp_option": ('    parser.add_argument("--amp", action=argparse.BooleanOptionalAction, default=True,\n'
                       '                        help="mixed precision (float16) on CUDA")\n'),
        "amp_setup": ('    amp = args.amp and device.type == "cuda"\n'
                      '    scaler = torch.amp.GradScaler("cuda", enabled=amp)'
                      '  # keeps float16 gradients from underflowing\n'),
        "forward_open": '            with torch.autocast("cuda", dtype=torch.float16, enabled=amp):\n',
        "indent": "    ",
        "update": ("            scaler.step(optimizer)             # update the weights (unscaled first)\n"
                   "            scaler.update()\n"),
    }


def _schedule_parts(config: TrainingConfig) -> tuple[str, str, str]:
    name = config.lr_schedule
    if name == "constant":
        return "", "", ""
    sched = "torch.optim.lr_scheduler"
    if name == "step":
        make = f"{sched}.StepLR(optimizer, step_size={config.lr_step_epochs}, gamma={config.lr_gamma!r})"
        return (f"    scheduler = {make}  # stepped once per epoch\n", "",
                "        scheduler.step()\n")
    total = "args.epochs * steps_per_epoch"
    if name == "cosine":
        make = f"{sched}.CosineAnnealingLR(optimizer, T_max={total})"
    else:
        make = f"{sched}.OneCycleLR(optimizer, max_lr=args.lr, total_steps={total}, cycle_momentum=False)"
    setup = ("    steps_per_epoch = -(-len(range(rank, n, world)) // args.batch_size)"
             "  # batches per epoch, rounded up\n"
             f"    scheduler = {make}  # stepped once per batch\n")
    return setup, "            scheduler.step()\n", ""


def _digit_table() -> list[list[float]]:
    from playground.core.model.tasks import _DIGIT_ATTRIBUTE_TABLE

    return [list(row) for row in _DIGIT_ATTRIBUTE_TABLE]


def _output_units(spec: ModelSpec) -> int:
    report = infer_shapes(spec)
    return int(report.output_shape[0]) if report.output_shape else 10


def write_weights(path: Path, state: Mapping[str, Any]) -> None:
    """Write trained weights (tensors or numpy arrays) as a plain state_dict that the exported script's
    model loads with `model.load_state_dict(torch.load(path, weights_only=True))`. Atomic."""
    import numpy as np
    import torch

    tensors = {key: value.detach().cpu() if isinstance(value, torch.Tensor) else torch.from_numpy(np.array(value))
               for key, value in state.items()}
    write_atomically(Path(path), lambda handle: torch.save(tensors, handle))


_RNN_CLASS = '''

class RowSequence(nn.Module):
    """LSTM/GRU that reads an image row by row: (B, C, H, W) -> H steps of C*W features."""

    def __init__(self, cell, input_size, hidden_size, num_layers, return_sequence):
        super().__init__()
        rnn_class = nn.LSTM if cell == "LSTM" else nn.GRU
        self.rnn = rnn_class(input_size, hidden_size, num_layers=num_layers, batch_first=True)
        self.return_sequence = return_sequence

    def forward(self, x):
        if x.dim() == 4:
            b, c, h, w = x.shape
            x = x.permute(0, 2, 1, 3).reshape(b, h, c * w)
        out, _ = self.rnn(x)
        return out if self.return_sequence else out[:, -1, :]
'''

_TEMPLATE = '''#!/usr/bin/env python3
"""{cls} — exported from nn-playground {version} on {today}.

Trains the network designed in nn-playground (MODEL_NAME below) with the same settings on
MNIST-format data (it was designed on DATASET_NAME), and prints one JSON line with the final
test accuracy. Needs only torch and numpy.
Task: {task_title}.

    python {script}.py --data DIR --epochs {epochs} --seed {seed}
    torchrun --nproc_per_node=2 {script}.py --data DIR      # DistributedDataParallel

DIR is a folder with the four MNIST-format files (train-images-idx3-ubyte[.gz], ...).
With --save PATH the trained weights are written as a plain state_dict; `{cls}()` loads it.

The network, layer by layer (shapes without the batch dimension):
{layer_table}
#   total: {total:,} parameters
"""

import argparse
import gzip
import json
import os
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

MODEL_NAME = {model_name}  # the design's name in nn-playground
DATASET_NAME = {dataset_name}  # the data set it was designed on

# ---------------------------------------------------------------- data: MNIST IDX files

IDX_FILES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
             "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def read_idx(path):
    """One IDX file (gzip or raw) as a uint8 numpy array: images N x H x W, labels N."""
    raw = Path(path).read_bytes()
    if raw[:2] == b"\\x1f\\x8b":
        raw = gzip.decompress(raw)
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    return data[: int(np.prod(dims))].reshape(dims).copy()


def load_mnist(folder):
    folder = Path(folder)
    arrays = []
    for name in IDX_FILES:
        path = folder / name if (folder / name).exists() else folder / (name + ".gz")
        arrays.append(read_idx(path))
    train_x, train_y, test_x, test_y = arrays
    return train_x, train_y.astype(np.int64), test_x, test_y.astype(np.int64)


def normalise(images_uint8):
    """uint8 N x H x W -> float N x 1 x H x W, as transforms.ToTensor() then Normalize({mean}, {std})."""
    x = images_uint8.to(torch.float32).mul_(1.0 / (255.0 * {std})).sub_({mean} / {std})
    return x.unsqueeze(1)


{targets}

# ---------------------------------------------------------------- the network
{rnn_class}

class {cls}(nn.Module):
    def __init__(self):
        super().__init__()
{modules}

    def forward(self, x):  # x: batch x {input_shape}
{forward}
        return x

# ---------------------------------------------------------------- training and evaluation


def make_optimizer(name, params, lr, momentum, weight_decay):
    params = list(params)
    kinds = {{
        "sgd": (torch.optim.SGD, dict(lr=lr, weight_decay=weight_decay)),
        "momentum": (torch.optim.SGD, dict(lr=lr, momentum=momentum, weight_decay=weight_decay)),
        "adam": (torch.optim.Adam, dict(lr=lr, weight_decay=weight_decay)),
        "adamw": (torch.optim.AdamW, dict(lr=lr, weight_decay=weight_decay)),
        "rmsprop": (torch.optim.RMSprop, dict(lr=lr, weight_decay=weight_decay)),
    }}
    cls, kwargs = kinds[name]
    if cls is not torch.optim.RMSprop:
        try:
            return cls(params, fused=True, **kwargs)  # one kernel per step where available
        except (RuntimeError, TypeError, ValueError):
            pass
    return cls(params, **kwargs)


@torch.no_grad()
def evaluate(model, criterion, images, labels, device, batch=1000):
    model.eval()  # evaluation mode: dropout off, batch norm uses running statistics
    loss_sum, correct = 0.0, 0
    for start in range(0, len(labels), batch):
        x = normalise(images[start:start + batch].to(device))
        y = labels[start:start + batch].to(device)
        outputs = model(x)
        loss_sum += criterion(outputs, targets(y)).item() * len(y)
{correct}    model.train()
    return loss_sum / len(labels), correct / len(labels)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="folder with the four MNIST-format IDX files")
    parser.add_argument("--epochs", type=int, default={epochs})
    parser.add_argument("--batch-size", type=int, default={batch_size}, help="per process")
    parser.add_argument("--lr", type=float, default={lr})
    parser.add_argument("--optimizer", default="{optimizer}", choices={optimizer_choices},
                        help="default: {optimizer_title}")
    parser.add_argument("--momentum", type=float, default={momentum})
    parser.add_argument("--weight-decay", type=float, default={weight_decay})
    parser.add_argument("--seed", type=int, default={seed})
    parser.add_argument("--device", default="auto", choices=("auto", "cpu", "cuda"))
{amp_option}    parser.add_argument("--train-limit", type=int, default=None,
                        help="use only the first N training images")
    parser.add_argument("--test-limit", type=int, default=None, help="use only the first N test images")
    parser.add_argument("--save", default=None, help="write the trained weights (state_dict) here")
    args = parser.parse_args()
    # Adam's running averages for units that stop firing shrink towards zero and become "denormal"
    # floats, which CPUs compute many times slower; treating them as zero keeps later epochs fast.
    torch.set_flush_denormal(True)

    # torchrun sets WORLD_SIZE, RANK and LOCAL_RANK; without it this is a single process.
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    # On CUDA each process of this machine needs a GPU of its own (NCCL cannot share one).
    local_rank, local_world = int(os.environ.get("LOCAL_RANK", "0")), int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    gpus = torch.cuda.device_count() if torch.cuda.is_available() else 0
    use_cuda = args.device == "cuda" or (args.device == "auto" and gpus >= local_world)
    if use_cuda and local_rank >= gpus:
        parser.error("--device cuda: no CUDA GPU found; use --device cpu" if not gpus else
                     f"--device cuda: process {{local_rank}} of {{local_world}} on this machine has no GPU of its own "
                     f"({{gpus}} found); start at most {{gpus}} per machine, or use --device cpu")
    rank, world = 0, 1
    if distributed:
        dist.init_process_group(backend="nccl" if use_cuda else "gloo")
        rank, world = dist.get_rank(), dist.get_world_size()
    if use_cuda:
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
    else:
        device = torch.device("cpu")
        if distributed:  # share the cores between the processes instead of oversubscribing them
            torch.set_num_threads(max(1, (os.cpu_count() or 1) // world))

    train_x, train_y, test_x, test_y = load_mnist(args.data)
    train_x, train_y = train_x[: args.train_limit], train_y[: args.train_limit]
    test_x, test_y = test_x[: args.test_limit], test_y[: args.test_limit]
    train_x, train_y = torch.from_numpy(train_x).to(device), torch.from_numpy(train_y).to(device)
    test_x, test_y = torch.from_numpy(test_x), torch.from_numpy(test_y)

    torch.manual_seed(args.seed)  # the same seed gives the same initial weights as in the app
    model = {cls}().to(device)
    net = DistributedDataParallel(model) if distributed else model
    criterion = nn.{loss_class}(){loss_note}
    optimizer = make_optimizer(args.optimizer, net.parameters(), args.lr, args.momentum, args.weight_decay)
{weights_line}    n = len(train_y)
{schedule}{amp_setup}    started = time.perf_counter()
    train_loss = float("nan")
    for epoch in range(args.epochs):
        net.train()  # training mode
        # The same seeded shuffle on every process; each takes every world-th image of it.
        generator = torch.Generator().manual_seed(args.seed * 100_003 + epoch)
        order = torch.randperm(n, generator=generator)[rank::world].to(device)
        loss_sum, seen = 0.0, 0
        for start in range(0, len(order), args.batch_size):
            idx = order[start:start + args.batch_size]
            images, labels = normalise(train_x[idx]), train_y[idx]
            optimizer.zero_grad()              # clear the gradients
{forward_open}{indent}            outputs = net(images)              # forward propagation
{indent}            loss = criterion(outputs, targets(labels))  # loss
{backward}{update}{schedule_step_batch}            loss_sum += loss.item() * len(labels)
            seen += len(labels)
        train_loss = loss_sum / max(seen, 1)
{schedule_step_epoch}        if rank == 0:
            test_loss, test_acc = evaluate(model, criterion, test_x, test_y, device)
            print(f"epoch {{epoch + 1}}/{{args.epochs}}  train loss {{train_loss:.4f}}  "
                  f"test loss {{test_loss:.4f}}  test accuracy {{test_acc:.2%}}", flush=True)

    if rank == 0:
        test_loss, test_acc = evaluate(model, criterion, test_x, test_y, device)
        if args.save:
            torch.save(model.state_dict(), args.save)
        seconds = time.perf_counter() - started
        print(json.dumps({{
            "test_accuracy": test_acc, "test_loss": test_loss, "train_loss": train_loss,
            "epochs": args.epochs, "seconds": round(seconds, 3), "processes": world,
            "samples_per_second": round(n * args.epochs / seconds, 1),
        }}))
    if distributed:
        dist.barrier()  # rank 0 may still be evaluating: the processes leave together
        del net, optimizer  # DDP's reducer goes before its process group (freed at exit, it could abort)
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
'''

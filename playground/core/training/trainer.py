"""The training loop, free of Qt: epochs over preloaded tensors, control flags, metrics, snapshots.

Images stay in memory as uint8 and are normalised per batch. Each batch is a gather from the
preloaded tensor with a seeded random permutation — no per-sample collation, which is what makes
this loop faster than a DataLoader over a TensorDataset.

The trainer reports through a `listener(event)` callback called on the training thread, with the typed
events of `core.events`: plain numbers, copies and numpy arrays, never live tensors, so any thread may keep them.
"""

from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Sequence
from contextlib import nullcontext
from typing import Any

import numpy as np
import torch

from playground.core.data.datasets import ImageDataset
from playground.core.data.training_data import SplitTensors, TrainableSplits, TrainingData
from playground.core.explain.inspection import training_snapshot
from playground.core.files.project_file import Project
from playground.core.i18n import tr
from playground.core.model.builder import build_model
from playground.core.model.heads import Head, Scores
from playground.core.model.shape_inference import ShapeReport, format_bytes, infer_shapes
from playground.core.model.spec import ModelSpec
from playground.core.model.tasks import TaskError, check_head, check_output_size, output_activation
from playground.core.training.devices import resolve_device
from playground.core.training.events import (
    Diverged,
    EpochFinished,
    Evaluated,
    Listener,
    Paused,
    RunStarted,
    RunSummary,
    SnapshotReady,
    StepDone,
)
from playground.core.training.metrics import History
from playground.core.training.optimizers import make_optimizer
from playground.core.training.schedules import learning_rate_at
from playground.core.training.training_config import TrainingConfig
from playground.core.training.training_config import TrainingSetupError as TrainingSetupError  # re-exported

EVAL_BATCH = 250  # small enough that evaluating a CNN adds ~50 MB, not ~200 MB, to the peak
PROBE_BATCH = 256
# A loss 100× where it started is divergence, not a bad batch.
EXPLOSION_FACTOR = 100
EXPLOSION_FLOOR = 50.0
# A run's speed is reported once it has trained this many batches: over one or two, start-up costs
# (waking the thread pool, first-call allocations, a snapshot) say more than the speed does.
RATE_MIN_STEPS = 10


class MemoryShortError(TrainingSetupError):
    """Training would need more memory than the device has free (checked before anything is allocated).

    `need` and `available` are bytes; `largest_batch` is the largest batch size that would fit (0: none),
    `gpu` whether the memory is a GPU's, so a caller can phrase its own advice (the command line names
    --batch-size)."""

    def __init__(self, message: str, need: int, available: int, largest_batch: int, gpu: bool = False):
        super().__init__(message)
        self.need = need
        self.available = available
        self.largest_batch = largest_batch
        self.gpu = gpu


def available_memory(device: torch.device) -> int | None:
    """Bytes that can still be allocated on `device` now, or None when that cannot be told.

    CUDA: the GPU's free memory plus what PyTorch's cache holds unused. CPU: MemAvailable on Linux
    (free memory plus what the kernel can reclaim), or less where a container's memory limit leaves less
    (`memory_limits`); elsewhere the physical memory, which catches the impossible rather than the tight.
    Tests replace this function to play a small machine."""
    if device.type == "cuda":
        try:
            free, _ = torch.cuda.mem_get_info(device)
            return int(free) + torch.cuda.memory_reserved(device) - torch.cuda.memory_allocated(device)
        except (RuntimeError, AssertionError):
            return None
    if device.type != "cpu":
        return None
    from playground.core.training.memory_limits import cgroup_available_bytes

    allowed = cgroup_available_bytes()
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    free = int(line.split()[1]) * 1024
                    return free if allowed is None else min(free, allowed)
    except (OSError, ValueError, IndexError):
        pass
    if allowed is not None:
        return allowed
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # no sysconf (Windows) or no such name
        return None


def check_memory(report: ShapeReport, config: TrainingConfig, device: torch.device, examples: int | None = None,
                 data_on_device: int = 0, in_use: int = 0) -> None:
    """Raise MemoryShortError when training `report`'s network with `config` would need more memory
    than `device` has free: its estimate (`ShapeReport.training_bytes`) for batches of `config.batch_size`,
    or of all the `examples` when there are fewer, plus `data_on_device` bytes that the data will take there,
    less `in_use` bytes already allocated for this training."""
    optimizer = config.optimizer
    batch = config.batch_size if examples is None else max(min(config.batch_size, examples), 1)
    need = report.training_bytes(batch, optimizer) + data_on_device - in_use
    if need <= 0:
        return
    free = available_memory(device)
    if free is None or need <= free:
        return
    per_example = report.training_bytes(2, optimizer) - report.training_bytes(1, optimizer)
    largest = int((free - (need - per_example * batch)) // per_example) if per_example > 0 else 0
    largest = min(max(largest, 0), batch - 1)
    if device.type == "cuda":
        problem = tr("Training needs about {need} of GPU memory at batch size {batch}, but only {free} is free.")
    else:
        problem = tr("Training needs about {need} of memory at batch size {batch}, but only {free} is free.")
    if largest > 0:
        advice = tr("Use a smaller batch size (about {largest:,} fits) or fewer units or channels.")
    else:
        advice = tr("Use fewer units or channels.")
    message = problem.format(need=format_bytes(need), batch=config.batch_size, free=format_bytes(free))
    raise MemoryShortError(f"{message} {advice.format(largest=largest)}", need, free, largest,
                           gpu=device.type == "cuda")


def data_bytes(data: TrainableSplits) -> int:
    """Roughly what the trainer's copy of every split takes: stored inputs plus targets (≤ 16 bytes each)."""
    total = 0
    for split in (data.train, data.test, data.validation):
        if split is None:
            continue
        images = getattr(split, "images", None)  # uint8, kept as they are; a table's rows become float32
        total += int(images.nbytes) if images is not None else 4 * int(np.asarray(getattr(split, "x", ())).size)
        total += 16 * len(split)
    return total


class TrainingControl:
    """Thread-safe start/pause/step/stop flags, checked by the trainer before every batch."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._paused = False
        self._stop = False
        self._steps_allowed = 0

    def pause(self) -> None:
        with self._cond:
            self._paused = True

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._steps_allowed = 0
            self._cond.notify_all()

    def step(self) -> None:
        """Run exactly one more batch, then stay paused."""
        with self._cond:
            self._paused = True
            self._steps_allowed += 1
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def clear_stop(self) -> None:
        with self._cond:
            self._stop = False

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def stop_requested(self) -> bool:
        return self._stop

    def would_block(self) -> bool:
        with self._cond:
            return self._paused and self._steps_allowed == 0 and not self._stop

    def wait_for_go(self) -> bool:
        """Block while paused. False means: stop now."""
        with self._cond:
            while self._paused and self._steps_allowed == 0 and not self._stop:
                self._cond.wait(0.25)
            if self._stop:
                return False
            if self._paused:
                self._steps_allowed -= 1
            return True


def _copy_all(targets: list[torch.Tensor], sources: list[torch.Tensor]) -> None:
    """targets[i] ← sources[i], in one call where PyTorch offers it."""
    foreach_copy = getattr(torch, "_foreach_copy_", None)
    if foreach_copy is not None:
        foreach_copy(targets, sources)
    else:
        for target, source in zip(targets, sources):
            target.copy_(source)


class Trainer:
    """Owns one model and its optimizer; `run()` trains it for `config.epochs` more epochs."""

    def __init__(self, spec: ModelSpec, config: TrainingConfig, data: TrainableSplits):
        config.validate()
        report = infer_shapes(spec)
        if not report.ok:
            raise TrainingSetupError(report.errors[0])
        self.device, self.device_message = resolve_device(config.device)
        # Before anything is allocated: a batch too large for the machine is refused, not swapped or killed.
        # The data moves to a GPU; on the CPU the trainer uses the arrays already loaded.
        check_memory(report, config, self.device, len(data.train),
                     data_bytes(data) if self.device.type == "cuda" else 0)
        if config.amp and self.device.type != "cuda":
            note = tr("Mixed precision (AMP) works on CUDA only; training in full precision on the CPU.")
            self.device_message = f"{self.device_message} {note}" if self.device_message else note
        try:
            self.tdata = TrainingData(data, config.task, self.device, config.normalize_mean, config.normalize_std)
        except TaskError as exc:
            raise TrainingSetupError(str(exc)) from None
        if tuple(spec.input_shape) != self.tdata.input_shape:
            if self.tdata.kind == "image":
                text = tr("The network expects inputs of {expected} but the data set '{name}' has images of "
                          "{shape}: set the network's input to {shape}.")
            else:
                text = tr("The network expects inputs of {expected} but the data set '{name}' has rows of "
                          "{shape}: set the network's input to {shape}.")
            raise TrainingSetupError(text.format(
                expected="×".join(map(str, spec.input_shape)), name=getattr(data.train, "name", "data"),
                shape="×".join(map(str, self.tdata.input_shape))), misfit=True)
        out = report.output_shape
        if out is not None and len(out) != 1:
            raise TrainingSetupError(tr(
                "The network ends with {shape} values per example but the task needs a flat vector "
                "of {outputs}: add Flatten and Linear({outputs}) at the end.").format(
                shape="×".join(map(str, out)), outputs=self.tdata.info.outputs), misfit=True)
        mismatch = check_output_size(out[0], self.tdata.info, config.task) if out else None
        if mismatch:
            raise TrainingSetupError(mismatch, misfit=True)
        self.activation = output_activation([layer.type for layer in spec.layers])
        errors, self.head_warnings = check_head(config.task, config.loss, self.activation)
        if errors:
            raise TrainingSetupError(errors[0])
        self.spec = spec
        self.report = report
        self.config = config
        self.data = data
        self.control = TrainingControl()
        # Guards the model's weights: predictions from other threads take it briefly.
        self.lock = threading.RLock()
        self._snapshot_wanted = False
        self._pending_examples: list[tuple[np.ndarray, np.ndarray]] = []
        self._pending_lock = threading.Lock()
        self.set_probe(0)
        self.reset()

    # ----- state -----------------------------------------------------------------------------
    def reset(self) -> None:
        """Fresh weights from the seed, fresh optimizer, empty history."""
        with self.lock:
            self.model = build_model(self.spec, seed=self.config.seed, report=self.report).to(self.device)
            self.optimizer = make_optimizer(self.config, self.model.parameters())
            self.head = Head(self.config.task, self.config.loss, self.activation, self.tdata.info.outputs)
            self.scaler = _grad_scaler(self.config, self.device)
            self.history = History()
            self.global_step = 0
            self.epochs_done = 0
            self._batch_in_epoch = 0
            self._epoch_order: torch.Tensor | None = None
            self._epoch_loss_sum = 0.0
            self._epoch_correct = 0
            self._epoch_seen = 0

    def set_config(self, config: TrainingConfig) -> None:
        """Change learning rate, optimizer, batch size or epochs between runs, keeping the weights."""
        config.validate()
        with self.lock:
            old = self.config
            if (config.batch_size, config.optimizer) != (old.batch_size, old.optimizer):
                examples = len(self.data.train)
                check_memory(self.report, config, self.device, examples, in_use=self.report.training_bytes(
                    max(min(old.batch_size, examples), 1), old.optimizer))
            self.config = config
            if (config.optimizer, config.momentum) != (old.optimizer, old.momentum):
                self.optimizer = make_optimizer(config, self.model.parameters())
            else:
                for group in self.optimizer.param_groups:
                    group["lr"] = config.learning_rate
                    group["weight_decay"] = config.weight_decay
            if config.batch_size != old.batch_size:
                self._batch_in_epoch = 0  # positions in the permutation no longer line up
                self._epoch_order = None
            if (config.task, config.loss) != (old.task, old.loss):
                errors, self.head_warnings = check_head(config.task, config.loss, self.activation)
                if errors or config.task != old.task:
                    self.config = old
                    raise TrainingSetupError(errors[0] if errors else
                                             tr("The task can't change under trained weights: reset first."))
                self.head = Head(config.task, config.loss, self.activation, self.tdata.info.outputs)
            if config.amp != old.amp:
                self.scaler = _grad_scaler(config, self.device)
            self.tdata.set_normalisation(config.normalize_mean, config.normalize_std)
            self.set_probe(self.probe_index)

    def set_probe(self, test_index: int) -> None:
        """The test digit whose feature maps snapshots show; PROBE_BATCH test digits follow it
        so snapshots can also count the ReLU units that never fire."""
        test = self.tdata.test
        index = int(test_index) % len(test)
        order = torch.tensor([(index + k) % len(test) for k in range(min(PROBE_BATCH, len(test)))],
                             device=self.device)
        self._probe = self.tdata.inputs(test.x.index_select(0, order))
        self.probe_index = index

    def add_training_examples(self, images: np.ndarray, labels: np.ndarray) -> None:
        """Add labelled images (uint8 N×H×W, e.g. the learner's drawings) to the training set.

        Safe from any thread; they join at the start of the next epoch, so the epoch under way
        keeps its permutation."""
        train = self.data.train
        if not isinstance(train, ImageDataset):  # the same test as tdata.kind != "image"
            raise TrainingSetupError(tr("Drawings can only be added to an image data set."))
        images = np.ascontiguousarray(images, dtype=np.uint8)
        labels = np.ascontiguousarray(labels, dtype=np.int64)
        if images.ndim != 3 or images.shape[1:] != train.images.shape[1:] or len(images) != len(labels):
            raise TrainingSetupError(tr(
                "Examples must be {count} images of {size} pixels with one label each (got {shape}).").format(
                count=len(labels), size="×".join(map(str, train.images.shape[1:])), shape=images.shape))
        classes = len(train.classes)
        if len(labels) and (labels.min() < 0 or labels.max() >= classes):
            raise TrainingSetupError(tr("Labels must be 0 to {last}.").format(last=classes - 1))
        with self._pending_lock:
            self._pending_examples.append((images, labels))

    def _merge_pending_examples(self) -> bool:
        with self._pending_lock:
            pending, self._pending_examples = self._pending_examples, []
        if not pending:
            return False
        self.tdata.add_examples(np.concatenate([images for images, _ in pending]),
                                np.concatenate([labels for _, labels in pending]))
        self.data = self.tdata.splits
        return True

    def request_snapshot(self) -> None:
        """Ask for a `SnapshotReady` event after the next optimizer step (any thread; cheap)."""
        self._snapshot_wanted = True

    @property
    def steps_per_epoch(self) -> int:
        return math.ceil(len(self.data.train) / self.config.batch_size)

    def normalise(self, images_uint8: torch.Tensor) -> torch.Tensor:
        """uint8 N×H×W (or N×H·W) → float N×1×H×W, as ToTensor() then Normalize(mean, std)."""
        return self.tdata.inputs(images_uint8.flatten(1))

    def _penalty(self, weights: Sequence[torch.Tensor]) -> torch.Tensor | None:
        """L1 or L2 regularisation term: rate × Σ|w| or rate × Σw² over the weights (biases excluded)."""
        cfg = self.config
        if cfg.regularization == "none" or cfg.regularization_rate == 0 or not weights:
            return None
        if cfg.regularization == "l1":
            return cfg.regularization_rate * torch.stack([w.abs().sum() for w in weights]).sum()
        return cfg.regularization_rate * torch.stack([w.pow(2).sum() for w in weights]).sum()

    # ----- training ----------------------------------------------------------------------------
    def run(self, listener: Listener | None = None) -> RunSummary:
        """Train `config.epochs` epochs (finishing a partial epoch first). Blocks; call from a worker thread."""
        emit: Listener = listener or (lambda event: None)
        control = self.control
        control.clear_stop()
        cfg = self.config
        bs = cfg.batch_size
        n = len(self.data.train)
        steps_per_epoch = self.steps_per_epoch
        target_epoch = self.epochs_done + cfg.epochs
        total_steps = (target_epoch - self.epochs_done) * steps_per_epoch - self._batch_in_epoch
        emit(RunStarted(str(self.device), self.device_message, total_steps, steps_per_epoch, self.epochs_done,
                        self.global_step, self.spec.copy(), cfg.replace()))
        params = [t for t in self.model.state_dict().values() if t.is_floating_point()]
        backup = [t.detach().clone() for t in params]
        weights = [p for name, p in self.model.named_parameters() if p.ndim > 1]  # what L1/L2 penalise
        optimized = [p for group in self.optimizer.param_groups for p in group["params"]]
        head, tdata = self.head, self.tdata
        scaler = self.scaler  # None: full precision
        schedule_step = 0
        train_seconds = 0.0
        samples = 0
        steps_this_run = 0
        reason = "completed"
        message = None
        self.model.train()
        while self.epochs_done < target_epoch:
            if self._epoch_order is None:
                if self._merge_pending_examples():  # drawings added since: part of this epoch on
                    n, steps_per_epoch = len(self.data.train), self.steps_per_epoch
                gen = torch.Generator().manual_seed(cfg.seed * 100_003 + self.epochs_done)
                self._epoch_order = torch.randperm(n, generator=gen).to(self.device)
                self._batch_in_epoch = 0
                self._epoch_loss_sum, self._epoch_correct, self._epoch_seen = 0.0, 0, 0
                self._epoch_started: float = time.perf_counter()
                # Batches and what each step does for its listener; not pauses, the time between runs or
                # the test checks made part-way (which `seconds` still counts).
                self._epoch_train_seconds: float = 0.0
            correct_sum = torch.zeros((), dtype=torch.long, device=self.device)
            while self._batch_in_epoch < steps_per_epoch:
                if control.would_block():
                    emit(Paused(self.global_step, self.epochs_done))
                if not control.wait_for_go():
                    reason = "stopped"
                    break
                t0 = time.perf_counter()
                start = self._batch_in_epoch * bs
                xb, yb = tdata.batch(tdata.train, self._epoch_order[start:start + bs])
                if cfg.lr_schedule != "constant":
                    lr = learning_rate_at(cfg.lr_schedule, cfg.learning_rate, schedule_step, total_steps,
                                          steps_per_epoch, cfg.lr_step_epochs, cfg.lr_gamma)
                    for group in self.optimizer.param_groups:
                        group["lr"] = lr
                with self.lock:
                    with (torch.autocast("cuda", dtype=torch.float16) if scaler is not None else nullcontext()):
                        logits = self.model(xb)
                        loss = head.loss_value(logits, yb)
                    loss_value = loss.item()
                    if not math.isfinite(loss_value) or loss_value > self._explosion_threshold():
                        _copy_all(params, backup)
                        self.optimizer = make_optimizer(cfg, self.model.parameters())
                        message = _divergence_message(loss_value, self.global_step + 1, self.epochs_done + 1, cfg)
                        reason = "diverged"
                        break
                    _copy_all(backup, params)  # keep the weights that gave a sane loss
                    for p in optimized:  # optimizer.zero_grad(set_to_none=True) spends ~60 µs in wrappers
                        p.grad = None
                    penalty = self._penalty(weights)
                    total = loss if penalty is None else loss + penalty
                    if scaler is not None:
                        scaler.scale(total).backward()  # type: ignore[no-untyped-call]  # unannotated in torch
                        scaler.step(self.optimizer)
                        scaler.update()
                    else:
                        total.backward()  # type: ignore[no-untyped-call]  # unannotated in torch
                        self.optimizer.step()
                    if self._snapshot_wanted:  # gradients of this step are still there
                        self._snapshot_wanted = False
                        emit(SnapshotReady(self.global_step + 1,
                                           training_snapshot(self.model, self.global_step + 1, self._probe)))
                # Summed on the device; read once per epoch, so no extra sync per step.
                correct_sum += head.correct(logits.detach(), yb)
                schedule_step += 1
                batch = int(yb.shape[0])
                dt = time.perf_counter() - t0
                train_seconds += dt
                samples += batch
                steps_this_run += 1
                self.global_step += 1
                self._batch_in_epoch += 1
                self._epoch_loss_sum += loss_value * batch
                self._epoch_seen += batch
                self.history.step_losses.append(loss_value)
                rate = samples / train_seconds if train_seconds > 0 else 0.0
                remaining = total_steps - steps_this_run
                emit(StepDone(
                    self.global_step, self.epochs_done, self._batch_in_epoch, steps_per_epoch, loss_value,
                    rate if steps_this_run >= RATE_MIN_STEPS else None, self.optimizer.param_groups[0]["lr"],
                    steps_this_run / max(total_steps, 1), remaining * bs / rate if rate > 0 else float("nan")))
                self._epoch_train_seconds += time.perf_counter() - t0
                if cfg.eval_every_steps and self.global_step % cfg.eval_every_steps == 0 \
                        and self._batch_in_epoch < steps_per_epoch:
                    check = Evaluated(self.global_step, self.epochs_done + self._batch_in_epoch / steps_per_epoch,
                                      self.scores(tdata.test, limit=cfg.eval_subset or None))
                    self.history.evals.append(check.row())
                    emit(check)
            self._epoch_correct += int(correct_sum)
            if reason != "completed":
                break
            self._finish_epoch(emit)
        measured = steps_this_run >= RATE_MIN_STEPS and train_seconds > 0
        last = self.history.epochs[-1] if self.history.epochs else {}
        summary = RunSummary(
            reason, self.global_step, self.epochs_done, samples / train_seconds if measured else None,
            last.get("train_loss"), last.get("train_accuracy"),
            last.get("test_loss"), last.get("test_accuracy"), message,
        )
        if reason == "diverged" and message is not None:
            emit(Diverged(self.global_step, message))
        emit(summary)
        return summary

    def _finish_epoch(self, emit: Listener) -> None:
        train_seconds = self._epoch_train_seconds
        seen = max(self._epoch_seen, 1)
        test = self.scores(self.tdata.test)
        self.epochs_done += 1
        accuracy = self._epoch_correct / (seen * self.head.answers_per_example()) if self.head.has_accuracy else None
        seconds = time.perf_counter() - self._epoch_started
        validation = self.scores(self.tdata.validation) if self.tdata.validation is not None else None
        event = EpochFinished(self.epochs_done, self.global_step, self._epoch_loss_sum / seen, accuracy, test,
                              seconds, train_seconds, validation)
        self.history.epochs.append(event.row())
        self._epoch_order = None
        self._batch_in_epoch = 0
        emit(event)

    def _explosion_threshold(self) -> float:
        """A loss this far above the first one means the weights blew up, even while still finite."""
        losses = self.history.step_losses
        if not losses:  # nothing to compare with yet (a regression's first MSE may be 10⁵): only NaN/inf stop it
            return math.inf
        return max(EXPLOSION_FACTOR * losses[0], EXPLOSION_FLOOR)

    # ----- evaluation and inference ------------------------------------------------------------
    @torch.no_grad()
    def scores(self, split: SplitTensors, limit: int | None = None) -> dict[str, float]:
        """Loss and the task's scores (accuracy, F1, R², …) on a split's first `limit` examples, in eval mode."""
        count = len(split) if not limit else min(limit, len(split))
        scores = Scores(self.head)
        with self.lock:
            was_training = self.model.training
            self.model.eval()
            try:
                for start in range(0, count, EVAL_BATCH):
                    stop = min(start + EVAL_BATCH, count)
                    x = self.tdata.inputs(split.x[start:stop])
                    scores.add(self.model(x).float(), split.y[start:stop])
            finally:
                self.model.train(was_training)
        return scores.result()

    def evaluate(self, dataset: Any, limit: int | None = None) -> tuple[float, float]:
        """Mean loss and accuracy (NaN for regression) on `dataset` (its first `limit` examples)."""
        split = {id(self.data.test): self.tdata.test, id(self.data.train): self.tdata.train}.get(id(dataset))
        if split is None:
            split = self.tdata._tensors(dataset)
        result = self.scores(split, limit)
        return result["loss"], result.get("accuracy", float("nan"))

    def state_snapshot(self) -> dict[str, np.ndarray]:
        """A copy of every weight and buffer as numpy arrays, safe to hand to any thread."""
        with self.lock:
            return {k: v.detach().cpu().numpy().copy() for k, v in self.model.state_dict().items()}

    # ----- projects ----------------------------------------------------------------------------
    def to_project(self, extra: dict[str, Any] | None = None) -> Project:
        """Everything needed to continue later: design, settings, weights, optimizer state, history."""
        with self.lock:
            return Project(
                self.spec.copy(), TrainingConfig.from_json(self.config.to_json()),
                {k: v.detach().cpu().clone() for k, v in self.model.state_dict().items()},
                _clone_state(self.optimizer.state_dict()),
                History.from_json(self.history.to_json()),
                self.epochs_done, self.global_step, dict(extra or {}),
            )

    def load_project_state(self, project: Project) -> None:
        """Take over a saved project's weights, optimizer state and history (design must match)."""
        with self.lock:
            if project.state_dict:
                self.model.load_state_dict(project.state_dict)
            if project.optimizer_state:
                try:
                    self.optimizer.load_state_dict(project.optimizer_state)
                except (ValueError, KeyError, RuntimeError):
                    pass  # a different optimizer was saved: start its state afresh
            self.history = History.from_json(project.history.to_json())
            self.epochs_done = project.epochs_done
            self.global_step = project.global_step
            self._epoch_order = None
            self._batch_in_epoch = 0


def _divergence_message(loss_value: float, step: int, epoch: int, cfg: TrainingConfig) -> str:
    """What happened when the loss blew up, and what to try instead."""
    if math.isnan(loss_value):
        problem = tr("The loss became NaN at step {step} (epoch {epoch}): the weights diverged.")
    elif math.isinf(loss_value):
        problem = tr("The loss became infinite at step {step} (epoch {epoch}): the weights diverged.")
    else:
        problem = tr("The loss became {loss:,.0f}, over {factor}× where it started, at step {step} "
                     "(epoch {epoch}): the weights diverged.")
    problem = problem.format(loss=loss_value, factor=EXPLOSION_FACTOR, step=step, epoch=epoch)
    if cfg.optimizer in ("sgd", "momentum"):
        advice = tr("Try a learning rate about 10× lower (now {lr:g}), or Adam instead of SGD.")
    else:
        advice = tr("Try a learning rate about 10× lower (now {lr:g}).")
    return tr("{problem} Training stopped and the last weights with a sane loss were restored. {advice}").format(
        problem=problem, advice=advice.format(lr=cfg.learning_rate))


def _grad_scaler(config: TrainingConfig, device: torch.device) -> torch.amp.GradScaler | None:
    """Mixed precision needs gradient scaling so float16 gradients don't underflow to zero."""
    if not (config.amp and device.type == "cuda"):
        return None
    return torch.amp.GradScaler("cuda")


def _clone_state(obj: Any) -> Any:
    if isinstance(obj, torch.Tensor):
        return obj.detach().cpu().clone()
    if isinstance(obj, dict):
        return {k: _clone_state(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_clone_state(v) for v in obj]
    return obj

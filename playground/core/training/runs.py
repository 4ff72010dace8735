"""Training runs kept with their settings, so runs can be compared, forked and saved with a project.

A *run* is a stretch of training of one network with one set of settings: it starts at a global
step of the trainer (0 for fresh weights) and grows while Train, Pause and Step go on. Its record
holds the design, the `TrainingConfig`, its own part of the history (the per-step losses, epoch
rows and test checks made during it) and, when it was *forked*, the run it branched from and the
step it branched at: the weights at that step are the parent's, only the settings differ. A
child's curves therefore continue the parent's curves from the fork step.

`RunStore.begin` decides what a new stretch of training is:
- the weights are the current run's, with the same settings → the current run continues;
- the same weights with other settings (optimizer, learning rate, …) → a new run forked from it;
- fresh weights (step 0) → a new run with no parent.

Plain data: the store goes into a project's `extra` dict as JSON (`RUNS_KEY`). Files may come
from anywhere, so `RunStore.from_json` keeps only well-formed records.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from playground.core.i18n import N_, tr
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.metrics import History
from playground.core.training.run_logs import test_score_key
from playground.core.training.training_config import OPTIMIZERS, ConfigError, TrainingConfig

RUNS_KEY = "runs"  # in Project.extra
RUNS_FORMAT = 1
STATUSES = ("running", "paused", "completed", "stopped", "diverged", "forked", "error")
FINISHED_STATUSES = ("completed", "stopped", "diverged", "forked", "error")
# Settings that do not change what is learned: a new value continues the run instead of forking it.
NOT_A_FORK = ("epochs", "eval_every_steps", "eval_subset", "device", "amp")
SMOOTHING = 0.9  # the loss curves' EMA weight, as on the Training curves tab
MAX_NAME_LENGTH = 80
# A new run's name, stored in English ("Run 3") and shown in the current language (`RunRecord.display_name`).
DEFAULT_NAME = N_("Run {id}")
# What the runs table says for each status (the status itself, a key, is what is saved).
STATUS_NAMES = {
    "running": N_("running"), "paused": N_("paused"), "completed": N_("completed"), "stopped": N_("stopped"),
    "diverged": N_("diverged"), "forked": N_("forked"), "error": N_("error"),
}
# How `settings_change` says that a setting changed (whole phrases: a setting's name alone would be
# ambiguous in the catalogue).
SETTING_CHANGES = {
    "batch_size": N_("batch size {old} → {new}"), "learning_rate": N_("learning rate {old} → {new}"),
    "optimizer": N_("optimizer {old} → {new}"), "momentum": N_("momentum {old} → {new}"),
    "weight_decay": N_("weight decay {old} → {new}"), "task": N_("task {old} → {new}"),
    "loss": N_("loss {old} → {new}"), "regularization": N_("regularization {old} → {new}"),
    "regularization_rate": N_("regularization rate {old} → {new}"), "lr_schedule": N_("lr schedule {old} → {new}"),
    "lr_step_epochs": N_("lr step epochs {old} → {new}"), "lr_gamma": N_("lr gamma {old} → {new}"),
    "seed": N_("seed {old} → {new}"), "validation_fraction": N_("validation fraction {old} → {new}"),
    "normalize_mean": N_("normalize mean {old} → {new}"), "normalize_std": N_("normalize std {old} → {new}"),
}


def default_name(run_id: int) -> str:
    """The name a new run gets, as saved ('Run 3')."""
    return DEFAULT_NAME.format(id=run_id)


def status_text(status: str) -> str:
    """A run status in words, in the current language."""
    return tr(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def short_name(text: str) -> str:
    """'SGD (plain gradient descent)' → 'SGD' (also with a translation's full-width bracket)."""
    return text.split(" (")[0].split("（")[0].strip() or text


@dataclass
class RunRecord:
    """One run. `history` holds only this run's own steps, epochs and checks (global step numbers)."""

    id: int
    name: str
    spec: ModelSpec
    config: TrainingConfig
    history: History = field(default_factory=History)
    start_step: int = 0
    end_step: int = 0
    start_epoch: int = 0  # full epochs the weights had when the run started
    plan_end_epoch: int = 0  # the epoch its last Train was asked to reach (where a fork of it aims too)
    steps_per_epoch: int = 0
    parent_id: int | None = None
    fork_step: int | None = None  # the parent's step the run branched at (== start_step)
    status: str = "running"
    created: float = 0.0  # seconds since the epoch

    # ----- what the runs table shows ------------------------------------------------------------
    @property
    def steps(self) -> int:
        return max(0, self.end_step - self.start_step)

    @property
    def epochs_trained(self) -> float:
        """Epochs of training in this run alone (fractional)."""
        return self.steps / self.steps_per_epoch if self.steps_per_epoch else 0.0


    @property
    def score_key(self) -> str:
        """The test score that says how good a run is: R² for regression, accuracy otherwise."""
        return test_score_key(self.config.task)

    def best_score(self) -> float | None:
        """The best test score over this run's epoch ends (over its in-epoch checks before the first epoch ends)."""
        key = self.score_key
        values = [row[key] for row in self.history.epochs if _finite(row.get(key))]
        if not values:
            values = [row[key] for row in self.history.evals if _finite(row.get(key))]
        return max(values) if values else None

    def display_name(self) -> str:
        """The name to show: the user's, or the default name ('Run 3') in the current language."""
        return tr(DEFAULT_NAME).format(id=self.id) if self.name == default_name(self.id) else self.name

    def describe_settings(self) -> str:
        """'Adam, lr 0.001, batch 64' (in the current language)."""
        c = self.config
        return tr("{optimizer}, lr {learning_rate:g}, batch {batch_size}").format(
            optimizer=short_name(tr(OPTIMIZERS.get(c.optimizer, c.optimizer))), learning_rate=c.learning_rate,
            batch_size=c.batch_size)

    # ----- curves --------------------------------------------------------------------------------
    def loss_steps(self) -> np.ndarray:
        """The global step of each of `history.step_losses` (the last one is `end_step`)."""
        n = len(self.history.step_losses)
        return np.arange(self.end_step - n + 1, self.end_step + 1, dtype=np.float64)

    def points(self, key: str, which: str = "all") -> tuple[np.ndarray, np.ndarray]:
        """(step, value) of `key` at this run's epoch ends ("epochs"), its in-epoch test checks ("checks", on
        a subset of the test set) or both ("all"), in step order."""
        rows = {"all": self.history.evals + self.history.epochs, "epochs": self.history.epochs,
                "checks": self.history.evals}[which]
        rows = [r for r in rows if _finite(r.get(key)) and "step" in r]
        rows.sort(key=lambda r: (r["step"], "train_loss" in r))  # an epoch end after a check at the same step
        return (np.array([r["step"] for r in rows], dtype=np.float64),
                np.array([r[key] for r in rows], dtype=np.float64))

    # ----- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "spec": self.spec.to_json(), "config": self.config.to_json(),
            "history": self.history.to_json(), "start_step": self.start_step, "end_step": self.end_step,
            "start_epoch": self.start_epoch, "plan_end_epoch": self.plan_end_epoch,
            "steps_per_epoch": self.steps_per_epoch,
            "parent_id": self.parent_id, "fork_step": self.fork_step, "status": self.status,
            "created": self.created,
        }

    @staticmethod
    def from_json(data: Any) -> RunRecord:
        """Raises ValueError (SpecError, ConfigError) when the record is not usable."""
        if not isinstance(data, dict):
            raise ValueError("a run must be a JSON object")
        run_id = _int(data.get("id"), "id", 1)
        start, end = _int(data.get("start_step", 0), "start_step"), _int(data.get("end_step", 0), "end_step")
        if end < start:
            raise ValueError("a run cannot end before it starts")
        parent = data.get("parent_id")
        fork = data.get("fork_step")
        status = data.get("status")
        return RunRecord(
            id=run_id,
            name=_name(data.get("name"), run_id),
            spec=ModelSpec.from_json(data.get("spec")),
            config=TrainingConfig.from_json(data.get("config")),
            history=History.from_json(data.get("history")),
            start_step=start, end_step=end,
            start_epoch=_int(data.get("start_epoch", 0), "start_epoch"),
            plan_end_epoch=_int(data.get("plan_end_epoch", 0), "plan_end_epoch"),
            steps_per_epoch=_int(data.get("steps_per_epoch", 0), "steps_per_epoch"),
            parent_id=None if parent is None else _int(parent, "parent_id", 1),
            fork_step=None if fork is None else _int(fork, "fork_step"),
            # A run saved while it trained or was paused is no longer running when opened.
            status=status if status in FINISHED_STATUSES else "stopped",
            created=float(data["created"]) if _finite(data.get("created")) else 0.0,
        )


class RunStore:
    """Every run of a project, in the order they started, and which one the trainer's weights belong to."""

    def __init__(self) -> None:
        self.runs: list[RunRecord] = []
        self.current_id: int | None = None  # the run that ended with the trainer's present weights
        self._next_id = 1

    # ----- reading -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.runs)

    def get(self, run_id: int | None) -> RunRecord | None:
        for run in self.runs:
            if run.id == run_id:
                return run
        return None

    @property
    def current(self) -> RunRecord | None:
        return self.get(self.current_id)

    def children(self, run_id: int) -> list[RunRecord]:
        return [r for r in self.runs if r.parent_id == run_id]

    def lineage(self, run_id: int) -> list[RunRecord]:
        """The run and its ancestors, oldest first (stops at a deleted ancestor)."""
        chain: list[RunRecord] = []
        run = self.get(run_id)
        seen: set[int] = set()
        while run is not None and run.id not in seen:
            seen.add(run.id)
            chain.append(run)
            run = self.get(run.parent_id)
        return chain[::-1]

    def loss_curve(self, run_id: int, weight: float = SMOOTHING) -> tuple[np.ndarray, np.ndarray]:
        """(step, smoothed loss) of a run, from its first step on: the smoothing carries on from the
        ancestors' losses up to the fork step, so a child's curve starts where its parent's was."""
        return SmoothedLosses(self, weight).curve(run_id)

    def metric_curve(self, run_id: int, key: str) -> tuple[np.ndarray, np.ndarray]:
        """(step, value) of e.g. "test_accuracy" at a run's epoch ends; a forked run's curve begins with its
        parent's last value at or before the fork step (the branch point)."""
        run = self.get(run_id)
        if run is None:
            return np.empty(0), np.empty(0)
        x, y = run.points(key, "epochs")
        branch = self.branch_point(run_id, key)
        if branch is not None:
            x, y = np.concatenate([[branch[0]], x]), np.concatenate([[branch[1]], y])
        return x, y

    def check_points(self, run_id: int, key: str) -> tuple[np.ndarray, np.ndarray]:
        """(step, value) of `key` at a run's test checks during epochs (on a subset of the test set)."""
        run = self.get(run_id)
        return run.points(key, "checks") if run is not None else (np.empty(0), np.empty(0))

    def branch_point(self, run_id: int, key: str) -> tuple[float, float] | None:
        """(step, value) where a forked run leaves its parent's `key` curve; None for a root run.

        The step is the fork step when the parent measured `key` there, else the parent's last
        measurement before it."""
        run = self.get(run_id)
        if run is None or run.parent_id is None or run.fork_step is None:
            return None
        for ancestor in reversed(self.lineage(run.parent_id)):
            x, y = ancestor.points(key)
            before = x <= run.fork_step
            if before.any():
                return float(x[before][-1]), float(y[before][-1])
        return None

    # ----- training events -----------------------------------------------------------------------
    def begin(self, spec: ModelSpec, config: TrainingConfig, step: int, epoch: int = 0,
              steps_per_epoch: int = 0, earlier: History | None = None, force_fork: bool = False,
              now: float | None = None) -> RunRecord:
        """Training starts at global step `step` (with `epoch` full epochs done): continue, fork or start a run.

        `earlier` is the trainer's history, used when its weights were trained before any run here
        was kept (an older project, or the run deleted): the new run then includes those steps.
        `force_fork` forks even when the settings are unchanged."""
        current = self.current
        now = time.time() if now is None else now
        if current is not None and current.steps == 0 and not current.history.step_losses \
                and current.end_step == step and current.parent_id is None:
            self.delete(current.id)  # started but never trained a step: not worth a row
            if current.id == self._next_id - 1 and current.name == default_name(current.id):
                self._next_id -= 1
            current = None
        if current is not None and current.end_step == step and step > 0 and _same_json(current.spec, spec):
            if not force_fork and same_settings(current.config, config):
                current.config = _copy_config(config)
                current.plan_end_epoch = epoch + config.epochs
                current.status = "running"
                if steps_per_epoch:
                    current.steps_per_epoch = steps_per_epoch
                return current
            if current.status in ("stopped", "paused"):
                current.status = "forked"
            run = self._new(spec, config, step, epoch, steps_per_epoch, now)
            run.parent_id, run.fork_step = current.id, step
            return run
        run = self._new(spec, config, step, epoch, steps_per_epoch, now)
        if step > 0 and earlier is not None:  # weights trained before runs were kept: include that training
            run.history = _history_until(earlier, step)
            run.start_step = 0
            run.start_epoch = 0
        return run

    def _new(self, spec: ModelSpec, config: TrainingConfig, step: int, epoch: int, steps_per_epoch: int,
             now: float) -> RunRecord:
        run = RunRecord(self._next_id, default_name(self._next_id), spec.copy(), _copy_config(config), History(),
                        step, step, epoch, epoch + config.epochs, steps_per_epoch, created=now)
        self._next_id += 1
        self.runs.append(run)
        self.current_id = run.id
        return run

    def add_finished(self, spec: ModelSpec, config: TrainingConfig, history: History, steps_per_epoch: int,
                     status: str = "completed", name: str | None = None, now: float | None = None) -> RunRecord:
        """Keep a run trained on weights of its own (a sweep's): a root run from step 0 with `history`.
        The trainer's weights are not its, so the current run stays the current run."""
        run = RunRecord(self._next_id, _name(name, self._next_id), spec.copy(), _copy_config(config),
                        History(list(history.step_losses), [dict(r) for r in history.epochs],
                                [dict(r) for r in history.evals]),
                        0, len(history.step_losses), 0, config.epochs, steps_per_epoch,
                        status=status if status in FINISHED_STATUSES else "stopped",
                        created=time.time() if now is None else now)
        self._next_id += 1
        self.runs.append(run)
        return run

    def add_losses(self, steps: np.ndarray, losses: np.ndarray) -> None:
        """Per-step losses of the current run (`steps` are global step numbers)."""
        run = self.current
        if run is None or not len(losses):
            return
        steps = np.asarray(steps)
        new = steps > run.end_step  # a repeat (none expected) is not counted twice
        run.history.step_losses.extend(float(v) for v in np.asarray(losses)[new])
        if new.any():
            run.end_step = int(steps[new][-1])
        if run.status == "paused":
            run.status = "running"

    def add_eval(self, row: dict[str, Any]) -> None:
        run = self.current
        if run is not None:
            run.history.evals.append(_numbers(row))

    def add_epoch(self, row: dict[str, Any]) -> None:
        run = self.current
        if run is not None:
            run.history.epochs.append(_numbers(row))
            if isinstance(row.get("step"), int):
                run.end_step = max(run.end_step, row["step"])

    def set_status(self, status: str) -> None:
        run = self.current
        if run is not None and status in STATUSES:
            run.status = status

    def finish(self, reason: str, step: int | None = None, limit_reached: bool = False) -> None:
        """The current run's training ended: "completed", "stopped", "diverged" or "error"."""
        run = self.current
        if run is None:
            return
        if step is not None and step >= run.end_step:
            run.end_step = int(step)
        run.status = "completed" if limit_reached else (reason if reason in STATUSES else "stopped")

    def weights_reset(self) -> None:
        """The trainer's weights were replaced (reset, another network): no run continues from them."""
        if self.current is not None and self.current.status in ("running", "paused"):
            self.current.status = "stopped"
        self.current_id = None

    # ----- editing -------------------------------------------------------------------------------
    def rename(self, run_id: int, name: str) -> bool:
        run = self.get(run_id)
        name = " ".join(str(name).split())[:MAX_NAME_LENGTH]
        if run is None or not name:
            return False
        run.name = name
        return True

    def delete(self, run_id: int) -> bool:
        """Forget a run (its children keep their own curves; they lose the branch point)."""
        run = self.get(run_id)
        if run is None:
            return False
        self.runs.remove(run)
        if self.current_id == run_id:
            self.current_id = None
        return True

    def clear(self) -> None:
        self.runs = []
        self.current_id = None
        self._next_id = 1

    # ----- JSON ----------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {"format": RUNS_FORMAT, "current": self.current_id, "runs": [r.to_json() for r in self.runs]}

    @staticmethod
    def from_json(data: Any) -> RunStore:
        """The runs of a project file; malformed records are skipped, never fatal."""
        store = RunStore()
        if not isinstance(data, dict):
            return store
        seen: set[int] = set()
        runs = data.get("runs")
        for item in runs if isinstance(runs, list) else []:
            try:
                run = RunRecord.from_json(item)
            except (ValueError, TypeError, KeyError, SpecError, ConfigError):
                continue
            if run.id in seen:
                continue
            seen.add(run.id)
            store.runs.append(run)
        store._next_id = max(seen, default=0) + 1
        current = data.get("current")
        store.current_id = current if isinstance(current, int) and current in seen else None
        return store


class SmoothedLosses:
    """The smoothed loss curves of a store's runs, extended as the runs grow (a live view asks ten
    times a second; only the new losses are smoothed each time).

    A run's curve is smoothed over its whole lineage — the ancestors' losses up to each fork step,
    then its own — and shown from its branch point, the parent's smoothed value at the fork step."""

    def __init__(self, store: RunStore, weight: float = SMOOTHING):
        self.store = store
        self.weight = weight
        self._entries: dict[int, _SmoothedEntry] = {}

    def curve(self, run_id: int) -> tuple[np.ndarray, np.ndarray]:
        entry = self._entry(run_id, set())
        if entry is None:
            return np.empty(0), np.empty(0)
        return entry.steps[entry.visible_from:], entry.smooth[entry.visible_from:]

    def forget(self, run_id: int | None = None) -> None:
        """Drop cached curves (one run's and its descendants', or all)."""
        if run_id is None:
            self._entries.clear()
            return
        for key in [k for k, e in self._entries.items() if run_id in e.lineage]:
            del self._entries[key]

    def _entry(self, run_id: int, visiting: set[int]) -> _SmoothedEntry | None:
        run = self.store.get(run_id)
        if run is None or run_id in visiting:
            return None
        visiting.add(run_id)
        lineage = tuple(r.id for r in self.store.lineage(run_id))
        entry = self._entries.get(run_id)
        if entry is None or entry.lineage != lineage or entry.consumed > len(run.history.step_losses):
            entry = self._build(run, lineage, visiting)
            self._entries[run_id] = entry
        losses = run.history.step_losses
        if len(losses) > entry.consumed:
            new_steps = run.loss_steps()[entry.consumed:]
            out, entry.acc, entry.count = _ema_extend(losses[entry.consumed:], entry.acc, entry.count, self.weight)
            entry.steps = np.concatenate([entry.steps, new_steps])
            entry.smooth = np.concatenate([entry.smooth, out])
            entry.consumed = len(losses)
        return entry

    def _build(self, run: RunRecord, lineage: tuple[int, ...], visiting: set[int]) -> _SmoothedEntry:
        parent = self._entry(run.parent_id, visiting) if len(lineage) > 1 and run.parent_id is not None else None
        if parent is None:
            return _SmoothedEntry(lineage, np.empty(0), np.empty(0), 0.0, 0, 0, 0)
        cut = int(np.searchsorted(parent.steps, run.start_step, side="right"))  # parent's steps ≤ the fork step
        steps, smooth = parent.steps[:cut].copy(), parent.smooth[:cut].copy()
        w = self.weight
        acc = float(smooth[-1]) * (1 - w ** cut) if cut else 0.0  # the EMA's state at the fork step
        return _SmoothedEntry(lineage, steps, smooth, acc, cut, 0, max(cut - 1, 0))


@dataclass
class _SmoothedEntry:
    lineage: tuple[int, ...]
    steps: np.ndarray
    smooth: np.ndarray
    acc: float  # the EMA's accumulator and count after the last point (bias correction needs both)
    count: int
    consumed: int  # how many of the run's own losses are in
    visible_from: int  # index of the run's first point (its branch point, for a fork)


def _ema_extend(values: list[float], acc: float, count: int, w: float) -> tuple[np.ndarray, float, int]:
    """TensorBoard's bias-corrected EMA, continued from (acc, count)."""
    out = np.empty(len(values), dtype=np.float64)
    for i, v in enumerate(values):
        acc = w * acc + (1 - w) * float(v)
        count += 1
        out[i] = acc / (1 - w ** count)
    return out, acc, count


def same_settings(a: TrainingConfig, b: TrainingConfig) -> bool:
    """True when training on with `b` continues a run trained with `a` (only e.g. the epoch count differs)."""
    ja, jb = a.to_json(), b.to_json()
    for key in NOT_A_FORK:
        ja.pop(key, None)
        jb.pop(key, None)
    return ja == jb


def settings_change(a: TrainingConfig, b: TrainingConfig) -> list[str]:
    """What differs, in words (in the current language): ['learning rate 0.001 → 0.0001', 'optimizer Adam → SGD']."""
    ja, jb = a.to_json(), b.to_json()
    out = []
    for key in ja:  # the same keys in both: one dataclass's fields
        if key in NOT_A_FORK or ja[key] == jb[key]:
            continue
        old, new = ja[key], jb[key]
        if key == "optimizer":
            old, new = (short_name(tr(OPTIMIZERS.get(v, v))) for v in (old, new))
        elif isinstance(old, float) or isinstance(new, float):
            old, new = f"{old:g}", f"{new:g}"
        change = tr(SETTING_CHANGES[key]) if key in SETTING_CHANGES else key.replace("_", " ") + " {old} → {new}"
        out.append(change.format(old=old, new=new))
    return out


def _history_until(history: History, step: int) -> History:
    losses = list(history.step_losses)[-step:] if step else []
    return History(
        [float(v) for v in losses],
        [dict(r) for r in history.epochs if r.get("step", 0) <= step],
        [dict(r) for r in history.evals if r.get("step", 0) <= step],
    )


def _copy_config(config: TrainingConfig) -> TrainingConfig:
    return TrainingConfig.from_json(config.to_json())


def _same_json(a: ModelSpec, b: ModelSpec) -> bool:
    return a.to_json() == b.to_json()


def _numbers(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if isinstance(k, str) and isinstance(v, (int, float))
            and not isinstance(v, bool)}


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _int(value: Any, what: str, lowest: int = 0) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < lowest:
        raise ValueError(f"run field '{what}' must be a whole number ≥ {lowest}")
    return value


def _name(value: Any, run_id: int) -> str:
    text = " ".join(str(value).split())[:MAX_NAME_LENGTH] if isinstance(value, str) else ""
    return text or default_name(run_id)

"""Pause, single-step, resume and stop at random points: the counters, the history and the events
stay consistent, and a stop takes effect within one batch.

Two kinds of randomness:
- hypothesis chooses exact step counts; the training thread pauses or stops itself when it gets
  there (through its listener), so every expectation is exact;
- a seeded random schedule calls the controls from another thread at random moments, as the
  GUI does, where only "within one batch" can be promised.
"""

from __future__ import annotations

import random
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.data.datasets import load_data
from playground.core.model.presets import load_preset
from playground.core.training.events import EpochFinished, Paused, RunStarted, RunSummary, StepDone
from playground.core.training.trainer import Trainer

TRAIN, TEST, BATCH = 640, 100, 64
STEPS_PER_EPOCH = TRAIN // BATCH  # 10: the random step counts cross epoch ends often
WAIT_S = 30.0
KINDS = {RunStarted: "started", StepDone: "step", EpochFinished: "epoch", Paused: "paused", RunSummary: "finished"}


@pytest.fixture(scope="module")
def tiny_mnist():
    return load_data(train_limit=TRAIN, test_limit=TEST)


def make_trainer(data) -> Trainer:
    preset = load_preset("seed-mlp")
    # More epochs than any schedule reaches: runs end only by being stopped.
    return Trainer(preset.spec, preset.training.replace(epochs=1000, batch_size=BATCH), data)


class Driver:
    """Runs `trainer.run` in a thread, records every event, and pauses or stops the loop from its
    own thread at exact step counts."""

    def __init__(self, trainer: Trainer):
        self.trainer = trainer
        self.events: list[tuple[str, object]] = []  # (kind, the event)
        self.summaries: list = []
        self.pause_at: int | None = None
        self.stop_at: int | None = None
        self.cond = threading.Condition()
        self.thread: threading.Thread | None = None

    def listener(self, event) -> None:
        with self.cond:
            self.events.append((KINDS.get(type(event), type(event).__name__), event))
            self.cond.notify_all()
        if isinstance(event, StepDone):
            if event.step == self.pause_at:
                self.trainer.control.pause()
            if event.step == self.stop_at:
                self.trainer.control.stop()

    def start_paused(self) -> None:
        """A new run() that waits before its first batch (as Step from idle does)."""
        assert self.thread is None or not self.thread.is_alive()
        self.trainer.control.pause()
        before = self.count("paused")
        self.thread = threading.Thread(target=lambda: self.summaries.append(self.trainer.run(self.listener)))
        self.thread.start()
        self.wait_for(lambda: self.count("paused") > before)

    def count(self, kind: str) -> int:
        return sum(1 for k, _ in self.events if k == kind)

    def wait_for(self, predicate) -> None:
        with self.cond:
            assert self.cond.wait_for(predicate, WAIT_S), "the trainer did not get there in time"

    def wait_paused_at(self, step: int) -> None:
        self.wait_for(lambda: any(k == "paused" and e.step == step for k, e in self.events[-3:]))

    def join(self) -> None:
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive(), "run() did not return after stop"


def check_consistent(trainer: Trainer, driver: Driver) -> None:
    """What must hold whenever the loop is waiting (paused) or has returned."""
    steps = [e.step for k, e in driver.events if k == "step"]
    assert steps == list(range(1, trainer.global_step + 1))  # no step lost, repeated or skipped
    assert len(trainer.history.step_losses) == trainer.global_step
    assert trainer.epochs_done == len(trainer.history.epochs) == trainer.global_step // STEPS_PER_EPOCH
    assert [row["step"] for row in trainer.history.epochs] == [
        STEPS_PER_EPOCH * (i + 1) for i in range(trainer.epochs_done)]
    assert trainer._batch_in_epoch == trainer.global_step % STEPS_PER_EPOCH
    kinds = [k for k, _ in driver.events]
    assert kinds.count("started") == len(driver.summaries) + (1 if driver.thread.is_alive() else 0)
    assert kinds.count("finished") == len(driver.summaries)
    for (kind, event) in driver.events:
        if kind == "paused":
            assert event.epoch == event.step // STEPS_PER_EPOCH


def still(trainer: Trainer, step: int) -> None:
    """Paused means paused: nothing moves for a while."""
    time.sleep(0.02)
    assert trainer.global_step == step


Op = st.one_of(
    # run d more steps, then pause (the loop pauses itself there), then n single steps
    st.tuples(st.just("pause"), st.integers(1, 25), st.integers(0, 3)),
    # run d more steps, then stop (run() returns), then start a new run that continues
    st.tuples(st.just("stop"), st.integers(1, 25)),
    # stop while paused: run() returns without another batch
    st.tuples(st.just("stop_paused"), st.just(0)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(Op, min_size=1, max_size=6))
def test_pause_step_resume_stop_at_exact_random_steps(tiny_mnist, ops):
    trainer = make_trainer(tiny_mnist)
    driver = Driver(trainer)
    driver.start_paused()
    assert trainer.global_step == 0
    try:
        for op in ops:
            s = trainer.global_step
            if op[0] == "pause":
                _, d, n = op
                driver.pause_at = s + d
                trainer.control.resume()
                driver.wait_paused_at(s + d)
                still(trainer, s + d)
                for i in range(1, n + 1):
                    trainer.control.step()
                    driver.wait_paused_at(s + d + i)
                    still(trainer, s + d + i)
            elif op[0] == "stop":
                _, d = op
                driver.stop_at = s + d
                trainer.control.resume()
                driver.join()
                summary = driver.summaries[-1]
                assert summary.reason == "stopped" and trainer.global_step == s + d == summary.steps
                check_consistent(trainer, driver)
                driver.start_paused()
                started = [e for k, e in driver.events if k == "started"][-1]
                assert started.step == s + d and started.epoch == (s + d) // STEPS_PER_EPOCH
            else:
                trainer.control.stop()
                driver.join()
                assert driver.summaries[-1].reason == "stopped" and trainer.global_step == s
                check_consistent(trainer, driver)
                driver.start_paused()
            check_consistent(trainer, driver)
    finally:
        trainer.control.stop()
        if driver.thread is not None:
            driver.join()
    check_consistent(trainer, driver)
    assert driver.summaries[-1].steps == trainer.global_step


@pytest.mark.parametrize("seed", range(4))
def test_controls_from_another_thread_at_random_moments(tiny_mnist, seed):
    """As the GUI drives it: pause, step, resume and stop at random times from another thread."""
    rng = random.Random(seed)
    trainer = make_trainer(tiny_mnist)
    driver = Driver(trainer)
    driver.start_paused()
    control = trainer.control
    running = False  # the loop is training (not waiting for a go)

    def pause_and_wait() -> None:
        paused_before = driver.count("paused")
        control.pause()
        at_pause = trainer.global_step  # read after the flag is set
        driver.wait_for(lambda: driver.count("paused") > paused_before)
        assert trainer.global_step <= at_pause + 1  # the batch under way finishes, no more
        still(trainer, trainer.global_step)

    for _ in range(12):
        action = rng.choice(["resume", "pause", "step", "stop"])
        if action == "resume":
            control.resume()
            running = True
        elif action == "pause":
            if running:
                pause_and_wait()
                running = False
            check_consistent(trainer, driver)
        elif action == "step":
            if running:
                pause_and_wait()
                running = False
            s, paused_before = trainer.global_step, driver.count("paused")
            control.step()
            driver.wait_for(lambda before=paused_before: driver.count("paused") > before)
            assert trainer.global_step == s + 1
            check_consistent(trainer, driver)
        else:
            control.stop()
            at_stop = trainer.global_step  # read after the flag is set: at most the batch under way follows
            driver.join()
            assert trainer.global_step <= at_stop + 1
            assert driver.summaries[-1].reason == "stopped"
            check_consistent(trainer, driver)
            driver.start_paused()
            running = False
        time.sleep(rng.uniform(0, 0.03))
    control.stop()
    at_stop = trainer.global_step
    driver.join()
    assert trainer.global_step <= at_stop + 1
    check_consistent(trainer, driver)

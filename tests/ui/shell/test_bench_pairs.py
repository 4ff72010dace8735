"""`bench/run.py` measures what the window costs training (issue 16: window ÷ trainer alone ≥ 0.90) in pairs:
each run through the window, then the same training by a trainer with nothing listening, on the window's own
worker thread while the window waits. A pair that ran on another thread, or a trainer alone that was really
the window's, would measure something else."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("bench_run", None)


def test_each_window_run_is_paired_with_the_trainer_alone_on_the_worker_thread(bench, make_window, small_data,
                                                                                 monkeypatch):
    monkeypatch.setattr(bench, "SETTLE_SECONDS", 0.1)
    window = make_window()
    made = []
    real = bench.trainer_alone_beside

    def watched(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(bench, "trainer_alone_beside", watched)
    result = bench.app_run(small_data, seed=0, batch_size=64, window=window, epochs=1, repeats=2, paired=True)

    assert len(made) == 1
    alone = made[0].alone
    assert alone.thread() is window.worker.thread()  # its slot ran where the window's runs ran
    assert alone.trainer is not None and alone.trainer is not window.worker.trainer
    assert alone.trainer.epochs_done == 2 and window.worker.trainer.epochs_done == 2  # one epoch each, twice
    assert len(result["alone_samples_per_second"]) == len(result["runs_samples_per_second"]) == 2
    assert all(rate > 0 for rate in result["alone_samples_per_second"])
    ratios = bench.pair_ratios(result)
    assert ratios == [w / a for w, a in zip(result["runs_samples_per_second"], result["alone_samples_per_second"],
                                            strict=True)]


def test_without_pairs_the_window_runs_alone(bench, make_window, small_data):
    window = make_window()
    result = bench.app_run(small_data, seed=0, batch_size=64, window=window, epochs=1, repeats=1)
    assert "alone_samples_per_second" not in result
    assert window.worker.trainer.epochs_done == 1

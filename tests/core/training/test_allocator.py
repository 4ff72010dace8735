"""The malloc tuning: with it, a large freed buffer goes back to the system; without it, glibc keeps
the second one resident (its sliding mmap threshold), which is what made the cnn's peak memory drift."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from playground.core.training import allocator

PROGRAM = """
import sys
from pathlib import Path
from playground.core.training.allocator import tune_allocator

def rss_mb():
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20

tuned = tune_allocator() if sys.argv[1] == "tuned" else False
import numpy as np
before = rss_mb()
for _ in range(4):
    buffer = np.ones(12 << 20, dtype=np.uint8)  # 12 MB, like a cnn evaluation batch's conv output
    del buffer
print(tuned, rss_mb() - before)
"""


def _run(mode: str) -> tuple[bool, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", PROGRAM, mode], capture_output=True, text=True, check=True, env=env)
    tuned, grown = out.stdout.split()
    return tuned == "True", float(grown)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc is tuned on Linux only")
def test_freed_large_buffers_go_back_to_the_system_only_when_tuned():
    tuned, grown = _run("tuned")
    assert tuned and grown < 4, f"{grown:.1f} MB stayed resident after freeing"
    untuned, grown_untuned = _run("plain")
    assert not untuned and grown_untuned > 8, "glibc kept nothing: the test would not notice a missing tuning"


def test_an_explicit_environment_setting_wins(monkeypatch):
    monkeypatch.setenv("MALLOC_MMAP_THRESHOLD_", "131072")
    assert allocator.tune_allocator() is False

"""A container's memory limit counts in the memory check: cgroup v1 and v2, a limit on a parent group, page
cache not counted as used, no limit, and files that are missing or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from playground.core.training import memory_limits, trainer
from playground.core.training.memory_limits import cgroup_available_bytes

MiB = 1024 * 1024


@pytest.fixture
def fake_cgroups(tmp_path, monkeypatch):
    """A /proc/self/cgroup and a /sys/fs/cgroup of our own; returns a function that writes files in them."""
    proc = tmp_path / "proc-self-cgroup"
    root = tmp_path / "sys-fs-cgroup"
    monkeypatch.setattr(memory_limits, "PROC_CGROUP", proc)
    monkeypatch.setattr(memory_limits, "CGROUP_ROOT", root)

    def write(relative: str, text: str) -> Path:
        path = proc if relative == "proc" else root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


def test_v2_the_limit_less_what_is_used_with_droppable_cache_free(fake_cgroups):
    fake_cgroups("proc", "0::/user.slice/app.scope\n")
    fake_cgroups("user.slice/app.scope/memory.max", f"{1024 * MiB}\n")
    fake_cgroups("user.slice/app.scope/memory.current", f"{600 * MiB}\n")
    fake_cgroups("user.slice/app.scope/memory.stat", f"anon {450 * MiB}\ninactive_file {100 * MiB}\n")
    assert cgroup_available_bytes() == (1024 - 600 + 100) * MiB


def test_v2_a_tighter_limit_on_a_parent_counts_and_max_means_none(fake_cgroups):
    fake_cgroups("proc", "0::/user.slice/app.scope\n")
    fake_cgroups("user.slice/app.scope/memory.max", "max\n")
    fake_cgroups("user.slice/app.scope/memory.current", f"{100 * MiB}\n")
    fake_cgroups("user.slice/memory.max", f"{512 * MiB}\n")
    fake_cgroups("user.slice/memory.current", f"{400 * MiB}\n")
    assert cgroup_available_bytes() == 112 * MiB
    fake_cgroups("user.slice/memory.max", "max\n")
    assert cgroup_available_bytes() is None  # no limit anywhere: the machine's free memory decides


def test_v1_the_memory_controller_line_wins_and_no_limit_is_a_huge_number(fake_cgroups):
    fake_cgroups("proc", "4:memory:/docker/abc\n1:cpu:/\n0::/\n")
    fake_cgroups("memory/docker/abc/memory.limit_in_bytes", f"{2048 * MiB}\n")
    fake_cgroups("memory/docker/abc/memory.usage_in_bytes", f"{1800 * MiB}\n")
    fake_cgroups("memory/docker/abc/memory.stat", f"cache {200 * MiB}\ntotal_inactive_file {48 * MiB}\n")
    assert cgroup_available_bytes() == (2048 - 1800 + 48) * MiB
    fake_cgroups("memory/docker/abc/memory.limit_in_bytes", "9223372036854771712\n")
    assert cgroup_available_bytes() is None


def test_in_its_own_namespace_the_mount_root_is_the_group(fake_cgroups):
    fake_cgroups("proc", "0::/\n")
    fake_cgroups("memory.max", f"{256 * MiB}\n")
    fake_cgroups("memory.current", f"{300 * MiB}\n")  # over the limit already (reclaim pending): no room
    assert cgroup_available_bytes() == 0


@pytest.mark.parametrize("proc", [None, "", "garbage without colons\n", "0::/x\n"])
def test_missing_or_damaged_files_mean_no_limit_known(fake_cgroups, proc):
    if proc is not None:
        fake_cgroups("proc", proc)
    fake_cgroups("x/memory.max", "a lot\n")  # not a number
    assert cgroup_available_bytes() is None


def test_the_memory_check_takes_the_smaller_of_the_machine_and_the_container(monkeypatch):
    monkeypatch.setattr(memory_limits, "cgroup_available_bytes", lambda: 64 * MiB)
    assert trainer.available_memory(torch.device("cpu")) <= 64 * MiB
    monkeypatch.setattr(memory_limits, "cgroup_available_bytes", lambda: None)
    assert trainer.available_memory(torch.device("cpu")) > 64 * MiB  # this machine has more than that free

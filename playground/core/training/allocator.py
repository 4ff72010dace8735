"""glibc's malloc, told to hand large buffers back to the system as soon as they are freed.

PyTorch on the CPU allocates every activation and gradient with malloc. glibc serves a request of
more than `M_MMAP_THRESHOLD` bytes with its own mmap and unmaps it on free, but it raises that
threshold each time such a buffer is freed (up to 32 MB), after which buffers of that size come from
the heap and stay resident when freed. Training the `cnn` preset allocates 3 MB conv outputs every
step and 12 MB ones when it evaluates, so the heap kept growing by whatever fragments the order of
frees left behind: its peak resident memory varied from 420 to 610 MB between identical runs.
A fixed 4 MB threshold keeps each step's buffers on the fast heap and maps the evaluation's, and the
peak stays at 400-455 MB at the same speed (bench/run.py, section accuracy). 1 MB would map a conv
output every step and cost about a third of the speed.

It also caps glibc's arenas at two. glibc gives a thread that allocates while another holds the main
arena an arena of its own, and keeps it after the thread ends. The window runs many short-lived job
threads (predictions, the inside views, the explain views, sweeps), so every window opened and closed
left about 6 MB more resident in arenas nobody would use again (tests/ui/shell/test_soak.py: +24 MB over
four windows; capped: +0.3 MB). Training's speed is the same (the trainer allocates on one thread).

Linux with glibc only; MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ (MALLOC_ARENA_MAX for the cap) in
the environment win.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD = -1  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
ARENA_MAX = 2
MMAP_THRESHOLD = 4 << 20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def tune_allocator() -> bool:
    """Fix glibc's mmap and trim thresholds and cap its arenas (call early, before torch allocates and
    threads start); True when the thresholds were set."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    if "MALLOC_ARENA_MAX" not in os.environ:
        mallopt(M_ARENA_MAX, ARENA_MAX)
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "MALLOC_TRIM_THRESHOLD_" in os.environ:
        return False  # someone chose their own
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1)

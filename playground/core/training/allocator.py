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

Linux with glibc only; MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ in the environment win.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD = -1  # from glibc's malloc.h
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 4 << 20
TRIM_THRESHOLD = 2 * MMAP_THRESHOLD


def tune_allocator() -> bool:
    """Fix glibc's mmap and trim thresholds (call early, before torch allocates); True when done."""
    if not sys.platform.startswith("linux"):
        return False
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "MALLOC_TRIM_THRESHOLD_" in os.environ:
        return False  # someone chose their own
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) == 1 and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) == 1)

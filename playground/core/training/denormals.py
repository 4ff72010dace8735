"""Denormal floats flushed to zero in the threads that train.

Adam keeps a running average of each weight's gradient. Where the gradient stays exactly zero (a
ReLU unit that fires for no input any more: seed-mlp has dozens) that average shrinks by β1 = 0.9
per step and after ~800 steps drops below 1.2e-38, float32's smallest normal number. x86 CPUs do
arithmetic on such denormal numbers in slow microcode: after one epoch of seed-mlp a third of Adam's
averages are denormal and the optimizer step takes twice as long, so the second epoch runs ~20 %
slower than the first. Flushed to zero, they change a weight's update by ~1e-37, which a float32
weight cannot register: two epochs of seed-mlp give the same weights bit for bit either way
(tests/core/test_denormals.py checks a smaller case).

The mode is a flag of each CPU thread (MXCSR on x86), and the OpenMP helpers that PyTorch starts for a
thread copy it when they are created. So it has to be set before the thread's first parallel
operation, or the helpers keep computing with denormals.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


def flush_denormals() -> bool:
    """Flush denormal floats to zero in the calling thread and the OpenMP helpers it starts from now
    on. Call it first thing in a thread that will train. False where the CPU has no such mode."""
    import torch

    return bool(torch.set_flush_denormal(True))


def flushing_denormals() -> bool:
    """Whether the calling thread flushes denormals now (the mode covers Python's own floats too)."""
    smallest = sys.float_info.min  # read at run time, so the division below is not folded away
    return smallest / 2 == 0.0


@contextmanager
def denormals_flushed() -> Iterator[bool]:
    """Flush denormals in the calling thread inside the block and not after it: for a thread that goes
    on with other work (the command line run inside a test, say). The OpenMP helpers it started inside
    keep flushing (Python cannot reach them), so later parallel operations of this thread may still
    flush part of their denormals; on normal numbers nothing differs."""
    before = flushing_denormals()
    supported = flush_denormals()
    try:
        yield supported
    finally:
        if supported and not before:
            import torch

            torch.set_flush_denormal(False)

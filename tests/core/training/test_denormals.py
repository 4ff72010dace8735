"""Denormal floats flushed to zero in training threads: the helpers of a thread follow its mode only
when it is set first, and training gives the same weights with and without it."""

import threading

import pytest
import torch

from playground.core.model.presets import load_preset
from playground.core.training.denormals import flush_denormals
from playground.core.training.trainer import Trainer

TINY = torch.finfo(torch.float32).tiny  # the smallest normal float32; below it, denormals


def _denormal_count(values: torch.Tensor) -> int:
    """Denormal float32s, told from their bits: comparing them as floats would itself flush them
    in a thread (or helper) that flushes."""
    bits = values.contiguous().view(torch.int32)
    return int((((bits & 0x7F800000) == 0) & ((bits & 0x007FFFFF) != 0)).sum())


def _in_fresh_thread(work):
    """Run `work` in a new thread (its own MXCSR and OpenMP helpers) and return what it returned."""
    out = {}

    def target():
        out["value"] = work()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return out["value"]


def _denormals_left(denormals: torch.Tensor, before_flush=None) -> int:
    """Flush (after running `before_flush`, if given), multiply `denormals` by 1 in an operation large
    enough for PyTorch to split across its threads, and count the results that stayed denormal."""
    if before_flush is not None:
        before_flush()
    if not flush_denormals():
        pytest.skip("this CPU has no flush-to-zero mode")
    product = torch.empty_like(denormals)
    torch.mul(denormals, 1.0, out=product)
    return _denormal_count(product)


@pytest.fixture
def denormals():
    """Made here, in a thread that never flushes: made in a flushing thread, they would be zeros."""
    values = torch.full((4_000_000,), TINY / 4)
    assert _denormal_count(values) == len(values)
    return values


def test_a_thread_that_flushes_first_computes_no_denormals_in_any_of_its_helpers(denormals):
    assert _in_fresh_thread(lambda: _denormals_left(denormals)) == 0


def test_helpers_started_before_the_flush_keep_denormals(denormals):
    """Why flush_denormals() must come first in a thread: PyTorch's OpenMP helpers copy the mode when
    they start. (Needs two threads; with one, nothing is split and nothing can stay behind.)"""
    if torch.get_num_threads() < 2:
        pytest.skip("one torch thread: no helpers to start early")

    def start_helpers():
        torch.full((4_000_000,), 1.0).mul(2.0)

    assert _in_fresh_thread(lambda: _denormals_left(denormals, start_helpers)) > 0


def _train(small_mnist, flush: bool):
    def work():
        if flush:
            flush_denormals()
        preset = load_preset("seed-mlp")
        # 32 steps an epoch: 1,024 steps, past the ~800 after which Adam's averages for dead units go denormal.
        trainer = Trainer(preset.spec, preset.training.replace(epochs=32, seed=3), small_mnist)
        trainer.run()
        averages = [state["exp_avg"] for state in trainer.optimizer.state.values()]
        denormal = sum(_denormal_count(a) for a in averages)
        return {k: v.clone() for k, v in trainer.model.state_dict().items()}, denormal, trainer.history.epochs[-1]

    return _in_fresh_thread(work)


def test_flushing_denormals_gives_the_same_weights_bit_for_bit(small_mnist):
    plain_weights, plain_denormals, plain_row = _train(small_mnist, flush=False)
    flushed_weights, flushed_denormals, flushed_row = _train(small_mnist, flush=True)
    assert plain_denormals > 1000  # the case the flush is for: many of Adam's averages went denormal
    assert flushed_denormals == 0
    for name, weights in plain_weights.items():
        assert torch.equal(weights, flushed_weights[name]), name
    assert plain_row["test_accuracy"] == flushed_row["test_accuracy"]


def test_the_block_form_leaves_the_thread_as_it_found_it():
    """The command line trains inside other programs too (the tests): the mode must not leak out."""
    from playground.core.training.denormals import denormals_flushed, flushing_denormals

    def work():
        seen = [flushing_denormals()]
        with denormals_flushed() as supported:
            seen.append(flushing_denormals())
        seen.append(flushing_denormals())
        return supported, seen

    supported, seen = _in_fresh_thread(work)
    if not supported:
        pytest.skip("this CPU has no flush-to-zero mode")
    assert seen == [False, True, False]


def test_the_command_line_leaves_its_thread_computing_with_denormals():
    from playground.cli import main
    from playground.core.training.denormals import flushing_denormals

    def work():
        code = main(["train", "--preset", "softmax-regression", "--epochs", "1", "--train-limit", "256",
                     "--test-limit", "64", "--json", "-q"])
        return code, flushing_denormals()

    assert _in_fresh_thread(work) == (0, False)

"""Softmax vs sigmoid on multi-label digits: the comparison trains both heads and its numbers tell the story."""

import numpy as np

from playground.core.explain.multilabel_compare import compare_heads, sample_indices


def test_sigmoid_beats_softmax_and_the_conclusion_uses_the_numbers(small_mnist):
    result = compare_heads(small_mnist, hidden=32, epochs=2)
    soft, sig = result.heads
    assert soft.loss == "cross_entropy" and sig.loss == "bce"
    assert np.allclose(soft.sums, 1.0, atol=1e-4)  # softmax: one unit of probability to share
    assert sig.scores["f1"] > soft.scores["f1"] + 0.2
    assert sig.scores["exact_match"] > soft.scores["exact_match"]
    # an 8 is even, ≥ 5 and has a loop: softmax cannot pass 0.5 on more than one of them
    eight = list(result.digits).index(8)
    assert result.truth[eight].tolist() == [1, 1, 0, 1]
    assert soft.passing[eight] <= 1
    text = result.conclusion()
    assert f"F1 {soft.scores['f1']:.2f}" in text and f"F1 {sig.scores['f1']:.2f}" in text


def test_cancelling_returns_nothing(small_mnist):
    assert compare_heads(small_mnist, hidden=8, epochs=1, cancelled=lambda: True) is None


def test_samples_are_the_first_of_each_digit():
    labels = np.array([3, 8, 6, 8, 9, 5, 2, 0])
    assert sample_indices(labels).tolist() == [1, 2, 4, 5, 6, 7]

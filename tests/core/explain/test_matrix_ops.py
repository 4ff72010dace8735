import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from playground.core.explain.matrix_ops import (
    MatrixInputError,
    add,
    cell_order,
    check_laws,
    dense_as_matrix_product,
    describe_tensor,
    format_matrix,
    hadamard,
    matmul,
    matmul_cell,
    matmul_rule,
    parse_cell,
    parse_matrix,
    scale,
    tensor_examples,
    transpose,
)

finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


def mat(rows, cols):
    return arrays(np.float64, (rows, cols), elements=finite)


@st.composite
def pair_for_matmul(draw):
    n, k, m = (draw(st.integers(1, 12)) for _ in range(3))
    return draw(mat(n, k)), draw(mat(k, m))


@settings(max_examples=200, deadline=None)
@given(pair_for_matmul())
def test_matmul_and_every_cell_equal_numpy(pair):
    a, b = pair
    r = matmul(a, b)
    assert r.ok and np.allclose(r.value, a @ b, atol=1e-6, rtol=0)
    i, j = a.shape[0] - 1, b.shape[1] - 1
    assert abs(matmul_cell(a, b, i, j).value - (a @ b)[i, j]) <= 1e-6


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.data())
def test_elementwise_ops_equal_numpy(n, m, data):
    a, b = data.draw(mat(n, m)), data.draw(mat(n, m))
    k = data.draw(finite)
    assert np.allclose(add(a, b).value, a + b, atol=1e-6, rtol=0)
    assert np.allclose(hadamard(a, b).value, a * b, atol=1e-6, rtol=0)
    assert np.allclose(scale(a, k).value, k * a, atol=1e-6, rtol=0)
    assert np.array_equal(transpose(a).value, a.T)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(1, 6), st.data())
def test_laws_hold_on_random_numbers(n, k, m, data):
    small = st.integers(-9, 9).map(float)
    a = data.draw(arrays(np.float64, (n, k), elements=small))
    b = data.draw(arrays(np.float64, (k, m), elements=small))
    c = data.draw(arrays(np.float64, (m, m), elements=small))
    laws = {law.left: law for law in check_laws(a, b, c)}
    assert laws["(AB)ᵀ"].equal is True
    b2 = data.draw(arrays(np.float64, (k, m), elements=small))
    laws = {law.left: law for law in check_laws(a, b, b2 if k == m else None)}
    if k == m:
        assert laws["A(BC)"].equal in (True, None)
        assert laws["A(B+C)"].equal in (True, None)


def test_ab_is_usually_not_ba():
    a = np.array([[1., 2], [3, 4]])
    b = np.array([[0., 1], [1, 0]])
    law = check_laws(a, b)[0]
    assert law.equal is False and law.max_difference == pytest.approx(3.0)
    assert check_laws(a, np.eye(2))[0].equal is True


def test_shape_rule_in_words():
    a, b = np.zeros((3, 2)), np.zeros((3, 3))
    assert matmul_rule(a, b) == ("A is 3×2 and B is 3×3: A has 2 columns but B has 3 rows, "
                                 "so A·B is undefined (B·A is 3×2).")
    r = matmul(a, b)
    assert not r.ok and "undefined" in r.message and "torch.matmul" in r.torch_code
    assert "same shape" in add(a, b).message
    assert "Cannot check" in check_laws(a, b)[0].message
    assert check_laws(a, b)[0].reason == matmul_rule(a, b)  # the rule alone, for the code comment


def test_a_bad_cell_says_why_in_the_language_of_the_moment():
    """The message is translated each time it is read, so one kept on screen follows a language switch."""
    from playground.core import i18n
    with pytest.raises(MatrixInputError) as caught:
        parse_cell("abc", 1, 2)
    french = {"row {row}, column {col}: ": "ligne {row}, colonne {col} : ",
              "'{text}' is not a number.": "« {text} » n'est pas un nombre."}
    try:
        i18n.set_translator(lambda text: french.get(text, text))
        assert str(caught.value) == "ligne 2, colonne 3 : « abc » n'est pas un nombre."
    finally:
        i18n.set_translator(None)
    assert str(caught.value) == "row 2, column 3: 'abc' is not a number."
    assert describe_tensor(np.zeros(4), translate=False) == "vector (rank 1), shape (4,)"


@pytest.mark.parametrize("text, expected", [
    ("1,2\n3,4", [[1, 2], [3, 4]]),
    ("1 2\t3\n4 5 6", [[1, 2, 3], [4, 5, 6]]),
    ("[[1, 2], [3, 4.5]]", [[1, 2], [3, 4.5]]),
    ("np.array([[1, -2]], dtype=np.float32)", [[1, -2]]),
    ("[1, 2, 3]", [[1, 2, 3]]),
    ("1;2,5\n3;4", [[1, 2.5], [3, 4]]),
    ("1/2 pi", [[0.5, np.pi]]),
])
def test_parse_accepts_what_people_paste(text, expected):
    assert np.allclose(parse_matrix(text), expected)


@pytest.mark.parametrize("text, words, where", [
    ("1 2\n3", "Row 2 has 1 numbers but row 1 has 2", (1, None)),
    ("1 x", "'x' is not a number", (0, 1)),
    ("", "Nothing to read", (None, None)),
    ("1 nan", "not a finite number", (0, 1)),
    ("\n".join(" ".join("1" for _ in range(13)) for _ in range(2)), "larger than this panel's 12×12", (None, None)),
    ("[[1, 2], [3, 'a']]", "'a' is not a number", (1, 1)),
    ("[[1, 2], [3]", "list literal", (None, None)),
    ("__import__('os').system('true')", "not a number", (0, 0)),
    ("1e400", "not a finite number", (0, 0)),
])
def test_bad_input_names_the_cell(text, words, where):
    with pytest.raises(MatrixInputError) as err:
        parse_matrix(text)
    assert words in str(err.value)
    assert (err.value.row, err.value.col) == where


def test_cells_and_formatting():
    assert parse_cell(" -3.5 ") == -3.5 and parse_cell("2,5") == 2.5
    with pytest.raises(MatrixInputError, match="row 2, column 3"):
        parse_cell("abc", 1, 2)
    m = np.array([[1.0, 0.5], [2, 3]])
    assert np.allclose(parse_matrix(format_matrix(m)), m)


def test_step_through_explains_the_dot_product():
    a = np.array([[1., 2], [3, 4]])
    b = np.array([[5., 6], [7, 8]])
    step = matmul_cell(a, b, 1, 0)
    assert step.explanation() == "C[2][1] = A[2,:]·B[:,1] = 3·5 + 4·7 = 15 + 28 = 43"
    assert cell_order(2, 3)[:4] == [(0, 0), (0, 1), (0, 2), (1, 0)]


def test_tensors_and_dense_product():
    ranks = [t.value.ndim for t in tensor_examples()]
    assert ranks == [0, 1, 2, 3]
    assert describe_tensor(np.zeros((2, 2, 3))) == "3-D tensor (rank 3), shape (2, 2, 3)"
    assert describe_tensor(np.zeros(4)) == "vector (rank 1), shape (4,)"
    x, w, b = np.array([1., 2, 3]), np.arange(6.).reshape(2, 3), np.array([1., -30])
    d = dense_as_matrix_product(x, w, b, "ReLU", np.maximum(x @ w.T + b, 0))
    assert np.allclose(d.z, [[9, -4]]) and np.allclose(d.a, [[9, 0]]) and "weight.t()" in d.torch_code

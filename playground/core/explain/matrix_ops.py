"""The linear algebra a network runs on, for the matrix panel: parsing what a user types or
pastes, the operations with their shape rules in words, C[i][j] step-through, the algebraic
laws checked on actual numbers, and the matching PyTorch code."""

from __future__ import annotations

import ast
import csv
import io
import math
import re
from dataclasses import dataclass

import numpy as np

from playground.core.i18n import N_, tr

MAX_SIDE = 12
MAX_ABS = 1e12
EQUAL_TOLERANCE = 1e-9  # relative to the size of the numbers compared


class MatrixInputError(ValueError):
    """Bad matrix input; `row`/`col` (0-based) point at the offending cell when there is one.

    `message` is an English template marked with `N_` and filled with `values`; `str()` translates it
    each time it is read, so a bad cell kept on screen follows a language switch. `located` puts
    "row 2, column 3: " in front (for a cell's own message)."""

    def __init__(self, message: str, row: int | None = None, col: int | None = None, *,
                 located: bool = False, **values: object) -> None:
        super().__init__(message)
        self.row = row
        self.col = col
        self._template = message
        self._values = values
        self._located = located and row is not None and col is not None

    def __str__(self) -> str:
        text = tr(self._template)
        if self._values:
            text = text.format(**self._values)
        if self._located and self.row is not None and self.col is not None:
            text = tr("row {row}, column {col}: ").format(row=self.row + 1, col=self.col + 1) + text
        return text


def shape_text(m: np.ndarray) -> str:
    return "×".join(str(d) for d in m.shape) if m.ndim else tr("scalar")


# ----- input ----------------------------------------------------------------------------------------

def parse_cell(text: str, row: int | None = None, col: int | None = None) -> float:
    """One entry: a finite number (1, -2.5, 3e-2, also 1/2 and π written as pi)."""
    t = text.strip().replace("−", "-")
    if t.count(",") == 1 and "." not in t:  # a decimal comma: 2,5
        t = t.replace(",", ".")
    if not t:
        raise MatrixInputError(N_("the cell is empty; type a number."), row, col, located=True)
    t = t.replace("π", "pi")
    value: float | None = None
    try:
        value = float(t)
    except ValueError:
        frac = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*", t)
        if frac and float(frac.group(2)) != 0:
            value = float(frac.group(1)) / float(frac.group(2))
        elif t.lower() in ("pi", "-pi"):
            value = math.pi if t[0] != "-" else -math.pi
        elif t.lower() in ("e", "-e"):
            value = math.e if t[0] != "-" else -math.e
    if value is None:
        raise MatrixInputError(N_("'{text}' is not a number."), row, col, located=True, text=text.strip()[:20])
    if not math.isfinite(value):
        raise MatrixInputError(N_("{text} is not a finite number; use an ordinary number."), row, col,
                               located=True, text=text.strip())
    if abs(value) > MAX_ABS:
        raise MatrixInputError(N_("{value:g} is too large (at most {limit:g})."), row, col, located=True,
                               value=value, limit=MAX_ABS)
    return value


def parse_matrix(text: str, max_side: int = MAX_SIDE) -> np.ndarray:
    """A matrix from pasted text: CSV, numbers separated by spaces or tabs (one row a line),
    or a Python/NumPy literal such as [[1, 2], [3, 4]] or np.array([[1, 2]]). Always 2-D."""
    stripped = text.strip()
    if not stripped:
        raise MatrixInputError(N_("Nothing to read: paste numbers, one row per line."))
    if stripped[0] in "[(" or stripped.startswith(("np.array", "numpy.array", "torch.tensor", "array(")):
        rows = _parse_literal(stripped)
    else:
        rows = _parse_table(stripped)
    if not rows or not rows[0]:
        raise MatrixInputError(N_("Nothing to read: paste numbers, one row per line."))
    width = len(rows[0])
    for r, row in enumerate(rows):
        if len(row) != width:
            raise MatrixInputError(
                N_("Row {number} has {count} numbers but row 1 has {width}: every row needs the same count."), r,
                number=r + 1, count=len(row), width=width)
    if len(rows) > max_side or width > max_side:
        raise MatrixInputError(
            N_("{rows}×{cols} is larger than this panel's {side}×{side}; use a smaller matrix."),
            rows=len(rows), cols=width, side=max_side)
    return np.array(rows, dtype=np.float64)


def _parse_table(text: str) -> list[list[float]]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > MAX_SIDE * 4:
        raise MatrixInputError(N_("{count} rows is far more than this panel's {side}."),
                               count=len(lines), side=MAX_SIDE)
    delimiter = None
    sample = lines[0]
    if ";" in sample:
        delimiter = ";"
    elif "," in sample:
        delimiter = ","
    rows = []
    for r, line in enumerate(lines):
        cells = next(csv.reader(io.StringIO(line), delimiter=delimiter)) if delimiter else line.split()
        cells = [c for c in cells if c.strip() != ""] if delimiter != "," else cells
        rows.append([parse_cell(c, r, c_i) for c_i, c in enumerate(cells)])
    return rows


def _parse_literal(text: str) -> list[list[float]]:
    inner = re.sub(r"^(np\.array|numpy\.array|torch\.tensor|array)\s*\(", "(", text).strip()
    inner = re.sub(r",\s*dtype\s*=\s*[\w.]+\s*\)\s*$", ")", inner)
    if len(inner) > 20_000:
        raise MatrixInputError(N_("The pasted text is too long for a 12×12 matrix."))
    try:
        value = ast.literal_eval(inner)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise MatrixInputError(
            N_("Could not read that as a list literal: write it like [[1, 2], [3, 4]].")) from None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [[parse_cell(str(value), 0, 0)]]
    if not isinstance(value, (list, tuple)) or not value:
        raise MatrixInputError(N_("Write the matrix as a list of rows, like [[1, 2], [3, 4]]."))
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        value = [value]  # a flat list is one row
    rows = []
    for r, row in enumerate(value):
        if not isinstance(row, (list, tuple)):
            raise MatrixInputError(N_("Row {number} is not a list of numbers."), r, number=r + 1)
        cells = []
        for c, v in enumerate(row):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise MatrixInputError(N_("{value} is not a number."), r, c, located=True, value=repr(v))
            cells.append(parse_cell(repr(float(v)), r, c))
        rows.append(cells)
    return rows


def format_matrix(m: np.ndarray, digits: int = 4) -> str:
    """Whitespace-separated text, one row a line (what Copy puts on the clipboard)."""
    m = np.atleast_2d(m)
    return "\n".join("\t".join(_num(v, digits) for v in row) for row in m)


def _num(v: float, digits: int = 4) -> str:
    if float(v).is_integer() and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.{digits}g}"


# ----- operations and their shape rules -----------------------------------------------------------------

@dataclass
class OpResult:
    value: np.ndarray | None
    message: str | None = None  # why it is undefined, in words
    torch_code: str = ""

    @property
    def ok(self) -> bool:
        return self.value is not None


def _dims(m: np.ndarray) -> str:
    return f"{m.shape[0]}×{m.shape[1]}"


def matmul_rule(a: np.ndarray, b: np.ndarray, names: tuple[str, str] = ("A", "B")) -> str | None:
    """None when a·b is defined; otherwise the rule in words, suggesting the other order when it works."""
    x, y = names
    if a.shape[1] == b.shape[0]:
        return None
    columns = (tr("{count} column") if a.shape[1] == 1 else tr("{count} columns")).format(count=a.shape[1])
    rows = (tr("{count} row") if b.shape[0] == 1 else tr("{count} rows")).format(count=b.shape[0])
    values = dict(x=x, y=y, a_shape=_dims(a), b_shape=_dims(b), columns=columns, rows=rows)
    if b.shape[1] == a.shape[0]:
        return tr("{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is "
                  "undefined ({y}·{x} is {shape}).").format(shape=f"{b.shape[0]}×{a.shape[1]}", **values)
    if a.shape[0] == b.shape[0]:
        return tr("{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is "
                  "undefined ({x}ᵀ·{y} would be {shape}).").format(shape=f"{a.shape[1]}×{b.shape[1]}", **values)
    return tr("{x} is {a_shape} and {y} is {b_shape}: {x} has {columns} but {y} has {rows}, so {x}·{y} is "
              "undefined.").format(**values)


def matmul(a: np.ndarray, b: np.ndarray, names: tuple[str, str] = ("A", "B")) -> OpResult:
    rule = matmul_rule(a, b, names)
    code = f"torch.matmul({names[0]}, {names[1]})   # or {names[0]} @ {names[1]}"
    if rule:
        return OpResult(None, rule, code)
    return OpResult(a @ b, None, code)


def add(a: np.ndarray, b: np.ndarray, names: tuple[str, str] = ("A", "B")) -> OpResult:
    code = f"{names[0]} + {names[1]}   # torch.add({names[0]}, {names[1]})"
    if a.shape != b.shape:
        return OpResult(None, tr("{x} is {a_shape} and {y} is {b_shape}: adding needs the same shape, "
                                 "entry by entry.").format(x=names[0], y=names[1], a_shape=_dims(a),
                                                           b_shape=_dims(b)), code)
    return OpResult(a + b, None, code)


def hadamard(a: np.ndarray, b: np.ndarray, names: tuple[str, str] = ("A", "B")) -> OpResult:
    code = f"{names[0]} * {names[1]}   # torch.mul: element-wise, not torch.matmul"
    if a.shape != b.shape:
        return OpResult(None, tr("{x} is {a_shape} and {y} is {b_shape}: the element-wise product "
                                 "needs the same shape.").format(x=names[0], y=names[1], a_shape=_dims(a),
                                                                 b_shape=_dims(b)), code)
    return OpResult(a * b, None, code)


def scale(a: np.ndarray, k: float, name: str = "A") -> OpResult:
    return OpResult(k * a, None, f"{_num(k)} * {name}")


def transpose(a: np.ndarray, name: str = "A") -> OpResult:
    return OpResult(a.T.copy(), None,
                    f"{name}.t()   # or {name}.T; a {_dims(a)} matrix becomes {a.shape[1]}×{a.shape[0]}")


# ----- C[i][j] step-through ---------------------------------------------------------------------------

@dataclass
class CellStep:
    i: int
    j: int
    row: np.ndarray  # A[i, :]
    column: np.ndarray  # B[:, j]
    products: np.ndarray
    value: float

    def explanation(self) -> str:
        terms = " + ".join(f"{_num(a)}·{_num(b)}" for a, b in zip(self.row, self.column))
        sums = " + ".join(_num(p) for p in self.products)
        cell = f"C[{self.i + 1}][{self.j + 1}] = A[{self.i + 1},:]·B[:,{self.j + 1}]"
        return f"{cell} = {terms} = {sums} = {_num(self.value)}"


def matmul_cell(a: np.ndarray, b: np.ndarray, i: int, j: int) -> CellStep:
    row, col = a[i, :], b[:, j]
    products = row * col
    return CellStep(i, j, row.copy(), col.copy(), products, float(products.sum()))


def cell_order(rows: int, cols: int) -> list[tuple[int, int]]:
    """The order play/step visits the cells: row by row."""
    return [(i, j) for i in range(rows) for j in range(cols)]


# ----- laws on the actual numbers ----------------------------------------------------------------------

@dataclass
class LawCheck:
    name: str
    left: str
    right: str
    equal: bool | None  # None: one side undefined
    max_difference: float | None
    message: str  # in words, in the current language
    reason: str | None = None  # why one side is undefined (equal is None), without "Cannot check: "


def _compare(name: str, left: str, right: str, lv: np.ndarray | str, rv: np.ndarray | str) -> LawCheck:
    if isinstance(lv, str) or isinstance(rv, str):
        why = lv if isinstance(lv, str) else str(rv)  # rv is the str here
        return LawCheck(name, left, right, None, None, tr("Cannot check: {reason}").format(reason=why), why)
    if lv.shape != rv.shape:
        return LawCheck(name, left, right, False, None,
                        tr("{left} is {left_shape} but {right} is {right_shape}: different shapes, so not equal.")
                        .format(left=left, right=right, left_shape=_dims(lv), right_shape=_dims(rv)))
    diff = float(np.max(np.abs(lv - rv))) if lv.size else 0.0
    scale_ = max(1.0, float(np.max(np.abs(lv))) if lv.size else 1.0)
    equal = diff <= EQUAL_TOLERANCE * scale_
    message = (tr("{left} and {right} are equal (largest difference {diff:.3g}).") if equal else
               tr("{left} and {right} are not equal (largest difference {diff:.3g})."))
    return LawCheck(name, left, right, equal, diff, message.format(left=left, right=right, diff=diff))


def _outcome(r: OpResult) -> np.ndarray | str:
    """The result's matrix, or why it is undefined."""
    return r.value if r.value is not None else r.message or ""


def _mm(x: np.ndarray, y: np.ndarray, names: tuple[str, str]) -> np.ndarray | str:
    return _outcome(matmul(x, y, names))


def check_laws(a: np.ndarray, b: np.ndarray, c: np.ndarray | None = None) -> list[LawCheck]:
    """AB vs BA, (AB)ᵀ = BᵀAᵀ, and with C: A(BC) = (AB)C, A(B+C) = AB + AC."""
    out = [_compare("Not commutative", "AB", "BA", _mm(a, b, ("A", "B")), _mm(b, a, ("B", "A")))]
    ab = _mm(a, b, ("A", "B"))
    out.append(_compare("Transpose of a product", "(AB)ᵀ", "BᵀAᵀ",
                        ab.T if not isinstance(ab, str) else ab, _mm(b.T, a.T, ("Bᵀ", "Aᵀ"))))
    if c is not None:
        bc = _mm(b, c, ("B", "C"))
        left = _mm(a, bc, ("A", "BC")) if not isinstance(bc, str) else bc
        right = _mm(ab, c, ("AB", "C")) if not isinstance(ab, str) else ab
        out.append(_compare("Associative", "A(BC)", "(AB)C", left, right))
        s = add(b, c, ("B", "C"))
        left = _mm(a, s.value, ("A", "B+C")) if s.value is not None else _outcome(s)
        ac = _mm(a, c, ("A", "C"))
        if isinstance(ab, str) or isinstance(ac, str):
            right = ab if isinstance(ab, str) else ac
        else:
            right = _outcome(add(ab, ac, ("AB", "AC")))
        out.append(_compare("Distributive", "A(B+C)", "AB+AC", left, right))
    return out


# ----- tensors of rank 0-3 ------------------------------------------------------------------------------

@dataclass
class TensorExample:
    rank: int
    name: str  # English, marked with N_: show tr(name)
    value: np.ndarray
    meaning: str  # English, marked with N_: show tr(meaning)
    torch_code: str


def tensor_examples(seed: int = 0) -> list[TensorExample]:
    """A scalar, a vector, a matrix and a stack of matrices, as in the course notes."""
    rng = np.random.default_rng(seed)
    return [
        TensorExample(0, N_("scalar"), np.array(5.0), N_("one number, e.g. the loss"),
                      "torch.tensor(5.0)   # shape ()"),
        TensorExample(1, N_("vector"), rng.integers(0, 9, 4).astype(float),
                      N_("a list of numbers, e.g. b^[i] or one flat image"), "torch.tensor([...])   # shape (4,)"),
        TensorExample(2, N_("matrix"), rng.integers(0, 9, (2, 3)).astype(float), N_("rows and columns, e.g. W^[i]"),
                      "torch.rand(2, 3)   # shape (2, 3)"),
        TensorExample(3, N_("3-D tensor"), rng.integers(0, 9, (2, 2, 3)).astype(float),
                      N_("a stack of matrices, e.g. the feature maps of one image (channels×height×width)"),
                      "torch.rand(2, 2, 3)   # shape (2, 2, 3)"),
    ]


def describe_tensor(t: np.ndarray, translate: bool = True) -> str:
    """"vector (rank 1), shape (4,)"; in the current language unless `translate` is False (for code comments)."""
    say = tr if translate else str
    names = {0: N_("scalar (rank 0)"), 1: N_("vector (rank 1)"), 2: N_("matrix (rank 2)"), 3: N_("3-D tensor (rank 3)")}
    shape = "()" if t.ndim == 0 else "(" + ", ".join(str(d) for d in t.shape) + ("," if t.ndim == 1 else "") + ")"
    name = say(names[t.ndim]) if t.ndim in names else say(N_("rank-{rank} tensor")).format(rank=t.ndim)
    return say(N_("{name}, shape {shape}")).format(name=name, shape=shape)


# ----- a dense layer as a matrix product -----------------------------------------------------------------

@dataclass
class DenseProduct:
    x: np.ndarray  # 1 × n_in (a row, as PyTorch holds a batch of one)
    weight: np.ndarray  # n_out × n_in
    bias: np.ndarray  # n_out
    z: np.ndarray  # 1 × n_out
    activation: str
    a: np.ndarray  # 1 × n_out
    torch_code: str


def dense_as_matrix_product(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, activation: str,
                            a_after: np.ndarray, layer_name: str = "fc1") -> DenseProduct:
    """z = x·Wᵀ + b (PyTorch's row convention; the notes' W a + b with a as a column)."""
    row = np.asarray(x, dtype=np.float64).reshape(1, -1)
    z = row @ weight.T + bias
    code = (f"z = x @ model.{layer_name}.weight.t() + model.{layer_name}.bias   # "
            f"{row.shape[0]}×{row.shape[1]} · {weight.shape[1]}×{weight.shape[0]} → {z.shape[0]}×{z.shape[1]}")
    if activation in _TORCH_ACTIVATIONS:
        code += f"\na = {_TORCH_ACTIVATIONS[activation]}"
    return DenseProduct(row, weight, bias, z, activation, np.asarray(a_after).reshape(1, -1), code)


_TORCH_ACTIVATIONS = {
    "ReLU": "torch.relu(z)", "Sigmoid": "torch.sigmoid(z)", "Tanh": "torch.tanh(z)",
    "GELU": "F.gelu(z)", "LeakyReLU": "F.leaky_relu(z)", "Softmax": "torch.softmax(z, dim=1)",
}

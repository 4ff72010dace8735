"""Fuzzing the CSV loader (core/csv_data.py), as files from anywhere reach it: any bytes give a
data set or a CsvError with a message (never another exception), tables written in any of the
accepted ways read back exactly, and a bad cell is reported at its row and column.
(tests/core/test_toy_and_csv_data.py fuzzes `read_csv_text` with short texts of CSV-ish characters.)
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from playground.core.data.csv_data import CsvError, read_csv, read_csv_text
from playground.core.data.toy_data import TableDataset

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

names = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)
# Finite numbers that float32 holds (the loader refuses |x| > 3e38).
numbers = st.floats(min_value=-2.0 ** 120, max_value=2.0 ** 120, allow_nan=False, allow_infinity=False, width=32)
words = st.sampled_from(["cat", "dog", "bird", "yes", "no", "A", "b", "x_1"])


@st.composite
def tables(draw, target_kind: str = "class"):
    """(text, features, labels, delimiter, feature names, target name) for a well-formed CSV."""
    n_features = draw(st.integers(1, 5))
    header = draw(st.lists(names, min_size=n_features + 1, max_size=n_features + 1, unique=True))
    rows = draw(st.integers(1, 30))
    x = draw(st.lists(st.lists(numbers, min_size=n_features, max_size=n_features), min_size=rows, max_size=rows))
    if target_kind == "class":
        labels = draw(st.lists(words, min_size=rows, max_size=rows))
    else:
        fractions = st.floats(-2.0 ** 20, 2.0 ** 20, allow_nan=False, width=32).filter(lambda v: not v.is_integer())
        labels = draw(st.lists(fractions, min_size=rows, max_size=rows))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    spaces = draw(st.booleans())  # "1.5, 2" is common in hand-written files
    sep = delimiter + (" " if spaces and delimiter != "\t" else "")
    lines = [sep.join(header)]
    for values, label in zip(x, labels):
        lines.append(sep.join([repr(float(v)) for v in values] + [str(label)]))
        if draw(st.integers(0, 9)) == 0:
            lines.append("")  # a blank line here and there is harmless
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    return text, np.array(x, dtype=np.float32).reshape(rows, n_features), labels, header[:-1], header[-1]


@FUZZ
@given(st.binary(max_size=2000))
def test_any_bytes_in_a_file_give_a_dataset_or_a_clear_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("csv") / "data.csv"
    path.write_bytes(data)
    try:
        ds = read_csv(path)
    except CsvError as exc:
        assert str(exc).strip()
        return
    assert isinstance(ds, TableDataset) and len(ds) > 0 and np.isfinite(ds.x).all()


@FUZZ
@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=10)),
       st.sampled_from(["auto", "classification", "regression", "bogus"]))
def test_any_text_target_and_task_give_a_dataset_or_a_clear_error(text, target, task):
    try:
        ds = read_csv_text(text, target=target, task=task)
    except CsvError as exc:
        assert str(exc).strip()
        return
    assert task in ("auto", "classification", "regression")
    assert ds.x.shape == (len(ds), len(ds.feature_names)) and np.isfinite(ds.x).all()
    assert ds.x.dtype == np.float32


@FUZZ
@given(tables("class"))
def test_a_classification_table_reads_back_exactly(table):
    text, x, labels, features, target = table
    if len(set(labels)) < 2:
        with pytest.raises(CsvError, match="same"):
            read_csv_text(text)
        return
    ds = read_csv_text(text)
    assert ds.task == "classification"
    assert ds.feature_names == tuple(features)
    np.testing.assert_array_equal(ds.x, x)
    assert [ds.classes[i] for i in ds.y] == labels
    assert set(ds.classes) == set(labels)


@FUZZ
@given(tables("regression"))
def test_a_regression_table_reads_back_exactly(table):
    text, x, targets, features, target = table
    ds = read_csv_text(text)  # non-integer numbers in the last column: regression, chosen automatically
    assert ds.task == "regression"
    np.testing.assert_array_equal(ds.x, x)
    np.testing.assert_array_equal(ds.y[:, 0], np.array(targets, dtype=np.float32))
    # Naming the target picks it, wherever it is; the others are the features.
    chosen = features[0]
    again = read_csv_text(text, target=chosen, task="regression")
    assert again.feature_names == tuple(features[1:]) + (target,)
    np.testing.assert_array_equal(again.y[:, 0], x[:, 0])


@FUZZ
@given(tables("class"), st.data())
def test_a_bad_cell_is_reported_at_its_row_and_column(table, data):
    text, x, labels, features, target = table
    lines = text.replace("\r\n", "\n").split("\n")
    data_lines = [i for i, line in enumerate(lines) if i > 0 and line.strip()]
    line_index = data.draw(st.sampled_from(data_lines))
    column = data.draw(st.integers(0, len(features) - 1))
    bad = data.draw(st.sampled_from(["abc", "", "1,5e", "nan", "inf", "-inf", "1e39", "--1"]))
    delimiter = next(d for d in (";", "\t", ",") if d in lines[0]) if len(features) else ","
    cells = [c.strip() for c in lines[line_index].split(delimiter)]
    assume(not (bad == "1,5e" and delimiter == ","))  # that one would be two cells
    cells[column] = bad
    lines[line_index] = delimiter.join(cells)
    with pytest.raises(CsvError) as caught:
        read_csv_text("\n".join(lines))
    error = caught.value
    assert error.row == line_index + 1  # rows counted as a spreadsheet shows them: the header is row 1
    assert error.column == features[column]
    assert f"row {line_index + 1}" in str(error) and features[column] in str(error)


@FUZZ
@given(tables("class"), st.integers(0, 2))
def test_a_row_with_the_wrong_number_of_cells_is_named(table, extra):
    text, x, labels, features, target = table
    lines = text.replace("\r\n", "\n").split("\n")
    delimiter = next(d for d in (";", "\t", ",") if d in lines[0])
    data_lines = [i for i, line in enumerate(lines) if i > 0 and line.strip()]
    i = data_lines[-1]
    cells = lines[i].split(delimiter)
    lines[i] = delimiter.join(cells[:-1] if extra == 0 else cells + ["1"] * extra)
    assume(len(lines[i].split(delimiter)) != len(features) + 1)
    with pytest.raises(CsvError) as caught:
        read_csv_text("\n".join(lines))
    assert caught.value.row == i + 1 and f"row {i + 1}" in str(caught.value)

"""CSV import for the learner's own data: numeric feature columns and one label or target column.

Files come from anywhere, so the reader is strict and specific: a header is required, every
feature cell must be a finite number, the size is capped before reading, and every problem is a
CsvError naming the row (1-based, as a spreadsheet shows it) and the column.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np

from playground.core.i18n import tr
from playground.core.toy_data import TableDataset

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_COLUMNS = 1_000
MAX_CLASSES = 1_000


class CsvError(ValueError):
    """The CSV cannot be used as it is; `row` (1-based line) and `column` point at the problem."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row = row
        self.column = column


def read_csv_text(text: str, target: str | None = None, task: str = "auto", name: str = "data.csv") -> TableDataset:
    """Parse CSV text. `target` names the label/target column (default: the last one).

    task "classification" treats the target as class names; "regression" as numbers; "auto"
    picks regression for a target of non-integer numbers and classification otherwise.
    """
    if task not in ("auto", "classification", "regression"):
        raise CsvError(tr("Unknown task '{task}': use classification, regression or auto.").format(task=task))
    try:
        dialect = csv.Sniffer().sniff(_sniff_sample(text), delimiters=",;\t")
    except csv.Error:  # e.g. a row with a cell too few (reported below, by row): the header's delimiter
        dialect = _header_dialect(text)
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError(tr("{name}: the file is empty; it needs a header row and data rows.").format(
            name=name)) from None
    except csv.Error as exc:
        raise CsvError(tr("{name}, row {row}: {error}.").format(name=name, row=1, error=exc), 1) from None
    header = [h.strip() for h in header]
    if len(header) < 2:
        raise CsvError(tr("{name}: need at least two columns (features and a label); the header has {count}.").format(
            name=name, count=len(header)), 1)
    if len(header) > MAX_COLUMNS:
        raise CsvError(tr("{name}: {count} columns is more than the {limit} this app reads.").format(
            name=name, count=len(header), limit=MAX_COLUMNS), 1)
    if any(not h for h in header):
        blank = header.index("") + 1
        raise CsvError(tr("{name}, row 1: column {column} has no name in the header.").format(
            name=name, column=blank), 1)
    duplicates = {h for h in header if header.count(h) > 1}
    if duplicates:
        raise CsvError(tr("{name}, row 1: the column name '{column}' appears twice.").format(
            name=name, column=sorted(duplicates)[0]), 1)
    target = target if target is not None else header[-1]
    if target not in header:
        raise CsvError(tr("{name}: there is no column '{column}'. Columns: {columns}.").format(
            name=name, column=target, columns=", ".join(header[:20])))
    t_index = header.index(target)
    feature_names = tuple(h for h in header if h != target)
    rows_x: list[list[float]] = []
    rows_y: list[str] = []
    try:
        for line_no, row in enumerate(reader, start=2):
            if not row or all(not c.strip() for c in row):
                continue  # blank lines are harmless
            if len(row) != len(header):
                raise CsvError(
                    tr("{name}, row {row}: {count} values but the header has {columns} columns.").format(
                        name=name, row=line_no, count=len(row), columns=len(header)), line_no)
            values = []
            for c_index, cell in enumerate(row):
                if c_index == t_index:
                    continue
                values.append(_number(cell, name, line_no, header[c_index]))
            rows_x.append(values)
            label = row[t_index].strip()
            if not label:
                raise CsvError(tr("{name}, row {row}: the '{column}' value is empty.").format(
                    name=name, row=line_no, column=target), line_no, target)
            rows_y.append(label)
            if len(rows_x) > MAX_ROWS:
                raise CsvError(tr("{name}: more than {limit:,} rows; use a sample of the data.").format(
                    name=name, limit=MAX_ROWS), line_no)
    except csv.Error as exc:
        raise CsvError(tr("{name}, row {row}: {error}.").format(name=name, row=reader.line_num, error=exc),
                       reader.line_num) from None
    if not rows_x:
        raise CsvError(tr("{name}: the header is there but no data rows follow.").format(name=name))
    x = np.array(rows_x, dtype=np.float32)
    numeric = [_maybe_float(v) for v in rows_y]
    all_numbers = all(v is not None for v in numeric)
    if task == "auto":
        task = "regression" if all_numbers and any(not float(v).is_integer() for v in numeric) else "classification"
    if task == "regression":
        if not all_numbers:
            bad = next(i for i, v in enumerate(numeric) if v is None)
            raise CsvError(tr("{name}: regression needs numbers in '{column}', but a row has '{value}'.").format(
                name=name, column=target, value=rows_y[bad][:30]), None, target)
        y = np.array(numeric, dtype=np.float32)[:, None]
        if not np.isfinite(y).all():
            raise CsvError(tr("{name}: '{column}' holds a value that is not a finite number.").format(
                name=name, column=target), None, target)
        return TableDataset(x, y, feature_names, "regression")
    classes = sorted(set(rows_y), key=lambda v: (_maybe_float(v) is None, _maybe_float(v) or 0.0, v))
    if len(classes) > MAX_CLASSES:
        raise CsvError(tr("{name}: '{column}' has {count:,} different values; as classes that is too many "
                          "(at most {limit}). Is it a regression target?").format(
            name=name, column=target, count=len(classes), limit=MAX_CLASSES), None, target)
    if len(classes) < 2:
        raise CsvError(tr("{name}: every row has the same '{column}' ({value}); a classifier needs two classes.").format(
            name=name, column=target, value=classes[0]), None, target)
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[v] for v in rows_y], dtype=np.int64)
    return TableDataset(x, y, feature_names, "classification", tuple(classes))


def read_csv(path: Path, target: str | None = None, task: str = "auto") -> TableDataset:
    """Read a CSV file (UTF-8, with or without BOM)."""
    path = Path(path)
    if not path.is_file():
        raise CsvError(tr("{path}: no such file.").format(path=path))
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CsvError(tr("{name}: {size:.0f} MB is larger than the {limit} MB this app reads.").format(
            name=path.name, size=size / 2**20, limit=MAX_BYTES // 2**20))
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvError(tr("{name}: not UTF-8 text (byte {byte}); save it as UTF-8 CSV.").format(
            name=path.name, byte=exc.start)) from None
    if "\x00" in text:
        raise CsvError(tr("{name}: contains NUL bytes; this is not a CSV text file.").format(name=path.name))
    return read_csv_text(text, target, task, path.name)


def _sniff_sample(text: str, size: int = 4096) -> str:
    """The first lines, whole and without blank ones: the Sniffer counts a blank Windows line ("\r")
    and a line cut in half as rows with other delimiters, gives up, and a ';' file would then be
    read as one column."""
    sample = text[:size]
    if len(text) > size and "\n" in sample:
        sample = sample[:sample.rindex("\n")]
    lines = sample.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line for line in lines if line.strip())


def _header_dialect(text: str) -> type[csv.Dialect]:
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=header.count)

    class HeaderDialect(csv.excel):
        pass

    HeaderDialect.delimiter = delimiter if header.count(delimiter) else ","
    return HeaderDialect


def _number(cell: str, name: str, line_no: int, column: str) -> float:
    value = _maybe_float(cell)
    if value is None:
        shown = cell.strip()[:30] or tr("an empty cell")
        raise CsvError(tr("{name}, row {row}, column '{column}': {value} is not a number.").format(
            name=name, row=line_no, column=column, value=repr(shown)), line_no, column)
    if not math.isfinite(value) or abs(value) > 3e38:
        raise CsvError(tr("{name}, row {row}, column '{column}': {value} is not a finite number.").format(
            name=name, row=line_no, column=column, value=cell.strip()), line_no, column)
    return value


def _maybe_float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None

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
        raise CsvError(f"Unknown task '{task}': use classification, regression or auto.")
    try:
        dialect = csv.Sniffer().sniff(_sniff_sample(text), delimiters=",;\t")
    except csv.Error:  # e.g. a row with a cell too few (reported below, by row): the header's delimiter
        dialect = _header_dialect(text)
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvError(f"{name}: the file is empty; it needs a header row and data rows.") from None
    except csv.Error as exc:
        raise CsvError(f"{name}, row 1: {exc}.", 1) from None
    header = [h.strip() for h in header]
    if len(header) < 2:
        raise CsvError(f"{name}: need at least two columns (features and a label); the header has {len(header)}.", 1)
    if len(header) > MAX_COLUMNS:
        raise CsvError(f"{name}: {len(header)} columns is more than the {MAX_COLUMNS} this app reads.", 1)
    if any(not h for h in header):
        blank = header.index("") + 1
        raise CsvError(f"{name}, row 1: column {blank} has no name in the header.", 1)
    duplicates = {h for h in header if header.count(h) > 1}
    if duplicates:
        raise CsvError(f"{name}, row 1: the column name '{sorted(duplicates)[0]}' appears twice.", 1)
    target = target if target is not None else header[-1]
    if target not in header:
        raise CsvError(f"{name}: there is no column '{target}'. Columns: {', '.join(header[:20])}.")
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
                    f"{name}, row {line_no}: {len(row)} values but the header has {len(header)} columns.", line_no)
            values = []
            for c_index, cell in enumerate(row):
                if c_index == t_index:
                    continue
                values.append(_number(cell, name, line_no, header[c_index]))
            rows_x.append(values)
            label = row[t_index].strip()
            if not label:
                raise CsvError(f"{name}, row {line_no}: the '{target}' value is empty.", line_no, target)
            rows_y.append(label)
            if len(rows_x) > MAX_ROWS:
                raise CsvError(f"{name}: more than {MAX_ROWS:,} rows; use a sample of the data.", line_no)
    except csv.Error as exc:
        raise CsvError(f"{name}, row {reader.line_num}: {exc}.", reader.line_num) from None
    if not rows_x:
        raise CsvError(f"{name}: the header is there but no data rows follow.")
    x = np.array(rows_x, dtype=np.float32)
    numeric = [_maybe_float(v) for v in rows_y]
    all_numbers = all(v is not None for v in numeric)
    if task == "auto":
        task = "regression" if all_numbers and any(not float(v).is_integer() for v in numeric) else "classification"
    if task == "regression":
        if not all_numbers:
            bad = next(i for i, v in enumerate(numeric) if v is None)
            raise CsvError(f"{name}: regression needs numbers in '{target}', but a row has '{rows_y[bad][:30]}'.",
                           None, target)
        y = np.array(numeric, dtype=np.float32)[:, None]
        if not np.isfinite(y).all():
            raise CsvError(f"{name}: '{target}' holds a value that is not a finite number.", None, target)
        return TableDataset(x, y, feature_names, "regression")
    classes = sorted(set(rows_y), key=lambda v: (_maybe_float(v) is None, _maybe_float(v) or 0.0, v))
    if len(classes) > MAX_CLASSES:
        raise CsvError(f"{name}: '{target}' has {len(classes):,} different values; as classes that is too many "
                       f"(at most {MAX_CLASSES}). Is it a regression target?", None, target)
    if len(classes) < 2:
        raise CsvError(f"{name}: every row has the same '{target}' ({classes[0]}); a classifier needs two classes.",
                       None, target)
    index = {c: i for i, c in enumerate(classes)}
    y = np.array([index[v] for v in rows_y], dtype=np.int64)
    return TableDataset(x, y, feature_names, "classification", tuple(classes))


def read_csv(path: Path, target: str | None = None, task: str = "auto") -> TableDataset:
    """Read a CSV file (UTF-8, with or without BOM)."""
    path = Path(path)
    if not path.is_file():
        raise CsvError(f"{path}: no such file.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CsvError(f"{path.name}: {size / 2**20:.0f} MB is larger than the {MAX_BYTES // 2**20} MB this app reads.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvError(f"{path.name}: not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV.") from None
    if "\x00" in text:
        raise CsvError(f"{path.name}: contains NUL bytes; this is not a CSV text file.")
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
        shown = cell.strip()[:30] or "an empty cell"
        raise CsvError(f"{name}, row {line_no}, column '{column}': {shown!r} is not a number.", line_no, column)
    if not math.isfinite(value) or abs(value) > 3e38:
        raise CsvError(f"{name}, row {line_no}, column '{column}': {cell.strip()} is not a finite number.",
                       line_no, column)
    return value


def _maybe_float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None

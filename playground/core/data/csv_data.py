"""CSV import for the learner's own data: numeric feature columns and one label or target column.

Files come from anywhere, so the reader is strict and specific: a header is required, every
feature cell must be a finite number, the size is capped before reading, and every problem is a
CsvError naming the row (1-based, as a spreadsheet shows it) and the column.

Rows are parsed as they stream from the file into packed float arrays (4 bytes a feature cell), and
the target column is kept as numbers and class codes, never as one Python object per cell: reading
a file near the size cap takes about twice its size in memory, not dozens of times.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from playground.core.data.toy_data import TableDataset
from playground.core.i18n import tr

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 2_000_000
MAX_COLUMNS = 1_000
MAX_CLASSES = 1_000
# A real row is at most 1,000 numbers and one label (the csv module caps a field at 128 Ki characters);
# a longer line is a hostile one, whose millions of cells would each become a Python string.
MAX_LINE_CHARS = 1 << 20
MAX_VALUE = 3e38  # float32 holds up to 3.4e38: beyond, a value would become infinite
SNIFF_CHARS = 4096
_SCAN_BYTES = 1 << 20


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
    return _parse(io.StringIO(text), text, target, task, name)


def read_csv(path: Path, target: str | None = None, task: str = "auto") -> TableDataset:
    """Read a CSV file (UTF-8, with or without BOM), streaming: see `read_csv_text` for the options."""
    path = Path(path)
    if not path.is_file():
        raise CsvError(tr("{path}: no such file.").format(path=path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise CsvError(_too_large(path.name, size))
        _check_text(path)
        with open(path, encoding="utf-8-sig") as handle:  # universal newlines, as Path.read_text reads
            head = _read_head(handle)
            handle.seek(0)
            return _parse(handle, head, target, task, path.name)
    except UnicodeDecodeError as exc:  # the file changed after _check_text
        raise CsvError(_not_utf8(path.name, exc.start)) from None
    except OSError as exc:
        raise CsvError(tr("{name}: cannot be read ({error}).").format(
            name=path.name, error=exc.strerror or type(exc).__name__)) from None


def _too_large(name: str, size: int) -> str:
    return tr("{name}: {size:.0f} MB is larger than the {limit} MB this app reads.").format(
        name=name, size=size / 2**20, limit=MAX_BYTES // 2**20)


def _not_utf8(name: str, byte: int) -> str:
    return tr("{name}: not UTF-8 text (byte {byte}); save it as UTF-8 CSV.").format(name=name, byte=byte)


def _check_text(path: Path) -> None:
    """Refuse a file that is not UTF-8 text, or holds NUL bytes, before a row is parsed; chunk by chunk."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0  # bytes read before this chunk
    nul = False
    with open(path, "rb") as raw:
        while chunk := raw.read(_SCAN_BYTES):
            _decode(decoder, chunk, offset, path.name)
            nul = nul or b"\x00" in chunk
            offset += len(chunk)
            if offset > MAX_BYTES:  # it grew since its size was checked
                raise CsvError(_too_large(path.name, offset))
        _decode(decoder, b"", offset, path.name)
    if nul:  # after the whole file decoded: a UTF-16 file is reported as not UTF-8
        raise CsvError(tr("{name}: contains NUL bytes; this is not a CSV text file.").format(name=path.name))


def _decode(decoder: codecs.IncrementalDecoder, chunk: bytes, offset: int, name: str) -> None:
    """Decode one chunk (b"" ends the text); an error names its byte in the file."""
    pending = len(decoder.getstate()[0])  # the start of a character cut at the previous chunk's end
    try:
        decoder.decode(chunk, final=not chunk)
    except UnicodeDecodeError as exc:
        raise CsvError(_not_utf8(name, offset - pending + exc.start)) from None


def _read_head(handle: io.TextIOBase) -> str:
    """The start of the file for choosing the delimiter: the sniffer's sample and the whole first non-blank line."""
    head = handle.read(SNIFF_CHARS + 1)
    while len(head) <= MAX_LINE_CHARS and not any(line.strip() for line in head.split("\n")[:-1]):
        more = handle.read(64 * 1024)
        if not more:
            break
        head += more
    return head


def _dialect(head: str) -> type[csv.Dialect]:
    try:
        return csv.Sniffer().sniff(_sniff_sample(head), delimiters=",;\t")
    except csv.Error:  # e.g. a row with a cell too few (reported below, by row): the header's delimiter
        return _header_dialect(head)


def _lines(lines: Iterable[str], name: str) -> Iterator[str]:
    """The lines as they come, refusing one too long to be a row and more text than the size cap."""
    total = 0
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE_CHARS:
            raise CsvError(tr("{name}, line {line}: {count:,} characters is too long for a row of numbers.").format(
                name=name, line=number, count=len(line)), number)
        total += len(line)
        if total > MAX_BYTES:
            raise CsvError(_too_large(name, total))
        yield line


class _Target:
    """The target column as it streams past, without a Python object per row: its numbers (for regression)
    and class codes (for classification); `task` "auto" keeps both until the end decides."""

    def __init__(self, task: str) -> None:
        self.numbers: array[float] | None = array("d") if task != "classification" else None
        self.word: str | None = None  # the first value that is not a number (then `numbers` is None)
        self.fractions = False  # some value is not a whole number
        self.codes: array[int] | None = array("i") if task != "regression" else None
        self.names: dict[str, int] = {}  # class name → code, in the order they appear
        # Once there are too many names to be classes, only their hashes, to count them for the message.
        self.hashes: array[int] | None = None

    def add(self, value: str) -> None:
        if self.numbers is not None:
            number = _maybe_float(value)
            if number is None:
                self.word, self.numbers = value, None  # not all numbers: never regression
            else:
                self.fractions = self.fractions or not number.is_integer()
                self.numbers.append(number)
        if self.codes is not None:
            code = self.names.get(value)
            if code is None:
                code = self.names[value] = len(self.names)
                if code == MAX_CLASSES:
                    names = list(self.names)
                    self.hashes = array("q", (hash(names[c]) for c in self.codes))
                    self.codes, self.names = None, {}
                    self.hashes.append(hash(value))
                    return
            self.codes.append(code)
        elif self.hashes is not None:
            self.hashes.append(hash(value))

    def class_count(self) -> int:
        if self.hashes is not None:
            return int(np.unique(np.frombuffer(self.hashes, dtype=np.int64)).size)
        return len(self.names)


def _parse(lines: Iterable[str], head: str, target: str | None, task: str, name: str) -> TableDataset:
    """Read the CSV `lines` (an open text file or a StringIO); `head` is their start, for the delimiter."""
    if task not in ("auto", "classification", "regression"):
        raise CsvError(tr("Unknown task '{task}': use classification, regression or auto.").format(task=task))
    reader = csv.reader(_lines(lines, name), _dialect(head))
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
    features = array("f")  # row after row, packed as float32
    labels = _Target(task)
    rows = 0
    try:
        for line_no, row in enumerate(reader, start=2):
            if not row or all(not c.strip() for c in row):
                continue  # blank lines are harmless
            if len(row) != len(header):
                raise CsvError(
                    tr("{name}, row {row}: {count} values but the header has {columns} columns.").format(
                        name=name, row=line_no, count=len(row), columns=len(header)), line_no)
            label = row.pop(t_index).strip()
            try:  # the quick way; a cell it cannot take is looked at again, and named, below
                values = [float(c) for c in row]
                usable = all(-MAX_VALUE <= v <= MAX_VALUE for v in values)  # NaN fails both
            except ValueError:
                usable = False
            if not usable:
                values = [_number(cell, name, line_no, column) for cell, column in zip(row, feature_names)]
            features.extend(values)
            if not label:
                raise CsvError(tr("{name}, row {row}: the '{column}' value is empty.").format(
                    name=name, row=line_no, column=target), line_no, target)
            labels.add(label)
            rows += 1
            if rows > MAX_ROWS:
                raise CsvError(tr("{name}: more than {limit:,} rows; use a sample of the data.").format(
                    name=name, limit=MAX_ROWS), line_no)
    except csv.Error as exc:
        raise CsvError(tr("{name}, row {row}: {error}.").format(name=name, row=reader.line_num, error=exc),
                       reader.line_num) from None
    if not rows:
        raise CsvError(tr("{name}: the header is there but no data rows follow.").format(name=name))
    x = np.frombuffer(features, dtype=np.float32).reshape(rows, len(feature_names))
    if task == "auto":
        task = "regression" if labels.numbers is not None and labels.fractions else "classification"
    if task == "regression":
        if labels.numbers is None:
            raise CsvError(tr("{name}: regression needs numbers in '{column}', but a row has '{value}'.").format(
                name=name, column=target, value=(labels.word or "")[:30]), None, target)
        with np.errstate(over="ignore"):  # a value beyond float32 becomes inf, refused next
            y = np.frombuffer(labels.numbers, dtype=np.float64).astype(np.float32)[:, None]
        if not np.isfinite(y).all():
            raise CsvError(tr("{name}: '{column}' holds a value that is not a finite number.").format(
                name=name, column=target), None, target)
        return TableDataset(x, y, feature_names, "regression")
    count = labels.class_count()
    if count > MAX_CLASSES or labels.codes is None:
        raise CsvError(tr("{name}: '{column}' has {count:,} different values; as classes that is too many "
                          "(at most {limit}). Is it a regression target?").format(
            name=name, column=target, count=count, limit=MAX_CLASSES), None, target)
    classes = sorted(labels.names, key=lambda v: (_maybe_float(v) is None, _maybe_float(v) or 0.0, v))
    if len(classes) < 2:
        text = tr("{name}: every row has the same '{column}' ({value}); a classifier needs two classes.")
        raise CsvError(text.format(name=name, column=target, value=classes[0]), None, target)
    rank = {c: i for i, c in enumerate(classes)}
    sorted_code = np.array([rank[c] for c in labels.names], dtype=np.int64)  # code (order of appearance) → class
    classes_y = sorted_code[np.frombuffer(labels.codes, dtype=np.int32)]
    return TableDataset(x, classes_y, feature_names, "classification", tuple(classes))


def _sniff_sample(text: str, size: int = SNIFF_CHARS) -> str:
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
    if not math.isfinite(value) or abs(value) > MAX_VALUE:
        raise CsvError(tr("{name}, row {row}, column '{column}': {value} is not a finite number.").format(
            name=name, row=line_no, column=column, value=cell.strip()), line_no, column)
    return value


def _maybe_float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None

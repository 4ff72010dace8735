"""Hostile data files at the loaders: each is refused with one line that names the file and says what is
wrong — no traceback, no warning printed before it, no memory blown up.

- data sets with nothing to train or test on (IDX headers saying 0 images, CSVs too short to split,
  a validation share of one image), through `nn-playground train --data DIR` and the CSV import;
- .npy arrays that are no image (dates, complex numbers, strings, records, 0-d/1-d/4-d, empty, NaN,
  values near float64's ends), through `nn-playground predict`;
- memory: a gzip bomb behind a small IDX header, and a CSV read in a few times its size.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.data.csv_data import CsvError, read_csv
from playground.core.data.data_import import DataImportError, table_splits, with_validation

IDX_NAMES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
QUICK_TRAIN = ["train", "--epochs", "1", "--train-limit", "8", "--test-limit", "8", "--quiet"]


def cli(args: list[str]) -> tuple[int, str, str, list[str]]:
    """run_cli, with the warnings raised meanwhile (pytest would record them, not print them)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        code, out, err = run_cli(args)
    return code, out, err, [f"{w.category.__name__}: {w.message}" for w in caught]


def assert_refused(result: tuple[int, str, str, list[str]], name: str, *words: str) -> str:
    """Exit 1 with exactly one `nn-playground: error:` line on stderr naming `name`; returns that line."""
    code, _, err, caught = result
    lines = err.splitlines()
    assert code == 1, err
    assert len(lines) == 1 and lines[0].startswith("nn-playground: error: "), err
    assert name in lines[0], lines[0]
    assert "Traceback" not in err and "Warning" not in err and not caught, (err, caught)
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def idx(dims: tuple[int, ...], payload: bytes | None = None) -> bytes:
    magic = 0x0800 | len(dims)
    header = magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims)
    return header + (bytes(int(np.prod(dims))) if payload is None else payload)


def mnist_folder(folder: Path, n_train: int, n_test: int, gz: bool = False) -> Path:
    """An MNIST-format folder of n_train / n_test 28×28 images (raw or gzip files)."""
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    parts = {
        IDX_NAMES[0]: idx((n_train, 28, 28), rng.integers(0, 256, n_train * 784, dtype=np.uint8).tobytes()),
        IDX_NAMES[1]: idx((n_train,), rng.integers(0, 10, n_train, dtype=np.uint8).tobytes()),
        IDX_NAMES[2]: idx((n_test, 28, 28), rng.integers(0, 256, n_test * 784, dtype=np.uint8).tobytes()),
        IDX_NAMES[3]: idx((n_test,), rng.integers(0, 10, n_test, dtype=np.uint8).tobytes()),
    }
    for name, data in parts.items():
        if gz:
            (folder / f"{name}.gz").write_bytes(gzip.compress(data, 1))
        else:
            (folder / name).write_bytes(data)
    return folder


# ----- 1. nothing to train or test on ---------------------------------------------------------------------

@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("n_train, n_test, empty_file, part", [
    (0, 5, IDX_NAMES[0], "training set is empty"),
    (5, 0, IDX_NAMES[2], "test set is empty"),
    (0, 0, IDX_NAMES[0], "training set is empty"),
])
def test_an_idx_folder_declaring_no_images_is_refused(tmp_path, gz, n_train, n_test, empty_file, part):
    folder = mnist_folder(tmp_path / "empty", n_train, n_test, gz)
    assert_refused(cli([*QUICK_TRAIN, "--data", str(folder)]), empty_file, part, "0 images")


def test_a_validation_share_that_leaves_no_training_image_is_refused(tmp_path):
    folder = mnist_folder(tmp_path / "tinyset", 4, 4)
    line = assert_refused(cli([*QUICK_TRAIN, "--data", str(folder), "--train-limit", "1",
                               "--validation-fraction", "0.5"]), "tinyset", "validation")
    assert "use more training items" in line


def test_a_header_promising_more_images_than_the_file_holds_is_refused(tmp_path):
    folder = mnist_folder(tmp_path / "short", 5, 5)
    (folder / IDX_NAMES[0]).write_bytes(idx((50, 28, 28), bytes(5 * 784)))
    assert_refused(cli([*QUICK_TRAIN, "--data", str(folder)]), IDX_NAMES[0], "truncated")


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["a,b,label", *rows]) + "\n")
    return path


@pytest.mark.parametrize("rows, words", [
    ([], "no data rows"),
    (["1,2,0.5"], "1 row(s) are too few to train and test on"),
    (["1,2,x", "3,4,y", "5,6,x"], "3 row(s) are too few to train and test on"),
])
def test_a_csv_too_short_to_split_is_refused_naming_it(tmp_path, rows, words):
    path = write_csv(tmp_path / "short.csv", rows)
    with pytest.raises((CsvError, DataImportError)) as caught:
        table_splits(read_csv(path), 0.2, 0, name=path.name)
    assert "short.csv" in str(caught.value) and words in str(caught.value)


def test_a_csv_split_never_leaves_a_part_empty(tmp_path):
    # Four rows, four classes: no class can be in both parts; even a 90 % test share keeps a training row.
    path = write_csv(tmp_path / "singletons.csv", ["1,2,a", "3,4,b", "5,6,c", "7,8,d"])
    for share in (0.05, 0.5, 0.9):
        splits = table_splits(read_csv(path), share, seed=0, name=path.name)
        assert len(splits.train) >= 1 and len(splits.test) >= 1, share
    splits = table_splits(read_csv(path), 0.9, seed=0, name=path.name)
    with pytest.raises(DataImportError, match="singletons.csv: 1 training row"):
        with_validation(splits, 0.5, seed=0)


# ----- 2. arrays that are no image --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project(trained_project) -> Path:
    return trained_project[0]


def huge_long_double() -> np.ndarray:
    return np.full((28, 28), np.longdouble("1e400"))


NOT_IMAGES = {
    "timedelta": (lambda: np.zeros((28, 28), "m8[s]"), "not numbers"),
    "datetime": (lambda: np.zeros((28, 28), "M8[D]"), "not numbers"),
    "complex": (lambda: np.ones((28, 28), complex), "not numbers"),
    "strings": (lambda: np.full((28, 28), "7"), "not numbers"),
    "bytes": (lambda: np.full((28, 28), b"7"), "not numbers"),
    "record": (lambda: np.zeros((28, 28), [("a", "f4"), ("b", "u1")]), "not numbers"),
    "void": (lambda: np.zeros((28, 28), "V4"), "not numbers"),
    "scalar": (lambda: np.array(7.0), "not an image"),
    "row": (lambda: np.ones(28), "not an image"),
    "4-d": (lambda: np.ones((2, 28, 28, 1)), "not an image"),
    "2 channels": (lambda: np.ones((28, 28, 2)), "not an image"),
    "empty": (lambda: np.zeros((0, 28)), "no pixels"),
    "NaN": (lambda: np.full((28, 28), np.nan), "NaN"),
    "infinite": (lambda: np.where(np.eye(28) > 0, np.inf, 0.0), "infinite"),
    "1e308": (lambda: np.full((28, 28), 1e308), "1e+308"),
    "-1e308 to 1e308": (lambda: np.where(np.eye(28) > 0, 1e308, -1e308), "1e+308"),
    "RGB 1e308": (lambda: np.full((28, 28, 3), 1.7e308), "1.7e+308"),
    "long double": (huge_long_double, "inf"),
}


@pytest.mark.parametrize("kind", list(NOT_IMAGES))
def test_predict_refuses_an_array_that_is_no_image_in_one_line(project, tmp_path, kind):
    make, words = NOT_IMAGES[kind]
    path = tmp_path / "bad.npy"
    np.save(path, make())
    assert_refused(cli(["predict", "--load", str(project), str(path)]), str(path), words)


def test_predict_refuses_a_pickled_array_without_unpickling(project, tmp_path):
    path = tmp_path / "objects.npy"
    np.save(path, np.array([[object()]], dtype=object), allow_pickle=True)
    assert_refused(cli(["predict", "--load", str(project), str(path)]), str(path), "not numbers")


def test_predict_refuses_a_pipe_instead_of_waiting_on_it(project, tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "digit.npy"
    os.mkfifo(path)
    assert_refused(cli(["predict", "--load", str(project), str(path)]), str(path), "a device or a pipe")


DTYPES = ["u1", "i1", "<u2", ">i2", "u4", "i8", "u8", "f2", "<f4", ">f8", np.dtype(np.longdouble).str, "?"]
FILL = st.sampled_from([0, 1, 7, 255, 256, 65535, 65536, -1, 0.5, 1e-300, 5e-324, 2.0**63, 2.0**64 - 1, 1e38, 3e38,
                        3.5e38, 1e300, 1.7976931348623157e308, np.nan, np.inf, -np.inf])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dtype=st.sampled_from(DTYPES), shape=st.sampled_from([(28, 28), (5, 9), (1, 1), (30, 20, 3), (6, 6, 1)]),
       background=FILL, ink=FILL, data=st.data())
def test_any_numeric_npy_is_predicted_or_refused_in_one_line(project, tmp_path_factory, dtype, shape, background, ink,
                                                             data):
    dtype = np.dtype(dtype)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # only the file's values matter here; casting them may overflow
        array = np.full(shape, background).astype(dtype)
        if data.draw(st.booleans()):  # a square of ink
            corner = data.draw(st.integers(0, min(shape[:2]) - 1))
            array[corner:, corner:] = np.array(ink).astype(dtype)
        else:  # a checkerboard: noise everywhere, the border included
            array[::2, ::2] = array[1::2, 1::2] = np.array(ink).astype(dtype)
    path = tmp_path_factory.mktemp("npy") / "digit.npy"
    np.save(path, array)
    result = cli(["predict", "--load", str(project), "--json", str(path)])
    code, out, err, caught = result
    if code == 0:
        assert not err.strip() and not caught, (err, caught)
        answer = json.loads(out)
        assert answer["path"] == str(path) and 0 <= answer["prediction"] <= 9
        assert np.isfinite(answer["probabilities"]).all()
    else:
        assert_refused(result, str(path))


# ----- 3 and 4. memory: gzip bombs and big CSVs ---------------------------------------------------------------

def peak_growth(setup: str, code: str) -> int:
    """Bytes the peak resident memory of a fresh Python grows by while `code` runs (after `setup`'s imports)."""
    pytest.importorskip("resource")  # POSIX only
    program = "\n".join([
        "import resource, sys",
        setup,
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss",
        code,
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss",
        "print((after - before) * (1 if sys.platform == 'darwin' else 1024))",  # macOS counts bytes, Linux KiB
    ])
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=300,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_a_gzip_bomb_behind_a_small_idx_header_is_refused_before_it_inflates(tmp_path):
    folder = mnist_folder(tmp_path / "bomb", 5, 5)
    (folder / IDX_NAMES[0]).unlink()
    block = gzip.compress(bytes(1 << 20), 9)  # 1 MiB of zeros in about 1 KiB; members concatenate
    with open(folder / f"{IDX_NAMES[0]}.gz", "wb") as handle:
        handle.write(gzip.compress(idx((5, 28, 28))))
        for _ in range(1024):  # inflates to 1 GiB
            handle.write(block)
    assert (folder / f"{IDX_NAMES[0]}.gz").stat().st_size < 2 << 20
    tracemalloc.start()  # numpy's buffers are traced too
    try:
        assert_refused(cli([*QUICK_TRAIN, "--data", str(folder)]), IDX_NAMES[0], "more data than the header")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, f"{peak / 2**20:.0f} MB to refuse a file of 5 images"


def test_a_csv_is_read_in_a_few_times_its_size(tmp_path):
    # Short cells are the worst case: two bytes of text each, a Python float and str each when kept in lists.
    rng = np.random.default_rng(0)
    values = rng.integers(0, 10, (150_000, 20))
    path = tmp_path / "digits.csv"
    with open(path, "w") as handle:
        handle.write(",".join(f"f{i}" for i in range(20)) + ",y\n")
        handle.writelines(",".join(map(str, row)) + f",{row[0] + 0.5}\n" for row in values)
    size = path.stat().st_size
    assert 5 * 2**20 < size < 10 * 2**20
    growth = peak_growth("from playground.core.data.csv_data import read_csv",
                         f"table = read_csv({str(path)!r})\nassert table.x.shape == (150_000, 20)")
    assert growth < 6 * size, f"reading {size / 2**20:.1f} MB took {growth / 2**20:.0f} MB more"


def test_a_csv_line_too_long_for_a_row_is_refused_before_it_is_split(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n1,2\n" + "1," * 600_000 + "1\n3,4\n")
    with pytest.raises(CsvError, match=r"wide.csv, line 3: 1,200,00\d characters is too long"):
        read_csv(path)

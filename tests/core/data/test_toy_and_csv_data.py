import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.data.csv_data import CsvError, read_csv, read_csv_text
from playground.core.data.toy_data import (
    CLASSIFICATION_SHAPES,
    EXTENT,
    FEATURES,
    REGRESSION_FUNCTIONS,
    SURFACES,
    TableDataset,
    ToyDataError,
    feature_columns,
    grid,
    make_classification,
    make_regression_1d,
    make_surface,
    split,
)


@pytest.mark.parametrize("shape", CLASSIFICATION_SHAPES)
def test_classification_sets_are_seeded_balanced_and_in_range(shape):
    x, y = make_classification(shape, 400, noise=0.2, seed=3)
    x2, y2 = make_classification(shape, 400, noise=0.2, seed=3)
    assert np.array_equal(x, x2) and np.array_equal(y, y2)
    assert not np.array_equal(x, make_classification(shape, 400, noise=0.2, seed=4)[0])
    assert x.shape == (400, 2) and np.abs(x).max() <= EXTENT
    counts = np.bincount(y)
    assert len(counts) == 2 and counts.min() >= 120


def test_xor_labels_follow_the_quadrants_without_noise():
    x, y = make_classification("xor", 300, noise=0.0)
    assert np.array_equal(y, ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(int))


def test_spiral_and_gaussians_take_more_classes():
    for shape in ("spiral", "gaussians"):
        _, y = make_classification(shape, 500, n_classes=4)
        assert set(y) == {0, 1, 2, 3}


def test_regression_and_surfaces():
    for f in REGRESSION_FUNCTIONS:
        x, y = make_regression_1d(f, 100, noise=0.0)
        assert x.shape == (100, 1) and y.shape == (100, 1)
    x, y = make_regression_1d("sine", 100, noise=0.0)
    assert np.allclose(y[:, 0], np.sin(x[:, 0]), atol=1e-6)
    for s in SURFACES:
        x, z = make_surface(s, 50)
        assert x.shape == (50, 2) and z.shape == (50, 1)


def test_features_split_and_grid():
    pts = np.array([[1.0, 2.0], [-3.0, 0.5]], np.float32)
    cols = feature_columns(pts, list(FEATURES))
    assert cols.shape == (2, 7)
    assert np.allclose(cols[0], [1, 2, 1, 4, 2, np.sin(1), np.sin(2)])
    x, y = make_classification("circle", 200)
    (xtr, ytr), (xte, yte) = split(x, y, 0.25, seed=1)
    assert len(xte) == 50 and len(xtr) == 150
    g, xs, ys = grid(20)
    assert g.shape == (400, 2) and xs[0] == -EXTENT


@pytest.mark.parametrize("call, words", [
    (lambda: make_classification("donut"), "Unknown data set 'donut'"),
    (lambda: make_classification("circle", 5), "from 10"),
    (lambda: make_classification("circle", noise=2), "Noise"),
    (lambda: feature_columns(np.zeros((2, 2)), ["x3"]), "Unknown feature"),
    (lambda: feature_columns(np.zeros((2, 2)), []), "at least one"),
    (lambda: split(np.zeros((20, 2)), np.zeros(20), 0.99, 0), "test share"),
])
def test_bad_settings_say_what_is_allowed(call, words):
    with pytest.raises(ToyDataError, match=words):
        call()


def test_csv_classification_and_regression():
    ds = read_csv_text("a,b,label\n1,2,cat\n3,4,dog\n5,6,cat\n")
    assert ds.task == "classification" and ds.classes == ("cat", "dog") and ds.y.tolist() == [0, 1, 0]
    assert ds.feature_names == ("a", "b") and ds.x.shape == (3, 2)
    reg = read_csv_text("x;price\n1;2.5\n2;3.75\n")
    assert reg.task == "regression" and reg.y.shape == (2, 1)
    chosen = read_csv_text("y,a\n1,0.5\n2,0.25\n", target="y", task="classification")
    assert chosen.classes == ("1", "2") and chosen.feature_names == ("a",)


@pytest.mark.parametrize("text, words, row", [
    ("", "empty", None),
    ("a\n1\n", "at least two columns", 1),
    ("a,b\n1,2,3\n", "row 2: 3 values", 2),
    ("a,b,c\n1,x,0\n", "row 2, column 'b': 'x' is not a number", 2),
    ("a,b,c\n1,nan,0\n", "not a finite number", 2),
    ("a,,c\n1,2,3\n", "no name", 1),
    ("a,a,c\n1,2,3\n", "appears twice", 1),
    ("a,b\n", "no data rows", None),
    ("a,b\n1,x\n2,x\n", "same 'b'", None),
    ("a,b\n1,2\n3,\n", "row 3: the 'b' value is empty", 3),
])
def test_csv_problems_name_the_row(text, words, row):
    with pytest.raises(CsvError) as err:
        read_csv_text(text)
    assert words in str(err.value) and err.value.row == row


def test_csv_file_checks(tmp_path):
    with pytest.raises(CsvError, match="no such file"):
        read_csv(tmp_path / "none.csv")
    bad = tmp_path / "latin.csv"
    bad.write_bytes("a,b\n1,caf\xe9\n".encode("latin-1"))
    with pytest.raises(CsvError, match="not UTF-8"):
        read_csv(bad)
    good = tmp_path / "bom.csv"
    good.write_bytes("\ufeffa,b\n1,x\n2,y\n".encode("utf-8"))
    assert read_csv(good).feature_names == ("a",)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab,;\t\n\r\"' 0123456789.-enaxyz")), max_size=300))
def test_any_text_gives_a_dataset_or_a_clear_error(text):
    try:
        ds = read_csv_text(text)
    except CsvError as exc:
        assert str(exc)
        return
    assert isinstance(ds, TableDataset) and len(ds) > 0 and np.isfinite(ds.x).all()
    assert ds.x.shape == (len(ds.y), len(ds.feature_names))


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 20])
def test_csv_file_checks_name_the_bad_byte_wherever_the_reading_chunks_end(tmp_path, monkeypatch, chunk):
    import playground.core.data.csv_data as csv_data

    monkeypatch.setattr(csv_data, "_SCAN_BYTES", chunk)
    text = "\ufeffname,é,label\n1,2,ü€\n".encode()
    path = tmp_path / "data.csv"
    path.write_bytes(text + b"3,4,\xe2\x82\n")  # a character cut short
    with pytest.raises(CsvError, match=rf"data.csv: not UTF-8 text \(byte {len(text) + 4}\)"):
        read_csv(path)
    path.write_bytes(text + b"3,4,x\xe2\x82")  # ... at the very end
    with pytest.raises(CsvError, match=rf"not UTF-8 text \(byte {len(text) + 5}\)"):
        read_csv(path)
    path.write_bytes(text + b"3,4,\x00x\n")
    with pytest.raises(CsvError, match="NUL bytes"):
        read_csv(path)
    path.write_bytes(text + b"3,4,x\n")
    table = read_csv(path)
    assert table.feature_names == ("name", "é") and table.classes == ("x", "ü€")


def test_csv_files_read_the_same_as_their_text(tmp_path):
    rng = np.random.default_rng(0)
    rows = [f"{a:.3f};{b:.3f};{'cat' if a > 0 else 'dog'}" for a, b in rng.normal(size=(300, 2))]
    for newline in ("\n", "\r\n", "\r"):
        text = newline.join(["x;y;kind", *rows[:150], "", *rows[150:], ""])
        path = tmp_path / "animals.csv"
        path.write_bytes(text.encode())
        from_file, from_text = read_csv(path), read_csv_text(text.replace("\r\n", "\n").replace("\r", "\n"))
        np.testing.assert_array_equal(from_file.x, from_text.x)
        np.testing.assert_array_equal(from_file.y, from_text.y)
        assert from_file.classes == from_text.classes == ("cat", "dog") and len(from_file) == 300


def test_csv_too_many_classes_are_counted_exactly(tmp_path):
    path = tmp_path / "ids.csv"
    path.write_text("a,id\n" + "".join(f"{i},id{i % 1500}\n" for i in range(3000)))
    with pytest.raises(CsvError, match="'id' has 1,500 different values"):
        read_csv(path)
    codes = read_csv_text("a,c\n" + "".join(f"{i},c{i % 1000}\n" for i in range(2000)))  # the most there may be
    assert len(codes.classes) == 1000 and codes.classes[codes.y[1234]] == "c234"

"""MNIST-format loading: the shipped data, both file encodings, layouts and every error path."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from playground.core.data.datasets import (
    DatasetError,
    DataSplits,
    ImageDataset,
    find_idx_files,
    load_data,
    load_mnist_folder,
    read_idx,
    split_validation,
)

TEST_LABEL_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
NAMES = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
         "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def idx_bytes(array: np.ndarray | None = None, *, magic: int | None = None,
              dims: tuple[int, ...] | None = None, payload: bytes | None = None) -> bytes:
    """IDX file contents; header fields can be overridden to build broken files."""
    if array is not None:
        array = np.ascontiguousarray(array, dtype=np.uint8)
        dims = array.shape if dims is None else dims
        payload = array.tobytes() if payload is None else payload
    assert dims is not None
    if magic is None:
        magic = 0x0800 | len(dims)
    header = magic.to_bytes(4, "big") + b"".join(d.to_bytes(4, "big") for d in dims)
    return header + (payload or b"")


def write(path: Path, data: bytes, gz: bool = False) -> Path:
    if gz:
        path = path.with_name(path.name + ".gz")
        data = gzip.compress(data, compresslevel=1)
    path.write_bytes(data)
    return path


def make_folder(folder: Path, n_train: int = 12, n_test: int = 5, size: int = 6,
                gz: tuple[bool, bool, bool, bool] = (False, True, True, False),
                seed: int = 0) -> dict[str, np.ndarray]:
    """A small MNIST-format folder with a mix of raw and gzip files; returns what it holds."""
    rng = np.random.default_rng(seed)
    arrays = {
        NAMES[0]: rng.integers(0, 256, (n_train, size, size), dtype=np.uint8),
        NAMES[1]: rng.integers(0, 10, n_train, dtype=np.uint8),
        NAMES[2]: rng.integers(0, 256, (n_test, size, size), dtype=np.uint8),
        NAMES[3]: rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for (name, array), compress in zip(arrays.items(), gz):
        write(folder / name, idx_bytes(array), gz=compress)
    return arrays


def numbered_dataset(n: int = 100) -> ImageDataset:
    """Pixel (0, 0) of image i holds i, so every item can be traced through a split."""
    images = np.zeros((n, 4, 4), dtype=np.uint8)
    images[:, 0, 0] = np.arange(n)
    return ImageDataset(images=images, labels=np.arange(n, dtype=np.int64) % 10,
                        name="numbered", classes=tuple("0123456789"))


@pytest.fixture(scope="module")
def mnist() -> DataSplits:
    return load_data()


# --------------------------------------------------------------------------- shipped MNIST


def test_shipped_mnist_shapes_and_label_counts(mnist: DataSplits) -> None:
    assert mnist.train.images.shape == (60000, 28, 28)
    assert mnist.test.images.shape == (10000, 28, 28)
    assert mnist.train.images.dtype == np.uint8
    assert mnist.train.labels.dtype == np.int64
    assert len(mnist.train) == 60000 and len(mnist.test) == 10000
    assert np.bincount(mnist.test.labels).tolist() == TEST_LABEL_COUNTS
    assert mnist.train.image_shape == (1, 28, 28)
    assert mnist.train.num_classes == 10
    assert mnist.train.classes == tuple(str(d) for d in range(10))
    assert mnist.train.name == "MNIST"
    assert mnist.validation is None
    # MNIST is white digits on black with pixels up to 255.
    assert mnist.test.images[:100].max() == 255 and mnist.test.images[:100, 0, 0].max() == 0


def test_limits_and_validation_on_shipped_mnist(mnist: DataSplits) -> None:
    splits = load_data(validation_fraction=0.1, seed=3, train_limit=500, test_limit=100)
    assert len(splits.train) == 450
    assert splits.validation is not None and len(splits.validation) == 50
    assert len(splits.test) == 100
    np.testing.assert_array_equal(splits.test.images, mnist.test.images[:100])
    np.testing.assert_array_equal(splits.test.labels, mnist.test.labels[:100])
    # Limits larger than the data keep everything.
    assert len(load_data(test_limit=10**6).test) == 10000


@pytest.mark.parametrize("limit", [0, -5, 2.5, True])
def test_bad_limit_is_a_user_error(limit) -> None:
    with pytest.raises(ValueError, match="limit"):
        load_data(train_limit=limit)


# --------------------------------------------------------------------------- folders


def test_raw_and_gzip_files_both_load(tmp_path: Path) -> None:
    folder = tmp_path / "tiny-set"
    arrays = make_folder(folder)
    splits = load_mnist_folder(folder)
    np.testing.assert_array_equal(splits.train.images, arrays[NAMES[0]])
    np.testing.assert_array_equal(splits.train.labels, arrays[NAMES[1]])
    np.testing.assert_array_equal(splits.test.images, arrays[NAMES[2]])
    np.testing.assert_array_equal(splits.test.labels, arrays[NAMES[3]])
    assert splits.train.name == "tiny-set"
    assert splits.train.image_shape == (1, 6, 6)
    assert load_mnist_folder(folder, name="Mine").test.name == "Mine"

    # The same content with the opposite encodings reads identically.
    other = tmp_path / "other"
    make_folder(other, gz=(True, False, False, True))
    again = load_mnist_folder(other)
    np.testing.assert_array_equal(again.train.images, splits.train.images)
    np.testing.assert_array_equal(again.test.labels, splits.test.labels)


def test_read_idx_raw_and_gzip(tmp_path: Path) -> None:
    images = np.arange(2 * 3 * 5, dtype=np.uint8).reshape(2, 3, 5)
    for gz in (False, True):
        path = write(tmp_path / f"images-{gz}", idx_bytes(images), gz=gz)
        out = read_idx(path)
        assert out.dtype == np.uint8
        np.testing.assert_array_equal(out, images)
    labels = write(tmp_path / "labels", idx_bytes(np.array([3, 1, 4], dtype=np.uint8)))
    np.testing.assert_array_equal(read_idx(labels), [3, 1, 4])


def test_torchvision_layout(tmp_path: Path) -> None:
    make_folder(tmp_path / "data" / "MNIST" / "raw")
    files = find_idx_files(tmp_path / "data")
    assert set(files) == set(NAMES)
    assert all(p.parent == tmp_path / "data" / "MNIST" / "raw" for p in files.values())
    assert load_mnist_folder(tmp_path / "data").train.name == "MNIST"
    assert load_mnist_folder(tmp_path / "data" / "MNIST").train.name == "MNIST"


def test_several_datasets_in_one_folder_need_a_choice(tmp_path: Path) -> None:
    make_folder(tmp_path / "MNIST" / "raw")
    make_folder(tmp_path / "FashionMNIST" / "raw")
    with pytest.raises(DatasetError, match="several datasets.*FashionMNIST"):
        find_idx_files(tmp_path)


def test_missing_file_names_the_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "incomplete"
    make_folder(folder)
    (folder / "t10k-labels-idx1-ubyte").unlink()
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(folder)
    message = str(info.value)
    assert "t10k-labels-idx1-ubyte(.gz)" in message
    assert str(folder) in message
    assert "needs the four files" in message
    assert "train-images-idx3-ubyte(.gz)" not in message


def test_missing_or_wrong_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        load_mnist_folder(tmp_path / "nowhere")
    with pytest.raises(DatasetError, match="train-images-idx3-ubyte"):
        load_mnist_folder(tmp_path)  # exists but empty
    with pytest.raises(DatasetError, match="file not found"):
        read_idx(tmp_path / "nothing.gz")


# --------------------------------------------------------------------------- broken files


def assert_error(path: Path, *fragments: str, expected_magic: int | None = None) -> None:
    with pytest.raises(DatasetError) as info:
        read_idx(path, expected_magic)
    message = str(info.value)
    assert path.name in message, message
    for fragment in fragments:
        assert fragment in message, message
    assert info.value.path == path


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_file(tmp_path: Path, gz: bool) -> None:
    data = idx_bytes(dims=(60000, 28, 28), payload=bytes(1234))
    path = write(tmp_path / "train-images-idx3-ubyte", data, gz=gz)
    assert_error(path, "truncated", "60000 images of 28×28", "1234 bytes")


def test_truncated_header(tmp_path: Path) -> None:
    path = write(tmp_path / "labels", (0x0801).to_bytes(4, "big") + b"\x00\x00")
    assert_error(path, "truncated", "header")


@pytest.mark.parametrize("gz", [False, True])
def test_bad_magic(tmp_path: Path, gz: bool) -> None:
    path = write(tmp_path / "train-images-idx3-ubyte",
                 idx_bytes(np.zeros((4, 4), np.uint8)), gz=gz)  # magic 0x802
    assert_error(path, "not an IDX image file", "0x00000802", "expected 0x00000803",
                 expected_magic=0x0803)
    text = write(tmp_path / "notes.txt", b"hello, this is not IDX")
    assert_error(text, "not an IDX file")


def test_labels_file_where_images_belong(tmp_path: Path) -> None:
    path = write(tmp_path / "train-images-idx3-ubyte", idx_bytes(np.zeros(3, np.uint8)))
    assert_error(path, "0x00000801", "expected 0x00000803", expected_magic=0x0803)


def test_unsupported_value_type(tmp_path: Path) -> None:
    path = write(tmp_path / "floats", idx_bytes(dims=(2,), magic=0x0D01, payload=bytes(8)))
    assert_error(path, "32-bit float", "only unsigned bytes")


@pytest.mark.parametrize("gz", [False, True])
def test_empty_file(tmp_path: Path, gz: bool) -> None:
    path = write(tmp_path / "train-labels-idx1-ubyte", b"", gz=gz)
    assert_error(path, "empty")


def test_corrupt_gzip(tmp_path: Path) -> None:
    images = np.random.default_rng(0).integers(0, 256, (50, 28, 28), dtype=np.uint8)
    good = gzip.compress(idx_bytes(images))
    damaged = bytearray(good)
    for i in range(200, 260):
        damaged[i] ^= 0xFF
    path = tmp_path / "train-images-idx3-ubyte.gz"
    path.write_bytes(bytes(damaged))
    assert_error(path, "gzip", "corrupt")
    # A download that stopped half-way.
    path.write_bytes(good[: len(good) // 2])
    assert_error(path, "gzip")
    # A .gz name is fine for raw data and vice versa: the content decides.
    path.write_bytes(idx_bytes(images))
    np.testing.assert_array_equal(read_idx(path), images)


def test_trailing_data(tmp_path: Path) -> None:
    data = idx_bytes(np.zeros(10, np.uint8)) + b"extra"
    for gz in (False, True):
        path = write(tmp_path / f"labels-{gz}", data, gz=gz)
        assert_error(path, "more")


def test_count_mismatch(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    make_folder(folder, n_train=12)
    (folder / "train-labels-idx1-ubyte.gz").unlink()
    write(folder / "train-labels-idx1-ubyte", idx_bytes(np.zeros(11, np.uint8)))
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(folder)
    message = str(info.value)
    assert "train-labels-idx1-ubyte" in message and "train-images-idx3-ubyte" in message
    assert "11 labels" in message and "12 images" in message


def test_label_out_of_range(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    make_folder(folder, n_test=5)
    labels = np.array([1, 2, 12, 3, 4], np.uint8)
    write(folder / "t10k-labels-idx1-ubyte", idx_bytes(labels))
    with pytest.raises(DatasetError) as info:
        load_mnist_folder(folder)
    message = str(info.value)
    assert "t10k-labels-idx1-ubyte" in message
    assert "label 12" in message and "position 2" in message and "0–9" in message


def test_image_sizes_must_match(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    make_folder(folder, size=6)
    write(folder / "t10k-images-idx3-ubyte", idx_bytes(np.zeros((5, 7, 7), np.uint8)))
    with pytest.raises(DatasetError, match="same size"):
        load_mnist_folder(folder)


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("n_train, n_test, empty, part", [
    (0, 5, "train-images-idx3-ubyte", "training set is empty"),
    (12, 0, "t10k-images-idx3-ubyte", "test set is empty"),
])
def test_a_set_without_images_is_refused(tmp_path: Path, gz: bool, n_train: int, n_test: int, empty: str,
                                         part: str) -> None:
    folder = tmp_path / "set"
    make_folder(folder, n_train=n_train, n_test=n_test, gz=(gz,) * 4)
    with pytest.raises(DatasetError) as info:
        load_data(folder)
    name = empty + (".gz" if gz else "")
    assert str(info.value).startswith(f"{name}: the header says 0 images") and part in str(info.value)
    assert info.value.path == folder / name


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize(
    "dims, fragment",
    [((4_000_000_000,), "4,000,000,000 items"),
     ((20_000_000, 28, 28), "20,000,000 items"),
     ((10, 5000, 5000), "5000×5000"),
     ((5_000_000, 512, 512), "GiB")],
)
def test_absurd_header_is_refused_without_allocating(tmp_path: Path, gz: bool,
                                                     dims: tuple[int, ...], fragment: str) -> None:
    path = write(tmp_path / "huge", idx_bytes(dims=dims, payload=bytes(64)), gz=gz)
    tracemalloc.start()
    try:
        assert_error(path, fragment)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1 << 20


def test_gzip_bomb_is_not_decompressed(tmp_path: Path) -> None:
    # The header promises 1000 labels, the stream would inflate to 32 MB of zeros.
    bomb = gzip.compress(idx_bytes(dims=(1000,), payload=bytes(32 << 20)), compresslevel=9)
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    path.write_bytes(bomb)
    tracemalloc.start()
    try:
        assert_error(path, "more data")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 << 20


# --------------------------------------------------------------------------- splits, subsets


def test_validation_split_is_deterministic_and_disjoint() -> None:
    data = numbered_dataset(100)
    train, val = split_validation(data, 0.2, seed=7)
    assert val is not None
    assert len(train) == 80 and len(val) == 20
    train_ids = set(train.images[:, 0, 0].tolist())
    val_ids = set(val.images[:, 0, 0].tolist())
    assert not train_ids & val_ids
    assert train_ids | val_ids == set(range(100))
    np.testing.assert_array_equal(train.labels, train.images[:, 0, 0] % 10)  # pairs kept

    train2, val2 = split_validation(data, 0.2, seed=7)
    assert val2 is not None
    np.testing.assert_array_equal(val.images, val2.images)
    np.testing.assert_array_equal(train.images, train2.images)
    _, val3 = split_validation(data, 0.2, seed=8)
    assert val3 is not None and not np.array_equal(val.images, val3.images)


def test_validation_fraction_zero_and_bounds() -> None:
    data = numbered_dataset(10)
    train, val = split_validation(data, 0.0, seed=0)
    assert train is data and val is None
    train, val = split_validation(data, 0.9, seed=0)
    assert val is not None and len(train) == 1 and len(val) == 9
    with pytest.raises(ValueError, match="numbered: 1 training item.*use more training items"):
        split_validation(train, 0.5, seed=0)  # one image cannot be both
    for bad in (-0.1, 0.95, 1.0, float("nan")):
        with pytest.raises(ValueError, match="validation fraction must be between 0 and 0.9"):
            split_validation(data, bad, seed=0)


def test_subset_by_count_and_indices() -> None:
    data = numbered_dataset(20)
    first = data.subset(5)
    assert len(first) == 5 and first.images[:, 0, 0].tolist() == [0, 1, 2, 3, 4]
    assert first.images.base is None  # a copy, not a view keeping the whole set alive
    picked = data.subset([3, 1, 19])
    assert picked.images[:, 0, 0].tolist() == [3, 1, 19]
    assert picked.labels.tolist() == [3, 1, 9]
    assert picked.name == data.name and picked.classes == data.classes
    with pytest.raises(ValueError, match="out of range"):
        data.subset([20])


def test_image_dataset_checks_its_arrays() -> None:
    with pytest.raises(ValueError, match="uint8"):
        ImageDataset(np.zeros((2, 3, 3), np.float32), np.zeros(2, np.int64), "x", ("a",))
    with pytest.raises(ValueError, match="2 images but 3 labels"):
        ImageDataset(np.zeros((2, 3, 3), np.uint8), np.zeros(3, np.int64), "x", ("a",))


def test_raw_file_preferred_when_both_exist(tmp_path: Path) -> None:
    # torchvision's raw folders keep both; the raw one needs no decompression.
    folder = tmp_path / "both"
    make_folder(folder, gz=(False, False, False, False))
    for name in NAMES:
        (folder / f"{name}.gz").write_bytes(b"not even gzip")
    files = find_idx_files(folder)
    assert all(path.suffix != ".gz" for path in files.values())
    assert len(load_mnist_folder(folder).train) == 12

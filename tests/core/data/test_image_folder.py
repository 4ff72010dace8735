"""Image-folder import (core, no Qt): classes from sub-folders, any size → one size, grayscale, a split per
class, the bad file named, nothing but ImageFolderError for any bytes; plus the table splits and the
network adaptation that import offers."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.data.data_import import (
    DataImportError,
    DataSource,
    output_size,
    table_splits,
    tasks_for,
    with_validation,
)
from playground.core.data.datasets import ImageDataset
from playground.core.data.image_folder import (
    ImageFolderError,
    ImportCancelled,
    decode_numpy_image,
    load_image_folder,
    scan_folder,
    split_per_class,
    to_grayscale,
)
from playground.core.data.toy_data import TableDataset
from playground.core.model.network_fit import fit_network, fit_output
from playground.core.model.presets import load_preset
from playground.core.model.shape_inference import infer_shapes


def write_pgm(path: Path, pixels: np.ndarray) -> None:
    h, w = pixels.shape
    path.write_bytes(b"P5\n# made by a test\n%d %d\n255\n" % (w, h) + pixels.astype(np.uint8).tobytes())


def write_ppm(path: Path, rgb: np.ndarray) -> None:
    h, w, _ = rgb.shape
    path.write_bytes(b"P6 %d %d 255\n" % (w, h) + rgb.astype(np.uint8).tobytes())


def make_folder(root: Path, counts: dict[str, int], size=(40, 30)) -> Path:
    """Class folders with images of the given size: class k has brightness 40 + 60·k, so it can be told apart."""
    rng = np.random.default_rng(0)
    for k, (name, n) in enumerate(counts.items()):
        (root / name).mkdir(parents=True)
        for i in range(n):
            base = 40 + 60 * k
            img = np.clip(base + rng.integers(-10, 10, size), 0, 255)
            if i % 3 == 0:
                np.save(root / name / f"img{i}.npy", img.astype(np.uint8))
            elif i % 3 == 1:
                write_pgm(root / name / f"img{i}.pgm", img)
            else:
                write_ppm(root / name / f"img{i}.ppm", np.stack([img] * 3, -1))
    return root


def test_classes_come_from_sub_folders_and_every_image_is_resized_to_one_grayscale_size(tmp_path):
    folder = make_folder(tmp_path / "shapes", {"circles": 10, "squares": 12, "triangles": 8})
    (folder / "README.txt").write_text("not an image")
    (folder / "squares" / "notes.txt").write_text("ignored too")
    data = load_image_folder(folder, size=(28, 28), test_fraction=0.25, seed=3)
    train, test = data.splits.train, data.splits.test
    assert isinstance(train, ImageDataset) and train.classes == ("circles", "squares", "triangles")
    assert train.images.shape[1:] == (28, 28) and train.images.dtype == np.uint8
    assert train.image_shape == (1, 28, 28)
    assert len(train) + len(test) == 30
    # Every class is in both parts, in about the proportion asked for.
    assert np.bincount(test.labels).tolist() == [2, 3, 2]  # round(10 · 0.25) = 2, 12 → 3, 8 → 2
    assert np.bincount(train.labels).tolist() == [8, 9, 6]
    # The pixels survive: class k's images average 40 + 60·k (the RGB ones too, as gray).
    for k in range(3):
        assert abs(train.images[train.labels == k].mean() - (40 + 60 * k)) < 3
    assert {p.name for p in data.scan.ignored} == {"README.txt", "notes.txt"}
    # The same seed gives the same split; another seed another one.
    again = load_image_folder(folder, size=(28, 28), test_fraction=0.25, seed=3)
    assert np.array_equal(again.splits.test.images, test.images)
    other = load_image_folder(folder, size=(28, 28), test_fraction=0.25, seed=4)
    assert not np.array_equal(other.splits.test.images, test.images)


def test_other_sizes_and_inversion(tmp_path):
    folder = make_folder(tmp_path / "d", {"a": 3, "b": 3}, size=(7, 90))
    data = load_image_folder(folder, size=(16, 20), test_fraction=0.34)
    assert data.splits.train.images.shape[1:] == (16, 20) and data.splits.train.image_shape == (1, 16, 20)
    inverted = load_image_folder(folder, size=(16, 20), test_fraction=0.34, invert=True)
    difference = inverted.splits.train.images.astype(int) - (255 - data.splits.train.images.astype(int))
    assert np.abs(difference).max() <= 1  # rounding


def test_a_corrupt_image_is_named_or_skipped_when_asked(tmp_path):
    folder = make_folder(tmp_path / "pets", {"cats": 4, "dogs": 4})
    bad = folder / "dogs" / "broken.pgm"
    bad.write_bytes(b"P5\n28 28\n255\n" + b"\x00" * 100)  # truncated
    with pytest.raises(ImageFolderError) as info:
        load_image_folder(folder)
    assert "dogs/broken.pgm" in str(info.value) and "truncated" in str(info.value)
    assert info.value.path == bad
    data = load_image_folder(folder, skip_unreadable=True)
    assert [p.name for p, _ in data.unreadable] == ["broken.pgm"]
    assert len(data.splits.train) + len(data.splits.test) == 8


def test_a_decoder_that_fails_names_the_file(tmp_path):
    folder = make_folder(tmp_path / "x", {"a": 2, "b": 2})
    (folder / "a" / "photo.png").write_bytes(b"\x89PNG not really")

    def decode(path: Path) -> np.ndarray:
        if path.suffix == ".png":
            raise ValueError(f"{path}: cannot decode the PNG image — the file is damaged")
        return decode_numpy_image(path)

    with pytest.raises(ImageFolderError) as info:
        load_image_folder(folder, decode=decode)
    assert str(info.value) == "a/photo.png: cannot decode the PNG image — the file is damaged"
    # The default decoder has no PNG reader: it says so, naming the file.
    with pytest.raises(ImageFolderError, match=r"a/photo.png: no decoder for \.png"):
        load_image_folder(folder)


@pytest.mark.parametrize("layout, message", [
    ({}, "no sub-folders"),
    ({"only": 3}, "at least two classes"),
    ({"a": 1, "b": 0}, "at least two classes"),
])
def test_folders_that_cannot_be_a_data_set_say_why(tmp_path, layout, message):
    root = tmp_path / "data"
    root.mkdir()
    make_folder(root / "sub", layout) if layout else None
    target = root / "sub" if layout else root
    if not layout:
        write_pgm(root / "loose.pgm", np.zeros((4, 4)))
    with pytest.raises(ImageFolderError, match=message):
        load_image_folder(target)


def test_too_few_images_to_split_and_bad_options(tmp_path):
    folder = make_folder(tmp_path / "tiny", {"a": 1, "b": 1})
    with pytest.raises(ImageFolderError, match="too few"):
        load_image_folder(folder)
    with pytest.raises(ImageFolderError, match="image size"):
        load_image_folder(folder, size=(2, 2))
    with pytest.raises(ImageFolderError, match="test share"):
        load_image_folder(folder, test_fraction=0.99)
    with pytest.raises(ImageFolderError, match="not a folder"):
        scan_folder(tmp_path / "missing")


def test_progress_reports_and_cancels(tmp_path):
    folder = make_folder(tmp_path / "p", {"a": 20, "b": 20})
    seen = []
    load_image_folder(folder, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[0] == (0, 40) and seen[-1] == (40, 40)
    with pytest.raises(ImportCancelled):
        load_image_folder(folder, progress=lambda done, total: done < 16)


def test_split_per_class_keeps_every_class_with_two_or_more_in_both_parts():
    labels = np.array([0] * 10 + [1] * 2 + [2] * 1)
    train, test = split_per_class(labels, 3, 0.3, seed=0)
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(13))
    assert set(labels[test]) == {0, 1} and set(labels[train]) == {0, 1, 2}


def test_grayscale_conversion_of_rgb_alpha_and_float_images():
    rgb = np.zeros((10, 10, 3), np.uint8)
    rgb[..., 0] = 255  # pure red → luma 0.299
    assert abs(int(to_grayscale(rgb, (5, 5))[0, 0]) - round(0.299 * 255)) <= 1
    rgba = np.zeros((4, 4, 4), np.uint8)  # fully transparent → white paper
    assert to_grayscale(rgba, (4, 4)).min() == 255
    assert to_grayscale(np.full((3, 3), 0.5), (6, 6)).max() == 128
    with pytest.raises(ValueError, match="not an image"):
        to_grayscale(np.zeros((2, 2, 2, 2)), (4, 4))


# ----- fuzzing: any bytes in any image file give an ImageFolderError, never a crash -------------------------

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".npy", ".pgm", ".ppm", ".pbm", ".pnm"]),
       header=st.sampled_from([b"", b"P5\n", b"P6 3 3 255\n", b"P2\n2 2\n9\n", b"P1 3 3\n", b"P4 9 2\n",
                               b"\x93NUMPY\x01\x00"]))
def test_random_bytes_as_images_never_crash(tmp_path_factory, data, suffix, header):
    folder = make_folder(tmp_path_factory.mktemp("fuzz") / "f", {"a": 2, "b": 2}, size=(5, 5))
    (folder / "b" / f"zz_fuzzed{suffix}").write_bytes(header + data)
    try:
        result = load_image_folder(folder, size=(8, 8))
    except ImageFolderError as exc:
        assert "zz_fuzzed" in str(exc)
    else:  # the bytes happened to be a valid image
        assert result.splits.train.images.shape[1:] == (8, 8)


@settings(max_examples=60, deadline=None)
@given(shape=st.tuples(st.integers(0, 5), st.integers(0, 5)) | st.tuples(st.integers(0, 3), st.integers(0, 3),
                                                                         st.integers(0, 5)),
       dtype=st.sampled_from([np.uint8, np.float32, np.int64, np.bool_, np.float64]))
def test_any_numeric_array_converts_or_raises_value_error(shape, dtype):
    array = np.ones(shape, dtype=dtype)
    try:
        out = to_grayscale(array, (4, 4))
    except ValueError:
        return
    assert out.shape == (4, 4) and out.dtype == np.uint8


# ----- tables and the network offer -------------------------------------------------------------------------

def table(n=50, task="regression") -> TableDataset:
    rng = np.random.default_rng(1)
    x = rng.normal(5.0, 3.0, (n, 3)).astype(np.float32)
    if task == "regression":
        return TableDataset(x, (x @ [1.0, -2.0, 0.5])[:, None].astype(np.float32), ("a", "b", "c"), "regression")
    return TableDataset(x, (x[:, 0] > 5).astype(np.int64), ("a", "b", "c"), "classification", ("no", "yes"))


def test_table_splits_standardise_by_the_training_rows_and_carve_validation():
    splits = table_splits(table(), 0.2, seed=0, standardise=True, name="t.csv")
    assert len(splits.train) == 40 and len(splits.test) == 10 and splits.train.name == "t.csv"
    assert np.allclose(splits.train.x.mean(0), 0, atol=1e-5) and np.allclose(splits.train.x.std(0), 1, atol=1e-4)
    assert not np.allclose(splits.test.x.mean(0), 0, atol=1e-3)  # scaled by the train rows' statistics
    val = with_validation(splits, 0.25, seed=0)
    assert len(val.train) == 30 and len(val.validation) == 10 and val.test is splits.test
    assert with_validation(splits, 0.0, 0).validation is None
    classified = table_splits(table(task="classification"), 0.2, seed=0)
    assert set(classified.test.y.tolist()) == {0, 1}
    with pytest.raises(DataImportError, match="too few"):
        table_splits(TableDataset(np.zeros((2, 1), np.float32), np.zeros((2, 1), np.float32), ("a",), "regression"))


def test_tasks_and_output_sizes_follow_the_data(small_data):
    digits = small_data.train
    assert tasks_for(digits) == ("multiclass", "multilabel")
    assert output_size(digits, "multilabel") == 4 and output_size(digits, "multiclass") == 10
    assert tasks_for(table()) == ("regression",) and output_size(table(), "regression") == 1
    assert tasks_for(table(task="classification")) == ("multiclass", "binary")
    assert DataSource.from_json(DataSource("csv", "/x.csv", {"target": "y"}).to_json()) == \
        DataSource("csv", "/x.csv", {"target": "y"})
    assert DataSource.from_json({"kind": "evil"}) is None


def test_the_offered_network_fits_and_keeps_the_hidden_layers():
    mlp = load_preset("seed-mlp").spec
    multilabel = fit_output(mlp, "multilabel", "auto", 4)
    assert [layer.describe() for layer in multilabel.spec.layers[-2:]] == ["Linear(4)", "Sigmoid"]
    assert fit_output(multilabel.spec, "multilabel", "auto", 4) is None
    assert fit_output(multilabel.spec, "multilabel", "bce_logits", 4).summary == "Sigmoid removed from the end"
    back = fit_output(multilabel.spec, "multiclass", "auto", 10)
    assert back.spec.to_json() == mlp.to_json()
    regression = fit_network(mlp, (3,), "regression", "auto", 1)
    assert regression.spec.input_shape == (3,) and regression.spec.layers[0].type == "Linear"
    assert infer_shapes(regression.spec).output_shape == (1,) and not regression.replaced
    cnn = fit_network(load_preset("cnn").spec, (3,), "regression", "auto", 1)
    assert cnn.replaced and infer_shapes(cnn.spec).ok and infer_shapes(cnn.spec).output_shape == (1,)
    images = fit_network(regression.spec, (1, 32, 32), "multiclass", "auto", 5)
    assert images.spec.layers[0].type == "Flatten" and infer_shapes(images.spec).output_shape == (5,)


def make_colour_folder(root: Path, per_class: int = 6, size=(20, 24)) -> Path:
    """Red images vs blue images (equal luma would make them hard to tell apart in gray), as PPM and .npy."""
    rng = np.random.default_rng(1)
    for name, channel in (("red", 0), ("blue", 2)):
        (root / name).mkdir(parents=True)
        for i in range(per_class):
            img = rng.integers(0, 20, (*size, 3))
            img[..., channel] = 200
            if i % 2:
                write_ppm(root / name / f"{i}.ppm", img)
            else:
                np.save(root / name / f"{i}.npy", img.astype(np.uint8))
    return root


def test_an_rgb_folder_gives_n_by_3_by_h_by_w_and_a_cnn_trains_on_it(tmp_path):
    import torch

    from playground.core.training.trainer import Trainer, TrainingSetupError

    folder = make_colour_folder(tmp_path / "colours")
    # A gray image among the colour ones is repeated in the three channels.
    write_pgm(folder / "red" / "gray.pgm", np.full((10, 10), 120))
    data = load_image_folder(folder, size=(16, 16), test_fraction=0.25, seed=0, colour="rgb")
    train, test = data.splits.train, data.splits.test
    assert train.images.shape[1:] == (3, 16, 16) and train.images.dtype == np.uint8
    assert train.image_shape == test.image_shape == (3, 16, 16) and train.classes == ("blue", "red")
    blue = train.images[train.labels == 0].astype(float).mean(axis=(0, 2, 3))
    red = train.images[train.labels == 1].astype(float).mean(axis=(0, 2, 3))  # one gray image among them
    assert blue[2] > 190 and blue[0] < 20 and blue[1] < 20
    assert red[0] > 150 and red[0] > red[2] + 100
    gray_row = [i for i, img in enumerate(np.concatenate([train.images, test.images]))
                if np.all(img == 120)]
    assert len(gray_row) == 1
    small = train.subset([0, 1, 2])
    assert small.images.shape == (3, 3, 16, 16) and small.image_shape == (3, 16, 16)
    assert train.subset(2).images.shape == (2, 3, 16, 16)
    # The offered network takes 3×16×16: the CNN keeps its convolutions, in_channels follow the input.
    fit = fit_network(load_preset("cnn").spec, train.image_shape, "multiclass", "auto", 2)
    assert fit is not None and not fit.replaced and fit.spec.input_shape == (3, 16, 16)
    assert infer_shapes(fit.spec).ok and infer_shapes(fit.spec).output_shape == (2,)
    preset = load_preset("cnn")
    trainer = Trainer(fit.spec, preset.training.replace(epochs=1, batch_size=4, device="cpu"), data.splits)
    assert trainer.tdata.input_shape == (3, 16, 16)
    first_conv = next(m for m in trainer.model.modules() if isinstance(m, torch.nn.Conv2d))
    assert first_conv.in_channels == 3
    trainer.run()
    assert trainer.global_step >= 1 and all(np.isfinite(trainer.history.step_losses))
    loss, accuracy = trainer.evaluate(test)
    assert np.isfinite(loss) and 0.0 <= accuracy <= 1.0
    # Drawings (grayscale digits) are refused by colour data rather than mixed in.
    with pytest.raises(TrainingSetupError):
        trainer.add_training_examples(np.zeros((1, 16, 16), np.uint8), np.zeros(1, np.int64))


def test_grayscale_stays_n_by_h_by_w_and_bad_colour_modes_are_refused(tmp_path):
    folder = make_colour_folder(tmp_path / "colours")
    gray = load_image_folder(folder, size=(16, 16), seed=0)
    assert gray.splits.train.images.ndim == 3 and gray.splits.train.image_shape == (1, 16, 16)
    explicit = load_image_folder(folder, size=(16, 16), seed=0, colour="gray")
    assert np.array_equal(explicit.splits.train.images, gray.splits.train.images)
    rgb = load_image_folder(folder, size=(16, 16), seed=0, colour="rgb")
    assert np.array_equal(rgb.splits.train.labels, gray.splits.train.labels)  # the same split either way
    with pytest.raises(ImageFolderError, match="colour mode"):
        load_image_folder(folder, size=(16, 16), colour="cmyk")


def test_rgb_conversion_keeps_colour_composites_alpha_and_inverts():
    from playground.core.data.image_folder import to_rgb

    red = np.zeros((10, 10, 3), np.uint8)
    red[..., 0] = 255
    out = to_rgb(red, (5, 5))
    assert out.shape == (3, 5, 5) and out.dtype == np.uint8
    assert out[0].min() == 255 and out[1:].max() == 0
    assert to_rgb(np.zeros((4, 4, 4), np.uint8), (4, 4)).min() == 255  # transparent → white paper
    assert np.array_equal(to_rgb(red, (5, 5), invert=True), 255 - out)
    gray = to_rgb(np.full((6, 6), 0.5), (3, 3))
    assert gray.shape == (3, 3, 3) and np.all(gray == 128)
    with pytest.raises(ValueError):
        to_rgb(np.full((4, 4, 3), np.nan), (4, 4))
    with pytest.raises(ValueError):
        to_rgb(np.zeros((4, 4, 5)), (4, 4))


def npy_header(shape: tuple[int, ...], descr: str = "<f8") -> bytes:
    """The start of a .npy file (format 1.0) with any shape: what a header may claim."""
    header = repr({"descr": descr, "fortran_order": False, "shape": shape}).encode()
    header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header


@pytest.mark.parametrize("colour", ["gray", "rgb"])
@pytest.mark.parametrize("array, words", [
    (np.zeros((5, 5), "m8[s]"), "holds timedelta64[s], not pixel values"),
    (np.zeros((5, 5), "M8[s]"), "holds datetime64[s], not pixel values"),
    (np.ones((5, 5), complex), "holds complex128, not pixel values"),
    (np.full((5, 5), np.nan), "NaN"),
    (np.zeros((0, 5)), "no pixels"),
    (np.array(3.0), "not an image"),
], ids=["timedelta", "datetime", "complex", "NaN", "empty", "0-d"])
def test_an_npy_that_is_no_image_is_named(tmp_path, colour, array, words):
    folder = make_folder(tmp_path / "f", {"a": 3, "b": 3}, size=(6, 6))
    np.save(folder / "b" / "zz.npy", array)
    with pytest.raises(ImageFolderError, match=f"b/zz.npy: .*{re.escape(words)}"):
        load_image_folder(folder, size=(8, 8), colour=colour)


def test_an_npy_header_claiming_an_astronomical_shape_is_refused_before_allocating(tmp_path):
    path = tmp_path / "huge.npy"
    path.write_bytes(npy_header((2**40, 2**40, 2**40)) + bytes(64))  # 2**120 values: overflows int64
    with pytest.raises(ValueError, match="file is too short"):
        decode_numpy_image(path)


@pytest.mark.parametrize("colour", ["gray", "rgb"])
def test_values_at_the_ends_of_float64_import_without_warnings(tmp_path, colour):
    import warnings

    folder = make_folder(tmp_path / "f", {"a": 3, "b": 3}, size=(6, 6))
    extreme = np.full((6, 6, 3), -1.7e308)
    extreme[2:4] = 1.7e308
    np.save(folder / "b" / "zz.npy", extreme)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        data = load_image_folder(folder, size=(6, 6), colour=colour, test_fraction=0.5)
    images = np.concatenate([data.splits.train.images, data.splits.test.images])
    assert any(image.max() == 255 and image.min() == 0 for image in images)  # the stripe, white on black

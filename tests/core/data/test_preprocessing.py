"""prepare_digit makes drawings and photos look like MNIST digits."""

from __future__ import annotations

import numpy as np
import pytest

from playground.core.data.datasets import load_data
from playground.core.data.preprocessing import has_ink, prepare_digit, to_uint8


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    return load_data(train_limit=1, test_limit=30).test.images


def centre_of_mass(img: np.ndarray) -> tuple[float, float]:
    ys, xs = np.indices(img.shape)
    mass = img.sum()
    return float((img * ys).sum() / mass), float((img * xs).sum() / mass)


def ink_box(img: np.ndarray) -> tuple[int, int]:
    rows = np.flatnonzero(img.any(axis=1))
    cols = np.flatnonzero(img.any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def on_paper(digit: np.ndarray, scale: int = 3, shape: tuple[int, int] = (300, 420),
             at: tuple[int, int] = (25, 260), paper: int = 235, ink: int = 30) -> np.ndarray:
    """The digit enlarged, in dark ink, off-centre on light paper (a photo or a drawing)."""
    big = np.kron(digit.astype(np.float64) / 255.0, np.ones((scale, scale)))
    canvas = np.full(shape, float(paper))
    y, x = at
    region = canvas[y : y + big.shape[0], x : x + big.shape[1]]
    region[:] = paper + (ink - paper) * big
    return np.rint(canvas).astype(np.uint8)


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def test_output_format(digits: np.ndarray) -> None:
    out = prepare_digit(digits[0])
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() == pytest.approx(1.0)
    # An MNIST digit is already prepared: it comes back nearly unchanged.
    assert correlation(out, digits[0]) > 0.95


def test_inverted_off_centre_digit_comes_back(digits: np.ndarray) -> None:
    for digit in digits:
        photo = on_paper(digit)
        out = prepare_digit(photo)
        assert correlation(out, prepare_digit(digit)) > 0.8
        cy, cx = centre_of_mass(out)
        assert abs(cy - 14) <= 1 and abs(cx - 14) <= 1
        h, w = ink_box(out)
        assert h <= 20 and w <= 20 and max(h, w) == 20


def test_polarity_does_not_matter(digits: np.ndarray) -> None:
    photo = on_paper(digits[3])
    np.testing.assert_allclose(prepare_digit(photo), prepare_digit(255 - photo), atol=1e-6)


def test_tall_thin_one_keeps_its_aspect_ratio() -> None:
    canvas = np.full((280, 280), 255, np.uint8)
    canvas[40:240, 130:150] = 0  # a stroke 200 tall and 20 wide
    out = prepare_digit(canvas)
    h, w = ink_box(out > 0.05)
    assert h == 20 and w in (2, 3)  # 10:1 kept, not stretched to 20×20
    cy, cx = centre_of_mass(out)
    assert abs(cy - 14) <= 1 and abs(cx - 14) <= 1


def test_wide_dash_keeps_its_aspect_ratio() -> None:
    canvas = np.zeros((100, 300))
    canvas[45:55, 20:280] = 1.0  # 26:1
    h, w = ink_box(prepare_digit(canvas) > 0.05)
    assert w == 20 and h <= 2  # at most the 2-px minimum stroke width
    h, w = ink_box(prepare_digit(canvas, thicken=False) > 0.05)
    assert w == 20 and h == 1  # the box keeps the 26:1 shape exactly


@pytest.mark.parametrize(
    "blank",
    [np.full((280, 280), 255, np.uint8), np.zeros((280, 280), np.uint8),
     np.full((50, 60), 0.5), np.zeros((64, 64, 4), np.uint8)],
    ids=["white", "black", "grey-float", "transparent-rgba"],
)
def test_blank_gives_zeros(blank: np.ndarray) -> None:
    assert not has_ink(blank)
    out = prepare_digit(blank)
    assert out.shape == (28, 28) and not out.any()


def test_faint_noise_is_not_ink() -> None:
    noise = 200 + np.random.default_rng(0).integers(0, 6, (120, 120))  # ±2 % paper grain
    assert not has_ink(noise.astype(np.uint8))
    assert not prepare_digit(noise.astype(np.uint8)).any()


def test_paper_grain_does_not_move_the_box(digits: np.ndarray) -> None:
    photo = on_paper(digits[5]).astype(np.int16)
    grain = np.random.default_rng(1).integers(-15, 16, photo.shape)
    noisy = np.clip(photo + grain, 0, 255).astype(np.uint8)
    assert correlation(prepare_digit(noisy), prepare_digit(digits[5])) > 0.8


def test_rgb_and_rgba_inputs(digits: np.ndarray) -> None:
    photo = on_paper(digits[1])
    expected = prepare_digit(photo)
    rgb = np.repeat(photo[:, :, None], 3, axis=2)
    np.testing.assert_allclose(prepare_digit(rgb), expected, atol=1e-5)

    # Blue ink on white paper still reads as ink.
    blue = np.full(photo.shape + (3,), 255, np.uint8)
    blue[..., 0] = blue[..., 1] = photo
    assert correlation(prepare_digit(blue), expected) > 0.95

    # Black strokes on a transparent canvas: alpha carries the drawing.
    rgba = np.zeros(photo.shape + (4,), np.uint8)
    rgba[..., 3] = 255 - photo
    assert correlation(prepare_digit(rgba), expected) > 0.95
    rgba[..., 3] = 255  # opaque: colour decides
    rgba[..., :3] = photo[..., None]
    np.testing.assert_allclose(prepare_digit(rgba), expected, atol=1e-5)


def test_float_and_uint8_give_the_same_result(digits: np.ndarray) -> None:
    photo = on_paper(digits[2])
    expected = prepare_digit(photo)
    np.testing.assert_allclose(prepare_digit(photo.astype(np.float32) / 255), expected, atol=1e-5)
    np.testing.assert_allclose(prepare_digit(photo.astype(np.float64)), expected, atol=1e-5)
    np.testing.assert_allclose(prepare_digit(photo.astype(np.int64)), expected, atol=1e-5)
    standardised = (photo - photo.mean()) / photo.std()  # negative values: any range works
    np.testing.assert_allclose(prepare_digit(standardised), expected, atol=1e-5)


def test_small_drawing_is_scaled_up() -> None:
    canvas = np.zeros((200, 200), np.uint8)
    canvas[90:100, 95:100] = 255  # a 10×5 blob
    h, w = ink_box(prepare_digit(canvas) > 0.05)
    assert h == 20 and w == 10


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="grayscale"):
        prepare_digit(np.zeros((4, 4, 5)))
    with pytest.raises(ValueError, match="grayscale"):
        prepare_digit(np.zeros(10))
    with pytest.raises(ValueError, match="empty"):
        prepare_digit(np.zeros((0, 5)))
    with pytest.raises(ValueError, match="NaN"):
        prepare_digit(np.full((5, 5), np.nan))


def test_to_uint8() -> None:
    img = np.array([[0.0, 0.5, 1.0, 1.2, -0.1]], np.float32)
    out = to_uint8(img)
    assert out.dtype == np.uint8
    assert out.tolist() == [[0, 128, 255, 255, 0]]


def test_thin_strokes_are_thickened_and_paper_grain_ignored() -> None:
    rng = np.random.default_rng(0)
    paper = np.clip(rng.normal(0.9, 0.05, (280, 280)), 0, 1)  # grainy paper
    paper[60:220, 139:141] = 0.1  # a pen line that would be 1 px thin in the 20-px box
    thick = prepare_digit(paper)
    assert (thick > 0.5).sum(axis=1).max() >= 2  # at least two pixels across
    assert ink_box(thick > 0.05)[0] >= 19  # grain ignored: the line still fills the box
    fixed_floor = prepare_digit(paper, noise_aware=False, thicken=False)
    assert ink_box(fixed_floor > 0.05)[0] < 19  # a fixed threshold lets grain stretch the crop
    assert (fixed_floor > 0.5).sum(axis=1).max() == 1


@pytest.mark.parametrize("image", [
    np.full((28, 28), 1e308),  # constant: value + 1 rounds back to the value
    np.where(np.eye(28) > 0, 1.7e308, -1.7e308),  # white - black overflows float64
    np.full((28, 28), np.iinfo(np.uint64).max, np.uint64),
    np.tile([np.iinfo(np.int64).min, np.iinfo(np.int64).max], (28, 14)),  # noise everywhere, the border included
    np.full((6, 6, 4), 1e308),
    np.full((4, 4), np.float16(65504)),
], ids=["1e308", "±1.7e308", "uint64 max", "int64 noise", "RGBA 1e308", "float16 max"])
def test_extreme_values_give_a_digit_or_a_blank_without_warnings(image) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning would fail the test
        digit = prepare_digit(image)
        has_ink(image)
    assert digit.shape == (28, 28) and np.isfinite(digit).all() and 0.0 <= digit.min() <= digit.max() <= 1.0


def test_extreme_ink_on_paper_is_still_a_digit() -> None:
    image = np.full((40, 40), -1.7e308)
    image[10:30, 18:22] = 1.7e308  # a "1" with values at the ends of float64
    digit = prepare_digit(image)
    assert digit.max() == pytest.approx(1.0) and ink_box(digit > 0.5)[0] == 20


@pytest.mark.parametrize("dtype", ["m8[s]", "M8[D]", "c16", "U3", "S3", "O", "V4", [("a", "f4")]])
def test_arrays_of_what_is_not_numbers_are_refused(dtype) -> None:
    from playground.core.data.preprocessing import is_pixel_dtype

    assert not is_pixel_dtype(np.dtype(dtype))
    with pytest.raises(ValueError, match="must hold numbers"):
        prepare_digit(np.zeros((5, 5), dtype))


def test_numbers_of_any_width_are_pixels() -> None:
    from playground.core.data.preprocessing import is_pixel_dtype, unit_range

    for dtype in ("?", "u1", "i2", "u8", "f2", "f4", "f8", np.longdouble):
        assert is_pixel_dtype(np.dtype(dtype)), dtype
    np.testing.assert_array_equal(unit_range(np.array([[0, 65535]], np.uint16)), [[0.0, 1.0]])
    np.testing.assert_array_equal(unit_range(np.array([[0.0, 65535.0]])), [[0.0, 1.0]])  # floats: own range
    np.testing.assert_array_equal(unit_range(np.array([[True, False]])), [[1.0, 0.0]])
    assert unit_range(np.array([[-1e308, 1e308]])).tolist() == [[0.0, 1.0]]
    if np.finfo(np.longdouble).max > np.finfo(np.float64).max:  # 80-bit long doubles beyond float64 saturate
        assert unit_range(np.array([[0, np.longdouble("1e400")]])).tolist() == [[0.0, 1.0]]

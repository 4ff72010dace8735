"""`nn-playground predict` on real MNIST test digits saved as image files, as a user would have them."""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_helpers import run_cli, save_gray_png, scale_gray

N_DIGITS = 20


@pytest.fixture(scope="module")
def digit_files(tmp_path_factory, mnist_test_set):
    """MNIST test digits in four guises: as is, inverted (dark on light), and scaled up off-centre on
    a large canvas, in both polarities. Returns [(path, label)]."""
    images, labels = mnist_test_set
    folder = tmp_path_factory.mktemp("digits")
    rng = np.random.default_rng(7)
    files = []
    for i in range(N_DIGITS):
        digit = images[i]
        kind = i % 4
        if kind == 0:
            picture = digit
        elif kind == 1:
            picture = 255 - digit
        else:
            big = scale_gray(digit, int(rng.integers(4, 8)))
            dark_ink = kind == 3
            canvas = np.full((420, 560), 255 if dark_ink else 0, np.uint8)
            y = int(rng.integers(0, canvas.shape[0] - big.shape[0]))
            x = int(rng.integers(0, canvas.shape[1] - big.shape[1]))
            canvas[y:y + big.shape[0], x:x + big.shape[1]] = 255 - big if dark_ink else big
            picture = canvas
        files.append((save_gray_png(picture, folder / f"digit{i:02d}_kind{kind}.png"), int(labels[i])))
    return files


def test_text_output_names_each_file_with_prediction_and_probabilities(trained_project, digit_files):
    project, _ = trained_project
    paths = [str(p) for p, _ in digit_files[:2]]
    code, out, err = run_cli(["predict", "--load", str(project), *paths])
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 4
    for path, (head, probs) in zip(paths, (lines[0:2], lines[2:4])):
        assert head.startswith(f"{path}: ")
        digit = int(head.split(": ")[1].split()[0])
        assert "(p=" in head
        values = dict(item.split(":") for item in probs.split())
        assert sorted(values) == [str(d) for d in range(10)]
        assert max(values, key=lambda k: float(values[k])) == str(digit)


def test_most_real_digits_are_recognised_in_any_guise(trained_project, digit_files):
    project, _ = trained_project
    code, out, err = run_cli(["predict", "--load", str(project), "--json", *[str(p) for p, _ in digit_files]])
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["path"] for r in rows] == [str(p) for p, _ in digit_files]
    for row in rows:
        assert len(row["probabilities"]) == 10
        assert sum(row["probabilities"]) == pytest.approx(1.0, abs=1e-4)
        assert row["prediction"] == int(np.argmax(row["probabilities"]))
        assert row["blank"] is False
    correct = [row["prediction"] == label for row, (_, label) in zip(rows, digit_files)]
    assert sum(correct) >= 0.75 * N_DIGITS, correct
    for kind in range(4):  # each guise is read, not just the plain one
        assert sum(correct[kind::4]) >= 3, (kind, correct)


def test_npy_arrays_are_accepted(trained_project, mnist_test_set, tmp_path):
    project, _ = trained_project
    images, labels = mnist_test_set
    path = tmp_path / "digit.npy"
    np.save(path, images[0].astype(np.float32) / 255.0)
    code, out, err = run_cli(["predict", "--load", str(project), "--json", str(path)])
    assert code == 0, err
    assert json.loads(out)["prediction"] == int(labels[0])


def test_a_bad_image_is_one_line_and_the_others_are_still_classified(trained_project, digit_files, tmp_path):
    project, _ = trained_project
    broken = tmp_path / "broken.png"
    broken.write_bytes(digit_files[0][0].read_bytes()[:60])  # cut off after the header
    good = str(digit_files[0][0])
    code, out, err = run_cli(["predict", "--load", str(project), "--json", str(broken), good])
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("nn-playground: error: ") and str(broken) in err
    assert "libpng" not in err.split("(")[0]  # the decoder's own chatter is folded into our line
    assert [json.loads(line)["path"] for line in out.splitlines()] == [good]


def test_blank_image_is_flagged(trained_project, tmp_path):
    project, _ = trained_project
    blank = save_gray_png(np.full((50, 50), 255, np.uint8), tmp_path / "blank.png")
    code, out, err = run_cli(["predict", "--load", str(project), str(blank)])
    assert code == 0
    assert "blank image" in out

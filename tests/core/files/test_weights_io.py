"""core/files/weights_io.py: safetensors out with the design as metadata, safetensors or a .pt state_dict in,
checked against the network tensor by tensor; hostile files are refused in one line, without running code
or reading more than the network's weights."""

from __future__ import annotations

import json
import struct
import zipfile

import pytest
import torch
from safetensors.torch import load_file, save_file

from playground.core.files.project_file import Project, save_project
from playground.core.files.weights_io import (
    MAX_HEADER_BYTES,
    META_SPEC,
    META_TASK,
    META_TRAINING,
    WeightsError,
    WeightsMismatchError,
    load_weights,
    save_safetensors,
)
from playground.core.model.builder import build_model
from playground.core.model.spec import ModelSpec
from playground.core.training.training_config import TrainingConfig

# Small designs: one with batch norm (an int64 buffer beside the float weights), one of another shape.
NORM = ModelSpec.from_json({"name": "norm-net", "input_shape": [1, 28, 28], "layers": [
    {"type": "Conv2d", "out_channels": 4, "kernel_size": 3}, {"type": "BatchNorm2d"}, {"type": "ReLU"},
    {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
WIDE = ModelSpec.from_json({"name": "wide", "input_shape": [1, 28, 28], "layers": [
    {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
NARROW = ModelSpec.from_json({"name": "narrow", "input_shape": [1, 14, 14], "layers": [
    {"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
CONFIG = TrainingConfig(task="multiclass", learning_rate=0.01)


def state_of(spec: ModelSpec, seed: int = 3) -> dict[str, torch.Tensor]:
    return build_model(spec, seed=seed).state_dict()


def assert_same(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> None:
    assert list(a) == list(b) or sorted(a) == sorted(b)
    for key in a:
        assert a[key].dtype == b[key].dtype and torch.equal(a[key], b[key]), key


def one_line(exc: BaseException, *words: str) -> str:
    text = str(exc)
    assert "\n" not in text and len(text) < 400, text
    for word in words:
        assert word in text, text
    return text


def test_safetensors_round_trip_keeps_every_tensor_and_the_design(tmp_path):
    path = tmp_path / "w.safetensors"
    state = state_of(NORM)
    assert state["bn1.num_batches_tracked"].dtype == torch.int64
    save_safetensors(path, state, NORM, CONFIG)
    loaded = load_weights(path, NORM)
    assert_same(loaded.state_dict, state)
    assert loaded.task == loaded.metadata[META_TASK] == "multiclass"
    assert ModelSpec.from_json(json.loads(loaded.metadata[META_SPEC])).to_json() == NORM.to_json()
    assert TrainingConfig.from_json(json.loads(loaded.metadata[META_TRAINING])) == CONFIG
    # Another tool reads the file and its metadata with the safetensors library alone.
    assert_same(load_file(path), state)
    assert not list(tmp_path.glob(".*tmp"))  # written atomically, no temp file left


def test_a_state_dict_saved_with_torch_save_loads(tmp_path):
    path = tmp_path / "w.pt"
    state = state_of(NORM)
    torch.save(state, path)
    loaded = load_weights(path, NORM)
    assert_same(loaded.state_dict, state)
    assert loaded.metadata == {} and loaded.task is None
    other = tmp_path / "named-like-safetensors.safetensors"  # the content decides, not the name
    torch.save(state, other)
    assert_same(load_weights(other, NORM).state_dict, state)


def test_weights_of_another_design_are_refused_naming_the_tensor(tmp_path):
    path = tmp_path / "wide.safetensors"
    save_safetensors(path, state_of(WIDE), WIDE, CONFIG)
    with pytest.raises(WeightsMismatchError) as missing:
        load_weights(path, NORM)
    one_line(missing.value, "wide.safetensors", "'conv1.weight'", "(4, 1, 3, 3)", "design 'wide'")

    extra = dict(state_of(WIDE), **{"bonus.weight": torch.zeros(2)})
    torch.save(extra, tmp_path / "extra.pt")
    with pytest.raises(WeightsMismatchError) as unexpected:
        load_weights(tmp_path / "extra.pt", WIDE)
    one_line(unexpected.value, "extra.pt", "'bonus.weight'")

    save_safetensors(tmp_path / "narrow.safetensors", state_of(NARROW), NARROW, CONFIG)
    with pytest.raises(WeightsMismatchError) as shape:
        load_weights(tmp_path / "narrow.safetensors", WIDE)
    one_line(shape.value, "'fc1.weight'", "(10, 196)", "(10, 784)")

    doubled = {key: value.double() for key, value in state_of(WIDE).items()}
    save_file(doubled, tmp_path / "double.safetensors")
    with pytest.raises(WeightsMismatchError) as dtype:
        load_weights(tmp_path / "double.safetensors", WIDE)
    one_line(dtype.value, "float64", "float32")


def test_hostile_names_are_shown_short_and_on_one_line(tmp_path):
    state = dict(state_of(WIDE), **{"evil\nname" * 500: torch.zeros(1)})
    save_file(state, tmp_path / "names.safetensors")
    with pytest.raises(WeightsMismatchError) as caught:
        load_weights(tmp_path / "names.safetensors", WIDE)
    one_line(caught.value, "evil name")


def safetensors_bytes(header: dict | bytes, data: bytes = b"", length: int | None = None) -> bytes:
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack("<Q", len(text) if length is None else length) + text + data


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"just some text, not weights", "not a weights file"),
    # a header length that would have the reader allocate a terabyte
    (safetensors_bytes({}, length=2**40), "damaged"),
    (safetensors_bytes(b"{" * 20 + b"}" * 20, length=MAX_HEADER_BYTES + 1), "damaged"),
    # nested deeper than any header: refused before json.loads recurses
    (safetensors_bytes(b'{"a":' * 100_000 + b"1" + b"}" * 100_000), "nested"),
    # offsets past the data, a shape that does not match its bytes, an unknown dtype
    (safetensors_bytes({"fc1.weight": {"dtype": "F32", "shape": [10, 784], "data_offsets": [0, 31360]}}, b"\0" * 8),
     "damaged"),
    (safetensors_bytes({"fc1.weight": {"dtype": "F32", "shape": [10**12, 10**12], "data_offsets": [0, 8]}}, b"\0" * 8),
     "damaged"),
    (safetensors_bytes({"fc1.weight": {"dtype": "Q99", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 8), "damaged"),
    (safetensors_bytes({"__metadata__": {"a": 1}}), "damaged"),
])
def test_damaged_or_hostile_safetensors_are_refused_in_one_line(tmp_path, content, words):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    with pytest.raises(WeightsError) as caught:
        load_weights(path, WIDE)
    assert not isinstance(caught.value, WeightsMismatchError)
    one_line(caught.value, "bad.safetensors", words)


def test_a_file_larger_than_the_networks_weights_is_refused_unread(tmp_path):
    path = tmp_path / "huge.safetensors"
    with path.open("wb") as handle:  # sparse: takes no disk space
        handle.truncate(8 * 1024**3)
    with pytest.raises(WeightsError) as caught:
        load_weights(path, WIDE)
    one_line(caught.value, "huge.safetensors", "far more than this network's weights")


def test_pickled_code_is_never_run(tmp_path):
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    torch.save({"fc1.weight": Evil()}, tmp_path / "evil.pt")
    with pytest.raises(WeightsError) as caught:
        load_weights(tmp_path / "evil.pt", WIDE)
    one_line(caught.value, "evil.pt", "holds Python objects other than tensors, which could run code")
    assert "\x1b" not in str(caught.value) and "trust" not in str(caught.value)
    assert not marker.exists()


def test_zip_bombs_and_other_kinds_of_pt_file_are_refused(tmp_path):
    bomb = tmp_path / "bomb.pt"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb/data.pkl", b"\0" * 20 * 1024**2)
    with pytest.raises(WeightsError) as caught:
        load_weights(bomb, WIDE)
    one_line(caught.value, "bomb.pt", "which no weights file does (a zip bomb)")
    assert "project" not in str(caught.value)  # the archive's checks name what was opened

    truncated = tmp_path / "truncated.pt"
    torch.save(state_of(WIDE), truncated)
    truncated.write_bytes(truncated.read_bytes()[:200])
    with pytest.raises(WeightsError) as cut:
        load_weights(truncated, WIDE)
    one_line(cut.value, "truncated.pt", "not a PyTorch weights file (the file is damaged, truncated")

    torch.save([torch.zeros(3)], tmp_path / "list.pt")
    with pytest.raises(WeightsError) as listed:
        load_weights(tmp_path / "list.pt", WIDE)
    one_line(listed.value, "list.pt", "not a state_dict")

    torch.save({"fc1.weight": 3, "fc1.bias": torch.zeros(10)}, tmp_path / "numbers.pt")
    with pytest.raises(WeightsMismatchError) as numbers:
        load_weights(tmp_path / "numbers.pt", WIDE)
    one_line(numbers.value, "'fc1.weight'", "not a plain tensor")

    save_project(tmp_path / "p.nnp", Project(WIDE, CONFIG, state_of(WIDE)))
    with pytest.raises(WeightsError) as project:
        load_weights(tmp_path / "p.nnp", WIDE)
    one_line(project.value, "p.nnp", "project")


def test_missing_file_and_unbuildable_design_are_one_line(tmp_path):
    with pytest.raises(WeightsError) as missing:
        load_weights(tmp_path / "nowhere.safetensors", WIDE)
    one_line(missing.value, "no such file")
    broken = ModelSpec.from_json({"name": "broken", "input_shape": [1, 28, 28], "layers": [
        {"type": "Linear", "out_features": 10}, {"type": "Conv2d", "out_channels": 2, "kernel_size": 3}]})
    with pytest.raises(WeightsError) as unbuildable:
        load_weights(tmp_path / "nowhere.safetensors", broken)
    one_line(unbuildable.value, "cannot be built")


def test_metadata_from_elsewhere_is_only_taken_when_it_is_a_known_task(tmp_path):
    state = state_of(WIDE)
    save_file(state, tmp_path / "odd.safetensors", metadata={META_TASK: "rm -rf /\n" * 100, META_SPEC: "{not json"})
    loaded = load_weights(tmp_path / "odd.safetensors", WIDE)
    assert loaded.task is None
    assert_same(loaded.state_dict, state)

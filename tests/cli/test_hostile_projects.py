"""Hostile project and spec files (issue 15): each is refused before anything is built, in one line that
names the file — exit 1, no traceback — and a small file never unpacks to a large amount of memory.

The projects are real torch.save archives with crafted payloads, or zips crafted entry by entry."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path
from typing import Any

import pytest
import torch
from cli_helpers import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.files import project_file
from playground.core.files.project_file import Project, ProjectError, load_project, save_project
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.training.trainer import make_optimizer

REPO = Path(__file__).resolve().parents[2]
NO_FLATTEN = {"input_shape": [1, 28, 28], "layers": [{"type": "Linear", "out_features": 10}]}
MNIST_SOFTMAX = {"layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]}
DEEP = "[" * 100_000 + "]" * 100_000
LONG_NUMBER = "9" * 10_000


@pytest.fixture(scope="module")
def payload(tmp_path_factory) -> dict[str, Any]:
    """A valid project's torch.save payload: seed-mlp with weights and Adam's state after one step."""
    preset = load_preset("seed-mlp")
    model = build_model(preset.spec, seed=0)
    optimizer = make_optimizer(preset.training, model.parameters())
    model(torch.randn(2, 1, 28, 28)).sum().backward()
    optimizer.step()
    path = tmp_path_factory.mktemp("good") / "good.nnp"
    save_project(path, Project(preset.spec, preset.training, model.state_dict(), optimizer.state_dict()))
    return torch.load(path, weights_only=True)


def crafted(path: Path, payload: dict[str, Any], **changes: Any) -> Path:
    torch.save({**payload, **changes}, path)
    return path


def refused(args: list[str], file_name: str) -> str:
    """Run the CLI in-process; it must exit 1 with exactly one error line naming the file. Returns the line."""
    code, out, err = run_cli(args)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert code == 1 and len(lines) == 1, err
    assert lines[0].startswith("nn-playground: error: ") and file_name in lines[0], lines[0]
    return lines[0]


def refused_by_every_command(path: Path) -> str:
    """`predict --load` and `export --load` refuse `path` with the same line; that line."""
    line = refused(["predict", "--load", str(path), "digit.png"], path.name)
    assert refused(["export", "--load", str(path), "-o", str(path.with_suffix(".py"))], path.name) == line
    assert not path.with_suffix(".py").exists()
    return line


def _weight(payload: dict[str, Any], change) -> dict[str, Any]:
    state = dict(payload["state_dict"])
    state["fc1.weight"] = change(state["fc1.weight"])
    return {"state_dict": state}


def _adam_moment(payload: dict[str, Any], change) -> dict[str, Any]:
    state = {index: dict(entry) for index, entry in payload["optimizer_state"]["state"].items()}
    state[0]["exp_avg"] = change(state[0]["exp_avg"])
    return {"optimizer_state": {**payload["optimizer_state"], "state": state}}


PAYLOAD_ATTACKS = {
    # a spec that passes its field checks but not shape inference, with weights
    "no_flatten": (lambda p: {"spec_json": json.dumps(NO_FLATTEN)}, "add Flatten"),
    # JSON nested far deeper than the format, or with integers too long to convert, in every section
    **{f"deep_{key}": ((lambda p, key=key: {f"{key}_json": DEEP}), "nested more than 32 levels")
       for key in ("spec", "training", "history", "extra", "versions")},
    **{f"long_number_{key}": ((lambda p, key=key: {f"{key}_json": f'{{"epochs": {LONG_NUMBER}}}'}), "10,000 digits")
       for key in ("spec", "training", "history", "extra", "versions")},
    "huge_learning_rate": (lambda p: {"training_json": '{"learning_rate": 1e400}'}, "learning rate"),
    # weights that are not dense float32 tensors of exactly the network's shapes
    "sparse": (lambda p: _weight(p, torch.Tensor.to_sparse), "sparse_coo"),
    "sparse_csr": (lambda p: _weight(p, torch.Tensor.to_sparse_csr), "sparse_csr"),
    "int8": (lambda p: _weight(p, lambda t: t.to(torch.int8)), "int8"),
    "float64": (lambda p: _weight(p, torch.Tensor.double), "float64"),
    "wrong_shape": (lambda p: _weight(p, lambda t: t[:, :10]), "shape"),
    "not_a_dict": (lambda p: {"state_dict": torch.zeros(3)}, "weights are damaged"),
    "number_key": (lambda p: {"state_dict": {**p["state_dict"], 5: torch.zeros(1)}}, "weights are damaged"),
    # the optimizer state goes into optimizer.load_state_dict later: the same checks
    "optimizer_sparse": (lambda p: _adam_moment(p, torch.Tensor.to_sparse), "optimizer state is damaged"),
    "optimizer_shape": (lambda p: _adam_moment(p, lambda t: t[:1]), "optimizer state is damaged"),
    "optimizer_nan_step": (lambda p: {"optimizer_state": {**p["optimizer_state"], "state": {
        0: {**p["optimizer_state"]["state"][0], "step": torch.tensor(float("nan"))}}}}, "optimizer state is damaged"),
    "optimizer_list": (lambda p: {"optimizer_state": [1, 2]}, "optimizer state is damaged"),
    "optimizer_groups": (lambda p: {"optimizer_state": {**p["optimizer_state"], "param_groups": [
        {"params": [0, 0, 1]}]}}, "optimizer state is damaged"),
    # counts of the wrong type or range
    "epochs_text": (lambda p: {"epochs_done": "abc"}, "epochs_done"),
    "step_negative": (lambda p: {"global_step": -5}, "global_step"),
    "step_bool": (lambda p: {"global_step": True}, "global_step"),
    "step_inf": (lambda p: {"global_step": float("inf")}, "global_step"),
    "step_huge": (lambda p: {"global_step": 10**30}, "global_step"),
    "step_tensor": (lambda p: {"global_step": torch.zeros(2, 2)}, "global_step"),
}


@pytest.mark.parametrize("attack", PAYLOAD_ATTACKS)
def test_crafted_payloads_are_refused_in_one_line(tmp_path, payload, attack):
    changes, words = PAYLOAD_ATTACKS[attack]
    path = crafted(tmp_path / f"{attack}.nnp", payload, **changes(payload))
    assert words in refused_by_every_command(path)


def test_optimizer_state_of_another_optimizer_is_dropped_not_refused(tmp_path, payload):
    """Settings changed after the last run (SGD now, Adam's moments saved): the moments start afresh."""
    training = json.loads(payload["training_json"])
    path = crafted(tmp_path / "changed.nnp", payload, training_json=json.dumps({**training, "optimizer": "sgd"}))
    project = load_project(path)
    assert project.optimizer_state is None and project.state_dict is not None
    # the groups' settings never come from the file
    hostile = {**payload["optimizer_state"], "param_groups": [{**payload["optimizer_state"]["param_groups"][0],
                                                               "betas": ("x", 2.0), "maximize": True}]}
    project = load_project(crafted(tmp_path / "groups.nnp", payload, optimizer_state=hostile))
    group = project.optimizer_state["param_groups"][0]
    assert group["betas"] == (0.9, 0.999) and group["maximize"] is False


def _zip(path: Path, entries: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as out:
        for name, data in entries.items():
            out.writestr(name, data)
    return path


def _entries(payload: dict[str, Any], tmp_path: Path) -> dict[str, bytes]:
    good = crafted(tmp_path / "template.nnp", payload)
    with zipfile.ZipFile(good) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_archives_no_torch_save_writes_are_refused_before_torch_reads_them(tmp_path, payload, monkeypatch):
    entries = _entries(payload, tmp_path)
    prefix = next(iter(entries)).split("/")[0]
    cases = {
        "dotdot.nnp": ({**entries, "../evil": b"x"}, "'../evil'"),
        "absolute.nnp": ({**entries, "/etc/evil": b"x"}, "'/etc/evil'"),
        "many.nnp": ({**entries, **{f"{prefix}/x{i}": b"" for i in range(project_file.MAX_ENTRIES)}}, "entries"),
    }
    for name, (content, words) in cases.items():
        assert words in refused_by_every_command(_zip(tmp_path / name, content))
    with zipfile.ZipFile(tmp_path / "lzma.nnp", "w", zipfile.ZIP_LZMA) as out:
        for entry, data in entries.items():
            out.writestr(entry, data)
    assert "compressed" in refused_by_every_command(tmp_path / "lzma.nnp")
    duplicate = _zip(tmp_path / "duplicate.nnp", entries)
    with pytest.warns(UserWarning), zipfile.ZipFile(duplicate, "a") as out:
        out.writestr(f"{prefix}/version", b"3\n")
    assert "two entries" in refused_by_every_command(duplicate)
    # torch.load reads a file that does not start like a zip in its legacy format: never get there
    legacy = tmp_path / "legacy.nnp"
    torch.save({"format": "nn-playground/project"}, legacy, _use_new_zipfile_serialization=False)
    legacy.write_bytes(legacy.read_bytes() + duplicate.read_bytes()[-22:])  # a zip's end record at its end
    assert "not an nn-playground project" in refused_by_every_command(legacy)


def test_a_pickle_of_a_million_small_objects_is_refused(tmp_path):
    """Each one-byte EMPTY_LIST builds a 56-byte list: the pickle's operations are counted before unpickling."""
    path = _zip(tmp_path / "lists.nnp", {"archive/data.pkl": b"\x80\x02" + b"]" * 2_000_000 + b".",
                                         "archive/version": b"3\n", "archive/byteorder": b"little"})
    assert "larger than any project" in refused_by_every_command(path)


def test_size_caps_are_those_of_the_format(tmp_path, payload, monkeypatch):
    """A valid project is refused once the caps are lowered below it: the caps, not luck, refuse the bombs."""
    path = crafted(tmp_path / "valid.nnp", payload)
    assert load_project(path).state_dict is not None
    monkeypatch.setattr(project_file, "MAX_UNPACKED_BYTES", 100_000)
    assert "would unpack to" in refused_by_every_command(path)
    monkeypatch.undo()
    monkeypatch.setattr(project_file, "MAX_PICKLE_BYTES", 1_000)
    assert "larger than any project" in refused_by_every_command(path)
    # a legitimate 250-million-parameter project with Adam's state (~3 GB) stays under the caps
    legitimate = 3 * 250_000_000 * 4
    assert legitimate < project_file.MAX_UNPACKED_BYTES and legitimate < project_file.MAX_PROJECT_BYTES


@pytest.fixture(scope="module")
def bomb(tmp_path_factory, payload) -> Path:
    """A real project whose weights (100 MB of zeros, referenced by the pickle) are deflated to ~100 KB."""
    folder = tmp_path_factory.mktemp("bomb")
    raw = crafted(folder / "raw.nnp", payload, state_dict={"fc1.weight": torch.zeros(25_000_000)})
    path = folder / "bomb.nnp"
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            with source.open(info) as reader, out.open(info.filename, "w", force_zip64=True) as writer:
                while chunk := reader.read(2**22):
                    writer.write(chunk)
    raw.unlink()
    assert path.stat().st_size < 1_000_000
    return path


def test_a_zip_bomb_is_refused_without_inflating_it(bomb):
    """Peak memory measured in a fresh process: torch.load of this file would take 100 MB more."""
    script = textwrap.dedent(f"""
        import contextlib, io, resource, sys
        import torch
        from playground.cli import main
        from playground.core.files import project_file
        from playground.core.training import trainer  # imported before the baseline
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["predict", "--load", {str(bomb)!r}, "digit.png"])
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(code, round(grown_mb), err.getvalue().strip(), sep="\\n")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    code, grown_mb, line = result.stdout.strip().split("\n")
    assert code == "1" and "bomb.nnp" in line and "zip bomb" in line
    assert int(grown_mb) < 40, f"loading grew the peak memory by {grown_mb} MB"


# --------------------------------------------------------------------------- spec files

SPEC_ATTACKS = {
    "deep.json": (DEEP, "nested more than 32 levels"),
    "long_number.json": ('{"input_shape": [' + LONG_NUMBER + '], "layers": []}', "10,000 digits"),
    "no_flatten.json": (json.dumps(NO_FLATTEN), "add Flatten"),
    "bad_training.json": (json.dumps({"model": MNIST_SOFTMAX, "training": {"epochs": "many"}}), "epochs"),
    "huge_training.json": ('{"model": ' + json.dumps(MNIST_SOFTMAX) + ', "training": {"learning_rate": 1e400}}',
                           "learning rate"),
    "name.json": (json.dumps({"name": [[1]], "model": {"layers": [{"type": "Flatten"}]}}), "name"),
}


@pytest.mark.parametrize("name", SPEC_ATTACKS)
def test_hostile_spec_files_are_refused_in_one_line(tmp_path, name):
    text, words = SPEC_ATTACKS[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    line = refused(["train", "--spec", str(path), "--epochs", "1", "--train-limit", "100"], name)
    assert words in line
    assert refused(["export", "--spec", str(path), "-o", str(tmp_path / "x.py")], name) == line


# --------------------------------------------------------------------------- random garbage in each JSON section

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
json_texts = json_values.map(json.dumps) | st.integers(1, 6000).map(lambda digits: "7" * digits)
section_texts = st.one_of(
    json_texts,
    st.builds(lambda depth, inner: "[" * depth + inner + "]" * depth, st.integers(0, 3000), json_texts),
    st.builds(lambda depth, inner: '{"a": ' * depth + inner + "}" * depth, st.integers(0, 3000), json_texts),
    st.text(max_size=60),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(section=st.sampled_from(["spec", "training", "history", "extra", "versions"]), text=section_texts)
def test_any_text_in_a_json_section_opens_or_is_refused_in_one_line(tmp_path, payload, section, text):
    path = crafted(tmp_path / "fuzzed.nnp", payload, **{f"{section}_json": text})
    try:
        project = load_project(path)
    except ProjectError as exc:
        assert str(exc).startswith("fuzzed.nnp") and "\n" not in str(exc)
        return
    assert isinstance(project.extra, dict) and isinstance(project.versions, dict)
    assert all(isinstance(x, float) for x in project.history.step_losses)


tensors = st.builds(
    lambda shape, dtype, sparse: (torch.zeros(shape, dtype=dtype).to_sparse() if sparse and shape
                                  else torch.zeros(shape, dtype=dtype)),
    st.lists(st.integers(0, 3), max_size=3).map(tuple),
    st.sampled_from([torch.float32, torch.float64, torch.int64, torch.int8, torch.bool]), st.booleans())
pickled_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | tensors,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.integers(0, 3) | st.text(max_size=8),
                                                                       children, max_size=3),
    max_leaves=10,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(["state_dict", "optimizer_state", "epochs_done", "global_step", "version", "format"]),
       value=pickled_values, inner=st.booleans())
def test_any_value_in_a_payload_entry_opens_or_is_refused_in_one_line(tmp_path, payload, key, value, inner):
    """Whole entries, or (inner) one tensor of the weights or one parameter's optimizer state, replaced."""
    if inner and key == "state_dict":
        value = {**payload["state_dict"], "fc2.bias": value}
    elif inner and key == "optimizer_state":
        value = {**payload["optimizer_state"], "state": {**payload["optimizer_state"]["state"], 1: value}}
    path = crafted(tmp_path / "fuzzed.nnp", payload, **{key: value})
    try:
        load_project(path)
    except ProjectError as exc:
        assert str(exc).startswith("fuzzed.nnp") and "\n" not in str(exc)

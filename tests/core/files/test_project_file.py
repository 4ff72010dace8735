import json
import math
import os
import signal
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.core.files.project_file import (
    Project,
    ProjectError,
    load_model_from_project,
    load_project,
    save_project,
)
from playground.core.files.safe_json import MAX_INT_DIGITS, MAX_JSON_DEPTH, JsonLimitError, loads_limited
from playground.core.model.presets import load_preset
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.metrics import History
from playground.core.training.trainer import Trainer
from playground.core.training.training_config import ConfigError, TrainingConfig


@pytest.fixture(scope="module")
def trained(small_mnist):
    preset = load_preset("seed-mlp")
    # On the CPU: the round trip is checked bit for bit against the loaded (CPU) network.
    trainer = Trainer(preset.spec, preset.training.replace(epochs=1, device="cpu"), small_mnist)
    trainer.run()
    return trainer


def test_round_trip_keeps_everything(tmp_path, trained):
    path = tmp_path / "p.nnp"
    save_project(path, trained.to_project(extra={"drawings": [1, 2]}))
    project = load_project(path)
    assert project.spec.to_json() == trained.spec.to_json()
    assert project.training == trained.config
    assert project.history.step_losses == trained.history.step_losses
    assert project.epochs_done == 1 and project.global_step == trained.global_step
    assert project.extra == {"drawings": [1, 2]} and project.versions["torch"] == torch.__version__
    model = load_model_from_project(project)
    x = torch.randn(3, 1, 28, 28)
    with torch.no_grad():
        assert torch.equal(model(x), trained.model.eval()(x))
    # a new trainer picks up weights, optimizer state and history
    again = Trainer(project.spec, project.training, trained.data)
    again.load_project_state(project)
    assert np.array_equal(again.state_snapshot()["fc3.bias"], trained.state_snapshot()["fc3.bias"])
    assert again.optimizer.state_dict()["state"][0]["step"] == trained.optimizer.state_dict()["state"][0]["step"]
    assert not list(tmp_path.glob(".*tmp"))  # no temp files left behind


@pytest.mark.parametrize("damage, words", [
    (lambda b: b"", "empty"),
    (lambda b: b[: len(b) // 2], "damaged"),
    (lambda b: os.urandom(4096), "not an nn-playground project"),
    (lambda b: b"PK\x03\x04" + os.urandom(500), "damaged"),
])
def test_damaged_files_give_a_message(tmp_path, trained, damage, words):
    good = tmp_path / "good.nnp"
    save_project(good, trained.to_project())
    bad = tmp_path / "bad.nnp"
    bad.write_bytes(damage(good.read_bytes()))
    with pytest.raises(ProjectError) as err:
        load_project(bad)
    assert "bad.nnp" in str(err.value) and words in str(err.value)


def test_newer_format_and_mismatched_weights_are_refused(tmp_path, trained):
    project = trained.to_project()
    project.state_dict["fc1.weight"] = torch.zeros(5, 5)
    path = tmp_path / "mismatch.nnp"
    save_project(path, project)
    with pytest.raises(ProjectError, match="fc1.weight.*shape"):
        load_project(path)
    newer = tmp_path / "newer.nnp"
    payload = torch.load(tmp_path / "mismatch.nnp", weights_only=True)
    payload["version"] = 99
    torch.save(payload, newer)
    with pytest.raises(ProjectError, match="newer nn-playground"):
        load_project(newer)


def test_pickled_code_is_never_run(tmp_path):
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.nnp"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    torch.save({"format": "nn-playground/project", "x": Evil()}, evil)
    with pytest.raises(ProjectError) as refused:
        load_project(evil)
    assert not marker.exists()
    # Said as what it is, in one line, without torch's advice on loading it anyway or its terminal colours.
    message = str(refused.value)
    assert "evil.nnp: holds Python objects other than numbers and tensors" in message and "could run code" in message
    assert "\n" not in message and "\x1b" not in message and "trust" not in message


def test_save_killed_midway_leaves_previous_file_intact(tmp_path, trained):
    path = tmp_path / "keep.nnp"
    save_project(path, trained.to_project())
    before = path.read_bytes()
    # a child process starts saving a large project and is killed while writing
    script = textwrap.dedent(f"""
        import os, signal, torch
        from playground.core.files import project_file
        from playground.core.model.presets import load_preset
        def slow_save(obj, handle):
            handle.write(b"partial")
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        torch.save = slow_save  # save_project looks torch.save up when it runs
        p = load_preset("seed-mlp")
        project_file.save_project({str(path)!r}, project_file.Project(p.spec, p.training))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode == -signal.SIGKILL, result.stderr  # killed mid-write, not failed before it
    assert path.read_bytes() == before
    load_project(path)  # still opens


def test_written_files_follow_the_umask_and_keep_an_existing_mode(tmp_path):
    import stat

    from playground.core.files.atomic_io import write_text_atomically

    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        write_text_atomically(fresh, "a")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        fresh.chmod(0o600)
        write_text_atomically(fresh, "b")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o600 and fresh.read_text() == "b"
    finally:
        os.umask(old)


# --------------------------------------------------------------------------- the loading boundary (issue 15)

def test_an_unfinished_design_without_weights_opens_but_is_not_built(tmp_path):
    """The editor saves designs with errors; they open (the editor shows the error), weights or not."""
    preset = load_preset("seed-mlp")
    spec = ModelSpec.from_json({"input_shape": [1, 28, 28], "layers": [{"type": "Linear", "out_features": 10}]})
    path = tmp_path / "draft.nnp"
    save_project(path, Project(spec, preset.training))
    project = load_project(path)
    assert project.spec.to_json() == spec.to_json()
    with pytest.raises(ProjectError, match="cannot be built.*add Flatten"):
        load_model_from_project(project)


def test_optimizer_state_is_checked_and_its_settings_come_from_the_training_settings(tmp_path, trained):
    project = trained.to_project()
    group = project.optimizer_state["param_groups"][0]
    group.update(betas=(5.0, -1.0), maximize=True, eps="tiny")
    path = tmp_path / "groups.nnp"
    save_project(path, project)
    loaded = load_project(path).optimizer_state
    assert loaded["param_groups"][0]["betas"] == (0.9, 0.999) and loaded["param_groups"][0]["maximize"] is False
    assert torch.equal(loaded["state"][0]["exp_avg"], project.optimizer_state["state"][0]["exp_avg"])


@pytest.mark.parametrize("text, problem", [
    ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), "nested more than"),
    ('{"a": ' * 100_000 + "1" + "}" * 100_000, "nested more than"),
    ("[" + "7" * (MAX_INT_DIGITS + 1) + "]", "digits"),
    ("-" + "7" * 5000, "5,000 digits"),
    ("[" + "[]," * 1_000_001 + "[]]", "lists and objects"),
])
def test_json_beyond_the_limits_is_refused_without_recursion(text, problem):
    with pytest.raises(JsonLimitError, match=problem):
        loads_limited(text)


def test_json_within_the_limits_reads_as_json_does():
    for text in ["[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH, "7" * MAX_INT_DIGITS, "-" + "7" * MAX_INT_DIGITS,
                 '["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", "' + "9" * 100 + '", "\\\"["]',
                 "[0." + "1" * 100 + ", 1e" + "0" * 60 + "5, 2E-" + "0" * 60 + "1, NaN]"]:
        assert json.dumps(loads_limited(text)) == json.dumps(json.loads(text))
    with pytest.raises(json.JSONDecodeError):  # an unterminated string of escaped quotes: refused, in linear time
        loads_limited('"' + '\\"' * 500_000)


def test_a_spec_text_nested_too_deeply_is_a_spec_error():
    with pytest.raises(SpecError, match="nested more than"):
        ModelSpec.loads("[" * 100_000)


hostile_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(10**300, 10**4000), st.floats(), st.text(max_size=3000),
    st.lists(st.integers(10**300, 10**4000), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["epochs", "seed", "learning_rate", "optimizer", "amp", "task", "lr_gamma"]),
                       hostile_values, max_size=4))
def test_training_settings_from_anywhere_raise_only_config_errors_of_one_short_line(data):
    try:
        TrainingConfig.from_json(data)
    except ConfigError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 300, str(exc)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["step_losses", "epochs", "evals"]), st.lists(st.one_of(
    hostile_values, st.dictionaries(st.sampled_from(["epoch", "step", "test_loss", 5]), hostile_values)), max_size=5)))
def test_history_from_anywhere_keeps_only_what_can_be_plotted(data):
    history = History.from_json(data)
    assert all(type(x) is float and math.isfinite(x) for x in history.step_losses)
    for row in history.epochs + history.evals:
        assert all(isinstance(k, str) and type(v) in (int, float) and not math.isinf(v) for k, v in row.items())
        assert all(float(v) == v or math.isnan(v) for v in row.values())  # every value converts to a float
    assert all(isinstance(row["epoch"], int) for row in history.epochs)

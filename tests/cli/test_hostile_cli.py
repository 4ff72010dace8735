"""The command line under hostile conditions: too little memory, precious files in the way of a save,
odd targets, killed saves, NaN weights, file names that are not UTF-8, and bugs of its own.

Every one ends in a line that says what is wrong, never a traceback; the autouse `crash_reports`
fixture (conftest.py) fails any test here that reaches the "unexpected error" handler unasked.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest
from cli_helpers import run_cli, save_gray_png

import playground.cli as cli
import playground.core.training.trainer as trainer_module
from playground.cli import main
from playground.core.files.atomic_io import remove_stale_temp_files, temp_name, write_text_atomically
from playground.core.files.project_file import load_project, save_project
from playground.core.model.shape_inference import format_bytes, infer_shapes
from playground.core.training.events import RunSummary, StepDone

SMALL = ["--train-limit", "2000", "--test-limit", "500", "--epochs", "1"]
DIVERGE = ["--preset", "seed-mlp", *SMALL, "--optimizer", "sgd", "--lr", "10"]
MiB = 1024**2


def _strict_json(text: str):
    """json.loads that refuses NaN and Infinity, as JSON parsers other than Python's do."""
    def refuse(name: str):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("nn-playground: error: "), err
    return lines[0]


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


# --------------------------------------------------------------------------- memory

def test_a_batch_too_large_for_the_memory_is_refused_before_anything_is_allocated(monkeypatch):
    monkeypatch.setattr(trainer_module, "available_memory", lambda device: 64 * MiB)
    built = []
    monkeypatch.setattr(trainer_module, "build_model", lambda *a, **k: built.append("model"))
    monkeypatch.setattr(trainer_module, "TrainingData", lambda *a, **k: built.append("data"))
    code, out, err = run_cli(["train", "--preset", "cnn", "--batch-size", "4096", *SMALL, "--json"])
    assert code == 1 and out == ""
    line = _one_error_line(err)
    from playground.core.model.presets import load_preset

    # The batches hold at most the 2,000 training images, so that is what is estimated.
    estimate = infer_shapes(load_preset("cnn").spec).training_bytes(2000, "adam")
    assert f"needs about {format_bytes(estimate)} of memory" in line and "64.0 MB is free" in line
    assert "--batch-size 4096" in line and "smaller --batch-size (about" in line
    assert built == []  # refused before the data went to the device or the model was built


def test_when_not_even_one_example_fits_the_advice_is_a_smaller_network(monkeypatch):
    monkeypatch.setattr(trainer_module, "available_memory", lambda device: 1 * MiB)
    code, out, err = run_cli(["train", "--preset", "cnn", *SMALL])
    assert code == 1
    assert "fewer units or channels" in _one_error_line(err)


@pytest.mark.parametrize("name", ["seed-mlp", "cnn", "linear-stack", "rnn-rows", "softmax-regression"])
def test_the_presets_train_at_usual_batches_on_a_small_machine(name):
    """A 4 GB laptop has 1-2 GB free: every shipped design must pass the check at batch 64 to 1,024,
    with all of MNIST on the device."""
    from playground.core.model.presets import load_preset

    preset = load_preset(name)
    report = infer_shapes(preset.spec)
    mnist = 70_000 * (28 * 28 + 16)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(trainer_module, "available_memory", lambda device: 1024 * MiB)
        for batch in (64, 256, 1024):
            config = preset.training.replace(batch_size=batch)
            trainer_module.check_memory(report, config, trainer_module.torch.device("cpu"), 60_000, mnist)


def test_the_estimate_grows_with_the_batch_and_counts_recurrent_layers():
    from playground.core.model.presets import load_preset

    rnn = infer_shapes(load_preset("rnn-rows").spec)
    per_example = rnn.training_bytes(2) - rnn.training_bytes(1)
    # An LSTM keeps its gates for all 28 rows: ~0.24 MB per example measured, not the 1 KB of its output.
    assert 150_000 < per_example < 400_000


def test_a_larger_batch_between_runs_is_checked_and_leaves_the_settings(monkeypatch, small_data):
    from playground.core.model.presets import load_preset

    preset = load_preset("softmax-regression")
    trainer = trainer_module.Trainer(preset.spec, preset.training.replace(device="cpu"), small_data)
    monkeypatch.setattr(trainer_module, "available_memory", lambda device: 1 * MiB)
    with pytest.raises(trainer_module.MemoryShortError, match="batch size 2000"):
        trainer.set_config(trainer.config.replace(batch_size=2000))
    assert trainer.config.batch_size == preset.training.batch_size
    trainer.set_config(trainer.config.replace(batch_size=32))  # smaller: nothing more is needed


# --------------------------------------------------------------------------- saving

@pytest.fixture
def precious(tmp_path, trained_project) -> Path:
    """An existing, good project where the next run will be saved."""
    path = tmp_path / "model.nnp"
    path.write_bytes(trained_project[0].read_bytes())
    return path


def test_a_diverged_run_does_not_replace_an_existing_project(precious):
    before = precious.read_bytes()
    code, out, err = run_cli(["train", *DIVERGE, "--json", "--save", str(precious)])
    assert code == 1
    result = _strict_json(out)
    partial = precious.with_name("model.partial.nnp")
    assert result["reason"] == "diverged" and result["saved"] == str(partial)
    assert precious.read_bytes() == before
    assert load_project(partial).global_step == result["steps"]
    assert f"{precious} was kept" in err and str(partial) in err


def test_overwrite_partial_replaces_the_project_on_request(precious):
    code, out, err = run_cli(["train", *DIVERGE, "--json", "-q", "--save", str(precious), "--overwrite-partial"])
    assert code == 1
    assert _strict_json(out)["saved"] == str(precious)
    assert load_project(precious).global_step == _strict_json(out)["steps"]
    assert not precious.with_name("model.partial.nnp").exists()


def test_a_completed_run_replaces_the_project(precious):
    code, out, err = run_cli(["train", "--preset", "softmax-regression", *SMALL, "--json", "-q",
                              "--save", str(precious)])
    assert code == 0, err
    assert _strict_json(out)["saved"] == str(precious)
    assert load_project(precious).spec.name == "softmax-regression"


def test_overwrite_partial_needs_save():
    code, out, err = run_cli(["train", *SMALL, "--overwrite-partial"])
    assert code == 2 and "--overwrite-partial goes with --save" in err


def _sigint() -> None:
    """Ctrl+C, as the terminal sends it; the CLI's handler runs before this returns (or raises here)."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(1)  # interrupted at once when the handler raises


@pytest.fixture
def ctrl_c(monkeypatch):
    """Press Ctrl+C at the third batch of the first epoch, and, if `second(phase)` is called, once
    more while the run is still training ('training'), evaluating the weights so far ('evaluating')
    or saving them ('saving'). Driven by the run itself, so no timing decides the phase."""
    from playground.core.files import project_file

    listener = cli._Progress.listener
    phase: list[str] = []

    def press(progress, event):
        if isinstance(event, StepDone) and event.batch == 3 and not progress.stopping:
            os.kill(os.getpid(), signal.SIGINT)
            deadline = time.monotonic() + 10
            while not progress.stopping and time.monotonic() < deadline:
                time.sleep(0.01)
        elif isinstance(event, RunSummary) and phase == ["training"]:
            _sigint()
        listener(progress, event)

    def pressed_again(method):
        def wrapper(*args, **kwargs):
            _sigint()
            return method(*args, **kwargs)
        return wrapper

    def second(when: str) -> None:
        phase.append(when)
        if when == "evaluating":
            monkeypatch.setattr(trainer_module.Trainer, "evaluate", pressed_again(trainer_module.Trainer.evaluate))
        elif when == "saving":
            monkeypatch.setattr(project_file, "save_project", pressed_again(project_file.save_project))

    monkeypatch.setattr(cli._Progress, "listener", press)
    return second


LONG = ["--preset", "seed-mlp", "--train-limit", "2000", "--test-limit", "500", "--epochs", "1000"]


def test_ctrl_c_keeps_an_existing_project_and_saves_the_result_beside_it(precious, ctrl_c):
    before = precious.read_bytes()
    original = signal.getsignal(signal.SIGINT)
    code, out, err = run_cli(["train", *LONG, "--json", "--save", str(precious)])
    assert code == 130, err
    assert signal.getsignal(signal.SIGINT) is original
    result = _strict_json(out)
    partial = precious.with_name("model.partial.nnp")
    assert result["reason"] == "stopped" and result["steps"] == 3 and result["saved"] == str(partial)
    assert result["test_accuracy"] is not None  # the weights so far were evaluated
    assert precious.read_bytes() == before
    assert load_project(partial).global_step == 3


@pytest.mark.parametrize("phase", ["training", "evaluating", "saving"])
@pytest.mark.parametrize("existing", [True, False])
def test_a_second_ctrl_c_aborts_without_writing_anything(phase, existing, tmp_path, trained_project, ctrl_c):
    """Whenever it comes: while the run stops, while the weights so far are evaluated (where it used
    to be swallowed and the file overwritten anyway) or while they are being written."""
    target = tmp_path / "model.nnp"
    if existing:
        target.write_bytes(trained_project[0].read_bytes())
    ctrl_c(phase)
    original = signal.getsignal(signal.SIGINT)
    code, out, err = run_cli(["train", *LONG, "--json", "--save", str(target)])
    assert code == 130 and out == ""
    assert err.strip().splitlines()[-1] == "nn-playground: error: aborted by a second Ctrl+C; nothing was saved."
    assert signal.getsignal(signal.SIGINT) is original
    assert sorted(p.name for p in tmp_path.iterdir()) == (["model.nnp"] if existing else [])  # no temp file
    if existing:
        assert target.read_bytes() == trained_project[0].read_bytes()


# --------------------------------------------------------------------------- export over projects

def test_export_refuses_to_write_weights_over_the_project_it_reads(precious, tmp_path):
    before = precious.read_bytes()
    code, out, err = run_cli(["export", "--load", str(precious), "-o", str(tmp_path / "m.py"),
                              "--weights", str(precious)])
    assert code == 2 and "is the project being read" in err
    assert precious.read_bytes() == before and not (tmp_path / "m.py").exists()


def test_export_refuses_to_write_over_any_project_file_whatever_its_name(precious, tmp_path, trained_project):
    disguised = tmp_path / "weights.pt"  # a project under another name
    disguised.write_bytes(trained_project[0].read_bytes())
    other = tmp_path / "other.nnp"
    other.write_bytes(b"not even a zip, but named like a project")
    for weights in (disguised, other):
        code, out, err = run_cli(["export", "--load", str(precious), "-o", str(tmp_path / "m.py"),
                                  "--weights", str(weights)])
        assert code == 2 and "is an nn-playground project" in err, err
    assert disguised.read_bytes() == trained_project[0].read_bytes()
    # the script's default weights file (m.pt) and the script itself are checked too
    script = tmp_path / "m.py"
    script.write_bytes(trained_project[0].read_bytes())
    code, out, err = run_cli(["export", "--preset", "cnn", "-o", str(script)])
    assert code == 2 and "writing the script there would destroy it" in err
    script.unlink()
    (tmp_path / "m.pt").write_bytes(trained_project[0].read_bytes())
    code, out, err = run_cli(["export", "--load", str(precious), "-o", str(script)])
    assert code == 2 and "m.pt is an nn-playground project" in err


def test_export_refuses_a_script_named_as_the_project_it_reads(tmp_path, trained_project):
    project = tmp_path / "model.py"
    project.write_bytes(trained_project[0].read_bytes())
    code, out, err = run_cli(["export", "--load", str(project), "-o", str(project)])
    assert code == 2 and "is the project being read" in err
    assert project.read_bytes() == trained_project[0].read_bytes()


def test_export_writes_over_its_own_earlier_weights(precious, tmp_path):
    """Plain weight files are torch zips too, but not projects: exporting again replaces them."""
    script = tmp_path / "m.py"
    for _ in range(2):
        code, out, err = run_cli(["export", "--load", str(precious), "-o", str(script)])
        assert code == 0, err
    assert (tmp_path / "m.pt").is_file()


# --------------------------------------------------------------------------- targets that are not files

def _targets(tmp_path: Path) -> dict[str, Path]:
    fifo = tmp_path / "pipe.nnp"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.nnp"
    folder.mkdir()
    # The device through a link of our own: should the check ever fail, a save replaces the link, not
    # /dev/null itself (as root, an unchecked save once turned /dev/null into a plain file).
    device = tmp_path / "null.nnp"
    device.symlink_to(os.devnull)
    return {"device": device, "fifo": fifo, "folder": folder}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs need a POSIX system")
@pytest.mark.parametrize("kind", ["device", "fifo", "folder"])
def test_save_and_output_targets_must_be_regular_files(kind, tmp_path, precious):
    target = _targets(tmp_path)[kind]
    expected = "is a folder" if kind == "folder" else "is not a regular file"
    commands = [
        ["train", *SMALL, "--save", str(target)],
        ["export", "--preset", "cnn", "-o", str(target)],
        ["export", "--load", str(precious), "-o", str(tmp_path / "m.py"), "--weights", str(target)],
        ["screenshot", "-o", str(target)],
    ]
    for args in commands:
        code, out, err = run_cli(args)
        assert code == 2, (args, err)
        assert err.startswith("usage: nn-playground") and expected in err, (args, err)
        assert "parameters) on" not in err and "rendering the window" not in err  # refused before any work
    assert not (tmp_path / "m.py").exists()


# --------------------------------------------------------------------------- temp files of killed saves

def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temp_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path, precious):
    """A save killed before its rename leaves its temp file; the next save of the target removes it."""
    script = textwrap.dedent(f"""
        import os, signal
        from playground.core.files.atomic_io import write_atomically
        def die(handle):
            handle.write(b"partial")
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        write_atomically({str(precious)!r}, die)
    """)
    killed = subprocess.Popen([sys.executable, "-c", script])
    assert killed.wait(120) == -signal.SIGKILL
    [left] = _temp_files(tmp_path)
    assert left.name.startswith(f".model.nnp.{killed.pid}-")  # named after the target and its writer
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / temp_name("model.nnp", live.pid, "0badc0de")  # a save under way elsewhere
        busy.write_bytes(b"in progress")
        stale = tmp_path / temp_name("model.nnp", _dead_pid(), "12345678")
        stale.write_bytes(b"left over")
        other = tmp_path / temp_name("other.nnp", _dead_pid(), "12345678")  # another target's
        other.write_bytes(b"not ours")
        odd = tmp_path / ".model.nnp.notes.tmp"  # not our pattern
        odd.write_bytes(b"keep")
        code, out, err = run_cli(["train", "--preset", "softmax-regression", *SMALL, "-q", "--save", str(precious)])
        assert code == 0, err
        assert _temp_files(tmp_path) == sorted([busy, other, odd])
    finally:
        live.kill()
        live.wait()
    assert remove_stale_temp_files(tmp_path / "model.nnp") == [busy]  # its writer is gone now


def test_temp_files_are_named_with_the_writers_pid(tmp_path, monkeypatch):
    seen = []
    target = tmp_path / "notes.txt"

    def spy(handle):
        seen.extend(p.name for p in _temp_files(tmp_path))
        handle.write(b"x")

    from playground.core.files.atomic_io import write_atomically

    write_atomically(target, spy)
    assert len(seen) == 1 and seen[0].startswith(f".notes.txt.{os.getpid()}-")
    write_text_atomically(target, "y")
    assert target.read_text() == "y" and _temp_files(tmp_path) == []


# --------------------------------------------------------------------------- JSON and odd file names

@pytest.fixture(scope="module")
def overflowing_project(tmp_path_factory, trained_project) -> Path:
    """The trained project with its last layer's weights near float32's limit: every score overflows
    to ±inf and the probabilities are NaN. (The weights themselves are finite numbers.)"""
    project = load_project(trained_project[0])
    last = [key for key in project.state_dict if key.endswith("weight")][-1]
    project.state_dict[last] = project.state_dict[last].sign() * 3e38
    path = tmp_path_factory.mktemp("overflow") / "overflow.nnp"
    save_project(path, project)
    return path


@pytest.fixture(scope="module")
def digit_png(tmp_path_factory, mnist_test_set) -> Path:
    return save_gray_png(mnist_test_set[0][0], tmp_path_factory.mktemp("digit") / "digit.png")


def test_predict_json_stays_strict_json_when_the_probabilities_are_not_numbers(overflowing_project, digit_png,
                                                                               capsys):
    code = main(["predict", "--load", str(overflowing_project), "--json", str(digit_png)])
    out, err = capsys.readouterr()
    assert code == 1
    row = _strict_json(out)
    assert row["prediction"] is None and row["probabilities"] == [None] * 10
    assert "not numbers" in row["error"]


def test_predict_text_says_the_probabilities_are_not_numbers(overflowing_project, digit_png, capsys):
    code = main(["predict", "--load", str(overflowing_project), str(digit_png)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    line = _one_error_line(err)
    assert str(digit_png) in line and "probabilities are not numbers" in line and "weights" in line


def test_json_output_never_holds_nan_or_infinity(capsys):
    cli._print_json({"loss": float("nan"), "scores": [1.0, float("inf"), -float("inf")],
                     "nested": {"value": np.float32("nan"), "count": np.int64(3), "ok": True}})
    row = _strict_json(capsys.readouterr().out)
    assert row == {"loss": None, "scores": [1.0, None, None], "nested": {"value": None, "count": 3, "ok": True}}


def test_a_file_name_that_is_not_utf8_is_read_and_printed(trained_project, mnist_test_set, tmp_path, capsys):
    if sys.platform != "linux":
        pytest.skip("file names are arbitrary bytes on Linux only")
    name = os.fsdecode(b"digit-\xff.png")  # how argv hands such a name to Python: '\udcff'
    path = save_gray_png(mnist_test_set[0][0], tmp_path / "plain.png").rename(tmp_path / name)
    project = str(trained_project[0])
    assert main(["predict", "--load", project, str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(str(tmp_path / "digit-\\xff.png: "))  # the byte shown as \xff, not a crash
    assert main(["predict", "--load", project, "--json", str(path)]) == 0
    row = _strict_json(capsys.readouterr().out)
    assert row["path"] == str(path) and row["prediction"] == int(mnist_test_set[1][0])
    missing = tmp_path / os.fsdecode(b"gone-\xfe.png")
    assert main(["predict", "--load", project, str(missing)]) == 1
    assert "gone-\\xfe.png: no such file" in _one_error_line(capsys.readouterr().err)


# --------------------------------------------------------------------------- unexpected errors

def _boom(args, parser):
    raise KeyError("x")


@pytest.mark.reaches_crash_handler
def test_an_unexpected_error_is_one_line_and_a_report(monkeypatch, crash_reports, capsys):
    monkeypatch.setattr(cli, "_cmd_presets", _boom)
    code = main(["presets"])
    out, err = capsys.readouterr()
    assert code == 1
    line = _one_error_line(err)
    assert "unexpected error in 'presets' (KeyError: 'x')" in line
    [report] = crash_reports.iterdir()
    assert report.name.startswith("crash-") and str(report) in line
    text = report.read_text()
    assert "Traceback" in text and "_boom" in text and "['presets']" in text and cli.__version__ in text


@pytest.mark.reaches_crash_handler
def test_the_report_goes_to_the_temp_folder_when_the_cache_is_not_writable(monkeypatch, tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv(cli.CRASH_DIR_ENV, str(blocked / "reports"))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    monkeypatch.setattr(cli, "_cmd_presets", _boom)
    assert main(["presets"]) == 1
    [report] = temp.iterdir()
    assert str(report) in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("error, code", [(KeyboardInterrupt, 130), (BrokenPipeError, 1)])
def test_ctrl_c_and_a_closed_pipe_keep_their_exits(error, code, monkeypatch, crash_reports):
    def fail(args, parser):
        raise error()

    monkeypatch.setattr(cli, "_cmd_presets", fail)
    assert run_cli(["presets"])[0] == code
    assert list(crash_reports.iterdir()) == []

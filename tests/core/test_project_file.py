import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
import torch

from playground.core.presets import load_preset
from playground.core.project_file import (
    ProjectError, load_model_from_project, load_project, save_project,
)
from playground.core.trainer import Trainer


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
    with pytest.raises(ProjectError):
        load_project(evil)
    assert not marker.exists()


def test_save_killed_midway_leaves_previous_file_intact(tmp_path, trained):
    path = tmp_path / "keep.nnp"
    save_project(path, trained.to_project())
    before = path.read_bytes()
    # a child process starts saving a large project and is killed while writing
    script = textwrap.dedent(f"""
        import os, signal, torch
        from playground.core import project_file
        from playground.core.presets import load_preset
        real_save = torch.save
        def slow_save(obj, handle):
            handle.write(b"partial")
            handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        project_file.torch.save = slow_save
        p = load_preset("seed-mlp")
        project_file.save_project({str(path)!r}, project_file.Project(p.spec, p.training))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert result.returncode != 0
    assert path.read_bytes() == before
    load_project(path)  # still opens


def test_written_files_follow_the_umask_and_keep_an_existing_mode(tmp_path):
    import stat

    from playground.core.atomic_io import write_text_atomically

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

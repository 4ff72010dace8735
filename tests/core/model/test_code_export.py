import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from playground.core.data.datasets import load_data
from playground.core.files.resources import mnist_dir
from playground.core.model.code_export import ExportError, class_name_for, export_script
from playground.core.model.presets import load_preset, preset_names
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.training.trainer import Trainer

LIMITS = ["--train-limit", "1500", "--test-limit", "500"]


def write_script(tmp_path: Path, name: str, seed: int = 5) -> tuple[Path, object]:
    preset = load_preset(name)
    config = preset.training.replace(epochs=1, seed=seed)
    path = tmp_path / f"{name}.py"
    path.write_text(export_script(preset.spec, config))
    return path, config


def run_script(path: Path, *args: str, runner: list[str] | None = None, threads: int = 1) -> dict:
    cmd = (runner or [sys.executable]) + [str(path), "--data", str(mnist_dir()), *args]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                         env={**os.environ, "OMP_NUM_THREADS": str(threads)})
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", preset_names())
def test_exported_script_is_valid_python_in_the_notes_style(name):
    preset = load_preset(name)
    source = export_script(preset.spec, preset.training)
    tree = ast.parse(source)
    imported = {a.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"argparse", "gzip", "json", "os", "time", "pathlib", "numpy", "torch"}
    assert f"class {class_name_for(preset.spec)}(nn.Module)" in source
    for phrase in ("def forward(self, x):", "model.eval()", "torch.no_grad()", "loss.backward()", "optimizer.step()"):
        assert phrase in source


@pytest.mark.parametrize("name", ["seed-mlp", "cnn"])
def test_script_reproduces_the_app_for_the_same_seed_and_data(tmp_path, name):
    path, config = write_script(tmp_path, name)
    data = load_data(train_limit=1500, test_limit=500)
    # Both on the CPU, where the same seed gives the same numbers (a GPU's kernels round differently).
    trainer = Trainer(load_preset(name).spec, config.replace(device="cpu"), data)
    app = trainer.run()
    # The script gets as many threads as the trainer had: oneDNN picks its convolution kernels by
    # thread count, and on some CPUs (an AMD EPYC here) 1 and 2 threads differ by 1e-3 after 24 steps.
    result = run_script(path, "--epochs", "1", "--seed", "5", "--device", "cpu", *LIMITS,
                        "--save", str(tmp_path / "w.pt"), threads=torch.get_num_threads())
    assert abs(result["test_accuracy"] - app.test_accuracy) <= 0.005
    # the app's weights load into the exported module, and the script's weights into the app's network
    namespace: dict = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)
    exported = namespace[class_name_for(trainer.spec)]()
    exported.load_state_dict(trainer.model.state_dict())
    trainer.model.load_state_dict(torch.load(tmp_path / "w.pt", weights_only=True))
    x = torch.randn(4, 1, 28, 28)
    with torch.no_grad():
        # Two trainings, one per process, with the same thread count: bit for bit here; the tolerance
        # allows CPUs whose kernels still round differently (1e-4 was seen on 16 cores), far below a wrong layer.
        assert torch.allclose(exported.eval()(x), trainer.model.eval()(x), atol=1e-3, rtol=1e-3)


def test_script_runs_under_torchrun_with_two_processes(tmp_path):
    torchrun = shutil.which("torchrun", path=str(Path(sys.executable).parent)) or shutil.which("torchrun")
    if torchrun is None:
        pytest.skip("torchrun is not installed beside this Python")
    path, _ = write_script(tmp_path, "seed-mlp")
    runner = [torchrun, "--standalone", "--nproc_per_node=2"]
    try:
        result = run_script(path, "--epochs", "1", *LIMITS, runner=runner)
    except AssertionError as failure:
        # Once in a dozen CI runs (2 pytest workers beside it, 2026-12-06) a process aborted as it exited, after
        # the run's last barrier: "terminate called without an active exception" from a C++ thread of torch's
        # gloo/store teardown (not reproduced in 14 tries on a loaded machine). That alone earns one more try.
        if "terminate called without an active exception" not in str(failure):
            raise
        result = run_script(path, "--epochs", "1", *LIMITS, runner=runner)
    assert result["processes"] == 2 and result["test_accuracy"] > 0.5


def test_script_flushes_denormals_like_the_app(tmp_path):
    """The script treats denormal floats as zero, as the app's training threads do (else Adam's averages
    of dead units slow later epochs down): after main(), 1e-39 * 1 computes to 0 in that process."""
    path, _ = write_script(tmp_path, "seed-mlp")
    probe = ("import runpy, sys, torch\n"
             f"sys.argv = [{str(path)!r}, '--data', {str(mnist_dir())!r}, '--epochs', '0', '--device', 'cpu',"
             " '--train-limit', '64', '--test-limit', '64']\n"
             "runpy.run_path(sys.argv[0], run_name='__main__')\n"
             "print(float(torch.tensor([1e-39]) * 1.0), torch.set_flush_denormal(False))\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    value, supported = out.stdout.strip().splitlines()[-1].split()
    if supported != "True":
        pytest.skip("this CPU cannot flush denormals")
    assert float(value) == 0.0


def test_cuda_without_a_gpu_of_its_own_is_refused_with_the_reason(tmp_path):
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is present: this checks the refusal where there is none")
    path, _ = write_script(tmp_path, "seed-mlp")
    out = subprocess.run([sys.executable, str(path), "--data", str(mnist_dir()), "--device", "cuda", *LIMITS],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "no CUDA GPU found; use --device cpu" in out.stderr, out.stderr


def test_recurrent_and_odd_layers_export_and_build():
    spec = ModelSpec([
        LayerSpec("Conv2d", {"out_channels": 4, "kernel_size": 3, "padding": "same", "bias": False}),
        LayerSpec("BatchNorm2d"), LayerSpec("LeakyReLU", {"negative_slope": 0.2}),
        LayerSpec("AvgPool2d", {"kernel_size": 2, "stride": 1}),
        LayerSpec("GRU", {"hidden_size": 8, "num_layers": 2}), LayerSpec("Dropout", {"p": 0.1}),
        LayerSpec("Linear", {"out_features": 10}), LayerSpec("Identity"),
    ], name="odd one")
    source = export_script(spec, load_preset("seed-mlp").training)
    namespace: dict = {}
    exec(compile(source, "odd.py", "exec"), namespace)
    model = namespace["OddOne"]()
    assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)


def test_invalid_design_is_refused():
    with pytest.raises(ExportError, match="add Flatten"):
        export_script(ModelSpec([LayerSpec("Linear", {"out_features": 10})]), load_preset("seed-mlp").training)


@pytest.mark.parametrize("changes", [
    {"task": "multilabel", "regularization": "l2", "regularization_rate": 1e-3, "lr_schedule": "one_cycle"},
    {"loss": "mse", "regularization": "l1", "regularization_rate": 1e-4, "lr_schedule": "cosine"},
    {"lr_schedule": "step", "lr_step_epochs": 1, "lr_gamma": 0.3, "epochs": 2},
])
def test_script_reproduces_tasks_losses_penalties_and_schedules(tmp_path, changes):
    layers = [{"type": "Flatten"}, {"type": "Linear", "out_features": 32}, {"type": "ReLU"}]
    if changes.get("task") == "multilabel":
        layers += [{"type": "Linear", "out_features": 4}, {"type": "Sigmoid"}]
    else:
        layers += [{"type": "Linear", "out_features": 10}]
    spec = ModelSpec.from_json({"name": "variant", "input_shape": [1, 28, 28], "layers": layers})
    config = load_preset("seed-mlp").training.replace(**{"epochs": 1, "seed": 2, **changes})
    path = tmp_path / "variant.py"
    path.write_text(export_script(spec, config))
    app = Trainer(spec, config, load_data(train_limit=1500, test_limit=500)).run()
    result = run_script(path, *LIMITS)
    assert abs(result["test_accuracy"] - app.test_accuracy) <= 0.005
    assert abs(result["train_loss"] - app.train_loss) <= 1e-3 * max(1.0, app.train_loss)


def test_tasks_the_script_cannot_train_are_refused_with_the_reason():
    spec = ModelSpec.from_json({"input_shape": [2], "layers": [{"type": "Linear", "out_features": 1}]})
    from playground.core.training.training_config import TrainingConfig
    with pytest.raises(ExportError, match="regression task needs other data"):
        export_script(spec, TrainingConfig(task="regression"))

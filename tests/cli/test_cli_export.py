import ast
import json
import subprocess
import sys

import torch
from cli_helpers import run_cli

from playground.core.files.resources import mnist_dir


def test_export_preset_writes_a_runnable_script(tmp_path):
    out = tmp_path / "cnn.py"
    code, _, err = run_cli(["export", "--preset", "cnn", "-o", str(out)])
    assert code == 0 and "python" in err
    ast.parse(out.read_text())
    run = subprocess.run([sys.executable, str(out), "--data", str(mnist_dir()), "--epochs", "1",
                          "--train-limit", "500", "--test-limit", "200"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert 0 <= json.loads(run.stdout.strip().splitlines()[-1])["test_accuracy"] <= 1


def test_export_from_a_trained_project_also_writes_its_weights(tmp_path):
    project = tmp_path / "m.nnp"
    code, _, _ = run_cli(["train", "--preset", "softmax-regression", "--epochs", "1", "--train-limit", "500",
                          "--test-limit", "100", "-q", "--save", str(project)])
    assert code == 0
    script = tmp_path / "model.py"
    code, _, err = run_cli(["export", "--load", str(project), "-o", str(script)])
    assert code == 0 and (tmp_path / "model.pt").is_file()
    namespace: dict = {}
    exec(compile(script.read_text(), str(script), "exec"), namespace)
    net = namespace["SoftmaxRegression"]()
    net.load_state_dict(torch.load(tmp_path / "model.pt", weights_only=True))


def test_export_errors(tmp_path):
    code, _, err = run_cli(["export", "--preset", "cnn"])
    assert code == 2 and "--output" in err
    code, _, err = run_cli(["export", "--preset", "cnn", "-o", str(tmp_path / "x.txt")])
    assert code == 2 and ".py" in err
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"layers": [{"type": "Linear", "out_features": 10}]}))
    code, _, err = run_cli(["export", "--spec", str(bad), "-o", str(tmp_path / "x.py")])
    assert code == 1 and "add Flatten" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(["export", "--load", str(tmp_path / "missing.nnp"), "-o", str(tmp_path / "x.py")])
    assert code == 1 and "missing.nnp" in err

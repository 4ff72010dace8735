"""ONNX export: the file stands on its own (the preprocessing inside, the task's outputs, any batch size), passes
onnx.checker, and ONNX Runtime reads real test inputs as PyTorch does — for every preset, an imported CSV network
and a multi-label one."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from playground.core.data.data_import import DataSource, csv_choices, table_splits
from playground.core.data.datasets import DataSplits, ImageDataset
from playground.core.files.project_file import load_model_from_project
from playground.core.model import onnx_export
from playground.core.model.inference import class_probabilities
from playground.core.model.onnx_export import (
    OnnxExportError,
    check_onnx,
    export_onnx,
    input_scaling,
    onnx_bytes,
    standalone_network,
)
from playground.core.model.presets import load_preset, preset_names
from playground.core.model.spec import ModelSpec
from playground.core.training.trainer import Trainer
from playground.core.training.training_config import TrainingConfig

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

TOLERANCE = 1e-4
TEST_IMAGES = 200


def session(data: bytes):
    return ort.InferenceSession(data, providers=["CPUExecutionProvider"])


def run(data: bytes, x: np.ndarray) -> list[np.ndarray]:
    model = session(data)
    return model.run(None, {model.get_inputs()[0].name: np.ascontiguousarray(x, dtype=np.float32)})


def spec_of(input_shape, *layers) -> ModelSpec:
    return ModelSpec.from_json({"input_shape": list(input_shape), "layers": list(layers), "name": "test-net"})


@pytest.fixture(scope="module")
def tiny_mnist(small_mnist) -> DataSplits:
    """320 training digits (5 steps of 64: weights moved away from their start) and 200 test digits."""
    train, test = small_mnist.train, small_mnist.test
    return DataSplits(ImageDataset(train.images[:320], train.labels[:320], train.name, train.classes),
                      ImageDataset(test.images[:TEST_IMAGES], test.labels[:TEST_IMAGES], test.name, test.classes))


def trained(spec: ModelSpec, config: TrainingConfig, data) -> Trainer:
    trainer = Trainer(spec, config.replace(epochs=1, batch_size=64, device="cpu", seed=0), data)
    assert trainer.run().reason == "completed"
    return trainer


def digits(data: DataSplits) -> np.ndarray:
    """The test digits as the ONNX file takes them: float32 N×1×28×28 in [0, 1], white ink on black."""
    return (data.test.images.astype(np.float32) / 255.0)[:, None]


# ----- every preset, trained a few steps, on real test digits ------------------------------------------------

@pytest.mark.parametrize("name", preset_names())
def test_every_preset_reads_real_digits_as_pytorch_does(name, tiny_mnist):
    preset = load_preset(name)
    trainer = trained(preset.spec, preset.training, tiny_mnist)
    project = trainer.to_project()
    data = onnx_bytes(project.spec, project.training, project.state_dict,
                      input_scaling(project.spec, project.training), "MNIST")
    check_onnx(data)
    onnx.checker.check_model(onnx.load_model_from_string(data), full_check=True)

    images = digits(tiny_mnist)
    logits, probabilities = run(data, images)
    # The app's own prediction path (the canvas, `predict`): its normalisation, the project's weights.
    config = project.training
    expected = class_probabilities(load_model_from_project(project), images[:, 0], config.normalize_mean,
                                   config.normalize_std)
    np.testing.assert_allclose(probabilities, expected, atol=TOLERANCE)
    assert np.array_equal(probabilities.argmax(1), expected.argmax(1))
    with torch.no_grad():
        scores = trainer.model.eval()(torch.from_numpy((images - config.normalize_mean) / config.normalize_std))
    np.testing.assert_allclose(logits, scores.numpy(), atol=TOLERANCE)


def test_the_file_describes_its_input_and_outputs_and_any_batch_size_works():
    preset = load_preset("cnn")
    data = onnx_bytes(preset.spec, preset.training, None, input_scaling(preset.spec, preset.training), "MNIST")
    model = session(data)
    [given] = model.get_inputs()
    assert (given.name, given.type, given.shape[1:]) == ("image", "tensor(float)", [1, 28, 28])
    assert isinstance(given.shape[0], str)  # the batch axis is named, not fixed
    assert [o.name for o in model.get_outputs()] == ["logits", "probabilities"]
    for batch in (1, 5):
        logits, probabilities = model.run(None, {"image": np.zeros((batch, 1, 28, 28), np.float32)})
        assert logits.shape == probabilities.shape == (batch, 10)
        np.testing.assert_allclose(probabilities.sum(1), 1.0, atol=1e-5)
    proto = onnx.load_model_from_string(data)
    props = {p.key: p.value for p in proto.metadata_props}
    assert props["task"] == "multiclass" and "[0, 1]" in props["input"] and "(x - 0.5) / 0.5" in props["input"]
    assert "untrained" in props["weights"] and proto.producer_name == "nn-playground"


def test_the_normalisation_is_inside_the_graph():
    """Raw [0, 1] images into the file give what normalised images into the PyTorch network give."""
    preset = load_preset("seed-mlp")
    config = preset.training.replace(normalize_mean=0.1307, normalize_std=0.3081)  # torchvision's MNIST values
    data = onnx_bytes(preset.spec, config, None, input_scaling(preset.spec, config))
    network = standalone_network(preset.spec, config).network
    x = np.random.default_rng(0).random((6, 1, 28, 28), dtype=np.float32)
    logits, _ = run(data, x)
    with torch.no_grad():
        normalised = network(torch.from_numpy((x - 0.1307) / 0.3081)).numpy()
        raw = network(torch.from_numpy(x)).numpy()
    np.testing.assert_allclose(logits, normalised, atol=TOLERANCE)
    assert np.abs(logits - raw).max() > 0.1  # it is not the network alone
    assert [n.op_type for n in onnx.load_model_from_string(data).graph.node][:2] == ["Sub", "Div"]


# ----- multi-label ------------------------------------------------------------------------------------------

def test_a_multilabel_network_gives_a_sigmoid_per_label(tiny_mnist):
    spec = spec_of((1, 28, 28), {"type": "Flatten"}, {"type": "Linear", "out_features": 32}, {"type": "ReLU"},
                   {"type": "Linear", "out_features": 4}, {"type": "Sigmoid"})
    trainer = trained(spec, TrainingConfig(task="multilabel"), tiny_mnist)
    project = trainer.to_project()
    data = onnx_bytes(spec, project.training, project.state_dict, input_scaling(spec, project.training))
    images = digits(tiny_mnist)
    logits, probabilities = run(data, images)
    with torch.no_grad():
        outputs = trainer.model.eval()(torch.from_numpy((images - 0.5) / 0.5)).numpy()  # ends with the Sigmoid
    np.testing.assert_allclose(probabilities, outputs, atol=TOLERANCE)
    np.testing.assert_allclose(probabilities, 1 / (1 + np.exp(-logits)), atol=TOLERANCE)  # logits: before it
    assert np.array_equal(probabilities >= 0.5, outputs >= 0.5)
    assert not np.allclose(probabilities.sum(1), 1.0)  # not a softmax: the labels do not compete
    props = {p.key: p.value for p in onnx.load_model_from_string(data).metadata_props}
    assert props["labels"] == "even, ≥ 5, prime, closed loop"


# ----- an imported CSV table: standardisation inside --------------------------------------------------------

def write_csv(path: Path, regression: bool = False) -> Path:
    """120 rows, three features on very different scales (what standardising is for), a class or a number."""
    rng = np.random.default_rng(7)
    x = np.column_stack([rng.normal(1000, 200, 120), rng.normal(0.01, 0.005, 120), rng.normal(5, 1, 120)])
    z = (x[:, 0] - 1000) / 200 + (x[:, 1] - 0.01) / 0.005
    y = [f"{v:.3f}" for v in z] if regression else ["low" if v < -0.5 else "mid" if v < 0.5 else "high" for v in z]
    lines = ["size,density,depth,target"] + [f"{a:.4f},{b:.6f},{c:.4f},{t}" for (a, b, c), t in zip(x, y)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def csv_network(tmp_path: Path, standardise: bool = True, regression: bool = False):
    """(source, splits as the window trains on them, the raw splits, spec, config) for a CSV file."""
    from playground.core.data.csv_data import read_csv

    source = DataSource("csv", str(write_csv(tmp_path / "rocks.csv", regression)),
                        {"standardise": standardise, "test_fraction": 0.25, "seed": 3})
    choices = csv_choices(source)
    table = read_csv(Path(source.path), choices.target, choices.task)
    splits = table_splits(table, choices.test_fraction, choices.seed, choices.standardise)
    raw = table_splits(table, choices.test_fraction, choices.seed, standardise=False)
    outputs = 1 if regression else 3
    spec = spec_of((3,), {"type": "Linear", "out_features": 16}, {"type": "ReLU"},
                   {"type": "Linear", "out_features": outputs})
    return source, splits, raw, spec, TrainingConfig(task="regression" if regression else "multiclass")


def test_a_csv_network_takes_raw_feature_rows(tmp_path):
    source, splits, raw, spec, config = csv_network(tmp_path)
    trainer = trained(spec, config, splits)
    project = trainer.to_project()
    target = tmp_path / "out" / "rocks.onnx"
    scaling = export_onnx(target, spec, project.training, project.state_dict, source, "rocks.csv")
    assert scaling is not None and len(scaling.mean) == 3
    data = target.read_bytes()
    assert session(data).get_inputs()[0].name == "features"
    logits, probabilities = run(data, raw.test.x)  # raw rows: metres and millimetres as in the file
    with torch.no_grad():
        expected = trainer.model.eval()(torch.from_numpy(splits.test.x))  # the standardised rows it trained on
    np.testing.assert_allclose(logits, expected.numpy(), atol=TOLERANCE)
    np.testing.assert_allclose(probabilities, torch.softmax(expected, 1).numpy(), atol=TOLERANCE)
    assert np.array_equal(probabilities.argmax(1), expected.numpy().argmax(1))
    props = {p.key: p.value for p in onnx.load_model_from_string(data).metadata_props}
    assert props["dataset"] == "rocks.csv" and len(props["feature_mean"].split(",")) == 3


def test_a_csv_regression_outputs_values(tmp_path):
    source, splits, raw, spec, config = csv_network(tmp_path, regression=True)
    data = onnx_bytes(spec, config, None, input_scaling(spec, config, source))
    assert [o.name for o in session(data).get_outputs()] == ["values"]
    [values] = run(data, raw.test.x)
    with torch.no_grad():
        expected = standalone_network(spec, config).network(torch.from_numpy(splits.test.x)).numpy()
    np.testing.assert_allclose(values, expected, atol=TOLERANCE)


def test_features_not_standardised_go_in_as_they_are(tmp_path):
    source, splits, raw, spec, config = csv_network(tmp_path, standardise=False)
    assert input_scaling(spec, config, source) is None
    assert input_scaling(spec, config, None) is None  # a design from a spec file: no data known
    data = onnx_bytes(spec, config)
    with torch.no_grad():
        expected = standalone_network(spec, config).network(torch.from_numpy(raw.test.x)).numpy()
    np.testing.assert_allclose(run(data, raw.test.x)[0], expected, atol=1e-3)  # inputs up to 1,500: float32


def test_a_csv_that_is_gone_or_changed_is_named(tmp_path):
    source, _splits, _raw, spec, config = csv_network(tmp_path)
    Path(source.path).write_text("size,target\n1,a\n2,b\n3,a\n4,b\n5,a\n", encoding="utf-8")
    with pytest.raises(OnnxExportError, match=r"rocks\.csv now has 1 feature columns but the network reads 3"):
        input_scaling(spec, config, source)
    Path(source.path).unlink()
    with pytest.raises(OnnxExportError) as caught:
        export_onnx(tmp_path / "rocks.onnx", spec, config, None, source)
    message = str(caught.value)
    assert "rocks.csv" in message and "\n" not in message and "import it again" in message
    assert not (tmp_path / "rocks.onnx").exists()


# ----- LSTM and GRU ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("layers", [
    [{"type": "GRU", "hidden_size": 16, "num_layers": 2}],
    [{"type": "LSTM", "hidden_size": 12, "return_sequence": True}, {"type": "GRU", "hidden_size": 8}],
], ids=["gru-two-layers", "lstm-sequence-into-gru"])
def test_recurrent_layers_export_with_a_dynamic_batch(layers):
    spec = spec_of((1, 28, 28), *layers, {"type": "Linear", "out_features": 10})
    config = TrainingConfig()
    data = onnx_bytes(spec, config, None, input_scaling(spec, config))
    network = standalone_network(spec, config, None, input_scaling(spec, config))
    for batch in (1, 7):
        x = np.random.default_rng(batch).random((batch, 1, 28, 28), dtype=np.float32)
        logits, probabilities = run(data, x)
        with torch.no_grad():
            expected_logits, expected = network(torch.from_numpy(x))
        np.testing.assert_allclose(logits, expected_logits.numpy(), atol=TOLERANCE)
        np.testing.assert_allclose(probabilities, expected.numpy(), atol=TOLERANCE)


def test_a_layer_the_exporter_cannot_write_is_named(monkeypatch):
    """Were a layer (here the GRU) beyond this torch's exporter, the refusal names it and the way out."""
    real = onnx_export._export

    def no_gru(module, *args, **kwargs):
        if any(isinstance(m, torch.nn.GRU) for m in module.modules()):
            raise torch.onnx.errors.UnsupportedOperatorError("aten::gru", 17, 0)
        return real(module, *args, **kwargs)

    monkeypatch.setattr(onnx_export, "_export", no_gru)
    spec = spec_of((1, 28, 28), {"type": "GRU", "hidden_size": 16}, {"type": "Linear", "out_features": 10})
    with pytest.raises(OnnxExportError) as caught:
        onnx_bytes(spec, TrainingConfig())
    message = str(caught.value)
    assert message.startswith("Layer 1 (GRU(16")
    assert "aten::gru" in message and "PyTorch script" in message and "\n" not in message


# ----- what a user can get wrong -----------------------------------------------------------------------------

def test_an_unfinished_design_is_refused_with_the_shape_problem():
    spec = spec_of((1, 28, 28), {"type": "Linear", "out_features": 10})  # no Flatten
    with pytest.raises(OnnxExportError, match="cannot be exported yet.*Flatten"):
        onnx_bytes(spec, TrainingConfig())


def test_weights_of_another_design_are_refused():
    preset = load_preset("seed-mlp")
    weights = {k: v.numpy() for k, v in standalone_network(preset.spec, preset.training).network.state_dict().items()}
    weights["fc1.weight"] = np.zeros((3, 784), np.float32)
    with pytest.raises(OnnxExportError, match="do not fit the network.*fc1.weight"):
        onnx_bytes(preset.spec, preset.training, weights)


def test_without_the_onnx_package_the_fix_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # `import onnx` raises ImportError
    preset = load_preset("softmax-regression")
    with pytest.raises(OnnxExportError, match="pip install onnx"):
        onnx_bytes(preset.spec, preset.training)


def test_the_checker_refuses_a_broken_graph():
    from onnx import TensorProto, helper

    node = helper.make_node("Relu", ["missing"], ["y"])
    graph = helper.make_graph([node], "broken", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1])])
    with pytest.raises(OnnxExportError, match="onnx.checker"):
        check_onnx(helper.make_model(graph).SerializeToString())


def test_the_selftest_exports_and_checks_the_trained_network(tiny_mnist):
    from playground import selftest

    preset = load_preset(selftest.PRESET)
    ctx = selftest._Context(io.StringIO(), None, {"trainer": trained(preset.spec, preset.training, tiny_mnist),
                                                   "data": tiny_mnist})
    detail = selftest._check_onnx(ctx)
    assert "onnx.checker passed" in detail and "the same predictions on 100 digits" in detail

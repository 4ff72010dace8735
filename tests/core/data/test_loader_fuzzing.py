"""Any input to the loaders yields a valid object or a clear error — never a crash (issue 8)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from playground.core.files.project_file import ProjectError, load_project, save_project
from playground.core.model.shape_inference import infer_shapes
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.training_config import ConfigError, TrainingConfig

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True) | st.text(max_size=12),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
layer_dicts = st.fixed_dictionaries(
    {"type": st.sampled_from(["Linear", "Conv2d", "MaxPool2d", "Flatten", "ReLU", "LSTM", "Dropout", "Bogus", 3])},
    optional={k: json_values for k in ["out_features", "kernel_size", "padding", "stride", "p", "hidden_size", "bias"]},
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(json_values, st.fixed_dictionaries({"layers": st.lists(layer_dicts, max_size=6)},
                                                    optional={"input_shape": json_values, "version": json_values})))
def test_spec_loader_never_crashes(data):
    try:
        spec = ModelSpec.from_json(data)
    except SpecError as exc:
        assert str(exc)
        return
    report = infer_shapes(spec)  # a parsed spec always gets a report, valid or not
    assert report.ok or report.errors
    assert ModelSpec.from_json(json.loads(spec.dumps())).to_json() == spec.to_json()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["epochs", "batch_size", "learning_rate", "optimizer", "seed", "device",
                                        "momentum", "unknown"]), json_values, max_size=6))
def test_training_settings_loader_never_crashes(data):
    try:
        config = TrainingConfig.from_json(data)
    except ConfigError as exc:
        assert str(exc)
        return
    assert config.validate() is config


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000), st.integers(0, 2000))
def test_project_loader_never_crashes_on_damaged_bytes(tmp_path, junk, cut):
    from playground.core.files.project_file import Project
    from playground.core.model.presets import load_preset

    good = tmp_path / "good.nnp"
    if not good.exists():
        preset = load_preset("softmax-regression")
        save_project(good, Project(preset.spec, preset.training))
    raw = good.read_bytes()
    damaged = tmp_path / "damaged.nnp"
    for candidate in (junk, raw[:cut] + junk, raw[:cut]):
        damaged.write_bytes(candidate)
        try:
            load_project(damaged)
        except ProjectError as exc:
            assert "damaged.nnp" in str(exc)

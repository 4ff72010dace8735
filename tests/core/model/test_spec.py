import json

import pytest

from playground.core.model.layers import LAYER_TYPES
from playground.core.model.presets import load_preset, load_spec_file, preset_names
from playground.core.model.spec import LayerSpec, ModelSpec, SpecError, coerce_param


def test_every_preset_round_trips_through_json():
    for name in preset_names():
        spec = load_preset(name).spec
        again = ModelSpec.loads(spec.dumps())
        assert again.to_json() == spec.to_json()


def test_layer_params_may_be_flat_or_nested():
    a = ModelSpec.from_json({"layers": [{"type": "Linear", "out_features": 5}]})
    b = ModelSpec.from_json({"layers": [{"type": "linear", "params": {"out_features": "5"}}]})
    assert a.layers[0].params == b.layers[0].params == {"out_features": 5}
    assert b.layers[0].type == "Linear"


@pytest.mark.parametrize(
    "layers, words",
    [
        ([{"type": "Dense"}], ["unknown layer type 'Dense'", "Linear"]),
        ([{"type": "Linear", "out_features": 0}], ["Layer 1", "out_features", "at least 1"]),
        ([{"type": "Linear", "out_features": 2.5}], ["whole number"]),
        ([{"type": "Linear", "units": 3}], ["no parameter 'units'", "out_features"]),
        ([{"type": "Flatten"}, {"type": "Dropout", "p": 1.5}], ["Layer 2", "at most 0.99"]),
        ([{"type": "Conv2d", "padding": "full"}], ["padding", "'valid'/'same'"]),
        ([{"type": "Linear", "bias": "maybe"}], ["true or false"]),
        (["Linear"], ["must be a JSON object"]),
        ([{"out_features": 3}], ["has no 'type'"]),
    ],
)
def test_bad_layers_name_the_layer_and_the_problem(layers, words):
    with pytest.raises(SpecError) as err:
        ModelSpec.from_json({"input_shape": [1, 28, 28], "layers": layers})
    for word in words:
        assert word in str(err.value)


def test_bad_spec_files_give_messages(tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('{"layers": [')
    with pytest.raises(SpecError, match="bad.json: not valid JSON"):
        load_spec_file(bad_json)
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({"version": 99, "layers": []}))
    with pytest.raises(SpecError, match="newer nn-playground"):
        load_spec_file(newer)
    with pytest.raises(SpecError, match="no such file"):
        load_spec_file(tmp_path / "missing.json")
    shape = tmp_path / "shape.json"
    shape.write_text(json.dumps({"input_shape": [1, 0, 28], "layers": []}))
    with pytest.raises(SpecError, match="input_shape"):
        load_spec_file(shape)


def test_spec_file_may_be_a_preset_with_training_settings(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"model": {"layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]},
                                "training": {"epochs": 2, "learning_rate": 0.01}}))
    spec, training = load_spec_file(path)
    assert len(spec.layers) == 2 and training.epochs == 2 and training.learning_rate == 0.01


def test_coerce_param_reads_text_fields():
    info = LAYER_TYPES["Conv2d"].param("padding")
    assert coerce_param(info, "same", "x") == "same"
    assert coerce_param(info, " 2 ", "x") == 2
    stride = LAYER_TYPES["MaxPool2d"].param("stride")
    assert coerce_param(stride, "", "x") is None  # optional: empty means kernel size


def test_describe_is_short_and_readable():
    assert LayerSpec("Linear", {"out_features": 128}).describe() == "Linear(128)"
    assert LayerSpec("Conv2d", {"out_channels": 16, "kernel_size": 5, "padding": 2}).describe() == \
        "Conv2d(16, 5×5, stride 1, pad 2)"


def test_describe_speaks_the_language_unless_asked_for_english():
    from playground.core.i18n import set_translator

    conv = LayerSpec("Conv2d", {"out_channels": 16, "kernel_size": 5, "padding": 2})
    set_translator({"Conv2d({channels}, {kernel}×{kernel}, stride {stride}, pad {padding})":
                    "Conv2d({channels}, {kernel}×{kernel}, 步幅 {stride}, 填充 {padding})"}.get)
    try:
        assert conv.describe() == "Conv2d(16, 5×5, 步幅 1, 填充 2)"
        assert conv.describe(translate=False) == "Conv2d(16, 5×5, stride 1, pad 2)"  # for exported code
    finally:
        set_translator(None)
    assert LayerSpec("MaxPool2d", {"kernel_size": 2, "stride": 1}).describe() == "MaxPool2d(2×2, stride 1)"
    assert LayerSpec("MaxPool2d", {"kernel_size": 2}).describe() == "MaxPool2d(2×2)"
    assert LayerSpec("LSTM", {"hidden_size": 32, "num_layers": 2, "return_sequence": True}).describe() == \
        "LSTM(32×2, all steps)"

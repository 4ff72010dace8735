"""Names from files never become code in the exported script (issue 15).

A design's name, its layers' names and the data set's name are someone else's text: in the script they
may only be string literals or checked identifiers. The oracle: exporting the same design under a hostile
name and under a plain one gives the same tokens, except the two name literals and the script's file name
in the usage lines, and the literals read back as the names.
"""

import ast
import io
import json
import re
import tokenize
from pathlib import Path

import pytest
import torch
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_code_export import run_script  # tests/core is on sys.path, as for tests/cli's helpers
from test_datasets import make_folder
from test_loader_fuzzing import layer_dicts

from playground.core.files.project_file import Project, load_project, save_project
from playground.core.model.builder import build_model
from playground.core.model.code_export import ExportError, class_name_for, export_script, script_stem
from playground.core.model.presets import load_preset, preset_names
from playground.core.model.shape_inference import infer_shapes, module_names
from playground.core.model.spec import MODULE_ATTRIBUTES, LayerSpec, ModelSpec, SpecError


def hostile_names(marker: Path) -> list[str]:
    """Names that break out of a docstring, a string or a comment in the old script; each touches `marker`."""
    touch = f"open({str(marker)!r}, 'w').close()"
    return [
        f'x"""; import os; os.system("touch {marker}"); """',
        f"a\n{touch}\n#",
        f"'''; {touch}; '''",
        f'back\\slash\\"""\\\n{touch}  #',
        f"# comment\r{touch}\r",
        f"x\u2028{touch}\u2028",
        f"x\x85{touch}\x85",
        f"nul\x00{touch}",
        f"lone \udcff surrogate\"\"\"\n{touch}",
        "long " * 2000 + f'"""\n{touch}\n"""',
    ]


def tokens_outside_the_names(source: str) -> list[tuple[int, str]]:
    """The script's tokens, with the literals assigned to MODEL_NAME and DATASET_NAME blanked, and the file
    name of the usage lines (`python NAME.py ...`) blanked inside the docstring."""
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    out = []
    for i, tok in enumerate(tokens):
        text = tok.string
        if tok.type == tokenize.STRING:
            before = [t.string for t in tokens[max(0, i - 2):i]]
            if before in (["MODEL_NAME", "="], ["DATASET_NAME", "="]):
                text = "<name literal>"
            else:
                text = re.sub(r" [A-Za-z0-9_-]+\.py ", " <script>.py ", text)
        out.append((tok.type, text))
    return out


def assigned_literal(source: str, variable: str) -> object:
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == [variable]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{variable} is not assigned in the script")


def assert_names_stay_literals(spec: ModelSpec, config, dataset: str = "MNIST") -> str:
    """Export `spec` with its name and `dataset`; compare with the export under a plain name. Returns the script."""
    source = export_script(spec, config, dataset)
    source.encode("utf-8")  # writable as a .py file, whatever the names hold
    ast.parse(source)
    cls = class_name_for(spec)
    assert cls.isidentifier() and f"class {cls}(nn.Module):" in source
    assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_-]*", script_stem(spec))
    # The plain twin: named as its class, so that even the class's identifier is the same in both.
    plain = ModelSpec.from_json({**spec.to_json(), "name": cls})
    assert class_name_for(plain) == cls
    assert tokens_outside_the_names(source) == tokens_outside_the_names(export_script(plain, config, "MNIST"))
    assert assigned_literal(source, "MODEL_NAME") == spec.name[:200]
    assert assigned_literal(source, "DATASET_NAME") == dataset
    return source


# --------------------------------------------------------------------------- (a) hostile names


@pytest.mark.parametrize("preset", ["seed-mlp", "cnn", "rnn-rows"])
def test_hostile_names_stay_literals_and_never_run(tmp_path, preset):
    marker = tmp_path / "payload-ran"
    base = load_preset(preset)
    for name in hostile_names(marker):
        spec = base.spec.copy()
        spec.name = name
        source = assert_names_stay_literals(spec, base.training, dataset=name)
        namespace: dict = {"__name__": "exported"}  # as an import: module level and the class, not main()
        exec(compile(source, "exported.py", "exec"), namespace)
        model = namespace[class_name_for(spec)]()
        with torch.no_grad():
            assert model(torch.zeros(2, 1, 28, 28)).shape == (2, 10)  # __init__ and forward ran
        assert namespace["MODEL_NAME"] == spec.name[:200] and namespace["DATASET_NAME"] == name
        assert not marker.exists(), repr(name)


def test_the_oracle_sees_a_name_pasted_into_the_docstring():
    """As the template did before this fix: the name's code comes out of the docstring."""
    preset = load_preset("seed-mlp")
    source = export_script(preset.spec, preset.training)
    pasted = source.replace('"""SimpleNN — exported', '"""x"""; import os; os.system("true"); """ — exported', 1)
    assert tokens_outside_the_names(pasted) != tokens_outside_the_names(source)


# --------------------------------------------------------------------------- (c) run for one batch


@pytest.mark.parametrize("preset, which", [("seed-mlp", 0), ("cnn", 1), ("rnn-rows", 4)])
def test_exported_scripts_with_hostile_names_train_one_batch_without_running_the_payload(tmp_path, preset, which):
    data = tmp_path / "tiny-mnist"
    make_folder(data, n_train=8, n_test=8, size=28)
    marker = tmp_path / "payload-ran"
    base = load_preset(preset)
    spec = base.spec.copy()
    spec.name = hostile_names(marker)[which]
    path = tmp_path / f"{script_stem(spec)}.py"
    path.write_text(export_script(spec, base.training, spec.name), encoding="utf-8")
    # run_script passes the shipped MNIST with --data; argparse keeps the last --data, the tiny folder.
    result = run_script(path, "--data", str(data), "--epochs", "1", "--batch-size", "8", "--train-limit", "8",
                        "--test-limit", "8", "--device", "cpu")
    assert result["epochs"] == 1 and 0.0 <= result["test_accuracy"] <= 1.0
    assert not marker.exists()


# --------------------------------------------------------------------------- (b) generated designs

HOSTILE_CHARACTERS = "\"'\\#\n\r\u2028\u0085\x00{}();: xé隐"
design_names = st.one_of(st.text(max_size=40), st.text(alphabet=HOSTILE_CHARACTERS, max_size=40))
layer_names = st.one_of(st.none(), st.text(max_size=12), st.sampled_from(
    ["hidden", "out", "forward", "class", "fc1", "fc2", "ﬁ", "_x", "match", "隐藏"]))
named_layer = st.builds(lambda layer, name: layer if name is None else {**layer, "name": name},
                        layer_dicts, layer_names)
preset_layers = st.sampled_from([load_preset(n).spec.to_json()["layers"] for n in preset_names()])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(design_names, design_names, st.one_of(st.lists(named_layer, max_size=6), preset_layers))
def test_generated_designs_export_with_their_names_only_as_literals(name, dataset, layers):
    try:
        spec = ModelSpec.from_json({"name": name, "input_shape": [1, 28, 28], "layers": layers})
    except SpecError as exc:
        assert "\n" not in str(exc)
        event("refused when read")
        return
    if not infer_shapes(spec).ok:
        event("not a valid network")
        return
    event("exported")
    source = assert_names_stay_literals(spec, load_preset("seed-mlp").training, dataset)
    names = module_names(spec)
    assert all(name.isidentifier() and not name.startswith("_") for name in names)
    cls = next(node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)
               and node.name == class_name_for(spec))
    modules = {target.attr for node in ast.walk(cls) if isinstance(node, ast.Assign) for target in node.targets
               if isinstance(target, ast.Attribute)}
    assert modules <= set(names)  # the class's attributes are the layers' checked names


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_class_names_are_always_usable(name):
    cls = class_name_for(ModelSpec([], name=name))
    assert cls.isidentifier() and cls[0].isalpha() and len(cls) <= 67
    assert cls not in {"F", "Path", "RowSequence", "DistributedDataParallel", "None", "True", "False", "ValueError"}


@pytest.mark.parametrize("name, cls", [("f", "FNet"), ("path", "PathNet"), ("value error", "ValueErrorNet"),
                                       ("none", "NoneNet"), ("ﬁne", "Ne"), ("3 layers", "Net3Layers"),
                                       ("我的网络", "我的网络"), ("", "Net")])
def test_class_names_never_shadow_what_the_script_uses(name, cls):
    spec = ModelSpec.from_json({"name": name, "input_shape": [1, 28, 28],
                                "layers": [{"type": "Flatten"}, {"type": "Linear", "out_features": 10}]})
    assert class_name_for(spec) == cls
    namespace: dict = {"__name__": "exported"}
    exec(compile(export_script(spec, load_preset("seed-mlp").training), "x.py", "exec"), namespace)
    assert namespace[cls]()(torch.zeros(1, 1, 28, 28)).shape == (1, 10)


# --------------------------------------------------------------------------- (d) layer names


def linear_stack(*names: str | None) -> list[dict]:
    layers: list[dict] = [{"type": "Flatten"}]
    for name in names:
        layers.append({"type": "Linear", "out_features": 10} | ({} if name is None else {"name": name}))
    return layers


@pytest.mark.parametrize("names, number, words", [
    (["class"], 2, ["'class'", "keyword"]),
    (["forward"], 2, ["'forward'", "taken by nn.Module"]),
    (["training"], 2, ["'training'", "taken by nn.Module"]),
    (["append"], 2, ["'append'", "taken by nn.Module"]),  # nn.Sequential's, which the app builds
    (["ﬁ"], 2, ["'ﬁ'", "'fi'"]),
    (["_hidden"], 2, ["'_hidden'", "starts with _"]),
    (["1st"], 2, ["'1st'", "not a Python identifier"]),
    (["a\nimport os"], 2, ["'a\\nimport os'", "not a Python identifier"]),
    (["x" * 65], 2, ["not a Python identifier", "64"]),
    ([None, "hidden", "hidden"], 4, ["'hidden'", "already used by layer 3"]),
    ([None, "fc1"], 3, ["'fc1'", "this one would be fc2"]),
    (["fc2", None], 2, ["'fc2'", "this one would be fc1"]),
    (["relu1"], 2, ["'relu1'", "this one would be fc1"]),
])
def test_bad_layer_names_are_refused_naming_the_layer(names, number, words):
    with pytest.raises(SpecError) as err:
        ModelSpec.from_json({"input_shape": [1, 28, 28], "layers": linear_stack(*names)})
    message = str(err.value)
    assert message.startswith(f"Layer {number} (Linear): ") and "\n" not in message, message
    assert err.value.layer == number - 1 and err.value.field_name == "name"
    for word in words:
        assert word in message, message


def test_a_huge_name_is_shown_short():
    with pytest.raises(SpecError) as err:
        ModelSpec.from_json({"layers": [{"type": "Flatten", "name": "x-" * 100_000}]})
    assert len(str(err.value)) < 300


def test_good_layer_names_survive_save_and_load_and_export(tmp_path):
    names = ["hidden", "match", "隐藏层", "fc2"]  # fc2: the name it gets anyway, as the second unnamed Linear
    spec = ModelSpec.from_json({"name": "named", "input_shape": [1, 28, 28],
                                "layers": linear_stack(*names[:2], None, names[2], names[3])})
    expected = ["flatten1", "hidden", "match", "fc1", "隐藏层", "fc2"]
    assert module_names(spec) == expected
    preset = load_preset("seed-mlp")
    save_project(tmp_path / "named.nnp", Project(spec, preset.training))
    again = load_project(tmp_path / "named.nnp").spec
    assert module_names(again) == module_names(ModelSpec.loads(spec.dumps())) == expected
    assert [name for name, _ in build_model(again).named_children()] == expected
    source = export_script(again, preset.training)
    assert "self.hidden = nn.Linear(784, 10)" in source and "self.隐藏层 = nn.Linear(10, 10)" in source
    namespace: dict = {"__name__": "exported"}
    exec(compile(source, "named.py", "exec"), namespace)
    exported = namespace[class_name_for(again)]()
    exported.load_state_dict(build_model(again).state_dict())  # the app's weights load by name


def test_inserting_layers_later_never_makes_a_kept_name_collide():
    """A generated-looking name is dropped on reading, so an editor inserting layers cannot make it clash."""
    spec = ModelSpec.from_json({"layers": linear_stack("fc1", "hidden")})
    assert spec.layers[1].name is None and spec.layers[2].name == "hidden"
    spec.layers.insert(1, LayerSpec("Linear", {"out_features": 10}))
    assert ModelSpec.loads(spec.dumps()).to_json() == spec.to_json()


def test_the_taken_names_cover_the_installed_torch():
    sequential = torch.nn.Sequential()
    public = {n for n in dir(sequential) if not n.startswith("_")}
    assert public <= MODULE_ATTRIBUTES, sorted(public - MODULE_ATTRIBUTES)


@pytest.mark.parametrize("layer", [
    LayerSpec("Linear", {"out_features": 10}, "a\nimport os"),
    LayerSpec("Linear", {"out_features": 10}, "forward"),
    LayerSpec("Linear", {"out_features": "10)\nimport os #"}),
])
def test_a_design_built_in_code_is_checked_on_export(layer):
    spec = ModelSpec([LayerSpec("Flatten"), layer], name="in code")
    with pytest.raises(ExportError, match="Layer 2 \\(Linear\\)"):
        export_script(spec, load_preset("seed-mlp").training)


def test_error_messages_about_names_are_one_json_safe_line():
    with pytest.raises(SpecError) as err:
        ModelSpec.loads(json.dumps({"layers": [{"type": "Flatten", "name": "a\u2028b\x00"}]}))
    assert "\u2028" not in str(err.value) and "\x00" not in str(err.value)

"""Look inside ▸ Step through: the convolution, pooling, output and backprop views on the learner's network.

Each view draws something; the numbers it shows equal PyTorch's (the layer's output, torch.softmax and
cross_entropy, autograd); the sandbox's output size follows ⌊(n + 2p − k) / s⌋ + 1; nothing is computed
while the panel is hidden, and nothing on the GUI thread."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from PySide6.QtGui import QImage
from window_helpers import in_thread, wait_idle

from playground.core.data.datasets import load_data
from playground.core.explain.inspection import normalised_batch
from playground.core.model.builder import build_model
from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.ui.workspaces.inside.inside_panel import num
from playground.ui.workspaces.inside.step_through_panel import StepThroughPanel

WAIT_MS = 20_000
MEAN, STD = 0.1307, 0.3081  # not the default 0.5: the views must normalise as told




@pytest.fixture(scope="module")
def digit():
    return load_data(train_limit=1, test_limit=1).test.images[0]  # uint8 28×28, as a test digit comes


def network(name_or_spec, seed=0):
    """(spec, weights callable, model) for a preset's name or a spec."""
    spec = load_preset(name_or_spec).spec if isinstance(name_or_spec, str) else name_or_spec
    model = in_thread(lambda: build_model(spec, seed=seed).eval())
    state = {k: v.detach().numpy().copy() for k, v in model.state_dict().items()}
    return spec, (lambda: state), model


def outputs(model, digit, upto):
    """Every module's output up to and including module number `upto` (0-based), for the digit."""
    def run():
        with torch.no_grad():
            x = normalised_batch(digit[None] / 255.0, MEAN, STD)
            return model[:upto + 1](x)[0].double().numpy()
    return in_thread(run)


@pytest.fixture
def panel(qtbot):
    p = StepThroughPanel()
    qtbot.addWidget(p)
    p.resize(1100, 900)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()


def computed(qtbot, panel, page):
    panel.show_page(page)
    qtbot.waitUntil(lambda: panel.up_to_date(page), timeout=WAIT_MS)
    assert panel.last_job_thread not in (None, threading.get_ident())  # computed off the GUI thread
    return panel.views[page]


def assert_drawn(widget, path):
    """Saved as a PNG, and not one flat colour: many colours where the maps and texts are."""
    widget.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 300
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 25, f"{path.name} looks empty"


def test_conv_cells_equal_the_cnn_layer_output(qtbot, panel, digit, tmp_path):
    spec, weights, model = network("cnn")
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = computed(qtbot, panel, "conv")
    expected = outputs(model, digit, 0)  # conv1: 16×28×28
    steps = view.steps
    assert (steps.layer, steps.channel) == ("conv1", 0)
    assert np.abs(steps.output - expected[0]).max() < 1e-5
    assert steps.max_difference < 1e-4 and "agree" in view.diff_label.text()
    for r, c in ((0, 0), (14, 9), (27, 27)):
        view._cell_clicked(r, c)  # a click on the output map
        assert view.position() == (r, c)
        cell = steps.cell(r, c)
        assert cell.value == pytest.approx(expected[0, r, c], abs=1e-5)
        assert f"<b>{num(cell.value, 4)}</b>" in view.explanation.text()  # the number shown is that value
    view.controls.show_all()
    view.controls.step()
    assert view.position() == (0, 0)  # Step from "all" starts at the first cell
    assert_drawn(panel, tmp_path / "conv.png")

    # conv2: its input is pool1's 16 maps, and each cell sums over all of them
    view.layer_combo.setCurrentText("conv2")
    view.channel_spin.setValue(5)
    qtbot.waitUntil(lambda: panel.up_to_date("conv"), timeout=WAIT_MS)
    steps = view.steps
    assert (steps.layer, steps.channel, steps.padded.shape[0]) == ("conv2", 5, 16)
    expected = outputs(model, digit, 3)[5]
    assert np.abs(steps.output - expected).max() < 1e-5
    cell = steps.cell(6, 7)
    assert len(cell.channel_sums) == 16 and cell.value == pytest.approx(expected[6, 7], abs=1e-5)


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")  # PyTorch's note, not ours
@pytest.mark.parametrize("kernel, stride, padding", [(3, 2, 1), (4, 1, "same"), (5, 3, "valid")])
def test_conv_cells_equal_a_random_conv_layer(qtbot, panel, digit, kernel, stride, padding):
    spec = ModelSpec([LayerSpec("Conv2d", {"out_channels": 3, "kernel_size": kernel, "stride": stride,
                                           "padding": padding}),
                      LayerSpec("Flatten"), LayerSpec("Linear", {"out_features": 10})])
    spec, weights, model = network(spec, seed=kernel)
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = computed(qtbot, panel, "conv")
    view.channel_spin.setValue(2)
    qtbot.waitUntil(lambda: panel.up_to_date("conv"), timeout=WAIT_MS)
    expected = outputs(model, digit, 0)[2]
    steps = view.steps
    assert steps.output.shape == expected.shape
    assert np.abs(steps.output - expected).max() < 1e-5
    last = (expected.shape[0] - 1, expected.shape[1] - 1)
    view._cell_clicked(*last)
    assert steps.cell(*last).value == pytest.approx(expected[last], abs=1e-5)
    # the sandbox starts from the layer's numbers and agrees with PyTorch's output size
    assert view.sandbox.output_size() == expected.shape[0]


@pytest.mark.parametrize("n, k, s, p, out", [(28, 5, 1, "2", 28), (28, 3, 2, "1", 14), (28, 4, 1, "same", 28),
                                              (10, 3, 3, "valid", 3), (7, 7, 1, "0", 1)])
def test_the_sandbox_output_size_follows_the_formula(panel, n, k, s, p, out):
    sandbox = panel.conv_view.sandbox
    sandbox.size_spin.setValue(n)
    sandbox.kernel_spin.setValue(k)
    sandbox.stride_spin.setValue(s)
    sandbox.padding_combo.setCurrentText(p)
    total_pad = {"same": k - 1, "valid": 0}.get(p) if not p.isdigit() else 2 * int(p)  # 'same' pads k − 1 in all
    assert out == (n + total_pad - k) // s + 1  # the case is right
    assert sandbox.output_size() == out
    text = sandbox.formula_label.text()
    assert text.startswith("⌊(n + ") and f"({n} + " in text and f"− {k}) / {s}⌋" in text
    assert f"<b>{out}×{out}</b>" in sandbox.words_label.text()
    assert len(sandbox.map.dots) == out * out  # every window position drawn


def test_the_sandbox_says_what_is_wrong(panel):
    sandbox = panel.conv_view.sandbox
    sandbox.stride_spin.setValue(2)
    sandbox.padding_combo.setCurrentText("same")
    assert sandbox.output_size() is None and "stride 1" in sandbox.error_label.text()
    sandbox.padding_combo.setCurrentText("1")
    assert sandbox.output_size() == (28 + 2 - 5) // 2 + 1 == 13 and sandbox.error_label.isHidden()


def test_untrained_or_without_conv_it_says_so_and_keeps_the_sandbox(qtbot, panel):
    spec = load_preset("cnn").spec
    panel.set_model(spec, None)
    view = panel.conv_view
    assert "Train the network first" in view.note.text()
    assert view.steps is None and not view.controls.isVisibleTo(view)
    # parameter sharing needs only the shapes: conv1 of cnn has 416 parameters, a dense layer 9,847,040
    assert "416" in view.sharing_label.text() and "9,847,040" in view.sharing_label.text()
    assert view.sandbox.isVisibleTo(view) and view.sandbox.output_size() == 28
    view.sandbox.kernel_spin.setValue(3)
    panel.set_model(spec, None)  # new weights of the same network (twice a second while it trains)
    assert view.sandbox.kernel_spin.value() == 3  # the learner's sandbox is left alone

    panel.set_model(load_preset("seed-mlp").spec, None)
    assert "no convolution layer" in view.note.text()
    assert "no pooling layer" in panel.pool_view.note.text()
    assert view.sandbox.isVisibleTo(view) and view.sharing_label.text() == ""
    panel.set_model(None, None)
    assert "Train or load a network" in view.note.text()


def test_pooling_keeps_the_max_of_each_window(qtbot, panel, digit, tmp_path):
    spec, weights, model = network("cnn")
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = computed(qtbot, panel, "pool")
    expected = outputs(model, digit, 2)[0]  # pool1, channel 0
    steps = view.steps
    assert steps.kind == "max" and np.abs(steps.output - expected).max() < 1e-6
    view._cell_clicked(5, 6)
    window = steps.window(5, 6)
    assert window.value == pytest.approx(expected[5, 6]) == window.values.max()
    assert view.input_map.marks == [window.kept] and view.input_map.window_cells == (10, 12, 2, 2)
    assert_drawn(panel, tmp_path / "pool.png")


def test_output_probabilities_are_torch_softmax_and_the_loss_cross_entropy(qtbot, panel, digit, tmp_path):
    spec, weights, model = network("seed-mlp", seed=3)
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = computed(qtbot, panel, "output")
    logits = torch.from_numpy(outputs(model, digit, len(model) - 1))[None]
    p = view.steps.softmax.probabilities
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    assert np.abs(p - torch.softmax(logits, 1)[0].numpy()).max() < 1e-6
    assert view.steps.label == int(logits.argmax())  # the network's answer by default
    view.label_combo.setCurrentIndex(view.label_combo.findData(3))
    qtbot.waitUntil(lambda: panel.up_to_date("output"), timeout=WAIT_MS)
    steps = view.steps
    assert steps.label == 3
    assert steps.softmax.loss == pytest.approx(float(F.cross_entropy(logits, torch.tensor([3]))), abs=1e-5)
    assert np.abs(steps.sigmoid.probabilities - torch.sigmoid(logits)[0].numpy()).max() < 1e-6
    assert num(steps.softmax.loss, 4) in view.loss_label.text() and "σ(z)" in view.table.text()
    view.controls.jump(0)  # the first step shows the logits only
    assert "e<sup>z − max z</sup>" not in view.table.text() and view.loss_label.text() == ""
    view.controls.show_all()
    assert_drawn(panel, tmp_path / "output.png")


def test_backprop_gradients_equal_autograd(qtbot, panel, digit, tmp_path):
    spec, weights, model = network("seed-mlp", seed=4)
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = panel.backprop_view
    view.label_combo.setCurrentIndex(view.label_combo.findData(7))
    view.unit_spin.setValue(2)
    view = computed(qtbot, panel, "backprop")

    def reference():
        params = {k: v.detach().clone().requires_grad_(True) for k, v in model.named_parameters()}
        x = normalised_batch(digit[None] / 255.0, MEAN, STD)
        out = torch.func.functional_call(model, params, (x,))
        loss = F.cross_entropy(out, torch.tensor([7]))
        grads = torch.autograd.grad(loss, list(params.values()))
        return float(loss.detach()), {k: g.double().numpy() for k, g in zip(params, grads)}
    loss, grads = in_thread(reference)
    back = view.result.backprop
    assert back.label == 7 and back.output.loss == pytest.approx(loss, abs=1e-5)
    for layer in back.layers:
        assert np.abs(layer.weight_grad - grads[f"{layer.name}.weight"]).max() < 1e-6
        assert np.abs(layer.bias_grad - grads[f"{layer.name}.bias"]).max() < 1e-6
    assert view.current_layer() is back.layers[-1]  # it starts at the output: δ = p − y
    assert "p − y" in view.equations.text()
    view.controls.step()
    assert view.current_layer() is back.layers[-2]
    assert "⊙ g′" in view.equations.text() and "Unit j = 2" in view.unit_label.text()
    # one SGD update of the weight of row 2 with the largest gradient
    j, k, update = view.result.updates[-2]
    g = grads[f"{back.layers[-2].name}.weight"]
    assert (j, k) == (2, int(np.argmax(np.abs(g[2]))))
    assert update.new_weight == pytest.approx(update.weight - 0.01 * g[j, k], abs=1e-9)
    assert update.max_difference < 1e-9 and num(update.new_weight, 6) in view.update_label.text()
    view.optimizer_combo.setCurrentIndex(view.optimizer_combo.findData("adam"))
    qtbot.waitUntil(lambda: panel.up_to_date("backprop"), timeout=WAIT_MS)
    update = view.result.updates[-2][2]
    assert update.max_difference < 1e-9 and "Adam" in view.update_label.text()
    assert_drawn(panel, tmp_path / "backprop.png")


def test_backprop_on_a_cnn_says_why_not(qtbot, panel, digit):
    spec, weights, _ = network("cnn")
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    view = computed(qtbot, panel, "backprop")
    assert view.result is None and "dense networks" in view.note.text()


def test_nothing_is_computed_while_hidden(qtbot, panel, digit):
    spec, weights, _ = network("seed-mlp")
    panel.set_model(spec, weights, MEAN, STD)
    panel.set_image(digit)
    computed(qtbot, panel, "output")
    panel.hide()
    panel.set_image(255 - digit)
    qtbot.wait(200)
    assert not panel.up_to_date("output") and not panel.jobs.busy
    panel.show()
    qtbot.waitUntil(lambda: panel.up_to_date("output"), timeout=WAIT_MS)
    # the other pages wait until they are shown
    assert not panel.up_to_date("backprop")


def test_learn_shows_the_step_through_pages_fed_by_the_window(qtbot, make_window):
    window = make_window()
    panel = window.step_through_panel
    assert window.workspaces.view_widget("Step through") is panel
    window.comfort.show_learn("conv")
    text = window.comfort.show_me("conv")
    assert "Step through ▸ Convolution makes conv1's output" in text
    # first Inside ▸ Layer outputs fills in with conv1 (once trained), then the step-through takes over
    qtbot.waitUntil(lambda: window.workspaces.current_view_key() == "Step through", timeout=60_000)
    assert panel.current_page() == "conv"
    qtbot.waitUntil(lambda: panel.up_to_date("conv") and panel.conv_view.steps is not None, timeout=WAIT_MS)
    steps = panel.conv_view.steps
    assert steps.layer == "conv1" and steps.max_difference < 1e-4  # the window's trained weights and canvas digit
    window.comfort.show_me("softmax")
    qtbot.waitUntil(lambda: panel.current_page() == "output" and window.view_on_screen(panel), timeout=60_000)
    # The conv demo's warm-up run may still be training (on a loaded machine it was, in CI): while it does, Draw's
    # bars follow the weights twice a second and this page shows the weights it was computed from. Once the run
    # has ended, both show the final weights.
    wait_idle(qtbot, window)

    def agree() -> bool:
        steps, drawn = panel.output_view.steps, window.draw_panel.last_prediction
        return (panel.up_to_date("output") and steps is not None and drawn is not None
                and bool(np.abs(steps.softmax.probabilities - drawn.probabilities).max() < 1e-5))  # Draw's bars

    qtbot.waitUntil(agree, timeout=WAIT_MS)
    if window.multilabel_dialog is not None:
        window.multilabel_dialog.close()

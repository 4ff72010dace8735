"""The Learn sidebar: every topic has a text and a demo, and each "Show me" sets the app up for it."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from window_helpers import wait_idle

from playground.core.explain.learn_topics import TOPICS, LearnTopic, strings_to_translate, topic
from playground.ui.shell.learn_sidebar import run_demo, topic_html
from playground.ui.shell.run_controls import RunState

TIMEOUT_MS = 60_000


def current_view(window) -> str:
    """The key of the innermost view on show in the workspace's page (e.g. "This digit" inside "Inside")."""
    return window.workspaces.current_view_key()


def sub_tab(tabs) -> str:
    return tabs.tabText(tabs.currentIndex())


def show_me(window, key: str) -> str:
    window.comfort.show_learn(key)
    text = window.comfort.show_me(key)
    assert text and window.comfort.learn.result.text() == text
    return text


def test_topics_cover_the_course_notes():
    keys = [t.key for t in TOPICS]
    assert keys == ["layers", "forward", "backprop", "activations", "softmax", "adam", "conv", "matrices",
                    "tensors", "evaluation", "saliency", "fool_it", "projector"]
    for item in TOPICS:
        assert item.title and item.paragraphs and item.show_me and item.demo
        assert all(len(line) <= 44 for line in item.code.splitlines()), f"{item.key}: code too wide for the dock"
    assert len(strings_to_translate()) == sum(len(t.paragraphs) + 2 for t in TOPICS)
    html = topic_html(topic("layers"))
    assert "W<sup>[1]</sup>" in html and "nn.Linear" in html


def test_f1_opens_the_sidebar_with_every_topic_and_its_demo(make_window):
    window = make_window()
    sidebar = window.comfort.learn
    assert not sidebar.isVisible() and not window.workspaces.learn_open
    assert window.comfort.learn_action.shortcut().toString() == "F1"
    assert window.comfort.learn_action in window.view_menu.actions()
    window.comfort.learn_action.trigger()
    assert sidebar.isVisible() and window.view_on_screen(sidebar) and window.comfort.learn_action.isChecked()
    assert sidebar.topic_list.count() == len(TOPICS)
    for row, item in enumerate(TOPICS):
        sidebar.topic_list.setCurrentRow(row)
        assert sidebar.current_topic is item
        assert sidebar.text.toPlainText().startswith(item.title[:6])
        assert sidebar.show_me_note.text() == item.show_me
        assert callable(getattr(window, f"demo_{item.demo}")), f"no demo_{item.demo} on the window"
    for name in window.workspaces.names():  # a tab of the side column in every workspace
        window.workspaces.show_workspace(name)
        window.workspaces.show_side("Learn")
        assert window.view_on_screen(sidebar), name
    window.comfort.learn_action.trigger()  # F1 again: closed
    assert not sidebar.isVisible() and not window.workspaces.learn_open


def test_the_show_me_button_runs_the_chosen_topic(qtbot, make_window):
    window = make_window()
    window.comfort.show_learn("matrices")
    qtbot.mouseClick(window.comfort.learn.show_me_button, Qt.MouseButton.LeftButton)
    assert current_view(window) == "Matrices" and window.view_on_screen(window.matrix_panel.stepper)
    assert sub_tab(window.matrix_panel.tabs).startswith("A·B step by step")
    assert "A·B step by step" in window.comfort.learn.result.text()
    assert "A·B step by step" in window.statusBar().currentMessage()


def test_layers_loads_simplenn_and_opens_the_diagram(make_window):
    window = make_window(preset="cnn")
    text = show_me(window, "layers")
    assert window.preset.name == "seed-mlp"
    assert current_view(window) == "Diagram" and window.view_on_screen(window.diagram)
    assert window.editor.report().layers[window.editor.selected_index()].name == "fc1"
    assert window.view_on_screen(window.comfort.learn)  # the sidebar stays beside the demo
    assert "W^[1] 128×784" in text


def test_forward_steps_through_a_test_digit_with_real_weights(qtbot, make_window):
    window = make_window()
    text = show_me(window, "forward")
    assert "trains 0.1 of an epoch first" in text  # it was untrained
    assert current_view(window) == "This digit" and sub_tab(window.inside_tabs) == "This digit"
    assert sub_tab(window.inside_panel.tabs) == "Forward pass, step by step"
    assert window.view_on_screen(window.inside_panel.forward_view)
    assert window.draw_panel.current_image28().any()  # a test digit on the canvas
    qtbot.waitUntil(lambda: window.inside_panel.forward_view.current_step is not None, timeout=TIMEOUT_MS)
    wait_idle(qtbot, window)
    assert window.plots.step_count > 0


def test_backprop_trains_and_plots_the_gradients(qtbot, make_window):
    window = make_window()
    show_me(window, "backprop")
    assert current_view(window) == "While it learns" and window.view_on_screen(window.learning_panel)
    assert window.state in (RunState.STARTING, RunState.TRAINING)
    wait_idle(qtbot, window)
    steps, norms = window.learning_panel.gradient_data("fc1")
    assert len(steps) > 0 and np.all(np.asarray(norms) > 0)


def test_activations_selects_an_activation_block_and_shows_its_output(qtbot, make_window):
    window = make_window()
    show_me(window, "activations")
    selected = window.editor.report().layers[window.editor.selected_index()]
    assert (selected.name, selected.layer.type) == ("relu1", "ReLU")
    assert current_view(window) == "This digit" and sub_tab(window.inside_panel.tabs) == "Layer outputs"
    view = window.inside_panel.activations_view
    assert window.view_on_screen(view)
    qtbot.waitUntil(lambda: view.current_layer == "relu1", timeout=TIMEOUT_MS)


def test_activations_on_a_network_without_one_loads_simplenn(make_window):
    window = make_window(preset="linear-stack")
    assert not any(layer.type == "ReLU" for layer in window.spec.layers)
    show_me(window, "activations")
    assert window.preset.name == "seed-mlp"
    assert window.editor.report().layers[window.editor.selected_index()].layer.type == "ReLU"


def test_softmax_shows_probabilities_that_add_up_to_one(qtbot, make_window):
    window = make_window()
    show_me(window, "softmax")
    assert current_view(window) == "Draw" and window.view_on_screen(window.draw_panel)

    def answered() -> bool:
        prediction = window.draw_panel.last_prediction
        return prediction is not None and prediction.probabilities is not None
    qtbot.waitUntil(answered, timeout=TIMEOUT_MS)
    probabilities = window.draw_panel.last_prediction.probabilities
    assert len(probabilities) == 10 and float(np.sum(probabilities)) == pytest.approx(1.0, abs=1e-5)


def test_adam_sets_plain_sgd_to_compare(make_window):
    window = make_window()
    window.show_widget(window.code_view)
    text = show_me(window, "adam")
    assert window.panel.optimizer.currentData() == "sgd"
    assert window.panel.learning_rate.value() == pytest.approx(0.01)
    assert window.view_on_screen(window.plots)  # the curves that will show the difference
    assert window.view_on_screen(window.panel.optimizer)  # and the settings just changed
    assert "Adam" in text


def test_conv_loads_the_cnn_and_shows_conv1_feature_maps(qtbot, make_window):
    window = make_window()
    show_me(window, "conv")
    assert window.preset.name == "cnn"
    assert window.editor.report().layers[window.editor.selected_index()].name == "conv1"
    assert current_view(window) == "This digit" and sub_tab(window.inside_panel.tabs) == "Layer outputs"
    view = window.inside_panel.activations_view
    assert window.view_on_screen(view)
    qtbot.waitUntil(lambda: view.current_layer == "conv1", timeout=TIMEOUT_MS)
    assert view.current_page is view.maps  # feature maps
    wait_idle(qtbot, window)


def test_tensors_opens_the_tensor_view(make_window):
    window = make_window()
    show_me(window, "tensors")
    assert current_view(window) == "Matrices" and window.view_on_screen(window.matrix_panel.tensors)
    assert sub_tab(window.matrix_panel.tabs).startswith("Tensors")


def test_evaluation_classifies_the_test_set(qtbot, make_window):
    window = make_window()
    show_me(window, "evaluation")
    assert current_view(window) == "Evaluation" and window.view_on_screen(window.evaluation_panel)
    # Untrained: it trains a quarter of an epoch, then evaluates.
    qtbot.waitUntil(lambda: getattr(window.evaluation_panel, "evaluation", None) is not None, timeout=TIMEOUT_MS)
    assert window.evaluation_panel.evaluation.confusion.sum() == window.data_info["test_size"]


def test_saliency_switches_the_overlay_on_for_a_test_digit(qtbot, make_window):
    window = make_window()
    text = show_me(window, "saliency")
    assert "trains 0.1 of an epoch first" in text and "SmoothGrad" in text
    saliency = window.draw_panel.saliency
    assert current_view(window) == "Draw" and window.view_on_screen(saliency)
    assert window.draw_panel.current_image28().any()
    assert saliency.toggle.isChecked() and saliency.method_key() == "smoothgrad"
    qtbot.waitUntil(lambda: saliency.saliency is not None, timeout=TIMEOUT_MS)
    assert saliency.saliency.method == "smoothgrad"
    wait_idle(qtbot, window)


def test_saliency_uses_grad_cam_once_a_convolution_network_has_weights(qtbot, make_window):
    window = make_window(preset="cnn")
    text = show_me(window, "saliency")
    assert "Grad-CAM" in text
    saliency = window.draw_panel.saliency
    assert saliency.toggle.isChecked()
    wait_idle(qtbot, window)  # untrained: Grad-CAM is offered once the weights are there
    qtbot.waitUntil(lambda: saliency.method_key() == "gradcam", timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: saliency.saliency is not None and saliency.saliency.method == "gradcam",
                    timeout=TIMEOUT_MS)


def test_fool_it_opens_with_the_canvas_digit(qtbot, make_window):
    window = make_window()
    text = show_me(window, "fool_it")
    assert "smallest ε" in text
    view = window.fool_it_view
    assert current_view(window) == "Fool it" and window.view_on_screen(view)
    qtbot.waitUntil(lambda: view.result is not None, timeout=TIMEOUT_MS)
    np.testing.assert_allclose(view.result.original, window.draw_panel.last_prediction.image28, atol=1e-6)
    wait_idle(qtbot, window)


def test_projector_shows_the_test_digits_as_points(qtbot, make_window):
    window = make_window()
    text = show_me(window, "projector")
    assert "PCA" in text
    view = window.projector_view
    assert current_view(window) == "Projector" and window.view_on_screen(view)
    qtbot.waitUntil(lambda: view.points is not None, timeout=TIMEOUT_MS)
    assert len(view.points) == len(view.labels) > 0
    wait_idle(qtbot, window)


def test_demos_that_change_the_network_wait_for_the_run_to_stop(qtbot, make_window):
    window = make_window()
    window.panel.epochs.setValue(50)
    window.panel.batch_size.setValue(16)
    assert window.start_training()
    for key in ("layers", "conv", "adam"):
        assert "Stop training first" in window.comfort.show_me(key)
    assert window.preset.name == "seed-mlp" and window.panel.optimizer.currentData() == "adam"
    window.stop()
    wait_idle(qtbot, window)


def test_a_window_method_replaces_a_demo_and_a_missing_one_falls_back_to_the_tab(make_window):
    window = make_window()
    window.demo_adam = lambda: "the lead's experiment"
    assert window.comfort.show_me("adam") == "the lead's experiment"
    assert window.panel.optimizer.currentData() == "adam"  # the built-in demo did not run
    missing = LearnTopic("x", "X", ("x",), "", demo="not_there", tab="Evaluation", show_me="x")
    run_demo(window, missing)
    assert current_view(window) == "Evaluation" and window.view_on_screen(window.evaluation_panel)


def test_show_me_finds_the_tabs_by_their_pages_whatever_their_titles_say(make_window):
    window = make_window()
    spaces = window.workspaces
    views = [space.views for space in spaces.workspaces() if space.views is not None]
    for tabs in (*views, spaces.side, window.matrix_panel.tabs, window.inside_tabs, window.inside_panel.tabs):
        for i in range(tabs.count()):
            tabs.setTabText(i, f"标签 {i}")  # another language
    for space in spaces.workspaces():
        space.button.setText(f"工作区 {space.name}")
    window.comfort.show_me("matrices")
    assert window.view_on_screen(window.matrix_panel)
    assert window.matrix_panel.tabs.currentWidget().isAncestorOf(window.matrix_panel.stepper)
    window.comfort.show_me("tensors")
    assert window.matrix_panel.tabs.currentWidget().isAncestorOf(window.matrix_panel.tensors)
    window.comfort.show_me("adam")
    assert window.view_on_screen(window.plots) and window.view_on_screen(window.panel.learning_rate)
    missing = LearnTopic("x", "X", ("x",), "", demo="not_there", tab="Evaluation", show_me="x")
    assert run_demo(window, missing) == "The Evaluation tab is open."
    assert window.view_on_screen(window.evaluation_panel)

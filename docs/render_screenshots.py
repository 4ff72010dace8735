#!/usr/bin/env python3
"""Render the screenshots of the README and docs/ with the app itself (offscreen): the window trains the cnn
preset briefly on the shipped MNIST, a test digit goes on the Draw tab, the test set is evaluated,
and each tab is grabbed to docs/screenshots/.

    python docs/render_screenshots.py            # a few minutes on two cores
    python docs/render_screenshots.py --chinese  # zh-*.png: the window switched to 简体中文 after training
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NN_PLAYGROUND_DATA_DIR", tempfile.mkdtemp(prefix="nnp-shots-"))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playground.ui.shell.app import _save_png, _wait_until, make_application  # noqa: E402 — after the environment is set up above
from playground.ui.shell.main_window import DEFAULT_SIZE, MainWindow  # noqa: E402 — after the environment is set up above
from playground.ui.shell.run_controls import RunState  # noqa: E402 — after the environment is set up above

OUT = ROOT / "docs" / "screenshots"


def grab(window: MainWindow, tab: str, name: str, settle_s: float = 0.6) -> None:
    """`tab`: the view's English title (its key, whatever language the window speaks); its workspace is shown."""
    window.workspaces.show_view(tab)
    _wait_until(lambda: False, settle_s)  # background jobs (activations, matrices) land and paint
    _save_png(window.grab(), OUT / name)
    print(f"wrote {OUT / name}")


def train_playground(window: MainWindow, epochs: int = 200) -> None:
    """The Playground tab learning a two-arm spiral from x1, x2, sin x1 and sin x2 with three hidden layers."""
    window.workspaces.show_view("Playground")  # its worker starts when it is first shown
    panel = window.playground
    panel.set_problem("classification", "spiral", 2)
    panel.set_features(["x1", "x2", "sin(x1)", "sin(x2)"])
    panel.set_hidden_layers([8, 6, 4])
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    panel.learning_rate.setValue(0.01)
    _wait_until(lambda: panel.train_button.isEnabled() and panel.last_frame is not None, 120)
    panel.train()
    _wait_until(lambda: panel.last_frame is not None and panel.last_frame.epoch >= epochs, 300)
    panel.pause()
    _wait_until(lambda: not panel.running, 60)


def cnn_after_half_an_epoch() -> MainWindow:
    """The window on screen (offscreen) with the cnn preset trained for half an epoch on MNIST."""
    make_application()
    OUT.mkdir(parents=True, exist_ok=True)
    window = MainWindow("cnn", remember=False, autosave=False)
    window.resize(*DEFAULT_SIZE)
    window.show()
    _wait_until(lambda: window.state == RunState.IDLE and window.worker.trainer is not None, 120)
    window.start_training(0.5, eval_every_steps=60)
    _wait_until(lambda: window.state == RunState.IDLE, None)
    return window


def chinese() -> int:
    """The window trained in English, then switched to 简体中文 in Preferences (live, nothing rebuilt)."""
    from dataclasses import replace

    window = cnn_after_half_an_epoch()
    window.preferences.apply(replace(window.preferences.current, language="zh_CN"))
    grab(window, "Training curves", "zh-training.png", 1.0)
    window.draw_panel.show_test_digit(18)
    grab(window, "Inside", "zh-inside.png", 2.0)
    grab(window, "Matrices", "zh-matrices.png", 1.5)
    window.workspaces.set_learn_open(True)
    window.comfort.learn.select_topic("conv")
    grab(window, "Diagram", "zh-learn.png", 1.0)
    window.workspaces.set_learn_open(False)
    window.close_discarding()
    return 0


def main() -> int:
    if "--chinese" in sys.argv[1:]:
        return chinese()
    window = cnn_after_half_an_epoch()
    grab(window, "Training curves", "cnn-trained.png")
    window.resize(1366, 768)  # a classroom laptop's screen
    grab(window, "Settings", "train-1366x768.png", 1.0)
    window.resize(*DEFAULT_SIZE)
    grab(window, "Diagram", "diagram.png")
    grab(window, "PyTorch code", "code.png")
    window.draw_panel.show_test_digit(18)
    grab(window, "Draw", "draw.png", 2.0)
    grab(window, "Inside", "inside.png", 2.0)
    grab(window, "While it learns", "while-it-learns.png")
    # Issue 18: the operations step by step, what the network looks at, the activation map.
    window.step_through_panel.show_page("conv")
    grab(window, "Step through", "step-through-conv.png", 2.0)
    window.step_through_panel.show_page("output")
    grab(window, "Step through", "step-through-output.png", 1.5)
    window.workspaces.show_view("Draw")
    window.draw_panel.saliency.set_method("gradcam")
    window.draw_panel.saliency.toggle.setChecked(True)
    grab(window, "Draw", "draw-saliency.png", 2.0)
    window.draw_panel.saliency.toggle.setChecked(False)
    grab(window, "Fool it", "fool-it.png", 2.0)
    grab(window, "Projector", "projector.png", 4.0)
    grab(window, "Matrices", "matrices.png", 1.5)
    window.workspaces.show_view("Draw")
    window.workspaces.show_side("Matrices")  # the same panel beside the digit, on W^[1] of this network
    _wait_until(lambda: False, 1.5)
    _save_png(window.grab(), OUT / "draw-with-matrices.png")
    window.evaluate_test_set()
    _wait_until(lambda: window.evaluation_panel.evaluation is not None and not window.evaluation_panel.running, 300)
    grab(window, "Evaluation", "evaluation.png")
    # Runs: continue with a lower learning rate — a run forked from the first one, both curves overlaid.
    window.panel.learning_rate.setValue(2e-4)
    window.start_training(0.25, eval_every_steps=60)
    _wait_until(lambda: window.state == RunState.IDLE, None)
    grab(window, "Runs", "runs.png", 1.0)
    # Issue 19: a sweep of the learning rate and the batch size, four short runs.
    sweep = window.sweep_panel
    window.workspaces.show_view("Sweep")
    sweep.set_setting(0, "lr", "0.0003, 0.001, 0.003")
    sweep.set_setting(1, "batch_size", "64, 256")
    sweep.epochs.setValue(1)
    if sweep.run_sweep():
        _wait_until(lambda: not sweep.running, 1200)
    best = sweep.best_run_id()
    if best is not None:  # a row selected: "Continue in the window" takes it over
        sweep.table.selectRow(sweep.table.run_ids().index(best))
    grab(window, "Sweep", "sweep.png", 1.0)
    experiments = window.experiments_panel
    experiments.show_experiment("relu-vs-sigmoid")
    experiments.run_experiment("relu-vs-sigmoid")
    _wait_until(lambda: experiments.running is None, 600)
    grab(window, "Experiments", "experiments.png", 1.0)
    window.workspaces.set_learn_open(True)
    window.comfort.learn.select_topic("softmax")
    grab(window, "Training curves", "learn.png", 1.0)
    window.workspaces.set_learn_open(False)
    window.show_multilabel_comparison()
    view = window.multilabel_view
    view.run()
    _wait_until(lambda: view.comparison is not None and not view.busy, 600)
    _wait_until(lambda: False, 0.5)
    _save_png(window.multilabel_dialog.grab(), OUT / "multilabel.png")
    window.multilabel_dialog.close()
    train_playground(window)
    grab(window, "Playground", "playground.png")
    window.close_discarding()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

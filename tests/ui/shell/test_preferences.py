"""Preferences: stored across windows, applied (theme, device, CPU threads), edited in the dialog.

Settings go to the per-test folder of `isolated_settings` (tests/ui/conftest.py), never the user's.
"""

from pathlib import Path

import pytest
import torch
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox
from window_helpers import wait_idle

from playground.ui.dialogs.preferences import (
    KEY_CPU_THREADS,
    KEY_THEME,
    SETTINGS_DIR_ENV,
    Preferences,
    chosen_locale,
    load_preferences,
    max_cpu_threads,
    resolve_locale,
    use_settings_dir_from_env,
)
from playground.ui.shell.workspaces import KEY_WORKSPACE
from playground.ui.widgets.theme import DARK_PLOTS, LIGHT_PLOTS, apply_theme


@pytest.fixture(autouse=True)
def system_theme_afterwards(qapp):
    """A dark palette must not leak into the other tests."""
    yield
    apply_theme(qapp, "system")


def window_lightness(qapp) -> int:
    return qapp.palette().color(QPalette.ColorRole.Window).lightness()


def test_preferences_survive_into_a_new_window(make_window):
    window = make_window(remember=True)
    assert window.preferences.current == Preferences()  # first start: the defaults
    chosen = Preferences(theme="light", language="zh_CN", device="cpu", cpu_threads=1)
    window.preferences.apply(chosen)
    window.close_discarding()

    again = make_window(remember=True)
    assert again.preferences.current == chosen
    assert again.preferences.locale() == "zh_CN" and chosen_locale() == "zh_CN"
    assert again.panel.device.currentData() == "cpu"  # the default device is the one the window starts with


def test_an_explicit_device_beats_the_default_device(make_window):
    QSettings().setValue("preferences/device", "cpu")
    window = make_window(remember=True, device="auto")
    assert window.panel.device.currentData() == "auto"


def test_damaged_or_unknown_values_fall_back_to_the_defaults():
    settings = QSettings()
    settings.setValue(KEY_THEME, "purple")
    settings.setValue(KEY_CPU_THREADS, "lots")
    settings.setValue("preferences/device", "tpu")
    assert load_preferences(settings) == Preferences()
    settings.setValue(KEY_CPU_THREADS, max_cpu_threads() + 1)
    assert load_preferences(settings).cpu_threads == 0


def test_dark_theme_darkens_the_palette_and_the_plots_follow(qtbot, make_window, qapp):
    window = make_window()
    assert window_lightness(qapp) > 128
    plots = window.plots
    assert plots.view.backgroundBrush().color().name() == LIGHT_PLOTS.background.lower()

    themes = []
    window.preferences.theme_changed.connect(themes.append)
    window.preferences.apply(Preferences(theme="dark"))
    assert themes == [True]
    assert window_lightness(qapp) < 100
    # Widgets follow the application's palette (through a posted event).
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 100)
    assert plots.view.backgroundBrush().color().name() == DARK_PLOTS.background.lower()
    axis = plots.loss_plot.getAxis("left")
    assert axis.textPen().color().name() == DARK_PLOTS.foreground.lower()
    assert plots.loss_plot.titleLabel.opts["color"] == DARK_PLOTS.foreground
    # The panels built when torch has loaded (Inside, Matrices, Evaluation) are dark too.
    confusion = window.evaluation_panel.matrix.plot
    assert confusion.backgroundBrush().color().name() == DARK_PLOTS.background.lower()

    window.preferences.apply(Preferences(theme="light"))
    assert themes == [True, False]
    assert window_lightness(qapp) > 200
    assert plots.view.backgroundBrush().color().name() == LIGHT_PLOTS.background.lower()
    assert axis.textPen().color().name() == LIGHT_PLOTS.foreground.lower()


def test_a_dark_theme_is_applied_when_the_window_opens(make_window, qapp):
    QSettings().setValue(KEY_THEME, "dark")
    window = make_window(remember=True)
    assert window.preferences.dark and window_lightness(qapp) < 100
    # Panels built after the data loaded were recoloured when they replaced their placeholders.
    inside_plot = window.learning_panel.gradient_plot
    assert inside_plot.backgroundBrush().color().name() == DARK_PLOTS.background.lower()


def test_language_choice_is_stored_and_announced(make_window):
    window = make_window(remember=True)
    heard = []
    window.preferences.language_changed.connect(heard.append)
    window.preferences.apply(window.preferences.current.replace(language="zh_CN"))
    window.preferences.apply(window.preferences.current.replace(language="zh_CN"))  # no change: no signal
    window.preferences.apply(window.preferences.current.replace(language="en"))
    assert heard == ["zh_CN", "en"]
    assert QSettings().value("preferences/language") == "en"
    assert resolve_locale("system") in ("en", "zh_CN")


def test_cpu_threads_are_set_in_the_training_thread(qtbot, make_window):
    if max_cpu_threads() < 2:
        pytest.skip("needs two cores to tell 1 thread from 2")
    if torch.cuda.is_available():
        pytest.skip("auto trains on the GPU here; this test reads the CPU thread count that the auto -> cpu "
                    "change reports")
    QSettings().setValue(KEY_CPU_THREADS, 1)
    window = make_window(remember=True)
    qtbot.waitUntil(lambda: "1 threads" in window.status.device.text(), timeout=30_000)

    window.preferences.apply(window.preferences.current.replace(cpu_threads=2))
    # A device change builds a new trainer at the next run, which reports the thread count it trains with.
    window.panel.device.setCurrentIndex(window.panel.device.findData("cpu"))
    window.panel.batch_size.setValue(256)
    assert window.start_training(epochs=0.25)
    wait_idle(qtbot, window)
    assert "2 threads" in window.status.device.text()


def test_a_new_default_device_applies_at_once_when_idle(make_window):
    window = make_window()
    window.preferences.apply(Preferences(device="cpu"))
    assert window.panel.device.currentData() == "cpu"


def test_the_dialog_applies_cancels_and_restores_defaults(qtbot, make_window):
    window = make_window(remember=True)
    assert window.comfort.preferences_action.shortcut().toString() == "Ctrl+,"
    assert window.comfort.preferences_action in window.edit_menu.actions()
    dialog = window.comfort.open_preferences()
    assert dialog.isVisible() and not dialog.apply_button.isEnabled()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert dialog.apply_button.isEnabled()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert window.preferences.current.theme == "system"

    dialog = window.comfort.open_preferences()
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.cpu_threads.setValue(1)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert window.preferences.current == Preferences(language="zh_CN", cpu_threads=1)
    assert not dialog.apply_button.isEnabled()
    assert QSettings().value("preferences/language") == "zh_CN"

    dialog.defaults_button.click()
    assert dialog.preferences() == Preferences()
    assert window.preferences.current.language == "zh_CN"  # not applied until OK or Apply
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert window.preferences.current == Preferences()
    assert load_preferences(QSettings()) == Preferences()


def view_remembered(workspace: str) -> str:
    """The key of the view remembered for `workspace`."""
    return QSettings().value(f"workspace/view/{workspace}")


def test_the_window_remembers_its_workspace_its_view_and_splitter_sizes(qtbot, make_window):
    window = make_window(remember=True)
    window.show_widget(window.code_view)
    splitter = window.findChild(type(window.plots.parentWidget()), "curvesSplitter")
    total = sum(splitter.sizes())
    splitter.setSizes([total // 2, total - total // 2])  # the default gives the plots 4/5
    window.close_discarding()
    assert QSettings().value(KEY_WORKSPACE) == "inside" and view_remembered("inside") == "PyTorch code"

    again = make_window(remember=True)
    assert again.view_on_screen(again.code_view)
    restored = again.findChild(type(again.plots.parentWidget()), "curvesSplitter")
    again.show_widget(restored)  # restored when first shown, at its real size
    # The proportions (offscreen screens clamp the window's size, so pixels may differ).
    sizes = restored.sizes()
    assert sizes[0] / sum(sizes) == pytest.approx(0.5, abs=0.02)


def test_the_settings_folder_can_be_set_by_environment(monkeypatch, tmp_path):
    folder = tmp_path / "portable-settings"
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(folder))
    assert use_settings_dir_from_env() == folder
    settings = QSettings()
    settings.setValue("preferences/theme", "dark")
    settings.sync()
    assert Path(settings.fileName()).resolve().is_relative_to(folder.resolve())
    assert Path(settings.fileName()).is_file()


def test_the_remembered_view_is_found_by_its_key_in_any_language(qtbot, make_window):
    from i18n_coverage import speak

    window = make_window(remember=True)
    window.show_widget(window.diagram)
    speak({"Diagram": "网络图"})
    try:
        window.close_discarding()
        assert view_remembered("inside") == "Diagram"  # the key, not the title shown
        again = make_window(remember=True)
        assert again.view_on_screen(again.diagram)
        views = again.workspaces.current().views
        assert views.tabText(views.currentIndex()) == "网络图"
    finally:
        speak(None)

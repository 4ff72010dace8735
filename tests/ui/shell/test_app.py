import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtGui import QImage

from playground.ui.shell.app import ScreenshotError, render_screenshot
from playground.ui.shell.main_window import DEFAULT_SIZE


def test_screenshot_writes_a_png_of_the_window(tmp_path):
    path = tmp_path / "shots" / "window.png"
    render_screenshot(path, train_epochs=0.02)  # real MNIST, ~19 steps: the loss curve has points
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage(str(path))
    assert (image.width(), image.height()) == DEFAULT_SIZE
    assert not list(path.parent.glob(".*.tmp"))  # written atomically: no temp file left


def test_a_screenshot_of_the_playground_shows_its_network_built(tmp_path, monkeypatch):
    """The Playground's worker builds its network after the tab is first shown; the picture waits for it
    (it used to show "building the network…" and grey neurons)."""
    from PySide6.QtWidgets import QApplication

    from playground.ui.shell import app
    from playground.ui.shell.main_window import MainWindow

    seen = []
    real_save = app._save_png

    def save(pixmap, path):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window.playground.last_frame is not None)
        real_save(pixmap, path)

    monkeypatch.setattr(app, "_save_png", save)
    render_screenshot(tmp_path / "playground.png", tab="Playground")
    assert seen == [True]


def test_screenshot_rejects_an_unknown_preset(tmp_path):
    with pytest.raises(ScreenshotError, match="No preset named 'nope'"):
        render_screenshot(tmp_path / "x.png", preset="nope")
    assert not (tmp_path / "x.png").exists()


# Opens the real GUI (run_gui), clicks Train once the data is ready and, as soon as the first
# losses arrive, prints TRAINING and then either closes the window itself ("close") or waits
# for the test to press Ctrl+C ("sigint").
DRIVER = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from playground.ui.shell import app as gui
    from playground.ui.shell.main_window import MainWindow
    from playground.ui.shell.run_controls import RunState

    gui.make_application()
    # Closing asks about the unsaved training: answer "Discard" as a user would to quit at once.
    QMessageBox.question = staticmethod(lambda *args, **kwargs: QMessageBox.StandardButton.Discard)

    def drive():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        if window.state == RunState.IDLE and window.plots.step_count == 0:
            window.panel.epochs.setValue(100)
            window.train()
        elif window.state == RunState.TRAINING and window.plots.step_count > 0:
            print("TRAINING", flush=True)
            if sys.argv[1] == "close":
                window.close()
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(20, drive)
    sys.exit(gui.run_gui())
""")


@pytest.mark.parametrize("how", ["close", "sigint"])
def test_ending_the_app_while_training_exits_the_process_cleanly(tmp_path, how):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    process = subprocess.Popen([sys.executable, "-c", DRIVER, how], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    try:
        line = process.stdout.readline()  # blocks until training runs (or the process dies)
        if how == "sigint":
            process.send_signal(signal.SIGINT)
        asked_at = time.perf_counter()
        assert line.strip() == "TRAINING", process.stderr.read()
        process.wait(timeout=30)
        exit_seconds = time.perf_counter() - asked_at
    finally:
        if process.poll() is None:
            process.kill()
    stderr = process.stderr.read()
    assert process.returncode == 0, stderr
    assert "QThread: Destroyed" not in stderr and "Traceback" not in stderr, stderr
    assert exit_seconds < 2.0, f"the process took {exit_seconds:.2f} s to exit"
    assert (tmp_path / "nn-playground" / "nn-playground.conf").is_file()  # preferences were saved


def test_the_window_appears_before_torch_is_loaded():
    code = textwrap.dedent("""
        import sys
        from playground.ui.shell.app import make_application
        from playground.ui.shell.main_window import MainWindow
        app = make_application()
        window = MainWindow(remember=False)
        print("torch" in sys.modules)
        window.close()
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_the_app_has_its_icon_in_every_size(qapp):
    from playground.ui.shell.app import make_application

    app = make_application()
    sizes = {(s.width(), s.height()) for s in app.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes and app.desktopFileName() == "nn-playground"

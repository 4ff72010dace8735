"""The real GUI training for a while, as a learner would start it (for bench/device/check.sh).

D_DEVICE: auto / cpu / cuda; D_SECONDS: how long to train (default 12); D_SMALL=1: 2,000 digits
passed in instead of MNIST loaded by the window. Prints "OK: N steps on DEVICE" and exits 0."""
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from playground.ui.shell import app as gui
from playground.ui.shell.main_window import MainWindow
from playground.ui.shell.run_controls import RunState

app = gui.make_application()
QMessageBox.question = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard)  # quit without asking
kwargs = dict(remember=False, autosave=False)
if os.environ.get("D_SMALL"):
    from playground.core.data.datasets import load_data

    kwargs["data"] = load_data(train_limit=2000, test_limit=500)
window = MainWindow("seed-mlp", **kwargs)
window.show()
gui.freeze_startup_objects_when_ready(window)
seconds = float(os.environ.get("D_SECONDS", "12"))
started: list[float] = []


def drive() -> None:
    if not started and window.state == RunState.IDLE and window.worker.trainer is not None:
        device = os.environ.get("D_DEVICE", "auto")
        window.panel.device.setCurrentIndex(window.panel.device.findData(device))
        window.panel.epochs.setValue(100)
        window.train()
        started.append(time.time())
    elif started and time.time() - started[0] > seconds:
        trainer = window.worker.trainer
        print(f"OK: {window.plots.step_count} steps on {trainer.device if trainer else None}", flush=True)
        window.close()
        return
    QTimer.singleShot(50, drive)


QTimer.singleShot(50, drive)
sys.exit(app.exec())

"""Guards against a Qt binding that corrupts reference counts when Python emits signals.

PySide6 6.12.0 aborts the interpreter ("Fatal Python error: bool_dealloc") after a few thousand
Python objects cross threads through queued signals — exactly how the training worker talks to
the window (its signals carry the frozen dataclasses of core.events, full of None, bools and arrays).
The stress runs in a child process so a crash fails this test instead of the suite.
"""

import subprocess
import sys
import textwrap

STRESS = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    from PySide6.QtCore import QObject, QThread, Signal, Slot
    from PySide6.QtWidgets import QApplication
    from playground.core.training.events import RunSummary, StepDone, StepLosses

    app = QApplication([])

    class Sender(QObject):
        as_dict = Signal(dict)
        as_objects = Signal(object, dict)
        as_event = Signal(object)
        go = Signal()

        def __init__(self):
            super().__init__()
            self.go.connect(self.run)

        @Slot()
        def run(self):
            for i in range(15000):
                self.as_dict.emit({"loss": None, "ok": True, "step": i})
                self.as_objects.emit(np.zeros(3), {"message": None, "flag": False})
                last = StepDone(i, 0, i, 10, 0.5, None, 0.001, 0.5, float("nan"))
                self.as_event.emit(StepLosses(np.arange(3.0), np.zeros(3), last, np.full(3, 0.001)) if i % 2 else
                                   RunSummary("stopped", i, 0, None, None, None, None, None, None, i % 3 == 0))

    received = []
    sender = Sender()
    thread = QThread()
    sender.moveToThread(thread)
    thread.start()
    sender.as_dict.connect(lambda p: received.append(1))
    sender.as_objects.connect(lambda a, p: received.append(1))
    sender.as_event.connect(lambda event: received.append(1))
    sender.go.emit()
    deadline = time.monotonic() + 120
    while len(received) < 45000 and time.monotonic() < deadline:
        app.processEvents()
    thread.quit()
    thread.wait()
    print(len(received))
""")


def test_python_objects_cross_threads_in_signals_without_crashing():
    result = subprocess.run([sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (
        "The Qt binding crashed passing Python objects between threads; "
        f"use a PySide6 version this project allows (pyproject.toml).\n{result.stderr[-1500:]}"
    )
    assert result.stdout.strip() == "45000"

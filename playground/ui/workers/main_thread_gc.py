"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate past its threshold — often
the training or inference thread, since torch allocates a lot. If a reference cycle there holds Qt
objects (a closed dialog, a window's lambdas), their C++ destructors then run on that thread while the
GUI thread may be destroying their neighbours: the two block each other on Qt's and Python's locks
and the app hangs (seen in the test suite: a QMenu destroyed on the GUI thread, a QObject collected in
the inference thread). So automatic collection is switched off and a timer on the GUI thread collects
with the same thresholds. Training threads also lose their occasional collection pauses.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

INTERVAL_MS = 500

_collector: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """Collect the generations whose counts passed their thresholds, as automatic collection would."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()


def install() -> MainThreadCollector:
    """Idempotent: one collector per application, parented to it (call on the GUI thread)."""
    global _collector
    app = QApplication.instance()
    assert app is not None, "create the QApplication first"
    collector = _collector
    try:
        current = collector is not None and collector.parent() is app
    except RuntimeError:  # its application was destroyed (C++ object gone)
        current = False
    if collector is None or not current:
        collector = _collector = MainThreadCollector(app)
        app.aboutToQuit.connect(collector.stop)
    elif not collector.timer.isActive():  # stopped when an event loop quit; the app goes on (tests)
        gc.disable()
        collector.timer.start()
    return collector

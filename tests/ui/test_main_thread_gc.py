"""Cyclic garbage is collected on the GUI thread, never in a training or inference thread (where Qt objects in
a cycle would be destroyed off the GUI thread and can deadlock the app)."""

import gc
import threading

from playground.ui import main_thread_gc


class Cycle:
    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.last_thread = threading.get_ident()


def test_background_threads_never_collect_and_the_gui_thread_does(qtbot, qapp):
    collector = main_thread_gc.install()
    assert main_thread_gc.install() is collector and not gc.isenabled()
    Cycle.last_thread = None

    def churn():  # cyclic garbage far past the first threshold: automatic collection would run here
        for _ in range(5_000):
            Cycle()

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert Cycle.last_thread is None  # the cycle is still there: nobody collected in that thread
    qtbot.waitUntil(lambda: Cycle.last_thread is not None, timeout=5000)
    assert Cycle.last_thread == threading.get_ident()  # freed by the timer, on the GUI thread

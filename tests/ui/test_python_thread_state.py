"""A QThread keeps one Python thread state for its whole life (playground/ui/python_thread_state.py).

Without it PySide gives every queued slot call a brand-new state, which torch 2.11 tripped over (a
deadlock at the first tensor operation of a run; "double free or corruption" on a GPU machine).
A `threading.local` value lives in the thread state, so it shows whether the state survived.
"""

import threading

import pytest
from PySide6.QtCore import QObject, QThread, Signal, Slot

from playground.ui.python_thread_state import keep_python_state


class Probe(QObject):
    poke = Signal()

    def __init__(self):
        super().__init__()
        self.local = threading.local()
        self.seen: list[object] = []
        self.poke.connect(self.on_poke)

    @Slot()
    def on_poke(self):
        self.seen.append(getattr(self.local, "mark", None))
        self.local.mark = "set in an earlier call"


def values_seen(qtbot, keep: bool) -> list[object]:
    thread = QThread()
    if keep:
        keep_python_state(thread)
    probe = Probe()
    probe.moveToThread(thread)
    thread.start()
    try:
        for _ in range(3):
            probe.poke.emit()
        qtbot.waitUntil(lambda: len(probe.seen) == 3, timeout=5_000)
    finally:
        thread.quit()
        assert thread.wait(5_000)
    return probe.seen


def test_slot_calls_in_a_kept_thread_share_one_python_state(qtbot):
    if values_seen(qtbot, keep=False)[1:] != [None, None]:
        pytest.skip("this PySide keeps a QThread's Python state between slot calls by itself")
    assert values_seen(qtbot, keep=True) == [None, "set in an earlier call", "set in an earlier call"]


def test_the_state_is_given_back_when_the_thread_ends(qtbot):
    from playground.ui import python_thread_state

    values_seen(qtbot, keep=True)
    assert python_thread_state._held == {}  # noqa: SLF001 — released in the thread as it finished


def test_the_training_worker_keeps_its_thread_state(make_window):
    from playground.ui import python_thread_state

    before = set(python_thread_state._held)  # noqa: SLF001
    window = make_window()
    assert window.worker.thread_running
    assert set(python_thread_state._held) - before, "the training thread holds no Python state of its own"  # noqa: SLF001

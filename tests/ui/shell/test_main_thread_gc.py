"""Cyclic garbage is collected on the GUI thread, never in a training or inference thread (where Qt objects in
a cycle would be destroyed off the GUI thread and can deadlock the app)."""

import gc
import threading
import types

from playground.ui.workers import main_thread_gc


class Cycle:
    last_thread = None

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.last_thread = threading.get_ident()


def test_background_threads_never_collect_and_the_gui_thread_does(qtbot, qapp):
    collector = main_thread_gc.install()
    assert main_thread_gc.install() is collector and not gc.isenabled() and collector.timer.isActive()
    Cycle.last_thread = None

    def churn():  # cyclic garbage far past the first threshold: automatic collection would run here
        for _ in range(5_000):
            Cycle()

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert Cycle.last_thread is None, "a background thread collected garbage"
    assert gc.get_count()[0] > collector.thresholds[0]
    collector.collect()  # what the timer does
    assert Cycle.last_thread == threading.get_ident(), (gc.get_count(), collector.thresholds)


def test_the_timer_collects(qtbot, qapp, monkeypatch):
    main_thread_gc.install()
    calls = []
    monkeypatch.setattr(gc, "get_count", lambda: calls.append(1) or (0, 0, 0))
    qtbot.waitUntil(lambda: len(calls) > 0, timeout=3 * main_thread_gc.INTERVAL_MS)


def test_start_up_objects_are_frozen_once_the_window_can_train(qtbot, make_window, monkeypatch):
    import gc

    from playground.ui.shell import app
    from playground.ui.shell.app import freeze_startup_objects_when_ready

    monkeypatch.setattr(app, "_startup_frozen", False)
    window = make_window()
    before = gc.get_freeze_count()  # not always 0: 375 were frozen before this test under pytest-xdist on a GPU machine
    try:
        freeze_startup_objects_when_ready(window)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > before, timeout=5_000)
        frozen = gc.get_freeze_count()
        assert frozen - before > 10_000  # torch, Qt wrappers, the window: all out of the collector's walk
        gc.collect()
        assert gc.get_freeze_count() == frozen  # once
        assert len(gc.get_objects()) < frozen / 5  # what a full collection still walks: only what came after
    finally:
        gc.unfreeze()  # the rest of the suite collects as usual


def test_start_up_objects_are_frozen_also_when_train_was_pressed_first(qtbot, make_window, monkeypatch):
    """Train pressed before the first check (a fast click, a script): the freeze still comes, without the
    last collection (~0.3 s under a running training)."""
    from playground.ui.shell import app
    from playground.ui.shell.app import freeze_startup_objects_when_ready
    from playground.ui.shell.run_controls import RunState

    monkeypatch.setattr(app, "_startup_frozen", False)
    collections = []
    monkeypatch.setattr(app, "gc", types.SimpleNamespace(collect=lambda *args: collections.append(args),
                                                          freeze=gc.freeze))
    window = make_window()
    window.panel.epochs.setValue(100)
    assert window.start_training()
    before = gc.get_freeze_count()
    try:
        freeze_startup_objects_when_ready(window)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > before, timeout=5_000)
        assert window.state == RunState.TRAINING and collections == []
    finally:
        gc.unfreeze()
        window.stop()

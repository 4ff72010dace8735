"""One Python thread state for a QThread's whole life.

PySide runs every queued slot of a QThread between PyGILState_Ensure and PyGILState_Release. When
nothing else holds the thread's Python state, Release deletes it, so each slot call runs on a brand-new
PyThreadState (and loses its `threading.local` values). Native code that remembers the thread's state
between calls then uses a deleted one. torch 2.11's bindings do, through pybind11's
gil_scoped_acquire: the first tensor operation of a training run deadlocked with torch 2.11 and
Python 3.11, and aborted with "double free or corruption" with torch 2.11 and Python 3.12 (on an
H200 machine). One PyGILState_Ensure held from the thread's start to its end keeps a single state.
"""

from __future__ import annotations

import ctypes
import threading

from PySide6.QtCore import QThread, Qt

_held: dict[int, int] = {}  # thread ident -> what PyGILState_Ensure returned there
_api = getattr(ctypes, "pythonapi", None)  # CPython; elsewhere there is nothing to keep
if _api is not None:
    _api.PyGILState_Ensure.restype = ctypes.c_int
    _api.PyGILState_Ensure.argtypes = []
    _api.PyGILState_Release.restype = None
    _api.PyGILState_Release.argtypes = [ctypes.c_int]


def keep_python_state(thread: QThread) -> None:
    """Call before `thread.start()`: the state is taken as the thread starts and given back as it ends
    (both signals are emitted in the thread itself, so direct connections run there)."""
    if _api is None:
        return
    thread.started.connect(_hold, Qt.ConnectionType.DirectConnection)
    thread.finished.connect(_release, Qt.ConnectionType.DirectConnection)


def _hold() -> None:
    _held[threading.get_ident()] = _api.PyGILState_Ensure()


def _release() -> None:
    state = _held.pop(threading.get_ident(), None)
    if state is not None:
        _api.PyGILState_Release(state)

"""Work off the GUI thread: the one place that starts, cancels and ends background threads.

Two kinds, both made here and nowhere else:

- `JobThread`: a Python thread that runs the newest job submitted; a job queued behind the running one
  is replaced by a newer one, unstarted. Each job carries its own cancel flag (`Job`). `LatestJobRunner`
  adds Qt signals for a job's result, its error and its progress. Predictions, the Inside, Matrices
  and Evaluation jobs, data imports and the multi-label comparison run on these.
- `WorkerThread`: a QThread for a long-lived QObject worker that gets its work as queued slot calls
  (`moveToThread`): training, the playground, experiments. It holds one Python thread state from its
  start to its end (`keep_python_state`: without it torch 2.11 crashed).

Either sets its thread up before its first work (`prepare_thread`): torch's thread count for that
thread only, denormals flushed in threads that train (core/denormals.py), a lower priority; so making
a panel loads no torch. Every one is registered: `shutdown_all` ends what is left when the app exits,
and `running_threads` lets tests check that nothing is.

A thread's signals are emitted from that thread through `JobThread.emit`; a receiver gone with its
window ends the thread quietly instead of raising there.
"""

from __future__ import annotations

import ctypes
import functools
import os
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QThread, Signal

__all__ = ["Job", "JobThread", "LatestJobRunner", "WorkerThread", "keep_python_state", "prepare_thread",
           "running_threads", "shutdown_all", "use_torch_threads"]


class _Background(Protocol):
    name: str

    @property
    def running(self) -> bool: ...

    def close(self) -> None: ...

    def join(self, timeout: float) -> bool: ...


_registry: weakref.WeakSet[_Background] = weakref.WeakSet()
_registry_lock = threading.Lock()


def _register(thing: _Background) -> None:
    with _registry_lock:
        _registry.add(thing)


def running_threads() -> list[str]:
    """The names of the background threads still running (tests: none after a window has closed)."""
    with _registry_lock:
        things = list(_registry)
    return sorted(thing.name for thing in things if thing.running)


def shut_down(things: Iterable[_Background], timeout: float) -> bool:
    """Ask every one to stop first, then wait for all within `timeout` seconds together. True when all ended."""
    things = list(things)
    for thing in things:
        thing.close()
    deadline = time.monotonic() + timeout
    ended = True
    for thing in things:
        ended = thing.join(max(0.0, deadline - time.monotonic())) and ended
    return ended


def shutdown_all(timeout: float = 5.0) -> bool:
    """End every background thread (the app, when it exits): running jobs are cancelled, none starts again."""
    with _registry_lock:
        things = list(_registry)
    return shut_down(things, timeout)


# ----- setting a thread up -------------------------------------------------------------------------

# Held while a thread's set-up reads or briefly changes torch's process-wide default thread count.
_DEFAULT_THREADS_LOCK = threading.Lock()


def prepare_thread(*, torch_threads: int | None = None, flush_denormals: bool = False, niceness: int = 0) -> bool:
    """Set up the calling thread before its first torch work; returns whether its priority was lowered.

    `niceness` goes first: PyTorch's OpenMP helpers inherit it when they start (Linux only, where a
    thread id names one thread for setpriority). Denormals are flushed before the first parallel
    operation for the same reason (core/denormals.py). `torch_threads` changes this thread's count
    only (`use_torch_threads`).
    """
    lowered = False
    if niceness and hasattr(os, "setpriority") and sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), niceness)
            lowered = True
        except OSError:
            pass
    if flush_denormals:
        from playground.core.training.denormals import flush_denormals as flush

        flush()
    if torch_threads:
        import torch

        use_torch_threads(torch, torch_threads)
    elif "torch" in sys.modules:
        # Take this thread's count from the default now, not while another thread's set-up has it changed.
        with _DEFAULT_THREADS_LOCK:
            sys.modules["torch"].get_num_threads()
    return lowered


def use_torch_threads(torch: Any, count: int) -> None:
    """This thread runs torch on `count` cores, without changing any other thread's setting.

    `torch.set_num_threads` sets the calling thread's OpenMP thread count *and* a process-wide
    default that every thread which has not run torch yet adopts on its first parallel call —
    e.g. a training thread that is still loading its data would train on one core. So the
    default is put back at once, from a short-lived helper thread whose own count is moot.
    """
    with _DEFAULT_THREADS_LOCK:  # no other thread's set-up reads the default while it is changed here
        inherited = torch.get_num_threads()  # initialises this thread from the process-wide default
        if count == inherited:
            return
        torch.set_num_threads(count)
        restore = threading.Thread(target=torch.set_num_threads, args=(inherited,), name="torch-threads-restore")
        restore.start()
        restore.join()


# ----- jobs on a Python thread ---------------------------------------------------------------------

class Job:
    """One submitted piece of work and its cancel flag. `cancel()` only raises the flag: the work still
    runs when its turn comes and sees `cancelled()`, so its owner gets an answer (`JobThread.cancel`
    drops a queued job instead)."""

    __slots__ = ("work", "_cancel")

    def __init__(self, work: Callable[[], Any]):
        self.work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class JobThread:
    """A Python thread running the newest job submitted: only the running job and one queued job exist.

    The thread starts at once and waits for jobs until `shutdown`, or with `idle_exit` it starts with a
    job and ends whenever nothing is queued (a one-off job, or work done rarely). Its set-up runs before
    its first job, so a thread that is never given one loads no torch. A job that raises is handed to
    `on_error` (in this thread) and the thread goes on.
    """

    def __init__(self, name: str, *, torch_threads: int | None = None, flush_denormals: bool = False,
                 niceness: int = 0, idle_exit: bool = False, on_error: Callable[[Exception], Any] | None = None):
        self.name = name
        self._setup = functools.partial(prepare_thread, torch_threads=torch_threads, flush_denormals=flush_denormals,
                                        niceness=niceness)
        self._idle_exit = idle_exit
        self._on_error = on_error
        self._cond = threading.Condition()
        self._queued: Job | None = None
        self._current: Job | None = None
        self._closed = False
        self._looping = False  # a thread is in (or about to enter) the loop
        self._thread: threading.Thread | None = None  # the latest one, kept after it ended (its ident)
        _register(self)
        if not idle_exit:
            with self._cond:
                self._start_loop()

    def submit(self, work: Callable[[], Any]) -> Job:
        """Queue `work()` in place of any job still queued (that one is dropped, its flag raised); after
        `shutdown` nothing runs (the job comes back cancelled)."""
        job = Job(work)
        with self._cond:
            if self._closed:
                job.cancel()
                return job
            if self._queued is not None:
                self._queued.cancel()
            self._queued = job
            self._start_loop()
            self._cond.notify_all()
        return job

    def _start_loop(self) -> None:  # under self._cond
        if not self._looping:
            self._looping = True
            self._thread = threading.Thread(target=self._loop, name=self.name, daemon=True)
            self._thread.start()

    def cancel(self) -> None:
        """Drop the queued job and ask the running one to stop (it checks `cancelled()`)."""
        with self._cond:
            for job in (self._queued, self._current):
                if job is not None:
                    job.cancel()
            self._queued = None

    def cancelled(self) -> bool:
        """For the running job, in its thread: its flag is raised or the thread is closing."""
        job = self._current
        return self._closed or job is None or job.cancelled()

    def emit(self, signal: Any, *args: Any) -> bool:
        """Emit a signal from this thread. False, and the thread closes, when the QObject behind it is gone
        (its window was deleted): nobody is left to answer."""
        try:
            signal.emit(*args)
            return True
        except RuntimeError:
            self.close()
            return False

    @property
    def busy(self) -> bool:
        """A job is running or queued."""
        with self._cond:
            return self._current is not None or self._queued is not None

    @property
    def running(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive()

    @property
    def ident(self) -> int | None:
        """The id of the thread that ran the latest job (also once it has ended); None before any job."""
        thread = self._thread
        return None if thread is None else thread.ident

    def close(self) -> None:
        """No job starts from now on; the running one is asked to stop. Does not wait."""
        with self._cond:
            self._closed = True
            for job in (self._queued, self._current):
                if job is not None:
                    job.cancel()
            self._queued = None
            self._cond.notify_all()

    def join(self, timeout: float) -> bool:
        thread = self._thread
        if thread is None or thread is threading.current_thread():
            return True
        thread.join(timeout)
        return not thread.is_alive()

    def shutdown(self, timeout: float = 5.0) -> bool:
        """Close and wait up to `timeout` seconds for the running job; True when the thread has ended."""
        return shut_down([self], timeout)

    def _next(self) -> Job | None:
        with self._cond:
            while self._queued is None and not (self._closed or self._idle_exit):
                self._cond.wait()
            job, self._queued = (None, None) if self._closed else (self._queued, None)
            self._current = job
            if job is None:
                self._looping = False
            return job

    def _loop(self) -> None:
        prepared = False  # per thread: an idle_exit runner sets up each thread it starts
        while (job := self._next()) is not None:
            try:
                if not prepared:
                    self._setup()
                    prepared = True
                job.work()
            except Exception as exc:  # noqa: BLE001 — reported, and the thread serves the next job
                if self._on_error is None:
                    traceback.print_exception(exc)
                else:
                    self._on_error(exc)
            finally:
                with self._cond:
                    self._current = None


class LatestJobRunner(QObject):
    """A `JobThread` whose jobs answer through signals: `submit(job)` runs `job(runner)` there; its return
    value comes back by `result`, an exception's message by `error`, `report_progress` by `progress`.
    The signals are emitted in the job thread and, the runner living in the GUI thread, arrive queued.
    Torch runs on one core there by default: the jobs are small, and the training thread keeps the rest.
    """

    result = Signal(object)
    error = Signal(str)
    progress = Signal(float)

    def __init__(self, name: str, parent: QObject | None = None, *, torch_threads: int | None = 1,
                 flush_denormals: bool = False, idle_exit: bool = False):
        super().__init__(parent)
        self.jobs = JobThread(name, torch_threads=torch_threads, flush_denormals=flush_denormals,
                              idle_exit=idle_exit, on_error=self._failed)
        self._progress = -1

    def submit(self, job: Callable[[LatestJobRunner], Any]) -> Job:
        return self.jobs.submit(lambda: self._run(job))

    def cancel(self) -> None:
        """Drop the queued job and ask the running one to stop (jobs check `cancelled()`)."""
        self.jobs.cancel()

    def cancelled(self) -> bool:
        return self.jobs.cancelled()

    def report_progress(self, fraction: float) -> None:
        """From the job: `fraction` (0..1) done. Sent rounded to a thousandth, the finest step a progress bar
        shows, and only when that changes: a job reporting every batch does not flood the GUI's event queue."""
        step = round(fraction * 1000)
        if step != self._progress:
            self._progress = step
            self.jobs.emit(self.progress, step / 1000)

    @property
    def busy(self) -> bool:
        return self.jobs.busy

    def shutdown(self, timeout: float = 5.0) -> bool:
        return self.jobs.shutdown(timeout)

    def _run(self, job: Callable[[LatestJobRunner], Any]) -> None:
        self._progress = -1
        self.jobs.emit(self.result, job(self))

    def _failed(self, exc: Exception) -> None:
        self.jobs.emit(self.error, f"{type(exc).__name__}: {exc}")


# ----- a QThread for a long-lived worker -----------------------------------------------------------

# One Python thread state for a QThread's whole life. PySide runs every queued slot of a QThread between
# PyGILState_Ensure and PyGILState_Release. When nothing else holds the thread's Python state, Release
# deletes it, so each slot call runs on a brand-new PyThreadState (and loses its `threading.local`
# values). Native code that remembers the thread's state between calls then uses a deleted one. torch
# 2.11's bindings do, through pybind11's gil_scoped_acquire: the first tensor operation of a training run
# deadlocked with torch 2.11 and Python 3.11, and aborted with "double free or corruption" with torch 2.11
# and Python 3.12 (on an H200 machine). One PyGILState_Ensure held from the thread's start to its end
# keeps a single state.
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
    if _api is not None:  # (connected only then)
        _held[threading.get_ident()] = _api.PyGILState_Ensure()


def _release() -> None:
    state = _held.pop(threading.get_ident(), None)
    if state is not None and _api is not None:
        _api.PyGILState_Release(state)


class WorkerThread:
    """The QThread of a QObject worker: `start(worker)` moves the worker there; its slots then run there.

    The thread keeps one Python thread state for its whole life and is set up (`prepare_thread`) as it
    starts, before any slot runs.
    """

    def __init__(self, name: str, *, torch_threads: int | None = None, flush_denormals: bool = False,
                 niceness: int = 0):
        self.name = name
        self._setup = functools.partial(prepare_thread, torch_threads=torch_threads, flush_denormals=flush_denormals,
                                        niceness=niceness)
        self._needs_setup = bool(torch_threads or flush_denormals or niceness)
        self._thread: QThread | None = None
        self.lowered = False  # whether the thread's priority was lowered (set as it starts)
        _register(self)

    def start(self, worker: QObject) -> None:
        if self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName(self.name)
        keep_python_state(thread)  # first: the setup below already runs on the kept state
        if self._needs_setup:
            thread.started.connect(self._prepare, Qt.ConnectionType.DirectConnection)
        worker.moveToThread(thread)
        self._thread = thread
        thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def close(self) -> None:
        """The thread ends when the slot it is running returns. Does not wait."""
        if self._thread is not None:
            self._thread.quit()

    def join(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds; past that, wait on: a batch cannot be interrupted, and destroying a
        running QThread would abort the process. True when it ended in time."""
        thread = self._thread
        if thread is None:
            return True
        ended = thread.wait(max(0, round(timeout * 1000)))
        if not ended:
            thread.wait()
        self._thread = None
        return ended

    def shutdown(self, timeout: float = 2.0) -> bool:
        return shut_down([self], timeout)

    def _prepare(self) -> None:
        try:
            self.lowered = self._setup()
        except Exception:  # noqa: BLE001 — torch cannot be imported: the worker's own first use says so to the user
            pass

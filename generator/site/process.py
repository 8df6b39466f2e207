"""Stages in child processes: a stage of a province build holds hundreds of MB that a
process gives back only when it exits."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

from generator.core.lifeline import cores, exit_with_parent


class BuildError(Exception):
    """A build that must stop; ``lines`` are printed for the user (no traceback)."""

    def __init__(self, message: str, lines: list[str] | None = None):
        super().__init__(message)
        self.lines = lines or []

    def __reduce__(self):  # raised in a stage's child process, rebuilt here with its lines
        return type(self), (str(self), self.lines)


class ChildTraceback(Exception):
    """Where a child process' exception came from (its traceback as text)."""


def die_with_parent(parent: int) -> None:
    """Linux: this process is killed when ``parent`` dies, however it dies, so that a build
    killed with SIGKILL leaves no stage behind that goes on writing into the build folder.
    Only for a process started by the parent's main thread: the kernel sends the signal
    when the *thread* that forked it ends (pool workers use exit_with_parent)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # died before that took effect
        os._exit(1)


def _child(conn, fn, args, parent: int) -> None:
    die_with_parent(parent)
    try:
        conn.send(("ok", fn(*args, lambda *message: conn.send(message))))
    except BaseException as e:
        import traceback

        where = traceback.format_exc()
        try:
            conn.send(("error", e, where))
        except Exception:  # does not pickle
            conn.send(("error", RuntimeError(f"{type(e).__name__}: {e}"), where))
    finally:
        conn.close()


def in_child(fn, *args, progress=None):
    """``fn(*args, report)`` run in a new process; returns its result or raises its
    exception here. ``report("stage", name, total)`` and ``report("advance")`` drive
    ``progress``. Why: a stage of a province build holds hundreds of MB (the checked data,
    MkDocs' pages) that a process gives back only when it exits; run here, the next stage
    (and Pagefind) would start on top of them. "spawn": a fresh interpreter inherits no
    lock of this process' threads (the progress bar), and the stage's workers fork from it."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args, os.getpid()))
    proc.start()
    send.close()
    finished = False
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                proc.join()
                raise BuildError(
                    f"Proses {fn.__name__.strip('_')} berhenti tanpa hasil (kode keluar {proc.exitcode}); mungkin memori habis."
                ) from None
            if message[0] == "ok":
                finished = True
                return message[1]
            if message[0] == "error":
                finished = True
                raise message[1] from ChildTraceback(message[2])
            if progress is not None:
                getattr(progress, message[0])(*message[1:])
    finally:
        receive.close()
        if not finished:  # interrupted here (Ctrl+C): stop the stage now, not when it is done
            proc.terminate()
        proc.join(10)
        if proc.is_alive():
            proc.kill()
            proc.join()


# --------------------------------------------------------------------------- jobs side by side


MIN_PARALLEL = 2  # fewer jobs: a process pool costs more than it saves
_JOB_FN: Callable | None = None  # set in the parent, inherited by fork


def _job_in_worker(key):
    assert _JOB_FN is not None
    return _JOB_FN(*key)


def each_in_fork(render, todo: list[tuple[str, str]], workers: int | None):
    """(key, render(*key)) of every agency in ``todo``, in order. Agencies are independent,
    so they render in forked processes that inherit the checked data and the site index
    (nothing to re-read or pickle on the way in; only the job's result comes back).

    Every worker renders one agency and exits (``maxtasksperchild``): a worker's memory
    is what its one agency touched of the inherited data plus what it made, given back
    after each agency instead of adding up. The collector is frozen meanwhile, so that
    it does not write to (and so copy) every inherited object in every worker."""
    global _JOB_FN
    if workers is None:
        workers = cores() if len(todo) >= MIN_PARALLEL else 1
    workers = min(workers, len(todo))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for key in todo:
            yield key, render(*key)
        return
    _JOB_FN = render
    gc.collect()
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(
            workers, maxtasksperchild=1, initializer=exit_with_parent, initargs=(os.getpid(),)
        ) as pool:
            yield from zip(todo, pool.imap(_job_in_worker, todo))
    finally:
        _JOB_FN = None
        gc.unfreeze()

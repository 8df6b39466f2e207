"""Many documents made on every core (`kinerja dokumen`, a part of a CI matrix above all):
forked worker processes fill the document cache side by side.

The workers inherit the checked data and the list of documents (nothing to re-read or
pickle on the way in); each takes small contiguous slices of the list in turn, so that
they end together, and sends back only its counts. A slice ends where a position's
documents end: its quarterly reports and agreement share most of their text, which Typst
then lays out once (pdf.py: the memoized layout is reused between documents). Each worker
compiles through its own Typst helper process (pdf.py: one per process, started on first
use, never in a process that forks afterwards: here only the workers compile), ended and
waited for when the worker ends. The cache takes concurrent writers (make.Maker._put: a temporary file, then
a rename).

A worker ends within a tenth of a second of the process that started it, however that
one ends, so that a killed job leaves nothing behind that goes on writing into the cache.
(core/lifeline.py, as for the build's agency jobs.)
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
from collections.abc import Callable
from multiprocessing import util

from generator.check.revision import DataCommits
from generator.core.lifeline import cores, exit_with_parent
from generator.documents import pdf
from generator.documents.make import Commit, Dokumen, Maker

MIN_PER_WORKER = 8  # fewer documents per worker: starting its Typst helper costs more than it saves
MAX_SLICE = 8  # documents a worker takes at a time

_JOB: tuple[Maker, list[Dokumen], str, Commit, dt.date] | None = None  # set before forking, inherited


def _start_worker(parent: int) -> None:
    """Each worker: ends with its parent; its Typst helper is closed when it ends normally."""
    exit_with_parent(parent)
    util.Finalize(None, pdf.close_helper, exitpriority=10)  # run when the worker ends normally


def _slice(bounds: tuple[int, int]) -> tuple[int, int, list[str], list[str], float, int | None]:
    assert _JOB is not None
    template, docs, tampilan, commit, on = _JOB
    maker = Maker(template.cache, _salt=template.salt())
    maker.fill(docs[bounds[0] : bounds[1]], tampilan, commit, on)
    return maker.made, maker.reused, maker.remade, maker.keys, maker.cpu, pdf.helper_pid()


def _slices(docs: list[Dokumen], step: int) -> list[tuple[int, int]]:
    """(start, end) of slices of at least ``step`` documents (the last may be shorter),
    each ending at the end of a position's documents (all_documents lists them together)."""
    slices, start = [], 0
    for i in range(1, len(docs) + 1):
        if i == len(docs) or (i - start >= step and docs[i].position is not docs[i - 1].position):
            slices.append((start, i))
            start = i
    return slices


def fill(
    maker: Maker,
    docs: list[Dokumen],
    tampilan: str,
    commit: Commit,
    on: dt.date,
    workers: int | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> int:
    """``maker.fill`` on ``workers`` cores (default: all of them, at most one per
    MIN_PER_WORKER documents); ``maker``'s counts, keys and CPU seconds (the workers' and
    their helpers') are added up as if it had made them all itself. Returns how many
    Typst helpers the workers started: one per worker that made a document (0 when all
    came from the cache, or when this process made them itself). ``meanwhile`` is called
    in this process once the workers run (after they forked), else after the documents."""
    global _JOB
    workers = min(cores() if workers is None else workers, len(docs) // MIN_PER_WORKER)
    if workers <= 1 or maker.cache is None or "fork" not in multiprocessing.get_all_start_methods():
        maker.fill(docs, tampilan, commit, on)
        if meanwhile is not None:
            meanwhile()
        return 0
    maker.salt()  # computed once, here: the workers inherit it
    if isinstance(commit, DataCommits):
        commit.load()  # one git log, here, not one per worker
    slices = _slices(docs, max(1, min(MAX_SLICE, len(docs) // (4 * workers))))
    _JOB = (maker, docs, tampilan, commit, on)
    helpers: set[int | None] = set()
    gc.collect()
    gc.freeze()  # the workers do not write to (and so copy) every inherited object
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(os.getpid(),))
        try:
            results = pool.imap(_slice, slices)
            if meanwhile is not None:  # this process is idle while the workers make the documents
                meanwhile()
            for made, reused, remade, keys, cpu, helper in results:
                helpers.add(helper)
                maker.made += made
                maker.reused += reused
                maker.remade += remade
                maker.keys += keys
                maker.cpu += cpu
            pool.close()
        except BaseException:
            pool.terminate()
            raise
        finally:
            pool.join()
    finally:
        _JOB = None
        gc.unfreeze()
    return len(helpers - {None})

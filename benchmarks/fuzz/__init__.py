"""Fuzzing the generator with mutants of the real data files (issue 14):

    python3 -m benchmarks.fuzz --mutants 10000 --workers 2

Every mutant (benchmarks/fuzz/mutate.py: structured changes of one YAML node, line and
byte changes) replaces one file of data/ in a worker's copy and goes through `check`;
what check accepts also through the JSON of `kinerja compute`; a sample of those through
the pages (render_site), and another sample through the command line in a subprocess
(benchmarks/fuzz/runner.py). Success is no exception anywhere, every diagnostic with a file,
a line and a known code, and never the INTERNAL exit of the command line.

The same seed gives the same mutants. A failing mutant is written to the --out folder,
with the command that runs it again alone (``--only INDEX``, which prints the traceback).
tests/test_fuzz.py runs a few hundred; the full run is this command.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.fuzz.runner import Outcome, Worker, category

__all__ = ["Summary", "fuzz"]


@dataclass
class Summary:
    mutants: int = 0
    accepted: int = 0
    rendered: int = 0
    cli: int = 0
    seconds: float = 0.0
    kinds: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    failures: list[Outcome] = field(default_factory=list)
    slowest: tuple[float, int] = (0.0, -1)

    def add(self, o: Outcome) -> None:
        self.mutants += 1
        self.accepted += o.accepted
        self.rendered += o.rendered
        self.cli += o.cli
        self.kinds.update(o.kinds)
        if len(o.kinds) > 1:
            self.kinds["(stacked)"] += 1
        self.categories[category(Path(o.target))] += 1
        self.slowest = max(self.slowest, (o.seconds, o.index))
        if o.failure:
            self.failures.append(o)

    def lines(self) -> list[str]:
        rejected = self.mutants - self.accepted
        out = [
            f"mutants: {self.mutants} in {self.seconds:.0f} s; accepted by check: {self.accepted}, rejected: {rejected}",
            f"through render_site: {self.rendered}; through the command line: {self.cli}",
            f"slowest mutant: {self.slowest[0]:.1f} s (index {self.slowest[1]})",
            "files: " + ", ".join(f"{k} {v}" for k, v in sorted(self.categories.items())),
            "kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items())),
            f"failures (tracebacks, INTERNAL exits, unlocated diagnostics, timeouts): {len(self.failures)}",
        ]
        return out


_worker: Worker | None = None
_params: tuple[int, int, int] = (0, 50, 200)


def _init(folder: str, trim: bool, timeout: int, params: tuple[int, int, int]) -> None:
    global _worker, _params
    _worker = Worker(Path(tempfile.mkdtemp(prefix=f"w{os.getpid()}-", dir=folder)), trim=trim, timeout=timeout)
    _params = params


def _one(index: int) -> Outcome:
    assert _worker is not None
    seed, render_every, cli_every = _params
    return _worker.run(seed, index, render_every, cli_every)


def fuzz(
    mutants: int,
    seed: int = 1,
    workers: int = 1,
    render_every: int = 50,
    cli_every: int = 200,
    out: Path | None = None,
    trim: bool = True,
    timeout: int = 120,
    first: int = 0,
    progress=None,
) -> Summary:
    """Run mutants ``first`` … ``first + mutants - 1``; render accepted mutants whose index
    is a multiple of ``render_every``, and run the command line on every ``cli_every``-th.
    Failing mutants are written into ``out``."""
    summary = Summary()
    start = time.perf_counter()
    indices = range(first, first + mutants)
    params = (seed, render_every, cli_every)
    with tempfile.TemporaryDirectory(prefix="kinerja-fuzz-") as folder:
        if workers <= 1:
            _init(folder, trim, timeout, params)
            results = map(_one, indices)
            for o in results:
                _record(summary, o, out, seed, progress)
        else:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(workers, _init, (folder, trim, timeout, params)) as pool:
                for o in pool.imap_unordered(_one, indices, chunksize=10):
                    _record(summary, o, out, seed, progress)
    summary.seconds = time.perf_counter() - start
    summary.failures.sort(key=lambda o: o.index)
    return summary


def _record(summary: Summary, o: Outcome, out: Path | None, seed: int, progress) -> None:
    summary.add(o)
    if o.failure and out is not None and o.mutant is not None:
        out.mkdir(parents=True, exist_ok=True)
        (out / f"{o.index}-{Path(o.target).name}").write_bytes(o.mutant)
    if o.failure and progress:
        progress(f"FAILED #{o.index} {o.target} {'+'.join(o.kinds)}: {o.failure.strip().splitlines()[-1]}")
        progress(f"  again: python3 -m benchmarks.fuzz --seed {seed} --only {o.index}")
    if progress and summary.mutants % 500 == 0:
        progress(f"{summary.mutants} mutants, {summary.accepted} accepted, {len(summary.failures)} failures")

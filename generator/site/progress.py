"""Progress display of `kinerja build`: one bar per stage (one line per stage when the
output is not a terminal: a CI log, or a program following the build), and the seconds
of each stage written to build/cache/waktu.json (read by benchmarks/run.py)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from generator.site.integrity import write_atomic


class NoProgress:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self) -> None:
        pass


class Timed:
    """Passes stages on to the progress display and writes the seconds of each stage to
    build/cache/waktu.json (read by benchmarks/run.py: where the time goes)."""

    def __init__(self, inner: Any, path: Path, started: float | None = None):
        self.inner, self.path = inner, path
        self.started = self.last = time.perf_counter() if started is None else started
        self.current: str | None = None
        self.seconds: dict[str, float] = {}

    def stage(self, name: str, total: int | None = None) -> None:
        now = time.perf_counter()
        if self.current:
            self.seconds[self.current] = round(now - self.last, 2)
        self.current, self.last = name, now
        if name == "Selesai":
            import json

            self.seconds["total"] = round(now - self.started, 2)
            write_atomic(self.path, (json.dumps(self.seconds, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        self.inner.stage(name, total)

    def advance(self) -> None:
        self.inner.advance()


class LineProgress:
    """One line per stage, written when the stage begins (the output is not a terminal)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def stage(self, name: str, total: int | None = None) -> None:
        if name != "Selesai":
            print(f"{name} …" if total is None else f"{name} ({total}) …", file=self.stream, flush=True)

    def advance(self) -> None:
        pass


class _RichProgress:
    """One bar per stage; the page stage counts pages."""

    def __init__(self, progress: Any):
        self.progress = progress
        self.task: Any = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            t = self.progress.tasks[self.task]
            self.progress.update(self.task, completed=t.total if t.total is not None else 1, total=t.total or 1)
        if name == "Selesai":
            return
        self.task = self.progress.add_task(name, total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[NoProgress | LineProgress | _RichProgress]:
    if quiet:
        yield NoProgress()
        return
    if not sys.stdout.isatty():
        yield LineProgress(sys.stdout)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=False
    ) as progress:
        yield _RichProgress(progress)

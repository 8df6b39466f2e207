"""The floor of the benchmark and the rule that keeps a ratio to it honest (issue 21).

The floor is a bare `mkdocs build` of the generated docs folder (build/mkdocs.yml). A
machine shared with other work changes speed from minute to minute, so a build is only
compared with a floor measured around it, in the same run:

    floor before → cold build → floor after      (then the warm rebuild)

The floor is the mean of the two. The comparison is refused (the benchmark exits non-zero
after printing and writing its figures) when

- the two floors differ by more than the tolerance (default 25 %: the slower one took more
  than 1.25 × the faster one): the machine's speed changed during the cold build, and no
  single floor describes it; or
- the three were not back to back: another measured run came between them, or more than
  GAP_SECONDS passed between the end of one and the start of the next (anything the
  benchmark itself did there, such as deleting a site or counting files, would be time the
  machine spent on something else).

Every run records its wall time, the CPU seconds of its whole process tree (user + system
time of the reaped children, getrusage RUSAGE_CHILDREN before and after) and the load
averages (1, 5, 15 minutes) just before it started and just after it ended. A process the
build leaves behind (a worker's Typst helper outlives the worker for a moment) would be
reaped by init, its CPU time lost: during a run this process is the "child subreaper" of
its descendants (Linux prctl), so such orphans come back to it and are reaped here, their
CPU time counted.
"""

from __future__ import annotations

import ctypes
import os
import resource
import time

TOLERANCE = 0.25
GAP_SECONDS = 5.0
ORDER = ("floor before", "cold", "floor after")


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


PR_SET_CHILD_SUBREAPER = 36
ORPHAN_WAIT_SECONDS = 30.0


def _subreaper(on: bool) -> bool:
    """Make this process the reaper of its orphaned descendants (Linux); False elsewhere."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _children() -> set[int]:
    """The processes whose parent is this one (zombies included), from /proc."""
    me, out = os.getpid(), set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    if int(f.read().rsplit(b")", 1)[1].split()[1]) == me:
                        out.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return out


def _reap(known: set[int]) -> int:
    """Wait for the children that were not ours before the run (orphans of the measured
    tree, handed to this subreaper); how many did not end within ORPHAN_WAIT_SECONDS."""
    deadline = time.monotonic() + ORPHAN_WAIT_SECONDS
    while True:
        waiting = 0
        for pid in _children() - known:
            try:
                if os.waitpid(pid, os.WNOHANG)[0] == 0:
                    waiting += 1
            except ChildProcessError:
                continue
        if not waiting or time.monotonic() > deadline:
            return waiting
        time.sleep(0.05)


class Meter:
    """Around one run: wall and monotonic clock, CPU of the process tree, load averages."""

    def __enter__(self) -> Meter:
        self.load_before = load_average()
        self.known = _children()
        self.reaping = _subreaper(True)
        self.orphans_left = 0
        self.usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc) -> None:
        """Call once the measured process has been waited for."""
        self.ended = time.perf_counter()
        if self.reaping:
            self.orphans_left = _reap(self.known)
            _subreaper(False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.user = after.ru_utime - self.usage.ru_utime
        self.sys = after.ru_stime - self.usage.ru_stime
        self.load_after = load_average()

    def figures(self) -> dict:
        return {
            "seconds": round(self.ended - self.started, 2),
            "cpu_seconds": round(self.user + self.sys, 2),
            "cpu_user_seconds": round(self.user, 2),
            "cpu_sys_seconds": round(self.sys, 2),
            "load_before": self.load_before,
            "load_after": self.load_after,
            "orphans_not_reaped": self.orphans_left,  # their CPU time is missing from cpu_seconds
            "started": self.started,  # monotonic: only differences mean anything
            "ended": self.ended,
        }


class Runs:
    """Every measured run in the order it ran."""

    def __init__(self) -> None:
        self.runs: list[dict] = []

    def add(self, name: str, run: dict) -> dict:
        self.runs.append({"name": name, **run})
        return run

    def timeline(self) -> list[dict]:
        """For benchmark.json: each run's figures, its start in seconds from the first run."""
        t0 = self.runs[0]["started"] if self.runs else 0.0
        keep = (
            "seconds",
            "cpu_seconds",
            "cpu_user_seconds",
            "cpu_sys_seconds",
            "load_before",
            "load_after",
            "orphans_not_reaped",
        )
        return [{"name": r["name"], "start": round(r["started"] - t0, 2), **{k: r[k] for k in keep}} for r in self.runs]


def check(runs: list[dict], tolerance: float = TOLERANCE, gap: float = GAP_SECONDS) -> dict:
    """The floor of ``runs`` (floor before, cold, floor after among them) and what makes it
    unusable: ``problems`` is empty when the comparison holds."""
    names = [r["name"] for r in runs]
    problems: list[str] = []
    found = [names.index(n) if n in names else -1 for n in ORDER]
    if -1 in found:
        return {"problems": [f"not measured: {', '.join(n for n, i in zip(ORDER, found, strict=True) if i < 0)}"]}
    before, cold, after = (runs[i] for i in found)
    if found != list(range(found[0], found[0] + 3)):
        between = [n for n in names[min(found) : max(found) + 1] if n not in ORDER]
        problems.append(
            "floor, cold build and floor were not back to back"
            + (f": {', '.join(between)} ran between them" if between else f": order {', '.join(names)}")
        )
    gaps = [round(cold["started"] - before["ended"], 2), round(after["started"] - cold["ended"], 2)]
    for where, g in zip(("floor before → cold build", "cold build → floor after"), gaps, strict=True):
        if g > gap:
            problems.append(f"{g:.1f} s passed between {where} (at most {gap:.0f} s)")
    a, b = before["seconds"], after["seconds"]
    spread = max(a, b) / min(a, b) - 1 if min(a, b) > 0 else float("inf")
    if spread > tolerance:
        problems.append(
            f"the two floors differ by {spread:.0%} ({a:.1f} s before, {b:.1f} s after the cold build; "
            f"at most {tolerance:.0%}): the machine's speed changed during the measurement"
        )
    return {
        "before_seconds": a,
        "after_seconds": b,
        "seconds": round((a + b) / 2, 2),
        "cpu_seconds": round((before["cpu_seconds"] + after["cpu_seconds"]) / 2, 2),
        "spread": round(spread, 4),
        "tolerance": tolerance,
        "gaps_seconds": gaps,
        "gap_limit_seconds": gap,
        "back_to_back": not any("back to back" in p or "passed between" in p for p in problems),
        "problems": problems,
    }

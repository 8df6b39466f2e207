"""A synthetic git history for the synthetic province, and the time of the history pass
(generator/history, issue 19):

    python -m benchmarks.history --agencies 5 --positions 20 --commits 200
    python -m benchmarks.run --agencies 40 --positions 70 --history 200

The data folder becomes a repository: one commit with everything, then commits that
each change TW IV realisations of one to three positions (every fifth only reformats a
number, every tenth is a pull request merged with --no-ff). Timed: the first pass with
an empty cache (every commit read), a pass with nothing new (cache), and a pass after one
more commit (incremental).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from benchmarks import synth

_REAL = re.compile(r"^(      [a-z0-9-]+: )([0-9][0-9.]*(?:,[0-9]+)?)$", re.M)


def _git(repo: Path, *args: str, when: int | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org"}
    env.update(GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.org")
    if when is not None:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when} +0700"
    subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=repo, env=env, check=True, capture_output=True)


def _change(path: Path, rnd: random.Random, reformat: bool) -> bool:
    text = path.read_text(encoding="utf-8")
    if "  - triwulan: 4\n" not in text:
        return False
    head, tw4 = text.split("  - triwulan: 4\n", 1)
    found = list(_REAL.finditer(tw4))
    if not found:
        return False
    m = rnd.choice(found)
    value = Decimal(m.group(2).replace(".", "").replace(",", "."))
    if reformat:  # the same number written another way: no entry expected
        new = format(value, "f").rstrip("0").rstrip(".") if "." in format(value, "f") else format(value, "f")
        new = new.replace(".", ",") if m.group(2) != new.replace(".", ",") and "," not in m.group(2) else new
        if new == m.group(2):
            new = m.group(2) + "  # dicek ulang"
    else:
        new = synth.angka(value + Decimal(rnd.randint(1, 9)))
    tw4 = tw4[: m.start(2)] + new + tw4[m.end(2) :]
    path.write_text(head + "  - triwulan: 4\n" + tw4, encoding="utf-8")
    return True


def commit_all(data: Path, message: str) -> None:
    """Commit every change of the data repository on its current branch."""
    _git(data, "commit", "-q", "-a", "-m", message)


def synthetic_history(data: Path, commits: int, seed: int = 7) -> int:
    """Make ``data`` a repository with ``commits`` commits on main (see the module docstring)."""
    rnd = random.Random(seed)
    when = 1767225600  # 1 Jan 2026
    _git(data, "init", "-q", "-b", "main")
    _git(data, "add", "-A")
    _git(data, "commit", "-q", "-m", "Data awal", when=when)
    files = sorted(data.glob(f"*/*/{synth.YEAR}/*.yml"))
    for i in range(1, commits):
        when += 3600 * 7
        pr = i % 10 == 0
        if pr:
            _git(data, "checkout", "-q", "-b", f"koreksi-{i}")
        for path in rnd.sample(files, min(len(files), rnd.randint(1, 3))):
            _change(path, rnd, reformat=i % 5 == 0)
        _git(data, "commit", "-q", "-a", "--allow-empty", "-m", f"Perbarui realisasi ({i})", when=when)
        if pr:
            _git(data, "checkout", "-q", "main")
            _git(
                data,
                "merge",
                "-q",
                "--no-ff",
                "-m",
                f"Merge pull request #{i} from dinas/koreksi-{i}",
                f"koreksi-{i}",
                when=when + 60,
            )
    return commits


def measure(data: Path, cache: Path) -> dict:
    """Seconds of the history pass: cold (empty cache), nothing new, one new commit."""
    from generator.check import check
    from generator.history import read_history
    from generator.history.sitepart import parsed_models

    out: dict = {}
    known = parsed_models(check(data))  # as in the build: files check parsed are not parsed again
    t = time.perf_counter()
    h = read_history(data, cache, known)
    out["history_cold_seconds"] = round(time.perf_counter() - t, 2)
    assert h is not None
    out["history_commits"], out["history_entries"] = h.commits_read, len(h.entries)
    t = time.perf_counter()
    read_history(data, cache, known)
    out["history_nothing_new_seconds"] = round(time.perf_counter() - t, 2)
    files = sorted(data.glob(f"*/*/{synth.YEAR}/*.yml"))
    _change(files[len(files) // 2], random.Random(1), reformat=False)
    _git(data, "commit", "-q", "-a", "-m", "Satu koreksi lagi")
    t = time.perf_counter()
    h = read_history(data, cache, known)
    out["history_one_new_commit_seconds"] = round(time.perf_counter() - t, 2)
    assert h is not None and h.commits_read == 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="time the history pass over a synthetic province with a synthetic history")
    ap.add_argument("--agencies", type=int, default=5)
    ap.add_argument("--positions", type=int, default=20)
    ap.add_argument("--commits", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kinerja-riwayat-bench-") as tmp:
        data = Path(tmp) / "data"
        synth.generate(data, args.agencies, args.positions, args.seed)
        t = time.perf_counter()
        synthetic_history(data, args.commits, args.seed)
        made = round(time.perf_counter() - t, 1)
        figures = {"agencies": args.agencies, "positions": args.positions, "commits": args.commits, "git_seconds": made}
        figures.update(measure(data, Path(tmp) / "cache"))
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

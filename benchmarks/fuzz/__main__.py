"""python3 -m benchmarks.fuzz --mutants 10000 --workers 2 (see benchmarks/fuzz/__init__.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.fuzz import fuzz


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m benchmarks.fuzz", description=__doc__)
    p.add_argument("--mutants", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--first", type=int, default=0, help="index of the first mutant")
    p.add_argument("--only", type=int, help="run this one mutant (through every stage) and print its traceback")
    p.add_argument("--render-every", type=int, default=50, help="render accepted mutants whose index is a multiple of this")
    p.add_argument("--cli-every", type=int, default=200, help="run the command line on every n-th mutant")
    p.add_argument("--all-years", action="store_true", help="keep every year file in the worker's copy (slower)")
    p.add_argument("--timeout", type=int, default=120, help="seconds one mutant may take")
    p.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="folder for failing mutants")
    p.add_argument("--json", type=Path, help="write the figures here")
    a = p.parse_args(argv)

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    if a.only is not None:
        s = fuzz(
            1, a.seed, workers=1, render_every=1, cli_every=1, out=a.out, trim=not a.all_years, timeout=a.timeout, first=a.only
        )
        o = s.failures[0] if s.failures else None
        print(f"mutant #{a.only}: {s.categories.most_common(1)[0][0]} file, kinds {dict(s.kinds)}")
        print(o.failure if o else f"no failure ({'accepted' if s.accepted else 'rejected'} by check)")
        if o:
            print(f"mutant written to {a.out / (str(a.only) + '-' + Path(o.target).name)} (replaces data/{o.target})")
        return 1 if o else 0
    s = fuzz(a.mutants, a.seed, a.workers, a.render_every, a.cli_every, a.out, not a.all_years, a.timeout, a.first, say)
    for line in s.lines():
        print(line)
    for o in s.failures:
        print(f"\n#{o.index} data/{o.target} ({'+'.join(o.kinds)}):\n{o.failure}")
        print(f"again: python3 -m benchmarks.fuzz --seed {a.seed} --only {o.index}")
    if a.json:
        figures = {
            "mutants": s.mutants,
            "accepted": s.accepted,
            "rejected": s.mutants - s.accepted,
            "rendered": s.rendered,
            "cli": s.cli,
            "seconds": round(s.seconds, 1),
            "kinds": dict(s.kinds),
            "files": dict(s.categories),
            "failures": [{"index": o.index, "file": o.target, "kinds": o.kinds, "failure": o.failure} for o in s.failures],
        }
        a.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if s.failures else 0


if __name__ == "__main__":
    sys.exit(main())

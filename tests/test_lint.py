"""The tree stays clean: ruff's lint rules and mypy, as configured in pyproject.toml (mypy
strict for core, model, load, compute, validate and check). Run by the README's test
command and so by .ci/run; `make lint` runs the same tools directly.

`ruff format` is configured but not yet enforced: formatting the tree as it is would
take four modules over the 400-line limit (validate/rules.py to ~800 lines), so those
are split first (issue 13's closing note)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing():
    done = _run("ruff", "check", "--no-cache", "generator", "tests", "benchmarks")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean():
    done = _run("mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout

"""The tree stays clean: ruff's lint rules and mypy, as configured in pyproject.toml (mypy
strict for core, model, load, compute, validate and check). Run by the README's test
command and so by .ci/run; `make lint` runs the same tools directly.

`ruff format --check` keeps one layout for the whole tree (line length 130, as
configured), so a diff shows changes of meaning, never of style."""

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


def test_tree_is_formatted():
    done = _run("ruff", "format", "--check", "--no-cache", "generator", "tests", "benchmarks")
    assert done.returncode == 0, "run `make format`:\n" + done.stdout + done.stderr


def test_mypy_is_clean():
    done = _run("mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout


def test_no_module_of_the_generator_is_over_400_lines():
    """The design rule: every module of the package reads in one sitting."""
    long = {
        p.relative_to(ROOT).as_posix(): n
        for p in (ROOT / "generator").rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}

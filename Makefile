# Tasks for developers. The README's two commands need none of this; CI runs .ci/run.
PY ?= python3

.PHONY: help install test test-fast test-site test-browser lint format bench site serve

help:
	@echo "make install      editable install with the test and dev tools"
	@echo "make test         the whole suite, as CI runs it"
	@echo "make test-fast    unit tests only: no site build, no browser (under a minute)"
	@echo "make test-site    tests that build sites; make test-browser: headless Chromium"
	@echo "make lint         ruff check, mypy, import-linter (as the suite runs them)"
	@echo "make format       ruff's safe fixes and ruff format (the suite checks both)"
	@echo "make bench        benchmark at 5 agencies x 20 positions (see benchmarks/run.py)"
	@echo "make site         kinerja build; make serve: kinerja serve"

install:
	$(PY) -m pip install -e ".[dev]"

test:
	$(PY) -m pytest -n auto --dist loadgroup

# PYTHONDONTWRITEBYTECODE= : pytest keeps its rewritten test modules (and Python its compiled
# modules) only where bytecode may be written; some machines switch that off, and every run
# would then compile the whole tree again in each worker (~5 s of a run).
test-fast:
	PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -m "unit and not slow" -q -n auto

test-site:
	$(PY) -m pytest -m site -q

test-browser:
	$(PY) -m pytest -m browser -q

lint:
	$(PY) -m ruff check generator tests benchmarks
	$(PY) -m ruff format --check generator tests benchmarks
	$(PY) -m mypy
	lint-imports

format:
	$(PY) -m ruff check --fix generator tests benchmarks
	$(PY) -m ruff format generator tests benchmarks

bench:
	$(PY) -m benchmarks.run --agencies 5 --positions 20

site:
	kinerja build

serve:
	kinerja serve

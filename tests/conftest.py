"""Shared fixtures and markers for the whole suite.

Markers (pyproject.toml): every test is exactly one of ``unit`` (fast: no site build, no
browser; `make test-fast`), ``site`` (builds a site, or runs MkDocs, Pagefind, the
benchmark or LibreOffice), ``browser`` (headless Chromium) or ``lint`` (tools over the
tree). They come from the fixtures a test uses and from SITE_MODULES below, so a new test
that uses ``bundled_site`` or ``browser`` is marked without anyone remembering to.
``slow`` is set by hand on the few unit tests that sweep the whole bundled data: `make test`
and CI run them, `make test-fast` leaves them out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import system_deps
from site_fixtures import browser, bundled_site  # noqa: F401  (fixtures shared by every module)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DATA = ROOT / "data"

# Modules whose tests build sites (MkDocs), run Pagefind, LibreOffice, the benchmark or make
# the official documents
# without going through the bundled_site fixture.
SITE_MODULES = {
    "test_history",  # builds the scripted repository's site once (module fixture)
    "test_search_incremental",  # builds the minimal data three times (warm and clean)
    "test_nasional",  # builds three small regional sites and the national portal
    "test_site_build",
    "test_site_opendata",
    "test_site_perbandingan",
    "test_site_ppid",
    "test_sitebuild",
    "test_sitebuild_parity",
    "test_cache",
    "test_build_integrity",
    "test_render_escape",
    "test_render_formula",
    "test_benchmark",
    "test_search",
    "test_libreoffice",
    "test_spreadsheet_libreoffice",
    "test_csv_safety",
    "test_readme",
    "test_seo",
    "test_arsip_site",
    "test_documents",  # makes and reads back all 166 bundled documents with Typst (~50 s)
    "test_documents_cli",
}
LINT_MODULES = {"test_lint", "test_architecture"}


@pytest.fixture
def minimal_data(tmp_path: Path) -> Path:
    """A fresh copy of the small valid dataset, safe to modify."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


def marker_of(item: pytest.Item) -> str:
    fixtures = set(getattr(item, "fixturenames", ()))
    module = item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""
    if "browser" in fixtures:
        return "browser"
    if module in LINT_MODULES:
        return "lint"
    if "bundled_site" in fixtures or module in SITE_MODULES:
        return "site"
    return "unit"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(getattr(pytest.mark, marker_of(item)))
        item.add_marker(pytest.mark.xdist_group(_group(item)))


def _group(item: pytest.Item) -> str:
    """With `-n auto --dist loadgroup` (the README's command) tests of one group run in one
    worker: every test of the bundled site together (it is built once, not once per worker),
    and the tests of a module with a module-scoped fixture (a site or 166 documents made
    once for the module); any other test on its own."""
    if "bundled_site" in getattr(item, "fixturenames", ()):
        return "bundled-site"
    info = getattr(item, "_fixtureinfo", None)
    defs = [d for ds in (info.name2fixturedefs.values() if info else ()) for d in ds]
    if any(d.scope == "module" for d in defs):
        return item.nodeid.split("::")[0]
    return item.nodeid


def pytest_collection_finish(session: pytest.Session) -> None:
    """Install what the selected tests need from the system (a fresh Debian machine needs
    nothing but the README's test command)."""
    kinds = {marker_of(item) for item in session.items}
    need = [p for kind in kinds for p in system_deps.NEEDED_BY.get(kind, [])]
    if need:
        system_deps.ensure(need)

"""Issue 5 on the real build: every download format of a budget-holding position and of a
staff position, read from the built site/, carries the engine's figures; every API index
link resolves inside site/."""

from __future__ import annotations

from pathlib import Path

import pytest

import test_opendata as od
from site_fixtures import bundled_site  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def site_files(bundled_site) -> tuple[Path, dict[str, bytes]]:
    root = bundled_site.site
    files = {p.relative_to(root).as_posix(): p.read_bytes() for sub in ("unduh", "api") for p in (root / sub).rglob("*") if p.is_file()}
    assert files, "the build produced no downloads"
    return root, files


@pytest.fixture(scope="module")
def result():
    return od.check(od.DATA)


@pytest.fixture(autouse=True)
def built_commit(monkeypatch):
    """The real build stamps the repository's HEAD, not the fixed commit of test_opendata."""
    from generator.build import git_commit

    monkeypatch.setattr(od, "COMMIT", git_commit(od.ROOT))
    monkeypatch.setattr(od, "SITE", "")  # mkdocs.yml sets no site_url: citations are site-relative


def test_budget_position_downloads_in_site(result, site_files):
    root, files = site_files
    od.test_budget_position_every_format_matches_engine(result, root, files)


def test_staff_position_downloads_in_site(result, site_files):
    root, files = site_files
    od.test_staff_position_without_budget_every_format(result, root, files)


def test_api_links_resolve_in_site(result, site_files):
    root, files = site_files
    od.test_every_api_link_resolves(result, root, files)


def test_datapackage_in_site_validates(site_files):
    root, files = site_files
    od.test_datapackage_validates_with_frictionless(root, files)

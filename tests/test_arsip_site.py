"""Frozen period archives in a built site (generator/history/arsip.py), on a real git
repository with a scripted history: data committed, built; the commit tagged
``terbit/2025-tw4``, built again; a correction committed after the tag, built again; and
the tagged commit built on its own (a git worktree) to compare with the archive."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_arsip import AGENCY, POSITIONS, REGION, correct, git, make_repo

from generator.core import addresses
from generator.site.build import build_site

ROOT = Path(__file__).resolve().parent.parent
SLUG = "2025-tw4"
REPORT = addresses.api_report(REGION, AGENCY, "kepala-dinas", 2025, 4)
LINK = "lihat versi saat terbit"


@dataclass
class Story:
    own_build: Path  # the first commit built before it was tagged: a build of the tagged commit of its own
    tagged: Path  # the same commit once tagged: the archive is made
    corrected: Path  # after a correction: the archive is reused
    cache: Path  # build/cache/arsip/<commit>/<periode>
    made: dict[str, tuple[int, int]]  # cached file → (inode, mtime_ns) after the build that made it
    first: str
    second: str


def _build(data: Path, work: Path, name: str) -> Path:
    """One build into its own output folder; one build folder (cache, memo) for all."""
    build_site(data, work / name, build_dir=work / "build", config=ROOT / "mkdocs.yml")
    return work / name


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _page(site: Path, position: str = "kepala-dinas") -> str:
    return html.unescape((site / REGION / AGENCY / "jabatan" / position / "index.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Story:
    """Three builds of one repository with one build folder, as a site's CI would make."""
    tmp = tmp_path_factory.mktemp("arsip")
    repo, data, first = make_repo(tmp / "repo")
    work = tmp / "work"
    own = _build(data, work, "site-1")  # HEAD is the commit about to be tagged
    git(repo, "tag", "-a", "terbit/2025-tw4", "-m", "TW IV 2025 terbit", first)
    tagged = _build(data, work, "site-2")  # same data, same commit: only the tag is new
    cache = work / "build" / "cache" / "arsip" / first / SLUG
    made = _stats(cache)
    second = correct(repo, data)
    corrected = _build(data, work, "site-3")
    return Story(own, tagged, corrected, cache, made, first, second)


def test_archive_equals_a_build_of_the_tagged_commit_byte_for_byte(story):
    archive = story.corrected / "arsip" / SLUG
    archived = {rel: data for rel, data in _files(archive).items() if rel not in ("index.html", "sha256sums.txt")}
    assert REPORT in archived
    assert any(rel.startswith("unduh/") and rel.endswith(".csv") for rel in archived)
    assert all(rel.startswith(("api/v1/", "unduh/")) and rel.endswith((".json", ".csv")) for rel in archived)
    for rel, data in archived.items():  # the build of the tagged commit, made before any archive existed
        assert (story.own_build / rel).read_bytes() == data, rel
    # every report of the period and its position's files; no report of another period
    own_reports = {r.relative_to(story.own_build).as_posix() for r in (story.own_build / "api/v1/laporan").rglob("*.json")}
    assert own_reports == {addresses.api_report(REGION, AGENCY, p, 2025, 4) for p in POSITIONS}
    assert own_reports <= set(archived)
    for p in POSITIONS:
        assert addresses.download_links("jabatan", REGION, AGENCY, p)["csv"] in archived
        assert addresses.api_position(REGION, AGENCY, p) in archived
    assert {addresses.api_index(), addresses.JABATAN_CSV, addresses.api_agency(REGION, AGENCY)} <= set(archived)
    # sha256sums.txt lists each file with the digest of its bytes (`sha256sum -c` checks a download)
    lines = (archive / "sha256sums.txt").read_text(encoding="utf-8").splitlines()
    sums = {rel: digest for digest, rel in (line.split("  ", 1) for line in lines)}
    assert sums == {rel: hashlib.sha256(data).hexdigest() for rel, data in archived.items()}


def test_the_correction_is_on_the_site_not_in_the_archive(story):
    current = (story.corrected / REPORT).read_text(encoding="utf-8")
    archived = (story.corrected / "arsip" / SLUG / REPORT).read_text(encoding="utf-8")
    assert '"realisasi": 96.14' in current and '"realisasi": 95.14' not in current
    assert '"realisasi": 95.14' in archived and '"realisasi": 96.14' not in archived
    assert story.second in current and story.first in archived and story.second not in archived  # each cites its commit


def test_a_later_build_reuses_the_archive_unchanged(story):
    assert story.made and "manifest.json" in story.made  # stored in the build folder's cache
    assert _stats(story.cache) == story.made  # not made again: same files, inodes and times
    before = _files(story.tagged / "arsip" / SLUG)
    after = _files(story.corrected / "arsip" / SLUG)
    data_files = {rel for rel in before if rel != "index.html"}
    assert data_files and {rel: before[rel] for rel in data_files} == {rel: after[rel] for rel in data_files}
    assert set(after) == set(before)


def test_position_page_links_the_version_when_published(story):
    assert LINK not in _page(story.own_build)  # no archive yet
    assert LINK in _page(story.tagged)  # same data, same commit: the agency memo saw the new archive
    page = _page(story.corrected)
    assert f'Triwulan IV 2025: <a href="../../../../arsip/{SLUG}/">{LINK}</a>' in page
    assert f'href="../../../../arsip/{SLUG}/{REPORT}"' in page
    assert (story.corrected / "arsip" / SLUG / "index.html").is_file()


def test_archive_pages_say_what_an_archive_is(story):
    index = html.unescape((story.corrected / "arsip" / "index.html").read_text(encoding="utf-8"))
    assert "Triwulan IV 2025" in index and story.first[:12] in index
    assert "koreksinya tampil di halaman situs dan di riwayat perubahan, bukan di arsip" in index
    assert "20 Januari 2026" in index  # the commit's date
    period = html.unescape((story.corrected / "arsip" / SLUG / "index.html").read_text(encoding="utf-8"))
    assert story.first in period and "tag terbit/2025-tw4" in period
    assert REPORT in period and "sha256sums.txt" in period

"""Work only where data changed: an unchanged rebuild rewrites nothing; a changed value
re-renders its chart, its page and its agency's downloads and nothing of the other
agencies; and the incremental build (agency memo, chart and workbook caches, MkDocs dirty
build on a hard-linked copy of the previous site) gives exactly the files a clean build
gives."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import yaml
from site_fixtures import FIXTURES, ROOT, data_repo, git

from generator.site.build import build_site

AGENCY = "kota-contoh/dinas-contoh"
YEAR_FILE = f"{AGENCY}/2025/kepala-dinas.yml"
CHART = f"{AGENCY}/grafik/kepala-dinas-2025-tw4-capaian.svg"
PAGE = f"{AGENCY}/jabatan/kepala-dinas.md"


def _data(tmp: Path) -> Path:
    """The minimal fixture plus a second agency (a copy), so that one agency can change
    while the other must stay untouched."""
    data = tmp / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    other = data / "kota-contoh" / "dinas-lain"
    shutil.copytree(data / AGENCY, other)
    pd = yaml.safe_load((other / "perangkat-daerah.yml").read_text(encoding="utf-8"))
    pd["nama"], pd["singkatan"] = "Dinas Lain", "Dislain"
    (other / "perangkat-daerah.yml").write_text(yaml.safe_dump(pd, allow_unicode=True), encoding="utf-8")
    for f in (other / "jabatan").glob("*.yml"):  # other people: one NIP, one person
        f.write_text(f.read_text(encoding="utf-8").replace('nip: "19', 'nip: "18'), encoding="utf-8")
    y = other / "2025" / "kepala-dinas.yml"
    y.write_text(y.read_text(encoding="utf-8").replace('nip: "19', 'nip: "18'), encoding="utf-8")
    return data


def _build(data: Path, work: Path):
    return build_site(data, work / "site", build_dir=work / "build", config=ROOT / "mkdocs.yml")


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _tree(folder: Path) -> dict[str, bytes]:
    return {k: v for k, (_t, v) in _snapshot(folder).items()}


def test_unchanged_rebuild_rewrites_nothing(tmp_path):
    data = _data(tmp_path)
    _build(data, tmp_path)
    docs, cache = tmp_path / "build" / "docs", tmp_path / "build" / "cache"
    before_docs, before_charts = _snapshot(docs), _snapshot(cache / "grafik")
    before_xlsx = _snapshot(cache / "xlsx")
    assert any(k.endswith(".svg") for k in before_docs) and before_charts and before_xlsx
    assert any(k.startswith("unduh/") for k in before_docs) and any(k.startswith("api/") for k in before_docs)
    _build(data, tmp_path)
    assert _snapshot(docs) == before_docs  # same bytes and same mtimes: nothing rewritten
    assert _snapshot(cache / "grafik") == before_charts  # no chart drawn again
    assert _snapshot(cache / "xlsx") == before_xlsx  # no workbook written again


def test_changed_value_rerenders_its_chart_and_page_only(tmp_path):
    data = _data(tmp_path)
    _build(data, tmp_path)
    docs, cache = tmp_path / "build" / "docs", tmp_path / "build" / "cache"
    before = _snapshot(docs)
    charts_before = set(_snapshot(cache / "grafik"))
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    _build(data, tmp_path)
    after = _snapshot(docs)
    assert after[CHART][1] != before[CHART][1] and after[CHART][0] != before[CHART][0]
    assert after[PAGE][1] != before[PAGE][1]
    assert b"96,14" in after[PAGE][1]
    assert len(set(_snapshot(cache / "grafik")) - charts_before) >= 1  # the new drawing is cached
    # the other agency is untouched: same bytes, same mtimes
    other = {k: v for k, v in before.items() if k.startswith("kota-contoh/dinas-lain/")}
    assert other and all(after[k] == v for k, v in other.items())
    # the built page shows the new value
    html = (tmp_path / "site" / AGENCY / "jabatan" / "kepala-dinas" / "index.html").read_text(encoding="utf-8")
    assert "96,14" in html


def test_incremental_build_equals_a_clean_build(tmp_path):
    data = _data(tmp_path)
    inc = tmp_path / "inc"
    _build(data, inc)
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 97,5"), encoding="utf-8")
    (data / "kota-contoh" / "dinas-lain" / "jabatan" / "kepala-bidang-a.yml").unlink()  # a page goes away
    _build(data, inc)
    clean = tmp_path / "clean"
    _build(data, clean)
    assert _tree(inc / "build" / "docs") == _tree(clean / "build" / "docs")
    site_inc, site_clean = _tree(inc / "site"), _tree(clean / "site")
    assert sorted(site_inc) == sorted(site_clean)
    differ = [k for k in site_inc if site_inc[k] != site_clean[k]]
    assert differ == []
    assert not (inc / "site" / "kota-contoh" / "dinas-lain" / "jabatan" / "kepala-bidang-a" / "index.html").exists()


def _watched(monkeypatch, data: Path, work: Path):
    """render_docs as `kinerja serve` runs it, in this process, so that the agency memo can be
    watched: each call gives (agencies reused, agencies made), the shared downloads counted
    as one more agency."""
    from generator.site import build
    from generator.site.cache import AgencyMemo

    seen: list[tuple[int, int]] = []
    save = AgencyMemo.save
    monkeypatch.setattr(AgencyMemo, "save", lambda memo: seen.append((memo.reused, memo.rendered)) or save(memo))

    def render() -> tuple[int, int]:
        build.render_docs(build.checked(data), ROOT / "mkdocs.yml", work / "build", work / "site", data_dir=data)
        return seen[-1]

    return render


def test_only_what_changed_is_made_again(tmp_path, monkeypatch):
    """An agency, and the downloads that depend on every agency (regions, whole dataset,
    API index, zip), are made again only when their inputs changed."""
    data = _data(tmp_path)
    _build(data, tmp_path)
    render = _watched(monkeypatch, data, tmp_path)
    assert render() == (3, 0)  # two agencies and the shared downloads, all as they were
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    assert render() == (1, 2)  # the other agency as it was; this one and the shared downloads again


def test_a_commit_to_one_agency_makes_only_that_agency_again(tmp_path, monkeypatch):
    """Published from a git repository, each agency's downloads cite the newest commit that
    changed its own data (its folder, its region's files, site.yml), the whole dataset's the
    newest that changed any data: a commit outside the data makes nothing again, and a
    commit to one agency makes that agency and the shared downloads again, never the other
    agency, whose files keep citing the first commit (with HEAD's commit in every file, each
    commit made every agency again)."""
    import json

    from generator.core import addresses

    repo = data_repo(tmp_path, _data(tmp_path / "awal"))
    data, work = repo / "data", tmp_path / "kerja"
    first = git(repo, "rev-parse", "HEAD")
    _build(data, work)
    render = _watched(monkeypatch, data, work)

    def cited(path: str) -> str:
        return json.loads((work / "build" / "docs" / path).read_text(encoding="utf-8"))[
            "commit" if "index" in path else "provenans"
        ]

    (repo / "README.md").write_text("Situs kinerja\n", encoding="utf-8")
    git(repo, "add", "README.md")
    git(repo, "commit", "-qm", "README, not data")
    assert render() == (3, 0)
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    git(repo, "commit", "-qam", "IKM Dinas Contoh")
    second = git(repo, "rev-parse", "HEAD")
    assert render() == (1, 2)  # the other agency as it was; this one and the shared downloads again
    assert cited(addresses.api_agency("kota-contoh", "dinas-contoh"))["commit"] == second
    assert cited(addresses.api_agency("kota-contoh", "dinas-lain"))["commit"] == first
    assert cited(addresses.api_index()) == second


def test_changed_value_changes_that_agencys_downloads_and_the_shared_ones_only(tmp_path):
    """Downloads are made per agency: a changed value rewrites the downloads of its agency
    and those that hold every agency (whole dataset, API index, zip), nothing else."""
    data = _data(tmp_path)
    _build(data, tmp_path)
    docs = tmp_path / "build" / "docs"
    before = _snapshot(docs)
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    _build(data, tmp_path)
    after = _snapshot(docs)
    assert sorted(after) == sorted(before)
    changed = {k for k in after if after[k] != before[k] and k.startswith(("unduh/", "api/"))}
    position = "unduh/kota-contoh/dinas-contoh/jabatan/kota-contoh_dinas-contoh_kepala-dinas"
    shared = {
        "unduh/kinerja.csv",
        "unduh/kinerja_ringkasan.csv",
        "unduh/kinerja.xlsx",
        "unduh/kinerja.zip",
        "api/v1/index.json",
    }  # a region's tables are the whole dataset's files (no files of its own)
    assert {f"{position}.csv", f"{position}.xlsx"} | shared <= changed
    assert not any(k.startswith("unduh/kota-contoh/kota-contoh") for k in after)
    assert all(
        k in shared
        or "/kota-contoh/dinas-contoh/" in k
        or "/kota-contoh_dinas-contoh" in k
        or k.startswith("api/v1/perangkat-daerah/kota-contoh/dinas-contoh.")
        for k in changed
    ), changed
    assert not any("dinas-lain" in k for k in changed)


def _zip_members(data: bytes) -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("dokumen/") and n != "BACA-SAYA.txt"}


def test_agencies_made_side_by_side_equal_one_process(tmp_path):
    """Forked agency jobs (pages, charts and downloads written straight into the docs
    folder; 4 agencies, 2 workers) give exactly the files of one process, and the
    downloads are those open_data_files makes in memory without any cache."""
    from benchmarks import synth
    from generator.check import check
    from generator.opendata import OpenData, open_data_files
    from generator.site.cache import XlsxCache
    from generator.site.compose import render_site
    from generator.site.docs import DocsWriter, sync_tree

    s = synth.generate(tmp_path / "data", 4, 3)
    result = check(s.data)
    trees = {}
    for workers in (1, 2):
        docs = DocsWriter(tmp_path / f"docs{workers}")
        od = OpenData(result, xlsx_many=XlsxCache(tmp_path / f"xlsx{workers}"), files=docs)
        rendered = render_site(result, ROOT / "content", open_data=od, workers=workers, docs=docs)
        sync_tree(rendered.files, docs.root, on_disk=docs)
        trees[workers] = _tree(docs.root)
    assert trees[2] == trees[1]
    downloads = open_data_files(result)
    built = {k: v for k, v in trees[1].items() if k in downloads}
    # kinerja.zip also lists the official documents (dokumen/daftar-dokumen.csv: made by the site
    # stage) and says so in its BACA-SAYA.txt; everything else in it is what open_data_files makes
    assert _zip_members(built.pop("unduh/kinerja.zip")) == _zip_members(downloads["unduh/kinerja.zip"])
    assert built == {k: v for k, v in downloads.items() if k != "unduh/kinerja.zip"}
    again = XlsxCache(tmp_path / "xlsx1")  # every workbook comes from the cache now
    assert open_data_files(result, xlsx_many=again) == downloads
    assert again.misses == 0 and again.hits > 4


def test_cached_loads_give_the_same_check(tmp_path):
    from generator.check import check
    from generator.site.cache import cached_loads

    data = _data(tmp_path)
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 95,14\n      ikm: 95,15"), encoding="utf-8")
    plain = check(data)
    assert plain.diagnostics  # a duplicate key, at least
    for _ in range(2):  # cold cache, then warm
        with cached_loads(tmp_path / "cache") as load:
            cached = check(data, load)
        assert [d.format("id") for d in cached.diagnostics] == [d.format("id") for d in plain.diagnostics]
        assert [r[-1].rata_rata for r in cached.reports] == [r[-1].rata_rata for r in plain.reports]


def test_agencies_rendered_side_by_side_equal_the_serial_pages(tmp_path):
    """Forked render workers produce exactly the files of one process (4 agencies, 2 workers)."""
    from benchmarks import synth
    from generator.check import check
    from generator.site.compose import render_site

    s = synth.generate(tmp_path / "data", 4, 3)
    result = check(s.data)
    serial = render_site(result, ROOT / "content", workers=1).files
    seen: list[str] = []
    parallel = render_site(result, ROOT / "content", seen.append, workers=2).files
    assert parallel == serial
    assert sorted(seen) == sorted(
        p for p in serial if p.endswith(".md") and not p.startswith(("tentang", "cara", "api-", "panduan"))
    )


def _fails(report):
    report("stage", "Satu", 2)
    report("advance")
    raise ValueError("gagal di proses anak")


def _dies(report):
    import os

    os._exit(3)


def test_stages_in_child_processes_report_progress_and_failures():
    """build_site runs check + render and MkDocs in child processes (build.in_child): their
    progress reaches the parent, their exceptions are raised there (with the child's
    traceback chained), and a child that dies is a BuildError, not a hang."""
    import pytest

    from generator.site.process import BuildError, ChildTraceback, in_child

    class Progress:
        def __init__(self):
            self.seen = []

        def stage(self, name, total=None):
            self.seen.append((name, total))

        def advance(self):
            self.seen.append("advance")

    progress = Progress()
    with pytest.raises(ValueError, match="gagal di proses anak") as failed:
        in_child(_fails, progress=progress)
    assert progress.seen == [("Satu", 2), "advance"]
    assert isinstance(failed.value.__cause__, ChildTraceback) and "_fails" in str(failed.value.__cause__)
    with pytest.raises(BuildError, match="kode keluar 3"):
        in_child(_dies)
    assert pickle.loads(pickle.dumps(BuildError("galat", ["baris 1"]))).lines == ["baris 1"]


def test_an_agencys_memo_key_follows_the_history_of_its_own_files():
    """An agency's Status pelaporan page shows when each of its data files first appeared
    (git history): a new file of one agency makes that agency's pages again, not the other's."""
    import datetime as dt

    from generator.site.compose import _history_keys

    figures = {("kota", "dinas-a"): "d1", ("kota", "dinas-b"): "d2"}  # History.digest of each agency
    seen = {
        "kota/dinas-a/2025/kepala.yml": (dt.date(2025, 1, 2), "abc1234"),
        "kota/dinas-b/2025/kepala.yml": (dt.date(2025, 1, 3), "def5678"),
        "site.yml": (dt.date(2025, 1, 1), "0000001"),
    }
    before = _history_keys(figures, seen)
    after = _history_keys(figures, {**seen, "kota/dinas-a/2025/sekretaris.yml": (dt.date(2025, 2, 1), "1234567")})
    assert after[("kota", "dinas-a")] != before[("kota", "dinas-a")]
    assert after[("kota", "dinas-b")] == before[("kota", "dinas-b")]
    assert _history_keys({**figures, ("kota", "dinas-b"): "d3"}, seen)[("kota", "dinas-b")] != before[("kota", "dinas-b")]


def _charts(tmp_path: Path) -> tuple[set[bytes], set[bytes]]:
    """The SVG charts the chart cache holds (unsealed), and those of the docs folder (charts
    and the analysis pages' quadrant charts)."""
    from generator.site.integrity import unseal

    held = {unseal(p.read_bytes()) for p in (tmp_path / "build" / "cache" / "grafik").rglob("*.svg")}
    shown = {p.read_bytes() for p in (tmp_path / "build" / "docs").rglob("*.svg")}
    return held, shown


def test_the_document_and_chart_caches_keep_only_what_the_site_has(tmp_path):
    """A changed value makes that position's documents and charts again; the build then
    removes the cache entries of their earlier versions (before, both caches grew by what
    every build changed, in CI's kept cache too): the document entries are exactly the site's
    documents, the chart entries exactly its charts, and the other agency's entries stay as
    they were (same files, same mtimes)."""
    data = _data(tmp_path)
    _build(data, tmp_path)
    cache = tmp_path / "build" / "cache" / "dokumen"
    held, shown = _charts(tmp_path)
    assert held == shown and len(shown) > 4

    def entries() -> dict[str, tuple[int, bytes]]:
        return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in cache.glob("??/*") if p.suffix in (".pdf", ".docx")}

    def published() -> int:
        return sum(1 for _ in (tmp_path / "site" / "dokumen").rglob("*.pdf"))

    before = entries()
    assert len(before) == 2 * published() > 0
    year = data / YEAR_FILE
    year.write_text(year.read_text(encoding="utf-8").replace("ikm: 95,14", "ikm: 96,14"), encoding="utf-8")
    _build(data, tmp_path)
    after = entries()
    assert len(after) == 2 * published() == len(before)
    gone, new = before.keys() - after.keys(), after.keys() - before.keys()
    assert len(gone) == len(new) > 0  # the changed documents: old entries removed, new ones made
    assert all(after[name] == before[name] for name in after.keys() & before.keys())
    assert not [p for p in cache.rglob("*") if p.is_dir() and not any(p.iterdir())]  # no empty folder left
    held_after, shown_after = _charts(tmp_path)
    assert held_after == shown_after and shown_after != shown  # the changed charts' old versions gone

"""`kinerja dokumen` (issue 18): public copies with masked NIPs, copies for signing with the
full NIP only where asked and never inside the site output, documents made again only
when their content changed (the cache; each names the commit that last changed its own
data, so a commit elsewhere does not change it), and parts of all documents made by a CI
matrix (`--bagian K/N --cache-saja`) that the build then only reads: each part reads,
checks and computes only its own agencies and makes its documents on every core."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from site_fixtures import DATA, FIXTURES, data_repo, git

from benchmarks import floor
from generator.check import check
from generator.check.revision import DataCommits
from generator.cli import main
from generator.documents import keys, parallel, pdf
from generator.documents.commands import parse_part, signing_folder_problem
from generator.documents.common import GENERATOR
from generator.documents.make import Maker, all_documents
from generator.documents.parts import Plan, agency_weights, assign
from generator.render.siteindex import SiteIndex
from generator.site.build import build_site

ROOT = Path(__file__).resolve().parent.parent
LKJ = "kota-pekalongan/dinperinaker/kota-pekalongan_dinperinaker_kepala-dinas_lkj_2025-tw4.pdf"
NIP_FULL = "19690203 199803 2 004"  # the Kepala Dinas's NIP, grouped as the site shows it


def build(data: Path, build_dir: Path, site: Path) -> None:
    build_site(data, site, build_dir=build_dir, config=ROOT / "mkdocs.yml")


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_signing_copies_inside_the_site_are_refused(tmp_path, capsys):
    site = tmp_path / "site"
    code = main(
        [
            "dokumen",
            "--data",
            str(ROOT / "data"),
            "-o",
            str(tmp_path / "pub"),
            "--situs",
            str(site),
            "--build-dir",
            str(tmp_path / "build"),
            "--untuk-tanda-tangan",
            str(site / "ttd"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "di dalam folder situs" in err and "NIP lengkap" in err and "tidak boleh ikut diterbitkan" in err
    assert not (site / "ttd").exists() and not (tmp_path / "pub").exists()  # refused before anything is written
    assert signing_folder_problem(tmp_path / "build" / "docs" / "x", site, tmp_path / "build" / "docs")
    assert signing_folder_problem(tmp_path / "ttd", site, tmp_path / "build" / "docs") is None


def test_public_copy_is_masked_signing_copy_is_full_and_cache_reuses(tmp_path, capsys):
    pub, ttd, build = tmp_path / "pub", tmp_path / "ttd", tmp_path / "build"
    args = ["dokumen", "--data", str(ROOT / "data"), "-o", str(pub), "--build-dir", str(build), "--jabatan", "kepala-dinas"]
    assert main([*args, "--situs", str(tmp_path / "site"), "--untuk-tanda-tangan", str(ttd)]) == 0
    first = capsys.readouterr().out
    public, signing = _text(pub / LKJ), _text(ttd / LKJ)
    assert "NIP. 19690203 ****** * ***" in public and NIP_FULL not in public
    assert f"NIP. {NIP_FULL}" in signing
    assert (pub / LKJ.replace(".pdf", ".docx")).is_file() and (ttd / LKJ.replace(".pdf", ".docx")).is_file()
    made = int(first.split(": ", 1)[1].split(" dibuat")[0])
    assert made == 4  # Pekalongan's LKj TW IV 2025 and PK 2025, the IKI sheets of Probolinggo 2023 and Gresik 2017
    before = (pub / LKJ).read_bytes()
    assert main(args) == 0  # again: every document from the cache, the same bytes
    assert ": 0 dibuat" in capsys.readouterr().out
    assert (pub / LKJ).read_bytes() == before


# --------------------------------------------------------------------------- a CI matrix (--bagian)


def _entries(cache: Path) -> dict[str, int]:
    """The document cache's entry files with their modification times (ns); the lists of
    keys (keys.py) aside."""
    return {
        p.relative_to(cache).as_posix(): p.stat().st_mtime_ns
        for p in cache.rglob("*")
        if p.is_file() and p.relative_to(cache).parts[0] != keys.KEYS_DIR
    }


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _lists(folder: Path) -> dict[str, dict]:
    """The lists of keys under ``folder``: "<stamp>/<name>.json" → its keys."""
    root = folder / keys.KEYS_DIR
    return {p.relative_to(root).as_posix(): json.loads(p.read_text("utf-8"))["kunci"] for p in root.rglob("*.json")}


def two_agencies(root: Path) -> Path:
    """The minimal data with a second agency (a copy of the first): two agencies, three
    documents each (PK 2025, the LKj of TW II and IV)."""
    data = root / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    second = data / "kota-contoh" / "dinas-kedua"
    shutil.copytree(data / "kota-contoh" / "dinas-contoh", second)
    agency = second / "perangkat-daerah.yml"
    agency.write_text(
        agency.read_text(encoding="utf-8").replace(
            "nama: Dinas Contoh\nsingkatan: Discon", "nama: Dinas Kedua\nsingkatan: Disked", 1
        ),
        encoding="utf-8",
    )
    return data


def test_parts_are_whole_agencies_disjoint_and_balanced():
    # longest processing time first, by hand: a 5 → 1; b 4 → 2; c 3 → 2 (7); d 3 → 1 (8); e 1 → 2 (8)
    weights = {"r/a": 5, "r/b": 4, "r/c": 3, "r/d": 3, "r/e": 1}
    assert assign(weights, 2) == [["r/a", "r/d"], ["r/b", "r/c", "r/e"]]
    assert assign(weights, 1) == [sorted(weights)]
    assert assign(weights, 7) == [["r/a"], ["r/b"], ["r/c"], ["r/d"], ["r/e"], [], []]  # more parts than agencies
    assert assign({"r/x": 2, "r/y": 2}, 2) == [["r/x"], ["r/y"]]  # equal weights: in the order of the keys
    for parts in range(1, 9):
        chosen = assign(weights, parts)
        assert sorted(k for keys in chosen for k in keys) == sorted(weights)  # each agency exactly once
        loads = [sum(weights[k] for k in keys) for keys in chosen]
        assert max(loads) - min(loads) <= max(weights.values())
    # the bundled data: one entry per agency folder, weighing the bytes of its year files
    found = agency_weights(DATA)
    year_files = [p for p in DATA.glob("*/*/*/*.yml") if p.parent.name not in ("jabatan", "ppid")]
    expected: dict[str, int] = {}
    for p in year_files:
        key = f"{p.parts[-4]}/{p.parts[-3]}"
        expected[key] = expected.get(key, 0) + p.stat().st_size
    full = check(DATA).dataset
    assert full is not None and set(found) == {a.key for a in full.agencies()} and found == expected
    assert parse_part("2/4") == (2, 4) and parse_part(" 1/1 ") == (1, 1)
    for bad in ("0/4", "5/4", "x", "3", "1/0", "-1/2", "1/2/3", "", "1.5/3"):
        assert parse_part(bad) is None, bad


def test_bad_part_or_cache_options_are_refused_clearly(tmp_path, capsys):
    build = tmp_path / "build"
    base = ["dokumen", "--data", str(ROOT / "data"), "--build-dir", str(build), "-o", str(tmp_path / "pub")]
    for bad in ("0/4", "5/4", "x"):
        assert main([*base, "--bagian", bad]) == 2, bad
        err = capsys.readouterr().err
        assert f'--bagian "{bad}" tidak dapat dipakai' in err and "misalnya --bagian 2/4" in err, err
        assert "Traceback" not in err
    assert main([*base, "--cache-saja", "--tanpa-cache"]) == 2
    assert "tidak dapat digabung dengan --tanpa-cache" in capsys.readouterr().err
    assert main([*base, "--salin-cache", str(build / "cache" / "x")]) == 2
    assert "di dalam cache build" in capsys.readouterr().err
    assert not build.exists() and not (tmp_path / "pub").exists()  # refused before any work


def test_a_matrix_of_parts_fills_the_cache_the_build_then_makes_nothing(tmp_path, capsys):
    """Three parts `--bagian k/3 --cache-saja` in a real git repository of the data (the
    commit is in every document and its cache key), then `kinerja build` with that build
    folder: it makes no document, leaves the entries as they were, and its documents are
    byte-identical to those of a build from empty caches."""
    from generator.documents.site import LEDGER, ledger_totals

    repo = data_repo(tmp_path, two_agencies(tmp_path / "src"))
    data, parts_build, copy = repo / "data", tmp_path / "parts", tmp_path / "bagian-dokumen"
    cache = parts_build / "cache" / "dokumen"
    new_per_part, counts = [], []
    for k in (1, 2, 3):
        before = _entries(cache) if cache.exists() else {}
        argv = ["dokumen", "--data", str(data), "--build-dir", str(parts_build), "-o", str(tmp_path / "pub")]
        argv += ["--bagian", f"{k}/3", "--cache-saja"] + (["--salin-cache", str(copy)] if k == 2 else [])
        assert main(argv) == 0
        out = capsys.readouterr().out
        line = next(ln for ln in out.splitlines() if ln.startswith(f"Bagian {k}/3 ("))
        m = re.fullmatch(
            r"Bagian \d/3 \((\d) dari 2 perangkat daerah\): (\d+) dokumen \(PDF dan DOCX\) di cache .*: "
            r"(\d+) dibuat, (\d+) dari cache\.",
            line,
        )
        assert m, line
        agencies, size, made, reused = map(int, m.groups())
        counts.append((agencies, size))
        assert (made, reused) == (size, 0)  # from empty caches, no part repeats another's document
        new = set(_entries(cache)) - set(before)
        assert len(new) == 2 * size  # a PDF and a DOCX entry per document
        new_per_part.append(new)
        if k == 2:  # --salin-cache: exactly this part's entries, sealed as in the cache, and its list of keys
            copied = _files(copy)
            assert {p: b for p, b in copied.items() if not p.startswith(keys.KEYS_DIR)} == {
                p: (cache / p).read_bytes() for p in new
            }
            assert _lists(copy) == {n: ks for n, ks in _lists(cache).items() if n.endswith("/bagian-2-dari-3.json")}
    assert not (tmp_path / "pub").exists()  # --cache-saja writes no public copies
    assert counts == [(1, 3), (1, 3), (0, 0)]  # an agency each (PK 2025, LKj TW II and IV); nothing left for the third
    assert not (new_per_part[0] & new_per_part[1]) and not new_per_part[2]
    total = 6

    entries = _entries(cache)
    build(data, parts_build, tmp_path / "site-parts")
    ledger = ledger_totals(parts_build / "cache" / LEDGER)
    assert ledger is not None and (ledger["made"], ledger["reused"], ledger["listed"]) == (0, total, total)
    assert _entries(cache) == entries  # not one entry written again

    build(data, tmp_path / "fresh", tmp_path / "site-fresh")
    fresh = ledger_totals(tmp_path / "fresh" / "cache" / LEDGER)
    assert fresh is not None and (fresh["made"], fresh["reused"], fresh["listed"]) == (total, 0, 0)
    assert set(_entries(tmp_path / "fresh" / "cache" / "dokumen")) == set(entries)  # the same cache keys
    ours, theirs = _files(tmp_path / "site-parts" / "dokumen"), _files(tmp_path / "site-fresh" / "dokumen")
    assert len(ours) == 2 * total and ours == theirs
    pdf = next(blob for name, blob in sorted(ours.items()) if name.endswith(".pdf"))
    subject = pypdf.PdfReader(io.BytesIO(pdf)).metadata.subject  # the data commit is in every document
    assert git(repo, "rev-parse", "HEAD") in subject


def test_the_build_takes_the_keys_the_parts_listed_on_the_same_inputs_only(tmp_path, capsys):
    """Each part lists the cache key of each of its documents under the stamp of its inputs
    (keys.py); the build on the same inputs takes those keys and computes no document's
    content. Once any byte of the data changed (a comment: no content changes), it takes
    none of them, computes every content again (finding the same entries) and removes them."""
    from generator.documents.site import LEDGER, ledger_totals

    repo = data_repo(tmp_path, two_agencies(tmp_path / "src"))
    data, parts_build = repo / "data", tmp_path / "parts"
    cache = parts_build / "cache" / "dokumen"
    for k in (1, 2):
        argv = ["dokumen", "--data", str(data), "--build-dir", str(parts_build), "--bagian", f"{k}/2", "--cache-saja"]
        assert main(argv) == 0
    capsys.readouterr()
    lists = _lists(cache)
    assert sorted(name.split("/")[1] for name in lists) == ["bagian-1-dari-2.json", "bagian-2-dari-2.json"]
    assert len({name.split("/")[0] for name in lists}) == 1  # one stamp: the same inputs
    listed = {path: key for part in lists.values() for path, key in part.items()}
    result = check(data)
    assert result.dataset is not None
    docs = list(all_documents(SiteIndex.build(result.dataset, result.reports)))
    assert sorted(listed) == sorted(d.path("pdf") for d in docs) and len(docs) == 6
    assert {f"{key[:2]}/{key}.pdf" for key in listed.values()} == {p for p in _entries(cache) if p.endswith(".pdf")}

    build(data, parts_build, tmp_path / "site")
    totals = ledger_totals(parts_build / "cache" / LEDGER)
    assert totals is not None and (totals["made"], totals["reused"], totals["listed"]) == (0, 6, 6)
    assert _lists(cache) == lists

    site_file = data / "site.yml"
    site_file.write_text(site_file.read_text(encoding="utf-8") + "# catatan\n", encoding="utf-8")
    build(data, parts_build, tmp_path / "site-2")
    totals = ledger_totals(parts_build / "cache" / LEDGER)
    assert totals is not None and (totals["made"], totals["reused"], totals["listed"]) == (0, 6, 0)  # every content computed
    assert _lists(cache) == {}  # lists of other inputs: removed
    assert _files(tmp_path / "site" / "dokumen") == _files(tmp_path / "site-2" / "dokumen")


# --------------------------------------------------------------------------- a part checks only its agencies


GRESIK = "kabupaten-gresik/disnaker"


def _json(docs, ix) -> list[str]:
    """Each document's content as the cache keys it (pdf.as_json)."""
    return [pdf.as_json(d.content(ix.tampilan_nip, None, ix.data_per)) for d in docs]


def test_a_part_reads_checks_and_computes_only_its_own_agencies():
    """Plan.of takes whole agencies from the folder's listing, before any file is read; the
    partial check reads no file of another agency's folder, computes exactly the reports
    the full check computes for its agencies, and gives their documents the same content.
    Together the parts hold every document exactly once."""
    from generator.validate.assemble import read_file

    full = check(DATA)
    assert full.errors == [] and full.dataset is not None
    ix = SiteIndex.build(full.dataset, full.reports)
    every = {d.path("pdf"): j for d, j in zip(all_documents(ix), _json(all_documents(ix), ix), strict=True)}
    keys = {a.key for a in full.dataset.agencies()}
    assert len(keys) == 3 and len(every) > 30
    for parts in (1, 2, 3, 5):
        seen: dict[str, str] = {}
        for k in range(1, parts + 1):
            plan = Plan.of(DATA, k, parts)
            read: list[Path] = []

            def load(path, root, model, out, read=read):
                read.append(path)
                return read_file(path, root, model, out)

            part = check(DATA, load, agencies=plan.agencies)
            assert part.errors == [] and part.dataset is not None
            assert {a.key for a in part.dataset.agencies()} == set(plan.agencies)
            others = keys - set(plan.agencies)
            assert not [p for p in read if "/".join(p.relative_to(DATA).parts[:2]) in others]  # not one of their files read
            computed = [(a.key, y.doc.rel, res.triwulan) for a, _p, y, _lap, res in part.reports]
            assert computed == [
                (a.key, y.doc.rel, res.triwulan) for a, _p, y, _lap, res in full.reports if a.key in plan.agencies
            ]
            part_ix = SiteIndex.build(part.dataset, part.reports)
            docs = list(all_documents(part_ix))
            assert not set(seen) & {d.path("pdf") for d in docs}
            seen.update(zip((d.path("pdf") for d in docs), _json(docs, part_ix), strict=True))
        assert seen == every  # every document once, with the content of the full check


def test_a_part_refuses_errors_of_its_own_agencies_and_of_shared_files_only(tmp_path, capsys):
    """An error in one agency's file stops the parts that make that agency's documents,
    with the error listed; the other parts go on (the build, which checks everything,
    still refuses the data). An error in site.yml stops every part."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    plans = [Plan.of(data, k, 3) for k in (1, 2, 3)]  # the bundled data: one agency each
    broken = data / GRESIK / "jabatan" / "bendahara.yml"
    text = broken.read_text(encoding="utf-8")
    assert "atasan: kasubbag-keuangan\n" in text
    broken.write_text(text.replace("atasan: kasubbag-keuangan\n", "atasan: jabatan-yang-tidak-ada\n"), encoding="utf-8")
    whole = check(data).errors
    assert [(Path(d.path).resolve(), d.severity) for d in whole] == [(broken.resolve(), "error")]
    args = ["dokumen", "--data", str(data), "--cache-saja"]
    outcomes = []
    for k, plan in enumerate(plans, 1):
        code = main([*args, "--bagian", f"{k}/3", "--build-dir", str(tmp_path / f"build-{k}")])
        out, err = capsys.readouterr()
        outcomes.append(code)
        if GRESIK in plan.agencies:
            assert code == 1 and "Traceback" not in err, err
            assert "bendahara.yml" in err and "jabatan-yang-tidak-ada" in err
            assert "1 galat di perangkat daerah bagian ini atau di berkas yang dipakai semua bagian" in err
            assert not (tmp_path / f"build-{k}" / "cache").exists()  # nothing made
        else:
            assert code == 0, err
            assert re.search(rf"Bagian {k}/3 \(1 dari 3 perangkat daerah\): \d+ dokumen", out), out
    assert sorted(outcomes) == [0, 0, 1]
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("data_per: 2026-01-31", "data_per: kemarin"), encoding="utf-8")
    for k in (1, 2, 3):
        assert main([*args, "--bagian", f"{k}/3", "--build-dir", str(tmp_path / "build-site")]) == 1
        assert "site.yml" in capsys.readouterr().err
    assert not (tmp_path / "build-site").exists()


# --------------------------------------------------------------------------- on every core


@pytest.fixture(scope="module")
def bundled_ix() -> SiteIndex:
    full = check(DATA)
    assert full.dataset is not None
    return SiteIndex.build(full.dataset, full.reports)


@pytest.fixture
def temporary(tmp_path, monkeypatch) -> Iterator[Path]:
    """TMPDIR of this test and of the Typst helpers it starts (where pdf._workdir makes
    their compiling folders). A helper an earlier test left running in this process (its
    folder in that test's TMPDIR) is ended first, so this test's helpers are its own."""
    pdf.close_helper()
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder
    pdf.close_helper()


def _entries_bytes(cache: Path) -> dict[str, bytes]:
    return {p.relative_to(cache).as_posix(): p.read_bytes() for p in cache.rglob("*") if p.is_file()}


def test_workers_make_the_same_entries_each_through_one_helper_and_leave_none_behind(tmp_path, temporary, bundled_ix):
    """parallel.fill with two workers: the same sealed cache entries as one process makes,
    the counts, keys and CPU seconds added up, one Typst helper per worker (not per slice)
    and every helper ended and waited for by its worker: none is left to be reaped by
    anyone else (this process is made their subreaper while it runs), and none left its
    compiling folder (pdf._workdir) in the temporary folder."""
    ix = bundled_ix
    docs = list(all_documents(ix))[:32]
    args = (ix.tampilan_nip, None, ix.data_per)

    alone = Maker(tmp_path / "alone")
    alone.fill(docs, *args)  # here, through this process' own helper
    pdf.close_helper()

    assert floor._subreaper(True)
    try:
        known = floor._children()
        two = Maker(tmp_path / "two")
        helpers = parallel.fill(two, docs, *args, workers=2)
        left = floor._children() - known
    finally:
        floor._subreaper(False)
    assert left == set()  # no orphaned helper came back to this process
    assert helpers == 2
    assert list(temporary.iterdir()) == []
    assert (two.made, two.reused) == (32, 0) and sorted(two.keys) == sorted(alone.keys) and two.cpu > 0
    assert sorted(two.remade) == sorted(alone.remade)
    assert _entries_bytes(tmp_path / "two") == _entries_bytes(tmp_path / "alone")

    again = Maker(tmp_path / "two")
    assert parallel.fill(again, docs, *args, workers=2) == 0  # all from the cache: no helper started
    assert (again.made, again.reused) == (0, 32)


def test_a_helper_ended_by_sigterm_removes_its_compiling_folder(temporary, bundled_ix):
    """A Typst helper stopped with SIGTERM (a cancelled job) exits as on end of input: its
    folder of templates and data.json (pdf._workdir) does not stay in the temporary folder."""
    ix = bundled_ix
    Maker(None).fill(list(all_documents(ix))[:1], ix.tampilan_nip, None, ix.data_per)
    helper = pdf._process()
    try:
        assert [p.name for p in temporary.iterdir()][0].startswith("kinerja-typst-")
        helper.terminate()
        assert helper.wait(timeout=30) == 128 + 15
    finally:
        pdf.close_helper()
    assert list(temporary.iterdir()) == []


def test_the_folder_of_a_killed_helper_is_removed_by_the_next_one(temporary, bundled_ix):
    """SIGKILL (or the kernel out of memory) gives a helper no chance to remove its folder:
    the next helper removes the folder of every helper whose process is gone, and leaves
    those of live processes (here, one named after this test's own process)."""
    ix = bundled_ix
    one = list(all_documents(ix))[:1]
    Maker(None).fill(one, ix.tampilan_nip, None, ix.data_per)
    killed = pdf._process()
    (left,) = list(temporary.iterdir())
    killed.kill()
    killed.wait(timeout=30)
    pdf.close_helper()
    assert left.is_dir()  # nothing could remove it
    live = temporary / f"{pdf.PREFIX}{os.getpid()}-lain"
    live.mkdir()
    Maker(None).fill(one, ix.tampilan_nip, None, ix.data_per)  # a new helper
    names = {p.name for p in temporary.iterdir()}
    assert left.name not in names and live.name in names and len(names) == 2
    pdf.close_helper()
    assert [p.name for p in temporary.iterdir()] == [live.name]


def test_a_slice_ends_where_a_positions_documents_end(bundled_ix):
    """Each worker takes whole positions (their reports share most of their layout, which
    the helper then reuses): slices cover the list in order, each of at least ``step``
    documents but the last, and no position is split between two; with a step of one, a
    slice is exactly one position's documents."""
    docs = list(all_documents(bundled_ix))
    for step in (1, 3, 8):
        slices = parallel._slices(docs, step)
        assert [i for s in slices for i in range(*s)] == list(range(len(docs)))
        assert all(end - start >= step for start, end in slices[:-1])
        for start, end in slices[1:]:
            assert docs[start].position is not docs[start - 1].position
    by_position = parallel._slices(docs, 1)
    assert all(len({id(d.position) for d in docs[start:end]}) == 1 for start, end in by_position)
    assert len(by_position) == len({id(d.position) for d in docs}) < len(docs)


def test_parts_made_on_every_core_are_the_documents_of_the_build(bundled_site, tmp_path, capsys, monkeypatch):
    """Two parts of the bundled data, each with a partial check and two workers, give
    byte for byte the documents the site build published."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    pub = tmp_path / "pub"
    for k in (1, 2):
        argv = ["dokumen", "--data", str(DATA), "-o", str(pub), "--build-dir", str(tmp_path / f"build-{k}"), "--bagian", f"{k}/2"]
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert re.search(r"pemeriksaan data \d+,\d detik, dokumen \d+,\d detik\.", out), out
    ours, built = _files(pub), _files(bundled_site.site / "dokumen")
    assert len(ours) > 60 and ours == built


def test_an_empty_part_checks_no_agency_and_makes_nothing(tmp_path, capsys):
    """More parts than agencies (the workflow allows it): a part with no agency reads none,
    makes nothing and copies nothing, and succeeds."""
    data = FIXTURES / "minimal"
    argv = ["dokumen", "--data", str(data), "--cache-saja", "--build-dir", str(tmp_path / "build")]
    assert main([*argv, "--bagian", "2/5", "--salin-cache", str(tmp_path / "bagian")]) == 0
    out = capsys.readouterr().out
    assert "Bagian 2/5 (0 dari 1 perangkat daerah): 0 dokumen (PDF dan DOCX)" in out and ": 0 dibuat, 0 dari cache." in out
    assert "0 entri cache bagian ini disalin" in out
    assert not (tmp_path / "bagian").exists() and not (tmp_path / "build" / "cache" / "dokumen").exists()
    assert Plan.of(data, 1, 5).agencies == ["kota-contoh/dinas-contoh"] and Plan.of(data, 2, 5).agencies == []


# --------------------------------------------------------------------------- each document's own commit


def _subjects(folder: Path) -> dict[str, str]:
    """Each public PDF's subject (where the data commit is written), by its agency folder."""
    out: dict[str, str] = {}
    for p in sorted(folder.rglob("*.pdf")):
        subject = pypdf.PdfReader(p).metadata.subject
        agency = p.relative_to(folder).parts[1]
        assert out.setdefault(agency, subject) == subject, p  # one agency's documents: one commit here
    return out


def test_each_document_names_the_commit_that_last_changed_its_own_data(tmp_path, capsys):
    """In a real repository: a commit that changes one agency's report re-makes that
    agency's documents only; the others keep the commit they were made from, and so their
    cache entries. A merge counts on the published branch (first parent): the merge commit,
    at which the files are as they are now."""
    repo = data_repo(tmp_path, two_agencies(tmp_path / "src"))
    data = repo / "data"
    argv = ["dokumen", "--data", str(data), "--build-dir", str(tmp_path / "build"), "-o", str(tmp_path / "pub")]

    def run() -> tuple[int, int]:
        assert main(argv) == 0
        m = re.search(r": (\d+) dibuat, (\d+) dari cache\.", capsys.readouterr().out)
        assert m
        return int(m.group(1)), int(m.group(2))

    first = git(repo, "rev-parse", "HEAD")
    assert run() == (6, 0)
    assert _subjects(tmp_path / "pub") == {
        a: f"Dibuat oleh {GENERATOR} dari data commit {first}" for a in ("dinas-contoh", "dinas-kedua")
    }

    report = data / "kota-contoh" / "dinas-kedua" / "2025" / "kepala-dinas.yml"
    text = report.read_text(encoding="utf-8")
    assert text.count("realisasi: 946.700.000}") == 2
    report.write_text(text.replace("realisasi: 946.700.000}", "realisasi: 946.800.000}"), encoding="utf-8")
    (repo / "CATATAN.md").write_text("bukan data\n", encoding="utf-8")  # outside data/: no document reads it
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "realisasi anggaran dinas kedua")
    second = git(repo, "rev-parse", "HEAD")
    assert run() == (3, 3)  # that position's (its year file changed: all three name the new commit), not the other agency's
    subjects = _subjects(tmp_path / "pub")
    assert first in subjects["dinas-contoh"] and second not in subjects["dinas-contoh"]

    git(repo, "checkout", "-qb", "usulan")
    other = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("realisasi: 946.700.000}", "realisasi: 946.900.000}"), encoding="utf-8"
    )
    git(repo, "commit", "-qam", "usulan dinas contoh")
    git(repo, "checkout", "-q", "-")
    git(repo, "merge", "-q", "--no-ff", "-m", "gabung usulan", "usulan")
    merge = git(repo, "rev-parse", "HEAD")
    commits = DataCommits(data)
    year = lambda agency: data / "kota-contoh" / agency / "2025" / "kepala-dinas.yml"  # noqa: E731
    assert commits.of([year("dinas-contoh")]) == merge  # not the branch's own commit
    assert commits.of([year("dinas-kedua")]) == second
    assert commits.of([data / "kota-contoh" / "dinas-kedua" / "jabatan"]) == first  # a folder: its newest file
    assert DataCommits(tmp_path / "src").of([]) is None  # no repository: no commit, as before

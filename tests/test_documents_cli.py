"""`kinerja dokumen` (issue 18): public copies with masked NIPs, copies for signing with the
full NIP only where asked and never inside the site output, documents made again only
when their content changed (the cache), and parts of all documents made by a CI matrix
(`--bagian K/N --cache-saja`) that the build then only reads: each part checks and
computes only its own agencies and makes its documents on every core."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pypdf
from site_fixtures import DATA, FIXTURES, data_repo, git

from benchmarks import floor
from generator.check import check
from generator.cli import main
from generator.documents import parallel, pdf
from generator.documents.commands import parse_part, signing_folder_problem
from generator.documents.make import Maker, all_documents
from generator.documents.parts import Plan, part_of
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
    """The document cache's entry files with their modification times (ns)."""
    return {p.relative_to(cache).as_posix(): p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_parts_are_contiguous_disjoint_and_balanced():
    for total in (0, 1, 3, 7, 166):
        docs = list(range(total))
        for parts in range(1, 9):
            slices = [part_of(docs, k, parts) for k in range(1, parts + 1)]
            assert [d for s in slices for d in s] == docs  # each document exactly once, in order
            assert max(map(len, slices)) - min(map(len, slices)) <= 1, (total, parts)
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

    repo = data_repo(tmp_path, FIXTURES / "minimal")
    data, parts_build, copy = repo / "data", tmp_path / "parts", tmp_path / "bagian-dokumen"
    cache = parts_build / "cache" / "dokumen"
    new_per_part, counts = [], []
    for k in (1, 2, 3):
        before = _entries(cache) if cache.exists() else {}
        argv = ["dokumen", "--data", str(data), "--build-dir", str(parts_build), "-o", str(tmp_path / "pub")]
        argv += ["--bagian", f"{k}/3", "--cache-saja"] + (["--salin-cache", str(copy)] if k == 2 else [])
        assert main(argv) == 0
        out = capsys.readouterr().out
        line = next(ln for ln in out.splitlines() if ln.startswith(f"Bagian {k}/3 dari "))
        m = re.fullmatch(
            r"Bagian \d/3 dari (\d+) dokumen: (\d+) dokumen \(PDF dan DOCX\) di cache .*: (\d+) dibuat, (\d+) dari cache\.", line
        )
        assert m, line
        total, size, made, reused = map(int, m.groups())
        counts.append(size)
        assert (made, reused) == (size, 0)  # from empty caches, no part repeats another's document
        new = set(_entries(cache)) - set(before)
        assert len(new) == 2 * size  # a PDF and a DOCX entry per document
        new_per_part.append(new)
        if k == 2:  # --salin-cache: exactly this part's entries, sealed as in the cache
            assert _files(copy) == {p: (cache / p).read_bytes() for p in new}
    assert not (tmp_path / "pub").exists()  # --cache-saja writes no public copies
    assert total == 3 and counts == [1, 1, 1]  # the minimal data: PK 2025 and the LKj of TW II and IV
    assert not (new_per_part[0] & new_per_part[1]) and not (new_per_part[1] & new_per_part[2])

    entries = _entries(cache)
    build(data, parts_build, tmp_path / "site-parts")
    ledger = ledger_totals(parts_build / "cache" / LEDGER)
    assert ledger is not None and (ledger["made"], ledger["reused"]) == (0, total)
    assert _entries(cache) == entries  # not one entry written again

    build(data, tmp_path / "fresh", tmp_path / "site-fresh")
    fresh = ledger_totals(tmp_path / "fresh" / "cache" / LEDGER)
    assert fresh is not None and (fresh["made"], fresh["reused"]) == (total, 0)
    assert set(_entries(tmp_path / "fresh" / "cache" / "dokumen")) == set(entries)  # the same cache keys
    ours, theirs = _files(tmp_path / "site-parts" / "dokumen"), _files(tmp_path / "site-fresh" / "dokumen")
    assert len(ours) == 2 * total and ours == theirs
    pdf = next(blob for name, blob in sorted(ours.items()) if name.endswith(".pdf"))
    subject = pypdf.PdfReader(io.BytesIO(pdf)).metadata.subject  # the data commit is in every document
    assert git(repo, "rev-parse", "HEAD") in subject


# --------------------------------------------------------------------------- a part checks only its agencies


GRESIK = "kabupaten-gresik/disnaker"


def _json(docs, ix) -> list[str]:
    """Each document's content as the cache keys it (pdf.as_json)."""
    return [pdf.as_json(d.content(ix.tampilan_nip, None, ix.data_per)) for d in docs]


def test_a_part_knows_its_documents_before_computing_and_computes_only_their_agencies():
    """Plan.of cuts the parts from the data as read, before anything is computed: each part
    is exactly the slice that part_of cuts from every document after the full check, and
    the partial check computes only the agencies of its documents, with the same content."""
    full = check(DATA)
    assert full.errors == [] and full.dataset is not None
    ix = SiteIndex.build(full.dataset, full.reports)
    every = list(all_documents(ix))
    keys = {a.key for a in full.dataset.agencies()}
    assert len(keys) == 3 and len(every) > 30
    for parts in (1, 2, 3, 5, 8):
        for k in range(1, parts + 1):
            plan = Plan.of(full.dataset, k, parts)
            assert plan.total == len(every)
            assert [d.path("pdf") for d in plan.documents(ix)] == [d.path("pdf") for d in part_of(every, k, parts)]
    touched = set()
    for k in (1, 2, 3):
        plan = Plan.of(full.dataset, k, 3)
        part = check(DATA, agencies=plan.agencies)
        assert part.errors == []
        assert plan.agencies() != keys
        computed = [(a.key, y.doc.rel, res.triwulan) for a, _p, y, _lap, res in part.reports]
        assert computed == [(a.key, y.doc.rel, res.triwulan) for a, _p, y, _lap, res in full.reports if a.key in plan.agencies()]
        part_ix = SiteIndex.build(part.dataset, part.reports)
        assert _json(plan.documents(part_ix), part_ix) == _json(part_of(every, k, 3), ix)
        touched |= plan.agencies()
    assert touched == keys
    # with --jabatan, the parts are cut from that position's documents only
    plan = Plan.of(full.dataset, 2, 2, ["kepala-dinas"])
    chosen = [d for d in every if d.position.id == "kepala-dinas"]
    assert [d.path("pdf") for d in plan.documents(ix, ["kepala-dinas"])] == [d.path("pdf") for d in part_of(chosen, 2, 2)]


def test_a_part_refuses_errors_of_its_own_agencies_and_of_shared_files_only(tmp_path, capsys):
    """An error in one agency's file stops the parts that make that agency's documents,
    with the error listed; the other parts go on (the build, which checks everything,
    still refuses the data). An error in site.yml stops every part."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    clean = check(data).dataset
    assert clean is not None
    plans = [Plan.of(clean, k, 3) for k in (1, 2, 3)]
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
        if GRESIK in plan.agencies():
            assert code == 1 and "Traceback" not in err, err
            assert "bendahara.yml" in err and "jabatan-yang-tidak-ada" in err
            assert "1 galat di perangkat daerah bagian ini atau di berkas yang dipakai semua bagian" in err
            assert not (tmp_path / f"build-{k}" / "cache").exists()  # nothing made
        else:
            assert code == 0, err
            assert re.search(rf"Bagian {k}/3 dari {plan.total} dokumen: {plan.end - plan.start} dokumen", out), out
    assert 1 in outcomes and 0 in outcomes
    site = data / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("data_per: 2026-01-31", "data_per: kemarin"), encoding="utf-8")
    for k in (1, 2, 3):
        assert main([*args, "--bagian", f"{k}/3", "--build-dir", str(tmp_path / "build-site")]) == 1
        assert "site.yml" in capsys.readouterr().err
    assert not (tmp_path / "build-site").exists()


# --------------------------------------------------------------------------- on every core


def _entries_bytes(cache: Path) -> dict[str, bytes]:
    return {p.relative_to(cache).as_posix(): p.read_bytes() for p in cache.rglob("*") if p.is_file()}


def test_workers_make_the_same_entries_each_through_one_helper_and_leave_none_behind(tmp_path):
    """parallel.fill with two workers: the same sealed cache entries as one process makes,
    the counts, keys and CPU seconds added up, one Typst helper per worker (not per slice)
    and every helper ended and waited for by its worker: none is left to be reaped by
    anyone else (this process is made their subreaper while it runs)."""
    full = check(DATA)
    assert full.dataset is not None
    ix = SiteIndex.build(full.dataset, full.reports)
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
    assert (two.made, two.reused) == (32, 0) and sorted(two.keys) == sorted(alone.keys) and two.cpu > 0
    assert sorted(two.remade) == sorted(alone.remade)
    assert _entries_bytes(tmp_path / "two") == _entries_bytes(tmp_path / "alone")

    again = Maker(tmp_path / "two")
    assert parallel.fill(again, docs, *args, workers=2) == 0  # all from the cache: no helper started
    assert (again.made, again.reused) == (0, 32)


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
    """More parts than documents (the workflow allows it): a part with no document reads
    the data, checks no agency, makes nothing and copies nothing, and succeeds."""
    data = FIXTURES / "minimal"
    argv = ["dokumen", "--data", str(data), "--cache-saja", "--build-dir", str(tmp_path / "build")]
    assert main([*argv, "--bagian", "1/5", "--salin-cache", str(tmp_path / "bagian")]) == 0
    out = capsys.readouterr().out
    assert "Bagian 1/5 dari 3 dokumen: 0 dokumen (PDF dan DOCX)" in out and ": 0 dibuat, 0 dari cache." in out
    assert "0 entri cache bagian ini disalin" in out
    assert not (tmp_path / "bagian").exists() and not (tmp_path / "build" / "cache" / "dokumen").exists()
    clean = check(data).dataset
    assert clean is not None and Plan.of(clean, 1, 5).agencies() == set()

"""Per-figure history from git (issue 19), on a real temporary repository with a scripted
history built from a small copy of the bundled data (Kepala Dinas, Dinperinaker Kota
Pekalongan, TW IV 2025):

1. 5 Jan 2026  the data arrives; the Nilai SAKIP realisation is not filled in yet
2. 10 Jan      the realisation is filled in (75,45): a first publication, not a change
3. 15 Jan      reformat only: 95,14 written 95.14, a comment, two keys swapped
4. 20 Jan      on a branch: IKM corrected 95,14 → 78; merged 22 Jan with --no-ff as
               "Merge pull request #12 from dinas/koreksi-ikm"

Expected figures are worked by hand: IKM target 87,62, so capaian 95,14 / 87,62 × 100 =
108,5825… → 108,58 (Sangat Tinggi, above 90) before and 78 / 87,62 × 100 = 89,0207… →
89,02 (Tinggi, above 75) after; Nilai SAKIP 75,45 / 75,25 × 100 = 100,2657… → 100,27.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import feedparser
import jsonschema
import pytest
from site_fixtures import DATA, ROOT, git

from generator.history import files as hfiles
from generator.history import first_seen, read_history

YEAR = "kota-pekalongan/dinperinaker/2025/kepala-dinas.yml"
REPORT = "kota-pekalongan/dinperinaker/kepala-dinas/2025-tw4"
PAGE = "kota-pekalongan/dinperinaker/jabatan/kepala-dinas.md"
SMALL = [
    "site.yml",
    "kota-pekalongan/wilayah.yml",
    "kota-pekalongan/dinperinaker/perangkat-daerah.yml",
    "kota-pekalongan/dinperinaker/jabatan/kepala-dinas.yml",
    YEAR,
]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _commit(repo: Path, message: str, when: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, date=when)
    return git(repo, "rev-parse", "--short=7", "HEAD")


def scripted_repo(root: Path) -> tuple[Path, dict[str, str]]:
    repo = root / "repo"
    data = repo / "data"
    for rel in SMALL:
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DATA / rel, data / rel)
    year = data / YEAR
    git(repo, "init", "-q")
    _edit(year, "      nilai-sakip: 75,45\n", "")
    c = {"awal": _commit(repo, "Tambah data Dinperinaker", "2026-01-05T09:00:00+07:00")}
    _edit(
        year,
        "      tenaga-siap-pakai-ditempatkan: 53,13\n",
        "      nilai-sakip: 75,45\n      tenaga-siap-pakai-ditempatkan: 53,13\n",
    )
    c["isi"] = _commit(repo, "Isi realisasi Nilai SAKIP", "2026-01-10T09:00:00+07:00")
    _edit(year, "indeks-kepuasan-masyarakat: 95,14\n", "indeks-kepuasan-masyarakat: 95.14  # rata-rata dua semester\n")
    _edit(year, "    tanggal: 2026-01-02\n    tempat: Pekalongan\n", "    tempat: Pekalongan\n    tanggal: 2026-01-02\n")
    c["format"] = _commit(repo, "Rapikan format", "2026-01-15T09:00:00+07:00")
    git(repo, "checkout", "-q", "-b", "koreksi-ikm")
    _edit(year, "indeks-kepuasan-masyarakat: 95.14  # rata-rata dua semester\n", "indeks-kepuasan-masyarakat: 78\n")
    c["koreksi"] = _commit(repo, "Koreksi realisasi IKM", "2026-01-20T09:00:00+07:00")
    git(repo, "checkout", "-q", "main")
    git(
        repo,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge pull request #12 from dinas/koreksi-ikm",
        "koreksi-ikm",
        date="2026-01-22T14:00:00+07:00",
    )
    c["merge"] = git(repo, "rev-parse", "--short=7", "HEAD")
    return repo, c


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    root = tmp_path_factory.mktemp("riwayat")
    repo, commits = scripted_repo(root)
    return root, repo, commits


@pytest.fixture(scope="module")
def built(scripted):
    """One real build of the scripted repository's data (pages, feeds, downloads)."""
    from generator.site.build import build_site

    root, repo, commits = scripted
    build_site(repo / "data", root / "site", build_dir=root / "build", config=ROOT / "mkdocs.yml")
    return root / "site", root / "build" / "docs", commits


def _changes(history):
    return [e for e in history.entries if e["jenis"] != "terbit"]


def test_history_entries_exact(scripted, tmp_path):
    _root, repo, c = scripted
    h = read_history(repo / "data", tmp_path / "cache")
    assert h is not None and not h.dangkal
    terbit = [e for e in h.entries if e["jenis"] == "terbit"]
    assert [(e["laporan"], e["tanggal"], e["commit"]) for e in terbit] == [(REPORT, "2026-01-05", c["awal"])]
    got = [
        (
            e["tanggal"],
            e["commit"],
            e["pr"],
            e["jenis"],
            e["indikator_id"],
            e["lama"],
            e["baru"],
            e["capaian_lama"],
            e["capaian_baru"],
            e["predikat_lama"],
            e["predikat_baru"],
            e["setelah_terbit"],
        )
        for e in _changes(h)
    ]
    assert got == [
        ("2026-01-10", c["isi"], None, "realisasi", "nilai-sakip", None, "75.45", None, "100.27", None, "Sangat Tinggi", False),
        (
            "2026-01-22",
            c["merge"],
            12,
            "realisasi",
            "indeks-kepuasan-masyarakat",
            "95.14",
            "78",
            "108.58",
            "89.02",
            "Sangat Tinggi",
            "Tinggi",
            True,
        ),
    ]
    assert not [e for e in h.entries if e["commit"] in (c["format"], c["koreksi"])]  # reformat; branch commit
    assert first_seen(h)[YEAR] == (dt.date(2026, 1, 5), c["awal"])
    assert h.laporan[REPORT] == (dt.date(2026, 1, 5), c["awal"])
    assert h.last_changed("kota-pekalongan/dinperinaker/kepala-dinas") == dt.date(2026, 1, 22)


def test_incremental_and_rewritten(scripted, tmp_path):
    root, repo, _c = scripted
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(repo), str(clone))
    cache = tmp_path / "cache"
    first = read_history(clone / "data", cache)
    again = read_history(clone / "data", cache)
    assert first is not None and again is not None
    assert first.commits_read == 4 and again.commits_read == 0 and again.entries == first.entries
    _edit(clone / "data" / YEAR, "      nilai-sakip: 75,45\n", "      nilai-sakip: 75,25\n")
    new = _commit(clone, "Koreksi Nilai SAKIP", "2026-02-02T09:00:00+07:00")
    after = read_history(clone / "data", cache)
    assert after is not None and after.commits_read == 1
    last = _changes(after)[-1]
    assert (last["commit"], last["lama"], last["baru"], last["capaian_lama"], last["capaian_baru"]) == (
        new,
        "75.45",
        "75.25",
        "100.27",
        "100",
    )
    assert _changes(after)[:-1] == _changes(first)


def test_shallow_clone_is_detected(scripted, tmp_path, capsys):
    _root, repo, c = scripted
    shallow = tmp_path / "dangkal"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    h = read_history(shallow / "data", None)
    assert h is not None and h.dangkal
    assert [e["commit"] for e in h.entries] == [c["merge"]]  # only the one commit there is
    # said once in the build output and on every page
    from generator.check import check
    from generator.history.sitepart import Riwayat

    site = Riwayat.load(check(shallow / "data"), tmp_path / "grafik")
    err = capsys.readouterr().err
    assert site is not None and err.count("Riwayat perubahan tidak lengkap") == 1 and "klon dangkal" in err
    footer = site.footer(PAGE)
    assert "Data terakhir diubah: 22 Januari 2026" in footer and "Riwayat perubahan tidak lengkap" in footer


def test_no_repository_no_history(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA / "kota-pekalongan" / "dinperinaker" / "jabatan", data / "x")
    assert read_history(data) is None  # not a repository
    git(tmp_path, "init", "-q")
    assert read_history(data) is None  # a repository, data folder untracked
    assert first_seen(None) == {}


def test_position_page_section_and_mark(built):
    _site, docs, c = built
    page = (docs / PAGE).read_text(encoding="utf-8")
    assert "## Riwayat perubahan" in page
    assert re.search(r'<details class="note kj-riwayat\b[^"]*"', page) and "2 perubahan angka sejak terbit" in page
    # the corrected figure carries the mark in its row of the table; the filled one does not
    rows = [line for line in page.splitlines() if line.startswith("<tr") and "kj-status-" in line]
    ikm = next(r for r in rows if "Indeks kepuasan masyarakat" in r)
    sakip = next(r for r in rows if "Nilai SAKIP OPD" in r)
    assert "diubah setelah terbit" in ikm and "diubah setelah terbit" not in sakip
    assert "Realisasi: 95,14 → 78" in page and "capaian 108,58 → 89,02 (Sangat Tinggi → Tinggi)" in page.replace(
        "&#40;", "("
    ).replace("&#41;", ")")
    assert "pull request #12" in page and c["merge"] in page
    assert "Data terakhir diubah: 22 Januari 2026" in page
    assert "Data terakhir diubah: 22 Januari 2026" in (docs / "index.md").read_text(encoding="utf-8")
    recent = (docs / "kota-pekalongan/dinperinaker/perubahan-terbaru.md").read_text(encoding="utf-8")
    assert recent.index("22 Januari 2026") < recent.index("10 Januari 2026") < recent.index("5 Januari 2026")


def test_atom_feed_valid_newest_first(built):
    site, _docs, c = built
    for feed_path in ("perubahan-terbaru.xml", "kota-pekalongan/dinperinaker/perubahan-terbaru.xml"):
        parsed = feedparser.parse((site / feed_path).read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        times = [e.updated_parsed for e in parsed.entries]
        assert len(times) == 3 and times == sorted(times, reverse=True)
        assert c["merge"] in parsed.entries[0].summary and "Diubah setelah terbit" in parsed.entries[0].summary
        assert parsed.entries[0].link.endswith("jabatan/kepala-dinas/#riwayat-perubahan")


def test_open_data_csv_and_json(built):
    site, _docs, c = built
    schema = json.loads((site / hfiles.SCHEMA).read_text(encoding="utf-8"))
    doc = json.loads((site / hfiles.report_json("kota-pekalongan", "dinperinaker", "kepala-dinas", 2025, 4)).read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["terbit"] == {"tanggal": "2026-01-05", "commit": c["awal"]}
    assert [(p["jenis"], p["lama"], p["baru"]) for p in doc["perubahan"]] == [
        ("terbit", None, None),
        ("realisasi", None, "75.45"),
        ("realisasi", "95.14", "78"),
    ]
    text = (site / hfiles.position_csv("kota-pekalongan", "dinperinaker", "kepala-dinas")).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["tanggal"], r["jenis"], r["lama"], r["baru"], r["pull_request"]) for r in rows] == [
        ("2026-01-05", "terbit", "", "", ""),
        ("2026-01-10", "realisasi", "", "75.45", ""),
        ("2026-01-22", "realisasi", "95.14", "78", "12"),
    ]
    assert (site / hfiles.CSV_ALL).read_bytes() == (
        site / hfiles.position_csv("kota-pekalongan", "dinperinaker", "kepala-dinas")
    ).read_bytes()


def test_csv_cells_are_safe():
    e = {c: None for c in hfiles.COLUMNS} | {"jenis": "realisasi", "indikator": "=HYPERLINK(1)", "lama": "-5", "baru": "@x"}
    row = next(csv.reader(io.StringIO(hfiles.csv_bytes([e]).decode("utf-8-sig").splitlines()[1])))
    cells = dict(zip(hfiles.COLUMNS, row))
    assert (cells["indikator"], cells["lama"], cells["baru"]) == ("'=HYPERLINK(1)", "-5", "'@x")


def test_policy_change_counts_only_when_it_moves_a_figure():
    from generator.history.figures import diff

    def snap(policy: str, capaian: str, avg: str) -> dict:
        row = ["IKM", "87.62", "95.14", None, capaian, "Sangat Tinggi"]
        return {
            "rows": {"ikm": row},
            "rata_rata": avg,
            "predikat": "Sangat Tinggi",
            "tercetak_rata_rata": None,
            "tercetak_predikat": None,
            "kebijakan": policy,
        }

    assert diff(snap("A", "108.58", "108.58"), snap("B", "108.58", "108.58")) == []  # nothing published moved
    (e,) = diff(snap("A", "108.58", "108.58"), snap("B", "100", "100"))
    assert (e["jenis"], e["rata_rata_lama"], e["rata_rata_baru"]) == ("kebijakan", "108.58", "100")
    (t,) = diff(
        snap("A", "108.58", "108.58"),
        {**snap("A", "100", "100"), "rows": {"ikm": ["IKM", "95.14", "95.14", None, "100", "Sangat Tinggi"]}},
    )
    assert (t["jenis"], t["lama"], t["baru"], t["capaian_lama"], t["capaian_baru"]) == (
        "target",
        "87.62",
        "95.14",
        "108.58",
        "100",
    )


def test_agency_memo_key_follows_the_history(scripted, tmp_path):
    """An agency's pages show its history: a new change means its pages are made again."""
    from generator.check import check
    from generator.site.cache import AgencyMemo

    _root, repo, _c = scripted
    data = repo / "data"
    result = check(data)
    h = read_history(data, None)
    assert h is not None
    keys = []
    for digest in (h.digest("kota-pekalongan", "dinperinaker"), "lain"):
        memo = AgencyMemo(tmp_path / "memo", data, None, result, code="x")
        memo.riwayat = {("kota-pekalongan", "dinperinaker"): digest}
        keys.append(memo.key("kota-pekalongan", "dinperinaker"))
    assert keys[0] != keys[1]
    shorter = read_history(data, None)
    assert shorter is not None
    shorter.entries = shorter.entries[:-1]
    assert shorter.digest("kota-pekalongan", "dinperinaker") != h.digest("kota-pekalongan", "dinperinaker")

"""Open data (generator/opendata): every download read back from disk and compared with the
engine's own values; the Data Package validates with frictionless; every API link resolves
and every API document validates against its JSON Schema; the bytes are deterministic."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from generator.check import check
from generator.compute.engine import walk_indicators
from generator.core import addresses
from generator.core.addresses import download_links
from generator.opendata import open_data_files
from generator.opendata.columns import TABLES
from generator.render.downloads import held_links

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
COMMIT = "0123456789abcdef0123456789abcdef01234567"
SITE = "https://kinerja.example.go.id/"
REGION, AGENCY = "kota-pekalongan", "dinperinaker"

# The same generation in another process with another hash seed: runs while this one does.
SECOND_RUN = """
import hashlib, json, sys
from pathlib import Path
from generator.opendata import open_data_files
from generator.check import check
files = open_data_files(check(Path(sys.argv[1])), commit=sys.argv[2], site_url=sys.argv[3])
print(json.dumps({p: hashlib.sha256(b).hexdigest() for p, b in files.items()}))
"""


@pytest.fixture(scope="module")
def second_run():
    proc = subprocess.Popen(
        [sys.executable, "-c", SECOND_RUN, str(DATA), COMMIT, SITE],
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": "4242"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def result():
    res = check(DATA)
    assert not res.errors
    return res


@pytest.fixture(scope="module")
def written(result, second_run, tmp_path_factory) -> tuple[Path, dict[str, bytes]]:
    """Files as open_data_files returns them, and written to a tmp folder like build/docs."""
    files = open_data_files(result, commit=COMMIT, site_url=SITE)
    root = tmp_path_factory.mktemp("opendata")
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root, files


@pytest.fixture(scope="module")
def out(written) -> Path:
    return written[0]


@pytest.fixture(scope="module")
def files(written) -> dict[str, bytes]:
    return written[1]


def held(kind: str, *scope, files) -> dict[str, str]:
    """A scope's downloads as its API document lists them: its own files, and for the tables
    it has no file of, the enclosing scope's file holding its rows (issue 21)."""
    return held_links(kind, *scope, exists=files.__contains__)


def engine(result, position: str, region: str = REGION, agency: str = AGENCY):
    (res,) = [r for a, p, y, lap, r in result.reports if a.key == f"{region}/{agency}" and p.id == position]
    return res


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: no UTF-8 BOM"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def dec(text: str | None) -> Decimal | None:
    return None if text in ("", None) else Decimal(text)


def num(value) -> Decimal | None:
    """A JSON or XLSX number as an exact decimal (floats print back as written)."""
    return None if value is None else Decimal(str(value))


def full6(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.000001"))


def sheet(wb, title: str, table: str) -> list[dict]:
    """Rows of a worksheet keyed by the CSV column names (headers are the titles)."""
    names = {c.title: c.name for c in TABLES[table]}
    ws = wb[title]
    rows = list(ws.iter_rows(values_only=True))
    header = [names[h] for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:]]


# --------------------------------------------------------------------------- every format, budget position


def test_budget_position_every_format_matches_engine(result, out, files):
    res = engine(result, "kepala-dinas")
    assert (res.rata_rata, res.anggaran_total, res.efisiensi) == (Decimal("101.72"), Decimal("94.67"), Decimal("5.33"))
    links = held("jabatan", REGION, AGENCY, "kepala-dinas", 2025, 4, files=files)
    assert {"csv", "csv_ringkasan", "csv_anggaran", "xlsx", "json", "api"} <= set(links)
    laporan_id = f"{REGION}/{AGENCY}/kepala-dinas/2025-tw4"
    # one period: its JSON is the API report; CSV and XLSX are the position's (all periods)
    whole = held("jabatan", REGION, AGENCY, "kepala-dinas", files=files)
    assert links["json"] == links["api"] == f"api/v1/laporan/{REGION}/{AGENCY}/kepala-dinas/2025-tw4.json"
    assert {k: links[k] for k in ("csv", "csv_ringkasan", "csv_anggaran", "xlsx")} == {
        k: whole[k] for k in ("csv", "csv_ringkasan", "csv_anggaran", "xlsx")
    }
    assert whole["json"] != links["json"] and whole["json"] in files
    # the position's own files: indicator CSV and XLSX; its summary and budget rows are in
    # the agency's CSVs, which its API documents list
    agency = download_links("perangkat_daerah", REGION, AGENCY, files=files)
    assert (links["csv_ringkasan"], links["csv_anggaran"]) == (agency["csv_ringkasan"], agency["csv_anggaran"])
    assert set(download_links("jabatan", REGION, AGENCY, "kepala-dinas", files=files)) == {"csv", "xlsx", "api"}
    assert json.loads(files[links["api"]])["unduhan"] == links

    # CSV: one summary row, one row per indicator, one row per budget line of this period
    (summary,) = [r for r in read_csv(out / links["csv_ringkasan"]) if r["laporan_id"] == laporan_id]
    assert summary["laporan_id"] == laporan_id
    assert dec(summary["rata_rata_capaian"]) == res.rata_rata == Decimal("101.72")
    assert dec(summary["capaian_anggaran"]) == res.anggaran_total == Decimal("94.67")
    assert dec(summary["efisiensi"]) == res.efisiensi == Decimal("5.33")
    assert summary["predikat"] == res.predikat.predikat
    assert summary["anggaran_realisasi"] == str(res.anggaran_realisasi) and "." not in summary["anggaran_realisasi"]
    assert "efisiensi=sisa_anggaran" in summary["kebijakan"]
    assert summary["sumber_dokumen"].startswith("Laporan Kinerja Triwulan IV Tahun 2025")
    assert (summary["data_per"], summary["lisensi"], summary["commit"]) == ("2026-01-31", "CC BY 4.0", COMMIT)

    rows = {r["indikator_id"]: r for r in read_csv(out / links["csv"]) if r["laporan_id"] == laporan_id}
    assert list(rows) == [r.id for r in res.rows]
    for r in res.rows:
        row = rows[r.id]
        assert dec(row["capaian"]) == r.capaian, r.id
        assert dec(row["capaian_tanpa_pembulatan"]) == full6(r.capaian_penuh), r.id
        assert dec(row["target"]) == r.target and dec(row["realisasi"]) == r.realisasi, r.id
        assert (row["status"], row["predikat"] or None, row["satuan"] or None, row["polaritas"]) == (
            r.status,
            r.predikat,
            r.satuan,
            r.polaritas,
        )
        assert row["dihitung_dalam_rata_rata"] == ("true" if r.dihitung else "false")
    assert rows["tpak"]["status"] == "na" and "data_tidak_tersedia=skor_100" in rows["tpak"]["kebijakan"]
    assert rows["indeks-kepuasan-masyarakat"]["capaian"] == "108.58"

    budget = {r["pos_id"]: r for r in read_csv(out / links["csv_anggaran"]) if r["laporan_id"] == laporan_id}
    assert list(budget) == [b.id for b in res.budget]
    for b in res.budget:
        row = budget[b.id]
        assert (row["pagu"], row["realisasi"]) == (str(b.pagu), str(b.realisasi))
        assert dec(row["persen"]) == b.persen

    # XLSX: real numbers with Indonesian display formats, frozen styled header, notes sheet
    wb = openpyxl.load_workbook(out / links["xlsx"])
    assert wb.sheetnames == ["Ringkasan", "Indikator", "Anggaran", "Catatan"]
    (s,) = [r for r in sheet(wb, "Ringkasan", "ringkasan") if r["laporan_id"] == laporan_id]
    assert num(s["rata_rata_capaian"]) == res.rata_rata
    assert num(s["capaian_anggaran"]) == res.anggaran_total
    assert num(s["efisiensi"]) == res.efisiensi
    assert s["anggaran_realisasi"] == int(res.anggaran_realisasi)
    ws = wb["Ringkasan"]
    col = [c.value for c in ws[1]].index("Rata-rata capaian (%)") + 1
    assert ws.cell(2, col).number_format == "[$-421]#,##0.00"
    assert ws.cell(2, [c.value for c in ws[1]].index("Realisasi anggaran (Rp)") + 1).number_format == "[$-421]#,##0"
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    left_out = {"ID baris", "ID wilayah", "ID perangkat daerah", "ID unit", "Data per", "Lisensi", "Versi data (commit)"}
    assert not left_out & {c.value for name in ("Ringkasan", "Indikator", "Anggaran") for c in wb[name][1]}  # CSV/JSON only
    # who the rows are about, the same in every row of a position's workbook: said once in the notes
    same = {"Wilayah", "Perangkat daerah", "Unit kerja", "ID jabatan", "Jabatan", "Jenis jabatan", "Pemangku"}
    assert not same & {c.value for name in ("Ringkasan", "Indikator", "Anggaran") for c in wb[name][1]}
    (said,) = [row[1] for row in wb["Catatan"].iter_rows(values_only=True) if row[0] == "Sama di setiap baris"]
    assert said.startswith(f"Wilayah: Kota Pekalongan; Perangkat daerah: {summary['perangkat_daerah']};")
    assert f"; ID jabatan: kepala-dinas; Jabatan: {summary['jabatan']};" in said
    agency_wb = openpyxl.load_workbook(out / download_links("perangkat_daerah", REGION, AGENCY)["xlsx"])
    assert {"Jabatan", "ID jabatan"} <= {c.value for c in agency_wb["Indikator"][1]}  # differ between rows: kept
    assert not {"Wilayah", "Perangkat daerah"} & {c.value for c in agency_wb["Indikator"][1]}
    ind = {r["indikator_id"]: r for r in sheet(wb, "Indikator", "indikator") if r["laporan_id"] == laporan_id}
    for r in res.rows:
        assert num(ind[r.id]["capaian"]) == r.capaian and num(ind[r.id]["realisasi"]) == r.realisasi, r.id
    ang = {r["pos_id"]: r for r in sheet(wb, "Anggaran", "anggaran") if r["laporan_id"] == laporan_id}
    for b in res.budget:
        assert ang[b.id]["realisasi"] == int(b.realisasi) and num(ang[b.id]["persen"]) == b.persen
    notes = "\n".join(str(c) for row in wb["Catatan"].iter_rows(values_only=True) for c in row if c)
    for text in (
        "Cara mengutip",
        "CC BY 4.0",
        COMMIT,
        "31 Januari 2026",
        "Laporan Kinerja Triwulan IV Tahun 2025",
        "Dinas Perindustrian dan Tenaga Kerja Kota Pekalongan (2026)",
    ):
        assert text in notes

    # JSON: the API document of this report (kinerja compute --json shape + provenance)
    doc = json.loads((out / links["json"]).read_text(encoding="utf-8"))
    assert doc["id"] == laporan_id and doc["periode"] == "2025-TW4"
    assert num(doc["capaian"]["rata_rata"]) == res.rata_rata
    assert num(doc["anggaran"]["persen"]) == res.anggaran_total
    assert num(doc["efisiensi"]) == res.efisiensi
    assert [num(i["capaian"]) for i in doc["indikator"]] == [r.capaian for r in res.rows]
    assert [i["realisasi"] for i in doc["anggaran"]["pos"]] == [int(b.realisasi) for b in res.budget]
    prov = doc["provenans"]
    assert prov["commit"] == COMMIT and prov["data_per"] == "2026-01-31"
    assert prov["lisensi"]["nama"] == "CC BY 4.0" and prov["lisensi"]["url"].startswith("https://creativecommons.org/")
    assert prov["sumber"][0]["id"] == "lkj-tw4-2025"
    assert f"Tersedia di {SITE}{REGION}/{AGENCY}/jabatan/kepala-dinas/" in prov["sitasi"]

    # The position's JSON is its API document, which links this report's
    assert whole["json"] == whole["api"] == f"api/v1/jabatan/{REGION}/{AGENCY}/kepala-dinas.json"
    position = json.loads(files[whole["json"]])
    (ref,) = [r for y in position["tahun"] for r in y["laporan"] if r["id"] == laporan_id]
    assert num(ref["rata_rata_capaian"]) == res.rata_rata and ref["url"] == links["api"]
    assert position["unduhan"] == whole


# --------------------------------------------------------------------------- every format, staff position


def test_staff_position_without_budget_every_format(result, out, files):
    res = engine(result, "pengadministrasi-perkantoran")
    assert not res.budget
    links = held("jabatan", REGION, AGENCY, "pengadministrasi-perkantoran", 2025, 4, files=files)
    assert "csv_anggaran" not in json.loads(files[links["api"]])["unduhan"]  # no budget rows
    assert not (out / download_links("jabatan", REGION, AGENCY, "pengadministrasi-perkantoran", 2025, 4)["csv_anggaran"]).exists()
    laporan_id = f"{REGION}/{AGENCY}/pengadministrasi-perkantoran/2025-tw4"

    (summary,) = [r for r in read_csv(out / links["csv_ringkasan"]) if r["laporan_id"] == laporan_id]
    assert dec(summary["rata_rata_capaian"]) == res.rata_rata
    assert summary["capaian_anggaran"] == summary["efisiensi"] == summary["anggaran_pagu"] == ""
    rows = [r for r in read_csv(out / links["csv"]) if r["laporan_id"] == laporan_id]
    assert [(r["indikator_id"], dec(r["target"]), dec(r["realisasi"]), dec(r["capaian"])) for r in rows] == [
        (r.id, r.target, r.realisasi, r.capaian) for r in res.rows
    ]
    assert rows[0]["unit"] == "Subbagian Perencanaan, Evaluasi dan Keuangan"

    wb = openpyxl.load_workbook(out / links["xlsx"])
    assert wb.sheetnames == ["Ringkasan", "Indikator", "Catatan"]
    (s,) = [r for r in sheet(wb, "Ringkasan", "ringkasan") if r["laporan_id"] == laporan_id]
    assert num(s["rata_rata_capaian"]) == res.rata_rata and s["efisiensi"] is None
    assert [num(r["capaian"]) for r in sheet(wb, "Indikator", "indikator") if r["laporan_id"] == laporan_id] == [
        r.capaian for r in res.rows
    ]

    doc = json.loads((out / links["json"]).read_text(encoding="utf-8"))
    assert doc["anggaran"] is None and doc["efisiensi"] is None
    assert num(doc["capaian"]["rata_rata"]) == res.rata_rata
    assert [num(i["capaian"]) for i in doc["indikator"]] == [r.capaian for r in res.rows]


# --------------------------------------------------------------------------- positions with IKI definitions only

IKI_YEAR = """\
jabatan: kepala-bidang-a
tahun: 2025
iki:
  sumber: lkj-2025
  indikator:
    - id: penempatan
      sasaran: Meningkatnya penempatan tenaga kerja
      indikator: Persentase pencari kerja yang ditempatkan
      satuan: "%"
      formula:
        jenis: rasio_x100
        pembilang: Σ pencari kerja yang ditempatkan
        penyebut: Σ pencari kerja yang terdaftar
        pengali: 100
      sumber_data: Data AK/1
    - id: pelatihan
      indikator: Jumlah pelatihan yang dilaksanakan
      satuan: kali
      formula: {jenis: jumlah, tertulis: "=Jumlah pelatihan berbasis kompetensi"}
"""


def test_position_with_only_iki_definitions_gets_downloads(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    (data / "kota-contoh/dinas-contoh/2025/kepala-bidang-a.yml").write_text(IKI_YEAR, encoding="utf-8")
    res = check(data)
    assert not res.errors, [d.format("id") for d in res.errors]
    files = open_data_files(res, commit=None, site_url=None)
    links = held("jabatan", "kota-contoh", "dinas-contoh", "kepala-bidang-a", files=files)
    assert {"csv", "csv_ringkasan", "xlsx", "json", "api"} <= set(links)

    rows = list(csv.DictReader(io.StringIO(files[links["csv"]].decode("utf-8-sig"))))
    assert [(r["indikator_id"], r["periode"], r["status"], r["sumber_indikator"]) for r in rows] == [
        ("penempatan", "2025", "belum_ada", "iki"),
        ("pelatihan", "2025", "belum_ada", "iki"),
    ]
    assert (rows[0]["formula_jenis"], rows[0]["formula_pembilang"], rows[0]["formula_pengali"]) == (
        "rasio_x100",
        "Σ pencari kerja yang ditempatkan",
        "100",
    )
    assert rows[1]["formula_tertulis"] == "'=Jumlah pelatihan berbasis kompetensi"  # CSV: quoted, never a formula
    assert rows[0]["sumber_dokumen"] == "Laporan Kinerja 2025" and rows[0]["laporan_id"] == "" and rows[0]["commit"] == ""

    wb = openpyxl.load_workbook(io.BytesIO(files[links["xlsx"]]))
    xrows = sheet(wb, "Indikator", "indikator")
    assert [r["formula_penyebut"] for r in xrows] == ["Σ pencari kerja yang terdaftar", None]
    assert xrows[1]["formula_tertulis"] == "=Jumlah pelatihan berbasis kompetensi"  # text, never a formula
    col = [c.value for c in wb["Indikator"][1]].index("Rumus tertulis") + 1
    assert wb["Indikator"].cell(3, col).data_type == "s"
    assert sheet(wb, "Ringkasan", "ringkasan") == []

    assert links["json"] == links["api"]  # the position's JSON is its API document: the definitions per year
    (d,) = json.loads(files[links["json"]])["tahun"]
    assert d["laporan"] == []
    assert [i["formula"]["jenis"] for i in d["indikator"]] == ["rasio_x100", "jumlah"]
    assert d["indikator"][1]["formula"]["tertulis"] == "=Jumlah pelatihan berbasis kompetensi"  # JSON: exact text
    # A position with two reports: one set of files holds both periods; each period's JSON
    # is its own API report document
    kd = held("jabatan", "kota-contoh", "dinas-contoh", "kepala-dinas", files=files)
    tw2 = held("jabatan", "kota-contoh", "dinas-contoh", "kepala-dinas", 2025, 2, files=files)
    tw4 = held("jabatan", "kota-contoh", "dinas-contoh", "kepala-dinas", 2025, 4, files=files)
    for period in (tw2, tw4):
        assert {k: period[k] for k in ("csv", "csv_ringkasan", "csv_anggaran", "xlsx")} == {
            k: kd[k] for k in ("csv", "csv_ringkasan", "csv_anggaran", "xlsx")
        }
    assert kd["xlsx"].endswith("kota-contoh_dinas-contoh_kepala-dinas.xlsx")
    assert (tw2["json"], tw4["json"]) == (tw2["api"], tw4["api"]) and tw2["json"].endswith("/kepala-dinas/2025-tw2.json")
    wb2 = openpyxl.load_workbook(io.BytesIO(files[tw2["xlsx"]]))
    assert wb2.sheetnames == ["Ringkasan", "Indikator", "Anggaran", "Catatan"]
    assert {r["periode"] for r in sheet(wb2, "Indikator", "indikator")} == {"2025-TW2", "2025-TW4"}
    assert {r["periode"] for r in sheet(wb2, "Ringkasan", "ringkasan")} == {"2025-TW2", "2025-TW4"}
    assert {r["periode"] for r in csv.DictReader(io.StringIO(files[kd["csv"]].decode("utf-8-sig")))} == {"2025-TW2", "2025-TW4"}
    assert json.loads(files[tw2["json"]])["periode"] == "2025-TW2"
    assert not [p for p in files if re.search(r"_\d{4}-tw\d", p)]  # no file of one period under unduh/

    api = json.loads(files[links["api"]])
    (year,) = api["tahun"]
    assert year["sumber_indikator"] == "iki" and year["laporan"] == []
    assert year["indikator"][0]["formula"]["penyebut"] == "Σ pencari kerja yang terdaftar"


def test_bundled_iki_positions_list_their_indicators(result, out, files):
    seen = 0
    for region, agency, position, year in result.dataset.years():
        if year.model.laporan or not year.model.iki or year.model.perjanjian_kinerja:
            continue
        links = download_links("jabatan", region.id, agency.id, position.id, files=files)
        rows = [r for r in read_csv(out / links["csv"]) if r["tahun"] == str(year.tahun)]
        assert [r["indikator_id"] for r in rows] == [i.id for i, _, _ in walk_indicators(year.model.iki.indikator)]
        assert all(
            r["status"] == "belum_ada" and r["sumber_indikator"] == "iki" and r["periode"] == str(year.tahun) for r in rows
        )
        seen += bool(rows)
    # 52 Probolinggo + 30 Gresik IKI sheets, less one Probolinggo sheet printed without a table (L1487-1505)
    assert seen == 81


# --------------------------------------------------------------------------- whole dataset


def test_datapackage_validates_with_frictionless(out, files):
    import frictionless

    pkg = json.loads(files["unduh/datapackage.json"])
    assert {r["name"] for r in pkg["resources"]} == {"jabatan", "ringkasan", "indikator", "anggaran"}
    assert all(r["schema"]["primaryKey"] for r in pkg["resources"])
    assert pkg["licenses"][0]["name"] == "CC-BY-4.0" and pkg["commit"] == COMMIT
    report = frictionless.validate(str(out / "unduh/datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]


def test_zip_holds_everything_with_fixed_times(files):
    with zipfile.ZipFile(io.BytesIO(files["unduh/kinerja.zip"])) as z:
        names = z.namelist()
        assert names == sorted(names)
        assert {i.date_time for i in z.infolist()} == {(2026, 1, 31, 0, 0, 0)}
        pkg = json.loads(z.read("datapackage.json"))
        for r in pkg["resources"]:
            assert z.read(r["path"]) == files["unduh/" + r["path"]]
        assert z.read("api/v1/index.json") == files["api/v1/index.json"]
        assert "Cara mengutip" in z.read("BACA-SAYA.txt").decode("utf-8")
        # the whole dataset's CSVs, XLSX and Data Package, and all of the API (the JSON of every report)
        assert [n for n in names if not n.startswith("api/")] == [
            "BACA-SAYA.txt",
            "datapackage.json",
            "kinerja.csv",
            "kinerja.xlsx",
            "kinerja_anggaran.csv",
            "kinerja_jabatan.csv",
            "kinerja_ringkasan.csv",
        ]
        api = sorted(p for p in files if p.startswith("api/v1/"))
        assert [n for n in names if n.startswith("api/")] == api
        assert all(z.read(p) == files[p] for p in api)
    with zipfile.ZipFile(io.BytesIO(files[download_links("semua")["xlsx"]])) as z:
        core = z.read("docProps/core.xml").decode()
        # document times from the as-of date; entries at XlsxWriter's (and Excel's) fixed 1980-01-01
        assert core.count("2026-01-31T00:00:00Z") == 2 and {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def _open_data_paths(ds) -> tuple[set[str], set[str]]:
    """(paths of the whole dataset's and every agency's files without extension, of the positions')."""
    scopes = {download_links("semua")["csv"][:-4]}
    positions = set()
    for region in ds.regions.values():
        for agency in region.agencies.values():
            scopes.add(download_links("perangkat_daerah", region.id, agency.id)["csv"][:-4])
            positions |= {download_links("jabatan", region.id, agency.id, p)["csv"][:-4] for p in agency.positions}
    return scopes, positions


def test_one_set_of_files_per_scope_and_none_per_period(result, files):
    """Issue 21, downloads that repeat nothing: the whole dataset (for the analyst) and every
    agency have the indicator, summary and budget CSVs and an XLSX; a position (for the
    citizen who wants its table) its indicator CSV and an XLSX with every sheet, for all its
    periods. Regions and units have no files of their own (their rows are the whole
    dataset's and the agency's, which their pages and API documents link); a position's
    JSON and one period's are their API documents."""
    stems, positions = _open_data_paths(result.dataset)
    downloads = [p for p in files if p.startswith("unduh/")]
    assert {p for p in downloads if p.endswith(".xlsx")} == {s + ".xlsx" for s in stems | positions}
    assert {p for p in downloads if p.endswith(".json")} == {"unduh/datapackage.json"}
    assert {p for p in downloads if p.endswith(".csv") and not p.endswith(("_ringkasan.csv", "_anggaran.csv"))} == {
        s + ".csv" for s in stems | positions
    } | {"unduh/kinerja_jabatan.csv"}
    assert {p for p in downloads if p.endswith("_ringkasan.csv")} == {s + "_ringkasan.csv" for s in stems}
    budget = {p[: -len("_anggaran.csv")] for p in downloads if p.endswith("_anggaran.csv")}
    assert budget <= stems and {"unduh/kinerja", f"unduh/{REGION}/{AGENCY}/{REGION}_{AGENCY}"} <= budget
    assert not [p for p in downloads if re.search(r"_\d{4}-tw\d", p)]
    assert set(downloads) == {s + x for s in stems for x in (".csv", "_ringkasan.csv", ".xlsx")} | {
        b + "_anggaran.csv" for b in budget
    } | {s + x for s in positions for x in (".csv", ".xlsx")} | {
        "unduh/kinerja_jabatan.csv",
        "unduh/datapackage.json",
        "unduh/kinerja.zip",
    }
    # every report has its own API document: the JSON of one period
    for a, p, _, _, res in result.reports:
        links = download_links("jabatan", a.region_id, a.id, p.id, res.tahun, res.triwulan, files=files)
        assert links["json"] == links["api"] and json.loads(files[links["json"]])["id"].endswith(f"{res.tahun}-tw{res.triwulan}")


def test_regions_and_units_link_the_files_holding_their_rows(result, files):
    """A region's API document lists the whole dataset's files, a unit's its agency's: the
    region's rows are those with its wilayah_id, the unit's those with its unit_id or a
    sub-unit's, and they are exactly the reports of the region or unit."""
    ds = result.dataset
    reports = [(a, p, res) for a, p, _, _, res in result.reports]
    whole = download_links("semua", files=files)
    for region in ds.regions.values():
        unduhan = json.loads(files[addresses.api_region(region.id)])["unduhan"]
        assert {k: unduhan[k] for k in ("csv", "csv_ringkasan", "xlsx")} == {
            k: whole[k] for k in ("csv", "csv_ringkasan", "xlsx")
        }
        mine = {
            r["laporan_id"]
            for r in csv.DictReader(io.StringIO(files[unduhan["csv_ringkasan"]].decode("utf-8-sig")))
            if r["wilayah_id"] == region.id
        }
        assert mine == {f"{a.key}/{p.id}/{res.tahun}-tw{res.triwulan}" for a, p, res in reports if a.region_id == region.id}
    agency = ds.regions[REGION].agencies[AGENCY]
    own = download_links("perangkat_daerah", REGION, AGENCY, files=files)
    for unit_id in agency.units:
        unduhan = json.loads(files[addresses.api_unit(REGION, AGENCY, unit_id)])["unduhan"]
        assert {k: unduhan[k] for k in ("csv", "csv_ringkasan", "xlsx")} == {k: own[k] for k in ("csv", "csv_ringkasan", "xlsx")}
        inside = agency.units_under(unit_id)
        rows = csv.DictReader(io.StringIO(files[unduhan["csv_ringkasan"]].decode("utf-8-sig")))
        assert {r["laporan_id"] for r in rows if r["unit_id"] in inside} == {
            f"{a.key}/{p.id}/{res.tahun}-tw{res.triwulan}" for a, p, res in reports if a is agency and p.model.unit in inside
        }


def test_whole_dataset_workbook_holds_the_summary_only(result, out, files):
    """The whole-dataset XLSX: Ringkasan and Jabatan with the notes sheet, which says
    where the indicator and budget rows are; agency and position workbooks keep every sheet."""
    ds = result.dataset
    whole = download_links("semua", files=files)
    scopes = [(whole, ["Ringkasan", "Jabatan", "Catatan"])]
    for links, sheets in scopes:
        wb = openpyxl.load_workbook(out / links["xlsx"])
        assert wb.sheetnames == sheets, links["xlsx"]
        ringkasan = sheet(wb, "Ringkasan", "ringkasan")
        assert [r["laporan_id"] for r in ringkasan] == [r["laporan_id"] for r in read_csv(out / links["csv_ringkasan"])]
        assert [num(r["rata_rata_capaian"]) for r in ringkasan] == [
            dec(r["rata_rata_capaian"]) for r in read_csv(out / links["csv_ringkasan"])
        ]
        notes = {row[0]: row[1] for row in wb["Catatan"].iter_rows(values_only=True) if row and row[0]}
        text = notes["Baris indikator dan anggaran"]
        assert text.startswith("Lembar kerja ini hanya memuat satu baris per laporan (lembar Ringkasan)")
        assert f"berkas CSV {links['csv'].rsplit('/', 1)[-1]}" in text
        if "csv_anggaran" in links:
            assert f"berkas CSV {links['csv_anggaran'].rsplit('/', 1)[-1]}" in text
        else:
            assert "anggaran di berkas CSV" not in text
        assert "Lembar Indikator: kolom" not in notes and "Lembar Anggaran: kolom" not in notes
    assert "satu baris per jabatan (lembar Jabatan)" in notes_of(out / whole["xlsx"])
    jabatan = sheet(openpyxl.load_workbook(out / whole["xlsx"]), "Jabatan", "jabatan")
    assert len(jabatan) == len(read_csv(out / whole["csv_jabatan"])) == sum(len(a.positions) for a in ds.agencies())
    # agencies keep every sheet
    agency = download_links("perangkat_daerah", REGION, AGENCY, files=files)
    assert openpyxl.load_workbook(out / agency["xlsx"]).sheetnames == ["Ringkasan", "Indikator", "Anggaran", "Catatan"]


def notes_of(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    return "\n".join(str(c) for row in wb["Catatan"].iter_rows(values_only=True) for c in row if c)


def test_csv_numbers_are_plain_decimals(out):
    columns = {name: {c.name: c.type for c in cols} for name, cols in TABLES.items()}
    whole = download_links("semua")
    for table, key in (
        ("ringkasan", "csv_ringkasan"),
        ("indikator", "csv"),
        ("anggaran", "csv_anggaran"),
        ("jabatan", "csv_jabatan"),
    ):
        for row in read_csv(out / whole[key]):
            for name, value in row.items():
                kind = columns[table][name]
                if value and kind in ("number", "persen"):
                    assert re.fullmatch(r"-?\d+(\.\d+)?", value), (table, name, value)
                elif value and kind in ("rupiah", "integer"):
                    assert re.fullmatch(r"-?\d+", value), (table, name, value)


def test_no_nip_in_any_download(result, files):
    ds = result.dataset
    nips = {p.nip for _, a, pos, _ in ds.years() for p in pos.model.pemangku if p.nip}
    nips |= {n for a in ds.agencies() for pos in a.positions.values() for p in pos.model.pemangku if p.nip for n in [p.nip]}
    nips |= {s.nip for *_, lap, _ in result.reports for s in lap.penandatangan if s.nip}
    assert nips
    for path, data in files.items():
        if path.endswith((".csv", ".json")):
            text = data.decode("utf-8")
            assert not any(n in text for n in nips), path


# --------------------------------------------------------------------------- API


def _links(doc, found: list[str]) -> list[str]:
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key in ("url", "api", "skema", "api_jabatan") and isinstance(value, str) and not value.startswith("http"):
                found.append(value)
            elif key == "unduhan":
                found.extend(value.values())
            else:
                _links(value, found)
    elif isinstance(doc, list):
        for item in doc:
            _links(item, found)
    return found


def _pages(doc, found: list[str]) -> list[str]:
    if isinstance(doc, dict):
        for key, value in doc.items():
            if key == "halaman" and isinstance(value, str):
                found.append(value)
            else:
                _pages(value, found)
    elif isinstance(doc, list):
        for item in doc:
            _pages(item, found)
    return found


def test_every_api_link_resolves(result, out, files):
    ds = result.dataset
    pages = {"api-dan-data/"}
    for region in ds.regions.values():
        pages.add(addresses.url(addresses.region(region.id)))
        for agency in region.agencies.values():
            pages.add(addresses.url(addresses.agency(region.id, agency.id)))
            pages |= {addresses.url(addresses.unit(region.id, agency.id, u)) for u in agency.units}
            pages |= {addresses.url(addresses.position(region.id, agency.id, p)) for p in agency.positions}
    assert (ROOT / "content" / "api-dan-data.md").exists()

    index = json.loads((out / "api/v1/index.json").read_text(encoding="utf-8"))
    assert len(index["periode"]) == len(result.reports)
    assert len(index["jabatan"]) == sum(len(a.positions) for a in ds.agencies())
    for path in _links(index, []):
        assert (out / path).is_file(), path
    checked = 0
    for path in files:
        if path.startswith("api/v1/") and "/skema/" not in path:
            doc = json.loads(files[path])
            assert doc["url"] == path
            for link in _links(doc, []):
                assert link in files, (path, link)
            for page in _pages(doc, []):
                assert page in pages, (path, page)
            checked += 1
    assert checked == len([p for p in files if p.startswith("api/v1/") and "/skema/" not in p]) > 100


def test_every_api_document_validates_against_its_schema(files):
    from jsonschema import Draft202012Validator

    validators = {}
    for path in files:
        if path.startswith("api/v1/skema/"):
            schema = json.loads(files[path])
            Draft202012Validator.check_schema(schema)
            validators[path] = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert len(validators) == 6
    kinds = set()
    for path, data in files.items():
        if path.startswith("api/v1/") and "/skema/" not in path:
            doc = json.loads(data)
            errors = list(validators[doc["skema"]].iter_errors(doc))
            assert not errors, (path, errors[0].message, list(errors[0].path))
            kinds.add(doc["skema"])
    assert len(kinds) == 6


def test_download_links_for_every_page(result, files):
    """Every scope's links as its page and API document give them (held_links): csv, the
    summary CSV, xlsx, JSON and the API document; every scope's JSON is its API document."""
    ds = result.dataset
    need = {"csv", "csv_ringkasan", "xlsx", "json", "api"}
    assert need | {"zip", "datapackage", "csv_jabatan", "csv_anggaran"} <= set(download_links("semua", files=files))
    scopes = [held("semua", files=files)]
    for region in ds.regions.values():
        scopes.append(held("wilayah", region.id, files=files))
        for agency in region.agencies.values():
            scopes.append(held("perangkat_daerah", region.id, agency.id, files=files))
            for u in agency.units:
                scopes.append(held("unit", region.id, agency.id, u, files=files))
            for p in agency.positions:
                scopes.append(held("jabatan", region.id, agency.id, p, files=files))
    for links in scopes:
        assert need <= set(links) and links["json"] == links["api"], links
    for a, p, _, _, res in result.reports:
        links = held("jabatan", a.region_id, a.id, p.id, res.tahun, res.triwulan, files=files)
        whole = held("jabatan", a.region_id, a.id, p.id, files=files)
        assert need <= set(links) and links["json"] == links["api"]
        assert {k: v for k, v in links.items() if k not in ("json", "api")} == {
            k: v for k, v in whole.items() if k not in ("json", "api")
        }
    with pytest.raises(ValueError):
        download_links("halaman", REGION)


def test_api_page_examples_point_at_real_files(files):
    text = (ROOT / "content" / "api-dan-data.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"(?:unduh|api/v1)/[A-Za-z0-9_./-]+\.(?:json|csv|xlsx|zip)", text))
    assert {"unduh/kinerja.zip", "unduh/datapackage.json", "api/v1/index.json"} <= paths
    for path in paths:
        assert path in files, path


# --------------------------------------------------------------------------- determinism


def test_same_bytes_in_a_second_process(files, second_run):
    stdout, stderr = second_run.communicate(timeout=300)
    assert second_run.returncode == 0, stderr[-2000:]
    other = json.loads(stdout)
    assert list(other) == list(files)
    assert [p for p, h in other.items() if hashlib.sha256(files[p]).hexdigest() != h] == []


def test_context_columns_left_out_of_a_workbook_only_when_one_value_in_every_sheet():
    """Issue 21, fewer cells: a context column goes to the notes only when every row of every
    sheet holds the same value; an agency's budget sheet holding one position keeps its
    Jabatan column, as the other sheets do."""
    from generator.opendata.files import without_constant_context
    from generator.render.workbook import Column, Sheet

    def col(name: str) -> Column:
        return Column(name, {"jabatan": "Jabatan", "wilayah": "Wilayah", "unit": "Unit kerja"}.get(name, name), "string")

    ringkasan = Sheet(
        "Ringkasan",
        [col("jabatan"), col("wilayah"), col("unit"), col("x")],
        [
            {"jabatan": "Kepala Dinas", "wilayah": "Kota A", "unit": None, "x": "1"},
            {"jabatan": "Sekretaris", "wilayah": "Kota A", "unit": None, "x": "2"},
        ],
    )
    anggaran = Sheet("Anggaran", [col("jabatan"), col("wilayah")], [{"jabatan": "Kepala Dinas", "wilayah": "Kota A"}])
    empty = Sheet("Indikator", [col("jabatan"), col("wilayah")], [])
    sheets, said = without_constant_context([ringkasan, anggaran, empty])
    assert [[c.name for c in s.columns] for s in sheets] == [["jabatan", "x"], ["jabatan"], ["jabatan"]]
    assert said == "Wilayah: Kota A; Unit kerja: –"
    assert [s.rows for s in sheets] == [ringkasan.rows, anggaran.rows, []]  # rows untouched
    assert without_constant_context([ringkasan.__class__("R", [col("x")], [{"x": "1"}])])[1] is None

"""Issue 17: what real LKj and IKI documents print fits the model without loss.

The fixture tests/fixtures/dokumen_nyata/ is written from the issue's descriptions: a UPTD
staff report with three signatories, a target and realisations printed as words or a dash,
one row compared with the annual target, a funding source on the budget rows, a label in
two halves; a per-quarter table (TW I–IV pairs, not s.d. TW, no average row) with a label
printed as its category half only; an undated IKI sheet of a region whose name is not
stated, with no holder, no unit, a generic indicator under two programmes, a component
row, a NIHIL row and a blank row. Each passes `check` without a finding, computes the
figures worked out by hand below, and shows on the page and in the downloads.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from generator.check import check
from generator.model import Laporan
from generator.opendata import open_data_files
from generator.site.compose import render_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "dokumen_nyata"
KOTA = "kota-uji/dinas-uji"
UNDATED_REGION = "kabupaten-tanpa-nama"
UNDATED = f"{UNDATED_REGION}/dinas-tenaga-kerja"
INSTRUKTUR_PAGE = f"{KOTA}/jabatan/instruktur.md"
PENGANTAR_PAGE = f"{KOTA}/jabatan/pengantar-kerja.md"
UNDATED_PAGE = f"{UNDATED}/jabatan/pengadministrasi-penempatan.md"
D = Decimal


@pytest.fixture(scope="module")
def result():
    return check(FIXTURE)


@pytest.fixture(scope="module")
def pages(result):
    return render_site(result).files


@pytest.fixture(scope="module")
def downloads(result):
    return open_data_files(result)


def text(files, path: str) -> str:
    """A page's words without markup."""
    md = re.sub(r"</?(strong|em|span|a|code)\b[^>]*>", "", files[path].decode("utf-8"))
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", md)).split())


def rows(files, path: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(files[path].decode("utf-8-sig"), newline="")))


def report(result, position: str, tw: int):
    (res,) = [r for _a, p, _y, _lap, r in result.reports if p.id == position and r.triwulan == tw]
    return res


def row(res, indicator: str):
    return next(r for r in res.rows if r.id == indicator)


def copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    return data


def edit(data: Path, rel: str, old: str, new: str) -> None:
    path = data / rel
    before = path.read_text(encoding="utf-8")
    assert old in before, old
    path.write_text(before.replace(old, new, 1), encoding="utf-8")


# --------------------------------------------------------------------------- check


def test_every_document_passes_check_without_a_finding(result):
    assert [d.format("id") for d in result.diagnostics] == []
    assert len(result.reports) == 6  # instruktur TW II and IV, pengantar-kerja TW I–IV


# --------------------------------------------------------------------------- signatories


def test_three_signatories_in_the_order_printed(result, pages, downloads):
    (lap,) = [lap for _a, p, _y, lap, r in result.reports if p.id == "instruktur" and r.triwulan == 4]
    assert [(s.peran, s.nama) for s in lap.penandatangan] == [
        ("mengetahui", "BUDI SANTOSO, S.T."),
        ("atasan_langsung", "ANDI WIJAYA, S.T."),
        ("pembuat", "SRI LESTARI, S.Pd."),
    ]
    page = text(pages, INSTRUKTUR_PAGE)
    block = page[page.index("### Penandatangan") :]
    # each under its caption, in the document's order, with pangkat and the masked NIP
    order = [
        block.index("Mengetahui, Kepala Dinas Tenaga Kerja BUDI SANTOSO, S.T. Pembina Utama Muda"),
        block.index("Atasan langsung Kepala UPTD Balai Latihan Kerja ANDI WIJAYA, S.T. Penata Tingkat I"),
        block.index("Kota Uji, 5 Januari 2026 Pembuat Instruktur Ahli Pertama SRI LESTARI, S.Pd. Penata Muda"),
    ]
    assert order == sorted(order)
    assert "198001012005011002" not in pages[INSTRUKTUR_PAGE].decode()  # NIPs stay masked
    md = pages[INSTRUKTUR_PAGE].decode()
    # the superiors' positions are linked; the maker's own page is not
    assert '<a href="../kepala-uptd-blk/">ANDI WIJAYA' in md and '<a href="../kepala-dinas/">BUDI SANTOSO' in md
    # the earlier quarter (compact form) names both of its signatories
    assert "oleh atasan langsung ANDI WIJAYA, S.T. (Kepala UPTD Balai Latihan Kerja); pembuat SRI LESTARI" in page
    # downloads: the report's API document and the summary CSV, without any NIP
    api = json.loads(downloads["api/v1/laporan/kota-uji/dinas-uji/instruktur/2025-tw4.json"])
    assert [(s["peran"], s["keterangan"], s["nama"]) for s in api["penandatangan"]] == [
        ("mengetahui", "Mengetahui,", "BUDI SANTOSO, S.T."),
        ("atasan_langsung", "Atasan langsung", "ANDI WIJAYA, S.T."),
        ("pembuat", "Pembuat", "SRI LESTARI, S.Pd."),
    ]
    assert api["penandatangan"][1]["jabatan_id"] == "kepala-uptd-blk"
    (summary,) = [r for r in rows(downloads, "unduh/kinerja_ringkasan.csv") if r["laporan_id"].endswith("instruktur/2025-tw4")]
    assert summary["penandatangan"] == (
        "Mengetahui,: BUDI SANTOSO, S.T. (Kepala Dinas Tenaga Kerja); "
        "Atasan langsung: ANDI WIJAYA, S.T. (Kepala UPTD Balai Latihan Kerja); "
        "Pembuat: SRI LESTARI, S.Pd. (Instruktur Ahli Pertama)"
    )
    for path, data in downloads.items():
        if path.endswith((".csv", ".json")):
            assert "198505052010012003" not in data.decode("utf-8"), path


def test_the_older_mapping_form_of_signatories_is_still_read(tmp_path):
    lap = Laporan.model_validate(
        {
            "triwulan": 4,
            "penandatangan": {
                "pembuat": {"nama": "SRI LESTARI, S.Pd.", "jabatan": "Instruktur"},
                "mengetahui": {"nama": "BUDI SANTOSO, S.T.", "jabatan": "Kepala Dinas"},
            },
        }
    )
    assert [(s.peran, s.nama) for s in lap.penandatangan] == [
        ("mengetahui", "BUDI SANTOSO, S.T."),
        ("pembuat", "SRI LESTARI, S.Pd."),
    ]
    # in a data file, with its NIP checked at the right line
    data = copy(tmp_path)
    year = f"{KOTA}/2025/instruktur.yml"
    edit(
        data,
        year,
        """    penandatangan:
      - peran: atasan_langsung
        peran_tertulis: Atasan Langsung
        nama: ANDI WIJAYA, S.T.
        jabatan: Kepala UPTD Balai Latihan Kerja
        jabatan_id: kepala-uptd-blk
        pangkat: Penata Tingkat I
        nip: "198001012005011002"
      - peran: pembuat
        nama: SRI LESTARI, S.Pd.""",
        """    penandatangan:
      mengetahui:
        nama: ANDI WIJAYA, S.T.
        jabatan: Kepala UPTD Balai Latihan Kerja
        nip: "19800101200501100"
      pembuat:
        nama: SRI LESTARI, S.Pd.""",
    )
    res = check(data)
    (d,) = [d for d in res.errors]
    lines = (data / year).read_text(encoding="utf-8").splitlines()
    assert d.code == "NIP_LENGTH" and lines[d.line - 1].strip() == 'nip: "19800101200501100"'


# --------------------------------------------------------------------------- per-quarter table


def test_per_quarter_table_is_computed_quarter_by_quarter(result, pages, downloads):
    # capaian = the quarter's realisation ÷ the quarter's target × 100, worked out by hand:
    # penempatan targets 20, 30, 30, 20 and realisations 25, 27, 21, 15;
    # lowongan targets 10 each quarter and realisations 8, 12, 9, 11.
    expected = {
        1: (D("125.00"), D("80.00"), D("102.50"), "Sangat Tinggi"),  # (125 + 80) / 2
        2: (D("90.00"), D("120.00"), D("105.00"), "Sangat Tinggi"),
        3: (D("70.00"), D("90.00"), D("80.00"), "Tinggi"),
        4: (D("75.00"), D("110.00"), D("92.50"), "Sangat Tinggi"),
    }
    for tw, (penempatan, lowongan, avg, predikat) in expected.items():
        res = report(result, "pengantar-kerja", tw)
        assert (row(res, "penempatan").capaian, row(res, "lowongan").capaian) == (penempatan, lowongan), tw
        assert res.rata_rata == avg and res.predikat.predikat == predikat, tw
        assert row(res, "penempatan").pengukuran == "per_triwulan"
        assert res.discrepancies == []
    page = text(pages, PENGANTAR_PAGE)
    assert "Jumlah pencari kerja yang ditempatkan 100 orang 20 triwulan ini saja 15 75,00" in page
    for target, realisasi, capaian in (("20", "25", "125,00"), ("30", "27", "90,00"), ("30", "21", "70,00")):  # TW I–III
        assert f"Jumlah pencari kerja yang ditempatkan {target} triwulan ini saja {realisasi} {capaian}" in page
    metodologi = text(pages, "metodologi.md")
    assert "per triwulan (bukan kumulatif): Jumlah pencari kerja yang ditempatkan, Jumlah lowongan kerja" in metodologi
    indikator = [r for r in rows(downloads, "unduh/kinerja.csv") if "pengantar-kerja/2025-tw3/" in r["id"]]
    assert {(r["indikator_id"], r["pengukuran"], r["target"], r["realisasi"], r["capaian"]) for r in indikator} == {
        ("penempatan", "per_triwulan", "30", "21", "70"),
        ("lowongan", "per_triwulan", "10", "9", "90"),
    }


def test_the_same_table_read_as_cumulative_is_refused(tmp_path):
    """What the converter met: per-quarter values entered as cumulative ones decrease."""
    data = copy(tmp_path)
    rel = f"{KOTA}/2025/pengantar-kerja.yml"
    edit(data, rel, "        pengukuran: per_triwulan\n", "")
    codes = {d.code for d in check(data).diagnostics}
    assert "CUMULATIVE_DECREASE" in codes


# --------------------------------------------------------------------------- words, dashes, dasar_target


def test_values_printed_as_words_or_dashes_are_kept_and_left_out(result, pages, downloads):
    tw4 = report(result, "instruktur", 4)
    laporan, sertifikat = row(tw4, "laporan-pelatihan"), row(tw4, "sertifikat")
    assert (laporan.status, laporan.target_teks, laporan.realisasi_teks, laporan.dihitung) == (
        "teks",
        "Laporan",
        "Laporan",
        False,
    )
    assert (sertifikat.status, sertifikat.realisasi_teks, sertifikat.dihitung) == ("tidak_diisi", "-", False)
    # average of the two computed rows: 84 ÷ 80 × 100 = 105,00 and 504 ÷ 480 × 100 = 105,00
    assert row(tw4, "peserta-lulus").capaian == D("105.00") and row(tw4, "jam-latih").capaian == D("105.00")
    assert tw4.rata_rata == D("105.00") and tw4.jumlah_dihitung == 2
    # budget 180.000.000 ÷ 200.000.000 = 90,00; efficiency (105 ÷ 90 − 1) × 100 = 16,666… → 16,67
    assert tw4.anggaran_total == D("90.00") and tw4.efisiensi == D("16.67")
    page = text(pages, INSTRUKTUR_PAGE)
    assert "Laporan pelaksanaan pelatihan Laporan dokumen Laporan Laporan – tercetak sebagai kata" in page
    assert "60 orang 60 - – tidak diisi (–): tidak dihitung dalam rata-rata" in page
    assert (
        "Indikator 3 Laporan pelaksanaan pelatihan tidak ikut dihitung dalam rata-rata karena nilainya tercetak sebagai kata"
        in page
    )
    assert (
        "Indikator 4 Jumlah sertifikat kompetensi yang diterbitkan tidak ikut dihitung dalam rata-rata karena nilainya tidak diisi"
        in page
    )
    csv_rows = {r["indikator_id"]: r for r in rows(downloads, "unduh/kinerja.csv") if "instruktur/2025-tw4/" in r["id"]}
    assert (csv_rows["laporan-pelatihan"]["status"], csv_rows["laporan-pelatihan"]["target_tertulis"]) == ("teks", "Laporan")
    assert csv_rows["laporan-pelatihan"]["realisasi_tertulis"] == "Laporan"
    # a CSV text cell starting with "-" carries the spreadsheet's text mark (core/csvcell.py)
    assert (csv_rows["sertifikat"]["status"], csv_rows["sertifikat"]["realisasi_tertulis"]) == ("tidak_diisi", "'-")
    assert csv_rows["sertifikat"]["alasan_tidak_dihitung"].startswith("nilainya tidak diisi")
    api = json.loads(downloads["api/v1/laporan/kota-uji/dinas-uji/instruktur/2025-tw4.json"])
    by_id = {i["id"]: i for i in api["indikator"]}
    assert (by_id["laporan-pelatihan"]["status"], by_id["laporan-pelatihan"]["realisasi_tertulis"]) == ("teks", "Laporan")
    assert by_id["sertifikat"]["dihitung_dalam_rata_rata"] is False


def test_a_row_compared_with_the_annual_target(result, pages):
    tw2 = report(result, "instruktur", 2)
    # jam-latih: 300 ÷ 480 (annual, its own dasar_target) × 100 = 62,50, not 300 ÷ 240 = 125
    assert (row(tw2, "jam-latih").target, row(tw2, "jam-latih").capaian) == (D(480), D("62.50"))
    # the other rows use the target s.d. TW II (here the annual one, no quarter target):
    # 78 ÷ 80 = 97,50; 20 ÷ 60 = 33,333… → 33,33; the dash row is left out
    assert row(tw2, "peserta-lulus").capaian == D("97.50") and row(tw2, "sertifikat").capaian == D("33.33")
    assert row(tw2, "laporan-pelatihan").status == "tidak_diisi"
    assert tw2.rata_rata == D("64.44")  # (97,50 + 62,50 + 33,33) / 3 = 64,443…
    assert "Jumlah jam pelatihan yang dilaksanakan 480 target tahunan 300 62,50" in text(pages, INSTRUKTUR_PAGE)


# --------------------------------------------------------------------------- predikat labels


def test_predikat_labels_are_compared_in_full(result, tmp_path):
    # two halves, category only, and both keys: each matches the scale, so no finding
    assert report(result, "instruktur", 4).discrepancies == []
    assert report(result, "pengantar-kerja", 3).predikat.kategori == "Berhasil"
    data = copy(tmp_path)
    edit(
        data,
        f"{KOTA}/2025/instruktur.yml",
        "predikat_tertulis: Sangat Tinggi / Sangat Berhasil",
        "predikat_tertulis: Sangat Tinggi / Berhasil",
    )
    edit(data, f"{KOTA}/2025/pengantar-kerja.yml", "predikat: Berhasil", "predikat: Sangat Berhasil")
    res = check(data)
    found = sorted((d.path.split("/")[-1], d.message.id) for d in res.warnings if d.code == "PRINTED_DIFFERS")
    assert found == [
        ("instruktur.yml", "predikat: tercetak Sangat Tinggi / Berhasil, hasil hitung Sangat Tinggi / Sangat Berhasil"),
        ("pengantar-kerja.yml", "predikat: tercetak Sangat Berhasil, hasil hitung Tinggi / Berhasil"),
    ]
    page = text(render_site(res).files, INSTRUKTUR_PAGE)
    assert "Dokumen mencetak Sangat Tinggi / Berhasil" in page  # the summary card shows both
    assert "predikat: tercetak di dokumen Sangat Tinggi / Berhasil, hasil hitung ulang Sangat Tinggi / Sangat Berhasil" in page


# --------------------------------------------------------------------------- budget


def test_funding_source_on_the_budget_rows(result, pages, downloads):
    tw4 = report(result, "instruktur", 4)
    assert [(b.id, b.sumber_dana, b.persen) for b in tw4.budget] == [
        ("program-pelatihan", "DAK", D("90.00")),
        ("kegiatan-pelatihan", "DAK", D("90.00")),
    ]
    assert "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja Sumber dana: DAK 200.000.000" in text(pages, INSTRUKTUR_PAGE)
    anggaran = [r for r in rows(downloads, "unduh/kinerja_anggaran.csv") if "instruktur/2025-tw4/" in r["id"]]
    assert {r["pos_id"]: r["sumber_dana"] for r in anggaran} == {"program-pelatihan": "DAK", "kegiatan-pelatihan": "DAK"}
    api = json.loads(downloads["api/v1/laporan/kota-uji/dinas-uji/instruktur/2025-tw4.json"])
    assert [p["sumber_dana"] for p in api["anggaran"]["pos"]] == ["DAK", "DAK"]


# --------------------------------------------------------------------------- an undated IKI sheet


def test_an_undated_iki_sheet_never_gets_a_year(result, pages, downloads):
    (year,) = [y for _r, _a, p, y in result.dataset.years() if p.id == "pengadministrasi-penempatan"]
    assert year.tahun is None and year.model.tahun is None
    page = text(pages, UNDATED_PAGE)
    for part in (
        "INDIKATOR KINERJA INDIVIDU (TAHUN TIDAK TERCANTUM)",
        "## Indikator Kinerja Individu (tahun tidak tercantum)",
        "Unit kerja Tidak tercantum dalam dokumen",
        "Pemangku jabatan Tidak tercantum dalam dokumen",
        "Kabupaten (nama tidak tercantum)",
        "DINAS-TENAGA-KERJA/IKI/TANPA-TAHUN/pengadministrasi-penempatan",
    ):
        assert part in page, part
    assert not re.search(r"\b(2000|None)\b", page)
    assert "Belum ada realisasi" not in page  # a sheet without targets has nothing to realise
    # row kinds: the two indicators carry a direction, the component, NIHIL and blank rows do not
    assert page.count("makin tinggi makin baik (diasumsikan)") == 2
    assert "a Dokumen rencana kerja komponen indikator di atasnya, tidak diukur sendiri" in page
    assert "3 NIHIL tidak ada indikator untuk periode ini (NIHIL) baris kosong dalam dokumen" in page
    comparison = text(pages, "perbandingan/pengantar-kerja.md")
    assert "tahun 2025, tahun tidak tercantum" in comparison
    assert "Indikator Kinerja Individu tahun tidak tercantum 2 belum ada realisasi" in comparison  # 2 indicators, not 5 rows
    dip = rows(pages, f"{UNDATED}/ppid/dip.csv")
    assert any("IKI/TANPA-TAHUN/pengadministrasi-penempatan" in r["nomor"] for r in dip)
    assert not any(re.search(r"\b(2000|None)\b", " ".join(r.values())) for r in dip)
    # downloads: the year stays empty, the period says it is not stated
    defs = [r for r in rows(downloads, "unduh/kinerja.csv") if r["jabatan_id"] == "pengadministrasi-penempatan"]
    assert {(r["tahun"], r["periode"], r["wilayah"]) for r in defs} == {
        ("", "tahun tidak tercantum", "Kabupaten (nama tidak tercantum)")
    }
    assert [(r["indikator_id"], r["jenis_baris"]) for r in defs] == [
        ("dokumen-program-penempatan", "indikator"),
        ("rencana-kerja-penempatan", "komponen"),
        ("dokumen-program-pelatihan", "indikator"),
        ("baris-3", "nihil"),
        ("baris-4", "kosong"),
    ]
    assert defs[0]["id"] == f"{UNDATED}/pengadministrasi-penempatan/tanpa-tahun/dokumen-program-penempatan"
    api = json.loads(downloads[f"api/v1/jabatan/{UNDATED}/pengadministrasi-penempatan.json"])
    (tahun,) = api["tahun"]
    assert (tahun["tahun"], tahun["tahun_tercantum"]) == (None, False)
    assert [i["jenis_baris"] for i in tahun["indikator"]] == ["indikator", "komponen", "indikator", "nihil", "kosong"]


def test_a_report_needs_a_year(tmp_path):
    data = copy(tmp_path)
    rel = f"{UNDATED}/tanpa-tahun/pengadministrasi-penempatan.yml"
    (data / rel).write_text((data / rel).read_text(encoding="utf-8") + "laporan:\n  - triwulan: 4\n", encoding="utf-8")
    res = check(data)
    (d,) = res.errors
    assert d.code == "MISSING_VALUE" and d.path.endswith(rel) and "memerlukan tahun" in d.message.id
    # and a dated file in the undated folder is misplaced, never silently re-dated
    edit(data, rel, "tahun: tidak_tercantum", "tahun: 2023")
    assert "FILE_NAME" in {d.code for d in check(data).errors}


def test_api_documents_of_the_fixture_follow_their_schemas(downloads):
    from jsonschema import Draft202012Validator

    validators = {
        path: Draft202012Validator(json.loads(data), format_checker=Draft202012Validator.FORMAT_CHECKER)
        for path, data in downloads.items()
        if path.startswith("api/v1/skema/")
    }
    for path, data in downloads.items():
        if path.startswith("api/v1/") and "/skema/" not in path:
            doc = json.loads(data)
            errors = list(validators[doc["skema"]].iter_errors(doc))
            assert not errors, (path, errors[0].message, list(errors[0].path))


# --------------------------------------------------------------------------- duplicate indicators


def test_a_generic_indicator_under_two_programmes_is_not_a_duplicate(result, tmp_path):
    assert not any(d.code == "DUPLICATE_INDICATOR" for d in result.diagnostics)
    # the same indicator twice under the same sasaran still is
    data = copy(tmp_path)
    edit(
        data,
        f"{UNDATED}/tanpa-tahun/pengadministrasi-penempatan.yml",
        "      sasaran: Tersusunnya dokumen Program Pelatihan Kerja\n",
        "      sasaran: Tersusunnya dokumen Program Penempatan Tenaga Kerja\n",
    )
    (d,) = [d for d in check(data).diagnostics if d.code == "DUPLICATE_INDICATOR"]
    assert "di bawah sasaran yang sama" in d.hint.id


# --------------------------------------------------------------------------- the README's examples


def test_readme_examples_of_these_documents_are_read_as_written():
    import yaml

    from generator.model import Indikator, PosAnggaran, Tahunan

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### What documents print besides plain numbers") :]
    section = section[: section.index("\n## ")]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    signers, per_quarter, realisasi, tercetak, budget, _not_stated, rows_ = blocks
    lap = Laporan.model_validate({"triwulan": 4, **signers, **realisasi, "tercetak": tercetak["tercetak"]})
    assert [s.peran for s in lap.penandatangan] == ["mengetahui", "atasan_langsung", "pembuat"]
    assert (lap.realisasi["laporan-pelatihan"].teks, lap.realisasi["sertifikat"].teks) == ("Laporan", "-")
    assert Indikator.model_validate(per_quarter[0]).pengukuran == "per_triwulan"
    assert PosAnggaran.model_validate(budget[0]).sumber_dana == "DAK"
    assert [Indikator.model_validate(r).jenis_baris for r in rows_] == ["nihil", "kosong"]
    assert Tahunan.model_validate({"jabatan": "a", "tahun": "tidak_tercantum"}).tahun is None

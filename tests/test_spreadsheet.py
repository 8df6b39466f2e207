"""Excel round trip: export → import gives back the same bytes; edits change only their lines."""

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check import check
from generator.cli import main
from generator.staff import schema
from generator.staff.spreadsheet import export, plan_import

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
YEAR_FILES = sorted(DATA.glob("*/*/20[0-9][0-9]/*.yml"))
YEAR = "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"


def test_all_bundled_year_files_are_found():
    assert len(YEAR_FILES) == 124
    assert len([f for f in YEAR_FILES if "\nlaporan:" in f.read_text(encoding="utf-8")]) == 42


def assert_identity(year_file: Path, tw: int, tmp: Path) -> None:
    """Each cell reads back as the value it came from, nothing is noted or deleted, and the
    round-trip YAML writer reproduces the file byte for byte, comments included."""
    x = tmp / f"isian-{year_file.stem}-{tw}.xlsx"
    export(year_file, tw, x, DATA)
    plan = plan_import(x, DATA)
    assert plan.problems == [] and plan.notes == [] and plan.deletions == []
    assert plan.new.encode("utf-8") == year_file.read_bytes()
    assert plan.rewritten.encode("utf-8") == year_file.read_bytes()  # and the writer loses nothing


def _latest_quarter(year_file: Path) -> int:
    quarters = [int(line.split(":")[1]) for line in year_file.read_text(encoding="utf-8").splitlines() if "- triwulan:" in line]
    return max(quarters, default=1)


def _sampled(files: list[Path]) -> list:
    """Every file in the full run; `make test-fast` keeps each region's first file with a report
    and every 12th file, the rest are marked slow."""
    keep = set(files[::12])
    for region in sorted({f.parts[-4] for f in files}):
        reported = [f for f in files if f.parts[-4] == region and "\nlaporan:" in f.read_text(encoding="utf-8")]
        keep.update(reported[:1])
    return [f if f in keep else pytest.param(f, marks=pytest.mark.slow) for f in files]


@pytest.mark.parametrize("year_file", _sampled(YEAR_FILES), ids=lambda p: "/".join(p.parts[-3:]))
def test_export_import_gives_back_identical_yaml(year_file, tmp_path):
    """Every bundled year file, at its latest reported quarter (TW I when it has none)."""
    assert_identity(year_file, _latest_quarter(year_file), tmp_path)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(year_file=st.sampled_from(YEAR_FILES), tw=st.sampled_from([1, 2, 3, 4]))
def test_export_import_is_the_identity_for_any_file_and_quarter(year_file, tw):
    """The same property over any quarter (a new report, the previous quarter's figures beside the cells)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        assert_identity(year_file, tw, Path(tmp))


def test_round_trip_keeps_the_schema_header(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    schema.add_headers(data, tmp_path / "schemas")
    x = tmp_path / "isian.xlsx"
    export(data / YEAR, 2, x, data)
    plan = plan_import(x, data)
    assert plan.new == plan.rewritten == (data / YEAR).read_text(encoding="utf-8")
    assert plan.new.startswith("# yaml-language-server: $schema=")


@pytest.fixture
def minimal(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    year = data / YEAR
    # comments of the kind staff write, which must survive an import
    year.write_text(
        year.read_text(encoding="utf-8")
        .replace("  - triwulan: 4\n", "  # Laporan akhir tahun.\n  - triwulan: 4\n")
        .replace("      ikm: 95,14\n", "      ikm: 95,14  # rata-rata semester I dan II\n"),
        encoding="utf-8",
    )
    return data


def cells(ws) -> dict[str, str]:
    """header text → column letter."""
    return {c.value: c.column_letter for c in ws[1]}


def row_of(ws, key: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)


def test_workbook_layout(minimal, tmp_path):
    x = tmp_path / "isian.xlsx"
    assert main(["spreadsheet", "export", str(minimal / YEAR), "--triwulan", "4", "-o", str(x), "--data", str(minimal)]) == 0
    wb = openpyxl.load_workbook(x)
    assert wb.sheetnames[:4] == ["Petunjuk", "Realisasi", "Anggaran", "Narasi"]
    assert wb["_kinerja"].sheet_state == "veryHidden"
    ws = wb["Realisasi"]
    col = cells(ws)
    assert {
        "Id (jangan diubah)",
        "Satuan",
        "Polaritas",
        "Target tahunan",
        "Realisasi s.d. TW II (sudah dilaporkan)",
        "Realisasi s.d. TW IV",
        "Alasan bila data belum tersedia (n/a)",
    } <= set(col)
    assert all(wb[name].protection.sheet for name in ("Realisasi", "Anggaran", "Narasi"))
    r = row_of(ws, "ikm")
    # the Perjanjian Kinerja is locked; only the realisation, the n/a reason and the note are open
    locked = {h for h, letter in col.items() if ws[f"{letter}{r}"].protection.locked}
    assert set(col) - locked == {"Realisasi s.d. TW IV", "Alasan bila data belum tersedia (n/a)", "Catatan"}
    assert ws[f"{col['Realisasi s.d. TW IV']}{r}"].value == pytest.approx(95.14)
    assert ws[f"{col['Alasan bila data belum tersedia (n/a)']}{row_of(ws, 'tpak')}"].value == "dirilis BPS tahun berikutnya"
    # the previous report's cumulative figures (TW II; there is no TW III) beside each cell, locked
    prev = col["Realisasi s.d. TW II (sudah dilaporkan)"]
    assert col["Realisasi s.d. TW IV"] == chr(ord(prev) + 1)
    assert [ws[f"{prev}{row_of(ws, i)}"].value for i in ("ikm", "pencari-kerja", "tpak")] == [90, 350, "n/a"]
    ba = wb["Anggaran"]
    assert ba[f"{cells(ba)['Realisasi s.d. TW II (Rp, sudah dilaporkan)']}{row_of(ba, 'program-a')}"].value == 450000000
    dropdowns = {str(dv.sqref).split(":")[0][0]: dv for dv in wb["Narasi"].data_validations.dataValidation if dv.type == "list"}
    assert dropdowns[cells(wb["Narasi"])["Bagian"]].formula1.startswith("=_daftar!")
    petunjuk = [c.value for c in wb["Petunjuk"]["A"]]
    assert "Cara mengisi" in petunjuk and any("hapus" in (line or "") for line in petunjuk)
    # never overwrites an existing workbook
    assert main(["spreadsheet", "export", str(minimal / YEAR), "--triwulan", "4", "-o", str(x), "--data", str(minimal)]) == 1


def test_the_first_quarter_has_no_previous_column(minimal, tmp_path):
    x = tmp_path / "tw1.xlsx"
    export(minimal / YEAR, 1, x, minimal)
    headers = set(cells(openpyxl.load_workbook(x)["Realisasi"]))
    assert "Realisasi s.d. TW I" in headers and not any("sudah dilaporkan" in h for h in headers)


def test_edits_change_only_their_values_and_keep_comments(minimal, tmp_path):
    x = tmp_path / "isian.xlsx"
    export(minimal / YEAR, 4, x, minimal)
    wb = openpyxl.load_workbook(x)
    ws, col = wb["Realisasi"], cells(wb["Realisasi"])
    ws[f"{col['Realisasi s.d. TW IV']}{row_of(ws, 'pencari-kerja')}"] = 1600
    ws[f"{col['Realisasi s.d. TW IV']}{row_of(ws, 'ikm')}"] = "96,5"  # typed as text on an English Excel
    ws[f"{col['Catatan']}{row_of(ws, 'ikm')}"] = "Survei semester II"
    ws[f"{col['Alasan bila data belum tersedia (n/a)']}{row_of(ws, 'tpak')}"] = "menunggu rilis BPS"
    ba = wb["Anggaran"]
    ba[f"{cells(ba)['Realisasi s.d. TW IV (Rp)']}{row_of(ba, 'kegiatan-a1')}"] = 950000000
    na = wb["Narasi"]
    na["B2"], na["C2"] = "faktor_pendukung", "Koordinasi antarbidang: baik"
    na["B3"], na["C3"] = "rekomendasi", "no"
    wb.save(x)
    before = (minimal / YEAR).read_text(encoding="utf-8")
    plan = plan_import(x, minimal)
    assert plan.problems == [] and plan.deletions == []
    assert plan.notes == []  # TW IV has its date and signatories
    removed = [ln[1:] for ln in plan.diff().splitlines() if ln.startswith("-") and not ln.startswith("---")]
    added = [ln[1:] for ln in plan.diff().splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    assert removed == [
        "      ikm: 95,14  # rata-rata semester I dan II",
        "      pencari-kerja: 1537",
        "      tpak: {na: dirilis BPS tahun berikutnya}",
        "      kegiatan-a1: {target: 1.000.000.000, realisasi: 946.700.000}",
    ]
    assert "      pencari-kerja: 1600" in added and "      tpak: {na: menunggu rilis BPS}" in added
    assert "      kegiatan-a1: {target: 1.000.000.000, realisasi: 950.000.000}" in added
    assert "        nilai: 96,5" in added and "        catatan: Survei semester II" in added
    assert '        - "Koordinasi antarbidang: baik"' in added and '        - "no"' in added
    assert "  # Laporan akhir tahun." in plan.new  # comments stay
    # written only on request; then the data checks and computes with the new figures
    assert (minimal / YEAR).read_text(encoding="utf-8") == before
    assert main(["spreadsheet", "import", str(x), "--data", str(minimal), "--write"]) == 0
    result = check(minimal)
    assert result.errors == []
    tw4 = next(r for *_x, r in result.reports if r.triwulan == 4)
    assert {r.id: r.realisasi for r in tw4.rows}["ikm"] == 96.5
    # importing the same sheet again changes nothing
    assert plan_import(x, minimal).new == (minimal / YEAR).read_text(encoding="utf-8")


def test_unreadable_cells_are_listed_and_nothing_is_written(minimal, tmp_path, capsys):
    x = tmp_path / "isian.xlsx"
    export(minimal / YEAR, 4, x, minimal)
    wb = openpyxl.load_workbook(x)
    ws, col = wb["Realisasi"], cells(wb["Realisasi"])
    real = col["Realisasi s.d. TW IV"]
    ws[f"{real}{row_of(ws, 'pencari-kerja')}"] = "1,537,000"
    ws[f"{real}{row_of(ws, 'ikm')}"] = dt.datetime(2025, 3, 1)  # what Excel makes of "1.3" in some locales
    ws[f"{real}{row_of(ws, 'tpak')}"] = 70  # and the n/a reason is still there
    ws[f"{col['Polaritas']}{row_of(ws, 'ikm')}"] = "turun"
    wb["Narasi"]["B2"], wb["Narasi"]["C2"] = "pendukung", "teks"
    wb.save(x)
    before = (minimal / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(minimal), "--write"]) == 1
    out = capsys.readouterr().out
    r = row_of(ws, "pencari-kerja")
    assert (
        f'Realisasi!{real}{r} (kolom "Realisasi s.d. TW IV", indikator "Jumlah pencari kerja ditempatkan"): '
        "'1,537,000' memakai koma sebagai pemisah ribuan (gaya Inggris); tulis 1537000" in out
    )
    assert f"Realisasi!{real}{row_of(ws, 'ikm')} (" in out and "2025-03-01 00:00:00 bukan angka" in out
    assert f"Realisasi!{col['Alasan bila data belum tersedia (n/a)']}{row_of(ws, 'tpak')} (" in out
    assert "isi salah satu saja" in out
    assert (
        f'Realisasi!{col["Polaritas"]}{row_of(ws, "ikm")} (kolom "Polaritas", indikator "Indeks kepuasan masyarakat"): '
        'kolom ini dikunci karena berisi perjanjian kinerja: tertulis "naik", di lembar diubah menjadi "turun"' in out
    )
    assert 'Narasi!B2 (kolom "Bagian", butir baru): bagian "pendukung" tidak dikenal' in out
    assert "tidak ada yang ditulis" in out
    assert (minimal / YEAR).read_bytes() == before


def test_import_without_write_shows_the_diff_and_writes_nothing(minimal, tmp_path, monkeypatch, capsys):
    x = tmp_path / "isian.xlsx"
    export(minimal / YEAR, 4, x, minimal)
    wb = openpyxl.load_workbook(x)
    ws = wb["Realisasi"]
    ws[f"{cells(ws)['Realisasi s.d. TW IV']}{row_of(ws, 'pencari-kerja')}"] = 1600
    wb.save(x)
    before = (minimal / YEAR).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO())  # not a terminal: no question asked
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(minimal)]) == 0
    out = capsys.readouterr().out
    assert "-      pencari-kerja: 1537\n+      pencari-kerja: 1600\n" in out
    assert "--write" in out
    assert (minimal / YEAR).read_bytes() == before


def test_a_new_quarter_filled_in_excel(minimal, tmp_path):
    x = tmp_path / "tw3.xlsx"
    export(minimal / YEAR, 3, x, minimal)
    wb = openpyxl.load_workbook(x)
    ws, col = wb["Realisasi"], cells(wb["Realisasi"])
    ws[f"{col['Realisasi s.d. TW III']}{row_of(ws, 'ikm')}"] = 91
    ws[f"{col['Realisasi s.d. TW III']}{row_of(ws, 'pencari-kerja')}"] = 500
    ws[f"{col['Alasan bila data belum tersedia (n/a)']}{row_of(ws, 'tpak')}"] = "dirilis BPS tahun berikutnya"
    ba = wb["Anggaran"]
    ba[f"{cells(ba)['Realisasi s.d. TW III (Rp)']}{row_of(ba, 'program-a')}"] = 700000000
    wb.save(x)
    plan = plan_import(x, minimal)
    assert plan.problems == [] and any("dibuat baru" in n for n in plan.notes)
    # a new report has no date and no signatories yet: import says so
    assert any(
        "laporan triwulan III 2025 baru dibuat dan belum mencantumkan tanggal laporan dan penandatangan" in n for n in plan.notes
    )
    assert plan.new.index("- triwulan: 2") < plan.new.index("- triwulan: 3") < plan.new.index("- triwulan: 4")
    (minimal / YEAR).write_text(plan.new, encoding="utf-8")
    result = check(minimal)
    assert result.errors == []
    tw3 = next(r for *_x, r in result.reports if r.triwulan == 3)
    assert [r.status for r in tw3.rows] == ["terukur", "terukur", "na"] and tw3.anggaran_realisasi == 700000000


def test_not_a_workbook_is_a_message(tmp_path, capsys):
    bad = tmp_path / "bukan.xlsx"
    bad.write_text("bukan excel")
    assert main(["spreadsheet", "import", str(bad)]) == 1
    assert "tidak dapat dibuka sebagai berkas Excel" in capsys.readouterr().out
    other = tmp_path / "lain.xlsx"
    openpyxl.Workbook().save(other)
    assert main(["spreadsheet", "import", str(other)]) == 1
    assert "bukan lembar hasil `kinerja spreadsheet export`" in capsys.readouterr().out


def test_exporting_a_year_without_a_file_says_to_create_it(minimal, tmp_path, capsys):
    missing = minimal / "kota-contoh/dinas-contoh/2026/kepala-dinas.yml"
    capsys.readouterr()
    assert (
        main(["spreadsheet", "export", str(missing), "--triwulan", "1", "-o", str(tmp_path / "x.xlsx"), "--data", str(minimal)])
        == 1
    )
    out = capsys.readouterr().out
    assert "berkas tahun 2026 untuk jabatan kepala-dinas belum ada" in out
    assert "`kinerja new tahun " in out and "2025/kepala-dinas.yml --tahun 2026`" in out
    assert not (tmp_path / "x.xlsx").exists()

"""Issue 15: the spreadsheet round trip never loses or distorts a figure. Real workbooks,
written by openpyxl and, where Excel stores a cell differently, rewritten in the XML the
way Excel writes it (17-digit doubles, a formula with its cached value): percent cells,
cleared cells, the `hapus` marker, formulas without a value, comments, edits of the
Perjanjian Kinerja, crafted target paths and a sheet exported before the file changed."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from generator.check import check
from generator.cli import main
from generator.staff.spreadsheet import export, plan_import

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
YEAR = "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
REAL = "Realisasi s.d. TW IV"
NA = "Alasan bila data belum tersedia (n/a)"
NARASI = "    narasi:\n      faktor_pendukung:\n        - Koordinasi baik\n        - Anggaran cukup\n      upaya:\n        - Pelatihan rutin\n"


@pytest.fixture
def data(tmp_path) -> Path:
    """The small dataset, its TW IV report with a narrative."""
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    year = data / YEAR
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("    penandatangan:\n", NARASI + "    penandatangan:\n", 1), encoding="utf-8")
    assert check(data).errors == []
    return data


def cols(ws) -> dict[str, str]:
    return {c.value: c.column_letter for c in ws[1]}


def row_of(ws, key: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)


def addr(ws, header: str, key: str) -> str:
    return f"{cols(ws)[header]}{row_of(ws, key)}"


def exported(data: Path, tmp_path: Path, tw: int = 4):
    x = tmp_path / "isian.xlsx"
    export(data / YEAR, tw, x, data)
    return x, openpyxl.load_workbook(x)


def excel_style(xlsx: Path, extra: dict[str, str] | None = None) -> None:
    """Rewrite the workbook's XML the way Excel stores it: every number as the 17-digit
    text of its double (95.14 → 95.140000000000001), and ``extra`` cells (address on the
    Realisasi sheet → raw <c> content) replaced as given."""
    src = zipfile.ZipFile(xlsx)
    parts = {name: src.read(name) for name in src.namelist()}
    src.close()

    def seventeen(m: re.Match[bytes]) -> bytes:
        return m.group(1) + format(float(m.group(2)), ".17g").encode() + b"</v>"

    for name in parts:
        if name.startswith("xl/worksheets/sheet"):
            parts[name] = re.sub(rb'(<c r="[A-Z]+\d+"(?: s="\d+")? t="n"><v>)([-0-9.Ee+]+)</v>', seventeen, parts[name])
    realisasi = "xl/worksheets/sheet2.xml"
    for coord, content in (extra or {}).items():
        parts[realisasi], n = re.subn(
            rf'<c r="{coord}"( s="\d+")?[^>]*?(/>|>.*?</c>)'.encode(),
            lambda m, coord=coord, content=content: f'<c r="{coord}"{(m.group(1) or b"").decode()}>{content}</c>'.encode(),
            parts[realisasi],
        )
        assert n == 1, coord
    with zipfile.ZipFile(xlsx, "w", zipfile.ZIP_DEFLATED) as out:
        for name, blob in parts.items():
            out.writestr(name, blob)


def realisasi_block(text: str) -> str:
    """The TW IV realisation lines of the file."""
    tail = text[text.index("  - triwulan: 4") :]
    return tail[tail.index("    realisasi:\n") : tail.index("    anggaran:\n")]


# --------------------------------------------------------------------------- percentages


@pytest.mark.parametrize(
    "cell, fmt",
    [(0.955, "0.0%"), (0.955, "0%"), ("95,5%", "General")],
    ids=["excel-percent", "rounded-format", "typed-text"],
)
def test_percent_cells_are_read_as_percentages(data, tmp_path, cell, fmt):
    """Typing 95,5% in Excel stores 0.955 with a percent format; it is 95,5 %, exactly."""
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "tpak")] = cell
    ws[addr(ws, REAL, "tpak")].number_format = fmt
    ws[addr(ws, NA, "tpak")] = None  # the n/a reason gives way to the figure
    wb.save(x)
    excel_style(x)  # 0.955 as Excel writes it: 0.95499999999999996
    assert b"0.95499999999999996" in zipfile.ZipFile(x).read("xl/worksheets/sheet2.xml") or isinstance(cell, str)
    plan = plan_import(x, data)
    assert plan.problems == []
    assert "      tpak: 95,5\n" in realisasi_block(plan.new)
    assert plan.deletions == [
        f'Realisasi!{addr(ws, NA, "tpak")} (kolom "{NA}", indikator "Tingkat Partisipasi Angkatan Kerja"): '
        'alasan data belum tersedia "dirilis BPS tahun berikutnya" diganti realisasi 95,5'
    ]


def test_a_percent_cell_on_an_indicator_not_in_percent_is_refused(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = 0.16
    ws[addr(ws, REAL, "pencari-kerja")].number_format = "0%"
    wb.save(x)
    before = (data / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    out = capsys.readouterr().out
    assert (
        f'Realisasi!{addr(ws, REAL, "pencari-kerja")} (kolom "{REAL}", indikator "Jumlah pencari kerja ditempatkan"): '
        "sel ini tampil sebagai persen (16%), padahal satuannya orang; hapus format persennya" in out
    )
    assert (data / YEAR).read_bytes() == before


def test_a_cell_only_formatted_as_percent_keeps_its_figure(data, tmp_path):
    """Formatting a column as percent without retyping shows 9514%; the figure is still 95,14."""
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    for key in ("ikm", "pencari-kerja", "tpak"):
        ws[addr(ws, REAL, key)].number_format = "0.00%"
    wb.save(x)
    plan = plan_import(x, data)
    assert (plan.problems, plan.notes, plan.deletions) == ([], [], [])
    assert plan.new == plan.old


def test_a_fraction_for_a_percent_indicator_is_pointed_out(data, tmp_path):
    """0,955 pasted as a plain number (paste values drops the % format) is kept, with a note."""
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "tpak")] = 0.955
    ws[addr(ws, NA, "tpak")] = "hapus"
    wb.save(x)
    plan = plan_import(x, data)
    assert plan.problems == []
    assert any(
        "realisasi 0,955 untuk indikator bersatuan % dengan target 74,49; bila maksudnya 95,5%, ketik 95,5" in n
        for n in plan.notes
    )


def test_excel_style_numbers_read_back_exactly(tmp_path):
    """Every number of a real report stored the way Excel writes doubles reads back as the
    same Decimal: importing the untouched workbook changes nothing."""
    data = ROOT / "data"
    year = data / "kota-pekalongan/dinperinaker/2025/kepala-dinas.yml"
    x = tmp_path / "isian.xlsx"
    export(year, 4, x, data)
    excel_style(x)
    assert b"95.140000000000001" in zipfile.ZipFile(x).read("xl/worksheets/sheet2.xml")
    plan = plan_import(x, data)
    assert (plan.problems, plan.notes, plan.deletions) == ([], [], [])
    assert plan.new == plan.old == year.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- cleared cells and `hapus`


def test_cleared_cells_keep_the_stored_values(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws, ba, na = wb["Realisasi"], wb["Anggaran"], wb["Narasi"]
    ws[addr(ws, REAL, "ikm")] = None
    ws[addr(ws, NA, "tpak")] = None
    ba[addr(ba, "Realisasi s.d. TW IV (Rp)", "kegiatan-a1")] = None
    ba[addr(ba, "Target s.d. TW IV (Rp)", "program-a")] = None
    na[addr(na, "Teks (satu butir per baris)", "upaya 1")] = None
    wb.save(x)
    before = (data / YEAR).read_bytes()
    plan = plan_import(x, data)
    assert plan.problems == [] and plan.deletions == []
    assert plan.new == plan.old  # nothing deleted
    cleared = "tetap disimpan (sel kosong tidak menghapus apa pun); tulis hapus di sel ini bila memang ingin menghapusnya"
    assert plan.notes == [
        f'Realisasi!{addr(ws, REAL, "ikm")} (kolom "{REAL}", indikator "Indeks kepuasan masyarakat"): '
        f"sel dikosongkan, tetapi realisasi 95,14 {cleared}",
        f'Realisasi!{addr(ws, NA, "tpak")} (kolom "{NA}", indikator "Tingkat Partisipasi Angkatan Kerja"): '
        f'sel dikosongkan, tetapi alasan data belum tersedia "dirilis BPS tahun berikutnya" {cleared}',
        f'Anggaran!{addr(ba, "Target s.d. TW IV (Rp)", "program-a")} (kolom "Target s.d. TW IV (Rp)", program "Program A"): '
        f"sel dikosongkan, tetapi target anggaran 1.000.000.000 {cleared}",
        f'Anggaran!{addr(ba, "Realisasi s.d. TW IV (Rp)", "kegiatan-a1")} (kolom "Realisasi s.d. TW IV (Rp)", kegiatan "Kegiatan A1"): '
        f"sel dikosongkan, tetapi realisasi anggaran 946.700.000 {cleared}",
        f'Narasi!{addr(na, "Teks (satu butir per baris)", "upaya 1")} (kolom "Teks (satu butir per baris)", butir upaya 1): '
        f'sel dikosongkan, tetapi butir narasi "Pelatihan rutin" {cleared}',
    ]
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 0
    out = capsys.readouterr().out
    assert "Catatan: Realisasi!" in out and "Tidak ada perubahan" in out
    assert (data / YEAR).read_bytes() == before


def test_hapus_deletes_and_every_deletion_is_listed(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws, ba, na = wb["Realisasi"], wb["Anggaran"], wb["Narasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = "hapus"
    ba[addr(ba, "Realisasi s.d. TW IV (Rp)", "kegiatan-a1")] = "Hapus"
    na[addr(na, "Teks (satu butir per baris)", "faktor_pendukung 1")] = "hapus"
    na[addr(na, "Teks (satu butir per baris)", "faktor_pendukung 2")] = "Anggaran cukup dan tepat waktu"
    na["B8"], na["C8"] = "upaya", "Pendampingan perusahaan"
    wb.save(x)
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 0
    out = capsys.readouterr().out
    assert "Dihapus atas permintaan lembar (kata hapus), 3 isian:" in out
    assert (
        f'  Realisasi!{addr(ws, REAL, "pencari-kerja")} (kolom "{REAL}", indikator "Jumlah pencari kerja ditempatkan"): '
        "realisasi 1.537 dihapus (seluruh isian indikator ini untuk triwulan ini ikut terhapus)" in out
    )
    assert (
        f'  Anggaran!{addr(ba, "Realisasi s.d. TW IV (Rp)", "kegiatan-a1")} (kolom "Realisasi s.d. TW IV (Rp)", kegiatan "Kegiatan A1"): '
        "realisasi anggaran 946.700.000 triwulan ini dihapus" in out
    )
    assert '(kolom "Teks (satu butir per baris)", butir faktor_pendukung 1): butir narasi "Koordinasi baik" dihapus' in out
    text = (data / YEAR).read_text(encoding="utf-8")
    block = realisasi_block(text)
    assert "pencari-kerja" not in block and "ikm: 95,14" in block
    assert "kegiatan-a1: {" not in text[text.index("  - triwulan: 4") :]
    assert "      faktor_pendukung:\n        - Anggaran cukup dan tepat waktu\n      upaya:\n" in text
    assert "        - Pelatihan rutin\n        - Pendampingan perusahaan\n" in text
    assert check(data).errors == []


# --------------------------------------------------------------------------- formulas and comments


def test_a_formula_without_a_stored_value_is_an_error_naming_the_cell(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    cell = addr(ws, REAL, "pencari-kerja")
    ws[cell] = "=1500+100"  # openpyxl, like a script or some converters, saves no cached value
    ws[addr(ws, REAL, "ikm")] = 96
    wb.save(x)
    before = (data / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    out = capsys.readouterr().out
    assert (
        f'Realisasi!{cell} (kolom "{REAL}", indikator "Jumlah pencari kerja ditempatkan"): '
        f"sel {cell} berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel/LibreOffice" in out
    )
    assert "dikosongkan" not in out  # an unreadable formula is not a cleared cell
    assert (data / YEAR).read_bytes() == before


def test_a_formula_with_its_stored_value_is_read_as_that_value(data, tmp_path):
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    cell = addr(ws, REAL, "pencari-kerja")
    excel_style(x, {cell: "<f>1500+100</f><v>1600</v>"})  # as Excel saves a formula
    plan = plan_import(x, data)
    assert plan.problems == [] and "      pencari-kerja: 1600\n" in realisasi_block(plan.new)


def test_cell_comments_are_reported(data, tmp_path):
    x, wb = exported(data, tmp_path)
    ws, na = wb["Realisasi"], wb["Narasi"]
    ws[addr(ws, "Catatan", "ikm")].comment = Comment("Angka sementara, tunggu survei", "Budi")
    na["C2"].comment = Comment("cek lagi", "Sri")
    wb.save(x)
    plan = plan_import(x, data)
    assert plan.problems == [] and plan.new == plan.old
    assert plan.notes == [
        f'Realisasi!{addr(ws, "Catatan", "ikm")} (kolom "Catatan", indikator "Indeks kepuasan masyarakat"): '
        'komentar sel "Angka sementara, tunggu survei" tidak ikut diimpor; bila isinya perlu disimpan, tulis di kolom Catatan',
        'Narasi!C2 (kolom "Teks (satu butir per baris)", butir faktor_pendukung 1): '
        'komentar sel "cek lagi" tidak ikut diimpor; bila isinya perlu disimpan, tulis di kolom Catatan',
    ]


# --------------------------------------------------------------------------- the Perjanjian Kinerja is read-only


def test_edits_of_the_perjanjian_kinerja_are_refused(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws, ba = wb["Realisasi"], wb["Anggaran"]
    ws[addr(ws, "Target tahunan", "ikm")] = 90
    ws[addr(ws, "Sasaran", "ikm")] = "Sasaran lain"
    ws[addr(ws, "Indikator", "pencari-kerja")] = "Jumlah penduduk"
    ws[addr(ws, "Satuan", "tpak")] = "orang"
    ws[addr(ws, "Target s.d. TW IV (kosong = target tahunan)", "pencari-kerja")] = 800
    ws[addr(ws, REAL, "ikm")] = 96  # a legitimate edit alongside: nothing is written either
    ba[addr(ba, "Pagu (Rp)", "program-a")] = 2000000000
    wb.save(x)
    before = (data / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    out = capsys.readouterr().out
    assert "6 sel tidak dapat diterima; tidak ada yang ditulis" in out
    locked = "kolom ini dikunci karena berisi perjanjian kinerja"
    assert (
        f'Realisasi!{addr(ws, "Target tahunan", "ikm")} (kolom "Target tahunan", indikator "Indeks kepuasan masyarakat"): '
        f"{locked}: tertulis 87,62, di lembar diubah menjadi 90; perubahan ini ditolak" in out
    )
    assert f'{locked}: tertulis "Meningkatnya kualitas layanan", di lembar diubah menjadi "Sasaran lain"' in out
    assert f'{locked}: tertulis "Jumlah pencari kerja ditempatkan", di lembar diubah menjadi "Jumlah penduduk"' in out
    assert f'{locked}: tertulis "%", di lembar diubah menjadi "orang"' in out
    assert f"{locked}: tertulis 700, di lembar diubah menjadi 800" in out
    assert "perjanjian versi perubahan, lengkap dengan alasannya" in out
    assert (
        "kolom ini dikunci karena berisi susunan anggaran dan pagunya: tertulis 1.000.000.000, di lembar diubah menjadi 2.000.000.000"
        in out
    )
    assert (data / YEAR).read_bytes() == before


def test_rows_cannot_be_added_or_renamed(data, tmp_path):
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws.cell(row_of(ws, "tpak"), 1).value = "indikator-baru"
    new = ws.max_row + 1
    ws[f"A{new}"], ws[f"{cols(ws)[REAL]}{new}"] = "lain", 5
    wb.save(x)
    plan = plan_import(x, data)
    assert len(plan.problems) == 2 and all("jangan menambah, menyalin atau menghapus baris" in p for p in plan.problems)
    assert plan.new == plan.old


# --------------------------------------------------------------------------- where import writes


def _meta(wb) -> dict:
    return {row[0].value: row[1] for row in wb["_kinerja"].iter_rows(max_col=2) if row[0].value != "asal"}


def test_a_crafted_hidden_path_never_writes_outside_the_data_folder(data, tmp_path, capsys):
    """The issue's attack: the hidden sheet names a file outside --data."""
    outside = tmp_path / "di-luar.yml"
    outside.write_bytes((data / YEAR).read_bytes())
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = 1600
    _meta(wb)["berkas"].value = str(outside)
    wb.save(x)
    before = outside.read_bytes(), (data / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    out = capsys.readouterr().out
    assert f"lembar ini menyebut berkas '{outside}', padahal jabatan dan tahunnya menunjuk {YEAR}" in out
    assert "tidak ada yang ditulis" in out
    assert (outside.read_bytes(), (data / YEAR).read_bytes()) == before


@pytest.mark.parametrize(
    "key, value",
    [("jabatan", "../../../../di-luar"), ("wilayah", "/tmp"), ("tahun", "2025/../.."), ("perangkat_daerah", "a/b")],
)
def test_crafted_ids_are_refused(data, tmp_path, key, value, capsys):
    x, wb = exported(data, tmp_path)
    meta = _meta(wb)
    meta[key].value = value
    parts = {k: str(meta[k].value) for k in ("wilayah", "perangkat_daerah", "tahun", "jabatan")}
    meta["berkas"].value = "{wilayah}/{perangkat_daerah}/{tahun}/{jabatan}.yml".format(**parts)  # consistent, still refused
    wb.save(x)
    before = (data / YEAR).read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    assert "yang sah" in capsys.readouterr().out
    assert (data / YEAR).read_bytes() == before


def test_a_symbolic_link_on_the_way_is_refused(data, tmp_path, capsys):
    """The year folder replaced by a link to a folder outside --data: import does not follow it."""
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = 1600
    wb.save(x)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(data / "kota-contoh/dinas-contoh/2025", elsewhere)
    (data / "kota-contoh/dinas-contoh/2025").symlink_to(elsewhere, target_is_directory=True)
    before = (elsewhere / "kepala-dinas.yml").read_bytes()
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data), "--write"]) == 1
    assert "kota-contoh/dinas-contoh/2025 adalah tautan simbolis; impor hanya menulis berkas biasa di dalam folder data" in (
        capsys.readouterr().out
    )
    assert (elsewhere / "kepala-dinas.yml").read_bytes() == before


def test_the_written_file_is_the_one_under_data(data, tmp_path):
    """A workbook exported from one data folder, imported with --data another copy: the copy's
    file for the same position and year is the one written."""
    copy = tmp_path / "salinan"
    shutil.copytree(data, copy)
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = 1600
    wb.save(x)
    before = (data / YEAR).read_bytes()
    assert main(["spreadsheet", "import", str(x), "--data", str(copy), "--write"]) == 0
    assert "pencari-kerja: 1600" in (copy / YEAR).read_text(encoding="utf-8")
    assert (data / YEAR).read_bytes() == before


# --------------------------------------------------------------------------- a stale sheet


def test_a_stale_sheet_applies_only_the_cells_changed_in_it(data, tmp_path):
    x, wb = exported(data, tmp_path)
    year = data / YEAR
    # after the export, someone corrects ikm and revises a target in the file itself
    year.write_text(
        year.read_text(encoding="utf-8").replace("      ikm: 95,14\n", "      ikm: 96\n").replace("target: 87,62", "target: 88"),
        encoding="utf-8",
    )
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "pencari-kerja")] = 1600  # the sheet still shows ikm 95,14 and target 87,62
    wb.save(x)
    plan = plan_import(x, data)
    assert plan.problems == []
    assert any("sudah berubah sejak lembar ini diekspor" in n for n in plan.notes)
    block = realisasi_block(plan.new)
    assert "      ikm: 96\n" in block and "      pencari-kerja: 1600\n" in block  # the newer figure is not overwritten
    assert "target: 88" in plan.new


def test_a_stale_sheet_refuses_a_cell_changed_on_both_sides(data, tmp_path):
    x, wb = exported(data, tmp_path)
    year = data / YEAR
    year.write_text(year.read_text(encoding="utf-8").replace("      ikm: 95,14\n", "      ikm: 96\n"), encoding="utf-8")
    ws, na = wb["Realisasi"], wb["Narasi"]
    ws[addr(ws, REAL, "ikm")] = 97
    wb.save(x)
    plan = plan_import(x, data)
    assert plan.problems == [
        f'Realisasi!{addr(ws, REAL, "ikm")} (kolom "{REAL}", indikator "Indeks kepuasan masyarakat"): '
        "sejak lembar ini diekspor, isinya di berkas berubah dari 95,14 menjadi 96, sedangkan lembar berisi 97; "
        "ekspor ulang lembar ini, atau selaraskan dulu dengan berkasnya"
    ]
    assert plan.new == plan.old
    # the narrative changed in the file too: a narrative edit from the old sheet is refused
    year.write_text(year.read_text(encoding="utf-8").replace("- Pelatihan rutin", "- Pelatihan berkala"), encoding="utf-8")
    ws[addr(ws, REAL, "ikm")] = 95.14
    na[addr(na, "Teks (satu butir per baris)", "faktor_pendukung 1")] = "Koordinasi sangat baik"
    wb.save(x)
    plan = plan_import(x, data)
    assert len(plan.problems) == 1 and "narasi di berkas sudah berubah sejak lembar ini diekspor" in plan.problems[0]


# --------------------------------------------------------------------------- what the messages look like


def test_messages_speak_of_cells_not_yaml_keys(data, tmp_path, capsys):
    x, wb = exported(data, tmp_path)
    ws = wb["Realisasi"]
    ws[addr(ws, REAL, "ikm")] = "95,14,5"
    ws[addr(ws, "Catatan", "tpak")] = "=A1"
    ws[addr(ws, "Target tahunan", "tpak")] = 80.25
    wb.save(x)
    capsys.readouterr()
    assert main(["spreadsheet", "import", str(x), "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert out.count("Realisasi!") == 3 and out.count('(kolom "') == 3
    assert "tertulis 74,49, di lembar diubah menjadi 80,25" in out
    assert not re.search(r"laporan\.\d|realisasi\.\w|\b\d+\.\d+\b(?!\.)", out.replace("1.000.000.000", ""))


def test_text_that_looks_like_a_formula_or_the_marker_round_trips(data, tmp_path):
    """A stored text starting with "=" is exported as text (never a formula), and a stored
    note that says "hapus" is not taken as a deletion when left alone."""
    year = data / YEAR
    year.write_text(
        year.read_text(encoding="utf-8")
        .replace("        - Pelatihan rutin\n", '        - "=1+1 bukan rumus"\n')
        .replace("      ikm: 95,14\n", '      ikm: {nilai: "95,14", catatan: hapus}\n'),
        encoding="utf-8",
    )
    x, wb = exported(data, tmp_path)
    cell = wb["Narasi"][addr(wb["Narasi"], "Teks (satu butir per baris)", "upaya 1")]
    assert (cell.data_type, cell.value) == ("s", "=1+1 bukan rumus")
    plan = plan_import(x, data)
    assert (plan.problems, plan.notes, plan.deletions) == ([], [], [])
    assert plan.new == plan.old

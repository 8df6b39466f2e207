"""Issue 15: a workbook that went through a real spreadsheet program. The exported sheet is
filled in with openpyxl (a percent cell, a formula saved without its value, a cleared
cell, a comment, `hapus`), then opened and saved by headless LibreOffice Calc, which
computes the formula and rewrites every part of the file in its own way; import reads the
figures back exactly and says what it did with each cell."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment

from generator.check import check
from generator.staff.spreadsheet import export, plan_import

ROOT = Path(__file__).resolve().parent.parent
YEAR = "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
REAL = "Realisasi s.d. TW IV"


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice is not installed: `apt-get install libreoffice-calc-nogui` (see .ci/run)"
    return exe


def _addr(ws, header: str, key: str) -> str:
    letter = next(c.column_letter for c in ws[1] if c.value == header)
    return f"{letter}{next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == key)}"


def test_a_workbook_saved_by_libreoffice_imports_exactly(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", data)
    x = tmp_path / "isian.xlsx"
    export(data / YEAR, 4, x, data)
    wb = openpyxl.load_workbook(x)
    ws, ba, na = wb["Realisasi"], wb["Anggaran"], wb["Narasi"]
    ws[_addr(ws, REAL, "tpak")] = 0.955  # "95,5%" as Excel and Calc store it
    ws[_addr(ws, REAL, "tpak")].number_format = "0.0%"
    ws[_addr(ws, "Alasan bila data belum tersedia (n/a)", "tpak")] = "hapus"
    ws[_addr(ws, REAL, "pencari-kerja")] = "=1500+100"  # no cached value until Calc computes it
    ws[_addr(ws, REAL, "ikm")] = None  # cleared: the stored 95,14 stays
    ws[_addr(ws, "Catatan", "ikm")].comment = Comment("angka survei menyusul", "Sri")
    ba[_addr(ba, "Realisasi s.d. TW IV (Rp)", "kegiatan-a1")] = 950000000
    na["B2"], na["C2"] = "upaya", "Pendampingan perusahaan"
    wb.save(x)

    out = tmp_path / "calc"
    subprocess.run(
        [
            _soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(x),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    saved = out / "isian.xlsx"
    assert b"LibreOffice" in zipfile.ZipFile(saved).read("docProps/app.xml")

    plan = plan_import(saved, data)
    assert plan.problems == []
    tw4 = plan.new[plan.new.index("  - triwulan: 4") :]
    assert "      ikm: 95,14\n      pencari-kerja: 1600\n      tpak: 95,5\n" in tw4
    assert "      kegiatan-a1: {target: 1.000.000.000, realisasi: 950.000.000}\n" in tw4
    assert "    narasi:\n      upaya:\n        - Pendampingan perusahaan\n" in tw4
    comment, cleared = plan.notes  # comments first, then what the cells asked for
    assert cleared.startswith(f'Realisasi!{_addr(ws, REAL, "ikm")} (kolom "{REAL}", indikator "Indeks kepuasan masyarakat"): ')
    assert "realisasi 95,14 tetap disimpan" in cleared
    assert comment.startswith(f'Realisasi!{_addr(ws, "Catatan", "ikm")} (kolom "Catatan"') and "angka survei menyusul" in comment
    assert plan.deletions == [
        f'Realisasi!{_addr(ws, "Alasan bila data belum tersedia (n/a)", "tpak")} (kolom "Alasan bila data belum tersedia (n/a)", '
        'indikator "Tingkat Partisipasi Angkatan Kerja"): alasan data belum tersedia "dirilis BPS tahun berikutnya" dihapus'
    ]
    (data / YEAR).write_text(plan.new, encoding="utf-8")
    result = check(data)
    assert result.errors == []
    rows = {r.id: r for *_x, rep in result.reports if rep.triwulan == 4 for r in rep.rows}
    assert (rows["tpak"].realisasi, rows["pencari-kerja"].realisasi) == (95.5, 1600)

"""Issue 5: a downloaded CSV opened in LibreOffice Calc keeps its Indonesian text and its
numbers. Runs the real LibreOffice (Debian libreoffice-calc-nogui, installed by .ci/run)
headless with the import settings the API & Data page tells users to choose (UTF-8,
comma, English (US) numbers), converts the whole-dataset CSV to XLSX and compares every
cell with the CSV."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess
from decimal import Decimal

import openpyxl

# Filter options: separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), start row 1,
# no column formats, language 1033 (English (US): "." is the decimal separator).
CSV_IMPORT = "CSV:44,34,76,1,,1033"


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice is not installed: `apt-get install libreoffice-calc-nogui` (see .ci/run)"
    return exe


def _convert(src, out_dir, tmp_path) -> openpyxl.worksheet.worksheet.Worksheet:
    subprocess.run(
        [
            _soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            f"--infilter={CSV_IMPORT}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out_dir),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return openpyxl.load_workbook(out_dir / (src.stem + ".xlsx")).active


def _same(text: str, cell) -> bool:
    """A CSV field and the cell LibreOffice made of it: numbers and dates converted, text as is."""
    if cell is None:
        return text == ""
    if isinstance(cell, bool):
        return text.lower() == str(cell).lower()
    if isinstance(cell, (int, float)):
        return Decimal(text) == Decimal(repr(cell)) or abs(float(text) - cell) < 1e-9 * max(1.0, abs(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() == text
    return str(cell) == text


def test_whole_dataset_csv_survives_libreoffice(bundled_site, tmp_path):
    src = bundled_site.site / "unduh" / "kinerja.csv"
    raw = src.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(raw.splitlines()))
    assert {"Σ", "×", "–"} <= set(raw), "the test data should hold non-ASCII text"
    ws = _convert(src, tmp_path / "xlsx", tmp_path)
    cells = [[c.value for c in r] for r in ws.iter_rows()]
    assert len(cells) == len(rows)
    wrong = [
        (i, rows[0][j], text, cell)
        for i, (row, got) in enumerate(zip(rows, cells))
        for j, (text, cell) in enumerate(zip(row, got + [None] * (len(row) - len(got))))
        if not _same(text, cell)
    ]
    assert not wrong, wrong[:10]
    # the figures are numbers in Calc, not text: Kepala Dinas Pekalongan 2025 TW IV
    header = rows[0]
    col = {h: i for i, h in enumerate(header)}
    kd = [
        r
        for r in cells[1:]
        if r[col["jabatan_id"]] == "kepala-dinas"
        and r[col["wilayah_id"]] == "kota-pekalongan"
        and r[col["indikator_id"]] is not None
    ]
    assert kd and all(isinstance(r[col["target"]], (int, float)) for r in kd)
    assert 108.58 in [r[col["capaian"]] for r in kd]

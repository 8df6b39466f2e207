"""Writing the workbook (`kinerja spreadsheet export`): one position-period as the
Realisasi, Anggaran and Narasi sheets, with locked id columns, dropdowns from a hidden
list sheet, a very hidden stamp sheet that import checks, and the Petunjuk sheet."""

from __future__ import annotations

import hashlib
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.compute.engine import walk_budget, walk_indicators
from generator.core.fmt import ROMAWI
from generator.core.numbers import format_id
from generator.load import display_path
from generator.model import Laporan, Tahunan
from generator.staff.datafile import data_root
from generator.staff.spreadsheet.sheets import (
    ANGGARAN,
    COMMON_UNITS,
    DAFTAR,
    EXTRA_NARASI_ROWS,
    FORMAT,
    META,
    NARASI,
    NARASI_COLS,
    NARASI_PARTS,
    PETUNJUK,
    REALISASI,
    Col,
    SheetError,
    anggaran_cols,
    realisasi_cols,
)
from generator.staff.spreadsheet.source import indicator_source, load_model, report_of


def _cell_number(value: Decimal | None) -> Any:
    if value is None:
        return None
    digits = len(value.as_tuple().digits)
    if digits > 15:  # beyond what an Excel number keeps exactly: keep it as Indonesian text
        return format_id(value)
    return int(value) if value == value.to_integral_value() else value


def export(year_file: Path, tw: int, out: Path, data_dir: Path | None = None) -> dict[str, int]:
    """Write the workbook; ``data_dir`` defaults to the data folder the file sits in
    (<data>/<wilayah>/<opd>/<tahun>/<id>.yml)."""
    from openpyxl import Workbook

    t = load_model(year_file)
    _, lap = report_of(t, tw)
    indicators, _ = indicator_source(t)
    raw = year_file.read_bytes()
    rel = _relative_path(year_file, data_dir or data_root(year_file))

    wb = Workbook()
    info = wb.active
    info.title = PETUNJUK
    rows, brows, nrows = _realisasi_rows(indicators, lap, tw), _anggaran_rows(t, lap), _narasi_rows(lap)
    ws_r = _sheet(wb, REALISASI, realisasi_cols(tw), rows)
    ws_a = _sheet(wb, ANGGARAN, anggaran_cols(tw), brows)
    ws_n = _sheet(wb, NARASI, NARASI_COLS, nrows, protect=False)
    units = _lists_sheet(wb, indicators)
    _add_validations(ws_r, ws_a, ws_n, tw, units)
    _meta_sheet(
        wb,
        [
            ("format", FORMAT),
            ("berkas", rel),
            ("jabatan", t.jabatan),
            ("tahun", t.tahun),
            ("triwulan", tw),
            ("sha256", hashlib.sha256(raw).hexdigest()),
        ],
    )
    _instructions(info, t, tw, rel, lap is None)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {"indikator": len(rows), "anggaran": len(brows), "narasi": len(nrows) - EXTRA_NARASI_ROWS}


def _relative_path(year_file: Path, data_dir: Path) -> str:
    try:
        return year_file.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        raise SheetError(f"{display_path(year_file)} tidak berada di dalam folder data '{display_path(data_dir)}'") from None


# --------------------------------------------------------------------------- rows


def _realisasi_rows(indicators: list, lap: Laporan | None, tw: int) -> list[dict]:
    rows = []
    for ind, parent, _depth in walk_indicators(indicators):
        entry = lap.realisasi.get(ind.id) if lap else None
        target_tw = entry.target if entry and entry.target is not None else ind.target_triwulan.get(tw)
        rows.append(
            {
                "id": ind.id,
                "induk": parent,
                "nomor": ind.nomor,
                "sasaran": ind.sasaran,
                "indikator": ind.indikator,
                "satuan": ind.satuan,
                "polaritas": ind.polaritas,
                "target": _cell_number(ind.target),
                "target_tw": _cell_number(target_tw),
                "realisasi": _cell_number(entry.nilai) if entry else None,
                "na": entry.na if entry else None,
                "catatan": entry.catatan if entry else None,
            }
        )
    return rows


def _anggaran_rows(t: Tahunan, lap: Laporan | None) -> list[dict]:
    rows = []
    for pos, parent, _depth in walk_budget(t.anggaran):
        real = lap.anggaran.get(pos.id) if lap else None
        rows.append(
            {
                "id": pos.id,
                "induk": parent,
                "jenis": pos.jenis,
                "nomor": pos.nomor,
                "nama": pos.nama,
                "pagu": _cell_number(pos.pagu),
                "target": _cell_number(real.target if real and real.target is not None else pos.pagu),
                "realisasi": _cell_number(real.realisasi) if real else None,
            }
        )
    return rows


def _narasi_rows(lap: Laporan | None) -> list[dict]:
    """The existing items, then empty rows to add more."""
    rows = [{"bagian": part, "teks": text} for part in NARASI_PARTS for text in (getattr(lap.narasi, part) if lap else [])]
    return rows + [{} for _ in range(EXTRA_NARASI_ROWS)]


# --------------------------------------------------------------------------- sheets


def _sheet(wb, title: str, cols: list[Col], rows: list[dict], protect: bool = True):
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    ws = wb.create_sheet(title)
    ws.append([c.header for c in cols])
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="3949AB")
    for j, c in enumerate(cols, start=1):
        cell = ws.cell(1, j)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = c.width
    for row in rows:
        ws.append([row.get(c.key) for c in cols])
    locked_fill, wrap = PatternFill("solid", fgColor="E8E8E8"), Alignment(wrap_text=True, vertical="top")
    for j, c in enumerate(cols, start=1):
        # Style one cell per column through the API, then copy its style index to the
        # others: setting style objects cell by cell is most of openpyxl's export time.
        proto = ws.cell(2, j)
        proto.alignment = wrap
        if c.kind == "id":
            proto.number_format = "@"
        if c.editable:
            proto.protection = Protection(locked=False)
        else:
            proto.fill = locked_fill
        for r in range(3, ws.max_row + 1):
            ws.cell(r, j)._style = copy(proto._style)
    ws.freeze_panes = "C2" if title != NARASI else "A2"
    if protect:
        ws.protection.sheet = True
        ws.protection.formatColumns = False  # staff may still widen columns and rows
        ws.protection.formatRows = False
    return ws


def _lists_sheet(wb, indicators: list) -> list[str]:
    """Lists for dropdowns live on a hidden sheet: a list written inline is limited to 255
    characters. Returns the units listed."""
    lists = wb.create_sheet(DAFTAR)
    units = sorted({u for u in COMMON_UNITS} | {ind.satuan for ind, _p, _d in walk_indicators(indicators) if ind.satuan})
    for r, unit in enumerate(units, start=1):
        lists.cell(r, 1, unit)
    for r, part in enumerate(NARASI_PARTS, start=1):
        lists.cell(r, 2, part)
    lists.sheet_state = "hidden"
    return units


def _validate(ws, col_key: str, cols: list[Col], dv) -> None:
    letter = ws.cell(1, [c.key for c in cols].index(col_key) + 1).column_letter
    if ws.max_row >= 2:
        dv.add(f"{letter}2:{letter}{ws.max_row}")
        ws.add_data_validation(dv)


def _add_validations(ws_r, ws_a, ws_n, tw: int, units: list[str]) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    cols, bcols = realisasi_cols(tw), anggaran_cols(tw)
    number_dv = dict(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Bukan angka",
        error="Isi angka saja, tanpa satuan, Rp atau %.",
    )
    _validate(
        ws_r,
        "satuan",
        cols,
        DataValidation(
            type="list",
            formula1=f"={DAFTAR}!$A$1:$A${len(units)}",
            allow_blank=True,
            errorStyle="warning",
            errorTitle="Satuan",
            error="Satuan ini belum ada di daftar. Tetap pakai?",
        ),
    )
    _validate(
        ws_r,
        "polaritas",
        cols,
        DataValidation(
            type="list",
            formula1='"naik,turun"',
            allow_blank=True,
            errorTitle="Polaritas",
            error="Pilih naik (makin tinggi makin baik) atau turun (makin rendah makin baik).",
        ),
    )
    for key in ("target", "target_tw", "realisasi"):
        _validate(ws_r, key, cols, DataValidation(**number_dv))
    for key in ("target", "realisasi"):
        _validate(ws_a, key, bcols, DataValidation(**number_dv))
    _validate(
        ws_n,
        "bagian",
        NARASI_COLS,
        DataValidation(
            type="list",
            formula1=f"={DAFTAR}!$B$1:$B${len(NARASI_PARTS)}",
            allow_blank=True,
            errorTitle="Bagian",
            error="Pilih salah satu bagian dari daftar.",
        ),
    )


def _meta_sheet(wb, items: list[tuple[str, Any]]) -> None:
    """The stamp import reads back: format, file, period and the file's hash at export."""
    meta = wb.create_sheet(META)
    for r, (k, v) in enumerate(items, start=1):
        meta.cell(r, 1, k)
        meta.cell(r, 2, v)
    meta.sheet_state = "veryHidden"


def _instructions(ws, t: Tahunan, tw: int, rel: str, new: bool) -> None:
    from openpyxl.styles import Alignment, Font

    r = ROMAWI[tw]
    lines = [
        (f"Lembar isian kinerja {t.jabatan}, triwulan {r} tahun {t.tahun}", True),
        (f"Berkas data: {rel}" + (" (laporan triwulan ini belum ada; dibuat saat impor)" if new else ""), False),
        ("", False),
        ("Cara mengisi", True),
        (
            f'1. Lembar Realisasi: isi kolom "Realisasi s.d. TW {r}" dengan angka KUMULATIF sejak awal tahun sampai akhir triwulan {r}.',
            False,
        ),
        (
            '2. Bila datanya belum tersedia (mis. menunggu rilis BPS), kosongkan realisasi dan tulis alasannya di kolom "Alasan bila data belum tersedia".',
            False,
        ),
        (
            "3. Tulis angka saja, tanpa satuan, Rp atau %. Angka desimal mengikuti pengaturan Excel Anda (95,14 pada Excel berbahasa Indonesia).",
            False,
        ),
        ("   Angka yang ditulis sebagai teks juga dibaca: 95,14 atau 1.537.000.", False),
        (
            f"4. Lembar Anggaran: isi realisasi anggaran kumulatif s.d. triwulan {r} dalam Rupiah. Target kosong berarti sama dengan pagu.",
            False,
        ),
        (
            "5. Lembar Narasi: satu butir per baris. Pilih bagiannya di kolom Bagian (faktor_pendukung, faktor_penghambat, upaya, …).",
            False,
        ),
        ("   Untuk menambah butir, isi baris kosong di bawahnya. Untuk menghapus, kosongkan teksnya.", False),
        (
            "6. Kolom abu-abu (id, induk, pagu) dikunci: jangan diubah. Jangan menambah atau menghapus baris indikator di sini;",
            False,
        ),
        ("   perubahan perjanjian kinerja dilakukan di berkas data.", False),
        ("7. Simpan sebagai .xlsx dan serahkan kembali kepada pengelola data.", False),
        ("", False),
        ("Untuk pengelola data", True),
        (
            f"kinerja spreadsheet import <berkas.xlsx>   menampilkan perubahan pada {rel}; tambahkan --write untuk menyimpannya,",
            False,
        ),
        ("lalu jalankan `kinerja check` dan ajukan perubahan lewat pull request seperti biasa.", False),
    ]
    for i, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(i, 1, text)
        cell.font = Font(bold=bold, size=13 if i == 1 else 11)
        cell.alignment = Alignment(wrap_text=False)
    ws.column_dimensions["A"].width = 140

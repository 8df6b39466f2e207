"""Writing the workbook (`kinerja spreadsheet export`): one position-period as the
Realisasi, Anggaran and Narasi sheets. Everything staff do not fill in is locked and
grey (ids, the Perjanjian Kinerja's indicators and targets, the budget's names and pagu,
last quarter's figures shown beside the cells). A very hidden stamp sheet holds what
import checks: the position, year and quarter, the file's hash, and a snapshot of every
exported row, so import can tell changed cells from untouched ones. The Petunjuk sheet
explains all of it in Indonesian."""

from __future__ import annotations

import hashlib
import re
from copy import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.core.numbers import format_id
from generator.load import display_path
from generator.staff.datafile import data_root
from generator.staff.spreadsheet.petunjuk import write_instructions
from generator.staff.spreadsheet.rows import (
    Row,
    anggaran_rows,
    narasi_rows,
    previous_report,
    realisasi_rows,
    snapshot,
)
from generator.staff.spreadsheet.sheets import (
    ANGGARAN,
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
from generator.staff.spreadsheet.source import load_model, report_of

CHUNK = 30_000  # characters per cell of the snapshot (a cell holds at most 32.767)


def _cell_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) > 15:  # beyond what an Excel number keeps exactly: Indonesian text
            return format_id(value)
        return int(value) if value == value.to_integral_value() else value
    return value


def export(year_file: Path, tw: int, out: Path, data_dir: Path | None = None) -> dict[str, int]:
    """Write the workbook; ``data_dir`` defaults to the data folder the file sits in
    (<data>/<wilayah>/<opd>/<tahun>/<id>.yml)."""
    from openpyxl import Workbook

    _require_year_file(year_file)
    t = load_model(year_file)
    _, lap = report_of(t, tw)
    raw = year_file.read_bytes()
    rel = _relative_path(year_file, data_dir or data_root(year_file))
    region, agency = rel.split("/")[:2]
    prev_lap = previous_report(t, tw)
    prev = prev_lap.triwulan if prev_lap else None

    wb = Workbook()
    info = wb.active
    info.title = PETUNJUK
    rows, brows, nrows = realisasi_rows(t, lap, tw), anggaran_rows(t, lap, tw), narasi_rows(lap)
    rcols, bcols = realisasi_cols(tw, prev), anggaran_cols(tw, prev)
    ws_r = _sheet(wb, REALISASI, rcols, rows)
    ws_a = _sheet(wb, ANGGARAN, bcols, brows)
    ws_n = _sheet(wb, NARASI, NARASI_COLS, nrows + [{} for _ in range(EXTRA_NARASI_ROWS)])
    _lists_sheet(wb)
    _add_validations(ws_r, rcols, ws_a, bcols, ws_n)
    base = snapshot({REALISASI: (rcols, rows, "id"), ANGGARAN: (bcols, brows, "id"), NARASI: (NARASI_COLS, nrows, "butir")})
    _meta_sheet(
        wb,
        [
            ("format", FORMAT),
            ("wilayah", region),
            ("perangkat_daerah", agency),
            ("jabatan", t.jabatan),
            ("tahun", t.tahun),
            ("triwulan", tw),
            ("triwulan_lalu", prev),
            ("berkas", rel),  # a cross-check only: import writes where the ids above say
            ("sha256", hashlib.sha256(raw).hexdigest()),
            *[("asal", base[i : i + CHUNK]) for i in range(0, len(base), CHUNK)],
        ],
    )
    write_instructions(info, t, tw, prev, rel, lap is None)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {"indikator": len(rows), "anggaran": len(brows), "narasi": len(nrows)}


def _require_year_file(year_file: Path) -> None:
    """A missing year file: say how to create it (`kinerja new tahun`) from the position's latest year."""
    if year_file.is_file() or not re.fullmatch(r"\d{4}", year_file.parent.name):
        return
    agency = year_file.parent.parent
    earlier = sorted(
        (p for p in agency.glob(f"[0-9][0-9][0-9][0-9]/{year_file.name}") if p.parent.name < year_file.parent.name),
        key=lambda p: p.parent.name,
    )
    source = earlier[-1] if earlier else agency / "jabatan" / year_file.name
    raise SheetError(
        f"berkas tahun {year_file.parent.name} untuk jabatan {year_file.stem} belum ada ({display_path(year_file)}); "
        f"buat dulu perjanjian kinerjanya dengan `kinerja new tahun {display_path(source)} --tahun {year_file.parent.name}`, "
        "lalu ekspor lagi"
    )


def _relative_path(year_file: Path, data_dir: Path) -> str:
    try:
        rel = year_file.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        raise SheetError(f"{display_path(year_file)} tidak berada di dalam folder data '{display_path(data_dir)}'") from None
    if len(rel.split("/")) != 4:
        raise SheetError(
            f"{display_path(year_file)} tidak berada di <folder data>/<wilayah>/<perangkat-daerah>/<tahun>/; pakai --data <folder data>"
        )
    return rel


# --------------------------------------------------------------------------- sheets


def _sheet(wb: Any, title: str, cols: list[Col], rows: list[Row]) -> Any:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection

    ws = wb.create_sheet(title)
    ws.append([c.header for c in cols])
    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="3949AB")
    for j, c in enumerate(cols, start=1):
        cell = ws.cell(1, j)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = c.width
    for r, row in enumerate(rows, start=2):
        for j, c in enumerate(cols, start=1):
            value = _cell_value(row.get(c.key))
            if value is None:
                continue
            cell = ws.cell(r, j, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
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
        for r in range(3, len(rows) + 2):
            ws.cell(r, j)._style = copy(proto._style)
    ws.freeze_panes = "C2" if title != NARASI else "A2"
    ws.protection.sheet = True  # no rows added, removed or sorted; locked columns stay as exported
    ws.protection.formatColumns = False  # staff may still widen columns and rows
    ws.protection.formatRows = False
    return ws


def _lists_sheet(wb: Any) -> None:
    """The narrative parts for the Bagian dropdown, on a hidden sheet."""
    lists = wb.create_sheet(DAFTAR)
    for r, part in enumerate(NARASI_PARTS, start=1):
        lists.cell(r, 1, part)
    lists.sheet_state = "hidden"


def _validate(ws: Any, col_key: str, cols: list[Col], dv: Any) -> None:
    letter = ws.cell(1, [c.key for c in cols].index(col_key) + 1).column_letter
    if ws.max_row >= 2:
        dv.add(f"{letter}2:{letter}{ws.max_row}")
        ws.add_data_validation(dv)


def _add_validations(ws_r: Any, rcols: list[Col], ws_a: Any, bcols: list[Col], ws_n: Any) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    number_dv = dict(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        allow_blank=True,
        errorStyle="warning",
        errorTitle="Bukan angka",
        error="Isi angka saja, tanpa satuan atau Rp (atau tulis hapus untuk menghapus isian yang tersimpan).",
    )
    _validate(ws_r, "realisasi", rcols, DataValidation(**number_dv))
    for key in ("target", "realisasi"):
        _validate(ws_a, key, bcols, DataValidation(**number_dv))
    _validate(
        ws_n,
        "bagian",
        NARASI_COLS,
        DataValidation(
            type="list",
            formula1=f"={DAFTAR}!$A$1:$A${len(NARASI_PARTS)}",
            allow_blank=True,
            errorTitle="Bagian",
            error="Pilih salah satu bagian dari daftar.",
        ),
    )


def _meta_sheet(wb: Any, items: list[tuple[str, Any]]) -> None:
    """The stamp import reads back."""
    meta = wb.create_sheet(META)
    for r, (k, v) in enumerate(items, start=1):
        meta.cell(r, 1, k)
        cell = meta.cell(r, 2, v)
        cell.data_type = "s" if isinstance(v, str) else cell.data_type
    meta.sheet_state = "veryHidden"

"""Reading the workbook's cells back (import), exactly: numbers as Decimals without float
artefacts whether Excel stored a number or Indonesian text; a percent-formatted number
marked as such (Excel stores "95,5%" as 0.955); the word ``hapus`` as the deletion
marker; a formula without a stored value, an error value, a date or a true/false where a
number belongs reported with the cell. Cell comments are listed so import can say they
are not kept."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.core.numbers import NumberError, parse_angka
from generator.staff.spreadsheet.messages import Messages, Where
from generator.staff.spreadsheet.sheets import HAPUS, Col, SheetError

EXCEL_DIGITS = 15  # significant digits Excel keeps and shows


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return self.name


DELETE = _Marker("DELETE")  # the cell says `hapus`
UNREADABLE = _Marker("UNREADABLE")  # already reported; neither a value nor a cleared cell


@dataclass
class Cell:
    value: Any  # Decimal | str | None | DELETE | UNREADABLE
    where: Where
    percent: str | None = None  # "format": a number in a percent-formatted cell (not scaled); "text": typed with "%"


def plain(d: Decimal) -> Decimal:
    """``d`` without trailing zeros and without an exponent (95.500 → 95.5, 1E+2 → 100)."""
    d = d.normalize()
    exponent = d.as_tuple().exponent
    return d.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else d


def exact(value: float) -> Decimal:
    """The number Excel shows for a stored double: the shortest text that reads back as
    the same double, at most 15 significant digits (0.955 → 0.955, never 0.95499999…)."""
    d = Decimal(repr(value))
    if len(d.as_tuple().digits) > EXCEL_DIGITS:
        d = Decimal(format(value, f".{EXCEL_DIGITS}g"))
    return plain(d)


def percent_format(number_format: str | None) -> bool:
    """True when the format scales by 100 (``0.0%``); a quoted or escaped % sign does not."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format or "")


def _is_formula(cell: Any) -> bool:
    return getattr(cell, "data_type", None) == "f"


def _read_number(cell: Any, where: Where, formula: bool, msgs: Messages) -> Cell:
    value = cell.value
    if formula and value is None:
        msgs.problem(where, f"sel {where.coord} berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel/LibreOffice")
        return Cell(UNREADABLE, where)
    if value is None or (isinstance(value, str) and not value.strip()):
        return Cell(None, where)
    if getattr(cell, "data_type", None) == "e":
        msgs.problem(where, f"rumus di sel ini menghasilkan galat {value}; perbaikilah rumusnya atau ketik angkanya")
        return Cell(UNREADABLE, where)
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time)):
        msgs.problem(
            where,
            f"{value!s} bukan angka (Excel mungkin mengubahnya menjadi tanggal atau benar/salah); ketik ulang sebagai angka",
        )
        return Cell(UNREADABLE, where)
    pct = "format" if percent_format(cell.number_format) else None
    if isinstance(value, int):
        return Cell(Decimal(value), where, pct)
    if isinstance(value, float):
        if not math.isfinite(value):
            msgs.problem(where, "bukan angka yang terhingga; ketik ulang angkanya")
            return Cell(UNREADABLE, where)
        return Cell(exact(value), where, pct)
    text = str(value).strip()
    if text.lower() == HAPUS:
        return Cell(DELETE, where)
    if text.endswith("%"):
        text, pct = text[:-1].strip(), "text"
    try:
        return Cell(plain(parse_angka(text)), where, pct)
    except NumberError as e:
        msgs.problem(where, f"{e.message}; {e.hint}")
        return Cell(UNREADABLE, where)


def _read_text(cell: Any, where: Where, formula: bool, msgs: Messages) -> Cell:
    value = cell.value
    if formula and value is None:
        msgs.problem(where, f"sel {where.coord} berisi rumus tanpa nilai tersimpan; buka dan simpan ulang di Excel/LibreOffice")
        return Cell(UNREADABLE, where)
    if value is None:
        return Cell(None, where)
    if isinstance(value, float):
        value = int(value) if value.is_integer() else exact(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).strip()
    if text.lower() == HAPUS:
        return Cell(DELETE, where)
    return Cell(text or None, where)


def read_rows(
    ws: Any, cols: list[Col], formulas: set[str], msgs: Messages, labels: dict[str, str], new_label: str | None = None
) -> list[tuple[int, dict[str, Cell]]]:
    """The sheet's non-empty rows as (row number, {column key: Cell}). The first column is
    the row's key: ``labels`` names the row for messages by it (``new_label`` when empty);
    ``formulas``: the addresses of the sheet's formula cells (a formula saved without its
    value reads as empty)."""
    headers = [c.value for c in ws[1]]
    expected = [c.header for c in cols]
    if headers[: len(expected)] != expected:
        raise SheetError(
            f"judul kolom lembar {ws.title} berubah; pakai lembar hasil `kinerja spreadsheet export` tanpa mengubah kolomnya"
        )
    out = []
    for r in range(2, ws.max_row + 1):
        key = ws.cell(r, 1).value
        label = labels.get(str(key).strip()) if key is not None else new_label
        row: dict[str, Cell] = {}
        for j, c in enumerate(cols, start=1):
            if c.kind == "info":
                continue
            cell = ws.cell(r, j)
            where = Where(ws.title, cell.coordinate, c.header, label)
            read = _read_number if c.kind == "number" else _read_text
            row[c.key] = read(cell, where, cell.coordinate in formulas, msgs)
        if any(cell.value is not None for cell in row.values()):
            out.append((r, row))
    return out


def formula_cells(wb_formulas: Any) -> dict[str, set[str]]:
    """Sheet title → the addresses of its formula cells (from a workbook loaded with formulas)."""
    out: dict[str, set[str]] = {}
    for ws in wb_formulas.worksheets:
        out[ws.title] = {cell.coordinate for row in ws.iter_rows() for cell in row if _is_formula(cell)}
    return out


def comments(
    wb: Any, sheets: list[str], headers: dict[str, list[str]], labels: dict[str, dict[int, str]]
) -> list[tuple[Where, str]]:
    """Every cell comment on ``sheets``: (where, its text); ``labels``: sheet → row number → row label."""
    out = []
    for title in sheets:
        if title not in wb.sheetnames:
            continue
        names = headers.get(title, [])
        for row in wb[title].iter_rows():
            for cell in row:
                if cell.comment is None:
                    continue
                header = names[cell.column - 1] if cell.column - 1 < len(names) else None
                where = Where(title, cell.coordinate, header, labels.get(title, {}).get(cell.row))
                out.append((where, str(cell.comment.text)))
    return out

"""Reading the workbook's cells back (import): numbers as exact Decimals whether Excel
stored a number or Indonesian text, text trimmed, and every cell that cannot be read
collected with its sheet and address (``Realisasi!J7: …``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.core.numbers import NumberError, parse_angka
from generator.staff.spreadsheet.sheets import Col, SheetError


@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, text: str) -> None:
        self.items.append(f"{where}: {text}")


def _addr(ws, cell) -> str:
    return f"{ws.title}!{cell.coordinate}"


def _read_number(ws, cell, problems: Problems) -> Decimal | None:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time)):
        problems.add(
            _addr(ws, cell),
            f"{value!r} bukan angka (Excel mungkin mengubahnya menjadi tanggal atau benar/salah); ketik ulang sebagai angka",
        )
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return parse_angka(str(value))
    except NumberError as e:
        problems.add(_addr(ws, cell), f"{e.message}; {e.hint}")
        return None


def _read_text(cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).strip()
    return text or None


def read_rows(ws, cols: list[Col], problems: Problems) -> list[tuple[int, dict[str, Any]]]:
    """The sheet's non-empty rows as {column key: value, "@" + key: cell address}."""
    headers = [c.value for c in ws[1]]
    expected = [c.header for c in cols]
    if headers[: len(expected)] != expected:
        raise SheetError(
            f"judul kolom lembar {ws.title} berubah; pakai lembar hasil `kinerja spreadsheet export` tanpa mengubah kolomnya"
        )
    out = []
    for r in range(2, ws.max_row + 1):
        row: dict[str, Any] = {}
        for j, c in enumerate(cols, start=1):
            cell = ws.cell(r, j)
            row[c.key] = _read_number(ws, cell, problems) if c.kind == "number" else _read_text(cell)
            row["@" + c.key] = _addr(ws, cell)
        if any(row[c.key] is not None for c in cols):
            out.append((r, row))
    return out

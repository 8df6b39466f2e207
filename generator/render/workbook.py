"""Every published workbook (open-data downloads, the PPID's DIP) is written here, with
XlsxWriter: cells hold real numbers and dates; Indonesian display comes from number
formats bound to the Indonesian locale (``[$-421]#,##0.00`` shows 1.234,56 in LibreOffice
everywhere and in Excel on Indonesian regional settings). Styled, frozen header, column
widths, autofilter, and a last notes sheet of label/value rows (for open data: provenance
and the meaning of every column). Data text is always text, never a formula, number or
link. Bytes are deterministic (fixed document and zip times).

XlsxWriter rather than openpyxl: the build writes thousands of workbooks, and this is
about 2.5 times cheaper in CPU for the same cells. (openpyxl only reads workbooks: the
staff tools' spreadsheets, and the tests.)"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import xlsxwriter

LOCALE = "[$-421]"  # Indonesian
RUPIAH = LOCALE + "#,##0"
DATE = LOCALE + "d mmmm yyyy"
HEADER = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "pattern": 1, "text_wrap": True, "valign": "top"}
NUMERIC = ("number", "persen", "rupiah")
MIN_WIDTH, MAX_WIDTH = 8, 50
# Data text is untrusted: "=1+1", "-2" or "https://…" must stay text, never a formula,
# number or link. (Cells are written with typed methods anyway; this is the safety net.)
OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}


@dataclass(frozen=True)
class Column:
    name: str  # machine name: the row key (and CSV header, JSON key, Data Package field)
    title: str  # spreadsheet header
    type: str  # string | integer | number | persen | rupiah | boolean | date
    description: str = ""  # listed on the notes sheet when Notes.columns


@dataclass
class Sheet:
    title: str  # at most 31 characters
    columns: list[Column]
    rows: list[dict]  # column name → value (str, Decimal, int, bool, date or None)
    widths: list[float] | None = None  # fixed widths in characters; default: from the header and the first rows
    frozen_columns: int = 0  # columns kept in view when scrolling sideways (the header row always is)
    wrap: bool = False  # text cells wrap and align to the top (long free text)


@dataclass(frozen=True)
class Notes:
    """The last sheet: bold labels and their values, one pair a row."""

    title: str  # sheet name
    rows: list[tuple[str, str | int]]
    heading: bool = False  # the title in large type above the rows
    columns: bool = False  # then each sheet's columns: header, description (machine name)


# (sheets, provenance, as-of date): the arguments of xlsx_bytes, one open-data workbook
XlsxJob = tuple[list[Sheet], list[tuple[str, str]], dt.date]


def _places(value: Decimal) -> int:
    exp = value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def number_format(kind: str, value: Decimal | int) -> str:
    """Shows a number as it is in the data: 2.50 as 2,5, 7 as 7; percentages with at least two places."""
    if kind == "rupiah":
        return RUPIAH
    places = _places(value) if isinstance(value, Decimal) else 0
    if kind == "persen":
        places = max(2, places)
    return LOCALE + "#,##0" + ("." + "0" * places if places else "")


def _cell_value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _width(chars: float) -> float:
    # XlsxWriter adds Excel's cell padding (5 px at 7 px per digit) to the width it is
    # given; taking it off keeps the widths the openpyxl version stored.
    return chars - 5 / 7


class _Formats:
    """One Format object per style and number format in a workbook."""

    def __init__(self, wb: Any) -> None:
        self.wb = wb
        self.header = wb.add_format(HEADER)
        self.label = wb.add_format({"bold": True})
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.text = wb.add_format({"text_wrap": True, "valign": "top"})
        self._numbers: dict[str, object] = {}
        self._cells: dict[tuple[str, Decimal | int], tuple[object, object]] = {}

    def number(self, fmt: str) -> object:
        found = self._numbers.get(fmt)
        if found is None:
            found = self._numbers[fmt] = self.wb.add_format({"num_format": fmt})
        return found

    def cell(self, kind: str, value: Decimal | int) -> tuple[object, object]:
        """(cell value, format) of a number in a column of that type; equal numbers
        (1.50 and 1.5) show alike, and the same figures recur on many rows."""
        key = (kind, value)
        found = self._cells.get(key)
        if found is None:
            fmt = self.number(number_format(kind, value)) if kind in NUMERIC else None
            found = self._cells[key] = (_cell_value(value), fmt)
        return found


def _widths(sheet: Sheet) -> list[float]:
    if sheet.widths is not None:
        return sheet.widths
    head = sheet.rows[:200]
    widths: list[float] = []
    for c in sheet.columns:
        width = min(MAX_WIDTH, max(MIN_WIDTH, max(len(w) for w in c.title.split()) + 3, len(c.title) // 2 + 4))
        longest = max((len(str(v)) for row in head if (v := row.get(c.name)) is not None), default=None)
        if longest is not None:
            if c.type in NUMERIC:
                longest += longest // 3  # thousands separators
            width = min(MAX_WIDTH, max(width, longest + 2))
        widths.append(width)
    return widths


def _write_table(ws: Any, sheet: Sheet, formats: _Formats) -> None:
    cols = sheet.columns
    for i, w in enumerate(_widths(sheet)):
        ws.set_column(i, i, _width(w))
    ws.freeze_panes(1, sheet.frozen_columns)
    ws.set_landscape()
    ws.repeat_rows(0)  # printed: the header row on every page
    if sheet.rows:
        ws.autofilter(0, 0, len(sheet.rows), len(cols) - 1)
    ws.set_row(0, 32)
    for i, c in enumerate(cols):
        ws.write_string(0, i, c.title, formats.header)
    # The hot loop of the build's XLSX stage: dispatch on the exact type, typed writes only.
    string, number, boolean = _cell_writers(ws)
    keyed = [(i, c.name, c.type) for i, c in enumerate(cols)]
    cell = formats.cell
    text = formats.text if sheet.wrap else None
    for r, row in enumerate(sheet.rows, start=1):
        for i, name, kind in keyed:
            value = row.get(name)
            if value is None:
                continue
            t = type(value)
            if t is str:
                string(r, i, value, text)
            elif t is Decimal or t is int:
                number(r, i, *cell(kind, value))
            elif t is bool:
                boolean(r, i, value)
            else:
                _other(ws, r, i, value, formats, text)


# XlsxWriter versions whose public write_string, write_number and write_boolean are exactly
# their undecorated methods (_write_string etc.) behind the A1-notation check of the
# @convert_cell_args decorator (read in 3.2.0 and 3.3.1): the same cells, the same bytes.
CHECKED_XLSXWRITER = ((3, 2), (3, 3))
_UNDECORATED = {"_write_string": "string", "_write_number": "number", "_write_boolean": "boolean"}


def _cell_writers(ws: Any) -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]:
    """(write string, write number, write boolean) for the hot loop: the undecorated methods
    skip the A1-notation check of the public ones (about 6% of the XLSX stage), so they are
    taken on a checked XlsxWriter whose methods have the checked parameters; the public
    ones otherwise. The only private use of XlsxWriter here."""
    found = re.match(r"(\d+)\.(\d+)", getattr(xlsxwriter, "__version__", ""))
    if found and (int(found[1]), int(found[2])) in CHECKED_XLSXWRITER:
        methods = [getattr(type(ws), name, None) for name in _UNDECORATED]
        if all(_checked_args(m, value) for m, value in zip(methods, _UNDECORATED.values())):
            return ws._write_string, ws._write_number, ws._write_boolean
    return ws.write_string, ws.write_number, ws.write_boolean


@functools.cache
def _checked_args(method: object, value: str) -> bool:
    if not callable(method):  # None: no such method
        return False
    try:
        params = list(inspect.signature(method).parameters)
    except (TypeError, ValueError):  # a callable without a signature
        return False
    return params == ["self", "row", "col", value, "cell_format"]


def _other(ws: Any, r: int, i: int, value: object, formats: _Formats, text: object) -> None:
    if isinstance(value, str):
        ws.write_string(r, i, value, text)
    elif isinstance(value, bool):
        ws.write_boolean(r, i, value)
    elif isinstance(value, (int, float, Decimal)):
        ws.write_number(r, i, _cell_value(value))
    elif isinstance(value, dt.date):
        ws.write_datetime(r, i, value, formats.number(DATE))
    else:
        ws.write_string(r, i, str(value), text)


def _write_notes(ws: Any, notes: Notes, sheets: list[Sheet], formats: _Formats) -> None:
    ws.set_column(0, 0, _width(34))
    ws.set_column(1, 1, _width(100))
    r = 0
    if notes.heading:
        ws.write_string(0, 0, notes.title, formats.title)
        r = 2
    for label, value in notes.rows:
        ws.write_string(r, 0, label, formats.label)
        if isinstance(value, str):
            ws.write_string(r, 1, value, formats.text)
        else:
            ws.write_number(r, 1, value, formats.text)
        r += 1
    for sheet in sheets if notes.columns else ():
        r += 1
        ws.write_string(r, 0, f"Lembar {sheet.title}: kolom", formats.header)
        ws.write_string(r, 1, "Keterangan (nama kolom di CSV/JSON)", formats.header)
        r += 1
        for c in sheet.columns:
            ws.write_string(r, 0, c.title)
            ws.write_string(r, 1, f"{c.description} ({c.name})")
            r += 1


NUMBER_NOTE = (
    "Sel berisi bilangan sebenarnya (bisa dijumlah dan dihitung). Tampilannya memakai format Indonesia "
    "(1.234.567,89); Excel memakai pemisah dari pengaturan wilayah komputer. Persentase ditulis sebagai angka "
    "persen (101,72 berarti 101,72%). Rupiah tanpa sen. Sel kosong: tidak ada nilai."
)


def workbook_bytes(sheets: list[Sheet], notes: Notes, when: dt.date, title: str | None = None) -> bytes:
    """The sheets, then the notes sheet; ``when`` (the data's as-of date) is the document
    time, ``title`` the document title."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, OPTIONS)  # in memory: no temporary files
    formats = _Formats(wb)
    for sheet in sheets:
        _write_table(wb.add_worksheet(sheet.title), sheet, formats)
    _write_notes(wb.add_worksheet(notes.title), notes, sheets, formats)
    # Fixed times (XlsxWriter stamps zip entries 1980-01-01): unchanged data, same bytes.
    properties: dict[str, object] = {"author": "kinerja", "created": dt.datetime(when.year, when.month, when.day)}
    if title is not None:
        properties["title"] = title
    wb.set_properties(properties)
    wb.close()
    return buf.getvalue()


def xlsx_bytes(sheets: list[Sheet], provenance: list[tuple[str, str]], when: dt.date) -> bytes:
    """An open-data workbook: its "Catatan" sheet holds the provenance (label, text; the
    first is the document title), how numbers show, and every sheet's columns."""
    notes = Notes("Catatan", [*provenance, ("Format angka", NUMBER_NOTE)], heading=True, columns=True)
    return workbook_bytes(sheets, notes, when, provenance[0][1] if provenance else None)

"""XLSX with openpyxl: cells hold real numbers and dates; Indonesian display comes from
number formats bound to the Indonesian locale (``[$-421]#,##0.00`` shows 1.234,56 in
LibreOffice everywhere and in Excel on Indonesian regional settings). Styled, frozen
header, column widths, autofilter, and a "Catatan" sheet with provenance and the
meaning of every column. Bytes are deterministic (fixed document and zip times)."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from .archive import StableZipFile
from .tables import Column

LOCALE = "[$-421]"  # Indonesian
RUPIAH = LOCALE + "#,##0"
DATE = LOCALE + "d mmmm yyyy"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
LABEL_FONT = Font(bold=True)
TOP = Alignment(wrap_text=True, vertical="top")
MIN_WIDTH, MAX_WIDTH = 8, 50


# Left out of workbooks: values the same in every row (on the notes sheet instead) and
# machine keys (in the CSV and JSON); names stay, jabatan_id tells apart positions of the
# same title, laporan_id links the sheets.
CONSTANT = {"data_per", "lisensi", "commit", "id", "wilayah_id", "perangkat_daerah_id", "unit_id"}


@dataclass
class Sheet:
    title: str  # at most 31 characters
    columns: list[Column]
    rows: list[dict]

    def __post_init__(self):
        self.columns = [c for c in self.columns if c.name not in CONSTANT]


def _places(value: Decimal) -> int:
    exp = value.normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def number_format(column: Column, value: Decimal | int) -> str:
    if column.type == "rupiah":
        return RUPIAH
    places = _places(Decimal(value)) if not isinstance(value, bool) else 0
    if column.type == "persen":
        places = max(2, places)
    return LOCALE + "#,##0" + ("." + "0" * places if places else "")


def _cell_value(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class _MemoryWriter(WorksheetWriter):
    """Streams a write-only sheet into memory; openpyxl's default is a temporary file."""

    def __init__(self, ws):
        super().__init__(ws, out=io.BytesIO())

    def cleanup(self):
        pass


def _in_memory(ws) -> None:
    """Call after the sheet's layout (widths, frozen panes) is set: it is written first."""
    ws._writer = _MemoryWriter(ws)
    ws._writer.write_top()


def _named_styles() -> list[NamedStyle]:
    # Named once per workbook: assigning font/fill objects cell by cell is slow in openpyxl.
    return [NamedStyle("kepala", font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGN),
            NamedStyle("label", font=LABEL_FONT), NamedStyle("judul", font=Font(bold=True, size=14)),
            NamedStyle("teks", alignment=TOP)]


def _styled(ws, value, style: str | None = None, number_format: str | None = None, text: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    if text:
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    if style:
        cell.style = style
    if number_format:
        cell.number_format = number_format
    return cell


def _header(ws, titles: list[str]) -> list:
    return [_styled(ws, t, "kepala") for t in titles]


def _value(ws, c: Column, value: object) -> object:
    if value is None:
        return None
    if c.type in ("number", "persen", "rupiah") and isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return _styled(ws, _cell_value(value), number_format=number_format(c, value))
    if c.type == "date":
        return _styled(ws, value, number_format=DATE)
    if isinstance(value, str) and value.startswith("="):
        return _styled(ws, value, text=True)
    return value


def _write_table(ws, sheet: Sheet) -> None:
    cols = sheet.columns
    widths = [min(MAX_WIDTH, max(MIN_WIDTH, max(len(w) for w in c.title.split()) + 3, len(c.title) // 2 + 4)) for c in cols]
    for row in sheet.rows[:200]:
        for i, c in enumerate(cols):
            value = row.get(c.name)
            if value is not None:
                shown = len(str(value)) + (len(str(value)) // 3 if c.type in ("number", "persen", "rupiah") else 0)
                widths[i] = min(MAX_WIDTH, max(widths[i], shown + 2))
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"  # printed: the header row on every page
    ws.print_title_rows = "1:1"
    if sheet.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{len(sheet.rows) + 1}"
    ws.row_dimensions[1].height = 32
    _in_memory(ws)
    ws.append(_header(ws, [c.title for c in cols]))
    for row in sheet.rows:
        ws.append([_value(ws, c, row.get(c.name)) for c in cols])


def _write_notes(ws, provenance: list[tuple[str, str]], sheets: list[Sheet]) -> None:
    for col, width in zip("AB", (34, 100)):
        ws.column_dimensions[col].width = width
    _in_memory(ws)
    ws.append([_styled(ws, "Catatan", "judul")])
    ws.append([])
    for label, text in provenance + [("Format angka", NUMBER_NOTE)]:
        ws.append([_styled(ws, label, "label"), _styled(ws, text, "teks", text=True)])
    for sheet in sheets:
        ws.append([])
        ws.append(_header(ws, [f"Lembar {sheet.title}: kolom", "Keterangan (nama kolom di CSV/JSON)"]))
        for c in sheet.columns:
            ws.append([c.title, f"{c.description} ({c.name})"])


NUMBER_NOTE = ("Sel berisi bilangan sebenarnya (bisa dijumlah dan dihitung). Tampilannya memakai format Indonesia "
               "(1.234.567,89); Excel memakai pemisah dari pengaturan wilayah komputer. Persentase ditulis sebagai angka "
               "persen (101,72 berarti 101,72%). Rupiah tanpa sen. Sel kosong: tidak ada nilai.")


def xlsx_bytes(sheets: list[Sheet], provenance: list[tuple[str, str]], when: dt.date) -> bytes:
    wb = Workbook(write_only=True)  # streams rows instead of keeping cell objects
    for style in _named_styles():
        wb.add_named_style(style)
    for sheet in sheets:
        _write_table(wb.create_sheet(sheet.title), sheet)
    _write_notes(wb.create_sheet("Catatan"), provenance, sheets)
    stamp = dt.datetime(when.year, when.month, when.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = "kinerja"
    wb.properties.title = provenance[0][1] if provenance else None
    buf = io.BytesIO()
    ExcelWriter(wb, StableZipFile(buf, when)).save()  # save_workbook would stamp "now"
    return buf.getvalue()

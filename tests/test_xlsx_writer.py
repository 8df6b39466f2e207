"""Published workbooks (generator/render/workbook.py, XlsxWriter) read back with openpyxl:
untrusted text stays text, numbers and dates are real values with Indonesian formats,
the layout is kept, and the same input gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

import openpyxl

from generator.render.workbook import Column, Notes, Sheet, workbook_bytes, xlsx_bytes

WHEN = dt.date(2026, 1, 31)
COLUMNS = [
    Column("nama", "Nama indikator", "string", "teks bebas"),
    Column("capaian", "Capaian (%)", "persen", "persen"),
    Column("target", "Target", "number", "angka"),
    Column("pagu", "Pagu (Rp)", "rupiah", "rupiah"),
    Column("tahun", "Tahun", "integer", "tahun"),
    Column("dihitung", "Dihitung", "boolean", "ya/tidak"),
    Column("tanggal", "Tanggal laporan", "date", "tanggal"),
]
UNTRUSTED = ["=1+1", "-2", "+3", "1.5", '=HYPERLINK("http://x")', "https://example.com", "@SUM(A1)", " spasi "]
PROVENANCE = [("Isi berkas", "Uji coba"), ("Sumber", "=2*3 bukan rumus")]


def _rows() -> list[dict]:
    rows = [
        {
            "id": "x",
            "nama": text,
            "capaian": Decimal("101.7"),
            "target": Decimal("2.50"),
            "pagu": 1234567,
            "tahun": 2025,
            "dihitung": True,
            "tanggal": dt.date(2026, 1, 15),
        }
        for text in UNTRUSTED
    ]
    rows.append(
        {
            "id": "y",
            "nama": None,
            "capaian": Decimal("99.125"),
            "target": 7,
            "pagu": Decimal("1000"),
            "tahun": None,
            "dihitung": False,
            "tanggal": None,
        }
    )
    return rows


def _workbook(rows=None) -> bytes:
    return xlsx_bytes([Sheet("Indikator", list(COLUMNS), _rows() if rows is None else rows)], PROVENANCE, WHEN)


def _load(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_untrusted_text_stays_text():
    ws = _load(_workbook())["Indikator"]
    assert [c.value for c in ws[1]][0] == "Nama indikator"  # row keys without a column ("id") are left out
    cells = [ws.cell(r, 1) for r in range(2, 2 + len(UNTRUSTED))]
    assert [c.value for c in cells] == UNTRUSTED
    assert {c.data_type for c in cells} == {"s"}  # never a formula, number or link
    assert not ws._hyperlinks


def test_notes_text_stays_text():
    ws = _load(_workbook())["Catatan"]
    notes = {r[0].value: r[1] for r in ws.iter_rows(min_row=3) if r[0].value}
    assert notes["Sumber"].value == "=2*3 bukan rumus" and notes["Sumber"].data_type == "s"
    assert ws["A1"].value == "Catatan" and ws["A1"].font.b and ws["A1"].font.sz == 14
    assert notes["Format angka"].value.startswith("Sel berisi bilangan sebenarnya")
    assert notes["Nama indikator"].value == "teks bebas (nama)" and "ID" not in notes


def test_numbers_and_dates_are_real_values_with_indonesian_formats():
    ws = _load(_workbook())["Indikator"]
    head = [c.value for c in ws[1]]
    first, last = ws[2], ws[2 + len(UNTRUSTED)]

    def cell(row, title):
        return row[head.index(title)]

    assert (cell(first, "Capaian (%)").value, cell(first, "Capaian (%)").number_format) == (101.7, "[$-421]#,##0.00")
    assert (cell(last, "Capaian (%)").value, cell(last, "Capaian (%)").number_format) == (99.125, "[$-421]#,##0.000")
    assert (cell(first, "Target").value, cell(first, "Target").number_format) == (2.5, "[$-421]#,##0.0")
    assert (cell(last, "Target").value, cell(last, "Target").number_format) == (7, "[$-421]#,##0")
    assert (cell(first, "Pagu (Rp)").value, cell(first, "Pagu (Rp)").number_format) == (1234567, "[$-421]#,##0")
    assert cell(last, "Pagu (Rp)").value == 1000 and cell(last, "Pagu (Rp)").data_type == "n"
    assert (cell(first, "Tahun").value, cell(first, "Tahun").number_format) == (2025, "General")
    assert cell(first, "Dihitung").value is True and cell(last, "Dihitung").value is False
    assert cell(first, "Tanggal laporan").value == dt.datetime(2026, 1, 15)
    assert cell(first, "Tanggal laporan").number_format == "[$-421]d mmmm yyyy"
    assert cell(last, "Nama indikator").value is None and cell(last, "Tahun").value is None


def test_layout_header_widths_filter_and_print():
    wb = _load(_workbook())
    ws = wb["Indikator"]
    assert wb.sheetnames == ["Indikator", "Catatan"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:G{len(UNTRUSTED) + 2}"
    assert ws.print_title_rows == "$1:$1" and ws.page_setup.orientation == "landscape"
    a1 = ws["A1"]
    assert a1.font.b and a1.font.color.rgb.endswith("FFFFFF") and a1.fill.fgColor.rgb.endswith("1F4E79")
    assert a1.alignment.wrap_text and a1.alignment.vertical == "top"
    # widths as the openpyxl version stored them: whole characters, Excel's padding included
    widths = {n: d.width for d in ws.column_dimensions.values() if d.width for n in range(d.min, d.max + 1)}
    assert widths[1] == len(UNTRUSTED[4]) + 2  # the longest text
    assert widths[2] == len("Capaian") + 3  # the header's longest word; the numbers are narrower
    assert all(w == int(w) and 8 <= w <= 50 for w in widths.values())
    notes = wb["Catatan"].column_dimensions
    assert (notes["A"].width, notes["B"].width) == (34, 100)


def test_empty_sheet_keeps_its_header_and_no_filter():
    ws = _load(_workbook(rows=[]))["Indikator"]
    assert [c.value for c in ws[1]][:2] == ["Nama indikator", "Capaian (%)"] and ws.max_row == 1
    assert not ws.auto_filter.ref


def test_same_input_same_bytes_and_fixed_times():
    first = _workbook()
    assert _workbook() == first
    props = _load(first).properties
    assert (props.creator, props.title) == ("kinerja", "Uji coba")
    assert props.created == props.modified == dt.datetime(2026, 1, 31)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert len({i.date_time for i in z.infolist()}) == 1  # one fixed time, not the clock
    later = xlsx_bytes([Sheet("Indikator", list(COLUMNS), _rows())], PROVENANCE, dt.date(2026, 4, 30))
    assert later != first and _load(later).properties.created == dt.datetime(2026, 4, 30)


def test_fixed_widths_frozen_column_wrapped_text_and_plain_notes():
    """The DIP's layout: given widths, the first column frozen too, wrapped text cells, and
    a notes sheet of label/value rows only (no heading, no column list)."""
    cols = [Column("nomor", "Nomor", "string"), Column("isi", "Ringkasan isi", "string")]
    rows = [{"nomor": "DIP/1", "isi": "=1+1"}, {"nomor": "DIP/2", "isi": None}]
    sheet = Sheet("DIP", cols, rows, widths=[34, 60], frozen_columns=1, wrap=True)
    notes = Notes("Keterangan", [("Daftar", "=2*3"), ("Jumlah entri", 2)])
    data = workbook_bytes([sheet], notes, WHEN, "Daftar Informasi Publik")
    assert workbook_bytes([sheet], notes, WHEN, "Daftar Informasi Publik") == data
    wb = _load(data)
    assert wb.sheetnames == ["DIP", "Keterangan"] and wb.properties.title == "Daftar Informasi Publik"
    ws = wb["DIP"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:B3"
    assert (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width) == (34, 60)
    assert (ws["B2"].value, ws["B2"].data_type) == ("=1+1", "s")
    assert ws["B2"].alignment.wrap_text and ws["B2"].alignment.vertical == "top"
    assert ws["B3"].value is None
    kv = [[c.value for c in row] for row in wb["Keterangan"].iter_rows()]
    assert kv == [["Daftar", "=2*3"], ["Jumlah entri", 2]]
    assert wb["Keterangan"]["B1"].data_type == "s" and wb["Keterangan"]["A1"].font.b

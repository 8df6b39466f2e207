"""Private APIs of libraries are used only on the versions they were checked with, each in
one guarded place, with the public API as the fallback: XlsxWriter's undecorated write
methods (generator/render/workbook.py) and Pagefind's binary lookup (generator/site/search.py).
MkDocs' private build functions: tests/test_sitebuild_parity.py."""

from __future__ import annotations

import datetime as dt
import sys
import types
from decimal import Decimal

import xlsxwriter

from generator.render import workbook
from generator.render.workbook import Column, Sheet, xlsx_bytes
from generator.site import search

COLUMNS = [
    Column("nama", "Nama", "string", "teks"),
    Column("capaian", "Capaian (%)", "persen", "persen"),
    Column("pagu", "Pagu (Rp)", "rupiah", "rupiah"),
    Column("ya", "Dihitung", "boolean", "ya/tidak"),
    Column("tanggal", "Tanggal", "date", "tanggal"),
]
ROWS = [
    {
        "nama": f"=baris {i}",
        "capaian": Decimal("101.5") + i,
        "pagu": 1000 * i,
        "ya": i % 2 == 0,
        "tanggal": dt.date(2026, 1, 1 + i),
    }
    for i in range(30)
] + [{"nama": None, "capaian": 7}]


def _workbook() -> bytes:
    return xlsx_bytes([Sheet("Data", list(COLUMNS), ROWS)], [("Sumber", "uji")], dt.date(2026, 1, 31))


def _writers(ws) -> list[str]:
    return [m.__name__ for m in workbook._cell_writers(ws)]


def test_xlsx_undecorated_writes_only_on_a_checked_xlsxwriter(monkeypatch):
    ws = xlsxwriter.Workbook(None, {"in_memory": True}).add_worksheet()
    assert xlsxwriter.__version__.startswith(("3.2.", "3.3."))  # the installed one is checked
    assert _writers(ws) == ["_write_string", "_write_number", "_write_boolean"]
    checked = _workbook()

    monkeypatch.setattr(xlsxwriter, "__version__", "4.0.0")
    assert _writers(ws) == ["write_string", "write_number", "write_boolean"]
    assert _workbook() == checked  # the public methods write the same bytes

    monkeypatch.undo()
    public = types.SimpleNamespace(write_string=print, write_number=print, write_boolean=print)  # no _write_*
    assert workbook._cell_writers(public) == (print, print, print)


def test_pagefind_found_through_its_public_api(monkeypatch):
    from pagefind.service import get_executable

    assert get_executable() is not None and search.available()
    monkeypatch.setitem(sys.modules, "pagefind.service", None)  # a pagefind without get_executable
    assert search.available()  # asked `python -m pagefind --version` instead

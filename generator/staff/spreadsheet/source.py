"""The YAML file behind a workbook, read as the validated model: loading it, and finding
the indicators and the quarter's report that the sheets show."""

from __future__ import annotations

from pathlib import Path

from generator.compute.engine import active_pk
from generator.load import display_path
from generator.model import Indikator, Laporan, Tahunan
from generator.staff.datafile import load_valid, require_year_file
from generator.staff.spreadsheet.sheets import SheetError


def load_model(path: Path) -> Tahunan:
    if path.is_file():
        require_year_file(path, display_path(path), SheetError)
    model: Tahunan = load_valid(path, Tahunan, display_path(path), SheetError)[0]
    return model


def indicator_source(t: Tahunan) -> tuple[list[Indikator], tuple[str | int, ...]]:
    """The indicators a report is measured against and their path in the file."""
    pk = active_pk(t)
    if pk is not None:
        return pk.indikator, ("perjanjian_kinerja", len(t.perjanjian_kinerja) - 1, "indikator")
    if t.iki is not None:
        return t.iki.indikator, ("iki", "indikator")
    return [], ()


def report_of(t: Tahunan, tw: int) -> tuple[int | None, Laporan | None]:
    """The quarter's report and its index in ``laporan``; (None, None) when there is none yet."""
    for i, lap in enumerate(t.laporan):
        if lap.triwulan == tw:
            return i, lap
    return None, None

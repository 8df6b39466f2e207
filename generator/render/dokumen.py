"""Which official documents (generator/documents) a position has, and where they are: the
one rule the documents stage, the API index (opendata) and the DIP (ppid) share.

Per year of a position: the Perjanjian Kinerja in force when the year has one, the IKI sheet
when it has one, and the Laporan Kinerja of every computed report of that year.
"""

from __future__ import annotations

from generator.check import ReportEntry
from generator.core import addresses
from generator.validate.dataset import PositionRecord, YearRecord


def official_documents(pos: PositionRecord, reports: list[ReportEntry]) -> list[tuple[str, YearRecord, ReportEntry | None]]:
    """(jenis, year, report) of each document of the position: jenis lkj | pk | iki; the
    report for an LKj. ``reports``: the position's computed reports."""
    out: list[tuple[str, YearRecord, ReportEntry | None]] = []
    for tahun in pos.years_in_order():
        year = pos.years[tahun]
        if year.model.perjanjian_kinerja:
            out.append(("pk", year, None))
        if year.model.iki is not None:
            out.append(("iki", year, None))
        out += [("lkj", year, e) for e in reports if e.year is year]
    return out


def index_ref(region_id: str, agency_id: str, pos: PositionRecord, jenis: str, year: YearRecord, e: ReportEntry | None) -> dict:
    """One document in the API index: what it is, and its PDF and DOCX (relative to the site root)."""
    tw = e.res.triwulan if e is not None else None
    return {
        "jenis": jenis,
        "wilayah": region_id,
        "perangkat_daerah": agency_id,
        "jabatan": pos.id,
        "tahun": year.tahun,
        "triwulan": tw,
        **{ext: addresses.dokumen(region_id, agency_id, pos.id, jenis, year.tahun, tw, ext) for ext in addresses.DOKUMEN_FORMAT},
    }

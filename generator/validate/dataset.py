"""The validated data held in memory: regions → agencies → positions → years.

Built by generator/validate/assemble.py; read by check, render, the features and the CLI. Each record keeps
its source Document so that later findings can point at a file and line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.load import Document
from generator.model import Jabatan, PerangkatDaerah, Situs, Tahunan, Unit, Wilayah
from generator.model.ppid import DaftarTambahan, HariLibur, RegisterPermohonan


def year_order(tahun: int | None) -> tuple[bool, int]:
    """Sort key of a year: a document without a year (None) before every dated one."""
    return (tahun is not None, tahun or 0)


@dataclass
class PositionRecord:
    id: str
    model: Jabatan
    doc: Document
    # by year; None: the documents whose year is not stated (folder tanpa-tahun/)
    years: dict[int | None, YearRecord] = field(default_factory=dict)

    def years_in_order(self, newest_first: bool = False) -> list[int | None]:
        """The years oldest first (or newest first); an undated document counts as the oldest."""
        return sorted(self.years, key=year_order, reverse=newest_first)


@dataclass
class YearRecord:
    position_id: str
    tahun: int | None  # None: the document states no year
    model: Tahunan
    doc: Document


@dataclass
class AgencyRecord:
    id: str
    region_id: str
    model: PerangkatDaerah
    doc: Document
    positions: dict[str, PositionRecord] = field(default_factory=dict)
    units: dict[str, Unit] = field(default_factory=dict)
    unit_parent: dict[str, str | None] = field(default_factory=dict)
    registers: dict[int, tuple[RegisterPermohonan, Document]] = field(default_factory=dict)  # PPID request registers by year
    dip_tambahan: tuple[DaftarTambahan, Document] | None = None

    @property
    def key(self) -> str:
        return f"{self.region_id}/{self.id}"

    def units_under(self, unit_id: str) -> set[str]:
        """The unit and every unit below it in the tree."""
        inside = {unit_id}
        changed = True
        while changed:
            changed = False
            for uid, parent in self.unit_parent.items():
                if parent in inside and uid not in inside:
                    inside.add(uid)
                    changed = True
        return inside


@dataclass
class RegionRecord:
    id: str
    model: Wilayah
    doc: Document
    agencies: dict[str, AgencyRecord] = field(default_factory=dict)


@dataclass
class Dataset:
    situs: Situs
    situs_doc: Document | None
    regions: dict[str, RegionRecord] = field(default_factory=dict)
    holidays: dict[int, HariLibur] = field(default_factory=dict)

    def holiday_dates(self) -> set[dt.date]:
        return {h.tanggal for cal in self.holidays.values() for h in cal.hari}

    def agencies(self) -> Iterator[AgencyRecord]:
        for region in self.regions.values():
            yield from region.agencies.values()

    def years(self) -> Iterator[tuple[RegionRecord, AgencyRecord, PositionRecord, YearRecord]]:
        """Every (region, agency, position, year) in a stable order."""
        for region in self.regions.values():
            for agency in region.agencies.values():
                for position in agency.positions.values():
                    for year in position.years_in_order():
                        yield region, agency, position, position.years[year]

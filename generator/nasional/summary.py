"""The portal's figures, from what the regions published.

An agency's figure is the average of its positions' latest reports in its latest period
(the latest year and quarter any of its positions reported); a region's, the average of
its positions' reports in the region's latest period. Each region computed its reports
under its own policy (kebijakan): the portal averages the published figures, rounded half
up to two decimals, and names the band of the default scale (compute/policy.py).

The kind of agency (for the comparison across regions) is its name without the region's
name: "Dinas Kesehatan Kabupaten Gresik" and "Dinas Kesehatan Kota Malang" are both
"Dinas Kesehatan".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from generator.compute.policy import DEFAULT_SCALE
from generator.core.fmt import ROMAWI, tanggal
from generator.nasional.fetch import AgencyData, RegionData, Report, SiteData

_KIND_WORD = re.compile(r"\s+(?:kabupaten|kota|provinsi|kab\.)$", re.I)
_REGION_SUFFIX = re.compile(r"\s+(?:pemerintah\s+)?(?:kabupaten|kota|provinsi|kab\.)\s+\S.*$", re.I)


def kind(agency_name: str, region_name: str) -> str:
    name = " ".join(agency_name.split())
    region = " ".join(region_name.split())
    if region and name.lower().endswith(" " + region.lower()):
        name = _KIND_WORD.sub("", name[: -len(region) - 1])  # "... Kota" of "Kota Malang" named "Malang"
    else:
        name = _REGION_SUFFIX.sub("", name)
    return name.strip() or " ".join(agency_name.split())


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:80].rstrip("-") or "lainnya"


def predikat(value: Decimal | None) -> str | None:
    if value is None:
        return None
    for band in DEFAULT_SCALE:
        if band.di_atas is None or value > band.di_atas:
            return band.predikat
    return None


def date_text(iso: str | None) -> str | None:
    """2026-01-31 → 31 Januari 2026 (the text as published when it is not a date)."""
    if not iso:
        return None
    try:
        return tanggal(dt.date.fromisoformat(iso))
    except ValueError:
        return iso


def period_label(key: tuple[int, int] | None) -> str | None:
    return None if key is None else f"TW {ROMAWI[key[1]]} {key[0]}"


@dataclass
class Figure:
    periode: tuple[int, int] | None
    rata_rata: Decimal | None
    laporan: int  # reports averaged

    @property
    def predikat(self) -> str | None:
        return predikat(self.rata_rata)

    @property
    def periode_teks(self) -> str | None:
        return period_label(self.periode)


def figure(reports: list[Report]) -> Figure:
    if not reports:
        return Figure(None, None, 0)
    latest = max(r.key for r in reports)
    values = [r.rata_rata for r in reports if r.key == latest and r.rata_rata is not None]
    if not values:
        return Figure(latest, None, 0)
    mean = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Figure(latest, mean, len(values))


@dataclass
class AgencyRow:
    region: RegionRow
    agency: AgencyData
    jenis: str
    jenis_slug: str
    angka: Figure


@dataclass
class RegionRow:
    site: SiteData
    region: RegionData
    slug: str  # the region's page in the portal: wilayah/<slug>/
    angka: Figure
    agencies: list[AgencyRow]

    @property
    def jabatan(self) -> int:
        return sum(a.jabatan for a in self.region.agencies)


@dataclass
class Kind:
    nama: str
    slug: str
    rows: list[AgencyRow]


@dataclass
class National:
    regions: list[RegionRow]
    kinds: list[Kind]


def summarise(sites: list[SiteData]) -> National:
    rows: list[RegionRow] = []
    used: set[str] = set()
    for site in sites:
        for region in site.regions:
            s = region.id
            n = 2
            while s in used:  # the same id published by two sites
                s, n = f"{region.id}-{n}", n + 1
            used.add(s)
            row = RegionRow(site, region, s, figure([r for a in region.agencies for r in a.laporan]), [])
            for a in region.agencies:
                jenis = kind(a.nama, region.nama)
                row.agencies.append(AgencyRow(row, a, jenis, slug(jenis), figure(a.laporan)))
            rows.append(row)
    rows.sort(key=lambda r: (r.region.nama.lower(), r.slug))
    kinds: dict[str, Kind] = {}
    for row in rows:
        for ar in row.agencies:
            k = kinds.setdefault(ar.jenis_slug, Kind(ar.jenis, ar.jenis_slug, []))
            k.rows.append(ar)
    for k in kinds.values():
        # the best first; regions without a figure last, by name
        k.rows.sort(key=lambda x: (x.angka.rata_rata is None, -(x.angka.rata_rata or 0), x.region.region.nama.lower()))
    return National(rows, sorted(kinds.values(), key=lambda k: k.nama.lower()))

"""The site index and the small pieces every view shares.

``SiteIndex`` groups the computed reports per position; ``ChartSpec`` describes a chart
for the page module to draw. The helpers below name holders and people, order positions
the way the documents do, build breadcrumbs and the one-line summary of a position that
the agency, unit, region and home tables show. Nothing here computes a figure: every
number comes from a ReportResult (generator/compute). Text stays raw; templates escape it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.check import ReportEntry as Entry
from generator.compute.policy import Policy, resolve
from generator.core import addresses, fmt
from generator.model import Pemangku, Penandatangan
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord

JENIS_JABATAN = {"struktural": "struktural", "fungsional": "fungsional", "pelaksana": "pelaksana"}
URUT_JENIS = {"struktural": 0, "fungsional": 1, "pelaksana": 2}
JENIS_UNIT = {
    "sekretariat": "Sekretariat",
    "subbagian": "Subbagian",
    "bidang": "Bidang",
    "seksi": "Seksi",
    "uptd": "UPTD",
    "kelompok_fungsional": "Kelompok jabatan fungsional",
    "lainnya": "Unit kerja",
}
MAX_ALT_ITEMS = 12


@dataclass
class ChartSpec:
    """A chart to draw: ``fn(*args)`` from render/charts.py returns the SVG bytes. The
    arguments are plain values, so ``key`` identifies the drawing (for the chart cache)."""

    path: str  # docs-relative .svg path
    alt: str
    fn: Callable[..., bytes]
    args: tuple
    width: int = 0  # CSS pixels, filled in when drawn (keeps the layout stable while loading)
    height: int = 0
    sempit: ChartSpec | None = None  # the same chart laid out for a phone screen (drawn and shown with it)

    @property
    def key(self) -> str:
        return f"{self.fn.__module__}.{self.fn.__name__}{self.args!r}"

    def draw(self) -> bytes:
        return self.fn(*self.args)

    def ponsel(self, fn: Callable[..., bytes]) -> ChartSpec:
        """This chart with its phone layout: ``fn`` (render/phonecharts.py) drawn from the
        same arguments into <name>-ponsel.svg."""
        self.sempit = ChartSpec(self.path.removesuffix(".svg") + "-ponsel.svg", self.alt, fn, self.args)
        return self


@dataclass
class SiteIndex:
    """The dataset, the site-wide policy and every report, grouped per position (oldest first)."""

    dataset: Dataset
    site_policy: Policy
    entries: dict[tuple[str, str, str], list[Entry]] = field(default_factory=dict)

    @classmethod
    def build(cls, dataset: Dataset, reports) -> SiteIndex:
        ix = cls(dataset, resolve(dataset.situs.kebijakan))
        regions = {a.key: r for r in dataset.regions.values() for a in r.agencies.values()}
        grouped: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
        for agency, position, year, lap, res in reports:
            grouped[(agency.region_id, agency.id, position.id)].append(
                Entry(regions[agency.key], agency, position, year, lap, res)
            )
        for key, items in grouped.items():
            items.sort(key=lambda e: (e.res.tahun, e.res.triwulan))
        ix.entries = dict(grouped)
        return ix

    @property
    def tampilan_nip(self) -> str:
        return self.dataset.situs.tampilan_nip

    @property
    def data_per(self) -> dt.date:
        return self.dataset.situs.data_per

    def masked(self, notes: list[str]) -> list[str]:
        """Free-text notes with any NIP in them masked as the site shows NIPs."""
        return [fmt.samarkan_nip(c, self.tampilan_nip) or c for c in notes]  # None only for no text

    def reports_of(self, agency: AgencyRecord, position_id: str) -> list[Entry]:
        return self.entries.get((agency.region_id, agency.id, position_id), [])

    def latest(self, agency: AgencyRecord, position_id: str) -> Entry | None:
        items = self.reports_of(agency, position_id)
        return items[-1] if items else None


# --------------------------------------------------------------------------- people and positions


def holder(pos: PositionRecord, on: dt.date) -> Pemangku | None:
    """The holder on the data's as-of date, else the most recent one listed."""
    for p in pos.model.pemangku:
        if (p.mulai is None or p.mulai <= on) and (p.selesai is None or on <= p.selesai):
            return p
    return pos.model.pemangku[-1] if pos.model.pemangku else None


def position_label(pos: PositionRecord, on: dt.date) -> str:
    h = holder(pos, on)
    plt = "Plt. " if h and h.plt else ""
    return f"{plt}{pos.model.jabatan}" + (f" ({h.nama})" if h else "")


def person(p: Pemangku | Penandatangan | None, tampilan_nip: str) -> dict | None:
    if p is None:
        return None
    golongan = getattr(p, "golongan", None)
    pangkat = " / ".join(x for x in (p.pangkat, golongan) if x) or None
    periode = None
    if isinstance(p, Pemangku) and (p.mulai or p.selesai):
        periode = f"{fmt.tanggal(p.mulai) or '…'} s.d. {fmt.tanggal(p.selesai) or 'sekarang'}"
    return {
        "nama": p.nama,
        "pangkat": pangkat,
        "nip": fmt.nip(p.nip, tampilan_nip),
        "status": getattr(p, "status", None),
        "plt": getattr(p, "plt", False),
        "periode": periode,
        "jabatan": getattr(p, "jabatan", None),
        "nama_tertulis": list(p.nama_tertulis),
    }


def positions_in_order(agency: AgencyRecord) -> list[PositionRecord]:
    """Heads first, then the unit tree in document order, struktural before fungsional/pelaksana."""
    unit_order = {uid: i for i, uid in enumerate(agency.units)}
    return sorted(
        agency.positions.values(),
        key=lambda p: (
            p.model.unit is not None,
            unit_order.get(p.model.unit or "", -1),
            URUT_JENIS.get(p.model.jenis, 9),
            p.model.atasan is not None,
        ),
    )


def heads(agency: AgencyRecord) -> list[PositionRecord]:
    return [p for p in positions_in_order(agency) if p.model.unit is None and p.model.unit_tercantum and p.model.atasan is None]


def unit_chain(agency: AgencyRecord, unit_id: str | None) -> list[str]:
    chain: list[str] = []
    while unit_id:
        chain.insert(0, unit_id)
        unit_id = agency.unit_parent.get(unit_id)
    return chain


def unit_descendants(agency: AgencyRecord, unit_id: str) -> set[str]:
    return agency.units_under(unit_id)


def unit_link(region: RegionRecord, agency: AgencyRecord, unit) -> dict:
    """Name and page of a unit of the agency, for a link."""
    return {"nama": unit.nama, "path": addresses.unit(region.id, agency.id, unit.id)}


def breadcrumb(
    ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None, unit_id: str | None = None
) -> list[tuple[str, str]]:
    crumbs = [("Beranda", addresses.HOME), (region.model.nama, addresses.region(region.id))]
    if agency:
        crumbs.append((agency.model.singkatan or agency.model.nama, addresses.agency(region.id, agency.id)))
        for uid in unit_chain(agency, unit_id):
            crumbs.append((agency.units[uid].nama, addresses.unit(region.id, agency.id, uid)))
    return crumbs


def source_document(agency: AgencyRecord, sumber_id: str | None):
    """The agency's source document a report or an IKI names (None when it names none)."""
    return next((s for s in agency.model.sumber_dokumen if s.id == sumber_id), None) if sumber_id else None


def numbered(nomor: str | None, text: str | None) -> str:
    """ "1.2 Name": a row's number and text, whichever of them there is."""
    return " ".join(x for x in (nomor, text) if x)


# --------------------------------------------------------------------------- one line per position


def summary(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
    """One line about a position: used by agency, unit, region and home tables."""
    latest = ix.latest(agency, pos.id)
    h = holder(pos, ix.data_per)
    unit = agency.units.get(pos.model.unit) if pos.model.unit else None
    res = latest.res if latest else None
    return {
        "id": pos.id,
        "jabatan": pos.model.jabatan,
        "path": addresses.position(region.id, agency.id, pos.id),
        "label": position_label(pos, ix.data_per),
        "pemangku": h.nama if h else None,
        "plt": bool(h and h.plt),
        "unit": unit.nama if unit else None,
        "unit_path": addresses.unit(region.id, agency.id, unit.id) if unit else None,
        "periode": fmt.periode(res.tahun, res.triwulan) if res else None,
        "rata_rata": res.rata_rata if res else None,
        "predikat": res.predikat.predikat if res and res.predikat else None,
        "kategori": res.predikat.kategori if res and res.predikat else None,
        "band": band_index(res.policy, res.predikat) if res and res.predikat else None,
        "anggaran_total": res.anggaran_total if res else None,
        "efisiensi": res.efisiensi if res else None,
        "res": res,
        "ada_pk": any(y.model.perjanjian_kinerja or y.model.iki for y in pos.years.values()),
        "indikator_terakhir": _latest_definitions(pos),
        "disimpulkan": placement_inferred(pos),
    }


def placement_inferred(pos: PositionRecord) -> str | None:
    """What of a position's place is inferred, as a short sentence (None when the document
    states it); the basis (dasar_penyimpulan) is shown on the position page."""
    m = pos.model
    what = [w for w, flag in (("unit kerja", m.unit_disimpulkan), ("atasan", m.atasan_disimpulkan)) if flag]
    if not what:
        return None
    return f"{' dan '.join(what).capitalize()} tidak tertulis di dokumen; disimpulkan (dasarnya di halaman jabatan)"


def _latest_definitions(pos: PositionRecord) -> str | None:
    """ "PK 2025" / "IKI 2023": the newest indicator document of a position without reports."""
    for tahun in pos.years_in_order(newest_first=True):
        y = pos.years[tahun].model
        label = "(tahun tidak tercantum)" if tahun is None else str(tahun)
        if y.perjanjian_kinerja:
            return f"PK {label}"
        if y.iki:
            return f"IKI {label}"
    return None


# --------------------------------------------------------------------------- predikat bands and chart text


def band_index(policy: Policy, band) -> int | None:
    try:
        return list(policy.skala_predikat).index(band)
    except ValueError:
        return None


def band_for_name(policy: Policy, name: str | None) -> int | None:
    for i, b in enumerate(policy.skala_predikat):
        if b.predikat == name:
            return i
    return None


def band_lines(policy: Policy) -> tuple[list, list[str]]:
    """The predikat scale as a capaian chart draws it: the thresholds, and every band's name."""
    bands = list(policy.skala_predikat)
    return [b.di_atas for b in bands if b.di_atas is not None], [b.predikat for b in bands]


def alt_list(parts: list[str], noun: str) -> str:
    """The first MAX_ALT_ITEMS parts of a chart's alt text, then how many ``noun`` are left out."""
    more = len(parts) - MAX_ALT_ITEMS
    return "; ".join(parts[:MAX_ALT_ITEMS]) + (f"; dan {more} {noun} lain" if more > 0 else "")

"""The listing pages: an agency with its unit tree, a unit, a region, and the home page.

Each lists positions through ``siteindex.summary`` (one line per position, its latest
report's figures) and links down the tree; the agency page adds the chart of every
position's average capaian. Text stays raw here; templates escape it.
"""

from __future__ import annotations

from collections import defaultdict

from generator.core import addresses, fmt
from generator.render import charts, kebijakan, phonecharts
from generator.render.pemeriksa import Pemeriksa
from generator.render.siteindex import (
    JENIS_UNIT,
    ChartSpec,
    SiteIndex,
    alt_list,
    band_lines,
    breadcrumb,
    heads,
    positions_in_order,
    summary,
    unit_descendants,
    unit_link,
)
from generator.validate.dataset import AgencyRecord, RegionRecord


def _tree(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, units, by_unit) -> list[dict]:
    return [
        {
            "nama": u.nama,
            "jenis": JENIS_UNIT.get(u.jenis, u.jenis),
            "path": addresses.unit(region.id, agency.id, u.id),
            "positions": by_unit.get(u.id, []),
            "children": _tree(ix, region, agency, u.unit, by_unit),
        }
        for u in units
    ]


def _capaian_chart(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, rows: list[dict]) -> ChartSpec | None:
    """Every position's average capaian in its latest report (None when none is measured)."""
    measured = [r for r in rows if r["rata_rata"] is not None]
    if not measured:
        return None
    bars = [charts.Bar(r["label"], r["rata_rata"], r["band"], r["predikat"]) for r in measured]
    alt = (
        f"Diagram batang rata-rata capaian kinerja {len(bars)} jabatan di {agency.model.nama} pada laporan terakhir "
        "masing-masing, dibandingkan dengan garis 100%. "
        + alt_list([f"{b.label}: {fmt.persen(b.value)} ({b.band_name})" for b in bars], "jabatan")
        + ". Angka yang sama ada di tabel jabatan."
    )
    return ChartSpec(
        addresses.chart(region.id, agency.id, "capaian-jabatan"),
        alt,
        charts.capaian_bars,
        (bars, "Rata-rata capaian kinerja (%)", *band_lines(ix.site_policy)),
    ).ponsel(phonecharts.capaian_bars)


def agency_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord) -> dict:
    page = addresses.agency(region.id, agency.id)
    ordered = positions_in_order(agency)
    rows = [summary(ix, region, agency, p) for p in ordered]
    by_unit: dict[str | None, list[dict]] = defaultdict(list)
    for p, row in zip(ordered, rows):
        by_unit[p.model.unit].append(row)
    head_ids = {p.id for p in heads(agency)}
    budget = [r for r in rows if r["res"] is not None and r["res"].has_budget]
    pem = Pemeriksa()
    sumber = [
        {"judul": s.judul, "keterangan": pem.note(f"Sumber dokumen: {s.judul}", s.keterangan)}
        for s in agency.model.sumber_dokumen
    ]
    return {
        "page_path": page,
        "region": region,
        "agency": agency,
        "pd": agency.model,
        "breadcrumb": breadcrumb(ix, region),
        "heads": [r for r in rows if r["id"] in head_ids],
        "lepas": [r for r in by_unit.get(None, []) if r["id"] not in head_ids],
        "tree": _tree(ix, region, agency, agency.model.unit, by_unit),
        "positions": rows,
        "chart": _capaian_chart(ix, region, agency, rows),
        "budget": budget,
        "jumlah_laporan": sum(len(ix.reports_of(agency, p.id)) for p in ordered),
        "efisiensi_campur": len({r["res"].policy.efisiensi for r in budget}) > 1,
        "sumber": sumber,
        "pemeriksa": pem.groups,
    }


def unit_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, unit_id: str) -> dict:
    u = agency.units[unit_id]
    inside = unit_descendants(agency, unit_id)
    rows = [summary(ix, region, agency, p) for p in positions_in_order(agency) if p.model.unit in inside]
    parent_id = agency.unit_parent.get(unit_id)
    return {
        "page_path": addresses.unit(region.id, agency.id, unit_id),
        "region": region,
        "agency": agency,
        "unit": u,
        "jenis": JENIS_UNIT.get(u.jenis, u.jenis),
        "breadcrumb": breadcrumb(ix, region, agency, parent_id),
        "induk": unit_link(region, agency, agency.units[parent_id]) if parent_id else None,
        "subunit": [unit_link(region, agency, c) for c in u.unit],
        "positions": rows,
        "agency_path": addresses.agency(region.id, agency.id),
        "pemeriksa": [{"judul": "Nama unit seperti tertulis di dokumen", "items": list(u.nama_tertulis)}]
        if u.nama_tertulis
        else [],
    }


def agency_summary(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord) -> dict:
    hs = heads(agency)
    return {
        "nama": agency.model.nama,
        "singkatan": agency.model.singkatan,
        "path": addresses.agency(region.id, agency.id),
        "jumlah_jabatan": len(agency.positions),
        "jumlah_laporan": sum(len(ix.reports_of(agency, p)) for p in agency.positions),
        "pimpinan": summary(ix, region, agency, hs[0]) if hs else None,
    }


def region_view(ix: SiteIndex, region: RegionRecord) -> dict:
    return {
        "region": region,
        "path": addresses.region(region.id),
        "page_path": addresses.region(region.id),
        "breadcrumb": [("Beranda", addresses.HOME)],
        "agencies": [agency_summary(ix, region, a) for a in region.agencies.values()],
    }


def home_page(ix: SiteIndex) -> dict:
    return {
        "page_path": addresses.HOME,
        "regions": [region_view(ix, r) for r in ix.dataset.regions.values()],
        "skala": kebijakan.skala(ix.site_policy.skala_predikat),
    }

"""Which reports each download holds: the whole dataset, a region, an agency, a unit (with
its sub-units, as on the unit page), a position (all periods) and one position-period (its
API report document only: its CSV and XLSX are the position's)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.core import addresses
from generator.opendata.provenance import Source, periode
from generator.opendata.tables import Definitions, Entry
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord


@dataclass
class Scope:
    kind: str
    judul: str  # what the files hold (provenance title)
    pembuat: str  # whose figures they are
    halaman: str  # site-relative address of the human page
    entries: list[Entry]
    definitions: list[Definitions]
    region: str | None = None
    agency: str | None = None
    id: str | None = None
    tahun: int | None = None
    triwulan: int | None = None
    agencies: list[AgencyRecord] = field(default_factory=list)  # for the source fallback

    @property
    def key(self) -> tuple:
        return (self.kind, self.region, self.agency, self.id, self.tahun, self.triwulan)

    def links(self, files=None) -> dict[str, str]:
        return addresses.download_links(self.kind, self.region, self.agency, self.id, self.tahun, self.triwulan, files=files)

    @property
    def api(self) -> str:
        return addresses.api_doc(self.kind, self.region, self.agency, self.id, self.tahun, self.triwulan)

    def sources(self) -> list[Source]:
        """Source documents of the reports (and IKI sheets) in scope; without any, those
        the agencies in scope list."""
        seen: dict[tuple[str, str], Source] = {}

        def add(agency: AgencyRecord, sid: str | None) -> None:
            s = next((s for s in agency.model.sumber_dokumen if s.id == sid), None) if sid else None
            if s is not None:
                seen.setdefault((agency.key, s.id), Source(s.id, s.judul, s.keterangan))

        for e in self.entries:
            add(e.agency, e.laporan.sumber)
        for d in self.definitions:
            if d.year.model.iki is not None:
                add(d.agency, d.year.model.iki.sumber)
        if not seen:
            for a in self.agencies:
                for s in a.model.sumber_dokumen:
                    add(a, s.id)
        return list(seen.values())


def entries_of(result) -> list[Entry]:
    ds = result.dataset
    return [Entry(ds.regions[a.region_id], a, p, y, lap, res) for a, p, y, lap, res in result.reports]


def definitions_of(ds: Dataset, entries: list[Entry]) -> list[Definitions]:
    """Position-years with indicators but no report (e.g. an IKI sheet only)."""
    reported = {(e.agency.key, e.position.id, e.res.tahun) for e in entries}
    out = []
    for region, agency, position, year in ds.years():
        if (agency.key, position.id, year.tahun) in reported:
            continue
        if year.model.perjanjian_kinerja or (year.model.iki and year.model.iki.indikator):
            out.append(Definitions(region, agency, position, year))
    return out


def unit_members(agency: AgencyRecord, unit_id: str) -> set[str]:
    return agency.units_under(unit_id)


def build_scopes(result) -> list[Scope]:
    ds = result.dataset
    entries = entries_of(result)
    defs = definitions_of(ds, entries)
    every_agency = list(ds.agencies())
    out = [
        Scope(
            "semua",
            "Capaian kinerja dan realisasi anggaran seluruh perangkat daerah",
            ds.situs.judul,
            "api-dan-data/",
            entries,
            defs,
            agencies=every_agency,
        )
    ]
    for region in ds.regions.values():
        out.append(_region_scope(region, entries, defs))
        for agency in region.agencies.values():
            out.extend(_agency_scopes(region, agency, entries, defs))
    return out


def _region_scope(region: RegionRecord, entries, defs) -> Scope:
    mine = lambda x: x.region.id == region.id  # noqa: E731
    return Scope(
        "wilayah",
        f"Capaian kinerja perangkat daerah {region.model.nama}",
        region.model.nama,
        addresses.url(addresses.region(region.id)),
        [e for e in entries if mine(e)],
        [d for d in defs if mine(d)],
        region=region.id,
        agencies=list(region.agencies.values()),
    )


def _agency_scopes(region: RegionRecord, agency: AgencyRecord, entries, defs) -> list[Scope]:
    r, a, nama = region.id, agency.id, agency.model.nama
    ents = [e for e in entries if e.agency is agency]
    dfs = [d for d in defs if d.agency is agency]
    out = [
        Scope(
            "perangkat_daerah",
            f"Capaian kinerja {nama}",
            nama,
            addresses.url(addresses.agency(r, a)),
            ents,
            dfs,
            region=r,
            agency=a,
            agencies=[agency],
        )
    ]
    for unit_id, unit in agency.units.items():
        inside = unit_members(agency, unit_id)
        out.append(
            Scope(
                "unit",
                f"Capaian kinerja {unit.nama}",
                nama,
                addresses.url(addresses.unit(r, a, unit_id)),
                [e for e in ents if e.position.model.unit in inside],
                [d for d in dfs if d.position.model.unit in inside],
                region=r,
                agency=a,
                id=unit_id,
                agencies=[agency],
            )
        )
    for pos in agency.positions.values():
        out.extend(_position_scopes(r, a, nama, pos, ents, dfs, agency))
    return out


def _position_scopes(r: str, a: str, nama: str, pos: PositionRecord, ents, dfs, agency) -> list[Scope]:
    page = addresses.url(addresses.position(r, a, pos.id))
    mine = [e for e in ents if e.position is pos]
    jab = pos.model.jabatan
    out = [
        Scope(
            "jabatan",
            f"Capaian kinerja {jab}",
            nama,
            page,
            mine,
            [d for d in dfs if d.position is pos],
            region=r,
            agency=a,
            id=pos.id,
            agencies=[agency],
        )
    ]
    for e in mine:
        out.append(
            Scope(
                "jabatan",
                f"Capaian kinerja {jab}, {periode(e.res.tahun, e.res.triwulan)}",
                nama,
                page,
                [e],
                [],
                region=r,
                agency=a,
                id=pos.id,
                tahun=e.res.tahun,
                triwulan=e.res.triwulan,
                agencies=[agency],
            )
        )
    return out

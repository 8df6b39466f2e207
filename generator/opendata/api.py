"""The static JSON API under api/v1/: an index of everything with stable ids, one document
per region, agency, unit, position and position-period. A position-period document is
the `kinerja compute --json` report (serialize.report_dict) plus names, links and
provenance. Addresses (``url`` = API document, ``halaman`` = human page) are relative
to the site root; the index gives the site's address when it is known."""

from __future__ import annotations

from collections.abc import Callable

from generator.compute.engine import measured_indicators, walk_indicators
from generator.compute.printed import printed_label_text
from generator.compute.serialize import SCHEMA_VERSION, number, report_dict
from generator.core import addresses
from generator.model import PERAN_LABEL, Indikator
from generator.opendata.provenance import licence_url
from generator.opendata.scopes import Scope
from generator.opendata.tables import Entry, holder, indicator_source
from generator.render.dokumen import index_ref, official_documents
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

VERSION = "kinerja-api/1"


def _head(schema: str, url: str, halaman: str | None) -> dict:
    return {"skema": addresses.api_schema(schema), "versi": VERSION, "url": url, "halaman": halaman}


def region_ref(region: RegionRecord) -> dict:
    m = region.model
    return {
        "id": region.id,
        "nama": m.nama,
        "jenis": m.jenis,
        "url": addresses.api_region(region.id),
        "halaman": addresses.url(addresses.region(region.id)),
    }


def agency_ref(region: RegionRecord, agency: AgencyRecord) -> dict:
    return {
        "id": agency.key,
        "wilayah": region.id,
        "perangkat_daerah": agency.id,
        "nama": agency.model.nama,
        "singkatan": agency.model.singkatan,
        "url": addresses.api_agency(region.id, agency.id),
        "halaman": addresses.url(addresses.agency(region.id, agency.id)),
    }


def unit_ref(region: RegionRecord, agency: AgencyRecord, unit_id: str) -> dict:
    u = agency.units[unit_id]
    return {
        "id": f"{agency.key}/{unit_id}",
        "wilayah": region.id,
        "perangkat_daerah": agency.id,
        "unit": unit_id,
        "nama": u.nama,
        "jenis": u.jenis,
        "induk": agency.unit_parent.get(unit_id),
        "url": addresses.api_unit(region.id, agency.id, unit_id),
        "halaman": addresses.url(addresses.unit(region.id, agency.id, unit_id)),
    }


def position_ref(region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
    return {
        "id": f"{agency.key}/{pos.id}",
        "wilayah": region.id,
        "perangkat_daerah": agency.id,
        "jabatan": pos.id,
        "nama": pos.model.jabatan,
        "jenis": pos.model.jenis,
        "unit": pos.model.unit,
        "url": addresses.api_position(region.id, agency.id, pos.id),
        "halaman": addresses.url(addresses.position(region.id, agency.id, pos.id)),
    }


def report_ref(e: Entry) -> dict:
    res = e.res
    return {
        "id": e.id,
        "wilayah": e.region.id,
        "perangkat_daerah": e.agency.id,
        "jabatan": e.position.id,
        "tahun": res.tahun,
        "triwulan": res.triwulan,
        "periode": f"{res.tahun}-TW{res.triwulan}",
        "rata_rata_capaian": number(res.rata_rata),
        "predikat": res.predikat.predikat if res.predikat else None,
        "url": addresses.api_report(e.region.id, e.agency.id, e.position.id, res.tahun, res.triwulan),
        "halaman": addresses.url(addresses.position(e.region.id, e.agency.id, e.position.id)),
    }


def definition(ind: Indikator, parent: str | None) -> dict:
    f = ind.formula
    return {
        "id": ind.id,
        "nomor": ind.nomor,
        "kelompok": ind.kelompok,
        "induk": parent,
        "sasaran": ind.sasaran,
        "indikator": ind.indikator,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "target": number(ind.target),
        "target_triwulan": {str(k): number(v) for k, v in sorted(ind.target_triwulan.items())},
        "formula": None
        if f is None
        else {
            "jenis": f.jenis,
            "pembilang": f.pembilang,
            "penyebut": f.penyebut,
            "pengali": number(f.pengali),
            "tertulis": f.tertulis,
        },
        "penjelasan": ind.penjelasan,
        "sumber_data": ind.sumber_data,
        "penanggung_jawab": ind.penanggung_jawab,
        "jenis_baris": ind.jenis_baris,
        "pengukuran": ind.pengukuran,
        "dasar_target": ind.dasar_target,
        "target_tertulis": ind.target_teks,
    }


class ApiBuilder:
    """Builds every API document; ``links(scope)`` and ``prov(scope)`` come from the caller
    so that the documents list exactly the downloads that exist."""

    def __init__(
        self,
        result,
        scopes: list[Scope],
        links: Callable[[Scope], dict],
        prov: Callable[[Scope], dict],
        site_url: str | None,
        commit: str | None,
    ):
        self.ds = result.dataset
        self.scopes = {s.key: s for s in scopes}
        self.links, self.prov = links, prov
        self.site_url, self.commit = site_url, commit
        self.entries: dict[str, list[Entry]] = {}
        for e in self.scopes[("semua", None, None, None, None, None)].entries:
            self.entries.setdefault(f"{e.agency.key}/{e.position.id}", []).append(e)

    def _tail(self, key: tuple) -> dict:
        scope = self.scopes[key]
        return {"unduhan": self.links(scope), "provenans": self.prov(scope)}

    def documents(self) -> dict[str, dict]:
        docs = {addresses.api_index(): self.index()}
        for region in self.ds.regions.values():
            docs[addresses.api_region(region.id)] = self.region(region)
            for agency in region.agencies.values():
                docs[addresses.api_agency(region.id, agency.id)] = self.agency(region, agency)
                for unit_id in agency.units:
                    docs[addresses.api_unit(region.id, agency.id, unit_id)] = self.unit(region, agency, unit_id)
                for pos in agency.positions.values():
                    docs[addresses.api_position(region.id, agency.id, pos.id)] = self.position(region, agency, pos)
                    for e in self.entries.get(f"{agency.key}/{pos.id}", []):
                        docs[addresses.api_report(region.id, agency.id, pos.id, e.res.tahun, e.res.triwulan)] = self.report(e)
        return docs

    def index(self) -> dict:
        situs = self.ds.situs
        regions = list(self.ds.regions.values())
        agencies = [(r, a) for r in regions for a in r.agencies.values()]
        return {
            **_head("index", addresses.api_index(), "api-dan-data/"),
            "judul": situs.judul,
            "deskripsi": situs.deskripsi,
            "situs": self.site_url,
            "data_per": situs.data_per.isoformat(),
            "lisensi": {"nama": situs.lisensi, "url": licence_url(situs.lisensi)},
            "commit": self.commit,
            "skema_hitung": SCHEMA_VERSION,
            "skema_dokumen": {name: addresses.api_schema(name) for name in addresses.SCHEMAS},
            "wilayah": [region_ref(r) for r in regions],
            "perangkat_daerah": [agency_ref(r, a) for r, a in agencies],
            "unit": [unit_ref(r, a, u) for r, a in agencies for u in a.units],
            "jabatan": [position_ref(r, a, p) for r, a in agencies for p in a.positions.values()],
            "periode": [
                report_ref(e) for r, a in agencies for p in a.positions.values() for e in self.entries.get(f"{a.key}/{p.id}", [])
            ],
            "dokumen_resmi": [  # the official documents, PDF and DOCX (generator/documents, issue 18)
                index_ref(r.id, a.id, p, *doc)
                for r, a in agencies
                for p in a.positions.values()
                for doc in official_documents(p, self.entries.get(f"{a.key}/{p.id}", []))
            ],
            **self._tail(("semua", None, None, None, None, None)),
        }

    def region(self, region: RegionRecord) -> dict:
        m = region.model
        ref = region_ref(region)
        return {
            **_head("wilayah", ref["url"], ref["halaman"]),
            "id": region.id,
            "nama": m.nama,
            "jenis": m.jenis,
            "kepala_daerah": None
            if m.kepala_daerah is None
            else {"jabatan": m.kepala_daerah.jabatan, "nama": m.kepala_daerah.nama},
            "perangkat_daerah": [agency_ref(region, a) for a in region.agencies.values()],
            **self._tail(("wilayah", region.id, None, None, None, None)),
        }

    def agency(self, region: RegionRecord, agency: AgencyRecord) -> dict:
        m = agency.model
        ref = agency_ref(region, agency)
        jabatan = []
        for p in agency.positions.values():
            items = self.entries.get(f"{agency.key}/{p.id}", [])
            jabatan.append({**position_ref(region, agency, p), "laporan_terakhir": report_ref(items[-1]) if items else None})
        return {
            **_head("perangkat-daerah", ref["url"], ref["halaman"]),
            "id": agency.key,
            "wilayah": region.id,
            "perangkat_daerah": agency.id,
            "nama": m.nama,
            "singkatan": m.singkatan,
            "alamat": m.alamat,
            "situs_web": m.situs_web,
            "email": m.email,
            "telepon": m.telepon,
            "dasar_hukum": m.dasar_hukum,
            "tugas": m.tugas,
            "fungsi": list(m.fungsi),
            "sumber_dokumen": [{"id": s.id, "judul": s.judul, "keterangan": s.keterangan} for s in m.sumber_dokumen],
            "unit": [unit_ref(region, agency, u) for u in agency.units],
            "jabatan": jabatan,
            **self._tail(("perangkat_daerah", region.id, agency.id, None, None, None)),
        }

    def unit(self, region: RegionRecord, agency: AgencyRecord, unit_id: str) -> dict:
        ref = unit_ref(region, agency, unit_id)
        parent = agency.unit_parent.get(unit_id)
        return {
            **_head("unit", ref["url"], ref["halaman"]),
            **{k: ref[k] for k in ("id", "wilayah", "perangkat_daerah", "unit", "nama", "jenis")},
            "induk": unit_ref(region, agency, parent) if parent else None,
            "subunit": [unit_ref(region, agency, u.id) for u in agency.units[unit_id].unit],
            "jabatan": [position_ref(region, agency, p) for p in agency.positions.values() if p.model.unit == unit_id],
            **self._tail(("unit", region.id, agency.id, unit_id, None, None)),
        }

    def position(self, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
        m = pos.model
        ref = position_ref(region, agency, pos)
        entries = self.entries.get(f"{agency.key}/{pos.id}", [])
        years = []
        for tahun in pos.years_in_order():
            y = pos.years[tahun]
            years.append(
                {
                    "tahun": tahun,  # null: the document states no year
                    "tahun_tercantum": tahun is not None,
                    "sumber_indikator": indicator_source(y),
                    "perjanjian_kinerja": [
                        {"versi": pk.versi, "tanggal": pk.tanggal.isoformat() if pk.tanggal else None, "alasan": pk.alasan}
                        for pk in y.model.perjanjian_kinerja
                    ],
                    "indikator": [definition(ind, parent) for ind, parent, _ in walk_indicators(measured_indicators(y.model))],
                    "laporan": [
                        {
                            **report_ref(e),
                            "unduhan": self.links(self.scopes[("jabatan", region.id, agency.id, pos.id, tahun, e.res.triwulan)]),
                        }
                        for e in entries
                        if e.res.tahun == tahun
                    ],
                }
            )
        atasan = agency.positions.get(m.atasan) if m.atasan else None
        h = holder(pos, self.ds.situs.data_per)
        return {
            **_head("jabatan", ref["url"], ref["halaman"]),
            **{k: ref[k] for k in ("id", "wilayah", "perangkat_daerah", "jabatan", "nama", "jenis")},
            "unit": unit_ref(region, agency, m.unit) if m.unit in agency.units else None,
            "atasan": position_ref(region, agency, atasan) if atasan else None,
            "atasan_luar": m.atasan_luar,
            "pemangku_saat_ini": h.nama if h else None,
            "pemangku": [
                {
                    "nama": p.nama,
                    "pangkat": p.pangkat,
                    "golongan": p.golongan,
                    "status": p.status,
                    "plt": p.plt,
                    "mulai": p.mulai.isoformat() if p.mulai else None,
                    "selesai": p.selesai.isoformat() if p.selesai else None,
                }
                for p in m.pemangku
            ],
            "tugas": m.tugas,
            "uraian_tugas": list(m.uraian_tugas),
            "fungsi": list(m.fungsi),
            "tahun": years,
            **self._tail(("jabatan", region.id, agency.id, pos.id, None, None)),
        }

    def report(self, e: Entry) -> dict:
        r, a, p = e.region.id, e.agency.id, e.position.id
        res = e.res
        doc = report_dict(r, a, p, res)
        return {
            **_head(
                "laporan", addresses.api_report(r, a, p, res.tahun, res.triwulan), addresses.url(addresses.position(r, a, p))
            ),
            **doc,
            "nama_wilayah": e.region.model.nama,
            "nama_perangkat_daerah": e.agency.model.nama,
            "nama_jabatan": e.position.model.jabatan,
            "sumber_indikator": indicator_source(e.year),
            "tanggal_laporan": e.laporan.tanggal.isoformat() if e.laporan.tanggal else None,
            "api_jabatan": addresses.api_position(r, a, p),
            "predikat_tercetak": printed_label_text(e.laporan.tercetak) or None,
            # Names, positions and ranks as printed; never the NIP (personal data).
            "penandatangan": [
                {
                    "peran": s.peran,
                    "keterangan": s.peran_tertulis or PERAN_LABEL[s.peran],
                    "nama": s.nama,
                    "jabatan": s.jabatan,
                    "jabatan_id": s.jabatan_id,
                    "pangkat": " / ".join(x for x in (s.pangkat, s.golongan) if x) or None,
                }
                for s in e.laporan.penandatangan
            ],
            **self._tail(("jabatan", r, a, p, res.tahun, res.triwulan)),
        }

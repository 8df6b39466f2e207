"""View models: what each page shows, selected from the dataset and the computed results.

Nothing here computes a figure: every number comes from a ReportResult (generator/compute.py).
This module only selects, orders and labels, and describes each chart so that the page
module can draw it. Text stays raw here; escaping happens in the templates.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable

from generator.compute.engine import walk_indicators
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord
from generator.check import ReportEntry as Entry
from generator.model import Indikator, Laporan, Pemangku, Penandatangan, PerjanjianKinerja
from generator.compute.policy import Policy, resolve
from generator.render import charts, formula, kebijakan
from generator.core import fmt
from generator.core import addresses

JENIS_JABATAN = {"struktural": "struktural", "fungsional": "fungsional", "pelaksana": "pelaksana"}
URUT_JENIS = {"struktural": 0, "fungsional": 1, "pelaksana": 2}
JENIS_UNIT = {"sekretariat": "Sekretariat", "subbagian": "Subbagian", "bidang": "Bidang", "seksi": "Seksi",
              "uptd": "UPTD", "kelompok_fungsional": "Kelompok jabatan fungsional", "lainnya": "Unit kerja"}
JENIS_ANGGARAN = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub kegiatan"}
VERSI_PK = {"penetapan": "Penetapan", "perubahan": "Perubahan"}
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

    @property
    def key(self) -> str:
        return f"{self.fn.__name__}{self.args!r}"

    def draw(self) -> bytes:
        return self.fn(*self.args)


@dataclass
class SiteIndex:
    dataset: Dataset
    site_policy: Policy
    entries: dict[tuple[str, str, str], list[Entry]] = field(default_factory=dict)

    @classmethod
    def build(cls, dataset: Dataset, reports) -> "SiteIndex":
        ix = cls(dataset, resolve(dataset.situs.kebijakan))
        regions = {a.key: r for r in dataset.regions.values() for a in r.agencies.values()}
        grouped: dict[tuple[str, str, str], list[Entry]] = defaultdict(list)
        for agency, position, year, lap, res in reports:
            grouped[(agency.region_id, agency.id, position.id)].append(Entry(regions[agency.key], agency, position, year, lap, res))
        for key, items in grouped.items():
            items.sort(key=lambda e: (e.res.tahun, e.res.triwulan))
        ix.entries = dict(grouped)
        return ix

    @property
    def tampilan_nip(self) -> str:
        return self.dataset.situs.tampilan_nip

    def reports_of(self, agency: AgencyRecord, position_id: str) -> list[Entry]:
        return self.entries.get((agency.region_id, agency.id, position_id), [])

    def latest(self, agency: AgencyRecord, position_id: str) -> Entry | None:
        items = self.reports_of(agency, position_id)
        return items[-1] if items else None


# --------------------------------------------------------------------------- small pieces

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
        "nama": p.nama, "pangkat": pangkat, "nip": fmt.nip(p.nip, tampilan_nip),
        "status": getattr(p, "status", None), "plt": getattr(p, "plt", False), "periode": periode,
        "jabatan": getattr(p, "jabatan", None), "nama_tertulis": list(p.nama_tertulis),
    }


def positions_in_order(agency: AgencyRecord) -> list[PositionRecord]:
    """Heads first, then the unit tree in document order, struktural before fungsional/pelaksana."""
    unit_order = {uid: i for i, uid in enumerate(agency.units)}
    return sorted(agency.positions.values(),
                  key=lambda p: (p.model.unit is not None, unit_order.get(p.model.unit or "", -1),
                                 URUT_JENIS.get(p.model.jenis, 9), p.model.atasan is not None))


def heads(agency: AgencyRecord) -> list[PositionRecord]:
    return [p for p in positions_in_order(agency) if p.model.unit is None and p.model.atasan is None]


def unit_chain(agency: AgencyRecord, unit_id: str | None) -> list[str]:
    chain: list[str] = []
    while unit_id:
        chain.insert(0, unit_id)
        unit_id = agency.unit_parent.get(unit_id)
    return chain


def unit_descendants(agency: AgencyRecord, unit_id: str) -> set[str]:
    return agency.units_under(unit_id)


def breadcrumb(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None, unit_id: str | None = None) -> list[tuple[str, str]]:
    crumbs = [("Beranda", addresses.HOME), (region.model.nama, addresses.region(region.id))]
    if agency:
        crumbs.append((agency.model.singkatan or agency.model.nama, addresses.agency(region.id, agency.id)))
        for uid in unit_chain(agency, unit_id):
            crumbs.append((agency.units[uid].nama, addresses.unit(region.id, agency.id, uid)))
    return crumbs


def summary(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
    """One line about a position: used by agency, unit, region and home tables."""
    latest = ix.latest(agency, pos.id)
    h = holder(pos, ix.dataset.situs.data_per)
    unit = agency.units.get(pos.model.unit) if pos.model.unit else None
    res = latest.res if latest else None
    return {
        "id": pos.id, "jabatan": pos.model.jabatan, "path": addresses.position(region.id, agency.id, pos.id),
        "label": position_label(pos, ix.dataset.situs.data_per),
        "pemangku": h.nama if h else None, "plt": bool(h and h.plt),
        "unit": unit.nama if unit else None,
        "unit_path": addresses.unit(region.id, agency.id, unit.id) if unit else None,
        "periode": fmt.periode(res.tahun, res.triwulan) if res else None,
        "rata_rata": res.rata_rata if res else None,
        "predikat": res.predikat.predikat if res and res.predikat else None,
        "kategori": res.predikat.kategori if res and res.predikat else None,
        "band": _band_index(res.policy, res.predikat) if res and res.predikat else None,
        "anggaran_total": res.anggaran_total if res else None,
        "efisiensi": res.efisiensi if res else None,
        "res": res,
        "ada_pk": any(y.model.perjanjian_kinerja or y.model.iki for y in pos.years.values()),
        "indikator_terakhir": _latest_definitions(pos),
        "disimpulkan": _placement_inferred(pos),
    }


def _placement_inferred(pos: PositionRecord) -> str | None:
    """What of a position's place is inferred, as a short sentence (None when the document
    states it); the basis (dasar_penyimpulan) is shown on the position page."""
    m = pos.model
    what = [w for w, flag in (("unit kerja", m.unit_disimpulkan), ("atasan", m.atasan_disimpulkan)) if flag]
    if not what:
        return None
    return f"{' dan '.join(what).capitalize()} tidak tertulis di dokumen; disimpulkan (dasarnya di halaman jabatan)"


def _latest_definitions(pos: PositionRecord) -> str | None:
    """"PK 2025" / "IKI 2023": the newest indicator document of a position without reports."""
    for tahun in sorted(pos.years, reverse=True):
        y = pos.years[tahun].model
        if y.perjanjian_kinerja:
            return f"PK {tahun}"
        if y.iki:
            return f"IKI {tahun}"
    return None


def _band_index(policy: Policy, band) -> int | None:
    try:
        return list(policy.skala_predikat).index(band)
    except ValueError:
        return None


def _band_for_name(policy: Policy, name: str | None) -> int | None:
    for i, b in enumerate(policy.skala_predikat):
        if b.predikat == name:
            return i
    return None


# --------------------------------------------------------------------------- indicator tables

def _indicator_items(indikator: list[Indikator]) -> list[dict]:
    """The PK's indicator rows in order, with kelompok separators and sasaran row spans
    (a sasaran is a merged cell in the documents: consecutive rows with the same sasaran,
    and rincian rows under their parent, share one cell)."""
    items: list[dict] = []
    kelompok = None
    for ind, parent, depth in walk_indicators(indikator):
        if depth == 0 and ind.kelompok and ind.kelompok != kelompok:
            kelompok = ind.kelompok
            items.append({"kelompok": kelompok})
        items.append({"ind": ind, "id": ind.id, "depth": depth, "induk": parent,
                      "target_tertulis": _tertulis_beda(ind), "arah": formula.arah(ind)})
    run = None
    for item in items:
        if "kelompok" in item:
            run = None
            continue
        ind: Indikator = item["ind"]
        if run is None:
            continues = False
        elif item["depth"] > 0:
            continues = True  # rincian rows share their parent's sasaran cell
        else:
            continues = ind.sasaran is not None and ind.sasaran == run["sasaran"]
        if not continues:
            run = item
            item["sasaran"] = ind.sasaran if item["depth"] == 0 else None
            item["sasaran_tertulis"] = ind.sasaran_tertulis if item["depth"] == 0 else None
            item["rowspan"] = 1
            # an inherited sasaran that cannot join the cell above (e.g. after a group row)
            item["sasaran_sama"] = item["depth"] == 0 and ind.sasaran_diwarisi
        else:
            run["rowspan"] += 1
            item["rowspan"] = 0  # cell covered by the span above
    return items


def _tertulis_beda(ind: Indikator) -> str | None:
    """The target as printed, when it differs in more than spacing from what we show."""
    if not ind.target_tertulis or ind.target is None:
        return ind.target_tertulis if ind.target is None else None
    shown = f"{fmt.angka(ind.target)}{ind.satuan or ''}"
    same = "".join(shown.split()).casefold() == "".join(ind.target_tertulis.split()).casefold()
    return None if same else ind.target_tertulis


def indicator_table(indikator: list[Indikator]) -> dict:
    """Rows and optional columns of a PK or IKI indicator table."""
    items = _indicator_items(indikator)
    inds = [i["ind"] for i in items if "ind" in i]
    for it in items:
        if "ind" in it:
            it["rumus"] = formula.view(it["ind"])
    return {
        "items": items,
        "ada_target": any(i.target is not None or i.target_tertulis for i in inds),
        "ada_formula": any(i.formula or i.penjelasan for i in inds),
        "ada_sumber": any(i.sumber_data for i in inds),
        "ada_pj": any(i.penanggung_jawab for i in inds),
    }


def pk_view(pk: PerjanjianKinerja) -> dict:
    return {"versi": VERSI_PK[pk.versi], "tanggal": fmt.tanggal(pk.tanggal), "alasan": pk.alasan,
            "judul_tertulis": pk.judul_tertulis, **indicator_table(pk.indikator)}


def iki_view(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, iki) -> dict:
    sumber = next((s for s in agency.model.sumber_dokumen if s.id == iki.sumber), None) if iki.sumber else None
    return {"judul_tertulis": iki.judul_tertulis, "nomor_keputusan": iki.nomor_keputusan, "tanggal": fmt.tanggal(iki.tanggal),
            "tempat": iki.tempat, "sumber": sumber,
            **signatures(ix, region, agency, pos, iki.penandatangan),
            "catatan_sumber": [fmt.samarkan_nip(c, ix.tampilan_nip) for c in iki.catatan_sumber],
            **indicator_table(iki.indikator)}


def signatures(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, sign) -> dict:
    def path(p: Penandatangan | None) -> str | None:
        if p is None or not p.jabatan_id or p.jabatan_id not in agency.positions or p.jabatan_id == pos.id:
            return None
        return addresses.position(region.id, agency.id, p.jabatan_id)

    return {
        "pembuat": person(sign.pembuat, ix.tampilan_nip) if sign else None,
        "pembuat_path": path(sign.pembuat) if sign else None,
        "mengetahui": person(sign.mengetahui, ix.tampilan_nip) if sign and sign.mengetahui else None,
        "mengetahui_path": path(sign.mengetahui) if sign and sign.mengetahui else None,
    }


# --------------------------------------------------------------------------- one report

def _jenis_tag(jenis: str, nama: str) -> str | None:
    """"Program" / "Kegiatan" / "Sub kegiatan", unless the name already says it."""
    label = JENIS_ANGGARAN.get(jenis, jenis)
    return None if nama.casefold().startswith(label.casefold()) else label


def _discrepancy(d) -> dict:
    def show(v):
        if isinstance(v, Decimal):
            return fmt.angka(v)
        return "–" if v is None else str(v)
    return {"label": d.label, "tercetak": show(d.tercetak), "dihitung": show(d.dihitung), "tak_terhitung": d.dihitung is None,
            "alternatif": ["; ".join(kebijakan.perubahan(alt)) for alt in d.direproduksi_oleh[:4]],
            "lebih": max(0, len(d.direproduksi_oleh) - 4)}


def _narasi(lap: Laporan) -> list[tuple[str, list[str]]]:
    n = lap.narasi
    parts = [("Keterangan", n.keterangan), ("Faktor pendukung", n.faktor_pendukung), ("Faktor penghambat", n.faktor_penghambat),
             ("Upaya", n.upaya), ("Kesimpulan", n.kesimpulan), ("Rekomendasi", n.rekomendasi)]
    return [(title, items) for title, items in parts if items]


def report_view(ix: SiteIndex, e: Entry, pk: PerjanjianKinerja | None, page: str, ringkas: bool = False) -> dict:
    """One report on the position page. ``ringkas``: an earlier quarter of a year that has a
    later report. It keeps every figure, predikat, note and signature in a compact table but
    draws no charts: the year's quarterly chart shows it, and a province's position pages stay
    small (a page with four full quarters is ~60 KB of HTML, and every byte is parsed twice by
    MkDocs and again by the search indexer)."""
    res, lap, agency, pos = e.res, e.laporan, e.agency, e.position
    rows = {r.id: r for r in res.rows}
    items = []
    for it in (_indicator_items(pk.indikator) if pk else []):
        if "kelompok" in it:
            items.append(it)
            continue
        r = rows.get(it["id"])
        if r is None:
            continue
        entry = lap.realisasi.get(r.id)
        items.append({**it, "r": r, "beda_tercetak": r.tercetak is not None and r.tercetak != r.capaian,
                      "catatan": entry.catatan if entry else None})
    has_children = {r.induk for r in res.rows if r.induk}
    disc = [_discrepancy(d) | {"angka": d.angka} for d in res.discrepancies]
    kinerja_keys = ("capaian:", "rata_rata_capaian", "narasi.rata_rata_capaian", "predikat")
    anggaran_keys = ("anggaran:", "anggaran_total", "narasi.anggaran_total")
    budget = [{"b": b, "jenis": _jenis_tag(b.jenis, b.nama), "beda_tercetak": b.tercetak is not None and b.tercetak != b.persen}
              for b in res.budget]
    sumber = next((s for s in agency.model.sumber_dokumen if s.id == lap.sumber), None) if lap.sumber else None
    periode = fmt.periode(res.tahun, res.triwulan)
    base = f"{pos.id}-{res.tahun}-tw{res.triwulan}"
    bands = list(res.policy.skala_predikat)
    thresholds = [b.di_atas for b in bands if b.di_atas is not None]
    band_names = [b.predikat for b in bands]

    chart_rows = [r for r in res.rows if not (r.id in has_children and r.status == "belum_ada")]
    chart_capaian = None
    if not ringkas and any(r.capaian is not None for r in chart_rows):
        bars = []
        for r in chart_rows:
            label = ("– " if r.kedalaman else "") + " ".join(x for x in (r.nomor, r.indikator) if x)
            note = None
            if r.status == "na":
                note = "n/a" if r.dihitung else "n/a, tidak dihitung"
            elif r.status == "target_nol":
                note = "target 0" + ("" if r.dihitung else ", tidak dihitung")
            elif r.status == "tak_terhitung":
                note = "tidak dapat dihitung"
            elif r.status == "belum_ada":
                note = "belum ada realisasi"
            bars.append(charts.Bar(label, r.capaian, _band_for_name(res.policy, r.predikat), r.predikat, note))
        # The figures of every bar are in the measurement table right above the chart.
        alt = (f"Diagram batang capaian {len(bars)} indikator {pos.model.jabatan}, {periode}, dibandingkan dengan garis 100% "
               "dan batas predikat. Capaian dan predikat setiap indikator ada di tabel pengukuran di atas.")
        chart_capaian = ChartSpec(addresses.chart(e.region.id, agency.id, f"{base}-capaian"), alt,
                                  charts.capaian_bars, (bars, "Capaian (%)", thresholds, band_names))
    chart_anggaran = None
    programs = [b for b in res.budget if b.kedalaman == 0]
    if not ringkas and programs and any(b.persen is not None for b in programs):
        data = [(" ".join(x for x in (b.nomor, b.nama) if x), b.persen) for b in programs]
        alt = (f"Diagram batang serapan anggaran per program, {pos.model.jabatan}, {periode}: "
               + "; ".join(f"{label}: {fmt.persen(v, 'belum ada realisasi')}" for label, v in data[:MAX_ALT_ITEMS])
               + ". Angka yang sama ada di tabel anggaran.")
        chart_anggaran = ChartSpec(addresses.chart(e.region.id, agency.id, f"{base}-anggaran"), alt,
                                   charts.persen_bars, (data, "Capaian anggaran / serapan (%)"))

    efisiensi_teks = kebijakan.nilai("efisiensi", res.policy.efisiensi)
    sign = lap.penandatangan
    return {
        "anchor": f"tw{res.triwulan}-{res.tahun}", "periode": periode, "triwulan": fmt.triwulan(res.triwulan), "tahun": res.tahun,
        "tw_romawi": fmt.ROMAWI[res.triwulan],
        "judul_tertulis": lap.judul_tertulis, "tanggal": fmt.tanggal(lap.tanggal), "tempat": lap.tempat,
        "sumber": sumber, "res": res, "items": items,
        "belum_ada": all(r.status == "belum_ada" for r in res.rows),
        "jumlah_indikator": len(res.rows),
        "catatan_kinerja": [d for d in disc if d["angka"].startswith(kinerja_keys)],
        "catatan_anggaran": [d for d in disc if d["angka"].startswith(anggaran_keys)],
        "catatan_efisiensi": [d for d in disc if "efisiensi" in d["angka"]],
        "budget": budget, "efisiensi_rumus": efisiensi_teks, "efisiensi_cara": res.policy.efisiensi,
        "narasi": _narasi(lap),
        **signatures(ix, e.region, agency, pos, sign),
        "tanggal_tertulis": lap.tanggal_tertulis,
        "catatan_sumber": [fmt.samarkan_nip(c, ix.tampilan_nip) for c in lap.catatan_sumber],
        "kebijakan_khusus": kebijakan.beda(res.policy, ix.site_policy),
        "chart_capaian": chart_capaian, "chart_anggaran": chart_anggaran, "ringkas": ringkas,
    }


def quarters_view(e_list: list[Entry], pos: PositionRecord, region: RegionRecord, agency: AgencyRecord, tahun: int) -> dict | None:
    """Target vs realisasi across the year's quarters, when more than one quarter exists."""
    if len(e_list) < 2:
        return None
    order: list[str] = []
    info: dict[str, tuple[str, str | None]] = {}
    points: dict[str, dict[int, tuple]] = defaultdict(dict)
    for e in e_list:
        for r in e.res.rows:
            if r.realisasi is None and r.target is None:
                continue
            if r.id not in info:
                order.append(r.id)
                info[r.id] = (" ".join(x for x in (r.nomor, r.indikator) if x), r.satuan)
            points[r.id][e.res.triwulan] = (r.target, r.realisasi)
    series = [charts.Series(info[i][0], info[i][1], [(tw, t, v) for tw, (t, v) in sorted(points[i].items())])
              for i in order if sum(1 for t, v in points[i].values() if v is not None) >= 1 and len(points[i]) >= 2]
    if not series:
        return None
    tws = sorted({e.res.triwulan for e in e_list})
    alt = (f"Grafik target dan realisasi kumulatif per triwulan {tahun} untuk {len(series)} indikator {pos.model.jabatan}. "
           "Angka yang sama ada di tabel Data grafik di bawahnya.")
    spec = ChartSpec(addresses.chart(region.id, agency.id, f"{pos.id}-{tahun}-triwulan"), alt,
                     charts.quarter_lines, (series[:12], fmt.ROMAWI))
    table = [{"label": s.label, "satuan": s.satuan, "nilai": {tw: (t, v) for tw, t, v in s.points}} for s in series]
    return {"chart": spec, "tws": tws, "table": table, "terpotong": max(0, len(series) - 12)}


# --------------------------------------------------------------------------- pages

def position_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> dict:
    page = addresses.position(region.id, agency.id, pos.id)
    m = pos.model
    tampilan = ix.tampilan_nip
    unit = agency.units.get(m.unit) if m.unit else None
    atasan = agency.positions.get(m.atasan) if m.atasan else None
    years = []
    for tahun in sorted(pos.years, reverse=True):
        y = pos.years[tahun]
        pks = list(y.model.perjanjian_kinerja)
        active = pks[-1] if pks else None
        entries = [e for e in ix.reports_of(agency, pos.id) if e.res.tahun == tahun]
        years.append({
            "tahun": tahun,
            "pk": pk_view(active) if active else None,
            "iki": iki_view(ix, region, agency, pos, y.model.iki) if y.model.iki else None,
            "pk_lama": [pk_view(p) for p in reversed(pks[:-1])],
            "reports": [report_view(ix, e, active, page, ringkas=i > 0) for i, e in enumerate(reversed(entries))],
            "triwulan": quarters_view(entries, pos, region, agency, tahun),
            "catatan": [fmt.samarkan_nip(c, tampilan) for c in y.model.catatan],
        })
    latest = ix.latest(agency, pos.id)
    return {
        "page_path": page, "region": region, "agency": agency, "pos": m, "id": pos.id,
        "breadcrumb": breadcrumb(ix, region, agency, m.unit),
        "agency_path": addresses.agency(region.id, agency.id),
        "jenis": JENIS_JABATAN.get(m.jenis, m.jenis),
        "unit": {"nama": unit.nama, "path": addresses.unit(region.id, agency.id, unit.id)} if unit else None,
        "atasan": ({"nama": position_label(atasan, ix.dataset.situs.data_per), "path": addresses.position(region.id, agency.id, atasan.id)}
                   if atasan else None),
        "atasan_luar": m.atasan_luar,
        "pemangku": [person(p, tampilan) for p in m.pemangku],
        "holder": holder(pos, ix.dataset.situs.data_per),
        "bawahan": [summary(ix, region, agency, p) for p in positions_in_order(agency) if p.model.atasan == pos.id],
        "years": years,
        "latest": latest.res if latest else None,
        "catatan": [fmt.samarkan_nip(c, tampilan) for c in m.catatan],
        "tertulis": list(m.jabatan_tertulis),
        "label": position_label(pos, ix.dataset.situs.data_per),
    }


def _tree(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, units, by_unit) -> list[dict]:
    return [{
        "nama": u.nama, "jenis": JENIS_UNIT.get(u.jenis, u.jenis), "path": addresses.unit(region.id, agency.id, u.id),
        "positions": by_unit.get(u.id, []),
        "children": _tree(ix, region, agency, u.unit, by_unit),
    } for u in units]


def agency_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord) -> dict:
    page = addresses.agency(region.id, agency.id)
    ordered = positions_in_order(agency)
    rows = [summary(ix, region, agency, p) for p in ordered]
    by_unit: dict[str | None, list[dict]] = defaultdict(list)
    for p, row in zip(ordered, rows):
        by_unit[p.model.unit].append(row)
    head_ids = {p.id for p in heads(agency)}
    chart = None
    measured = [r for r in rows if r["rata_rata"] is not None]
    if measured:
        bands = list(ix.site_policy.skala_predikat)
        bars = [charts.Bar(r["label"], r["rata_rata"], r["band"], r["predikat"]) for r in measured]
        alt = (f"Diagram batang rata-rata capaian kinerja {len(bars)} jabatan di {agency.model.nama} pada laporan terakhir "
               "masing-masing, dibandingkan dengan garis 100%. "
               + "; ".join(f"{b.label}: {fmt.persen(b.value)} ({b.band_name})" for b in bars[:MAX_ALT_ITEMS])
               + (f"; dan {len(bars) - MAX_ALT_ITEMS} jabatan lain" if len(bars) > MAX_ALT_ITEMS else "")
               + ". Angka yang sama ada di tabel jabatan.")
        chart = ChartSpec(addresses.chart(region.id, agency.id, "capaian-jabatan"), alt, charts.capaian_bars,
                          (bars, "Rata-rata capaian kinerja (%)", [b.di_atas for b in bands if b.di_atas is not None],
                           [b.predikat for b in bands]))
    budget = [r for r in rows if r["res"] is not None and r["res"].has_budget]
    return {
        "page_path": page, "region": region, "agency": agency, "pd": agency.model,
        "breadcrumb": breadcrumb(ix, region),
        "heads": [r for r in rows if r["id"] in head_ids],
        "lepas": [r for r in by_unit.get(None, []) if r["id"] not in head_ids],
        "tree": _tree(ix, region, agency, agency.model.unit, by_unit),
        "positions": rows, "chart": chart, "budget": budget,
        "jumlah_laporan": sum(len(ix.reports_of(agency, p.id)) for p in ordered),
    }


def unit_page(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, unit_id: str) -> dict:
    u = agency.units[unit_id]
    inside = unit_descendants(agency, unit_id)
    rows = [summary(ix, region, agency, p) for p in positions_in_order(agency) if p.model.unit in inside]
    parent_id = agency.unit_parent.get(unit_id)
    return {
        "page_path": addresses.unit(region.id, agency.id, unit_id), "region": region, "agency": agency, "unit": u,
        "jenis": JENIS_UNIT.get(u.jenis, u.jenis),
        "breadcrumb": breadcrumb(ix, region, agency, parent_id),
        "induk": ({"nama": agency.units[parent_id].nama, "path": addresses.unit(region.id, agency.id, parent_id)} if parent_id else None),
        "subunit": [{"nama": c.nama, "path": addresses.unit(region.id, agency.id, c.id)} for c in u.unit],
        "positions": rows,
        "agency_path": addresses.agency(region.id, agency.id),
    }


def agency_summary(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord) -> dict:
    hs = heads(agency)
    return {
        "nama": agency.model.nama, "singkatan": agency.model.singkatan, "path": addresses.agency(region.id, agency.id),
        "jumlah_jabatan": len(agency.positions),
        "jumlah_laporan": sum(len(ix.reports_of(agency, p)) for p in agency.positions),
        "pimpinan": summary(ix, region, agency, hs[0]) if hs else None,
    }


def region_view(ix: SiteIndex, region: RegionRecord) -> dict:
    return {"region": region, "path": addresses.region(region.id), "page_path": addresses.region(region.id),
            "breadcrumb": [("Beranda", addresses.HOME)],
            "agencies": [agency_summary(ix, region, a) for a in region.agencies.values()]}


def home_page(ix: SiteIndex) -> dict:
    return {"page_path": addresses.HOME, "regions": [region_view(ix, r) for r in ix.dataset.regions.values()],
            "skala": kebijakan.skala(ix.site_policy.skala_predikat)}


def metodologi_page(ix: SiteIndex) -> dict:
    ds = ix.dataset
    overrides = []
    for region in ds.regions.values():
        if region.model.kebijakan.model_fields_set:
            overrides.append({"nama": region.model.nama, "path": addresses.region(region.id),
                              "perubahan": kebijakan.beda(ix.site_policy.apply(region.model.kebijakan), ix.site_policy)})
        for agency in region.agencies.values():
            if agency.model.kebijakan.model_fields_set:
                overrides.append({"nama": agency.model.nama, "path": addresses.agency(region.id, agency.id),
                                  "perubahan": kebijakan.beda(ix.site_policy.apply(agency.model.kebijakan), ix.site_policy)})
    reports, selisih = [], []
    for items in ix.entries.values():
        for e in items:
            path = addresses.position(e.region.id, e.agency.id, e.position.id)
            label = f"{position_label(e.position, ds.situs.data_per)}, {fmt.periode(e.res.tahun, e.res.triwulan)}"
            changes = kebijakan.beda(e.res.policy, ix.site_policy)
            if changes:
                reports.append({"nama": label, "path": path, "perubahan": changes})
            for d in e.res.discrepancies:
                selisih.append({"laporan": label, "path": path, **_discrepancy(d)})
    return {
        "page_path": addresses.METODOLOGI, "kebijakan": kebijakan.baris(ix.site_policy),
        "skala": kebijakan.skala(ix.site_policy.skala_predikat),
        "skala_bawaan": ix.site_policy.skala_predikat == resolve().skala_predikat,
        "polaritas_turun": kebijakan.nilai("polaritas_turun", ix.site_policy.polaritas_turun),
        "efisiensi": kebijakan.nilai("efisiensi", ix.site_policy.efisiensi),
        "anggaran_total": kebijakan.nilai("anggaran_total", ix.site_policy.anggaran_total),
        "data_tidak_tersedia": kebijakan.nilai("data_tidak_tersedia", ix.site_policy.data_tidak_tersedia),
        "overrides": overrides, "reports": reports, "selisih": selisih,
        "jumlah_laporan": sum(len(v) for v in ix.entries.values()),
    }

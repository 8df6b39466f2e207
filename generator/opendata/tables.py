"""Tidy tables of the computed figures: one row per report (ringkasan), per indicator per
period (indikator), per budget row per period (anggaran), and per position (jabatan).

Every value is taken from the ReportResult the pages show (or, for positions without a
report yet, from the indicator definitions); nothing is recomputed. Values stay Python
objects here (Decimal, int, str, bool, date, None); csvfile and render/workbook format them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.check import ReportEntry as Entry
from generator.compute.engine import measured_indicators, walk_indicators
from generator.compute.policy import DEFAULT, Policy, Rounding
from generator.compute.printed import printed_label_text
from generator.core import addresses
from generator.core.layout import year_folder
from generator.model import PERAN_LABEL, Indikator, Penandatangan
from generator.opendata.columns import FULL_PLACES
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord, YearRecord


@dataclass
class Definitions:
    """A position's year without any report: its indicators (PK or IKI sheet) only."""

    region: RegionRecord
    agency: AgencyRecord
    position: PositionRecord
    year: YearRecord


# --------------------------------------------------------------------------- helpers


def full(value: Decimal | None) -> Decimal | None:
    """An unrounded figure as published (6 decimals, as serialize.number does)."""
    return None if value is None else value.quantize(Decimal(1).scaleb(-FULL_PLACES))


def policy_text(name: str, value: object) -> str:
    if isinstance(value, Rounding):
        value = f"{value.cara}/{value.desimal}"
    elif value is None:
        value = "tanpa"
    elif isinstance(value, tuple):
        value = "bawaan" if value == DEFAULT.skala_predikat else "khusus"
    return f"{name}={value}"


def policies(policy: Policy, names: list[str]) -> str:
    return "; ".join(policy_text(n, getattr(policy, n)) for n in names)


def row_policies(policy: Policy, status: str, polaritas: str) -> str:
    """The policies that decided one indicator's capaian."""
    names: list[str] = []
    if status == "terukur":
        names = ["dasar_target", "pembulatan_capaian"]
        if policy.batas_capaian is not None:
            names.append("batas_capaian")
    elif status == "na":
        names = ["data_tidak_tersedia"]
    elif status == "target_nol":
        names = ["target_nol"]
    if polaritas == "turun" and status in ("terukur", "tak_terhitung"):
        names.insert(0, "polaritas_turun")
    return policies(policy, names)


REPORT_POLICIES = ["data_tidak_tersedia", "target_nol", "rata_rata_dari", "pembulatan_rata_rata", "skala_predikat"]
BUDGET_POLICIES = ["anggaran_total", "pembulatan_anggaran_total", "efisiensi", "pembulatan_efisiensi"]


def holder(position: PositionRecord, on: dt.date):
    """The holder on the as-of date, else the last one listed."""
    for p in position.model.pemangku:
        if (p.mulai is None or p.mulai <= on) and (p.selesai is None or on <= p.selesai):
            return p
    return position.model.pemangku[-1] if position.model.pemangku else None


def context(region: RegionRecord, agency: AgencyRecord, position: PositionRecord) -> dict:
    unit_id = position.model.unit
    unit = agency.units.get(unit_id) if unit_id else None
    return {
        "wilayah_id": region.id,
        "wilayah": region.model.nama,
        "perangkat_daerah_id": agency.id,
        "perangkat_daerah": agency.model.nama,
        "unit_id": unit_id,
        "unit": unit.nama if unit else None,
        "jabatan_id": position.id,
        "jabatan": position.model.jabatan,
    }


def source_title(agency: AgencyRecord, source_id: str | None) -> str | None:
    s = next((s for s in agency.model.sumber_dokumen if s.id == source_id), None) if source_id else None
    return s.judul if s else None


def _cetak(c) -> Decimal | None:
    return c.nilai if c is not None else None


def signatories_text(signers: list[Penandatangan]) -> str | None:
    """ "Mengetahui: NAMA (Jabatan); Pembuat: …" in the document's order; never a NIP."""
    parts = [f"{s.peran_tertulis or PERAN_LABEL[s.peran]}: {s.nama} ({s.jabatan})" for s in signers]
    return "; ".join(parts) or None


def _stamp(common: dict, sumber: str | None) -> dict:
    return {"sumber_dokumen": sumber, **common}


# --------------------------------------------------------------------------- rows


def ringkasan_rows(entries: list[Entry], common: dict) -> list[dict]:
    out = []
    for e in entries:
        res, pos, t = e.res, e.position, e.laporan.tercetak
        h = holder(pos, common["data_per"])
        budget_names = BUDGET_POLICIES if res.has_budget else []
        out.append(
            {
                "laporan_id": e.id,
                **context(e.region, e.agency, pos),
                "jenis_jabatan": pos.model.jenis,
                "pemangku": h.nama if h else None,
                "tahun": res.tahun,
                "triwulan": res.triwulan,
                "periode": f"{res.tahun}-TW{res.triwulan}",
                "tanggal_laporan": e.laporan.tanggal,
                "jumlah_indikator": len(res.rows),
                "jumlah_indikator_dihitung": res.jumlah_dihitung,
                "rata_rata_capaian": res.rata_rata,
                "rata_rata_capaian_tanpa_pembulatan": full(res.rata_rata_penuh),
                "predikat": res.predikat.predikat if res.predikat else None,
                "kategori": res.predikat.kategori if res.predikat else None,
                "rata_rata_capaian_tercetak": _cetak(t.rata_rata_capaian),
                "predikat_tercetak": printed_label_text(t) or None,
                "anggaran_pagu": res.anggaran_pagu,
                "anggaran_target": res.anggaran_target,
                "anggaran_realisasi": res.anggaran_realisasi,
                "capaian_anggaran": res.anggaran_total,
                "capaian_anggaran_tercetak": _cetak(t.anggaran_total),
                "efisiensi": res.efisiensi,
                "efisiensi_tercetak": _cetak(t.efisiensi),
                "jumlah_selisih_tercetak": len(res.discrepancies),
                "kebijakan": policies(res.policy, REPORT_POLICIES + budget_names),
                "penandatangan": signatories_text(e.laporan.penandatangan),
                "url_halaman": addresses.url(addresses.position(e.region.id, e.agency.id, pos.id)),
                "url_api": addresses.api_report(e.region.id, e.agency.id, pos.id, res.tahun, res.triwulan),
                **_stamp(common, source_title(e.agency, e.laporan.sumber)),
            }
        )
    return out


def _formula(ind: Indikator | None) -> dict:
    f = ind.formula if ind else None
    return {
        "formula_jenis": f.jenis if f else None,
        "formula_pembilang": f.pembilang if f else None,
        "formula_penyebut": f.penyebut if f else None,
        "formula_pengali": f.pengali if f else None,
        "formula_tertulis": f.tertulis if f else None,
        "penjelasan": ind.penjelasan if ind else None,
        "sumber_data": ind.sumber_data if ind else None,
        "penanggung_jawab": ind.penanggung_jawab if ind else None,
    }


def indicator_source(year: YearRecord) -> str:
    return "pk" if year.model.perjanjian_kinerja else "iki"


def indikator_rows(entries: list[Entry], definitions: list[Definitions], common: dict) -> list[dict]:
    out = []
    for e in entries:
        res = e.res
        models = {ind.id: ind for ind, _, _ in walk_indicators(measured_indicators(e.year.model))}
        ctx = context(e.region, e.agency, e.position)
        src = indicator_source(e.year)
        stamp = _stamp(common, source_title(e.agency, e.laporan.sumber))
        for r in res.rows:
            out.append(
                {
                    "id": f"{e.id}/{r.id}",
                    "laporan_id": e.id,
                    **ctx,
                    "tahun": res.tahun,
                    "triwulan": res.triwulan,
                    "periode": f"{res.tahun}-TW{res.triwulan}",
                    "sumber_indikator": src,
                    "indikator_id": r.id,
                    "nomor": r.nomor,
                    "kelompok": r.kelompok,
                    "induk": r.induk,
                    "sasaran": r.sasaran,
                    "indikator": r.indikator,
                    "satuan": r.satuan,
                    "polaritas": r.polaritas,
                    "target_tahunan": r.target_tahunan,
                    "target": r.target,
                    "realisasi": r.realisasi,
                    "status": r.status,
                    "alasan_tidak_tersedia": r.na_alasan,
                    "capaian": r.capaian,
                    "capaian_tanpa_pembulatan": full(r.capaian_penuh),
                    "dihitung_dalam_rata_rata": r.dihitung,
                    "predikat": r.predikat,
                    "capaian_tercetak": r.tercetak,
                    "kebijakan": row_policies(res.policy, r.status, r.polaritas),
                    "jenis_baris": r.jenis_baris,
                    "pengukuran": r.pengukuran,
                    "dasar_target": r.dasar_target,
                    "target_tertulis": r.target_teks,
                    "realisasi_tertulis": r.realisasi_teks,
                    "alasan_tidak_dihitung": None if r.dihitung else r.alasan_pengecualian,
                    **_formula(models.get(r.id)),
                    **stamp,
                }
            )
    for d in definitions:
        ctx = context(d.region, d.agency, d.position)
        iki = d.year.model.iki
        sumber = source_title(d.agency, iki.sumber) if iki and not d.year.model.perjanjian_kinerja else None
        key = f"{d.region.id}/{d.agency.id}/{d.position.id}/{year_folder(d.year.tahun)}"
        for ind, parent, _depth in walk_indicators(measured_indicators(d.year.model)):
            out.append(
                {
                    "id": f"{key}/{ind.id}",
                    "laporan_id": None,
                    **ctx,
                    "tahun": d.year.tahun,
                    "triwulan": None,
                    "periode": "tahun tidak tercantum" if d.year.tahun is None else str(d.year.tahun),
                    "sumber_indikator": indicator_source(d.year),
                    "indikator_id": ind.id,
                    "nomor": ind.nomor,
                    "kelompok": ind.kelompok,
                    "induk": parent,
                    "sasaran": ind.sasaran,
                    "indikator": ind.indikator,
                    "satuan": ind.satuan,
                    "polaritas": ind.polaritas,
                    "target_tahunan": ind.target,
                    "target": None,
                    "realisasi": None,
                    "status": "belum_ada",
                    "alasan_tidak_tersedia": None,
                    "capaian": None,
                    "capaian_tanpa_pembulatan": None,
                    "dihitung_dalam_rata_rata": False,
                    "predikat": None,
                    "capaian_tercetak": None,
                    "kebijakan": None,
                    "jenis_baris": ind.jenis_baris,
                    "pengukuran": ind.pengukuran,
                    "dasar_target": ind.dasar_target,
                    "target_tertulis": ind.target_teks,
                    "realisasi_tertulis": None,
                    "alasan_tidak_dihitung": None,
                    **_formula(ind),
                    **_stamp(common, sumber),
                }
            )
    return out


def anggaran_rows(entries: list[Entry], common: dict) -> list[dict]:
    out = []
    for e in entries:
        res = e.res
        ctx = context(e.region, e.agency, e.position)
        stamp = _stamp(common, source_title(e.agency, e.laporan.sumber))
        for b in res.budget:
            out.append(
                {
                    "id": f"{e.id}/{b.id}",
                    "laporan_id": e.id,
                    **ctx,
                    "tahun": res.tahun,
                    "triwulan": res.triwulan,
                    "periode": f"{res.tahun}-TW{res.triwulan}",
                    "pos_id": b.id,
                    "jenis": b.jenis,
                    "nomor": b.nomor,
                    "nama": b.nama,
                    "induk": b.induk,
                    "tingkat": b.kedalaman,
                    "pagu": b.pagu,
                    "target": b.target,
                    "realisasi": b.realisasi,
                    "persen": b.persen,
                    "persen_tanpa_pembulatan": full(b.persen_penuh),
                    "persen_tercetak": b.tercetak,
                    "sumber_dana": b.sumber_dana,
                    "kebijakan": policies(res.policy, ["pembulatan_anggaran"]) if b.persen is not None else None,
                    **stamp,
                }
            )
    return out


def jabatan_rows(
    positions: list[tuple[RegionRecord, AgencyRecord, PositionRecord]], reports: dict[str, int], data_per: dt.date
) -> list[dict]:
    out = []
    for region, agency, pos in positions:
        ctx = context(region, agency, pos)
        h = holder(pos, data_per)
        out.append(
            {
                **{k: v for k, v in ctx.items() if k not in ("unit_id", "unit")},
                "jenis_jabatan": pos.model.jenis,
                "unit_id": ctx["unit_id"],
                "unit": ctx["unit"],
                "atasan_id": pos.model.atasan,
                "atasan_luar": pos.model.atasan_luar,
                "pemangku": h.nama if h else None,
                "plt": bool(h and h.plt),
                "jumlah_laporan": reports.get(f"{region.id}/{agency.id}/{pos.id}", 0),
                "url_halaman": addresses.url(addresses.position(region.id, agency.id, pos.id)),
                "url_api": addresses.api_position(region.id, agency.id, pos.id),
            }
        )
    return out

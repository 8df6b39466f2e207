"""The stable JSON shape of computed figures (`kinerja compute --json`).

This shape becomes the open-data API: field names are part of the contract
(``SCHEMA_VERSION``); add fields, never rename or remove them. Numbers are plain JSON
decimals (101.72), Rupiah are integers, not-available values are null with a reason.
"""

from __future__ import annotations

import json
from dataclasses import fields
from decimal import Decimal
from typing import Any

from generator.compute.engine import ReportResult
from generator.compute.policy import Band, Policy, Rounding

SCHEMA_VERSION = "kinerja-compute/1"


def number(value: Decimal | None, places: int | None = None) -> int | float | None:
    if value is None:
        return None
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    if value == value.to_integral_value():
        return int(value)
    return float(value)  # float(str) of a short decimal prints back identically


def policy_dict(policy: Policy) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(policy):
        v = getattr(policy, f.name)
        if isinstance(v, Rounding):
            v = {"cara": v.cara, "desimal": v.desimal}
        elif isinstance(v, tuple) and v and isinstance(v[0], Band):
            v = [{"di_atas": number(b.di_atas), "predikat": b.predikat, "kategori": b.kategori} for b in v]
        elif isinstance(v, Decimal):
            v = number(v)
        out[f.name] = v
    return out


def report_id(region: str, agency: str, position: str, tahun: int, triwulan: int) -> str:
    return f"{region}/{agency}/{position}/{tahun}-tw{triwulan}"


def report_dict(region: str, agency: str, position: str, res: ReportResult) -> dict[str, Any]:
    return {
        "id": report_id(region, agency, position, res.tahun, res.triwulan),
        "wilayah": region,
        "perangkat_daerah": agency,
        "jabatan": position,
        "tahun": res.tahun,
        "triwulan": res.triwulan,
        "periode": f"{res.tahun}-TW{res.triwulan}",
        "kebijakan": policy_dict(res.policy),
        "indikator": [
            {
                "id": r.id,
                "nomor": r.nomor,
                "kelompok": r.kelompok,
                "induk": r.induk,
                "sasaran": r.sasaran,
                "indikator": r.indikator,
                "satuan": r.satuan,
                "polaritas": r.polaritas,
                "target_tahunan": number(r.target_tahunan),
                "target": number(r.target),
                "realisasi": number(r.realisasi),
                "status": r.status,
                "alasan_tidak_tersedia": r.na_alasan,
                "capaian": number(r.capaian),
                "capaian_tanpa_pembulatan": number(r.capaian_penuh, 6),
                "dihitung_dalam_rata_rata": r.dihitung,
                "predikat": r.predikat,
                "capaian_tercetak": number(r.tercetak),
            }
            for r in res.rows
        ],
        "capaian": {
            "rata_rata": number(res.rata_rata),
            "rata_rata_tanpa_pembulatan": number(res.rata_rata_penuh, 6),
            "jumlah_indikator_dihitung": res.jumlah_dihitung,
            "predikat": res.predikat.predikat if res.predikat else None,
            "kategori": res.predikat.kategori if res.predikat else None,
        },
        "anggaran": None
        if not res.budget
        else {
            "pos": [
                {
                    "id": b.id,
                    "jenis": b.jenis,
                    "nomor": b.nomor,
                    "nama": b.nama,
                    "induk": b.induk,
                    "pagu": number(b.pagu),
                    "target": number(b.target),
                    "realisasi": number(b.realisasi),
                    "persen": number(b.persen),
                    "persen_tanpa_pembulatan": number(b.persen_penuh, 6),
                    "persen_tercetak": number(b.tercetak),
                }
                for b in res.budget
            ],
            "pagu": number(res.anggaran_pagu),
            "target": number(res.anggaran_target),
            "realisasi": number(res.anggaran_realisasi),
            "persen": number(res.anggaran_total),
        },
        "efisiensi": number(res.efisiensi),
        "selisih_tercetak": [
            {
                "angka": d.angka,
                "keterangan": d.label,
                "tercetak": number(d.tercetak) if isinstance(d.tercetak, Decimal) else d.tercetak,
                "dihitung": number(d.dihitung) if isinstance(d.dihitung, Decimal) else d.dihitung,
                "direproduksi_oleh": d.direproduksi_oleh,
            }
            for d in res.discrepancies
        ],
    }


def dumps(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)

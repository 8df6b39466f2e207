"""The stable JSON shape of computed figures (`kinerja compute --json`).

This shape becomes the open-data API: field names are part of the contract
(``SCHEMA_VERSION``); add fields, never rename or remove them. Numbers are plain JSON
decimals (101.72), Rupiah are integers, not-available values are null with a reason.

Numbers are exact: ``number`` keeps a non-integer as its Decimal and ``dumps`` writes the
Decimal's own digits as a JSON number literal (JSON numbers have no precision limit), so
no figure ever goes through a binary float (10/3 is never written 3.3333333333333335).
They stay JSON numbers rather than strings so that the API's JSON Schemas ("number") and
every reader that does arithmetic on them keep working; a reader that needs every digit
parses them as decimals (Python: ``json.loads(text, parse_float=Decimal)``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

from generator.compute.engine import ReportResult
from generator.compute.policy import Band, Policy, Rounding

SCHEMA_VERSION = "kinerja-compute/1"


def decimal_text(value: Decimal) -> str:
    """The exact digits of a finite Decimal, as the JSON and the CSVs write it: no exponent,
    no trailing zeros after the point, never rounded (101.720000 → 101.72, 1E+3 → 1000)."""
    if not value.is_finite():
        raise ValueError(f"not a finite number: {value}")
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def plain_text(value: object) -> str:
    """A value as the CSV downloads write it: empty for none, true/false, a Decimal's exact
    digits (``decimal_text``), ISO dates, anything else as ``str``. Text is not made safe
    for spreadsheets here: that is core/csvcell.safe_text's job, for text cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def number(value: Decimal | None, places: int | None = None) -> int | Decimal | None:
    """A figure for the JSON: an int when whole, else the Decimal itself (``dumps`` writes
    its exact digits); ``places``: quantized to that many decimals first."""
    if value is None:
        return None
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    if value == value.to_integral_value():
        return int(value)
    return value


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
                "jenis_baris": r.jenis_baris,
                "pengukuran": r.pengukuran,
                "dasar_target": r.dasar_target,
                "target_tertulis": r.target_teks,
                "realisasi_tertulis": r.realisasi_teks,
                "alasan_tidak_dihitung": None if r.dihitung else r.alasan_pengecualian,
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
                    "sumber_dana": b.sumber_dana,
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
    """JSON text exactly as ``json.dumps(document, ensure_ascii=False, indent=2)`` writes it,
    except that a Decimal is written as its exact digits (``decimal_text``), a JSON number.
    A float is refused: it could only be written with the digits of a binary float."""
    out: list[str] = []
    _write(document, out, "\n")
    return "".join(out)


def _write(value: object, out: list[str], newline: str) -> None:
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True or value is False:
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal):
        out.append(decimal_text(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner, sep = newline + "  ", "{"
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be text, not {type(key).__name__}: {key!r}")
            out.append(sep + inner + encode_basestring(key) + ": ")
            _write(item, out, inner)
            sep = ","
        out.append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner, sep = newline + "  ", "["
        for item in value:
            out.append(sep + inner)
            _write(item, out, inner)
            sep = ","
        out.append(newline + "]")
    else:  # float included: exact figures are Decimals
        raise TypeError(f"not written to JSON: {type(value).__name__} {value!r}")

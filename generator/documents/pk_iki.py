"""The content of a Perjanjian Kinerja (PK) and of an Indikator Kinerja Individu (IKI) sheet
of one position and year, from the checked data (plain data; the templates lay it out)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator.compute.engine import active_pk, walk_budget, walk_indicators
from generator.core import fmt
from generator.documents import common
from generator.model import Indikator
from generator.render import formula
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord, YearRecord


def pk_rows(items: list[Indikator]) -> list[dict[str, Any]]:
    """Tabel 2.1 / the PK table: "Tujuan :" and "Sasaran :" section rows where the data
    groups the indicators, then No / sasaran (once for the rows sharing it) / indicator /
    target as printed."""
    rows: list[dict[str, Any]] = []
    kelompok, sasaran = None, None
    for ind, _parent, depth in walk_indicators(items):
        if ind.kelompok and ind.kelompok != kelompok and depth == 0:
            rows.append({"kelompok": f"{ind.kelompok} :"})
            sasaran = None
        kelompok = ind.kelompok or kelompok
        shown = ind.sasaran if ind.sasaran and ind.sasaran != sasaran and not ind.sasaran_diwarisi else ""
        sasaran = ind.sasaran or sasaran
        target = ind.target_teks or common.with_unit(ind.target, ind.satuan)
        rows.append({"no": ind.nomor or "", "sasaran": shown, "indikator": ind.indikator, "kedalaman": depth, "target": target})
    return rows


def _second_party(region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, year: YearRecord, on, tampilan: str):
    """Pihak Kedua: the holder of the superior position; for a head of agency, the regional
    head (wilayah.yml) or whoever signed "Mengetahui" on the year's reports."""
    sup = common.superior(agency, pos)
    if sup is not None:
        return common.holder_person(sup, on, tampilan)
    for lap in year.model.laporan:
        for s in lap.penandatangan:
            if s.peran in ("mengetahui", "atasan_langsung", "pihak_kedua"):
                return {**common.signatory(s, tampilan), "kepala": ""}
    head = region.model.kepala_daerah
    if head is not None:
        return {"kepala": "", "jabatan": head.jabatan.upper(), "nama": head.nama or "", "pangkat": None, "nip": None}
    if pos.model.atasan_luar:
        return {"kepala": "", "jabatan": pos.model.atasan_luar.upper(), "nama": "", "pangkat": None, "nip": None}
    return None


def pk_content(
    region: RegionRecord,
    agency: AgencyRecord,
    pos: PositionRecord,
    year: YearRecord,
    tampilan: str,
    commit: str | None,
    on: dt.date,
) -> dict[str, Any]:
    """The Perjanjian Kinerja in force for the year (penetapan, or its last perubahan)."""
    pk = active_pk(year.model)
    assert pk is not None, "pk_content needs a year with a Perjanjian Kinerja"
    ident = common.identity(region, agency, pos)
    tahun = "" if year.tahun is None else str(year.tahun)
    perubahan = pk.versi == "perubahan"
    title = f"PERJANJIAN KINERJA{' PERUBAHAN' if perubahan else ''}" + (f" TAHUN {tahun}" if tahun else "")
    first = common.holder_person(pos, pk.tanggal or on, tampilan)
    second = _second_party(region, agency, pos, year, pk.tanggal or on, tampilan)
    programmes = [
        {"no": b.nomor or "", "nama": b.nama, "kedalaman": depth, "pagu": fmt.rupiah(b.pagu)}
        for b, _parent, depth in walk_budget(year.model.anggaran)
        if b.jenis == "program"
    ]
    total = sum((b.pagu for b in year.model.anggaran if b.jenis == "program"), start=Decimal(0))
    tempat = next((lap.tempat for lap in year.model.laporan if lap.tempat), None) or common.place(region)
    content = {
        "jenis": "pk",
        "meta": common.properties(
            f"Perjanjian Kinerja{' Perubahan' if perubahan else ''} {ident['jabatan_lengkap']} {tahun}".strip(),
            agency,
            pk.tanggal,
            commit,
            "pk",
        ),
        "judul": title,
        **ident,
        "tahun": tahun,
        "versi": pk.versi,
        "versi_label": "Perubahan" if perubahan else "Penetapan",
        "alasan": pk.alasan,
        "tanggal": fmt.tanggal(pk.tanggal) if pk.tanggal else "",
        "tempat_tanggal": f"{tempat}, {fmt.tanggal(pk.tanggal)}" if pk.tanggal else f"{tempat}, ............ {tahun}",
        "pihak_pertama": first,
        "pihak_kedua": second,
        "rows": pk_rows(pk.indikator),
        "program": programmes,
        "jumlah_pagu": fmt.rupiah(total) if programmes else None,
        "penandatangan": [
            {**(second or {}), "kepala": "PIHAK KEDUA,"} if second else None,
            {**(first or {}), "kepala": "PIHAK PERTAMA,"} if first else None,
        ],
    }
    content["penandatangan"] = [s for s in content["penandatangan"] if s]
    return common.mask_all(content, tampilan)


def _formula(ind: Indikator) -> dict[str, Any] | None:
    v = formula.view(ind)
    if v is None:
        return None
    return {
        "pecahan": bool(v.get("pecahan")),
        "pembilang": v.get("pembilang") or "",
        "penyebut": v.get("penyebut") or "",
        "pengali": v.get("pengali") or "",
        "teks": v.get("teks") or "",
        "baca": v.get("baca") or "",
        "penjelasan": v.get("penjelasan") or "",
    }


def iki_rows(items: list[Indikator]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    count, sasaran = 0, None
    for ind, _parent, depth in walk_indicators(items):
        new = bool(ind.sasaran) and not ind.sasaran_diwarisi and ind.sasaran != sasaran and depth == 0
        if new:
            count += 1
        sasaran = ind.sasaran or sasaran
        rows.append(
            {
                "no": ind.nomor or (f"{count}." if new else ""),
                "sasaran": ind.sasaran if new else "",
                "indikator": ind.indikator,
                "kedalaman": depth,
                "formula": _formula(ind),
                "sumber_data": ind.sumber_data or "",
                "penanggung_jawab": ind.penanggung_jawab or "",
            }
        )
    return rows


def iki_content(
    region: RegionRecord,
    agency: AgencyRecord,
    pos: PositionRecord,
    year: YearRecord,
    tampilan: str,
    commit: str | None,
    on: dt.date,
) -> dict[str, Any]:
    iki = year.model.iki
    assert iki is not None, "iki_content needs a year with an IKI sheet"
    ident = common.identity(region, agency, pos)
    tahun = "" if year.tahun is None else str(year.tahun)
    rows = iki_rows(iki.indikator)
    content = {
        "jenis": "iki",
        "meta": common.properties(
            f"Indikator Kinerja Individu {ident['jabatan_lengkap']} {tahun}".strip(), agency, iki.tanggal, commit, "iki"
        ),
        "judul": "INDIKATOR KINERJA INDIVIDU",
        **ident,
        "tahun": tahun,
        "nomor_keputusan": iki.nomor_keputusan,
        "tanggal": fmt.tanggal(iki.tanggal) if iki.tanggal else "",
        "tempat_tanggal": f"{iki.tempat or common.place(region)}, {fmt.tanggal(iki.tanggal)}" if iki.tanggal else "",
        "tugas": pos.model.tugas,
        "uraian_tugas": list(pos.model.uraian_tugas),
        "fungsi": list(pos.model.fungsi),
        "rows": rows,
        "penanggung_jawab": any(r["penanggung_jawab"] for r in rows),
        "penandatangan": [common.signatory(s, tampilan) for s in iki.penandatangan],
    }
    return common.mask_all(content, tampilan)

"""The content of a Laporan Kinerja (LKj) of one position and period, from the checked data
and the engine's figures: the same numbers as the position page, in Indonesian format.

Where the agency printed a figure that differs from the computed one, the document shows
the computed figure and a footnote states the printed one (``catatan`` of the cell).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.compute.engine import ReportResult, RowResult, active_pk
from generator.compute.policy import Band, Policy
from generator.core import fmt
from generator.documents import common
from generator.documents.pk_iki import pk_rows
from generator.model import Laporan, pembuat
from generator.render.siteindex import holder, positions_in_order
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord, YearRecord

EFISIENSI_RUMUS = {
    "rasio": "Efisiensi = ((capaian kinerja ÷ capaian anggaran) − 1) × 100",
    "selisih": "Efisiensi = capaian kinerja − capaian anggaran",
    "sisa_anggaran": "Efisiensi = 100 − capaian anggaran",
}


def _band_label(band: Band | None) -> str:
    if band is None:
        return "–"
    return f"{band.predikat} / {band.kategori}" if band.kategori else band.predikat


def scale(policy: Policy) -> list[dict[str, str]]:
    """Tabel 2.2: the ordinal scale of the policy, highest band first."""
    bands = list(policy.skala_predikat)
    out = []
    for i, band in enumerate(bands):
        upper = bands[i - 1].di_atas if i > 0 else None
        if band.di_atas is None:
            rentang = f"0 s.d. {fmt.angka(upper)}" if upper is not None else "semua nilai"
        elif upper is None:
            rentang = f"di atas {fmt.angka(band.di_atas)}"
        else:
            rentang = f"di atas {fmt.angka(band.di_atas)} s.d. {fmt.angka(upper)}"
        out.append({"rentang": rentang, "label": _band_label(band)})
    return out


def _target(r: RowResult) -> str:
    if r.target is None and r.status == "na":
        return "n/a"
    if r.target is None and r.target_teks:
        return r.target_teks
    return common.angka(r.target)


def _realisasi(r: RowResult) -> str:
    if r.realisasi is None and r.status == "na":
        return "n/a"
    if r.realisasi_teks:
        return r.realisasi_teks
    return common.angka(r.realisasi)


def _row_notes(r: RowResult, printed: dict[str, Any]) -> list[str]:
    notes = []
    d = printed.get(f"capaian:{r.id}")
    if d is not None and d.dihitung is not None and not isinstance(d.tercetak, str):
        notes.append(common.printed_note(d.tercetak, d.dihitung) or "")
    if r.status == "na" and r.dihitung and r.capaian is not None:
        notes.append(f"Data belum tersedia (n/a); menurut kebijakan perhitungan diberi capaian {fmt.angka(r.capaian)}.")
    elif r.alasan_pengecualian and r.jenis_baris == "indikator":
        notes.append(f"Tidak dihitung dalam rata-rata karena {r.alasan_pengecualian}.")
    return [n for n in notes if n]


def measurement(res: ReportResult) -> list[dict[str, Any]]:
    """Tabel 2.3 rows: section rows ("Tujuan :") and indicator rows, the sasaran printed
    once for the rows that share it."""
    printed = {d.angka: d for d in res.discrepancies}
    rows: list[dict[str, Any]] = []
    kelompok, sasaran = None, None
    for r in res.rows:
        if r.kelompok and r.kelompok != kelompok and r.kedalaman == 0:
            rows.append({"kelompok": f"{r.kelompok} :"})
            sasaran = None
        kelompok = r.kelompok or kelompok
        shown = r.sasaran if r.sasaran and r.sasaran != sasaran else ""
        sasaran = r.sasaran or sasaran
        rows.append(
            {
                "no": r.nomor or "",
                "sasaran": shown,
                "indikator": r.indikator,
                "kedalaman": r.kedalaman,
                "target_tahunan": common.with_unit(r.target_tahunan, r.satuan, r.target_teks or "–"),
                "target": _target(r),
                "realisasi": _realisasi(r),
                "capaian": common.angka(r.capaian),
                "predikat": r.predikat or "",
                "catatan": _row_notes(r, printed),
            }
        )
    return rows


def budget(res: ReportResult) -> dict[str, Any] | None:
    """Tabel 2.4 (programmes, activities, sub-activities) with its total and efficiency."""
    if not res.has_budget:
        return None
    printed = {d.angka: d for d in res.discrepancies}
    rows = []
    for b in res.budget:
        d = printed.get(f"anggaran:{b.id}")
        note = common.printed_note(d.tercetak, d.dihitung, "%") if d and not isinstance(d.tercetak, str) else None  # type: ignore[arg-type]
        rows.append(
            {
                "no": b.nomor or "",
                "nama": b.nama,
                "kedalaman": b.kedalaman,
                "pagu": fmt.rupiah(b.pagu),
                "target": fmt.rupiah(b.target),
                "realisasi": fmt.rupiah(b.realisasi),
                "persen": fmt.persen(b.persen),
                "catatan": [note] if note else [],
            }
        )

    def total_note(key: str, value) -> list[str]:
        d = printed.get(key)
        if d is None or isinstance(d.tercetak, str):
            return []
        note = common.printed_note(d.tercetak, value, "%")
        return [note] if note else []

    return {
        "rows": rows,
        "jumlah": {
            "pagu": fmt.rupiah(res.anggaran_pagu),
            "target": fmt.rupiah(res.anggaran_target),
            "realisasi": fmt.rupiah(res.anggaran_realisasi),
            "persen": fmt.persen(res.anggaran_total),
        },
        "total": fmt.persen(res.anggaran_total),
        "total_catatan": total_note("anggaran_total", res.anggaran_total),
        "efisiensi": fmt.persen(res.efisiensi),
        "efisiensi_catatan": total_note("efisiensi", res.efisiensi),
    }


def structure(agency: AgencyRecord, pos: PositionRecord, on: dt.date) -> dict[str, Any]:
    """Gambar 1.1: the position, its superior and its direct subordinates."""

    def box(p: PositionRecord) -> dict[str, str]:
        h = holder(p, on)
        return {"jabatan": p.model.jabatan, "nama": h.nama if h else ""}

    sup = common.superior(agency, pos)
    atasan = box(sup) if sup else ({"jabatan": pos.model.atasan_luar, "nama": ""} if pos.model.atasan_luar else None)
    return {
        "atasan": atasan,
        "jabatan": box(pos),
        "bawahan": [box(p) for p in positions_in_order(agency) if p.model.atasan == pos.id],
    }


def signatories(lap: Laporan, pos: PositionRecord, on: dt.date, tampilan: str) -> list[dict[str, Any]]:
    if lap.penandatangan:
        return [common.signatory(s, tampilan) for s in lap.penandatangan]
    person = common.holder_person(pos, on, tampilan)
    return [person] if person else []


def lkj_content(
    region: RegionRecord,
    agency: AgencyRecord,
    pos: PositionRecord,
    year: YearRecord,
    lap: Laporan,
    res: ReportResult,
    tampilan: str,
    commit: str | None,
    on: dt.date,
) -> dict[str, Any]:
    """Everything a Laporan Kinerja shows, as plain data for the template and the DOCX."""
    ident = common.identity(region, agency, pos)
    romawi = fmt.ROMAWI[res.triwulan]
    periode = f"Triwulan {romawi} Tahun {res.tahun}"
    title = f"LAPORAN KINERJA TRIWULAN {romawi} TAHUN {res.tahun}"
    pk = active_pk(year.model)
    jabatan = pos.model.jabatan
    printed = {d.angka: d for d in res.discrepancies}
    avg_notes = []
    d = printed.get("rata_rata_capaian")
    if d is not None and not isinstance(d.tercetak, str):
        avg_notes.append(common.printed_note(d.tercetak, res.rata_rata, "%"))
    d = printed.get("predikat")
    if d is not None:
        avg_notes.append(
            f"Dokumen asli mencetak predikat “{d.tercetak}”; predikat di sini mengikuti rata-rata yang dihitung ulang."
        )
    maker = pembuat(lap.penandatangan)
    pengantar = common.signatory(maker, tampilan) if maker else common.holder_person(pos, on, tampilan)
    n = lap.narasi
    rata = fmt.persen(res.rata_rata)
    predikat = _band_label(res.predikat)
    ang = budget(res)
    kesimpulan = list(n.kesimpulan)
    if not kesimpulan:
        kesimpulan = [f"Rata-rata capaian kinerja {jabatan} {periode} adalah sebesar {rata} dengan kategori “{predikat}”."]
        if ang:
            kesimpulan.append(
                f"Realisasi anggaran sebesar {ang['total']}, sehingga efisiensi penggunaan sumber daya sebesar {ang['efisiensi']}."
            )
    content = {
        "jenis": "lkj",
        "meta": common.properties(f"Laporan Kinerja {ident['jabatan_lengkap']} {periode}", agency, lap.tanggal, commit, "lkj"),
        "judul": title,
        **ident,
        "tahun": str(res.tahun),
        "periode": periode,
        "romawi": romawi,
        "tempat_tanggal": f"{lap.tempat or common.place(region)}, {fmt.tanggal(lap.tanggal)}" if lap.tanggal else "",
        "pengantar": pengantar,
        "dasar_hukum": pos.model.dasar_hukum,
        "tugas": pos.model.tugas,
        "uraian_tugas": list(pos.model.uraian_tugas),
        "fungsi": list(pos.model.fungsi),
        "struktur": structure(agency, pos, on),
        "pk": {
            "judul": f"Perjanjian Kinerja{' Perubahan' if pk and pk.versi == 'perubahan' else ''} {jabatan} Tahun {res.tahun}",
            "rows": pk_rows(pk.indikator) if pk else [],
        },
        "polaritas_turun": res.policy.polaritas_turun,
        "efisiensi_rumus": EFISIENSI_RUMUS.get(res.policy.efisiensi, ""),
        "efisiensi_jenis": res.policy.efisiensi,
        "skala": scale(res.policy),
        "pengukuran": {
            "judul": f"Pengukuran Kinerja {jabatan} {periode}",
            "sd": f"s/d Triwulan {romawi}",
            "rows": measurement(res),
            "rata_rata": rata,
            "predikat": predikat,
            "catatan": [x for x in avg_notes if x],
            "jumlah_dihitung": res.jumlah_dihitung,
        },
        "kalimat_rata_rata": [
            f"Dari tabel di atas dapat dilihat bahwa rata-rata capaian kinerja {jabatan} adalah sebesar ",
            rata,
            " dengan kategori ",
            f"“{predikat}”",
            ".",
        ],
        "narasi": list(n.keterangan) + list(n.faktor_pendukung) + list(n.faktor_penghambat) + list(n.upaya),
        "anggaran": ang,
        "kalimat_efisiensi": (
            [
                "Berdasarkan hasil pengukuran capaian kinerja dan capaian anggaran di atas dapat disimpulkan bahwa realisasi capaian kinerja sebesar ",
                rata,
                ", sedangkan realisasi anggaran sebesar ",
                ang["total"],
                ", maka efisiensi penggunaan sumber daya sebesar ",
                ang["efisiensi"],
                ".",
            ]
            if ang
            else None
        ),
        "kesimpulan": kesimpulan,
        "rekomendasi": list(n.rekomendasi),
        "penandatangan": signatories(lap, pos, on, tampilan),
        "tabel": {"pk": "2.1", "skala": "2.2", "pengukuran": "2.3", "anggaran": "2.4"},
    }
    return common.mask_all(content, tampilan)

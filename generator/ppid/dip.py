"""Daftar Informasi Publik generated from the data (Perki KIP 1/2021, seven fields).

Every document the site publishes is an entry: the Perjanjian Kinerja of each position
and year, the Laporan Kinerja of each position and period, each IKI sheet, and the budget
realisation of each position and period; extra entries come from ppid/dip.yml. Numbers
are built from ids, so they stay stable as long as the data's ids do.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.core import addresses
from generator.core.layout import UNDATED_DIR
from generator.validate.dataset import AgencyRecord, Dataset

KELAS = {
    "berkala": "Berkala",
    "serta_merta": "Serta merta",
    "setiap_saat": "Tersedia setiap saat",
    "dikecualikan": "Dikecualikan",
}
RETENSI = "Sesuai Jadwal Retensi Arsip perangkat daerah; versi daring disimpan selama situs beroperasi"
BENTUK = "Softcopy: halaman web, CSV, XLSX, JSON"
# PK, IKI and LKj are also published as the official document (generator/documents): PDF, and DOCX to edit.
BENTUK_DOKUMEN = "PDF (dokumen resmi) dan DOCX; softcopy: halaman web, CSV, XLSX, JSON"


@dataclass(frozen=True)
class EntriDIP:
    nomor: str
    jenis: str  # pk | lkj | iki | anggaran | lain
    ringkasan_isi: str
    pejabat_unit: str
    penanggung_jawab: str
    waktu_tempat: str
    bentuk_informasi: str
    jangka_waktu_penyimpanan: str
    klasifikasi: str
    tautan: str | None  # docs-relative page path (.md) or an external link


def _unit_name(agency: AgencyRecord, unit_id: str | None) -> str:
    if unit_id and unit_id in agency.units:
        return f"{agency.units[unit_id].nama}, {agency.model.nama}"
    return agency.model.nama


def _date(d) -> str:
    from generator.core.fmt import tanggal  # Indonesian date formatting lives at the edge

    return tanggal(d) if d else "tanggal tidak tercantum"


def agency_entries(dataset: Dataset, agency: AgencyRecord) -> list[EntriDIP]:
    region = dataset.regions[agency.region_id]
    out: list[EntriDIP] = []
    code = (agency.model.singkatan or agency.id).upper()
    for pid, position in agency.positions.items():
        jab = position.model
        page = addresses.position(agency.region_id, agency.id, pid)
        holder = jab.jabatan
        unit = _unit_name(agency, jab.unit)
        for tahun in position.years_in_order():
            t = position.years[tahun].model
            # A document without a year is numbered and described without inventing one.
            nomor_tahun = UNDATED_DIR.upper() if tahun is None else str(tahun)
            tahun_teks = "tahun tidak tercantum" if tahun is None else f"tahun {tahun}"
            where = f"{region.model.nama}, {tahun_teks}"
            if t.perjanjian_kinerja:
                pk = t.perjanjian_kinerja[-1]
                n = sum(1 for _ in _walk(pk.indikator))
                out.append(
                    EntriDIP(
                        f"{code}/PK/{nomor_tahun}/{pid}",
                        "pk",
                        f"Perjanjian Kinerja {jab.jabatan} {tahun_teks} ({pk.versi}): {n} indikator dan targetnya",
                        unit,
                        holder,
                        f"{region.model.nama}, {_date(pk.tanggal)}" if pk.tanggal else where,
                        BENTUK_DOKUMEN,
                        RETENSI,
                        "berkala",
                        page,
                    )
                )
            if t.iki is not None:
                n = sum(1 for _ in _walk(t.iki.indikator))
                out.append(
                    EntriDIP(
                        f"{code}/IKI/{nomor_tahun}/{pid}",
                        "iki",
                        f"Indikator Kinerja Individu {jab.jabatan} {tahun_teks}: {n} indikator beserta formula dan sumber datanya",
                        unit,
                        holder,
                        f"{t.iki.tempat or region.model.nama}, {_date(t.iki.tanggal)}" if t.iki.tanggal else where,
                        BENTUK_DOKUMEN,
                        RETENSI,
                        "setiap_saat",
                        page,
                    )
                )
            for lap in sorted(t.laporan, key=lambda x: x.triwulan):
                made = f"{lap.tempat or region.model.nama}, {_date(lap.tanggal)}"
                maker = holder  # the position's own title, not the signature block's capitals
                tw = _triwulan(lap.triwulan)
                out.append(
                    EntriDIP(
                        f"{code}/LKJ/{tahun}/TW{lap.triwulan}/{pid}",
                        "lkj",
                        f"Laporan Kinerja {jab.jabatan} {tw} tahun {tahun}: realisasi, capaian dan predikat per indikator",
                        unit,
                        maker,
                        made,
                        BENTUK_DOKUMEN,
                        RETENSI,
                        "berkala",
                        page,
                    )
                )
                if t.anggaran and lap.anggaran:
                    out.append(
                        EntriDIP(
                            f"{code}/ANGGARAN/{tahun}/TW{lap.triwulan}/{pid}",
                            "anggaran",
                            f"Realisasi anggaran {jab.jabatan} s.d. {tw} tahun {tahun}: pagu, target dan realisasi per program, kegiatan dan sub kegiatan",
                            unit,
                            maker,
                            made,
                            BENTUK,
                            RETENSI,
                            "berkala",
                            page,
                        )
                    )
    if agency.dip_tambahan:
        for e in agency.dip_tambahan[0].entri:
            out.append(
                EntriDIP(
                    f"{code}/LAIN/{e.id}",
                    "lain",
                    e.ringkasan_isi,
                    e.pejabat_unit,
                    e.penanggung_jawab,
                    e.waktu_tempat,
                    e.bentuk_informasi,
                    e.jangka_waktu_penyimpanan,
                    e.klasifikasi,
                    e.tautan,
                )
            )
    return out


def _triwulan(tw: int) -> str:
    from generator.core.fmt import triwulan

    return triwulan(tw)


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.rincian)

"""The columns of the open-data tables: machine name, spreadsheet header, type and the
description published in the Data Package (datapackage.json) and on the API page."""

from __future__ import annotations

from generator.render.workbook import Column

FULL_PLACES = 6  # the unrounded figures, as in `kinerja compute --json`

# Left out of workbooks: values the same in every row (on the notes sheet instead) and
# machine keys (in the CSV and JSON); names stay, jabatan_id tells apart positions of the
# same title, laporan_id links the sheets.
NOT_IN_WORKBOOKS = {"data_per", "lisensi", "commit", "id", "wilayah_id", "perangkat_daerah_id", "unit_id"}


def _c(name: str, title: str, type_: str, description: str) -> Column:
    return Column(name, title, type_, description)


CONTEXT = [
    _c("wilayah_id", "ID wilayah", "string", "Id pemerintah daerah (nama folder di data/)"),
    _c("wilayah", "Wilayah", "string", "Nama pemerintah daerah"),
    _c("perangkat_daerah_id", "ID perangkat daerah", "string", "Id perangkat daerah dalam wilayahnya"),
    _c("perangkat_daerah", "Perangkat daerah", "string", "Nama perangkat daerah (OPD)"),
    _c("unit_id", "ID unit", "string", "Id unit kerja jabatan; kosong bila langsung di bawah pimpinan"),
    _c("unit", "Unit kerja", "string", "Nama unit kerja"),
    _c("jabatan_id", "ID jabatan", "string", "Id jabatan dalam perangkat daerahnya"),
    _c("jabatan", "Jabatan", "string", "Nama jabatan"),
]
PERIOD = [
    _c("tahun", "Tahun", "integer", "Tahun perjanjian kinerja; kosong bila dokumen tidak mencantumkan tahun"),
    _c("triwulan", "Triwulan", "integer", "Triwulan laporan (1-4); kosong untuk definisi indikator tanpa laporan"),
    _c(
        "periode",
        "Periode",
        "string",
        "Periode, mis. 2025-TW4; hanya tahun untuk definisi indikator tanpa laporan; "
        "'tahun tidak tercantum' bila dokumen tidak mencantumkan tahun",
    ),
]
PROVENANCE = [
    _c("sumber_dokumen", "Dokumen sumber", "string", "Judul dokumen sumber angka (sumber_dokumen perangkat daerah)"),
    _c("data_per", "Data per", "date", "Tanggal data situs (data_per)"),
    _c("lisensi", "Lisensi", "string", "Lisensi data"),
    _c("commit", "Versi data (commit)", "string", "Commit git terakhir yang mengubah data perangkat daerah baris ini"),
]

RINGKASAN = [
    _c("laporan_id", "ID laporan", "string", "Id laporan: wilayah/perangkat-daerah/jabatan/tahun-twN"),
    *CONTEXT,
    _c("jenis_jabatan", "Jenis jabatan", "string", "struktural, fungsional, atau pelaksana"),
    _c("pemangku", "Pemangku", "string", "Nama pemangku jabatan pada tanggal data"),
    *PERIOD,
    _c("tanggal_laporan", "Tanggal laporan", "date", "Tanggal laporan ditandatangani"),
    _c("jumlah_indikator", "Jumlah indikator", "integer", "Jumlah baris indikator (termasuk rincian)"),
    _c("jumlah_indikator_dihitung", "Indikator dihitung", "integer", "Jumlah indikator yang masuk rata-rata"),
    _c("rata_rata_capaian", "Rata-rata capaian (%)", "persen", "Rata-rata capaian kinerja hasil hitung ulang"),
    _c(
        "rata_rata_capaian_tanpa_pembulatan",
        "Rata-rata tanpa pembulatan (%)",
        "number",
        "Rata-rata capaian sebelum dibulatkan (6 desimal)",
    ),
    _c("predikat", "Predikat", "string", "Predikat rata-rata capaian pada skala ordinal"),
    _c("kategori", "Kategori", "string", "Label kedua predikat, mis. Sangat Berhasil"),
    _c("rata_rata_capaian_tercetak", "Rata-rata tercetak (%)", "persen", "Rata-rata capaian seperti tercetak di dokumen sumber"),
    _c("predikat_tercetak", "Predikat tercetak", "string", "Predikat seperti tercetak di dokumen sumber (kedua bagiannya)"),
    _c("anggaran_pagu", "Pagu (Rp)", "rupiah", "Jumlah pagu pos anggaran teratas"),
    _c("anggaran_target", "Target anggaran (Rp)", "rupiah", "Jumlah target anggaran s.d. triwulan"),
    _c("anggaran_realisasi", "Realisasi anggaran (Rp)", "rupiah", "Jumlah realisasi anggaran s.d. triwulan"),
    _c("capaian_anggaran", "Capaian anggaran (%)", "persen", "Capaian (serapan) anggaran total hasil hitung ulang"),
    _c("capaian_anggaran_tercetak", "Capaian anggaran tercetak (%)", "persen", "Capaian anggaran total seperti tercetak"),
    _c("efisiensi", "Efisiensi (%)", "persen", "Efisiensi penggunaan sumber daya hasil hitung ulang"),
    _c("efisiensi_tercetak", "Efisiensi tercetak (%)", "persen", "Efisiensi seperti tercetak"),
    _c(
        "jumlah_selisih_tercetak",
        "Selisih dengan angka tercetak",
        "integer",
        "Jumlah angka tercetak yang berbeda dari hasil hitung ulang",
    ),
    _c(
        "kebijakan",
        "Kebijakan perhitungan",
        "string",
        "Kebijakan yang dipakai untuk rata-rata, anggaran total, dan efisiensi (nama=nilai; lihat halaman Metodologi)",
    ),
    _c(
        "penandatangan",
        "Penandatangan",
        "string",
        "Penanda tangan laporan sesuai urutan di dokumen: peran: nama (jabatan); tanpa NIP",
    ),
    _c("url_halaman", "Halaman", "string", "Alamat halaman jabatan, relatif terhadap akar situs"),
    _c("url_api", "API", "string", "Alamat dokumen API laporan ini, relatif terhadap akar situs"),
    *PROVENANCE,
]

INDIKATOR = [
    _c(
        "id",
        "ID baris",
        "string",
        "Id baris: laporan_id/indikator_id, atau wilayah/perangkat-daerah/jabatan/tahun/indikator_id untuk definisi",
    ),
    _c("laporan_id", "ID laporan", "string", "Id laporan (kosong untuk definisi indikator tanpa laporan)"),
    *CONTEXT,
    *PERIOD,
    _c("sumber_indikator", "Sumber indikator", "string", "pk (Perjanjian Kinerja) atau iki (Indikator Kinerja Individu)"),
    _c("indikator_id", "ID indikator", "string", "Id indikator dalam tahun jabatan"),
    _c("nomor", "No.", "string", "Nomor seperti tercetak"),
    _c("kelompok", "Kelompok", "string", "Baris kelompok tabel, mis. Tujuan atau Sasaran"),
    _c("induk", "Induk", "string", "Id indikator induk untuk baris rincian"),
    _c("sasaran", "Sasaran", "string", "Sasaran kinerja"),
    _c("indikator", "Indikator", "string", "Indikator kinerja"),
    _c("satuan", "Satuan", "string", "Satuan target dan realisasi"),
    _c("polaritas", "Polaritas", "string", "naik (makin tinggi makin baik) atau turun"),
    _c("target_tahunan", "Target tahunan", "number", "Target tahunan dalam Perjanjian Kinerja"),
    _c("target", "Target", "number", "Target pembanding realisasi (s.d. triwulan atau tahunan, menurut kebijakan)"),
    _c("realisasi", "Realisasi", "number", "Realisasi kumulatif s.d. triwulan"),
    _c(
        "status",
        "Status",
        "string",
        "terukur, na (data belum tersedia), target_nol, tak_terhitung, belum_ada, teks (nilai tercetak sebagai kata), "
        "tidak_diisi (tercetak “-”), atau bukan_indikator (baris NIHIL, kosong, atau komponen)",
    ),
    _c("alasan_tidak_tersedia", "Alasan n/a", "string", "Alasan data belum tersedia"),
    _c("capaian", "Capaian (%)", "persen", "Capaian indikator hasil hitung ulang"),
    _c("capaian_tanpa_pembulatan", "Capaian tanpa pembulatan (%)", "number", "Capaian sebelum dibulatkan (6 desimal)"),
    _c("dihitung_dalam_rata_rata", "Dihitung dalam rata-rata", "boolean", "true bila capaian masuk rata-rata"),
    _c("predikat", "Predikat", "string", "Predikat capaian indikator"),
    _c("capaian_tercetak", "Capaian tercetak (%)", "persen", "Capaian seperti tercetak di dokumen sumber"),
    _c("kebijakan", "Kebijakan perhitungan", "string", "Kebijakan yang menentukan capaian baris ini (nama=nilai)"),
    _c("jenis_baris", "Jenis baris", "string", "indikator, nihil (NIHIL), kosong (baris kosong), atau komponen"),
    _c(
        "pengukuran",
        "Dasar pengukuran",
        "string",
        "kumulatif (target dan realisasi s.d. triwulan) atau per_triwulan (triwulan itu saja)",
    ),
    _c("dasar_target", "Dasar target", "string", "target_sd_triwulan atau target_tahunan: target pembanding baris ini"),
    _c("target_tertulis", "Target tertulis", "string", "Target seperti tercetak bila berupa kata atau “-”"),
    _c("realisasi_tertulis", "Realisasi tertulis", "string", "Realisasi seperti tercetak bila berupa kata atau “-”"),
    _c("alasan_tidak_dihitung", "Alasan tidak dihitung", "string", "Mengapa baris ini tidak ikut dihitung dalam rata-rata"),
    _c("formula_jenis", "Jenis rumus", "string", "rasio_x100, rasio, selisih_tahunan, jumlah, uraian, atau alokasi_target"),
    _c("formula_pembilang", "Pembilang", "string", "Pembilang rumus"),
    _c("formula_penyebut", "Penyebut", "string", "Penyebut rumus"),
    _c("formula_pengali", "Pengali", "number", "Pengali rumus, mis. 100"),
    _c("formula_tertulis", "Rumus tertulis", "string", "Rumus seperti tertulis di dokumen"),
    _c("penjelasan", "Penjelasan", "string", "Penjelasan atau formulasi indikator"),
    _c("sumber_data", "Sumber data", "string", "Sumber data indikator"),
    _c("penanggung_jawab", "Penanggung jawab", "string", "Penanggung jawab indikator"),
    *PROVENANCE,
]

ANGGARAN = [
    _c("id", "ID baris", "string", "Id baris: laporan_id/pos_id"),
    _c("laporan_id", "ID laporan", "string", "Id laporan"),
    *CONTEXT,
    *PERIOD,
    _c("pos_id", "ID pos", "string", "Id pos anggaran"),
    _c("jenis", "Jenis", "string", "program, kegiatan, atau sub_kegiatan"),
    _c("nomor", "No.", "string", "Nomor seperti tercetak"),
    _c("nama", "Nama", "string", "Nama program, kegiatan, atau sub kegiatan"),
    _c("induk", "Induk", "string", "Id pos induk"),
    _c("tingkat", "Tingkat", "integer", "0 = pos teratas (masuk total), 1 = rinciannya, dst."),
    _c("pagu", "Pagu (Rp)", "rupiah", "Pagu anggaran"),
    _c("target", "Target (Rp)", "rupiah", "Target anggaran s.d. triwulan"),
    _c("realisasi", "Realisasi (Rp)", "rupiah", "Realisasi anggaran s.d. triwulan"),
    _c("persen", "Capaian (%)", "persen", "Realisasi ÷ target × 100, hasil hitung ulang"),
    _c("persen_tanpa_pembulatan", "Capaian tanpa pembulatan (%)", "number", "Persentase sebelum dibulatkan (6 desimal)"),
    _c("persen_tercetak", "Capaian tercetak (%)", "persen", "Persentase seperti tercetak"),
    _c("sumber_dana", "Sumber dana", "string", "Sumber dana seperti tercetak, mis. APBD, DAK, BLUD"),
    _c("kebijakan", "Kebijakan perhitungan", "string", "Kebijakan yang menentukan persentase baris ini"),
    *PROVENANCE,
]

JABATAN = [
    *[c for c in CONTEXT if c.name not in ("unit_id", "unit")],
    _c("jenis_jabatan", "Jenis jabatan", "string", "struktural, fungsional, atau pelaksana"),
    _c("unit_id", "ID unit", "string", "Id unit kerja; kosong bila langsung di bawah pimpinan"),
    _c("unit", "Unit kerja", "string", "Nama unit kerja"),
    _c("atasan_id", "ID atasan", "string", "Id jabatan atasan dalam perangkat daerah"),
    _c("atasan_luar", "Atasan di luar perangkat daerah", "string", "Atasan di luar perangkat daerah, mis. Walikota"),
    _c("pemangku", "Pemangku", "string", "Nama pemangku pada tanggal data"),
    _c("plt", "Plt.", "boolean", "true bila pemangku pelaksana tugas"),
    _c("jumlah_laporan", "Jumlah laporan", "integer", "Jumlah laporan triwulan yang dihitung"),
    _c("url_halaman", "Halaman", "string", "Alamat halaman jabatan, relatif terhadap akar situs"),
    _c("url_api", "API", "string", "Alamat dokumen API jabatan, relatif terhadap akar situs"),
]

TABLES = {"ringkasan": RINGKASAN, "indikator": INDIKATOR, "anggaran": ANGGARAN, "jabatan": JABATAN}

TITLES = {
    "ringkasan": "Ringkasan laporan",
    "indikator": "Capaian indikator",
    "anggaran": "Realisasi anggaran",
    "jabatan": "Daftar jabatan",
}


def in_workbook(columns: list[Column]) -> list[Column]:
    """A table's columns as its workbook sheet shows them (without NOT_IN_WORKBOOKS)."""
    return [c for c in columns if c.name not in NOT_IN_WORKBOOKS]

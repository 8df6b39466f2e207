"""The Indonesian help texts editors show on hover: descriptions of each model and
field (replacing the English docstrings), and of each calculation policy."""

from __future__ import annotations

from pydantic import BaseModel

from generator.compute.policy import DESCRIPTIONS as POLICY_DESCRIPTIONS

# Model descriptions replace the English docstrings (editors show them on hover).
MODEL_DESCRIPTIONS: dict[str, str] = {
    "Situs": "Pengaturan seluruh situs.",
    "Wilayah": "Pemerintah daerah: kota, kabupaten atau provinsi.",
    "PerangkatDaerah": "Perangkat daerah (dinas, badan, kantor): identitas, tugas, fungsi dan susunan unit kerja.",
    "Jabatan": "Satu jabatan di perangkat daerah. Tugas dan fungsi ditulis sekali di sini, bukan di setiap laporan.",
    "Tahunan": "Satu jabatan dalam satu tahun: perjanjian kinerja, pohon anggaran dan laporan per triwulan.",
    "Kebijakan": "Kebijakan perhitungan yang berbeda dari bawaan. Tulis hanya yang diubah, dengan komentar alasannya.",
    "AturanPembulatan": "Aturan pembulatan: `cara` (setengah_ke_atas | potong) dan jumlah `desimal`.",
    "Predikat": "Satu pita skala predikat: berlaku untuk capaian di atas `di_atas`.",
    "Pejabat": "Pejabat, mis. kepala daerah.",
    "Unit": "Unit kerja: sekretariat, subbagian, bidang, seksi, UPTD …",
    "SumberDokumen": "Dokumen sumber yang dirujuk laporan (`sumber`).",
    "Pemangku": "Pemangku jabatan untuk suatu masa (mulai/selesai boleh kosong).",
    "Formula": "Cara menghitung indikator.",
    "Indikator": "Satu indikator kinerja: sasaran, nama indikator, target dan satuannya.",
    "PerjanjianKinerja": "Satu versi perjanjian kinerja. Versi terakhir dalam daftar adalah yang berlaku.",
    "DokumenIKI": "Lembar Indikator Kinerja Individu: definisi indikator, biasanya tanpa target.",
    "PosAnggaran": "Pos anggaran: program → kegiatan → sub kegiatan (bertingkat lewat `rincian`).",
    "Realisasi": "Realisasi kumulatif s.d. triwulan: angkanya saja, atau bentuk panjang dengan `nilai`/`na`.",
    "RealisasiAnggaran": "Realisasi anggaran kumulatif s.d. triwulan.",
    "Cetak": "Angka sebagaimana tercetak di laporan: angkanya saja, atau `nilai` dan `tertulis`.",
    "CetakNarasi": "Angka yang sama sebagaimana tertulis di narasi (kesimpulan).",
    "JumlahAnggaran": "Baris jumlah tabel anggaran sebagaimana tercetak.",
    "Tercetak": "Angka sebagaimana dicetak di laporan (bukti). Jangan dikoreksi: mesin menghitung ulang dan menampilkan selisihnya.",
    "Penandatangan": "Penandatangan laporan.",
    "PenandatanganLaporan": "Pembuat laporan dan atasan yang mengetahui.",
    "Narasi": "Uraian laporan; setiap bagian berupa daftar (baris berawalan '- ').",
    "Laporan": "Laporan satu triwulan. Angka ditulis kumulatif s.d. triwulan tersebut.",
}

# Field descriptions: "Model.field" first, then "field".
FIELD_DESCRIPTIONS: dict[str, str] = {
    "judul": "Judul.",
    "Situs.judul": "Judul situs.",
    "Situs.data_per": "Tanggal data (TTTT-BB-HH). Tidak boleh ada laporan untuk periode sesudah tanggal ini.",
    "Situs.tampilan_nip": "Tampilan NIP di situs: samar (bawaan), lengkap atau sembunyi.",
    "lisensi": "Lisensi data, mis. CC BY 4.0.",
    "kebijakan": "Kebijakan perhitungan yang berbeda dari bawaan (lihat halaman Metodologi).",
    "nama": "Nama.",
    "nama_tertulis": "Ejaan lain sebagaimana tercetak di dokumen.",
    "Wilayah.jenis": "kota, kabupaten atau provinsi.",
    "kepala_daerah": "Wali kota, bupati atau gubernur.",
    "singkatan": "Singkatan, mis. Dinperinaker.",
    "dasar_hukum": "Dasar hukum, mis. Peraturan Wali Kota tentang kedudukan, susunan organisasi, tugas dan fungsi.",
    "tugas": "Tugas (satu paragraf).",
    "fungsi": "Fungsi: daftar, satu butir per baris berawalan '- '.",
    "unit": "Unit kerja.",
    "Jabatan.unit": "Id unit kerja jabatan ini (dari perangkat-daerah.yml). Kosong: langsung di bawah kepala perangkat daerah.",
    "Unit.jenis": "sekretariat, subbagian, bidang, seksi, uptd, kelompok_fungsional atau lainnya.",
    "sumber_dokumen": "Dokumen sumber; laporan merujuknya lewat `sumber`.",
    "id": "Id: huruf kecil, angka dan tanda hubung, mis. indeks-kepuasan-masyarakat. Jangan diubah setelah terbit (menjadi alamat halaman).",
    "jabatan": "Nama jabatan.",
    "Tahunan.jabatan": "Id jabatan = nama berkas tanpa .yml (mis. kepala-dinas).",
    "Tahunan.tahun": "Tahun, sama dengan nama foldernya.",
    "Jabatan.jenis": "struktural, fungsional atau pelaksana.",
    "kelompok_pembanding": "Jabatan sejenis lintas perangkat daerah, wilayah dan tahun (untuk halaman perbandingan).",
    "atasan": "Id berkas jabatan atasan langsung di perangkat daerah ini.",
    "atasan_luar": "Atasan di luar perangkat daerah, mis. Walikota Pekalongan.",
    "pemangku": "Pemangku jabatan (bisa lebih dari satu, masing-masing dengan masa jabatannya).",
    "status": "PNS atau PPPK.",
    "plt": "true bila pelaksana tugas (Plt.).",
    "mulai": "Tanggal mulai (TTTT-BB-HH).",
    "selesai": "Tanggal selesai (TTTT-BB-HH).",
    "nomor": 'Nomor sebagaimana tercetak, dalam tanda kutip, mis. "1" atau "a".',
    "kelompok": "Baris judul bagian tabel, mis. Tujuan atau Sasaran.",
    "sasaran": "Sasaran.",
    "indikator": "Nama indikator.",
    "Indikator.target": "Target tahunan.",
    "satuan": "Satuan target, mis. %, indeks, orang, dokumen, laporan, bulan.",
    "target_tertulis": 'Target sebagaimana tercetak bila berbeda bentuk, mis. "87,62 indeks".',
    "target_triwulan": "Target kumulatif s.d. triwulan, mis. {2: 300, 4: 700}.",
    "polaritas": "naik: makin tinggi makin baik (bawaan); turun: makin rendah makin baik.",
    "rincian": "Sub-baris (a, b, c …) dengan bentuk yang sama.",
    "tertulis": "Isi sel sebagaimana tercetak, bila dikoreksi.",
    "catatan": "Catatan.",
    "perjanjian_kinerja": "Versi perjanjian kinerja berurutan (penetapan, lalu perubahan). Yang terakhir berlaku.",
    "versi": "penetapan (awal) atau perubahan (revisi, dengan tanggal dan alasan).",
    "alasan": "Alasan perubahan.",
    "anggaran": "Anggaran.",
    "Tahunan.anggaran": "Pohon anggaran: program → kegiatan → sub kegiatan.",
    "Laporan.anggaran": "Realisasi anggaran per pos (id dari `anggaran` tahunan): {target: …, realisasi: …}.",
    "pagu": "Pagu (alokasi) dalam Rupiah.",
    "laporan": "Laporan per triwulan.",
    "triwulan": "Triwulan: 1, 2, 3 atau 4.",
    "tanggal": "Tanggal (TTTT-BB-HH).",
    "tempat": "Tempat penandatanganan.",
    "sumber": "Id dokumen sumber dari sumber_dokumen perangkat daerah.",
    "realisasi": "Realisasi.",
    "Laporan.realisasi": "Realisasi kumulatif s.d. triwulan per indikator: `id-indikator: angka`, atau `na: alasan` bila data belum tersedia.",
    "RealisasiAnggaran.realisasi": "Realisasi anggaran kumulatif s.d. triwulan (Rupiah).",
    "RealisasiAnggaran.target": "Target anggaran kumulatif s.d. triwulan (Rupiah); kosong berarti sama dengan pagu.",
    "Realisasi.nilai": "Realisasi kumulatif s.d. triwulan.",
    "Realisasi.na": "Alasan data belum tersedia (n/a), mis. dirilis BPS tahun berikutnya.",
    "Realisasi.target": "Target kumulatif s.d. triwulan ini, bila berbeda dari perjanjian kinerja.",
    "Realisasi.target_na": "Alasan target s.d. triwulan ini tercetak n/a.",
    "narasi": "Uraian laporan.",
    "penandatangan": "Penandatangan.",
    "tercetak": "Angka sebagaimana tercetak (bukti); mesin menghitung ulang dan menampilkan selisihnya.",
    "catatan_sumber": "Catatan tentang cacat dokumen sumber (salah ketik, angka salah cetak), dengan nomor baris.",
    "faktor_pendukung": "Faktor pendukung.",
    "faktor_penghambat": "Faktor penghambat.",
    "upaya": "Upaya yang dilakukan.",
    "kesimpulan": "Kesimpulan.",
    "rekomendasi": "Rekomendasi.",
    "keterangan": "Keterangan hasil.",
    "jabatan_id": "Id jabatan di perangkat daerah ini, bila penandatangan adalah salah satunya.",
    "nip_tertulis": "NIP sebagaimana tercetak, bila salah cetak.",
    "Cetak.nilai": "Angka tercetak.",
    "Cetak.tertulis": 'Teks persis seperti tercetak, mis. "118%".',
    "cara": "setengah_ke_atas (dibulatkan) atau potong (dipotong).",
    "desimal": "Jumlah angka di belakang koma (0–6).",
    "di_atas": "Batas bawah (eksklusif) pita ini; kosong untuk pita terendah.",
    "predikat": "Predikat.",
}


def describe(cls: type[BaseModel], schema: dict) -> None:
    """Put the Indonesian descriptions into a model's generated schema."""
    name = cls.__name__
    if name in MODEL_DESCRIPTIONS:
        schema["description"] = MODEL_DESCRIPTIONS[name]
    else:
        schema.pop("description", None)  # never show an English docstring to staff
    for field, prop in schema.get("properties", {}).items():
        text = FIELD_DESCRIPTIONS.get(f"{name}.{field}") or FIELD_DESCRIPTIONS.get(field)
        if name == "Kebijakan" and field in POLICY_DESCRIPTIONS:
            options = [f"{k}: {v}" for k, v in POLICY_DESCRIPTIONS[field].items() if k != "_"]
            text = POLICY_DESCRIPTIONS[field]["_"] + (" — " + "; ".join(options) if options else "") + "."
        if text:
            prop["description"] = text

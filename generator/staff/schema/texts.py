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
    "PenurunanKumulatif": (
        "Pengecualian: realisasi kumulatif boleh lebih kecil dari triwulan sebelumnya (mis. angka triwulan lalu "
        "dikoreksi turun). Wajib dengan `alasan`; tanpa kebijakan ini penurunan adalah galat."
    ),
    "Pejabat": "Pejabat, mis. kepala daerah.",
    "TenggatPelaporan": (
        "Tenggat pelaporan wilayah untuk halaman Status pelaporan. Tulis hanya yang berbeda dari bawaan: PK 1 bulan "
        "sesudah DPA disahkan, laporan triwulan 15 hari sesudah triwulan berakhir, LKj tahunan 3 bulan sesudah tahun "
        "berakhir, informasi berkala PPID paling sedikit setiap 6 bulan."
    ),
    "Unit": "Unit kerja: sekretariat, subbagian, bidang, seksi, UPTD …",
    "SumberDokumen": "Dokumen sumber yang dirujuk laporan (`sumber`).",
    "Pemangku": "Pemangku jabatan untuk suatu masa (mulai/selesai boleh kosong).",
    "Formula": "Cara menghitung indikator.",
    "Indikator": "Satu indikator kinerja: sasaran, nama indikator, target dan satuannya.",
    "PerjanjianKinerja": "Satu versi perjanjian kinerja. Versi terakhir dalam daftar adalah yang berlaku.",
    "DokumenIKI": "Lembar Indikator Kinerja Individu: definisi indikator, biasanya tanpa target.",
    "PosAnggaran": "Pos anggaran: program → kegiatan → sub kegiatan (bertingkat lewat `rincian`).",
    "Realisasi": "Realisasi kumulatif s.d. triwulan: angkanya saja, kata atau tanda - seperti tercetak, atau bentuk panjang dengan `nilai`/`na`/`teks`.",
    "RealisasiAnggaran": "Realisasi anggaran kumulatif s.d. triwulan.",
    "Cetak": "Angka sebagaimana tercetak di laporan: angkanya saja, atau `nilai` dan `tertulis`.",
    "CetakNarasi": "Angka yang sama sebagaimana tertulis di narasi (kesimpulan).",
    "JumlahAnggaran": "Baris jumlah tabel anggaran sebagaimana tercetak.",
    "Tercetak": "Angka sebagaimana dicetak di laporan (bukti). Jangan dikoreksi: mesin menghitung ulang dan menampilkan selisihnya.",
    "Penandatangan": "Satu penanda tangan dokumen: peran, nama, jabatan, pangkat dan NIP seperti tercetak.",
    "Narasi": "Uraian laporan; setiap bagian berupa daftar (baris berawalan '- ').",
    "Laporan": "Laporan satu triwulan. Angka ditulis kumulatif s.d. triwulan tersebut.",
    # PPID
    "KontakPPID": "Kontak layanan PPID perangkat daerah: ke mana permohonan dan keberatan diajukan. Tampil di halaman PPID.",
    "HariLibur": (
        "Hari libur nasional dan cuti bersama satu tahun, disalin dari SKB 3 Menteri (Menteri Agama, Menteri "
        "Ketenagakerjaan, Menteri PANRB) beserta perubahannya. Dipakai untuk menghitung batas waktu layanan PPID "
        "dalam hari kerja. Sabtu dan Minggu tidak perlu ditulis."
    ),
    "Libur": "Satu hari libur: tanggal, nama, dan jenisnya (libur nasional atau cuti bersama).",
    "RegisterPermohonan": (
        "Register permohonan informasi publik satu tahun. Register ini terbit apa adanya: catat kategori pemohon, "
        "jangan pernah nama, NIK, alamat, telepon atau email pemohon."
    ),
    "Permohonan": "Satu permohonan informasi: kapan diterima, lewat apa, informasi apa yang diminta, dan keputusannya.",
    "Perpanjangan": "Perpanjangan waktu jawaban (paling lama 7 hari kerja), diberitahukan kepada pemohon dalam 10 hari kerja.",
    "Keberatan": "Keberatan pemohon kepada atasan PPID; dijawab paling lama 30 hari kerja.",
    "Sengketa": "Sengketa informasi yang diajukan ke Komisi Informasi.",
    "DaftarTambahan": "Entri Daftar Informasi Publik untuk dokumen yang tidak dibuat situs ini (Renstra, SOP, …).",
    "EntriDIP": "Satu entri Daftar Informasi Publik dengan tujuh unsurnya.",
}

# Field descriptions: "Model.field" first, then "field".
FIELD_DESCRIPTIONS: dict[str, str] = {
    "judul": "Judul.",
    "Situs.judul": "Judul situs.",
    "Situs.data_per": "Tanggal data (TTTT-BB-HH). Tidak boleh ada laporan untuk periode sesudah tanggal ini.",
    "Situs.tampilan_nip": "Tampilan NIP di situs: samar (bawaan), lengkap atau sembunyi.",
    "Situs.site_url": "Alamat publik situs, mis. https://kinerja.pekalongankota.go.id/ (untuk sitemap.xml, tautan kanonik, robots.txt, pratinjau tautan, dan halaman 404 bila situs dipasang di subfolder).",
    "Situs.logo": "Berkas logo wilayah langsung di folder data/ (bukan di subfolder), mis. logo-kota.png atau logo.svg; tampil di kepala halaman.",
    "Situs.favicon": "Berkas ikon tab peramban langsung di folder data/ (png, svg atau ico). Kosong: memakai logo.",
    "lisensi": "Lisensi data, mis. CC BY 4.0.",
    "kebijakan": "Kebijakan perhitungan yang berbeda dari bawaan (lihat halaman Metodologi).",
    "nama": "Nama.",
    "nama_tertulis": "Ejaan lain sebagaimana tercetak di dokumen.",
    "Wilayah.jenis": "kota, kabupaten atau provinsi.",
    "Wilayah.tenggat": "Tenggat pelaporan (halaman Status pelaporan); kosong berarti memakai bawaan.",
    "TenggatPelaporan.pk_bulan_setelah_dpa": "Batas Perjanjian Kinerja: sekian bulan sesudah DPA disahkan (bawaan 1).",
    "TenggatPelaporan.tanggal_dpa": "Tanggal pengesahan DPA per tahun anggaran, mis. `2025: 2025-01-02`. Tahun yang tidak ditulis: dianggap 1 Januari.",
    "TenggatPelaporan.triwulan_hari": "Batas laporan triwulan: sekian hari sesudah triwulan berakhir (bawaan 15).",
    "TenggatPelaporan.lkj_bulan": "Batas LKj tahunan (laporan TW IV): sekian bulan sesudah tahun berakhir (bawaan 3, yaitu 31 Maret).",
    "TenggatPelaporan.ppid_berkala_bulan": "Informasi berkala PPID (PK dan laporan kinerja) paling sedikit sekali setiap sekian bulan (bawaan 6).",
    "kepala_daerah": "Wali kota, bupati atau gubernur.",
    "singkatan": "Singkatan, mis. Dinperinaker.",
    "dasar_hukum": "Dasar hukum, mis. Peraturan Wali Kota tentang kedudukan, susunan organisasi, tugas dan fungsi.",
    "tugas": "Tugas (satu paragraf).",
    "fungsi": "Fungsi: daftar, satu butir per baris berawalan '- '.",
    "unit": "Unit kerja.",
    "Jabatan.unit": "Id unit kerja jabatan ini (dari perangkat-daerah.yml). Kosong: langsung di bawah kepala perangkat daerah. tidak_tercantum: dokumen tidak menyebut unitnya.",
    "Jabatan.pemangku": "Pemangku jabatan (bisa lebih dari satu, masing-masing dengan masa jabatannya); tidak_tercantum bila dokumen tidak mencetak nama pemangku.",
    "Wilayah.nama": "Nama pemerintah daerah, mis. Kota Pekalongan; tidak_tercantum bila dokumen tidak menyebutnya.",
    "Unit.jenis": "sekretariat, subbagian, bidang, seksi, uptd, kelompok_fungsional atau lainnya.",
    "sumber_dokumen": "Dokumen sumber; laporan merujuknya lewat `sumber`.",
    "id": "Id: huruf kecil, angka dan tanda hubung, mis. indeks-kepuasan-masyarakat. Jangan diubah setelah terbit (menjadi alamat halaman).",
    "jabatan": "Nama jabatan.",
    "Tahunan.jabatan": "Id jabatan = nama berkas tanpa .yml (mis. kepala-dinas).",
    "Tahunan.tahun": "Tahun, sama dengan nama foldernya; tidak_tercantum (di folder tanpa-tahun/) bila dokumen tidak mencantumkan tahun. Berkas tanpa tahun tidak memuat laporan triwulan.",
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
    "Indikator.target": "Target tahunan; kata atau tanda - seperti tercetak (mis. Laporan) bila bukan angka.",
    "Indikator.target_teks": "Target seperti tercetak bila berupa kata atau tanda - (mis. Laporan); tidak dihitung.",
    "jenis_baris": "indikator (bawaan), nihil (baris NIHIL), kosong (baris kosong) atau komponen (bagian indikator di atasnya). Hanya indikator yang diukur dan punya arah.",
    "pengukuran": "kumulatif (bawaan: target dan realisasi s.d. triwulan) atau per_triwulan (target dan realisasi triwulan itu saja).",
    "Indikator.dasar_target": "Target pembanding realisasi indikator ini bila berbeda dari kebijakan laporan: target_sd_triwulan atau target_tahunan.",
    "sumber_dana": "Sumber dana seperti tercetak, mis. APBD, DAK, BLUD.",
    "peran": "Peran penanda tangan: pembuat, atasan_langsung, mengetahui, menyetujui, pihak_pertama, pihak_kedua atau lainnya.",
    "peran_tertulis": 'Keterangan blok tanda tangan seperti tercetak, mis. "Mengetahui," atau "PIHAK KEDUA".',
    "pangkat": "Pangkat seperti tercetak, mis. Pembina Tingkat I.",
    "golongan": "Golongan ruang, mis. IV/b.",
    "nip": "NIP 18 digit dalam tanda kutip, seperti tercetak (disamarkan di situs).",
    "Tercetak.kategori": "Bagian kedua predikat seperti tercetak, mis. Sangat Berhasil.",
    "Tercetak.predikat": "Predikat seperti tercetak (bagian pertama, mis. Sangat Tinggi; atau satu-satunya label yang tercetak).",
    "Tercetak.predikat_tertulis": "Label predikat utuh persis seperti tercetak, mis. Sangat Tinggi / Sangat Berhasil.",
    "satuan": "Satuan target, mis. %, indeks, orang, dokumen, laporan, bulan.",
    "target_tertulis": 'Target sebagaimana tercetak bila berbeda bentuk, mis. "87,62 indeks".',
    "target_triwulan": "Target kumulatif s.d. triwulan, mis. {2: 300, 4: 700}; target triwulan itu saja untuk indikator per_triwulan.",
    "polaritas": "naik: makin tinggi makin baik (bawaan); turun: makin rendah makin baik.",
    "boleh_negatif": "true bila target dan realisasi indikator ini boleh bernilai negatif (mis. laju pertumbuhan). Bawaan false: angka negatif dilaporkan sebagai galat.",
    "rincian": "Sub-baris (a, b, c …) dengan bentuk yang sama.",
    "tertulis": "Isi sel sebagaimana tercetak, bila dikoreksi.",
    "catatan": "Catatan.",
    "perjanjian_kinerja": "Versi perjanjian kinerja berurutan (penetapan, lalu perubahan). Yang terakhir berlaku.",
    "versi": "penetapan (awal) atau perubahan (revisi, dengan tanggal dan alasan).",
    "alasan": "Alasan perubahan.",
    "PenurunanKumulatif.alasan": "Mengapa angka kumulatif turun, mis. surat atau verifikasi yang mengoreksi angka triwulan sebelumnya.",
    "PenurunanKumulatif.untuk": "Id indikator atau pos anggaran yang boleh turun; kosong berarti semuanya.",
    "penurunan_kumulatif": (
        "Bukan rumus perhitungan: pengecualian agar realisasi kumulatif yang memang turun menjadi peringatan, "
        "bukan galat. Tulis `alasan`-nya; sebaiknya di laporan yang angkanya dikoreksi."
    ),
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
    "Realisasi.nilai": "Realisasi kumulatif s.d. triwulan (triwulan itu saja untuk indikator per_triwulan).",
    "Realisasi.na": "Alasan data belum tersedia (n/a), mis. dirilis BPS tahun berikutnya.",
    "Realisasi.teks": "Realisasi seperti tercetak bila berupa kata atau tanda - (mis. Laporan); tidak dihitung dalam rata-rata.",
    "Realisasi.target_teks": "Target triwulan ini seperti tercetak bila berupa kata atau tanda -.",
    "Realisasi.target": "Target kumulatif s.d. triwulan ini, bila berbeda dari perjanjian kinerja.",
    "Realisasi.target_na": "Alasan target s.d. triwulan ini tercetak n/a.",
    "narasi": "Uraian laporan.",
    "penandatangan": "Penanda tangan berurutan seperti tercetak, masing-masing dengan `peran` (pembuat, atasan_langsung, mengetahui, pihak_pertama, pihak_kedua …).",
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
    # PPID contact block (perangkat-daerah.yml, `ppid:`)
    "ppid": "Kontak layanan PPID perangkat daerah ini (formulir, email, telepon, alamat, jam layanan, atasan PPID).",
    "KontakPPID.formulir_url": "Alamat formulir permohonan informasi daring (https://…), bila ada.",
    "KontakPPID.email": "Email resmi layanan PPID (bukan email pribadi petugas).",
    "KontakPPID.telepon": "Nomor telepon resmi layanan PPID.",
    "KontakPPID.alamat": "Alamat tempat permohonan dapat diajukan langsung.",
    "KontakPPID.jam_layanan": "Jam layanan, mis. Senin–Jumat 08.00–15.00 WIB.",
    "KontakPPID.atasan_ppid": "Jabatan atasan PPID yang memutus keberatan, mis. Sekretaris Daerah.",
    # holiday calendar (data/hari-libur/<tahun>.yml)
    "HariLibur.tahun": "Tahun kalender, sama dengan nama berkas (mis. 2026 untuk 2026.yml).",
    "HariLibur.dasar_hukum": "SKB 3 Menteri yang menjadi sumber tanggal, dengan nomor dan perubahannya bila ada.",
    "HariLibur.hari": "Daftar hari libur nasional dan cuti bersama, satu baris per tanggal.",
    "Libur.tanggal": "Tanggal libur (TTTT-BB-HH), di tahun berkas ini.",
    "Libur.nama": "Nama hari libur sebagaimana tertulis di SKB, mis. Tahun Baru Islam 1448 Hijriah.",
    "Libur.jenis": "libur_nasional (bawaan) atau cuti_bersama.",
    # request register (ppid/permohonan-<tahun>.yml)
    "RegisterPermohonan.tahun": "Tahun register, sama dengan nama berkas (permohonan-<tahun>.yml).",
    "RegisterPermohonan.contoh": "true bila isinya data contoh, bukan catatan layanan sebenarnya; setiap halaman yang menampilkannya diberi label.",
    "RegisterPermohonan.permohonan": "Daftar permohonan, berurutan menurut tanggal diterima.",
    "Permohonan.nomor": 'Nomor register permohonan dalam tanda kutip, mis. "001/PPID/2025".',
    "Permohonan.tanggal_diterima": "Tanggal permohonan diterima (TTTT-BB-HH); batas waktu jawaban dihitung dari sini dalam hari kerja.",
    "Permohonan.kanal": "Cara permohonan diajukan: langsung, surat, email, situs_web, telepon, media_sosial atau lainnya.",
    "Permohonan.kategori_pemohon": "Kategori pemohon, bukan identitasnya: perorangan, badan_hukum, kelompok_masyarakat, lsm, media, akademisi, instansi_pemerintah atau lainnya.",
    "Permohonan.informasi_diminta": "Informasi yang diminta, ditulis umum tanpa data pribadi siapa pun.",
    "Permohonan.dip": 'Nomor entri Daftar Informasi Publik yang diminta, bila ada, mis. ["1.2"].',
    "Permohonan.keputusan": "diberikan, diberikan_sebagian, ditolak, tidak_dikuasai atau belum_diputuskan (bawaan).",
    "Permohonan.alasan_pengecualian": "Dasar pengecualian bila ditolak atau diberikan sebagian, mis. Pasal 17 huruf h UU 14/2008.",
    "Permohonan.tanggal_dijawab": "Tanggal jawaban diberikan kepada pemohon (TTTT-BB-HH).",
    "Permohonan.perpanjangan": "Bila waktu jawaban diperpanjang: tanggal pemberitahuan dan alasannya.",
    "Permohonan.keberatan": "Bila pemohon mengajukan keberatan: tanggal, alasan, tanggal dijawab dan hasilnya.",
    "Permohonan.sengketa": "Bila berlanjut ke Komisi Informasi: tanggal diajukan, nomor register dan putusannya.",
    "Permohonan.catatan": "Catatan umum tentang layanan ini, tanpa data pribadi.",
    "Perpanjangan.tanggal_pemberitahuan": "Tanggal pemberitahuan perpanjangan kepada pemohon (TTTT-BB-HH).",
    "Perpanjangan.alasan": "Alasan perpanjangan waktu.",
    "Keberatan.tanggal_diajukan": "Tanggal keberatan diajukan (TTTT-BB-HH).",
    "Keberatan.alasan": "Alasan keberatan, ditulis umum.",
    "Keberatan.tanggal_dijawab": "Tanggal tanggapan atasan PPID (TTTT-BB-HH).",
    "Keberatan.hasil": "diterima, diterima_sebagian, ditolak atau belum_diputuskan (bawaan).",
    "Sengketa.tanggal_diajukan": "Tanggal permohonan penyelesaian sengketa ke Komisi Informasi (TTTT-BB-HH).",
    "Sengketa.nomor_register": "Nomor register sengketa di Komisi Informasi.",
    "Sengketa.tanggal_putusan": "Tanggal putusan (TTTT-BB-HH).",
    "Sengketa.putusan": "Ringkasan putusan.",
    # extra DIP entries (ppid/dip.yml)
    "DaftarTambahan.entri": "Entri tambahan Daftar Informasi Publik.",
    "EntriDIP.ringkasan_isi": "Ringkasan isi informasi.",
    "EntriDIP.pejabat_unit": "Pejabat atau unit yang menguasai informasi.",
    "EntriDIP.penanggung_jawab": "Penanggung jawab pembuatan atau penerbitan informasi.",
    "EntriDIP.waktu_tempat": "Waktu dan tempat pembuatan informasi.",
    "EntriDIP.bentuk_informasi": "Bentuk informasi: softcopy (bawaan), hardcopy, atau keduanya.",
    "EntriDIP.jangka_waktu_penyimpanan": "Jangka waktu penyimpanan, mis. 5 tahun.",
    "EntriDIP.klasifikasi": "berkala, serta_merta, setiap_saat (bawaan) atau dikecualikan.",
    "EntriDIP.tautan": "Alamat dokumen (https://…), bila terbit daring.",
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

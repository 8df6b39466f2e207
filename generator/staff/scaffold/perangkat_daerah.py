"""`kinerja new perangkat-daerah`: an agency's file (perangkat-daerah.yml) with a starting
set of work units and its identity, duties and functions as comments to fill in."""

from __future__ import annotations

from pathlib import Path

from generator.core.layout import AGENCY_FILE, REGION_FILE
from generator.staff.scaffold.files import ScaffoldError, split_ref, write_new
from generator.staff.scaffold.yamltext import HEADER, scalar


def perangkat_daerah_text(nama: str, singkatan: str | None, example: bool = False) -> str:
    intro = (
        "# CONTOH perangkat daerah: ganti isinya dengan data perangkat daerah Anda, atau hapus folder ini.\n" if example else ""
    )
    sing = f"singkatan: {scalar(singkatan)}\n" if singkatan else "# singkatan: Disnaker\n"
    return f"""# Perangkat daerah: identitas, tugas, fungsi dan susunan unit kerja.
{intro}{HEADER}nama: {scalar(nama)}
{sing}# alamat: Jl. …
# situs_web: https://…
# dasar_hukum: Peraturan Wali Kota/Bupati tentang kedudukan, susunan organisasi, tugas dan fungsi
# tugas: Membantu Wali Kota/Bupati melaksanakan urusan pemerintahan di bidang …
# fungsi:
#   - perumusan kebijakan di bidang …;
#   - pelaksanaan kebijakan di bidang …;
# Unit kerja. `id` dipakai oleh berkas jabatan (unit: …) dan menjadi alamat halaman:
# huruf kecil, angka dan tanda hubung. jenis: sekretariat | subbagian | bidang | seksi | uptd | kelompok_fungsional | lainnya
unit:
  - id: sekretariat
    nama: Sekretariat
    jenis: sekretariat
    unit:
      - id: subbagian-umum-kepegawaian
        nama: Subbagian Umum dan Kepegawaian
        jenis: subbagian
# Dokumen sumber yang dirujuk laporan lewat `sumber: <id>`, mis. Laporan Kinerja TW IV.
sumber_dokumen: []
"""


def new_perangkat_daerah(data: Path, ref: str, nama: str, singkatan: str | None) -> Path:
    region, agency = split_ref(ref, 2, "WILAYAH/ID, mis. kota-pekalongan/dinas-tenaga-kerja")
    if not (data / region / REGION_FILE).is_file():
        raise ScaffoldError(
            f"wilayah '{region}' belum ada ({(data / region / REGION_FILE).as_posix()}); buat dengan `kinerja new wilayah`"
        )
    path = data / region / agency / AGENCY_FILE
    write_new(path, perangkat_daerah_text(nama, singkatan), data)
    return path

"""`kinerja new situs`: a whole new site: site.yml, the region, an example agency with its
head's position and year file, and the JSON Schemas for editors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE, SITE_FILE
from generator.staff import schema
from generator.staff.scaffold.files import ScaffoldError, write_new
from generator.staff.scaffold.jabatan import jabatan_text
from generator.staff.scaffold.perangkat_daerah import perangkat_daerah_text
from generator.staff.scaffold.tahun import EXAMPLE_INDICATORS, tahunan_text
from generator.staff.scaffold.wilayah import kepala_daerah, wilayah_text
from generator.staff.scaffold.yamltext import HEADER, scalar, slug


def situs_text(judul: str, data_per: dt.date) -> str:
    return f"""# Pengaturan situs. Berlaku untuk semua wilayah dan perangkat daerah.
{HEADER}judul: {scalar(judul)}
# Tanggal data: tidak boleh ada laporan untuk periode sesudah tanggal ini.
# Majukan tanggal ini setiap kali laporan triwulan baru ditambahkan.
data_per: {data_per.isoformat()}
lisensi: CC BY 4.0
# Tampilan NIP di situs (data pribadi, UU 27/2022): samar (bawaan) | lengkap | sembunyi
tampilan_nip: samar
# Kebijakan perhitungan bawaan situs. Kosong berarti memakai bawaan (lihat halaman Metodologi).
kebijakan: {{}}
"""


def new_situs(target: Path, wilayah: str, jenis: str | None, judul: str | None, tahun: int) -> list[Path]:
    jenis = jenis or next((j for j in ("kota", "kabupaten", "provinsi") if wilayah.lower().startswith(j)), None)
    if jenis is None:
        raise ScaffoldError("jenis wilayah tidak dapat ditebak dari namanya; tambahkan --jenis kota|kabupaten|provinsi")
    data = target / "data"
    if data.exists() and any(data.iterdir()):
        raise ScaffoldError(f"{data.as_posix()} sudah berisi data; tidak ditimpa. Pilih folder lain.")
    region = slug(wilayah)
    agency = data / region / "dinas-contoh"
    files = {
        data / SITE_FILE: situs_text(judul or f"Laporan Kinerja Perangkat Daerah {wilayah}", dt.date.today()),
        data / region / REGION_FILE: wilayah_text(wilayah, jenis),
        agency / AGENCY_FILE: perangkat_daerah_text("Dinas Contoh", "Discon", example=True),
        agency / POSITIONS_DIR / "kepala-dinas.yml": jabatan_text(
            "Kepala Dinas Contoh", "struktural", None, None, kepala_daerah(wilayah, jenis), None, None
        ),
        agency / str(tahun) / "kepala-dinas.yml": tahunan_text(
            "kepala-dinas", "Kepala Dinas Contoh", tahun, None, EXAMPLE_INDICATORS
        ),
    }
    schema.write_all(target / "schemas")  # editor support from the first edit
    for path, text in files.items():
        write_new(path, text, data)
    return list(files)

"""`kinerja new wilayah`: a region's file (wilayah.yml), with its head's title."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.layout import REGION_FILE
from generator.staff.scaffold.files import check_id, write_new
from generator.staff.scaffold.yamltext import HEADER, scalar


def kepala_daerah(nama_wilayah: str, jenis: str) -> str:
    """ "Kabupaten Batang" → "Bupati Batang"."""
    title = {"kota": "Wali Kota", "kabupaten": "Bupati", "provinsi": "Gubernur"}[jenis]
    bare = re.sub(r"^(kota|kabupaten|provinsi)\s+", "", nama_wilayah, flags=re.I)
    return f"{title} {bare}"


def wilayah_text(nama: str, jenis: str) -> str:
    return f"""# Wilayah (pemerintah daerah).
{HEADER}nama: {scalar(nama)}
jenis: {jenis}  # kota | kabupaten | provinsi
kepala_daerah:
  jabatan: {scalar(kepala_daerah(nama, jenis))}
  # nama: NAMA KEPALA DAERAH
"""


def new_wilayah(data: Path, region_id: str, nama: str, jenis: str) -> Path:
    check_id(region_id, "wilayah")
    path = data / region_id / REGION_FILE
    write_new(path, wilayah_text(nama, jenis), data)
    return path

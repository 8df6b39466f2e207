"""The layout of the data folder: which file holds what, and the names a folder may not take.

One home for it: the validator reads the folder this way, the staff tools write files in
the same places, and the PPID register and holiday calendars live where this says.

    data/
      site.yml                         SITE_FILE
      hari-libur/2025.yml              HOLIDAYS_DIR/<year>.yml
      <region>/wilayah.yml             REGION_FILE
      <region>/<agency>/perangkat-daerah.yml                 AGENCY_FILE
      <region>/<agency>/jabatan/<position>.yml               POSITIONS_DIR/<id>.yml
      <region>/<agency>/<year>/<position>.yml                <tahun>/<id>.yml: a position's year
      <region>/<agency>/ppid/...                             PPID_DIR
"""

from __future__ import annotations

from pathlib import Path

SITE_FILE = "site.yml"
HOLIDAYS_DIR = "hari-libur"
# Site-level addresses a region folder must not take (the pages and files would collide).
RESERVED_REGION_IDS = {
    "api",
    "unduh",
    "perbandingan",
    "ppid",
    "assets",
    "search",
    "pagefind",
    "metodologi",
    "tentang",
    "cara-membaca",
    "panduan-kontributor",
    "api-dan-data",
    "index",
}
PPID_DIR = "ppid"
REGION_FILE = "wilayah.yml"
AGENCY_FILE = "perangkat-daerah.yml"
POSITIONS_DIR = "jabatan"
YAML_SUFFIXES = {".yml", ".yaml"}


def yaml_files(folder: Path) -> list[Path]:
    """The data files directly in ``folder``, sorted."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES)


def position_file(agency_dir: Path, position_id: str) -> Path:
    return agency_dir / POSITIONS_DIR / f"{position_id}.yml"


def year_file(agency_dir: Path, position_id: str, tahun: int) -> Path:
    return agency_dir / str(tahun) / f"{position_id}.yml"

"""The layout of the data folder: which file holds what, and the names a folder may not take.

One home for it: the validator reads the folder this way, the staff tools write files in
the same places, and the PPID register and holiday calendars live where this says.

    data/
      site.yml                         SITE_FILE
      terbit.yml                       TERBIT_FILE: periods declared published (history/arsip_terbit.py)
      hari-libur/2025.yml              HOLIDAYS_DIR/<year>.yml
      <region>/wilayah.yml             REGION_FILE
      <region>/<agency>/perangkat-daerah.yml                 AGENCY_FILE
      <region>/<agency>/jabatan/<position>.yml               POSITIONS_DIR/<id>.yml
      <region>/<agency>/<year>/<position>.yml                <tahun>/<id>.yml: a position's year
      <region>/<agency>/tanpa-tahun/<position>.yml           UNDATED_DIR: a document without a year
      <region>/<agency>/ppid/...                             PPID_DIR
"""

from __future__ import annotations

from pathlib import Path

SITE_FILE = "site.yml"
TERBIT_FILE = "terbit.yml"  # `2025-tw4: <commit>` lines: frozen period archives (arsip/)
HOLIDAYS_DIR = "hari-libur"
# Site-level addresses a region folder must not take (the pages and files would collide).
RESERVED_REGION_IDS = {
    "api",
    "unduh",
    "arsip",
    "perubahan-terbaru",  # the site's list of changes (history/pages.py) and its feed
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
# Names no id may take, wherever it is used as a folder or file name: the site's own
# top-level files and folders (index.html, sitemap.xml, 404.html, search/, assets/, api/,
# unduh/), and the device names Windows refuses as a file name with any extension
# (a data folder cloned on Windows must not break, and `con.yml` cannot be created there).
WINDOWS_DEVICE_NAMES = {"con", "prn", "aux", "nul"} | {f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)}
RESERVED_IDS = {
    "index",
    "sitemap",
    "404",
    "search",
    "assets",
    "api",
    "unduh",
    "analisis",
    "status-pelaporan",
} | WINDOWS_DEVICE_NAMES
RESERVED_REGION_IDS |= RESERVED_IDS
# An id is lower-case words of a-z and 0-9 joined by single hyphens (the model's Id
# pattern). At most 64 characters: a download's file name joins three ids (region,
# agency, position or unit) with a suffix, `<r>_<a>_<p>_ringkasan.csv`, and must stay
# within the 255 bytes every file system allows for one name (3 × 64 + 16 < 255).
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ID_MAX_LENGTH = 64
PPID_DIR = "ppid"
# The folder of a position's documents whose year the document does not state
# (`tahun: tidak_tercantum`), beside the year folders such as 2025/. Also the word the
# ids, DIP numbers and addresses use in place of a year for them: a year is never invented.
UNDATED_DIR = "tanpa-tahun"
REGION_FILE = "wilayah.yml"
AGENCY_FILE = "perangkat-daerah.yml"
POSITIONS_DIR = "jabatan"
YAML_SUFFIXES = {".yml", ".yaml"}


def yaml_files(folder: Path) -> list[Path]:
    """The data files directly in ``folder``, sorted: never a symbolic link (it could point
    outside data/) nor a hidden file (validate/ids.py reports both)."""
    return sorted(
        p
        for p in folder.iterdir()
        if not p.is_symlink() and p.is_file() and p.suffix in YAML_SUFFIXES and not p.name.startswith((".", "_"))
    )


def position_file(agency_dir: Path, position_id: str) -> Path:
    return agency_dir / POSITIONS_DIR / f"{position_id}.yml"


def year_folder(tahun: int | None) -> str:
    """The folder name of a year: 2025, or tanpa-tahun for a document without one."""
    return UNDATED_DIR if tahun is None else str(tahun)


def year_file(agency_dir: Path, position_id: str, tahun: int | None) -> Path:
    return agency_dir / year_folder(tahun) / f"{position_id}.yml"


def agency_inputs(data_dir: Path, region_id: str, agency_id: str) -> tuple[list[Path], Path]:
    """What an agency's pages and downloads are made from besides the site's own files: the
    files directly in its region's folder (wilayah.yml) and its own folder, whole. The
    agency memo (site/cache.py) and the data commit its files cite (check/revision.py) both
    take them from here."""
    region = data_dir / region_id
    return [p for p in sorted(region.iterdir()) if p.is_file()], region / agency_id

"""Which data file a workbook is for (import). The path is always the one the data folder's
own layout gives for the position and year the workbook names, under ``--data``: never a
path taken from the workbook. The workbook's ``berkas`` entry is only a cross-check (a
mismatch is refused), the ids must be ids (no ``/``, no ``..``), and no folder or file on
the way may be a symbolic link, so a crafted workbook cannot write outside the data folder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.core.layout import AGENCY_FILE, ID_MAX_LENGTH, ID_PATTERN, year_file
from generator.load import display_path
from generator.staff.spreadsheet.sheets import SheetError

REEXPORT = "ekspor ulang lembarnya dengan `kinerja spreadsheet export`"


def _id(meta: dict[str, Any], key: str, what: str) -> str:
    value = meta.get(key)
    if not isinstance(value, str) or len(value) > ID_MAX_LENGTH or not re.fullmatch(ID_PATTERN, value):
        raise SheetError(f"lembar ini tidak menyebut {what} yang sah ({key}: {value!r}); {REEXPORT}")
    return value


def _int(meta: dict[str, Any], key: str, low: int, high: int, what: str) -> int:
    value = meta.get(key)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SheetError(f"lembar ini tidak menyebut {what} yang sah ({key}: {value!r}); {REEXPORT}")
    return value


def quarter(meta: dict[str, Any]) -> int:
    return _int(meta, "triwulan", 1, 4, "triwulan")


def locate(meta: dict[str, Any], data_dir: Path) -> tuple[Path, str, str, int]:
    """(the data file, its path inside the data folder, the position id, the year)."""
    region = _id(meta, "wilayah", "wilayah")
    agency = _id(meta, "perangkat_daerah", "perangkat daerah")
    position = _id(meta, "jabatan", "jabatan")
    tahun = _int(meta, "tahun", 2000, 2100, "tahun")
    rel = f"{region}/{agency}/{tahun}/{position}.yml"
    if meta.get("berkas") != rel:
        raise SheetError(
            f"lembar ini menyebut berkas {meta.get('berkas')!r}, padahal jabatan dan tahunnya menunjuk {rel}; "
            f"lembar ini bukan hasil `kinerja spreadsheet export` yang utuh: tidak ada yang ditulis, {REEXPORT}"
        )
    if not data_dir.is_dir():
        raise SheetError(
            f"folder data {display_path(data_dir)} tidak ada; jalankan dari folder repositori, atau pakai --data <folder data>"
        )
    agency_dir = data_dir / region / agency
    path = year_file(agency_dir, position, tahun)
    if not (agency_dir / AGENCY_FILE).is_file() or not path.is_file():
        raise SheetError(
            f"berkas data {display_path(path)} tidak ada; jalankan dari folder repositori, atau pakai --data <folder data>"
        )
    step, shown = data_dir, display_path(data_dir)
    for part in (region, agency, str(tahun), f"{position}.yml"):
        step, shown = step / part, f"{shown}/{part}"  # the link itself, not where it leads
        if step.is_symlink():
            raise SheetError(f"{shown} adalah tautan simbolis; impor hanya menulis berkas biasa di dalam folder data")
    try:
        path.resolve().relative_to(data_dir.resolve())
    except ValueError:
        raise SheetError(
            f"{display_path(path)} berada di luar folder data {display_path(data_dir)}; tidak ada yang ditulis"
        ) from None
    return path, rel, position, tahun

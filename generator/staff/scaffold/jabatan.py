"""`kinerja new jabatan`: a position's file (jabatan/<id>.yml), checked against its
agency's work units and the positions already there."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.core.layout import AGENCY_FILE, POSITIONS_DIR
from generator.model import PerangkatDaerah
from generator.staff.scaffold.files import ScaffoldError, load, split_ref, write_new
from generator.staff.scaffold.yamltext import HEADER, scalar


def jabatan_text(
    nama: str, jenis: str, unit: str | None, atasan: str | None, atasan_luar: str | None, pemangku: str | None, nip: str | None
) -> str:
    lines = [
        f"# Jabatan {nama}.",
        HEADER.rstrip("\n"),
        f"jabatan: {scalar(nama)}",
        f"jenis: {jenis}  # struktural | fungsional | pelaksana",
    ]
    lines.append(
        f"unit: {unit}  # id unit kerja dari perangkat-daerah.yml"
        if unit
        else "# unit: bidang-…  # id unit kerja dari perangkat-daerah.yml; tanpa unit = langsung di bawah kepala perangkat daerah"
    )
    if atasan:
        lines.append(f"atasan: {atasan}  # id berkas jabatan atasan langsung")
    elif atasan_luar:
        lines.append(f"atasan_luar: {scalar(atasan_luar)}  # atasan di luar perangkat daerah")
    else:
        lines.append("# atasan: kepala-…  # id berkas jabatan atasan langsung (folder jabatan/)")
    lines += _pemangku_lines(pemangku, nip)
    lines += ["# tugas: Melaksanakan …", "# fungsi:", "#   - …", ""]
    return "\n".join(lines)


def _pemangku_lines(pemangku: str | None, nip: str | None) -> list[str]:
    """The holder when known; else an empty list and a commented example to copy."""
    if pemangku:
        lines = [
            "# Pemangku jabatan; bila berganti, tambahkan pemangku baru dengan `mulai`/`selesai`.",
            "pemangku:",
            f"  - nama: {scalar(pemangku)}",
        ]
        lines += (
            [f"    nip: {json.dumps(nip)}  # 18 digit, dalam tanda kutip"]
            if nip
            else ['    # nip: "198001012005011001"  # 18 digit, dalam tanda kutip']
        )
        return lines + ["    status: PNS  # PNS | PPPK"]
    example = [
        "#   - nama: NAMA LENGKAP, S.E.",
        "#     pangkat: Penata Tingkat I",
        "#     golongan: III/d",
        '#     nip: "198001012005011001"  # 18 digit, dalam tanda kutip; disamarkan di situs',
        "#     status: PNS  # PNS | PPPK; tambahkan `plt: true` untuk pelaksana tugas",
        "#     mulai: 2026-01-02  # bila pemangku berganti di tengah tahun",
    ]
    return [
        "# Pemangku jabatan. Ganti [] dengan daftar seperti contoh di bawah (hapus tanda # di depannya):",
        "pemangku: []",
        "# pemangku:",
    ] + example


def new_jabatan(
    data: Path,
    ref: str,
    nama: str,
    jenis: str,
    unit: str | None,
    atasan: str | None,
    atasan_luar: str | None,
    pemangku: str | None,
    nip: str | None,
) -> Path:
    region, agency, position = split_ref(ref, 3, "WILAYAH/OPD/ID, mis. kota-pekalongan/dinperinaker/kepala-seksi-pelatihan")
    agency_dir = data / region / agency
    pd, _doc = load(agency_dir / AGENCY_FILE, PerangkatDaerah)
    units = {u.id for u in _walk_units(pd.unit)}
    if unit and unit not in units:
        raise ScaffoldError(
            f"unit '{unit}' tidak ada di {(agency_dir / AGENCY_FILE).as_posix()}; unit yang ada: {', '.join(sorted(units)) or '(belum ada)'}"
        )
    positions = {p.stem for p in (agency_dir / POSITIONS_DIR).glob("*.yml")}
    if atasan and atasan not in positions:
        raise ScaffoldError(
            f"jabatan atasan '{atasan}' tidak ada di {(agency_dir / POSITIONS_DIR).as_posix()}/; yang ada: {', '.join(sorted(positions)) or '(belum ada)'}"
        )
    if nip is not None and not re.fullmatch(r"\d{18}", nip.replace(" ", "")):
        raise ScaffoldError(f"NIP '{nip}' bukan 18 digit angka")
    path = agency_dir / POSITIONS_DIR / f"{position}.yml"
    write_new(path, jabatan_text(nama, jenis, unit, atasan, atasan_luar, pemangku, nip.replace(" ", "") if nip else None), data)
    return path


def _walk_units(units):
    for u in units:
        yield u
        yield from _walk_units(u.unit)

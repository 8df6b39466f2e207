"""The data files and their first line: which schema each file follows (from its place in
the data folder's layout), and the ``# yaml-language-server: $schema=…`` comment that
points an editor to it."""

from __future__ import annotations

import os
import re
from pathlib import Path

from generator.core.layout import (
    AGENCY_FILE,
    HOLIDAYS_DIR,
    POSITIONS_DIR,
    PPID_DIR,
    REGION_FILE,
    SITE_FILE,
    YAML_SUFFIXES,
)
from generator.staff.schema.schemas import schema_file

HEADER_PREFIX = "# yaml-language-server:"


def file_kind(data_dir: Path, path: Path) -> str | None:
    """Which schema a data file follows, from its place in the layout (see validate.assemble)."""
    try:
        parts = path.resolve().relative_to(data_dir.resolve()).parts
    except ValueError:
        return None
    if path.suffix not in YAML_SUFFIXES or any(p.startswith((".", "_")) for p in parts[:-1]):
        return None
    if parts == (SITE_FILE,):
        return "situs"
    if len(parts) == 2 and parts[0] == HOLIDAYS_DIR:
        return "hari-libur"
    if len(parts) == 4 and parts[2] == PPID_DIR:
        stem = Path(parts[3]).stem
        return "dip-ppid" if stem == "dip" else "permohonan-ppid" if re.fullmatch(r"permohonan-\d{4}", stem) else None
    if len(parts) == 2 and parts[1] == REGION_FILE:
        return "wilayah"
    if len(parts) == 3 and parts[2] == AGENCY_FILE:
        return "perangkat-daerah"
    if len(parts) == 4 and parts[2] == POSITIONS_DIR:
        return "jabatan"
    if len(parts) == 4 and re.fullmatch(r"\d{4}", parts[2]):
        return "tahunan"
    return None


def data_files(data_dir: Path) -> list[tuple[Path, str]]:
    out = []
    for path in sorted(data_dir.rglob("*")):
        kind = file_kind(data_dir, path) if path.is_file() else None
        if kind:
            out.append((path, kind))
    return out


def header_line(path: Path, kind: str, out_dir: Path) -> str:
    rel = Path(os.path.relpath(schema_file(out_dir, kind).resolve(), path.parent.resolve())).as_posix()
    return f"{HEADER_PREFIX} $schema={rel}"


def with_header(text: str, header: str) -> str:
    """``text`` with ``header`` as its first line: replaces an existing yaml-language-server
    line there, keeps a BOM and the file's line endings, touches nothing else."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    first, sep, rest = body.partition("\n")
    newline = "\r\n" if first.endswith("\r") else "\n"
    if first.rstrip("\r").startswith(HEADER_PREFIX):
        body = rest if sep else ""
    return f"{bom}{header}{newline}{body}"


def add_headers(data_dir: Path, out_dir: Path) -> list[Path]:
    changed = []
    for path, kind in data_files(data_dir):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # `kinerja check` reports it; never rewrite a file we cannot read
        new = with_header(text, header_line(path, kind, out_dir))
        if new != text:
            path.write_bytes(new.encode("utf-8"))
            changed.append(path)
    return changed

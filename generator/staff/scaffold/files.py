"""Files for `kinerja new`: ScaffoldError, creating a file without ever overwriting one,
reading an existing file that must pass the check, and the ids staff type as arguments."""

from __future__ import annotations

import re
from pathlib import Path

from generator.staff import schema
from generator.staff.datafile import load_valid
from generator.staff.scaffold.yamltext import slug

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """Why nothing was written, in words staff understand."""


def write_new(path: Path, text: str, data_root: Path) -> None:
    """Create ``path``, never overwrite. When the repository has schemas/ next to the data
    folder, the file starts with its schema reference like every other data file."""
    schemas = data_root.parent / "schemas"
    kind = schema.file_kind(data_root, path)
    if kind and schemas.is_dir():
        text = schema.with_header(text, schema.header_line(path, kind, schemas))
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} sudah ada; tidak ditimpa. Pilih id lain atau ubah berkas itu langsung.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": fail rather than overwrite, even in a race
        f.write(text)


def load(path: Path, model):
    """(value, document) of a file that passes the check; ScaffoldError otherwise."""
    return load_valid(path, model, path.as_posix(), ScaffoldError)


def check_id(value: str, what: str) -> None:
    if not ID_RE.match(value):
        raise ScaffoldError(
            f"id {what} '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung, mis. '{slug(value) or 'dinas-contoh'}'"
        )


def split_ref(ref: str, n: int, example: str) -> list[str]:
    """``WILAYAH/OPD/ID`` and the like: ``n`` valid ids."""
    parts = ref.strip("/").split("/")
    if len(parts) != n:
        raise ScaffoldError(f"'{ref}' tidak sesuai bentuk {example}")
    for p in parts:
        check_id(p, "")
    return parts

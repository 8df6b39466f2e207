"""One data file as the staff tools read it: loaded and validated, or refused with a
message staff understand. Shared by `kinerja new` (scaffold) and the spreadsheet round
trip, which both start from a file that must already pass `kinerja check`."""

from __future__ import annotations

import re
from pathlib import Path

from generator.load import load_yaml
from generator.validate.schema import validate_schema


def load_valid(path: Path, model, shown: str, error: type[Exception]):
    """``path`` validated against ``model``: (value, document). Raises ``error`` when the
    file is missing or has errors; ``shown`` is how the message names the file."""
    if not path.is_file():
        raise error(f"berkas {shown} tidak ada")
    doc, problems = load_yaml(path)
    value, errors = (None, []) if doc.data is None else validate_schema(doc, model)
    problems += errors
    if problems or value is None:
        listed = "\n".join("  " + d.format() for d in problems[:10])
        raise error(f"{shown} masih bergalat; perbaiki dulu (jalankan `kinerja check`):\n{listed}")
    return value, doc


def require_year_file(path: Path, shown: str, error: type[Exception]) -> None:
    """Raise ``error`` unless ``path`` sits in a year folder (<data>/<wilayah>/<opd>/<tahun>/<id>.yml)."""
    if not re.fullmatch(r"\d{4}", path.parent.name):
        raise error(
            f"{shown} bukan berkas tahunan; yang dimaksud berkas seperti data/<wilayah>/<perangkat-daerah>/2025/<jabatan>.yml"
        )


def data_root(year_file: Path) -> Path:
    """The data folder of a year or position file: <data>/<wilayah>/<opd>/<tahun or jabatan>/<id>.yml."""
    return year_file.resolve().parents[3]

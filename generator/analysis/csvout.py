"""The CSV downloads beside each table of the Status pelaporan and Analisis pages, in the
site's CSV conventions (opendata/csvfile.py): UTF-8 with a byte-order mark, a header row of
machine names, decimals with a point and every digit the engine computed, ISO dates,
empty for none, and every text cell safe to open in a spreadsheet (core/csvcell.py)."""

from __future__ import annotations

import pandas as pd

from generator.compute.serialize import plain_text
from generator.core.csvcell import safe_text

BOM = "\ufeff"


def _cell(value: object) -> str:
    if isinstance(value, float) and value != value:  # NaN: pandas' empty cell
        return ""
    if isinstance(value, str):
        return safe_text(value)
    return plain_text(value)  # the opendata CSVs' writing (compute/serialize)


def csv_bytes(df: pd.DataFrame, columns: list[str]) -> bytes:
    """The ``columns`` of ``df`` as CSV bytes (every cell written by ``_cell``)."""
    cells = pd.DataFrame({c: [_cell(v) for v in df[c]] if c in df else [] for c in columns}, columns=columns, dtype=object)
    return (BOM + cells.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")

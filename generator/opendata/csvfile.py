"""CSV: UTF-8 with a byte-order mark (so Excel shows Indonesian text correctly), one
header row of machine names, plain machine-readable values: decimals with a point and
every digit (101.72), Rupiah as whole numbers, true/false, ISO dates, empty for none.
Text cells are safe to open in a spreadsheet: one that would be taken as a formula gets
a leading ' (core.csvcell); numbers, dates and true/false are never touched."""

from __future__ import annotations

import csv
import io

from generator.compute.serialize import plain_text
from generator.core.csvcell import safe_text
from generator.opendata.columns import Column

BOM = "\ufeff"


plain = plain_text  # one writing of a value for every CSV of the site (compute/serialize)


def cell(column: Column, value: object) -> str:
    """One CSV field: text (a text column's, or any str) through csvcell.safe_text;
    numbers, dates and true/false as ``plain`` writes them."""
    text = plain(value)
    return safe_text(text) if column.type == "string" or isinstance(value, str) else text


def csv_bytes(columns: list[Column], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.name for c in columns])
    for row in rows:
        w.writerow([cell(c, row.get(c.name)) for c in columns])
    return (BOM + buf.getvalue()).encode("utf-8")

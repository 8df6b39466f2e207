"""CSV: UTF-8 with a byte-order mark (so Excel shows Indonesian text correctly), one
header row of machine names, plain machine-readable values: decimals with a point and
every digit (101.72), Rupiah as whole numbers, true/false, ISO dates, empty for none.
Text cells are safe to open in a spreadsheet: one that would be taken as a formula gets
a leading ' (core.csvcell); numbers, dates and true/false are never touched."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from generator.compute.serialize import decimal_text
from generator.core.csvcell import safe_text
from generator.opendata.columns import Column

BOM = "\ufeff"


def plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


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

"""CSV: UTF-8 with a byte-order mark (so Excel shows Indonesian text correctly), one
header row of machine names, plain machine-readable values: decimals with a point
(101.72), Rupiah as whole numbers, true/false, ISO dates, empty for none."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

from generator.opendata.columns import Column

BOM = "\ufeff"


def plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value else "0"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def csv_bytes(columns: list[Column], rows: list[dict]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c.name for c in columns])
    for row in rows:
        w.writerow([plain(row.get(c.name)) for c in columns])
    return (BOM + buf.getvalue()).encode("utf-8")

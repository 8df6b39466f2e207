"""The rows the sheets show, built from the validated model: export writes them, and
import builds them again from the file as it is now, to compare with what the sheet says.
Also the snapshot of the exported rows that export stores in the workbook, so import can
tell the cells staff changed from those they left alone (even when the file changed in
the meantime)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from generator.compute.engine import walk_budget, walk_indicators
from generator.model import Laporan, Tahunan
from generator.staff.quarters import quarter_target
from generator.staff.spreadsheet.sheets import NARASI_PARTS, Col
from generator.staff.spreadsheet.source import indicator_source

Row = dict[str, Any]


def previous_report(t: Tahunan, tw: int) -> Laporan | None:
    """The latest report before quarter ``tw``: its cumulative figures are shown beside the cells."""
    earlier = [lap for lap in t.laporan if lap.triwulan < tw]
    return max(earlier, key=lambda lap: lap.triwulan) if earlier else None


def realisasi_rows(t: Tahunan, lap: Laporan | None, tw: int) -> list[Row]:
    indicators, _ = indicator_source(t)
    prev = previous_report(t, tw)
    rows = []
    for ind, parent, _depth in walk_indicators(indicators):
        entry = lap.realisasi.get(ind.id) if lap else None
        before = prev.realisasi.get(ind.id) if prev else None
        target_tw = entry.target if entry and entry.target is not None else quarter_target(ind, tw)
        rows.append(
            {
                "id": ind.id,
                "induk": parent,
                "nomor": ind.nomor,
                "sasaran": ind.sasaran,
                "indikator": ind.indikator,
                "satuan": ind.satuan,
                "polaritas": ind.polaritas,
                "target": ind.target,
                "target_tw": target_tw,
                "sebelumnya": (before.nilai if before.nilai is not None else before.teks or "n/a") if before else None,
                "realisasi": entry.nilai if entry else None,
                "na": entry.na if entry else None,
                "catatan": entry.catatan if entry else None,
            }
        )
    return rows


def anggaran_rows(t: Tahunan, lap: Laporan | None, tw: int) -> list[Row]:
    prev = previous_report(t, tw)
    rows = []
    for pos, parent, _depth in walk_budget(t.anggaran):
        real = lap.anggaran.get(pos.id) if lap else None
        before = prev.anggaran.get(pos.id) if prev else None
        rows.append(
            {
                "id": pos.id,
                "induk": parent,
                "jenis": pos.jenis,
                "nomor": pos.nomor,
                "nama": pos.nama,
                "pagu": pos.pagu,
                "target": real.target if real and real.target is not None else pos.pagu,
                "sebelumnya": before.realisasi if before else None,
                "realisasi": real.realisasi if real else None,
            }
        )
    return rows


def narasi_rows(lap: Laporan | None) -> list[Row]:
    """The stored items, each labelled with its part and number ("upaya 2")."""
    rows = []
    for part in NARASI_PARTS:
        for i, text in enumerate(getattr(lap.narasi, part) if lap else [], start=1):
            rows.append({"butir": f"{part} {i}", "bagian": part, "teks": text})
    return rows


# --------------------------------------------------------------------------- snapshot


def _encode(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def snapshot(sheets: dict[str, tuple[list[Col], list[Row], str]]) -> str:
    """The exported rows as JSON: per sheet, {row key: {column: value}} (info columns left out)."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for title, (cols, rows, key) in sheets.items():
        out[title] = {
            str(row[key]): {c.key: _encode(row.get(c.key)) for c in cols if c.kind != "info"} for row in rows if row.get(key)
        }
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def read_snapshot(text: str, sheets: dict[str, list[Col]]) -> dict[str, dict[str, Row]]:
    """The snapshot back, numbers as Decimals; ValueError when it is not one."""
    raw = json.loads(text)
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    out: dict[str, dict[str, Row]] = {}
    for title, cols in sheets.items():
        rows = raw.get(title)
        if not isinstance(rows, dict):
            raise ValueError(f"no rows for {title}")
        kinds = {c.key: c.kind for c in cols}
        out[title] = {}
        for key, row in rows.items():
            if not isinstance(row, dict):
                raise ValueError(f"row {key} is not an object")
            out[title][key] = {
                k: Decimal(v) if kinds.get(k) == "number" and v is not None else v for k, v in row.items() if k in kinds
            }
    return out

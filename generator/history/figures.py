"""The published figures of one year file as it was at a commit, and what changed
between two such states.

A year file's content is parsed and checked by the project's own stages (load and the
schema, as ``generator.check`` does), its policy resolved from site.yml, wilayah.yml and
perangkat-daerah.yml as they were at the same commit, and every report computed by the
engine: no arithmetic here. Figures are compared as parsed values (normalised decimals),
so a commit that only reformats YAML (comments, key order, ``95,14`` for ``95.14``)
changes nothing.
"""

from __future__ import annotations

import hashlib
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.compute import engine, printed
from generator.compute.policy import resolve
from generator.core.diagnostics import Diagnostic
from generator.model import PerangkatDaerah, Situs, Tahunan, Wilayah
from generator.validate.assemble import read_file

# A report's state: {"rows": {id: [indikator, target, realisasi, tercetak, capaian, predikat]},
# "rata_rata", "predikat", "tercetak_rata_rata", "tercetak_predikat", "kebijakan"}
Snap = dict[str, Any]
ROW_FIELDS = ("target", "realisasi", "tercetak")  # what a row's history follows (capaian follows them)
_T, _R, _P, _C, _PR = 1, 2, 3, 4, 5  # positions in a row's list


def num(value: Decimal | None) -> str | None:
    """A parsed number as plain text ("95.14"; "100" for 1E+2): equal numbers, equal text."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


class Parser:
    """Parses file contents with the project's reader (load + schema), memoised by blob id."""

    def __init__(self, known: dict[str, Any] | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="kinerja-riwayat-")
        self.root = Path(self._dir.name)
        # models the build has parsed already, by the blob id of their file's content (blob_id)
        self.models: dict[tuple[str, str], Any] = {(sha, type(m).__name__): m for sha, m in (known or {}).items()}
        self.n = 0

    def model(self, sha: str, data: bytes | None, kind: type[Any], name: str) -> Any:
        key = (sha, kind.__name__)
        if key not in self.models:
            value = None
            if data is not None:
                self.n += 1
                path = self.root / f"{self.n}-{Path(name).name}"
                path.write_bytes(data)
                found: list[Diagnostic] = []
                try:
                    value, _doc = read_file(path, self.root, kind, found)
                except Exception:  # an old file the current schema cannot read: no state
                    value = None
                path.unlink()
                if any(d.severity == "error" for d in found):
                    value = None
            self.models[key] = value
        return self.models[key]

    def close(self) -> None:
        self._dir.cleanup()


def blob_id(data: bytes) -> str:
    """The id git gives a file's content (so a model parsed from the working tree is reused)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _realisasi(row: engine.RowResult) -> str | None:
    if row.realisasi is not None:
        return num(row.realisasi)
    if row.realisasi_teks:
        return row.realisasi_teks
    return "n/a" if row.status == "na" else None


def _target(row: engine.RowResult) -> str | None:
    return num(row.target) if row.target is not None else row.target_teks


def year_reports(year: Tahunan, situs: Situs | None, wilayah: Wilayah | None, pd: PerangkatDaerah | None) -> dict[int, Snap]:
    """Every quarterly report of a year file computed by the engine, by triwulan."""
    out: dict[int, Snap] = {}
    if year.tahun is None:
        return out
    for lap in year.laporan:
        policy = resolve(
            situs.kebijakan if situs else None,
            wilayah.kebijakan if wilayah else None,
            pd.kebijakan if pd else None,
            year.kebijakan,
            lap.kebijakan,
        )
        try:
            res = engine.compute_report(year, lap, policy)
        except Exception:  # a state the rules would refuse: the report has no figures then
            continue
        try:
            printed.compare_printed(year, lap, res)  # fills each row's printed capaian, as check does
        except Exception:
            pass
        out[lap.triwulan] = {
            "rows": {
                r.id: [r.indikator, _target(r), _realisasi(r), num(r.tercetak), num(r.capaian), r.predikat] for r in res.rows
            },
            "rata_rata": num(res.rata_rata),
            "predikat": res.predikat.predikat if res.predikat else None,
            "tercetak_rata_rata": _printed(lap.tercetak.rata_rata_capaian),
            "tercetak_predikat": _printed(lap.tercetak.predikat),
            "kebijakan": repr(policy),
        }
    return out


def _printed(value: Any) -> str | None:
    """A printed figure (Cetak: its number, else its text) or label as text."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return num(value.nilai) if value.nilai is not None else value.tertulis


def diff(old: Snap | None, new: Snap | None) -> list[dict[str, Any]]:
    """What changed in one report, as entries without their commit (see history.walk):
    ``jenis`` terbit (the report appears), dihapus, target, realisasi, tercetak (a row's
    or the report's printed figure), kebijakan (a policy that moved a computed figure),
    indikator (a row added or removed)."""
    if old == new:
        return []
    if new is None:
        return [{"jenis": "dihapus", **_report_level(old, None)}]
    if old is None:
        return [{"jenis": "terbit", **_report_level(None, new)}]
    entries: list[dict[str, Any]] = []
    level = _report_level(old, new)
    for rid, row in new["rows"].items():
        before = old["rows"].get(rid)
        if before is None:
            entries.append(_row_entry("indikator", rid, None, row, None, row[0], level))
            continue
        for f in ROW_FIELDS:
            i = ROW_FIELDS.index(f) + 1
            if before[i] != row[i]:
                entries.append(_row_entry(f, rid, before, row, before[i], row[i], level))
    for rid, before in old["rows"].items():
        if rid not in new["rows"]:
            entries.append(_row_entry("indikator", rid, before, None, before[0], None, level))
    if old["tercetak_rata_rata"] != new["tercetak_rata_rata"] or old["tercetak_predikat"] != new["tercetak_predikat"]:
        lama = " · ".join(p for p in (old["tercetak_rata_rata"], old["tercetak_predikat"]) if p) or None
        baru = " · ".join(p for p in (new["tercetak_rata_rata"], new["tercetak_predikat"]) if p) or None
        entries.append({"jenis": "tercetak", "indikator_id": None, "indikator": None, "lama": lama, "baru": baru, **level})
    if old["kebijakan"] != new["kebijakan"]:
        moved = [
            (rid, old["rows"][rid], row)
            for rid, row in new["rows"].items()
            if rid in old["rows"] and (old["rows"][rid][_C], old["rows"][rid][_PR]) != (row[_C], row[_PR])
        ]
        if moved or level["rata_rata_lama"] != level["rata_rata_baru"]:
            entries.append({"jenis": "kebijakan", "indikator_id": None, "indikator": None, "lama": None, "baru": None, **level})
    return entries


def _report_level(old: Snap | None, new: Snap | None) -> dict[str, Any]:
    return {
        "rata_rata_lama": old["rata_rata"] if old else None,
        "rata_rata_baru": new["rata_rata"] if new else None,
        "predikat_laporan_lama": old["predikat"] if old else None,
        "predikat_laporan_baru": new["predikat"] if new else None,
    }


def _row_entry(
    jenis: str, rid: str, before: list[Any] | None, after: list[Any] | None, lama: Any, baru: Any, level: dict[str, Any]
) -> dict[str, Any]:
    return {
        "jenis": jenis,
        "indikator_id": rid,
        "indikator": (after or before or [None])[0],
        "lama": lama,
        "baru": baru,
        "capaian_lama": before[_C] if before else None,
        "capaian_baru": after[_C] if after else None,
        "predikat_lama": before[_PR] if before else None,
        "predikat_baru": after[_PR] if after else None,
        **level,
    }

"""Part K of N of all official documents (`kinerja dokumen --bagian K/N`, a CI matrix job:
.github/workflows/terbitkan.yml).

A part is a set of whole agencies, known from the data folder's listing before any file is
read: each agency folder (data/<region>/<agency>/) weighs the bytes of its year files (its
reports, indicators and so its pages grow with them), and the agencies go, heaviest first,
to the part with the least weight so far (ties: the lower part; equal weights: in the order
of their keys). The same checkout gives the same parts in every job, and together they hold
every agency exactly once. A part then reads, checks and computes only its own agencies
(check.check with ``agencies``: data/site.yml, the holiday calendars and the regions' files
are read by every part), so its cost follows its share of the data, not the whole of it.

There may be more parts than agencies: a part with no agency has nothing to do and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.core.layout import HOLIDAYS_DIR, POSITIONS_DIR, PPID_DIR, yaml_files


def _visible_dirs(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))
    except OSError:
        return []


def _year_bytes(agency_dir: Path) -> int:
    """The bytes of the agency's year files (data/<region>/<agency>/<year>/*.yml)."""
    total = 0
    for folder in _visible_dirs(agency_dir):
        if folder.name in (POSITIONS_DIR, PPID_DIR):
            continue
        total += sum(f.stat().st_size for f in yaml_files(folder))
    return total


def agency_weights(data_dir: Path) -> dict[str, int]:
    """Every agency folder's key ("region/agency", as AgencyRecord.key) and weight, from the
    listing alone (a folder the check will refuse is listed too: its part reports it)."""
    return {
        f"{region.name}/{agency.name}": _year_bytes(agency)
        for region in _visible_dirs(data_dir)
        if region.name != HOLIDAYS_DIR
        for agency in _visible_dirs(region)
    }


def assign(weights: dict[str, int], parts: int) -> list[list[str]]:
    """The agencies of each of ``parts`` parts (longest processing time first): each part's
    keys in the order of the data."""
    loads = [0] * parts
    chosen: list[list[str]] = [[] for _ in range(parts)]
    for key in sorted(weights, key=lambda k: (-weights[k], k)):
        lightest = min(range(parts), key=lambda i: (loads[i], i))
        loads[lightest] += weights[key]
        chosen[lightest].append(key)
    return [sorted(keys) for keys in chosen]


@dataclass
class Plan:
    """Part ``part`` of ``parts``: ``agencies`` (keys) of ``all_agencies`` agency folders,
    with ``weight`` bytes of year files of ``total_weight``."""

    part: int
    parts: int
    agencies: list[str]
    all_agencies: int
    weight: int
    total_weight: int

    @classmethod
    def of(cls, data_dir: Path, part: int, parts: int) -> Plan:
        weights = agency_weights(data_dir)
        keys = assign(weights, parts)[part - 1]
        return cls(part, parts, keys, len(weights), sum(weights[k] for k in keys), sum(weights.values()))

    def lead(self) -> str:
        """How the part's output line begins (benchmarks/matrix.py reads it)."""
        return f"Bagian {self.part}/{self.parts} ({len(self.agencies)} dari {self.all_agencies} perangkat daerah): "

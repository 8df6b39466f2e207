"""Part K of N of all official documents (`kinerja dokumen --bagian K/N`, a CI matrix job:
.github/workflows/terbitkan.yml).

All documents in their fixed order (make.all_documents) are cut into N contiguous slices
whose sizes differ by at most one. A part knows where its slice lies before anything is
computed: how many documents each agency has follows from the data as read (``planned``),
so a part checks and computes only the agencies its slice touches (check.check with
``agencies``), the same in every job. After computing, each of those agencies' documents
are counted again; a difference is a bug here, never a reason to make other documents.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from generator.documents.make import Dokumen, position_documents
from generator.render.siteindex import SiteIndex
from generator.validate.dataset import AgencyRecord, Dataset, PositionRecord


def bounds(total: int, part: int, parts: int) -> tuple[int, int]:
    """[start, end) of part ``part`` of ``parts`` (1-based) of ``total`` documents."""
    return (part - 1) * total // parts, part * total // parts


def part_of(docs: list, part: int, parts: int) -> list:
    """Part ``part`` of ``parts`` (1-based) of ``docs``: contiguous slices in their order,
    together each document exactly once, sizes differing by at most one."""
    start, end = bounds(len(docs), part, parts)
    return docs[start:end]


def planned(pos: PositionRecord) -> int:
    """How many documents the position has once its reports are computed, from the data as
    read (render/dokumen.official_documents: per year, the Perjanjian Kinerja when it has
    one, the IKI sheet when it has one and a Laporan Kinerja per report). It holds for
    data without errors: a year file with an error has no computed report."""
    return sum(bool(y.model.perjanjian_kinerja) + (y.model.iki is not None) + len(y.model.laporan) for y in pos.years.values())


def _positions(agency: AgencyRecord, jabatan: Collection[str] | None) -> list[PositionRecord]:
    return [p for p in agency.positions.values() if not jabatan or p.id in jabatan]


@dataclass
class Plan:
    """Where part ``part`` of ``parts`` lies: documents [start, end) of ``total``, and
    ``offsets``: the first document of every agency it touches (by AgencyRecord.key)."""

    part: int
    parts: int
    total: int
    start: int
    end: int
    offsets: dict[str, int]

    @classmethod
    def of(cls, dataset: Dataset, part: int, parts: int, jabatan: Collection[str] | None = None) -> Plan:
        """The plan of one part (``jabatan``: only these positions' documents, as --jabatan)."""
        counts = [(a.key, sum(planned(p) for p in _positions(a, jabatan))) for a in dataset.agencies()]
        total = sum(n for _key, n in counts)
        start, end = bounds(total, part, parts)
        offsets, at = {}, 0
        for key, n in counts:
            if n and start < end and at < end and start < at + n:
                offsets[key] = at
            at += n
        return cls(part, parts, total, start, end, offsets)

    def agencies(self, _dataset: Dataset | None = None) -> set[str]:
        """The keys of the agencies to check and compute (check.check's ``agencies``)."""
        return set(self.offsets)

    def documents(self, ix: SiteIndex, jabatan: Collection[str] | None = None) -> list[Dokumen]:
        """This part's documents, in their order, from the checked agencies' reports."""
        out: list[Dokumen] = []
        for region in ix.dataset.regions.values():
            for agency in region.agencies.values():
                first = self.offsets.get(agency.key)
                if first is None:
                    continue
                docs = [d for p in _positions(agency, jabatan) for d in position_documents(ix, region, agency, p)]
                expected = sum(planned(p) for p in _positions(agency, jabatan))
                if len(docs) != expected:
                    raise RuntimeError(f"{agency.key}: {len(docs)} documents made from the reports, {expected} planned")
                out += docs[max(0, self.start - first) : self.end - first]
        return out

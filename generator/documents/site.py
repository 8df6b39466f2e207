"""The official documents in the site (the site stage calls this, generator/site/compose.py):
each agency's PDF and DOCX files, made in the agency's job (public copies: NIPs as the site
shows them), and the Jinja global ``dokumen`` that lists a position's documents for its
page (templates/_dokumen.md.j2).

Each agency's job appends one line to build/cache/dokumen-cpu.txt (the ledger, emptied
when a build starts): the CPU seconds spent on its documents (in the worker and its Typst
helper), how many it made, how many it took from the cache and how many of those by a key
a `kinerja dokumen` run listed (keys.py: their contents were not computed). The build sums
the seconds into its stage timings (build/cache/waktu.json, key ``CPU_KEY``);
benchmarks/run.py reads both, and the counts show that a build after `kinerja dokumen
--bagian K/N --cache-saja` (a CI matrix) made no document itself and computed no content."""

from __future__ import annotations

from pathlib import Path

from generator.core import fmt
from generator.documents import keys
from generator.documents.make import Commit, Dokumen, Maker, position_documents
from generator.render.siteindex import SiteIndex
from generator.validate.dataset import AgencyRecord, RegionRecord


def label(d: Dokumen) -> str:
    tahun = "tanpa tahun" if d.year.tahun is None else str(d.year.tahun)
    if d.jenis == "lkj" and d.entry is not None:
        return f"Laporan Kinerja {fmt.periode(d.entry.res.tahun, d.entry.res.triwulan)}"
    if d.jenis == "pk":
        pk = d.year.model.perjanjian_kinerja[-1]
        return f"Perjanjian Kinerja {tahun}" + (" (perubahan)" if pk.versi == "perubahan" else "")
    return f"Indikator Kinerja Individu {tahun}"


CPU_KEY = "Dokumen resmi (CPU)"
LEDGER = "dokumen-cpu.txt"  # beside the documents' cache folder, build/cache/dokumen


def cpu_ledger(build_dir: Path) -> Path:
    return build_dir / "cache" / LEDGER


def ledger_totals(ledger: Path) -> dict[str, float] | None:
    """What ``ledger`` recorded this build: ``cpu`` seconds, documents ``made``,
    ``reused`` and ``listed`` (None when no document was asked for). A line cut short by a
    killed worker is left out."""
    try:
        lines = ledger.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    total = {"cpu": 0.0, "made": 0, "reused": 0, "listed": 0}
    for line in lines:
        try:
            cpu, made, reused, listed = line.split()
            counts = int(made), int(reused), int(listed)
            total["cpu"] += float(cpu)
        except ValueError:
            continue
        for name, count in zip(("made", "reused", "listed"), counts, strict=True):
            total[name] += count
    total["cpu"] = round(total["cpu"], 2)
    return total


def cpu_seconds(ledger: Path) -> float | None:
    """The CPU seconds recorded in ``ledger`` this build (None when no document was asked for)."""
    totals = ledger_totals(ledger)
    return None if totals is None else totals["cpu"]


class SiteDocuments:
    """``cache``: the folder of made documents (build/cache/dokumen); ``commit``: the data
    commit written into each document's properties, or where each finds its own
    (check.revision.DataCommits, what the build passes)."""

    def __init__(self, ix: SiteIndex, env, cache: Path | None, commit: Commit, data_dir: Path | None = None):
        self.ix = ix
        self.maker = Maker(cache)
        self.last_keys: list[str] = []
        self.commit = commit
        env.globals["dokumen"] = self
        if cache is not None and data_dir is not None:  # keys a `kinerja dokumen` run listed on these inputs
            self.maker.known = keys.read(cache, data_dir, self.maker.salt(), commit, ix.tampilan_nip, ix.data_per)

    def agency_files(self, region: RegionRecord, agency: AgencyRecord) -> dict[str, bytes]:
        """The agency's documents; their cache keys are then ``last_keys`` (kept with the
        agency's other facts, so that a build that skips the agency still knows them:
        site/cache.prune_agencies_caches)."""
        docs = [d for pos in agency.positions.values() for d in position_documents(self.ix, region, agency, pos)]
        m = self.maker
        before = m.cpu, m.made, m.reused, m.listed
        first = len(m.keys)
        files = m.files(docs, self.ix.tampilan_nip, self.commit, self.ix.data_per)
        if m.cache is not None:  # one short line, appended whole (O_APPEND): workers share the file
            m.cache.parent.mkdir(parents=True, exist_ok=True)
            with open(m.cache.parent / LEDGER, "a", encoding="ascii") as f:
                f.write(f"{m.cpu - before[0]:.4f} {m.made - before[1]} {m.reused - before[2]} {m.listed - before[3]}\n")
        self.last_keys = m.keys[first:]
        return files

    def position(self, region_id: str, agency_id: str, position_id: str) -> list[dict[str, str]]:
        """The position's documents, newest first: label and the docs paths of PDF and DOCX."""
        region = self.ix.dataset.regions[region_id]
        agency = region.agencies[agency_id]
        docs = position_documents(self.ix, region, agency, agency.positions[position_id])
        order = {"lkj": 0, "pk": 1, "iki": 2}
        docs.sort(key=lambda d: (d.year.tahun is not None, d.year.tahun or 0, -order[d.jenis], d.triwulan or 0), reverse=True)
        return [{"label": label(d), "pdf": d.path("pdf"), "docx": d.path("docx")} for d in docs]

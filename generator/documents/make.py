"""Which official documents the data holds, and making them (PDF and DOCX), each only when
its content or the templates/engine changed.

Per position and year: the Perjanjian Kinerja in force (when the year has one), the IKI
sheet (when it has one) and the Laporan Kinerja of every computed report. Each document's
content is plain JSON (lkj.py, pk_iki.py); its cache key is the sha256 of that JSON, the
kind, the templates, the Typst version and this package's code. Entries
are sealed with the sha256 of their bytes and used only when they verify (as the site's
caches, generator/site/integrity.py): a damaged entry is simply made again. A key listed by
an earlier run on the same inputs (keys.py) is taken without computing the content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check import ReportEntry
from generator.check.revision import DataCommits
from generator.core import addresses
from generator.core.fingerprint import code_digest, versions
from generator.core.layout import POSITIONS_DIR
from generator.documents import pdf, word
from generator.documents.lkj import lkj_content
from generator.documents.pk_iki import iki_content, pk_content
from generator.render.dokumen import official_documents
from generator.render.siteindex import SiteIndex
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord, YearRecord

MAGIC = b"kinerja-dokumen-1\n"
Commit = str | DataCommits | None  # one commit for every document, or each its own (DataCommits)


@dataclass(frozen=True)
class Dokumen:
    """One official document of a position: ``jenis`` lkj | pk | iki."""

    jenis: str
    region: RegionRecord
    agency: AgencyRecord
    position: PositionRecord
    year: YearRecord
    entry: ReportEntry | None = None  # the report, for an LKj

    @property
    def triwulan(self) -> int | None:
        return self.entry.res.triwulan if self.entry else None

    def path(self, ext: str) -> str:
        return addresses.dokumen(
            self.region.id, self.agency.id, self.position.id, self.jenis, self.year.tahun, self.triwulan, ext
        )

    def inputs(self) -> tuple[Path, ...]:
        """The data files its content is made from, besides data/site.yml: the region's and
        the agency's files, the agency's positions (the organisation chart names the
        superior and the subordinates) and the position's year file."""
        agency_file = self.agency.doc.path
        return (self.region.doc.path, agency_file, agency_file.parent / POSITIONS_DIR, self.year.doc.path)

    def content(self, tampilan: str, commit: Commit, on: dt.date) -> dict[str, Any]:
        """``commit``: the data commit for its properties, or where to find it (DataCommits)."""
        if isinstance(commit, DataCommits):
            commit = commit.of(self.inputs())
        args = (self.region, self.agency, self.position, self.year)
        if self.entry is not None:
            return lkj_content(*args, self.entry.laporan, self.entry.res, tampilan, commit, on)
        if self.jenis == "pk":
            return pk_content(*args, tampilan, commit, on)
        return iki_content(*args, tampilan, commit, on)


def position_documents(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, pos: PositionRecord) -> list[Dokumen]:
    """Every document of the position (the rule: render/dokumen.official_documents)."""
    reports = ix.reports_of(agency, pos.id)
    return [Dokumen(jenis, region, agency, pos, year, e) for jenis, year, e in official_documents(pos, reports)]


def all_documents(ix: SiteIndex) -> Iterator[Dokumen]:
    for region in ix.dataset.regions.values():
        for agency in region.agencies.values():
            for pos in agency.positions.values():
                yield from position_documents(ix, region, agency, pos)


def _seal(data: bytes) -> bytes:
    return MAGIC + hashlib.sha256(data).digest() + data


def _unseal(blob: bytes) -> bytes | None:
    start = len(MAGIC) + 32
    if not blob.startswith(MAGIC) or len(blob) < start:
        return None
    data = blob[start:]
    return data if hashlib.sha256(data).digest() == blob[len(MAGIC) : start] else None


@dataclass
class Maker:
    """Makes documents, through a cache folder when given one. ``made`` / ``reused``
    count documents (a PDF and its DOCX are one)."""

    cache: Path | None = None
    made: int = 0
    reused: int = 0
    listed: int = 0  # of the reused: found by a listed key (keys.py), no content computed
    remade: list[str] = field(default_factory=list)  # the PDF paths made this run (benchmark)
    keys: list[str] = field(default_factory=list)  # the cache key of every document asked for, in order
    cpu: float = 0.0  # CPU seconds spent in ``files``, this process' and its Typst helper's
    known: dict[str, str] = field(default_factory=dict)  # docs path of a PDF → its key, listed on the same inputs (keys.py)
    _salt: str = ""

    def salt(self) -> str:
        if not self._salt:
            self._salt = hashlib.sha256(
                "\n".join([pdf.engine_version(), versions("typst"), code_digest("documents")]).encode()
            ).hexdigest()
        return self._salt

    def _get(self, key: str) -> tuple[bytes, bytes] | None:
        if self.cache is None:
            return None
        got = []
        for ext in ("pdf", "docx"):
            try:
                data = _unseal((self.cache / key[:2] / f"{key}.{ext}").read_bytes())
            except OSError:
                return None
            if data is None:
                return None
            got.append(data)
        return got[0], got[1]

    def _put(self, key: str, pdf_data: bytes, docx_data: bytes) -> None:
        if self.cache is None:
            return
        folder = self.cache / key[:2]
        folder.mkdir(parents=True, exist_ok=True)
        for ext, data in (("pdf", pdf_data), ("docx", docx_data)):
            final = folder / f"{key}.{ext}"
            tmp = folder / f".{key}.{ext}.{os.getpid()}.tmp"
            tmp.write_bytes(_seal(data))
            os.replace(tmp, final)  # workers may write the same entry: each renames its own

    def _listed(self, path: str) -> tuple[bytes, bytes] | None:
        """The entry of a document whose key an earlier run listed (keys.py), when it verifies."""
        key = self.known.get(path)
        hit = self._get(key) if key is not None else None
        if key is not None and hit is not None:
            self.keys.append(key)
            self.reused += 1
            self.listed += 1
        return hit

    def make(self, jenis: str, content: dict[str, Any], label: str = "") -> tuple[bytes, bytes]:
        """(PDF, DOCX) of one document's content."""
        text = pdf.as_json(content)
        key = hashlib.sha256(f"{self.salt()}\n{jenis}\n{text}".encode()).hexdigest()
        self.keys.append(key)
        hit = self._get(key)
        if hit is not None:
            self.reused += 1
            return hit
        made = pdf.pdf_bytes(jenis, content), word.docx_bytes(jenis, content)
        self._put(key, *made)
        self.made += 1
        self.remade.append(label)
        return made

    def files(self, docs: list[Dokumen], tampilan: str, commit: Commit, on: dt.date) -> dict[str, bytes]:
        """Docs-relative path → bytes of every document in ``docs``, PDF and DOCX."""
        out: dict[str, bytes] = {}
        for d, (pdf_data, docx_data) in self._made(docs, tampilan, commit, on):
            out[d.path("pdf")] = pdf_data
            out[d.path("docx")] = docx_data
        return out

    def fill(self, docs: list[Dokumen], tampilan: str, commit: Commit, on: dt.date) -> None:
        """Every document of ``docs`` made or verified in the cache, none kept in memory
        (`kinerja dokumen --cache-saja`: a part of the documents made for a later build)."""
        for _made in self._made(docs, tampilan, commit, on):
            pass

    def _made(
        self, docs: list[Dokumen], tampilan: str, commit: Commit, on: dt.date
    ) -> Iterator[tuple[Dokumen, tuple[bytes, bytes]]]:
        started, helper = time.process_time(), pdf.helper_cpu
        try:
            for d in docs:
                listed = self._listed(d.path("pdf"))
                yield d, listed if listed is not None else self.make(d.jenis, d.content(tampilan, commit, on), d.path("pdf"))
        finally:
            self.cpu += time.process_time() - started + pdf.helper_cpu - helper

    def prune(self, keep: set[str]) -> int:
        """Remove every entry of the cache whose key is not in ``keep`` (the keys of every
        document of the site just built), so that the cache stays the size of one site
        instead of growing by the changed documents of every build; how many documents
        (PDF and DOCX pairs) were removed. The key lists (keys.py) are not touched."""
        if self.cache is None or not self.cache.is_dir():
            return 0
        removed = set()
        for folder in self.cache.iterdir():
            if not (len(folder.name) == 2 and folder.is_dir() and all(c in "0123456789abcdef" for c in folder.name)):
                continue
            for entry in folder.iterdir():
                key = entry.name.split(".")[0] if not entry.name.startswith(".") else ""
                if key not in keep and (entry.suffix in (".pdf", ".docx") or entry.name.endswith(".tmp")):
                    entry.unlink(missing_ok=True)
                    removed.add(key)
            if not any(folder.iterdir()):
                folder.rmdir()
        return len(removed - {""})

    def copy_entries(self, folder: Path) -> int:
        """Copy the cache entries of every document asked for so far (sealed, as in the
        cache) into ``folder`` in the cache's layout, to be merged into another build's
        cache (a CI artifact); how many documents were copied."""
        if self.cache is None:
            raise ValueError("no cache to copy from")
        keys = dict.fromkeys(self.keys)
        for key in keys:
            (folder / key[:2]).mkdir(parents=True, exist_ok=True)
            for ext in ("pdf", "docx"):
                shutil.copyfile(self.cache / key[:2] / f"{key}.{ext}", folder / key[:2] / f"{key}.{ext}")
        return len(keys)

"""open_data_files: every open-data file of the site (docs-relative path → bytes), in a dict
or in the mapping the caller passes (the build writes them straight to disk).

Downloads per scope, each row written as few times as the pages need it:

- position (all its periods): indicator CSV, report-summary CSV, budget CSV (where there
  is a budget), XLSX with every sheet, and a JSON bundle (`kinerja compute --json` shape).
  One period of a position has no files of its own: its JSON is the API report document,
  its CSV and XLSX links lead to the position's files (paths.download_links).
- unit, agency: the CSVs and an XLSX with every sheet; JSON is the scope's API document.
- region, whole dataset: the CSVs and an XLSX with the Ringkasan sheet only (and Jabatan
  for the whole dataset); indicator and budget rows are in the CSVs. JSON is the API
  document; the whole dataset adds the Data Package and one zip.
- the static API with its schemas.

So a province site (thousands of positions × periods) stays at a size a static host
accepts. Reads only the CheckResult and no clock; writes only through ``files``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import MutableMapping

from ..compute import measured_indicators, walk_indicators
from ..policy import DEFAULT
from ..serialize import SCHEMA_VERSION, policy_dict, report_dict
from . import package, paths, tables
from .api import ApiBuilder, definition
from .csvfile import csv_bytes
from .provenance import Provenance
from .schemas import schemas
from .scopes import Scope, build_scopes
from .xlsxfile import Sheet, xlsx_bytes


def _json(doc) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class _Rows:
    """Table rows per report / per definition year, built once and shared by all scopes."""

    def __init__(self, common: dict):
        self.common = common
        self._cache: dict[int, tuple[list, list, list]] = {}

    def _of(self, e) -> tuple[list, list, list]:
        key = id(e)
        if key not in self._cache:
            self._cache[key] = (tables.ringkasan_rows([e], self.common), tables.indikator_rows([e], [], self.common),
                                tables.anggaran_rows([e], self.common))
        return self._cache[key]

    def _defs(self, d) -> list:
        key = id(d)
        if key not in self._cache:
            self._cache[key] = ([], tables.indikator_rows([], [d], self.common), [])
        return self._cache[key][1]

    def scope(self, s: Scope) -> dict[str, list[dict]]:
        out = {"ringkasan": [], "indikator": [], "anggaran": []}
        for e in s.entries:
            ring, ind, ang = self._of(e)
            out["ringkasan"] += ring
            out["indikator"] += ind
            out["anggaran"] += ang
        for d in s.definitions:
            out["indikator"] += self._defs(d)
        return out


def _provenance(result, s: Scope, commit: str | None, site_url: str | None) -> Provenance:
    situs = result.dataset.situs
    return Provenance(judul=s.judul, pembuat=s.pembuat, penerbit=situs.judul, data_per=situs.data_per,
                      lisensi=situs.lisensi, commit=commit, halaman=s.halaman, api=s.api, site_url=site_url,
                      sumber=s.sources())


def _bundle(s: Scope, prov: Provenance) -> dict:
    """A position's JSON download: the `kinerja compute --json` document for all its reports,
    plus provenance and the indicator definitions of its years without a report. (Larger
    scopes link their API document instead; one period's JSON is its API report.)"""
    return {
        "schema": SCHEMA_VERSION, "data_per": prov.data_per.isoformat(), "kebijakan_bawaan": policy_dict(DEFAULT),
        "cakupan": {"jenis": s.kind, "wilayah": s.region, "perangkat_daerah": s.agency, "id": s.id},
        "provenans": prov.as_dict(),
        "laporan": [report_dict(e.region.id, e.agency.id, e.position.id, e.res) for e in s.entries],
        "definisi_indikator": [
            {"wilayah": d.region.id, "perangkat_daerah": d.agency.id, "jabatan": d.position.id, "tahun": d.year.tahun,
             "sumber_indikator": tables.indicator_source(d.year),
             "indikator": [definition(i, p) for i, p, _ in walk_indicators(measured_indicators(d.year.model))]}
            for d in s.definitions],
    }


# Workbooks of these scopes hold one row per report (and the Jabatan table): their
# indicator and budget rows, repeated from every agency's files, are in the CSVs only.
SUMMARY_ONLY = ("semua", "wilayah")


def _csv_note(s: Scope, links: dict[str, str], budget: bool) -> str:
    """Notes-sheet text of a summary-only workbook: where its indicator and budget rows are."""
    name = lambda key: links[key].rsplit("/", 1)[-1]  # noqa: E731
    held = "satu baris per laporan (lembar Ringkasan)" + (" dan satu baris per jabatan (lembar Jabatan)"
                                                          if s.kind == "semua" else "")
    where = (f"Baris per indikator ada di berkas CSV {name('csv')} dan baris per pos anggaran di berkas CSV "
             f"{name('csv_anggaran')}; keduanya dapat diunduh dari halaman yang sama." if budget else
             f"Baris per indikator ada di berkas CSV {name('csv')}, yang dapat diunduh dari halaman yang sama.")
    return (f"Lembar kerja ini hanya memuat {held}. {where} Berkas XLSX setiap perangkat daerah, unit kerja, "
            "dan jabatan memuat juga lembar Indikator dan, bila ada anggaran, lembar Anggaran.")


def xlsx_serial(jobs: list[tuple[list[Sheet], list[tuple[str, str]], object]]) -> list[bytes]:
    return [xlsx_bytes(*job) for job in jobs]


def open_data_files(result, *, commit: str | None = None, site_url: str | None = None,
                    xlsx_many=xlsx_serial, files: MutableMapping[str, bytes] | None = None) -> MutableMapping[str, bytes]:
    """Every open-data file, docs-relative path → bytes. ``commit``: `git rev-parse HEAD`
    of the data (None when unknown); ``site_url``: the site's public address, if known
    (used in citations and schema ids; all links stay site-relative). ``xlsx_many`` turns
    a list of ``xlsx_bytes`` argument tuples into workbooks, in order: the build stage
    passes one that caches them by content and spreads them over all cores
    (generator/incremental.py); workbooks are most of the cost. ``files``: where to put
    the files (default: a new dict); the build passes build.DocsWriter, which writes each
    file to disk at once instead of holding a province's downloads in memory."""
    ds = result.dataset
    common = {"data_per": ds.situs.data_per, "lisensi": ds.situs.lisensi, "commit": commit}
    scopes = build_scopes(result)
    rows = _Rows(common)
    files = {} if files is None else files
    workbooks: list[tuple[str, tuple]] = []
    provs: dict[tuple, Provenance] = {}
    for s in scopes:
        prov = provs[s.key] = _provenance(result, s, commit, site_url)
        if s.tahun is not None:
            continue  # one period: the API report document; CSV and XLSX are the position's
        t = rows.scope(s)
        links = s.links()
        files[links["csv"]] = csv_bytes(tables.INDIKATOR, t["indikator"])
        files[links["csv_ringkasan"]] = csv_bytes(tables.RINGKASAN, t["ringkasan"])
        if t["anggaran"]:
            files[links["csv_anggaran"]] = csv_bytes(tables.ANGGARAN, t["anggaran"])
        sheets = [Sheet("Ringkasan", tables.RINGKASAN, t["ringkasan"])]
        notes = prov.as_rows()
        if s.kind in SUMMARY_ONLY:
            notes.insert(1, ("Baris indikator dan anggaran", _csv_note(s, links, bool(t["anggaran"]))))
        else:
            sheets.append(Sheet("Indikator", tables.INDIKATOR, t["indikator"]))
            if t["anggaran"]:
                sheets.append(Sheet("Anggaran", tables.ANGGARAN, t["anggaran"]))
        if s.kind == "semua":
            positions = [(r, a, p) for r in ds.regions.values() for a in r.agencies.values() for p in a.positions.values()]
            counts = Counter(f"{e.agency.key}/{e.position.id}" for e in s.entries)
            jab = tables.jabatan_rows(positions, counts, ds.situs.data_per)
            files[links["csv_jabatan"]] = csv_bytes(tables.JABATAN, jab)
            sheets.append(Sheet("Jabatan", tables.JABATAN, jab))
        workbooks.append((links["xlsx"], (sheets, notes, ds.situs.data_per)))
        if links["json"] != links["api"]:  # a position: its bundle; larger scopes: the API document
            files[links["json"]] = _json(_bundle(s, prov))
    for (path, _job), data in zip(workbooks, xlsx_many([job for _path, job in workbooks])):
        files[path] = data

    known = set(files) | {s.api for s in scopes}  # once: a province has ~100,000 files and ~15,000 scopes

    def links_of(s: Scope) -> dict[str, str]:
        return s.links(known)

    api = ApiBuilder(result, scopes, links_of, lambda s: provs[s.key].as_dict(), site_url, commit)
    for path, doc in api.documents().items():
        files[path] = _json(doc)
    for name, schema in schemas(site_url).items():
        files[paths.api_schema(name)] = _json(schema)

    whole = provs[scopes[0].key]
    has_budget = paths.download_links("semua")["csv_anggaran"] in files
    names = ["jabatan", "ringkasan", "indikator"] + (["anggaran"] if has_budget else [])
    files[paths.DATAPACKAGE] = package.dumps(package.datapackage(whole, ds.situs.deskripsi, names, site_url))
    files[paths.ZIP] = package.zip_all(files, whole)
    return dict(sorted(files.items())) if isinstance(files, dict) else files

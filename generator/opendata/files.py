"""open_data_files: every open-data file of the site, in memory (docs-relative path → bytes).

Downloads per scope (whole dataset, region, agency, unit, position, position-period):
indicator CSV, report-summary CSV, budget CSV (where there is a budget), XLSX, JSON;
the whole dataset also as a Data Package and one zip; the static API with its schemas.
Pure: reads only the CheckResult, writes nothing, reads no clock.
"""

from __future__ import annotations

import json
from collections import Counter

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
    """A scope's JSON download: the `kinerja compute --json` document for its reports, plus
    provenance and the indicator definitions of position-years without a report."""
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


def open_data_files(result, *, commit: str | None = None, site_url: str | None = None) -> dict[str, bytes]:
    """Every open-data file, docs-relative path → bytes. ``commit``: `git rev-parse HEAD`
    of the data (None when unknown); ``site_url``: the site's public address, if known
    (used in citations and schema ids; all links stay site-relative)."""
    ds = result.dataset
    common = {"data_per": ds.situs.data_per, "lisensi": ds.situs.lisensi, "commit": commit}
    scopes = build_scopes(result)
    rows = _Rows(common)
    # positions whose only content is one report: their period workbook is the position's
    single = {(s.region, s.agency, s.id): len(s.entries) == 1 and not s.definitions
              for s in scopes if s.kind == "jabatan" and s.tahun is None}
    files: dict[str, bytes] = {}
    provs: dict[tuple, Provenance] = {}
    for s in scopes:
        prov = provs[s.key] = _provenance(result, s, commit, site_url)
        t = rows.scope(s)
        links = s.links()
        files[links["csv"]] = csv_bytes(tables.INDIKATOR, t["indikator"])
        files[links["csv_ringkasan"]] = csv_bytes(tables.RINGKASAN, t["ringkasan"])
        sheets = [Sheet("Ringkasan", tables.RINGKASAN, t["ringkasan"]), Sheet("Indikator", tables.INDIKATOR, t["indikator"])]
        if t["anggaran"]:
            files[links["csv_anggaran"]] = csv_bytes(tables.ANGGARAN, t["anggaran"])
            sheets.append(Sheet("Anggaran", tables.ANGGARAN, t["anggaran"]))
        if s.kind == "semua":
            positions = [(r, a, p) for r in ds.regions.values() for a in r.agencies.values() for p in a.positions.values()]
            counts = Counter(f"{e.agency.key}/{e.position.id}" for e in s.entries)
            jab = tables.jabatan_rows(positions, counts, ds.situs.data_per)
            files[links["csv_jabatan"]] = csv_bytes(tables.JABATAN, jab)
            sheets.append(Sheet("Jabatan", tables.JABATAN, jab))
        if not (s.tahun and single[(s.region, s.agency, s.id)]):
            files[links["xlsx"]] = xlsx_bytes(sheets, prov.as_rows(), ds.situs.data_per)
        if links["json"] != links["api"]:
            files[links["json"]] = _json(_bundle(s, prov))

    api_paths = {s.api for s in scopes}

    def links_of(s: Scope) -> dict[str, str]:
        return s.links(files.keys() | api_paths)

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
    return dict(sorted(files.items()))

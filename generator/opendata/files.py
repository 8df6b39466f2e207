"""OpenData / open_data_files: every open-data file of the site (docs-relative path →
bytes), in a dict or in the mapping the caller passes (the build writes them straight to
disk), one agency at a time and then what depends on all of them.

Downloads per scope, each row written as few times as its users need it (issue 21):

- position (all its periods), for the citizen who wants one position's table: its
  indicator CSV and an XLSX with every sheet. Its report-summary and budget rows are in
  its agency's CSVs; its JSON is its API document (with one API document per report).
  One period of a position has no files of its own: its JSON is the API report document,
  its CSV and XLSX links lead to the position's files (addresses.download_links).
- agency: the indicator, report-summary and budget (where there is a budget) CSVs and an
  XLSX with every sheet; JSON is its API document.
- unit, region: no files of their own (they were exact subsets or concatenations of the
  agencies' files): their links lead to the agency's, respectively the whole dataset's,
  files, filtered by the unit_id or wilayah_id column (render/downloads.held_links).
- whole dataset, for the analyst: the CSVs (and the positions' table) and an XLSX with
  the Ringkasan and Jabatan sheets only; indicator and budget rows are in the CSVs. JSON
  is the API index; the Data Package and one zip.
- the static API with its schemas (one document per region, agency, unit, position and
  report: unchanged).

So a province site (thousands of positions × periods) stays at a size a static host
accepts. Reads only the CheckResult and no clock; writes only through ``files``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, MutableMapping

from generator.compute.serialize import dumps
from generator.core import addresses
from generator.opendata import columns, package, tables
from generator.opendata.api import ApiBuilder
from generator.opendata.csvfile import csv_bytes
from generator.opendata.provenance import CommitOf, Provenance, commit_of
from generator.opendata.schemas import schemas
from generator.opendata.scopes import Scope, build_scopes
from generator.render.downloads import held_links
from generator.render.workbook import Column, Sheet, XlsxJob, xlsx_bytes


def _json(doc) -> bytes:
    """A JSON file: figures with their exact digits, never binary floats (serialize.dumps)."""
    return (dumps(doc) + "\n").encode("utf-8")


class _Rows:
    """Table rows per report and per definition year, made once and shared by the scopes
    of one pass (an agency's position, unit and agency files hold the same reports)."""

    MAKE = {
        "ringkasan": tables.ringkasan_rows,
        "indikator": lambda es, c: tables.indikator_rows(es, [], c),
        "anggaran": tables.anggaran_rows,
    }

    def __init__(self, common: Callable[[str, str], dict]):
        self.common = common  # the columns every row of an agency carries (its data commit among them)
        self._cache: dict[tuple[str, int], list[dict]] = {}

    def _of(self, table: str, item) -> list[dict]:
        key = (table, id(item))
        if key not in self._cache:
            if isinstance(item, tables.Definitions):  # a year without reports: indicator rows only
                rows = (
                    tables.indikator_rows([], [item], self.common(item.region.id, item.agency.id)) if table == "indikator" else []
                )
            else:
                rows = self.MAKE[table]([item], self.common(item.region.id, item.agency.id))
            self._cache[key] = rows
        return self._cache[key]

    def scope(self, s: Scope, table: str) -> tuple[list[dict], list[dict]]:
        """One table's rows of a scope: those of its reports, then those of its definitions."""
        return ([r for e in s.entries for r in self._of(table, e)], [r for d in s.definitions for r in self._of(table, d)])


def _csv(columns, *parts: list[dict]) -> list[bytes]:
    """A CSV as its header and one body per part, every row encoded once: joined, they are
    csv_bytes(columns, all rows); apart, the agencies' bodies make the region's and the
    whole dataset's CSVs."""
    head = csv_bytes(columns, [])
    return [head] + [csv_bytes(columns, rows)[len(head) :] for rows in parts]


def _provenance(ds, s: Scope, commit: CommitOf, site_url: str | None) -> Provenance:
    situs = ds.situs
    return Provenance(
        judul=s.judul,
        pembuat=s.pembuat,
        penerbit=situs.judul,
        data_per=situs.data_per,
        lisensi=situs.lisensi,
        commit=commit(s.region, s.agency),
        halaman=s.halaman,
        api=s.api,
        site_url=site_url,
        sumber=s.sources(),
    )


# Workbooks of these scopes hold one row per report (and the Jabatan table): their
# indicator and budget rows, repeated from every agency's files, are in the CSVs only.
SUMMARY_ONLY = ("semua",)
# Scopes with download files of their own, and the tables each writes (issue 21): units and
# regions have none (render/downloads.held_links), a position its indicator CSV and XLSX.
OWN_TABLES = {
    "semua": ("indikator", "ringkasan", "anggaran"),
    "perangkat_daerah": ("indikator", "ringkasan", "anggaran"),
    "jabatan": ("indikator",),
}


def _csv_note(s: Scope, links: dict[str, str], budget: bool) -> str:
    """Notes-sheet text of a summary-only workbook: where its indicator and budget rows are."""
    name = lambda key: links[key].rsplit("/", 1)[-1]  # noqa: E731
    held = "satu baris per laporan (lembar Ringkasan)" + (
        " dan satu baris per jabatan (lembar Jabatan)" if s.kind == "semua" else ""
    )
    where = (
        f"Baris per indikator ada di berkas CSV {name('csv')} dan baris per pos anggaran di berkas CSV "
        f"{name('csv_anggaran')}; keduanya dapat diunduh dari halaman yang sama."
        if budget
        else f"Baris per indikator ada di berkas CSV {name('csv')}, yang dapat diunduh dari halaman yang sama."
    )
    return (
        f"Lembar kerja ini hanya memuat {held}. {where} Berkas XLSX setiap perangkat daerah "
        "dan jabatan memuat juga lembar Indikator dan, bila ada anggaran, lembar Anggaran."
    )


def _sheet(title: str, cols: list[Column], rows: list[dict]) -> Sheet:
    return Sheet(title, columns.in_workbook(cols), rows)


# Who the rows are about: in a position's workbook the same in every row (its region,
# agency, unit, title, holder), in an agency's the region and agency. Such a column is left
# out of the sheet and said once on the Catatan sheet (issue 21: fewer cells per workbook).
CONSTANT_CONTEXT = ("wilayah", "perangkat_daerah", "unit", "jabatan_id", "jabatan", "jenis_jabatan", "pemangku")
SAME_LABEL = "Sama di setiap baris"


def without_constant_context(sheets: list[Sheet]) -> tuple[list[Sheet], str | None]:
    """The sheets without the CONSTANT_CONTEXT columns that hold one and the same value in
    every row of every sheet with rows (an agency's Anggaran sheet may hold one position
    only: its Jabatan column stays, as it does on the other sheets); and the notes text that
    states those values ("Jabatan: Kepala Dinas; Unit kerja: –; …"), None when none."""
    values: dict[str, set] = {}
    titles: dict[str, str] = {}
    for sheet in sheets:
        for c in sheet.columns:
            if c.name in CONSTANT_CONTEXT and sheet.rows:
                titles[c.name] = c.title
                values.setdefault(c.name, set()).update(r.get(c.name) for r in sheet.rows)
    same = {name: next(iter(v)) for name, v in values.items() if len(v) == 1}
    out = [
        Sheet(s.title, [c for c in s.columns if c.name not in same], s.rows, s.widths, s.frozen_columns, s.wrap) for s in sheets
    ]
    text = "; ".join(f"{titles[n]}: {'–' if same[n] is None else same[n]}" for n in CONSTANT_CONTEXT if n in same)
    return out, text or None


def xlsx_serial(jobs: list[XlsxJob]) -> list[bytes]:
    return [xlsx_bytes(*job) for job in jobs]


TABLE_LINK = {"indikator": "csv", "ringkasan": "csv_ringkasan", "anggaran": "csv_anggaran"}  # table → download_links key


class OpenData:
    """Every open-data file, written into ``files`` in two passes:

    - ``agency``: one agency's files: CSVs and XLSX of its position and agency scopes, and
      the API documents of its agency, unit, position and report scopes. They depend on nothing outside the agency but the
      site's settings, so the build makes them side by side, in the same job as the
      agency's pages, and skips an agency whose data did not change (render_site,
      incremental.AgencyMemo). Returns a few facts the second pass needs.
    - ``rest``: what depends on every agency: the whole-dataset files (its CSVs are the
      agencies' CSVs joined, not encoded again), the API index and region documents,
      schemas, the Data Package and the zip.

    ``commit``: the data commit, per agency (a provenance.CommitOf: the site build's, from
    check.revision.DataCommits, so one agency's change leaves the others' files as they
    were), or one for every file (a frozen archive's), or None when unknown; ``site_url``: the
    site's public address, if known (used in citations and schema ids; all links stay
    site-relative). ``xlsx_many`` turns a list of ``xlsx_bytes`` argument tuples into
    workbooks, in order (the build passes incremental.XlsxCache, which caches them by
    content). ``files``: where the files go (default: a new dict); the build passes
    build.DocsWriter, which writes each file to disk at once. Reads only the CheckResult and
    no clock."""

    def __init__(
        self,
        result,
        *,
        commit: str | CommitOf | None = None,
        site_url: str | None = None,
        xlsx_many=xlsx_serial,
        files: MutableMapping[str, bytes] | None = None,
    ):
        self.ds, self.commit, self.site_url, self.xlsx_many = result.dataset, commit_of(commit), site_url, xlsx_many
        self.files = {} if files is None else files
        self._common: dict[tuple[str, str], dict] = {}
        self.scopes = build_scopes(result)
        self.of_agency: dict[tuple[str, str], list[Scope]] = {}
        for s in self.scopes:
            if s.region is not None and s.agency is not None:
                self.of_agency.setdefault((s.region, s.agency), []).append(s)
        self.apis = {s.api for s in self.scopes}
        self._out = self.files
        self._provs: dict[tuple, Provenance] = {}
        self.api = ApiBuilder(
            result, self.scopes, self._links, lambda s: self._prov(s).as_dict(), site_url, self.commit(None, None)
        )

    def common(self, region_id: str, agency_id: str) -> dict:
        """The columns every row of an agency's reports carries."""
        key = (region_id, agency_id)
        if key not in self._common:
            situs = self.ds.situs
            self._common[key] = {"data_per": situs.data_per, "lisensi": situs.lisensi, "commit": self.commit(*key)}
        return self._common[key]

    def _begin(self, files: MutableMapping[str, bytes] | None) -> MutableMapping[str, bytes]:
        self._out, self._provs = (self.files if files is None else files), {}
        return self._out

    def _prov(self, s: Scope) -> Provenance:
        if s.key not in self._provs:
            self._provs[s.key] = _provenance(self.ds, s, self.commit, self.site_url)
        return self._provs[s.key]

    def _links(self, s: Scope) -> dict[str, str]:
        """The downloads of a scope, for its API document: its files that exist so far, the
        enclosing scope's for tables it has no file of (render/downloads.held_links; the
        budget CSV only when it has budget rows), its API document as its JSON."""
        links = held_links(
            s.kind, s.region, s.agency, s.id, s.tahun, s.triwulan, exists=lambda v: v in self.apis or v in self._out
        )
        if not any(e.res.budget for e in s.entries):
            links.pop("csv_anggaran", None)
        return links

    def _scope(self, s: Scope, csvs: dict[str, bytes], sheets: list[Sheet]) -> tuple[str, XlsxJob]:
        """Write one scope's CSVs (table → bytes); its workbook job."""
        links, out = s.links(), self._out
        for table, data in csvs.items():
            out[links[TABLE_LINK.get(table, f"csv_{table}")]] = data
        return self._workbook(s, sheets)

    def _workbook(self, s: Scope, sheets: list[Sheet]) -> tuple[str, XlsxJob]:
        """(path, xlsx_bytes arguments) of one scope's workbook."""
        links, notes = s.links(), self._prov(s).as_rows()
        sheets, same = without_constant_context(sheets)
        if same:
            notes.insert(1, (SAME_LABEL, same + ". Kolom ini tidak diulang di setiap baris lembar kerja."))
        if s.kind in SUMMARY_ONLY:
            budget = any(e.res.budget for e in s.entries)  # as the budget CSV: one row per budget line
            notes.insert(1, ("Baris indikator dan anggaran", _csv_note(s, links, budget)))
        return links["xlsx"], (sheets, notes, self.ds.situs.data_per)

    def _workbooks(self, jobs: list[tuple[str, XlsxJob]]) -> list[str]:
        """Write the workbooks; returns their cache keys when ``xlsx_many`` reports them
        (``last_keys``: the build keeps them cached while their agency is skipped)."""
        for (path, _job), data in zip(jobs, self.xlsx_many([job for _path, job in jobs])):
            self._out[path] = data
        return list(getattr(self.xlsx_many, "last_keys", ()))

    def agency(self, region_id: str, agency_id: str, files: MutableMapping[str, bytes] | None = None) -> dict:
        """One agency's files, into ``files`` (default: this object's). Returns its facts for
        ``rest``: the byte length of the definition rows at the end of its indicator CSV,
        and the cache keys of its workbooks (``_workbooks``)."""
        out, rows = self._begin(files), _Rows(self.common)
        jobs, definitions = [], 0
        for s in self.of_agency[(region_id, agency_id)]:
            if s.tahun is not None or s.kind not in OWN_TABLES:
                continue  # one period, a unit: no files of their own (held_links)
            t = {name: rows.scope(s, name) for name in TABLE_LINK}
            csvs = {}
            for name, (reports, defs) in t.items():
                if name not in OWN_TABLES[s.kind]:
                    continue
                if reports or defs or name != "anggaran":
                    head, body, tail = _csv(columns.TABLES[name], reports, defs)
                    csvs[name] = head + body + tail
                    if name == "indikator" and s.kind == "perangkat_daerah":
                        definitions = len(tail)
            sheets = [
                _sheet("Ringkasan", columns.RINGKASAN, t["ringkasan"][0]),
                _sheet("Indikator", columns.INDIKATOR, t["indikator"][0] + t["indikator"][1]),
            ]
            if t["anggaran"][0]:  # as the budget CSV: only where there are budget rows
                sheets.append(_sheet("Anggaran", columns.ANGGARAN, t["anggaran"][0]))
            jobs.append(self._scope(s, csvs, sheets))
        keys = self._workbooks(jobs)
        region = self.ds.regions[region_id]
        agency = region.agencies[agency_id]
        api = self.api
        out[addresses.api_agency(region_id, agency_id)] = _json(api.agency(region, agency))
        for unit_id in agency.units:
            out[addresses.api_unit(region_id, agency_id, unit_id)] = _json(api.unit(region, agency, unit_id))
        for pos in agency.positions.values():
            out[addresses.api_position(region_id, agency_id, pos.id)] = _json(api.position(region, agency, pos))
            for e in api.entries.get(f"{agency.key}/{pos.id}", []):
                out[addresses.api_report(region_id, agency_id, pos.id, e.res.tahun, e.res.triwulan)] = _json(api.report(e))
        return {"definisi": definitions, "xlsx": keys}

    def _joined(self, s: Scope, facts: dict[tuple[str, str], dict], rows: _Rows) -> dict[str, bytes]:
        """A region's or the whole dataset's CSVs: its agencies' CSVs joined, the rows of
        reports first and those of definitions after, as in the scope. (Were the scope's
        rows not agency after agency, they are encoded again.)"""
        order = {a.key: i for i, a in enumerate(s.agencies)}
        grouped = all(
            keys == sorted(keys) for keys in ([order[x.agency.key] for x in items] for items in (s.entries, s.definitions))
        )
        csvs = {}
        for name, link in TABLE_LINK.items():
            head = csv_bytes(columns.TABLES[name], [])
            if grouped:
                reports, defs = [], []
                for a in s.agencies:
                    path = addresses.download_links("perangkat_daerah", a.region_id, a.id)[link]
                    body = self.files[path][len(head) :] if path in self.files else b""
                    cut = len(body) - (facts[(a.region_id, a.id)]["definisi"] if name == "indikator" else 0)
                    reports.append(body[:cut])
                    defs.append(body[cut:])
                body = b"".join(reports + defs)
            else:
                body = b"".join(_csv(columns.TABLES[name], *rows.scope(s, name))[1:])
            if body or name != "anggaran":
                csvs[name] = head + body
        return csvs

    def _summaries(self) -> list[tuple[Scope, list[Sheet]]]:
        """The whole-dataset scope, with the sheets of its workbook (a region has no files of
        its own: its rows are the whole dataset's with its wilayah_id)."""
        rows, ds, out = _Rows(self.common), self.ds, []
        for s in self.scopes:
            if s.kind not in SUMMARY_ONLY:
                continue
            sheets = [_sheet("Ringkasan", columns.RINGKASAN, rows.scope(s, "ringkasan")[0])]
            if s.kind == "semua":
                positions = [(r, a, p) for r in ds.regions.values() for a in r.agencies.values() for p in a.positions.values()]
                counts = Counter(f"{e.agency.key}/{e.position.id}" for e in s.entries)
                sheets.append(_sheet("Jabatan", columns.JABATAN, tables.jabatan_rows(positions, counts, ds.situs.data_per)))
            out.append((s, sheets))
        return out

    def summary_workbooks(self) -> None:
        """Make the whole-dataset workbook ahead: it needs only the checked
        data, so the build makes them beside the agencies, and ``rest`` finds them in
        xlsx_many's cache (without a cache this is only wasted work)."""
        self._begin(None)
        self.xlsx_many([self._workbook(s, sheets)[1] for s, sheets in self._summaries()])

    def rest(self, facts: dict[tuple[str, str], dict]) -> dict:
        """Everything that depends on every agency; ``facts``: what ``agency`` returned for
        each agency (in this process or another, in this build or an earlier one). Returns
        the cache keys of its workbooks, as ``agency`` does."""
        out, rows, ds = self._begin(None), _Rows(self.common), self.ds
        jobs = []
        for s, sheets in self._summaries():
            csvs = self._joined(s, facts, rows)
            if s.kind == "semua":
                csvs["jabatan"] = csv_bytes(columns.JABATAN, sheets[1].rows)
            jobs.append(self._scope(s, csvs, sheets))
        keys = self._workbooks(jobs)
        out[addresses.api_index()] = _json(self.api.index())
        for region in ds.regions.values():
            out[addresses.api_region(region.id)] = _json(self.api.region(region))
        for name, schema in schemas(self.site_url).items():
            out[addresses.api_schema(name)] = _json(schema)
        whole = self._prov(self.scopes[0])
        has_budget = addresses.download_links("semua")["csv_anggaran"] in out
        names = ["jabatan", "ringkasan", "indikator"] + (["anggaran"] if has_budget else [])
        out[addresses.DATAPACKAGE] = package.dumps(package.datapackage(whole, ds.situs.deskripsi, names, self.site_url))
        last = getattr(out, "previous", None)  # a DocsWriter: the zip the last build left, to reuse what still holds
        previous = last(addresses.ZIP) if last is not None else None
        out[addresses.ZIP] = package.zip_all(out, whole, previous)
        return {"xlsx": keys}


def open_data_files(
    result,
    *,
    commit: str | CommitOf | None = None,
    site_url: str | None = None,
    xlsx_many=xlsx_serial,
    files: MutableMapping[str, bytes] | None = None,
) -> MutableMapping[str, bytes]:
    """Every open-data file, docs-relative path → bytes: OpenData's two passes in this
    process (arguments as for OpenData)."""
    od = OpenData(result, commit=commit, site_url=site_url, xlsx_many=xlsx_many, files=files)
    od.rest({key: od.agency(*key) for key in od.of_agency})
    return dict(sorted(od.files.items())) if isinstance(od.files, dict) else od.files

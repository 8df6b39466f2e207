"""Render stage: view models → Markdown pages, SVG charts and data files.

``render_site`` returns every file of the docs folder as bytes (plus the navigation and
site settings for mkdocs.yml); the build stage writes them. (In the build, each agency's
job writes its own files, downloads included, straight into the docs folder, and only
the rest come back as bytes.) Pages are Markdown holding
raw HTML blocks for everything that carries data, so data text is escaped once
(escape.teks, applied to every ``{{ }}`` by the Jinja ``finalize`` hook) and MkDocs
never interprets it.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Callable
from urllib.parse import quote

import yaml
from generator.core.fingerprint import code_digest
from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from generator.site.cache import REST
from generator.core.addresses import download_links
from generator.check import CheckResult
from generator.core import fmt
from generator.render import perbandingan, views
from generator.core import addresses
from generator.render.escape import judul, teks
from generator.ppid import pages as ppid_pages  # PPID section (issue 8)


def _finalize(value: object) -> Markup:
    if isinstance(value, (Decimal, float)):
        raise TypeError(f"unformatted number {value!r} in a template: use a filter (angka, persen, rupiah)")
    return teks(value)


def _safe(fn):
    """Number formatters produce digits and separators only."""
    return lambda value, *a: Markup(fn(value, *a))


@pass_context
def _href(ctx, target: str) -> Markup:
    return Markup(quote(addresses.rel(ctx["page_path"], target), safe="/.-_~#"))


def environment() -> Environment:
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=True, finalize=_finalize,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(angka=_safe(fmt.angka), persen=_safe(fmt.persen), rupiah=_safe(fmt.rupiah),
                       tanggal=fmt.tanggal)
    env.globals.update(href=_href, ROMAWI=fmt.ROMAWI)
    return env


def front_matter(meta: dict[str, object]) -> str:
    """YAML front matter; every value JSON-quoted (valid YAML) and HTML-escaped, because
    the theme prints page.meta values unescaped (see theme/main.html)."""
    lines = ["---"]
    for key, value in meta.items():
        if value is None:
            continue
        if isinstance(value, list):  # theme switches such as hide: [navigation]
            lines.append(f"{key}: {json.dumps(value)}")
            continue
        text = str(value) if key.endswith("_url") else judul(value)  # *_url: built from validated ids
        lines.append(f"{key}: {json.dumps(text, ensure_ascii=False)}")
    lines.append("---\n")
    return "\n".join(lines) + "\n"


@dataclass
class Rendered:
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    site_name: str = ""
    extra: dict = field(default_factory=dict)


def count_pages(result: CheckResult) -> int:
    ds = result.dataset
    n = 2  # home, metodologi
    for region in ds.regions.values():
        n += 1
        for agency in region.agencies.values():
            n += 1 + len(agency.units) + len(agency.positions)
    n += ppid_pages.Section.count_pages(ds)
    groups = perbandingan.groups(ds)
    return n + (1 + len(groups) if groups else 0)


# "Unduh data" links: format → (label, what the file holds), in the order shown.
UNDUH_FORMAT = {
    "csv": ("CSV", "satu baris per indikator per periode"),
    "csv_ringkasan": ("CSV ringkasan", "satu baris per laporan: rata-rata capaian, predikat, anggaran, efisiensi"),
    "csv_anggaran": ("CSV anggaran", "pagu, target dan realisasi per program, kegiatan dan sub kegiatan"),
    "xlsx": ("XLSX", "lembar kerja Excel/LibreOffice dengan lembar catatan sumber dan lisensi"),
    "json": ("JSON", "angka hasil hitung beserta kebijakan perhitungan dan angka tercetak"),
    "api": ("API", "dokumen API statis (JSON), lihat halaman API dan Data"),
    "zip": ("ZIP", "semua berkas unduhan dalam satu arsip"),
    "datapackage": ("Data Package", "deskripsi Frictionless Data Package untuk portal data"),
}
# The JSON of a region, agency, unit or the whole dataset is its API document (a table of
# contents with links); of one period, the API document of that report.
JSON_API_HINT = "dokumen API statis (JSON): daftar isi dengan tautan ke dokumen setiap jabatan dan laporan"
JSON_REPORT_HINT = "angka hasil hitung laporan ini beserta kebijakan perhitungan dan angka tercetak (dokumen API)"
SEMUA_PERIODE_HINT = "; berkas ini memuat semua periode jabatan ini: pilih barisnya menurut kolom periode"


def downloads(files: dict[str, bytes] | None):
    """The ``unduh`` template helper: the download links of one scope, as
    [{"label", "hint", "path", "semua_periode"}], only for files that exist (none when the
    open-data files were not generated, e.g. rendering pages alone), in the order of
    ``only`` when given. One period of a position has only its JSON of its own: its CSV and
    XLSX are the position's files for all periods (``semua_periode`` True)."""
    def unduh(kind: str, region: str | None = None, agency: str | None = None, id: str | None = None,
              tahun: int | None = None, triwulan: int | None = None, only: tuple[str, ...] | None = None) -> list[dict]:
        if not files:
            return []
        links = download_links(kind, region, agency, id, tahun, triwulan, files=files)
        period = kind == "jabatan" and tahun is not None and triwulan is not None
        whole = download_links(kind, region, agency, id, files=files) if period else {}
        hints = {f: hint for f, (_label, hint) in UNDUH_FORMAT.items()}
        if "api" in links and links["api"] == links.get("json"):
            links.pop("api")  # the JSON is the API document
            hints["json"] = JSON_REPORT_HINT if period else JSON_API_HINT
        order = only if only is not None else tuple(UNDUH_FORMAT)
        out = []
        for f in order:
            if f not in links or f not in UNDUH_FORMAT:
                continue
            semua = whole.get(f) == links[f]
            out.append({"label": UNDUH_FORMAT[f][0], "hint": hints[f] + (SEMUA_PERIODE_HINT if semua else ""),
                        "path": links[f], "semua_periode": semua})
        return out

    return unduh


def render_site(result: CheckResult, content_dir: Path | None = None, step: Callable[[str], None] | None = None,
                cache_dir: Path | None = None, open_data=None, memo=None, workers: int | None = None,
                docs=None) -> Rendered:
    """Every file of the docs folder. ``step`` is called once per page (progress);
    ``cache_dir`` keeps drawn charts between builds (a chart is redrawn only when its
    numbers, labels or the chart code change); ``workers``: processes rendering agencies
    side by side (default: all cores when there are enough agencies to render; the files
    are the same either way).

    ``open_data``, the downloads every page links ("Unduh data"): a dict of files made
    beforehand (opendata.open_data_files), which join the docs folder, or an
    opendata.OpenData that makes them here: each agency's in the same job as the agency's
    pages, then those of the regions and the whole dataset, before the pages that link
    them. ``docs`` (build.DocsWriter; required with an OpenData, whose files it must be):
    agency jobs write straight into the docs folder and only paths come back, never the
    bytes. ``memo`` (incremental.AgencyMemo, with ``docs``) skips agencies whose inputs are
    unchanged since the last build."""
    ds = result.dataset
    make = open_data if hasattr(open_data, "agency") else None  # an opendata.OpenData
    if make is not None and (docs is None or make.files is not docs):
        raise ValueError("an OpenData must write into the docs writer passed as docs")
    known = make.files if make is not None else open_data  # the downloads that exist, for the links
    env = environment()
    env.globals["unduh"] = downloads(known)
    ix = views.SiteIndex.build(ds, result.reports)
    ppid = ppid_pages.Section(ix, env, known)  # the `ppid` template helper: PPID links on agency and position pages
    groups = perbandingan.groups(ds)
    groups_by_id = {g.id: g for g in groups}
    out = Rendered()
    if isinstance(open_data, dict):  # in memory: part of the docs folder (build.DocsWriter is on disk already)
        out.files.update(open_data)
    situs = ds.situs
    out.site_name = judul(situs.judul)
    data_per = fmt.tanggal(situs.data_per)
    common = {"situs": situs, "data_per": data_per, "tampilan_nip": situs.tampilan_nip}
    step = step or (lambda _name: None)

    draw = _ChartCache(cache_dir).draw if cache_dir else (lambda spec: spec.draw())

    def page(path: str, template: str, ctx: dict, meta: dict, into: dict[str, bytes] | None = None) -> None:
        files = out.files if into is None else into
        for spec in _charts(ctx):
            svg = draw(spec)
            spec.width, spec.height = _svg_size(svg)
            files[spec.path] = svg
        body = env.get_template(template).render(**common, **ctx)
        files[path] = (front_matter(meta) + body).encode("utf-8")
        if into is None:
            step(path)

    def identity(region, agency) -> dict:
        pd = agency.model
        return {"wilayah": region.model.nama, "perangkat_daerah": pd.nama,
                "perangkat_daerah_url": addresses.url(addresses.agency(region.id, agency.id)),
                "sumber": "; ".join(s.judul for s in pd.sumber_dokumen) or None,
                "hide": ["navigation"]}  # wide tables; the breadcrumb leads back

    def agency_files(region_id: str, agency_id: str) -> tuple[dict[str, bytes], dict]:
        """The pages and charts of one agency (its page, units, positions, and its PPID
        pages with the DIP downloads), and its line of the PPID index."""
        region = ds.regions[region_id]
        agency = region.agencies[agency_id]
        pd, ident, files = agency.model, identity(region, agency), {}
        page(addresses.agency(region.id, agency.id), "perangkat_daerah.md.j2", views.agency_page(ix, region, agency),
             {"title": pd.nama, **ident}, files)
        for unit_id in agency.units:
            ctx = views.unit_page(ix, region, agency, unit_id)
            page(ctx["page_path"], "unit.md.j2", ctx, {"title": f"{agency.units[unit_id].nama} – {pd.singkatan or pd.nama}", **ident}, files)
        for pos in agency.positions.values():
            ctx = views.position_page(ix, region, agency, pos)
            ctx["perbandingan"] = perbandingan.position_link(groups_by_id, region, pos)
            sources = _position_sources(ctx)
            page(ctx["page_path"], "jabatan.md.j2", ctx,
                 {"title": ctx["label"], **ident, **({"sumber": sources} if sources else {})}, files)
        return files, ppid.agency_pages(region, agency, lambda *args: page(*args, files), files)

    def agency_job(region_id: str, agency_id: str):
        """(files, facts) of one agency: its files as bytes; or, with ``docs``, written
        there (its downloads first: its pages link those that exist) as (paths, paths
        written). Facts: its PPID index line and, when made here, its downloads' facts."""
        if docs is None:
            files, line = agency_files(region_id, agency_id)
            return files, {"ppid": line}
        if (region_id, agency_id) == REST:
            make.summary_workbooks()
            return ([], []), None
        mark = docs.mark()
        facts = make.agency(region_id, agency_id) if make is not None else {}
        files, facts["ppid"] = agency_files(region_id, agency_id)
        for path, data in files.items():
            docs[path] = data
        return docs.since(mark), facts

    nav: list = [{"Beranda": addresses.HOME}]
    todo: list[tuple[str, str]] = []
    facts: dict[tuple[str, str], dict | None] = {}
    for region in ds.regions.values():
        section = [{judul(f"Ringkasan {region.model.nama}"): addresses.region(region.id)}]
        for agency in region.agencies.values():
            section.append({judul(agency.model.singkatan or agency.model.nama): addresses.agency(region.id, agency.id)})
            key = (region.id, agency.id)
            facts[key] = memo.reuse(*key, step) if memo is not None else None
            if facts[key] is None:
                todo.append(key)  # changed since the last build (or no memo)
        nav.append({judul(region.model.nama): section})
    if todo:
        if make is not None:  # the big region and whole-dataset workbooks first, beside the agencies
            todo.insert(0, REST)
        for name in env.list_templates(extensions=["j2"]):  # compiled once, not in every worker
            env.get_template(name)
    for key, (files, found) in _each_agency(agency_job, todo, workers):
        if key == REST:
            continue
        if docs is None:
            out.files.update(files)
            produced = list(files)
        else:
            docs.keep(*files)  # written by a worker (or here: then already known)
            produced = files[0]
        for path in produced:
            if path.endswith(".md"):
                step(path)
        facts[key] = found
        if memo is not None:
            memo.done(*key, produced, found)
    if make is not None and (memo is None or memo.reuse(*REST) is None):  # linked from the pages below
        mark = docs.mark()
        made = make.rest(facts)
        if memo is not None:
            memo.done(*REST, docs.since(mark)[0], made)
    page(addresses.HOME, "beranda.md.j2", views.home_page(ix), {"title": situs.judul})
    for region in ds.regions.values():
        page(addresses.region(region.id), "wilayah.md.j2", views.region_view(ix, region),
             {"title": region.model.nama, "wilayah": region.model.nama})
    if groups:  # comparison pages: one per kelompok_pembanding, reached from perbandingan/
        page(addresses.PERBANDINGAN, "perbandingan.md.j2", perbandingan.index_page(ix, groups), {"title": "Perbandingan jabatan"})
        for g in groups:
            page(g.path, "perbandingan_kelompok.md.j2", perbandingan.group_page(ix, g),
                 {"title": f"Perbandingan: {g.label}", "hide": ["navigation", "toc"]})
        nav.append({"Perbandingan": addresses.PERBANDINGAN})
    # PPID: the agencies' pages came with their jobs (or the memo); the index from their lines
    nav.append(ppid.index_page(page, {key: f["ppid"] for key, f in facts.items() if key != REST}))
    page(addresses.METODOLOGI, "metodologi.md.j2", views.metodologi_page(ix), {"title": "Metodologi"})
    nav.append({"Metodologi": addresses.METODOLOGI})

    content = _content(content_dir)
    for path, data in content.items():
        out.files.setdefault(path, data)
    # hand-written top-level pages join the nav (Cara membaca first, Tentang last)
    pages = [p for p in content if p.endswith(".md") and "/" not in p and p != addresses.HOME]
    order = {addresses.CARA_MEMBACA: 0, addresses.TENTANG: 2}
    for path in sorted(pages, key=lambda p: (order.get(p, 1), p)):
        title = "Tentang" if path == addresses.TENTANG else _page_title(content[path], path)
        nav.append({judul(title): path})
    out.nav = nav
    out.extra = {"kinerja": {"judul": judul(situs.judul), "data_per": judul(data_per), "lisensi": judul(situs.lisensi)}}
    return out


# --------------------------------------------------------------------------- agencies side by side

MIN_PARALLEL = 2  # fewer jobs: a process pool costs more than it saves
_AGENCY_FILES: Callable[[str, str], dict[str, bytes]] | None = None  # set in the parent, inherited by fork


def _agency_in_worker(key: tuple[str, str]) -> dict[str, bytes]:
    assert _AGENCY_FILES is not None
    return _AGENCY_FILES(*key)


def _each_agency(render, todo: list[tuple[str, str]], workers: int | None):
    """(key, render(*key)) of every agency in ``todo``, in order. Agencies are independent,
    so they render in forked processes that inherit the checked data and the site index
    (nothing to re-read or pickle on the way in; only the job's result comes back).

    Every worker renders one agency and exits (``maxtasksperchild``): a worker's memory
    is what its one agency touched of the inherited data plus what it made, given back
    after each agency instead of adding up. The collector is frozen meanwhile, so that
    it does not write to (and so copy) every inherited object in every worker."""
    global _AGENCY_FILES
    if workers is None:
        from generator.site.cache import cores

        workers = cores() if len(todo) >= MIN_PARALLEL else 1
    workers = min(workers, len(todo))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for key in todo:
            yield key, render(*key)
        return
    _AGENCY_FILES = render
    gc.collect()
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers, maxtasksperchild=1) as pool:
            yield from zip(todo, pool.imap(_agency_in_worker, todo))
    finally:
        _AGENCY_FILES = None
        gc.unfreeze()


def _page_title(data: bytes, path: str) -> str:
    """Title of a hand-written page: front matter ``title``, else its first heading."""
    text = data.decode("utf-8", errors="replace")
    m = re.match(r"---\s*\n(.*?)\n---", text, re.S)
    if m:
        try:
            meta = yaml.safe_load(m.group(1)) or {}
        except yaml.YAMLError:
            meta = {}
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"])
    h = re.search(r"^#\s+(.+)$", text, re.M)
    return h.group(1).strip() if h else path[:-3].replace("-", " ").capitalize()


def _position_sources(ctx: dict) -> str | None:
    titles: list[str] = []
    for y in ctx["years"]:
        for r in y["reports"]:
            if r["sumber"] and r["sumber"].judul not in titles:
                titles.append(r["sumber"].judul)
    return "; ".join(titles) or None


def _charts(ctx: dict):
    """Every ChartSpec in a page context (pages keep them where the template shows them)."""
    stack = [ctx]
    while stack:
        item = stack.pop()
        if isinstance(item, views.ChartSpec):
            yield item
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


class _ChartCache:
    def __init__(self, folder: Path):
        self.folder = folder
        # every package that draws a chart, whole (core/fingerprint.py)
        self.salt = code_digest("core", "render", "ppid", libraries=("matplotlib",))

    def draw(self, spec: views.ChartSpec) -> bytes:
        digest = hashlib.sha256((self.salt + spec.key).encode("utf-8")).hexdigest()
        path = self.folder / digest[:2] / f"{digest}.svg"
        if path.is_file():
            return path.read_bytes()
        svg = spec.draw()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # render workers may draw the same chart
        tmp.write_bytes(svg)
        tmp.replace(path)
        return svg


def _svg_size(svg: bytes) -> tuple[int, int]:
    m = re.search(rb'<svg[^>]*?width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    return (round(float(m.group(1)) * 4 / 3), round(float(m.group(2)) * 4 / 3)) if m else (0, 0)


def _content(content_dir: Path | None) -> dict[str, bytes]:
    """Hand-written pages under content/, copied as they are."""
    if content_dir is None or not content_dir.is_dir():
        return {}
    return {p.relative_to(content_dir).as_posix(): p.read_bytes()
            for p in sorted(content_dir.rglob("*")) if p.is_file() and not p.name.startswith(".")}

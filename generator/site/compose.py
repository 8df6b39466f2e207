"""Which pages and downloads make up the site, and where each is made.

``render_site`` returns every file of the docs folder as bytes (plus the navigation and
site settings for mkdocs.yml); the build writes them. In the build, each agency is one
job on one core: its pages (render), its PPID pages (ppid), its Status pelaporan and
Analisis pages (analysis) and its downloads (opendata), written straight into the docs
folder; only the rest come back as bytes. Agencies whose inputs are unchanged since the
last build are not made again (cache.AgencyMemo).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.analysis import pages as analysis_pages  # status pelaporan and analisis (issue 20)
from generator.check import CheckResult
from generator.check.revision import DataCommits
from generator.core import addresses, fmt
from generator.documents.site import SiteDocuments  # official documents as PDF and DOCX (issue 18)
from generator.history import first_seen
from generator.history.sitepart import Riwayat  # per-figure history from git (issue 19)
from generator.ppid import pages as ppid_pages  # PPID section (issue 8)
from generator.render import perbandingan
from generator.render.agency import agency_page, home_page, region_view, unit_page
from generator.render.downloads import downloads
from generator.render.env import environment, front_matter, page_charts, svg_size
from generator.render.escape import judul
from generator.render.metodologi import metodologi_page
from generator.render.position import position_page
from generator.render.siteindex import SiteIndex
from generator.site import seo
from generator.site.cache import REST, ChartCache, prune_agencies_caches
from generator.site.process import each_in_fork


@dataclass
class Rendered:
    files: dict[str, bytes] = field(default_factory=dict)
    nav: list = field(default_factory=list)
    site_name: str = ""
    extra: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)  # mkdocs.yml keys from data/site.yml (site/seo.py)


NO_DATASET = "no dataset to render: the data has errors (build.checked stops before rendering)"


def count_pages(result: CheckResult) -> int:
    ds = result.dataset
    if ds is None:
        raise ValueError(NO_DATASET)
    n = 2  # home, metodologi
    for region in ds.regions.values():
        n += 1
        for agency in region.agencies.values():
            n += 1 + len(agency.units) + len(agency.positions)
        n += 2 + 2 * len(region.agencies)  # status pelaporan and analisis (generator/analysis)
    n += ppid_pages.Section.count_pages(ds)
    groups = perbandingan.groups(ds)
    return n + (1 + len(groups) if groups else 0)


def render_site(
    result: CheckResult,
    content_dir: Path | None = None,
    step: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    open_data=None,
    memo=None,
    workers: int | None = None,
    docs=None,
    arsip=None,
    commits: DataCommits | None = None,
) -> Rendered:
    """Every file of the docs folder. ``step`` is called once per page (progress);
    ``cache_dir`` keeps drawn charts between builds (a chart is redrawn only when its
    numbers, labels or the code that draws it change); ``workers``: processes rendering
    agencies side by side (default: all cores when there are enough agencies to render; the
    files are the same either way).

    ``open_data``, the downloads every page links ("Unduh data"): a dict of files made
    beforehand (opendata.open_data_files), which join the docs folder, or an
    opendata.OpenData that makes them here: each agency's in the same job as the agency's
    pages, then those of the regions and the whole dataset, before the pages that link
    them. ``docs`` (site.docs.DocsWriter; required with an OpenData, whose files it must be):
    agency jobs write straight into the docs folder and only paths come back, never the
    bytes. ``memo`` (site.cache.AgencyMemo, with ``docs``) skips agencies whose inputs are
    unchanged since the last build. ``commits``: the data's commits, read once by the build
    (check.revision.DataCommits; default: read here), for the official documents."""
    make = open_data if hasattr(open_data, "agency") else None  # an opendata.OpenData
    if make is not None and (docs is None or make.files is not docs):
        raise ValueError("an OpenData must write into the docs writer passed as docs")
    site = _Composer(result, step, cache_dir, open_data, make, memo, docs, commits)
    site.arsip = arsip  # frozen period archives (history/arsip.Archives), or None
    site.riwayat = Riwayat.load(result, cache_dir) if cache_dir else None  # per-figure history from git (history/)
    site.first_seen = first_seen(site.riwayat.h) if site.riwayat else None  # commit dates for Status pelaporan
    if site.riwayat is not None and memo is not None:  # an agency's pages show its history: part of the reuse decision
        memo.riwayat = _history_keys(site.riwayat.digests(), site.first_seen)
    nav, facts = site.agencies(workers)
    site.rest_downloads(facts)
    site.shared_pages(nav, facts)
    site.content_pages(content_dir, nav)
    if memo is not None:  # every agency's facts are known now: the caches keep only what the site uses
        prune_agencies_caches(memo, site.charts, site.dokumen.maker)
    out = site.out
    out.nav = nav
    situs = site.ds.situs
    out.extra = {
        "kinerja": {"judul": judul(situs.judul), "data_per": judul(fmt.tanggal(situs.data_per)), "lisensi": judul(situs.lisensi)}
    }
    out.files.update(seo.site_files(site.ds))  # robots.txt, logo and favicon from data/
    out.settings = seo.settings(site.ds)
    return out


class _Composer:
    """The pages of one site, agency by agency (see render_site)."""

    arsip = None  # history/arsip.Archives: "lihat versi saat terbit" links and the arsip/ pages
    riwayat: Riwayat | None = None  # history/sitepart.Riwayat: the "Riwayat perubahan" sections, pages, feeds and files

    def __init__(self, result: CheckResult, step, cache_dir, open_data, make, memo, docs, commits=None):
        ds = result.dataset
        if ds is None:
            raise ValueError(NO_DATASET)
        self.ds = ds
        self.make, self.memo, self.docs = make, memo, docs
        known = make.files if make is not None else open_data  # the downloads that exist, for the links
        self.env = env = environment()
        env.globals["unduh"] = downloads(known)
        env.globals["analisis"] = analysis_pages.links  # links to Status pelaporan and Analisis
        self.first_seen: dict | None = None
        self.ix = SiteIndex.build(ds, result.reports)
        # the `ppid` template helper: PPID links on agency and position pages
        self.ppid = ppid_pages.Section(self.ix, env, known)
        docs_cache = cache_dir.parent / "dokumen" if cache_dir else None  # build/cache/dokumen beside the charts
        # each document names the newest commit that changed its own inputs (check.revision), read
        # once here, before the agency jobs fork: the same keys as `kinerja dokumen --bagian`'s
        data_dir = ds.situs_doc.path.parent if ds.situs_doc is not None else None
        if commits is None and data_dir is not None:
            commits = DataCommits(data_dir)
        if commits is not None:
            commits.load()
        self.dokumen = SiteDocuments(self.ix, env, docs_cache, commits, data_dir)
        self.groups = perbandingan.groups(ds)
        self.groups_by_id = {g.id: g for g in self.groups}
        self.out = Rendered(site_name=judul(ds.situs.judul))
        if isinstance(open_data, dict):  # in memory: part of the docs folder (a DocsWriter is on disk already)
            self.out.files.update(open_data)
        self.common = {"situs": ds.situs, "data_per": fmt.tanggal(ds.situs.data_per), "tampilan_nip": ds.situs.tampilan_nip}
        self.step = step or (lambda _name: None)
        self.charts = ChartCache(cache_dir) if cache_dir else None
        self.draw = self.charts.draw if self.charts else (lambda spec: spec.draw())

    def page(self, path: str, template: str, ctx: dict, meta: dict, into: dict[str, bytes] | None = None) -> None:
        files = self.out.files if into is None else into
        for spec in page_charts(ctx):
            svg = self.draw(spec)
            spec.width, spec.height = svg_size(svg)
            files[spec.path] = svg
        body = self.env.get_template(template).render(**self.common, **ctx)
        body += self.riwayat.footer(path) if self.riwayat else ""  # "Data terakhir diubah: …"
        meta = {**meta, **seo.page_meta(template, ctx, meta, self.ds)}  # description, unique title
        files[path] = (front_matter(meta) + body).encode("utf-8")
        if into is None:
            self.step(path)

    @staticmethod
    def identity(region, agency) -> dict:
        pd = agency.model
        return {
            "wilayah": region.model.nama,
            "perangkat_daerah": pd.nama,
            "perangkat_daerah_url": addresses.url(addresses.agency(region.id, agency.id)),
            "sumber": "; ".join(s.judul for s in pd.sumber_dokumen) or None,
            "hide": ["navigation"],
        }  # wide tables; the breadcrumb leads back

    def agency_files(self, region_id: str, agency_id: str) -> tuple[dict[str, bytes], dict]:
        """The pages and charts of one agency (its page, units, positions, and its PPID
        pages with the DIP downloads), and its line of the PPID index."""
        region = self.ds.regions[region_id]
        agency = region.agencies[agency_id]
        pd, ident = agency.model, self.identity(region, agency)
        files: dict[str, bytes] = {}
        self.page(
            addresses.agency(region.id, agency.id),
            "perangkat_daerah.md.j2",
            agency_page(self.ix, region, agency),
            {"title": pd.nama, **ident},
            files,
        )
        for unit_id in agency.units:
            ctx = unit_page(self.ix, region, agency, unit_id)
            self.page(
                ctx["page_path"],
                "unit.md.j2",
                ctx,
                {"title": f"{agency.units[unit_id].nama} – {pd.singkatan or pd.nama}", **ident},
                files,
            )
        for pos in agency.positions.values():
            ctx = position_page(self.ix, region, agency, pos)
            ctx["perbandingan"] = perbandingan.position_link(self.groups_by_id, region, pos)
            ctx["arsip"] = self.arsip.position(region.id, agency.id, pos.id) if self.arsip else []
            ctx["riwayat"] = self.riwayat.position(region.id, agency.id, pos.id, ctx["page_path"]) if self.riwayat else None
            sources = _position_sources(ctx)
            self.page(
                ctx["page_path"],
                "jabatan.md.j2",
                ctx,
                {"title": ctx["label"], **ident, **({"sumber": sources} if sources else {})},
                files,
            )
        if self.riwayat:  # "Perubahan terbaru", its feed, the history CSVs and API documents
            self.riwayat.agency_files(
                region, agency, lambda path, template, ctx, meta: self.page(path, template, ctx, meta, files), files
            )
        for spec in analysis_pages.agency(self.ix, region, agency, self.first_seen, files):
            self.page(*spec, files)  # its Status pelaporan and Analisis (generator/analysis)
        files.update(self.dokumen.agency_files(region, agency))  # PDF and DOCX of every document
        return files, self.ppid.agency_pages(
            region, agency, lambda path, template, ctx, meta: self.page(path, template, ctx, meta, files), files
        )

    def agency_job(self, region_id: str, agency_id: str):
        """(files, facts) of one agency: its files as bytes; or, with ``docs``, written
        there (its downloads first: its pages link those that exist) as (paths, paths
        written). Facts: its PPID index line and, when made here, its downloads' facts."""
        docs = self.docs
        if docs is None:
            files, line = self.agency_files(region_id, agency_id)
            return files, {"ppid": line}
        if (region_id, agency_id) == REST:
            self.make.summary_workbooks()
            return ([], []), None
        mark = docs.mark()
        facts = self.make.agency(region_id, agency_id) if self.make is not None else {}
        with self.charts.recording(facts) if self.charts else nullcontext():  # its charts' cache keys
            files, facts["ppid"] = self.agency_files(region_id, agency_id)
        facts["dokumen"] = self.dokumen.last_keys  # its documents' cache keys (cache.prune_agencies_caches)
        for path, data in files.items():
            docs[path] = data
        return docs.since(mark), facts

    def agencies(self, workers: int | None) -> tuple[list, dict[tuple[str, str], dict | None]]:
        """Every agency's files, made again only where changed, side by side; the nav."""
        nav: list = [{"Beranda": addresses.HOME}]
        todo: list[tuple[str, str]] = []
        facts: dict[tuple[str, str], dict | None] = {}
        for region in self.ds.regions.values():
            section = [{judul(f"Ringkasan {region.model.nama}"): addresses.region(region.id)}]
            section += analysis_pages.nav(region)
            for agency in region.agencies.values():
                section.append({judul(agency.model.singkatan or agency.model.nama): addresses.agency(region.id, agency.id)})
                key = (region.id, agency.id)
                facts[key] = self.memo.reuse(*key, self.step) if self.memo is not None else None
                if facts[key] is None:
                    todo.append(key)  # changed since the last build (or no memo)
            nav.append({judul(region.model.nama): section})
        if todo:
            if self.make is not None:  # the big region and whole-dataset workbooks first, beside the agencies
                todo.insert(0, REST)
            for name in self.env.list_templates(extensions=["j2"]):  # compiled once, not in every worker
                self.env.get_template(name)
        for key, (files, found) in each_in_fork(self.agency_job, todo, workers):
            if key == REST:
                continue
            if self.docs is None:
                self.out.files.update(files)
                produced = list(files)
            else:
                self.docs.keep(*files)  # written by a worker (or here: then already known)
                produced = files[0]
            for path in produced:
                if path.endswith(".md"):
                    self.step(path)
            facts[key] = found
            if self.memo is not None:
                self.memo.done(*key, produced, found)
        return nav, facts

    def rest_downloads(self, facts: dict) -> None:
        """The downloads of the regions and the whole dataset (linked from the pages below)."""
        if self.make is None or (self.memo is not None and self.memo.reuse(*REST) is not None):
            return
        mark = self.docs.mark()
        made = self.make.rest(facts)
        if self.memo is not None:
            self.memo.done(*REST, self.docs.since(mark)[0], made)

    def shared_pages(self, nav: list, facts: dict) -> None:
        """Home, regions, comparisons, the PPID index and Metodologi."""
        ds, ix, page = self.ds, self.ix, self.page
        page(addresses.HOME, "beranda.md.j2", home_page(ix), {"title": ds.situs.judul})
        for region in ds.regions.values():
            page(
                addresses.region(region.id),
                "wilayah.md.j2",
                region_view(ix, region),
                {"title": region.model.nama, "wilayah": region.model.nama},
            )
            for spec in analysis_pages.region(ix, region, self.first_seen, self.out.files):
                page(*spec)  # its Status pelaporan and Analisis (each agency's came with its job)
        if self.groups:  # comparison pages: one per kelompok_pembanding, reached from perbandingan/
            page(
                addresses.PERBANDINGAN,
                "perbandingan.md.j2",
                perbandingan.index_page(ix, self.groups),
                {"title": "Perbandingan jabatan"},
            )
            for g in self.groups:
                page(
                    g.path,
                    "perbandingan_kelompok.md.j2",
                    perbandingan.group_page(ix, g),
                    {"title": f"Perbandingan: {g.label}", "hide": ["navigation", "toc"]},
                )
            nav.append({"Perbandingan": addresses.PERBANDINGAN})
        # PPID: the agencies' pages came with their jobs (or the memo); the index from their lines
        nav.append(self.ppid.index_page(page, {key: f["ppid"] for key, f in facts.items() if key != REST}))
        if self.arsip:  # arsip/: the archived files, their index and one page per period
            self.out.files.update(self.arsip.site_files())
            self.arsip.pages(page, nav, ds.situs.site_url)
        if self.riwayat:  # the site's "Perubahan terbaru", feed, history CSV and schema
            self.riwayat.site_files(page, self.out.files, nav)
        page(addresses.METODOLOGI, "metodologi.md.j2", metodologi_page(ix), {"title": "Metodologi"})
        nav.append({"Metodologi": addresses.METODOLOGI})

    def content_pages(self, content_dir: Path | None, nav: list) -> None:
        """Hand-written pages join the docs folder and the nav (Cara membaca first, Tentang last)."""
        content = _content(content_dir)
        for path, data in content.items():
            self.out.files.setdefault(path, data)
        pages = [p for p in content if p.endswith(".md") and "/" not in p and p != addresses.HOME]
        order = {addresses.CARA_MEMBACA: 0, addresses.TENTANG: 2}
        for path in sorted(pages, key=lambda p: (order.get(p, 1), p)):
            title = "Tentang" if path == addresses.TENTANG else _page_title(content[path], path)
            nav.append({judul(title): path})


# --------------------------------------------------------------------------- hand-written pages


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


def _history_keys(digests: dict[tuple[str, str], str], seen: dict | None) -> dict[tuple[str, str], str]:
    """Per agency, what its pages show of the history: its figures' history and the first
    commit of each of its data files (its Status pelaporan page)."""
    own: dict[tuple[str, str], list] = {}
    for path, when in sorted((seen or {}).items()):
        parts = [*path.split("/"), ""]  # region/agency/…; a file of no agency matches none
        own.setdefault((parts[0], parts[1]), []).append((path, str(when[0]), when[1]))
    return {k: json.dumps([d, own.get(k, [])]) for k, d in digests.items()}


def _position_sources(ctx: dict) -> str | None:
    titles: list[str] = []
    for y in ctx["years"]:
        for r in y["reports"]:
            if r["sumber"] and r["sumber"].judul not in titles:
                titles.append(r["sumber"].judul)
    return "; ".join(titles) or None


def _content(content_dir: Path | None) -> dict[str, bytes]:
    """Hand-written pages under content/, copied as they are."""
    if content_dir is None or not content_dir.is_dir():
        return {}
    # privacy hook (core/fmt.mask_page): NIP-like numbers in hand-written pages are masked
    return {
        p.relative_to(content_dir).as_posix(): fmt.mask_page(p.name, p.read_bytes())
        for p in sorted(content_dir.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }

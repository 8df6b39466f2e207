"""The PPID section of the site (issue 8): pages, charts and DIP downloads of every agency.

Hooked into render_site with three calls: ``Section(ix, env)`` registers the template helper
``ppid`` (used by the agency page and the request box on position pages);
``Section.agency_pages(region, agency, page, files)``, in each agency's job, renders that
agency's pages through render_site's ``page`` function, writes dip.csv / dip.xlsx into the
docs folder and returns the agency's line of the PPID index (plain data, memoised with the
agency); ``Section.index_page(page, lines)`` renders the index from those lines and returns
the nav entry.
"""

from __future__ import annotations

from jinja2 import Environment

from generator.core import addresses
from generator.ppid.dipfiles import dip_csv, dip_xlsx
from generator.ppid.dipview import KELAS, KELAS_KET, DipRow, dip_page_groups, dip_rows, jenis_jumlah, kelas_jumlah
from generator.ppid.kontak import hari_kerja, jangka_waktu, kontak_view
from generator.ppid.links import rel_href
from generator.ppid.register import register_view
from generator.ppid.views import TemplateHelpers
from generator.render.siteindex import SiteIndex, breadcrumb
from generator.validate.dataset import AgencyRecord, Dataset, RegionRecord


def _site_address(target: str | None, external: bool) -> str:
    """A docs path (``a/b.md#x``) as its address relative to the site root (``a/b/#x``)."""
    if not target:
        return ""
    if external:
        return target
    base, _, frag = target.partition("#")
    return addresses.url(base) + (f"#{frag}" if frag else "")


def dip_table(rows: list[DipRow], dip_page: str) -> list[dict]:
    """One plain record per DIP entry, shared by the CSV and the XLSX."""
    return [
        {
            "nomor": r.nomor,
            "klasifikasi": r.kelas,
            "klasifikasi_label": KELAS[r.kelas],
            "jenis": r.entri.jenis,
            "jenis_label": r.jenis_label,
            "ringkasan_isi": r.ringkasan_isi,
            "pejabat_unit": r.pejabat_unit,
            "penanggung_jawab": r.penanggung_jawab,
            "waktu_tempat": r.waktu_tempat,
            "bentuk_informasi": r.bentuk_informasi,
            "jangka_waktu_penyimpanan": r.jangka_waktu_penyimpanan,
            "alamat_dokumen": _site_address(r.target, r.target_eksternal),
            "permalink": _site_address(f"{dip_page}#{r.anchor}", False),
        }
        for r in rows
    ]


class Section:
    def __init__(self, ix: SiteIndex, env: Environment, downloads=None):
        self.ix = ix
        self.downloads = downloads  # the open-data files (paths), to link the downloads that exist
        self.helpers = TemplateHelpers(ix)
        env.globals["ppid"] = self.helpers

    @staticmethod
    def count_pages(ds: Dataset) -> int:
        n = 1  # ppid.md
        for agency in ds.agencies():
            n += 7 + ((1 + len(agency.registers)) if agency.registers else 0)
        return n

    def index_page(self, page, lines: dict[tuple[str, str], dict]) -> dict:
        """The PPID index through render_site's ``page(path, template, ctx, meta)``, from
        every agency's line (``agency_pages``, keyed by (region id, agency id)). Returns the
        top-level nav entry."""
        ix = self.ix
        overview = [
            {
                "region": region,
                "agencies": [{**lines[(region.id, agency.id)], "agency": agency} for agency in region.agencies.values()],
            }
            for region in ix.dataset.regions.values()
        ]
        contoh = any(reg.contoh for a in ix.dataset.agencies() for reg, _ in a.registers.values())
        page(
            addresses.PPID_HOME,
            "ppid_indeks.md.j2",
            {
                "page_path": addresses.PPID_HOME,
                "overview": overview,
                "contoh": contoh,
                "jangka_waktu": jangka_waktu(),
                "breadcrumb": [("Beranda", addresses.HOME)],
            },
            {
                "title": "Layanan Informasi Publik (PPID)",
                "sumber": "Daftar Informasi Publik disusun dari data situs ini; register permohonan informasi PPID",
            },
        )
        return {"PPID": addresses.PPID_HOME}

    # ------------------------------------------------------------------ one agency

    def agency_pages(self, region: RegionRecord, agency: AgencyRecord, page, files: dict[str, bytes]) -> dict:
        """One agency's PPID pages and DIP downloads; returns its line of the index, without
        the agency record itself (the line comes back from worker processes and is memoised)."""
        r, a = region.id, agency.id
        kontak = kontak_view(agency)
        rows = dip_rows(self.ix, agency, self.downloads if self.downloads is not None else files)
        self._dip_files(region, agency, rows, files)
        registers = self._registers(region, agency, rows)
        out = _AgencyPages(self.ix, region, agency, page, self._base(region, agency, kontak, rows, registers))
        latest = registers[max(registers)] if registers else None
        out.render(
            addresses.ppid_index(r, a),
            "ppid_beranda.md.j2",
            "Layanan Informasi Publik",
            {"terakhir": latest},
            {"sumber": self._sumber(latest)} if latest else {},
            crumbs=out.crumbs[:-1],
        )
        dip_page = addresses.ppid_dip(r, a)
        out.render(
            dip_page,
            "ppid_dip.md.j2",
            "Daftar Informasi Publik",
            {
                "groups": dip_page_groups(rows, dip_page, r, a, kontak["kanal"], agency.model.nama),
                "jenis_jumlah": jenis_jumlah(rows),
            },
            {
                "sumber": "Daftar Informasi Publik disusun dari data laporan kinerja yang diterbitkan di situs ini",
                "hide": ["navigation", "toc"],
            },
        )
        if latest is not None:  # there are registers
            self._register_pages(out, registers, latest)
        for path, template, title in _procedures(r, a):
            out.render(
                path,
                template,
                title,
                {"hari_kerja": hari_kerja()},
                {"sumber": "UU 14/2008 tentang Keterbukaan Informasi Publik; Peraturan Komisi Informasi Nomor 1 Tahun 2021"},
            )
        return {
            "nama": agency.model.nama,
            "index": addresses.ppid_index(r, a),
            "dip": dip_page,
            "jumlah_dip": len(rows),
            "kontak_terisi": kontak["terisi"],
            "kanal": kontak["kanal"].jenis,
            "statistik": out.base["statistik"],
            "registers": [
                {"tahun": t, "jumlah": v["jumlah"], "contoh": v["contoh"], "laporan": addresses.ppid_laporan(r, a, t)}
                for t, v in registers.items()
            ],
        }

    def _dip_files(self, region: RegionRecord, agency: AgencyRecord, rows: list[DipRow], files: dict[str, bytes]) -> None:
        """dip.csv and dip.xlsx, into the docs files."""
        r, a = region.id, agency.id
        records = dip_table(rows, addresses.ppid_dip(r, a))
        files[addresses.ppid_file(r, a, "dip.csv")] = dip_csv(records)
        files[addresses.ppid_file(r, a, "dip.xlsx")] = dip_xlsx(records, agency, region, self.ix.dataset.situs.data_per)

    def _registers(self, region: RegionRecord, agency: AgencyRecord, rows: list[DipRow]) -> dict[int, dict]:
        """The view of every register year, newest first."""
        r, a = region.id, agency.id
        dip_page = addresses.ppid_dip(r, a)
        # DIP permalinks of requested items, relative to the pages in ppid/ that list requests
        # (statistik.md and laporan-<tahun>.md: same folder depth, so the same relative link)
        anchors = {row.nomor: rel_href(addresses.ppid_statistik(r, a), f"{dip_page}#{row.anchor}") for row in rows}
        registers = {}
        for tahun in sorted(agency.registers, reverse=True):
            register, _doc = agency.registers[tahun]
            registers[tahun] = register_view(self.ix, region, agency, tahun, register, anchors)
        return registers

    def _base(
        self, region: RegionRecord, agency: AgencyRecord, kontak: dict, rows: list[DipRow], registers: dict[int, dict]
    ) -> dict:
        """What every PPID page of the agency is given: the agency, its contact, the links
        between the pages, the DIP counts and the holiday calendars."""
        ix = self.ix
        r, a = region.id, agency.id
        return {
            "region": region,
            "agency": agency,
            "pd": agency.model,
            "kontak": kontak,
            "jangka_waktu": jangka_waktu(),
            "ppid_index": addresses.ppid_index(r, a),
            "dip_page": addresses.ppid_dip(r, a),
            "csv": addresses.ppid_file(r, a, "dip.csv"),
            "xlsx": addresses.ppid_file(r, a, "dip.xlsx"),
            "jumlah_dip": len(rows),
            "statistik": addresses.ppid_statistik(r, a) if registers else None,
            "laporan": [(t, addresses.ppid_laporan(r, a, t), v["contoh"]) for t, v in registers.items()],
            "laporan_paths": {t: addresses.ppid_laporan(r, a, t) for t in registers},
            "cara": addresses.ppid_cara(r, a),
            "keberatan": addresses.ppid_keberatan(r, a),
            "formulir_permohonan": addresses.ppid_formulir_permohonan(r, a),
            "formulir_keberatan": addresses.ppid_formulir_keberatan(r, a),
            "kelas_jumlah": kelas_jumlah(rows),
            "unduh_nama": f"dip-{r}-{a}",
            "pv_ket": KELAS_KET,
            "kalender": sorted(ix.dataset.holidays),
            "kalender_dasar": [(t, c.dasar_hukum) for t, c in sorted(ix.dataset.holidays.items())],
        }

    def _register_pages(self, out: _AgencyPages, registers: dict[int, dict], latest: dict) -> None:
        """The statistics page of every register year, and each year's annual report."""
        r, a = out.region.id, out.agency.id
        out.render(
            addresses.ppid_statistik(r, a),
            "ppid_statistik.md.j2",
            "Statistik Layanan Informasi Publik",
            {
                "registers": registers,
                "terakhir": latest,
                "contoh": any(v["contoh"] for v in registers.values()),
                "contoh_semua": all(v["contoh"] for v in registers.values()),
            },
            {"sumber": self._sumber(latest), "hide": ["navigation"]},
        )
        for tahun, v in registers.items():
            out.render(
                addresses.ppid_laporan(r, a, tahun),
                "ppid_laporan.md.j2",
                f"Laporan Layanan Informasi Publik {tahun}",
                {"v": v},
                {"sumber": self._sumber(v), "hide": ["navigation"]},
            )

    @staticmethod
    def _sumber(v: dict | None) -> str | None:
        if not v:
            return None
        return f"Register permohonan informasi PPID tahun {v['tahun']}" + (
            " (DATA CONTOH, bukan catatan layanan yang sebenarnya)" if v["contoh"] else ""
        )


def _procedures(r: str, a: str) -> tuple[tuple[str, str, str], ...]:
    """(path, template, title) of the procedure pages and the printable forms."""
    return (
        (addresses.ppid_cara(r, a), "ppid_cara_mengajukan.md.j2", "Cara mengajukan permohonan informasi"),
        (addresses.ppid_keberatan(r, a), "ppid_keberatan.md.j2", "Cara mengajukan keberatan"),
        (addresses.ppid_formulir_permohonan(r, a), "ppid_formulir_permohonan.md.j2", "Formulir permohonan informasi publik"),
        (addresses.ppid_formulir_keberatan(r, a), "ppid_formulir_keberatan.md.j2", "Formulir pernyataan keberatan"),
    )


class _AgencyPages:
    """Renders one agency's PPID pages through render_site's ``page`` function: every page
    gets the shared context, its path and breadcrumb; every title names the agency."""

    def __init__(self, ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, page, base: dict):
        pd = agency.model
        self.region, self.agency, self.page, self.base = region, agency, page, base
        self.identity = {
            "wilayah": region.model.nama,
            "perangkat_daerah": pd.nama,
            "perangkat_daerah_url": addresses.url(addresses.agency(region.id, agency.id)),
        }
        self.crumbs = breadcrumb(ix, region, agency) + [("Layanan informasi publik", addresses.ppid_index(region.id, agency.id))]
        self.title_pd = pd.singkatan or pd.nama

    def render(self, path: str, template: str, title: str, ctx: dict, meta: dict, crumbs: list | None = None) -> None:
        self.page(
            path,
            template,
            {**self.base, "page_path": path, "breadcrumb": self.crumbs if crumbs is None else crumbs, **ctx},
            {"title": f"{title} – {self.title_pd}", **self.identity, **meta},
        )

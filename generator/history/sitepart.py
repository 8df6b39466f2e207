"""The history's part of the site, as the site layer (site/compose.py) calls it: read the
history once per build, then per page its line, per position its section, per agency its
"Perubahan terbaru" page, feed and downloads, and the site's own page, feed and files.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from generator.core import addresses
from generator.history import SHALLOW_NOTE, History, figures, files, pages, read_history

NAV_TITLE = "Perubahan terbaru"


class Riwayat:
    def __init__(self, history: History, result: Any):
        self.h = history
        ds = result.dataset
        self.ds = ds
        self.site_url = ds.situs.site_url and str(ds.situs.site_url)
        self.names = {f"{a.region_id}/{a.id}/{p.id}": p.model.jabatan for a in ds.agencies() for p in a.positions.values()}
        self.reports: dict[tuple[str, str], list[tuple[str, int, int]]] = defaultdict(list)
        for agency, position, _year, _lap, res in result.reports:
            self.reports[(agency.region_id, agency.id)].append((position.id, res.tahun, res.triwulan))

    @classmethod
    def load(cls, result: Any, cache_dir: Path | None) -> Riwayat | None:
        """The build's history (None without one); says so in one line when the clone is shallow."""
        doc = result.dataset.situs_doc if result.dataset is not None else None
        if doc is None:
            return None
        history = read_history(Path(doc.path).parent, cache_dir.parent / "riwayat" if cache_dir else None, parsed_models(result))
        if history is None:
            return None
        if history.dangkal:
            print(SHALLOW_NOTE, file=sys.stderr)
        return cls(history, result)

    def digests(self) -> dict[tuple[str, str], str]:
        return {(a.region_id, a.id): self.h.digest(a.region_id, a.id) for a in self.ds.agencies()}

    def footer(self, page_path: str) -> str:
        return pages.footer(self.h, page_path)

    def position(self, region: str, agency: str, position: str, page_path: str) -> pages.PositionHistory:
        links: dict[str, str] = {"csv": Markup(escape(addresses.rel(page_path, files.position_csv(region, agency, position))))}
        return pages.PositionHistory(self.h, region, agency, position, page_path, links)

    def agency_files(self, region: Any, agency: Any, page, out: dict[str, bytes]) -> None:
        """The agency's "Perubahan terbaru" page (through ``page``), its feed, each
        position's history CSV and each report's history document."""
        r, a = region.id, agency.id
        entries = self.h.of_agency(r, a)
        path = pages.agency_page(r, a)
        name = agency.model.singkatan or agency.model.nama
        links = {"atom": files.agency_feed(r, a), "csv_semua": files.CSV_ALL, "situs": pages.PAGE}
        ctx = pages.recent_page(self.h, entries, path, self.names, f"Perubahan terbaru: {agency.model.nama}", links)
        ctx["breadcrumb"] = [
            ("Beranda", addresses.HOME),
            (region.model.nama, addresses.region(r)),
            (name, addresses.agency(r, a)),
        ]
        page(path, "perubahan_terbaru.md.j2", ctx, {"title": f"Perubahan terbaru – {name}", "hide": ["navigation"]})
        out[files.agency_feed(r, a)] = files.atom(
            entries,
            files.agency_feed(r, a),
            path,
            f"Perubahan data kinerja {agency.model.nama}",
            self.ds.situs.judul,
            self.site_url,
            self.names,
        )
        by_pos: dict[str, list[dict[str, Any]]] = defaultdict(list)
        by_report: dict[tuple[str, int, int], list[dict[str, Any]]] = defaultdict(list)
        for e in entries:
            by_pos[e["jabatan"]].append(e)
            by_report[(e["jabatan"], e["tahun"], e["triwulan"])].append(e)
        for p in agency.positions:
            out[files.position_csv(r, a, p)] = files.csv_bytes(by_pos.get(p, []))
        for p, tahun, tw in self.reports.get((r, a), []):
            first = self.h.laporan.get(f"{r}/{a}/{p}/{addresses.period_slug(tahun, tw)}")
            out[files.report_json(r, a, p, tahun, tw)] = files.report_doc(
                r, a, p, tahun, tw, by_report.get((p, tahun, tw), []), first, self.h.dangkal
            )

    def site_files(self, page, out: dict[str, bytes], nav: list) -> None:
        """The whole site's "Perubahan terbaru" page, feed, history CSV and schema."""
        links = {"atom": files.FEED, "csv_semua": files.CSV_ALL}
        ctx = pages.recent_page(self.h, self.h.entries, pages.PAGE, self.names, "Perubahan terbaru", links)
        ctx["breadcrumb"] = [("Beranda", addresses.HOME)]
        page(pages.PAGE, "perubahan_terbaru.md.j2", ctx, {"title": "Perubahan terbaru", "hide": ["navigation"]})
        out[files.FEED] = files.atom(
            self.h.entries,
            files.FEED,
            pages.PAGE,
            f"Perubahan data kinerja – {self.ds.situs.judul}",
            self.ds.situs.judul,
            self.site_url,
            self.names,
        )
        out[files.CSV_ALL] = files.csv_bytes(self.h.entries)
        out[files.SCHEMA] = files.schema(self.site_url)
        nav.append({NAV_TITLE: pages.PAGE})


def parsed_models(result: Any) -> dict[str, Any]:
    """The models check has parsed, by the git blob id of their file: the history pass
    reuses them for every commit whose file is the same (figures.Parser)."""
    ds = result.dataset
    found: list[tuple[Any, Any]] = [(ds.situs_doc, ds.situs)]
    for region in ds.regions.values():
        found.append((region.doc, region.model))
        for agency in region.agencies.values():
            found.append((agency.doc, agency.model))
    found += [(year.doc, year.model) for _r, _a, _p, year in ds.years()]
    out: dict[str, Any] = {}
    for doc, model in found:
        try:
            out[figures.blob_id(Path(doc.path).read_bytes())] = model
        except (OSError, AttributeError):
            continue
    return out

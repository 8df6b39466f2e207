"""The Status pelaporan and Analisis pages of each region and agency: what each page
shows (contexts for templates/status_*.md.j2 and analisis_*.md.j2) and the CSV beside
each table. The site layer (site/compose.py) renders them with ``Page.render``:

    for path, template, ctx, meta in pages.region(ix, region, first_seen, files): page(...)
    for path, template, ctx, meta in pages.agency(ix, region, agency, first_seen, files): page(...)

``first_seen``: data-relative path → (date, commit) of the data files' history, when the
build has it; ``files`` receives the CSVs (docs-relative path → bytes).
"""

from __future__ import annotations

import datetime as dt

from generator.analysis import analisis, status
from generator.analysis.csvout import csv_bytes
from generator.core import addresses, fmt
from generator.model.tenggat import LKJ_BULAN, PK_BULAN, PPID_BERKALA_BULAN, TRIWULAN_HARI
from generator.render.siteindex import SiteIndex, breadcrumb, position_label
from generator.validate.dataset import AgencyRecord, RegionRecord

PageSpec = tuple[str, str, dict, dict]
MAX_REGION_ITEMS = 100  # positions with a missing or late document listed on a region's page (all in the CSV)
STATUS_COLUMNS = [
    "wilayah",
    "perangkat_daerah",
    "jabatan_id",
    "jabatan",
    "tahun",
    "dokumen",
    "status",
    "tanggal",
    "tenggat",
    "hari_terlambat",
    "catatan",
    "berkas",
    "pertama_tercatat",
    "commit",
]


def links(region_id: str, agency_id: str | None = None) -> dict[str, str]:
    """The two pages of a region or agency, for the links on its own page."""
    return {"status": addresses.status_pelaporan(region_id, agency_id), "analisis": addresses.analisis(region_id, agency_id)}


def nav(region: RegionRecord) -> list[dict[str, str]]:
    """The region's two pages in the navigation (agency pages are linked from the agency)."""
    return [{"Status pelaporan": addresses.status_pelaporan(region.id)}, {"Analisis": addresses.analisis(region.id)}]


def tenggat_view(region: RegionRecord) -> list[dict]:
    """The deadlines in force for the region, each with whether it is the default."""
    t = region.model.tenggat
    dpa = ", ".join(f"{tahun}: {fmt.tanggal(d)}" for tahun, d in sorted(t.tanggal_dpa.items()))
    return [
        {
            "nama": "Perjanjian Kinerja (PK)",
            "aturan": f"paling lambat {t.pk_bulan_setelah_dpa} bulan sesudah DPA disahkan",
            "bawaan": t.pk_bulan_setelah_dpa == PK_BULAN,
        },
        {
            "nama": "Tanggal pengesahan DPA",
            "aturan": dpa or "tidak diisi: dianggap 1 Januari tahun anggaran",
            "bawaan": not t.tanggal_dpa,
        },
        {
            "nama": "Laporan triwulan",
            "aturan": f"paling lambat {t.triwulan_hari} hari sesudah triwulan berakhir",
            "bawaan": t.triwulan_hari == TRIWULAN_HARI,
        },
        {
            "nama": "LKj tahunan (laporan TW IV)",
            "aturan": f"paling lambat {t.lkj_bulan} bulan sesudah tahun anggaran berakhir",
            "bawaan": t.lkj_bulan == LKJ_BULAN,
        },
        {
            "nama": "Informasi berkala PPID",
            "aturan": f"paling sedikit sekali setiap {t.ppid_berkala_bulan} bulan",
            "bawaan": t.ppid_berkala_bulan == PPID_BERKALA_BULAN,
        },
    ]


def matrix(items: list[status.Item], region: RegionRecord, as_of: dt.date) -> list[dict]:
    """One row per position and year, a cell per document (status.DOKUMEN): the rows with
    a missing or late document first, then the others, each group in document order."""
    groups: dict[tuple[str, str, int], list[status.Item]] = {}
    for item in items:
        groups.setdefault((item.perangkat_daerah, item.jabatan_id, item.tahun), []).append(item)
    rows: list[dict] = []
    for n, ((aid, pid, tahun), g) in enumerate(groups.items()):
        first = g[0]
        agency = region.agencies[aid]
        cells = {i.dokumen: i for i in g}
        buruk = sum(1 for i in g if i.status in (status.BELUM_ADA, status.TERLAMBAT))
        rows.append(
            {
                "urut": (0 if buruk else 1, -tahun, n),
                "buruk": buruk,
                "perangkat_daerah": agency.model.singkatan or agency.model.nama,
                "jabatan": position_label(agency.positions[pid], as_of),
                "path": addresses.position(region.id, aid, pid),
                "tahun": tahun,
                "tercatat": (
                    f"{fmt.tanggal(first.pertama_tercatat)} ({first.commit[:7]})"
                    if first.pertama_tercatat and first.commit
                    else None
                ),
                "sel": [_cell(cells[d]) for d in status.DOKUMEN],
            }
        )
    rows.sort(key=lambda r: tuple(r["urut"]))
    return rows


def _cell(i: status.Item) -> dict:
    return {
        "status": i.status,
        "kelas": STATE_CLASS[i.status],
        "tanggal": fmt.tanggal(i.tanggal) or None,
        "hari": i.hari_terlambat if i.status == status.TERLAMBAT else None,
        "catatan": i.catatan if i.dokumen != "LKj tahunan" else None,  # the LKj's is the same everywhere
    }


def deadline_rows(region: RegionRecord, years: list[int]) -> list[dict]:
    """The deadline of every document, per year (the same for every position of the region)."""
    return [{"tahun": t, "tenggat": [fmt.tanggal(d) for d in status.deadlines(t, region.model.tenggat).values()]} for t in years]


STATE_CLASS = {
    status.BELUM_ADA: "kj-st-belum",
    status.TERLAMBAT: "kj-st-terlambat",
    status.TANPA_TANGGAL: "kj-st-tanpa",
    status.BELUM_JATUH_TEMPO: "kj-st-nanti",
    status.TEPAT_WAKTU: "kj-st-tepat",
}


def _berkala_view(b: status.Berkala) -> dict:
    return {
        "terakhir": fmt.tanggal(b.terakhir) or None,
        "tenggat": fmt.tanggal(b.tenggat) or None,
        "status": b.status,
        "kelas": STATE_CLASS[b.status],
    }


def status_page(
    ix: SiteIndex,
    region: RegionRecord,
    agency: AgencyRecord | None,
    first_seen: status.FirstSeen | None,
    files: dict[str, bytes],
    items: list[status.Item] | None = None,
) -> PageSpec:
    """The Status pelaporan page of the region (``agency`` None) or of one agency; ``items``:
    the region's, already worked out (an agency's page takes its own from them)."""
    as_of: dt.date = ix.data_per
    agencies = [agency] if agency is not None else list(region.agencies.values())
    if items is None:
        items = [i for a in agencies for i in status.agency_items(region, a, as_of, first_seen)]
    df = status.frame(items)
    path = addresses.status_pelaporan(region.id, agency.id if agency else None)
    csv_path = addresses.analysis_file(path, "status-pelaporan", region.id, agency.id if agency else None)
    files[csv_path] = csv_bytes(df, STATUS_COLUMNS)
    counts = status.counts(df)
    summary = []
    for a in agencies:
        c = counts.loc[a.id].to_dict() if a.id in counts.index else dict.fromkeys(status.STATES, 0)
        summary.append(
            {
                "nama": a.model.nama,
                "path": addresses.status_pelaporan(region.id, a.id),
                "jabatan": len(a.positions),
                "tahun": ", ".join(str(y) for y in status.agency_years(a)) or "–",
                "jumlah": [int(c[s]) for s in status.STATES],
                "berkala": _berkala_view(status.berkala(region, a, as_of)),
            }
        )
    rows = matrix(items, region, as_of)
    urgent = [r for r in rows if r["buruk"]]
    shown = urgent if agency is not None else urgent[:MAX_REGION_ITEMS]
    years = sorted({i.tahun for i in items}, reverse=True)
    ctx = {
        "page_path": path,
        "breadcrumb": breadcrumb(ix, region, agency),
        "region": region,
        "agency": agency,
        "states": list(status.STATES),
        "state_class": STATE_CLASS,
        "summary": summary,
        "tenggat": tenggat_view(region),
        "dokumen": list(status.DOKUMEN),
        "mendesak": shown,
        "jumlah_mendesak": len(urgent),
        "lainnya": [r for r in rows if not r["buruk"]] if agency is not None else [],
        "tenggat_tahun": deadline_rows(region, years),
        "jumlah_dokumen": len(df),
        "csv": csv_path,
        "riwayat": first_seen is not None,
        "links": links(region.id, agency.id if agency else None),
    }
    where = agency.model.nama if agency else region.model.nama
    meta = {"title": f"Status pelaporan {where}", "wilayah": region.model.nama, "hide": ["navigation"]}
    if agency is not None:
        meta["perangkat_daerah"] = agency.model.nama
    template = "status_perangkat_daerah.md.j2" if agency else "status_wilayah.md.j2"
    return path, template, ctx, meta


def region(ix: SiteIndex, region: RegionRecord, first_seen: status.FirstSeen | None, files: dict[str, bytes]) -> list[PageSpec]:
    """The region's two pages (CSVs into ``files``); its agencies' are made with each
    agency (``agency``), so that an unchanged agency's are not made again."""
    items = [i for a in region.agencies.values() for i in status.agency_items(region, a, ix.data_per, first_seen)]
    frames = analisis.frames(ix, region)
    return [status_page(ix, region, None, first_seen, files, items), analisis.page(ix, region, None, files, frames)]


def agency(
    ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, first_seen: status.FirstSeen | None, files: dict[str, bytes]
) -> list[PageSpec]:
    """The agency's two pages (CSVs into ``files``): they show the agency's own positions
    only, so they depend on nothing of the other agencies."""
    own = status.agency_items(region, agency, ix.data_per, first_seen)
    return [
        status_page(ix, region, agency, first_seen, files, own),
        analisis.page(ix, region, agency, files, analisis.frames(ix, region, agency)),
    ]

"""The Analisis page of a region or an agency: predikat per agency and period, indicators
below target quarter after quarter, budget absorption against average capaian (the
quadrant chart), the ranking with the number of indicators behind each average, and the
printed figures that differ from the computed ones. Every table has its CSV beside it;
every figure is the engine's Decimal (analysis/tables.py)."""

from __future__ import annotations

import pandas as pd

from generator.analysis import charts, tables
from generator.analysis.csvout import csv_bytes
from generator.core import addresses, fmt
from generator.render.siteindex import ChartSpec, SiteIndex, breadcrumb, position_label
from generator.validate.dataset import AgencyRecord, RegionRecord

# inches: 346 CSS px, one drawing for phone and desktop (no text under 12 CSS px in a 358 px
# phone column; the page caps it at 30rem on a desktop). One matplotlib figure per page, not two.
WIDTH = 3.6
MAX_LIST = 100  # rows of a long list shown on a page (all of them are in its CSV)


def _scale(ix: SiteIndex, reports: pd.DataFrame) -> list[str]:
    names = [b.predikat for b in ix.site_policy.skala_predikat]
    extra = [p for p in dict.fromkeys(reports["predikat"].dropna()) if p not in names] if not reports.empty else []
    return names + extra


def _figure(v) -> str:
    return fmt.angka(v) if v is not None and not isinstance(v, str) else (v or "–")


def _pos_path(region: RegionRecord, agency_id: str, position_id: str) -> str:
    return addresses.position(region.id, agency_id, position_id)


def frames(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None) -> tuple[pd.DataFrame, ...]:
    """The report, indicator and printed-difference frames of the region (or one agency)."""
    return (
        tables.report_frame(ix, region, agency),
        tables.indicator_frame(ix, region, agency),
        tables.diff_frame(ix, region, agency),
    )


def page(
    ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None, files: dict[str, bytes], made: tuple | None = None
) -> tuple[str, str, dict, dict]:
    """The Analisis page of the region (``agency`` None) or of one agency; ``made``: its
    frames (``frames``), when already made."""
    aid = agency.id if agency else None
    path = addresses.analisis(region.id, aid)

    def csv(name: str, df: pd.DataFrame, columns: list[str]) -> str:
        p = addresses.analysis_file(path, name, region.id, aid)
        files[p] = csv_bytes(df, columns)
        return p

    def label(r) -> str:  # "Jabatan (holder)": positions of the same name told apart
        return position_label(region.agencies[r["perangkat_daerah"]].positions[r["jabatan_id"]], ix.data_per)

    reports, indicators, diffs = made if made is not None else frames(ix, region, agency)
    periods = tables.periods(reports)
    latest = periods[0] if periods else None

    # 1. predikat per agency and period
    scale = _scale(ix, reports)
    dist = tables.predikat_distribution(reports, scale)
    bands = [*scale, tables.TANPA_PREDIKAT]
    predikat = {
        "kolom": bands,
        "baris": [
            {
                "nama": r["nama_pd"],
                "periode": fmt.periode(int(r["tahun"]), int(r["triwulan"])),
                "jumlah": [int(r[b]) for b in bands],
            }
            for r in dist.to_dict("records")
        ],
        "csv": csv("predikat", dist, ["perangkat_daerah", "nama_pd", "tahun", "triwulan", *bands]),
    }

    # 2. below target in two or more consecutive quarters
    runs = tables.below_in_a_row(indicators)
    runs_csv = runs.assign(
        capaian_per_triwulan=["; ".join(f"TW {fmt.ROMAWI[tw]}: {fmt.angka(c)}" for tw, c in cs) for cs in runs["capaian"]]
    )
    bawah = {
        "baris": [
            {
                "perangkat_daerah": r["nama_pd"],
                "jabatan": label(r),
                "path": _pos_path(region, r["perangkat_daerah"], r["jabatan_id"]),
                "tahun": r["tahun"],
                "indikator": r["indikator"],
                "triwulan": f"TW {fmt.ROMAWI[r['dari']]} – TW {fmt.ROMAWI[r['sampai']]}",
                "capaian": [(f"TW {fmt.ROMAWI[tw]}", c) for tw, c in r["capaian"]],
            }
            for r in runs.head(MAX_LIST).to_dict("records")
        ],
        "jumlah": len(runs),
        "csv": csv(
            "di-bawah-target",
            runs_csv,
            [
                "perangkat_daerah",
                "jabatan_id",
                "jabatan",
                "tahun",
                "indikator_id",
                "indikator",
                "dari",
                "sampai",
                "capaian_per_triwulan",
            ],
        ),
    }

    # 3. the quadrants of the latest period (all periods in the CSV)
    all_q = pd.concat([tables.quadrants(reports, t, w) for t, w in periods], ignore_index=True) if periods else reports.iloc[0:0]
    q_csv = csv(
        "kuadran",
        all_q,
        ["perangkat_daerah", "jabatan_id", "jabatan", "tahun", "triwulan", "anggaran_total", "rata_rata", "kuadran"],
    )
    kuadran = None
    if latest is not None:
        q = tables.quadrants(reports, *latest)
        names = tuple(tables.KUADRAN.items())
        points = tuple((int(r["nomor"]), r["anggaran_total"], r["rata_rata"], r["kuadran"]) for r in q.to_dict("records"))
        counts = {k: sum(1 for p in points if p[3] == k) for k in tables.KUADRAN}
        chart = None
        if points:
            alt = (
                f"Diagram kuadran capaian anggaran terhadap rata-rata capaian kinerja, {fmt.periode(*latest)}, "
                f"{len(points)} jabatan: "
                + "; ".join(f"kuadran {k} ({tables.KUADRAN[k].lower()}) {n} jabatan" for k, n in counts.items())
            )
            svg = addresses.analysis_file(path, "kuadran", region.id, aid, "svg")
            chart = ChartSpec(svg, alt, charts.kuadran, (points, names, WIDTH))
        kuadran = {
            "periode": fmt.periode(*latest),
            "grafik": chart,
            "arti": [{"huruf": k, "arti": v, "jumlah": counts[k]} for k, v in tables.KUADRAN.items()],
            "baris": [
                {
                    "nomor": r["nomor"],
                    "jabatan": label(r),
                    "perangkat_daerah": r["nama_pd"],
                    "path": _pos_path(region, r["perangkat_daerah"], r["jabatan_id"]),
                    "serapan": r["anggaran_total"],
                    "capaian": r["rata_rata"],
                    "kuadran": r["kuadran"],
                }
                for r in q.head(MAX_LIST).to_dict("records")
            ],
            "jumlah": len(q),
            "bernomor": 0 < len(q) <= charts.LABELLED,
            # too many points to list on the page: the quadrants per agency (every point in the CSV)
            "per_pd": (
                [
                    {"nama": nama, "jumlah": [int(n) for n in row]}
                    for nama, row in pd.crosstab(q["nama_pd"], q["kuadran"])
                    .reindex(columns=list(tables.KUADRAN), fill_value=0)
                    .iterrows()
                ]
                if len(q) > MAX_LIST
                else []
            ),
            "tanpa_anggaran": int(((reports["tahun"] == latest[0]) & (reports["triwulan"] == latest[1])).sum()) - len(q),
        }

    # 4. ranking: agencies by their head's average (region), positions (agency)
    by_agency = agency is None
    ranked_all = (
        pd.concat([tables.ranking(reports, t, w, by_agency) for t, w in periods], ignore_index=True)
        if periods
        else reports.iloc[0:0]
    )
    if "peringkat" not in ranked_all:
        ranked_all = ranked_all.assign(peringkat=pd.Series(dtype=object))
    rank_csv = csv(
        "peringkat",
        ranked_all,
        [
            "tahun",
            "triwulan",
            "peringkat",
            "perangkat_daerah",
            "nama_pd",
            "jabatan_id",
            "jabatan",
            "rata_rata",
            "jumlah_indikator",
            "predikat",
        ],
    )
    ranked = tables.ranking(reports, *latest, by_agency) if latest else reports.iloc[0:0]
    peringkat = {
        "periode": fmt.periode(*latest) if latest else None,
        "per_pd": by_agency,
        "baris": [
            {
                "peringkat": int(r["peringkat"]),
                "nama": r["nama_pd"] if by_agency else label(r),
                "path": addresses.agency(region.id, r["perangkat_daerah"])
                if by_agency
                else _pos_path(region, r["perangkat_daerah"], r["jabatan_id"]),
                "jabatan": label(r),
                "rata_rata": r["rata_rata"],
                "indikator": int(r["jumlah_indikator"]),
                "predikat": r["predikat"],
            }
            for r in ranked.head(MAX_LIST).to_dict("records")
        ],
        "jumlah": len(ranked),
        "csv": rank_csv,
    }

    # 5. printed figures that differ from the computed ones
    per_pd = tables.differences_by_agency(diffs, reports)
    selisih = {
        "per_pd": [
            {
                "nama": r["nama_pd"],
                "laporan": int(r["laporan"]),
                "berbeda": int(r["laporan_berbeda"]),
                "angka": int(r["angka_berbeda"]),
            }
            for r in per_pd.to_dict("records")
        ],
        "baris": [
            {
                "perangkat_daerah": r["nama_pd"],
                "jabatan": label(r),
                "path": _pos_path(region, r["perangkat_daerah"], r["jabatan_id"]),
                "periode": r["periode"],
                "angka": r["angka"],
                "tercetak": _figure(r["tercetak"]),
                "dihitung": _figure(r["dihitung"]),
            }
            for r in diffs.head(MAX_LIST).to_dict("records")
        ],
        "jumlah": len(diffs),
        "csv": csv(
            "angka-tercetak-berbeda",
            diffs,
            ["perangkat_daerah", "jabatan_id", "jabatan", "tahun", "triwulan", "angka", "tercetak", "dihitung"],
        ),
    }

    ctx = {
        "page_path": path,
        "breadcrumb": breadcrumb(ix, region, agency),
        "region": region,
        "agency": agency,
        "jumlah_laporan": len(reports),
        "periode": [fmt.periode(t, w) for t, w in periods],
        "predikat_tabel": predikat,
        "bawah": bawah,
        "kuadran": kuadran,
        "peringkat": peringkat,
        "selisih": selisih,
        "q_csv": q_csv,
        "max_list": MAX_LIST,
        "status_path": addresses.status_pelaporan(region.id, aid),
    }
    where = agency.model.nama if agency else region.model.nama
    meta = {"title": f"Analisis {where}", "wilayah": region.model.nama, "hide": ["navigation"]}
    if agency is not None:
        meta["perangkat_daerah"] = agency.model.nama
    return path, "analisis_perangkat_daerah.md.j2" if agency else "analisis_wilayah.md.j2", ctx, meta

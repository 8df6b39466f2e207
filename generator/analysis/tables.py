"""The cross-cutting tables of the Analisis pages, made with pandas from the engine's results.

pandas groups, pivots, ranks and joins; every figure in these tables is the engine's own
``Decimal`` (columns of dtype object), never recomputed, never a float. Sorting and
ranking compare Decimals exactly. Each function takes the report frame of one region or
agency (``reports``) or its indicator frame (``indicators``).
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from generator.core import fmt
from generator.render.siteindex import SiteIndex, heads, positions_in_order
from generator.validate.dataset import AgencyRecord, RegionRecord

SERATUS = Decimal(100)
TANPA_PREDIKAT = "Tanpa predikat"

# The quadrants of budget absorption (x) against average capaian (y), split at 100% on
# both axes: the reports' own reading ("efisiensi" when capaian exceeds absorption).
KUADRAN = {
    "A": "Target tercapai, anggaran terserap penuh",
    "B": "Target tercapai, anggaran belum terserap penuh",
    "C": "Target belum tercapai, anggaran belum terserap penuh",
    "D": "Target belum tercapai, anggaran terserap penuh",
}

REPORT_COLUMNS = [
    "wilayah",
    "perangkat_daerah",
    "nama_pd",
    "urut",
    "jabatan_id",
    "jabatan",
    "pimpinan",
    "tahun",
    "triwulan",
    "periode",
    "rata_rata",
    "jumlah_indikator",
    "predikat",
    "anggaran_total",
    "selisih_tercetak",
]
INDICATOR_COLUMNS = [
    "perangkat_daerah",
    "nama_pd",
    "jabatan_id",
    "jabatan",
    "tahun",
    "triwulan",
    "indikator_id",
    "indikator",
    "capaian",
]
DIFF_COLUMNS = [
    "perangkat_daerah",
    "nama_pd",
    "jabatan_id",
    "jabatan",
    "tahun",
    "triwulan",
    "periode",
    "angka",
    "tercetak",
    "dihitung",
]


def _agencies(region: RegionRecord, agency: AgencyRecord | None) -> list[AgencyRecord]:
    return [agency] if agency is not None else list(region.agencies.values())


def _reports(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None):
    """(agency, position's place in its agency's order, position, report) of every report of
    the region or of one agency, in the order the pages list them (one walk for every frame)."""
    for a in _agencies(region, agency):
        for urut, pos in enumerate(positions_in_order(a)):
            for e in ix.reports_of(a, pos.id):
                yield a, urut, pos, e


def report_frame(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None) -> pd.DataFrame:
    """One row per report (position × period) of the region or of one agency."""
    rows = []
    head_ids = {a.id: {p.id for p in heads(a)[:1]} for a in _agencies(region, agency)}
    for a, urut, pos, e in _reports(ix, region, agency):
        res = e.res
        rows.append(
            [
                region.id,
                a.id,
                a.model.singkatan or a.model.nama,
                urut,
                pos.id,
                pos.model.jabatan,
                pos.id in head_ids[a.id],
                res.tahun,
                res.triwulan,
                fmt.periode(res.tahun, res.triwulan),
                res.rata_rata,
                res.jumlah_dihitung,
                res.predikat.predikat if res.predikat else None,
                res.anggaran_total,
                len(res.discrepancies),
            ]
        )
    return pd.DataFrame(rows, columns=REPORT_COLUMNS, dtype=object)


def indicator_frame(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None) -> pd.DataFrame:
    """One row per counted indicator per report (the engine's rounded capaian)."""
    rows = []
    for a, _urut, pos, e in _reports(ix, region, agency):
        for r in e.res.rows:
            if r.dihitung and r.capaian is not None:
                rows.append(
                    [
                        a.id,
                        a.model.singkatan or a.model.nama,
                        pos.id,
                        pos.model.jabatan,
                        e.res.tahun,
                        e.res.triwulan,
                        r.id,
                        r.indikator,
                        r.capaian,
                    ]
                )
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS, dtype=object)


def diff_frame(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord | None = None) -> pd.DataFrame:
    """One row per printed figure that differs from the computed one."""
    rows = []
    for a, _urut, pos, e in _reports(ix, region, agency):
        for d in e.res.discrepancies:
            rows.append(
                [
                    a.id,
                    a.model.singkatan or a.model.nama,
                    pos.id,
                    pos.model.jabatan,
                    e.res.tahun,
                    e.res.triwulan,
                    fmt.periode(e.res.tahun, e.res.triwulan),
                    d.label,
                    d.tercetak,
                    d.dihitung,
                ]
            )
    return pd.DataFrame(rows, columns=DIFF_COLUMNS, dtype=object)


# --------------------------------------------------------------------------- the analyses


def periods(reports: pd.DataFrame) -> list[tuple[int, int]]:
    """The periods of the frame, newest first."""
    if reports.empty:
        return []
    return sorted({(int(t), int(w)) for t, w in zip(reports["tahun"], reports["triwulan"])}, reverse=True)


def predikat_distribution(reports: pd.DataFrame, scale: list[str]) -> pd.DataFrame:
    """Positions per predikat for each agency and period (a column per band of ``scale``,
    best first, then those without a predikat; zeros kept), newest period first."""
    cols = [*scale, TANPA_PREDIKAT]
    if reports.empty:
        return pd.DataFrame(columns=["perangkat_daerah", "nama_pd", "tahun", "triwulan", *cols])
    df = reports.assign(predikat=reports["predikat"].fillna(TANPA_PREDIKAT))
    table = pd.crosstab([df["perangkat_daerah"], df["nama_pd"], df["tahun"], df["triwulan"]], df["predikat"])
    table = table.reindex(columns=cols, fill_value=0).astype(int).reset_index()
    order = {a: i for i, a in enumerate(dict.fromkeys(reports["perangkat_daerah"]))}
    table["_urut"] = table["perangkat_daerah"].map(order)
    table = table.sort_values(["tahun", "triwulan", "_urut"], ascending=[False, False, True], kind="stable")
    return table.drop(columns="_urut").reset_index(drop=True)


def below_in_a_row(indicators: pd.DataFrame, at_least: int = 2) -> pd.DataFrame:
    """Indicators below target (capaian < 100%) in ``at_least`` or more consecutive
    quarters of one year: one row per run, with the quarters and their capaian."""
    cols = [
        "perangkat_daerah",
        "nama_pd",
        "jabatan_id",
        "jabatan",
        "tahun",
        "indikator_id",
        "indikator",
        "dari",
        "sampai",
        "capaian",
    ]
    if indicators.empty:
        return pd.DataFrame(columns=cols)
    key = ["perangkat_daerah", "jabatan_id", "tahun", "indikator_id"]
    df = indicators.sort_values([*key, "triwulan"], kind="stable").reset_index(drop=True)
    bawah = pd.Series([c < SERATUS for c in df["capaian"]], dtype=bool)
    tw = df["triwulan"].astype(int)
    same = pd.Series(True, index=df.index)
    for k in key:
        same &= df[k].eq(df[k].shift())
    # a row continues a run when it is the same indicator, the next quarter, and both are below
    continues = same & tw.eq(tw.shift() + 1) & bawah & bawah.shift(fill_value=False)
    run = (~continues).cumsum()
    below = df[bawah].assign(run=run[bawah])
    size = below.groupby("run")["run"].transform("size")
    below = below[size >= at_least]
    if below.empty:
        return pd.DataFrame(columns=cols)
    g = below.groupby("run", sort=False)
    out = g[["perangkat_daerah", "nama_pd", "jabatan_id", "jabatan", "tahun", "indikator_id", "indikator"]].first()
    out["dari"] = g["triwulan"].first().astype(int)
    out["sampai"] = g["triwulan"].last().astype(int)
    out["capaian"] = [list(zip(t, c)) for t, c in zip(g["triwulan"].agg(lambda x: [int(v) for v in x]), g["capaian"].agg(list))]
    return out.reset_index(drop=True)[cols].astype(object)


def kuadran(capaian: Decimal, serapan: Decimal) -> str:
    """The quadrant of a position (see KUADRAN): split at 100% on both axes."""
    if capaian >= SERATUS:
        return "A" if serapan >= SERATUS else "B"
    return "D" if serapan >= SERATUS else "C"


def quadrants(reports: pd.DataFrame, tahun: int, triwulan: int) -> pd.DataFrame:
    """The positions of one period with both an average capaian and a budget absorption,
    numbered in document order, with their quadrant."""
    df = reports[(reports["tahun"] == tahun) & (reports["triwulan"] == triwulan)]
    df = df[df["rata_rata"].notna() & df["anggaran_total"].notna()].copy()
    df["kuadran"] = [kuadran(c, s) for c, s in zip(df["rata_rata"], df["anggaran_total"])]
    df["nomor"] = range(1, len(df) + 1)
    return df.reset_index(drop=True)


def ranking(reports: pd.DataFrame, tahun: int, triwulan: int, by_agency: bool) -> pd.DataFrame:
    """Ranked by average capaian (highest first; equal averages share a rank), with the
    number of indicators behind each average. ``by_agency``: one row per agency, its
    head's average (the agency's own PK); else one row per position."""
    df = reports[(reports["tahun"] == tahun) & (reports["triwulan"] == triwulan)]
    if by_agency:
        df = df[df["pimpinan"].astype(bool)]
    df = df[df["rata_rata"].notna()].copy()
    if df.empty:
        return df.assign(peringkat=pd.Series(dtype=object))
    # an object column of Decimals: pandas ranks by comparing the Decimals themselves
    df["peringkat"] = df["rata_rata"].rank(method="min", ascending=False).astype(int)
    return df.sort_values(["peringkat", "urut"], kind="stable").reset_index(drop=True)


def differences_by_agency(diffs: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Per agency: reports, reports where a printed figure differs, and the figures."""
    cols = ["perangkat_daerah", "nama_pd", "laporan", "laporan_berbeda", "angka_berbeda"]
    if reports.empty:
        return pd.DataFrame(columns=cols)
    g = reports.groupby(["perangkat_daerah", "nama_pd"], sort=False)
    out = pd.DataFrame(
        {
            "laporan": g.size(),
            "laporan_berbeda": g["selisih_tercetak"].apply(lambda s: int(sum(1 for n in s if n))),
            "angka_berbeda": g["selisih_tercetak"].apply(lambda s: int(sum(s))),
        }
    ).reset_index()
    return out[cols]

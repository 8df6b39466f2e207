"""Status pelaporan and Analisis (issue 20) on a small fixture whose every expected value
is worked by hand below (tests/fixtures/analisis).

The region sets its deadlines: DPA approved 10 January 2025, quarterly reports within 10
days. Data as of 31 December 2025. So the deadlines of 2025 are: PK 10 Feb 2025, TW I
10 Apr, TW II 10 Jul, TW III 10 Oct, TW IV 10 Jan 2026, LKj 31 Mar 2026.

Dinas Contoh (Discon), Kepala Dinas: PK dated 1 Mar 2025 (19 days late); TW I 8 Apr (on
time); TW II 20 Jul (10 days late); TW III missing (82 days past 10 Oct); TW IV 31 Dec (on
time, so the LKj too). Indicators: a (targets 25/50/75/100 s.d. TW) realised 20, 30, –, 95
→ 80,00 / 60,00 / – / 95,00; b (target 10 every quarter) realised 12, 12, –, 13 → 120,00 /
120,00 / – / 130,00. Averages: TW I 100,00, TW II 90,00 (Tinggi: not above 90), TW IV 112,50
(printed 112: one printed figure differs). Budget: TW II 450.000/500.000 = 90,00%, TW IV
900.000/1.000.000 = 90,00%.
Kepala Bidang A: PK 10 Feb (on the deadline: on time); TW I missing; TW II 10 Jul (on time);
TW III missing; TW IV and LKj not due yet. Indicator c: 60 of 50 → 120,00; budget
110.000/100.000 = 110,00%.
Dinas Lain, Kepala Dinas: PK undated; TW II undated; d: 19 of 20 → 95,00; no budget.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pandas as pd
import pytest

from generator.analysis import pages, status, tables
from generator.check import check
from generator.render.siteindex import SiteIndex

FIXTURE = Path(__file__).parent / "fixtures" / "analisis"
AS_OF = dt.date(2025, 12, 31)


@pytest.fixture(scope="module")
def ix() -> SiteIndex:
    result = check(FIXTURE)
    assert result.errors == []
    return SiteIndex.build(result.dataset, result.reports)


@pytest.fixture(scope="module")
def region(ix):
    return ix.dataset.regions["kota-contoh"]


def _states(items) -> dict[tuple[str, str, str], tuple]:
    return {(i.perangkat_daerah, i.jabatan_id, i.dokumen): (i.status, i.tanggal, i.tenggat, i.hari_terlambat) for i in items}


def test_deadlines_of_the_region():
    from generator.model.tenggat import TenggatPelaporan

    t = TenggatPelaporan(tanggal_dpa={2025: dt.date(2025, 1, 10)}, triwulan_hari=10)
    assert status.deadlines(2025, t) == {
        "PK": dt.date(2025, 2, 10),
        "TW I": dt.date(2025, 4, 10),
        "TW II": dt.date(2025, 7, 10),
        "TW III": dt.date(2025, 10, 10),
        "TW IV": dt.date(2026, 1, 10),
        "LKj tahunan": dt.date(2026, 3, 31),
    }
    # the documented defaults: DPA on 1 January, 15 days, 3 months
    d = status.deadlines(2025, TenggatPelaporan())
    assert (d["PK"], d["TW I"], d["TW IV"], d["LKj tahunan"]) == (
        dt.date(2025, 2, 1),
        dt.date(2025, 4, 15),
        dt.date(2026, 1, 15),
        dt.date(2026, 3, 31),
    )
    assert status.add_months(dt.date(2025, 1, 31), 1) == dt.date(2025, 2, 28)


def test_status_of_every_document_worked_by_hand(region):
    items = [i for a in region.agencies.values() for i in status.agency_items(region, a, AS_OF)]
    assert len(items) == 3 * 6  # three positions, one year, six documents each
    s = _states(items)
    kd = ("dinas-contoh", "kepala-dinas")
    assert s[(*kd, "PK")] == ("terlambat", dt.date(2025, 3, 1), dt.date(2025, 2, 10), 19)  # a late PK
    assert s[(*kd, "TW I")] == ("tepat waktu", dt.date(2025, 4, 8), dt.date(2025, 4, 10), None)
    assert s[(*kd, "TW II")] == ("terlambat", dt.date(2025, 7, 20), dt.date(2025, 7, 10), 10)
    assert s[(*kd, "TW III")] == ("belum ada", None, dt.date(2025, 10, 10), 82)  # a missing report
    assert s[(*kd, "TW IV")][0] == "tepat waktu"
    assert s[(*kd, "LKj tahunan")] == ("tepat waktu", dt.date(2025, 12, 31), dt.date(2026, 3, 31), None)
    kb = ("dinas-contoh", "kepala-bidang-a")
    assert s[(*kb, "PK")][0] == "tepat waktu"  # dated on the deadline itself
    assert s[(*kb, "TW I")] == ("belum ada", None, dt.date(2025, 4, 10), 265)
    assert s[(*kb, "TW II")][0] == "tepat waktu"
    assert s[(*kb, "TW III")][0] == "belum ada"
    assert s[(*kb, "TW IV")][0] == "belum jatuh tempo"  # due 10 Jan 2026, after the data's date
    assert s[(*kb, "LKj tahunan")][0] == "belum jatuh tempo"
    dl = ("dinas-lain", "kepala-dinas")
    assert [s[(*dl, d)][0] for d in status.DOKUMEN] == [
        "tanggal tidak tercantum",
        "belum ada",
        "tanggal tidak tercantum",
        "belum ada",
        "belum jatuh tempo",
        "belum jatuh tempo",
    ]


def test_missing_and_late_come_first(region):
    items = [i for a in region.agencies.values() for i in status.agency_items(region, a, AS_OF)]
    df = status.frame(items)
    order = [status.ORDER[x] for x in df["status"]]
    assert order == sorted(order)
    assert list(df["status"][:7]) == ["belum ada"] * 5 + ["terlambat"] * 2
    counts = status.counts(df)
    assert counts.loc["dinas-contoh"].tolist() == [3, 2, 0, 2, 5]  # belum ada, terlambat, tanpa tanggal, belum jatuh tempo, tepat
    assert counts.loc["dinas-lain"].tolist() == [2, 0, 2, 2, 0]
    rows = pages.matrix(items, region, AS_OF)
    assert [(r["path"].split("/")[1], r["buruk"]) for r in rows] == [("dinas-contoh", 3), ("dinas-contoh", 2), ("dinas-lain", 2)]


def test_ppid_periodic_information(region):
    discon = status.berkala(region, region.agencies["dinas-contoh"], AS_OF)
    assert (discon.terakhir, discon.tenggat, discon.status) == (dt.date(2025, 12, 31), dt.date(2026, 6, 30), "tepat waktu")
    assert status.berkala(region, region.agencies["dinas-lain"], AS_OF).status == "belum ada"
    late = status.berkala(region, region.agencies["dinas-contoh"], dt.date(2026, 7, 1))
    assert late.status == "terlambat"


def test_commit_dates_from_the_history(region):
    seen = {"kota-contoh/dinas-contoh/2025/kepala-dinas.yml": (dt.date(2025, 8, 1), "abc1234")}
    items = status.agency_items(region, region.agencies["dinas-contoh"], AS_OF, seen)
    kd = [i for i in items if i.jabatan_id == "kepala-dinas"]
    assert {(i.pertama_tercatat, i.commit) for i in kd} == {(dt.date(2025, 8, 1), "abc1234")}
    assert {i.commit for i in items if i.jabatan_id == "kepala-bidang-a"} == {None}


def test_predikat_distribution(ix, region):
    reports = tables.report_frame(ix, region)
    scale = [b.predikat for b in ix.site_policy.skala_predikat]
    dist = tables.predikat_distribution(reports, scale)
    got = {
        (r["perangkat_daerah"], r["tahun"], r["triwulan"]): (r["Sangat Tinggi"], r["Tinggi"], r["Tanpa predikat"])
        for _, r in dist.iterrows()
    }
    assert got == {
        ("dinas-contoh", 2025, 4): (1, 0, 0),
        ("dinas-contoh", 2025, 2): (1, 1, 0),  # Kepala Bidang A 120,00; Kepala Dinas 90,00 (Tinggi)
        ("dinas-lain", 2025, 2): (1, 0, 0),
        ("dinas-contoh", 2025, 1): (1, 0, 0),
    }
    assert list(zip(dist["tahun"], dist["triwulan"])) == [(2025, 4), (2025, 2), (2025, 2), (2025, 1)]  # newest first


def test_below_target_in_consecutive_quarters(ix, region):
    runs = tables.below_in_a_row(tables.indicator_frame(ix, region))
    assert len(runs) == 1  # a: TW I and TW II; its TW IV stands alone (no TW III report)
    r = runs.iloc[0]
    assert (r["jabatan_id"], r["indikator_id"], r["dari"], r["sampai"]) == ("kepala-dinas", "a", 1, 2)
    assert r["capaian"] == [(1, D("80.00")), (2, D("60.00"))]


def test_quadrants_worked_by_hand(ix, region):
    reports = tables.report_frame(ix, region)
    q2 = tables.quadrants(reports, 2025, 2)
    assert [(r["jabatan_id"], r["rata_rata"], r["anggaran_total"], r["kuadran"]) for _, r in q2.iterrows()] == [
        ("kepala-dinas", D("90.00"), D("90.00"), "C"),
        ("kepala-bidang-a", D("120.00"), D("110.00"), "A"),
    ]
    q4 = tables.quadrants(reports, 2025, 4)
    assert [(r["rata_rata"], r["kuadran"]) for _, r in q4.iterrows()] == [(D("112.50"), "B")]
    assert [
        tables.kuadran(D(c), D(s)) for c, s in (("100", "100"), ("100", "99.99"), ("99.99", "99.99"), ("99.99", "100"))
    ] == list("ABCD")
    # every figure is the engine's Decimal, never a float
    assert all(isinstance(v, D) for v in [*q2["rata_rata"], *q2["anggaran_total"]])


def test_rankings_worked_by_hand(ix, region):
    reports = tables.report_frame(ix, region)
    by_agency = tables.ranking(reports, 2025, 2, by_agency=True)
    assert [(r["perangkat_daerah"], r["peringkat"], r["rata_rata"], r["jumlah_indikator"]) for _, r in by_agency.iterrows()] == [
        ("dinas-lain", 1, D("95.00"), 1),
        ("dinas-contoh", 2, D("90.00"), 2),
    ]
    discon = tables.report_frame(ix, region, region.agencies["dinas-contoh"])
    by_position = tables.ranking(discon, 2025, 2, by_agency=False)
    assert [(r["jabatan_id"], r["peringkat"], r["jumlah_indikator"]) for _, r in by_position.iterrows()] == [
        ("kepala-bidang-a", 1, 1),
        ("kepala-dinas", 2, 2),
    ]


def test_equal_averages_share_a_rank_exactly():
    df = pd.DataFrame(
        {
            "tahun": [2025] * 4,
            "triwulan": [1] * 4,
            "pimpinan": [True] * 4,
            "urut": [0, 1, 2, 3],
            "rata_rata": [D("100.1"), D("100.10"), D("99.999999999999999999"), D("100.000000000000000001")],
        },
        dtype=object,
    )
    ranked = tables.ranking(df, 2025, 1, by_agency=True)
    assert list(zip(ranked["urut"], ranked["peringkat"])) == [(0, 1), (1, 1), (3, 3), (2, 4)]


def test_printed_figures_that_differ(ix, region):
    reports = tables.report_frame(ix, region)
    diffs = tables.diff_frame(ix, region)
    assert [(r["jabatan_id"], r["triwulan"], r["tercetak"], r["dihitung"]) for _, r in diffs.iterrows()] == [
        ("kepala-dinas", 4, D("112"), D("112.50"))
    ]
    per_pd = tables.differences_by_agency(diffs, reports)
    assert per_pd[["perangkat_daerah", "laporan", "laporan_berbeda", "angka_berbeda"]].values.tolist() == [
        ["dinas-contoh", 4, 1, 1],
        ["dinas-lain", 1, 0, 0],
    ]


def test_pages_and_their_csv(ix, region):
    files: dict[str, bytes] = {}
    specs = pages.region(ix, region, None, files)
    specs += [spec for agency in region.agencies.values() for spec in pages.agency(ix, region, agency, None, files)]
    assert [p for p, *_ in specs] == [
        "kota-contoh/status-pelaporan.md",
        "kota-contoh/analisis.md",
        "kota-contoh/dinas-contoh/status-pelaporan.md",
        "kota-contoh/dinas-contoh/analisis.md",
        "kota-contoh/dinas-lain/status-pelaporan.md",
        "kota-contoh/dinas-lain/analisis.md",
    ]
    text = files["kota-contoh/status-pelaporan/status-pelaporan_kota-contoh.csv"].decode("utf-8")
    assert text.startswith(
        "\ufeffwilayah,perangkat_daerah,jabatan_id,jabatan,tahun,dokumen,status,tanggal,tenggat,hari_terlambat"
    )
    lines = text.strip().split("\r\n")
    assert len(lines) == 1 + 18
    assert "kota-contoh,dinas-contoh,kepala-dinas,Kepala Dinas Contoh,2025,PK,terlambat,2025-03-01,2025-02-10,19," in text
    q = files["kota-contoh/analisis/kuadran_kota-contoh.csv"].decode("utf-8")
    assert "dinas-contoh,kepala-dinas,Kepala Dinas Contoh,2025,4,90,112.5,B" in q  # the engine's exact figures
    _, _, ctx, _ = specs[1]
    chart = ctx["kuadran"]["grafik"]
    assert chart.args[0] == ((1, D("90.00"), D("112.50"), "B"),)
    svg = chart.draw().decode("utf-8")
    # readable without colour: each quadrant's letter and count in its corner, its meaning in words below
    assert "B: 1 jabatan" in svg and "A: 0 jabatan" in svg
    assert "A: Target tercapai, anggaran" in svg and "D: Target belum tercapai, anggaran" in svg


def test_csv_cells_are_safe_to_open():
    from generator.analysis.csvout import csv_bytes

    df = pd.DataFrame({"jabatan": ["=HYPERLINK(1)", "Kepala"], "nilai": [D("-1.50"), None]}, dtype=object)
    assert csv_bytes(df, ["jabatan", "nilai"]).decode("utf-8") == "\ufeffjabatan,nilai\r\n'=HYPERLINK(1),-1.5\r\nKepala,\r\n"


def test_deadline_settings_are_validated(tmp_path):
    """Bad deadline settings: a clear Indonesian error naming the file and line."""
    import shutil

    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    region_file = data / "kota-contoh" / "wilayah.yml"
    head = "nama: Kota Contoh\njenis: kota\ntenggat:\n"
    region_file.write_text(head + "  triwulan_hari: -3\n", encoding="utf-8")
    [bad] = check(data).errors
    assert (bad.path.endswith("kota-contoh/wilayah.yml"), bad.line) == (True, 4)
    assert bad.message.text("id") == "tenggat › triwulan_hari: '-3' di luar batas (paling kecil 0)"
    region_file.write_text(head + "  tanggal_dpa:\n    2025: 2023-01-10\n", encoding="utf-8")
    [dpa] = check(data).errors
    assert (dpa.code, dpa.path.endswith("kota-contoh/wilayah.yml"), dpa.line) == ("DPA_DATE", True, 5)
    assert dpa.message.text("id") == "tanggal DPA 2023-01-10 tidak sesuai tahun anggaran 2025"

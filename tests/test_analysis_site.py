"""Status pelaporan and Analisis in the site built from the bundled data (issue 20).

Expected values worked out from the YAML in data/ by hand: data as of 31 January 2026
(data/site.yml); no region sets deadlines, so the defaults hold (PK by 1 February,
quarterly reports 15 days after the quarter, the LKj by 31 March of the next year).

- Kota Pekalongan, Dinperinaker: 42 positions, 2025 only. Each has a PK (perubahan,
  undated: "tanggal tidak tercantum") and only a TW IV report, dated 2 January 2026 or
  31 December 2025 (on time for 15 January 2026, and so the LKj); TW I–III are missing.
- Kabupaten Gresik (2017) and Kota Probolinggo (2023): IKI sheets only, no PK and no
  report: every document of every position is "belum ada".
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from site_fixtures import DATA, content, page, resolve

DOKUMEN = ["PK", "TW I", "TW II", "TW III", "TW IV", "LKj tahunan"]


def _csv(site: Path, rel: str) -> list[dict]:
    text = (site / rel).read_bytes().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def _agencies():
    for region in sorted(p for p in DATA.iterdir() if p.is_dir() and (p / "wilayah.yml").exists()):
        for agency in sorted(p for p in region.iterdir() if (p / "perangkat-daerah.yml").exists()):
            yield region.name, agency.name, agency


@pytest.mark.parametrize("region_id, agency_id, folder", list(_agencies()), ids=lambda x: getattr(x, "name", x))
def test_every_position_and_period_is_listed(bundled_site, region_id, agency_id, folder):
    rows = _csv(bundled_site.site, f"{region_id}/{agency_id}/status-pelaporan/status-pelaporan_{region_id}_{agency_id}.csv")
    positions = {p.stem for p in (folder / "jabatan").glob("*.yml")}
    years = {p.name for p in folder.iterdir() if p.is_dir() and p.name.isdigit()}
    expected = {(p, y, d) for p in positions for y in years for d in DOKUMEN}
    assert positions and years
    assert {(r["jabatan_id"], r["tahun"], r["dokumen"]) for r in rows} == expected
    assert len(rows) == len(expected)
    if region_id != "kota-pekalongan":  # IKI only: nothing of the reporting cycle is in the data
        assert {r["status"] for r in rows} == {"belum ada"}


def test_states_of_pekalongan_worked_by_hand(bundled_site):
    rows = _csv(bundled_site.site, "kota-pekalongan/status-pelaporan/status-pelaporan_kota-pekalongan.csv")
    kd = {r["dokumen"]: r for r in rows if r["jabatan_id"] == "kepala-dinas"}
    assert {d: kd[d]["status"] for d in DOKUMEN} == {
        "PK": "tanggal tidak tercantum",
        "TW I": "belum ada",
        "TW II": "belum ada",
        "TW III": "belum ada",
        "TW IV": "tepat waktu",
        "LKj tahunan": "tepat waktu",
    }
    assert (kd["TW IV"]["tanggal"], kd["TW IV"]["tenggat"]) == ("2026-01-02", "2026-01-15")
    assert (kd["TW I"]["tenggat"], kd["TW I"]["hari_terlambat"]) == ("2025-04-15", "291")  # 15 Apr 2025 → 31 Jan 2026
    assert kd["LKj tahunan"]["tenggat"] == "2026-03-31"
    count = {s: sum(1 for r in rows if r["status"] == s) for s in {r["status"] for r in rows}}
    assert count == {"belum ada": 3 * 42, "tanggal tidak tercantum": 42, "tepat waktu": 2 * 42}
    # missing and late first
    assert [r["status"] for r in rows[: 3 * 42]] == ["belum ada"] * (3 * 42)


def test_pages_are_linked_and_complete(bundled_site):
    site = bundled_site.site
    region = page(site, "kota-pekalongan/")
    hrefs = [a.attrs.get("href") for a in content(region).iter("a")]
    assert "status-pelaporan/" in hrefs and "analisis/" in hrefs
    agency = content(page(site, "kota-pekalongan/dinperinaker/"))
    assert "status-pelaporan/" in [a.attrs.get("href") for a in agency.iter("a")]
    analisis = page(site, "kota-pekalongan/analisis/")
    body = content(analisis)
    for href in [a.attrs["href"] for a in body.iter("a") if a.attrs.get("href", "").endswith(".csv")]:
        assert resolve(site, "kota-pekalongan/analisis/", href)[0].is_file(), href
    imgs = [i.attrs["src"] for i in body.iter("img")]
    assert imgs and all(resolve(site, "kota-pekalongan/analisis/", s)[0].is_file() for s in imgs)
    text = body.text()
    assert "B: Target tercapai, anggaran belum terserap penuh (7 jabatan)" in text
    assert "tidak selalu berarti kinerja lebih baik bila targetnya rendah" in text
    nav = page(site, "kota-pekalongan/").find("nav", class_="md-nav--primary")
    links = [a.attrs.get("href", "") for a in nav.iter("a")]
    assert links.index("status-pelaporan/") < links.index("analisis/") < links.index("dinperinaker/")  # in the region's section


def test_quadrant_and_ranking_are_the_engine_figures(bundled_site):
    rows = _csv(bundled_site.site, "kota-pekalongan/dinperinaker/analisis/kuadran_kota-pekalongan_dinperinaker.csv")
    kd = next(r for r in rows if r["jabatan_id"] == "kepala-dinas")
    # data/kota-pekalongan/dinperinaker/2025/kepala-dinas.yml prints 101,72 and 94,67 for TW IV
    assert (kd["rata_rata"], kd["anggaran_total"], kd["kuadran"]) == ("101.72", "94.67", "B")
    ranking = _csv(bundled_site.site, "kota-pekalongan/analisis/peringkat_kota-pekalongan.csv")
    assert [(r["perangkat_daerah"], r["peringkat"], r["rata_rata"]) for r in ranking] == [("dinperinaker", "1", "101.72")]

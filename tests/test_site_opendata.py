"""Issue 5 on the real build: every download format of a budget-holding position and of a
staff position, read from the built site/, carries the engine's figures; every API index
link resolves inside site/."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
import test_opendata as od
from site_fixtures import DATA, content, page, parse, resolve


@pytest.fixture(scope="module")
def site_files(bundled_site) -> tuple[Path, dict[str, bytes]]:
    root = bundled_site.site
    files = {
        p.relative_to(root).as_posix(): p.read_bytes() for sub in ("unduh", "api") for p in (root / sub).rglob("*") if p.is_file()
    }
    assert files, "the build produced no downloads"
    return root, files


@pytest.fixture(scope="module")
def result():
    return od.check(od.DATA)


def _last_commit(*paths: Path) -> str:
    """The newest commit on this repository's first-parent line that changed any of ``paths``,
    asked of git itself (the build reads the same log through check.revision.DataCommits)."""
    rels = [p.relative_to(od.ROOT).as_posix() for p in paths]
    args = ["git", "log", "-1", "--first-parent", "--format=%H", "--", *rels]
    return subprocess.run(args, cwd=od.ROOT, capture_output=True, text=True, check=True).stdout.strip()


@pytest.fixture(autouse=True)
def built_commit(monkeypatch, request):
    """The real build stamps each agency's files with the newest commit that changed that
    agency's folder, its region's own files or site.yml, and the whole dataset's files with the
    newest commit that changed the data; not the fixed commit of test_opendata."""
    region = od.DATA / od.REGION
    agency = [od.DATA / "site.yml", *(p for p in region.iterdir() if p.is_file()), region / od.AGENCY]
    whole = "datapackage" in request.node.name
    monkeypatch.setattr(od, "COMMIT", _last_commit(od.DATA) if whole else _last_commit(*agency))
    monkeypatch.setattr(od, "SITE", "")  # mkdocs.yml sets no site_url: citations are site-relative


def test_budget_position_downloads_in_site(result, site_files):
    root, files = site_files
    od.test_budget_position_every_format_matches_engine(result, root, files)


def test_staff_position_downloads_in_site(result, site_files):
    root, files = site_files
    od.test_staff_position_without_budget_every_format(result, root, files)


def test_api_links_resolve_in_site(result, site_files):
    root, files = site_files
    od.test_every_api_link_resolves(result, root, files)


def test_datapackage_in_site_validates(site_files):
    root, files = site_files
    od.test_datapackage_validates_with_frictionless(root, files)


# --------------------------------------------------------------------------- "Unduh data" on the pages


def _download_blocks(doc) -> list[tuple[str, dict[str, str]]]:
    """Every "Unduh data" line of a page: (label, {format label: href})."""
    blocks = []
    for p in content(doc).iter("p"):
        if "kj-unduh" in (p.attrs.get("class") or "").split() and p.find("span", class_="kj-unduh-label"):
            label = " ".join(p.find("span", class_="kj-unduh-label").text().split())
            links = {a.text(): a.attrs["href"] for a in p.iter("a") if "download" in a.attrs}
            blocks.append((label, links))
    return blocks


def _marked_all_periods(doc) -> list[set[str]]:
    """Per "Unduh data" line (in the order of _download_blocks): the format labels of the
    links followed by "(semua periode)"."""
    out = []
    for p in content(doc).iter("p"):
        if not ("kj-unduh" in (p.attrs.get("class") or "").split() and p.find("span", class_="kj-unduh-label")):
            continue
        kids = [c for c in p.children if not (isinstance(c, str) and not c.strip())]
        out.append(
            {
                a.text()
                for a, nxt in zip(kids, kids[1:])
                if not isinstance(a, str)
                and a.tag == "a"
                and "download" in a.attrs
                and not isinstance(nxt, str)
                and nxt.tag == "span"
                and nxt.text() == "(semua periode)"
            }
        )
    return out


def test_every_page_links_its_downloads_and_every_link_resolves(bundled_site):
    """Home, regions, agencies, units and positions with data each carry "Unduh data";
    every download link on every page points at a file in site/. The lines of one period
    link its API report (JSON) only: the position's own files, for all its periods, are in
    the page's first line (issue 21: no link repeated). Region and unit pages link the
    whole dataset's and the agency's files, saying which column picks their rows."""
    site = bundled_site.site
    kinds: dict[str, int] = {}
    checked = periods = 0
    for html_file in sorted(site.rglob("index.html")):
        url = html_file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        doc = parse(html_file.read_text(encoding="utf-8"))
        blocks = _download_blocks(doc)
        for _label, links in blocks:
            assert links, (url, _label)
            for href in links.values():
                path, _ = resolve(site, url, href)
                assert path.is_file() and path.stat().st_size > 0, (url, href)
                checked += 1
        for (label, links), all_periods in zip(blocks, _marked_all_periods(doc), strict=True):
            assert not label.startswith("Unduh data anggaran "), (url, label)
            if label.startswith("Unduh data pengukuran "):
                assert list(links) == ["JSON"] and "/api/v1/laporan/" in links["JSON"], (url, label)
                periods += 1
            assert not all_periods, (url, label)
        parts = url.strip("/").split("/") if url else []
        kind = {0: "beranda", 1: "wilayah", 2: "perangkat_daerah"}.get(len(parts))
        if len(parts) == 4 and parts[2] in ("unit", "jabatan"):
            kind = parts[2]
        if kind == "wilayah" and not (DATA / parts[0]).is_dir():  # tentang/, metodologi/, …
            kind = None
        if kind == "perangkat_daerah" and not (DATA / parts[0] / parts[1]).is_dir():  # analisis/, status-pelaporan/
            kind = None
        if kind and blocks:
            kinds[kind] = kinds.get(kind, 0) + 1
    # every region, agency and unit page, and every position with a report
    assert kinds["beranda"] == 1 and kinds["wilayah"] == 3
    assert kinds["perangkat_daerah"] == 3 and kinds["unit"] >= 20
    assert kinds["jabatan"] >= 42 + 82
    assert checked > 500 and periods >= 42
    # a unit's and a region's lines: the agency's and the whole dataset's files, and how to find their rows
    unit = page(site, "kota-pekalongan/dinperinaker/unit/sekretariat/")
    (label, links), *_ = _download_blocks(unit)
    assert links["CSV"].endswith("/unduh/kota-pekalongan/dinperinaker/kota-pekalongan_dinperinaker.csv"), links
    assert "menurut kolom unit_id" in _download_lines(unit)[0]
    region = page(site, "kota-pekalongan/")
    (label, links), *_ = _download_blocks(region)
    assert links["CSV"].endswith("/unduh/kinerja.csv") and "menurut kolom wilayah_id" in _download_lines(region)[0]


def _download_lines(doc) -> list[str]:
    """Every "Unduh data" line of a page as read: "label: JSON · CSV (semua periode) · …"."""
    return [
        " ".join(p.text().split())
        for p in content(doc).iter("p")
        if "kj-unduh" in (p.attrs.get("class") or "").split() and p.find("span", class_="kj-unduh-label")
    ]


def _period_rows(path: Path, tahun: str, triwulan: str) -> list[dict[str, str]]:
    """The rows of one period in a position's all-periods CSV."""
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    return [r for r in rows if (r["tahun"], r["triwulan"]) == (tahun, triwulan)]


def test_chart_downloads_hold_the_figures_of_the_chart(bundled_site):
    """The Kepala Dinas's page: its own files (CSV and XLSX for all periods, its API
    document as JSON) in the first line, and under the measurement table the period's JSON
    (its API report). Filtered to 2025 TW IV, the CSV holds exactly the capaian shown in the
    measurement table, and so does the JSON; the agency's summary and budget CSVs hold the
    period's average and the page's budget table."""
    site = bundled_site.site
    url = "kota-pekalongan/dinperinaker/jabatan/kepala-dinas/"
    doc = page(site, url)
    blocks = dict(_download_blocks(doc))
    whole = blocks["Unduh data jabatan ini (semua periode):"]
    assert list(whole) == ["CSV", "XLSX", "JSON"]
    assert whole["JSON"].endswith("/api/v1/jabatan/kota-pekalongan/dinperinaker/kepala-dinas.json")
    period = blocks["Unduh data pengukuran Triwulan IV 2025:"]
    assert list(period) == ["JSON"] and period["JSON"] != whole["JSON"]
    lines = _download_lines(doc)
    assert "Unduh data pengukuran Triwulan IV 2025: JSON" in lines
    assert not [line for line in lines if line.startswith("Unduh data anggaran")]
    assert not [p for p in site.joinpath("unduh").rglob("*") if re.search(r"_\d{4}-tw\d", p.name)]  # no file of one period

    path, _ = resolve(site, url, whole["CSV"])
    rows = _period_rows(path, "2025", "4")
    assert rows and {r["periode"] for r in rows} == {"2025-TW4"} and all(r["laporan_id"] for r in rows)
    table = content(doc).find("div", class_="kj-pengukuran").find("tbody")
    on_page = [" ".join(tr.iter("td").__next__().text().split()) for tr in table.iter("tr") if list(tr.iter("td"))]
    assert len(on_page) == len(rows)
    shown = [" ".join(list(tr.iter("td"))[-2].text().split()[:1]) for tr in table.iter("tr") if list(tr.iter("td"))]
    capaian = [s.replace(",", ".") for s in shown]
    assert capaian == [r["capaian"] or "–" for r in rows]

    json_path, _ = resolve(site, url, period["JSON"])
    assert json_path.relative_to(site).as_posix() == "api/v1/laporan/kota-pekalongan/dinperinaker/kepala-dinas/2025-tw4.json"
    doc_json = json.loads(json_path.read_text(encoding="utf-8"))
    assert (doc_json["tahun"], doc_json["triwulan"], doc_json["halaman"]) == (2025, 4, url)
    assert [i["id"] for i in doc_json["indikator"]] == [r["indikator_id"] for r in rows]
    assert [od.num(i["capaian"]) for i in doc_json["indikator"]] == [od.dec(r["capaian"]) for r in rows]
    assert [od.num(i["capaian"]) for i in doc_json["indikator"]] == [None if c == "–" else Decimal(c) for c in capaian]

    agency_url = "kota-pekalongan/dinperinaker/"
    agency = dict(_download_blocks(page(site, agency_url)))["Unduh data perangkat daerah ini (semua jabatan dan periode):"]
    (summary,) = [
        r
        for r in _period_rows(resolve(site, agency_url, agency["CSV ringkasan"])[0], "2025", "4")
        if r["jabatan_id"] == "kepala-dinas"
    ]
    assert od.num(doc_json["capaian"]["rata_rata"]) == od.dec(summary["rata_rata_capaian"])
    assert od.num(doc_json["anggaran"]["persen"]) == od.dec(summary["capaian_anggaran"])
    budget_rows = [
        r
        for r in _period_rows(resolve(site, agency_url, agency["CSV anggaran"])[0], "2025", "4")
        if r["jabatan_id"] == "kepala-dinas"
    ]
    table = content(doc).find("div", class_="kj-anggaran").find("tbody")
    pagu_shown = [list(tr.iter("td"))[2].text().replace(".", "") for tr in table.iter("tr")]
    assert budget_rows and pagu_shown == [r["pagu"].split(".")[0] for r in budget_rows]
    assert [od.num(i["pagu"]) for i in doc_json["anggaran"]["pos"]] == [od.dec(r["pagu"]) for r in budget_rows]

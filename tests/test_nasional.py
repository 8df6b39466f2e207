"""The national portal (generator/nasional, `kinerja nasional`): built from three small
regional sites, each built on its own by `kinerja build` (as each region's CI does) and
served from a second local origin with CORS headers; its search finds a position in each
region through Pagefind's multisite search; a broken region is named; data text is
escaped in the pages and made safe in the CSV."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from site_fixtures import FIXTURES, ROOT, browser  # noqa: F401

from benchmarks.nasional import serve
from generator.cli import main
from generator.nasional import PortalError, build_portal
from generator.nasional.summary import kind

REGIONS = {"kota-anggrek": "Kota Anggrek", "kota-bakung": "Kota Bakung", "kota-cempaka": "Kota Cempaka"}


def region_data(out: Path, rid: str, name: str) -> Path:
    """tests/fixtures/minimal as the data of its own region."""
    shutil.copytree(FIXTURES / "minimal", out)
    (out / "kota-contoh").rename(out / rid)
    (out / rid / "wilayah.yml").write_text(f"nama: {name}\njenis: kota\n", encoding="utf-8")
    agency = out / rid / "dinas-contoh" / "perangkat-daerah.yml"
    agency.write_text(
        agency.read_text(encoding="utf-8").replace("nama: Dinas Contoh", f"nama: Dinas Contoh {name}"), encoding="utf-8"
    )
    return out


def build_region(data: Path, site: Path, build_dir: Path) -> None:
    cmd = [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(site), "--build-dir", str(build_dir)]
    done = subprocess.run([*cmd, "--config", str(ROOT / "mkdocs.yml"), "-q"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.fixture(scope="module")
def federation(tmp_path_factory):
    work = tmp_path_factory.mktemp("nasional")
    regions, portal_root = work / "situs", work / "portal-root"
    portal_root.mkdir()
    jobs = [(region_data(work / "data" / rid, rid, name), regions / rid, work / "build" / rid) for rid, name in REGIONS.items()]
    with ThreadPoolExecutor(len(jobs)) as pool:  # the CI matrix: one job per region
        list(pool.map(lambda j: build_region(*j), jobs))
    with serve(regions, cors=True) as regions_url, serve(portal_root) as portal_url:
        config = work / "nasional.yml"
        lines = ["judul: Portal Uji <b>Nasional</b>", "wilayah:"]
        lines += [f"  - url: {regions_url}{rid}/\n    sumber: situs/{rid}" for rid in REGIONS]
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        code = main(["nasional", str(config), "--out", str(portal_root / "portal"), "--build-dir", str(work / "bp"), "-q"])
        assert code == 0
        yield {
            "work": work,
            "regions": regions,
            "regions_url": regions_url,
            "portal": portal_root / "portal",
            "url": portal_url + "portal/",
        }


def api(site: Path, rel: str = "api/v1/index.json") -> dict:
    return json.loads((site / rel).read_text(encoding="utf-8"))


def test_portal_indexes_every_region_with_its_figures(federation):
    portal, regions, regions_url = federation["portal"], federation["regions"], federation["regions_url"]
    home = (portal / "index.html").read_text(encoding="utf-8")
    assert "Portal Uji &#60;b&#62;Nasional&#60;/b&#62;" in home and "<b>Nasional" not in home
    rows = list(csv.DictReader((portal / "unduh" / "nasional.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r["nama_wilayah"] for r in rows] == list(REGIONS.values())
    for rid, row in zip(REGIONS, rows):
        index = api(regions / rid)  # what the region published
        assert row["jabatan"] == str(len(index["jabatan"]))
        assert row["perangkat_daerah"] == str(len(index["perangkat_daerah"])) == "1"
        latest = max(index["periode"], key=lambda p: (p["tahun"], p["triwulan"]))
        assert (row["tahun"], row["triwulan"]) == (str(latest["tahun"]), str(latest["triwulan"]))
        values = [p["rata_rata_capaian"] for p in index["periode"] if p["periode"] == latest["periode"]]
        assert len(values) == 1 and float(row["rata_rata_capaian"]) == pytest.approx(float(values[0]))
        assert row["situs"] == f"{regions_url}{rid}/{rid}/"  # the region's page on its own site
        assert (portal / "wilayah" / rid / "index.html").is_file()
        assert f'href="{regions_url}{rid}/{rid}/"'.replace(".", "&#46;").replace("-", "&#45;") in home
    # one kind of agency, "Dinas Contoh", compared across the three regions
    compare = (portal / "perbandingan" / "dinas-contoh" / "index.html").read_text(encoding="utf-8")
    assert all(name in compare for name in REGIONS.values())
    search = (portal / "cari" / "index.html").read_text(encoding="utf-8")
    assert "127&#46;0&#46;0&#46;1" in search  # the page names the hosts it contacts
    assert (portal / "pagefind" / "pagefind.js").is_file()


def test_search_finds_a_position_in_each_region(federation, browser):  # noqa: F811
    ctx = browser.new_context(viewport={"width": 412, "height": 915})
    page = ctx.new_page()
    hosts = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.goto(federation["url"] + "cari/", wait_until="load")
    page.fill("#kj-nasional-q", "kepala dinas")
    page.press("#kj-nasional-q", "Enter")
    page.wait_for_selector(".kj-nasional-hasil li:not([hidden]) a", timeout=30000)
    found = page.evaluate("async () => (await window.kjNasional.cari('kepala dinas')).map(d => d.url)")
    failed = page.evaluate("() => window.kjNasional.gagal.slice()")
    ctx.close()
    assert failed == []
    for rid in REGIONS:
        assert any(u.startswith(f"{federation['regions_url']}{rid}/") and "/jabatan/kepala-dinas/" in u for u in found), (
            rid,
            found,
        )
    allowed = {federation["url"].split("/")[2], federation["regions_url"].split("/")[2]}
    assert hosts <= allowed  # no third-party request


def _copy_api(site: Path, to: Path) -> Path:
    shutil.copytree(site / "api", to / "api")
    return to


def _config(path: Path, entries: list[tuple[str, str]]) -> Path:
    lines = ["judul: Uji", "wilayah:"] + [f"  - url: {u}\n    sumber: {s}" for u, s in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_broken_region_is_named_never_a_traceback(federation, tmp_path, capsys):
    good = federation["regions"] / "kota-anggrek"
    other = _copy_api(good, tmp_path / "versi")
    index = api(other)
    index["versi"] = "kinerja-api/9"
    (other / "api/v1/index.json").write_text(json.dumps(index), encoding="utf-8")
    garbled = _copy_api(good, tmp_path / "rusak")
    (garbled / "api/v1/wilayah/kota-anggrek.json").write_text("{ bukan json", encoding="utf-8")
    config = _config(
        tmp_path / "nasional.yml",
        [
            ("https://anggrek.example/", str(good)),
            ("https://hilang.example/", str(tmp_path / "tidak-ada")),
            ("https://versi.example/", str(other)),
            ("https://rusak.example/", str(garbled)),
            ("https://mati.example/", "http://127.0.0.1:9/"),  # nothing listens: refused at once
            ("https://http.example/", federation["regions_url"] + "kota-bakung/"),  # read over HTTP
            ("https://404.example/", federation["regions_url"] + "tidak-ada/"),
        ],
    )
    out = tmp_path / "portal"
    assert main(["nasional", str(config), "--out", str(out), "--build-dir", str(tmp_path / "b"), "--ketat"]) == 1
    err = capsys.readouterr().err
    assert "wilayah ke-2 (https://hilang.example/)" in err and "folder sumber tidak ada" in err
    assert "Traceback" not in err and not out.exists()  # never a half-built portal

    res = build_portal(config, out, tmp_path / "b", mkdocs_config=ROOT / "mkdocs.yml", index=None)
    assert res.regions == 2 and [u for u, _ in res.missing] == [
        f"https://{h}.example/" for h in ("hilang", "versi", "rusak", "mati", "404")
    ]
    reasons = dict(res.missing)
    assert "versi API 'kinerja-api/9' tidak dikenal" in reasons["https://versi.example/"]
    assert "bukan JSON yang sah" in reasons["https://rusak.example/"] and "kota-anggrek.json" in reasons["https://rusak.example/"]
    assert "tidak dapat dihubungi" in reasons["https://mati.example/"]
    assert "server menjawab HTTP 404" in reasons["https://404.example/"]
    home = (out / "index.html").read_text(encoding="utf-8")
    assert "Wilayah tidak tersedia" in home and "hilang&#46;example" in home

    bad = _config(tmp_path / "kosong.yml", [("https://x.example/", str(tmp_path / "tidak-ada"))])
    with pytest.raises(PortalError, match="tidak satu pun wilayah"):
        build_portal(bad, out, tmp_path / "b", mkdocs_config=ROOT / "mkdocs.yml")
    assert (out / "index.html").read_text(encoding="utf-8") == home  # the old portal stays


def test_data_text_is_escaped_in_pages_and_safe_in_the_csv(federation, tmp_path):
    site = _copy_api(federation["regions"] / "kota-bakung", tmp_path / "jahat")
    evil_region = '<script>alert("w")</script> Kota'
    evil_agency = '=HYPERLINK("http://x.example/","Klik") <img src=x onerror=alert(1)>'
    for rel, key, value in [
        ("api/v1/wilayah/kota-bakung.json", "nama", evil_region),
        ("api/v1/perangkat-daerah/kota-bakung/dinas-contoh.json", "nama", evil_agency),
    ]:
        doc = api(site, rel)
        doc[key] = value
        (site / rel).write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "portal"
    build_portal(
        _config(tmp_path / "n.yml", [("https://jahat.example/", str(site))]),
        out,
        tmp_path / "b",
        mkdocs_config=ROOT / "mkdocs.yml",
    )
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, page
    assert "&#60;script&#62;alert" in (out / "index.html").read_text(encoding="utf-8")
    rows = list(csv.DictReader((out / "unduh" / "nasional_perangkat_daerah.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0]["nama_perangkat_daerah"] == "'" + evil_agency


def test_kind_of_agency_is_its_name_without_the_region():
    assert kind("Dinas Kesehatan Kabupaten Gresik", "Kabupaten Gresik") == "Dinas Kesehatan"
    assert kind("Dinas Kesehatan Kota Malang", "Malang") == "Dinas Kesehatan"
    assert kind("Dinas  Kesehatan", "Kota Batu") == "Dinas Kesehatan"


def test_a_bad_config_file_is_named_with_its_line(tmp_path):
    bad = tmp_path / "nasional.yml"
    bad.write_text("judul: Uji\nwilayah:\n  - url: [tidak ditutup\n", encoding="utf-8")
    with pytest.raises(PortalError, match=r"nasional\.yml baris \d+: YAML tidak sah"):
        build_portal(bad, tmp_path / "p", tmp_path / "b", mkdocs_config=ROOT / "mkdocs.yml")
    bad.write_text("wilayah:\n  - url: ftp://contoh\n", encoding="utf-8")
    with pytest.raises(PortalError, match="wilayah ke-1 harus punya url situs berupa alamat http"):
        build_portal(bad, tmp_path / "p", tmp_path / "b", mkdocs_config=ROOT / "mkdocs.yml")
    assert not (tmp_path / "p").exists()

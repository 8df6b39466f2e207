"""Sharing and finding the site (issue 16): a description from the page's data, Open Graph
and Twitter tags and a title of its own on every page; with ``site_url`` in data/site.yml,
sitemap.xml, canonical links and robots.txt; the region's logo and favicon from data/; and
an Indonesian 404 page that keeps its styles and search when the site lives in a sub-folder.
"""

from __future__ import annotations

import http.server
import re
import shutil
import struct
import zlib
from collections import Counter
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest
from site_fixtures import build, copy_minimal, serve

from generator.check import check

SITE_URL = "https://kinerja.contoh.go.id/kinerja/"
KEPALA_DINAS = "kota-pekalongan/dinperinaker/jabatan/kepala-dinas/"
DIP = "kota-pekalongan/dinperinaker/ppid/dip/"


def pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site (not the search bundle's), by its address."""
    out = {}
    for f in sorted(site.rglob("*.html")):
        rel = f.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "assets/")):
            continue
        out[rel.removesuffix("index.html")] = f.read_text(encoding="utf-8")
    return out


def meta(html: str, attr: str, name: str) -> str | None:
    m = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', html)
    return unescape(m.group(1)) if m else None


def title(html: str) -> str:
    m = re.search(r"<title>(.*?)</title>", html, re.S)
    assert m, "no <title>"
    return unescape(m.group(1)).strip()


def png(width: int = 2, height: int = 2) -> bytes:
    """A tiny valid PNG (indigo pixels)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\0" + b"\x3f\x51\xb5" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


# --------------------------------------------------------------------------- the bundled site


def test_every_page_has_a_description_and_link_preview_tags(bundled_site):
    found = pages(bundled_site.site)
    assert len(found) > 200
    missing = {}
    for url, html in found.items():
        tags = {
            "description": meta(html, "name", "description"),
            "og:title": meta(html, "property", "og:title"),
            "og:description": meta(html, "property", "og:description"),
            "og:type": meta(html, "property", "og:type"),
            "og:locale": meta(html, "property", "og:locale"),
            "twitter:card": meta(html, "name", "twitter:card"),
        }
        empty = [k for k, v in tags.items() if not v or not v.strip()]
        if empty:
            missing[url] = empty
        assert tags["og:description"] == tags["description"], url
    assert missing == {}


def test_titles_are_unique(bundled_site):
    titles = Counter(title(html) for html in pages(bundled_site.site).values())
    assert [t for t, n in titles.items() if n > 1] == []


def test_descriptions_come_from_the_page_data(bundled_site):
    site = bundled_site.site
    kd = (site / KEPALA_DINAS / "index.html").read_text(encoding="utf-8")
    description = meta(kd, "name", "description") or ""
    h1 = re.search(r'<h1>(.*?)<span class="kj-h1-sub">(.*?)</span>', kd)
    assert h1, "the position page's title and holder"
    holder = unescape(h1.group(2)).strip()
    assert holder in description and "Kota Pekalongan" in description
    card = re.search(r"(\d{2,3},\d{2}) ?%", unescape(re.sub(r"<[^>]+>", " ", kd)))
    assert card and card.group(1) in description  # the average the page shows
    dip = (site / DIP / "index.html").read_text(encoding="utf-8")
    rows = dip.count("data-kelas=")
    assert rows > 10 and f"{rows} entri" in (meta(dip, "name", "description") or "")
    descriptions = Counter(meta(html, "name", "description") for url, html in pages(site).items() if "/jabatan/" in url)
    assert descriptions.most_common(1)[0][1] == 1  # every position page says something of its own


def test_search_metadata_keeps_title_and_holder_apart(bundled_site):
    kd = (bundled_site.site / KEPALA_DINAS / "index.html").read_text(encoding="utf-8")
    title_meta = re.search(r'data-pagefind-meta="title">([^<]*)<', kd)
    sub_meta = re.search(r'data-pagefind-meta="subjudul">([^<]*)<', kd)
    assert title_meta and sub_meta
    assert unescape(title_meta.group(1)) == "Kepala Dinas Perindustrian dan Tenaga Kerja"
    assert unescape(sub_meta.group(1)).startswith("BETTY DAHFIANI DAHLAN")
    assert '</span><span class="kj-h1-sub">' not in kd  # the title and the name never run together


def test_without_site_url_robots_txt_has_no_sitemap_and_no_canonical(bundled_site):
    robots = (bundled_site.site / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *") and "Sitemap:" not in robots
    home = (bundled_site.site / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in home
    assert 'rel="icon" href="assets/images/kinerja.svg"' in home  # the site's own icon, not Material's


# --------------------------------------------------------------------------- site_url, logo, favicon


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The small dataset with site_url, a logo and a favicon in data/site.yml."""
    work = tmp_path_factory.mktemp("terbit")
    data = copy_minimal(work)
    (data / "logo-kota.png").write_bytes(png(4, 4))
    (data / "ikon.png").write_bytes(png())
    site_yml = data / "site.yml"
    site_yml.write_text(
        site_yml.read_text(encoding="utf-8") + f"site_url: {SITE_URL}\nlogo: logo-kota.png\nfavicon: ikon.png\n",
        encoding="utf-8",
    )
    return build(data, work)


def test_sitemap_canonical_and_robots_with_site_url(published):
    site = published.site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    found = pages(site)
    listed = {u for u in found if u != "404.html"}
    assert sorted(locs) == sorted(SITE_URL + u for u in listed)
    for url in listed:
        html = found[url]
        assert f'<link rel="canonical" href="{SITE_URL}{url}">' in html, url
        assert meta(html, "property", "og:url") == SITE_URL + url
    robots = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots == ["User-agent: *", "Allow: /", f"Sitemap: {SITE_URL}sitemap.xml"]


def test_logo_and_favicon_come_from_data(published):
    site = published.site
    assert (site / "assets/situs/logo-kota.png").read_bytes() == png(4, 4)
    assert (site / "assets/situs/ikon.png").read_bytes() == png()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'rel="icon" href="assets/situs/ikon.png"' in home
    assert re.search(r'class="md-header__button md-logo"[^>]*>\s*<img src="assets/situs/logo-kota.png" alt=""', home)
    assert meta(home, "property", "og:image") == SITE_URL + "assets/situs/logo-kota.png"


def test_missing_logo_file_is_a_diagnostic_with_its_line(tmp_path):
    data = copy_minimal(tmp_path)
    site_yml = data / "site.yml"
    lines = site_yml.read_text(encoding="utf-8").splitlines()
    site_yml.write_text("\n".join([*lines, "logo: logo-hilang.png"]) + "\n", encoding="utf-8")
    errors = [d for d in check(data).errors if d.path.endswith("site.yml")]
    assert [(d.code, d.line) for d in errors] == [("UNKNOWN_REF", len(lines) + 1)]
    assert "logo-hilang.png" in errors[0].message.id


@pytest.mark.parametrize("name", ["../luar.png", "/etc/logo.png", "gambar/logo.png", "logo.exe"])
def test_logo_outside_the_data_folder_or_not_an_image_is_refused(tmp_path, name):
    data = copy_minimal(tmp_path)
    site_yml = data / "site.yml"
    lines = site_yml.read_text(encoding="utf-8").splitlines()
    site_yml.write_text("\n".join([*lines, f"favicon: {name}"]) + "\n", encoding="utf-8")
    errors = [d for d in check(data).errors if d.path.endswith("site.yml")]
    assert [d.line for d in errors] == [len(lines) + 1]


def test_site_url_must_be_an_http_address(tmp_path):
    data = copy_minimal(tmp_path)
    site_yml = data / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + "site_url: kinerja.go.id\n", encoding="utf-8")
    assert any(d.path.endswith("site.yml") for d in check(data).errors)


# --------------------------------------------------------------------------- 404 in a sub-folder


@contextmanager
def sub_folder(site: Path, folder: str = "kinerja"):
    """The site served at /<folder>/, with /<folder>/404.html for every missing address
    (as nginx's ``error_page 404`` in the README)."""
    root = site.parent / "akar-web"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    (root / folder).symlink_to(site, target_is_directory=True)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_error(self, code, message=None, explain=None):
            page = site / "404.html"
            if code != 404 or not page.exists():
                return super().send_error(code, message, explain)
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serve(root, handler=Handler) as url:
        yield f"{url}{folder}/"


def test_404_in_a_sub_folder_keeps_its_styles_and_search(browser, published):
    failed: list[str] = []
    with sub_folder(published.site) as url:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and not r.url.endswith("/ada/") else None)
        response = page.goto(url + "tidak/ada/", wait_until="networkidle")
        assert response is not None and response.status == 404
        assert page.evaluate("document.documentElement.lang") == "id"
        assert page.inner_text("article h1") == "Halaman tidak ditemukan"
        assert page.title().startswith("Halaman tidak ditemukan")
        # Material's and the site's styles applied: the header is fixed, the stylesheets loaded
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("fixed", "sticky")
        sheets = page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => [s.href, s.cssRules.length])")
        assert len(sheets) >= 2 and all(n > 0 for _href, n in sheets)
        assert all(href.startswith(url) for href, _n in sheets)
        # the page's own search form opens the site search with its query and finds pages
        page.fill("#kj-cari-404", "kepala dinas")
        page.press("#kj-cari-404", "Enter")
        page.wait_for_selector(".md-search-result__item a", timeout=15000)
        first = page.get_attribute(".md-search-result__item a", "href")
        assert first and first.startswith("/kinerja/")
        home = page.get_attribute("article ul a", "href")
        assert home == "/kinerja/"
        context.close()
    assert failed == []

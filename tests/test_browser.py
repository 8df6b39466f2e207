"""The built site in headless Chromium, as a reader sees it: expected figures on the
page, every chart loaded with alt text, no console error, no request to another host.
Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from site_fixtures import ARTIFACTS, build, copy_minimal, serve

AGENCY = "kota-pekalongan/dinperinaker/"
KEPALA_DINAS = AGENCY + "jabatan/kepala-dinas/"
STAFF = AGENCY + "jabatan/penata-layanan-operasional-1/"
IKI_KEPALA_DINAS = "kota-probolinggo/disperinaker/jabatan/kepala-dinas/"


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site.site) as url:
        yield url


class Visit:
    def __init__(self, browser, url: str, name: str, *, media: str | None = None, width: int = 1280):
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url, wait_until="networkidle")
        # load lazy images so that the screenshot and the checks see every chart
        self.page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
        self.page.wait_for_function("Array.from(document.images).every(i => i.complete)")
        if media:
            self.page.emulate_media(media=media)
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def text(self, selector: str = "article") -> str:
        return " ".join(self.page.inner_text(selector).split())

    def check_clean(self) -> None:
        assert self.errors == []
        assert self.dialogs == []
        foreign = [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]
        assert foreign == []
        images = self.page.eval_on_selector_all("article img", "imgs => imgs.map(i => [i.naturalWidth, i.alt])")
        for width, alt in images:
            assert width > 0 and alt.strip()

    def close(self) -> None:
        self.context.close()


def test_home(browser, site_url):
    v = Visit(browser, site_url, "beranda")
    text = v.text()
    assert "Dinas Perindustrian dan Tenaga Kerja" in text
    assert "101,72" in text and "Sangat Tinggi" in text
    assert "Data per 31 Januari 2026" in v.text("body")
    v.check_clean()
    v.close()


def test_agency(browser, site_url):
    v = Visit(browser, site_url + AGENCY, "perangkat-daerah")
    text = v.text()
    assert "Struktur organisasi" in text and "Capaian kinerja jabatan" in text
    tree_links = v.page.eval_on_selector_all("ul.kj-pohon a", "as => as.length")
    assert tree_links >= 42
    assert v.page.locator("figure.kj-grafik img").count() >= 1
    v.check_clean()
    v.close()


def test_kepala_dinas_with_budget(browser, site_url):
    v = Visit(browser, site_url + KEPALA_DINAS, "jabatan-kepala-dinas")
    text = v.text()
    assert "Rata-rata capaian kinerja" in text and "101,72" in text
    assert "Anggaran Triwulan IV 2025" in text and "94,67" in text
    assert "NIP 19690203 ****** * ***" in text
    assert v.page.locator(".kj-selisih").first.is_visible()
    v.check_clean()
    v.close()
    p = Visit(browser, site_url + KEPALA_DINAS, "jabatan-kepala-dinas-cetak", media="print")
    assert not p.page.locator(".md-header").is_visible()
    assert not p.page.locator(".md-sidebar--secondary").is_visible()
    p.close()


def test_staff_without_budget(browser, site_url):
    v = Visit(browser, site_url + STAFF, "jabatan-staf")
    text = v.text()
    assert "Penata Layanan Operasional" in text
    assert "Pengukuran Kinerja Triwulan IV 2025" in text and "Rata-rata capaian kinerja" in text
    assert "Anggaran Triwulan" not in text
    assert "Atasan langsung" in text
    v.check_clean()
    v.close()


def test_iki_position_page_formula_and_direction(browser, site_url):
    """An IKI sheet: every formula is a fraction laid out by CSS (numerator above the rule,
    denominator below, "× 100%" beside it), each indicator shows its direction in words."""
    v = Visit(browser, site_url + IKI_KEPALA_DINAS, "jabatan-iki")
    text = v.text()
    assert "\\frac" not in text and "$" not in text
    assert "↓ makin rendah makin baik (dinyatakan dalam dokumen)" in text
    assert "↑ makin tinggi makin baik (diasumsikan)" in text
    fractions = v.page.locator("article .kj-pecahan")
    assert fractions.count() >= 4
    for i in range(fractions.count()):
        f = fractions.nth(i)
        top = f.locator(".kj-pembilang").bounding_box()
        bottom = f.locator(".kj-penyebut").bounding_box()
        assert top["height"] > 0 and bottom["height"] > 0
        assert top["y"] + top["height"] <= bottom["y"] + 1  # stacked, not side by side
        assert f.locator(".kj-penyebut").evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
        times = f.locator("xpath=following-sibling::span[contains(@class,'kj-pengali')]")
        if times.count():
            box = times.bounding_box()
            frac = f.bounding_box()
            assert box["x"] >= frac["x"] + frac["width"] - 1  # "× 100%" to the right of the fraction
    # the as-written formula is folded away, and opens on click
    asli = v.page.locator("article details.kj-rumus-asli").first
    assert not asli.locator("span").is_visible()
    asli.locator("summary").click()
    assert asli.locator("span").is_visible()
    v.check_clean()
    v.close()


def test_comparison_page(browser, site_url):
    """Kepala Bidang Hubungan Industrial in three regions, cards side by side on a wide
    screen, each linking to its position page."""
    v = Visit(browser, site_url + "perbandingan/kepala-bidang-hubungan-industrial/", "perbandingan")
    text = v.text()
    for region in ("Kota Pekalongan", "Kota Probolinggo", "Kabupaten Gresik"):
        assert region in text
    cards = v.page.locator("article section.kj-kartu")
    assert cards.count() == 3
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 2 and second["x"] > first["x"] + first["width"] - 1  # side by side
    v.page.locator("article section.kj-kartu h3 a").first.click()
    v.page.wait_for_load_state("networkidle")
    assert "/jabatan/" in v.page.url and v.page.locator("a.kj-banding-tautan").count() == 1
    v.check_clean()
    v.close()
    phone = Visit(browser, site_url + "perbandingan/kepala-bidang-hubungan-industrial/", "perbandingan-ponsel", width=390)
    boxes = [phone.page.locator("article section.kj-kartu").nth(i).bounding_box() for i in range(3)]
    assert all(b["x"] + b["width"] <= 390 for b in boxes)  # one column, nothing off screen
    phone.check_clean()
    phone.close()


def test_metodologi(browser, site_url):
    v = Visit(browser, site_url + "metodologi/", "metodologi")
    text = v.text()
    assert "berlubang" in text and "lebih dari 90" in text
    v.check_clean()
    v.close()


def test_mobile_position_page(browser, site_url):
    v = Visit(browser, site_url + KEPALA_DINAS, "jabatan-kepala-dinas-ponsel", width=390)
    assert "101,72" in v.text()
    v.check_clean()
    v.close()


def test_search_works_offline(browser, site_url):
    v = Visit(browser, site_url, "cari")
    v.page.click("input.md-search__input")
    v.page.type("input.md-search__input", "kepuasan", delay=30)
    v.page.wait_for_selector(".md-search-result__item", timeout=15000)
    v.check_clean()
    v.close()


def test_nasty_data_is_inert_in_the_browser(browser, tmp_path):
    data = copy_minimal(tmp_path)
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    nasty = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "[x](javascript:alert(3))", "| a | b |"]
    for ind, value in zip(doc["perjanjian_kinerja"][0]["indikator"], nasty):
        ind["indikator"] = value
    doc["laporan"][1]["narasi"] = {"kesimpulan": nasty}
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    built = build(data, tmp_path)
    with serve(built.site) as url:
        v = Visit(browser, url + "kota-contoh/dinas-contoh/jabatan/kepala-dinas/", "data-berbahaya")
        text = v.page.inner_text("article")
        for value in nasty:
            assert value in text
        v.page.click("text=[x](javascript:alert(3))", timeout=2000, trial=True)
        assert v.page.locator("article a[href^='javascript']").count() == 0
        v.check_clean()
        v.close()

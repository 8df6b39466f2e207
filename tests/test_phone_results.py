"""Result pages on a phone (390×844) and in print, in headless Chromium.

On a phone every result is on screen: no cell of a result table (each row is a card
there) lies beyond the viewport, nothing scrolls the page sideways, and chart text renders
at 12 CSS px or more (the phone layout of each chart, render/phonecharts.py). On a desktop
the same pages keep their tables and wide charts. A position page prints as its report:
its title, the average row once, no forced page per section. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import re
from decimal import Decimal as D

import pytest
import yaml
from site_fixtures import ARTIFACTS, build, copy_minimal, serve

from generator.render import phonecharts
from generator.render.charts import Bar, Series

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
KEPALA_DINAS = "kota-pekalongan/dinperinaker/jabatan/kepala-dinas/"
# one page of every type that shows results
RESULT_PAGES = {
    "beranda": "",
    "wilayah": "kota-pekalongan/",
    "perangkat-daerah": "kota-pekalongan/dinperinaker/",
    "unit": "kota-pekalongan/dinperinaker/unit/sekretariat/",
    "jabatan-lkj": KEPALA_DINAS,
    "jabatan-staf": "kota-pekalongan/dinperinaker/jabatan/penata-layanan-operasional-1/",
    "jabatan-iki": "kota-probolinggo/disperinaker/jabatan/kepala-dinas/",
    "perbandingan": "perbandingan/",
    "perbandingan-kelompok": "perbandingan/kepala-bidang-hubungan-industrial/",
    "metodologi": "metodologi/",
}
SCREENSHOTS = {"beranda", "perangkat-daerah", "jabatan-lkj"}  # full-page shots are slow on long pages

# Every table cell (of open and folded sections alike) and the page's own width.
LAYOUT = """() => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const cell of document.querySelectorAll('article table td, article table th')) {
    if (cell.closest('thead')) continue;  // kept for screen readers, visually hidden on a phone
    const b = cell.getBoundingClientRect();
    if (b.width === 0 && b.height === 0) continue;
    if (b.right > vw + 0.5 || b.left < -0.5)
      out.push(`${cell.closest('table').caption?.innerText.slice(0, 40)} | ${cell.innerText.slice(0, 30)} | ${Math.round(b.left)}..${Math.round(b.right)}`);
  }
  return {vw, scroll: document.documentElement.scrollWidth, cells: document.querySelectorAll('article table td').length, out};
}"""

# Tables that scroll sideways in their own box, and whether the keyboard can reach them.
SCROLLING = """() => {
  document.querySelectorAll('article details').forEach(d => d.open = true);
  return Array.from(document.querySelectorAll('article table'))
    .filter(t => t.scrollWidth > t.clientWidth + 1)
    .map(t => ({caption: t.caption?.innerText.slice(0, 40), focusable: t.tabIndex >= 0}));
}"""

# The smallest rendered text of every chart: font size × displayed width ÷ drawn width.
CHART_TEXT = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('article figure.kj-grafik img')) {
    const src = img.currentSrc;
    const svg = new DOMParser().parseFromString(await (await fetch(src)).text(), 'image/svg+xml').documentElement;
    const drawn = Number(svg.getAttribute('viewBox').split(/[ ,]+/)[2]);
    const sizes = Array.from(svg.querySelectorAll('text')).map(t => Number(t.getAttribute('font-size')));
    out.push({src: src.split('/').pop(), shown: img.getBoundingClientRect().width, px: Math.min(...sizes) * img.getBoundingClientRect().width / drawn});
  }
  return out;
}"""


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site.site) as url:
        yield url


def _open(browser, url: str, viewport: dict, shot: str | None = None):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return context, page


@pytest.mark.parametrize("name", sorted(RESULT_PAGES))
def test_results_fit_a_phone_and_charts_are_legible(browser, site_url, name):
    shot = f"ponsel-{name}" if name in SCREENSHOTS else None
    context, page = _open(browser, site_url + RESULT_PAGES[name], PHONE, shot)
    charts = page.evaluate(CHART_TEXT)
    layout = page.evaluate(LAYOUT)
    context.close()
    assert layout["cells"] > 0, "a result page without a result table"
    assert layout["out"] == [], f"{len(layout['out'])} cells beyond the 390 px viewport"
    assert layout["scroll"] <= layout["vw"], "the page scrolls sideways"
    for c in charts:
        assert c["src"].endswith("-ponsel.svg"), c  # the phone layout of the chart
        assert c["px"] >= 12, c
    if name in ("jabatan-lkj", "perangkat-daerah"):
        assert len(charts) >= (2 if name == "jabatan-lkj" else 1)  # capaian and budget; the agency's positions
    # the narrowest desktop column (table of contents beside it): a table that is still too
    # wide scrolls in its own box and takes the keyboard focus
    context, page = _open(browser, site_url + RESULT_PAGES[name], {"width": 960, "height": 900})
    scrolling = page.evaluate(SCROLLING)
    context.close()
    assert all(t["focusable"] for t in scrolling), scrolling


def test_phone_cards_keep_every_figure_with_its_label(browser, site_url):
    """A measurement row on a phone reads as one unit: indicator, target, realisasi,
    capaian with its bar, predikat in words."""
    context, page = _open(browser, site_url + KEPALA_DINAS, PHONE)
    row = page.locator("article .kj-pengukuran tbody tr:not(.kj-kelompok)").first
    assert "Indeks kepuasan masyarakat" in row.inner_text()
    # the labels: from the cell (data-label) or, for the quarter's figures, from the table (hasil.css)
    labels = row.locator("td:not(.kj-no):not(.kj-indikator)").evaluate_all(
        "cs => cs.map(c => getComputedStyle(c, '::before').content)"
    )
    assert labels == [
        '"Sasaran"',
        '"Target tahunan"',
        '"Target s.d. TW IV"',
        '"Realisasi s.d. TW IV"',
        '"Capaian (%)"',
        '"Predikat"',
    ]
    assert row.locator(".kj-batang").is_visible()
    assert "Sangat Tinggi" in row.locator("td:nth-last-child(1)").inner_text()  # Predikat
    target, realisasi = (row.locator(f"td:nth-last-child({n})").bounding_box() for n in (4, 3))  # s.d. TW IV
    assert abs(target["y"] - realisasi["y"]) < 1 and realisasi["x"] > target["x"]  # target → realisasi side by side
    assert page.locator("article .kj-pengukuran thead").bounding_box()["height"] <= 1  # header only for screen readers
    context.close()
    # on a desktop: the same table, its header row visible, the wide chart
    context, page = _open(browser, site_url + KEPALA_DINAS, DESKTOP, "desktop-jabatan")
    assert page.locator("article .kj-pengukuran thead").bounding_box()["height"] > 20
    assert not page.locator("article .kj-batang").first.is_visible()
    sources = page.eval_on_selector_all("article figure.kj-grafik img", "is => is.map(i => i.currentSrc)")
    assert sources and not any(s.endswith("-ponsel.svg") for s in sources)
    context.close()


def test_charts_stay_legible_at_360px(browser, site_url):
    context, page = _open(browser, site_url + KEPALA_DINAS, {"width": 360, "height": 780})
    charts = page.evaluate(CHART_TEXT)
    context.close()
    assert len(charts) >= 2 and min(c["px"] for c in charts) >= 12, charts


def test_position_page_prints_as_its_report(browser, site_url):
    # as narrow as a phone: printing from one still gives tables, not cards
    context, page = _open(browser, site_url + KEPALA_DINAS, {"width": 390, "height": 844})
    page.emulate_media(media="print")
    assert page.locator("article .kj-pengukuran thead").bounding_box()["height"] > 10
    title = page.locator("article .kj-cetak-judul")
    assert title.is_visible() and title.inner_text() == "LAPORAN KINERJA TRIWULAN IV TAHUN 2025"
    # the average row is a plain row group (a table footer group repeats on every page)
    assert page.eval_on_selector("article .kj-pengukuran tfoot", "e => getComputedStyle(e).display") == "table-row-group"
    breaks = page.eval_on_selector_all("article h2", "hs => hs.map(h => getComputedStyle(h).breakBefore)")
    assert "page" not in breaks
    assert not page.locator("article .kj-pemeriksa").is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    (ARTIFACTS / "cetak-jabatan-kepala-dinas.pdf").write_bytes(pdf)
    context.close()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 7, pages  # 8 with a page forced before each section


def test_a_very_long_word_never_scrolls_the_page(browser, tmp_path):
    word = "x" * 5000
    data = copy_minimal(tmp_path)
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    doc["perjanjian_kinerja"][0]["indikator"][0]["indikator"] = word
    doc["laporan"][1]["narasi"] = {"kesimpulan": [word]}
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    built = build(data, tmp_path)
    with serve(built.site) as url:
        for viewport in (PHONE, DESKTOP):
            for path in ("", "kota-contoh/dinas-contoh/", "kota-contoh/dinas-contoh/jabatan/kepala-dinas/"):
                context, page = _open(browser, url + path, viewport)
                width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                context.close()
                assert width[0] <= width[1], (path, viewport, width)


def test_phone_charts_draw_no_text_under_12_css_px_at_their_own_width():
    """Drawn 240 pt (320 CSS px) wide with no text under 9 pt: 12 CSS px or more in any
    column of 320 px or wider (the quarterly chart is in no bundled page, so it is checked
    here). Long labels wrap in full, never cut with an ellipsis."""
    label = "Persentase tenaga kerja yang ditempatkan melalui mekanisme antar kerja lokal dan antar daerah di kota"
    svgs = [
        phonecharts.capaian_bars(
            [Bar(label, D("108.58"), 0, "Sangat Tinggi"), Bar("Indeks", None, note="n/a, tidak dihitung")],
            "Capaian (%)",
            [D(90), D(75), D(65), D(50)],
            ["Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"],
        ),
        phonecharts.persen_bars([(label, D("94.67")), ("Program B", None)], "Capaian anggaran / serapan (%)"),
        phonecharts.quarter_lines(
            [Series(label, "%", [(1, D(20), D(18)), (2, D(40), D("41.5")), (3, D(60), D(59)), (4, D(80), D("83.25"))])],
            {1: "I", 2: "II", 3: "III", 4: "IV"},
        ),
    ]
    for svg in (s.decode("utf-8") for s in svgs):
        assert 'width="240pt"' in svg and 'viewBox="0 0 240 ' in svg
        sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]
        assert sizes and min(sizes) >= 9  # 9 pt = 12 CSS px at 240 pt = 320 px
        assert "…" not in svg
        words = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
        assert all(w in words for w in label.split())

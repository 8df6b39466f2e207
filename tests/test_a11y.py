"""Accessibility of the built site, as a phone and a desktop reader meet it (issue 16).

axe-core (the copy bundled by the axe-playwright-python package, installed with the test
extras) checks every page type at 390×844 and 1366×900 against WCAG 2.1 A and AA, after
the site's JavaScript has run; there must be no violation at all. The keyboard tests walk
a phone-width page with Tab: the skip link comes first and lands on the page's title, the
closed navigation drawer holds no tab stop, the drawer opens and closes from its button,
and the search panel closes when the focus leaves it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_fixtures import ARTIFACTS, serve

AGENCY = "kota-pekalongan/dinperinaker/"
PPID = AGENCY + "ppid/"

# One page of every type (the keys name it in failures).
PAGES = {
    "beranda": "",
    "wilayah": "kota-pekalongan/",
    "perangkat daerah": AGENCY,
    "unit": AGENCY + "unit/sekretariat/",
    "jabatan (LKj, anggaran)": AGENCY + "jabatan/kepala-dinas/",
    "jabatan (IKI)": "kota-probolinggo/disperinaker/jabatan/kepala-dinas/",
    "perbandingan": "perbandingan/",
    "perbandingan kelompok": "perbandingan/kepala-dinas/",
    "metodologi": "metodologi/",
    "cara membaca": "cara-membaca/",
    "tentang": "tentang/",
    "api dan data": "api-dan-data/",
    "panduan kontributor": "panduan-kontributor/",
    "status pelaporan": "kota-pekalongan/status-pelaporan/",
    "status pelaporan perangkat daerah": AGENCY + "status-pelaporan/",
    "analisis": "kota-pekalongan/analisis/",
    "analisis perangkat daerah": AGENCY + "analisis/",
    "PPID indeks": "ppid/",
    "PPID perangkat daerah": PPID,
    "PPID DIP": PPID + "dip/",
    "PPID register": PPID + "laporan-2025/",
    "PPID statistik": PPID + "statistik/",
    "PPID cara mengajukan": PPID + "cara-mengajukan/",
    "PPID formulir": PPID + "formulir-permohonan/",
    "404": "404.html",
}
WIDTHS = [(390, 844), (1366, 900)]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')
    + ' :: ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}));
}"""


def axe_source() -> str:
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).parent / "axe.min.js"
    assert path.is_file(), f"axe-core not found in {path.parent}"
    return path.read_text(encoding="utf-8")


AXE = axe_source()


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site.site) as url:
        yield url


def test_every_page_in_the_list_exists(bundled_site):
    missing = [name for name, path in PAGES.items() if not (bundled_site.site / (path or "index.html")).exists()]
    assert missing == []


@pytest.fixture(scope="module", params=WIDTHS, ids=["ponsel", "desktop"])
def tab(request, browser, site_url):
    """One browser tab per width, with axe-core, for every page type in turn."""
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page, width, errors, site_url
    context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_axe_finds_no_violation(tab, name):
    page, width, errors, site_url = tab
    page.goto(site_url + PAGES[name], wait_until="load")  # the pages load nothing after "load"
    page.evaluate(AXE)
    violations = page.evaluate(RUN_AXE, WCAG)
    if violations:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"axe-{width}-{name.replace(' ', '-')}.png"))
    thrown, errors[:] = list(errors), []
    assert violations == []
    assert thrown == []


def test_search_panel_with_results_is_accessible(browser, site_url):
    """The open search panel, with results, at phone width."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="networkidle")
        page.locator(".kj-menu").wait_for(state="visible")
        page.keyboard.press("Tab")  # skip link
        page.keyboard.press("Tab")  # menu button
        page.keyboard.press("Tab")  # the search field: opens the panel
        page.keyboard.type("kepala dinas", delay=20)
        page.wait_for_selector(".md-search-result__item .kj-cari-sub", timeout=15000)
        page.wait_for_timeout(500)  # the panel's opening transition is over
        page.evaluate(AXE)
        assert page.evaluate(RUN_AXE, WCAG) == []
    finally:
        context.close()


# --------------------------------------------------------------------------- keyboard at phone width


def _focus(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
        return {tag: e.tagName, cls: String(e.className || ''), href: e.getAttribute('href'),
          inDrawer: !!e.closest('.md-sidebar--primary'), inSearch: !!e.closest('.kj-cari'),
          visible: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth,
          searchOpen: document.getElementById('__search').checked} }"""
    )


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_url + PAGES["jabatan (LKj, anggaran)"], wait_until="networkidle")
    yield page
    context.close()


def test_skip_link_comes_first_and_lands_on_the_title(phone):
    phone.keyboard.press("Tab")
    first = _focus(phone)
    assert first["cls"].split()[:1] == ["md-skip"] and first["href"] == "#isi" and first["visible"]
    assert phone.evaluate("document.getElementById('isi').nextElementSibling.tagName") == "H1"
    phone.keyboard.press("Enter")
    assert phone.evaluate("location.hash") == "#isi"
    title_top = phone.evaluate("document.querySelector('#isi + h1').getBoundingClientRect().top")
    assert 0 <= title_top < 844  # the title is on screen, under the header
    phone.keyboard.press("Tab")
    after = phone.evaluate(
        "document.activeElement.compareDocumentPosition(document.querySelector('#isi + h1')) & Node.DOCUMENT_POSITION_PRECEDING"
    )
    assert after  # the next tab stop follows the title, not the breadcrumb above it


def test_closed_drawer_holds_no_tab_stop_and_search_closes_on_leaving(phone):
    stops = []
    for _ in range(25):
        phone.keyboard.press("Tab")
        stops.append(_focus(phone))
    assert not any(s["inDrawer"] for s in stops)
    assert all(s["visible"] for s in stops if not s["inSearch"])
    in_search = [i for i, s in enumerate(stops) if s["inSearch"]]
    assert in_search, "the search field is reached by Tab"
    assert all(stops[i]["searchOpen"] for i in in_search)  # focusing the field opens the panel
    after = stops[in_search[-1] + 1]
    assert not after["inSearch"] and not after["searchOpen"]  # Tab out of it closes it


def test_drawer_opens_from_its_button_and_escape_closes_it(phone):
    button = phone.locator(".kj-menu")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    phone.keyboard.press("Enter")
    phone.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    phone.keyboard.press("Tab")  # the drawer's links are reachable while it is open
    assert phone.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    phone.keyboard.press("Escape")
    assert phone.evaluate("document.getElementById('__drawer').checked") is False
    assert phone.evaluate("document.activeElement.classList.contains('kj-menu')")
    assert button.get_attribute("aria-expanded") == "false"
    phone.wait_for_timeout(400)  # slid out: then out of sight and out of the tab order
    assert phone.evaluate("getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility") == "hidden"

"""Search: Pagefind over the built site, typed into the header search box in headless
Chromium. Indonesian stemming matters: "penempatan" (placement) must find the position
whose indicator says "ditempatkan" (placed): both stem to "tempat". Everything is served
by the site itself: no request to another host."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import urlsplit

import pytest
from site_fixtures import serve

# The bundled page that says "ditempatkan" and nowhere "penempatan": only a stemmer finds it.
STEMMED_ONLY = "kota-probolinggo/disperinaker/jabatan/instruktur-ahli-madya-1/"


@pytest.fixture(scope="module")
def site_url(bundled_site):
    with serve(bundled_site.site) as url:
        yield url


def test_no_lunr_index_and_a_chunked_pagefind_bundle(bundled_site):
    site = bundled_site.site
    assert not (site / "search" / "search_index.json").exists()
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert list((site / "pagefind").glob("wasm.id.pagefind")), "Indonesian index missing (html lang=id)"
    assert len(list((site / "pagefind" / "index").glob("*.pf_index"))) >= 1
    html = (site / STEMMED_ONLY / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id"' in html
    assert "data-pagefind-body" in html
    assert "ditempatkan" in html and "penempatan" not in html.lower()


def test_only_the_article_is_indexed(bundled_site):
    """Navigation text is not in the fragments: a fragment holds the page's article."""
    frags = sorted((bundled_site.site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert frags
    text = gzip.decompress(frags[0].read_bytes()).decode("utf-8", errors="replace")
    assert "Lompat ke isi" not in text and "md-nav" not in text
    # nor the headings' permalinks: "¶" stuck to a heading's last word ("profil¶") in the index
    pilcrows = [f.name for f in frags if "\u00b6" in gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace")]
    assert pilcrows == []


def test_profile_terms_and_their_values_are_separate_words(bundled_site):
    """Pagefind 1.5 reads ``<dt>Jabatan</dt><dd>Penelaah</dd>`` as one word, "JabatanPenelaah"
    (it breaks words at table cells and paragraphs, not at a term and its description), so
    neither "jabatan" nor "penelaah" found the page through it. Every term ends with a space."""
    site = bundled_site.site
    content = {}
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())  # Pagefind's signature, then the JSON
        fragment = json.loads(data[data.index(b"{") :])
        content[fragment["url"].strip("/")] = fragment["content"]
    page = "kota-pekalongan/dinperinaker/jabatan/kepala-dinas"
    terms = re.findall(r"<dt>([^<]+)</dt>", (site / page / "index.html").read_text(encoding="utf-8"))
    assert {"Jabatan", "Unit kerja", "Pemangku jabatan"} <= {t.strip() for t in terms}
    text = content[page]
    glued = [t.strip() for t in terms if not re.search(re.escape(t.strip()) + r"[\s.:]", text)]
    assert glued == [], f"terms joined to the next word in the search index: {glued}"


def test_header_search_finds_ditempatkan_for_penempatan(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url, wait_until="networkidle")
    page.click("input.md-search__input")
    page.type("input.md-search__input", "penempatan", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").first.is_visible()
    shown = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.getAttribute('href'))")
    assert shown and all(h.startswith("/") for h in shown)
    # every result of the same query (not only the first eight shown)
    urls = page.evaluate("""async () => {
        const results = await window.kjCari.cari('penempatan');
        return Promise.all(results.map(x => x.data().then(d => d.url)));
    }""")
    assert "/" + STEMMED_ONLY in urls
    # the stemmer alone would not have found it: the variant of the word did
    assert page.evaluate("window.kjCari.varian('penempatan')") == ["tempatan"]
    assert "penempatan" in page.evaluate("window.kjCari.varian('ditempatkan')")
    # and the result leads to the page
    page.goto(site_url + STEMMED_ONLY, wait_until="domcontentloaded")
    assert "ditempatkan" in page.inner_text("article")
    foreign = [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).hostname != "127.0.0.1"]
    assert foreign == []
    # the search runs on the page: no web worker script is downloaded before the results
    assert not [u for u in requests if u.endswith("pagefind-worker.js")]
    assert errors == []
    ctx.close()

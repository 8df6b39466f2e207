"""The search index after a change equals a clean one: the minimal data is built, one
indicator's name is changed and the site rebuilt in the same build folder (caches and the
previous site reused), then the changed data is built from nothing. Every query, run by
Pagefind's own JavaScript in headless Chromium, returns the same pages in the same order
from both sites. A bundle reused when a page changed (a stale cache) is caught by the same
comparison; a rebuild where no page changed takes the bundle from the cache, verified."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from site_fixtures import FIXTURES, browser, build, serve  # noqa: F401 (fixture)

from generator.site import search_input
from generator.site.search import BUNDLE, EXCLUDE_LIST, index_site

POSITION = Path("kota-contoh/dinas-contoh/2025/kepala-dinas.yml")
OLD, NEW = "Indeks kepuasan masyarakat", "Indeks zamrudkilau masyarakat"
QUERIES = [
    "zamrudkilau",  # only on the pages of the changed indicator
    "kepuasan",  # the word the change removed
    "penempatan",  # Indonesian stemming: finds "ditempatkan"
    "ditempatkan",
    "kepala dinas",
    "indeks",
    "masyarakat",
    "anggaran",
    "capaian kinerja",
    "bidang",
]


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    work = tmp_path_factory.mktemp("cari")
    data = work / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    build(data, work / "inkremental")  # cold
    first = _bundle(work / "inkremental" / "site")
    text = (data / POSITION).read_text(encoding="utf-8")
    assert OLD in text
    (data / POSITION).write_text(text.replace(OLD, NEW), encoding="utf-8")
    build(data, work / "inkremental")  # warm: same build folder, previous site and caches
    build(data, work / "bersih")  # clean: the changed data from nothing
    return {
        "first": first,
        "warm": work / "inkremental" / "site",
        "clean": work / "bersih" / "site",
        "cache": work / "inkremental" / "build" / "cache" / "cari",
        "work": work,
    }


def _bundle(site: Path) -> dict[str, bytes]:
    root = site / BUNDLE
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _results(browser, site: Path, queries: list[str]) -> dict[str, list[str]]:  # noqa: F811
    """Every result of each query (URL, best first), from Pagefind's JavaScript."""
    page = browser.new_page()
    try:
        with serve(site) as url:
            page.goto(url, wait_until="load")
            return page.evaluate(
                """async (qs) => {
                const pf = await import('/pagefind/pagefind.js');
                await pf.options({ baseUrl: '/', noWorker: true });
                const out = {};
                for (const q of qs) {
                    const r = await pf.search(q);
                    out[q] = await Promise.all(r.results.map(x => x.data().then(d => d.url)));
                }
                return out;
            }""",
                queries,
            )
    finally:
        page.close()


def test_incremental_index_gives_the_clean_results(sites, browser):  # noqa: F811
    warm, clean = _results(browser, sites["warm"], QUERIES), _results(browser, sites["clean"], QUERIES)
    assert warm == clean
    # the queries say something: the new word is found, the removed one is gone from the
    # changed page, the stemmer's and the common words find several pages
    changed = "/kota-contoh/dinas-contoh/jabatan/kepala-dinas/"
    assert changed in warm["zamrudkilau"]
    assert changed not in warm["kepuasan"]
    assert changed in warm["penempatan"] and changed in warm["ditempatkan"]
    assert sum(len(v) > 1 for v in warm.values()) >= 5
    # the index was made again: not the bundle of the first build
    assert _bundle(sites["warm"]) != sites["first"]


def test_a_stale_bundle_would_be_caught(sites, browser, tmp_path, monkeypatch):  # noqa: F811
    """A cache keyed without the pages' contents hands back the first build's bundle for the
    changed pages: the same queries then differ from the clean site's."""
    stale = tmp_path / "site"
    shutil.copytree(sites["warm"], stale)
    shutil.rmtree(stale / BUNDLE)
    cache = tmp_path / "cari"
    old_key = search_input.BundleCache.__init__

    def keyed_by_paths_only(self, root, pages, *, exclude):
        old_key(self, root, [search_input.PageInput(p.rel, "", p.bare) for p in pages], exclude=exclude)

    monkeypatch.setattr(search_input.BundleCache, "__init__", keyed_by_paths_only)
    first_site = tmp_path / "first"
    first_site.mkdir()
    (first_site / BUNDLE).mkdir()
    for rel, data in sites["first"].items():
        (first_site / BUNDLE / rel).parent.mkdir(parents=True, exist_ok=True)
        (first_site / BUNDLE / rel).write_bytes(data)
    search_input.BundleCache(cache, search_input.page_inputs(stale), exclude=EXCLUDE_LIST).save(first_site / BUNDLE)
    index_site(stale, cache=cache)  # takes the first build's bundle: its key ignores the change
    assert _bundle(stale) == sites["first"]
    got = _results(browser, stale, QUERIES)
    assert got != _results(browser, sites["clean"], QUERIES)
    assert "/kota-contoh/dinas-contoh/jabatan/kepala-dinas/" not in got["zamrudkilau"]


def test_unchanged_pages_reuse_the_cached_bundle_verified(sites, tmp_path, monkeypatch):
    site = tmp_path / "site"
    shutil.copytree(sites["warm"], site)
    expected = _bundle(site)
    shutil.rmtree(site / BUNDLE)

    def no_pagefind(*_args, **_kwargs):
        raise AssertionError("Pagefind ran although no page changed")

    monkeypatch.setattr(search_input, "run_pagefind", no_pagefind)
    cache = tmp_path / "cari"
    shutil.copytree(sites["cache"], cache)
    index_site(site, cache=cache)
    assert _bundle(site) == expected
    # a damaged cached file is not used: Pagefind makes the bundle again
    victim = next(p for p in sorted((cache / "bundel" / "fragment").iterdir()))
    victim.write_bytes(b"rusak")
    shutil.rmtree(site / BUNDLE)
    with pytest.raises(AssertionError, match="Pagefind ran"):
        index_site(site, cache=cache)


def test_the_bare_page_is_the_article_only():
    page = (
        b'<!doctype html><html lang="id" class="no-js"><head><title>T</title></head><body><nav>menu</nav>'
        b"<p>data-pagefind-body in a sentence</p>"
        b'<article class="a" data-pagefind-body><h1 id="x">Judul</h1><article>dalam</article><p>isi</p></article>'
        b"<footer>kaki</footer></body></html>"
    )
    bare = search_input.bare_page(page)
    assert bare is not None
    assert bare.startswith(b'<!DOCTYPE html><html lang="id" class="no-js">')
    assert b'<article class="a" data-pagefind-body><h1 id="x">Judul</h1><article>dalam</article><p>isi</p></article>' in bare
    assert b"menu" not in bare and b"kaki" not in bare and b"sentence" not in bare
    assert search_input.bare_page(b"<html><body><p>tanpa badan</p></body></html>") is None
    assert search_input.bare_page(b"<html><body><div data-pagefind-body><p>tak tertutup</body></html>") is None


def test_pages_linked_from_the_previous_site_are_not_read_again(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "b").mkdir()
    for name in ("a", "b"):
        (site / name / "index.html").write_bytes(
            b'<html lang="id"><body><article data-pagefind-body>' + name.encode() + b"</article></body></html>"
        )
    fresh: dict = {}
    first = search_input.page_inputs(site, fresh=fresh)
    known = {p.rel: (os.stat(site / p.rel).st_ino, search_input.sha256((site / p.rel).read_bytes())) for p in first}
    # a memo entry that lies about page a: used, so page a was not read
    memo = {**fresh, known["a/index.html"][1]: ["dari-memo", True]}
    again = {p.rel: p.digest for p in search_input.page_inputs(site, known, memo)}
    assert again == {"a/index.html": "dari-memo", "b/index.html": first[1].digest}
    # page b made again (a new file renamed into place): read, not taken from the memo
    (site / "b" / "new.tmp").write_bytes(b'<html lang="id"><body><article data-pagefind-body>baru</article></body></html>')
    os.replace(site / "b" / "new.tmp", site / "b" / "index.html")
    again = {p.rel: p.digest for p in search_input.page_inputs(site, known, fresh)}
    assert again["a/index.html"] == first[0].digest and again["b/index.html"] != first[1].digest

"""Search index: Pagefind over the built site (run by the build stage after MkDocs, on the
temporary site folder, before it replaces site/).

Why not MkDocs' built-in lunr search: its index is one JSON file holding the text of every
page (1.5 MB for the 211 bundled pages, 8 MB for 10,000), downloaded whole before the first
result, and lunr has no Indonesian stemmer. Pagefind writes a chunked index: a visitor
downloads a small entry file, the WebAssembly search code and only the index chunks and
page fragments the query touches. The site's ``<html lang="id">`` selects Pagefind's
Indonesian stemmer (Snowball), so "penempatan" finds "ditempatkan" (both stem to
"tempat"). Only the article is indexed (``data-pagefind-body`` in theme/main.html), never
the navigation. Every asset is written into the site (pagefind/): no third-party request.

A Pagefind index is one whole (word chunks, page list and ranking statistics over every
page), so a changed page means a new index; what a build reuses is the whole bundle, when
no page's article changed (search_input.py, cached in build/cache/cari and verified).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"


class SearchIndexError(RuntimeError):
    pass


def available() -> bool:
    """Whether `python -m pagefind` (the package's documented command line, as run by
    index_site) finds a Pagefind binary (pagefind[bin] on PyPI ships one). Public API only:
    ``pagefind.service.get_executable`` (in its ``__all__``) returns None when there is none;
    a pagefind package without it is asked for its version instead."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        try:
            done = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return False
        return done.returncode == 0
    try:
        return get_executable() is not None
    except Exception:
        return False


# Not indexed, besides what the templates mark data-pagefind-ignore: the Daftar Informasi
# Publik's links and the columns that repeat on each of its hundreds of rows per agency
# (the number, summary and responsible official stay searchable). They made the index and
# every DIP result's fragment much larger, and the indexing slower. Nor the headings'
# permalinks (.headerlink): their "¶" was indexed stuck to the heading's last word.
EXCLUDE_LIST = [".kj-dip-tautan", ".headerlink"] + [
    f'td[data-label="{label}"]'
    for label in (
        "Pejabat/unit yang menguasai",
        "Waktu dan tempat pembuatan",
        "Bentuk informasi",
        "Jangka waktu penyimpanan",
        "Klasifikasi",
    )
]
EXCLUDE = ", ".join(EXCLUDE_LIST)


def index_site(
    site: Path, *, cache: Path | None = None, known: dict[str, tuple[int, str]] | None = None, quiet: bool = True
) -> None:
    """Write the Pagefind bundle into ``site/pagefind/`` (replacing an old one).

    ``cache`` (build/cache/cari): a bundle made from the very same inputs (every page's
    ``data-pagefind-body``, search_input.py) by an earlier build is reused, verified,
    without running Pagefind. ``known``: the pages hard-linked from the previous site
    (dirty.DirtySite.prepare): not read again when the cache knows them. ``quiet``: kept
    for callers; Pagefind runs silent."""
    from generator.site.search_input import BundleCache, PagefindFailed, page_inputs, read_memo, run_pagefind, write_memo

    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    store = None
    if cache is not None:
        fresh: dict[str, list] = {}
        store = BundleCache(cache, page_inputs(site, known, read_memo(cache), fresh), exclude=EXCLUDE_LIST)
        write_memo(cache, fresh)
        if store.restore(bundle):
            return
    try:
        run_pagefind(site, bundle, exclude=EXCLUDE)
    except (PagefindFailed, OSError) as e:
        shutil.rmtree(bundle, ignore_errors=True)
        raise SearchIndexError(f"Pagefind gagal membuat indeks pencarian: {e}") from e
    if not (bundle / "pagefind.js").is_file():
        raise SearchIndexError("Pagefind tidak menulis pagefind/pagefind.js")
    if store is not None:
        store.save(bundle)

"""In headless Chromium: the bytes a visitor downloads from opening the home page to the
first search result (benchmarks/run.py, figure 8)."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg", "application/xml")


def record_responses(page) -> list[tuple[str, str, bytes]]:
    """Every response the Playwright ``page`` receives from now on, as (url, content type,
    body), appended as each request finishes."""
    responses: list[tuple[str, str, bytes]] = []

    def finished(req) -> None:
        r = req.response()
        if r is not None:
            try:
                responses.append((req.url, r.headers.get("content-type", ""), r.body()))
            except Exception:  # body gone (redirect, aborted)
                pass

    page.on("requestfinished", finished)
    return responses


def chromium_problem() -> str | None:
    """Why the search measurement cannot run here (None when it can), asked before anything
    is built: a run at 40 × 70 takes most of an hour and must not end in a traceback."""
    import os
    import shutil

    sys.path.insert(0, str(REPO / "tests"))
    from site_fixtures import CHROMIUM

    if os.path.exists(CHROMIUM) or shutil.which(CHROMIUM):
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            return "Playwright is not installed (pip install -e '.[test]'), or pass --no-browser"
        return None
    return f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium), set KINERJA_CHROMIUM, or pass --no-browser"


def search_download(site: Path, expected: list[str], query: str = "penempatan") -> dict:
    """Open the home page in headless Chromium, type ``query`` into the header search and
    count every byte received until the first result is on screen."""
    sys.path.insert(0, str(REPO / "tests"))
    from playwright.sync_api import sync_playwright
    from site_fixtures import CHROMIUM, CHROMIUM_ARGS, serve

    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        responses = record_responses(page)
        page.goto(url, wait_until="load")
        page.click("input.md-search__input")
        page.type("input.md-search__input", query, delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        before = list(responses)
        shown = page.eval_on_selector_all(".md-search-result__item a", "as => as.map(a => a.getAttribute('href'))")
        found = page.evaluate(
            """async (q) => {
            const results = await window.kjCari.cari(q);
            return Promise.all(results.map(x => x.data().then(d => d.url)));
        }""",
            query,
        )
        foreign = [u for u, _t, _b in responses if not u.startswith(url)]
        ctx.close()
        browser.close()
    raw = sum(len(b) for _u, _t, b in before)
    packed = sum(len(gzip.compress(b, 6)) if t.startswith(TEXT_TYPES) else len(b) for _u, t, b in before)
    hits = [e for e in expected if "/" + e in found]
    return {
        "query": query,
        "requests_before_first_result": len(before),
        "bytes_before_first_result": raw,
        "bytes_before_first_result_gzip": packed,
        "results": len(found),
        "results_shown": shown[:3],
        "ditempatkan_positions": len(expected),
        "ditempatkan_positions_found": len(hits),
        "third_party_requests": len(foreign),
    }

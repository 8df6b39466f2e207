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
"""

from __future__ import annotations

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
# every DIP result's fragment much larger, and the indexing slower.
EXCLUDE = ", ".join(
    [".kj-dip-tautan"]
    + [
        f'td[data-label="{label}"]'
        for label in (
            "Pejabat/unit yang menguasai",
            "Waktu dan tempat pembuatan",
            "Bentuk informasi",
            "Jangka waktu penyimpanan",
            "Klasifikasi",
        )
    ]
)


def index_site(site: Path, *, quiet: bool = True) -> None:
    """Write the Pagefind bundle into ``site/pagefind/`` (replacing an old one)."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--exclude-selectors", EXCLUDE]
    if quiet:
        cmd.append("--silent")
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise SearchIndexError(f"Pagefind gagal (kode {done.returncode}): {(done.stderr or done.stdout).strip()[-2000:]}")
    if not (site / BUNDLE / "pagefind.js").is_file():
        raise SearchIndexError("Pagefind tidak menulis pagefind/pagefind.js")

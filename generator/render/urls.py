"""Where each page lives in the docs folder, and links between them.

Links inside raw HTML are not rewritten by MkDocs, so they are computed here, for
``use_directory_urls: true`` (``a/b.md`` is served as ``a/b/``). Paths are stable: they
are the public addresses PPID officers cite.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
METODOLOGI = "metodologi.md"
TENTANG = "tentang.md"
CARA_MEMBACA = "cara-membaca.md"
PERBANDINGAN = "perbandingan/index.md"


def perbandingan(group_id: str) -> str:
    """A comparison page: one kelompok_pembanding across regions and years."""
    return f"perbandingan/{group_id}.md"


def region(region_id: str) -> str:
    return f"{region_id}/index.md"


def agency(region_id: str, agency_id: str) -> str:
    return f"{region_id}/{agency_id}/index.md"


def unit(region_id: str, agency_id: str, unit_id: str) -> str:
    return f"{region_id}/{agency_id}/unit/{unit_id}.md"


def position(region_id: str, agency_id: str, position_id: str) -> str:
    return f"{region_id}/{agency_id}/jabatan/{position_id}.md"


def chart(region_id: str, agency_id: str, name: str) -> str:
    return f"{region_id}/{agency_id}/grafik/{name}.svg"


def url(path: str) -> str:
    """The served address of a docs file, relative to the site root."""
    if not path.endswith(".md"):
        return path
    stem = path[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def rel(from_page: str, to_path: str) -> str:
    """Relative href from the page ``from_page`` (a .md path) to ``to_path``."""
    base = url(from_page)
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base)
    target = url(to_path)
    link = posixpath.relpath(target or ".", base_dir or ".")
    if (target == "" or target.endswith("/")) and not link.endswith("/"):
        link = "./" if link == "." else link + "/"
    return link

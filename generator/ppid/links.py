"""Where the PPID pages are, and links built from data.

Every path is docs-relative, under ``<wilayah>/<opd>/ppid/``; ``rel_href`` turns one into
an href relative to the page that shows it. Addresses that leave the site (the request
form, the PPID e-mail) come from the data and are used only when they are plain
http(s) addresses and well-formed e-mail addresses.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from generator.core import addresses

HOME = "ppid.md"


def path(region_id: str, agency_id: str, name: str) -> str:
    """Docs-relative path of one file of an agency's PPID section."""
    return f"{region_id}/{agency_id}/ppid/{name}"


def index_path(r: str, a: str) -> str:
    return path(r, a, "index.md")


def dip_path(r: str, a: str) -> str:
    return path(r, a, "dip.md")


def statistik_path(r: str, a: str) -> str:
    return path(r, a, "statistik.md")


def laporan_path(r: str, a: str, tahun: int) -> str:
    return path(r, a, f"laporan-{tahun}.md")


def cara_path(r: str, a: str) -> str:
    return path(r, a, "cara-mengajukan.md")


def keberatan_path(r: str, a: str) -> str:
    return path(r, a, "keberatan.md")


def formulir_permohonan_path(r: str, a: str) -> str:
    return path(r, a, "formulir-permohonan.md")


def formulir_keberatan_path(r: str, a: str) -> str:
    return path(r, a, "formulir-keberatan.md")


def grafik_path(r: str, a: str, name: str) -> str:
    return path(r, a, f"grafik/{name}.svg")


def rel_href(page: str, target: str) -> Markup:
    """Relative href of a docs path (``a/b.md#x`` keeps its fragment), percent-quoted, so
    it holds no character that HTML would interpret."""
    base, _, frag = target.partition("#")
    link = addresses.rel(page, base)
    return Markup(quote(link, safe="/.-_~") + (f"#{quote(frag, safe='-_')}" if frag else ""))


def external_url(url: str | None) -> str | None:
    """A web address from the data, only when it is plain http(s) (never javascript: etc.)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        return None
    return url.strip()


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def email_address(value: str | None) -> str | None:
    """An e-mail address from the data, only when it is well formed."""
    return value.strip() if value and _EMAIL.match(value.strip()) else None

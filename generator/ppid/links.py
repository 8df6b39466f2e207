"""Links of the PPID pages, and links built from data.

The pages' addresses are in core/addresses.py (``ppid_*``); ``rel_href`` turns one into an
href relative to the page that shows it. Addresses that leave the site (the request
form, the PPID e-mail) come from the data and are used only when they are plain
http(s) addresses and well-formed e-mail addresses.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from markupsafe import Markup

from generator.core import addresses


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

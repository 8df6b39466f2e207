"""Links of the PPID pages, and links built from data.

The pages' addresses are in core/addresses.py (``ppid_*``); ``rel_href`` turns one into an
href relative to the page that shows it. Addresses that leave the site (the request
form, the PPID e-mail, DIP documents elsewhere) come from the data and are used only when
`check` accepts them (validate/links.py); their text names the site they go to.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from markupsafe import Markup

from generator.core import addresses
from generator.validate.links import email_problem, web_problem


def rel_href(page: str, target: str) -> Markup:
    """Relative href of a docs path (``a/b.md#x`` keeps its fragment), percent-quoted, so
    it holds no character that HTML would interpret."""
    base, _, frag = target.partition("#")
    link = addresses.rel(page, base)
    return Markup(quote(link, safe="/.-_~") + (f"#{quote(frag, safe='-_')}" if frag else ""))


def external_url(url: str | None) -> str | None:
    """A web address from the data, only when `check` accepts it (validate/links.py: plain
    http(s), no user-info part, a plain host): never javascript:, data: or user@host."""
    if not url or web_problem(url):
        return None
    return url.strip()


def host(url: str) -> str:
    """The site a checked web address goes to, as the link's text names it (ppid.kota.go.id)."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def email_address(value: str | None) -> str | None:
    """An e-mail address from the data, only when it is well formed (``mailto:`` prefix dropped)."""
    if not value or email_problem(value):
        return None
    v = value.strip()
    return v[7:] if v.lower().startswith("mailto:") else v

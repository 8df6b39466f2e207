"""One escape function for every text that comes from data.

Data text ends up in two contexts: inside raw HTML blocks of the generated Markdown and,
occasionally, inline in Markdown (page front matter titles, headings). ``teks`` makes a
value safe for both at once: it HTML-escapes (so no tag or attribute can be created) and
turns every character that Markdown, attr_list or a table could interpret into a numeric
character reference, which both the Markdown parser and the browser show as the literal
character. Line breaks become ``<br>`` so data can never start a Markdown block.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Markdown / attr_list / table / Jinja-looking specials, plus the HTML-significant ones.
_SPECIAL = set("\\`*_{}[]()#+-.!|<>~&\"'")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # incl. STX/ETX used by Python-Markdown's stash


_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}  # str.translate: one C loop per value


def teks(value: object) -> Markup:
    """Escape one data value for display as literal text (HTML and Markdown safe)."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    s = _CONTROL.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return Markup(s.translate(_ENTITIES).replace("\n", "<br>"))


def judul(value: object) -> str:
    """A page title for front matter: Material prints ``page.meta.title`` unescaped into
    <title> and the header, so it must already be HTML-escaped (and on one line)."""
    s = _CONTROL.sub("", str(value or "")).replace("\n", " ").strip()
    return str(teks(s))

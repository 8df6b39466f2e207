"""Whitespace out of the built HTML pages.

Material's templates indent every nav item, table-of-contents entry and header element; on a
position page that is about 3 KB of blanks, near a tenth of the page. After MkDocs, every run
of blanks in a page becomes one character: a newline if the run held one (so inline scripts
keep their line structure), else a space. Browsers render that the same, outside <pre> and
<textarea>, which are left exactly as they are. The docs folder is not touched, so plain
MkDocs, ProperDocs or Zensical still build the same pages, only with their blanks.

generator/site/sitebuild.py minifies each page right after MkDocs writes it, in the same worker.
A page is replaced through a new file renamed into place: the previous site's pages may be
hard links (incremental.DirtySite) and must stay as they are.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_KEEP = re.compile(rb"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_BLANKS = re.compile(rb"\s{2,}")


def _squeeze(run: re.Match) -> bytes:
    return b"\n" if b"\n" in run.group() else b" "


def minify(html: bytes) -> bytes:
    parts = _KEEP.split(html)
    # split() with two groups yields: text, whole kept element, tag name, text, ...
    out = []
    for i in range(0, len(parts), 3):
        out.append(_BLANKS.sub(_squeeze, parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return b"".join(out)


def minify_file(path: Path) -> bool:
    """Minify one page in place; True when it changed."""
    data = path.read_bytes()
    small = minify(data)
    if small == data:
        return False
    tmp = path.with_name(path.name + ".min-tmp")
    tmp.write_bytes(small)
    os.replace(tmp, path)
    return True

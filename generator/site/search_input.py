"""What Pagefind reads of each page, and the search bundle kept between builds.

Pagefind indexes only the ``data-pagefind-body`` element of a page (the article, see
theme/main.html) and takes the language from ``<html lang>``. So the input of a page is a
bare page: its ``<html>`` tag and its article, nothing else (no head, header, navigation or
footer). Cutting it out is a string search, no HTML parser. Pagefind given the bare pages
writes the same fragments (titles, anchors) as over the whole site, but it is no faster
overall (the staging costs what the smaller parse saves), so the bare page only decides
whether anything Pagefind reads has changed: a change to the navigation, the footer or the
head of every page does not make the index again.

A Pagefind index is one whole: its word chunks, its page list and its ranking statistics
(BM25's page counts and average length) cover every page, so Pagefind cannot take one
changed page into an existing index. What is reused is the bundle itself: the key of a
bundle is the sha256 of every page's input (and of Pagefind's version and settings); a
build whose inputs did not change takes the bundle from build/cache/cari, verified file by
file against the sha256 recorded when it was made (generator/site/integrity.py). Pages
the build hard-linked from the previous site are not read again: a memo (halaman.json)
maps the sha256 of a whole page to the digest of its input.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.site.docs import link_or_copy
from generator.site.integrity import digests, read_manifest, sha256, tree_digests, write_manifest

_TAG = re.compile(rb"<([a-zA-Z][a-zA-Z0-9]*)[\s/]")
_HTML = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class PageInput:
    rel: str  # the HTML file, relative to the site (Pagefind makes the URL from it)
    digest: str  # sha256 of what Pagefind is given for it
    bare: bool  # the bare page (its article) rather than the whole file


def bare_page(html: bytes) -> bytes | None:
    """The page reduced to what Pagefind indexes: ``<html ...>`` and every element marked
    ``data-pagefind-body`` (with all it holds); None when the page has none."""
    parts: list[bytes] = []
    pos = 0
    while (found := html.find(b"data-pagefind-body", pos)) >= 0:
        start = html.rfind(b"<", pos, found)
        m = _TAG.match(html, start) if start >= 0 else None
        if m is None or html.find(b">", start, found) >= 0:
            pos = found + 1  # the words in text, not an attribute
            continue
        end = _closing(html, m.group(1).lower(), found)
        if end is None:
            return None  # unbalanced: let Pagefind read the whole page
        parts.append(html[start:end])
        pos = end
    if not parts:
        return None
    opening = _HTML.search(html)
    return (
        b"<!DOCTYPE html>"
        + (opening.group(0) if opening else b"<html>")
        + b'<head><meta charset="utf-8"></head><body>'
        + b"".join(parts)
        + b"</body></html>"
    )


@functools.lru_cache(maxsize=16)
def _tag_pattern(tag: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<(/?)" + re.escape(tag) + rb"[\s>/]", re.IGNORECASE)


def _closing(html: bytes, tag: bytes, pos: int) -> int | None:
    """The end of the element whose start tag is open at ``pos`` (nested ones counted)."""
    depth = 1
    for m in _tag_pattern(tag).finditer(html, pos):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            close = html.find(b">", m.end() - 1)
            return None if close < 0 else close + 1
    return None


def html_files(site: Path) -> list[str]:
    """Every ``*.html`` under ``site`` (what Pagefind's own ``--site`` run reads), sorted."""
    found: list[str] = []
    for folder, dirs, names in os.walk(site):
        dirs.sort()
        rel = os.path.relpath(folder, site)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + n for n in sorted(names) if n.endswith(".html")]
    return found


MEMO_VERSION = 1  # of bare_page: a change to how the input is cut out must forget the memo


def page_inputs(
    site: Path,
    known: dict[str, tuple[int, str]] | None = None,
    memo: dict[str, list] | None = None,
    fresh: dict[str, list] | None = None,
) -> list[PageInput]:
    """Each page's input, by its sha256. As Pagefind does: once any page has a
    ``data-pagefind-body``, pages without one are not indexed. A page with Pagefind
    attributes outside its body (none of ours) is keyed by all its bytes.

    ``known``: pages of the previous site hard-linked into this one and not written since
    (rel → inode, sha256 of the file: dirty.DirtySite); ``memo``: the sha256 of a whole
    page → [its input's digest, bare] from the last build; ``fresh`` receives the entries
    of this site's pages. A known page found in the memo is not read: a warm build reads
    only the pages MkDocs wrote again."""
    known = known or {}
    memo = memo or {}
    fresh = fresh if fresh is not None else {}
    bare: list[PageInput] = []
    whole: list[PageInput] = []
    for rel in html_files(site):
        seen = known.get(rel)
        if seen is not None and seen[1] in memo and os.stat(site / rel).st_ino == seen[0]:
            digest, is_bare = fresh[seen[1]] = memo[seen[1]]
            (bare if is_bare is not None else whole).append(PageInput(rel, digest, bool(is_bare)))
            continue
        html = (site / rel).read_bytes()
        reduced = bare_page(html)
        if reduced is not None and reduced.count(b"data-pagefind-") == html.count(b"data-pagefind-"):
            entry = PageInput(rel, sha256(reduced), True)
        else:
            entry = PageInput(rel, sha256(html), False)
        fresh[sha256(html)] = [entry.digest, entry.bare if reduced is not None else None]
        (bare if reduced is not None else whole).append(entry)
    return bare or whole


def read_memo(cache: Path) -> dict[str, list]:
    doc = read_manifest(cache / "halaman.json")
    if not doc or doc.get("versi") != MEMO_VERSION or not isinstance(doc.get("halaman"), dict):
        return {}
    return doc["halaman"]


def write_memo(cache: Path, memo: dict[str, list]) -> None:
    """The entries of this site's pages only (the memo does not grow build after build)."""
    write_manifest(cache / "halaman.json", {"versi": MEMO_VERSION, "halaman": memo})


def run_pagefind(site: Path, bundle: Path, *, exclude: str) -> None:
    """Pagefind's command line over the whole site (it reads the pages on all cores and
    keeps only their ``data-pagefind-body``), the bundle written to ``bundle``. Raises
    PagefindFailed with Pagefind's own words."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle)]
    done = subprocess.run([*cmd, "--exclude-selectors", exclude, "--silent"], capture_output=True, text=True)
    if done.returncode != 0:
        raise PagefindFailed(f"kode {done.returncode}: {(done.stderr or done.stdout).strip()[-2000:]}")


class PagefindFailed(RuntimeError):
    pass


def pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("pagefind", "pagefind_bin", "pagefind_bin_extended"):
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            pass
    return "; ".join(found)


class BundleCache:
    """The last bundle made, under build/cache/cari: ``bundel/`` and ``bundel.json`` (the
    key of its inputs and the sha256 of each of its files)."""

    def __init__(self, root: Path, pages: list[PageInput], *, exclude: list[str]) -> None:
        self.root = root
        self.files = root / "bundel"
        self.manifest = root / "bundel.json"
        spec = [pagefind_version(), exclude, [[p.rel, p.digest, p.bare] for p in pages]]
        self.key = hashlib.sha256(json.dumps(spec, ensure_ascii=False).encode("utf-8")).hexdigest()

    def restore(self, bundle: Path) -> bool:
        """Put the cached bundle at ``bundle`` when it was made from the same inputs and
        every file still holds the bytes recorded; otherwise leave nothing there."""
        doc = read_manifest(self.manifest)
        if not doc or doc.get("key") != self.key or not isinstance(doc.get("files"), dict) or not doc["files"]:
            return False
        files: dict[str, str] = doc["files"]
        rels = sorted(files)
        if [files[r] for r in rels] != digests(self.files / r for r in rels):
            return False
        try:
            for rel in rels:
                target = bundle / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(self.files / rel, target, shutil.copy2)
        except OSError:
            shutil.rmtree(bundle, ignore_errors=True)
            return False
        return True

    def save(self, bundle: Path) -> None:
        """Keep ``bundle`` (just made) for the next build. The manifest goes first, so a build
        killed halfway leaves no manifest naming half-copied files."""
        self.manifest.unlink(missing_ok=True)
        shutil.rmtree(self.files, ignore_errors=True)
        self.files.mkdir(parents=True, exist_ok=True)
        for folder, _dirs, names in os.walk(bundle):
            for name in names:
                source = Path(folder) / name
                target = self.files / source.relative_to(bundle)
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, target, shutil.copy2)  # the bundle is removed and written anew, never in place
        write_manifest(self.manifest, {"key": self.key, "files": tree_digests(self.files)})

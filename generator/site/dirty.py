"""Build the new site from a hard-linked copy of the previous one when only docs files
changed: MkDocs then renders only the changed pages (``build(dirty=True)``).

``situs.json`` in the cache (a manifest under its own sha256, integrity.write_manifest)
records what the previous site was built from: a stamp of the MkDocs configuration, theme
and page-writing code; the sha256 of every docs file it was built from; and the sha256 of
every file of the site as published. A later build reuses a file of the previous site
only when the stamp is the same, the docs files its page comes from are unchanged (by
hash, never by the time a file was written), and the file itself still holds the recorded
bytes; everything else is left out of the copy, and MkDocs makes it again. The copy is
made of hard links shared with the site being served, so everything MkDocs will write is
removed from the copy first (here, and in sitebuild._shard): the served site is never
modified in place.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.core.fingerprint import digest as _digest
from generator.site.integrity import digests, read_manifest, write_manifest


def output_paths(rel: str) -> list[str]:
    """Where MkDocs (use_directory_urls) writes a docs file: a/b.md → a/b/index.html."""
    if rel.endswith(".md"):
        stem = rel[:-3]
        if stem == "index" or stem.endswith("/index"):
            return [stem + ".html"]
        return [stem + "/index.html"]
    return [rel]


class DirtySite:
    """The previous site, reused where it still holds (see the module docstring)."""

    STAMP = "situs.json"
    ALWAYS = ("404.html", "sitemap.xml", "sitemap.xml.gz")  # MkDocs writes these on every build

    def __init__(self, cache: Path, config_text: str, theme_dirs: list[Path]):
        self.stamp_path = cache / self.STAMP
        import material
        import mkdocs

        parts = [config_text.encode(), f"{mkdocs.__version__} {getattr(material, '__version__', '')}".encode()]
        for d in theme_dirs:
            if d.is_dir():
                parts += [
                    p.relative_to(d).as_posix().encode() + b"\0" + p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()
                ]
        self.stamp = _digest(*parts)

    def usable(self, out: Path) -> dict | None:
        """The record of the previous site when MkDocs may start from it, else None."""
        doc = read_manifest(self.stamp_path)
        if doc is None or doc.get("stamp") != self.stamp or doc.get("site") != str(out) or not out.is_dir():
            return None
        if not isinstance(doc.get("docs"), dict) or not isinstance(doc.get("files"), dict):
            return None
        return doc

    def prepare(self, out: Path, tmp: Path, record: dict, docs: dict[str, str]) -> dict[str, tuple[int, str]]:
        """Fill ``tmp`` with hard links to the files of ``out`` that this build keeps:
        not made from a docs file that changed or went away (``docs``: the sha256 of every
        docs file now; ``record``: from ``usable``), not written by MkDocs on every build,
        and holding the bytes recorded. Returns the linked files: their inode and sha256
        (integrity.tree_digests need not read them again)."""
        before: dict[str, str] = record["docs"]
        recorded: dict[str, str] = record["files"]
        drop = set(self.ALWAYS)
        for rel in [r for r, h in docs.items() if before.get(r) != h] + [r for r in before if r not in docs]:
            drop.update(output_paths(rel))
        drop.add("pagefind")
        keep: list[str] = []
        for root, dirs, names in os.walk(out):
            rel_root = os.path.relpath(root, out)
            rel_root = "" if rel_root == "." else rel_root.replace(os.sep, "/") + "/"
            dirs[:] = [d for d in dirs if rel_root + d not in drop]
            keep += [rel_root + n for n in names if rel_root + n not in drop and rel_root + n in recorded]
        found = digests(out / rel for rel in keep)
        linked: dict[str, tuple[int, str]] = {}
        for rel, h in zip(keep, found):
            if h is None or h != recorded[rel]:
                continue  # changed or damaged since it was published: MkDocs makes it again
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(out / rel, target)
            linked[rel] = (target.stat().st_ino, h)
        return linked

    def record(self, out: Path, docs: dict[str, str], files: dict[str, str]) -> None:
        """Once ``out`` holds the new site: what it was built from (``docs``) and what it
        holds (``files``), both by sha256."""
        write_manifest(self.stamp_path, {"stamp": self.stamp, "site": str(out), "docs": docs, "files": files})

    def forget(self) -> None:
        self.stamp_path.unlink(missing_ok=True)

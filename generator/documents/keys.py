"""The cache keys a run of `kinerja dokumen` derived, kept for the build that follows it.

A document's cache key is the sha256 of its content (make.py), and computing the content
of every document only to find its key took the site build after a CI matrix ~14 of its
~21 CPU-seconds of documents (40 × 70 benchmark). Each run of `kinerja dokumen` that fills
the cache therefore also writes which key each of its documents has, as
``kunci/<stamp>/<name>.json`` in the cache (and in the ``--salin-cache`` folder, so that it
travels with the part's entries). The build takes a key from there instead of computing
the content, then reads and verifies the entry as always.

The stamp is the sha256 of everything the content is computed from: every byte of every
file in the data folder (and its path), the code of the whole ``generator`` package and
the Python version, the templates and Typst version (the maker's salt), the NIP display and
as-of date, and the data commits (the git log read for them). Only lists with the build's
own stamp are read: with the same stamp the build would compute the same content and so
the same key. A list that cannot be read is ignored (the content is then computed, as
without a list), and the build removes the lists of every other stamp.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
from pathlib import Path

from generator.check.revision import DataCommits
from generator.core.fingerprint import code_digest, digest

KEYS_DIR = "kunci"


def _data_digest(data_dir: Path) -> bytes:
    """Every file under ``data_dir`` (paths and bytes), hidden files and folders aside."""
    files = []
    for path in sorted(data_dir.rglob("*")):
        rel = path.relative_to(data_dir)
        if any(part.startswith(".") for part in rel.parts) or path.is_symlink() or not path.is_file():
            continue
        files.append(digest(rel.as_posix().encode(), path.read_bytes()).encode())  # one file in memory at a time
    return digest(*files).encode()


def stamp(data_dir: Path, salt: str, commit: str | DataCommits | None, tampilan: str, on: dt.date) -> str:
    """The stamp of the documents' inputs (see the module's text)."""
    commits = commit.digest() if isinstance(commit, DataCommits) else f"commit:{commit}"
    inputs = (salt, code_digest(""), platform.python_version(), commits, tampilan, on.isoformat())
    return digest(*(part.encode() for part in inputs), _data_digest(data_dir))


def write(folder: Path, stamp_: str, name: str, keys: dict[str, str]) -> Path:
    """The list ``name`` of ``keys`` (docs path of the PDF → cache key) under ``folder``
    (a document cache, or a folder of entries to merge into one); written whole or not at all."""
    target = folder / KEYS_DIR / stamp_ / f"{name}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"stempel": stamp_, "kunci": keys}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, target)
    return target


def read(cache: Path, data_dir: Path, salt: str, commit: str | DataCommits | None, tampilan: str, on: dt.date) -> dict[str, str]:
    """Every key listed in ``cache`` on these inputs (``stamp``'s arguments; none when no
    list has them); the lists of other stamps are removed (they can never serve again:
    their inputs differ). No list at all: nothing is read."""
    root = cache / KEYS_DIR
    if not root.is_dir():
        return {}
    stamp_ = stamp(data_dir, salt, commit, tampilan, on)
    for other in root.iterdir():
        if other.name != stamp_:
            shutil.rmtree(other, ignore_errors=True) if other.is_dir() else other.unlink(missing_ok=True)
    found: dict[str, str] = {}
    folder = root / stamp_
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            listed = json.loads(path.read_text(encoding="utf-8"))
            keys = listed["kunci"] if listed.get("stempel") == stamp_ else {}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            continue  # unreadable: those documents' contents are computed instead
        if isinstance(keys, dict):
            found.update({k: v for k, v in keys.items() if isinstance(k, str) and isinstance(v, str) and len(v) == 64})
    return found

"""Outputs verified, not trusted: what a build takes over from an earlier one is used only
when its bytes match the sha256 recorded when it was made.

An earlier build may have been killed at any moment, or a disk may have lost or garbled a
file: a file's existence says nothing about what it holds. So every reused output carries
a digest written after (or with) it, and is checked against it before it is used:

- cache entries (parsed data files, charts, workbooks) are *sealed*: the file is a header,
  the sha256 of the content and the content, written to a temporary name and renamed into
  place (``seal``/``unseal``); an entry that does not verify is a miss and is made again;
- manifests (the agency memo, the record of the previous site) are JSON text under the
  sha256 of that text (``write_manifest``/``read_manifest``), and the files they list are
  recorded with their sha256 and hashed again before they are reused (``digests``).

Nothing here needs fsync for SIGKILL or Ctrl+C (the kernel keeps what a killed process
wrote); after a power loss, whatever the disk lost fails its digest and is made again.
The published site itself is flushed before it replaces the old one (guard.swap_in).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MAGIC = b"kinerja-sha256\n"  # sealed cache entries start with this, then 32 bytes of digest
THREADS = 8  # hashing threads: hashlib and file reads release the GIL
BATCH = 64  # fewer files than this: hashed in this thread


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | os.PathLike[str]) -> str | None:
    """The sha256 of a file's bytes, or None when it cannot be read."""
    try:
        with open(path, "rb") as fd:
            return hashlib.file_digest(fd, "sha256").hexdigest()
    except OSError:
        return None


def digests(paths: Iterable[str | os.PathLike[str]]) -> list[str | None]:
    """``file_sha256`` of each path, in order, on several threads when there are many."""
    paths = list(paths)
    if len(paths) < BATCH:
        return [file_sha256(p) for p in paths]
    with ThreadPoolExecutor(max_workers=min(THREADS, (os.cpu_count() or 1) + 2)) as pool:
        return list(pool.map(file_sha256, paths))


def tree_digests(root: Path, known: dict[str, tuple[int, str]] | None = None) -> dict[str, str]:
    """Every file under ``root`` (relative POSIX path) with its sha256. ``known``: files
    hashed already, by inode; a file that is still that inode (a hard link nobody wrote
    to: dirty.DirtySite) is not read again."""
    known = known or {}
    found: dict[str, str] = {}
    todo: list[str] = []
    for folder, _dirs, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in names:
            seen = known.get(prefix + name)
            if seen is not None and os.stat(os.path.join(folder, name)).st_ino == seen[0]:
                found[prefix + name] = seen[1]
            else:
                todo.append(prefix + name)
    found.update((rel, h) for rel, h in zip(todo, digests(root / rel for rel in todo)) if h is not None)
    return dict(sorted(found.items()))


# --------------------------------------------------------------------------- sealed entries


def seal(data: bytes) -> bytes:
    return MAGIC + hashlib.sha256(data).digest() + data


def unseal(blob: bytes) -> bytes | None:
    """The content of a sealed entry, or None when it is not one or does not verify."""
    start = len(MAGIC) + 32
    if len(blob) < start or not blob.startswith(MAGIC):
        return None
    data = blob[start:]
    return data if hashlib.sha256(data).digest() == blob[len(MAGIC) : start] else None


# --------------------------------------------------------------------------- files and manifests


def temp_name(path: Path) -> Path:
    """Where ``path`` is written before it is renamed into place (guard.clean_leftovers
    removes those a killed build left)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def write_atomic(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Write ``data`` under a temporary name, then rename it over ``path``: a reader (or a
    later build) sees the old file or the new one, never a part. ``durable``: flushed to
    the disk first (fsync), for files that must survive a power loss."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(path)
    try:
        with open(tmp, "wb") as fd:
            fd.write(data)
            if durable:
                fd.flush()
                os.fsync(fd.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_manifest(path: Path, body: dict, *, durable: bool = False) -> bool:
    """A JSON manifest under the sha256 of its text; written (atomically) only when it
    changed. Returns whether it was written."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8")
    blob = sha256(text).encode("ascii") + b"\n" + text
    try:
        if path.read_bytes() == blob:
            return False
    except OSError:
        pass
    write_atomic(path, blob, durable=durable)
    return True


def read_manifest(path: Path) -> dict | None:
    """A manifest written by ``write_manifest``, or None when it is missing, garbled or
    truncated."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head, newline, text = blob.partition(b"\n")
    if not newline or head != sha256(text).encode("ascii"):
        return None
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) else None

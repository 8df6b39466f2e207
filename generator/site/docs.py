"""The docs folder on disk (build/docs/): written file by file, only where bytes changed.

At province scale the pages and downloads are most of the site's bytes, too many to hold
in memory, so the agencies' jobs write here directly and the folder is then made to hold
exactly what this build produced (``sync_tree``). Every file's sha256 is noted as it is
written (``DocsWriter.hashes``): the agency memo records them, and a later build reuses a
file only if its bytes still match (generator/site/integrity.py).
"""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path

from generator.site.integrity import file_sha256, sha256


def link_or_copy(source: str | Path, target: str | Path, copy=shutil.copyfile) -> None:
    """``target`` as a hard link to ``source``; a copy (``copy``) where a link cannot be made,
    e.g. on another device. Only for files nothing ever writes in place: every writer of the
    docs folder, the site and the caches writes a new file and renames it into place."""
    try:
        os.link(source, target)
    except OSError:
        copy(source, target)


def write_if_changed(root: Path, rel: str, data: bytes) -> bool:
    """Write one docs file unless it already holds ``data`` (keeps mtimes stable for
    `serve`, the MkDocs watcher and MkDocs' dirty build)."""
    path = root / rel
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:  # not there yet
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


class DocsWriter(MutableMapping):
    """A dict of docs files that lives on disk: each file is written into the docs folder
    when it is set (only if its bytes changed) and read back when asked for. The open-data
    files and the agencies' pages go here: at province scale they are most of the site's
    bytes, too many to hold. ``paths`` and ``written`` are ordered sets (dicts): worker
    processes report what they wrote (``since``) and the parent takes it over (``keep``).
    ``hashes``: the sha256 of every file it holds."""

    def __init__(self, root: Path):
        self.root = root
        self.paths: dict[str, None] = {}
        self.written: dict[str, None] = {}
        self.hashes: dict[str, str] = {}

    def __setitem__(self, rel: str, data: bytes) -> None:
        if write_if_changed(self.root, rel, data):
            self.written[rel] = None
        self.paths[rel] = None
        self.hashes[rel] = sha256(data)

    def __getitem__(self, rel: str) -> bytes:
        if rel not in self.paths:
            raise KeyError(rel)
        return (self.root / rel).read_bytes()

    def previous(self, rel: str) -> bytes | None:
        """The file as the folder holds it before this build writes it (the last build's,
        unverified: only for what checks each byte it takes, opendata/zipreuse.py)."""
        try:
            return (self.root / rel).read_bytes()
        except OSError:
            return None

    def __delitem__(self, rel: str) -> None:
        raise TypeError("docs files are removed by sync_tree")

    def __contains__(self, rel: object) -> bool:
        return rel in self.paths

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.paths))

    def __len__(self) -> int:
        return len(self.paths)

    def mark(self) -> tuple[int, int]:
        return len(self.paths), len(self.written)

    def since(self, mark: tuple[int, int]) -> tuple[list[str], list[str], dict[str, str]]:
        """(paths, paths written, their hashes) set after ``mark``."""
        paths = list(itertools.islice(self.paths, mark[0], None))
        return paths, list(itertools.islice(self.written, mark[1], None)), {rel: self.hashes[rel] for rel in paths}

    def keep(self, paths: Iterable[str], written: Iterable[str] = (), hashes: dict[str, str] | None = None) -> None:
        """Files already in the docs folder, with their sha256: written by a worker
        process, or left by the previous build (and checked: cache.AgencyMemo)."""
        self.paths.update(dict.fromkeys(paths))
        self.written.update(dict.fromkeys(written))
        if hashes:
            self.hashes.update(hashes)

    def size(self, rel: str) -> int:
        """The size of a file it holds."""
        if rel not in self.paths:
            raise KeyError(rel)
        return (self.root / rel).stat().st_size

    def digest(self, rel: str) -> str | None:
        """The sha256 of a file it holds (hashed from the disk if it was not noted)."""
        if rel not in self.hashes:
            found = file_sha256(self.root / rel)
            if found is None:
                return None
            self.hashes[rel] = found
        return self.hashes[rel]


def sync_tree(files: dict[str, bytes], root: Path, changes: dict | None = None, on_disk: DocsWriter | None = None) -> int:
    """Make ``root`` hold exactly ``files`` (plus the files ``on_disk`` wrote); write only
    what changed. Returns the number of files written; ``changes`` (optional) receives the
    lists "written" and "removed" (relative paths) and "hashes", the sha256 of every file
    the folder holds now. Anything else in the folder goes, such as the temporary files of
    a build that was killed."""
    root.mkdir(parents=True, exist_ok=True)
    written = [rel for rel, data in files.items() if write_if_changed(root, rel, data)]
    hashes = {rel: sha256(data) for rel, data in files.items()}
    if on_disk is not None:
        written += on_disk.written
        for rel in on_disk.paths:
            if rel not in hashes:
                found = on_disk.digest(rel)
                if found is not None:
                    hashes[rel] = found
        on_disk.hashes.update(hashes)
    removed = _remove_others(root, set(files) | set(on_disk.paths if on_disk else ()))
    if changes is not None:
        changes["written"], changes["removed"] = written, removed
        changes["hashes"] = dict(sorted(hashes.items()))
    return len(written)


def _remove_others(root: Path, wanted: set[str]) -> list[str]:
    """Remove every file under ``root`` not in ``wanted`` and the folders left empty;
    returns the removed files, deepest first."""
    removed: list[str] = []
    for folder, _dirs, names in os.walk(root, topdown=False):  # a province: ~60,000 files, no stat each
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
                removed.append(prefix + name)
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    removed.sort(reverse=True)
    return removed


def mirror_tree(source: Path, root: Path) -> int:
    """Make ``root`` hold exactly the files of ``source``, writing only what changed
    (`kinerja serve`: the preview's docs folder gets a rendering only once it succeeded).
    Returns the number of files written."""
    root.mkdir(parents=True, exist_ok=True)
    wanted: set[str] = set()
    written = 0
    for folder, _dirs, names in os.walk(source):
        rel = Path(folder).relative_to(source).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in names:
            wanted.add(prefix + name)
            written += write_if_changed(root, prefix + name, Path(folder, name).read_bytes())
    _remove_others(root, wanted)
    return written

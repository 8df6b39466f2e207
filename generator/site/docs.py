"""The docs folder on disk (build/docs/): written file by file, only where bytes changed.

At province scale the pages and downloads are most of the site's bytes, too many to hold
in memory, so the agencies' jobs write here directly and the folder is then made to hold
exactly what this build produced (``sync_tree``).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import MutableMapping
from pathlib import Path


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
    processes report what they wrote (``since``) and the parent takes it over (``keep``)."""

    def __init__(self, root: Path):
        self.root = root
        self.paths: dict[str, None] = {}
        self.written: dict[str, None] = {}

    def __setitem__(self, rel: str, data: bytes) -> None:
        if write_if_changed(self.root, rel, data):
            self.written[rel] = None
        self.paths[rel] = None

    def __getitem__(self, rel: str) -> bytes:
        if rel not in self.paths:
            raise KeyError(rel)
        return (self.root / rel).read_bytes()

    def __delitem__(self, rel: str) -> None:
        raise TypeError("docs files are removed by sync_tree")

    def __contains__(self, rel: object) -> bool:
        return rel in self.paths

    def __iter__(self):
        return iter(sorted(self.paths))

    def __len__(self) -> int:
        return len(self.paths)

    def mark(self) -> tuple[int, int]:
        return len(self.paths), len(self.written)

    def since(self, mark: tuple[int, int]) -> tuple[list[str], list[str]]:
        """(paths, paths written) set after ``mark``."""
        return list(itertools.islice(self.paths, mark[0], None)), list(itertools.islice(self.written, mark[1], None))

    def keep(self, paths, written=()) -> None:
        """Files already in the docs folder: written by a worker process, or left by the
        previous build."""
        self.paths.update(dict.fromkeys(paths))
        self.written.update(dict.fromkeys(written))


def sync_tree(files: dict[str, bytes], root: Path, changes: dict[str, list[str]] | None = None,
              on_disk: DocsWriter | None = None) -> int:
    """Make ``root`` hold exactly ``files`` (plus the files ``on_disk`` wrote); write only
    what changed. Returns the number of files written; ``changes`` (optional) receives the
    lists "written" and "removed" (relative paths)."""
    root.mkdir(parents=True, exist_ok=True)
    written = [rel for rel, data in files.items() if write_if_changed(root, rel, data)]
    if on_disk is not None:
        written += on_disk.written
    wanted = set(files) | set(on_disk.paths if on_disk else ())
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
    if changes is not None:
        changes["written"], changes["removed"] = written, removed
    return len(written)

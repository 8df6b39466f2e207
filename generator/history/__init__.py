"""Per-figure history from git (issue 19): every change of a published figure, with its
date, commit, pull request, old → new value and the capaian/predikat before and after.

``read_history(data_dir, cache_dir)`` reads the repository's history of the data folder
in one pass (history.gitlog), computes each report as it was at every commit that touched
it with the project's own engine (history.figures) and keeps the state under
``cache_dir`` so that the next build reads only new commits (history.walk). No git, no
repository or an untracked data folder: None (the site simply has no history section).
A shallow clone is read as far as it goes and says so (``History.dangkal``).

The site layer shows it (history.pages), publishes it as CSV, JSON and Atom
(history.files), and passes ``first_seen`` on to other features.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.history import gitlog, walk

SHALLOW_NOTE = (
    "Riwayat perubahan tidak lengkap: repositori ini klon dangkal (shallow clone), sehingga commit yang lebih lama "
    "tidak tersedia; ambil seluruh riwayat (fetch-depth: 0) untuk riwayat lengkap."
)


@dataclass
class History:
    """Every change, oldest first (``entries``, dicts: see history.figures.diff and
    history.walk), with when each report and file first appeared and when each page's
    data last changed (``ubah``: "" site, "r" region, "r/a" agency, "r/a/p" position)."""

    entries: list[dict[str, Any]] = field(default_factory=list)
    laporan: dict[str, tuple[dt.date, str]] = field(default_factory=dict)  # report id → first appearance
    berkas: dict[str, tuple[dt.date, str]] = field(default_factory=dict)  # data-relative file → first appearance
    ubah: dict[str, tuple[dt.date, str]] = field(default_factory=dict)
    dangkal: bool = False  # a shallow clone: older commits are missing
    head: str = ""
    commits_read: int = 0

    _index: dict[tuple[str, ...], list[dict[str, Any]]] | None = field(default=None, repr=False, compare=False)

    def _by(self, key: tuple[str, ...]) -> list[dict[str, Any]]:
        if self._index is None:
            self._index = {}
            for e in self.entries:
                self._index.setdefault((e["wilayah"], e["perangkat_daerah"]), []).append(e)
                self._index.setdefault((e["wilayah"], e["perangkat_daerah"], e["jabatan"]), []).append(e)
        return self._index.get(key, [])

    def of_agency(self, region: str, agency: str) -> list[dict[str, Any]]:
        """The agency's entries, oldest first."""
        return self._by((region, agency))

    def of_position(self, region: str, agency: str, position: str) -> list[dict[str, Any]]:
        """The position's entries, oldest first."""
        return self._by((region, agency, position))

    def last_changed(self, scope: str) -> dt.date | None:
        """When the data of a page last changed: scope "" (site), "r", "r/a" or "r/a/p"."""
        found = self.ubah.get(scope)
        return found[0] if found else None

    def digest(self, region: str, agency: str) -> str:
        """What the agency's pages show of the history: part of the agency memo's key."""
        scopes = sorted(
            (k, str(v[0])) for k, v in self.ubah.items() if k == f"{region}/{agency}" or k.startswith(f"{region}/{agency}/")
        )
        data = json.dumps([self.dangkal, scopes, self.of_agency(region, agency)], sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()


def first_seen(history: History | None) -> dict[str, tuple[dt.date, str]]:
    """For each file of the data folder (data-relative path, e.g.
    ``kota-pekalongan/dinperinaker/2025/sekretaris.yml``), the date (committer date) and
    short commit id of the first commit on the main line that added it. Empty without a
    history. In a shallow clone the oldest available commit stands for the first one."""
    return dict(history.berkas) if history is not None else {}


def _pair(value: Any) -> tuple[dt.date, str]:
    return dt.date.fromisoformat(value[0]), value[1]


def read_history(data_dir: Path, cache_dir: Path | None = None, known: dict[str, Any] | None = None) -> History | None:
    """The history of ``data_dir`` (see the module docstring), or None without one.
    ``known``: models the build has parsed already (Situs, Wilayah, PerangkatDaerah,
    Tahunan), by the git blob id of their file (figures.blob_id): not parsed again."""
    repo = gitlog.open_repo(data_dir)
    if repo is None:
        return None
    state = walk.load_state(cache_dir, repo)
    try:
        n = walk.advance(repo, state, known, cache_dir)
    except Exception:  # noqa: BLE001 - history is an extra: a surprise in git's output never fails a build
        return None
    if n:
        walk.save_state(cache_dir, state)
    return History(
        entries=state["entries"],
        laporan={k: _pair(v) for k, v in state["laporan"].items()},
        berkas={k: _pair(v) for k, v in state["berkas"].items()},
        ubah={k: _pair(v) for k, v in state["ubah"].items()},
        dangkal=repo.shallow,
        head=repo.head,
        commits_read=n,
    )

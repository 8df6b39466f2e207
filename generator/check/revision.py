"""A git revision of the data folder, taken out of the repository (``git archive``) into a
temporary folder, so that findings and files can be compared with it: `kinerja check
--base` (a pull request's own findings) and `kinerja diff` (the pull-request summary);
and the data's current commit (``head_commit``) for the build and `kinerja dokumen`.

Nothing here prints: problems are a ``RevisionError`` whose text is told to the user as is
(it never names the temporary folder).
"""

from __future__ import annotations

import hashlib
import io
import subprocess
import tarfile
from collections.abc import Iterable
from pathlib import Path

from generator.core.layout import SITE_FILE, agency_inputs


class RevisionError(Exception):
    """A problem with the revisions or the repository, in words for the user."""


def git(args: list[str], cwd: Path) -> str:
    """``git <args>`` in ``cwd``: its output as text, stripped."""
    return _run(args, cwd).decode("utf-8", "replace").strip()


def _run(args: list[str], cwd: Path) -> bytes:
    try:
        r = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise RevisionError("perintah git tidak ditemukan; pasang git terlebih dahulu") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} tidak selesai dalam 120 detik") from None
    if r.returncode != 0:
        raise RevisionError(r.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} gagal")
    return r.stdout


def head_commit(folder: Path) -> str | None:
    """The commit the data comes from (``git rev-parse HEAD`` where ``folder`` is), written
    into every download and official document, so it is part of a document's cache key:
    `kinerja build` and `kinerja dokumen` must both take it from here. None without git or
    outside a repository (never an error: provenance is an extra)."""
    try:
        return git(["rev-parse", "HEAD"], folder) or None
    except (RevisionError, OSError):
        return None


def repo_and_prefix(data_dir: Path) -> tuple[Path, str]:
    """The repository's top folder and the data folder's path inside it ("data")."""
    probe = data_dir if data_dir.is_dir() else Path.cwd()
    try:
        top = Path(git(["rev-parse", "--show-toplevel"], probe))
    except RevisionError:
        raise RevisionError(f"'{probe}' tidak berada di dalam repositori git") from None
    try:
        prefix = (Path.cwd() / data_dir).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise RevisionError(f"folder data '{data_dir}' berada di luar repositori git {top}") from None
    return top, prefix


def short_sha(top: Path, rev: str) -> str:
    try:
        return git(["rev-parse", "--short", f"{rev}^{{commit}}"], top)
    except RevisionError:
        raise RevisionError(
            f"revisi '{rev}' tidak ditemukan di repositori (untuk pull request: ambil seluruh riwayat, fetch-depth: 0)"
        ) from None


def merge_base(top: Path, rev: str, head: str = "HEAD") -> str:
    """The commit where ``head`` branched off ``rev`` (what a pull request is compared
    with); ``rev`` itself when they share no history."""
    short_sha(top, rev)  # a clear message for an unknown revision
    try:
        return git(["merge-base", rev, head], top)
    except RevisionError:
        return rev


def has_folder(top: Path, prefix: str, rev: str) -> bool:
    return bool(git(["ls-tree", "-d", rev, "--", prefix], top))


def extract(top: Path, prefix: str, rev: str, into: Path) -> Path | None:
    """The data folder as it is at ``rev``, written under ``into``; None when the revision
    has no data folder."""
    if not has_folder(top, prefix, rev):
        return None
    archive = _run(["archive", "--format=tar", rev, "--", prefix], top)
    try:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            try:
                tar.extractall(into, filter="data")
            except TypeError:  # Python < 3.11.4 has no extraction filters
                tar.extractall(into)  # noqa: S202 (git archive of our own repository)
    except (tarfile.TarError, OSError) as e:  # e.g. a symbolic link pointing out of the data folder
        raise RevisionError(
            f"folder data pada revisi '{rev}' tidak dapat diambil dengan aman ({type(e).__name__}); "
            "periksa tautan simbolik dan nama berkas di folder data"
        ) from None
    return into / prefix


def read_files(root: Path, prefix: str) -> dict[str, bytes]:
    """Every file under ``root`` by its path in the repository ("data/…")."""
    lead = f"{prefix}/" if prefix not in ("", ".") else ""
    return {
        f"{lead}{p.relative_to(root).as_posix()}": p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


class DataCommits:
    """The commit each official document's data comes from, written into its properties:
    the newest commit on HEAD's first-parent line (the published branch, where every commit
    is a state the site was in) that changed any of the document's input files. At that
    commit those files were exactly as they are now, so the statement is true; and a
    document whose inputs did not change keeps its commit, so its cache entry is reused and
    a one-value change re-makes only the documents that read that value (with HEAD's
    commit every document would change with every commit).

    One ``git log`` per build, read lazily. A path git does not know (not committed yet)
    gets HEAD; with no repository every document gets None, as ``head_commit`` gives. The
    build and every `kinerja dokumen --bagian` job compute the same keys from the same
    checkout (the workflow fetches the whole history: fetch-depth 0)."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self._index: dict[str, int] | None = None  # repository path → index in _order (0 newest)
        self._order: list[str] = []
        self._prefix = ""
        self._head: str | None = None
        self._log = b""
        self._memo: dict[Path, int | None] = {}
        self._scopes: dict[tuple[str | None, str | None], str | None] = {}

    def load(self) -> dict[str, int]:
        """Read the log now (once): before forking workers, so that they inherit it."""
        if self._index is not None:
            return self._index
        self._index = {}
        self._head = head_commit(self.data_dir)
        if self._head is None:
            return self._index
        try:
            top, prefix = repo_and_prefix(self.data_dir)
            log = _run(
                [
                    "log",
                    "--first-parent",
                    "--diff-merges=first-parent",
                    "--no-renames",
                    "--name-only",
                    "-z",
                    "--format=%x01%H",
                    "--",
                    prefix or ".",
                ],
                top,
            )
        except RevisionError:
            return self._index
        self._prefix = "" if prefix in ("", ".") else prefix + "/"
        self._log = log
        for chunk in log.split(b"\x01")[1:]:
            sha, _sep, names = chunk.partition(b"\0")
            at = len(self._order)
            self._order.append(sha.decode("ascii"))
            for name in names.strip(b"\n").split(b"\0"):
                path = name.strip(b"\n").decode("utf-8", "replace")
                while path and path not in self._index:  # the file, then each folder above it
                    self._index[path] = at
                    path = path.rpartition("/")[0]
        return self._index

    def digest(self) -> str:
        """What every commit this gives depends on: HEAD and the log read (documents/keys.py)."""
        self.load()
        return hashlib.sha256(f"{self._head}\n{self._prefix}\n".encode() + self._log).hexdigest()

    def _at(self, path: Path) -> int | None:
        """The log index of the newest commit that changed ``path`` (a file, or any file
        under a folder); None when git does not know it."""
        if path not in self._memo:
            index = self.load()
            try:
                rel = path.relative_to(self.data_dir).as_posix()
            except ValueError:
                rel = path.resolve().relative_to(self.data_dir.resolve()).as_posix()
            self._memo[path] = index.get(self._prefix + rel)
        return self._memo[path]

    def of(self, paths: Iterable[Path]) -> str | None:
        """The commit of a document whose content is made from ``paths`` (files and folders
        under the data folder) and data/site.yml."""
        found = [self._at(p) for p in (self.data_dir / SITE_FILE, *paths)]
        if self._head is None:
            return None
        known = [at for at in found if at is not None]
        return self._order[min(known)] if len(known) == len(found) else self._head

    def of_scope(self, region_id: str | None = None, agency_id: str | None = None) -> str | None:
        """The commit of an agency's downloads (the files directly in its region's folder, its
        own folder and data/site.yml), of a region's (its whole folder) or, with neither, of
        the whole dataset's (the newest commit that changed the data folder): a commit that
        changes one agency leaves every other agency's commit, and so its files, as they were."""
        key = (region_id, agency_id)
        if key not in self._scopes:
            if region_id is None:
                self.load()
                self._scopes[key] = self._order[0] if self._order else self._head
            elif agency_id is None:
                self._scopes[key] = self.of([self.data_dir / region_id])
            else:
                region_files, agency_dir = agency_inputs(self.data_dir, region_id, agency_id)
                self._scopes[key] = self.of([*region_files, agency_dir])
        return self._scopes[key]

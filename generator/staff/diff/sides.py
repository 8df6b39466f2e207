"""The two sides of a comparison: a git revision taken out with ``git archive`` into a
temporary folder (or the data folder on disk), run through the same `check` as the site,
with its file bytes and reports indexed, and the lookups the summary makes into it."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import CheckResult, check
from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE

DISK_LABEL = "isi folder data saat ini"


class DiffError(Exception):
    """A problem with the revisions or the repository, told to the user as is."""


@dataclass
class Side:
    label: str
    root: Path  # the data folder on disk (a temporary copy for a git revision)
    prefix: str  # the data folder's path in the repository, e.g. "data"
    result: CheckResult | None  # None: no data folder at this revision
    files: dict[str, bytes] = field(default_factory=dict)
    reports: dict[tuple, tuple] = field(default_factory=dict)
    error_paths: set[str] = field(default_factory=set)

    def canon(self, path: Path | str) -> str:
        """A file's path as the repository names it ("data/…"), whichever copy it was read from."""
        p = Path(path)
        p = (p if p.is_absolute() else Path.cwd() / p).resolve()
        try:
            rel = p.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
        return f"{self.prefix}/{rel}" if self.prefix not in ("", ".") else rel


# --------------------------------------------------------------------------- reading a side


def _git(args: list[str], cwd: Path, *, binary: bool = False):
    try:
        r = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise DiffError("perintah git tidak ditemukan; pasang git terlebih dahulu") from None
    if r.returncode != 0:
        raise DiffError(r.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} gagal")
    return r.stdout if binary else r.stdout.decode("utf-8", "replace").strip()


def repo_and_prefix(data_dir: Path) -> tuple[Path, str]:
    """The repository's top folder and the data folder's path inside it."""
    probe = data_dir if data_dir.is_dir() else Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], probe))
    except DiffError:
        raise DiffError(f"'{probe}' tidak berada di dalam repositori git") from None
    try:
        prefix = (Path.cwd() / data_dir).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise DiffError(f"folder data '{data_dir}' berada di luar repositori git {top}") from None
    return top, prefix


def _finish(side: Side) -> Side:
    result = side.result
    if result is None:
        return side
    for d in result.diagnostics:
        d.path = side.canon(d.path)
    side.error_paths = {d.path for d in result.errors}
    for agency, position, year, lap, res in result.reports:
        side.reports[(agency.region_id, agency.id, position.id, res.tahun, res.triwulan)] = (agency, position, year, lap, res)
    return side


def _read_files(root: Path, prefix: str) -> dict[str, bytes]:
    return {f"{prefix}/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def side_from_git(top: Path, prefix: str, rev: str, tmp: Path, role: str = "base") -> Side:
    try:
        sha = _git(["rev-parse", "--short", f"{rev}^{{commit}}"], top)
    except DiffError:
        raise DiffError(
            f"revisi '{rev}' tidak ditemukan di repositori (untuk pull request: ambil seluruh riwayat, fetch-depth: 0)"
        ) from None
    label = f"`{rev.replace('`', '')}` ({sha})" if rev != sha else f"`{sha}`"
    label = f"data usulan {label}" if role == "head" else label
    out = Path(tempfile.mkdtemp(dir=tmp))
    if not _git(["ls-tree", "-d", rev, "--", prefix], top):
        return Side(label, out / prefix, prefix, None)
    archive = _git(["archive", "--format=tar", rev, "--", prefix], top, binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        try:
            tar.extractall(out, filter="data")
        except TypeError:  # Python < 3.11.4 has no extraction filters
            tar.extractall(out)
    root = out / prefix
    return _finish(Side(label, root, prefix, check(root), _read_files(root, prefix)))


def side_from_disk(data_dir: Path, prefix: str) -> Side:
    if not data_dir.is_dir():
        return Side(DISK_LABEL, data_dir, prefix, None)
    return _finish(Side(DISK_LABEL, data_dir, prefix, check(data_dir), _read_files(data_dir, prefix)))


# --------------------------------------------------------------------------- lookups


def _dataset(side: Side):
    return side.result.dataset if side.result else None


def blocked(side: Side, key: tuple) -> bool:
    """True when the report cannot be computed on this side because one of its files has errors."""
    region, agency, position, tahun, _tw_ = key
    base = f"{side.prefix}/{region}"
    files = {
        f"{base}/{REGION_FILE}",
        f"{base}/{agency}/{AGENCY_FILE}",
        f"{base}/{agency}/{POSITIONS_DIR}/{position}.yml",
        f"{base}/{agency}/{tahun}/{position}.yml",
        f"{base}/{agency}/{tahun}/{position}.yaml",
    }
    return bool(files & side.error_paths)


def names(side: Side, region: str, agency: str, position: str | None = None) -> tuple[str, str, str | None]:
    """The region's, agency's and position's names on this side (their ids when absent)."""
    ds = _dataset(side)
    reg = ds.regions.get(region) if ds else None
    ag = reg.agencies.get(agency) if reg else None
    pos = ag.positions.get(position) if ag and position else None
    return (reg.model.nama if reg else region, ag.model.nama if ag else agency, pos.model.jabatan if pos else position)


def years(side: Side) -> dict[tuple, object]:
    """(region, agency, position, tahun) → the position's year."""
    ds = _dataset(side)
    if ds is None:
        return {}
    return {(r.id, a.id, p.id, y.tahun): y for r, a, p, y in ds.years()}


def positions(side: Side) -> dict[tuple, object]:
    """(region, agency, position) → the position."""
    ds = _dataset(side)
    if ds is None:
        return {}
    return {(a.region_id, a.id, pid): p for a in ds.agencies() for pid, p in a.positions.items()}


def changed_files(base: Side, head: Side) -> list[tuple[str, str]]:
    out = []
    for path in sorted(set(base.files) | set(head.files)):
        a, b = base.files.get(path), head.files.get(path)
        if a != b:
            out.append((path, "baru" if a is None else "dihapus" if b is None else "diubah"))
    return out

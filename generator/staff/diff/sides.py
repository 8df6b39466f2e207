"""The two sides of a comparison: a git revision taken out with ``git archive`` into a
temporary folder (or the data folder on disk), run through the same `check` as the site,
with its file bytes and reports indexed, and the lookups the summary makes into it."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import CheckResult, check
from generator.check.revision import RevisionError, extract, read_files, short_sha
from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE
from generator.core.redact import public
from generator.staff.diff.markdown import code, visible

DISK_LABEL = "isi folder data saat ini"


# A problem with the revisions or the repository, told to the user as is.
DiffError = RevisionError


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


def _finish(side: Side) -> Side:
    result = side.result
    if result is None:
        return side
    # Paths as the repository names them, also inside messages ("also used at <path>:12"),
    # never the temporary folder; NIP-like numbers masked: the comment is public (core/redact).
    root = side.root if side.root.is_absolute() else Path.cwd() / side.root
    roots = {str(root): side.prefix, str(root.resolve()): side.prefix}
    for d in result.diagnostics:
        d.path = side.canon(d.path)
    side.error_paths = {d.path for d in result.errors}  # before masking: the names as on disk
    result.diagnostics[:] = [public(d, roots) for d in result.diagnostics]
    for agency, position, year, lap, res in result.reports:
        side.reports[(agency.region_id, agency.id, position.id, res.tahun, res.triwulan)] = (agency, position, year, lap, res)
    return side


def side_from_git(top: Path, prefix: str, rev: str, tmp: Path, role: str = "base") -> Side:
    sha = short_sha(top, rev)
    label = f"{code(rev)} ({sha})" if rev != sha else code(sha)
    label = f"data usulan {label}" if role == "head" else label
    out = Path(tempfile.mkdtemp(dir=tmp))
    root = extract(top, prefix, rev, out)
    if root is None:
        return Side(label, out / prefix, prefix, None)
    return _finish(Side(label, root, prefix, check(root), read_files(root, prefix)))


def side_from_disk(data_dir: Path, prefix: str) -> Side:
    if not data_dir.is_dir():
        return Side(DISK_LABEL, data_dir, prefix, None)
    return _finish(Side(DISK_LABEL, data_dir, prefix, check(data_dir), read_files(data_dir, prefix)))


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


def has_errors(side: Side, path: str) -> bool:
    """True when the file at ``path`` (as the repository names it) has errors on this side;
    a finding names an unprintable file name with escapes (validate/ids.py), as ``visible`` does."""
    return path in side.error_paths or visible(path) in side.error_paths


def year_file_present(side: Side, key: tuple) -> bool:
    """True when the position's year file exists on this side, readable or not."""
    region, agency, position, tahun = key
    base = f"{side.prefix}/{region}/{agency}/{tahun}/{position}"
    return f"{base}.yml" in side.files or f"{base}.yaml" in side.files


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

"""Which periods are declared published, and at which commit (frozen period archives).

A *period* is one quarter of one year, ``<tahun>-tw<n>`` (``2025-tw4``), the same slug as
the API report documents (addresses.period_slug). Why a quarter: the unit of the data is
the quarterly report (``laporan`` with ``triwulan`` 1-4 in a position's year file), and
each quarter is published on its own (TW I to TW IV, the TW IV report being the annual
one); a year has no report of its own to freeze, so "the 2025 annual report" is
``2025-tw4``. A period covers the whole site: every region and agency that has a report
of that quarter at that commit.

Two ways to declare one, both read here:

- a git tag ``terbit/<tahun>-tw<n>`` (``git tag terbit/2025-tw4 <commit>``, annotated or
  not) on the commit whose data was published;
- a line in ``data/terbit.yml`` (layout.TERBIT_FILE), one period per line::

      2025-tw4: 3f2a9c1d  # commit (7 to 40 hexadecimal characters)

  for repositories where tags do not travel (some mirrors and CI checkouts).

A period declared both ways must name the same commit. Malformed lines are Diagnostics
(file and line, in Indonesian). What git cannot answer (no git, not a repository, a
shallow clone without the commit) is a notice: no archive, never a failed build.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.core import fmt
from generator.core.diagnostics import Diagnostic, msg
from generator.core.layout import TERBIT_FILE
from generator.load import load_yaml

TAG_PREFIX = "terbit/"
PERIOD = re.compile(r"^(20[0-9]{2})-tw([1-4])$")
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")


@dataclass(frozen=True)
class Period:
    tahun: int
    triwulan: int

    @property
    def slug(self) -> str:
        return f"{self.tahun}-tw{self.triwulan}"

    @property
    def label(self) -> str:
        return fmt.periode(self.tahun, self.triwulan)

    @classmethod
    def parse(cls, text: str) -> Period | None:
        m = PERIOD.match(text)
        return cls(int(m.group(1)), int(m.group(2))) if m else None


@dataclass(frozen=True)
class Declared:
    """One published period: where it was declared, the full commit id and its date."""

    period: Period
    commit: str
    tanggal: str  # the commit's date, ISO 8601 (git's committer date)
    sumber: str  # "tag terbit/2025-tw4" or "data/terbit.yml baris 3"


def git(cwd: Path, *args: str) -> str | None:
    """The output of one git command, or None when git is missing or the command fails."""
    try:
        out = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def repository(data_dir: Path) -> tuple[Path | None, str | None]:
    """(the repository's top folder, None), or (None, a one-line notice why there is none)."""
    if not data_dir.is_dir():
        return None, None
    if git(data_dir, "--version") is None:
        return None, "git tidak terpasang: arsip periode terbit tidak dibuat."
    top = git(data_dir, "rev-parse", "--show-toplevel")
    if not top:
        return None, "folder data bukan bagian dari repositori git: arsip periode terbit tidak dibuat."
    return Path(top), None


def _commit_of(top: Path, ref: str) -> tuple[str, str] | None:
    """(full commit id, ISO date) of ``ref`` when this clone holds that commit."""
    out = git(top, "show", "-s", "--format=%H %cI", f"{ref}^{{commit}}", "--")
    if not out:
        return None
    commit, _, date = out.partition(" ")
    return commit, date


def read_terbit(data_dir: Path) -> tuple[list[tuple[Period, str, int, str]], list[Diagnostic]]:
    """The lines of data/terbit.yml: (period, commit text, line, file shown) and the
    problems found. No file: nothing."""
    path = data_dir / TERBIT_FILE
    if not path.is_file():
        return [], []
    doc, problems = load_yaml(path, data_dir)
    if doc.data is None:
        return [], problems
    if not isinstance(doc.data, dict):
        problems.append(
            Diagnostic(
                doc.rel,
                1,
                1,
                "TYPE",
                msg(f"{TERBIT_FILE} harus berisi daftar `periode: commit`", f"{TERBIT_FILE} must map periods to commits"),
                msg("tulis satu periode per baris, mis. `2025-tw4: 3f2a9c1d`", "one period per line, e.g. `2025-tw4: 3f2a9c1d`"),
            )
        )
        return [], problems
    found = []
    for key, value in doc.data.items():
        line, col = doc.where((key,), key=True)
        period = Period.parse(str(key))
        commit = str(value).strip().lower() if isinstance(value, str) else ""
        if period is None:
            problems.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "TYPE",
                    msg(
                        f"periode '{key}' tidak dikenal: tulis tahun dan triwulan, mis. 2025-tw4",
                        f"unknown period '{key}': write the year and quarter, e.g. 2025-tw4",
                    ),
                    msg("periode ditulis <tahun>-tw<1 sampai 4>, mis. `2025-tw4: 3f2a9c1d`", "write <year>-tw<1-4>"),
                )
            )
        elif not COMMIT.match(commit):
            vline, vcol = doc.where((key,))
            problems.append(
                Diagnostic(
                    doc.rel,
                    vline,
                    vcol,
                    "TYPE",
                    msg(
                        f"periode {period.slug}: '{value}' bukan id commit (7 sampai 40 huruf heksadesimal 0-9 a-f)",
                        f"period {period.slug}: '{value}' is not a commit id (7 to 40 hexadecimal characters)",
                    ),
                    msg(
                        "salin id commit yang datanya terbit dari `git log --oneline`, mis. `2025-tw4: 3f2a9c1d`",
                        "copy the published commit's id from `git log --oneline`",
                    ),
                )
            )
        else:
            found.append((period, commit, line, doc.rel))
    return found, problems


def declared(data_dir: Path) -> tuple[list[Declared], list[Diagnostic], list[str]]:
    """Every period declared published, sorted by period: (declarations, problems in
    data/terbit.yml, one-line notices about what git could not give)."""
    lines, problems = read_terbit(data_dir)
    top, why = repository(data_dir)
    if top is None:
        return [], problems, [why] if why and lines else []  # without a repository only the file can declare
    shallow = git(top, "rev-parse", "--is-shallow-repository") == "true"
    notices: list[str] = []
    by_period: dict[Period, Declared] = {}
    refs = git(top, "for-each-ref", "--format=%(refname:strip=2)", f"refs/tags/{TAG_PREFIX}") or ""
    for name in refs.splitlines():
        period = Period.parse(name[len(TAG_PREFIX) :])
        if period is None:
            notices.append(
                f"tag {name} diabaikan: nama tag periode terbit adalah {TAG_PREFIX}<tahun>-tw<1-4>, mis. terbit/2025-tw4."
            )
            continue
        got = _commit_of(top, f"refs/tags/{name}")
        if got is None:
            notices.append(f"tag {name}: commit-nya tidak ada di salinan ini{_shallow(shallow)}; arsip {period.slug} dilewati.")
            continue
        by_period[period] = Declared(period, got[0], got[1], f"tag {name}")
    for period, commit, line, rel in lines:
        got = _commit_of(top, commit)
        if got is None:
            notices.append(
                f"{rel}:{line}: commit {commit} tidak ada di salinan ini{_shallow(shallow)}; arsip {period.slug} dilewati."
            )
            continue
        tagged = by_period.get(period)
        if tagged is not None and tagged.commit != got[0]:
            problems.append(
                Diagnostic(
                    rel,
                    line,
                    1,
                    "DUPLICATE_PERIOD",
                    msg(
                        f"periode {period.slug} sudah ditetapkan oleh {tagged.sumber} pada commit {tagged.commit[:12]}, "
                        f"bukan {commit}",
                        f"period {period.slug} is declared by {tagged.sumber} at commit {tagged.commit[:12]}, not {commit}",
                    ),
                    msg("satu periode terbit satu kali: hapus baris ini atau tag-nya", "a period is published once"),
                )
            )
            continue
        shown = f"{data_dir.resolve().name}/{TERBIT_FILE} baris {line}"  # public: never a local path
        by_period.setdefault(period, Declared(period, got[0], got[1], shown))
    if shallow and not by_period and not notices:
        notices.append("salinan dangkal (shallow clone): tag terbit/* mungkin tidak terambil; arsip periode terbit tidak dibuat.")
    return [by_period[p] for p in sorted(by_period, key=lambda p: (p.tahun, p.triwulan))], problems, notices


def _shallow(shallow: bool) -> str:
    return " (salinan dangkal/shallow clone: ambil seluruh riwayat, mis. `fetch-depth: 0`)" if shallow else ""


def extract_data(top: Path, data_dir: Path, commit: str, into: Path) -> Path | None:
    """The data folder as it was at ``commit``, written under ``into`` (check.revision, as
    for `kinerja check --base`: git archive, safe extraction). None when git cannot."""
    from generator.check.revision import RevisionError, extract

    try:
        prefix = data_dir.resolve().relative_to(top.resolve()).as_posix()
        return extract(top, prefix, commit, into)
    except (ValueError, RevisionError):
        return None

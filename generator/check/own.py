"""A pull request's own findings, told apart from the ones its base already had.

A finding is the proposal's own when it sits on a line the proposal changed (or in a file
it added), or when the base revision does not have it: the same file, code and message,
counted, so a finding that only moved because lines were added above it stays an old
one, and one the change causes elsewhere (a removed indicator leaves its realisation
without a target) is new. The comparison is with the merge base, as GitHub shows a pull
request's "Files changed".

Own findings come first, errors before warnings; the old ones are told as a count with
where to read them all. `kinerja check --base` and `kinerja diff` use the same split.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.check import CheckResult, check
from generator.check.revision import extract, merge_base, read_files, repo_and_prefix, short_sha
from generator.core.diagnostics import Diagnostic

Changed = Mapping[str, frozenset[int] | None]  # repository path → changed lines (None: a new file)


@dataclass
class Split:
    own: list[Diagnostic] = field(default_factory=list)  # errors first, then warnings
    old: list[Diagnostic] = field(default_factory=list)
    base: str = ""  # how the base is named to the reader, e.g. "`main` (1a2b3c4)"

    @property
    def old_errors(self) -> int:
        return sum(1 for d in self.old if d.severity == "error")

    @property
    def old_warnings(self) -> int:
        return len(self.old) - self.old_errors


def ordered(diags: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Errors before warnings, each in file and line order."""
    return sorted(diags, key=lambda d: (d.severity != "error", *d.sort_key()))


def changed_lines(old: bytes | None, new: bytes) -> frozenset[int] | None:
    """The 1-based lines of ``new`` that differ from ``old``; where lines were only
    removed, the lines on either side of the gap. None for a new file."""
    if old is None:
        return None
    a = old.decode("utf-8", "replace").splitlines()
    b = new.decode("utf-8", "replace").splitlines()
    out: set[int] = set()
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("replace", "insert"):
            out.update(range(j1 + 1, j2 + 1))
        elif tag == "delete":
            out.update(n for n in (j1, j1 + 1) if 1 <= n <= max(len(b), 1))
    return frozenset(out)


def changed_map(base_files: Mapping[str, bytes], head_files: Mapping[str, bytes]) -> dict[str, frozenset[int] | None]:
    """Every file of the head that differs from the base, with its changed lines."""
    return {path: changed_lines(base_files.get(path), data) for path, data in head_files.items() if base_files.get(path) != data}


_OTHER_LINE = re.compile(r"(\b(?:baris|line) \d+|\.ya?ml:\d+(?::\d+)?)")


def _key(path: str, d: Diagnostic) -> tuple[str, str, str]:
    """What makes two findings the same across revisions: file, code and message, without
    the line numbers a message may quote of other lines (they move when lines are added)."""
    return (path, d.code, _OTHER_LINE.sub("#", d.message.id))


def split(
    head: Sequence[Diagnostic],
    base: Sequence[Diagnostic] | None,
    changed: Changed,
    head_path: Callable[[Diagnostic], str] = lambda d: d.path,
    base_path: Callable[[Diagnostic], str] = lambda d: d.path,
) -> Split:
    """``head``'s findings split into the proposal's own and the old ones. ``base`` None:
    the base has no data at all, so every finding is the proposal's own. The path
    functions name a finding's file as the repository does, the same on both sides."""
    if base is None:
        return Split(ordered(head), [])
    remaining = Counter(_key(base_path(d), d) for d in base)
    own: list[Diagnostic] = []
    old: list[Diagnostic] = []
    for d in head:
        path = head_path(d)
        if path in changed and (changed[path] is None or d.line in (changed[path] or ())):
            own.append(d)
    picked = {id(d) for d in own}
    for d in head:
        if id(d) in picked:
            continue
        key = _key(head_path(d), d)
        if remaining[key] > 0:
            remaining[key] -= 1
            old.append(d)
        else:
            own.append(d)
    return Split(ordered(own), ordered(old))


def run_link(env: Mapping[str, str] | None = None) -> str | None:
    """The page of the current GitHub Actions run, whose Summary lists every finding."""
    env = os.environ if env is None else env
    server, repo, run = env.get("GITHUB_SERVER_URL", ""), env.get("GITHUB_REPOSITORY", ""), env.get("GITHUB_RUN_ID", "")
    if re.fullmatch(r"https://[\w.-]+(:\d+)?", server) and re.fullmatch(r"[\w.-]+/[\w.-]+", repo) and run.isdigit():
        return f"{server}/{repo}/actions/runs/{run}"
    return None


def against_revision(data_dir: Path, result: CheckResult, rev: str) -> Split:
    """The findings of ``result`` (the data folder on disk) split against the merge base
    of ``rev`` and HEAD. Raises RevisionError when the repository cannot tell."""
    top, prefix = repo_and_prefix(data_dir)
    base_sha = merge_base(top, rev)
    label = f"`{rev.replace('`', '')}` ({short_sha(top, base_sha)})"
    root = data_dir if data_dir.is_absolute() else Path.cwd() / data_dir
    head_files = read_files(root, prefix) if root.is_dir() else {}
    with tempfile.TemporaryDirectory(prefix="kinerja-base-") as tmp:
        base_root = extract(top, prefix, base_sha, Path(tmp))
        if base_root is None:
            return Split(ordered(result.diagnostics), [], label)
        base_files = read_files(base_root, prefix)
        base_result = check(base_root)
        found = split(
            result.diagnostics,
            base_result.diagnostics,
            changed_map(base_files, head_files),
            lambda d: _repo_path(d.path, root, prefix),
            lambda d: _repo_path(d.path, base_root, prefix),
        )
    found.base = label
    return found


def _repo_path(path: str, root: Path, prefix: str) -> str:
    """A finding's file ("data/…" or as shown, relative to the working folder) as the
    repository names it."""
    p = Path(path)
    p = (p if p.is_absolute() else Path.cwd() / p).resolve()
    try:
        rel = p.relative_to(root.resolve()).as_posix()
    except ValueError:
        return path
    return f"{prefix}/{rel}" if prefix not in ("", ".") else rel

"""The repository's history of the data folder, read with the git command in one pass.

``commits`` runs one ``git log`` over the data folder (first parent: the main line as it
was published, a merged pull request as one change) with the files each commit changed;
``Blobs`` reads file contents through one ``git cat-file --batch`` process. No call per
file. Every failure (no git, not a repository, an untracked data folder) is ``None`` or
an empty answer: history is an extra, never a reason for a build to fail.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_PR = (re.compile(r"^Merge pull request #(\d+)\b"), re.compile(r"\(#(\d+)\)\s*$"), re.compile(r"^Merge branch .* into .*!(\d+)"))


@dataclass
class Commit:
    sha: str
    parents: list[str]
    when: str  # committer date, ISO 8601 with the committer's offset
    subject: str
    # data-relative path → new blob id ("" when the commit deleted the file)
    files: dict[str, str] = field(default_factory=dict)

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def pr(self) -> int | None:
        """The pull request the commit came with: a GitHub merge ("Merge pull request #12
        from …"), a squash merge ("Judul (#12)") or a GitLab merge ("… See merge request …!12")."""
        for pattern in _PR:
            m = pattern.search(self.subject)
            if m:
                return int(m.group(1))
        return None


def git(args: list[str], cwd: Path, data: bytes | None = None, timeout: float = 300) -> bytes | None:
    """``git <args>``'s output, or None when git is missing or the command failed."""
    try:
        r = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, timeout=timeout)
    except (OSError, subprocess.SubprocessError):
        return None
    return r.stdout if r.returncode == 0 else None


@dataclass
class Repo:
    top: Path
    prefix: str  # the data folder inside the repository ("data"), "" at the top
    head: str
    shallow: bool


def open_repo(data_dir: Path) -> Repo | None:
    """The repository holding ``data_dir`` with its HEAD, or None (no git, no repository,
    no commit, or the data folder has no tracked file)."""
    if not data_dir.is_dir():
        return None
    top = git(["rev-parse", "--show-toplevel"], data_dir)
    head = git(["rev-parse", "HEAD"], data_dir)
    if not top or not head:
        return None
    top_dir = Path(top.decode("utf-8", "replace").strip())
    try:
        prefix = data_dir.resolve().relative_to(top_dir.resolve()).as_posix()
    except ValueError:
        return None
    prefix = "" if prefix == "." else prefix
    tracked = git(["ls-files", "-z", "--", prefix or "."], top_dir)
    if not tracked:
        return None
    shallow = (git(["rev-parse", "--is-shallow-repository"], top_dir) or b"").strip() == b"true"
    return Repo(top_dir, prefix, head.decode().strip(), shallow)


def is_ancestor(repo: Repo, older: str, newer: str) -> bool:
    return git(["merge-base", "--is-ancestor", older, newer], repo.top) is not None


def commits(repo: Repo, since: str | None = None) -> list[Commit]:
    """The commits of the main line (first parent) that changed the data folder, oldest
    first, each with the files it changed against its first parent; after ``since`` only."""
    spec = [repo.head] if since is None else [f"{since}..{repo.head}"]
    out = _log(repo, spec, "--diff-merges=first-parent")
    if out is None:  # git before 2.31: -m with --first-parent gives the same diff
        out = _log(repo, spec, "-m")
    if out is None:
        raise HistoryUnreadable("git log failed")
    lead = f"{repo.prefix}/" if repo.prefix else ""
    found: list[Commit] = []
    for chunk in out.split(b"\x01")[1:]:
        parts = chunk.split(b"\x00")
        sha, parents, when, subject = (p.decode("utf-8", "replace") for p in parts[:4])
        c = Commit(sha, parents.split(), when, subject)
        rest = [p for p in parts[4:]]
        i = 0
        while i + 1 < len(rest):
            meta = rest[i].decode("utf-8", "replace").strip()
            if not meta.startswith(":"):
                i += 1
                continue
            path = rest[i + 1].decode("utf-8", "replace")
            fields = meta[1:].split()
            new_sha, status = fields[3], fields[4]
            if path.startswith(lead):
                c.files[path[len(lead) :]] = "" if status.startswith("D") or set(new_sha) == {"0"} else new_sha
            i += 2
        found.append(c)
    return found


class HistoryUnreadable(Exception):
    """git could not list the history (the build goes on without one)."""


def _log(repo: Repo, spec: list[str], merges: str) -> bytes | None:
    fmt = "--format=%x01%H%x00%P%x00%cI%x00%s%x00"
    args = [
        "-c",
        "core.quotepath=off",
        "log",
        "--first-parent",
        merges,
        "--reverse",
        "--no-renames",
        "--no-abbrev",
        "--raw",
        "-z",
        fmt,
    ]
    return git([*args, *spec, "--", repo.prefix or "."], repo.top)


class Blobs:
    """File contents by blob id, read through one ``git cat-file --batch``."""

    def __init__(self, repo: Repo):
        self.repo = repo
        self.cache: dict[str, bytes] = {}

    def prefetch(self, shas: set[str]) -> None:
        want = sorted(s for s in shas if s and s not in self.cache)
        if not want:
            return
        out = git(["cat-file", "--batch"], self.repo.top, ("\n".join(want) + "\n").encode())
        if out is None:
            return
        pos = 0
        while pos < len(out):
            end = out.index(b"\n", pos)
            head = out[pos:end].split()
            pos = end + 1
            if len(head) < 3 or head[1] == b"missing":
                continue
            size = int(head[2])
            self.cache[head[0].decode()] = out[pos : pos + size]
            pos += size + 1  # the content is followed by a newline

    def get(self, sha: str) -> bytes | None:
        if sha not in self.cache:
            self.prefetch({sha})
        return self.cache.get(sha)

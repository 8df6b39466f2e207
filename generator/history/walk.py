"""One pass over the data folder's commits, oldest first, keeping each report's computed
figures and writing down every change (see history.figures), incrementally.

The state after the last commit read (which blob each file had, each report's figures,
the entries so far) is kept under the build folder (cache/riwayat/), keyed by the commit
it reached and by the code that computes the figures: the next build reads only the
commits after it. A history that was rewritten (the cached commit is no longer an
ancestor of HEAD) or changed code starts again from the first commit.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from generator.core.layout import AGENCY_FILE, REGION_FILE, SITE_FILE
from generator.history import figures, gitlog
from generator.model import PerangkatDaerah, Situs, Tahunan, Wilayah

STATE_FILE = "riwayat.json"  # the entries and dates: read on every build
WORK_FILE = "keadaan.json"  # each file's blob and each report's figures: read only when there are new commits
_WORK = ("blobs", "snaps")
_EMPTY = {None, "", "n/a", "-", "–"}  # no published value: filling it in is a first publication
_CODE_PACKAGES = ("compute", "model", "load", "validate", "history")


def code_version() -> str:
    """A digest of the code that turns a file into figures: a change reads everything again."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for pkg in _CODE_PACKAGES:
        for p in sorted((root / pkg).rglob("*.py")):
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:16]


def kind_of(path: str) -> tuple[str, tuple[str, ...]]:
    """What a data-relative path is: site, region, agency, year (with its ids) or other."""
    parts = tuple(path.split("/"))
    if parts == (SITE_FILE,):
        return "site", ()
    if len(parts) == 2 and parts[1] == REGION_FILE:
        return "region", parts[:1]
    if len(parts) == 3 and parts[2] == AGENCY_FILE:
        return "agency", parts[:2]
    if len(parts) == 4 and parts[2].isdigit() and parts[3].endswith((".yml", ".yaml")):
        return "year", (parts[0], parts[1], parts[3].rsplit(".", 1)[0], parts[2])
    return "other", parts


def scopes_of(path: str) -> list[str]:
    """The pages whose data a file is part of: the site (""), its region, agency and position."""
    parts = path.split("/")
    out = [""]
    if len(parts) >= 2:
        out.append(parts[0])
    if len(parts) >= 3:
        out.append(f"{parts[0]}/{parts[1]}")
    if len(parts) == 4 and parts[3].endswith((".yml", ".yaml")) and parts[2] != "ppid":
        out.append(f"{parts[0]}/{parts[1]}/{parts[3].rsplit('.', 1)[0]}")
    return out


def new_state(head: str | None = None) -> dict[str, Any]:
    return {
        "versi": code_version(),
        "head": head,
        "blobs": {},
        "snaps": {},
        "entries": [],
        "berkas": {},
        "laporan": {},
        "ubah": {},
    }


def load_state(folder: Path | None, repo: gitlog.Repo) -> dict[str, Any]:
    """The cached state when it still applies to this repository, else a new one."""
    if folder is None:
        return new_state()
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return new_state()
    if not isinstance(state, dict) or state.get("versi") != code_version() or state.get("prefix") != repo.prefix:
        return new_state()
    head = state.get("head")
    if not isinstance(head, str) or not gitlog.is_ancestor(repo, head, repo.head):
        return new_state()
    return state


def _write(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    os.replace(tmp, path)


def save_state(folder: Path | None, state: dict[str, Any]) -> None:
    """Both files, the working part first: the entries' file names the head both reached."""
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write(folder / WORK_FILE, {"head": state["head"], **{k: state[k] for k in _WORK}})
        _write(folder / STATE_FILE, {k: v for k, v in state.items() if k not in _WORK})
    except OSError:
        pass  # a cache: the next build reads the history again


def _load_work(folder: Path | None, state: dict[str, Any]) -> bool:
    """The working part of a cached state (when it reached the same head)."""
    if folder is None:
        return False
    try:
        work = json.loads((folder / WORK_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if (
        not isinstance(work, dict)
        or work.get("head") != state.get("head")
        or not all(isinstance(work.get(k), dict) for k in _WORK)
    ):
        return False
    state.update({k: work[k] for k in _WORK})
    return True


def advance(repo: gitlog.Repo, state: dict[str, Any], known: dict[str, Any] | None = None, folder: Path | None = None) -> int:
    """Read the commits after ``state['head']`` into ``state``; the number read. A cached
    state (from ``folder``) gets its working part only now, when there is something new."""
    if state.get("head") == repo.head:
        return 0
    if state.get("head") and "snaps" not in state and not _load_work(folder, state):
        state.clear()
        state.update(new_state())
    todo = gitlog.commits(repo, state.get("head"))
    state["head"], state["prefix"] = repo.head, repo.prefix
    if not todo:
        return 0
    blobs = gitlog.Blobs(repo)
    blobs.prefetch(
        {sha for c in todo for path, sha in c.files.items() if kind_of(path)[0] != "other"}
        | {sha for path, sha in state["blobs"].items() if kind_of(path)[0] in ("site", "region", "agency")}
    )
    parser = figures.Parser(known)
    try:
        for c in todo:
            _apply(c, state, blobs, parser)
    finally:
        parser.close()
    return len(todo)


def _apply(c: gitlog.Commit, state: dict[str, Any], blobs: gitlog.Blobs, parser: figures.Parser) -> None:
    tree: dict[str, str] = state["blobs"]
    stamp = {
        "tanggal": c.when[:10],
        "waktu": c.when,
        "commit": c.short,
        "commit_penuh": c.sha,
        "pr": c.pr,
        "judul_commit": c.subject,
    }
    for path, sha in c.files.items():
        for scope in scopes_of(path):
            state["ubah"][scope] = [stamp["tanggal"], c.short]
        if sha:
            state["berkas"].setdefault(path, [stamp["tanggal"], c.short])
    touched: set[str] = set()
    policy_changed: list[tuple[str, ...]] = []
    for path, sha in c.files.items():
        kind, ids = kind_of(path)
        if kind == "other":
            continue
        if sha:
            tree[path] = sha
        else:
            tree.pop(path, None)
        if kind == "year":
            touched.add(path)
        else:
            policy_changed.append(ids)
    if policy_changed:
        for path in tree:
            kind, ids = kind_of(path)
            if kind == "year" and any(ids[: len(scope)] == scope for scope in policy_changed):
                touched.add(path)
    for path in sorted(touched):
        _file(path, c, stamp, state, blobs, parser)


def _model(path: str, tree: dict[str, str], blobs: gitlog.Blobs, parser: figures.Parser, kind: type[Any]) -> Any:
    sha = tree.get(path)
    return parser.model(sha, blobs.get(sha), kind, path) if sha else None


def _file(
    path: str, c: gitlog.Commit, stamp: dict[str, Any], state: dict[str, Any], blobs: gitlog.Blobs, parser: figures.Parser
) -> None:
    tree = state["blobs"]
    region, agency, position, tahun = kind_of(path)[1]
    prefix = f"{region}/{agency}/{position}/{tahun}-tw"
    reports: dict[int, figures.Snap] = {}
    if path in tree:
        year = _model(path, tree, blobs, parser, Tahunan)
        if year is None:
            return  # unreadable at this commit (errors, or a shape the current schema does not know): no change recorded
        reports = figures.year_reports(
            year,
            _model(SITE_FILE, tree, blobs, parser, Situs),
            _model(f"{region}/{REGION_FILE}", tree, blobs, parser, Wilayah),
            _model(f"{region}/{agency}/{AGENCY_FILE}", tree, blobs, parser, PerangkatDaerah),
        )
    snaps: dict[str, Any] = state["snaps"]
    ids = {f"{prefix}{tw}" for tw in range(1, 5) if f"{prefix}{tw}" in snaps} | {f"{prefix}{tw}" for tw in reports}
    for rid in sorted(ids, key=lambda r: int(r.rsplit("-tw", 1)[1])):
        old = snaps.get(rid, {}).get("snap")
        new = reports.get(int(rid.rsplit("-tw", 1)[1]))
        for e in figures.diff(old, new):
            e.update(stamp)
            e.update(laporan=rid, berkas=path, wilayah=region, perangkat_daerah=agency, jabatan=position)
            e.update(tahun=int(tahun), triwulan=int(rid.rsplit("-tw", 1)[1]))
            e["setelah_terbit"] = _after_publication(e)
            state["entries"].append(e)
            if e["jenis"] == "terbit":
                state["laporan"].setdefault(rid, [stamp["tanggal"], c.short])
        if new is None:
            snaps.pop(rid, None)
        else:
            snaps[rid] = {"berkas": path, "snap": new}


def _after_publication(e: dict[str, Any]) -> bool:
    """A published figure changed: it had a value before (filling an empty one is its first publication)."""
    if e["jenis"] in figures.ROW_FIELDS:
        return e["lama"] not in _EMPTY
    if e["jenis"] == "kebijakan":
        return e["rata_rata_lama"] is not None or any(e.get(k) for k in ("capaian_lama",))
    return False

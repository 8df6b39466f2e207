"""Nothing stale or damaged is ever published (issue 14, "Outputs verified, not trusted").

Real builds in real processes (`python -m generator build`) on the minimal dataset plus a
second agency (so that one agency is reused while the other is made again):

- builds killed with SIGKILL and SIGINT (the main process alone, or its whole process
  group as a terminal's Ctrl+C does) at moments spread over every stage, the data changed
  and changed back between them; each time the next complete build publishes exactly the
  files of a clean build of the same data in a fresh build folder, byte for byte;
- cached charts, workbooks and data files, memos, docs pages, the record of the previous
  site and a published page damaged on disk: the next build publishes exactly the clean
  build, and every SVG and XLSX in it (and in the zip) is readable;
- the published folders and files have the permissions the umask gives (0755/0644);
- leftovers of killed builds are removed, but not a folder a running build holds;
- a second build on the same build folder stops with a plain message, a full disk says so,
  and `kinerja serve`'s watcher survives every error.

Every build runs with SOURCE_DATE_EPOCH set, the only clock MkDocs reads (the sitemap), so
nothing needs normalising. KINERJA_KILLS (default 8) sets the number of kills;
KINERJA_KILL_REPORT names a JSON file for the figures.
"""

from __future__ import annotations

import errno
import fcntl
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from site_fixtures import FIXTURES, ROOT

AGENCY = "kota-contoh/dinas-contoh"
OTHER = "kota-contoh/dinas-lain"
YEAR_FILE = f"{AGENCY}/2025/kepala-dinas.yml"
VALUES = {"A": "ikm: 95,14", "B": "ikm: 96,14"}
STAGES = {
    "Memeriksa data": "check",
    "Menyusun halaman dan grafik": "render",
    "Membangun situs (MkDocs)": "mkdocs",
    "Membuat indeks pencarian (Pagefind)": "pagefind",
    "Menerbitkan situs": "publish",
}
DONE = "Situs selesai"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600", "PYTHONUNBUFFERED": "1"}
ENV.pop("KINERJA_DEBUG", None)
KILLS = int(os.environ.get("KINERJA_KILLS", "8"))
# (signal, to the whole process group?)
HOW = [(signal.SIGKILL, False), (signal.SIGINT, True), (signal.SIGKILL, True), (signal.SIGINT, False)]


# --------------------------------------------------------------------------- data and builds


def _data(tmp: Path) -> Path:
    data = tmp / "data"
    shutil.copytree(FIXTURES / "minimal", data)
    other = data / OTHER
    shutil.copytree(data / AGENCY, other)
    pd = yaml.safe_load((other / "perangkat-daerah.yml").read_text(encoding="utf-8"))
    pd["nama"], pd["singkatan"] = "Dinas Lain", "Dislain"
    (other / "perangkat-daerah.yml").write_text(yaml.safe_dump(pd, allow_unicode=True), encoding="utf-8")
    for f in [*(other / "jabatan").glob("*.yml"), other / "2025" / "kepala-dinas.yml"]:  # other people
        f.write_text(f.read_text(encoding="utf-8").replace('nip: "19', 'nip: "18'), encoding="utf-8")
    assert VALUES["A"] in (data / YEAR_FILE).read_text(encoding="utf-8")
    return data


def _set(data: Path, state: str) -> None:
    path = data / YEAR_FILE
    text = path.read_text(encoding="utf-8")
    new = text.replace(VALUES["A"], VALUES[state]).replace(VALUES["B"], VALUES[state])
    if new != text:
        path.write_text(new, encoding="utf-8")


class Build:
    """One `python -m generator build` in a session of its own; its stage lines timed."""

    def __init__(self, data: Path, work: Path):
        cmd = [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(work / "site"),
               "--build-dir", str(work / "build"), "--config", str(ROOT / "mkdocs.yml")]  # fmt: skip
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, start_new_session=True, umask=0o022)  # fmt: skip
        self.lines: list[tuple[float, str]] = []
        self.err: list[str] = []
        for stream, into in ((self.proc.stdout, None), (self.proc.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, into), daemon=True).start()

    def _read(self, stream, into) -> None:
        for line in stream:
            if into is None:
                self.lines.append((time.monotonic(), line.strip()))
            else:
                into.append(line)

    def wait_for(self, stage: str, timeout: float = 120) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text.startswith(stage) for _t, text in self.lines):
                return True
            if self.proc.poll() is not None:
                time.sleep(0.05)  # the last lines
                return any(text.startswith(stage) for _t, text in self.lines)
            time.sleep(0.005)
        return False

    def stage_at(self, moment: float) -> str:
        seen = "none"
        for t, text in list(self.lines):
            if t > moment:
                break
            for name, short in STAGES.items():
                if text.startswith(name):
                    seen = short
            if text.startswith(DONE):
                seen = "done"
        return seen

    def finish(self, timeout: float = 180) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            time.sleep(0.05)

    def reap(self) -> None:
        """Whatever of its process group is left (an orphan of a SIGKILLed main process)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _complete(data: Path, work: Path) -> Build:
    b = Build(data, work)
    rc = b.finish()
    assert rc == 0, "".join(b.err)[-3000:]
    assert not any("Traceback" in line for line in b.err), "".join(b.err)
    return b


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(site: Path, ref: dict[str, bytes]) -> list[str]:
    got = _tree(site)
    return sorted(set(got) ^ set(ref)) + sorted(k for k in set(got) & set(ref) if got[k] != ref[k])


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith((f".{out.name}.tmp-", f".{out.name}.old-")))


def _durations(work: Path) -> dict[str, float]:
    seconds = json.loads((work / "build" / "cache" / "waktu.json").read_text(encoding="utf-8"))
    return {short: max(0.05, float(seconds.get(name, 0.3))) for name, short in STAGES.items()}


@pytest.fixture(scope="module")
def refs(tmp_path_factory) -> dict:
    """Clean builds of both data states, each in a fresh build folder."""
    base = tmp_path_factory.mktemp("integrity")
    data = _data(base)
    out: dict = {"data": data, "base": base}
    for state in ("B", "A"):
        _set(data, state)
        _complete(data, base / f"ref{state}")
        out[state] = _tree(base / f"ref{state}" / "site")
    return out


def _warm_copy(refs: dict, name: str) -> tuple[Path, Path]:
    """A work folder that holds a complete build of state A (copied, not built again)."""
    work = refs["base"] / name
    shutil.copytree(refs["base"] / "refA", work, symlinks=True)
    data = refs["base"] / f"data-{name}"
    shutil.copytree(refs["data"], data)
    _set(data, "A")
    return work, data


# --------------------------------------------------------------------------- killed builds


def test_killed_builds_never_lead_to_stale_or_damaged_files(refs):
    """Kills aimed at every stage in turn, a kill that lands elsewhere is aimed again (at
    most 4 times); after every second kill the data is set back or left changed, a whole
    build runs, and every published file is compared with the clean build."""
    work, data = _warm_copy(refs, "kill")
    out = work / "site"
    rng = random.Random(14)
    durations = _durations(work)
    stages = list(STAGES.values())
    targets = [stages[i % len(stages)] for i in range(KILLS)]
    state, retries, kills = "A", 0, []
    rounds: list[dict] = []
    started: list[Build] = []
    try:
        while targets:
            stage, i = targets.pop(0), len(kills)
            sig, group = HOW[(i + i // len(stages)) % len(HOW)]
            other = "B" if state == "A" else "A"
            _set(data, other if i % 2 == 0 else rng.choice((state, other)))  # a change, then maybe back
            b = Build(data, work)
            started.append(b)
            if b.wait_for(next(n for n, s in STAGES.items() if s == stage)):
                time.sleep(rng.uniform(0.0, 0.9) * durations[stage])
            moment = time.monotonic()
            try:
                os.killpg(b.proc.pid, sig) if group else b.proc.send_signal(sig)
            except ProcessLookupError:
                pass
            b.finish()
            hit = b.stage_at(moment)
            kills.append({"aim": stage, "hit": hit, "signal": signal.Signals(sig).name + ("-grup" if group else "")})
            if hit != stage and retries < 4:
                retries += 1
                targets.insert(0, stage)
            if len(kills) % 2 == 0 or not targets:  # the data as it was, or as changed; a whole build
                state = rng.choice(("A", "B"))
                _set(data, state)
                _complete(data, work)
                durations = _durations(work)
                rounds.append({"kills": len(kills), "state": state, "differences": _differences(out, refs[state]),
                               "leftovers": _leftovers(out)})  # fmt: skip
    finally:
        for b in started:
            b.reap()
    hits: dict[str, dict[str, int]] = {}
    for k in kills:
        hits.setdefault(k["hit"], {}).setdefault(k["signal"], 0)
        hits[k["hit"]][k["signal"]] += 1
    report = {"kills": kills, "hits": hits, "rounds": rounds,
              "total_differences": sum(len(r["differences"]) for r in rounds)}  # fmt: skip
    if os.environ.get("KINERJA_KILL_REPORT"):
        Path(os.environ["KINERJA_KILL_REPORT"]).write_text(json.dumps(report, indent=1), encoding="utf-8")
    assert all(r["differences"] == [] for r in rounds), report
    assert all(r["leftovers"] == [] for r in rounds), report
    missed = [s for s in stages if s not in hits]
    assert not missed, f"no kill in stage(s) {missed}: {hits}"


def test_a_build_killed_after_writing_pages_then_the_edit_undone(refs):
    """The issue's case, aimed exactly: the changed agency's new page is in the docs
    folder when the build's main process is killed (SIGKILL); the edit is undone; the next
    build must publish the data's figures everywhere (pages, charts, CSV, XLSX, JSON,
    API), not the killed run's. (The kill test above covers Ctrl+C in every stage.)"""
    work, data = _warm_copy(refs, "undo")
    page = work / "build" / "docs" / AGENCY / "jabatan" / "kepala-dinas.md"
    _set(data, "B")
    b = Build(data, work)
    try:
        deadline = time.monotonic() + 120
        while b"96,14" not in (page.read_bytes() if page.is_file() else b"") and time.monotonic() < deadline:
            assert b.proc.poll() is None, "the build ended before it could be killed"
            time.sleep(0.002)
        b.proc.send_signal(signal.SIGKILL)
        b.finish()
    finally:
        b.reap()
    assert b"96,14" in page.read_bytes()
    _set(data, "A")
    _complete(data, work)
    assert _differences(work / "site", refs["A"]) == []


# --------------------------------------------------------------------------- damaged files


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    else:  # garble: same length, bytes changed in the middle
        mid = len(data) // 2
        path.write_bytes(data[:mid] + bytes(b ^ 0x5A for b in data[mid : mid + 64]) + data[mid + 64 :])


def _readable(site: Path) -> int:
    """Parse every SVG and open every workbook (also those inside the zips); their number."""
    from openpyxl import load_workbook

    n = 0

    def workbook(data: bytes, name: str) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None, name
        load_workbook(io.BytesIO(data), read_only=True).close()

    for p in sorted(site.rglob("*")):
        if p.suffix == ".svg":
            ElementTree.fromstring(p.read_bytes())
            n += 1
        elif p.suffix == ".xlsx":
            workbook(p.read_bytes(), str(p))
            n += 1
        elif p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                assert z.testzip() is None, p
                for name in z.namelist():
                    if name.endswith(".xlsx"):
                        workbook(z.read(name), f"{p}:{name}")
                        n += 1
    return n


def test_damaged_cache_entries_and_pages_are_made_again(refs):
    work, data = _warm_copy(refs, "damage")
    build, out = work / "build", work / "site"
    cache = build / "cache"
    # 1. every cached chart, workbook and data file; pages, downloads and the zip in
    #    build/docs; the record of the previous site
    damaged = 0
    for folder, how in (("grafik", "truncate"), ("xlsx", "garble"), ("data", "garble")):
        for p in (cache / folder).rglob("*"):
            if p.is_file():
                _damage(p, how)
                damaged += 1
    docs = build / "docs"
    pages = [docs / f"{AGENCY}/jabatan/kepala-dinas.md", docs / f"{OTHER}/index.md", docs / "index.md"]
    downloads = [p for p in (docs / "unduh").rglob("*") if p.suffix in (".csv", ".xlsx", ".zip")]
    for p in pages + downloads:
        _damage(p, "truncate")
    _damage(cache / "situs.json", "garble")
    assert damaged > 20 and len(downloads) > 10
    _complete(data, work)
    assert _differences(out, refs["A"]) == []
    assert _readable(out) > 10
    # 2. the memos (one changed where only its digest sees it, one truncated), and pages,
    #    charts and a workbook of the published site while the record of it is intact
    memos = sorted((cache / "halaman").glob("*.json"))
    assert len(memos) == 3
    head, _, body = memos[0].read_bytes().partition(b"\n")
    memos[0].write_bytes(head + b"\n" + body.replace(b'"facts"', b'"facts" ', 1))
    _damage(memos[1], "truncate")
    _damage(out / AGENCY / "jabatan" / "kepala-dinas" / "index.html", "truncate")
    _damage(next(out.rglob("*.xlsx")), "truncate")
    for p in list(out.rglob("index.html"))[:5] + list(out.rglob("*.svg"))[:5]:
        _damage(p, "garble")
    _complete(data, work)
    assert _differences(out, refs["A"]) == []
    assert _readable(out) > 10


# --------------------------------------------------------------------------- faults


def test_published_folders_and_files_get_the_umask_permissions(refs):
    for state in ("A", "B"):
        site = refs["base"] / f"ref{state}" / "site"
        modes = {(p.is_dir(), p.stat().st_mode & 0o7777) for p in [site, *site.rglob("*")]}
        assert modes == {(True, 0o755), (False, 0o644)}, modes


def test_leftovers_are_removed_unless_a_running_build_holds_them(tmp_path):
    """What the kill test's builds leave is gone after the next build (asserted there);
    here: a folder a running build holds is left alone until it is released."""
    from generator.site.guard import clean_leftovers, new_site_folder

    out, build = tmp_path / "site", tmp_path / "build"
    dead = tmp_path / ".site.tmp-mati1234"  # as a killed build leaves it
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "index.html").write_text("lama", encoding="utf-8")
    old = tmp_path / ".site.old-4242"  # killed between the two renames of the fallback swap
    old.mkdir()
    (old / "index.html").write_text("situs lama", encoding="utf-8")
    busy, fd = new_site_folder(out)  # a running build's
    stray = build / "cache" / "grafik" / "ab" / ".abc.svg.999.tmp"
    stray.parent.mkdir(parents=True)
    stray.write_bytes(b"half")
    keep = tmp_path / ".site-lain.tmp-x"  # another site's: not ours to remove
    keep.mkdir()
    try:
        assert sorted(clean_leftovers(out, build)) == sorted([dead, stray])
        assert busy.is_dir() and keep.is_dir() and (out / "index.html").read_text(encoding="utf-8") == "situs lama"
    finally:
        os.close(fd)
    assert clean_leftovers(out, build) == [busy]
    assert _leftovers(out) == [] and keep.is_dir()


def test_a_second_build_on_the_same_build_folder_stops_with_a_message(refs):
    work, data = _warm_copy(refs, "busy")
    build = work / "build"
    fd = os.open(build / "kinerja.lock", os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a running build holds it
    os.pwrite(fd, b"4242\n", 0)
    try:
        b = Build(data, work)
        rc = b.finish(timeout=60)
    finally:
        os.close(fd)
    err = "".join(b.err)
    assert rc == 1, err
    assert "sedang dipakai" in err and "4242" in err and "--build-dir" in err, err
    assert "Traceback" not in err and "INTERNAL" not in err, err
    assert _differences(work / "site", refs["A"]) == []  # the site as it was


def test_a_full_disk_is_reported_as_such(tmp_path, monkeypatch, capsys):
    """ENOSPC anywhere in the build (here: raised where the build starts its stages, as a
    write would) is a plain message, not an INTERNAL error; Pagefind's wording too."""
    from generator import cli
    from generator.site import build
    from generator.site.guard import disk_full_is_reported
    from generator.site.process import BuildError
    from generator.site.search import SearchIndexError

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "site" / "x.html"))

    monkeypatch.setattr(build, "_build", full)
    (tmp_path / "data").mkdir()
    rc = cli.main(["build", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "site"),
                   "--build-dir", str(tmp_path / "build"), "-q"])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1 and "Disk penuh" in err and "x.html" in err and "INTERNAL" not in err, err
    with pytest.raises(BuildError, match="Disk penuh"), disk_full_is_reported(tmp_path):
        raise SearchIndexError("Pagefind gagal (kode 1): Error: No space left on device (os error 28)")
    with pytest.raises(ValueError), disk_full_is_reported(tmp_path):
        raise ValueError("bukan soal disk")


def test_the_serve_watcher_survives_every_error(capsys):
    from generator.site.commands import watch

    stop = threading.Event()
    calls = {"snapshot": 0, "render": 0}

    def snapshot() -> int:
        calls["snapshot"] += 1
        if calls["snapshot"] == 3:
            raise FileNotFoundError("berkas hilang saat dibaca")
        return calls["snapshot"]  # a change every time

    def render() -> None:
        calls["render"] += 1
        if calls["render"] == 1:
            raise RuntimeError("galat dalam templat")
        if calls["render"] == 2:
            raise KeyError("kunci")
        if calls["render"] >= 4:
            stop.set()

    thread = threading.Thread(target=watch, args=(snapshot, render, stop, 0.01), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and calls["render"] >= 4
    err = capsys.readouterr().err
    assert "galat dalam templat" in err and "FileNotFoundError" in err and "KeyError" in err
    assert "versi terakhir yang berhasil" in err


def test_serve_keeps_the_last_good_pages(tmp_path, monkeypatch, capsys):
    """A rendering that fails (data errors, or an exception half-way, after the changed
    agency's files were rendered) leaves the served docs folder exactly as the last good
    rendering made it; the next good one is served."""
    from generator.site import commands, compose

    data = _data(tmp_path)
    build = tmp_path / "build"
    args = (data, ROOT / "mkdocs.yml", build, tmp_path / "site", "id")
    assert commands.preview_render(*args)
    good = _tree(build / "docs")
    page = f"{AGENCY}/jabatan/kepala-dinas.md"
    assert b"95,14" in good[page] and (build / "mkdocs.yml").is_file()
    year = data / YEAR_FILE
    text = year.read_text(encoding="utf-8")
    year.write_text("tahun: [tidak valid\n", encoding="utf-8")
    assert not commands.preview_render(*args)  # a data error
    assert _tree(build / "docs") == good
    year.write_text(text, encoding="utf-8")
    _set(data, "B")

    def broken(self, *a, **k):
        raise RuntimeError("templat rusak")

    with monkeypatch.context() as m:
        m.setattr(compose._Composer, "shared_pages", broken)  # after the agencies' files
        assert not commands.preview_render(*args)
    assert b"96,14" in (build / "pratinjau" / "docs" / page).read_bytes()  # rendered, not served
    assert _tree(build / "docs") == good
    err = capsys.readouterr().err
    assert "templat rusak" in err and "versi terakhir yang berhasil" in err
    assert commands.preview_render(*args)
    assert b"96,14" in (build / "docs" / page).read_bytes()

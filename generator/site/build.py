"""Build stage: check → compute → render → MkDocs, as `kinerja build` and `kinerja serve`.

The rendered docs folder (build/docs/) is plain Markdown, SVG and JSON on disk, and
build/mkdocs.yml inherits the repository's mkdocs.yml and adds what depends on the data
(navigation, site name, as-of date), so the same folder also builds with plain
``mkdocs build -f build/mkdocs.yml``. This module knows nothing of YAML data files: it
gets a CheckResult and a Rendered site.

A failed build never leaves a half-written site: MkDocs writes into a temporary folder
next to the output folder, which replaces the old one only when the build succeeded.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.site.search import index_site

REPO_ROOT = Path(__file__).resolve().parents[2]


class BuildError(Exception):
    """A build that must stop; ``lines`` are printed for the user (no traceback)."""

    def __init__(self, message: str, lines: list[str] | None = None):
        super().__init__(message)
        self.lines = lines or []

    def __reduce__(self):  # raised in a stage's child process, rebuilt here with its lines
        return type(self), (str(self), self.lines)


@dataclass
class BuildStats:
    pages: int = 0
    files: int = 0
    warnings: int = 0
    seconds: float = 0.0
    site_bytes: int = 0
    mkdocs_warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- paths

def default_config() -> Path:
    """mkdocs.yml of the current folder, else the one shipped with the repository."""
    local = Path("mkdocs.yml")
    return local if local.exists() else REPO_ROOT / "mkdocs.yml"


def _parent_config(config: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load

    with open(config, "rb") as fd:
        return yaml_load(fd)


# --------------------------------------------------------------------------- stages

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


def write_config(config: Path, build_dir: Path, out: Path, rendered) -> Path:
    """build/mkdocs.yml: INHERIT the repository config, add the data-dependent parts.
    Paths are relative to build/ (MkDocs resolves them against this file)."""
    parent = _parent_config(config)
    theme = parent.get("theme") or {}
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    child: dict = {
        "INHERIT": os.path.relpath(config.resolve(), build_dir.resolve()),
        "site_name": rendered.site_name,
        "docs_dir": "docs",
        "site_dir": os.path.relpath(out.resolve(), build_dir.resolve()),
        "nav": rendered.nav,
        "extra": rendered.extra,  # deep-merged with the parent's extra by INHERIT
    }
    if custom:
        child["theme"] = {"custom_dir": os.path.relpath((config.parent / custom).resolve(), build_dir.resolve())}
    path = build_dir / "mkdocs.yml"
    text = "# Generated by `kinerja build`: do not edit; edit the repository's mkdocs.yml.\n"
    text += yaml.safe_dump(child, allow_unicode=True, sort_keys=False)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


@contextmanager
def _mkdocs_log(collected: list[str]):
    """Collect MkDocs warnings instead of letting them scroll past the progress bar."""

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            collected.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    handler = Collect(level=logging.WARNING)
    old_level, old_propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        logger.propagate = old_propagate


def run_mkdocs(config_file: Path, site_dir: Path, collected: list[str], dirty: bool = False) -> None:
    """``dirty``: ``site_dir`` already holds the previous site minus what changed; MkDocs
    renders only the pages whose Markdown is newer than their HTML (generator/incremental.py).
    In a process of its own (in_child): MkDocs holds every page it builds."""
    collected += in_child(_mkdocs, config_file, site_dir, dirty)


def _mkdocs(config_file: Path, site_dir: Path, dirty: bool, _report) -> list[str]:
    """MkDocs' warnings. The pages are shared among all cores and minified as they are
    written (generator/sitebuild.py)."""
    from mkdocs.config import load_config

    from generator.site import sitebuild

    collected: list[str] = []
    with _mkdocs_log(collected):
        cfg = load_config(str(config_file), site_dir=str(site_dir))
        cfg.plugins.on_startup(command="build", dirty=dirty)
        try:
            collected += sitebuild.build(cfg, dirty=dirty, minify=True)
        finally:
            cfg.plugins.on_shutdown()
    if dirty:  # MkDocs warns that a dirty build may leave a stale nav; ours has none to go stale
        collected[:] = [w for w in collected if "dirty" not in w]
    return collected


def swap_in(new: Path, out: Path) -> None:
    """Replace ``out`` by ``new`` (same parent folder, so the renames are atomic)."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        os.replace(out, old)
    os.replace(new, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def checked(data_dir: Path, lang: str = "id", load=None):
    """The checked data, or BuildError listing every error. ``load``: a file reader (cache)."""
    from generator.check import check, read_file

    result = check(data_dir, load or read_file)
    if result.errors:
        lines = [d.format(lang) for d in result.errors]
        raise BuildError(f"{len(result.errors)} galat dalam data: situs tidak dibangun. Perbaiki dulu, lalu jalankan lagi "
                         f"(`kinerja check` menampilkan semua temuan).", lines)
    if result.dataset is None:
        raise BuildError("data tidak dapat dibaca")
    return result


def git_commit(folder: Path) -> str | None:
    """The commit the data comes from, for the provenance of every download."""
    import subprocess

    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def render_docs(result, config: Path, build_dir: Path, out: Path, step=None, data_dir: Path | None = None,
                changes: dict | None = None):
    """Render into build/docs, working only where the data changed (generator/incremental.py):
    unchanged agencies are not made again, charts and workbooks come from build/cache.
    Each agency's downloads are made in the same job as its pages, on all cores, and
    written straight to disk (render_site, opendata.OpenData)."""
    from generator.site.cache import AgencyMemo, XlsxCache
    from generator.opendata import OpenData
    from generator.site.compose import render_site

    cache = build_dir / "cache"
    data_root = data_dir or (result.dataset.situs_doc.path.parent if result.dataset.situs_doc else Path("data"))
    site_url = _parent_config(config).get("site_url")
    commit = git_commit(data_dir or Path("."))
    docs = DocsWriter(build_dir / "docs")
    xlsx = XlsxCache(cache / "xlsx")
    od = OpenData(result, commit=commit, site_url=site_url, xlsx_many=xlsx, files=docs)
    memo = AgencyMemo(cache / "halaman", data_root, docs, result, settings=json.dumps([commit, site_url]))
    rendered = render_site(result, config.parent / "content", step, cache_dir=cache / "grafik", open_data=od,
                           memo=memo, docs=docs)
    sync_tree(rendered.files, docs.root, changes, on_disk=docs)
    if changes is not None:
        changes["on_disk"] = list(docs.paths)
    memo.save()
    for _files, facts in memo.produced.values():  # workbooks of skipped agencies stay cached
        xlsx.store.used.update(facts.get("xlsx", ()))
    xlsx.store.prune()
    return rendered, write_config(config, build_dir, out, rendered)


def build_site(data_dir: Path, out: Path, *, build_dir: Path | None = None, config: Path | None = None,
               lang: str = "id", progress=None) -> BuildStats:
    """The whole pipeline into ``out``. ``progress`` is an optional ``Progress`` facade
    (see _RichProgress); raises BuildError on data errors."""
    started = time.perf_counter()
    config = (config or default_config()).resolve()
    out = out.resolve()
    build_dir = (build_dir or Path("build")).resolve()
    build_dir.mkdir(parents=True, exist_ok=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    p = _Timed(progress or _NoProgress(), build_dir / "cache" / "waktu.json")  # seconds per stage
    stats = BuildStats()

    p.stage("Memeriksa data")
    done = in_child(_docs_stage, data_dir, out, build_dir, config, lang, progress=p)
    stats.warnings, stats.pages, stats.files = done["warnings"], done["pages"], done["files"]
    changes, config_file = done["changes"], done["config_file"]

    p.stage("Membangun situs (MkDocs)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    dirty = _dirty_site(config, config_file, build_dir)
    try:
        reuse = dirty.usable(out)
        dirty.forget()  # until this build has replaced the site
        if reuse:  # only pages changed: start from the previous site, hard-linked
            dirty.prepare(out, tmp, changes["written"], changes["removed"])
        run_mkdocs(config_file, tmp, stats.mkdocs_warnings, dirty=reuse)
        p.stage("Membuat indeks pencarian (Pagefind)")
        index_site(tmp)  # on the new site, before it replaces the old one
        swap_in(tmp, out)
        dirty.record(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    p.stage("Selesai")
    stats.site_bytes = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    stats.seconds = time.perf_counter() - started
    return stats


def _docs_stage(data_dir: Path, out: Path, build_dir: Path, config: Path, lang: str, report) -> dict:
    """Check and render (build_site's first child process); stages and pages go to
    ``report``. Returns the figures and file lists the rest of the build needs."""
    from generator.site.cache import cached_loads
    from generator.site.compose import count_pages

    with cached_loads(build_dir / "cache" / "data") as load:  # unchanged files are not parsed again
        result = checked(data_dir, lang, load)
    total = count_pages(result)
    report("stage", "Menyusun halaman dan grafik", total)
    changes: dict[str, list[str]] = {}
    rendered, config_file = render_docs(result, config, build_dir, out, lambda _path: report("advance"), data_dir, changes)
    return {"warnings": len(result.warnings), "pages": total, "files": len(rendered.files) + len(changes["on_disk"]),
            "changes": {k: changes[k] for k in ("written", "removed")}, "config_file": config_file}


class ChildTraceback(Exception):
    """Where a child process' exception came from (its traceback as text)."""


def _child(conn, fn, args) -> None:
    try:
        conn.send(("ok", fn(*args, lambda *message: conn.send(message))))
    except BaseException as e:
        import traceback

        where = traceback.format_exc()
        try:
            conn.send(("error", e, where))
        except Exception:  # does not pickle
            conn.send(("error", RuntimeError(f"{type(e).__name__}: {e}"), where))
    finally:
        conn.close()


def in_child(fn, *args, progress=None):
    """``fn(*args, report)`` run in a new process; returns its result or raises its
    exception here. ``report("stage", name, total)`` and ``report("advance")`` drive
    ``progress``. Why: a stage of a province build holds hundreds of MB (the checked data,
    MkDocs' pages) that a process gives back only when it exits; run here, the next stage
    (and Pagefind) would start on top of them. "spawn": a fresh interpreter inherits no
    lock of this process' threads (the progress bar), and the stage's workers fork from it."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, fn, args))
    proc.start()
    send.close()
    try:
        while True:
            try:
                message = receive.recv()
            except EOFError:
                proc.join()
                raise BuildError(f"Proses {fn.__name__.strip('_')} berhenti tanpa hasil (kode keluar {proc.exitcode}); "
                                 "mungkin memori habis.") from None
            if message[0] == "ok":
                return message[1]
            if message[0] == "error":
                raise message[1] from ChildTraceback(message[2])
            if progress is not None:
                getattr(progress, message[0])(*message[1:])
    finally:
        receive.close()
        proc.join(10)
        if proc.is_alive():  # interrupted here: stop it too
            proc.terminate()
            proc.join()


def _dirty_site(config: Path, config_file: Path, build_dir: Path):
    """What the site is built from besides the docs folder: both mkdocs.yml files, the
    theme and the code that writes the pages. When these are unchanged since the last
    build, MkDocs may rebuild only the pages that changed."""
    from generator.site import minify
    from generator.site import sitebuild
    from generator.site.cache import DirtySite

    parent = _parent_config(config)
    custom = (parent.get("theme") or {}).get("custom_dir") if isinstance(parent.get("theme"), dict) else None
    text = config.read_text(encoding="utf-8") + "\n" + config_file.read_text(encoding="utf-8")
    text += "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (minify, sitebuild))
    return DirtySite(build_dir / "cache", text, [config.parent / custom] if custom else [])


# --------------------------------------------------------------------------- progress display

class _NoProgress:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self) -> None:
        pass


class _Timed:
    """Passes stages on to the progress display and writes the seconds of each stage to
    build/cache/waktu.json (read by benchmarks/run.py: where the time goes)."""

    def __init__(self, inner, path: Path):
        self.inner, self.path = inner, path
        self.started = self.last = time.perf_counter()
        self.current: str | None = None
        self.seconds: dict[str, float] = {}

    def stage(self, name: str, total: int | None = None) -> None:
        now = time.perf_counter()
        if self.current:
            self.seconds[self.current] = round(now - self.last, 2)
        self.current, self.last = name, now
        if name == "Selesai":
            import json

            self.seconds["total"] = round(now - self.started, 2)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(self.seconds, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.inner.stage(name, total)

    def advance(self) -> None:
        self.inner.advance()


class _RichProgress:
    """One bar per stage; the page stage counts pages."""

    def __init__(self, progress):
        self.progress = progress
        self.task = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            t = self.progress.tasks[self.task]
            self.progress.update(self.task, completed=t.total if t.total is not None else 1, total=t.total or 1)
        if name == "Selesai":
            return
        self.task = self.progress.add_task(name, total=total)

    def advance(self) -> None:
        if self.task is not None:
            self.progress.advance(self.task)


@contextmanager
def _progress(quiet: bool):
    if quiet:
        yield _NoProgress()
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=False) as progress:
        yield _RichProgress(progress)


# --------------------------------------------------------------------------- commands

def _fail(e: BuildError) -> int:
    for line in e.lines:
        print(line, file=sys.stderr)
    print(f"\n{e}", file=sys.stderr)
    return 1


def cmd_build(args: argparse.Namespace) -> int:
    data = Path(args.data or "data")
    out = Path(args.out)
    try:
        with _progress(args.quiet) as p:
            stats = build_site(data, out, build_dir=Path(args.build_dir), config=Path(args.config) if args.config else None,
                               lang=args.lang, progress=p)
    except BuildError as e:
        return _fail(e)
    for w in stats.mkdocs_warnings:
        print(f"MkDocs: {w}", file=sys.stderr)
    note = f", {stats.warnings} peringatan data (rinciannya: `kinerja check`)" if stats.warnings else ""
    print(f"Situs selesai: {stats.pages} halaman, {stats.site_bytes / 1e6:.1f} MB, {stats.seconds:.1f} detik → {out}/{note}")
    return 0


def _snapshot(*folders: Path) -> tuple:
    items = []
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    st = path.stat()
                    items.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(sorted(items))


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    data = Path(args.data or "data")
    config = (Path(args.config) if args.config else default_config()).resolve()
    build_dir = Path(args.build_dir).resolve()
    build_dir.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)

    def render_once() -> bool:
        try:
            result = checked(data, args.lang)
            render_docs(result, config, build_dir, out)
            return True
        except BuildError as e:
            _fail(e)
            print("Pratinjau tetap menampilkan versi terakhir yang berhasil.", file=sys.stderr)
            return False

    if not render_once() and not (build_dir / "mkdocs.yml").exists():
        return 1
    content = config.parent / "content"
    stop = threading.Event()

    def watch() -> None:  # re-render when data/ or content/ change; MkDocs reloads the browser
        last = _snapshot(data, content)
        while not stop.wait(1.0):
            now = _snapshot(data, content)
            if now != last:
                last = now
                print("Data berubah: menyusun ulang halaman…", file=sys.stderr)
                render_once()

    threading.Thread(target=watch, daemon=True).start()
    generated = build_dir / "mkdocs.yml"
    parent = _parent_config(config)
    watch_paths = [str(config)]
    custom = (parent.get("theme") or {}).get("custom_dir")
    if custom:
        watch_paths.append(str((config.parent / custom).resolve()))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    print(f"Pratinjau: http://{args.dev_addr}/ — halaman disusun ulang saat data/ atau content/ berubah. Ctrl+C untuk berhenti.",
          file=sys.stderr)
    try:
        serve(config_file=str(generated), dev_addr=args.dev_addr, livereload=True, watch=watch_paths)
    finally:
        stop.set()
    return 0


def add_build_commands(subparsers, common) -> None:
    b = subparsers.add_parser("build", help="bangun situs statis (periksa → hitung → susun halaman → MkDocs)")
    common(b)
    b.add_argument("--out", default="site", help="folder hasil (default: site)")
    b.add_argument("--build-dir", default="build", help="folder kerja untuk halaman Markdown (default: build)")
    b.add_argument("--config", help="berkas mkdocs.yml (default: mkdocs.yml di folder ini atau bawaan repositori)")
    b.add_argument("-q", "--quiet", action="store_true", help="tanpa bilah kemajuan")
    b.set_defaults(func=cmd_build)

    s = subparsers.add_parser("serve", help="pratinjau situs di komputer sendiri; dibangun ulang saat data berubah")
    common(s)
    s.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat server pratinjau (default: 127.0.0.1:8000)")
    s.add_argument("--out", default="site", help=argparse.SUPPRESS)
    s.add_argument("--build-dir", default="build", help="folder kerja untuk halaman Markdown (default: build)")
    s.add_argument("--config", help="berkas mkdocs.yml")
    s.set_defaults(func=cmd_serve)

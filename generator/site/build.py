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

import json
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.docs import DocsWriter, sync_tree
from generator.site.mkdocs_run import (
    default_config,
    dirty_site,
    parent_config,
    run_mkdocs,
    swap_in,
    write_config,
)
from generator.site.process import BuildError, in_child
from generator.site.progress import NoProgress, Timed
from generator.site.search import index_site


@dataclass
class BuildStats:
    pages: int = 0
    files: int = 0
    warnings: int = 0
    seconds: float = 0.0
    site_bytes: int = 0
    mkdocs_warnings: list[str] = field(default_factory=list)


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
    """Render into build/docs, working only where the data changed (generator/site/cache.py):
    unchanged agencies are not made again, charts and workbooks come from build/cache.
    Each agency's downloads are made in the same job as its pages, on all cores, and
    written straight to disk (render_site, opendata.OpenData)."""
    from generator.opendata import OpenData
    from generator.site.cache import AgencyMemo, XlsxCache
    from generator.site.compose import render_site

    cache = build_dir / "cache"
    data_root = data_dir or (result.dataset.situs_doc.path.parent if result.dataset.situs_doc else Path("data"))
    site_url = parent_config(config).get("site_url")
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
    p = Timed(progress or NoProgress(), build_dir / "cache" / "waktu.json")  # seconds per stage
    stats = BuildStats()

    p.stage("Memeriksa data")
    done = in_child(_docs_stage, data_dir, out, build_dir, config, lang, progress=p)
    stats.warnings, stats.pages, stats.files = done["warnings"], done["pages"], done["files"]
    changes, config_file = done["changes"], done["config_file"]

    p.stage("Membangun situs (MkDocs)")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    dirty = dirty_site(config, config_file, build_dir)
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

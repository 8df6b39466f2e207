"""Build stage: check → compute → render → MkDocs, as `kinerja build` and `kinerja serve`.

The rendered docs folder (build/docs/) is plain Markdown, SVG and JSON on disk, and
build/mkdocs.yml inherits the repository's mkdocs.yml and adds what depends on the data
(navigation, site name, as-of date), so the same folder also builds with plain
``mkdocs build -f build/mkdocs.yml``. This module knows nothing of YAML data files: it
gets a CheckResult and a Rendered site.

A failed build never leaves a half-written site: MkDocs writes into a temporary folder
next to the output folder, which replaces the old one only when the build succeeded. A
build killed at any moment (SIGKILL, Ctrl+C) never leads a later build to publish stale or
damaged files: whatever is reused is checked against the sha256 recorded when it was made
(generator/site/integrity.py). One build at a time per build folder; leftovers of killed
builds are removed; a full disk is said so (generator/site/guard.py).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.site.docs import DocsWriter, sync_tree
from generator.site.guard import BuildLock, clean_leftovers, disk_full_is_reported, new_site_folder, swap_in, writing
from generator.site.integrity import tree_digests
from generator.site.mkdocs_run import (
    default_config,
    dirty_site,
    parent_config,
    run_mkdocs,
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
    agencies: tuple[int, int] = (0, 0)  # (agencies whose pages and downloads were made again, agencies)
    mkdocs_warnings: list[str] = field(default_factory=list)


def checked(data_dir: Path, lang: str = "id", load=None):
    """The checked data, or BuildError listing every error. ``load``: a file reader (cache)."""
    from generator.check import check, read_file
    from generator.core.redact import public

    result = check(data_dir, load or read_file)
    if result.errors:
        lines = [public(d).format(lang) for d in result.errors]  # build logs are public in CI: NIPs masked
        raise BuildError(
            f"{len(result.errors)} galat dalam data: situs tidak dibangun. Perbaiki dulu, lalu jalankan lagi "
            f"(`kinerja check` menampilkan semua temuan).",
            lines,
        )
    if result.dataset is None:
        raise BuildError("data tidak dapat dibaca")
    return result


def render_docs(
    result,
    config: Path,
    build_dir: Path,
    out: Path,
    step=None,
    data_dir: Path | None = None,
    changes: dict | None = None,
    arsip=None,
):
    """Render into build/docs, working only where the data changed (generator/site/cache.py):
    unchanged agencies are not made again, charts and workbooks come from build/cache.
    Each agency's downloads are made in the same job as its pages, on all cores, and
    written straight to disk (render_site, opendata.OpenData)."""
    from generator.check.revision import DataCommits
    from generator.opendata import OpenData
    from generator.site.cache import AgencyMemo, XlsxCache
    from generator.site.compose import render_site

    cache = build_dir / "cache"
    data_root = data_dir or (result.dataset.situs_doc.path.parent if result.dataset.situs_doc else Path("data"))
    site_url = result.dataset.situs.site_url or parent_config(config).get("site_url")  # data/site.yml first
    # each agency's downloads cite the newest commit that changed its own files (one git log,
    # read before the agency jobs fork; the official documents take theirs from the same
    # log): a commit to one agency leaves every other agency's pages and downloads as they were
    commits = DataCommits(data_root)
    commits.load()
    with writing(build_dir):  # inherited by the workers: the next build waits until the last is gone
        docs = DocsWriter(build_dir / "docs")
        xlsx = XlsxCache(cache / "xlsx")
        od = OpenData(result, commit=commits.of_scope, site_url=site_url, xlsx_many=xlsx, files=docs)
        archived = [arsip.key()] if arsip else []  # frozen period archives: their links are on the pages
        memo = AgencyMemo(
            cache / "halaman", data_root, docs, result, settings=json.dumps([site_url, *archived]), commit_of=commits.of_scope
        )
        rendered = render_site(
            result,
            config.parent / "content",
            step,
            cache_dir=cache / "grafik",
            open_data=od,
            memo=memo,
            docs=docs,
            arsip=arsip,
            commits=commits,
        )
        sync_tree(rendered.files, docs.root, changes, on_disk=docs)
        memo.save()  # after the files it lists are complete
        if changes is not None:
            changes["perangkat_daerah"] = memo.agencies_made()
        assert xlsx.store is not None
        for _files, facts in memo.produced.values():  # workbooks of skipped agencies stay cached
            xlsx.store.used.update(facts.get("xlsx", ()))
        xlsx.store.prune()
        return rendered, write_config(config, build_dir, out, rendered)


def build_site(
    data_dir: Path, out: Path, *, build_dir: Path | None = None, config: Path | None = None, lang: str = "id", progress=None
) -> BuildStats:
    """The whole pipeline into ``out``. ``progress`` is an optional ``Progress`` facade
    (see _RichProgress); raises BuildError on data errors."""
    started = time.perf_counter()
    config = (config or default_config()).resolve()
    out = out.resolve()
    build_dir = (build_dir or Path("build")).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with disk_full_is_reported(build_dir), BuildLock(build_dir):
        clean_leftovers(out, build_dir)
        stats = _build(data_dir, out, build_dir, config, lang, progress, started)
    stats.site_bytes = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    stats.seconds = time.perf_counter() - started
    return stats


def _build(data_dir: Path, out: Path, build_dir: Path, config: Path, lang: str, progress, started: float) -> BuildStats:
    p = Timed(progress or NoProgress(), build_dir / "cache" / "waktu.json", started)  # seconds per stage
    stats = BuildStats()
    from generator.documents.site import CPU_KEY, cpu_ledger, cpu_seconds  # official documents' CPU seconds

    cpu_ledger(build_dir).unlink(missing_ok=True)

    p.stage("Memeriksa data")
    done = in_child(_docs_stage, data_dir, out, build_dir, config, lang, progress=p)
    stats.warnings, stats.pages, stats.files = done["warnings"], done["pages"], done["files"]
    stats.agencies = done["perangkat_daerah"]
    docs, config_file = done["docs"], done["config_file"]

    p.stage("Membangun situs (MkDocs)")
    tmp, held = new_site_folder(out)  # 0777 minus the umask; locked while this build uses it
    dirty = dirty_site(config, config_file, build_dir)
    try:
        record = dirty.usable(out)
        dirty.forget()  # until this build has replaced the site
        linked = {}
        if record is not None:  # start from the previous site, hard-linked, where it still holds
            linked = dirty.prepare(out, tmp, record, docs)
        run_mkdocs(config_file, tmp, stats.mkdocs_warnings, dirty=record is not None)
        p.stage("Membuat indeks pencarian (Pagefind)")
        index_site(tmp, cache=build_dir / "cache" / "cari", known=linked)  # on the new site, before it replaces it
        p.stage("Menerbitkan situs")  # digests, the flush to disk, the swap, the old site removed
        files = tree_digests(tmp, linked)  # what was linked and not written to is hashed already
        swap_in(tmp, out)  # tmp now holds the old site
        dirty.record(out, docs, files)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        os.close(held)
    if (documents_cpu := cpu_seconds(cpu_ledger(build_dir))) is not None:
        p.seconds[CPU_KEY] = documents_cpu  # summed over the workers, read by benchmarks/run.py
    p.stage("Selesai")
    return stats


def _docs_stage(data_dir: Path, out: Path, build_dir: Path, config: Path, lang: str, report) -> dict:
    """Check and render (build_site's first child process); stages and pages go to
    ``report``. Returns the figures and file lists the rest of the build needs."""
    from generator.site.cache import cached_loads
    from generator.site.compose import count_pages

    with cached_loads(build_dir / "cache" / "data") as load:  # unchanged files are not parsed again
        result = checked(data_dir, lang, load)
    arsip = _archives(data_dir, build_dir, config, lang)
    total = count_pages(result)
    report("stage", "Menyusun halaman dan grafik", total)
    changes: dict = {}
    rendered, config_file = render_docs(result, config, build_dir, out, lambda _path: report("advance"), data_dir, changes, arsip)
    return {
        "warnings": len(result.warnings),
        "pages": total,
        "files": len(changes["hashes"]),
        "perangkat_daerah": changes["perangkat_daerah"],
        "docs": changes["hashes"],
        "config_file": config_file,
    }


def _archives(data_dir: Path, build_dir: Path, config: Path, lang: str):
    """Frozen period archives (generator/history/arsip.py): made once for each period
    declared published, kept under build/cache/arsip and reused byte for byte. Git
    trouble is a notice; only a malformed data/terbit.yml stops the build."""
    from generator.history.arsip import make_archives
    from generator.opendata import open_data_files

    config_url = parent_config(config).get("site_url")
    arsip = make_archives(data_dir, build_dir / "cache" / "arsip", open_data_files, config_url=config_url)
    if arsip.errors:
        lines = [d.format(lang) for d in arsip.errors]
        raise BuildError(
            f"{len(lines)} galat dalam data/terbit.yml: situs tidak dibangun. Perbaiki dulu, lalu jalankan lagi.", lines
        )
    return arsip

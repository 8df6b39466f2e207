"""MkDocs on every core: the same site as `mkdocs build`, its pages shared among processes.

MkDocs renders one page after another on one core; at province scale that is most of the
build (BRIEF section 5: ~5 ms a page for the theme alone, plus Python-Markdown, which parses
every page's HTML twice). Pages are independent once MkDocs has gathered the files and the
navigation, so this module runs `mkdocs.commands.build.build` step by step (MkDocs 1.6,
pinned <2 and no longer changing) and hands the page-by-page part to forked workers: each
reads, converts and writes its share of the pages and copies its share of the static files.
Everything that needs the whole site (the file list, the navigation, theme templates such
as 404.html and the sitemap) is done once, in the parent, exactly as MkDocs does it.

Nothing here is a MkDocs plugin and the docs folder is untouched: plain `mkdocs build`,
ProperDocs or Zensical build the same pages from it (tests/test_sitebuild.py checks that
this build and `mkdocs build` write the same bytes).

Left out: MkDocs' check of `#anchor` links into other pages, which needs every page's
anchors in one process; it only logs at INFO level by default. The tests check every link
of the built site instead.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from pathlib import Path

from mkdocs.commands import build as mk
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from generator.site.minify import minify_file as _minify_file

MIN_PAGES = 200  # fewer pages: forking costs more than it saves

_JOB: tuple | None = None  # (config, files, nav, env, dirty, shards), set before forking


def build(cfg, *, dirty: bool = False, workers: int | None = None, minify: bool = False) -> list[str]:
    """Build the site of the loaded MkDocs config ``cfg``; returns the warnings the workers
    logged (the parent's own warnings reach the caller's log handlers as usual).
    ``minify``: squeeze the blanks out of each page as it is written (generator/minify.py),
    in the worker that wrote it."""
    global _JOB
    inclusion = InclusionLevel.is_included
    cfg = cfg.plugins.on_config(cfg)
    cfg.plugins.on_pre_build(config=cfg)
    if not dirty:
        mk.utils.clean_directory(cfg.site_dir)
    files = mk.get_files(cfg)
    env = cfg.theme.get_env()
    files.add_files_from_theme(env, cfg)
    files = cfg.plugins.on_files(files, config=cfg)
    mk.set_exclusions(files, cfg)
    nav = mk.get_navigation(files, cfg)
    nav = cfg.plugins.on_nav(nav, config=cfg, files=files)

    pages = files.documentation_pages(inclusion=inclusion)
    for file in pages:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, cfg)
    static = [f for f in files if not f.is_documentation_page() and inclusion(f.inclusion)]
    env = cfg.plugins.on_env(env, config=cfg, files=files)

    if workers is None:
        workers = (os.cpu_count() or 1) if len(pages) >= MIN_PAGES else 1
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1
    # Largest pages first, dealt round-robin: the shards take about the same time.
    order = sorted(range(len(pages)), key=lambda i: -os.path.getsize(pages[i].abs_src_path))
    shards = [([order[j] for j in range(w, len(order), workers)], static[w::workers]) for w in range(workers)]
    _JOB = (cfg, files, nav, env, dirty, minify, pages, shards)
    warnings: list[str] = []
    try:
        if workers == 1:
            _shard(0, collect=False)  # in this process: warnings reach the caller's handlers
        else:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                for logged in pool.imap_unordered(_shard, range(workers)):
                    warnings += logged
    finally:
        _JOB = None

    for template in cfg.theme.static_templates:
        mk._build_theme_template(template, env, files, cfg, nav)
    for template in cfg.extra_templates:
        mk._build_extra_template(template, files, cfg, nav)
    cfg.plugins.on_post_build(config=cfg)
    return warnings


def _shard(w: int, collect: bool = True) -> list[str]:
    """Worker ``w``: its static files, then its pages. Returns what it logged as warnings
    (a forked worker's log handlers write into the worker's copy of the caller's list)."""
    assert _JOB is not None
    cfg, files, nav, env, dirty, squeeze, pages, shards = _JOB
    numbers, static = shards[w]
    logged: list[str] = []
    handler = _Collect(logged)
    logger = logging.getLogger("mkdocs")
    if collect:
        logger.addHandler(handler)
    try:
        for file in static:
            file.copy_file(dirty)
        for i in numbers:
            page = pages[i].page
            assert page is not None
            if dirty and not pages[i].is_modified():
                continue  # unchanged since the previous build (MkDocs' own --dirty rule)
            mk._populate_page(page, cfg, files)
            mk._build_page(page, cfg, pages, nav, env, excluded=pages[i].inclusion.is_excluded())
            page.content = page.markdown = None  # this worker needs the page no more
            if squeeze:
                _minify_file(Path(pages[i].abs_dest_path))
    finally:
        logger.removeHandler(handler)
    return logged


class _Collect(logging.Handler):
    def __init__(self, into: list[str]):
        super().__init__(level=logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())

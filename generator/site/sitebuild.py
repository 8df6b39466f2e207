"""MkDocs on every core: the same site as `mkdocs build`, its pages shared among processes.

MkDocs renders one page after another on one core; at province scale that is most of the
build (BRIEF section 5: ~5 ms a page for the theme alone, plus Python-Markdown, which parses
every page's HTML twice). Pages are independent once MkDocs has gathered the files and the
navigation, so this module runs `mkdocs.commands.build.build` step by step and hands the
page-by-page part to forked workers: each reads, converts and writes its share of the pages
and copies its share of the static files. Everything that needs the whole site (the file
list, the navigation, theme templates such as 404.html and the sitemap) is done once, in the
parent, exactly as MkDocs does it.

When (``plan``, the one place that decides): the steps are MkDocs' private functions
(``_populate_page``, ``_build_page``, ...), so they are used only on the MkDocs and Material
versions this was checked with (CHECKED), when each of them is there with the parameters
passed to it (PRIVATE), and when every enabled plugin is known to be safe in workers
(PARALLEL_SAFE_PLUGINS: a plugin's on_page_* events run in the workers, and what it collects
there is lost with them, e.g. the search plugin's index). Otherwise ``build`` runs plain
``mkdocs.commands.build.build`` in this process, minifies the pages it wrote, and logs one
INFO line saying why: the same site as `mkdocs build`, only on one core.

MkDocs' rules kept: the warnings of the parent and of every worker are counted, and with
``strict: true`` the build ends with MkDocs' own Abort ("Aborted with N warnings in strict
mode!") after on_post_build, as in MkDocs; a failed build raises, so the caller never takes
its site for a finished one. Every page's navigation shows what MkDocs' does: the parent
reads the pages of the navigation first (their titles and front matter, e.g. Material's
nav icons and status), as MkDocs reads every page before it renders any.

Nothing here is a MkDocs plugin the site needs (the plain build adds one for its duration,
only to note the pages it writes) and the docs folder is untouched: plain `mkdocs build`,
ProperDocs or Zensical build the same pages from it (tests/test_sitebuild*.py check that
this build and `mkdocs build` write the same bytes).

Left out: MkDocs' check of `#anchor` links into other pages, which needs every page's
anchors in one process; it logs at INFO level by default (set to warn, ``plan`` takes the
plain build). The tests check every link of the built site instead. Nor are the anchors
gathered: MkDocs parses every page's raw HTML a second time only for that check, a quarter
of a bare `mkdocs build` of our pages (``_no_anchor_scan``); the pages are the same bytes.
And the warning that a dirty build may show a stale navigation: its pages are read each time.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import logging
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import mkdocs
from mkdocs.commands import build as mk
from mkdocs.exceptions import Abort, BuildError
from mkdocs.plugins import BasePlugin

from generator.core.lifeline import exit_with_parent
from generator.site.docs import link_or_copy
from generator.site.minify import minify_file as _minify_file

MIN_PAGES = 200  # fewer pages: forking costs more than it saves

# Version prefixes this was checked with (MkDocs 1.6.1, Material 9.8.2; pyproject pins
# mkdocs<2 and mkdocs-material<10). The built-in themes ("mkdocs", "readthedocs") come with
# MkDocs; any other theme takes the plain build.
CHECKED = {"mkdocs": (1, 6), "material": (9,)}
# MkDocs' private functions called here, with the parameter names of the checked version.
PRIVATE = {
    "_populate_page": ("page", "config", "files", "dirty"),
    "_build_page": ("page", "config", "doc_files", "nav", "env", "dirty", "excluded"),
    "_build_theme_template": ("template_name", "env", "files", "config", "nav"),
    "_build_extra_template": ("template_name", "files", "config", "nav"),
}
# The public names used, which MkDocs 2 may move.
PUBLIC = (
    "mkdocs.structure.files:InclusionLevel",
    "mkdocs.structure.files:get_files",
    "mkdocs.structure.files:set_exclusions",
    "mkdocs.structure.nav:get_navigation",
    "mkdocs.structure.pages:Page",
    "mkdocs.utils:clean_directory",
)
# Plugins whose events may run in the workers. Empty: the site uses none, and a plugin may
# keep per-page state the workers lose (the search plugin's index: 0 documents instead of
# 14) or need every page read first. One goes here only once checked to keep no such state
# and shown equal to plain MkDocs' site (tests/test_sitebuild_parity.py).
PARALLEL_SAFE_PLUGINS: frozenset[str] = frozenset()

log = logging.getLogger(__name__)

_JOB: tuple | None = None  # (config, files, nav, env, dirty, minify, pages, in_nav, shards), set before forking


def build(cfg, *, dirty: bool = False, workers: int | None = None, minify: bool = False) -> list[str]:
    """Build the site of the loaded MkDocs config ``cfg``; returns the warnings the workers
    logged (the parent's own warnings reach the caller's log handlers as usual; so do all
    warnings of the plain build). ``minify``: squeeze the blanks out of each page as it is
    written (generator/site/minify.py), in the worker that wrote it. Raises MkDocs' Abort where
    `mkdocs build` does (strict mode, BuildError)."""
    parallel, why = plan(cfg)
    if not parallel:
        log.info("sitebuild: plain `mkdocs build` on one core: %s", why)
        # MkDocs' dirty build rewrites files in place, and those of a dirty build are hard
        # links shared with the published site (cache.DirtySite): a whole build instead.
        _plain(cfg, False, minify)
        return []
    return _parallel(cfg, dirty, workers, minify)


def plan(cfg) -> tuple[bool, str]:
    """(True, "") when the pages may be built by MkDocs' private functions in workers;
    else (False, why). The only place that decides."""
    theme = cfg.theme.name
    versions = {"mkdocs": getattr(mkdocs, "__version__", "")}
    if theme == "material":
        versions["material"] = _material_version()
    elif theme not in ("mkdocs", "readthedocs"):
        return False, f"theme {theme!r} not checked"
    for name, version in versions.items():
        if _release(version)[: len(CHECKED[name])] != CHECKED[name]:
            return False, f"{name} {version or '?'} not checked (checked: {'.'.join(map(str, CHECKED[name]))}.x)"
    missing = _missing()
    if missing:
        return False, f"MkDocs {versions['mkdocs']} lacks {', '.join(missing)}"
    plugins = [name for name in cfg.plugins if name not in PARALLEL_SAFE_PLUGINS]
    if plugins:
        return False, f"plugins not known to be safe in workers: {', '.join(plugins)}"
    anchors = getattr(getattr(getattr(cfg, "validation", None), "links", None), "anchors", logging.INFO)
    if anchors >= logging.WARNING:
        return False, "validation.links.anchors warns: only plain MkDocs checks anchors across pages"
    return True, ""


def _release(version: str) -> tuple[int, ...]:
    found = re.match(r"\d+(\.\d+)*", version or "")
    return tuple(int(n) for n in found.group().split(".")) if found else ()


def _material_version() -> str:
    try:
        return str(getattr(importlib.import_module("material"), "__version__", ""))
    except ImportError:
        return ""


def _missing() -> list[str]:
    """The private functions (with their parameters) and public names not found."""
    missing = []
    for name, params in PRIVATE.items():
        try:
            ok = tuple(inspect.signature(getattr(mk, name)).parameters) == params
        except (AttributeError, TypeError, ValueError):
            ok = False
        if not ok:
            missing.append(f"{name}({', '.join(params)})")
    for dotted in PUBLIC:
        module, name = dotted.split(":")
        try:
            getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            missing.append(dotted)
    return missing


# --------------------------------------------------------------------------- plain MkDocs


class _Written(BasePlugin):
    """Notes each page MkDocs writes (its public on_post_page event), to minify it after."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def on_post_page(self, output, *, page, config):
        self.paths.append(page.file.abs_dest_path)
        return output


def _plain(cfg, dirty: bool, squeeze: bool) -> None:
    """`mkdocs build`, then the pages it wrote minified: the site of plain MkDocs + minify."""
    written, key = _Written(), f"{__name__}:minify"
    if squeeze:
        cfg.plugins[key] = written  # PluginCollection registers an added plugin's events
    try:
        mk.build(cfg, dirty=dirty)
    finally:
        if squeeze:
            cfg.plugins.pop(key, None)
            for handlers in getattr(cfg.plugins, "events", {}).values():
                if written.on_post_page in handlers:
                    handlers.remove(written.on_post_page)
    for path in written.paths:
        _squeeze(path)


def _squeeze(path: str) -> None:
    if os.path.exists(path):  # MkDocs writes no file for a page of empty output
        _minify_file(Path(path))


# --------------------------------------------------------------------------- parallel


def _parallel(cfg, dirty: bool, workers: int | None, squeeze: bool) -> list[str]:
    """mkdocs.commands.build.build with the pages shared among workers: the same events in
    the same order, the same strict rule and the same handling of errors."""
    logger = logging.getLogger("mkdocs")
    counter = _Collect([])  # the parent's warnings, counted as MkDocs' CountHandler does
    if cfg.strict:
        logger.addHandler(counter)
    try:
        cfg = cfg.plugins.on_config(cfg)
        cfg.plugins.on_pre_build(config=cfg)
        with _no_anchor_scan():  # the workers are forked inside: they inherit it
            files, nav, env, pages, static = _gather(cfg, dirty)
            logged = _run(cfg, files, nav, env, dirty, squeeze, pages, static, workers)
        for template in cfg.theme.static_templates:
            if dirty:
                _unlink(os.path.join(cfg.site_dir, template))
                _unlink(os.path.join(cfg.site_dir, template + ".gz"))
            mk._build_theme_template(template, env, files, cfg, nav)
        for template in cfg.extra_templates:
            if dirty:
                _unlink(os.path.join(cfg.site_dir, template))
            mk._build_extra_template(template, files, cfg, nav)
        cfg.plugins.on_post_build(config=cfg)
        if cfg.strict:
            _abort_on_warnings([level for level, _ in counter.into + logged])
        return [message for _, message in logged]
    except Exception as e:
        cfg.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            logging.getLogger("mkdocs.commands.build").error(str(e))
            raise Abort("Aborted with a BuildError!") from e
        raise
    finally:
        logger.removeHandler(counter)


@contextlib.contextmanager
def _no_anchor_scan() -> Iterator[None]:
    """MkDocs' second HTML parse of every page, which only collects the anchors its
    cross-page ``#anchor`` check needs (not run here, see the module's docstring), made a
    no-op while this build renders. Pages keep an empty ``present_anchor_ids``."""
    from mkdocs.structure import pages

    scanner = getattr(pages, "_RawHTMLPreprocessor", None)
    original = getattr(scanner, "run", None)
    if scanner is None or original is None:  # another MkDocs: nothing to skip
        yield
        return
    scanner.run = lambda self, lines: lines  # type: ignore[attr-defined]
    try:
        yield
    finally:
        scanner.run = original  # type: ignore[attr-defined]


def _abort_on_warnings(levels: list[int]) -> None:
    """MkDocs' strict rule and message (mkdocs.commands.build.build, MkDocs 1.6)."""
    counts = Counter(levels)
    if counts:
        msg = ", ".join(f"{n} {logging.getLevelName(level).lower()}s" for level, n in sorted(counts.items(), reverse=True))
        raise Abort(f"Aborted with {msg} in strict mode!")


def _gather(cfg, dirty: bool) -> tuple:
    """MkDocs' build up to on_env: the files, the navigation and the theme's environment."""
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils import clean_directory

    inclusion = InclusionLevel.is_included
    if not dirty:
        clean_directory(cfg.site_dir)
    files = get_files(cfg)
    env = cfg.theme.get_env()
    files.add_files_from_theme(env, cfg)
    files = cfg.plugins.on_files(files, config=cfg)
    set_exclusions(files, cfg)
    nav = get_navigation(files, cfg)
    nav = cfg.plugins.on_nav(nav, config=cfg, files=files)

    pages = files.documentation_pages(inclusion=inclusion)
    for file in pages:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, cfg)
    # What a page shows of the others is their navigation entry: title and front matter.
    # MkDocs has read every page before it renders any; here the navigation's pages are
    # read before forking, so each worker's navigation is the same as MkDocs'. A page
    # without a title in the nav config gets it from its first heading: rendered here.
    for page in nav.pages:
        if inclusion(page.file.inclusion):
            if page.title is None:  # before reading, None unless the nav config names it
                mk._populate_page(page, cfg, files)
            else:
                page.read_source(cfg)
    static = [f for f in files if not f.is_documentation_page() and inclusion(f.inclusion)]
    env = cfg.plugins.on_env(env, config=cfg, files=files)
    return files, nav, env, pages, static


def _run(cfg, files, nav, env, dirty, squeeze, pages, static, workers) -> list[tuple[int, str]]:
    """The pages and static files, in workers; returns the (level, message) they logged."""
    global _JOB
    if workers is None:
        workers = (os.cpu_count() or 1) if len(pages) >= MIN_PAGES else 1
    if "fork" not in multiprocessing.get_all_start_methods():
        workers = 1
    # Largest pages first, dealt round-robin: the shards take about the same time.
    order = sorted(range(len(pages)), key=lambda i: -os.path.getsize(pages[i].abs_src_path))
    shards = [([order[j] for j in range(w, len(order), workers)], static[w::workers]) for w in range(workers)]
    in_nav = {page.file.src_uri for page in nav.pages}
    _JOB = (cfg, files, nav, env, dirty, squeeze, pages, in_nav, shards)
    logged: list[tuple[int, str]] = []
    try:
        if workers == 1:
            _shard(0, collect=False)  # in this process: warnings reach the caller's handlers
        else:
            with multiprocessing.get_context("fork").Pool(workers, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
                for found in pool.imap_unordered(_shard, range(workers)):
                    logged += found
    finally:
        _JOB = None
    return logged


def _shard(w: int, collect: bool = True) -> list[tuple[int, str]]:
    """Worker ``w``: its static files, then its pages. Returns what it logged as warnings or errors."""
    assert _JOB is not None
    cfg, files, nav, env, dirty, squeeze, pages, in_nav, shards = _JOB
    numbers, static = shards[w]
    logged: list[tuple[int, str]] = []
    handler = _Collect(logged)
    logger = logging.getLogger("mkdocs")
    if collect:
        logger.addHandler(handler)
    try:
        for file in static:
            if dirty:
                if not file.is_modified():
                    continue  # unchanged since the previous build (MkDocs' own --dirty rule)
                _unlink(file.abs_dest_path)
            _place(file, cfg.docs_dir)
        for i in numbers:
            page = pages[i].page
            assert page is not None
            if dirty:
                if not pages[i].is_modified():
                    continue  # unchanged since the previous build (MkDocs' own --dirty rule)
                _unlink(pages[i].abs_dest_path)
            if page.content is None:  # not rendered by the parent (_gather)
                mk._populate_page(page, cfg, files)
            mk._build_page(page, cfg, pages, nav, env, excluded=pages[i].inclusion.is_excluded())
            page.content = None  # this worker needs the page no more
            if pages[i].src_uri not in in_nav:  # the others' navigation shows its title
                page.markdown = None
            if squeeze:
                _squeeze(pages[i].abs_dest_path)
    finally:
        logger.removeHandler(handler)
    return logged


def _place(file, docs_dir: str) -> None:
    """A static file of the docs folder goes into the site as a hard link, not a copy (at
    40 x 70: ~1.2 GB in ~66,000 files). Safe as nothing writes a file in place: the docs
    folder and the site's pages are written as new files renamed into place
    (docs.write_if_changed, minify). Theme files, edited ones, another device: copied."""
    src, dest = file.abs_src_path, file.abs_dest_path
    if getattr(file, "_content", None) is None and src and os.path.commonpath([src, docs_dir]) == docs_dir:
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        _unlink(dest)
        link_or_copy(src, dest)  # the copy MkDocs makes of a file no plugin edited
        return
    file.copy_file()


def _unlink(path: str | None) -> None:
    """Before a dirty build writes a file: the old one may be a hard link shared with the
    published site (cache.DirtySite), which MkDocs would otherwise overwrite in place."""
    if path:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


class _Collect(logging.Handler):
    def __init__(self, into: list[tuple[int, str]]):
        super().__init__(level=logging.WARNING)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append((record.levelno, record.getMessage()))

"""Shared helpers for the site tests: one build of the bundled data per test session,
a local HTTP server, headless Chromium, and a tiny HTML tree (stdlib only).

Imported explicitly by test_site_*.py / test_render_*.py / test_browser.py.
"""

from __future__ import annotations

import functools
import http.server
import os
import posixpath
import shutil
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURES = ROOT / "tests" / "fixtures"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@dataclass
class BuiltSite:
    site: Path
    docs: Path
    seconds: float


def build(data: Path, workdir: Path) -> BuiltSite:
    from generator.site.build import build_site

    started = time.perf_counter()
    build_site(data, workdir / "site", build_dir=workdir / "build", config=ROOT / "mkdocs.yml")
    return BuiltSite(workdir / "site", workdir / "build" / "docs", time.perf_counter() - started)


_BUILT: dict[str, BuiltSite] = {}


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory) -> BuiltSite:
    """The bundled data (data/) built once per session. Test modules import this fixture,
    which gives each module its own fixture definition: the module-level cache makes the
    build happen once for all of them."""
    if not (DATA / "site.yml").exists():
        pytest.fail("no bundled data in data/")
    if "bundled" not in _BUILT:
        _BUILT["bundled"] = build(DATA, tmp_path_factory.mktemp("bundled"))
    return _BUILT["bundled"]


def copy_minimal(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES / "minimal", target)
    return target


# --------------------------------------------------------------------------- serving and browsing


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@contextmanager
def serve(root: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet):
    """``root`` over HTTP on a free local port (``handler``: a request handler class, e.g. one
    that adds headers or serves a 404 page); yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


_BROWSER: dict = {}


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. Every module that imports this fixture gets its
    own definition (see bundled_site), and Playwright's sync API cannot be started twice at
    once: they share the instance, which closes when the last one is torn down."""
    if not Path(CHROMIUM).exists():
        # A browser test that cannot run is a failure, never a skip counted as a pass.
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set KINERJA_CHROMIUM)")
    if not _BROWSER:
        import playwright.sync_api as sync_api

        p = sync_api.sync_playwright().start()
        _BROWSER.update(playwright=p, browser=p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS), users=0)
    _BROWSER["users"] += 1
    yield _BROWSER["browser"]
    _BROWSER["users"] -= 1
    if _BROWSER["users"] == 0:
        _BROWSER["browser"].close()
        _BROWSER["playwright"].stop()
        _BROWSER.clear()


# --------------------------------------------------------------------------- a tiny HTML tree

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)  # Node | str
    parent: Node | None = None

    def text(self) -> str:
        if self.tag == "br":
            return "\n"
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self, tag: str | None = None):
        for c in self.children:
            if isinstance(c, Node):
                if tag is None or c.tag == tag:
                    yield c
                yield from c.iter(tag)

    def find(self, tag: str, **attrs) -> Node | None:
        for n in self.iter(tag):
            if all(attrs_match(n, k, v) for k, v in attrs.items()):
                return n
        return None


def attrs_match(node: Node, key: str, value: str) -> bool:
    key = key.rstrip("_")
    if key == "class":
        return value in (node.attrs.get("class") or "").split()
    return node.attrs.get(key) == value


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), parent=self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), parent=self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(html: str) -> Node:
    b = _TreeBuilder()
    b.feed(html)
    b.close()
    return b.root


def page(site: Path, url_path: str) -> Node:
    return parse((site / url_path / "index.html").read_text(encoding="utf-8"))


def resolve(site: Path, page_url: str, href: str) -> tuple[Path, str]:
    """The built file an href of the page at ``page_url`` (a directory URL) points to,
    and its fragment."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, href
    target = posixpath.normpath(posixpath.join(page_url, unquote(parts.path))) if parts.path else page_url.rstrip("/")
    path = site / target
    if path.is_dir() or parts.path.endswith("/") or not parts.path:
        path = path / "index.html"
    return path, unquote(parts.fragment)


def content(doc: Node) -> Node:
    """The article body (Material: <article class="md-content__inner">)."""
    node = doc.find("article")
    assert node is not None, "no <article> in page"
    return node


def table_widths(table: Node) -> list[int]:
    """Effective number of grid columns of each row, honouring rowspan and colspan."""
    widths: list[int] = []
    carry: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for tr in table.iter("tr"):
        col, width = 0, 0
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
        new_carry: dict[int, int] = {}
        for cell in cells:
            while carry.get(col, 0) > 0:
                new_carry[col] = carry[col] - 1
                col += 1
            span = int(cell.attrs.get("colspan") or 1)
            rows = int(cell.attrs.get("rowspan") or 1)
            for c in range(col, col + span):
                if rows > 1:
                    new_carry[c] = rows - 1
            col += span
        while carry.get(col, 0) > 0:
            new_carry[col] = carry[col] - 1
            col += 1
        width = col
        carry = {k: v for k, v in new_carry.items() if v > 0}
        widths.append(width)
    return widths


# --------------------------------------------------------------------------- git

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Staf Data",
    "GIT_AUTHOR_EMAIL": "staf@example.org",
    "GIT_COMMITTER_NAME": "Staf Data",
    "GIT_COMMITTER_EMAIL": "staf@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,  # the tester's own settings never change a test's repository
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``repo`` as a fixed author (``date``: author and committer date); its output."""
    env = {**os.environ, **GIT_ENV}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    cmd = ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", "-c", "init.defaultBranch=main", *args]
    return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, check=True).stdout.strip()


def data_repo(root: Path, data: Path, message: str = "data awal") -> Path:
    """A new repository ``root/repo`` whose first commit is a copy of ``data`` as ``data/``."""
    repo = root / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copytree(data, repo / "data")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return repo

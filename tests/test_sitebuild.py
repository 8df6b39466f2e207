"""generator/site/sitebuild.py builds the same site as plain `mkdocs build`, with its pages
shared among forked workers."""

from __future__ import annotations

from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.site import sitebuild
from generator.site.minify import minify


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_forked_build_writes_the_bytes_of_a_plain_mkdocs_build(bundled_site, tmp_path):  # noqa: F811
    config = bundled_site.docs.parent / "mkdocs.yml"
    mkdocs_build(load_config(str(config), site_dir=str(tmp_path / "plain")))
    warnings = sitebuild.build(load_config(str(config), site_dir=str(tmp_path / "forked")), workers=3)
    plain, forked = _tree(tmp_path / "plain"), _tree(tmp_path / "forked")
    assert sum(1 for p in plain if p.endswith("index.html")) > 150  # every page, not a sample
    assert sorted(forked) == sorted(plain)
    assert [p for p in plain if forked[p] != plain[p]] == []
    assert isinstance(warnings, list)

    # minified as written: each page is exactly the plain page without its runs of blanks
    sitebuild.build(load_config(str(config), site_dir=str(tmp_path / "small")), workers=2, minify=True)
    small = _tree(tmp_path / "small")
    assert sorted(small) == sorted(plain)
    pages = [p for p in plain if p.endswith(".html") and p != "404.html"]
    assert [p for p in pages if small[p] != minify(plain[p])] == []
    assert sum(map(len, (small[p] for p in pages))) < 0.95 * sum(map(len, (plain[p] for p in pages)))


def test_minify_keeps_pre_and_line_structure():
    html = (
        b"<div>\n    <p>a   b</p>\n\n  <pre>  x\n\n    y  </pre>\n<textarea>  t  \n\n</textarea>"
        b"<script>var a=1\n\n    var b=2</script>  </div>"
    )
    out = minify(html)
    assert out == (
        b"<div>\n<p>a b</p>\n<pre>  x\n\n    y  </pre>\n<textarea>  t  \n\n</textarea><script>var a=1\nvar b=2</script> </div>"
    )
    assert minify(out) == out


def test_worker_warnings_come_back_to_the_caller(bundled_site, tmp_path):  # noqa: F811
    """A warning MkDocs logs inside a worker (here: a link to a missing file) is returned,
    not lost with the worker. No plugins (MkDocs' default is the search plugin, which takes
    the plain build) and titles in the nav (else the parent renders the pages, for them)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(4):
        (docs / f"p{i}.md").write_text(f"# P{i}\n\n[gone](missing-{i}.md)\n", encoding="utf-8")
    nav = "".join(f"  - P{i}: p{i}.md\n" for i in range(4))
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\ndocs_dir: {docs}\nplugins: []\nnav:\n{nav}", encoding="utf-8")
    warnings = sitebuild.build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")), workers=2)
    assert {f"missing-{i}.md" for i in range(4)} <= {w.split("'")[3] for w in warnings if "missing-" in w}
    assert (tmp_path / "site" / "p3" / "index.html").is_file()


def test_the_anchor_scan_is_skipped_only_while_the_site_is_built():
    """MkDocs parses every page's raw HTML a second time only to collect ids for a check
    this build does not run; sitebuild switches that parse off for its own duration."""
    from mkdocs.structure.pages import _RawHTMLPreprocessor

    html = ['<div id="a"><p id="b">x</p></div>']
    scan = _RawHTMLPreprocessor()
    assert scan.run(html) == html and scan.present_anchor_ids == {"a", "b"}
    with sitebuild._no_anchor_scan():
        skipped = _RawHTMLPreprocessor()
        assert skipped.run(html) == html and skipped.present_anchor_ids == set()
    again = _RawHTMLPreprocessor()
    again.run(html)
    assert again.present_anchor_ids == {"a", "b"}


def test_static_files_are_linked_and_a_later_docs_write_leaves_the_site_alone(tmp_path):
    """A download goes into the site as a hard link to the docs folder's file (no second copy
    of ~1.2 GB at province scale); the docs folder is only ever written through new files, so
    the next build's new version of it never changes the published site."""
    from generator.site.docs import write_if_changed

    docs = tmp_path / "docs"
    (docs / "unduh").mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n\n[data](unduh/data.csv)\n", encoding="utf-8")
    (docs / "unduh" / "data.csv").write_bytes(b"a,b\n1,2\n")
    (tmp_path / "mkdocs.yml").write_text(f"site_name: t\ndocs_dir: {docs}\nplugins: []\nnav:\n  - Beranda: index.md\n")
    sitebuild.build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site")), workers=2)
    published = tmp_path / "site" / "unduh" / "data.csv"
    assert published.read_bytes() == b"a,b\n1,2\n"
    assert published.stat().st_ino == (docs / "unduh" / "data.csv").stat().st_ino
    assert write_if_changed(docs, "unduh/data.csv", b"a,b\n3,4\n")
    assert published.read_bytes() == b"a,b\n1,2\n"  # the site keeps what it was built with
    theme_css = next((tmp_path / "site" / "css").glob("*.css"))
    assert theme_css.stat().st_nlink == 1  # the theme's own files are copied, never linked

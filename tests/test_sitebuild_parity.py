"""generator/site/sitebuild.py keeps MkDocs' semantics where the bundled site cannot show
it: strict mode, plugins, the navigation of pages whose title comes from their heading,
and MkDocs or Material versions it was not checked with. Real MkDocs builds of small docs
folders, compared with plain `mkdocs build` (mkdocs.commands.build.build)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import material
import mkdocs
import pytest
from mkdocs.commands import build as mk
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.site import sitebuild
from generator.site.minify import minify

# index.md and a.md take their titles from their headings (a.md from its first one, with
# markup), a.md also shows its front matter's status in every page's navigation;
# lain/*.md are not in the nav, so only the workers render them.
PAGES = {
    "index.md": "# Beranda\n\nIsi [A](a.md).\n",
    "a.md": "---\nstatus: new\n---\n# Halaman *A*\n\n## Bagian\n\nTeks [B](b.md#bagian).\n",
    "b.md": "# Judul B\n\n## Bagian\n\nTeks.\n",
    "lain/c.md": "# C\n\n[A](../a.md)\n",
    "lain/d.md": "# D\n\n[B](../b.md)\n",
}
NAV = "nav:\n  - index.md\n  - a.md\n  - Halaman B: b.md\n"


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch):
    """The mkdocs theme prints the build time on the home page: both builds get the same."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1769817600")


def _site(
    tmp_path: Path,
    *,
    strict: bool = True,
    plugins: str = "[]",
    theme: str = "material",
    broken: tuple[str, ...] = (),
    extra: str = "",
) -> Path:
    docs = tmp_path / "docs"
    for rel, text in PAGES.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(
            text + "".join(f"\n[hilang](hilang-{i}.md)\n" for i in range(broken.count(rel))), encoding="utf-8"
        )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Uji\ndocs_dir: {docs}\nstrict: {str(strict).lower()}\ntheme:\n  name: {theme}\n"
        f"plugins: {plugins}\n{NAV}{extra}",
        encoding="utf-8",
    )
    return config


def _cfg(config: Path, site: Path):
    cfg = load_config(str(config), site_dir=str(site))
    cfg.plugins.on_startup(command="build", dirty=False)
    return cfg


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _notices(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == sitebuild.__name__]


@pytest.mark.parametrize(
    "broken", [("lain/c.md", "lain/d.md"), ("a.md", "lain/d.md", "lain/d.md")], ids=["in-workers", "in-parent-and-workers"]
)
def test_strict_mode_aborts_like_mkdocs(tmp_path, broken):
    """A link to a missing page is a warning; in strict mode MkDocs aborts with their count.
    lain/*.md are rendered only by the forked workers, a.md by the parent (its title)."""
    config = _site(tmp_path, broken=broken)
    assert sitebuild.plan(load_config(str(config)))[0] is True  # the parallel build is the one tested
    with pytest.raises(Abort) as plain:
        mkdocs_build(_cfg(config, tmp_path / "plain"))
    with pytest.raises(Abort) as forked:
        sitebuild.build(_cfg(config, tmp_path / "forked"), workers=2, minify=True)
    assert str(plain.value) == f"Aborted with {len(broken)} warnings in strict mode!"
    assert str(forked.value) == str(plain.value)


@pytest.mark.parametrize("theme", ["material", "mkdocs", "readthedocs"])
def test_strict_build_without_warnings_writes_the_bytes_of_mkdocs(tmp_path, caplog, theme):
    """Same bytes, navigation included: titles from headings, Material's status from the front matter."""
    caplog.set_level(logging.INFO, logger=sitebuild.__name__)
    config = _site(tmp_path, theme=theme)
    mkdocs_build(_cfg(config, tmp_path / "plain"))
    assert sitebuild.build(_cfg(config, tmp_path / "forked"), workers=2) == []
    plain, forked = _tree(tmp_path / "plain"), _tree(tmp_path / "forked")
    assert sorted(forked) == sorted(plain) and "lain/d/index.html" in plain
    assert [p for p in plain if forked[p] != plain[p]] == []
    assert _notices(caplog) == []  # the parallel build, silently
    if theme == "material":
        assert b"md-status--new" in plain["lain/c/index.html"] and b"Halaman A" in plain["lain/c/index.html"]

    sitebuild.build(_cfg(config, tmp_path / "small"), workers=2, minify=True)
    small = _tree(tmp_path / "small")
    pages = [p for p in plain if p.endswith("index.html")]
    assert sorted(small) == sorted(plain) and len(pages) == len(PAGES)
    assert [p for p in pages if small[p] != minify(plain[p])] == []


@pytest.mark.parametrize("squeeze", [False, True], ids=["plain", "minified"])
def test_a_plugin_takes_the_plain_build(tmp_path, caplog, squeeze):
    """The search plugin gathers its index in on_page_content: built in workers, it would
    be empty. With it, sitebuild is plain MkDocs (+ minify)."""
    caplog.set_level(logging.INFO, logger=sitebuild.__name__)
    config = _site(tmp_path, plugins="[search]")
    parallel, why = sitebuild.plan(load_config(str(config)))
    assert not parallel and "search" in why
    mkdocs_build(_cfg(config, tmp_path / "plain"))
    assert sitebuild.build(_cfg(config, tmp_path / "forked"), workers=2, minify=squeeze) == []
    index = "search/search_index.json"
    plain, forked = _tree(tmp_path / "plain"), _tree(tmp_path / "forked")
    docs = json.loads(forked[index])["docs"]
    assert forked[index] == plain[index]
    assert len([d for d in docs if "#" not in d["location"]]) == len(PAGES)  # one per page, then its sections
    assert len(docs) == len(json.loads(plain[index])["docs"]) > len(PAGES)
    assert sorted(forked) == sorted(plain)
    changed = minify if squeeze else (lambda b: b)
    assert [p for p in plain if p.endswith("index.html") and forked[p] != changed(plain[p])] == []
    assert [p for p in plain if not p.endswith("index.html") and forked[p] != plain[p]] == []
    assert len(_notices(caplog)) == 1 and _notices(caplog)[0].levelno == logging.INFO


def _changed_build_page(page, config, doc_files, nav, env, dirty=False, excluded=False, *, extra=None):
    return _original_build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)


_original_build_page = mk._build_page


@pytest.mark.parametrize(
    "where,name,value",
    [
        (mkdocs, "__version__", "1.7.0"),
        (material, "__version__", "10.0.0"),
        (mk, "_build_page", _changed_build_page),  # a private function with other parameters
    ],
    ids=["mkdocs-1.7", "material-10", "changed-private-function"],
)
def test_an_unchecked_version_takes_the_plain_build(tmp_path, caplog, monkeypatch, where, name, value):
    """One INFO line says why, it is no warning (the strict build passes), and the site is
    the plain build's, byte for byte."""
    monkeypatch.setattr(where, name, value)
    caplog.set_level(logging.INFO, logger=sitebuild.__name__)
    config = _site(tmp_path)
    parallel, why = sitebuild.plan(load_config(str(config)))
    assert not parallel and why
    mkdocs_build(_cfg(config, tmp_path / "plain"))
    assert sitebuild.build(_cfg(config, tmp_path / "forked"), workers=2) == []
    plain, forked = _tree(tmp_path / "plain"), _tree(tmp_path / "forked")
    assert sorted(forked) == sorted(plain) and [p for p in plain if forked[p] != plain[p]] == []
    notices = _notices(caplog)
    assert len(notices) == 1 and notices[0].levelno == logging.INFO and "\n" not in notices[0].getMessage()
    assert why in notices[0].getMessage()


def test_plan_takes_the_plain_build_when_it_cannot_do_what_mkdocs_does(tmp_path):
    checked = load_config(str(_site(tmp_path)))
    assert sitebuild.plan(checked) == (True, "")
    anchors = load_config(str(_site(tmp_path, extra="validation:\n  links:\n    anchors: warn\n")))
    assert sitebuild.plan(anchors)[0] is False  # only plain MkDocs checks anchors across pages
    default = load_config(str(_site(tmp_path, plugins="[search]")))
    assert sitebuild.plan(default)[0] is False

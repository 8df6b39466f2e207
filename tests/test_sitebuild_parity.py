"""generator/site/sitebuild.py keeps MkDocs' semantics where the bundled site cannot show
it: strict mode, plugins, the navigation of pages whose title comes from their heading,
and MkDocs or Material versions it was not checked with. Real MkDocs builds of small docs
folders, compared with plain `mkdocs build` (mkdocs.commands.build.build); and the
generated docs folder built by plain MkDocs and by ProperDocs (issue 21)."""

from __future__ import annotations

import json
import logging
import re
import subprocess
import sys
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


# --------------------------------------------------------------------------- ProperDocs

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _strip_generator(tree: dict[str, bytes]) -> tuple[dict[str, bytes], set[bytes]]:
    """The pages without the generator meta tag (which names the engine and its version),
    and the tags seen: the only difference allowed between the two engines' output."""
    seen: set[bytes] = set()
    out = {}
    for rel, data in tree.items():
        if rel.endswith(".html"):
            seen.update(GENERATOR_TAG.findall(data))
            data = GENERATOR_TAG.sub(b"", data)
        out[rel] = data
    return out, seen


def test_the_generated_docs_folder_builds_with_mkdocs_and_properdocs_to_the_same_pages(tmp_path):
    """issue 21: ProperDocs 1.6.7 (the maintained fork of MkDocs 1.x) is the tested exit from
    MkDocs. The docs folder `kinerja build` writes for a small fixture, built by plain
    `mkdocs build` and by `properdocs build` from the same build/mkdocs.yml: the same files,
    byte for byte, except the generator meta tag. The build date (Material prints none, but
    sitemap.xml.gz carries it) is fixed by SOURCE_DATE_EPOCH (the autouse fixture above)."""
    from site_fixtures import build, copy_minimal

    built = build(copy_minimal(tmp_path), tmp_path / "kinerja")
    config = built.docs.parent / "mkdocs.yml"
    assert config.is_file() and (built.docs / "index.md").is_file()
    trees = {}
    for engine in ("mkdocs", "properdocs"):
        out = tmp_path / engine
        run = subprocess.run(
            [sys.executable, "-m", engine, "build", "-q", "-f", str(config), "-d", str(out)],
            cwd=config.parent,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 0, (engine, run.stderr[-2000:])
        trees[engine] = _tree(out)
    plain, plain_tags = _strip_generator(trees["mkdocs"])
    proper, proper_tags = _strip_generator(trees["properdocs"])
    pages = [p for p in plain if p.endswith("index.html")]
    assert len(pages) >= 15 and "kota-contoh/dinas-contoh/jabatan/kepala-dinas/index.html" in pages
    assert sorted(proper) == sorted(plain)
    assert [p for p in plain if proper[p] != plain[p]] == []
    # what was left out is the engine's name, nothing else: one tag per engine, on every page
    assert plain_tags == {f"mkdocs-{mkdocs.__version__}, mkdocs-material-{material.__version__}".encode()}
    assert len(proper_tags) == 1 and b"ProperDocs 1.6" in next(iter(proper_tags))
    assert all(GENERATOR_TAG.search(trees["properdocs"][p]) for p in pages)


def test_the_properdocs_workflow_builds_the_generated_docs_folder_with_the_tested_version():
    """.github/workflows/properdocs.yml: on code changes, `kinerja build` writes the docs
    folder, ProperDocs (the version the test above ran, pinned in the test extras) and plain
    MkDocs build it, and the two sites may differ only in the generator tag."""
    import tomllib

    import yaml

    root = Path(__file__).resolve().parent.parent
    workflow = yaml.safe_load((root / ".github" / "workflows" / "properdocs.yml").read_text(encoding="utf-8"))
    on = workflow.get("on", workflow.get(True))
    assert {"push", "pull_request"} <= set(on) and "generator/**" in on["pull_request"]["paths"]
    runs = [s["run"] for job in workflow["jobs"].values() for s in job["steps"] if "run" in s]
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["test"]
    pin = next(x for x in extras if x.startswith("properdocs=="))
    assert pin == "properdocs==1.6.7" and f'"{pin}"' in runs[0]
    order = [next(i for i, r in enumerate(runs) if r.startswith(cmd)) for cmd in ("kinerja build", "properdocs build", "diff -r")]
    assert order == sorted(order)
    assert "-f build/mkdocs.yml" in runs[order[1]] and "generator" in runs[order[2]]

"""`kinerja build` on the bundled data: a page for every agency, unit and position, a
small navigation, no third-party requests, fast enough, and never a half-written site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from site_fixtures import DATA, ROOT, build, content, copy_minimal, page

from generator.check import check
from generator.cli import main
from generator.site.build import BuildError, build_site

MAX_POSITION_PAGE_BYTES = 250_000


def _dataset():
    result = check(DATA)
    assert not result.errors
    return result.dataset


def test_every_agency_unit_and_position_has_a_page(bundled_site):
    ds = _dataset()
    n_positions = 0
    for region in ds.regions.values():
        assert (bundled_site.site / region.id / "index.html").is_file()
        for agency in region.agencies.values():
            base = bundled_site.site / region.id / agency.id
            assert (base / "index.html").is_file()
            for unit_id in agency.units:
                assert (base / "unit" / unit_id / "index.html").is_file(), unit_id
            for pos_id in agency.positions:
                assert (base / "jabatan" / pos_id / "index.html").is_file(), pos_id
                n_positions += 1
    assert n_positions >= 1
    for name in ("metodologi", "tentang", "cara-membaca"):
        assert (bundled_site.site / name / "index.html").is_file()


def test_agency_page_links_every_unit_and_position(bundled_site):
    ds = _dataset()
    for region in ds.regions.values():
        for agency in region.agencies.values():
            body = content(page(bundled_site.site, f"{region.id}/{agency.id}"))
            hrefs = {a.attrs.get("href") for a in body.find("ul", class_="kj-pohon").iter("a")}
            for unit_id in agency.units:
                assert f"unit/{unit_id}/" in hrefs, unit_id
            for pos_id in agency.positions:
                assert f"jabatan/{pos_id}/" in hrefs, pos_id


def test_nav_is_small_and_lists_no_position(bundled_site):
    for path in [bundled_site.site / "index.html", *sorted((bundled_site.site).glob("*/*/jabatan/*/index.html"))[:3]]:
        doc = page(bundled_site.site, str(path.parent.relative_to(bundled_site.site)))
        nav = doc.find("nav", class_="md-nav--primary")
        links = [a.attrs.get("href", "") for a in nav.iter("a")]
        assert not any("/jabatan/" in h or "/unit/" in h for h in links), links
        assert len(links) < 40


_REF = re.compile(r"<(script|link|img|iframe|source|video|audio)\b[^>]*?\b(src|href)=[\"']?([^\"' >]+)", re.I)


def test_no_third_party_requests(bundled_site):
    offenders = []
    for path in bundled_site.site.rglob("*.html"):
        for tag, attr, url in _REF.findall(path.read_text(encoding="utf-8")):
            if re.match(r"^(https?:)?//", url):
                offenders.append((path.name, tag, url))
    assert offenders == []
    for css in bundled_site.site.rglob("*.css"):
        assert not re.search(r"url\(\s*[\"']?(https?:)?//", css.read_text(encoding="utf-8")), css
    assert "fonts.googleapis" not in (bundled_site.site / "index.html").read_text(encoding="utf-8")


def test_position_pages_stay_small(bundled_site, capsys):
    """Page weight is asserted; build time is only reported (the benchmark measures speed)."""
    pages = sorted(bundled_site.site.glob("*/*/jabatan/*/index.html"), key=lambda p: p.stat().st_size)
    largest = pages[-1]
    with capsys.disabled():
        print(
            f"\n[site] bundled build {bundled_site.seconds:.1f} s; {len(pages)} position pages; "
            f"largest {largest.parent.name} {largest.stat().st_size / 1024:.1f} KB"
        )
    assert largest.stat().st_size < MAX_POSITION_PAGE_BYTES


def test_kepala_dinas_figures(bundled_site):
    text = " ".join(content(page(bundled_site.site, "kota-pekalongan/dinperinaker/jabatan/kepala-dinas")).text().split())
    assert "101,72" in text
    assert "94,67" in text
    assert "Anggaran Triwulan IV 2025" in text
    assert "efisiensi penggunaan sumber daya adalah 5,33%" in text


def _write_broken(data: Path) -> None:
    (data / "site.yml").write_text("judul: [tidak ditutup\n", encoding="utf-8")


def test_failed_build_keeps_the_previous_site(tmp_path):
    data = copy_minimal(tmp_path)
    built = build(data, tmp_path)
    before = sorted(p.relative_to(built.site) for p in built.site.rglob("*"))
    stamp = (built.site / "index.html").read_bytes()
    _write_broken(data)
    with pytest.raises(BuildError):
        build_site(data, built.site, build_dir=tmp_path / "build", config=ROOT / "mkdocs.yml")
    assert sorted(p.relative_to(built.site) for p in built.site.rglob("*")) == before
    assert (built.site / "index.html").read_bytes() == stamp
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_mkdocs_failure_removes_the_temporary_folder(tmp_path, monkeypatch):
    import generator.site.build as b

    data = copy_minimal(tmp_path)
    built = build(data, tmp_path)
    stamp = (built.site / "index.html").read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("MkDocs gagal")

    monkeypatch.setattr(b, "run_mkdocs", boom)
    with pytest.raises(RuntimeError):
        build_site(data, built.site, build_dir=tmp_path / "build", config=ROOT / "mkdocs.yml")
    assert (built.site / "index.html").read_bytes() == stamp
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_cli_build_errors_print_diagnostics_without_traceback(tmp_path, capsys):
    data = copy_minimal(tmp_path)
    _write_broken(data)
    code = main(["build", "--data", str(data), "--out", str(tmp_path / "site"), "--build-dir", str(tmp_path / "build"), "-q"])
    err = capsys.readouterr().err
    assert code == 1
    assert "site.yml:" in err and "YAML_SYNTAX" in err and "galat" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site").exists()


def test_cli_build_succeeds(tmp_path, capsys):
    """The last line says what was built, and how many agencies were made again: the one agency
    of the data on the first build, none on a second build of the same data."""
    data = copy_minimal(tmp_path)
    argv = ["build", "--data", str(data), "--out", str(tmp_path / "site"), "--build-dir", str(tmp_path / "build")]
    argv += ["--config", str(ROOT / "mkdocs.yml"), "-q"]
    code = main(argv)
    assert code == 0, capsys.readouterr().err
    assert "halaman (1 dari 1 perangkat daerah dibuat ulang)" in capsys.readouterr().out
    assert main(argv) == 0
    assert "halaman (0 dari 1 perangkat daerah dibuat ulang)" in capsys.readouterr().out
    assert (tmp_path / "site" / "kota-contoh" / "dinas-contoh" / "jabatan" / "kepala-dinas" / "index.html").is_file()
    # the docs folder is plain files and builds again with plain MkDocs
    assert (tmp_path / "build" / "mkdocs.yml").read_text(encoding="utf-8").count("INHERIT") == 1
    shutil.rmtree(tmp_path / "site")


def test_strict_mkdocs_config_with_a_warning_fails_the_build_plainly(tmp_path):
    """`strict: true` in mkdocs.yml and a page with a broken link: the build stops with a
    BuildError naming the warning (not an INTERNAL error), and the old site stays."""
    data = copy_minimal(tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("strict: false", "strict: true")
        .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"),
        encoding="utf-8",
    )
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "tentang.md").write_text("# Tentang\n\n[hilang](tidak-ada.md)\n", encoding="utf-8")
    out = tmp_path / "site"
    out.mkdir()
    (out / "lama.html").write_text("situs lama", encoding="utf-8")
    with pytest.raises(BuildError) as failed:
        build_site(data, out, build_dir=tmp_path / "build", config=config)
    assert "strict" in str(failed.value)
    assert any("tidak-ada.md" in line for line in failed.value.lines)
    assert (out / "lama.html").read_text(encoding="utf-8") == "situs lama"

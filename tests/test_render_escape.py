"""Every text that comes from data is shown literally: no HTML, Markdown, attr_list or
template syntax in the data can change the page, its tables or its <title>."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from site_fixtures import build, content, copy_minimal, page, table_widths

from generator.render.escape import judul, teks

NASTY = {
    "script": "<script>alert(1)</script>",
    "pipe": "| a | b |",
    "bold": "**x**",
    "jinja": "{{ x }}",
    "link": "[x](javascript:alert(1))",
    "img": '<img src=x onerror="alert(2)">',
    "attr": "teks {: .kelas onclick=alert(3) }",
    "heading": "# judul palsu\n\n- daftar\n1. nomor",
    "backslash": "a\\*b\\_c `kode` ~~coret~~ &amp; &lt;",
}


@pytest.mark.parametrize("value", list(NASTY.values()), ids=list(NASTY))
def test_teks_has_no_markup_left(value):
    out = str(teks(value))
    bare = re.sub(r"&#\d+;", "", out).replace("<br>", "")
    for ch in "<>&*_[]()`{}|#\\":
        assert ch not in bare
    # the browser shows exactly the original (line breaks become <br>)
    assert html.unescape(out.replace("<br>", "\n")) == value


def test_judul_is_html_escaped_for_material_title():
    assert html.unescape(judul("<b>x</b>\nY")) == "<b>x</b> Y"
    assert "<" not in judul("</title><script>")


def _load(p: Path):
    return yaml.safe_load(p.read_text(encoding="utf-8"))


def _dump(p: Path, data) -> None:
    p.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def nasty_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nasty")
    data = copy_minimal(tmp)
    agency = data / "kota-contoh" / "dinas-contoh"
    pd = _load(agency / "perangkat-daerah.yml")
    pd["singkatan"] = NASTY["jinja"]
    pd["tugas"] = NASTY["heading"]
    pd["unit"][1]["nama"] = NASTY["link"]
    _dump(agency / "perangkat-daerah.yml", pd)

    kabid = _load(agency / "jabatan" / "kepala-bidang-a.yml")
    kabid["jabatan"] = NASTY["script"]
    _dump(agency / "jabatan" / "kepala-bidang-a.yml", kabid)

    year = _load(agency / "2025" / "kepala-dinas.yml")
    inds = year["perjanjian_kinerja"][0]["indikator"]
    inds[0]["indikator"] = NASTY["script"]
    inds[0]["sasaran"] = NASTY["jinja"]
    inds[1]["indikator"] = NASTY["pipe"]
    inds[1]["sasaran"] = NASTY["link"]
    inds[2]["indikator"] = NASTY["bold"]
    inds[2]["sasaran"] = NASTY["attr"]
    inds[2]["satuan"] = NASTY["img"]
    year["anggaran"][0]["nama"] = NASTY["pipe"]
    lap = year["laporan"][1]
    lap["narasi"] = {"faktor_pendukung": list(NASTY.values()), "kesimpulan": [NASTY["backslash"]]}
    lap["catatan_sumber"] = [NASTY["img"], NASTY["heading"]]
    lap["realisasi"]["tpak"] = {"na": NASTY["bold"]}
    _dump(agency / "2025" / "kepala-dinas.yml", year)
    return build(data, tmp)


KD = "kota-contoh/dinas-contoh/jabatan/kepala-dinas"


def _all_pages(site: Path):
    for path in sorted(site.rglob("index.html")):
        if "search" not in path.parts:
            yield path


def test_nasty_texts_show_literally_on_the_position_page(nasty_site):
    text = content(page(nasty_site.site, KD)).text()
    for name in ("script", "pipe", "bold", "jinja", "link", "img", "attr"):
        assert NASTY[name] in text, name
    flat = " ".join(text.split())
    assert " ".join(NASTY["heading"].split()) in flat
    assert NASTY["backslash"] in text


def test_no_markup_from_data_reaches_any_page(nasty_site):
    for path in _all_pages(nasty_site.site):
        doc = page(nasty_site.site, str(path.parent.relative_to(nasty_site.site)))
        for script in doc.iter("script"):
            assert "alert" not in script.text(), path
        for node in doc.iter():
            for attr, value in node.attrs.items():
                assert not attr.startswith("on"), (path, node.tag, attr)
                if attr in ("href", "src"):
                    assert not (value or "").strip().lower().startswith("javascript:"), (path, value)
            assert not (node.tag == "img" and node.attrs.get("src") == "x"), path
        body = content(doc)
        assert body.find("strong") is None or all("x" != s.text() for s in body.iter("strong")), path
        assert all(h.text().strip() != "judul palsu" for h in body.iter("h1")), path


def test_tables_keep_their_columns(nasty_site):
    for url in (KD, "kota-contoh/dinas-contoh", "kota-contoh/dinas-contoh/unit/bidang-a", "metodologi"):
        for table in content(page(nasty_site.site, url)).iter("table"):
            widths = table_widths(table)
            assert len(set(widths)) == 1, (url, widths)


def test_measurement_tables_keep_their_columns_and_the_nasty_rows(nasty_site):
    """The latest report's table has eight columns; an earlier quarter's compact table six."""
    body = content(page(nasty_site.site, KD))
    tables = [t for t in body.iter("table") if "Pengukuran kinerja" in (t.find("caption").text() if t.find("caption") else "")]
    assert len(tables) >= 2
    for i, t in enumerate(tables):
        assert set(table_widths(t)) == ({8} if i == 0 else {6})
        assert NASTY["pipe"] in t.text() and NASTY["script"] in t.text()


def test_titles_and_header_show_data_literally(nasty_site):
    doc = page(nasty_site.site, "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a")
    title = doc.find("title").text()
    assert title.startswith(NASTY["script"]), title
    h1 = content(doc).find("h1").text()
    assert NASTY["script"] in h1
    # the nav (expanded on the region page) and the breadcrumb carry the agency abbreviation as text
    region = page(nasty_site.site, "kota-contoh")
    assert NASTY["jinja"] in region.find("nav", class_="md-nav").text()
    assert NASTY["jinja"] in content(doc).find("nav", class_="kj-jejak").text()
    # the identity strip under the header shows the agency name
    assert "Dinas Contoh" in doc.find("div", class_="kj-identitas").text()


def test_search_index_holds_escaped_text(nasty_site):
    """The search index (Pagefind, not lunr) keeps the page text as text: the nasty data is
    there literally, and it never becomes markup when shown. Pagefind escapes < and > of the
    text before it marks the matches in an excerpt, and the header search (cari.js) writes
    titles as text."""
    import gzip

    frags = list((nasty_site.site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert frags
    text = "".join(gzip.decompress(f.read_bytes()).decode("utf-8", errors="replace") for f in frags)
    assert "<script>alert(1)</script>" in text  # indexed as the text the reader sees
    pagefind_js = (nasty_site.site / "pagefind" / "pagefind.js").read_text(encoding="utf-8")
    assert 'raw_content=fragment.content.replace(/</g,"&lt;").replace(/>/g,"&gt;")' in pagefind_js
    cari = (nasty_site.site / "assets" / "javascripts" / "cari.js").read_text(encoding="utf-8")
    assert "h.textContent =" in cari and "innerHTML = excerpt(data.excerpt)" in cari
    # the excerpt clean-up only drops pilcrows and blank runs: it never un-escapes Pagefind's text
    body = cari.split("function excerpt(html) {", 1)[1].split("}", 1)[0]
    assert "&lt;" not in body and "&amp;" not in body and "replace(/\\u00b6/g" in body

"""Formulas and directions on the pages: a structured formula is a real fraction in HTML
and CSS (never the LaTeX of the source), counting and prose formulas say what they are,
every indicator shows its direction and whether the document states it, inherited
sasaran cells stay merged and tables stay valid, and inferred placements are marked."""

from __future__ import annotations

import re

import pytest
import yaml
from site_fixtures import build, content, copy_minimal, page, table_widths

from generator.render.formula import linear

PROB = "kota-probolinggo/disperinaker/"
KEPALA_DINAS_PROB = PROB + "jabatan/kepala-dinas"
KABID_HI_PROB = PROB + "jabatan/kabid-hubungan-industrial"
NASTY_ATAS = "jumlah <b>perusahaan</b> | *tertib* [x](javascript:alert(1))"
NASTY_BAWAH = "jumlah perusahaan {{ x }} & lainnya"


def _cls(node, name: str) -> bool:
    return name in (node.attrs.get("class") or "").split()


def _rows_of(body, indicator: str):
    """Table rows whose indicator cell starts with ``indicator``."""
    out = []
    for tr in body.iter("tr"):
        cell = tr.find("td", class_="kj-indikator")
        if cell is not None and " ".join(cell.text().split()).startswith(indicator):
            out.append(tr)
    return out


def _flat(node) -> str:
    return " ".join(node.text().split())


# --------------------------------------------------------------------------- LaTeX → linear text


def test_latex_as_written_becomes_linear_text():
    assert linear(r"$\frac{\text{jumlah A}}{\text{jumlah B}} \times 100 \%$") == "(jumlah A) / (jumlah B) × 100 %"
    assert (
        linear(r"$\text{Laporan TNA} = \frac{\sum \text{DUDI}}{\sum \text{Instruktur}}$")
        == "Laporan TNA = (Σ DUDI) / (Σ Instruktur)"
    )
    assert linear(r"$f(x) = \Sigma$ dokumen SPP") == "f(x) = Σ dokumen SPP"
    assert linear("Jumlah A / Jumlah B X 100%") == "Jumlah A / Jumlah B X 100%"  # no LaTeX: unchanged


# --------------------------------------------------------------------------- tiny dataset: every kind


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """The minimal fixture plus an IKI sheet with one formula of every kind, data text
    that looks like markup, an inherited sasaran after a group row, and an inferred unit."""
    tmp = tmp_path_factory.mktemp("rumus")
    data = copy_minimal(tmp)
    agency = data / "kota-contoh" / "dinas-contoh"
    kabid = yaml.safe_load((agency / "jabatan" / "kepala-bidang-a.yml").read_text(encoding="utf-8"))
    kabid.update(unit_disimpulkan=True, dasar_penyimpulan="Dari judul jabatan 'Kepala Bidang A'.")
    (agency / "jabatan" / "kepala-bidang-a.yml").write_text(yaml.safe_dump(kabid, allow_unicode=True), encoding="utf-8")
    sasaran = "Meningkatnya perlindungan tenaga kerja"
    inds = [
        {
            "id": "rasio-seratus",
            "nomor": "1",
            "sasaran": sasaran,
            "indikator": "Persentase perusahaan tertib",
            "formula": {
                "jenis": "rasio_x100",
                "pembilang": NASTY_ATAS,
                "penyebut": NASTY_BAWAH,
                "pengali": 100,
                "tertulis": r"$\frac{\text{jumlah perusahaan tertib}}{\text{jumlah perusahaan}} \times 100\%$",
            },
            "penjelasan": "Perusahaan adalah perusahaan menengah ke atas",
        },
        {
            "id": "penurunan-kasus",
            "sasaran": sasaran,
            "sasaran_diwarisi": True,
            "indikator": "Persentase penurunan kasus perselisihan",
            "polaritas": "turun",
            "polaritas_dinyatakan": True,
            "formula": {
                "jenis": "selisih_tahunan",
                "pembilang": "Σ kasus tahun n - Σ kasus tahun n-1",
                "penyebut": "Σ kasus tahun n-1",
                "pengali": 100,
            },
        },
        {
            "id": "jumlah-dokumen",
            "kelompok": "Kegiatan",
            "sasaran": sasaran,
            "sasaran_diwarisi": True,
            "indikator": "Jumlah dokumen laporan",
            "formula": {"jenis": "jumlah", "tertulis": "Jumlah dokumen laporan bulanan"},
        },
        {
            "id": "uraian-penilaian",
            "kelompok": "Kegiatan",
            "sasaran": "Terlaksananya penilaian",
            "indikator": "Nilai kinerja pegawai",
            "formula": {"jenis": "uraian", "tertulis": "Berdasarkan arahan tim penilai"},
        },
        {
            "id": "alokasi-paket",
            "kelompok": "Kegiatan",
            "sasaran": "Terlaksananya penilaian",
            "indikator": "Menyusun program pelatihan",
            "formula": {
                "jenis": "alokasi_target",
                "pembilang": "Σ rencana paket",
                "penyebut": "Σ instruktur",
                "tertulis": r"$\text{Program} = \frac{\sum \text{Rencana Paket}}{\sum \text{Instruktur}}$",
            },
        },
    ]
    (agency / "2025" / "kepala-bidang-a.yml").write_text(
        yaml.safe_dump({"jabatan": "kepala-bidang-a", "tahun": 2025, "iki": {"indikator": inds}}, allow_unicode=True),
        encoding="utf-8",
    )
    return build(data, tmp)


KABID = "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a"


def _formula_cell(body, indicator: str):
    rows = _rows_of(body, indicator)
    assert len(rows) == 1, indicator
    return rows[0].find("div", class_="kj-rumus")


def test_ratio_is_a_fraction_of_the_escaped_texts(tiny):
    doc = page(tiny.site, KABID)
    body = content(doc)
    rumus = _formula_cell(body, "Persentase perusahaan tertib")
    assert _cls(rumus, "kj-rumus-rasio-x100")
    frac = rumus.find("span", class_="kj-pecahan")
    top, bottom = frac.find("span", class_="kj-pembilang"), frac.find("span", class_="kj-penyebut")
    assert top.text() == NASTY_ATAS and bottom.text() == NASTY_BAWAH  # shown literally: no tag, link or template
    assert [c.tag for c in top.children if not isinstance(c, str)] == []
    assert rumus.find("span", class_="kj-pengali").text() == "× 100%"
    # the visual fraction is hidden from screen readers, which read the sentence instead
    assert rumus.find("span", class_="kj-rumus-isi").attrs.get("aria-hidden") == "true"
    assert rumus.find("span", class_="kj-sr").text() == f"Rumus: {NASTY_ATAS}, dibagi {NASTY_BAWAH}, dikali 100 persen."
    # as written: in a small disclosure, as linear text; the explanation under the formula
    asli = rumus.find("details", class_="kj-rumus-asli")
    assert asli.find("summary").text() == "tertulis di dokumen"
    assert "(jumlah perusahaan tertib) / (jumlah perusahaan) × 100%" in asli.text()
    assert rumus.find("span", class_="kj-rumus-ket").text() == "Ket: Perusahaan adalah perusahaan menengah ke atas"
    html = (tiny.site / KABID / "index.html").read_text(encoding="utf-8")
    assert "\\frac" not in html and "&#92;frac" not in html and "<b>perusahaan" not in html


def test_year_over_year_difference(tiny):
    rumus = _formula_cell(content(page(tiny.site, KABID)), "Persentase penurunan kasus")
    assert _cls(rumus, "kj-rumus-selisih-tahunan")
    assert rumus.find("span", class_="kj-rumus-jenis").text() == "perubahan dari tahun sebelumnya"
    top = rumus.find("span", class_="kj-pembilang")
    assert _flat(top) == "Σ kasus tahun n − Σ kasus tahun n-1" and top.find("span", class_="kj-op").text() == "−"
    assert rumus.find("span", class_="kj-penyebut").text() == "Σ kasus tahun n-1"
    assert rumus.find("span", class_="kj-pengali").text() == "× 100%"
    assert rumus.find("span", class_="kj-sr").text() == (
        "Rumus: Σ kasus tahun n dikurangi Σ kasus tahun n-1, dibagi Σ kasus tahun n-1, dikali 100 persen."
    )


def test_count_prose_and_allocation_say_what_they_are(tiny):
    body = content(page(tiny.site, KABID))
    jumlah = _formula_cell(body, "Jumlah dokumen laporan")
    assert jumlah.find("span", class_="kj-rumus-jenis").text() == "jumlah (hitungan)"
    assert jumlah.find("span", class_="kj-rumus-teks").text() == "Jumlah dokumen laporan bulanan"
    assert jumlah.find("details") is None  # the text shown is the text as written
    uraian = _formula_cell(body, "Nilai kinerja pegawai")
    assert uraian.find("span", class_="kj-rumus-teks").text() == "Berdasarkan arahan tim penilai"
    assert uraian.find("span", class_="kj-rumus-catatan").text() == "tidak dapat dihitung otomatis"
    alokasi = _formula_cell(body, "Menyusun program pelatihan")
    assert alokasi.find("span", class_="kj-pembilang").text() == "Σ rencana paket"
    assert alokasi.find("span", class_="kj-pengali") is None
    assert alokasi.find("span", class_="kj-rumus-catatan").text() == "menetapkan target, bukan mengukur capaian"
    assert "Program = (Σ Rencana Paket) / (Σ Instruktur)" in alokasi.find("details").text()


def test_direction_stated_or_assumed(tiny):
    body = content(page(tiny.site, KABID))
    turun = _rows_of(body, "Persentase penurunan kasus")[0].find("span", class_="kj-arah")
    assert _flat(turun) == "↓ makin rendah makin baik (dinyatakan dalam dokumen)"
    assert turun.find("span", class_="kj-arah-panah").attrs.get("aria-hidden") == "true"  # words carry the meaning
    naik = _rows_of(body, "Persentase perusahaan tertib")[0].find("span", class_="kj-arah")
    assert _flat(naik) == "↑ makin tinggi makin baik (diasumsikan)"


def test_inherited_sasaran_is_merged_or_marked_and_tables_stay_valid(tiny):
    body = content(page(tiny.site, KABID))
    table = next(t for t in body.iter("table") if "Indikator Kinerja Individu" in t.find("caption").text())
    assert len(set(table_widths(table))) == 1
    cells = [td for td in table.iter("td") if td.attrs.get("rowspan")]
    # rows 1-2 share one sasaran cell; after the "Kegiatan" group row the inherited sasaran
    # cannot join the cell above, so it says so
    assert cells[0].attrs["rowspan"] == "2" and cells[0].text().startswith("Meningkatnya perlindungan")
    assert "(sama dengan baris di atas)" in cells[1].text()
    assert "(sama dengan baris di atas)" not in cells[0].text() + cells[2].text()


def _after(link):
    """The element right after a link (the mark sits there)."""
    siblings = [c for c in link.parent.children if not isinstance(c, str)]
    i = siblings.index(link)
    return siblings[i + 1] if i + 1 < len(siblings) else None


def test_inferred_placement_marked_on_tree_and_unit_page(tiny):
    for url in ("kota-contoh/dinas-contoh", "kota-contoh/dinas-contoh/unit/bidang-a"):
        body = content(page(tiny.site, url))
        links = [a for a in body.iter("a") if a.attrs.get("href", "").endswith("jabatan/kepala-bidang-a/")]
        assert links, url
        for link in links:  # the tree and the table of the agency page, the table of the unit page
            mark = _after(link)
            assert mark is not None and _cls(mark, "kj-disimpulkan") and mark.text() == "disimpulkan", url
            assert mark.attrs["title"].startswith("Unit kerja tidak tertulis di dokumen; disimpulkan"), url
        for kd in (a for a in body.iter("a") if a.attrs.get("href", "").endswith("jabatan/kepala-dinas/")):
            after = _after(kd)
            assert after is None or not _cls(after, "kj-disimpulkan"), url
    assert "Dari judul jabatan" in content(page(tiny.site, KABID)).text()  # the basis, on the position page


# --------------------------------------------------------------------------- the bundled data


def test_no_latex_on_any_bundled_page(bundled_site):
    for path in bundled_site.site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        assert "\\frac" not in html and "&#92;frac" not in html and "$&#92;" not in html, path


def test_probolinggo_fractions(bundled_site):
    body = content(page(bundled_site.site, KABID_HI_PROB))
    rumus = _formula_cell(body, "Persentase perusahaan yang mendapatkan fasilitasi")
    assert rumus.find("span", class_="kj-pembilang").text() == "jumlah perusahaan yang memenuhi persyaratan kerja"
    assert rumus.find("span", class_="kj-penyebut").text() == "jumlah perusahaan"
    assert rumus.find("span", class_="kj-pengali").text() == "× 100%"
    # the "jumlah" indicator whose printed formula is a ratio times the total: a count
    count = _formula_cell(body, "Jumlah Perusahaan Yang Dibina")
    assert count.find("span", class_="kj-rumus-teks").text() == "Σ Perusahaan yang rawan perselisihan Hubungan industrial"
    assert count.find("span", class_="kj-pecahan") is None


def test_probolinggo_lower_is_better_indicator(bundled_site):
    body = content(page(bundled_site.site, KEPALA_DINAS_PROB))
    row = _rows_of(body, "Persentase penurunan kasus perselisihan hubungan industrial")[0]
    assert _flat(row.find("span", class_="kj-arah")) == "↓ makin rendah makin baik (dinyatakan dalam dokumen)"
    rumus = row.find("div", class_="kj-rumus")
    assert _cls(rumus, "kj-rumus-selisih-tahunan")
    assert _flat(rumus.find("span", class_="kj-pembilang")) == (
        "Σ (Kasus Perselisihan Hub Industrial tahun n) − Σ (Kasus Perselisihan Hub Industrial tahun n-1)"
    )
    # the sasaran is inherited from the row above: one merged cell, and the table stays rectangular
    assert [c for c in row.children if not isinstance(c, str) and c.attrs.get("rowspan")] == []
    other = _rows_of(body, "Persentase perusahaan yang memenuhi persyaratan kerja")[0]
    assert _flat(other.find("span", class_="kj-arah")) == "↑ makin tinggi makin baik (diasumsikan)"
    assert "Ket: Perusahaan adalah perusahaan dengan kategori menengah keatas" in _flat(other)
    for table in body.iter("table"):
        assert len(set(table_widths(table))) == 1


def test_every_bundled_indicator_table_is_rectangular_and_shows_direction(bundled_site):
    checked = 0
    for path in sorted(bundled_site.site.glob("*/*/jabatan/*/index.html")):
        body = content(page(bundled_site.site, str(path.parent.relative_to(bundled_site.site))))
        for table in body.iter("table"):
            assert len(set(table_widths(table))) == 1, path
        for div in body.iter("div"):
            pk, pengukuran = _cls(div, "kj-pk"), _cls(div, "kj-pengukuran")
            for cell in (c for c in div.iter("td") if _cls(c, "kj-indikator")) if pk or pengukuran else ():
                arah = cell.find("span", class_="kj-arah")
                if pengukuran and arah is None:
                    continue  # higher is better: said where the indicator is defined (PK / IKI table)
                assert arah is not None and re.fullmatch(
                    r"[↑↓] makin (tinggi|rendah) makin baik \((dinyatakan dalam dokumen|diasumsikan)\)", _flat(arah)
                ), path
                assert pk or _flat(arah).startswith("↓"), path  # measurement tables flag lower-is-better only
                checked += 1
    assert checked > 300

"""What the pages say, on the small fixture (rendered Markdown, no MkDocs run)."""

from __future__ import annotations

import html
import posixpath
import re

import pytest
import yaml
from site_fixtures import copy_minimal

from generator.check import check
from generator.site.compose import render_site

KD = "kota-contoh/dinas-contoh/jabatan/kepala-dinas.md"


def _text(files, path) -> str:
    md = re.sub(r"</?(strong|em|span|a|code)\b[^>]*>", "", files[path].decode("utf-8"))  # inline tags
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", md)).split())


def _render(data):
    result = check(data)
    assert not result.errors, [d.format("id") for d in result.errors]
    return render_site(result).files


@pytest.fixture(scope="module")
def minimal_files(tmp_path_factory):
    """The untouched fixture rendered once for the tests that only read its pages."""
    return _render(copy_minimal(tmp_path_factory.mktemp("minimal")))


def test_position_page_sections(minimal_files):
    files = minimal_files
    text = _text(files, KD)
    for part in (
        "Profil jabatan",
        "Atasan langsung Walikota Contoh",
        "Tugas dan fungsi",
        "Perjanjian Kinerja 2025",
        "Versi Penetapan",
        "Pengukuran Kinerja Triwulan IV 2025",
        "Pengukuran Kinerja Triwulan II 2025",
        "Anggaran Triwulan IV 2025",
        "Penandatangan",
        "Perkembangan per triwulan 2025",
    ):
        assert part in text, part
    # n/a row shows its reason; the printed-vs-computed note names the policy that reproduces it
    assert "n/a dirilis BPS tahun berikutnya" in text
    assert "tercetak di dokumen 164,07, hasil hitung ulang 164,08" in text
    assert "Pembulatan rata-rata capaian: dipotong (tanpa pembulatan) pada 2 desimal" in text
    # the budget hierarchy and the efficiency sentence
    assert "Kegiatan A1" in text and "efisiensi penggunaan sumber daya adalah 73,32%" in text
    # links: superior of the Kepala Bidang, the unit page
    assert '<a href="../kepala-dinas/">' in files["kota-contoh/dinas-contoh/jabatan/kepala-bidang-a.md"].decode()
    assert 'class="kj-unduh"' not in files[KD].decode()  # no open-data files rendered, so no dead links


def test_position_page_links_its_downloads(tmp_path):
    """Issue 21: the position's own files (CSV and XLSX for all periods, its API document as
    JSON) once at the top; each period its API report; no link repeated under the tables."""
    from generator.opendata import open_data_files

    result = check(copy_minimal(tmp_path))
    files = render_site(result, open_data=open_data_files(result)).files
    md = files[KD].decode()
    links = re.findall(r'<a href="([^"]+)" title="[^"]*" download>([^<]+)</a>', md)
    assert [label for _, label in links] == ["CSV", "XLSX", "JSON"]
    for href, _ in links:  # page-relative (…/kepala-dinas/ is a folder), every target rendered
        target = posixpath.normpath(posixpath.join(posixpath.dirname(KD), "kepala-dinas", href))
        assert target in files, href
    text = _text(files, KD)
    assert "Unduh data jabatan ini (semua periode): CSV · XLSX · JSON (" in text
    assert "Unduh data pengukuran Triwulan IV 2025: JSON " in text
    assert "Unduh data pengukuran Triwulan II 2025: JSON " in text
    assert "Unduh data anggaran" not in text and "Unduh data semua triwulan" not in text
    periods = re.findall(r'<a href="([^"]+)"(?: title="[^"]*")? download>JSON</a>', md)
    assert [h.rsplit("/", 1)[-1] for h in periods] == ["kepala-dinas.json", "2025-tw4.json", "2025-tw2.json"]
    assert "api/v1/jabatan/kota-contoh/dinas-contoh/kepala-dinas.json" in periods[0]
    assert "api/v1/laporan/kota-contoh/dinas-contoh/kepala-dinas/2025-tw4.json" in periods[1]
    for href in periods:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(KD), "kepala-dinas", href))
        assert target in files, href
    # the unit page links its agency's files and says which column holds its rows
    unit = _text(files, "kota-contoh/dinas-contoh/unit/bidang-a.md")
    assert "CSV dan XLSX: berkas perangkat daerah; baris unit ini dan unit di bawahnya menurut kolom unit_id" in unit


def test_position_page_says_each_figure_once(minimal_files):
    """Issue 21, page weight: the quarters chart has no second table of its figures (each
    quarter's measurement table holds them, as its text says); the phone labels of the
    quarter's figures are set once on the table (hasil.css), not on every cell."""
    md = minimal_files[KD].decode()
    assert "Data grafik" not in md and "Angka yang sama ada di tabel pengukuran setiap triwulan" in md
    tables = [html.unescape(t) for t in re.findall(r'<table tabindex="0" style="([^"]*)">', md)]
    assert "--kj-t:'Target s.d. TW IV';--kj-r:'Realisasi s.d. TW IV'" in tables
    assert "--kj-t:'Target s.d. TW II';--kj-r:'Realisasi s.d. TW II'" in tables
    assert "--kj-t:'Target s.d. TW IV (Rp)';--kj-r:'Realisasi s.d. TW IV (Rp)'" in tables
    bodies = "".join(re.findall(r"<tbody>.*?</tbody>", md, re.S))  # the totals rows (tfoot) keep theirs
    assert "Target s.d. TW" not in bodies and 'data-label="Capaian' not in bodies
    assert re.search(r'<span class="kj-batang" aria-hidden="true" style="--kj-c:[\d.]+%"></span>', md)


def test_indicators_without_realisation(tmp_path):
    data = copy_minimal(tmp_path)
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-dinas.yml"
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    doc["laporan"] = []
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    text = _text(_render(data), KD)
    assert "Indeks kepuasan masyarakat" in text and "87,62 indeks" in text
    assert "Belum ada realisasi yang diterbitkan untuk indikator tahun 2025" in text
    assert "Pengukuran Kinerja" not in text


def test_position_without_any_year(minimal_files):
    text = _text(minimal_files, "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a.md")
    assert "Belum ada Perjanjian Kinerja atau laporan" in text


def test_agency_tree_and_unit_pages(minimal_files):
    files = minimal_files
    agency = files["kota-contoh/dinas-contoh/index.md"].decode()
    tree = agency[agency.index('<ul class="kj-pohon">') :]
    for href in (
        'href="jabatan/kepala-dinas/"',
        'href="unit/sekretariat/"',
        'href="unit/subbag-umum/"',
        'href="unit/bidang-a/"',
        'href="jabatan/kepala-bidang-a/"',
    ):
        assert href in tree, href
    # nested lists: Subbagian Umum sits inside Sekretariat
    sek = tree.index('href="unit/sekretariat/"')
    assert tree.index('href="unit/subbag-umum/"') > sek
    unit = _text(files, "kota-contoh/dinas-contoh/unit/bidang-a.md")
    assert "Kepala Bidang A" in unit and "SITI AMINAH, SE" in unit
    home = _text(files, "index.md")
    assert "Dinas Contoh" in home and "164,08" in home and "Data per 31 Desember 2025" in home


def test_front_matter_is_yaml_with_escaped_title(minimal_files):
    files = minimal_files
    head = files[KD].decode().split("---")[1]
    meta = yaml.safe_load(head)
    assert html.unescape(meta["title"]) == "Kepala Dinas Contoh (BUDI SANTOSO, ST)"
    assert meta["perangkat_daerah_url"] == "kota-contoh/dinas-contoh/"


def test_iki_sheet_without_realisation(tmp_path):
    data = copy_minimal(tmp_path)
    year = data / "kota-contoh" / "dinas-contoh" / "2025" / "kepala-bidang-a.yml"
    year.write_text(
        yaml.safe_dump(
            {
                "jabatan": "kepala-bidang-a",
                "tahun": 2025,
                "iki": {
                    "nomor_keputusan": "800/1/2025",
                    "indikator": [
                        {
                            "id": "tenaga-bersertifikat",
                            "nomor": "1",
                            "sasaran": "Meningkatnya daya saing",
                            "indikator": "Persentase tenaga kerja bersertifikat",
                            "formula": {
                                "jenis": "rasio_x100",
                                "pembilang": "tenaga kerja bersertifikat",
                                "penyebut": "peserta pelatihan",
                            },
                            "sumber_data": "Data pelatihan",
                            "penanggung_jawab": "Bidang A",
                        }
                    ],
                },
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    text = _text(_render(data), "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a.md")
    assert "Indikator Kinerja Individu 2025" in text and "Ditetapkan dengan 800/1/2025" in text
    md = _render(data)["kota-contoh/dinas-contoh/jabatan/kepala-bidang-a.md"].decode()
    # the formula is a fraction (numerator over denominator) with a sentence for screen readers
    assert '<span class="kj-pembilang">tenaga kerja bersertifikat</span><span class="kj-penyebut">peserta pelatihan</span>' in md
    assert "tenaga kerja bersertifikat, dibagi peserta pelatihan, dikali 100 persen" in text and "× 100%" in text
    assert "Data pelatihan" in text and "Bidang A" in text
    # a sheet without any target is a definition sheet: no "Belum ada realisasi" box (issue 17)
    assert "Belum ada realisasi" not in text

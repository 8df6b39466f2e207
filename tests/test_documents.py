"""Official documents (issue 18): every bundled report's Laporan Kinerja, every Perjanjian
Kinerja and every IKI sheet made as PDF (Typst) and DOCX (wordml.py), their text read back
(pypdf, python-docx) and compared with the engine's figures; the Kota Pekalongan Kepala
Dinas LKj against the figures worked by hand from the seed document; NIPs masked in the
public copies. Everything is made once for the module (a few seconds per 50 documents)."""

from __future__ import annotations

import io
import multiprocessing
import re
from pathlib import Path

import docx
import pypdf
import pytest

from generator.check import check
from generator.core import fmt
from generator.documents.make import Maker, all_documents
from generator.render.siteindex import SiteIndex

ROOT = Path(__file__).resolve().parent.parent
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def squash(text: str) -> str:
    """Text without any whitespace: line breaks in table cells never split a figure apart."""
    return "".join(text.split())


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


_JOBS: list = []  # (jenis, content) of each document, read by the forked workers


def _make_and_read(i: int) -> tuple[bytes, bytes, str, str]:
    jenis, content = _JOBS[i]
    pdf_data, docx_data = Maker(None).make(jenis, content)
    return pdf_data, docx_data, squash(pdf_text(pdf_data)), squash(docx_text(docx_data))


@pytest.fixture(scope="module")
def made():
    """Every document of the bundled data made and read back once, on two processes."""
    result = check(ROOT / "data")
    assert not result.errors
    ds = result.dataset
    ix = SiteIndex.build(ds, result.reports)
    docs = list(all_documents(ix))
    _JOBS[:] = [(d.jenis, d.content(ds.situs.tampilan_nip, COMMIT, ds.situs.data_per)) for d in docs]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        made = pool.map(_make_and_read, range(len(docs)), chunksize=4)
    return result, [(d, job[1], *m) for d, job, m in zip(docs, _JOBS, made)]


def _texts(doc_entry):
    _d, _c, _pdf, _docx, pdf_t, docx_t = doc_entry
    return {"PDF": pdf_t, "DOCX": docx_t}


def _assert_in(entry, expected: list[str]) -> None:
    d = entry[0]
    for form, text in _texts(entry).items():
        missing = [x for x in expected if x and squash(x) not in text]
        assert not missing, f"{form} {d.path('pdf')} lacks {missing[:5]}"


def test_one_document_per_report_pk_and_iki_sheet(made):
    result, out = made
    ds = result.dataset
    kinds = [d.jenis for d, *_ in out]
    years = [y for _r, _a, _p, y in ds.years()]
    assert kinds.count("lkj") == len(result.reports) == 42
    assert kinds.count("pk") == sum(1 for y in years if y.model.perjanjian_kinerja) > 0
    assert kinds.count("iki") == sum(1 for y in years if y.model.iki is not None) > 0
    paths = [d.path("pdf") for d, *_ in out]
    assert len(set(paths)) == len(paths)
    for _d, _c, pdf_data, docx_data, *_ in out:
        assert pdf_data.startswith(b"%PDF-") and b"pdfaid:part" in pdf_data  # PDF/A metadata
        assert docx_data.startswith(b"PK")


def test_every_lkj_shows_the_engines_figures_and_signatories(made):
    result, out = made
    for entry in out:
        d = entry[0]
        if d.jenis != "lkj":
            continue
        res, lap = d.entry.res, d.entry.laporan
        expected = [f"LAPORAN KINERJA TRIWULAN {fmt.ROMAWI[res.triwulan]} TAHUN {res.tahun}", d.position.model.jabatan]
        for r in res.rows:
            expected.append(r.indikator)
            if r.realisasi is not None:
                expected.append(fmt.angka(r.realisasi))
            if r.target is not None:
                expected.append(fmt.angka(r.target))
            if r.capaian is not None:
                expected.append(fmt.angka(r.capaian))
        expected += [fmt.persen(res.rata_rata)]
        if res.predikat:
            expected.append(res.predikat.predikat)
        if res.has_budget:
            expected += [fmt.persen(res.anggaran_total), fmt.persen(res.efisiensi), fmt.rupiah(res.anggaran_pagu)]
            expected += [fmt.rupiah(res.anggaran_realisasi)]
            for b in res.budget:
                expected += [b.nama, fmt.rupiah(b.pagu), fmt.rupiah(b.realisasi), fmt.persen(b.persen)]
        for s in lap.penandatangan:
            expected += [s.nama, s.jabatan]
        _assert_in(entry, expected)
        for form, text in _texts(entry).items():
            assert ("CapaianAnggaran" in text) == res.has_budget, f"{form} {d.path('pdf')}: section C only with a budget"
            assert "Tabel2.3" in text and ("Tabel2.4" in text) == res.has_budget


def test_signatories_in_the_data_order(made):
    _result, out = made
    for entry in out:
        d = entry[0]
        if d.jenis != "lkj" or len(d.entry.laporan.penandatangan) < 2:
            continue
        names = [squash(s.nama) for s in d.entry.laporan.penandatangan]
        text = entry[4]
        tail = text[text.rfind("BABIIIPENUTUP") :]
        positions = [tail.find(n) for n in names]
        assert -1 not in positions and positions == sorted(positions), (d.path("pdf"), names)


def test_every_pk_shows_its_indicators_targets_and_both_parties(made):
    _result, out = made
    for entry in out:
        d = entry[0]
        if d.jenis != "pk":
            continue
        pk = d.year.model.perjanjian_kinerja[-1]
        expected = ["PERJANJIAN KINERJA" + (" PERUBAHAN" if pk.versi == "perubahan" else ""), "PIHAK PERTAMA", "PIHAK KEDUA"]
        expected += [i.indikator for i in pk.indikator]
        expected += [fmt.angka(i.target) for i in pk.indikator if i.target is not None]
        content = entry[1]
        expected += [content["pihak_pertama"]["nama"], (content["pihak_kedua"] or {}).get("nama", "")]
        _assert_in(entry, expected)


def test_every_iki_sheet_shows_its_indicators_sources_and_signatories(made):
    _result, out = made
    for entry in out:
        d = entry[0]
        if d.jenis != "iki":
            continue
        iki = d.year.model.iki
        expected = ["INDIKATOR KINERJA INDIVIDU", d.position.model.jabatan.upper()]
        expected += [i.indikator for i in iki.indikator] + [i.sumber_data or "" for i in iki.indikator]
        expected += [s.nama for s in iki.penandatangan]
        _assert_in(entry, expected)


def test_an_iki_sheet_has_the_letterhead_where_the_agency_address_is_in_the_data(made):
    """As the seeds: the Kota Probolinggo sheet opens with the agency's letterhead and address;
    the Kabupaten Gresik sheet (an annex of a decree, no address in the data) has none."""
    _result, out = made
    sheets = {e[0].agency.region_id: e for e in out if e[0].jenis == "iki" and e[0].position.id == "kepala-dinas"}
    letterhead = "PEMERINTAH KOTA PROBOLINGGO DINAS PERINDUSTRIAN DAN TENAGA KERJA KOTA PROBOLINGGO"
    for form, text in _texts(sheets["kota-probolinggo"]).items():
        opening = squash(letterhead + " Jl. Slamet Riyadi No. 20 Kota Probolinggo INDIKATOR KINERJA INDIVIDU")
        assert text.startswith(opening), form
    for form, text in _texts(sheets["kabupaten-gresik"]).items():
        assert squash("PEMERINTAH KABUPATEN GRESIK") not in text and text.startswith("LAMPIRAN"), form


def _kepala_dinas_pekalongan(out):
    return next(
        e
        for e in out
        if e[0].jenis == "lkj" and e[0].position.id == "kepala-dinas" and e[0].agency.region_id == "kota-pekalongan"
    )


def test_pekalongan_kepala_dinas_lkj_matches_the_figures_worked_by_hand(made):
    """The seed document (LKj TW IV 2025, Kepala Dinas Perindustrian dan Tenaga Kerja Kota
    Pekalongan), worked by hand: IKM 95,14 / 87,62 = 108,58 %; SAKIP 75,45 / 75,25 = 100,27 %;
    tenaga siap pakai 53,13 / 52,33 = 101,5288 → 101,53 (the report printed 101,52: footnote);
    the three n/a indicators score 100; average (108,58 + 100 + 100 + 100,27 + 101,5288 + 100)
    / 6 = 101,7295 → 101,72 (truncated, as printed); budget 12.565.548.704 of 13.273.572.000 =
    94,67 %; efficiency 100 − 94,67 = 5,33 %."""
    _result, out = made
    entry = _kepala_dinas_pekalongan(out)
    for form, text in _texts(entry).items():
        for figure in ("108,58", "100,27", "101,53", "101,72%", "94,67%", "5,33%", "13.273.572.000", "12.565.548.704"):
            assert figure in text, (form, figure)
        assert "Dokumenaslimencetak101,52" in text, form  # printed-vs-computed note
        assert "SangatTinggi/SangatBerhasil" in text
        assert "ACHMADAFZANARSLANDJUNAID" in text and "BETTYDAHFIANIDAHLAN" in text
        assert text.find("WALIKOTAPEKALONGAN", text.rfind("BABIIIPENUTUP")) > 0
        for n in ("2.1", "2.2", "2.3", "2.4"):
            assert f"Tabel{n}" in text, (form, n)


def test_public_copies_mask_every_nip(made):
    result, out = made
    nips = {squash(p.nip) for a in result.dataset.agencies() for pos in a.positions.values() for p in pos.model.pemangku if p.nip}
    nips |= {
        squash(s.nip)
        for _a, _p, _y, lap, _r in result.reports
        for s in lap.penandatangan
        if s.nip  # type: ignore[union-attr]
    }
    assert nips
    for entry in out:
        for form, text in _texts(entry).items():
            digits = re.sub(r"\D", "", text)
            leaked = [n for n in nips if n in text or n in digits]
            assert not leaked, (form, entry[0].path("pdf"), leaked)
    kd = _kepala_dinas_pekalongan(out)
    assert "NIP.19690203******" in kd[4] and "NIP.19690203******" in kd[5]


def test_document_properties_and_identical_bytes(made):
    _result, out = made
    entry = _kepala_dinas_pekalongan(out)
    d, content, pdf_data, docx_data = entry[:4]
    meta = pypdf.PdfReader(io.BytesIO(pdf_data)).metadata
    assert COMMIT in meta["/Subject"] and "kinerja" in meta["/Subject"]
    assert meta["/Title"].startswith("Laporan Kinerja Kepala Dinas")
    props = docx.Document(io.BytesIO(docx_data)).core_properties
    assert COMMIT in props.subject and props.title == meta["/Title"]
    again = Maker(None).make(d.jenis, content)  # a new maker: no cache, same bytes (no clock in them)
    assert again == (pdf_data, docx_data)


def test_docx_escapes_the_data_text(made):
    """Data text is untrusted: markup-like text and characters XML cannot hold reach the DOCX
    as plain text (escaped, the impossible characters dropped), never as WordprocessingML."""
    from generator.documents.word import docx_bytes

    _result, out = made
    entry = next(e for e in out if e[0].jenis == "lkj")
    hostile = 'A & B <w:p/></w:t>"]]> \x01\x0bC'

    def spoil(value):
        if isinstance(value, str):
            return value + hostile if value else value
        if isinstance(value, list):
            return [spoil(v) for v in value]
        if isinstance(value, dict):
            return {k: spoil(v) if k not in ("tanggal", "kedalaman") else v for k, v in value.items()}
        return value

    content = spoil(entry[1])
    text = squash(docx_text(docx_bytes("lkj", content)))
    assert squash('A & B <w:p/></w:t>"]]> C') in text
    assert "\x01" not in text and "\x0b" not in text
    indikator = next(r["indikator"] for r in content["pengukuran"]["rows"] if "indikator" in r)
    assert squash(indikator.replace("\x01", "").replace("\x0b", "")) in text


def test_documents_stay_small(made):
    """At province scale (14,000 documents) every KB counts: the PDF's objects are packed in
    a compressed object stream and it embeds one font (bold is the regular face stroked; no
    italic or math face); the DOCX holds only the parts and styles it uses. Typst's own
    output and python-docx's were 2-5x larger (LKj up to 199 KB and 43 KB here)."""
    _result, out = made
    for d, _c, pdf_data, docx_data, *_ in out:
        assert b"/Type/ObjStm" in pdf_data and b"/Type/XRef" in pdf_data, d.path("pdf")
        assert len(pdf_data) < 96_000 and len(docx_data) < 16_000, (d.path("pdf"), len(pdf_data), len(docx_data))
        fonts = {
            str(f.get_object()["/BaseFont"])
            for page in pypdf.PdfReader(io.BytesIO(pdf_data)).pages
            for f in page["/Resources"]["/Font"].values()
        }
        assert len(fonts) == 1 and "LibertinusSerif-Regular" in fonts.pop(), (d.path("pdf"), fonts)

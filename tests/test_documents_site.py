"""The official documents in the built site (issue 18): a "Dokumen resmi (PDF · DOCX)" link
on every position page with documents, each link resolving to a file of the site; the DIP
entries of PK, IKI and LKj in the form "PDF" and linking their document; the API index and
the zip's list of every document (address, size, SHA-256: the zip holds no copies)."""

from __future__ import annotations

import csv
import hashlib
import html as html_module
import io
import json
import re
import zipfile

import pypdf

from generator.core import addresses


def test_position_pages_link_their_documents(bundled_site):
    site = bundled_site.site
    index = json.loads((site / addresses.api_index()).read_text(encoding="utf-8"))
    documents = index["dokumen_resmi"]
    assert len(documents) == 166  # 42 LKj, 42 PK, 82 IKI sheets in the bundled data
    by_position: dict[tuple[str, str, str], list[dict]] = {}
    for d in documents:
        assert (site / d["pdf"]).is_file() and (site / d["docx"]).is_file(), d
        by_position.setdefault((d["wilayah"], d["perangkat_daerah"], d["jabatan"]), []).append(d)
    for (r, a, p), docs in by_position.items():
        page = site / addresses.url(addresses.position(r, a, p)) / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "Dokumen resmi (PDF · DOCX)" in html, page
        hrefs = re.findall(r'href="([^"]+\.(?:pdf|docx))"', html)
        targets = {(page.parent / h).resolve() for h in hrefs}
        for d in docs:
            assert (site / d["pdf"]).resolve() in targets and (site / d["docx"]).resolve() in targets, (page, d)


def test_dip_entries_offer_the_pdf(bundled_site):
    site = bundled_site.site
    page = site / addresses.url(addresses.ppid_dip("kota-pekalongan", "dinperinaker")) / "index.html"
    html = page.read_text(encoding="utf-8")
    row = re.search(r'<tr id="dinperinaker-lkj-2025-tw4-kepala-dinas".*?</tr>', html, re.S)
    assert row, "the Kepala Dinas's LKj entry"
    assert "PDF (dokumen resmi)" in html_module.unescape(row.group(0))  # its bentuk informasi
    pdf = re.search(r'href="([^"]+_lkj_2025-tw4\.pdf)"[^>]*>Unduh PDF', row.group(0))
    assert pdf, row.group(0)
    target = (page.parent / pdf.group(1)).resolve()
    text = "".join(pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text().split())
    assert "LAPORANKINERJATRIWULANIVTAHUN2025" in text


def test_zip_lists_every_document_with_its_size_and_digest(bundled_site):
    """The zip lists the documents (dokumen/daftar-dokumen.csv) instead of holding copies:
    every PDF and DOCX of the API index once, with the size and SHA-256 of the file the
    site serves; no PDF or DOCX inside the zip."""
    site = bundled_site.site
    index = json.loads((site / addresses.api_index()).read_text(encoding="utf-8"))
    with zipfile.ZipFile(site / addresses.ZIP) as z:
        names = z.namelist()
        rows = list(csv.DictReader(io.StringIO(z.read("dokumen/daftar-dokumen.csv").decode("utf-8-sig"))))
        readme = z.read("BACA-SAYA.txt").decode("utf-8")
    assert not [n for n in names if n.endswith((".pdf", ".docx"))]
    assert "dokumen/daftar-dokumen.csv" in readme and "SHA-256" in readme
    expected = {d[ext]: (d, ext) for d in index["dokumen_resmi"] for ext in ("pdf", "docx")}
    assert sorted(r["berkas"] for r in rows) == sorted(expected)
    for r in rows:
        d, ext = expected[r["berkas"]]
        data = (site / r["berkas"]).read_bytes()
        assert int(r["bytes"]) == len(data) and r["sha256"] == hashlib.sha256(data).hexdigest(), r
        assert (r["format"], r["jenis"], r["jabatan"]) == (ext, d["jenis"], d["jabatan"])
        assert r["tahun"] == ("" if d["tahun"] is None else str(d["tahun"]))
        assert r["triwulan"] == ("" if d["triwulan"] is None else str(d["triwulan"]))


def test_build_records_the_cpu_seconds_of_the_documents(bundled_site):
    """build/cache/waktu.json holds the CPU seconds spent making documents (summed over the
    workers and their Typst helpers): the session's build made all 166 of them."""
    timings = json.loads((bundled_site.docs.parent / "cache" / "waktu.json").read_text(encoding="utf-8"))
    assert timings["Dokumen resmi (CPU)"] > 0

"""The official documents in the built site (issue 18): a "Dokumen resmi (PDF · DOCX)" link
on every position page with documents, each link resolving to a file of the site; the DIP
entries of PK, IKI and LKj in the form "PDF" and linking their document; the API index and
the zip listing every document."""

from __future__ import annotations

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


def test_zip_holds_every_document(bundled_site):
    site = bundled_site.site
    index = json.loads((site / addresses.api_index()).read_text(encoding="utf-8"))
    with zipfile.ZipFile(site / addresses.ZIP) as z:
        names = set(z.namelist())
        for d in index["dokumen_resmi"]:
            assert d["pdf"] in names and d["docx"] in names, d
        member = index["dokumen_resmi"][0]["pdf"]
        assert z.read(member) == (site / member).read_bytes()

"""The editable DOCX of each official document (python-docx), for staff who must still
adjust wording before signing: the same content as the PDF (the same JSON), the same
headings, table numbers and figures; fields (page numbers, the table of contents) are
filled in by the word processor. Printed-vs-computed notes follow their table as
numbered notes (python-docx writes no footnotes).

The bytes are deterministic: fixed document properties (the document's own date) and
the package re-zipped with fixed entry times (core/archive.stable_zip).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from generator.core.archive import StableZipFile
from generator.documents import word_parts as parts


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC …), computed when the document is opened or printed."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", placeholder), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text or ""
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _new(meta: dict[str, Any], landscape: bool = False):
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(11.5)
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    if landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_height, sec.page_width = sec.page_width, sec.page_height
    sec.left_margin, sec.right_margin, sec.top_margin, sec.bottom_margin = Cm(3), Cm(2.5), Cm(2.5), Cm(2.5)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")
    cp = doc.core_properties
    y, m, d = meta["tanggal"]
    when = dt.datetime(y, m, d)
    cp.title, cp.author, cp.subject = meta["judul"], meta["penulis"], meta["subjek"]
    cp.keywords = ", ".join(meta["kata_kunci"])
    cp.comments = meta["subjek"]
    cp.last_modified_by = meta["penulis"]
    cp.created = cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    return doc


class _Members:
    """python-docx's package writer, writing into a StableZipFile (fixed entry times)."""

    def __init__(self, z: StableZipFile):
        self.z = z

    def write(self, uri, blob: bytes) -> None:
        self.z.writestr(uri.membername, blob)


def _bytes(doc, meta: dict[str, Any]) -> bytes:
    """The package as python-docx writes it (Document.save), with fixed entry times."""
    pkg = doc.part.package
    parts = list(pkg.parts)
    for part in parts:
        part.before_marshal()
    y, m, d = meta["tanggal"]
    buf = io.BytesIO()
    with StableZipFile(buf, dt.date(y, m, d)) as z:
        w = _Members(z)
        PackageWriter._write_content_types_stream(w, parts)
        PackageWriter._write_pkg_rels(w, pkg.rels)
        PackageWriter._write_parts(w, parts)  # type: ignore[arg-type]  # any object with write(uri, blob)
    return buf.getvalue()


def _centered(doc, text: str, bold: bool = True, size: float | None = None) -> None:
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(text.split("\n")):
        if i:
            p.add_run().add_break()
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


# --------------------------------------------------------------------------- Laporan Kinerja


def lkj_docx(d: dict[str, Any]) -> bytes:
    doc = _new(d["meta"])
    t = d["tabel"]
    _centered(doc, f"{d['judul']}\n{d['jabatan_lengkap'].upper()}", size=16)
    for _ in range(8):
        doc.add_paragraph()
    _centered(doc, f"{d['perangkat_daerah_wilayah'].upper()}\nTAHUN {d['tahun']}", size=14)
    _page_break(doc)

    parts.heading(doc, "KATA PENGANTAR", 1)
    doc.add_paragraph(
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena atas limpahan rahmat dan karunia-Nya Laporan "
        f"Kinerja (LKj) {d['jabatan_lengkap']} {d['periode']} dapat diselesaikan tepat waktu. Laporan Kinerja sebagai bagian "
        "dari Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) merupakan salah satu cara untuk mewujudkan tata "
        "pemerintahan yang baik (good governance), mendorong peningkatan pelayanan publik dan mencegah praktik korupsi, "
        "kolusi, dan nepotisme."
    )
    doc.add_paragraph(
        "Laporan ini disusun untuk memberikan gambaran tentang tingkat keberhasilan capaian kinerja secara berkala dalam "
        "pelaksanaan tugas pokok, fungsi dan kewenangan sebagai bentuk pertanggungjawaban kinerja, dengan mendasarkan pada "
        f"Perjanjian Kinerja Tahun {d['tahun']} yang telah ditetapkan. Angka dalam laporan ini dihitung dari data yang sama "
        "dengan yang diterbitkan di situs kinerja."
    )
    if d["pengantar"]:
        parts.signatures(doc, d["tempat_tanggal"], [d["pengantar"]])
    _page_break(doc)
    parts.heading(doc, "DAFTAR ISI", 1)
    _field(doc.add_paragraph(), 'TOC \\o "1-2" \\h', "Perbarui bidang ini (klik kanan, Update Field) untuk daftar isi.")
    parts.heading(doc, "DAFTAR TABEL", 1)
    captions = [
        (t["pk"], d["pk"]["judul"]),
        (t["skala"], "Pengukuran dengan Skala Ordinal"),
        (t["pengukuran"], d["pengukuran"]["judul"]),
    ]
    if d["anggaran"]:
        captions.append((t["anggaran"], f"Pagu Anggaran dan Realisasi Belanja Langsung Tahun Anggaran {d['tahun']}"))
    for no, cap in captions:
        doc.add_paragraph(f"Tabel {no} {cap}")
    parts.heading(doc, "DAFTAR GAMBAR", 1)
    doc.add_paragraph(f"Gambar 1.1 Struktur Jabatan {d['jabatan']}")
    _page_break(doc)

    parts.heading(doc, "BAB I PENDAHULUAN", 1)
    parts.heading(doc, "A. Tugas Pokok dan Fungsi Jabatan", 2)
    if d["tugas"]:
        doc.add_paragraph(f"Berdasarkan {d['dasar_hukum']}, {d['tugas']}" if d["dasar_hukum"] else d["tugas"])
    parts.numbered(doc, f"Uraian tugas {d['jabatan']}:", d["uraian_tugas"])
    parts.numbered(doc, f"Dalam melaksanakan tugas tersebut, {d['jabatan']} menyelenggarakan fungsi:", d["fungsi"])
    parts.heading(doc, "B. Struktur Jabatan", 2)
    doc.add_paragraph(
        f"Kedudukan {d['jabatan']} dalam struktur organisasi {d['perangkat_daerah_wilayah']}, dengan atasan dan "
        "bawahan langsungnya, sebagaimana gambar 1.1 di bawah ini:"
    )
    parts.chart(doc, d["struktur"])
    _centered(doc, f"Gambar 1.1\nStruktur Jabatan {d['jabatan']}")
    _page_break(doc)

    parts.heading(doc, "BAB II AKUNTABILITAS KINERJA JABATAN", 1)
    parts.heading(doc, "A. Perjanjian Kinerja", 2)
    doc.add_paragraph(
        "Perjanjian kinerja merupakan dokumen yang berisikan penugasan dari pimpinan instansi yang lebih tinggi kepada "
        "pimpinan instansi yang lebih rendah untuk melaksanakan program/kegiatan yang disertai dengan indikator kinerja."
    )
    doc.add_paragraph(f"Adapun perjanjian kinerja {d['jabatan']} Tahun {d['tahun']} adalah sebagai berikut:")
    parts.caption(doc, t["pk"], d["pk"]["judul"])
    parts.pk_table(doc, d["pk"]["rows"])

    parts.heading(doc, "B. Capaian Kinerja", 2)
    doc.add_paragraph(
        "Pengukuran capaian kinerja dilakukan dengan cara membandingkan antara target dengan realisasi indikator kinerja."
    )
    turun = "(2 − Realisasi ÷ Target) × 100%" if d["polaritas_turun"] == "dua_dikurangi_rasio" else "Target ÷ Realisasi × 100%"
    rumus = [
        "Apabila semakin tinggi realisasi menunjukkan semakin tingginya kinerja: Capaian Indikator Kinerja = Realisasi ÷ Target × 100%",
        f"Apabila semakin rendah realisasi menunjukkan semakin tingginya kinerja: Capaian Indikator Kinerja = {turun}",
    ]
    if d["anggaran"]:
        rumus.append(f"Efisiensi penggunaan sumber daya dihitung dengan rumus: {d['efisiensi_rumus']}.")
    parts.numbered(doc, None, rumus)
    doc.add_paragraph("Penilaian capaian kinerja setiap indikator menggunakan pengukuran dengan skala ordinal sebagai berikut:")
    parts.caption(doc, t["skala"], "Pengukuran dengan Skala Ordinal")
    parts.table(doc, ["Skala Ordinal", "Predikat / Kategori"], [[s["rentang"], s["label"]] for s in d["skala"]], [])
    doc.add_paragraph(f"Adapun capaian kinerja {d['jabatan_lengkap']} {d['periode']} sebagaimana tabel di bawah ini:")
    parts.caption(doc, t["pengukuran"], d["pengukuran"]["judul"])
    parts.measurement_table(doc, d["pengukuran"])
    parts.bold_sentence(doc, d["kalimat_rata_rata"])
    parts.numbered(doc, "Faktor pendukung dan penghambat tercapainya kinerja di antaranya sebagai berikut:", d["narasi"])

    a = d["anggaran"]
    if a:
        parts.heading(doc, "C. Capaian Anggaran", 2)
        doc.add_paragraph(
            "Dalam rangka mencapai tujuan dan sasaran organisasi telah didukung dengan program dan kegiatan dalam APBD. "
            "Adapun realisasi anggaran program dan kegiatan sebagai berikut:"
        )
        parts.caption(doc, t["anggaran"], f"Pagu Anggaran dan Realisasi Belanja Langsung Tahun Anggaran {d['tahun']}")
        parts.budget_table(doc, a, d["pengukuran"]["sd"])
        parts.bold_sentence(
            doc,
            [
                f"Dari tabel di atas dapat dilihat bahwa rata-rata realisasi anggaran {d['periode']} adalah sebesar ",
                a["total"],
                ".",
            ],
        )
        parts.bold_sentence(doc, d["kalimat_efisiensi"])

    parts.heading(doc, "BAB III PENUTUP", 1)
    parts.heading(doc, "A. Kesimpulan", 2)
    for x in d["kesimpulan"]:
        doc.add_paragraph(x)
    parts.heading(doc, "B. Rekomendasi", 2)
    if d["rekomendasi"]:
        parts.numbered(
            doc,
            f"Berdasarkan kesimpulan di atas, yang dapat direkomendasikan untuk perbaikan kinerja {d['perangkat_daerah_wilayah']} "
            f"{d['periode']} adalah sebagai berikut:",
            d["rekomendasi"],
        )
    else:
        doc.add_paragraph("Tidak ada rekomendasi yang dicatat dalam data laporan ini.")
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return _bytes(doc, d["meta"])


# --------------------------------------------------------------------------- Perjanjian Kinerja


def pk_docx(d: dict[str, Any]) -> bytes:
    doc = _new(d["meta"])
    _centered(doc, f"{d['pemerintah']}\n{d['perangkat_daerah'].upper()}", size=13)
    if d["alamat"]:
        _centered(doc, d["alamat"], bold=False, size=9.5)
    _centered(doc, f"{d['judul']}\n{d['jabatan_lengkap'].upper()}", size=13)
    doc.add_paragraph(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, "
        "kami yang bertanda tangan di bawah ini:"
    )
    for who, label, tail in (
        (d["pihak_pertama"], "PIHAK PERTAMA", "selanjutnya disebut PIHAK PERTAMA,"),
        (d["pihak_kedua"], "PIHAK KEDUA", "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA."),
    ):
        doc.add_paragraph(f"Nama\t: {who['nama'] if who else '–'}")
        doc.add_paragraph(f"Jabatan\t: {who['jabatan'] if who else '–'}")
        doc.add_paragraph(tail)
    if d["versi"] == "perubahan":
        text = f"Perjanjian ini adalah perubahan atas Perjanjian Kinerja Tahun {d['tahun']} yang telah ditetapkan sebelumnya"
        if d["alasan"]:
            text += f", dengan alasan: {d['alasan']}"
        if d["tanggal"]:
            text += f"; perubahan ditetapkan pada {d['tanggal']}"
        doc.add_paragraph(text + ".")
    doc.add_paragraph(
        "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
        "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
        "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab PIHAK PERTAMA."
    )
    doc.add_paragraph(
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian "
        "ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi."
    )
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    _page_break(doc)
    parts.caption(doc, "1", f"{d['judul']}\n{d['jabatan_lengkap']}")
    parts.pk_table(doc, d["rows"], "Sasaran Strategis")
    if d["program"]:
        parts.caption(doc, "2", f"Program dan Anggaran Tahun {d['tahun']}")
        rows = [[r["no"], r["nama"], r["pagu"]] for r in d["program"]] + [["", "Jumlah", d["jumlah_pagu"]]]
        parts.table(doc, ["No", "Program", "Anggaran (Rp)"], rows, [2])
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return _bytes(doc, d["meta"])


# --------------------------------------------------------------------------- IKI sheet


def iki_docx(d: dict[str, Any]) -> bytes:
    doc = _new(d["meta"], landscape=True)
    if d["nomor_keputusan"] or d["tanggal"]:
        p = doc.add_paragraph(
            f"LAMPIRAN : Keputusan Kepala {d['perangkat_daerah']}\nNOMOR : {d['nomor_keputusan'] or ''}\nTANGGAL : {d['tanggal']}"
        )
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _centered(
        doc,
        f"{d['judul']}\n{d['perangkat_daerah_wilayah'].upper()}" + (f"\nTAHUN {d['tahun']}" if d["tahun"] else ""),
        size=13,
    )
    doc.add_paragraph(f"JABATAN\t: {d['jabatan'].upper()}")
    doc.add_paragraph(f"TUGAS\t: {d['tugas'] or ''}")
    parts.numbered(doc, None, d["uraian_tugas"])
    parts.numbered(doc, "FUNGSI\t:" if d["fungsi"] else None, d["fungsi"])
    head = ["No", "Kinerja / Sasaran", "Indikator Kinerja Individu", "Penjelasan / Formulasi Perhitungan", "Sumber Data"]
    if d["penanggung_jawab"]:
        head.append("Penanggung Jawab")
    rows = []
    for r in d["rows"]:
        row = [r["no"], r["sasaran"], r["indikator"], parts.formula_text(r["formula"]), r["sumber_data"]]
        if d["penanggung_jawab"]:
            row.append(r["penanggung_jawab"])
        rows.append(row)
    parts.table(doc, head, rows, [])
    if d["penandatangan"]:
        parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return _bytes(doc, d["meta"])


WRITERS = {"lkj": lkj_docx, "pk": pk_docx, "iki": iki_docx}


def docx_bytes(kind: str, content: dict[str, Any]) -> bytes:
    return WRITERS[kind](content)

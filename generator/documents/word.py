"""The editable DOCX of each official document, for staff who must still adjust wording
before signing: the same content as the PDF (the same JSON), the same headings, table
numbers and figures; fields (page numbers, the table of contents) are filled in by the
word processor when the file is opened. Printed-vs-computed notes follow their table as
numbered notes. Written directly as WordprocessingML (wordml.py: ~1 ms and a few KB per
document; python-docx, still the tests' reader, took ~0.1 s and ~40 KB).
"""

from __future__ import annotations

from typing import Any

from generator.documents import word_parts as parts
from generator.documents.common import GENERATOR
from generator.documents.wordml import field, package, para

# --------------------------------------------------------------------------- Laporan Kinerja


def lkj_docx(d: dict[str, Any]) -> bytes:
    doc: parts.Body = []
    t = d["tabel"]
    parts.centered(doc, f"{d['judul']}\n{d['jabatan_lengkap'].upper()}", size=16)
    doc += ["<w:p/>"] * 8
    parts.centered(doc, f"{d['perangkat_daerah_wilayah'].upper()}\nTAHUN {d['tahun']}", size=14)
    parts.page_break(doc)

    parts.heading(doc, "KATA PENGANTAR", 1)
    parts.p(
        doc,
        "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa karena atas limpahan rahmat dan karunia-Nya Laporan "
        f"Kinerja (LKj) {d['jabatan_lengkap']} {d['periode']} dapat diselesaikan tepat waktu. Laporan Kinerja sebagai bagian "
        "dari Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) merupakan salah satu cara untuk mewujudkan tata "
        "pemerintahan yang baik (good governance), mendorong peningkatan pelayanan publik dan mencegah praktik korupsi, "
        "kolusi, dan nepotisme.",
    )
    parts.p(
        doc,
        "Laporan ini disusun untuk memberikan gambaran tentang tingkat keberhasilan capaian kinerja secara berkala dalam "
        "pelaksanaan tugas pokok, fungsi dan kewenangan sebagai bentuk pertanggungjawaban kinerja, dengan mendasarkan pada "
        f"Perjanjian Kinerja Tahun {d['tahun']} yang telah ditetapkan. Angka dalam laporan ini dihitung dari data yang sama "
        "dengan yang diterbitkan di situs kinerja.",
    )
    if d["pengantar"]:
        parts.signatures(doc, d["tempat_tanggal"], [d["pengantar"]])
    parts.page_break(doc)
    parts.heading(doc, "DAFTAR ISI", 1)
    doc.append(para(field('TOC \\o "1-2" \\h', "Perbarui bidang ini (klik kanan, Update Field) untuk daftar isi.")))
    parts.heading(doc, "DAFTAR TABEL", 1)
    captions = [
        (t["pk"], d["pk"]["judul"]),
        (t["skala"], "Pengukuran dengan Skala Ordinal"),
        (t["pengukuran"], d["pengukuran"]["judul"]),
    ]
    if d["anggaran"]:
        captions.append((t["anggaran"], f"Pagu Anggaran dan Realisasi Belanja Langsung Tahun Anggaran {d['tahun']}"))
    for no, cap in captions:
        parts.p(doc, f"Tabel {no} {cap}")
    parts.heading(doc, "DAFTAR GAMBAR", 1)
    parts.p(doc, f"Gambar 1.1 Struktur Jabatan {d['jabatan']}")
    parts.page_break(doc)

    parts.heading(doc, "BAB I PENDAHULUAN", 1)
    parts.heading(doc, "A. Tugas Pokok dan Fungsi Jabatan", 2)
    if d["tugas"]:
        parts.p(doc, f"Berdasarkan {d['dasar_hukum']}, {d['tugas']}" if d["dasar_hukum"] else d["tugas"])
    parts.numbered(doc, f"Uraian tugas {d['jabatan']}:", d["uraian_tugas"])
    parts.numbered(doc, f"Dalam melaksanakan tugas tersebut, {d['jabatan']} menyelenggarakan fungsi:", d["fungsi"])
    parts.heading(doc, "B. Struktur Jabatan", 2)
    parts.p(
        doc,
        f"Kedudukan {d['jabatan']} dalam struktur organisasi {d['perangkat_daerah_wilayah']}, dengan atasan dan "
        "bawahan langsungnya, sebagaimana gambar 1.1 di bawah ini:",
    )
    parts.chart(doc, d["struktur"])
    parts.centered(doc, f"Gambar 1.1\nStruktur Jabatan {d['jabatan']}")
    parts.page_break(doc)

    parts.heading(doc, "BAB II AKUNTABILITAS KINERJA JABATAN", 1)
    parts.heading(doc, "A. Perjanjian Kinerja", 2)
    parts.p(
        doc,
        "Perjanjian kinerja merupakan dokumen yang berisikan penugasan dari pimpinan instansi yang lebih tinggi kepada "
        "pimpinan instansi yang lebih rendah untuk melaksanakan program/kegiatan yang disertai dengan indikator kinerja.",
    )
    parts.p(doc, f"Adapun perjanjian kinerja {d['jabatan']} Tahun {d['tahun']} adalah sebagai berikut:")
    parts.caption(doc, t["pk"], d["pk"]["judul"])
    parts.pk_table(doc, d["pk"]["rows"])

    parts.heading(doc, "B. Capaian Kinerja", 2)
    parts.p(
        doc, "Pengukuran capaian kinerja dilakukan dengan cara membandingkan antara target dengan realisasi indikator kinerja."
    )
    turun = "(2 − Realisasi ÷ Target) × 100%" if d["polaritas_turun"] == "dua_dikurangi_rasio" else "Target ÷ Realisasi × 100%"
    rumus = [
        "Apabila semakin tinggi realisasi menunjukkan semakin tingginya kinerja: Capaian Indikator Kinerja = Realisasi ÷ Target × 100%",
        f"Apabila semakin rendah realisasi menunjukkan semakin tingginya kinerja: Capaian Indikator Kinerja = {turun}",
    ]
    if d["anggaran"]:
        rumus.append(f"Efisiensi penggunaan sumber daya dihitung dengan rumus: {d['efisiensi_rumus']}.")
    parts.numbered(doc, None, rumus)
    parts.p(doc, "Penilaian capaian kinerja setiap indikator menggunakan pengukuran dengan skala ordinal sebagai berikut:")
    parts.caption(doc, t["skala"], "Pengukuran dengan Skala Ordinal")
    parts.grid_table(doc, ["Skala Ordinal", "Predikat / Kategori"], [[s["rentang"], s["label"]] for s in d["skala"]], [], [1, 1])
    parts.p(doc, f"Adapun capaian kinerja {d['jabatan_lengkap']} {d['periode']} sebagaimana tabel di bawah ini:")
    parts.caption(doc, t["pengukuran"], d["pengukuran"]["judul"])
    parts.measurement_table(doc, d["pengukuran"])
    parts.bold_sentence(doc, d["kalimat_rata_rata"])
    parts.numbered(doc, "Faktor pendukung dan penghambat tercapainya kinerja di antaranya sebagai berikut:", d["narasi"])

    a = d["anggaran"]
    if a:
        parts.heading(doc, "C. Capaian Anggaran", 2)
        parts.p(
            doc,
            "Dalam rangka mencapai tujuan dan sasaran organisasi telah didukung dengan program dan kegiatan dalam APBD. "
            "Adapun realisasi anggaran program dan kegiatan sebagai berikut:",
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
        parts.p(doc, x)
    parts.heading(doc, "B. Rekomendasi", 2)
    if d["rekomendasi"]:
        parts.numbered(
            doc,
            f"Berdasarkan kesimpulan di atas, yang dapat direkomendasikan untuk perbaikan kinerja {d['perangkat_daerah_wilayah']} "
            f"{d['periode']} adalah sebagai berikut:",
            d["rekomendasi"],
        )
    else:
        parts.p(doc, "Tidak ada rekomendasi yang dicatat dalam data laporan ini.")
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return package(doc, d["meta"], GENERATOR)


# --------------------------------------------------------------------------- Perjanjian Kinerja


def _letterhead(doc: parts.Body, d: dict[str, Any]) -> None:
    """The kop surat (umum.typ's ``kop``): the government, the agency, its address."""
    parts.centered(doc, f"{d['pemerintah']}\n{d['perangkat_daerah'].upper()}", size=13)
    if d["alamat"]:
        parts.centered(doc, d["alamat"], bold=False, size=9.5)


def pk_docx(d: dict[str, Any]) -> bytes:
    doc: parts.Body = []
    _letterhead(doc, d)
    parts.centered(doc, f"{d['judul']}\n{d['jabatan_lengkap'].upper()}", size=13)
    parts.p(
        doc,
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, "
        "kami yang bertanda tangan di bawah ini:",
    )
    for who, label, tail in (
        (d["pihak_pertama"], "PIHAK PERTAMA", "selanjutnya disebut PIHAK PERTAMA,"),
        (d["pihak_kedua"], "PIHAK KEDUA", "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA."),
    ):
        parts.p(doc, f"Nama\t: {who['nama'] if who else '–'}")
        parts.p(doc, f"Jabatan\t: {who['jabatan'] if who else '–'}")
        parts.p(doc, tail)
    if d["versi"] == "perubahan":
        text = f"Perjanjian ini adalah perubahan atas Perjanjian Kinerja Tahun {d['tahun']} yang telah ditetapkan sebelumnya"
        if d["alasan"]:
            text += f", dengan alasan: {d['alasan']}"
        if d["tanggal"]:
            text += f"; perubahan ditetapkan pada {d['tanggal']}"
        parts.p(doc, text + ".")
    parts.p(
        doc,
        "PIHAK PERTAMA berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka "
        "mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan "
        "kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab PIHAK PERTAMA.",
    )
    parts.p(
        doc,
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta melakukan evaluasi terhadap capaian kinerja dari perjanjian "
        "ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
    )
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    parts.page_break(doc)
    parts.caption(doc, "1", f"{d['judul']}\n{d['jabatan_lengkap']}")
    parts.pk_table(doc, d["rows"], "Sasaran Strategis")
    if d["program"]:
        parts.caption(doc, "2", f"Program dan Anggaran Tahun {d['tahun']}")
        rows = [[r["no"], r["nama"], r["pagu"]] for r in d["program"]] + [["", "Jumlah", d["jumlah_pagu"]]]
        parts.grid_table(doc, ["No", "Program", "Anggaran (Rp)"], rows, [2], [0.6, 4, 1.6])
    parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return package(doc, d["meta"], GENERATOR)


# --------------------------------------------------------------------------- IKI sheet


def iki_docx(d: dict[str, Any]) -> bytes:
    doc: parts.Body = []
    if d["nomor_keputusan"] or d["tanggal"]:
        parts.p(
            doc,
            f"LAMPIRAN : Keputusan Kepala {d['perangkat_daerah']}\nNOMOR : {d['nomor_keputusan'] or ''}\nTANGGAL : {d['tanggal']}",
            align="right",
        )
    if d["alamat"]:  # as iki.typ: the letterhead where the agency's address is in the data
        _letterhead(doc, d)
    parts.centered(
        doc,
        f"{d['judul']}\n{d['perangkat_daerah_wilayah'].upper()}" + (f"\nTAHUN {d['tahun']}" if d["tahun"] else ""),
        size=13,
    )
    parts.p(doc, f"JABATAN\t: {d['jabatan'].upper()}")
    parts.p(doc, f"TUGAS\t: {d['tugas'] or ''}")
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
    widths = [0.5, 2, 2, 2.6, 1.4] + ([1.4] if d["penanggung_jawab"] else [])
    parts.grid_table(doc, head, rows, [], widths, landscape=True)
    if d["penandatangan"]:
        parts.signatures(doc, d["tempat_tanggal"], d["penandatangan"])
    return package(doc, d["meta"], GENERATOR, landscape=True)


WRITERS = {"lkj": lkj_docx, "pk": pk_docx, "iki": iki_docx}


def docx_bytes(kind: str, content: dict[str, Any]) -> bytes:
    return WRITERS[kind](content)

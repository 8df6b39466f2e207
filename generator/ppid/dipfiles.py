"""The DIP downloads of an agency: dip.csv (UTF-8 with BOM, the seven elements of PerKI
1/2021 plus addresses) and dip.xlsx (styled, with a "Keterangan" sheet), byte-stable for
the same content."""

from __future__ import annotations

import csv
import datetime as dt
import io

from generator.core import fmt
from generator.core.csvcell import safe_text
from generator.ppid.dipview import KELAS, KELAS_KET, KELAS_URUT
from generator.render.workbook import Column, Notes, Sheet, workbook_bytes
from generator.validate.dataset import AgencyRecord, RegionRecord

CSV_COLUMNS = (
    "nomor",
    "klasifikasi",
    "jenis",
    "ringkasan_isi",
    "pejabat_unit",
    "penanggung_jawab",
    "waktu_tempat",
    "bentuk_informasi",
    "jangka_waktu_penyimpanan",
    "alamat_dokumen",
    "permalink",
)
# The workbook's columns: record key, header, width in characters.
XLSX_COLUMNS = (
    ("nomor", "Nomor", 34),
    ("klasifikasi_label", "Klasifikasi", 22),
    ("jenis_label", "Jenis dokumen", 20),
    ("ringkasan_isi", "Ringkasan isi informasi", 60),
    ("pejabat_unit", "Pejabat/unit yang menguasai informasi", 40),
    ("penanggung_jawab", "Penanggung jawab pembuatan/penerbitan informasi", 32),
    ("waktu_tempat", "Waktu dan tempat pembuatan informasi", 26),
    ("bentuk_informasi", "Bentuk informasi yang tersedia", 26),
    ("jangka_waktu_penyimpanan", "Jangka waktu penyimpanan", 40),
    ("alamat_dokumen", "Alamat dokumen di situs", 50),
    ("permalink", "Permalink di DIP", 50),
)
XLSX_HEADERS = tuple(title for _key, title, _width in XLSX_COLUMNS)


def dip_csv(records: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads Indonesian text correctly). Every
    column is text, safe to open in a spreadsheet (core.csvcell: a cell that would be taken
    as a formula gets a leading ')."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for rec in records:
        w.writerow([safe_text(v) if isinstance(v, str) else v for v in (rec[c] for c in CSV_COLUMNS)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def dip_xlsx(records: list[dict], agency: AgencyRecord, region: RegionRecord, data_per: dt.date) -> bytes:
    """One row per entry, header and first column frozen, long text wrapped; a "Keterangan"
    sheet says whose list it is, as of when, its legal basis and what each class means.
    Written like every published workbook (render/workbook.py): data text stays text."""
    sheet = Sheet(
        "DIP",
        [Column(key, title, "string") for key, title, _width in XLSX_COLUMNS],
        [{key: rec[key] for key, _title, _width in XLSX_COLUMNS} for rec in records],
        widths=[width for _key, _title, width in XLSX_COLUMNS],
        frozen_columns=1,
        wrap=True,
    )
    notes = Notes(
        "Keterangan",
        [
            ("Daftar Informasi Publik", agency.model.nama),
            ("Wilayah", region.model.nama),
            ("Data per", fmt.tanggal(data_per)),
            ("Jumlah entri", len(records)),
            (
                "Dasar",
                "UU 14/2008 tentang Keterbukaan Informasi Publik; Peraturan Komisi Informasi Nomor 1 Tahun 2021 "
                "tentang Standar Layanan Informasi Publik (tujuh unsur DIP)",
            ),
            ("Alamat dokumen dan permalink", "Alamat relatif terhadap alamat situs ini; tambahkan di belakang alamat situs."),
            *[(KELAS[k], KELAS_KET[k]) for k in KELAS_URUT],
        ],
    )
    return workbook_bytes([sheet], notes, data_per, f"Daftar Informasi Publik {agency.model.nama}")

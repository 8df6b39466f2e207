"""The DIP downloads of an agency: dip.csv (UTF-8 with BOM, the seven elements of PerKI
1/2021 plus addresses) and dip.xlsx (styled, with a "Keterangan" sheet), byte-stable for
the same content."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile

from generator.core import fmt
from generator.core.archive import stable_zip
from generator.ppid.dipview import KELAS, KELAS_KET, KELAS_URUT
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
XLSX_HEADERS = (
    "Nomor",
    "Klasifikasi",
    "Jenis dokumen",
    "Ringkasan isi informasi",
    "Pejabat/unit yang menguasai informasi",
    "Penanggung jawab pembuatan/penerbitan informasi",
    "Waktu dan tempat pembuatan informasi",
    "Bentuk informasi yang tersedia",
    "Jangka waktu penyimpanan",
    "Alamat dokumen di situs",
    "Permalink di DIP",
)
XLSX_WIDTHS = (34, 22, 20, 60, 40, 32, 26, 26, 40, 50, 50)


def dip_csv(records: list[dict]) -> bytes:
    """UTF-8 with a byte-order mark (Excel then reads Indonesian text correctly)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for rec in records:
        w.writerow([rec[c] for c in CSV_COLUMNS])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _stable_zip(data: bytes, when: dt.date) -> bytes:
    """The same workbook bytes for the same content: every entry re-stamped with one time."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return stable_zip([(info.filename, src.read(info)) for info in src.infolist()], when, sort=False)


def _as_text(cell) -> None:
    """openpyxl stores any text starting with "=" as a formula; data text is untrusted and
    must open as the text it is (as in opendata/xlsxfile.py)."""
    if cell.data_type == "f":
        cell.data_type = "s"


def dip_xlsx(records: list[dict], agency: AgencyRecord, region: RegionRecord, data_per: dt.date) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    wb = Workbook()
    ws = wb.active
    ws.title = "DIP"
    ws.append(list(XLSX_HEADERS))
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3A68")
    wrap = Alignment(wrap_text=True, vertical="top")
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = head_font, head_fill, wrap
    for rec in records:
        ws.append(
            [
                rec["nomor"],
                rec["klasifikasi_label"],
                rec["jenis_label"],
                rec["ringkasan_isi"],
                rec["pejabat_unit"],
                rec["penanggung_jawab"],
                rec["waktu_tempat"],
                rec["bentuk_informasi"],
                rec["jangka_waktu_penyimpanan"],
                rec["alamat_dokumen"],
                rec["permalink"],
            ]
        )
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            _as_text(cell)
    for i, width in enumerate(XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(XLSX_HEADERS))}{len(records) + 1}"

    notes = wb.create_sheet("Keterangan")
    lines = [
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
    ] + [(KELAS[k], KELAS_KET[k]) for k in KELAS_URUT]
    for label, value in lines:
        notes.append([label, value])
    for cell in notes["A"]:
        cell.font = Font(bold=True)
    for row in notes.iter_rows():
        for cell in row:
            cell.alignment = wrap
            _as_text(cell)
    notes.column_dimensions["A"].width = 34
    notes.column_dimensions["B"].width = 100

    moment = dt.datetime(data_per.year, data_per.month, data_per.day)
    wb.properties.creator = "kinerja"
    wb.properties.created = moment
    wb.properties.modified = moment
    wb.properties.title = f"Daftar Informasi Publik {agency.model.nama}"
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)
    ExcelWriter(wb, archive).save()  # not wb.save(): that stamps the current time
    return _stable_zip(buf.getvalue(), data_per)

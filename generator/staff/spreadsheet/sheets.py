"""What a kinerja workbook is: its sheets, the format stamp, the columns of each sheet
(export writes these headers, import insists on finding them unchanged), the ``hapus``
marker, and SheetError for a workbook or YAML file that cannot be used at all.

Columns are editable (staff fill them in), locked (ids and everything the Perjanjian
Kinerja or the budget fixes: import refuses a change there), or ``info`` (shown beside
the figures, such as last quarter's realisation; import does not read them)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.fmt import ROMAWI

FORMAT = "kinerja-xlsx/2"
REALISASI, ANGGARAN, NARASI, PETUNJUK, META, DAFTAR = "Realisasi", "Anggaran", "Narasi", "Petunjuk", "_kinerja", "_daftar"
DATA_SHEETS = (REALISASI, ANGGARAN, NARASI)
NARASI_PARTS = ["keterangan", "faktor_pendukung", "faktor_penghambat", "upaya", "kesimpulan", "rekomendasi"]
EXTRA_NARASI_ROWS = 30  # empty, editable rows for new narrative items
# The explicit deletion marker: a cleared cell keeps the stored value; this word deletes it.
HAPUS = "hapus"
# Units whose figures are percentages: a cell Excel stores as 0.955 with a percent
# format ("95,5%") is read as 95.5 for these.
PERCENT_UNITS = {"%", "persen", "persentase", "prosentase"}


def is_percent_unit(satuan: str | None) -> bool:
    unit = (satuan or "").strip().lower()
    return unit in PERCENT_UNITS or unit.startswith("%")


class SheetError(Exception):
    """The workbook or the YAML file cannot be used at all (not one cell: the whole file)."""


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text | number | id | info (shown only, never read back)
    editable: bool = True
    width: int = 14


def realisasi_cols(tw: int, prev: int | None = None) -> list[Col]:
    """``prev``: the quarter of the latest earlier report, shown beside the realisation."""
    r = ROMAWI[tw]
    shown_prev = [Col("sebelumnya", f"Realisasi s.d. TW {ROMAWI[prev]} (sudah dilaporkan)", "info", False, 16)] if prev else []
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26),
        Col("induk", "Induk", "id", False, 14),
        Col("nomor", "No", editable=False),
        Col("sasaran", "Sasaran", editable=False, width=40),
        Col("indikator", "Indikator", editable=False, width=50),
        Col("satuan", "Satuan", editable=False, width=12),
        Col("polaritas", "Polaritas", editable=False, width=11),
        Col("target", "Target tahunan", "number", False),
        Col("target_tw", f"Target s.d. TW {r} (kosong = target tahunan)", "number", False, 18),
        *shown_prev,
        Col("realisasi", f"Realisasi s.d. TW {r}", "number", width=16),
        Col("na", "Alasan bila data belum tersedia (n/a)", width=30),
        Col("catatan", "Catatan", width=30),
    ]


def anggaran_cols(tw: int, prev: int | None = None) -> list[Col]:
    r = ROMAWI[tw]
    shown_prev = (
        [Col("sebelumnya", f"Realisasi s.d. TW {ROMAWI[prev]} (Rp, sudah dilaporkan)", "info", False, 18)] if prev else []
    )
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26),
        Col("induk", "Induk", "id", False, 14),
        Col("jenis", "Jenis", "text", False, 12),
        Col("nomor", "No", "text", False, 6),
        Col("nama", "Nama program / kegiatan", "text", False, 50),
        Col("pagu", "Pagu (Rp)", "number", False, 18),
        Col("target", f"Target s.d. TW {r} (Rp)", "number", width=18),
        *shown_prev,
        Col("realisasi", f"Realisasi s.d. TW {r} (Rp)", "number", width=18),
    ]


NARASI_COLS = [
    Col("butir", "Butir tersimpan (jangan diubah)", "id", False, 16),
    Col("bagian", "Bagian", width=20),
    Col("teks", "Teks (satu butir per baris)", width=100),
]

"""What a kinerja workbook is: its sheets, the format stamp, the columns of each sheet
(export writes these headers, import insists on finding them unchanged), and SheetError
for a workbook or YAML file that cannot be used at all."""

from __future__ import annotations

from dataclasses import dataclass

from generator.core.fmt import ROMAWI
from generator.validate.rules import COUNT_UNITS

FORMAT = "kinerja-xlsx/1"
REALISASI, ANGGARAN, NARASI, PETUNJUK, META, DAFTAR = "Realisasi", "Anggaran", "Narasi", "Petunjuk", "_kinerja", "_daftar"
NARASI_PARTS = ["keterangan", "faktor_pendukung", "faktor_penghambat", "upaya", "kesimpulan", "rekomendasi"]
EXTRA_NARASI_ROWS = 30  # empty, editable rows for new narrative items
COMMON_UNITS = ["%", "persen", "indeks", "nilai", "predikat", "rasio", "rupiah"] + sorted(COUNT_UNITS)


class SheetError(Exception):
    """The workbook or the YAML file cannot be used at all (not one cell: the whole file)."""


@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text | number | id
    editable: bool = True
    width: int = 14


def realisasi_cols(tw: int) -> list[Col]:
    r = ROMAWI[tw]
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26),
        Col("induk", "Induk", "id", False, 14),
        Col("nomor", "No"),
        Col("sasaran", "Sasaran", width=40),
        Col("indikator", "Indikator", width=50),
        Col("satuan", "Satuan", width=12),
        Col("polaritas", "Polaritas", width=11),
        Col("target", "Target tahunan", "number"),
        Col("target_tw", f"Target s.d. TW {r} (kosong = target tahunan)", "number", width=18),
        Col("realisasi", f"Realisasi s.d. TW {r}", "number", width=16),
        Col("na", "Alasan bila data belum tersedia (n/a)", width=30),
        Col("catatan", "Catatan", width=30),
    ]


def anggaran_cols(tw: int) -> list[Col]:
    r = ROMAWI[tw]
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26),
        Col("induk", "Induk", "id", False, 14),
        Col("jenis", "Jenis", "text", False, 12),
        Col("nomor", "No", "text", False, 6),
        Col("nama", "Nama program / kegiatan", "text", False, 50),
        Col("pagu", "Pagu (Rp)", "number", False, 18),
        Col("target", f"Target s.d. TW {r} (Rp)", "number", width=18),
        Col("realisasi", f"Realisasi s.d. TW {r} (Rp)", "number", width=18),
    ]


NARASI_COLS = [Col("bagian", "Bagian", width=20), Col("teks", "Teks (satu butir per baris)", width=100)]

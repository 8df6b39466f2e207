"""The results of the compute stage: one report's figures (ReportResult) with its
indicator rows (RowResult), budget rows (BudgetRow) and the printed figures that differ
(Discrepancy), and why a row is left out of the average (EXCLUSIONS).

generator/compute/engine.py fills them; everything after compute reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.compute.policy import Band, Policy

# Why a row is left out of the average (RowResult.pengecualian), in words that finish the
# sentence "… tidak ikut dihitung dalam rata-rata karena …". The first two are what a
# policy says (and the page says it next to the row); every other reason is reported by
# check as a warning (EXCLUDED_FROM_AVERAGE) when it drops a measurable indicator.
EXCLUSIONS: dict[str, str] = {
    "na": "datanya belum tersedia (n/a) dan kebijakan data_tidak_tersedia mengecualikannya",
    "target_nol": "targetnya 0 dan kebijakan target_nol mengecualikannya",
    "tanpa_target": "tidak ada target pembanding untuk triwulan ini",
    "realisasi_nol": (
        "realisasinya 0 pada indikator yang makin rendah makin baik, sehingga rumus target ÷ realisasi tidak dapat dihitung"
    ),
    "tanpa_realisasi": "realisasinya tidak ada dalam laporan",
    "baris_induk": "yang dihitung adalah baris rinciannya",
    "baris_rincian": "yang dihitung adalah baris induknya",
    "laporan_kosong": "laporan ini tidak memuat realisasi per indikator",
    "nilai_teks": "nilainya tercetak sebagai kata, bukan angka, sehingga capaian tidak dapat dihitung",
    "tidak_diisi": "nilainya tidak diisi dalam dokumen (tercetak “-”)",
    "bukan_indikator": "baris ini bukan indikator (NIHIL, baris kosong, atau komponen indikator di atasnya)",
}
# The reasons no policy states: each one leaves a warning and a note on the position page.
UNSTATED_EXCLUSIONS = {"tanpa_target", "realisasi_nol", "tanpa_realisasi"}
# The reasons the document itself gives (a value printed as a word or a dash): no warning,
# but the page notes them next to the average.
PRINTED_EXCLUSIONS = {"nilai_teks", "tidak_diisi"}


@dataclass
class RowResult:
    id: str
    nomor: str | None
    kelompok: str | None
    sasaran: str | None
    indikator: str
    satuan: str | None
    polaritas: str
    induk: str | None  # parent indicator id for rincian rows
    kedalaman: int
    target_tahunan: Decimal | None
    target: Decimal | None  # the target the realisation is compared with
    realisasi: Decimal | None
    # terukur | na | target_nol | tak_terhitung | belum_ada | teks (a value printed as a
    # word) | tidak_diisi (printed as a dash) | bukan_indikator (NIHIL, blank, component row)
    status: str
    na_alasan: str | None
    capaian_penuh: Decimal | None
    capaian: Decimal | None
    dihitung: bool
    predikat: str | None
    tercetak: Decimal | None = None
    pengecualian: str | None = None  # why the row is not counted: a key of EXCLUSIONS
    jenis_baris: str = "indikator"  # indikator | nihil | kosong | komponen
    pengukuran: str = "kumulatif"  # kumulatif (s.d. TW) | per_triwulan (the quarter alone)
    dasar_target: str = "target_sd_triwulan"  # the target used: the policy's or the row's own
    target_teks: str | None = None  # the target as printed when a word or a dash
    realisasi_teks: str | None = None  # the realisation as printed when a word or a dash

    @property
    def alasan_pengecualian(self) -> str | None:
        """Why the row is left out of the average, in Indonesian (None when it is counted)."""
        return EXCLUSIONS.get(self.pengecualian) if self.pengecualian else None

    @property
    def dikecualikan_tanpa_kebijakan(self) -> bool:
        """Left out of the average for a reason no policy states (see UNSTATED_EXCLUSIONS)."""
        return self.pengecualian in UNSTATED_EXCLUSIONS

    @property
    def dikecualikan_dicatat(self) -> bool:
        """Left out of the average for a reason the page notes beside the table: no policy
        states it, or the document printed the value as a word or a dash."""
        return self.pengecualian in UNSTATED_EXCLUSIONS | PRINTED_EXCLUSIONS


@dataclass
class BudgetRow:
    id: str
    jenis: str
    nomor: str | None
    nama: str
    induk: str | None
    kedalaman: int
    pagu: Decimal
    target: Decimal | None
    realisasi: Decimal | None
    persen_penuh: Decimal | None
    persen: Decimal | None
    tercetak: Decimal | None = None
    sumber_dana: str | None = None  # funding source as printed (APBD, DAK, BLUD …)


@dataclass
class Discrepancy:
    angka: str  # stable figure key: capaian:<id>, rata_rata_capaian, predikat, anggaran:<id>, ...
    label: str  # Indonesian description of the figure
    tercetak: Decimal | str
    dihitung: Decimal | str | None
    direproduksi_oleh: list[dict[str, object]] = field(default_factory=list)


@dataclass
class ReportResult:
    tahun: int
    triwulan: int
    policy: Policy
    rows: list[RowResult]
    rata_rata: Decimal | None
    rata_rata_penuh: Decimal | None
    jumlah_dihitung: int
    predikat: Band | None
    budget: list[BudgetRow]
    anggaran_pagu: Decimal | None
    anggaran_target: Decimal | None
    anggaran_realisasi: Decimal | None
    anggaran_total: Decimal | None
    efisiensi: Decimal | None
    discrepancies: list[Discrepancy] = field(default_factory=list)

    @property
    def has_budget(self) -> bool:
        return bool(self.budget)

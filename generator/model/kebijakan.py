"""Calculation policies: rounding rules, the predikat scale and the named choices a file
may override (site → region → perangkat daerah → position-year → one report)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.fields import Angka, Id, Model, Teks

Pembulatan = Literal["setengah_ke_atas", "potong"]


class AturanPembulatan(Model):
    cara: Pembulatan = "setengah_ke_atas"
    desimal: int = Field(2, ge=0, le=6)


class Predikat(Model):
    """One band of the ordinal scale: applies to capaian strictly above ``di_atas``
    (the lowest band uses ``di_atas: null`` and takes everything from 0)."""

    di_atas: Angka | None = None
    predikat: Teks
    kategori: Teks | None = None  # the second label, e.g. "Sangat Berhasil"


class PenurunanKumulatif(Model):
    """A documented exception to "cumulative realisations never go down": the agency
    really corrected an earlier quarter's figure downward (or the figure is a ratio of
    cumulative sums, which can fall). With it a decrease is a warning quoting ``alasan``
    instead of an error. Not a calculation policy: compute ignores it."""

    alasan: Teks  # why the figure went down, e.g. the letter that corrected it
    untuk: list[Id] = Field(default_factory=list)  # indicator or budget-row ids; empty: all


class Kebijakan(Model):
    """Named calculation policies. Every field is optional here: a file sets only what
    it overrides; generator/compute/policy.py holds the defaults and the merge order
    (site → perangkat daerah → position-year → one report)."""

    polaritas_turun: Literal["target_per_realisasi", "dua_dikurangi_rasio"] | None = None
    dasar_target: Literal["target_sd_triwulan", "target_tahunan"] | None = None
    batas_capaian: Angka | None = None
    tanpa_batas_capaian: bool | None = None
    pembulatan_capaian: AturanPembulatan | None = None
    data_tidak_tersedia: Literal["kecualikan", "skor_100"] | None = None
    target_nol: Literal["kecualikan", "skor_100", "skor_0"] | None = None
    rata_rata_dari: Literal["nilai_dibulatkan", "nilai_penuh"] | None = None
    pembulatan_rata_rata: AturanPembulatan | None = None
    anggaran_total: Literal["tertimbang", "rata_rata_baris"] | None = None
    pembulatan_anggaran: AturanPembulatan | None = None
    pembulatan_anggaran_total: AturanPembulatan | None = None
    efisiensi: Literal["rasio", "selisih", "sisa_anggaran"] | None = None
    pembulatan_efisiensi: AturanPembulatan | None = None
    skala_predikat: list[Predikat] | None = None
    # Not a calculation: where cumulative realisations may go down (validate/rules/reports.py).
    penurunan_kumulatif: PenurunanKumulatif | None = None

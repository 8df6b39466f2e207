"""Calculation policies: the documented defaults and how overrides combine.

Every choice the source documents make differently is a named policy (BRIEF section 4).
Overrides apply in order: site (data/site.yml) → region (wilayah.yml) → perangkat daerah
→ one position's year file → one report (``laporan[].kebijakan``); the last one that
sets a field wins. The Metodologi page is generated from the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal
from typing import Any

from generator.model import AturanPembulatan, Kebijakan, Predikat


@dataclass(frozen=True)
class Rounding:
    cara: str = "setengah_ke_atas"  # setengah_ke_atas (half-up) | potong (truncate)
    desimal: int = 2


@dataclass(frozen=True)
class Band:
    di_atas: Decimal | None  # capaian strictly above this value; None = the lowest band
    predikat: str
    kategori: str | None


# The documents' ordinal scale (Permendagri 54/2010 as printed in every LKj), made
# gap-free: the printed "90,1 s.d. lebih / 75,1 s.d. 90" leaves 90 < x < 90,1 unassigned,
# so each band starts strictly above the previous band's upper bound.
DEFAULT_SCALE: tuple[Band, ...] = (
    Band(Decimal(90), "Sangat Tinggi", "Sangat Berhasil"),
    Band(Decimal(75), "Tinggi", "Berhasil"),
    Band(Decimal(65), "Sedang", "Cukup Berhasil"),
    Band(Decimal(50), "Rendah", "Tidak Berhasil"),
    Band(None, "Sangat Rendah", "Sangat Tidak Berhasil"),
)


@dataclass(frozen=True)
class Policy:
    """A fully resolved policy set. Field names match the YAML keys of ``kebijakan``."""

    polaritas_turun: str = "target_per_realisasi"  # | dua_dikurangi_rasio: (2 − R/T) × 100
    dasar_target: str = "target_sd_triwulan"  # | target_tahunan
    batas_capaian: Decimal | None = None  # None: never capped (what the documents do)
    pembulatan_capaian: Rounding = Rounding()
    data_tidak_tersedia: str = "kecualikan"  # | skor_100
    target_nol: str = "kecualikan"  # | skor_100 | skor_0  (target 0 or 0/0)
    rata_rata_dari: str = "nilai_dibulatkan"  # | nilai_penuh
    pembulatan_rata_rata: Rounding = Rounding()
    anggaran_total: str = "tertimbang"  # | rata_rata_baris
    pembulatan_anggaran: Rounding = Rounding()
    pembulatan_anggaran_total: Rounding = Rounding()
    efisiensi: str = "rasio"  # ((K/A) − 1) × 100 | selisih: K − A | sisa_anggaran: 100 − A
    pembulatan_efisiensi: Rounding = Rounding()
    skala_predikat: tuple[Band, ...] = DEFAULT_SCALE

    def apply(self, override: Kebijakan | None) -> Policy:
        if override is None:
            return self
        changes: dict[str, Any] = {}
        for name in override.model_fields_set:
            value = getattr(override, name)
            if value is None:
                continue
            if isinstance(value, AturanPembulatan):
                value = Rounding(value.cara, value.desimal)
            elif name == "skala_predikat":
                value = tuple(Band(b.di_atas, b.predikat, b.kategori) for b in _sorted_scale(value))
            elif name == "tanpa_batas_capaian":
                if value:
                    changes["batas_capaian"] = None
                continue
            elif name == "penurunan_kumulatif":  # a check rule (validate/rules/reports.py), not a calculation
                continue
            changes[name] = value
        return replace(self, **changes) if changes else self

    def differences(self, other: Policy) -> dict[str, tuple[object, object]]:
        return {
            f.name: (getattr(self, f.name), getattr(other, f.name))
            for f in fields(self)
            if getattr(self, f.name) != getattr(other, f.name)
        }


DEFAULT = Policy()


def _sorted_scale(bands: list[Predikat]) -> list[Predikat]:
    return sorted(bands, key=lambda b: (b.di_atas is None, -(b.di_atas or 0)))


def resolve(*overrides: Kebijakan | None) -> Policy:
    policy = DEFAULT
    for o in overrides:
        policy = policy.apply(o)
    return policy


# Human descriptions, used by the README, `kinerja check --explain` and the Metodologi page.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "polaritas_turun": {
        "_": "Rumus capaian untuk indikator yang makin rendah makin baik",
        "target_per_realisasi": "Target ÷ Realisasi × 100 (rumus yang tercetak di LKj)",
        "dua_dikurangi_rasio": "(2 − Realisasi ÷ Target) × 100 (pedoman kinerja individu nasional)",
    },
    "dasar_target": {
        "_": "Target pembanding realisasi",
        "target_sd_triwulan": "target kumulatif s.d. triwulan laporan",
        "target_tahunan": "target tahunan",
    },
    "batas_capaian": {"_": "Batas atas capaian per indikator (kosong: tidak dibatasi)"},
    "pembulatan_capaian": {"_": "Pembulatan capaian per indikator"},
    "data_tidak_tersedia": {
        "_": "Indikator yang datanya belum tersedia (n/a)",
        "kecualikan": "tidak dihitung dalam rata-rata",
        "skor_100": "diberi skor 100 dan dihitung dalam rata-rata",
    },
    "target_nol": {
        "_": "Indikator dengan target 0 (termasuk 0/0)",
        "kecualikan": "tidak dihitung dalam rata-rata",
        "skor_100": "diberi skor 100 dan dihitung",
        "skor_0": "diberi skor 0 dan dihitung",
    },
    "rata_rata_dari": {
        "_": "Dasar rata-rata capaian",
        "nilai_dibulatkan": "rata-rata hitung dari capaian per indikator yang sudah dibulatkan (seperti tercetak di tabel)",
        "nilai_penuh": "rata-rata hitung dari capaian per indikator tanpa pembulatan",
    },
    "pembulatan_rata_rata": {"_": "Pembulatan rata-rata capaian"},
    "anggaran_total": {
        "_": "Capaian anggaran total",
        "tertimbang": "Σ realisasi ÷ Σ target × 100 atas pos anggaran teratas (tertimbang Rupiah)",
        "rata_rata_baris": "rata-rata hitung persentase pos anggaran teratas yang targetnya bukan 0",
    },
    "pembulatan_anggaran": {"_": "Pembulatan persentase anggaran per pos"},
    "pembulatan_anggaran_total": {"_": "Pembulatan capaian anggaran total"},
    "efisiensi": {
        "_": "Efisiensi penggunaan sumber daya (K = capaian kinerja, A = capaian anggaran)",
        "rasio": "((K ÷ A) − 1) × 100 (rumus yang tercetak di LKj)",
        "selisih": "K − A",
        "sisa_anggaran": "100 − A",
    },
    "pembulatan_efisiensi": {"_": "Pembulatan efisiensi"},
    "skala_predikat": {"_": "Skala ordinal predikat"},
}

ROUNDING_LABELS = {"setengah_ke_atas": "dibulatkan setengah ke atas", "potong": "dipotong (tanpa pembulatan)"}

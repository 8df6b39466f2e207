"""Policy values in words, for the Metodologi page and the printed-vs-computed notes.

Texts come from generator/compute/policy.py (DESCRIPTIONS, ROUNDING_LABELS) so the page can never
describe a rule the engine does not apply.
"""

from __future__ import annotations

import re
from dataclasses import fields
from decimal import Decimal

from generator.compute.policy import DEFAULT, DESCRIPTIONS, ROUNDING_LABELS, Band, Policy, Rounding
from generator.core.fmt import angka

# Policies shown as rows of the Metodologi table (the scale gets its own table).
SCALAR = [f.name for f in fields(Policy) if f.name != "skala_predikat"]


def nama(name: str) -> str:
    text = DESCRIPTIONS.get(name, {}).get("_", name)
    return re.sub(r"\s*\(kosong:[^)]*\)$", "", text)  # the value sentence says it


def nilai(name: str, value: object) -> str:
    """One policy value in Indonesian. Accepts the engine's objects (Rounding, Decimal)
    and the plain forms used in Discrepancy.direproduksi_oleh (dict, str)."""
    if isinstance(value, dict) and {"cara", "desimal"} <= value.keys():
        value = Rounding(str(value["cara"]), int(value["desimal"]))
    if isinstance(value, Rounding):
        return f"{ROUNDING_LABELS.get(value.cara, value.cara)} pada {value.desimal} desimal"
    if name == "batas_capaian":
        if value is None:
            return "tidak dibatasi: capaian di atas 100% tetap dipakai apa adanya"
        return f"dibatasi paling tinggi {angka(Decimal(str(value)))}%"
    if name == "skala_predikat":
        return "lihat tabel skala predikat"
    text = DESCRIPTIONS.get(name, {}).get(str(value))
    return text if text else str(value)


def baris(policy: Policy, base: Policy = DEFAULT) -> list[dict]:
    """Every scalar policy with its description, active value and whether it is the default."""
    return [
        {"kunci": n, "nama": nama(n), "nilai": nilai(n, getattr(policy, n)), "bawaan": getattr(policy, n) == getattr(base, n)}
        for n in SCALAR
    ]


def perubahan(changes: dict[str, object]) -> list[str]:
    """``{name: value}`` → ["Pembulatan rata-rata capaian: dipotong …, 2 desimal", …]."""
    return [f"{nama(k)}: {nilai(k, v)}" for k, v in changes.items()]


def beda(policy: Policy, base: Policy) -> list[str]:
    """How ``policy`` differs from ``base``, in words."""
    return perubahan({k: new for k, (old, new) in base.differences(policy).items()})


def skala(bands: tuple[Band, ...]) -> list[dict]:
    """The gap-free scale as rows: rentang (range in words), predikat, kategori."""
    rows = []
    upper: Decimal | None = None
    for band in bands:
        if band.di_atas is None:
            rentang = f"0 s.d. {angka(upper)}" if upper is not None else "semua nilai"
        elif upper is None:
            rentang = f"lebih dari {angka(band.di_atas)}"
        else:
            rentang = f"lebih dari {angka(band.di_atas)} s.d. {angka(upper)}"
        rows.append({"rentang": rentang, "predikat": band.predikat, "kategori": band.kategori})
        upper = band.di_atas
    return rows

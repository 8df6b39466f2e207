"""Policy values in words, for the Metodologi page and the printed-vs-computed notes.

Texts come from generator/compute/policy.py (DESCRIPTIONS, ROUNDING_LABELS) so the page can never
describe a rule the engine does not apply.
"""

from __future__ import annotations

import re
from dataclasses import fields
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

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


# What each rounding policy rounds, for the plain explanation.
_DIBULATKAN = {
    "pembulatan_capaian": "capaian setiap indikator",
    "pembulatan_rata_rata": "rata-rata capaian",
    "pembulatan_anggaran": "persentase anggaran setiap pos",
    "pembulatan_anggaran_total": "capaian anggaran total",
    "pembulatan_efisiensi": "efisiensi",
}
_CONTOH = Decimal("101.578964")  # rounds differently from truncation at 0 to 5 decimals

# One plain sentence per policy value: what it means for the figures a citizen reads.
_ARTI: dict[str, dict[str, str]] = {
    "polaritas_turun": {
        "target_per_realisasi": "untuk indikator yang makin rendah makin baik, capaian adalah target dibagi realisasi, "
        "jadi makin kecil realisasinya makin tinggi capaiannya",
        "dua_dikurangi_rasio": "untuk indikator yang makin rendah makin baik, capaian adalah 2 dikurangi realisasi per "
        "target, jadi realisasi yang sama dengan target memberi 100%",
    },
    "dasar_target": {
        "target_sd_triwulan": "realisasi dibandingkan dengan target sampai triwulan laporan, bukan target setahun penuh",
        "target_tahunan": "realisasi sampai triwulan laporan dibandingkan dengan target setahun penuh, "
        "sehingga capaian triwulan awal tampak rendah",
    },
    "data_tidak_tersedia": {
        "kecualikan": "indikator yang datanya belum ada tidak ikut dirata-rata",
        "skor_100": "indikator yang datanya belum ada dianggap tercapai penuh (100) dan ikut dirata-rata, "
        "walaupun hasilnya belum diketahui",
    },
    "target_nol": {
        "kecualikan": "indikator yang targetnya 0 tidak ikut dirata-rata",
        "skor_100": "indikator yang targetnya 0 dianggap tercapai penuh (100) dan ikut dirata-rata",
        "skor_0": "indikator yang targetnya 0 diberi nilai 0 dan ikut dirata-rata",
    },
    "rata_rata_dari": {
        "nilai_dibulatkan": "rata-rata dihitung dari capaian setiap indikator yang sudah dibulatkan seperti tercetak di tabel",
        "nilai_penuh": "rata-rata dihitung dari capaian setiap indikator sebelum dibulatkan",
    },
    "anggaran_total": {
        "tertimbang": "capaian anggaran adalah seluruh realisasi dibagi seluruh target, "
        "sehingga program beranggaran besar lebih berpengaruh",
        "rata_rata_baris": "capaian anggaran adalah rata-rata persentase setiap program, tanpa memperhitungkan besar anggarannya",
    },
    "efisiensi": {
        "rasio": "efisiensi adalah capaian kinerja dibagi capaian anggaran, dikurangi 1, dikali 100; "
        "nilai positif berarti kinerja lebih tinggi daripada penyerapan anggaran",
        "selisih": "efisiensi adalah capaian kinerja dikurangi capaian anggaran; "
        "nilai positif berarti kinerja lebih tinggi daripada penyerapan anggaran",
        "sisa_anggaran": "efisiensi adalah 100 dikurangi capaian anggaran, yaitu bagian anggaran yang tidak terpakai",
    },
}


def arti(name: str, value: object) -> str:
    """One plain sentence saying what a policy value means for the figures."""
    if isinstance(value, dict) and {"cara", "desimal"} <= value.keys():
        value = Rounding(str(value["cara"]), int(value["desimal"]))
    if isinstance(value, Rounding):
        what = _DIBULATKAN.get(name, "angka")
        step = Decimal(1).scaleb(-value.desimal)
        potong, bulat = _CONTOH.quantize(step, ROUND_DOWN), _CONTOH.quantize(step, ROUND_HALF_UP)
        contoh = angka(_CONTOH.quantize(Decimal("0.000001")))
        digits = f"sampai {value.desimal} angka di belakang koma" if value.desimal else "tanpa angka di belakang koma"
        if value.cara == "potong":
            return (
                f"Artinya: {what} ditulis {digits} dan sisanya dibuang, tidak dibulatkan "
                f"(misalnya {contoh} menjadi {angka(potong)}, bukan {angka(bulat)})."
            )
        return f"Artinya: {what} dibulatkan {digits} (misalnya {contoh} menjadi {angka(bulat)})."
    if name == "batas_capaian":
        if value is None:
            return "Artinya: capaian di atas 100% dipakai apa adanya dalam rata-rata."
        limit = angka(Decimal(str(value)))
        return f"Artinya: capaian setiap indikator yang lebih dari {limit}% dihitung {limit}% dalam rata-rata."
    if name == "skala_predikat":
        return "Artinya: predikat ditentukan dengan skala yang berbeda dari skala bawaan situs."
    text = _ARTI.get(name, {}).get(str(value))
    return f"Artinya: {text}." if text else ""


def rumus_efisiensi(value: str) -> str:
    """The efficiency formula alone, e.g. "K − A" (without the remark in brackets)."""
    return re.sub(r"\s*\([^()]*\)$", "", nilai("efisiensi", value))


def baris(policy: Policy, base: Policy = DEFAULT) -> list[dict]:
    """Every scalar policy with its description, active value, what the value means and
    whether it is the default."""
    return [
        {
            "kunci": n,
            "nama": nama(n),
            "nilai": nilai(n, getattr(policy, n)),
            "arti": arti(n, getattr(policy, n)),
            "bawaan": getattr(policy, n) == getattr(base, n),
        }
        for n in SCALAR
    ]


def perubahan(changes: dict[str, object]) -> list[str]:
    """``{name: value}`` → ["Pembulatan rata-rata capaian: dipotong …, 2 desimal", …]."""
    return [f"{nama(k)}: {nilai(k, v)}" for k, v in changes.items()]


def dijelaskan(changes: dict[str, object]) -> list[dict]:
    """Like ``perubahan``, each with its plain explanation: [{"teks", "arti"}, …]."""
    return [{"teks": f"{nama(k)}: {nilai(k, v)}", "arti": arti(k, v)} for k, v in changes.items()]


def beda_dijelaskan(policy: Policy, base: Policy) -> list[dict]:
    """How ``policy`` differs from ``base``, in words, each with its plain explanation."""
    return dijelaskan({k: new for k, (old, new) in base.differences(policy).items()})


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

"""What an average covers, in words: the honest line under every headline figure.

A report's average capaian can include indicators that were never measured (data not
available, target 0) scored by a policy, and leave others out. Every card and table that
shows an average says so (``teks`` on cards and under the measurement table, ``singkat``
in the listing tables), from the ReportResult's rows. Nothing is computed here but counts.
"""

from __future__ import annotations

from collections import Counter

from generator.compute.engine import ReportResult
from generator.core import fmt

# Why a row is not counted, finishing "… karena …" (the policy reasons in plain words; the
# others as compute states them).
_KARENA = {
    "na": "datanya belum tersedia (n/a)",
    "target_nol": "targetnya 0",
    "tak_terhitung": "capaiannya tidak dapat dihitung",
    "belum_ada": "realisasinya belum ada",
}


def _score(value) -> str:
    return fmt.angka(value) if value is not None else "–"


def _karena(r) -> str:
    if r.pengecualian in _KARENA or (r.pengecualian is None and r.status in _KARENA):
        return _KARENA[r.pengecualian or r.status]
    return r.alasan_pengecualian or "dikecualikan"


def cakupan(res: ReportResult | None) -> dict | None:
    """``{"teks": sentence, "singkat": short note or None, "diberi_skor": n}`` for one report."""
    if res is None or not res.rows:
        return None
    rows = [r for r in res.rows if r.pengecualian != "bukan_indikator"]  # NIHIL, blank and component rows
    if not rows:
        return None
    n = len(rows)
    counted = [r for r in rows if r.dihitung]
    measured = [r for r in counted if r.status == "terukur"]
    scored = Counter((r.status, _score(r.capaian)) for r in counted if r.status != "terukur")
    left_out = [r for r in rows if not r.dihitung]
    if not left_out and not scored:
        teks = "Rata-rata dari 1 indikator yang terukur." if n == 1 else f"Rata-rata dari {n} indikator, semuanya terukur."
        return {"teks": teks, "singkat": None, "diberi_skor": 0}
    parts = [f"{len(measured)} terukur"] if measured else []
    for (status, score), k in sorted(scored.items()):
        what = "belum ada datanya (n/a)" if status == "na" else "bertarget 0"
        parts.append(f"{k} {what} dan diberi skor {score} menurut kebijakan perhitungan, bukan hasil pengukuran")
    if not counted:
        teks = f"Tidak ada rata-rata: tidak satu pun dari {n} indikator dapat dihitung."
    else:
        dari = f"{n} indikator" if len(counted) == n else f"{len(counted)} indikator (dari {n} indikator di laporan)"
        teks = f"Rata-rata dari {dari}" + (": " + "; ".join(parts) if parts else "") + "."
    if left_out:
        why = Counter(_karena(r) for r in left_out)
        teks += f" {len(left_out)} indikator tidak ikut dihitung: " + "; ".join(f"{k} karena {w}" for w, k in why.items()) + "."
    diberi_skor = sum(scored.values())
    scores = {score for _, score in scored}
    if diberi_skor:
        skor = f"skor {scores.pop()}" if len(scores) == 1 else "skor menurut kebijakan"
        singkat = f"{diberi_skor} dari {n} indikator belum terukur, diberi {skor}"
    elif counted:
        singkat = f"{len(counted)} dari {n} indikator dihitung"
    else:
        singkat = f"tidak satu pun dari {n} indikator dapat dihitung"
    return {"teks": teks, "singkat": singkat, "diberi_skor": diberi_skor}

"""Printed against computed: for every figure the agency printed, the computed one, and
when they differ, which policy settings would reproduce the printed value."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from generator.compute.engine import HUNDRED, Discrepancy, ReportResult, compute_report
from generator.compute.policy import Band, Policy, Rounding
from generator.model import Cetak, Laporan, Tahunan, Tercetak

_ROUNDINGS = [Rounding(c, d) for c in ("setengah_ke_atas", "potong") for d in (0, 1, 2, 3)]

# Which policy fields can move which figure, and the values to try.
_ALTERNATIVES: dict[str, Sequence[object]] = {
    "pembulatan_capaian": _ROUNDINGS,
    "dasar_target": ["target_sd_triwulan", "target_tahunan"],
    "polaritas_turun": ["target_per_realisasi", "dua_dikurangi_rasio"],
    "batas_capaian": [None, HUNDRED, Decimal(120)],
    "data_tidak_tersedia": ["kecualikan", "skor_100"],
    "target_nol": ["kecualikan", "skor_100", "skor_0"],
    "rata_rata_dari": ["nilai_dibulatkan", "nilai_penuh"],
    "pembulatan_rata_rata": _ROUNDINGS,
    "anggaran_total": ["tertimbang", "rata_rata_baris"],
    "pembulatan_anggaran": _ROUNDINGS,
    "pembulatan_anggaran_total": _ROUNDINGS,
    "efisiensi": ["rasio", "selisih", "sisa_anggaran"],
    "pembulatan_efisiensi": _ROUNDINGS,
}
_ROW_POLICIES = ["pembulatan_capaian", "dasar_target", "polaritas_turun", "batas_capaian", "data_tidak_tersedia", "target_nol"]
_AVG_POLICIES = _ROW_POLICIES + ["rata_rata_dari", "pembulatan_rata_rata"]
_BUDGET_ROW_POLICIES = ["pembulatan_anggaran"]
_BUDGET_POLICIES = ["anggaran_total", "pembulatan_anggaran", "pembulatan_anggaran_total"]
_EFF_POLICIES = [
    "efisiensi",
    "pembulatan_efisiensi",
    "anggaran_total",
    "pembulatan_anggaran",
    "pembulatan_anggaran_total",
    "pembulatan_rata_rata",
    "data_tidak_tersedia",
    "target_nol",
]


# --------------------------------------------------------------------------- predikat labels


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


# A printed label: (predikat half, kategori half), or (one label, None) when the document
# printed only one half (it may then be either half of the scale).
Label = tuple[str, str | None]


def _halves(text: str) -> Label:
    """ "Sangat Tinggi / Sangat Berhasil" as its two halves, or one label as it is."""
    parts = [p.strip() for p in text.split("/") if p.strip()]
    return (parts[0], parts[1]) if len(parts) == 2 else (text.strip(), None)


def printed_labels(t: Tercetak) -> list[Label]:
    """The printed predikat to compare: both halves when ``predikat`` and ``kategori`` are
    written (read in full, corrected where the print has a typo; ``predikat_tertulis`` then
    only keeps the print); else the label as printed and whichever half is written."""
    if t.predikat and t.kategori:
        return [(t.predikat, t.kategori)]
    out: list[Label] = []
    if t.predikat_tertulis:
        out.append(_halves(t.predikat_tertulis))
    if t.predikat or t.kategori:
        out.append(_halves(t.predikat or t.kategori or ""))
    return out


def printed_label_text(t: Tercetak) -> str:
    """The label as the document printed it, for the page and the warning."""
    if t.predikat_tertulis:
        return t.predikat_tertulis
    return " / ".join(x for x in (t.predikat, t.kategori) if x)


def band_label(band: Band | None) -> str | None:
    if band is None:
        return None
    return f"{band.predikat} / {band.kategori}" if band.kategori else band.predikat


def labels_match(labels: list[Label], band: Band | None) -> bool:
    """Every printed statement agrees with ``band``, compared in full (case and spacing
    aside: "Berhasil" is not "Sangat Berhasil"). A pair must match both halves; a single
    label either half."""
    if band is None:
        return False
    pred, kat = _norm(band.predikat), _norm(band.kategori) if band.kategori else None
    for first, second in labels:
        if second is None:
            if _norm(first) not in (pred, kat):
                return False
        elif _norm(first) != pred or (kat is not None and _norm(second) != kat):
            return False
    return True


def policy_value_repr(value: object) -> object:
    if isinstance(value, Rounding):
        return {"cara": value.cara, "desimal": value.desimal}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _search(
    tahunan: Tahunan, lap: Laporan, policy: Policy, names: list[str], matches: Callable[[ReportResult], bool]
) -> list[dict[str, object]]:
    """Policy changes (one field, else two) under which ``matches(result)`` holds."""
    found: list[dict[str, object]] = []
    singles = [(n, v) for n in names for v in _ALTERNATIVES[n] if v != getattr(policy, n)]
    for name, value in singles:
        if matches(compute_report(tahunan, lap, _changed(policy, {name: value}))):
            found.append({name: policy_value_repr(value)})
    if found:
        return found
    for (n1, v1), (n2, v2) in itertools.combinations(singles, 2):
        if n1 == n2:
            continue
        if matches(compute_report(tahunan, lap, _changed(policy, {n1: v1, n2: v2}))):
            found.append({n1: policy_value_repr(v1), n2: policy_value_repr(v2)})
            if len(found) >= 6:
                break
    return found


def _changed(policy: Policy, changes: dict[str, Any]) -> Policy:
    """``policy`` with some fields set to values from _ALTERNATIVES (each of the field's type)."""
    return replace(policy, **changes)


def _same(printed: Decimal, computed: Decimal | None) -> bool:
    return computed is not None and printed == computed


def compare_printed(tahunan: Tahunan, lap: Laporan, result: ReportResult) -> list[Discrepancy]:
    printed: Tercetak = lap.tercetak
    policy = result.policy
    out: list[Discrepancy] = []
    rows = {r.id: r for r in result.rows}
    budget = {b.id: b for b in result.budget}

    for key, cetak in printed.capaian.items():
        row = rows.get(key)
        if row is None or cetak.nilai is None:
            continue
        row.tercetak = cetak.nilai
        if not _same(cetak.nilai, row.capaian):

            def ok(res: ReportResult, key: str = key, want: Decimal = cetak.nilai) -> bool:
                r = next((x for x in res.rows if x.id == key), None)
                return r is not None and _same(want, r.capaian)

            out.append(
                Discrepancy(
                    f"capaian:{key}",
                    f"capaian indikator {row.nomor or ''} {row.indikator}".replace("  ", " "),
                    cetak.nilai,
                    row.capaian,
                    _search(tahunan, lap, policy, _ROW_POLICIES, ok),
                )
            )

    def figure(key: str, label: str, cetak: Cetak | None, computed: Decimal | None, names: list[str], attr: str) -> None:
        if cetak is None or cetak.nilai is None or _same(cetak.nilai, computed):
            return
        want = cetak.nilai
        out.append(
            Discrepancy(
                key, label, want, computed, _search(tahunan, lap, policy, names, lambda res: _same(want, getattr(res, attr)))
            )
        )

    figure(
        "rata_rata_capaian", "rata-rata capaian kinerja", printed.rata_rata_capaian, result.rata_rata, _AVG_POLICIES, "rata_rata"
    )
    figure(
        "narasi.rata_rata_capaian",
        "rata-rata capaian kinerja (dalam narasi)",
        printed.narasi.rata_rata_capaian,
        result.rata_rata,
        _AVG_POLICIES,
        "rata_rata",
    )

    labels = printed_labels(printed)
    if labels:
        shown = printed_label_text(printed)
        if not labels_match(labels, result.predikat):
            out.append(
                Discrepancy(
                    "predikat",
                    "predikat",
                    shown,
                    band_label(result.predikat),
                    _search(
                        tahunan,
                        lap,
                        policy,
                        _AVG_POLICIES,
                        lambda res: res.predikat is not None and labels_match(labels, res.predikat),
                    ),
                )
            )

    for key, cetak in printed.anggaran.items():
        b = budget.get(key)
        if b is None or cetak.nilai is None:
            continue
        b.tercetak = cetak.nilai
        if not _same(cetak.nilai, b.persen):

            def ok_budget(res: ReportResult, key: str = key, want: Decimal = cetak.nilai) -> bool:
                r = next((x for x in res.budget if x.id == key), None)
                return r is not None and _same(want, r.persen)

            out.append(
                Discrepancy(
                    f"anggaran:{key}",
                    f"capaian anggaran {b.nomor or ''} {b.nama}".replace("  ", " "),
                    cetak.nilai,
                    b.persen,
                    _search(tahunan, lap, policy, _BUDGET_ROW_POLICIES, ok_budget),
                )
            )

    figure(
        "anggaran_total",
        "capaian anggaran total",
        printed.anggaran_total,
        result.anggaran_total,
        _BUDGET_POLICIES,
        "anggaran_total",
    )
    figure(
        "narasi.anggaran_total",
        "capaian anggaran total (dalam narasi)",
        printed.narasi.anggaran_total,
        result.anggaran_total,
        _BUDGET_POLICIES,
        "anggaran_total",
    )
    sums = printed.anggaran_jumlah
    if sums is not None:
        computed_sums = {"pagu": result.anggaran_pagu, "target": result.anggaran_target, "realisasi": result.anggaran_realisasi}
        for name, sum_cetak in (("pagu", sums.pagu), ("target", sums.target), ("realisasi", sums.realisasi)):
            if sum_cetak is not None and sum_cetak.nilai is not None and not _same(sum_cetak.nilai, computed_sums[name]):
                out.append(
                    Discrepancy(f"anggaran_jumlah.{name}", f"jumlah {name} anggaran", sum_cetak.nilai, computed_sums[name])
                )
    figure("efisiensi", "efisiensi", printed.efisiensi, result.efisiensi, _EFF_POLICIES, "efisiensi")
    figure("narasi.efisiensi", "efisiensi (dalam narasi)", printed.narasi.efisiensi, result.efisiensi, _EFF_POLICIES, "efisiensi")
    return out

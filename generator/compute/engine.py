"""Compute stage: pure functions from validated models and a Policy to figures.

No I/O and no formatting here: every figure is a Decimal, every choice comes from the
Policy (generator/compute/policy.py). ``compare_printed`` checks the agency's printed figures
against the computed ones and, for each difference, searches which policy settings
would reproduce the printed value.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from generator.compute.policy import Band, Policy, Rounding
from generator.core.numbers import round_to
from generator.model import Cetak, Indikator, Laporan, PerjanjianKinerja, PosAnggaran, Tahunan, Tercetak

HUNDRED = Decimal(100)


# --------------------------------------------------------------------------- single figures

def capaian(realisasi: Decimal, target: Decimal, polaritas: str, policy: Policy) -> Decimal | None:
    """Achievement % of one indicator, unrounded and uncapped. None when undefined
    (a lower-is-better realisation of 0 under T/R). Target 0 is handled by the caller."""
    if polaritas == "turun":
        if policy.polaritas_turun == "dua_dikurangi_rasio":
            return (2 - realisasi / target) * HUNDRED
        if realisasi == 0:
            return None
        return target / realisasi * HUNDRED
    return realisasi / target * HUNDRED


def apply_rounding(value: Decimal | None, rule: Rounding) -> Decimal | None:
    return None if value is None else round_to(value, rule.desimal, rule.cara)


def predikat(value: Decimal | None, scale: Iterable[Band]) -> Band | None:
    """The band whose lower bound the value is strictly above (gap-free scale)."""
    if value is None:
        return None
    for band in scale:
        if band.di_atas is None or value > band.di_atas:
            return band
    return None


def persen(realisasi: Decimal, target: Decimal) -> Decimal | None:
    return None if target == 0 else realisasi / target * HUNDRED


def efisiensi(kinerja: Decimal | None, anggaran: Decimal | None, policy: Policy) -> Decimal | None:
    if kinerja is None or anggaran is None:
        return None
    if policy.efisiensi == "selisih":
        value = kinerja - anggaran
    elif policy.efisiensi == "sisa_anggaran":
        value = HUNDRED - anggaran
    else:
        if anggaran == 0:
            return None
        value = (kinerja / anggaran - 1) * HUNDRED
    return apply_rounding(value, policy.pembulatan_efisiensi)


def mean(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


# --------------------------------------------------------------------------- report results

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
    status: str  # terukur | na | target_nol | tak_terhitung | belum_ada
    na_alasan: str | None
    capaian_penuh: Decimal | None
    capaian: Decimal | None
    dihitung: bool
    predikat: str | None
    tercetak: Decimal | None = None


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


def walk_indicators(items: list[Indikator], parent: str | None = None, depth: int = 0) -> Iterator[tuple[Indikator, str | None, int]]:
    for item in items:
        yield item, parent, depth
        yield from walk_indicators(item.rincian, item.id, depth + 1)


def walk_budget(items: list[PosAnggaran], parent: str | None = None, depth: int = 0) -> Iterator[tuple[PosAnggaran, str | None, int]]:
    for item in items:
        yield item, parent, depth
        yield from walk_budget(item.rincian, item.id, depth + 1)


def active_pk(tahunan: Tahunan) -> PerjanjianKinerja | None:
    """The Perjanjian Kinerja in force: the last revision (penetapan, then perubahan)."""
    return tahunan.perjanjian_kinerja[-1] if tahunan.perjanjian_kinerja else None


def measured_indicators(tahunan: Tahunan) -> list[Indikator]:
    """The indicators a quarterly report is measured against: the PK in force, or the
    IKI sheet for a position that has only individual indicators."""
    pk = active_pk(tahunan)
    if pk is not None:
        return pk.indikator
    return tahunan.iki.indikator if tahunan.iki else []


def _row(ind: Indikator, parent: str | None, depth: int, lap: Laporan, policy: Policy) -> RowResult:
    entry = lap.realisasi.get(ind.id)
    tw = lap.triwulan
    if policy.dasar_target == "target_tahunan":
        target = ind.target
    else:
        target = (entry.target if entry and entry.target is not None else None)
        if target is None:
            target = ind.target_triwulan.get(tw)
        if target is None:
            target = ind.target
    row = RowResult(
        id=ind.id, nomor=ind.nomor, kelompok=ind.kelompok, sasaran=ind.sasaran, indikator=ind.indikator,
        satuan=ind.satuan, polaritas=ind.polaritas, induk=parent, kedalaman=depth,
        target_tahunan=ind.target, target=target, realisasi=None, status="belum_ada", na_alasan=None,
        capaian_penuh=None, capaian=None, dihitung=False, predikat=None,
    )
    if entry is None:
        return row
    if entry.na is not None or (entry.target_na is not None and policy.dasar_target != "target_tahunan"):
        row.status, row.na_alasan = "na", entry.na or entry.target_na
        if policy.data_tidak_tersedia == "skor_100":
            row.capaian_penuh = row.capaian = HUNDRED
            row.dihitung = True
        row.realisasi = entry.nilai
    else:
        row.realisasi = entry.nilai
        if target is None:
            row.status = "tak_terhitung"
        elif target == 0:
            row.status = "target_nol"
            if policy.target_nol != "kecualikan":
                row.capaian_penuh = row.capaian = HUNDRED if policy.target_nol == "skor_100" else Decimal(0)
                row.dihitung = True
        else:
            assert entry.nilai is not None  # Realisasi has `nilai` when it has no `na`
            full = capaian(entry.nilai, target, ind.polaritas, policy)
            if full is None:
                row.status = "tak_terhitung"
            else:
                row.status = "terukur"
                if policy.batas_capaian is not None:
                    full = min(full, policy.batas_capaian)
                row.capaian_penuh = full
                row.capaian = apply_rounding(full, policy.pembulatan_capaian)
                row.dihitung = True
    band = predikat(row.capaian, policy.skala_predikat)
    row.predikat = band.predikat if band else None
    return row


def compute_report(tahunan: Tahunan, lap: Laporan, policy: Policy) -> ReportResult:
    rows = [_row(ind, parent, depth, lap, policy) for ind, parent, depth in walk_indicators(measured_indicators(tahunan))]
    counted = [r for r in rows if r.dihitung]
    # a counted row always has its capaian (the filters only narrow the type)
    full_mean = mean([r.capaian_penuh for r in counted if r.capaian_penuh is not None])
    basis = ([r.capaian for r in counted if r.capaian is not None] if policy.rata_rata_dari == "nilai_dibulatkan"
             else [r.capaian_penuh for r in counted if r.capaian_penuh is not None])
    avg = apply_rounding(mean(basis), policy.pembulatan_rata_rata)

    budget: list[BudgetRow] = []
    for pos, parent, depth in walk_budget(tahunan.anggaran):
        real = lap.anggaran.get(pos.id)
        target = (real.target if real and real.target is not None else pos.pagu) if real else None
        full = persen(real.realisasi, target) if real and target is not None else None
        budget.append(BudgetRow(
            id=pos.id, jenis=pos.jenis, nomor=pos.nomor, nama=pos.nama, induk=parent, kedalaman=depth,
            pagu=pos.pagu, target=target, realisasi=real.realisasi if real else None,
            persen_penuh=full, persen=apply_rounding(full, policy.pembulatan_anggaran),
        ))
    top = [b for b in budget if b.kedalaman == 0 and b.realisasi is not None]
    pagu = sum((b.pagu for b in budget if b.kedalaman == 0), Decimal(0)) if budget else None
    tgt: Decimal | None = None
    realised: Decimal | None = None
    total: Decimal | None = None
    if top:
        # a row with a realisation has a target and, when that is not 0, a percentage
        tgt = sum((b.target for b in top if b.target is not None), Decimal(0))
        realised = sum((b.realisasi for b in top if b.realisasi is not None), Decimal(0))
        if policy.anggaran_total == "rata_rata_baris":
            total = mean([b.persen for b in top if b.target and b.persen is not None])
        else:
            total = persen(realised, tgt)
        total = apply_rounding(total, policy.pembulatan_anggaran_total)

    return ReportResult(
        tahun=tahunan.tahun, triwulan=lap.triwulan, policy=policy, rows=rows,
        rata_rata=avg, rata_rata_penuh=full_mean, jumlah_dihitung=len(counted),
        predikat=predikat(avg, policy.skala_predikat), budget=budget,
        anggaran_pagu=pagu, anggaran_target=tgt, anggaran_realisasi=realised, anggaran_total=total,
        efisiensi=efisiensi(avg, total, policy),
    )


# --------------------------------------------------------------------------- printed vs computed

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
_EFF_POLICIES = ["efisiensi", "pembulatan_efisiensi", "anggaran_total", "pembulatan_anggaran", "pembulatan_anggaran_total",
                 "pembulatan_rata_rata", "data_tidak_tersedia", "target_nol"]


def policy_value_repr(value: object) -> object:
    if isinstance(value, Rounding):
        return {"cara": value.cara, "desimal": value.desimal}
    if isinstance(value, Decimal):
        return str(value)
    return value


def _search(tahunan: Tahunan, lap: Laporan, policy: Policy, names: list[str],
            matches: Callable[[ReportResult], bool]) -> list[dict[str, object]]:
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
            out.append(Discrepancy(f"capaian:{key}", f"capaian indikator {row.nomor or ''} {row.indikator}".replace("  ", " "),
                                   cetak.nilai, row.capaian, _search(tahunan, lap, policy, _ROW_POLICIES, ok)))

    def figure(key: str, label: str, cetak: Cetak | None, computed: Decimal | None, names: list[str], attr: str) -> None:
        if cetak is None or cetak.nilai is None or _same(cetak.nilai, computed):
            return
        want = cetak.nilai
        out.append(Discrepancy(key, label, want, computed,
                               _search(tahunan, lap, policy, names, lambda res: _same(want, getattr(res, attr)))))

    figure("rata_rata_capaian", "rata-rata capaian kinerja", printed.rata_rata_capaian, result.rata_rata, _AVG_POLICIES, "rata_rata")
    figure("narasi.rata_rata_capaian", "rata-rata capaian kinerja (dalam narasi)", printed.narasi.rata_rata_capaian, result.rata_rata, _AVG_POLICIES, "rata_rata")

    if printed.predikat:
        computed = result.predikat.predikat if result.predikat else None
        if (computed or "").casefold() != printed.predikat.casefold():
            want = printed.predikat.casefold()
            out.append(Discrepancy("predikat", "predikat", printed.predikat, computed,
                                   _search(tahunan, lap, policy, _AVG_POLICIES,
                                           lambda res: res.predikat is not None and res.predikat.predikat.casefold() == want)))

    for key, cetak in printed.anggaran.items():
        b = budget.get(key)
        if b is None or cetak.nilai is None:
            continue
        b.tercetak = cetak.nilai
        if not _same(cetak.nilai, b.persen):
            def ok_budget(res: ReportResult, key: str = key, want: Decimal = cetak.nilai) -> bool:
                r = next((x for x in res.budget if x.id == key), None)
                return r is not None and _same(want, r.persen)
            out.append(Discrepancy(f"anggaran:{key}", f"capaian anggaran {b.nomor or ''} {b.nama}".replace("  ", " "),
                                   cetak.nilai, b.persen, _search(tahunan, lap, policy, _BUDGET_ROW_POLICIES, ok_budget)))

    figure("anggaran_total", "capaian anggaran total", printed.anggaran_total, result.anggaran_total, _BUDGET_POLICIES, "anggaran_total")
    figure("narasi.anggaran_total", "capaian anggaran total (dalam narasi)", printed.narasi.anggaran_total, result.anggaran_total, _BUDGET_POLICIES, "anggaran_total")
    sums = printed.anggaran_jumlah
    if sums is not None:
        computed_sums = {"pagu": result.anggaran_pagu, "target": result.anggaran_target, "realisasi": result.anggaran_realisasi}
        for name, sum_cetak in (("pagu", sums.pagu), ("target", sums.target), ("realisasi", sums.realisasi)):
            if sum_cetak is not None and sum_cetak.nilai is not None and not _same(sum_cetak.nilai, computed_sums[name]):
                out.append(Discrepancy(f"anggaran_jumlah.{name}", f"jumlah {name} anggaran", sum_cetak.nilai, computed_sums[name]))
    figure("efisiensi", "efisiensi", printed.efisiensi, result.efisiensi, _EFF_POLICIES, "efisiensi")
    figure("narasi.efisiensi", "efisiensi (dalam narasi)", printed.narasi.efisiensi, result.efisiensi, _EFF_POLICIES, "efisiensi")
    return out

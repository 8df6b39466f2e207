"""Compute stage: pure functions from validated models and a Policy to figures.

No I/O and no formatting here: every figure is a Decimal, every choice comes from the
Policy (generator/compute/policy.py). generator/compute/printed.py compares the printed figures
against the computed ones and, for each difference, searches which policy settings
would reproduce the printed value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Context, Decimal, localcontext

from generator.compute.policy import Band, Policy, Rounding
from generator.compute.results import (
    EXCLUSIONS,
    PRINTED_EXCLUSIONS,
    UNSTATED_EXCLUSIONS,
    BudgetRow,
    Discrepancy,
    ReportResult,
    RowResult,
)
from generator.core.numbers import round_to
from generator.model import Indikator, Laporan, PerjanjianKinerja, PosAnggaran, Realisasi, Tahunan, Triwulan
from generator.model.fields import text_status

# The result classes live in generator/compute/results.py; they are named here too, so
# that the rest of the code reads every compute name from the engine.
__all__ = [
    "CONTEXT",
    "EXCLUSIONS",
    "HUNDRED",
    "PRINTED_EXCLUSIONS",
    "UNSTATED_EXCLUSIONS",
    "BudgetRow",
    "Discrepancy",
    "ReportResult",
    "RowResult",
    "active_pk",
    "apply_rounding",
    "capaian",
    "compute_report",
    "efisiensi",
    "measured_indicators",
    "mean",
    "persen",
    "predikat",
    "walk_budget",
    "walk_indicators",
]

HUNDRED = Decimal(100)

# The arithmetic context of every figure. Inputs are bounded (core/numbers.py: below 10^16
# with at most 6 decimals), so a quotient such as a capaian is an exact fraction p/q with
# q < 10^22 and a size below 10^32; 80 significant digits then keep every quotient close
# enough to its exact value that rounding it to at most 6 decimals (the policies' limit)
# gives the same digits as rounding the exact fraction, and no rounding step ever needs
# more digits than the context has. (Python's default of 28 digits is not enough for the
# extremes: 10^16 ÷ 0,000001 × 100 has 24 integer digits before its decimals.)
CONTEXT = Context(prec=80)

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


def walk_indicators(
    items: list[Indikator], parent: str | None = None, depth: int = 0
) -> Iterator[tuple[Indikator, str | None, int]]:
    for item in items:
        yield item, parent, depth
        yield from walk_indicators(item.rincian, item.id, depth + 1)


def walk_budget(
    items: list[PosAnggaran], parent: str | None = None, depth: int = 0
) -> Iterator[tuple[PosAnggaran, str | None, int]]:
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


def _target(ind: Indikator, entry: Realisasi | None, tw: Triwulan, dasar: str) -> tuple[Decimal | None, str | None]:
    """The target a realisation is compared with, and the target as printed when it is a
    word or a dash. s.d. TW: the report's own target for the quarter, else the indicator's
    for the quarter (cumulative, or the quarter's own under per_triwulan), else the annual."""
    if dasar == "target_tahunan":
        return ind.target, ind.target_teks if ind.target is None else None
    if entry is not None and (entry.target is not None or entry.target_teks is not None):
        return entry.target, entry.target_teks
    if tw in ind.target_triwulan:
        return ind.target_triwulan[tw], None
    return ind.target, ind.target_teks if ind.target is None else None


def _row(ind: Indikator, parent: str | None, depth: int, lap: Laporan, policy: Policy) -> RowResult:
    entry = lap.realisasi.get(ind.id)
    dasar = ind.dasar_target or policy.dasar_target
    target, target_teks = _target(ind, entry, lap.triwulan, dasar)
    row = RowResult(
        id=ind.id,
        nomor=ind.nomor,
        kelompok=ind.kelompok,
        sasaran=ind.sasaran,
        indikator=ind.indikator,
        satuan=ind.satuan,
        polaritas=ind.polaritas,
        induk=parent,
        kedalaman=depth,
        target_tahunan=ind.target,
        target=target,
        realisasi=None,
        status="belum_ada",
        na_alasan=None,
        capaian_penuh=None,
        capaian=None,
        dihitung=False,
        predikat=None,
        jenis_baris=ind.jenis_baris,
        pengukuran=ind.pengukuran,
        dasar_target=dasar,
        target_teks=target_teks,
        realisasi_teks=entry.teks if entry else None,
    )
    if not ind.diukur:
        row.status, row.pengecualian = "bukan_indikator", "bukan_indikator"
        row.realisasi = entry.nilai if entry else None
        return row
    if entry is None:
        return row
    printed = entry.teks if entry.teks is not None else (target_teks if target is None else None)
    if entry.na is None and printed is not None:
        # A value printed as a word or a dash: kept as printed, never computed.
        row.status = text_status(printed)
        row.pengecualian = "tidak_diisi" if row.status == "tidak_diisi" else "nilai_teks"
        row.realisasi = entry.nilai
        return row
    if entry.na is not None or (entry.target_na is not None and policy.dasar_target != "target_tahunan"):
        row.status, row.na_alasan = "na", entry.na or entry.target_na
        if policy.data_tidak_tersedia == "skor_100":
            row.capaian_penuh = row.capaian = HUNDRED
            row.dihitung = True
        else:
            row.pengecualian = "na"
        row.realisasi = entry.nilai
    else:
        row.realisasi = entry.nilai
        if target is None:
            row.status, row.pengecualian = "tak_terhitung", "tanpa_target"
        elif target == 0:
            row.status = "target_nol"
            if policy.target_nol != "kecualikan":
                row.capaian_penuh = row.capaian = HUNDRED if policy.target_nol == "skor_100" else Decimal(0)
                row.dihitung = True
            else:
                row.pengecualian = "target_nol"
        else:
            assert entry.nilai is not None  # Realisasi has `nilai` when it has no `na`
            full = capaian(entry.nilai, target, ind.polaritas, policy)
            if full is None:
                row.status, row.pengecualian = "tak_terhitung", "realisasi_nol"
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


def _missing_reasons(rows: list[RowResult]) -> None:
    """Why each row without a realisation is not counted: a grouping row whose sub-rows are
    measured, a sub-row of a measured row, a report without any realisation, or else a
    measurable indicator the report left out (``tanpa_realisasi``)."""
    by_id = {r.id: r for r in rows}
    written = {r.id for r in rows if r.status not in ("belum_ada", "bukan_indikator")}
    measured_below: set[str] = set()
    for r in rows:
        parent = r.induk if r.id in written else None
        while parent is not None and parent not in measured_below:
            measured_below.add(parent)
            parent = by_id[parent].induk if parent in by_id else None
    for r in rows:
        if r.status != "belum_ada" or r.pengecualian is not None:
            continue
        ancestor, above = r.induk, False
        while ancestor is not None and not above:
            above = ancestor in written
            ancestor = by_id[ancestor].induk if ancestor in by_id else None
        if not written:
            r.pengecualian = "laporan_kosong"
        elif r.id in measured_below:
            r.pengecualian = "baris_induk"
        elif above:
            r.pengecualian = "baris_rincian"
        else:
            r.pengecualian = "tanpa_realisasi"


def compute_report(tahunan: Tahunan, lap: Laporan, policy: Policy) -> ReportResult:
    """Every figure of one report under ``policy``, computed in CONTEXT. A report needs
    its year (validate rejects a quarterly report in a file with ``tahun: tidak_tercantum``)."""
    if tahunan.tahun is None:
        raise ValueError("a quarterly report needs the year of its file")
    with localcontext(CONTEXT):
        return _compute_report(tahunan, lap, policy)


def _compute_report(tahunan: Tahunan, lap: Laporan, policy: Policy) -> ReportResult:
    rows = [_row(ind, parent, depth, lap, policy) for ind, parent, depth in walk_indicators(measured_indicators(tahunan))]
    _missing_reasons(rows)
    counted = [r for r in rows if r.dihitung]
    # a counted row always has its capaian (the filters only narrow the type)
    full_mean = mean([r.capaian_penuh for r in counted if r.capaian_penuh is not None])
    basis = (
        [r.capaian for r in counted if r.capaian is not None]
        if policy.rata_rata_dari == "nilai_dibulatkan"
        else [r.capaian_penuh for r in counted if r.capaian_penuh is not None]
    )
    avg = apply_rounding(mean(basis), policy.pembulatan_rata_rata)

    budget: list[BudgetRow] = []
    for pos, parent, depth in walk_budget(tahunan.anggaran):
        real = lap.anggaran.get(pos.id)
        target = (real.target if real and real.target is not None else pos.pagu) if real else None
        full = persen(real.realisasi, target) if real and target is not None else None
        budget.append(
            BudgetRow(
                id=pos.id,
                jenis=pos.jenis,
                nomor=pos.nomor,
                nama=pos.nama,
                induk=parent,
                kedalaman=depth,
                pagu=pos.pagu,
                target=target,
                realisasi=real.realisasi if real else None,
                persen_penuh=full,
                persen=apply_rounding(full, policy.pembulatan_anggaran),
                sumber_dana=pos.sumber_dana,
            )
        )
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

    assert tahunan.tahun is not None  # compute_report refuses a file without a year
    return ReportResult(
        tahun=tahunan.tahun,
        triwulan=lap.triwulan,
        policy=policy,
        rows=rows,
        rata_rata=avg,
        rata_rata_penuh=full_mean,
        jumlah_dihitung=len(counted),
        predikat=predikat(avg, policy.skala_predikat),
        budget=budget,
        anggaran_pagu=pagu,
        anggaran_target=tgt,
        anggaran_realisasi=realised,
        anggaran_total=total,
        efisiensi=efisiensi(avg, total, policy),
    )

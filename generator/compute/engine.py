"""Compute stage: pure functions from validated models and a Policy to figures.

No I/O and no formatting here: every figure is a Decimal, every choice comes from the
Policy (generator/compute/policy.py). generator/compute/printed.py compares the printed figures
against the computed ones and, for each difference, searches which policy settings
would reproduce the printed value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from generator.compute.policy import Band, Policy, Rounding
from generator.core.numbers import round_to
from generator.model import Indikator, Laporan, PerjanjianKinerja, PosAnggaran, Tahunan

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


def _row(ind: Indikator, parent: str | None, depth: int, lap: Laporan, policy: Policy) -> RowResult:
    entry = lap.realisasi.get(ind.id)
    tw = lap.triwulan
    if policy.dasar_target == "target_tahunan":
        target = ind.target
    else:
        target = entry.target if entry and entry.target is not None else None
        if target is None:
            target = ind.target_triwulan.get(tw)
        if target is None:
            target = ind.target
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

"""The quarterly reports of one year file: the period has ended, cumulative figures do
not decrease, budget realisations stay within target, and every reference resolves."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.core.diagnostics import Diagnostic, did_you_mean, msg
from generator.core.layout import AGENCY_FILE
from generator.core.numbers import format_rupiah
from generator.load import Document, Path_
from generator.model import Indikator, Laporan, PosAnggaran, Tahunan
from generator.validate.dataset import AgencyRecord
from generator.validate.rules.decrease import PenurunanKumulatif, decrease, written
from generator.validate.rules.definitions import ambiguous
from generator.validate.rules.people import signatory_loc


def _decrease_policy(agency: AgencyRecord, t: Tahunan, lap: Laporan) -> PenurunanKumulatif | None:
    """The ``penurunan_kumulatif`` policy in force for one report: the report's own, else
    the year file's, else the agency's."""
    for k in (lap.kebijakan, t.kebijakan, agency.model.kebijakan):
        if k.penurunan_kumulatif is not None:
            return k.penurunan_kumulatif
    return None


def quarter_end(tahun: int, triwulan: int) -> dt.date:
    month = triwulan * 3
    return dt.date(tahun, month, 31 if month in (3, 12) else 30)


def report_rules(
    agency: AgencyRecord,
    doc: Document,
    t: Tahunan,
    indicators: dict[str, Indikator],
    budget: dict[str, PosAnggaran],
    situs_date: dt.date,
    out: list[Diagnostic],
) -> None:
    """The reports in quarter order (cumulative figures must not decrease from one to
    the next); a second report of the same quarter is reported and otherwise skipped."""
    if t.tahun is None:
        if t.laporan:
            line, col = doc.where(("laporan",), key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "MISSING_VALUE",
                    msg(
                        "laporan triwulan memerlukan tahun, tetapi berkas ini bertanda `tahun: tidak_tercantum`",
                        "a quarterly report needs a year, but this file says `tahun: tidak_tercantum`",
                    ),
                    msg(
                        "tulis tahun laporan di `tahun` (dan pindahkan berkas ke folder tahunnya), atau hapus laporannya",
                        "write the report's year in `tahun` (and move the file to its year folder), or remove the reports",
                    ),
                )
            )
        return
    tahun: int = t.tahun
    seen_tw: set[int] = set()
    previous: dict[str, tuple[Decimal, int]] = {}
    prev_budget: dict[str, tuple[Decimal, int]] = {}
    order = sorted(range(len(t.laporan)), key=lambda i: t.laporan[i].triwulan)
    for li in order:
        lap = t.laporan[li]
        base: Path_ = ("laporan", li)
        if lap.triwulan in seen_tw:
            line, col = doc.where(base + ("triwulan",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "DUPLICATE_PERIOD",
                    msg(f"laporan triwulan {lap.triwulan} ditulis dua kali", f"quarter {lap.triwulan} reported twice"),
                    msg("gabungkan keduanya dalam satu entri laporan", "merge them into one report entry"),
                )
            )
            continue
        seen_tw.add(lap.triwulan)
        _period_rules(doc, t, tahun, lap, base, situs_date, out)
        relax = _decrease_policy(agency, t, lap)
        _realisation_rules(doc, lap, base, indicators, previous, out, relax)
        _budget_realisation_rules(doc, lap, base, budget, prev_budget, out, relax)
        _reference_rules(agency, doc, lap, base, indicators, budget, out)


def _period_rules(
    doc: Document, t: Tahunan, tahun: int, lap: Laporan, base: Path_, situs_date: dt.date, out: list[Diagnostic]
) -> None:
    """The quarter has ended by the data's as-of date, and there is something to report against."""
    end = quarter_end(tahun, lap.triwulan)
    if end > situs_date:
        line, col = doc.where(base + ("triwulan",))
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "PERIOD_AFTER_ASOF",
                msg(
                    f"triwulan {lap.triwulan} {tahun} berakhir {end.isoformat()}, sesudah tanggal data {situs_date.isoformat()} (site.yml data_per)",
                    f"quarter {lap.triwulan} {tahun} ends {end.isoformat()}, after the data's as-of date {situs_date.isoformat()}",
                ),
                msg(
                    "periksa tahun/triwulan, atau majukan `data_per` di data/site.yml bila datanya memang sudah ada",
                    "check the year/quarter, or move `data_per` forward in data/site.yml",
                ),
            )
        )
    first_pk = t.perjanjian_kinerja[0] if t.perjanjian_kinerja else None
    if first_pk and first_pk.tanggal and lap.tanggal and lap.tanggal < first_pk.tanggal:
        # A warning, not an error: documents carry misprinted dates, and which of the two is
        # wrong cannot be told from the data (the report keeps a misprint in tanggal_tertulis).
        line, col = doc.where(base + ("tanggal",))
        pk_line, _ = doc.where(("perjanjian_kinerja", 0, "tanggal"))
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "REPORT_BEFORE_PK",
                msg(
                    f"laporan triwulan {lap.triwulan} bertanggal {lap.tanggal.isoformat()}, sebelum perjanjian kinerja "
                    f"yang diukurnya ({first_pk.tanggal.isoformat()}, baris {pk_line})",
                    f"the quarter {lap.triwulan} report is dated {lap.tanggal.isoformat()}, before its performance "
                    f"agreement ({first_pk.tanggal.isoformat()}, line {pk_line})",
                ),
                msg(
                    "periksa kedua tanggal; bila laporan memang tercetak dengan tanggal keliru, tulis tanggal yang benar "
                    "di `tanggal` dan yang tercetak di `tanggal_tertulis`",
                    "check both dates; if the report was printed with a wrong date, put the right one in `tanggal` "
                    "and the printed one in `tanggal_tertulis`",
                ),
                severity="warning",
            )
        )
    if not t.perjanjian_kinerja and t.iki is None and lap.realisasi:
        line, col = doc.where(base + ("realisasi",))
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NO_PK",
                msg("ada realisasi tetapi belum ada perjanjian_kinerja", "realisation but no perjanjian_kinerja"),
                msg(
                    "tambahkan perjanjian_kinerja dengan indikator dan targetnya",
                    "add the perjanjian_kinerja with its indicators",
                ),
            )
        )


def _realisation_rules(
    doc: Document,
    lap: Laporan,
    base: Path_,
    indicators: dict[str, Indikator],
    previous: dict[str, tuple[Decimal, int]],
    out: list[Diagnostic],
    relax: PenurunanKumulatif | None = None,
) -> None:
    """Each realisation: a known indicator with a target, no mistyped count, and for a
    cumulative indicator not below the previous quarter's (``previous``: indicator id →
    value and quarter, updated here) unless ``relax`` allows it."""
    for key, entry in lap.realisasi.items():
        loc = base + ("realisasi", key)
        ind = indicators.get(key)
        if ind is None:
            if indicators:
                line, col = doc.where(loc, key=True)
                out.append(
                    Diagnostic(
                        doc.rel,
                        line,
                        col,
                        "UNKNOWN_REF",
                        msg(
                            f"realisasi untuk indikator '{key}' yang tidak ada di perjanjian kinerja",
                            f"realisation for indicator '{key}' which is not in the PK",
                        ),
                        did_you_mean(
                            key,
                            indicators,
                            msg(
                                "tambahkan indikatornya di perjanjian_kinerja atau perbaiki id-nya",
                                "add the indicator or fix the id",
                            ),
                        ),
                    )
                )
            continue
        if (
            ind.diukur
            and ind.target is None
            and ind.target_teks is None
            and not ind.target_triwulan
            and entry.target is None
            and entry.target_teks is None
            and entry.na is None
            and entry.teks is None
            and entry.target_na is None
        ):
            line, col = doc.where(loc, key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "NO_TARGET",
                    msg(
                        f"indikator '{key}' punya realisasi tetapi tidak punya target",
                        f"indicator '{key}' has a realisation but no target",
                    ),
                    msg(f"isi `target:` indikator '{key}' di perjanjian_kinerja", f"set `target:` of '{key}' in the PK"),
                )
            )
        ambiguous(doc, loc + ("nilai",) if (loc + ("nilai",)) in doc.positions else loc, entry.nilai, ind.satuan, out)
        ambiguous(doc, loc + ("target",), entry.target, ind.satuan, out)
        if entry.nilai is not None and ind.pengukuran == "kumulatif":
            # per_triwulan: each quarter stands alone, so a lower value is no error
            before = previous.get(key)
            if before and entry.nilai < before[0]:
                what = (
                    f"realisasi '{key}' s.d. triwulan {lap.triwulan} ({written(entry.nilai)}) lebih kecil dari "
                    f"realisasi s.d. triwulan {before[1]} ({written(before[0])})",
                    f"realisation of '{key}' up to quarter {lap.triwulan} ({entry.nilai}) is below quarter {before[1]} ({before[0]})",
                )
                out.append(decrease(doc, loc, key, what, relax, indicator=True))
            previous[key] = (entry.nilai, lap.triwulan)


def _budget_realisation_rules(
    doc: Document,
    lap: Laporan,
    base: Path_,
    budget: dict[str, PosAnggaran],
    prev_budget: dict[str, tuple[Decimal, int]],
    out: list[Diagnostic],
    relax: PenurunanKumulatif | None = None,
) -> None:
    """Each budget realisation: a known row, not below the previous quarter's
    (``prev_budget``, updated here; unless ``relax`` allows it), not above its target."""
    for key, real in lap.anggaran.items():
        loc = base + ("anggaran", key)
        if key not in budget:
            line, col = doc.where(loc, key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(
                        f"realisasi anggaran untuk pos '{key}' yang tidak ada di `anggaran`",
                        f"budget realisation for unknown row '{key}'",
                    ),
                    did_you_mean(
                        key, budget, msg("tambahkan pos anggarannya atau perbaiki id-nya", "add the budget row or fix the id")
                    ),
                )
            )
            continue
        before = prev_budget.get(key)
        if before and real.realisasi < before[0]:
            what = (
                f"realisasi anggaran '{key}' s.d. triwulan {lap.triwulan} ({format_rupiah(real.realisasi)}) lebih kecil "
                f"dari realisasi s.d. triwulan {before[1]} ({format_rupiah(before[0])})",
                f"budget realisation of '{key}' up to quarter {lap.triwulan} is below quarter {before[1]}",
            )
            out.append(decrease(doc, loc + ("realisasi",), key, what, relax, indicator=False))
        prev_budget[key] = (real.realisasi, lap.triwulan)
        target = real.target if real.target is not None else budget[key].pagu
        if real.realisasi > target:
            line, col = doc.where(loc + ("realisasi",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "BUDGET_OVER",
                    msg(f"realisasi anggaran '{key}' melebihi targetnya", f"budget realisation of '{key}' exceeds its target"),
                    msg("periksa angka realisasi dan target", "check realisation and target"),
                    severity="warning",
                )
            )


def _reference_rules(
    agency: AgencyRecord,
    doc: Document,
    lap: Laporan,
    base: Path_,
    indicators: dict[str, Indikator],
    budget: dict[str, PosAnggaran],
    out: list[Diagnostic],
) -> None:
    """What else a report names must exist: printed figures' indicators and budget rows,
    the signatories' positions, the source document."""
    for key in lap.tercetak.capaian:
        if key not in indicators:
            line, col = doc.where(base + ("tercetak", "capaian", key), key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(
                        f"capaian tercetak untuk indikator '{key}' yang tidak ada",
                        f"printed capaian for unknown indicator '{key}'",
                    ),
                )
            )
    for key in lap.tercetak.anggaran:
        if key not in budget:
            line, col = doc.where(base + ("tercetak", "anggaran", key), key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(
                        f"persentase anggaran tercetak untuk pos '{key}' yang tidak ada",
                        f"printed budget % for unknown row '{key}'",
                    ),
                )
            )
    for i, person in enumerate(lap.penandatangan):
        if person.jabatan_id and person.jabatan_id not in agency.positions:
            line, col = doc.where(signatory_loc(doc, base + ("penandatangan",), i, person.peran) + ("jabatan_id",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "UNKNOWN_REF",
                    msg(
                        f"jabatan_id '{person.jabatan_id}' tidak ada di perangkat daerah ini",
                        f"jabatan_id '{person.jabatan_id}' does not exist",
                    ),
                    msg("isi dengan id berkas di folder jabatan/", "use the id of a file in jabatan/"),
                )
            )
    if lap.sumber and lap.sumber not in {s.id for s in agency.model.sumber_dokumen}:
        line, col = doc.where(base + ("sumber",))
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "UNKNOWN_REF",
                msg(
                    f"sumber '{lap.sumber}' tidak ada di sumber_dokumen perangkat daerah",
                    f"source '{lap.sumber}' is not in the agency's sumber_dokumen",
                ),
                msg(f"tambahkan id '{lap.sumber}' di sumber_dokumen pada {AGENCY_FILE}", "add it to sumber_dokumen"),
            )
        )

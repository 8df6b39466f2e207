"""The figures of one year file within the bounds of their kind: indicator targets and
realisations that are negative (unless the indicator allows it), counts and percentages
beyond their bound; and after computing, every computed percentage within its bound.

The bounds that hold for every figure of a type (Rupiah, any indicator figure) are
checked when the file is read (model/fields.py, core/numbers.py); the ones here depend
on the indicator (its unit, ``boleh_negatif``) or on the computed result.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from generator.compute.engine import ReportResult
from generator.core.diagnostics import Diagnostic, msg
from generator.core.numbers import COUNT_MAX, PERSEN_MAX, format_id
from generator.load import Document, Path_
from generator.model import Indikator, Tahunan
from generator.validate.rules.definitions import COUNT_UNITS

PERCENT_UNITS = {"%", "persen", "prosen", "persentase", "prosentase", "presentase"}


def _unit(ind: Indikator) -> str:
    return (ind.satuan or "").strip().lower().split("/")[0].strip()


def _walk(items: list[Indikator], loc: Path_) -> Iterator[tuple[Indikator, Path_]]:
    for i, ind in enumerate(items):
        yield ind, loc + (i,)
        yield from _walk(ind.rincian, loc + (i, "rincian"))


def value_rules(doc: Document, t: Tahunan, indicators: dict[str, Indikator], out: list[Diagnostic]) -> None:
    """Targets of every PK revision and of the IKI sheet, and every realisation (with its
    own target) of every report, against the indicator they belong to."""
    sheets: list[tuple[list[Indikator], Path_]] = [
        (rev.indikator, ("perjanjian_kinerja", r, "indikator")) for r, rev in enumerate(t.perjanjian_kinerja)
    ]
    if t.iki is not None:
        sheets.append((t.iki.indikator, ("iki", "indikator")))
    for items, sheet in sheets:
        for ind, here in _walk(items, sheet):
            _check(doc, here + ("target",), ind.target, ind, "target", out)
            for tw, value in ind.target_triwulan.items():
                _check(doc, here + ("target_triwulan", str(tw)), value, ind, f"target s.d. triwulan {tw}", out)
    for li, lap in enumerate(t.laporan):
        for key, entry in lap.realisasi.items():
            measured = indicators.get(key)
            if measured is None:
                continue  # UNKNOWN_REF (rules/reports.py)
            loc: Path_ = ("laporan", li, "realisasi", key)
            where = loc + ("nilai",) if loc + ("nilai",) in doc.positions else loc
            _check(doc, where, entry.nilai, measured, "realisasi", out)
            _check(doc, loc + ("target",), entry.target, measured, "target", out)


def _check(doc: Document, loc: Path_, value: Decimal | None, ind: Indikator, what: str, out: list[Diagnostic]) -> None:
    if value is None:
        return
    line, col = doc.where(loc)
    if value < 0 and not ind.boleh_negatif:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NEGATIVE_VALUE",
                msg(
                    f"{what} indikator '{ind.id}' negatif ({format_id(value)})",
                    f"{what} of indicator '{ind.id}' is negative ({value})",
                ),
                msg(
                    "periksa tanda minusnya; bila indikator ini memang boleh negatif (mis. laju pertumbuhan), "
                    "tulis `boleh_negatif: true` pada indikatornya di perjanjian_kinerja",
                    "check the minus sign; if the indicator may be negative (e.g. a growth rate), "
                    "set `boleh_negatif: true` on the indicator",
                ),
            )
        )
    unit = _unit(ind)
    limit, kind = (COUNT_MAX, ("jumlah", "count")) if unit in COUNT_UNITS else (None, ("", ""))
    if unit in PERCENT_UNITS:
        limit, kind = PERSEN_MAX, ("persentase", "percentage")
    if limit is not None and abs(value) >= limit:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "NUMBER_RANGE",
                msg(
                    f"{what} indikator '{ind.id}' ({format_id(value)} {ind.satuan}) di luar batas wajar sebuah {kind[0]} "
                    f"(paling besar {format_id(limit - 1)})",
                    f"{what} of indicator '{ind.id}' ({value} {ind.satuan}) is out of range for a {kind[1]} (below {limit})",
                ),
                msg(
                    "periksa angkanya: kemungkinan digit berlebih, atau satuan yang tertukar",
                    "check the value: likely extra digits, or a mixed-up unit",
                ),
            )
        )


def result_rules(doc: Document, li: int, res: ReportResult, out: list[Diagnostic]) -> None:
    """Every computed percentage of report ``li`` below PERSEN_MAX (a bound the figures
    that were read can still exceed together, e.g. a realisation 10^12 times its target),
    and a warning for every indicator left out of the average for a reason no policy
    states (engine.UNSTATED_EXCLUSIONS)."""
    base: Path_ = ("laporan", li)
    for row in res.rows:
        loc = base + ("realisasi", row.id)
        if row.capaian_penuh is not None and abs(row.capaian_penuh) >= PERSEN_MAX:
            _out_of_range(doc, loc, f"capaian indikator '{row.id}'", row.capaian_penuh, out)
        if row.dikecualikan_tanpa_kebijakan:
            _excluded(doc, base, row.id, row.indikator, row.pengecualian or "", row.alasan_pengecualian or "", out)
    for b in res.budget:
        if b.persen_penuh is not None and abs(b.persen_penuh) >= PERSEN_MAX:
            _out_of_range(doc, base + ("anggaran", b.id, "realisasi"), f"capaian anggaran '{b.id}'", b.persen_penuh, out)
    if res.efisiensi is not None and abs(res.efisiensi) >= PERSEN_MAX:
        _out_of_range(doc, base + ("anggaran",), "efisiensi", res.efisiensi, out)


def _out_of_range(doc: Document, loc: Path_, what: str, value: Decimal, out: list[Diagnostic]) -> None:
    line, col = doc.where(loc)
    shown = format(value, ".3E")
    out.append(
        Diagnostic(
            doc.rel,
            line,
            col,
            "NUMBER_RANGE",
            msg(
                f"{what} terhitung {shown} %, di luar batas wajar (kurang dari {format_id(PERSEN_MAX)} %)",
                f"{what} computes to {shown} %, out of range (below {PERSEN_MAX} %)",
            ),
            msg(
                "periksa realisasi dan targetnya: kemungkinan digit berlebih, atau satuan yang tertukar",
                "check the realisation and its target: likely extra digits, or a mixed-up unit",
            ),
        )
    )


_EXCLUDED_HINTS = {
    "tanpa_target": (
        "isi `target` atau `target_triwulan` indikator ini di perjanjian_kinerja, atau `target:` pada realisasinya",
        "set the indicator's `target` or `target_triwulan`, or `target:` on the realisation",
    ),
    "realisasi_nol": (
        "bila realisasi 0 memang benar, pilih rumus lain lewat kebijakan `polaritas_turun: dua_dikurangi_rasio`, "
        "atau tulis `na: <alasan>`; sampai itu, halaman jabatan mencatat indikator ini tidak dihitung",
        "if 0 is right, choose `polaritas_turun: dua_dikurangi_rasio`, or write `na: <reason>`",
    ),
    "tanpa_realisasi": (
        "isi realisasinya, atau tulis `na: <alasan>` bila datanya memang tidak ada",
        "write its realisation, or `na: <reason>` when there is none",
    ),
}


def _excluded(doc: Document, base: Path_, ind_id: str, name: str, code: str, reason: str, out: list[Diagnostic]) -> None:
    loc = base + ("realisasi", ind_id) if code != "tanpa_realisasi" else base + ("realisasi",)
    line, col = doc.where(loc)
    hint = _EXCLUDED_HINTS.get(code, ("periksa indikator ini", "check this indicator"))
    out.append(
        Diagnostic(
            doc.rel,
            line,
            col,
            "EXCLUDED_FROM_AVERAGE",
            msg(
                f"indikator '{ind_id}' ({name}) tidak ikut dihitung dalam rata-rata karena {reason}",
                f"indicator '{ind_id}' is left out of the average ({code})",
            ),
            msg(*hint),
            severity="warning",
        )
    )

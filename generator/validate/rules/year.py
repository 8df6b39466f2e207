"""One position's year file: the Perjanjian Kinerja revisions, the IKI sheet and the
budget tree, then each quarterly report (generator/validate/rules/reports)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.compute import engine as compute
from generator.core.diagnostics import Diagnostic, msg
from generator.load import Document, Path_
from generator.model import Indikator, PosAnggaran, Tahunan
from generator.validate.dataset import AgencyRecord, PositionRecord, YearRecord
from generator.validate.rules.definitions import ambiguous, definition_rules
from generator.validate.rules.reports import report_rules
from generator.validate.rules.values import value_rules


def year_rules(
    agency: AgencyRecord, position: PositionRecord, year: YearRecord, situs_date: dt.date, out: list[Diagnostic]
) -> None:
    """Every rule of one year file, in this order: the Perjanjian Kinerja revisions, the IKI
    sheet, the budget tree, then each quarterly report in quarter order."""
    t, doc = year.model, year.doc
    indicators = _pk_rules(doc, t, out)
    _iki_rules(doc, t, indicators, out)
    budget: dict[str, PosAnggaran] = {}
    _budget_rules(doc, t.anggaran, ("anggaran",), budget, out)
    report_rules(agency, doc, t, indicators, budget, situs_date, out)
    value_rules(doc, t, indicators, out)


def _pk_rules(doc: Document, t: Tahunan, out: list[Diagnostic]) -> dict[str, Indikator]:
    """The PK revisions: ids and targets of the current (last) one, the definitions of
    each, and a reason for every revision. Returns the current indicators by id."""
    indicators: dict[str, Indikator] = {}
    for r, rev in enumerate(t.perjanjian_kinerja):
        loc: Path_ = ("perjanjian_kinerja", r, "indikator")
        if r == len(t.perjanjian_kinerja) - 1:
            _current_indicators(doc, rev.indikator, loc, indicators, out)
        definition_rules(doc, rev.indikator, loc, out)
        if rev.versi == "perubahan" and r > 0 and not rev.alasan:
            line, col = doc.where(("perjanjian_kinerja", r, "versi"))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "PK_REVISION",
                    msg("perjanjian kinerja perubahan tanpa alasan", "revised PK without a reason"),
                    msg("isi `alasan:` perubahan", "fill in `alasan:`"),
                    severity="warning",
                )
            )
    return indicators


def _current_indicators(
    doc: Document, items: list[Indikator], loc: Path_, indicators: dict[str, Indikator], out: list[Diagnostic]
) -> None:
    """The indicators of the current PK (sub-rows included) into ``indicators``: unique
    ids, and targets that look like a mistyped count."""
    for i, ind in enumerate(items):
        here = loc + (i,)
        if ind.id in indicators:
            line, col = doc.where(here + ("id",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "DUPLICATE_ID",
                    msg(f"id indikator '{ind.id}' dipakai dua kali", f"indicator id '{ind.id}' used twice"),
                    msg("beri setiap indikator id yang berbeda", "give each indicator its own id"),
                )
            )
        indicators[ind.id] = ind
        ambiguous(doc, here + ("target",), ind.target, ind.satuan, out)
        for tw, v in ind.target_triwulan.items():
            ambiguous(doc, here + ("target_triwulan", tw), v, ind.satuan, out)
        _current_indicators(doc, ind.rincian, here + ("rincian",), indicators, out)


def _iki_rules(doc: Document, t: Tahunan, indicators: dict[str, Indikator], out: list[Diagnostic]) -> None:
    """The IKI sheet: unique ids and definitions. Without a PK its indicators are the ones
    reports refer to (added to ``indicators``)."""
    if t.iki is None:
        return
    iki_ids: set[str] = set()
    for ind, _parent, _depth in compute.walk_indicators(t.iki.indikator):
        if ind.id in iki_ids:
            line, col = doc.where(("iki",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "DUPLICATE_ID",
                    msg(f"id indikator IKI '{ind.id}' dipakai dua kali", f"IKI indicator id '{ind.id}' used twice"),
                    msg("beri setiap indikator id yang berbeda", "give each indicator its own id"),
                )
            )
        iki_ids.add(ind.id)
        if not t.perjanjian_kinerja:
            indicators[ind.id] = ind
    definition_rules(doc, t.iki.indikator, ("iki", "indikator"), out)


def _budget_rules(
    doc: Document, items: list[PosAnggaran], loc: Path_, budget: dict[str, PosAnggaran], out: list[Diagnostic]
) -> None:
    """The budget tree into ``budget``: unique ids, and each parent's pagu equal to the sum of its rows."""
    for i, pos in enumerate(items):
        here = loc + (i,)
        if pos.id in budget:
            line, col = doc.where(here + ("id",))
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "DUPLICATE_ID",
                    msg(f"id pos anggaran '{pos.id}' dipakai dua kali", f"budget id '{pos.id}' used twice"),
                )
            )
        budget[pos.id] = pos
        if pos.rincian:
            total = sum((c.pagu for c in pos.rincian), Decimal(0))
            if total != pos.pagu:
                line, col = doc.where(here + ("pagu",))
                out.append(
                    Diagnostic(
                        doc.rel,
                        line,
                        col,
                        "BUDGET_SUM",
                        msg(
                            f"pagu '{pos.id}' {pos.pagu:,} tidak sama dengan jumlah rinciannya {total:,} (selisih {pos.pagu - total:,})".replace(
                                ",", "."
                            ),
                            f"pagu of '{pos.id}' {pos.pagu:,} differs from the sum of its rows {total:,}",
                        ),
                        msg(
                            "periksa pagu induk dan rinciannya; bila memang berbeda di dokumen sumber, catat di catatan_sumber",
                            "check the parent and its rows; if the source differs, note it in catatan_sumber",
                        ),
                        severity="warning",
                    )
                )
        _budget_rules(doc, pos.rincian, here + ("rincian",), budget, out)

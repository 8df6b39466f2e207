"""One position's year compared across the two sides: the agreement it is measured
against (the Perjanjian Kinerja in force, else the IKI sheet), with indicators and
targets added, changed or removed, as Markdown lines."""

from __future__ import annotations

from generator.compute.engine import measured_indicators, walk_indicators
from generator.core.fmt import ROMAWI, angka
from generator.staff.diff.counts import Counts
from generator.staff.diff.markdown import change, md, numbered, table


def agreement(year) -> tuple[str, dict]:
    """The indicators a position's year is measured against: the PK in force, else the IKI sheet."""
    t = year.model
    label = "Perjanjian kinerja" if t.perjanjian_kinerja else "Indikator kinerja individu"
    return label, {ind.id: ind for ind, _p, _d in walk_indicators(measured_indicators(t))}


def _quarters(ind) -> str:
    return ", ".join(f"TW {ROMAWI[q]}: {angka(v)}" for q, v in sorted(ind.target_triwulan.items()))


def _dash(text: str) -> str:
    return text or "–"


def agreement_lines(old, new, tahun: int, counts: Counts, before_year=None) -> list[str]:
    """Targets and indicator definitions that changed in one position's year. A new
    year's agreement (``old`` None) is compared with ``before_year``, the year before,
    when there is one: what was kept, what changed and what was dropped."""
    if new is None:
        if old is None:
            return []
        counts.agreements_removed += 1
        return ["", f"**Berkas tahun {tahun} dihapus.**"]
    if old is None and before_year is not None:
        return _new_year_lines(new, before_year, tahun, counts)
    label, now = agreement(new)
    before = agreement(old)[1] if old is not None else {}
    rows = []
    for iid, ind in now.items():
        prev = before.get(iid)
        unit = f" {md(ind.satuan)}" if ind.satuan else ""
        name = numbered(ind.nomor, ind.indikator)
        if prev is None:
            rows.append([name + " *(baru)*", angka(ind.target) + unit, _dash(_quarters(ind))])
            counts.indicators_added += old is not None
        elif _differs(prev, ind):
            rows.append(
                [
                    name + _polarity(prev, ind),
                    change(prev.target, ind.target) + unit,
                    change(_quarters(prev), _quarters(ind), _dash),
                ]
            )
            counts.indicators_changed += 1
    gone = [ind for iid, ind in before.items() if iid not in now]
    rows += [[f"~~{md(ind.indikator)}~~ *(dihapus)*", "", ""] for ind in gone]
    counts.indicators_removed += len(gone)
    if not rows:
        return []
    if old is None:
        counts.agreements_added += 1
        title = f"**{label} {tahun} (baru)**"
    else:
        title = f"**{label} {tahun}: indikator dan target yang berubah**"
    return ["", title, ""] + table(["Indikator", "Target tahunan", "Target s.d. triwulan"], rows)


def _differs(prev, ind) -> bool:
    keys = ("target", "target_triwulan", "indikator", "satuan", "polaritas")
    return any(getattr(prev, k) != getattr(ind, k) for k in keys)


def _polarity(prev, ind) -> str:
    return "" if prev.polaritas == ind.polaritas else f" (polaritas {prev.polaritas} → {ind.polaritas})"


def _new_year_lines(new, before_year, tahun: int, counts: Counts) -> list[str]:
    """A new year's agreement beside last year's: every indicator with its target
    last year → this year, the new ones marked, the ones not carried over struck out."""
    label, now = agreement(new)
    last = agreement(before_year)[1]
    lalu = before_year.model.tahun or tahun - 1
    counts.agreements_added += 1
    rows = []
    same = 0
    for iid, ind in now.items():
        prev = last.get(iid)
        unit = f" {md(ind.satuan)}" if ind.satuan else ""
        name = numbered(ind.nomor, ind.indikator)
        if prev is None:
            rows.append([name + " *(baru)*", f"– → {angka(ind.target)}{unit}", _dash(_quarters(ind))])
            continue
        if prev.target == ind.target:
            same += 1
            target = f"{angka(ind.target)}{unit} (sama)"
        else:
            target = f"{angka(prev.target)} → {angka(ind.target)}{unit}"
        rows.append([name + _polarity(prev, ind), target, _dash(_quarters(ind))])
    rows += [
        [f"~~{md(ind.indikator)}~~ *(tidak ada lagi)*", f"{angka(ind.target)} → –", ""]
        for iid, ind in last.items()
        if iid not in now
    ]
    title = f"**{label} {tahun} (baru), dibandingkan dengan target {lalu}**"
    note = f"{same} dari {len(now)} indikator bertarget sama dengan tahun {lalu}."
    return ["", title, "", note, ""] + table(["Indikator", f"Target {lalu} → {tahun}", "Target s.d. triwulan"], rows)

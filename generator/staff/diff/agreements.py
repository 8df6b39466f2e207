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


def agreement_lines(old, new, tahun: int, counts: Counts) -> list[str]:
    """Targets and indicator definitions that changed in one position's year."""
    if new is None:
        if old is None:
            return []
        counts.agreements_removed += 1
        return ["", f"**Berkas tahun {tahun} dihapus.**"]
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
        elif (prev.target, prev.target_triwulan, prev.indikator, prev.satuan, prev.polaritas) != (
            ind.target,
            ind.target_triwulan,
            ind.indikator,
            ind.satuan,
            ind.polaritas,
        ):
            polar = "" if prev.polaritas == ind.polaritas else f" (polaritas {prev.polaritas} → {ind.polaritas})"
            rows.append([name + polar, change(prev.target, ind.target) + unit, change(_quarters(prev), _quarters(ind), _dash)])
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

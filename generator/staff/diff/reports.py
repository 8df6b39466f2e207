"""One quarterly report compared across the two sides: its indicator rows (target,
realisation, capaian, predikat), budget rows, average and bands, calculation policies
that now resolve differently, and printed-vs-computed differences, as Markdown lines;
and a new report shown in full."""

from __future__ import annotations

from decimal import Decimal

from generator.compute.policy import DESCRIPTIONS, ROUNDING_LABELS
from generator.compute.serialize import policy_dict
from generator.core.fmt import angka, persen
from generator.core.numbers import format_id, format_rupiah
from generator.staff.diff.counts import Counts
from generator.staff.diff.markdown import change, md, numbered, table

INDICATOR_HEADER = ["Indikator", "Target", "Realisasi", "Capaian", "Predikat"]


def _real(r) -> str:
    if r is None:
        return "–"
    if r.status == "na":
        return "n/a"
    if r.realisasi is None and r.realisasi_teks:
        return md(f"“{r.realisasi_teks}” (tercetak)")  # a word or a dash, kept as printed
    if r.realisasi is None:
        return "belum diisi"
    return angka(r.realisasi)


def _predikat(value) -> str:
    return md(value or "–")


def _row_cells(row, *, old=None) -> list[str]:
    name = numbered(row.nomor, row.indikator)
    unit = f" {md(row.satuan)}" if row.satuan else ""
    if old is None:
        return [name, angka(row.target) + unit, _real(row), persen(row.capaian), _predikat(row.predikat)]
    return [
        name,
        change(old.target, row.target) + unit,
        change(_real(old), _real(row), str),
        change(old.capaian, row.capaian, persen),
        change(old.predikat, row.predikat, _predikat),
    ]


def _row_changed(old, new) -> bool:
    keys = ("target", "realisasi", "realisasi_teks", "status", "capaian", "predikat", "indikator", "satuan", "nomor")
    return any(getattr(old, k) != getattr(new, k) for k in keys)


def _band(res) -> str | None:
    return res.predikat.predikat if res.predikat else None


def _disc_text(d) -> str:
    def fmt(v):
        return format_id(v) if isinstance(v, Decimal) else md(v if v is not None else "–")

    return f"{md(d.label)}: tercetak {fmt(d.tercetak)}, hasil hitung {fmt(d.dihitung)}"


def _policy_value(name: str, value) -> str:
    if isinstance(value, dict) and "cara" in value:
        return f"{ROUNDING_LABELS.get(value['cara'], value['cara'])}, {value['desimal']} desimal"
    if isinstance(value, list):
        return "; ".join(
            f"{'> ' + format_id(Decimal(str(b['di_atas']))) if b['di_atas'] is not None else 'sisanya'} {md(b['predikat'])}"
            for b in value
        )
    if value is None:
        return "tidak ada"
    text = DESCRIPTIONS.get(name, {}).get(str(value))
    return f"`{value}` ({text})" if text else f"`{value}`"


# --------------------------------------------------------------------------- a report on both sides


def report_lines(old, new, counts: Counts) -> list[str]:
    """The changes of one report present on both sides; [] when nothing a reader sees changed."""
    o, n = old[4], new[4]
    rows = _indicator_rows(o, n, counts)
    budget_rows = _budget_changes(o, n)
    bullets = _figure_bullets(o, n) + _policy_bullets(o, n, counts) + _discrepancy_bullets(o, n, counts)
    lines: list[str] = []
    if rows:
        lines += table(INDICATOR_HEADER, rows) + [""]
    if budget_rows:
        lines += table(["Pos anggaran", "Target", "Realisasi", "Persen"], budget_rows) + [""]
    lines += [f"- {b}" for b in bullets]
    if rows or bullets or budget_rows:
        counts.reports_changed += 1
        return lines
    return []


def _indicator_rows(o, n, counts: Counts) -> list[list[str]]:
    old_rows = {r.id: r for r in o.rows}
    new_rows = {r.id: r for r in n.rows}
    rows = []
    for r in n.rows:
        before = old_rows.get(r.id)
        if before is None:
            cells = _row_cells(r)
            cells[0] += " *(baru)*"
            rows.append(cells)
            counts.realisations_changed += r.status != "belum_ada"
        elif _row_changed(before, r):
            rows.append(_row_cells(r, old=before))
            counts.realisations_changed += (before.realisasi, before.status) != (r.realisasi, r.status)
    for r in o.rows:
        if r.id not in new_rows:
            rows.append([f"~~{md(r.indikator)}~~ *(dihapus)*", "", "", "", ""])
    return rows


def _budget_changes(o, n) -> list[list[str]]:
    old = {b.id: b for b in o.budget}
    rows = []
    for b in n.budget:
        a = old.get(b.id)
        name = numbered(b.nomor, b.nama)
        if a is None:
            rows.append([name + " *(baru)*", format_rupiah(b.target), format_rupiah(b.realisasi), persen(b.persen)])
        elif (a.target, a.realisasi, a.persen, a.nama) != (b.target, b.realisasi, b.persen, b.nama):
            rows.append(
                [
                    name,
                    change(a.target, b.target, format_rupiah),
                    change(a.realisasi, b.realisasi, format_rupiah),
                    change(a.persen, b.persen, persen),
                ]
            )
    new_ids = {b.id for b in n.budget}
    rows += [[f"~~{md(a.nama)}~~ *(dihapus)*", "", "", ""] for a in o.budget if a.id not in new_ids]
    return rows


def _figure_bullets(o, n) -> list[str]:
    """The report's totals: average capaian and its band, budget absorption, efficiency."""
    bullets = []
    if (o.rata_rata, _band(o)) != (n.rata_rata, _band(n)):
        bullets.append(
            f"Rata-rata capaian kinerja: {change(o.rata_rata, n.rata_rata, persen)}, predikat "
            + (f"tetap **{md(_band(n))}**" if _band(o) == _band(n) else f"**{md(_band(o))}** → **{md(_band(n))}**")
        )
    if o.anggaran_total != n.anggaran_total:
        bullets.append(f"Capaian (serapan) anggaran: {change(o.anggaran_total, n.anggaran_total, persen)}")
    if o.efisiensi != n.efisiensi:
        bullets.append(f"Efisiensi: {change(o.efisiensi, n.efisiensi)}")
    return bullets


def _policy_bullets(o, n, counts: Counts) -> list[str]:
    old_policy, new_policy = policy_dict(o.policy), policy_dict(n.policy)
    bullets = []
    for name, value in new_policy.items():
        if old_policy.get(name) != value:
            label = DESCRIPTIONS.get(name, {}).get("_", name)
            bullets.append(
                f"Kebijakan perhitungan **{md(label)}** (`{name}`): {_policy_value(name, old_policy.get(name))} → {_policy_value(name, value)}"
            )
    counts.policy_reports += old_policy != new_policy
    return bullets


def _discrepancy_bullets(o, n, counts: Counts) -> list[str]:
    old_disc = {d.angka: d for d in o.discrepancies}
    new_disc = {d.angka: d for d in n.discrepancies}
    bullets = []
    for key, d in new_disc.items():
        before = old_disc.get(key)
        if before is None or (before.tercetak, before.dihitung) != (d.tercetak, d.dihitung):
            bullets.append(f"⚠️ Selisih baru — {_disc_text(d)}")
            counts.discrepancies += 1
    for key, d in old_disc.items():
        if key not in new_disc:
            bullets.append(f"✅ Tidak berselisih lagi — {md(d.label)}: angka tercetak kini sama dengan hasil hitung")
    return bullets


# --------------------------------------------------------------------------- a new report


def new_report_lines(rep) -> list[str]:
    res = rep[4]
    lines = table(INDICATOR_HEADER, [_row_cells(r) for r in res.rows]) + [""]
    lines.append(f"- Rata-rata capaian kinerja: {persen(res.rata_rata)}, predikat **{md(_band(res) or '–')}**")
    if res.anggaran_total is not None:
        lines.append(f"- Capaian (serapan) anggaran: {persen(res.anggaran_total)}")
    if res.efisiensi is not None:
        lines.append(f"- Efisiensi: {angka(res.efisiensi)}")
    for d in res.discrepancies:
        lines.append(f"- ⚠️ Selisih — {_disc_text(d)}")
    return lines

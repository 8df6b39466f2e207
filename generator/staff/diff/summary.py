"""The Markdown summary (``render``): problems in the proposed data first, then per
agency and position the agreements and reports that changed, the one-sentence tally,
and the list of data files changed."""

from __future__ import annotations

import re

from generator.staff.diff.agreements import agreement, agreement_lines
from generator.staff.diff.counts import Counts
from generator.staff.diff.markdown import MARKER, diag_list, limit, md, period
from generator.staff.diff.reports import new_report_lines, report_lines
from generator.staff.diff.sides import Side, blocked, changed_files, names, positions, years


def render(base: Side, head: Side) -> str:
    """The Markdown summary of the changes from ``base`` to ``head``."""
    out = [MARKER, "## Ringkasan perubahan data kinerja", ""]
    out.append(
        f"Membandingkan data dasar {base.label} dengan {head.label}. "
        "Capaian dan predikat dihitung ulang oleh mesin dengan aturan yang sama seperti di situs."
    )
    out.append("")
    out += _problem_lines(base, head)
    comparison = _Comparison(base, head)
    body = comparison.body()
    changed = changed_files(base, head)
    summary = comparison.counts.sentence()
    if summary:
        out += [f"**Singkatnya:** {summary}."]
    elif changed and not (head.result and head.result.errors):
        out += ["Perubahan ini tidak mengubah angka target, realisasi, capaian maupun predikat."]
    else:
        out += ["Tidak ada perubahan pada folder data."]
    out += body
    if changed:
        out += ["", f"<details><summary>Berkas data yang berubah ({len(changed)})</summary>", ""]
        out += [f"- `{path.replace('`', '')}` ({what})" for path, what in changed] + ["", "</details>"]
    out += [
        "",
        "<sub>Dibuat otomatis oleh <code>kinerja diff</code>. Komentar ini diperbarui setiap kali usulan diperbarui.</sub>",
        "",
    ]
    return limit(re.sub(r"\n{3,}", "\n\n", "\n".join(out)))


def _diag_key(d) -> tuple:
    return (d.path, d.code, d.message.id)


def _problem_lines(base: Side, head: Side) -> list[str]:
    """Errors in the proposal (they block publishing), errors already in the base, new warnings."""
    out: list[str] = []
    if head.result is None:
        out += ["❌ **Folder data tidak ada pada usulan ini.**", ""]
    elif head.result.errors:
        errs = head.result.errors
        out += [
            f"❌ **Data usulan memiliki {len(errs)} galat**, jadi belum dapat diterbitkan. "
            "Setiap galat juga ditandai pada barisnya di tab *Files changed*. Perbaiki, lalu simpan (commit) lagi ke cabang yang sama.",
            "",
        ]
        out += diag_list(errs) + [""]
    if base.result is not None and base.result.errors:
        out += (
            [
                f"⚠️ Data dasar {base.label} sudah memiliki {len(base.result.errors)} galat sebelum usulan ini.",
                "",
                "<details><summary>Galat pada data dasar</summary>",
                "",
            ]
            + diag_list(base.result.errors)
            + ["", "</details>", ""]
        )
    if head.result is not None and base.result is not None:
        old_warn = {_diag_key(d) for d in base.result.warnings}
        new_warn = [d for d in head.result.warnings if _diag_key(d) not in old_warn and d.code != "PRINTED_DIFFERS"]
        if new_warn:
            out += [f"⚠️ **{len(new_warn)} peringatan baru** (tidak menghalangi penerbitan, tetapi mohon diperiksa):", ""]
            out += diag_list(new_warn) + [""]
    return out


class _Comparison:
    """Both sides indexed by position and year, walked agency by agency; ``counts`` tallies
    what was found for the summary sentence."""

    def __init__(self, base: Side, head: Side):
        self.base, self.head = base, head
        self.counts = Counts()
        self.old_pos, self.new_pos = positions(base), positions(head)
        self.old_years, self.new_years = years(base), years(head)

    def body(self) -> list[str]:
        keys = (*self.base.reports, *self.head.reports, *self.old_pos, *self.new_pos)
        body: list[str] = []
        for region, agency in sorted({k[:2] for k in keys}):
            body += self._agency(region, agency, sorted({k[2] for k in keys if k[:2] == (region, agency)}))
        return body

    def _agency(self, region: str, agency: str, position_ids: list[str]) -> list[str]:
        """One agency's heading, its added and removed positions, then each changed position."""
        section: list[str] = []
        added, removed = [], []
        for pid in position_ids:
            key3 = (region, agency, pid)
            title = md(names(self.head if key3 in self.new_pos else self.base, region, agency, pid)[2])
            part: list[str] = []
            if key3 in self.new_pos and key3 not in self.old_pos:
                added.append(title + self._years_note(key3))
            elif key3 in self.old_pos and key3 not in self.new_pos:
                if not blocked(self.head, (*key3, 0, 0)):
                    removed.append(title)
                    self.counts.positions_removed += 1
                continue
            else:  # a position on both sides: its agreements, year by year
                part += self._agreements(key3)
            part += self._reports(key3)
            if part:
                section += ["", f"#### {title}", ""] + part
        self.counts.positions_added += len(added)
        lists = []
        if added:
            lists += ["", f"Jabatan baru ({len(added)}):", ""] + [f"- {a}" for a in added]
        if removed:
            lists += ["", f"Jabatan dihapus ({len(removed)}):", ""] + [f"- {r}" for r in removed]
        if not (section or lists):
            return []
        is_new = (region, agency) not in {k[:2] for k in self.old_pos}
        reg_name, ag_name, _ = names(
            self.head if (region, agency) in {k[:2] for k in self.new_pos} else self.base, region, agency
        )
        return ["", f"### {md(reg_name)} › {md(ag_name)}" + (" *(perangkat daerah baru)*" if is_new else "")] + lists + section

    def _years_note(self, key3: tuple) -> str:
        """ " (2025: 12 indikator; …)" for a new position's year files."""
        counted = [(k[3], len(agreement(y)[1])) for k, y in sorted(self.new_years.items()) if k[:3] == key3]
        return " (" + "; ".join(f"{t}: {n} indikator" for t, n in counted) + ")" if counted else ""

    def _agreements(self, key3: tuple) -> list[str]:
        part: list[str] = []
        for tahun in sorted({k[3] for k in (*self.old_years, *self.new_years) if k[:3] == key3}):
            part += agreement_lines(self.old_years.get((*key3, tahun)), self.new_years.get((*key3, tahun)), tahun, self.counts)
        return part

    def _reports(self, key3: tuple) -> list[str]:
        base, head = self.base, self.head
        part: list[str] = []
        for tahun, tw in sorted({k[3:] for k in (*base.reports, *head.reports) if k[:3] == key3}):
            key = (*key3, tahun, tw)
            old, new = base.reports.get(key), head.reports.get(key)
            if old and new:
                lines = report_lines(old, new, self.counts)
                if lines:
                    part += ["", f"**Laporan {period(tahun, tw)}**", ""] + lines
            elif new:
                self.counts.reports_added += 1
                part += ["", f"**Laporan baru: {period(tahun, tw)}**", ""] + new_report_lines(new)
            elif blocked(head, key):
                part += ["", f"**Laporan {period(tahun, tw)}**: belum dapat dihitung karena berkasnya bergalat (lihat di atas)."]
            else:
                self.counts.reports_removed += 1
                part += ["", f"**Laporan dihapus: {period(tahun, tw)}**"]
        return part

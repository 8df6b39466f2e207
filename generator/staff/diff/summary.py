"""The Markdown summary (``render``): problems in the proposed data first, then per
agency and position the agreements and reports that changed, the one-sentence tally,
and the list of data files changed."""

from __future__ import annotations

import re

from generator.check.own import changed_map, run_link, split
from generator.core.fmt import mask_nip_like, tanggal
from generator.staff.diff.agreements import agreement, agreement_lines
from generator.staff.diff.counts import Counts
from generator.staff.diff.markdown import MARKER, code, diag_list, limit, md, period
from generator.staff.diff.reports import new_report_lines, report_lines
from generator.staff.diff.sides import Side, blocked, changed_files, has_errors, names, positions, year_file_present, years


def render(base: Side, head: Side) -> str:
    """The Markdown summary of the changes from ``base`` to ``head``."""
    out = [MARKER, "## Ringkasan perubahan data kinerja", ""]
    out.append(
        f"Membandingkan data dasar {base.label} dengan {head.label}. "
        "Capaian dan predikat dihitung ulang oleh mesin dengan aturan yang sama seperti di situs."
    )
    out.append("")
    out += _as_of_lines(base, head)
    out += _problem_lines(base, head)
    comparison = _Comparison(base, head)
    body = comparison.body()
    changed = changed_files(base, head)
    summary = comparison.counts.sentence()
    if summary:
        out += [f"**Singkatnya:** {summary}."]
    elif changed and any(has_errors(head, path) for path, _ in changed):
        out += ["Angka dari berkas yang bergalat belum dapat dibandingkan; perbaiki galatnya lebih dulu."]
    elif changed:
        out += ["Perubahan ini tidak mengubah angka target, realisasi, capaian maupun predikat."]
    else:
        out += ["Tidak ada perubahan pada folder data."]
    out += body
    if changed:
        out += ["", f"<details><summary>Berkas data yang berubah ({len(changed)})</summary>", ""]
        out += [f"- {code(path)} ({what}{', bergalat' if has_errors(head, path) else ''})" for path, what in changed] + [
            "",
            "</details>",
        ]
    out += [
        "",
        "<sub>Dibuat otomatis oleh <code>kinerja diff</code>. Komentar ini diperbarui setiap kali usulan diperbarui.</sub>",
        "",
    ]
    # a last guard for a public comment: no NIP-like number from any data text in full
    return limit(mask_nip_like(re.sub(r"\n{3,}", "\n\n", "\n".join(out))))


def _as_of_lines(base: Side, head: Side) -> list[str]:
    """The data's as-of date (site.yml ``data_per``), old → new when the proposal moves it."""
    old, new = (s.result.dataset.situs.data_per if s.result and s.result.dataset else None for s in (base, head))
    if new is None:
        return []
    if old is None or old == new:
        return [f"Tanggal data (`data_per`): {tanggal(new)}.", ""]
    return [f"Tanggal data (`data_per`): **{tanggal(old)} → {tanggal(new)}**.", ""]


def _problem_lines(base: Side, head: Side) -> list[str]:
    """Whether the proposal can be published; its own findings (on the lines and files it
    changed, or new with it: check/own.py), errors first; then the old ones as a count."""
    if head.result is None:
        return ["❌ **Folder data tidak ada pada usulan ini.**", ""]
    out: list[str] = []
    errs = head.result.errors
    if errs:
        out += [
            f"❌ **Data usulan memiliki {len(errs)} galat**, jadi belum dapat diterbitkan. "
            "Perbaiki, lalu simpan (commit) lagi ke cabang yang sama.",
            "",
        ]
    found = split(head.result.diagnostics, base.result.diagnostics if base.result else None, changed_map(base.files, head.files))
    if found.own:
        e = sum(1 for d in found.own if d.severity == "error")
        out += [
            f"**Temuan pada bagian yang diubah usulan ini: {e} galat, {len(found.own) - e} peringatan** "
            "(juga ditandai pada barisnya di tab *Files changed*):",
            "",
        ]
        out += diag_list(found.own) + [""]
    elif head.files != base.files:
        out += ["✅ Tidak ada galat atau peringatan pada bagian yang diubah usulan ini.", ""]
    if found.old:
        link = run_link()
        where = (
            f"[Daftar lengkapnya]({link}) ada di halaman Summary pemeriksaan."
            if link
            else ("Daftar lengkapnya: jalankan `kinerja check`.")
        )
        out += [
            f"ℹ️ **{len(found.old)} temuan lama** ({found.old_errors} galat, {found.old_warnings} peringatan) sudah ada "
            f"di data dasar {base.label} sebelum usulan ini dan tidak ditandai pada barisnya. {where}",
            "",
        ]
        old_errors = [d for d in found.old if d.severity == "error"]
        if old_errors:  # they block publishing too, so they are listed
            out += ["<details><summary>Galat lama</summary>", ""] + diag_list(old_errors) + ["", "</details>", ""]
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
        added, removed, broken = [], [], []
        for pid in position_ids:
            key3 = (region, agency, pid)
            title = md(names(self.head if key3 in self.new_pos else self.base, region, agency, pid)[2])
            part: list[str] = []
            if key3 in self.new_pos and key3 not in self.old_pos:
                added.append(title + self._years_note(key3))
            elif key3 in self.old_pos and key3 not in self.new_pos:
                if blocked(self.head, (*key3, 0, 0)):
                    broken.append(title)  # its file (or its agency's or region's) has errors: not removed
                else:
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
        if broken:
            lists += ["", f"Jabatan yang berkasnya bergalat, belum dapat dibandingkan ({len(broken)}):", ""]
            lists += [f"- {b}" for b in broken]
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
            old, new = self.old_years.get((*key3, tahun)), self.new_years.get((*key3, tahun))
            if new is None and old is not None and year_file_present(self.head, (*key3, tahun)):
                # still there, but unreadable or with errors: not a deletion
                part += ["", f"**Berkas tahun {tahun} bergalat**, jadi belum dapat dibandingkan (lihat galatnya di atas)."]
                continue
            # a new year's agreement is compared with the year before (the proposal's, else the base's)
            before = self.new_years.get((*key3, tahun - 1)) or self.old_years.get((*key3, tahun - 1)) if old is None else None
            part += agreement_lines(old, new, tahun, self.counts, before)
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

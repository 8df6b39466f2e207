"""`kinerja diff BASE [HEAD]`: what a pull request changes, in plain Indonesian Markdown.

Both revisions are taken out of git (``git archive``) into temporary folders and run
through the same `check` as the site, so the summary speaks of figures, not of YAML
lines: per agency, position and report, target and realisation old → new, the capaian
and predikat that follow, indicators and reports added or removed, calculation policies
that now resolve differently, and printed-vs-computed differences that appear. Without
HEAD the data folder as it is on disk is compared with BASE.

The output starts with ``MARKER`` so the pull-request workflow can find and update its
own comment instead of adding a new one on every push.
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.compute.engine import measured_indicators, walk_indicators
from generator.core.numbers import format_id, format_rupiah
from generator.compute.policy import DESCRIPTIONS, ROUNDING_LABELS
from generator.compute.serialize import policy_dict
from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE
from generator.check import CheckResult, check

MARKER = "<!-- kinerja-diff -->"
MAX_CHARS = 60_000  # GitHub refuses comments over 65 536 characters
MAX_LISTED = 30  # errors or warnings listed one by one before "… dan N lainnya"

TRIWULAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class DiffError(Exception):
    """A problem with the revisions or the repository, told to the user as is."""


# --------------------------------------------------------------------------- Markdown text

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|~>])")


def md(value: object) -> str:
    """Data text as literal inline Markdown (GitHub): no formatting, links, HTML, table
    breaks, @mentions or #references can come out of it."""
    s = re.sub(r"[\x00-\x1f\x7f]+", " ", str(value)).strip()
    s = _MD_SPECIAL.sub(r"\\\1", s.replace("&", "&amp;")).replace("<", "&lt;")
    return s.replace("@", "@\u200b")  # a zero-width space after @ keeps GitHub from notifying anyone


def _num(value: Decimal | None) -> str:
    return format_id(value) if value is not None else "–"


def _pct(value: Decimal | None) -> str:
    return f"{format_id(value)}%" if value is not None else "–"


def _change(old, new, fmt=_num) -> str:
    return fmt(new) if old == new else f"{fmt(old)} → {fmt(new)}"


def _tw(tahun: int, triwulan: int) -> str:
    return f"{tahun} triwulan {TRIWULAN.get(triwulan, triwulan)}"


# --------------------------------------------------------------------------- the two sides

@dataclass
class Side:
    label: str
    root: Path  # the data folder on disk (a temporary copy for a git revision)
    prefix: str  # the data folder's path in the repository, e.g. "data"
    result: CheckResult | None  # None: no data folder at this revision
    files: dict[str, bytes] = field(default_factory=dict)
    reports: dict[tuple, tuple] = field(default_factory=dict)
    error_paths: set[str] = field(default_factory=set)

    def canon(self, path: Path | str) -> str:
        """A file's path as the repository names it ("data/…"), whichever copy it was read from."""
        p = Path(path)
        p = (p if p.is_absolute() else Path.cwd() / p).resolve()
        try:
            rel = p.relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
        return f"{self.prefix}/{rel}" if self.prefix not in ("", ".") else rel


def _git(args: list[str], cwd: Path, *, binary: bool = False):
    try:
        r = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120)
    except FileNotFoundError:
        raise DiffError("perintah git tidak ditemukan; pasang git terlebih dahulu") from None
    if r.returncode != 0:
        raise DiffError(r.stderr.decode("utf-8", "replace").strip() or f"git {' '.join(args)} gagal")
    return r.stdout if binary else r.stdout.decode("utf-8", "replace").strip()


def _repo_and_prefix(data_dir: Path) -> tuple[Path, str]:
    probe = data_dir if data_dir.is_dir() else Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], probe))
    except DiffError:
        raise DiffError(f"'{probe}' tidak berada di dalam repositori git") from None
    try:
        prefix = (Path.cwd() / data_dir).resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise DiffError(f"folder data '{data_dir}' berada di luar repositori git {top}") from None
    return top, prefix


def _finish(side: Side) -> Side:
    result = side.result
    if result is None:
        return side
    for d in result.diagnostics:
        d.path = side.canon(d.path)
    side.error_paths = {d.path for d in result.errors}
    for agency, position, year, lap, res in result.reports:
        side.reports[(agency.region_id, agency.id, position.id, res.tahun, res.triwulan)] = (agency, position, year, lap, res)
    return side


def _read_files(root: Path, prefix: str) -> dict[str, bytes]:
    return {f"{prefix}/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def side_from_git(top: Path, prefix: str, rev: str, tmp: Path, role: str = "base") -> Side:
    try:
        sha = _git(["rev-parse", "--short", f"{rev}^{{commit}}"], top)
    except DiffError:
        raise DiffError(f"revisi '{rev}' tidak ditemukan di repositori (untuk pull request: ambil seluruh riwayat, fetch-depth: 0)") from None
    label = f"`{rev.replace('`', '')}` ({sha})" if rev != sha else f"`{sha}`"
    label = f"data usulan {label}" if role == "head" else label
    out = Path(tempfile.mkdtemp(dir=tmp))
    if not _git(["ls-tree", "-d", rev, "--", prefix], top):
        return Side(label, out / prefix, prefix, None)
    archive = _git(["archive", "--format=tar", rev, "--", prefix], top, binary=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        try:
            tar.extractall(out, filter="data")
        except TypeError:  # Python < 3.11.4 has no extraction filters
            tar.extractall(out)
    root = out / prefix
    return _finish(Side(label, root, prefix, check(root), _read_files(root, prefix)))


DISK_LABEL = "isi folder data saat ini"


def side_from_disk(data_dir: Path, prefix: str) -> Side:
    if not data_dir.is_dir():
        return Side(DISK_LABEL, data_dir, prefix, None)
    return _finish(Side(DISK_LABEL, data_dir, prefix, check(data_dir), _read_files(data_dir, prefix)))


# --------------------------------------------------------------------------- comparing

def _policy_value(name: str, value) -> str:
    if isinstance(value, dict) and "cara" in value:
        return f"{ROUNDING_LABELS.get(value['cara'], value['cara'])}, {value['desimal']} desimal"
    if isinstance(value, list):
        return "; ".join(f"{'> ' + format_id(Decimal(str(b['di_atas']))) if b['di_atas'] is not None else 'sisanya'} {md(b['predikat'])}" for b in value)
    if value is None:
        return "tidak ada"
    text = DESCRIPTIONS.get(name, {}).get(str(value))
    return f"`{value}` ({text})" if text else f"`{value}`"


def _row_cells(row, *, old=None) -> list[str]:
    name = md(f"{row.nomor}. {row.indikator}" if row.nomor else row.indikator)
    unit = f" {md(row.satuan)}" if row.satuan else ""

    def real(r):
        if r is None:
            return "–"
        if r.status == "na":
            return "n/a"
        if r.realisasi is None:
            return "belum diisi"
        return _num(r.realisasi)

    if old is None:
        return [name, _num(row.target) + unit, real(row), _pct(row.capaian), md(row.predikat or "–")]
    return [
        name,
        _change(old.target, row.target) + unit,
        real(row) if real(old) == real(row) else f"{real(old)} → {real(row)}",
        _change(old.capaian, row.capaian, _pct),
        md(row.predikat or "–") if old.predikat == row.predikat else f"{md(old.predikat or '–')} → {md(row.predikat or '–')}",
    ]


def _row_changed(old, new) -> bool:
    keys = ("target", "realisasi", "status", "capaian", "predikat", "indikator", "satuan", "nomor")
    return any(getattr(old, k) != getattr(new, k) for k in keys)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def _disc_text(d) -> str:
    def fmt(v):
        return format_id(v) if isinstance(v, Decimal) else md(v if v is not None else "–")
    return f"{md(d.label)}: tercetak {fmt(d.tercetak)}, hasil hitung {fmt(d.dihitung)}"


@dataclass
class Counts:
    positions_added: int = 0
    positions_removed: int = 0
    agreements_added: int = 0
    agreements_removed: int = 0
    indicators_added: int = 0
    indicators_removed: int = 0
    indicators_changed: int = 0
    reports_added: int = 0
    reports_removed: int = 0
    reports_changed: int = 0
    realisations_changed: int = 0
    policy_reports: int = 0
    discrepancies: int = 0

    def sentence(self) -> str:
        parts = [
            (self.positions_added, "jabatan baru"), (self.positions_removed, "jabatan dihapus"),
            (self.agreements_added, "perjanjian kinerja tahun baru"), (self.agreements_removed, "berkas tahunan dihapus"),
            (self.indicators_added, "indikator baru"), (self.indicators_removed, "indikator dihapus"),
            (self.indicators_changed, "indikator atau target berubah"),
            (self.reports_added, "laporan baru"), (self.reports_removed, "laporan dihapus"), (self.reports_changed, "laporan berubah"),
            (self.realisations_changed, "realisasi berubah"), (self.policy_reports, "laporan dengan kebijakan perhitungan berubah"),
            (self.discrepancies, "selisih baru antara angka tercetak dan hasil hitung"),
        ]
        return " · ".join(f"{n} {what}" for n, what in parts if n)


def _report_lines(old, new, counts: Counts) -> list[str]:
    """The changes of one report present on both sides; [] when nothing a reader sees changed."""
    o, n = old[4], new[4]
    lines: list[str] = []
    old_rows = {r.id: r for r in o.rows}
    new_rows = {r.id: r for r in n.rows}
    table = []
    for r in n.rows:
        before = old_rows.get(r.id)
        if before is None:
            cells = _row_cells(r)
            cells[0] += " *(baru)*"
            table.append(cells)
            counts.realisations_changed += r.status != "belum_ada"
        elif _row_changed(before, r):
            table.append(_row_cells(r, old=before))
            counts.realisations_changed += (before.realisasi, before.status) != (r.realisasi, r.status)
    for r in o.rows:
        if r.id not in new_rows:
            table.append([f"~~{md(r.indikator)}~~ *(dihapus)*", "", "", "", ""])
    if table:
        lines += _table(["Indikator", "Target", "Realisasi", "Capaian", "Predikat"], table) + [""]

    bullets = []
    if (o.rata_rata, _band(o)) != (n.rata_rata, _band(n)):
        bullets.append(f"Rata-rata capaian kinerja: {_change(o.rata_rata, n.rata_rata, _pct)}, predikat "
                       + (f"tetap **{md(_band(n))}**" if _band(o) == _band(n) else f"**{md(_band(o))}** → **{md(_band(n))}**"))
    budget_rows = _budget_changes(o, n)
    if budget_rows:
        lines += _table(["Pos anggaran", "Target", "Realisasi", "Persen"], budget_rows) + [""]
    if o.anggaran_total != n.anggaran_total:
        bullets.append(f"Capaian (serapan) anggaran: {_change(o.anggaran_total, n.anggaran_total, _pct)}")
    if o.efisiensi != n.efisiensi:
        bullets.append(f"Efisiensi: {_change(o.efisiensi, n.efisiensi)}")
    old_policy, new_policy = policy_dict(o.policy), policy_dict(n.policy)
    for name, value in new_policy.items():
        if old_policy.get(name) != value:
            label = DESCRIPTIONS.get(name, {}).get("_", name)
            bullets.append(f"Kebijakan perhitungan **{md(label)}** (`{name}`): {_policy_value(name, old_policy.get(name))} → {_policy_value(name, value)}")
    counts.policy_reports += old_policy != new_policy
    old_disc = {d.angka: d for d in o.discrepancies}
    new_disc = {d.angka: d for d in n.discrepancies}
    for key, d in new_disc.items():
        before = old_disc.get(key)
        if before is None or (before.tercetak, before.dihitung) != (d.tercetak, d.dihitung):
            bullets.append(f"⚠️ Selisih baru — {_disc_text(d)}")
            counts.discrepancies += 1
    for key, d in old_disc.items():
        if key not in new_disc:
            bullets.append(f"✅ Tidak berselisih lagi — {md(d.label)}: angka tercetak kini sama dengan hasil hitung")
    lines += [f"- {b}" for b in bullets]
    if table or bullets or budget_rows:
        counts.reports_changed += 1
        return lines
    return []


def _band(res) -> str | None:
    return res.predikat.predikat if res.predikat else None


def _budget_changes(o, n) -> list[list[str]]:
    old = {b.id: b for b in o.budget}
    rows = []
    for b in n.budget:
        a = old.get(b.id)
        name = md(f"{b.nomor}. {b.nama}" if b.nomor else b.nama)
        if a is None:
            rows.append([name + " *(baru)*", format_rupiah(b.target) if b.target is not None else "–",
                         format_rupiah(b.realisasi) if b.realisasi is not None else "–", _pct(b.persen)])
        elif (a.target, a.realisasi, a.persen, a.nama) != (b.target, b.realisasi, b.persen, b.nama):
            rows.append([name, _change(a.target, b.target, format_rupiah), _change(a.realisasi, b.realisasi, format_rupiah),
                         _change(a.persen, b.persen, _pct)])
    new_ids = {b.id for b in n.budget}
    rows += [[f"~~{md(a.nama)}~~ *(dihapus)*", "", "", ""] for a in o.budget if a.id not in new_ids]
    return rows


def _new_report_lines(rep) -> list[str]:
    res = rep[4]
    lines = _table(["Indikator", "Target", "Realisasi", "Capaian", "Predikat"], [_row_cells(r) for r in res.rows]) + [""]
    lines.append(f"- Rata-rata capaian kinerja: {_pct(res.rata_rata)}, predikat **{md(_band(res) or '–')}**")
    if res.anggaran_total is not None:
        lines.append(f"- Capaian (serapan) anggaran: {_pct(res.anggaran_total)}")
    if res.efisiensi is not None:
        lines.append(f"- Efisiensi: {_num(res.efisiensi)}")
    for d in res.discrepancies:
        lines.append(f"- ⚠️ Selisih — {_disc_text(d)}")
    return lines


def _blocked(side: Side, key: tuple) -> bool:
    """True when the report cannot be computed on this side because one of its files has errors."""
    region, agency, position, tahun, _tw_ = key
    base = f"{side.prefix}/{region}"
    files = {f"{base}/{REGION_FILE}", f"{base}/{agency}/{AGENCY_FILE}", f"{base}/{agency}/{POSITIONS_DIR}/{position}.yml",
             f"{base}/{agency}/{tahun}/{position}.yml", f"{base}/{agency}/{tahun}/{position}.yaml"}
    return bool(files & side.error_paths)


def _names(side: Side, region: str, agency: str, position: str | None = None) -> tuple[str, str, str | None]:
    ds = side.result.dataset if side.result else None
    reg = ds.regions.get(region) if ds else None
    ag = reg.agencies.get(agency) if reg else None
    pos = ag.positions.get(position) if ag and position else None
    return (reg.model.nama if reg else region, ag.model.nama if ag else agency, pos.model.jabatan if pos else position)


def _years(side: Side) -> dict[tuple, object]:
    ds = side.result.dataset if side.result else None
    if ds is None:
        return {}
    return {(r.id, a.id, p.id, y.tahun): y for r, a, p, y in ds.years()}


def _agreement(year) -> tuple[str, dict]:
    """The indicators a position's year is measured against: the PK in force, else the IKI sheet."""
    t = year.model
    label = "Perjanjian kinerja" if t.perjanjian_kinerja else "Indikator kinerja individu"
    return label, {ind.id: ind for ind, _p, _d in walk_indicators(measured_indicators(t))}


def _agreement_lines(old, new, tahun: int, counts: Counts) -> list[str]:
    """Targets and indicator definitions that changed in one position's year."""
    if new is None:
        if old is None:
            return []
        counts.agreements_removed += 1
        return ["", f"**Berkas tahun {tahun} dihapus.**"]
    label, now = _agreement(new)
    before = _agreement(old)[1] if old is not None else {}
    rows = []
    for iid, ind in now.items():
        prev = before.get(iid)
        unit = f" {md(ind.satuan)}" if ind.satuan else ""
        name = md(f"{ind.nomor}. {ind.indikator}" if ind.nomor else ind.indikator)
        quarters = ", ".join(f"TW {TRIWULAN[q]}: {_num(v)}" for q, v in sorted(ind.target_triwulan.items()))
        if prev is None:
            rows.append([name + " *(baru)*", _num(ind.target) + unit, quarters or "–"])
            counts.indicators_added += old is not None
        elif (prev.target, prev.target_triwulan, prev.indikator, prev.satuan, prev.polaritas) != (ind.target, ind.target_triwulan, ind.indikator, ind.satuan, ind.polaritas):
            old_q = ", ".join(f"TW {TRIWULAN[q]}: {_num(v)}" for q, v in sorted(prev.target_triwulan.items()))
            polar = "" if prev.polaritas == ind.polaritas else f" (polaritas {prev.polaritas} → {ind.polaritas})"
            rows.append([name + polar, _change(prev.target, ind.target) + unit, (old_q or "–") if old_q == quarters else f"{old_q or '–'} → {quarters or '–'}"])
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
    return ["", title, ""] + _table(["Indikator", "Target tahunan", "Target s.d. triwulan"], rows)


def _positions(side: Side) -> dict[tuple, object]:
    ds = side.result.dataset if side.result else None
    if ds is None:
        return {}
    return {(a.region_id, a.id, pid): p for a in ds.agencies() for pid, p in a.positions.items()}


def _diag_line(d) -> str:
    hint = f" — saran: {md(d.hint.text('id'))}" if d.hint else ""
    return f"- `{d.path.replace('`', '')}` baris {d.line}: **{d.code}** {md(d.message.text('id'))}{hint}"


def _diag_list(diags: list) -> list[str]:
    lines = [_diag_line(d) for d in diags[:MAX_LISTED]]
    if len(diags) > MAX_LISTED:
        lines.append(f"- … dan {len(diags) - MAX_LISTED} lainnya (jalankan `kinerja check` untuk daftar lengkap)")
    return lines


def _diag_key(d) -> tuple:
    return (d.path, d.code, d.message.id)


def render(base: Side, head: Side) -> str:
    """The Markdown summary of the changes from ``base`` to ``head``."""
    out = [MARKER, "## Ringkasan perubahan data kinerja", ""]
    out.append(f"Membandingkan data dasar {base.label} dengan {head.label}. "
               "Capaian dan predikat dihitung ulang oleh mesin dengan aturan yang sama seperti di situs.")
    out.append("")

    if head.result is None:
        out += ["❌ **Folder data tidak ada pada usulan ini.**", ""]
    elif head.result.errors:
        errs = head.result.errors
        out += [f"❌ **Data usulan memiliki {len(errs)} galat**, jadi belum dapat diterbitkan. "
                "Setiap galat juga ditandai pada barisnya di tab *Files changed*. Perbaiki, lalu simpan (commit) lagi ke cabang yang sama.", ""]
        out += _diag_list(errs) + [""]
    if base.result is not None and base.result.errors:
        out += [f"⚠️ Data dasar {base.label} sudah memiliki {len(base.result.errors)} galat sebelum usulan ini.", "",
                "<details><summary>Galat pada data dasar</summary>", ""] + _diag_list(base.result.errors) + ["", "</details>", ""]
    if head.result is not None and base.result is not None:
        old_warn = {_diag_key(d) for d in base.result.warnings}
        new_warn = [d for d in head.result.warnings if _diag_key(d) not in old_warn and d.code != "PRINTED_DIFFERS"]
        if new_warn:
            out += [f"⚠️ **{len(new_warn)} peringatan baru** (tidak menghalangi penerbitan, tetapi mohon diperiksa):", ""]
            out += _diag_list(new_warn) + [""]

    counts = Counts()
    body: list[str] = []
    old_pos, new_pos = _positions(base), _positions(head)
    old_years, new_years = _years(base), _years(head)
    keys = (*base.reports, *head.reports, *old_pos, *new_pos)
    for region, agency in sorted({k[:2] for k in keys}):
        section: list[str] = []
        added, removed = [], []
        for pid in sorted({k[2] for k in keys if k[:2] == (region, agency)}):
            key3 = (region, agency, pid)
            title = md(_names(head if key3 in new_pos else base, region, agency, pid)[2])
            part: list[str] = []
            if key3 in new_pos and key3 not in old_pos:
                years = [(k[3], len(_agreement(y)[1])) for k, y in sorted(new_years.items()) if k[:3] == key3]
                added.append(title + (" (" + "; ".join(f"{t}: {n} indikator" for t, n in years) + ")" if years else ""))
            elif key3 in old_pos and key3 not in new_pos:
                if not _blocked(head, (*key3, 0, 0)):
                    removed.append(title)
                    counts.positions_removed += 1
                continue
            else:  # a position on both sides: its agreements, year by year
                for tahun in sorted({k[3] for k in (*old_years, *new_years) if k[:3] == key3}):
                    part += _agreement_lines(old_years.get((*key3, tahun)), new_years.get((*key3, tahun)), tahun, counts)
            for tahun, tw in sorted({k[3:] for k in (*base.reports, *head.reports) if k[:3] == key3}):
                key = (*key3, tahun, tw)
                old, new = base.reports.get(key), head.reports.get(key)
                if old and new:
                    lines = _report_lines(old, new, counts)
                    if lines:
                        part += ["", f"**Laporan {_tw(tahun, tw)}**", ""] + lines
                elif new:
                    counts.reports_added += 1
                    part += ["", f"**Laporan baru: {_tw(tahun, tw)}**", ""] + _new_report_lines(new)
                elif _blocked(head, key):
                    part += ["", f"**Laporan {_tw(tahun, tw)}**: belum dapat dihitung karena berkasnya bergalat (lihat di atas)."]
                else:
                    counts.reports_removed += 1
                    part += ["", f"**Laporan dihapus: {_tw(tahun, tw)}**"]
            if part:
                section += ["", f"#### {title}", ""] + part
        counts.positions_added += len(added)
        lists = []
        if added:
            lists += ["", f"Jabatan baru ({len(added)}):", ""] + [f"- {a}" for a in added]
        if removed:
            lists += ["", f"Jabatan dihapus ({len(removed)}):", ""] + [f"- {r}" for r in removed]
        if section or lists:
            is_new = (region, agency) not in {k[:2] for k in old_pos}
            reg_name, ag_name, _ = _names(head if (region, agency) in {k[:2] for k in new_pos} else base, region, agency)
            body += ["", f"### {md(reg_name)} › {md(ag_name)}" + (" *(perangkat daerah baru)*" if is_new else "")] + lists + section

    changed = _changed_files(base, head)
    summary = counts.sentence()
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
    out += ["", "<sub>Dibuat otomatis oleh <code>kinerja diff</code>. Komentar ini diperbarui setiap kali usulan diperbarui.</sub>", ""]
    return _limit(re.sub(r"\n{3,}", "\n\n", "\n".join(out)))


def _changed_files(base: Side, head: Side) -> list[tuple[str, str]]:
    out = []
    for path in sorted(set(base.files) | set(head.files)):
        a, b = base.files.get(path), head.files.get(path)
        if a != b:
            out.append((path, "baru" if a is None else "dihapus" if b is None else "diubah"))
    return out


def _limit(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CHARS - 300)
    return text[:cut] + "\n\n… *Ringkasan dipotong karena terlalu panjang untuk satu komentar. Jalankan `kinerja diff` di komputer sendiri untuk versi lengkap.*\n"


# --------------------------------------------------------------------------- command

def diff(data_dir: Path, base_rev: str, head_rev: str | None) -> str:
    top, prefix = _repo_and_prefix(data_dir)
    with tempfile.TemporaryDirectory(prefix="kinerja-diff-") as tmp:
        base = side_from_git(top, prefix, base_rev, Path(tmp))
        head = side_from_git(top, prefix, head_rev, Path(tmp), "head") if head_rev else side_from_disk(data_dir, prefix)
        return render(base, head)


def cmd_diff(args: argparse.Namespace) -> int:
    data_dir = Path(args.data or "data")
    try:
        text = diff(data_dir, args.base, args.head)
    except DiffError as e:
        print(f"kinerja diff: {e}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def add_commands(subparsers, common) -> None:
    d = subparsers.add_parser("diff", help="ringkasan perubahan data antara dua revisi git (Markdown untuk komentar pull request)")
    common(d)
    d.add_argument("base", help="revisi dasar, mis. origin/main atau SHA commit")
    d.add_argument("head", nargs="?", help="revisi usulan (bawaan: isi folder data saat ini)")
    d.add_argument("-o", "--output", help="tulis Markdown ke berkas, bukan ke layar")
    d.set_defaults(func=cmd_diff)

"""Reading a workbook back (`kinerja spreadsheet import`): check that it is one of ours,
locate its data file under the data folder (``target``), read every cell (``cells``),
decide what each changed cell asks for (``reconcile``), apply that to the file's
round-trip tree (``merge``) and return the Plan: the old and new text, the problems that
stop the import, the deletions and the notes. Nothing is written here; ``validate_text``
checks the would-be file before the command writes it."""

from __future__ import annotations

import difflib
import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.core.fmt import ROMAWI
from generator.load import display_path, load_yaml
from generator.model import Tahunan
from generator.staff.spreadsheet.cells import comments, formula_cells, read_rows
from generator.staff.spreadsheet.merge import Merge
from generator.staff.spreadsheet.messages import Messages, shown
from generator.staff.spreadsheet.reconcile import Reconcile, row_labels
from generator.staff.spreadsheet.rows import anggaran_rows, narasi_rows, read_snapshot, realisasi_rows
from generator.staff.spreadsheet.sheets import (
    ANGGARAN,
    DATA_SHEETS,
    FORMAT,
    META,
    NARASI,
    NARASI_COLS,
    PETUNJUK,
    REALISASI,
    SheetError,
    anggaran_cols,
    realisasi_cols,
)
from generator.staff.spreadsheet.source import load_model, report_of
from generator.staff.spreadsheet.target import REEXPORT, locate, quarter
from generator.validate.schema import validate_schema


@dataclass
class Plan:
    path: Path
    old: str
    new: str
    problems: list[str]
    notes: list[str]
    rewritten: str  # the unedited file through the round-trip writer: equals ``old`` when nothing is lost
    deletions: list[str] = field(default_factory=list)

    def diff(self) -> str:
        name = display_path(self.path).lstrip("/")  # a/tmp/…, not a//tmp/…
        return "".join(
            difflib.unified_diff(self.old.splitlines(keepends=True), self.new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
        )


def _meta(wb: Any) -> dict[str, Any]:
    """The stamp sheet: key → value; the snapshot, split over several `asal` rows, joined."""
    meta: dict[str, Any] = {}
    chunks = []
    for row in wb[META].iter_rows(max_col=2):
        key, value = row[0].value, row[1].value
        if key == "asal":
            chunks.append(str(value or ""))
        elif key:
            meta[str(key)] = value
    meta["asal"] = "".join(chunks)
    return meta


def plan_import(xlsx: Path, data_dir: Path) -> Plan:
    """Read the workbook and compute the new YAML text; nothing is written here."""
    wb, formulas = _open_workbook(xlsx)
    meta = _meta(wb)
    if meta.get("format") != FORMAT:
        raise SheetError(f"format lembar {meta.get('format')!r} tidak dikenal (diharapkan {FORMAT}); {REEXPORT}")
    tw = quarter(meta)
    prev = meta.get("triwulan_lalu")
    prev = prev if isinstance(prev, int) and 1 <= prev < tw else None
    path, rel, position, tahun = locate(meta, data_dir)
    old_text = path.read_text(encoding="utf-8")
    t = load_model(path)
    if t.jabatan != position or t.tahun != tahun:
        raise SheetError(f"{display_path(path)} berisi jabatan {t.jabatan} tahun {t.tahun}, bukan {position} tahun {tahun}")
    cols = {REALISASI: realisasi_cols(tw, prev), ANGGARAN: anggaran_cols(tw, prev), NARASI: NARASI_COLS}
    try:
        base = read_snapshot(str(meta["asal"]), cols)
    except (ValueError, TypeError, ArithmeticError):
        raise SheetError(f"catatan isi lembar saat diekspor (lembar tersembunyi {META}) rusak; {REEXPORT}") from None

    msgs = Messages()
    if hashlib.sha256(old_text.encode("utf-8")).hexdigest() != meta.get("sha256"):
        msgs.note(
            None,
            f"{display_path(path)} sudah berubah sejak lembar ini diekspor: hanya sel yang diubah di lembar yang diterapkan, "
            "dan sel yang isinya di berkas juga berubah ditolak",
        )
    merge = Merge(t, tw, old_text, msgs)
    rec = Reconcile(msgs)
    _, lap = report_of(t, tw)
    read = {
        title: read_rows(wb[title], cols[title], formulas.get(title, set()), msgs, row_labels(title, base[title]), new)
        for title, new in ((REALISASI, None), (ANGGARAN, None), (NARASI, "butir baru"))
    }
    sheet = {title: [cells for _r, cells in rows] for title, rows in read.items()}
    labels = {title: {r: next(iter(cells.values())).where.label or "" for r, cells in rows} for title, rows in read.items()}
    headers = {title: [c.header for c in v] for title, v in cols.items()}
    for where, text in comments(wb, [PETUNJUK, *DATA_SHEETS], headers, labels):
        msgs.note(where, f"komentar sel {shown(text)} tidak ikut diimpor; bila isinya perlu disimpan, tulis di kolom Catatan")
    for row in rec.rows(REALISASI, cols[REALISASI], sheet[REALISASI], base[REALISASI], realisasi_rows(t, lap, tw)):
        merge.indicator(row)
    for row in rec.rows(ANGGARAN, cols[ANGGARAN], sheet[ANGGARAN], base[ANGGARAN], anggaran_rows(t, lap, tw)):
        merge.budget(row)
    wanted = rec.narasi(sheet[NARASI], base[NARASI], narasi_rows(lap))
    if wanted is not None:
        merge.narasi(wanted)

    edited = merge.edited()
    if edited == merge.rewritten or msgs.problems:
        edited = old_text  # nothing to change: the file is left exactly as it is
    else:
        missing = merge.missing_report_parts()
        if missing:
            which = "baru dibuat dan " if merge.created else ""
            msgs.note(
                None,
                f"laporan triwulan {ROMAWI[tw]} {t.tahun} {which}belum mencantumkan {' dan '.join(missing)}; "
                f"lengkapi di {display_path(path)} (tanggal, tempat, penandatangan) sebelum diajukan",
            )
        if merge.rewritten != old_text:
            msgs.note(
                None,
                "penulisan ulang berkas ini juga mengubah cara penulisan beberapa baris lain (indentasi atau tanda kutip); periksa perbedaannya",
            )
    return Plan(path, old_text, edited, msgs.problems, msgs.notes, merge.rewritten, msgs.deletions)


def _open_workbook(xlsx: Path) -> tuple[Any, dict[str, set[str]]]:
    """The workbook (values as last saved) when it is one that `kinerja spreadsheet export`
    wrote, and the addresses of its formula cells per sheet."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(xlsx, data_only=True)
        formulas = formula_cells(load_workbook(xlsx)) if _has_formulas(xlsx) else {}
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"{xlsx} tidak dapat dibuka sebagai berkas Excel (.xlsx): {e}") from None
    if META not in wb.sheetnames or any(s not in wb.sheetnames for s in DATA_SHEETS):
        raise SheetError(
            f"{xlsx} bukan lembar hasil `kinerja spreadsheet export` (lembar {META}, {REALISASI}, {ANGGARAN} atau {NARASI} tidak ada)"
        )
    return wb, formulas


def _has_formulas(xlsx: Path) -> bool:
    """Whether any worksheet holds a formula (<f> element): only then is the workbook read a second time."""
    with zipfile.ZipFile(xlsx) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                data = z.read(name)
                if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                    return True
    return False


def validate_text(text: str, like: Path) -> list[str]:
    """Schema errors of the would-be file (checked before anything is written)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / like.name
        probe.write_text(text, encoding="utf-8")
        doc, problems = load_yaml(probe)
        if doc.data is not None:
            problems += validate_schema(doc, Tahunan)[1]
    return [f"baris {d.line}: {d.message.text('id')}" for d in problems]

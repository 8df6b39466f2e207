"""Reading a workbook back (`kinerja spreadsheet import`): check that it is one of ours,
find its data file, apply every sheet to the file's round-trip tree and return the Plan:
the old and new text, the cells that could not be read, and notes. Nothing is written
here; ``validate_text`` checks the would-be file before the command writes it."""

from __future__ import annotations

import difflib
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.load import display_path, load_yaml
from generator.model import Tahunan
from generator.staff.spreadsheet.cells import read_rows
from generator.staff.spreadsheet.merge import Merge
from generator.staff.spreadsheet.sheets import (
    ANGGARAN,
    FORMAT,
    META,
    NARASI,
    NARASI_COLS,
    REALISASI,
    SheetError,
    anggaran_cols,
    realisasi_cols,
)
from generator.staff.spreadsheet.source import load_model
from generator.validate.schema import validate_schema


@dataclass
class Plan:
    path: Path
    old: str
    new: str
    problems: list[str]
    notes: list[str]
    rewritten: str  # the unedited file through the round-trip writer: equals ``old`` when nothing is lost

    def diff(self) -> str:
        name = display_path(self.path)
        return "".join(
            difflib.unified_diff(self.old.splitlines(keepends=True), self.new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
        )


def plan_import(xlsx: Path, data_dir: Path) -> Plan:
    """Read the workbook and compute the new YAML text; nothing is written here."""
    wb = _open_workbook(xlsx)
    meta = {str(row[0].value): row[1].value for row in wb[META].iter_rows(max_col=2) if row[0].value}
    if meta.get("format") != FORMAT:
        raise SheetError(f"format lembar '{meta.get('format')}' tidak dikenal (diharapkan {FORMAT})")
    path = data_dir / str(meta["berkas"])
    if not path.is_file():
        raise SheetError(
            f"berkas data {display_path(path)} tidak ada; jalankan dari folder repositori, atau pakai --data <folder data>"
        )
    tw = int(meta["triwulan"])
    old_text = path.read_text(encoding="utf-8")
    merge = Merge(load_model(path), tw, old_text)
    if hashlib.sha256(old_text.encode("utf-8")).hexdigest() != meta.get("sha256"):
        merge.notes.append(
            f"{display_path(path)} sudah berubah sejak lembar ini diekspor; perbedaan di bawah dihitung terhadap isinya sekarang, periksa dengan teliti"
        )
    _apply_sheets(wb, tw, merge)

    edited = merge.edited()
    if edited == merge.rewritten or merge.problems.items:
        edited = old_text  # nothing to change: the file is left exactly as it is
    elif merge.rewritten != old_text:
        merge.notes.append(
            "penulisan ulang berkas ini juga mengubah cara penulisan beberapa baris lain (indentasi atau tanda kutip); periksa perbedaannya"
        )
    return Plan(path, old_text, edited, merge.problems.items, merge.notes, merge.rewritten)


def _open_workbook(xlsx: Path):
    """The workbook, when it is one that `kinerja spreadsheet export` wrote."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(xlsx, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"{xlsx} tidak dapat dibuka sebagai berkas Excel (.xlsx): {e}") from None
    if META not in wb.sheetnames or any(s not in wb.sheetnames for s in (REALISASI, ANGGARAN, NARASI)):
        raise SheetError(
            f"{xlsx} bukan lembar hasil `kinerja spreadsheet export` (lembar {META}, {REALISASI}, {ANGGARAN} atau {NARASI} tidak ada)"
        )
    return wb


def _apply_sheets(wb, tw: int, merge: Merge) -> None:
    problems = merge.problems
    for _r, row in read_rows(wb[REALISASI], realisasi_cols(tw), problems):
        merge.indicator(row)
    for _r, row in read_rows(wb[ANGGARAN], anggaran_cols(tw), problems):
        merge.budget(row)
    merge.narasi([row for _r, row in read_rows(wb[NARASI], NARASI_COLS, problems)])


def validate_text(text: str, like: Path) -> list[str]:
    """Schema errors of the would-be file (checked before anything is written)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / like.name
        probe.write_text(text, encoding="utf-8")
        doc, problems = load_yaml(probe)
        if doc.data is not None:
            problems += validate_schema(doc, Tahunan)[1]
    return [f"baris {d.line}: {d.code}: {d.message.text('id')}" for d in problems]

"""Spreadsheet round trip for staff who work in Excel.

    kinerja spreadsheet export data/…/2025/kepala-dinas.yml --triwulan 4 -o isian.xlsx
    kinerja spreadsheet import isian.xlsx [--write]

The workbook holds one position-period: a *Realisasi* sheet (indicators with targets,
last quarter's figure and the realisation), *Anggaran* (budget rows), *Narasi* (the
report's text lists) and a *Petunjuk* sheet in Indonesian. What the Perjanjian Kinerja
and the budget fix is locked; narrative sections are a dropdown.

Import is lossless and honest: only cells staff changed are applied (compared with a
snapshot of what export wrote, so a file changed since then is not overwritten); a
cleared cell never deletes (the word ``hapus`` does, and every deletion is listed);
percent cells are read as percentages; a formula without a stored value, a changed
locked cell or a conflict with the file stops the import; every message names the
sheet, cell, column and row (``Realisasi!J7 (kolom "Realisasi s.d. TW IV", indikator
"…"): …``). The file written is the one the data folder's layout gives for the
workbook's position and year, never a path from the workbook. Import edits the YAML file
through ruamel.yaml's round trip, so comments, key order and untouched values stay as
they were, and shows a unified diff before writing (or writes with ``--write``).

Modules: ``sheets`` (sheet names and columns), ``source`` (the YAML file as the model),
``rows`` (the rows the sheets show, and the export snapshot), ``exporter`` and
``petunjuk`` (writing the workbook), ``target`` (which file a workbook is for), ``cells``
(reading cells back), ``reconcile`` (what each changed cell asks for), ``messages``
(what import says), ``yamledit`` (the round-trip writer in the house style), ``merge``
(applying rows to the YAML tree), ``importer`` (the import plan), ``commands`` (the
command line).
"""

from generator.staff.spreadsheet.commands import add_commands, cmd_export, cmd_import
from generator.staff.spreadsheet.exporter import export
from generator.staff.spreadsheet.importer import Plan, plan_import
from generator.staff.spreadsheet.sheets import FORMAT, SheetError

__all__ = ["FORMAT", "Plan", "SheetError", "add_commands", "cmd_export", "cmd_import", "export", "plan_import"]

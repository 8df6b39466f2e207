"""Spreadsheet round trip for staff who work in Excel.

    kinerja spreadsheet export data/…/2025/kepala-dinas.yml --triwulan 4 -o isian.xlsx
    kinerja spreadsheet import isian.xlsx [--write]

The workbook holds one position-period: a *Realisasi* sheet (indicators with targets and
realisation), *Anggaran* (budget rows), *Narasi* (the report's text lists) and a
*Petunjuk* sheet in Indonesian. Id columns are locked; units, polarity and narrative
sections are dropdowns.

Import edits the YAML file in place through ruamel.yaml's round trip, so comments, key
order and the way untouched values are written stay as they were; only values that
differ from the file are replaced. Every cell that cannot be read is reported by sheet
and address (``Realisasi!J7: '1,537,000' …``) and nothing is written then. Nothing is
ever written silently either: import shows a unified diff and asks, or writes with
``--write``.

Modules: ``sheets`` (sheet names and columns), ``source`` (the YAML file as the model),
``exporter`` (writing the workbook), ``cells`` (reading cells back), ``yamledit`` (the
round-trip writer in the house style), ``merge`` (applying rows to the YAML tree),
``importer`` (the import plan), ``commands`` (the command line).
"""

from generator.staff.spreadsheet.commands import add_commands, cmd_export, cmd_import
from generator.staff.spreadsheet.exporter import export
from generator.staff.spreadsheet.importer import Plan, plan_import
from generator.staff.spreadsheet.sheets import FORMAT, SheetError

__all__ = ["FORMAT", "Plan", "SheetError", "add_commands", "cmd_export", "cmd_import", "export", "plan_import"]

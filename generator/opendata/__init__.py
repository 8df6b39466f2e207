"""Open data: downloads behind every figure (CSV, XLSX, JSON), the whole dataset as a
Frictionless Data Package and one zip, and a static JSON API under api/v1/.

Built from the same computed values the pages show (CheckResult.reports). Modules:
tables (tidy rows), scopes (what each download holds), columns, csvfile, package
(datapackage + zip), api, schemas, provenance, files (all together). Workbooks are written
by generator/render/workbook.py (shared with the PPID's DIP).
Their addresses are in generator/core/addresses.py.
"""

from generator.opendata.files import OpenData, open_data_files

__all__ = ["OpenData", "open_data_files"]

"""Open data: downloads behind every figure (CSV, XLSX, JSON), the whole dataset as a
Frictionless Data Package and one zip, and a static JSON API under api/v1/.

Built from the same computed values the pages show (CheckResult.reports). Modules:
tables (tidy rows), scopes (what each download holds), csvfile, xlsxfile, package
(datapackage + zip), api, schemas, provenance, paths (addresses), files (all together).
"""

from .files import OpenData, open_data_files
from .paths import download_links

__all__ = ["OpenData", "download_links", "open_data_files"]

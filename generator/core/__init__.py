"""Concepts every stage shares, each with one home: exact numbers (numbers), Indonesian
formatting of numbers, dates and NIPs (fmt), findings for people (diagnostics), the
layout of the data folder (layout), every public address of the site (addresses),
reproducible zip files (archive), code digests for caches (fingerprint) and
spreadsheet-safe CSV text (csvcell).
Imports nothing else of the generator."""

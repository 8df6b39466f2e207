"""Concepts every stage shares, each with one home: exact numbers (numbers), Indonesian
formatting of numbers, dates and NIPs (fmt), findings for people (diagnostics), the
layout of the data folder (layout), every public address of the site (addresses),
reproducible zip files (archive) and code digests for caches (fingerprint).
Imports nothing else of the generator."""

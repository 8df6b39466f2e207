"""PPID section (UU 14/2008, Perki KIP 1/2021): the Daftar Informasi Publik from the data,
service statistics, the annual report and the procedure pages of each agency.

The register and holiday files are data like any other: their model is in
generator/model/ppid.py, their rules in generator/validate/ppid.py, working days and
statistics in generator/compute (pure). This package turns them into pages."""

"""Tools for the staff who keep the data: diff (what a pull request changes, for its
comment), scaffold (`kinerja new`), spreadsheet (the Excel round trip), schema (JSON
Schemas for editors); datafile reads one data file the way scaffold and spreadsheet need."""

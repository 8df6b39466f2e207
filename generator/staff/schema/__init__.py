"""Editor support: JSON Schemas of the data files, generated from the pydantic models.

`kinerja schema` writes ``schemas/<jenis>.schema.json`` for each file type, `--check`
fails when they no longer match generator/model/, and `--headers` puts a first-line
``# yaml-language-server: $schema=…`` comment in every data file, so VS Code and
github.dev offer autocomplete, hover help and inline errors while staff edit YAML.

The schemas describe what the *editor* sees (YAML 1.2: ``87,62`` is text, ``87.62`` a
number) and accept what the loader accepts: numbers as YAML numbers or Indonesian text,
the short form ``ikm: 95,14`` of a realisation, ``nomor: 1`` written without quotes.
Cross-file rules (references, cumulative values, printed figures) stay with
`kinerja check`; the schema only catches what a single file can show.

Modules: ``schemas`` (generating the schemas and keeping schemas/ current), ``texts``
(the Indonesian help texts), ``headers`` (which schema a data file follows and its first
line), ``commands`` (the command line).
"""

from generator.staff.schema.commands import add_commands, cmd_schema
from generator.staff.schema.headers import HEADER_PREFIX, add_headers, data_files, file_kind, header_line, with_header
from generator.staff.schema.schemas import DIALECT, FILE_TYPES, generate, render, schema_file, stale, write_all

__all__ = [
    "DIALECT",
    "FILE_TYPES",
    "HEADER_PREFIX",
    "add_commands",
    "add_headers",
    "cmd_schema",
    "data_files",
    "file_kind",
    "generate",
    "header_line",
    "render",
    "schema_file",
    "stale",
    "with_header",
    "write_all",
]

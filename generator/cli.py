"""The `kinerja` command: check, compute, build, serve.

Every subcommand catches unexpected failures and reports them as a message, never a
traceback: staff run this in CI logs and pull-request checks.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from generator.core.diagnostics import CODES

DEFAULT_DATA = Path("data")


def _data_dir(arg: str | None) -> Path:
    return Path(arg) if arg else DEFAULT_DATA


def cmd_check(args: argparse.Namespace) -> int:
    from generator.check import check

    result = check(_data_dir(args.data))
    diags = result.diagnostics
    lang = args.lang
    if args.format == "json":
        print(
            json.dumps(
                {"diagnostics": [d.as_dict(lang) for d in diags], "errors": len(result.errors), "warnings": len(result.warnings)},
                ensure_ascii=False,
                indent=2,
            )
        )
    elif args.format == "github":
        for d in diags:
            level = "error" if d.severity == "error" else "warning"
            text = d.message.text(lang) + (f" — {d.hint.text(lang)}" if d.hint else "")
            print(
                f"::{level} file={_escape_property(d.path)},line={d.line},col={d.column},"
                f"title={_escape_property(d.code)}::{_escape_data(text)}"
            )
    else:
        for d in diags:
            print(d.format(lang))
        n_files = sum(1 for _ in _all_docs(result))
        if lang == "en":
            print(
                f"\n{len(result.errors)} error(s), {len(result.warnings)} warning(s) in {n_files} file(s), {len(result.reports)} report(s) computed."
            )
        else:
            print(
                f"\n{len(result.errors)} galat, {len(result.warnings)} peringatan pada {n_files} berkas; {len(result.reports)} laporan dihitung."
            )
    if result.errors:
        return 1
    if args.strict and result.warnings:
        return 1
    return 0


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """... and of a property value, where ':' and ',' are separators."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _all_docs(result):
    ds = result.dataset
    if ds is None:
        return
    if ds.situs_doc:
        yield ds.situs_doc
    for region in ds.regions.values():
        yield region.doc
        for agency in region.agencies.values():
            yield agency.doc
            for position in agency.positions.values():
                yield position.doc
                for year in position.years.values():
                    yield year.doc


def cmd_compute(args: argparse.Namespace) -> int:
    from generator.check import check
    from generator.compute.policy import DEFAULT
    from generator.compute.serialize import SCHEMA_VERSION, dumps, policy_dict, report_dict

    result = check(_data_dir(args.data))
    if result.errors:
        for d in result.errors:
            print(d.format(args.lang), file=sys.stderr)
        print(f"\n{len(result.errors)} galat: perbaiki dulu data sebelum menghitung (jalankan `kinerja check`).", file=sys.stderr)
        return 1
    ds = result.dataset
    document = {
        "schema": SCHEMA_VERSION,
        "data_per": ds.situs.data_per.isoformat(),
        "kebijakan_bawaan": policy_dict(DEFAULT),
        "laporan": [
            report_dict(agency.region_id, agency.id, position.id, res) for agency, position, year, lap, res in result.reports
        ],
    }
    text = dumps(document)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    for code, (idn, en) in CODES.items():
        print(f"{code:22} {en if args.lang == 'en' else idn}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kinerja", description="Generator situs laporan kinerja perangkat daerah.")
    debug_help = "untuk pengembang: tampilkan traceback lengkap bila terjadi kesalahan tak terduga"
    p.add_argument("--debug", action="store_true", help=debug_help)
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp):
        sp.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=debug_help)
        sp.add_argument("--data", help="folder data (default: data)")
        sp.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan (default: id)")

    c = sub.add_parser("check", help="periksa semua berkas data")
    common(c)
    c.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    c.add_argument("--format", choices=["human", "json", "github"], default="human")
    c.set_defaults(func=cmd_check)

    k = sub.add_parser("compute", help="hitung semua capaian dan cetak sebagai JSON")
    common(k)
    k.add_argument("--json", action="store_true", help="keluaran JSON (satu-satunya format saat ini)")
    k.add_argument("-o", "--output", help="tulis ke berkas, bukan ke layar")
    k.set_defaults(func=cmd_compute)

    codes = sub.add_parser("codes", help="daftar kode galat")
    common(codes)
    codes.set_defaults(func=cmd_codes)

    # Other stages register their own subcommands: each module exposes add_commands().
    import importlib

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"generator.{name}")
        getattr(module, "add_commands", None) and module.add_commands(sub, common)
    return p


# build/serve (site), diff (pull-request summary), new (scaffolding), spreadsheet (XLSX round trip), schema (editor support)
COMMAND_MODULES = ["site.commands", "staff.diff", "staff.scaffold", "staff.spreadsheet", "staff.schema"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("KINERJA_DEBUG"))
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # never a traceback for staff; the message says where to report it
        print(
            f"INTERNAL: kesalahan tak terduga ({type(e).__name__}: {e}). Laporkan ke pengelola situs beserta perintah yang dijalankan.",
            file=sys.stderr,
        )
        if debug:
            raise
        return 2


if __name__ == "__main__":
    sys.exit(main())

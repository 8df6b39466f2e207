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
from generator.core.redact import public, public_text

DEFAULT_DATA = Path("data")


def _data_dir(arg: str | None) -> Path:
    return Path(arg) if arg else DEFAULT_DATA


def cmd_check(args: argparse.Namespace) -> int:
    from generator.check import check

    data_dir = _data_dir(args.data)
    result = check(data_dir)
    from generator.history.arsip_terbit import read_terbit  # data/terbit.yml: periods declared published

    result.diagnostics.extend(read_terbit(data_dir)[1])
    # --base orders the findings of the annotations and of the human list (json and gitlab
    # list them all: GitLab compares with the target branch's report itself).
    found = _against_base(data_dir, result, args.base, args.lang) if args.base and args.format in ("github", "human") else None
    # Check output lands in public CI logs: NIP-like numbers masked (core/redact), and for
    # annotations, paths outside the working folder written from the data folder's name.
    roots = _data_roots(data_dir) if args.format in ("github", "gitlab") else None
    diags = [public(d, roots) for d in result.diagnostics]
    if found is not None:
        found.own, found.old = [public(d, roots) for d in found.own], [public(d, roots) for d in found.old]
    lang = args.lang
    if args.format == "json":
        print(
            json.dumps(
                {"diagnostics": [d.as_dict(lang) for d in diags], "errors": len(result.errors), "warnings": len(result.warnings)},
                ensure_ascii=False,
                indent=2,
            )
        )
    elif args.format == "gitlab":
        from generator.check.codequality import code_quality

        print(code_quality(diags, lang))
    elif args.format == "github":
        from generator.check.github import workflow_commands
        from generator.check.own import run_link

        for line in workflow_commands(diags, lang, found, run_link()):
            print(line)
    else:
        if found is None:
            for d in diags:
                print(d.format(lang))
        else:
            _print_split(found, lang)
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


def _data_roots(data_dir: Path) -> dict[str, str]:
    """The data folder's absolute spellings → how a public log names it."""
    try:
        shown = data_dir.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        shown = data_dir.resolve().name
    return {str(data_dir.absolute()): shown, str(data_dir.resolve()): shown}


def _against_base(data_dir: Path, result, base: str, lang: str):
    """The findings split into the proposal's own and the old ones (check/own.py); None,
    with a message on stderr, when the repository cannot tell (every finding is then shown)."""
    from generator.check.own import against_revision
    from generator.check.revision import RevisionError

    try:
        return against_revision(data_dir, result, base)
    except RevisionError as e:
        text = (
            f"cannot compare with '{base}': {e}; every finding is shown"
            if lang == "en"
            else f"tidak dapat membandingkan dengan '{base}': {e}; semua temuan ditampilkan"
        )
        print(f"kinerja check: {public_text(text)}", file=sys.stderr)
        return None


def _print_split(found, lang: str) -> None:
    """`kinerja check --base`: the proposal's own findings, then the old ones."""
    en = lang == "en"
    if found.own:
        print(
            f"Findings in what this change touches ({len(found.own)}):"
            if en
            else f"Temuan pada bagian yang diubah ({len(found.own)}):"
        )
        for d in found.own:
            print(d.format(lang))
    else:
        print("No finding in what this change touches." if en else "Tidak ada temuan pada bagian yang diubah.")
    if found.old:
        e, w = found.old_errors, found.old_warnings
        print(
            f"\n{len(found.old)} older finding(s) ({e} error(s), {w} warning(s)), already in {found.base}:"
            if en
            else f"\n{len(found.old)} temuan lama ({e} galat, {w} peringatan), sudah ada di {found.base}:"
        )
        for d in found.old:
            print(d.format(lang))


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
    ds = result.dataset
    if result.errors or ds is None:  # no dataset comes with an error
        for d in result.errors:
            print(public(d).format(args.lang), file=sys.stderr)
        print(f"\n{len(result.errors)} galat: perbaiki dulu data sebelum menghitung (jalankan `kinerja check`).", file=sys.stderr)
        return 1
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


def cmd_nasional(args: argparse.Namespace) -> int:
    """`kinerja nasional`: the portal is indexed by the site layer's Pagefind run."""
    from generator.nasional.commands import run
    from generator.site.mkdocs_run import default_config
    from generator.site.search import index_site

    return run(args, default_config(), index_site)


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
    c.add_argument(
        "--format",
        choices=["human", "json", "github", "gitlab"],
        default="human",
        help="github: tanda pada baris (GitHub Actions); gitlab: laporan Code Quality (GitLab CI)",
    )
    c.add_argument(
        "--base",
        metavar="REVISI",
        help="revisi git pembanding (mis. origin/main): temuan pada bagian yang diubah sejak titik cabang "
        "ditampilkan lebih dulu, temuan lama sesudahnya sebagai jumlah",
    )
    c.set_defaults(func=cmd_check)

    k = sub.add_parser("compute", help="hitung semua capaian dan cetak sebagai JSON")
    common(k)
    k.add_argument("--json", action="store_true", help="keluaran JSON (satu-satunya format saat ini)")
    k.add_argument("-o", "--output", help="tulis ke berkas, bukan ke layar")
    k.set_defaults(func=cmd_compute)

    codes = sub.add_parser("codes", help="daftar kode galat")
    common(codes)
    codes.set_defaults(func=cmd_codes)

    from generator.nasional.commands import add_parser as add_nasional

    add_nasional(sub, common, cmd_nasional)  # the national portal (generator/nasional)

    # Other stages register their own subcommands: each module exposes add_commands().
    import importlib

    for name in COMMAND_MODULES:
        module = importlib.import_module(f"generator.{name}")
        getattr(module, "add_commands", None) and module.add_commands(sub, common)
    return p


# build/serve (site), diff (pull-request summary), new (scaffolding), spreadsheet (XLSX round trip), schema (editor support)
COMMAND_MODULES = ["site.commands", "staff.diff", "staff.scaffold", "staff.spreadsheet", "staff.schema", "documents.commands"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or bool(os.environ.get("KINERJA_DEBUG"))
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `kinerja check | head`: the reader has stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
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

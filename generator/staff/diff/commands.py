"""`kinerja diff BASE [HEAD]`: take both revisions out of git (HEAD defaults to the data
folder on disk), render the summary, and print it or write it to a file."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from generator.check.revision import repo_and_prefix
from generator.core.redact import public_text
from generator.staff.diff.sides import DiffError, side_from_disk, side_from_git
from generator.staff.diff.summary import render


def diff(data_dir: Path, base_rev: str, head_rev: str | None) -> str:
    top, prefix = repo_and_prefix(data_dir)
    with tempfile.TemporaryDirectory(prefix="kinerja-diff-") as tmp:
        base = side_from_git(top, prefix, base_rev, Path(tmp))
        head = side_from_git(top, prefix, head_rev, Path(tmp), "head") if head_rev else side_from_disk(data_dir, prefix)
        return render(base, head)


def cmd_diff(args: argparse.Namespace) -> int:
    data_dir = Path(args.data or "data")
    try:
        text = diff(data_dir, args.base, args.head)
    except DiffError as e:
        print(f"kinerja diff: {public_text(str(e))}", file=sys.stderr)
        return 2
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def add_commands(subparsers, common) -> None:
    d = subparsers.add_parser(
        "diff", help="ringkasan perubahan data antara dua revisi git (Markdown untuk komentar pull request)"
    )
    common(d)
    d.add_argument("base", help="revisi dasar, mis. origin/main atau SHA commit")
    d.add_argument("head", nargs="?", help="revisi usulan (bawaan: isi folder data saat ini)")
    d.add_argument("-o", "--output", help="tulis Markdown ke berkas, bukan ke layar")
    d.set_defaults(func=cmd_diff)

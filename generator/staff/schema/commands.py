"""`kinerja schema [--check | --headers]`: write the schemas, check that they are current,
or put the schema line at the top of every data file."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.staff.schema.headers import add_headers, data_files
from generator.staff.schema.schemas import FILE_TYPES, stale, write_all


def cmd_schema(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    if args.check:
        old = stale(out_dir)
        if old:
            for path in old:
                print(f"{path.as_posix()}: skema usang atau belum ada")
            print(
                "\nSkema JSON tidak sesuai lagi dengan model data (generator/model/). Jalankan `kinerja schema` lalu sertakan hasilnya dalam commit."
            )
            return 1
        print(f"Skema JSON di {out_dir.as_posix()}/ sudah sesuai dengan model data.")
        return 0
    if args.headers:
        data_dir = Path(args.data or "data")
        if not data_dir.is_dir():
            print(f"Folder data '{data_dir}' tidak ada.")
            return 1
        changed = add_headers(data_dir, out_dir)
        total = len(data_files(data_dir))
        print(f"Baris rujukan skema diperbarui pada {len(changed)} dari {total} berkas data.")
        return 0
    changed = write_all(out_dir)
    if changed:
        for path in changed:
            print(f"ditulis: {path.as_posix()}")
    print(f"{len(FILE_TYPES)} skema di {out_dir.as_posix()}/ ({len(changed)} berubah).")
    return 0


def add_commands(subparsers, common) -> None:
    s = subparsers.add_parser(
        "schema", help="tulis skema JSON berkas data (bantuan isian dan pemeriksaan di VS Code / github.dev)"
    )
    common(s)
    s.add_argument("--out", default="schemas", help="folder skema (default: schemas)")
    mode = s.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="gagal bila skema di folder tidak sesuai lagi dengan model data")
    mode.add_argument(
        "--headers",
        action="store_true",
        help="tulis/perbarui baris pertama '# yaml-language-server: $schema=…' di setiap berkas data",
    )
    s.set_defaults(func=cmd_schema)

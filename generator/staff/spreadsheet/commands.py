"""`kinerja spreadsheet export|import`: the command line around the exporter and the
importer: arguments, the libraries they need, and what is printed (import shows the
unified diff and asks before writing, unless --write)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.load import display_path
from generator.staff.spreadsheet.exporter import export
from generator.staff.spreadsheet.importer import Plan, plan_import, validate_text
from generator.staff.spreadsheet.sheets import SheetError


def _need_libraries() -> None:
    import importlib.util

    def absent(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is None
        except ModuleNotFoundError:  # the parent of a dotted name is missing
            return True

    missing = [name for name in ("openpyxl", "ruamel.yaml") if absent(name)]
    if missing:
        raise SheetError(f"pustaka {', '.join(missing)} belum terpasang: python3 -m pip install {' '.join(missing)}")


def cmd_export(args: argparse.Namespace) -> int:
    data_dir = Path(args.data) if args.data else None
    year_file = Path(args.berkas)
    out = Path(args.output or f"{year_file.stem}-{year_file.parent.name}-tw{args.triwulan}.xlsx")
    if out.exists() and not args.force:
        print(f"{out} sudah ada; tidak ditimpa (pakai --force untuk menimpa, atau -o nama lain).")
        return 1
    try:
        _need_libraries()
        counts = export(year_file, args.triwulan, out, data_dir)
    except SheetError as e:
        print(f"kinerja spreadsheet: {e}")
        return 1
    print(f"Ditulis {out}: {counts['indikator']} indikator, {counts['anggaran']} pos anggaran, {counts['narasi']} butir narasi.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    data_dir = Path(args.data or "data")
    try:
        _need_libraries()
        plan = plan_import(Path(args.xlsx), data_dir)
    except SheetError as e:
        print(f"kinerja spreadsheet: {e}")
        return 1
    for note in plan.notes:
        print(f"Catatan: {note}.")
    if plan.problems:
        print(f"{len(plan.problems)} sel tidak dapat diterima; tidak ada yang ditulis. Perbaiki sel berikut lalu impor lagi:")
        for problem in plan.problems:
            print(f"  {problem}")
        return 1
    if plan.deletions:
        print(f"Dihapus atas permintaan lembar (kata hapus), {len(plan.deletions)} isian:")
        for deletion in plan.deletions:
            print(f"  {deletion}")
    if plan.new == plan.old:
        print(f"Tidak ada perubahan: isi lembar sama dengan {display_path(plan.path)}.")
        return 0
    errors = validate_text(plan.new, plan.path)
    if errors:
        print("Hasil impor akan membuat berkas bergalat; tidak ada yang ditulis:")
        for error in errors:
            print(f"  {display_path(plan.path)} {error}")
        return 1
    sys.stdout.write(plan.diff())
    if not args.write and not _confirmed(plan):
        return 0
    plan.path.write_text(plan.new, encoding="utf-8")
    print(f"Ditulis {display_path(plan.path)}. Jalankan `kinerja check` sebelum mengajukan perubahan.")
    return 0


def _confirmed(plan: Plan) -> bool:
    """Ask before writing; without a terminal, say how to write instead."""
    if not sys.stdin.isatty():
        print(f"\nBelum disimpan. Jalankan lagi dengan --write untuk menulis perubahan ini ke {display_path(plan.path)}.")
        return False
    answer = input(f"\nTulis perubahan ini ke {display_path(plan.path)}? [y/T] ").strip().lower()
    if answer not in ("y", "ya"):
        print("Tidak ditulis.")
        return False
    return True


def add_commands(subparsers, common) -> None:
    s = subparsers.add_parser("spreadsheet", help="ekspor/impor satu laporan triwulan ke/dari Excel (.xlsx)")
    actions = s.add_subparsers(dest="action", required=True, metavar="AKSI")
    e = actions.add_parser("export", help="tulis lembar Excel untuk satu jabatan dan satu triwulan")
    common(e)
    e.add_argument(
        "berkas", metavar="BERKAS", help="berkas tahunan, mis. data/kota-pekalongan/dinperinaker/2025/kepala-dinas.yml"
    )
    e.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], required=True)
    e.add_argument("-o", "--output", help="nama berkas .xlsx (bawaan: <jabatan>-<tahun>-tw<N>.xlsx)")
    e.add_argument("--force", action="store_true", help="timpa berkas .xlsx yang sudah ada")
    e.set_defaults(func=cmd_export)
    i = actions.add_parser("import", help="baca lembar Excel kembali ke berkas YAML (menampilkan perbedaan dulu)")
    common(i)
    i.add_argument("xlsx", metavar="BERKAS.xlsx")
    i.add_argument("--write", action="store_true", help="tulis tanpa bertanya (setelah menampilkan perbedaan)")
    i.set_defaults(func=cmd_import)

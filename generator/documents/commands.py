"""`kinerja dokumen`: the official documents (LKj, PK, IKI) of the data as PDF and DOCX.

Public copies (NIPs masked like the site) go to ``--keluaran``; ``--untuk-tanda-tangan
FOLDER`` writes the copies for signing, with the full NIP, to a folder that must lie
outside the site output (never published). The build makes the public copies too, as a
stage of `kinerja build` (generator/site/compose.py).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from generator.core import addresses
from generator.core.redact import public


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def signing_folder_problem(folder: Path, site: Path, build_dir: Path) -> str | None:
    """Why ``folder`` may not hold copies for signing (None when it may): inside the site
    output or the build's docs folder, whatever is there is published."""
    for name, published in (("folder situs", site), ("folder build", build_dir)):
        if _inside(folder, published):
            return (
                f"Folder salinan untuk tanda tangan ({folder}) berada di dalam {name} ({published}). "
                "Salinan ini memuat NIP lengkap dan tidak boleh ikut diterbitkan: pilih folder di luar "
                f"{published}, misalnya ../dokumen-ttd."
            )
    return None


def write_all(files: dict[str, bytes], folder: Path) -> None:
    prefix = addresses.DOKUMEN + "/"
    for path, data in files.items():
        target = folder / path.removeprefix(prefix)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)


def cmd_dokumen(args: argparse.Namespace) -> int:
    from generator.check import check
    from generator.documents.make import Maker, all_documents
    from generator.render.siteindex import SiteIndex

    signing = Path(args.untuk_tanda_tangan) if args.untuk_tanda_tangan else None
    build_dir = Path(args.build_dir)
    if signing is not None:
        problem = signing_folder_problem(signing, Path(args.situs), build_dir / "docs")
        if problem:
            print(problem, file=sys.stderr)
            return 2
    started = time.perf_counter()
    result = check(Path(args.data) if args.data else Path("data"))
    ds = result.dataset
    if result.errors or ds is None:
        for d in result.errors:
            print(public(d).format(args.lang), file=sys.stderr)
        print(
            f"\n{len(result.errors)} galat: perbaiki dulu data sebelum membuat dokumen (jalankan `kinerja check`).",
            file=sys.stderr,
        )
        return 1
    ix = SiteIndex.build(ds, result.reports)
    docs = [d for d in all_documents(ix) if not args.jabatan or d.position.id in args.jabatan]
    commit = _commit(Path(args.data) if args.data else Path("."))
    maker = Maker(None if args.tanpa_cache else build_dir / "cache" / "dokumen")
    out = Path(args.keluaran)
    write_all(maker.files(docs, ds.situs.tampilan_nip, commit, ds.situs.data_per), out)
    print(f"{len(docs)} dokumen (PDF dan DOCX) di {out}: {maker.made} dibuat, {maker.reused} dari cache.")
    if signing is not None:
        signer = Maker(None)  # copies with the full NIP are never cached
        write_all(signer.files(docs, "lengkap", commit, ds.situs.data_per), signing)
        print(f"{len(docs)} salinan untuk tanda tangan (NIP lengkap) di {signing}: jangan diterbitkan.")
    print(f"Selesai dalam {time.perf_counter() - started:.1f} detik.")
    return 0


def _commit(folder: Path) -> str | None:
    import subprocess

    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def add_commands(sub, common) -> None:
    d = sub.add_parser("dokumen", help="buat dokumen resmi (LKj, PK, IKI) sebagai PDF dan DOCX")
    common(d)
    d.add_argument(
        "--keluaran", "-o", default="build/dokumen", help="folder salinan publik, NIP disamarkan (default: build/dokumen)"
    )
    d.add_argument(
        "--untuk-tanda-tangan",
        metavar="FOLDER",
        help="tulis juga salinan untuk ditandatangani (NIP lengkap) ke FOLDER di luar folder situs; jangan diterbitkan",
    )
    d.add_argument("--situs", default="site", help="folder keluaran situs, untuk menolak FOLDER di dalamnya (default: site)")
    d.add_argument("--build-dir", default="build", help="folder kerja build; cache dokumen di build/cache/dokumen")
    d.add_argument("--tanpa-cache", action="store_true", help="buat ulang semua dokumen tanpa cache")
    d.add_argument("--jabatan", nargs="*", metavar="ID", help="hanya dokumen jabatan dengan id ini")
    d.set_defaults(func=cmd_dokumen)

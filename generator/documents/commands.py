"""`kinerja dokumen`: the official documents (LKj, PK, IKI) of the data as PDF and DOCX.

Public copies (NIPs masked like the site) go to ``--keluaran``; ``--untuk-tanda-tangan
FOLDER`` writes the copies for signing, with the full NIP, to a folder that must lie
outside the site output (never published). The build makes the public copies too, as a
stage of `kinerja build` (generator/site/compose.py).

A CI matrix makes them before the build (.github/workflows/terbitkan.yml): ``--bagian K/N``
takes part K of N of all documents (whole agencies, balanced by the size of their data:
parts.py), ``--cache-saja`` only fills the document cache, and ``--salin-cache DIR``
copies this part's cache entries into DIR for the build job to merge into its own
build/cache/dokumen. The cache key is the build's (same content: the data commit from
check.revision.DataCommits, the NIP display and the as-of date), so the build then only
reads and verifies them. A part reads, checks and computes only its own agencies (the build
checks everything), and makes its documents on every core (parallel.py).
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


def parse_part(text: str) -> tuple[int, int] | None:
    """``K/N`` (1 ≤ K ≤ N) as (K, N); None when ``text`` is not one."""
    k, slash, n = text.strip().partition("/")
    if not slash or not (k.strip().isdecimal() and n.strip().isdecimal()):
        return None
    part, parts = int(k), int(n)
    return (part, parts) if 1 <= part <= parts else None


def _option_problem(args: argparse.Namespace, build_dir: Path) -> str | None:
    """What is wrong with the options (None when nothing is), said before any work."""
    if args.bagian is not None and parse_part(args.bagian) is None:
        return (
            f'--bagian "{args.bagian}" tidak dapat dipakai: tulis K/N (bagian ke-K dari N bagian), dengan '
            "K dan N bilangan bulat dan 1 ≤ K ≤ N; misalnya --bagian 2/4 untuk bagian kedua dari empat."
        )
    cache_options = [o for o, on in (("--cache-saja", args.cache_saja), ("--salin-cache", args.salin_cache)) if on]
    if args.tanpa_cache and cache_options:
        return f"{cache_options[0]} memakai cache dokumen, jadi tidak dapat digabung dengan --tanpa-cache: pilih salah satu."
    if args.salin_cache and _inside(Path(args.salin_cache), build_dir / "cache"):
        return (
            f"Folder --salin-cache ({args.salin_cache}) berada di dalam cache build ({build_dir / 'cache'}): "
            "pilih folder lain, misalnya bagian-dokumen."
        )
    if signing := args.untuk_tanda_tangan:
        return signing_folder_problem(Path(signing), Path(args.situs), build_dir / "docs")
    return None


def cmd_dokumen(args: argparse.Namespace) -> int:
    from generator.check import check
    from generator.check.revision import DataCommits
    from generator.documents import keys, parallel
    from generator.documents.make import Maker, all_documents
    from generator.documents.parts import Plan
    from generator.render.siteindex import SiteIndex

    signing = Path(args.untuk_tanda_tangan) if args.untuk_tanda_tangan else None
    build_dir = Path(args.build_dir)
    problem = _option_problem(args, build_dir)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    started = time.perf_counter()
    data = Path(args.data or "data")
    part = parse_part(args.bagian) if args.bagian is not None else None
    plan = Plan.of(data, *part) if part else None  # from the folder's listing, before any file is read
    result = check(data, agencies=plan.agencies if plan else None)  # a part: only its own agencies
    ds = result.dataset
    if result.errors or ds is None:
        for d in result.errors:
            print(public(d).format(args.lang), file=sys.stderr)
        scope = " di perangkat daerah bagian ini atau di berkas yang dipakai semua bagian" if part else ""
        print(
            f"\n{len(result.errors)} galat{scope}: perbaiki dulu data sebelum membuat dokumen (jalankan `kinerja check`).",
            file=sys.stderr,
        )
        return 1
    checked = time.perf_counter()
    ix = SiteIndex.build(ds, result.reports)
    lead = plan.lead() if plan else ""
    docs = [d for d in all_documents(ix) if not args.jabatan or d.position.id in args.jabatan]
    commit = DataCommits(data)  # as the build takes it: the same cache keys
    cache = None if args.tanpa_cache else build_dir / "cache" / "dokumen"
    maker = Maker(cache)
    tampilan, on = ds.situs.tampilan_nip, ds.situs.data_per
    files: dict[str, bytes] | None
    if cache is None:  # --tanpa-cache: made here, one after another
        files = maker.files(docs, tampilan, commit, on)
    else:  # made on every core into the cache, then read back from it (verified) when copies are asked for
        stamp: list[str] = []  # of the inputs (keys.py): computed while the workers make the documents
        parallel.fill(
            maker,
            docs,
            tampilan,
            commit,
            on,
            meanwhile=lambda: stamp.append(keys.stamp(data, maker.salt(), commit, tampilan, on)),
        )
        listed = dict(zip((d.path("pdf") for d in docs), maker.keys, strict=True))
        if listed:  # each document's key, for the build that follows on the same inputs
            name = "bagian-{}-dari-{}".format(*part) if part else "semua"
            for folder in (cache, *([Path(args.salin_cache)] if args.salin_cache else [])):
                keys.write(folder, stamp[0], name, listed)
        files = None if args.cache_saja else Maker(cache, known=listed).files(docs, tampilan, commit, on)
    where = f"di cache {cache}"
    if files is not None:
        write_all(files, Path(args.keluaran))
        where = f"di {args.keluaran}"
    print(f"{lead}{len(docs)} dokumen (PDF dan DOCX) {where}: {maker.made} dibuat, {maker.reused} dari cache.")
    if args.salin_cache:
        copied = maker.copy_entries(Path(args.salin_cache))
        print(f"{copied} entri cache bagian ini disalin ke {args.salin_cache}.")
    if signing is not None:
        signer = Maker(None)  # copies with the full NIP are never cached
        write_all(signer.files(docs, "lengkap", commit, on), signing)
        print(f"{len(docs)} salinan untuk tanda tangan (NIP lengkap) di {signing}: jangan diterbitkan.")
    ended = time.perf_counter()
    print(
        f"Selesai dalam {_seconds(ended - started)} detik: pemeriksaan data {_seconds(checked - started)} detik, "
        f"dokumen {_seconds(ended - checked)} detik."
    )
    return 0


def _seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


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
    d.add_argument(
        "--bagian",
        metavar="K/N",
        help="hanya dokumen bagian K dari N bagian (per perangkat daerah, seimbang menurut besar datanya; "
        "untuk job matriks CI, mis. 2/4)",
    )
    d.add_argument(
        "--cache-saja",
        action="store_true",
        help="hanya isi cache dokumen (build/cache/dokumen) untuk `kinerja build` nanti; tidak menulis salinan publik",
    )
    d.add_argument(
        "--salin-cache",
        metavar="FOLDER",
        help="salin juga entri cache dokumen bagian ini ke FOLDER (artefak CI, digabung ke build/cache/dokumen job build)",
    )
    d.set_defaults(func=cmd_dokumen)

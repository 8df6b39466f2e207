"""`kinerja nasional nasional.yml --out portal/`: the command line of the portal. The CLI
passes the site layer's MkDocs config and Pagefind indexer (features never import the
site layer)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from generator.nasional.build import PortalError, build_portal


def add_parser(sub, common, func: Callable[[argparse.Namespace], int]) -> None:
    n = sub.add_parser("nasional", help="bangun portal nasional dari data terbuka (api/v1) situs-situs wilayah")
    common(n)
    n.add_argument("config", type=Path, help="berkas konfigurasi portal (mis. nasional.yml)")
    n.add_argument("--out", type=Path, default=Path("portal"), help="folder portal yang dibangun (default: portal)")
    n.add_argument("--build-dir", type=Path, default=Path("build-nasional"), help="folder kerja (default: build-nasional)")
    n.add_argument("--ketat", action="store_true", help="wilayah yang tidak dapat dibaca menggagalkan pembangunan")
    n.add_argument("-q", "--quiet", action="store_true", help="hanya ringkasan akhir")
    n.set_defaults(func=func)


def run(args: argparse.Namespace, mkdocs_config: Path, index: Callable[[Path], None]) -> int:
    def log(text: str) -> None:
        print(f"kinerja nasional: {text}", file=sys.stderr)

    try:
        args.build_dir.mkdir(parents=True, exist_ok=True)
        res = build_portal(
            args.config, args.out, args.build_dir, mkdocs_config=mkdocs_config, index=index, strict=args.ketat, log=log
        )
    except PortalError as e:
        log(str(e))
        return 1
    except RuntimeError as e:  # the indexer's SearchIndexError: the old portal stays
        log(f"{e}. Portal lama tetap terpasang.")
        return 1
    t = res.seconds

    def d(x: float, places: int = 1) -> str:
        return f"{x:.{places}f}".replace(".", ",")

    print(
        f"Portal selesai: {res.regions} wilayah dari {res.sites} situs, {res.pages} halaman, "
        f"{d(res.bytes / 1e6, 2)} MB, {d(t['total'])} detik "
        f"(baca {d(t['baca'])}, MkDocs {d(t['mkdocs'])}, Pagefind {d(t['indeks'])}) → {res.out}/"
        + (f"; {len(res.missing)} wilayah tidak tersedia" if res.missing else "")
    )
    return 0

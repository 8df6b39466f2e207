"""`kinerja build` and `kinerja serve`."""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from pathlib import Path

from generator.site.build import build_site, checked, render_docs
from generator.site.mkdocs_run import default_config, parent_config
from generator.site.process import BuildError
from generator.site.progress import progress_bar


def _fail(e: BuildError) -> int:
    for line in e.lines:
        print(line, file=sys.stderr)
    print(f"\n{e}", file=sys.stderr)
    return 1


def cmd_build(args: argparse.Namespace) -> int:
    data = Path(args.data or "data")
    out = Path(args.out)
    try:
        with progress_bar(args.quiet) as p:
            stats = build_site(data, out, build_dir=Path(args.build_dir), config=Path(args.config) if args.config else None,
                               lang=args.lang, progress=p)
    except BuildError as e:
        return _fail(e)
    for w in stats.mkdocs_warnings:
        print(f"MkDocs: {w}", file=sys.stderr)
    note = f", {stats.warnings} peringatan data (rinciannya: `kinerja check`)" if stats.warnings else ""
    print(f"Situs selesai: {stats.pages} halaman, {stats.site_bytes / 1e6:.1f} MB, {stats.seconds:.1f} detik → {out}/{note}")
    return 0


def _snapshot(*folders: Path) -> tuple:
    items = []
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    st = path.stat()
                    items.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(sorted(items))


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    data = Path(args.data or "data")
    config = (Path(args.config) if args.config else default_config()).resolve()
    build_dir = Path(args.build_dir).resolve()
    build_dir.mkdir(parents=True, exist_ok=True)
    out = Path(args.out)

    def render_once() -> bool:
        try:
            result = checked(data, args.lang)
            render_docs(result, config, build_dir, out)
            return True
        except BuildError as e:
            _fail(e)
            print("Pratinjau tetap menampilkan versi terakhir yang berhasil.", file=sys.stderr)
            return False

    if not render_once() and not (build_dir / "mkdocs.yml").exists():
        return 1
    content = config.parent / "content"
    stop = threading.Event()

    def watch() -> None:  # re-render when data/ or content/ change; MkDocs reloads the browser
        last = _snapshot(data, content)
        while not stop.wait(1.0):
            now = _snapshot(data, content)
            if now != last:
                last = now
                print("Data berubah: menyusun ulang halaman…", file=sys.stderr)
                render_once()

    threading.Thread(target=watch, daemon=True).start()
    generated = build_dir / "mkdocs.yml"
    parent = parent_config(config)
    watch_paths = [str(config)]
    custom = (parent.get("theme") or {}).get("custom_dir")
    if custom:
        watch_paths.append(str((config.parent / custom).resolve()))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    print(f"Pratinjau: http://{args.dev_addr}/ — halaman disusun ulang saat data/ atau content/ berubah. Ctrl+C untuk berhenti.",
          file=sys.stderr)
    try:
        serve(config_file=str(generated), dev_addr=args.dev_addr, livereload=True, watch=watch_paths)
    finally:
        stop.set()
    return 0


def add_commands(subparsers, common) -> None:
    b = subparsers.add_parser("build", help="bangun situs statis (periksa → hitung → susun halaman → MkDocs)")
    common(b)
    b.add_argument("--out", default="site", help="folder hasil (default: site)")
    b.add_argument("--build-dir", default="build", help="folder kerja untuk halaman Markdown (default: build)")
    b.add_argument("--config", help="berkas mkdocs.yml (default: mkdocs.yml di folder ini atau bawaan repositori)")
    b.add_argument("-q", "--quiet", action="store_true", help="tanpa bilah kemajuan")
    b.set_defaults(func=cmd_build)

    s = subparsers.add_parser("serve", help="pratinjau situs di komputer sendiri; dibangun ulang saat data berubah")
    common(s)
    s.add_argument("--dev-addr", default="127.0.0.1:8000", help="alamat server pratinjau (default: 127.0.0.1:8000)")
    s.add_argument("--out", default="site", help=argparse.SUPPRESS)
    s.add_argument("--build-dir", default="build", help="folder kerja untuk halaman Markdown (default: build)")
    s.add_argument("--config", help="berkas mkdocs.yml")
    s.set_defaults(func=cmd_serve)

"""`kinerja build` and `kinerja serve`.

`kinerja serve` renders into a staging folder (build/pratinjau/) and copies the result
into the docs folder MkDocs serves only when the rendering succeeded: a change that breaks
the data, or any other error, leaves the preview showing the last good site, and the
error is printed. Its watcher survives every error.
"""

from __future__ import annotations

import argparse
import errno
import logging
import socket
import sys
import threading
from collections.abc import Callable, Hashable
from pathlib import Path

from generator.site.build import build_site, checked, render_docs
from generator.site.docs import mirror_tree
from generator.site.guard import BuildLock, disk_full_is_reported
from generator.site.mkdocs_run import default_config, parent_config, write_config
from generator.site.process import BuildError
from generator.site.progress import progress_bar

STAGING = "pratinjau"  # under the build folder: where `serve` renders before it publishes to docs/


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
            stats = build_site(
                data,
                out,
                build_dir=Path(args.build_dir),
                config=Path(args.config) if args.config else None,
                lang=args.lang,
                progress=p,
            )
    except BuildError as e:
        return _fail(e)
    for w in stats.mkdocs_warnings:
        print(f"MkDocs: {w}", file=sys.stderr)
    note = f", {stats.warnings} peringatan data (rinciannya: `kinerja check`)" if stats.warnings else ""
    made, agencies = stats.agencies
    print(
        f"Situs selesai: {stats.pages} halaman ({made} dari {agencies} perangkat daerah dibuat ulang), "
        f"{stats.site_bytes / 1e6:.1f} MB, {stats.seconds:.1f} detik → {out}/{note}"
    )
    return 0


def _snapshot(*folders: Path) -> tuple:
    items = []
    for folder in folders:
        if folder.is_dir():
            for path in folder.rglob("*"):
                try:
                    st = path.stat()
                except OSError:  # removed meanwhile
                    continue
                if path.is_file():
                    items.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(sorted(items))


KEPT = "Pratinjau tetap menampilkan versi terakhir yang berhasil."


def preview_render(data: Path, config: Path, build_dir: Path, out: Path, lang: str) -> bool:
    """One rendering for `kinerja serve`: into build/pratinjau/, then copied into the
    served docs folder only if it succeeded. Never raises: errors are printed, and the
    preview keeps the last good site."""
    try:
        with disk_full_is_reported(build_dir):
            result = checked(data, lang)
            rendered, _config = render_docs(result, config, build_dir / STAGING, out, data_dir=data)
            mirror_tree(build_dir / STAGING / "docs", build_dir / "docs")
            write_config(config, build_dir, out, rendered)
        return True
    except BuildError as e:
        _fail(e)
    except Exception as e:  # a bug must not stop the preview either
        print(f"Galat tak terduga saat menyusun halaman ({type(e).__name__}: {e}). Laporkan ke pengelola situs.", file=sys.stderr)
    print(KEPT, file=sys.stderr)
    return False


def watch(snapshot: Callable[[], Hashable], render: Callable[[], object], stop: threading.Event, interval: float = 1.0) -> None:
    """`kinerja serve`'s watcher: ``render()`` whenever ``snapshot()`` changes, until
    ``stop`` is set. Survives every error (it is printed; the next change tries again)."""
    last: Hashable = None
    started = False
    while not stop.wait(0 if not started else interval):
        try:
            now = snapshot()
            if not started:
                last, started = now, True
                continue
            if now == last:
                continue
            last = now
            print("Data berubah: menyusun ulang halaman…", file=sys.stderr)
            render()
        except Exception as e:
            started = True
            print(f"Pratinjau: galat ({type(e).__name__}: {e}). {KEPT}", file=sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    data = Path(args.data or "data")
    config = (Path(args.config) if args.config else default_config()).resolve()
    build_dir = Path(args.build_dir).resolve()
    out = Path(args.out)
    try:
        with BuildLock(build_dir):  # held while serving: no build may write here meanwhile
            return _serve(serve, args, data, config, build_dir, out)
    except BuildError as e:
        return _fail(e)


def address_problem(dev_addr: str) -> str | None:
    """Why the preview cannot listen at ``dev_addr`` ("host:port"), in words; None when it can."""
    host, _, port_text = dev_addr.rpartition(":")
    host = host.strip("[]")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return f"alamat pratinjau '{dev_addr}' tidak sah; tulis host dan port, mis. --dev-addr 127.0.0.1:8000"
    port = int(port_text)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return f"nama host '{host}' pada --dev-addr tidak dikenal; pakai mis. --dev-addr 127.0.0.1:{port}"
    family, kind, proto, _name, sockaddr = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the preview server does
        try:
            probe.bind(sockaddr)
        except OSError as e:
            return _bind_problem(e, host, port)
    return None


def _bind_problem(e: OSError, host: str, port: int) -> str:
    other = f"--dev-addr {host}:{port + 1 if port < 65535 else 8000}"
    if e.errno == errno.EADDRINUSE:
        return (
            f"port {port} di {host} sedang dipakai program lain (mungkin `kinerja serve` lain masih berjalan). "
            f"Hentikan program itu, atau pakai port lain: kinerja serve {other}"
        )
    if e.errno == errno.EACCES:
        return f"tidak diizinkan memakai port {port} di {host} (port di bawah 1024 perlu hak administrator); pakai mis. {other}"
    if e.errno == errno.EADDRNOTAVAIL:
        return f"alamat {host} bukan milik komputer ini; pakai mis. --dev-addr 127.0.0.1:{port}"
    return f"pratinjau tidak dapat memakai {host}:{port} ({e.strerror or e}); pakai mis. {other}"


def _serve(serve: Callable[..., object], args: argparse.Namespace, data: Path, config: Path, build_dir: Path, out: Path) -> int:
    problem = address_problem(args.dev_addr)  # before rendering and before printing the address
    if problem:
        print(f"kinerja serve: {problem}", file=sys.stderr)
        return 1

    def render_once() -> bool:
        return preview_render(data, config, build_dir, out, args.lang)

    if not render_once() and not (build_dir / "mkdocs.yml").exists():
        return 1
    content = config.parent / "content"
    stop = threading.Event()
    # re-render when data/ or content/ change; MkDocs reloads the browser
    threading.Thread(target=watch, args=(lambda: _snapshot(data, content), render_once, stop), daemon=True).start()
    generated = build_dir / "mkdocs.yml"
    parent = parent_config(config)
    watch_paths = [str(config)]
    custom = (parent.get("theme") or {}).get("custom_dir")
    if custom:
        watch_paths.append(str((config.parent / custom).resolve()))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    print(
        f"Pratinjau: http://{args.dev_addr}/ — halaman disusun ulang saat data/ atau content/ berubah. Ctrl+C untuk berhenti.",
        file=sys.stderr,
    )
    try:
        serve(config_file=str(generated), dev_addr=args.dev_addr, livereload=True, watch=watch_paths)
    except OSError as e:  # the address was taken meanwhile by another program
        if e.errno not in (errno.EADDRINUSE, errno.EACCES, errno.EADDRNOTAVAIL):
            raise
        host, _, port = args.dev_addr.rpartition(":")
        print(f"kinerja serve: {_bind_problem(e, host.strip('[]'), int(port))}", file=sys.stderr)
        return 1
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

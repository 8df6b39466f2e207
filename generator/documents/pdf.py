"""PDF through Typst (the compiler ships in the ``typst`` wheel): one compiler per template,
made once in a helper process and reused for every document.

The template (templates/dokumen/<jenis>.typ) reads the content as JSON from ``data.json``
beside it: the helper compiles in a folder of its own holding copies of the templates, and
writes each document's content there before compiling it. A file and not ``sys.inputs``:
new inputs make Typst build its standard library again and miss every result memoized on
the earlier documents, while a changed file leaves unchanged what does not depend on it
(the fixed text and tables, a position's chart in its four quarterly reports). Measured on
benchmarks/synth.py data (2 agencies × 70 positions), with the same PDF bytes: 19 % fewer
instructions per document (callgrind, 20 in list order), 12.6 % less CPU time for all 700
on two workers.

Output is PDF/A-2a and PDF/UA-1 (tagged, for screen readers), with only the fonts
embedded in the wheel (the same bytes on every machine) and the document's own date as
its creation date, so the same content always gives the same bytes. Its objects are then
packed into a compressed object stream (pdfpack.py: about half the bytes).
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from generator.documents.pdfpack import pack

TEMPLATES = Path(__file__).resolve().parent.parent / "templates" / "dokumen"
KINDS = ("lkj", "pk", "iki")
STANDARDS = ["a-2a", "ua-1"]

_compilers: dict[str, Any] = {}
_folder: Path | None = None  # where this (helper) process compiles: the templates and data.json
_server: tuple[int, Any] | None = None  # (pid that started it, its Popen)
helper_cpu = 0.0  # CPU seconds the helper process spent on this process' documents


PREFIX = "kinerja-typst-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive, and not ours to judge
        return True
    return True


def _sweep(tmp: Path) -> None:
    """Remove the folders of helpers that ended without removing their own (SIGKILL, a
    machine out of memory): kinerja-typst-<pid>-… whose process is gone."""
    for folder in tmp.glob(PREFIX + "*"):
        pid = folder.name[len(PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _workdir() -> Path:
    """This process' own folder with a copy of the templates, removed when it ends (the
    helper turns SIGTERM into an ordinary exit for this: typst_server.py); the folders of
    helpers killed outright are removed by the next one (``_sweep``)."""
    global _folder
    if _folder is None:
        _sweep(Path(tempfile.gettempdir()))
        folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        for template in TEMPLATES.glob("*.typ"):
            shutil.copyfile(template, folder / template.name)
        _folder = folder
    return _folder


def _compiler(kind: str):
    """The compiler of one template, made once in the compiling process."""
    import typst

    if kind not in _compilers:
        folder = _workdir()
        _compilers[kind] = typst.Compiler(str(folder / f"{kind}.typ"), root=str(folder), ignore_system_fonts=True)
    return _compilers[kind]


def compile_here(kind: str, data: str) -> bytes:
    """Compile in this process (only typst_server.py calls this). Typst reads data.json
    afresh on every compile (the compiler is reset after each one)."""
    compiler = _compiler(kind)
    (_workdir() / "data.json").write_text(data, encoding="utf-8")
    out = compiler.compile(format="pdf", pdf_standards=STANDARDS)
    assert isinstance(out, bytes)
    return pack(out)


def _process():
    """Typst's compiler keeps threads and locks that do not survive a fork (a process that
    compiled, then forked, hangs in the child). So every process compiles through its own
    helper process (typst_server.py, a new interpreter, never a fork), started on first use."""
    global _server
    if _server is None or _server[0] != os.getpid() or _server[1].poll() is not None:
        # one compiling thread: the documents are made by one helper per worker, on every
        # core already; Typst's own thread pool then only contends with the other helpers
        # (40 x 70 benchmark data, a part of 700 documents on 2 cores: 3-7 % less wall)
        env = {**os.environ, "RAYON_NUM_THREADS": os.environ.get("RAYON_NUM_THREADS", "1")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator.documents.typst_server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=str(TEMPLATES.parent.parent.parent),
            env=env,
        )
        _server = (os.getpid(), proc)
    return _server[1]


def helper_pid() -> int | None:
    """This process' helper (None before its first document)."""
    return _server[1].pid if _server is not None and _server[0] == os.getpid() else None


def close_helper() -> None:
    """End this process' helper, if it started one, and wait for it (it ends when its
    input closes): its CPU time then counts among this process' children's."""
    global _server
    if _server is not None and _server[0] == os.getpid():
        proc = _server[1]
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    _server = None


def _read(stream, n: int) -> bytes:
    data = stream.read(n)
    if len(data) < n:
        raise RuntimeError("the Typst helper process ended unexpectedly")
    return data


def as_json(content: dict[str, Any]) -> str:
    """The content as the template reads it (and as the cache keys it): sorted, compact."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def pdf_bytes(kind: str, content: dict[str, Any]) -> bytes:
    global helper_cpu
    proc = _process()
    request = json.dumps({"kind": kind, "data": as_json(content)}).encode()
    proc.stdin.write(len(request).to_bytes(8, "little") + request)
    proc.stdin.flush()
    status = _read(proc.stdout, 1)[0]
    helper_cpu += struct.unpack("<d", _read(proc.stdout, 8))[0]
    body = _read(proc.stdout, int.from_bytes(_read(proc.stdout, 8), "little"))
    if status:
        raise RuntimeError(f"Typst could not make the {kind} document: {body.decode(errors='replace')}")
    return body


def engine_version() -> str:
    """What makes the bytes besides the content: the templates and the Typst version."""
    from generator.core.fingerprint import versions

    parts = [versions("typst")]
    for p in sorted(TEMPLATES.glob("*.typ")):
        parts.append(p.name + "\0" + p.read_text("utf-8"))
    return "\n".join(parts)

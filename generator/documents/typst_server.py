"""The process that compiles documents with Typst (pdf.py starts one per process that needs
it): Typst's compiler keeps threads and locks that do not survive a fork, so it never runs
in a process that forks afterwards. Protocol on stdin/stdout: a request is 8 bytes of length
(little endian) and the JSON ``{"kind": …, "data": …}``; the answer is one status byte (0
PDF, 1 error text), the CPU seconds of this process spent on it (a little-endian double),
8 bytes of length and the bytes."""

from __future__ import annotations

import json
import signal
import struct
import sys
import time

from generator.documents.pdf import compile_here


def _terminated(signum, frame) -> None:
    sys.exit(128 + signum)  # an ordinary exit: pdf.py's clean-up removes the compiling folder


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = inp.read(8)
        if len(head) < 8:
            return
        request = json.loads(inp.read(int.from_bytes(head, "little")))
        cpu = time.process_time()
        try:
            status, body = 0, compile_here(request["kind"], request["data"])
        except Exception as e:  # a template error: reported by the calling process
            status, body = 1, f"{type(e).__name__}: {e}".encode()
        cpu = time.process_time() - cpu
        out.write(bytes([status]) + struct.pack("<d", cpu) + len(body).to_bytes(8, "little") + body)
        out.flush()


if __name__ == "__main__":
    main()

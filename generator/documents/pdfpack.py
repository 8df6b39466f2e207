"""Typst's PDF made smaller without touching its content: every object that is not a stream
(the PDF/UA structure tree, annotations, fonts' dictionaries, outline, pages: two thirds of
a Laporan Kinerja) goes into one compressed object stream, and the classic cross-reference
table becomes a cross-reference stream (PDF 1.5; allowed by PDF/A-2 and PDF/UA-1, which
forbid neither). Streams are copied byte for byte (the XMP metadata stays unfiltered, as
PDF/A requires), so the text, tags, fonts and metadata are those Typst wrote and checked.

Only Typst's own output is read: objects ``N 0 obj … endobj`` listed by a classic xref
table and its trailer. Anything else is returned unchanged (never a broken file).
"""

from __future__ import annotations

import re
import zlib

_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)
_HEAD = re.compile(rb"(\d+) 0 obj\s*")


def _objects(pdf: bytes) -> tuple[bytes, dict[int, bytes], bytes] | None:
    """(header, object number → its body, trailer dictionary) of a PDF with a classic
    xref table; None when the file is not of that shape."""
    m = _TRAILER.search(pdf, max(0, len(pdf) - 4096))
    if m is None:
        return None
    xref_at = int(m.group(2))
    table = pdf[xref_at : m.start()].split(b"\n")
    if not table or table[0].strip() != b"xref":
        return None
    starts: list[tuple[int, int]] = []  # (offset, number)
    i = 1
    while i < len(table) and table[i].strip():
        first, count = (int(x) for x in table[i].split())
        for k in range(count):
            entry = table[i + 1 + k].split()
            if entry[2] == b"n":
                starts.append((int(entry[0]), first + k))
        i += 1 + count
    starts.sort()
    if not starts:
        return None
    bodies: dict[int, bytes] = {}
    ends = [off for off, _ in starts[1:]] + [xref_at]
    for (off, num), end in zip(starts, ends):
        chunk = pdf[off:end].rstrip()
        head = _HEAD.match(chunk)
        if head is None or int(head.group(1)) != num or not chunk.endswith(b"endobj"):
            return None
        bodies[num] = chunk[head.end() : -len(b"endobj")].rstrip()
    return pdf[: starts[0][0]], bodies, m.group(1)


def _key(trailer: bytes, name: bytes) -> bytes | None:
    m = re.search(rb"/" + name + rb"\s*(\d+ \d+ R|\[.*?\])", trailer, re.S)
    return m.group(1) if m else None


def pack(pdf: bytes) -> bytes:
    """The same PDF with its non-stream objects in one compressed object stream."""
    parsed = _objects(pdf)
    if parsed is None:
        return pdf
    header, bodies, trailer = parsed
    # `/Suspects false` is the default (PDF 1.7 §14.7.1; PDF/UA-1 allows it absent); poppler
    # (pdftoppm, Evince) reports it as a syntax error once the catalog sits in an object stream
    bodies = {n: b.replace(b"/Marked true/Suspects false>>", b"/Marked true>>", 1) for n, b in bodies.items()}
    root, info, ids = _key(trailer, b"Root"), _key(trailer, b"Info"), _key(trailer, b"ID")
    if root is None or b"/Encrypt" in trailer:
        return pdf
    streams = {n: b for n, b in bodies.items() if b.endswith(b"endstream")}
    plain = [n for n in sorted(bodies) if n not in streams]
    size = max(bodies) + 3  # object 0, the objects, the object stream, the xref stream
    objstm, xref_num = size - 2, size - 1

    index, data, at = [], [], 0
    for n in plain:
        index.append(f"{n} {at}".encode())
        body = bodies[n] + b"\n"
        data.append(body)
        at += len(body)
    head = b" ".join(index) + b"\n"
    packed = zlib.compress(head + b"".join(data), 6)

    out = bytearray(header)
    where: dict[int, tuple[int, int, int]] = {0: (0, 0, 0xFFFF)}
    for n in sorted(streams):
        where[n] = (1, len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (n, streams[n])
    for i, n in enumerate(plain):
        where[n] = (2, objstm, i)
    where[objstm] = (1, len(out), 0)
    out += b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n" % (
        objstm,
        len(plain),
        len(head),
        len(packed),
    )
    out += packed + b"\nendstream\nendobj\n"
    where[xref_num] = (1, len(out), 0)
    rows = b"".join(
        bytes([t]) + a.to_bytes(4, "big") + b.to_bytes(2, "big") for t, a, b in (where.get(n, (0, 0, 0)) for n in range(size))
    )
    table = zlib.compress(rows, 6)
    extra = (b"/Info " + info if info else b"") + (b"/ID" + ids if ids else b"")
    xref_at = len(out)
    out += b"%d 0 obj\n<</Type/XRef/Size %d/W[1 4 2]/Root %s%s/Filter/FlateDecode/Length %d>>\nstream\n" % (
        xref_num,
        size,
        root,
        extra,
        len(table),
    )
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)

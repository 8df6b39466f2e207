"""The whole-dataset zip made again without compressing again what did not change (issue 21).

After a one-value change almost every member of unduh/kinerja.zip (the whole API, the
whole-dataset tables) holds the same bytes as in the previous build, and compressing them
all again was most of the zip's time. ``reusing_zip`` writes the same archive as
core.archive.stable_zip (same entries, order, times and attributes, the same zlib at its
default level) with the zip comment ``COMMENT`` naming the compressor; a member's
compressed bytes are taken from the previous zip only when that zip carries the same
comment (made by this code with this zlib) and they inflate to exactly the member's new
bytes. So the result is the archive a cold build makes, byte for byte
(tests/test_zipreuse.py), and nothing stale or damaged is ever taken over: a previous zip
that is truncated or garbled simply gives nothing to reuse.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from generator.core.archive import StableZipFile

COMMENT = f"deflate: zlib {zlib.ZLIB_RUNTIME_VERSION}, level {zlib.Z_DEFAULT_COMPRESSION}".encode("ascii")
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature … file name length, extra field length (30 bytes)


def _previous_members(previous: bytes | None) -> dict[str, bytes]:
    """Name → compressed bytes of each member of the previous zip, when it was made as
    this code makes it; empty otherwise (none, another compressor, unreadable)."""
    if not previous:
        return {}
    found: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(previous)) as z:
            if z.comment != COMMENT:
                return {}
            for info in z.infolist():
                if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x08:
                    continue
                start = info.header_offset
                signature, name_len, extra_len = _LOCAL_HEADER.unpack_from(previous, start)
                if signature != b"PK\x03\x04":
                    continue
                begin = start + _LOCAL_HEADER.size + name_len + extra_len
                raw = previous[begin : begin + info.compress_size]
                if len(raw) == info.compress_size:
                    found[info.filename] = raw
    except (zipfile.BadZipFile, struct.error, ValueError, OSError, EOFError):
        return {}
    return found


def _inflates_to(raw: bytes, data: bytes) -> bool:
    """Whether ``raw`` is one complete deflate stream of exactly ``data``."""
    d = zlib.decompressobj(-zlib.MAX_WBITS)
    try:
        out = d.decompress(raw, len(data) + 1)  # never more than one byte past the expected length
    except zlib.error:
        return False
    return out == data and d.eof and not d.unused_data and not d.unconsumed_tail


def _deflate(data: bytes) -> bytes:
    """As zipfile compresses a ZIP_DEFLATED member written with writestr."""
    c = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


class _Zip(StableZipFile):
    """A StableZipFile whose members are written from compressed bytes (the same fields
    writestr gives them: the archive is byte-identical)."""

    reused = 0

    def add(self, name: str, data: bytes, previous: bytes | None) -> None:
        if previous is not None and _inflates_to(previous, data):
            raw = previous
            self.reused += 1
        else:
            raw = _deflate(data)
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3
        info.external_attr = 0o644 << 16
        info.flag_bits = 0
        info.file_size, info.compress_size, info.CRC = len(data), len(raw), zlib.crc32(data)
        self._didModify = True
        assert self.fp is not None
        self.fp.seek(self.start_dir)
        info.header_offset = self.fp.tell()
        self.fp.write(info.FileHeader(info.file_size * 1.05 > zipfile.ZIP64_LIMIT))
        self.fp.write(raw)
        self.start_dir = self.fp.tell()
        self.filelist.append(info)
        self.NameToInfo[name] = info


def reusing_zip(
    entries: list[tuple[str, bytes | Callable[[], bytes]]], when: dt.date, previous: bytes | None = None
) -> tuple[bytes, int]:
    """(the zip of ``entries``, sorted, with ``COMMENT``; how many members' compressed
    bytes came from ``previous``, the zip the previous build wrote, if any). A member's
    data may be a function that reads it: it is then read only when written, so the whole
    API (~174 MB at 40 x 70) is never in memory at once."""
    old = _previous_members(previous)
    buf = io.BytesIO()
    with _Zip(buf, when) as z:
        z.comment = COMMENT
        for name, data in sorted(entries, key=lambda e: e[0]):
            z.add(name, data() if callable(data) else data, old.get(name))
        reused = z.reused
    return buf.getvalue(), reused

"""The whole-dataset zip reuses the previous build's compressed members only where they
inflate to exactly the new bytes, and is then the same archive a cold build writes."""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile

from generator.core.archive import StableZipFile
from generator.opendata.zipreuse import COMMENT, reusing_zip

WHEN = dt.date(2025, 12, 31)


def _entries(seed: int = 1) -> list[tuple[str, bytes]]:
    rnd = random.Random(seed)
    out = [
        (f"api/v1/laporan/{i:03d}.json", b'{"capaian": "%d"}\n' % rnd.randrange(10**6) * rnd.randrange(1, 400)) for i in range(40)
    ]
    out += [("kinerja.csv", "wilayah,jabatan\r\nkota,Kepala Dinas Perindustrian – Ümit\r\n".encode() * 500), ("kosong.txt", b"")]
    out.append(("acak.bin", rnd.randbytes(5000)))  # does not compress
    return out


def _zipfile_made(entries: list[tuple[str, bytes]]) -> bytes:
    """The archive as zipfile itself writes it (StableZipFile.writestr), with the comment."""
    buf = io.BytesIO()
    with StableZipFile(buf, WHEN) as z:
        z.comment = COMMENT
        for name, data in sorted(entries):
            z.writestr(name, data)
    return buf.getvalue()


def test_a_fresh_zip_is_the_one_zipfile_writes():
    data, reused = reusing_zip(_entries(), WHEN)
    assert reused == 0
    assert data == _zipfile_made(_entries())
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        assert {n: z.read(n) for n in z.namelist()} == dict(_entries())


def test_unchanged_members_are_reused_and_the_zip_equals_a_cold_one():
    first, _ = reusing_zip(_entries(), WHEN)
    changed = _entries()
    changed[3] = (changed[3][0], changed[3][1] + b" ")  # one member changes
    changed.append(("api/v1/baru.json", b"{}"))  # one is new
    del changed[7]  # one goes
    again, reused = reusing_zip(changed, WHEN, first)
    assert reused == len(changed) - 2  # all but the changed and the new member
    assert again == _zipfile_made(changed)


def test_a_damaged_or_foreign_previous_zip_gives_nothing_stale():
    entries = _entries()
    cold = _zipfile_made(entries)
    first, _ = reusing_zip(entries, WHEN)
    for previous in (first[: len(first) // 2], first[:100] + bytes(200) + first[300:], b"not a zip", b""):
        data, _reused = reusing_zip(entries, WHEN, previous)
        assert data == cold
    # a member that holds other bytes in the previous zip (a readable archive): compressed again
    name, payload = entries[0]
    stale = [(n, payload.replace(b"capaian", b"CAPAIAN") if n == name else d) for n, d in entries]
    garbled, _ = reusing_zip(stale, WHEN)
    data, reused = reusing_zip(entries, WHEN, garbled)
    assert data == cold and reused == len(entries) - 1
    # a zip made by another compressor (no comment): nothing taken over
    buf = io.BytesIO()
    with StableZipFile(buf, WHEN) as z:
        for n, d in sorted(entries):
            z.writestr(n, d)
    data, reused = reusing_zip(entries, WHEN, buf.getvalue())
    assert data == cold and reused == 0

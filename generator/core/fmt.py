"""Formatting at the edge: Indonesian numbers, dates, quarters, NIP display.

These return plain strings built only from digits and fixed words, so templates mark
them safe; anything that comes from data goes through escape.teks instead.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from generator.core.numbers import format_id

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def angka(value: Decimal | int | None, kosong: str = "–") -> str:
    """A figure exactly as computed or written: 87,62 · 1.537 · 100."""
    return kosong if value is None else format_id(value)


def persen(value: Decimal | None, kosong: str = "–") -> str:
    return kosong if value is None else f"{format_id(value)}%"


def rupiah(value: Decimal | None, kosong: str = "–") -> str:
    """Rupiah without the currency sign (table headers say Rp): 5.084.795.000."""
    return kosong if value is None else format_id(value, 0)


def tanggal(value: dt.date | None) -> str:
    return "" if value is None else f"{value.day} {BULAN[value.month - 1]} {value.year}"


def triwulan(tw: int) -> str:
    return f"Triwulan {ROMAWI[tw]}"


def periode(tahun: int, tw: int) -> str:
    return f"Triwulan {ROMAWI[tw]} {tahun}"


_NIP_GROUPS = (8, 6, 1, 3)


def _group(digits: str) -> list[str]:
    parts, i = [], 0
    for size in _NIP_GROUPS:
        if i >= len(digits):
            break
        parts.append(digits[i : i + size])
        i += size
    if i < len(digits):
        parts.append(digits[i:])
    return parts


def nip(value: str | None, tampilan: str) -> str | None:
    """NIP as shown on the site. ``samar``: birth date only, the rest masked in the
    8/6/1/3 grouping (19690203 ****** * ***); ``lengkap``: grouped in full;
    ``sembunyi``: None (not shown at all)."""
    if not value or tampilan == "sembunyi":
        return None
    digits = re.sub(r"\D", "", value)
    if not digits:
        return None
    parts = _group(digits)
    if tampilan == "lengkap":
        return " ".join(parts)
    return " ".join([parts[0]] + ["*" * len(p) for p in parts[1:]])


# --------------------------------------------------------------------------- NIP-like numbers in text

# The contributor guide's example NIP (19800101 200501 1 001): fictitious, said so where it
# is shown, and the one NIP-like number published unmasked.
NIP_CONTOH = "198001012005011001"

_SEP = "[ .\\-\u00a0\u202f\u2010-\u2015]"  # one space (also no-break), dot, hyphen or dash between digit groups
# A run of digit groups joined by single separators: "198001012005011001",
# "19800101 200501 1 001", "1980.0101.2005.0110.01", "9800101-200501-1-001".
DIGIT_RUN = re.compile(rf"(?<![\d])\d+(?:{_SEP}\d+)*(?!\d)")
# The usual 8/6/1/3 grouping, also when it sits inside a longer run ("… 004 2025").
_NIP_GROUPED = re.compile(rf"(?<!\d)\d{{8}}{_SEP}?\d{{6}}{_SEP}?\d{_SEP}?\d{{2,4}}(?!\d)")
_SEVENTEEN_DIGITS = re.compile(r"\d(?:\D*\d){16}")  # what every NIP-like number below has at least
MAX_GROUPS = 5  # more groups than this is a code or a list (1.02.01.2.10.0001…), not an identity number


def digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def digit_runs(text: str, sizes: range) -> list[tuple[int, int]]:
    """Spans of the digit runs in ``text`` that hold a number of digits in ``sizes`` in at
    most MAX_GROUPS groups (an identity number written in any grouping)."""
    out = []
    for m in DIGIT_RUN.finditer(text):
        run = m.group()
        if len(digits_of(run)) in sizes and len(re.split(_SEP, run)) <= MAX_GROUPS:
            out.append(m.span())
    return out


def nip_like_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` holds a NIP-like number: 17 to 19 digits in any grouping (an 18-digit
    NIP, or one misprinted with a digit more or less)."""
    spans = digit_runs(text, range(17, 20))
    spans += [m.span() for m in _NIP_GROUPED.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    return sorted(spans)


def _masked(run: str, tampilan: str) -> str:
    digits = digits_of(run)
    if digits == NIP_CONTOH:
        return run
    if tampilan == "sembunyi":
        return "[NIP disembunyikan]"
    if run.isdigit():  # written without spaces: shown in the site's grouping
        return nip(digits, "samar") or run
    # written in groups: the grouping kept, the first group (at most 8 digits) shown
    first = re.match(r"\d+", run)
    keep = min(len(first.group()) if first else 0, 8)
    return run[:keep] + re.sub(r"\d", "*", run[keep:])


def samarkan_nip(text: str | None, tampilan: str) -> str | None:
    """Mask NIP-like numbers inside free text (source notes often quote a NIP, sometimes
    misprinted) as the site shows NIPs: ``samar`` keeps the birth date (19690203 ****** * ***),
    ``sembunyi`` hides it, ``lengkap`` leaves the text as written."""
    if not text or tampilan == "lengkap" or not _SEVENTEEN_DIGITS.search(text):
        return text  # fewer than 17 digits: no NIP-like number (most texts; checked first, it is cheap)
    out, last = [], 0
    for a, b in nip_like_spans(text):
        out += [text[last:a], _masked(text[a:b], tampilan)]
        last = b
    return "".join(out) + text[last:] if out else text


def mask_nip_like(text: str) -> str:
    """Every NIP-like number in ``text`` masked (birth date kept): for texts that are
    published whatever the site's NIP setting (hand-written pages, messages in CI logs)."""
    return samarkan_nip(text, "samar") or text


def mask_page(name: str, data: bytes) -> bytes:
    """A hand-written page as published: NIP-like numbers masked in its text (.md, .html,
    .txt); other files unchanged."""
    if not name.endswith((".md", ".html", ".txt")):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    masked = mask_nip_like(text)
    return data if masked == text else masked.encode("utf-8")

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


_NIP_IN_TEXT = re.compile(r"(?<!\d)(\d{8})[ .]?(\d{6})[ .]?(\d)[ .]?(\d{2,3})(?!\d)")


def samarkan_nip(text: str | None, tampilan: str) -> str | None:
    """Mask NIP-like digit runs inside free text (source notes often quote a NIP)."""
    if not text or tampilan == "lengkap":
        return text
    if tampilan == "sembunyi":
        return _NIP_IN_TEXT.sub("[NIP disembunyikan]", text)
    return _NIP_IN_TEXT.sub(lambda m: f"{m.group(1)} {'*' * 6} * {'*' * len(m.group(4))}", text)

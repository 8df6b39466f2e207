"""Markdown for a pull-request comment: data text made literal (``md``), old → new
values, tables, diagnostics as list items, and the cut that keeps the comment under
GitHub's size limit."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from generator.core.fmt import ROMAWI, angka

MARKER = "<!-- kinerja-diff -->"
MAX_CHARS = 60_000  # GitHub refuses comments over 65 536 characters
MAX_LISTED = 30  # errors or warnings listed one by one before "… dan N lainnya"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|~>])")


def md(value: object) -> str:
    """Data text as literal inline Markdown (GitHub): no formatting, links, HTML, table
    breaks, @mentions or #references can come out of it."""
    s = re.sub(r"[\x00-\x1f\x7f]+", " ", str(value)).strip()
    s = _MD_SPECIAL.sub(r"\\\1", s.replace("&", "&amp;")).replace("<", "&lt;")
    # a zero-width space after @ keeps GitHub from notifying anyone, and after # from linking an issue
    return re.sub(r"#(?=\d)", "#\u200b", s.replace("@", "@\u200b"))


def visible(text: str) -> str:
    """Control, format (e.g. right-to-left override) and line-separator characters written
    as escapes, so a file name shows as what it is and cannot start a new line."""
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\u{ord(ch):04x}"))
        else:
            out.append(ch)
    return "".join(out)


def code(value: object) -> str:
    """A file name or revision as an inline code span: shown literally, whatever it holds
    (no heading, link, HTML comment, @mention or #reference can come out of it)."""
    s = visible(str(value))
    longest = max((len(run) for run in re.findall(r"`+", s)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if s[:1] in ("`", " ") or s[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def change(old, new, fmt: Callable = angka) -> str:
    """``new`` when unchanged, else ``old → new``, each written by ``fmt``."""
    return fmt(new) if old == new else f"{fmt(old)} → {fmt(new)}"


def numbered(nomor, text) -> str:
    """ "1. Indikator" (or just the text when it has no number), as literal Markdown."""
    return md(f"{nomor}. {text}" if nomor else text)


def period(tahun: int, triwulan: int) -> str:
    return f"{tahun} triwulan {ROMAWI.get(triwulan, triwulan)}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]


def _diag_line(d) -> str:
    hint = f" — saran: {md(d.hint.text('id'))}" if d.hint else ""
    level = "galat" if d.severity == "error" else "peringatan"
    return f"- {code(d.path)} baris {d.line}: **{d.code}** ({level}) {md(d.message.text('id'))}{hint}"


def diag_list(diags: list) -> list[str]:
    """Diagnostics as list items, at most MAX_LISTED of them."""
    lines = [_diag_line(d) for d in diags[:MAX_LISTED]]
    if len(diags) > MAX_LISTED:
        lines.append(f"- … dan {len(diags) - MAX_LISTED} lainnya (jalankan `kinerja check` untuk daftar lengkap)")
    return lines


def limit(text: str) -> str:
    if len(text) <= MAX_CHARS:
        return text
    cut = text.rfind("\n", 0, MAX_CHARS - 300)
    return (
        text[:cut]
        + "\n\n… *Ringkasan dipotong karena terlalu panjang untuk satu komentar. Jalankan `kinerja diff` di komputer sendiri untuk versi lengkap.*\n"
    )

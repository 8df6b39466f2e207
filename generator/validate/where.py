"""Where in a file a value sits, in words for the person editing it: "laporan ke-2
(triwulan IV) › realisasi › ikm" rather than the internal path "laporan.1.realisasi.ikm".
List items are counted from 1 and named by what identifies them in the file (the
quarter of a report, the id of an indicator, the version of an agreement)."""

from __future__ import annotations

from typing import Any

from generator.core.fmt import ROMAWI
from generator.load import Path_

MAX_LABEL = 40  # characters of an item's name shown beside its number


def _text(value: Any) -> str:
    s = " ".join(str(value).split())
    return s if len(s) <= MAX_LABEL else s[: MAX_LABEL - 1] + "…"


def _label(item: Any, lang: str) -> str:
    """What identifies a list item, in parentheses; "" when nothing does."""
    if not isinstance(item, dict):
        return ""
    tw = str(item.get("triwulan", "")).strip()
    if tw.isdigit() and int(tw) in ROMAWI:
        return f" ({'quarter' if lang == 'en' else 'triwulan'} {ROMAWI[int(tw)]})"
    for key in ("id", "versi", "peran", "nomor", "tanggal"):
        value = item.get(key)
        if isinstance(value, (str, int)) and str(value).strip():
            return f" ({_text(value)})"
    return ""


def place(data: Any, loc: Path_, lang: str = "id") -> str:
    """``loc`` in ``data`` in words; "berkas ini" (the file) for the top level."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            owner = parts.pop() if parts else ("item" if lang == "en" else "butir")
            number = f"#{part + 1}" if lang == "en" else f"ke-{part + 1}"
            parts.append(f"{owner} {number}{_label(item, lang)}")
            node = item
        elif node is not None and not isinstance(node, (dict, list)):
            continue  # a field of the long form the file wrote short ("ikm: 95,14" for ikm › nilai)
        else:
            parts.append(_text(part))
            node = node.get(part) if isinstance(node, dict) else None
    if not parts:
        return "the file" if lang == "en" else "berkas ini"
    return " › ".join(parts)


def parent_place(data: Any, loc: Path_, lang: str = "id") -> str:
    """Where a key of ``loc``'s parent sits: "tingkat atas" (the top level) for a key of the file."""
    if not loc[:-1]:
        return "the top level" if lang == "en" else "tingkat atas berkas"
    return place(data, loc[:-1], lang)


def shown(value: Any, lang: str = "id") -> str:
    """A value as the person wrote it, for a message: text in quotes, true/false, empty."""
    en = lang == "en"
    if value is None:
        return "empty" if en else "kosong"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping (key: value)" if en else "pemetaan (kunci: nilai)"
    if isinstance(value, list):
        return "a list" if en else "daftar"
    return f"'{_text(value)}'"

"""Writing YAML by hand: one value as text the loader reads back unchanged, Rupiah in the
house style, ids made from names, and the comment line every new file starts with."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from decimal import Decimal

import yaml

from generator.core.numbers import format_id

HEADER = "# Baris yang diawali tanda # adalah komentar: petunjuk untuk Anda, tidak dibaca mesin.\n"


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def scalar(value: object) -> str:
    """One value as YAML text that the loader reads back unchanged (plain when safe)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format_id(value) if value != value.to_integral_value() else str(int(value))
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain_ok = bool(text) and text == text.strip() and not re.search(r"[\n\r\t]|: | #|^[-?:,\[\]{}#&*!|>'\"%@`]|:$", text)
    if plain_ok:
        try:
            plain_ok = yaml.safe_load(text) == text
        except yaml.YAMLError:
            plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def rupiah(value: Decimal) -> str:
    text = format_id(value, 0)
    # "1.000" unquoted is YAML's one-point-zero: quote a single thousands group.
    return f'"{text}"' if re.fullmatch(r"-?\d{1,3}\.\d{3}", text) else text

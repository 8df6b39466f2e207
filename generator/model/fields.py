"""The scalar types of the data files: numbers, rupiah, text, ids, NIPs and quarters.

Each is an ``Annotated`` type whose ``BeforeValidator`` reads what YAML gives (a
``YamlNumber`` keeps a number's source text) the way staff mean it. generator/staff/schema.py
recognises these validator functions when it writes the JSON Schemas for editors.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from generator.core.layout import ID_PATTERN
from generator.core.numbers import (
    ANGKA_DESIMAL,
    ANGKA_MAX,
    RUPIAH_MAX,
    NumberError,
    check_bounds,
    looks_like_thousands,
    parse_angka,
)


class YamlNumber(str):
    """A scalar YAML resolved as int/float, kept as its source text so that the number
    parser can tell ``1.537`` (YAML float) from ``"1.537"`` (Indonesian thousands)."""


def _number(value: Any, limit: Decimal, desimal: int | None, what: tuple[str, str]) -> Decimal:
    """Read one number exactly and keep it within the bounds of its kind (core/numbers.py)."""
    try:
        d = parse_angka(value, yaml_number=isinstance(value, YamlNumber))
        check_bounds(d, limit, desimal, what)
        return d
    except NumberError as e:
        raise PydanticCustomError(e.code, e.message, {"hint": e.hint, "en": e.message_en, "hint_en": e.hint_en}) from None


def _angka(value: Any) -> Decimal:
    return _number(value, ANGKA_MAX, ANGKA_DESIMAL, ("angka", "number"))


def _rupiah(value: Any) -> Decimal:
    if isinstance(value, YamlNumber) and looks_like_thousands(value):
        plain = value.replace(".", "")
        raise PydanticCustomError(
            "AMBIGUOUS_NUMBER",
            f"Rupiah '{value}' terbaca YAML sebagai {value} (pecahan), hampir pasti maksudnya {plain}",
            {
                "hint": f"tulis {plain} (tanpa titik), atau angka lengkap dengan titik ribuan dalam tanda kutip",
                "en": f"Rupiah '{value}' is read by YAML as a fraction; it almost certainly means {plain}",
                "hint_en": f"write {plain}",
            },
        )
    d = _number(value, RUPIAH_MAX, None, ("Rupiah", "Rupiah"))
    if d < 0:
        raise PydanticCustomError(
            "NEGATIVE_VALUE",
            f"Rupiah tidak boleh negatif, tertulis {value}",
            {
                "hint": "pagu, target dan realisasi anggaran tidak pernah negatif; periksa tanda minusnya",
                "en": f"Rupiah cannot be negative, got {value}",
                "hint_en": "budget figures are never negative; check the minus sign",
            },
        )
    if d != d.to_integral_value():
        raise PydanticCustomError(
            "RUPIAH_NOT_WHOLE",
            f"Rupiah harus bilangan bulat, tertulis {value}",
            {
                "hint": "Rupiah tidak memakai sen; bulatkan, mis. 81.779.000 (bukan 81.779.000,50)",
                "en": f"Rupiah must be whole, got {value}",
                "hint_en": "Rupiah have no cents; round the amount",
            },
        )
    return d


def _text(value: Any) -> Any:
    # Numbers written where text is expected (e.g. `no: 1`) are kept as text.
    return str(value) if isinstance(value, YamlNumber) else value


def _nip(value: Any) -> Any:
    if isinstance(value, YamlNumber):
        return str(value)
    if isinstance(value, str):
        return value.replace(" ", "")
    return value


def _int(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


# The word a data file writes where the source document does not state something (a
# year, a region's name, a position's holder or unit). The site then says so ("tahun tidak
# tercantum") instead of showing an invented value.
TIDAK_TERCANTUM = "tidak_tercantum"

# What a document prints in a figure's cell when it is not filled in.
DASHES = frozenset({"-", "--", "–", "—", "−", "―"})


def tidak_tercantum(value: Any) -> bool:
    """True for the word ``tidak_tercantum`` (also written with spaces or hyphens)."""
    if not isinstance(value, str) or isinstance(value, YamlNumber):
        return False
    return "_".join(value.replace("-", " ").split()).casefold() == TIDAK_TERCANTUM


def printed_text(value: Any) -> bool:
    """True for a figure printed as a word or a dash ("Laporan", "-"): text without any
    digit. Text with digits that does not read as a number stays a NUMBER_FORMAT error."""
    return isinstance(value, str) and not isinstance(value, YamlNumber) and not any(ch.isdigit() for ch in value)


def text_status(text: str) -> Literal["tidak_diisi", "teks"]:
    """A printed non-number: ``tidak_diisi`` (a dash or nothing: not filled in) or
    ``teks`` (a word: kept as printed, cannot be computed)."""
    return "tidak_diisi" if text.strip() in DASHES or not text.strip() else "teks"


Angka = Annotated[Decimal, BeforeValidator(_angka)]
Rupiah = Annotated[Decimal, BeforeValidator(_rupiah)]
Teks = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_text), Field(pattern=ID_PATTERN)]
Nip = Annotated[str, BeforeValidator(_nip)]
Triwulan = Annotated[Literal[1, 2, 3, 4], BeforeValidator(_int)]
# Every date in the data: any real report's with room to spare, and never near the ends of
# Python's calendar, where date arithmetic (a PPID deadline counted in working days, a
# year's quarters) would fail on 9999-12-31 instead of the date being reported at its line.
TANGGAL_MIN, TANGGAL_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
Tanggal = Annotated[dt.date, Field(ge=TANGGAL_MIN, le=TANGGAL_MAX)]


# The base of every file shape: unknown keys are errors (a typo such as ``realiasi`` is
# reported, not ignored), and text is stripped of surrounding whitespace.
class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)

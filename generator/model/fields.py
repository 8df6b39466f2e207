"""The scalar types of the data files: numbers, rupiah, text, ids, NIPs and quarters.

Each is an ``Annotated`` type whose ``BeforeValidator`` reads what YAML gives (a
``YamlNumber`` keeps a number's source text) the way staff mean it. generator/staff/schema.py
recognises these validator functions when it writes the JSON Schemas for editors.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from generator.core.numbers import NumberError, looks_like_thousands, parse_angka


class YamlNumber(str):
    """A scalar YAML resolved as int/float, kept as its source text so that the number
    parser can tell ``1.537`` (YAML float) from ``"1.537"`` (Indonesian thousands)."""


def _angka(value: Any) -> Decimal:
    try:
        return parse_angka(value, yaml_number=isinstance(value, YamlNumber))
    except NumberError as e:
        raise PydanticCustomError(e.code, e.message, {"hint": e.hint, "en": e.message_en, "hint_en": e.hint_en}) from None


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
    d = _angka(value)
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


Angka = Annotated[Decimal, BeforeValidator(_angka)]
Rupiah = Annotated[Decimal, BeforeValidator(_rupiah)]
Teks = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_text), Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Nip = Annotated[str, BeforeValidator(_nip)]
Triwulan = Annotated[Literal[1, 2, 3, 4], BeforeValidator(_int)]


# The base of every file shape: unknown keys are errors (a typo such as ``realiasi`` is
# reported, not ignored), and text is stripped of surrounding whitespace.
class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)

"""Exact numbers: parsing what staff write, rounding by policy, Indonesian formatting.

Every figure in the pipeline is a `decimal.Decimal`. Values arrive either as YAML
numbers (``87.62``, ``1537``) or as Indonesian-formatted strings (``"87,62"``,
``"5.084.795.000"``, ``"1.234.567,89"``). Indonesian formatting is applied again only
at the edge (pages, XLSX), never inside the engine.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "NumberError",
    "parse_angka",
    "looks_like_thousands",
    "round_to",
    "format_id",
    "format_rupiah",
]


class NumberError(ValueError):
    """A value that cannot be read as a number. ``code`` names the kind of mistake
    (see generator/diagnostics.py) and ``hint`` says what to write instead."""

    def __init__(self, code: str, message: str, hint: str = "", suggestion: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint
        self.suggestion = suggestion


# Indonesian: dots group thousands (in threes), a comma starts the decimals.
_ID_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_PLAIN = re.compile(r"^-?\d+(,\d+)?$")
# Machine form: a dot decimal with no grouping (what YAML itself would accept).
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_PLAIN_INT = re.compile(r"^-?\d+$")
# English grouping, a frequent paste from spreadsheets: 1,537,000 or 1,537.5
_EN_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")


def looks_like_thousands(raw: str) -> bool:
    """True for a YAML number such as ``1.537`` or ``12.500`` whose dot most likely
    groups thousands (Indonesian habit) rather than starting decimals."""
    return bool(re.fullmatch(r"-?\d{1,3}\.\d{3}", raw.strip()))


def parse_angka(value: object, *, yaml_number: bool = False) -> Decimal:
    """Read one number exactly.

    ``yaml_number`` says the scalar was written unquoted and YAML resolved it as an
    int or float: then a dot is a decimal point (YAML's rule). In a string, the
    Indonesian convention applies: dots group thousands, a comma starts decimals.
    Raises NumberError with a code and an Indonesian hint.
    """
    if isinstance(value, bool):
        raise NumberError("TYPE", "nilai benar/salah (true/false) bukan angka", "tulis angka, mis. 100")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # only reached from Python callers; the loader never makes floats
        return Decimal(repr(value))
    if not isinstance(value, str):
        raise NumberError("TYPE", f"diharapkan angka, tertulis {type(value).__name__}", "tulis angka, mis. 87,62")

    raw = value.strip()
    if not raw:
        raise NumberError("TYPE", "angka kosong", "isi angkanya, atau tulis `na: <alasan>` bila data belum tersedia")
    text = raw.replace("\u00a0", " ")
    if yaml_number:
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            raise NumberError("NUMBER_FORMAT", f"'{raw}' bukan angka", "tulis angka, mis. 87,62") from None

    # Decorations seen in printed reports: "Rp", "%", trailing ",-" or "-"
    if re.search(r"\s", text.strip()) and re.fullmatch(r"-?[\d.,\s]+", text):
        compact = re.sub(r"\s+", "", text)
        raise NumberError(
            "NUMBER_FORMAT",
            f"'{raw}' berisi spasi di tengah angka",
            f"hapus spasinya: {compact}",
            compact,
        )
    if _PLAIN_INT.match(text):
        return Decimal(text)
    if _ID_PLAIN.match(text):
        return Decimal(text.replace(",", "."))
    if _ID_GROUPED.match(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _DOT_DECIMAL.match(text):
        # "95.14" inside quotes: by Indonesian convention a dot groups thousands, but
        # "95.14" has no group of three, so the writer meant a decimal point.
        # It is still ambiguous for three digits after the dot ("1.537").
        if looks_like_thousands(text):
            plain = text.replace(".", "")
            raise NumberError(
                "AMBIGUOUS_NUMBER",
                f"'{raw}' bisa berarti {plain} (titik pemisah ribuan) atau {text.replace('.', ',')} (desimal)",
                f"tulis {plain} bila maksudnya ribuan, atau {text.replace('.', ',')} bila desimal",
                plain,
            )
        return Decimal(text)
    if _EN_GROUPED.match(text):
        fixed = text.replace(",", "")
        raise NumberError(
            "COMMA_DECIMAL",
            f"'{raw}' memakai koma sebagai pemisah ribuan (gaya Inggris)",
            f"tulis {fixed} tanpa pemisah, atau dengan titik ribuan gaya Indonesia",
            fixed,
        )
    if re.fullmatch(r"-?[\d.]+,[\d.]*,[\d.,]*", text):
        raise NumberError("COMMA_DECIMAL", f"'{raw}' berisi lebih dari satu koma desimal", "satu angka hanya boleh punya satu koma desimal")
    if re.fullmatch(r"-?\d+(\.\d+){2,}(,\d+)?", text):
        raise NumberError(
            "NUMBER_FORMAT",
            f"'{raw}': titik pemisah ribuan harus memisahkan tepat tiga angka",
            "periksa jumlah digit di antara titik, mis. 7.825.000",
        )
    stripped = re.sub(r"^(Rp\.?\s*)|(\s*%)$|(,-|-)$", "", text)
    if stripped != text:
        raise NumberError(
            "NUMBER_FORMAT",
            f"'{raw}' berisi satuan atau hiasan (Rp, %, ,-)",
            f"tulis angkanya saja: {stripped}; satuan ditulis di `satuan`",
            stripped,
        )
    raise NumberError("NUMBER_FORMAT", f"'{raw}' bukan angka", "tulis angka, mis. 87,62 atau 5.084.795.000")


_MODES = {"setengah_ke_atas": ROUND_HALF_UP, "potong": ROUND_DOWN}


def round_to(value: Decimal, desimal: int, cara: str = "setengah_ke_atas") -> Decimal:
    """Round half-up (``setengah_ke_atas``) or truncate toward zero (``potong``)."""
    quantum = Decimal(1).scaleb(-desimal)
    return value.quantize(quantum, rounding=_MODES[cara])


def format_id(value: Decimal | int | None, desimal: int | None = None, *, trim: bool = False) -> str:
    """Indonesian display: 1.234.567,89. ``desimal`` fixes the decimals (half-up);
    ``trim`` drops a zero fraction (100,00 → 100)."""
    if value is None:
        return "–"
    d = Decimal(value)
    if desimal is not None:
        d = round_to(d, desimal)
    sign = "-" if d < 0 else ""
    d = abs(d)
    text = format(d, "f")
    whole, _, frac = text.partition(".")
    if trim:
        frac = frac.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def format_rupiah(value: Decimal | int | None) -> str:
    return "–" if value is None else "Rp " + format_id(value, 0)

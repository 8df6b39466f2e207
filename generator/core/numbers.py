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
    "ANGKA_MAX",
    "ANGKA_DESIMAL",
    "COUNT_MAX",
    "PERSEN_MAX",
    "RUPIAH_MAX",
    "check_bounds",
    "decimal_places",
    "parse_angka",
    "looks_like_thousands",
    "round_to",
    "format_id",
    "format_rupiah",
]


class NumberError(ValueError):
    """A value that cannot be read as a number. ``code`` names the kind of mistake
    (see generator/diagnostics.py); ``message`` and ``hint`` are (Indonesian, English)
    pairs; ``suggestion`` is the corrected text when there is an obvious one."""

    def __init__(self, code: str, message: tuple[str, str], hint: tuple[str, str], suggestion: str | None = None):
        super().__init__(message[0])
        self.code = code
        self.message, self.message_en = message
        self.hint, self.hint_en = hint
        self.suggestion = suggestion


# Indonesian: dots group thousands (in threes), a comma starts the decimals.
_ID_GROUPED = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_PLAIN = re.compile(r"^-?\d+(,\d+)?$")
# Machine form: a dot decimal with no grouping (what YAML itself would accept).
_DOT_DECIMAL = re.compile(r"^-?\d+\.\d+$")
_PLAIN_INT = re.compile(r"^-?\d+$")
# English grouping, a frequent paste from spreadsheets: 1,537,000 or 1,537.5
_EN_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")
_EXAMPLE = ("tulis angka, mis. 87,62 atau 5.084.795.000", "write a number, e.g. 87,62 or 5.084.795.000")


def looks_like_thousands(raw: str) -> bool:
    """True for a YAML number such as ``1.537`` or ``12.500`` whose dot most likely
    groups thousands (Indonesian habit) rather than starting decimals."""
    return bool(re.fullmatch(r"-?\d{1,3}\.\d{3}", raw.strip()))


def parse_angka(value: object, *, yaml_number: bool = False) -> Decimal:
    """Read one number exactly.

    ``yaml_number`` says the scalar was written unquoted and YAML resolved it as an
    int or float: then a dot is a decimal point (YAML's rule). In a string, the
    Indonesian convention applies: dots group thousands, a comma starts decimals.
    """
    if isinstance(value, bool):
        raise NumberError("TYPE", ("nilai benar/salah (true/false) bukan angka", "true/false is not a number"), _EXAMPLE)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # only reached from Python callers; the loader never makes floats
        return Decimal(repr(value))
    if not isinstance(value, str):
        kind = type(value).__name__
        raise NumberError("TYPE", (f"diharapkan angka, tertulis {kind}", f"expected a number, got {kind}"), _EXAMPLE)

    raw = value.strip()
    if not raw:
        raise NumberError(
            "TYPE",
            ("angka kosong", "empty number"),
            (
                "isi angkanya, atau tulis `na: <alasan>` bila data belum tersedia",
                "fill in the number, or `na: <reason>` when not available",
            ),
        )
    text = raw.replace("\u00a0", " ")
    if yaml_number:
        try:
            return Decimal(text.replace("_", ""))
        except InvalidOperation:
            raise NumberError("NUMBER_FORMAT", (f"'{raw}' bukan angka", f"'{raw}' is not a number"), _EXAMPLE) from None

    if re.search(r"\s", text) and re.fullmatch(r"-?[\d.,\s]+", text):
        compact = re.sub(r"\s+", "", text)
        raise NumberError(
            "NUMBER_FORMAT",
            (f"'{raw}' berisi spasi di tengah angka", f"'{raw}' has a space inside the number"),
            (f"hapus spasinya: {compact}", f"remove the space: {compact}"),
            compact,
        )
    if _PLAIN_INT.match(text):
        return Decimal(text)
    if _ID_PLAIN.match(text):
        return Decimal(text.replace(",", "."))
    if _ID_GROUPED.match(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _DOT_DECIMAL.match(text):
        # "95.14" in quotes has no group of three, so the dot is a decimal point.
        return Decimal(text)
    if _EN_GROUPED.match(text):
        fixed = text.replace(",", "")
        raise NumberError(
            "COMMA_DECIMAL",
            (f"'{raw}' memakai koma sebagai pemisah ribuan (gaya Inggris)", f"'{raw}' uses commas as thousands separators"),
            (f"tulis {fixed} tanpa pemisah, atau dengan titik ribuan gaya Indonesia", f"write {fixed} without separators"),
            fixed,
        )
    if re.fullmatch(r"-?[\d.]*,[\d.]*,[\d.,]*", text):
        raise NumberError(
            "COMMA_DECIMAL",
            (f"'{raw}' berisi lebih dari satu koma", f"'{raw}' has more than one comma"),
            ("satu angka hanya boleh punya satu koma desimal", "a number has at most one decimal comma"),
        )
    if re.fullmatch(r"-?\d+(\.\d+){1,}(,\d+)?", text):
        raise NumberError(
            "NUMBER_FORMAT",
            (
                f"'{raw}': titik pemisah ribuan harus memisahkan tepat tiga angka",
                f"'{raw}': thousands groups must have three digits",
            ),
            ("periksa jumlah digit di antara titik, mis. 7.825.000", "check the digits between the dots, e.g. 7.825.000"),
        )
    stripped = re.sub(r"^(Rp\.?\s*)|(\s*%)$|(,-|-)$", "", text).strip()
    if stripped != text:
        raise NumberError(
            "NUMBER_FORMAT",
            (f"'{raw}' berisi satuan atau hiasan (Rp, %, ,-)", f"'{raw}' contains a unit or decoration (Rp, %, ,-)"),
            (
                f"tulis angkanya saja: {stripped}; satuan ditulis di `satuan`",
                f"write the number only: {stripped}; the unit goes in `satuan`",
            ),
            stripped,
        )
    m = re.fullmatch(r"(-?[\d.,]+)\s+(\S.*)", text)
    if m:
        raise NumberError(
            "NUMBER_FORMAT",
            (f"'{raw}' berisi angka dan satuan sekaligus", f"'{raw}' holds a number and a unit"),
            (
                f"tulis `{m.group(1)}` di sini dan `satuan: {m.group(2)}` terpisah; teks aslinya boleh disimpan di `target_tertulis`",
                f"write `{m.group(1)}` here and `satuan: {m.group(2)}` separately",
            ),
            m.group(1),
        )
    raise NumberError(
        "NUMBER_FORMAT",
        (f"'{raw}' bukan angka", f"'{raw}' is not a number"),
        ("tulis angka, atau `na: <alasan>` bila data belum tersedia", "write a number, or `na: <reason>` when not available"),
    )


# --------------------------------------------------------------------------- sane bounds
# Every figure is bounded by its kind; beyond the bound it is a typo, and check says so
# at its line (NUMBER_RANGE, NUMBER_DECIMALS) instead of a later stage failing on it.
#
# Rupiah (pagu, budget target and realisation): whole, below 10^16 (Rp 10.000 triliun;
# the national budget, APBN 2025, is about Rp 3.600 triliun).
RUPIAH_MAX = Decimal(10) ** 16
# Indicator figures (targets, realisations, printed figures): below 10^16 too, since an
# indicator may be measured in Rupiah, with at most 6 decimals (no document prints more
# than 3; 6 keeps a unit conversion exact).
ANGKA_MAX = Decimal(10) ** 16
ANGKA_DESIMAL = 6
# Counts (an indicator whose unit is a count: orang, dokumen, …): below 10^12.
COUNT_MAX = Decimal(10) ** 12
# Percentages (an indicator in %, and every computed capaian, budget % and efficiency):
# below 10^9 %. A growth from 1 to 10.000 is 999.900 %; a computed figure within this
# bound and 6 decimals has at most 15 digits, well within the 28 of Decimal's default
# context that formatting and the downloads use.
PERSEN_MAX = Decimal(10) ** 9


def decimal_places(value: Decimal) -> int:
    """Digits after the decimal point, trailing zeros not counted (1,50 has 1)."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def _limit_text(limit: Decimal) -> str:
    return format_id(limit - 1)


def check_bounds(value: Decimal, limit: Decimal, desimal: int | None, what: tuple[str, str] = ("angka", "number")) -> None:
    """Raise NumberError when ``value`` is not finite, |value| ≥ ``limit`` (NUMBER_RANGE), or
    it has more than ``desimal`` decimals (NUMBER_DECIMALS; None: not checked)."""
    if not value.is_finite():
        raise NumberError("NUMBER_FORMAT", (f"{what[0]} tidak terhingga", f"{what[1]} is not finite"), _EXAMPLE)
    if abs(value) >= limit:
        shown = format(value, "E") if value.adjusted() > 40 else format_id(value)
        raise NumberError(
            "NUMBER_RANGE",
            (
                f"{what[0]} {shown} di luar batas wajar (paling besar {_limit_text(limit)})",
                f"{what[1]} {shown} is out of range (at most {_limit_text(limit)} in size)",
            ),
            (
                "periksa angkanya: kemungkinan digit berlebih, atau satuan yang tertukar",
                "check the value: likely extra digits, or a mixed-up unit",
            ),
        )
    places = decimal_places(value) if desimal is not None else 0
    if desimal is not None and places > desimal:
        rounded = format_id(round_to(value, desimal), trim=True)
        shown = format(value, "f") if places <= 40 else format(value, "E")
        raise NumberError(
            "NUMBER_DECIMALS",
            (
                f"{what[0]} {shown} memiliki lebih dari {desimal} angka di belakang koma",
                f"{what[1]} {shown} has more than {desimal} decimals",
            ),
            (f"bulatkan, mis. {rounded}", f"round it, e.g. {rounded}"),
            rounded,
        )


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
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ".".join(groups)
    return f"{sign}{out},{frac}" if frac else f"{sign}{out}"


def format_rupiah(value: Decimal | int | None) -> str:
    return "–" if value is None else "Rp " + format_id(value, 0)

"""How an indicator's formula and direction are shown: model.Formula → what a page displays.

A structured formula (pembilang over penyebut) is shown as a fraction built from HTML and
CSS (templates/_rumus.md.j2), never as the LaTeX or "A / B X 100%" text of the source
document. The text as written (``formula.tertulis``) goes into a small "tertulis di
dokumen" note; LaTeX in it is turned into plain linear text here (``\\frac{A}{B}`` →
``(A) / (B)``), so no page shows LaTeX source. Everything returned is plain text: the
templates escape it with escape.teks like any other data.
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.core import fmt
from generator.model import Formula, Indikator

# What each kind of formula is, in one short phrase (shown above the formula).
JENIS = {
    "rasio_x100": "persentase",
    "rasio": "rasio",
    "selisih_tahunan": "perubahan dari tahun sebelumnya",
    "jumlah": "jumlah (hitungan)",
    "uraian": "uraian",
    "alokasi_target": "alokasi target",
}
# Formulas the engine cannot turn into a figure, and why (shown under the formula).
CATATAN = {
    "uraian": "tidak dapat dihitung otomatis",
    "alokasi_target": "menetapkan target, bukan mengukur capaian",
}
PECAHAN = ("rasio_x100", "rasio", "selisih_tahunan", "alokasi_target")

ARAH = {"naik": "makin tinggi makin baik", "turun": "makin rendah makin baik"}
PANAH = {"naik": "↑", "turun": "↓"}


# --------------------------------------------------------------------------- LaTeX → linear text

_SYMBOLS = {
    "sum": "Σ",
    "Sigma": "Σ",
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "%": "%",
    "pm": "±",
    "le": "≤",
    "leq": "≤",
    "ge": "≥",
    "geq": "≥",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "$": "$",
    "&": "&",
    "#": "#",
    "_": "_",
    "{": "{",
    "}": "}",
    ",": " ",
    ";": " ",
    ":": " ",
    "!": "",
    " ": " ",
    "quad": " ",
    "qquad": " ",
    "left": "",
    "right": "",
    "displaystyle": "",
    "textstyle": "",
}
_TEXT_COMMANDS = {"text", "mathrm", "textrm", "textit", "mathit", "textbf", "mathbf", "operatorname", "mbox"}


def _group(s: str, i: int) -> tuple[str, int]:
    """The argument starting at s[i]: a {…} group (nested) or one character."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] != "{":
        if s[i] == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", s[i:])
            end = m.end() if m else 1  # a backslash at the very end stands alone
            return s[i : i + end], i + end
        return s[i], i + 1
    depth, j = 0, i
    while j < len(s):
        if s[j] == "\\":
            j += 2
            continue
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1 : j], j + 1
        j += 1
    return s[i + 1 :], len(s)


def _wrap(text: str) -> str:
    text = text.strip()
    return f"({text})" if re.search(r"\s", text) and not (text.startswith("(") and text.endswith(")")) else text


def _linear(s: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "$":
            i += 1
        elif c == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", s[i:])
            name = m.group(1) if m else ""
            i += m.end() if m else 1
            if name in ("frac", "dfrac", "tfrac"):
                num, i = _group(s, i)
                den, i = _group(s, i)
                out.append(f"{_wrap(_linear(num))} / {_wrap(_linear(den))}")
            elif name in _TEXT_COMMANDS:
                arg, i = _group(s, i)
                out.append(_linear(arg))
            elif name in _SYMBOLS:
                out.append(_SYMBOLS[name])
            else:
                out.append(name)
            if name.isalpha() and i < len(s) and s[i] == " ":
                out.append(" ")
        elif c in "{}":
            i += 1
        elif c in "^_":
            arg, i = _group(s, i + 1)
            out.append(("^" if c == "^" else "_") + _wrap(_linear(arg)))
        else:
            out.append(c)
            i += 1
    return "".join(out)


def linear(text: str | None) -> str | None:
    """A formula as written, as plain linear text: LaTeX (``$\\frac{A}{B} \\times 100\\%$``)
    becomes ``(A) / (B) × 100%``; text without LaTeX is returned unchanged."""
    if text is None:
        return None
    if "\\" not in text and "$" not in text:
        return text
    flat = _linear(text)
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = re.sub(r"\(\s+", "(", flat)
    return re.sub(r"\s+\)", ")", flat)


# --------------------------------------------------------------------------- view


def _pengali(f: Formula) -> tuple[str | None, str | None]:
    """(shown, read aloud) for the factor after the fraction."""
    p = f.pengali
    if f.jenis in ("rasio_x100", "selisih_tahunan") and (p is None or p == Decimal(100)):
        return "× 100%", "dikali 100 persen"
    if p is None or p == Decimal(1):
        return None, None
    return f"× {fmt.angka(p)}", f"dikali {fmt.angka(p)}"


def _selisih(pembilang: str) -> list[str] | None:
    """ "A - B" → [A, B] for a year-over-year difference, when the text splits cleanly."""
    parts = re.split(r"\s+[-−–]\s+", pembilang)
    return [p.strip() for p in parts] if len(parts) == 2 and all(p.strip() for p in parts) else None


def _norm(text: str) -> str:
    return re.sub(r"[\s()]+", "", text).casefold()


def view(ind: Indikator) -> dict | None:
    """What the formula cell shows, or None when the indicator has neither a formula nor
    a penjelasan. Keys: jenis, label, pecahan (bool), pembilang, penyebut, selisih
    ([A, B] or None), pengali, baca (the text form for screen readers), teks (counting or
    prose text), catatan, tertulis (as written, linear), penjelasan."""
    f = ind.formula
    if f is None:
        return (
            {
                "jenis": None,
                "label": None,
                "pecahan": False,
                "teks": None,
                "catatan": None,
                "tertulis": None,
                "penjelasan": ind.penjelasan,
            }
            if ind.penjelasan
            else None
        )
    tertulis = linear(f.tertulis)
    out: dict = {
        "jenis": f.jenis,
        "label": JENIS[f.jenis],
        "pecahan": False,
        "pembilang": None,
        "penyebut": None,
        "selisih": None,
        "pengali": None,
        "baca": None,
        "teks": None,
        "catatan": CATATAN.get(f.jenis),
        "tertulis": tertulis,
        "penjelasan": ind.penjelasan,
    }
    if f.jenis in PECAHAN and f.pembilang and f.penyebut:
        pengali, dibaca = _pengali(f)
        selisih = _selisih(f.pembilang) if f.jenis == "selisih_tahunan" else None
        atas = f"{selisih[0]} dikurangi {selisih[1]}" if selisih else f.pembilang
        baca = f"Rumus: {atas}, dibagi {f.penyebut}" + (f", {dibaca}" if dibaca else "") + "."
        out.update(pecahan=True, pembilang=f.pembilang, penyebut=f.penyebut, selisih=selisih, pengali=pengali, baca=baca)
    else:
        # counting text, prose, or a ratio without one of its parts: shown as text
        out["teks"] = f.pembilang if f.jenis == "jumlah" and f.pembilang else (tertulis or f.pembilang)
        if out["teks"] and tertulis and _norm(out["teks"]) == _norm(tertulis):
            out["tertulis"] = None  # the text shown is the text as written
    return out


def arah(ind: Indikator) -> dict:
    """Direction of an indicator: arrow, words, and whether the document states it."""
    return {
        "polaritas": ind.polaritas,
        "panah": PANAH[ind.polaritas],
        "teks": ARAH[ind.polaritas],
        "dinyatakan": ind.polaritas_dinyatakan,
        "dasar": "dinyatakan dalam dokumen" if ind.polaritas_dinyatakan else "diasumsikan",
    }

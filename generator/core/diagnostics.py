"""Problems found in the data, written for the people who fix them.

A Diagnostic carries a file, line and column, a stable CODE, and a message and hint in
Indonesian (default) and English. ``check`` prints them as
``path:line:column: CODE: message`` followed by the hint.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# code → (Indonesian title, English title). Titles are shown in `kinerja check --list-codes`
# and in the README; the message of each diagnostic carries the specifics.
CODES: dict[str, tuple[str, str]] = {
    "YAML_SYNTAX": ("sintaks YAML salah", "YAML syntax error"),
    "DUPLICATE_KEY": ("kunci ditulis dua kali", "duplicate key"),
    "UNKNOWN_KEY": ("kunci tidak dikenal", "unknown key"),
    "MISSING_KEY": ("kunci wajib tidak ada", "required key missing"),
    "TYPE": ("jenis nilai salah", "wrong type"),
    "NUMBER_FORMAT": ("format angka salah", "malformed number"),
    "COMMA_DECIMAL": ("koma di tempat yang salah", "misplaced comma in a number"),
    "AMBIGUOUS_NUMBER": ("angka bermakna ganda", "ambiguous number"),
    "RUPIAH_NOT_WHOLE": ("Rupiah bukan bilangan bulat", "Rupiah amount is not whole"),
    "MISSING_VALUE": ("nilai kosong", "missing value"),
    "NIP_LENGTH": ("NIP bukan 18 digit", "NIP is not 18 digits"),
    "NIP_FORMAT": ("NIP tidak sesuai pola", "NIP does not follow the pattern"),
    "NIP_SHARED": ("satu NIP dipakai dua orang", "one NIP used by two people"),
    "UNKNOWN_REF": ("rujukan ke sesuatu yang tidak ada", "reference to something that does not exist"),
    "DUPLICATE_ID": ("id ganda", "duplicate id"),
    "FILE_NAME": ("nama berkas tidak cocok", "file name does not match"),
    "MISPLACED_FILE": ("berkas di tempat yang salah", "file in the wrong place"),
    "NO_TARGET": ("realisasi tanpa target", "realisation without a target"),
    "NO_PK": ("laporan tanpa perjanjian kinerja", "report without a performance agreement"),
    "CUMULATIVE_DECREASE": ("realisasi kumulatif turun", "cumulative realisation decreased"),
    "PERIOD_AFTER_ASOF": ("periode sesudah tanggal data", "period after the data's as-of date"),
    "DUPLICATE_PERIOD": ("periode ganda", "duplicate period"),
    "PK_REVISION": ("revisi perjanjian kinerja tidak lengkap", "incomplete PK revision"),
    "BUDGET_SUM": ("pagu induk tidak sama dengan jumlah rinciannya", "parent budget differs from the sum of its rows"),
    "BUDGET_OVER": ("realisasi anggaran melebihi target", "budget realisation above target"),
    "COUNT_NOT_WHOLE": ("jumlah bukan bilangan bulat", "count is not whole"),
    "CYCLE": ("atasan melingkar", "superior chain loops"),
    "PERCENT_NO_100": ("indikator persentase tanpa × 100", "percentage indicator without × 100"),
    "RATIO_NO_DENOMINATOR": ("rasio tanpa penyebut", "ratio without a denominator"),
    "COUNT_TIMES_100": ("indikator jumlah dikali 100", "count indicator multiplied by 100"),
    "DUPLICATE_INDICATOR": ("indikator ganda dalam satu lembar", "duplicate indicator in one sheet"),
    "FORMULA_REPEATS_NAME": ("formula hanya mengulang nama indikator", "formula only repeats the indicator's name"),
    "PERSONAL_DATA": ("data pribadi di berkas publik", "personal data in a public file"),
    "URL_SCHEME": ("alamat tautan bukan http/https", "link is not http/https"),
    "URL_USERINFO": ("alamat tautan memuat bagian sebelum '@'", "link has a user-info part"),
    "URL_FORMAT": ("alamat tautan atau surel tidak sah", "malformed link or e-mail address"),
    "LATE_ANSWER": ("permohonan dijawab melewati batas waktu", "request answered after the deadline"),
    "LATE_OBJECTION": ("keberatan dijawab melewati batas waktu", "objection answered after the deadline"),
    "HOLIDAYS_MISSING": ("kalender hari libur tidak ada", "holiday calendar missing"),
    "PRINTED_DIFFERS": ("angka tercetak berbeda dari hasil hitung", "printed figure differs from the computed one"),
    "NEGATIVE_VALUE": ("angka negatif", "negative value"),
    "NUMBER_RANGE": ("angka di luar batas wajar", "number out of range"),
    "NUMBER_DECIMALS": ("terlalu banyak angka di belakang koma", "too many decimals"),
    "ID_FORMAT": ("nama berkas atau folder bukan id yang sah", "file or folder name is not a valid id"),
    "ID_TOO_LONG": ("id terlalu panjang", "id too long"),
    "ID_RESERVED": ("id memakai nama yang dicadangkan", "id uses a reserved name"),
    "ID_CASE_CLASH": ("dua nama hanya berbeda huruf besar/kecil", "two names differ only in case"),
    "ID_HIDDEN": ("berkas atau folder tersembunyi diabaikan", "hidden file or folder ignored"),
    "SYMLINK": ("tautan simbolik di folder data", "symbolic link in the data folder"),
    "EXCLUDED_FROM_AVERAGE": ("indikator tidak ikut dihitung dalam rata-rata", "indicator left out of the average"),
    "REPORT_BEFORE_PK": ("laporan bertanggal sebelum perjanjian kinerja", "report dated before its performance agreement"),
    "INTERNAL": ("kesalahan tak terduga", "unexpected error"),
}


@dataclass(frozen=True)
class Msg:
    id: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    message: Msg
    hint: Msg | None = None
    severity: Severity = "error"
    extra: dict[str, Any] = field(default_factory=dict)

    def format(self, lang: str = "id") -> str:
        level = {"error": ("galat", "error"), "warning": ("peringatan", "warning")}[self.severity]
        lvl = level[1] if lang == "en" else level[0]
        out = f"{self.path}:{self.line}:{self.column}: {self.code}: [{lvl}] {self.message.text(lang)}"
        if self.hint:
            label = "hint" if lang == "en" else "saran"
            out += f"\n    {label}: {self.hint.text(lang)}"
        return out

    def as_dict(self, lang: str = "id") -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message.text(lang),
            "hint": self.hint.text(lang) if self.hint else None,
        }

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def msg(id_text: str, en_text: str | None = None) -> Msg:
    return Msg(id_text, en_text if en_text is not None else id_text)


def did_you_mean(value: str, known: Iterable[str], otherwise: Msg, cutoff: float = 0.6) -> Msg:
    """The hint for a name that does not exist: the closest known name ("maksudnya 'x'?")
    when there is one, else ``otherwise``."""
    close = difflib.get_close_matches(str(value), list(known), n=1, cutoff=cutoff)
    return msg(f"maksudnya '{close[0]}'?", f"did you mean '{close[0]}'?") if close else otherwise

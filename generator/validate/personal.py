"""Personal data inside free text, in the forms Indonesians write it.

``find(text)`` names every kind of personal data a text holds: NIK and NIP in any grouping,
phone numbers, e-mail addresses (also "nama [at] gmail [dot] com"), street addresses, and
names in a "nama" position ("Nama: …", "atas nama …", "Sdr. …", "Bapak …"). The public PPID
register must hold none of them (UU 27/2022 PDP; UU 14/2008 Pasal 17 huruf h).

The patterns aim at what a request register actually says: ordinary texts such as "Laporan
2025 nomor 12/2025", amounts (5.084.795.000), dates, regulation numbers ("PP 61 Tahun 2010"),
budget codes (1.02.01.2.10.0001) and titles ("Bapak Kepala Dinas") pass.
"""

from __future__ import annotations

import re
import unicodedata

from generator.core.diagnostics import Diagnostic, msg
from generator.core.fmt import digit_runs, digits_of, nip_like_spans
from generator.load import Document, walk
from generator.model.fields import YamlNumber
from generator.validate.dataset import Dataset

Kind = tuple[str, str]  # (Indonesian, English) name of a kind of personal data

NIK: Kind = ("NIK", "a NIK (national identity number)")
NIP: Kind = ("NIP", "a NIP (civil-servant number)")
PHONE: Kind = ("nomor telepon", "a phone number")
EMAIL: Kind = ("alamat surel (email)", "an e-mail address")
ADDRESS: Kind = ("alamat rumah atau jalan", "a street address")
NAME: Kind = ("nama orang", "a person's name")

# --------------------------------------------------------------------------- numbers

_YEAR = re.compile(r"(19|20)\d\d")
# "NIK: 3375…", "No. KTP 3375…", "NIP. 1969…": the word says what the digits are
_ID_WORD = re.compile(r"\b(NIK|NIP|KTP|KK|NPWP)\b\.?\s*(?:no\.?|nomor)?\s*[:.]?\s*(\d[\d .\-]{5,})", re.I)


def _nik(text: str) -> bool:
    for a, b in digit_runs(text, range(16, 17)):
        groups = re.split(r"\D", text[a:b])
        if len(groups) > 1 and all(_YEAR.fullmatch(g) for g in groups):
            continue  # "2021 2022 2023 2024": years
        return True
    return False


def _id_words(text: str) -> set[str]:
    """The identity numbers named by their word and followed by at least six digits."""
    return {m.group(1).upper() for m in _ID_WORD.finditer(text) if len(digits_of(m.group(2))) >= 6}


# --------------------------------------------------------------------------- phones

# A run that may be a phone number: digits, spaces, dots, hyphens and parentheses, with
# an optional leading "+" or "(". Which runs are phone numbers is decided by _phone_number.
_PHONE_RUN = re.compile(r"(?<![\w+.,/])(?:\+|\(\+?)?\d[\d\s().\-\u2010-\u2015]{5,24}\d(?![\w/])")
_DATE = re.compile(r"^\(?\d{1,2}[\-./]\d{1,2}[\-./]\d{2,4}(?!\d)")  # 01-02-2025, 09.12.2025: dates
_AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 628.000.000: an amount
_PHONE_WORD = re.compile(
    r"\b(telp|telepon|tlp|hp|handphone|ponsel|wa|whatsapp|kontak)\b\.?\s*(?:no\.?|nomor)?\s*[:.]?\s*(\+?\(?\d[\d\s().\-]{4,})",
    re.I,
)


def _phone_number(run: str) -> bool:
    """+62 812-3456-7890 · 62-812… · 0812 3456 7890 · (021) 123 4567 · 0285-423567."""
    digits = digits_of(run)
    if run.startswith(("+", "(+")) or (run.startswith(("62", "(62")) and not _AMOUNT.match(run)):
        if not digits.startswith("62"):
            return False
        national = digits[2:]
    elif digits.startswith("0") and not _DATE.match(run):
        national = digits[1:]
    else:
        return False
    if not national or national[0] in "01":
        return False
    if national[0] == "8":
        return 9 <= len(national) <= 12  # mobile: 08xx-xxxx-xxxx
    groups = [g for g in re.split(r"\D+", run) if g]
    return 8 <= len(national) <= 11 and len(groups) <= 4  # area code + number; longer dotted runs are codes


def _phone(text: str) -> bool:
    for m in _PHONE_RUN.finditer(text):
        run = m.group().strip()
        # the run may run on into the next number ("0812 3456 7890 2025"): try it group by group
        ends = [e.start() for e in re.finditer(r"[\s.\-\u2010-\u2015]+(?=\d)", run)] + [len(run)]
        if any(_phone_number(run[:end].strip()) for end in ends):
            return True
    return any(len(digits_of(m.group(2))) >= 6 for m in _PHONE_WORD.finditer(text))


# --------------------------------------------------------------------------- e-mail

_AT = r"(?:\s*@\s*|\s*[\[({<]\s*(?:at|@|et)\s*[\])}>]\s*|\s+(?:at|et)\s+)"
_DOT = r"(?:\s*\.\s*|\s*[\[({<]\s*(?:dot|titik|\.)\s*[\])}>]\s*|\s+(?:dot|titik)\s+)"
# A local part starts where a word starts and is taken whole (possessive): linear time on
# long texts without an address in them.
_EMAIL = re.compile(rf"(?<![\w.+\-])[\w.+\-]++{_AT}[A-Za-z0-9\-]++(?:{_DOT}[A-Za-z0-9\-]++)*{_DOT}[A-Za-z]{{2,6}}\b", re.I)
_EMAIL_PLAIN = re.compile(r"(?<![\w.+\-])[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)+")


def _email(text: str) -> bool:
    if _EMAIL_PLAIN.search(text):
        return True
    for m in _EMAIL.finditer(text):
        found = m.group()
        if "@" in found or re.search(r"[\[({<]", found):
            return True
        # "nama at gmail dot com": the bare words need the bare "dot" too
        if re.search(r"\s(dot|titik)\s", found, re.I):
            return True
    return False


# --------------------------------------------------------------------------- addresses

_NAME_WORDS = r"(?:[A-Z0-9][\w'.\-]*\s+){0,6}?"
_HOUSE = r"(?:No\.?|Nomor|Nmr\.?|RT\.?|RW\.?|Gg\.?|Gang|Blok|Kav\.?|Kavling)\s*[:.]?\s*[0-9A-Z]"
_STREET = re.compile(rf"\b(?:Jl|Jln|Jalan)\b\.?\s*{_NAME_WORDS}[A-Z0-9][\w'.\-]*,?\s+{_HOUSE}")
_STREET_ABBR = re.compile(r"\b(?:Jl|Jln)\.\s*[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,5}")  # "Jl. Merdeka": an address
_RT_RW = re.compile(r"\bRT\.?\s*[:.]?\s*\d{1,3}\s*[/,]?\s*RW\.?\s*[:.]?\s*\d{1,3}\b", re.I)
_PERUM = re.compile(
    r"\b(?:Perum(?:ahan)?|Komplek|Kompleks|Gg\.|Gang)\s+[A-Z][\w'.\-]*(?:\s+[\w'.\-]+){0,4}\s+(?:Blok|No\.?)\s*[0-9A-Z]"
)


def _address(text: str) -> bool:
    return any(p.search(text) for p in (_STREET, _STREET_ABBR, _RT_RW, _PERUM))


# --------------------------------------------------------------------------- names

# Words after "Bapak", "Ibu", "atas nama" … that name an office or a thing, not a person.
_NOT_A_NAME = {
    w.lower()
    for w in (
        "Kepala Sekretaris Wali Walikota Wakil Bupati Gubernur Camat Lurah Kades Kota Ketua Direktur Menteri Pimpinan "
        "Pejabat Atasan PPID Kabid Kasi Kasubbag Kadis Plt Pj Plh Presiden Dinas Badan Kantor Pemerintah Pemkot Pemkab "
        "Pemprov Perusahaan PT CV UD Koperasi Yayasan Lembaga LSM Perkumpulan Universitas Fakultas Sekolah Komunitas "
        "Kelompok Organisasi Instansi Unit Bidang Bagian Seksi Kementerian Komisi DPRD Hamil Menyusui Rumah Negara "
        "Pertiwi Balita Guru Dosen Pegawai Kader Pemohon Pengguna Masyarakat Warga Para Semua Seluruh Dharma PKK"
    ).split()
}
_HONORIFIC_ABBR = re.compile(r"\b(?:Sdr|Sdri|Sdra|Bpk|Bp|Tn|Ny|Nn)\b\.?\s+([A-Z][\w'\-]*)")
_HONORIFIC = re.compile(r"\b(?:Bapak|Ibu|Saudara|Saudari|Pak|Bu)\s+([A-Z][\w'\-]*)")
_NAMA_FIELD = re.compile(r"\bnama(?:\s+(?:lengkap|pemohon|pelapor|peminta|penerima|pengaju))?\s*[:=]\s*\S", re.I)
_ATAS_NAMA = re.compile(r"(?:\b(?i:atas\s+nama|bernama)|\b(?i:a\.\s?n\.))\s*([A-Z][\w'\-]*)")


def _name(text: str) -> bool:
    if _NAMA_FIELD.search(text):
        return True
    for pattern in (_HONORIFIC_ABBR, _HONORIFIC, _ATAS_NAMA):
        for m in pattern.finditer(text):
            if m.group(1).lower().rstrip(".") not in _NOT_A_NAME:
                return True
    return False


# --------------------------------------------------------------------------- all of them


def find(text: str) -> list[Kind]:
    """Every kind of personal data in ``text``, in a fixed order (empty when none)."""
    if not text:
        return []
    # fullwidth digits and letters as plain ones; invisible characters (zero-width space…) dropped
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    found: list[Kind] = []
    words = _id_words(text)
    if _nik(text) or words & {"NIK", "KTP", "KK", "NPWP"}:
        found.append(NIK)
    if nip_like_spans(text) or "NIP" in words:
        found.append(NIP)
    if _phone(text):
        found.append(PHONE)
    if _email(text):
        found.append(EMAIL)
    if _address(text):
        found.append(ADDRESS)
    if _name(text):
        found.append(NAME)
    return found


# --------------------------------------------------------------------------- NIPs outside notes

# Fields whose text is published only through the pages, where NIP-like numbers are masked
# (render/env.py): notes quote misprinted NIPs as evidence. Every other text also goes raw
# into the open data (CSV, JSON, XLSX, charts, DIP downloads), so a NIP there is an error.
NOTE_KEYS = ("catatan",)
NUMBER_KEYS = {"nip", "nip_tertulis"}  # NIPs in their own fields: shown as site.yml says


def nip_outside_notes(doc: Document) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def skip(key: str) -> bool:
        return key in NUMBER_KEYS or key.startswith(NOTE_KEYS)

    for loc, _key, text in walk(doc.data, skip):
        if text is not None and not isinstance(text, YamlNumber) and nip_like_spans(text):  # numbers are not text
            line, col = doc.where(loc)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "PERSONAL_DATA",
                    msg(
                        "teks ini memuat NIP (17–19 digit); teks ini juga diterbitkan apa adanya di data terbuka",
                        "this text contains a NIP (17-19 digits); it is also published as written in the open data",
                    ),
                    msg(
                        "tulis NIP hanya di kolom `nip`; bila NIP tercetak perlu dicatat, tulis di `catatan` "
                        "atau `catatan_sumber` (disamarkan di situs)",
                        "write NIPs only in `nip`; quote a printed NIP in `catatan` or `catatan_sumber`, which the site masks",
                    ),
                )
            )

    return out


def dataset_rules(dataset: Dataset) -> list[Diagnostic]:
    """NIPs outside notes, in every file of the organisation, positions and years, and in
    the DIP additions (the request registers have their own, stricter rule)."""
    docs = [d for d in [dataset.situs_doc] if d is not None]
    for region in dataset.regions.values():
        docs.append(region.doc)
        for agency in region.agencies.values():
            docs.append(agency.doc)
            if agency.dip_tambahan:
                docs.append(agency.dip_tambahan[1])
            for position in agency.positions.values():
                docs.append(position.doc)
                docs += [year.doc for year in position.years.values()]
    return [d for doc in docs for d in nip_outside_notes(doc)]

"""Indicator definitions: the formula against the indicator's name, and counts written
as fractions (1.537 orang)."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.core.diagnostics import Diagnostic, msg
from generator.load import Document, Path_
from generator.model import Formula, Indikator

# Units whose values are counts: a fraction there is a typo, and 1.537 means 1537.
COUNT_UNITS = {
    "orang",
    "dokumen",
    "laporan",
    "kali",
    "paket",
    "unit",
    "kegiatan",
    "keg",
    "perusahaan",
    "perkara",
    "lembaga",
    "pengurus",
    "berkas",
    "buku",
    "surat",
    "sertifikat",
    "peserta",
    "ikm",
    "jp",
    "bulan",
    "sk",
    "naskah",
    "data",
    "kelompok",
    "lokasi",
    "usaha",
    "tenaga kerja",
    "pencari kerja",
}


def ambiguous(doc: Document, loc: Path_, value: Decimal | None, satuan: str | None, out: list[Diagnostic]) -> None:
    """A count written 1.537 (YAML's one-point-five-three-seven) almost certainly means 1537."""
    if value is None or value == value.to_integral_value():
        return
    unit = (satuan or "").strip().lower().split("/")[0].strip()
    if unit not in COUNT_UNITS:
        return
    line, col = doc.where(loc)
    raw = format(value, "f")
    if re.fullmatch(r"\d{1,3}\.\d{3}", raw):
        plain = raw.replace(".", "")
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "AMBIGUOUS_NUMBER",
                msg(
                    f"{raw} {unit} terbaca sebagai pecahan; untuk jumlah {unit} hampir pasti maksudnya {plain}",
                    f"{raw} {unit} reads as a fraction; for a count of {unit} it almost certainly means {plain}",
                ),
                msg(f'tulis {plain} (tanpa titik) atau "{raw}" dalam tanda kutip', f"write {plain} (no dot)"),
            )
        )
    else:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "COUNT_NOT_WHOLE",
                msg(f"jumlah {unit} bernilai pecahan ({raw})", f"a count of {unit} is fractional ({raw})"),
                msg("jumlah biasanya bilangan bulat; periksa angkanya", "counts are usually whole; check the value"),
                severity="warning",
            )
        )


_PERCENT = re.compile(r"^\s*(persentase|prosentase|presentase|prosentasi|%)", re.I)
_COUNT = re.compile(r"^\s*(jumlah|banyaknya)\b", re.I)


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def definition_rules(doc: Document, items: list[Indikator], loc: Path_, out: list[Diagnostic]) -> None:
    """Rules for indicator definitions (IKI sheets and PK rows): the formula must fit the
    name, and one indicator is not written twice under the same sasaran (or programme, or
    parent row). A generic indicator ("Jumlah dokumen yang dibuat") under two sasaran is two
    indicators; NIHIL, blank and component rows are not indicators."""
    seen: dict[tuple[str, str, str | None, str], Path_] = {}

    def walk(items: list[Indikator], loc: Path_, parent: str | None = None) -> None:
        for i, ind in enumerate(items):
            here = loc + (i,)
            key = (_words(ind.kelompok), _words(ind.sasaran), parent, _words(ind.indikator))
            if ind.diukur and key in seen:
                line, col = doc.where(here + ("indikator",))
                out.append(
                    Diagnostic(
                        doc.rel,
                        line,
                        col,
                        "DUPLICATE_INDICATOR",
                        msg(
                            f"indikator '{ind.indikator}' sudah ada di baris {doc.where(seen[key] + ('indikator',))[0]}",
                            f"indicator '{ind.indikator}' already appears on line {doc.where(seen[key] + ('indikator',))[0]}",
                        ),
                        msg(
                            "indikator yang sama di bawah sasaran yang sama: hapus salah satu, atau bedakan namanya bila memang dua indikator",
                            "the same indicator under the same sasaran: delete one, or tell them apart",
                        ),
                        severity="warning",
                    )
                )
            if ind.diukur:
                seen.setdefault(key, here)
            if ind.formula is not None:
                _formula_rules(doc, ind, ind.formula, here + ("formula",), out)
            walk(ind.rincian, here + ("rincian",), ind.id)

    walk(items, loc)


def _formula_rules(doc: Document, ind: Indikator, f: Formula, loc: Path_, out: list[Diagnostic]) -> None:
    """One indicator's formula against its name: percentages × 100, ratios with a
    denominator, counts not × 100, a formula that says more than the name."""
    line, col = doc.where(loc)
    ratio = f.jenis in ("rasio", "rasio_x100")
    if _PERCENT.match(ind.indikator) and f.jenis == "rasio" and f.pengali != 100:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "PERCENT_NO_100",
                msg(
                    f"indikator persentase '{ind.indikator}' memakai rasio tanpa × 100",
                    f"percentage indicator '{ind.indikator}' uses a ratio without × 100",
                ),
                msg(
                    "ubah `jenis: rasio_x100` bila hasilnya persen, atau catat di `catatan` bila dokumen memang begitu",
                    "use `jenis: rasio_x100` if the result is a percentage",
                ),
                severity="warning",
            )
        )
    if ratio and not f.penyebut:
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "RATIO_NO_DENOMINATOR",
                msg(
                    f"formula rasio indikator '{ind.id}' tidak punya penyebut", f"ratio formula of '{ind.id}' has no denominator"
                ),
                msg("isi `penyebut:` (pembagi), atau ubah `jenis` bila bukan rasio", "set `penyebut:` or change `jenis`"),
            )
        )
    if _COUNT.match(ind.indikator) and (f.jenis == "rasio_x100" or f.pengali == 100):
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "COUNT_TIMES_100",
                msg(f"indikator jumlah '{ind.indikator}' dikali 100", f"count indicator '{ind.indikator}' is multiplied by 100"),
                msg(
                    "indikator 'Jumlah …' biasanya berupa hitungan (`jenis: jumlah`); periksa nama atau formulanya",
                    "a 'Jumlah …' indicator is usually a count (`jenis: jumlah`)",
                ),
                severity="warning",
            )
        )
    body = _words(" ".join(x for x in (f.pembilang, f.penyebut) if x) or f.tertulis)
    name = _words(ind.indikator)
    if body and name and (body == name or (f.jenis == "uraian" and body in (name, "jumlah " + name))):
        out.append(
            Diagnostic(
                doc.rel,
                line,
                col,
                "FORMULA_REPEATS_NAME",
                msg(
                    f"formula indikator '{ind.id}' hanya mengulang nama indikatornya",
                    f"the formula of '{ind.id}' only repeats its name",
                ),
                msg("tulis cara menghitungnya: apa yang dibagi apa, atau apa yang dihitung", "say how it is computed"),
                severity="warning",
            )
        )

"""The rules that span files: superiors and NIPs of positions, periods and cumulative
figures of each year's reports, definitions of indicators."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal

from generator.compute import engine as compute
from generator.core.diagnostics import Diagnostic, msg
from generator.core.layout import AGENCY_FILE
from generator.load import Document, Path_
from generator.model import Formula, Indikator, Laporan, PosAnggaran, Tahunan
from generator.validate.dataset import AgencyRecord, PositionRecord, YearRecord

# Units whose values are counts: a fraction there is a typo, and 1.537 means 1537.
COUNT_UNITS = {
    "orang", "dokumen", "laporan", "kali", "paket", "unit", "kegiatan", "keg", "perusahaan", "perkara",
    "lembaga", "pengurus", "berkas", "buku", "surat", "sertifikat", "peserta", "ikm", "jp", "bulan",
    "sk", "naskah", "data", "kelompok", "lokasi", "usaha", "tenaga kerja", "pencari kerja",
}


def quarter_end(tahun: int, triwulan: int) -> dt.date:
    month = triwulan * 3
    return dt.date(tahun, month, 31 if month in (3, 12) else 30)


def _nip_rules(doc: Document, loc: Path_, nip: str | None, seen: dict[str, tuple[str, str, int]], name: str, out: list[Diagnostic], status: str = "PNS") -> None:
    if nip is None:
        return
    line, col = doc.where(loc)
    if not nip.isdigit():
        out.append(Diagnostic(doc.rel, line, col, "NIP_FORMAT", msg(f"NIP '{nip}' berisi karakter selain angka", f"NIP '{nip}' contains non-digits"),
                              msg("tulis 18 digit NIP dalam tanda kutip, mis. \"196902031998032004\"", "write the 18 digits in quotes")))
        return
    if len(nip) != 18:
        out.append(Diagnostic(doc.rel, line, col, "NIP_LENGTH", msg(f"NIP '{nip}' terdiri atas {len(nip)} digit, seharusnya 18",
                                                                    f"NIP '{nip}' has {len(nip)} digits, expected 18"),
                              msg("periksa NIP pada SK atau kartu pegawai; NIP = tanggal lahir (8) + TMT (6) + jenis kelamin (1) + nomor urut (3)",
                                  "check the NIP against the personnel decree: birth date (8) + appointment (6) + sex (1) + serial (3)")))
        return
    try:
        dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
        # PNS: digits 9–14 are the appointment year and month. PPPK NIPs put a code
        # (e.g. "21") where the month would be, so only the year is checked for them.
        month_ok = status == "PPPK" or 1 <= int(nip[12:14]) <= 12
        valid = nip[14] in "12" and month_ok and 1950 <= int(nip[8:12]) <= 2100
    except ValueError:
        valid = False
    if not valid:
        out.append(Diagnostic(doc.rel, line, col, "NIP_FORMAT", msg(f"NIP '{nip}' tidak memuat tanggal lahir, bulan TMT atau kode jenis kelamin yang sah",
                                                                    f"NIP '{nip}' does not hold a valid birth date, appointment month or sex digit"),
                              msg("periksa kembali NIP; kemungkinan ada digit tertukar", "re-check the NIP; digits may be swapped"), severity="warning"))
    clean = re.sub(r"[^a-z]", "", name.lower().split(",")[0])
    other = seen.setdefault(nip, (clean, doc.rel, line))
    if other[0] != clean and not (other[0].startswith(clean) or clean.startswith(other[0])):
        out.append(Diagnostic(doc.rel, line, col, "NIP_SHARED", msg(f"NIP '{nip}' juga dipakai orang lain ({other[1]}:{other[2]})",
                                                                    f"NIP '{nip}' is also used by someone else ({other[1]}:{other[2]})"),
                              msg("satu NIP milik satu orang; periksa apakah NIP tersalin dari laporan lain", "one NIP belongs to one person"),
                              severity="warning"))


def _ambiguous(doc: Document, loc: Path_, value: Decimal | None, satuan: str | None, out: list[Diagnostic]) -> None:
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
        out.append(Diagnostic(doc.rel, line, col, "AMBIGUOUS_NUMBER",
                              msg(f"{raw} {unit} terbaca sebagai pecahan; untuk jumlah {unit} hampir pasti maksudnya {plain}",
                                  f"{raw} {unit} reads as a fraction; for a count of {unit} it almost certainly means {plain}"),
                              msg(f"tulis {plain} (tanpa titik) atau \"{raw}\" dalam tanda kutip", f"write {plain} (no dot)")))
    else:
        out.append(Diagnostic(doc.rel, line, col, "COUNT_NOT_WHOLE", msg(f"jumlah {unit} bernilai pecahan ({raw})", f"a count of {unit} is fractional ({raw})"),
                              msg("jumlah biasanya bilangan bulat; periksa angkanya", "counts are usually whole; check the value"), severity="warning"))


_PERCENT = re.compile(r"^\s*(persentase|prosentase|presentase|prosentasi|%)", re.I)
_COUNT = re.compile(r"^\s*(jumlah|banyaknya)\b", re.I)


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", (text or "").lower()))


def _definition_rules(doc: Document, items: list[Indikator], loc: Path_, out: list[Diagnostic]) -> None:
    """Rules for indicator definitions (IKI sheets and PK rows): the formula must fit the name."""
    seen: dict[str, Path_] = {}

    def walk(items: list[Indikator], loc: Path_) -> None:
        for i, ind in enumerate(items):
            here = loc + (i,)
            key = _words(ind.indikator)
            if key in seen:
                line, col = doc.where(here + ("indikator",))
                out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_INDICATOR",
                                      msg(f"indikator '{ind.indikator}' sudah ada di baris {doc.where(seen[key] + ('indikator',))[0]}",
                                          f"indicator '{ind.indikator}' already appears on line {doc.where(seen[key] + ('indikator',))[0]}"),
                                      msg("hapus salah satu, atau bedakan namanya bila memang dua indikator", "delete one, or tell them apart"),
                                      severity="warning"))
            seen.setdefault(key, here)
            if ind.formula is not None:
                _formula_rules(doc, ind, ind.formula, here + ("formula",), out)
            walk(ind.rincian, here + ("rincian",))

    walk(items, loc)


def _formula_rules(doc: Document, ind: Indikator, f: Formula, loc: Path_, out: list[Diagnostic]) -> None:
    """One indicator's formula against its name: percentages × 100, ratios with a
    denominator, counts not × 100, a formula that says more than the name."""
    line, col = doc.where(loc)
    ratio = f.jenis in ("rasio", "rasio_x100")
    if _PERCENT.match(ind.indikator) and f.jenis == "rasio" and f.pengali != 100:
        out.append(Diagnostic(doc.rel, line, col, "PERCENT_NO_100",
                              msg(f"indikator persentase '{ind.indikator}' memakai rasio tanpa × 100", f"percentage indicator '{ind.indikator}' uses a ratio without × 100"),
                              msg("ubah `jenis: rasio_x100` bila hasilnya persen, atau catat di `catatan` bila dokumen memang begitu",
                                  "use `jenis: rasio_x100` if the result is a percentage"), severity="warning"))
    if ratio and not f.penyebut:
        out.append(Diagnostic(doc.rel, line, col, "RATIO_NO_DENOMINATOR",
                              msg(f"formula rasio indikator '{ind.id}' tidak punya penyebut", f"ratio formula of '{ind.id}' has no denominator"),
                              msg("isi `penyebut:` (pembagi), atau ubah `jenis` bila bukan rasio", "set `penyebut:` or change `jenis`")))
    if _COUNT.match(ind.indikator) and (f.jenis == "rasio_x100" or f.pengali == 100):
        out.append(Diagnostic(doc.rel, line, col, "COUNT_TIMES_100",
                              msg(f"indikator jumlah '{ind.indikator}' dikali 100", f"count indicator '{ind.indikator}' is multiplied by 100"),
                              msg("indikator 'Jumlah …' biasanya berupa hitungan (`jenis: jumlah`); periksa nama atau formulanya",
                                  "a 'Jumlah …' indicator is usually a count (`jenis: jumlah`)"), severity="warning"))
    body = _words(" ".join(x for x in (f.pembilang, f.penyebut) if x) or f.tertulis)
    name = _words(ind.indikator)
    if body and name and (body == name or (f.jenis == "uraian" and body in (name, "jumlah " + name))):
        out.append(Diagnostic(doc.rel, line, col, "FORMULA_REPEATS_NAME",
                              msg(f"formula indikator '{ind.id}' hanya mengulang nama indikatornya", f"the formula of '{ind.id}' only repeats its name"),
                              msg("tulis cara menghitungnya: apa yang dibagi apa, atau apa yang dihitung", "say how it is computed"),
                              severity="warning"))


# --------------------------------------------------------------------------- one position's year

def year_rules(agency: AgencyRecord, position: PositionRecord, year: YearRecord, situs_date: dt.date, out: list[Diagnostic]) -> None:
    """Every rule of one year file, in this order: the Perjanjian Kinerja revisions, the IKI
    sheet, the budget tree, then each quarterly report in quarter order."""
    t, doc = year.model, year.doc
    indicators = _pk_rules(doc, t, out)
    _iki_rules(doc, t, indicators, out)
    budget: dict[str, PosAnggaran] = {}
    _budget_rules(doc, t.anggaran, ("anggaran",), budget, out)
    _report_rules(agency, doc, t, indicators, budget, situs_date, out)


def _pk_rules(doc: Document, t: Tahunan, out: list[Diagnostic]) -> dict[str, Indikator]:
    """The PK revisions: ids and targets of the current (last) one, the definitions of
    each, and a reason for every revision. Returns the current indicators by id."""
    indicators: dict[str, Indikator] = {}
    for r, rev in enumerate(t.perjanjian_kinerja):
        loc: Path_ = ("perjanjian_kinerja", r, "indikator")
        if r == len(t.perjanjian_kinerja) - 1:
            _current_indicators(doc, rev.indikator, loc, indicators, out)
        _definition_rules(doc, rev.indikator, loc, out)
        if rev.versi == "perubahan" and r > 0 and not rev.alasan:
            line, col = doc.where(("perjanjian_kinerja", r, "versi"))
            out.append(Diagnostic(doc.rel, line, col, "PK_REVISION", msg("perjanjian kinerja perubahan tanpa alasan", "revised PK without a reason"),
                                  msg("isi `alasan:` perubahan", "fill in `alasan:`"), severity="warning"))
    return indicators


def _current_indicators(doc: Document, items: list[Indikator], loc: Path_, indicators: dict[str, Indikator],
                        out: list[Diagnostic]) -> None:
    """The indicators of the current PK (sub-rows included) into ``indicators``: unique
    ids, and targets that look like a mistyped count."""
    for i, ind in enumerate(items):
        here = loc + (i,)
        if ind.id in indicators:
            line, col = doc.where(here + ("id",))
            out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_ID", msg(f"id indikator '{ind.id}' dipakai dua kali", f"indicator id '{ind.id}' used twice"),
                                  msg("beri setiap indikator id yang berbeda", "give each indicator its own id")))
        indicators[ind.id] = ind
        _ambiguous(doc, here + ("target",), ind.target, ind.satuan, out)
        for tw, v in ind.target_triwulan.items():
            _ambiguous(doc, here + ("target_triwulan", tw), v, ind.satuan, out)
        _current_indicators(doc, ind.rincian, here + ("rincian",), indicators, out)


def _iki_rules(doc: Document, t: Tahunan, indicators: dict[str, Indikator], out: list[Diagnostic]) -> None:
    """The IKI sheet: unique ids and definitions. Without a PK its indicators are the ones
    reports refer to (added to ``indicators``)."""
    if t.iki is None:
        return
    iki_ids: set[str] = set()
    for ind, _parent, _depth in compute.walk_indicators(t.iki.indikator):
        if ind.id in iki_ids:
            line, col = doc.where(("iki",))
            out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_ID", msg(f"id indikator IKI '{ind.id}' dipakai dua kali", f"IKI indicator id '{ind.id}' used twice"),
                                  msg("beri setiap indikator id yang berbeda", "give each indicator its own id")))
        iki_ids.add(ind.id)
        if not t.perjanjian_kinerja:
            indicators[ind.id] = ind
    _definition_rules(doc, t.iki.indikator, ("iki", "indikator"), out)


def _budget_rules(doc: Document, items: list[PosAnggaran], loc: Path_, budget: dict[str, PosAnggaran], out: list[Diagnostic]) -> None:
    """The budget tree into ``budget``: unique ids, and each parent's pagu equal to the sum of its rows."""
    for i, pos in enumerate(items):
        here = loc + (i,)
        if pos.id in budget:
            line, col = doc.where(here + ("id",))
            out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_ID", msg(f"id pos anggaran '{pos.id}' dipakai dua kali", f"budget id '{pos.id}' used twice")))
        budget[pos.id] = pos
        if pos.rincian:
            total = sum((c.pagu for c in pos.rincian), Decimal(0))
            if total != pos.pagu:
                line, col = doc.where(here + ("pagu",))
                out.append(Diagnostic(doc.rel, line, col, "BUDGET_SUM",
                                      msg(f"pagu '{pos.id}' {pos.pagu:,} tidak sama dengan jumlah rinciannya {total:,} (selisih {pos.pagu - total:,})".replace(",", "."),
                                          f"pagu of '{pos.id}' {pos.pagu:,} differs from the sum of its rows {total:,}"),
                                      msg("periksa pagu induk dan rinciannya; bila memang berbeda di dokumen sumber, catat di catatan_sumber",
                                          "check the parent and its rows; if the source differs, note it in catatan_sumber"), severity="warning"))
        _budget_rules(doc, pos.rincian, here + ("rincian",), budget, out)


# --------------------------------------------------------------------------- the quarterly reports

def _report_rules(agency: AgencyRecord, doc: Document, t: Tahunan, indicators: dict[str, Indikator], budget: dict[str, PosAnggaran],
                  situs_date: dt.date, out: list[Diagnostic]) -> None:
    """The reports in quarter order (cumulative figures must not decrease from one to
    the next); a second report of the same quarter is reported and otherwise skipped."""
    seen_tw: set[int] = set()
    previous: dict[str, tuple[Decimal, int]] = {}
    prev_budget: dict[str, tuple[Decimal, int]] = {}
    order = sorted(range(len(t.laporan)), key=lambda i: t.laporan[i].triwulan)
    for li in order:
        lap = t.laporan[li]
        base: Path_ = ("laporan", li)
        if lap.triwulan in seen_tw:
            line, col = doc.where(base + ("triwulan",))
            out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_PERIOD", msg(f"laporan triwulan {lap.triwulan} ditulis dua kali", f"quarter {lap.triwulan} reported twice"),
                                  msg("gabungkan keduanya dalam satu entri laporan", "merge them into one report entry")))
            continue
        seen_tw.add(lap.triwulan)
        _period_rules(doc, t, lap, base, situs_date, out)
        _realisation_rules(doc, lap, base, indicators, previous, out)
        _budget_realisation_rules(doc, lap, base, budget, prev_budget, out)
        _reference_rules(agency, doc, lap, base, indicators, budget, out)


def _period_rules(doc: Document, t: Tahunan, lap: Laporan, base: Path_, situs_date: dt.date, out: list[Diagnostic]) -> None:
    """The quarter has ended by the data's as-of date, and there is something to report against."""
    end = quarter_end(t.tahun, lap.triwulan)
    if end > situs_date:
        line, col = doc.where(base + ("triwulan",))
        out.append(Diagnostic(doc.rel, line, col, "PERIOD_AFTER_ASOF",
                              msg(f"triwulan {lap.triwulan} {t.tahun} berakhir {end.isoformat()}, sesudah tanggal data {situs_date.isoformat()} (site.yml data_per)",
                                  f"quarter {lap.triwulan} {t.tahun} ends {end.isoformat()}, after the data's as-of date {situs_date.isoformat()}"),
                              msg("periksa tahun/triwulan, atau majukan `data_per` di data/site.yml bila datanya memang sudah ada",
                                  "check the year/quarter, or move `data_per` forward in data/site.yml")))
    if not t.perjanjian_kinerja and t.iki is None and lap.realisasi:
        line, col = doc.where(base + ("realisasi",))
        out.append(Diagnostic(doc.rel, line, col, "NO_PK", msg("ada realisasi tetapi belum ada perjanjian_kinerja", "realisation but no perjanjian_kinerja"),
                              msg("tambahkan perjanjian_kinerja dengan indikator dan targetnya", "add the perjanjian_kinerja with its indicators")))


def _realisation_rules(doc: Document, lap: Laporan, base: Path_, indicators: dict[str, Indikator],
                       previous: dict[str, tuple[Decimal, int]], out: list[Diagnostic]) -> None:
    """Each realisation: a known indicator with a target, no mistyped count, and not below
    the previous quarter's (``previous``: indicator id → value and quarter, updated here)."""
    for key, entry in lap.realisasi.items():
        loc = base + ("realisasi", key)
        ind = indicators.get(key)
        if ind is None:
            if indicators:
                line, col = doc.where(loc, key=True)
                close = difflib.get_close_matches(key, list(indicators), n=1)
                out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"realisasi untuk indikator '{key}' yang tidak ada di perjanjian kinerja",
                                                                             f"realisation for indicator '{key}' which is not in the PK"),
                                      msg(f"maksudnya '{close[0]}'?" if close else "tambahkan indikatornya di perjanjian_kinerja atau perbaiki id-nya",
                                          f"did you mean '{close[0]}'?" if close else "add the indicator or fix the id")))
            continue
        if ind.target is None and not ind.target_triwulan and entry.target is None and entry.na is None and entry.target_na is None:
            line, col = doc.where(loc, key=True)
            out.append(Diagnostic(doc.rel, line, col, "NO_TARGET", msg(f"indikator '{key}' punya realisasi tetapi tidak punya target",
                                                                       f"indicator '{key}' has a realisation but no target"),
                                  msg(f"isi `target:` indikator '{key}' di perjanjian_kinerja", f"set `target:` of '{key}' in the PK")))
        _ambiguous(doc, loc + ("nilai",) if (loc + ("nilai",)) in doc.positions else loc, entry.nilai, ind.satuan, out)
        _ambiguous(doc, loc + ("target",), entry.target, ind.satuan, out)
        if entry.nilai is not None:
            before = previous.get(key)
            unit = (ind.satuan or "").lower().split("/")[0].strip()
            if before and entry.nilai < before[0]:
                line, col = doc.where(loc)
                cumulative = unit in COUNT_UNITS
                out.append(Diagnostic(doc.rel, line, col, "CUMULATIVE_DECREASE",
                                      msg(f"realisasi s.d. triwulan {lap.triwulan} ({entry.nilai}) lebih kecil dari s.d. triwulan {before[1]} ({before[0]})",
                                          f"realisation up to quarter {lap.triwulan} ({entry.nilai}) is below quarter {before[1]} ({before[0]})"),
                                      msg("realisasi ditulis kumulatif (s.d. triwulan), jadi tidak boleh turun; periksa angkanya",
                                          "realisation is cumulative, so it cannot decrease; check the value"),
                                      severity="error" if cumulative else "warning"))
            previous[key] = (entry.nilai, lap.triwulan)


def _budget_realisation_rules(doc: Document, lap: Laporan, base: Path_, budget: dict[str, PosAnggaran],
                              prev_budget: dict[str, tuple[Decimal, int]], out: list[Diagnostic]) -> None:
    """Each budget realisation: a known row, not below the previous quarter's
    (``prev_budget``, updated here), not above its target."""
    for key, real in lap.anggaran.items():
        loc = base + ("anggaran", key)
        if key not in budget:
            line, col = doc.where(loc, key=True)
            close = difflib.get_close_matches(key, list(budget), n=1)
            out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"realisasi anggaran untuk pos '{key}' yang tidak ada di `anggaran`",
                                                                         f"budget realisation for unknown row '{key}'"),
                                  msg(f"maksudnya '{close[0]}'?" if close else "tambahkan pos anggarannya atau perbaiki id-nya",
                                      f"did you mean '{close[0]}'?" if close else "add the budget row or fix the id")))
            continue
        before = prev_budget.get(key)
        if before and real.realisasi < before[0]:
            line, col = doc.where(loc + ("realisasi",))
            out.append(Diagnostic(doc.rel, line, col, "CUMULATIVE_DECREASE",
                                  msg(f"realisasi anggaran '{key}' s.d. triwulan {lap.triwulan} lebih kecil dari s.d. triwulan {before[1]}",
                                      f"budget realisation of '{key}' decreased after quarter {before[1]}"),
                                  msg("realisasi anggaran ditulis kumulatif; periksa angkanya", "budget realisation is cumulative")))
        prev_budget[key] = (real.realisasi, lap.triwulan)
        target = real.target if real.target is not None else budget[key].pagu
        if real.realisasi > target:
            line, col = doc.where(loc + ("realisasi",))
            out.append(Diagnostic(doc.rel, line, col, "BUDGET_OVER", msg(f"realisasi anggaran '{key}' melebihi targetnya", f"budget realisation of '{key}' exceeds its target"),
                                  msg("periksa angka realisasi dan target", "check realisation and target"), severity="warning"))


def _reference_rules(agency: AgencyRecord, doc: Document, lap: Laporan, base: Path_, indicators: dict[str, Indikator],
                     budget: dict[str, PosAnggaran], out: list[Diagnostic]) -> None:
    """What else a report names must exist: printed figures' indicators and budget rows,
    the signatories' positions, the source document."""
    for key in lap.tercetak.capaian:
        if key not in indicators:
            line, col = doc.where(base + ("tercetak", "capaian", key), key=True)
            out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"capaian tercetak untuk indikator '{key}' yang tidak ada", f"printed capaian for unknown indicator '{key}'")))
    for key in lap.tercetak.anggaran:
        if key not in budget:
            line, col = doc.where(base + ("tercetak", "anggaran", key), key=True)
            out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"persentase anggaran tercetak untuk pos '{key}' yang tidak ada", f"printed budget % for unknown row '{key}'")))
    if lap.penandatangan:
        signatories = (("pembuat", lap.penandatangan.pembuat), ("mengetahui", lap.penandatangan.mengetahui))
        for role, person in signatories:
            if person and person.jabatan_id and person.jabatan_id not in agency.positions:
                line, col = doc.where(base + ("penandatangan", role, "jabatan_id"))
                out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"jabatan_id '{person.jabatan_id}' tidak ada di perangkat daerah ini",
                                                                             f"jabatan_id '{person.jabatan_id}' does not exist"),
                                      msg("isi dengan id berkas di folder jabatan/", "use the id of a file in jabatan/")))
    if lap.sumber and lap.sumber not in {s.id for s in agency.model.sumber_dokumen}:
        line, col = doc.where(base + ("sumber",))
        out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"sumber '{lap.sumber}' tidak ada di sumber_dokumen perangkat daerah",
                                                                     f"source '{lap.sumber}' is not in the agency's sumber_dokumen"),
                              msg(f"tambahkan id '{lap.sumber}' di sumber_dokumen pada {AGENCY_FILE}", "add it to sumber_dokumen")))


# --------------------------------------------------------------------------- positions

def position_rules(agency: AgencyRecord, nips: dict[str, tuple[str, str, int]], out: list[Diagnostic]) -> None:
    for pid, pos in agency.positions.items():
        doc, jab = pos.doc, pos.model
        if jab.unit and jab.unit not in agency.units:
            line, col = doc.where(("unit",))
            close = difflib.get_close_matches(jab.unit, list(agency.units), n=1)
            out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"unit '{jab.unit}' tidak ada di {AGENCY_FILE}", f"unit '{jab.unit}' does not exist"),
                                  msg(f"maksudnya '{close[0]}'?" if close else f"unit yang ada: {', '.join(agency.units)}",
                                      f"did you mean '{close[0]}'?" if close else f"known units: {', '.join(agency.units)}")))
        if jab.atasan:
            if jab.atasan not in agency.positions:
                line, col = doc.where(("atasan",))
                close = difflib.get_close_matches(jab.atasan, list(agency.positions), n=1)
                out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"atasan '{jab.atasan}' tidak ada di folder jabatan/", f"superior '{jab.atasan}' does not exist"),
                                      msg(f"maksudnya '{close[0]}'?" if close else "isi dengan id berkas jabatan atasan",
                                          f"did you mean '{close[0]}'?" if close else "use the superior's position id")))
            else:
                seen = {pid}
                cur: str | None = jab.atasan
                while cur and cur in agency.positions:
                    if cur in seen:
                        line, col = doc.where(("atasan",))
                        out.append(Diagnostic(doc.rel, line, col, "CYCLE", msg(f"rantai atasan '{pid}' kembali ke dirinya sendiri", f"the superior chain of '{pid}' loops"),
                                              msg("periksa `atasan` pada berkas-berkas jabatan di rantai ini", "check `atasan` along the chain")))
                        break
                    seen.add(cur)
                    cur = agency.positions[cur].model.atasan
        for i, holder in enumerate(jab.pemangku):
            _nip_rules(doc, ("pemangku", i, "nip"), holder.nip, nips, holder.nama, out, holder.status)
            if holder.mulai and holder.selesai and holder.selesai < holder.mulai:
                line, col = doc.where(("pemangku", i, "selesai"))
                out.append(Diagnostic(doc.rel, line, col, "TYPE", msg("tanggal selesai sebelum tanggal mulai", "end date before start date")))


"""Validate stage: schema of every file, then the rules that span files.

``check(data_dir)`` reads all of data/, reports every problem at once (never raises on
bad input) and returns the validated Dataset. Schema errors come from pydantic and are
translated into Indonesian (and English) messages pointing at the exact line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import compute
from .dataset import AgencyRecord, Dataset, PositionRecord, RegionRecord, YearRecord
from .diagnostics import Diagnostic, Msg, msg
from .load import Document, display_path, load_yaml
from .model import Jabatan, PerangkatDaerah, Situs, Tahunan, Unit, Wilayah
from .policy import resolve
from .ppid import rules as ppid_rules
from .ppid.model import DaftarTambahan, HariLibur, RegisterPermohonan

SITE_FILE = "site.yml"
HOLIDAYS_DIR = "hari-libur"
# Site-level addresses a region folder must not take (the pages and files would collide).
RESERVED_REGION_IDS = {"api", "unduh", "perbandingan", "ppid", "assets", "search", "pagefind", "metodologi", "tentang",
                       "cara-membaca", "panduan-kontributor", "api-dan-data", "index"}
PPID_DIR = "ppid"
REGION_FILE = "wilayah.yml"
AGENCY_FILE = "perangkat-daerah.yml"
POSITIONS_DIR = "jabatan"
YAML_SUFFIXES = {".yml", ".yaml"}

# Units whose values are counts: a fraction there is a typo, and 1.537 means 1537.
COUNT_UNITS = {
    "orang", "dokumen", "laporan", "kali", "paket", "unit", "kegiatan", "keg", "perusahaan", "perkara",
    "lembaga", "pengurus", "berkas", "buku", "surat", "sertifikat", "peserta", "ikm", "jp", "bulan",
    "sk", "naskah", "data", "kelompok", "lokasi", "usaha", "tenaga kerja", "pencari kerja",
}


# --------------------------------------------------------------------------- schema errors

def _field_model(annotation: Any) -> Any:
    """Unwrap Optional/list/dict/Annotated to the pydantic model inside, if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _field_model(typing.get_args(annotation)[0])
    if origin in (list, dict, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _field_model(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = root
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int) or part not in getattr(current, "model_fields", {}):
            # list index or dict key: stays on the same container's item model
            continue
        current = _field_model(current.model_fields[part].annotation)
    return current


_TYPE_NAMES = {
    "string": ("teks", "text"), "int": ("bilangan bulat", "whole number"), "bool": ("true atau false", "true or false"),
    "date": ("tanggal (TTTT-BB-HH)", "date (YYYY-MM-DD)"), "list": ("daftar (baris berawalan '- ')", "list ('- ' items)"),
    "dict": ("pemetaan (kunci: nilai)", "mapping (key: value)"), "model": ("pemetaan (kunci: nilai)", "mapping (key: value)"),
    "decimal": ("angka", "number"),
}


def _kind(err_type: str) -> tuple[str, str] | None:
    for prefix, names in _TYPE_NAMES.items():
        if err_type.startswith(prefix):
            return names
    return None


def _schema_diagnostic(doc: Document, root: type[BaseModel], err: dict) -> Diagnostic:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal["))))
    etype = err["type"]
    where_key = etype in ("extra_forbidden",)
    line, col = doc.where(loc, key=where_key)
    dotted = ".".join(str(p) for p in loc) or "(berkas)"
    ctx = err.get("ctx") or {}
    given = err.get("input")
    given_s = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__

    if etype in _custom_codes():
        hint = ctx.get("hint")
        return Diagnostic(doc.rel, line, col, etype, msg(f"{dotted}: {err['msg']}", f"{dotted}: {ctx.get('en', err['msg'])}"),
                          msg(hint, ctx.get("hint_en", hint)) if hint else None)
    if etype == "extra_forbidden":
        key = loc[-1]
        parent = _model_at(root, loc[:-1])
        known = sorted(parent.model_fields) if parent is not None else []
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = msg(f"maksudnya '{close[0]}'?", f"did you mean '{close[0]}'?") if close else msg(
            "kunci yang dikenal: " + ", ".join(known), "known keys: " + ", ".join(known))
        return Diagnostic(doc.rel, line, col, "UNKNOWN_KEY", msg(f"kunci '{key}' tidak dikenal di {'.'.join(map(str, loc[:-1])) or 'tingkat atas'}",
                                                                  f"unknown key '{key}'"), hint)
    if etype == "missing":
        key = loc[-1]
        line, col = doc.where(loc[:-1])
        return Diagnostic(doc.rel, line, col, "MISSING_KEY", msg(f"kunci wajib '{key}' tidak ada di {'.'.join(map(str, loc[:-1])) or 'tingkat atas'}",
                                                                  f"required key '{key}' is missing"),
                          msg(f"tambahkan `{key}: ...`", f"add `{key}: ...`"))
    if etype == "literal_error":
        expected = ctx.get("expected", "")
        return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: nilai {given_s} tidak diizinkan", f"{dotted}: value {given_s} not allowed"),
                          msg(f"pilih salah satu: {expected}", f"use one of: {expected}"))
    if etype == "string_pattern_mismatch":
        return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: id {given_s} tidak sah", f"{dotted}: invalid id {given_s}"),
                          msg("id memakai huruf kecil, angka dan tanda hubung, mis. indeks-kepuasan-masyarakat",
                              "ids use lower-case letters, digits and hyphens"))
    if etype in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: {given_s} di luar batas ({err['msg']})", f"{dotted}: {err['msg']}"))
    if etype == "invalid_key":
        return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: kunci tidak sah {given_s}", f"{dotted}: invalid key {given_s}"),
                          msg("triwulan ditulis 1, 2, 3 atau 4", "quarters are written 1, 2, 3 or 4"))
    kind = _kind(etype)
    if kind:
        hint = None
        if kind[0] == "teks" and isinstance(given, dict) and len(given) == 1:
            hint = msg("teks yang berisi titik dua dan spasi (': ') dibaca YAML sebagai kunci; beri tanda kutip pada seluruh teks",
                       "text containing ': ' is read by YAML as a key; put the whole text in quotes")
        elif kind[0].startswith("tanggal"):
            hint = msg("tulis tanggal sebagai 2026-01-02", "write dates as 2026-01-02")
        elif kind[0].startswith("daftar"):
            hint = msg("tulis tiap butir pada baris sendiri diawali '- '", "write each item on its own line starting with '- '")
        return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: diharapkan {kind[0]}, tertulis {given_s}",
                                                          f"{dotted}: expected {kind[1]}, got {given_s}"), hint)
    return Diagnostic(doc.rel, line, col, "TYPE", msg(f"{dotted}: {err['msg']}"))


def _custom_codes() -> set[str]:
    from .diagnostics import CODES
    return set(CODES)


def validate_schema(doc: Document, model: type[BaseModel]) -> tuple[Any, list[Diagnostic]]:
    if not isinstance(doc.data, dict):
        line, col = doc.where(())
        return None, [Diagnostic(doc.rel, line, col, "TYPE", msg("isi berkas harus berupa pemetaan (kunci: nilai)", "the file must hold a mapping (key: value)"),
                                 msg("lihat contoh berkas di README", "see the example file in the README"))]
    try:
        return model.model_validate(doc.data), []
    except ValidationError as e:
        return None, [_schema_diagnostic(doc, model, err) for err in e.errors(include_url=False)]


# --------------------------------------------------------------------------- discovery and assembly

@dataclass
class CheckResult:
    dataset: Dataset | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    reports: list[tuple[AgencyRecord, PositionRecord, YearRecord, Any, compute.ReportResult]] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]


def _load(path: Path, root: Path, model: type[BaseModel], out: list[Diagnostic]) -> tuple[Any, Document]:
    doc, problems = load_yaml(path, root)
    out.extend(problems)
    if problems and doc.data is None:
        return None, doc
    value, errors = validate_schema(doc, model)
    out.extend(errors)
    return value, doc


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES)


def _misplaced(doc_rel: str, what: Msg, hint: Msg) -> Diagnostic:
    return Diagnostic(doc_rel, 1, 1, "MISPLACED_FILE", what, hint)


def assemble(root: Path, out: list[Diagnostic]) -> Dataset | None:
    rel = display_path
    site_path = root / SITE_FILE
    if not root.is_dir():
        out.append(Diagnostic(display_path(root), 1, 1, "MISPLACED_FILE", msg(f"folder data '{root}' tidak ada", f"data folder '{root}' does not exist")))
        return None
    situs, situs_doc = (None, None)
    if site_path.exists():
        situs, situs_doc = _load(site_path, root, Situs, out)
    else:
        out.append(Diagnostic(rel(site_path), 1, 1, "MISPLACED_FILE", msg("berkas site.yml tidak ada", "site.yml is missing"),
                              msg("buat data/site.yml berisi judul dan data_per", "create data/site.yml with judul and data_per")))
    dataset = Dataset(situs=situs or Situs(judul="(tanpa judul)", data_per=dt.date.max), situs_doc=situs_doc)

    holidays_dir = root / HOLIDAYS_DIR
    if holidays_dir.is_dir():
        for f in _yaml_files(holidays_dir):
            cal, cdoc = _load(f, root, HariLibur, out)
            if cal is None:
                continue
            if str(cal.tahun) != f.stem:
                line, col = cdoc.where(("tahun",))
                out.append(Diagnostic(cdoc.rel, line, col, "FILE_NAME", msg(f"tahun {cal.tahun} tidak sama dengan nama berkas {f.name}", f"tahun {cal.tahun} differs from {f.name}"),
                                      msg(f"beri nama berkas {cal.tahun}.yml", f"name the file {cal.tahun}.yml")))
            for i, day in enumerate(cal.hari):
                if day.tanggal.year != cal.tahun:
                    line, col = cdoc.where(("hari", i, "tanggal"))
                    out.append(Diagnostic(cdoc.rel, line, col, "TYPE", msg(f"tanggal {day.tanggal} bukan tahun {cal.tahun}", f"date {day.tanggal} is not in {cal.tahun}"),
                                          msg("periksa tahunnya", "check the year")))
            dataset.holidays[cal.tahun] = cal

    for region_dir in sorted(p for p in root.iterdir() if p.is_dir() and p.name != HOLIDAYS_DIR and not p.name.startswith((".", "_"))):
        for stray in _yaml_files(region_dir):
            if stray.name != REGION_FILE:
                out.append(_misplaced(rel(stray), msg(f"berkas '{stray.name}' tidak dikenal di folder wilayah", f"unexpected file '{stray.name}' in a region folder"),
                                      msg(f"folder wilayah hanya berisi {REGION_FILE} dan folder perangkat daerah", f"a region folder holds {REGION_FILE} and agency folders")))
        if region_dir.name in RESERVED_REGION_IDS:
            out.append(Diagnostic(display_path(region_dir), 1, 1, "MISPLACED_FILE",
                                  msg(f"nama folder wilayah '{region_dir.name}' dipakai oleh situs sendiri", f"region folder name '{region_dir.name}' is reserved by the site"),
                                  msg("beri nama lain, mis. kota-contoh", "use another name, e.g. kota-contoh")))
            continue
        region_file = region_dir / REGION_FILE
        if not region_file.exists():
            out.append(Diagnostic(rel(region_file), 1, 1, "MISPLACED_FILE", msg(f"folder wilayah '{region_dir.name}' tanpa {REGION_FILE}", f"region folder without {REGION_FILE}"),
                                  msg(f"buat {REGION_FILE} berisi nama dan jenis wilayah", f"create {REGION_FILE}")))
            continue
        wilayah, wdoc = _load(region_file, root, Wilayah, out)
        if wilayah is None:
            continue
        region = RegionRecord(region_dir.name, wilayah, wdoc)
        dataset.regions[region.id] = region
        for agency_dir in sorted(p for p in region_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            _assemble_agency(root, region, agency_dir, out)
    return dataset


def _assemble_agency(root: Path, region: RegionRecord, agency_dir: Path, out: list[Diagnostic]) -> None:
    rel = display_path
    agency_file = agency_dir / AGENCY_FILE
    if not agency_file.exists():
        out.append(Diagnostic(rel(agency_file), 1, 1, "MISPLACED_FILE", msg(f"folder '{agency_dir.name}' tanpa {AGENCY_FILE}", f"agency folder without {AGENCY_FILE}"),
                              msg(f"buat {AGENCY_FILE}", f"create {AGENCY_FILE}")))
        return
    pd, pdoc = _load(agency_file, root, PerangkatDaerah, out)
    if pd is None:
        return
    agency = AgencyRecord(agency_dir.name, region.id, pd, pdoc)
    region.agencies[agency.id] = agency
    _index_units(agency, pd.unit, None, ("unit",), out)

    for stray in _yaml_files(agency_dir):
        if stray.name != AGENCY_FILE:
            out.append(_misplaced(rel(stray), msg(f"berkas '{stray.name}' tidak dikenal di folder perangkat daerah", f"unexpected file '{stray.name}'"),
                                  msg("berkas jabatan di folder jabatan/, berkas tahunan di folder tahun (mis. 2025/)",
                                      "position files go in jabatan/, year files in a year folder such as 2025/")))
    pos_dir = agency_dir / POSITIONS_DIR
    if pos_dir.is_dir():
        for f in _yaml_files(pos_dir):
            jab, jdoc = _load(f, root, Jabatan, out)
            if jab is not None:
                agency.positions[f.stem] = PositionRecord(f.stem, jab, jdoc)
    ppid_dir = agency_dir / PPID_DIR
    if ppid_dir.is_dir():
        _assemble_ppid(root, agency, ppid_dir, out)
    for year_dir in sorted(p for p in agency_dir.iterdir() if p.is_dir() and p.name not in (POSITIONS_DIR, PPID_DIR) and not p.name.startswith((".", "_"))):
        if not re.fullmatch(r"\d{4}", year_dir.name):
            out.append(_misplaced(rel(year_dir), msg(f"folder '{year_dir.name}' tidak dikenal (diharapkan tahun, mis. 2025, atau jabatan/)",
                                                     f"unexpected folder '{year_dir.name}' (expected a year such as 2025, or jabatan/)"),
                                  msg("pindahkan berkasnya ke folder tahun yang benar", "move the files into the right year folder")))
            continue
        for f in _yaml_files(year_dir):
            tah, tdoc = _load(f, root, Tahunan, out)
            if tah is None:
                continue
            if tah.jabatan != f.stem:
                line, col = tdoc.where(("jabatan",))
                out.append(Diagnostic(tdoc.rel, line, col, "FILE_NAME", msg(f"jabatan '{tah.jabatan}' tidak sama dengan nama berkas '{f.stem}'",
                                                                            f"jabatan '{tah.jabatan}' differs from the file name '{f.stem}'"),
                                      msg(f"ganti nama berkas menjadi {tah.jabatan}.yml atau perbaiki `jabatan`", f"rename the file to {tah.jabatan}.yml or fix `jabatan`")))
            if str(tah.tahun) != year_dir.name:
                line, col = tdoc.where(("tahun",))
                out.append(Diagnostic(tdoc.rel, line, col, "FILE_NAME", msg(f"tahun {tah.tahun} tidak sama dengan folder {year_dir.name}",
                                                                            f"tahun {tah.tahun} differs from folder {year_dir.name}"),
                                      msg("pindahkan berkas ke folder tahun yang benar atau perbaiki `tahun`", "move the file or fix `tahun`")))
                continue
            position = agency.positions.get(f.stem)
            if position is None:
                line, col = tdoc.where(("jabatan",))
                out.append(Diagnostic(tdoc.rel, line, col, "UNKNOWN_REF", msg(f"jabatan '{f.stem}' tidak ada di {POSITIONS_DIR}/",
                                                                              f"position '{f.stem}' has no file in {POSITIONS_DIR}/"),
                                      msg(f"buat {POSITIONS_DIR}/{f.stem}.yml atau perbaiki nama berkas", f"create {POSITIONS_DIR}/{f.stem}.yml")))
                continue
            position.years[tah.tahun] = YearRecord(f.stem, tah.tahun, tah, tdoc)


def _assemble_ppid(root: Path, agency: AgencyRecord, ppid_dir: Path, out: list[Diagnostic]) -> None:
    for f in _yaml_files(ppid_dir):
        if f.stem == "dip":
            dip, ddoc = _load(f, root, DaftarTambahan, out)
            if dip is not None:
                agency.dip_tambahan = (dip, ddoc)
            continue
        m = re.fullmatch(r"permohonan-(\d{4})", f.stem)
        if not m:
            out.append(_misplaced(display_path(f), msg(f"berkas '{f.name}' tidak dikenal di folder ppid/", f"unexpected file '{f.name}' in ppid/"),
                                  msg("nama berkas: permohonan-<tahun>.yml atau dip.yml", "file names: permohonan-<year>.yml or dip.yml")))
            continue
        doc, problems = load_yaml(f)
        out.extend(problems)
        if doc.data is None:
            continue
        personal = ppid_rules.personal_data(doc)
        out.extend(personal)
        if personal:
            continue  # never go further with a file that must not be published
        register, errors = validate_schema(doc, RegisterPermohonan)
        out.extend(errors)
        if register is None:
            continue
        if str(register.tahun) != m.group(1):
            line, col = doc.where(("tahun",))
            out.append(Diagnostic(doc.rel, line, col, "FILE_NAME", msg(f"tahun {register.tahun} tidak sama dengan nama berkas", f"tahun {register.tahun} differs from the file name"),
                                  msg(f"beri nama berkas permohonan-{register.tahun}.yml", f"name it permohonan-{register.tahun}.yml")))
        agency.registers[register.tahun] = (register, doc)


def _index_units(agency: AgencyRecord, units: list[Unit], parent: str | None, loc: tuple, out: list[Diagnostic]) -> None:
    for i, u in enumerate(units):
        if u.id in agency.units:
            line, col = agency.doc.where(loc + (i, "id"))
            out.append(Diagnostic(agency.doc.rel, line, col, "DUPLICATE_ID", msg(f"id unit '{u.id}' dipakai dua kali", f"unit id '{u.id}' used twice"),
                                  msg("beri id yang berbeda", "give each unit its own id")))
            continue
        agency.units[u.id] = u
        agency.unit_parent[u.id] = parent
        _index_units(agency, u.unit, u.id, loc + (i, "unit"), out)


# --------------------------------------------------------------------------- rules across files

def quarter_end(tahun: int, triwulan: int) -> dt.date:
    month = triwulan * 3
    return dt.date(tahun, month, 31 if month in (3, 12) else 30)


def _nip_rules(doc: Document, loc: tuple, nip: str | None, seen: dict, name: str, out: list[Diagnostic], status: str = "PNS") -> None:
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


def _ambiguous(doc: Document, loc: tuple, value: Decimal | None, satuan: str | None, out: list[Diagnostic]) -> None:
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


def _definition_rules(doc: Document, items: list, loc: tuple, out: list[Diagnostic]) -> None:
    """Rules for indicator definitions (IKI sheets and PK rows): the formula must fit the name."""
    seen: dict[str, tuple] = {}

    def walk(items, loc):
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
            f = ind.formula
            if f is not None:
                fl = here + ("formula",)
                line, col = doc.where(fl)
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
            walk(ind.rincian, here + ("rincian",))

    walk(items, loc)


def _year_rules(agency: AgencyRecord, position: PositionRecord, year: YearRecord, situs_date: dt.date, out: list[Diagnostic]) -> None:
    t, doc = year.model, year.doc
    ids: dict[str, tuple] = {}
    indicators = {}
    for r, rev in enumerate(t.perjanjian_kinerja):
        def walk(items, loc):
            for i, ind in enumerate(items):
                here = loc + (i,)
                if r == len(t.perjanjian_kinerja) - 1:
                    if ind.id in ids:
                        line, col = doc.where(here + ("id",))
                        out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_ID", msg(f"id indikator '{ind.id}' dipakai dua kali", f"indicator id '{ind.id}' used twice"),
                                              msg("beri setiap indikator id yang berbeda", "give each indicator its own id")))
                    ids[ind.id] = here
                    indicators[ind.id] = ind
                    _ambiguous(doc, here + ("target",), ind.target, ind.satuan, out)
                    for tw, v in ind.target_triwulan.items():
                        _ambiguous(doc, here + ("target_triwulan", tw), v, ind.satuan, out)
                walk(ind.rincian, here + ("rincian",))
        walk(rev.indikator, ("perjanjian_kinerja", r, "indikator"))
        _definition_rules(doc, rev.indikator, ("perjanjian_kinerja", r, "indikator"), out)
        if rev.versi == "perubahan" and r > 0 and not rev.alasan:
            line, col = doc.where(("perjanjian_kinerja", r, "versi"))
            out.append(Diagnostic(doc.rel, line, col, "PK_REVISION", msg("perjanjian kinerja perubahan tanpa alasan", "revised PK without a reason"),
                                  msg("isi `alasan:` perubahan", "fill in `alasan:`"), severity="warning"))

    if t.iki is not None:
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

    budget = {}
    def walk_budget(items, loc):
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
            walk_budget(pos.rincian, here + ("rincian",))
    walk_budget(t.anggaran, ("anggaran",))

    seen_tw: dict[int, int] = {}
    previous: dict[str, tuple[Decimal, int]] = {}
    prev_budget: dict[str, tuple[Decimal, int]] = {}
    order = sorted(range(len(t.laporan)), key=lambda i: t.laporan[i].triwulan)
    for li in order:
        lap = t.laporan[li]
        base = ("laporan", li)
        if lap.triwulan in seen_tw:
            line, col = doc.where(base + ("triwulan",))
            out.append(Diagnostic(doc.rel, line, col, "DUPLICATE_PERIOD", msg(f"laporan triwulan {lap.triwulan} ditulis dua kali", f"quarter {lap.triwulan} reported twice"),
                                  msg("gabungkan keduanya dalam satu entri laporan", "merge them into one report entry")))
            continue
        seen_tw[lap.triwulan] = li
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
        for key in lap.tercetak.capaian:
            if key not in indicators:
                line, col = doc.where(base + ("tercetak", "capaian", key), key=True)
                out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"capaian tercetak untuk indikator '{key}' yang tidak ada", f"printed capaian for unknown indicator '{key}'")))
        for key in lap.tercetak.anggaran:
            if key not in budget:
                line, col = doc.where(base + ("tercetak", "anggaran", key), key=True)
                out.append(Diagnostic(doc.rel, line, col, "UNKNOWN_REF", msg(f"persentase anggaran tercetak untuk pos '{key}' yang tidak ada", f"printed budget % for unknown row '{key}'")))
        if lap.penandatangan:
            for role in ("pembuat", "mengetahui"):
                person = getattr(lap.penandatangan, role)
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


def _position_rules(agency: AgencyRecord, nips: dict, out: list[Diagnostic]) -> None:
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
                seen, cur = {pid}, jab.atasan
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


def check(data_dir: Path) -> CheckResult:
    """Read, validate and compute everything under ``data_dir``. Never raises on data."""
    out: list[Diagnostic] = []
    result = CheckResult(None, out)
    dataset = assemble(data_dir, out)
    if dataset is None:
        return result
    result.dataset = dataset
    nips: dict = {}
    for agency in dataset.agencies():
        _position_rules(agency, nips, out)
    for region, agency, position, year in dataset.years():
        _year_rules(agency, position, year, dataset.situs.data_per, out)
    holidays = dataset.holiday_dates()
    for agency in dataset.agencies():
        for register, doc in agency.registers.values():
            out.extend(ppid_rules.deadlines(doc, register, holidays, set(dataset.holidays), dataset.situs.data_per))

    # Compute every report and surface printed-vs-computed differences as warnings.
    file_errors = {d.path for d in out if d.severity == "error"}
    for region, agency, position, year in dataset.years():
        if year.doc.rel in file_errors:
            continue
        for li, lap in enumerate(year.model.laporan):
            policy = resolve(dataset.situs.kebijakan, region.model.kebijakan, agency.model.kebijakan, year.model.kebijakan, lap.kebijakan)
            res = compute.compute_report(year.model, lap, policy)
            res.discrepancies = compute.compare_printed(year.model, lap, res)
            result.reports.append((agency, position, year, lap, res))
            for disc in res.discrepancies:
                out.append(_discrepancy_diagnostic(year.doc, li, disc))
    out.sort(key=Diagnostic.sort_key)
    return result


def _fmt(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",") if value == value.to_integral_value() else format(value, "f").replace(".", ",")
    return "–" if value is None else str(value)


def _discrepancy_diagnostic(doc: Document, li: int, d: compute.Discrepancy) -> Diagnostic:
    parts = d.angka.split(":")
    loc: tuple = ("laporan", li, "tercetak")
    if parts[0] == "capaian":
        loc += ("capaian", parts[1])
    elif parts[0] == "anggaran":
        loc += ("anggaran", parts[1])
    elif parts[0].startswith(("narasi.", "anggaran_jumlah.")):
        loc += tuple(parts[0].split(".", 1))
    else:
        loc += (parts[0] if parts[0] != "predikat" else "predikat",)
    line, col = doc.where(loc)
    if d.direproduksi_oleh:
        options = "; ".join(", ".join(f"{k}: {_policy_text(v)}" for k, v in alt.items()) for alt in d.direproduksi_oleh[:4])
        hint = msg(f"nilai tercetak dapat dihasilkan dengan kebijakan → {options}. Bila memang itu cara laporan ini menghitung, tulis di `kebijakan` beserta komentar alasannya",
                   f"the printed value is reproduced by policy → {options}. If that is how the report computed it, set it under `kebijakan` with a comment")
    else:
        hint = msg("tidak ada kebijakan yang menghasilkan nilai tercetak: kemungkinan salah hitung atau salah cetak di dokumen sumber; angka tercetak tetap disimpan dan selisihnya ditampilkan",
                   "no policy reproduces the printed value: likely an arithmetic or printing error in the source; the printed figure is kept and the difference is shown")
    return Diagnostic(doc.rel, line, col, "PRINTED_DIFFERS",
                      msg(f"{d.label}: tercetak {_fmt(d.tercetak)}, hasil hitung {_fmt(d.dihitung)}",
                          f"{d.label}: printed {_fmt(d.tercetak)}, computed {_fmt(d.dihitung)}"),
                      hint, severity="warning", extra={"angka": d.angka})


def _policy_text(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return "null" if value is None else str(value)

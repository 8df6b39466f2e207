"""Spreadsheet round trip for staff who work in Excel.

    kinerja spreadsheet export data/…/2025/kepala-dinas.yml --triwulan 4 -o isian.xlsx
    kinerja spreadsheet import isian.xlsx [--write]

The workbook holds one position-period: a *Realisasi* sheet (indicators with targets and
realisation), *Anggaran* (budget rows), *Narasi* (the report's text lists) and a
*Petunjuk* sheet in Indonesian. Id columns are locked; units, polarity and narrative
sections are dropdowns.

Import edits the YAML file in place through ruamel.yaml's round trip, so comments, key
order and the way untouched values are written stay as they were; only values that
differ from the file are replaced. Every cell that cannot be read is reported by sheet
and address (``Realisasi!J7: '1,537,000' …``) and nothing is written then. Nothing is
ever written silently either: import shows a unified diff and asks, or writes with
``--write``.
"""

from __future__ import annotations

import argparse
import datetime as dt
from copy import copy
import difflib
import hashlib
import io
import re
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.compute.engine import active_pk
from generator.load import display_path, load_yaml
from generator.model import Indikator, Laporan, Realisasi, RealisasiAnggaran, Tahunan
from generator.core.numbers import NumberError, format_id, parse_angka
from generator.staff.scaffold import scalar
from generator.validate.rules import COUNT_UNITS
from generator.validate.schema import validate_schema

FORMAT = "kinerja-xlsx/1"
REALISASI, ANGGARAN, NARASI, PETUNJUK, META, DAFTAR = "Realisasi", "Anggaran", "Narasi", "Petunjuk", "_kinerja", "_daftar"
NARASI_PARTS = ["keterangan", "faktor_pendukung", "faktor_penghambat", "upaya", "kesimpulan", "rekomendasi"]
ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
EXTRA_NARASI_ROWS = 30  # empty, editable rows for new narrative items
COMMON_UNITS = ["%", "persen", "indeks", "nilai", "predikat", "rasio", "rupiah"] + sorted(COUNT_UNITS)


class SheetError(Exception):
    """The workbook or the YAML file cannot be used at all (not one cell: the whole file)."""


# --------------------------------------------------------------------------- columns

@dataclass(frozen=True)
class Col:
    key: str
    header: str
    kind: str = "text"  # text | number | id
    editable: bool = True
    width: int = 14


def realisasi_cols(tw: int) -> list[Col]:
    r = ROMAWI[tw]
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26), Col("induk", "Induk", "id", False, 14),
        Col("nomor", "No"), Col("sasaran", "Sasaran", width=40), Col("indikator", "Indikator", width=50),
        Col("satuan", "Satuan", width=12), Col("polaritas", "Polaritas", width=11),
        Col("target", "Target tahunan", "number"), Col("target_tw", f"Target s.d. TW {r} (kosong = target tahunan)", "number", width=18),
        Col("realisasi", f"Realisasi s.d. TW {r}", "number", width=16),
        Col("na", "Alasan bila data belum tersedia (n/a)", width=30), Col("catatan", "Catatan", width=30),
    ]


def anggaran_cols(tw: int) -> list[Col]:
    r = ROMAWI[tw]
    return [
        Col("id", "Id (jangan diubah)", "id", False, 26), Col("induk", "Induk", "id", False, 14),
        Col("jenis", "Jenis", "text", False, 12), Col("nomor", "No", "text", False, 6), Col("nama", "Nama program / kegiatan", "text", False, 50),
        Col("pagu", "Pagu (Rp)", "number", False, 18), Col("target", f"Target s.d. TW {r} (Rp)", "number", width=18),
        Col("realisasi", f"Realisasi s.d. TW {r} (Rp)", "number", width=18),
    ]


NARASI_COLS = [Col("bagian", "Bagian", width=20), Col("teks", "Teks (satu butir per baris)", width=100)]


# --------------------------------------------------------------------------- reading the YAML file

def _load_model(path: Path) -> Tahunan:
    if not path.is_file():
        raise SheetError(f"berkas {display_path(path)} tidak ada")
    if not re.fullmatch(r"\d{4}", path.parent.name):
        raise SheetError(f"{display_path(path)} bukan berkas tahunan; yang dimaksud berkas seperti data/<wilayah>/<perangkat-daerah>/2025/<jabatan>.yml")
    doc, problems = load_yaml(path)
    value, errors = (None, []) if doc.data is None else validate_schema(doc, Tahunan)
    problems += errors
    if problems or value is None:
        listed = "\n".join("  " + d.format() for d in problems[:10])
        raise SheetError(f"{display_path(path)} masih bergalat; perbaiki dulu (jalankan `kinerja check`):\n{listed}")
    return value


def _walk(items, parent=None):
    for i, item in enumerate(items):
        yield i, item, parent
        yield from _walk(item.rincian, item.id)


def _indicator_source(t: Tahunan) -> tuple[list, tuple]:
    """The indicators a report is measured against and their path in the file."""
    pk = active_pk(t)
    if pk is not None:
        return pk.indikator, ("perjanjian_kinerja", len(t.perjanjian_kinerja) - 1, "indikator")
    if t.iki is not None:
        return t.iki.indikator, ("iki", "indikator")
    return [], ()


def _report(t: Tahunan, tw: int) -> tuple[int | None, Laporan | None]:
    for i, lap in enumerate(t.laporan):
        if lap.triwulan == tw:
            return i, lap
    return None, None


# --------------------------------------------------------------------------- export

def _cell_number(value: Decimal | None) -> Any:
    if value is None:
        return None
    digits = len(value.as_tuple().digits)
    if digits > 15:  # beyond what an Excel number keeps exactly: keep it as Indonesian text
        return format_id(value)
    return int(value) if value == value.to_integral_value() else value


def export(year_file: Path, tw: int, out: Path, data_dir: Path | None = None) -> dict[str, int]:
    """Write the workbook; ``data_dir`` defaults to the data folder the file sits in
    (<data>/<wilayah>/<opd>/<tahun>/<id>.yml)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    t = _load_model(year_file)
    _, lap = _report(t, tw)
    indicators, _ = _indicator_source(t)
    raw = year_file.read_bytes()
    data_dir = data_dir or year_file.resolve().parents[3]
    try:
        rel = year_file.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        raise SheetError(f"{display_path(year_file)} tidak berada di dalam folder data '{display_path(data_dir)}'") from None

    header_font, header_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="3949AB")
    locked_fill = PatternFill("solid", fgColor="E8E8E8")
    wrap = Alignment(wrap_text=True, vertical="top")
    wb = Workbook()
    info = wb.active
    info.title = PETUNJUK

    def sheet(title: str, cols: list[Col], rows: list[dict], protect: bool = True):
        ws = wb.create_sheet(title)
        ws.append([c.header for c in cols])
        for j, c in enumerate(cols, start=1):
            cell = ws.cell(1, j)
            cell.font, cell.fill, cell.alignment = header_font, header_fill, Alignment(wrap_text=True, vertical="center")
            ws.column_dimensions[cell.column_letter].width = c.width
        for row in rows:
            ws.append([row.get(c.key) for c in cols])
        for j, c in enumerate(cols, start=1):
            # Style one cell per column through the API, then copy its style index to the
            # others: setting style objects cell by cell is most of openpyxl's export time.
            proto = ws.cell(2, j)
            proto.alignment = wrap
            if c.kind == "id":
                proto.number_format = "@"
            if c.editable:
                proto.protection = Protection(locked=False)
            else:
                proto.fill = locked_fill
            for r in range(3, ws.max_row + 1):
                ws.cell(r, j)._style = copy(proto._style)
        ws.freeze_panes = "C2" if title != NARASI else "A2"
        if protect:
            ws.protection.sheet = True
            ws.protection.formatColumns = False  # staff may still widen columns and rows
            ws.protection.formatRows = False
        return ws

    # Realisasi
    rows = []
    for _i, ind, parent in _walk(indicators):
        entry = lap.realisasi.get(ind.id) if lap else None
        target_tw = entry.target if entry and entry.target is not None else ind.target_triwulan.get(tw)
        rows.append({
            "id": ind.id, "induk": parent, "nomor": ind.nomor, "sasaran": ind.sasaran, "indikator": ind.indikator,
            "satuan": ind.satuan, "polaritas": ind.polaritas, "target": _cell_number(ind.target), "target_tw": _cell_number(target_tw),
            "realisasi": _cell_number(entry.nilai) if entry else None, "na": entry.na if entry else None,
            "catatan": entry.catatan if entry else None,
        })
    cols = realisasi_cols(tw)
    ws_r = sheet(REALISASI, cols, rows)

    # Anggaran
    brows = []
    for _i, pos, parent in _walk(t.anggaran):
        real = lap.anggaran.get(pos.id) if lap else None
        brows.append({"id": pos.id, "induk": parent, "jenis": pos.jenis, "nomor": pos.nomor, "nama": pos.nama,
                      "pagu": _cell_number(pos.pagu),
                      "target": _cell_number(real.target if real and real.target is not None else pos.pagu),
                      "realisasi": _cell_number(real.realisasi) if real else None})
    bcols = anggaran_cols(tw)
    ws_a = sheet(ANGGARAN, bcols, brows)

    # Narasi: existing items, then empty rows to add more
    nrows = [{"bagian": part, "teks": text} for part in NARASI_PARTS for text in (getattr(lap.narasi, part) if lap else [])]
    nrows += [{} for _ in range(EXTRA_NARASI_ROWS)]
    ws_n = sheet(NARASI, NARASI_COLS, nrows, protect=False)

    # Lists for dropdowns live on a hidden sheet: a list written inline is limited to 255 characters.
    lists = wb.create_sheet(DAFTAR)
    units = sorted({u for u in COMMON_UNITS} | {ind.satuan for _i, ind, _p in _walk(indicators) if ind.satuan})
    for r, unit in enumerate(units, start=1):
        lists.cell(r, 1, unit)
    for r, part in enumerate(NARASI_PARTS, start=1):
        lists.cell(r, 2, part)
    lists.sheet_state = "hidden"

    def validate(ws, col_key: str, cols: list[Col], dv: DataValidation):
        letter = ws.cell(1, [c.key for c in cols].index(col_key) + 1).column_letter
        if ws.max_row >= 2:
            dv.add(f"{letter}2:{letter}{ws.max_row}")
            ws.add_data_validation(dv)

    number_dv = dict(type="decimal", operator="between", formula1="-1000000000000000", formula2="1000000000000000", allow_blank=True,
                     errorStyle="warning", errorTitle="Bukan angka", error="Isi angka saja, tanpa satuan, Rp atau %.")
    validate(ws_r, "satuan", cols, DataValidation(type="list", formula1=f"={DAFTAR}!$A$1:$A${len(units)}", allow_blank=True, errorStyle="warning",
                                                  errorTitle="Satuan", error="Satuan ini belum ada di daftar. Tetap pakai?"))
    validate(ws_r, "polaritas", cols, DataValidation(type="list", formula1='"naik,turun"', allow_blank=True, errorTitle="Polaritas",
                                                     error="Pilih naik (makin tinggi makin baik) atau turun (makin rendah makin baik)."))
    for key in ("target", "target_tw", "realisasi"):
        validate(ws_r, key, cols, DataValidation(**number_dv))
    for key in ("target", "realisasi"):
        validate(ws_a, key, bcols, DataValidation(**number_dv))
    validate(ws_n, "bagian", NARASI_COLS, DataValidation(type="list", formula1=f"={DAFTAR}!$B$1:$B${len(NARASI_PARTS)}", allow_blank=True,
                                                         errorTitle="Bagian", error="Pilih salah satu bagian dari daftar."))

    meta = wb.create_sheet(META)
    for r, (k, v) in enumerate([("format", FORMAT), ("berkas", rel), ("jabatan", t.jabatan), ("tahun", t.tahun), ("triwulan", tw),
                                ("sha256", hashlib.sha256(raw).hexdigest())], start=1):
        meta.cell(r, 1, k)
        meta.cell(r, 2, v)
    meta.sheet_state = "veryHidden"

    _instructions(info, t, tw, rel, lap is None)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return {"indikator": len(rows), "anggaran": len(brows), "narasi": len(nrows) - EXTRA_NARASI_ROWS}


def _instructions(ws, t: Tahunan, tw: int, rel: str, new: bool) -> None:
    from openpyxl.styles import Alignment, Font

    r = ROMAWI[tw]
    lines = [
        (f"Lembar isian kinerja {t.jabatan}, triwulan {r} tahun {t.tahun}", True),
        (f"Berkas data: {rel}" + (" (laporan triwulan ini belum ada; dibuat saat impor)" if new else ""), False),
        ("", False),
        ("Cara mengisi", True),
        (f"1. Lembar Realisasi: isi kolom \"Realisasi s.d. TW {r}\" dengan angka KUMULATIF sejak awal tahun sampai akhir triwulan {r}.", False),
        ("2. Bila datanya belum tersedia (mis. menunggu rilis BPS), kosongkan realisasi dan tulis alasannya di kolom \"Alasan bila data belum tersedia\".", False),
        ("3. Tulis angka saja, tanpa satuan, Rp atau %. Angka desimal mengikuti pengaturan Excel Anda (95,14 pada Excel berbahasa Indonesia).", False),
        ("   Angka yang ditulis sebagai teks juga dibaca: 95,14 atau 1.537.000.", False),
        (f"4. Lembar Anggaran: isi realisasi anggaran kumulatif s.d. triwulan {r} dalam Rupiah. Target kosong berarti sama dengan pagu.", False),
        ("5. Lembar Narasi: satu butir per baris. Pilih bagiannya di kolom Bagian (faktor_pendukung, faktor_penghambat, upaya, …).", False),
        ("   Untuk menambah butir, isi baris kosong di bawahnya. Untuk menghapus, kosongkan teksnya.", False),
        ("6. Kolom abu-abu (id, induk, pagu) dikunci: jangan diubah. Jangan menambah atau menghapus baris indikator di sini;", False),
        ("   perubahan perjanjian kinerja dilakukan di berkas data.", False),
        ("7. Simpan sebagai .xlsx dan serahkan kembali kepada pengelola data.", False),
        ("", False),
        ("Untuk pengelola data", True),
        (f"kinerja spreadsheet import <berkas.xlsx>   menampilkan perubahan pada {rel}; tambahkan --write untuk menyimpannya,", False),
        ("lalu jalankan `kinerja check` dan ajukan perubahan lewat pull request seperti biasa.", False),
    ]
    for i, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(i, 1, text)
        cell.font = Font(bold=bold, size=13 if i == 1 else 11)
        cell.alignment = Alignment(wrap_text=False)
    ws.column_dimensions["A"].width = 140


# --------------------------------------------------------------------------- import: reading cells

@dataclass
class Problems:
    items: list[str] = field(default_factory=list)

    def add(self, where: str, text: str) -> None:
        self.items.append(f"{where}: {text}")


def _addr(ws, cell) -> str:
    return f"{ws.title}!{cell.coordinate}"


def _read_number(ws, cell, problems: Problems) -> Decimal | None:
    value = cell.value
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time)):
        problems.add(_addr(ws, cell), f"{value!r} bukan angka (Excel mungkin mengubahnya menjadi tanggal atau benar/salah); ketik ulang sebagai angka")
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    try:
        return parse_angka(str(value))
    except NumberError as e:
        problems.add(_addr(ws, cell), f"{e.message}; {e.hint}")
        return None


def _read_text(cell) -> str | None:
    value = cell.value
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    text = str(value).strip()
    return text or None


def _rows(ws, cols: list[Col], problems: Problems) -> list[tuple[int, dict[str, Any]]]:
    headers = [c.value for c in ws[1]]
    expected = [c.header for c in cols]
    if headers[:len(expected)] != expected:
        raise SheetError(f"judul kolom lembar {ws.title} berubah; pakai lembar hasil `kinerja spreadsheet export` tanpa mengubah kolomnya")
    out = []
    for r in range(2, ws.max_row + 1):
        row: dict[str, Any] = {}
        for j, c in enumerate(cols, start=1):
            cell = ws.cell(r, j)
            row[c.key] = _read_number(ws, cell, problems) if c.kind == "number" else _read_text(cell)
            row["@" + c.key] = _addr(ws, cell)
        if any(row[c.key] is not None for c in cols):
            out.append((r, row))
    return out


# --------------------------------------------------------------------------- import: editing the YAML tree

def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1_000_000  # never fold long lines
    y.indent(mapping=2, sequence=4, offset=2)
    y.representer.add_representer(type(None), lambda rep, _v: rep.represent_scalar("tag:yaml.org,2002:null", "null"))
    return y


def _value(value: Any, *, rupiah: bool = False) -> Any:
    """A new value as the house style writes it: whole numbers plain, decimals and Rupiah
    in Indonesian notation, text plain unless YAML would misread it."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(value, Decimal):
        if rupiah:
            text = format_id(value, 0)
            return int(value) if "." not in text else text if text.count(".") > 1 else DoubleQuotedScalarString(text)
        return int(value) if value == value.to_integral_value() else format_id(value)
    if isinstance(value, str):
        return DoubleQuotedScalarString(value) if scalar(value).startswith('"') else value
    return value


def _put(node, key: str, value: Any, order: list[str]) -> None:
    """Set ``node[key]``; a new key goes where ``order`` (the model's fields, or the
    indicators' order) puts it among the keys already there."""
    if key in node:
        node[key] = value
        return
    rank = {k: i for i, k in enumerate(order)}
    pos = len(node)
    for i, existing in enumerate(node):
        if rank.get(existing, len(order)) > rank.get(key, len(order)):
            pos = i
            break
    node.insert(pos, key, value)


def _drop(node, key: str) -> None:
    if key in node:
        del node[key]


def _eq(a: Any, b: Any) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a == b)


@dataclass
class Plan:
    path: Path
    old: str
    new: str
    problems: list[str]
    notes: list[str]
    rewritten: str  # the unedited file through the round-trip writer: equals ``old`` when nothing is lost

    def diff(self) -> str:
        name = display_path(self.path)
        return "".join(difflib.unified_diff(self.old.splitlines(keepends=True), self.new.splitlines(keepends=True), f"a/{name}", f"b/{name}"))


def plan_import(xlsx: Path, data_dir: Path) -> Plan:
    """Read the workbook and compute the new YAML text; nothing is written here."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(xlsx, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not a workbook
        raise SheetError(f"{xlsx} tidak dapat dibuka sebagai berkas Excel (.xlsx): {e}") from None
    if META not in wb.sheetnames or any(s not in wb.sheetnames for s in (REALISASI, ANGGARAN, NARASI)):
        raise SheetError(f"{xlsx} bukan lembar hasil `kinerja spreadsheet export` (lembar {META}, {REALISASI}, {ANGGARAN} atau {NARASI} tidak ada)")
    meta = {str(row[0].value): row[1].value for row in wb[META].iter_rows(max_col=2) if row[0].value}
    if meta.get("format") != FORMAT:
        raise SheetError(f"format lembar '{meta.get('format')}' tidak dikenal (diharapkan {FORMAT})")
    path = data_dir / str(meta["berkas"])
    if not path.is_file():
        raise SheetError(f"berkas data {display_path(path)} tidak ada; jalankan dari folder repositori, atau pakai --data <folder data>")
    tw = int(meta["triwulan"])
    old_text = path.read_text(encoding="utf-8")
    merge = _Merge(_load_model(path), tw, old_text)
    if hashlib.sha256(old_text.encode("utf-8")).hexdigest() != meta.get("sha256"):
        merge.notes.append(f"{display_path(path)} sudah berubah sejak lembar ini diekspor; perbedaan di bawah dihitung terhadap isinya sekarang, periksa dengan teliti")
    problems = merge.problems
    for _r, row in _rows(wb[REALISASI], realisasi_cols(tw), problems):
        merge.indicator(row)
    for _r, row in _rows(wb[ANGGARAN], anggaran_cols(tw), problems):
        merge.budget(row)
    merge.narasi([row for _r, row in _rows(wb[NARASI], NARASI_COLS, problems)])

    edited = _dump(merge.yaml, merge.tree)
    if edited == merge.rewritten or problems.items:
        edited = old_text  # nothing to change: the file is left exactly as it is
    elif merge.rewritten != old_text:
        merge.notes.append("penulisan ulang berkas ini juga mengubah cara penulisan beberapa baris lain (indentasi atau tanda kutip); periksa perbedaannya")
    return Plan(path, old_text, edited, problems.items, merge.notes, merge.rewritten)


class _Merge:
    """The YAML file as a round-trip tree, and the sheet rows applied to it one by one.
    The validated model says what the file holds now; a node is touched only where a
    cell differs from it."""

    def __init__(self, t: Tahunan, tw: int, text: str):
        self.t, self.tw = t, tw
        self.problems = Problems()
        self.notes: list[str] = []
        self.yaml = _yaml()
        self.tree = self.yaml.load(text)
        self.rewritten = _dump(self.yaml, self.tree)  # the file as the writer reproduces it before any edit
        indicators, source = _indicator_source(t)
        self.indicators = {ind.id: ind for _i, ind, _p in _walk(indicators)}
        self.nodes: dict[str, Any] = {}
        if source:
            node = self.tree
            for part in source:
                node = node[part]
            self._index(indicators, node)
        self.budget_rows = {pos.id: pos for _i, pos, _p in _walk(t.anggaran)}
        li, self.lap = _report(t, tw)
        self.lap_node = self.tree["laporan"][li] if li is not None else None

    def _index(self, items, nodes) -> None:
        for ind, node in zip(items, nodes):
            self.nodes[ind.id] = node
            if ind.rincian:
                self._index(ind.rincian, node["rincian"])

    def section(self, name: str):
        """``laporan[tw].<name>``, creating the report entry (in quarter order) and the section when needed."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if self.lap_node is None:
            self.lap_node = CommentedMap([("triwulan", self.tw)])
            if self.tree.get("laporan") is None:
                _put(self.tree, "laporan", CommentedSeq(), list(Tahunan.model_fields))
            seq = self.tree["laporan"]
            pos = next((i for i, lap in enumerate(self.t.laporan) if lap.triwulan > self.tw), len(seq))
            seq.insert(pos, self.lap_node)
            self.notes.append(f"laporan triwulan {ROMAWI[self.tw]} {self.t.tahun} belum ada di berkas: dibuat baru")
        if self.lap_node.get(name) is None:
            _put(self.lap_node, name, CommentedMap(), list(Laporan.model_fields))
        return self.lap_node[name]

    def indicator(self, row: dict) -> None:
        from ruamel.yaml.comments import CommentedMap

        iid = row["id"]
        ind = self.indicators.get(iid)
        if ind is None:
            self.problems.add(row["@id"], f"id indikator '{iid}' tidak ada di perjanjian kinerja berkas ini; jangan mengubah kolom id")
            return
        node, fields = self.nodes[iid], list(Indikator.model_fields)
        # The indicator's definition (the Perjanjian Kinerja in force).
        for key in ("nomor", "sasaran", "indikator", "satuan", "target"):
            if _eq(row[key], getattr(ind, key)):
                continue
            if row[key] is not None:
                _put(node, key, _value(row[key]), fields)
            elif key == "indikator":
                self.problems.add(row["@" + key], "nama indikator tidak boleh kosong")
            else:
                _drop(node, key)
        pol = row["polaritas"] or "naik"
        if pol not in ("naik", "turun"):
            self.problems.add(row["@polaritas"], f"polaritas '{pol}' tidak dikenal; pilih naik atau turun")
        elif pol != ind.polaritas:
            _put(node, "polaritas", pol, fields)

        # The target s.d. the quarter: the report's own `target` when the file has one, else the PK's target_triwulan.
        entry = self.lap.realisasi.get(iid) if self.lap else None
        own_target = entry is not None and entry.target is not None
        if not own_target and not _eq(row["target_tw"], ind.target_triwulan.get(self.tw)):
            if row["target_tw"] is None:
                quarters = node["target_triwulan"]
                _drop(quarters, next(k for k in quarters if int(k) == self.tw))
                if not quarters:
                    _drop(node, "target_triwulan")
            else:
                if "target_triwulan" not in node:
                    _put(node, "target_triwulan", CommentedMap(), fields)
                node["target_triwulan"][self.tw] = _value(row["target_tw"])

        # The realisation: short form `id: 95,14` unless something else must be said.
        wanted = {"nilai": row["realisasi"], "na": row["na"], "target": row["target_tw"] if own_target else None, "catatan": row["catatan"]}
        if wanted["nilai"] is not None and wanted["na"] is not None:
            self.problems.add(row["@na"], "isi salah satu saja: realisasi, atau alasan data belum tersedia")
            return
        if wanted["nilai"] is None and wanted["na"] is None:
            if wanted["catatan"] is not None and entry is None:
                self.problems.add(row["@catatan"], "catatan tanpa realisasi: isi realisasinya atau alasan data belum tersedia")
            elif entry is not None:
                _drop(self.section("realisasi"), iid)  # a cleared row: no realisation for this indicator
            return
        if entry is not None and all(_eq(v, getattr(entry, k)) for k, v in wanted.items()):
            return
        real = self.section("realisasi")
        current = real.get(iid)
        if isinstance(current, dict) or any(wanted[k] is not None for k in ("na", "target", "catatan")):
            value = current if isinstance(current, dict) else CommentedMap()
            for key, v in wanted.items():
                if v is None:
                    _drop(value, key)
                elif key not in value or entry is None or not _eq(v, getattr(entry, key)):
                    _put(value, key, _value(v), list(Realisasi.model_fields))
        else:
            value = _value(wanted["nilai"])
        _put(real, iid, value, list(self.indicators))

    def budget(self, row: dict) -> None:
        from ruamel.yaml.comments import CommentedMap

        bid = row["id"]
        pos = self.budget_rows.get(bid)
        if pos is None:
            self.problems.add(row["@id"], f"id pos anggaran '{bid}' tidak ada di berkas ini; jangan mengubah kolom id")
            return
        real = self.lap.anggaran.get(bid) if self.lap else None
        if row["realisasi"] is None:
            if real is not None:
                _drop(self.section("anggaran"), bid)
            return
        target = row["target"] if row["target"] is not None else pos.pagu  # a blank target is the pagu
        if real is not None and _eq(row["realisasi"], real.realisasi) and _eq(target, real.target if real.target is not None else pos.pagu):
            return
        node = self.section("anggaran")
        entry = node.get(bid)
        if entry is None:
            entry = CommentedMap()
            entry.fa.set_flow_style()  # like the bundled data: {target: …, realisasi: …}
            _put(node, bid, entry, list(self.budget_rows))
        order = list(RealisasiAnggaran.model_fields)
        if "target" in entry or target != pos.pagu:
            _put(entry, "target", _value(target, rupiah=True), order)
        _put(entry, "realisasi", _value(row["realisasi"], rupiah=True), order)

    def narasi(self, rows: list[dict]) -> None:
        from ruamel.yaml.comments import CommentedSeq

        wanted: dict[str, list[str]] = {part: [] for part in NARASI_PARTS}
        for row in rows:
            part, text = row["bagian"], row["teks"]
            if part not in wanted:
                self.problems.add(row["@bagian"], f"bagian '{part or ''}' tidak dikenal; pilih salah satu: {', '.join(NARASI_PARTS)}")
            elif text is not None:
                wanted[part].append(text)
        for part, texts in wanted.items():
            old = list(getattr(self.lap.narasi, part)) if self.lap else []
            if texts == old:
                continue
            narasi = self.section("narasi")
            seq = narasi.get(part)
            if seq is None:
                _put(narasi, part, CommentedSeq([_value(x) for x in texts]), NARASI_PARTS)
                continue
            for i, text in enumerate(texts):  # item by item, so comments on kept items stay
                if i >= len(seq):
                    seq.append(_value(text))
                elif text != old[i]:
                    seq[i] = _value(text)
            del seq[len(texts):]


def _dump(y, tree) -> str:
    out = io.StringIO()
    y.dump(tree, out)
    return out.getvalue()


def _validate_text(text: str, like: Path) -> list[str]:
    """Schema errors of the would-be file (checked before anything is written)."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / like.name
        probe.write_text(text, encoding="utf-8")
        doc, problems = load_yaml(probe)
        if doc.data is not None:
            problems += validate_schema(doc, Tahunan)[1]
    return [f"baris {d.line}: {d.code}: {d.message.text('id')}" for d in problems]


# --------------------------------------------------------------------------- commands

def _need_libraries() -> None:
    import importlib.util

    def absent(name: str) -> bool:
        try:
            return importlib.util.find_spec(name) is None
        except ModuleNotFoundError:  # the parent of a dotted name is missing
            return True

    missing = [name for name in ("openpyxl", "ruamel.yaml") if absent(name)]
    if missing:
        raise SheetError(f"pustaka {', '.join(missing)} belum terpasang: python3 -m pip install {' '.join(missing)}")


def cmd_export(args: argparse.Namespace) -> int:
    data_dir = Path(args.data) if args.data else None
    year_file = Path(args.berkas)
    out = Path(args.output or f"{year_file.stem}-{year_file.parent.name}-tw{args.triwulan}.xlsx")
    if out.exists() and not args.force:
        print(f"{out} sudah ada; tidak ditimpa (pakai --force untuk menimpa, atau -o nama lain).")
        return 1
    try:
        _need_libraries()
        counts = export(year_file, args.triwulan, out, data_dir)
    except SheetError as e:
        print(f"kinerja spreadsheet: {e}")
        return 1
    print(f"Ditulis {out}: {counts['indikator']} indikator, {counts['anggaran']} pos anggaran, {counts['narasi']} butir narasi.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    data_dir = Path(args.data or "data")
    try:
        _need_libraries()
        plan = plan_import(Path(args.xlsx), data_dir)
    except SheetError as e:
        print(f"kinerja spreadsheet: {e}")
        return 1
    for note in plan.notes:
        print(f"Catatan: {note}.")
    if plan.problems:
        print(f"{len(plan.problems)} sel tidak dapat dibaca; tidak ada yang ditulis. Perbaiki sel berikut lalu impor lagi:")
        for p in plan.problems:
            print(f"  {p}")
        return 1
    if plan.new == plan.old:
        print(f"Tidak ada perubahan: isi lembar sama dengan {display_path(plan.path)}.")
        return 0
    errors = _validate_text(plan.new, plan.path)
    if errors:
        print("Hasil impor akan membuat berkas bergalat; tidak ada yang ditulis:")
        for e in errors:
            print(f"  {display_path(plan.path)} {e}")
        return 1
    sys.stdout.write(plan.diff())
    if not args.write:
        if not sys.stdin.isatty():
            print(f"\nBelum disimpan. Jalankan lagi dengan --write untuk menulis perubahan ini ke {display_path(plan.path)}.")
            return 0
        answer = input(f"\nTulis perubahan ini ke {display_path(plan.path)}? [y/T] ").strip().lower()
        if answer not in ("y", "ya"):
            print("Tidak ditulis.")
            return 0
    plan.path.write_text(plan.new, encoding="utf-8")
    print(f"Ditulis {display_path(plan.path)}. Jalankan `kinerja check` sebelum mengajukan perubahan.")
    return 0


def add_commands(subparsers, common) -> None:
    s = subparsers.add_parser("spreadsheet", help="ekspor/impor satu laporan triwulan ke/dari Excel (.xlsx)")
    actions = s.add_subparsers(dest="action", required=True, metavar="AKSI")
    e = actions.add_parser("export", help="tulis lembar Excel untuk satu jabatan dan satu triwulan")
    common(e)
    e.add_argument("berkas", metavar="BERKAS", help="berkas tahunan, mis. data/kota-pekalongan/dinperinaker/2025/kepala-dinas.yml")
    e.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], required=True)
    e.add_argument("-o", "--output", help="nama berkas .xlsx (bawaan: <jabatan>-<tahun>-tw<N>.xlsx)")
    e.add_argument("--force", action="store_true", help="timpa berkas .xlsx yang sudah ada")
    e.set_defaults(func=cmd_export)
    i = actions.add_parser("import", help="baca lembar Excel kembali ke berkas YAML (menampilkan perbedaan dulu)")
    common(i)
    i.add_argument("xlsx", metavar="BERKAS.xlsx")
    i.add_argument("--write", action="store_true", help="tulis tanpa bertanya (setelah menampilkan perbedaan)")
    i.set_defaults(func=cmd_import)

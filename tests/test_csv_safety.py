"""Issue 14: every CSV the site publishes is safe to open in a spreadsheet, and the JSON
keeps the exact text and the exact numbers.

A copy of the small fixture gets hostile text (cells starting with =, +, -, @, tab, CR,
a full-width sign, blanks before a sign, a single quote, and
``=HYPERLINK("http://evil.example/","Klik")``) in every kind of text field that reaches a
CSV, a realisation with more digits than a binary float holds, 1/3, and a report whose
efficiency is negative. The open-data files and the PPID files are rendered (no MkDocs);
then:

- every such text cell of every CSV starts with one single quote, numbers stay numbers;
- the JSON (API, position bundles, `kinerja compute --json`) has the exact text and the
  exact digits, and no binary-float digits anywhere;
- the real LibreOffice (headless), with the import settings the API & Data page tells users
  to choose, opens the whole-dataset CSVs and the DIP CSV with 0 formula cells and the
  hostile text as text (and, as a control, makes formulas of the same text unprotected).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from site_fixtures import copy_minimal

from generator.check import check
from generator.cli import main
from generator.compute.serialize import dumps
from generator.opendata import open_data_files
from generator.opendata.columns import INDIKATOR, TABLES
from generator.opendata.csvfile import csv_bytes
from generator.ppid.dipfiles import CSV_COLUMNS, dip_csv
from generator.site.compose import render_site

ROOT = Path(__file__).resolve().parent.parent
EVIL = '=HYPERLINK("http://evil.example/","Klik")'
# field → hostile text, each starting the way a spreadsheet could take as a formula. (The
# data's text fields lose leading blanks, tabs and CRs when loaded: those starts are tested
# on the CSV writers directly, below.)
HOSTILE = {
    "indikator": EVIL,
    "indikator2": "+Jumlah pencari kerja ditempatkan",
    "indikator3": "-Tingkat Partisipasi Angkatan Kerja",
    "sasaran": "@SUM(1+1)*cmd|' /C calc'!A0",
    "satuan": "+indeks",
    "penjelasan": "=1+1",
    "sumber_data": "＝1+1 (tanda sama dengan lebar penuh)",
    "penanggung_jawab": "－2 (tanda minus lebar penuh)",
    "nomor": "=1",
    "kelompok": "@Sasaran",
    "pembilang": "=A1",
    "penyebut": "+B1",
    "tertulis": "-(A1/B1)×100",
    "na": "=2+5 dirilis BPS",
    "program": "-Program A",
    "kegiatan": "@Kegiatan A1",
    "pos_nomor": "+1.01",
    "jabatan": "@Kepala Bidang A",
    "unit": "=Bidang A",
    "pemangku": "'SITI AMINAH, SE",
    "sumber_dokumen": "=Laporan Kinerja 2025",
    "dip_ringkasan": EVIL + " DIP",
    "dip_pejabat": "+Sekretariat",
    "dip_pj": "-Sekretaris",
    "dip_waktu": "@Kota Contoh, 2021",
    "dip_simpan": "＠5 tahun",
}
# in the per-agency and whole-dataset CSVs (the DIP texts are in dip.csv only)
IN_OPEN_DATA = {k: v for k, v in HOSTILE.items() if not k.startswith("dip_")}
PRECISE = "12345678901.234567"  # 17 digits (6 decimals, as check allows): more than a binary float keeps
FLOAT = "12345678901.234568"  # what float(PRECISE) would write
# Sign characters at the start of a cell (or after blanks) that a spreadsheet may run
SIGNS = "=+-@＝＋－＠"
NUMERIC = {"integer", "number", "persen", "rupiah"}
CSV_IMPORT = "CSV:44,34,76,1,,1033"  # as test_libreoffice: UTF-8, comma, English (US) numbers


def _edit(path: Path, change) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _hostile_data(tmp_path: Path) -> Path:
    data = copy_minimal(tmp_path)
    agency = data / "kota-contoh" / "dinas-contoh"

    def perangkat(doc):
        doc["unit"][1]["nama"] = HOSTILE["unit"]
        doc["sumber_dokumen"][0]["judul"] = HOSTILE["sumber_dokumen"]

    def kabid(doc):
        doc["jabatan"] = HOSTILE["jabatan"]
        doc["pemangku"][0]["nama"] = HOSTILE["pemangku"]

    def year(doc):
        ikm, pencari, tpak = doc["perjanjian_kinerja"][0]["indikator"]
        ikm.update(
            indikator=HOSTILE["indikator"],
            sasaran=HOSTILE["sasaran"],
            satuan=HOSTILE["satuan"],
            penjelasan=HOSTILE["penjelasan"],
            sumber_data=HOSTILE["sumber_data"],
            penanggung_jawab=HOSTILE["penanggung_jawab"],
            nomor=HOSTILE["nomor"],
            kelompok=HOSTILE["kelompok"],
            formula={
                "jenis": "rasio_x100",
                "pembilang": HOSTILE["pembilang"],
                "penyebut": HOSTILE["penyebut"],
                "tertulis": HOSTILE["tertulis"],
            },
        )
        pencari["indikator"] = HOSTILE["indikator2"]
        tpak["indikator"] = HOSTILE["indikator3"]
        doc["perjanjian_kinerja"][0]["indikator"] += [
            {"id": "sepertiga", "indikator": "Satu per tiga", "target": 3, "satuan": "kali"},
            {"id": "presisi", "indikator": "Banyak digit", "target": 10_000_000_000, "satuan": "kali"},
        ]
        program = doc["anggaran"][0]
        program.update(nama=HOSTILE["program"], nomor=HOSTILE["pos_nomor"])
        program["rincian"][0]["nama"] = HOSTILE["kegiatan"]
        for lap in doc["laporan"]:
            lap["realisasi"]["tpak"] = {"na": HOSTILE["na"]}
            lap["realisasi"]["sepertiga"] = 1
            lap["realisasi"]["presisi"] = "PRESISI"
            lap.pop("tercetak", None)
        doc["laporan"][1]["realisasi"].update(ikm=20, **{"pencari-kerja": 350})  # capaian far below the budget's
        # that TW II figure is below TW I's, a cumulative decrease the policy must explain
        doc["laporan"][1].setdefault("kebijakan", {})["penurunan_kumulatif"] = {"alasan": "Uji: angka TW I dikoreksi turun"}

    _edit(agency / "perangkat-daerah.yml", perangkat)
    _edit(agency / "jabatan" / "kepala-bidang-a.yml", kabid)
    _edit(agency / "2025" / "kepala-dinas.yml", year)
    # a YAML number, written with every digit (safe_dump would quote a string)
    kd = agency / "2025" / "kepala-dinas.yml"
    kd.write_text(kd.read_text(encoding="utf-8").replace("PRESISI", PRECISE), encoding="utf-8")
    ppid = agency / "ppid"
    ppid.mkdir()
    entry = {
        "id": "renstra",
        "ringkasan_isi": HOSTILE["dip_ringkasan"],
        "pejabat_unit": HOSTILE["dip_pejabat"],
        "penanggung_jawab": HOSTILE["dip_pj"],
        "waktu_tempat": HOSTILE["dip_waktu"],
        "jangka_waktu_penyimpanan": HOSTILE["dip_simpan"],
        "klasifikasi": "berkala",
    }
    (ppid / "dip.yml").write_text(yaml.safe_dump({"entri": [entry]}, allow_unicode=True), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = _hostile_data(tmp_path_factory.mktemp("hostile"))
    result = check(data)
    assert not result.errors, [d.format("en") for d in result.errors]
    files = render_site(result, open_data=open_data_files(result)).files
    return data, files


def _csvs(files) -> dict[str, list[list[str]]]:
    out = {p: list(csv.reader(io.StringIO(b.decode("utf-8-sig"), newline=""))) for p, b in files.items() if p.endswith(".csv")}
    assert len(out) >= 10
    return out


def _types(header: list[str]) -> list[str]:
    """The column types of an open-data table; dip.csv: every column is text; the tables of
    Status pelaporan and Analisis ("any"): a cell is a plain number or safe text."""
    for cols in TABLES.values():
        if [c.name for c in cols] == header:
            return [c.type for c in cols]
    if header[:2] == ["nomor", "klasifikasi"]:
        return ["string"] * len(header)
    return ["any"] * len(header)


def _formula_like(text: str) -> bool:
    return bool(text) and (text[0] in SIGNS + "\t\r\0" or text.lstrip()[:1] in set(SIGNS))


def test_every_csv_cell_is_neutralised_and_numbers_stay_numbers(built):
    _data, files = built
    quoted: set[str] = set()
    negatives = 0
    for path, rows in _csvs(files).items():
        types = _types(rows[0])
        for row in rows[1:]:
            for kind, cell in zip(types, row, strict=True):
                if kind == "any" and re.fullmatch(r"-?\d+(\.\d+)?", cell):
                    continue  # a number in an analysis table
                if kind in NUMERIC:
                    if cell:
                        Decimal(cell)  # a plain number, never quoted
                        assert re.fullmatch(r"-?\d+(\.\d+)?", cell), (path, cell)
                        negatives += cell.startswith("-")
                    continue
                assert not _formula_like(cell), (path, cell)
                if cell.startswith("'"):
                    quoted.add(cell[1:])
    assert negatives > 0, "the data should give a negative figure (efisiensi)"
    # every hostile text is in the CSVs, with exactly one quote added
    assert set(HOSTILE.values()) <= quoted, set(HOSTILE.values()) - quoted
    assert "SITI AMINAH, SE" not in quoted  # a leading ' is added once, not stripped


def test_hostile_text_in_every_open_data_csv_that_holds_it(built):
    _data, files = built
    csvs = _csvs(files)
    whole = {p: rows for p, rows in csvs.items() if p.startswith("unduh/kinerja")}
    assert {"unduh/kinerja.csv", "unduh/kinerja_ringkasan.csv", "unduh/kinerja_anggaran.csv", "unduh/kinerja_jabatan.csv"} <= set(
        whole
    )
    cells = {c for rows in whole.values() for row in rows for c in row}
    for text in IN_OPEN_DATA.values():
        assert "'" + text in cells and text not in cells, text
    indicator = [r for r in csvs["unduh/kinerja.csv"] if EVIL in "".join(r)]
    assert indicator and all("'" + EVIL in r for r in indicator)
    dip = next(rows for p, rows in csvs.items() if p.endswith("ppid/dip.csv"))
    dip_cells = {c for row in dip for c in row}
    for key in ("dip_ringkasan", "dip_pejabat", "dip_pj", "dip_waktu", "dip_simpan"):
        assert any(c.startswith("'" + HOSTILE[key]) for c in dip_cells), key


def _strings(doc, found: set[str]) -> set[str]:
    if isinstance(doc, str):
        found.add(doc)
    elif isinstance(doc, dict):
        for v in doc.values():
            _strings(v, found)
    elif isinstance(doc, list):
        for v in doc:
            _strings(v, found)
    return found


NUMBER = re.compile(r"(?<=[\[:,\s])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?=[,\s\]}])")


def _number_literals(text: str) -> list[str]:
    """Every number literal of a JSON text (strings blanked out first)."""
    return NUMBER.findall(re.sub(r'"(?:[^"\\]|\\.)*"', '""', text))


def test_json_keeps_exact_text_and_exact_numbers(built):
    _data, files = built
    docs = {p: b.decode("utf-8") for p, b in files.items() if p.endswith(".json") and p.startswith(("api/", "unduh/"))}
    assert sum(p.startswith("api/v1/laporan/") for p in docs) >= 2
    strings: set[str] = set()
    literals: list[str] = []
    for text in docs.values():
        _strings(json.loads(text), strings)
        literals += _number_literals(text)
    for text in IN_OPEN_DATA.values():
        assert text in strings and "'" + text not in strings, text
    # exact digits: the realisation as written, 1/3 as the 6-decimal figure, never a binary float
    assert PRECISE in literals and FLOAT not in literals
    assert "33.333333" in literals and "33.33" in literals
    long = {x for x in literals if len(x.lstrip("-").replace(".", "").lstrip("0")) > 15}
    assert long == {PRECISE}, long
    assert not [x for x in literals if "e" in x.lower()]
    report = json.loads(docs["api/v1/laporan/kota-contoh/dinas-contoh/kepala-dinas/2025-tw4.json"], parse_float=Decimal)
    rows = {r["id"]: r for r in report["indikator"]}
    assert rows["presisi"]["realisasi"] == Decimal(PRECISE)
    assert rows["sepertiga"]["capaian"] == Decimal("33.33")
    assert rows["sepertiga"]["capaian_tanpa_pembulatan"] == Decimal("33.333333")
    assert rows["ikm"]["indikator"] == EVIL
    assert report["efisiensi"] < 0


def test_compute_json_is_exact(built, capsys):
    data, _files = built
    assert main(["compute", "--json", "--data", str(data)]) == 0
    text = capsys.readouterr().out
    literals = _number_literals(text)
    assert PRECISE in literals and FLOAT not in literals and "33.333333" in literals
    assert EVIL in _strings(json.loads(text), set())


# --------------------------------------------------------------------------- the writers themselves

# text as written → CSV cell (by hand, from the rule on the API & Data page)
CELLS = {
    "=1+1": "'=1+1",
    "+62 812": "'+62 812",
    "-5": "'-5",  # in a text column, text
    "@SUM(A1)": "'@SUM(A1)",
    "\t=1+1": "'\t=1+1",
    "\tteks": "'\tteks",
    "\r\nteks": "'\r\nteks",
    "\x00teks": "'\x00teks",
    "  =1+1": "'  =1+1",
    "\n@x": "'\n@x",
    "＝1+1": "'＝1+1",
    "＋1": "'＋1",
    "－1": "'－1",
    "＠x": "'＠x",
    "'kutip": "''kutip",
    "Indeks = 1": "Indeks = 1",
    "a-b": "a-b",
    "  teks": "  teks",
    "": "",
}


def test_text_cells_of_the_writers():
    rows = [
        {"indikator": text, "sasaran": text, "realisasi": Decimal("-12.5"), "tahun": 2025, "dihitung_dalam_rata_rata": True}
        for text in CELLS
    ]
    got = list(csv.reader(io.StringIO(csv_bytes(INDIKATOR, rows).decode("utf-8-sig"), newline="")))
    col = {name: i for i, name in enumerate(got[0])}
    assert [(r[col["indikator"]], r[col["sasaran"]]) for r in got[1:]] == [(v, v) for v in CELLS.values()]
    assert {(r[col["realisasi"]], r[col["tahun"]], r[col["dihitung_dalam_rata_rata"]]) for r in got[1:]} == {
        ("-12.5", "2025", "true")
    }
    records = [dict.fromkeys(CSV_COLUMNS, text) for text in CELLS]
    got = list(csv.reader(io.StringIO(dip_csv(records).decode("utf-8-sig"), newline="")))
    assert got[0] == list(CSV_COLUMNS)
    assert got[1:] == [[v] * len(CSV_COLUMNS) for v in CELLS.values()]


def test_json_writer():
    plain = {"a": [1, -2, {"b": None, "c": True, "d": False, "e": 'é"\\\n\x00\u2028', "f": [], "g": {}}], "h": "x"}
    for doc in (plain, [], {}, "s", 5, None, [[]], {"k": [{}]}):
        assert dumps(doc) == json.dumps(doc, ensure_ascii=False, indent=2)
    exact = {"x": Decimal("12345678901.234567"), "y": Decimal("101.720000"), "z": Decimal("-0.50"), "w": Decimal("1E+3")}
    assert dumps(exact) == '{\n  "x": 12345678901.234567,\n  "y": 101.72,\n  "z": -0.5,\n  "w": 1000\n}'
    with pytest.raises(TypeError):
        dumps({"x": 0.1})


# --------------------------------------------------------------------------- LibreOffice


def _soffice() -> str:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    assert exe, "LibreOffice is not installed: `apt-get install libreoffice-calc-nogui` (see .ci/run)"
    return exe


def test_libreoffice_opens_the_csvs_with_no_formula(built, tmp_path):
    """The import settings of the API & Data page's LibreOffice section: UTF-8, English
    (US), comma. The control CSV (the same text unprotected) must give formulas, or the
    test would prove nothing."""
    _data, files = built
    page = (ROOT / "content" / "api-dan-data.md").read_text(encoding="utf-8")
    assert "**Set karakter: Unicode (UTF-8)**" in page and "**Bahasa: Inggris (AS)**" in page and "**Koma**" in page
    src = tmp_path / "csv"
    src.mkdir()
    names = ["kinerja.csv", "kinerja_ringkasan.csv", "kinerja_anggaran.csv", "kinerja_jabatan.csv"]
    for name in names:
        (src / name).write_bytes(files[f"unduh/{name}"])
    (src / "dip.csv").write_bytes(next(b for p, b in files.items() if p.endswith("ppid/dip.csv")))
    control = io.StringIO()
    csv.writer(control, lineterminator="\r\n").writerows([["teks"], [EVIL], ["=1+1"]])
    (src / "kontrol.csv").write_text("\ufeff" + control.getvalue(), encoding="utf-8")
    out = tmp_path / "xlsx"
    subprocess.run(
        [
            _soffice(),
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profil",
            f"--infilter={CSV_IMPORT}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *[str(src / n) for n in [*names, "dip.csv", "kontrol.csv"]],
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    kontrol = openpyxl.load_workbook(out / "kontrol.xlsx").active
    assert [c.data_type for c in kontrol["A"]][1:] == ["f", "f"], "LibreOffice should make formulas of the unprotected text"

    texts: set[str] = set()
    formulas, numbers, negatives = [], 0, 0
    for name in [*names, "dip.csv"]:
        ws = openpyxl.load_workbook(out / name.replace(".csv", ".xlsx")).active
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or c.hyperlink is not None:
                    formulas.append((name, c.coordinate, c.value))
                elif isinstance(c.value, str):
                    texts.add(c.value)
                elif isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    numbers += 1
                    negatives += c.value < 0
    assert formulas == []
    for text in HOSTILE.values():
        assert any(t.startswith("'" + text) for t in texts), text
    assert numbers > 50 and negatives > 0  # figures (the negative efficiency too) are numbers in Calc

"""Editor schemas of the PPID files and the holiday calendars: committed, referenced from
the bundled files, accepting what `kinerja check` accepts and underlining what it refuses."""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.check import check
from generator.load import load_yaml
from generator.model import YamlNumber
from generator.staff import schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
DATA = ROOT / "data"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
KINDS = ("hari-libur", "permohonan-ppid", "dip-ppid")


def editor_view(value):
    """A loaded tree as a YAML 1.2 editor hands it over: unquoted numbers are numbers,
    dates and Indonesian decimals stay text."""
    if isinstance(value, YamlNumber):
        for kind in (int, float):
            try:
                return kind(value.replace("_", ""))
            except ValueError:
                pass
        return str(value)
    if isinstance(value, dict):
        return {str(k): editor_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [editor_view(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validators():
    out = {}
    for kind in KINDS:
        s = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert jsonschema.validators.validator_for(s) is jsonschema.Draft7Validator
        jsonschema.Draft7Validator.check_schema(s)
        out[kind] = jsonschema.Draft7Validator(s)
    return out


def errors_of(path: Path, kind: str, validators) -> list[str]:
    doc, problems = load_yaml(path)
    assert not problems, problems
    return [f"{list(e.absolute_path)}: {e.message}" for e in validators[kind].iter_errors(editor_view(doc.data))]


def test_kinds_follow_the_layout():
    data = Path("/x/data")
    assert schema.file_kind(data, data / "hari-libur/2026.yml") == "hari-libur"
    assert schema.file_kind(data, data / "kota-a/dinas-b/ppid/permohonan-2025.yml") == "permohonan-ppid"
    assert schema.file_kind(data, data / "kota-a/dinas-b/ppid/dip.yml") == "dip-ppid"
    assert schema.file_kind(data, data / "kota-a/dinas-b/ppid/catatan.yml") is None  # `check` refuses it
    assert schema.file_kind(data, data / "kota-a/wilayah.yml") == "wilayah"


def test_committed_and_referenced_from_the_bundled_files(validators):
    for kind in KINDS:
        assert kind in schema.FILE_TYPES
        assert (SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8") == schema.render(kind), (
            f"jalankan `kinerja schema`: {kind}.schema.json usang"
        )
    files = {p.relative_to(DATA).as_posix(): k for p, k in schema.data_files(DATA) if k in KINDS}
    assert files["hari-libur/2025.yml"] == "hari-libur"
    assert files["kota-pekalongan/dinperinaker/ppid/permohonan-2025.yml"] == "permohonan-ppid"
    for rel, kind in files.items():
        path = DATA / rel
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema.header_line(path, kind, SCHEMAS), rel
        assert (path.parent / first.split("$schema=")[1]).resolve() == (SCHEMAS / f"{kind}.schema.json").resolve()
        assert errors_of(path, kind, validators) == [], rel


def test_descriptions_are_indonesian_and_warn_about_personal_data():
    register = schema.generate("permohonan-ppid")
    assert "jangan pernah nama, NIK" in register["description"]
    props = register["definitions"]["Permohonan"]["properties"]
    assert "bukan identitasnya" in props["kategori_pemohon"]["description"]
    holidays = schema.generate("hari-libur")
    assert "SKB 3 Menteri" in holidays["description"]
    assert "cuti_bersama" in holidays["definitions"]["Libur"]["properties"]["jenis"]["description"]
    for kind in KINDS:
        for name, d in schema.generate(kind).get("definitions", {}).items():
            assert " the " not in d.get("description", ""), name  # no English docstring reaches the editor
    kontak = schema.generate("perangkat-daerah")["definitions"]["KontakPPID"]
    assert "PPID" in kontak["description"] and "keberatan" in kontak["properties"]["atasan_ppid"]["description"]


REGISTER = """\
tahun: 2025
permohonan:
  - nomor: "001/PPID/2025"
    tanggal_diterima: 2025-01-14
    kanal: email
    kategori_pemohon: media
    informasi_diminta: Laporan kinerja triwulan IV 2024
    keputusan: diberikan
    tanggal_dijawab: 2025-01-21
"""
HOLIDAYS = """\
tahun: 2025
dasar_hukum: SKB 3 Menteri 2025
hari:
  - {tanggal: 2025-01-01, nama: Tahun Baru 2025 Masehi}
  - {tanggal: 2025-12-26, nama: Cuti bersama Natal, jenis: cuti_bersama}
"""


@pytest.mark.parametrize(
    ("kind", "good", "old", "new", "expected"),
    [
        ("permohonan-ppid", REGISTER, "    kanal: email\n", "    kanal: wa\n", "'wa' is not one of"),
        (
            "permohonan-ppid",
            REGISTER,
            "    kategori_pemohon: media\n",
            "    kategori_pemohon: media\n    nama: Budi\n",
            "'nama' was unexpected",
        ),
        ("permohonan-ppid", REGISTER, "    keputusan: diberikan\n", "    keputusan: dikabulkan\n", "'dikabulkan'"),
        ("permohonan-ppid", REGISTER, "    kanal: email\n", "", "'kanal' is a required property"),
        ("hari-libur", HOLIDAYS, "jenis: cuti_bersama", "jenis: cuti", "'cuti' is not one of"),
        ("hari-libur", HOLIDAYS, "tanggal: 2025-01-01, ", "", "'tanggal' is a required property"),
        ("hari-libur", HOLIDAYS, "tahun: 2025\n", "tahun: 1999\n", "1999 is less than the minimum"),
    ],
    ids=["kanal", "nama-pemohon", "keputusan", "tanpa-kanal", "jenis-libur", "tanpa-tanggal", "tahun"],
)
def test_the_editor_underlines_what_check_refuses(tmp_path, validators, kind, good, old, new, expected):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    path = data / ("hari-libur/2025.yml" if kind == "hari-libur" else "kota-contoh/dinas-contoh/ppid/permohonan-2025.yml")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(good, encoding="utf-8")
    assert schema.file_kind(data, path) == kind
    assert errors_of(path, kind, validators) == []
    assert [d.format() for d in check(data).errors if path.name in d.path] == []
    assert old in good
    path.write_text(good.replace(old, new), encoding="utf-8")
    errs = errors_of(path, kind, validators)
    assert any(expected in e for e in errs), (expected, errs)
    assert [d for d in check(data).errors if path.name in d.path], "check must refuse it too"

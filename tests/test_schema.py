"""JSON Schemas of the data files: up to date, true to the loader, and referenced from each file."""

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from generator.check import check
from generator.cli import main
from generator.load import load_yaml
from generator.model import YamlNumber
from generator.staff import schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
PEKALONGAN = ROOT / "data" / "kota-pekalongan"
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"


def editor_view(value):
    """A loaded tree as a YAML 1.2 editor hands it to the schema: unquoted numbers become
    numbers, everything else (dates, `87,62`, `5.084.795.000`) stays text."""
    if isinstance(value, YamlNumber):
        text = value.replace("_", "")
        for kind in (int, float):
            try:
                return kind(text)
            except ValueError:
                pass
        return str(value)
    if isinstance(value, dict):
        return {k: editor_view(v) for k, v in value.items()}
    if isinstance(value, list):
        return [editor_view(v) for v in value]
    return value


@pytest.fixture(scope="module")
def validators():
    return {
        kind: validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))) for kind in schema.FILE_TYPES
    }


def validator(s: dict):
    cls = jsonschema.validators.validator_for(s)
    assert cls is jsonschema.Draft7Validator  # what VS Code's YAML extension supports fully
    cls.check_schema(s)
    return cls(s)


def errors_of(path: Path, kind: str, validators) -> list[str]:
    doc, problems = load_yaml(path)
    assert not problems, problems
    return [f"{list(e.absolute_path)}: {e.message}" for e in validators[kind].iter_errors(editor_view(doc.data))]


def test_committed_schemas_match_the_models():
    assert schema.stale(SCHEMAS) == [], "jalankan `kinerja schema` dan sertakan schemas/ dalam commit"
    assert main(["schema", "--check", "--out", str(SCHEMAS)]) == 0
    for kind in schema.FILE_TYPES:
        validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")))


def test_check_fails_on_a_stale_or_missing_schema(tmp_path, capsys):
    out = tmp_path / "schemas"
    assert main(["schema", "--check", "--out", str(out)]) == 1
    assert main(["schema", "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.schema.json" for k in schema.FILE_TYPES)
    assert main(["schema", "--check", "--out", str(out)]) == 0
    stale = out / "tahunan.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("kumulatif", "kumulatip"), encoding="utf-8")
    capsys.readouterr()
    assert main(["schema", "--check", "--out", str(out)]) == 1
    assert "tahunan.schema.json: skema usang" in capsys.readouterr().out


@pytest.mark.parametrize("root", [PEKALONGAN, MINIMAL], ids=["kota-pekalongan", "minimal"])
def test_every_bundled_file_validates_against_its_schema(root, validators):
    data_dir = root.parent if root == PEKALONGAN else root
    files = [(p, k) for p, k in schema.data_files(data_dir) if root in p.parents or p.parent == data_dir]
    kinds = {k for _, k in files}
    assert kinds >= {"wilayah", "perangkat-daerah", "jabatan", "tahunan"}
    failures = {str(p.relative_to(ROOT)): errs for p, k in files if (errs := errors_of(p, k, validators))}
    assert failures == {}


def test_schema_catches_what_the_editor_should_underline(tmp_path, validators):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    year = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    good = year.read_text(encoding="utf-8")
    for bad, expected in [
        (good.replace("    realisasi:\n      ikm: 90", "    realiasi:\n      ikm: 90"), "'realiasi' was unexpected"),
        (good.replace("target: 87,62", "target: 87,62 indeks"), "87,62 indeks"),
        (good.replace("pagu: 1.000.000.000\n    rincian", "pagu: Rp 1.000.000.000\n    rincian"), "Rp 1.000.000.000"),
        (good.replace("  - triwulan: 2", "  - triwulan: II"), "'II'"),
        (good.replace("  - id: ikm", "  - id: IKM Utama"), "IKM Utama"),
        (good.replace("target_triwulan: {2: 300, 4: 700}", "target_triwulan: {5: 300}"), "'5'"),
    ]:
        year.write_text(bad, encoding="utf-8")
        errs = errors_of(year, "tahunan", validators)
        assert any(expected in e for e in errs), (expected, errs)
    # numbers as YAML numbers or as Indonesian text, the short and long realisation forms
    year.write_text(
        good.replace("ikm: 95,14", 'ikm: {nilai: "95,14", catatan: survei}').replace("target: 700", 'target: "700"'),
        encoding="utf-8",
    )
    assert errors_of(year, "tahunan", validators) == []


def test_descriptions_are_indonesian():
    tahunan = schema.generate("tahunan")
    defs = tahunan["definitions"]
    assert "kumulatif" in defs["Laporan"]["properties"]["realisasi"]["description"]
    assert "naik" in defs["Indikator"]["properties"]["polaritas"]["description"]
    for name, d in defs.items():  # no English docstring reaches the editor
        assert " the " not in d.get("description", ""), name
    kebijakan = schema.generate("situs")["definitions"]["Kebijakan"]["properties"]
    assert "skor_100" in kebijakan["data_tidak_tersedia"]["description"]


def _copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    shutil.copytree(PEKALONGAN, data / "kota-pekalongan")
    return data


def _body(raw: bytes) -> bytes:
    """A file without its schema line (the bundled files already carry one)."""
    first, _, rest = raw.partition(b"\n")
    return rest if first.startswith(b"# yaml-language-server:") else raw


def test_headers_reference_the_schema_and_change_nothing_else(tmp_path):
    data = _copy_data(tmp_path)
    out = tmp_path / "schemas"
    assert main(["schema", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p, _ in schema.data_files(data)}
    # an outdated header is replaced, a CRLF file keeps its line endings
    wilayah = data / "kota-contoh/wilayah.yml"
    wilayah.write_bytes(b"# yaml-language-server: $schema=../lama.json\r\n" + before[wilayah].replace(b"\n", b"\r\n"))
    assert main(["schema", "--headers", "--data", str(data), "--out", str(out)]) == 0
    for path, kind in schema.data_files(data):
        text = path.read_bytes().decode("utf-8")
        first, rest = text.split("\n", 1)
        ref = first.rstrip("\r").removeprefix("# yaml-language-server: $schema=")
        assert ref != first and (path.parent / ref).resolve() == (out / f"{kind}.schema.json").resolve()
        if path == wilayah:
            assert first.endswith("\r") and rest.encode() == before[wilayah].replace(b"\n", b"\r\n")
        else:
            assert rest.encode() == _body(before[path]), path
    assert (
        (data / "kota-pekalongan/dinperinaker/2025/kepala-dinas.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../../../schemas/tahunan.schema.json\n# Kepala Dinas")
    )
    # idempotent
    snapshot = {p: p.read_bytes() for p, _ in schema.data_files(data)}
    assert schema.add_headers(data, out) == []
    assert snapshot == {p: p.read_bytes() for p, _ in schema.data_files(data)}
    # the data still checks without errors
    assert check(data).errors == []

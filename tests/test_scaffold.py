"""`kinerja new`: every scaffolded result passes `kinerja check`; nothing is overwritten."""

import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.check import check
from generator.cli import main
from generator.staff import schema
from generator.staff.scaffold import scalar

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
PEKALONGAN = ROOT / "data" / "kota-pekalongan"


def assert_clean(data: Path, *, warnings_ok: bool = True) -> None:
    result = check(data)
    assert result.errors == [], [d.format() for d in result.errors]
    if not warnings_ok:
        assert result.warnings == [], [d.format() for d in result.warnings]
    validators = {k: jsonschema.Draft7Validator(schema.generate(k)) for k in schema.FILE_TYPES}
    for path, kind in schema.data_files(data):  # the editor agrees with the checker
        loaded = _json_keys(yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12ish))
        assert [e.message for e in validators[kind].iter_errors(loaded)] == [], path


class _Yaml12ish(yaml.SafeLoader):
    """Dates stay text, as in a YAML 1.2 editor."""


def _json_keys(value):
    if isinstance(value, dict):
        return {str(k): _json_keys(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_keys(v) for v in value]
    return value


_Yaml12ish.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def new(*args: str, data: Path | None = None) -> int:
    return main(["new", *args, *(["--data", str(data)] if data else [])])


def test_new_site_for_another_region(tmp_path, capsys):
    site = tmp_path / "batang"
    assert new("situs", str(site), "--wilayah", "Kabupaten Batang", "--tahun", "2026") == 0
    data = site / "data"
    assert (
        (data / "kabupaten-batang/wilayah.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../schemas/wilayah.schema.json\n# Wilayah")
    )
    assert schema.stale(site / "schemas") == []  # a new site is editor-ready from the start
    wilayah = yaml.safe_load((data / "kabupaten-batang/wilayah.yml").read_text(encoding="utf-8"))
    assert wilayah == {"nama": "Kabupaten Batang", "jenis": "kabupaten", "kepala_daerah": {"jabatan": "Bupati Batang"}}
    assert not any("pekalongan" in p.as_posix() for p in data.rglob("*"))  # none of the bundled regions
    assert_clean(data, warnings_ok=False)
    # the example agency has a Perjanjian Kinerja to learn from
    year = (data / "kabupaten-batang/dinas-contoh/2026/kepala-dinas.yml").read_text(encoding="utf-8")
    assert "indikator: Indeks kepuasan masyarakat" in year and "CONTOH" in year
    capsys.readouterr()
    # never overwritten
    before = {p: p.read_bytes() for p in data.rglob("*.yml")}
    assert new("situs", str(site), "--wilayah", "Kabupaten Batang") == 1
    assert "tidak ditimpa" in capsys.readouterr().out
    assert before == {p: p.read_bytes() for p in data.rglob("*.yml")}


def test_wilayah_agency_position_year_and_quarters(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    assert new("wilayah", "kabupaten-batang", "--nama", "Kabupaten Batang", "--jenis", "kabupaten", data=data) == 0
    assert (
        new("perangkat-daerah", "kabupaten-batang/disnaker", "--nama", "Dinas Tenaga Kerja", "--singkatan", "Disnaker", data=data)
        == 0
    )
    assert (
        new(
            "jabatan",
            "kabupaten-batang/disnaker/kepala-dinas",
            "--nama",
            "Kepala Dinas Tenaga Kerja",
            "--jenis",
            "struktural",
            "--atasan-luar",
            "Bupati Batang",
            "--pemangku",
            "SITI: AMINAH, S.E.",
            "--nip",
            "197501012000032001",
            data=data,
        )
        == 0
    )
    assert (
        new(
            "jabatan",
            "kabupaten-batang/disnaker/kasubbag-umum",
            "--nama",
            "Kepala Subbagian Umum dan Kepegawaian",
            "--jenis",
            "struktural",
            "--unit",
            "subbagian-umum-kepegawaian",
            "--atasan",
            "kepala-dinas",
            data=data,
        )
        == 0
    )
    assert_clean(data)
    agency = data / "kabupaten-batang/disnaker"
    # a PK without a previous year, from the position file
    assert new("tahun", str(agency / "jabatan/kasubbag-umum.yml"), "--tahun", "2025") == 0
    assert (agency / "2025/kasubbag-umum.yml").is_file()
    assert_clean(data)
    # next year from a year file: indicators copied, no realisation
    source = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    assert new("tahun", str(source)) == 0
    target = data / "kota-contoh/dinas-contoh/2026/kepala-dinas.yml"
    text = target.read_text(encoding="utf-8")
    loaded = yaml.safe_load(text)
    assert loaded["laporan"] == [] and [i["id"] for i in loaded["perjanjian_kinerja"][0]["indikator"]] == [
        "ikm",
        "pencari-kerja",
        "tpak",
    ]
    assert "target: 87,62  # target 2025: ganti dengan target tahun ini" in text
    assert "pagu: 1.000.000.000  # pagu 2025" in text
    assert_clean(data)
    capsys.readouterr()
    assert new("tahun", str(source)) == 1 and "sudah ada" in capsys.readouterr().out

    # TW I … IV of the new year, each checked as written
    for tw in (1, 2, 3, 4):
        assert new("triwulan", str(target)) == 0
        out = capsys.readouterr().out
        assert f"triwulan {['I', 'II', 'III', 'IV'][tw - 1]} ditambahkan" in out
        assert_clean(data)
    site = yaml.safe_load((data / "site.yml").read_text(encoding="utf-8"))
    assert str(site["data_per"]) == "2026-12-31"  # moved forward with each quarter
    assert new("triwulan", str(target)) == 1
    assert "kinerja new tahun" in capsys.readouterr().out


def test_quarter_prefilled_from_the_previous_one_and_fillable(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    year = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    assert new("triwulan", str(year), "--triwulan", "3") == 0
    text = year.read_text(encoding="utf-8")
    # inserted between TW II and TW IV, the previous period beside each line
    assert text.index("- triwulan: 2") < text.index("- triwulan: 3") < text.index("- triwulan: 4")
    assert "    #   ikm:  # Indeks kepuasan masyarakat — target s.d. TW III: 87,62 indeks; s.d. TW II: 90\n" in text
    assert (
        "    #   tpak:  # Tingkat Partisipasi Angkatan Kerja — target s.d. TW III: 74,49 %; s.d. TW II: n/a (dirilis BPS tahun berikutnya)\n"
        in text
    )
    assert (
        "    #   program-a: {target: 500.000.000, realisasi: }  # Program A — pagu 1.000.000.000; realisasi s.d. TW II: 450.000.000\n"
        in text
    )
    assert_clean(data)
    # staff fill in by removing "# " and writing the value: the result is valid
    filled = text.replace("    # realisasi:\n", "    realisasi:\n")
    filled = re.sub(r"    #   ikm:  # .*\n", "      ikm: 91\n", filled)
    filled = re.sub(r"    #   pencari-kerja:  # .*\n", "      pencari-kerja: 500\n", filled)
    filled = re.sub(r"    #   tpak:  # .*\n", "      tpak: {na: dirilis BPS tahun berikutnya}\n", filled)
    filled = filled.replace("    # anggaran:\n", "    anggaran:\n")
    filled = re.sub(
        r"    #   program-a: \{target: 500.000.000, realisasi: \}.*\n",
        "      program-a: {target: 750.000.000, realisasi: 700.000.000}\n",
        filled,
    )
    year.write_text(filled, encoding="utf-8")
    result = check(data)
    assert result.errors == [], [d.format() for d in result.errors]
    tw3 = next(r for *_x, r in result.reports if r.triwulan == 3)
    assert {r.id: r.realisasi for r in tw3.rows} == {"ikm": 91, "pencari-kerja": 500, "tpak": None}
    capsys.readouterr()
    assert new("triwulan", str(year), "--triwulan", "3") == 1
    assert "sudah ada" in capsys.readouterr().out


def test_bundled_positions_roll_over_to_the_next_year(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "data" / "site.yml", data / "site.yml")
    shutil.copytree(PEKALONGAN, data / "kota-pekalongan")
    agency = data / "kota-pekalongan/dinperinaker"
    for position in (
        "kepala-dinas",
        "kabid-hubungan-industrial-jaminan-sosial",
        "kasubbag-umum-kepegawaian",
        "penata-layanan-operasional-3",
    ):
        assert new("tahun", str(agency / f"2025/{position}.yml")) == 0
        assert new("triwulan", str(agency / f"2026/{position}.yml")) == 0
    result = check(data)
    assert result.errors == [], [d.format() for d in result.errors]
    text = (agency / "2026/kabid-hubungan-industrial-jaminan-sosial.yml").read_text(encoding="utf-8")
    assert "rincian:" in text and "target_triwulan:" in text  # sub-indicators and quarterly targets carried
    assert "_tertulis" not in text  # what described the 2025 document is not carried
    kd = (agency / "2026/kepala-dinas.yml").read_text(encoding="utf-8")
    assert "s.d. TW IV 2025: 95,14" in kd  # last year's realisation shown, not carried
    assert "nama: BETTY DAHFIANI DAHLAN, ST" in kd  # signatories carried from the last report


def test_position_with_unknown_unit_is_refused(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    assert (
        new(
            "jabatan",
            "kota-contoh/dinas-contoh/kasi-x",
            "--nama",
            "Kepala Seksi X",
            "--jenis",
            "struktural",
            "--unit",
            "bidang-z",
            data=data,
        )
        == 1
    )
    out = capsys.readouterr().out
    assert "unit 'bidang-z' tidak ada" in out and "bidang-a" in out
    assert not (data / "kota-contoh/dinas-contoh/jabatan/kasi-x.yml").exists()
    assert new("perangkat-daerah", "Kota Contoh/dinas", "--nama", "X", data=data) == 1
    assert "tidak sah" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "yes",
        "1",
        "87,62",
        "1.537",
        "a: b",
        "#x",
        "@x",
        "- x",
        "2025-01-01",
        "x #y",
        "Teks biasa, dengan koma",
        " spasi",
        "",
    ],
)
def test_scalars_read_back_unchanged(text):
    assert yaml.safe_load(f"k: {scalar(text)}")["k"] == text


def test_files_start_with_their_schema_reference_when_the_repository_has_schemas(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINIMAL, data)
    source = data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    assert new("tahun", str(source)) == 0  # no schemas/ yet: no header
    assert (
        not (data / "kota-contoh/dinas-contoh/2026/kepala-dinas.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server")
    )
    schema.write_all(tmp_path / "schemas")
    assert new("tahun", str(source), "--tahun", "2027") == 0
    first = (data / "kota-contoh/dinas-contoh/2027/kepala-dinas.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../../../schemas/tahunan.schema.json"
    assert schema.add_headers(data, tmp_path / "schemas") != []  # the copied fixture files had none
    assert check(data).errors == []

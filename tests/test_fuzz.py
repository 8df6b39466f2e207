"""Random and mutated YAML never produces a traceback: every problem is a diagnostic."""

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check import check
from generator.load import load_yaml
from generator.model import Jabatan, PerangkatDaerah, Situs, Tahunan, Wilayah
from generator.validate.schema import validate_schema

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
YEAR = "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
MODELS = [Situs, Wilayah, PerangkatDaerah, Jabatan, Tahunan]
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)

yaml_chars = st.lists(
    st.sampled_from(
        list("abc:-{}[],'\"#&*!|>%@`\t\n 0123456789.") + ["ikm", "realisasi", "nilai", "na: ", "\u00a0", "é", "\n  ", "- "]
    ),
    max_size=80,
).map("".join)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["87,62", "1.537", "5.084.795.000", "n/a", "2026-01-02", "1,537,000", "no", "~"]),
)
keys = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "jabatan",
            "tahun",
            "laporan",
            "realisasi",
            "triwulan",
            "indikator",
            "id",
            "target",
            "anggaran",
            "pagu",
            "perjanjian_kinerja",
            "versi",
            "tercetak",
            "kebijakan",
        ]
    ),
)
trees = st.recursive(
    scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)), max_leaves=25
)


def _assert_diagnostics_are_located(diags):
    for d in diags:
        assert d.line >= 1 and d.column >= 1 and d.code and d.message.id


@SETTINGS
@given(yaml_chars)
def test_random_text_is_reported_not_raised(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("f") / "x.yml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_yaml(path)
    _assert_diagnostics_are_located(problems)
    if doc.data is not None:
        for model in MODELS:
            _, errors = validate_schema(doc, model)
            _assert_diagnostics_are_located(errors)


@SETTINGS
@given(trees)
def test_random_structures_through_whole_check(tmp_path_factory, tree):
    root = tmp_path_factory.mktemp("d") / "data"
    shutil.copytree(FIXTURE, root)
    (root / YEAR).write_text(yaml.safe_dump(tree, allow_unicode=True), encoding="utf-8")
    result = check(root)
    _assert_diagnostics_are_located(result.diagnostics)


@SETTINGS
@given(st.data())
def test_mutated_real_file_through_whole_check(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("m") / "data"
    shutil.copytree(FIXTURE, root)
    lines = (FIXTURE / YEAR).read_text(encoding="utf-8").splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    junk = data.draw(
        st.one_of(
            yaml_chars,
            st.sampled_from(
                [
                    "      ikm: 1.537",
                    "    realiasi:",
                    "  - triwulan: 9",
                    "\t",
                    "laporan: 5",
                    "      pencari-kerja: {na: }",
                    "    kebijakan: {efisiensi: bogus}",
                ]
            ),
        )
    )
    lines[i] = junk if data.draw(st.booleans()) else lines[i] + junk
    (root / YEAR).write_text("\n".join(lines), encoding="utf-8")
    result = check(root)
    _assert_diagnostics_are_located(result.diagnostics)


def test_billion_laughs_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    path = tmp_path / "x.yml"
    path.write_text("\n".join(lines), encoding="utf-8")
    doc, problems = load_yaml(path)
    assert [p.code for p in problems] == ["YAML_SYNTAX"]


def test_binary_and_empty_files(tmp_path):
    (tmp_path / "b.yml").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "e.yml").write_text("", encoding="utf-8")
    _, problems = load_yaml(tmp_path / "b.yml")
    assert problems and problems[0].code == "YAML_SYNTAX"
    doc, problems = load_yaml(tmp_path / "e.yml")
    assert problems == [] and doc.data == {}

"""Random and mutated YAML never produces a traceback: every problem is a diagnostic.

The mutants of the real data files come from benchmarks/fuzz (the full run of issue 14:
`python3 -m benchmarks.fuzz --mutants 10000`); this suite runs a few hundred of them.
"""

import random
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.fuzz import fuzz, runner
from benchmarks.fuzz.mutate import KINDS
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


# ------------------------------------------------------------------ mutants of the real data


@pytest.mark.slow  # ~35 s: run by `make test` and CI, not by `make test-fast`
def test_mutants_of_the_real_data_files_raise_nothing(tmp_path):
    """300 mutants of data/ (every kind of mutation, every kind of file) through check, the
    compute JSON, a sample through render_site and the command line: no traceback, no
    INTERNAL exit, every diagnostic located."""
    s = fuzz(300, seed=14, workers=2, render_every=20, cli_every=150, out=tmp_path / "failing")
    report = "\n".join(s.lines() + [f"#{o.index} data/{o.target} {o.kinds}: {o.failure}" for o in s.failures])
    assert s.failures == [], report
    assert s.mutants == 300
    assert set(KINDS) <= set(s.kinds), report
    assert set(runner.CATEGORIES) == set(s.categories), report
    # the mutants reach every stage: many are rejected with diagnostics, many pass and are computed
    assert 0.1 * s.mutants < s.accepted < 0.7 * s.mutants, report
    assert s.rendered >= 1 and s.cli >= 2, report


def test_the_fuzzer_reports_an_escaping_exception_and_restores_the_file(tmp_path, monkeypatch):
    def broken(root, load):
        raise ZeroDivisionError("found")

    monkeypatch.setattr(runner, "check", broken)
    worker = runner.Worker(tmp_path / "w")
    o = worker.run(seed=14, index=3, render_every=1, cli_every=10**9)
    assert o.failure and o.failure.startswith("check: Traceback") and "ZeroDivisionError: found" in o.failure
    assert o.mutant is not None and o.mutant != (runner.DATA / o.target).read_bytes()
    copy = next((tmp_path / "w").glob(f"*/{o.target}"))
    assert copy.read_bytes() == (runner.DATA / o.target).read_bytes()  # the next mutant starts from the real file


def test_mutants_are_reproducible():
    raw = (runner.DATA / "site.yml").read_bytes()
    from benchmarks.fuzz.mutate import mutate

    a = [mutate(raw, random.Random(f"7:{i}"), raw) for i in range(30)]
    b = [mutate(raw, random.Random(f"7:{i}"), raw) for i in range(30)]
    assert a == b and len({m for _, m in a}) > 20


# ------------------------------------------------------------------ what the fuzzer found


def _region_copy(tmp_path: Path, region: str) -> Path:
    root = tmp_path / "data"
    root.mkdir()
    shutil.copy2(runner.DATA / "site.yml", root / "site.yml")
    shutil.copytree(runner.DATA / "hari-libur", root / "hari-libur")
    shutil.copytree(runner.DATA / region, root / region)
    return root


def _replace_line(path: Path, old: str, new: str) -> int:
    """Replace the first line that ends with ``old``; its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.endswith(old))
    lines[i] = lines[i][: -len(old)] + new
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


def test_a_date_at_the_end_of_the_calendar_is_reported_at_its_line(tmp_path):
    """Seed 3, mutant 586: `tanggal_diterima: 9999-12-31` in a PPID register crashed check
    (OverflowError counting the answer's deadline in working days)."""
    root = _region_copy(tmp_path, "kota-pekalongan")
    register = root / "kota-pekalongan/dinperinaker/ppid/permohonan-2025.yml"
    line = _replace_line(register, "tanggal_diterima: 2025-12-17", "tanggal_diterima: 9999-12-31")
    errors = [(d.path.rsplit("/", 1)[-1], d.line, d.code) for d in check(root).errors]
    assert errors == [("permohonan-2025.yml", line, "TYPE")]


def test_an_invalid_data_per_in_site_yml_is_reported_at_its_line(tmp_path):
    """Without a valid site.yml check goes on with a stand-in (validate/assemble.py), which
    must itself stay within the dates a file may hold."""
    root = _region_copy(tmp_path, "kabupaten-gresik")
    line = _replace_line(root / "site.yml", "data_per: 2026-01-31", "data_per: 9999-12-31")
    errors = [(d.path.rsplit("/", 1)[-1], d.line, d.code) for d in check(root).errors]
    assert errors == [("site.yml", line, "TYPE")]

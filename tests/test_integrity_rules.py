"""Integrity rules of issue 14: every id, number, signatory and negative-value rule, each
planted in a copy of the small fixture and found by `check` with its code, file and line;
and what `check` accepts at the extremes of the bounds computes exactly (expected values
worked out here with fractions, not with the engine's decimals)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from generator.check import check
from generator.core.diagnostics import Diagnostic

REGION = "kota-contoh"
AGENCY = f"{REGION}/dinas-contoh"
YEAR = f"{AGENCY}/2025/kepala-dinas.yml"
POSITION = f"{AGENCY}/jabatan/kepala-bidang-a.yml"


# --------------------------------------------------------------------------- helpers


def edit(data: Path, rel: str, old: str, new: str) -> None:
    f = data / rel
    text = f.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    f.write_text(text.replace(old, new), encoding="utf-8")


def line_of(data: Path, rel: str, needle: str) -> int:
    """The 1-based line of the one line of ``rel`` that contains ``needle``."""
    lines = [i for i, text in enumerate((data / rel).read_text(encoding="utf-8").splitlines(), 1) if needle in text]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


def found(result, code: str, path_end: str, line: int) -> list[Diagnostic]:
    hits = [d for d in result.diagnostics if d.code == code and d.path.endswith(path_end) and d.line == line]
    assert hits, f"expected {code} at {path_end}:{line}; got:\n" + "\n".join(d.format() for d in result.diagnostics)
    return hits


def half_up(x: Fraction, places: int = 2) -> Decimal:
    """Round a fraction half-up (away from zero) to ``places`` decimals, in integers."""
    scaled = abs(x) * 10**places
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= Fraction(1, 2):
        whole += 1
    sign = "-" if x < 0 else ""
    return Decimal(f"{sign}{whole}").scaleb(-places)


def report(result, triwulan: int):
    (res,) = [r for *_, r in result.reports if r.triwulan == triwulan]
    return res


# --------------------------------------------------------------------------- ids: file and folder names


@pytest.mark.parametrize(
    "name, code, hint",
    [
        ("Kepala-Bidang-B", "ID_FORMAT", "kepala-bidang-b"),
        ("kepala bidang b", "ID_FORMAT", "kepala-bidang-b"),
        ("kepala_bidang_b", "ID_FORMAT", "kepala-bidang-b"),
        ("kepala-bidang-é", "ID_FORMAT", "kepala-bidang-e"),
        ("kepala\nbidang", "ID_FORMAT", "kepala-bidang"),
        ("-kepala-bidang", "ID_FORMAT", "kepala-bidang"),
        ("kepala--bidang", "ID_FORMAT", "kepala-bidang"),
        ("con", "ID_RESERVED", "con-kepala"),
        ("lpt9", "ID_RESERVED", "lpt9-kepala"),
        ("index", "ID_RESERVED", "index-kepala"),
        ("a" * 65, "ID_TOO_LONG", "a" * 64),
    ],
    ids=["upper", "space", "underscore", "unicode", "newline", "leading-hyphen", "double-hyphen", "con", "lpt9", "index", "65"],
)
def test_position_file_name_is_an_id(minimal_data, name, code, hint):
    jabatan = minimal_data / AGENCY / "jabatan"
    shutil.copy(jabatan / "kepala-bidang-a.yml", jabatan / f"{name}.yml")
    result = check(minimal_data)
    shown = name.replace("\n", "\\n")
    (d,) = found(result, code, f"jabatan/{shown}.yml", 1)
    assert d.severity == "error" and d.hint is not None and f"{hint}.yml" in d.hint.id
    assert result.dataset is not None and name not in result.dataset.regions[REGION].agencies["dinas-contoh"].positions


@pytest.mark.parametrize(
    "name, code",
    [
        ("sitemap.xml", "ID_FORMAT"),
        ("sitemap", "ID_RESERVED"),
        ("404", "ID_RESERVED"),
        ("api", "ID_RESERVED"),
        ("perbandingan", "ID_RESERVED"),
        ("Kota-Lain", "ID_FORMAT"),
        ("k" * 251, "ID_TOO_LONG"),
    ],
)
def test_region_folder_name_is_an_id(minimal_data, name, code):
    shutil.copytree(minimal_data / REGION, minimal_data / name)
    result = check(minimal_data)
    (d,) = found(result, code, f"/{name}", 1)
    assert d.severity == "error" and d.hint is not None
    assert name not in result.dataset.regions  # never read, so never built


@pytest.mark.parametrize("name, code", [("Dinas Lain", "ID_FORMAT"), ("aux", "ID_RESERVED"), ("d" * 70, "ID_TOO_LONG")])
def test_agency_folder_name_is_an_id(minimal_data, name, code):
    shutil.copytree(minimal_data / AGENCY, minimal_data / REGION / name)
    result = check(minimal_data)
    found(result, code, f"{REGION}/{name}", 1)
    assert name not in result.dataset.regions[REGION].agencies


@pytest.mark.parametrize("name, code", [("nul", "ID_RESERVED"), ("Kepala-Dinas", "ID_FORMAT")])
def test_year_file_name_is_an_id(minimal_data, name, code):
    src = minimal_data / YEAR
    shutil.copy(src, src.with_name(f"{name}.yml"))
    result = check(minimal_data)
    found(result, code if name == "nul" else "ID_CASE_CLASH", f"2025/{name}.yml", 1)


def test_year_folder_is_a_four_digit_year(minimal_data):
    shutil.copytree(minimal_data / AGENCY / "2025", minimal_data / AGENCY / "tahun-2025")
    result = check(minimal_data)
    found(result, "MISPLACED_FILE", f"{AGENCY}/tahun-2025", 1)


def test_yaml_suffix_in_upper_case_is_not_silently_skipped(minimal_data):
    jabatan = minimal_data / AGENCY / "jabatan"
    shutil.copy(jabatan / "kepala-bidang-a.yml", jabatan / "kepala-bidang-b.YML")
    result = check(minimal_data)
    (d,) = found(result, "ID_FORMAT", "jabatan/kepala-bidang-b.YML", 1)
    assert "kepala-bidang-b.yml" in d.hint.id


@pytest.mark.parametrize("where", ["jabatan", "region"])
def test_names_differing_only_in_case(minimal_data, where):
    if where == "jabatan":
        folder, good, bad = minimal_data / AGENCY / "jabatan", "kepala-dinas.yml", "Kepala-Dinas.yml"
        shutil.copy(folder / good, folder / bad)
    else:
        folder, good, bad = minimal_data, REGION, "Kota-Contoh"
        shutil.copytree(folder / good, folder / bad)
    assert {good, bad} <= {p.name for p in folder.iterdir()}  # a case-sensitive file system holds both
    result = check(minimal_data)
    (d,) = found(result, "ID_CASE_CLASH", "/" + bad, 1)
    assert good in d.message.id and d.severity == "error"
    assert not result.errors[1:], [x.format() for x in result.errors]  # the valid one is read as before


def test_same_id_as_yml_and_yaml(minimal_data):
    folder = minimal_data / AGENCY / "jabatan"
    shutil.copy(folder / "kepala-dinas.yml", folder / "kepala-dinas.yaml")
    result = check(minimal_data)
    found(result, "DUPLICATE_ID", "jabatan/kepala-dinas.yaml", 1)


def test_unit_id_and_comparison_group_used_in_addresses(minimal_data):
    agency_file = f"{AGENCY}/perangkat-daerah.yml"
    edit(minimal_data, agency_file, "  - id: bidang-a\n", "  - id: index\n")
    edit(minimal_data, POSITION, "unit: bidang-a\n", f"unit: index\nkelompok_pembanding: {'k' * 65}\n")
    result = check(minimal_data)
    found(result, "ID_RESERVED", agency_file, line_of(minimal_data, agency_file, "- id: index"))
    found(result, "ID_TOO_LONG", POSITION, line_of(minimal_data, POSITION, "kelompok_pembanding"))


# --------------------------------------------------------------------------- hidden entries and symbolic links


@pytest.mark.parametrize("name", [".hidden.yml", "..yml", ".yml", "_draft.yml"])
def test_hidden_yaml_file_is_ignored_with_a_warning(minimal_data, name):
    jabatan = minimal_data / AGENCY / "jabatan"
    (jabatan / name).write_text("jabatan: [unclosed\n", encoding="utf-8")  # would be a YAML_SYNTAX error if read
    result = check(minimal_data)
    (d,) = found(result, "ID_HIDDEN", f"jabatan/{name}", 1)
    assert d.severity == "warning"
    assert not [x for x in result.diagnostics if x.path.endswith(f"jabatan/{name}") and x.code != "ID_HIDDEN"]
    assert not result.errors


def test_hidden_folder_is_ignored_with_a_warning(minimal_data):
    shutil.copytree(minimal_data / REGION, minimal_data / ".kota-lama")
    (minimal_data / ".kota-lama" / "wilayah.yml").write_text("nama: [\n", encoding="utf-8")
    result = check(minimal_data)
    found(result, "ID_HIDDEN", "/.kota-lama", 1)
    assert not result.errors and set(result.dataset.regions) == {REGION}


@pytest.mark.parametrize("kind", ["file", "folder", "dangling", "site", "deep"])
def test_symbolic_links_are_refused_and_never_followed(minimal_data, tmp_path, kind):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = "RAHASIA-DI-LUAR-DATA"
    (outside / "kepala-bidang-b.yml").write_text(f"jabatan: {secret}\njenis: struktural\n", encoding="utf-8")
    if kind == "file":
        link = minimal_data / AGENCY / "jabatan" / "kepala-bidang-b.yml"
        link.symlink_to(outside / "kepala-bidang-b.yml")
    elif kind == "folder":
        shutil.copytree(minimal_data / REGION, outside / "kota-lain")
        (outside / "kota-lain" / "wilayah.yml").write_text(f"nama: {secret}\njenis: kota\n", encoding="utf-8")
        link = minimal_data / "kota-lain"
        link.symlink_to(outside / "kota-lain", target_is_directory=True)
    elif kind == "dangling":
        link = minimal_data / AGENCY / "2025" / "kepala-bidang-a.yml"
        link.symlink_to(outside / "missing.yml")
    elif kind == "deep":  # in a folder check does not otherwise read
        (minimal_data / AGENCY / "jabatan" / "arsip").mkdir()
        link = minimal_data / AGENCY / "jabatan" / "arsip" / "lama.yml"
        link.symlink_to(outside / "kepala-bidang-b.yml")
    else:
        (minimal_data / "site.yml").rename(outside / "site.yml")
        link = minimal_data / "site.yml"
        link.symlink_to(outside / "site.yml")
    result = check(minimal_data)
    (d,) = found(result, "SYMLINK", "/" + link.relative_to(minimal_data).as_posix(), 1)
    assert d.severity == "error" and "outside" not in d.path  # the link's own path, not its target
    everything = "\n".join(x.format() for x in result.diagnostics)
    assert secret not in everything
    if result.dataset is not None:
        assert "kota-lain" not in result.dataset.regions
        assert all(secret not in p.model.jabatan for a in result.dataset.agencies() for p in a.positions.values())


# --------------------------------------------------------------------------- numbers within bounds


@pytest.mark.parametrize(
    "old, new, code, needle",
    [
        # the realisation sizes that used to crash compute (10^20 × target), check (10^22) and build (10^28 Rupiah)
        ("ikm: 95,14", "ikm: 100000000000000000000", "NUMBER_RANGE", "ikm: 1000"),
        ("ikm: 95,14", "ikm: 10000000000000000000000", "NUMBER_RANGE", "ikm: 1000"),
        ("ikm: 95,14", "ikm: 1.0e+400", "NUMBER_RANGE", "ikm: 1.0e"),
        ("ikm: 95,14", 'ikm: "10.000.000.000.000.000"', "NUMBER_RANGE", 'ikm: "10.'),
        ("target: 87,62", "target: -10000000000000000", "NUMBER_RANGE", "target: -1"),
        (
            "program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
            "program-a: {target: 1.000.000.000, realisasi: 10000000000000000000000000000}",
            "NUMBER_RANGE",
            "realisasi: 1000",
        ),
        ("    pagu: 1.000.000.000\n    rincian", "    pagu: 10000000000000000\n    rincian", "NUMBER_RANGE", "pagu: 1000"),
        ("target: 87,62", "target: 87,1234567", "NUMBER_DECIMALS", "target: 87,1234567"),
        ("ikm: 95,14", "ikm: 0.00000001", "NUMBER_DECIMALS", "ikm: 0.0"),
        # per kind: a count (orang) and a percentage (%)
        ("target: 700\n", "target: 1000000000000\n", "NUMBER_RANGE", "target: 1000000000000"),
        (
            "tpak: {na: dirilis BPS tahun berikutnya}\n    anggaran:\n      program-a: {target: 1.000",
            "tpak: 1000000000\n    anggaran:\n      program-a: {target: 1.000",
            "NUMBER_RANGE",
            "tpak: 1000000000",
        ),
        # computed percentages: a realisation 10^10 times its target, a budget realised 10^7 times its target
        ("ikm: 95,14", "ikm: 876200000000", "NUMBER_RANGE", "ikm: 876200000000"),
        (
            "kegiatan-a1: {target: 1.000.000.000, realisasi: 946.700.000}",
            "kegiatan-a1: {target: 1, realisasi: 10000000}",
            "NUMBER_RANGE",
            "kegiatan-a1: {target: 1,",
        ),
    ],
    ids=[
        "realisation-1e20",
        "realisation-1e22",
        "exponent",
        "indonesian-text",
        "negative-too",
        "rupiah-1e28",
        "pagu-1e16",
        "decimals-target",
        "decimals-realisation",
        "count",
        "percentage",
        "computed-capaian",
        "computed-budget",
    ],
)
def test_number_beyond_its_bound_is_an_error_at_its_line(minimal_data, old, new, code, needle):
    edit(minimal_data, YEAR, old, new)
    result = check(minimal_data)  # never raises
    (d, *_) = found(result, code, YEAR, line_of(minimal_data, YEAR, needle))
    assert d.severity == "error" and d.hint is not None


def test_computed_efficiency_beyond_its_bound(minimal_data):
    """Capaian 5 × 10^8 % (within bounds) over a budget absorbed at 0,01 %: efficiency 2,5 × 10^12 %."""
    edit(minimal_data, YEAR, "ikm: 95,14", "ikm: 438100000")
    edit(
        minimal_data,
        YEAR,
        "program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
        "program-a: {target: 1.000.000.000, realisasi: 100000}",
    )
    edit(minimal_data, YEAR, "realisasi: 450.000.000", "realisasi: 50000")  # cumulative: TW II below TW IV
    result = check(minimal_data)
    res = report(result, 4)
    assert res.anggaran_total == Decimal("0.01")
    tw4_budget = [i for i, t in enumerate((minimal_data / YEAR).read_text().splitlines(), 1) if t == "    anggaran:"][1]
    (d,) = found(result, "NUMBER_RANGE", YEAR, tw4_budget)
    assert "efisiensi" in d.message.id


def test_the_largest_realisation_over_the_smallest_target_is_rejected_not_crashed(minimal_data):
    """10^16 − 10^-6 over 0,000001 is 10^24 %: computed (here with 6 decimals, 30 digits,
    more than Python's default 28) and then rejected at the realisation's line."""
    edit(minimal_data, YEAR, "target: 87,62", "target: 0,000001")
    edit(minimal_data, YEAR, "ikm: 95,14", "ikm: 9999999999999999.999999")
    edit(
        minimal_data,
        YEAR,
        "    tanggal: 2025-12-31\n",
        "    tanggal: 2025-12-31\n    kebijakan: {pembulatan_capaian: {desimal: 6}}\n",
    )
    result = check(minimal_data)
    found(result, "NUMBER_RANGE", YEAR, line_of(minimal_data, YEAR, "ikm: 9999"))
    row = next(r for r in report(result, 4).rows if r.id == "ikm")
    assert row.capaian == half_up(Fraction("9999999999999999.999999") / Fraction("0.000001") * 100, 6)


# --------------------------------------------------------------------------- what check accepts computes exactly


def test_extreme_but_valid_values_compute_exactly(minimal_data):
    r_ikm, t_ikm = "9999999999999999.999999", "1234567890.123457"  # the largest figure; capaian just below 10^9 %
    r_pk, t_pk = "9,999999", "0,000001"  # the smallest target; capaian 999.999.900 %
    edit(minimal_data, YEAR, "target: 87,62", f"target: {t_ikm}")
    edit(minimal_data, YEAR, "target_triwulan: {2: 300, 4: 700}", f'target_triwulan: {{2: 300, 4: "{t_pk}"}}')
    edit(minimal_data, YEAR, "ikm: 95,14", f"ikm: {r_ikm}")
    edit(minimal_data, YEAR, "pencari-kerja: 1537", f'pencari-kerja: "{r_pk}"')
    edit(minimal_data, YEAR, "pencari-kerja: 350", "pencari-kerja: 1")  # cumulative: TW II below TW IV
    big = "9999999999999999"  # the largest Rupiah
    edit(minimal_data, YEAR, "    pagu: 1.000.000.000\n    rincian", f"    pagu: {big}\n    rincian")
    edit(minimal_data, YEAR, "        pagu: 1.000.000.000", f"        pagu: {big}")
    edit(
        minimal_data,
        YEAR,
        "program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
        f"program-a: {{target: {big}, realisasi: {big}}}",
    )
    edit(
        minimal_data,
        YEAR,
        "kegiatan-a1: {target: 1.000.000.000, realisasi: 946.700.000}",
        f"kegiatan-a1: {{target: {big}, realisasi: 3333333333333333}}",
    )
    result = check(minimal_data)
    assert not result.errors, [d.format() for d in result.errors]
    res = report(result, 4)
    rows = {r.id: r for r in res.rows}
    c_ikm = half_up(Fraction(r_ikm) / Fraction(t_ikm) * 100)
    c_pk = half_up(Fraction("9.999999") / Fraction("0.000001") * 100)
    assert rows["ikm"].capaian == c_ikm == Decimal("810000007.29")
    assert rows["pencari-kerja"].capaian == c_pk == Decimal("999999900.00")
    assert res.rata_rata == half_up((Fraction(c_ikm) + Fraction(c_pk)) / 2)  # tpak is n/a: left out by policy
    budget = {b.id: b for b in res.budget}
    assert budget["program-a"].persen == Decimal("100.00")
    assert budget["kegiatan-a1"].persen == half_up(Fraction(3333333333333333, int(big)) * 100) == Decimal("33.33")
    assert res.anggaran_pagu == Decimal(big) and res.anggaran_realisasi == Decimal(big)
    eff = half_up((Fraction(res.rata_rata) / Fraction(res.anggaran_total) - 1) * 100)
    assert res.efisiensi == eff


def test_a_capaian_just_below_a_rounding_midpoint_rounds_down(minimal_data):
    """R ÷ T × 100 = 100,005 − 1/(1000 T), about 10^-18 below the midpoint: half-up gives 100,00."""
    target = 999_999_999_999_999  # the largest whole target below 10^15
    r = Fraction(100005 * target - 1, 10**5)  # 1.000.049.999.999.998,99994: 5 decimals, below 10^16
    assert (r * 10**6).denominator == 1 and r < 10**16
    edit(minimal_data, YEAR, "target: 87,62", f"target: {target}")
    edit(minimal_data, YEAR, "ikm: 95,14", f"ikm: {Decimal(r.numerator) / Decimal(r.denominator):f}")
    result = check(minimal_data)
    assert not result.errors, [d.format() for d in result.errors]
    row = next(x for x in report(result, 4).rows if x.id == "ikm")
    exact = r / target * 100
    assert 0 < Fraction(100005, 1000) - exact < Fraction(1, 10**17)
    assert row.capaian == half_up(exact) == Decimal("100.00")


# --------------------------------------------------------------------------- negative values


@pytest.mark.parametrize(
    "old, new, needle, code",
    [
        ("target: 87,62", "target: -87,62", "target: -87,62", "NEGATIVE_VALUE"),
        ("target_triwulan: {2: 300, 4: 700}", "target_triwulan: {2: -300, 4: 700}", "target_triwulan", "NEGATIVE_VALUE"),
        ("ikm: 95,14", "ikm: -95,14", "ikm: -95,14", "NEGATIVE_VALUE"),
        ("ikm: 95,14", "ikm: {nilai: 95, target: -1}", "ikm: {nilai: 95", "NEGATIVE_VALUE"),
        ("    pagu: 1.000.000.000\n    rincian", "    pagu: -1.000.000.000\n    rincian", "pagu: -1", "NEGATIVE_VALUE"),
        (
            "program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
            "program-a: {target: -1.000.000.000, realisasi: 946.700.000}",
            "program-a: {target: -1",
            "NEGATIVE_VALUE",
        ),
        (
            "program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
            "program-a: {target: 1.000.000.000, realisasi: -946.700.000}",
            "realisasi: -946",
            "NEGATIVE_VALUE",
        ),
    ],
    ids=["target", "target-triwulan", "realisation", "realisation-target", "pagu", "budget-target", "budget-realisation"],
)
def test_negative_value_is_an_error(minimal_data, old, new, needle, code):
    edit(minimal_data, YEAR, old, new)
    result = check(minimal_data)
    (d, *_) = found(result, code, YEAR, line_of(minimal_data, YEAR, needle))
    assert d.severity == "error"


def test_an_indicator_may_declare_negative_values(minimal_data):
    edit(minimal_data, YEAR, "        target: 87,62\n", "        target: -4\n        boleh_negatif: true\n")
    edit(minimal_data, YEAR, "ikm: 95,14", "ikm: -3")
    edit(minimal_data, YEAR, "      ikm: 90\n", "      ikm: -5\n")  # below TW IV's -3: no cumulative decrease
    result = check(minimal_data)
    assert not [d for d in result.diagnostics if d.code == "NEGATIVE_VALUE"]
    assert not result.errors
    row = next(r for r in report(result, 4).rows if r.id == "ikm")
    assert row.capaian == half_up(Fraction(-3, -4) * 100) == Decimal("75.00")


# --------------------------------------------------------------------------- indicators left out of the average


@pytest.mark.parametrize(
    "changes, needle, reason",
    [
        (
            [
                ("        satuan: indeks\n", "        satuan: indeks\n        polaritas: turun\n"),
                ("      ikm: 90\n", "      ikm: {na: belum diukur}\n"),  # 90 → 0 would be a cumulative decrease
                ("ikm: 95,14", "ikm: 0"),
            ],
            "ikm: 0",
            "realisasi_nol",
        ),
        (
            [("        target: 700\n", ""), ("target_triwulan: {2: 300, 4: 700}", "target_triwulan: {2: 300}")],
            "pencari-kerja: 1537",
            "tanpa_target",
        ),
        ([("      ikm: 95,14\n", "")], None, "tanpa_realisasi"),
    ],
    ids=["lower-is-better-zero", "no-target-this-quarter", "no-realisation"],
)
def test_indicator_left_out_without_a_policy_warns_and_is_noted_on_the_page(minimal_data, changes, needle, reason):
    for old, new in changes:
        edit(minimal_data, YEAR, old, new)
    result = check(minimal_data)
    if needle is None:  # the report's `realisasi:` block of TW IV (the second one)
        lines = [i for i, t in enumerate((minimal_data / YEAR).read_text().splitlines(), 1) if t == "    realisasi:"]
        line = lines[1]
    else:
        line = line_of(minimal_data, YEAR, needle)
    (d,) = found(result, "EXCLUDED_FROM_AVERAGE", YEAR, line)
    assert d.severity == "warning" and "tidak ikut dihitung dalam rata-rata karena" in d.message.id
    res = report(result, 4)
    left_out = [r for r in res.rows if not r.dihitung]
    assert reason in {r.pengecualian for r in left_out}
    assert res.jumlah_dihitung == len(res.rows) - len(left_out)

    from generator.site.compose import render_site

    page = render_site(result).files[f"{AGENCY}/jabatan/kepala-dinas.md"].decode("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    name = {"realisasi_nol": "Indeks kepuasan masyarakat", "tanpa_target": "Jumlah pencari kerja ditempatkan"}.get(
        reason, "Indeks kepuasan masyarakat"
    )
    assert f"Indikator {name} tidak ikut dihitung dalam rata-rata karena" in text


def test_left_out_by_policy_is_explained_but_not_warned(minimal_data):
    result = check(minimal_data)  # tpak is n/a and the default policy leaves n/a out
    assert not [d for d in result.diagnostics if d.code == "EXCLUDED_FROM_AVERAGE"]
    tpak = next(r for r in report(result, 4).rows if r.id == "tpak")
    assert tpak.pengecualian == "na" and "n/a" in (tpak.alasan_pengecualian or "")


# --------------------------------------------------------------------------- dates of reports and agreements


@pytest.mark.parametrize(
    "pk_date, reports, flagged",
    [
        ("2025-07-01", {2: "2025-06-30", 4: "2025-12-31"}, [2]),  # TW II report before its PK
        ("2026-01-15", {2: "2025-07-05", 4: "2025-12-31"}, [2, 4]),  # PK dated after its first report
        ("2025-01-02", {2: "2025-07-05", 4: "2025-12-31"}, []),
    ],
    ids=["report-before-pk", "pk-after-first-report", "in-order"],
)
def test_report_dated_before_its_pk_is_flagged(minimal_data, pk_date, reports, flagged):
    edit(minimal_data, YEAR, "  - versi: penetapan\n", f"  - versi: penetapan\n    tanggal: {pk_date}\n")
    edit(minimal_data, YEAR, "  - triwulan: 2\n", f"  - triwulan: 2\n    tanggal: {reports[2]}\n")
    edit(minimal_data, YEAR, "    tanggal: 2025-12-31\n", f"    tanggal: {reports[4]}\n")
    result = check(minimal_data)
    hits = [d for d in result.diagnostics if d.code == "REPORT_BEFORE_PK"]
    assert len(hits) == len(flagged)
    for tw in flagged:
        (d,) = found(result, "REPORT_BEFORE_PK", YEAR, line_of(minimal_data, YEAR, f"tanggal: {reports[tw]}"))
        assert d.severity == "warning" and pk_date in d.message.id


# --------------------------------------------------------------------------- signatories' NIPs

SIGNED = '''        jabatan_id: kepala-dinas
        nip: "196902031998031004"'''


@pytest.mark.parametrize(
    "nip, code, severity",
    [
        ("19690203199803100O", "NIP_FORMAT", "error"),  # a letter O
        ("19690203199803100", "NIP_LENGTH", "error"),  # 17 digits
        ("196902311998031004", "NIP_FORMAT", "warning"),  # 31 February
        ("197501012000032001", "NIP_SHARED", "warning"),  # the Kepala Bidang A's NIP under another name
    ],
    ids=["letter-o", "17-digits", "bad-date", "another-persons"],
)
def test_signatory_nip_is_checked_like_a_holders(minimal_data, nip, code, severity):
    edit(minimal_data, YEAR, SIGNED, SIGNED.replace("196902031998031004", nip))
    result = check(minimal_data)
    (d,) = found(result, code, YEAR, line_of(minimal_data, YEAR, f'nip: "{nip}"'))
    assert d.severity == severity


def test_second_signatory_and_iki_signatories_are_checked(minimal_data):
    edit(
        minimal_data,
        YEAR,
        SIGNED,
        SIGNED
        + '\n      - peran: mengetahui\n        nama: WALIKOTA CONTOH\n        jabatan: Walikota\n        nip: "196902031998031004"',
    )
    edit(
        minimal_data,
        YEAR,
        "anggaran:\n  - id: program-a",
        # the IKI sheet's signatory in the older mapping form, still read
        "iki:\n  indikator:\n    - id: ikm\n      indikator: Indeks kepuasan masyarakat\n  penandatangan:\n"
        '    pembuat:\n      nama: SITI AMINAH, SE\n      jabatan: Kepala Bidang A\n      nip: "1975010120000320"\n'
        "anggaran:\n  - id: program-a",
    )
    result = check(minimal_data)
    lines = [i for i, t in enumerate((minimal_data / YEAR).read_text().splitlines(), 1) if '"196902031998031004"' in t]
    found(result, "NIP_SHARED", YEAR, lines[-1])  # BUDI SANTOSO's NIP under the mengetahui's name
    found(result, "NIP_LENGTH", YEAR, line_of(minimal_data, YEAR, '"1975010120000320"'))


def test_bundled_data_keeps_passing():
    result = check(Path(__file__).resolve().parent.parent / "data")
    assert not result.errors, [d.format() for d in result.errors]

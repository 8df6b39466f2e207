"""A pull request shows its own problems first: on a real temporary git repository whose
clean main already carries the bundled data's warnings, a branch with five planted
mistakes gets exactly those five as annotations, errors first, and the old findings as
one count; the summary comment orders them the same way. And cumulative decreases are
errors unless a documented policy with a reason relaxes them."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from site_fixtures import git

from generator.check import check
from generator.check.own import changed_lines, split
from generator.cli import main
from generator.compute.policy import DEFAULT
from generator.core.diagnostics import Diagnostic, msg
from generator.staff import diff as kdiff

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
AGENCY = "data/kota-contoh/dinas-contoh"
YEAR = f"{AGENCY}/2025/kepala-dinas.yml"
JAB = f"{AGENCY}/jabatan/kepala-bidang-a.yml"
RUN_ENV = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "pemda/kinerja", "GITHUB_RUN_ID": "4242"}
RUN_LINK = "https://github.com/pemda/kinerja/actions/runs/4242"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    lines = [i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in t]
    assert len(lines) == 1, (needle, lines)
    return lines[0]


@pytest.fixture(scope="module")
def pr(tmp_path_factory) -> tuple[Path, set[tuple[str, int, str, str]]]:
    """main: the bundled data plus a small agency, committed; branch `usulan`: five mistakes.
    Returns the repository and the five findings the mistakes must give (file, line, code, level)."""
    repo = tmp_path_factory.mktemp("pr") / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copytree(ROOT / "data", repo / "data")
    shutil.copytree(MINIMAL / "kota-contoh", repo / "data" / "kota-contoh")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "data utama")
    git(repo, "checkout", "-qb", "usulan")
    year, jab = repo / YEAR, repo / JAB
    edit(year, "      pencari-kerja: 350\n", "      pencari-kerja: 1600\n      ikm-x: 5\n")  # 1600 > TW IV's 1537; unknown id
    edit(year, "realisasi: 450.000.000", "realisasi: 550.000.000")  # above its target 500.000.000
    edit(jab, '"197501012000032001"', '"19750101200003201"')  # 17 digits
    edit(jab, "atasan: kepala-dinas\n", "atasan: kepala-dinass\n")  # no such position
    git(repo, "commit", "-qam", "realisasi TW II dengan lima kesalahan")
    planted = {
        (YEAR, line_of(year, "ikm-x: 5"), "UNKNOWN_REF", "error"),
        # on a line the branch did not touch: TW IV is now below TW II
        (YEAR, line_of(year, "pencari-kerja: 1537"), "CUMULATIVE_DECREASE", "error"),
        (JAB, line_of(jab, "atasan: kepala-dinass"), "UNKNOWN_REF", "error"),
        (JAB, line_of(jab, '"19750101200003201"'), "NIP_LENGTH", "error"),
        (YEAR, line_of(year, "realisasi: 550.000.000"), "BUDGET_OVER", "warning"),
    }
    return repo, planted


ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=\d+,title=(\w+)::")


@pytest.mark.slow  # two checks of the whole bundled data in a git repository
def test_a_pull_request_gets_exactly_its_own_five_findings_first(pr, monkeypatch, capsys):
    repo, planted = pr
    monkeypatch.chdir(repo)
    for key, value in RUN_ENV.items():
        monkeypatch.setenv(key, value)
    git(repo, "checkout", "-q", "main")
    main_findings = check(Path("data")).diagnostics
    git(repo, "checkout", "-q", "usulan")
    assert not [d for d in main_findings if d.severity == "error"], "main must be clean for this test"
    assert len(main_findings) >= 100  # the bundled data's pre-existing warnings

    assert main(["check", "--format", "github", "--base", "main"]) == 1  # the branch has errors
    out = capsys.readouterr().out.splitlines()
    annotations = [ANNOTATION.match(line) for line in out[:5]]
    assert all(annotations), out[:6]
    got = [(m.group(2), int(m.group(3)), m.group(4), m.group(1)) for m in annotations]
    assert set(got) == planted and len(got) == 5
    assert [g[3] for g in got] == ["error"] * 4 + ["warning"]  # errors first
    assert got[:4] == sorted(got[:4])  # then by file and line
    # everything else is one notice: the old findings as a count, with where to read them all
    (notice,) = out[5:]
    # main's findings, less the one that vanished with the file's new errors (its printed
    # figures are no longer compared while the file has errors)
    old = len(main_findings) - 1
    assert notice.startswith("::notice title=Temuan lama::")
    assert f"{old} temuan lama (0 galat, {old} peringatan) sudah ada di `main`" in notice
    assert notice.endswith(f"Daftar lengkapnya: {RUN_LINK}")

    # the full list (the step summary) orders them the same way: own first, then the old ones
    assert main(["check", "--base", "main"]) == 1
    text = capsys.readouterr().out
    head, rest = text.split(f"\n{old} temuan lama (0 galat, {old} peringatan), sudah ada di `main`")
    assert head.startswith("Temuan pada bagian yang diubah (5):\n")
    listed = [ln for ln in head.splitlines() if re.match(r"^data/.+:\d+:\d+: \w+: ", ln)]
    assert [(ln.split(":")[0], int(ln.split(":")[1])) for ln in listed] == [(g[0], g[1]) for g in got]
    assert len([ln for ln in rest.splitlines() if re.match(r"^data/.+:\d+:\d+: \w+: ", ln)]) == old


def test_the_summary_comment_shows_the_same_order(pr, monkeypatch):
    repo, planted = pr
    for key, value in RUN_ENV.items():
        monkeypatch.setenv(key, value)
    md = kdiff.diff(repo / "data", "main", "usulan")
    top = md.split("### ")[0]
    assert "❌ **Data usulan memiliki 4 galat**" in top
    assert "**Temuan pada bagian yang diubah usulan ini: 4 galat, 1 peringatan**" in top
    items = [ln for ln in top.splitlines() if ln.startswith("- `data/")]
    shown = [(ln.split("`")[1], int(ln.split(" baris ")[1].split(":")[0]), ln.split("**")[1]) for ln in items]
    expected = sorted(planted, key=lambda p: (p[3] != "error", p[0], p[1]))
    assert shown == [(p[0], p[1], p[2]) for p in expected]
    assert re.search(r"ℹ️ \*\*(\d+) temuan lama\*\* \(0 galat, \1 peringatan\) sudah ada di data dasar `main`", top)
    assert f"[Daftar lengkapnya]({RUN_LINK})" in top


# --------------------------------------------------------------------------- what counts as the proposal's own


def _diag(path: str, line: int, code: str = "PRINTED_DIFFERS", text: str = "x", severity: str = "warning") -> Diagnostic:
    return Diagnostic(path, line, 1, code, msg(text), severity=severity)  # type: ignore[arg-type]


def test_changed_lines_of_insertions_replacements_and_deletions():
    old = b"a\nb\nc\nd\n"
    assert changed_lines(old, b"a\nb\nc\nd\n") == frozenset()
    assert changed_lines(old, b"a\nB\nc\nd\n") == {2}
    assert changed_lines(old, b"a\nb\nnew\nc\nd\n") == {3}
    assert changed_lines(old, b"a\nc\nd\n") == {1, 2}  # b removed: the lines on either side
    assert changed_lines(None, b"a\n") is None  # a new file: every line


def test_a_moved_finding_is_old_and_a_finding_the_change_causes_elsewhere_is_new():
    base = [_diag("data/a.yml", 10, text="tercetak 1, hasil hitung 2"), _diag("data/b.yml", 3, "UNKNOWN_REF", "x", "error")]
    head = [
        _diag("data/a.yml", 12, text="tercetak 1, hasil hitung 2"),  # two lines added above it
        _diag("data/a.yml", 20, text="tercetak 5, hasil hitung 6"),  # new, on an unchanged line
        _diag("data/b.yml", 3, "UNKNOWN_REF", "x", "error"),  # the same as before, on a line the change touched
        _diag("data/c.yml", 1, "TYPE", "y", "error"),  # in a new file
    ]
    found = split(head, base, {"data/a.yml": frozenset({1, 2}), "data/b.yml": frozenset({3}), "data/c.yml": None})
    assert [(d.path, d.line) for d in found.own] == [("data/b.yml", 3), ("data/c.yml", 1), ("data/a.yml", 20)]
    assert [(d.path, d.line) for d in found.old] == [("data/a.yml", 12)]
    # a message quoting another line ("first on line 12") is the same finding when lines move
    moved = split(
        [_diag("data/a.yml", 9, text="kunci 'x' (pertama di baris 8)")],
        [_diag("data/a.yml", 4, text="kunci 'x' (pertama di baris 3)")],
        {},
    )
    assert moved.own == [] and len(moved.old) == 1


def test_without_a_repository_every_finding_is_shown_and_said_so(minimal_data, monkeypatch, capsys):
    monkeypatch.chdir(minimal_data.parent)
    assert main(["check", "--format", "github", "--base", "main"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("::warning file=data/kota-contoh/dinas-contoh/2025/kepala-dinas.yml,")
    assert "tidak dapat membandingkan dengan 'main'" in captured.err and "semua temuan ditampilkan" in captured.err
    assert "Traceback" not in captured.err


# --------------------------------------------------------------------------- cumulative decreases


def _decrease(minimal_data: Path) -> Path:
    """ikm (an index, not a count) goes 90 → 80 from TW II to TW IV."""
    year = minimal_data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    edit(year, "      ikm: 95,14\n", "      ikm: 80\n")
    return year


def _decreases(data: Path) -> list[Diagnostic]:
    return [d for d in check(data).diagnostics if d.code == "CUMULATIVE_DECREASE"]


def test_a_cumulative_decrease_is_an_error_whatever_the_unit(minimal_data):
    year = _decrease(minimal_data)
    (d,) = _decreases(minimal_data)
    assert d.severity == "error" and d.line == line_of(year, "      ikm: 80")
    assert "realisasi 'ikm' s.d. triwulan 4 (80) lebih kecil dari realisasi s.d. triwulan 2 (90)" in d.message.id
    assert d.hint and "pengukuran: per_triwulan" in d.hint.id and "penurunan_kumulatif" in d.hint.id
    # a budget realisation too, in Rupiah as people write it
    edit(
        year,
        "      program-a: {target: 1.000.000.000, realisasi: 946.700.000}",
        "      program-a: {target: 1.000.000.000, realisasi: 400.000.000}",
    )
    budget = [d for d in _decreases(minimal_data) if "anggaran" in d.message.id]
    assert [d.severity for d in budget] == ["error"]
    assert "(Rp 400.000.000) lebih kecil dari realisasi s.d. triwulan 2 (Rp 450.000.000)" in budget[0].message.id


def test_an_indicator_measured_per_quarter_may_go_down(minimal_data):
    year = _decrease(minimal_data)
    edit(year, "        satuan: indeks\n", "        satuan: indeks\n        pengukuran: per_triwulan\n")
    assert _decreases(minimal_data) == []


POLICY = "kebijakan:\n      penurunan_kumulatif:\n        alasan: Angka TW II dikoreksi turun setelah verifikasi survei\n"


def test_the_documented_policy_makes_a_real_correction_a_warning_with_its_reason(minimal_data):
    year = _decrease(minimal_data)
    assert [d.severity for d in _decreases(minimal_data)] == ["error"]
    edit(year, "  - triwulan: 4\n", "  - triwulan: 4\n    " + POLICY)  # on the report that corrects the figure
    result = check(minimal_data)
    (d,) = [d for d in result.diagnostics if d.code == "CUMULATIVE_DECREASE"]
    assert d.severity == "warning"
    assert "diterima karena kebijakan penurunan_kumulatif: Angka TW II dikoreksi turun setelah verifikasi survei" in d.message.id
    assert not result.errors
    # not a calculation policy: the report is computed under the site's policy, unchanged
    (tw4,) = [r for *_, r in result.reports if r.triwulan == 4]
    assert tw4.policy == DEFAULT and tw4.rata_rata is not None


def test_the_policy_names_the_figures_it_allows(minimal_data):
    year = _decrease(minimal_data)
    edit(year, "  - triwulan: 4\n", "  - triwulan: 4\n    " + POLICY + "        untuk: [pencari-kerja]\n")
    assert [d.severity for d in _decreases(minimal_data)] == ["error"]  # ikm is not named
    edit(year, "        untuk: [pencari-kerja]\n", "        untuk: [pencari-kerja, ikm]\n")
    assert [d.severity for d in _decreases(minimal_data)] == ["warning"]


def test_the_policy_for_a_whole_agency_and_its_reason_is_required(minimal_data):
    _decrease(minimal_data)
    agency = minimal_data / "kota-contoh/dinas-contoh/perangkat-daerah.yml"
    agency.write_text(
        agency.read_text(encoding="utf-8") + "kebijakan:\n  penurunan_kumulatif:\n    alasan: Koreksi data BPS\n",
        encoding="utf-8",
    )
    assert [d.severity for d in _decreases(minimal_data)] == ["warning"]
    agency.write_text(
        agency.read_text(encoding="utf-8").replace("    alasan: Koreksi data BPS\n", "    untuk: [ikm]\n"), encoding="utf-8"
    )
    missing = [d for d in check(minimal_data).diagnostics if d.code == "MISSING_KEY"]
    assert missing and "kunci wajib 'alasan'" in missing[0].message.id


def test_the_policy_is_refused_for_a_whole_site(minimal_data):
    site = minimal_data / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8") + "kebijakan:\n  penurunan_kumulatif: {alasan: semua boleh turun}\n", encoding="utf-8"
    )
    bad = [d for d in check(minimal_data).errors if "penurunan_kumulatif hanya berlaku" in d.message.id]
    assert [(d.path.endswith("site.yml"), d.line) for d in bad] == [(True, line_of(site, "penurunan_kumulatif"))]


def test_the_pull_request_workflow_compares_with_the_base():
    import yaml

    wf = yaml.safe_load((ROOT / ".github" / "workflows" / "periksa-data.yml").read_text(encoding="utf-8"))
    steps = wf["jobs"]["periksa"]["steps"]
    check_step = next(s for s in steps if s.get("id") == "check")
    assert check_step["run"].strip() == 'kinerja check --format github --base "$BASE_SHA"'
    assert check_step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    summary = next(s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", "") and "kinerja check" in s["run"])
    assert 'kinerja check --base "$BASE_SHA"' in summary["run"]  # the full list the notice links to, own first
    assert summary["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"

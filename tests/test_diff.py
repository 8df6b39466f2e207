"""`kinerja diff`: the pull-request summary, on a real temporary git repository."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from site_fixtures import data_repo, git

from generator.cli import main
from generator.staff import diff as kdiff

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
YEAR = "data/kota-contoh/dinas-contoh/2025/kepala-dinas.yml"


def edit(repo: Path, path: str, *replacements: tuple[str, str]) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    file.write_text(text, encoding="utf-8")


NEW_INDICATOR = """      - id: pelatihan
        sasaran: Meningkatnya kompetensi
        indikator: Jumlah pelatihan berbasis kompetensi
        target: 10
        satuan: kali
anggaran:"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Two commits: the minimal data, then a changed realisation, a new indicator and a changed policy."""
    repo = data_repo(tmp_path, MINIMAL)
    edit(
        repo,
        YEAR,
        ("      ikm: 95,14\n", "      ikm: 96\n"),  # TW IV realisation
        ("anggaran:", NEW_INDICATOR),
        (
            "      tpak: {na: dirilis BPS tahun berikutnya}\n    anggaran:\n      program-a: {target: 1.000.000.000",
            "      tpak: {na: dirilis BPS tahun berikutnya}\n      pelatihan: 12\n    anggaran:\n      program-a: {target: 1.000.000.000",
        ),
        ("tahun: 2025\n", "tahun: 2025\nkebijakan:\n  data_tidak_tersedia: skor_100\n"),
    )
    git(repo, "commit", "-qam", "realisasi TW IV, indikator baru, kebijakan")
    return repo


def run_cli(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", "diff", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120
    )


def test_summary_of_changed_realisation_new_indicator_and_policy(repo):
    r = run_cli(repo, "HEAD~1", "HEAD", "-o", "ringkasan.md")
    assert r.returncode == 0, r.stderr
    md = (repo / "ringkasan.md").read_text(encoding="utf-8")
    assert md.startswith(kdiff.MARKER + "\n")
    assert "❌" not in md  # no errors on either side
    assert "### Kota Contoh › Dinas Contoh" in md and "#### Kepala Dinas Contoh" in md
    tw4 = md[md.index("**Laporan 2025 triwulan IV**") :]
    # 95,14 → 96 against 87,62: capaian 108,58 → 109,56; predikat stays
    assert "| Indeks kepuasan masyarakat | 87,62 indeks | 95,14 → 96 | 108,58% → 109,56% | Sangat Tinggi |" in tw4
    # the new indicator, 12 of 10 kali
    assert "| Jumlah pelatihan berbasis kompetensi *(baru)* | 10 kali | 12 | 120,00% | Sangat Tinggi |" in tw4
    # n/a is now scored 100 (the policy change), so its row changes too
    assert "| Tingkat Partisipasi Angkatan Kerja | 74,49 % | n/a | – → 100% | – → Sangat Tinggi |" in tw4
    # average (108,58 + 219,57) / 2 = 164,08 → (109,56 + 219,57 + 100 + 120) / 4 = 137,28
    assert "Rata-rata capaian kinerja: 164,08% → 137,28%, predikat tetap **Sangat Tinggi**" in tw4
    assert "(`data_tidak_tersedia`): `kecualikan` (tidak dihitung dalam rata-rata) → `skor_100`" in tw4
    # the printed 108,58 no longer matches: a new printed-vs-computed difference
    assert "⚠️ Selisih baru — capaian indikator Indeks kepuasan masyarakat: tercetak 108,58, hasil hitung 109,56" in tw4
    assert "⚠️ Selisih baru — rata-rata capaian kinerja: tercetak 164,07, hasil hitung 137,28" in tw4
    # TW II changes through the policy and the new indicator, without its realisation
    tw2 = md[md.index("**Laporan 2025 triwulan II**") : md.index("**Laporan 2025 triwulan IV**")]
    assert "| Jumlah pelatihan berbasis kompetensi *(baru)* | 10 kali | belum diisi | – | – |" in tw2
    assert (
        "**Singkatnya:** 1 indikator baru · 2 laporan berubah · 2 realisasi berubah · 2 laporan dengan kebijakan perhitungan berubah"
        " · 2 selisih baru antara angka tercetak dan hasil hitung."
    ) in md
    # the agreement itself: the new indicator and its target, once
    pk = md[md.index("**Perjanjian kinerja 2025: indikator dan target yang berubah**") : md.index("**Laporan 2025 triwulan II**")]
    assert "| Jumlah pelatihan berbasis kompetensi *(baru)* | 10 kali | – |" in pk
    assert f"- `{YEAR}` (diubah)" in md


def test_working_tree_with_errors_lists_them_first(repo):
    edit(repo, YEAR, ("      ikm: 96\n", "      ikm: 96\n      ikm: 97\n"))
    md = kdiff.diff(repo / "data", "HEAD", None)
    top = md.split("### ")[0]
    assert "❌ **Data usulan memiliki 1 galat**" in top
    line = next(ln for ln in top.splitlines() if "DUPLICATE_KEY" in ln)
    lineno = (repo / YEAR).read_text(encoding="utf-8").splitlines().index("      ikm: 97") + 1
    assert line.startswith(f"- `{YEAR}` baris {lineno}:") and "kunci 'ikm' ditulis dua kali" in line and "saran:" in line
    # the file's reports cannot be computed: said so, not reported as removed
    assert "**Laporan 2025 triwulan IV**: belum dapat dihitung karena berkasnya bergalat" in md
    assert "dihapus" not in md


def test_removed_report_and_new_position(repo):
    text = (repo / YEAR).read_text(encoding="utf-8")
    start = text.index("  - triwulan: 2\n")
    end = text.index("  - triwulan: 4\n")
    (repo / YEAR).write_text(text[:start] + text[end:], encoding="utf-8")
    jab = repo / "data/kota-contoh/dinas-contoh/jabatan/kepala-subbagian-umum.yml"
    jab.write_text(
        "jabatan: Kepala Subbagian Umum\njenis: struktural\nunit: subbag-umum\natasan: kepala-dinas\n", encoding="utf-8"
    )
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "**Laporan dihapus: 2025 triwulan II**" in md
    assert "Jabatan baru (1):\n\n- Kepala Subbagian Umum\n" in md
    assert "- `data/kota-contoh/dinas-contoh/jabatan/kepala-subbagian-umum.yml` (baru)" in md
    assert "**Singkatnya:** 1 jabatan baru · 1 laporan dihapus." in md


def test_data_text_is_escaped(repo):
    edit(
        repo,
        YEAR,
        (
            "indikator: Jumlah pelatihan berbasis kompetensi",
            'indikator: "Pelatihan | *tebal* [tautan](http://x) <b>x</b> @budi #12 `kode`"',
        ),
    )
    md = kdiff.diff(repo / "data", "HEAD~1", None)
    rows = [ln for ln in md.splitlines() if "Pelatihan" in ln and ln.startswith("|")]
    # the pipe in the name does not split a row: 3 cells in the agreement table, 5 in a report table
    assert sorted(row.count("|") - row.count("\\|") for row in rows) == [4, 6, 6]
    row = rows[-1]
    assert "\\*tebal\\*" in row and "\\[tautan\\]" in row and "&lt;b\\>" in row and "\\`kode\\`" in row
    assert "@\u200bbudi" in row and "@budi" not in row  # no one is notified by a data file
    assert "\\#\u200b12" in row  # no heading, no link to issue 12


def test_no_change(repo):
    md = kdiff.diff(repo / "data", "HEAD", "HEAD")
    assert "Tidak ada perubahan pada folder data." in md and "###" not in md


def test_unknown_revision_is_a_message(repo, monkeypatch, capsys):
    monkeypatch.chdir(repo)
    assert main(["diff", "tidak-ada", "HEAD"]) == 2
    assert "revisi 'tidak-ada' tidak ditemukan" in capsys.readouterr().err


def test_not_a_repository_is_a_message(tmp_path, monkeypatch, capsys):
    shutil.copytree(MINIMAL, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "HEAD"]) == 2
    assert "repositori git" in capsys.readouterr().err


def test_first_data_commit_compares_with_nothing(tmp_path):
    repo = tmp_path / "r"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README").write_text("x\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "awal")
    shutil.copytree(MINIMAL, repo / "data")
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "**Laporan baru: 2025 triwulan IV**" in md and "**Laporan baru: 2025 triwulan II**" in md
    assert re.search(r"\| Indeks kepuasan masyarakat \| 87,62 indeks \| 95,14 \| 108,58% \| Sangat Tinggi \|", md)


def test_new_year_agreement_and_changed_target(repo):
    from generator.staff.scaffold import new_tahun

    new_tahun(repo / YEAR, None)  # the 2026 PK, as staff start it
    edit(repo, YEAR, ("        target: 87,62\n", "        target: 88\n"))
    md = kdiff.diff(repo / "data", "HEAD", None)
    # the new year's PK beside last year's targets (the proposal's 2025, now 88)
    new_pk = md[md.index("**Perjanjian kinerja 2026 (baru), dibandingkan dengan target 2025**") :]
    assert "| Indikator | Target 2025 → 2026 | Target s.d. triwulan |" in new_pk
    assert "| Indeks kepuasan masyarakat | 88 → 87,62 indeks | – |" in new_pk
    assert "| Jumlah pencari kerja ditempatkan | 700 orang (sama) | TW II: 300, TW IV: 700 |" in new_pk
    assert "3 dari 4 indikator bertarget sama dengan tahun 2025." in new_pk
    changed = md[
        md.index("**Perjanjian kinerja 2025: indikator dan target yang berubah**") : md.index("**Laporan 2025 triwulan II**")
    ]
    assert "| Indeks kepuasan masyarakat | 87,62 → 88 indeks | – |" in changed
    assert "| Indeks kepuasan masyarakat | 87,62 → 88 indeks | 96 | 109,56% → 109,09% | Sangat Tinggi |" in md
    assert "*(baru)*" not in md  # every 2026 indicator continues one of 2025
    assert "**Singkatnya:** 1 perjanjian kinerja tahun baru · 1 indikator atau target berubah · 2 laporan berubah" in md


def test_new_year_agreement_shows_new_and_dropped_indicators(repo):
    from generator.staff.scaffold import new_tahun

    new_tahun(repo / YEAR, None)
    nxt = YEAR.replace("/2025/", "/2026/")
    text = (repo / nxt).read_text(encoding="utf-8")
    start = text.index("      - id: tpak\n")
    end = text.index('satuan: "%"\n', start) + len('satuan: "%"\n')
    text = text[:start] + text[end:]  # tpak not measured in 2026
    assert "        target: 700  #" in text
    text = text.replace("        target: 700  #", "        target: 800  #", 1)
    text = text.replace(
        "      - id: ikm\n",
        "      - id: magang\n        indikator: Jumlah peserta magang\n        target: 12\n        satuan: orang\n      - id: ikm\n",
        1,
    )
    (repo / nxt).write_text(text, encoding="utf-8")
    md = kdiff.diff(repo / "data", "HEAD", None)
    new_pk = md[md.index("**Perjanjian kinerja 2026 (baru), dibandingkan dengan target 2025**") :]
    assert "| Jumlah peserta magang *(baru)* | – → 12 orang | – |" in new_pk
    assert "| Jumlah pencari kerja ditempatkan | 700 → 800 orang |" in new_pk
    assert "| ~~Tingkat Partisipasi Angkatan Kerja~~ *(tidak ada lagi)* | 74,49 → – |  |" in new_pk


def test_errors_already_in_the_base_are_listed_too(repo):
    edit(repo, YEAR, ("      ikm: 96\n", "      ikm: 96\n      ikm: 97\n"))
    git(repo, "commit", "-qam", "galat")
    md = kdiff.diff(repo / "data", "HEAD", None)
    top = md.split("### ")[0]
    # the proposal cannot be published, but the error is not its own: it was in the base
    assert "❌ **Data usulan memiliki 1 galat**" in top
    assert "Temuan pada bagian yang diubah" not in top
    assert "ℹ️ **1 temuan lama** (1 galat, 0 peringatan) sudah ada di data dasar `HEAD`" in top
    assert "<details><summary>Galat lama</summary>" in top and top.count("**DUPLICATE_KEY**") == 1

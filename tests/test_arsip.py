"""Frozen period archives without a site build (generator/history/arsip*.py): how periods
are declared (tags, data/terbit.yml and its errors), what happens without git, in a
shallow clone and with data the generator can no longer read. Real git repositories,
built from a small copy of the bundled data. The site itself: test_arsip_site.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from site_fixtures import git

from generator.core.layout import TERBIT_FILE
from generator.history import arsip as arsip_module
from generator.history.arsip import make_archives
from generator.history.arsip_terbit import declared, read_terbit
from generator.opendata import open_data_files

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data"
REGION, AGENCY = "kota-pekalongan", "dinperinaker"
POSITIONS = ("kepala-dinas", "sekretaris", "kasubbag-umum-kepegawaian")
IKM = "      indeks-kepuasan-masyarakat: 95,14\n"  # kepala-dinas, TW IV 2025


def small_data(target: Path) -> Path:
    """site.yml, the holidays and three positions of Dinperinaker Kota Pekalongan with
    their TW IV 2025 reports, copied from the bundled data."""
    data = target / "data"
    agency = data / REGION / AGENCY
    (agency / "jabatan").mkdir(parents=True)
    (agency / "2025").mkdir()
    shutil.copy(BUNDLED / "site.yml", data)
    shutil.copytree(BUNDLED / "hari-libur", data / "hari-libur")
    shutil.copy(BUNDLED / REGION / "wilayah.yml", data / REGION)
    shutil.copy(BUNDLED / REGION / AGENCY / "perangkat-daerah.yml", agency)
    for p in POSITIONS:
        shutil.copy(BUNDLED / REGION / AGENCY / "jabatan" / f"{p}.yml", agency / "jabatan")
        shutil.copy(BUNDLED / REGION / AGENCY / "2025" / f"{p}.yml", agency / "2025")
    return data


def report_file(data: Path) -> Path:
    return data / REGION / AGENCY / "2025" / "kepala-dinas.yml"


def make_repo(target: Path) -> tuple[Path, Path, str]:
    """A repository with the small data committed once: (repo, data folder, commit)."""
    target.mkdir(parents=True, exist_ok=True)
    data = small_data(target)
    git(target, "init", "-q")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Data TW IV 2025", date="2026-01-20T09:00:00+07:00")
    return target, data, git(target, "rev-parse", "HEAD")


def correct(repo: Path, data: Path) -> str:
    """A correction after publication: IKM 95,14 → 96,14. Returns the new commit."""
    f = report_file(data)
    text = f.read_text(encoding="utf-8")
    assert text.count(IKM) == 1
    f.write_text(text.replace(IKM, IKM.replace("95,14", "96,14")), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Koreksi IKM TW IV 2025", date="2026-02-03T10:00:00+07:00")
    return git(repo, "rev-parse", "HEAD")


# --------------------------------------------------------------------------- data/terbit.yml


def test_malformed_terbit_lines_are_errors_at_their_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / TERBIT_FILE).write_text(
        "# periode yang sudah terbit\n2025-tw4: 3f2a9c1d\n2025-triwulan4: 3f2a9c1d\n2024-tw5: abcdef12\n2025-tw3: bukan-commit\n",
        encoding="utf-8",
    )
    lines, problems = read_terbit(data)
    assert [(p.slug, c, line) for p, c, line, _rel in lines] == [("2025-tw4", "3f2a9c1d", 2)]
    found = {(d.line, d.code): d for d in problems}
    assert set(found) == {(3, "TYPE"), (4, "TYPE"), (5, "TYPE")}
    assert all(d.path.endswith("data/terbit.yml") and d.severity == "error" for d in problems)
    assert "periode '2025-triwulan4' tidak dikenal" in found[(3, "TYPE")].message.id
    assert "mis. 2025-tw4" in found[(4, "TYPE")].message.id
    assert "'bukan-commit' bukan id commit" in found[(5, "TYPE")].message.id
    # the build stops on them, with the file and line in its list
    arsip = make_archives(data, tmp_path / "cache", open_data_files, note=lambda _line: None)
    assert [d.line for d in arsip.errors] == [3, 4, 5]
    assert "data/terbit.yml:5:" in arsip.errors[-1].format()


def test_terbit_file_that_is_not_a_mapping_and_a_yaml_error(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / TERBIT_FILE).write_text("- 2025-tw4\n", encoding="utf-8")
    _lines, problems = read_terbit(data)
    assert [(d.line, d.code) for d in problems] == [(1, "TYPE")]
    assert "periode: commit" in problems[0].message.id
    (data / TERBIT_FILE).write_text("2025-tw4: 3f2a9c1d\n2025-tw4: 4e5f6a7b\n", encoding="utf-8")
    _lines, problems = read_terbit(data)
    assert [(d.line, d.code) for d in problems] == [(2, "DUPLICATE_KEY")]


# --------------------------------------------------------------------------- no git, shallow, old data


def test_no_repository_means_no_archive_and_one_notice(tmp_path):
    data = small_data(tmp_path)
    (data / TERBIT_FILE).write_text("2025-tw4: 3f2a9c1d\n", encoding="utf-8")
    said: list[str] = []
    arsip = make_archives(data, tmp_path / "cache", open_data_files, note=said.append)
    assert not arsip and not arsip.errors
    assert said == ["folder data bukan bagian dari repositori git: arsip periode terbit tidak dibuat."]
    (data / TERBIT_FILE).unlink()  # nothing declared: nothing to say
    said.clear()
    assert not make_archives(data, tmp_path / "cache", open_data_files, note=said.append) and said == []


def test_shallow_clone_without_the_published_commit(tmp_path):
    repo, data, first = make_repo(tmp_path / "repo")
    correct(repo, data)
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    (clone / "data" / TERBIT_FILE).write_text(f"2025-tw4: {first}\n", encoding="utf-8")
    said: list[str] = []
    arsip = make_archives(clone / "data", tmp_path / "cache", open_data_files, note=said.append)
    assert not arsip.items and not arsip.errors
    assert len(said) == 1
    assert f"commit {first} tidak ada di salinan ini (salinan dangkal/shallow clone" in said[0]
    assert "fetch-depth: 0" in said[0] and "arsip 2025-tw4 dilewati" in said[0]
    assert not (tmp_path / "cache").exists()


def test_tag_and_terbit_line_must_agree(tmp_path):
    repo, data, first = make_repo(tmp_path / "repo")
    second = correct(repo, data)
    git(repo, "tag", "terbit/2025-tw4", first)
    git(repo, "tag", "terbit/tw4-2025", first)  # not the naming: said, ignored
    (data / TERBIT_FILE).write_text(f"2025-tw4: {second[:10]}\n2025-tw3: {first[:7]}\n", encoding="utf-8")
    decls, problems, notices = declared(data)
    assert [(d.period.slug, d.commit, d.sumber) for d in decls] == [
        ("2025-tw3", first, "data/terbit.yml baris 2"),
        ("2025-tw4", first, "tag terbit/2025-tw4"),
    ]
    assert [(d.line, d.code) for d in problems] == [(1, "DUPLICATE_PERIOD")]
    assert f"sudah ditetapkan oleh tag terbit/2025-tw4 pada commit {first[:12]}" in problems[0].message.id
    assert notices == [
        "tag terbit/tw4-2025 diabaikan: nama tag periode terbit adalah terbit/<tahun>-tw<1-4>, mis. terbit/2025-tw4."
    ]


def test_data_the_generator_cannot_read_is_skipped_not_fatal(tmp_path, monkeypatch):
    repo, data, _first = make_repo(tmp_path / "repo")
    f = report_file(data)
    f.write_text(
        f.read_text(encoding="utf-8").replace("triwulan: 4", "triwulan: 4\n    tanggal_format_lama: 1"), encoding="utf-8"
    )
    git(repo, "commit", "-q", "-am", "format lama")
    git(repo, "tag", "terbit/2025-tw4")
    said: list[str] = []
    arsip = make_archives(data, tmp_path / "cache", open_data_files, note=said.append)
    assert not arsip.items and not arsip.errors
    assert [d.period.slug for d, _why in arsip.skipped] == ["2025-tw4"]
    assert len(said) == 1 and "generator versi sekarang tidak dapat membaca data pada commit" in said[0]
    assert "UNKNOWN_KEY" in said[0] and "arsip 2025-tw4 dilewati" in said[0]
    # the same generator does not try again on every build: the reason is kept with the code's digest
    (record,) = (tmp_path / "cache").rglob("dilewati.json")
    stamp = record.stat().st_mtime_ns
    monkeypatch.setattr(arsip_module, "_make", lambda *a: pytest.fail("made again"))
    again: list[str] = []
    assert not make_archives(data, tmp_path / "cache", open_data_files, note=again.append).items
    assert again == said and record.stat().st_mtime_ns == stamp


def test_a_period_without_reports_at_that_commit_is_skipped(tmp_path):
    repo, data, _first = make_repo(tmp_path / "repo")
    git(repo, "tag", "terbit/2025-tw2")
    said: list[str] = []
    arsip = make_archives(data, tmp_path / "cache", open_data_files, note=said.append)
    assert not arsip.items
    assert said and "tidak ada laporan Triwulan II 2025 pada commit" in said[0]


@pytest.mark.parametrize("broken", ["file", "manifest"])
def test_a_damaged_stored_archive_is_made_again(tmp_path, broken):
    repo, data, _first = make_repo(tmp_path / "repo")
    git(repo, "tag", "terbit/2025-tw4")
    cache = tmp_path / "cache"
    made = make_archives(data, cache, open_data_files, note=lambda _l: None).items[0]
    assert made.made and made.files
    rel = next(iter(made.files))
    target = made.folder / ("berkas/" + rel if broken == "file" else "manifest.json")
    original = target.read_bytes()
    target.write_bytes(original[:-10])
    said: list[str] = []
    again = make_archives(data, cache, open_data_files, note=said.append).items[0]
    assert again.made and again.files == made.files and target.read_bytes() == original
    assert said == ["arsip 2025-tw4 di cache tidak utuh: dibuat ulang dari commit " + made.declared.commit[:12] + "."]


def test_kinerja_check_reports_terbit_errors(tmp_path, capsys):
    from generator.cli import main

    data = small_data(tmp_path)
    assert main(["check", "--data", str(data)]) == 0
    capsys.readouterr()
    (data / TERBIT_FILE).write_text("2025-tw4: 3f2a9c1d\n2025-tw9: 3f2a9c1d\n", encoding="utf-8")
    assert main(["check", "--data", str(data)]) == 1
    out = capsys.readouterr().out
    assert "terbit.yml:2:1: TYPE: [galat] periode '2025-tw9' tidak dikenal" in out

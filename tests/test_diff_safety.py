"""`kinerja diff` tells the truth about broken files and is safe to post as a public
comment: a file with errors is "bergalat", never "dihapus"; every file name is shown
literally, whatever it holds (new lines, headings, @mentions, HTML comments, backticks,
table pipes); NIPs are masked and no temporary path is printed; the data's as-of date is
shown old → new."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from site_fixtures import data_repo, git

from generator.staff import diff as kdiff

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "fixtures" / "minimal"
AGENCY = "data/kota-contoh/dinas-contoh"
YEAR = f"{AGENCY}/2025/kepala-dinas.yml"
NIP = "196902031998031004"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return data_repo(tmp_path, MINIMAL)


def replace(repo: Path, path: str, old: str, new: str) -> None:
    f = repo / path
    text = f.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    f.write_text(text.replace(old, new), encoding="utf-8")


# --------------------------------------------------------------------------- broken files


def test_a_year_file_with_a_syntax_error_is_broken_not_deleted(repo):
    replace(repo, YEAR, "        indikator: Indeks kepuasan masyarakat\n", "        indikator: 'Indeks kepuasan masyarakat\n")
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "dihapus" not in md
    assert "**Berkas tahun 2025 bergalat**, jadi belum dapat dibandingkan" in md
    assert "**Laporan 2025 triwulan IV**: belum dapat dihitung karena berkasnya bergalat" in md
    assert f"- `{YEAR}` (diubah, bergalat)" in md
    assert "**Temuan pada bagian yang diubah usulan ini: 1 galat, 0 peringatan**" in md and "**YAML_SYNTAX** (galat)" in md
    assert "**Singkatnya:**" not in md  # nothing was counted as removed


def test_a_position_file_with_errors_is_broken_not_deleted(repo):
    replace(repo, f"{AGENCY}/jabatan/kepala-dinas.yml", "jenis: struktural\n", "jenis: [struktural\n")
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "Jabatan dihapus" not in md and "dihapus" not in md
    assert "Jabatan yang berkasnya bergalat, belum dapat dibandingkan (1):\n\n- Kepala Dinas Contoh" in md
    assert "Angka dari berkas yang bergalat belum dapat dibandingkan" in md


def test_a_really_deleted_year_file_is_deleted(repo):
    (repo / YEAR).unlink()
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "**Berkas tahun 2025 dihapus.**" in md and f"- `{YEAR}` (dihapus)" in md
    assert "1 berkas tahunan dihapus" in md


# --------------------------------------------------------------------------- hostile file names

# name on disk → how the comment must show it (inside a code span)
HOSTILE = {
    "a\n# Diretas @budi.yml": "a\\n# Diretas @budi.yml",  # a new line starting a heading, a mention
    "b <!-- sembunyi.yml": "b <!-- sembunyi.yml",  # an unclosed HTML comment would hide the rest
    "c `kode` ``x``.yml": "c `kode` ``x``.yml",  # backticks would close the code span
    "d | e | f.yml": "d | e | f.yml",  # table pipes
    "#12 @tim-keamanan.yml": "#12 @tim-keamanan.yml",  # an issue reference and a team mention
    f"g {NIP}.yml": "g 19690203 ****** * ***.yml",  # a NIP, masked as the site shows it
    "h\r\n## Judul palsu\u202e.yml": "h\\r\\n## Judul palsu\\u202e.yml",  # CR LF, a heading, right-to-left override
}
ALLOWED_HTML = {
    "<!-- kinerja-diff -->",
    "<details>",
    "<summary>",
    "</summary>",
    "</details>",
    "<sub>",
    "</sub>",
    "<code>",
    "</code>",
}


def _tokens(md: str):
    parser = MarkdownIt("commonmark").enable("table")
    for tok in parser.parse(md):
        yield tok
        yield from tok.children or []


def test_hostile_file_names_are_shown_literally(repo):
    folder = repo / AGENCY / "jabatan"
    for name in HOSTILE:
        (folder / name).write_text(f"jabatan: Uji\njenis: struktural\nunit: {NIP}\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "nama berkas aneh")
    md = kdiff.diff(repo / "data", "HEAD~1", "HEAD")
    tokens = list(_tokens(md))
    headings = [md.splitlines()[t.map[0]] for t in tokens if t.type == "heading_open"]
    assert headings == ["## Ringkasan perubahan data kinerja"]  # no heading came out of a file name
    html = "".join(t.content for t in tokens if t.type in ("html_inline", "html_block"))
    assert set(re.findall(r"<[^>]*>", html)) <= ALLOWED_HTML, html
    assert html.count("<!--") == 1  # the marker only: no comment hides the rest
    plain = " ".join(t.content for t in tokens if t.type == "text")
    for needle in ("@budi", "@tim-keamanan", "#12"):
        assert needle not in plain, needle  # only inside code spans, where GitHub links and notifies no one
    spans = {t.content for t in tokens if t.type == "code_inline"}
    for name, shown in HOSTILE.items():
        assert f"{AGENCY}/jabatan/{shown}" in spans, name
    # every changed-file line is one list item: nothing broke out of it
    listed = md.split("Berkas data yang berubah (7)</summary>")[1].split("</details>")[0].strip().splitlines()
    assert len(listed) == 7 and all(ln.startswith("- `") and ln.endswith("(baru, bergalat)") for ln in listed)
    # public: the NIP masked, no temporary folder
    assert NIP not in md and "19690203 ****** * ***" in md
    assert "/tmp" not in md and "kinerja-diff-" not in md and str(repo) not in md


# --------------------------------------------------------------------------- the as-of date


def test_the_data_date_is_shown_old_to_new(repo):
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "Tanggal data (`data_per`): 31 Desember 2025." in md
    replace(repo, "data/site.yml", "data_per: 2025-12-31", "data_per: 2026-03-31")
    md = kdiff.diff(repo / "data", "HEAD", None)
    assert "Tanggal data (`data_per`): **31 Desember 2025 → 31 Maret 2026**." in md

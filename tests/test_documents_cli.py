"""`kinerja dokumen` (issue 18): public copies with masked NIPs, copies for signing with the
full NIP only where asked and never inside the site output, and documents made again only
when their content changed (the cache)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from generator.cli import main
from generator.documents.commands import signing_folder_problem

ROOT = Path(__file__).resolve().parent.parent
LKJ = "kota-pekalongan/dinperinaker/kota-pekalongan_dinperinaker_kepala-dinas_lkj_2025-tw4.pdf"
NIP_FULL = "19690203 199803 2 004"  # the Kepala Dinas's NIP, grouped as the site shows it


def _text(path: Path) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_signing_copies_inside_the_site_are_refused(tmp_path, capsys):
    site = tmp_path / "site"
    code = main(
        [
            "dokumen",
            "--data",
            str(ROOT / "data"),
            "-o",
            str(tmp_path / "pub"),
            "--situs",
            str(site),
            "--build-dir",
            str(tmp_path / "build"),
            "--untuk-tanda-tangan",
            str(site / "ttd"),
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "di dalam folder situs" in err and "NIP lengkap" in err and "tidak boleh ikut diterbitkan" in err
    assert not (site / "ttd").exists() and not (tmp_path / "pub").exists()  # refused before anything is written
    assert signing_folder_problem(tmp_path / "build" / "docs" / "x", site, tmp_path / "build" / "docs")
    assert signing_folder_problem(tmp_path / "ttd", site, tmp_path / "build" / "docs") is None


def test_public_copy_is_masked_signing_copy_is_full_and_cache_reuses(tmp_path, capsys):
    pub, ttd, build = tmp_path / "pub", tmp_path / "ttd", tmp_path / "build"
    args = ["dokumen", "--data", str(ROOT / "data"), "-o", str(pub), "--build-dir", str(build), "--jabatan", "kepala-dinas"]
    assert main([*args, "--situs", str(tmp_path / "site"), "--untuk-tanda-tangan", str(ttd)]) == 0
    first = capsys.readouterr().out
    public, signing = _text(pub / LKJ), _text(ttd / LKJ)
    assert "NIP. 19690203 ****** * ***" in public and NIP_FULL not in public
    assert f"NIP. {NIP_FULL}" in signing
    assert (pub / LKJ.replace(".pdf", ".docx")).is_file() and (ttd / LKJ.replace(".pdf", ".docx")).is_file()
    made = int(first.split(": ", 1)[1].split(" dibuat")[0])
    assert made == 4  # Pekalongan's LKj TW IV 2025 and PK 2025, the IKI sheets of Probolinggo 2023 and Gresik 2017
    before = (pub / LKJ).read_bytes()
    assert main(args) == 0  # again: every document from the cache, the same bytes
    assert ": 0 dibuat" in capsys.readouterr().out
    assert (pub / LKJ).read_bytes() == before

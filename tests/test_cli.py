"""The `kinerja` command as staff and CI use it: exit codes, formats, languages, JSON shape."""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def spawn(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m generator …` as its own process, as staff and CI run it."""
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The same command through ``generator.cli.main`` in this process (no interpreter start
    and imports per call); the exit code is what `python -m generator` exits with
    (``sys.exit(main())``), stdout and stderr as written. The process-level behaviour
    (the interpreter's exit, no traceback on stderr) is checked with ``spawn``."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(cwd):
        try:
            code = main(list(args))
        except SystemExit as e:  # argparse's own exits (usage errors, --help)
            code = e.code if isinstance(e.code, int) else 0 if e.code is None else 1
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_valid_data_exits_0_with_warnings_listed(minimal_data):
    r = run("check", "--data", str(minimal_data))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "PRINTED_DIFFERS" in r.stdout and "[peringatan]" in r.stdout
    assert "0 galat, 1 peringatan" in r.stdout


def test_strict_fails_on_warnings(minimal_data):
    assert run("check", "--strict", "--data", str(minimal_data)).returncode == 1


def test_errors_exit_1_and_every_problem_is_listed(minimal_data):
    year = minimal_data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    text = year.read_text(encoding="utf-8")
    text = text.replace("      ikm: 95,14\n", "      ikm: 95,14\n      ikm: 96\n").replace(
        "    realisasi:\n      ikm: 90", "    realiasi:\n      ikm: 90"
    )
    year.write_text(text, encoding="utf-8")
    jab = minimal_data / "kota-contoh/dinas-contoh/jabatan/kepala-bidang-a.yml"
    jab.write_text(jab.read_text(encoding="utf-8").replace('"197501012000032001"', '"19750101200003201"'), encoding="utf-8")
    r = run("check", "--data", str(minimal_data))
    assert r.returncode == 1
    for code in ("DUPLICATE_KEY", "NIP_LENGTH"):
        assert code in r.stdout
    assert "Traceback" not in r.stdout + r.stderr
    line = next(ln for ln in r.stdout.splitlines() if "DUPLICATE_KEY" in ln)
    path, lineno, col, *_ = line.split(":")
    assert path.endswith("kepala-dinas.yml") and int(lineno) > 0 and int(col) > 0


def test_english_messages(minimal_data):
    r = run("check", "--lang", "en", "--data", str(minimal_data))
    assert "printed" in r.stdout and "[warning]" in r.stdout and "hint:" in r.stdout


def test_json_and_github_formats(minimal_data):
    r = run("check", "--format", "json", "--data", str(minimal_data))
    report = json.loads(r.stdout)
    assert report["errors"] == 0 and report["warnings"] == 1
    assert report["diagnostics"][0]["code"] == "PRINTED_DIFFERS"
    r = run("check", "--format", "github", "--data", str(minimal_data))
    assert r.stdout.startswith("::warning file=") and ",line=" in r.stdout


def test_missing_data_folder_is_a_message_not_a_traceback(tmp_path):
    r = spawn("check", "--data", str(tmp_path / "nowhere"))
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_compute_json_shape(minimal_data):
    r = run("compute", "--json", "--data", str(minimal_data))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["schema"] == "kinerja-compute/1"
    assert set(doc) == {"schema", "data_per", "kebijakan_bawaan", "laporan"}
    tw4 = next(x for x in doc["laporan"] if x["triwulan"] == 4)
    assert tw4["id"] == "kota-contoh/dinas-contoh/kepala-dinas/2025-tw4"
    assert set(tw4) >= {"indikator", "capaian", "anggaran", "efisiensi", "selisih_tercetak", "kebijakan", "periode"}
    rows = {r["id"]: r for r in tw4["indikator"]}
    # 95,14 / 87,62 × 100 = 108,582… ; 1537 / 700 × 100 = 219,571…
    assert rows["ikm"]["capaian"] == 108.58 and rows["pencari-kerja"]["capaian"] == 219.57
    assert rows["tpak"]["status"] == "na" and rows["tpak"]["alasan_tidak_tersedia"] == "dirilis BPS tahun berikutnya"
    assert tw4["capaian"]["rata_rata"] == 164.08 and tw4["capaian"]["predikat"] == "Sangat Tinggi"
    assert tw4["anggaran"]["persen"] == 94.67 and tw4["anggaran"]["realisasi"] == 946700000
    # ((164,08 / 94,67) − 1) × 100 = 73,318…
    assert tw4["efisiensi"] == 73.32
    assert tw4["selisih_tercetak"][0]["direproduksi_oleh"] == [{"pembulatan_rata_rata": {"cara": "potong", "desimal": 2}}]


def test_compute_refuses_invalid_data(minimal_data):
    (minimal_data / "site.yml").write_text("judul: x\ndata_per: kemarin\n", encoding="utf-8")
    r = run("compute", "--json", "--data", str(minimal_data))
    assert r.returncode == 1 and "TYPE" in r.stderr and r.stdout == ""


def test_debug_shows_the_traceback_that_staff_never_see(tmp_path, capsys, monkeypatch):
    """Without --debug an unexpected error is one INTERNAL line; with --debug (before or
    after the command) it propagates with its traceback, for developers."""
    from generator import cli

    def boom(_args):
        raise RuntimeError("planted")

    monkeypatch.delenv("KINERJA_DEBUG", raising=False)
    parser = cli.build_parser
    monkeypatch.setattr(cli, "cmd_codes", boom)

    def patched():
        p = parser()
        p._subparsers._group_actions[0].choices["codes"].set_defaults(func=boom)
        return p

    monkeypatch.setattr(cli, "build_parser", patched)
    assert cli.main(["codes"]) == 2
    assert "INTERNAL" in capsys.readouterr().err
    for argv in (["--debug", "codes"], ["codes", "--debug"]):
        with pytest.raises(RuntimeError, match="planted"):
            cli.main(argv)


def test_serve_on_a_busy_port_says_so_plainly(minimal_data, tmp_path, capsys):
    """Before rendering anything and before printing an address: which port, why, and what to type."""
    import socket

    from generator.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--data", str(minimal_data), "--build-dir", str(tmp_path / "b"), "--dev-addr", f"127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"port {port} di 127.0.0.1 sedang dipakai program lain" in err and f"--dev-addr 127.0.0.1:{port + 1}" in err
    assert "INTERNAL" not in err and "Traceback" not in err and "http://" not in err
    assert not (tmp_path / "b" / "docs").exists()  # nothing was rendered
    assert main(["serve", "--data", str(minimal_data), "--build-dir", str(tmp_path / "b"), "--dev-addr", "8000"]) == 1
    assert "alamat pratinjau '8000' tidak sah" in capsys.readouterr().err


def test_messages_name_places_in_words_not_internal_paths(minimal_data):
    """`laporan.0` becomes "laporan ke-1 (triwulan II)"; PyYAML's English becomes Indonesian;
    numbers in messages carry a decimal comma."""
    year = minimal_data / "kota-contoh/dinas-contoh/2025/kepala-dinas.yml"
    text = year.read_text(encoding="utf-8")
    year.write_text(
        text.replace("    realisasi:\n      ikm: 90\n", "    realiasi:\n      ikm: 90\n")  # TW II
        .replace("        satuan: indeks\n", "        satuan: indeks\n        polaritas: makin-rendah\n", 1)
        .replace("      ikm: 95,14\n", "      ikm: 85,5\n"),  # TW IV below TW II's 90 (once TW II is fixed)
        encoding="utf-8",
    )
    r = run("check", "--data", str(minimal_data))
    assert "kunci 'realiasi' tidak dikenal di laporan ke-1 (triwulan II)" in r.stdout
    assert (
        "perjanjian_kinerja ke-1 (penetapan) › indikator ke-1 (ikm) › polaritas: nilai 'makin-rendah' tidak diizinkan" in r.stdout
    )
    assert "pilih salah satu: 'naik' atau 'turun'" in r.stdout
    assert "laporan.0" not in r.stdout and "perjanjian_kinerja.0" not in r.stdout
    year.write_text(
        text.replace("        satuan: indeks\n", "        satuan: indeks\n", 1).replace(
            "      ikm: 95,14\n", "      ikm: 85,5\n"
        ),
        encoding="utf-8",
    )
    r = run("check", "--data", str(minimal_data))
    assert "realisasi 'ikm' s.d. triwulan 4 (85,5) lebih kecil dari realisasi s.d. triwulan 2 (90)" in r.stdout
    year.write_text(text.replace("      ikm: 90\n", "      ikm: @90\n"), encoding="utf-8")
    r = run("check", "--data", str(minimal_data))
    line = next(ln for ln in r.stdout.splitlines() if "YAML_SYNTAX" in ln)
    assert "karakter '@' tidak boleh mengawali nilai" in line and "found" not in line and "token" not in line
    assert "saran: beri tanda kutip pada seluruh teksnya" in r.stdout

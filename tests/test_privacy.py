"""Privacy by construction and links from data (issue 14).

- The PPID register rejects personal data in every free-text field (PERSONAL_DATA, with its
  line): a corpus of NIK, NIP, phone, e-mail, address and name forms as Indonesians write
  them; ordinary register texts pass.
- NIP-like numbers (17-19 digits, any grouping) are masked in every published text: data
  notes and texts, hand-written pages; the whole built site holds no holder's or
  signatory's full NIP (HTML, JSON, CSV, XLSX, the zip, the search fragments).
- `check --format github` and `kinerja diff` print no full NIP and no temporary path.
- Links from data: http/https only, no user-info part, a plain host (URL_* with the line),
  and shown with the site they go to.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from site_fixtures import copy_minimal, git

from generator.check import check
from generator.cli import main
from generator.core.fmt import mask_nip_like, mask_page
from generator.ppid.links import email_address, external_url
from generator.site.compose import render_site

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BUNDLED_REGISTER = DATA / "kota-pekalongan" / "dinperinaker" / "ppid" / "permohonan-2025.yml"
BUNDLED_COUNT = len(yaml.safe_load(BUNDLED_REGISTER.read_text(encoding="utf-8"))["permohonan"])
AGENCY = ("kota-contoh", "dinas-contoh")
FICTITIOUS_NIP = "198001012005011001"  # the contributor guide's example, said to be fictitious there
MIN_NIP = "196902031998031004"  # the holder's NIP in tests/fixtures/minimal


# --------------------------------------------------------------------------- a register to plant into


def _register_data(tmp_path: Path) -> Path:
    """The minimal dataset with the bundled example register in its agency's ppid/ folder."""
    data = copy_minimal(tmp_path)
    ppid = data.joinpath(*AGENCY, "ppid")
    ppid.mkdir()
    shutil.copy(BUNDLED_REGISTER, ppid / "permohonan-2025.yml")
    return data


# One extra request with every free-text field filled with ordinary text; a case replaces
# one field's text. (field path, line offset in ENTRY)
ENTRY = [
    '  - nomor: "099/PPID/2025"',
    "    tanggal_diterima: 2025-11-03",
    "    kanal: surat",
    "    kategori_pemohon: perorangan",
    "    informasi_diminta: {informasi_diminta}",
    "    keputusan: ditolak",
    "    alasan_pengecualian: {alasan_pengecualian}",
    "    tanggal_dijawab: 2025-11-12",
    "    perpanjangan:",
    "      tanggal_pemberitahuan: 2025-11-05",
    "      alasan: {perpanjangan}",
    "    keberatan:",
    "      tanggal_diajukan: 2025-11-13",
    "      alasan: {keberatan}",
    "      tanggal_dijawab: 2025-11-20",
    "      hasil: ditolak",
    "    sengketa:",
    "      tanggal_diajukan: 2025-11-24",
    "      nomor_register: {nomor_register}",
    "      putusan: {putusan}",
    "    catatan: {catatan}",
]
ORDINARY = {
    "informasi_diminta": "Salinan kontrak pengadaan pelatihan kerja tahun 2025",
    "alasan_pengecualian": "Pasal 17 huruf h UU 14/2008 (data pribadi)",
    "perpanjangan": "Dokumen masih di arsip UPTD",
    "keberatan": "Pemohon menilai dokumen tersebut terbuka",
    "nomor_register": "012/XI/KI-JTG-PS/2025",
    "putusan": "Belum ada putusan",
    "catatan": "Jawaban dikirim melalui surat",
}


def _plant(data: Path, texts: dict[str, str], extra: list[str] | None = None) -> tuple[Path, dict[str, int]]:
    """Append one request with ``texts`` in its fields; return the file and each field's line."""
    f = data.joinpath(*AGENCY, "ppid", "permohonan-2025.yml")
    base = f.read_text(encoding="utf-8").rstrip("\n").split("\n")
    values = {**ORDINARY, **texts}
    entry = [line.format(**{k: json.dumps(v, ensure_ascii=False) for k, v in values.items()}) for line in ENTRY]
    lines = base + entry + (extra or [])
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = {}
    for i, line in enumerate(entry):
        m = re.search(r"\{(\w+)\}", ENTRY[i])
        if m:
            where[m.group(1)] = len(base) + i + 1
    return f, where


def test_the_planted_request_is_valid_with_ordinary_texts(tmp_path):
    data = _register_data(tmp_path)
    _plant(data, {})
    result = check(data)
    assert not result.errors, [d.format() for d in result.errors]
    assert len(result.dataset.regions["kota-contoh"].agencies["dinas-contoh"].registers[2025][0].permohonan) == BUNDLED_COUNT + 1


# (case id, field, text, kind named in the message)
CORPUS = [
    # NIK: 16 digits in any grouping, or named
    ("nik-plain", "catatan", "Pemohon melampirkan KTP 3375014501900002", "NIK"),
    ("nik-spaces", "informasi_diminta", "Data bantuan untuk 3375 0145 0190 0002", "NIK"),
    ("nik-dots", "keberatan", "Keberatan dari 33.75.01.450190.0002", "NIK"),
    ("nik-dashes", "catatan", "identitas 3375-0145-0190-0002", "NIK"),
    ("nik-6-6-4", "perpanjangan", "menunggu verifikasi 337501 450190 0002", "NIK"),
    ("nik-named", "catatan", "NIK: 3375 0145 019", "NIK"),
    ("nik-fullwidth", "catatan", "nomor ３３７５０１４５０１９００００２", "NIK"),
    # NIP: 17-19 digits in any grouping
    ("nip-plain", "catatan", "Diterima oleh petugas NIP 196902031998032004", "NIP"),
    ("nip-8-6-1-3", "putusan", "Putusan dibacakan; saksi 19690203 199803 2 004", "NIP"),
    ("nip-dots", "keberatan", "diajukan oleh pegawai 1969.0203.1998.0320.04", "NIP"),
    ("nip-17-digits", "catatan", "tercetak 9780717 201212 2 001", "NIP"),
    ("nip-19-digits", "informasi_diminta", "SK pegawai 1969020319980320041", "NIP"),
    ("nip-dashes", "catatan", "19690203-199803-2-004", "NIP"),
    # phone numbers
    ("hp-dashes", "catatan", "Pemohon dapat dihubungi di 0812-3456-7890", "nomor telepon"),
    ("hp-spaces", "informasi_diminta", "Data pelatihan, konfirmasi ke 0812 3456 7890", "nomor telepon"),
    ("hp-plain", "catatan", "081234567890", "nomor telepon"),
    ("hp-dots", "catatan", "hubungi 0812.3456.7890", "nomor telepon"),
    ("hp-plus62", "catatan", "kontak +62 812-3456-7890", "nomor telepon"),
    ("hp-62-dash", "keberatan", "dikirim dari 62-812-3456-7890", "nomor telepon"),
    ("hp-62-paren", "catatan", "(+62) 812 3456 7890", "nomor telepon"),
    ("landline-paren", "catatan", "telepon rumah (021) 123 4567", "nomor telepon"),
    ("landline-dash", "perpanjangan", "dikonfirmasi ke 0285-423567", "nomor telepon"),
    ("hp-wa-word", "catatan", "WA: 0857 1234 5678", "nomor telepon"),
    ("hp-emdash", "catatan", "0812—3456—7890", "nomor telepon"),
    ("hp-zero-width", "catatan", "0812\u200b3456\u200b7890", "nomor telepon"),
    # e-mail, plain and written to dodge scrapers
    ("email-plain", "catatan", "Jawaban dikirim ke budi.santoso@gmail.com", "alamat surel"),
    ("email-brackets", "catatan", "budi [at] gmail [dot] com", "alamat surel"),
    ("email-parens", "keberatan", "budi(at)gmail(dot)com", "alamat surel"),
    ("email-words", "catatan", "kirim ke budi at gmail dot com", "alamat surel"),
    ("email-mixed", "catatan", "budi [at] gmail.com", "alamat surel"),
    ("email-spaced", "catatan", "budi @ yahoo . co . id", "alamat surel"),
    ("email-caps", "informasi_diminta", "BUDI [AT] GMAIL [DOT] COM", "alamat surel"),
    # street addresses
    ("jl-no", "catatan", "Dokumen diantar ke Jl. Merdeka No. 12", "alamat rumah"),
    ("jalan-no", "informasi_diminta", "Izin bangunan di Jalan Sudirman No 5", "alamat rumah"),
    ("jln-rt-rw", "catatan", "Jln. Pemuda 17 RT 02/RW 03 Kauman", "alamat rumah"),
    ("rt-rw", "keberatan", "warga RT 003 RW 005 Kelurahan Kauman", "alamat rumah"),
    ("perum-blok", "catatan", "Perum Griya Asri Blok C No. 7", "alamat rumah"),
    # names in a "nama" position
    ("nama-colon", "catatan", "Nama: Budi Santoso", "nama orang"),
    ("nama-pemohon", "informasi_diminta", "nama pemohon: Siti Aminah", "nama orang"),
    ("atas-nama", "keberatan", "Keberatan diajukan atas nama Budi Santoso", "nama orang"),
    ("an-abbrev", "catatan", "Surat kuasa a.n. Siti Aminah", "nama orang"),
    ("sdr", "catatan", "Diambil langsung oleh Sdr. Budi Santoso", "nama orang"),
    ("bpk", "perpanjangan", "menunggu tanda tangan Bpk. Slamet", "nama orang"),
    ("ibu", "catatan", "Ibu Siti Aminah datang ke kantor", "nama orang"),
    ("bapak", "putusan", "Bapak Joko Susilo menerima putusan", "nama orang"),
    ("bernama", "catatan", "Pemohon bernama Andi", "nama orang"),
]


@pytest.mark.parametrize(("field", "text", "kind"), [c[1:] for c in CORPUS], ids=[c[0] for c in CORPUS])
def test_personal_data_in_the_register_is_rejected_at_its_line(tmp_path, field, text, kind):
    data = _register_data(tmp_path)
    f, where = _plant(data, {field: text})
    result = check(data)
    errors = [d for d in result.errors if d.code == "PERSONAL_DATA"]
    assert [(Path(d.path).name, d.line) for d in errors] == [(f.name, where[field])], [d.format() for d in result.errors]
    assert kind in errors[0].message.id
    assert text not in errors[0].message.id and text not in (errors[0].hint.id if errors[0].hint else "")  # never echoed
    assert not result.dataset.regions["kota-contoh"].agencies["dinas-contoh"].registers  # never published


@pytest.mark.parametrize(
    ("key", "value"),
    [("nama", "Budi Santoso"), ("nik", "3375014501900002"), ("telepon", "0812-3456-7890"), ("alamat", "Jl. Merdeka 1")],
)
def test_personal_data_keys_are_rejected_at_their_line(tmp_path, key, value):
    data = _register_data(tmp_path)
    f, where = _plant(data, {}, extra=[f"    {key}: {json.dumps(value)}"])
    line = len(f.read_text(encoding="utf-8").splitlines())
    errors = [d for d in check(data).errors if d.code == "PERSONAL_DATA"]
    assert [(Path(d.path).name, d.line) for d in errors] == [(f.name, line)]
    assert f"'{key}'" in errors[0].message.id


def test_corpus_size():
    assert len(CORPUS) >= 30 and len({c[3] for c in CORPUS}) == 6  # every kind of personal data


ORDINARY_TEXTS = [
    "Laporan 2025 nomor 12/2025",
    "Laporan kinerja Dinas triwulan IV tahun 2024",
    "Realisasi anggaran Rp 5.084.795.000 tahun 2024",
    "Pagu 1.500.000.000 dan realisasi 946.700.000",
    "PP 61 Tahun 2010 tentang Pelaksanaan UU 14/2008",
    "Pasal 17 huruf b dan h UU 14/2008",
    "Perki KIP 1/2021 dan Permendagri 90 Tahun 2019",
    "Sub kegiatan 2.18.02.2.01.0001 rekening 5.1.02.01.01.0024",
    "Program 1.02.01.2.10.0001",
    "Surat nomor 045.2/0123/Disperinaker/2025 tanggal 3 Maret 2025",
    "SK Nomor 188.45/123/2025",
    "Data 2021 2022 2023 2024",
    "periode 2025-01-14 sampai 2025-02-03",
    "diterima 14-01-2025, dijawab 09-12-2025 14.00 WIB",
    "Layanan pukul 08.00-16.00 WIB, Senin-Jumat",
    "Rapat pukul 10.30 WIB tanggal 01.02.2025",
    "Capaian 95,14 % dari target 87,62",
    "Sebanyak 1537 pencari kerja ditempatkan; 12.345 pekerja terdaftar",
    "Atasan PPID: Bapak Sekretaris Daerah",
    "Disampaikan atas nama Kepala Dinas",
    "Permohonan atas nama PT Maju Jaya",
    "Diajukan atas nama pemohon",
    "Data Ibu Hamil penerima PMT di Ibu Kota Provinsi",
    "Perbaikan jalan lingkungan dan jalan desa",
    "Nama kegiatan: pelatihan berbasis kompetensi",
    "PAK Jabatan Fungsional Pengantar Kerja",
    "Nilai IKM 62,5 dan anggaran 628.000.000",
    "NIB perusahaan tidak dicantumkan",
    "Reg. No. 012/III/KIP-JTG-PS/2025",
    "Jadwal pelatihan berbasis kompetensi di UPTD BLK",
    "Telepon kantor belum tersedia",
    "Data dikirim melalui email resmi PPID",
]


def test_ordinary_register_texts_pass(tmp_path):
    data = _register_data(tmp_path)
    f = data.joinpath(*AGENCY, "ppid", "permohonan-2025.yml")
    text = f.read_text(encoding="utf-8").rstrip("\n")
    for i, t in enumerate(ORDINARY_TEXTS):
        text += (
            f'\n  - nomor: "{200 + i}/PPID/2025"\n    tanggal_diterima: 2025-11-03\n    kanal: surat\n'
            f"    kategori_pemohon: perorangan\n    informasi_diminta: {json.dumps(t)}\n    keputusan: belum_diputuskan\n"
        )
    f.write_text(text + "\n", encoding="utf-8")
    result = check(data)
    assert [d.format() for d in result.diagnostics if d.code == "PERSONAL_DATA"] == []
    assert not result.errors
    assert len(
        result.dataset.regions["kota-contoh"].agencies["dinas-contoh"].registers[2025][0].permohonan
    ) == BUNDLED_COUNT + len(ORDINARY_TEXTS)


def test_bundled_data_gains_no_privacy_or_link_diagnostics():
    result = check(DATA)
    assert not result.errors
    assert [
        d.format() for d in result.diagnostics if d.code in ("PERSONAL_DATA", "URL_SCHEME", "URL_USERINFO", "URL_FORMAT")
    ] == []


# --------------------------------------------------------------------------- NIP-like numbers in published texts

PLANTED_NIPS = {
    # as written in the data → as the page must show it
    "196902031998031004": "19690203 ****** * ***",
    "19720415 199903 1 002": "19720415 ****** * ***",
    "9780717 201212 2 001": "9780717 ****** * ***",  # 17 digits, misprinted
    "1975.0811.2001.1210.03": "1975.****.****.****.**",
    "19810305-200604-2-017": "19810305-******-*-***",
    "1983061420090310055": "19830614 ****** * *** *",  # 19 digits
}


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def test_nip_like_numbers_in_notes_are_masked_on_every_page(tmp_path):
    """Notes (catatan, catatan_sumber) quote printed NIPs as evidence: the pages mask them."""
    data = copy_minimal(tmp_path)
    nips = list(PLANTED_NIPS)
    pos = data.joinpath(*AGENCY, "jabatan", "kepala-dinas.yml")
    doc = yaml.safe_load(pos.read_text(encoding="utf-8"))
    doc["catatan"] = [f"SK pegawai {nips[0]}.", f"koordinasi dengan pegawai {nips[1]};"]
    pos.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    year = data.joinpath(*AGENCY, "2025", "kepala-dinas.yml")
    doc = yaml.safe_load(year.read_text(encoding="utf-8"))
    doc["catatan"] = [f"NIP tercetak {nips[2]} di halaman 3."]
    doc["laporan"][1]["catatan_sumber"] = [f"Tanda tangan {nips[3]}", f"Lihat {nips[4]}"]
    doc["laporan"][1]["realisasi"]["ikm"] = {"nilai": "95,14", "catatan": f"dinilai oleh {nips[5]}"}  # through the template only
    year.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = check(data)
    assert not result.errors, [d.format() for d in result.errors]
    files = render_site(result).files
    pages = {k: html.unescape(v.decode("utf-8")) for k, v in files.items() if k.endswith(".md")}
    text = "\n".join(pages.values())
    for written, shown in PLANTED_NIPS.items():
        assert written not in text, written
        assert shown in text, shown
    squeezed = re.sub(r"[ .\-]", "", text)
    for written in [*PLANTED_NIPS, MIN_NIP]:
        assert _digits(written) not in squeezed, written
    assert "19690203 ****** * ***" in pages["kota-contoh/dinas-contoh/jabatan/kepala-dinas.md"]  # the holder, masked


@pytest.mark.parametrize(
    ("file", "path", "text"),
    [
        ("jabatan/kepala-dinas.yml", ("tugas",), "Membantu Walikota; SK 196902031998031004"),
        ("jabatan/kepala-dinas.yml", ("fungsi", 0), "koordinasi 19720415 199903 1 002"),
        (
            "2025/kepala-dinas.yml",
            ("perjanjian_kinerja", 0, "indikator", 0, "indikator"),
            "Indeks (penilai 9780717 201212 2 001)",
        ),
        ("2025/kepala-dinas.yml", ("anggaran", 0, "nama"), "Program A 1975.0811.2001.1210.03"),
        ("perangkat-daerah.yml", ("unit", 0, "nama"), "Sekretariat 19810305-200604-2-017"),
    ],
)
def test_nip_outside_notes_is_an_error_at_its_line(tmp_path, file, path, text):
    """Other texts are also published raw in the open data (CSV, JSON, XLSX): a NIP there is rejected."""
    data = copy_minimal(tmp_path)
    f = data.joinpath(*AGENCY, *file.split("/"))
    doc = yaml.safe_load(f.read_text(encoding="utf-8"))
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = text
    f.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    line = next(i for i, s in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if text in s)
    errors = [(Path(d.path).name, d.line, d.code) for d in check(data).errors]
    assert errors == [(f.name, line, "PERSONAL_DATA")]


def test_dip_additions_hold_no_nip(tmp_path):
    data = copy_minimal(tmp_path)
    f, _line = _dip(data, "https://contoh.go.id/renstra.pdf")
    f.write_text(f.read_text(encoding="utf-8").replace("Sekretaris", "Sekretaris, NIP 196902031998031004"), encoding="utf-8")
    errors = [(d.line, d.code) for d in check(data).errors]
    assert errors == [(5, "PERSONAL_DATA")]


def test_content_pages_are_masked_and_the_fictitious_example_is_kept(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "panduan.md").write_text(
        f'# Panduan\n\nNIP seseorang: {MIN_NIP}, atau 19690203 199803 1 004.\n\nContoh rekaan: `nip: "{FICTITIOUS_NIP}"`.\n',
        encoding="utf-8",
    )
    (content / "gambar.png").write_bytes(b"\x89PNG " + MIN_NIP.encode())  # not a text page: as it is
    data = copy_minimal(tmp_path)
    files = render_site(check(data), content).files
    page = files["panduan.md"].decode("utf-8")
    assert MIN_NIP not in page and "199803 1 004" not in page
    assert "NIP seseorang: 19690203 ****** * ***, atau 19690203 ****** * ***." in page
    assert f'`nip: "{FICTITIOUS_NIP}"`' in page
    assert files["gambar.png"] == b"\x89PNG " + MIN_NIP.encode()
    assert mask_page("a.md", b"\xff\xfe") == b"\xff\xfe"  # not UTF-8: left alone, never a crash


def test_the_contributor_guide_uses_only_the_fictitious_nip():
    guide = (ROOT / "content" / "panduan-kontributor.md").read_text(encoding="utf-8")
    assert FICTITIOUS_NIP in guide and "contoh rekaan" in guide
    found = {_digits(m) for m in re.findall(r"(?<!\d)\d{8}[ .\-]?\d{6}[ .\-]?\d[ .\-]?\d{3}(?!\d)", guide)}
    assert found == {FICTITIOUS_NIP}


def test_mask_keeps_ordinary_numbers():
    for text in (
        "Rp 5.084.795.000",
        "1.02.01.2.10.0001.5.1.02.01.01.0024",
        "2021 2022 2023 2024 2025",
        "NIK 3375014501900002",  # 16 digits: not NIP-like (the register rejects it separately)
        "tanggal 2025-01-14",
    ):
        assert mask_nip_like(text) == text


# --------------------------------------------------------------------------- logs: check --format github, kinerja diff

SECOND_NIP = "197204151999031002"


def _defects(data: Path) -> None:
    """A 17-digit signatory NIP (NIP_LENGTH quotes it) and another person with the holder's
    NIP (NIP_SHARED quotes it and the other file's path)."""
    year = data.joinpath(*AGENCY, "2025", "kepala-dinas.yml")
    year.write_text(year.read_text(encoding="utf-8").replace(f'nip: "{MIN_NIP}"', f'nip: "{MIN_NIP[:17]}"'), encoding="utf-8")
    other = data.joinpath(*AGENCY, "jabatan", "kepala-bidang-a.yml")
    doc = yaml.safe_load(other.read_text(encoding="utf-8"))
    doc["pemangku"] = [{"nama": "SITI AMINAH", "nip": MIN_NIP, "status": "PNS"}]
    other.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")


def _assert_public(text: str, tmp: Path) -> None:
    for nip in (MIN_NIP, MIN_NIP[:17], SECOND_NIP):
        assert nip not in text and f"{nip[:8]} {nip[8:14]}" not in text, nip
    assert str(tmp) not in text and str(tmp.resolve()) not in text
    assert "kinerja-diff-" not in text and "/tmp/" not in text


def test_check_github_format_prints_no_full_nip_or_temporary_path(tmp_path, capsys, monkeypatch):
    data = copy_minimal(tmp_path)
    _defects(data)
    monkeypatch.chdir(ROOT)  # the data folder is outside the working folder, as a temporary copy is
    assert main(["check", "--data", str(data), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "title=NIP_LENGTH" in out and "title=NIP_SHARED" in out
    assert "file=data/kota-contoh/dinas-contoh/" in out
    assert "19690203 ****** * **" in out  # still says which NIP, as the site shows it
    _assert_public(out, tmp_path)
    for fmt_ in ("human", "json"):
        assert main(["check", "--data", str(data), "--format", fmt_]) == 1
        out = capsys.readouterr().out
        assert MIN_NIP not in out and MIN_NIP[:17] not in out


def test_diff_prints_no_full_nip_or_temporary_path(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", repo / "data")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "awal")
    _defects(repo / "data")
    note = repo.joinpath("data", *AGENCY, "2025", "kepala-dinas.yml")
    note.write_text(
        note.read_text(encoding="utf-8").replace(
            "indikator: Indeks kepuasan masyarakat", f"indikator: Indeks kepuasan {SECOND_NIP}"
        ),
        encoding="utf-8",
    )
    git(repo, "commit", "-qam", "NIP salah")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "HEAD~1", "HEAD"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "**NIP_LENGTH**" in r.stdout and "**NIP_SHARED**" in r.stdout
    assert "data/kota-contoh/dinas-contoh/jabatan/kepala-dinas.yml" in r.stdout  # the other file, as the repository names it
    _assert_public(r.stdout + r.stderr, tmp_path)


# --------------------------------------------------------------------------- links from data


def _set_agency(data: Path, lines: list[str]) -> tuple[Path, int]:
    f = data.joinpath(*AGENCY, "perangkat-daerah.yml")
    base = f.read_text(encoding="utf-8").rstrip("\n").split("\n")
    f.write_text("\n".join(base + lines) + "\n", encoding="utf-8")
    return f, len(base) + len(lines)


def _dip(data: Path, tautan: str) -> tuple[Path, int]:
    ppid = data.joinpath(*AGENCY, "ppid")
    ppid.mkdir(exist_ok=True)
    lines = [
        "entri:",
        "  - id: renstra",
        "    ringkasan_isi: Rencana Strategis 2021-2026",
        "    pejabat_unit: Sekretariat",
        "    penanggung_jawab: Sekretaris",
        "    waktu_tempat: Kota Contoh, 2021",
        "    jangka_waktu_penyimpanan: 5 tahun",
        f"    tautan: {json.dumps(tautan, ensure_ascii=False)}",
    ]
    (ppid / "dip.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ppid / "dip.yml", len(lines)


BAD_LINKS = [
    ("formulir_url", "javascript:alert(1)", "URL_SCHEME"),
    ("formulir_url", "JaVaScRiPt:alert(document.cookie)", "URL_SCHEME"),
    ("formulir_url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "URL_SCHEME"),
    ("formulir_url", "vbscript:msgbox(1)", "URL_SCHEME"),
    ("formulir_url", "file:///etc/passwd", "URL_SCHEME"),
    ("formulir_url", "ftp://ppid.kota.go.id/formulir", "URL_SCHEME"),
    ("formulir_url", "ppid.kota.go.id/formulir", "URL_SCHEME"),
    ("formulir_url", "//evil.example/formulir", "URL_SCHEME"),
    ("formulir_url", "https://good.go.id@evil.example/", "URL_USERINFO"),
    ("formulir_url", "https://user:sandi@ppid.kota.go.id/", "URL_USERINFO"),
    ("formulir_url", "https://good.go.id%40evil.example/", "URL_FORMAT"),
    ("formulir_url", "https://good.go.id\\@evil.example/", "URL_FORMAT"),
    ("formulir_url", "https://ppid kota.go.id/", "URL_FORMAT"),
    ("formulir_url", "https://ppid.kota.go.id:99999/", "URL_FORMAT"),
    ("formulir_url", "https://\u0440pid.kota.go.id/", "URL_FORMAT"),  # a Cyrillic р
    ("formulir_url", "https:///formulir", "URL_FORMAT"),
    ("situs_web", "javascript:alert(1)", "URL_SCHEME"),
    ("situs_web", "https://good.go.id@evil.example", "URL_USERINFO"),
    ("email", "javascript:alert(1)", "URL_SCHEME"),
    ("ppid.email", "data:text/html,x", "URL_SCHEME"),
    ("tautan", "javascript:alert(1)", "URL_SCHEME"),
    ("tautan", "https://contoh.go.id@evil.example/renstra.pdf", "URL_USERINFO"),
    ("tautan", "../../../etc/passwd", "URL_FORMAT"),
    ("tautan", "/kota-contoh/index.md", "URL_FORMAT"),
]


def _place(data: Path, field: str, value: str) -> tuple[Path, int]:
    if field == "tautan":
        return _dip(data, value)
    if field in ("formulir_url", "ppid.email"):
        return _set_agency(data, ["ppid:", f"  {field.split('.')[-1]}: {json.dumps(value, ensure_ascii=False)}"])
    return _set_agency(data, [f"{field}: {json.dumps(value, ensure_ascii=False)}"])


@pytest.mark.parametrize(("field", "value", "code"), BAD_LINKS, ids=[f"{f}-{i}" for i, (f, _v, _c) in enumerate(BAD_LINKS)])
def test_bad_links_are_errors_at_their_line(tmp_path, field, value, code):
    data = copy_minimal(tmp_path)
    f, line = _place(data, field, value)
    result = check(data)
    found = [(Path(d.path).name, d.line, d.code) for d in result.errors]
    assert found == [(f.name, line, code)], [d.format() for d in result.diagnostics]
    assert external_url(value) is None  # and never used as a link


GOOD_LINKS = [
    ("formulir_url", "https://ppid.kota.go.id/permohonan?layanan=1"),
    ("formulir_url", "http://ppid.kota.go.id:8080/formulir"),
    ("situs_web", "www.kota.go.id"),
    ("situs_web", "https://dinas.kota.go.id/"),
    ("email", "dinas@kota.go.id"),
    ("ppid.email", "mailto:ppid@kota.go.id"),
    ("tautan", "https://contoh.go.id/renstra.pdf"),
    ("tautan", "kota-contoh/dinas-contoh/jabatan/kepala-dinas.md"),
]


@pytest.mark.parametrize(("field", "value"), GOOD_LINKS)
def test_good_links_pass(tmp_path, field, value):
    data = copy_minimal(tmp_path)
    _place(data, field, value)
    result = check(data)
    assert [d.format() for d in result.diagnostics if d.code.startswith("URL_")] == []
    assert not result.errors


def test_an_email_written_otherwise_is_a_warning_and_not_linked(tmp_path):
    data = copy_minimal(tmp_path)
    f, line = _set_agency(data, ["ppid:", "  email: ppid[at]kota.go.id"])
    result = check(data)
    assert [(d.line, d.code, d.severity) for d in result.diagnostics if d.code.startswith("URL_")] == [
        (line, "URL_FORMAT", "warning")
    ]
    files = render_site(result).files
    page = files["kota-contoh/dinas-contoh/ppid/cara-mengajukan.md"].decode("utf-8")
    assert "ppid[at]kota.go.id" in html.unescape(page) and "mailto:" not in page
    assert email_address("mailto:ppid@kota.go.id") == "ppid@kota.go.id"


def test_external_links_name_the_site_they_go_to(tmp_path):
    data = copy_minimal(tmp_path)
    _set_agency(data, ["ppid:", "  formulir_url: https://ppid.kota.go.id/permohonan"])
    _dip(data, "https://www.contoh.go.id/renstra.pdf")
    result = check(data)
    assert not result.errors
    files = render_site(result).files
    dip = html.unescape(files["kota-contoh/dinas-contoh/ppid/dip.md"].decode("utf-8"))
    assert (
        'href="https://www.contoh.go.id/renstra.pdf">Buka dokumen</a> <span class="kj-kecil">(situs lain: contoh.go.id)</span>'
        in dip
    )
    assert "formulir permohonan daring PPID di ppid.kota.go.id (situs lain)" in dip
    cara = html.unescape(files["kota-contoh/dinas-contoh/ppid/cara-mengajukan.md"].decode("utf-8"))
    assert '<a href="https://ppid.kota.go.id/permohonan">https://ppid.kota.go.id/permohonan</a>' in cara


# --------------------------------------------------------------------------- the whole built site


def _holder_and_signatory_nips() -> set[str]:
    nips: set[str] = set()

    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "nip" and x:
                    nips.add(_digits(str(x)))
                elif k == "nip_tertulis":
                    nips.update(_digits(str(t)) for t in x or [])
                else:
                    walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)

    for f in sorted(DATA.rglob("*.yml")):
        walk(yaml.load(f.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    return {n for n in nips if len(n) >= 15}


def _texts(name: str, data: bytes, counts: dict[str, int]):
    """(name, text) of a published file, opening workbooks, zips and search fragments."""
    if name.endswith((".xlsx", ".zip")):
        counts["zip" if name.endswith(".zip") else "xlsx"] += 1
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for member in z.namelist():
                yield from _texts(f"{name}!{member}", z.read(member), counts)
    elif name.endswith(".pf_fragment"):
        counts["fragment"] += 1
        yield name, gzip.decompress(data).decode("utf-8", "replace")
    elif name.endswith((".gz",)):
        yield from _texts(name[:-3], gzip.decompress(data), counts)
    elif name.endswith((".html", ".json", ".csv", ".xml", ".txt", ".svg", ".js", ".md", ".rels")):
        counts[name.rsplit(".", 1)[-1]] += 1
        text = data.decode("utf-8", "replace")
        yield name, html.unescape(text) if name.endswith((".html", ".xml", ".svg")) else text


def test_no_full_nip_anywhere_in_the_built_site(bundled_site):
    nips = _holder_and_signatory_nips()
    assert len(nips) >= 50
    counts: dict[str, int] = defaultdict(int)
    runs = re.compile(r"\d(?:[ .\-\u00a0]?\d)+")
    contiguous = re.compile(r"(?<!\d)\d{17,19}(?!\d)")
    grouped = re.compile(r"(?<!\d)\d{7,8}[ .\-\u00a0]?\d{6}[ .\-\u00a0]?\d[ .\-\u00a0]?\d{2,4}(?!\d)")
    digests = re.compile(r"(?<![0-9A-Za-z])(?:[0-9a-f]{64}|[0-9a-f]{40})(?![0-9A-Za-z])")
    leaks = []
    for path in sorted(p for p in bundled_site.site.rglob("*") if p.is_file()):
        for name, found in _texts(path.relative_to(bundled_site.site).as_posix(), path.read_bytes(), counts):
            text = digests.sub(" ", found)  # a sha256 or commit id is hex, whatever digit runs it holds
            for run in runs.findall(text):  # digits in any grouping, separators dropped
                digits = _digits(run)
                if len(digits) >= 15:
                    leaks += [(name, n) for n in nips if n in digits]
            leaks += [(name, m) for m in contiguous.findall(text) + grouped.findall(text) if _digits(m) != FICTITIOUS_NIP]
    assert counts["zip"] >= 1 and counts["xlsx"] >= 50 and counts["fragment"] >= 100 and counts["html"] >= 100, counts
    assert counts["json"] >= 50 and counts["csv"] >= 50, counts
    assert leaks == []

"""Editor support: JSON Schemas of the data files, generated from the pydantic models.

`kinerja schema` writes ``schemas/<jenis>.schema.json`` for each file type, `--check`
fails when they no longer match generator/model.py, and `--headers` puts a first-line
``# yaml-language-server: $schema=…`` comment in every data file, so VS Code and
github.dev offer autocomplete, hover help and inline errors while staff edit YAML.

The schemas describe what the *editor* sees (YAML 1.2: ``87,62`` is text, ``87.62`` a
number) and accept what the loader accepts: numbers as YAML numbers or Indonesian text,
the short form ``ikm: 95,14`` of a realisation, ``nomor: 1`` written without quotes.
Cross-file rules (references, cumulative values, printed figures) stay with
`kinerja check`; the schema only catches what a single file can show.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema

from generator import model as m
from generator.compute.policy import DESCRIPTIONS as POLICY_DESCRIPTIONS
from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE, SITE_FILE, YAML_SUFFIXES

# Draft 7: what the YAML extension of VS Code (yaml-language-server) supports fully.
DIALECT = "http://json-schema.org/draft-07/schema#"
HEADER_PREFIX = "# yaml-language-server:"

# file type → (model, title shown by editors)
FILE_TYPES: dict[str, tuple[type[BaseModel], str]] = {
    "situs": (m.Situs, "Pengaturan situs (data/site.yml)"),
    "wilayah": (m.Wilayah, "Wilayah: kota, kabupaten atau provinsi (data/<wilayah>/wilayah.yml)"),
    "perangkat-daerah": (m.PerangkatDaerah, "Perangkat daerah (data/<wilayah>/<opd>/perangkat-daerah.yml)"),
    "jabatan": (m.Jabatan, "Jabatan (data/<wilayah>/<opd>/jabatan/<id>.yml)"),
    "tahunan": (m.Tahunan, "Perjanjian kinerja, anggaran dan laporan triwulan satu jabatan dalam satu tahun (data/<wilayah>/<opd>/<tahun>/<id>.yml)"),
}

# What the number parser (generator/numbers.py) accepts as text: 1537, 95,14, 5.084.795.000,
# 1.234.567,89, and a quoted dot decimal such as "95.14".
_ID_NUMBER = r"^\s*-?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?\s*$|^\s*-?\d+\.\d+\s*$"
_ID_WHOLE = r"^\s*-?(\d+|\d{1,3}(\.\d{3})+)\s*$"
ANGKA = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": _ID_NUMBER}],
         "description": "Angka: 95,14 atau 1537 atau 5.084.795.000 (koma desimal, titik ribuan). Di dalam { … } desimal diberi tanda kutip: \"108,58\"."}
RUPIAH = {"anyOf": [{"type": "integer"}, {"type": "string", "pattern": _ID_WHOLE}],
          "description": "Rupiah tanpa sen, mis. 5.084.795.000 (tanpa Rp dan tanpa ,-)."}
NIP = {"anyOf": [{"type": "string", "pattern": r"^[0-9 ]+$"}, {"type": "integer"}],
       "description": "NIP 18 digit, ditulis dalam tanda kutip, mis. \"196902031998032004\". Data pribadi: disamarkan di situs."}
# Models that also accept a bare number (their `short_form` validator).
SHORT_FORM = {m.Realisasi, m.Cetak}


class _Generator(GenerateJsonSchema):
    """pydantic's generator, taught the loader's own value rules (BeforeValidators)."""

    def function_before_schema(self, schema):
        fn = schema["function"]["function"]
        if fn is m._angka:
            return dict(ANGKA)
        if fn is m._rupiah:
            return dict(RUPIAH)
        if fn is m._nip:
            return dict(NIP)
        if fn is m._text:  # a YAML number written where text is expected is kept as text
            inner = self.generate_inner(schema["schema"])
            return {"type": ["string", "number"], **{k: v for k, v in inner.items() if k != "type"}}
        if fn is m._int:  # triwulan
            return {"enum": [1, 2, 3, 4]}
        return super().function_before_schema(schema)

    def chain_schema(self, schema):
        # Id = text, then a pattern check: the editor should know the pattern.
        steps = schema["steps"]
        first = steps[0]
        if first.get("type") == "function-before" and first["function"]["function"] is m._text:
            pattern = next((s["schema"].get("pattern") for s in steps[1:] if isinstance(s.get("schema"), dict)), None)
            if pattern:
                return {"type": "string", "pattern": pattern}
        return super().chain_schema(schema)

    def dict_schema(self, schema):
        out = super().dict_schema(schema)
        keys = schema.get("keys_schema") or {}
        if keys.get("type") == "function-before" and keys["function"]["function"] is m._int:
            out["propertyNames"] = {"enum": ["1", "2", "3", "4"]}  # YAML keys are text in JSON
        return out

    def model_schema(self, schema):
        out = super().model_schema(schema)
        cls = schema["cls"]
        _describe(cls, out)
        if cls in SHORT_FORM:
            short = dict(ANGKA, description="Bentuk singkat: angkanya saja, mis. `ikm: 95,14`.")
            return {"anyOf": [short, out], **({"description": out.pop("description")} if "description" in out else {})}
        return out


# --------------------------------------------------------------------------- Indonesian help texts

# Model descriptions replace the English docstrings (editors show them on hover).
MODEL_DESCRIPTIONS: dict[str, str] = {
    "Situs": "Pengaturan seluruh situs.",
    "Wilayah": "Pemerintah daerah: kota, kabupaten atau provinsi.",
    "PerangkatDaerah": "Perangkat daerah (dinas, badan, kantor): identitas, tugas, fungsi dan susunan unit kerja.",
    "Jabatan": "Satu jabatan di perangkat daerah. Tugas dan fungsi ditulis sekali di sini, bukan di setiap laporan.",
    "Tahunan": "Satu jabatan dalam satu tahun: perjanjian kinerja, pohon anggaran dan laporan per triwulan.",
    "Kebijakan": "Kebijakan perhitungan yang berbeda dari bawaan. Tulis hanya yang diubah, dengan komentar alasannya.",
    "AturanPembulatan": "Aturan pembulatan: `cara` (setengah_ke_atas | potong) dan jumlah `desimal`.",
    "Predikat": "Satu pita skala predikat: berlaku untuk capaian di atas `di_atas`.",
    "Pejabat": "Pejabat, mis. kepala daerah.",
    "Unit": "Unit kerja: sekretariat, subbagian, bidang, seksi, UPTD …",
    "SumberDokumen": "Dokumen sumber yang dirujuk laporan (`sumber`).",
    "Pemangku": "Pemangku jabatan untuk suatu masa (mulai/selesai boleh kosong).",
    "Formula": "Cara menghitung indikator.",
    "Indikator": "Satu indikator kinerja: sasaran, nama indikator, target dan satuannya.",
    "PerjanjianKinerja": "Satu versi perjanjian kinerja. Versi terakhir dalam daftar adalah yang berlaku.",
    "DokumenIKI": "Lembar Indikator Kinerja Individu: definisi indikator, biasanya tanpa target.",
    "PosAnggaran": "Pos anggaran: program → kegiatan → sub kegiatan (bertingkat lewat `rincian`).",
    "Realisasi": "Realisasi kumulatif s.d. triwulan: angkanya saja, atau bentuk panjang dengan `nilai`/`na`.",
    "RealisasiAnggaran": "Realisasi anggaran kumulatif s.d. triwulan.",
    "Cetak": "Angka sebagaimana tercetak di laporan: angkanya saja, atau `nilai` dan `tertulis`.",
    "CetakNarasi": "Angka yang sama sebagaimana tertulis di narasi (kesimpulan).",
    "JumlahAnggaran": "Baris jumlah tabel anggaran sebagaimana tercetak.",
    "Tercetak": "Angka sebagaimana dicetak di laporan (bukti). Jangan dikoreksi: mesin menghitung ulang dan menampilkan selisihnya.",
    "Penandatangan": "Penandatangan laporan.",
    "PenandatanganLaporan": "Pembuat laporan dan atasan yang mengetahui.",
    "Narasi": "Uraian laporan; setiap bagian berupa daftar (baris berawalan '- ').",
    "Laporan": "Laporan satu triwulan. Angka ditulis kumulatif s.d. triwulan tersebut.",
}

# Field descriptions: "Model.field" first, then "field".
FIELD_DESCRIPTIONS: dict[str, str] = {
    "judul": "Judul.",
    "Situs.judul": "Judul situs.",
    "Situs.data_per": "Tanggal data (TTTT-BB-HH). Tidak boleh ada laporan untuk periode sesudah tanggal ini.",
    "Situs.tampilan_nip": "Tampilan NIP di situs: samar (bawaan), lengkap atau sembunyi.",
    "lisensi": "Lisensi data, mis. CC BY 4.0.",
    "kebijakan": "Kebijakan perhitungan yang berbeda dari bawaan (lihat halaman Metodologi).",
    "nama": "Nama.",
    "nama_tertulis": "Ejaan lain sebagaimana tercetak di dokumen.",
    "Wilayah.jenis": "kota, kabupaten atau provinsi.",
    "kepala_daerah": "Wali kota, bupati atau gubernur.",
    "singkatan": "Singkatan, mis. Dinperinaker.",
    "dasar_hukum": "Dasar hukum, mis. Peraturan Wali Kota tentang kedudukan, susunan organisasi, tugas dan fungsi.",
    "tugas": "Tugas (satu paragraf).",
    "fungsi": "Fungsi: daftar, satu butir per baris berawalan '- '.",
    "unit": "Unit kerja.",
    "Jabatan.unit": "Id unit kerja jabatan ini (dari perangkat-daerah.yml). Kosong: langsung di bawah kepala perangkat daerah.",
    "Unit.jenis": "sekretariat, subbagian, bidang, seksi, uptd, kelompok_fungsional atau lainnya.",
    "sumber_dokumen": "Dokumen sumber; laporan merujuknya lewat `sumber`.",
    "id": "Id: huruf kecil, angka dan tanda hubung, mis. indeks-kepuasan-masyarakat. Jangan diubah setelah terbit (menjadi alamat halaman).",
    "jabatan": "Nama jabatan.",
    "Tahunan.jabatan": "Id jabatan = nama berkas tanpa .yml (mis. kepala-dinas).",
    "Tahunan.tahun": "Tahun, sama dengan nama foldernya.",
    "Jabatan.jenis": "struktural, fungsional atau pelaksana.",
    "kelompok_pembanding": "Jabatan sejenis lintas perangkat daerah, wilayah dan tahun (untuk halaman perbandingan).",
    "atasan": "Id berkas jabatan atasan langsung di perangkat daerah ini.",
    "atasan_luar": "Atasan di luar perangkat daerah, mis. Walikota Pekalongan.",
    "pemangku": "Pemangku jabatan (bisa lebih dari satu, masing-masing dengan masa jabatannya).",
    "status": "PNS atau PPPK.",
    "plt": "true bila pelaksana tugas (Plt.).",
    "mulai": "Tanggal mulai (TTTT-BB-HH).",
    "selesai": "Tanggal selesai (TTTT-BB-HH).",
    "nomor": "Nomor sebagaimana tercetak, dalam tanda kutip, mis. \"1\" atau \"a\".",
    "kelompok": "Baris judul bagian tabel, mis. Tujuan atau Sasaran.",
    "sasaran": "Sasaran.",
    "indikator": "Nama indikator.",
    "Indikator.target": "Target tahunan.",
    "satuan": "Satuan target, mis. %, indeks, orang, dokumen, laporan, bulan.",
    "target_tertulis": "Target sebagaimana tercetak bila berbeda bentuk, mis. \"87,62 indeks\".",
    "target_triwulan": "Target kumulatif s.d. triwulan, mis. {2: 300, 4: 700}.",
    "polaritas": "naik: makin tinggi makin baik (bawaan); turun: makin rendah makin baik.",
    "rincian": "Sub-baris (a, b, c …) dengan bentuk yang sama.",
    "tertulis": "Isi sel sebagaimana tercetak, bila dikoreksi.",
    "catatan": "Catatan.",
    "perjanjian_kinerja": "Versi perjanjian kinerja berurutan (penetapan, lalu perubahan). Yang terakhir berlaku.",
    "versi": "penetapan (awal) atau perubahan (revisi, dengan tanggal dan alasan).",
    "alasan": "Alasan perubahan.",
    "anggaran": "Anggaran.",
    "Tahunan.anggaran": "Pohon anggaran: program → kegiatan → sub kegiatan.",
    "Laporan.anggaran": "Realisasi anggaran per pos (id dari `anggaran` tahunan): {target: …, realisasi: …}.",
    "pagu": "Pagu (alokasi) dalam Rupiah.",
    "laporan": "Laporan per triwulan.",
    "triwulan": "Triwulan: 1, 2, 3 atau 4.",
    "tanggal": "Tanggal (TTTT-BB-HH).",
    "tempat": "Tempat penandatanganan.",
    "sumber": "Id dokumen sumber dari sumber_dokumen perangkat daerah.",
    "realisasi": "Realisasi.",
    "Laporan.realisasi": "Realisasi kumulatif s.d. triwulan per indikator: `id-indikator: angka`, atau `na: alasan` bila data belum tersedia.",
    "RealisasiAnggaran.realisasi": "Realisasi anggaran kumulatif s.d. triwulan (Rupiah).",
    "RealisasiAnggaran.target": "Target anggaran kumulatif s.d. triwulan (Rupiah); kosong berarti sama dengan pagu.",
    "Realisasi.nilai": "Realisasi kumulatif s.d. triwulan.",
    "Realisasi.na": "Alasan data belum tersedia (n/a), mis. dirilis BPS tahun berikutnya.",
    "Realisasi.target": "Target kumulatif s.d. triwulan ini, bila berbeda dari perjanjian kinerja.",
    "Realisasi.target_na": "Alasan target s.d. triwulan ini tercetak n/a.",
    "narasi": "Uraian laporan.",
    "penandatangan": "Penandatangan.",
    "tercetak": "Angka sebagaimana tercetak (bukti); mesin menghitung ulang dan menampilkan selisihnya.",
    "catatan_sumber": "Catatan tentang cacat dokumen sumber (salah ketik, angka salah cetak), dengan nomor baris.",
    "faktor_pendukung": "Faktor pendukung.",
    "faktor_penghambat": "Faktor penghambat.",
    "upaya": "Upaya yang dilakukan.",
    "kesimpulan": "Kesimpulan.",
    "rekomendasi": "Rekomendasi.",
    "keterangan": "Keterangan hasil.",
    "jabatan_id": "Id jabatan di perangkat daerah ini, bila penandatangan adalah salah satunya.",
    "nip_tertulis": "NIP sebagaimana tercetak, bila salah cetak.",
    "Cetak.nilai": "Angka tercetak.",
    "Cetak.tertulis": "Teks persis seperti tercetak, mis. \"118%\".",
    "cara": "setengah_ke_atas (dibulatkan) atau potong (dipotong).",
    "desimal": "Jumlah angka di belakang koma (0–6).",
    "di_atas": "Batas bawah (eksklusif) pita ini; kosong untuk pita terendah.",
    "predikat": "Predikat.",
}


def _describe(cls: type[BaseModel], schema: dict) -> None:
    name = cls.__name__
    if name in MODEL_DESCRIPTIONS:
        schema["description"] = MODEL_DESCRIPTIONS[name]
    else:
        schema.pop("description", None)  # never show an English docstring to staff
    for field, prop in schema.get("properties", {}).items():
        text = FIELD_DESCRIPTIONS.get(f"{name}.{field}") or FIELD_DESCRIPTIONS.get(field)
        if name == "Kebijakan" and field in POLICY_DESCRIPTIONS:
            options = [f"{k}: {v}" for k, v in POLICY_DESCRIPTIONS[field].items() if k != "_"]
            text = POLICY_DESCRIPTIONS[field]["_"] + (" — " + "; ".join(options) if options else "") + "."
        if text:
            prop["description"] = text


# --------------------------------------------------------------------------- generation

def generate(kind: str) -> dict[str, Any]:
    model, title = FILE_TYPES[kind]
    schema = model.model_json_schema(schema_generator=_Generator, mode="validation", ref_template="#/definitions/{model}")
    schema = _draft7(schema)
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}


def _draft7(node: Any) -> Any:
    """pydantic writes 2020-12; draft 7 keeps definitions under `definitions` and ignores
    keywords next to `$ref`, so a described reference is wrapped in `allOf`."""
    if isinstance(node, list):
        return [_draft7(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {("definitions" if k == "$defs" else k): _draft7(v) for k, v in node.items()}
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out = {"allOf": [{"$ref": ref}], **out}
    return out


def render(kind: str) -> str:
    return json.dumps(generate(kind), ensure_ascii=False, indent=2) + "\n"


def schema_file(out_dir: Path, kind: str) -> Path:
    return out_dir / f"{kind}.schema.json"


def stale(out_dir: Path) -> list[Path]:
    """Schema files that are missing or differ from what the models generate now."""
    result = []
    for kind in FILE_TYPES:
        path = schema_file(out_dir, kind)
        if not path.exists() or path.read_text(encoding="utf-8") != render(kind):
            result.append(path)
    return result


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    changed = stale(out_dir)
    for path in changed:
        path.write_text(render(path.name.removesuffix(".schema.json")), encoding="utf-8")
    return changed


# --------------------------------------------------------------------------- data files and their headers

def file_kind(data_dir: Path, path: Path) -> str | None:
    """Which schema a data file follows, from its place in the layout (see validate.assemble)."""
    try:
        parts = path.resolve().relative_to(data_dir.resolve()).parts
    except ValueError:
        return None
    if path.suffix not in YAML_SUFFIXES or any(p.startswith((".", "_")) for p in parts[:-1]):
        return None
    if parts == (SITE_FILE,):
        return "situs"
    if len(parts) == 2 and parts[1] == REGION_FILE:
        return "wilayah"
    if len(parts) == 3 and parts[2] == AGENCY_FILE:
        return "perangkat-daerah"
    if len(parts) == 4 and parts[2] == POSITIONS_DIR:
        return "jabatan"
    if len(parts) == 4 and re.fullmatch(r"\d{4}", parts[2]):
        return "tahunan"
    return None


def data_files(data_dir: Path) -> list[tuple[Path, str]]:
    out = []
    for path in sorted(data_dir.rglob("*")):
        kind = file_kind(data_dir, path) if path.is_file() else None
        if kind:
            out.append((path, kind))
    return out


def header_line(path: Path, kind: str, out_dir: Path) -> str:
    rel = Path(os.path.relpath(schema_file(out_dir, kind).resolve(), path.parent.resolve())).as_posix()
    return f"{HEADER_PREFIX} $schema={rel}"


def with_header(text: str, header: str) -> str:
    """``text`` with ``header`` as its first line: replaces an existing yaml-language-server
    line there, keeps a BOM and the file's line endings, touches nothing else."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    first, sep, rest = body.partition("\n")
    newline = "\r\n" if first.endswith("\r") else "\n"
    if first.rstrip("\r").startswith(HEADER_PREFIX):
        body = rest if sep else ""
    return f"{bom}{header}{newline}{body}"


def add_headers(data_dir: Path, out_dir: Path) -> list[Path]:
    changed = []
    for path, kind in data_files(data_dir):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # `kinerja check` reports it; never rewrite a file we cannot read
        new = with_header(text, header_line(path, kind, out_dir))
        if new != text:
            path.write_bytes(new.encode("utf-8"))
            changed.append(path)
    return changed


# --------------------------------------------------------------------------- command

def cmd_schema(args: argparse.Namespace) -> int:
    out_dir = Path(args.out)
    if args.check:
        old = stale(out_dir)
        if old:
            for path in old:
                print(f"{path.as_posix()}: skema usang atau belum ada")
            print("\nSkema JSON tidak sesuai lagi dengan generator/model.py. Jalankan `kinerja schema` lalu sertakan hasilnya dalam commit.")
            return 1
        print(f"Skema JSON di {out_dir.as_posix()}/ sudah sesuai dengan model data.")
        return 0
    if args.headers:
        data_dir = Path(args.data or "data")
        if not data_dir.is_dir():
            print(f"Folder data '{data_dir}' tidak ada.")
            return 1
        changed = add_headers(data_dir, out_dir)
        total = len(data_files(data_dir))
        print(f"Baris rujukan skema diperbarui pada {len(changed)} dari {total} berkas data.")
        return 0
    changed = write_all(out_dir)
    if changed:
        for path in changed:
            print(f"ditulis: {path.as_posix()}")
    print(f"{len(FILE_TYPES)} skema di {out_dir.as_posix()}/ ({len(changed)} berubah).")
    return 0


def add_commands(subparsers, common) -> None:
    s = subparsers.add_parser("schema", help="tulis skema JSON berkas data (bantuan isian dan pemeriksaan di VS Code / github.dev)")
    common(s)
    s.add_argument("--out", default="schemas", help="folder skema (default: schemas)")
    mode = s.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="gagal bila skema di folder tidak sesuai lagi dengan model data")
    mode.add_argument("--headers", action="store_true",
                      help="tulis/perbarui baris pertama '# yaml-language-server: $schema=…' di setiap berkas data")
    s.set_defaults(func=cmd_schema)

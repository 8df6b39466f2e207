"""The whole dataset as a Frictionless Tabular Data Package (datapackage.json describing
the four CSV tables with types, Indonesian descriptions, primary and foreign keys) and
as one deterministic zip of everything."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Mapping

from generator.compute import serialize
from generator.core import addresses
from generator.opendata.columns import TABLES, TITLES
from generator.opendata.csvfile import csv_bytes
from generator.opendata.provenance import Provenance, licence_id, licence_url
from generator.opendata.zipreuse import reusing_zip
from generator.render.workbook import Column

FIELD_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "persen": "number",
    "rupiah": "integer",
    "boolean": "boolean",
    "date": "date",
}
ENUMS = {
    "status": ["terukur", "na", "target_nol", "tak_terhitung", "belum_ada", "teks", "tidak_diisi", "bukan_indikator"],
    "polaritas": ["naik", "turun"],
    "jenis_baris": ["indikator", "nihil", "kosong", "komponen"],
    "pengukuran": ["kumulatif", "per_triwulan"],
    "sumber_indikator": ["pk", "iki"],
    "jenis_jabatan": ["struktural", "fungsional", "pelaksana"],
}
KEY = ["wilayah_id", "perangkat_daerah_id", "jabatan_id"]
PRIMARY = {"jabatan": KEY, "ringkasan": ["laporan_id"], "indikator": ["id"], "anggaran": ["id"]}
FOREIGN = {
    "ringkasan": [{"fields": KEY, "reference": {"resource": "jabatan", "fields": KEY}}],
    "indikator": [
        {"fields": ["laporan_id"], "reference": {"resource": "ringkasan", "fields": ["laporan_id"]}},
        {"fields": KEY, "reference": {"resource": "jabatan", "fields": KEY}},
    ],
    "anggaran": [{"fields": ["laporan_id"], "reference": {"resource": "ringkasan", "fields": ["laporan_id"]}}],
}
DESCRIPTIONS = {
    "jabatan": "Satu baris per jabatan: perangkat daerah, unit kerja, atasan, pemangku pada tanggal data.",
    "ringkasan": "Satu baris per laporan (jabatan × periode): rata-rata capaian, predikat, anggaran total, efisiensi, "
    "beserta angka tercetak di dokumen sumber.",
    "indikator": "Satu baris per indikator per periode: target, realisasi, capaian, predikat, satuan, polaritas, kebijakan "
    "perhitungan, dan rumus indikator. Jabatan yang baru memiliki definisi indikator (mis. IKI) tampil dengan "
    "periode berupa tahun dan tanpa realisasi.",
    "anggaran": "Satu baris per pos anggaran (program, kegiatan, sub kegiatan) per periode: pagu, target, realisasi, persentase.",
}


def resource_path(name: str) -> str:
    """Docs-relative path of one resource's CSV (the whole-dataset downloads)."""
    links = addresses.download_links("semua")
    return {
        "jabatan": addresses.JABATAN_CSV,
        "ringkasan": links["csv_ringkasan"],
        "indikator": links["csv"],
        "anggaran": links["csv_anggaran"],
    }[name]


def _field(c: Column) -> dict:
    f: dict[str, object] = {"name": c.name, "title": c.title, "type": FIELD_TYPES[c.type], "description": c.description}
    if c.type == "boolean":
        f.update(trueValues=["true"], falseValues=["false"])
    if c.type in ("persen", "number"):
        f["decimalChar"] = "."
    if c.name in ENUMS:
        f["constraints"] = {"enum": ENUMS[c.name]}
    return f


def _resource(name: str, prefix: str) -> dict:
    fields = [_field(c) for c in TABLES[name]]
    for f in fields:
        if f["name"] in PRIMARY[name]:
            f.setdefault("constraints", {})["required"] = True
    schema = {"fields": fields, "primaryKey": PRIMARY[name], "missingValues": [""]}
    if name in FOREIGN:
        schema["foreignKeys"] = FOREIGN[name]
    path = resource_path(name)[len(prefix) :]
    return {
        "name": name,
        "title": TITLES[name],
        "description": DESCRIPTIONS[name],
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
        "schema": schema,
    }


def datapackage(prov: Provenance, description: str | None, names: list[str], site_url: str | None) -> dict:
    """``names``: the resources to list (anggaran only when there are budget rows)."""
    prefix = addresses.DATAPACKAGE.rsplit("/", 1)[0] + "/"
    lic = {"name": licence_id(prov.lisensi), "title": prov.lisensi}
    if url := licence_url(prov.lisensi):
        lic["path"] = url
    pkg = {
        "profile": "tabular-data-package",
        "name": "kinerja-perangkat-daerah",
        "title": prov.penerbit,
        "description": " ".join(
            x
            for x in (
                description,
                "Capaian kinerja (Perjanjian Kinerja, realisasi, capaian, predikat) "
                "dan realisasi anggaran, dihitung ulang dari dokumen sumber. "
                f"Cara mengutip: {prov.sitasi}",
            )
            if x
        ),
        "keywords": ["SAKIP", "kinerja", "perjanjian kinerja", "IKI", "anggaran", "pemerintah daerah", "Indonesia"],
        "licenses": [lic],
        "sources": [{"title": s.judul} for s in prov.sumber],
        "data_per": prov.data_per.isoformat(),
        "commit": prov.commit,
        "sitasi": prov.sitasi,
        "resources": [_resource(n, prefix) for n in names],
    }
    if site_url:
        pkg["homepage"] = prov.absolute(prov.halaman)
    return pkg


def dumps(doc: dict) -> bytes:
    return (serialize.dumps(doc) + "\n").encode("utf-8")


def readme(prov: Provenance, files: list[str]) -> bytes:
    lines = [prov.penerbit, "=" * len(prov.penerbit), ""]
    lines += [f"{label}: {text}" for label, text in prov.as_rows()]
    lines += (
        ["", "Isi arsip:"]
        + [f"- {f}" for f in files]
        + [
            "",
            "CSV: UTF-8 (dengan BOM), pemisah koma, angka desimal dengan titik (101.72), Rupiah bilangan bulat.",
            "Sel teks CSV yang diawali =, +, -, @, tab, atau tanda petik diberi satu tanda petik tunggal (') di "
            "depannya supaya program lembar kerja tidak menjalankannya sebagai rumus; buang satu tanda petik itu "
            "untuk mendapatkan teks aslinya. JSON memuat teks persis apa adanya.",
            "datapackage.json: deskripsi Frictionless Data Package (tipe kolom, kunci, keterangan).",
            "kinerja.xlsx: lembar Ringkasan (satu baris per laporan) dan Jabatan, dengan lembar Catatan; sel berisi "
            "bilangan, tampilan format Indonesia. Baris per indikator dan per pos anggaran ada di kinerja.csv dan "
            "kinerja_anggaran.csv.",
            "api/v1/: dokumen API statis (JSON) dan skemanya (JSON Schema 2020-12); satu dokumen per laporan di "
            "api/v1/laporan/, berbentuk `kinerja compute --json` (kinerja-compute/1).",
        ]
    )
    if DOKUMEN_MANIFEST in files:
        lines.append(
            f"{DOKUMEN_MANIFEST}: daftar dokumen resmi (Laporan Kinerja, Perjanjian Kinerja, IKI) sebagai PDF/A "
            "dan DOCX, dibuat dari data yang sama (NIP disamarkan): alamat unduhan, jenis, tahun, triwulan, ukuran "
            "(byte) dan sidik SHA-256 setiap berkas. Berkasnya sendiri tidak ikut dalam arsip ini supaya arsip tetap "
            "kecil; unduh dari alamatnya dan cocokkan sidiknya."
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


DOKUMEN_MANIFEST = f"{addresses.DOKUMEN}/daftar-dokumen.csv"
_MANIFEST_COLUMNS = [
    Column("url", "Alamat", "string"),
    Column("berkas", "Berkas", "string"),
    Column("format", "Format", "string"),
    Column("jenis", "Jenis", "string"),
    Column("wilayah", "Wilayah", "string"),
    Column("perangkat_daerah", "Perangkat daerah", "string"),
    Column("jabatan", "Jabatan", "string"),
    Column("tahun", "Tahun", "integer"),
    Column("triwulan", "Triwulan", "integer"),
    Column("bytes", "Ukuran (byte)", "integer"),
    Column("sha256", "SHA-256", "string"),
]


def _size_and_sha256(files: Mapping[str, bytes], path: str) -> tuple[int, str]:
    """A file's size and sha256: as the docs writer noted them when the file was written or
    checked (site/docs.DocsWriter: the documents are not read again), else from its bytes."""
    digest, size = getattr(files, "digest", None), getattr(files, "size", None)
    if digest is not None and size is not None:
        sha = digest(path)
        if sha is not None:
            return size(path), sha
    data = files[path]
    return len(data), hashlib.sha256(data).hexdigest()


def document_manifest(files: Mapping[str, bytes], prov: Provenance) -> bytes | None:
    """One CSV row per official document file (PDF and DOCX) the API index lists: its
    address, what it is, its size and SHA-256; None when ``files`` holds none (open data
    made without the site). The zip lists the documents instead of holding copies: at
    province scale the copies would double the documents' bytes on the site."""
    index = json.loads(files[addresses.api_index()])
    rows = []
    for d in index.get("dokumen_resmi", []):
        for ext in addresses.DOKUMEN_FORMAT:
            path = d[ext]
            if path not in files:
                continue
            size, sha = _size_and_sha256(files, path)
            rows.append(
                {
                    **{k: d.get(k) for k in ("jenis", "wilayah", "perangkat_daerah", "jabatan", "tahun", "triwulan")},
                    "url": prov.absolute(path),
                    "berkas": path,
                    "format": ext,
                    "bytes": size,
                    "sha256": sha,
                }
            )
    return csv_bytes(_MANIFEST_COLUMNS, rows) if rows else None  # none made (open data without the site)


def zip_all(files: Mapping[str, bytes], prov: Provenance, previous: bytes | None = None) -> bytes:
    """Everything of the whole dataset: data package + its CSVs, the XLSX, and the whole API
    (its report documents are the JSON of every period). ``previous``: the zip the previous
    build wrote, whose members' compressed bytes are reused where they still hold
    (opendata/zipreuse.py: the same bytes either way)."""
    top = addresses.UNDUH + "/"
    whole = addresses.download_links("semua")
    wanted = [whole[k] for k in ("csv", "csv_ringkasan", "csv_anggaran", "csv_jabatan", "xlsx")] + [addresses.DATAPACKAGE]
    entries: list[tuple[str, bytes | Callable[[], bytes]]] = [(p[len(top) :], files[p]) for p in wanted if p in files]
    # the API's files are on disk at scale: each is read only as it is written into the zip
    entries += [(p, functools.partial(files.__getitem__, p)) for p in files if p.startswith(addresses.API + "/")]
    manifest = document_manifest(files, prov) if addresses.api_index() in files else None
    if manifest is not None:  # the official documents: listed (address, size, SHA-256), not copied
        entries.append((DOKUMEN_MANIFEST, manifest))
    names = sorted(n for n, _ in entries)
    entries.append(("BACA-SAYA.txt", readme(prov, names)))
    return reusing_zip(entries, prov.data_per, previous)[0]

"""The "Unduh data" links of a page: which downloads of a scope exist, labelled for people."""

from __future__ import annotations

from collections.abc import Callable

from generator.core.addresses import download_links

# "Unduh data" links: format → (label, what the file holds), in the order shown.
UNDUH_FORMAT = {
    "csv": ("CSV", "satu baris per indikator per periode"),
    "csv_ringkasan": ("CSV ringkasan", "satu baris per laporan: rata-rata capaian, predikat, anggaran, efisiensi"),
    "csv_anggaran": ("CSV anggaran", "pagu, target dan realisasi per program, kegiatan dan sub kegiatan"),
    "xlsx": ("XLSX", "lembar kerja Excel/LibreOffice dengan lembar catatan sumber dan lisensi"),
    "json": ("JSON", "angka hasil hitung beserta kebijakan perhitungan dan angka tercetak"),
    "api": ("API", "dokumen API statis (JSON), lihat halaman API dan Data"),
    "zip": ("ZIP", "semua berkas unduhan dalam satu arsip"),
    "datapackage": ("Data Package", "deskripsi Frictionless Data Package untuk portal data"),
}
# The JSON of a region, agency, unit or the whole dataset is its API document (a table of
# contents with links); of one period, the API document of that report.
JSON_API_HINT = "dokumen API statis (JSON): daftar isi dengan tautan ke dokumen setiap jabatan dan laporan"
JSON_REPORT_HINT = "angka hasil hitung laporan ini beserta kebijakan perhitungan dan angka tercetak (dokumen API)"
SEMUA_PERIODE_HINT = "; berkas ini memuat semua periode jabatan ini: pilih barisnya menurut kolom periode"

# Scopes without files of their own (issue 21: the same rows were written again at every
# level): a region's rows are in the whole dataset's files, a unit's in its agency's, and a
# position's report-summary and budget rows in its agency's CSVs (the position keeps its
# indicator CSV and its workbook, which has every sheet). Their links lead to those files.
ENCLOSING = {"wilayah": "semua", "unit": "perangkat_daerah", "jabatan": "perangkat_daerah"}
TABLE_FORMATS = ("csv", "csv_ringkasan", "csv_anggaran", "xlsx")
# How to find a scope's rows in the enclosing file (page note and API document alike).
WADAH = {
    "wilayah": "berkas seluruh data; baris wilayah ini menurut kolom wilayah_id (di XLSX: Wilayah)",
    "unit": "berkas perangkat daerah; baris unit ini dan unit di bawahnya menurut kolom unit_id (di XLSX: Unit kerja)",
}


def held_links(
    kind: str,
    region: str | None = None,
    agency: str | None = None,
    id: str | None = None,
    tahun: int | None = None,
    triwulan: int | None = None,
    *,
    exists: Callable[[str], bool],
) -> dict[str, str]:
    """Every download of a scope, format → docs-relative path: its own files that exist
    (``exists``); a table without a file of its own leads to the enclosing scope's file,
    which holds its rows (ENCLOSING); ``json`` without a file of its own is the scope's API
    document. The API documents list these (opendata/files.py), the region and unit pages
    show them."""
    own = download_links(kind, region, agency, id, tahun, triwulan)
    links = {k: v for k, v in own.items() if exists(v)}
    if "json" not in links and exists(own["api"]):
        links["json"] = own["api"]
    up = ENCLOSING.get(kind)
    if up is not None:
        outer = download_links(up, None if up == "semua" else region, None if up == "semua" else agency)
        for k in TABLE_FORMATS:
            if k not in links and exists(outer[k]):
                links[k] = outer[k]
    return links


def downloads(files: dict[str, bytes] | None):
    """The ``unduh`` template helper: the download links of one scope, as
    [{"label", "hint", "path", "semua_periode", "wadah"}], only for files that exist (none
    when the open-data files were not generated, e.g. rendering pages alone), in the order of
    ``only`` when given. One period of a position has only its JSON of its own: its CSV and
    XLSX are the position's files for all periods (``semua_periode`` True). A region's and
    a unit's tables are the enclosing scope's files (``wadah``: how to find its rows there);
    a position's JSON is its API document."""

    def unduh(
        kind: str,
        region: str | None = None,
        agency: str | None = None,
        id: str | None = None,
        tahun: int | None = None,
        triwulan: int | None = None,
        only: tuple[str, ...] | None = None,
    ) -> list[dict]:
        if not files:
            return []
        exists = files.__contains__
        if kind in WADAH:  # no files of its own: the enclosing scope's, with a note on finding the rows
            links = held_links(kind, region, agency, id, exists=exists)
        else:
            links = download_links(kind, region, agency, id, tahun, triwulan, files=files)
            own_api = links.get("api")
            if "json" not in links and own_api is not None:  # a position: its API document
                links["json"] = own_api
        period = kind == "jabatan" and tahun is not None and triwulan is not None
        whole = download_links(kind, region, agency, id, files=files) if period else {}
        wadah = WADAH.get(kind)
        hints = {f: hint for f, (_label, hint) in UNDUH_FORMAT.items()}
        if "api" in links and links["api"] == links.get("json"):
            links.pop("api")  # the JSON is the API document
            hints["json"] = JSON_REPORT_HINT if period else JSON_API_HINT
        order = only if only is not None else tuple(UNDUH_FORMAT)
        out = []
        for f in order:
            if f not in links or f not in UNDUH_FORMAT:
                continue
            semua = whole.get(f) == links[f]
            out.append(
                {
                    "label": UNDUH_FORMAT[f][0],
                    "hint": hints[f] + (SEMUA_PERIODE_HINT if semua else ""),
                    "path": links[f],
                    "semua_periode": semua,
                    "wadah": wadah if f in TABLE_FORMATS else None,
                }
            )
        return out

    return unduh

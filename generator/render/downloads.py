"""The "Unduh data" links of a page: which downloads of a scope exist, labelled for people."""

from __future__ import annotations

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


def downloads(files: dict[str, bytes] | None):
    """The ``unduh`` template helper: the download links of one scope, as
    [{"label", "hint", "path", "semua_periode"}], only for files that exist (none when the
    open-data files were not generated, e.g. rendering pages alone), in the order of
    ``only`` when given. One period of a position has only its JSON of its own: its CSV and
    XLSX are the position's files for all periods (``semua_periode`` True)."""

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
        links = download_links(kind, region, agency, id, tahun, triwulan, files=files)
        period = kind == "jabatan" and tahun is not None and triwulan is not None
        whole = download_links(kind, region, agency, id, files=files) if period else {}
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
                }
            )
        return out

    return unduh

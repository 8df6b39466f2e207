"""The Petunjuk sheet: how to fill in the workbook, in Indonesian, for the staff who do it
and the data manager who imports it."""

from __future__ import annotations

from typing import Any

from generator.core.fmt import ROMAWI
from generator.model import Tahunan
from generator.staff.spreadsheet.sheets import HAPUS


def lines(t: Tahunan, tw: int, prev: int | None, rel: str, new: bool) -> list[tuple[str, bool]]:
    r = ROMAWI[tw]
    before = (
        f'   Kolom "Realisasi s.d. TW {ROMAWI[prev]} (sudah dilaporkan)" di sebelahnya menunjukkan angka kumulatif yang sudah dilaporkan; '
        "realisasi kumulatif biasanya tidak lebih kecil dari angka itu."
        if prev
        else ""
    )
    out = [
        (f"Lembar isian kinerja {t.jabatan}, triwulan {r} tahun {t.tahun}", True),
        (f"Berkas data: {rel}" + (" (laporan triwulan ini belum ada; dibuat saat impor)" if new else ""), False),
        ("", False),
        ("Cara mengisi", True),
        (
            f'1. Lembar Realisasi: isi kolom "Realisasi s.d. TW {r}" dengan angka KUMULATIF sejak awal tahun sampai akhir triwulan {r}.',
            False,
        ),
        *([(before, False)] if before else []),
        (
            '2. Bila datanya belum tersedia (mis. menunggu rilis BPS), kosongkan realisasi dan tulis alasannya di kolom "Alasan bila data belum tersedia".',
            False,
        ),
        (
            "3. Tulis angka saja, tanpa satuan atau Rp. Angka desimal mengikuti pengaturan Excel Anda (95,14 pada Excel berbahasa Indonesia).",
            False,
        ),
        ("   Angka yang ditulis sebagai teks juga dibaca: 95,14 atau 1.537.000.", False),
        (
            "   Untuk indikator bersatuan persen, 95,5% (yang disimpan Excel sebagai 0,955) dibaca sebagai 95,5. Untuk satuan lain, sel berformat persen ditolak.",
            False,
        ),
        (
            f"4. Lembar Anggaran: isi realisasi anggaran kumulatif s.d. triwulan {r} dalam Rupiah. Target awalnya sama dengan pagu.",
            False,
        ),
        (
            "5. Lembar Narasi: satu butir per baris. Pilih bagiannya di kolom Bagian (faktor_pendukung, faktor_penghambat, upaya, …).",
            False,
        ),
        ("   Untuk menambah butir, isi baris kosong di bawahnya.", False),
        (
            f'6. MENGHAPUS: sel yang dikosongkan TIDAK menghapus apa pun; isi yang tersimpan tetap dipakai. Untuk menghapus, tulis kata "{HAPUS}" di selnya',
            False,
        ),
        (
            "   (realisasi, alasan, catatan, realisasi anggaran, atau teks butir narasi). Setiap penghapusan disebutkan saat impor.",
            False,
        ),
        (
            "7. Kolom abu-abu dikunci: id, sasaran, indikator, satuan, polaritas dan target (isi perjanjian kinerja), serta nama dan pagu anggaran.",
            False,
        ),
        (
            "   Perubahan di kolom itu ditolak saat impor. Perubahan perjanjian kinerja dicatat di berkas data sebagai perjanjian versi perubahan, dengan alasannya.",
            False,
        ),
        (
            "   Jangan menambah, menyalin, memindah atau menghapus baris; komentar sel tidak ikut diimpor (tulis di kolom Catatan).",
            False,
        ),
        ("8. Rumus boleh dipakai, asalkan berkas disimpan di Excel/LibreOffice sehingga hasilnya ikut tersimpan.", False),
        ("9. Simpan sebagai .xlsx dan serahkan kembali kepada pengelola data.", False),
        ("", False),
        ("Untuk pengelola data", True),
        (
            f"kinerja spreadsheet import <berkas.xlsx>   menampilkan perubahan pada {rel}; tambahkan --write untuk menyimpannya,",
            False,
        ),
        ("lalu jalankan `kinerja check` dan ajukan perubahan lewat pull request seperti biasa.", False),
    ]
    return out


def write_instructions(ws: Any, t: Tahunan, tw: int, prev: int | None, rel: str, new: bool) -> None:
    from openpyxl.styles import Alignment, Font

    for i, (text, bold) in enumerate(lines(t, tw, prev, rel, new), start=1):
        cell = ws.cell(i, 1, text)
        cell.font = Font(bold=bold, size=13 if i == 1 else 11)
        cell.alignment = Alignment(wrap_text=False)
    ws.column_dimensions["A"].width = 140

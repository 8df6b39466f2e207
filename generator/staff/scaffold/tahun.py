"""`kinerja new tahun`: a position's year file with its Perjanjian Kinerja: indicators and
budget copied from the previous year (realisation not), an empty one from the position
file, or the example agreement of a new site."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from generator.compute.engine import measured_indicators
from generator.core.layout import POSITIONS_DIR
from generator.model import Indikator, Jabatan, PosAnggaran, Tahunan
from generator.staff.datafile import data_root
from generator.staff.scaffold.files import load, write_new
from generator.staff.scaffold.yamltext import HEADER, rupiah, scalar

EXAMPLE_INDICATORS = [
    Indikator(
        id="indeks-kepuasan-masyarakat",
        nomor="1",
        sasaran="Meningkatnya kualitas layanan publik",
        indikator="Indeks kepuasan masyarakat",
        target=Decimal("85"),
        satuan="indeks",
    ),
    Indikator(
        id="pencari-kerja-ditempatkan",
        nomor="2",
        sasaran="Meningkatnya penempatan tenaga kerja",
        indikator="Persentase pencari kerja yang ditempatkan",
        target=Decimal("52.5"),
        satuan="%",
        target_triwulan={2: Decimal("25"), 4: Decimal("52.5")},
    ),
]


def _indicator_lines(ind: Indikator, indent: str, tahun_lama: int | None) -> list[str]:
    """One PK indicator, without what describes the old printed document (…_tertulis, catatan)."""
    out = [f"{indent}- id: {ind.id}"]
    pad = indent + "  "
    for key in ("nomor", "kelompok", "sasaran", "indikator"):
        value = getattr(ind, key)
        if value is not None:
            out.append(f"{pad}{key}: {json.dumps(value) if key == 'nomor' else scalar(value)}")
    if ind.sasaran_diwarisi:
        out.append(f"{pad}sasaran_diwarisi: true")
    if ind.target is not None:
        note = f"  # target {tahun_lama}: ganti dengan target tahun ini" if tahun_lama else ""
        out.append(f"{pad}target: {scalar(ind.target)}{note}")
    if ind.satuan:
        out.append(f"{pad}satuan: {scalar(ind.satuan)}")
    if ind.target_triwulan:
        note = f"  # target kumulatif per triwulan {tahun_lama}: perbarui" if tahun_lama else ""
        out.append(f"{pad}target_triwulan:{note}")
        out += [f"{pad}  {tw}: {scalar(v)}" for tw, v in sorted(ind.target_triwulan.items())]
    if ind.polaritas != "naik":
        out.append(f"{pad}polaritas: {ind.polaritas}")
    if ind.polaritas_dinyatakan:
        out.append(f"{pad}polaritas_dinyatakan: true")
    if ind.formula is not None:
        out.append(f"{pad}formula:")
        for key, value in ind.formula.model_dump(exclude_none=True).items():
            out.append(f"{pad}  {key}: {scalar(value)}")
    for key in ("penjelasan", "sumber_data", "penanggung_jawab"):
        value = getattr(ind, key)
        if value is not None:
            out.append(f"{pad}{key}: {scalar(value)}")
    if ind.rincian:
        out.append(f"{pad}rincian:")
        for child in ind.rincian:
            out += _indicator_lines(child, pad + "  ", tahun_lama)
    return out


def _budget_lines(pos: PosAnggaran, indent: str, tahun_lama: int) -> list[str]:
    pad = indent + "  "
    out = [f"{indent}- id: {pos.id}", f"{pad}jenis: {pos.jenis}"]
    if pos.nomor is not None:
        out.append(f"{pad}nomor: {json.dumps(pos.nomor)}")
    out += [f"{pad}nama: {scalar(pos.nama)}", f"{pad}pagu: {rupiah(pos.pagu)}  # pagu {tahun_lama}: ganti dengan pagu tahun ini"]
    if pos.rincian:
        out.append(f"{pad}rincian:")
        for child in pos.rincian:
            out += _budget_lines(child, pad + "  ", tahun_lama)
    return out


def tahunan_text(
    position_id: str, title: str, tahun: int, previous: Tahunan | None, example: list[Indikator] | None = None
) -> str:
    lines = [f"# {title} ({position_id}), tahun {tahun}.", HEADER.rstrip("\n")]
    if example:
        lines.append("# CONTOH perjanjian kinerja: ganti indikator dan targetnya dengan yang ditandatangani.")
    indicators = measured_indicators(previous) if previous else (example or [])
    if previous:
        lines += [
            f"# Disiapkan dengan `kinerja new tahun` dari berkas {previous.tahun}: indikator disalin, realisasi tidak.",
            f"# PERIKSA SETIAP TARGET DAN PAGU: angkanya masih angka {previous.tahun} sampai diganti dengan angka",
            f"# Perjanjian Kinerja {tahun} yang ditandatangani. Hapus indikator yang tidak ada lagi.",
        ]
    lines += [
        f"jabatan: {position_id}",
        f"tahun: {tahun}",
        "perjanjian_kinerja:",
        "  - versi: penetapan",
        f"    # tanggal: {tahun}-01-31  # tanggal penandatanganan perjanjian kinerja",
    ]
    if indicators:
        lines.append("    indikator:")
        for ind in indicators:
            lines += _indicator_lines(ind, "      ", previous.tahun if previous else None)
    else:
        lines += [
            "    # Ganti [] dengan daftar indikator seperti contoh di bawah (hapus tanda # di depannya).",
            "    indikator: []",
            "    # indikator:",
            "    #   - id: indeks-kepuasan-masyarakat  # huruf kecil dan tanda hubung; jangan diubah setelah terbit",
            '    #     nomor: "1"',
            "    #     sasaran: Meningkatnya kualitas layanan publik",
            "    #     indikator: Indeks kepuasan masyarakat",
            "    #     target: 87,62  # koma desimal",
            "    #     satuan: indeks",
            "    #     polaritas: naik  # naik: makin tinggi makin baik | turun: makin rendah makin baik",
        ]
    if previous and previous.anggaran:
        lines += ["# Anggaran: program → kegiatan → sub kegiatan, dengan pagu (Rupiah, tanpa Rp dan ,-).", "anggaran:"]
        for pos in previous.anggaran:
            lines += _budget_lines(pos, "  ", previous.tahun)
    lines += ["# Laporan triwulan ditambahkan dengan `kinerja new triwulan <berkas ini>`.", "laporan: []", ""]
    return "\n".join(lines)


def new_tahun(source: Path, tahun: int | None) -> Path:
    """From a year file (indicators copied, realisation not) or a position file (empty PK)."""
    if source.parent.name == POSITIONS_DIR:
        jab, _ = load(source, Jabatan)
        if tahun is None:
            tahun = dt.date.today().year
        path = source.parent.parent / str(tahun) / source.name
        write_new(path, tahunan_text(source.stem, jab.jabatan, tahun, None), data_root(source))
        return path
    previous, _ = load(source, Tahunan)
    tahun = tahun or previous.tahun + 1
    position_file = source.parent.parent / POSITIONS_DIR / source.name
    title = load(position_file, Jabatan)[0].jabatan if position_file.is_file() else source.stem
    path = source.parent.parent / str(tahun) / source.name
    write_new(path, tahunan_text(previous.jabatan, title, tahun, previous), data_root(source))
    return path

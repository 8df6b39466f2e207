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
from generator.load import Document
from generator.model import Indikator, Jabatan, PosAnggaran, Tahunan
from generator.staff.datafile import data_root
from generator.staff.scaffold.files import ScaffoldError, load, write_new
from generator.staff.scaffold.kebijakan import carried_lines, policy_names
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
    if ind.jenis_baris != "indikator":
        out.append(f"{pad}jenis_baris: {ind.jenis_baris}")
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
    if ind.pengukuran != "kumulatif":
        out.append(f"{pad}pengukuran: {ind.pengukuran}")
    if ind.dasar_target is not None:
        out.append(f"{pad}dasar_target: {ind.dasar_target}")
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
    if pos.sumber_dana is not None:
        out.append(f"{pad}sumber_dana: {scalar(pos.sumber_dana)}")
    if pos.rincian:
        out.append(f"{pad}rincian:")
        for child in pos.rincian:
            out += _budget_lines(child, pad + "  ", tahun_lama)
    return out


def tahunan_text(
    position_id: str,
    title: str,
    tahun: int,
    previous: Tahunan | None,
    example: list[Indikator] | None = None,
    previous_doc: Document | None = None,
) -> str:
    lines = [f"# {title} ({position_id}), tahun {tahun}.", HEADER.rstrip("\n")]
    if previous is not None and previous.tahun is None:
        raise ScaffoldError("berkas tanpa tahun tidak dapat menjadi dasar tahun berikutnya")
    tahun_lama = previous.tahun if previous is not None else None
    if example:
        lines.append("# CONTOH perjanjian kinerja: ganti indikator dan targetnya dengan yang ditandatangani.")
    indicators = measured_indicators(previous) if previous else (example or [])
    if previous:
        lines += [
            f"# Disiapkan dengan `kinerja new tahun` dari berkas {tahun_lama}: indikator disalin, realisasi tidak.",
            f"# PERIKSA SETIAP TARGET DAN PAGU: angkanya masih angka {tahun_lama} sampai diganti dengan angka",
            f"# Perjanjian Kinerja {tahun} yang ditandatangani. Hapus indikator yang tidak ada lagi.",
        ]
    lines += [f"jabatan: {position_id}", f"tahun: {tahun}"]
    if previous and previous_doc and tahun_lama is not None:
        lines += carried_lines(previous.kebijakan, previous_doc, tahun_lama, tahun)
    lines += [
        "perjanjian_kinerja:",
        "  - versi: penetapan",
        f"    # tanggal: {tahun}-01-31  # tanggal penandatanganan perjanjian kinerja",
    ]
    if indicators:
        lines.append("    indikator:")
        for ind in indicators:
            lines += _indicator_lines(ind, "      ", tahun_lama)
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
    if previous and previous.anggaran and tahun_lama is not None:
        lines += ["# Anggaran: program → kegiatan → sub kegiatan, dengan pagu (Rupiah, tanpa Rp dan ,-).", "anggaran:"]
        for pos in previous.anggaran:
            lines += _budget_lines(pos, "  ", tahun_lama)
    lines += ["# Laporan triwulan ditambahkan dengan `kinerja new triwulan <berkas ini>`.", "laporan: []", ""]
    return "\n".join(lines)


def new_tahun(source: Path, tahun: int | None) -> Path:
    """From a year file (indicators copied, realisation not) or a position file (empty PK)."""
    return new_tahun_with_policies(source, tahun)[0]


def new_tahun_with_policies(source: Path, tahun: int | None) -> tuple[Path, list[str]]:
    """`new_tahun`, and the names of the calculation policies carried from the previous
    year's file (empty when it had none or the source is a position file)."""
    if source.parent.name == POSITIONS_DIR:
        jab, _ = load(source, Jabatan)
        if tahun is None:
            tahun = dt.date.today().year
        path = source.parent.parent / str(tahun) / source.name
        write_new(path, tahunan_text(source.stem, jab.jabatan, tahun, None), data_root(source))
        return path, []
    previous, doc = load(source, Tahunan)
    if previous.tahun is None:
        raise ScaffoldError(
            f"{source.as_posix()} tidak mencantumkan tahun (`tahun: tidak_tercantum`), jadi tidak dapat menjadi dasar "
            f"tahun berikutnya. Buat berkas tahun baru dari berkas jabatannya: `kinerja new tahun "
            f"{(source.parent.parent / POSITIONS_DIR / source.name).as_posix()} --tahun <tahun>`."
        )
    tahun = tahun or previous.tahun + 1
    position_file = source.parent.parent / POSITIONS_DIR / source.name
    title = load(position_file, Jabatan)[0].jabatan if position_file.is_file() else source.stem
    path = source.parent.parent / str(tahun) / source.name
    write_new(path, tahunan_text(previous.jabatan, title, tahun, previous, previous_doc=doc), data_root(source))
    return path, policy_names(previous.kebijakan)

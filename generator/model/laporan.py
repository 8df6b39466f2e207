"""One position's year (``Tahunan``): indicators and the Perjanjian Kinerja, the IKI sheet,
the budget tree, and the quarterly reports with their realisation, printed figures,
narrative and signatures."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.fields import Angka, Id, Model, Nip, Rupiah, Teks, Triwulan
from generator.model.kebijakan import Kebijakan

# --------------------------------------------------------------------------- indicators


class Formula(Model):
    jenis: Literal["rasio_x100", "rasio", "selisih_tahunan", "jumlah", "uraian", "alokasi_target"]
    pembilang: Teks | None = None
    penyebut: Teks | None = None
    pengali: Angka | None = None
    tertulis: Teks | None = None


class Indikator(Model):
    id: Id
    nomor: Teks | None = None
    kelompok: Teks | None = None  # section row of the table, e.g. "Tujuan" or "Sasaran"
    sasaran: Teks | None = None
    sasaran_tertulis: Teks | None = None
    sasaran_diwarisi: bool = False  # taken from a merged cell spanning several rows
    indikator: Teks
    indikator_tertulis: Teks | None = None
    target: Angka | None = None
    satuan: Teks | None = None
    target_tertulis: Teks | None = None
    target_triwulan: dict[Triwulan, Angka] = Field(default_factory=dict)  # cumulative s/d TW
    polaritas: Literal["naik", "turun"] = "naik"
    polaritas_dinyatakan: bool = False  # True when the document states the direction
    formula: Formula | None = None
    penjelasan: Teks | None = None
    sumber_data: Teks | None = None
    penanggung_jawab: Teks | None = None
    tertulis: dict[str, Teks] = Field(default_factory=dict)  # other cells as written, when corrected
    catatan: Teks | None = None
    rincian: list[Indikator] = Field(default_factory=list)  # lettered / numbered sub-rows


class PerjanjianKinerja(Model):
    versi: Literal["penetapan", "perubahan"]
    tanggal: dt.date | None = None
    alasan: Teks | None = None
    judul_tertulis: Teks | None = None
    indikator: list[Indikator]


class DokumenIKI(Model):
    """An Indikator Kinerja Individu sheet: indicator definitions of one position, with
    formulas and data sources, usually without targets or realisation."""

    judul_tertulis: Teks | None = None
    nomor_keputusan: Teks | None = None
    tanggal: dt.date | None = None
    tempat: Teks | None = None
    sumber: Id | None = None
    indikator: list[Indikator]
    penandatangan: PenandatanganLaporan | None = None
    catatan_sumber: list[Teks] = Field(default_factory=list)


class PosAnggaran(Model):
    id: Id
    jenis: Literal["program", "kegiatan", "sub_kegiatan"]
    nomor: Teks | None = None
    nama: Teks
    pagu: Rupiah
    tertulis: dict[str, Teks] = Field(default_factory=dict)
    rincian: list[PosAnggaran] = Field(default_factory=list)


# --------------------------------------------------------------------------- quarterly reports


def _scalar_to_nilai(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError(
            "MISSING_VALUE",
            "nilai kosong",
            {
                "hint": "isi angkanya, atau `na: <alasan>` bila data belum tersedia",
                "en": "empty value",
                "hint_en": "fill in the number, or `na: <reason>` when not available",
            },
        )
    if isinstance(value, dict):
        return value
    return {"nilai": value}


class Realisasi(Model):
    """Realisation s/d the quarter. Short form ``id: 95,14``; long form with ``na`` (reason
    the value is not available), an explicit cumulative ``target`` for this quarter, the
    values as printed (``tertulis``) and a note."""

    nilai: Angka | None = None
    na: Teks | None = None
    target: Angka | None = None
    target_na: Teks | None = None
    tertulis: dict[str, Teks] = Field(default_factory=dict)
    catatan: Teks | None = None

    @model_validator(mode="before")
    @classmethod
    def short_form(cls, value: Any) -> Any:
        return _scalar_to_nilai(value)

    @model_validator(mode="after")
    def nilai_or_na(self) -> Realisasi:
        if self.nilai is None and self.na is None:
            raise PydanticCustomError(
                "MISSING_VALUE",
                "realisasi tanpa nilai",
                {
                    "hint": "isi `nilai`, atau `na: <alasan>` bila data belum tersedia",
                    "en": "realisation without a value",
                    "hint_en": "set `nilai`, or `na: <reason>`",
                },
            )
        if self.nilai is not None and self.na is not None:
            raise PydanticCustomError(
                "TYPE",
                "realisasi berisi `nilai` dan `na` sekaligus",
                {"hint": "hapus salah satu", "en": "realisation has both `nilai` and `na`", "hint_en": "remove one of them"},
            )
        return self


class RealisasiAnggaran(Model):
    target: Rupiah | None = None  # cumulative budget target s/d the quarter; default: pagu
    realisasi: Rupiah
    tertulis: dict[str, Teks] = Field(default_factory=dict)


class Cetak(Model):
    """A figure as the agency printed it: the value, and the text exactly as printed
    when that differs in form ("118%", "97.47 %"). A printed non-number ("na") has
    only ``tertulis``."""

    nilai: Angka | None = None
    tertulis: Teks | None = None

    @model_validator(mode="before")
    @classmethod
    def short_form(cls, value: Any) -> Any:
        return _scalar_to_nilai(value)


class CetakNarasi(Model):
    """The same figures as they appear in the narrative (kesimpulan), which sometimes
    disagrees with the table."""

    rata_rata_capaian: Cetak | None = None
    anggaran_total: Cetak | None = None
    efisiensi: Cetak | None = None


class JumlahAnggaran(Model):
    """The printed sum row of the budget table."""

    pagu: Cetak | None = None
    target: Cetak | None = None
    realisasi: Cetak | None = None


class Tercetak(Model):
    capaian: dict[str, Cetak] = Field(default_factory=dict)
    rata_rata_capaian: Cetak | None = None
    predikat: Teks | None = None
    predikat_tertulis: Teks | None = None
    anggaran: dict[str, Cetak] = Field(default_factory=dict)
    anggaran_total: Cetak | None = None
    anggaran_jumlah: JumlahAnggaran | None = None
    predikat_anggaran: Teks | None = None  # some reports also grade the budget absorption
    efisiensi: Cetak | None = None
    narasi: CetakNarasi = Field(default_factory=CetakNarasi)


class Penandatangan(Model):
    nama: Teks
    nama_tertulis: list[Teks] = Field(default_factory=list)
    jabatan: Teks
    jabatan_id: Id | None = None  # the position in this agency, when it is one
    pangkat: Teks | None = None
    nip: Nip | None = None
    nip_tertulis: Teks | None = None


class PenandatanganLaporan(Model):
    pembuat: Penandatangan
    mengetahui: Penandatangan | None = None


class Narasi(Model):
    keterangan: list[Teks] = Field(default_factory=list)  # explanations of the results
    faktor_pendukung: list[Teks] = Field(default_factory=list)
    faktor_penghambat: list[Teks] = Field(default_factory=list)
    upaya: list[Teks] = Field(default_factory=list)
    kesimpulan: list[Teks] = Field(default_factory=list)
    rekomendasi: list[Teks] = Field(default_factory=list)


class Laporan(Model):
    triwulan: Triwulan
    judul_tertulis: Teks | None = None
    tanggal: dt.date | None = None
    tanggal_tertulis: Teks | None = None  # the date as printed, when it was misprinted
    tempat: Teks | None = None
    sumber: Id | None = None  # SumberDokumen id of the agency
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    realisasi: dict[str, Realisasi] = Field(default_factory=dict)
    anggaran: dict[str, RealisasiAnggaran] = Field(default_factory=dict)
    narasi: Narasi = Field(default_factory=Narasi)
    penandatangan: PenandatanganLaporan | None = None
    tercetak: Tercetak = Field(default_factory=Tercetak)
    catatan_sumber: list[Teks] = Field(default_factory=list)


class Tahunan(Model):
    """One position's year: Perjanjian Kinerja revisions, budget tree, quarterly reports."""

    jabatan: Id
    tahun: int = Field(ge=2000, le=2100)
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    perjanjian_kinerja: list[PerjanjianKinerja] = Field(default_factory=list)
    iki: DokumenIKI | None = None
    anggaran: list[PosAnggaran] = Field(default_factory=list)
    laporan: list[Laporan] = Field(default_factory=list)
    catatan: list[Teks] = Field(default_factory=list)


DokumenIKI.model_rebuild()
Indikator.model_rebuild()
PosAnggaran.model_rebuild()

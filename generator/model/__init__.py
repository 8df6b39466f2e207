"""The data model: what staff write under data/, one pydantic class per YAML shape.

Layout (see README "Data layout"):

    data/site.yml                                   Situs
    data/<wilayah>/wilayah.yml                      Wilayah
    data/<wilayah>/<opd>/perangkat-daerah.yml       PerangkatDaerah (with its unit tree)
    data/<wilayah>/<opd>/jabatan/<id>.yml           Jabatan (facts written once)
    data/<wilayah>/<opd>/<tahun>/<id>.yml           Tahunan (PK, budget, quarterly reports)

Field names are the documents' own Indonesian words. Every model forbids unknown keys
so a typo such as ``realiasi`` is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.core.numbers import NumberError, looks_like_thousands, parse_angka


class YamlNumber(str):
    """A scalar YAML resolved as int/float, kept as its source text so that the number
    parser can tell ``1.537`` (YAML float) from ``"1.537"`` (Indonesian thousands)."""


def _angka(value: Any) -> Decimal:
    try:
        return parse_angka(value, yaml_number=isinstance(value, YamlNumber))
    except NumberError as e:
        raise PydanticCustomError(e.code, e.message, {"hint": e.hint, "en": e.message_en, "hint_en": e.hint_en}) from None


def _rupiah(value: Any) -> Decimal:
    if isinstance(value, YamlNumber) and looks_like_thousands(value):
        plain = value.replace(".", "")
        raise PydanticCustomError(
            "AMBIGUOUS_NUMBER",
            f"Rupiah '{value}' terbaca YAML sebagai {value} (pecahan), hampir pasti maksudnya {plain}",
            {"hint": f"tulis {plain} (tanpa titik), atau angka lengkap dengan titik ribuan dalam tanda kutip",
             "en": f"Rupiah '{value}' is read by YAML as a fraction; it almost certainly means {plain}", "hint_en": f"write {plain}"},
        )
    d = _angka(value)
    if d != d.to_integral_value():
        raise PydanticCustomError(
            "RUPIAH_NOT_WHOLE",
            f"Rupiah harus bilangan bulat, tertulis {value}",
            {"hint": "Rupiah tidak memakai sen; bulatkan, mis. 81.779.000 (bukan 81.779.000,50)",
             "en": f"Rupiah must be whole, got {value}", "hint_en": "Rupiah have no cents; round the amount"},
        )
    return d


def _text(value: Any) -> Any:
    # Numbers written where text is expected (e.g. `no: 1`) are kept as text.
    return str(value) if isinstance(value, YamlNumber) else value


def _nip(value: Any) -> Any:
    if isinstance(value, YamlNumber):
        return str(value)
    if isinstance(value, str):
        return value.replace(" ", "")
    return value


Angka = Annotated[Decimal, BeforeValidator(_angka)]
Rupiah = Annotated[Decimal, BeforeValidator(_rupiah)]
Teks = Annotated[str, BeforeValidator(_text)]
Id = Annotated[str, BeforeValidator(_text), Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Nip = Annotated[str, BeforeValidator(_nip)]
def _int(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.strip().isdigit() else value


Triwulan = Annotated[Literal[1, 2, 3, 4], BeforeValidator(_int)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=True)


# --------------------------------------------------------------------------- policies

Pembulatan = Literal["setengah_ke_atas", "potong"]


class AturanPembulatan(Model):
    cara: Pembulatan = "setengah_ke_atas"
    desimal: int = Field(2, ge=0, le=6)


class Predikat(Model):
    """One band of the ordinal scale: applies to capaian strictly above ``di_atas``
    (the lowest band uses ``di_atas: null`` and takes everything from 0)."""

    di_atas: Angka | None = None
    predikat: Teks
    kategori: Teks | None = None  # the second label, e.g. "Sangat Berhasil"


class Kebijakan(Model):
    """Named calculation policies. Every field is optional here: a file sets only what
    it overrides; generator/policy.py holds the defaults and the merge order
    (site → perangkat daerah → position-year → one report)."""

    polaritas_turun: Literal["target_per_realisasi", "dua_dikurangi_rasio"] | None = None
    dasar_target: Literal["target_sd_triwulan", "target_tahunan"] | None = None
    batas_capaian: Angka | None = None
    tanpa_batas_capaian: bool | None = None
    pembulatan_capaian: AturanPembulatan | None = None
    data_tidak_tersedia: Literal["kecualikan", "skor_100"] | None = None
    target_nol: Literal["kecualikan", "skor_100", "skor_0"] | None = None
    rata_rata_dari: Literal["nilai_dibulatkan", "nilai_penuh"] | None = None
    pembulatan_rata_rata: AturanPembulatan | None = None
    anggaran_total: Literal["tertimbang", "rata_rata_baris"] | None = None
    pembulatan_anggaran: AturanPembulatan | None = None
    pembulatan_anggaran_total: AturanPembulatan | None = None
    efisiensi: Literal["rasio", "selisih", "sisa_anggaran"] | None = None
    pembulatan_efisiensi: AturanPembulatan | None = None
    skala_predikat: list[Predikat] | None = None


# --------------------------------------------------------------------------- site, region, agency

class Situs(Model):
    judul: Teks
    deskripsi: Teks | None = None
    data_per: dt.date  # the data's as-of date: no report may cover a later period
    lisensi: Teks = "CC BY 4.0"
    tampilan_nip: Literal["samar", "lengkap", "sembunyi"] = "samar"
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)


class Pejabat(Model):
    jabatan: Teks
    nama: Teks | None = None
    nama_tertulis: list[Teks] = Field(default_factory=list)


class Wilayah(Model):
    nama: Teks
    jenis: Literal["kota", "kabupaten", "provinsi"]
    kepala_daerah: Pejabat | None = None
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)


JenisUnit = Literal["sekretariat", "subbagian", "bidang", "seksi", "uptd", "kelompok_fungsional", "lainnya"]


class Unit(Model):
    id: Id
    nama: Teks
    jenis: JenisUnit
    nama_tertulis: list[Teks] = Field(default_factory=list)
    unit: list["Unit"] = Field(default_factory=list)


class SumberDokumen(Model):
    id: Id
    judul: Teks
    keterangan: Teks | None = None


class KontakPPID(Model):
    """Where requests go; shown on the procedure pages and the "Ajukan permohonan" links."""

    formulir_url: Teks | None = None
    email: Teks | None = None
    telepon: Teks | None = None
    alamat: Teks | None = None
    jam_layanan: Teks | None = None
    atasan_ppid: Teks | None = None  # who decides objections (keberatan)


class PerangkatDaerah(Model):
    nama: Teks
    singkatan: Teks | None = None
    alamat: Teks | None = None
    situs_web: Teks | None = None
    email: Teks | None = None
    telepon: Teks | None = None
    dasar_hukum: Teks | None = None
    tugas: Teks | None = None
    fungsi: list[Teks] = Field(default_factory=list)
    susunan_organisasi: list[Teks] = Field(default_factory=list)
    unit: list[Unit] = Field(default_factory=list)
    sumber_dokumen: list[SumberDokumen] = Field(default_factory=list)
    ppid: KontakPPID | None = None
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)


# --------------------------------------------------------------------------- positions

class Pemangku(Model):
    """A holder of the position for a period (``mulai``/``selesai`` inclusive, open ends allowed)."""

    nama: Teks
    nama_tertulis: list[Teks] = Field(default_factory=list)  # other spellings as printed
    pangkat: Teks | None = None
    golongan: Teks | None = None
    nip: Nip | None = None
    nip_tertulis: list[Teks] = Field(default_factory=list)
    status: Literal["PNS", "PPPK"] = "PNS"
    plt: bool = False
    mulai: dt.date | None = None
    selesai: dt.date | None = None


class Jabatan(Model):
    jabatan: Teks
    jabatan_tertulis: list[Teks] = Field(default_factory=list)
    jenis: Literal["struktural", "fungsional", "pelaksana"]
    # The same kind of position across agencies, regions and years (comparison pages),
    # e.g. kepala-bidang-hubungan-industrial, mediator-hubungan-industrial.
    kelompok_pembanding: Id | None = None
    unit: Id | None = None  # None: directly under the head of the agency
    atasan: Id | None = None
    atasan_luar: Teks | None = None  # a superior outside the agency, e.g. "Walikota Pekalongan"
    # True when the document does not state the unit / superior and it was inferred
    # (from the title, "pada Bidang …", the last tugas item, or the signatures).
    unit_disimpulkan: bool = False
    atasan_disimpulkan: bool = False
    dasar_penyimpulan: Teks | None = None
    pemangku: list[Pemangku] = Field(default_factory=list)
    dasar_hukum: Teks | None = None
    tugas: Teks | None = None
    uraian_tugas: list[Teks] = Field(default_factory=list)  # numbered task list of staff positions
    fungsi: list[Teks] = Field(default_factory=list)
    catatan: list[Teks] = Field(default_factory=list)


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
    rincian: list["Indikator"] = Field(default_factory=list)  # lettered / numbered sub-rows


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
    penandatangan: "PenandatanganLaporan | None" = None
    catatan_sumber: list[Teks] = Field(default_factory=list)


class PosAnggaran(Model):
    id: Id
    jenis: Literal["program", "kegiatan", "sub_kegiatan"]
    nomor: Teks | None = None
    nama: Teks
    pagu: Rupiah
    tertulis: dict[str, Teks] = Field(default_factory=dict)
    rincian: list["PosAnggaran"] = Field(default_factory=list)


# --------------------------------------------------------------------------- quarterly reports

def _scalar_to_nilai(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("MISSING_VALUE", "nilai kosong", {
            "hint": "isi angkanya, atau `na: <alasan>` bila data belum tersedia", "en": "empty value",
            "hint_en": "fill in the number, or `na: <reason>` when not available"})
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
    def nilai_or_na(self) -> "Realisasi":
        if self.nilai is None and self.na is None:
            raise PydanticCustomError(
                "MISSING_VALUE", "realisasi tanpa nilai", {"hint": "isi `nilai`, atau `na: <alasan>` bila data belum tersedia",
                                                          "en": "realisation without a value", "hint_en": "set `nilai`, or `na: <reason>`"}
            )
        if self.nilai is not None and self.na is not None:
            raise PydanticCustomError(
                "TYPE", "realisasi berisi `nilai` dan `na` sekaligus", {"hint": "hapus salah satu", "en": "realisation has both `nilai` and `na`",
                                                                        "hint_en": "remove one of them"}
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
Unit.model_rebuild()
Indikator.model_rebuild()
PosAnggaran.model_rebuild()

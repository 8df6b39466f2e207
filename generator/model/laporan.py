"""One position's year (``Tahunan``): indicators and the Perjanjian Kinerja, the IKI sheet,
the budget tree, and the quarterly reports with their realisation, printed figures,
narrative and signatures."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.model.fields import Angka, Id, Model, Rupiah, Tanggal, Teks, Triwulan, printed_text, tidak_tercantum
from generator.model.kebijakan import Kebijakan
from generator.model.penandatangan import DaftarPenandatangan

# --------------------------------------------------------------------------- indicators


class Formula(Model):
    jenis: Literal["rasio_x100", "rasio", "selisih_tahunan", "jumlah", "uraian", "alokasi_target"]
    pembilang: Teks | None = None
    penyebut: Teks | None = None
    pengali: Angka | None = None
    tertulis: Teks | None = None


# What a row of an indicator table is: an indicator; "NIHIL" (the position has no indicator
# this period); a blank row; or a component sub-row (a part of the indicator above it, e.g.
# the numerator's items) that is not measured on its own. Only indicators are measured and
# carry a direction (polaritas).
JenisBaris = Literal["indikator", "nihil", "kosong", "komponen"]
# How the realisation of an indicator is written in the quarterly reports: cumulative from
# the start of the year (s.d. TW, the default), or each quarter on its own (per_triwulan:
# the quarter's realisation against the quarter's target, as some tables print TW I–IV).
Pengukuran = Literal["kumulatif", "per_triwulan"]


def _printed_target(data: Any) -> Any:
    """A target printed as a word or a dash ("Laporan", "-") moves to ``target_teks``; a
    NIHIL or blank row needs no indicator name."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if printed_text(data.get("target")) and data.get("target_teks") is None:
        data["target_teks"] = data.pop("target")
    kind = data.get("jenis_baris")
    if kind in ("nihil", "kosong") and data.get("indikator") is None:
        data["indikator"] = "NIHIL" if kind == "nihil" else ""
    return data


class Indikator(Model):
    id: Id
    jenis_baris: JenisBaris = "indikator"
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
    target_teks: Teks | None = None  # the target as printed when it is a word or a dash
    # Targets per quarter: cumulative s/d TW, or the quarter's own target under per_triwulan.
    target_triwulan: dict[Triwulan, Angka] = Field(default_factory=dict)
    pengukuran: Pengukuran = "kumulatif"
    # The target this indicator's realisation is compared with, when it differs from the
    # report's policy (some rows of a table use the annual target, others s/d TW).
    dasar_target: Literal["target_sd_triwulan", "target_tahunan"] | None = None
    polaritas: Literal["naik", "turun"] = "naik"
    polaritas_dinyatakan: bool = False  # True when the document states the direction
    # True when the indicator's targets and realisations may be negative (e.g. a growth
    # rate); otherwise a negative one is an error (NEGATIVE_VALUE).
    boleh_negatif: bool = False
    formula: Formula | None = None
    penjelasan: Teks | None = None
    sumber_data: Teks | None = None
    penanggung_jawab: Teks | None = None
    tertulis: dict[str, Teks] = Field(default_factory=dict)  # other cells as written, when corrected
    catatan: Teks | None = None
    rincian: list[Indikator] = Field(default_factory=list)  # lettered / numbered sub-rows

    @model_validator(mode="before")
    @classmethod
    def printed_target(cls, data: Any) -> Any:
        return _printed_target(data)

    @property
    def diukur(self) -> bool:
        """True for an indicator row (not NIHIL, blank or a component)."""
        return self.jenis_baris == "indikator"


class PerjanjianKinerja(Model):
    versi: Literal["penetapan", "perubahan"]
    tanggal: Tanggal | None = None
    alasan: Teks | None = None
    judul_tertulis: Teks | None = None
    indikator: list[Indikator]


class DokumenIKI(Model):
    """An Indikator Kinerja Individu sheet: indicator definitions of one position, with
    formulas and data sources, usually without targets or realisation."""

    judul_tertulis: Teks | None = None
    nomor_keputusan: Teks | None = None
    tanggal: Tanggal | None = None
    tempat: Teks | None = None
    sumber: Id | None = None
    indikator: list[Indikator]
    penandatangan: DaftarPenandatangan = Field(default_factory=list)
    catatan_sumber: list[Teks] = Field(default_factory=list)


class PosAnggaran(Model):
    id: Id
    jenis: Literal["program", "kegiatan", "sub_kegiatan"]
    nomor: Teks | None = None
    nama: Teks
    pagu: Rupiah
    sumber_dana: Teks | None = None  # funding source as printed: APBD, DAK, BLUD, DBHCHT …
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


def _printed_fields(value: Any, moves: dict[str, str]) -> Any:
    """Figures printed as a word or a dash, moved from their number field to their text
    field (``moves``: number field → text field), in the short form or the long one."""
    value = _scalar_to_nilai(value)
    if not isinstance(value, dict):
        return value
    value = dict(value)
    for number, text in moves.items():
        if printed_text(value.get(number)) and value.get(text) is None:
            value[text] = value.pop(number)
    return value


class Realisasi(Model):
    """Realisation s/d the quarter (or of the quarter, for a per_triwulan indicator). Short
    form ``id: 95,14``; long form with ``na`` (reason the value is not available), ``teks``
    (the value as printed when it is a word or a dash, e.g. "Laporan" or "-"), an explicit
    ``target`` for this quarter (``target_teks`` when printed as a word or dash), the values
    as printed (``tertulis``) and a note."""

    nilai: Angka | None = None
    na: Teks | None = None
    teks: Teks | None = None
    target: Angka | None = None
    target_na: Teks | None = None
    target_teks: Teks | None = None
    tertulis: dict[str, Teks] = Field(default_factory=dict)
    catatan: Teks | None = None

    @model_validator(mode="before")
    @classmethod
    def short_form(cls, value: Any) -> Any:
        if printed_text(value):
            return {"teks": value}
        return _printed_fields(value, {"nilai": "teks", "target": "target_teks"})

    @model_validator(mode="after")
    def nilai_or_na(self) -> Realisasi:
        given = [k for k in ("nilai", "na", "teks") if getattr(self, k) is not None]
        if not given:
            raise PydanticCustomError(
                "MISSING_VALUE",
                "realisasi tanpa nilai",
                {
                    "hint": "isi `nilai`, atau `na: <alasan>` bila data belum tersedia, atau `teks` bila tercetak sebagai kata atau tanda -",
                    "en": "realisation without a value",
                    "hint_en": "set `nilai`, or `na: <reason>`, or `teks` when printed as a word or a dash",
                },
            )
        if len(given) > 1:
            both = " dan ".join(f"`{k}`" for k in given)
            raise PydanticCustomError(
                "TYPE",
                f"realisasi berisi {both} sekaligus",
                {"hint": "isi salah satu saja", "en": f"realisation has {both} at once", "hint_en": "keep one of them"},
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
        if printed_text(value):
            return {"tertulis": value}
        return _printed_fields(value, {"nilai": "tertulis"})


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
    # The predikat label as printed: ``predikat`` (first half, "Sangat Tinggi"), ``kategori``
    # (second half, "Sangat Berhasil"); ``predikat_tertulis`` the whole label exactly as
    # printed ("Sangat Tinggi / Sangat Berhasil"). Each is compared with the scale.
    predikat: Teks | None = None
    kategori: Teks | None = None
    predikat_tertulis: Teks | None = None
    anggaran: dict[str, Cetak] = Field(default_factory=dict)
    anggaran_total: Cetak | None = None
    anggaran_jumlah: JumlahAnggaran | None = None
    predikat_anggaran: Teks | None = None  # some reports also grade the budget absorption
    efisiensi: Cetak | None = None
    narasi: CetakNarasi = Field(default_factory=CetakNarasi)


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
    tanggal: Tanggal | None = None
    tanggal_tertulis: Teks | None = None  # the date as printed, when it was misprinted
    tempat: Teks | None = None
    sumber: Id | None = None  # SumberDokumen id of the agency
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    realisasi: dict[str, Realisasi] = Field(default_factory=dict)
    anggaran: dict[str, RealisasiAnggaran] = Field(default_factory=dict)
    narasi: Narasi = Field(default_factory=Narasi)
    penandatangan: DaftarPenandatangan = Field(default_factory=list)  # in the order printed
    tercetak: Tercetak = Field(default_factory=Tercetak)
    catatan_sumber: list[Teks] = Field(default_factory=list)


def _tahun(value: Any) -> Any:
    if tidak_tercantum(value):
        return None
    if value is None:
        raise PydanticCustomError(
            "MISSING_VALUE",
            "tahun kosong",
            {
                "hint": "tulis tahunnya, mis. `tahun: 2025`, atau `tahun: tidak_tercantum` bila dokumen tidak mencantumkan tahun",
                "en": "empty year",
                "hint_en": "write the year, or `tahun: tidak_tercantum` when the document states none",
            },
        )
    return value


TahunDokumen = Annotated[Annotated[int, Field(ge=2000, le=2100)] | None, BeforeValidator(_tahun)]


class Tahunan(Model):
    """One position's year: Perjanjian Kinerja revisions, budget tree, quarterly reports."""

    jabatan: Id
    # The year; ``tidak_tercantum`` when the document states none (then in the folder
    # tanpa-tahun/, and the file holds no quarterly report).
    tahun: TahunDokumen
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    perjanjian_kinerja: list[PerjanjianKinerja] = Field(default_factory=list)
    iki: DokumenIKI | None = None
    anggaran: list[PosAnggaran] = Field(default_factory=list)
    laporan: list[Laporan] = Field(default_factory=list)
    catatan: list[Teks] = Field(default_factory=list)


DokumenIKI.model_rebuild()
Indikator.model_rebuild()
PosAnggaran.model_rebuild()

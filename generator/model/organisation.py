"""The organisation: the site, regions, perangkat daerah with their unit tree, and
positions (jabatan) with their holders."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from generator.model.fields import Id, Model, Nip, Teks
from generator.model.kebijakan import Kebijakan

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
    unit: list[Unit] = Field(default_factory=list)


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


Unit.model_rebuild()

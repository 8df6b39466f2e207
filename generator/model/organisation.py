"""The organisation: the site, regions, perangkat daerah with their unit tree, and
positions (jabatan) with their holders."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, ModelWrapValidatorHandler, PrivateAttr, model_validator

from generator.model.fields import Id, Model, Nip, Tanggal, Teks, tidak_tercantum
from generator.model.kebijakan import Kebijakan
from generator.model.tenggat import TenggatPelaporan

# --------------------------------------------------------------------------- site, region, agency

SiteUrl = Annotated[str, Field(pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$")]
# an image file at the top of data/ (a folder there is a region), e.g. logo-kota.png
Gambar = Annotated[str, Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_.-]*\.(png|svg|jpg|jpeg|webp|ico)$")]


class Situs(Model):
    judul: Teks
    deskripsi: Teks | None = None
    data_per: Tanggal  # the data's as-of date: no report may cover a later period
    lisensi: Teks = "CC BY 4.0"
    tampilan_nip: Literal["samar", "lengkap", "sembunyi"] = "samar"
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    # The public address (sitemap.xml, canonical links, robots.txt, Open Graph, and the 404
    # page of a site in a sub-folder) and the region's images, files in data/ (site/seo.py).
    site_url: SiteUrl | None = None
    logo: Gambar | None = None
    favicon: Gambar | None = None


class Pejabat(Model):
    jabatan: Teks
    nama: Teks | None = None
    nama_tertulis: list[Teks] = Field(default_factory=list)


JENIS_WILAYAH = {"kota": "Kota", "kabupaten": "Kabupaten", "provinsi": "Provinsi"}


class Wilayah(Model):
    """A region. ``nama: tidak_tercantum`` when the documents do not name it: the site then
    shows "Kabupaten (nama tidak tercantum)" and never a guessed name."""

    nama: Teks
    jenis: Literal["kota", "kabupaten", "provinsi"]
    kepala_daerah: Pejabat | None = None
    kebijakan: Kebijakan = Field(default_factory=Kebijakan)
    # reporting deadlines (status pelaporan); defaults in model/tenggat.py
    tenggat: TenggatPelaporan = Field(default_factory=TenggatPelaporan)
    _nama_tercantum: bool = PrivateAttr(default=True)

    @model_validator(mode="after")
    def name_not_stated(self) -> Wilayah:
        if tidak_tercantum(self.nama):
            self.nama = f"{JENIS_WILAYAH[self.jenis]} (nama tidak tercantum)"
            self._nama_tercantum = False
        return self

    @property
    def nama_tercantum(self) -> bool:
        return self._nama_tercantum


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
    mulai: Tanggal | None = None
    selesai: Tanggal | None = None


class Jabatan(Model):
    jabatan: Teks
    jabatan_tertulis: list[Teks] = Field(default_factory=list)
    jenis: Literal["struktural", "fungsional", "pelaksana"]
    # The same kind of position across agencies, regions and years (comparison pages),
    # e.g. kepala-bidang-hubungan-industrial, mediator-hubungan-industrial.
    kelompok_pembanding: Id | None = None
    # None: directly under the head of the agency; `tidak_tercantum`: the document does not
    # say (unit None and unit_tercantum False).
    unit: Id | None = None
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
    _unit_tercantum: bool = PrivateAttr(default=True)
    _pemangku_tercantum: bool = PrivateAttr(default=True)

    @model_validator(mode="wrap")
    @classmethod
    def not_stated(cls, data: Any, handler: ModelWrapValidatorHandler[Jabatan]) -> Jabatan:
        """``unit: tidak_tercantum`` and ``pemangku: tidak_tercantum``: the document names no
        unit (which is not "directly under the head") or no holder."""
        unstated: set[str] = set()
        if isinstance(data, dict):
            unstated = {k for k in ("unit", "pemangku") if tidak_tercantum(data.get(k))}
            if unstated:
                data = {**data, **{k: ([] if k == "pemangku" else None) for k in unstated}}
        result = handler(data)
        result._unit_tercantum = "unit" not in unstated
        result._pemangku_tercantum = "pemangku" not in unstated
        return result

    @property
    def unit_tercantum(self) -> bool:
        return self._unit_tercantum

    @property
    def pemangku_tercantum(self) -> bool:
        return self._pemangku_tercantum


Unit.model_rebuild()

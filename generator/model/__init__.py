"""The data model: what staff write under data/, one pydantic class per YAML shape.

Layout (see README "Data layout"):

    data/site.yml                                   Situs
    data/<wilayah>/wilayah.yml                      Wilayah
    data/<wilayah>/<opd>/perangkat-daerah.yml       PerangkatDaerah (with its unit tree)
    data/<wilayah>/<opd>/jabatan/<id>.yml           Jabatan (facts written once)
    data/<wilayah>/<opd>/<tahun>/<id>.yml           Tahunan (PK, budget, quarterly reports)

Field names are the documents' own Indonesian words. Every model forbids unknown keys
so a typo such as ``realiasi`` is reported instead of silently ignored.

The modules: fields (the scalar types: Angka, Rupiah, Teks, Id, Nip, Triwulan, and the
base Model), kebijakan (calculation policies), organisation (site, region, agency,
positions), laporan (indicators, budget, Perjanjian Kinerja, quarterly reports, Tahunan),
penandatangan (the signatories of a document, in the order printed), ppid (the PPID files; imported from generator.model.ppid, not re-exported here).
Everything else imports the names from this package.
"""

from __future__ import annotations

from generator.model.fields import (
    TIDAK_TERCANTUM,
    Angka,
    Id,
    Model,
    Nip,
    Rupiah,
    Teks,
    Triwulan,
    YamlNumber,
    _angka,
    _int,
    _nip,
    _rupiah,
    _text,
)
from generator.model.kebijakan import AturanPembulatan, Kebijakan, Pembulatan, Predikat
from generator.model.laporan import (
    Cetak,
    CetakNarasi,
    DokumenIKI,
    Formula,
    Indikator,
    JumlahAnggaran,
    Laporan,
    Narasi,
    PerjanjianKinerja,
    PosAnggaran,
    Realisasi,
    RealisasiAnggaran,
    Tahunan,
    Tercetak,
    _scalar_to_nilai,
)
from generator.model.organisation import (
    Jabatan,
    JenisUnit,
    KontakPPID,
    Pejabat,
    Pemangku,
    PerangkatDaerah,
    Situs,
    SumberDokumen,
    Unit,
    Wilayah,
)
from generator.model.penandatangan import PERAN_LABEL, PERAN_PEMBUAT, Penandatangan, Peran, pembuat
from generator.model.tenggat import TenggatPelaporan

__all__ = [
    "TenggatPelaporan",
    # fields: the scalar types and the base model
    "Angka",
    "Id",
    "Model",
    "Nip",
    "Rupiah",
    "Teks",
    "TIDAK_TERCANTUM",
    "Triwulan",
    "YamlNumber",
    # their validators, which generator/staff/schema.py recognises when writing JSON Schemas
    "_angka",
    "_int",
    "_nip",
    "_rupiah",
    "_scalar_to_nilai",
    "_text",
    # kebijakan
    "AturanPembulatan",
    "Kebijakan",
    "Pembulatan",
    "Predikat",
    # organisation
    "Jabatan",
    "JenisUnit",
    "KontakPPID",
    "Pejabat",
    "Pemangku",
    "PerangkatDaerah",
    "Situs",
    "SumberDokumen",
    "Unit",
    "Wilayah",
    # laporan
    "Cetak",
    "CetakNarasi",
    "DokumenIKI",
    "Formula",
    "Indikator",
    "JumlahAnggaran",
    "Laporan",
    "Narasi",
    "Penandatangan",
    # penandatangan: the roles and the maker of a document
    "PERAN_LABEL",
    "PERAN_PEMBUAT",
    "Peran",
    "pembuat",
    "PerjanjianKinerja",
    "PosAnggaran",
    "Realisasi",
    "RealisasiAnggaran",
    "Tahunan",
    "Tercetak",
]

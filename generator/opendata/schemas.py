"""JSON Schemas (draft 2020-12) of the API documents, one per document type. Every
listed field is required and typed; further fields are allowed, because the API may
add fields (never rename or remove them) within v1."""

from __future__ import annotations

from generator.core import addresses

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _t(*types: str, **extra) -> dict:
    return {"type": types[0] if len(types) == 1 else list(types), **extra}


S, NS = _t("string"), _t("string", "null")
I, NI = _t("integer"), _t("integer", "null")
N, NN = _t("number"), _t("number", "null")
B = _t("boolean")
DATE, NDATE = _t("string", format="date"), _t("string", "null", format="date")
PATH = _t("string", description="alamat relatif terhadap akar situs", pattern=r"^[^/].*")
NPATH = _t("string", "null", description="alamat relatif terhadap akar situs")


def obj(props: dict, description: str | None = None, nullable: bool = False) -> dict:
    out = {"type": ["object", "null"] if nullable else "object", "required": list(props), "properties": props}
    if description:
        out["description"] = description
    return out


def arr(items: dict) -> dict:
    return {"type": "array", "items": items}


PROVENANS = obj(
    {
        "judul": S,
        "pembuat": S,
        "penerbit": S,
        "sumber": arr(obj({"id": S, "judul": S, "keterangan": NS})),
        "data_per": DATE,
        "lisensi": obj({"nama": S, "url": NS}),
        "sitasi": _t("string", description="cara mengutip (bahasa Indonesia)"),
        "commit": _t("string", "null", description="commit git terakhir yang mengubah data yang dimuat berkas ini"),
        "halaman": NPATH,
        "api": NPATH,
    },
    "asal-usul data: dokumen sumber, tanggal data, lisensi, cara mengutip, versi",
)
UNDUHAN = {
    "type": "object",
    "description": "berkas unduhan menurut format (csv, csv_ringkasan, csv_anggaran, xlsx, json, api, …); "
    "json adalah dokumen API itu sendiri; csv dan xlsx satu laporan adalah berkas jabatannya, yang "
    "memuat semua periode; berkas yang tidak dimiliki cakupan sendiri adalah berkas cakupan di atasnya "
    "yang memuat barisnya: wilayah → seluruh data (kolom wilayah_id), unit → perangkat daerah "
    "(kolom unit_id), csv_ringkasan dan csv_anggaran jabatan → perangkat daerah (kolom jabatan_id)",
    "required": ["csv", "xlsx", "json", "api"],
    "additionalProperties": PATH,
}
HEAD = {"skema": PATH, "versi": _t("string", const="kinerja-api/1"), "url": PATH, "halaman": NPATH}
TAIL = {"unduhan": {"$ref": "#/$defs/unduhan"}, "provenans": {"$ref": "#/$defs/provenans"}}
DEFS = {"unduhan": UNDUHAN, "provenans": PROVENANS}

REGION_REF = obj(
    {"id": S, "nama": S, "jenis": _t("string", enum=["kota", "kabupaten", "provinsi"]), "url": PATH, "halaman": PATH}
)
AGENCY_REF = obj({"id": S, "wilayah": S, "perangkat_daerah": S, "nama": S, "singkatan": NS, "url": PATH, "halaman": PATH})
UNIT_REF = obj(
    {"id": S, "wilayah": S, "perangkat_daerah": S, "unit": S, "nama": S, "jenis": S, "induk": NS, "url": PATH, "halaman": PATH}
)
POSITION_REF = obj(
    {
        "id": S,
        "wilayah": S,
        "perangkat_daerah": S,
        "jabatan": S,
        "nama": S,
        "jenis": _t("string", enum=["struktural", "fungsional", "pelaksana"]),
        "unit": NS,
        "url": PATH,
        "halaman": PATH,
    }
)
REPORT_REF = obj(
    {
        "id": S,
        "wilayah": S,
        "perangkat_daerah": S,
        "jabatan": S,
        "tahun": I,
        "triwulan": _t("integer", minimum=1, maximum=4),
        "periode": _t("string", pattern=r"^\d{4}-TW[1-4]$"),
        "rata_rata_capaian": NN,
        "predikat": NS,
        "url": PATH,
        "halaman": PATH,
    }
)
STATUS = _t(
    "string",
    enum=["terukur", "na", "target_nol", "tak_terhitung", "belum_ada", "teks", "tidak_diisi", "bukan_indikator"],
    description="teks: nilai tercetak sebagai kata; tidak_diisi: tercetak “-”; bukan_indikator: baris NIHIL, kosong atau komponen",
)
JENIS_BARIS = _t("string", enum=["indikator", "nihil", "kosong", "komponen"])
PENGUKURAN = _t(
    "string",
    enum=["kumulatif", "per_triwulan"],
    description="kumulatif: target dan realisasi s.d. triwulan; per_triwulan: triwulan itu saja",
)
DASAR_TARGET = _t("string", enum=["target_sd_triwulan", "target_tahunan"])

INDIKATOR_HASIL = obj(
    {
        "id": S,
        "nomor": NS,
        "kelompok": NS,
        "induk": NS,
        "sasaran": NS,
        "indikator": S,
        "satuan": NS,
        "polaritas": _t("string", enum=["naik", "turun"]),
        "target_tahunan": NN,
        "target": NN,
        "realisasi": NN,
        "status": STATUS,
        "alasan_tidak_tersedia": NS,
        "capaian": NN,
        "capaian_tanpa_pembulatan": NN,
        "dihitung_dalam_rata_rata": B,
        "predikat": NS,
        "capaian_tercetak": NN,
        "jenis_baris": JENIS_BARIS,
        "pengukuran": PENGUKURAN,
        "dasar_target": DASAR_TARGET,
        "target_tertulis": _t("string", "null", description="target seperti tercetak bila berupa kata atau “-”"),
        "realisasi_tertulis": _t("string", "null", description="realisasi seperti tercetak bila berupa kata atau “-”"),
        "alasan_tidak_dihitung": _t("string", "null", description="mengapa baris ini tidak ikut dihitung dalam rata-rata"),
    }
)
POS_ANGGARAN = obj(
    {
        "id": S,
        "jenis": _t("string", enum=["program", "kegiatan", "sub_kegiatan"]),
        "nomor": NS,
        "nama": S,
        "induk": NS,
        "pagu": _t("integer", description="Rupiah"),
        "target": NI,
        "realisasi": NI,
        "persen": NN,
        "persen_tanpa_pembulatan": NN,
        "persen_tercetak": NN,
        "sumber_dana": _t("string", "null", description="sumber dana seperti tercetak, mis. APBD, DAK, BLUD"),
    }
)
DEFINISI = obj(
    {
        "id": S,
        "nomor": NS,
        "kelompok": NS,
        "induk": NS,
        "sasaran": NS,
        "indikator": S,
        "satuan": NS,
        "polaritas": _t("string", enum=["naik", "turun"]),
        "target": NN,
        "target_triwulan": {"type": "object", "additionalProperties": N, "propertyNames": {"pattern": "^[1-4]$"}},
        "formula": obj({"jenis": S, "pembilang": NS, "penyebut": NS, "pengali": NN, "tertulis": NS}, nullable=True),
        "penjelasan": NS,
        "sumber_data": NS,
        "penanggung_jawab": NS,
        "jenis_baris": JENIS_BARIS,
        "pengukuran": PENGUKURAN,
        "dasar_target": _t("string", "null", enum=["target_sd_triwulan", "target_tahunan", None]),
        "target_tertulis": _t("string", "null", description="target seperti tercetak bila berupa kata atau “-”"),
    }
)


def _schema(name: str, title: str, description: str, props: dict, site_url: str | None) -> dict:
    out: dict[str, object] = {"$schema": DRAFT}
    if site_url:
        out["$id"] = site_url.rstrip("/") + "/" + addresses.api_schema(name)
    out.update({"title": title, "description": description, **obj({**HEAD, **props, **TAIL}), "$defs": DEFS})
    return out


def schemas(site_url: str | None = None) -> dict[str, dict]:
    """Schema name → JSON Schema document."""
    return {
        "index": _schema(
            "index",
            "Indeks API kinerja",
            "Daftar semua wilayah, perangkat daerah, unit, jabatan dan periode laporan dengan id tetap dan alamatnya.",
            {
                "judul": S,
                "deskripsi": NS,
                "situs": _t("string", "null", description="alamat dasar situs, bila diketahui"),
                "data_per": DATE,
                "lisensi": obj({"nama": S, "url": NS}),
                "commit": NS,
                "skema_hitung": _t("string", const="kinerja-compute/1"),
                "skema_dokumen": {"type": "object", "additionalProperties": PATH},
                "wilayah": arr(REGION_REF),
                "perangkat_daerah": arr(AGENCY_REF),
                "unit": arr(UNIT_REF),
                "jabatan": arr(POSITION_REF),
                "periode": arr(REPORT_REF),
            },
            site_url,
        ),
        "wilayah": _schema(
            "wilayah",
            "Wilayah",
            "Satu pemerintah daerah dan perangkat daerahnya.",
            {
                "id": S,
                "nama": S,
                "jenis": _t("string", enum=["kota", "kabupaten", "provinsi"]),
                "kepala_daerah": obj({"jabatan": S, "nama": NS}, nullable=True),
                "perangkat_daerah": arr(AGENCY_REF),
            },
            site_url,
        ),
        "perangkat-daerah": _schema(
            "perangkat-daerah",
            "Perangkat daerah",
            "Satu perangkat daerah: identitas, unit kerja, jabatan dan laporan terakhir tiap jabatan.",
            {
                "id": S,
                "wilayah": S,
                "perangkat_daerah": S,
                "nama": S,
                "singkatan": NS,
                "alamat": NS,
                "situs_web": NS,
                "email": NS,
                "telepon": NS,
                "dasar_hukum": NS,
                "tugas": NS,
                "fungsi": arr(S),
                "sumber_dokumen": arr(obj({"id": S, "judul": S, "keterangan": NS})),
                "unit": arr(UNIT_REF),
                "jabatan": arr({"allOf": [POSITION_REF, obj({"laporan_terakhir": {"anyOf": [REPORT_REF, {"type": "null"}]}})]}),
            },
            site_url,
        ),
        "unit": _schema(
            "unit",
            "Unit kerja",
            "Satu unit kerja: induk, subunit dan jabatan di dalamnya.",
            {
                "id": S,
                "wilayah": S,
                "perangkat_daerah": S,
                "unit": S,
                "nama": S,
                "jenis": S,
                "induk": {"anyOf": [UNIT_REF, {"type": "null"}]},
                "subunit": arr(UNIT_REF),
                "jabatan": arr(POSITION_REF),
            },
            site_url,
        ),
        "jabatan": _schema(
            "jabatan",
            "Jabatan",
            "Satu jabatan: pemangku, tugas, indikator per tahun (dengan rumus) dan daftar laporannya.",
            {
                "id": S,
                "wilayah": S,
                "perangkat_daerah": S,
                "jabatan": S,
                "nama": S,
                "jenis": _t("string", enum=["struktural", "fungsional", "pelaksana"]),
                "unit": {"anyOf": [UNIT_REF, {"type": "null"}]},
                "atasan": {"anyOf": [POSITION_REF, {"type": "null"}]},
                "atasan_luar": NS,
                "pemangku_saat_ini": NS,
                "pemangku": arr(
                    obj(
                        {
                            "nama": S,
                            "pangkat": NS,
                            "golongan": NS,
                            "status": _t("string", enum=["PNS", "PPPK"]),
                            "plt": B,
                            "mulai": NDATE,
                            "selesai": NDATE,
                        }
                    )
                ),
                "tugas": NS,
                "uraian_tugas": arr(S),
                "fungsi": arr(S),
                "tahun": arr(
                    obj(
                        {
                            "tahun": _t("integer", "null", description="null: dokumen tidak mencantumkan tahun"),
                            "tahun_tercantum": B,
                            "sumber_indikator": _t("string", enum=["pk", "iki"]),
                            "perjanjian_kinerja": arr(
                                obj({"versi": _t("string", enum=["penetapan", "perubahan"]), "tanggal": NDATE, "alasan": NS})
                            ),
                            "indikator": arr(DEFINISI),
                            "laporan": arr({"allOf": [REPORT_REF, obj({"unduhan": {"$ref": "#/$defs/unduhan"}})]}),
                        }
                    )
                ),
            },
            site_url,
        ),
        "laporan": _schema(
            "laporan",
            "Laporan kinerja satu jabatan satu periode",
            "Bentuk `kinerja compute --json` (kinerja-compute/1) untuk satu laporan, ditambah nama, tautan dan asal-usul data. "
            "Angka: desimal biasa dengan semua digitnya, persis hasil hitung (101.72), tidak pernah diubah menjadi "
            "bilangan biner; Rupiah: bilangan bulat; nilai tidak tersedia: null.",
            {
                "id": S,
                "wilayah": S,
                "perangkat_daerah": S,
                "jabatan": S,
                "tahun": I,
                "triwulan": _t("integer", minimum=1, maximum=4),
                "periode": _t("string", pattern=r"^\d{4}-TW[1-4]$"),
                "kebijakan": {"type": "object", "description": "kebijakan perhitungan yang berlaku (lihat Metodologi)"},
                "indikator": arr(INDIKATOR_HASIL),
                "capaian": obj(
                    {
                        "rata_rata": NN,
                        "rata_rata_tanpa_pembulatan": NN,
                        "jumlah_indikator_dihitung": I,
                        "predikat": NS,
                        "kategori": NS,
                    }
                ),
                "anggaran": obj(
                    {"pos": arr(POS_ANGGARAN), "pagu": NI, "target": NI, "realisasi": NI, "persen": NN}, nullable=True
                ),
                "efisiensi": NN,
                "selisih_tercetak": arr(
                    obj(
                        {
                            "angka": S,
                            "keterangan": S,
                            "tercetak": _t("number", "string"),
                            "dihitung": _t("number", "string", "null"),
                            "direproduksi_oleh": arr({"type": "object"}),
                        }
                    )
                ),
                "nama_wilayah": S,
                "nama_perangkat_daerah": S,
                "nama_jabatan": S,
                "sumber_indikator": _t("string", enum=["pk", "iki"]),
                "tanggal_laporan": NDATE,
                "api_jabatan": PATH,
                "predikat_tercetak": _t("string", "null", description="predikat seperti tercetak di dokumen sumber"),
                "penandatangan": arr(
                    obj(
                        {
                            "peran": _t(
                                "string",
                                enum=[
                                    "pembuat",
                                    "atasan_langsung",
                                    "mengetahui",
                                    "menyetujui",
                                    "pihak_pertama",
                                    "pihak_kedua",
                                    "lainnya",
                                ],
                            ),
                            "keterangan": S,
                            "nama": S,
                            "jabatan": S,
                            "jabatan_id": NS,
                            "pangkat": NS,
                        }
                    )
                ),
            },
            site_url,
        ),
    }

"""A synthetic province: one region, N agencies × M positions, valid under `kinerja check`.

Realistic in shape, not in content: every agency has a Sekretariat with three Subbagian,
four Bidang with three Seksi each and a UPTD; positions are the structural heads of those
units first, then fungsional and pelaksana staff spread over the units. Every position has
a Perjanjian Kinerja with 3–8 indicators and four cumulative quarterly reports (TW I–IV
2025); structural positions also have a budget tree (program → kegiatan → sub kegiatan)
with quarterly realisation. Names, titles and texts are Indonesian-looking and made up.

The first agency is a Dinas Tenaga Kerja whose placement positions have indicators that
say "ditempatkan" (never "penempatan"): the search benchmark and tests look for them with
the query "penempatan", which only an Indonesian stemmer can match.

    python -m benchmarks.synth OUT --agencies 40 --positions 70

Deterministic: the same arguments and seed give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

YEAR = 2025
DATA_PER = dt.date(2026, 1, 31)
REGION_ID = "provinsi-nusa-sejahtera"
REGION_NAME = "Provinsi Nusa Sejahtera"
GOVERNOR = "Gubernur Nusa Sejahtera"
CITY = "Kota Mandala"

# (name, abbreviation, domain word used in unit names)
AGENCIES = [
    ("Dinas Tenaga Kerja dan Transmigrasi", "Disnakertrans", "Ketenagakerjaan"),
    ("Dinas Pendidikan dan Kebudayaan", "Disdikbud", "Pendidikan"),
    ("Dinas Kesehatan", "Dinkes", "Kesehatan"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "Infrastruktur"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "Permukiman"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "Ketertiban Umum"),
    ("Dinas Sosial", "Dinsos", "Kesejahteraan Sosial"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "Perlindungan Anak"),
    ("Dinas Ketahanan Pangan", "DKP", "Ketahanan Pangan"),
    ("Dinas Lingkungan Hidup dan Kehutanan", "DLHK", "Lingkungan Hidup"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", "Administrasi Kependudukan"),
    ("Dinas Perhubungan", "Dishub", "Perhubungan"),
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "Informatika"),
    ("Dinas Koperasi dan Usaha Mikro", "Dinkop UM", "Koperasi"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "Perizinan"),
    ("Dinas Kepemudaan dan Olahraga", "Dispora", "Keolahragaan"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", "Kearsipan"),
    ("Dinas Kelautan dan Perikanan", "DKP Kelautan", "Perikanan"),
    ("Dinas Pariwisata", "Dispar", "Pariwisata"),
    ("Dinas Pertanian dan Perkebunan", "Distanbun", "Pertanian"),
    ("Dinas Peternakan dan Kesehatan Hewan", "Disnakkeswan", "Peternakan"),
    ("Dinas Energi dan Sumber Daya Mineral", "Dinas ESDM", "Energi"),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag", "Perindustrian"),
    ("Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", "Pemberdayaan Desa"),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana", "DPPKB", "Keluarga Berencana"),
    ("Dinas Pekerjaan Umum Sumber Daya Air", "Dinas PUSDA", "Sumber Daya Air"),
    ("Dinas Pekerjaan Umum Bina Marga", "Dinas Bina Marga", "Jalan dan Jembatan"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "Perencanaan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "Keuangan Daerah"),
    ("Badan Pendapatan Daerah", "Bapenda", "Pendapatan Daerah"),
    ("Badan Kepegawaian Daerah", "BKD", "Kepegawaian"),
    ("Badan Pengembangan Sumber Daya Manusia", "BPSDM", "Pengembangan Kompetensi"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "Kebencanaan"),
    ("Badan Kesatuan Bangsa dan Politik", "Bakesbangpol", "Kewaspadaan Nasional"),
    ("Badan Riset dan Inovasi Daerah", "Brida", "Riset dan Inovasi"),
    ("Badan Penghubung Daerah", "Banhub", "Kerja Sama"),
    ("Inspektorat Daerah", "Inspektorat", "Pengawasan"),
    ("Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", "Persidangan"),
    ("Rumah Sakit Umum Daerah Mandala", "RSUD Mandala", "Pelayanan Medis"),
    ("Dinas Kebudayaan", "Disbud", "Kebudayaan"),
]

DISNAKER_BIDANG = [
    "Bidang Pasar Kerja dan Perluasan Kesempatan Kerja",
    "Bidang Pelatihan dan Produktivitas",
    "Bidang Hubungan Industrial dan Jaminan Sosial",
    "Bidang Transmigrasi",
]
BIDANG = [
    "Bidang Perencanaan dan Pengembangan {d}",
    "Bidang Pelayanan {d}",
    "Bidang Pembinaan dan Pengawasan {d}",
    "Bidang Sarana dan Prasarana {d}",
]
SEKSI = ["Seksi Data dan Informasi", "Seksi Pembinaan", "Seksi Evaluasi dan Pelaporan"]
SUBBAGIAN = [
    ("subbag-perencanaan-evaluasi", "Subbagian Perencanaan dan Evaluasi"),
    ("subbag-keuangan", "Subbagian Keuangan"),
    ("subbag-umum-kepegawaian", "Subbagian Umum dan Kepegawaian"),
]

FUNGSIONAL = [
    "Analis Kebijakan Ahli Muda",
    "Perencana Ahli Pertama",
    "Pranata Komputer Ahli Pertama",
    "Arsiparis Terampil",
    "Analis Keuangan Pusat dan Daerah Ahli Pertama",
    "Auditor Ahli Pertama",
    "Pengawas Ketenagakerjaan Ahli Muda",
    "Penyuluh Ahli Pertama",
    "Statistisi Ahli Pertama",
    "Pranata Hubungan Masyarakat Ahli Muda",
]
PELAKSANA = [
    "Pengadministrasi Perkantoran",
    "Penata Layanan Operasional",
    "Operator Layanan Operasional",
    "Pengolah Data dan Informasi",
    "Pengelola Umum Operasional",
    "Penelaah Teknis Kebijakan",
]
DISNAKER_STAFF = [
    "Pengantar Kerja Ahli Muda",
    "Pengantar Kerja Ahli Pertama",
    "Instruktur Ahli Pertama",
    "Mediator Hubungan Industrial Ahli Pertama",
]

FIRST = [
    "Agus",
    "Budi",
    "Siti",
    "Dewi",
    "Rina",
    "Slamet",
    "Sri",
    "Eko",
    "Nur",
    "Ahmad",
    "Wahyu",
    "Indah",
    "Yuli",
    "Bambang",
    "Retno",
    "Hendra",
    "Fitri",
    "Rudi",
    "Lestari",
    "Teguh",
    "Ayu",
    "Dedi",
    "Ratna",
    "Joko",
    "Endang",
    "Arif",
    "Wulan",
    "Hadi",
    "Puji",
    "Yusuf",
    "Maya",
    "Anton",
    "Novi",
    "Ikhsan",
    "Tri",
    "Dian",
    "Fajar",
    "Nanik",
    "Galih",
    "Putri",
]
LAST = [
    "Santoso",
    "Wibowo",
    "Lestari",
    "Rahayu",
    "Pratama",
    "Hidayat",
    "Susanto",
    "Wijaya",
    "Kurniawan",
    "Setiawan",
    "Purnomo",
    "Handayani",
    "Saputra",
    "Nugroho",
    "Utami",
    "Firmansyah",
    "Permana",
    "Syahputra",
    "Maharani",
    "Prasetyo",
    "Sulistyo",
    "Anggraini",
    "Ramadhan",
    "Kusuma",
    "Suharto",
    "Fauziah",
    "Hartono",
    "Mulyani",
    "Siregar",
    "Nasution",
]
GELAR = ["", "", ", S.E.", ", S.T.", ", S.Sos.", ", S.H.", ", S.Kom.", ", S.E., M.M.", ", S.Pd.", ", A.Md.", ", S.AP."]
PANGKAT = {"kepala": "Pembina Utama Muda", "eselon3": "Pembina", "eselon4": "Penata Tingkat I", "staf": "Penata Muda"}

# (indicator text, satuan, kind, polaritas); kind: persen | jumlah | indeks | hari
UMUM = [
    ("Persentase dokumen perencanaan yang tersusun tepat waktu", "%", "persen", "naik"),
    ("Jumlah laporan keuangan yang disusun", "laporan", "jumlah", "naik"),
    ("Indeks kepuasan masyarakat", "indeks", "indeks", "naik"),
    ("Nilai SAKIP perangkat daerah", "indeks", "indeks", "naik"),
    ("Persentase realisasi anggaran", "%", "persen", "naik"),
    ("Jumlah kegiatan pembinaan yang dilaksanakan", "kali", "jumlah", "naik"),
    ("Persentase pengaduan masyarakat yang ditindaklanjuti", "%", "persen", "naik"),
    ("Jumlah dokumen evaluasi kinerja", "dokumen", "jumlah", "naik"),
    ("Persentase aset yang tercatat dan terinventarisasi", "%", "persen", "naik"),
    ("Jumlah pegawai yang mengikuti pengembangan kompetensi", "orang", "jumlah", "naik"),
    ("Persentase surat masuk yang diproses tepat waktu", "%", "persen", "naik"),
    ("Jumlah data sektoral yang dimutakhirkan", "dokumen", "jumlah", "naik"),
    ("Persentase layanan yang sesuai standar pelayanan", "%", "persen", "naik"),
    ("Jumlah rapat koordinasi yang difasilitasi", "kali", "jumlah", "naik"),
    ("Persentase temuan pemeriksaan yang ditindaklanjuti", "%", "persen", "naik"),
    ("Jumlah paket pengadaan yang diselesaikan", "paket", "jumlah", "naik"),
    ("Persentase kehadiran pegawai", "%", "persen", "naik"),
    ("Jumlah sarana dan prasarana yang dipelihara", "unit", "jumlah", "naik"),
    ("Rata-rata waktu penyelesaian permohonan layanan", "hari", "hari", "turun"),
    ("Persentase arsip yang tertata sesuai klasifikasi", "%", "persen", "naik"),
    ("Jumlah publikasi informasi kepada masyarakat", "kali", "jumlah", "naik"),
    ("Persentase rekomendasi hasil evaluasi yang dilaksanakan", "%", "persen", "naik"),
    ("Jumlah sosialisasi program yang dilaksanakan", "kali", "jumlah", "naik"),
    ("Persentase berkas kepegawaian yang mutakhir", "%", "persen", "naik"),
]
BIDANG_IND = [
    "Persentase {d} yang terlayani sesuai standar",
    "Jumlah pelaku {d} yang dibina",
    "Persentase program {d} yang terlaksana",
    "Jumlah kerja sama bidang {d}",
    "Indeks kualitas layanan {d}",
]
# The search target: these say "ditempatkan", never "penempatan".
DITEMPATKAN = [
    ("Persentase pencari kerja terdaftar yang ditempatkan", "%", "persen", "naik"),
    ("Jumlah tenaga kerja yang ditempatkan melalui antarkerja lokal", "orang", "jumlah", "naik"),
    ("Jumlah lulusan pelatihan kerja yang ditempatkan di perusahaan", "orang", "jumlah", "naik"),
]

PROGRAMS = [
    "Program Penunjang Urusan Pemerintahan Daerah Provinsi",
    "Program Perencanaan, Pengendalian dan Evaluasi",
    "Program Peningkatan Kualitas Layanan {d}",
    "Program Pengembangan {d}",
    "Program Pembinaan dan Pengawasan {d}",
    "Program Pengelolaan Data dan Informasi {d}",
]
KEGIATAN = [
    "Kegiatan Perencanaan, Penganggaran dan Evaluasi Kinerja",
    "Kegiatan Administrasi Keuangan",
    "Kegiatan Administrasi Umum",
    "Kegiatan Pembinaan {d}",
    "Kegiatan Fasilitasi {d}",
    "Kegiatan Pengembangan Sistem {d}",
]
SUB = [
    "Penyusunan Dokumen Perencanaan",
    "Koordinasi dan Penyusunan Laporan Capaian Kinerja",
    "Penyediaan Gaji dan Tunjangan ASN",
    "Pengadaan Peralatan dan Mesin",
    "Pemeliharaan Gedung Kantor",
    "Penyelenggaraan Rapat Koordinasi",
    "Pendataan dan Pengolahan Data {d}",
    "Bimbingan Teknis {d}",
    "Monitoring dan Evaluasi {d}",
]

PENDUKUNG = [
    "Koordinasi yang baik antarbidang.",
    "Dukungan pimpinan dalam pelaksanaan kegiatan.",
    "Tersedianya sarana dan prasarana yang memadai.",
    "Komitmen pegawai dalam menyelesaikan tugas.",
]
PENGHAMBAT = [
    "Keterbatasan jumlah sumber daya manusia.",
    "Data dari instansi lain terlambat diterima.",
    "Anggaran kegiatan baru dapat direalisasikan pada pertengahan tahun.",
    "Gangguan jaringan sistem informasi.",
]
UPAYA = [
    "Meningkatkan koordinasi dengan instansi terkait.",
    "Menyusun jadwal kegiatan secara lebih rinci.",
    "Mempercepat pengumpulan data sektoral.",
    "Melakukan pendampingan teknis kepada pelaksana.",
]
REKOMENDASI = [
    "Pelaksanaan kegiatan lebih dicermati dan tepat waktu.",
    "Sinkronisasi program dengan sasaran strategis.",
    "Peningkatan kapasitas pegawai melalui pelatihan.",
]

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_PLAIN = re.compile(r"^[A-Za-z0-9(][A-Za-z0-9 ,.()/'&\-]*$")


def q(text: str) -> str:
    """A YAML scalar for ``text``: plain when safe, else JSON-quoted (valid YAML)."""
    reserved = ("yes", "no", "true", "false", "null", "on", "off", "y", "n", "~")
    if _PLAIN.match(text) and text.lower() not in reserved and not re.fullmatch(r"[\d.,]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def angka(value: Decimal) -> str:
    """Indonesian decimal text: 95,14 / 1537."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value, "f").replace(".", ",")


def rupiah(value: int) -> str:
    return f"{value:,}".replace(",", ".")


@dataclass
class Position:
    id: str
    jabatan: str
    jenis: str  # struktural | fungsional | pelaksana
    unit: str | None
    atasan: str | None
    level: str  # kepala | eselon3 | eselon4 | staf
    nama: str = ""
    nip: str = ""
    status: str = "PNS"
    kelompok: str | None = None
    placement: bool = False  # gets "ditempatkan" indicators


@dataclass
class Agency:
    id: str
    nama: str
    singkatan: str
    domain: str
    units: list[dict] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)


class Names:
    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.nips: set[str] = set()
        self.names: set[str] = set()

    def person(self) -> str:
        while True:
            n = f"{self.rnd.choice(FIRST).upper()} {self.rnd.choice(LAST).upper()}"
            if self.rnd.random() < 0.35:
                n = f"{self.rnd.choice(FIRST).upper()} {n}"
            if n not in self.names:
                self.names.add(n)
                return n + self.rnd.choice(GELAR)

    def nip(self, status: str) -> str:
        while True:
            born = dt.date(1965, 1, 1) + dt.timedelta(days=self.rnd.randrange(0, 33 * 365))
            tmt = min(born.year + self.rnd.randrange(22, 32), 2024)
            month = "21" if status == "PPPK" else f"{self.rnd.randrange(1, 13):02d}"
            nip = f"{born:%Y%m%d}{tmt}{month}{self.rnd.choice('12')}{self.rnd.randrange(1, 1000):03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip


def plan_agency(index: int, positions: int, rnd: random.Random, names: Names) -> Agency:
    base = AGENCIES[index % len(AGENCIES)]
    nama, singkatan, domain = base
    if index >= len(AGENCIES):
        nama, singkatan = f"{nama} Wilayah {index // len(AGENCIES) + 1}", f"{singkatan} {index // len(AGENCIES) + 1}"
    a = Agency(slug(singkatan), nama, singkatan, domain)
    disnaker = index == 0
    bidang_names = DISNAKER_BIDANG if disnaker else [b.format(d=domain) for b in BIDANG]
    sek = {
        "id": "sekretariat",
        "nama": "Sekretariat",
        "jenis": "sekretariat",
        "unit": [{"id": i, "nama": n, "jenis": "subbagian", "unit": []} for i, n in SUBBAGIAN],
    }
    a.units.append(sek)
    bidang_ids = []
    for k, bn in enumerate(bidang_names, 1):
        bid = f"bidang-{k}"
        bidang_ids.append(bid)
        short = bn.removeprefix("Bidang ")
        a.units.append(
            {
                "id": bid,
                "nama": bn,
                "jenis": "bidang",
                "unit": [
                    {"id": f"seksi-{k}-{j}", "nama": f"{s} {short}", "jenis": "seksi", "unit": []} for j, s in enumerate(SEKSI, 1)
                ],
            }
        )
    a.units.append({"id": "uptd", "nama": f"UPTD Layanan {domain}", "jenis": "uptd", "unit": []})

    head_title = (
        "Inspektur"
        if nama.startswith("Inspektorat")
        else "Sekretaris DPRD"
        if nama.startswith("Sekretariat")
        else "Direktur"
        if nama.startswith("Rumah")
        else f"Kepala {nama.split(' ')[0]}"
    )
    plan = [
        Position(
            "kepala-dinas",
            f"{head_title} {nama.split(' ', 1)[1]}" if head_title.startswith("Kepala") else f"{head_title}",
            "struktural",
            None,
            None,
            "kepala",
            kelompok="kepala-perangkat-daerah",
            placement=disnaker,
        ),
        Position("sekretaris", "Sekretaris", "struktural", "sekretariat", "kepala-dinas", "eselon3", kelompok="sekretaris"),
    ]
    for uid, un in SUBBAGIAN:
        plan.append(
            Position(f"kasubbag-{uid.removeprefix('subbag-')}", f"Kepala {un}", "struktural", uid, "sekretaris", "eselon4")
        )
    for k, bn in enumerate(bidang_names, 1):
        plan.append(
            Position(
                f"kabid-{k}",
                f"Kepala {bn}",
                "struktural",
                f"bidang-{k}",
                "kepala-dinas",
                "eselon3",
                placement=disnaker and k == 1,
            )
        )
    for k, bn in enumerate(bidang_names, 1):
        short = bn.removeprefix("Bidang ")
        for j, s in enumerate(SEKSI, 1):
            plan.append(
                Position(
                    f"kasi-{k}-{j}",
                    f"Kepala {s} {short}",
                    "struktural",
                    f"seksi-{k}-{j}",
                    f"kabid-{k}",
                    "eselon4",
                    placement=disnaker and k == 1,
                )
            )
    plan.append(Position("kepala-uptd", f"Kepala UPTD Layanan {domain}", "struktural", "uptd", "kepala-dinas", "eselon4"))
    # staff, spread over the units, reporting to the unit's head
    heads = [(p.unit, p.id) for p in plan if p.unit]
    counter: dict[str, int] = {}
    n_staff = max(0, positions - len(plan))
    for s in range(n_staff):
        unit, atasan = heads[s % len(heads)]
        if disnaker and unit.startswith(("bidang-1", "seksi-1-")) and s % 2 == 0:
            title, jenis = DISNAKER_STAFF[s % len(DISNAKER_STAFF)], "fungsional"
        elif s % 3 == 0:
            title, jenis = FUNGSIONAL[(s // 3) % len(FUNGSIONAL)], "fungsional"
        else:
            title, jenis = PELAKSANA[s % len(PELAKSANA)], "pelaksana"
        base_id = slug(title)
        counter[base_id] = counter.get(base_id, 0) + 1
        plan.append(
            Position(
                f"{base_id}-{counter[base_id]}",
                title,
                jenis,
                unit,
                atasan,
                "staf",
                kelompok=base_id,
                placement=disnaker and unit.startswith(("bidang-1", "seksi-1-")),
            )
        )
    a.positions = plan[:positions]
    for p in a.positions:
        p.status = "PPPK" if p.jenis == "pelaksana" and rnd.random() < 0.3 else "PNS"
        p.nama = names.person()
        p.nip = names.nip(p.status)
    return a


# --------------------------------------------------------------------------- files


def _lines_list(key: str, items: list[str], indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}{key}:"] + [f"{pad}  - {q(i)}" for i in items]


def site_yml(agencies: int, positions: int) -> str:
    return (
        f"# Data sintetis untuk uji kinerja pembangunan situs ({agencies} perangkat daerah × {positions} jabatan).\n"
        f"judul: Laporan Kinerja Perangkat Daerah {REGION_NAME}\n"
        "deskripsi: Data sintetis untuk mengukur waktu pembangunan situs. Nama orang, angka dan teksnya rekaan.\n"
        f"data_per: {DATA_PER.isoformat()}\n"
        "lisensi: CC BY 4.0\n"
        "tampilan_nip: samar\n"
    )


def wilayah_yml(gubernur: str) -> str:
    return f"nama: {REGION_NAME}\njenis: provinsi\nkepala_daerah:\n  jabatan: {GOVERNOR}\n  nama: {q(gubernur)}\n"


def _unit_lines(units: list[dict], indent: int) -> list[str]:
    out = []
    pad = " " * indent
    for u in units:
        out += [f"{pad}- id: {u['id']}", f"{pad}  nama: {q(u['nama'])}", f"{pad}  jenis: {u['jenis']}"]
        if u["unit"]:
            out.append(f"{pad}  unit:")
            out += _unit_lines(u["unit"], indent + 4)
    return out


def agency_yml(a: Agency) -> str:
    lines = [
        f"# Perangkat daerah sintetis: {a.nama}.",
        f"nama: {q(a.nama + ' ' + REGION_NAME)}",
        f"singkatan: {q(a.singkatan)}",
        f"alamat: {q(f'Jalan Pahlawan No. {len(a.id) * 3}, {CITY}')}",
        f"dasar_hukum: {q(f'Peraturan Gubernur Nusa Sejahtera Nomor {10 + len(a.nama) % 60} Tahun 2021 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi {a.nama}')}",
        f"tugas: {q(f'Membantu Gubernur melaksanakan urusan pemerintahan di bidang {a.domain.lower()}.')}",
    ]
    lines += _lines_list(
        "fungsi",
        [
            f"perumusan kebijakan di bidang {a.domain.lower()};",
            f"pelaksanaan kebijakan di bidang {a.domain.lower()};",
            "pelaksanaan evaluasi dan pelaporan;",
            "pelaksanaan administrasi dinas.",
        ],
        0,
    )
    lines.append("unit:")
    lines += _unit_lines(a.units, 2)
    lines += ["sumber_dokumen:", f"  - id: lkj-{YEAR}", f"    judul: Laporan Kinerja Triwulan I–IV Tahun {YEAR} (sintetis)"]
    return "\n".join(lines) + "\n"


def jabatan_yml(a: Agency, p: Position) -> str:
    lines = [f"# Jabatan sintetis: {p.jabatan}.", f"jabatan: {q(p.jabatan)}", f"jenis: {p.jenis}"]
    if p.kelompok:
        lines.append(f"kelompok_pembanding: {p.kelompok}")
    lines.append(f"unit: {p.unit or 'null'}")
    if p.atasan:
        lines.append(f"atasan: {p.atasan}")
    else:
        lines.append(f"atasan_luar: {GOVERNOR}")
    lines += ["pemangku:", f"  - nama: {q(p.nama)}"]
    if p.status == "PNS":
        lines.append(f"    pangkat: {PANGKAT[p.level]}")
    lines += [f'    nip: "{p.nip}"', f"    status: {p.status}"]
    unit = next((u["nama"] for u in _walk_units(a.units) if u["id"] == p.unit), a.nama)
    lines.append(f"tugas: {q(f'{p.jabatan} mempunyai tugas melaksanakan sebagian tugas {unit} di bidang {a.domain.lower()}.')}")
    if p.level == "staf":
        lines += _lines_list(
            "uraian_tugas",
            [
                "menyiapkan bahan pelaksanaan kegiatan;",
                "mengolah data dan menyusun laporan;",
                "melaksanakan tugas kedinasan lain yang diberikan atasan.",
            ],
            0,
        )
    else:
        lines += _lines_list(
            "fungsi",
            [
                f"penyusunan rencana kerja {unit};",
                f"pelaksanaan dan pengendalian kegiatan {unit};",
                f"evaluasi dan pelaporan {unit}.",
            ],
            0,
        )
    return "\n".join(lines) + "\n"


def _walk_units(units):
    for u in units:
        yield u
        yield from _walk_units(u["unit"])


@dataclass
class Indicator:
    id: str
    text: str
    satuan: str
    kind: str
    polaritas: str
    sasaran: str
    target: Decimal
    quarters: dict[int, Decimal]  # cumulative target s/d TW (counts only)
    real: dict[int, Decimal]


def _d(x: float, places: int = 2) -> Decimal:
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _indicators(a: Agency, p: Position, rnd: random.Random) -> list[Indicator]:
    n = rnd.randint(3, 8)
    pool = list(UMUM) + [
        (
            t.format(d=a.domain.lower()),
            "%" if t.startswith("Persentase") else "indeks" if t.startswith("Indeks") else "kegiatan",
            "persen" if t.startswith("Persentase") else "indeks" if t.startswith("Indeks") else "jumlah",
            "naik",
        )
        for t in BIDANG_IND
    ]
    picked = rnd.sample(pool, n)
    if p.placement:  # one or two "ditempatkan" indicators first
        picked = rnd.sample(DITEMPATKAN, 1 + (p.level != "staf")) + picked[: n - 1 - (p.level != "staf")]
    out = []
    used: set[str] = set()
    for text, satuan, kind, pol in picked:
        iid = "-".join(slug(text).split("-")[:6])
        while iid in used:
            iid += "-2"
        used.add(iid)
        sasaran = (
            "Meningkatnya tenaga kerja yang ditempatkan"
            if "ditempatkan" in text
            else "Meningkatnya kualitas layanan publik"
            if kind in ("indeks", "hari")
            else "Meningkatnya akuntabilitas kinerja perangkat daerah"
        )
        if kind == "persen":
            target = _d(rnd.uniform(60, 100))
            real = [_d(float(target) * rnd.uniform(0.55, 0.8))]
        elif kind == "indeks":
            target = _d(rnd.uniform(70, 90))
            real = [_d(float(target) * rnd.uniform(0.85, 1.0))]
        elif kind == "hari":
            target = Decimal(rnd.choice([3, 5, 7, 14]))
            real = [_d(float(target) * rnd.uniform(0.6, 0.9), 1)]
        else:
            target = Decimal(rnd.choice([4, 12, 24, 50, 120, 300, 700, 1500]))
            real = [Decimal(int(target * Decimal(rnd.uniform(0.15, 0.3))))]
        for tw in (2, 3, 4):  # cumulative: never down
            last = real[-1]
            if kind == "jumlah":
                step = Decimal(int(target * Decimal(rnd.uniform(0.18, 0.32))))
                real.append(last + step)
            elif kind == "hari":
                real.append(_d(float(last) + rnd.uniform(0, 0.3), 1))
            else:
                real.append(min(_d(float(last) + float(target) * rnd.uniform(0.02, 0.12)), _d(float(target) * 1.15)))
        quarters = {}
        if kind == "jumlah":
            quarters = {tw: Decimal(int(target * tw / 4)) for tw in (1, 2, 3)} | {4: target}
        out.append(Indicator(iid, text, satuan, kind, pol, sasaran, target, quarters, dict(zip((1, 2, 3, 4), real))))
    return out


@dataclass
class BudgetRow:
    id: str
    jenis: str
    nama: str
    pagu: int
    children: list[BudgetRow] = field(default_factory=list)


def _budget(a: Agency, p: Position, rnd: random.Random) -> list[BudgetRow]:
    if p.jenis != "struktural":
        return []
    n_prog = {"kepala": 5, "eselon3": 2, "eselon4": 1}[p.level]
    progs = []
    used: set[str] = set()
    for i in range(n_prog):
        pname = PROGRAMS[(i + len(p.id)) % len(PROGRAMS)].format(d=a.domain)
        keg = []
        for j in range(rnd.randint(1, 2)):
            kname = KEGIATAN[(i * 2 + j) % len(KEGIATAN)].format(d=a.domain)
            subs = []
            for k in range(rnd.randint(1, 3)):
                sname = SUB[(i + j * 3 + k) % len(SUB)].format(d=a.domain)
                pagu = rnd.randrange(50, 2500) * 1_000_000 + rnd.randrange(0, 1000) * 1000
                subs.append(BudgetRow(f"sub-{i + 1}-{j + 1}-{k + 1}", "sub_kegiatan", sname, pagu))
            keg.append(BudgetRow(f"kegiatan-{i + 1}-{j + 1}", "kegiatan", kname, sum(s.pagu for s in subs), subs))
        pid = f"program-{i + 1}"
        assert pid not in used
        used.add(pid)
        progs.append(BudgetRow(pid, "program", pname, sum(k.pagu for k in keg), keg))
    return progs


def _budget_lines(rows: list[BudgetRow], indent: int) -> list[str]:
    pad = " " * indent
    out = []
    for r in rows:
        out += [f"{pad}- id: {r.id}", f"{pad}  jenis: {r.jenis}", f"{pad}  nama: {q(r.nama)}", f"{pad}  pagu: {rupiah(r.pagu)}"]
        if r.children:
            out.append(f"{pad}  rincian:")
            out += _budget_lines(r.children, indent + 4)
    return out


def _budget_real(rows: list[BudgetRow], rnd: random.Random) -> dict[str, dict[int, tuple[int, int]]]:
    """Cumulative (target, realisasi) per quarter for every row; parents are the sums."""
    out: dict[str, dict[int, tuple[int, int]]] = {}

    def leaf(r: BudgetRow) -> dict[int, tuple[int, int]]:
        q_ = {}
        last = 0
        for tw in (1, 2, 3, 4):
            target = r.pagu if tw == 4 else r.pagu * tw // 4 // 1000 * 1000
            real = max(last, int(target * rnd.uniform(0.82, 0.99)) // 1000 * 1000)
            q_[tw] = (target, real)
            last = real
        return q_

    def walk(r: BudgetRow) -> dict[int, tuple[int, int]]:
        if not r.children:
            res = leaf(r)
        else:
            parts = [walk(c) for c in r.children]
            res = {tw: (sum(p_[tw][0] for p_ in parts), sum(p_[tw][1] for p_ in parts)) for tw in (1, 2, 3, 4)}
        out[r.id] = res
        return res

    for r in rows:
        walk(r)
    return out


def tahunan_yml(a: Agency, p: Position, atasan: Position | None, gubernur: str, rnd: random.Random) -> tuple[str, str]:
    """The position's year file, and the id of one indicator whose TW IV value the benchmark changes."""
    inds = _indicators(a, p, rnd)
    budget = _budget(a, p, rnd)
    lines = [
        f"# {p.jabatan} ({p.id}), tahun {YEAR}: data sintetis.",
        f"jabatan: {p.id}",
        f"tahun: {YEAR}",
        "perjanjian_kinerja:",
        "  - versi: penetapan",
        f"    tanggal: {YEAR}-01-15",
        "    indikator:",
    ]
    for n, ind in enumerate(inds, 1):
        lines += [
            f"      - id: {ind.id}",
            f'        nomor: "{n}"',
            f"        sasaran: {q(ind.sasaran)}",
            f"        indikator: {q(ind.text)}",
            f"        target: {angka(ind.target)}",
            f"        satuan: {q(ind.satuan)}",
        ]
        if ind.quarters:
            lines.append("        target_triwulan: {" + ", ".join(f"{tw}: {angka(v)}" for tw, v in ind.quarters.items()) + "}")
        if ind.polaritas == "turun":
            lines += ["        polaritas: turun", "        polaritas_dinyatakan: true"]
    if budget:
        lines.append("anggaran:")
        lines += _budget_lines(budget, 2)
    real_budget = _budget_real(budget, rnd)
    lines.append("laporan:")
    for tw in (1, 2, 3, 4):
        end = {1: dt.date(YEAR, 4, 10), 2: dt.date(YEAR, 7, 10), 3: dt.date(YEAR, 10, 10), 4: dt.date(YEAR + 1, 1, 12)}[tw]
        lines += [
            f"  - triwulan: {tw}",
            f"    tanggal: {end.isoformat()}",
            f"    tempat: {CITY}",
            f"    sumber: lkj-{YEAR}",
            "    realisasi:",
        ]
        lines += [f"      {ind.id}: {angka(ind.real[tw])}" for ind in inds]
        if budget:
            lines.append("    anggaran:")
            lines += [
                f"      {rid}: {{target: {rupiah(v[tw][0])}, realisasi: {rupiah(v[tw][1])}}}" for rid, v in real_budget.items()
            ]
        lines += ["    narasi:"]
        lines += _lines_list("faktor_pendukung", rnd.sample(PENDUKUNG, 2), 6)
        lines += _lines_list("faktor_penghambat", rnd.sample(PENGHAMBAT, 1), 6)
        lines += _lines_list("upaya", rnd.sample(UPAYA, 2), 6)
        if tw == 4:
            lines += _lines_list("rekomendasi", rnd.sample(REKOMENDASI, 2), 6)
        lines += [
            "    penandatangan:",
            "      pembuat:",
            f"        nama: {q(p.nama)}",
            f"        jabatan: {q(p.jabatan)}",
            f"        jabatan_id: {p.id}",
            f'        nip: "{p.nip}"',
        ]
        if atasan is not None:
            lines += [
                "      mengetahui:",
                f"        nama: {q(atasan.nama)}",
                f"        jabatan: {q(atasan.jabatan)}",
                f"        jabatan_id: {atasan.id}",
                f'        nip: "{atasan.nip}"',
            ]
        else:
            lines += ["      mengetahui:", f"        nama: {q(gubernur)}", f"        jabatan: {GOVERNOR}"]
    probe = next((i.id for i in inds if i.kind in ("persen", "indeks")), inds[0].id)
    return "\n".join(lines) + "\n", probe


@dataclass
class Synthetic:
    data: Path
    agencies: int
    positions: int
    probe_file: Path  # the year file the warm-rebuild benchmark edits
    probe_indicator: str
    placement_pages: list[str]  # site paths of positions with "ditempatkan" indicators


def generate(out: Path, agencies: int, positions: int, seed: int = 7) -> Synthetic:
    """Write the synthetic data folder ``out`` (replaced if it exists)."""
    if out.exists():
        shutil.rmtree(out)
    rnd = random.Random(seed)
    names = Names(rnd)
    gubernur = names.person()
    region = out / REGION_ID
    region.mkdir(parents=True)
    (out / "site.yml").write_text(site_yml(agencies, positions), encoding="utf-8")
    (region / "wilayah.yml").write_text(wilayah_yml(gubernur), encoding="utf-8")
    probe = None
    placement = []
    for i in range(agencies):
        a = plan_agency(i, positions, rnd, names)
        folder = region / a.id
        (folder / "jabatan").mkdir(parents=True)
        (folder / str(YEAR)).mkdir()
        (folder / "perangkat-daerah.yml").write_text(agency_yml(a), encoding="utf-8")
        by_id = {p.id: p for p in a.positions}
        for p in a.positions:
            (folder / "jabatan" / f"{p.id}.yml").write_text(jabatan_yml(a, p), encoding="utf-8")
            text, probe_ind = tahunan_yml(a, p, by_id.get(p.atasan) if p.atasan else None, gubernur, rnd)
            path = folder / str(YEAR) / f"{p.id}.yml"
            path.write_text(text, encoding="utf-8")
            if "ditempatkan" in text:
                placement.append(f"{REGION_ID}/{a.id}/jabatan/{p.id}/")
            if probe is None and i == agencies // 2 and p is a.positions[len(a.positions) // 2]:
                probe = (path, probe_ind)
    if probe is None:  # tiny sizes
        p0 = next(iter(sorted((region).glob(f"*/{YEAR}/*.yml"))))
        probe = (
            p0,
            re.search(r"^      ([a-z0-9-]+): ", p0.read_text(encoding="utf-8").split("  - triwulan: 4")[1], re.M).group(1),
        )
    return Synthetic(out, agencies, positions, probe[0], probe[1], placement)


def change_realisation(s: Synthetic, step: str = "0,01") -> None:
    """Raise the TW IV realisation of one indicator of one position (the warm-rebuild edit):
    the last quarter's value, so the cumulative series stays non-decreasing."""
    text = s.probe_file.read_text(encoding="utf-8")
    head, tw4 = text.split("  - triwulan: 4\n")
    pattern = re.compile(rf"^(      {re.escape(s.probe_indicator)}: )([0-9.,]+)$", re.M)
    m = pattern.search(tw4)
    assert m, (s.probe_file, s.probe_indicator)
    value = Decimal(m.group(2).replace(".", "").replace(",", ".")) + Decimal(step.replace(",", "."))
    tw4 = tw4[: m.start(2)] + angka(value) + tw4[m.end(2) :]
    s.probe_file.write_text(head + "  - triwulan: 4\n" + tw4, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="write a synthetic province into a data folder")
    ap.add_argument("out", type=Path)
    ap.add_argument("--agencies", type=int, default=40)
    ap.add_argument("--positions", type=int, default=70)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    s = generate(args.out, args.agencies, args.positions, args.seed)
    print(
        f"{args.out}: {args.agencies} perangkat daerah × {args.positions} jabatan; "
        f"{len(s.placement_pages)} jabatan dengan indikator 'ditempatkan'"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`kinerja new …`: start files staff then fill in, with Indonesian comments as a guide.

    kinerja new situs DIR --wilayah "Kabupaten X" [--jenis kabupaten]   a new site: data/ with region and an example agency
    kinerja new wilayah ID --nama "Kota X" --jenis kota                   another region in this site
    kinerja new perangkat-daerah WILAYAH/ID --nama "Dinas …"              an agency
    kinerja new jabatan WILAYAH/OPD/ID --nama "…" --jenis …               a position
    kinerja new tahun BERKAS [--tahun N]                                  next year's Perjanjian Kinerja, indicators copied
    kinerja new triwulan BERKAS [--triwulan N]                            the next quarter's report entry, pre-filled

Every result passes `kinerja check` as written: what staff still have to fill in is
written as comments (a blank value would be an error). Existing files are never
overwritten; `new triwulan` only adds an entry to the year file (and moves the site's
``data_per`` forward to the quarter's end when needed, which the check requires).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import yaml

from generator.staff import schema
from generator.compute.engine import active_pk, measured_indicators
from generator.load import display_path, load_yaml
from generator.model import Indikator, Jabatan, Laporan, PerangkatDaerah, PosAnggaran, Situs, Tahunan
from generator.core.numbers import format_id
from generator.core.layout import AGENCY_FILE, POSITIONS_DIR, REGION_FILE, SITE_FILE
from generator.validate.rules import quarter_end
from generator.validate.schema import validate_schema

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """Why nothing was written, in words staff understand."""


# --------------------------------------------------------------------------- YAML text

def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def scalar(value: object) -> str:
    """One value as YAML text that the loader reads back unchanged (plain when safe)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format_id(value) if value != value.to_integral_value() else str(int(value))
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    plain_ok = bool(text) and text == text.strip() and not re.search(r"[\n\r\t]|: | #|^[-?:,\[\]{}#&*!|>'\"%@`]|:$", text)
    if plain_ok:
        try:
            plain_ok = yaml.safe_load(text) == text
        except yaml.YAMLError:
            plain_ok = False
    return text if plain_ok else json.dumps(text, ensure_ascii=False)


def rupiah(value: Decimal) -> str:
    text = format_id(value, 0)
    # "1.000" unquoted is YAML's one-point-zero: quote a single thousands group.
    return f'"{text}"' if re.fullmatch(r"-?\d{1,3}\.\d{3}", text) else text


def _write_new(path: Path, text: str, data_root: Path) -> None:
    """Create ``path``, never overwrite. When the repository has schemas/ next to the data
    folder, the file starts with its schema reference like every other data file."""
    schemas = data_root.parent / "schemas"
    kind = schema.file_kind(data_root, path)
    if kind and schemas.is_dir():
        text = schema.with_header(text, schema.header_line(path, kind, schemas))
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} sudah ada; tidak ditimpa. Pilih id lain atau ubah berkas itu langsung.")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as f:  # "x": fail rather than overwrite, even in a race
        f.write(text)


def _load(path: Path, model):
    if not path.is_file():
        raise ScaffoldError(f"berkas {path.as_posix()} tidak ada")
    doc, problems = load_yaml(path)
    value, errors = (None, []) if doc.data is None else validate_schema(doc, model)
    problems += errors
    if problems or value is None:
        listed = "\n".join("  " + d.format() for d in problems[:10])
        raise ScaffoldError(f"{path.as_posix()} masih bergalat; perbaiki dulu (jalankan `kinerja check`):\n{listed}")
    return value, doc


# --------------------------------------------------------------------------- file texts

HEADER = "# Baris yang diawali tanda # adalah komentar: petunjuk untuk Anda, tidak dibaca mesin.\n"


def situs_text(judul: str, data_per: dt.date) -> str:
    return f"""# Pengaturan situs. Berlaku untuk semua wilayah dan perangkat daerah.
{HEADER}judul: {scalar(judul)}
# Tanggal data: tidak boleh ada laporan untuk periode sesudah tanggal ini.
# Majukan tanggal ini setiap kali laporan triwulan baru ditambahkan.
data_per: {data_per.isoformat()}
lisensi: CC BY 4.0
# Tampilan NIP di situs (data pribadi, UU 27/2022): samar (bawaan) | lengkap | sembunyi
tampilan_nip: samar
# Kebijakan perhitungan bawaan situs. Kosong berarti memakai bawaan (lihat halaman Metodologi).
kebijakan: {{}}
"""


def kepala_daerah(nama_wilayah: str, jenis: str) -> str:
    """"Kabupaten Batang" → "Bupati Batang"."""
    title = {"kota": "Wali Kota", "kabupaten": "Bupati", "provinsi": "Gubernur"}[jenis]
    bare = re.sub(r"^(kota|kabupaten|provinsi)\s+", "", nama_wilayah, flags=re.I)
    return f"{title} {bare}"


def wilayah_text(nama: str, jenis: str) -> str:
    return f"""# Wilayah (pemerintah daerah).
{HEADER}nama: {scalar(nama)}
jenis: {jenis}  # kota | kabupaten | provinsi
kepala_daerah:
  jabatan: {scalar(kepala_daerah(nama, jenis))}
  # nama: NAMA KEPALA DAERAH
"""


def perangkat_daerah_text(nama: str, singkatan: str | None, example: bool = False) -> str:
    intro = ("# CONTOH perangkat daerah: ganti isinya dengan data perangkat daerah Anda, atau hapus folder ini.\n" if example else "")
    sing = f"singkatan: {scalar(singkatan)}\n" if singkatan else "# singkatan: Disnaker\n"
    return f"""# Perangkat daerah: identitas, tugas, fungsi dan susunan unit kerja.
{intro}{HEADER}nama: {scalar(nama)}
{sing}# alamat: Jl. …
# situs_web: https://…
# dasar_hukum: Peraturan Wali Kota/Bupati tentang kedudukan, susunan organisasi, tugas dan fungsi
# tugas: Membantu Wali Kota/Bupati melaksanakan urusan pemerintahan di bidang …
# fungsi:
#   - perumusan kebijakan di bidang …;
#   - pelaksanaan kebijakan di bidang …;
# Unit kerja. `id` dipakai oleh berkas jabatan (unit: …) dan menjadi alamat halaman:
# huruf kecil, angka dan tanda hubung. jenis: sekretariat | subbagian | bidang | seksi | uptd | kelompok_fungsional | lainnya
unit:
  - id: sekretariat
    nama: Sekretariat
    jenis: sekretariat
    unit:
      - id: subbagian-umum-kepegawaian
        nama: Subbagian Umum dan Kepegawaian
        jenis: subbagian
# Dokumen sumber yang dirujuk laporan lewat `sumber: <id>`, mis. Laporan Kinerja TW IV.
sumber_dokumen: []
"""


def jabatan_text(nama: str, jenis: str, unit: str | None, atasan: str | None, atasan_luar: str | None,
                 pemangku: str | None, nip: str | None) -> str:
    lines = [f"# Jabatan {nama}.", HEADER.rstrip("\n"), f"jabatan: {scalar(nama)}",
             f"jenis: {jenis}  # struktural | fungsional | pelaksana"]
    lines.append(f"unit: {unit}  # id unit kerja dari perangkat-daerah.yml" if unit
                 else "# unit: bidang-…  # id unit kerja dari perangkat-daerah.yml; tanpa unit = langsung di bawah kepala perangkat daerah")
    if atasan:
        lines.append(f"atasan: {atasan}  # id berkas jabatan atasan langsung")
    elif atasan_luar:
        lines.append(f"atasan_luar: {scalar(atasan_luar)}  # atasan di luar perangkat daerah")
    else:
        lines.append("# atasan: kepala-…  # id berkas jabatan atasan langsung (folder jabatan/)")
    example = ["#   - nama: NAMA LENGKAP, S.E.", "#     pangkat: Penata Tingkat I", "#     golongan: III/d",
               '#     nip: "198001012005011001"  # 18 digit, dalam tanda kutip; disamarkan di situs',
               "#     status: PNS  # PNS | PPPK; tambahkan `plt: true` untuk pelaksana tugas",
               "#     mulai: 2026-01-02  # bila pemangku berganti di tengah tahun"]
    if pemangku:
        lines += ["# Pemangku jabatan; bila berganti, tambahkan pemangku baru dengan `mulai`/`selesai`.", "pemangku:",
                  f"  - nama: {scalar(pemangku)}"]
        lines += [f"    nip: {json.dumps(nip)}  # 18 digit, dalam tanda kutip"] if nip else ["    # nip: \"198001012005011001\"  # 18 digit, dalam tanda kutip"]
        lines += ["    status: PNS  # PNS | PPPK"]
    else:
        lines += ["# Pemangku jabatan. Ganti [] dengan daftar seperti contoh di bawah (hapus tanda # di depannya):",
                  "pemangku: []", "# pemangku:"] + example
    lines += ["# tugas: Melaksanakan …", "# fungsi:", "#   - …", ""]
    return "\n".join(lines)


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


EXAMPLE_INDICATORS = [
    Indikator(id="indeks-kepuasan-masyarakat", nomor="1", sasaran="Meningkatnya kualitas layanan publik",
              indikator="Indeks kepuasan masyarakat", target=Decimal("85"), satuan="indeks"),
    Indikator(id="pencari-kerja-ditempatkan", nomor="2", sasaran="Meningkatnya penempatan tenaga kerja",
              indikator="Persentase pencari kerja yang ditempatkan", target=Decimal("52.5"), satuan="%",
              target_triwulan={2: Decimal("25"), 4: Decimal("52.5")}),
]


def tahunan_text(position_id: str, title: str, tahun: int, previous: Tahunan | None,
                 example: list[Indikator] | None = None) -> str:
    lines = [f"# {title} ({position_id}), tahun {tahun}.", HEADER.rstrip("\n")]
    if example:
        lines.append("# CONTOH perjanjian kinerja: ganti indikator dan targetnya dengan yang ditandatangani.")
    indicators = measured_indicators(previous) if previous else (example or [])
    if previous:
        lines += [f"# Disiapkan dengan `kinerja new tahun` dari berkas {previous.tahun}: indikator disalin, realisasi tidak.",
                  f"# PERIKSA SETIAP TARGET DAN PAGU: angkanya masih angka {previous.tahun} sampai diganti dengan angka",
                  f"# Perjanjian Kinerja {tahun} yang ditandatangani. Hapus indikator yang tidak ada lagi."]
    lines += [f"jabatan: {position_id}", f"tahun: {tahun}", "perjanjian_kinerja:", "  - versi: penetapan",
              f"    # tanggal: {tahun}-01-31  # tanggal penandatanganan perjanjian kinerja"]
    if indicators:
        lines.append("    indikator:")
        for ind in indicators:
            lines += _indicator_lines(ind, "      ", previous.tahun if previous else None)
    else:
        lines += ["    # Ganti [] dengan daftar indikator seperti contoh di bawah (hapus tanda # di depannya).", "    indikator: []",
                  "    # indikator:", "    #   - id: indeks-kepuasan-masyarakat  # huruf kecil dan tanda hubung; jangan diubah setelah terbit",
                  '    #     nomor: "1"', "    #     sasaran: Meningkatnya kualitas layanan publik",
                  "    #     indikator: Indeks kepuasan masyarakat", "    #     target: 87,62  # koma desimal", "    #     satuan: indeks",
                  "    #     polaritas: naik  # naik: makin tinggi makin baik | turun: makin rendah makin baik"]
    if previous and previous.anggaran:
        lines += ["# Anggaran: program → kegiatan → sub kegiatan, dengan pagu (Rupiah, tanpa Rp dan ,-).", "anggaran:"]
        for pos in previous.anggaran:
            lines += _budget_lines(pos, "  ", previous.tahun)
    lines += ["# Laporan triwulan ditambahkan dengan `kinerja new triwulan <berkas ini>`.", "laporan: []", ""]
    return "\n".join(lines)


def _signer_lines(lap: Laporan, pad: str) -> list[str]:
    if lap.penandatangan is None:
        return []
    out = [f"{pad}penandatangan:"]
    for role in ("pembuat", "mengetahui"):
        person = getattr(lap.penandatangan, role)
        if person is None:
            continue
        out.append(f"{pad}  {role}:")
        for key in ("nama", "jabatan", "jabatan_id", "pangkat", "nip"):
            value = getattr(person, key)
            if value is not None:
                out.append(f"{pad}    {key}: {json.dumps(value) if key == 'nip' else scalar(value)}")
    return out


def laporan_text(t: Tahunan, tw: int, previous: Laporan | None, signer_from: Laporan | None, dash: str) -> str:
    """A report entry whose figures are still to be filled in: written as comments with the
    target for the quarter and the previous period's value beside each line. ``previous``
    is the report before this one, possibly last year's TW IV (shown, never carried)."""
    pad = dash + "  "
    c = f"{pad}# "
    same_year = previous is not None and any(lap is previous for lap in t.laporan)
    if previous is not None:
        before = f"s.d. TW {ROMAWI[previous.triwulan]}" + ("" if same_year else f" {t.tahun - 1}")
    lines = [f"{dash}# Triwulan {ROMAWI[tw]} {t.tahun}: disiapkan dengan `kinerja new triwulan`. Isi realisasi KUMULATIF s.d. triwulan {ROMAWI[tw]}",
             f"{dash}# (jumlah sejak awal tahun), lalu hapus tanda # dan satu spasi di depan baris yang sudah diisi.",
             f"{dash}# Data belum tersedia? Tulis mis. `tpak: {{na: dirilis BPS tahun berikutnya}}`. Angka desimal memakai koma: 95,14.",
             f"{dash}- triwulan: {tw}",
             f"{c}tanggal: {t.tahun if tw < 4 else t.tahun + 1}-{(tw * 3 + 1) % 12:02d}-05  # tanggal laporan ditandatangani (TTTT-BB-HH)"]
    if signer_from is not None and signer_from.tempat:
        lines.append(f"{pad}tempat: {scalar(signer_from.tempat)}")
    indicators = [(ind, depth) for ind, depth in _walk(measured_indicators(t))]
    if indicators:
        lines.append(f"{c}realisasi:")
        for ind, _depth in indicators:
            target = ind.target_triwulan.get(tw, ind.target)
            unit = f" {ind.satuan}" if ind.satuan else ""
            info = [f"target s.d. TW {ROMAWI[tw]}: {format_id(target)}{unit}" if target is not None else "belum ada target"]
            old = previous.realisasi.get(ind.id) if previous else None
            if old is not None:
                info.append(f"{before}: " + (f"n/a ({old.na})" if old.na else format_id(old.nilai)))
            lines.append(f"{c}  {ind.id}:  # {_one_line(ind.indikator)} — {'; '.join(info)}")
    budget = list(_walk_budget(t.anggaran))
    if budget:
        lines.append(f"{c}anggaran:")
        for pos in budget:
            old = previous.anggaran.get(pos.id) if previous and same_year else None
            target = old.target if old is not None and old.target is not None else pos.pagu
            info = f"pagu {format_id(pos.pagu)}" + (f"; realisasi {before}: {format_id(old.realisasi)}" if old is not None else "")
            lines.append(f"{c}  {pos.id}: {{target: {rupiah(target)}, realisasi: }}  # {_one_line(pos.nama)} — {info}")
    lines.append(f"{c}narasi:")
    for part in ("faktor_pendukung", "faktor_penghambat", "upaya", "kesimpulan", "rekomendasi"):
        lines += [f"{c}  {part}:", f"{c}    - …"]
    lines += _signer_lines(signer_from, pad) if signer_from else []
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "…"


def _walk(items, depth=0):
    for ind in items:
        yield ind, depth
        yield from _walk(ind.rincian, depth + 1)


def _walk_budget(items):
    for pos in items:
        yield pos
        yield from _walk_budget(pos.rincian)


# --------------------------------------------------------------------------- commands

def new_situs(target: Path, wilayah: str, jenis: str | None, judul: str | None, tahun: int) -> list[Path]:
    jenis = jenis or next((j for j in ("kota", "kabupaten", "provinsi") if wilayah.lower().startswith(j)), None)
    if jenis is None:
        raise ScaffoldError("jenis wilayah tidak dapat ditebak dari namanya; tambahkan --jenis kota|kabupaten|provinsi")
    data = target / "data"
    if data.exists() and any(data.iterdir()):
        raise ScaffoldError(f"{data.as_posix()} sudah berisi data; tidak ditimpa. Pilih folder lain.")
    region = slug(wilayah)
    agency = data / region / "dinas-contoh"
    files = {
        data / SITE_FILE: situs_text(judul or f"Laporan Kinerja Perangkat Daerah {wilayah}", dt.date.today()),
        data / region / REGION_FILE: wilayah_text(wilayah, jenis),
        agency / AGENCY_FILE: perangkat_daerah_text("Dinas Contoh", "Discon", example=True),
        agency / POSITIONS_DIR / "kepala-dinas.yml": jabatan_text("Kepala Dinas Contoh", "struktural", None, None,
                                                                  kepala_daerah(wilayah, jenis), None, None),
        agency / str(tahun) / "kepala-dinas.yml": tahunan_text("kepala-dinas", "Kepala Dinas Contoh", tahun, None, EXAMPLE_INDICATORS),
    }
    schema.write_all(target / "schemas")  # editor support from the first edit
    for path, text in files.items():
        _write_new(path, text, data)
    return list(files)


def new_wilayah(data: Path, region_id: str, nama: str, jenis: str) -> Path:
    _check_id(region_id, "wilayah")
    path = data / region_id / REGION_FILE
    _write_new(path, wilayah_text(nama, jenis), data)
    return path


def new_perangkat_daerah(data: Path, ref: str, nama: str, singkatan: str | None) -> Path:
    region, agency = _split(ref, 2, "WILAYAH/ID, mis. kota-pekalongan/dinas-tenaga-kerja")
    if not (data / region / REGION_FILE).is_file():
        raise ScaffoldError(f"wilayah '{region}' belum ada ({(data / region / REGION_FILE).as_posix()}); buat dengan `kinerja new wilayah`")
    path = data / region / agency / AGENCY_FILE
    _write_new(path, perangkat_daerah_text(nama, singkatan), data)
    return path


def new_jabatan(data: Path, ref: str, nama: str, jenis: str, unit: str | None, atasan: str | None,
                atasan_luar: str | None, pemangku: str | None, nip: str | None) -> Path:
    region, agency, position = _split(ref, 3, "WILAYAH/OPD/ID, mis. kota-pekalongan/dinperinaker/kepala-seksi-pelatihan")
    agency_dir = data / region / agency
    pd, _doc = _load(agency_dir / AGENCY_FILE, PerangkatDaerah)
    units = {u.id for u in _walk_units(pd.unit)}
    if unit and unit not in units:
        raise ScaffoldError(f"unit '{unit}' tidak ada di {(agency_dir / AGENCY_FILE).as_posix()}; unit yang ada: {', '.join(sorted(units)) or '(belum ada)'}")
    positions = {p.stem for p in (agency_dir / POSITIONS_DIR).glob("*.yml")}
    if atasan and atasan not in positions:
        raise ScaffoldError(f"jabatan atasan '{atasan}' tidak ada di {(agency_dir / POSITIONS_DIR).as_posix()}/; yang ada: {', '.join(sorted(positions)) or '(belum ada)'}")
    if nip is not None and not re.fullmatch(r"\d{18}", nip.replace(" ", "")):
        raise ScaffoldError(f"NIP '{nip}' bukan 18 digit angka")
    path = agency_dir / POSITIONS_DIR / f"{position}.yml"
    _write_new(path, jabatan_text(nama, jenis, unit, atasan, atasan_luar, pemangku, nip.replace(" ", "") if nip else None), data)
    return path


def new_tahun(source: Path, tahun: int | None) -> Path:
    """From a year file (indicators copied, realisation not) or a position file (empty PK)."""
    if source.parent.name == POSITIONS_DIR:
        jab, _ = _load(source, Jabatan)
        if tahun is None:
            tahun = dt.date.today().year
        path = source.parent.parent / str(tahun) / source.name
        _write_new(path, tahunan_text(source.stem, jab.jabatan, tahun, None), source.resolve().parents[3])
        return path
    previous, _ = _load(source, Tahunan)
    tahun = tahun or previous.tahun + 1
    position_file = source.parent.parent / POSITIONS_DIR / source.name
    title = _load(position_file, Jabatan)[0].jabatan if position_file.is_file() else source.stem
    path = source.parent.parent / str(tahun) / source.name
    _write_new(path, tahunan_text(previous.jabatan, title, tahun, previous), source.resolve().parents[3])
    return path


def new_triwulan(year_file: Path, triwulan: int | None) -> tuple[int, int, str | None]:
    """Adds the report entry; returns (quarter, line of the entry, note about data_per)."""
    if not re.fullmatch(r"\d{4}", year_file.parent.name):
        raise ScaffoldError(f"{year_file.as_posix()} bukan berkas tahunan; yang dimaksud berkas seperti data/<wilayah>/<perangkat-daerah>/2025/<jabatan>.yml")
    t, doc = _load(year_file, Tahunan)
    done = sorted(lap.triwulan for lap in t.laporan)
    if triwulan is None:
        if done and done[-1] == 4:
            raise ScaffoldError(f"laporan triwulan IV {t.tahun} sudah ada. Untuk triwulan I {t.tahun + 1}, buat dulu berkas tahunnya: "
                                f"`kinerja new tahun {year_file.as_posix()}`, lalu jalankan perintah ini pada berkas baru itu.")
        triwulan = done[-1] + 1 if done else 1
    if triwulan in done:
        raise ScaffoldError(f"laporan triwulan {ROMAWI[triwulan]} {t.tahun} sudah ada di {year_file.as_posix()}; tidak ditimpa.")
    if active_pk(t) is None and t.iki is None:
        raise ScaffoldError(f"{year_file.as_posix()} belum punya perjanjian_kinerja: isi indikator dan targetnya dulu.")
    previous = max((lap for lap in t.laporan if lap.triwulan < triwulan), key=lambda lap: lap.triwulan, default=None)
    signer = previous or _last_report_of(year_file.parent.parent / str(t.tahun - 1) / year_file.name)
    text = year_file.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    at, dash, replace_empty = _insertion_point(lines, doc, t, triwulan)
    entry = laporan_text(t, triwulan, signer, signer, dash)
    if replace_empty is not None:
        lines[replace_empty] = "laporan:\n"
    if at == len(lines) and lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if replace_empty is None and at == len(lines) and "laporan" not in (doc.data or {}):
        entry = "laporan:\n" + entry
    lines.insert(at, entry)
    year_file.write_text("".join(lines), encoding="utf-8")
    return triwulan, at + 1, _move_data_per(year_file.resolve().parents[3] / SITE_FILE, quarter_end(t.tahun, triwulan))


def _insertion_point(lines: list[str], doc, t: Tahunan, triwulan: int) -> tuple[int, str, int | None]:
    """(line index to insert at, indentation of the entry's dash, index of a `laporan: []` line to open)."""
    if "laporan" not in (doc.data or {}):
        return len(lines), "  ", None
    key_line = doc.key_positions[("laporan",)][0] - 1
    if not t.laporan:
        return key_line + 1, "  ", key_line
    first = doc.positions[("laporan", 0)][0] - 1
    dash = re.match(r"\s*", lines[first]).group(0)
    later = [i for i, lap in enumerate(t.laporan) if lap.triwulan > triwulan]
    if later:
        at = doc.positions[("laporan", later[0])][0] - 1
    else:  # the end of the laporan block: the next top-level key
        at = next((i for i in range(key_line + 1, len(lines)) if lines[i][:1] not in ("", " ", "#", "-", "\n", "\r")), len(lines))
    while at > key_line + 1 and (lines[at - 1].strip() == "" or
                                 (lines[at - 1].lstrip().startswith("#") and len(lines[at - 1]) - len(lines[at - 1].lstrip()) <= len(dash))):
        at -= 1  # comments just above belong to what follows
    return at, dash, None


def _last_report_of(path: Path) -> Laporan | None:
    if not path.is_file():
        return None
    try:
        t, _ = _load(path, Tahunan)
    except ScaffoldError:
        return None
    return max(t.laporan, key=lambda lap: lap.triwulan, default=None)


def _move_data_per(site_file: Path, end: dt.date) -> str | None:
    if not site_file.is_file():
        return None
    situs, _ = _load(site_file, Situs)
    if situs.data_per >= end:
        return None
    text = site_file.read_text(encoding="utf-8")
    new, n = re.subn(r"(?m)^(data_per:\s*)[\"']?\d{4}-\d{2}-\d{2}[\"']?", rf"\g<1>{end.isoformat()}", text, count=1)
    if n != 1:
        return f"majukan `data_per` di {display_path(site_file)} menjadi {end.isoformat()} (tidak dapat diubah otomatis)"
    site_file.write_text(new, encoding="utf-8")
    return f"`data_per` di {display_path(site_file)} dimajukan dari {situs.data_per.isoformat()} ke {end.isoformat()} (akhir triwulan ini)"


def _walk_units(units):
    for u in units:
        yield u
        yield from _walk_units(u.unit)


def _check_id(value: str, what: str) -> None:
    if not ID_RE.match(value):
        raise ScaffoldError(f"id {what} '{value}' tidak sah: pakai huruf kecil, angka dan tanda hubung, mis. '{slug(value) or 'dinas-contoh'}'")


def _split(ref: str, n: int, example: str) -> list[str]:
    parts = ref.strip("/").split("/")
    if len(parts) != n:
        raise ScaffoldError(f"'{ref}' tidak sesuai bentuk {example}")
    for p in parts:
        _check_id(p, "")
    return parts


def cmd_new(args: argparse.Namespace) -> int:
    data = Path(args.data or "data")
    try:
        if args.kind == "situs":
            created = new_situs(Path(args.folder), args.wilayah, args.jenis, args.judul, args.tahun)
            print("Situs baru dibuat:\n" + "\n".join(f"  {p.as_posix()}" for p in created))
            print(f"\nLangkah berikutnya: masuk ke {args.folder}, ganti perangkat daerah contoh dengan data Anda, "
                  "lalu jalankan `kinerja check` dan `kinerja build`.")
        elif args.kind == "wilayah":
            print(f"Dibuat: {new_wilayah(data, args.id, args.nama, args.jenis).as_posix()}")
        elif args.kind == "perangkat-daerah":
            path = new_perangkat_daerah(data, args.ref, args.nama, args.singkatan)
            print(f"Dibuat: {path.as_posix()}\nLangkah berikutnya: lengkapi unit kerjanya, buat jabatan dengan `kinerja new jabatan {args.ref}/<id> …`, "
                  f"dan tambahkan baris untuk /data/{args.ref.strip('/')}/ di .github/CODEOWNERS agar peninjau perangkat daerah ini diminta memeriksa.")
        elif args.kind == "jabatan":
            path = new_jabatan(data, args.ref, args.nama, args.jenis, args.unit, args.atasan, args.atasan_luar, args.pemangku, args.nip)
            print(f"Dibuat: {path.as_posix()}\nLangkah berikutnya: `kinerja new tahun {path.as_posix()} --tahun <tahun>` untuk perjanjian kinerjanya.")
        elif args.kind == "tahun":
            path = new_tahun(Path(args.berkas), args.tahun)
            print(f"Dibuat: {path.as_posix()}\nPeriksa dan ganti setiap target dan pagu dengan angka perjanjian kinerja tahun ini.")
        elif args.kind == "triwulan":
            tw, line, note = new_triwulan(Path(args.berkas), args.triwulan)
            print(f"Laporan triwulan {ROMAWI[tw]} ditambahkan ke {Path(args.berkas).as_posix()} mulai baris {line}.")
            print("Isi realisasinya (ikuti komentar di sana), lalu jalankan `kinerja check`.")
            if note:
                print(note + ".")
    except ScaffoldError as e:
        print(f"kinerja new: {e}")
        return 1
    return 0


def add_commands(subparsers, common) -> None:
    new = subparsers.add_parser("new", help="buat berkas baru dari templat: situs, wilayah, perangkat daerah, jabatan, tahun, triwulan")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="JENIS")

    s = kinds.add_parser("situs", help="situs baru untuk wilayah lain (folder data/ dengan contoh)")
    common(s)
    s.add_argument("folder", metavar="FOLDER", help="folder situs baru (data/ dibuat di dalamnya)")
    s.add_argument("--wilayah", required=True, help='nama wilayah, mis. "Kabupaten Batang"')
    s.add_argument("--jenis", choices=["kota", "kabupaten", "provinsi"], help="bawaan: ditebak dari nama wilayah")
    s.add_argument("--judul", help="judul situs")
    s.add_argument("--tahun", type=int, default=dt.date.today().year, help="tahun perjanjian kinerja contoh (bawaan: tahun ini)")

    w = kinds.add_parser("wilayah", help="wilayah baru di situs ini")
    common(w)
    w.add_argument("id", help="id folder, mis. kabupaten-batang")
    w.add_argument("--nama", required=True)
    w.add_argument("--jenis", required=True, choices=["kota", "kabupaten", "provinsi"])

    p = kinds.add_parser("perangkat-daerah", help="perangkat daerah baru")
    common(p)
    p.add_argument("ref", metavar="WILAYAH/ID", help="mis. kota-pekalongan/dinas-tenaga-kerja")
    p.add_argument("--nama", required=True, help='mis. "Dinas Tenaga Kerja"')
    p.add_argument("--singkatan")

    j = kinds.add_parser("jabatan", help="jabatan baru di perangkat daerah")
    common(j)
    j.add_argument("ref", metavar="WILAYAH/OPD/ID", help="mis. kota-pekalongan/dinperinaker/kepala-seksi-pelatihan")
    j.add_argument("--nama", required=True, help='nama jabatan, mis. "Kepala Seksi Pelatihan"')
    j.add_argument("--jenis", required=True, choices=["struktural", "fungsional", "pelaksana"])
    j.add_argument("--unit", help="id unit kerja dari perangkat-daerah.yml")
    j.add_argument("--atasan", help="id jabatan atasan langsung")
    j.add_argument("--atasan-luar", help='atasan di luar perangkat daerah, mis. "Wali Kota Pekalongan"')
    j.add_argument("--pemangku", help="nama pemangku jabatan")
    j.add_argument("--nip", help="NIP pemangku (18 digit)")

    t = kinds.add_parser("tahun", help="perjanjian kinerja tahun baru (indikator disalin dari tahun sebelumnya, tanpa realisasi)")
    common(t)
    t.add_argument("berkas", metavar="BERKAS", help="berkas tahun sebelumnya (…/2025/<id>.yml) atau berkas jabatan (…/jabatan/<id>.yml)")
    t.add_argument("--tahun", type=int, help="bawaan: tahun berkas sebelumnya + 1")

    q = kinds.add_parser("triwulan", help="laporan triwulan berikutnya di berkas tahunan (target terbawa, realisasi dikosongkan)")
    common(q)
    q.add_argument("berkas", metavar="BERKAS", help="berkas tahunan, mis. data/…/2025/kepala-dinas.yml")
    q.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4], help="bawaan: triwulan sesudah laporan terakhir")
    new.set_defaults(func=cmd_new)

"""View models of the PPID section (UU 14/2008, Perki KIP 1/2021): what each page shows.

Per agency, under ``<wilayah>/<opd>/ppid/``:

    index.md                 Layanan Informasi Publik: contact, links, deadlines
    dip.md (+ dip.csv/.xlsx) Daftar Informasi Publik, one row per entry of ppid/dip.py
    statistik.md             service statistics of every register year (charts + tables)
    laporan-<tahun>.md       the annual Laporan Layanan Informasi Publik of one year
    cara-mengajukan.md       how to request information
    keberatan.md             how to object, and the dispute at the Komisi Informasi
    formulir-permohonan.md   printable request form
    formulir-keberatan.md    printable objection form

plus ``ppid.md`` at the top: the index of every agency's PPID pages. Figures come from
ppid/stats.py and deadlines from ppid/workdays.py; this module selects, orders and labels.
Text stays raw; templates escape it. Links that leave the page (request form, mailto)
are built here from validated parts and returned as Markup.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

from markupsafe import Markup, escape

from generator.validate.dataset import AgencyRecord, RegionRecord
from generator.core.addresses import download_links
from generator.ppid import dip as dip_module
from generator.compute import ppid_stats
from generator.compute import workdays
from generator.model.ppid import Permohonan, RegisterPermohonan
from generator.core import fmt
from generator.ppid import charts as ppid_charts
from generator.core import addresses
from generator.render.escape import teks
from generator.render.views import MAX_ALT_ITEMS, ChartSpec, SiteIndex

# --------------------------------------------------------------------------- labels

KELAS_URUT = ("berkala", "serta_merta", "setiap_saat", "dikecualikan")
KELAS = {
    "berkala": "Informasi berkala",
    "serta_merta": "Informasi serta merta",
    "setiap_saat": "Informasi tersedia setiap saat",
    "dikecualikan": "Informasi dikecualikan",
}
KELAS_KET = {
    "berkala": "diumumkan secara rutin, paling sedikit setiap enam bulan; termasuk laporan kinerja dan laporan keuangan",
    "serta_merta": "diumumkan segera karena menyangkut hajat hidup orang banyak dan ketertiban umum",
    "setiap_saat": "disediakan dan dapat diminta kapan saja",
    "dikecualikan": "tertutup berdasarkan uji konsekuensi (Pasal 17 UU 14/2008); tidak diterbitkan",
}
JENIS_URUT = ("pk", "lkj", "anggaran", "iki", "lain")
JENIS = {"pk": "Perjanjian Kinerja", "lkj": "Laporan Kinerja", "anggaran": "Realisasi anggaran",
         "iki": "Indikator Kinerja Individu", "lain": "Dokumen lain"}
KANAL = {"langsung": "Datang langsung", "surat": "Surat", "email": "Surel (email)", "situs_web": "Situs web / formulir daring",
         "telepon": "Telepon", "media_sosial": "Media sosial", "lainnya": "Lainnya"}
KATEGORI = {"perorangan": "Perorangan", "badan_hukum": "Badan hukum", "kelompok_masyarakat": "Kelompok masyarakat",
            "lsm": "Lembaga swadaya masyarakat", "media": "Media / pers", "akademisi": "Akademisi / peneliti",
            "instansi_pemerintah": "Instansi pemerintah", "lainnya": "Lainnya"}
KEPUTUSAN = {"diberikan": "Diberikan seluruhnya", "diberikan_sebagian": "Diberikan sebagian",
             "ditolak": "Ditolak (informasi dikecualikan)", "tidak_dikuasai": "Informasi tidak dikuasai",
             "belum_diputuskan": "Belum diputuskan"}
HASIL_KEBERATAN = {"diterima": "Diterima", "diterima_sebagian": "Diterima sebagian", "ditolak": "Ditolak",
                   "belum_diputuskan": "Belum diputuskan"}
SENGKETA_HARI = 14  # working days to bring a dispute to the Komisi Informasi (UU 14/2008 Pasal 37)
MAX_REQUEST_BARS = 30  # above this, the answer-time chart shows a distribution instead of one bar per request

# --------------------------------------------------------------------------- paths

HOME = "ppid.md"


def path(region_id: str, agency_id: str, name: str) -> str:
    """Docs-relative path of one file of an agency's PPID section."""
    return f"{region_id}/{agency_id}/ppid/{name}"


def index_path(r: str, a: str) -> str:
    return path(r, a, "index.md")


def dip_path(r: str, a: str) -> str:
    return path(r, a, "dip.md")


def statistik_path(r: str, a: str) -> str:
    return path(r, a, "statistik.md")


def laporan_path(r: str, a: str, tahun: int) -> str:
    return path(r, a, f"laporan-{tahun}.md")


def cara_path(r: str, a: str) -> str:
    return path(r, a, "cara-mengajukan.md")


def keberatan_path(r: str, a: str) -> str:
    return path(r, a, "keberatan.md")


def formulir_permohonan_path(r: str, a: str) -> str:
    return path(r, a, "formulir-permohonan.md")


def formulir_keberatan_path(r: str, a: str) -> str:
    return path(r, a, "formulir-keberatan.md")


def grafik_path(r: str, a: str, name: str) -> str:
    return path(r, a, f"grafik/{name}.svg")


def anchor(nomor: str) -> Markup:
    """Stable id of a DIP entry from its number: DINPERINAKER/PK/2025/kepala-dinas →
    dinperinaker-pk-2025-kepala-dinas (ASCII, lower case, hyphens: safe as it is in HTML)."""
    ascii_ = unicodedata.normalize("NFKD", nomor).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return Markup(slug or "entri")


def rel_href(page: str, target: str) -> Markup:
    """Relative href of a docs path (``a/b.md#x`` keeps its fragment), percent-quoted, so
    it holds no character that HTML would interpret."""
    base, _, frag = target.partition("#")
    link = addresses.rel(page, base)
    return Markup(quote(link, safe="/.-_~") + (f"#{quote(frag, safe='-_')}" if frag else ""))


def _external(url: str | None) -> str | None:
    """A web address from the data, only when it is plain http(s) (never javascript: etc.)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url.strip()):
        return None
    return url.strip()


_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


def _email(value: str | None) -> str | None:
    return value.strip() if value and _EMAIL.match(value.strip()) else None


# --------------------------------------------------------------------------- the request channel

@dataclass(frozen=True)
class Kanal:
    """Where a request goes: the agency's online form, its PPID e-mail, or (when neither
    is in the data) the agency's procedure page."""

    jenis: str  # formulir | email | prosedur
    formulir_url: str | None
    email: str | None

    @classmethod
    def of(cls, agency: AgencyRecord) -> "Kanal":
        k = agency.model.ppid
        form = _external(k.formulir_url) if k else None
        mail = _email(k.email) if k else None
        return cls("formulir" if form else "email" if mail else "prosedur", form, mail)

    def href(self, page: str, region_id: str, agency_id: str, nomor: str | None, ringkasan: str | None, nama_pd: str) -> Markup:
        if self.jenis == "formulir":
            parts = urlsplit(self.formulir_url)
            query = parts.query + ("&" if parts.query else "") + urlencode({"dip": nomor}) if nomor else parts.query
            url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
        elif self.jenis == "email":
            subject = f"Permohonan informasi publik {nomor}" if nomor else f"Permohonan informasi publik {nama_pd}"
            body = (f"Kepada PPID {nama_pd},\n\nSaya mengajukan permohonan informasi publik berikut.\n\n"
                    + (f"Nomor DIP: {nomor}\nInformasi: {ringkasan}\n" if nomor else "Informasi yang dibutuhkan: \n")
                    + "Tujuan penggunaan informasi: \n"
                    + "Cara memperoleh informasi (melihat/membaca atau salinan softcopy/hardcopy): \n\n"
                    + "Nama: \nAlamat: \nNomor telepon: \n")
            url = f"mailto:{quote(self.email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
        else:
            url = str(rel_href(page, cara_path(region_id, agency_id))) + (f"?dip={quote(nomor, safe='')}" if nomor else "")
        return Markup(escape(url))

    @property
    def keterangan(self) -> str:
        if self.jenis == "formulir":
            return "Tautan membuka formulir permohonan daring PPID (situs lain) dengan nomor DIP sudah terisi."
        if self.jenis == "email":
            return "Tautan membuka aplikasi surel Anda dengan pesan permohonan yang sudah memuat nomor DIP; lengkapi lalu kirim."
        return ("Kanal permohonan daring PPID belum diisi dalam data situs ini. Tautan menuju cara mengajukan permohonan; "
                "sebutkan nomor DIP dalam permohonan Anda.")


# --------------------------------------------------------------------------- DIP

_PERIOD = re.compile(r"/(\d{4})/(?:TW([1-4])/)?")


def _fragment(e: dip_module.EntriDIP) -> str | None:
    """The section of the position page that holds the entry (its heading id)."""
    m = _PERIOD.search(e.nomor)
    if not m or e.jenis not in ("pk", "iki", "lkj", "anggaran"):
        return None
    tahun, tw = m.group(1), m.group(2)
    if e.jenis == "pk":
        return f"perjanjian-kinerja-{tahun}"
    if e.jenis == "iki":
        return f"indikator-kinerja-individu-{tahun}"
    if not tw:
        return None
    romawi = fmt.ROMAWI[int(tw)].lower()
    return f"pengukuran-kinerja-triwulan-{romawi}-{tahun}" if e.jenis == "lkj" else f"anggaran-triwulan-{romawi}-{tahun}"


@dataclass
class DipRow:
    entri: dip_module.EntriDIP
    anchor: str
    kelas: str
    kelas_label: str
    jenis_label: str
    target: str | None  # docs path (+#fragment) of the document, or an external address
    target_eksternal: bool
    unduhan: list[tuple[str, str]]  # (label, docs path)

    def __getattr__(self, name):  # the seven fields read straight from the entry
        if name.startswith("_") or name == "entri":
            raise AttributeError(name)
        return getattr(self.entri, name)

    @property
    def nomor_html(self) -> Markup:
        """The number, escaped, with a line-break opportunity after each slash."""
        return Markup("/<wbr>").join(teks(part) for part in self.entri.nomor.split("/"))


def dip_rows(ix: SiteIndex, agency: AgencyRecord, files: dict | None = None) -> list[DipRow]:
    """Every entry of ppid/dip.py for the agency, in the DIP's order: class, kind, number
    order of dip.py. ``files``: the docs files rendered so far, to link downloads that exist."""
    entries = dip_module.agency_entries(ix.dataset, agency)
    seen: dict[str, int] = {}
    rows: list[DipRow] = []
    for e in entries:
        a = anchor(e.nomor)
        if a in seen:  # two numbers that differ only in punctuation or case
            seen[a] += 1
            a = Markup(f"{a}-{seen[a]}")
        else:
            seen[a] = 1
        target, external = None, False
        if e.tautan:
            ext = _external(e.tautan)
            if ext:
                target, external = ext, True
            else:
                frag = _fragment(e) if e.jenis != "lain" else None
                target = e.tautan + (f"#{frag}" if frag else "")
        downloads: list[tuple[str, str]] = []
        pid = e.nomor.rsplit("/", 1)[-1]
        if e.jenis in ("pk", "lkj", "anggaran") and pid in agency.positions and ix.reports_of(agency, pid):
            links = download_links("jabatan", agency.region_id, agency.id, pid, files=files)
            downloads += [(label, links[f]) for f, label in (("csv", "CSV"), ("xlsx", "XLSX"), ("json", "JSON")) if f in links]
        kelas = e.klasifikasi if e.klasifikasi in KELAS else "setiap_saat"
        rows.append(DipRow(e, a, kelas, KELAS[kelas], JENIS.get(e.jenis, e.jenis), target, external, downloads))
    order = {k: i for i, k in enumerate(KELAS_URUT)}
    jorder = {k: i for i, k in enumerate(JENIS_URUT)}
    return sorted(rows, key=lambda r: (order.get(r.kelas, 9), jorder.get(r.entri.jenis, 9)))  # stable: dip.py order within


def dip_groups(rows: list[DipRow]) -> list[dict]:
    groups: list[dict] = []
    for r in rows:
        key = (r.kelas, r.entri.jenis)
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "id": Markup(anchor(f"grup-{r.kelas}-{r.entri.jenis}")),
                           "judul": f"{r.kelas_label}: {r.jenis_label}", "rows": []})
        groups[-1]["rows"].append(r)
    return groups


# --------------------------------------------------------------------------- contact

def kontak_view(agency: AgencyRecord) -> dict:
    k = agency.model.ppid
    pd = agency.model
    fields = []
    if k:
        form = _external(k.formulir_url)
        if k.formulir_url:
            fields.append(("Formulir permohonan daring", k.formulir_url, Markup(escape(form)) if form else None))
        if k.email:
            mail = _email(k.email)
            fields.append(("Surel PPID", k.email, Markup(escape(f"mailto:{mail}")) if mail else None))
        for label, value in (("Telepon", k.telepon), ("Alamat", k.alamat), ("Jam layanan", k.jam_layanan)):
            if value:
                fields.append((label, value, None))
    kantor = [(label, value) for label, value in (("Alamat kantor", pd.alamat), ("Telepon kantor", pd.telepon),
                                                   ("Surel kantor", pd.email), ("Situs web", pd.situs_web)) if value]
    return {"terisi": bool(fields), "fields": fields, "atasan_ppid": k.atasan_ppid if k else None, "kantor": kantor,
            "kanal": Kanal.of(agency), "nama_pd": pd.nama}


# --------------------------------------------------------------------------- registers

class PPIDChartSpec(ChartSpec):
    """A chart drawn by ppid/charts.py. The chart cache keys drawings by the code of the
    packages that draw charts (site/compose.py), this one included."""

    @property
    def key(self) -> str:
        return f"ppid:{super().key}"

    def draw(self) -> bytes:
        # the statistics page and the annual report show the same charts: draw once
        if "_svg" not in self.__dict__:
            self.__dict__["_svg"] = super().draw()
        return self.__dict__["_svg"]


def _number(value) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return Decimal(str(value))


def _count_rows(labels: dict[str, str], counter) -> list[tuple[str, int]]:
    rows = [(label, counter.get(key, 0)) for key, label in labels.items()]
    rows += [(key, n) for key, n in counter.items() if key not in labels]  # values outside the list, should any appear
    return rows


def _alt_counts(what: str, rows: list[tuple[str, int]]) -> str:
    shown = [f"{label} {n}" for label, n in rows if n][:MAX_ALT_ITEMS]
    zero = [label for label, n in rows if not n]
    text = f"{what}: " + ("; ".join(shown) if shown else "tidak ada permohonan")
    if zero:
        text += f"; tidak ada permohonan untuk {', '.join(zero)}" if len(zero) <= 4 else f"; {len(zero)} kategori lain tanpa permohonan"
    return text + ". Angka yang sama ada di tabel di sampingnya."


def _status(p: Permohonan, used: int | None, limit: int, on_time: bool | None) -> str:
    if used is None:
        return "belum dijawab" if p.keputusan == "belum_diputuskan" else "tanggal jawaban tidak dicatat"
    return "tepat waktu" if on_time else f"terlambat {used - limit} hari kerja"


def register_view(ix: SiteIndex, region: RegionRecord, agency: AgencyRecord, tahun: int, register: RegisterPermohonan,
                  dip_anchors: dict[str, str]) -> dict:
    holidays = ix.dataset.holiday_dates()
    s = ppid_stats.register_stats(register, holidays)
    r, a = region.id, agency.id
    base = f"permohonan-{tahun}"

    bulan = list(s.per_bulan)
    kanal = _count_rows(KANAL, s.per_kanal)
    kategori = _count_rows(KATEGORI, s.per_kategori)
    keputusan = _count_rows(KEPUTUSAN, s.per_keputusan)
    charts = {
        "bulan": PPIDChartSpec(grafik_path(r, a, f"{base}-bulan"),
                               f"Diagram kolom jumlah permohonan informasi per bulan, tahun {tahun}: "
                               + "; ".join(f"{m} {n}" for m, n in bulan) + ". Angka yang sama ada di tabel di sampingnya.",
                               ppid_charts.bulan_kolom, (bulan, "Jumlah permohonan")),
        "kanal": PPIDChartSpec(grafik_path(r, a, f"{base}-kanal"),
                               _alt_counts(f"Diagram batang jumlah permohonan per kanal pengajuan, tahun {tahun}", kanal),
                               ppid_charts.jumlah_batang, (kanal, "Jumlah permohonan")),
        "kategori": PPIDChartSpec(grafik_path(r, a, f"{base}-kategori"),
                                  _alt_counts(f"Diagram batang jumlah permohonan per kategori pemohon, tahun {tahun}", kategori),
                                  ppid_charts.jumlah_batang, (kategori, "Jumlah permohonan")),
        "keputusan": PPIDChartSpec(grafik_path(r, a, f"{base}-keputusan"),
                                   _alt_counts(f"Diagram batang keputusan atas permohonan, tahun {tahun}", keputusan),
                                   ppid_charts.jumlah_batang, (keputusan, "Jumlah permohonan")),
    }

    requests = []
    for p, t in zip(register.permohonan, s.waktu):
        requests.append({
            "nomor": p.nomor, "diterima": fmt.tanggal(p.tanggal_diterima), "kanal": KANAL.get(p.kanal, p.kanal),
            "kategori": KATEGORI.get(p.kategori_pemohon, p.kategori_pemohon), "informasi": p.informasi_diminta,
            "dip": [(n, dip_anchors.get(n)) for n in p.dip],
            "keputusan": KEPUTUSAN.get(p.keputusan, p.keputusan), "alasan_pengecualian": p.alasan_pengecualian,
            "dijawab": fmt.tanggal(p.tanggal_dijawab), "hari_kerja": t.hari_kerja, "batas": t.batas,
            "batas_tanggal": fmt.tanggal(workdays.add_workdays(p.tanggal_diterima, t.batas, holidays)),
            "tepat_waktu": t.tepat_waktu, "status": _status(p, t.hari_kerja, t.batas, t.tepat_waktu),
            "perpanjangan": ({"tanggal": fmt.tanggal(p.perpanjangan.tanggal_pemberitahuan), "alasan": p.perpanjangan.alasan,
                              "sah": t.batas > workdays.JAWAB} if p.perpanjangan else None),
            "catatan": p.catatan,
        })
    timing = [(t.nomor, t.hari_kerja, t.batas, t.tepat_waktu) for t in s.waktu]
    if timing and len(timing) <= MAX_REQUEST_BARS:
        described = [f"{n}: {'belum dijawab' if d is None else f'{d} hari kerja, ' + ('tepat waktu' if ok else 'terlambat')}"
                     for n, d, _, ok in timing]
        charts["waktu"] = PPIDChartSpec(
            grafik_path(r, a, f"{base}-waktu"),
            f"Diagram batang lama waktu menjawab setiap permohonan tahun {tahun} dalam hari kerja, dengan garis batas "
            f"{workdays.JAWAB} hari kerja dan {workdays.JAWAB + workdays.PERPANJANGAN} hari kerja bila diperpanjang. "
            + "; ".join(described[:MAX_ALT_ITEMS]) + (f"; dan {len(described) - MAX_ALT_ITEMS} permohonan lain" if len(described) > MAX_ALT_ITEMS else "")
            + ". Angka yang sama ada di tabel register permohonan.",
            ppid_charts.waktu_jawab, (timing, "Hari kerja sampai dijawab", workdays.JAWAB, workdays.JAWAB + workdays.PERPANJANGAN))
        waktu_tabel = None
    elif timing:
        buckets = [("1–5 hari kerja", lambda d, lim: d is not None and d <= 5),
                   (f"6–{workdays.JAWAB} hari kerja", lambda d, lim: d is not None and 5 < d <= workdays.JAWAB),
                   (f"{workdays.JAWAB + 1}–{workdays.JAWAB + workdays.PERPANJANGAN} hari kerja",
                    lambda d, lim: d is not None and workdays.JAWAB < d <= workdays.JAWAB + workdays.PERPANJANGAN),
                   (f"lebih dari {workdays.JAWAB + workdays.PERPANJANGAN} hari kerja",
                    lambda d, lim: d is not None and d > workdays.JAWAB + workdays.PERPANJANGAN),
                   ("belum dijawab", lambda d, lim: d is None)]
        waktu_tabel = [(label, sum(1 for _, d, lim, _ in timing if test(d, lim))) for label, test in buckets]
        charts["waktu"] = PPIDChartSpec(grafik_path(r, a, f"{base}-waktu"),
                                        _alt_counts(f"Diagram batang sebaran lama waktu menjawab permohonan tahun {tahun}", waktu_tabel),
                                        ppid_charts.jumlah_batang, (waktu_tabel, "Jumlah permohonan"))
    else:
        waktu_tabel = None

    keberatan, sengketa = [], []
    for p in register.permohonan:
        k = p.keberatan
        if k:
            used = workdays.workdays_between(k.tanggal_diajukan, k.tanggal_dijawab, holidays) if k.tanggal_dijawab else None
            keberatan.append({
                "nomor": p.nomor, "diajukan": fmt.tanggal(k.tanggal_diajukan), "alasan": k.alasan,
                "dijawab": fmt.tanggal(k.tanggal_dijawab), "hari_kerja": used,
                "batas_tanggal": fmt.tanggal(workdays.add_workdays(k.tanggal_diajukan, workdays.KEBERATAN, holidays)),
                "hasil": HASIL_KEBERATAN.get(k.hasil, k.hasil),
                "status": ("belum dijawab" if used is None else "tepat waktu" if used <= workdays.KEBERATAN
                           else f"terlambat {used - workdays.KEBERATAN} hari kerja"),
            })
        if p.sengketa:
            g = p.sengketa
            sejak = (workdays.workdays_between(k.tanggal_dijawab, g.tanggal_diajukan, holidays)
                     if k and k.tanggal_dijawab else None)
            sengketa.append({"nomor": p.nomor, "diajukan": fmt.tanggal(g.tanggal_diajukan), "nomor_register": g.nomor_register,
                             "putusan_tanggal": fmt.tanggal(g.tanggal_putusan), "putusan": g.putusan, "hari_kerja": sejak})
    answered = s.tepat_waktu + s.terlambat
    akhir = dt.date(tahun, 12, 31)
    return {
        "tahun": tahun, "contoh": register.contoh, "stats": s,
        "jumlah": s.jumlah, "dijawab": answered, "tepat_waktu": s.tepat_waktu, "terlambat": s.terlambat,
        "belum_dijawab": s.jumlah - answered,
        "median": _number(s.median_hari_kerja), "terlama": s.terlama_hari_kerja,
        "diberikan": s.per_keputusan.get("diberikan", 0), "sebagian": s.per_keputusan.get("diberikan_sebagian", 0),
        "ditolak": s.per_keputusan.get("ditolak", 0), "tidak_dikuasai": s.per_keputusan.get("tidak_dikuasai", 0),
        "keberatan_jumlah": s.keberatan, "keberatan_tepat_waktu": s.keberatan_tepat_waktu, "sengketa_jumlah": s.sengketa,
        "bulan": bulan, "kanal": kanal, "kategori": kategori, "keputusan": keputusan, "waktu_tabel": waktu_tabel,
        "charts": charts, "requests": requests, "keberatan": keberatan, "sengketa": sengketa,
        "alasan_tolak": [r_ for r_ in requests if r_["alasan_pengecualian"]],
        "tenggat": fmt.tanggal(dt.date(tahun + 1, 3, 31)),
        "tahun_selesai": ix.dataset.situs.data_per > akhir,
        "lewat_tenggat": ix.dataset.situs.data_per > dt.date(tahun + 1, 3, 31),
        "data_per": fmt.tanggal(ix.dataset.situs.data_per),
        "kalender": sorted(y for y in ix.dataset.holidays),
        "kalender_kurang": tahun not in ix.dataset.holidays,
    }


# --------------------------------------------------------------------------- the deadline table

def jangka_waktu() -> list[dict]:
    return [
        {"tahap": "Jawaban atas permohonan informasi", "oleh": "PPID", "batas": f"{workdays.JAWAB} hari kerja",
         "sejak": "sejak permohonan diterima"},
        {"tahap": "Perpanjangan jawaban", "oleh": "PPID", "batas": f"{workdays.PERPANJANGAN} hari kerja",
         "sejak": f"paling lama, dengan pemberitahuan tertulis beserta alasannya sebelum batas {workdays.JAWAB} hari kerja berakhir"},
        {"tahap": "Pengajuan keberatan", "oleh": "Pemohon, kepada Atasan PPID", "batas": f"{workdays.KEBERATAN} hari kerja",
         "sejak": "sejak alasan keberatan ditemukan (mis. sejak jawaban diterima atau batas waktu jawaban lewat)"},
        {"tahap": "Tanggapan atas keberatan", "oleh": "Atasan PPID", "batas": f"{workdays.KEBERATAN} hari kerja",
         "sejak": "sejak keberatan dicatat"},
        {"tahap": "Pengajuan sengketa informasi", "oleh": "Pemohon, kepada Komisi Informasi", "batas": f"{SENGKETA_HARI} hari kerja",
         "sejak": "sejak tanggapan tertulis Atasan PPID diterima, atau sejak batas waktu tanggapan lewat"},
    ]


# --------------------------------------------------------------------------- helpers for the shared templates

class TemplateHelpers:
    """Registered as the Jinja global ``ppid``: the PPID links on the agency page and the
    "Ajukan permohonan informasi" box on position pages."""

    def __init__(self, ix: SiteIndex):
        self.ix = ix
        self._rows: dict[str, list[DipRow]] = {}

    def rows(self, agency: AgencyRecord) -> list[DipRow]:
        if agency.key not in self._rows:
            self._rows[agency.key] = dip_rows(self.ix, agency)
        return self._rows[agency.key]

    def bagian(self, agency: AgencyRecord, page: str) -> dict:
        """Links of the agency's PPID section, relative to ``page``."""
        r, a = agency.region_id, agency.id
        rows = self.rows(agency)
        kontak = kontak_view(agency)
        return {
            "index": rel_href(page, index_path(r, a)), "dip": rel_href(page, dip_path(r, a)), "jumlah_dip": len(rows),
            "csv": rel_href(page, path(r, a, "dip.csv")), "xlsx": rel_href(page, path(r, a, "dip.xlsx")),
            "statistik": rel_href(page, statistik_path(r, a)) if agency.registers else None,
            "laporan": [(t, rel_href(page, laporan_path(r, a, t)), agency.registers[t][0].contoh) for t in sorted(agency.registers, reverse=True)],
            "cara": rel_href(page, cara_path(r, a)), "keberatan": rel_href(page, keberatan_path(r, a)),
            "formulir_permohonan": rel_href(page, formulir_permohonan_path(r, a)),
            "formulir_keberatan": rel_href(page, formulir_keberatan_path(r, a)),
            "kontak_terisi": kontak["terisi"],
        }

    def permohonan(self, agency: AgencyRecord, position_id: str, page: str) -> dict | None:
        """The request box of a position page: the DIP entries of the page, each with its
        permalink in the DIP and a request link carrying its number."""
        r, a = agency.region_id, agency.id
        target = addresses.position(r, a, position_id)
        mine = [row for row in self.rows(agency) if row.entri.tautan == target]
        if not mine:
            return None
        kanal = Kanal.of(agency)
        return {
            "dip": rel_href(page, dip_path(r, a)), "cara": rel_href(page, cara_path(r, a)), "kanal": kanal,
            "entri": [{"nomor": row.nomor, "jenis": row.jenis_label, "ringkasan": row.ringkasan_isi,
                       "permalink": rel_href(page, f"{dip_path(r, a)}#{row.anchor}"),
                       "ajukan": kanal.href(page, r, a, row.nomor, row.ringkasan_isi, agency.model.nama)} for row in mine],
        }

"""The service statistics of one register year (statistik.md and laporan-<tahun>.md).

Figures come from compute/ppid_stats.py and deadlines from compute/workdays.py; this
module labels them, lists every request, objection and dispute, and describes the charts
that ppid/charts.py draws. Text stays raw; templates escape it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

from generator.compute import ppid_stats, workdays
from generator.core import addresses, fmt
from generator.model.ppid import Permohonan, RegisterPermohonan
from generator.ppid import charts as ppid_charts
from generator.render.siteindex import MAX_ALT_ITEMS, ChartSpec, SiteIndex, alt_list
from generator.validate.dataset import AgencyRecord, RegionRecord

KANAL = {
    "langsung": "Datang langsung",
    "surat": "Surat",
    "email": "Surel (email)",
    "situs_web": "Situs web / formulir daring",
    "telepon": "Telepon",
    "media_sosial": "Media sosial",
    "lainnya": "Lainnya",
}
KATEGORI = {
    "perorangan": "Perorangan",
    "badan_hukum": "Badan hukum",
    "kelompok_masyarakat": "Kelompok masyarakat",
    "lsm": "Lembaga swadaya masyarakat",
    "media": "Media / pers",
    "akademisi": "Akademisi / peneliti",
    "instansi_pemerintah": "Instansi pemerintah",
    "lainnya": "Lainnya",
}
KEPUTUSAN = {
    "diberikan": "Diberikan seluruhnya",
    "diberikan_sebagian": "Diberikan sebagian",
    "ditolak": "Ditolak (informasi dikecualikan)",
    "tidak_dikuasai": "Informasi tidak dikuasai",
    "belum_diputuskan": "Belum diputuskan",
}
HASIL_KEBERATAN = {
    "diterima": "Diterima",
    "diterima_sebagian": "Diterima sebagian",
    "ditolak": "Ditolak",
    "belum_diputuskan": "Belum diputuskan",
}
MAX_REQUEST_BARS = 30  # above this, the answer-time chart shows a distribution instead of one bar per request
JAWAB_DIPERPANJANG = workdays.JAWAB + workdays.PERPANJANGAN  # the answer deadline when extended


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


# --------------------------------------------------------------------------- small pieces


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
        text += (
            f"; tidak ada permohonan untuk {', '.join(zero)}"
            if len(zero) <= 4
            else f"; {len(zero)} kategori lain tanpa permohonan"
        )
    return text + ". Angka yang sama ada di tabel di sampingnya."


def _status(used: int | None, limit: int, on_time: bool | None, unanswered: str = "belum dijawab") -> str:
    """ "tepat waktu" / "terlambat N hari kerja" for an answer that took ``used`` working
    days (``unanswered`` when there is no answer date)."""
    if used is None:
        return unanswered
    return "tepat waktu" if on_time else f"terlambat {used - limit} hari kerja"


def _count_chart(r: str, a: str, name: str, what: str, rows: list[tuple[str, int]]) -> PPIDChartSpec:
    """A bar chart of numbers of requests per label."""
    return PPIDChartSpec(
        addresses.ppid_grafik(r, a, name), _alt_counts(what, rows), ppid_charts.jumlah_batang, (rows, "Jumlah permohonan")
    )


# --------------------------------------------------------------------------- the parts of a year


def _count_charts(r: str, a: str, tahun: int, bulan, kanal, kategori, keputusan) -> dict[str, PPIDChartSpec]:
    """Requests per month, channel, kind of requester and decision."""
    base = f"permohonan-{tahun}"
    return {
        "bulan": PPIDChartSpec(
            addresses.ppid_grafik(r, a, f"{base}-bulan"),
            f"Diagram kolom jumlah permohonan informasi per bulan, tahun {tahun}: "
            + "; ".join(f"{m} {n}" for m, n in bulan)
            + ". Angka yang sama ada di tabel di sampingnya.",
            ppid_charts.bulan_kolom,
            (bulan, "Jumlah permohonan"),
        ),
        "kanal": _count_chart(
            r, a, f"{base}-kanal", f"Diagram batang jumlah permohonan per kanal pengajuan, tahun {tahun}", kanal
        ),
        "kategori": _count_chart(
            r, a, f"{base}-kategori", f"Diagram batang jumlah permohonan per kategori pemohon, tahun {tahun}", kategori
        ),
        "keputusan": _count_chart(
            r, a, f"{base}-keputusan", f"Diagram batang keputusan atas permohonan, tahun {tahun}", keputusan
        ),
    }


def _request(p: Permohonan, t, dip_anchors: Mapping[str, str], holidays, calendar_years=()) -> dict:
    """One line of the request register, with its deadline and whether it was met; the
    deadline is provisional when it passes through a year without a holiday calendar."""
    batas, tanpa_kalender = workdays.deadline(p.tanggal_diterima, t.batas, holidays, calendar_years)
    unanswered = "belum dijawab" if p.keputusan == "belum_diputuskan" else "tanggal jawaban tidak dicatat"
    return {
        "nomor": p.nomor,
        "diterima": fmt.tanggal(p.tanggal_diterima),
        "kanal": KANAL.get(p.kanal, p.kanal),
        "kategori": KATEGORI.get(p.kategori_pemohon, p.kategori_pemohon),
        "informasi": p.informasi_diminta,
        "dip": [(n, dip_anchors.get(n)) for n in p.dip],
        "keputusan": KEPUTUSAN.get(p.keputusan, p.keputusan),
        "alasan_pengecualian": p.alasan_pengecualian,
        "dijawab": fmt.tanggal(p.tanggal_dijawab),
        "hari_kerja": t.hari_kerja,
        "batas": t.batas,
        "batas_tanggal": fmt.tanggal(batas),
        "batas_sementara": tanpa_kalender,  # years without a calendar; empty: the date is certain
        "tepat_waktu": t.tepat_waktu,
        "status": _status(t.hari_kerja, t.batas, t.tepat_waktu, unanswered),
        "perpanjangan": (
            {
                "tanggal": fmt.tanggal(p.perpanjangan.tanggal_pemberitahuan),
                "alasan": p.perpanjangan.alasan,
                "sah": t.batas > workdays.JAWAB,
            }
            if p.perpanjangan
            else None
        ),
        "catatan": p.catatan,
    }


def _timing(r: str, a: str, tahun: int, s) -> tuple[PPIDChartSpec | None, list[tuple[str, int]] | None]:
    """The answer-time chart, and its table when it shows a distribution: one bar per
    request up to MAX_REQUEST_BARS requests, else requests per band of working days."""
    timing = [(t.nomor, t.hari_kerja, t.batas, t.tepat_waktu) for t in s.waktu]
    name = f"permohonan-{tahun}-waktu"
    if not timing:
        return None, None
    if len(timing) <= MAX_REQUEST_BARS:
        described = [
            f"{n}: {'belum dijawab' if d is None else f'{d} hari kerja, ' + ('tepat waktu' if ok else 'terlambat')}"
            for n, d, _, ok in timing
        ]
        alt = (
            f"Diagram batang lama waktu menjawab setiap permohonan tahun {tahun} dalam hari kerja, dengan garis batas "
            f"{workdays.JAWAB} hari kerja dan {JAWAB_DIPERPANJANG} hari kerja bila diperpanjang. "
            + alt_list(described, "permohonan")
            + ". Angka yang sama ada di tabel register permohonan."
        )
        return PPIDChartSpec(
            addresses.ppid_grafik(r, a, name),
            alt,
            ppid_charts.waktu_jawab,
            (timing, "Hari kerja sampai dijawab", workdays.JAWAB, JAWAB_DIPERPANJANG),
        ), None
    buckets = [
        ("1–5 hari kerja", lambda d: d is not None and d <= 5),
        (f"6–{workdays.JAWAB} hari kerja", lambda d: d is not None and 5 < d <= workdays.JAWAB),
        (
            f"{workdays.JAWAB + 1}–{JAWAB_DIPERPANJANG} hari kerja",
            lambda d: d is not None and workdays.JAWAB < d <= JAWAB_DIPERPANJANG,
        ),
        (f"lebih dari {JAWAB_DIPERPANJANG} hari kerja", lambda d: d is not None and d > JAWAB_DIPERPANJANG),
        ("belum dijawab", lambda d: d is None),
    ]
    table = [(label, sum(1 for _, d, _, _ in timing if test(d))) for label, test in buckets]
    what = f"Diagram batang sebaran lama waktu menjawab permohonan tahun {tahun}"
    return _count_chart(r, a, name, what, table), table


def _objections(register: RegisterPermohonan, holidays, calendar_years=()) -> tuple[list[dict], list[dict]]:
    """The objections to the Atasan PPID and the disputes at the Komisi Informasi."""
    keberatan, sengketa = [], []
    for p in register.permohonan:
        k = p.keberatan
        if k:
            used = workdays.workdays_between(k.tanggal_diajukan, k.tanggal_dijawab, holidays) if k.tanggal_dijawab else None
            keberatan.append(
                {
                    "nomor": p.nomor,
                    "diajukan": fmt.tanggal(k.tanggal_diajukan),
                    "alasan": k.alasan,
                    "dijawab": fmt.tanggal(k.tanggal_dijawab),
                    "hari_kerja": used,
                    "batas_tanggal": fmt.tanggal(workdays.add_workdays(k.tanggal_diajukan, workdays.KEBERATAN, holidays)),
                    "batas_sementara": workdays.deadline(k.tanggal_diajukan, workdays.KEBERATAN, holidays, calendar_years)[1],
                    "hasil": HASIL_KEBERATAN.get(k.hasil, k.hasil),
                    "status": _status(used, workdays.KEBERATAN, used is not None and used <= workdays.KEBERATAN),
                }
            )
        if p.sengketa:
            g = p.sengketa
            sejak = (
                workdays.workdays_between(k.tanggal_dijawab, g.tanggal_diajukan, holidays) if k and k.tanggal_dijawab else None
            )
            sengketa.append(
                {
                    "nomor": p.nomor,
                    "diajukan": fmt.tanggal(g.tanggal_diajukan),
                    "nomor_register": g.nomor_register,
                    "putusan_tanggal": fmt.tanggal(g.tanggal_putusan),
                    "putusan": g.putusan,
                    "hari_kerja": sejak,
                }
            )
    return keberatan, sengketa


# --------------------------------------------------------------------------- one register year


def register_view(
    ix: SiteIndex,
    region: RegionRecord,
    agency: AgencyRecord,
    tahun: int,
    register: RegisterPermohonan,
    dip_anchors: Mapping[str, str],
) -> dict:
    """Everything the statistics page and the annual report show of one register year.
    ``dip_anchors``: the DIP permalink of each entry number, relative to those pages."""
    holidays = ix.dataset.holiday_dates()
    s = ppid_stats.register_stats(register, holidays)
    r, a = region.id, agency.id
    bulan = list(s.per_bulan)
    kanal = _count_rows(KANAL, s.per_kanal)
    kategori = _count_rows(KATEGORI, s.per_kategori)
    keputusan = _count_rows(KEPUTUSAN, s.per_keputusan)
    charts = _count_charts(r, a, tahun, bulan, kanal, kategori, keputusan)
    calendar_years = set(ix.dataset.holidays)
    requests = [_request(p, t, dip_anchors, holidays, calendar_years) for p, t in zip(register.permohonan, s.waktu)]
    waktu, waktu_tabel = _timing(r, a, tahun, s)
    if waktu is not None:
        charts["waktu"] = waktu
    keberatan, sengketa = _objections(register, holidays, calendar_years)
    answered = s.tepat_waktu + s.terlambat
    akhir = dt.date(tahun, 12, 31)
    tenggat = dt.date(tahun + 1, 3, 31)  # the annual report is due three months after the year ends
    data_per = ix.dataset.situs.data_per
    return {
        "tahun": tahun,
        "contoh": register.contoh,
        "stats": s,
        "jumlah": s.jumlah,
        "dijawab": answered,
        "tepat_waktu": s.tepat_waktu,
        "terlambat": s.terlambat,
        "belum_dijawab": s.jumlah - answered,
        "median": _number(s.median_hari_kerja),
        "terlama": s.terlama_hari_kerja,
        "diberikan": s.per_keputusan.get("diberikan", 0),
        "sebagian": s.per_keputusan.get("diberikan_sebagian", 0),
        "ditolak": s.per_keputusan.get("ditolak", 0),
        "tidak_dikuasai": s.per_keputusan.get("tidak_dikuasai", 0),
        "keberatan_jumlah": s.keberatan,
        "keberatan_tepat_waktu": s.keberatan_tepat_waktu,
        "sengketa_jumlah": s.sengketa,
        "bulan": bulan,
        "kanal": kanal,
        "kategori": kategori,
        "keputusan": keputusan,
        "waktu_tabel": waktu_tabel,
        "charts": charts,
        "requests": requests,
        "keberatan": keberatan,
        "sengketa": sengketa,
        "alasan_tolak": [r_ for r_ in requests if r_["alasan_pengecualian"]],
        "tenggat": fmt.tanggal(tenggat),
        "tahun_selesai": data_per > akhir,
        "lewat_tenggat": data_per > tenggat,
        "data_per": fmt.tanggal(data_per),
        "kalender": sorted(y for y in ix.dataset.holidays),
        "kalender_kurang": tahun not in ix.dataset.holidays,
        # years without a holiday calendar that some deadline falls in (marked "sementara")
        "batas_sementara": sorted({y for row in (*requests, *keberatan) for y in row["batas_sementara"]}),
    }

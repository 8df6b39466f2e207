"""Statistics of the request register for the Laporan Layanan Informasi Publik (pure)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from generator.compute import workdays
from generator.model.ppid import RegisterPermohonan

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]


@dataclass
class RequestTiming:
    nomor: str
    hari_kerja: int | None  # working days to the answer; None while unanswered
    batas: int  # 10, or 17 with a valid extension notice
    tepat_waktu: bool | None


@dataclass
class RegisterStats:
    tahun: int
    contoh: bool
    jumlah: int
    per_bulan: list[tuple[str, int]]
    per_kanal: Counter[str] = field(default_factory=Counter)
    per_kategori: Counter[str] = field(default_factory=Counter)
    per_keputusan: Counter[str] = field(default_factory=Counter)
    waktu: list[RequestTiming] = field(default_factory=list)
    median_hari_kerja: float | None = None
    terlama_hari_kerja: int | None = None
    tepat_waktu: int = 0
    terlambat: int = 0
    keberatan: int = 0
    keberatan_tepat_waktu: int = 0
    sengketa: int = 0


def register_stats(register: RegisterPermohonan, holidays: set[dt.date]) -> RegisterStats:
    months = Counter(p.tanggal_diterima.month for p in register.permohonan)
    s = RegisterStats(
        tahun=register.tahun,
        contoh=register.contoh,
        jumlah=len(register.permohonan),
        per_bulan=[(BULAN[m - 1], months.get(m, 0)) for m in range(1, 13)],
        per_kanal=Counter(p.kanal for p in register.permohonan),
        per_kategori=Counter(p.kategori_pemohon for p in register.permohonan),
        per_keputusan=Counter(p.keputusan for p in register.permohonan),
    )
    for p in register.permohonan:
        limit = workdays.JAWAB
        if (
            p.perpanjangan
            and workdays.workdays_between(p.tanggal_diterima, p.perpanjangan.tanggal_pemberitahuan, holidays) <= workdays.JAWAB
        ):
            limit += workdays.PERPANJANGAN
        used = workdays.workdays_between(p.tanggal_diterima, p.tanggal_dijawab, holidays) if p.tanggal_dijawab else None
        on_time = None if used is None else used <= limit
        s.waktu.append(RequestTiming(p.nomor, used, limit, on_time))
        if on_time is True:
            s.tepat_waktu += 1
        elif on_time is False:
            s.terlambat += 1
        if p.keberatan:
            s.keberatan += 1
            k = p.keberatan
            if (
                k.tanggal_dijawab
                and workdays.workdays_between(k.tanggal_diajukan, k.tanggal_dijawab, holidays) <= workdays.KEBERATAN
            ):
                s.keberatan_tepat_waktu += 1
        if p.sengketa:
            s.sengketa += 1
    answered = [t.hari_kerja for t in s.waktu if t.hari_kerja is not None]
    if answered:
        s.median_hari_kerja = statistics.median(answered)
        s.terlama_hari_kerja = max(answered)
    return s

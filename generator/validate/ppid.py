"""Validator rules for PPID files: no personal data, and deadlines in working days."""

from __future__ import annotations

import datetime as dt

from generator.compute import workdays
from generator.core.diagnostics import Diagnostic, Severity, msg
from generator.load import Document, Path_, walk
from generator.model.ppid import Permohonan, RegisterPermohonan
from generator.validate import personal

# Keys that would publish a requester's identity (UU 27/2022 PDP). Checked on the raw
# file, before the schema, so the message says "personal data", not "unknown key".
PERSONAL_KEYS = {
    "nama",
    "nama_pemohon",
    "pemohon",
    "nik",
    "no_ktp",
    "ktp",
    "npwp",
    "alamat",
    "alamat_pemohon",
    "telepon",
    "telp",
    "hp",
    "no_hp",
    "nomor_hp",
    "whatsapp",
    "wa",
    "email",
    "surel",
    "e_mail",
    "tanggal_lahir",
    "tempat_lahir",
    "pekerjaan",
}


def personal_data(doc: Document) -> list[Diagnostic]:
    """Personal data in a register file: a key that names it (``nama``, ``nik``, …) or a
    text that holds it (validate/personal.py), each reported once at its line."""
    out: list[Diagnostic] = []

    def named(key: str) -> bool:  # a key that names personal data: reported, its value not read
        return key.lower().replace("-", "_") in PERSONAL_KEYS

    for loc, key, text in walk(doc.data, named):
        if key is not None and named(key):
            line, col = doc.where(loc, key=True)
            out.append(
                Diagnostic(
                    doc.rel,
                    line,
                    col,
                    "PERSONAL_DATA",
                    msg(
                        f"kolom '{key}' berisi data pribadi pemohon dan tidak boleh ada di berkas publik",
                        f"field '{key}' holds the requester's personal data and must not be in a public file",
                    ),
                    msg(
                        "hapus kolom ini; register publik hanya mencatat kategori pemohon (`kategori_pemohon`). "
                        "Simpan identitas pemohon di arsip internal PPID, bukan di repositori ini.",
                        "remove it; the public register records only `kategori_pemohon`; keep identities in the PPID's internal archive",
                    ),
                )
            )
        elif text is not None:
            kinds = personal.find(text)
            if kinds:
                line, col = doc.where(loc)
                out.append(
                    Diagnostic(
                        doc.rel,
                        line,
                        col,
                        "PERSONAL_DATA",
                        msg(
                            f"teks ini memuat data pribadi ({', '.join(k[0] for k in kinds)}); register permohonan diterbitkan apa adanya",
                            f"this text contains personal data ({', '.join(k[1] for k in kinds)}); the request register is published as written",
                        ),
                        msg(
                            'hapus bagian itu atau ganti dengan keterangan umum (mis. "pemohon perorangan"). '
                            "Identitas dan kontak pemohon disimpan di arsip internal PPID, bukan di repositori ini.",
                            "remove it or write a general description instead; keep identities and contacts in the PPID's internal archive",
                        ),
                    )
                )

    return out


def deadlines(
    doc: Document, register: RegisterPermohonan, holidays: set[dt.date], calendar_years: set[int], as_of: dt.date
) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def add(
        loc: Path_, code: str, id_text: str, en_text: str, hint_id: str, hint_en: str, severity: Severity = "warning"
    ) -> None:
        line, col = doc.where(loc)
        out.append(Diagnostic(doc.rel, line, col, code, msg(id_text, en_text), msg(hint_id, hint_en), severity=severity))

    # year without a holiday calendar → the requests whose deadline or count passes through it
    missing: dict[int, list[tuple[str, Path_]]] = {}
    for i, p in enumerate(register.permohonan):
        base = ("permohonan", i)
        for d in (p.tanggal_diterima, p.tanggal_dijawab, p.keberatan and p.keberatan.tanggal_dijawab):
            if d and d.year not in calendar_years:
                missing.setdefault(d.year, [])
        for year in _provisional_years(p, holidays, calendar_years):
            missing.setdefault(year, []).append((p.nomor, base + ("tanggal_diterima",)))
        if p.tanggal_dijawab and p.tanggal_dijawab < p.tanggal_diterima:
            add(
                base + ("tanggal_dijawab",),
                "TYPE",
                f"permohonan {p.nomor}: tanggal dijawab sebelum tanggal diterima",
                f"request {p.nomor}: answered before it was received",
                "periksa kedua tanggal",
                "check both dates",
                "error",
            )
            continue
        if p.keputusan == "ditolak" and not p.alasan_pengecualian:
            add(
                base + ("keputusan",),
                "MISSING_KEY",
                f"permohonan {p.nomor} ditolak tanpa alasan pengecualian",
                f"request {p.nomor} refused without an exemption ground",
                "isi `alasan_pengecualian` (mis. Pasal 17 huruf … UU 14/2008)",
                "fill in `alasan_pengecualian`",
                "error",
            )
        limit = workdays.JAWAB
        if p.perpanjangan:
            notice = workdays.workdays_between(p.tanggal_diterima, p.perpanjangan.tanggal_pemberitahuan, holidays)
            if notice > workdays.JAWAB:
                add(
                    base + ("perpanjangan", "tanggal_pemberitahuan"),
                    "LATE_ANSWER",
                    f"permohonan {p.nomor}: pemberitahuan perpanjangan dikirim pada hari kerja ke-{notice}, sesudah batas {workdays.JAWAB} hari kerja",
                    f"request {p.nomor}: extension notice on working day {notice}, after the {workdays.JAWAB}-day limit",
                    "perpanjangan hanya sah bila diberitahukan dalam 10 hari kerja",
                    "an extension counts only when notified within 10 working days",
                )
            else:
                limit += workdays.PERPANJANGAN
        if p.tanggal_dijawab:
            used = workdays.workdays_between(p.tanggal_diterima, p.tanggal_dijawab, holidays)
            if used > limit:
                add(
                    base + ("tanggal_dijawab",),
                    "LATE_ANSWER",
                    f"permohonan {p.nomor} dijawab pada hari kerja ke-{used}, melewati batas {limit} hari kerja",
                    f"request {p.nomor} answered on working day {used}, past the {limit}-day limit",
                    "tetap dicatat apa adanya; keterlambatan ditampilkan di statistik layanan",
                    "recorded as is; shown in the service statistics",
                )
        elif workdays.add_workdays(p.tanggal_diterima, limit, holidays) < as_of and p.keputusan == "belum_diputuskan":
            add(
                base + ("tanggal_diterima",),
                "LATE_ANSWER",
                f"permohonan {p.nomor} belum dijawab dan sudah melewati batas {limit} hari kerja",
                f"request {p.nomor} is unanswered past the {limit}-working-day limit",
                "isi `tanggal_dijawab` dan `keputusan` bila sudah dijawab",
                "fill in `tanggal_dijawab` and `keputusan` once answered",
            )
        k = p.keberatan
        if k and k.tanggal_dijawab:
            used = workdays.workdays_between(k.tanggal_diajukan, k.tanggal_dijawab, holidays)
            if used > workdays.KEBERATAN:
                add(
                    base + ("keberatan", "tanggal_dijawab"),
                    "LATE_OBJECTION",
                    f"keberatan atas permohonan {p.nomor} dijawab pada hari kerja ke-{used}, melewati batas {workdays.KEBERATAN} hari kerja",
                    f"objection to request {p.nomor} answered on working day {used}, past the {workdays.KEBERATAN}-day limit",
                    "tetap dicatat apa adanya",
                    "recorded as is",
                )
    for year, requests in sorted(missing.items()):
        hint = (
            f"tambahkan data/hari-libur/{year}.yml, dengan tanggal dari naskah SKB 3 Menteri tentang hari libur "
            f"nasional dan cuti bersama tahun {year} (lihat panduan kontributor, bagian Hari libur nasional dan cuti bersama)",
            f"add data/hari-libur/{year}.yml with the dates of the joint ministerial decree (SKB) for {year}",
        )
        if not requests:
            add(
                ("tahun",),
                "HOLIDAYS_MISSING",
                f"kalender hari libur {year} tidak ada; hari kerja dihitung tanpa libur nasional",
                f"no holiday calendar for {year}; working days ignore national holidays",
                *hint,
            )
            continue
        numbers = ", ".join(sorted({n for n, _ in requests}))
        add(
            requests[0][1],
            "HOLIDAYS_MISSING",
            f"batas waktu permohonan {numbers} jatuh pada tahun {year}, tetapi kalender hari libur {year} belum ada: "
            f"batas itu dihitung tanpa libur nasional dan cuti bersama {year}, jadi bisa lebih awal dari yang "
            "sebenarnya, dan situs menandainya sementara",
            f"the deadline of request(s) {numbers} falls in {year}, which has no holiday calendar: it ignores "
            f"{year}'s holidays, may be too early, and the site marks it provisional",
            *hint,
        )
    return out


def _provisional_years(p: Permohonan, holidays: set[dt.date], calendar_years: set[int]) -> list[int]:
    """The years without a calendar that a request's answer deadline, its count of working
    days or its objection's deadline passes through (compute/workdays.py)."""
    limit = workdays.JAWAB
    if p.perpanjangan and (
        workdays.workdays_between(p.tanggal_diterima, p.perpanjangan.tanggal_pemberitahuan, holidays) <= workdays.JAWAB
    ):
        limit += workdays.PERPANJANGAN
    due, years = workdays.deadline(p.tanggal_diterima, limit, holidays, calendar_years)
    found = set(years)
    if p.tanggal_dijawab:
        found.update(workdays.uncovered_years(p.tanggal_diterima, p.tanggal_dijawab, calendar_years))
    k = p.keberatan
    if k:
        found.update(workdays.deadline(k.tanggal_diajukan, workdays.KEBERATAN, holidays, calendar_years)[1])
    return sorted(found)

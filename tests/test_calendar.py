"""PPID deadlines are never silently wrong across the new year: a deadline that falls in a
year without a holiday calendar is reported by `check` and marked provisional on the site,
and becomes certain once that year's calendar is added."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator.check import check
from generator.compute import workdays
from generator.site.compose import render_site

D = dt.date
AGENCY = Path("kota-contoh/dinas-contoh")
CAL_2025 = (
    "tahun: 2025\nhari:\n  - {tanggal: 2025-12-25, nama: Kelahiran Yesus Kristus}\n"
    "  - {tanggal: 2025-12-26, nama: Cuti bersama, jenis: cuti_bersama}\n"
)
# A calendar made up for the test: the site bundles no 2026 calendar (no SKB text to copy it from).
CAL_2026 = "tahun: 2026\nhari:\n  - {tanggal: 2026-01-01, nama: Tahun Baru}\n"


def _request(nomor: str, received: str, answered: str | None = None) -> str:
    done = f"    keputusan: diberikan\n    tanggal_dijawab: {answered}\n" if answered else "    keputusan: belum_diputuskan\n"
    return (
        f"  - nomor: '{nomor}'\n    tanggal_diterima: {received}\n    kanal: email\n    kategori_pemohon: media\n"
        f"    informasi_diminta: Laporan kinerja\n{done}"
    )


def _data(minimal_data: Path, *requests: str, calendars: tuple[str, ...] = (CAL_2025,)) -> Path:
    ppid = minimal_data / AGENCY / "ppid"
    ppid.mkdir(parents=True, exist_ok=True)
    (ppid / "permohonan-2025.yml").write_text("tahun: 2025\npermohonan:\n" + "".join(requests), encoding="utf-8")
    cal = minimal_data / "hari-libur"
    cal.mkdir(exist_ok=True)
    for text in calendars:
        (cal / f"{text.split()[1]}.yml").write_text(text, encoding="utf-8")
    return ppid / "permohonan-2025.yml"


def test_a_deadline_in_a_year_without_calendar_is_provisional():
    holidays = {D(2025, 12, 25), D(2025, 12, 26)}
    # Wed 17 Dec 2025: 18, 19, 22, 23, 24, 29, 30, 31 are working days 1–8; 1 Jan 2026 is a
    # holiday the data does not know yet, so the 10th working day comes out as Fri 2 Jan
    assert workdays.deadline(D(2025, 12, 17), 10, holidays, {2025}) == (D(2026, 1, 2), [2026])
    # with 2026's calendar: 2 Jan is the 9th, Mon 5 Jan the 10th, and the date is certain
    assert workdays.deadline(D(2025, 12, 17), 10, holidays | {D(2026, 1, 1)}, {2025, 2026}) == (D(2026, 1, 5), [])
    assert workdays.deadline(D(2025, 11, 3), 10, holidays, {2025}) == (D(2025, 11, 17), [])


def test_check_reports_the_missing_calendar_at_the_request(minimal_data):
    path = _data(
        minimal_data,
        _request("01/2025", "2025-11-03", "2025-11-10"),  # deadline 17 Nov 2025: certain
        _request("02/2025", "2025-12-17"),  # unanswered, deadline in January 2026
        _request("03/2025", "2025-12-18", "2025-12-30"),  # answered in time, deadline still in 2026
    )
    found = [d for d in check(minimal_data).diagnostics if d.code == "HOLIDAYS_MISSING"]
    assert len(found) == 1
    (d,) = found
    lines = path.read_text(encoding="utf-8").splitlines()
    assert d.path.endswith("permohonan-2025.yml") and lines[d.line - 1].strip() == "tanggal_diterima: 2025-12-17"
    assert d.severity == "warning"
    assert "batas waktu permohonan 02/2025, 03/2025 jatuh pada tahun 2026" in d.message.id
    assert "kalender hari libur 2026 belum ada" in d.message.id and "sementara" in d.message.id
    assert d.hint and "data/hari-libur/2026.yml" in d.hint.id and "SKB" in d.hint.id


def test_no_report_once_the_calendar_is_there(minimal_data):
    _data(minimal_data, _request("02/2025", "2025-12-17"), calendars=(CAL_2025, CAL_2026))
    assert not [d for d in check(minimal_data).diagnostics if d.code == "HOLIDAYS_MISSING"]


def _register_page(minimal_data: Path) -> str:
    result = check(minimal_data)
    assert not result.errors, [d.format() for d in result.errors]
    page = render_site(result).files[f"{AGENCY.as_posix()}/ppid/laporan-2025.md"].decode("utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def test_the_site_marks_the_deadline_provisional(minimal_data):
    _data(minimal_data, _request("01/2025", "2025-11-03", "2025-11-10"), _request("02/2025", "2025-12-17"))
    text = _register_page(minimal_data)
    assert "batas 10 hari kerja (2 Januari 2026, sementara )" in text
    assert "batas 10 hari kerja (17 November 2025)" in text  # a certain one is not marked
    assert "Batas waktu bertanda sementara jatuh pada tahun 2026, yang kalender hari liburnya belum ada dalam data" in text
    # with 2026's calendar the date moves past the holiday and is no longer provisional
    _data(
        minimal_data,
        _request("01/2025", "2025-11-03", "2025-11-10"),
        _request("02/2025", "2025-12-17"),
        calendars=(CAL_2025, CAL_2026),
    )
    text = _register_page(minimal_data)
    assert "batas 10 hari kerja (5 Januari 2026)" in text
    assert ", sementara )" not in text and "Batas waktu bertanda sementara" not in text

"""PPID: working days across weekends, holidays, cuti bersama and a year end; deadline
flags on both sides of each limit; personal data refused."""

import datetime as dt
from pathlib import Path

import pytest

from generator.check import check
from generator.compute import workdays

D = dt.date
# 2025: Idul Fitri 31 Mar–1 Apr, cuti bersama 28 Mar and 2–7 Apr; Natal 25 Dec, cuti bersama 26 Dec;
# 2026: Tahun Baru 1 Jan.
HOLIDAYS = {
    D(2025, 3, 28),
    D(2025, 3, 31),
    D(2025, 4, 1),
    D(2025, 4, 2),
    D(2025, 4, 3),
    D(2025, 4, 4),
    D(2025, 4, 7),
    D(2025, 12, 25),
    D(2025, 12, 26),
    D(2026, 1, 1),
}


def test_weekend_is_skipped():
    # Friday 7 Nov 2025 + 1 working day = Monday 10 Nov
    assert workdays.add_workdays(D(2025, 11, 7), 1, set()) == D(2025, 11, 10)
    assert workdays.workdays_between(D(2025, 11, 7), D(2025, 11, 10), set()) == 1


def test_holidays_and_cuti_bersama_are_skipped():
    # Mon 24 Mar: 25, 26, 27 (3); 28 cuti; 31, 1 libur; 2–4, 7 cuti; 8, 9, 10, 11 (7); 14 (8); 15 (9); 16 (10)
    assert workdays.add_workdays(D(2025, 3, 24), 10, HOLIDAYS) == D(2025, 4, 16)
    assert workdays.add_workdays(D(2025, 3, 24), 10, set()) == D(2025, 4, 7)


def test_year_end():
    # Tue 23 Dec 2025: 24 (1); 25, 26 off; 29 (2), 30 (3), 31 (4); 1 Jan off; 2 Jan (5)
    assert workdays.add_workdays(D(2025, 12, 23), 5, HOLIDAYS) == D(2026, 1, 2)
    assert workdays.workdays_between(D(2025, 12, 23), D(2026, 1, 2), HOLIDAYS) == 5


def _register(minimal_data: Path, body: str, holidays: str = "") -> Path:
    ppid = minimal_data / "kota-contoh/dinas-contoh/ppid"
    ppid.mkdir(parents=True, exist_ok=True)
    (ppid / "permohonan-2025.yml").write_text("tahun: 2025\ncontoh: true\npermohonan:\n" + body, encoding="utf-8")
    cal = minimal_data / "hari-libur"
    cal.mkdir(exist_ok=True)
    (cal / "2025.yml").write_text(
        "tahun: 2025\nhari:\n" + (holidays or "  - {tanggal: 2025-12-25, nama: Natal}\n"), encoding="utf-8"
    )
    return ppid / "permohonan-2025.yml"


def _request(received: str, answered: str, extra: str = "") -> str:
    return (
        f"  - nomor: '1'\n    tanggal_diterima: {received}\n    kanal: email\n    kategori_pemohon: media\n"
        f"    informasi_diminta: Laporan kinerja\n    keputusan: diberikan\n    tanggal_dijawab: {answered}\n{extra}"
    )


def _codes(data: Path) -> list[str]:
    return [
        d.code
        for d in check(data).diagnostics
        if d.code in {"LATE_ANSWER", "LATE_OBJECTION", "PERSONAL_DATA", "HOLIDAYS_MISSING"}
    ]


@pytest.mark.parametrize("answered, late", [("2025-11-17", False), ("2025-11-18", True)])
def test_answer_deadline_10_working_days(minimal_data, answered, late):
    # Mon 3 Nov 2025 + 10 working days = Mon 17 Nov
    _register(minimal_data, _request("2025-11-03", answered))
    assert _codes(minimal_data) == (["LATE_ANSWER"] if late else [])


@pytest.mark.parametrize("answered, late", [("2025-11-26", False), ("2025-11-27", True)])
def test_extension_with_notice_gives_17_working_days(minimal_data, answered, late):
    # 3 Nov + 17 working days = Wed 26 Nov
    _register(minimal_data, _request("2025-11-03", answered, "    perpanjangan: {tanggal_pemberitahuan: 2025-11-10}\n"))
    assert _codes(minimal_data) == (["LATE_ANSWER"] if late else [])


def test_extension_notified_too_late_does_not_count(minimal_data):
    _register(minimal_data, _request("2025-11-03", "2025-11-20", "    perpanjangan: {tanggal_pemberitahuan: 2025-11-18}\n"))
    assert _codes(minimal_data) == ["LATE_ANSWER", "LATE_ANSWER"]  # the notice, and the answer past 10 days


def test_holiday_moves_the_deadline(minimal_data):
    # Thu 11 Dec 2025: 12, 15–19, 22–24 are working days 1–9; with Natal 25 Dec off, Fri 26 Dec is the 10th
    _register(minimal_data, _request("2025-12-11", "2025-12-26"))
    assert _codes(minimal_data) == []
    # without that holiday in the calendar, 25 Dec is the 10th and 26 Dec is late
    _register(minimal_data, _request("2025-12-11", "2025-12-26"), holidays="  - {tanggal: 2025-01-01, nama: Tahun Baru}\n")
    assert _codes(minimal_data) == ["LATE_ANSWER"]


@pytest.mark.parametrize("answered, late", [("2025-12-15", False), ("2025-12-16", True)])
def test_objection_deadline_30_working_days(minimal_data, answered, late):
    # objection Mon 3 Nov 2025 + 30 working days = Mon 15 Dec
    _register(
        minimal_data,
        _request(
            "2025-10-20",
            "2025-10-27",
            f"    keberatan: {{tanggal_diajukan: 2025-11-03, tanggal_dijawab: {answered}, hasil: ditolak}}\n",
        ),
    )
    assert _codes(minimal_data) == (["LATE_OBJECTION"] if late else [])


@pytest.mark.parametrize(
    "field", ["nama: Budi Santoso", "nik: '3375010101010001'", "email: budi@example.org", "telepon: '081234567890'"]
)
def test_personal_data_field_fails_check(minimal_data, field):
    path = _register(minimal_data, _request("2025-11-03", "2025-11-05", f"    {field}\n"))
    result = check(minimal_data)
    found = [d for d in result.errors if d.code == "PERSONAL_DATA"]
    assert found and found[0].path.endswith("permohonan-2025.yml")
    assert found[0].line == path.read_text(encoding="utf-8").splitlines().index(f"    {field}") + 1
    assert "data pribadi" in found[0].message.id and "kategori_pemohon" in found[0].hint.id


def test_personal_data_inside_text_fails_check(minimal_data):
    _register(minimal_data, _request("2025-11-03", "2025-11-05", "    catatan: Hubungi pemohon di 0812-3456-7890\n"))
    assert "PERSONAL_DATA" in [d.code for d in check(minimal_data).errors]


def test_bundled_register_is_example_data_and_valid():
    result = check(Path(__file__).resolve().parent.parent / "data")
    agency = result.dataset.regions["kota-pekalongan"].agencies["dinperinaker"]
    register, _ = agency.registers[2025]
    assert register.contoh is True
    assert not [d for d in result.errors if "ppid" in d.path]


def test_dip_lists_every_generated_document_with_seven_fields():
    from generator.compute.ppid_stats import register_stats
    from generator.ppid.dip import agency_entries

    result = check(Path(__file__).resolve().parent.parent / "data")
    agency = result.dataset.regions["kota-pekalongan"].agencies["dinperinaker"]
    entries = agency_entries(result.dataset, agency)
    kinds = {e.jenis for e in entries}
    assert {"pk", "lkj", "anggaran"} <= kinds
    # 42 positions, each with a PK and a TW IV report; 7 of them hold a budget
    assert sum(e.jenis == "pk" for e in entries) == 42
    assert sum(e.jenis == "lkj" for e in entries) == 42
    assert sum(e.jenis == "anggaran" for e in entries) == 7
    assert len({e.nomor for e in entries}) == len(entries)
    for e in entries:
        for f in (
            "nomor",
            "ringkasan_isi",
            "pejabat_unit",
            "penanggung_jawab",
            "waktu_tempat",
            "bentuk_informasi",
            "jangka_waktu_penyimpanan",
        ):
            assert getattr(e, f), (e.nomor, f)
        assert e.klasifikasi in {"berkala", "serta_merta", "setiap_saat", "dikecualikan"}
        assert e.tautan and e.tautan.endswith(".md")
    kd = next(e for e in entries if e.nomor == "DINPERINAKER/LKJ/2025/TW4/kepala-dinas")
    assert kd.waktu_tempat == "Pekalongan, 2 Januari 2026" and kd.tautan == "kota-pekalongan/dinperinaker/jabatan/kepala-dinas.md"

    stats = register_stats(agency.registers[2025][0], result.dataset.holiday_dates())
    assert stats.jumlah == 9 and stats.contoh
    assert stats.terlambat == 1 and stats.tepat_waktu == 8  # 007/PPID/2025 on working day 13
    # 004/PPID/2025: 21 Apr → 15 May is 15 working days (1 May, 12–13 May off), within 17 after the extension notice
    assert stats.terlama_hari_kerja == 15 and stats.keberatan == 1 and stats.keberatan_tepat_waktu == 1


def test_dip_workbook_keeps_formula_like_text_as_text():
    """The DIP workbook read back: its headers, an entry's row as given, text that starts
    with "=" (data text is untrusted) kept as that text, never a formula, the notes sheet,
    and the same bytes for the same content."""
    import io

    from openpyxl import load_workbook

    from generator.ppid.dipfiles import dip_xlsx

    result = check(Path(__file__).resolve().parent.parent / "data")
    region = result.dataset.regions["kota-pekalongan"]
    agency = region.agencies["dinperinaker"]
    keys = [
        "nomor",
        "klasifikasi_label",
        "jenis_label",
        "ringkasan_isi",
        "pejabat_unit",
        "penanggung_jawab",
        "waktu_tempat",
        "bentuk_informasi",
        "jangka_waktu_penyimpanan",
        "alamat_dokumen",
        "permalink",
    ]
    record = {k: f"teks {k}" for k in keys} | {"ringkasan_isi": '=HYPERLINK("http://x","klik")', "pejabat_unit": "=1+1"}
    record |= {"klasifikasi": "berkala", "jenis": "pk"}  # the CSV's keys: not in the workbook
    data = dip_xlsx([record], agency, region, dt.date(2026, 1, 31))
    assert dip_xlsx([dict(record)], agency, region, dt.date(2026, 1, 31)) == data
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["DIP", "Keterangan"]
    ws = wb["DIP"]
    assert [c.value for c in ws[1]] == [
        "Nomor",
        "Klasifikasi",
        "Jenis dokumen",
        "Ringkasan isi informasi",
        "Pejabat/unit yang menguasai informasi",
        "Penanggung jawab pembuatan/penerbitan informasi",
        "Waktu dan tempat pembuatan informasi",
        "Bentuk informasi yang tersedia",
        "Jangka waktu penyimpanan",
        "Alamat dokumen di situs",
        "Permalink di DIP",
    ]
    row = list(ws[2])
    assert [c.value for c in row] == [record[k] for k in keys] and ws.max_row == 2
    assert {c.data_type for c in row} == {"s"}
    assert row[3].value == '=HYPERLINK("http://x","klik")' and row[3].data_type == "s"
    assert row[4].value == "=1+1" and row[4].data_type == "s"
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:K2"
    notes = {label: value for label, value in wb["Keterangan"].iter_rows(values_only=True)}
    assert notes["Daftar Informasi Publik"] == "Dinas Perindustrian dan Tenaga Kerja Kota Pekalongan"
    assert (notes["Wilayah"], notes["Data per"], notes["Jumlah entri"]) == ("Kota Pekalongan", "31 Januari 2026", 1)
    assert notes["Dasar"].startswith("UU 14/2008") and {"Informasi berkala", "Informasi dikecualikan"} <= set(notes)
    assert wb.properties.title == "Daftar Informasi Publik Dinas Perindustrian dan Tenaga Kerja Kota Pekalongan"

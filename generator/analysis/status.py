"""Status pelaporan: for every position and budget year of a region, whether its
Perjanjian Kinerja, each quarterly report and the annual LKj are in the data, when they
are dated, and whether that met the region's deadline (model/tenggat.py).

The as-of date is the data's own (``data_per`` in data/site.yml, the date every page
shows as "Data per"): an item whose deadline falls after it is "belum jatuh tempo",
never "terlambat". The commit date is shown where the build passes the history of the
data files (``first_seen``: data-relative path → (date, commit)); without it only the
dates written in the data count. Nothing here computes a performance figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial

import pandas as pd

from generator.core.layout import year_folder
from generator.model.tenggat import TenggatPelaporan
from generator.render.siteindex import positions_in_order
from generator.validate.dataset import AgencyRecord, PositionRecord, RegionRecord

FirstSeen = dict[str, tuple[dt.date, str]]

# The states, in the order the tables list them: missing and late first.
BELUM_ADA = "belum ada"  # not in the data and the deadline has passed
TERLAMBAT = "terlambat"
TANPA_TANGGAL = "tanggal tidak tercantum"  # in the data, but undated: cannot be judged
BELUM_JATUH_TEMPO = "belum jatuh tempo"
TEPAT_WAKTU = "tepat waktu"
STATES = (BELUM_ADA, TERLAMBAT, TANPA_TANGGAL, BELUM_JATUH_TEMPO, TEPAT_WAKTU)
ORDER = {s: i for i, s in enumerate(STATES)}
DOKUMEN = ("PK", "TW I", "TW II", "TW III", "TW IV", "LKj tahunan")


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def quarter_end(tahun: int, triwulan: int) -> dt.date:
    return add_months(dt.date(tahun, 1, 1), triwulan * 3) - dt.timedelta(days=1)


def dpa_date(tahun: int, tenggat: TenggatPelaporan) -> dt.date:
    """The DPA approval date of a budget year (default: 1 January of that year)."""
    return tenggat.tanggal_dpa.get(tahun, dt.date(tahun, 1, 1))


def deadlines(tahun: int, tenggat: TenggatPelaporan) -> dict[str, dt.date]:
    """The deadline of each document of one budget year."""
    out = {"PK": add_months(dpa_date(tahun, tenggat), tenggat.pk_bulan_setelah_dpa)}
    for tw in (1, 2, 3, 4):
        out[DOKUMEN[tw]] = quarter_end(tahun, tw) + dt.timedelta(days=tenggat.triwulan_hari)
    out["LKj tahunan"] = add_months(dt.date(tahun + 1, 1, 1), tenggat.lkj_bulan) - dt.timedelta(days=1)
    return out


def judge(present: bool, tanggal: dt.date | None, tenggat: dt.date, as_of: dt.date) -> str:
    if not present:
        return BELUM_ADA if as_of > tenggat else BELUM_JATUH_TEMPO
    if tanggal is None:
        return TANPA_TANGGAL
    return TEPAT_WAKTU if tanggal <= tenggat else TERLAMBAT


@dataclass(frozen=True)
class Item:
    """One document of one position and year, and its state."""

    wilayah: str
    perangkat_daerah: str  # agency id
    jabatan_id: str
    jabatan: str
    tahun: int
    dokumen: str  # one of DOKUMEN
    ada: bool
    tanggal: dt.date | None
    tenggat: dt.date
    status: str
    hari_terlambat: int | None
    berkas: str | None  # data-relative path of the year file
    pertama_tercatat: dt.date | None  # the file's first commit date (history), when known
    commit: str | None
    catatan: str | None = None


def agency_years(agency: AgencyRecord) -> list[int]:
    """The budget years of the agency: every year any of its positions has a file for."""
    return sorted({y for p in agency.positions.values() for y in p.years if y is not None})


def position_items(
    region: RegionRecord, agency: AgencyRecord, pos: PositionRecord, tahun: int, as_of: dt.date, first_seen: FirstSeen
) -> list[Item]:
    tenggat = region.model.tenggat
    due = deadlines(tahun, tenggat)
    year = pos.years.get(tahun)
    berkas = f"{region.id}/{agency.id}/{year_folder(tahun)}/{pos.id}.yml" if year is not None else None
    seen = first_seen.get(berkas) if berkas else None
    common = partial(
        Item,
        region.id,
        agency.id,
        pos.id,
        pos.model.jabatan,
        tahun,
        berkas=berkas,
        pertama_tercatat=seen[0] if seen else None,
        commit=seen[1] if seen else None,
    )
    found: dict[str, tuple[bool, dt.date | None, str | None]] = {d: (False, None, None) for d in DOKUMEN}
    if year is not None:
        pks = year.model.perjanjian_kinerja
        if pks:
            dated = [pk for pk in pks if pk.tanggal is not None]
            first = min(dated, key=lambda pk: pk.tanggal or as_of) if dated else pks[0]
            note = "hanya PK perubahan di data" if all(pk.versi == "perubahan" for pk in pks) else None
            found["PK"] = (True, first.tanggal, note)
        for lap in year.model.laporan:
            found[DOKUMEN[lap.triwulan]] = (True, lap.tanggal, None)
        if any(lap.triwulan == 4 for lap in year.model.laporan):
            tw4 = next(lap for lap in year.model.laporan if lap.triwulan == 4)
            found["LKj tahunan"] = (True, tw4.tanggal, "laporan TW IV (realisasi s.d. akhir tahun)")
    items = []
    for dokumen in DOKUMEN:
        ada, tanggal, note = found[dokumen]
        status = judge(ada, tanggal, due[dokumen], as_of)
        late = (tanggal - due[dokumen]).days if status == TERLAMBAT and tanggal else None
        if not ada and status == BELUM_ADA:
            late = (as_of - due[dokumen]).days
        items.append(
            common(
                dokumen=dokumen,
                ada=ada,
                tanggal=tanggal,
                tenggat=due[dokumen],
                status=status,
                hari_terlambat=late,
                catatan=note,
            )
        )
    return items


def agency_items(region: RegionRecord, agency: AgencyRecord, as_of: dt.date, first_seen: FirstSeen | None = None) -> list[Item]:
    """Every document of every position and year of the agency, in document order."""
    seen = first_seen or {}
    years = agency_years(agency)
    return [
        item
        for pos in positions_in_order(agency)
        for tahun in years
        for item in position_items(region, agency, pos, tahun, as_of, seen)
    ]


def frame(items: list[Item]) -> pd.DataFrame:
    """The items as a table, missing and late first (then by year, position order, document)."""
    cols = list(Item.__dataclass_fields__)
    df = pd.DataFrame([[getattr(i, c) for c in cols] for i in items], columns=cols, dtype=object)
    if df.empty:
        return df
    df["_urut"] = range(len(df))
    df["_status"] = df["status"].map(ORDER)
    df = df.sort_values(["_status", "tahun", "_urut"], kind="stable").drop(columns=["_urut", "_status"])
    return df.reset_index(drop=True)


def counts(df: pd.DataFrame, by: str = "perangkat_daerah") -> pd.DataFrame:
    """Number of documents in each state per ``by`` (every state a column, zeros kept)."""
    if df.empty:
        return pd.DataFrame(columns=list(STATES))
    table = pd.crosstab(df[by], df["status"]).reindex(columns=list(STATES), fill_value=0)
    return table.astype(int)


@dataclass(frozen=True)
class Berkala:
    """PPID periodic information of an agency: the last dated PK or report, and when the
    next one is due (at least every ``ppid_berkala_bulan`` months)."""

    terakhir: dt.date | None
    tenggat: dt.date | None
    status: str  # tepat waktu | terlambat | belum ada


def berkala(region: RegionRecord, agency: AgencyRecord, as_of: dt.date) -> Berkala:
    dates = [
        d
        for pos in agency.positions.values()
        for y in pos.years.values()
        for d in [*(pk.tanggal for pk in y.model.perjanjian_kinerja), *(lap.tanggal for lap in y.model.laporan)]
        if d is not None and d <= as_of
    ]
    if not dates:
        return Berkala(None, None, BELUM_ADA)
    last = max(dates)
    due = add_months(last, region.model.tenggat.ppid_berkala_bulan)
    return Berkala(last, due, TEPAT_WAKTU if as_of <= due else TERLAMBAT)

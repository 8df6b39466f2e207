"""Working days for PPID deadlines (UU 14/2008, Perki KIP 1/2021).

A working day is Monday–Friday that is neither a national holiday nor cuti bersama; the
calendar comes from data/hari-libur/<tahun>.yml. Deadlines count from the day after the
request was received: an answer on the 10th working day is on time, on the 11th late.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container

ONE_DAY = dt.timedelta(days=1)

# Deadlines in working days.
JAWAB = 10  # answer to a request
PERPANJANGAN = 7  # extension with written notice
KEBERATAN = 30  # answer to an objection by the Atasan PPID


def is_workday(day: dt.date, holidays: Container[dt.date]) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_workdays(start: dt.date, n: int, holidays: Container[dt.date]) -> dt.date:
    """The date ``n`` working days after ``start`` (``start`` itself not counted)."""
    day = start
    remaining = n
    while remaining > 0:
        day += ONE_DAY
        if is_workday(day, holidays):
            remaining -= 1
    return day


def workdays_between(start: dt.date, end: dt.date, holidays: Container[dt.date]) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if is_workday(day, holidays):
            count += 1
    return count


def uncovered_years(start: dt.date, end: dt.date, calendar_years: Container[int]) -> list[int]:
    """The years without a holiday calendar that a count of working days after ``start``
    up to ``end`` passes through: a deadline or a count there is provisional, since that
    year's national holidays and cuti bersama are not known."""
    return [y for y in range((start + ONE_DAY).year, max(start, end).year + 1) if y not in calendar_years]


def deadline(start: dt.date, n: int, holidays: Container[dt.date], calendar_years: Container[int]) -> tuple[dt.date, list[int]]:
    """The date ``n`` working days after ``start``, and the years without a calendar the
    count passed through (empty: the date is certain; else it may be too early)."""
    due = add_workdays(start, n, holidays)
    return due, uncovered_years(start, due, calendar_years)

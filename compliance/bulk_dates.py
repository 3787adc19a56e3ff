"""The date rules of `compliance.workdays` over whole arrays at once (numpy datetime64[D]).

The report computes a due date for every subject × category × source; at a million
subjects a Python call per row costs seconds, these cost milliseconds. The per-row
functions in `compliance.workdays` stay the reference: tests/test_bulk_dates.py checks
that both agree on random dates (hypothesis), so a rule is changed in one place and the
test says where the other must follow.

    >>> add_calendar_months_array(to_days([date(2020, 1, 31)]), 1)
    array(['2020-02-29'], dtype='datetime64[D]')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from compliance.workdays import WorkCalendar

NAT = np.datetime64("NaT", "D")


def to_days(values: Iterable[Any] | pd.Series | np.ndarray) -> np.ndarray:
    """Dates, Timestamps, None or NaT as datetime64[D] (missing as NaT)."""
    if isinstance(values, pd.Series):
        return pd.to_datetime(values).to_numpy(dtype="datetime64[D]")
    return np.array(
        [NAT if v is None or v is pd.NaT else np.datetime64(v, "D") for v in values],
        dtype="datetime64[D]",
    )


def as_dates(days: np.ndarray) -> np.ndarray:
    """datetime64[D] as an object array of `datetime.date`, NaT as None (what rows hold).

    A million rows hold a few thousand distinct days: one `date` per day in their range,
    taken by index, is five times faster than one per row (and dates are immutable, so
    rows may share one)."""
    days = np.asarray(days, dtype="datetime64[D]")
    missing = np.isnat(days)
    ordinal = days.astype(np.int64)
    if len(days) < 1000 or missing.all():
        return days.astype(object)  # numpy turns NaT into None here
    low, high = ordinal[~missing].min(), ordinal[~missing].max()
    if high - low > len(days):
        return days.astype(object)
    table = np.empty(high - low + 2, dtype=object)  # the last slot stays None: NaT
    table[:-1] = np.arange(low, high + 1).astype("datetime64[D]").astype(object)
    return table[np.where(missing, high - low + 1, ordinal - low)]


def add_calendar_months_array(days: np.ndarray, months: int) -> np.ndarray:
    """`add_calendar_months` per element: same day, clamped to the month's last day."""
    missing = np.isnat(days)
    ordinal = days.astype(np.int64)
    if len(days) > 4096 and not missing.all():
        low, high = ordinal[~missing].min(), ordinal[~missing].max()
        if 2 * (high - low + 1) < len(days):
            # Far more rows than days (a million subjects, a few thousand dates): the
            # rule once per day in the range, then looked up per row.
            span = np.arange(low, high + 1).astype("datetime64[D]")
            table = np.r_[_add_months(span, months), NAT]  # the last slot: NaT
            return table[np.where(missing, high - low + 1, ordinal - low)]
    return _add_months(days, months)


def _add_months(days: np.ndarray, months: int) -> np.ndarray:
    missing = np.isnat(days)
    safe = np.where(missing, np.datetime64("2000-01-01", "D"), days)
    month = safe.astype("datetime64[M]")
    day = (safe - month.astype("datetime64[D]")).astype(np.int64)  # 0-based day of month
    target = month + np.timedelta64(months, "M")
    first = target.astype("datetime64[D]")
    length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]") - first).astype(np.int64)
    result = first + np.minimum(day, length - 1).astype("timedelta64[D]")
    return np.where(missing, NAT, result)


def closed_days(cal: WorkCalendar, first_year: int, last_year: int) -> np.ndarray:
    """Every Atw holiday and equated or closing day from `first_year` to `last_year`."""
    days: set[date] = set()
    for year in range(first_year, last_year + 1):
        days.update(cal.holidays_in(year))
    return np.array(sorted(days), dtype="datetime64[D]")


def add_working_days_array(days: np.ndarray, count: int, cal: WorkCalendar) -> np.ndarray:
    """`add_working_days` per element: the count-th working day after each day.

    numpy's busday_offset rolls a closed start day first; rolling *backward* makes a start
    on a Saturday or holiday count from the working day before it, which is the rule (the
    day of receipt never counts, so only working days after it matter).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    missing = np.isnat(days)
    if count == 0 or missing.all():
        return days.copy()
    present = days[~missing]
    years = present.astype("datetime64[Y]").astype(np.int64) + 1970
    # A run of count working days never spans more than count // 5 + 1 weeks plus holidays.
    span = count // 150 + 2
    holidays = closed_days(cal, int(years.min()) - 1, int(years.max()) + span)
    result = np.full(days.shape, NAT)
    result[~missing] = np.busday_offset(
        present, count, roll="backward", weekmask="1111100", holidays=holidays
    )
    return result


def days_between(later: np.ndarray, earlier: date) -> np.ndarray:
    """Whole days from `earlier` to each element (negative when before it)."""
    return (later - np.datetime64(earlier, "D")).astype(np.int64)


def shift(day: date, days: int) -> date:
    return day + timedelta(days=days)

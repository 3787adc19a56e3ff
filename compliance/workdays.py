"""Date arithmetic for deadlines and retention: pure functions, no `today()`.

Three different rules, each from its own source (see ../shared/POLICY.md):

* working days (Algemene termijnenwet): the day of receipt does not count; Saturdays,
  Sundays and the Atw holidays are skipped.
* one month (GDPR art. 12(3), counted per EU Regulation 1182/71 art. 3): the same date in
  the next month, clamped to the month's last day, then moved to the next working day.
* calendar months/years for retention: the same clamped date, never moved.

    >>> cal = WorkCalendar.from_policy(load_policy().calendar)
    >>> add_working_days(date(2026, 4, 24), 5, cal)   # 27 April is Koningsdag
    datetime.date(2026, 5, 4)
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.easter import easter

from compliance.policy import CalendarRules

_WEEKEND = (5, 6)  # Saturday, Sunday


def add_calendar_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the last day of that month (2020-01-31 + 1 → 02-29)."""
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _cal.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def add_calendar_years(start: date, years: int) -> date:
    """Same day `years` later; 29 February becomes 28 February in a common year."""
    return add_calendar_months(start, 12 * years)


@lru_cache(maxsize=64)
def _atw_holidays(
    country: str, year: int, every_year: tuple[tuple[int, int], ...], good_friday: bool
) -> frozenset[date]:
    """The `holidays` package's public holidays, corrected to the Atw list.

    The package has 5 May only in lustrum years and may lack Good Friday; Atw art. 3
    counts 5 May every year and equates Good Friday (lid 2).
    """
    days = set(holidays.country_holidays(country, years=year, categories=("public",)))
    days.update(date(year, m, d) for m, d in every_year if _valid(year, m, d))
    friday = easter(year) - timedelta(days=2)
    # The package lists Good Friday for NL in some versions and not in others: the policy
    # decides, both ways.
    if good_friday:
        days.add(friday)
    else:
        days.discard(friday)
    return frozenset(days)


def _valid(year: int, month: int, day: int) -> bool:
    return day <= _cal.monthrange(year, month)[1]


@dataclass(frozen=True)
class WorkCalendar:
    """Which days count as working days for deadlines."""

    country: str = "NL"
    every_year: tuple[tuple[int, int], ...] = ((5, 5),)
    good_friday: bool = True
    extra_closed: frozenset[date] = field(default_factory=frozenset)

    @classmethod
    def from_policy(cls, rules: CalendarRules) -> WorkCalendar:
        return cls(
            country=rules.country,
            every_year=rules.every_year,
            good_friday=rules.good_friday,
            extra_closed=frozenset(rules.equated_days) | frozenset(rules.company_closing_days),
        )

    def is_holiday(self, day: date) -> bool:
        holidays_ = _atw_holidays(self.country, day.year, self.every_year, self.good_friday)
        return day in holidays_ or day in self.extra_closed

    def is_working_day(self, day: date) -> bool:
        return day.weekday() not in _WEEKEND and not self.is_holiday(day)

    def holidays_in(self, year: int) -> list[date]:
        """Every non-weekend-independent closed day of a year, sorted (for the policy view)."""
        base = _atw_holidays(self.country, year, self.every_year, self.good_friday)
        extra = {d for d in self.extra_closed if d.year == year}
        return sorted(base | extra)


def next_working_day(day: date, cal: WorkCalendar) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(received: date, count: int, cal: WorkCalendar) -> date:
    """The `count`-th working day after `received` (the day of receipt does not count)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = received
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            remaining -= 1
    return day


def one_month_deadline(received: date, cal: WorkCalendar, months: int = 1) -> date:
    """GDPR art. 12(3) deadline: same date `months` later, clamped, rolled to a working day."""
    return next_working_day(add_calendar_months(received, months), cal)


def working_days_between(start: date, end: date, cal: WorkCalendar) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if cal.is_working_day(day):
            count += 1
    return count

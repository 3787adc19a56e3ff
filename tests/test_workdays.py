"""Deadline and retention arithmetic (compliance/workdays.py) against POLICY.md "Counting".

Every expected date below was worked out by hand from a real calendar (weekdays checked
with `datetime.date(...).strftime('%A')`); none is produced by the code under test.

Holidays used below (Easter Sunday: 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28,
2028-04-16, 2029-04-01, 2031-04-13; Ascension = Easter + 39, Whit Monday = Easter + 50):

* 2025: Koningsdag Sat 26 Apr (27 Apr is a Sunday), 5 May Mon (lustrum),
  equated Fri 30 May.
* 2026: New Year Thu 1 Jan + equated Fri 2 Jan, Good Friday 3 Apr, Easter Monday 6 Apr,
  Koningsdag Mon 27 Apr, 5 May Tue, Ascension Thu 14 May + equated Fri 15 May,
  Whit Monday 25 May, Christmas Fri 25 / Sat 26 Dec.
* 2027: New Year Fri 1 Jan, Good Friday 26 Mar, Easter Monday 29 Mar, Koningsdag Tue 27 Apr,
  5 May Wed, Ascension Thu 6 May + equated Fri 7 May, Christmas Sat 25 / Sun 26 Dec.
* 2028: New Year Sat 1 Jan, Koningsdag Thu 27 Apr + equated Fri 28 Apr.
* 2029: Good Friday 30 Mar, Easter Monday 2 Apr, Ascension Thu 10 May (Fri 11 May is NOT
  equated: no decree for 2029 in data/policy.toml).
* 2031: Koningsdag Sat 26 Apr (27 Apr is a Sunday).
"""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.policy import load_policy
from compliance.workdays import (
    WorkCalendar,
    add_calendar_months,
    add_calendar_years,
    add_working_days,
    next_working_day,
    one_month_deadline,
    working_days_between,
)

D = date.fromisoformat
POLICY_CALENDAR = load_policy().calendar
CAL = WorkCalendar.from_policy(POLICY_CALENDAR)


def _p(start: str, n: int, expected: str, id_: str):
    return pytest.param(D(start), n, D(expected), id=id_)


# ------------------------------------------------------------------ add_working_days
WORKING_DAY_CASES = [
    # POLICY.md: Fri 24 Apr, Mon 27 Apr Koningsdag; Tue 28 (1) .. Fri 1 May (4), Mon 4 May (5).
    _p("2026-04-24", 5, "2026-05-04", "policy-example-fri-koningsdag"),
    # ... then Tue 5 May closed: Wed 6 (6), Thu 7, Fri 8, Mon 11, Tue 12 (10).
    _p("2026-04-24", 10, "2026-05-12", "koningsdag-and-5-may-2026"),
    # Thu before Easter 2026: Good Friday, weekend, Easter Monday skipped.
    _p("2026-04-02", 1, "2026-04-07", "easter-2026-thu-plus-1"),
    _p("2026-04-02", 5, "2026-04-13", "easter-2026-thu-plus-5"),
    _p("2027-03-25", 1, "2027-03-30", "easter-2027-thu-plus-1"),
    _p("2029-03-29", 1, "2029-04-03", "easter-2029-thu-plus-1"),
    # Koningsdag on Saturday (27 April a Sunday): Monday after is an ordinary working day.
    _p("2025-04-25", 1, "2025-04-28", "koningsdag-2025-saturday-monday-works"),
    _p("2025-04-25", 5, "2025-05-02", "koningsdag-2025-plus-5"),
    _p("2031-04-25", 1, "2031-04-28", "koningsdag-2031-saturday-monday-works"),
    # Koningsdag on a weekday, receipt on the holiday itself.
    _p("2026-04-27", 1, "2026-04-28", "received-on-koningsdag-2026-monday"),
    # 5 May: lustrum year (2025, Mon) and outside (2026 Tue, 2027 Wed) are all closed.
    _p("2025-04-30", 3, "2025-05-06", "5-may-2025-lustrum-monday"),
    _p("2026-05-04", 1, "2026-05-06", "5-may-2026-tuesday"),
    # 2027: Wed 5 May, Thu 6 Ascension, Fri 7 equated, weekend -> Mon 10 May.
    _p("2027-05-04", 1, "2027-05-10", "5-may-2027-wednesday-ascension-bridge"),
    # Ascension 2026 with its equated Friday.
    _p("2026-05-13", 1, "2026-05-18", "ascension-2026-equated-friday"),
    # Ascension 2029: no decree, Friday 11 May is a working day.
    _p("2029-05-09", 1, "2029-05-11", "ascension-2029-friday-not-equated"),
    _p("2026-05-22", 1, "2026-05-26", "whit-monday-2026"),
    # Thu 24 Dec 2026: Fri 25 closed, weekend, Mon 28 (1) .. Thu 31 (4), Fri 1 Jan closed,
    # weekend, Mon 4 Jan (5).
    _p("2026-12-24", 5, "2027-01-04", "christmas-2026-to-new-year"),
    # Fri 24 Dec 2027: Christmas falls on the weekend (no substitute): Mon 27 .. Fri 31.
    _p("2027-12-24", 5, "2027-12-31", "christmas-2027-on-weekend"),
    # New Year 2028 is a Saturday: no substitute Monday.
    _p("2027-12-24", 6, "2028-01-03", "new-year-2028-saturday"),
    # Wed 31 Dec 2025: Thu 1 Jan New Year, Fri 2 Jan equated.
    _p("2025-12-31", 1, "2026-01-05", "equated-2-jan-2026"),
    # Tue 24 Dec 2024: 25, 26 Christmas, Fri 27 equated.
    _p("2024-12-24", 1, "2024-12-30", "equated-27-dec-2024"),
    # Wed 26 Apr 2028: Thu 27 Koningsdag, Fri 28 equated.
    _p("2028-04-26", 1, "2028-05-01", "koningsdag-2028-equated-friday"),
    # The day of receipt never counts; a weekend receipt starts counting on Monday.
    _p("2026-04-25", 5, "2026-05-04", "received-saturday-koningsdag-week"),
    _p("2026-03-07", 5, "2026-03-13", "received-saturday-plain-week"),
    _p("2026-03-08", 1, "2026-03-09", "received-sunday"),
    _p("2026-03-09", 5, "2026-03-16", "plain-monday-plus-5"),
    _p("2026-03-13", 1, "2026-03-16", "plain-friday-plus-1"),
    _p("2026-03-11", 0, "2026-03-11", "zero-days-same-date"),
    _p("2026-04-25", 0, "2026-04-25", "zero-days-on-saturday-same-date"),
]


@pytest.mark.parametrize(("received", "count", "expected"), WORKING_DAY_CASES)
def test_add_working_days(received: date, count: int, expected: date) -> None:
    assert add_working_days(received, count, CAL) == expected


def test_add_working_days_refuses_negative_count() -> None:
    with pytest.raises(ValueError):
        add_working_days(D("2026-03-11"), -1, CAL)


# ------------------------------------------------------------------ one month (GDPR)
ONE_MONTH_CASES = [
    # POLICY.md: 28 Feb 2026 is a Saturday -> Monday 2 March.
    _p("2026-01-31", 1, "2026-03-02", "policy-example-31-jan-to-sat-28-feb"),
    _p("2024-01-31", 1, "2024-02-29", "31-jan-leap-year-thu-29-feb"),
    _p("2025-01-31", 1, "2025-02-28", "31-jan-common-year-fri-28-feb"),
    _p("2026-03-31", 1, "2026-04-30", "31-mar-to-thu-30-apr"),
    _p("2026-12-31", 1, "2027-02-01", "31-dec-to-sun-31-jan"),
    _p("2026-03-27", 1, "2026-04-28", "lands-on-koningsdag"),
    # 3 Apr Good Friday, weekend, 6 Apr Easter Monday.
    _p("2026-03-03", 1, "2026-04-07", "lands-on-good-friday"),
    _p("2026-04-05", 1, "2026-05-06", "lands-on-5-may-2026"),
    _p("2026-04-14", 1, "2026-05-18", "lands-on-ascension-2026-and-bridge"),
    _p("2029-04-10", 1, "2029-05-11", "lands-on-ascension-2029-no-bridge"),
    # 24 May 2026 is Whit Sunday, 25 May Whit Monday.
    _p("2026-04-24", 1, "2026-05-26", "lands-on-whit-sunday"),
    _p("2026-11-25", 1, "2026-12-28", "lands-on-christmas-2026"),
    _p("2025-12-02", 1, "2026-01-05", "lands-on-equated-2-jan-2026"),
    _p("2026-03-07", 1, "2026-04-07", "received-saturday"),
    _p("2026-03-09", 1, "2026-04-09", "plain-working-day"),
    # Two and three months (1 + 2 extension months).
    _p("2026-03-31", 2, "2026-06-01", "two-months-to-sun-31-may"),
    _p("2026-01-31", 3, "2026-04-30", "three-months-31-jan-to-30-apr"),
    _p("2026-01-27", 3, "2026-04-28", "three-months-lands-on-koningsdag"),
    _p("2026-02-25", 3, "2026-05-26", "three-months-lands-on-whit-monday"),
]


@pytest.mark.parametrize(("received", "months", "expected"), ONE_MONTH_CASES)
def test_one_month_deadline(received: date, months: int, expected: date) -> None:
    assert one_month_deadline(received, CAL, months) == expected


def test_one_month_deadline_defaults_to_one_month() -> None:
    assert one_month_deadline(D("2026-01-31"), CAL) == D("2026-03-02")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(D("2026-03-11"), D("2026-03-11"), id="working-day-itself"),
        pytest.param(D("2026-02-28"), D("2026-03-02"), id="saturday"),
        pytest.param(D("2026-04-03"), D("2026-04-07"), id="good-friday-to-tuesday"),
        pytest.param(D("2026-05-14"), D("2026-05-18"), id="ascension-bridge"),
    ],
)
def test_next_working_day(day: date, expected: date) -> None:
    assert next_working_day(day, CAL) == expected


# ------------------------------------------------------------------ calendar months / years
CALENDAR_MONTH_CASES = [
    _p("2024-01-31", 1, "2024-02-29", "31-jan-leap-year"),
    # Retention is never moved: 28 Feb 2026 is a Saturday and stays.
    _p("2026-01-31", 1, "2026-02-28", "31-jan-common-year-saturday-not-moved"),
    _p("2000-01-31", 1, "2000-02-29", "31-jan-2000-century-leap"),
    _p("2100-01-31", 1, "2100-02-28", "31-jan-2100-century-not-leap"),
    _p("2026-03-31", 1, "2026-04-30", "31-mar-to-30-apr"),
    _p("2026-08-31", 1, "2026-09-30", "31-aug-to-30-sep"),
    _p("2026-12-31", 1, "2027-01-31", "31-dec-to-31-jan-across-year"),
    _p("2026-11-15", 3, "2027-02-15", "three-months-across-year"),
    _p("2026-10-31", 4, "2027-02-28", "four-months-clamped-across-year"),
    _p("2026-01-31", 3, "2026-04-30", "prospect-3-months-clamped"),
    _p("2026-05-31", 24, "2028-05-31", "24-months"),
    _p("2026-06-17", 0, "2026-06-17", "zero-months"),
    _p("2026-03-31", -1, "2026-02-28", "minus-1-clamped"),
    _p("2024-03-31", -1, "2024-02-29", "minus-1-clamped-leap"),
    _p("2026-01-15", -1, "2025-12-15", "minus-1-across-year"),
    _p("2026-01-31", -13, "2024-12-31", "minus-13-across-two-years"),
]


@pytest.mark.parametrize(("start", "months", "expected"), CALENDAR_MONTH_CASES)
def test_add_calendar_months(start: date, months: int, expected: date) -> None:
    assert add_calendar_months(start, months) == expected


CALENDAR_YEAR_CASES = [
    # POLICY.md: 28 Feb 2027 is a Sunday; retention dates are not moved.
    _p("2020-02-29", 7, "2027-02-28", "policy-example-29-feb-plus-7"),
    _p("2024-02-29", 1, "2025-02-28", "29-feb-plus-1"),
    _p("2024-02-29", 4, "2028-02-29", "29-feb-plus-4-leap"),
    _p("2096-02-29", 4, "2100-02-28", "29-feb-to-2100-not-leap"),
    _p("2024-02-29", -1, "2023-02-28", "29-feb-minus-1"),
    # 27 Apr 2026 is Koningsdag (Monday); a retention date stays on it.
    _p("2019-04-27", 7, "2026-04-27", "lands-on-koningsdag-not-moved"),
    _p("2026-12-31", 7, "2033-12-31", "31-dec-plus-7-saturday-not-moved"),
]


@pytest.mark.parametrize(("start", "years", "expected"), CALENDAR_YEAR_CASES)
def test_add_calendar_years(start: date, years: int, expected: date) -> None:
    assert add_calendar_years(start, years) == expected


# ------------------------------------------------------------------ working_days_between
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(D("2026-04-24"), D("2026-05-04"), 5, id="policy-example"),
        pytest.param(D("2026-04-24"), D("2026-04-27"), 0, id="weekend-and-koningsdag"),
        pytest.param(D("2026-12-24"), D("2027-01-04"), 5, id="christmas-2026"),
        pytest.param(D("2026-03-07"), D("2026-03-09"), 1, id="saturday-to-monday"),
        pytest.param(D("2026-03-11"), D("2026-03-11"), 0, id="same-day"),
        pytest.param(D("2026-03-11"), D("2026-03-02"), 0, id="end-before-start"),
    ],
)
def test_working_days_between(start: date, end: date, expected: int) -> None:
    assert working_days_between(start, end, CAL) == expected


# ------------------------------------------------------------------ the calendar itself
def test_difference_from_holidays_package() -> None:
    """The package's NL calendar has 5 May only in lustrum years; the Atw counts it always."""
    package_2026 = holidays.country_holidays("NL", years=2026, categories=("public",))
    assert D("2026-05-05") not in package_2026  # the package's gap ...
    assert CAL.is_holiday(D("2026-05-05"))  # ... corrected here
    assert not CAL.is_working_day(D("2026-05-05"))  # a Tuesday, yet closed

    package_2025 = holidays.country_holidays("NL", years=2025, categories=("public",))
    assert D("2025-05-05") in package_2025  # lustrum year: both agree
    assert not CAL.is_working_day(D("2025-05-05"))

    # Good Friday (Atw art. 3 lid 2) is closed, whatever the package version says.
    assert not CAL.is_working_day(D("2026-04-03"))
    assert not CAL.is_working_day(D("2027-03-26"))
    # Every public holiday of the package stays closed.
    assert all(CAL.is_holiday(day) for day in package_2026)


def test_equated_days_come_from_the_policy() -> None:
    assert D("2026-05-15") in POLICY_CALENDAR.equated_days
    assert not CAL.is_working_day(D("2026-05-15"))
    # Without the policy's decree list the Friday after Ascension is an ordinary day.
    assert WorkCalendar().is_working_day(D("2026-05-15"))
    # Not equated in 2029 (no decree yet).
    assert CAL.is_working_day(D("2029-05-11"))


def test_holidays_in_2026() -> None:
    # The package's holidays (incl. Easter Sunday and Whit Sunday) + 5 May + equated days.
    assert CAL.holidays_in(2026) == [
        D("2026-01-01"),
        D("2026-01-02"),
        D("2026-04-03"),
        D("2026-04-05"),
        D("2026-04-06"),
        D("2026-04-27"),
        D("2026-05-05"),
        D("2026-05-14"),
        D("2026-05-15"),
        D("2026-05-24"),
        D("2026-05-25"),
        D("2026-12-25"),
        D("2026-12-26"),
    ]


def test_koningsdag_on_sunday_moves_to_saturday() -> None:
    assert CAL.is_holiday(D("2025-04-26"))
    assert CAL.is_working_day(D("2025-04-28"))
    assert CAL.is_holiday(D("2031-04-26"))
    assert CAL.is_working_day(D("2031-04-28"))


def test_company_closing_day_is_skipped() -> None:
    closed = D("2026-03-11")  # a Wednesday
    assert add_working_days(D("2026-03-10"), 1, CAL) == closed

    direct = dataclasses.replace(CAL, extra_closed=CAL.extra_closed | {closed})
    rules = dataclasses.replace(POLICY_CALENDAR, company_closing_days=(closed,))
    for cal in (direct, WorkCalendar.from_policy(rules)):
        assert not cal.is_working_day(closed)
        assert add_working_days(D("2026-03-10"), 1, cal) == D("2026-03-12")
        assert one_month_deadline(D("2026-02-11"), cal) == D("2026-03-12")
        assert closed in cal.holidays_in(2026)
        # The policy's equated days are still there.
        assert not cal.is_working_day(D("2026-05-15"))


# ------------------------------------------------------------------ independent oracle
def _easter(year: int) -> date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher), independent of dateutil."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


# Staatscourant decrees, copied by hand (Atw art. 3 lid 3).
EQUATED = {
    D(s)
    for s in [
        "2023-04-28",
        "2023-05-19",
        "2024-05-10",
        "2024-12-27",
        "2025-05-30",
        "2026-01-02",
        "2026-05-15",
        "2027-05-07",
        "2028-04-28",
        "2028-05-26",
    ]
}


def _oracle_closed_weekdays(year: int) -> set[date]:
    easter = _easter(year)
    king = date(year, 4, 27) if year >= 2014 else date(year, 4, 30)
    days = {
        date(year, 1, 1),
        easter - timedelta(days=2),  # Goede Vrijdag
        easter + timedelta(days=1),  # tweede Paasdag
        king,  # on a Sunday moved to Saturday: a weekend day either way
        date(year, 5, 5),  # every year
        easter + timedelta(days=39),  # Hemelvaartsdag
        easter + timedelta(days=50),  # tweede Pinksterdag
        date(year, 12, 25),
        date(year, 12, 26),
    }
    days |= {d for d in EQUATED if d.year == year}
    return {d for d in days if d.weekday() < 5}


def test_easter_oracle_matches_known_dates() -> None:
    known = ["2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28", "2029-04-01", "2031-04-13"]
    assert [_easter(D(s).year) for s in known] == [D(s) for s in known]


def test_every_day_1995_2060_matches_independent_atw_oracle() -> None:
    mismatches = []
    for year in range(1995, 2061):
        closed = _oracle_closed_weekdays(year)
        day = date(year, 1, 1)
        while day.year == year:
            expected = day.weekday() < 5 and day not in closed
            if CAL.is_working_day(day) != expected:
                mismatches.append(day)
            day += timedelta(days=1)
    assert mismatches == []


# ------------------------------------------------------------------ properties
FAST = settings(max_examples=200, deadline=None)
DATES = st.dates(min_value=date(1995, 1, 1), max_value=date(2059, 9, 30))
ANY_DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@FAST
@given(DATES, st.integers(min_value=1, max_value=60))
def test_add_working_days_lands_on_working_day_after_start(start: date, n: int) -> None:
    result = add_working_days(start, n, CAL)
    assert result > start
    assert CAL.is_working_day(result)
    assert working_days_between(start, result, CAL) == n
    # The n-th working day: one day earlier there were only n - 1.
    assert working_days_between(start, result - timedelta(days=1), CAL) == n - 1


@FAST
@given(DATES, st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=30))
def test_add_working_days_monotonic(start: date, gap: int, n: int) -> None:
    later = start + timedelta(days=gap)
    assert add_working_days(start, n, CAL) <= add_working_days(later, n, CAL)


@FAST
@given(DATES, st.integers(min_value=0, max_value=30), st.integers(min_value=0, max_value=30))
def test_add_working_days_is_additive(start: date, a: int, b: int) -> None:
    assert add_working_days(start, a + b, CAL) == add_working_days(
        add_working_days(start, a, CAL), b, CAL
    )


@FAST
@given(DATES, st.integers(min_value=0, max_value=40))
def test_working_days_between_inverts_add_working_days(start: date, gap: int) -> None:
    end = start + timedelta(days=gap)
    k = working_days_between(start, end, CAL)
    assert add_working_days(start, k, CAL) <= end < add_working_days(start, k + 1, CAL)
    assert working_days_between(end, start, CAL) == (0 if gap else k)


@FAST
@given(DATES, st.integers(min_value=1, max_value=3))
def test_one_month_deadline_is_next_working_day_of_calendar_date(start: date, months: int) -> None:
    plain = add_calendar_months(start, months)
    result = one_month_deadline(start, CAL, months)
    assert CAL.is_working_day(result)
    assert plain <= result <= plain + timedelta(days=7)
    # Nothing in between is a working day: it is the *first* working day.
    assert all(
        not CAL.is_working_day(plain + timedelta(days=i)) for i in range((result - plain).days)
    )


@FAST
@given(ANY_DATES, st.integers(min_value=-120, max_value=120))
def test_add_calendar_months_clamps_to_month_end(start: date, months: int) -> None:
    result = add_calendar_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    month_length = calendar.monthrange(result.year, result.month)[1]
    assert result.day <= start.day
    assert result.day == min(start.day, month_length)


@FAST
@given(ANY_DATES, st.integers(min_value=-50, max_value=50))
def test_add_calendar_years_keeps_month(start: date, years: int) -> None:
    result = add_calendar_years(start, years)
    assert result.year == start.year + years
    assert result.month == start.month
    if (start.month, start.day) == (2, 29) and not calendar.isleap(result.year):
        assert result.day == 28
    else:
        assert result.day == start.day


def test_good_friday_false_makes_it_a_working_day() -> None:
    # Whatever the holidays package lists, the policy switch decides.
    assert not WorkCalendar().is_working_day(date(2026, 4, 3))
    assert WorkCalendar(good_friday=False).is_working_day(date(2026, 4, 3))

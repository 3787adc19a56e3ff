"""The array date rules (compliance.bulk_dates) agree with the per-row reference
(compliance.workdays) on random dates, holidays and month ends included."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.bulk_dates import (
    add_calendar_months_array,
    add_working_days_array,
    as_dates,
    to_days,
)
from compliance.policy import load_policy
from compliance.workdays import WorkCalendar, add_calendar_months, add_working_days

CAL = WorkCalendar.from_policy(load_policy().calendar)
days = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))
some_days = st.lists(st.one_of(days, st.none()), min_size=0, max_size=40)


@settings(max_examples=200, deadline=None)
@given(some_days, st.integers(min_value=0, max_value=120))
def test_calendar_months_match_the_reference(values: list[date | None], months: int) -> None:
    got = as_dates(add_calendar_months_array(to_days(values), months)).tolist()
    assert got == [None if v is None else add_calendar_months(v, months) for v in values]


@settings(max_examples=200, deadline=None)
@given(some_days, st.integers(min_value=0, max_value=40))
def test_working_days_match_the_reference(values: list[date | None], count: int) -> None:
    got = as_dates(add_working_days_array(to_days(values), count, CAL)).tolist()
    assert got == [None if v is None else add_working_days(v, count, CAL) for v in values]


def test_month_ends_and_holidays() -> None:
    starts = [date(2020, 1, 31), date(2024, 2, 29), date(2026, 4, 24), date(2026, 5, 2)]
    assert as_dates(add_calendar_months_array(to_days(starts), 1)).tolist() == [
        date(2020, 2, 29), date(2024, 3, 29), date(2026, 5, 24), date(2026, 6, 2),
    ]  # fmt: skip
    # Koningsdag (27 April), 5 May and weekends are skipped; a Saturday counts from Friday.
    assert as_dates(add_working_days_array(to_days(starts[2:]), 5, CAL)).tolist() == [
        date(2026, 5, 4), date(2026, 5, 11),
    ]  # fmt: skip
    assert add_working_days_array(np.array([], dtype="datetime64[D]"), 5, CAL).size == 0

"""The policy as tables: request deadlines, processors, and the working-day calendar."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pandas as pd
from dateutil.easter import easter

from compliance.i18n import label as policy_label
from compliance.ui.frame import Settings


def request_types_table(s: Settings) -> pd.DataFrame:
    rows = []
    for rt in s.policy.request_types.values():
        d = rt.deadline
        if d is None:
            deadline = s.t("deadline.none")
        elif d.working_days:
            deadline = s.t("deadline.working_days", n=d.working_days)
        else:
            deadline = s.t("deadline.months", n=d.months)
        if rt.extension_months:
            deadline += " " + s.t("deadline.extension", n=rt.extension_months)
        rows.append(
            {
                s.t("col.request_type"): policy_label(rt, "label", s.lang),
                s.t("col.deadline"): deadline,
                s.t("col.ends_cooperation"): s.t("yes") if rt.sets_end_of_cooperation else "",
                s.t("col.basis"): policy_label(rt, "basis", s.lang),
            }
        )
    return pd.DataFrame(rows)


def systems_table(s: Settings) -> pd.DataFrame:
    return pd.DataFrame(
        {
            s.t("col.system"): system.label,
            s.t("col.processor"): system.processor,
            s.t("col.country"): system.country,
            s.t("col.purpose"): policy_label(system, "purpose", s.lang),
            s.t("col.agreement"): s.t(f"agreement.{system.agreement_on_file}"),
        }
        for system in s.policy.systems.values()
    )


def agreement_colours(s: Settings) -> dict[str, str]:
    """Agreement words -> colour: missing red, unknown amber, on file green."""
    return {
        s.t("agreement.yes"): "deleted",
        s.t("agreement.no"): "overdue",
        s.t("agreement.unknown"): "due_soon",
        s.t("agreement.not_required"): "scheduled",
    }


def calendar_years(s: Settings) -> list[int]:
    """Last year, this year and two ahead (relative to the as-of date)."""
    return list(range(s.as_of.year - 1, s.as_of.year + 3))


def holiday_headers(s: Settings) -> dict[str, str]:
    return {c: s.t(f"col.holiday_{c}") for c in ("date", "weekday", "name", "note")}


# ------------------------------------------------------------------------- calendar
_HOLIDAY_KEYS = {
    "New Year's Day": "holiday.new_year",
    "Good Friday": "holiday.good_friday",
    "Easter Sunday": "holiday.easter",
    "Easter Monday": "holiday.easter_monday",
    "King's Day": "holiday.kings_day",
    "Liberation Day": "holiday.liberation_day",
    "Ascension Day": "holiday.ascension",
    "Pentecost": "holiday.pentecost",
    "Pentecost Monday": "holiday.pentecost_monday",
    "Whit Monday": "holiday.pentecost_monday",
    "Christmas Day": "holiday.christmas",
    "Second Day of Christmas": "holiday.christmas_2",
}


def holiday_rows(s: Settings, year: int) -> pd.DataFrame:
    """The non-working days of a year with a name and where the rule comes from."""
    rules = s.policy.calendar
    named = holidays.country_holidays(rules.country, years=year, categories=("public",))
    every_year = {date(year, m, d) for m, d in rules.every_year if (m, d) != (2, 29)}
    rows = []
    for day in s.cal.holidays_in(year):
        if day in rules.equated_days:
            name, note = s.t("holiday.equated"), s.t("holiday.note_equated")
        elif day in rules.company_closing_days:
            name, note = s.t("holiday.company_closed"), s.t("holiday.note_company")
        elif day in every_year and day not in named:
            name = s.t("holiday.liberation_day") if (day.month, day.day) == (5, 5) else ""
            note = s.t("holiday.note_every_year")
        else:
            english = named.get(day, "")
            key = _HOLIDAY_KEYS.get(english.split(";")[0].strip())
            if key is None and day == easter(year) - timedelta(days=2):
                key = "holiday.good_friday"  # added by the Atw rule, not by the package
            name = s.t(key) if key else english
            note = s.t("holiday.note_atw")
        rows.append(
            {"date": day, "weekday": s.t(f"weekday.{day.weekday()}"), "name": name, "note": note}
        )
    return pd.DataFrame(rows, columns=["date", "weekday", "name", "note"])

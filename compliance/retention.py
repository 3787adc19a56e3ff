"""When must a piece of personal data be gone? Pure functions over policy and as-of date.

>>> due = deletion_due(policy.categories["contact"], None,
...                    Lifecycle("former_client", date(2026, 3, 2), None), None, policy, cal)
>>> due.due
datetime.date(2033, 3, 2)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from compliance.lifecycle import Lifecycle
from compliance.policy import Category, Offset, Policy
from compliance.workdays import (
    WorkCalendar,
    add_calendar_months,
    add_calendar_years,
    add_working_days,
)

DELETION_STATUSES = ("overdue", "due_soon", "scheduled", "deleted")


@dataclass(frozen=True)
class Due:
    """A due date and why: the rule's anchor and the date the clock started."""

    due: date
    anchor: str  # end_of_cooperation | contract_end | last_contact
    basis_date: date
    offset: Offset


def apply_offset(start: date, offset: Offset, cal: WorkCalendar) -> date:
    if offset.working_days:
        return add_working_days(start, offset.working_days, cal)
    if offset.months:
        return add_calendar_months(start, offset.months)
    return add_calendar_years(start, offset.years)


def deletion_due(
    category: Category,
    basis: str | None,
    life: Lifecycle,
    clock_start: date | None,
    policy: Policy,
    cal: WorkCalendar,
) -> Due | None:
    """The date the data must be deleted by, or None while no clock runs (active client)."""
    if life.status == "prospect":
        if life.last_contact is None:
            return None
        offset = Offset(months=policy.subject_states.prospect_retention_months)
        return Due(
            apply_offset(life.last_contact, offset, cal), "last_contact", life.last_contact, offset
        )
    if life.status != "former_client" or life.end_of_cooperation is None:
        return None
    rule = category.rule_for(basis)
    if rule is None:
        return None
    start, anchor = life.end_of_cooperation, "end_of_cooperation"
    if rule.anchor == "contract_end" and clock_start is not None:
        start, anchor = clock_start, "contract_end"
    try:
        return Due(apply_offset(start, rule.offset, cal), anchor, start, rule.offset)
    except (ValueError, OverflowError):
        # Past the calendar's last day: a contract without end, written as 9999-12-31.
        return None


def deletion_status(due: date, present: int, as_of: date, due_soon_days: int) -> tuple[str, int]:
    """(status, days overdue). Due on the due date itself is still in time."""
    if present == 0:
        return "deleted", 0
    if as_of > due:
        return "overdue", (as_of - due).days
    if (due - as_of).days <= due_soon_days:
        return "due_soon", 0
    return "scheduled", 0

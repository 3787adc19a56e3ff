"""Deadlines of written requests from data subjects.

>>> respond_by(policy.request_types["access"], date(2026, 1, 31), cal)
datetime.date(2026, 3, 2)
"""

from __future__ import annotations

from datetime import date

from compliance.policy import RequestType
from compliance.workdays import WorkCalendar, add_working_days, one_month_deadline

REQUEST_STATUSES = ("open", "answered", "overdue")
CHANNELS = ("post", "email")


def respond_by(
    request_type: RequestType, received_on: date, cal: WorkCalendar, extended: bool = False
) -> date | None:
    """The last day to answer; None for types that are only logged (complaints)."""
    deadline = request_type.deadline
    if deadline is None:
        return None
    if deadline.working_days:
        return add_working_days(received_on, deadline.working_days, cal)
    months = deadline.months + (request_type.extension_months if extended else 0)
    return one_month_deadline(received_on, cal, months=months)


def request_status(due: date | None, answered_on: date | None, as_of: date) -> str:
    """answered once an answer is on or before as_of; overdue after the due date."""
    if answered_on is not None and answered_on <= as_of:
        return "answered"
    if due is not None and as_of > due:
        return "overdue"
    return "open"

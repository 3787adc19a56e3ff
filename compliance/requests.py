"""Deadlines of written requests from data subjects.

>>> respond_by(request_type(policy, "access"), date(2026, 1, 31), cal)
datetime.date(2026, 3, 2)

A request of type 'unclear' (an e-mail *te beoordelen*: possibly a request) has no type of
its own in the policy: until the owner confirms or dismisses it, it carries the shortest
deadline its candidate types could have, so no deadline is missed while it waits.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from compliance.policy import UNCLEAR, Offset, Policy, RequestType
from compliance.workdays import WorkCalendar, add_working_days, one_month_deadline

REQUEST_STATUSES = ("open", "answered", "overdue")
CHANNELS = ("post", "email")


def _length(deadline: Offset) -> tuple[int, int]:
    """Shorter first: any working-days deadline is shorter than any of months or years."""
    if deadline.working_days:
        return (0, deadline.working_days)
    return (1, deadline.years * 12 + deadline.months)


def request_type(
    policy: Policy, type_id: str, candidates: Iterable[str] | None = ()
) -> RequestType:
    """The policy's request type; for 'unclear' one with the shortest deadline of its
    candidates (of all types when no candidate has a deadline, e.g. only a complaint)."""
    if type_id != UNCLEAR:
        return policy.request_types[type_id]
    types = policy.request_types
    if isinstance(candidates, str) or not isinstance(candidates, Iterable):
        candidates = ()  # None, or missing in a frame (NaN, NA)
    chosen = [types[c] for c in candidates if c in types]
    deadlines = [t.deadline for t in chosen if t.deadline is not None]
    if not deadlines:
        deadlines = [t.deadline for t in types.values() if t.deadline is not None]
    base = next(iter(types.values()))
    basis_nl = (
        "Mogelijk een verzoek: tot de eigenaar het bevestigt of afwijst, geldt de kortste "
        "termijn die het verzoek zou kunnen hebben."
    )
    basis_en = (
        "Possibly a request: until the owner confirms or dismisses it, it gets the shortest "
        "deadline it could have."
    )
    return replace(
        base,
        id=UNCLEAR,
        label_nl="Te beoordelen (mogelijk verzoek)",
        label_en="To review (possibly a request)",
        deadline=min(deadlines, key=_length) if deadlines else None,
        extension_months=0,
        sets_end_of_cooperation=False,
        basis_nl=basis_nl,
        basis_en=basis_en,
    )


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
